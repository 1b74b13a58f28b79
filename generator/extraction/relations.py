"""Relations between actors: who supports, fights, sanctions, mediates or hosts whom.

Patterns over the dependency parse, kept as data in `data/relations_patterns.yml`:
a verb between its subject and object ("Turkey, which supports Azerbaijan"), a verb and
one of its prepositions ("mediating in the conflict between the two republics"), a noun
between its owner and its prepositional object ("a defense treaty with that country",
"sanctions on X", "an air base in X"), and the parties of talks or fighting. Phrases that
are not names resolve through references.py ("that country", "the two former
Soviet republics"). Titles of office are the actor pass's relations, not repeated here.

A name's own modifiers and neighbours state relations too (`_mention_relations`), as
CoNLL04 annotates them and AP style writes them: a place then a larger one ("Springfield,
Ohio", "Springfield in northern Ohio", "Ohio's capital, Springfield": part-of, the larger
by the gazetteer's kind), a person's home town ("Anna Berg of Vienna", "a Vienna lawyer":
resident-of) or employer ("Ivo Marek of Acme", "an engineer at Acme", "Acme attorney Ivo
Marek": member-of), a company's seat ("Acme in Vienna", "the Vienna-based Acme", "Vienna,
where Acme is incorporated": based-in), and kin ("his wife, Anna Berg": family-of, the
text saying which). A relation the parse does not give its actor is left out, never
guessed from the nearest name.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.actors.offices import cite_again
from generator.extraction.events.factuality import event_status
from generator.extraction.events.roles import draft_event, group_triggers
from generator.extraction.events.triggers import find_triggers
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.references import View, actors_of, build_views
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import speech_verbs
from generator.schema import Actor, Relation, SourceRef

Found = tuple[str, str, str]  # (subject id, relation type, target id)
# Passives whose subject is the one the relation is about: "Acme is based in Vienna".
PLACES = ("place", "country")
STATIVE_PASSIVES = frozenset({"base", "headquarter", "locate", "situate", "incorporate", "register"})
MAX_DESCRIPTION = 6  # lowercase words between "<place>-based" and the name it describes


def extract_relations(sentences: list[Sentence], actors: dict[str, Actor]) -> list[tuple[str, Relation]]:
    """(subject actor id, relation) for each relation the sentences state, once each,
    citing each sentence that states it (offices.py `cite_again`)."""
    out: list[tuple[str, Relation]] = []
    seen: dict[Found, Relation] = {}
    for view in build_views(sentences, actors):
        quote = SourceRef(article=view.sentence.article.id, quote=view.sentence.text)
        for subject, kind, target in relations_in(view):
            key = (subject, kind, target)
            mirror = (target, kind, subject)
            known = subject in actors and target in actors
            if subject == target or not known or cite_again(seen.get(key), quote):
                continue
            if not _fits(kind, actors[subject], actors[target]):
                continue
            if kind == "part-of" and not _is_larger(actors[target], actors[subject]):
                continue
            if kind in load_data("relations_patterns")["symmetric"] and cite_again(seen.get(mirror), quote):
                continue
            seen[key] = Relation(type=kind, target=target, text=view.sentence.text, sources=[quote])
            out.append((subject, seen[key]))
        for relative, owner, noun in family_in(view):
            key = (relative, "family-of", owner)
            if relative == owner or cite_again(seen.get(key), quote):
                continue
            text = f"{actors[relative].name} is the {noun} of {actors[owner].name}."
            seen[key] = Relation(type="family-of", target=owner, text=text, sources=[quote])
            out.append((relative, seen[key]))
    return out


def family_in(view: View) -> list[tuple[str, str, str]]:
    """(relative, person, kinship noun) for "his wife, Anna Berg", "Ivo Marek's son Petr
    Marek", "Anna Berg, the wife of Ivo Marek" (`family_nouns`). The owner must be one
    person the parse names or the pronoun resolves to; else no relation, not a guess."""
    nouns = load_data("relations_patterns")["family_nouns"]
    found: list[tuple[str, str, str]] = []
    for head, (relative, _, _) in _mentions(view).items():
        token = view.span.doc[head]
        if view.actors[relative].kind != "person":
            continue
        kin = [c for c in token.children if c.dep_ == "appos" and c.lemma_.lower() in nouns]
        if token.dep_ in ("appos", "compound") and token.head.lemma_.lower() in nouns:
            kin.append(token.head)
        for noun in kin:
            owners = [a for c in noun.children if c.dep_ == "poss" for a in actors_of(view, c)] or \
                [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" for a in actors_of(view, o)]
            people = [a for a in dict.fromkeys(owners) if view.actors[a].kind == "person" and a != relative]
            if len(people) == 1:
                found.append((relative, people[0], noun.lemma_.lower()))
    return found


def _counsel_relations(view: View) -> list[Found]:
    """A person named as someone's lawyer: "Anna Berg's lawyer, Ivo Marek", "Ivo Marek,
    the attorney representing Acme", "Acme's attorney Ivo Marek" (`counsel_nouns`). A
    lawyer works for an organization client (member-of, as "a lawyer for Acme" already
    reads) and is related to a person one. A client the parse does not name, or "defense
    attorney Ivo Marek" with no owner, gives nothing: the defendant is not guessed."""
    nouns = load_data("relations_patterns")["counsel_nouns"]
    found: list[Found] = []
    for head, (lawyer, _, _) in _mentions(view).items():
        token = view.span.doc[head]
        if view.actors[lawyer].kind != "person":
            continue
        counsel = [c for c in token.children if c.dep_ == "appos" and c.lemma_.lower() in nouns]
        if token.dep_ == "appos" and token.head.lemma_.lower() in nouns:
            counsel.append(token.head)
        for noun in counsel:
            for client in dict.fromkeys(_clients(view, noun)):
                works_for = view.actors[client].kind in ("organization", "group")
                found.append((lawyer, "member-of" if works_for else "related-to", client))
    return found


