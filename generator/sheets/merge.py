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
items): see `item_key`. Which sheet a newly extracted actor or event *is* (many
articles, one briefing) is `fold.py`'s question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
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
        return norm_text(item.get("text"))
    if field == "participants":
        return str(item.get("actor"))
    if field == "sources":
        if "id" in item:
            return str(item.get("id"))
        return (str(item.get("article")), norm_text(item.get("quote")))
    return repr(plain(item))


def norm_text(value: Any) -> str:
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
    base_by = index_items(field, base)
    theirs_by = index_items(field, theirs)
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


def index_items(field: str, items: Iterable[Any]) -> dict[Any, Any]:
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


def references(data: Any) -> set[str]:
    """Every sheet id a sheet names (participants, place, relation targets, claims), in
    plain or round-trip data (read where it is: a copy of each sheet would cost more)."""
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
