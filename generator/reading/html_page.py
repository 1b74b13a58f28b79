"""HTML pages: trafilatura (a maintained article-extraction library) for the story and
its metadata, htmldate for the page's date, then the furniture rules for what trafilatura
lets through.
"""

from __future__ import annotations

import trafilatura
from htmldate import find_date

from generator.reading.furniture import is_page_furniture
from generator.reading.page import Page


def _html_paragraphs(body: str) -> list[str]:
    return [x.strip() for x in body.splitlines() if x.strip()]


SHORT_BODY = 500  # characters: below this, the precise extraction probably missed the story


def _extract(html: str, precise: bool):
    return trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, include_images=False, include_links=False,
        favor_precision=precise, favor_recall=not precise, with_metadata=True, deduplicate=False,
    )


def _body_of(doc) -> list[str]:
    body = (doc.text if doc is not None else "") or ""
    return [x for x in _html_paragraphs(body) if not is_page_furniture(x)]


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
    try:
        date = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd pages; a missing date is not an error
        date = None
    date = date or (doc.date if doc is not None else None)
    url = doc.url if doc is not None else None
    while paragraphs and title and paragraphs[0].strip() == title.strip():
        paragraphs.pop(0)  # the headline, printed above the story
    return Page(title=title, paragraphs=paragraphs, date=date, url=url)
