"""Live blogs: each block of updates carries its own timestamp, and "this morning" in a
block means the morning of that block's day, not of the page's publication.

A live blog is a page with several blocks, each holding one machine-readable timestamp
(`<time datetime=...>`, the HTML element pages and schema.org's LiveBlogPosting use for
it) and its own paragraphs. A paragraph the article reader kept is matched to the block
whose text holds it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from generator.reading.metadata import iso_date

MIN_BLOCKS = 2  # one timestamp on a page is its publication time, not a live blog


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _block_of(time: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The smallest element around a timestamp that holds paragraphs of its own and no
    other timestamp."""
    block = time.getparent()
    while block is not None:
        stamps = block.xpath(".//time[@datetime]")
        if len(stamps) > 1:
            return None
        if block.xpath(".//p"):
            return block
        block = block.getparent()
    return None


def timestamped_blocks(page: str) -> list[tuple[str, str]]:
    """(date, text) of each timestamped block, when the page is a live blog."""
    try:
        tree = lxml_html.document_fromstring(page)
    except (ValueError, etree.ParserError):
        return []
    found = []
    for time in tree.xpath("//time[@datetime]"):
        day = iso_date(time.get("datetime"))
        block = _block_of(time)
        if day and block is not None:
            found.append((day, _squeeze(block.text_content())))
    return found if len(found) >= MIN_BLOCKS else []


def paragraph_dates(page: str, paragraphs: list[str]) -> dict[int, str]:
    """The date of each paragraph that sits in a live blog's timestamped block."""
    blocks = timestamped_blocks(page)
    dates: dict[int, str] = {}
    for i, paragraph in enumerate(paragraphs):
        text = _squeeze(re.sub(r"^[-*]\s+", "", paragraph))
        day = next((d for d, block in blocks if text and text in block), None)
        if day:
            dates[i] = day
    return dates
