"""Actors: world data, name rules, merging, kinds and the relations titles state."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from generator.actors import (
    Candidate,
    add_world_ruler,
    capitalized_runs,
    clean_name,
    dateline_end,
    find_actors,
    initials,
    is_furniture,
    load_world,
    person_keys,
    slugify,
)
from generator.extract import parse_sentences
from generator.reading import Article


@pytest.fixture(scope="module")
def world():
    return load_world()


# --- world data and name rules (no statistical model) ---------------------------------


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
    assert world.lookup_organization("U.S. Office of Foreign Assets Control").name == \
        "Office of Foreign Assets Control"
    assert world.lookup_organization("Russian Ministry of Foreign Affairs") is None


def test_titles_map_to_relation_types(world):
    assert world.titles["president"] == "leader-of"
    assert world.titles["spokesman"] == "spokesperson-of"
    assert world.titles["special envoy"] == "envoy-of"


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Russian Ministry", "Russian Ministry"),
    ("Putin's", "Putin"),
    ("Lukoil’s", "Lukoil"),
    ("U.S.", "U.S."),
    ("AFP.", "AFP"),
    ("Volodymyr\u200b Zelenskiy", "Volodymyr Zelenskiy"),
])
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def test_slugify_never_gives_a_reserved_id():
    assert slugify("Vladimir Putin") == "vladimir-putin"
    assert slugify("Organization for Security and Co-operation in Europe") == \
        "organization-for-security-and-co-operation-in-europe"
    assert slugify("Index") == "index-actor"
    assert slugify("Türkiye") == "turkiye"


def test_initials_make_acronyms():
    assert initials("Organization for Security and Co-operation in Europe") == "OSCE"
    assert initials("International Criminal Court") == "ICC"


def test_furniture_and_datelines(world):
    assert is_furniture("(Reporting by Jane Roe in London; Editing by John Doe)", world)
    assert is_furniture("Photo: Jane Roe", world)
    assert not is_furniture("Russia said the talks would go on.", world)
    text = "SEOUL, Aug. 20 (Yonhap) -- North Korea said on Tuesday."
    assert text[dateline_end(text, world):].startswith("North Korea")
    assert dateline_end("LONDON — After nearly 20 years", world) == len("LONDON — ")
    assert dateline_end("Russia said so.", world) == 0
    assert dateline_end("(CNN) — The president said", world) == len("(CNN) — ")
    assert dateline_end("Washington (CNN) — The president said", world) == len("Washington (CNN) — ")
    assert dateline_end("Russia - the country said", world) == 0


def test_world_ruler_marks_names_in_a_blank_pipeline():
    nlp = add_world_ruler(spacy.blank("en"))
    add_world_ruler(nlp)  # a second call adds nothing
    assert nlp.pipe_names.count("world_ruler") == 1
    doc = nlp("Baku and Yerevan met the OSCE and the Russian envoy.")
    found = {(s.text, s.label_) for s in doc.spans["world"]}
    assert {("Baku", "capital"), ("Yerevan", "capital"), ("OSCE", "acronym"), ("Russian", "demonym")} <= found


def test_capitalized_runs_cut_common_words(world):
    doc = spacy.blank("en")("the United States embassies and Osama bin Laden")
    runs = capitalized_runs(doc[0:5], world)
    assert [r.text for r in runs] == ["United States"]
    assert [r.text for r in capitalized_runs(doc[5:8], world)] == ["Osama bin Laden"]


def _person(doc, start, end, sentence=0):
    span = doc[start:end]
    return Candidate(sentence, span, span.text, "person", span.text, "ner", "PERSON")


def test_person_keys_merge_surnames_and_respect_the_nearest_full_name():
    doc = spacy.blank("en")("Bill Clinton met Hillary Clinton . Putin and Vladimir Putin . Clinton left .")
    spans = [(0, 2), (3, 5), (6, 7), (8, 10), (11, 12)]
    cands = [_person(doc, start, end) for start, end in spans]
    person_keys(cands)
    assert cands[2].key == "Vladimir Putin"
    assert cands[4].key == "Hillary Clinton"  # the nearest earlier Clinton


def test_person_keys_ignore_case_of_particles():
    doc = spacy.blank("en")("Osama bin Laden . Bin Laden")
    cands = [_person(doc, 0, 3), _person(doc, 4, 6, sentence=1)]
    person_keys(cands)
    assert cands[1].key == "Osama bin Laden"


# --- with the real pipeline -------------------------------------------------------------


def _article(*paragraphs: str, article_id: str = "a1", published: str | None = "2020-10-09") -> Article:
    return Article(id=article_id, path=Path(f"{article_id}.txt"), title="Test", paragraphs=list(paragraphs),
                   published=published, published_from="cli" if published else "none")


def _actors(*paragraphs: str):
    from generator.nlp import load_pipeline

    sentences = parse_sentences([_article(*paragraphs)], load_pipeline())
    return find_actors(sentences), sentences


def _by_name(table):
    return {a.name: a for a in table.actors.values()}


@pytest.mark.slow
def test_demonyms_capitals_and_places():
    table, _ = _actors(
        "The governments of Armenia and Azerbaijan pledged to come to Moscow on Friday. "
        "Baku and Yerevan have confirmed their participation. Moscow is trying to remain neutral.",
        "Turkish interference is fueling fear. Russian officials met in Geneva.",
    )
    actors = _by_name(table)
    assert actors["Azerbaijan"].kind == actors["Armenia"].kind == actors["Russia"].kind == "country"
    assert actors["Turkey"].aliases == ["Turkish"]
    assert actors["Moscow"].kind == "place"  # where the talks are
    assert actors["Geneva"].kind == "place"
    assert "Baku" not in actors["Azerbaijan"].aliases  # a capital standing for the government
    assert {"Armenia", "Azerbaijan", "Russia", "Turkey", "Moscow", "Geneva"} == set(actors)


@pytest.mark.slow
def test_acronyms_titles_and_appositions_become_relations():
    table, _ = _actors(
        "The talks were held under the umbrella of the Minsk group of the Organization for Security "
        "and Co-operation in Europe (OSCE). The OSCE said nothing.",
        "Maria Zakharova, spokesman for the Russian Ministry of Foreign Affairs, told reporters the talks "
        "would start. Russian President Vladimir Putin invited both sides. Putin is pushing for a ceasefire.",
    )
    actors = _by_name(table)
    osce = actors["Organization for Security and Co-operation in Europe"]
    assert "OSCE" in osce.aliases
    assert actors["Vladimir Putin"].kind == "person"
    assert "Putin" in actors["Vladimir Putin"].aliases
    assert actors["Russian Ministry of Foreign Affairs"].kind == "organization"
    rels = {(table.actors[s].name, r.type, table.actors[r.target].name) for s, r in table.relations}
    assert ("Vladimir Putin", "leader-of", "Russia") in rels
    assert ("Maria Zakharova", "spokesperson-of", "Russian Ministry of Foreign Affairs") in rels
    assert ("Minsk group", "part-of", "Organization for Security and Co-operation in Europe") in rels


@pytest.mark.slow
def test_no_non_actors():
    table, _ = _actors(
        "North Korea warned that inter-Korean dialogue won't resume. Korea was divided.",
        "Turkey supports Azerbaijan, which is also Muslim.",
        "(Reporting by Jane Roe in London; Editing by John Doe)",
    )
    names = set(_by_name(table))
    assert {"North Korea", "Turkey", "Azerbaijan"} <= names
    assert not names & {"Korea", "Muslim", "inter-Korean", "Jane Roe", "John Doe", "London"}


@pytest.mark.slow
def test_mentions_are_offsets_into_the_sentence():
    from generator.extract import attach_mentions

    table, sentences = _actors("Russian President Vladimir Putin met Turkey's leader in Moscow.")
    attach_mentions(sentences, table)
    for s in sentences:
        for m in s.mentions:
            assert s.text[m.start:m.end] == m.text
    assert [m.actor for m in sentences[0].mentions][:2] == ["russia", "vladimir-putin"]


@pytest.mark.slow
def test_bare_head_of_state_title_belongs_to_the_article_country():
    table, _ = _actors(
        "American officials said the sanctions would be lifted. American diplomats agreed.",
        "In 1997, President Bill Clinton imposed an embargo against Sudan.",
    )
    rels = {(table.actors[s].name, r.type, table.actors[r.target].name) for s, r in table.relations}
    assert ("Bill Clinton", "leader-of", "United States") in rels


@pytest.mark.slow
def test_an_unknown_organization_and_its_acronym_are_one_actor():
    table, _ = _actors(
        "The Alliance for Rural Progress in Asia (ARPA) criticized the plan.",
        "The ARPA later said it would appeal.",
    )
    orgs = [a for a in table.actors.values() if a.kind == "organization"]
    assert len(orgs) == 1
    assert orgs[0].name == "Alliance for Rural Progress in Asia"
    assert "ARPA" in orgs[0].aliases


@pytest.mark.slow
def test_a_name_found_once_is_a_mention_everywhere_in_its_article():
    from generator.extract import attach_mentions

    table, sentences = _actors(
        "Fighting broke out in the Nagorno-Karabakh enclave. Armenia and Azerbaijan have fought "
        "in the Nagorno-Karabakh enclave since last month.")
    attach_mentions(sentences, table)
    ids = [m.actor for s in sentences for m in s.mentions]
    assert ids.count("nagorno-karabakh") == 2


def test_shared_aliases_name_neither_sheet():
    from generator.actors import drop_shared_aliases
    from generator.schema import Actor

    bill = Actor(id="bill-clinton", name="Bill Clinton", kind="person", aliases=["Clinton"])
    actors = {"bill-clinton": bill,
              "hillary-clinton": Actor(id="hillary-clinton", name="Hillary Clinton", kind="person",
                                       aliases=["Clinton", "Hillary"])}
    drop_shared_aliases(actors)
    assert actors["bill-clinton"].aliases == [] and actors["hillary-clinton"].aliases == ["Hillary"]


@pytest.mark.slow
def test_a_country_s_official_newspaper_is_its_media():
    table, _ = _actors(
        "North Korea's official newspaper blasted South Korea on Tuesday.",
        "\"It is a provocation,\" the Rodong Sinmun said in a commentary.",
    )
    rels = {(table.actors[s].name, r.type, table.actors[r.target].name) for s, r in table.relations}
    assert ("Rodong Sinmun", "media-of", "North Korea") in rels
    described = [c.span.text for c, aid in table.candidates if c.sentence == 0 and aid == "rodong-sinmun"]
    assert described == ["official newspaper"]  # the description is a mention of the outlet


@pytest.mark.slow
def test_a_capital_is_a_place_after_movement_and_the_government_otherwise():
    table, _ = _actors(
        "The minister flew from Kyiv to Warsaw on Monday.",
        "Seoul wants to regain wartime operational control of its troops from Washington.",
    )
    actors = _by_name(table)
    assert actors["Kyiv"].kind == actors["Warsaw"].kind == "place"
    assert "Washington" not in actors and actors["United States"].kind == "country"
    assert "Seoul" not in actors and "South Korea" in actors


def test_person_keys_join_first_names_and_other_spellings():
    doc = spacy.blank("en")("Volodymyr Zelenskiy . Zelensky . Juan Miguel Gonzalez . Juan Miguel")
    cands = [_person(doc, 0, 2), _person(doc, 3, 4, 1), _person(doc, 5, 8, 2), _person(doc, 9, 11, 3)]
    person_keys(cands)
    assert cands[1].key == "Volodymyr Zelenskiy"
    assert cands[3].key == "Juan Miguel Gonzalez"


def test_a_surname_in_the_plural_is_a_family():
    from generator.actors import drop_families

    doc = spacy.blank("en")("Joe Biden and the Bidens")
    cands = [_person(doc, 0, 2), _person(doc, 4, 5)]
    assert [c.text for c in drop_families(cands)] == ["Joe Biden"]


@pytest.mark.slow
def test_a_subject_adviser_holds_no_office_in_that_country():
    table, _ = _actors("Former Russia adviser Fiona Hill testified. Russian envoy Kirill Dmitriev met him.")
    rels = {(table.actors[s].name, r.type, table.actors[r.target].name) for s, r in table.relations}
    assert not any(subject == "Fiona Hill" for subject, _, _ in rels)
    assert ("Kirill Dmitriev", "envoy-of", "Russia") in rels


@pytest.mark.slow
def test_known_as_names_the_name_right_before_it():
    table, _ = _actors("The FBI says Bin Laden leads a group known as Al-Qaeda. "
                       "The Republic of Ruritania, also known as Ruritania Major, voted.")
    actors = _by_name(table)
    assert actors["Bin Laden"].aliases == []  # "known as" names "a group", not Bin Laden
    assert "al-Qaeda" in actors