def _clients(view: View, noun: Token) -> list[str]:
    """Whom a lawyer noun acts for: its possessor ("Acme's attorney"), the object of "for"
    ("a lawyer for Acme") or of a participle of `represent` on it ("the attorney representing Acme")."""
    out = [a for c in noun.children if c.dep_ == "poss" for a in actors_of(view, c)]
    out += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"
            for o in p.children if o.dep_ == "pobj" for a in actors_of(view, o)]
    out += [a for v in noun.children if v.dep_ in ("acl", "relcl") and v.lemma_.lower() == "represent"
            for o in v.children if o.dep_ == "dobj" for a in actors_of(view, o)]
    return out


def _fits(kind: str, subject: Actor, target: Actor) -> bool:
    """Whether the two actors' kinds can stand in this relation (data: `kinds`)."""
    allowed = load_data("relations_patterns")["kinds"].get(kind, {})
    return subject.kind in allowed.get("subject", [subject.kind]) and target.kind in allowed.get(
        "target", [target.kind])


def relations_in(view: View) -> list[Found]:
    """Every relation one sentence states, by verbs, nouns, adjectives and event parties.
    A verb or noun the article does not assert (`factuality.event_status`: "could impose
    sanctions", "would attack X if ...", "did not back") states no relation."""
    found: list[Found] = []
    for token in view.span:
        if token.pos_ in ("VERB", "AUX") and not any(c.dep_ == "neg" for c in token.children):
            if event_status(token) == "happened":
                found += _verb_relations(view, token) + _threat_relations(view, token)
            if token.lemma_ == "be":
                found += _attribute_relations(view, token)
        elif token.pos_ == "NOUN" and _asserted_noun(token):
            found += _noun_relations(view, token)
        if token.dep_ == "amod":
            found += _adjective_relations(view, token)
    return found + _party_relations(view) + _mention_relations(view) + _counsel_relations(view)


