"""The extraction orchestrator: one pipeline run, verbatim sentences, actors across articles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.extraction.pipeline import Extraction, attach_facts, extract, parse_sentences
from generator.extraction.sentence import anchor_date
from generator.extraction.summaries import role_phrase, summarize_actor
from generator.nlp import load_pipeline
from generator.reading import Article
from generator.schema import Actor, Claim, Event, Participant, Relation, SourceRef


def _article(article_id: str, *paragraphs: str, published: str | None = "2020-10-09") -> Article:
    return Article(id=article_id, path=Path(f"{article_id}.txt"), title=f"Title of {article_id}",
                   paragraphs=list(paragraphs), published=published,
                   published_from="metadata" if published else "none", url=None)


def test_anchor_date():
    assert anchor_date(_article("a", "x")).isoformat() == "2020-10-09"
    assert anchor_date(_article("a", "x", published=None)) is None


def test_attach_facts_keeps_each_fact_once_and_drops_dangling_references():
    actors = {i: Actor(id=i, name=i.title(), kind="country") for i in ("russia", "armenia")}
    src = [SourceRef(article="a", quote="Russia backs Armenia.")]
    rel = Relation(type="supports", target="armenia", sources=src)
    dangling = Relation(type="supports", target="nowhere")
    claim = Claim(text="It is so.", by=["russia", "ghost"], about=["armenia", "gone"], sources=src)
    attach_facts(actors, {}, [("russia", rel), ("russia", rel), ("russia", dangling)], [("russia", claim)])
    assert [r.target for r in actors["russia"].relations] == ["armenia"]
    claim = actors["russia"].claims[0]
    assert claim.by == ["russia"] and claim.about == ["armenia"]


def test_a_relation_stated_twice_cites_both_sentences():
    actors = {i: Actor(id=i, name=i.title(), kind="country") for i in ("russia", "armenia")}
    first = Relation(type="supports", target="armenia",
                     sources=[SourceRef(article="a", quote="Russia backs Armenia.")])
    again = Relation(type="supports", target="armenia",
                     sources=[SourceRef(article="a", quote="Russia still backs Armenia.")])
    attach_facts(actors, {}, [("russia", first), ("russia", again)], [])
    assert [len(r.sources) for r in actors["russia"].relations] == [2]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.slow
def test_sentences_are_verbatim_and_never_cross_paragraphs(nlp):
    article = _article("a", "Russia said so. Armenia\u00a0agreed on Friday.", "Turkey  backs Azerbaijan.")
    sentences = parse_sentences([article], nlp)
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    for s in sentences:
        assert s.text in article.paragraphs[s.paragraph]


@pytest.mark.slow
def test_extract_merges_actors_across_articles(nlp):
    first = _article("first",
                     "Russian President Vladimir Putin invited Armenia and Azerbaijan to Moscow on Friday.",
                     "The area declared independence after the dissolution of the Soviet Union in 1991.")
    # the full name in the second article is the evidence that joins the two (a lone
    # surname there would not be: see tests/test_generate.py)
    second = _article("second", "Vladimir Putin said Russia would mediate between Armenia and Azerbaijan.",
                      published=None)
    result = extract([first, second], nlp)
    assert isinstance(result, Extraction)
    names = {a.name: a for a in result.actors.values()}
    assert {"Russia", "Vladimir Putin", "Armenia", "Azerbaijan"} <= set(names)
    putin = names["Vladimir Putin"]
    assert putin.kind == "person" and putin.id == "vladimir-putin"
    assert {s.article for s in putin.sources} == {"first", "second"}
    texts = {a.id: a.text for a in (first, second)}
    for actor in result.actors.values():
        assert actor.summary
        for src in actor.sources:
            assert src.quote in texts[src.article]
    briefing = result.briefing
    assert briefing.title == "Title of first" and briefing.published == "2020-10-09"
    assert [s.id for s in briefing.sources] == ["first", "second"]
    assert briefing.sources[0].published_from == "metadata"
    assert briefing.summary.startswith("Russian President Vladimir Putin invited")
    assert any("1991" in item.text for item in briefing.background)
    assert any("second" in line and "no publication date" in line for line in result.unresolved)


@pytest.mark.slow
def test_extract_leaves_out_bylines_and_datelines(nlp):
    article = _article("a", "MOSCOW (Reuters) - Turkey and Russia agreed to talk.",
                       "(Reporting by Jane Roe; Editing by John Doe)")
    result = extract([article], nlp)
    names = {a.name for a in result.actors.values()}
    assert {"Turkey", "Russia"} <= names
    assert not names & {"Reuters", "Jane Roe", "John Doe", "Moscow"}
    assert result.briefing.summary.startswith("Turkey and Russia")


@pytest.mark.slow
def test_claims_of_unnamed_speakers_go_to_their_group_and_silent_groups_go(nlp):
    article = _article("a", "Independent observers believe that the floods have killed at least 90 people.",
                       "Analysts disagreed, analysts warned. "
                       "Uruguay sent aid, according to a diplomat familiar with the talks.")
    result = extract([article], nlp)
    observers = result.actors["independent-observers"]
    assert observers.kind == "group"
    assert observers.claims[0].text == "The floods have killed at least 90 people."
    assert "analysts" not in result.actors  # no claim: no sheet
    diplomat = result.actors["diplomat-familiar-with-the-talks"]
    assert diplomat.claims[0].text.startswith("Uruguay sent aid")
    assert all(p.actor not in {"independent-observers", "diplomat-familiar-with-the-talks"}
               for e in result.events.values() for p in e.participants)


def test_summaries_say_the_real_roles_briefly():
    from generator.schema import Event
    assert role_phrase(Counter({"party": 1, "mediator": 2})) == "Mediator in 2 events, party in 1"
    assert role_phrase(Counter({"observer": 1})) == "Observer in 1 event"
    src = [SourceRef(article="a", quote="Uruguay hosted talks.")]
    member = Relation(type="member-of", target="un", text="Uruguay is a member of the UN.", sources=src)
    uruguay = Actor(id="uruguay", name="Uruguay", kind="country", sources=src, relations=[member])
    long_title = "Uruguay, Paraguay and Brazil hold talks on the water rights of the basin they share " * 2

    def event(eid: str, title: str, *roles: tuple[str, str]) -> Event:
        return Event(id=eid, kind="consult", title=title,
                     participants=[Participant(actor=a, role=r) for a, r in roles])

    events = {"talks": event("talks", long_title, ("uruguay", "mediator")),
              "summit": event("summit", "Summit", ("uruguay", "mediator")),
              "war": event("war", "War", ("uruguay", "party"), ("paraguay", "party"))}
    summary = summarize_actor(uruguay, events, [])
    assert summary == "Uruguay is a member of the UN. Mediator in 2 events, party in 1."
    paraguay = Actor(id="paraguay", name="Paraguay", kind="country", sources=src,
                     claims=[Claim(text="It is so.", by=["paraguay"], sources=src)])
    assert summarize_actor(paraguay, events, []) == "Party in 1 event: War; source of 1 claim."
