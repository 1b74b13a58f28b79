"""Event participants: who takes part in an event, in which role, and where.

One `Draft` per trigger group of a sentence. Roles come from the dependency parse around
the trigger: its subject is the initiator (or a party, for symmetric kinds such as talks),
its object the target (or victim, for harm), "with"/"between" phrases parties, "by"
phrases initiators; a noun trigger looks up to the verb that governs it ("A and B engaged
in fighting"); a reporting speaker is an observer. The place is a place actor in a
locative phrase of the trigger.

Where a verb or phrase says otherwise, its rule is data (`data/events_triggers.yml`), in
the manner of PETRARCH's verb dictionaries (source and target by pattern): a passive
subject is what an object would be, except where the verb says (`passive_subject_roles`);
a preposition can carry a verb's own role (`prep_roles`: "withdraw from X" leaves X); a
hyphenated participle names a backer or a broker (`modifier_roles`: "Iran-backed",
"EU-mediated"); an argument that names no actor itself stands for its owner ("Houthi
positions"), unless it names people who act for themselves (`private_nouns`). The kind a
context gives a trigger (a disaster's harm, a workers' strike) is settled first
(`settle_kinds`). Who did a deed may also be told around it: a court's finding ("convicted
of killing Y", `guilt_words`), "the group behind the attack", the user of a weapon ("fired
the shots that killed Y", `instrument_nouns`), the speaker at an occasion ("said in a
televised address"). An attack on a site with no victim named is an attack on the state
that owns the site or where it stands, and police or security forces named without their
state act for the state where the event takes place (`_add_site_state`, `_add_home_state`,
by the gazetteer). When the parse does not say who did it, the event names nobody.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events.draft import TEMPORAL_PREPS, Draft
from generator.extraction.events.triggers import Trigger, argument_head
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.references import View, actors_of, mentions_in, modifier_actors, speakers_over


def settle_kinds(triggers: list[Trigger]) -> list[Trigger]:
    """The kind a trigger's context gives it: a disaster's harm is `other` (nobody attacked),
    a workers' strike is a protest; a verb that needs an infinitive without one is no event
    ("agreed that ..." is said, "agreed to reopen" is done)."""
    lex = load_data("events_triggers")
    kept = []
    for trig in triggers:
        lemma = trig.token.lemma_.lower()
        if lemma in lex["verbs_need_infinitive"] and not any(
                c.dep_ == "xcomp" and _infinitive(c) for c in trig.token.children):
            continue
        if trig.kind in lex["harmful"] and _by_disaster(trig.token, lex):
            trig.kind = "other"
        elif lemma in lex["labor_strike"]["words"] and _labor_strike(trig.token, lex):
            trig.kind = "protest"
        kept.append(trig)
    return kept


def _by_disaster(token: Token, lex: dict) -> bool:
    """"Flooding displaced thousands", "a bridge collapse killed five", "the earthquake":
    the harm's noun, its subject or the noun's modifiers name a disaster."""
    words = set(lex["disaster_nouns"])
    near = [c for c in token.children if c.dep_ in ("nsubj", "compound", "agent")]
    near += [token] if token.pos_ == "NOUN" else []
    near += [p for c in near if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near)


def _labor_strike(token: Token, lex: dict) -> bool:
    """"Workers are striking", "went on strike", "a general strike", "the teachers'
    strike": a strike without an object, or with labor words beside it, is a protest."""
    cues = set(lex["labor_strike"]["cues"])
    if token.pos_ == "VERB":
        return not any(c.dep_ == "dobj" for c in token.children)
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        return True  # "went on strike"
    beside = [token.head, *token.children, *(g for c in token.children for g in c.children)]
    return any(t.lower_ in cues or t.lemma_.lower() in cues for t in beside if t.i != token.i)


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
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "for"):
            return above.token if above.kind == kind else None  # "visited X for talks": one visit
        harm = kind in harmful and above.kind in harmful or kind == above.kind == "other"
        return above.token if t.dep_ == "nsubj" and harm else None  # "a blast killed", "a flood displaced"
    if t.pos_ != "VERB" or kind not in harmful and t.dep_ not in ("relcl", "acl"):
        return None
    named = _named_by_copula(t, by_index, harmful)
    if named is not None:
        return named
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


