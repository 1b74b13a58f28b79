"""SGML and XML news records saved as text (`.txt`): read their title, date, dateline and
body elements.

Wire archives and research corpora keep a story as one record of tagged fields
(Reuters-21578, TIPSTER and AQUAINT, Gigaword, TimeML, NITF); the element names that hold
each field are data (`data/reading_markup.yml`), so any corpus that uses the common names
reads the same way. lxml's recovering XML parser reads SGML's unclosed or unknown
entities; the body's text then goes through the plain-text reader (hard-wrapped lines,
indented paragraphs, a sign-off such as "REUTER").
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from generator.datafiles import load_data
from generator.reading.metadata import iso_date, plausible_day
from generator.reading.page import Page
from generator.reading.text_page import read_text_page

# A record opens with a tag (after an XML declaration or a doctype) and closes that tag.
RECORD_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<(?P<tag>[A-Za-z][\w.:-]*)[\s>]")
# Control characters that old records carry as entities (&#2; &#3;): no text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SHARE_OF_INNER = 0.9  # an inner body element holding this much of the outer one's text is the body


@cache
def markup_rules() -> dict:
    return {k: [x.lower() for x in v] for k, v in load_data("reading_markup").items()}


def looks_like_markup(text: str) -> bool:
    """A tagged record (or a file of them): it opens with a tag, ends by closing that tag,
    and holds at least three closing tags; a Markdown file that opens with an HTML block
    goes on after the block closes."""
    m = RECORD_START.match(text)
    return bool(m) and text.rstrip().lower().endswith(f"</{m['tag'].lower()}>") and text.count("</") >= 3


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _text(element: etree._Element, leave: frozenset[str] = frozenset()) -> str:
    """The element's text, without the elements named in `leave` (a title or a dateline
    inside the body element)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if _name(child) not in leave:
            parts.append(_text(child, leave))
        parts.append(child.tail or "")
    return CONTROL.sub("", "".join(parts))


def _first(root: etree._Element, names: list[str]) -> etree._Element | None:
    """The first element, in the order of `names`, with any text."""
    for name in names:
        for element in root.iter():
            if _name(element) == name and _text(element).strip():
                return element
    return None


def _date(root: etree._Element) -> str | None:
    rules = markup_rules()
    for element in root.iter():
        if _name(element) not in rules["date"]:
            continue
        attributes = {k.lower(): v for k, v in element.attrib.items()}
        for value in [_text(element), *(attributes.get(a) for a in rules["date_attributes"])]:
            day = plausible_day(iso_date(value)) if value else None
            if day:
                return day
    return None


def _body(root: etree._Element, leave: frozenset[str]) -> etree._Element | None:
    """The body: the body element with the most text, or an inner one holding about as
    much (Reuters nests BODY in TEXT, TIPSTER TEXT in BODY)."""
    found = [(e, len(_text(e, leave).strip())) for e in root.iter() if _name(e) in markup_rules()["body"]]
    found = [(e, n) for e, n in found if n]
    if not found:
        return None
    most = max(n for _, n in found)
    near = [e for e, n in found if n >= most * SHARE_OF_INNER]
    return max(near, key=lambda e: sum(1 for _ in e.iterancestors()))


def _body_text(body: etree._Element, leave: frozenset[str]) -> str:
    """The body as plain text: its paragraph elements as blank-line paragraphs, else its
    text as it is (hard-wrapped lines and indents kept for the text reader)."""
    paragraphs = [e for e in body.iter() if _name(e) in markup_rules()["paragraph"]]
    if paragraphs:
        return "\n\n".join(" ".join(_text(p, leave).split()) for p in paragraphs)
    return _text(body, leave)


def read_markup_page(text: str) -> Page:
    """A record's title, date, dateline and body; the body read as plain text."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    if root is None:
        return read_text_page(text)
    rules = markup_rules()
    leave = frozenset(rules["title"] + rules["date"] + rules["dateline"] + rules["skip"])
    body = _body(root, leave)
    page = read_text_page(_body_text(body if body is not None else root, leave))
    title = _first(root, rules["title"])
    dateline = _first(root, rules["dateline"])
    return Page(title=" ".join(_text(title).split()) if title is not None else page.title,
                paragraphs=page.paragraphs, date=_date(root) or page.date, url=page.url, year=page.year,
                title_from="page" if title is not None else page.title_from,
                dateline=" ".join(_text(dateline).split()) if dateline is not None else None)
