"""The map of places: the TopoJSON decoder on hand-built topologies, the view's zoom, pins that
link, count and stay apart, the shipped base map and GeoNames lookups; on hand-built views."""

from __future__ import annotations

import html
import math
import re

import pytest

from generator.site.drawing.map import (
    BASEMAP,
    CLIP,
    COUNTRY_COLOUR,
    HEIGHT,
    MIN_SPAN,
    WIDTH,
    Pin,
    Spot,
    clip,
    decode_arcs,
    decode_countries,
    draw_map,
    frame,
    label_spots,
    load_basemap,
    locate_names,
    path_of,
    place_pins,
    ring,
    ring_of,
    unwrap,
)
from generator.site.model import ActorView, DateInfo, EventView, Evidence, Link

SPOTS = {
    "Moscow": Spot(55.75, 37.62, "RU"),
    "Geneva": Spot(46.20, 6.15, "CH"),
    "Russia": Spot(55.75, 37.62, "RU", capital=True),
    "Stepanakert": Spot(39.82, 46.75, "AZ"),
}


def fake_locate(names):
    return {n: SPOTS[n] for n in names if n in SPOTS}


def actor(aid: str, name: str, kind: str = "place", aliases: tuple[str, ...] = ()) -> ActorView:
    return ActorView(aid, Link(name, f"actors/{aid}.md"), name, kind, list(aliases), None, Evidence())


def event(eid: str, place: str | None) -> EventView:
    where = Link(place.title(), f"actors/{place}.md") if place else None
    return EventView(eid, Link(eid, f"events/{eid}.md"), eid, "consult", DateInfo(None, "", None, None),
                     where, None, [], Evidence())


def href(path: str) -> str:
    return "../" + path.removesuffix(".md") + "/"


def draw(actors, events=()) -> str:
    return str(draw_map({a.id: a for a in actors}, {e.id: e for e in events}, href, locate=fake_locate))


# --- TopoJSON --------------------------------------------------------------------------------------

TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2], "translate": [10, -20]},
    "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]],
             [[4, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "004", "properties": {"name": "A"}},
        {"type": "MultiPolygon", "arcs": [[[2]], [[~1, ~0]]], "properties": {"name": "B"}},
    ]}},
}


def test_arcs_are_delta_decoded_then_transformed():
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10, -20), (11, -20), (11, -16)]
    assert arcs[1] == [(11, -16), (10, -16), (10, -20)]


def test_an_unquantized_topology_has_absolute_positions():
    assert decode_arcs({"arcs": [[[1.5, 2.5], [3.0, 4.0]]]}) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_a_ring_joins_its_arcs_and_a_negative_index_reverses_one():
    arcs = decode_arcs(TOPOLOGY)
    assert ring_of([0, 1], arcs) == ((10, -20), (11, -20), (11, -16), (10, -16), (10, -20))
    assert ring_of([~1, ~0], arcs) == ((10, -20), (10, -16), (11, -16), (11, -20), (10, -20))


def test_polygons_and_multipolygons_become_countries_with_code_and_name():
    a, b = decode_countries(TOPOLOGY)
    assert (a.code, a.name, len(a.rings)) == ("004", "A", 1)
    assert (b.code, b.name, len(b.rings)) == ("", "B", 2)
    assert b.rings[0].points[0] == (12, -20) and b.rings[0].box == (12, -20, 13, -16)


def test_a_ring_across_the_antimeridian_is_made_continuous():
    points = unwrap(((170, 60), (180, 60), (-175, 62), (-180, 65), (175, 65), (170, 60)))
    steps = [abs(b[0] - a[0]) for a, b in zip(points, points[1:], strict=False)]
    assert max(steps) < 180 and max(p[0] for p in points) == 185


def test_a_ring_round_the_pole_is_closed_along_it():
    closed = unwrap(((-180, -80), (-60, -70), (60, -75), (180, -80), (-180, -80)))
    assert closed[-2:] == ((closed[-3][0], -90.0), (-180, -90.0))


def test_a_ring_in_one_hemisphere_is_left_alone():
    points = ((10, 10), (20, 10), (20, 20), (10, 10))
    assert unwrap(points) == points


def test_clipping_cuts_a_ring_to_the_box():
    square = [(-10, -10), (50, -10), (50, 50), (-10, 50)]
    cut = clip(square, 0, (20, 30))
    assert {(round(x), round(y)) for x, y in cut} == {(0, 0), (20, 0), (20, 30), (0, 30)}
    assert clip([(100, 100), (110, 100), (110, 110)], 0, (20, 30)) == []


# --- the view ------------------------------------------------------------------------------------


def test_a_single_city_does_not_fill_the_map():
    view = frame([SPOTS["Geneva"]])
    assert view.north - view.south == pytest.approx(MIN_SPAN)
    assert view.project(6.15, 46.20) == pytest.approx((WIDTH / 2, HEIGHT / 2))


def test_the_view_holds_every_place_with_a_margin_in_the_drawing_proportions():
    spots = [SPOTS["Geneva"], Spot(38.9, -77.0, "US"), Spot(40.4, 49.9, "AZ")]
    view = frame(spots)
    for spot in spots:
        x, y = view.project(spot.lon, spot.lat)
        assert 0.1 * WIDTH < x < 0.9 * WIDTH and 0 < y < HEIGHT
    width = (view.east - view.west) * view.stretch
    assert width / (view.north - view.south) == pytest.approx(WIDTH / HEIGHT)


