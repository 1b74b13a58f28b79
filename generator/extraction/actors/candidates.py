"""Candidates: every actor-like name in one sentence, with a first guess at its kind.

A world-data name is what the world data says (a capital is its country when it acts,
a place when something happens in it); a recognizer span is shaped by the span rules
(`spans.py`) and typed from its label, the world data and its head nouns.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.extraction.actors.phrases import (
    names_no_actor,
    organization_of_place,
    pattern_candidates,
    person_of_organization,
)
from generator.extraction.actors.spans import (
    HONORIFIC_TAILS,
    NOT_NAMES,
    acronym_like,
    after_position,
    capitalized_runs,
    extend_organization,
    extend_to_acronym,
    governs,
    is_place_modifier,
    join_hyphens,
    known_organization,
    name_text,
    phrase_not_name,
    plausible_name,
    raw_spans,
    strip_honorifics,
    titled_person,
    with_country_modifier,
    with_final_s,
    with_suffix,
)
from generator.extraction.actors.table import Candidate
from generator.extraction.world import World
from generator.text import clean_name


def candidates_in(index: int, sent: Span, world: World, skip_until: int = 0) -> list[Candidate]:
    """Every actor-like name in one sentence, each with a first guess at what it is."""
    out: list[Candidate] = []
    for span, label, from_world in raw_spans(sent, world):
        if span.start_char < skip_until:
            continue
        org = extend_organization(span, world)
        if org is not None:
            text = clean_name(org.text)
            known = world.lookup(text) or known_organization(span, world)  # "the NATO alliance"
            out.append(Candidate(index, org, text, known.kind if known else "organization",
                                 known.name if known else text, known.role if known else "ner", label))
            continue
        if from_world:
            text = clean_name(span.text)
            known = world.contextual.get(span.text) if label == "contextual" else world.lookup(text)
            if known is None:
                continue
            if known.role == "capital" and not governs(span, world):
                out.append(Candidate(index, span, text, "place", text, "place", label))
                continue
            out.append(Candidate(index, span, text, known.kind, known.name, known.role, label))
            continue
        out.extend(_from_recognizer(index, span, label, world))
    out += pattern_candidates(index, sent, world, out, skip_until)
    return merge_bracketed_names(sorted(out, key=lambda c: c.span.start))


def _from_recognizer(index: int, span: Span, label: str, world: World) -> list[Candidate]:
    if label == "NORP":
        return []  # a demonym that is a country is in the world data; the rest are not actors
    span = join_hyphens(span)
    runs = capitalized_runs(span, world)
    if len(runs) != 1 or len(runs[0]) != len(span):
        # pieces of a name cut at a lowercase word ("Brothers | to the | Rescue") are no
        # names of their own unless the world data knows them
        return [c for run in runs for c in _from_recognizer(index, run, label, world)
                if c.role not in {"ner", "place"} or len(runs) == 1]
    if label in {"ORG", "PERSON"}:
        cut = after_position(span, world)
        if cut is not None:  # "Steelers QB Mason Rudolph": the person after the position
            return _from_recognizer(index, cut, "PERSON", world)
    if label == "ORG" and titled_person(span, world):
        label = "PERSON"  # "Bishop Anna Lind" tagged as an organization
    if label != "PERSON" and names_no_actor(span, world):
        return []  # "the Harbor Safety Act", "a Special Transit Permit (STP)"
    if label == "ORG":
        parts = person_of_organization(span, world)
        if parts is not None:  # "Jane Roe of Capital Public Radio": a reporter and her outlet
            return _from_recognizer(index, parts[0], "PERSON", world) + \
                _from_recognizer(index, parts[1], "ORG", world)
    if label == "ORG":
        while len(span) > 1 and (span[-1].lower_ in world.titles or span[-1].text in HONORIFIC_TAILS):
            span = span[:-1]  # "House of Representatives Speaker": the title is the person's
        if not plausible_name(clean_name(span.text), world):
            return []
        span = with_final_s(with_country_modifier(extend_to_acronym(span), world))
    if label == "PERSON":
        span = strip_honorifics(span, world)
    text = name_text(span)
    if not plausible_name(text, world) or (len(span) == 1 and span[0].pos_ in NOT_NAMES):
        return []  # a lone word the tagger takes for a verb, adverb, interjection ("Please")
    known = world.lookup(text) or world.lookup_organization(text)
    if not known and len(span) > 1 and span[-1].text in world.rules["facility_heads"] \
            and not organization_of_place(span, world):
        inner = world.lookup(span[:-1].text)
        if inner and inner.kind == "country":  # "the United States Consulates"
            return _from_recognizer(index, span[:-1], "GPE", world)
        return [Candidate(index, span, text, "place", text, "place", label)]
    span, text, label = with_suffix(span, text, label, world)
    if known:
        return [Candidate(index, span, text, known.kind, known.name, known.role, label)]
    if (label in {"GPE", "LOC"} or is_place_modifier(span, world)) and not acronym_like(text):
        return [Candidate(index, span, text, "place", text, "place", label)]
    kind = "person" if label == "PERSON" else "organization"
    if text.split()[-1] in world.rules["organization_suffixes"] and len(text.split()) > 1:
        kind = "organization"
    if kind == "organization" and phrase_not_name(span, world):
        return []
    return [Candidate(index, span, text, kind, text, "ner", label)]


def merge_bracketed_names(cands: list[Candidate]) -> list[Candidate]:
    """"President (Maria) Lindqvist": a bracketed first name and the surname after it are
    one person, "Maria Lindqvist"; so are two person spans side by side ("Mohammed bin
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

