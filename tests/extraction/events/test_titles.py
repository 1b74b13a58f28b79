"""Event titles (what happened, in the article's words, led by who did it) and ids."""

from __future__ import annotations

import pytest

from generator.extraction.events import extract_events
from generator.extraction.events.titles import event_id
from generator.text import RESERVED_IDS
from tests.sentences import ACTORS, sentences


def test_ids_are_unique_slugs_of_the_title():
    taken = {"talks-vienna"}
    assert event_id("Talks in Vienna", taken) == "talks-vienna-2"
    assert event_id("Index", set()) not in RESERVED_IDS


@pytest.mark.slow
def test_a_harm_named_by_a_copula_is_titled_by_its_author():
    events = extract_events(sentences(
        "The worst attack on Vienna was in 2002, when Ruritanian agents killed more than 20 people."), ACTORS)
    assert [e.title for e in events] == ["Ruritanian agents killed more than 20 people"]
    assert {p.actor: p.role for p in events[0].participants} == {"ruritania": "initiator"}


@pytest.mark.slow
def test_a_coordinated_verb_keeps_the_first_verbs_auxiliary():
    events = extract_events(sentences(
        "Ruritania will reopen its embassy, lift its tariffs and cease the shelling of Freedonia."), ACTORS)
    titles = [e.title for e in events]
    assert "Ruritania will cease the shelling of Freedonia" in titles, titles
