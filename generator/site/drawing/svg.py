"""What the drawings share: the colours of event kinds, the legend list under every drawing, and
the cutting of a label to fit.

The palette is Okabe and Ito's colour-blind-safe set, extended, each colour chosen to reach
3:1 against both of Material's page backgrounds (white and the slate #1e2129), the contrast
WCAG 2.1 asks of graphics (success criterion 1.4.11); `tests/site/drawing/test_svg.py`
checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, get_args

from markupsafe import Markup

from generator.schema import EventKind
from generator.site.render import escape_text

PALETTE = (
    "#0072b2",  # blue
    "#d55e00",  # vermillion
    "#009e73",  # bluish green
    "#cc79a7",  # reddish purple
    "#b8860b",  # dark goldenrod
    "#7b68ee",  # slate blue
    "#d62728",  # red
    "#8c6d31",  # brown
)
OTHER = "#7f7f7f"  # grey, for `other`
KIND_ORDER: tuple[str, ...] = get_args(EventKind)
LEGEND_STYLE = "list-style:none;display:flex;flex-wrap:wrap;gap:0 1.2em;padding:0;margin:0.5em 0"


class Swatch(NamedTuple):
    """How a kind of event is drawn: its colour, and its fill (`solid`, `hollow`: an outline
    only, or `half`: a pale fill inside a dark outline) so that kinds past the palette's eight
    colours still differ."""

    colour: str
    fill: str = "solid"


FILLS = ("solid", "hollow", "half")


def kind_swatch(kind: str) -> Swatch:
    """A kind's swatch, fixed by its place in CAMEO's order, so that a kind looks the same in
    every briefing and when an article adds kinds: eight colours, then the same eight hollow,
    then half-filled (CAMEO's 20 kinds fit); `other` is grey. A kind the schema does not know
    (a hand edit) is drawn hollow grey."""
    if kind == "other":
        return Swatch(OTHER)
    if kind not in KIND_ORDER:
        return Swatch(OTHER, "hollow")
    index = KIND_ORDER.index(kind)
    return Swatch(PALETTE[index % len(PALETTE)], FILLS[index // len(PALETTE) % len(FILLS)])


def kind_colours(kinds: Iterable[str]) -> dict[str, Swatch]:
    """The swatch of each kind present, in CAMEO's order (the legend's order)."""
    present = set(kinds)
    ordered = [k for k in KIND_ORDER if k in present] + sorted(present - set(KIND_ORDER))
    return {kind: kind_swatch(kind) for kind in ordered}


def swatch_paint(swatch: Swatch, fill: str | None = None) -> str:
    """SVG paint attributes for a shape in this swatch; `fill` overrides the solid fill (a
    gradient for an approximate date)."""
    if swatch.fill == "hollow":
        return f'fill="none" stroke="{swatch.colour}" stroke-width="2"'
    if swatch.fill == "half":
        return f'fill="{swatch.colour}" fill-opacity="0.35" stroke="{swatch.colour}" stroke-width="2"'
    return f'fill="{fill or swatch.colour}" stroke="{swatch.colour}"'


def legend(swatches: dict[str, Swatch]) -> str:
    """The event kinds and their swatches, as an HTML list the drawing's readers can see and print."""
    marks = [(f'<rect x="1" y="1" width="10" height="10" rx="3" {swatch_paint(sw)}/>', kind.replace("-", " "))
             for kind, sw in swatches.items()]
    return legend_list(marks, "Event kinds")


def legend_list(marks: Sequence[tuple[str, str]], label: str, size: int = 12) -> str:
    """The legend every drawing puts under itself: an HTML list (so it can be read, selected and
    printed) of (SVG mark, what it means) pairs, each mark in a `size`-unit square hidden from
    screen readers (the text says it), the text escaped; `label` names the list for them."""
    items = "".join(
        f'<li style="margin:0"><svg width="{size}" height="{size}" aria-hidden="true">{mark}</svg> '
        f"{escape_text(text)}</li>"
        for mark, text in marks
    )
    return (f'<ul class="briefing-legend" aria-label="{escape_text(label)}" style="{LEGEND_STYLE}">'
            f"{items}</ul>")


def shorten(text: str, limit: int) -> str:
    """A title or name cut at a word to fit `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def drawing(*parts: str) -> Markup:
    """A drawing's block: its SVG, legend and notes in one `div` that the page's CSS styles
    (`briefing-drawing`). The plugin puts it into the built page after search has indexed it
    (see `site.pages.Rendered`); `data-search-exclude` keeps it out wherever it is written
    into a page's Markdown instead: the marks' titles repeat what the page says in words."""
    return Markup('<div class="briefing-drawing" data-search-exclude>' + "".join(parts) + "</div>")
