"""Kinds from general evidence: what a name does, and what the gazetteer knows of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from generator.extraction.actors.countries import is_demonym
from generator.extraction.actors.find import find_actors
from generator.extraction.actors.kinds import (
    aged,
    common_words,
    described_as_person,
    lives_as_person,
    noble,
    qualified_place,
)
from generator.extraction.pipeline import parse_sentences
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
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


def test_a_demonym_is_the_name_s_stem_and_an_ending(world):
    assert is_demonym("Calvorian", "Calvoria", world)
    assert is_demonym("Desslandic", "Dessland", world)
    assert is_demonym("Quarani", "Quaran", world)
    assert not is_demonym("Calvoria", "Calvoria", world)
    assert not is_demonym("Calvados", "Calvoria", world)


@pytest.mark.slow
def test_an_unknown_country_by_its_ministers_and_its_demonym_before_a_title():
    kinds = _kinds("Ministers from Calvoria and Dessland met on Tuesday.",
                   "Calvorian Foreign Minister Ana Lind said the talks were useful. Calvoria was ready.")
    assert kinds.get("Calvoria") == kinds.get("Dessland") == "country"
    assert kinds.get("Ana Lind") == "person"
    kinds = _kinds("The Minister of Finance spoke in Velmora on Friday.")
    assert kinds.get("Finance") != "country"  # a portfolio, not a state


@pytest.mark.slow
def test_a_person_shaped_name_owned_by_a_country_is_a_person():
    kinds = _kinds("Norway's Søren Ødegård and Poland's Łukasz Żółkiewski arrived on Monday.")
    assert kinds.get("Søren Ødegård") == kinds.get("Łukasz Żółkiewski") == "person"


@pytest.mark.slow
def test_a_name_after_the_town_of_or_where_people_are_is_a_place():
    kinds = _kinds("Troops gathered near the town of Qaram on Monday. Supporters in Sandvik cheered.",
                   "Shelling hit the port of Velmar.")
    assert kinds.get("Qaram") == kinds.get("Sandvik") == kinds.get("Velmar") == "place"
    kinds = _kinds("Investors in Tolvane sold their shares on Monday.")
    assert kinds.get("Tolvane") != "place"  # people in a company


@pytest.mark.slow
def test_a_lone_surname_after_an_honorific_is_a_person():
    kinds = _kinds("The ward was full, according to Dr. Kovacs, a surgeon at the clinic.",
                   "Kovacs said the clinic had run out of blood. Kovacs said more staff were needed.")
    assert kinds == {"Kovacs": "person"}
    kinds = _kinds("Bidders range from U.S. oil major Ardentis to a fund.")
    assert kinds.get("Ardentis") != "person"  # "major" is no rank here


@pytest.mark.parametrize(("text", "qualified"), [
    ("Harborton , Ohio ( AP )", True),
    ("Tarn , Mich. , was flooded", True),
    ("Tarn , Ruritania , was flooded", False),  # a country the world data does not know
    ("Tarn , Austria , was flooded", True),
    ("Acme , Ohio 's largest employer", False),
    ("Berg , Ohio Republican , said", False),
])
def test_a_name_followed_by_its_state_or_country_is_a_place(world: World, text: str, qualified: bool) -> None:
    doc = spacy.blank("en")(text)
    assert qualified_place(doc[0:1], world) is qualified


@pytest.mark.parametrize(("text", "given"), [
    ("Anna Berg , 50 , of Vienna", True),
    ("Anna Berg , 7 , and her father", True),
    ("Zentrix , 2019 , said", False),
    ("Anna Berg , 50 percent", False),
])
def test_an_age_set_off_by_commas_follows_a_person_s_name(text: str, given: bool) -> None:
    doc = spacy.blank("en")(text)
    assert aged(doc[0:2]) is given


@pytest.mark.slow
def test_a_person_given_an_age_is_a_person_whatever_the_recognizer_says():
    kinds = _kinds("Marie Magdefrau Kallin, 50, of Harborton, Conn., was shot to death Thursday when two "
                   "bandits emerged.", "Lidia Varga Zentrale, 44, of Harborton was hurt.")
    assert kinds.get("Marie Magdefrau Kallin") == "person"
    assert kinds.get("Lidia Varga Zentrale") == "person"


def test_a_title_of_nobility_and_of_opens_a_person_s_name(world: World) -> None:
    assert noble("Duchess of Strelsau", world)
    assert noble("Archduke of Osterlich", world)
    assert noble("Prince Ivo Marek", world)
    assert not noble("Bank of Strelsau", world)
    assert not noble("Duchess Street", world)
    assert not noble("Prince Ivo Island", world)


@pytest.mark.slow
def test_a_name_that_modifies_a_noun_for_land_is_a_place():
    kinds = _kinds("In Ruritania's Sierra Tarvana foothills, firefighters today declared they had "
                   "contained a fire that blackened 11,700 acres.")
    assert kinds.get("Sierra Tarvana") == "place"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "person"), [
    ("Kallin was born in Vienna on Monday .", True),
    ("Kallin died on Monday .", True),
    ("Kallin 's Vienna home was searched .", True),
    ("Kallin 's shareholders met .", False),
    ("Kallin sold the plant .", False),
])
def test_what_only_a_person_does_or_has(world: World, nlp, text: str, person: bool) -> None:
    doc = nlp(text)
    assert lives_as_person(doc[0:1], world) is person


@pytest.mark.slow
@pytest.mark.parametrize(("text", "person"), [
    ("Kallin , a professor of political science , died .", True),
    ("Kallin , 53 , said so .", True),
    ("Kallin , former deputy director of Acme , said so .", True),
    ("Kallin , a maker of trucks , said so .", False),
])
def test_a_name_described_as_a_person(world: World, nlp, text: str, person: bool) -> None:
    assert described_as_person(nlp(text)[0:1], world) is person


@pytest.mark.slow
def test_a_name_ending_in_a_site_s_head_noun_is_a_place():
    kinds = _kinds("The jet was on a mission to Tarvel Electronic Warfare Range in the Kessel "
                   "National Forest when the bomb fell.")
    assert kinds.get("Tarvel Electronic Warfare Range") == "place"
