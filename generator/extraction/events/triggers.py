"""Event triggers: the words that name something happening, with the kind of event.

A trigger is a verb ("discuss", "shelled"), a verb with its object or particle ("carried
out tests", "called off"), or a noun ("talks", "the bombing"), each listed with its kind
in `data/events_triggers.yml`. Words that only name a topic ("discuss a ceasefire") are
not triggers: an analyst wants what happened, not what was talked about. Each trigger
carries the article's stance on it (`factuality.py`): a negated one ("did not attack")
is dropped, a planned or denied one keeps its status. A verb that stops or delays what
its object names ("delaying a shipment of aid") turns the event round: no aid, but a
reduction of relations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events.factuality import chained, event_status, keeps_sheet
from generator.extraction.references import View, actors_of, time_tokens
from generator.extraction.syntax import antecedent, negated
from generator.text import QUOTE_MARKS


@dataclass
class Trigger:
    token: Token
    kind: str
    absorbed: list[Token] = field(default_factory=list)  # object nouns or particles taken in
    status: str = "happened"  # the article's stance on it (schema EventStatus)


def find_triggers(view: View) -> list[Trigger]:
    """Every word in the sentence that names an event happening (not only a topic)."""
    lex = load_data("events_triggers")
    if not any(t.pos_ in ("VERB", "AUX") for t in view.span):
        return []  # a heading or caption: no clause, no event
    found: list[Trigger] = []
    absorbed: set[int] = set()
    speech = set(load_data("claims_verbs")["speech_verbs"])
    for token in view.span:
        reporting = token.lemma_.lower() in speech and any(c.dep_ == "ccomp" for c in token.children) \
            and lex["verbs"].get(token.lemma_.lower()) in lex["reporting_kinds"]
        if token.pos_ == "VERB" and token.dep_ != "amod" and not reporting:
            trig = _verb_trigger(token, lex)
            if trig:
                found.append(trig)
                absorbed |= {t.i for t in trig.absorbed}
    taken = {t.token.i for t in found}
    for token in view.span:
        if token.pos_ == "VERB" and token.i not in taken:
            trig = _support_verb_trigger(token, lex)
            if trig:
                found.append(trig)
                absorbed |= {t.i for t in trig.absorbed}
    for token in view.span:
        if token.pos_ == "NOUN" and token.i not in absorbed:
            kind = lex["nouns"].get(token.lemma_.lower()) or lex["nouns"].get(token.lower_)
            if kind and not _topic_only(token, lex) and _qualified(token, lex):
                found.append(Trigger(token, kind))
    taken = {t.token.i for t in found} | absorbed
    governing = {argument_head(t.token).i for t in found}
    found += [Trigger(v, "other") for v in _dated_verbs(view, lex) if v.i not in taken | governing]
    found = [t for t in found if not _withholds_name(t.token, lex) and not _quoted_word(t.token)]
    return _with_stance(found)


def _with_stance(found: list[Trigger]) -> list[Trigger]:
    """Each trigger with the article's stance on it; what did not happen is left out. A
    trigger heading an infinitive chain speaks for it: "refused to discuss the charges"
    is one refusal, "declined to discuss" with no refusal trigger no event at all."""
    kept = {t.token.i for t in found}
    told = []
    for trig in found:
        status = event_status(trig.token, kept)
        if status is not None and (keeps_sheet(status) or chained(trig.token, kept)):
            trig.status = status
            told.append(trig)
    return told


def _quoted_word(token: Token) -> bool:
    """"a code showing whether they are ``working,'' ``wounded'' or ...": a word in quotation
    marks on its own is named, not used."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = [t.text for t in doc[token.i + 1: token.i + 3]]
    closed = bool(after) and (after[0] in QUOTE_MARKS or after[0] in ",." and after[1:2] != []
                              and after[1] in QUOTE_MARKS)
    return before in QUOTE_MARKS and closed


