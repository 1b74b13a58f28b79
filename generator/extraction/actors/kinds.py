"""Kinds from general evidence: what a name does in its sentences, and what the gazetteer
and the world data know of it.

The small recognizer types a name from its letters and neighbours, and often wrongly: a
company it has not seen is a place ("sold to Corvantis"), a city after "near" is a person,
a movement with an Arabic name is a person, a drug that opens a sentence is an
organization. The evidence used here is general: a place does not say, decide or pay,
nor own shareholders (`agency_verbs`, `company_nouns` in `data/actor_rules.yml`, and the
claims pass's speech verbs); what is bought is a company (`transaction_words`); a name in
apposition to "a militant group" is a group (`group_nouns`); a word an article writes in
lowercase as often as capitalized is a common word; a name the gazetteer knows, after "in"
or "near" or before a common noun ("a Madison courtroom"), is a place.

Each rule reads one mention; `retype` weighs them across the article, so one sentence of
evidence types every mention of that name.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Span, Token

from generator.extraction.actors.countries import country_evidence, titled_words
from generator.extraction.actors.names import person_shaped
from generator.extraction.actors.table import Candidate
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import speech_verbs
from generator.extraction.world import World


def _head_of(span: Span) -> Token:
    """The token that stands for the whole name in its sentence: its root, or, for a name
    listed after another ("stakes in Tolvane and Marlo Asia"), the first of the list."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def acts(span: Span, world: World) -> bool:
    """Is the name the subject of a verb of speech or agency ("Corvantis is paying",
    "Tolvane says", "waiting for Tolvane to buy it")?"""
    root = _head_of(span)
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.head is root:
        return False
    lemma = root.head.lemma_.lower()
    if root.dep_ == "nsubjpass":
        return False
    return lemma in world.rules["agency_verbs"] or lemma in speech_verbs()


def owns_company_things(span: Span, world: World) -> bool:
    """Is the name the possessor of what companies have ("Corvantis's shareholders"), or of
    another name ("Corvantis's Harlowe")?"""
    root = _head_of(span)
    if root.dep_ != "poss":
        return False
    owned = root.head
    return owned.lower_ in world.rules["company_nouns"] or owned.pos_ == "PROPN" and owned.is_title


def is_bought(span: Span, world: World) -> bool:
    """Is the name the object of buying, selling or investing ("had bought Pixtrel",
    "investments including Pixtrel", "a stake in Pixtrel")?"""
    root = _head_of(span)
    words = set(world.rules["transaction_words"])
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in words or root.head.lower_ in words
    if root.dep_ == "pobj":
        prep = root.head
        return prep.lower_ in words or prep.lower_ == "in" and prep.head.lemma_.lower() in words
    return False


def group_kind(span: Span, world: World) -> str | None:
    """"group" or "organization" when the name is described as one: it opens with a word
    that opens movements' names ("Jaish al-Fath"), or stands in apposition to a noun
    for one ("Jaish al-Fath, a militant group"; "the group behind the raid —
    Jaish al-Fath")."""
    if span[0].text in world.rules["group_name_words"]:
        return "group"
    root = _head_of(span)
    nouns = set(world.rules["group_nouns"])
    described = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        described.append(root.head)
    for noun in described:
        if noun.lemma_.lower() in nouns and noun.pos_ == "NOUN":
            return "organization" if noun.lemma_.lower() in world.rules["organization_nouns"] else "group"
    return None


def locative(span: Span, world: World) -> bool:
    """Is the name where something is: after a locative preposition ("near Goma", "at
    Agadir"), or before a common noun as its modifier ("a Madison courtroom"), unless
    that noun would end a name of its own ("the Prado museum")?"""
    root = _head_of(span)
    if root.dep_ == "pobj" and root.head.lower_ in world.rules["locative_prepositions"]:
        return True
    named = set(world.rules["facility_heads"]) | set(world.rules["organization_suffixes"])
    head = root.head
    return root.dep_ == "compound" and head.pos_ == "NOUN" and span.end == head.i \
        and head.text.title() not in named  # "the Prado museum" is the museum's short name