def _named_by_copula(verb: Token, by_index: dict[int, Trigger], harmful: set[str]) -> Token | None:
    """"The worst attack was in 2002, when militants killed 20": a harm in a "when" clause
    of a copula tells the harm its subject names."""
    if verb.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "when" for c in verb.children):
        return None
    be = next((a for a in list(verb.ancestors)[:3] if a.lemma_.lower() == "be"), None)
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None) if be is not None else None
    if subject is None or subject.i not in by_index or by_index[subject.i].kind not in harmful:
        return None
    return subject


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
    _add_site_state(draft)
    _add_home_state(draft)
    return draft


def _role(draft: Draft, slot: str, many: bool) -> str:
    """The role of a subject or object, by the trigger's own rule (data) or its kind's."""
    lex = load_data("events_triggers")
    kind, lemma = draft.kind, draft.head.token.lemma_.lower()
    if slot == "subject":
        if lemma in lex["subject_roles"]:
            return lex["subject_roles"][lemma]
        return "party" if many and kind in lex["symmetric"] else "initiator"
    if slot == "passive" and lemma in lex["passive_subject_roles"]:
        return lex["passive_subject_roles"][lemma]  # "French soldiers are deployed": France deploys
    if slot in ("object", "passive"):
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


def argument_actors(view: View, token: Token) -> list[str]:
    """The actors an argument means: the phrase's own ("Ruritania", "its troops"), else
    the actors that own it ("Freedonian positions", "a Ruritanian plan", "ministers from
    both countries"): what is done to a country's soldiers or plan is done to it. A backer
    named in "X-backed" is not an owner (`_modifier_role`)."""
    backers = set(_backers(view, token))
    return [a for a in actors_of(view, token) if a not in backers] or owners(view, token)


def folded_names(view: View, subject: Token) -> list[str]:
    """"Serbian President A and Kosovo Prime Minister B met": two titled names joined by
    "and" that the parser folds into one (A a modifier of B's title); the name before "and"
    is a subject too. Only a person's name with a coordinator of its own counts."""
    out = []
    for token in subject.subtree:
        aid = view.by_token.get(token.i)
        folded = token.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in token.children)
        if folded and aid and view.actors[aid].kind == "person" and token.i < subject.i:
            out.append(aid)
    return out


