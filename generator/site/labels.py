"""How the site says things in words: an EDTF value as a date a reader knows ('9 October
2020', 'c. September 2020', 'before 8 October 2020'), a relation as a phrase, a kind as a
heading, where a publication date came from.
"""

from __future__ import annotations

import re

from generator.dates import edtf_bounds

MONTHS = "January February March April May June July August September October November December".split()

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

KIND_HEADINGS = {
    "country": "Countries",
    "person": "People",
    "organization": "Organizations",
    "group": "Groups",
    "place": "Places",
}

# Where a source's publication date came from, said for a reader.
DATE_ORIGINS = {
    "cli": "given when the briefing was generated",
    "metadata": "from the article's metadata",
    "page": "from the page's metadata",
    "dateline": "from the article's dateline",
}

# Where a source's title came from, said for a reader.
TITLE_ORIGINS = {
    "metadata": "from the article's metadata",
    "page": "from the page",
    "headline": "the article's headline",
    "none": "the article has no headline: these are its opening words",
}


# How a relation reads as a sentence, "<subject> <phrase> <target>".
RELATION_PHRASES = {
    "supports": "supports",
    "opposes": "opposes",
    "criticizes": "criticizes",
    "accuses": "accuses",
    "threatens": "threatens",
    "mediates": "mediates with",
    "allied-with": "is allied with",
    "defense-treaty": "has a defense treaty with",
    "hosts-base-of": "hosts a military base of",
    "member-of": "is a member of",
    "part-of": "is part of",
    "leader-of": "is the leader of",
    "official-of": "is an official of",
    "spokesperson-of": "is a spokesperson of",
    "envoy-of": "is an envoy of",
    "media-of": "is a media outlet of",
    "sanctions": "sanctions",
    "negotiates-with": "negotiates with",
    "agreement-with": "has an agreement with",
    "military-exercise-with": "holds military exercises with",
    "fights": "fights",
    "hosts": "hosts",
    "resident-of": "is a resident of",
    "based-in": "is based in",
    "family-of": "is a relative of",
    "neighbor-of": "is a neighbor of",
    "related-to": "is related to",
}

# The article's stance on an event (schema EventStatus), said for a reader: the badge the
# timeline and the event page show, and the event page's sentence. `happened` needs none.
STATUS_LABELS = {
    "happened": "",
    "planned": "planned",
    "possible": "possible",
    "conditional": "conditional",
    "alleged": "alleged",
    "denied": "denied",
}
STATUS_NOTES = {
    "happened": "",
    "planned": "The article tells this as planned, announced or intended, not as done.",
    "possible": "The article tells this as possible, not as done.",
    "conditional": "The article tells this as depending on something that may not happen.",
    "alleged": "Someone says this happened; the article does not say so itself.",
    "denied": "Someone denies that this happened.",
}

_PLAIN_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _plain_label(text: str) -> str | None:
    """'2020-10-09' -> '9 October 2020', '2020-09' -> 'September 2020', '1994' -> '1994'."""
    match = _PLAIN_DATE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    year = str(int(year))
    if month and int(month) in SEASONS:
        return f"{SEASONS[int(month)]} {year}"
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    return f"{MONTHS[int(month) - 1]} {year}" if month else year


_DECADE = re.compile(r"^(\d{2})(\d)X$|^(\d{2})XX$")


def _decade_label(text: str) -> str | None:
    """'199X' -> 'the 1990s', '19XX' -> 'the 1900s': EDTF's unspecified digits in words."""
    match = _DECADE.match(text)
    if not match:
        return None
    if match[1]:
        return f"the {int(match[1] + match[2])}0s"
    return f"the {int(match[3])}00s"


def _qualified_label(text: str) -> str | None:
    """A single date with its EDTF qualifier said in words: ~ approximate, ? uncertain."""
    qualifier = text[-1] if text and text[-1] in "~?%" else ""
    bare = text.rstrip("~?%")
    label = _plain_label(bare) or _decade_label(bare)
    if label is None:
        return None
    if qualifier in ("~", "%"):
        label = f"around {label}" if label.startswith("the ") else f"c. {label}"
    if qualifier in ("?", "%"):
        label = f"{label} (uncertain)"
    return label


def _interval_label(start: str, end: str) -> str | None:
    """Say an interval as briefly as is still exact: '21–30 September 2020'."""
    if start == "..":
        upper = _qualified_label(end)
        return upper and f"before {upper}"
    if end == "..":
        lower = _qualified_label(start)
        return lower and f"since {lower}"
    if start == "" or end == "":
        known = _qualified_label(start or end)
        return known and (f"{known} – unknown" if start else f"unknown – {known}")
    a, b = _PLAIN_DATE.match(start), _PLAIN_DATE.match(end)
    if a and b and a[3] and b[3] and a[1] == b[1]:
        if a[2] == b[2]:
            return f"{int(a[3])}–{int(b[3])} {MONTHS[int(a[2]) - 1]} {int(a[1])}"
        return f"{int(a[3])} {MONTHS[int(a[2]) - 1]} – {int(b[3])} {MONTHS[int(b[2]) - 1]} {int(a[1])}"
    lower, upper = _qualified_label(start), _qualified_label(end)
    return lower and upper and f"{lower} – {upper}"


def date_label(value: str | None) -> str:
    """An EDTF value in words, saying no more than the value knows: '9 October 2020',
    'September 2020', 'c. September 2020', '21–30 September 2020', 'before 8 October 2020'.
    A value these rules do not cover is shown as written rather than guessed at."""
    if value is None:
        return "undated"
    if edtf_bounds(value) is None:
        return value
    if "/" in value:
        start, _, end = value.partition("/")
        label = _interval_label(start, end)
    else:
        label = _qualified_label(value)
    return label or value


def date_precision(value: str | None) -> str:
    """How exact an EDTF value is, in words, for an event's infobox: 'to the day', 'to the
    month', 'an interval', 'open: only its end is known', 'approximate', 'a decade'."""
    if not value or edtf_bounds(value) is None:
        return "no date"
    if value.startswith("../"):
        return "open: only its latest day is known"
    if value.endswith("/.."):
        return "open: only its earliest day is known"
    if "/" in value:
        return "an interval"
    words = {"~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}
    bare = value.rstrip("~?%")
    qualifier = words.get(value[-1], "")
    if "X" in bare:
        exact = "a decade or century" if re.fullmatch(r"\d{2}[\dX]X", bare) else "some digits unknown"
    elif re.fullmatch(r"\d{4}-(2[1-4])", bare):
        exact = "to the season"
    else:
        exact = {1: "to the year", 2: "to the month", 3: "to the day"}.get(len(bare.split("-")), "as written")
    return f"{exact}, {qualifier}" if qualifier else exact
