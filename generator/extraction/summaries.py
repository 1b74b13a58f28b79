"""Summaries of actor sheets and the quality report's unresolved lines.

A summary says what the sources say about an actor and nothing more, in a sentence or
two: the first office or tie its relations state, its roles in the events ("Mediator in 2
events, party in 1"), how many claims it makes, else the first sentence that names it.
The events themselves are listed on the actor's page, so their long titles stay out.
"""

from __future__ import annotations

from collections import Counter

from generator.extraction.sentence import Sentence
from generator.reading import Article
from generator.schema import Actor, Event

MAX_TITLE = 80  # an event title longer than this stays out of a summary
MAX_RELATION = 120  # nor does a relation sentence longer than this
MAX_ROLES = 3
# the order roles are listed in when they are as frequent: who acts before who watches
ROLE_ORDER = ("initiator", "mediator", "party", "host", "supporter", "target", "victim", "participant",
              "observer")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def role_phrase(roles: Counter[str], noun: str = "event") -> str:
    """"Mediator in 2 events, party in 1": each role with how often, the commonest first."""
    ranked = sorted(roles.items(), key=lambda rc: (-rc[1], ROLE_ORDER.index(rc[0])
                                                   if rc[0] in ROLE_ORDER else len(ROLE_ORDER)))
    if len(ranked) > 1:  # an unknown role or a watcher's adds little beside a known one
        ranked = [rc for rc in ranked if rc[0] not in ("participant", "observer")] or ranked
    ranked = ranked[:MAX_ROLES]
    parts = [f"{role} in {_count(n, noun) if i == 0 else n}" for i, (role, n) in enumerate(ranked)]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _event_phrase(actor_id: str, events: dict[str, Event]) -> str | None:
    """What the actor does in the events, by role; the event's title when there is one
    short enough to read in a line."""
    taking_part = [(e, p.role) for e in events.values() for p in e.participants if p.actor == actor_id]
    if not taking_part:
        hosted = [e for e in events.values() if e.place == actor_id]
        if not hosted:
            return None
        if len(hosted) == 1 and len(hosted[0].title) <= MAX_TITLE:
            return f"Scene of one event: {hosted[0].title.rstrip('.')}."
        return f"Scene of {_count(len(hosted), 'event')}."
    phrase = role_phrase(Counter(role for _, role in taking_part))
    if len(taking_part) == 1 and len(taking_part[0][0].title) <= MAX_TITLE:
        return f"{phrase}: {taking_part[0][0].title.rstrip('.')}."
    return phrase + "."


def relation_sentence(actor: Actor) -> str | None:
    """The first relation sentence that is about the actor and short: "Vladimir Putin is a
    leader of Russia." (a relation's text may be a long sentence about someone else)."""
    names = [n.lower() for n in (actor.name, *actor.aliases)]
    for relation in actor.relations:
        text = (relation.text or "").strip()
        plain = text.lower().removeprefix("the ")
        if text and len(text) <= MAX_RELATION and any(plain.startswith(n) for n in names):
            return text
    return None


def summarize_actor(actor: Actor, events: dict[str, Event], sentences: list[Sentence]) -> str | None:
    """A sentence or two from the sheet's own sourced facts: the first office or tie its
    relations state, its roles in events, how many claims it makes; else the first
    sentence that names it."""
    parts = [r for r in [relation_sentence(actor)] if r]
    phrase = _event_phrase(actor.id, events)
    claims = f"source of {_count(len(actor.claims), 'claim')}" if actor.claims else ""
    if phrase and claims:
        parts.append(f"{phrase[:-1]}; {claims}.")
    elif phrase or claims:
        parts.append(phrase or claims[:1].upper() + claims[1:] + ".")
    if not parts and actor.sources:
        parts.append(actor.sources[0].quote)
    return " ".join(parts) or None


def summarize_actors(actors: dict[str, Actor], events: dict[str, Event], sentences: list[Sentence]) -> None:
    """Fill the summaries a sheet does not have yet (a person's own summary stays)."""
    for actor in actors.values():
        if not actor.summary:
            actor.summary = summarize_actor(actor, events, sentences)


def unresolved_lines(articles: list[Article], events: dict[str, Event],
                     sentences: list[Sentence]) -> list[str]:
    """What the quality report lists: articles without a date, events without one, time
    expressions that could not be resolved."""
    lines = [f"{a.id}: no publication date; relative dates stay unresolved (use --published)"
             for a in articles if not a.published]
    for event in events.values():
        if event.date is None:
            said = f" ('{event.date_text}')" if event.date_text else ""
            lines.append(f"event {event.id}: no date{said}")
        if not event.participants:
            lines.append(f"event {event.id}: no participant resolved to an actor")
    for s in sentences:
        for t in s.times:
            if t.value is None and s.article.published:
                lines.append(f"{s.article.id}: time expression '{t.text}' could not be resolved")
    return lines
