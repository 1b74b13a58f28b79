"""The synthetic briefings and bare Material floors that bench/site.py and bench/serve.py
measure: N actors and N events written as real fact sheets, each actor with a relation and
each event with three participants; and a bare Material site of as many trivial pages."""

from __future__ import annotations

from pathlib import Path

from generator.schema import Actor, Briefing, Event, Participant, Relation, Source, SourceRef
from generator.sheets.store import sheet_text, to_yaml_data, write_atomic

KINDS = ("country", "person", "organization", "group", "place")


def quote(i: int) -> list[SourceRef]:
    return [SourceRef(article="synthetic", quote=f"Sentence number {i} of the synthetic article.")]


def make_actor(i: int, n: int) -> Actor:
    relation = Relation(type="supports", target=f"actor-{(i + 1) % n}", sources=quote(i))
    return Actor(
        id=f"actor-{i}",
        name=f"Actor {i}",
        kind=KINDS[i % len(KINDS)],
        relations=[relation],
        summary=f"Synthetic actor {i}.",
        sources=quote(i),
    )


def make_event(i: int, n: int) -> Event:
    parts = [Participant(actor=f"actor-{(i + k) % n}", role="party") for k in range(3)]
    return Event(
        id=f"event-{i}",
        title=f"Event {i}",
        kind="consult",
        date=f"2020-{i % 12 + 1:02d}",
        participants=parts,
        summary=f"Synthetic event {i}.",
        sources=quote(i),
    )


def write_briefing(content: Path, n: int) -> None:
    source = Source(id="synthetic", title="Synthetic article", published="2020-12-31")
    for i in range(n):
        write_atomic(
            content / "actors" / f"actor-{i}.yml", sheet_text("actor", to_yaml_data(make_actor(i, n)))
        )
        write_atomic(
            content / "events" / f"event-{i}.yml", sheet_text("event", to_yaml_data(make_event(i, n)))
        )
    briefing = Briefing(title=f"Synthetic briefing of {n}", published="2020-12-31", sources=[source])
    write_atomic(content / "briefing.yml", sheet_text("briefing", to_yaml_data(briefing)))


FLOOR_YML = """site_name: Floor
docs_dir: docs
theme:
  name: material
  features: [navigation.tabs, navigation.top, navigation.footer, search.highlight, toc.follow]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
plugins: [search]
nav: [index.md]
markdown_extensions: [attr_list, tables, admonition, toc]
validation:
  nav: {omitted_files: info, not_found: warn}
"""


def write_floor(project: Path, pages: int) -> None:
    """A bare Material site of `pages` pages (index included) with an index-only nav."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(FLOOR_YML, encoding="utf-8")
    (docs / "index.md").write_text("# Floor\n\nThe index page.\n", encoding="utf-8")
    for i in range(1, pages):
        text = f"# Page {i}\n\nSentence number {i} of the floor, with [a link](index.md).\n"
        (docs / f"page-{i}.md").write_text(text, encoding="utf-8")
