"""Relations that titles of office state (offices.py), on invented sentences (real pipeline)."""

from __future__ import annotations

import pytest

from tests.sentences import actor_pass_relations

pytestmark = pytest.mark.slow


def relations_of(*paragraphs: str) -> set[tuple[str, str, str]]:
    return actor_pass_relations(*paragraphs)


def test_a_rank_between_title_and_name_keeps_the_title():
    found = relations_of("The plan is final, Ruritanian Army spokesman Col. Ivo Marek said on Friday.")
    assert ("Ivo Marek", "spokesperson-of", "Ruritanian Army") in found


def test_portfolio_words_stand_between_owner_and_title():
    found = relations_of("Osterlich's foreign policy chief, Anna Berg, condemned the attack.",
                         "Exports will resume, said Polish Agriculture Minister Jan Nowicki-Berg.")
    assert ("Anna Berg", "leader-of", "Osterlich") in found
    assert ("Jan Nowicki-Berg", "official-of", "Poland") in found


def test_an_opposition_leader_leads_no_state():
    found = relations_of("Russian opposition leader Ivan Sorokov was arrested on Monday.")
    assert not any(rel == "leader-of" and owner == "Russia" for _, rel, owner in found)


def test_a_city_holds_its_mayors_office():
    found = relations_of("Denver Mayor Anna Berg said the city had power.")
    assert ("Anna Berg", "leader-of", "Denver") in found


def test_a_first_name_left_lowercase_by_the_case_restorer_is_skipped():
    found = relations_of("UKRAINIAN ENERGY MINISTER ANNA KOVALIK SAID ON SATURDAY THAT DRONES HIT A PLANT.",
                         "Kovalik said crews were at work.")
    assert any(rel == "official-of" and owner == "Ukraine" for _, rel, owner in found)


def test_a_led_coalition_is_no_part_of_its_leader():
    found = relations_of("The Qatari-led coalition struck the port on Monday.")
    assert not any(rel == "part-of" and owner == "Qatar" for _, rel, owner in found)
    assert any(subject == "Qatar" and rel == "member-of" for subject, rel, _ in found)


def test_the_title_of_an_owner_before_the_name_and_a_bracketed_acronym():
    assert ("Ivo Marek", "leader-of", "Freedom Party") in relations_of(
        "The leader of the Freedom Party, Ivo Marek, condemned the attack.")
    assert ("Ivo Marek", "leader-of", "Ruritanian Democratic Party") in relations_of(
        "Ruritanian Democratic Party (RDP) chairman Ivo Marek said the vote was fair.")


def test_an_undefined_acronym_before_a_title_spells_an_organization_of_the_article():
    found = relations_of("A spokeswoman for the Ruritanian Farmers Union said the strike would go on.",
                         "The strike will last, RFU spokesman Ivo Marek said.")
    assert ("Ivo Marek", "spokesperson-of", "Ruritanian Farmers Union") in found


def test_a_governor_abbreviated_leads_the_state_named_with_the_title():
    found = relations_of("Illinois Gov. James Thompson signed the bill.", "Gov. Anna Berg of Ohio vetoed it.")
    assert {("James Thompson", "leader-of", "Illinois"), ("Anna Berg", "leader-of", "Ohio")} <= found


def test_the_organizations_noun_before_a_title_names_it():
    found = relations_of("The Ruritanian Space Agency launched a probe on Monday.",
                         "The launch went well, said Anna Berg, the agency's press secretary.")
    assert ("Anna Berg", "spokesperson-of", "Ruritanian Space Agency") in found
    assert ("Anna Berg", "leader-of", "Ruritanian Space Agency") not in found  # a press secretary: no head


def test_the_citys_mayor_leads_the_one_town_the_article_names():
    found = relations_of("Floods hit Zendaburg on Monday.", "The city's mayor Ivo Marek asked for help.")
    assert ("Ivo Marek", "leader-of", "Zendaburg") in found
    found = relations_of("Floods hit Zendaburg and Vienna on Monday.",
                         "The city's mayor Ivo Marek asked for help.")
    assert not any(rel == "leader-of" for _, rel, _ in found)  # two towns: which one is not said


def test_a_title_after_an_age_or_a_party_tag_is_read():
    found = relations_of("Sen. Ivo Marek, R-Ohio, chairman of the Zentra Committee, spoke on Monday.",
                         "Anna Berg, 47, director of the Calvo Foundation, spoke on Monday.")
    assert ("Ivo Marek", "leader-of", "Zentra Committee") in found
    assert ("Anna Berg", "leader-of", "Calvo Foundation") in found


def test_the_owner_of_a_title_is_the_name_its_preposition_governs():
    found = relations_of("Anna Berg, director of the Sarah Jones camp at Zentra Holdings, spoke on Monday.",
                         "Sarah Jones, vice president of daytime shows for Calvo Broadcasting, said so.")
    assert not any(holder == "Anna Berg" and owner == "Zentra Holdings" for holder, _, owner in found)
    assert any(holder == "Sarah Jones" and owner == "Calvo Broadcasting" for holder, _, owner in found)


def test_a_title_of_an_owner_right_before_the_name_without_a_comma():
    found = relations_of(
        "The memoirs of the former commander of the Ruritanian Navy Sarah Jones were printed.")
    assert any(holder == "Sarah Jones" and owner == "Ruritanian Navy" for holder, _, owner in found)


def test_a_spokeswoman_for_the_agency_speaks_for_the_one_agency_named():
    found = relations_of("The Calvo Space Agency launched a probe on Monday.",
                         "The probe works, Sarah Jones, a spokeswoman for the agency, said on Tuesday.")
    assert ("Sarah Jones", "spokesperson-of", "Calvo Space Agency") in found


def test_a_towns_mayor_lives_there_a_countrys_minister_is_not_said_to():
    found = relations_of("Floods hit Zendaburg on Monday.", "Zendaburg Mayor Anna Berg asked for help.")
    assert ("Anna Berg", "resident-of", "Zendaburg") in found
    found = relations_of("Exports will resume, said Polish Agriculture Minister Jan Nowicki-Berg.")
    assert not any(rel == "resident-of" for _, rel, _ in found)  # an office of a country: no home
