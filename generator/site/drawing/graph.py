"""The relationship graph (issue 10, item 2): who stands where, drawn at build time as inline SVG,
so it needs no script, prints, and works offline (Quartz's graph view, without the script).

- an actor is a node, its shape and colour telling its kind (a legend says which), a link to its
  page with its name and kind in `<title>`;
- a relation is a directed edge with an arrowhead (an SVG marker in the text colour) and its
  phrase written along it ("supports"), where it covers the fewest nodes and other phrases;
  edges between the same two actors bow apart;
- actors taking part in the same event are joined by a light dashed edge whose `<title>` names
  the events they share.

The actors index draws every actor with an edge and says how many it leaves out; an actor's page
draws it, the actors at the other end of its edges, and its own edges only.

The layout is networkx's: each connected part by its seeded Fruchterman-Reingold `spring_layout`
(the least tangled of a few seeds), the parts packed side by side, nodes and edges given to it in
sorted order, so the same briefing gives the same SVG byte for byte. It is computed once per build:
`draw_graph` keeps the layout of the last `actors` mapping it saw, the actors index draws all of it
and each actor page crops its neighbourhood out of it; each drawing then only moves nodes apart
until no label covers another. Only this module uses networkx (and, through it, numpy); their
import costs a build about 0.2 s, so networkx is executed only when a layout is not in the cache.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from markupsafe import Markup

from generator import cache
from generator.lazy import lazy_module
from generator.site.drawing.svg import PALETTE, drawing, legend_list, shorten
from generator.site.model import ActorView, id_of
from generator.site.render import escape_text

nx = lazy_module("networkx")  # executed only when a layout is not in the cache (see cached_layout)
NETWORKX = metadata.version("networkx")  # a layout's key: another version may lay out otherwise

WIDTH = 760  # SVG user units (CSS pixels at full size): the width a graph is first fitted to
PAD = 12  # blank space around the drawing
SHRINK = 0.75  # a drawing shrinks with the page down to this share of its size, then scrolls sideways
SPACING = 130  # the ideal edge length of the layout, in SVG units
MIN_SPACING = 70  # a large graph is squeezed to fit WIDTH, down to this edge length, then widens
RADIUS = 8  # a node's size: the radius of its circle
FOCUS_RADIUS = 11  # the actor whose page it is, larger
FONT = 12  # a node's label
EDGE_FONT = 11  # a relation's phrase
CHAR_WIDTH = 6.6  # the width of one character of a 12-unit label, on average
LABEL_CHARS = 24  # a node's label is its name, cut to this many characters
CURVE = 26  # how far apart the edges between the same two actors bow, at their middle
ITERATIONS = 50  # of networkx's spring_layout (its default)
SEED = 10  # of its random start
TRIES = 12  # seeded starts tried for a part of the graph, the least tangled kept
TRIES_UP_TO = 60  # actors: a larger part is laid out once
NARROW = 20  # degrees: two lone edges leaving one actor closer than this are cramped
CLEARANCE = 0.5  # layout units: an actor nearer than this to a lone edge it is not on crowds it
SPARSE_FROM = 500  # actors: from this size networkx's spring_layout goes sparse and needs scipy
MIN_STEPS = 20  # ForceAtlas2's iterations for the largest parts (100, its default, at SPARSE_FROM)
SHARED_PULL = 0.3  # the weight of an edge between actors of the same event
GAP = 1.5  # between two separate parts of the graph, in layout units (one unit: one ideal edge)
# Layouts kept between builds, by the graph they lay out (as Jinja keeps compiled templates):
# a build, or `mkdocs serve` after an edit that moves no edge, reuses the positions.
LAYOUT_CACHE = "layouts"
# The last build's drawings, by what each is made from: a build of an unchanged briefing, or
# of one whose edit moved no edge, draws none again (a thousand-page build spends about 0.3 s
# drawing each actor's neighbourhood). One entry, replaced by each build that draws anew.
DRAWING_CACHE = "drawings"
INDEX_LIMIT = 100  # actors drawn on the actors index at most: those with the most edges
MAX_DRAWN = 20_000  # drawings kept in a process (`_drawn`); past this the memory is emptied
SPREAD_PASSES = 40  # at most this many passes that push overlapping labels apart
HALO = "stroke:var(--md-default-bg-color,#fff);stroke-width:3px;paint-order:stroke;stroke-linejoin:round"

# The actor kinds (schema ActorKind) in the legend's order, with their colours; a kind the schema
# does not know is drawn as a hollow circle.
KIND_COLOURS = {
    "country": PALETTE[0],
    "person": PALETTE[1],
    "organization": PALETTE[2],
    "group": PALETTE[3],
    "place": PALETTE[4],
}
OTHER_KIND = "other"

Point = tuple[float, float]
Edge = TypeVar("Edge")
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Relation:
    """One relation as an edge: actor ids and the phrase that reads "subject phrase target"."""

    source: str
    target: str
    phrase: str


@dataclass(frozen=True)
class Graph:
    """What every drawing of one briefing shares: the actors drawn, the edges, and where the
    layout put each actor (in layout units, one unit being the ideal length of an edge)."""

    actors: Mapping[str, ActorView]
    relations: tuple[Relation, ...]
    shared: dict[tuple[str, str], tuple[str, ...]]  # (a, b) with a < b -> the titles of their events
    positions: dict[str, Point]
    neighbours: dict[str, frozenset[str]]
    left_out: int  # actors with no relation and no shared event, not drawn
    relations_at: dict[str, tuple[Relation, ...]]  # actor id -> its relations, in `relations` order
    shared_at: dict[str, tuple[tuple[str, str], ...]]  # actor id -> its pairs, in `shared` order


# ---------------------------------------------------------------------------- the graph's edges


def relations_of(actors: Mapping[str, ActorView]) -> tuple[Relation, ...]:
    """Every relation between two actors of the mapping, once, in the order of the actors and
    their sheets; a relation of an actor with itself has no edge to draw."""
    found: dict[Relation, None] = {}
    for actor in actors.values():
        for rel in actor.relations_out:
            source, target = id_of(rel.subject), id_of(rel.target)
            if source != target and source in actors and target in actors:
                found.setdefault(Relation(source, target, rel.phrase), None)
    return tuple(found)


def shared_events(actors: Mapping[str, ActorView]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Each pair of actors that take part in the same event (ids in order) -> the titles of the
    events they share, in timeline order as the actors' lists have them."""
    taking_part: dict[str, dict[str, None]] = defaultdict(dict)
    titles: dict[str, str] = {}
    for aid, actor in actors.items():
        for part in actor.events:
            eid = id_of(part.event)
            taking_part[eid][aid] = None
            titles[eid] = part.event.text
    pairs: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    for eid, ids in taking_part.items():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)][titles[eid]] = None
    return {pair: tuple(events) for pair, events in sorted(pairs.items())}


