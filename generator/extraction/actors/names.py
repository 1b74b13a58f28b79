"""Names and merging: how the mentions of one actor become one key.

The merging rules map each candidate (one name in one sentence) to the key of the actor
it names: a surname to the full name, a lone first name or a name with initials to the
one person it fits, in the same article only (a surname or first name only to a full
name given before it); an acronym to its long form, a short form
of an organization to the one longer name it begins or ends (a company's short name to
its full one), the singular and plural of one group and a name with or without its
apostrophe to one key; and a name the recognizer typed differently in different
sentences takes its most frequent kind. Each merge can say why (`merge_reason`).
(Cleaning a name is `text.clean_name`; the mentions added or dropped before merging are
`mentions.py`.)
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.extraction.actors.companies import complete_company_names, drop_legal_forms, without_legal_form
from generator.extraction.actors.table import Candidate
from generator.extraction.world import World
from generator.text import slug_words


def initials(name: str) -> str:
    """The acronym a long name makes: capitalized words, hyphenated parts counted once."""
    words = re.findall(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*", name)
    return "".join(w[0] for w in words if w[0].isupper())


# --- merging --------------------------------------------------------------------


def person_shaped(text: str, world: World) -> bool:
    """Could this name be a person's full name: two or three capitalized words in any
    alphabet ("Søren Ødegård", "Siobhán O'Brien-Ní Mhaoláin"), none a name, head, suffix
    or trade of organizations, nor a known name?"""
    words = text.split()
    if not 2 <= len(words) <= 3 or world.lookup(text):
        return False
    rules = world.rules
    banned = set(rules["organization_suffixes"]) | set(rules["organization_heads"]) \
        | set(rules["organization_openers"]) | set(rules["facility_heads"]) | set(rules["generic_words"]) \
        | set(rules["company_descriptors"]) | world.not_actors
    known_part = any(world.lookup(" ".join(words[i:j])) for i in range(len(words))
                     for j in range(i + 1, len(words) + 1))  # "Islamist Muslim Brotherhood"
    return all(_name_word(w) for w in words) and not known_part and not any(w in banned for w in words)


def _name_word(word: str) -> bool:
    """A capitalized word of letters whose parts after a hyphen or an apostrophe are
    capitalized too ("Ødegård", "O'Brien-Ní"; not "McAllister", "al-Hakim")."""
    parts = re.split(r"[-'’]", word)
    return all(p.isalpha() and p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


def _person_shaped(c: Candidate, world: World) -> bool:
    """Could this unknown "organization" be a person's full name (`person_shaped`:
    "Marcelo Claure" tagged as an organization)?"""
    return c.kind == "organization" and c.role == "ner" and person_shaped(c.text, world)


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
    # the surname of a person seen elsewhere is that person, one word or more ("O'Brien-Ní
    # Mhaoláin" of "Siobhán O'Brien-Ní Mhaoláin"), and so is the first name of exactly
    # one ("Lazaro" tagged as an organization, "Lazaro Gonzalez")
    full = [c.text.split() for c in cands if c.kind == "person" and len(c.text.split()) > 1]
    surnames = {" ".join(words[cut:]) for words in full for cut in range(1, len(words))}
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
    """Is `short` a shorter form of `full`? Surname ("Sorvino"), hyphen part ("Hakim" of
    "al-Hakim"), or a subset of the words with the same last name ("Samir al-Hakim")."""
    s, f = short.lower().split(), full.lower().split()
    if len(s) >= len(f):
        return False
    last = f[-1]
    if s[-1] != last and not (len(s) == 1 and last.split("-")[-1] == s[0]):
        return False
    return all(w in f for w in s[:-1])


def _spelled_alike(short: str, fulls: list[str]) -> str | None:
    """A lone surname spelled another way ("Hordienko" for "Dmytro Hordiyenko"): the one
    full name whose surname is nearly the same word."""
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


def person_keys(cands: list[Candidate], articles: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """Map every person mention to its fullest name in its own article, the nearest
    earlier one first when a surname is shared ("Marek" after "Ivo Marek").

    `articles` gives the article of each sentence (by index): news introduces a person
    by the full name in every article, so a surname or a first name joins a full name
    only where the same article gives the full name first (initials join the one full
    name they fit in the same article), and two articles' "Berg", or a "Dr. Berg" named
    before "Anna Berg", can be two people. Without it, all the candidates are one
    article. Returns the pairs of keys (short name, full name) kept apart because the
    short name came first, for `briefing generate --explain`."""
    persons = [c for c in cands if c.kind == "person"]
    _unify_case(persons)
    by_article: dict[str, list[Candidate]] = defaultdict(list)
    for c in persons:
        by_article[articles[c.sentence] if articles is not None else ""].append(c)
    apart: list[tuple[str, str]] = []
    for members in by_article.values():
        _drop_opening_participles(members)
        apart += _person_keys_in(sorted(members, key=lambda c: (c.sentence, c.span.start)))
    return list(dict.fromkeys(apart))


def _unify_case(persons: list[Candidate]) -> None:
    """One spelling per name whatever its case ("Bin Saleem", "bin Saleem"): the one with
    fewer capitals where a sentence does not start with it."""
    spelled: dict[str, str] = {}
    for c in persons:
        first = spelled.setdefault(c.text.lower(), c.text)
        if c.text != first and c.span.start > c.span.sent.start and sum(ch.isupper() for ch in c.text) < \
                sum(ch.isupper() for ch in first):
            spelled[c.text.lower()] = c.text
    for c in persons:
        c.text = spelled[c.text.lower()]


def _short_form(name: str) -> bool:
    """A name that needs a full name before it to join one: one word, a surname or a
    first name. (Initials and a surname, "J. K. Mwangi", say more: they join the one
    full name they fit wherever it stands.)"""
    return len(name.split()) == 1


def _person_keys_in(persons: list[Candidate]) -> list[tuple[str, str]]:
    """`person_keys` within one article, its persons in text order."""
    first_at: dict[str, int] = {}
    for n, c in enumerate(persons):
        first_at.setdefault(c.text, n)
    # Longest first. Among names as long: full names before names with initials (which
    # take a full name's key, so it must be settled first), then in the order the text
    # first names them. A short form joins only the full names named before it.
    fulls = sorted(first_at, key=lambda t: (-len(t.split()), _initialed(t.split())))
    parent = {name: name for name in fulls}
    for i, name in enumerate(fulls):
        before = [f for f in fulls if first_at[f] < first_at[name] or not _short_form(name)]
        longer = [f for f in fulls[:i] if _same_person(name, f) and f in before]
        owner = None if longer else (_first_name_of(name, before + [name]) or _spelled_alike(name, before)
                                     or _initialed_owner(name, before))
        if owner:
            parent[name] = parent[owner]
        elif len({parent[f] for f in longer}) == 1:
            parent[name] = parent[longer[0]]
        elif longer:
            parent[name] = ""  # ambiguous: decided per mention below
    last_seen: dict[str, str] = {}
    for n, c in enumerate(persons):
        key = parent[c.text]
        own = key == c.text and _short_form(c.text)  # named before any full name it fits
        fits = [parent[f] or f for f in fulls if _same_person(c.text, f) and first_at[f] < n]
        choices = list(dict.fromkeys(([key] if key and not own else []) + fits + ([c.text] if own else [])))
        if not key or _short_form(c.text) and len(choices) > 1:  # the nearest earlier one
            recent = last_seen.get(c.text.split()[-1])
            key = recent if recent in choices else c.text if own else key or choices[0]
        c.key = key
        for w in c.text.split():
            last_seen[w] = key
        last_seen[c.text] = key
    return [(name, parent[f] or f) for name in fulls if parent[name] == name and _short_form(name)
            for f in fulls if _same_person(name, f) and first_at[f] > first_at[name]]


def organization_keys(cands: list[Candidate], world: World) -> None:
    """Acronyms and long forms are one organization: from "(ACRONYM)" after a name, or
    from the initials of a long name seen in the text."""
    orgs = [c for c in cands if c.kind in {"organization", "group"}]
    drop_legal_forms(orgs, world)
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
    by_initials: dict[str, str] = {}
    for name in dict.fromkeys(c.key for c in orgs if len(c.key.split()) > 1):
        if len(initials(name)) >= 2:  # two long names with one acronym: the first named has it
            by_initials.setdefault(initials(name), name)
    for c in orgs:  # "U.S. Immigration and Naturalization Service" is the INS
        first = c.span.doc[c.span.start]
        known = world.lookup(first.text)
        if known and known.kind == "country" and len(c.span) > 2:
            by_initials.setdefault(initials(c.span[1:].text), c.key)
    for c in orgs:
        after = c.span.doc[c.span.end:c.span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
            by_initials.setdefault(after[1].text, c.key)
    _join_spellings(orgs, world)
    _complete_short_names(orgs, world)
    complete_company_names(cands, orgs, world)
    _complete_last_words(orgs, world)
    for c in orgs:
        plain = c.key.replace(".", "")
        if c.key.isupper() or plain.isupper():
            target = by_initials.get(plain) or _abbreviated(plain, {o.key for o in orgs} - {c.key})
            if target and target != c.key:
                c.key = target


def spelling_key(name: str, world: World) -> str:
    """What one organization's or group's names share however the text writes them: no
    apostrophe ("Sainsbury’s", "Sainsbury's", "Sainsburys") and, for one word that is no
    organization suffix ("Times", "News"), no plural "s" ("Yazidi", "Yazidis")."""
    plain = re.sub(r"['’]", "", name)
    suffixes = set(world.rules["organization_suffixes"]) | set(world.rules["organization_heads"])
    if " " not in plain and len(plain) > 4 and plain.endswith("s") and plain not in suffixes \
            and not plain.isupper():
        return plain[:-1]
    return plain


def _join_spellings(orgs: list[Candidate], world: World) -> None:
    """The singular and plural of one group ("Yazidi positions", "the Yazidis said") and a
    name with and without its apostrophe are one actor: the name the world data knows,
    else the plural (the members, who act), else the first written."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in dict.fromkeys(c.key for c in orgs):
        groups[spelling_key(key, world)].append(key)
    chosen: dict[str, str] = {}
    for keys in groups.values():
        best = next((k for k in keys if k in world.names), None) \
            or next((k for k in keys if k.endswith("s") and spelling_key(k, world) != k), keys[0])
        chosen.update(dict.fromkeys(keys, best))
    for c in orgs:
        c.key = chosen[c.key]


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




