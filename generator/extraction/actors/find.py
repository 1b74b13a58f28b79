"""Actors: who is named in the articles, each exactly once, with every mention resolved.

The statistical recognizer finds most names but mislabels some (a country as a person)
and cuts others short. So its spans are combined with phrase rules built from the world
data (countries, capitals, demonyms, organizations and their acronyms), the dependency
parse (a capital that acts is its government; a city after "in" is a place) and
cross-mention consistency (a name seen as a person twice and as an organization once is
a person).

The pass is split by idea, one module each, in the order the pass runs them:
`candidates.py` finds the names in each sentence (shaped by `spans.py` and, where
names stand in a list, `listed.py`, with the names found by their shape in
`phrases.py`), `mentions.py` adds, drops and splits candidates across the article,
`kinds.py` types each name from what it does and what the gazetteer knows of it
(`extraction/gazetteer.py`; states the world data does not know, `countries.py`),
`names.py` maps each candidate to the key of the actor it names (a company's,
`companies.py`), `speakers.py` makes group actors of unnamed speakers,
and `offices.py` reads the relations that titles and appositions state. This module
clusters the candidates into actor sheets and runs the pass.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from generator.extraction.actors.candidates import candidates_in
from generator.extraction.actors.kinds import described_as_person, retype
from generator.extraction.actors.mentions import (
    add_head_mentions,
    add_missed_mentions,
    add_surname_mentions,
    alias_keys,
    cover_backed,
    drop_families,
    drop_place_qualifiers,
    drop_portfolios,
    place_keys,
    split_country_from_person,
)
from generator.extraction.actors.names import organization_keys, person_keys, vote_kinds
from generator.extraction.actors.offices import (
    leaders_governments,
    media_relations,
    modifier_relations,
    organization_relations,
    title_relations,
)
from generator.extraction.actors.phrases import LED_LABEL
from generator.extraction.actors.scripts import add_script_names
from generator.extraction.actors.sourcelines import source_line_candidates, source_line_relations
from generator.extraction.actors.speakers import speaker_groups
from generator.extraction.actors.table import ActorTable, Candidate
from generator.extraction.sentence import Sentence
from generator.extraction.world import World, load_world
from generator.schema import Actor, SourceRef
from generator.text import QUOTE_CHARS, dateline_end, is_full_name, slugify, unique_id

MAX_SOURCES = 2


def is_furniture(text: str, world: World) -> bool:
    """Credits, bylines, share lines, table rows, and the site talking to its reader
    (newsletters, apps, subscriptions) outside a quotation: sentences that are not the story."""
    text = text.strip()
    return any(re.search(p, text) for p in world.rules["furniture"]) or talks_to_reader(text, world)


def talks_to_reader(text: str, world: World) -> bool:
    """"Get our newsletter", "Already a member? Sign in here." (`site_talk`), not
    inside a quotation."""
    quoted = any(q in text for q in QUOTE_CHARS)
    return not quoted and any(re.search(p, text) for p in world.rules["site_talk"])


def furniture_skips(sentences: list[Sentence], world: World) -> dict[int, int]:
    """Where each sentence's story starts (a character offset in its paragraph's Doc):
    after a dateline, or past its end for furniture. The site talking to its reader makes
    the rest of its paragraph furniture ("Subscribe now. ... Offer does not apply to Bank X")."""
    skips: dict[int, int] = {}
    chrome: tuple[str, int] | None = None  # (article, paragraph) where the site began to talk
    for i, s in enumerate(sentences):
        where = (s.article.id, s.paragraph)
        if chrome == where or is_furniture(s.text, world):
            skips[i] = s.span.end_char
            if chrome == where or talks_to_reader(s.text, world):
                chrome = where
            continue
        if s.span.start == 0:
            skips[i] = s.span.start_char + dateline_end(s.span.doc.text)
    return skips


# --- actor table ---------------------------------------------------------------------


def _cluster(c: Candidate) -> tuple[str, str]:
    kind = "organization" if c.kind == "group" else c.kind
    return (kind, c.key)


def _titled(c: Candidate, world: World) -> bool:
    """Is the name introduced by an honorific or a title ("Mr. Okafor", "President Marek")?"""
    if c.span.start == 0:
        return False
    before = c.span.doc[c.span.start - 1].lower_
    return before in world.honorifics or before in world.titles


def _keep(members: list[Candidate], world: World) -> bool:
    """Contextual names ("the North") need their country named elsewhere; a lone word
    taken for a person ("Hope", "Specs") needs a second mention, a title or a description
    of a person after it (`kinds.described_as_person`), since news introduces people by their full names."""
    if all(m.role == "contextual" for m in members):
        return False
    if members[0].kind == "person" and not is_full_name(members[0].key) and len(members) < 2:
        return any(_titled(m, world) or described_as_person(m.span, world) for m in members)
    return True


def build_actors(cands: list[Candidate], sentences: list[Sentence], world: World) -> ActorTable:
    """One sheet per cluster of candidates: named by the cluster's key (the world's
    canonical name, the fullest form of a person's name), with the kind most members
    have, the other names as aliases and the first sentences as sources."""
    table = ActorTable()
    clusters: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in cands:
        clusters[_cluster(c)].append(c)
    taken: set[str] = set()
    for members in clusters.values():
        if not _keep(members, world):
            continue
        name = members[0].key
        kinds = Counter(m.kind for m in members)
        kind = kinds.most_common(1)[0][0]
        actor_id = unique_id(slugify(name, "actor"), taken)
        taken.add(actor_id)
        aliases = []
        for m in members:
            if m.role in {"capital", "metonym", "contextual"}:
                continue
            if m.text.lower() != name.lower() and m.text not in aliases:
                aliases.append(m.text)
        sources = []
        for m in sorted(members, key=lambda m: m.sentence):
            s = sentences[m.sentence]
            ref = SourceRef(article=s.article.id, quote=s.text)
            if ref not in sources:
                sources.append(ref)
            if len(sources) >= MAX_SOURCES:
                break
        table.actors[actor_id] = Actor(id=actor_id, name=name, kind=kind, aliases=aliases, sources=sources)
        table.candidates += [(m, actor_id) for m in members]
    drop_shared_aliases(table.actors)
    return table


def kept_apart(table: ActorTable, named_first: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The person sheets kept apart because a short name came before the full name it
    fits (`names.person_keys`), as (id, other id, why): a person checks them with
    `briefing generate --explain`."""
    ids = {c.key: actor_id for c, actor_id in table.candidates if c.kind == "person"}
    out = []
    for short, full in named_first:
        if short in ids and full in ids and ids[short] != ids[full]:
            why = f"'{short}' is named before the article gives the full name '{full}', " \
                "and a short name joins only a full name given before it"
            out.append((ids[short], ids[full], why))
    return out


