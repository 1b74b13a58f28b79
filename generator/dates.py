"""Time expressions: find them in text and normalize them to EDTF against an anchor date.

A rule-based tagger in the manner of HeidelTime: the grammar (patterns, vocabularies,
modifier words) lives in `data/dates_rules.yml`; this module expands it into regular
expressions, keeps the longest non-overlapping matches, and normalizes each one with the
function its rule names. Normalization is honest about precision: a month stays a month,
"late November" is an approximate month (`1999-11~`), "before Thursday" an open interval
(`../2020-10-08`). Relative expressions need the anchor (the publication date); without
one their value is None, so nothing is dated by guesswork.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from .datafiles import load_data
from .lazy import lazy_module

if TYPE_CHECKING:
    from edtf.parser.parser_classes import EDTFObject

edtf = lazy_module("edtf")  # only values the digits cannot bound need it (see generator/lazy.py)


@dataclass(frozen=True)
class TimeExpr:
    text: str  # the words as they stand in the text
    start: int  # character offsets in the text that was searched
    end: int
    value: str | None  # EDTF, or None when it cannot be resolved (no anchor, say)
    # "before" or "after" when an order word stands before the words ("since 1990",
    # "until Tuesday"): as TimeML's SIGNAL, it relates an event to the time, so the value
    # stays the time the words name and the event's date is opened (`opened`) by its user.
    relation: str | None = None
    # The last time of a range that starts here ("from May 1-3": "May 1" runs through
    # "3"). Each end stays its own expression with its own value, as TimeML marks them;
    # the range is what dates an event (`opened`).
    through: TimeExpr | None = None

    @property
    def opened(self) -> str | None:
        """The value an event takes from these words: the whole range ("2024-05-01/2024-05-03"),
        or one end of an open interval when an order word says so ("since 1990": "1990/..")."""
        if self.value and self.through is not None and self.through.value:
            return f"{self.value}/{self.through.value}"
        return relate(self.value, self.relation) if self.value and self.relation else self.value


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    before: re.Pattern | None = None  # the text before the match must end with this
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None  # the text after the match must not start with this


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    vocab: dict
    part_modifier: re.Pattern
    relation_modifier: re.Pattern
    tense: re.Pattern
    offset: re.Pattern  # "two days after" just before a time: the time moved by that much
    range_opener: re.Pattern  # "from" or "between" just before the first time of a range


# --- the grammar, built once from data --------------------------------------------------


def _alternation(words, case_sensitive: bool = False) -> str:
    """A regex alternation of words, longest first so that "a few" wins over "a"."""
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _fragments(vocab: dict) -> dict[str, str]:
    """Named pieces the rules use, made from the vocabularies."""
    names = {m for m, n in vocab["months"].items() if m == calendar.month_name[n].lower()}
    full_months = [m.capitalize() for m in names if m != "may"]
    abbrev = [m.capitalize() for m in vocab["months"] if m not in names]
    months = _alternation(full_months + ["May"] + [a + "." for a in abbrev] + abbrev, case_sensitive=True)
    weekdays = [w.capitalize() for w in vocab["weekdays"] if len(w) > 4]
    weekday_abbr = [w.capitalize() + "." for w in vocab["weekdays"] if len(w) <= 5 and not w.endswith("day")]
    holidays = _alternation(vocab["holidays"])
    return {
        "MONTH": rf"\b(?P<month>{months})(?![\w-])",
        "MONTH_FULL": rf"\b(?P<month>{_alternation(full_months, case_sensitive=True)})",
        "WEEKDAY": rf"\b(?P<weekday>{_alternation(weekdays, True)})",
        "WEEKDAY_ANY": rf"\b(?P<weekday>{_alternation(weekdays, True)}|{_alternation(weekday_abbr, True)})",
        "DAY": r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])",
        "YEAR": r"(?P<year>1\d{3}|20\d{2})(?![\w%])",
        "NUM": _alternation(vocab["numbers"]),
        "SEASON": rf"(?P<season>{_alternation(vocab['seasons'], case_sensitive=True)})",
        "HOLIDAY": holidays.replace("'", "['’]"),
        "DAYWORD": _alternation(vocab["day_words"]),
        "ORD": _alternation(vocab["ordinals"]),
    }


def _joined(alternatives: str) -> str:
    """A long alternation written over several YAML lines, without the folding spaces."""
    return "|".join(piece.strip() for piece in alternatives.split("|"))


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: fragments[m.group(1)], pattern)


def _compile(pattern: str | None, flags: int = re.IGNORECASE) -> re.Pattern | None:
    return re.compile(pattern, flags) if pattern else None


@cache
def grammar() -> Grammar:
    """Load and compile the grammar (once per process)."""
    vocab = load_data("dates_rules")
    frags = _fragments(vocab)
    rules = tuple(
        Rule(
            name=r["name"],
            kind=r["kind"],
            regex=re.compile(r"(?<![\w])" + _expand(r["pattern"], frags), re.IGNORECASE),
            before=_compile(r.get("before")),
            not_before=_compile(r.get("not_before")),
            not_after=_compile(r.get("not_after")),
        )
        for r in vocab["rules"]
    )
    part = _joined(vocab["part_modifiers"])
    relation = _alternation(vocab["relation_modifiers"])
    future = _joined(vocab["tense_markers"]["future"])
    past = _joined(vocab["tense_markers"]["past"])
    return Grammar(
        rules=rules,
        vocab=vocab,
        part_modifier=re.compile(rf"(?:^|(?<=[\s(]))(?:{part})\s*$", re.IGNORECASE),
        relation_modifier=re.compile(rf"(?:^|(?<=[\s(]))(?P<rel>{relation})\s+$", re.IGNORECASE),
        tense=re.compile(
            rf"(?:(?<![\w'’])(?:(?P<future>{future})|(?P<past>{past}))|(?P<shall>['’]ll))(?![\w'’])"
        ),
        offset=re.compile(_expand(vocab["offset"], frags) + r"\s+$", re.IGNORECASE),
        range_opener=re.compile(rf"(?<![\w])(?P<opener>{_alternation(vocab['ranges'])})\s+$", re.IGNORECASE),
    )


# --- small calendar helpers -------------------------------------------------------------


def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def _week(d: dt.date) -> str:
    """The Monday-to-Sunday week holding d, as an EDTF interval."""
    monday = d - dt.timedelta(days=d.weekday())
    return f"{_day(monday)}/{_day(monday + dt.timedelta(days=6))}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --- tense: which way an expression without a year or direction points ----------------


SENTENCE_END = re.compile(r"(?:[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(`])|\n)")
ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[a-z]{1,2}|\bvs|[A-Za-z]\.[A-Za-z]|\b[A-Z])\.$")


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end: a stop before a capital, unless the stop closes an
    abbreviation ("Mr.", "vs.", "Ala.", "U.S.")."""
    ends = []
    for m in SENTENCE_END.finditer(text):
        if m.group(0) != "\n" and ABBREVIATION.search(text, max(0, m.start() - 8), m.start() + 1):
            continue
        ends.append(m.start())
    return ends


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): good enough for finding its verbs."""
    ends = _sentence_ends(text)
    left = max((e + 1 for e in ends if e < start), default=0)
    right = min((e for e in ends if e >= end), default=len(text))
    return left, right


REPORTING = {"said", "says", "told", "reported", "announced"}
PAST_AUXILIARY_FREE = re.compile(r"^[a-z]+ed$")
PASSIVE = re.compile(r"\b(?:be|been|being|is|are|am|get|gets|got)\s+$")


def tense_of(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None: the tense marker nearest to the expression in its sentence.

    News reports past events by default, but "will meet on Friday" and "planned for
    March" point forward; the nearest marker decides, as HeidelTime does with POS tags.
    A bare -ed word counts less than an auxiliary, and a participle after "be" ("to be
    held") is no past tense at all."""
    lo, hi = _sentence_bounds(text, start, end)
    best: tuple[float, str] | None = None
    for m in grammar().tense.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        word = m.group(0)
        if m.group("past"):
            if PASSIVE.search(text, lo, m.start()) or re.search(r"(?:eed|dred)$", word):
                continue  # "indeed", "to be concluded": not a past tense
            if word in REPORTING and m.start() >= end and "," in text[end:m.start()]:
                continue  # "..., she said": the report, not the reported event
        distance: float = start - m.end() if m.end() <= start else m.start() - end
        if m.group("past") and PAST_AUXILIARY_FREE.match(word):
            distance = distance * 1.5 + 5  # a bare -ed word is weaker evidence than an auxiliary
        if best is None or distance < best[0]:
            best = (distance, "past" if m.group("past") else "future")
    return best[1] if best else None


