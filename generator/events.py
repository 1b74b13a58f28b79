"""Events: who did what to whom, when and where, from sentences with resolved mentions.

An event starts at a trigger word (a verb such as "discuss" or a noun such as "talks",
listed with its kind in `data/events_triggers.yml`), takes its participants and roles
from the dependency parse around the trigger, its place from a place actor in a
prepositional phrase, and its date from the time expression attached to it. Mentions of
the same event in several sentences are merged, so each event is told once.

The first section, *references*, answers "which actors does this phrase mean?" for
names, proxies ("the Russian government"), pronouns ("it", "that country") and pairs
("the two republics"); claims.py and relations.py use it too.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from edtf import parse_edtf
from spacy.tokens import Span, Token

from .extract import Sentence
from .schema import RESERVED_IDS, Actor, Event, Participant, SourceRef

DATA = Path(__file__).parent / "data"


@cache
def rules(name: str) -> dict:
    """One rule file of generator/data/, read once: rules are data, not code."""
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


# --- references ----------------------------------------------------------------------


@dataclass
class View:
    """A sentence as the extractors see it: its actor tokens, and what was named before it
    (for pronouns, definite nouns and pairs)."""

    sentence: Sentence
    by_token: dict[int, str]  # doc token index -> actor id
    before: list[str]  # actor ids named in earlier sentences of the article, latest last
    groups: list[tuple[str, ...]]  # pairs or groups named together before, latest last
    actors: dict[str, Actor]
    named: dict[str, list[str]] = field(default_factory=dict)  # noun lemma -> actors it stood for
    subject: tuple[str, ...] = ()  # the actors the previous sentence's main subject named

    @property
    def span(self) -> Span:
        return self.sentence.span

    def offset(self, token: Token) -> int:
        """A token's character offset within the sentence text."""
        return token.idx - self.span.start_char


def build_views(sentences: list[Sentence], actors: dict[str, Actor]) -> list[View]:
    """Views in reading order; the discourse memory restarts with each article."""
    views: list[View] = []
    before: list[str] = []
    groups: list[tuple[str, ...]] = []
    named: dict[str, list[str]] = {}
    subject: tuple[str, ...] = ()
    article = None
    for sentence in sentences:
        if sentence.article is not article:
            before, groups, named, subject, article = [], [], {}, (), sentence.article
        by_token = _tokens_of_mentions(sentence, actors)
        view = View(sentence, by_token, list(before), list(groups), actors, dict(named), subject)
        views.append(view)
        before += [by_token[i] for i in sorted(by_token)]
        groups += _named_together(view)
        named.update(_described(view))
        subject = _main_subject(view) or subject
    return views


def _main_subject(view: View) -> tuple[str, ...]:
    root = view.span.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return tuple(actors_of(view, child))
    return ()


def _described(view: View) -> dict[str, list[str]]:
    """Nouns that stood for actors in this sentence ("a U.S. official"), so that a later
    "the official" means the same actors."""
    out = {}
    for token in view.span:
        if token.pos_ == "NOUN" and token.i not in view.by_token:
            found = _modifier_actors(view, token)
            if found:
                out[token.lemma_.lower()] = found
    return out


def _tokens_of_mentions(sentence: Sentence, actors: dict[str, Actor]) -> dict[int, str]:
    out = {}
    base = sentence.span.start_char
    for mention in sentence.mentions:
        if mention.actor not in actors:
            continue
        for token in sentence.span:
            start = token.idx - base
            if mention.start <= start < mention.end:
                out[token.i] = mention.actor
    return out


def _named_together(view: View) -> list[tuple[str, ...]]:
    """Sets of two or more actors coordinated in one phrase: "A and B", "on A, as well as on B"."""
    out = []
    for token in view.span:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        ids: list[str] = []
        for t in [token, *token.conjuncts]:
            for aid in _names_at(view, t):
                if aid not in ids:
                    ids.append(aid)
        if len(ids) >= 2:
            out.append(tuple(ids))
    for token in view.span:
        if token.dep_ == "prep" and not any(p.dep_ == "conj" for p in token.children):
            sibling = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == token.lower_]
            ids = list(dict.fromkeys(a for p in sibling for o in p.children if o.dep_ == "pobj"
                                     for a in _names_at(view, o)))
            if len(ids) >= 2 and token.i == sibling[0].i:
                out.append(tuple(ids))
    return out


def _names_at(view: View, token: Token) -> list[str]:
    """The actor a word names, directly or through its apposition ("producer, Rosneft")."""
    if token.i in view.by_token:
        return [view.by_token[token.i]]
    if token.dep_ == "prep":
        return [a for o in token.children if o.dep_ == "pobj" for a in _names_at(view, o)]
    return [view.by_token[c.i] for c in token.children if c.dep_ == "appos" and c.i in view.by_token]


def actors_of(view: View, token: Token) -> list[str]:
    """The actors a phrase headed by `token` denotes, with its coordinated siblings."""
    out: list[str] = []
    for t in [token, *token.conjuncts]:
        for aid in _actors_of_one(view, t):
            if aid not in out:
                out.append(aid)
    return out