def owners(view: View, token: Token) -> list[str]:
    """The actors named in a noun's possessor, name or demonym modifiers, or its "of" or
    "from" phrase; people who act for themselves ("Ruritanian workers", "Libyan
    militants", `private_nouns`) are not their country, only the group their name says
    ("Hamas militants")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.lemma_.lower() in load_data("events_references")["private_nouns"]:
        return [a for c in token.children if c.dep_ == "compound" for a in modifier_actors(view, c)
                if view.actors[a].kind in ("organization", "group")]
    found = [a for c in token.children if c.i < token.i and c.dep_ in ("poss", "compound", "amod", "nmod")
             and not _modifier_role(c) for a in modifier_actors(view, c)]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        found += [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(view, p)]
    return list(dict.fromkeys(found))


def _backers(view: View, token: Token) -> list[str]:
    """"Osterlich-backed rebels": the actors backing the phrase's own; not when the whole
    phrase is one name ("the Saudi-led coalition" as an actor of its own)."""
    own = view.by_token.get(token.i)
    return [a for c in token.children if _modifier_role(c) == "supporter"
            for a in modifier_actors(view, c) if a != own]


def _leaders(view: View, token: Token) -> list[str]:
    """"a government led by the Red Hand", "a Freedonia-led coalition": what is done to a
    body is done to whoever leads it (`led_words`); a mere backer is not on the receiving end."""
    words = load_data("events_triggers")["led_words"]
    return [a for c in token.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in words
            for a in modifier_actors(view, c) if a != view.by_token.get(token.i)]


def _modifier_role(modifier: Token) -> str | None:
    """"Iran-backed", "Saudi-led", "EU-mediated": a participle naming the role of the actor
    before its hyphen (supporter, mediator, host), by `modifier_roles` in the data."""
    if modifier.dep_ not in ("amod", "acl") or modifier.pos_ != "VERB":
        return None
    return load_data("events_triggers")["modifier_roles"].get(modifier.lemma_.lower())


def _agent_actors(view: View, participle: Token) -> list[str]:
    """"talks brokered by Qatar": the actors of a participle's by-phrase."""
    return [a for c in participle.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for a in actors_of(view, p)]


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
    _add(draft, _speakers_of_occasion(draft), "initiator" if draft.kind == "statement" else "party")
    _add(draft, [a for c in _culprits(anchor) for a in argument_actors(view, c)], "initiator")
    _add(draft, _behind(view, anchor), "initiator")
    _add(draft, _wielders(view, anchor), "initiator")
    if anchor.pos_ == "NOUN" or not _has_actor_role(draft):
        for governor in _governors(anchor, draft):
            had_actor = _has_role(draft, "initiator", "party")  # a broker alone invites nobody
            _arguments(draft, governor, governed=True, invitees=had_actor)
            if _has_actor_role(draft):
                break
    _add(draft, speakers_over(view, anchor), "observer")
    for token in _own_subtree(anchor):
        if token.i in view.by_token and not _is_modifier_only(view, token):
            _add(draft, [view.by_token[token.i]], "participant")


def _speakers_of_occasion(draft: Draft) -> list[str]:
    """"Anna Berg declared in a televised address", "X said at a news conference": the
    speaker gives the address, or takes part in the meeting; a speaker is otherwise no
    actor of what is said."""
    noun = draft.head.token
    verb = noun.head.head
    if draft.kind not in ("statement", "consult") or noun.pos_ != "NOUN" or noun.dep_ != "pobj" \
            or noun.head.lower_ not in ("in", "at", "during") \
            or verb.lemma_.lower() not in load_data("claims_verbs")["speech_verbs"]:
        return []
    return [a for s in subjects(verb) for a in actors_of(draft.view, s)]


def _culprits(token: Token) -> list[Token]:
    """"X was convicted of killing Y", "X, convicted of Y's murder", "found X guilty of
    killing Y": a court's finding names who did the deed in its "of" or "for" phrase
    (`guilt_words`); an accusation or an arrest does not (it may be wrong)."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for"):
        return []
    verdict = prep.head
    if verdict.lemma_.lower() not in load_data("events_triggers")["guilt_words"]:
        return []
    if verdict.pos_ == "ADJ":  # "found X guilty of", "X was found guilty of"
        own = [c for c in verdict.children if c.dep_ == "nsubj"]
        return own or [c for c in verdict.head.children if c.dep_ == "nsubjpass"]
    own = [c for c in verdict.children if c.dep_ in ("nsubjpass", "dobj")]
    if not own and verdict.dep_ in ("acl", "relcl") and verdict.head.pos_ in ("NOUN", "PROPN"):
        return [verdict.head]  # "Ivo Marek, convicted of murdering ..."
    return own


def _behind(view: View, noun: Token) -> list[str]:
    """"the group behind the attack — the Red Hand": who is behind an event did it. The
    parser often hangs "behind" on the verb; the doer is then the object just before it,
    named by itself, its apposition, or a name restated after a dash. A doer with no name
    ("the men behind the bombing") names no one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "behind":
        return []
    doer = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else next(
        (c for c in prep.head.children if c.dep_ == "dobj" and c.right_edge.i == prep.i - 1), None)
    if doer is None:
        return []
    if doer.i in view.by_token:
        return [view.by_token[doer.i]]
    beside = [c for c in doer.children if c.dep_ == "appos"] + ([doer.head] if doer.dep_ == "appos" else [])
    named = [a for c in beside for a in mentions_in(view, c)]  # "the Red Hand, the group behind ..."
    return named or _restated_after_dash(view, noun.right_edge, doer)


