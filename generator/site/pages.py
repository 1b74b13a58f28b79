"""The page model: what each page of the site shows, built from validated content.

Plain code, no MkDocs: `build_site(content)` answers every question the templates ask
(timeline order, who took part in what, relations seen from both ends, claims by and
about an actor, previous and next event) so tests can check them without a build, and
`render_pages` turns the pages into HTML (with the table of contents, anchors and links
MkDocs would have found converting Markdown) that the plugin hands to MkDocs.
Every lookup goes through indexes made once, so a site with n sheets costs O(n) here.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.sheets.store import Content
from generator.site.citations import mark_sentences
from generator.site.drawing.graph import draw_graph, keep_drawings
from generator.site.drawing.map import draw_map
from generator.site.drawing.timeline import draw_timeline
from generator.site.exports import FORMATS, export_files
from generator.site.labels import DATE_ORIGINS, KIND_HEADINGS, TITLE_ORIGINS, date_label
from generator.site.model import (
    ActorView,
    Builder,
    EventView,
    Evidence,
    Link,
    SourceView,
    actor_box,
    actor_path,
    chain,
    event_box,
    event_path,
    file_claim,
    id_of,
    source_text_path,
    timeline_key,
)
from generator.site.render import PageState, RenderedPage, make_environment, page_url, render_template

DOWNLOADS = "downloads"  # where the site offers the exports
DOWNLOAD_LINKS = [
    ("TimelineJS", f"{DOWNLOADS}/timeline.json", "the timeline for Knight Lab's TimelineJS"),
    ("Events (CSV)", f"{DOWNLOADS}/events.csv", "one row per event, with its source sentence"),
    ("Actors (CSV)", f"{DOWNLOADS}/actors.csv", "one row per actor"),
    ("Relations (CSV)", f"{DOWNLOADS}/relations.csv", "one row per relation"),
    ("GeoJSON", f"{DOWNLOADS}/briefing.geojson", "located places and events, for a GIS"),
]
TOP_ACTORS = 8
LATEST_EVENTS = 5

@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template draws it, what it is given."""

    path: str  # docs-relative source path, e.g. "actors/russia.md" -> /actors/russia/
    template: str  # a file name in generator/templates/ or a project's templates/
    title: str
    context: dict
    drawing: str = ""  # its SVG drawing, which the template's `drawing` stands in for


@dataclass
class Rendered:
    """The site as the plugin hands it to MkDocs: each page as HTML with its metadata
    (`RenderedPage`), the downloads' texts, and each page's drawing. A page holds only a
    placeholder for its drawing (`drawing_slot`); the plugin puts the SVG into the built page.
    Drawings are most of the bytes of a page, and Material's search has nothing to do with
    them: parsed by it, they took a tenth of a large build, and the search index held their
    labels and legends as text."""

    pages: dict[str, RenderedPage]  # docs-relative page path, e.g. "actors/x.md" -> the page
    downloads: dict[str, str]  # docs-relative file path -> its text
    drawings: dict[str, str]  # docs-relative page path -> the drawing's HTML


@dataclass
class Site:
    actors: dict[str, ActorView]
    events: dict[str, EventView]
    timeline: list[EventView]  # dated events, earliest first
    undated: list[EventView]
    pages: list[Page]


def drawing_slot(path: str) -> Markup:
    """The placeholder of a page's drawing: an empty block, filled in the built page."""
    return Markup(f'<div class="briefing-drawing-slot" data-page="{html.escape(path)}"></div>')


def fill_drawing(text: str, path: str, drawing: str) -> str:
    """A page's HTML (as rendered, or as built) with its drawing in the placeholder."""
    return text.replace(drawing_slot(path), drawing, 1)


def build_site(content: Content, directory_urls: bool = True) -> Site:
    """Every view and every page of a briefing, with relations and claims seen from both ends.
    `directory_urls` is MkDocs' setting of that name: the drawings' links follow it."""
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
    for event in events.values():
        event.infobox = event_box(event)
    for view in actors.values():
        view.infobox = actor_box(view)
    site = Site(actors, events, timeline, undated, [])
    site.pages = _pages(content, site, b, directory_urls)
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