def _actors_of_one(view: View, token: Token) -> list[str]:
    refs = rules("events_references")
    if token.i in view.by_token:
        return [view.by_token[token.i]]
    low, lemma = token.lower_, token.lemma_.lower()
    if low in ("which", "who", "that") and token.head.dep_ in ("relcl", "acl"):
        return actors_of(view, token.head.head)
    if low in refs["pronouns"]:
        kinds = refs["pronouns"][low]
        if token.dep_ in ("nsubj", "nsubjpass"):
            main = _root_subject(view, token)
            if main is None and not _named_before_in_sentence(view, token):
                main = [a for a in view.subject if view.actors[a].kind in kinds]
            main = [a for a in main or [] if view.actors[a].kind in kinds]
            if len(main) == 1:
                return main
        if token.dep_ == "poss":
            own = [a for a in _clause_subject_actors(view, token) if view.actors[a].kind in kinds]
            if own:
                return own[:1]
        return _recent(view, token, kinds)
    if low in refs["group_pronouns"]:
        return _they(view, token)
    if token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    for child in token.children:
        if child.dep_ == "appos":
            found = actors_of(view, child)
            if found:
                return found
    if _is_pair_phrase(token, refs):
        return list(_group_before(view, token, refs["definite_nouns"].get(lemma)))
    if lemma in refs["proxy_nouns"] or lemma in refs["definite_nouns"]:
        found = _modifier_actors(view, token)
        if found:
            return found
    if _is_definite(token) and lemma in view.named:
        return view.named[lemma]
    if lemma in refs["definite_nouns"] and _is_definite(token):
        return _recent(view, token, refs["definite_nouns"][lemma])
    return _included(view, token)


def _root_subject(view: View, token: Token) -> list[str] | None:
    """In a subordinate clause, "it" or "he" is most often the main clause's subject:
    "the nation will be able to trade ..., allowing it to buy goods"."""
    root = view.span.root
    if token.head.i == root.i:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return actors_of(view, subject) or None


def _named_before_in_sentence(view: View, token: Token) -> bool:
    return any(i < token.i for i in view.by_token)


def _included(view: View, token: Token) -> list[str]:
    """"several companies, including A, B and C": the members named, also when the parser
    hangs "including" on a later word of the same clause."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("including", "like")]
    if not preps and token.tag_ == "NNS" and token.dep_ == "nsubj":
        clause = {t.i for t in token.head.subtree}
        preps = [t for t in view.span if t.i in clause and t.lower_ == "including" and t.dep_ == "prep"]
    for prep in preps:
        found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(view, p)]
        if found:
            return found
    return []


def _they(view: View, token: Token) -> list[str]:
    """"they" is the subject named before it in its sentence, else the last sentence's
    subject; a guess further back would more often be wrong than right."""
    for t in view.span:
        if t.i >= token.i:
            break
        if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") or t.dep_ == "nsubj" and any(
                c.dep_ == "conj" for c in t.children):
            return [a for a in actors_of(view, t) if a]
    return list(view.subject)


def _modifier_actors(view: View, token: Token) -> list[str]:
    """"the Russian government", "U.S., Russian and Ukrainian officials", "Bin Laden's
    agents", "the governments of Armenia and Azerbaijan", "a spokesperson of the North's
    committee": the actors named in the noun's modifiers or its "of" phrase."""
    found: list[str] = []
    for child in token.children:
        if child.i < token.i and child.dep_ in ("poss", "amod", "compound", "nmod"):
            if child.dep_ == "poss" and child.pos_ == "PRON":
                found += actors_of(view, child)
            else:
                found += mentions_in(view, child)
    if found:
        return list(dict.fromkeys(found))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors_of(view, pobj)
                    if found:
                        return found
    return []


def mentions_in(view: View, token: Token) -> list[str]:
    """Actors named anywhere in a phrase, outside its prepositions and clauses."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        aid = view.by_token.get(t.i)
        if aid and aid not in out:
            out.append(aid)
        stack += [c for c in t.children if c.dep_ not in ("prep", "relcl", "acl", "appos", "ccomp", "advcl")]
    return sorted(out, key=lambda a: min(i for i, b in view.by_token.items() if b == a))


def _is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their")
               for c in token.children)


def _is_pair_phrase(token: Token, refs: dict) -> bool:
    words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "amod", "predet", "preconj")}
    return token.is_lower and (bool(words & {"two", "both"}) or (
        token.lemma_.lower() in refs["pair_words"] and _is_definite(token)))


def _recent(view: View, token: Token, kinds: list[str]) -> list[str]:
    """The latest actor of one of these kinds named before the token (this sentence first)."""
    here = [view.by_token[i] for i in sorted(view.by_token) if i < token.i]
    own = set(_clause_subject_actors(view, token)) | _clause_actors(view, token)
    for aid in reversed(view.before + here):
        actor = view.actors.get(aid)
        if actor and actor.kind in kinds and aid not in own:
            return [aid]
    return []


def _clause_actors(view: View, token: Token) -> set[str]:
    """Actors named elsewhere in the token's clause: "the nation will trade with the United
    States" is not the United States."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return set()  # "a treaty with that country" may well mean a country named just before
    verb = token.head
    inside = {t.i for t in token.subtree}
    for t in verb.subtree:  # predicatives name the subject itself: "declared ... as X"
        if t.dep_ in ("attr", "oprd") and t.head.i == verb.i or t.dep_ == "prep" and t.lower_ == "as":
            inside |= {s.i for s in t.subtree}
    return {view.by_token[t.i] for t in verb.subtree if t.i in view.by_token and t.i not in inside}


def _clause_subject_actors(view: View, token: Token) -> list[str]:
    """Actors that are the subject of the token's own clause: a pronoun there means another."""
    head = token
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    out = []
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i and child.i in view.by_token:
            out += [view.by_token[t.i] for t in [child, *child.conjuncts] if t.i in view.by_token]
    return out


def _group_before(view: View, token: Token, kinds: list[str] | None = None) -> tuple[str, ...]:
    """The latest group named before the token whose actors fit the noun ("the two companies")."""
    here = _named_together_before(view, token)
    for group in [here, *reversed(view.groups)]:
        if group and (not kinds or all(view.actors[a].kind in kinds for a in group)):
            return group
    if kinds and any(c.lower_ == "two" for c in token.children):
        latest = [a for a in dict.fromkeys(reversed(view.before)) if view.actors[a].kind in kinds][:2]
        return tuple(reversed(latest)) if len(latest) == 2 else ()  # "the two companies" named apart
    return ()


