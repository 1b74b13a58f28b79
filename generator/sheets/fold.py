"""Many articles, one briefing: which sheet a newly extracted actor or event *is*, and
the generator's cumulative output (`SheetSet`) that each run's extraction folds into.

An actor is the sheet of the same kind with a shared name or alias, and a person only
with evidence that it is the same person: the same full name, the same name in the same
article, or a name a person gave the sheet (two people who share a surname, a title or
a script stay apart). An event is the sheet of the same kind with compatible dates and a
shared participant (or title, or place and day). References are rewritten to the ids
kept, and each decision is kept with its reason (`Merge`) for `briefing generate
--explain`. Facts accumulate across articles; what a
run's own articles no longer say is dropped. The `SheetSet` is what
`content/.briefing/state.json` keeps: the base of the next three-way merge (`merge.py`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from generator.dates import edtf_bounds
from generator.extraction.summaries import summarize_actor
from generator.schema import Actor, Event
from generator.sheets.merge import ITEM_LISTS, MISSING, VALUE_LISTS, as_list, index_items, item_key, norm_text
from generator.text import is_full_name, slug_words, unique_id


def provenance(data: Any) -> set[str]:
    """The article ids a piece of generated data is sourced from."""
    found: set[str] = set()
    if isinstance(data, dict):
        if "article" in data and "quote" in data:
            found.add(str(data["article"]))
        for value in data.values():
            found |= provenance(value)
    elif isinstance(data, list):
        for value in data:
            found |= provenance(value)
    return found


def combine(view: dict, new: dict, run: set[str], fresh: bool | None = None) -> dict:
    """Fold newly generated data for one entity into the generator's earlier view of it.

    Facts accumulate across articles. What this run's articles said before and no
    longer say is dropped (the generator changed its mind about its own output); what
    other articles said stays. Scalars take the new value when everything the view
    knew came from this run's articles, and otherwise only fill gaps.
    """
    if fresh is None:
        fresh = provenance(view) <= run
    out = dict(view)
    for key, n in new.items():
        v = view.get(key, MISSING)
        if v is MISSING:
            out[key] = n
        elif key in ITEM_LISTS and isinstance(v, list) and isinstance(n, list):
            out[key] = _combine_items(v, n, run, key)
        elif key in VALUE_LISTS and isinstance(v, list) and isinstance(n, list):
            out[key] = list(dict.fromkeys([*v, *n]))
        elif key == "id":
            continue
        elif n is not None and (fresh or v is None):
            out[key] = n
    return out


def _combine_items(view: list, new: list, run: set[str], field: str) -> list:
    new_by = index_items(field, new)
    out, seen = [], set()
    for item in view:
        k = item_key(field, item)
        if k in seen:
            continue
        seen.add(k)
        if k in new_by:
            out.append(combine(item, new_by[k], run) if isinstance(item, dict) else item)
        elif not (provenance(item) and provenance(item) <= run):
            out.append(item)
    out.extend(item for k, item in new_by.items() if k not in seen)
    return out


def names_of(actor: dict | None, full: bool = False) -> set[str]:
    """An actor's names for matching: its name and aliases in any script, case, accents,
    punctuation and a leading "the" aside ("Đurđa Marković" is "djurdja markovic", and so
    is "Djurdja Markovic"); with `full`, only its full names (`is_full_name`)."""
    if not actor:
        return set()
    names = [actor.get("name"), *as_list(actor.get("aliases"))]
    return {norm for n in names if n and (not full or is_full_name(str(n))) and (norm := _norm_name(n))}


def _shown(actor: dict, norm: str) -> str:
    """The actor's own spelling of a name `names_of` gave as `norm`."""
    names = [actor.get("name"), *as_list(actor.get("aliases"))]
    return next((str(n) for n in names if n and _norm_name(n) == norm), norm)


def _norm_name(name: Any) -> str:
    return _norm_text_name(str(name))


@lru_cache(maxsize=65536)
def _norm_text_name(name: str) -> str:
    """Cached: the fold compares every new actor's names with every sheet's, so the same
    few thousand names are normalized again and again (romanizing each: 30% of a merge)."""
    return " ".join(slug_words(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)))


