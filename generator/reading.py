"""Article reading: a file in, the article's title, date and body paragraphs out.

Three kinds of input: `.html`/`.htm` pages go through trafilatura (a maintained
article-extraction library) with htmldate for the page's date; `.txt` and `.md` files go
through a rule-based body finder, because scraped text mixes the story with headlines
and teasers of other stories, menus, link lists and footers. The publication date is
taken in DESIGN.md's order: the command line, the article's own metadata (front matter
or a `NAME.meta.yml` sidecar), the page's metadata, a dateline; otherwise none, and
relative dates stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import inputs
from .datafiles import load_data
from .dates import find_times, month_number
from .inputs import InputError

if TYPE_CHECKING:  # the schema (pydantic, edtf) is not needed to read an article
    from .schema import PublishedFrom

ReadError = InputError  # what reading raises: the input's path and what is wrong with it

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
WIDE_SPACE = re.compile("[\u00a0\u2007\u202f]")  # no-break spaces read as spaces
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
TERMINAL = re.compile(r"[.!?:;][\"'”’»)\]]*$|[\"”»][.!?]?$")
ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
URL = re.compile(r"https?://\S+|www\.\S+")
KEY_VALUE = re.compile(r"^[-*\s]*(?:\*\*|__)?[\w .()-]{1,40}(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\S")
BYLINE = re.compile(
    r"^(?:By|BY|Von|Par)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,12}"
    r"(?:\s*[,|/–-]\s*[\w .'’|/-]{0,60})?$"
)
# "SEOUL, Aug. 20 (Yonhap) --", "WASHINGTON, Feb 26 (Reuters) –", "MOSCOW (Reuters) -", "LONDON —"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?P<dash>--|–|—|-|_|:)\s+(?=\S)"
)
# A photo caption's credit: "REUTERS/Alina Smutko", "AFP via Getty Images", "(Photo: ...)"
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|XINHUA|ANADOLU)\s*/\s*[\w .'’-]{2,40}"
    r"|\b(?:via\s+)?Getty\s+Images|\((?:Photo|Image|Picture|Credit)\b[^)]*\)"
    r"|\b(?:Photo|Photograph|Image|Picture)\s*(?:by|:|credit:?)\s*[\w .'’/-]{2,60})\.?\s*$"
)
DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}/?$", re.IGNORECASE)
URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?:/|$|[^\d])"
)
URL_LINE = re.compile(
    r"^[-*\s]*(?:\*\*|__)?(?:url|source|link)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S+)", re.IGNORECASE
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}){0,2}[~?%]?")  # one date, no interval


@dataclass
class Article:
    id: str  # slug of the file name (or title), used as the source id in sheets
    path: Path
    title: str
    paragraphs: list[str]
    published: str | None = None  # ISO date YYYY-MM-DD
    published_from: PublishedFrom = "none"
    url: str | None = None
    metadata: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as sheets quote it: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Page:
    """What one reader found in a file, before the metadata order is applied."""

    title: str | None
    paragraphs: list[str]
    date: str | None = None  # the page's own date (HTML metadata, a date line by the byline)
    url: str | None = None
    year: int | None = None  # a year the page states elsewhere, for a dateline without one


# --- metadata ----------------------------------------------------------------------------


def iso_date(value: object) -> str | None:
    """A metadata date (YAML date, ISO string, or a common written form) as YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    days = [t.value for t in find_times(text, None) if t.value and ISO_DAY.fullmatch(t.value)]
    return days[0] if days else None


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """YAML front matter (--- ... ---) and the text after it."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group("yaml")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise ReadError(f"{path}:{line}: front matter is not valid YAML; expected key: value lines") from None
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[m.end():]


def sidecar_path(path: Path) -> Path | None:
    """NAME.meta.yml (or NAME.ext.meta.yml) next to the article, when there is one."""
    for candidate in (path.with_name(path.stem + ".meta.yml"), path.with_name(path.name + ".meta.yml"),
                      path.with_name(path.stem + ".meta.yaml")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> dict:
    side = sidecar_path(path)
    if side is None:
        return {}
    try:
        meta = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise ReadError(f"{side}:{line}: not valid YAML; expected title, published and url fields") from None
    except UnicodeDecodeError:
        raise ReadError(f"{side}: not UTF-8 text; expected a YAML metadata file") from None
    if not isinstance(meta, dict):
        raise ReadError(f"{side}:1: not a mapping; expected title, published and url fields")
    return meta


# --- plain and scraped text --------------------------------------------------------------


@cache
def furniture() -> dict:
    return load_data("reading_furniture")


def _bare(line: str) -> str:
    """A line without markdown heading, list and emphasis marks."""
    line = re.sub(r"^\s*(?:[-*+>]\s+)*(?:#{1,6}\s+)?", "", line)
    return line.replace("**", "").replace("__", "").strip()


def _link_share(line: str) -> float:
    """How much of a line is markdown links or bare URLs."""
    linked = sum(len(m.group(0)) for pattern in (MD_LINK, URL) for m in pattern.finditer(line))
    return linked / max(1, len(line))


def _is_furniture_phrase(line: str) -> bool:
    words = furniture()
    key = re.sub(r"[\s:|»›>·•\-–—]+$", "", _bare(line).lower()).strip(" .:|")
    if key in words["lines"]:
        return True
    return len(key) < 120 and any(key.startswith(s) for s in words["starts"])


def _is_credit(line: str) -> bool:
    key = _bare(line).lower()
    return any(key.startswith(s) for s in furniture()["closing_credits"])


def is_page_furniture(line: str) -> bool:
    """What an article extractor lets through that is still page furniture: link lines,
    "Comments", "Read more: ...". Narrower than `classify`, which also judges layout."""
    return _link_share(line) > 0.4 or _is_furniture_phrase(line) or bool(CAPTION_CREDIT.search(line))


def classify(line: str) -> str:
    """furniture, teaser, credit, prose or heading: what one block of text is.

    General signals only: links, known page phrases, bylines, teaser ellipses, sentence
    punctuation and length."""
    bare = _bare(line)
    words = bare.split()
    if not words or _link_share(line) > 0.4 or DOMAIN.match(bare):
        return "furniture"
    if _is_credit(bare):
        return "credit"
    byline = bool(BYLINE.match(bare)) and len(words) <= 16 and not bare.endswith(".")
    if _is_furniture_phrase(line) or byline or (len(words) < 12 and KEY_VALUE.match(line)):
        return "furniture"
    if CAPTION_CREDIT.search(bare):
        return "furniture"
    if ELLIPSIS.search(bare):
        return "teaser"
    if (TERMINAL.search(bare) and len(words) >= 4) or len(words) >= 25:
        return "prose"
    return "heading"


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: lines that run on into the next one."""
    if len(lines) < 2 or any(_link_share(x) > 0.4 for x in lines):
        return False
    open_ends = sum(1 for x in lines[:-1] if not TERMINAL.search(x))
    runs_on = sum(1 for x in lines[1:] if x[:1].islower())
    long_lines = sum(1 for x in lines[:-1] if len(x) >= 30)
    inner = len(lines) - 1
    return long_lines >= inner * 0.8 and open_ends >= inner * 0.6 and (runs_on > 0 or open_ends == inner)


