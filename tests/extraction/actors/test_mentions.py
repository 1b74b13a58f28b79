"""Candidates dropped before merging."""

from __future__ import annotations

import spacy

from generator.extraction.actors.mentions import drop_families
from tests.extraction.actors.helpers import person


def test_a_surname_in_the_plural_is_a_family():
    doc = spacy.blank("en")("Joe Biden and the Bidens")
    cands = [person(doc, 0, 2), person(doc, 4, 5)]
    assert [c.text for c in drop_families(cands)] == ["Joe Biden"]