def _restated_after_dash(view: View, end: Token, doer: Token) -> list[str]:
    """"the group behind the attack — the Red Hand, ...": a name set off by a dash right
    after the phrase restates the doer (the parser makes it a second object of the verb)."""
    doc = end.doc
    if end.i + 1 >= len(doc) or doc[end.i + 1].text not in ("—", "–", "--"):
        return []
    restated = next((t for t in doc[end.i + 2: end.i + 8] if t.head.i in (doer.i, doer.head.i)
                     and t.dep_ in ("dobj", "npadvmod", "appos")), None)
    return mentions_in(view, restated) if restated is not None else []


def _wielders(view: View, verb: Token) -> list[str]:
    """"X fired the shots that killed Y", "X planted the bomb which killed Y": a harm done by
    a weapon (`instrument_nouns`) is done by whoever the sentence says used it (not found it)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which")
                                       for c in verb.children):
        return []
    lex, weapon = load_data("events_triggers"), verb.head
    if weapon.dep_ != "dobj" or weapon.lemma_.lower() not in lex["instrument_nouns"]["nouns"] \
            or weapon.head.lemma_.lower() not in lex["instrument_nouns"]["used_by"]:
        return []  # "X found the bomb that killed Y": X did not use it
    return [a for s in subjects(weapon.head) if s.dep_ == "nsubj" for a in argument_actors(view, s)]


def _possessor_suffers(possessor: Token) -> bool:
    """"Anna Berg's killing", "Berg's arrest": the possessor of a noun of harm done to a
    person (`patient_possessor_nouns`) is who suffered it, unless the noun names its own
    patient ("Ruritania's killing of the envoy")."""
    noun = possessor.head
    words = load_data("events_triggers")["patient_possessor_nouns"]
    return possessor.dep_ == "poss" and noun.lemma_.lower() in words and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


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
    if any(_modifier_role(a) for a in token.ancestors if a.i != token.i and a.dep_ in ("amod", "acl")):
        return True  # "Iran" in "Iran-backed rebels": a backer, not a party
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
        if t.dep_ == "attr" and t.head.lemma_.lower() == "be":
            break  # "It was the deadliest attack": the subject names the attack, not its author
        if t.dep_ == "prep" and t.lower_ in load_data("events_triggers")["topic_preps"]:
            break  # "X found evidence about the killing": X did not kill
        if t.dep_ == "prep" and t.lower_ == "behind":
            break  # "X outlawed the group behind the attack": the group did it (`_behind`), not X
        t = t.head
        if t.i in draft.others or t.lemma_.lower() in load_data("claims_verbs")["speech_verbs"]:
            break  # a speaker is an observer, not an actor of what they report
        lemma = t.lemma_.lower()
        if lemma in load_data("events_triggers")["governor_roles"]:  # "X survived the attack"
            role = load_data("events_triggers")["governor_roles"][lemma]
            _add(draft, [a for s in subjects(t) for a in actors_of(draft.view, s)], role)
        if {lemma, t.lower_} & set(load_data("events_triggers")["not_support_verbs"]):  # "prepped": no lemma
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
    if not subjects and _finite_read_as_participle(head):
        return [head.head]
    before = [c for c in subjects if c.i < head.i]
    return before[-1:] + [c for c in subjects if c.i > head.i] if before else subjects


def _finite_read_as_participle(verb: Token) -> bool:
    """"The leader of X, Ivo Marek, condemned the attack": with a long subject the parser
    may make the sentence's verb a participle of its subject noun (the noun the root). A
    past form with an object hanging on the root noun is that noun's own verb."""
    noun = verb.head
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and noun.dep_ == "ROOT" \
        and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i \
        and any(c.dep_ == "dobj" for c in verb.children)


