"""A text file's headline: which line before the story is its title, and what is not.

A headline is a heading line before the body; a "Word: rest" line is one ("Brexit: UK
and EU agree deal", see `furniture.is_colon_headline`). Never the title: a date line, a
dateline, a byline, an id or a number (`reads_as_words`), a teaser box's heading (a line
followed by another story's lead trailing off), the headlines listed under a box label
("Most read", "Related stories"), or a site's name after the headline ("... | Outlet
Politics"), which is cut only where the page shows it is the site's (its address, a line
of its own, the same headline printed without it). Without any of these the text has no
headline, and `read_article` says so (title_from "none").
"""

from __future__ import annotations

import re

from generator.reading.furniture import (
    DOMAIN,
    ELLIPSIS,
    is_box_label,
    is_date_line,
    strip_marks,
)
from generator.text import DATELINE, slug_words

MARKDOWN_H1 = re.compile(r"^(?:[-*]\s+)?#\s+(.+)$")
# What may stand between a headline and the site's name: " | ", " - ", " – ", " — ".
SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")


def reads_as_words(text: str) -> bool:
    """Text that can be a title: two words of letters or more, and more letters than
    digits ("KST-2023-0917-0044", "No. 4471" or "A-12/88" never are)."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    digits = sum(c.isdigit() for c in text)
    return len(words) >= 2 and sum(map(len, words)) > digits


def is_dateline_line(line: str) -> bool:
    """A dateline standing on its own line ("JOHANNESBURG, August 7 (Xinhua) --")."""
    m = DATELINE.match(line.strip())
    return bool(m) and bool(m.group("agency") or m.group("named_agency") or m.group("date")
                            or m.group("bracket_date") or line.strip().isupper())


def bare_dateline(line: str) -> re.Match | None:
    """A dateline printed without the dash that joins it to the story, on a line of its
    own: a place set in capitals with its state or country after a comma, an agency in
    brackets, or both ("STRELSAU, Ruritania (AP)", "HARBORTON, Mich.", "OSTERBURG (AP)"),
    the wire style of the AP Stylebook's dateline entry; its `DATELINE` match, the dash
    supplied. A heading that only happens to be in capitals ("BREAKING NEWS", "WORLD,
    SPORT") has neither and is no dateline."""
    line = line.strip()
    m = DATELINE.match(line + " --")
    if not m or not m.group("place") or m.end() < len(line) + 3 or DATELINE.match(line):
        return None
    city, _, region = m.group("place").partition(",")
    region = region.strip()
    state = bool(region) and (not region.isupper() or "." in region)  # "Ohio", "N.Y.", never "SPORT"
    agency = bool(re.search(r"[A-Za-z]", m.group("agency") or ""))
    return m if city.strip().isupper() and len(city.strip()) > 2 and (state or agency) else None


def is_bare_dateline(line: str) -> bool:
    return bare_dateline(line) is not None


def _other_stories(lines: list[str], kinds: list[str], end: int) -> set[int]:
    """Headings that belong to other stories: one followed by a teaser (a lead trailing
    off), and the run of headings under a box label ("Most read", "Related stories")."""
    others: set[int] = set()
    under_label = False
    for k in range(end):
        if is_box_label(lines[k]):
            under_label = True
            continue
        if kinds[k] != "heading":
            under_label = False
            continue
        follows = lines[k + 1] if k + 1 < len(lines) else ""
        if under_label or ELLIPSIS.search(strip_marks(follows)):
            others.add(k)
    return others


def site_names(lines: list[str], url: str | None) -> tuple[set[str], str]:
    """What the page shows as the site's name: the short lines it prints by themselves (as
    slugs), and its address's name."""
    names = {"-".join(slug_words(x)) for x in lines if len(x.split()) <= 6} - {""}
    host = re.sub(r"^https?://(?:www\.)?", "", url or "").split("/")[0].split(".")[0].lower()
    return names, host


def strip_site_suffix(title: str, lines: list[str], url: str | None) -> str:
    """The headline without a trailing site name ("Talks agreed | Example News"), cut
    only where the page shows the name as the site's; any other " | " is the headline's."""
    names, host = site_names(lines, url)
    parts = SITE_SEPARATOR.split(title)
    seps = SITE_SEPARATOR.findall(title)
    while len(parts) > 1:
        tail = "-".join(slug_words(parts[-1]))
        if not tail or not (tail in names or (host and host in tail.split("-"))):
            break
        parts.pop()
        seps.pop()
    return "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(parts)).strip()


def _repeated(heads: list[str]) -> str | None:
    """A headline the page prints twice (a scraped page's window title and the headline
    above the story): the shorter form, without the window title's site name."""
    keys = [SITE_SEPARATOR.split(x)[0].strip() for x in heads]
    repeated = [heads[i] for i, k in enumerate(keys) if keys.count(k) > 1 and len(k.split()) >= 2]
    return min(repeated, key=len) if repeated else None


def text_title(lines: list[str], kinds: list[str], body_start: int, url: str | None) -> str | None:
    """A text file's headline: its first-level markdown heading; else a headline the page
    repeats; else the first heading line before the body that is no other story's, no
    date line and no dateline."""
    for line in lines:
        m = MARKDOWN_H1.match(line)
        if m and not DOMAIN.match(m.group(1).strip()):
            return m.group(1).strip()
    others = _other_stories(lines, kinds, body_start)
    heads = [k for k in range(body_start) if kinds[k] == "heading" and k not in others
             and not is_date_line(lines[k]) and not is_dateline_line(lines[k])
             and not is_bare_dateline(lines[k]) and reads_as_words(lines[k])]
    repeated = _repeated([strip_marks(lines[k]) for k in heads])
    if repeated:
        return repeated
    plain = [strip_marks(lines[k]) for k in heads if not lines[k].lstrip().startswith("#")]
    return strip_site_suffix(plain[0], lines, url) if plain else None
