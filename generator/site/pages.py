"""The page model: what each page of the site shows, built from validated content.

Plain code, no MkDocs: `build_site(content)` answers every question the templates ask
(timeline order, who took part in what, relations seen from both ends, claims by and
about an actor, previous and next event) so tests can check them without a build, and
`render_site` turns the pages into Markdown strings that the plugin hands to MkDocs.
Every lookup goes through indexes made once, so a site with n sheets costs O(n) here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.sheets.store import Content
from generator.site.labels import DATE_ORIGINS, KIND_HEADINGS, TITLE_ORIGINS, date_label
from generator.site.model import (
    ActorView,
    Builder,
    EventView,
    Evidence,
    Link,
    SourceView,
    actor_path,
    chain,
    event_path,
    file_claim,
    id_of,
    timeline_key,
)
from generator.site.render import make_environment, render_template

TOP_ACTORS = 8
LATEST_EVENTS = 5

@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template draws it, what it is given."""

    path: str  # docs-relative source path, e.g. "actors/russia.md" -> /actors/russia/
    template: str  # a file name in generator/templates/ or a project's templates/
    title: str
    context: dict


@dataclass
class Site:
    actors: dict[str, ActorView]
    events: dict[str, EventView]
    timeline: list[EventView]  # dated events, earliest first
    undated: list[EventView]
    pages: list[Page]


def build_site(content: Content) -> Site:
    """Every view and every page of a briefing, with relations and claims seen from both ends."""
    b = Builder(content)
    events = {eid: b.event(e) for eid, e in content.events.items()}
    actors = {aid: b.actor(a) for aid, a in content.actors.items()}
    timeline = sorted((v for v in events.values() if v.date.bounds), key=timeline_key)
    undated = sorted((v for v in events.values() if not v.date.bounds), key=lambda v: v.title.casefold())
    chain(timeline)
    for view in timeline + undated:  # in timeline order, so each actor's list is too
        for part in view.participants:
            actors[id_of(part.actor)].events.append(part)
        if view.place:
            actors[id_of(view.place)].events_here.append(view.link)
    for actor in content.actors.values():
        for i, rel in enumerate(actor.relations):
            relation = b.relation(actor, i)
            actors[actor.id].relations_out.append(relation)
            actors[rel.target].relations_in.append(relation)
        for claim in actor.claims:
            speakers = list(dict.fromkeys(claim.by)) or [actor.id]  # no `by`: the sheet's actor says it
            file_claim(b.claim(claim, speakers), speakers, claim.about, actors, events)
    site = Site(actors, events, timeline, undated, [])
    site.pages = _pages(content, site)
    return site


def top_actors(site: Site, limit: int = TOP_ACTORS) -> list[tuple[ActorView, int]]:
    """The actors taking part in most events, with their counts; ties by name."""
    counts = Counter({aid: len({p.event for p in a.events}) for aid, a in site.actors.items()})
    ranked = sorted(
        (aid for aid, n in counts.items() if n), key=lambda aid: (-counts[aid], site.actors[aid].name)
    )
    return [(site.actors[aid], counts[aid]) for aid in ranked[:limit]]


def link_names(text: str, actors: dict[str, ActorView]) -> list[Link]:
    """Text split into pieces, an actor's name or alias becoming a link to its page.
    Longest names win ("the Russian government" before "Russian"); whole words only."""
    names: dict[str, str] = {}
    for actor in actors.values():
        for name in [actor.name, *actor.aliases]:
            if name.strip():
                names.setdefault(name, actor.link.path or "")
    if not names:
        return [Link(text)]
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
    )
    pieces: list[Link] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append(Link(text[last : match.start()]))
        pieces.append(Link(match.group(0), names[match.group(0)]))
        last = match.end()
    if last < len(text):
        pieces.append(Link(text[last:]))
    return pieces


def _pages(content: Content, site: Site) -> list[Page]:
    """The index pages in navigation order, then one page per actor and per event."""
    briefing = content.briefing
    builder = Builder(content)
    background = [
        (link_names(item.text, site.actors), builder.evidence(item.sources, item.text))
        for item in briefing.background
    ]
    sources = _sources(content, site, [ev for _, ev in background])
    common = {"briefing": briefing}
    home = {
        "top_actors": top_actors(site),
        "latest": site.timeline[::-1][:LATEST_EVENTS],
        "sources": sources,
        "counts": {"actors": len(site.actors), "events": len(site.events)},
    }
    pages = [
        Page("index.md", "home.md.j2", briefing.title, {**common, **home}),
        Page("background.md", "background.md.j2", "Background", {**common, "background": background}),
        Page(
            "timeline.md",
            "timeline.md.j2",
            "Timeline",
            {**common, "timeline": site.timeline, "undated": site.undated},
        ),
        Page("actors/index.md", "actors.md.j2", "Actors", {**common, "groups": _actors_by_kind(site)}),
        Page("events/index.md", "events.md.j2", "Events", {**common, "groups": _events_by_kind(site)}),
        Page("sources.md", "sources.md.j2", "Sources", {**common, "sources": sources}),
    ]
    for actor in site.actors.values():
        pages.append(Page(actor_path(actor.id), "actor.md.j2", actor.name, {**common, "actor": actor}))
    for event in site.events.values():
        pages.append(Page(event_path(event.id), "event.md.j2", event.title, {**common, "event": event}))
    return pages


def _actors_by_kind(site: Site) -> dict[str, list[ActorView]]:
    """Headings ("Countries", ...) to actors by name, in the vocabulary's order."""
    groups = {
        heading: [a for a in site.actors.values() if a.kind == kind]
        for kind, heading in KIND_HEADINGS.items()
    }
    return {heading: sorted(actors, key=lambda a: a.name.casefold()) for heading, actors in groups.items()}


def _events_by_kind(site: Site) -> dict[str, list[EventView]]:
    """Event kinds, alphabetically, to their events in timeline order (undated last)."""
    groups: dict[str, list[EventView]] = defaultdict(list)
    for view in site.timeline + site.undated:
        groups[view.kind].append(view)
    return dict(sorted(groups.items()))


def _sources(content: Content, site: Site, background: list[Evidence]) -> list[SourceView]:
    citations = Counter(q.source.path for ev in _all_evidence(site, background) for q in ev.quotes)
    return [
        SourceView(
            s,
            date_label(s.published) if s.published else None,
            DATE_ORIGINS.get(s.published_from),
            TITLE_ORIGINS.get(s.title_from),
            citations[f"sources.md#{s.id}"],
        )
        for s in content.briefing.sources
    ]


def _all_evidence(site: Site, background: list[Evidence]) -> Iterator[Evidence]:
    """Every fact's evidence once (a relation or claim shows on two pages but counts once)."""
    seen: set[int] = set()
    yield from background
    for actor in site.actors.values():
        yield actor.evidence
        for fact in actor.relations_out + actor.claims_made:
            if id(fact) not in seen:
                seen.add(id(fact))
                yield fact.evidence
    for event in site.events.values():
        yield event.evidence


def render_site(content: Content, templates: Path | None = None) -> dict[str, str]:
    """Every page as Markdown, keyed by its docs-relative path; `templates` is a project
    folder whose files replace the package's templates of the same name."""
    env = make_environment(templates)
    env.filters["date_label"] = date_label
    site = build_site(content)
    return {
        page.path: render_template(env, page.template, page.path, page.title, page.context)
        for page in site.pages
    }