def _arguments(draft: Draft, head: Token, governed: bool = False, invitees: bool = False) -> None:
    """Roles from a word's dependents: subject, object and prepositions. A governing word's
    subject is the noun trigger's actor ("A and B engaged in fighting"), or, when the noun
    already has its initiator, the one it was aimed at ("they came after an invitation")."""
    view = draft.view
    withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")]
    for subject in (s for s in subjects(head) if s.i not in draft.tokens):  # "rallies took place"
        ids = list(dict.fromkeys(folded_names(view, subject) + argument_actors(view, subject)))
        _add(draft, [a for a in _backers(view, subject) if a not in ids], "supporter")
        if not ids:
            _nested_between(draft, subject)
        if subject.dep_ == "nsubjpass" and not governed:
            _add(draft, ids, _role(draft, "passive", False))
        elif invitees:
            _add(draft, ids, _role(draft, "object", False))
        else:
            _add(draft, ids, _named_role(head) or _role(draft, "subject", len(ids) > 1 or bool(withs)))
    _add(draft, _likewise(view, head), _named_role(head) or "participant")
    if governed and head.pos_ != "NOUN":
        return
    _add(draft, _agent_named(view, head), "initiator")
    for child in head.children:
        dep = child.dep_
        if dep == "agent":
            _add(draft, [a for p in child.children for a in argument_actors(view, p)], "initiator")
        elif dep == "dobj" and head.pos_ == "VERB":
            role = "party" if draft.kind == "consult" else _role(draft, "object", False)
            ids = argument_actors(view, child)
            if role == "party" and len(ids) > 1:
                draft.sides |= {a for a in ids if a not in draft.roles}  # "visited A and B"
            _add(draft, ids, role)
            _add(draft, _leaders(view, child), role)  # "elected a government led by X"
            _nested_between(draft, child)
        elif dep in ("ccomp", "oprd") and child.i in draft.tokens and child.pos_ == "ADJ":
            _add(draft, [a for s in child.children if s.dep_ == "nsubj" for a in argument_actors(view, s)],
                 _role(draft, "object", False))  # "found Anna Berg guilty": Berg is the one found so
        elif dep == "amod" and head.pos_ == "NOUN" and _modifier_role(child):
            _add(draft, modifier_actors(view, child), _modifier_role(child))  # "EU-mediated talks"
        elif dep == "acl" and head.pos_ == "NOUN" and _modifier_role(child):
            _add(draft, _agent_actors(view, child), _modifier_role(child))  # "talks brokered by Qatar"
        elif dep in ("poss", "amod", "compound") and head.pos_ == "NOUN":
            ids = actors_of(view, child)
            places = [a for a in ids if view.actors[a].kind == "place"]
            if places and draft.place is None:
                draft.place = places[0]  # "the Nairobi blast"
            ids = [a for a in ids if a not in places]
            doer = head.lemma_.lower() not in load_data("events_triggers")["agent_nouns"] \
                and not _possessor_suffers(child)
            _add(draft, ids, _role(draft, "subject" if doer else "object", len(ids) > 1))  # "Y's assassin"
        elif dep == "prep":
            _prep_arguments(draft, child, child.lower_)


