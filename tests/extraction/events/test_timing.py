"""Event dates: which time dates which event, by the real parse of invented sentences.

Mentions are made by hand (tests/sentences.py); the times are the date pass's own
(`find_times` against the article's publication date), so these tests check the timing
rules on the values the pipeline gives them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.dates import find_times
from generator.extraction.events import extract_events
from generator.extraction.sentence import Sentence, anchor_date
from generator.reading import Article
from tests.sentences import ACTORS, only, sentences

pytestmark = pytest.mark.slow

PUBLISHED = "2024-04-17"  # a Wednesday


def told(*paragraphs: str, published: str | None = PUBLISHED, blocks: dict[int, str] | None = None
         ) -> list[Sentence]:
    """The sentences of an article published on `published`, each with the times the date
    pass finds in it; `blocks` gives paragraphs a date of their own (a live blog's)."""
    article = Article(id="test", path=Path("test.txt"), title="Test", paragraphs=list(paragraphs),
                      published=published, paragraph_dates=blocks or {})
    return [replace(s, article=article, times=find_times(s.text, anchor_date(article, s.paragraph)))
            for s in sentences(*paragraphs)]


def event_with(events, word: str):
    found = [e for e in events if word in e.title.lower()]
    assert len(found) == 1, [(e.kind, e.title, e.date) for e in events]
    return found[0]


def test_a_day_after_an_event_is_the_day_before_the_clause_that_says_so():
    events = extract_events(told(
        "Ruritania shelled Freedonia this morning, a day after Osterlich launched air strikes on Freedonia."),
        ACTORS)
    assert event_with(events, "shelled").date == "2024-04-17"
    strikes = event_with(events, "strikes")
    assert strikes.date == "2024-04-16"
    assert strikes.date_text == "a day after"


def test_two_days_after_a_dated_event():
    events = extract_events(told(
        "Ruritania attacked Freedonia two days after the talks in Vienna on May 3, 2023."), ACTORS)
    assert event_with(events, "attacked").date == "2023-05-05"


def test_a_vague_measure_gives_only_the_order():
    """"a few days after" says after, not how long after: an open interval, no guessed day."""
    events = extract_events(told(
        "Ruritania attacked Freedonia a few days after the talks in Vienna on May 3, 2023."), ACTORS)
    assert event_with(events, "attacked").date == "2023-05-03/.."


def test_a_day_after_an_event_dated_only_by_its_month_stays_open():
    """A day's shift of a month says nothing about the day: no date rather than the month."""
    events = extract_events(told(
        "Ruritania shelled Freedonia in May 2023, a day after Osterlich launched air strikes on Freedonia."),
        ACTORS)
    assert event_with(events, "shelled").date == "2023-05"
    assert event_with(events, "strikes").date is None


def test_each_clause_keeps_its_own_decade():
    events = extract_events(told(
        "Talks between Ruritania and Freedonia in the mid-90s failed, and Osterlich attacked Freedonia "
        "in the early 2000s."), ACTORS)
    assert event_with(events, "talks").date == "1993~/1997~"
    assert event_with(events, "attacked").date == "2000/2003~"


def test_a_range_dates_the_event_with_both_ends():
    events = extract_events(told("International observers will monitor the vote in Ruritania from May 1-3."),
                            ACTORS)
    assert event_with(events, "monitor").date == "2024-05-01/2024-05-03"


def test_the_event_an_edge_verb_speaks_of_owns_the_time():
    """"since fighting began on 15 April": the fighting starts then, the killing follows."""
    events = extract_events(told(
        "Osterlich said 700 Ruritanian soldiers had been killed since fighting began on 15 April."), ACTORS)
    assert event_with(events, "fighting").date == "2024-04-15/.."
    assert event_with(events, "killed").date == "2024-04-15/.."


@pytest.mark.parametrize(("text", "date"), [
    ("Ruritanian troops have attacked Freedonia.", "../2024-04-17"),
    ("Ruritanian troops attack Freedonia.", "../2024-04-17"),
    ("Ruritanian troops attacked Freedonia.", None),
    ("Ruritanian troops will attack Freedonia.", None),
    ("Ruritanian troops have attacked Freedonia since last month.", "2024-03/.."),
])
def test_the_present_perfect_without_a_time_happened_by_publication(text: str, date: str | None):
    events = extract_events(told(text), ACTORS)
    assert event_with(events, "attack").date == date


def test_nothing_is_dated_by_publication_without_a_publication_date():
    events = extract_events(told("Ruritanian troops have attacked Freedonia.", published=None), ACTORS)
    assert event_with(events, "attack").date is None


def test_a_live_blog_block_dates_by_its_own_stamp():
    events = extract_events(told("Ruritanian troops have attacked Freedonia.",
                                 "Osterlich shelled Freedonia this morning.",
                                 blocks={0: "2024-04-15", 1: "2024-04-16"}), ACTORS)
    assert event_with(events, "attacked").date == "../2024-04-15"
    assert event_with(events, "shelled").date == "2024-04-16"


def test_a_clause_time_beats_the_dateline():
    events = extract_events(told(
        "HARBORTON, April 16 (Coastwire) -- Ruritania attacked Freedonia on Monday."), ACTORS)
    attack = event_with(events, "attacked")
    assert (attack.date, attack.date_text) == ("2024-04-15", "on Monday")


def test_the_dateline_dates_what_has_no_time_of_its_own():
    events = extract_events(told("HARBORTON, April 16 (Coastwire) -- Ruritania attacked Freedonia."), ACTORS)
    assert event_with(events, "attacked").date == "2024-04-16"


def test_concurrent_events_share_the_time_of_the_one_told_before():
    text = "Workers rallied in Vienna on Monday. Concurrent rallies took place in Ruritania."
    events = extract_events(told(text), ACTORS)
    assert sorted(e.date for e in events if e.kind == "protest") == ["2024-04-15", "2024-04-15"]


def test_a_rally_at_a_time_of_day_is_dated_by_the_day():
    events = extract_events(told("Teachers will gather at a 12 p.m. rally in the square."), ACTORS)
    assert only(events, "protest").date == PUBLISHED