def _named_together_before(view: View, token: Token) -> tuple[str, ...]:
    for i in sorted(view.by_token):
        if i >= token.i:
            break
        t = view.span.doc[i]
        ids = tuple(dict.fromkeys(view.by_token[c.i] for c in [t, *t.conjuncts] if c.i in view.by_token))
        if len(ids) >= 2 and t.i not in {c.i for c in token.subtree}:
            return ids
    return ()


def speakers_over(view: View, token: Token) -> list[str]:
    """Who reports the clause a token sits in ("X said that ... token ...")."""
    speech = set(rules("claims_verbs")["speech_verbs"])
    t = token
    while t.dep_ != "ROOT":
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in speech:
            for child in t.head.children:
                if child.dep_ == "nsubj":
                    return actors_of(view, child)
            return []
        t = t.head
    return []


# --- triggers ------------------------------------------------------------------------


@dataclass
class Trigger:
    token: Token
    kind: str
    absorbed: list[Token] = field(default_factory=list)  # object nouns or particles taken in


def find_triggers(view: View) -> list[Trigger]:
    """Every word in the sentence that names an event happening (not only a topic)."""
    lex = rules("events_triggers")
    if not any(t.pos_ in ("VERB", "AUX") for t in view.span):
        return []  # a heading or caption: no clause, no event
    found: list[Trigger] = []
    absorbed: set[int] = set()
    speech = set(rules("claims_verbs")["speech_verbs"])
    for token in view.span:
        reporting = token.lemma_.lower() in speech and any(c.dep_ == "ccomp" for c in token.children) \
            and lex["verbs"].get(token.lemma_.lower()) in lex["reporting_kinds"]
        if token.pos_ == "VERB" and token.dep_ != "amod" and not _negated(token) and not reporting:
            trig = _verb_trigger(token, lex)
            if trig:
                found.append(trig)
                absorbed |= {t.i for t in trig.absorbed}
    taken = {t.token.i for t in found}
    for token in view.span:
        if token.pos_ == "VERB" and token.i not in taken and not _negated(token):
            trig = _support_verb_trigger(token, lex)
            if trig:
                found.append(trig)
                absorbed |= {t.i for t in trig.absorbed}
    for token in view.span:
        if token.pos_ == "NOUN" and token.i not in absorbed:
            kind = lex["nouns"].get(token.lemma_.lower()) or lex["nouns"].get(token.lower_)
            if kind and not _topic_only(token, lex) and not _negated_object(token) and _qualified(token, lex):
                found.append(Trigger(token, kind))
    taken = {t.token.i for t in found} | absorbed
    governing = {_argument_head(t.token).i for t in found}
    found += [Trigger(v, "other") for v in _dated_verbs(view, lex) if v.i not in taken | governing]
    return [t for t in found if not _hypothetical(t.token, lex)]


def _argument_head(token: Token) -> Token:
    """The word a trigger is an argument of: "engaged" in "engaged in heavy fighting"."""
    head = token.head
    return head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head