def blocks(text: str) -> list[str]:
    """Paragraph-sized blocks: blank-line chunks, split into lines unless hard-wrapped."""
    found: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [x.strip() for x in chunk.splitlines() if x.strip()]
        if _is_wrapped(lines):
            found.append(" ".join(lines))
        else:
            found.extend(lines)
    return found


MAX_SUBHEADINGS = 3  # heading lines in a row that a story may hold between its paragraphs


def _settle_teasers(kinds: list[str]) -> list[str]:
    """A line ending in an ellipsis under a headline is another story's teaser; between two
    paragraphs of prose it is the story's own sentence trailing off."""
    settled = list(kinds)
    for k, kind in enumerate(kinds):
        if kind == "teaser":
            inside = 0 < k < len(kinds) - 1 and kinds[k - 1] == "prose" and kinds[k + 1] == "prose"
            settled[k] = "prose" if inside else "furniture"
    return settled


def _runs(kinds: list[str]) -> list[tuple[int, int]]:
    """Stretches of prose (end exclusive) that may hold short runs of subheadings; a
    closing credit ("(Reporting by ...)") ends its stretch."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    end = gap = 0
    for k, kind in enumerate(kinds):
        if kind == "prose" or (kind == "credit" and start is not None):
            start = k if start is None else start
            end, gap = k + 1, 0
            if kind == "credit":
                runs.append((start, end))
                start = None
        elif kind == "heading" and start is not None and gap < MAX_SUBHEADINGS:
            gap += 1
        else:
            if start is not None:
                runs.append((start, end))
            start, gap = None, 0
    if start is not None:
        runs.append((start, end))
    return runs


def find_body(lines: list[str]) -> tuple[list[str], int, int]:
    """The article's stretch of blocks: the run of prose holding the most text, with at
    least one paragraph-sized block; in a text without any page furniture, all of its
    prose. Returns the blocks' kinds and the stretch."""
    kinds = _settle_teasers([classify(x) for x in lines])

    def weight(run: tuple[int, int]) -> int:
        return sum(len(lines[k]) for k in range(*run) if kinds[k] in ("prose", "credit"))

    if "furniture" not in kinds:  # clean text: everything from the first paragraph on is the story
        prose = [k for k, kind in enumerate(kinds) if kind in ("prose", "credit")]
        if prose:
            return kinds, prose[0], prose[-1] + 1
    runs = _runs(kinds)
    substantial = [r for r in runs if any(len(lines[k].split()) >= 15 for k in range(*r))]
    best = max(substantial or runs, key=weight, default=(0, 0))
    return kinds, best[0], best[1]


def _unlink(line: str) -> str:
    """Markdown links read as their words."""
    return MD_LINK.sub(lambda m: m.group(1), line)


def _headline_key(line: str) -> str:
    """A heading without its " | Site name" tail, for spotting the same headline twice."""
    return _bare(line).split(" | ")[0].strip()


