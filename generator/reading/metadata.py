"""An article's metadata: front matter, a sidecar file, dates written on the page.

The publication date is taken in this order (see `article.read_article`): the command
line, the article's own metadata (front matter or a `NAME.meta.yml` sidecar), the page's
metadata or a date in its address, a dateline; the helpers here read each of them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from generator.dates import find_times, month_number
from generator.reading.page import ReadError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?:/|$|[^\d])"
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# Record dates of wire archives and corpora: "3-MAR-1989 14:20:05.11" (Reuters-21578),
# "19980807T061800" (NITF, compact ISO 8601).
DAY_MONTH_YEAR = re.compile(r"^(?P<d>\d{1,2})[- ](?P<mon>[A-Za-z]{3,9})\.?[- ](?P<y>(?:1[89]|20)\d\d)\b")
COMPACT_ISO = re.compile(r"^(?P<y>(?:1[89]|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T|$)")


def _day(year: int, month: int | None, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat() if month else None
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """A metadata date (YAML date, ISO string, a record's date, or a common written form)
    as YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _day(*map(int, m.groups()))
    m = DAY_MONTH_YEAR.match(text)
    if m:
        return _day(int(m["y"]), month_number(m["mon"]), int(m["d"]))
    m = COMPACT_ISO.match(text)
    if m:
        return _day(int(m["y"]), int(m["m"]), int(m["d"]))
    days = [t.value for t in find_times(text, None) if t.value and ISO_DAY.fullmatch(t.value)]
    return days[0] if days else None


EARLIEST_YEAR = 1800  # before this a page's date is a placeholder ("0001-01-01"), not a date


def plausible_day(day: str | None) -> str | None:
    """The day when it can be a publication date: from 1800 to next year (pages carry
    placeholders such as "0001-01-01" in their structured data)."""
    if not day:
        return None
    return day if EARLIEST_YEAR <= int(day[:4]) <= dt.date.today().year + 1 else None


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


# A dateline's date, month first ("Aug. 20, 2023") or day first ("20 August 2023").
DATELINE_MONTH_DAY = re.compile(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?")
DATELINE_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\s+(?P<mon>[A-Za-z]+)\.?(?:,?\s+(?P<year>\d{4}))?")


def dateline_date(m: re.Match | None, year: int | None) -> str | None:
    """The dateline's month and day (after the place, or in brackets: "BRELLO (June 8,
    2021) -"), with its own year or one from elsewhere on the page; never a guessed year."""
    text = (m.group("date") or m.group("bracket_date")) if m else None
    if not text:
        return None
    parts = DATELINE_MONTH_DAY.match(text) or DATELINE_DAY_MONTH.match(text)
    month = month_number(parts["mon"]) if parts else None
    year = int(parts["year"]) if parts and parts["year"] else year
    if month is None or year is None:
        return None
    try:
        return dt.date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    m = URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None