def drop_shared_aliases(actors: dict[str, Actor]) -> None:
    """A name that belongs to two sheets ("Marek" for Ivo and Lidia) names neither."""
    owners = Counter(a.lower() for actor in actors.values() for a in {*actor.aliases, actor.name})
    for actor in actors.values():
        actor.aliases = [a for a in actor.aliases if owners[a.lower()] == 1]


# --- the pass ------------------------------------------------------------------------


def find_actors(sentences: list[Sentence], world: World | None = None) -> ActorTable:
    """Every actor named in the sentences, merged across sentences and articles, with the
    relations their titles state. Sentences must come from Docs run through the world
    ruler (see `add_world_ruler`)."""
    world = world or load_world()
    skips = furniture_skips(sentences, world)
    cands: list[Candidate] = []
    for i, s in enumerate(sentences):
        cands += candidates_in(i, s.span, world, skip_until=skips.get(i, 0))
    cands = source_line_candidates(add_script_names(cands, sentences, skips, world), sentences, world)
    cands = split_country_from_person(drop_portfolios(cands, world), world)
    cands = drop_families(add_missed_mentions(cands, sentences, skips))
    cands = add_head_mentions(retype(cands, sentences, world), sentences, LED_LABEL)
    cover_backed(cands, world)
    vote_kinds(cands, world)
    place_keys(cands, world)
    cands = add_surname_mentions(drop_place_qualifiers(cands, world), sentences, skips, world)
    named_first = person_keys(cands, [s.article.id for s in sentences])
    organization_keys(cands, world)
    alias_keys(cands, sentences, world)
    cands += speaker_groups(cands, sentences, skips, world)
    table = build_actors(cands, sentences, world)
    table.apart = kept_apart(table, named_first)
    title_relations(table, sentences, world)
    organization_relations(table, sentences, world)
    media_relations(table, sentences, world)
    modifier_relations(table, sentences, world)
    leaders_governments(table, world)
    source_line_relations(table, sentences)
    return table
