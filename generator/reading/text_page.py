"""Plain and scraped text (`.txt`, `.md`): the story's stretch of blocks, its headline,
its date line and address.

Scraped text mixes the story with headlines and teasers of other stories, menus, link
lists and footers, so the body is the run of prose holding the most text; hard-wrapped
paragraphs are joined first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.dates import find_times
from generator.reading.furniture import (
    KEY_VALUE,
    MD_LINK,
    TERMINAL,
    classify,
    date_line_day,
    is_date_line,
    is_inline_furniture,
    link_share,
    source_line,
)
from generator.reading.headline import is_bare_dateline, is_dateline_line, text_title
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
    hard-wrapped chunks split again at first-line indents, after a headline set right
    over them, and (in a chunk not wrapped as a whole) at the lines the wrap broke."""
    found: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        raw = [x for x in chunk.splitlines() if x.strip()]
        if any(_is_wrapped([x.strip() for x in part]) for part in (raw, raw[1:])) and is_headline_over(raw):
            found.append(raw.pop(0).strip())
        groups = _indented_paragraphs(raw)
        if _is_wrapped([x.strip() for x in raw]) or _is_indented_prose(groups):
            found.extend(" ".join(x.strip() for x in group) for group in groups)
        else:
            found.extend(join_broken_lines(raw))
    return found


HEADLINE_SHARE = 0.6  # of the wrap's width: a wrapped line never stops this short of it


def _width(line: str) -> int:
    """A line's printed width, its indent included."""
    return len(line.expandtabs(8).rstrip())


def _fits(line: str, following: str, width: int) -> bool:
    """Whether the next line's first word would have fit on this line: then the wrap did
    not break it there, the writer did (the width being the chunk's longest line)."""
    return _width(line) + 1 + len(following.split()[0]) <= width


def is_headline_over(lines: list[str]) -> bool:
    """A headline set right over hard-wrapped text, with no blank line: a first line that
    ends no sentence, stops far short of the width although the next word would have
    fit, and is not run on by the next line. Only the first line is judged so: a short
    line inside wrapped text is kept with it (real wraps are ragged, and a fragment
    split off would be taken for a heading and lost)."""
    if len(lines) < 3:
        return False
    width = max(map(_width, lines))
    first, following = lines[0], lines[1].strip()
    return (not TERMINAL.search(first.rstrip()) and not following[:1].islower()
            and _width(first) < width * HEADLINE_SHARE and _fits(first, following, width))


MIN_WRAP_WIDTH = 40  # characters: narrower lines are a list or a menu, never prose wrapped to a width


def _is_broken(line: str, following: str, width: int) -> bool:
    """A line that the wrap broke: it ends without a sentence's last mark and either the
    next line runs on in lower case or the next line's first word would not have fit on
    it (the width being the chunk's longest line)."""
    if TERMINAL.search(line) or not following or _width(line) < MIN_WRAP_WIDTH * 3 // 4:
        return False
    return following[:1].islower() or (width >= MIN_WRAP_WIDTH and not _fits(line, following, width))


def join_broken_lines(lines: list[str]) -> list[str]:
    """A chunk that is not hard-wrapped as a whole may still hold wrapped paragraphs
    with no blank line between them (a lead wrapped over two lines, then the next
    paragraph): each line the wrap broke is joined to the next one, and a joined run
    is kept only when it ends as a sentence does (a list of headlines stays a list), so
    no line of a paragraph is left alone to be taken for a heading."""
    width = max(map(_width, lines), default=0)
    found: list[str] = []
    run: list[str] = []
    for k, line in enumerate(lines):
        run.append(line.strip())
        following = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if _is_broken(line.rstrip(), following, width):
            continue
        if len(run) > 1 and TERMINAL.search(line.rstrip()):
            found.append(" ".join(run))
        else:
            found.extend(run)
        run = []
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
        if lines:  # nothing but short lines ("La grève continue."): they are the whole story
            return ["prose"] * len(lines), 0, len(lines)
    runs = _runs(kinds)
    substantial = [r for r in runs if any(len(lines[k].split()) >= 15 for k in range(*r))]
    best = max(substantial or runs, key=weight, default=(0, 0))
    return kinds, best[0], best[1]


def _unlink(line: str) -> str:
    """Markdown links read as their words."""
    return MD_LINK.sub(lambda m: m.group(1), line)


def text_page_date(lines: list[str], after: Sequence[str] = ()) -> str | None:
    """A date printed by itself near the headline ("Mar 13, 2025 | 4:40 PM", "Updated: 9
    October 2020 10:05 GMT"), else a date line under the story ("Updated 9:42 AM GMT,
    Tuesday, 7 November 2023"); below the story only a whole date line counts, since
    other stories' dates sit there too."""
    for line in lines:
        dated = is_date_line(line)
        if len(line) > 60 and not dated or KEY_VALUE.match(line) and "|" not in line and not dated:
            continue
        for t in find_times(line, None):
            if t.value and ISO_DAY.fullmatch(t.value) and (dated or len(line) - len(t.text) <= 25):
                return t.value
    return date_line_day(after)


def text_url(lines: list[str]) -> str | None:
    for line in lines[:40]:
        m = URL_LINE.match(line)
        if m:
            return m.group(1)
    return None


def is_story_block(line: str, kind: str) -> bool:
    """A block of the story's stretch that is kept: its prose and credits, and a dateline
    or a monitored report's source line standing between its paragraphs (a wire
    roundup's next story, "STRELSAU, Ruritania (AP)"; "KV0203060094 Vienna KURIER in
    German 2 Mar 94"), which name the place the next paragraphs are told from and the
    outlet they come from, so they are text the extraction reads, not subheadings to drop
    (nor the title of a text without one, `article.read_article`)."""
    return kind in ("prose", "credit") or kind == "heading" and (is_bare_dateline(line)
                                                                 or source_line(line) is not None)


def read_text_page(text: str) -> Page:
    """The story of a plain or scraped text: its body, headline, date line and address."""
    lines = blocks(text)
    if not lines:
        return Page(title=None, paragraphs=[])
    kinds, start, end = find_body(lines)
    paragraphs = [_unlink(lines[k]) for k in range(start, end) if is_story_block(lines[k], kinds[k])]
    if start > 0 and paragraphs and is_dateline_line(lines[start - 1]):
        # the story's dateline, set on a line of its own: it opens the first paragraph
        paragraphs[0] = f"{lines[start - 1].strip()} {paragraphs[0]}"
    elif start > 0 and paragraphs and is_story_block(lines[start - 1], "heading"):
        # a dateline without its dash, or a report's source line, right over the story
        paragraphs.insert(0, lines[start - 1].strip())
    url = text_url(lines)
    title = text_title(lines, kinds, start, url)
    return Page(title=title, paragraphs=paragraphs, date=text_page_date(lines[:start], lines[end:]), url=url,
                year=year_hint(lines, url), title_from="headline" if title else "none")
