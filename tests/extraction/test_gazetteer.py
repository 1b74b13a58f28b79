"""The offline gazetteer: place names to kind, country and coordinates (GeoNames data)."""

from __future__ import annotations

import pytest

import generator.extraction.gazetteer as gazetteer_module
from generator.extraction.gazetteer import Place, fold, place


def test_a_city_has_its_country_and_coordinates():
    found = place("Tegucigalpa")
    assert found is not None
    kind, country, lat, lon = found
    assert (kind, country) == ("city", "Honduras")
    assert lat == pytest.approx(14.1, abs=0.2) and lon == pytest.approx(-87.2, abs=0.2)


def test_other_spellings_and_accents_find_the_same_city():
    assert place("Kharkov") == place("Kharkiv")
    assert place("Marrakech").country == "Morocco"  # GeoNames' own name is "Marrakesh"
    assert place("Bogota") == place("Bogotá")


def test_the_most_populous_of_two_cities_wins():
    assert place("Valencia").country == "Venezuela"  # a smaller Valencia lies in Spain


def test_countries_are_named_as_the_world_data_names_them():
    assert place("Czechia").country == "Czech Republic"
    assert place("Palestine").kind == "country"  # not the town in Texas
    assert place("Hebron").country == "Palestine"
    assert place("Lebanon").kind == "country"  # the country before the US towns of that name


def test_states_counties_and_continents():
    assert place("Vermont").kind == "state"
    assert place("Marion County") == Place("county", "United States", None, None)
    assert place("Africa").kind == "continent"


def test_names_that_are_no_places():
    assert place("Vodafone") is None
    assert place("Doodah") is None  # a joke name of a city (Wichita) in its alternate names
    assert place("valencia") is None  # case matters


def test_fold_strips_accents_only():
    assert fold("Zürich") == "Zurich"
    assert fold("Bogotá") == "Bogota"
    assert fold("Tegucigalpa") == "Tegucigalpa"


def test_the_index_is_kept_between_runs_and_read_back(tmp_path, monkeypatch):
    folder = tmp_path / "gazetteer"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(gazetteer_module.cache, "private_folder", lambda kind: folder)
    gazetteer_module.load_gazetteer.cache_clear()
    try:
        built = gazetteer_module.load_gazetteer().place("Vienna")
        kept = list(folder.iterdir())
        assert len(kept) == 1
        # what is kept is names and places, not the entries that chose between places
        # (reading those back took 0.38 s a process instead of 0.05 s)
        assert b"_Entry" not in kept[0].read_bytes()
        monkeypatch.setattr(gazetteer_module.Gazetteer, "__init__", lambda *a: pytest.fail("built again"))
        gazetteer_module.load_gazetteer.cache_clear()
        assert gazetteer_module.load_gazetteer().place("Vienna") == built
    finally:
        gazetteer_module.load_gazetteer.cache_clear()