def neighbours_of(
    relations: Iterable[Relation], shared: Iterable[tuple[str, str]]
) -> dict[str, frozenset[str]]:
    """Each actor with an edge -> the actors at the other end of its edges."""
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in [*((r.source, r.target) for r in relations), *shared]:
        near[a].add(b)
        near[b].add(a)
    return {aid: frozenset(ids) for aid, ids in sorted(near.items())}


# ---------------------------------------------------------------------------- the layout


def layout_graph(weights: Mapping[tuple[str, str], float], sizes: Mapping[tuple[str, str], int]) -> nx.Graph:
    """The actors with an edge as a networkx graph, each pair once, with its pull as `weight` and
    how many edges the drawing bows between the two as `edges` (1 when `sizes` does not say). Nodes
    and edges go in sorted, so that networkx (which keeps insertion order) lays out the same graph
    the same way whatever PYTHONHASHSEED is."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted({aid for pair in weights for aid in pair}))
    graph.add_edges_from((a, b, {"weight": w, "edges": sizes.get((a, b), 1)})
                         for (a, b), w in sorted(weights.items()))
    return graph


def cached_layout(weights: Mapping[tuple[str, str], float], sizes: Mapping[tuple[str, str], int],
                  folder: Path | None = None) -> dict[str, Point]:
    """`lay_out(layout_graph(weights, sizes))`, read back when this very graph (its actors,
    edges, weights, the layout's settings and networkx's version) was laid out before, else
    computed and kept (`generator.cache`, in `folder`, by default the user's private `layouts`
    folder). Positions go through JSON unchanged (floats round-trip exactly), so a kept layout
    draws byte for byte what a computed one does. A build that finds its layout never executes
    networkx (nor numpy, which its layouts use): about 0.2 s."""
    folder = folder if folder is not None else layout_folder()
    key = layout_key(weights, sizes)
    kept = cache.read_bytes(folder, key)
    if kept is not None:
        try:
            return {aid: (x, y) for aid, (x, y) in json.loads(kept).items()}
        except (ValueError, TypeError):
            pass
    positions = lay_out(layout_graph(weights, sizes))
    cache.write_bytes(folder, key, json.dumps(positions).encode("utf-8"))
    return positions


def layout_folder() -> Path | None:
    """Where layouts are kept: the user's private `layouts` folder (None when there is none)."""
    return cache.private_folder(LAYOUT_CACHE)


def layout_key(weights: Mapping[tuple[str, str], float], sizes: Mapping[tuple[str, str], int]) -> str:
    """The cache key of a layout: everything `layout_graph` and `lay_out` make it from."""
    nodes = sorted({aid for pair in weights for aid in pair})
    edges = [(a, b, w, sizes.get((a, b), 1)) for (a, b), w in sorted(weights.items())]
    settings = [TRIES, TRIES_UP_TO, SEED, ITERATIONS, NARROW, CLEARANCE, SPARSE_FROM, MIN_STEPS, GAP,
                NETWORKX]
    return cache.key_of(json.dumps([nodes, edges, settings]))


def lay_out(graph: nx.Graph) -> dict[str, Point]:
    """Every actor of the layout graph placed, in layout units: each connected part (networkx's
    `connected_components`, largest first, then by id) by `untangled`, the parts packed."""
    parts = sorted((sorted(part) for part in nx.connected_components(graph)), key=lambda p: (-len(p), p[0]))
    return pack([untangled(part_of(graph, part)) for part in parts])