def _pages(content: Content, site: Site, builder: Builder, directory_urls: bool) -> list[Page]:
    """The index pages in navigation order, then one page per actor and per event."""
    briefing = content.briefing

    def url_from(page: str) -> Callable[[str], str]:
        return lambda target: page_url(target, page, directory_urls)

    background = [
        (link_names(item.text, site.actors), builder.evidence(item.sources, item.text))
        for item in briefing.background
    ]
    cited = _cited_quotes(site, [ev for _, ev in background])
    sources = _sources(content, cited)
    common = {"briefing": briefing}
    home = {
        "top_actors": top_actors(site),
        "latest": site.timeline[::-1][:LATEST_EVENTS],
        "sources": sources,
        "counts": {"actors": len(site.actors), "events": len(site.events)},
    }
    pages = [
        Page("index.md", "home.html.j2", briefing.title, {**common, **home}),
        Page("background.md", "background.html.j2", "Background", {**common, "background": background}),
        drawn_page("timeline.md", "timeline.html.j2", "Timeline",
                   {**common, "timeline": site.timeline, "undated": site.undated},
                   draw_timeline(site.timeline, url_from("timeline.md"))),
        drawn_page("map.md", "map.html.j2", "Map", common,
                   draw_map(site.actors, site.events, url_from("map.md"))),
        drawn_page("actors/index.md", "actors.html.j2", "Actors", {**common, "groups": _actors_by_kind(site)},
                   draw_graph(site.actors, url_from("actors/index.md"))),
        Page("events/index.md", "events.html.j2", "Events", {**common, "groups": _events_by_kind(site)}),
        Page("sources.md", "sources.html.j2", "Sources",
             {**common, "sources": sources, "downloads": DOWNLOAD_LINKS}),
    ]
    pages += _source_pages(content, sources, cited)
    for actor in site.actors.values():
        path = actor_path(actor.id)
        drawing = draw_graph(site.actors, url_from(path), focus=actor.id)
        pages.append(drawn_page(path, "actor.html.j2", actor.name, {**common, "actor": actor}, drawing))
    for event in site.events.values():
        pages.append(Page(event_path(event.id), "event.html.j2", event.title, {**common, "event": event}))
    return pages


def drawn_page(path: str, template: str, title: str, context: dict, drawing: str) -> Page:
    """A page with a drawing: its template is given the drawing's placeholder (empty when
    there is nothing to draw, so the template can leave the heading out)."""
    slot = drawing_slot(path) if drawing else ""
    return Page(path, template, title, {**context, "drawing": slot}, drawing)


def _source_pages(content: Content, sources: list[SourceView], cited: dict[str, list[str]]) -> list[Page]:
    """A page per source whose text the tool kept: its paragraphs, anchored `p-N`, each
    sentence the briefing cites (`cited`: quotes by source id) marked and anchored, so every
    citation lands on it."""
    pages = []
    for entry in sources:
        paragraphs = content.texts.get(entry.source.id)
        if paragraphs is None:
            continue
        marked = [mark_sentences(p, cited.get(entry.source.id, [])) for p in paragraphs]
        context = {"briefing": content.briefing, "entry": entry, "paragraphs": marked}
        pages.append(Page(source_text_path(entry.source.id), "source.html.j2", entry.source.title, context))
    return pages


def id_of_source(link: Link) -> str:
    """The source id a link to the sources page's entry points at (`sources.md#<id>`)."""
    return (link.path or "").partition("#")[2]


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


def _cited_quotes(site: Site, background: list[Evidence]) -> dict[str, list[str]]:
    """Every quote the briefing cites, by source id, each fact once (see `_all_evidence`)."""
    cited: dict[str, list[str]] = defaultdict(list)
    for ev in _all_evidence(site, background):
        for q in ev.quotes:
            cited[id_of_source(q.source)].append(q.quote)
    return cited


def _sources(content: Content, cited: dict[str, list[str]]) -> list[SourceView]:
    return [
        SourceView(
            s,
            date_label(s.published) if s.published else None,
            DATE_ORIGINS.get(s.published_from),
            TITLE_ORIGINS.get(s.title_from),
            len(cited.get(s.id, [])),
            source_text_path(s.id) if s.id in content.texts else None,
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


def render_pages(
    content: Content, templates: Path | None = None, directory_urls: bool = True, permalink: str = ""
) -> Rendered:
    """Every page as HTML, keyed by its docs-relative path, with its drawing apart, and the
    downloads (`downloads/<file>`: see exports.py). `templates` is a project folder whose
    files replace the package's templates of the same name; `directory_urls` is MkDocs'
    setting; `permalink` the text of a heading's permalink (the `toc` extension's setting),
    none when empty. TemplateProblem when a template does not render."""
    env = make_environment(templates)
    env.filters["date_label"] = date_label
    site = build_site(content, directory_urls)
    keep_drawings()
    pages = {
        page.path: render_template(
            env, page.template, PageState(page.path, directory_urls, permalink), page.title, page.context
        )
        for page in site.pages
    }
    downloads = {f"{DOWNLOADS}/{name}": text for name, text in export_site(site, content).items()}
    return Rendered(pages, downloads, {page.path: page.drawing for page in site.pages if page.drawing})


def render_site(
    content: Content, templates: Path | None = None, directory_urls: bool = True
) -> dict[str, str]:
    """`render_pages` as the files one would write by hand: each page's HTML with its drawing
    in place, and the downloads (tests read it so)."""
    rendered = render_pages(content, templates, directory_urls)
    drawings = rendered.drawings
    pages = {path: fill_drawing(page.html, path, drawings[path]) if path in drawings else page.html
             for path, page in rendered.pages.items()}
    return pages | rendered.downloads


def export_site(site: Site, content: Content, formats: Sequence[str] = FORMATS) -> dict[str, str]:
    """The briefing's exports (TimelineJS, CSV, GeoJSON) as file name -> text."""
    briefing = content.briefing
    return export_files(site.timeline, site.undated, site.actors, briefing.topic or briefing.title,
                        briefing.summary, formats)


def export_briefing(content: Content, formats: Sequence[str] = FORMATS) -> dict[str, str]:
    """`briefing export`: the exports of a content folder, without rendering a page."""
    return export_site(build_site(content), content, formats)
