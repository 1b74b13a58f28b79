"""Invented sentences parsed by the real English pipeline, with hand-made mentions and
times, shared by the event, claim and relation tests: they check the extraction rules,
not the actor or date passes."""

from __future__ import annotations

from pathlib import Path

from generator.dates import TimeExpr
from generator.extraction.actors.find import find_actors
from generator.extraction.pipeline import parse_sentences
from generator.extraction.sentence import Mention, Sentence
from generator.nlp import load_pipeline
from generator.reading import Article
from generator.schema import Actor

ACTORS = {
    "ruritania": Actor(id="ruritania", name="Ruritania", kind="country"),
    "freedonia": Actor(id="freedonia", name="Freedonia", kind="country"),
    "osterlich": Actor(id="osterlich", name="Osterlich", kind="country"),
    "anna-berg": Actor(id="anna-berg", name="Anna Berg", kind="person"),
    "vienna": Actor(id="vienna", name="Vienna", kind="place"),
    "international-observers": Actor(id="international-observers", name="International observers",
                                     kind="group"),
}
NAMES = {"Ruritania": "ruritania", "Ruritanian": "ruritania", "Freedonia": "freedonia",
         "Osterlich": "osterlich", "Anna Berg": "anna-berg", "Berg": "anna-berg", "Vienna": "vienna",
         "International observers": "international-observers"}


def sentences(*paragraphs: str, times: dict[str, str] | None = None,
              names: dict[str, str] | None = None) -> list[Sentence]:
    """Parse paragraphs; every name of NAMES (and of `names`, name -> actor id) is a
    mention, every key of `times` a date."""
    article = Article(id="test", path=Path("test.txt"), title="Test", paragraphs=list(paragraphs))
    out, known = [], {**NAMES, **(names or {})}
    for index, doc in enumerate(load_pipeline().pipe(paragraphs)):
        for span in doc.sents:
            out.append(Sentence(article, index, span.text, span, _mentions(span.text, known),
                                _times(span.text, times or {})))
    return out


# A state's name holding a person's, as the actor pass finds "the Berg administration":
# one mention of the state around the person's own.
NAMED_AFTER = {"Berg administration": "ruritania"}


def _mentions(text: str, names: dict[str, str]) -> list[Mention]:
    found, taken = [], set()
    for name, actor in NAMED_AFTER.items():
        start = text.find(name)
        if start >= 0:
            found.append(Mention(start, start + len(name), actor, name))
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not taken & set(range(start, end)) and (end == len(text) or not text[end].isalpha()):
                found.append(Mention(start, end, names[name], name))
                taken |= set(range(start, end))
            start = text.find(name, end)
    return sorted(found, key=lambda m: (m.start, m.end))


def _times(text: str, times: dict[str, str]) -> list[TimeExpr]:
    out = []
    for words, value in times.items():
        start = text.find(words)
        if start >= 0:
            out.append(TimeExpr(words, start, start + len(words), value))
    return out


def only(events, kind):
    """The one event of this kind (the test fails, listing them, when there is not one)."""
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.title) for e in events]
    return found[0]


def roles(event) -> dict[str, str]:
    """Each participant's role: {actor id: role}."""
    return {p.actor: p.role for p in event.participants}


def actor_pass_relations(*paragraphs: str, published: str = "2020-10-09") -> set[tuple[str, str, str]]:
    """(subject name, relation type, target name) for the relations the real actor pass finds
    in an invented article (offices, appositions, source lines), no hand-made mentions."""
    article = Article(id="a1", path=Path("a1.txt"), title="Test", paragraphs=list(paragraphs),
                      published=published, published_from="cli")
    table = find_actors(parse_sentences([article], load_pipeline()))
    return {(table.actors[s].name, r.type, table.actors[r.target].name) for s, r in table.relations}
