"""Spans: where a name starts and ends, and whether a span is a name at all.

The recognizer's spans and the world ruler's are combined (`raw_spans`), then shaped:
cut at lowercase words, joined across hyphens, extended to an organization's head noun,
its acronym in brackets or its country in front, stripped of honorifics; phrases that
only look like names (quoted slogans, shouted headings, a party-and-state tag) are
refused. Each rule is a small function on a spaCy `Span` with the world data's word lists.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from generator.extraction.actors.listed import join_listed_names, split_listed_names
from generator.extraction.actors.names import initials
from generator.extraction.actors.table import overlaps
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.world import SPANS_KEY, Known, World
from generator.text import QUOTE_MARKS, clean_name

HONORIFIC_TAILS = {"Rt", "Hon", "Rt.", "Hon."}
NOT_NAMES = {"VERB", "AUX", "ADV", "INTJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}


def raw_spans(sent: Span, world: World) -> list[tuple[Span, str, bool]]:
    """The recognizer's and the world ruler's spans in one sentence, overlaps resolved:
    the longer span wins, the world's on a tie; then names the gazetteer knows where the
    recognizer saw none ("docked at Agadir"). Returns (span, label, from_world)."""
    ner = [(e, label, False) for e in sent.doc.ents if e.start >= sent.start and e.end <= sent.end
           and (label := _actor_label(e, world))]
    found = [longer if (longer := longer_name(s, world)) else (s, s.label_, True)
             for s in sent.doc.spans.get(SPANS_KEY, []) if s.start >= sent.start and s.end <= sent.end]
    defined = [(d, "ORG", False) for d in acronym_definitions(sent)]
    chosen: list[tuple[Span, str, bool]] = []
    for item in sorted(found + defined + ner, key=lambda x: (-(x[0].end - x[0].start), not x[2], x[0].start)):
        if not any(overlaps(item[0], c[0]) for c in chosen):
            chosen.append(item)
    chosen += [(p, "GPE", False) for p in gazetteer_spans(sent, world, [c[0] for c in chosen])]
    return join_listed_names(split_listed_names(sorted(chosen, key=lambda x: x[0].start), world), world)


def longer_name(span: Span, world: World) -> tuple[Span, str, bool] | None:
    """A world-data organization's short name that ends a longer capitalized name is part
    of that name, not a mention: "Labour" in "the Confederation of Tarvian Labour" or
    "Tarvian Labour". The name runs back over proper nouns the world data does not know
    (no title, no person the recognizer ends before it) and over "of" or "for" after a
    word that opens organizations' names. Returns it as a recognizer organization."""
    known = world.lookup(span.text)
    if known is None or known.kind not in {"organization", "group"}:
        return None
    doc, start = span.doc, span.start
    while start > span.sent.start:
        prev = doc[start - 1]
        if prev.lower_ in {"of", "for"} and start - 2 >= span.sent.start \
                and doc[start - 2].text in world.rules["organization_openers"] and start < span.start:
            start -= 2
        elif _name_word(prev, span, world):
            start -= 1
        else:
            break
    return (doc[start:span.end], "ORG", False) if start < span.start else None


def _name_word(tok, span: Span, world: World) -> bool:
    """A proper noun that may run on into the name `span` ends (`longer_name`)."""
    if not (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()) or world.lookup(tok.text) \
            or tok.lower_ in world.titles or tok.text in world.rules["honorifics"]:
        return False
    if tok.ent_type_ in {"", "NORP"}:
        return True
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and ent.end >= span.end  # the recognizer takes both as one name


def _actor_label(ent: Span, world: World) -> str:
    """The recognizer's label if it can name an actor; PERSON for a name it mislabeled
    that an honorific or rank opens ("Sgt Jane Roe" as a WORK_OF_ART); else ""."""
    if ent.label_ in world.rules["actor_labels"]:
        return ent.label_
    if ent.label_ in world.rules["mislabeled"] and len(ent) >= 2 \
            and ent[0].text in world.rules["honorifics"] and all(t.is_title for t in ent[1:]):
        return "PERSON"
    return ""


def gazetteer_spans(sent: Span, world: World, taken: list[Span]) -> list[Span]:
    """Capitalized proper nouns after a locative preposition that the recognizer left
    untagged and the gazetteer knows as places: "the ferry docked at Agadir"; or, whatever
    the gazetteer's spelling, after a preposition that only ever names a place ("positions
    near Qarvanel": `spatial_prepositions`)."""
    out: list[Span] = []
    for tok in sent:
        if tok.pos_ != "PROPN" or not tok.is_title or not _where(tok, world):
            continue
        start = tok.i
        while start > sent.start and sent.doc[start - 1].pos_ == "PROPN" and sent.doc[start - 1].is_title \
                and sent.doc[start - 1].dep_ == "compound":
            start -= 1
        span = sent.doc[start:tok.i + 1]
        spatial = tok.dep_ == "pobj" and tok.head.lower_ in world.rules["spatial_prepositions"]
        if not any(overlaps(span, t) for t in taken) and not world.lookup(span.text) \
                and (spatial or load_gazetteer().place(span.text) is not None):
            out.append(span)
    return out


