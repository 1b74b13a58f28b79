"""Event triggers in invented sentences: the polarity of action verbs (a delay of aid is
no aid) and the stance each trigger carries (triggers.py with factuality.py)."""

from __future__ import annotations

import pytest

from generator.extraction.events import extract_events
from generator.extraction.events.triggers import Trigger, find_triggers
from generator.extraction.references import build_views
from tests.sentences import ACTORS, sentences

pytestmark = pytest.mark.slow


def triggers_of(text: str) -> list[Trigger]:
    (view,) = build_views(sentences(text), ACTORS)
    return find_triggers(view)


def kinds(text: str) -> dict[str, str]:
    return {t.token.text: t.kind for t in triggers_of(text)}


def test_delaying_aid_is_a_reduction_of_relations_not_aid():
    found = kinds("The Ruritanian army is delaying a shipment of aid to Freedonia, officials said.")
    assert found == {"delaying": "reduce-relations"}


def test_a_shipment_of_aid_sent_is_still_aid():
    assert "provide-aid" in kinds("Ruritania sent a shipment of aid to Freedonia.").values()


def test_halting_attacks_is_yielding():
    assert kinds("Ruritania halted its attacks on Freedonia.") == {"halted": "yield"}


def test_postponing_what_is_neither_cooperation_nor_force_is_no_event():
    assert kinds("Ruritania postponed the elections.") == {}


def test_a_party_the_article_excludes_has_no_event():
    assert triggers_of("Osterlich, which holds large reserves, was not part of the agreement.") == []


def test_reluctance_to_act_is_no_action():
    assert triggers_of("The move shows Ruritania's reluctance to send troops back into combat.") == []


def test_a_planned_meeting_stays_a_trigger_that_says_so():
    found = {t.token.text: t.status for t in triggers_of("Ruritania and Freedonia will meet next month.")}
    assert found["meet"] == "planned"


def test_a_denied_attack_is_denied():
    found = {t.token.text: t.status for t in triggers_of(
        "Ruritania denied that its soldiers had attacked the marchers in Vienna.")}
    assert found.get("attacked") == "denied"


def test_the_status_reaches_the_event_and_the_asserted_mention_wins():
    planned = extract_events(sentences("Ruritania and Freedonia will hold talks in Vienna next month."),
                             ACTORS)
    assert [e.status for e in planned if e.kind == "consult"] == ["planned"]
    told = extract_events(sentences(
        "Freedonia reportedly shelled Vienna on Monday.",
        "Freedonia shelled Vienna on Monday, killing two.",
    ), ACTORS)
    assert {e.status for e in told if e.kind == "assault"} == {"happened"}


def test_an_infinitive_under_a_trigger_stays_in_its_chain():
    """"extended the deadline for buyers to negotiate with X": the negotiation belongs to
    the extension (which brings X in), though on its own it would only be possible."""
    found = {t.token.text: t.status for t in triggers_of(
        "Ruritania extended the deadline for buyers to negotiate with Freedonia.")}
    assert "negotiate" in found and found["extended"] == "happened"


def test_a_possible_or_conditional_event_makes_no_sheet_yet():
    """Until merging keeps statuses apart, "if only X had bought Y" must not lend X and Y
    to a sale that happened: possible and conditional triggers are left out (data:
    `sheet_statuses`)."""
    assert triggers_of("Ruritania could attack Freedonia within days.") == []
    found = [t.token.text for t in triggers_of("If the talks fail, Ruritania would attack Freedonia.")]
    assert found == ["talks"]  # the talks themselves are under way


def test_a_particle_the_parser_reads_as_an_adverb_still_makes_the_phrasal_verb():
    text = "The crisis deepened, and Freedonia stepped down on Friday."
    events = extract_events(sentences(text, times={"on Friday": "2021-03-05"}), ACTORS)
    assert [(e.kind, e.title) for e in events] == [("other", "Freedonia stepped down")]


def test_found_guilty_is_a_verdict_and_found_not_guilty_is_none():
    assert kinds("A jury in Vienna has found Anna Berg guilty on all counts.") == {"found": "coerce"}
    assert kinds("Anna Berg was found guilty of fraud on Monday.") == {"found": "coerce"}
    assert kinds("Anna Berg was found not guilty on Monday.") == {}
