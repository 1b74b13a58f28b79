"""Event participants: who takes part in an event, in which role, and where.

One `Draft` per trigger group of a sentence. Roles come from the dependency parse around
the trigger: its subject is the initiator (or a party, for symmetric kinds such as talks),
its object the target (or victim, for harm), "with"/"between" phrases parties, "by"
phrases initiators; a noun trigger looks up to the verb that governs it ("A and B engaged
in fighting"); a reporting speaker is an observer. The place is a place actor in a
locative phrase of the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events.draft import TEMPORAL_PREPS, Draft
from generator.extraction.events.triggers import Trigger, argument_head
from generator.extraction.references import View, actors_of, mentions_in, speakers_over


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Fold the words that tell one happening into one event: an infinitive chain
    ("pledged to come to Moscow to discuss ..."), and the words that describe an event
    named just above them (`_tells_more_of`)."""
    by_index = {t.token.i: t for t in triggers}
    groups: dict[int, list[Trigger]] = {}
    for trig in triggers:
        top = _chain_top(trig.token, by_index)
        groups.setdefault(top, []).append(trig)
    return [sorted(g, key=lambda t: (t.token.i != top, t.token.i)) for top, g in groups.items()]


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _chain_top(token: Token, by_index: dict[int, Trigger]) -> int:
    top, t = token.i, token
    for _ in range(8):
        above = _told_by(t, by_index) if t.i == top else None
        if t.dep_ in ("xcomp", "advcl", "acl") and _infinitive(t):
            t = t.head
            top = t.i if t.i in by_index else top
        elif above is not None:
            t, top = above, above.i
        else:
            break
    return top


def _told_by(t: Token, by_index: dict[int, Trigger]) -> Token | None:
    """The trigger above that this one only tells more of, one happening in several words:
    "the bombing that killed ...", "a demonstration demanding ...", "a blast killed X and
    wounded Y", "shelled the town, killing five", "a blast damaged X, killing five",
    "In a demonstration, thousands marched"."""
    harmful = set(load_data("events_triggers")["harmful"])
    kind = by_index[t.i].kind
    above = by_index.get(argument_head(t).i)
    if t.pos_ == "NOUN":
        if above is None or above.token.pos_ != "VERB":
            return None
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "during"):
            return above.token if above.kind == kind else None
        harm = kind in harmful and above.kind in harmful
        return above.token if t.dep_ == "nsubj" and harm else None  # "a blast killed"
    if t.pos_ != "VERB" or kind not in harmful and t.dep_ not in ("relcl", "acl"):
        return None
    if t.dep_ in ("relcl", "acl"):
        if above is not None and above.token.pos_ == "NOUN":
            return t.head
        return _harm_of(t.head, by_index, harmful) if kind in harmful else None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    participle = t.tag_ == "VBG" and all(c.lower_ == "while" for c in t.children if c.dep_ == "mark")
    if t.dep_ == "conj" and not own_subject or t.dep_ == "advcl" and participle:
        if above is not None and above.kind in harmful:
            return above.token
        return _harm_subject(t.head, by_index, harmful)
    return None


def _harm_of(noun: Token, by_index: dict[int, Trigger], harmful: set[str]) -> Token | None:
    """"the shooting of Dr. Y, who was wounded in the elbow": the harm told of its victim."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i not in by_index:
        return None
    return prep.head if by_index[prep.head.i].kind in harmful else None


def _harm_subject(verb: Token, by_index: dict[int, Trigger], harmful: set[str]) -> Token | None:
    """"a blast damaged the embassy, killing 40": a harm noun subject of a plain verb."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i in by_index and by_index[child.i].kind in harmful:
            return child
    return None


def draft_event(view: View, group: list[Trigger], triggers: list[Trigger] | None = None) -> Draft:
    """One event of a sentence, with its participants and place; `triggers` are all the
    sentence's, so that another event's words are not taken for this one's."""
    draft = Draft(view, group)
    draft.others = {t.token.i for t in triggers or []} - draft.tokens
    _add_participants(draft)
    _add_place(draft)
    return draft


def _role(draft: Draft, slot: str, many: bool) -> str:
    """The role of a subject or object, by the trigger's own rule (data) or its kind's."""
    lex = load_data("events_triggers")
    kind, lemma = draft.kind, draft.head.token.lemma_.lower()
    if slot == "subject":
        if lemma in lex["subject_roles"]:
            return lex["subject_roles"][lemma]
        return "party" if many and kind in lex["symmetric"] else "initiator"
    if slot == "object":
        if lemma in lex["object_roles"]:
            return lex["object_roles"][lemma]
        return "victim" if kind in lex["harmful"] else "target"
    return slot


def _add(draft: Draft, actors: list[str], role: str) -> None:
    """Give actors a role unless they have one; a place acts only as an initiator or party
    ("the enclave declared independence"), else it is where things happen."""
    for aid in actors:
        actor = draft.view.actors.get(aid)
        if actor is None or actor.kind == "place" and role != "initiator":
            continue
        draft.roles.setdefault(aid, role)


