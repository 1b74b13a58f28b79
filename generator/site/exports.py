"""Exports for the tools analysts already use: TimelineJS, spreadsheets, GIS.

- `timelinejs`: TimelineJS 3's JSON (https://timeline.knightlab.com/docs/json-format.html):
  a title slide and an event per dated event, `start_date`/`end_date` from the EDTF value at
  the precision it has (year, month or day), `display_date` the site's words for the date
  ("before 9 October 2020"), `group` the CAMEO kind.
- `csv`: three tables, events, actors and relations, one row each, with the source sentence.
- `geojson`: RFC 7946 FeatureCollection: a Point per located place and per event at a located
  place, coordinates from the same offline gazetteer the site's map uses.

The site offers the same files as downloads (see plugin.py); `briefing export` writes them.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence

from generator.site.drawing.map import locate_actors, locate_names
from generator.site.model import ActorView, EventView, id_of

FORMATS = ("timelinejs", "csv", "geojson")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# (latitude, longitude) of a place actor by its id, or None: the map's locator
Locate = Callable[[str], "tuple[float, float] | None"]


def locator(actors: Mapping[str, ActorView]) -> Locate:
    """Where each place and country actor is, by the map's rules (drawing.map)."""
    spots, _ = locate_actors(actors.values(), locate_names)
    return lambda actor_id: (spots[actor_id].lat, spots[actor_id].lon) if actor_id in spots else None


def timeline_date(part: str) -> dict | None:
    """One end of an EDTF value as a TimelineJS date: year, month and day as far as it says
    (qualifiers dropped: TimelineJS has none; `display_date` keeps them in words)."""
    match = _PLAIN.match(part.rstrip("~?%"))
    if not match:
        return None
    year, month, day = match.groups()
    date = {"year": int(year)}
    if month and 1 <= int(month) <= 12:
        date["month"] = int(month)
        if day:
            date["day"] = int(day)
    return date


def timeline_dates(view: EventView) -> tuple[dict, dict | None] | None:
    """(start_date, end_date or None) for a dated event; None when TimelineJS cannot place it.
    An open start ("before D") starts at D, the one day it knows; a value TimelineJS cannot
    say exactly (a decade, a season) spans its first to its last year."""
    if view.date.value is None or view.date.bounds is None:
        return None
    first, _, last = view.date.value.partition("/")
    start = timeline_date(last if first == ".." else first)
    end = timeline_date(last) if last and last != ".." and first != ".." else None
    if start is None:
        low, high = view.date.bounds
        start = {"year": low.year}
        end = {"year": high.year} if high.year != low.year else None
    start["display_date"] = view.date.label
    return start, end


def timelinejs(timeline: Sequence[EventView], title: str, summary: str | None) -> dict:
    """The briefing as a TimelineJS 3 document; `timeline` the dated events in order. Text is
    HTML-escaped: TimelineJS renders `headline` and `text` as HTML, and these are an article's
    words, which may hold markup (`display_date` and `group` it shows as text)."""
    events = []
    for view in timeline:
        dates = timeline_dates(view)
        if dates is None:
            continue
        event = {
            "unique_id": view.id,
            "start_date": dates[0],
            "text": {"headline": html.escape(view.title), "text": html.escape(view.summary or "")},
            "group": view.kind.replace("-", " "),
        }
        if dates[1]:
            event["end_date"] = dates[1]
        events.append(event)
    return {"title": {"text": {"headline": html.escape(title), "text": html.escape(summary or "")}},
            "events": events}


def _table(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _cell(value: object) -> object:
    """A value as a spreadsheet cell: text that a spreadsheet would run as a formula (it starts
    with =, +, -, @, a tab or a carriage return; OWASP's CSV injection advice) gets a leading
    apostrophe, which spreadsheets show as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_tables(events: Sequence[EventView], actors: Mapping[str, ActorView]) -> dict[str, str]:
    """`events.csv`, `actors.csv`, `relations.csv`: one row per event, actor and relation, each
    with its first source sentence, for a spreadsheet."""
    event_rows = [
        [v.id, v.title, v.kind, v.status, None if v.date.note else v.date.value,
         v.date.label + (f" ({v.date.note})" if v.date.note else ""), v.place.text if v.place else None,
         "; ".join(f"{p.actor.text} ({p.role})" for p in v.participants),
         v.evidence.quotes[0].quote if v.evidence.quotes else None]
        for v in events
    ]
    actor_rows = [
        [a.id, a.name, a.kind, "; ".join(a.aliases), len({p.event for p in a.events}), len(a.events_here),
         a.evidence.quotes[0].quote if a.evidence.quotes else None]
        for a in actors.values()
    ]
    relation_rows = [
        [r.subject.text, r.phrase, r.target.text, r.evidence.quotes[0].quote if r.evidence.quotes else None]
        for a in actors.values() for r in a.relations_out
    ]
    return {
        "events.csv": _table(["id", "title", "kind", "status", "date", "date_in_words", "place",
                              "participants", "source_sentence"], event_rows),
        "actors.csv": _table(["id", "name", "kind", "aliases", "events_taking_part", "events_here",
                              "source_sentence"], actor_rows),
        "relations.csv": _table(["subject", "relation", "target", "source_sentence"], relation_rows),
    }


def geojson(events: Sequence[EventView], actors: Mapping[str, ActorView], locate: Locate) -> dict:
    """Located places, and events at a located place, as GeoJSON Points ([longitude, latitude])."""
    features = []
    for actor in actors.values():
        at = locate(actor.id)
        if at is not None:
            props = {"id": actor.id, "name": actor.name, "kind": actor.kind, "feature": "place",
                     "events": len(actor.events_here)}
            features.append(_point(at, props))
    for view in events:
        at = locate(id_of(view.place)) if view.place and view.place.path else None
        if at is not None:
            props = {"id": view.id, "title": view.title, "kind": view.kind, "feature": "event",
                     "date": view.date.value, "date_in_words": view.date.label, "status": view.status}
            features.append(_point(at, props))
    return {"type": "FeatureCollection", "features": features}


def _point(at: tuple[float, float], properties: dict) -> dict:
    lat, lon = at
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": properties}


def export_files(timeline: Sequence[EventView], undated: Sequence[EventView], actors: Mapping[str, ActorView],
                 title: str, summary: str | None, formats: Sequence[str] = FORMATS) -> dict[str, str]:
    """Every export chosen, as file name -> text, for `briefing export` and the site's downloads."""
    files: dict[str, str] = {}
    events = [*timeline, *undated]
    if "timelinejs" in formats:
        document = timelinejs(timeline, title, summary)
        files["timeline.json"] = json.dumps(document, ensure_ascii=False, indent=1)
    if "csv" in formats:
        files.update(csv_tables(events, actors))
    if "geojson" in formats:
        files["briefing.geojson"] = json.dumps(geojson(events, actors, locator(actors)), ensure_ascii=False,
                                               indent=1)
    return files