def test_a_path_keeps_to_the_frame_and_leaves_out_what_is_out_of_view():
    view = frame([SPOTS["Geneva"]])
    big = ring([(-60, 20), (60, 20), (60, 70), (-60, 70)])  # much larger than the view
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", path_of([big], view))]
    assert numbers and all(-CLIP - 0.1 <= n <= WIDTH + CLIP + 0.1 for n in numbers)
    assert path_of([ring([(150, -40), (160, -40), (160, -30)])], view) == ""


def test_a_pacific_briefing_is_framed_across_the_antimeridian():
    fiji, samoa = Spot(-18.1, 178.4, "FJ"), Spot(-13.8, -171.8, "WS")
    view = frame([fiji, samoa])
    assert view.east - view.west < 60
    xs = [view.project(s.lon, s.lat)[0] for s in (fiji, samoa)]
    assert all(0 < x < WIDTH for x in xs) and xs[0] < xs[1]  # Samoa east of Fiji
    samoa_land = ring([(-172.8, -13.5), (-171.4, -13.5), (-171.4, -14.1), (-172.8, -14.1)])
    assert path_of([samoa_land], view)  # land west of 180 is drawn east of it


# --- pins ----------------------------------------------------------------------------------------


def test_pins_at_one_spot_are_moved_apart():
    pins = [Pin(actor("moscow", "Moscow"), SPOTS["Moscow"], 3, "m"),
            Pin(actor("russia", "Russia", "country"), SPOTS["Russia"], 0, "r")]
    first, second = place_pins(pins, frame(p.spot for p in pins))
    assert math.dist(first, second) >= pins[0].radius + pins[1].radius


def test_a_label_moves_off_a_neighbour():
    pins = [Pin(actor(x, name), SPOTS["Geneva"], 0, x) for x, name in (("a", "Alpha"), ("b", "Beta"))]
    spots = label_spots(pins, [(300.0, 200.0), (330.0, 200.0)])
    assert spots[0][0] != "start"  # right of Alpha is Beta's pin
    assert spots[1] == ("start", 330.0 + pins[1].radius + 3, 204.0)


# --- the drawing ---------------------------------------------------------------------------------


def test_each_place_is_a_link_with_its_name_and_event_count():
    svg = draw([actor("moscow", "Moscow"), actor("geneva", "Geneva")],
               [event("talks", "moscow"), event("more-talks", "moscow"), event("elsewhere", None)])
    titles = [html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", svg)]
    assert "Moscow: 2 events" in titles and "Geneva: 0 events" in titles
    assert '<a href="../actors/moscow/" class="pin">' in svg
    assert re.search(r'fill="#fff">2</text>', svg)  # the count shows in the pin


def test_a_name_is_text_never_markup():
    svg = draw([actor("moscow", "Moscow <b>", aliases=("Moscow",))])
    assert "<b>" not in svg and "Moscow &lt;b&gt;" in svg


def test_an_alias_locates_a_place_its_name_does_not():
    svg = draw([actor("nk", "Nagorno-Karabakh", aliases=("Stepanakert",))])
    assert '<a href="../actors/nk/" class="pin">' in svg


def test_a_country_that_is_an_actor_is_shaded_and_linked():
    svg = draw([actor("russia", "Russia", "country")])
    assert re.search(rf'<a href="\.\./actors/russia/" class="country"><title>[^<]+</title><path d="M[^"]+" '
                     rf'fill="{COUNTRY_COLOUR}"', svg)
    assert "Russia (at its capital): 0 events" in html.unescape(svg)


def test_places_that_cannot_be_located_are_named_under_the_map():
    svg = draw([actor("moscow", "Moscow"), actor("atlantis", "Atlantis"), actor("putin", "Putin", "person")])
    note = svg[svg.index("Not on the map"):]
    assert '<a href="../actors/atlantis/">Atlantis</a>' in note and "Putin" not in svg


def test_no_located_place_draws_nothing():
    assert draw([actor("atlantis", "Atlantis"), actor("putin", "Putin", "person")]) == ""


def test_the_drawing_is_the_same_every_time():
    actors = [actor("moscow", "Moscow"), actor("geneva", "Geneva"), actor("russia", "Russia", "country")]
    events = [event("talks", "geneva")]
    assert draw(actors, events) == draw(list(reversed(actors)), events)


# --- the shipped data ----------------------------------------------------------------------------


def test_the_base_map_ships_with_its_licence_and_holds_the_world():
    countries = {c.name: c for c in load_basemap()}
    assert len(countries) > 170 and countries["Russia"].code == "643"
    assert (BASEMAP.parent / "LICENSE").exists() and (BASEMAP.parent / "README.md").exists()


def test_geonames_locates_cities_and_countries_at_their_capitals():
    found = locate_names(["Moscow", "United States", "the Netherlands", "Zürich", "Kiev",
                          "Nagorno-Karabakh"])
    assert found["Zürich"].country == "CH"  # GeoNames' file writes it "Z\\u00fcrich"
    assert "Kiev" not in found  # GeoNames' other names are not searched: an actor's aliases are
    assert found["Moscow"].country == "RU" and not found["Moscow"].capital
    washington = Spot(pytest.approx(38.9, abs=0.1), pytest.approx(-77.0, abs=0.1), "US", True)
    assert found["United States"] == washington  # the capital, not the English town
    assert found["the Netherlands"].country == "NL"
    assert "Nagorno-Karabakh" not in found