@dataclass(frozen=True)
class Merge:
    """One decision of the fold that a person may want to check: a newly extracted sheet
    taken for an existing one, and why (`joined`); or kept apart from one it shares a
    name with, for want of evidence that they are one (two people called Berg)."""

    folder: str  # actors | events
    new_id: str  # the id the extraction gave it
    name: str
    sheet_id: str
    reason: str
    joined: bool

    def __str__(self) -> str:
        if self.joined:
            return f"{self.folder}/{self.sheet_id}.yml joined by '{self.name}': {self.reason}"
        return f"{self.folder}/{self.new_id}.yml '{self.name}' kept apart from " \
            f"{self.folder}/{self.sheet_id}.yml: {self.reason}"


@dataclass
class Known:
    """What is known of one sheet: the generator's view, the file on disk, and what this
    run has already matched to it (`add`).

    The fold asks every sheet the same questions for each new actor and event (its kinds,
    names, titles, participants): the answers are kept until `add` changes them, which
    keeps a merge of many articles from recomputing them for every pair."""

    view: dict | None
    disk: dict | None
    extra: list[dict] = field(default_factory=list)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def add(self, data: dict) -> None:
        """A new sheet this run matched to this one."""
        self.extra.append(data)
        self._memo.clear()

    def _kept(self, key: Any, make: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def versions(self) -> list[dict]:
        return self._kept("versions", lambda: [d for d in (self.view, self.disk, *self.extra) if d])

    def kinds(self) -> frozenset[str]:
        return self._kept("kinds", lambda: frozenset(str(d.get("kind")) for d in self.versions()))

    def actor_names(self, full: bool = False) -> frozenset[str]:
        return self._kept(("names", full),
                          lambda: frozenset().union(*(names_of(d, full) for d in self.versions())))

    def vouched_names(self) -> set[str]:
        """Names a person gave the sheet: all of a hand-written sheet's, and those on disk
        that the generator never wrote."""
        return names_of(self.disk) - names_of(self.view) if self.view else names_of(self.disk)

    def articles(self) -> set[str]:
        return set().union(*(provenance(d) for d in self.versions()))

    def own_names(self) -> frozenset[str]:
        """The sheet's names (not aliases) before this run: what it was made as."""
        return self._kept("own names", lambda: frozenset(
            _norm_name(d.get("name")) for d in (self.view, self.disk) if d and d.get("name")))

    def extra_articles(self) -> frozenset[str]:
        """The articles of what this run has matched to the sheet."""
        return self._kept("extra articles", lambda: frozenset().union(*(provenance(d) for d in self.extra)))

    def own_articles(self) -> set[str]:
        """The articles the sheet was made from before this run."""
        return set().union(*(provenance(d) for d in (self.view, self.disk) if d))

    def participants(self) -> frozenset[str]:
        return self._kept("participants", lambda: frozenset(
            str(p["actor"]) for d in self.versions() for p in as_list(d.get("participants"))
            if isinstance(p, dict) and p.get("actor")))

    def dates(self) -> list[str | None]:
        return [d.get("date") for d in self.versions()]

    def places(self) -> set[str]:
        return {str(d.get("place")) for d in self.versions() if d.get("place")}

    def days(self) -> set[str]:
        return {str(d.get("date")) for d in self.versions() if _is_day(d.get("date"))}

    def titles(self) -> frozenset[str]:
        return self._kept("titles", lambda: frozenset(norm_text(d.get("title")).casefold()
                                                      for d in self.versions()))


def known_sheets(view: dict[str, dict], disk: dict[str, dict]) -> dict[str, Known]:
    return {i: Known(view.get(i), disk.get(i)) for i in dict.fromkeys([*view, *disk])}


def match_actor(actor: dict, known: dict[str, Known]) -> str | None:
    """The existing sheet this actor is (see `find_actor`), or None."""
    found = find_actor(actor, known)
    return found.sheet_id if found is not None and found.joined else None


def find_actor(actor: dict, known: dict[str, Known]) -> Merge | None:
    """The existing sheet this actor is, and why: the same kind and the same id, or a
    shared name or alias (aliases a person added count); for a person, only with
    evidence (`person_evidence`). Otherwise the first sheet of its kind it shares a name
    with, kept apart, or None."""
    kind, own = str(actor.get("kind")), str(actor.get("id"))
    names = names_of(actor)
    apart = None
    for sheet_id in sorted(known, key=lambda i: i != own):  # its own id first
        sheet = known[sheet_id]
        if kind not in sheet.kinds():
            continue
        shared = [_shown(actor, n) for n in sorted(names & sheet.actor_names())]
        if kind == "person":
            reason = person_evidence(actor, sheet)
        elif sheet_id == own or shared:
            reason = "the same id" if sheet_id == own else f"the shared name '{shared[0]}'"
        else:
            reason = None
        if reason:
            return Merge("actors", own, str(actor.get("name")), sheet_id, reason, True)
        earlier = sheet.view is not None or sheet.disk is not None  # not one this run made
        why = f"they share only the name '{shared[0]}', no full name" if shared else \
            surname_only(actor, sheet) if kind == "person" and earlier else None
        if why and apart is None:
            apart = Merge("actors", own, str(actor.get("name")), sheet_id, why, False)
    return apart


def surname_only(actor: dict, sheet: Known) -> str | None:
    """Why a person is kept apart from a sheet whose full name ends in its lone name, or
    whose lone name ends its full name ("Kovacs" and "Peter Kovacs"): a surname joins a
    full name only in the article that gives the full name first. None when neither is so."""
    mine, theirs = names_of(actor), sheet.actor_names()
    pairs = [(short, full) for short, full in [*((m, t) for m in mine for t in theirs),
                                                  *((t, m) for m in mine for t in theirs)]
             if " " not in short and " " in full and full.split()[-1] == short]
    if not pairs:
        return None
    short, full = (_shown(actor, n) if n in mine else
                   next(_shown(d, n) for d in sheet.versions() if n in names_of(d)) for n in sorted(pairs)[0])
    return f"'{short}' is only the surname of '{full}': a surname joins a full name only " \
        "in an article that gives the full name first"


def person_evidence(actor: dict, sheet: Known) -> str | None:
    """What shows that a newly extracted person is the person of a sheet: the same full
    name ("Anna Berg" in both articles, in any script), the same name from an article the
    sheet was made from (the article generated again: "Ms. Berg" stays "berg"), or a name
    a person gave the sheet. A shared surname, title or script is no evidence: two
    people may share it."""
    full = sorted(names_of(actor, full=True) & sheet.actor_names(full=True))
    if full:
        return f"the same full name '{_shown(actor, full[0])}'"
    if _norm_name(actor.get("name")) in sheet.own_names() and provenance(actor) & sheet.own_articles():
        return f"the same name '{actor.get('name')}' from the same article"
    vouched = sorted(names_of(actor) & sheet.vouched_names())
    if vouched:
        return f"'{_shown(actor, vouched[0])}', a name a person gave the sheet"
    return None


def _is_day(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def match_event(event: dict, known: dict[str, Known]) -> str | None:
    """The existing event this one is (see `find_event`), or None."""
    found = find_event(event, known)
    return found.sheet_id if found is not None else None


def find_event(event: dict, known: dict[str, Known]) -> Merge | None:
    """The existing event this one is, and why: the same id and kind, else the same kind,
    compatible dates and a shared participant (or, with no participants, one title), or
    the same kind on the same day in the same place (two reports naming different sides
    of one meeting)."""
    kind, own = str(event.get("kind")), str(event.get("id"))
    title = norm_text(event.get("title")).casefold()

    def joined(sheet_id: str, reason: str) -> Merge:
        return Merge("events", own, str(event.get("title")), sheet_id, reason, True)

    if own in known and kind in known[own].kinds():
        return joined(own, "the same id")
    parts = {str(p.get("actor")) for p in as_list(event.get("participants")) if isinstance(p, dict)}
    # a sheet of the same title is tried first: with open dates ("../2016-12-15") an
    # arrest and a verdict of one defendant both agree with a later report of the verdict
    ranked = sorted(known.items(), key=lambda item: title not in item[1].titles())
    articles = provenance(event)
    for sheet_id, sheet in ranked:
        if kind not in sheet.kinds() or told_apart(articles, sheet):
            continue
        # the dates last: comparing them parses EDTF, and most sheets share nothing else
        reason = event_evidence(event, parts, title, sheet)
        if reason is None:
            continue
        if not any(dates_compatible(event.get("date"), d, title in sheet.titles()) for d in sheet.dates()):
            continue
        return joined(sheet_id, reason)
    return None


def event_evidence(event: dict, parts: set[str], title: str, sheet: Known) -> str | None:
    """Why an event of the sheet's kind, with dates that agree, would be the sheet's event:
    a shared participant, else (with no participants) the same title, else the same day
    and place; None when it has none of these."""
    shared = sorted(parts & sheet.participants())
    if shared:
        return f"the same kind, dates that agree and the participant '{shared[0]}'"
    if not parts and title in sheet.titles():
        return "the same kind and title, dates that agree"
    place, date = event.get("place"), event.get("date")
    if place and str(place) in sheet.places() and _is_day(date) and str(date) in sheet.days():
        return f"the same kind, day and place '{place}'"
    return None


def told_apart(articles: set[str], sheet: Known) -> bool:
    """This run already matched to the sheet an event from the same article (`articles`: the
    new event's, see `provenance`): extraction, which saw both in their sentences, kept them
    apart (an arrest and a verdict with one defendant and dates an open interval lets
    agree), and the fold does not undo that."""
    return bool(sheet.extra and articles & sheet.extra_articles())


def dates_compatible(a: str | None, b: str | None, same_title: bool = False) -> bool:
    """Two dates that can name the same day: both known and overlapping, or one unknown
    when the titles agree too (two undated statements by one actor are not one event)."""
    if a is None or b is None:
        return same_title
    if a == b:
        return True
    span_a, span_b = edtf_bounds(a, fuzzy=True), edtf_bounds(b, fuzzy=True)
    if span_a is None or span_b is None:
        return False
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def rename_references(data: Any, renames: dict[str, str]) -> Any:
    """The data with every sheet id it names passed through `renames`."""
    if not renames:
        return data
    if isinstance(data, list):
        return [rename_references(v, renames) for v in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key in ("actor", "target", "place") and isinstance(value, str):
            out[key] = renames.get(value, value)
        elif key in ("by", "about") and isinstance(value, list):
            out[key] = list(dict.fromkeys(renames.get(v, v) for v in value))
        elif key == "id":
            out[key] = value
        else:
            out[key] = rename_references(value, renames)
    return out


def renamed(data: dict, renames: dict[str, str]) -> dict:
    """`rename_references`, then the list items it made one merged: a relation to each of
    two actors found to be one actor is one relation, citing both sentences (kept twice,
    the sheet would not be the same after the next run's merge, which keys items)."""
    if not renames:
        return data
    return _merge_duplicates(rename_references(data, renames))


def _merge_duplicates(data: Any) -> Any:
    if isinstance(data, list):
        return [_merge_duplicates(v) for v in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        value = _merge_duplicates(value)
        out[key] = _unique_items(key, value) if key in ITEM_LISTS and isinstance(value, list) else value
    return out


def _unique_items(field: str, items: list) -> list:
    """Items of one list with the same identity (`item_key`) as one, the first's values
    first, their sources together."""
    merged: dict[Any, Any] = {}
    for item in items:
        key = item_key(field, item)
        first = merged.get(key)
        if first is None:
            merged[key] = item
        elif isinstance(first, dict) and isinstance(item, dict):
            merged[key] = combine(first, item, set())
    return list(merged.values())


@dataclass
class SheetSet:
    """The generator's cumulative output: every sheet as it would write it, hand edits aside.

    This is what `content/.briefing/state.json` keeps between runs: the base of the next
    three-way merge, and the memory of which sheets a person deleted.
    """

    actors: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    briefing: dict | None = None
    # how the last fold made it: which new sheets joined which, and why (not kept in the state)
    merges: list[Merge] = field(default_factory=list, compare=False)

    def to_json(self) -> dict:
        return {"version": 1, "actors": self.actors, "events": self.events, "briefing": self.briefing}

    @classmethod
    def from_json(cls, data: Any) -> SheetSet:
        """The state as saved; anything damaged in it is forgotten rather than trusted."""
        if not isinstance(data, dict):
            return cls()

        def sheets(value: Any) -> dict[str, dict]:
            if not isinstance(value, dict):
                return {}
            return {str(k): v for k, v in value.items() if isinstance(v, dict)}

        briefing = data.get("briefing")
        return cls(sheets(data.get("actors")), sheets(data.get("events")),
                   briefing if isinstance(briefing, dict) else None)


def fold(view: SheetSet, disk: SheetSet, new: SheetSet, run: set[str]) -> tuple[SheetSet, dict[str, str]]:
    """The next view: `new` (this run's extraction, plain data) folded into `view`.

    Each new actor and event is first matched to the sheet it is (by id, names or
    aliases on disk included, dates and participants), so one actor or event reported
    by several articles stays one sheet; references are rewritten to the ids kept.
    Returns the view, with the decisions worth a look in `merges`, and the renames made.
    """
    taken = set(view.actors) | set(view.events) | set(disk.actors) | set(disk.events)
    merges: list[Merge] = []
    actors, renames = _accept(new.actors, known_sheets(view.actors, disk.actors), find_actor, taken, {},
                              merges)
    events, renames = _accept(new.events, known_sheets(view.events, disk.events), find_event, taken,
                              renames, merges)
    out = SheetSet(dict(view.actors), dict(view.events), view.briefing, merges)
    for pool, accepted in ((out.actors, actors), (out.events, events)):
        for sheet_id, data in accepted.items():
            data = _drop_self_relations(renamed(data, renames))
            pool[sheet_id] = combine(pool[sheet_id], data, run) if sheet_id in pool else data
    resummarize(out, {i for i in actors if not provenance(out.actors[i]) <= run})
    if new.briefing is not None:
        if view.briefing:
            cited = {str(s.get("id")) for s in as_list(view.briefing.get("sources")) if isinstance(s, dict)}
            out.briefing = combine(view.briefing, new.briefing, run, fresh=cited <= run)
        else:
            out.briefing = new.briefing
    return out, renames


Folded = tuple[SheetSet, set[str], list[list[Merge]]]  # the one extraction, its articles, decisions per run


def fold_each(runs: list[tuple[SheetSet, set[str]]]) -> Folded:
    """Several articles' extractions folded into one, one after another in the order given,
    as `generate A` then `generate B` fold them into a new briefing (`runs` pairs each
    extraction with its articles). Returns the one extraction, all the articles, and per
    run the decisions worth a look. The result is then folded into the briefing once, as
    one run's extraction (`plan.plan_runs`): so a second run of the same articles finds
    every sheet under its own id again, and changes nothing."""
    folding = FoldInOrder(len(runs))
    for index, (new, run) in enumerate(runs):
        folding.add(index, new, run)
    return folding.result()


class FoldInOrder:
    """`fold_each` for extractions that come in any order (from worker processes): each is
    folded as soon as it and every one before it have come, so the folding keeps pace
    with the extraction and the result does not depend on the order they came in."""

    def __init__(self, count: int):
        self._count = count
        self._waiting: dict[int, tuple[SheetSet, set[str]]] = {}
        self._next = 0
        self._out = SheetSet()
        self._articles: set[str] = set()
        self._merges: list[list[Merge]] = []

    def add(self, index: int, new: SheetSet, run: set[str]) -> None:
        """The extraction of run number `index` (0 for the first article given)."""
        self._waiting[index] = (new, run)
        while self._next in self._waiting:
            new, run = self._waiting.pop(self._next)
            self._next += 1
            if self._count == 1:  # one article: its extraction as it is
                self._out, self._articles, self._merges = new, run, [[]]
                continue
            self._out, _ = fold(self._out, SheetSet(), new, run)
            self._articles |= run
            self._merges.append(self._out.merges)

    def result(self) -> Folded:
        if self._next != self._count:
            raise ValueError(f"{self._count - self._next} of {self._count} extractions not folded")
        if self._count == 1:
            return self._out, self._articles, self._merges
        return replace(self._out, merges=[]), self._articles, self._merges


def resummarize(sheets: SheetSet, ids: set[str]) -> None:
    """The summaries of these actors (this run's, whose sheets hold other articles' facts
    too) made again from the folded sheet and every event: a summary counts claims and
    roles ("Party in 2 events; source of 3 claims"), and must say what the sheet now
    holds, not what one run's articles said. The view is the generator's own output, so
    no hand edit is lost (the three-way merge keeps those). A sheet that does not
    validate keeps its summary."""
    if not ids:
        return
    events = {}
    for sheet_id, data in sheets.events.items():
        if not _concerns(data, ids):
            continue  # a summary counts only the events its actor takes part in or hosts
        try:
            events[sheet_id] = Event.model_validate(data)
        except ValidationError:
            continue
    for sheet_id in sorted(ids):
        data = sheets.actors[sheet_id]
        try:
            actor = Actor.model_validate({**data, "summary": None})
        except ValidationError:
            continue
        sheets.actors[sheet_id] = {**data, "summary": summarize_actor(actor, events, [])}


def _concerns(event: dict, ids: set[str]) -> bool:
    """Whether any of these actors takes part in the event or is its place."""
    named = [event.get("place"), *(p.get("actor") for p in as_list(event.get("participants"))
                                   if isinstance(p, dict))]
    return any(isinstance(name, str) and name in ids for name in named)


Matcher = Callable[[dict, dict[str, Known]], Merge | None]


def _accept(new: dict[str, dict], known: dict[str, Known], match: Matcher, taken: set[str],
            renames: dict[str, str], merges: list[Merge]) -> tuple[dict[str, dict], dict[str, str]]:
    """Each new sheet under the id of the sheet it is, or a free id of its own; the
    decisions worth a look (`worth_showing`) are added to `merges`."""
    renames = dict(renames)
    accepted: dict[str, dict] = {}
    groups = by_kind(known)
    for new_id, data in new.items():
        data = renamed(data, renames)
        kind = str(data.get("kind"))
        found = match(data, groups.get(kind, {}))
        target = found.sheet_id if found is not None and found.joined else None
        if found is not None and worth_showing(found, data, known):
            merges.append(found)
        if target is None:
            target = unique_id(new_id, taken)
            taken.add(target)
            known[target] = Known(None, None)
            if found is not None:  # kept apart: under the id it gets
                merges[-1] = replace(found, new_id=target)
        if target != new_id:
            renames[new_id] = target
        data = {**data, "id": target}
        accepted[target] = combine(accepted[target], data, set()) if target in accepted else data
        known[target].add(data)
        groups[kind].setdefault(target, known[target])
    return accepted, renames


def by_kind(known: dict[str, Known]) -> defaultdict[str, dict[str, Known]]:
    """The sheets of each kind, in their order (one whose versions disagree on its kind is
    under each). The matchers only ever join an actor or an event to a sheet of its kind,
    so each is shown only those: a merge of fifty articles otherwise asks every sheet its
    kinds for every new actor and event."""
    groups: defaultdict[str, dict[str, Known]] = defaultdict(dict)
    for sheet_id, sheet in known.items():
        for kind in sheet.kinds():
            groups[kind][sheet_id] = sheet
    return groups


def worth_showing(found: Merge, data: dict, known: dict[str, Known]) -> bool:
    """A decision a person may want to check: a sheet kept apart, a new sheet that went
    under another id, or one that joined a sheet made from other articles. (An article
    generated again, matching its own sheets, is not news.)"""
    if not found.joined or found.sheet_id != found.new_id:
        return True
    return bool(known[found.sheet_id].articles() - provenance(data))


def _drop_self_relations(data: dict) -> dict:
    rels = data.get("relations")
    if isinstance(rels, list):
        own = data.get("id")
        keep = [r for r in rels if not (isinstance(r, dict) and r.get("target") == own)]
        data = {**data, "relations": keep}
    return data