def part_of(graph: nx.Graph, ids: list[str]) -> nx.Graph:
    """One connected part (`ids`, sorted) as a graph of its own, nodes and edges in sorted order.
    Not `graph.subgraph(ids)`: a subgraph view of less than half the graph iterates its nodes in
    the order of a set, which changes with PYTHONHASHSEED, and the layout with it."""
    part = nx.Graph()
    part.add_nodes_from(ids)
    part.add_edges_from(sorted((min(a, b), max(a, b), data) for a, b, data in graph.edges(ids, data=True)))
    return part


def spring(part: nx.Graph, seed: int = SEED) -> dict[str, Point]:
    """One connected part laid out by networkx's seeded Fruchterman-Reingold (`spring_layout`),
    in layout units, the top-left at (0, 0). networkx works in a unit square with an ideal edge of
    k = 1/√n, and an edge of weight w rests at k·w^(-1/3); times √n, that is w^(-1/3) units.
    From SPARSE_FROM actors `spring_layout` needs scipy, so such a part is laid out by networkx's
    ForceAtlas2 (numpy only) instead and scaled so that its median edge is one unit."""
    n = len(part)
    if n < SPARSE_FROM:
        raw = nx.spring_layout(part, seed=seed, weight="weight", iterations=ITERATIONS, scale=None)
        unit = 1 / math.sqrt(n)
    else:  # each of ForceAtlas2's iterations costs n² here: fewer of them as the part grows
        steps = max(MIN_STEPS, min(ITERATIONS * 2, int(ITERATIONS * 2 * (SPARSE_FROM / n) ** 2)))
        raw = nx.forceatlas2_layout(part, seed=seed, weight="weight", max_iter=steps)
        unit = statistics.median(math.dist(raw[a], raw[b]) for a, b in part.edges) or 1.0
    left = min(float(x) for x, _ in raw.values())
    top = min(float(y) for _, y in raw.values())
    return {aid: ((float(x) - left) / unit, (float(y) - top) / unit) for aid, (x, y) in raw.items()}


def untangled(part: nx.Graph) -> dict[str, Point]:
    """The best of TRIES seeded layouts of a part, the one whose straight edges cross least, leave
    their actors least cramped and run past fewest other actors (ties to the first seed): a
    force-directed layout can settle in a tangle that another start avoids. A part of more than
    TRIES_UP_TO actors is laid out once, to keep the build fast."""
    if len(part) > TRIES_UP_TO:
        return spring(part)
    edges = sorted(part.edges)
    tries = [spring(part, SEED + k) for k in range(TRIES)]
    return min(tries, key=lambda pos: crossings(pos, edges) + cramped(pos, part) + crowded(pos, part))


def crossings(pos: Mapping[str, Point], edges: list[tuple[str, str]]) -> int:
    """How many pairs of edges, drawn straight, cross (edges meeting at an actor do not count)."""
    count = 0
    for n, (a, b) in enumerate(edges):
        for c, d in edges[n + 1 :]:
            if len({a, b, c, d}) == 4 and _cross(pos[a], pos[b], pos[c], pos[d]):
                count += 1
    return count


def cramped(pos: Mapping[str, Point], part: nx.Graph) -> int:
    """How many pairs of edges leave an actor too few degrees apart, so that they and their
    phrases would run together: NARROW for two lone edges, more for bundles of bowed ones (the
    mean of their `edges` counts times NARROW)."""
    angles: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for a, b, size in sorted(part.edges(data="edges", default=1)):
        (ax, ay), (bx, by) = pos[a], pos[b]
        angles[a].append((math.degrees(math.atan2(by - ay, bx - ax)), size))
        angles[b].append((math.degrees(math.atan2(ay - by, ax - bx)), size))
    count = 0
    for around in angles.values():
        for n, (first, one) in enumerate(around):
            count += sum(abs((first - other + 180) % 360 - 180) < NARROW * (one + two) / 2
                         for other, two in around[n + 1 :])
    return count


def crowded(pos: Mapping[str, Point], part: nx.Graph) -> int:
    """How many actors sit near an edge they are not on, its label and phrases then running into
    the edge's: nearer than CLEARANCE to a lone edge, more to a bundle of bowed ones (half as much
    again for each further edge)."""
    count = 0
    for a, b, size in sorted(part.edges(data="edges", default=1)):
        room = CLEARANCE * (1 + (size - 1) / 2)
        count += sum(_distance_to_segment(pos[c], pos[a], pos[b]) < room for c in part if c not in (a, b))
    return count


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    length2 = (bx - ax) ** 2 + (by - ay) ** 2 or 1.0
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length2))
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segment pq properly crosses segment rs: each one's ends lie on both sides of the other."""
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0