NEAR_DAYS, FAR_DAYS = 45, 150


def _pick_year(candidates: dict[int, tuple[dt.date, dt.date]], anchor: dt.date, tense: str | None) -> int:
    """Of a period in the years around the anchor, the one the tense allows, nearest first."""
    def distance(span: tuple[dt.date, dt.date]) -> int:
        lo, hi = span
        return 0 if lo <= anchor <= hi else min(abs((lo - anchor).days), abs((hi - anchor).days))

    nearest = min(candidates, key=lambda y: (distance(candidates[y]), -y))
    allowed = {
        y: s for y, s in candidates.items()
        if tense is None or (tense == "past" and s[0] <= anchor) or (tense == "future" and s[1] >= anchor)
    }
    if not allowed:
        return nearest
    chosen = min(allowed, key=lambda y: (distance(allowed[y]), -y))
    # A date a few weeks off beats the tense: "invited them to a ceremony on March 12",
    # written in February, means this March, whatever the verb's tense.
    if distance(candidates[nearest]) <= NEAR_DAYS and distance(candidates[chosen]) > FAR_DAYS:
        return nearest
    return chosen


# --- normalizers: one per rule kind ------------------------------------------------------


@dataclass
class Found:
    """What a rule matched, with what the normalizer needs to know."""

    match: re.Match
    text: str  # the whole text searched
    anchor: dt.date | None
    previous: str | None = None  # the value of the expression before, for "that day"

    def group(self, name: str) -> str | None:
        try:
            value = self.match.group(name)
        except IndexError:
            return None
        return value.lower() if value else None

    @property
    def tense(self) -> str | None:
        """The tense that orients the expression. "Since May" looks back; "until Tuesday"
        looks forward from the verb ("postponed until Tuesday"); "Wednesday's ruling"
        names a past event unless the sentence says "will" or "ahead of"."""
        start, end = self.match.start(), self.match.end()
        if SINCE.search(self.text, max(0, start - 20), start):
            return "past"
        if UNTIL.search(self.text, max(0, start - 20), start) and relation_before(self.text, start):
            lo, hi = _sentence_bounds(self.text, start, end)
            # "until Thursday, they had not called him a suspect": a state that ended
            return "past" if re.search(r"\bhad\b", self.text[lo:hi]) else "future"
        if POSSESSIVE.search(self.match.group(0)):
            lo, _ = _sentence_bounds(self.text, start, end)
            return "future" if STRONG_FUTURE.search(self.text, lo, start) else "past"
        return tense_of(self.text, start, end)

    @property
    def direction(self) -> str | None:
        d = self.group("dir")
        return re.sub(r"\s+", " ", d) if d else None


