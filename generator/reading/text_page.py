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
    KEY_VALUE,
    MD_LINK,
    TERMINAL,
    classify,
    is_date_line,
    is_inline_furniture,
    link_share,
)
from generator.reading.headline import is_dateline_line, text_title
from generator.reading.metadata import ISO_DAY, year_hint
from generator.reading.page import Page

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


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _indented_paragraphs(lines: list[str]) -> list[list[str]]:
    """Hard-wrapped prose whose paragraphs are marked by a first-line indent (wire copy
    and old corpora: no blank line between paragraphs): a new paragraph at each line
    indented deeper than the line before it."""
    groups: list[list[str]] = []
    for k, line in enumerate(lines):
        if not groups or _indent(line) > _indent(lines[k - 1]):
            groups.append([])
        groups[-1].append(line)
    return groups


def blocks(text: str) -> list[str]:
    """Paragraph-sized blocks: blank-line chunks, split into lines unless hard-wrapped;
    hard-wrapped chunks split again at first-line indents."""
    found: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        raw = [x for x in chunk.splitlines() if x.strip()]
        groups = _indented_paragraphs(raw)
        if _is_wrapped([x.strip() for x in raw]) or _is_indented_prose(groups):
            found.extend(" ".join(x.strip() for x in group) for group in groups)
        else:
            found.extend(x.strip() for x in raw)
    return found


def _is_indented_prose(groups: list[list[str]]) -> bool:
    """Paragraphs marked by first-line indents: several groups, each one of more than a
    line hard-wrapped prose."""
    longer = [[x.strip() for x in g] for g in groups if len(g) > 1]
    return len(groups) > 1 and bool(longer) and all(_is_wrapped(g) for g in longer)


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


def kinds_of(lines: list[str]) -> list[str]:
    """What each block is (`furniture.classify`), teasers settled; furniture that sits
    inside a story's flow (a "See also: ..." line, a newsletter box, a share widget) is
    "inline": the story goes on after it."""
    kinds = _settle_teasers([classify(x) for x in lines])
    return ["inline" if kind == "furniture" and is_inline_furniture(line) else kind
            for line, kind in zip(lines, kinds, strict=True)]


def _runs(kinds: list[str]) -> list[tuple[int, int]]:
    """Stretches of prose (end exclusive) that may hold short runs of subheadings and
    inline furniture; a closing credit ("(Reporting by ...)") ends its stretch."""
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
        elif kind in ("heading", "inline") and start is not None and gap < MAX_SUBHEADINGS:
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
    kinds = kinds_of(lines)

    def weight(run: tuple[int, int]) -> int:
        return sum(len(lines[k]) for k in range(*run) if kinds[k] in ("prose", "credit"))

    if "furniture" not in kinds and "inline" not in kinds:  # clean text: all its prose is the story
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


def text_page_date(lines: list[str]) -> str | None:
    """A date printed by itself near the headline ("Mar 13, 2025 | 4:40 PM", "Updated: 9
    October 2020 10:05 GMT")."""
    for line in lines:
        dated = is_date_line(line)
        if len(line) > 60 and not dated or KEY_VALUE.match(line) and "|" not in line and not dated:
            continue
        for t in find_times(line, None):
            if t.value and ISO_DAY.fullmatch(t.value) and (dated or len(line) - len(t.text) <= 25):
                return t.value
    return None


def text_url(lines: list[str]) -> str | None:
    for line in lines[:40]:
        m = URL_LINE.match(line)
        if m:
            return m.group(1)
    return None


def read_text_page(text: str) -> Page:
    """The story of a plain or scraped text: its body, headline, date line and address."""
    lines = blocks(text)
    if not lines:
        return Page(title=None, paragraphs=[])
    kinds, start, end = find_body(lines)
    paragraphs = [_unlink(lines[k]) for k in range(start, end) if kinds[k] in ("prose", "credit")]
    if start > 0 and paragraphs and is_dateline_line(lines[start - 1]):
        # the story's dateline, set on a line of its own: it opens the first paragraph
        paragraphs[0] = f"{lines[start - 1].strip()} {paragraphs[0]}"
    url = text_url(lines)
    title = text_title(lines, kinds, start, url)
    return Page(title=title, paragraphs=paragraphs, date=text_page_date(lines[:start]), url=url,
                year=year_hint(lines, url), title_from="headline" if title else "none")
