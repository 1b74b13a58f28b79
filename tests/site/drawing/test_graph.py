"""The relationship graph: nodes by kind with links and titles, every relation an arrow with its
phrase, shared events as light edges, a deterministic layout made once, the neighbourhood of an
actor cropped from it; on hand-built actor views."""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import os
import re
import statistics
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.site.drawing import graph as graph_module
from generator.site.drawing.graph import (
    Curve,
    Occupied,
    box_of,
    cramped,
    crossings,
    crowded,
    draw_graph,
    graph_of,
    lay_out,
    layout_graph,
    offsets,
    place_phrase,
    slope,
    spread,
    spring,
    untangled,
)
from generator.site.labels import date_label
from generator.site.model import ActorView, DateInfo, Evidence, Link, Participation, RelationView


def view(aid: str, kind: str = "country", name: str | None = None) -> ActorView:
    name = name or aid.capitalize()
    return ActorView(aid, Link(name, f"actors/{aid}.md"), name, kind, [], None, Evidence())


def relate(actors: dict[str, ActorView], subject: str, phrase: str, target: str) -> None:
    rel = RelationView(actors[subject].link, phrase, actors[target].link, None, Evidence())
    actors[subject].relations_out.append(rel)
    actors[target].relations_in.append(rel)


def take_part(actors: dict[str, ActorView], event: str, *ids: str) -> None:
    link = Link(f"Event {event}", f"events/{event}.md")
    undated = DateInfo(None, date_label(None), None, None)
    for aid in ids:
        actors[aid].events.append(Participation(actors[aid].link, link, "party", undated))


def href(path: str) -> str:
    return "../" + path.removesuffix(".md") + "/"


def briefing() -> dict[str, ActorView]:
    """Russia mediates with Armenia and Azerbaijan, who fight; Putin leads Russia; Turkey and
    Azerbaijan meet in one event; Geneva (a place) is alone."""
    actors = {a.id: a for a in [view("russia"), view("armenia"), view("azerbaijan"), view("turkey"),
                                view("putin", "person", "Vladimir Putin"), view("geneva", "place")]}
    relate(actors, "russia", "mediates with", "armenia")
    relate(actors, "russia", "mediates with", "azerbaijan")
    relate(actors, "armenia", "fights", "azerbaijan")
    relate(actors, "azerbaijan", "fights", "armenia")
    relate(actors, "putin", "is the leader of", "russia")
    take_part(actors, "talks", "turkey", "azerbaijan")
    return actors