def _dated_verbs(view: View, lex: dict) -> list[Token]:
    """A verb with a date of its own and an actor as subject tells something that happened
    even when no trigger names its kind ("On Friday, X slowed the sale"): kind `other`."""
    said = rules("claims_verbs")
    speech = set(said["speech_verbs"]) | set(said["statement_verbs"])
    out = []
    for time in view.sentence.times:
        tokens = _time_tokens(view, time)
        verb = _verb_above(tokens[0]) if tokens else None
        if verb is None or verb.lemma_.lower() in speech | set(lex["light_verbs"]) or _negated(verb):
            continue
        if any(actors_of(view, s) for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")):
            out.append(verb)
    return out


def _verb_above(token: Token) -> Token | None:
    t = token
    while t.pos_ != "VERB":
        if t.head.i == t.i or t.pos_ == "NOUN" and t.dep_ not in ("pobj", "npadvmod", "compound", "nmod"):
            return None
        t = t.head
    return t


def _object_noun(verb: Token, lex: dict) -> Token | None:
    """A verb's object, looking through "a series of" to the noun that counts."""
    for child in verb.children:
        if child.dep_ == "dobj":
            if child.lemma_.lower() in lex["quantity_nouns"]:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        return next((p for p in prep.children if p.dep_ == "pobj"), child)
            return antecedent(child)
    return None


def _support_verb_trigger(verb: Token, lex: dict) -> Trigger | None:
    """"X carried out weapons tests", "X slowed the sale": a verb that is no trigger itself
    names the event of its object noun, and the title keeps the verb."""
    lemma = verb.lemma_.lower()
    if lemma in lex["topic_verbs"] or lemma in lex["not_support_verbs"] or verb.dep_ == "amod":
        return None
    noun = _object_noun(verb, lex)
    if noun is None or noun.pos_ != "NOUN":
        return None
    kind = lex["nouns"].get(noun.lemma_.lower()) or lex["nouns"].get(noun.lower_)
    if not kind or not _qualified(noun, lex):
        return None
    if verb.lemma_.lower() in lex["stop_verbs"]:
        kind = "yield" if kind in lex["de_escalation_of"] else "reduce-relations"
    return Trigger(verb, kind, [noun])


def _verb_trigger(token: Token, lex: dict) -> Trigger | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and lemma in lex["phrases"]:
            child = (_object_noun(token, lex) if child.dep_ == "dobj" else None) or antecedent(child)
            kind = lex["phrases"][lemma].get(child.lemma_.lower()) or lex["phrases"][lemma].get(child.lower_)
            if kind:
                return Trigger(token, kind, [child])
        if child.dep_ in ("prt", "prep") and lemma in lex["particles"]:
            kind = lex["particles"][lemma].get(child.lower_)
            if kind:
                objects = [c for c in child.children if c.dep_ == "pobj"] + [
                    c for c in token.children if c.dep_ == "dobj"]
                return Trigger(token, kind, [child, *objects])
    if any(c.dep_ == "prt" for c in token.children):
        return None  # a phrasal verb means something else: "wound up", "sign up", "call off"
    if lemma in lex["verbs"]:
        return Trigger(token, lex["verbs"][lemma])
    return None


def _qualified(noun: Token, lex: dict) -> bool:
    """A noun that needs a qualifier has it among its modifiers ("weapons tests")."""
    needs = lex["noun_needs"].get(noun.lemma_.lower())
    return not needs or any(c.lower_ in needs or c.lemma_.lower() in needs
                            for c in noun.children if c.i < noun.i)


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes: "the order that X signs"."""
    if token.tag_ in ("WDT", "WP") or token.lower_ == "that" and token.pos_ == "PRON":
        t = token.head
        for _ in range(4):
            if t.dep_ == "relcl":
                return t.head
            if t.head.i == t.i:
                break
            t = t.head
    return token


def _negated_object(noun: Token) -> bool:
    """"It never came to a peace agreement": a noun right under a negated verb did not
    happen; "have not made a breakthrough in talks" still had the talks."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "pobj", "attr", "nsubj") and head.pos_ in ("VERB", "AUX") and _negated(head)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _topic_only(token: Token, lex: dict) -> bool:
    """"discuss a ceasefire", "prisoners of war", "peace talks" modifiers: a topic, not an event."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in ("compound", "amod", "nmod"):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "in" and token.lemma_.lower() in lex["motive_nouns"]:
        return True
    if token.dep_ == "pobj":
        head = head.head
    if head.lemma_.lower() in lex["topic_verbs"] and token.dep_ in ("dobj", "pobj"):
        return True
    return (head.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj"
            and head.lemma_.lower() in lex["topic_nouns"])


def _hypothetical(token: Token, lex: dict) -> bool:
    """A trigger in a clause that only imagines it: "fear that the conflict will turn into war"."""
    t = token
    for _ in range(8):
        if any(c.dep_ == "aux" and c.lower_ in lex["hypothetical_aux"] for c in t.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.dep_ in ("acl", "ccomp") and t.head.lemma_.lower() in lex["hypothetical_heads"]:
            return True
        if t.dep_ == "ROOT":
            return False
        t = t.head
    return False


# --- one event per trigger group -------------------------------------------------------


@dataclass
class Draft:
    """An event being built from one sentence, before merging with its other mentions."""

    view: View
    triggers: list[Trigger]
    roles: dict[str, str] = field(default_factory=dict)
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    title: str = ""
    others: set[int] = field(default_factory=set)  # trigger tokens of the sentence's other events

    @property
    def head(self) -> Trigger:
        return self.triggers[0]

    @property
    def kind(self) -> str:
        return self.head.kind

    @property
    def key(self) -> str:
        """What names the event for merging: the object of "conduct an exercise", else the trigger."""
        nouns = [t for t in self.head.absorbed if t.pos_ == "NOUN"]
        return family((nouns[0] if nouns else self.head.token).lemma_.lower())

    @property
    def tokens(self) -> set[int]:
        return {t.token.i for t in self.triggers} | {a.i for t in self.triggers for a in t.absorbed}


def family(lemma: str) -> str:
    """The merge key of a trigger word: its family's first word ("bombing" -> "attack")."""
    stem = _stem(lemma)
    for words in rules("events_triggers")["families"]:
        if lemma in words or stem in words:
            return words[0]
    return stem


def _stem(lemma: str) -> str:
    for suffix in ("ing", "s"):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 3:
            return lemma[: -len(suffix)]
    return lemma


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Fold an infinitive chain into one event: "pledged to come to Moscow to discuss ..."."""
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
    while t.dep_ in ("xcomp", "advcl", "acl") and _infinitive(t):
        t = t.head
        if t.i in by_index:
            top = t.i
    return top


def draft_event(view: View, group: list[Trigger], triggers: list[Trigger] | None = None) -> Draft:
    draft = Draft(view, group)
    draft.others = {t.token.i for t in triggers or []} - draft.tokens
    _add_participants(draft)
    _add_place(draft)
    return draft


def _role(draft: Draft, slot: str, many: bool) -> str:
    lex = rules("events_triggers")
    kind, lemma = draft.kind, draft.head.token.lemma_.lower()
    if slot == "subject":
        if lemma in lex["subject_roles"]:
            return lex["subject_roles"][lemma]
        return "party" if many and kind in lex["symmetric"] else "initiator"
    if slot == "object":
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
    if anchor.lemma_.lower() in rules("claims_verbs")["speech_verbs"]:
        _content_targets(draft, anchor)
    if anchor.pos_ == "NOUN" or not _has_actor_role(draft):
        for governor in _governors(anchor, draft):
            had_actor = _has_actor_role(draft)
            _arguments(draft, governor, governed=True, invitees=had_actor)
            if _has_actor_role(draft):
                break
    _add(draft, speakers_over(view, anchor), "observer")
    for token in _own_subtree(anchor):
        if token.i in view.by_token and not _is_modifier_only(token):
            _add(draft, [view.by_token[token.i]], "participant")


def _has_role(draft: Draft, *roles: str) -> bool:
    return any(r in roles for r in draft.roles.values())


def _coordinated_objects(draft: Draft, verb: Token) -> None:
    """"reverse its position on Sudan and lift sanctions": coordinated verbs share what they
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
    """"the North warned that ... unless the South offers an excuse": a warning, demand or
    accusation is aimed at the actors its content names."""
    for child in verb.children:
        if child.dep_ == "ccomp" and not _has_role(draft, "target"):
            _add(draft, [a for a in mentions_in_clause(draft.view, child) if a not in draft.roles], "target")


def mentions_in_clause(view: View, token: Token) -> list[str]:
    return list(dict.fromkeys(view.by_token[t.i] for t in token.subtree if t.i in view.by_token))


def _is_modifier_only(token: Token) -> bool:
    """"Soviet" in "the two former Soviet republics": a demonym describing, not acting."""
    return token.dep_ == "amod" and token.head.lemma_.lower() not in rules("events_references")["proxy_nouns"]


def _has_actor_role(draft: Draft) -> bool:
    return any(r in ("initiator", "party", "mediator", "host") for r in draft.roles.values())


def _governors(noun: Token, draft: Draft) -> list[Token]:
    """Words above a noun trigger that may hold its actors: "engaged in fighting",
    "an attempt by France ... to organize talks"."""
    out, t = [], noun
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "acl", "xcomp", "attr", "nsubj", "nsubjpass", "advcl"):
            break
        t = t.head
        if t.i in draft.others or t.lemma_.lower() in rules("claims_verbs")["speech_verbs"]:
            break  # a speaker is an observer, not an actor of what they report
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
        return True  # "X will be able to trade": through "able" to the subject of "be"
    participle = verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)
    return verb.dep_ == "advcl" and (_infinitive(verb) or participle)