def place_of(span: Span, world: World) -> bool:
    """Is the name what a place noun is "of" ("the town of Qaram", "the port of Velmar":
    `place_of_nouns`)?"""
    root = _head_of(span)
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in world.rules["place_of_nouns"]


MAX_AGE = 120
MAX_DESCRIPTION = 8  # tokens after a name's comma in which a description names its title
DESCRIPTION_OPENERS = {"a", "an", "the", "former"}  # "Marek, former deputy director of Acme"


def described_as_person(span: Span, world: World) -> bool:
    """Is the name followed by what AP style says of a person, between commas: an age
    ("Marek, 53, said"), a title of office ("Marek, a senior Defense Ministry official",
    "Marek, former deputy director of Acme") or a party or nationality the recognizer
    marks ("Marek, a Republican from Zenda")?"""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].like_num and doc[end + 2].text == ",":
        return True
    stop = end + 1
    while stop < len(doc) and stop < end + MAX_DESCRIPTION and doc[stop].text not in {",", ";", ".", "("}:
        stop += 1
    return doc[end + 1].lower_ in DESCRIPTION_OPENERS and any(
        t.lemma_.lower() in world.titles or t.lower_ in world.titles or t.ent_type_ == "NORP"
        for t in doc[end + 2:stop])


def lives_as_person(span: Span, world: World) -> bool:
    """Does the sentence say of the name what only a person does or has: born, died or
    married (`person_verbs`: "Anna Berg was born in Vienna"), or a home, a wife, a
    funeral (`person_possessions`: "Berg's Vienna home")?"""
    root = _head_of(span)
    rules = world.rules
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in rules["person_verbs"]:
        return True
    if root.dep_ != "poss":
        return False
    owned = root.head
    return owned.lemma_.lower() in rules["person_possessions"]


def aged(span: Span) -> bool:
    """Is the name followed by an age set off by commas, as news gives a person's age
    ("Anna Berg, 50, of Vienna"; AP Stylebook, "ages")? Only people are given one."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 2].text != ",":
        return False
    age = doc[span.end + 1].text
    return age.isdigit() and 0 < int(age) <= MAX_AGE


QUALIFIED_END = {",", ".", "(", ";", ":", "--", "—", "–"}  # what may follow "Dayton, Ohio"


def qualified_place(span: Span, world: World) -> bool:
    """Is the name followed by a comma and the state or country it lies in, the way news
    places a town ("Harborton, Ohio (AP)", "Tarn, Mich., was")? The qualifier is a
    country of the world data, a state or country the gazetteer knows, or a state's
    abbreviation (`place_qualifiers`), and ends its phrase: "Acme, Ohio's largest
    employer" and "Anna Berg, Ohio Republican" qualify nothing."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    after = doc[span.end + 1:]
    for size in (3, 2, 1):
        words = after[:size]
        following = after[size] if len(after) > size else None
        if len(words) < size or following is not None and following.text not in QUALIFIED_END:
            continue
        if _is_region(words.text, world):
            return True
    return False


def _is_region(text: str, world: World) -> bool:
    """A country, a state or a state's abbreviation ("Ohio", "Mich.", "N.J.")."""
    known = world.lookup(text)
    if known is not None and known.kind == "country":
        return True
    place = load_gazetteer().place(text)
    bare = text.replace(".", "") if text.count(".") > 1 else text.rstrip(".")
    return place is not None and place.kind in {"state", "country"} or bare in world.rules["place_qualifiers"]


def names_land(span: Span, world: World) -> bool:
    """Is the name the modifier of a noun for land ("the Sierra Tarvana foothills",
    "in the Kessel valley": `landform_nouns`)?"""
    root = _head_of(span)
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and span.end == head.i \
        and head.lemma_.lower() in world.rules["landform_nouns"]