# --- explaining ------------------------------------------------------------------


def merge_reason(alias: str, name: str, kind: str, world: World) -> str:
    """Why `alias` names the actor called `name`, in the words of the rule above that joins
    them, for `briefing generate --explain`: a person checks a merge by its reason."""
    if slug_words(alias) == slug_words(name) or "".join(slug_words(alias)) == "".join(slug_words(name)):
        return "the same name in another script or spelling"
    if kind != "person" and spelling_key(alias, world) == spelling_key(name, world):
        return "the same name with or without an apostrophe or plural s"
    if alias.replace(".", "").isupper() and (initials(name) == alias.replace(".", "")
                                             or _abbreviated(alias.replace(".", ""), {name})):
        return "the acronym or abbreviation of the long name"
    if kind == "person":
        return _person_reason(alias, name)
    if without_legal_form(alias, world) == name:
        return "the name with its legal form"
    if name.split()[0] == alias or name.startswith(alias + " "):
        return "the short form of the one longer name it begins"
    if alias in name.split()[1:] or name.endswith(" " + alias):
        return "a later word of the one longer name"
    return "another name for it in the world data, or given by the text (\"also known as\")"


def _person_reason(alias: str, name: str) -> str:
    """`merge_reason` for a person's name."""
    if _same_person(alias, name):
        return "the surname or a shorter form of the full name, given by the same article"
    if _initialed(alias.split()):
        return "initials and the surname of the one full name they fit, in the same article"
    if name.lower().startswith(alias.lower() + " "):
        return "the first name of the one person so named in the same article"
    if _spelled_alike(alias, [name]):
        return "the surname spelled another way, in the same article"
    return "the same person by the world data or the text"