def titles(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", svg)]


def test_every_relation_is_an_arrow_with_its_phrase_written_and_in_its_title():
    svg = str(draw_graph(briefing(), href))
    assert svg.count('marker-end="url(#briefing-graph-arrow)"') == 5
    said = titles(svg)
    for sentence in ["Russia mediates with Armenia", "Russia mediates with Azerbaijan",
                     "Armenia fights Azerbaijan", "Azerbaijan fights Armenia",
                     "Vladimir Putin is the leader of Russia"]:
        assert sentence in said
    written = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    assert written.count("fights") == 2 and "is the leader of" in written


def test_the_arrowhead_is_a_marker_in_the_text_colour():
    svg = str(draw_graph(briefing(), href))
    marker = re.search(r'<marker id="briefing-graph-arrow".*?</marker>', svg)
    assert marker and 'fill="currentColor"' in marker.group(0) and 'orient="auto' in marker.group(0)


def test_each_node_links_to_its_actor_page_with_its_name_and_kind():
    svg = str(draw_graph(briefing(), href))
    links = re.findall(r'<a href="([^"]+)" class="node"[^>]*><title>([^<]*)</title>', svg)
    assert {(url, html.unescape(t)) for url, t in links} >= {
        ("../actors/russia/", "Russia (country)"), ("../actors/putin/", "Vladimir Putin (person)")}
    assert len(links) == 5  # Geneva has no edge


def test_the_whole_graph_says_how_many_actors_it_leaves_out():
    text = html.unescape(str(draw_graph(briefing(), href)))
    assert "5 actors with a relation or a shared event" in text
    assert "1 other, with neither, is listed below but not drawn" in text


def test_actors_of_one_event_share_a_light_edge_naming_it():
    svg = str(draw_graph(briefing(), href))
    shared = re.findall(r'<g class="shared"><title>([^<]*)</title><path [^>]*stroke-dasharray', svg)
    assert [html.unescape(t) for t in shared] == ["Azerbaijan and Turkey, both in: Event talks"]


def test_shapes_tell_kinds_apart_and_the_legend_names_each_kind_drawn():
    svg = str(draw_graph(briefing(), href))
    russia = svg[svg.index('href="../actors/russia/"'):]
    putin = svg[svg.index('href="../actors/putin/"'):]
    assert russia.index("<polygon") < russia.index("</a>")  # a country is a square
    assert putin.index("<circle") < putin.index("</a>")  # a person is a circle
    legend = svg[svg.index('class="briefing-legend"'):]
    assert "country" in legend and "person" in legend and "place" not in legend
    assert "in the same event" in legend


def test_content_is_escaped():
    actors = briefing()
    actors["russia"] = view("russia", name="<script>alert(1)</script>")
    relate(actors, "russia", "<b>backs</b>", "armenia")
    svg = str(draw_graph(actors, href))
    assert "<script>" not in svg and "<b>" not in svg
    assert "<script>alert(1)</script> <b>backs</b> Armenia" in titles(svg)


def test_an_actor_page_shows_its_neighbourhood_from_the_same_layout():
    actors = briefing()
    whole = str(draw_graph(actors, href))
    near = str(draw_graph(actors, href, focus="putin"))
    assert re.findall(r'href="\.\./actors/(\w+)/"', near) == ["putin", "russia"]
    assert 'aria-current="page"' in near and "aria-current" not in whole
    assert "Russia mediates with Armenia" not in titles(near)
    russia = titles(str(draw_graph(actors, href, focus="russia")))
    assert "Russia mediates with Armenia" in russia and "Vladimir Putin is the leader of Russia" in russia
    assert "Armenia fights Azerbaijan" not in russia  # between two neighbours: on the index only
    turkey = str(draw_graph(actors, href, focus="turkey"))
    assert re.findall(r'href="\.\./actors/(\w+)/"', turkey) == ["azerbaijan", "turkey"]


@pytest.fixture(autouse=True)
def fresh_layout_cache(tmp_path, monkeypatch):
    """Each test lays out and draws afresh: the layouts and drawings kept between builds go
    to its own folders."""
    folder = tmp_path / "layouts"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(graph_module, "layout_folder", lambda: folder)
    drawings = tmp_path / "drawings"
    drawings.mkdir(mode=0o700)
    monkeypatch.setattr(graph_module, "drawing_folder", lambda: drawings)
    for name, empty in (("_drawn", {}), ("_used", set()), ("_fresh", set())):
        monkeypatch.setattr(graph_module, name, empty)


def a_new_process(monkeypatch) -> None:
    """As if the next build ran in a new process: nothing drawn or read in memory."""
    graph_module._memo.clear()
    monkeypatch.setattr(graph_module, "_drawn", {})


def draw_every_page(actors) -> str:
    return str(draw_graph(actors, href)) + "".join(str(draw_graph(actors, href, focus=a)) for a in actors)


def test_drawings_are_kept_between_builds_and_read_back_unchanged(tmp_path, monkeypatch):
    first = draw_every_page(briefing())
    graph_module.keep_drawings()
    assert [p.name for p in (tmp_path / "drawings").iterdir()] == [graph_module.DRAWING_CACHE]
    a_new_process(monkeypatch)
    monkeypatch.setattr(graph_module, "draw_svg", lambda *args: pytest.fail("drawn again"))
    assert draw_every_page(briefing()) == first
    kept = (tmp_path / "drawings" / graph_module.DRAWING_CACHE).stat().st_mtime_ns
    graph_module.keep_drawings()  # nothing drawn anew: nothing written
    assert (tmp_path / "drawings" / graph_module.DRAWING_CACHE).stat().st_mtime_ns == kept


def test_an_edit_draws_again_only_the_drawings_it_changes(monkeypatch):
    draw_every_page(briefing())
    graph_module.keep_drawings()
    a_new_process(monkeypatch)
    actors = briefing()
    actors["turkey"] = replace(actors["turkey"], name="Türkiye")
    drawn = []
    real = graph_module.draw_svg
    monkeypatch.setattr(graph_module, "draw_svg", lambda *args: drawn.append(args[3]) or real(*args))
    draw_every_page(actors)
    assert sorted(drawn, key=str) == sorted([None, "azerbaijan", "turkey"], key=str)  # those showing Turkey


def test_drawings_kept_by_other_drawing_code_are_not_read(tmp_path, monkeypatch):
    draw_every_page(briefing())
    graph_module.keep_drawings()
    monkeypatch.setattr(graph_module, "drawing_code", lambda: "another version")
    assert graph_module.read_drawings(tmp_path / "drawings") == {}
    (tmp_path / "drawings" / graph_module.DRAWING_CACHE).write_text("not json")
    assert graph_module.read_drawings(tmp_path / "drawings") == {}


def test_a_layout_is_kept_between_builds_and_read_back_unchanged(tmp_path, monkeypatch):
    graph_module._memo.clear()
    first = str(draw_graph(briefing(), href))
    assert len(list((tmp_path / "layouts").iterdir())) == 1
    monkeypatch.setattr(graph_module, "lay_out", lambda *args: pytest.fail("laid out again"))
    graph_module._memo.clear()
    assert str(draw_graph(briefing(), href)) == first


def test_a_cache_folder_others_can_write_is_not_trusted(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    weights = {("a", "b"): 1.0}
    (shared / graph_module.layout_key(weights, {})).write_text('{"a": [0, 0], "b": [0, 0]}')
    assert graph_module.cached_layout(weights, {}, shared) == lay_out(layout_graph(weights, {}))


def test_the_layout_is_made_once_per_mapping(monkeypatch):
    actors = briefing()
    calls = []
    real = graph_module.cached_layout
    monkeypatch.setattr(graph_module, "cached_layout", lambda *args: calls.append(1) or real(*args))
    graph_module._memo.clear()
    draw_graph(actors, href)
    for aid in actors:
        draw_graph(actors, href, focus=aid)
    assert len(calls) == 1
    draw_graph(dict(actors), href)  # a new mapping, a new build
    assert len(calls) == 2


def test_the_same_briefing_draws_the_same_svg_byte_for_byte():
    first = str(draw_graph(briefing(), href)) + str(draw_graph(briefing(), href, focus="russia"))
    second = str(draw_graph(briefing(), href)) + str(draw_graph(briefing(), href, focus="russia"))
    assert first == second


def test_nothing_to_draw_draws_nothing():
    actors = briefing()
    assert str(draw_graph(actors, href, focus="geneva")) == ""
    assert str(draw_graph({"geneva": view("geneva", "place")}, href)) == ""


def test_edges_between_the_same_two_actors_bow_apart():
    assert offsets(1) == [0.0]
    assert offsets(2) == [-offsets(2)[1], offsets(2)[1]] and offsets(2)[1] > 0
    svg = str(draw_graph(briefing(), href))

    def bend(title: str) -> float:
        """How far the control point of the edge titled so lies off the line between its ends."""
        d = re.search(rf"<title>{title}</title><path d=\"([^\"]+)\"", svg).group(1)
        x0, y0, cx, cy, x1, y1 = map(float, re.findall(r"-?[\d.]+", d))
        return ((x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0)) / math.hypot(x1 - x0, y1 - y0)

    assert bend("Vladimir Putin is the leader of Russia") == pytest.approx(0, abs=0.2)
    there, back = bend("Armenia fights Azerbaijan"), bend("Azerbaijan fights Armenia")
    assert abs(there) > 10 and abs(back) > 10
    assert there * back > 0  # drawn in opposite directions, so bowing to opposite sides shows as one sign


@pytest.mark.parametrize(("end", "angle"), [((10, 0), 0), ((-10, 0), 0), ((0, 10), 90), ((-10, -10), 45)])
def test_a_phrase_along_an_edge_is_never_upside_down(end, angle):
    assert slope((0, 0), end) == pytest.approx(angle)


def test_spring_layout_keeps_linked_actors_closer_than_unlinked_ones():
    chain = layout_graph({("a", "b"): 1.0, ("b", "c"): 1.0, ("c", "d"): 1.0}, {})
    pos = spring(chain)
    assert math.dist(pos["a"], pos["b"]) < math.dist(pos["a"], pos["d"])
    assert 0.5 < math.dist(pos["a"], pos["b"]) < 2  # about one layout unit: one ideal edge
    assert pos == spring(layout_graph({("c", "d"): 1.0, ("b", "c"): 1.0, ("a", "b"): 1.0}, {}))


def test_a_part_too_large_for_dense_spring_layout_is_laid_out_without_scipy(monkeypatch):
    monkeypatch.setattr(graph_module, "SPARSE_FROM", 4)  # the real threshold, 500 actors, is slow to test
    ring = layout_graph({(f"n{i}", f"n{(i + 1) % 8}"): 1.0 for i in range(8)}, {})
    pos = spring(ring)
    assert statistics.median(math.dist(pos[a], pos[b]) for a, b in ring.edges) == pytest.approx(1)
    assert min(x for x, _ in pos.values()) == 0 and min(y for _, y in pos.values()) == 0


def test_separate_parts_are_laid_out_apart():
    pos = lay_out(layout_graph({("a", "b"): 1.0, ("c", "d"): 1.0, ("c", "e"): 1.0}, {}))
    def extent(ids):
        xs, ys = [pos[i][0] for i in ids], [pos[i][1] for i in ids]
        return min(xs), min(ys), max(xs), max(ys)
    (al, at, ar, ab), (cl, ct, cr, cb) = extent("ab"), extent("cde")
    assert ar < cl or cr < al or ab < ct or cb < at


def test_spread_moves_nodes_until_no_label_covers_another():
    labels = {"a": "A long name here", "b": "Another long name"}
    radii = {"a": 8, "b": 8}
    pos = spread({"a": (100.0, 100.0), "b": (110.0, 104.0)}, labels, radii)
    (al, at, ar, ab), (bl, bt, br, bb) = box_of(pos["a"], labels["a"]), box_of(pos["b"], labels["b"])
    assert min(ar, br) <= max(al, bl) or min(ab, bb) <= max(at, bt)


def test_graph_of_counts_each_relation_once():
    actors = briefing()
    relate(actors, "russia", "mediates with", "armenia")  # said in two sheets
    assert len(graph_of(actors).relations) == 5


def test_crossing_edges_are_counted_and_edges_meeting_at_an_actor_are_not():
    square = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (1.0, 1.0), "d": (0.0, 1.0)}
    assert crossings(square, [("a", "c"), ("b", "d")]) == 1
    assert crossings(square, [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")]) == 0


def test_the_layout_kept_is_the_least_tangled_of_its_tries():
    ids = list("abcdefgh")
    weights = {(a, b): 1.0 for i, a in enumerate(ids) for b in ids[i + 1 :] if (ord(b) - ord(a)) in (1, 2, 3)}
    part = layout_graph(weights, {})
    edges = sorted(part.edges)
    tries = [spring(part, graph_module.SEED + k) for k in range(graph_module.TRIES)]
    def tangle(pos):
        return crossings(pos, edges) + cramped(pos, part) + crowded(pos, part)

    kept = untangled(part)
    assert kept in tries and tangle(kept) == min(map(tangle, tries))


def test_edges_leaving_an_actor_at_nearly_one_angle_are_cramped_and_bundles_need_more_room():
    pos = {"o": (0.0, 0.0), "a": (10.0, 0.0), "b": (10.0, 2.0), "c": (0.0, 10.0), "d": (10.0, 6.0)}
    assert cramped(pos, layout_graph({("a", "o"): 1, ("b", "o"): 1, ("c", "o"): 1}, {})) == 1  # 11 degrees
    assert cramped(pos, layout_graph({("a", "o"): 1, ("d", "o"): 1}, {})) == 0  # 31 degrees apart
    assert cramped(pos, layout_graph({("a", "o"): 1, ("d", "o"): 1}, {("a", "o"): 3, ("d", "o"): 2})) == 1


def crowd() -> dict[str, ActorView]:
    """Thirty actors with long names in a ring with chords and an event, a graph that needs
    spreading; and, apart, three small parts (smaller than half the graph, which networkx's
    subgraph views iterate in set order)."""
    actors = {f"a{i}": view(f"a{i}", name=f"The Long Named Actor Number {i}") for i in range(30)}
    actors |= {aid: view(aid, "organization") for aid in ["b1", "b2", "b3", "c1", "c2", "d1", "d2"]}
    relate(actors, "b1", "funds", "b2")
    relate(actors, "b3", "funds", "b2")
    relate(actors, "c2", "funds", "c1")
    take_part(actors, "meeting", "d1", "d2")
    for i in range(30):
        relate(actors, f"a{i}", "supports", f"a{(i + 1) % 30}")
        if i % 3 == 0:
            relate(actors, f"a{i}", "opposes", f"a{(i * 7 + 4) % 30}")
    take_part(actors, "summit", "a1", "a5", "a9", "a13")
    return actors


def test_an_actor_near_an_edge_it_is_not_on_crowds_it_and_a_bundle_needs_more_room():
    pos = {"a": (0.0, 0.0), "b": (4.0, 0.0), "c": (2.0, 0.4), "d": (2.0, 0.6), "e": (6.0, 0.2)}
    lone, bundle = layout_graph({("a", "b"): 1.0}, {}), layout_graph({("a", "b"): 1.0}, {("a", "b"): 3})
    for part in (lone, bundle):
        part.add_nodes_from("cde")
    assert crowded(pos, lone) == 1  # c; d is 0.6 off it; e lies past its end
    assert crowded(pos, bundle) == 2  # c and d


def test_no_node_or_label_covers_another():
    svg = str(draw_graph(crowd(), href))
    nodes = re.findall(r'class="node">.*?<text x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]*)</text>', svg)
    assert len(nodes) == 37
    boxes = [box_of((float(x), float(y) - graph_module.RADIUS - graph_module.FONT - 1), html.unescape(t))
             for x, y, t in nodes]
    for (al, at, ar, ab), (bl, bt, br, bb) in itertools.combinations(boxes, 2):
        assert min(ar, br) - max(al, bl) <= 1 or min(ab, bb) - max(at, bt) <= 1


def test_the_svg_does_not_depend_on_the_hash_seed():
    """networkx keeps insertion order and sets do not: the nodes and edges go in sorted."""
    script = ("import hashlib; import tests.site.drawing.test_graph as t; "
              "from generator.site.drawing.graph import draw_graph; "
              "svg = str(draw_graph(t.crowd(), t.href)) + str(draw_graph(t.crowd(), t.href, focus='a1')); "
              "print(hashlib.sha256(svg.encode()).hexdigest())")
    root = Path(__file__).resolve().parents[3]
    runs = [subprocess.run([sys.executable, "-c", script], cwd=root, check=True, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    digests = {run.stdout for run in runs}
    here = str(draw_graph(crowd(), href)) + str(draw_graph(crowd(), href, focus="a1"))
    assert digests == {hashlib.sha256(here.encode()).hexdigest() + "\n"}


def test_a_phrase_moves_off_a_node_that_sits_on_its_edge():
    line = Curve((0.0, 0.0), (100.0, 0.0), (200.0, 0.0))
    free = place_phrase(line, "supports", Occupied([]))
    assert free == ((100.0, 0.0), 0.0, True)
    blocked = place_phrase(line, "supports", Occupied([(80.0, -20.0, 120.0, 20.0)]))
    assert abs(blocked[0][0] - 100) > 20


def test_the_index_draws_the_most_connected_actors_when_there_are_too_many(monkeypatch):
    monkeypatch.setattr(graph_module, "INDEX_LIMIT", 3)
    graph_module._memo.clear()
    svg = html.unescape(str(draw_graph(briefing(), href)))
    drawn = re.findall(r'<a href="\.\./actors/([^/]+)/" class="node"', svg)
    # Azerbaijan and Russia (3 neighbours each) and Armenia (2) before Putin and Turkey (1 each)
    assert sorted(drawn) == ["armenia", "azerbaijan", "russia"]
    assert "The 3 actors with the most relations and shared events, of the 5 that have any" in svg
    assert "each actor's page draws its own" in svg
    page = html.unescape(str(draw_graph(briefing(), href, focus="putin")))
    assert "../actors/putin/" in page  # an actor left off the index still has its own drawing