def noble(text: str, world: World) -> bool:
    """Does the name open with a title of nobility, then "of" or a person's name
    ("Duchess of Strelsau", "Prince Ivo Marek"; not "Prince Ivo Island")?"""
    words = text.split()
    if len(words) < 3 or words[0] not in world.rules["noble_titles"]:
        return False
    return words[1] == "of" or person_shaped(" ".join(words[1:]), world) \
        and words[-1] not in world.rules["facility_heads"]


def people_in(span: Span, world: World) -> bool:
    """Is the name where people are, after a locative preposition that a noun for
    people who live or gather somewhere governs ("supporters in Sandvik", "residents near
    Qaram"; not "investors in Veritas": `resident_nouns`)?"""
    root = _head_of(span)
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in world.rules["locative_prepositions"] \
        and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in world.rules["resident_nouns"]


def owned_by_country(span: Span, world: World) -> bool:
    """Is the name owned by a country's possessive ("Norway's Søren Ødegård")?"""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].lower_ not in {"'s", "’s"}:
        return False
    owner = next((e for e in doc.ents if e.start <= start - 2 < e.end), doc[start - 2:start - 1])
    known = world.lookup(owner.text)
    return known is not None and known.kind == "country"


def labels_thing(span: Span, world: World) -> bool:
    """Is the name only a label on a thing: the modifier of a common noun that is no
    organization's, after an article ("the so-called Pendragon plan", "a Halvern Trust
    structure")? Said of every mention, such a name is no actor."""
    root = _head_of(span)
    head = root.head
    if root.dep_ not in {"compound", "nmod", "amod"} or head.pos_ != "NOUN" or head.i < span.end:
        return False
    rules = world.rules
    if head.lower_ in rules["organization_heads"] or head.lemma_.lower() in rules["speaker_nouns"] \
            or head.lower_ in rules["media_nouns"] or head.lower_ in rules["company_nouns"]:
        return False
    start = span.start
    doc = span.doc
    before = doc[start - 1] if start > 0 else None
    return before is not None and (before.lower_ in {"the", "a", "an"} or before.dep_ == "amod")


def gazetteer_place(text: str) -> bool:
    """Does the gazetteer know a place of this name?"""
    return load_gazetteer().place(text) is not None


def common_words(cands: list[Candidate], sentences: list[Sentence]) -> set[tuple[str, str]]:
    """(article, word) for one-word names that their article writes in lowercase at least as
    often as capitalized ("Riflemen guarded ... two riflemen were", "Ibuprofen"):
    a common word that opened a sentence or a list, not a name."""
    lower: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        for t in s.span:
            if t.is_lower and t.is_alpha:
                lower[s.article.id][t.text] += 1
    capital: dict[str, Counter] = defaultdict(Counter)
    for c in cands:
        if " " not in c.text:
            capital[sentences[c.sentence].article.id][c.text] += 1
    out = set()
    for article, counts in capital.items():
        for word, n in counts.items():
            if lower[article][word.lower()] >= n:
                out.add((article, word))
    return out


def retype(cands: list[Candidate], sentences: list[Sentence], world: World) -> list[Candidate]:
    """Weigh each name's evidence across its article and set one kind for all its
    recognizer mentions; drop common words taken for names. World-data names keep theirs."""
    surnames = {c.text.split()[-1] for c in cands if c.kind == "person" and " " in c.text}
    titled = titled_words(sentences, world)
    common = common_words([c for c in cands if c.role in {"ner", "place"} and c.text not in surnames],
                          sentences)
    groups: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.role in {"ner", "place"}:
            groups[(sentences[c.sentence].article.id, c.text)].append(c)
    drop: set[int] = set()
    for (article, text), members in groups.items():
        if (article, text) in common or all(m.kind == "organization" and labels_thing(m.span, world)
                                             for m in members):
            drop.update(id(m) for m in members)
            continue
        kind = _weighed_kind(members, text, surnames, titled.get(article, set()), world)
        if kind is not None:
            for m in members:
                m.kind = kind
                if kind != "place" and m.role == "place":
                    m.role = "ner"
    return [c for c in cands if id(c) not in drop]


