"""Claims: who says what, from the parse of invented sentences (real pipeline)."""

from __future__ import annotations

import pytest

from generator.extraction.claims import extract_claims
from generator.extraction.events import extract_events
from tests.sentences import ACTORS, sentences

pytestmark = pytest.mark.slow


def claims_of(*paragraphs: str) -> list[tuple[str, list[str], str, list[str]]]:
    return [(owner, c.by, c.text, c.about) for owner, c in extract_claims(sentences(*paragraphs), ACTORS)]


def test_said_that_gives_the_content_clause():
    assert claims_of("Ruritania said that Freedonia had moved troops to the border.") == [
        ("ruritania", ["ruritania"], "Freedonia had moved troops to the border.", ["freedonia"])]


def test_according_to_attributes_the_rest_of_the_sentence():
    [(owner, by, text, _)] = claims_of("According to Freedonia, 120 soldiers have been killed.")
    assert (owner, by, text) == ("freedonia", ["freedonia"], "120 soldiers have been killed.")


def test_a_quotation_before_its_speaker():
    [(owner, _, text, _)] = claims_of("“We will not negotiate with Osterlich,” Anna Berg told reporters.")
    assert owner == "anna-berg"
    assert text == "We will not negotiate with Osterlich."


def test_two_speakers_share_one_claim():
    text = "Ruritania and Osterlich argue that Freedonia has sent fighters abroad."
    [(owner, by, _, about)] = claims_of(text)
    assert owner == "ruritania" and by == ["ruritania", "osterlich"] and about == ["freedonia"]


def test_an_accusation_is_a_claim_about_its_object():
    [(owner, _, text, about)] = claims_of("Ruritania accused Freedonia of shelling civilian areas.")
    assert owner == "ruritania" and about[0] == "freedonia"
    assert text == "Ruritania accused Freedonia of shelling civilian areas."


def test_a_speaker_named_by_a_proxy_or_a_later_definite_noun():
    found = claims_of("A Ruritanian official said the border would stay closed.",
                      "Trade will not resume this year, the official said.")
    assert [owner for owner, *_ in found] == ["ruritania", "ruritania"]


def test_unnamed_speakers_and_negated_verbs_make_no_claim():
    assert claims_of("Observers believe that the war has claimed 400 lives.",
                     "Freedonia has not confirmed any losses.") == []


def test_a_nested_report_is_told_once():
    found = claims_of("Anna Berg said she thought that Ruritania was bluffing.")
    assert len(found) == 1


def test_a_claim_is_about_the_events_its_sentence_tells():
    [(_, _, _, about)] = claims_of("Anna Berg said Ruritania attacked Freedonia on Sunday.")
    assert about[:2] == ["ruritania", "freedonia"]
    assert any(a.startswith("ruritania-attacked") for a in about[2:])


def test_figures_from_two_sources_stand_side_by_side():
    found = claims_of("International observers believe that the war has claimed at least 400 lives.",
                      "According to Freedonia, 350 soldiers have been killed.")
    assert [(owner, text) for owner, _, text, _ in found] == [
        ("international-observers", "The war has claimed at least 400 lives."),
        ("freedonia", "350 soldiers have been killed.")]


def test_wire_quotation_marks_are_not_part_of_the_claim():
    [(owner, _, text, _)] = claims_of("``We will not negotiate with Osterlich,'' Anna Berg said.")
    assert owner == "anna-berg" and text == "We will not negotiate with Osterlich."


def test_a_speech_verb_in_another_sense_reports_nothing():
    found = claims_of("Ruritania is investigating Freedonia, according to Anna Berg, adding to its problems.")
    assert [owner for owner, *_ in found] == ["anna-berg"]
    assert ", ," not in found[0][2]


def test_what_someone_is_asked_to_say_or_declines_to_say_is_no_claim():
    assert claims_of("Anna Berg urged Ruritania to tell Freedonia that the border is safe.",
                     "Osterlich would not elaborate, or confirm that two suspects were detained.") == []


def test_events_passed_in_give_the_same_claims_as_events_found_here():
    found = sentences("Ruritania said that Freedonia shelled Vienna on Monday.")
    events = extract_events(found, ACTORS)
    assert extract_claims(found, ACTORS, events) == extract_claims(found, ACTORS)
    assert extract_claims(found, ACTORS, events)[0][1].about[-1] == events[0].id