def _withholds_name(token: Token, lex: dict) -> bool:
    """"who refused to identify himself", "declined to be named": a source withholding its
    name is how the story is told, not something that happened."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lex["name_withholding"] for c in token.children)


def argument_head(token: Token) -> Token:
    """The word a trigger is an argument of: "engaged" in "engaged in heavy fighting"."""
    head = token.head
    return head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head


def _dated_verbs(view: View, lex: dict) -> list[Token]:
    """A verb with a date of its own and an actor as subject tells something that happened
    even when no trigger names its kind ("On Friday, X slowed the sale"): kind `other`."""
    said = load_data("claims_verbs")
    speech = set(said["speech_verbs"]) | set(said["statement_verbs"])
    out = []
    for time in view.sentence.times:
        tokens = time_tokens(view, time)
        verb = _verb_above(tokens[0]) if tokens else None
        if verb is None or verb.lemma_.lower() in speech | set(lex["light_verbs"]) or negated(verb):
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
    if verb.dep_ == "amod":
        return None
    if lemma in load_data("factuality")["reversal_verbs"]:
        return _reversal_trigger(verb, lex)
    if lemma in lex["topic_verbs"] or lemma in lex["not_support_verbs"]:
        return None
    if lemma in load_data("claims_verbs")["speech_verbs"] and any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "told a news conference (that) ...": a claim, not a conference
    noun = _object_noun(verb, lex)
    if noun is None or noun.pos_ != "NOUN":
        return None
    kind = lex["nouns"].get(noun.lemma_.lower()) or lex["nouns"].get(noun.lower_)
    if not kind or not _qualified(noun, lex):
        return None
    return Trigger(verb, kind, [noun])


def _reversal_trigger(verb: Token, lex: dict) -> Trigger | None:
    """"X is delaying a shipment of aid", "halted the talks", "suspended attacks": a verb
    that stops what its object names is no such event. Stopping cooperation reduces
    relations, stopping hostility yields (CAMEO 16, 08); stopping anything else ("postponed
    the vote") is no event. Source: openeventdata/UniversalPetrarch#33."""
    fact = load_data("factuality")
    noun = _object_noun(verb, lex)
    if noun is None or noun.pos_ != "NOUN":
        return None
    carried = _carried(noun, fact)
    kind = lex["nouns"].get(carried.lemma_.lower()) or lex["nouns"].get(carried.lower_)
    if not kind or kind not in fact["reversible_kinds"]:
        return None
    kind = "yield" if kind in fact["de_escalation_of"] else "reduce-relations"
    return Trigger(verb, kind, list(dict.fromkeys([noun, carried])))


def _carried(noun: Token, fact: dict) -> Token:
    """What a carrier noun brings: "a shipment of aid" -> "aid"."""
    if noun.lemma_.lower() in fact["carrier_nouns"]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((p for p in prep.children if p.dep_ == "pobj"), noun)
    return noun


def _verb_trigger(token: Token, lex: dict) -> Trigger | None:
    """A verb that names an event by itself ("attacked"), with its object ("held talks")
    or with its particle ("called off")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and lemma in lex["phrases"]:
            child = (_object_noun(token, lex) if child.dep_ == "dobj" else None) or antecedent(child)
            kind = lex["phrases"][lemma].get(child.lemma_.lower()) or lex["phrases"][lemma].get(child.lower_)
            if kind:
                return Trigger(token, kind, [child])
        if _particle(token, child) and lemma in lex["particles"]:
            kind = lex["particles"][lemma].get(child.lower_)
            if kind:
                objects = [c for c in child.children if c.dep_ == "pobj"] + [
                    c for c in token.children if c.dep_ == "dobj"]
                return Trigger(token, kind, [child, *objects])
    verdict = _predicate_trigger(token, lex)
    if verdict is not None:
        return verdict
    if any(c.dep_ == "prt" for c in token.children):
        return None  # a phrasal verb means something else: "wound up", "sign up", "call off"
    if lemma in lex["verbs"]:
        return Trigger(token, lex["verbs"][lemma])
    return None


def _particle(verb: Token, child: Token) -> bool:
    """A verb's particle or preposition; the parser also reads a particle right after its
    verb as an adverb ("Freedonia stepped down": "down" an advmod)."""
    return child.dep_ in ("prt", "prep") or child.dep_ == "advmod" and child.i == verb.i + 1


def _predicate_trigger(verb: Token, lex: dict) -> Trigger | None:
    """"The jury found Anna Berg guilty", "Berg was found guilty": a verb whose predicative
    adjective names the event (`predicates` in the data); "found not guilty" is no such event."""
    words = lex["predicates"].get(verb.lemma_.lower(), {})
    for child in verb.children:
        if child.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and child.pos_ == "ADJ" \
                and child.lower_ in words and not negated(child):
            return Trigger(verb, words[child.lower_], [child])
    return None


def _qualified(noun: Token, lex: dict) -> bool:
    """A noun that needs a qualifier has it among its modifiers ("weapons tests")."""
    needs = lex["noun_needs"].get(noun.lemma_.lower())
    return not needs or any(c.lower_ in needs or c.lemma_.lower() in needs
                            for c in noun.children if c.i < noun.i)


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
    fact = load_data("factuality")
    if head.lemma_.lower() in fact["carrier_nouns"] and head.dep_ in ("dobj", "pobj"):
        head = head.head.head if head.dep_ == "pobj" else head.head  # "delayed a shipment of aid"
    topic = set(lex["topic_verbs"]) | set(fact["reversal_verbs"])
    if head.lemma_.lower() in topic and token.dep_ in ("dobj", "pobj"):
        return True
    return (head.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj"
            and head.lemma_.lower() in set(lex["topic_nouns"]) | set(fact["reversal_nouns"]))
