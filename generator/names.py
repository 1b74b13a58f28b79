"""Names and merging: how the mentions of one actor become one key.

A name is cleaned as a sheet shows it; mentions are candidates (one name in one
sentence); the merging rules map each candidate to the key of the actor it names: a
surname to the full name, an acronym to its long form, a demonym or capital to its
country (the world data's canonical name), another name given by "also known as" to the
name it renames, and a name the recognizer found once to every occurrence in its article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .schema import RESERVED_IDS

if TYPE_CHECKING:
    from .extract import Sentence
    from .world import World


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


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


# --- merging --------------------------------------------------------------------


def _person_shaped(c: Candidate, world: World) -> bool:
    """Could this unknown "organization" be a person's full name: two or three capitalized
    words, none a name, head or suffix of organizations, nor a known name ("Marcelo Claure"
    tagged as an organization)?"""
    words = c.text.split()
    if c.kind != "organization" or c.role != "ner" or not 2 <= len(words) <= 3 or world.lookup(c.text):
        return False
    rules = world.rules
    banned = set(rules["organization_suffixes"]) | set(rules["organization_heads"]) \
        | set(rules["facility_heads"]) | set(rules["generic_words"])
    return all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words) \
        and not any(w in banned or world.lookup(w) for w in words)


def promote_shortened_names(cands: list[Candidate], world: World) -> None:
    """News shortens a person to the surname and an organization to its first word, so an
    unknown person-shaped "organization" whose last word alone is also named in the same
    article, by the one such name, is a person ("Marcelo Claure ... Claure said")."""
    lone = {c.text for c in cands if " " not in c.text and c.role in {"ner", "place"}}
    shaped = [c for c in cands if _person_shaped(c, world) and c.text.split()[-1] in lone]
    owners = Counter(name.split()[-1] for name in {c.text for c in shaped})
    for c in shaped:
        if owners[c.text.split()[-1]] == 1:
            c.kind = "person"


def vote_kinds(cands: list[Candidate], world: World | None = None) -> None:
    """A name the recognizer labels differently in different sentences takes its most
    frequent kind (persons win ties: organizations are the usual mislabel)."""
    if world is not None:
        promote_shortened_names(cands, world)
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in cands:
        if c.role in {"ner", "place"}:
            votes[c.text][c.kind] += 1
    # a single word that is the surname of a person seen elsewhere is that person, and so
    # is the first name of exactly one ("Lazaro" tagged as an organization, "Lazaro Gonzalez")
    full = [c.text.split() for c in cands if c.kind == "person" and len(c.text.split()) > 1]
    surnames = {words[-1] for words in full}
    firsts = Counter(words[0] for words in {tuple(w) for w in full})
    for c in cands:
        if c.role not in {"ner", "place"}:
            continue
        count = votes[c.text]
        if c.text in surnames or firsts[c.text] == 1 and " " not in c.text:
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


def _initialed(words: list[str]) -> bool:
    return len(words) >= 2 and all(re.fullmatch(r"[A-Z]\.?", w) for w in words[:-1])


def _initialed_owner(short: str, fulls: list[str]) -> str | None:
    """A name with initials for first names ("B. U. Nzeribe") is the one full name with the
    same surname and a first name with the same initial ("Benjamin Nzeribe")."""
    words = short.split()
    if not _initialed(words):
        return None
    owners = [f for f in fulls if f != short and len(f.split()) >= 2 and not _initialed(f.split())
              and f.split()[-1] == words[-1] and f[0] == words[0][0]]
    return owners[0] if len(owners) == 1 else None


def _drop_opening_participles(persons: list[Candidate]) -> None:
    """"Hosting Cook at the summit was a dream": a participle opening the sentence, taken
    into the name because it is capitalized, is no first name when the surname after it
    belongs to another full name in the text ("Tim Cook")."""
    fulls = {tuple(c.text.split()) for c in persons if len(c.text.split()) > 1}
    for c in persons:
        words = c.text.split()
        if len(words) != 2 or len(c.span) != 2 or not (words[0].endswith("ing") and len(words[0]) >= 6) \
                or c.span.start != c.span.sent.start:
            continue
        if any(f[-1] == words[-1] and f[0] != words[0] for f in fulls):
            c.span = c.span[1:]
            c.text = words[-1]


def person_keys(cands: list[Candidate]) -> None:
    """Map every person mention to its fullest name, the nearest earlier one first when a
    surname is shared ("Clinton" after "Bill Clinton")."""
    persons = [c for c in cands if c.kind == "person"]
    _drop_opening_participles(persons)
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
        owner = None if longer else (_first_name_of(name, fulls) or _spelled_alike(name, fulls)
                                     or _initialed_owner(name, fulls))
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
    _complete_short_names(orgs, world)
    _complete_last_words(orgs, world)
    for c in orgs:
        plain = c.key.replace(".", "")
        if c.key.isupper() or plain.isupper():
            target = by_initials.get(plain) or _abbreviated(plain, {o.key for o in orgs} - {c.key})
            if target and target != c.key:
                c.key = target


def _complete_short_names(orgs: list[Candidate], world: World) -> None:
    """A name the recognizer cut short ("Florida International" of "Florida International
    University") is the one longer name it begins."""
    keys = {c.key for c in orgs}
    for c in orgs:
        words = c.key.split()
        if len(words) < 2 or c.key in world.names:
            continue
        longer = [k for k in keys if k.split()[:len(words)] == words and len(k.split()) > len(words)]
        if len(longer) == 1:
            c.key = longer[0]


def _complete_last_words(orgs: list[Candidate], world: World) -> None:
    """A lone organization word that ends names ("the Times", "the Post") is the one
    longer organization name it is a later word of ("The New York Times")."""
    keys = {c.key for c in orgs}
    suffixes = set(world.rules["organization_suffixes"])
    for c in orgs:
        if " " in c.key or c.key not in suffixes or c.key in world.names or c.role != "ner":
            continue
        longer = [k for k in keys if len(k.split()) > 1 and c.key in k.split()[1:]]
        if len(longer) == 1:
            c.key = longer[0]


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


def drop_place_qualifiers(cands: list[Candidate], world: World) -> list[Candidate]:
    """"Bethesda, Md.", "Newark, N.J.": the abbreviation after a place and a comma names
    where that place is, not a place of its own."""
    qualifiers = set(world.rules["place_qualifiers"])
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        doc = c.span.doc
        text = c.text.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,3}", c.text) else c.text
        after_place = prev is not None and prev.sentence == c.sentence and prev.kind == "place" \
            and prev.span.end + 1 == c.span.start and doc[prev.span.end].text == ","
        guessed = c.kind == "place" or c.kind == "organization" and c.role == "ner"
        if after_place and guessed and (text in qualifiers or re.fullmatch(r"[A-Z]{2}", text)):
            continue
        out.append(c)
    return out


def place_keys(cands: list[Candidate], world: World) -> None:
    """A place whose name is a known country is that country ("Syria" said as a place)."""
    for c in cands:
        if c.kind == "place":
            known = world.lookup(c.text)
            if known and known.kind == "country" and known.role in {"name", "alias"}:
                c.kind, c.key, c.role = "country", known.name, known.role