def _weighed_kind(members: list[Candidate], text: str, surnames: set[str], titled: set[str],
                  world: World) -> str | None:
    """The kind the evidence gives a name, or None to leave the recognizer's. `titled`:
    the article's words before titles of office, where demonyms stand."""
    if country_evidence(members, text, titled, world):
        return "country"  # "Ministers from Calvoria", "Calvorian Foreign Minister"
    kinds = {m.kind for m in members}
    if kinds != {"person"} and _person_like(text, world) and any(aged(m.span) for m in members):
        return "person"  # "Marie Anna Berg, 50, of Vienna" tagged an organization
    if kinds == {"organization"} and (" " not in text or _person_like(text, world)) \
            and not any(_company_evidence(m.span, world) for m in members) \
            and any(described_as_person(m.span, world) or lives_as_person(m.span, world) for m in members):
        return "person"  # "Berg, a professor of law", "Anna Berg was born in Vienna"
    if noble(text, world):
        return "person"  # "Ruritania's Duchess of Strelsau" tagged a place
    if any(place_of(m.span, world) for m in members):
        return "place"  # "near the town of Qaram"
    if " " not in text and kinds != {"person"} and _titled(members, world, honorific=True):
        return "person"  # "Dr. Kovacs ... Kovacs said": an honorific names a person
    if "organization" in kinds and person_shaped(text, world) and any(owned_by_country(m.span, world)
                                                                       for m in members):
        return "person"  # "Norway's Søren Ødegård"
    described = next((k for m in members if (k := group_kind(m.span, world))), None)
    if described and "place" not in kinds:
        return described
    known_place = gazetteer_place(text)
    if "person" not in kinds and not any(_company_evidence(m.span, world) for m in members) \
            and any(qualified_place(m.span, world) or names_land(m.span, world) for m in members):
        return "place"  # "Harborton, Ohio (AP)", "the Sierra Tarvana foothills"
    if "place" in kinds and not known_place and any(_company_evidence(m.span, world) for m in members):
        return "organization"
    if kinds == {"organization"} and " " not in text and all(locative(m.span, world) for m in members) \
            and any(people_in(m.span, world) for m in members) \
            and not any(_company_evidence(m.span, world) for m in members):
        return "place"  # "supporters in Sandvik"
    if kinds == {"person"} and " " not in text and text not in surnames:
        if known_place and not _titled(members, world) and all(locative(m.span, world) for m in members):
            return "place"
        if any(is_bought(m.span, world) for m in members) and not any(acts(m.span, world) for m in members):
            return "organization"
    return None


def _person_like(text: str, world: World) -> bool:
    """A person's full name, an initial allowed inside it ("Ulf D. Marbold")."""
    words = [w for w in text.split() if not (len(w) == 2 and w[0].isupper() and w[1] == ".")]
    return person_shaped(" ".join(words), world) if len(words) > 1 else False


def _company_evidence(span: Span, world: World) -> bool:
    return acts(span, world) or owns_company_things(span, world) or is_bought(span, world)


def _titled(members: list[Candidate], world: World, honorific: bool = False) -> bool:
    """Is one of the mentions right after an honorific ("Dr.", "Mr.", a rank) or, unless
    `honorific`, a title of office ("minister")? With `honorific`, only one written as
    such ("Major Kovacs", not "oil major ExxonMobil")."""
    honorifics = world.honorifics
    for m in members:
        before = m.span.doc[m.span.start - 1] if m.span.start > 0 else None
        if before is None:
            continue
        if before.text in world.rules["honorifics"] or not honorific and (
                before.lower_ in honorifics or before.lower_ in world.titles):
            return True
    return False
