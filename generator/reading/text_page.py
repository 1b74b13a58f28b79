"""Plain and scraped text (`.txt`, `.md`): the story's stretch of blocks, its headline,
its date line and address.

Scraped text mixes the story with headlines and teasers of other stories, menus, link
lists and footers, so the body is the run of prose holding the most text; hard-wrapped
paragraphs are joined first.
"""

from __future__ import annotations

import re

from generator.dates import find_times
from generator.reading.furniture import (
    DOMAIN,
    KEY_VALUE,
    MD_LINK,
    TERMINAL,
    classify,
    link_share,
    strip_marks,
)
from generator.reading.metadata import ISO_DAY, year_hint
from generator.reading.page import Page
from generator.text import DATELINE

URL_LINE = re.compile(
    r"^[-*\s]*(?:\*\*|__)?(?:url|source|link)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S+)", re.IGNORECASE
)


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: lines that run on into the next one."""
    if len(lines) < 2 or any(link_share(x) > 0.4 for x in lines):
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
    return strip_marks(line).split(" | ")[0].strip()


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
    m = DATELINE.match(line.strip())
    return bool(m) and bool(m.group("agency") or m.group("named_agency") or m.group("date")
                            or line.strip().isupper())


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
