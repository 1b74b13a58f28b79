"""Events: who did what to whom, when and where, each told once.

The pipeline per sentence: find the triggers (`event_triggers`), fold each infinitive
chain into one draft with its participants and place (`event_roles`), date the drafts
(`event_dates`), title them (`event_titles`); then merge the drafts that tell the same
event (same kind and trigger family, agreeing dates, places and actors) and write one
`Event` per group, from its richest mention.
"""

from __future__ import annotations

from generator.datafiles import load_data
from generator.dates import edtf_bounds
from generator.extraction.events.draft import Draft
from generator.extraction.events.factuality import strongest_status
from generator.extraction.events.roles import draft_event, group_triggers, settle_kinds
from generator.extraction.events.timing import continue_dates, date_events
from generator.extraction.events.titles import event_id, title_of
from generator.extraction.events.triggers import find_triggers
from generator.extraction.references import build_views
from generator.extraction.sentence import Sentence
from generator.schema import Actor, Event, Participant, SourceRef


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Whether two dates may be the same time: unknown fits anything, spans must overlap."""
    sa, sb = edtf_bounds(a), edtf_bounds(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _narrower(a: str | None, b: str | None) -> bool:
    """Whether b says more than a: a closed span before an open one, then the shorter."""
    if b is None:
        return False
    if a is None:
        return True
    return _width(b) < _width(a)


def _width(value: str) -> float:
    """How many days a value spans; an open or unreadable one spans forever."""
    bounds = edtf_bounds(value)
    if ".." in value or bounds is None:
        return float("inf")
    return (bounds[1] - bounds[0]).days


def same_event(a: Draft, b: Draft) -> bool:
    """Two mentions of one event: same kind and trigger, dates and participants that agree.
    Without shared actors, something else must tie them: the same paragraph, the same place,
    dates on both, or a definite noun pointing back ("the blast"); "bombings" in a general
    remark are not last week's bombing. Harm on one day is one happening whatever words
    tell it ("stormed the museum", "killing 19 in an assault", "the attack"). Mentions
    of different stance merge only when the less asserted one names no one the other does
    not (`_lends_no_actor`)."""
    if a.kind != b.kind or not compatible_dates(a.date, b.date) or not _lends_no_actor(a, b):
        return False
    if _set_apart(b):
        return False  # b, told after a, is another happening ("another attack")
    if not a.keys & b.keys and not _same_day_harm(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    ia, ib = _actors(a, "initiator"), _actors(b, "initiator")
    if ia and ib and not ia & ib:
        return False  # "Ruritanian air strikes" are not the shelling of Ruritanian ports
    ra, rb = _actors(a), _actors(b)
    same_paragraph = a.view.sentence.paragraph == b.view.sentence.paragraph
    if ra and rb:
        return bool(ra & rb) or _attends(b) or same_paragraph and _names_its_author(a, b)
    same_place = bool(a.place and a.place == b.place)
    return same_paragraph or same_place or bool(a.date and b.date) or _refers_back(b) or _attends(b)


def _set_apart(draft: Draft) -> bool:
    """"Another attack", "a second blast", "concurrent rallies": a noun its modifier sets
    apart from what was told before (`distinct_modifiers`) names a happening of its own."""
    words = set(load_data("events_triggers")["distinct_modifiers"])
    return any(t.token.pos_ == "NOUN" and any(c.dep_ in ("amod", "det") and c.lower_ in words
                                              for c in t.token.children) for t in draft.triggers)


def _names_its_author(a: Draft, b: Draft) -> bool:
    """"Hundreds stormed the embassy. Ruritania banned the group behind the attack": a
    definite noun pointing back, with only an author of its own, names the author of an
    event told just before without one."""
    return _refers_back(b) and not _actors(a, "initiator") and set(b.roles.values()) == {"initiator"}


def _same_day_harm(a: Draft, b: Draft) -> bool:
    """Two harms dated to the same single day (an attack, the killing in it)."""
    day = edtf_bounds(a.date) if a.date else None
    one_day = day is not None and day[0] == day[1] and ".." not in (a.date or "")
    return a.kind in load_data("events_triggers")["harmful"] and one_day and a.date == b.date


def _joins(draft: Draft, group: list[Draft]) -> bool:
    """Whether a mention tells the event of a group: it agrees with each mention that says
    something of its own (actors, a date, a place); a bare "the shooting" that joined the
    group constrains nothing, and the latest group that fits wins."""
    telling = [d for d in group if _actors(d) or d.date or d.place] or group[:1]
    return all(same_event(d, draft) for d in telling)


def _refers_back(draft: Draft) -> bool:
    """"the blast", "these attacks": a definite noun tells an event already told; "the
    shooting of doctors in Y" describes one of its own."""
    token = draft.head.token
    described = any(c.dep_ in ("prep", "acl", "relcl") for c in token.children)  # "the shooting of X in Y"
    return token.pos_ == "NOUN" and not described and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)


DEFINITE = {"the", "this", "these", "that", "those"}


