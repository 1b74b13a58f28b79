"""Candidates dropped before merging."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from generator.extraction.actors.mentions import (
    add_head_mentions,
    add_surname_mentions,
    cover_backed,
    drop_families,
    drop_portfolios,
)
from generator.extraction.actors.phrases import LED_LABEL
from generator.extraction.actors.table import Candidate
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
from generator.reading import Article
from tests.extraction.actors.helpers import organization, person


def test_a_surname_in_the_plural_is_a_family():
    doc = spacy.blank("en")("Joe Biden and the Bidens")
    cands = [person(doc, 0, 2), person(doc, 4, 5)]
    assert [c.text for c in drop_families(cands)] == ["Joe Biden"]


def _sentences(doc, *bounds: tuple[int, int]):
    article = Article(id="a1", path=Path("a1.txt"), title="T", paragraphs=[doc.text], published=None,
                      published_from="none")
    return [Sentence(article, 0, doc[a:b].text, doc[a:b]) for a, b in bounds]


def test_the_head_noun_after_a_led_coalition_means_it():
    doc = spacy.blank("en")("The Qatari-led coalition struck . Later the coalition said so .")
    coalition = Candidate(0, doc[1:5], "Qatari-led coalition", "organization", "Qatari-led coalition",
                          "ner", LED_LABEL)
    found = add_head_mentions([coalition], _sentences(doc, (0, 7), (7, 13)), LED_LABEL)
    assert [(c.sentence, c.span.text, c.key) for c in found] == \
        [(0, "Qatari-led coalition", "Qatari-led coalition"), (1, "the coalition", "Qatari-led coalition")]


def test_a_backed_name_covers_its_backer(world):
    doc = spacy.blank("en")("Oman - backed Yazidi positions")
    oman = Candidate(0, doc[0:1], "Oman", "country", "Oman", "name")
    yazidi = Candidate(0, doc[3:4], "Yazidi", "group", "Yazidis", "demonym")
    cover_backed([oman, yazidi], world)
    assert yazidi.span.text == "Oman - backed Yazidi" and oman.span.text == "Oman"


def test_a_later_lone_surname_is_a_mention_of_the_full_name(world):
    text = "Sgt Anna Thistlewood spoke . Thistlewood said so . The Thistlewood Trust agreed ."
    doc = spacy.blank("en")(text)
    found = add_surname_mentions([person(doc, 1, 3)], _sentences(doc, (0, 5), (5, 9), (9, 14)), {}, world)
    assert [(c.sentence, c.span.text, c.kind) for c in found] == [
        (0, "Anna Thistlewood", "person"), (1, "Thistlewood", "person")]


def test_a_surname_before_the_full_name_or_modifying_a_noun_is_no_mention(world):
    words = ["Berg", "waited", ".", "Anna", "Berg", "spoke", ".", "Berg", "plan", "failed", "."]
    deps = ["nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "punct",
            "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, deps=deps, heads=[1, 1, 1, 4, 5, 5, 5, 8, 9, 9, 9])
    bounds = _sentences(doc, (0, 3), (3, 7), (7, 11))
    found = add_surname_mentions([person(doc, 3, 5, sentence=1)], bounds, {}, world)
    assert [c.span.text for c in found] == ["Anna Berg"]


def test_a_portfolio_before_a_title_is_dropped_and_an_employer_is_kept(world: World) -> None:
    doc = spacy.blank("en")("Trade Minister Anna Berg met Zentrix spokesman Tom Hill and an FAA aide .")
    cands = [organization(doc, 0, 1), person(doc, 2, 4), organization(doc, 5, 6), person(doc, 7, 9),
             organization(doc, 11, 12)]
    assert [c.text for c in drop_portfolios(cands, world)] == ["Anna Berg", "Zentrix", "Tom Hill", "FAA"]
