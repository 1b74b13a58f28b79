"""Actors: who is named in the articles, each exactly once, with every mention resolved.

The statistical recognizer finds most names but mislabels some (a country as a person)
and cuts others short. So its spans are combined with phrase rules built from the world
data (countries, capitals, demonyms, organizations and their acronyms), the dependency
parse (a capital that acts is its government; a city after "in" is a place) and
cross-mention consistency (a name seen as a person twice and as an organization once is
a person).

The pass is split by idea: `world.py` holds the world data and its lookups, `names.py`
the name rules and the merging of mentions into one key, `offices.py` the relations that
titles and appositions state, `speakers.py` the group actors of unnamed speakers; this
module finds the candidates in each sentence, builds the sheets and runs the pass.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .names import (
    Candidate,
    _overlaps,
    add_missed_mentions,
    alias_keys,
    clean_name,
    drop_families,
    drop_place_qualifiers,
    drop_portfolios,
    initials,
    organization_keys,
    person_keys,
    place_keys,
    slugify,
    split_country_from_person,
    vote_kinds,
)
from .offices import leaders_governments, media_relations, organization_relations, title_relations
from .schema import Actor, Relation, SourceRef
from .speakers import speaker_groups
from .world import SPANS_KEY, Known, World, add_world_ruler, load_world

if TYPE_CHECKING:
    from .extract import Sentence

# the names other modules and the tests import from here
__all__ = ["ActorTable", "Candidate", "add_world_ruler", "capitalized_runs", "clean_name", "dateline_end",
           "drop_families", "drop_shared_aliases", "find_actors", "initials", "is_furniture", "load_world",
           "person_keys", "slugify"]

MAX_SOURCES = 2
HONORIFIC_TAILS = {"Rt", "Hon", "Rt.", "Hon."}
NOT_NAMES = {"VERB", "AUX", "ADV", "INTJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}


# --- candidates ----------------------------------------------------------------------


def is_furniture(text: str, world: World) -> bool:
    """Credits, bylines and share lines: sentences that are not the story."""
    return any(re.search(p, text.strip()) for p in world.rules["furniture"])


def dateline_end(text: str, world: World) -> int:
    """Where a dateline at the start of a paragraph ends (0 when there is none)."""
    match = re.match(world.rules["dateline"], text)
    return match.end() if match else 0


def raw_spans(sent: Span, world: World) -> list[tuple[Span, str, bool]]:
    """The recognizer's and the world ruler's spans in one sentence, overlaps resolved:
    the longer span wins, the world's on a tie. Returns (span, label, from_world)."""
    labels = set(world.rules["actor_labels"])
    ner = [(e, e.label_, False) for e in sent.doc.ents
           if e.label_ in labels and e.start >= sent.start and e.end <= sent.end]
    found = [(s, s.label_, True) for s in sent.doc.spans.get(SPANS_KEY, [])
             if s.start >= sent.start and s.end <= sent.end]
    defined = [(d, "ORG", False) for d in acronym_definitions(sent)]
    chosen: list[tuple[Span, str, bool]] = []
    for item in sorted(found + defined + ner, key=lambda x: (-(x[0].end - x[0].start), not x[2], x[0].start)):
        if not any(_overlaps(item[0], c[0]) for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda x: x[0].start)


def acronym_definitions(sent: Span) -> list[Span]:
    """Long names defined by the acronym in brackets after them, whether or not the
    recognizer saw them: "the Alliance for Rural Progress in Asia (ARPA)"."""
    doc, out = sent.doc, []
    for tok in sent:
        if tok.text != "(" or tok.i + 2 >= sent.end or doc[tok.i + 2].text != ")":
            continue
        acronym = doc[tok.i + 1].text.replace(".", "")
        if not (acronym.isupper() and 2 <= len(acronym) <= 8):
            continue
        for start in range(tok.i - 1, max(sent.start, tok.i - 14) - 1, -1):
            if not doc[start].is_title and not doc[start].is_upper:
                if doc[start].lower_ in {"of", "for", "and", "in", "on", "the", "to"}:
                    continue
                break
            candidate = doc[start:tok.i]
            if initials(candidate.text) == acronym:
                out.append(candidate)
                break
    return out


