"""An event's status on the site: an event the article does not tell as done carries a
badge on its page, in the timeline and in the events index, and is set apart in italics;
one that happened looks as before."""

from __future__ import annotations

from typing import get_args

import yaml

from generator.schema import EventStatus
from generator.sheets.store import load_content
from generator.site.labels import STATUS_LABELS, STATUS_NOTES
from generator.site.pages import render_site
from tests.briefing_fixture import write_content


def pages_with_status(tmp_path, event_id: str, status: str) -> dict[str, str]:
    root = write_content(tmp_path / "content")
    sheet = root / "events" / f"{event_id}.yml"
    data = yaml.safe_load(sheet.read_text(encoding="utf-8"))
    sheet.write_text(sheet.read_text(encoding="utf-8") + f"status: {status}\n", encoding="utf-8")
    assert "status" not in data
    return render_site(load_content(root))


def test_every_status_has_words():
    assert set(get_args(EventStatus)) == set(STATUS_LABELS) == set(STATUS_NOTES)
    assert all(STATUS_LABELS[s] and STATUS_NOTES[s] for s in STATUS_LABELS if s != "happened")


def test_a_planned_event_says_so_on_its_page_and_in_the_timeline(tmp_path):
    pages = pages_with_status(tmp_path, "moscow-talks", "planned")
    talks = pages["events/moscow-talks.md"]
    assert "<strong>Status:</strong> <mark>planned</mark> The article tells this as planned" in talks
    timeline = pages["timeline.md"]
    assert '<em><a href="../events/moscow-talks/">Talks in Moscow</a></em> <mark>planned</mark>' in timeline
    assert '<a href="../events/shelling/">Shelling of towns</a>' in timeline
    # the fixture's undated meeting is planned too
    assert '<em><a href="../events/shelling/">' not in timeline and timeline.count("<mark>") == 2
    events = pages["events/index.md"]
    assert '<em><a href="moscow-talks/">Talks in Moscow</a></em> <mark>planned</mark>' in events
    russia = pages["actors/russia.md"]
    planned = '<em><a href="../../events/moscow-talks/">Talks in Moscow</a></em> <mark>planned</mark>'
    assert f"<td>{planned}</td>\n<td>mediator</td>" in russia


def test_a_denied_event_is_marked_denied(tmp_path):
    pages = pages_with_status(tmp_path, "shelling", "denied")
    assert "<mark>denied</mark> Someone denies that this happened" in pages["events/shelling.md"]


def test_an_event_that_happened_has_no_badge(tmp_path):
    pages = pages_with_status(tmp_path, "shelling", "happened")
    shelling = [line for line in pages["timeline.md"].splitlines() if "Shelling of towns" in line]
    assert "<mark>" not in pages["events/shelling.md"] and shelling
    assert not any("<mark>" in line for line in shelling)
    infobox = "<strong>Status:</strong> happened, as the article tells it"
    assert infobox in pages["events/shelling.md"]
