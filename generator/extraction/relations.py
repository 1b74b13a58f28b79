"""Relations between actors: who supports, fights, sanctions, mediates or hosts whom.

Patterns over the dependency parse, kept as data in `data/relations_patterns.yml`:
a verb between its subject and object ("Turkey, which supports Azerbaijan"), a verb and
one of its prepositions ("mediating in the conflict between the two republics"), a noun
between its owner and its prepositional object ("a defense treaty with that country",
"sanctions on X", "an air base in X"), and the parties of talks or fighting. Phrases that
are not names resolve through references.py ("that country", "the two former
Soviet republics"). Titles of office are the actor pass's relations, not repeated here.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events.roles import draft_event, group_triggers
from generator.extraction.events.triggers import find_triggers
from generator.extraction.references import View, actors_of, build_views
from generator.extraction.sentence import Sentence
from generator.schema import Actor, Relation, SourceRef

Found = tuple[str, str, str]  # (subject id, relation type, target id)


def extract_relations(sentences: list[Sentence], actors: dict[str, Actor]) -> list[tuple[str, Relation]]:
    """(subject actor id, relation) for each relation the sentences state, once each."""
    out: list[tuple[str, Relation]] = []
    seen: set[Found] = set()
    for view in build_views(sentences, actors):
        for subject, kind, target in relations_in(view):
            key = (subject, kind, target)
            mirror = (target, kind, subject)
            if subject == target or target not in actors or subject not in actors or key in seen:
                continue
            if not _fits(kind, actors[subject], actors[target]):
                continue
            if kind in load_data("relations_patterns")["symmetric"] and mirror in seen:
                continue
            seen.add(key)
            text = view.sentence.text
            quote = SourceRef(article=view.sentence.article.id, quote=text)
            out.append((subject, Relation(type=kind, target=target, text=text, sources=[quote])))
    return out


def _fits(kind: str, subject: Actor, target: Actor) -> bool:
    """Whether the two actors' kinds can stand in this relation (data: `kinds`)."""
    allowed = load_data("relations_patterns")["kinds"].get(kind, {})
    return subject.kind in allowed.get("subject", [subject.kind]) and target.kind in allowed.get(
        "target", [target.kind])


def relations_in(view: View) -> list[Found]:
    """Every relation one sentence states, by verbs, nouns, adjectives and event parties."""
    found: list[Found] = []
    for token in view.span:
        if token.pos_ == "VERB" and not any(c.dep_ == "neg" for c in token.children):
            found += _verb_relations(view, token)
        elif token.pos_ == "NOUN":
            found += _noun_relations(view, token)
        if token.dep_ == "amod":
            found += _adjective_relations(view, token)
    return found + _party_relations(view)


def _pairs(subjects: list[str], kind: str, targets: list[str]) -> list[Found]:
    return [(s, kind, t) for s in subjects for t in targets if s != t]


def _subjects(view: View, verb: Token) -> list[str]:
    """The verb's acting subject, also through a passive's agent and a shared coordination."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return actors_of(view, child)
        if child.dep_ == "agent":
            return [a for p in child.children for a in actors_of(view, p)]
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subjects(view, verb.head)
    if verb.dep_ == "pcomp":  # "arming rebels in neighboring X": up to the clause's verb
        t = verb.head
        while t.pos_ != "VERB" and t.head.i != t.i:
            t = t.head
        return _subjects(view, t) if t.pos_ == "VERB" else []
    return []


def _prep_objects(view: View, prep: Token) -> list[str]:
    """Actors a preposition points at: its object, or the sides of "the conflict between ..."."""
    out: list[str] = []
    for p in [prep, *prep.conjuncts]:
        for pobj in p.children:
            if pobj.dep_ != "pobj":
                continue
            ids = actors_of(view, pobj)
            if not ids:
                ids = [a for sub in pobj.children if sub.dep_ == "prep" and sub.lower_ in ("between", "among")
                       for a in _prep_objects(view, sub)]
            out += [a for a in ids if a not in out]
    return out


def _verb_relations(view: View, verb: Token) -> list[Found]:
    """"A supports B", "A mediates between B and C": the verb's subject and its objects."""
    lex = load_data("relations_patterns")
    lemma = verb.lemma_.lower()
    subjects = _subjects(view, verb)
    if not subjects:
        return []
    found: list[Found] = []
    if lemma in lex["verbs"]:
        objects = [a for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.dep_ != "nsubj"
                   for a in actors_of(view, c)]
        found += _pairs(subjects, lex["verbs"][lemma], objects)
    for prep in verb.children:
        kind = lex["verb_preps"].get(lemma, {}).get(prep.lower_) if prep.dep_ == "prep" else None
        if kind:
            found += _pairs(subjects, kind, _prep_objects(view, prep))
    if lemma in lex["owner_verbs"]:
        found += _pairs(subjects, lex["owner_verbs"][lemma], _object_owners(view, verb))
    return found


