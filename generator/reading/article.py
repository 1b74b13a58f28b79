"""Article reading: a file in, the article's title, date and body paragraphs out.

Two readers: `.html`/`.htm` pages go through `html_page` (trafilatura and htmldate);
`.txt` and `.md` files through `text_page`, a rule-based body finder. The publication
date is taken in the contract's order: the command line, the article's own metadata
(front matter or a `NAME.meta.yml` sidecar), the page's metadata, a dateline; otherwise
none, and relative dates stay unresolved (`metadata.py` reads each of them).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.dates import find_times
from generator.reading import inputs
from generator.reading.html_page import read_html_page
from generator.reading.metadata import (
    dateline_date,
    iso_date,
    read_sidecar,
    split_front_matter,
    url_date,
    year_hint,
)
from generator.reading.page import Article, PublishedFrom, ReadError
from generator.reading.text_page import read_text_page
from generator.text import DATELINE, plain_spaces, slugify, strip_invisible

DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}){0,2}[~?%]?")  # one date, no interval


def _dateline(paragraphs: list[str]) -> re.Match | None:
    return DATELINE.match(paragraphs[0]) if paragraphs else None


def first_words(text: str, limit: int = 100) -> str:
    """A stand-in title from the text: its first sentence, cut at a word."""
    sentence = re.split(r"(?<![A-Z][a-z]\.)(?<![A-Z]\.)(?<=[.!?])\s+(?=[A-Z\"“])", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def read_article(path: Path, published: str | None = None) -> Article:
    """Read one article file: its title, publication date (and where it came from), body."""
    path = Path(path)
    raw = plain_spaces(strip_invisible(inputs.read_text(path)))
    meta = read_sidecar(path)
    if path.suffix.lower() in inputs.HTML_SUFFIXES:
        page = read_html_page(raw)
    else:
        front, raw = split_front_matter(raw, path)
        meta = {**meta, **front}
        page = read_text_page(raw)
    if not page.paragraphs:
        raise ReadError(f"{path}: no article text found; expected paragraphs of prose")
    url = meta.get("url") or page.url
    dateline = _dateline(page.paragraphs)
    sources: list[tuple[PublishedFrom, str | None]] = [
        ("cli", iso_date(published)),
        ("metadata", iso_date(meta.get("published") or meta.get("date"))),
        ("page", iso_date(page.date) or url_date(url)),
        ("dateline", dateline_date(dateline, page.year or year_hint([], str(url) if url else None))),
    ]
    published_from, date = next(((k, v) for k, v in sources if v), ("none", None))
    opening = page.paragraphs[0][dateline.end():] if dateline else page.paragraphs[0]
    title = str(meta.get("title") or page.title or first_words(opening)).strip()
    extra = {k: v for k, v in meta.items() if k not in ("title", "published", "date", "url")}
    if dateline:
        extra["dateline"] = dateline.group(0).rstrip()
    return Article(id=slugify(path.stem, "article"), path=path, title=title, paragraphs=page.paragraphs,
                   published=date, published_from=published_from, url=str(url) if url else None,
                   metadata=extra)


def reading_report(article: Article) -> dict:
    """What `briefing read --json` prints: {title, published, published_from, paragraphs,
    times: [{text, paragraph, start, end, value}]} (offsets within the paragraph)."""
    anchor = dt.date.fromisoformat(article.published) if article.published else None
    times: list[dict] = []
    previous: str | None = None  # the last date met, for "since then" in the next paragraph
    for i, paragraph in enumerate(article.paragraphs):
        for t in find_times(paragraph, anchor, previous):
            times.append({"text": t.text, "paragraph": i, "start": t.start, "end": t.end, "value": t.value})
            previous = t.value if t.value and DATE_VALUE.fullmatch(t.value) else previous
    return {
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "paragraphs": list(article.paragraphs),
        "times": times,
    }