def _subjects(head: Token) -> list[Token]:
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
    for subject in _subjects(head):
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
            _add(draft, actors_of(view, child), role)
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
    """"mediating in the conflict between the two republics": the sides are parties."""
    if noun.i in draft.view.by_token:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                ids = actors_of(draft.view, pobj)
                _add(draft, ids + [a for a in mentions_in(draft.view, pobj) if a not in ids], "party")


SKIP_IN_PHRASE = {"relcl", "ccomp", "advcl", "parataxis", "conj", "appos"}
TEMPORAL_PREPS = {"after", "before", "since", "until", "following", "during", "according"}


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
    """A place actor in a locative phrase of the trigger: "talks in Geneva", "come to Moscow"."""
    view = draft.view
    for trig in draft.triggers:
        for token in _own_subtree(trig.token):
            aid = view.by_token.get(token.i)
            if aid and view.actors[aid].kind == "place" and token.dep_ == "pobj" \
                    and token.head.lower_ in ("in", "at", "to", "near", "inside", "into"):
                draft.place = aid
                return


# --- dates ---------------------------------------------------------------------------


def date_events(view: View, drafts: list[Draft]) -> None:
    """Give each draft the time expression attached to its trigger (else the sentence's);
    an adverbial ("on Thursday") speaks for the event before a date inside one of its
    arguments ("the February 28 deadline")."""
    loose, owned = [], []
    for time in view.sentence.times:
        owner, edge, rank = _time_owner(view, time, drafts)
        value = _ordered_value(view, time, edge)
        text = _with_order_word(view, time)
        if owner is None:
            loose.append((value, text))
        elif value:
            owned.append((rank, owner, value, text))
    for _, owner, value, text in sorted(owned, key=lambda o: o[0]):
        if owner.date is None:
            owner.date, owner.date_text = value, text
    for value, text in loose:
        for draft in drafts:
            if draft.date is None and value and (len(drafts) == 1 or _near_root(draft.head.token)):
                draft.date, draft.date_text = value, text
    for draft in drafts:
        if draft.date is None:
            governing = _governing_draft(draft, drafts)
            if governing is not None:
                draft.date, draft.date_text = governing.date, governing.date_text
    order_events(drafts)


def order_events(drafts: list[Draft]) -> None:
    """Date an undated event by another in its sentence: "X after the invitation on
    Thursday" happened from Thursday on; "the offer followed an attempt" puts the attempt
    before the offer."""
    by_anchor = {d.head.token.i: d for d in drafts}
    for draft in drafts:
        anchor = draft.head.token
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ORDER_PREPS):
            other = next((by_anchor.get(p.i) for p in prep.children if p.dep_ == "pobj"), None)
            if other is not None and other.date and draft.date is None:
                _set_relative(draft, other, ORDER_PREPS[prep.lower_])
    for token in (d.head.token.head for d in drafts):
        relation = ORDER_VERBS.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if relation is None:
            continue
        subject = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            continue
        if subject.date and obj.date is None:
            _set_relative(obj, subject, "before" if relation == "after" else "after")
        elif obj.date and subject.date is None:
            _set_relative(subject, obj, relation)


ORDER_PREPS = {"after": "after", "following": "after", "since": "after", "before": "before"}
ORDER_VERBS = {"follow": "after", "precede": "before"}  # "A followed B": A is after B


def _set_relative(draft: Draft, other: Draft, relation: str) -> None:
    """An open interval from (after) or up to (before) another event's date; the words
    that date the other event stay the date's text."""
    date = other.date or ""
    start, _, end = date.partition("/")
    value = f"{start}/.." if relation == "after" else f"../{end or start}"
    if date and ".." not in date and _valid(value):
        draft.date, draft.date_text = value, other.date_text


def _near_root(token: Token) -> bool:
    """A verb, or a noun argument of the main verb: a sentence's loose date is theirs."""
    if token.pos_ == "VERB":
        return True
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.dep_ == "ROOT" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def continue_dates(view: View, drafts: list[Draft], previous: list[Draft]) -> None:
    """A sentence with no date of its own that opens with "In retaliation," or "Later,"
    follows the previous sentence's dated event: at that time, or from it on."""
    lex = rules("events_triggers")
    dated = [d for d in previous if d.date and d.view.sentence.paragraph == view.sentence.paragraph
             and d.view.sentence.article is view.sentence.article]
    if view.sentence.times or not dated:
        return
    opening = view.sentence.text.lower().lstrip("“\"' ")
    date, text = dated[0].date, dated[0].date_text
    if any(opening.startswith(w) for w in lex["same_time_openers"]):
        value = date
    elif any(opening.startswith(w + " ") or opening.startswith(w + ",") for w in lex["later_openers"]):
        value = f"{date.split('/')[0]}/.." if ".." not in date else None
    else:
        return
    for draft in drafts:
        if draft.date is None and value and _valid(value):
            draft.date, draft.date_text = value, text


