"""References: which actors a phrase means (proxies, pairs, pronouns, definite nouns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extraction.references import actors_of, build_views
from generator.extraction.sentence import Mention
from generator.reading import Article
from generator.schema import Actor
from tests.sentences import ACTORS, sentences

pytestmark = pytest.mark.slow


def subject_actors(*paragraphs: str) -> list[str]:
    """The actors the last sentence's subject means."""
    views = build_views(sentences(*paragraphs), ACTORS)
    view = views[-1]
    subject = next(t for t in view.span if t.dep_ in ("nsubj", "nsubjpass"))
    return actors_of(view, subject)


def test_a_proxy_noun_stands_for_its_modifier():
    assert subject_actors("The Ruritanian government protested.") == ["ruritania"]
    assert subject_actors("The governments of Ruritania and Freedonia agreed.") == ["ruritania", "freedonia"]


def test_rebels_are_not_the_country_their_demonym_names():
    assert subject_actors("Ruritanian rebels seized the town.") == []
    assert subject_actors("Ruritanian soldiers seized the town.") == ["ruritania"]


def test_a_pair_phrase_is_the_pair_named_together_before():
    assert subject_actors("Ruritania and Freedonia met in Vienna.", "The two countries signed a deal.") == [
        "ruritania", "freedonia"]


def test_a_plural_pair_word_is_the_pair_whatever_its_lemma():
    assert sorted(subject_actors("Ruritania and Freedonia fought for a month.",
                                 "The two warring parties met in Vienna.")) == ["freedonia", "ruritania"]


def test_it_is_the_previous_subject():
    assert subject_actors("Osterlich criticized Freedonia.", "It also recalled its envoy.") == ["osterlich"]


def test_a_definite_noun_repeats_what_it_meant_before():
    assert subject_actors("A Ruritanian official spoke first.", "The official left early.") == ["ruritania"]


def test_the_discourse_memory_restarts_with_each_article():
    first = sentences("Ruritania and Freedonia met in Vienna.")
    second = sentences("The two countries signed a deal.")
    second[0].article = Article(id="other", path=Path("other.txt"), title="Other", paragraphs=["x"])
    view = build_views(first + second, ACTORS)[-1]
    subject = next(t for t in view.span if t.dep_ == "nsubj")
    assert actors_of(view, subject) == []


# --- agreement: a pronoun or a noun means an actor it fits, or none ------------------------

MAREK = Actor(id="ivo-marek", name="Ivo Marek", kind="person")
PROTESTERS = Actor(id="protesters", name="Protesters", kind="group")
EXTRA = {"Ivo Marek": "ivo-marek", "protesters": "protesters"}


def with_extra(*paragraphs: str) -> tuple[list, dict]:
    """Sentences with the shared test actors, plus Ivo Marek and a crowd of protesters."""
    found = sentences(*paragraphs)
    for s in found:
        for name, actor in EXTRA.items():
            start = s.text.find(name)
            if start >= 0:
                s.mentions.append(Mention(start, start + len(name), actor, name))
        s.mentions.sort(key=lambda m: (m.start, m.end))
    return found, {**ACTORS, "ivo-marek": MAREK, "protesters": PROTESTERS}


def meant(*paragraphs: str, word: str) -> list[str]:
    """The actors a word of the last sentence means."""
    found, actors = with_extra(*paragraphs)
    view = build_views(found, actors)[-1]
    token = next(t for t in view.span if t.text == word)
    return actors_of(view, token)


def test_she_is_not_a_man_the_text_calls_mr():
    rose = "She rose through the party."
    assert meant("Mr. Ivo Marek met Anna Berg in Vienna.", rose, word="She") == ["anna-berg"]
    assert meant("Mr. Ivo Marek met Ruritania's envoy.", rose, word="She") == []


def test_they_is_not_one_person():
    assert meant("President Anna Berg was ousted on Monday.", "They seized the radio.", word="They") == []


def test_a_subject_naming_no_actor_ends_what_they_meant():
    assert meant("Ruritania and Freedonia signed a truce.", "The rebels later attacked Vienna.",
                 "They seized the airport.", word="They") == []


def test_it_with_a_noun_predicate_is_that_thing():
    assert meant("Freedonia criticized Osterlich.", "It was the worst attack in a decade.", word="It") == []
    assert meant("Anna Berg arrived in Vienna.", "She was a lawyer.", word="She") == ["anna-berg"]


def test_two_of_a_noun_that_names_no_actor_is_not_the_pair():
    met = "Ruritania and Freedonia met in Vienna."
    assert meant(met, "Two gunmen were killed.", word="gunmen") == []
    assert meant(met, "Both governments signed.", word="governments") == ["ruritania", "freedonia"]


def test_a_noun_that_meant_an_actor_means_none_once_another_of_its_kind_is_named():
    assert meant("A Ruritanian official spoke first.", "Freedonia objected.", "The official left early.",
                 word="official") == []


def test_a_relative_pronoun_is_the_noun_its_clause_describes():
    assert meant("The generals, who seized power from Anna Berg, closed the border.", word="who") == []
    assert meant("Anna Berg, who took power in Vienna, closed the border.", word="who") == ["anna-berg"]


def test_a_quantity_stands_for_the_people_it_counts():
    assert meant("Thousands of protesters marched through Vienna.", word="Thousands") == ["protesters"]


def test_a_speaker_may_be_the_actor_of_what_it_reports():
    assert meant("Freedonia will monitor the vote in May, the country said.", word="country") == ["freedonia"]