def _asserted_noun(noun: Token) -> bool:
    """Does the article assert what a relation noun names? An event noun must have
    happened ("sanctions" that "could" come state nothing). A state a possessive presupposes
    ("Acme's stakes in Globex will stay with Acme", "Acme could sell its stake in Globex",
    `state_nouns`) holds whatever the clause plans, unless the article denies it; a
    possessive pronoun must be resolved like any owner (`_owners`). A noun its own
    adjective makes unreal ("Acme's proposed merger with Globex", "a planned base in
    Freedonia", `unreal_modifiers`) states nothing yet."""
    unreal = load_data("relations_patterns")["unreal_modifiers"]
    if any(c.dep_ in ("amod", "compound") and c.lower_ in unreal for c in noun.children):
        return False
    status = event_status(noun)
    if status == "happened":
        return True
    states = load_data("relations_patterns")["state_nouns"]
    owned = any(c.dep_ == "poss" for c in noun.children)
    return owned and noun.lemma_.lower() in states and status not in (None, "denied")


def _pairs(subjects: list[str], kind: str, targets: list[str]) -> list[Found]:
    return [(s, kind, t) for s in subjects for t in targets if s != t]


def _subjects(view: View, verb: Token) -> list[str]:
    """The verb's acting subject, also through a passive's agent and a shared coordination.
    Of two subjects the parser gives one verb (a dateline's city read as one: "Strelsau,
    Feb 26 (AP) - Ruritania has slowed ..."), the nearest that names an actor; a subject
    of its own that names none still stops the climb to a coordinated verb's subject."""
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"
                       or c.dep_ == "nsubjpass" and verb.lemma_.lower() in STATIVE_PASSIVES),
                      key=lambda c: abs(c.i - verb.i))
    if subjects:
        return next((ids for c in subjects for ids in [actors_of(view, c)] if ids), [])
    for child in verb.children:
        if child.dep_ == "agent":
            return [a for p in child.children for a in actors_of(view, p)]
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subjects(view, verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Acme, based in Vienna": the noun it describes
        return actors_of(view, verb.head)
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
    where = lex["verb_preps"].get(lemma, {}).get("in")
    relative = verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
    if where and relative:  # "Vienna, where Acme is based"
        found += _pairs(subjects, where, actors_of(view, verb.head))
    if lemma in lex["owner_verbs"]:
        found += _pairs(subjects, lex["owner_verbs"][lemma], _object_owners(view, verb))
    if lemma in lex["facing_verbs"]:
        found += [(by, kind, s) for obj, kind in _faced(verb, lex) for by in _brought_by(view, verb, obj)
                  for s in subjects if by != s]
    return found


def _threat_relations(view: View, verb: Token) -> list[Found]:
    """"Ruritania warned there would be consequences if Freedonia crossed the border": a
    speaker who says a penalty (`threat_nouns`) will come if another actor acts threatens
    that actor (the subject of the "if" or "unless" clause). "There would be no
    retaliation" threatens no one; an unnamed condition ("if the talks failed") names no
    target. After the conditional threats of CAMEO's THREATEN codebook."""
    lex = load_data("relations_patterns")
    if verb.lemma_.lower() not in speech_verbs():
        return []
    speakers = _subjects(view, verb)
    found: list[Found] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not _names_penalty(clause, lex):
            continue
        conditions = [c for t in (clause, verb) for c in t.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
        targets = [a for c in conditions for s in c.children if s.dep_ == "nsubj" for a in actors_of(view, s)]
        found += _pairs(speakers, "threatens", targets)
    return found


def _names_penalty(clause: Token, lex: dict) -> bool:
    """Does a clause say a penalty will come ("there would be consequences"), not "no" one?"""
    return any(c.dep_ in ("attr", "nsubj") and c.lemma_.lower() in lex["threat_nouns"]
               and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in clause.children)


def _faced(verb: Token, lex: dict) -> list[tuple[Token, str]]:
    """The objects of "face" that another actor brings ("Anna Berg faces murder charges",
    "Acme faces a lawsuit"), with the relation their bringer has to the one who faces
    them (`faced_nouns`)."""
    return [(c, lex["faced_nouns"][c.lemma_.lower()]) for c in verb.children
            if c.dep_ == "dobj" and c.lemma_.lower() in lex["faced_nouns"]]


def _brought_by(view: View, verb: Token, noun: Token) -> list[str]:
    """Who brings what is faced: the agent of a participle on the noun ("charges brought
    by the state of Texas", "a lawsuit filed by Acme"), or the object of "from" or "by" on
    the noun or the verb ("faces a lawsuit from Acme"). None named: no relation."""
    found = [a for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
             for agent in acl.children if agent.dep_ == "agent"
             for p in agent.children if p.dep_ == "pobj" for a in actors_of(view, p)]
    return found or [a for prep in [*noun.children, *verb.children] if prep.dep_ == "prep"
                     and prep.lower_ in ("from", "by") for p in prep.children if p.dep_ == "pobj"
                     for a in actors_of(view, p)]


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
    for prep in [*noun.children, *_sibling_prep(noun)]:
        kind = patterns.get(prep.lower_) if prep.dep_ == "prep" else None
        if not kind:
            continue
        targets = _prep_objects(view, prep)
        owners = _owners(view, noun)
        if kind == "agreement-with" and _is_defense(noun, lex):
            kind = "defense-treaty"
        if noun.lemma_.lower() in lex["reversed_nouns"]:
            found += _pairs(targets, kind, owners)
        else:
            found += _pairs(owners, kind, targets)
    return found


def _sibling_prep(noun: Token) -> list[Token]:
    """The preposition right after a verb's object that the parser hung on the verb
    ("guarded the Acme headquarters in Strelsau"): English puts a noun's own
    prepositional phrase there, and the small model often attaches it one level up."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is None or after.dep_ != "prep" or after.head.i != noun.head.i or noun.dep_ != "dobj":
        return []
    return [after]


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


# --- relations a name's own modifiers state ------------------------------------------


def _mentions(view: View) -> dict[int, tuple[str, int, int]]:
    """Each name in the sentence by its head token: (actor id, first token, end token)."""
    out: dict[int, tuple[str, int, int]] = {}
    tokens = sorted(view.by_token)
    runs: list[list[int]] = []
    for i in tokens:
        if runs and runs[-1][-1] == i - 1 and view.by_token[runs[-1][-1]] == view.by_token[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    doc = view.span.doc
    for run in runs:
        first, end = run[0], run[-1] + 1
        outside = (doc[i] for i in run if not first <= doc[i].head.i < end or doc[i].head.i == i)
        head = next(outside, doc[run[-1]])
        out[head.i] = (view.by_token[run[0]], first, end)
    return out


def _mention_relations(view: View) -> list[Found]:
    """Relations a name's modifiers, apposition and neighbours state: "Springfield,
    Ruritania" (part-of), "Anna Berg of Vienna" (resident-of), "Ivo Marek of Acme" and
    "Ivo Marek, an engineer at Acme" (member-of), "Acme in Vienna" and "the Vienna-based
    Acme" (based-in)."""
    mentions = _mentions(view)
    found: list[Found] = []
    for head, (actor, first, end) in mentions.items():
        kind = view.actors[actor].kind
        token = view.span.doc[head]
        if kind == "place":
            found += [(actor, "part-of", t) for t in _places_around(view, mentions, token, end)
                      if _is_larger(view.actors[t], view.actors[actor])]
            found += [(p, "resident-of", actor) for p in _whose_hometown(view, token, end)]
        elif kind == "person":
            found += _person_modifiers(view, mentions, token)
        elif kind in ("organization", "group"):
            found += [(actor, "based-in", t) for t in _org_places(view, mentions, token, first)]
        found += _hyphen_links(view, actor, end)
    return found


def _hyphen_links(view: View, actor: str, end: int) -> list[Found]:
    """A name joined by a hyphen to a participle that describes another actor: "Red Hand,
    an Acme-linked group", "the Acme-affiliated Red Hand" (the described one is related to
    the name, `hyphen_links`); "Red Hand, an Acme-backed militia" (the name supports it,
    `hyphen_backers`; a backer right before the name is the actor pass's, offices.py
    `modifier_relations`). The described noun must be a name or stand in apposition to
    one; "Acme-linked militants" with no name says nothing. After AP style's compound
    modifiers and the issue's "X-linked", "X-backed"."""
    lex = load_data("relations_patterns")
    doc = view.span.doc
    if end + 1 >= view.span.end or doc[end].text != "-":
        return []
    word = doc[end + 1]
    link, backer = lex["hyphen_links"].get(word.lower_), lex["hyphen_backers"].get(word.lower_)
    if not (link or backer) or word.dep_ not in ("amod", "compound", "acl"):
        return []
    noun = word.head
    if noun.i in view.by_token:
        described = [] if backer else [view.by_token[noun.i]]  # a backer before a name: offices.py
    elif noun.dep_ == "appos" and noun.head.i in view.by_token:
        described = [view.by_token[noun.head.i]]
    else:
        return []
    if link:
        return _pairs(described, link, [actor])
    return _pairs([actor], backer, described)


def _named(view: View, mentions: dict, token: Token, kinds: tuple[str, ...]) -> str | None:
    """The actor a word names when it heads a name of one of these kinds."""
    actor = mentions.get(token.i, (None,))[0]
    return actor if actor and view.actors[actor].kind in kinds else None


def _places_around(view: View, mentions: dict, token: Token, end: int) -> list[str]:
    """The larger place a place is placed in: "Springfield, Ruritania", "Springfield in
    northern Ruritania", "Springfield, a town in Ruritania", "Springfield, the capital of
    Ruritania" (`place_noun_preps`), "Ruritania's capital,
    Springfield", "Ruritania's Zenda province"; not the next name of a list ("Springfield,
    Shelbyville and Ogdenville")."""
    lex = load_data("relations_patterns")
    out = [a for a in [_comma_place(view, mentions, token, end), _region_after(view, mentions, end)] if a]
    nouns = [c for c in token.children if c.dep_ == "appos" and c.lemma_.lower() in lex["place_nouns"]]
    if token.dep_ in ("appos", "compound") and token.head.lemma_.lower() in lex["place_nouns"]:
        nouns.append(token.head)
    for child in [token, *nouns]:
        preps = lex["place_preps"] if child is token else lex["place_noun_preps"]
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                out += [a for o in prep.children if o.dep_ == "pobj"
                        for a in [_named(view, mentions, o, PLACES)] if a]
            elif prep.dep_ == "poss":
                out += [a for a in [_named(view, mentions, prep, PLACES)] if a]
    return out


def _comma_place(view: View, mentions: dict, token: Token, end: int) -> str | None:
    """The place or country named right after a place and a comma ("Springfield, Ohio"),
    unless a list goes on."""
    doc = view.span.doc
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].i not in view.by_token:
        return None
    nxt = next(((aid, f, e) for aid, f, e in mentions.values() if f == end + 1), None)
    if nxt and view.actors[nxt[0]].kind in PLACES and not _in_list(doc, nxt[2], token):
        return nxt[0]
    return None


def _region_after(view: View, mentions: dict, end: int) -> str | None:
    """A country or state named right after a place by words that only say where in it
    the place lies, however the parse attaches them: "Zenda in southern Ruritania",
    "Zenda, south-east Ruritania", "Zenda in the northern part of Ruritania" (`compass_words`,
    `region_words`). Only a country or a state the gazetteer knows is taken, so "Zenda in
    Strelsau" (two towns, or a street in a town) says nothing."""
    lex = load_data("relations_patterns")
    doc, i = view.span.doc, end
    opener = i < view.span.end and doc[i].lower_ in lex["place_preps"]
    if not opener and not (i < view.span.end and doc[i].text == ","):
        return None
    i += 1
    skipped = 0
    while i < view.span.end and (doc[i].lower_ in lex["compass_words"] or doc[i].text == "-"
                                 or doc[i].lower_ == "the" and opener):
        i, skipped = i + 1, skipped + 1
    if opener and i + 1 < view.span.end and doc[i].lower_ in lex["region_words"] \
            and doc[i + 1].lower_ == "of":
        i, skipped = i + 2, skipped + 1
    target = next((aid for aid, f, _ in mentions.values() if f == i), None)
    if target is None or not (opener or skipped):
        return None
    return target if (_rank(view.actors[target]) or 0) >= lex["place_ranks"]["state"] else None


def _in_list(doc, end: int, token: Token) -> bool:
    """Does a list go on after the second name ("A, B and C"), or are the two names coordinated?"""
    after = doc[end] if end < len(doc) else None
    listed = after is not None and after.lower_ in ("and", "or") or after is not None and after.text == "," \
        and end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "or")
    return listed or any(c.dep_ == "conj" for c in token.children)