def _governing_draft(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The event a subordinate one hangs from ("blasted X on Tuesday for conducting a drill"):
    the subordinate happened then too, unless an order word sets it apart ("after ...")."""
    t = draft.head.token
    if t.pos_ != "VERB":
        return None  # "condemned the bombing": the bombing has its own time
    while t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in TEMPORAL_PREPS or t.dep_ in ("ccomp", "relcl", "conj"):
            return None
        t = t.head
        owner = next((d for d in drafts if d is not draft and t.i in d.tokens), None)
        if owner is not None:
            return owner if owner.date else None
    return None


def _time_tokens(view: View, time) -> list[Token]:
    return [t for t in view.span if time.start <= view.offset(t) < time.end]


def _time_owner(view: View, time, drafts: list[Draft]) -> tuple[Draft | None, str | None, int]:
    """The draft a time expression hangs from, the edge verb on the way ("ended in"), and
    a rank: 0 for an adverbial of the trigger, 1 for a date inside an argument."""
    tokens = _time_tokens(view, time)
    if not tokens:
        return None, None, 9
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    edges = rules("events_triggers")["edge_verbs"]
    edge, t, below = None, root, root
    for _ in range(12):
        for draft in drafts:
            if t.i in draft.tokens:
                rank = 0 if t.i in {g.token.i for g in draft.triggers} and below.dep_ in ADVERBIAL else 1
                return draft, edge, rank
        if t.pos_ == "VERB" and t.lemma_.lower() in edges and edge is None:
            edge = edges[t.lemma_.lower()]
        if t.head.i == t.i:
            break
        below, t = t, t.head
    return None, None, 9


ADVERBIAL = {"prep", "npadvmod", "advmod", "tmod", "obl", "nummod", "relcl", "acl", "advcl"}


def _order_word(view: View, time) -> str | None:
    lex = rules("events_triggers")
    before = view.sentence.text[max(0, time.start - 14): time.start].lower()
    words = time.text.lower()
    for word in lex["order_before"]:
        if re.search(rf"\b{word}\s*$", before) or words.startswith(word + " "):
            return "before"
    for word in lex["order_after"]:
        if re.search(rf"\b{word}\s*$", before) or words.startswith(word + " "):
            return "after"
    return None


def _with_order_word(view: View, time) -> str:
    before = view.sentence.text[max(0, time.start - 14): time.start]
    lex = rules("events_triggers")
    for word in lex["order_before"] + lex["order_after"] + ["on", "in", "at"]:
        m = re.search(rf"\b{word}\s*$", before, re.I)
        if m and not time.text.lower().startswith(word):
            return before[m.start():] + time.text
    return time.text


def _ordered_value(view: View, time, edge: str | None) -> str | None:
    """The EDTF value, opened by an order word: "before Thursday" -> ../2020-10-08."""
    value = time.value
    if not value:
        return None
    order = _order_word(view, time) or edge
    if order is None or ".." in value:
        return value if _valid(value) else _concrete(value)
    start, _, end = value.partition("/")
    end = end or start
    if order == "before":
        opened = f"../{_digits(start, '0')}" if edge is None else f"../{_digits(end, '9')}"
    else:
        opened = f"{_digits(_common_unit(start, end), '0')}/.."
    return opened if _valid(opened) else value


def _concrete(value: str) -> str | None:
    """An interval the EDTF reader refuses ("199X/..") with its unspecified digits filled."""
    start, _, end = value.partition("/")
    fixed = f"{_digits(start, '0')}/{_digits(end, '9')}" if end else _digits(start, "0")
    return fixed if _valid(fixed) else None


def _digits(value: str, fill: str) -> str:
    """An unspecified digit made concrete for an interval's end: 199X -> 1990 or 1999."""
    return value.replace("X", fill)


def _valid(value: str) -> bool:
    try:
        parse_edtf(value)
    except Exception:
        return False
    return True


def _common_unit(start: str, end: str) -> str:
    """The widest unit both ends share, so "end of September" opens from 2020-09, not a day."""
    if start == end:
        return start
    a, b = start.strip("~?%").split("-"), end.strip("~?%").split("-")
    common = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common.append(x)
    return "-".join(common) or start


# --- titles and ids ------------------------------------------------------------------

TITLE_DEPS = {"relcl", "dobj", "prep", "pobj", "prt", "xcomp", "attr", "acomp", "compound", "amod", "aux",
              "neg", "poss", "nummod", "quantmod", "det", "case", "advmod", "conj", "cc", "dative", "oprd",
              "npadvmod", "agent", "auxpass", "nmod", "punct", "mark", "acl", "advcl", "pcomp"}


def title_of(draft: Draft) -> str:
    """Subject, trigger and object, in the sentence's own words, without its dates."""
    view = draft.view
    anchor = _title_anchor(draft)
    times = {t.i for time in view.sentence.times for t in _time_tokens(view, time)}
    keep = _shortened(_title_tokens(anchor, times), anchor)
    words = _until_comma([view.span.doc[i] for i in sorted(keep)], anchor)[:TITLE_WORDS]
    text = join_tokens(words).strip(" ,;:-")
    described = [antecedent(c) for c in anchor.children if c.dep_ == "dobj" and antecedent(c) is not c]
    if described:
        noun = described[0]
        text += " " + join_tokens([t for t in noun.subtree if t.i <= noun.i])
    lead = _lead_names(draft, anchor) if anchor.pos_ in ("VERB", "AUX") else ""
    doers = [a for a, r in draft.roles.items() if r in ("initiator", "mediator")]
    parties = [a for a, r in draft.roles.items() if r == "party"]
    actors = _names(doers or (parties if len(parties) > 1 else []), view)
    if lead or (actors and anchor.pos_ in ("VERB", "AUX")):
        text = f"{lead or actors} {text}"
    elif actors and len(words) <= 2 and not any(t.i in view.by_token for t in words):
        text = f"{text} by {actors}"  # "Commentary by Rodong Sinmun"
    text = re.sub(r"\s+", " ", text.replace("“", "").replace("”", "").replace('"', "")).strip()
    text = re.sub(r"^(the|a|an) ", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


TITLE_WORDS = 14


def _title_anchor(draft: Draft) -> Token:
    """A noun trigger whose actors are its governing verb's subject is told through that
    verb: "Armenia and Azerbaijan have been engaged in heavy fighting"."""
    noun = draft.head.token
    inside = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into")  # "engaged in fighting"
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" and not inside:
        return noun
    verb = _argument_head(noun)
    if verb.pos_ != "VERB" or verb.i in draft.others or verb.dep_ in ("amod", "acl", "relcl") \
            or verb.lemma_.lower() in rules("claims_verbs")["speech_verbs"]:
        return noun
    if any(actors_of(draft.view, s) for s in _subjects(verb) if s.dep_ == "nsubj" or s.dep_ == "nsubjpass"):
        return verb
    return noun


def _shortened(keep: set[int], anchor: Token) -> set[int]:
    """A long title loses its last prepositional phrases whole, never half a name."""
    doc = anchor.doc
    while len(keep) > TITLE_WORDS:
        preps = [i for i in keep if doc[i].dep_ == "prep" and i > anchor.i]
        if not preps:
            break
        keep -= {t.i for t in doc[max(preps)].subtree}
    return keep


def _until_comma(tokens: list[Token], anchor: Token) -> list[Token]:
    """A title stops at the first comma left out after the trigger and five words: the
    rest is an aside."""
    for n, (prev, token) in enumerate(zip(tokens, tokens[1:], strict=False), start=1):
        gap = prev.doc[prev.i + 1: token.i]
        if n >= 5 and prev.i >= anchor.i and any(t.text in (",", ";", "—", "–") for t in gap):
            return tokens[:n]
    return tokens


def join_tokens(tokens: list[Token]) -> str:
    """Tokens as text, with a space wherever the sentence had one or a word was left out."""
    out = ""
    for prev, token in zip([None, *tokens], tokens, strict=False):
        if prev is not None and (prev.whitespace_ or token.i != prev.i + 1):
            out += " "
        out += token.text
    return out


def _title_tokens(anchor: Token, times: set[int]) -> set[int]:
    keep, stack = {anchor.i}, list(anchor.children)
    while stack:
        t = stack.pop()
        if not _in_title(t, anchor, times):
            continue
        keep.add(t.i)
        stack += list(t.children)
    return keep


def _in_title(t: Token, anchor: Token, times: set[int]) -> bool:
    """Which words of the trigger's phrase make its title: the phrase itself, not its
    dates, asides, subordinate clauses or the subject (named separately)."""
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != anchor.i:
        return t.i not in times  # the subject of a clause inside the phrase stays
    if t.dep_ == "ccomp" and t.head.i == anchor.i:
        return anchor.lemma_.lower() in rules("claims_verbs")["speech_verbs"]  # "warned that ..."
    if t.dep_ not in TITLE_DEPS or t.i in times or t.dep_ == "punct" and t.text != "-":
        return False
    if t.dep_ == "relcl" and (anchor.pos_ != "NOUN" or not any(
            c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children)):
        return False
    if t.tag_ in ("WDT", "WP") and t.dep_ != "nsubj":
        return False
    if t.dep_ in ("advcl", "acl") and not any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children):
        return anchor.pos_ == "NOUN" and t.dep_ == "acl"
    if t.dep_ in ("mark", "cc", "conj") and t.head.i == anchor.i:
        return False
    if t.dep_ in ("advmod", "prep", "npadvmod") and t.head.i == anchor.i and t.i < anchor.i \
            and anchor.pos_ in ("VERB", "AUX"):
        return False  # a fronted adverbial: "At the library, ... signed"
    if t.dep_ == "advmod" and (t.head.i == anchor.i or any(True for _ in t.children)):
        return False
    if t.dep_ == "prep" and (t.lower_ in TEMPORAL_PREPS | {"including", "despite"}
                             or all(c.i in times for c in t.children)):
        return False
    return True


def _lead_names(draft: Draft, anchor: Token) -> str:
    """The subject as the title names it: actors by name when the subject is a name or a
    pronoun, else the subject's own words ("350 Armenian soldiers")."""
    subj = next((s for s in _subjects(anchor) if not _is_dateline(s)), None)
    if subj is None:
        return ""
    subj = antecedent(subj)
    named_inside = any(t.i in draft.view.by_token for t in subj.subtree)
    if subj.i in draft.view.by_token or not named_inside:  # a name, a pronoun, "the two countries"
        names = _names(actors_of(draft.view, subj), draft.view)
        if names:
            return names
    words = [t for t in subj.subtree if not any(a.dep_ in ("relcl", "appos", "acl") and a.i != subj.i
                                                for a in _ancestors_until(t, subj))]
    cut = next((n for n, t in enumerate(words) if t.text in (",", ";", "(")), len(words))
    words = words[:min(cut, 8)]
    while words and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        words = words[:-1]
    return join_tokens(words).strip(" ,")


def _names(ids: list[str], view: View) -> str:
    """"A", "A and B", "A, B and C": at most three actors by name."""
    names = [view.actors[a].name for a in ids[:3]]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_dateline(token: Token) -> bool:
    """"NAIROBI, Kenya (AP) _": a capitalized place opening the story, parsed as a subject."""
    after = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    opening = token.i == token.sent.start and after in (",", "—", "–", "-", "(")
    return opening and token.is_upper and len(token.text) > 2


def _ancestors_until(token: Token, top: Token) -> list[Token]:
    out, t = [], token
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


STOP = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "with", "by", "from", "its", "their",
        "his", "her", "has", "have", "had", "been", "be", "is", "are", "was", "were", "will", "would", "that"}


