"""World data: names, aliases, demonyms, capitals, titles, and the span ruler that marks them."""

from __future__ import annotations

import spacy
from spacy.language import Language

from generator.extraction.world import add_world_ruler, official_forms


def test_world_resolves_names_aliases_demonyms_and_capitals(world):
    assert world.lookup("Russian").name == "Russia"
    assert world.lookup("Russians").role == "demonym"
    assert world.lookup("Baku").role == "capital"
    assert world.lookup("Baku").name == "Azerbaijan"
    assert world.lookup("U.S.").name == "United States"
    assert world.lookup("DPRK").name == "North Korea"
    assert world.lookup("OSCE").name == "Organization for Security and Co-operation in Europe"
    assert world.lookup("Kremlin").role == "metonym"


def test_world_is_case_sensitive_and_knows_no_lone_korea(world):
    assert world.lookup("us") is None
    assert world.lookup("Korea") is None
    assert "Korea" in world.not_actors


def test_known_organization_with_a_country_in_front(world):
    assert world.lookup_organization("U.S. Federal Reserve").name == "Federal Reserve"
    assert world.lookup_organization("Russian Ministry of Foreign Affairs") is None


def test_titles_map_to_relation_types(world):
    assert world.titles["president"] == "leader-of"
    assert world.titles["spokesman"] == "spokesperson-of"
    assert world.titles["special envoy"] == "envoy-of"


def test_world_ruler_marks_names_in_a_blank_pipeline():
    nlp = add_world_ruler(spacy.blank("en"))
    add_world_ruler(nlp)  # a second call adds nothing
    assert nlp.pipe_names.count("world_ruler") == 1
    doc = nlp("Baku and Yerevan met the OSCE and the Russian envoy.")
    found = {(s.text, s.label_) for s in doc.spans["world"]}
    assert {("Baku", "capital"), ("Yerevan", "capital"), ("OSCE", "acronym"), ("Russian", "demonym")} <= found


def test_formal_names_of_states_are_their_countries(world):
    assert world.lookup("Kingdom of Thailand").name == "Thailand"
    assert world.lookup("Republic of Moldova").name == "Moldova"
    assert world.lookup("Republic of China").name == "Taiwan"  # a listed alias wins
    assert world.lookup("Republic of Czech Republic") is None  # a name that is a formal name already
    assert official_forms("Chad", ["Republic of"]) == ["Republic of Chad"]


def test_seats_of_government_parties_and_forces(world):
    assert (world.lookup("Casa Rosada").name, world.lookup("Casa Rosada").role) == ("Argentina", "metonym")
    assert world.lookup("Tories").name == "Conservative Party"
    assert world.lookup("IDF").name == "Israel Defense Forces"
    assert world.lookup("Yazidi").name == "Yazidis"  # the singular, as a modifier


def test_ranks_and_law_heads_are_rule_data(world):
    assert {"Sgt", "Sgt.", "Col.", "MP"} <= set(world.rules["honorifics"])
    assert world.titles["magistrate"] == "official-of"
    assert "Act" in world.rules["not_actor_heads"]


SEEN: list[str] = []  # the texts the component below was given


@Language.component("test_world_counts_docs")
def counts_docs(doc):
    SEEN.append(doc.text)
    return doc


def test_world_ruler_patterns_are_only_tokenized_and_the_pipeline_stays_whole():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_world_counts_docs")
    SEEN.clear()
    add_world_ruler(nlp)
    assert SEEN == []  # no world name went through the components before the ruler
    assert nlp.pipe_names == ["test_world_counts_docs", "world_ruler"]  # nothing left disabled
    doc = nlp("The Czech Republic and the United Nations met in Kyiv.")
    assert SEEN == ["The Czech Republic and the United Nations met in Kyiv."]
    found = {(s.text, s.label_) for s in doc.spans["world"]}
    assert {("Czech Republic", "name"), ("United Nations", "name")} <= found
