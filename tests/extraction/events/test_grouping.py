"""Events from sentences: kind, participants and roles, place, date, merging, ids.

Sentences are parsed by the real English pipeline; mentions and time expressions are
made by hand here, so these tests check the event rules and not the actor or date passes.
"""

from __future__ import annotations

import pytest

from generator.extraction.events import extract_events
from generator.extraction.events.grouping import compatible_dates
from generator.extraction.sentence import Mention
from generator.schema import Actor
from tests.sentences import ACTORS, only, roles, sentences

pytestmark = pytest.mark.slow



def test_talks_have_parties_place_and_date():
    events = extract_events(sentences("Ruritania and Freedonia held talks in Vienna on Monday."),
                            ACTORS)
    talks = only(events, "consult")
    assert roles(talks) == {"ruritania": "party", "freedonia": "party"}
    assert talks.place == "vienna"
    assert talks.sources[0].quote == "Ruritania and Freedonia held talks in Vienna on Monday."


def test_date_comes_from_the_time_attached_to_the_trigger():
    text = "Ruritania imposed sanctions on Freedonia on Monday after talks with Osterlich on Friday."
    events = extract_events(sentences(text, times={"Monday": "2021-03-01", "Friday": "2021-02-26"}), ACTORS)
    sanctions = only(events, "reduce-relations")
    assert roles(sanctions) == {"ruritania": "initiator", "freedonia": "target"}
    assert sanctions.date == "2021-03-01"
    assert sanctions.date_text == "on Monday"


def test_before_opens_the_interval():
    text = "Ruritania warned Freedonia before Thursday."
    events = extract_events(sentences(text, times={"Thursday": "2021-03-04"}), ACTORS)
    assert only(events, "threaten").date == "../2021-03-04"


def test_since_gives_the_start_and_keeps_the_month():
    text = "Ruritania and Freedonia have been fighting since the end of May."
    events = extract_events(sentences(text, times={"the end of May": "2021-05-21/2021-05-31"}), ACTORS)
    assert only(events, "fight").date == "2021-05/.."


def test_mentions_of_one_event_merge():
    events = extract_events(sentences(
        "Ruritania and Freedonia have been engaged in heavy fighting since last month.",
        "The fighting between Ruritania and Freedonia has displaced thousands."), ACTORS)
    fight = only(events, "fight")
    assert len(fight.sources) == 2
    assert roles(fight) == {"ruritania": "party", "freedonia": "party"}


def test_an_invitation_reaches_the_pair_named_before():
    events = extract_events(sentences(
        "Ruritania and Freedonia agreed to a ceasefire.",
        "The two countries did so after an invitation from Anna Berg on Thursday."),
        ACTORS)
    invitation = only(events, "appeal")
    assert roles(invitation) == {"anna-berg": "initiator", "ruritania": "target", "freedonia": "target"}


def test_a_mediator_and_the_sides_between():
    events = extract_events(sentences(
        "Ruritania and Freedonia clashed again.",
        "Osterlich has been mediating in the conflict between the two countries for years."), ACTORS)
    mediation = only(events, "consult")
    assert roles(mediation) == {"osterlich": "mediator", "ruritania": "party", "freedonia": "party"}


def test_negated_and_imagined_events_are_not_events():
    events = extract_events(sentences(
        "Ruritania did not attack Freedonia.",
        "Observers fear that the dispute could turn into a war."), ACTORS)
    assert events == []


def test_a_topic_noun_is_not_an_event():
    events = extract_events(sentences("Anna Berg is pushing for a ceasefire."), ACTORS)
    assert [e.kind for e in events] == ["appeal"]


def test_casualties_are_told_without_named_actors():
    events = extract_events(sentences("The war has claimed at least 300 lives."), ACTORS)
    assert only(events, "assault").participants == []


def test_a_reported_event_lists_its_speaker_as_observer():
    events = extract_events(sentences("Anna Berg said Ruritania attacked Freedonia on Sunday.",
                                      times={"Sunday": "2021-02-28"}), ACTORS)
    attack = only(events, "assault")
    assert roles(attack) == {"ruritania": "initiator", "freedonia": "victim", "anna-berg": "observer"}
    assert attack.date == "2021-02-28"