def slug(title: str, taken: set[str]) -> str:
    """A stable id from the title's words: lowercase, hyphens, unique, never a reserved name."""
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in STOP][:6]
    base = "-".join(words) or "event"
    if base in RESERVED_IDS:
        base = f"{base}-event"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --- merging -------------------------------------------------------------------------


def _span(value: str | None) -> tuple[str, str] | None:
    """A date value as (earliest, latest) sortable strings; open ends are extremes."""
    if not value:
        return None
    start, _, end = value.partition("/")
    end = end or start
    lo = "0000" if start in ("", "..") else start.strip("~?%")
    hi = "9999" if end in ("", "..") else end.strip("~?%") + "-99"
    return lo, hi


def compatible_dates(a: str | None, b: str | None) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _narrower(a: str | None, b: str | None) -> bool:
    """Whether b says more than a: a closed span before an open one, then the shorter."""
    if b is None:
        return False
    if a is None:
        return True
    return _width(b) < _width(a)


def _width(value: str) -> float:
    if ".." in value:
        return float("inf")
    try:
        parsed = parse_edtf(value)
        return calendar.timegm(parsed.upper_strict()) - calendar.timegm(parsed.lower_strict())
    except Exception:
        return float("inf")


def same_event(a: Draft, b: Draft) -> bool:
    """Two mentions of one event: same kind and trigger, dates and participants that agree."""
    if a.kind != b.kind or a.key != b.key or not compatible_dates(a.date, b.date):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    ia, ib = _actors(a, "initiator"), _actors(b, "initiator")
    if ia and ib and not ia & ib:
        return False  # "U.S. missile attacks" are not the bombings of U.S. embassies
    ra, rb = _actors(a), _actors(b)
    if not ra and not rb:
        return True
    if not ra or not rb:
        same_paragraph = a.view.sentence.paragraph == b.view.sentence.paragraph
        return same_paragraph or bool(a.date and b.date)
    return bool(ra & rb)


