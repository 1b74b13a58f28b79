"""Summaries of actor sheets and the quality report's unresolved lines.

A summary says what the sources say about an actor and nothing more: the offices and
ties its relations state, the events it takes part in and in what role, else the first
sentence that names it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .schema import Actor, Event

if TYPE_CHECKING:
    from .extract import Sentence
    from .reading import Article

MAX_EVENTS = 3
MAX_RELATIONS = 2


def _event_phrase(actor_id: str, events: dict[str, Event]) -> str | None:
    taking_part = [(e, p.role) for e in events.values() for p in e.participants if p.actor == actor_id]
    hosted = [e for e in events.values() if e.place == actor_id]
    if hosted and not taking_part:
        titles = "; ".join(e.title for e in hosted[:MAX_EVENTS])
        return f"Where it happened: {titles}."
    if not taking_part:
        return None
    roles = Counter(role for _, role in taking_part)
    main = roles.most_common(1)[0][0]
    listed = "; ".join(f"{e.title} ({role})" for e, role in taking_part[:MAX_EVENTS])
    more = f" and {len(taking_part) - MAX_EVENTS} more" if len(taking_part) > MAX_EVENTS else ""
    return f"{main.capitalize()} in {len(taking_part)} event{'s' * (len(taking_part) > 1)}: {listed}{more}."


def summarize_actor(actor: Actor, events: dict[str, Event], sentences: list[Sentence]) -> str | None:
    parts = [r.text for r in actor.relations[:MAX_RELATIONS] if r.text]
    phrase = _event_phrase(actor.id, events)
    if phrase:
        parts.append(phrase)
    if not parts and actor.sources:
        parts.append(actor.sources[0].quote)
    return " ".join(parts) or None


def summarize_actors(actors: dict[str, Actor], events: dict[str, Event], sentences: list[Sentence]) -> None:
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