def _where(tok, world: World) -> bool:
    """After a locative preposition ("at Agadir"), or before the common noun that is
    ("in a Madison courtroom")."""
    preps = world.rules["locative_prepositions"]
    if tok.dep_ == "pobj":
        return tok.head.lower_ in preps
    head = tok.head
    return tok.dep_ == "compound" and head.pos_ == "NOUN" and head.dep_ == "pobj" \
        and head.head.lower_ in preps


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


def extend_organization(span: Span, world: World) -> Span | None:
    """A proper noun before an organization head noun is that organization's name
    ("the so-called Minsk group")."""
    doc = span.doc
    head = doc[span.end] if span.end < len(doc) else None
    if head is not None and head.text in world.rules["organization_heads"] and head.ent_iob_ != "B" \
            and span.root.dep_ == "compound" and span.root.head.i == span.end:
        return doc[span.start:span.end + 1]
    return None


def known_organization(span: Span, world: World) -> Known | None:
    """A known organization before its head noun ("NATO alliance") is that organization;
    a capital before one ("Minsk group") is not its country."""
    known = world.lookup(clean_name(span.text))
    return known if known and known.kind != "country" else None


def extend_to_acronym(span: Span) -> Span:
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


def with_country_modifier(span: Span, world: World) -> Span:
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


def strip_honorifics(span: Span, world: World) -> Span:
    honorifics = world.honorifics
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_ in honorifics
                                   or span.doc[start].lower_ in {"the", "former", "late"}):
        start += 1
    # two-word titles ("Prime Minister", "Vice President")
    while start < span.end - 2 and f"{span.doc[start].lower_} {span.doc[start + 1].lower_}" in honorifics:
        start += 2
    return span.doc[start:span.end]


def governs(span: Span, world: World) -> bool:
    """Does a capital stand for its government here? Not when it is where something
    happens ("come to Moscow", "talks in Vienna"); yes when it acts, owns or is named
    beside other actors ("Baku and Yerevan have confirmed", "Moscow is trying")."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    rules = world.rules
    doc = span.doc
    if beside_its_country(span, world):
        return False  # "Yerevan, the capital of Armenia": the city, its country named apart
    if span.end + 1 < len(doc) and doc[span.end].text == "-" \
            and doc[span.end + 1].lower_ in rules["place_hyphen_words"]:
        return False  # "a Paris-based group": where it is
    if token.dep_ == "pobj" and token.head.lower_ in rules["locative_prepositions"]:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lower_ in rules["place_of_heads"]:
        return False  # "the port of Tallinn", "the streets of Vilnius"
    if token.dep_ == "pobj" and token.head.lower_ in rules["directional_prepositions"]:
        return token.head.head.lemma_.lower() not in rules["movement_words"]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in rules["place_object_verbs"]:
        return False
    return token.dep_ not in {"compound", "appos"}


MAX_COUNTRY_WORDS = 4


def beside_its_country(span: Span, world: World) -> bool:
    """Is a capital placed in its own country, named right beside it: "Strelsau,
    Ruritania", "Strelsau, the capital of Ruritania", "Ruritania's capital, Strelsau"?
    The country then speaks for itself, and the capital is the city."""
    known = world.lookup(span.text)
    if known is None:
        return False
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].text == ",":
        start = end + 1
        if [t.lower_ for t in doc[start:start + 3]] == ["the", "capital", "of"]:
            start += 3
        if _names_country(doc, start, known.name, world, forward=True):
            return True
    first = span.start
    words = [t.lower_ for t in doc[max(0, first - 3):first]]
    return words[-3:] in (["'s", "capital", ","], ["’s", "capital", ","]) \
        and _names_country(doc, first - 3, known.name, world, forward=False)


def _names_country(doc, at: int, country: str, world: World, forward: bool) -> bool:
    """Do the words starting at `at` (or ending before it) name this country?"""
    for size in range(1, MAX_COUNTRY_WORDS + 1):
        words = doc[at:at + size] if forward else doc[max(0, at - size):at]
        known = world.lookup(words.text) if len(words) == size else None
        if known is not None and known.kind == "country" and known.name == country \
                and known.role != "capital":
            return True
    return False


def is_place_modifier(span: Span, world: World) -> bool:
    root = span.root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ in world.rules["place_heads"]


def plausible_name(text: str, world: World) -> bool:
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


def capitalized_runs(span: Span, world: World) -> list[Span]:
    """A recognizer span cut at its common lowercase words ("United States consulates"
    is "United States"; "EU fund" is "EU"); particles ("bin", "of", "al") stay."""
    keep = set(world.rules["lowercase_ok"]) | set(world.rules["legal_suffixes"])  # "Kestrel Arms plc"
    runs: list[Span] = []
    start = None
    for tok in span:
        inside = not tok.is_lower or tok.text in keep or tok.is_punct and tok.text not in {",", ";"} \
            or _name_final_s(tok, span) or _hyphen_part(tok, span)
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            runs.append(span.doc[start:tok.i])
            start = None
    if start is not None:
        runs.append(span.doc[start:span.end])
    return [_trim(r) for r in runs if any(t.text[:1].isupper() for t in r)]


def _hyphen_part(tok, span: Span) -> bool:
    """"Park Ji-hoon", "Lee Seo-yeon": a lowercase part joined by a hyphen to the name."""
    doc = tok.doc
    return tok.i >= span.start + 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].text[:1].isupper() \
        and tok.pos_ in {"PROPN", "NOUN"} and not tok.text.endswith(("ed", "ing"))  # not "Ohio-based"


def name_text(span: Span) -> str:
    """The name a span writes, cleaned (`text.clean_name`), with the "'s" of a name that
    ends in one ("Harbelly's said") kept."""
    text = clean_name(span.text)
    return text + span[-1].text if _name_final_s(span[-1], span) else text


def with_final_s(span: Span) -> Span:
    """An organization the recognizer ended before its "'s" ("Sainsbury | 's said"): the
    "'s" that owns nothing after it, and is no "is" before a participle, is the name's."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end - 1].whitespace_:
        return span
    participle = span.end + 1 < len(doc) and doc[span.end + 1].tag_ in {"VBG", "VBN"}
    if _name_final_s(doc[span.end], doc[span.start:span.end + 1]) and not participle:
        return doc[span.start:span.end + 1]
    return span


