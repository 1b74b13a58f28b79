"""Article reading: a file in, the article's title, date and body paragraphs out.

Three readers: `.html`/`.htm` pages (and an HTML page saved as text) go through
`html_page` (trafilatura and htmldate); an SGML or XML record in a text file through
`markup_page`; other `.txt` and `.md` files through `text_page`, a rule-based body
finder. The publication date is taken in the contract's order: the command line, the
article's own metadata (front matter or a `NAME.meta.yml` sidecar), the page's metadata
(structured data, then a date line near the headline, then a date in its address), a
dateline; otherwise none, and relative dates stay unresolved (`metadata.py` reads each
of them). The title likewise: the article's metadata, the page's, a headline line; with
none of them the opening words stand in and `title_from` says "none".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.dates import find_times, last_date
from generator.reading import inputs
from generator.reading.furniture import split_sentences
from generator.reading.html_page import looks_like_html, read_html_page
from generator.reading.markup_page import looks_like_markup, read_markup_page
from generator.reading.metadata import (
    dateline_date,
    iso_date,
    read_sidecar,
    split_front_matter,
    url_date,
    year_hint,
)
from generator.reading.page import Article, Page, PublishedFrom, ReadError, TitleFrom
from generator.reading.text_page import is_story_block, read_text_page
from generator.text import DATELINE, plain_spaces, slugify, strip_invisible


def _dateline(page: Page) -> re.Match | None:
    """The story's dateline: the one the page sets apart, else the one opening the body."""
    if page.dateline:
        return DATELINE.match(page.dateline.strip() + " ")
    return DATELINE.match(page.paragraphs[0]) if page.paragraphs else None


def first_words(text: str, limit: int = 100) -> str:
    """A stand-in title from the text: its first sentence, cut at a word."""
    sentence = (split_sentences(text) or [text])[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def read_page(path: Path, raw: str) -> tuple[Page, dict]:
    """The reader for the file's shape, and the article's own metadata (sidecar, front
    matter)."""
    meta = read_sidecar(path)
    if path.suffix.lower() in inputs.HTML_SUFFIXES:
        return read_html_page(raw), meta
    front, raw = split_front_matter(raw, path)
    meta = {**meta, **front}
    if looks_like_html(raw):
        return read_html_page(raw), meta
    if looks_like_markup(raw):
        return read_markup_page(raw), meta
    return read_text_page(raw), meta


def read_article(path: Path, published: str | None = None) -> Article:
    """Read one article file: its title, publication date (and where each came from), body."""
    path = Path(path)
    raw = plain_spaces(strip_invisible(inputs.read_text(path)))
    page, meta = read_page(path, raw)
    if not page.paragraphs:
        if path.suffix.lower() not in inputs.HTML_SUFFIXES and not looks_like_html(raw):
            inputs.check_english(str(path), raw)  # a foreign text is refused as such, not as empty
        raise ReadError(f"{path}: no article text found; expected paragraphs of prose")
    url = meta.get("url") or page.url
    dateline = _dateline(page)
    sources: list[tuple[PublishedFrom, str | None]] = [
        ("cli", iso_date(published)),
        ("metadata", iso_date(meta.get("published") or meta.get("date"))),
        ("page", iso_date(page.date) or url_date(url)),
        ("dateline", dateline_date(dateline, page.year or year_hint([], str(url) if url else None))),
    ]
    published_from, date = next(((k, v) for k, v in sources if v), ("none", None))
    titles: list[tuple[TitleFrom, str | None]] = [("metadata", meta.get("title")),
                                                  (page.title_from, page.title)]
    title_from, title = next(((k, str(v).strip()) for k, v in titles if v and str(v).strip()), ("none", None))
    if title is None:  # the first words of the story, past a dateline or source line standing alone
        opening = next((p for p in page.paragraphs if not is_story_block(p, "heading")), page.paragraphs[0])
        if dateline and not page.dateline:
            opening = opening[dateline.end():]
        title = first_words(opening)
    extra = {k: v for k, v in meta.items() if k not in ("title", "published", "date", "url")}
    if dateline:
        extra["dateline"] = dateline.group(0).rstrip()
    return Article(id=slugify(path.stem, "article"), path=path, title=title, paragraphs=page.paragraphs,
                   published=date, published_from=published_from, url=str(url) if url else None,
                   metadata=extra, title_from=title_from, paragraph_dates=page.paragraph_dates)


def reading_report(article: Article) -> dict:
    """What `briefing read --json` prints: {title, title_from, published, published_from,
    paragraphs, times: [{text, paragraph, start, end, value, relation}]} (offsets within the
    paragraph; `relation` is "before" or "after" where an order word stands before the time,
    "since 1990"; a paragraph with a date of its own, a live blog's block, is read against it)."""
    times: list[dict] = []
    previous: str | None = None  # the last date met, for "since then" in the next paragraph
    for i, paragraph in enumerate(article.paragraphs):
        day = article.paragraph_dates.get(i) or article.published
        anchor = dt.date.fromisoformat(day) if day else None
        found = find_times(paragraph, anchor, previous)
        times += [{"text": t.text, "paragraph": i, "start": t.start, "end": t.end, "value": t.value,
                   "relation": t.relation} for t in found]
        previous = last_date(found, previous)
    return {
        "title": article.title,
        "title_from": article.title_from,
        "published": article.published,
        "published_from": article.published_from,
        "paragraphs": list(article.paragraphs),
        "times": times,
    }
