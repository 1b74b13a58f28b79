"""Merging a regeneration into sheets a person may have edited.

Three versions of every sheet meet here: *base*, what the generator wrote last time (its
state in `content/.briefing/`); *ours*, what is on disk now, perhaps edited by hand; and
*theirs*, what the generator makes now. The rule is the one a person expects of a tool
that helps them: whatever they changed, added, commented or deleted stays as they left
it, and the generator only updates what nobody touched. Where the article now says
something else than a hand edit, the hand edit wins and the difference is reported.

`ours` is ruamel.yaml round-trip data and is edited in place, so comments stay on the
lines a person wrote them. `base` and `theirs` are plain data (what JSON holds).

List items are matched by identity, not position (a person may reorder, insert or delete
items): see `item_key`. A second part of this module decides which sheet a newly
extracted actor or event *is* (many articles, one briefing) and folds each run's
extraction into the generator's cumulative view.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

# Lists whose items are mappings, matched across versions by identity.
ITEM_LISTS = frozenset({"relations", "claims", "participants", "sources", "background"})
# Lists of plain strings (or ids), merged as ordered sets.
VALUE_LISTS = frozenset({"aliases", "by", "about"})
DATE_FIELDS = frozenset({"date", "published"})
MISSING: Any = object()


@dataclass(frozen=True)
class Conflict:
    """A field a person changed that the articles now give another value for."""

    file: str
    field: str
    ours: Any  # the hand edit, which is kept
    theirs: Any  # what the articles say now

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: kept your {self.ours!r}; the articles now say {self.theirs!r}"


# --- plain data ----------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Round-trip YAML data as plain JSON-like data, for comparing versions.

    A date a person typed unquoted is a `date` to YAML: it compares as its ISO string.
    """
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def to_rt(value: Any, key: str | None = None) -> Any:
    """Plain data as round-trip data, dates double-quoted as the contract asks."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = to_rt(v, k)
        return out
    if isinstance(value, list):
        return CommentedSeq([to_rt(v) for v in value])
    if key in DATE_FIELDS and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    return value


def item_key(field: str, item: Any) -> Any:
    """The identity of a list item: what stays the same when a person edits the rest.

    relation: type + target; claim and background: text; participant: actor;
    source of a fact: article + quote; source of the briefing: its id.
    """
    if not isinstance(item, dict):
        return ("value", repr(plain(item)))  # a person's stray scalar or list: kept as it is
    if field == "relations":
        return (str(item.get("type")), str(item.get("target")))
    if field in ("claims", "background"):
        return _norm_text(item.get("text"))
    if field == "participants":
        return str(item.get("actor"))
    if field == "sources":
        if "id" in item:
            return str(item.get("id"))
        return (str(item.get("article")), _norm_text(item.get("quote")))
    return repr(plain(item))


def _norm_text(value: Any) -> str:
    return " ".join(str(value or "").split())


# --- the three-way merge ------------------------------------------------------------


def merge_sheet(base: dict | None, ours: CommentedMap, theirs: dict, file: str) -> list[Conflict]:
    """Merge `theirs` into `ours` in place, against `base`; return the conflicts.

    A sheet that has no base (a person made a sheet with the id the generator now
    wants, or the content predates the generator's state) merges as if every value on
    disk were a hand edit: nothing on disk is overwritten, new facts are added.
    """
    conflicts: list[Conflict] = []
    _merge_map(base or {}, ours, theirs, file, "", conflicts)
    return conflicts


def _merge_map(base: dict, ours: CommentedMap, theirs: dict, file: str, where: str,
               conflicts: list[Conflict]) -> None:
    order = list(theirs)
    for key, t in theirs.items():
        b = base.get(key, MISSING)
        if key not in ours:
            if b is MISSING and t is not None and t != []:
                _insert_in_order(ours, key, to_rt(t, key), order)
            continue  # in base but not on disk: a person deleted the field
        o = ours[key]
        name = f"{where}{key}"
        if key in ITEM_LISTS and isinstance(o, list) and isinstance(t, list):
            _merge_items(b if isinstance(b, list) else [], o, t, key, file, name, conflicts)
        elif key in VALUE_LISTS and isinstance(o, list) and isinstance(t, list):
            _merge_values(b if isinstance(b, list) else [], o, t)
        elif isinstance(o, dict) and isinstance(t, dict):
            _merge_map(b if isinstance(b, dict) else {}, o, t, file, f"{name}.", conflicts)
        else:
            _merge_scalar(b, ours, key, t, file, name, conflicts)
    for key in [k for k in ours if k not in theirs and k in base]:
        if plain(ours[key]) == base[key]:
            del ours[key]  # the generator no longer says it and nobody touched it


def _merge_scalar(b: Any, ours: CommentedMap, key: str, t: Any, file: str, name: str,
                  conflicts: list[Conflict]) -> None:
    o = plain(ours[key])
    if o == t:
        return
    if b is not MISSING and o == b:
        ours[key] = to_rt(t, key)  # untouched by hand: take the new value
    elif b is MISSING or t != b:
        conflicts.append(Conflict(file, name, o, t))  # hand edit wins; say so


def _merge_values(base: list, ours: CommentedSeq, theirs: list) -> None:
    """Ordered-set merge: add what is new, drop what the generator dropped, keep the rest."""
    base_set, theirs_set = set(map(_hashable, base)), set(map(_hashable, theirs))
    for i in reversed(range(len(ours))):
        value = _hashable(plain(ours[i]))
        if value in base_set and value not in theirs_set:
            del ours[i]
    present = {_hashable(plain(v)) for v in ours}
    for value in theirs:
        h = _hashable(value)
        if h not in present and h not in base_set:
            ours.append(to_rt(value))
            present.add(h)


def _hashable(value: Any) -> Any:
    return repr(value) if isinstance(value, dict | list) else value


def _merge_items(base: list, ours: CommentedSeq, theirs: list, field: str, file: str, where: str,
                 conflicts: list[Conflict]) -> None:
    base_by = _index(field, base)
    theirs_by = _index(field, theirs)
    ours_keys = [item_key(field, plain(item)) for item in ours]
    for i in reversed(range(len(ours))):
        k = ours_keys[i]
        if k in base_by and k not in theirs_by and plain(ours[i]) == base_by[k]:
            del ours[i]  # the generator dropped it and nobody touched it
            del ours_keys[i]
    seen = set(ours_keys)
    for k, t in theirs_by.items():
        if k in seen:
            o = ours[ours_keys.index(k)]
            if isinstance(o, CommentedMap) and isinstance(t, dict):
                label = f"{where}[{_label(k)}]."
                _merge_map(base_by.get(k, {}), o, t, file, label, conflicts)
        elif k not in base_by:
            ours.append(to_rt(t))  # new fact
            seen.add(k)
        # else: in base, not on disk: a person deleted the item, it stays deleted


def _index(field: str, items: Iterable[Any]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for item in items:
        out.setdefault(item_key(field, item), item)
    return out


def _label(key: Any) -> str:
    if isinstance(key, tuple):
        return " ".join(str(k) for k in key)[:60]
    return str(key)[:60]


def _insert_in_order(ours: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Put a new field where the schema puts it: after the nearest earlier field present."""
    position = 0
    for earlier in order[: order.index(key)]:
        if earlier in ours:
            position = list(ours).index(earlier) + 1
    ours.insert(position, key, value)


# --- references ---------------------------------------------------------------------


def references(sheet: Any) -> set[str]:
    """Every sheet id a sheet names (participants, place, relation targets, claims)."""
    data = plain(sheet)
    refs: set[str] = set()
    if not isinstance(data, dict):
        return refs
    for part in as_list(data.get("participants")):
        if isinstance(part, dict) and part.get("actor"):
            refs.add(str(part["actor"]))
    if data.get("place"):
        refs.add(str(data["place"]))
    for rel in as_list(data.get("relations")):
        if isinstance(rel, dict) and rel.get("target"):
            refs.add(str(rel["target"]))
    for claim in as_list(data.get("claims")):
        if isinstance(claim, dict):
            refs.update(str(r) for r in as_list(claim.get("by")) + as_list(claim.get("about")))
    return refs


def as_list(value: Any) -> list:
    """A list field as a list, whatever a person typed there (validation names the error)."""
    return value if isinstance(value, list) else []


def drop_references(sheet: CommentedMap, gone: set[str]) -> bool:
    """Remove references to `gone` ids from a sheet in place; True when any was removed.

    Used for sheets a person deleted (their facts go with them) and, while writing,
    to keep every intermediate file valid until the sheets it names exist.
    """
    changed = False
    for name, attr in (("participants", "actor"), ("relations", "target")):
        items = sheet.get(name)
        if isinstance(items, list):
            for i in reversed(range(len(items))):
                if isinstance(items[i], dict) and str(items[i].get(attr)) in gone:
                    del items[i]
                    changed = True
    if sheet.get("place") is not None and str(sheet.get("place")) in gone:
        sheet["place"] = None
        changed = True
    for claim in as_list(sheet.get("claims")):
        for name in ("by", "about"):
            values = claim.get(name) if isinstance(claim, dict) else None
            if isinstance(values, list):
                for i in reversed(range(len(values))):
                    if str(values[i]) in gone:
                        del values[i]
                        changed = True
    return changed


def drop_sources(sheet: Any, articles: set[str]) -> bool:
    """Remove source references to `articles` (briefing sources a person deleted)."""
    changed = False
    if isinstance(sheet, dict):
        for key, value in sheet.items():
            if key == "sources" and isinstance(value, list):
                for i in reversed(range(len(value))):
                    if isinstance(value[i], dict) and "article" in value[i] and \
                            str(value[i]["article"]) in articles:
                        del value[i]
                        changed = True
            else:
                changed |= drop_sources(value, articles)
    elif isinstance(sheet, list):
        for value in sheet:
            changed |= drop_sources(value, articles)
    return changed


# --- many articles: identity and the cumulative view ----------------------------------


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
    new_by = _index(field, new)
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


def names_of(actor: dict | None) -> set[str]:
    """An actor's names for matching: its name and aliases, case and 'the' aside."""
    if not actor:
        return set()
    names = [actor.get("name"), *as_list(actor.get("aliases"))]
    return {_norm_name(n) for n in names if n}


def _norm_name(name: Any) -> str:
    text = " ".join(str(name).casefold().split())
    return re.sub(r"^the ", "", text)


@dataclass
class Known:
    """What is known of one sheet: the generator's view, the file on disk, and what this
    run has already matched to it."""

    view: dict | None
    disk: dict | None
    extra: list[dict] = field(default_factory=list)

    def versions(self) -> list[dict]:
        return [d for d in (self.view, self.disk, *self.extra) if d]

    def kinds(self) -> set[str]:
        return {str(d.get("kind")) for d in self.versions()}

    def actor_names(self) -> set[str]:
        return set().union(*(names_of(d) for d in self.versions()))

    def participants(self) -> set[str]:
        return {str(p["actor"]) for d in self.versions() for p in as_list(d.get("participants"))
                if isinstance(p, dict) and p.get("actor")}

    def dates(self) -> list[str | None]:
        return [d.get("date") for d in self.versions()]

    def places(self) -> set[str]:
        return {str(d.get("place")) for d in self.versions() if d.get("place")}

    def days(self) -> set[str]:
        return {str(d.get("date")) for d in self.versions() if _is_day(d.get("date"))}

    def titles(self) -> set[str]:
        return {_norm_text(d.get("title")).casefold() for d in self.versions()}


def known_sheets(view: dict[str, dict], disk: dict[str, dict]) -> dict[str, Known]:
    return {i: Known(view.get(i), disk.get(i)) for i in dict.fromkeys([*view, *disk])}


def match_actor(actor: dict, known: dict[str, Known]) -> str | None:
    """The existing sheet this actor is: the same id and kind, else the same kind and a
    shared name or alias (aliases a person added count)."""
    kind, own = str(actor.get("kind")), str(actor.get("id"))
    if own in known and kind in known[own].kinds():
        return own
    names = names_of(actor)
    for sheet_id, sheet in known.items():
        if kind in sheet.kinds() and names & sheet.actor_names():
            return sheet_id
    return None


def _is_day(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def match_event(event: dict, known: dict[str, Known]) -> str | None:
    """The existing event this one is: the same id and kind, else the same kind,
    compatible dates and a shared participant (or, with no participants, one title), or
    the same kind on the same day in the same place (two reports naming different sides
    of one meeting)."""
    kind, own = str(event.get("kind")), str(event.get("id"))
    if own in known and kind in known[own].kinds():
        return own
    parts = {str(p.get("actor")) for p in as_list(event.get("participants")) if isinstance(p, dict)}
    title = _norm_text(event.get("title")).casefold()
    for sheet_id, sheet in known.items():
        if kind not in sheet.kinds():
            continue
        if not any(dates_compatible(event.get("date"), d, title in sheet.titles()) for d in sheet.dates()):
            continue
        if parts & sheet.participants() or (not parts and title in sheet.titles()):
            return sheet_id
        place, date = event.get("place"), event.get("date")
        if place and str(place) in sheet.places() and _is_day(date) and str(date) in sheet.days():
            return sheet_id
    return None


def dates_compatible(a: str | None, b: str | None, same_title: bool = False) -> bool:
    """Two dates that can name the same day: both known and overlapping, or one unknown
    when the titles agree too (two undated statements by one actor are not one event)."""
    if a is None or b is None:
        return same_title
    if a == b:
        return True
    span_a, span_b = date_span(a), date_span(b)
    if span_a is None or span_b is None:
        return False
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def date_span(value: str) -> tuple[tuple, tuple] | None:
    """The earliest and latest day an EDTF value allows, open ends unbounded."""
    try:
        from edtf import parse_edtf

        parsed = parse_edtf(value)
        return (_day(parsed.lower_fuzzy(), (-9999, 1, 1)), _day(parsed.upper_fuzzy(), (9999, 12, 31)))
    except Exception:
        return None


def _day(value: Any, unbounded: tuple) -> tuple:
    """A struct_time as (year, month, day); an open end (edtf's +-inf) as `unbounded`."""
    if isinstance(value, float):
        return unbounded
    return tuple(value)[:3]


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


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when another sheet has that id."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


@dataclass
class View:
    """The generator's cumulative output: every sheet as it would write it, hand edits aside.

    This is what `content/.briefing/state.json` keeps between runs: the base of the next
    three-way merge, and the memory of which sheets a person deleted.
    """

    actors: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    briefing: dict | None = None

    def to_json(self) -> dict:
        return {"version": 1, "actors": self.actors, "events": self.events, "briefing": self.briefing}

    @classmethod
    def from_json(cls, data: Any) -> View:
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


def fold(view: View, disk: View, new: View, run: set[str]) -> tuple[View, dict[str, str]]:
    """The next view: `new` (this run's extraction, plain data) folded into `view`.

    Each new actor and event is first matched to the sheet it is (by id, names or
    aliases on disk included, dates and participants), so one actor or event reported
    by several articles stays one sheet; references are rewritten to the ids kept.
    Returns the view and the renames made.
    """
    taken = set(view.actors) | set(view.events) | set(disk.actors) | set(disk.events)
    actors, renames = _accept(new.actors, known_sheets(view.actors, disk.actors), match_actor, taken, {})
    events, renames = _accept(new.events, known_sheets(view.events, disk.events), match_event, taken, renames)
    out = View(dict(view.actors), dict(view.events), view.briefing)
    for pool, accepted in ((out.actors, actors), (out.events, events)):
        for sheet_id, data in accepted.items():
            data = _drop_self_relations(rename_references(data, renames))
            pool[sheet_id] = combine(pool[sheet_id], data, run) if sheet_id in pool else data
    if new.briefing is not None:
        if view.briefing:
            cited = {str(s.get("id")) for s in as_list(view.briefing.get("sources")) if isinstance(s, dict)}
            out.briefing = combine(view.briefing, new.briefing, run, fresh=cited <= run)
        else:
            out.briefing = new.briefing
    return out, renames


def _accept(new: dict[str, dict], known: dict[str, Known], match, taken: set[str],
            renames: dict[str, str]) -> tuple[dict[str, dict], dict[str, str]]:
    renames = dict(renames)
    accepted: dict[str, dict] = {}
    for new_id, data in new.items():
        data = rename_references(data, renames)
        target = match(data, known)
        if target is None:
            target = unique_id(new_id, taken)
            taken.add(target)
            known[target] = Known(None, None)
        if target != new_id:
            renames[new_id] = target
        data = {**data, "id": target}
        accepted[target] = combine(accepted[target], data, set()) if target in accepted else data
        known[target].extra.append(data)
    return accepted, renames


def _drop_self_relations(data: dict) -> dict:
    rels = data.get("relations")
    if isinstance(rels, list):
        own = data.get("id")
        keep = [r for r in rels if not (isinstance(r, dict) and r.get("target") == own)]
        data = {**data, "relations": keep}
    return data