def _name_final_s(tok, span: Span) -> bool:
    """"Harbelly's said": an "'s" that ends a name and owns nothing after it is the name's."""
    doc = tok.doc
    if tok.lower_ not in {"'s", "’s"} or tok.i != span.end - 1:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}


def _trim(span: Span) -> Span:
    """Without lowercase words at either end ("the United States" -> "United States"), nor
    a capitalized "The" opening a sentence ("The U.S. Immigration ... Service" is the INS's
    long name only without it), nor the word opening a sentence before a lowercase "the"
    ("Later the Confederation of Tarvian Labour")."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 2 and doc[start].is_sent_start and doc[start + 1].text == "the":
        start += 1
    while start < end - 1 and (span.doc[start].is_lower or span.doc[start].lower_ == "the"):
        start += 1
    while end > start + 1 and span.doc[end - 1].is_lower and not _name_final_s(span.doc[end - 1], span) \
            and not _hyphen_part(span.doc[end - 1], span):
        end -= 1
    return span.doc[start:end]


def phrase_not_name(span: Span, world: World) -> bool:
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


def titled_person(span: Span, world: World) -> bool:
    """An honorific and two or more proper names after it, none an organization's last
    word: a person, whatever the recognizer said."""
    honorifics = world.honorifics
    rest = span[1:]
    return span[0].lower_ in honorifics and len(rest) >= 2 \
        and all(t.is_title and t.pos_ == "PROPN" for t in rest) \
        and rest[-1].text not in world.rules["organization_suffixes"]


def after_position(span: Span, world: World) -> Span | None:
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


def join_hyphens(span: Span) -> Span:
    """A hyphenated name the recognizer cut at a hyphen ("Dar-es-| Salaam") is whole."""
    doc, start, end = span.doc, span.start, span.end
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return doc[start:end]


def acronym_like(text: str) -> bool:
    """"VW", "BYD": a short all-capital name not in the world data is an organization's."""
    return text.isupper() and 2 <= len(text) <= 5 and "." not in text


def with_suffix(span: Span, text: str, label: str, world: World) -> tuple[Span, str, str]:
    """A name the recognizer ended one word early ("Alliance Investment | Partners") or
    before its legal form ("Kestrel Arms | plc", "Tanaka Motors Co. | , Ltd.")."""
    doc, end = span.doc, span.end
    legal = set(world.rules["legal_suffixes"]) | set(world.rules["legal_suffix_openers"])
    while end < len(doc) and doc[end].ent_iob_ != "B" and (
            doc[end].text in world.rules["organization_suffixes"] and doc[end].is_title
            or doc[end].text in legal
            or doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text in legal):
        end += 1
    if end == span.end:
        return span, text, label
    span = doc[span.start:end]
    return span, clean_name(span.text), "ORG"