def _extend_organization(span: Span, world: World) -> Span | None:
    """A proper noun before an organization head noun is that organization's name
    ("the so-called Minsk group")."""
    doc = span.doc
    head = doc[span.end] if span.end < len(doc) else None
    if head is not None and head.text in world.rules["organization_heads"] and head.ent_iob_ != "B" \
            and span.root.dep_ == "compound" and span.root.head.i == span.end:
        return doc[span.start:span.end + 1]
    return None


def _known_organization(span: Span, world: World) -> Known | None:
    """A known organization before its head noun ("NATO alliance") is that organization;
    a capital before one ("Minsk group") is not its country."""
    known = world.lookup(clean_name(span.text))
    return known if known and known.kind != "country" else None


def _extend_to_acronym(span: Span) -> Span:
    """A long name the recognizer cut short before "(ACRONYM)" runs on to the bracket:
    "the Organization for Security and Co-operation | in Europe (OSCE)"."""
    doc = span.doc
    for stop in range(span.end, min(span.end + 5, len(doc))):
        if doc[stop].text == "(":
            if stop + 2 < len(doc) and doc[stop + 2].text == ")" and doc[stop + 1].text.isupper():
                tail = doc[span.end:stop]
                if len(tail) and all(t.is_title or t.lower_ in {"of", "for", "and", "in", "the", "on"}
                                     for t in tail) and tail[-1].is_title:
                    return doc[span.start:stop]
            break
        if not (doc[stop].is_title or doc[stop].lower_ in {"of", "for", "and", "in", "the", "on"}):
            break
    return span


def _with_country_modifier(span: Span, world: World) -> Span:
    """An organization with a country in front is one actor named in full:
    "the Russian Ministry of Foreign Affairs", "U.S. Treasury"."""
    doc = span.doc
    if span.start > 0:
        prev = doc[span.start - 1]
        known = world.lookup(prev.text)
        if known and known.kind == "country" and known.role in {"demonym", "name", "alias"} \
                and prev.whitespace_ and span[0].is_title:
            return doc[span.start - 1:span.end]
    return span


def _strip_honorifics(span: Span, world: World) -> Span:
    honorifics = {h.lower() for h in world.rules["honorifics"]}
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_ in honorifics
                                   or span.doc[start].lower_ in {"the", "former", "late"}):
        start += 1
    # two-word titles ("Prime Minister", "Vice President")
    while start < span.end - 2 and f"{span.doc[start].lower_} {span.doc[start + 1].lower_}" in honorifics:
        start += 2
    return span.doc[start:span.end]


