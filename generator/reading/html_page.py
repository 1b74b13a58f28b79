"""HTML pages: trafilatura (a maintained article-extraction library) for the story and
its metadata, htmldate for the page's date, then the furniture rules for what trafilatura
lets through: link lines, share widgets, subscription, paywall and newsletter boxes (with
the heading above them), a box of summary points above the story, and the headings and
tables of other widgets after its last paragraph.
"""

from __future__ import annotations

import json
import re

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from generator.reading.furniture import classify, is_chrome, is_page_furniture, is_summary_label
from generator.reading.live_blog import paragraph_dates
from generator.reading.metadata import iso_date, plausible_day
from generator.reading.page import Page

SHORT_BODY = 500  # characters: below this, the precise extraction probably missed the story
HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                        re.IGNORECASE | re.DOTALL)
LIST_ITEM = re.compile(r"^[-*•]\s+")
TABLE_ROW = re.compile(r"^\|.*\|$")


def looks_like_html(text: str) -> bool:
    """An HTML page saved under another name (a `.txt` holding a whole page)."""
    return bool(HTML_START.match(text))


def _html_paragraphs(body: str) -> list[str]:
    return [x.strip() for x in body.splitlines() if x.strip()]


def _extract(html: str, precise: bool):
    return trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, include_images=False, include_links=False,
        favor_precision=precise, favor_recall=not precise, with_metadata=True, deduplicate=False,
    )


def _drop_boxes(lines: list[str]) -> list[str]:
    """Boxes inside the story: a chrome block (subscription, paywall, newsletter) with the
    heading above it ("The Weekly Letter"), a summary label ("Highlights") with the
    list of points under it."""
    kept: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if classify(line) == "heading" and following and is_chrome(following):
            k += 2
            continue
        if is_summary_label(line) and LIST_ITEM.match(following):
            k += 1
            while k < len(lines) and LIST_ITEM.match(lines[k]):
                k += 1
            continue
        kept.append(line)
        k += 1
    return kept


def _drop_tail(lines: list[str]) -> list[str]:
    """After the story's last paragraph, the tables of other widgets (a data box, a
    standings table) with the headings above them."""
    end = len(lines)
    while end > 0 and TABLE_ROW.match(lines[end - 1]):
        end -= 1
    if end == len(lines):
        return lines
    while end > 0 and classify(lines[end - 1]) == "heading" and not LIST_ITEM.match(lines[end - 1]):
        end -= 1
    return lines[:end] if end else lines


def _body_of(doc) -> list[str]:
    body = (doc.text if doc is not None else "") or ""
    lines = _drop_boxes(_html_paragraphs(body))
    return _drop_tail([x for x in lines if not is_page_furniture(x)])


def _json_ld_items(data: object) -> list[dict]:
    """The objects of a JSON-LD block: itself, a list of them, an "@graph"."""
    items = data if isinstance(data, list) else [data]
    found = [x for x in items if isinstance(x, dict)]
    return found + [g for x in found for g in _json_ld_items(x.get("@graph") or [])]


def json_ld_date(html: str) -> str | None:
    """The publication date the page's JSON-LD states (schema.org `datePublished`, else
    `dateCreated`): what the publisher declares, before any heuristic."""
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return None
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for item in _json_ld_items(data):
            for key in ("datePublished", "dateCreated"):
                day = plausible_day(iso_date(item.get(key))) if isinstance(item.get(key), str) else None
                if day:
                    return day
    return None


def _page_date(html: str, doc) -> str | None:
    """The page's publication date: its JSON-LD, then htmldate (meta tags, then a date in
    the address: `deferred_url_extractor`, since by default htmldate trusts the canonical
    address first, and a newspaper's address may carry the print edition's day, one after
    publication), then dates in the text; trafilatura's when none."""
    try:
        date = json_ld_date(html) or find_date(html, original_date=True, extensive_search=False,
                                               outputformat="%Y-%m-%d", deferred_url_extractor=True)
    except Exception:  # htmldate raises on odd pages; a missing date is not an error
        date = None
    return date or (doc.date if doc is not None else None)


def read_html_page(html: str) -> Page:
    """Trafilatura for the article, its metadata for the title, htmldate for the date.

    Precision first: page furniture costs more than a missed line. When that finds
    almost nothing, the page's markup misled it, and a recall-minded pass is kept if it
    finds more."""
    doc = _extract(html, precise=True)
    paragraphs = _body_of(doc)
    if sum(len(x) for x in paragraphs) < SHORT_BODY:
        wider = _extract(html, precise=False)
        more = _body_of(wider)
        if sum(len(x) for x in more) > sum(len(x) for x in paragraphs):
            doc, paragraphs = wider, more
    title = doc.title if doc is not None else None
    url = doc.url if doc is not None else None
    while paragraphs and title and paragraphs[0].strip() == title.strip():
        paragraphs.pop(0)  # the headline, printed above the story
    return Page(title=title, paragraphs=paragraphs, date=_page_date(html, doc), url=url,
                paragraph_dates=paragraph_dates(html, paragraphs))
