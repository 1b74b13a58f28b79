"""Relations between actors from the parse of invented sentences (real pipeline)."""

from __future__ import annotations

import pytest

from generator.extraction.relations import extract_relations
from tests.sentences import ACTORS, sentences

pytestmark = pytest.mark.slow


def relations_of(*paragraphs: str) -> set[tuple[str, str, str]]:
    found = extract_relations(sentences(*paragraphs), ACTORS)
    for _, relation in found:
        assert relation.sources and relation.text == relation.sources[0].quote
    return {(subject, r.type, r.target) for subject, r in found}


def test_a_relative_clause_relates_its_antecedent():
    assert ("ruritania", "supports", "freedonia") in relations_of(
        "Peace is harder because of Ruritania, which wholeheartedly supports Freedonia.")


def test_a_base_and_a_treaty_with_that_country():
    found = relations_of("Ruritania has an air base in Freedonia and a defense treaty with that country.")
    assert ("freedonia", "hosts-base-of", "ruritania") in found
    assert ("ruritania", "defense-treaty", "freedonia") in found


def test_mediating_between_the_pair_named_before():
    found = relations_of("Ruritania and Freedonia clashed again.",
                         "Osterlich has been mediating in the conflict between the two countries for years.")
    assert {("osterlich", "mediates", "ruritania"), ("osterlich", "mediates", "freedonia")} <= found
    assert ("ruritania", "negotiates-with", "freedonia") not in found  # sides, not negotiators


def test_sanctions_on_a_country():
    assert ("osterlich", "sanctions", "freedonia") in relations_of(
        "Osterlich imposed new sanctions on Freedonia.")


def test_parties_of_talks_negotiate_with_each_other():
    found = relations_of("Talks between Ruritania and Freedonia resumed in Vienna.")
    assert found == {("ruritania", "negotiates-with", "freedonia")}


def test_a_negated_verb_states_no_relation():
    assert relations_of("Ruritania does not support Freedonia.") == set()


def test_targets_are_known_actors():
    for subject, _, target in relations_of("Ruritania criticized Freedonia and its allies."):
        assert subject in ACTORS and target in ACTORS


def test_a_joint_drill_relates_its_parties():
    assert relations_of("Ruritania and Freedonia held a joint naval drill.") == {
        ("ruritania", "military-exercise-with", "freedonia")}


def test_an_apposition_names_the_owner():
    assert ("freedonia", "allied-with", "ruritania") in relations_of(
        "Freedonia, a close ally of Ruritania, closed its border.")


def test_kinds_that_cannot_stand_in_a_relation_are_left_out():
    assert relations_of("Ruritania lives in Vienna.") == set()


def test_two_countries_one_visit_went_to_do_not_negotiate():
    found = relations_of("Anna Berg met Ruritania and Freedonia in Vienna.")
    assert ("ruritania", "negotiates-with", "freedonia") not in found


def test_an_event_noun_is_not_the_actor_it_once_named():
    found = relations_of("Freedonia suffered the Ruritanian bombings.", "Osterlich condemned the bombings.")
    assert not any(s == "osterlich" for s, _, _ in found)


def test_handling_an_actors_affair_relates_to_it():
    found = relations_of("Ruritania has been handling Freedonia's debt talks.")
    assert ("ruritania", "related-to", "freedonia") in found