def _rank(actor: Actor) -> int | None:
    """How large a place is: a city, a state, a country, a continent (`place_ranks`);
    None when the gazetteer does not know it."""
    ranks = load_data("relations_patterns")["place_ranks"]
    if actor.kind == "country":
        return ranks["country"]
    known = load_gazetteer().place(actor.name)
    return ranks.get(known.kind) if known else None


def _is_larger(outer: Actor, inner: Actor) -> bool:
    """Can `outer` hold `inner`: a country never lies in a place, and of two places the
    gazetteer knows the outer one is the larger kind; an unknown one may be either.
    Anything that is not a place may be part of anything."""
    if inner.kind not in PLACES or outer.kind not in PLACES:
        return True
    if inner.kind == "country" and outer.kind != "country":
        return False
    a, b = _rank(outer), _rank(inner)
    return a is None or b is None or a > b


def _person_modifiers(view: View, mentions: dict, token: Token) -> list[Found]:
    """"Anna Berg of Vienna", "Anna Berg, 44, of Vienna" (resident-of); "Ivo Marek of
    Acme", "Ivo Marek at Acme", "Ivo Marek, an engineer with Acme" (member-of); "Anna
    Berg, a resident of Vienna" (resident-of). Words in `person_preps`, `not_member_nouns`."""
    lex = load_data("relations_patterns")
    person = mentions[token.i][0]
    heads = [token] + [c for c in token.children if c.dep_ in ("appos", "npadvmod") and c.pos_ == "NUM"]
    found: list[Found] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep":
                found += _prep_relation(view, mentions, person, prep, lex["person_preps"])
    found += _employer_before(view, person, mentions[token.i][1], lex)
    for noun in token.children:
        # a common noun, or a capitalized one that names no one ("a Republican from Ohio")
        described = noun.pos_ == "NOUN" or noun.pos_ == "PROPN" and noun.i not in view.by_token
        if noun.dep_ != "appos" or not described or noun.lemma_.lower() in lex["not_member_nouns"]:
            continue
        found += _noun_relations_of(view, mentions, person, noun, lex)
    return found + _homes(view, mentions, token, person, lex)