def _governs(span: Span, world: World) -> bool:
    """Does a capital stand for its government here? Not when it is where something
    happens ("come to Moscow", "talks in Geneva"); yes when it acts, owns or is named
    beside other actors ("Baku and Yerevan have confirmed", "Moscow is trying")."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    rules = world.rules
    if token.dep_ == "pobj" and token.head.lower_ in rules["locative_prepositions"]:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in rules["directional_prepositions"]:
        return token.head.head.lemma_.lower() not in rules["movement_words"]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in rules["place_object_verbs"]:
        return False
    return token.dep_ not in {"compound", "appos"}


def _is_place_modifier(span: Span, world: World) -> bool:
    root = span.root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ in world.rules["place_heads"]


def _plausible_name(text: str, world: World) -> bool:
    """Not a name: empty, lowercase, a listed non-actor, a generic word ("Embassy"), a
    shouted word that is no acronym ("HAMILTON", a dateline or heading), digits, markup."""
    if not text or text in world.not_actors or not any(c.isupper() for c in text[:1]):
        return False
    if text in world.rules["generic_words"]:
        return False
    if text.isupper() and len(text.replace(".", "")) > 5 and " " not in text:
        return False
    if text.isupper() and " " in text and any(len(w) > 4 for w in text.split()) and not world.lookup(text):
        return False  # "BLACK DEATH PLAGUE": a shouted heading, not a known name ("NORTH KOREA")
    if text in world.rules["facility_heads"]:
        return False  # "Cathedral", "Church": a building's head noun cut from its name
    if any(ch.isdigit() for ch in text) or len(text) < 2:
        return False
    if re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]*", text):
        return False  # "R-Fla.", "D-N.Y.": a lawmaker's party and state
    return not re.search(r"[@#/\\|=<>{}]|https?:", text)


def candidates_in(index: int, sent: Span, world: World, skip_until: int = 0) -> list[Candidate]:
    """Every actor-like name in one sentence, each with a first guess at what it is."""
    out: list[Candidate] = []
    for span, label, from_world in raw_spans(sent, world):
        if span.start_char < skip_until:
            continue
        org = _extend_organization(span, world)
        if org is not None:
            text = clean_name(org.text)
            known = world.lookup(text) or _known_organization(span, world)  # "the NATO alliance"
            out.append(Candidate(index, org, text, known.kind if known else "organization",
                                 known.name if known else text, known.role if known else "ner", label))
            continue
        if from_world:
            text = clean_name(span.text)
            known = world.contextual.get(span.text) if label == "contextual" else world.lookup(text)
            if known is None:
                continue
            if known.role == "capital" and not _governs(span, world):
                out.append(Candidate(index, span, text, "place", text, "place", label))
                continue
            out.append(Candidate(index, span, text, known.kind, known.name, known.role, label))
            continue
        out.extend(_from_recognizer(index, span, label, world))
    return merge_bracketed_names(out)


def capitalized_runs(span: Span, world: World) -> list[Span]:
    """A recognizer span cut at its common lowercase words ("United States embassies"
    is "United States"; "UAE fund" is "UAE"); particles ("bin", "of", "al") stay."""
    keep = set(world.rules["lowercase_ok"])
    runs: list[Span] = []
    start = None
    for tok in span:
        inside = not tok.is_lower or tok.lower_ in keep or tok.is_punct and tok.text not in {",", ";"}
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            runs.append(span.doc[start:tok.i])
            start = None
    if start is not None:
        runs.append(span.doc[start:span.end])
    return [_trim(r) for r in runs if any(t.is_title or t.is_upper for t in r)]


def _trim(span: Span) -> Span:
    """Without lowercase words at either end ("the United States" -> "United States"), nor
    a capitalized "The" opening a sentence ("The U.S. Immigration ... Service" is the INS's
    long name only without it)."""
    start, end = span.start, span.end
    while start < end - 1 and (span.doc[start].is_lower or span.doc[start].lower_ == "the"):
        start += 1
    while end > start + 1 and span.doc[end - 1].is_lower:
        end -= 1
    return span.doc[start:end]


def _from_recognizer(index: int, span: Span, label: str, world: World) -> list[Candidate]:
    if label == "NORP":
        return []  # a demonym that is a country is in the world data; the rest are not actors
    span = _join_hyphens(span)
    runs = capitalized_runs(span, world)
    if len(runs) != 1 or len(runs[0]) != len(span):
        # pieces of a name cut at a lowercase word ("Brothers | to the | Rescue") are no
        # names of their own unless the world data knows them
        return [c for run in runs for c in _from_recognizer(index, run, label, world)
                if c.role not in {"ner", "place"} or len(runs) == 1]
    if label in {"ORG", "PERSON"}:
        cut = _after_position(span, world)
        if cut is not None:  # "Steelers QB Mason Rudolph": the person after the position
            return _from_recognizer(index, cut, "PERSON", world)
    if label == "ORG" and _titled_person(span, world):
        label = "PERSON"  # "Bishop Anna Lind" tagged as an organization
    if label == "ORG":
        while len(span) > 1 and (span[-1].lower_ in world.titles or span[-1].text in HONORIFIC_TAILS):
            span = span[:-1]  # "House of Representatives Speaker": the title is the person's
        if not _plausible_name(clean_name(span.text), world):
            return []
        span = _with_country_modifier(_extend_to_acronym(span), world)
    if label == "PERSON":
        span = _strip_honorifics(span, world)
    text = clean_name(span.text)
    if not _plausible_name(text, world) or (len(span) == 1 and span[0].pos_ in NOT_NAMES):
        return []  # a lone word the tagger takes for a verb, adverb, interjection ("Please")
    known = world.lookup(text) or world.lookup_organization(text)
    if not known and len(span) > 1 and span[-1].text in world.rules["facility_heads"]:
        inner = world.lookup(span[:-1].text)
        if inner and inner.kind == "country":  # "the United States Embassies"
            return _from_recognizer(index, span[:-1], "GPE", world)
        return [Candidate(index, span, text, "place", text, "place", label)]
    span, text, label = _with_suffix(span, text, label, world)
    if known:
        return [Candidate(index, span, text, known.kind, known.name, known.role, label)]
    if (label in {"GPE", "LOC"} or _is_place_modifier(span, world)) and not _acronym_like(text):
        return [Candidate(index, span, text, "place", text, "place", label)]
    kind = "person" if label == "PERSON" else "organization"
    if text.split()[-1] in world.rules["organization_suffixes"] and len(text.split()) > 1:
        kind = "organization"
    if kind == "organization" and _phrase_not_name(span, world):
        return []
    return [Candidate(index, span, text, kind, text, "ner", label)]


QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'"}


def _phrase_not_name(span: Span, world: World) -> bool:
    """A title-case phrase taken for an organization: owned by a possessive pronoun ("my
    Complete and Total Endorsement") or set in quotation marks on its own ("a 'Total
    Victory'"), with no organization head or suffix in it."""
    doc = span.doc
    rules = world.rules
    heads = set(rules["organization_heads"]) | set(rules["organization_suffixes"])
    if any(t.text in heads for t in span) or span[-1].is_upper:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.tag_ == "PRP$" and len(span) > 1:
        return True
    after = doc[span.end:span.end + 2]
    closed = len(after) > 0 and (after[0].text in QUOTE_MARKS
                                 or after[0].is_punct and len(after) > 1 and after[1].text in QUOTE_MARKS)
    named = span.start > 1 and doc[span.start - 2].lower_ in {"called", "named", "dubbed", "as"}
    return prev is not None and prev.text in QUOTE_MARKS and closed and not named  # a group called "X"


def _titled_person(span: Span, world: World) -> bool:
    """An honorific and two or more proper names after it, none an organization's last
    word: a person, whatever the recognizer said."""
    honorifics = {h.lower() for h in world.rules["honorifics"]}
    rest = span[1:]
    return span[0].lower_ in honorifics and len(rest) >= 2 \
        and all(t.is_title and t.pos_ == "PROPN" for t in rest) \
        and rest[-1].text not in world.rules["organization_suffixes"]


def _after_position(span: Span, world: World) -> Span | None:
    """A team or company, a short capitalized position ("QB", "DL", "CEO") and a name of two
    or three capitalized words, taken as one span: the name after the position."""
    banned = set(world.rules["organization_suffixes"]) | set(world.rules["organization_heads"])
    for i in range(len(span) - 3, 0, -1):
        tok = span[i]
        if tok.is_alpha and tok.is_upper and 2 <= len(tok) <= 4 and not world.lookup(tok.text):
            tail = span[i + 1:]
            if 2 <= len(tail) <= 3 and all(t.is_title and t.is_alpha and t.text not in banned
                                           and not world.lookup(t.text) for t in tail):
                return tail
            return None
    return None


def _join_hyphens(span: Span) -> Span:
    """A hyphenated name the recognizer cut at a hyphen ("Dar-es-| Salaam") is whole."""
    doc, start, end = span.doc, span.start, span.end
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return doc[start:end]


def _acronym_like(text: str) -> bool:
    """"VW", "BYD": a short all-capital name not in the world data is an organization's."""
    return text.isupper() and 2 <= len(text) <= 5 and "." not in text


def _with_suffix(span: Span, text: str, label: str, world: World) -> tuple[Span, str, str]:
    """A name the recognizer ended one word early ("Alliance Investment | Partners")."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].text in world.rules["organization_suffixes"] and doc[end].is_title \
            and doc[end].ent_iob_ != "B":
        end += 1
    if end == span.end:
        return span, text, label
    span = doc[span.start:end]
    return span, clean_name(span.text), "ORG"


def merge_bracketed_names(cands: list[Candidate]) -> list[Candidate]:
    """"President (Donald) Trump": a bracketed first name and the surname after it are
    one person, "Donald Trump"; so are two person spans side by side ("Mohammed bin
    Abdulrahman | Al Thani", cut by the recognizer)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        doc = c.span.doc
        if prev and prev.kind == c.kind == "person" and prev.role == c.role == "ner" \
                and prev.span.end == c.span.start:
            c.span = doc[prev.span.start:c.span.end]
            c.text = c.key = clean_name(c.span.text)
            out[-1] = c
            continue
        if prev and prev.kind == c.kind == "person" and prev.span.start > 0 \
                and doc[prev.span.start - 1].text == "(" and prev.span.end < len(doc) \
                and doc[prev.span.end].text == ")" and prev.span.end + 1 == c.span.start:
            c.span = doc[prev.span.start - 1:c.span.end]
            c.text = c.key = f"{prev.text} {c.text}"
            out[-1] = c
            continue
        out.append(c)
    return out


# --- actor table ---------------------------------------------------------------------


@dataclass
class ActorTable:
    """What the actor pass found: the actor sheets, which candidate became which actor,
    and the relations that titles and appositions state."""

    actors: dict[str, Actor] = field(default_factory=dict)
    candidates: list[tuple[Candidate, str]] = field(default_factory=list)  # (candidate, actor id)
    relations: list[tuple[str, Relation]] = field(default_factory=list)


def _cluster(c: Candidate) -> tuple[str, str]:
    kind = "organization" if c.kind == "group" else c.kind
    return (kind, c.key)


def _unique_id(name: str, taken: set[str]) -> str:
    base = slugify(name)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _titled(c: Candidate, world: World) -> bool:
    """Is the name introduced by an honorific or a title ("Mr. Reeves", "President Obama")?"""
    if c.span.start == 0:
        return False
    before = c.span.doc[c.span.start - 1].lower_
    return before in {h.lower() for h in world.rules["honorifics"]} or before in world.titles


def _keep(members: list[Candidate], world: World) -> bool:
    """Contextual names ("the North") need their country named elsewhere; a lone word
    taken for a person ("Hope", "Specs") needs a second mention or a title, since news
    introduces people by their full names."""
    if all(m.role == "contextual" for m in members):
        return False
    if members[0].kind == "person" and " " not in members[0].key and len(members) < 2:
        return any(_titled(m, world) for m in members)
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
        actor_id = _unique_id(name, taken)
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


def drop_shared_aliases(actors: dict[str, Actor]) -> None:
    """A name that belongs to two sheets ("Clinton" for Bill and Hillary) names neither."""
    owners = Counter(a.lower() for actor in actors.values() for a in {*actor.aliases, actor.name})
    for actor in actors.values():
        actor.aliases = [a for a in actor.aliases if owners[a.lower()] == 1]


# --- the pass ------------------------------------------------------------------------


def find_actors(sentences: list[Sentence], world: World | None = None) -> ActorTable:
    """Every actor named in the sentences, merged across sentences and articles, with the
    relations their titles state. Sentences must come from Docs run through the world
    ruler (see `add_world_ruler`)."""
    world = world or load_world()
    cands: list[Candidate] = []
    skips: dict[int, int] = {}
    for i, s in enumerate(sentences):
        if is_furniture(s.text, world):
            skips[i] = s.span.end_char
            continue
        if s.span.start == 0:
            skips[i] = s.span.start_char + dateline_end(s.span.doc.text, world)
        cands += candidates_in(i, s.span, world, skip_until=skips.get(i, 0))
    cands = split_country_from_person(drop_portfolios(cands, world), world)
    cands = drop_families(add_missed_mentions(cands, sentences, skips))
    vote_kinds(cands, world)
    place_keys(cands, world)
    cands = drop_place_qualifiers(cands, world)
    person_keys(cands)
    organization_keys(cands, world)
    alias_keys(cands, sentences, world)
    cands += speaker_groups(cands, sentences, skips, world)
    table = build_actors(cands, sentences, world)
    title_relations(table, sentences, world)
    organization_relations(table, sentences, world)
    media_relations(table, sentences, world)
    leaders_governments(table, world)
    return table
