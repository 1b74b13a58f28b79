"""The synthetic briefings and bare Material floors that bench/site.py and bench/serve.py
measure: N actors and N events written as real fact sheets, each actor with a relation and
each event with three participants; and a bare Material site of as many trivial pages, built
from the briefing's own mkdocs.yml without the plugin."""

from __future__ import annotations

import re
from pathlib import Path

from generator.project import MKDOCS_YML
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


NAV_PAGES = 7  # the briefing's navigation: its seven index pages, as tabs (plugin.NAV)


def floor_config() -> str:
    """The floor's mkdocs.yml: the one `briefing new` writes (same theme, palettes with their
    toggles, Markdown extensions, validation), without the briefing plugin, over `docs/`,
    with a navigation of as many pages as the briefing's."""
    text = MKDOCS_YML.format(site_name="Floor").replace("docs_dir: content", "docs_dir: docs")
    text = re.sub(r"  - briefing.*\n(?:\s+#.*\n)*", "", text).replace("watch:\n  - templates\n", "")
    nav = ["index.md"] + [f"page-{i}.md" for i in range(1, NAV_PAGES)]
    return text + f"nav: [{', '.join(nav)}]\n"


def write_floor(project: Path, pages: int) -> None:
    """A bare Material site of `pages` pages (index included; at least the navigation's),
    each a heading, a sentence and a link."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(floor_config(), encoding="utf-8")
    (docs / "index.md").write_text("# Floor\n\nThe index page.\n", encoding="utf-8")
    for i in range(1, max(pages, NAV_PAGES)):
        text = f"# Page {i}\n\nSentence number {i} of the floor, with [a link](index.md).\n"
        (docs / f"page-{i}.md").write_text(text, encoding="utf-8")
