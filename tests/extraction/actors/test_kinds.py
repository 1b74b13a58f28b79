"""Kinds from general evidence: what a name does, and what the gazetteer knows of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from generator.extraction.actors.find import find_actors
from generator.extraction.actors.kinds import common_words
from generator.extraction.pipeline import parse_sentences
from generator.extraction.sentence import Sentence
from generator.nlp import load_pipeline
from generator.reading import Article
from tests.extraction.actors.helpers import organization


def _article(*paragraphs: str) -> Article:
    return Article(id="a1", path=Path("a1.txt"), title="Test", paragraphs=list(paragraphs),
                   published="2021-05-04", published_from="cli")


def test_a_word_written_in_lowercase_as_often_is_a_common_word():
    doc = spacy.blank("en")("Riflemen fired . Two riflemen fled . Tolvane said Tolvane would pay .")
    article = _article("x")
    sentences = [Sentence(article, 0, doc.text, doc[0:len(doc)])]
    cands = [organization(doc, 0, 1), organization(doc, 7, 8), organization(doc, 9, 10)]
    assert common_words(cands, sentences) == {("a1", "Riflemen")}


def _kinds(*paragraphs: str) -> dict[str, str]:
    table = find_actors(parse_sentences([_article(*paragraphs)], load_pipeline()))
    return {a.name: a.kind for a in table.actors.values()}


@pytest.mark.slow
def test_a_place_that_pays_and_speaks_is_an_organization():
    kinds = _kinds("Harlowe agreed to buy the unit from Quenby Systems for $2 billion.",
                   "The payment to Harlowe is due in March, Harlowe said.")
    assert kinds.get("Harlowe") == "organization"


@pytest.mark.slow
def test_a_city_after_near_is_a_place_not_a_person():
    kinds = _kinds("Three soldiers were wounded near Goma on Monday, the army said.",
                   "The appeal was heard in a Madison courtroom.")
    assert kinds.get("Goma") == "place"
    assert kinds.get("Madison") == "place"


@pytest.mark.slow
def test_a_city_the_recognizer_missed_after_at_is_a_place():
    kinds = _kinds("The ferry docked at Agadir on Sunday.")
    assert kinds.get("Agadir") == "place"


@pytest.mark.slow
def test_a_group_in_apposition_is_a_group():
    kinds = _kinds("The ministry blamed Jaish al-Fath, a militant group, for the attack.")
    assert kinds.get("Jaish al-Fath") == "group"


@pytest.mark.slow
def test_names_that_label_things_or_open_sentences_are_no_actors():
    kinds = _kinds("The firm moved its patents into a Halvern Trust structure.",
                   "Riflemen guarded the depot on Tuesday. Two riflemen were off duty.",
                   "Ibuprofen eased the pain. Doctors gave ibuprofen to both patients.")
    assert "Halvern Trust" not in kinds and "Halvern" not in kinds
    assert "Riflemen" not in kinds
    assert "Ibuprofen" not in kinds
