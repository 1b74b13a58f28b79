"""Live blogs: each block of updates carries its own timestamp, and "this morning" in a
block means the morning of that block's day, not of the page's publication.

A timestamp is a machine-readable `<time datetime=...>` (the HTML element pages and
schema.org's LiveBlogPosting use) or an element whose whole text is a date line with a
day and a time ("6 Nov 2024 02:10", "Updated 9:42 AM GMT, 7 November 2023"). A block is the
smallest element around a timestamp that holds paragraphs and no other timestamp; where
the page sets its timestamps and paragraphs side by side in one container, it is the
timestamp and what follows it up to the next one. A page is a live blog when at least two
blocks hold paragraphs the article reader kept (a page's own date line, or the dates of a
list of other stories, never do); an embedded post that prints its own date and time
(a quoted tweet) is such a block too, and "today" in it is its day. A block's headings
are the update's own, never the story's text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import html as lxml_html

from generator.reading.furniture import date_line_day
from generator.reading.metadata import iso_date, plausible_day

MIN_BLOCKS = 2  # one timestamp on a page is its publication time, not a live blog
MAX_STAMP = 80  # characters: a timestamp's text is a date and a time, never a paragraph
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a day's date names its year
# An update's stamp says when in the day ("02:10", "9.42am", "4 PM"); a date alone by a
# photo or in a gallery ("May 17, 2012") is no update's.
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:[ap]\.?m\.?|h)(?!\w)", re.IGNORECASE)
SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
HEADINGS = "descendant-or-self::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"

Element = lxml_html.HtmlElement


@dataclass
class Block:
    """One update of a live blog: its day, its text and its headings (whitespace squeezed)."""

    day: str
    text: str
    headings: set[str] = field(default_factory=set)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def short_text(element: Element, limit: int = MAX_STAMP) -> str | None:
    """The element's text when it is at most `limit` characters (None when longer), read
    no further than needed: every element of a page is tried."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        if size > limit:
            return None
        parts.append(piece)
    return squeeze(" ".join(parts))


def stamp_day(element: Element) -> str | None:
    """The day a timestamp gives: a `<time>`'s datetime, else its text when the whole of it
    is a date line with a year."""
    if element.tag in SKIP:
        return None
    if element.tag == "time" and element.get("datetime"):
        day = plausible_day(iso_date(element.get("datetime")))
        if day:
            return day
    text = short_text(element)
    if not text or not YEAR.search(text) or not CLOCK.search(text):
        return None
    return plausible_day(date_line_day([text]))


def find_stamps(tree: Element) -> dict[Element, str]:
    """Each timestamp of the page with its day: the innermost element that gives one (a
    `<p>` holding only a `<time>` is one timestamp, not two)."""
    found = {e: day for e in tree.iter() if isinstance(e.tag, str) for day in [stamp_day(e)] if day}
    outer = {a for e in found for a in e.iterancestors() if a in found}
    return {e: day for e, day in found.items() if e not in outer}


def _holds_paragraphs(element: Element) -> bool:
    return bool(element.xpath(".//p"))


def block_elements(stamp: Element, held: Counter) -> list[Element]:
    """The elements of a timestamp's block: the smallest element around it holding
    paragraphs and no other timestamp; else, where its container holds the other
    timestamps too, it and its following siblings up to the next timestamp. `held`
    counts the timestamps under each element."""
    node = stamp
    while not (node is not stamp and _holds_paragraphs(node)):
        parent = node.getparent()
        if parent is None:
            return []
        if held[parent] > 1:
            run = [node]
            for sibling in node.itersiblings():
                if held[sibling]:
                    break
                if isinstance(sibling.tag, str):  # not a comment
                    run.append(sibling)
            return run
        node = parent
    return [node]


def _block(day: str, elements: list[Element]) -> Block:
    text = squeeze(" ".join(e.text_content() for e in elements))
    headings = {squeeze(h.text_content()) for e in elements for h in e.xpath(HEADINGS)}
    return Block(day=day, text=text, headings=headings - {""})


def timestamped_blocks(tree: Element) -> list[Block]:
    """The page's timestamped blocks, in page order."""
    stamps = find_stamps(tree)
    held: Counter = Counter()
    for stamp in stamps:
        held.update([stamp, *stamp.iterancestors()])
    blocks = [_block(day, block_elements(stamp, held)) for stamp, day in stamps.items()]
    return [b for b in blocks if b.text]


def paragraph_key(paragraph: str) -> str:
    """A paragraph as the page prints it: no list mark, whitespace squeezed."""
    return squeeze(re.sub(r"^[-*•]\s+", "", paragraph))


def live_blocks(tree: Element, paragraphs: list[str]) -> list[Block]:
    """The blocks of a live blog, when the page is one: at least two of them hold
    paragraphs the reader kept."""
    blocks = timestamped_blocks(tree)
    keys = [paragraph_key(p) for p in paragraphs]
    holding = [b for b in blocks if any(k and k in b.text and k not in b.headings for k in keys)]
    return holding if len(holding) >= MIN_BLOCKS else []


def paragraph_dates(blocks: list[Block], paragraphs: list[str]) -> dict[int, str]:
    """The date of each paragraph that sits in a live blog's block."""
    dates: dict[int, str] = {}
    for i, paragraph in enumerate(paragraphs):
        key = paragraph_key(paragraph)
        day = next((b.day for b in blocks if key and key in b.text), None)
        if day:
            dates[i] = day
    return dates
