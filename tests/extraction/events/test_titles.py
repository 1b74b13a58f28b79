"""Event ids from titles."""

from __future__ import annotations

from generator.extraction.events.titles import event_id
from generator.text import RESERVED_IDS


def test_ids_are_unique_slugs_of_the_title():
    taken = {"talks-vienna"}
    assert event_id("Talks in Vienna", taken) == "talks-vienna-2"
    assert event_id("Index", set()) not in RESERVED_IDS
