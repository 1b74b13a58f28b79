"""The drawn timeline: every dated event as a mark on one time axis, inline SVG made at build
time, so it needs no script, prints, and works offline.

A mark says as much as the date knows and no more (DESIGN.md: an uncertain date stays
uncertain, and is drawn so):

- a day is a dot;
- an interval, or a month or year, is a bar over the days it allows;
- an approximate or uncertain value (EDTF `~`, `?`, `%`) has soft ends;
- an open interval ("before D" `../D`, "since D" `D/..`) is an arrow that leaves the axis;
- a decade or century with unspecified digits (`199X`) is a faint band behind the marks.

Colour is the event's kind (CAMEO's top level), with a legend; each mark is a link to the event's
page with the title and date in its `<title>`, which browsers show on hover and screen readers
read. When the events span more than a few decades, a second panel zooms on the most recent
ones (TimelineJS and the CFR Global Conflict Tracker show the recent part large the same way).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.site.drawing.svg import Swatch, drawing, kind_colours, legend, shorten, swatch_paint
from generator.site.model import EventView
from generator.site.render import escape_text

WIDTH = 760  # SVG user units; the drawing scales to the page's width
MIN_WIDTH = 560  # CSS pixels: below this a phone scrolls the drawing sideways, labels stay legible
MARGIN = 16
LANE = 16  # the height of one row of marks
AXIS = 28  # the height of the axis and its labels
DOT = 5  # a day's radius
MIN_BAR = 6  # a bar is never narrower than this, so a short interval stays visible
ARROW = 14  # how far an open end reaches past its known day
LABEL_CHARS = 30  # a mark's label is its title, cut to this many characters
CHAR_WIDTH = 6.0  # the width of one character of an 11-unit label, on average
ZOOM_AFTER_YEARS = 10  # a span longer than this gets a second panel of the recent events
RECENT_YEARS = 2  # the zoomed panel shows the events of the last this many years
_SOFT_STOPS = ((0, 0.1), (0.3, 1), (0.7, 1), (1, 0.1))  # an approximate bar fades at both ends
_UNSPECIFIED = re.compile(r"^-?\d*X+$")  # a decade or century, "199X", "19XX"


@dataclass(frozen=True)
class Mark:
    """One event as the drawing places it; `start`/`end` are the days its date allows."""

    start: dt.date
    end: dt.date
    kind: str
    title: str  # the event's title and its date in words, for <title>
    href: str
    label: str = ""  # the title, short, written beside the mark
    open_start: bool = False
    open_end: bool = False
    soft: bool = False
    band: bool = False
    status: str = ""  # the event's badge ("planned", "alleged", "denied"); empty when it happened


def mark_of(view: EventView, href: str) -> Mark | None:
    """The mark for a dated event; None for an undated one."""
    if view.date.bounds is None or view.date.value is None:
        return None
    value = view.date.value
    first, last = value.partition("/")[0], value.rpartition("/")[2]
    start, end = view.date.bounds
    return Mark(
        start,
        end,
        view.kind,
        f"{view.title} ({view.date.label}{'; ' + view.badge if view.badge else ''})",
        href,
        label=shorten(view.title, LABEL_CHARS),
        open_start=first == "..",
        open_end=last == "..",
        soft=any(q in value for q in "~?%"),
        band=bool(_UNSPECIFIED.match(value.rstrip("~?%"))),
        status=view.badge,
    )


def known_days(mark: Mark) -> tuple[dt.date, dt.date]:
    """The days an axis must show for this mark: an open end shows only its known day."""
    start = mark.end if mark.open_start else mark.start
    end = mark.start if mark.open_end else mark.end
    return start, end


def span_of(marks: Sequence[Mark]) -> tuple[dt.date, dt.date]:
    """The axis's first and last day: every known day, padded by 3% on each side (at least a day)."""
    days = [d for m in marks for d in known_days(m)]
    first, last = min(days), max(days)
    pad = max(dt.timedelta(days=1), (last - first) * 0.03)
    return shift(first, -pad), shift(last, pad)


def shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    """`day + delta`, held within Python's calendar: a date at its edge (an open end, a year
    EDTF can write but `datetime` cannot hold, "Y-17E7") stays there."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


@dataclass(frozen=True)
class Scale:
    """Days to x positions, left to right."""

    first: dt.date
    last: dt.date

    def x(self, day: dt.date) -> float:
        day = min(max(day, self.first), self.last)
        total = (self.last - self.first).days or 1
        return MARGIN + (WIDTH - 2 * MARGIN) * (day - self.first).days / total


def ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """About six labelled ticks at round dates: years (1, 2, 5, 10, ... apart), months or days."""
    days = (last - first).days
    if days > 2 * 365:
        step = _round_step((last.year - first.year) / 6)
        years = range((first.year // step + 1) * step, last.year + 1, step)
        return [(dt.date(y, 1, 1), str(y)) for y in years]
    if days > 62:
        months = _months_between(first, last)
        step = max(1, len(months) // 6)
        return [(d, d.strftime("%b %Y")) for d in months[::step]]
    step = max(1, days // 6)
    return [(first + dt.timedelta(days=i), (first + dt.timedelta(days=i)).strftime("%d %b"))
            for i in range(1, days + 1, step)]


def _round_step(raw: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if raw <= step:
            return step
    return 1000


def _months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    months, y, m = [], first.year, first.month + 1
    while dt.date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1) <= last:
        months.append(dt.date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1))
        m += 1
    return months


def extent(mark: Mark, scale: Scale) -> tuple[float, float]:
    """Where a mark starts and ends on the page, open ends reaching out by an arrow."""
    a, b = known_days(mark)
    x0, x1 = scale.x(a), scale.x(b)
    if mark.open_start:
        x0 -= ARROW
    if mark.open_end:
        x1 += ARROW
    if x1 - x0 < MIN_BAR:
        middle = (x0 + x1) / 2
        x0, x1 = middle - MIN_BAR / 2, middle + MIN_BAR / 2
    return x0, x1


def label_side(x0: float, x1: float, label: str) -> tuple[str, float, float]:
    """Where a mark's label goes: to its right, or to its left when the right runs off the
    drawing; returns the text anchor, the label's x, and the extent of mark and label."""
    width = CHAR_WIDTH * len(label)
    if x1 + 4 + width <= WIDTH - MARGIN / 2:
        return "start", x1 + 4, x1 + 4 + width
    return "end", x0 - 4, x0 - 4 - width


def assign_lanes(extents: Sequence[tuple[float, float]], gap: float = 4) -> list[int]:
    """A row for each mark so that no two marks overlap: each goes to the first row whose last
    mark ends before it starts (greedy interval partitioning, in the order given)."""
    ends: list[float] = []
    lanes = []
    for x0, x1 in extents:
        lane = next((i for i, end in enumerate(ends) if end + gap <= x0), len(ends))
        if lane == len(ends):
            ends.append(x1)
        ends[lane] = x1
        lanes.append(lane)
    return lanes


def draw_mark(mark: Mark, x0: float, x1: float, y: float, swatch: Swatch, height: float) -> str:
    """One mark as an SVG link: dot, bar, arrow or band, its label beside it, its title inside.
    An event the article does not tell as done (planned, alleged, denied) is drawn faint and
    dashed, its label in italics, and its title says so, as the list below does."""
    title = f"<title>{escape_text(mark.title)}</title>"
    if mark.band:
        return f'<a href="{escape(mark.href)}" class="mark">{title}{_band(x0, x1, swatch.colour, height)}</a>'
    anchor, at, _ = label_side(x0, x1, mark.label)
    italic = ' font-style="italic"' if mark.status else ""
    text = (f'<text x="{at:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="11"{italic} '
            f'fill="currentColor">{escape_text(mark.label)}</text>')
    shape = _shape(mark, x0, x1, y, swatch)
    if mark.status:
        shape = f'<g opacity="0.6" stroke-dasharray="3 2">{shape}</g>'
    return f'<a href="{escape(mark.href)}" class="mark">{title}{shape}{text}</a>'


def _shape(mark: Mark, x0: float, x1: float, y: float, swatch: Swatch) -> str:
    colour = swatch.colour
    paint = swatch_paint(swatch, f"url(#soft-{colour[1:]})" if mark.soft else None)
    if mark.start == mark.end and not (mark.open_start or mark.open_end):
        return f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{y:.1f}" r="{DOT}" {paint}/>'
    parts = [f'<rect x="{x0:.1f}" y="{y - 4:.1f}" width="{x1 - x0:.1f}" height="8" rx="4" {paint}/>']
    if mark.open_start:
        parts.append(f'<path d="M{x0 - 6:.1f} {y:.1f}l8 -6v12z" fill="{colour}"/>')
    if mark.open_end:
        parts.append(f'<path d="M{x1 + 6:.1f} {y:.1f}l-8 -6v12z" fill="{colour}"/>')
    return "".join(parts)


