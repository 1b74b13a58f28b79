"""Page furniture: what one block of scraped text is, story or not.

A line is furniture (links, "Read more", bylines, photo credits, a site's domain), a
teaser (another story's lead trailing off), a closing credit, a heading or prose, by
general signals only: the share of links, known page phrases (`data/reading_furniture.yml`),
sentence punctuation and length.
"""

from __future__ import annotations

import re
from functools import cache

from generator.datafiles import load_data

TERMINAL = re.compile(r"[.!?:;][\"'”’»)\]]*$|[\"”»][.!?]?$")
ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")

MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
URL = re.compile(r"https?://\S+|www\.\S+")

KEY_VALUE = re.compile(r"^[-*\s]*(?:\*\*|__)?[\w .()-]{1,40}(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\S")
BYLINE = re.compile(
    r"^(?:By|BY|Von|Par)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,12}"
    r"(?:\s*[,|/–-]\s*[\w .'’|/-]{0,60})?$"
)

# A photo caption's credit: "REUTERS/Alina Smutko", "AFP via Getty Images", "(Photo: ...)"
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|XINHUA|ANADOLU)\s*/\s*[\w .'’-]{2,40}"
    r"|\b(?:via\s+)?Getty\s+Images|\((?:Photo|Image|Picture|Credit)\b[^)]*\)"
    r"|\b(?:Photo|Photograph|Image|Picture)\s*(?:by|:|credit:?)\s*[\w .'’/-]{2,60})\.?\s*$"
)
DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}/?$", re.IGNORECASE)


@cache
def furniture() -> dict:
    return load_data("reading_furniture")


def strip_marks(line: str) -> str:
    """A line without markdown heading, list and emphasis marks."""
    line = re.sub(r"^\s*(?:[-*+>]\s+)*(?:#{1,6}\s+)?", "", line)
    return line.replace("**", "").replace("__", "").strip()


def link_share(line: str) -> float:
    """How much of a line is markdown links or bare URLs."""
    linked = sum(len(m.group(0)) for pattern in (MD_LINK, URL) for m in pattern.finditer(line))
    return linked / max(1, len(line))


def _is_furniture_phrase(line: str) -> bool:
    words = furniture()
    key = re.sub(r"[\s:|»›>·•\-–—]+$", "", strip_marks(line).lower()).strip(" .:|")
    if key in words["lines"]:
        return True
    return len(key) < 120 and any(key.startswith(s) for s in words["starts"])


def _is_credit(line: str) -> bool:
    key = strip_marks(line).lower()
    return any(key.startswith(s) for s in furniture()["closing_credits"])


def is_page_furniture(line: str) -> bool:
    """What an article extractor lets through that is still page furniture: link lines,
    "Comments", "Read more: ...". Narrower than `classify`, which also judges layout."""
    return link_share(line) > 0.4 or _is_furniture_phrase(line) or bool(CAPTION_CREDIT.search(line))


def classify(line: str) -> str:
    """furniture, teaser, credit, prose or heading: what one block of text is.

    General signals only: links, known page phrases, bylines, teaser ellipses, sentence
    punctuation and length."""
    bare = strip_marks(line)
    words = bare.split()
    if not words or link_share(line) > 0.4 or DOMAIN.match(bare):
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