def _add_participants(draft: Draft) -> None:
    """Roles from the trigger's own dependents, then from the words that govern a noun
    trigger ("engaged in fighting"), then the speaker who reports it, then any other
    actor named inside the trigger's phrase."""
    view = draft.view
    for trig in draft.triggers:
        _arguments(draft, trig.token)
        for noun in trig.absorbed:
            if noun.pos_ == "NOUN":
                _arguments(draft, noun)  # "imposed sanctions on X": X is the target
    anchor = draft.head.token
    if anchor.pos_ == "NOUN" and anchor.dep_ in ("advcl", "xcomp") and anchor.head.pos_ in ("VERB", "AUX"):
        _arguments(draft, anchor.head, governed=True)  # a participle parsed as a noun: "..., warning that"
    if anchor.pos_ == "VERB" and not _has_role(draft, "target", "victim", "party"):
        _coordinated_objects(draft, anchor)
    if anchor.lemma_.lower() in load_data("claims_verbs")["speech_verbs"]:
        _content_targets(draft, anchor)
    if anchor.pos_ == "NOUN" or not _has_actor_role(draft):
        for governor in _governors(anchor, draft):
            had_actor = _has_actor_role(draft)
            _arguments(draft, governor, governed=True, invitees=had_actor)
            if _has_actor_role(draft):
                break
    _add(draft, speakers_over(view, anchor), "observer")
    for token in _own_subtree(anchor):
        if token.i in view.by_token and not _is_modifier_only(view, token):
            _add(draft, [view.by_token[token.i]], "participant")


def _has_role(draft: Draft, *roles: str) -> bool:
    return any(r in roles for r in draft.roles.values())


def _coordinated_objects(draft: Draft, verb: Token) -> None:
    """"change its stance on Chad and lift tariffs": coordinated verbs share what they
    are about, so the second one's target comes from the first."""
    for sibling in [*verb.conjuncts]:
        if sibling.pos_ != "VERB":
            continue
        for child in sibling.children:
            if child.dep_ == "dobj":
                _add(draft, actors_of(draft.view, child), _role(draft, "object", False))
            elif child.dep_ == "prep" and child.lower_ in ("on", "against", "toward", "towards"):
                _prep_arguments(draft, child, child.lower_)
        for child in sibling.children:
            if child.dep_ == "dobj":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                        _prep_arguments(draft, prep, prep.lower_)


def _content_targets(draft: Draft, verb: Token) -> None:
    """"Ruritania warned that ... unless Freedonia offers an apology": a warning, demand or
    accusation is aimed at the actors its content names."""
    for child in verb.children:
        if child.dep_ == "ccomp" and not _has_role(draft, "target"):
            _add(draft, [a for a in mentions_in_clause(draft.view, child) if a not in draft.roles], "target")


def mentions_in_clause(view: View, token: Token) -> list[str]:
    return list(dict.fromkeys(view.by_token[t.i] for t in token.subtree if t.i in view.by_token))


def _is_modifier_only(view: View, token: Token) -> bool:
    """"Soviet" in "the two former Soviet republics": a name describing a phrase that means
    other actors (or a demonym on a noun that is no proxy for it), not acting."""
    if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ == "NOUN":
        meant = actors_of(view, token.head)
        if meant and view.by_token[token.i] not in meant:
            return True
    proxies = load_data("events_references")["proxy_nouns"]
    return token.dep_ == "amod" and token.head.lemma_.lower() not in proxies


def _has_actor_role(draft: Draft) -> bool:
    return any(r in ("initiator", "party", "mediator", "host") for r in draft.roles.values())


def _governors(noun: Token, draft: Draft) -> list[Token]:
    """Words above a noun trigger that may hold its actors: "engaged in fighting",
    "an attempt by France ... to organize talks"."""
    out, t = [], noun
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "acl", "xcomp", "attr", "nsubj", "nsubjpass", "advcl"):
            break
        if t.dep_ == "prep" and t.lower_ in TEMPORAL_PREPS and not _has_actor_role(draft):
            break  # "X was seen before the bombing": X did not bomb; "X came after Y's invitation"
        t = t.head
        if t.i in draft.others or t.lemma_.lower() in load_data("claims_verbs")["speech_verbs"]:
            break  # a speaker is an observer, not an actor of what they report
        lemma = t.lemma_.lower()
        if lemma in load_data("events_triggers")["governor_roles"]:  # "X survived the attack"
            role = load_data("events_triggers")["governor_roles"][lemma]
            _add(draft, [a for s in subjects(t) for a in actors_of(draft.view, s)], role)
        if lemma in load_data("events_triggers")["not_support_verbs"]:
            break  # "X faces a charge", "X survived the attack": X did not do it
        if t.i in draft.tokens or t.pos_ == "ADP":
            continue
        if t.pos_ in ("VERB", "NOUN", "AUX"):
            out.append(t)
    return out


