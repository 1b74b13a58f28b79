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

from generator.reading.furniture import (
    classify,
    date_line_day,
    is_chrome,
    is_page_furniture,
    is_summary_label,
)
from generator.reading.headline import reads_as_words
from generator.reading.live_blog import live_blocks, paragraph_dates, paragraph_key, squeeze
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


def parse_page(html: str) -> lxml_html.HtmlElement | None:
    """The page's element tree, once for every rule that reads the markup itself."""
    try:
        return lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return None


def json_ld_date(tree: lxml_html.HtmlElement | None) -> str | None:
    """The publication date the page's JSON-LD states (schema.org `datePublished`, else
    `dateCreated`): what the publisher declares, before any heuristic."""
    if tree is None:
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


def _page_date(html: str, tree: lxml_html.HtmlElement | None, doc) -> str | None:
    """The page's publication date: its JSON-LD, then htmldate (meta tags, then a date in
    the address: `deferred_url_extractor`, since by default htmldate trusts the canonical
    address first, and a newspaper's address may carry the print edition's day, one after
    publication), then a date line the extractor kept ("Updated 9:42 AM GMT, Tuesday, 7
    November 2023"); trafilatura's when none (its wider search falls back on guesses such
    as a copyright year's first day)."""
    try:
        date = json_ld_date(tree) or find_date(html, original_date=True, extensive_search=False,
                                               outputformat="%Y-%m-%d", deferred_url_extractor=True)
    except Exception:  # htmldate raises on odd pages; a missing date is not an error
        date = None
    lines = _html_paragraphs((doc.text if doc is not None else "") or "")
    return date or plausible_day(date_line_day(lines)) or (doc.date if doc is not None else None)


def _meta_titles(tree: lxml_html.HtmlElement) -> set[str]:
    """The titles the page declares in its meta tags (og:title, twitter:title, title)."""
    found = tree.xpath("//meta[@property='og:title' or @name='twitter:title' or @name='title']/@content")
    return {squeeze(x) for x in found}


def page_headline(tree: lxml_html.HtmlElement | None, title: str | None, headings: set[str]) -> str | None:
    """The page's headline. The extractor's title stands when the page declares it (meta
    tags), the window title repeats it or it is an h1; otherwise it came from a lesser
    heading (a live blog's first update, an h2 styled as a title), and the h1 that the
    window title repeats is the headline, else, when the extractor took an update's
    heading, the longest h1."""
    if tree is None:
        return title
    window = squeeze(tree.findtext(".//title") or "").lower()
    h1s = [h for h in (squeeze(e.text_content()) for e in tree.iter("h1")) if reads_as_words(h)]
    declared = title and (title in _meta_titles(tree) or title.lower() in window or title in h1s)
    if declared and title not in headings:
        return title
    repeated = [h for h in h1s if h.lower() in window and h not in headings]
    if repeated:
        return max(repeated, key=len)
    stories = [h for h in h1s if h not in headings]
    return max(stories, key=len) if title in headings and stories else title


def _page_text(tree: lxml_html.HtmlElement) -> str:
    """The text a reader sees in the page's body, scripts and styles left out."""
    nodes = tree.xpath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return squeeze("".join(nodes))


def in_page_order(tree: lxml_html.HtmlElement | None, paragraphs: list[str]) -> list[str]:
    """The paragraphs in the order the page prints them. The extractor may splice a block
    it recovered after the one it began with (a standfirst after a live blog's first
    update); when each paragraph is printed once in the page, the page's order stands."""
    if tree is None or len(paragraphs) < 2:
        return paragraphs
    text = _page_text(tree)
    keys = [paragraph_key(p) for p in paragraphs]
    if not all(k and text.count(k) == 1 for k in keys):
        return paragraphs
    positions = [text.find(k) for k in keys]
    return [p for _, p in sorted(zip(positions, paragraphs, strict=True), key=lambda x: x[0])]


def read_html_page(html: str) -> Page:
    """Trafilatura for the article, its metadata for the title, htmldate for the date.

    Precision first: page furniture costs more than a missed line. When that finds
    almost nothing, the page's markup misled it, and a recall-minded pass is kept if it
    finds more. The headline and a live blog's update headings are no paragraphs, wherever
    the extractor put them."""
    doc = _extract(html, precise=True)
    paragraphs = _body_of(doc)
    if sum(len(x) for x in paragraphs) < SHORT_BODY:
        wider = _extract(html, precise=False)
        more = _body_of(wider)
        if sum(len(x) for x in more) > sum(len(x) for x in paragraphs):
            doc, paragraphs = wider, more
    tree = parse_page(html)
    blocks = live_blocks(tree, paragraphs) if tree is not None else []
    headings = {h for b in blocks for h in b.headings}
    title = page_headline(tree, doc.title if doc is not None else None, headings)
    heads = headings | ({squeeze(title)} if title else set())
    paragraphs = in_page_order(tree, [p for p in paragraphs if squeeze(p) not in heads])
    return Page(title=title, paragraphs=paragraphs, date=_page_date(html, tree, doc),
                url=doc.url if doc is not None else None, paragraph_dates=paragraph_dates(blocks, paragraphs))
