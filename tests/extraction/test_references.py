"""References: which actors a phrase means (proxies, pairs, pronouns, definite nouns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extraction.references import actors_of, build_views
from generator.reading import Article
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


def test_a_pair_phrase_is_the_pair_named_together_before():
    assert subject_actors("Ruritania and Freedonia met in Vienna.", "The two countries signed a deal.") == [
        "ruritania", "freedonia"]


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
