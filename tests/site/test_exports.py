"""Exports for other tools: TimelineJS dates at the value's precision, CSV rows with their
source sentence, GeoJSON points in [longitude, latitude]; and `briefing export`."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.sheets.store import load_content
from generator.site.exports import csv_tables, geojson, timeline_date, timeline_dates, timelinejs
from generator.site.pages import build_site
from tests.briefing_fixture import write_content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(load_content(write_content(tmp_path_factory.mktemp("export") / "content")))


@pytest.mark.parametrize(
    ("part", "date"),
    [
        ("2021-03-04", {"year": 2021, "month": 3, "day": 4}),
        ("2021-03~", {"year": 2021, "month": 3}),
        ("1994", {"year": 1994}),
        ("2021-22", {"year": 2021}),
        ("199X", None),
    ],
)
def test_a_timelinejs_date_says_as_much_as_the_value(part, date):
    assert timeline_date(part) == date


def test_an_interval_has_both_ends_and_before_starts_at_its_known_day(site):
    start, end = timeline_dates(site.events["shelling"])
    assert (start["day"], end["day"], start["display_date"]) == (21, 30, "21–30 September 2020")
    start, end = timeline_dates(site.events["appeal"])
    assert (
        start == {"year": 2020, "month": 10, "day": 8, "display_date": "before 8 October 2020"}
        and end is None
    )


def test_the_timelinejs_document_has_every_dated_event(site):
    doc = timelinejs(site.timeline, "Talks", "Summary")
    assert doc["title"]["text"]["headline"] == "Talks"
    assert [e["unique_id"] for e in doc["events"]] == [v.id for v in site.timeline]
    assert all(e["text"]["headline"] and e["group"] for e in doc["events"])


def test_csv_rows_carry_their_source_sentence(site):
    tables = csv_tables(site.timeline + site.undated, site.actors)
    events = list(csv.DictReader(io.StringIO(tables["events.csv"])))
    talks = next(r for r in events if r["id"] == "moscow-talks")
    assert (
        talks["date"] == "2020-10-09"
        and talks["place"] == "Moscow"
        and "Russia (mediator)" in talks["participants"]
    )
    assert talks["source_sentence"]
    relations = list(csv.DictReader(io.StringIO(tables["relations.csv"])))
    assert len(relations) == sum(len(a.relations_out) for a in site.actors.values())


def test_geojson_points_are_longitude_then_latitude(site):
    doc = geojson(site.timeline, site.actors, lambda aid: (55.75, 37.62) if aid == "moscow" else None)
    places = [f for f in doc["features"] if f["properties"]["feature"] == "place"]
    events = [f for f in doc["features"] if f["properties"]["feature"] == "event"]
    assert [f["properties"]["id"] for f in places] == ["moscow"]
    assert places[0]["geometry"] == {"type": "Point", "coordinates": [37.62, 55.75]}
    assert [f["properties"]["id"] for f in events] == ["moscow-talks"]


def test_briefing_export_writes_the_files_and_refuses_a_missing_folder(tmp_path):
    content = write_content(tmp_path / "content")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--content",
            str(content),
            "--output",
            str(out),
            "--format",
            "timelinejs",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "actors.csv",
        "events.csv",
        "relations.csv",
        "timeline.json",
    ]
    assert json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    missing = CliRunner().invoke(main, ["export", "--content", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no such folder" in missing.output and "Traceback" not in missing.output


def test_timelinejs_text_is_html_escaped_because_timelinejs_renders_html(site):
    view = replace(site.events["moscow-talks"], title='Talks <img src=x onerror=alert(1)> & "more"')
    doc = timelinejs([view], "<b>Talks</b>", None)
    assert (
        doc["events"][0]["text"]["headline"]
        == "Talks &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;"
    )
    assert doc["title"]["text"]["headline"] == "&lt;b&gt;Talks&lt;/b&gt;"


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_text(site):
    armenia = replace(site.actors["armenia"], name='=HYPERLINK("http://example.org","x")')
    rows = list(csv.DictReader(io.StringIO(csv_tables([], {"armenia": armenia})["actors.csv"])))
    assert rows[0]["name"] == '\'=HYPERLINK("http://example.org","x")'


def test_an_event_placed_by_its_publication_date_keeps_the_sheet_s_empty_date(tmp_path):
    root = write_content(tmp_path / "content")
    sheet = root / "events" / "undated-meeting.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("status: planned\n", ""), encoding="utf-8")
    site = build_site(load_content(root))
    events = list(csv.DictReader(io.StringIO(csv_tables(site.timeline, site.actors)["events.csv"])))
    meeting = next(r for r in events if r["id"] == "undated-meeting")
    assert meeting["date"] == "" and "gives no date" in meeting["date_in_words"]
