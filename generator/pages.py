"""The page model: what each page of the site shows, built from validated content.

Plain code, no MkDocs: `build_site(content)` answers every question the templates ask
(timeline order, who took part in what, relations seen from both ends, claims by and
about an actor, previous and next event) so tests can check them without a build, and
`render_site` turns the pages into Markdown strings that the plugin hands to MkDocs.
Every lookup goes through indexes made once, so a site with n sheets costs O(n) here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from edtf import parse_edtf

from .render import make_environment, render_template
from .schema import Actor, Claim, Event, Source, SourceRef
from .store import Content

MONTHS = "January February March April May June July August September October November December".split()
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
KIND_HEADINGS = {
    "country": "Countries",
    "person": "People",
    "organization": "Organizations",
    "group": "Groups",
    "place": "Places",
}
# Where a source's publication date came from, said for a reader.
DATE_ORIGINS = {
    "cli": "given when the briefing was generated",
    "metadata": "from the article's metadata",
    "page": "from the page's metadata",
    "dateline": "from the article's dateline",
}
# How a relation reads as a sentence, "<subject> <phrase> <target>".
RELATION_PHRASES = {
    "supports": "supports",
    "opposes": "opposes",
    "criticizes": "criticizes",
    "accuses": "accuses",
    "threatens": "threatens",
    "mediates": "mediates with",
    "allied-with": "is allied with",
    "defense-treaty": "has a defense treaty with",
    "hosts-base-of": "hosts a military base of",
    "member-of": "is a member of",
    "part-of": "is part of",
    "leader-of": "is the leader of",
    "official-of": "is an official of",
    "spokesperson-of": "is a spokesperson of",
    "envoy-of": "is an envoy of",
    "media-of": "is a media outlet of",
    "sanctions": "sanctions",
    "negotiates-with": "negotiates with",
    "agreement-with": "has an agreement with",
    "military-exercise-with": "holds military exercises with",
    "fights": "fights",
    "hosts": "hosts",
    "resident-of": "is a resident of",
    "based-in": "is based in",
    "neighbor-of": "is a neighbor of",
    "related-to": "is related to",
}
TOP_ACTORS = 8
LATEST_EVENTS = 5

# --- dates -----------------------------------------------------------------------------

_PLAIN_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _plain_label(text: str) -> str | None:
    """'2020-10-09' -> '9 October 2020', '2020-09' -> 'September 2020', '1994' -> '1994'."""
    match = _PLAIN_DATE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    year = str(int(year))
    if month and int(month) in SEASONS:
        return f"{SEASONS[int(month)]} {year}"
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    return f"{MONTHS[int(month) - 1]} {year}" if month else year


def _qualified_label(text: str) -> str | None:
    """A single date with its EDTF qualifier said in words: ~ approximate, ? uncertain."""
    qualifier = text[-1] if text and text[-1] in "~?%" else ""
    label = _plain_label(text.rstrip("~?%"))
    if label is None:
        return None
    if qualifier in ("~", "%"):
        label = f"c. {label}"
    if qualifier in ("?", "%"):
        label = f"{label} (uncertain)"
    return label


def _interval_label(start: str, end: str) -> str | None:
    """Say an interval as briefly as is still exact: '21–30 September 2020'."""
    if start == "..":
        upper = _qualified_label(end)
        return upper and f"before {upper}"
    if end == "..":
        lower = _qualified_label(start)
        return lower and f"since {lower}"
    if start == "" or end == "":
        known = _qualified_label(start or end)
        return known and (f"{known} – unknown" if start else f"unknown – {known}")
    a, b = _PLAIN_DATE.match(start), _PLAIN_DATE.match(end)
    if a and b and a[3] and b[3] and a[1] == b[1]:
        if a[2] == b[2]:
            return f"{int(a[3])}–{int(b[3])} {MONTHS[int(a[2]) - 1]} {int(a[1])}"
        return f"{int(a[3])} {MONTHS[int(a[2]) - 1]} – {int(b[3])} {MONTHS[int(b[2]) - 1]} {int(a[1])}"
    lower, upper = _qualified_label(start), _qualified_label(end)
    return lower and upper and f"{lower} – {upper}"


def date_label(value: str | None) -> str:
    """An EDTF value in words, saying no more than the value knows: '9 October 2020',
    'September 2020', 'c. September 2020', '21–30 September 2020', 'before 8 October 2020'.
    A value these rules do not cover is shown as written rather than guessed at."""
    if value is None:
        return "undated"
    try:
        parse_edtf(value)
    except Exception:
        return value
    if "/" in value:
        start, _, end = value.partition("/")
        label = _interval_label(start, end)
    else:
        label = _qualified_label(value)
    return label or value


def _struct_to_date(value: object, fallback: dt.date) -> dt.date:
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return fallback  # an open end (±infinity) or a year outside the calendar


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day an EDTF value allows (open ends reach the calendar's)."""
    if value is None:
        return None
    try:
        parsed = parse_edtf(value)
    except Exception:
        return None
    return (
        _struct_to_date(parsed.lower_strict(), dt.date.min),
        _struct_to_date(parsed.upper_strict(), dt.date.max),
    )