def test_an_armed_wing_stands_for_its_organization():
    assert meant("Osterlich's armed wing said it fired rockets.", word="wing") == ["osterlich"]


def test_a_title_given_to_a_person_means_that_person_later():
    said = "The talks will go on, the president said."
    assert meant("Ruritanian President Anna Berg arrived in Vienna.", said, word="president") == ["anna-berg"]


def test_a_possessive_with_no_owner_near_it_is_no_actor_named_sentences_before():
    assert meant("Freedonia criticized Osterlich.", "The drug was banned as experts tested its safety.",
                 word="its") == []
    assert meant("Ruritania's army attacked Vienna.", "Its tanks entered.", word="Its") == ["ruritania"]


RED_HAND = Actor(id="red-hand", name="Red Hand", kind="group")


def with_red_hand(*paragraphs: str) -> list:
    """Sentences with the shared test actors, plus an armed group, the Red Hand."""
    found = sentences(*paragraphs)
    for s in found:
        start = s.text.find("Red Hand")
        if start >= 0:
            s.mentions = sorted([*s.mentions, Mention(start, start + 8, "red-hand", "Red Hand")],
                                key=lambda m: (m.start, m.end))
    return found


def test_armed_men_loyal_to_a_group_are_that_group():
    views = build_views(with_red_hand("Freedonian militants loyal to the Red Hand beheaded 12 people.",
                                      "They later seized the city."), {**ACTORS, "red-hand": RED_HAND})
    militants = next(t for t in views[0].span if t.text == "militants")
    they = next(t for t in views[1].span if t.text == "They")
    assert actors_of(views[0], militants) == ["red-hand"]
    assert actors_of(views[1], they) == ["red-hand"]


def test_loyal_to_a_country_or_a_person_names_no_actor():
    views = build_views(sentences("Gunmen loyal to Anna Berg stormed the radio station."), ACTORS)
    gunmen = next(t for t in views[0].span if t.text == "Gunmen")
    assert actors_of(views[0], gunmen) == []


PEOPLE = {"jan-vos": Actor(id="jan-vos", name="Jan Vos", kind="person")}


def pronoun_actors(*paragraphs: str) -> dict[str, list[str]]:
    """What each pronoun of the last sentence means, by its text (the last of a repeated one)."""
    views = build_views(sentences(*paragraphs, names={"Jan Vos": "jan-vos", "Vos": "jan-vos"}),
                        {**ACTORS, **PEOPLE})
    return {t.text: actors_of(views[-1], t) for t in views[-1].span if t.pos_ == "PRON"}


def test_i_in_a_quotation_is_its_speaker_and_he_someone_else():
    found = pronoun_actors("Jan Vos met Anna Berg in Vienna. “I spoke to him yesterday,” Berg said.")
    assert found["I"] == ["anna-berg"]
    assert found["him"] == ["jan-vos"]  # not Berg, the last person named: she speaks of herself as "I"


def test_i_in_a_quotation_of_several_sentences_is_the_speaker_named_after_it():
    views = build_views(sentences("Jan Vos arrived on Monday. “We met. I liked him. He is fair,” Berg said.",
                                  names={"Jan Vos": "jan-vos"}), {**ACTORS, **PEOPLE})
    liked = next(v for v in views if "liked" in v.sentence.text)
    found = [actors_of(liked, t) for t in liked.span if t.lower_ in ("i", "him")]
    assert found == [["anna-berg"], ["jan-vos"]]


def test_i_outside_a_quotation_or_spoken_by_a_body_is_nobody():
    assert pronoun_actors("I met Anna Berg in Vienna.")["I"] == []
    assert pronoun_actors("“I will not resign,” the Ruritanian government said.")["I"] == []


def test_i_in_a_quotation_is_the_speaker_whose_clause_holds_it():
    assert pronoun_actors("Jan Vos said Berg had told him: “I will resign.”")["I"] == ["anna-berg"]


BERG_36 = "Anna Berg, 36, was arrested in Vienna on Monday."


@pytest.mark.parametrize("paragraphs, expected", [
    ((BERG_36, "The 36-year-old is accused of fraud."), ["anna-berg"]),
    (("Police detained Jan Vos, a 52-year-old farmer.", "The 52-year-old farmer denied it."), ["jan-vos"]),
    ((BERG_36, "The 37-year-old is accused of fraud."), []),
    ((BERG_36, "A 36-year-old was also held."), []),  # not definite
    (("Anna Berg, 36, and Jan Vos, 36, were arrested.", "The 36-year-old is accused."), []),  # which one?
])
def test_the_n_year_old_is_the_one_person_given_that_age_before(paragraphs, expected):
    views = build_views(sentences(*paragraphs, names={"Jan Vos": "jan-vos"}), {**ACTORS, **PEOPLE})
    subject = next(t for t in views[-1].span if t.dep_ in ("nsubj", "nsubjpass"))
    assert actors_of(views[-1], subject) == expected


def test_a_capital_before_a_government_is_its_country_when_the_article_names_it():
    views = build_views(sentences("The Vienna government protested."),
                        {**ACTORS, "austria": Actor(id="austria", name="Austria", kind="country")})
    subject = next(t for t in views[-1].span if t.dep_ == "nsubj")
    assert actors_of(views[-1], subject) == ["austria"]


def test_a_capital_before_an_embassy_stays_the_city():
    views = build_views(sentences("The Vienna embassy protested."),
                        {**ACTORS, "austria": Actor(id="austria", name="Austria", kind="country")})
    subject = next(t for t in views[-1].span if t.dep_ == "nsubj")
    assert "austria" not in actors_of(views[-1], subject)