SINCE = re.compile(
    r"(?<![\w])(?:ever\s+)?since\s+(?:(?:the\s+)?(?:early|late|mid|end\s+of|beginning\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
UNTIL = re.compile(r"(?<![\w])(?:until|till|up\s+to)\s+$", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$")
STRONG_FUTURE = re.compile(r"\b(?:will|'ll|upcoming|ahead\s+of|next)\b")


def _month_number(word: str) -> int:
    return grammar().vocab["months"][word.lower().rstrip(".")]


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Aug.", "September"), else None."""
    return grammar().vocab["months"].get(word.lower().rstrip("."))


def _year_of(f: Found) -> int | None:
    y = f.group("year")
    return int(y) if y else None


def norm_date(f: Found) -> str | None:
    month = f.group("month")
    m = _month_number(month) if month and not month.isdigit() else int(month)
    d = int(f.group("day"))
    year = _year_of(f)
    if year is not None:
        day = _safe_date(year, m, d)
        return _day(day) if day else None
    if f.anchor is None:
        return None
    spans = {y: (day, day) for y in (f.anchor.year - 1, f.anchor.year, f.anchor.year + 1)
             if (day := _safe_date(y, m, d))}
    if not spans:
        return None
    tense = {"last": "past", "past": "past", "this past": "past", "next": "future", "coming": "future"}.get(
        f.direction or "", f.tense)
    return _day(spans[_pick_year(spans, f.anchor, tense)][0])


def norm_month(f: Found) -> str | None:
    m = _month_number(f.group("month"))
    year = _year_of(f)
    if year is not None:
        return _month(year, m)
    if f.anchor is None:
        return None
    a = f.anchor.year
    ydir = f.group("ydir")
    if ydir:
        return _month(a + {"last": -1, "this": 0, "next": 1}[ydir], m)
    spans = {y: (dt.date(y, m, 1), _month_end(y, m)) for y in (a - 1, a, a + 1)}
    direction = f.direction
    if direction in ("last", "past", "this past"):
        spans = {y: s for y, s in spans.items() if s[1] < f.anchor} or spans
        return _month(max(spans), m)
    if direction in ("next", "coming"):
        spans = {y: s for y, s in spans.items() if s[0] > f.anchor} or spans
        return _month(min(spans), m)
    return _month(_pick_year(spans, f.anchor, f.tense), m)


def norm_year(f: Found) -> str | None:
    return f"{_year_of(f):04d}"


def norm_decade(f: Found) -> str | None:
    decade = f.group("decade")
    if decade:
        return decade[:3] + "X"
    short = int(f.group("decade2"))
    if f.anchor is not None:
        century = f.anchor.year // 100 * 100
        year = century + short if century + short <= f.anchor.year else century - 100 + short
    else:
        year = 1900 + short if short >= 30 else 2000 + short
    return str(year)[:3] + "X"


def norm_dayword(f: Found) -> str | None:
    if f.anchor is None:
        return None
    words = {re.sub(r"\s+", " ", k): v for k, v in grammar().vocab["day_words"].items()}
    offset = words[re.sub(r"\s+", " ", f.group("dayword"))]
    return _day(f.anchor + dt.timedelta(days=offset))


CLOCK_REACH = 7  # days: how far from the anchor the date met just before may be, to own a clock time


def norm_clock(f: Found) -> str | None:
    """"at 3 p.m.", "a noon rally": a time of day with no day of its own is on the day the
    text last named, when that is a day near the anchor ("on Tuesday ... at 3 p.m."), else
    on the anchor's day, as TimeML anchors a TIME to its reference date."""
    if f.anchor is None:
        return None
    ref = _date_of(f.previous)
    if ref is not None and ref[1] == "day" and abs((ref[0] - f.anchor).days) <= CLOCK_REACH:
        return _day(ref[0])
    return _day(f.anchor)


def norm_weekday(f: Found) -> str | None:
    """The weekday before or after the anchor that the direction or tense points to: "last
    Tuesday" said on a Tuesday is a week before, "next Friday" on a Friday a week on;
    without a direction, the future tense looks forward and anything else back (the
    anchor itself when it is that weekday). None when that day is outside the calendar."""
    if f.anchor is None:
        return None
    wd = grammar().vocab["weekdays"][f.group("weekday").rstrip(".")]
    back = (f.anchor.weekday() - wd) % 7  # days back to the same weekday, 0 = the anchor
    ahead = (wd - f.anchor.weekday()) % 7
    direction = f.direction
    if direction in ("last", "past", "this past"):
        days = -(back or 7)
    elif direction in ("next", "coming", "this coming"):
        days = ahead or 7
    else:
        days = ahead if f.tense == "future" else -back
    try:
        return _day(f.anchor + dt.timedelta(days=days))
    except OverflowError:
        return None


def norm_weekend(f: Found) -> str | None:
    if f.anchor is None:
        return None
    saturday_back = (f.anchor.weekday() - 5) % 7
    last_saturday = f.anchor - dt.timedelta(days=saturday_back)
    direction = f.direction
    forward = direction in ("next", "coming") or (direction in (None, "this") and f.tense == "future")
    if forward and saturday_back > 1:
        saturday = last_saturday + dt.timedelta(days=7)
    else:
        saturday = last_saturday
    return f"{_day(saturday)}/{_day(saturday + dt.timedelta(days=1))}"


_STEP = {"the": 0, "last": -1, "past": -1, "previous": -1, "the last": -1, "the past": -1, "the previous": -1,
         "this": 0, "current": 0, "the current": 0, "earlier this": 0, "later this": 0, "so far this": 0,
         "next": 1, "coming": 1, "following": 1, "the next": 1, "the coming": 1, "the following": 1}


def norm_relative(f: Found) -> str | None:
    if f.anchor is None:
        return None
    step = _STEP[f.direction]
    unit, a = f.group("unit"), f.anchor
    if unit == "week":
        return _week(a + dt.timedelta(days=7 * step))
    if unit == "month":
        return _month(*_add_months(a.year, a.month, step))
    if unit == "year":
        return f"{a.year + step:04d}"
    if unit == "decade":
        if f.direction in ("the last", "the past", "past"):
            return f"{a.year - 10}/{a.year}"
        return str(a.year + 10 * step)[:3] + "X"
    if unit == "century":
        return f"{a.year // 100 + step:02d}XX"
    return None


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def norm_stretch(f: Found) -> str | None:
    """'The past year', 'the next two weeks': a stretch of time ending or starting now."""
    if f.anchor is None:
        return None
    num = f.group("num")
    n = 1 if not num else int(num) if num.isdigit() else _number(num)
    unit, a = f.group("unit"), f.anchor
    backwards = f.direction in ("the last", "the past")
    if unit == "month":
        y, m = _add_months(a.year, a.month, -n if backwards else n)
        other = _safe_date(y, m, min(a.day, calendar.monthrange(y, m)[1]))
    elif unit == "year":
        other = _safe_date(a.year - n if backwards else a.year + n, a.month, min(a.day, 28))
    else:
        other = a + dt.timedelta(days=(-1 if backwards else 1) * n * _UNIT_DAYS[unit])
    if other is None:
        return None
    return f"{_day(other)}/{_day(a)}" if backwards else f"{_day(a)}/{_day(other)}"


def norm_recently(f: Found) -> str | None:
    """'Recently': some weeks up to the anchor, the start uncertain."""
    if f.anchor is None:
        return None
    return f"{_day(f.anchor - dt.timedelta(days=RECENT_DAYS))}~/{_day(f.anchor)}"


RECENT_DAYS = 60


def norm_coming(f: Found) -> str | None:
    """'In the coming weeks': a fuzzy stretch starting at the anchor."""
    if f.anchor is None:
        return None
    unit, a = f.group("unit"), f.anchor
    days = {"day": 7, "week": 28, "month": 90, "year": 3 * 365}[unit]
    return f"{_day(a)}/{_day(a + dt.timedelta(days=days))}~"


def _number(word: str) -> int:
    numbers = {re.sub(r"\s+", " ", k): v for k, v in grammar().vocab["numbers"].items()}
    return numbers[re.sub(r"\s+", " ", word.lower())]


def norm_ago(f: Found) -> str | None:
    if f.anchor is None:
        return None
    num = f.group("num")
    n = int(num) if num.isdigit() else _number(num)
    unit, a = f.group("unit"), f.anchor
    if unit == "day":
        return _day(a - dt.timedelta(days=n))
    if unit == "week":
        return _week(a - dt.timedelta(days=7 * n))
    if unit == "month":
        return _month(*_add_months(a.year, a.month, -n))
    if unit == "year":
        return f"{a.year - n:04d}"
    return f"{a.year - 10 * n:04d}~"


def norm_recent(f: Found) -> str | None:
    """'In recent weeks': a fuzzy stretch running up to the anchor."""
    if f.anchor is None:
        return None
    unit, a = f.group("unit"), f.anchor
    if unit == "day":
        return f"{_day(a - dt.timedelta(days=7))}~/{_day(a)}"
    if unit == "week":
        return f"{_day(a - dt.timedelta(days=28))}~/{_day(a)}"
    if unit == "month":
        return f"{_month(*_add_months(a.year, a.month, -3))}~/{_month(a.year, a.month)}"
    return f"{a.year - 3}~/{a.year}"


_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


def _season_span(y: int, code: int) -> tuple[dt.date, dt.date]:
    first, last = _SEASON_MONTHS[code]
    end_y, end_m = _add_months(y, 1, last - 1)
    return dt.date(y, first, 1), _month_end(end_y, end_m)


def norm_season(f: Found) -> str | None:
    code = grammar().vocab["seasons"][f.group("season")]
    year = _year_of(f)
    if year is not None:
        return f"{year:04d}-{code}"
    if f.anchor is None:
        return None
    a = f.anchor.year
    spans = {y: _season_span(y, code) for y in (a - 1, a, a + 1)}
    direction = f.direction
    if direction in ("last", "past", "this past"):
        y = max((y for y, s in spans.items() if s[1] < f.anchor), default=a - 1)
    elif direction in ("next", "coming"):
        y = min((y for y, s in spans.items() if s[0] > f.anchor), default=a + 1)
    else:
        y = _pick_year(spans, f.anchor, f.tense)
    return f"{y:04d}-{code}"


def _holiday_date(spec: dict, year: int) -> dt.date:
    if "day" in spec:
        return dt.date(year, spec["month"], spec["day"])
    month, weekday = spec["month"], spec["weekday"]
    days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    if "after_first" in spec:  # e.g. US Election Day: the Tuesday after the first Monday
        first = next(d for d in range(1, 8) if dt.date(year, month, d).weekday() == spec["after_first"])
        return next(d for d in days if d.day > first)
    nth = spec["nth"]
    return days[nth - 1] if nth > 0 else days[nth]


def norm_holiday(f: Found) -> str | None:
    name = re.sub(r"\s+", " ", f.group("holiday")).replace("’", "'")
    spec = grammar().vocab["holidays"][name]
    year = _year_of(f)
    if year is not None:
        return _day(_holiday_date(spec, year))
    if f.anchor is None:
        return None
    a = f.anchor.year
    spans = {y: (_holiday_date(spec, y),) * 2 for y in (a - 1, a, a + 1)}
    direction = f.direction
    if direction in ("last", "past"):
        y = max((y for y, s in spans.items() if s[0] < f.anchor), default=a - 1)
    elif direction in ("next", "coming"):
        y = min((y for y, s in spans.items() if s[0] > f.anchor), default=a + 1)
    else:
        y = _pick_year(spans, f.anchor, f.tense)
    return _day(spans[y][0])


def norm_quarter(f: Found) -> str | None:
    ordinal = f.group("ord")
    q = int(ordinal[0]) if ordinal[0].isdigit() else grammar().vocab["ordinals"][ordinal]
    year = _year_of(f)
    if year is None:
        if f.anchor is None:
            return None
        qdir = f.group("qdir")
        year = f.anchor.year + {"last": -1, "next": 1}.get(qdir or "", 0)
        if not qdir and (q - 1) * 3 + 1 > f.anchor.month and f.tense != "future":
            year -= 1
    return f"{_month(year, 3 * q - 2)}/{_month(year, 3 * q)}"


def norm_year_range(f: Found) -> str | None:
    first, last = f.group("year"), f.group("year2")
    if len(last) == 2:
        last = first[:2] + last
    return f"{first}/{last}" if int(last) > int(first) else None


def _date_of(value: str | None) -> tuple[dt.date, str] | None:
    """The first day of a single EDTF date and its precision: 'day', 'month' or 'year'."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?%]?", value or "")
    if not m or (m.group(2) and int(m.group(2)) > 12):
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return dt.date(y, mo, d), "day" if m.group(3) else "month" if m.group(2) else "year"


ANAPHORIC_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def norm_anaphoric(f: Found) -> str | None:
    """'That day', 'later that year', 'the following week': the date the text gave last,
    moved by the step the words say, at the precision the words ask for."""
    ref = _date_of(f.previous)
    if ref is None:
        return None
    day, precision = ref
    unit = f.group("unit")
    unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
    step = ANAPHORIC_STEP.get(f.group("step") or "", 0)
    if unit == "day":
        if precision != "day":
            return None
        return _day(day + dt.timedelta(days=step))
    if unit == "week":
        return _week(day + dt.timedelta(days=7 * step)) if precision == "day" else None
    if unit == "month":
        return _month(*_add_months(day.year, day.month, step)) if precision != "year" else None
    return f"{day.year + step:04d}"


def norm_paired_day(f: Found) -> str | None:
    """'April 24 and 25': the second day, in the month of the date just before."""
    ref = _date_of(f.previous)
    if ref is None or ref[1] != "day":
        return None
    day = _safe_date(ref[0].year, ref[0].month, int(f.group("day")))
    return _day(day) if day else None


def norm_since_then(f: Found) -> str | None:
    """'Since then': an interval open at the end, from the date the text gave last."""
    return f"{f.previous}/.." if _date_of(f.previous) else None


NORMALIZERS: dict[str, Callable[[Found], str | None]] = {
    "since_then": norm_since_then,
    "paired_day": norm_paired_day,
    "stretch": norm_stretch,
    "coming": norm_coming,
    "recently": norm_recently,
    "year_range": norm_year_range,
    "anaphoric": norm_anaphoric,
    "date": norm_date,
    "month": norm_month,
    "year": norm_year,
    "decade": norm_decade,
    "dayword": norm_dayword,
    "clock": norm_clock,
    "weekday": norm_weekday,
    "weekend": norm_weekend,
    "relative": norm_relative,
    "ago": norm_ago,
    "recent": norm_recent,
    "season": norm_season,
    "holiday": norm_holiday,
    "quarter": norm_quarter,
}


# --- modifiers: "late November", "before Thursday", "since last month" -----------------


def _approximate(value: str) -> str:
    """Mark a month, season, year or decade approximate; a day or interval keeps its value."""
    if "/" in value or value.endswith(("~", "?", "%")) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return value + "~"


def relate(value: str, relation: str) -> str:
    """One end of an open interval: before X is ../X, since or after X is X/..

    EDTF allows no unspecified digits in an interval's end, so a decade becomes its first
    year: "since the 1990s" is 1990/.., "before the 1990s" ../1990."""
    first = value.split("/", 1)[0].replace("X", "0")
    return f"../{first}" if relation == "before" else f"{first}/.."


DECADE = re.compile(r"(\d{3})X~?")


def _part_of(value: str, words: str) -> str:
    """A part of a period: the years a part word names in a decade ("the mid-90s" is
    1993~/1997~); any other period keeps its precision, marked approximate."""
    decade = DECADE.fullmatch(value)
    part = re.sub(r"^the\s+|\s+of$|[\s-]+$", "", re.sub(r"\s+", " ", words.strip().lower()))
    part = re.sub(r"^very ", "", part)
    years = grammar().vocab["decade_parts"].get(part)
    if decade is None or years is None:
        return _approximate(value)
    first, last = years
    return f"{decade.group(1)}{first}{'~' if first else ''}/{decade.group(1)}{last}{'~' if last < 9 else ''}"


def number_of(word: str | None) -> int:
    """The count a number word or digits give ("two", "a couple of", "3"); 1 for none."""
    if not word:
        return 1
    return int(word) if word.isdigit() else _number(word)


def shift(value: str | None, n: int, unit: str, order: str) -> str | None:
    """A single date moved by n units ("two days after May 3" is May 5), when the date is
    at least as precise as the unit; else None: the words say more than the date gives,
    and a guess dressed as a day is worse than no date."""
    ref = _date_of(value)
    if ref is None or value is None:
        return None
    n = n if order == "after" else -n
    day, precision = ref
    needed = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}
    if precision not in needed[unit]:
        return None
    try:
        if unit in ("day", "week"):
            return _day(day + dt.timedelta(days=n * (7 if unit == "week" else 1)))
        y, m = _add_months(day.year, day.month, n) if unit == "month" else (day.year + n, day.month)
    except (OverflowError, ValueError):
        return None
    if precision == "year":
        return f"{y:04d}"
    if precision == "month":
        return _month(y, m)
    moved = _safe_date(y, m, min(day.day, calendar.monthrange(y, m)[1])) if 1 <= y <= 9999 else None
    return _day(moved) if moved else None


Modified = tuple[int, str | None, str | None]  # (start, value, relation)


def _apply_modifiers(text: str, start: int, value: str | None) -> Modified:
    """Widen a match over the words before it that change its value: a part of the period
    ("late", "the end of") or a shift ("a day after"); then find the order word before it
    ("before", "since"), which becomes the expression's relation, not part of its value
    (TimeML's SIGNAL). A relation stays out when it is negated ("not until Tuesday" is
    Tuesday)."""
    g = grammar()
    head = text[max(0, start - 40):start]
    part = g.part_modifier.search(head)
    if part:
        start -= len(head) - part.start()
        value = _part_of(value, part.group(0)) if value else value
        head = text[max(0, start - 40):start]
    offset = g.offset.search(head)
    if offset and not part:
        start -= len(head) - offset.start()
        order = offset.group("order").lower()
        moved = shift(value, number_of(offset.group("num")), offset.group("unit").lower(), order)
        return start, moved or value, None if moved else order  # "a week after May": from May on
    return start, value, relation_before(text, start)


def relation_before(text: str, start: int) -> str | None:
    """'before' or 'after' when an order word ends the text before `start` ("since 1990",
    "until Tuesday"), from the relation modifiers of the grammar; None when there is none
    or it is negated ("not until Tuesday" is Tuesday)."""
    g = grammar()
    head = text[max(0, start - 40):start]
    rel = g.relation_modifier.search(head)
    if rel is None or re.search(r"\bnot\s+$", head[:rel.start()], re.IGNORECASE):
        return None
    return g.vocab["relation_modifiers"][re.sub(r"\s+", " ", rel.group("rel").lower())]


def _range_start(first: TimeExpr, last: TimeExpr) -> str | None:
    """The first time's value as the start of a range ending at the last, or None when the
    two make no range; it takes the last's year when it names none ("from March to May
    last year": both last year; "from November to February 2025": November 2024)."""
    a, b = first.value, last.value
    if not a or not b or "/" in a or "/" in b or _date_of(a) is None or _date_of(b) is None:
        return None
    if not re.search(r"\b\d{4}\b", first.text) and a[:4] != b[:4]:
        moved = b[:4] + a[4:]
        a = moved if moved.rstrip("~?%") <= b.rstrip("~?%") else f"{int(b[:4]) - 1:04d}" + a[4:]
    lo, hi = edtf_bounds(a), edtf_bounds(b)
    if lo is None or hi is None or lo[0] > hi[1] or a == b:
        return None
    return a


def _mark_ranges(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """Two times joined by a range's words ("from May 1-3", "between 2007 and 2012"): the
    first runs `through` the last, and takes the last's year when it names none."""
    vocab, out = grammar().vocab, list(times)
    for i in range(1, len(out)):
        prev, t = out[i - 1], out[i]
        link = text[prev.end:t.start].strip().lower()
        opener = grammar().range_opener.search(text, max(0, prev.start - 12), prev.start)
        allowed = vocab["ranges"].get(opener.group("opener").lower(), []) if opener \
            else vocab["range_bare_links"]
        if link not in allowed or prev.relation or prev.through:
            continue
        t = _week_on(prev, t)
        start = _range_start(prev, t)
        if start is not None:
            out[i - 1], out[i] = replace(prev, value=start, through=t), t
    return out


def _week_on(first: TimeExpr, last: TimeExpr) -> TimeExpr:
    """A range's last day named by its weekday alone runs forward from the first: "from
    Monday to Friday" said on a Wednesday, Monday past, is this Friday, not last week's."""
    a, b = _date_of(first.value), _date_of(last.value)
    if a is None or b is None or a[1] != "day" or b[1] != "day" or re.search(r"\d", last.text):
        return last
    if b[0] < a[0] <= b[0] + dt.timedelta(days=7):
        return replace(last, value=_day(b[0] + dt.timedelta(days=7)))
    return last


# --- the tagger -------------------------------------------------------------------------


def _allowed(rule: Rule, text: str, m: re.Match) -> bool:
    head, tail = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
    if rule.before and not rule.before.search(head):
        return False
    if rule.not_before and rule.not_before.search(head):
        return False
    return not (rule.not_after and rule.not_after.search(tail))


def _matches(text: str) -> list[tuple[re.Match, Rule]]:
    """Every rule's matches, then the longest of any overlapping set (earliest on a tie)."""
    found = [(m, rule) for rule in grammar().rules for m in rule.regex.finditer(text)
             if m.end() > m.start() and _allowed(rule, text, m)]
    found.sort(key=lambda x: (-(x[0].end() - x[0].start()), x[0].start()))
    kept: list[tuple[re.Match, Rule]] = []
    for m, rule in found:
        if all(m.end() <= k.start() or m.start() >= k.end() for k, _ in kept):
            kept.append((m, rule))
    return sorted(kept, key=lambda x: x[0].start())


OUTSIDE_CALENDAR = re.compile(r"^-|\d{5}")  # a year before 1 or after 9999 is no EDTF date


def find_times(text: str, anchor: dt.date | None, previous: str | None = None) -> list[TimeExpr]:
    """Time expressions in text, in order, each with its EDTF value against anchor.

    `previous` is the value of the last date the reader met before this text (in an
    earlier paragraph, say): "since then" and "that day" refer to it until the text
    gives a date of its own."""
    if isinstance(anchor, str):
        anchor = dt.date.fromisoformat(anchor)
    times: list[TimeExpr] = []
    for m, rule in _matches(text):
        previous = next((t.value for t in reversed(times) if _date_of(t.value)), previous)
        try:
            value = NORMALIZERS[rule.kind](Found(m, text, anchor, previous))
        except (KeyError, ValueError, TypeError, AttributeError, StopIteration, IndexError, OverflowError):
            value = None  # a date outside the calendar (an anchor in year 1, say) is no date
        start, value, relation = _apply_modifiers(text, m.start(), value)
        value = value if value is None or OUTSIDE_CALENDAR.search(value) is None else None
        end = m.end()
        while end > start and text[end - 1] in " ,":
            end -= 1
        times.append(TimeExpr(text[start:end], start, end, value, relation))
    return _mark_ranges(text, times)


def last_date(times: list[TimeExpr], previous: str | None) -> str | None:
    """The value "since then" and "the next day" refer to after these times: the last one
    that names a single date (not an interval), else `previous`. A reader carries it from
    paragraph to paragraph and sentence to sentence of one article."""
    return next((t.value for t in reversed(times) if _date_of(t.value)), previous)


# --- EDTF values -------------------------------------------------------------------------


@cache
def parse_edtf_value(value: str) -> EDTFObject | None:
    """The edtf package's object for a value, or None when the value is not EDTF. Cached:
    a briefing repeats a few dates many times, and one parse costs milliseconds."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # edtf 5 prints some failed parses
            return edtf.parse_edtf(value)
    except Exception:  # the parser raises several kinds (EDTFParseException, ValueError, ...)
        return None


def _struct_day(value: object, fallback: dt.date) -> dt.date:
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return fallback  # an open end (edtf's ±infinity) or a year outside the calendar


def edtf_bounds(value: object, fuzzy: bool = False) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day an EDTF value allows, as (first, last) dates; open ends
    reach `date.min` and `date.max`. None for no value, a value that is not a string (a
    hand-edited sheet may hold anything) or one that is not EDTF. `fuzzy` widens
    approximate and uncertain values by the edtf package's margins (its
    `lower_fuzzy`/`upper_fuzzy`), for deciding whether two dates may be one."""
    if not isinstance(value, str) or not value:
        return None
    return _edtf_bounds(value, fuzzy)


@cache
def _edtf_bounds(value: str, fuzzy: bool) -> tuple[dt.date, dt.date] | None:
    # a plain value is neither approximate nor uncertain: its fuzzy bounds are its strict ones
    plain = _plain_bounds(value)
    if plain is not None:
        return plain
    parsed = parse_edtf_value(value)
    if parsed is None:
        return None
    try:
        lower, upper = (parsed.lower_fuzzy(), parsed.upper_fuzzy()) if fuzzy else \
            (parsed.lower_strict(), parsed.upper_strict())
    except (ValueError, TypeError):  # edtf 5 cannot bound some unspecified digits ("2020-10-0X")
        return _bounds_by_digits(value)  # type: ignore[arg-type]
    return _struct_day(lower, dt.date.min), _struct_day(upper, dt.date.max)


_DIGITS_DATE = re.compile(r"(\d[\dX]{3})(?:-([\dX]{2}))?(?:-([\dX]{2}))?")
_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?")


def _plain_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The bounds of a plain calendar value (a year, a month, a day, or an interval of them,
    either end open), read off its digits without the edtf package: most values in a
    briefing are plain, and the package takes 6-17 ms to parse one. None for anything else
    (qualifiers, seasons, unspecified digits, an invalid day), which edtf judges. The test
    checks both give the same bounds."""
    if "/" in value:
        start, _, end = value.partition("/")
        if start == end == ".." or "" in (start, end):
            return None
        lo = _calendar_bounds(start) if start != ".." else (dt.date.min, dt.date.min)
        hi = _calendar_bounds(end) if end != ".." else (dt.date.max, dt.date.max)
        if lo is None or hi is None or lo[0] > hi[1]:
            return None
        return lo[0], hi[1]
    return _calendar_bounds(value)


def _calendar_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    match = _CALENDAR_DATE.fullmatch(value)
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return dt.date(year, month, day), dt.date(year, month, day)  # type: ignore[arg-type]
        if month is not None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])  # type: ignore[arg-type]
        return dt.date(year, 1, 1), dt.date(year, 12, 31)  # type: ignore[arg-type]
    except ValueError:  # 2021-02-30, year 0
        return None


def _bounds_by_digits(value: str) -> tuple[dt.date, dt.date] | None:
    """Bounds read off the digits, an X standing for any digit: the edtf package's own
    bounds fail on some unspecified days and months (EDTF level 1, "2020-10-0X")."""
    if "/" in value:
        start, _, end = value.partition("/")
        lo = _bounds_by_digits(start) if start not in ("", "..") else None
        hi = _bounds_by_digits(end) if end not in ("", "..") else None
        return (lo[0] if lo else dt.date.min), (hi[1] if hi else dt.date.max)
    match = _DIGITS_DATE.fullmatch(value.strip("~?%"))
    if match is None:
        return None
    year, month, day = match.groups()
    first_year, last_year = int(year.replace("X", "0")), int(year.replace("X", "9"))
    first_month = max(1, int((month or "01").replace("X", "0")))
    last_month = min(12, int((month or "12").replace("X", "9")))
    if first_month > 12:
        first_month, last_month = 1, 12  # a season (21-24) or a quarter: the whole year
    last_of_month = calendar.monthrange(last_year, last_month)[1]
    first_day = max(1, int((day or "01").replace("X", "0")))
    last_day = min(last_of_month, int(day.replace("X", "9")) if day else last_of_month)
    try:
        return dt.date(first_year, first_month, first_day), dt.date(last_year, last_month, last_day)
    except ValueError:
        return None