def test_open_and_closed_dates_overlap():
    assert compatible_dates("2020-09/..", "2020-09-30")
    assert not compatible_dates("1994", "2020-09/..")
    assert compatible_dates(None, "1994")


def test_a_verb_takes_the_kind_of_its_event_noun():
    events = extract_events(sentences("Osterlich conducted a series of rocket launches on Monday.",
                                      times={"Monday": "2021-03-01"}), ACTORS)
    tests = only(events, "show-force")
    assert roles(tests) == {"osterlich": "initiator"}
    assert tests.title.startswith("Osterlich conducted")


def test_stopping_violence_is_yielding():
    events = extract_events(sentences("Ruritania will cease the shelling of Freedonia."), ACTORS)
    assert [e.kind for e in events] == ["yield"]


def test_a_noun_that_needs_a_qualifier():
    assert extract_events(sentences("Anna Berg passed a DNA test in Vienna."), ACTORS) == []


def test_an_attack_and_a_bombing_by_one_side_are_one_event():
    events = extract_events(sentences(
        "Ruritania launched an attack on Freedonia on Monday.",
        "The Ruritanian bombing of Freedonia lasted hours."), ACTORS)
    assert len(only(events, "assault").sources) == 2


def test_attacks_by_different_sides_stay_apart():
    events = extract_events(sentences(
        "Ruritania launched an attack on Freedonia.",
        "Osterlich launched an attack on Freedonia."), ACTORS)
    assert len([e for e in events if e.kind == "assault"]) == 2


def test_a_dateline_is_not_the_subject_of_a_title():
    text = "VIENNA, March 1 (Wire) - Ruritania expelled two Freedonian diplomats."
    events = extract_events(sentences(text), ACTORS)
    assert only(events, "coerce").title.startswith("Ruritania expelled")


def test_an_opening_connective_carries_the_date_on():
    events = extract_events(sentences(
        "In 1998, Freedonia bombed a Ruritanian town. In retaliation, Ruritania attacked a Freedonian port.",
        times={"1998": "1998"}), ACTORS)
    assert [e.date for e in events] == ["1998", "1998"]


def test_an_event_followed_by_a_dated_one_happened_before_it():
    text = "The Osterlich offer on Tuesday followed an attack by Ruritania."
    events = extract_events(sentences(text, times={"Tuesday": "2021-03-02"}), ACTORS)
    assert only(events, "assault").date == "../2021-03-02"
    assert only(events, "intent-to-cooperate").date == "2021-03-02"




def test_a_state_named_after_its_leader_means_both():
    text = "On Friday, the Berg administration imposed sanctions on Freedonia."
    events = extract_events(sentences(text, times={"On Friday": "2020-10-09"}), ACTORS)
    event = only(events, "reduce-relations")
    assert roles(event) == {"anna-berg": "initiator", "ruritania": "initiator", "freedonia": "target"}
    assert event.title.startswith("Berg administration")


def test_words_that_tell_more_of_one_harm_are_one_event():
    for text in ("A bombing in Vienna that killed a guard shocked Ruritania.",
                 "Freedonia shelled a village in Ruritania, killing five people.",
                 "The blast in Vienna killed a guard and wounded a nurse."):
        events = extract_events(sentences(text), ACTORS)
        assert len([e for e in events if e.kind == "assault"]) == 1, (text, [e.title for e in events])


def test_a_demonstration_and_its_march_are_one_protest():
    text = "In a demonstration demanding peace, thousands of women marched in Vienna."
    events = extract_events(sentences(text), ACTORS)
    assert len(events) == 1 and events[0].kind == "protest", [(e.kind, e.title) for e in events]


def test_unrelated_mentions_without_actors_stay_apart():
    events = extract_events(sentences("Bombings at clinics have become common.",
                                      "Last week a bombing in Vienna killed a guard.",
                                      times={"Last week": "2020-09-28/2020-10-04"}), ACTORS)
    assert len([e for e in events if e.kind == "assault"]) == 2, [e.title for e in events]


def test_a_source_withholding_its_name_is_no_event():
    text = "“It was a bomb,” said a Ruritanian official, who refused to identify himself."
    events = extract_events(sentences(text), ACTORS)
    assert events == []