# --- the model -------------------------------------------------------------------------


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def event_path(event_id: str) -> str:
    return f"events/{event_id}.md"


@dataclass(frozen=True)
class Link:
    """Something a page can link to: its text and its docs-relative .md path."""

    text: str
    path: str | None = None


@dataclass(frozen=True)
class Quote:
    quote: str
    source: Link  # the entry on the sources page


@dataclass(frozen=True)
class Evidence:
    """The quotes behind one fact, and how many distinct sources they come from."""

    quotes: tuple[Quote, ...] = ()
    fact: str | None = None  # the fact's own words as the page shows them

    @property
    def other_quotes(self) -> list[Quote]:
        """The quotes worth printing: one that repeats the fact word for word is not."""
        return [q for q in self.quotes if not _same_words(self.fact, [q.quote])]

    @property
    def verbatim(self) -> bool:
        """The fact's words are themselves a quote of the source."""
        return len(self.other_quotes) < len(self.quotes)

    @property
    def sources(self) -> list[Link]:
        """The distinct sources, in the order first quoted."""
        return list(dict.fromkeys(q.source for q in self.quotes))

    @property
    def source_count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class DateInfo:
    value: str | None
    label: str
    text: str | None  # the article's own words ("on Friday")
    bounds: tuple[dt.date, dt.date] | None


@dataclass(frozen=True)
class RelationView:
    subject: Link
    phrase: str
    target: Link
    text: str | None
    evidence: Evidence


@dataclass(frozen=True)
class ClaimView:
    text: str
    speakers: tuple[Link, ...]
    about: tuple[Link, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Participation:
    """One actor in one event: seen from the actor's page or from the event's."""

    actor: Link
    event: Link
    role: str
    date: DateInfo


@dataclass
class EventView:
    id: str
    link: Link
    title: str
    kind: str
    date: DateInfo
    place: Link | None
    summary: str | None
    participants: list[Participation]
    evidence: Evidence
    claims: list[ClaimView] = field(default_factory=list)
    previous: Link | None = None
    next: Link | None = None


@dataclass
class ActorView:
    id: str
    link: Link
    name: str
    kind: str
    aliases: list[str]
    summary: str | None
    evidence: Evidence
    relations_out: list[RelationView] = field(default_factory=list)
    relations_in: list[RelationView] = field(default_factory=list)
    events: list[Participation] = field(default_factory=list)
    events_here: list[Link] = field(default_factory=list)  # when the actor is a place
    claims_made: list[ClaimView] = field(default_factory=list)
    claims_about: list[ClaimView] = field(default_factory=list)


@dataclass(frozen=True)
class SourceView:
    source: Source
    published: str | None  # the date in words
    published_from: str | None  # where that date came from, in words
    cited: int  # how many quotes in the briefing come from it


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


class _Builder:
    """Builds the views of one Content; holds the lookups the views share."""

    def __init__(self, content: Content):
        self.content = content
        self.sources = {s.id: s for s in content.briefing.sources}

    def actor_link(self, actor_id: str) -> Link:
        return Link(self.content.actors[actor_id].name, actor_path(actor_id))

    def ref_link(self, ref: str) -> Link:
        """A claim's `about` may name an actor or an event."""
        if ref in self.content.actors:
            return self.actor_link(ref)
        return Link(self.content.events[ref].title, event_path(ref))

    def evidence(self, refs: list[SourceRef], fact: str | None = None) -> Evidence:
        return Evidence(tuple(Quote(ref.quote, self.source_link(ref.article)) for ref in refs), fact)

    def source_link(self, article: str) -> Link:
        """The source's entry on the sources page (the store checked that it exists)."""
        source = self.sources.get(article)
        return Link(source.title if source else article, f"sources.md#{article}")

    def date(self, event: Event) -> DateInfo:
        return DateInfo(event.date, date_label(event.date), event.date_text, date_bounds(event.date))

    def claim(self, claim: Claim, speakers: list[str]) -> ClaimView:
        return ClaimView(
            claim.text,
            tuple(self.actor_link(a) for a in speakers),
            tuple(self.ref_link(r) for r in claim.about),
            self.evidence(claim.sources, claim.text),
        )

    def relation(self, actor: Actor, index: int) -> RelationView:
        rel = actor.relations[index]
        phrase = RELATION_PHRASES.get(rel.type, rel.type.replace("-", " "))
        evidence = self.evidence(rel.sources)
        subject, target = self.actor_link(actor.id), self.actor_link(rel.target)
        said = [f"{subject.text} {phrase} {target.text}", *(q.quote for q in evidence.quotes)]
        text = None if _same_words(rel.text, said) else rel.text  # said once is enough
        return RelationView(subject, phrase, target, text, Evidence(evidence.quotes, text))

    def event(self, event: Event) -> EventView:
        link = Link(event.title, event_path(event.id))
        date = self.date(event)
        participants = [
            Participation(self.actor_link(p.actor), link, p.role, date) for p in event.participants
        ]
        return EventView(
            event.id,
            link,
            event.title,
            event.kind,
            date,
            self.actor_link(event.place) if event.place else None,
            event.summary,
            participants,
            self.evidence(event.sources, event.summary),
        )

    def actor(self, actor: Actor) -> ActorView:
        return ActorView(
            actor.id,
            self.actor_link(actor.id),
            actor.name,
            actor.kind,
            list(actor.aliases),
            actor.summary,
            self.evidence(actor.sources, actor.summary),
        )


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.casefold()) if w not in {"a", "an", "the"}]