def _whose_hometown(view: View, token: Token, end: int) -> list[str]:
    """The one person a place is called the hometown of: "Zenda, Ivo Marek's hometown"
    (the apposition right after the place's comma, wherever the parser hung it), "near
    his hometown of Zenda" (the pronoun resolved by references.py, or no one);
    `hometown_nouns`. A birthplace is no home: "born in" says nothing of where one lives."""
    nouns = load_data("relations_patterns")["hometown_nouns"]
    doc = view.span.doc
    after = end < view.span.end - 1 and doc[end].text == ","
    homes = [t for t in view.span if t.dep_ == "appos" and t.lemma_.lower() in nouns
             and (t.head.i == token.i or after and t.left_edge.i == end + 1)]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in nouns:
        homes.append(token.head.head)
    owners = {a for home in homes for c in home.children if c.dep_ == "poss" for a in actors_of(view, c)
              if view.actors[a].kind == "person"}
    return list(owners) if len(owners) == 1 else []


def _homes(view: View, mentions: dict, token: Token, person: str, lex: dict) -> list[Found]:
    """"Ivo Marek's Strelsau home": the place named on a person's home (`home_nouns`)."""
    home = token.head
    if token.dep_ != "poss" or home.lemma_.lower() not in lex["home_nouns"]:
        return []
    return [(person, "resident-of", a) for c in home.children if c.dep_ in ("compound", "nmod", "amod")
            for a in [_named(view, mentions, c, PLACES)] if a]


