"""The views the pages show: an event, an actor, a relation, a claim, each with its
evidence (the quotes behind a fact and their sources), built from validated content by
one `Builder` that holds the lookups they share.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.dates import edtf_bounds
from generator.schema import Actor, Claim, Event, Source, SourceRef
from generator.sheets.store import Content
from generator.site.citations import normalize, sentence_anchor, text_fragment
from generator.site.labels import RELATION_PHRASES, STATUS_LABELS, STATUS_NOTES, date_label, date_precision
from generator.site.render import safe_url


def source_text_path(source_id: str) -> str:
    return f"sources/{source_id}.md"


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
    target: str = ""  # docs path of the sentence: its anchor on the source's text page when found
    original: str | None = None  # the original page at the sentence (a text fragment URL)


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
    note: str | None = None  # how the site dated what the sheet leaves undated, in words


# The statuses of an event that took place as the article tells it: one the sheet leaves undated
# still happened by the day its first source was published, and the site places it there.
TOOK_PLACE = ("happened", "alleged")


@dataclass(frozen=True)
class RelationView:
    subject: Link
    phrase: str
    target: Link
    text: str | None
    evidence: Evidence
    type: str = "related-to"  # schema RelationType


# Relations that are an office held, for an actor's infobox.
OFFICE_TYPES = ("leader-of", "official-of", "spokesperson-of", "envoy-of", "member-of")


@dataclass(frozen=True)
class ClaimView:
    text: str
    speakers: tuple[Link, ...]
    about: tuple[Link, ...]
    evidence: Evidence
    verbatim: bool = False  # the article quotes these words as said, so they go in quote marks


# An infobox: (label, value) pairs; a value is text or a list of links.
Box = list[tuple[str, "str | list[Link]"]]


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
    infobox: Box = field(default_factory=list)

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
    infobox: Box = field(default_factory=list)


@dataclass(frozen=True)
class SourceView:
    source: Source
    published: str | None  # the date in words
    published_from: str | None  # where that date came from, in words
    title_from: str | None  # where the title came from, in words
    cited: int  # how many quotes in the briefing come from it
    text_page: str | None = None  # docs path of the page with its text as read, when kept


class Builder:
    """Builds the views of one Content; holds the lookups the views share."""

    def __init__(self, content: Content):
        self.content = content
        self.sources = {s.id: s for s in content.briefing.sources}
        # each source's paragraphs as read, whitespace collapsed, for finding the quoted sentences
        self.texts = {sid: [normalize(p) for p in ps] for sid, ps in content.texts.items()}

    def actor_link(self, actor_id: str) -> Link:
        return Link(self.content.actors[actor_id].name, actor_path(actor_id))

    def ref_link(self, ref: str) -> Link:
        """A claim's `about` may name an actor or an event."""
        if ref in self.content.actors:
            return self.actor_link(ref)
        return Link(self.content.events[ref].title, event_path(ref))

    def evidence(self, refs: list[SourceRef], fact: str | None = None) -> Evidence:
        return Evidence(tuple(self.quote(ref) for ref in refs), fact)

    def quote(self, ref: SourceRef) -> Quote:
        """A quote with where it lands: its sentence on the source's text page when the text is
        there and holds it, else the source's entry on the sources page."""
        link = self.source_link(ref.article)
        quoted = normalize(ref.quote)
        found = bool(quoted) and any(quoted in p for p in self.texts.get(ref.article, []))
        target = f"{source_text_path(ref.article)}#{sentence_anchor(ref.quote)}" if found else link.path
        source = self.sources.get(ref.article)
        url = safe_url(source.url) if source else None
        original = text_fragment(url, ref.quote) if url and ref.quote.strip() else None
        return Quote(ref.quote, link, target or "", original)

    def source_link(self, article: str) -> Link:
        """The source's entry on the sources page (the store checked that it exists)."""
        source = self.sources.get(article)
        return Link(source.title if source else article, f"sources.md#{article}")

    def date(self, event: Event) -> DateInfo:
        """The event's date as the sheet gives it; an undated event that took place is placed
        before its first source's publication date ("../2020-10-09": an honest open interval,
        what issue 9's extraction writes for a fact told with no time of its own), so that the
        timeline can show it. The sheet itself stays as written."""
        if event.date is None and event.status in TOOK_PLACE:
            published = self.first_published(event.sources)
            if published is not None:
                value = f"../{published}"
                note = f"the article gives no date; reported by {date_label(published)}"
                return DateInfo(value, date_label(value), event.date_text, edtf_bounds(value), note)
        return DateInfo(event.date, date_label(event.date), event.date_text, edtf_bounds(event.date))

    def first_published(self, refs: list[SourceRef]) -> str | None:
        """The earliest publication date among the sources quoted (by its earliest day)."""
        dates = [s.published for r in refs if (s := self.sources.get(r.article)) and edtf_bounds(s.published)]
        return min(dates, key=lambda d: edtf_bounds(d), default=None)  # type: ignore[arg-type,return-value]

    def claim(self, claim: Claim, speakers: list[str]) -> ClaimView:
        return ClaimView(
            claim.text,
            tuple(self.actor_link(a) for a in speakers),
            tuple(self.ref_link(r) for r in claim.about),
            self.evidence(claim.sources, claim.text),
            said_in_quotes(claim.text, [ref.quote for ref in claim.sources]),
        )

    def relation(self, actor: Actor, index: int) -> RelationView:
        rel = actor.relations[index]
        phrase = RELATION_PHRASES.get(rel.type, rel.type.replace("-", " "))
        evidence = self.evidence(rel.sources)
        subject, target = self.actor_link(actor.id), self.actor_link(rel.target)
        said = [f"{subject.text} {phrase} {target.text}", *(q.quote for q in evidence.quotes)]
        text = None if _same_words(rel.text, said) else rel.text  # said once is enough
        return RelationView(subject, phrase, target, text, Evidence(evidence.quotes, text), rel.type)

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