def pack(parts: list[dict[str, Point]]) -> dict[str, Point]:
    """The laid-out parts side by side in rows (largest first), GAP apart, the rows about as wide
    as the whole is tall times two, since a page is wider than it is tall."""
    if not parts:
        return {}
    sizes = [_extent(p.values()) for p in parts]
    area = sum((w + GAP) * (h + GAP) for w, h in sizes)
    row_width = max(max(w for w, _ in sizes), math.sqrt(2 * area))
    placed: dict[str, Point] = {}
    x = y = row_height = 0.0
    for part, (w, h) in zip(parts, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        placed.update({aid: (px + x, py + y) for aid, (px, py) in part.items()})
        x += w + GAP
        row_height = max(row_height, h)
    return placed


def _extent(points: Iterable[Point]) -> tuple[float, float]:
    xs, ys = zip(*points, strict=True)
    return max(xs) - min(xs), max(ys) - min(ys)


def edge_weights(relations: Iterable[Relation], shared: Mapping[tuple[str, str], tuple[str, ...]]
                 ) -> dict[tuple[str, str], float]:
    """How strongly each pair pulls together. In this layout an edge of weight w rests at length
    w^(-1/3), so a relation's weight is chosen for it to rest long enough to write its longest
    phrase between the two nodes; a shared event pulls more loosely (it rests at about 1.5), so
    that co-participants cluster but relations lead."""
    weights: dict[tuple[str, str], float] = {pair: SHARED_PULL for pair in shared}
    for rel in relations:
        length = max(1.0, (CHAR_WIDTH * len(rel.phrase) + 4 * RADIUS) / SPACING)
        pair = _pair(rel.source, rel.target)
        weights[pair] = min(weights.get(pair, 1.0), length**-3)
    return dict(sorted(weights.items()))


def bundle_sizes(
    relations: Iterable[Relation], shared: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """How many edges join each pair of actors (relations either way, and one for shared events)."""
    sizes: dict[tuple[str, str], int] = defaultdict(int)
    for pair in [*(_pair(r.source, r.target) for r in relations), *shared]:
        sizes[pair] += 1
    return dict(sizes)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


_memo: list[Graph] = []  # the graph of the last actors mapping drawn (one build's)
_drawn: dict[str, str] = {}  # digest of a drawing_key -> SVG: drawings made or read back here
_used: set[str] = set()  # the digests drawn since the drawings were last kept (one build's)
_fresh: set[str] = set()  # those of them drawn, not read back


def graph_of(actors: Mapping[str, ActorView]) -> Graph:
    """The graph and its layout for `actors`, made once per mapping: the pages of one build all
    pass the same mapping, so the layout is computed once, not once per page."""
    if _memo and _memo[0].actors is actors:
        return _memo[0]
    relations = relations_of(actors)
    shared = shared_events(actors)
    neighbours = neighbours_of(relations, shared)
    positions = cached_layout(edge_weights(relations, shared), bundle_sizes(relations, shared))
    graph = Graph(actors, relations, shared, positions, neighbours, len(actors) - len(neighbours),
                  edges_at(relations, lambda r: (r.source, r.target)), edges_at(tuple(shared), lambda p: p))
    _memo[:] = [graph]
    return graph


def edges_at(edges: tuple[Edge, ...], ends: Callable[[Edge], tuple[str, str]]) -> dict[str, tuple[Edge, ...]]:
    """Each actor's edges, in the order of `edges`: an actor's page draws its own edges without
    going through every edge of the briefing (which made the pages cost n squared)."""
    found: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges:
        for end in dict.fromkeys(ends(edge)):
            found[end].append(edge)
    return {aid: tuple(mine) for aid, mine in found.items()}


# ---------------------------------------------------------------------------- fitting to a page


def label_of(actor: ActorView) -> str:
    return shorten(actor.name, LABEL_CHARS)


def box_of(point: Point, label: str, radius: float = RADIUS) -> Box:
    """The space a node takes: its shape, and its label centred below it."""
    x, y = point
    half = max(radius, CHAR_WIDTH * len(label) / 2 + 2)
    return (x - half, y - radius - 2, x + half, y + radius + FONT + 5)


def fit(points: Mapping[str, Point]) -> dict[str, Point]:
    """Layout units to SVG units: SPACING per unit, squeezed to fit WIDTH (less room for the
    labels at the sides) but never below MIN_SPACING, the top-left node at (0, 0)."""
    width, _ = _extent(points.values())
    room = WIDTH - 2 * PAD - CHAR_WIDTH * LABEL_CHARS
    scale = SPACING if width * SPACING <= room else max(MIN_SPACING, room / width)
    left = min(x for x, _ in points.values())
    top = min(y for _, y in points.values())
    return {aid: ((x - left) * scale, (y - top) * scale) for aid, (x, y) in points.items()}


def spread(
    points: dict[str, Point], labels: Mapping[str, str], radii: Mapping[str, float]
) -> dict[str, Point]:
    """Nodes moved apart until no node's shape or label covers another's (or SPREAD_PASSES is
    reached): each overlapping pair is pushed apart along the axis where they overlap least.
    Pairs are found by sweeping the boxes left to right, in a fixed order, so it stays
    deterministic and near O(n log n) for a sparse drawing."""
    pos = dict(points)
    ids = sorted(pos)
    for _ in range(SPREAD_PASSES):
        boxes = {aid: box_of(pos[aid], labels[aid], radii[aid]) for aid in ids}
        order = sorted(ids, key=lambda aid: (boxes[aid][0], aid))
        moved = False
        for n, a in enumerate(order):
            for b in order[n + 1 :]:
                if boxes[b][0] >= boxes[a][2]:
                    break
                moved |= _push_apart(pos, boxes, a, b)
        if not moved:
            break
    return pos


def _push_apart(pos: dict[str, Point], boxes: Mapping[str, Box], a: str, b: str) -> bool:
    """Moves a and b apart by half their overlap each (plus a unit), if their boxes overlap."""
    (al, at, ar, ab), (bl, bt, br, bb) = boxes[a], boxes[b]
    across = min(ar, br) - max(al, bl)
    down = min(ab, bb) - max(at, bt)
    if across <= 0 or down <= 0:
        return False
    (ax, ay), (bx, by) = pos[a], pos[b]
    if down <= across:
        shift = (down + 1) / 2 * (1 if by >= ay else -1)
        pos[a], pos[b] = (ax, ay - shift), (bx, by + shift)
    else:
        shift = (across + 1) / 2 * (1 if bx >= ax else -1)
        pos[a], pos[b] = (ax - shift, ay), (bx + shift, by)
    return True


def view_box(points: Mapping[str, Point], labels: Mapping[str, str], radii: Mapping[str, float]) -> Box:
    """The drawing's frame: every node and label inside, with room around for a bowed edge and
    its phrase. The page shows it at its own size (one unit a CSS pixel) or smaller, never
    larger, so that text keeps one size from drawing to drawing."""
    boxes = [box_of(points[aid], labels[aid], radii[aid]) for aid in points]
    room = PAD + EDGE_FONT
    return (min(b[0] for b in boxes) - room, min(b[1] for b in boxes) - room,
            max(b[2] for b in boxes) + room, max(b[3] for b in boxes) + room)


# ---------------------------------------------------------------------------- drawing


def node_shape(kind: str, x: float, y: float, r: float) -> str:
    """The mark of an actor kind centred on (x, y): a country a square, a person a circle, an
    organization a diamond, a group a triangle, a place a map pin; any other a hollow circle."""
    colour = KIND_COLOURS.get(kind)
    if colour is None:
        return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="none" stroke="currentColor" '
                f'stroke-width="2"/>')
    paint = f'fill="{colour}" style="stroke:var(--md-default-bg-color,#fff)" stroke-width="1.5"'
    if kind == "person":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'
    if kind == "place":  # a map pin: a point below, a round head above
        head = r * 0.85
        return (f'<path d="M{x:.1f} {y + r * 1.2:.1f}L{x - r * 0.8:.1f} {y:.1f}A{head:.1f} {head:.1f} 0 1 1 '
                f'{x + r * 0.8:.1f} {y:.1f}Z" {paint}/>')
    corners = {
        "country": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        "organization": [(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)],
        "group": [(0, -1.15), (1.15, 0.9), (-1.15, 0.9)],
    }[kind]
    points = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in corners)
    return f'<polygon points="{points}" {paint}/>'