def _attends(draft: Draft) -> bool:
    """"X, who chaired the session", "Y attended as an observer": someone who only hosts,
    brokers or watches an event named back by a definite object (or by no object, after a
    verb of attending) takes part in that event, not in one of their own."""
    roles = set(draft.roles.values())
    if not roles or not roles <= {"host", "mediator", "observer", "participant"}:
        return False
    objects = [c for c in draft.head.token.children if c.dep_ == "dobj"]
    if not objects:
        return draft.head.token.lemma_.lower() in load_data("events_triggers")["attendance_verbs"]
    return any(any(d.dep_ == "det" and d.lower_ in DEFINITE for d in o.children)
               and not any(d.dep_ in ("prep", "acl", "relcl") for d in o.children) for o in objects)


def _lends_no_actor(a: Draft, b: Draft) -> bool:
    """"Rockets were fired at the port" and "the militia denied firing the rockets" are
    no rocket fire by the militia: a mention the article does not assert (denied,
    alleged, planned) may join an asserted one only if it brings no actor along, so its
    status cannot launder who did it. "X reportedly shelled Y" joins "X shelled Y"."""
    if a.status == b.status:
        return True
    weaker = b if strongest_status([a.status, b.status]) == a.status else a
    stronger = a if weaker is b else b
    return _actors(weaker) <= _actors(stronger)


def _actors(draft: Draft, *roles: str) -> set[str]:
    return {a for a, r in draft.roles.items() if r != "observer" and (not roles or r in roles)}


def extract_events(sentences: list[Sentence], actors: dict[str, Actor]) -> list[Event]:
    """Every event the sentences tell, once each, with kind, participants, place and date."""
    merged: list[list[Draft]] = []
    previous: list[Draft] = []
    for view in build_views(sentences, actors):
        triggers = settle_kinds(find_triggers(view))
        drafts = [draft_event(view, g, triggers) for g in group_triggers(triggers)]
        date_events(view, drafts)
        continue_dates(view, drafts, previous)
        previous = drafts
        for draft in drafts:
            worth = _worth_telling(draft)
            if not worth and not _attends(draft):
                continue  # an observer alone tells nothing, but may attend an event told before
            _adopt_kind(draft, merged)
            draft.title = title_of(draft)
            home = next((m for m in reversed(merged) if _joins(draft, m)), None)
            if home is not None:
                home.append(draft)
            elif worth:
                merged.append([draft])
    taken = set(actors)  # an event id never repeats an actor's, so `about` stays unambiguous
    return [to_event(group, taken) for group in merged]


def _adopt_kind(draft: Draft, merged: list[list[Draft]]) -> None:
    """"They prepped for the strike" after "workers are striking": a definite noun that
    points back, with no actor of its own, is the event it names, of that event's kind (a
    workers' strike stays a protest, not an attack)."""
    if not _refers_back(draft) or _actors(draft):
        return
    told = next((group for group in reversed(merged) if any(draft.keys & d.keys for d in group)), None)
    if told is not None:
        draft.head.kind = told[0].kind


def _worth_telling(draft: Draft) -> bool:
    """An event needs something an analyst can place: an actor, a date or a place; harm
    (casualties, flight) is told even when nobody is named."""
    lex = load_data("events_triggers")
    actor_roles = {r for r in draft.roles.values() if r != "observer"}
    if draft.head.token.lemma_.lower() in lex["verbs_need_other"]:
        others = actor_roles - {"initiator"}
        return bool(others or draft.place or list(draft.roles.values()).count("initiator") > 1)
    return bool(actor_roles or draft.date or draft.place) or draft.kind in lex["harmful"]


def _richness(draft: Draft) -> tuple[int, int, int]:
    """Which mention of a merged event speaks for it: most actors, then dated, then a verb."""
    actors = sum(r not in ("participant", "observer") for r in draft.roles.values())
    return actors, draft.date is not None, draft.head.token.pos_ == "VERB"


def to_event(drafts: list[Draft], taken: set[str]) -> Event:
    """One event from its mentions: the richest speaks for it; the narrowest date, the
    strongest role of each actor and every sentence as a source are kept."""
    first = max(drafts, key=_richness)
    date, date_text = first.date, first.date_text
    roles: dict[str, str] = {}
    place = None
    sources: list[SourceRef] = []
    for d in sorted(drafts, key=lambda d: d is not first):
        if _narrower(date, d.date):
            date, date_text = d.date, d.date_text
        for aid, role in d.roles.items():
            if roles.get(aid) is None or roles[aid] in ("participant", "observer") and role not in (
                    "participant", "observer"):
                roles[aid] = role
        place = place or d.place
        quote = d.view.sentence.text
        if all(s.quote != quote for s in sources):
            sources.append(SourceRef(article=d.view.sentence.article.id, quote=quote))
    sheet_id = event_id(first.title, taken)
    taken.add(sheet_id)
    return Event(
        id=sheet_id,
        title=first.title,
        kind=first.kind,
        date=date,
        date_text=date_text,
        place=place,
        participants=[Participant(actor=a, role=r) for a, r in roles.items()],
        summary=first.view.sentence.text,
        sources=sources,
        status=strongest_status(d.status for d in drafts),
    )
