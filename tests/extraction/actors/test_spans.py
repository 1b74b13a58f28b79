"""Span rules: where a name starts and ends, and what is no name."""

from __future__ import annotations

import spacy

from generator.extraction.actors.spans import after_position, capitalized_runs, phrase_not_name


def test_capitalized_runs_cut_common_words(world):
    doc = spacy.blank("en")("the United States embassies and Osama bin Laden")
    runs = capitalized_runs(doc[0:5], world)
    assert [r.text for r in runs] == ["United States"]
    assert [r.text for r in capitalized_runs(doc[5:8], world)] == ["Osama bin Laden"]


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