def test_a_word_in_quotation_marks_is_named_not_used():
    text = "The site marks each doctor as “working,” “wounded” or dead."
    assert extract_events(sentences(text), ACTORS) == []


def test_a_definite_noun_tells_the_event_again():
    events = extract_events(sentences("A bomb blast in Vienna killed a guard on Friday.",
                                      "The blast was heard across the city.",
                                      times={"on Friday": "2020-10-09"}), ACTORS)
    assert len(events) == 1 and len(events[0].sources) == 2, [e.title for e in events]


def test_a_date_of_another_clause_does_not_date_an_event_set_apart():
    text = "Anna Berg was seen in Vienna before the bombing and left Ruritania in December."
    events = extract_events(sentences(text, times={"in December": "2020-12"}), ACTORS)
    bombing = next(e for e in events if "bombing" in e.title.lower())
    assert bombing.date is None
    assert "anna-berg" not in roles(bombing)  # seen before it, not its author


def test_a_definite_noun_points_at_the_latest_event_of_its_kind():
    events = extract_events(sentences("A bombing in Vienna killed a guard in May.",
                                      "Another bomb blast killed a judge in Ruritania in June.",
                                      "The blast destroyed his car.",
                                      times={"in May": "2020-05", "in June": "2020-06"}), ACTORS)
    june = next(e for e in events if e.date == "2020-06")
    assert any("car" in s.quote for s in june.sources), [(e.title, e.date) for e in events]


def test_the_country_people_fled_is_not_a_victim():
    events = extract_events(sentences("Thousands of families fled Ruritania for Freedonia last year.",
                                      times={"last year": "2019"}), ACTORS)
    assert roles(only(events, "assault")).get("ruritania") != "victim"


def test_what_can_happen_and_a_press_conference_for_a_claim_are_not_events():
    events = extract_events(sentences("The embargo on Freedonia could be restored.",
                                      "Anna Berg told a news conference that Ruritania was ready."), ACTORS)
    assert events == [], [(e.kind, e.title) for e in events]


def test_what_nobody_suffered_or_someone_declined_to_do_did_not_happen():
    events = extract_events(sentences("None of the Ruritanian soldiers were killed.",
                                      "Anna Berg declined to discuss the sanctions on Freedonia."), ACTORS)
    assert events == [], [(e.kind, e.title) for e in events]


def test_a_bare_reference_in_a_group_does_not_keep_later_mentions_out():
    events = extract_events(sentences("Anna Berg was shot dead at her home in Vienna on Oct. 23.",
                                      "A jogger saw a car near the house ten days before the shooting.",
                                      "Berg was shot as she stood in the kitchen.",
                                      times={"on Oct. 23": "2020-10-23"}), ACTORS)
    assert len([e for e in events if e.kind == "assault"]) == 1, [e.title for e in events]


def test_facing_or_deflecting_an_event_is_not_doing_it():
    events = extract_events(sentences("Anna Berg faces a charge of murder in Ruritania.",
                                      "Anna Berg deflected attacks from Freedonia."), ACTORS)
    assert all(roles(e).get("anna-berg") != "initiator" for e in events), [e.title for e in events]


def test_the_subject_of_facing_a_charge_did_not_bring_it():
    text = "In addition to a state charge of murder, Anna Berg faces a charge in Vienna."
    events = extract_events(sentences(text), ACTORS)
    assert all(roles(e).get("anna-berg") != "initiator" for e in events), [e.title for e in events]


def test_who_survived_an_attack_is_its_victim():
    events = extract_events(sentences("Anna Berg survived the attack at her home in Vienna."), ACTORS)
    assert roles(only(events, "assault")).get("anna-berg") == "victim"


def test_a_title_does_not_name_its_actors_twice():
    events = extract_events(sentences("After visiting Ruritania and Osterlich, the envoy left.",
                                      "Officials in Ruritania and Osterlich met on Monday.",
                                      times={"on Monday": "2020-10-05"}), ACTORS)
    assert all(e.title.count("Ruritania") <= 1 for e in events), [e.title for e in events]


def test_a_relative_clause_on_the_victim_tells_the_same_harm():
    text = "Police linked him to the 1995 shooting of Anna Berg, who was wounded in the arm."
    events = extract_events(sentences(text, times={"1995": "1995"}), ACTORS)
    assert len([e for e in events if e.kind == "assault"]) == 1, [e.title for e in events]