def text_title(lines: list[str], body_start: int) -> str | None:
    """A text file's headline: its first-level markdown heading; else a headline the page
    repeats (a scraped page prints it in the window title and above the story); else the
    first plain heading line before the body."""
    for line in lines:
        m = re.match(r"^(?:[-*]\s+)?#\s+(.+)$", line)
        if m and not DOMAIN.match(m.group(1).strip()):
            return m.group(1).strip()
    head = [x for x in lines[:body_start] if classify(x) == "heading"]
    keys = [_headline_key(x) for x in head]
    repeated = [k for k in keys if keys.count(k) > 1 and len(k.split()) >= 2]
    if repeated:
        return max(repeated, key=len)
    plain = [x for x in head if not x.lstrip().startswith("#")]
    return _headline_key(plain[0]) if plain else None


def year_hint(lines: list[str], url: str | None) -> int | None:
    """A year the page states outside the story (its address, its copyright line)."""
    m = re.search(r"/((?:19|20)\d\d)/", url or "")
    if m:
        return int(m.group(1))
    for line in reversed(lines):
        m = re.search(r"(?:copyright|©|\(c\))\D{0,12}((?:19|20)\d\d)", line, re.IGNORECASE)
        if m:
            return int(m.group(1))
    return None


def text_page_date(lines: list[str]) -> str | None:
    """A date printed by itself near the headline ("Feb 26, 2026 | 9:05 AM")."""
    for line in lines:
        if len(line) > 60 or KEY_VALUE.match(line) and "|" not in line:
            continue
        for t in find_times(line, None):
            if t.value and ISO_DAY.fullmatch(t.value) and len(line) - len(t.text) <= 25:
                return t.value
    return None


def text_url(lines: list[str]) -> str | None:
    for line in lines[:40]:
        m = URL_LINE.match(line)
        if m:
            return m.group(1)
    return None


def is_dateline_line(line: str) -> bool:
    """A dateline standing on its own line ("JOHANNESBURG, August 7 (Xinhua) --")."""
    m = DATELINE.match(line.strip() + " .")
    return bool(m) and bool(m.group("agency") or m.group("date") or line.strip().isupper())


def read_text_page(text: str) -> Page:
    lines = blocks(text)
    if not lines:
        return Page(title=None, paragraphs=[])
    kinds, start, end = find_body(lines)
    paragraphs = [_unlink(lines[k]) for k in range(start, end) if kinds[k] in ("prose", "credit")]
    if start > 0 and paragraphs and is_dateline_line(lines[start - 1]):
        # the story's dateline, set on a line of its own: it opens the first paragraph
        paragraphs[0] = f"{lines[start - 1].strip()} {paragraphs[0]}"
    url = text_url(lines)
    return Page(title=text_title(lines, start), paragraphs=paragraphs,
                date=text_page_date(lines[:start]), url=url, year=year_hint(lines, url))


# --- HTML ---------------------------------------------------------------------------------


def _html_paragraphs(body: str) -> list[str]:
    return [x.strip() for x in body.splitlines() if x.strip()]


SHORT_BODY = 500  # characters: below this, the precise extraction probably missed the story


def _extract(html: str, precise: bool):
    import trafilatura

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
    from htmldate import find_date

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


# --- the article ---------------------------------------------------------------------------


def _dateline(paragraphs: list[str]) -> re.Match | None:
    return DATELINE.match(paragraphs[0]) if paragraphs else None


def _dateline_date(m: re.Match | None, year: int | None) -> str | None:
    """The dateline's month and day, with its own year or one from elsewhere on the page;
    never a guessed year."""
    if m is None or not m.group("date"):
        return None
    parts = re.match(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?", m.group("date"))
    month = month_number(parts["mon"]) if parts else None
    year = int(parts["year"]) if parts and parts["year"] else year
    if month is None or year is None:
        return None
    try:
        return dt.date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def _url_date(url: str | None) -> str | None:
    m = URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def first_words(text: str, limit: int = 100) -> str:
    """A stand-in title from the text: its first sentence, cut at a word."""
    sentence = re.split(r"(?<![A-Z][a-z]\.)(?<![A-Z]\.)(?<=[.!?])\s+(?=[A-Z\"“])", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "article"


def read_article(path: Path, published: str | None = None) -> Article:
    """Read one article file: its title, publication date (and where it came from), body."""
    path = Path(path)
    raw = WIDE_SPACE.sub(" ", INVISIBLE.sub("", inputs.read_text(path)))
    meta = read_sidecar(path)
    if path.suffix.lower() in HTML_SUFFIXES:
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
        ("page", iso_date(page.date) or _url_date(url)),
        ("dateline", _dateline_date(dateline, page.year or year_hint([], str(url) if url else None))),
    ]
    published_from, date = next(((k, v) for k, v in sources if v), ("none", None))
    opening = page.paragraphs[0][dateline.end():] if dateline else page.paragraphs[0]
    title = str(meta.get("title") or page.title or first_words(opening)).strip()
    extra = {k: v for k, v in meta.items() if k not in ("title", "published", "date", "url")}
    if dateline:
        extra["dateline"] = dateline.group(0).rstrip()
    return Article(id=slug(path.stem), path=path, title=title, paragraphs=page.paragraphs,
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
