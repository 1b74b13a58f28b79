"""The views the pages show: an event, an actor, a relation, a claim, each with its
evidence (the quotes behind a fact and their sources), built from validated content by
one `Builder` that holds the lookups they share.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.dates import edtf_bounds
from generator.schema import Actor, Claim, Event, Source, SourceRef
from generator.sheets.store import Content
from generator.site.labels import RELATION_PHRASES, STATUS_LABELS, STATUS_NOTES, date_label


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
    badge: str = ""  # the event's status in a word, when it did not happen as told ("planned")


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
    status: str = "happened"  # the article's stance (schema EventStatus)

    @property
    def badge(self) -> str:
        """The word the timeline and the event page show beside a title that did not
        happen as the article tells it ("planned", "denied"); empty when it happened."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def status_note(self) -> str:
        return STATUS_NOTES.get(self.status, "")


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
    title_from: str | None  # where the title came from, in words
    cited: int  # how many quotes in the briefing come from it


class Builder:
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
        return DateInfo(event.date, date_label(event.date), event.date_text, edtf_bounds(event.date))

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
        badge = STATUS_LABELS.get(event.status, event.status)
        participants = [
            Participation(self.actor_link(p.actor), link, p.role, date, badge) for p in event.participants
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
            status=event.status,
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


def id_of(link: Link) -> str:
    """The id a link to an actor or event page points at."""
    assert link.path is not None
    return link.path.rsplit("/", 1)[-1].removesuffix(".md")


def chain(timeline: list[EventView]) -> None:
    """Previous and next follow the timeline; undated events stand outside it."""
    for before, after in zip(timeline, timeline[1:], strict=False):
        before.next, after.previous = after.link, before.link


def file_claim(
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