def _band(x0: float, x1: float, colour: str, height: float) -> str:
    return (f'<rect x="{x0:.1f}" y="0" width="{x1 - x0:.1f}" height="{height:.1f}" fill="{colour}" '
            f'fill-opacity="0.15" stroke="{colour}" stroke-dasharray="3 3"/>')


def draw_panel(marks: Sequence[Mark], colours: dict[str, Swatch], label: str) -> str:
    """One axis with its marks, bands behind the rest, as an <svg> element."""
    scale = Scale(*span_of(marks))
    ordered = sorted(marks, key=lambda m: (not m.band, known_days(m)))
    extents = [extent(m, scale) for m in ordered]
    spans = [_with_label(m, e) for m, e in zip(ordered, extents, strict=True) if not m.band]
    lanes = iter(assign_lanes(spans))
    rows = [None if m.band else next(lanes) for m in ordered]
    height = MARGIN + LANE * (max((r for r in rows if r is not None), default=0) + 1) + AXIS
    body = [
        draw_mark(m, x0, x1, 0.0 if row is None else MARGIN + LANE * row + LANE / 2, colours[m.kind],
                  height - AXIS)
        for m, (x0, x1), row in zip(ordered, extents, rows, strict=True)
    ]
    return (
        f'<div style="overflow-x:auto"><svg viewBox="0 0 {WIDTH} {height:.0f}" role="group" '
        f'aria-label="{escape_text(label)}" class="briefing-timeline" style="min-width:{MIN_WIDTH}px">'
        f"{_gradients(colours, marks)}{''.join(body)}{_axis(scale, height - AXIS)}</svg></div>"
    )


def _with_label(mark: Mark, span: tuple[float, float]) -> tuple[float, float]:
    """A mark's extent widened by its label, for placing it in a row."""
    _, _, reach = label_side(*span, mark.label)
    return min(span[0], reach), max(span[1], reach)


def _gradients(colours: dict[str, Swatch], marks: Sequence[Mark]) -> str:
    """A soft-ended fill per colour that an approximate mark uses."""
    used = sorted({colours[m.kind].colour for m in marks if m.soft})
    defs = "".join(
        f'<linearGradient id="soft-{c[1:]}">'
        + "".join(f'<stop offset="{at}" stop-color="{c}" stop-opacity="{o}"/>' for at, o in _SOFT_STOPS)
        + "</linearGradient>"
        for c in used
    )
    return f"<defs>{defs}</defs>" if defs else ""


def _axis(scale: Scale, y: float) -> str:
    line = f'<line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor"/>'
    marks = "".join(
        f'<line x1="{scale.x(d):.1f}" x2="{scale.x(d):.1f}" y1="{y:.1f}" y2="{y + 5:.1f}" '
        f'stroke="currentColor"/><text x="{scale.x(d):.1f}" y="{y + 18:.1f}" text-anchor="middle" '
        f'font-size="11" fill="currentColor">{escape_text(text)}</text>'
        for d, text in ticks(scale.first, scale.last)
    )
    return line + marks


def recent_marks(marks: Sequence[Mark]) -> list[Mark]:
    """The marks worth a zoomed panel: those of the last RECENT_YEARS when the whole span runs
    over ZOOM_AFTER_YEARS and at least two events fall in that recent window; else none."""
    first, last = span_of(marks)
    if (last - first).days < ZOOM_AFTER_YEARS * 365:
        return []
    newest = max(known_days(m)[1] for m in marks)
    since = shift(newest, -dt.timedelta(days=RECENT_YEARS * 365))
    recent = [m for m in marks if known_days(m)[0] >= since and not m.band]
    return recent if len(recent) >= 2 else []


def draw_timeline(views: Sequence[EventView], href: Callable[[str], str]) -> Markup:
    """The drawn timeline of the dated events in `views`, as one HTML block: a panel for the
    whole span, a zoomed panel of the recent events when the span is long, and the legend.
    `href` turns an event page's docs path ("events/x.md") into a URL from the drawing's page.
    Empty when no event is dated."""
    marks = [m for v in views if (m := mark_of(v, href(v.link.path or ""))) is not None]
    if not marks:
        return Markup("")
    colours = kind_colours(m.kind for m in marks)
    panels = [draw_panel(marks, colours, "All dated events on one time axis")]
    recent = recent_marks(marks)
    if recent:
        panels.append("<p><small>The most recent events, closer:</small></p>")
        panels.append(draw_panel(recent, colours, f"The events of the last {RECENT_YEARS} years"))
    return drawing(*panels, legend(colours))