def test_a_denial_is_the_deniers_claim_that_keeps_denied():
    [(owner, _, text, _)] = claims_of("Ruritania denied that its police had beaten the marchers.")
    assert owner == "ruritania" and "denied" in text


def test_a_one_word_quotation_is_a_claim():
    [(owner, _, text, _)] = claims_of('"No," Anna Berg said when asked whether Ruritania would sign.')
    assert (owner, text) == ("anna-berg", "No.")


def test_a_reporting_clause_after_a_comma_reports_what_comes_before():
    [(owner, _, text, _)] = claims_of("Exports to Osterlich will resume in May, said Anna Berg.")
    assert (owner, text) == ("anna-berg", "Exports to Osterlich will resume in May.")


def test_a_quotation_of_several_sentences_is_its_speakers():
    found = claims_of('"We will not sign. Freedonia must leave Vienna first," Anna Berg said.')
    assert [(owner, text) for owner, _, text, _ in found] == [
        ("anna-berg", "We will not sign."), ("anna-berg", "Freedonia must leave Vienna first.")]
    assert claims_of('"We will not sign. The talks are over.', "Freedonia said nothing.") == []


def test_what_someone_is_asked_is_no_claim():
    found = claims_of('Asked if she believed Ruritania was lying, Anna Berg said, "They were in Vienna."')
    assert [text for _, _, text, _ in found] == ["They were in Vienna."]


def test_two_content_clauses_are_one_claim():
    [(_, _, text, _)] = claims_of("Two gunmen died, and three others may have escaped, Freedonia said.")
    assert text == "Two gunmen died, and three others may have escaped."


def test_a_report_of_a_thing_a_vow_and_a_speakers_insistence_are_claims():
    reported = claims_of("Freedonia reported heavy shelling in Vienna on Monday.")
    assert reported[0][:2] == ("freedonia", ["freedonia"])
    assert claims_of("Ruritania vowed to close the border if Freedonia attacked.")[0][0] == "ruritania"
    text = "Talks stalled over Freedonia's insistence that Anna Berg should resign at once."
    [(owner, _, text, _)] = claims_of(text)
    assert (owner, text) == ("freedonia", "Anna Berg should resign at once.")


def test_an_addressee_does_not_hide_the_content_clause():
    told = "Another witness, Anna Berg, told the jury Ruritania had shelled Vienna twice."
    [(owner, _, text, _)] = claims_of(told)
    assert (owner, text) == ("anna-berg", "Ruritania had shelled Vienna twice.")


def test_a_spokesman_who_is_not_named_is_not_the_one_who_declined():
    assert claims_of("Freedonia declined to comment.", "A spokesman later said the talks would resume.") == []


def test_a_quotation_opened_after_its_speaker_is_its_speakers():
    found = claims_of('When asked, Anna Berg told reporters: "We are not leaving. We will stay in Vienna."')
    assert [(owner, text) for owner, _, text, _ in found] == [
        ("anna-berg", "We are not leaving."), ("anna-berg", "We will stay in Vienna.")]


def test_according_to_a_writing_is_its_publishers_claim():
    [(owner, _, text, _)] = claims_of("Ruritania lost 300 soldiers, according to a statement by Osterlich.")
    assert (owner, text) == ("osterlich", "Ruritania lost 300 soldiers.")


def test_a_participle_hung_on_its_speaker_and_a_statement_in_which_it_is_said():
    text = "The leader of Ruritania, Anna Berg, condemned the attack, saying in a statement that it failed."
    [(owner, _, claim, _)] = claims_of(text)
    assert owner == "anna-berg" and claim.startswith("The leader of Ruritania") and "it failed" in claim
    [(owner, _, claim, _)] = claims_of("Freedonia said in a statement that its troops had left Vienna.")
    assert (owner, claim) == ("freedonia", "Its troops had left Vienna.")


def test_what_a_speaker_says_inside_a_relative_clause_is_said_of_its_noun():
    text = "The leader is chosen by an electoral college which Freedonia says is stacked in favour of Vienna."
    [(owner, _, claim, _)] = claims_of(text)
    assert (owner, claim) == ("freedonia", "An electoral college is stacked in favour of Vienna.")
