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
from generator.reading.headline import reads_as_words
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


def _parts(name: str) -> list[str]:
    """An element name's words: "story_title" -> story, title; "hl2" -> hl."""
    return [x for x in re.split(r"[^a-z]+", name) if x]


@cache  # names repeat: a TimeML record tags every event and time expression
def means_title(name: str) -> bool:
    """A name that means a headline: one of `title_words` as a part, none of `title_not`."""
    rules = markup_rules()
    parts = _parts(name)
    return any(x in rules["title_words"] for x in parts) and not any(x in rules["title_not"] for x in parts)


@cache
def means_date(name: str) -> bool:
    """A name that means a date of filing, issue or publication: a part that begins or
    ends with one of `date_words` ("filedate", "pubdate", "issued"), none naming another
    date (an update, an expiry)."""
    rules = markup_rules()
    parts = _parts(name)
    if any(x.startswith(tuple(rules["date_not"])) for x in parts):
        return False
    return any(x.startswith(w) or x.endswith(w) for x in parts for w in rules["date_words"])


def looks_like_markup(text: str) -> bool:
    """A tagged record (or a file of them): it opens with a tag, ends by closing that tag,
    and holds at least three closing tags; a Markdown file that opens with an HTML block
    goes on after the block closes."""
    m = RECORD_START.match(text)
    return bool(m) and text.rstrip().lower().endswith(f"</{m['tag'].lower()}>") and text.count("</") >= 3


def _name(element: etree._Element) -> str:
    return _local_name(element.tag) if isinstance(element.tag, str) else ""


@cache
def _local_name(tag: str) -> str:
    """A tag's name without its namespace, lower-cased: asked for every element, several
    times, and a record repeats a few names."""
    return etree.QName(tag).localname.lower()


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


def _title(root: etree._Element) -> str | None:
    """The record's headline: the first title element, by the order of the known names and
    then of any name that means a headline, whose text reads as words (a record number
    or an id never is one)."""
    elements = list(root.iter())
    known = [e for name in markup_rules()["title"] for e in elements if _name(e) == name]
    named = [e for e in elements if _name(e) not in markup_rules()["title"] and means_title(_name(e))]
    texts = (" ".join(_text(e).split()) for e in known + named)
    return next((t for t in texts if reads_as_words(t)), None)


def _element_day(element: etree._Element) -> str | None:
    """The date an element's text or one of its date attributes gives, when plausible."""
    attributes = {k.lower(): v for k, v in element.attrib.items()}
    for value in [_text(element), *(attributes.get(a) for a in markup_rules()["date_attributes"])]:
        day = plausible_day(iso_date(value)) if value else None
        if day:
            return day
    return None


def _date(root: etree._Element) -> str | None:
    """The record's date: the first known date element that reads as a date, else the
    first element whose name means a filing, issue or publication date and does."""
    elements = list(root.iter())
    known = [e for e in elements if _name(e) in markup_rules()["date"]]
    named = [e for e in elements if _name(e) not in markup_rules()["date"] and _is_date_field(e)]
    return next((day for day in map(_element_day, known + named) if day), None)


def _fields(root: etree._Element) -> frozenset[str]:
    """Names of the elements that are the record's fields, never its story: title, date,
    dateline, and the identifiers and notes of `skip`; an element whose name only may mean
    a date ("candidate" ends like "date") is a field when its text is one."""
    rules = markup_rules()
    listed = set(rules["title"] + rules["date"] + rules["dateline"] + rules["skip"])
    return frozenset(_name(e) for e in root.iter() if _name(e) in listed or means_title(_name(e))
                     or _is_date_field(e))


MAX_FIELD = 80  # characters: a date field holds a date and a time, never a story


def _is_date_field(element: etree._Element) -> bool:
    """An element whose name means a date and whose short text (or attribute) reads as one."""
    if not means_date(_name(element)) or len(_text(element)) > MAX_FIELD:
        return False
    return _element_day(element) is not None


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
    leave = _fields(root)
    body = _body(root, leave)
    page = read_text_page(_body_text(body if body is not None else root, leave))
    title = _title(root)
    dateline = _first(root, markup_rules()["dateline"])
    return Page(title=title or page.title, paragraphs=page.paragraphs, date=_date(root) or page.date,
                url=page.url, year=page.year, title_from="page" if title else page.title_from,
                dateline=" ".join(_text(dateline).split()) if dateline is not None else None)