def draw_node(actor: ActorView, at: Point, url: str, radius: float, focus: bool) -> str:
    """An actor as a link to its page: its shape, its name below it, its name and kind in <title>."""
    x, y = at
    title = f"<title>{escape_text(f'{actor.name} ({actor.kind})')}</title>"
    ring = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius + 4:.1f}" fill="none" stroke="currentColor" '
            f'stroke-width="1.5"/>') if focus else ""
    weight = ' font-weight="bold"' if focus else ""
    text = (f'<text x="{x:.1f}" y="{y + radius + FONT + 1:.1f}" text-anchor="middle" '
            f'font-size="{FONT}"{weight} fill="currentColor" style="{HALO}">'
            f"{escape_text(label_of(actor))}</text>")
    current = ' aria-current="page"' if focus else ""
    return (f'<a href="{escape(url)}" class="node"{current}>{title}{ring}'
            f"{node_shape(actor.kind, x, y, radius)}{text}</a>")


@dataclass(frozen=True)
class Curve:
    """An edge as a quadratic Bézier curve, in SVG units: from `start` towards `control`, to `end`."""

    start: Point
    control: Point
    end: Point

    def at(self, t: float) -> Point:
        (x0, y0), (cx, cy), (x1, y1) = self.start, self.control, self.end
        u = 1 - t
        return u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1

    def angle(self, t: float) -> float:
        """The direction of the curve at t, in degrees, turned to read left to right."""
        (x0, y0), (cx, cy), (x1, y1) = self.start, self.control, self.end
        dx = 2 * (1 - t) * (cx - x0) + 2 * t * (x1 - cx)
        dy = 2 * (1 - t) * (cy - y0) + 2 * t * (y1 - cy)
        return slope((0.0, 0.0), (dx, dy))

    @property
    def bowed(self) -> bool:
        (x0, y0), (cx, cy), (x1, y1) = self.start, self.control, self.end
        return abs((x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0)) > 1e-6

    def path(self) -> str:
        (x0, y0), (cx, cy), (x1, y1) = self.start, self.control, self.end
        return f"M{x0:.1f} {y0:.1f}Q{cx:.1f} {cy:.1f} {x1:.1f} {y1:.1f}"


