"""Names by their shape: led coalitions, forces, uncased names, laws, a reporter and her outlet."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from generator.extraction.actors.phrases import (
    force_spans,
    led_spans,
    names_no_actor,
    organization_of_place,
    pattern_candidates,
    person_of_organization,
    ranked_names,
)


def _sent(text: str):
    doc = spacy.blank("en")(text)
    return doc[0:len(doc)]


def test_an_organization_named_by_its_leader(world):
    sent = _sent("The Qatari-led alliance and a U.S.-led task force met a Harbor-led group .")
    assert [s.text for s in led_spans(sent, world)] == ["Qatari-led alliance", "U.S.-led task force"]


def test_a_led_coalition_is_an_organization_beside_its_country(world):
    sent = _sent("The Qatari-led coalition said so .")
    found = pattern_candidates(0, sent, world, [])
    assert [(c.text, c.kind, c.label) for c in found] == [("Qatari-led coalition", "organization", "LED")]


def test_a_country_s_forces_named_as_a_name(world):
    sent = _sent("the Chadian Armed Forces and the Uruguayan Navy but not the Uruguayan navy")
    assert [s.text for s in force_spans(sent, world)] == ["Chadian Armed Forces", "Uruguayan Navy"]




def test_laws_permits_and_their_acronyms_are_no_actors(world):
    doc = spacy.blank("en")("the Fair Harvest Act and a Rapid Use Authorization or RUA from the "
                            "Harvest Council")
    assert names_no_actor(doc[1:4], world)
    assert names_no_actor(doc[10:11], world)  # "RUA", defined for a permit
    assert not names_no_actor(doc[13:15], world)


def test_a_reporter_of_an_outlet_is_two_names(world):
    doc = spacy.blank("en")("Mara Vell of Lakeside Public Radio and Bank of Lakeside")
    person, outlet = person_of_organization(doc[0:6], world)
    assert (person.text, outlet.text) == ("Mara Vell", "Lakeside Public Radio")
    assert person_of_organization(doc[7:10], world) is None  # "Bank of Lakeside" is one name


def test_an_organization_of_a_place_is_no_place(world):
    doc = spacy.blank("en")("Association of Salt Makers of the Grey Delta and the Grey Delta")
    assert organization_of_place(doc[0:9], world)
    assert not organization_of_place(doc[11:13], world)


def _tagged(words: list[str], proper: set[int]):
    """A blank Doc whose words at `proper` are proper nouns, the rest common ones."""
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["PROPN" if i in proper else "NOUN" for i in range(len(words))])
    return doc[0:len(doc)]


def test_a_rank_before_an_uncommon_name_makes_a_person_without_the_rank(world):
    sent = _tagged(["Sgt", "Oriel", "Thistlewood", "told", "reporters", "."], {0, 1, 2})
    found = pattern_candidates(0, sent, world, [])
    assert [(c.text, c.kind) for c in found] == [("Oriel Thistlewood", "person")]
    assert ranked_names(_tagged(["Sgt", "Oriel", "told", "reporters", "."], {0, 1}), world) == []
    assert ranked_names(_tagged(["General", "Harbor", "Holdings", "said", "."], {0, 1, 2}), world) == []
    heading = ["President", "Berg", "Signs", "Border", "Bill"]
    assert ranked_names(_tagged(heading, {0, 1, 2, 3, 4}), world) == []
    long_word = ["Major", "Oriel", "Holm", "said", "."]  # "Major League", "Private Equity": words, not ranks
    assert ranked_names(_tagged(long_word, {0, 1, 2}), world) == []