def _shares_subject(verb: Token) -> bool:
    """A coordinated verb, a complement, a purpose clause ("to negotiate") or a participle
    ("..., warning that") has its governing verb's subject."""
    if verb.dep_ == "conj" or verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return True
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" or verb.dep_ == "acomp":
        return True  # "X will be able to export": through "able" to the subject of "be"
    participle = verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)
    return verb.dep_ == "advcl" and (_infinitive(verb) or participle)


def subjects(head: Token) -> list[Token]:
    """A verb's subjects; a coordinated verb without one shares its first verb's."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    t = head
    for _ in range(3):
        if not subjects and t.dep_ == "pcomp" and t.head.lower_ == "for":
            return [c for c in t.head.head.children if c.dep_ == "dobj"]  # blamed X for doing
        if subjects or not _shares_subject(t) or t.head.i == t.i:
            break
        t = t.head
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c for c in subjects if c.i < head.i]
    return before[-1:] + [c for c in subjects if c.i > head.i] if before else subjects


def _arguments(draft: Draft, head: Token, governed: bool = False, invitees: bool = False) -> None:
    """Roles from a word's dependents: subject, object and prepositions. A governing word's
    subject is the noun trigger's actor ("A and B engaged in fighting"), or, when the noun
    already has its initiator, the one it was aimed at ("they came after an invitation")."""
    view = draft.view
    withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")]
    for subject in subjects(head):
        ids = actors_of(view, subject)
        if not ids:
            _nested_between(draft, subject)
        if subject.dep_ == "nsubjpass" and not governed:
            _add(draft, ids, _role(draft, "object", False))
        elif invitees:
            _add(draft, ids, _role(draft, "object", False))
        else:
            _add(draft, ids, _role(draft, "subject", len(ids) > 1 or bool(withs)))
    if governed and head.pos_ != "NOUN":
        return
    for child in head.children:
        dep = child.dep_
        if dep == "agent":
            _add(draft, [a for p in child.children for a in actors_of(view, p)], "initiator")
        elif dep == "dobj" and head.pos_ == "VERB":
            role = "party" if draft.kind == "consult" else _role(draft, "object", False)
            ids = actors_of(view, child)
            if role == "party" and len(ids) > 1:
                draft.sides |= {a for a in ids if a not in draft.roles}  # "visited A and B"
            _add(draft, ids, role)
            _nested_between(draft, child)
        elif dep in ("poss", "amod", "compound") and head.pos_ == "NOUN":
            ids = actors_of(view, child)
            places = [a for a in ids if view.actors[a].kind == "place"]
            if places and draft.place is None:
                draft.place = places[0]  # "the Nairobi blast"
            ids = [a for a in ids if a not in places]
            _add(draft, ids, _role(draft, "subject", len(ids) > 1))
        elif dep == "prep":
            _prep_arguments(draft, child, child.lower_)


def _prep_arguments(draft: Draft, prep: Token, low: str) -> None:
    """"with/between": parties; "by/from": initiators; "against/on/to": targets."""
    view = draft.view
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    ids = [a for p in objects for a in actors_of(view, p)]
    if low in ("with", "between", "among"):
        _add(draft, ids, "party")
    elif low in ("by", "from"):
        _add(draft, ids, "initiator")
    elif low in ("against", "on", "upon", "toward", "towards", "to"):
        _add(draft, ids, _role(draft, "object", False))
    for pobj in objects:
        _nested_between(draft, pobj)


def _nested_between(draft: Draft, noun: Token) -> None:
    """"mediating in the conflict between the two republics": the sides are parties of the
    mediation, but they are remembered as sides: the sentence does not say they talk."""
    if noun.i in draft.view.by_token:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                # "the two former Soviet republics" are the pair named before, not the Soviet Union
                ids = actors_of(draft.view, pobj) or mentions_in(draft.view, pobj)
                draft.sides |= {a for a in ids if a not in draft.roles}
                _add(draft, ids, "party")


SKIP_IN_PHRASE = {"relcl", "ccomp", "advcl", "parataxis", "conj", "appos"}


def _in_phrase(child: Token) -> bool:
    if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS:
        return False
    return child.dep_ not in SKIP_IN_PHRASE or child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN")


def _own_subtree(anchor: Token) -> list[Token]:
    """The anchor's phrase without nested clauses (they hold their own events) and without
    temporal anchors ("after the dissolution of X" does not make X a participant)."""
    out, stack = [], [anchor]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if _in_phrase(c)]
    return out


def _add_place(draft: Draft) -> None:
    """A place actor in a locative phrase of the trigger: "talks in Vienna", "come to Moscow"."""
    view = draft.view
    for trig in draft.triggers:
        for token in _own_subtree(trig.token):
            aid = view.by_token.get(token.i)
            if aid and view.actors[aid].kind == "place" and token.dep_ == "pobj" \
                    and token.head.lower_ in ("in", "at", "to", "near", "inside", "into"):
                draft.place = aid
                return
