"""Span rules: where a name starts and ends, and what is no name."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from generator.extraction.actors.listed import join_listed_names, split_listed_names
from generator.extraction.actors.spans import (
    after_position,
    beside_its_country,
    capitalized_runs,
    gazetteer_spans,
    governs,
    longer_name,
    name_text,
    phrase_not_name,
)


def test_capitalized_runs_cut_common_words(world):
    doc = spacy.blank("en")("the United States consulates and Tariq bin Saleem")
    runs = capitalized_runs(doc[0:5], world)
    assert [r.text for r in runs] == ["United States"]
    assert [r.text for r in capitalized_runs(doc[5:8], world)] == ["Tariq bin Saleem"]


def test_a_quoted_or_owned_title_case_phrase_is_no_organization(world):
    doc = spacy.blank("en")("Dana has my Complete and Total Endorsement and a “ Great Deal ” "
                            "from the Harbor Council .")
    doc[2].tag_ = "PRP$"
    assert phrase_not_name(doc[3:7], world)  # "my Complete and Total Endorsement"
    assert phrase_not_name(doc[10:12], world)  # “Great Deal”
    assert not phrase_not_name(doc[16:18], world)  # "Harbor Council": an organization's head noun
    named = spacy.blank("en")("a network called “ Quiet Rivers ” grew")
    assert not phrase_not_name(named[4:6], world)  # named as such: a name


def test_a_position_between_a_team_and_a_name_cuts_the_name(world):
    doc = spacy.blank("en")("Harbor Hawks QB Tomas Velden and NBC Universal News Group")
    assert after_position(doc[0:5], world).text == "Tomas Velden"
    assert after_position(doc[6:10], world) is None  # an organization's name stays whole


def _doc(text: str, pos: dict[int, str] | None = None):
    doc = spacy.blank("en")(text)
    for i, tag in (pos or {}).items():
        doc[i].pos_ = tag
    return doc


def test_a_name_that_ends_in_s_keeps_it_when_it_owns_nothing(world):
    doc = _doc("Harbelly's said it would expand and Harbelly's shares fell", {2: "VERB", 9: "NOUN"})
    assert [r.text for r in capitalized_runs(doc[0:2], world)] == ["Harbelly's"]
    assert name_text(doc[0:2]) == "Harbelly's"
    assert [r.text for r in capitalized_runs(doc[7:9], world)] == ["Harbelly"]  # a possessive


def test_a_camel_case_name_is_a_capitalized_run(world):
    doc = _doc("MacTavish said")
    assert [r.text for r in capitalized_runs(doc[0:1], world)] == ["MacTavish"]


def test_a_lowercase_part_after_a_hyphen_stays_in_the_name(world):
    doc = _doc("Park Min-jun and a Vellport-based firm", {3: "PROPN", 8: "VERB"})
    assert [r.text for r in capitalized_runs(doc[0:4], world)] == ["Park Min-jun"]
    assert [name_text(r) for r in capitalized_runs(doc[6:9], world)] == ["Vellport"]  # "-based": no name


def test_two_organizations_joined_by_and_are_one_name_when_one_noun_closes_them(world):
    doc = _doc("the Ocean Fishing and Trade Council said the Ledger and Sentinel newspaper wrote")
    items = [(doc[1:3], "ORG", False), (doc[4:6], "ORG", False), (doc[8:9], "ORG", False),
             (doc[10:11], "ORG", False)]
    joined = join_listed_names(items, world)
    assert [s.text for s, _, _ in joined] == ["Ocean Fishing and Trade Council", "Ledger and Sentinel"]
    two = _doc("Harbelly and Trade Council said")
    assert len(join_listed_names([(two[0:1], "ORG", False), (two[2:4], "ORG", False)], world)) == 2


def test_a_listed_long_name_runs_on_through_its_place(world):
    doc = _doc("The Union of Salt Makers , Packers , Carters and Dock Loaders of the Red Coast and "
               "Grey Delta welcomed it")
    items = [(doc[1:5], "ORG", False), (doc[10:12], "ORG", False), (doc[15:17], "LOC", False)]
    joined = join_listed_names(items, world)
    assert [s.text for s, _, _ in joined] == \
        ["Union of Salt Makers , Packers , Carters and Dock Loaders of the Red Coast and Grey Delta"]


@pytest.mark.slow
def test_a_capital_is_a_place_before_based_and_after_the_port_of(world, nlp):
    doc = nlp("A Moscow-based group sent food to the port of Tallinn, and Moscow protested.")
    tallinn = next(t for t in doc if t.text == "Tallinn")
    assert not governs(doc[1:2], world)  # "Moscow-based": where the group is
    assert not governs(doc[tallinn.i:tallinn.i + 1], world)  # "the port of Tallinn"
    assert governs(doc[len(doc) - 3:len(doc) - 2], world)  # "Moscow protested": the government


def _parsed(words: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Doc:
    """A hand-parsed sentence: tags and a dependency tree, no recognizer entities."""
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads)


def test_an_untagged_name_after_a_spatial_preposition_is_a_place(world):
    words = ["Rebels", "shelled", "positions", "near", "Qarvanel", "and", "in", "Velmora", "."]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "ADP", "PROPN", "PUNCT"]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "prep", "pobj", "punct"]
    heads = [1, 1, 1, 2, 3, 1, 1, 6, 1]
    doc = _parsed(words, pos, deps, heads)
    found = [s.text for s in gazetteer_spans(doc[:], world, [])]
    assert found == ["Qarvanel"]  # "in" also names times and topics: "Velmora" needs the gazetteer


def test_two_whole_organizations_joined_by_and_are_two_names(world):
    doc = _doc("the Federation of Rail Workers and Halden Transit Group plc agreed")
    one = [(doc[0:10], "ORG", False)]
    assert [s.text for s, _, _ in split_listed_names(one, world)] == \
        ["the Federation of Rail Workers", "Halden Transit Group plc"]
    two = [(doc[0:5], "ORG", False), (doc[6:10], "ORG", False)]
    assert len(join_listed_names(two, world)) == 2  # each has its own head: not one name
    named = _doc("the World Travel and Tourism Council and the Post and Courier newspaper")
    assert len(split_listed_names([(named[0:6], "ORG", False)], world)) == 1  # "World Travel" has no head
    joined = join_listed_names([(named[8:9], "ORG", False), (named[10:11], "ORG", False)], world)
    assert [s.text for s, _, _ in joined] == ["Post and Courier"]  # a head alone is no whole name


def _sentence(words: list[str], pos: list[str]) -> Doc:
    """One sentence of hand-tagged words, no parse, no recognizer entities."""
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))


def test_a_short_world_name_ending_a_longer_name_is_part_of_it(world):
    doc = _sentence(["Later", "the", "Confederation", "of", "Tarvian", "Labour", "and", "Labour", "met"],
                    ["ADV", "DET", "PROPN", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB"])
    span, label, from_world = longer_name(doc[5:6], world)
    assert (span.text, label, from_world) == ("Confederation of Tarvian Labour", "ORG", False)
    assert longer_name(doc[7:8], world) is None  # the party itself
    assert longer_name(doc[4:5], world) is None  # no world-data organization
    assert [r.text for r in capitalized_runs(doc[0:6], world)] == ["Confederation of Tarvian Labour"]


@pytest.mark.parametrize(("text", "start", "beside"), [
    ("Talks opened in Vienna , Austria , on Monday", 3, True),
    ("a report from Vienna , the capital of Austria .", 3, True),
    ("Austria 's capital , Vienna , was calm", 4, True),
    ("Vienna , Prague and Budapest agreed", 0, False),
    ("Vienna , Germany and France agreed", 0, False),
])
def test_a_capital_placed_in_its_own_country_is_the_city(world, text: str, start: int, beside: bool) -> None:
    doc = spacy.blank("en")(text)
    assert beside_its_country(doc[start:start + 1], world) is beside
