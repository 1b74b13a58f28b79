"""What the drawings share: the colours of event kinds, the legend list under every drawing, and
the cutting of a label to fit.

The palette is Okabe and Ito's colour-blind-safe set, extended, each colour chosen to reach
3:1 against both of Material's page backgrounds (white and the slate #1e2129), the contrast
WCAG 2.1 asks of graphics (success criterion 1.4.11); `tests/site/drawing/test_svg.py`
checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import get_args

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


def kind_colours(kinds: Iterable[str]) -> dict[str, str]:
    """A colour for each kind present, in CAMEO's order (so a briefing's colours stay put when
    its kinds do); `other` is always grey. Past eight kinds the palette repeats, and the legend
    still tells them apart by name."""
    present = set(kinds)
    ordered = [k for k in KIND_ORDER if k in present and k != "other"]
    ordered += sorted(present - set(KIND_ORDER))  # a hand-written kind the schema let through
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(ordered)}
    if "other" in present:
        colours["other"] = OTHER
    return colours


def legend(colours: dict[str, str]) -> str:
    """The event kinds and their colours, as an HTML list the drawing's readers can see and print."""
    marks = [(f'<rect width="12" height="12" rx="3" fill="{c}"/>', kind.replace("-", " "))
             for kind, c in colours.items()]
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
    (`briefing-drawing`) and Material's search leaves out (`data-search-exclude`: the marks'
    titles repeat what the page says in words)."""
    return Markup('<div class="briefing-drawing" data-search-exclude>' + "".join(parts) + "</div>")