_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]|‘([^’]+)’")


def said_in_quotes(text: str, quotes: list[str]) -> bool:
    """True when the article sets these words in quotation marks, as somebody's own: then,
    and only then, the site may quote them. A claim the article reports ("the ministry said
    the talks had failed") is told without quote marks."""
    words = _words(text)
    if not words:
        return False
    for quote in quotes:
        for match in _QUOTED.finditer(quote):
            run = _words(match.group(1) or match.group(2))
            if any(run[i : i + len(words)] == words for i in range(len(run) - len(words) + 1)):
                return True
    return False


def actor_box(actor: ActorView) -> Box:
    """An actor's infobox: kind, other names, roles held, first and last seen, counts."""
    box: Box = [("Kind", actor.kind.capitalize())]
    if actor.aliases:
        box.append(("Also called", ", ".join(actor.aliases)))
    offices = [r for r in actor.relations_out if r.type in OFFICE_TYPES]
    if offices:
        box.append(("Offices", "; ".join(f"{r.phrase.removeprefix('is ')} {r.target.text}" for r in offices)))
    roles = Counter(p.role for p in actor.events)
    if roles:
        held = [f"{role} in {n} event{'s' if n != 1 else ''}" for role, n in roles.most_common()]
        box.append(("Roles", ", ".join(held)))
    dated = sorted((p for p in actor.events if p.date.bounds), key=lambda p: _day_of(p.date))
    if dated:
        box.append(("First seen", dated[0].date.label))
        box.append(("Last seen", dated[-1].date.label))
    box.append(("Events", str(len({p.event for p in actor.events}))))
    box.append(("Claims", f"{len(actor.claims_made)} made, {len(actor.claims_about)} about"))
    return box


def event_box(event: EventView) -> Box:
    """An event's infobox: when (with its precision in words and the article's own words),
    where, who by role, and its status when it did not happen as told."""
    when = f"{event.date.label} ({date_precision(event.date.value)})"
    if event.date.text:
        when += f", “{event.date.text}”"
    box: Box = [("When", when), ("What", event.kind.replace("-", " "))]
    box.append(("Where", [event.place] if event.place else "not stated"))
    by_role: dict[str, list[Link]] = {}
    for part in event.participants:
        by_role.setdefault(part.role, []).append(part.actor)
    box += [(role.capitalize(), actors) for role, actors in by_role.items()]
    status = event.status if event.status != "happened" else "happened, as the article tells it"
    box.append(("Status", status))
    return box


def _day_of(date: DateInfo) -> tuple:
    assert date.bounds is not None
    first, last = date.bounds
    return (last if first == dt.date.min else first, last)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.casefold()) if w not in {"a", "an", "the"}]


def _same_words(text: str | None, others: list[str]) -> bool:
    """True when `text` says one of `others` again (case, articles and punctuation aside)."""
    return bool(text) and any(_words(text) == _words(other) for other in others)


def timeline_key(view: EventView) -> tuple:
    """Earliest possible day first; then the narrower value; then title, for a stable order.
    "Before D" (`../D`, what happened by a publication date) has no earliest day: it stands
    at D, the one day it knows, not at the start of time."""
    return (*_day_of(view.date), view.title.casefold(), view.id)


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