def _same_words(text: str | None, others: list[str]) -> bool:
    """True when `text` says one of `others` again (case, articles and punctuation aside)."""
    return bool(text) and any(_words(text) == _words(other) for other in others)


def timeline_key(view: EventView) -> tuple:
    """Earliest possible day first; then the narrower value; then title, for a stable order."""
    assert view.date.bounds is not None
    return (*view.date.bounds, view.title.casefold(), view.id)


def build_site(content: Content) -> Site:
    """Every view and every page of a briefing, with relations and claims seen from both ends."""
    b = _Builder(content)
    events = {eid: b.event(e) for eid, e in content.events.items()}
    actors = {aid: b.actor(a) for aid, a in content.actors.items()}
    timeline = sorted((v for v in events.values() if v.date.bounds), key=timeline_key)
    undated = sorted((v for v in events.values() if not v.date.bounds), key=lambda v: v.title.casefold())
    _chain(timeline)
    for view in timeline + undated:  # in timeline order, so each actor's list is too
        for part in view.participants:
            actors[_id_of(part.actor)].events.append(part)
        if view.place:
            actors[_id_of(view.place)].events_here.append(view.link)
    for actor in content.actors.values():
        for i, rel in enumerate(actor.relations):
            relation = b.relation(actor, i)
            actors[actor.id].relations_out.append(relation)
            actors[rel.target].relations_in.append(relation)
        for claim in actor.claims:
            speakers = list(dict.fromkeys(claim.by)) or [actor.id]  # no `by`: the sheet's actor says it
            _file_claim(b.claim(claim, speakers), speakers, claim.about, actors, events)
    site = Site(actors, events, timeline, undated, [])
    site.pages = _pages(content, site)
    return site


def _id_of(link: Link) -> str:
    """The id a link to an actor or event page points at."""
    assert link.path is not None
    return link.path.rsplit("/", 1)[-1].removesuffix(".md")


def _chain(timeline: list[EventView]) -> None:
    """Previous and next follow the timeline; undated events stand outside it."""
    for before, after in zip(timeline, timeline[1:], strict=False):
        before.next, after.previous = after.link, before.link


def _file_claim(
    view: ClaimView,
    speakers: list[str],
    about: list[str],
    actors: dict[str, ActorView],
    events: dict[str, EventView],
) -> None:
    """A claim shows on its speakers' pages and on the pages of what it is about,
    wherever it is stored, once per page."""
    for speaker in speakers:
        actors[speaker].claims_made.append(view)
    for ref in dict.fromkeys(about):
        if ref in actors:
            actors[ref].claims_about.append(view)
        else:
            events[ref].claims.append(view)


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
    builder = _Builder(content)
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