def _actors(draft: Draft, *roles: str) -> set[str]:
    return {a for a, r in draft.roles.items() if r != "observer" and (not roles or r in roles)}


# --- the component -------------------------------------------------------------------


def extract_events(sentences: list[Sentence], actors: dict[str, Actor]) -> list[Event]:
    """Every event the sentences tell, once each, with kind, participants, place and date."""
    merged: list[list[Draft]] = []
    previous: list[Draft] = []
    for view in build_views(sentences, actors):
        triggers = find_triggers(view)
        drafts = [draft_event(view, g, triggers) for g in group_triggers(triggers)]
        date_events(view, drafts)
        continue_dates(view, drafts, previous)
        previous = drafts
        for draft in drafts:
            if not _worth_telling(draft):
                continue
            draft.title = title_of(draft)
            home = next((m for m in merged if all(same_event(d, draft) for d in m)), None)
            if home is None:
                merged.append([draft])
            else:
                home.append(draft)
    taken = set(actors)  # an event id never repeats an actor's, so `about` stays unambiguous
    return [to_event(group, taken) for group in merged]


def _worth_telling(draft: Draft) -> bool:
    """An event needs something an analyst can place: an actor, a date or a place; harm
    (casualties, flight) is told even when nobody is named."""
    lex = rules("events_triggers")
    actor_roles = {r for r in draft.roles.values() if r != "observer"}
    if draft.head.token.lemma_.lower() in lex["verbs_need_other"]:
        others = actor_roles - {"initiator"}
        return bool(others or draft.place or list(draft.roles.values()).count("initiator") > 1)
    return bool(actor_roles or draft.date or draft.place) or draft.kind in lex["harmful"]


def _richness(draft: Draft) -> tuple[int, int, int]:
    """Which mention of a merged event speaks for it: most actors, then dated, then a verb."""
    actors = sum(r not in ("participant", "observer") for r in draft.roles.values())
    return actors, draft.date is not None, draft.head.token.pos_ == "VERB"


def to_event(drafts: list[Draft], taken: set[str]) -> Event:
    first = max(drafts, key=_richness)
    date, date_text = first.date, first.date_text
    roles: dict[str, str] = {}
    place = None
    sources: list[SourceRef] = []
    for d in sorted(drafts, key=lambda d: d is not first):
        if _narrower(date, d.date):
            date, date_text = d.date, d.date_text
        for aid, role in d.roles.items():
            if roles.get(aid) is None or roles[aid] in ("participant", "observer") and role not in (
                    "participant", "observer"):
                roles[aid] = role
        place = place or d.place
        quote = d.view.sentence.text
        if all(s.quote != quote for s in sources):
            sources.append(SourceRef(article=d.view.sentence.article.id, quote=quote))
    event_id = slug(first.title, taken)
    taken.add(event_id)
    return Event(
        id=event_id,
        title=first.title,
        kind=first.kind,
        date=date,
        date_text=date_text,
        place=place,
        participants=[Participant(actor=a, role=r) for a, r in roles.items()],
        summary=first.view.sentence.text,
        sources=sources,
    )
