"""Actors: who is named in the articles, each exactly once, with every mention resolved.

The statistical recognizer finds most names but mislabels some (a country as a person)
and cuts others short. So its spans are combined with phrase rules built from the world
data (countries, capitals, demonyms, organizations and their acronyms), the dependency
parse (a capital that acts is its government; a city after "in" is a place) and
cross-mention consistency (a name seen as a person twice and as an organization once is
a person). Titles and appositions ("Russian President Vladimir Putin", "Maria Zakharova,
spokesman for the Russian Ministry of Foreign Affairs") become relations here, because
this is where they are parsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from spacy.language import Language
from spacy.tokens import Span

from .schema import RESERVED_IDS, Actor, Relation, SourceRef

if TYPE_CHECKING:
    from .extract import Sentence

DATA = Path(__file__).parent / "data"
RULER_NAME = "world_ruler"
SPANS_KEY = "world"
MAX_SOURCES = 2
HONORIFIC_TAILS = {"Rt", "Hon", "Rt.", "Hon."}
NOT_NAMES = {"VERB", "AUX", "ADV", "INTJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}
MEDIA_WINDOW = 5  # sentences from a media description ("X's official newspaper") to the outlet's name

# --- world data ----------------------------------------------------------------------


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

    def lookup(self, text: str) -> Known | None:
        text = clean_name(text)
        shouted = text.title() if text.isupper() and len(text) > 4 else text  # "LUKOIL", "RUSSIA"
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):  # "U.S" when the tokenizer took the full stop
            shouted = text + "."
        return self.names.get(text) or self.names.get(shouted)

    def lookup_organization(self, text: str) -> Known | None:
        """A known organization named with its country in front ("U.S. Office of Foreign
        Assets Control" is the Office of Foreign Assets Control)."""
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


@lru_cache(maxsize=1)
def load_world() -> World:
    data = yaml.safe_load((DATA / "world.yml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((DATA / "actor_rules.yml").read_text(encoding="utf-8"))
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
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


# --- names ---------------------------------------------------------------------------

_QUOTES = "\"“”‘’'`´"
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_name(text: str) -> str:
    """A name as a sheet shows it: no leading article, possessive, quotes or stray space."""
    text = text.translate(INVISIBLE)
    text = re.sub(r"\s*\([^)]*$", "", text)  # an unclosed bracket: "Federal Bureau of Investigation (FBI"
    text = re.sub(r"\s+", " ", text).strip().strip(_QUOTES + ",;:()[]").strip()
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return text.rstrip("&-–—/+ ").strip()


def slugify(text: str) -> str:
    """The id of a name: lowercase ASCII words joined by hyphens, never a reserved id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "actor"
    return f"{slug}-actor" if slug in RESERVED_IDS else slug


def initials(name: str) -> str:
    """The acronym a long name makes: capitalized words, hyphenated parts counted once."""
    words = re.findall(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*", name)
    return "".join(w[0] for w in words if w[0].isupper())


# --- candidates ----------------------------------------------------------------------


@dataclass
class Candidate:
    """One name in one sentence before it is merged into an actor."""

    sentence: int  # index into the sentence list
    span: Span  # the tokens of the name in the paragraph's Doc
    text: str  # the name as written, cleaned
    kind: str  # country | person | organization | group | place
    key: str  # what it resolves to before merging: a canonical name or the name itself
    role: str  # how it was found: ner | name | alias | demonym | capital | metonym | acronym | contextual
    label: str = ""  # the recognizer's label, when it came from the recognizer


def is_furniture(text: str, world: World) -> bool:
    """Credits, bylines and share lines: sentences that are not the story."""
    return any(re.search(p, text.strip()) for p in world.rules["furniture"])


def dateline_end(text: str, world: World) -> int:
    """Where a dateline at the start of a paragraph ends (0 when there is none)."""
    match = re.match(world.rules["dateline"], text)
    return match.end() if match else 0


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


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
    if any(ch.isdigit() for ch in text) or len(text) < 2:
        return False
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
            known = world.lookup(text)
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
    """Without lowercase words at either end ("the United States" -> "United States")."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_lower:
        start += 1
    while end > start + 1 and span.doc[end - 1].is_lower:
        end -= 1
    return span.doc[start:end]


def _from_recognizer(index: int, span: Span, label: str, world: World) -> list[Candidate]:
    if label == "NORP":
        return []  # a demonym that is a country is in the world data; the rest are not actors
    runs = capitalized_runs(span, world)
    if len(runs) != 1 or len(runs[0]) != len(span):
        return [c for run in runs for c in _from_recognizer(index, run, label, world) if c.role != "ner" or
                len(runs) == 1]
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
    return [Candidate(index, span, text, kind, text, "ner", label)]


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


# --- merging -------------------------------------------------------------------------


def vote_kinds(cands: list[Candidate]) -> None:
    """A name the recognizer labels differently in different sentences takes its most
    frequent kind (persons win ties: organizations are the usual mislabel)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in cands:
        if c.role in {"ner", "place"}:
            votes[c.text][c.kind] += 1
    # a single word that is the surname of a person seen elsewhere is that person
    surnames = {c.text.split()[-1] for c in cands if c.kind == "person" and len(c.text.split()) > 1}
    for c in cands:
        if c.role not in {"ner", "place"}:
            continue
        count = votes[c.text]
        if c.text in surnames:
            c.kind = "person"
            continue
        best = max(count.values())
        leaders = [k for k, v in count.items() if v == best]
        c.kind = "person" if "person" in leaders else leaders[0]


def _same_person(short: str, full: str) -> bool:
    """Is `short` a shorter form of `full`? Surname ("Putin"), hyphen part ("Bashir" of
    "al-Bashir"), or a subset of the words with the same last name ("Omar al-Bashir")."""
    s, f = short.lower().split(), full.lower().split()
    if len(s) >= len(f):
        return False
    last = f[-1]
    if s[-1] != last and not (len(s) == 1 and last.split("-")[-1] == s[0]):
        return False
    return all(w in f for w in s[:-1])


def _spelled_alike(short: str, fulls: list[str]) -> str | None:
    """A lone surname spelled another way ("Zelensky" for "Volodymyr Zelenskiy"): the one
    full name whose surname is nearly the same word."""
    import difflib

    word = short.lower()
    if " " in word or len(word) < 5:
        return None
    owners = [f for f in fulls if " " in f and f.lower().split()[-1][:3] == word[:3]
              and difflib.SequenceMatcher(None, f.lower().split()[-1], word).ratio() >= 0.85]
    return owners[0] if len(owners) == 1 else None


def _first_name_of(short: str, fulls: list[str]) -> str | None:
    """A lone first name ("Elian") is the one person with that first name, unless it is
    also someone's surname."""
    word = short.lower()
    if any(f.lower().split()[-1] == word.split()[-1] for f in fulls if " " in f and f.lower() != word):
        return None
    owners = [f for f in fulls if len(f.split()) > len(word.split()) and f.lower().startswith(word + " ")]
    return owners[0] if len(owners) == 1 else None


def person_keys(cands: list[Candidate]) -> None:
    """Map every person mention to its fullest name, the nearest earlier one first when a
    surname is shared ("Clinton" after "Bill Clinton")."""
    persons = [c for c in cands if c.kind == "person"]
    spelled: dict[str, str] = {}  # one spelling per name whatever its case ("Bin Laden", "bin Laden")
    for c in persons:
        first = spelled.setdefault(c.text.lower(), c.text)
        if c.text != first and c.span.start > c.span.sent.start and sum(ch.isupper() for ch in c.text) < \
                sum(ch.isupper() for ch in first):
            spelled[c.text.lower()] = c.text
    for c in persons:
        c.text = spelled[c.text.lower()]
    fulls = sorted({c.text for c in persons}, key=lambda t: -len(t.split()))
    parent = {name: name for name in fulls}
    for i, name in enumerate(fulls):
        longer = [f for f in fulls[:i] if _same_person(name, f)]
        owner = None if longer else _first_name_of(name, fulls) or _spelled_alike(name, fulls)
        if owner:
            parent[name] = parent[owner]
        elif len({parent[f] for f in longer}) == 1:
            parent[name] = parent[longer[0]]
        elif longer:
            parent[name] = ""  # ambiguous: decided per mention below
    last_seen: dict[str, str] = {}
    for c in persons:
        key = parent.get(c.text, c.text)
        if not key:
            options = [f for f in fulls if _same_person(c.text, f)]
            recent = last_seen.get(c.text.split()[-1])
            key = recent if recent in options else parent[options[0]] or options[0]
        c.key = key
        for w in c.text.split():
            last_seen[w] = key
        last_seen[c.text] = key


def organization_keys(cands: list[Candidate], world: World) -> None:
    """Acronyms and long forms are one organization: from "(ACRONYM)" after a name, or
    from the initials of a long name seen in the text."""
    orgs = [c for c in cands if c.kind in {"organization", "group"}]
    prefixed: dict[str, set[str]] = defaultdict(set)  # "Foreign Affairs Department" -> with its country
    for c in orgs:
        first = c.span.doc[c.span.start]
        known = world.lookup(first.text) or world.lookup(c.span[:2].text)
        if known and known.kind == "country":
            for cut in (1, 2):
                prefixed[" ".join(c.key.split()[cut:])].add(c.key)
    for c in orgs:
        if len(prefixed.get(c.key, ())) == 1 and c.key not in world.names:
            c.key = next(iter(prefixed[c.key]))
    long_names = {c.key for c in orgs if len(c.key.split()) > 1}
    by_initials = {initials(n): n for n in long_names if len(initials(n)) >= 2}
    for c in orgs:  # "U.S. Immigration and Naturalization Service" is the INS
        first = c.span.doc[c.span.start]
        known = world.lookup(first.text)
        if known and known.kind == "country" and len(c.span) > 2:
            by_initials.setdefault(initials(c.span[1:].text), c.key)
    for c in orgs:
        after = c.span.doc[c.span.end:c.span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
            by_initials.setdefault(after[1].text, c.key)
    for c in orgs:
        plain = c.key.replace(".", "")
        if c.key.isupper() or plain.isupper():
            target = by_initials.get(plain) or _abbreviated(plain, {o.key for o in orgs} - {c.key})
            if target and target != c.key:
                c.key = target


def _abbreviated(short: str, names: set[str]) -> str | None:
    """The one name whose first word spells a short form in order ("VW" in Volkswagen)."""
    if not 2 <= len(short) <= 4:
        return None
    pattern = re.compile(".*".join(re.escape(ch) for ch in short.lower()))
    hits = [n for n in names if n.split()[0].lower().startswith(short[0].lower())
            and pattern.match(n.split()[0].lower()) and not n.isupper()]
    return hits[0] if len(hits) == 1 else None


def _before_title(c: Candidate, world: World) -> bool:
    doc = c.span.doc
    nxt = doc[c.span.end:c.span.end + 2]
    return len(nxt) > 0 and (nxt[0].lower_ in world.titles or nxt.text.lower() in world.titles)


def add_missed_mentions(cands: list[Candidate], sentences: list[Sentence],
                        skips: dict[int, int]) -> list[Candidate]:
    """A name found once is found everywhere in its article: the recognizer misses some
    occurrences ("the Nagorno-Karabakh enclave" tagged in one sentence, not the next)."""
    from spacy.matcher import PhraseMatcher

    if not cands:
        return cands
    by_article: dict[str, dict[str, Candidate]] = defaultdict(dict)
    for c in cands:
        if c.role in {"ner", "place"} and c.span.text == c.text:
            by_article[sentences[c.sentence].article.id].setdefault(c.text, c)
    taken: dict[int, list[Span]] = defaultdict(list)
    for c in cands:
        taken[c.sentence].append(c.span)
    vocab = cands[0].span.doc.vocab
    added: list[Candidate] = []
    for article, names in by_article.items():
        matcher = PhraseMatcher(vocab, attr="ORTH")
        for text, c in names.items():
            matcher.add(text, [c.span.as_doc()])
        for i, s in enumerate(sentences):
            if s.article.id != article:
                continue
            for match_id, start, end in matcher(s.span.as_doc()):
                span = s.span.doc[s.span.start + start:s.span.start + end]
                if span.start_char < skips.get(i, 0) or any(_overlaps(span, t) for t in taken[i]):
                    continue
                model = names[vocab.strings[match_id]]
                taken[i].append(span)
                added.append(Candidate(i, span, model.text, model.kind, model.key, model.role, model.label))
    return sorted(cands + added, key=lambda c: (c.sentence, c.span.start))


def drop_families(cands: list[Candidate]) -> list[Candidate]:
    """"The Bidens": a surname in the plural is a family, not an actor of its own."""
    surnames = {c.text.split()[-1] for c in cands if c.kind == "person" and " " in c.text}
    return [c for c in cands if not (" " not in c.text and c.text.endswith("s") and c.text[:-1] in surnames)]


def drop_portfolios(cands: list[Candidate], world: World) -> list[Candidate]:
    """A one-word "organization" just before a title ("Trade" in "Kenyan Trade Minister
    Joseph Kamotho") is a portfolio, unless the text also names it on its own ("the
    Treasury extended the deadline")."""
    alone = {c.text for c in cands if not _before_title(c, world)}
    return [c for c in cands if not (c.kind == "organization" and c.role == "ner" and len(c.span) == 1
                                     and _before_title(c, world) and c.text not in alone)]


def split_country_from_person(cands: list[Candidate], world: World) -> list[Candidate]:
    """"U.S. Ambassador to Kenya Prudence Bushnell" tagged as one organization "Kenya
    Prudence Bushnell": a country followed by a name seen elsewhere as a person is the
    country and that person."""
    persons = {c.text for c in cands if c.kind == "person"}
    surnames = {p.split()[-1] for p in persons} | {c.text for c in cands if " " not in c.text}
    out: list[Candidate] = []
    for c in cands:
        if c.kind == "organization" and c.role == "ner" and len(c.span) > 2:
            head = world.lookup(c.span[:1].text)
            rest = c.span[1:]
            doc = c.span.doc
            after_title = c.span.start >= 2 and doc[c.span.start - 1].lower_ in {"to", "for", "in"} \
                and doc[c.span.start - 2].lower_ in world.titles  # "envoy to Ukraine Kurt Volker"
            if head and head.kind == "country" and (rest.text in persons or rest[-1].text in surnames
                                                    or after_title):
                first = c.span[:1]
                out.append(Candidate(c.sentence, first, first.text, "country", head.name, head.role))
                out.append(Candidate(c.sentence, rest, rest.text, "person", rest.text, "ner", "PERSON"))
                continue
        out.append(c)
    return out


def alias_keys(cands: list[Candidate], sentences: list[Sentence], world: World) -> None:
    """Another name given by an alias cue joins the actor it names ("declared independence
    as the Republic of Artsakh" after "the Nagorno-Karabakh enclave")."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    renamed: dict[str, Candidate] = {}
    for index, items in sorted(by_sentence.items()):
        text = sentences[index].span.text
        offset = sentences[index].span.start_char
        for cue in world.rules["alias_cues"] + world.rules["renaming_cues"]:
            at = text.find(cue)
            if at < 0:
                continue
            after = [c for c in items if c.span.start_char - offset >= at + len(cue)]
            if not after or after[0].span.start_char - offset > at + len(cue) + 5:
                continue
            alias = after[0]
            before = [c for c in items if c.span.end_char - offset <= at]
            if cue in world.rules["alias_cues"]:  # the name right before: "Myanmar, also known as"
                gap = text[before[-1].span.end_char - offset:at] if before else "?"
                subject = before[-1] if re.fullmatch(r"[\s,(]*", gap) else None
            else:
                same = [c for c in before if c.kind == alias.kind]
                subject = same[-1] if same else _last_place(by_sentence, index, sentences)
            if subject is not None and subject.key != alias.key:
                renamed[alias.key] = subject
            break
    for c in cands:
        subject = renamed.get(c.key)
        if subject is not None:
            c.key, c.kind = subject.key, subject.kind


def _last_place(by_sentence: dict[int, list[Candidate]], index: int,
                sentences: list[Sentence]) -> Candidate | None:
    """The place named last in the two sentences before, in the same article."""
    article = sentences[index].article.id
    for earlier in range(index - 1, max(index - 3, -1), -1):
        if sentences[earlier].article.id != article:
            break
        places = [c for c in by_sentence.get(earlier, []) if c.kind == "place"]
        if places:
            return places[-1]
    return None


def place_keys(cands: list[Candidate], world: World) -> None:
    """A place whose name is a known country is that country ("Syria" said as a place)."""
    for c in cands:
        if c.kind == "place":
            known = world.lookup(c.text)
            if known and known.kind == "country" and known.role in {"name", "alias"}:
                c.kind, c.key, c.role = "country", known.name, known.role


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


# --- titles and appositions ----------------------------------------------------------


def _title_before(doc, start: int, world: World) -> tuple[str, int] | None:
    """The longest title of office ending just before token `start`: (relation, first token)."""
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - width:start])
        if words in world.titles:
            return world.titles[words], start - width
    return None


def _title_in(tokens, world: World) -> tuple[str, int] | None:
    """The last title of office among `tokens` (an apposition): (relation, end index)."""
    best = None
    for i in range(len(tokens)):
        for width in (3, 2, 1):
            words = " ".join(t.lower_ for t in tokens[i:i + width])
            if i + width <= len(tokens) and words in world.titles:
                best = (world.titles[words], i + width)
                break
    return best


def title_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """Relations that titles state: "Russian President Vladimir Putin" (leader-of Russia),
    "President Omar al-Bashir of Sudan", "Kirill Dmitriev, Russia's special envoy",
    "Maria Zakharova, spokesman for the Russian Ministry of Foreign Affairs"."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    seen: set[tuple[str, str, str]] = set()
    bare: list[tuple[str, str, str, int]] = []  # titles naming no country: (person, type, words, sentence)
    for index, items in sorted(by_sentence.items()):
        items.sort(key=lambda x: x[0].span.start)
        sentence = sentences[index]
        for c, actor_id in items:
            if c.kind != "person":
                continue
            for rel_type, target, words in _person_titles(c, items, world):
                if not target:
                    bare.append((actor_id, rel_type, words, index))
                    continue
                rel_type = _relation_type(rel_type, words, table.actors[target], world)
                if target == actor_id or (actor_id, rel_type, target) in seen:
                    continue
                seen.add((actor_id, rel_type, target))
                holder, office = table.actors[actor_id].name, _title_phrase(rel_type)
                text = f"{holder} is {office} {named(table.actors[target])}."
                table.relations.append((actor_id, Relation(
                    type=rel_type, target=target, text=text,
                    sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))
    _bare_titles(table, sentences, world, bare, seen)


def _bare_titles(table: ActorTable, sentences: list[Sentence], world: World,
                 bare: list[tuple[str, str, str, int]], seen: set[tuple[str, str, str]]) -> None:
    """Heads of state named by title alone ("President Bill Clinton") lead the country
    the article writes from, when it is plain which one that is."""
    led = {subject for subject, t, _ in seen if t == "leader-of"}
    led_countries = {target for _, t, target in seen if t == "leader-of"}
    by_article: dict[str, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_article[sentences[c.sentence].article.id].append((c, actor_id))
    head_titles = set(world.rules.get("heads_of_state", []))
    for actor_id, rel_type, words, index in bare:
        sentence = sentences[index]
        if actor_id in led or words.lower() not in head_titles:
            continue
        target = _usual_country(by_article, sentence.article.id, table.actors, led_countries)
        if target is None or (actor_id, rel_type, target) in seen:
            continue
        seen.add((actor_id, rel_type, target))
        led.add(actor_id)
        text = f"{table.actors[actor_id].name} is a leader of {named(table.actors[target])}."
        table.relations.append((actor_id, Relation(
            type="leader-of", target=target, text=text,
            sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))


THE_WORDS = {"United", "Republic", "Kingdom", "Union", "Islands", "Emirates", "States", "Netherlands",
             "Philippines", "Bahamas", "Gambia", "Federation", "Democratic"}


def named(actor: Actor) -> str:
    """An actor's name as a sentence says it: "the United States", "the OSCE", "Russia"."""
    words = actor.name.split()
    if actor.kind == "country" and THE_WORDS & set(words):
        return f"the {actor.name}"
    if actor.kind in {"organization", "group"} and (len(words) > 1 or actor.name.isupper()) \
            and not actor.name.lower().startswith("the "):
        return f"the {actor.name}"
    return actor.name


def _title_phrase(rel_type: str) -> str:
    return {"leader-of": "a leader of", "spokesperson-of": "a spokesperson for",
            "envoy-of": "an envoy of", "official-of": "an official of"}.get(rel_type, rel_type)


def _actor_at(items, start: int, end: int, kinds=("country", "organization", "group")) -> str | None:
    for c, actor_id in items:
        if c.span.start >= start and c.span.end <= end and c.kind in kinds:
            return actor_id
    return None


def _owner_before(items, first: int, doc) -> str | None:
    """The country or organization named right before a title: "Russian President",
    "Treasury Secretary", "Sudan's president"."""
    end = first - 1 if first > 0 and doc[first - 1].text in {"'s", "’s"} else first
    best = None
    for c, actor_id in items:
        if c.kind in {"country", "organization", "group"} and c.span.end == end:
            best = actor_id
    return best


def _holds_office(items, owner: str, first: int) -> bool:
    """Is the owner before a topic title an employer ("Treasury", "Russian", "Russia's")
    rather than a subject ("a Russia adviser")?"""
    for c, actor_id in items:
        if actor_id == owner and c.span.end in {first, first - 1}:
            return c.kind != "country" or c.role == "demonym" or c.span.doc[c.span.end].text in {"'s", "’s"}
    return True


def _person_titles(c: Candidate, items, world: World) -> list[tuple[str, str, str]]:
    """(relation type, owner id, title words) for the titles a person holds in a sentence."""
    doc, span = c.span.doc, c.span
    found: list[tuple[str, str, str]] = []
    # before the name: "[Russian|Russia's] President Vladimir Putin", "Sudan's president,
    # Omar al-Bashir"; honorifics the recognizer left inside the span count too
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].text == "," else span.start
    honorifics = {h.lower() for h in world.rules["honorifics"]}
    while start > 0 and doc[start - 1].lower_ in honorifics and doc[start - 1].lower_ not in world.titles:
        start -= 1  # "Prime Minister Sheikh Mohammed": the title is before the honorific
    title = _title_before(doc, start, world)
    if title:
        rel_type, first = title
        words = doc[first:start].text
        owner = _actor_at(items, first, start) or _owner_before(items, first, doc)
        topical = words.lower().split()[-1] in world.rules["topic_titles"]
        if owner and topical and not _holds_office(items, owner, first):
            owner = None
        if owner is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            owner = _actor_at(items, span.end + 1, span.end + 6)  # "President Omar al-Bashir of Sudan"
        found.append((rel_type, owner or "", words))
    # apposition after the name: ", spokesman for the Russian Ministry ...", ", Russia's envoy"
    if span.end < len(doc) and doc[span.end].text == ",":
        stop = span.end + 1
        while stop < len(doc) and stop < span.end + 14 and doc[stop].text not in {",", ";", ".", "(", "—"}:
            stop += 1
        tokens = doc[span.end + 1:stop]
        title = _title_in(tokens, world)
        if title:
            rel_type, end = title
            after = _actor_at(items, tokens.start + end, stop)
            before = _actor_at(items, tokens.start, tokens.start + end)
            owner = after if after and tokens.start + end < len(doc) and \
                doc[tokens.start + end].lower_ in {"of", "for", "at", "to", "with", "in"} else before or after
            if owner:
                found.append((rel_type, owner, tokens[:end].text))
    return found


def _relation_type(rel_type: str, words: str, target: Actor, world: World) -> str:
    """A minister or secretary of a ministry or department heads it."""
    heads = set(world.rules.get("heads_of_organizations", []))
    if rel_type == "official-of" and target.kind == "organization" and words.lower().split()[-1] in heads:
        return "leader-of"
    return rel_type


def _usual_country(items_by_article: dict[str, list[tuple[Candidate, str]]], article: str,
                   actors: dict[str, Actor], led: set[str]) -> str | None:
    """The country an article's bare titles belong to ("President Bill Clinton"): the one
    whose demonym it uses most as a modifier ("American officials"), clearly ahead of the
    next, among the countries whose leader it does not name otherwise."""
    counts = Counter(aid for c, aid in items_by_article.get(article, [])
                     if actors[aid].kind == "country" and aid not in led
                     and (c.role == "demonym" or c.span.root.dep_ in {"compound", "amod", "nmod"}))
    ranked = counts.most_common(2)
    if not ranked:
        return None
    aid, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return aid if n >= 2 and n >= 1.5 * runner_up else None


def organization_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """An organization named with its country ("the Russian Ministry of Foreign Affairs")
    is part of that country's state; "the Minsk group of the OSCE" is part of the OSCE."""
    seen: set[tuple[str, str]] = set()
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    for index, items in by_sentence.items():
        sentence = sentences[index]
        for c, actor_id in items:
            if c.kind not in {"organization", "group"}:
                continue
            target = None
            first = c.span.doc[c.span.start]
            known = world.lookup(first.text)
            if known and known.kind == "country" and len(c.span) > 1:
                target = next((aid for aid, a in table.actors.items() if a.name == known.name), None)
            end = c.span.end
            doc = c.span.doc
            if target is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                target = _actor_at(items, end + 1, end + 12, kinds=("organization", "group"))
            if target and target != actor_id and (actor_id, target) not in seen:
                seen.add((actor_id, target))
                text = f"{named(table.actors[actor_id])} is part of {named(table.actors[target])}."
                text = text[0].upper() + text[1:]
                table.relations.append((actor_id, Relation(
                    type="part-of", target=target, text=text,
                    sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))


# --- the pass ------------------------------------------------------------------------


def _media_owner(sentence: Sentence, items, world: World) -> tuple[str, int, int] | None:
    """(country id, first and after-last token of the description) for "<Country>'s
    [official] newspaper" in a sentence."""
    doc = sentence.span.doc
    nouns = {n.lower() for n in world.rules["media_nouns"]}
    for c, actor_id in items:
        if c.kind != "country" or c.span.end >= len(doc) or doc[c.span.end].text not in {"'s", "’s"}:
            continue
        for i in range(c.span.end + 1, min(c.span.end + 5, sentence.span.end)):
            two = doc[i:i + 2].text.lower()
            if doc[i].lower_ in nouns or two in nouns:
                return actor_id, c.span.end + 1, i + (2 if two in nouns else 1)
            if not (doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "PUNCT", "VERB"} or doc[i].is_title):
                break
    return None


def media_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """"North Korea's official newspaper blasted ... the Rodong Sinmun said": the outlet
    named right after the description, or first in the next few sentences, is media-of."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    for index in sorted(by_sentence):
        found = _media_owner(sentences[index], by_sentence[index], world)
        if found is None:
            continue
        country, first, after = found
        outlet = None
        for later in range(index, min(index + MEDIA_WINDOW, len(sentences))):
            if sentences[later].article is not sentences[index].article:
                break
            items = sorted(by_sentence.get(later, []), key=lambda x: x[0].span.start)
            outlet = next((aid for c, aid in items
                           if c.kind == "organization" and (later > index or c.span.start >= after)), None)
            if outlet:
                break
        if outlet is None or any(r.target == country and s == outlet for s, r in table.relations):
            continue
        if later > index:
            _add_media_mentions(table, sentences, index, (first, after), outlet, world)
        source = sentences[index]
        name = named(table.actors[outlet])
        text = f"{name[0].upper()}{name[1:]} is a media outlet of {named(table.actors[country])}."
        ref = SourceRef(article=source.article.id, quote=source.text)
        table.relations.append((outlet, Relation(type="media-of", target=country, text=text, sources=[ref])))


def _add_media_mentions(table: ActorTable, sentences: list[Sentence], index: int,
                        described: tuple[int, int], outlet: str, world: World) -> None:
    """The description ("North Korea's official newspaper") and later "the paper" in the
    same article are mentions of the outlet named after them."""
    nouns = {n.lower() for n in world.rules["media_nouns"] if " " not in n}
    doc = sentences[index].span.doc
    name = table.actors[outlet].name
    table.candidates.append((Candidate(index, doc[described[0]:described[1]], name, "organization", name,
                                       "description"), outlet))
    taken = {(c.sentence, c.span.start) for c, _ in table.candidates}
    for later in range(index + 1, len(sentences)):
        if sentences[later].article is not sentences[index].article:
            break
        span = sentences[later].span
        for tok in span[:-1]:
            nxt = span.doc[tok.i + 1]
            if tok.lower_ == "the" and nxt.lower_ in nouns and (later, nxt.i) not in taken:
                words = span.doc[tok.i:tok.i + 2]
                phrase = Candidate(later, words, name, "organization", name, "description")
                table.candidates.append((phrase, outlet))


def leaders_governments(table: ActorTable, world: World) -> None:
    """"The Obama administration" is a mention of the country Obama leads as well as of him:
    "Obama administration officials said" speaks for the United States."""
    leads = {s: r.target for s, r in table.relations if r.type == "leader-of"
             and table.actors[r.target].kind == "country"}
    words = set(world.rules["government_words"])
    for c, actor_id in list(table.candidates):
        doc = c.span.doc
        if actor_id in leads and c.span.end < len(doc) and doc[c.span.end].lower_ in words:
            span = doc[c.span.start:c.span.end + 1]
            country = table.actors[leads[actor_id]]
            government = Candidate(c.sentence, span, span.text, "country", country.name, "metonym")
            table.candidates.append((government, country.id))


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
    vote_kinds(cands)
    place_keys(cands, world)
    person_keys(cands)
    organization_keys(cands, world)
    alias_keys(cands, sentences, world)
    table = build_actors(cands, sentences, world)
    title_relations(table, sentences, world)
    organization_relations(table, sentences, world)
    media_relations(table, sentences, world)
    leaders_governments(table, world)
    return table
