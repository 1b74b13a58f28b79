"""Small text helpers and character sets that several stages share, each written once.

Ids (slugs and their unique forms), the quote marks and invisible characters that
readers and name rules strip, and the dateline that opens a wire story. Plain Python on
strings: no spaCy, no schema, so every stage can import it.
"""

from __future__ import annotations

import re
import unicodedata

# --- ids ---------------------------------------------------------------------------------

# Names the site uses for its own pages and folders: an id may not take them.
RESERVED_IDS = frozenset({"index", "schema", "assets", "search", "404", "sitemap", "briefing"})
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slug_words(text: str) -> list[str]:
    """The lowercase ASCII words of a text, accents folded ("Zürich" -> ["zurich"])."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def slugify(text: str, kind: str = "item") -> str:
    """An id from a text: lowercase ASCII words joined by hyphens (`ID_PATTERN`); `kind`
    when the text has no such word, and `TEXT-KIND` when the words make a reserved id,
    so every id this returns validates."""
    slug = "-".join(slug_words(text)) or kind
    return f"{slug}-{kind}" if slug in RESERVED_IDS else slug


def unique_id(wanted: str, taken: set[str] | frozenset[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when another sheet has that id. The caller
    adds the id it keeps to `taken`."""
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


# --- characters --------------------------------------------------------------------------

# Quotation marks as characters, and as the tokens a tokenizer makes of them (wire copy
# writes `` and '' for double quotes).
QUOTE_CHARS = "\"“”‘’'`´"
QUOTE_MARKS = frozenset({*QUOTE_CHARS, "``", "''"})

# Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))


def strip_invisible(text: str) -> str:
    """The text without zero-width and soft-hyphen characters."""
    return text.translate(_INVISIBLE_TABLE)


# No-break and figure spaces, read as plain spaces.
WIDE_SPACE_CHARS = "\u00a0\u2007\u202f"
_WIDE_SPACE_TABLE = dict.fromkeys(map(ord, WIDE_SPACE_CHARS), " ")


def plain_spaces(text: str) -> str:
    """The text with no-break and figure spaces as plain spaces."""
    return text.translate(_WIDE_SPACE_TABLE)


# --- names ------------------------------------------------------------------------------

def clean_name(text: str) -> str:
    """A name as a sheet shows it: no leading article, possessive, quotes or stray space."""
    text = strip_invisible(text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # an unclosed bracket: "Federal Bureau of Investigation (FBI"
    text = re.sub(r"\s+", " ", text).strip().strip(QUOTE_CHARS + ",;:()[]").strip()
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return text.rstrip("&-–—/+ ").strip()


# --- datelines ---------------------------------------------------------------------------

# The dateline that opens a wire story: a place in capitals with an optional region or
# country, date and agency ("SEOUL, Aug. 20 (Yonhap) --", "DUBAI, United Arab Emirates —",
# "LONDON —"), or a place in any case before an agency in brackets ("Washington
# (Reuters) -"); then a dash, an underscore or a colon. Groups: place, date, agency.
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?"
    r"|(?:[A-Z][\w.'’-]*\s?){0,4}(?:,\s*[A-Z][\w.]*\s?\d{0,2})?\s*\((?P<named_agency>[A-Z][^()]{0,30})\))"
    r"\s*(?:--|–|—|-|_|:)(?:\s+|$)"
)


def dateline_end(text: str) -> int:
    """Where a dateline opening `text` ends, with the space after it (0 when none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0

