"""World data: every country with its capitals, demonyms and other names, the main
international organizations with their acronyms, and titles of office (`data/world.yml`),
as lookup tables and as a span ruler that marks those names in a parsed text.

General data only: nothing here names the facts of one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.language import Language

from generator.datafiles import load_data
from generator.text import clean_name

RULER_NAME = "world_ruler"
SPANS_KEY = "world"


@dataclass(frozen=True)
class Known:
    """What a name from the world data stands for."""

    name: str  # the canonical name of the actor it points to
    kind: str  # country | organization | group
    role: str  # name | alias | demonym | capital | metonym | acronym | contextual


@dataclass
class World:
    """Lookup tables from the world data; surface forms are matched case-sensitively
    ("US" is a country, "us" is not)."""

    names: dict[str, Known]
    contextual: dict[str, Known]
    titles: dict[str, str]  # title words (lowercase) -> relation type
    not_actors: frozenset[str]
    rules: dict

    @cached_property
    def honorifics(self) -> frozenset[str]:
        """Honorifics and ranks before a name (`honorifics` in actor_rules.yml), lowercase."""
        return frozenset(h.lower() for h in self.rules["honorifics"])

    def lookup(self, text: str) -> Known | None:
        text = clean_name(text)
        shouted = text.title() if text.isupper() and len(text) > 4 else text  # "SWEDEN", "RUSSIA"
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):  # "U.S" when the tokenizer took the full stop
            shouted = text + "."
        return self.names.get(text) or self.names.get(shouted)

    def lookup_organization(self, text: str) -> Known | None:
        """A known organization named with its country in front ("U.S. Federal
        Reserve" is the Federal Reserve)."""
        words = clean_name(text).split()
        for cut in (1, 2, 3):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            known, org = self.names.get(head), self.names.get(rest)
            if known and known.kind == "country" and org and org.kind != "country":
                return org
        return None


def _demonym_forms(demonym: str) -> list[str]:
    """A demonym and its plural ("Armenian" -> "Armenians"); "Chinese" stays as it is."""
    forms = [demonym]
    if re.search(r"(an|i|k|n|e|b|h)$", demonym) and not demonym.endswith(("ese", "ss", "ish", "ch", "sh")) \
            and "." not in demonym and not demonym.isupper():
        forms.append(demonym + "s")
    return forms


def official_forms(name: str, forms: list[str]) -> list[str]:
    """A state's formal names ("Kingdom of Thailand", "Republic of Moldova"): each form of
    state before the short name, unless the name is already one ("Czech Republic")."""
    if any(word in name.split() for word in ("Republic", "Kingdom", "Union", "States", "Federation")):
        return []
    return [f"{form} {name}" for form in forms]


@lru_cache(maxsize=1)
def load_world() -> World:
    data = load_data("world")
    rules = load_data("actor_rules")
    names: dict[str, Known] = {}

    def put(surface: str, known: Known) -> None:
        names.setdefault(surface, known)
        if surface.startswith("The "):
            names.setdefault(surface[4:], known)

    for entry in data["countries"]:
        name = entry["name"]
        put(name, Known(name, "country", "name"))
        for alias in entry.get("aliases") or []:
            put(alias, Known(name, "country", "alias"))
    for entry in data["countries"]:  # after every listed alias: "Republic of China" is Taiwan's
        for form in official_forms(entry["name"], rules["state_forms"]):
            put(form, Known(entry["name"], "country", "alias"))
    for entry in data["countries"]:
        name = entry["name"]
        for capital in entry.get("capitals") or []:
            put(capital, Known(name, "country", "capital"))
        for demonym in entry.get("demonyms") or []:
            for form in _demonym_forms(demonym):
                put(form, Known(name, "country", "demonym"))
    for surface, country in (data.get("metonyms") or {}).items():
        put(surface, Known(country, "country", "metonym"))
    for entry in data["organizations"]:
        name, kind = entry["name"], entry.get("kind", "organization")
        put(name, Known(name, kind, "name"))
        for acronym in entry.get("acronyms") or []:
            put(acronym, Known(name, kind, "acronym"))
        for alias in entry.get("aliases") or []:
            put(alias, Known(name, kind, "alias"))
        for demonym in entry.get("demonyms") or []:
            put(demonym, Known(name, kind, "demonym"))
    contextual = {}
    for surface, country in (data.get("contextual") or {}).items():
        contextual[surface] = Known(country, "country", "contextual")
        contextual[surface[:1].upper() + surface[1:]] = Known(country, "country", "contextual")
    titles = {t.lower(): rel for rel, words in data["titles"].items() for t in words}
    return World(names, contextual, titles, frozenset(data.get("not_actors") or []), rules)


def add_world_ruler(nlp: Language, world: World | None = None) -> Language:
    """Add (once) a span ruler that marks every world-data name in `doc.spans["world"]`.
    It writes to its own span group, so the recognizer's `doc.ents` stay as they were."""
    if RULER_NAME in nlp.pipe_names:
        return nlp
    world = world or load_world()
    ruler = nlp.add_pipe("span_ruler", name=RULER_NAME, last=True,
                         config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "ORTH", "overwrite": True})
    patterns = [{"label": known.role, "pattern": surface} for surface, known in world.names.items()]
    patterns += [{"label": "contextual", "pattern": surface} for surface in world.contextual]
    # Phrase patterns matched on ORTH need only the tokenizer, but the span ruler runs every
    # earlier component (tagger, parser, NER) over each pattern's text unless they are off:
    # with them off, adding the ~10,000 world names takes 0.09 s instead of 3 s, and the
    # tokens, hence the matches, are the same.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