def _named_role(verb: Token) -> str | None:
    """"X attended as an observer": the role the verb's own "as" phrase gives its subject
    (`as_roles`)."""
    words = load_data("events_triggers")["as_roles"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if pobj.lemma_.lower() in words:
                return words[pobj.lemma_.lower()]
    return None


def _likewise(view: View, verb: Token) -> list[str]:
    """"X attended as an observer, as did Y": Y does what X did, in X's role."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() == "do"
               and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
    return [a for c in clauses for s in c.children if s.dep_ == "nsubj" for a in actors_of(view, s)]


def _agent_named(view: View, noun: Token) -> list[str]:
    """"Booth, assassin of Lincoln", "the killer, Jon Vos": a noun naming the doer of a
    harm (`agent_nouns`) means the name it stands beside; its "of" phrase or possessor is
    the victim (as for "the killing of")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in load_data("events_triggers")["agent_nouns"]:
        return []
    beside = [c for c in noun.children if c.dep_ == "appos"] + ([noun.head] if noun.dep_ == "appos" else [])
    return [a for t in beside for a in actors_of(view, t)]


def _prep_arguments(draft: Draft, prep: Token, low: str) -> None:
    """"with/between": parties; "by/from": initiators; "against/on/to": targets; a verb's
    own rule first ("withdraw from X": X is left, not leaving; `prep_roles` in the data);
    "the killing of X": the victim of a harm told by a noun."""
    view = draft.view
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    ids = [a for p in objects for a in argument_actors(view, p)]
    own = load_data("events_triggers")["prep_roles"].get(prep.head.lemma_.lower(), {})
    if low in own:
        _add(draft, ids, own[low])
    elif low == "of" and prep.head.i in draft.tokens and prep.head.pos_ == "NOUN":
        if draft.kind in load_data("events_triggers")["patient_of_kinds"]:
            _add(draft, ids, _role(draft, "object", False))
    elif low in ("with", "between", "among"):
        _add(draft, ids, "party")
    elif low == "by" or low == "from" and not _has_role(draft, "initiator"):
        _add(draft, ids, "initiator")  # "the US ban on exports from India": one author is enough
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
LOCATIVE_PREPS = ("in", "at", "to", "near", "inside", "into")  # "talks in Vienna"


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
    """A place actor in a locative phrase of the trigger ("talks in Vienna", "come to
    Moscow", "visited Mexico City"), else of the verb a noun trigger is the purpose of
    ("arrived in Jeddah for talks")."""
    view = draft.view
    for token in _place_words(draft):
        aid = view.by_token.get(token.i)
        if aid and view.actors[aid].kind == "place" and (_locative(token) or _destination(token)):
            draft.place = aid
            return


def _place_words(draft: Draft) -> list[Token]:
    """The words where an event's place may be named: the triggers' own phrases, then the
    prepositions of the verb a noun trigger is the purpose of."""
    words = [t for trig in draft.triggers for t in _own_subtree(trig.token)]
    head = draft.head.token
    verb = argument_head(head)
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "for" and verb.pos_ == "VERB":
        words += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
    return words


def _locative(token: Token) -> bool:
    """"in Vienna", "at Vienna"; and "on the port of Vienna": a place that names the site
    (`site_nouns`) the event happened at or was aimed at is where it happened."""
    if token.dep_ != "pobj":
        return False
    if token.head.lower_ in LOCATIVE_PREPS:
        return True
    of, site = token.head, token.head.head
    data = load_data("events_triggers")
    return (of.lower_ == "of" and site.lemma_.lower() in data["site_nouns"] and site.dep_ == "pobj"
            and site.head.lower_ in (*LOCATIVE_PREPS, *data["site_preps"]))


def _destination(token: Token) -> bool:
    """"visited Mexico City": the object of a verb of travel is where the event happened."""
    verbs = load_data("events_triggers")["destination_verbs"]
    return token.dep_ == "dobj" and token.head.lemma_.lower() in verbs


def _add_site_state(draft: Draft) -> None:
    """"Gunmen attacked Ruritania's national museum", "drones struck a power plant in
    Kyiv": an attack on a site (`site_nouns`: a building, a plant, a city) with no victim
    named is an attack on the state that owns the site or where the gazetteer places it,
    as CAMEO and PETRARCH code the target of an attack on a location. Not when that state
    is among the initiators, nor when the doer is an unnamed force of a state ("police
    fired on the embassy", `state_force_nouns`): a state may act in its own land."""
    if draft.kind not in load_data("events_triggers")["harmful"] or _has_role(draft, "target", "victim"):
        return
    initiators = {a for a, r in draft.roles.items() if r == "initiator"}
    if not initiators and _unnamed_state_force(draft):
        return
    for site in _attacked_sites(draft):
        states = _site_states(draft.view, site)
        if states and not initiators & set(states):
            _add_over(draft, states[:1], _role(draft, "object", False))
            return


def _add_over(draft: Draft, actors: list[str], role: str) -> None:
    """Give actors a role, over a mere mention ("participant") of them."""
    for aid in actors:
        if draft.roles.get(aid) in (None, "participant"):
            draft.roles[aid] = role


def _unnamed_state_force(draft: Draft) -> bool:
    """"Police fired on the crowd", "security forces raided the building": the subject is a
    state's own force, named without its state."""
    words = set(load_data("events_references")["state_force_nouns"])
    return any(s.lemma_.lower() in words or s.lower_ in words
               for trig in draft.triggers for s in subjects(trig.token))


def _attacked_sites(draft: Draft) -> list[Token]:
    """The things an attack is aimed at: the trigger's object, its "on", "at", "against"
    or "inside" phrase (`site_preps`), when that is a place or a site noun; for a
    participle ("opened fire at the museum, killing five") also its verb's phrases."""
    lex = load_data("events_triggers")
    out = []
    words = [t.token for t in draft.triggers] + [a for t in draft.triggers for a in t.absorbed]
    head = draft.head.token
    if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i not in draft.others:
        words.append(head.head)
    for word in words:
        for child in word.children:
            if child.dep_ == "dobj" and word.pos_ == "VERB":
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in lex["site_preps"]:
                out += [p for p in child.children if p.dep_ == "pobj"]
    view = draft.view
    return [t for t in out if t.lemma_.lower() in lex["site_nouns"]
            or t.i in view.by_token and view.actors[view.by_token[t.i]].kind == "place"]


def _site_states(view: View, site: Token) -> list[str]:
    """The countries a site belongs to: the owner its modifiers name ("Ruritania's
    museum", "the Ruritanian embassy"), else the country the gazetteer gives the place it
    is, or the place its "in" phrase names ("a plant in Kyiv")."""
    owned = [a for a in owners(view, site) if view.actors[a].kind == "country"]
    if owned:
        return owned
    places = [site] if site.i in view.by_token else [
        p for c in site.children if c.dep_ == "prep" and c.lower_ in ("in", "near", "outside")
        for p in c.children if p.dep_ == "pobj" and p.i in view.by_token]
    out = []
    for token in places:
        actor = view.actors[view.by_token[token.i]]
        found = load_gazetteer().place(actor.name) if actor.kind == "place" else None
        out += _country_named(view, found.country) if found and found.kind != "country" else []
    return list(dict.fromkeys(out))


def _add_home_state(draft: Draft) -> None:
    """"Police arrested 20 people in Vienna", "authorities in Kyiv detained him": a state's
    own force that works only at home (`home_force_nouns`: police, authorities, security
    forces), named without its state, acts for the state where the gazetteer places the
    event. A government or an army may act abroad, so it is never placed so."""
    words = set(load_data("events_references")["home_force_nouns"])
    view = draft.view
    if draft.place is None or draft.place not in view.actors:
        return
    for trig in draft.triggers:
        for subject in subjects(trig.token):
            if not _home_force(subject, words) or actors_of(view, subject) or subject.dep_ != "nsubj":
                continue
            found = load_gazetteer().place(view.actors[draft.place].name)
            states = _country_named(view, found.country) if found and found.kind != "country" else []
            _add_over(draft, states[:1], _role(draft, "subject", False))
            return


def _home_force(subject: Token, words: set[str]) -> bool:
    security = subject.lemma_.lower() == "force" and any(
        c.dep_ in ("compound", "amod") and c.lower_ == "security" for c in subject.children)
    return security or subject.lemma_.lower() in words or subject.lower_ in words


def _country_named(view: View, name: str) -> list[str]:
    """The country actor of the article that a gazetteer name means."""
    return [aid for aid, actor in view.actors.items() if actor.kind == "country"
            and (actor.name == name or name in (actor.aliases or []))]