def test_a_name_describing_a_pair_is_not_a_participant():
    text = "Anna Berg has been mediating in the conflict between the two former Osterlich republics."
    events = extract_events(sentences("Ruritania and Freedonia clashed.", text), ACTORS)
    mediation = next(e for e in events if "mediat" in e.title.lower())
    assert "osterlich" not in roles(mediation), roles(mediation)


def test_a_participle_shares_the_time_of_its_clause():
    events = extract_events(sentences("Bombs exploded in Vienna on Friday, killing dozens of people.",
                                      times={"on Friday": "2020-10-09"}), ACTORS)
    assert only(events, "assault").date == "2020-10-09"


def test_a_participle_on_a_noun_is_titled_with_the_noun():
    text = "The Ruritanian ambassador was among hundreds injured, a local TV said."
    events = extract_events(sentences(text), ACTORS)
    assert [e.title for e in events] == ["Hundreds injured"]


def test_an_attack_told_by_its_author_then_named_is_one_event():
    events = extract_events(sentences("Ruritania said on Sunday it had fired rockets at Vienna.",
                                      "Anna Berg condemned the attack."), ACTORS)
    attack = only(events, "assault")
    assert len(attack.sources) == 2


def test_the_strike_named_again_stays_a_protest():
    events = extract_events(sentences("Hundreds of workers are striking at Vienna airport on Tuesday.",
                                      "Both airlines said they prepped for the strike.",
                                      times={"on Tuesday": "2021-03-02"}), ACTORS)
    assert [e.kind for e in events] == ["protest"]
    assert len(events[0].sources) == 2


def test_who_chaired_the_session_hosts_the_meeting_told_before():
    told = sentences("Ruritania and Freedonia met in Vienna on Monday.",
                     "Anna Berg, who chaired the session, said both sides would meet again.")
    events = extract_events(told, ACTORS)
    meeting = next(e for e in events if "met" in e.title)
    assert {p.actor: p.role for p in meeting.participants}["anna-berg"] == "host"
    assert len(meeting.sources) == 2


def test_observers_attend_the_meeting_told_before():
    events = extract_events(sentences("Ruritania and Freedonia met in Vienna on Monday.",
                                      "Osterlich's envoy, Anna Berg, attended as an observer."), ACTORS)
    assert len(events) == 1
    assert {p.actor: p.role for p in events[0].participants}["anna-berg"] == "observer"


def test_an_observer_alone_is_no_event():
    assert extract_events(sentences("Anna Berg attended as an observer."), ACTORS) == []


def test_the_attack_named_back_with_its_author_gives_the_author():
    text = ("In 2012, hundreds of protesters stormed the Freedonia embassy in Vienna. Ruritania outlawed "
            "the group behind the attack — the Red Hand, a small organization — and began a crackdown.")
    parsed = sentences(text)
    for s in parsed:
        start = s.text.find("Red Hand")
        if start >= 0:
            s.mentions = sorted([*s.mentions, Mention(start, start + 8, "red-hand", "Red Hand")],
                                key=lambda m: (m.start, -m.end))
    group = Actor(id="red-hand", name="Red Hand", kind="group")
    event = only(extract_events(parsed, dict(ACTORS, **{"red-hand": group})), "assault")
    assert roles(event) == {"freedonia": "victim", "red-hand": "initiator"}
    assert len(event.sources) == 2


def test_a_denial_does_not_lend_its_actor_to_what_happened():
    events = extract_events(sentences("Gunmen fired rockets at Vienna on Monday. "
                                      "Freedonia denied firing the rockets."), ACTORS)
    happened = [e for e in events if e.status == "happened"]
    assert happened and all("freedonia" not in roles(e) for e in happened), \
        [(e.title, e.status, roles(e)) for e in events]
    assert [roles(e) for e in events if e.status == "denied"] == [{"freedonia": "initiator"}]



def test_a_second_harm_on_the_same_day_is_another_event():
    text = ("A blast killed five people in Vienna on Monday. "
            "A second blast killed two people in Vienna on Monday.")
    events = extract_events(sentences(text, times={"Monday": "2021-03-01"}), ACTORS)
    assert len([e for e in events if e.kind == "assault"]) == 2
