"""The drawn timeline: marks that say as much as their dates know, rows without overlap,
links and titles, a zoom for long spans; on hand-built event views."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from generator.dates import edtf_bounds
from generator.site.drawing.timeline import (
    Mark,
    Scale,
    assign_lanes,
    draw_timeline,
    extent,
    mark_of,
    recent_marks,
    shorten,
    ticks,
)
from generator.site.labels import date_label
from generator.site.model import DateInfo, EventView, Evidence, Link


def view(eid: str, value: str | None, kind: str = "consult", title: str | None = None,
         status: str = "happened") -> EventView:
    title = title or f"Event {eid}"
    date = DateInfo(value, date_label(value), None, edtf_bounds(value))
    return EventView(eid, Link(title, f"events/{eid}.md"), title, kind, date, None, None, [], Evidence(),
                     status=status)


def href(path: str) -> str:
    return "../" + path.removesuffix(".md") + "/"


@pytest.mark.parametrize(
    ("value", "dot", "open_start", "open_end", "soft", "band"),
    [
        ("2021-03-04", True, False, False, False, False),
        ("2021-03", False, False, False, False, False),
        ("2021-05-01/2021-05-03", False, False, False, False, False),
        ("../2021-03-04", False, True, False, False, False),
        ("2021-03/..", False, False, True, False, False),
        ("2021~", False, False, False, True, False),
        ("2021-03-04?", True, False, False, True, False),
        ("199X", False, False, False, False, True),
    ],
)
def test_a_mark_says_what_its_date_knows(value, dot, open_start, open_end, soft, band):
    mark = mark_of(view("a", value), "x")
    assert mark is not None
    assert (mark.start == mark.end and not open_start and not open_end) == dot
    assert (mark.open_start, mark.open_end, mark.soft, mark.band) == (open_start, open_end, soft, band)


def test_an_undated_event_has_no_mark():
    assert mark_of(view("a", None), "x") is None


def test_an_open_end_reaches_past_its_known_day_by_an_arrow():
    scale = Scale(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    before = mark_of(view("a", "../2021-06-30"), "x")
    since = mark_of(view("b", "2021-06-30/.."), "x")
    day = scale.x(dt.date(2021, 6, 30))
    assert extent(before, scale)[0] < day - 10 and extent(before, scale)[1] == pytest.approx(day, abs=4)
    assert extent(since, scale)[1] > day + 10


def test_overlapping_marks_take_separate_rows_and_others_share():
    assert assign_lanes([(0, 50), (40, 90), (100, 150), (60, 120)]) == [0, 1, 0, 2]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (dt.date(1990, 1, 1), dt.date(2021, 1, 1), "2000"),
        (dt.date(2021, 1, 1), dt.date(2021, 9, 1), "Mar 2021"),
        (dt.date(2021, 3, 1), dt.date(2021, 3, 20), "05 Mar"),
    ],
)
def test_ticks_fall_on_round_dates_of_the_span(first, last, expected):
    labels = [text for _, text in ticks(first, last)]
    assert expected in labels and 2 <= len(labels) <= 12


def test_a_long_title_is_cut_at_a_word():
    cut = shorten("Ruritania and Freedonia sign a treaty on fishing rights", 30)
    assert cut == "Ruritania and Freedonia sign…"
    assert shorten("Talks in Vienna", 30) == "Talks in Vienna"


def test_each_dated_event_is_a_link_with_its_title_and_date():
    events = [view("talks", "2021-03-04", title="Talks in Vienna <b>"), view("war", "1994", "fight"),
              view("none", None)]
    svg = str(draw_timeline(events, href))
    assert svg.count("<a href=") == 2
    assert '<a href="../events/talks/"' in svg
    titles = [html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", svg)]
    assert "Talks in Vienna <b> (4 March 2021)" in titles
    assert "<b>" not in svg
    assert "none" not in re.findall(r'href="([^"]+)"', svg)[0]


def test_the_legend_names_each_kind_once_in_its_colour():
    svg = str(draw_timeline([view("a", "2021-03-04"), view("b", "2021-04", "fight"),
                             view("c", "2021-05", "fight")], href))
    legend = svg[svg.index('class="briefing-legend"'):]
    assert legend.count("</li>") == 2 and "consult" in legend and "fight" in legend


def test_no_dated_event_draws_nothing():
    assert str(draw_timeline([view("a", None)], href)) == ""


def test_a_span_of_decades_gets_a_zoomed_panel_of_the_recent_events():
    long = [view("old", "1994", "fight"), view("a", "2021-03-04"), view("b", "2021-04-02")]
    assert [m.href for m in recent_marks([mark_of(v, v.id) for v in long])] == ["a", "b"]
    assert str(draw_timeline(long, href)).count("<svg viewBox") == 2
    short = [view("a", "2020-01-04"), view("b", "2021-04-02")]
    assert str(draw_timeline(short, href)).count("<svg viewBox") == 1


def test_a_decade_is_a_band_behind_the_marks():
    svg = str(draw_timeline([view("a", "199X"), view("b", "1995-06-01")], href))
    band = svg.index('fill-opacity="0.15"')
    dot = svg.index("<circle")
    assert band < dot


def test_marks_are_placed_in_date_order_on_the_axis():
    svg = str(draw_timeline([view("late", "2021-09-01"), view("early", "2021-01-01")], href))
    found = re.findall(r'href="\.\./events/(\w+)/"[^>]*><title>[^<]*</title><circle cx="([\d.]+)"', svg)
    xs = {eid: float(x) for eid, x in found}
    assert len(xs) == 2
    assert xs["early"] < xs["late"]


def test_a_mark_is_never_too_thin_to_see():
    scale = Scale(dt.date(1900, 1, 1), dt.date(2021, 12, 31))
    mark = Mark(dt.date(2021, 3, 1), dt.date(2021, 3, 2), "consult", "t", "x")
    x0, x1 = extent(mark, scale)
    assert x1 - x0 >= 6


def test_an_event_not_told_as_done_is_drawn_apart_and_says_so():
    svg = str(draw_timeline([view("summit", "2021-06", title="Summit in Vienna", status="planned"),
                             view("talks", "2021-03-04", title="Talks in Vienna")], href))
    summit = svg[svg.index('href="../events/summit/"'):]
    summit = summit[: summit.index("</a>")]
    assert "Summit in Vienna (June 2021; planned)" in html.unescape(summit)
    assert 'opacity="0.6"' in summit and 'font-style="italic"' in summit
    talks = svg[svg.index('href="../events/talks/"'):]
    assert 'opacity="0.6"' not in talks[: talks.index("</a>")]


def test_a_phone_scrolls_the_timeline_rather_than_shrink_its_labels():
    svg = str(draw_timeline([view("a", "2021-03-04")], href))
    assert '<div style="overflow-x:auto"><svg' in svg and "min-width:560px" in svg


@pytest.mark.parametrize("value", ["Y-17E7", "Y170000002", "0001-01-01", "9999-12-31"])
def test_a_date_at_the_edge_of_the_calendar_is_drawn_not_crashed_on(value):
    views = [view("far", value), view("near", "2021-03-04"), view("nearer", "2021-04-04")]
    svg = str(draw_timeline(views, href))
    assert svg.count('class="mark"') >= 3