def _object_owners(view: View, verb: Token) -> list[str]:
    """"The regulator has been overseeing Tolvane's share sale": the actor whose affair the object is."""
    return [a for obj in verb.children if obj.dep_ == "dobj"
            for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON" for a in actors_of(view, c)]


def _owners(view: View, noun: Token) -> list[str]:
    """Who holds a relation noun: its possessor or adjective ("U.S. sanctions"), else the
    subject of the verb it is the object of ("Russia has ... a treaty", "stayed as a guest")."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound") and child.i in view.by_token:
            return actors_of(view, child)
    for prep in noun.children:  # "a case at the International Court of Justice"
        if prep.dep_ == "prep" and prep.lower_ in ("by", "at", "from"):
            found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(view, p)
                     if view.actors[a].kind != "place"]
            if found:
                return found
    t = noun
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ in ("dobj", "attr"):
        return _subjects(view, t.head)
    if t.dep_ == "appos":  # "Freedonia, a close ally of Ruritania"
        return actors_of(view, t.head)
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ == "VERB":
        return _subjects(view, t.head.head)
    return []


def _noun_relations(view: View, noun: Token) -> list[Found]:
    """"A's treaty with B", "sanctions on B": the noun's owner and its preposition's object."""
    lex = load_data("relations_patterns")
    patterns = lex["nouns"].get(noun.lemma_.lower()) or lex["nouns"].get(noun.lower_)
    if not patterns:
        return []
    found: list[Found] = []
    for prep in noun.children:
        kind = patterns.get(prep.lower_) if prep.dep_ == "prep" else None
        if not kind:
            continue
        targets = _prep_objects(view, prep)
        owners = _owners(view, noun)
        if kind == "agreement-with" and _is_defense(noun, lex):
            kind = "defense-treaty"
        if kind in lex["reversed"]:
            found += _pairs(targets, kind, owners)
        else:
            found += _pairs(owners, kind, targets)
    return found


def _is_defense(noun: Token, lex: dict) -> bool:
    words = {t.lower_ for t in noun.subtree if t.i < noun.i}
    return noun.lemma_.lower() in ("treaty", "pact", "alliance") and bool(words & set(lex["defense_words"]))


def _adjective_relations(view: View, adj: Token) -> list[Found]:
    """"rebels in neighboring Chad": the clause's subject neighbours the named actor."""
    kind = load_data("relations_patterns")["adjectives"].get(adj.lower_)
    target = view.by_token.get(adj.head.i)
    if not kind or not target:
        return []
    verb = adj.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return _pairs(_subjects(view, verb), kind, [target])


def _party_relations(view: View) -> list[Found]:
    """Parties of talks or fighting are related to each other: "talks between A, B and C";
    not two sides of a conflict someone mediates in, nor two countries one person visits."""
    lex = load_data("relations_patterns")
    found: list[Found] = []
    triggers = find_triggers(view)
    for group in group_triggers(triggers):
        draft = draft_event(view, group, triggers)
        kind = lex["family_relations"].get(draft.key) or lex["party_relations"].get(draft.kind)
        if not kind:
            continue
        parties = [a for a, r in draft.roles.items() if r == "party" and view.actors[a].kind != "place"]
        found += [(a, kind, b) for a, b in combinations(parties, 2) if not {a, b} <= draft.sides]
    return found