def bow(start: Point, end: Point, offset: float, trim: tuple[float, float]) -> Curve:
    """An edge from start to end bowed sideways by `offset` at its middle (straight when 0), its
    ends trimmed by `trim` so that it stops at the nodes' edges."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = (y0 - y1) / length, (x1 - x0) / length  # the unit normal, to the left going forward
    control = (x0 + x1) / 2 + 2 * nx * offset, (y0 + y1) / 2 + 2 * ny * offset  # the middle bows by offset
    return Curve(_toward(start, control, trim[0]), control, _toward(end, control, trim[1]))


def _toward(point: Point, to: Point, distance: float) -> Point:
    length = math.hypot(to[0] - point[0], to[1] - point[1]) or 1.0
    share = distance / length
    return point[0] + (to[0] - point[0]) * share, point[1] + (to[1] - point[1]) * share


class Occupied:
    """The parts of a drawing already covered by a node, its label or an edge's phrase, as cells
    of CELL units, so a phrase can be put where it covers the least."""

    def __init__(self, boxes: Iterable[Box]):
        self.cells: set[tuple[int, int]] = set()
        for left, top, right, bottom in boxes:
            self.cells.update((i, j) for i in range(_cell(left), _cell(right) + 1)
                              for j in range(_cell(top), _cell(bottom) + 1))

    def hits(self, points: Iterable[Point]) -> int:
        cells, floor = self.cells, math.floor  # _cell inlined: this runs for every phrase tried
        return sum(1 for x, y in points if (floor(x / CELL), floor(y / CELL)) in cells)

    def take(self, points: Iterable[Point]) -> None:
        self.cells.update((math.floor(x / CELL), math.floor(y / CELL)) for x, y in points)


CELL = 5.0  # the side of one cell of `Occupied`, in SVG units
INNER_COST = 6  # a phrase inside a bowed edge would cut the curve: worth this many covered points
PHRASE_AT = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)  # where along its edge a phrase may go, best first


def _cell(value: float) -> int:
    return math.floor(value / CELL)


def phrase_points(at: Point, angle: float, phrase: str, above: bool) -> list[Point]:
    """Points spread over the space a phrase takes, written centred on `at` along `angle`, just
    above the line (or just below it)."""
    half = CHAR_WIDTH * 0.9 * len(phrase) / 2
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    steps = range(-math.ceil(half / CELL), math.ceil(half / CELL) + 1)
    heights = (4, 9) if above else (-4, -9)
    return [(at[0] + ux * s * CELL + uy * h, at[1] + uy * s * CELL - ux * h) for s in steps for h in heights]


def _outward_is_above(curve: Curve, at: Point, angle: float) -> bool:
    """Whether "above" a phrase written at `at` is the side the edge bows to: a straight phrase on
    that side clears the curve, on the other it would cut it. True for a straight edge."""
    up = math.sin(math.radians(angle)), -math.cos(math.radians(angle))
    return (curve.control[0] - at[0]) * up[0] + (curve.control[1] - at[1]) * up[1] >= -1e-9


def place_phrase(curve: Curve, phrase: str, occupied: Occupied) -> tuple[Point, float, bool]:
    """Where along the edge, and on which side of it, its phrase covers the fewest nodes, labels
    and phrases (the middle, on the side the edge bows to, when nothing is in the way), at which
    angle; the place is then taken."""
    best: tuple[int, Point, float, bool, list[Point]] | None = None
    for t in PHRASE_AT:
        at, angle = curve.at(t), curve.angle(t)
        outward = _outward_is_above(curve, at, angle)
        for above in (outward, not outward):
            points = phrase_points(at, angle, phrase, above)
            hits = occupied.hits(points) + (INNER_COST if above != outward and curve.bowed else 0)
            if best is None or hits < best[0]:
                best = (hits, at, angle, above, points)
            if hits == 0:
                occupied.take(points)
                return at, angle, above
    assert best is not None
    occupied.take(best[4])
    return best[1], best[2], best[3]


def offsets(count: int) -> list[float]:
    """How far each of `count` edges between the same two actors bows: 0 for a lone edge, else
    spread evenly on both sides."""
    return [(i - (count - 1) / 2) * CURVE for i in range(count)]


def draw_relation(rel: Relation, graph: Graph, curve: Curve, occupied: Occupied) -> tuple[str, str]:
    """A relation as an arrow from subject to target with its phrase in <title>; and, apart, its
    phrase written along the arrow, just above it, where it covers least (drawn later, over the
    other edges)."""
    said = f"{graph.actors[rel.source].name} {rel.phrase} {graph.actors[rel.target].name}"
    line = (f'<g class="relation"><title>{escape_text(said)}</title><path d="{curve.path()}" fill="none" '
            f'stroke="currentColor" stroke-width="1.5" marker-end="url(#briefing-graph-arrow)"/></g>')
    (x, y), angle, above = place_phrase(curve, rel.phrase, occupied)
    baseline = y - 3 if above else y + EDGE_FONT
    label = (f'<text x="{x:.1f}" y="{baseline:.1f}" text-anchor="middle" font-size="{EDGE_FONT}" '
             f'transform="rotate({angle:.0f} {x:.1f} {y:.1f})" fill="currentColor" '
             f'style="{HALO}">{escape_text(rel.phrase)}</text>')
    return line, label


def slope(start: Point, end: Point) -> float:
    """The angle of the line from start to end in degrees, turned to read left to right
    (between -90 and 90), so a phrase written along it is never upside down."""
    angle = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
    if angle > 90:
        return angle - 180
    if angle <= -90:
        return angle + 180
    return angle


def draw_shared(pair: tuple[str, str], graph: Graph, curve: Curve) -> str:
    """Two actors of the same events as a light dashed line, the events named in <title>."""
    a, b = pair
    said = f"{graph.actors[a].name} and {graph.actors[b].name}, both in: {'; '.join(graph.shared[pair])}"
    return (f'<g class="shared"><title>{escape_text(said)}</title><path d="{curve.path()}" fill="none" '
            f'stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="4 3"/></g>')


ARROW = (
    '<defs><marker id="briefing-graph-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" '
    'markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="currentColor"/>'
    "</marker></defs>"
)


def edges_shown(graph: Graph, ids: Iterable[str], focus: str | None
                ) -> tuple[list[Relation], list[tuple[str, str]]]:
    """The edges among the nodes drawn (on an actor's page only its own, as the page lists them:
    the others are on the actors index)."""
    drawn = set(ids)
    relations = graph.relations if focus is None else graph.relations_at.get(focus, ())
    pairs = tuple(graph.shared) if focus is None else graph.shared_at.get(focus, ())
    return ([r for r in relations if r.source in drawn and r.target in drawn],
            [p for p in pairs if p[0] in drawn and p[1] in drawn])


def draw_edges(graph: Graph, pos: Mapping[str, Point], shown: tuple[list[Relation], list[tuple[str, str]]],
               radii: Mapping[str, float]) -> tuple[list[str], list[str]]:
    """The edges shown (see edges_shown), the edges of one pair bowed apart; and the phrases."""
    relations, shared = shown
    by_pair: dict[tuple[str, str], list[Relation | tuple[str, str]]] = defaultdict(list)
    for pair in shared:
        by_pair[pair].append(pair)
    for rel in relations:
        by_pair[_pair(rel.source, rel.target)].append(rel)
    occupied = Occupied(box_of(pos[aid], label_of(graph.actors[aid]), radii[aid]) for aid in pos)
    lines, labels = [], []
    for pair, edges in by_pair.items():
        for edge, offset in zip(edges, offsets(len(edges)), strict=True):
            if isinstance(edge, Relation):
                a, b = edge.source, edge.target
                sign = 1 if a < b else -1  # offsets are measured one way for both directions of a pair
                curve = bow(pos[a], pos[b], offset * sign, (radii[a] + 2, radii[b] + 4))
                line, label = draw_relation(edge, graph, curve, occupied)
                lines.append(line)
                labels.append(label)
            else:
                lines.insert(0, draw_shared(pair, graph, bow(pos[pair[0]], pos[pair[1]], offset, (0, 0))))
    return lines, labels


def legend(kinds: Iterable[str], shared: bool) -> str:
    """The kinds drawn, each with its mark, and the two kinds of edge, as an HTML list."""
    marks = [(node_shape(k, 8, 8, 6), k) for k in [*KIND_COLOURS, OTHER_KIND] if k in set(kinds)]
    marks.append(('<path d="M1 8H13" stroke="currentColor" stroke-width="1.5"/>'
                  '<path d="M10 4L15 8L10 12z" fill="currentColor"/>', "relation (arrow from subject)"))
    if shared:
        marks.append(('<path d="M1 8H15" stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="4 3"/>',
                      "in the same event"))
    return legend_list(marks, "Actor kinds and edges", size=16)


def draw(graph: Graph, ids: Iterable[str], href: Callable[[str], str], focus: str | None, label: str) -> str:
    """The nodes `ids` at their places in the layout, fitted to the page, with their edges; a
    drawing made before in this process from the same parts is reused (under `mkdocs serve`, an
    edit redraws only the drawings whose actors, edges or layout it changed)."""
    ids = sorted(ids)
    edges = edges_shown(graph, ids, focus)
    key = cache.key_of(drawing_key(graph, ids, href, focus, label, edges))
    if not _drawn:  # the first drawing of this process: the last build's are read back
        _drawn.update(read_drawings(drawing_folder()))
    svg = _drawn.get(key)
    if svg is None:
        if len(_drawn) > MAX_DRAWN:
            _drawn.clear()
        svg = _drawn[key] = draw_svg(graph, ids, href, focus, label, edges)
        _fresh.add(key)
    _used.add(key)
    return svg


def keep_drawings(folder: Path | None = None) -> None:
    """Keep the drawings drawn since the last call (a build's) for the next build, in `folder`
    (by default the user's private `drawings` folder: `generator.cache`), when any of them
    was drawn anew. Called once a build has drawn its pages (`pages.render_pages`)."""
    used = {key: _drawn[key] for key in sorted(_used) if key in _drawn}
    fresh = bool(_fresh & used.keys())
    _used.clear()
    _fresh.clear()
    if fresh:
        data = {"code": drawing_code(), "drawings": used}
        folder = folder if folder is not None else drawing_folder()
        cache.write_bytes(folder, DRAWING_CACHE, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def read_drawings(folder: Path | None) -> dict[str, str]:
    """The kept drawings, when they were made by this very drawing code (else none)."""
    kept = cache.read_bytes(folder, DRAWING_CACHE)
    try:
        data = json.loads(kept) if kept is not None else {}
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("code") != drawing_code():
        return {}
    drawings = data.get("drawings")
    return drawings if isinstance(drawings, dict) else {}


def drawing_folder() -> Path | None:
    """Where drawings are kept: the user's private `drawings` folder (None when there is none)."""
    return cache.private_folder(DRAWING_CACHE)


@lru_cache(maxsize=1)
def drawing_code() -> str:
    """A digest of the code that draws (this module, the shapes and colours of svg.py): a
    drawing kept by another version of it is never read."""
    here = Path(__file__).parent
    return cache.key_of((here / "graph.py").read_bytes(), (here / "svg.py").read_bytes())


def drawing_key(graph: Graph, ids: list[str], href: Callable[[str], str], focus: str | None, label: str,
                edges: tuple[list[Relation], list[tuple[str, str]]]) -> str:
    """Everything a drawing is made from: each node's name, kind, link and place, the edges."""
    nodes = [(aid, a.name, a.kind, href(a.link.path or ""), graph.positions[aid])
             for aid, a in ((aid, graph.actors[aid]) for aid in ids)]
    relations, shared = edges
    parts = [focus, label, nodes, [(r.source, r.target, r.phrase) for r in relations],
             [(pair, graph.shared[pair]) for pair in shared]]
    return json.dumps(parts, ensure_ascii=False)


def draw_svg(graph: Graph, ids: list[str], href: Callable[[str], str], focus: str | None, label: str,
             edges: tuple[list[Relation], list[tuple[str, str]]]) -> str:
    labels = {aid: label_of(graph.actors[aid]) for aid in ids}
    radii = {aid: FOCUS_RADIUS if aid == focus else RADIUS for aid in ids}
    pos = spread(fit({aid: graph.positions[aid] for aid in ids}), labels, radii)
    left, top, right, bottom = view_box(pos, labels, radii)
    lines, phrases = draw_edges(graph, pos, edges, radii)
    nodes = [draw_node(graph.actors[aid], pos[aid], href(graph.actors[aid].link.path or ""), radii[aid],
                       aid == focus) for aid in ids]
    return (
        f'<div style="overflow-x:auto"><svg viewBox="{left:.0f} {top:.0f} {right - left:.0f} '
        f'{bottom - top:.0f}" style="display:block;margin:0 auto;width:{right - left:.0f}px;max-width:100%;'
        f'min-width:{(right - left) * SHRINK:.0f}px" role="group" '
        f'aria-label="{escape_text(label)}" class="briefing-graph">'
        f"{ARROW}{''.join(lines)}{''.join(phrases)}{''.join(nodes)}</svg></div>"
    )


def neighbourhood(graph: Graph, focus: str) -> list[str]:
    """The actor and the actors it has an edge with: its relations' other ends, its co-participants."""
    return sorted({focus, *graph.neighbours.get(focus, ())})


def most_connected(graph: Graph, limit: int) -> list[str]:
    """The actors the index draws: all with an edge, or the `limit` with the most (ties by id).
    A briefing of many articles can have a thousand actors; drawn together they are a tangle
    nobody reads, and placing their labels costs more than the rest of the build."""
    ranked = sorted(graph.positions, key=lambda aid: (-len(graph.neighbours.get(aid, ())), aid))
    return sorted(ranked[:limit])


def caption(graph: Graph, drawn: int) -> str:
    """What the whole graph leaves out, in words."""
    linked = len(graph.positions)
    text = f"{linked} actor{'s' if linked != 1 else ''} with a relation or a shared event."
    if drawn < linked:
        text = (f"The {drawn} actors with the most relations and shared events, of the {linked} that have "
                "any; each actor's page draws its own.")
    if graph.left_out:
        text += (f" {graph.left_out} other{'s' if graph.left_out != 1 else ''}, with neither, "
                 f"{'are' if graph.left_out != 1 else 'is'} listed below but not drawn.")
    return f"<p><small>{escape_text(text)}</small></p>"


def draw_graph(
    actors: Mapping[str, ActorView], href: Callable[[str], str], focus: str | None = None
) -> Markup:
    """The actors as nodes, relations as labelled directed edges, shared events as light edges;
    the whole graph, or `focus`'s neighbourhood. `href` turns an actor page's docs path
    ("actors/x.md") into a URL from the page the drawing is on. Empty when there is nothing to
    draw: no relation and no shared event (for `focus`: none of its own)."""
    graph = graph_of(actors)
    if focus is None:
        ids = most_connected(graph, INDEX_LIMIT)
        label, notes = "The actors, their relations and shared events", caption(graph, len(ids))
    elif focus in graph.neighbours:
        ids = neighbourhood(graph, focus)
        label, notes = f"{actors[focus].name}, its relations and the actors of its events", ""
    else:
        ids = []
    if not ids:
        return Markup("")
    keys = {actors[aid].kind if actors[aid].kind in KIND_COLOURS else OTHER_KIND for aid in ids}
    shared = bool(graph.shared if focus is None else graph.shared_at.get(focus))
    svg = draw(graph, ids, href, focus, label)
    return drawing(svg, legend(keys, shared), notes)