def _noun_relations_of(view: View, mentions: dict, person: str, noun: Token, lex: dict) -> list[Found]:
    """What a noun said of a person ("an engineer at Acme", "an Acme employee", "a
    resident of Vienna") relates the person to: the name after its preposition, or an
    organization named in front of it. A title of office is the actor pass's."""
    found: list[Found] = []
    preps = lex["resident_nouns"].get(noun.lemma_.lower(), lex["apposition_preps"])
    for prep in noun.children:
        if prep.dep_ == "prep":
            found += _prep_relation(view, mentions, person, prep, preps)
    if noun.lemma_.lower() not in lex["resident_nouns"] and noun.lower_ not in _titles():
        for child in noun.children:
            target = _named(view, mentions, child, tuple(lex["noun_modifiers"])) \
                if child.dep_ in ("compound", "poss", "amod", "nmod") else None
            if target:
                found.append((person, lex["noun_modifiers"][view.actors[target].kind], target))
            if target and view.actors[target].kind in PLACES:  # "a Strelsau, Ruritania, lawyer": both
                found += [(person, "resident-of", a) for t in child.subtree if t.i != child.i
                          for a in [_named(view, mentions, t, PLACES)] if a]
    return found


def _whose_country(view: View, noun: Token) -> list[str]:
    """"Qatari officials, whose country is part of ...": "whose country" is the country
    that names the people the relative clause describes; none when no one country does."""
    if noun.lemma_.lower() not in ("country", "nation") or not any(
            c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
        return []
    clause = noun.head
    if clause.dep_ != "relcl":
        return []
    countries = {view.by_token[c.i] for c in clause.head.subtree if c.i < clause.i and c.i in view.by_token
                 and view.actors[view.by_token[c.i]].kind == "country"}
    return list(countries) if len(countries) == 1 else []


def _titles() -> set[str]:
    """Titles of office (`titles` in data/world.yml): the actor pass reads those."""
    return {t.lower() for words in load_data("world")["titles"].values() for t in words}


def _attribute_relations(view: View, verb: Token) -> list[Found]:
    """"Anna Berg is a member of Acme", "Ivo Marek is the Acme correspondent": a noun
    said of the subject by a copula, read as an apposition is; "Ruritania is part of the
    coalition" (`membership_nouns`)."""
    lex = load_data("relations_patterns")
    subjects = [a for c in verb.children if c.dep_ == "nsubj"
                for a in actors_of(view, c) or _whose_country(view, c)]
    people = [a for a in subjects if view.actors[a].kind == "person"]
    mentions = _mentions(view)
    found = [f for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"
             and c.lemma_.lower() not in lex["not_member_nouns"]
             for p in people for f in _noun_relations_of(view, mentions, p, c, lex)]
    for attr in verb.children:
        if attr.dep_ == "attr" and attr.lemma_.lower() in lex["membership_nouns"]:
            groups = [a for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" for a in actors_of(view, o)
                      if view.actors[a].kind in ("organization", "group")]
            found += _pairs([a for a in subjects if a not in people], "member-of", groups)
    return found


def _prep_relation(view: View, mentions: dict, person: str, prep: Token, table: dict) -> list[Found]:
    """The relation a preposition states between a person and the name it governs, by the
    name's kind (`table`: kind -> preposition -> relation type)."""
    out: list[Found] = []
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        for kind, preps in table.items():
            target = _named(view, mentions, pobj, (kind,))
            if target and prep.lower_ in preps:
                out.append((person, preps[prep.lower_], target))
                larger = _comma_place(view, mentions, pobj, mentions[pobj.i][2]) if kind in PLACES else None
                if larger and preps[prep.lower_] == "resident-of":  # "of Springfield, Ohio": Ohio too
                    out.append((person, "resident-of", larger))
    return out


def _org_places(view: View, mentions: dict, token: Token, first: int) -> list[str]:
    """Where an organization is: "Acme in Vienna", "the Vienna-based Acme", "Acme, a
    Vienna company", "Vienna's Acme" (possessor), "Acme, a Vienna-based firm", "the
    Vienna-based rights group Acme". Words in `org_place_preps`, `based_words`."""
    lex = load_data("relations_patterns")
    out: list[str] = []
    nouns = [token] + [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if token.dep_ in ("appos", "compound") and token.head.pos_ == "NOUN":
        nouns.append(token.head)
    for noun in nouns:
        preps = lex["org_place_preps"] if noun is token else lex["description_place_preps"]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                out += [a for o in child.children if o.dep_ == "pobj"
                        for a in [_named(view, mentions, o, PLACES)] if a]
            elif child.dep_ == "poss" or child.dep_ in ("compound", "nmod") and noun is not token:
                out += [a for a in [_named(view, mentions, child, PLACES)] if a]
        if noun is token:
            out += _based_before(view, _described_from(view, first), first, lex)
        else:
            out += _based_before(view, noun.left_edge.i, noun.i, lex)
    return list(dict.fromkeys(out))


def _described_from(view: View, first: int) -> int:
    """Where the lowercase words describing a name start ("the Vienna-based rights group
    Acme": at "-based"), up to MAX_DESCRIPTION tokens before it."""
    doc, i = view.span.doc, first
    while i - 1 > view.span.start and first - i < MAX_DESCRIPTION and (doc[i - 1].is_lower
                                                                         or doc[i - 1].text == "-"):
        i -= 1
    return i - 1 if i - 1 >= view.span.start and doc[i - 1].text == "-" else i


def _based_before(view: View, start: int, end: int, lex: dict) -> list[str]:
    """The place of "<place>-based" among the tokens [start, end)."""
    doc = view.span.doc
    return [view.by_token[i - 2] for i in range(max(start, view.span.start + 2), end)
            if doc[i].lower_ in lex["based_words"] and doc[i - 1].text == "-" and i - 2 in view.by_token
            and view.actors[view.by_token[i - 2]].kind in PLACES]


def _employer_before(view: View, person: str, first: int, lex: dict) -> list[Found]:
    """"Acme attorney Ivo Marek", "Vienna businessman Ivo Marek": a name, then the words of
    what the person does, right before the person's name: the person works for the
    organization, lives in the place (`noun_modifiers`). A title of office is the actor
    pass's (offices.py); a noun of `not_member_nouns` ("Acme critic") says neither."""
    doc = view.span.doc
    i = first - 1
    words = []
    while i >= view.span.start and doc[i].is_lower and doc[i].pos_ == "NOUN" and i not in view.by_token:
        words.append(doc[i])
        i -= 1
    if not words or words[0].lemma_.lower() in lex["not_member_nouns"] or i < view.span.start:
        return []
    owner = view.by_token.get(i)
    kind = view.actors[owner].kind if owner else None
    if owner == person or kind is None or words[0].lower_ in _titles():
        return []
    relation = lex["noun_modifiers"].get(kind)
    return [(person, relation, owner)] if relation else []
