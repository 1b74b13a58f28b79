"""Factuality: the article's stance on an event, read from the dependency parse.

An event word is asserted (`happened`) unless a word above it says otherwise:
- a negation ("did not attack", "held no talks", "was not part of the agreement",
  "reluctance to send troops", "failed to reach a deal"): it did not happen, no sheet;
- a denial ("denied that its police had beaten", "rejected claims that"): `denied`;
- an allegation ("accused X of shelling", "claims that", "reportedly"): `alleged`;
- a modal or an intention ("will meet", "plans to visit", "is due to", "said it would
  keep"): `planned`; a possibility ("could", "is considering sending", "allows X to",
  "fear that ... will"): `possible`; a condition ("if talks fail, X would ..."): `conditional`.
A plain "X said Y attacked" stays `happened`: news tells most events through officials.

Built as spaCy's components are: `match_cues` finds the cue words (the lists are data,
`data/factuality.yml`, after NegEx's and negspacy's negation triggers and the modality
classes of FactBank and TimeML), `stance` sets the status from them. Sources: Chapman et
al. 2001 (NegEx); Sauri and Pustejovsky 2009 (FactBank); TimeML's SLINK types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.syntax import negated, speech_verbs

NOT = "not"  # a cue that the event did not happen: no status, no sheet
WOULD = "would"  # "would": conditional, planned or possible, by what else is found
REPORTED = "reported"  # a content clause of a speech verb: no stance of its own
MAX_DEPTH = 8

# Steps that pass from a complement to the word it completes.
COMPLEMENTS = ("xcomp", "ccomp", "acl", "advcl", "pcomp")
# Steps that share their head's modality: "will try to meet", "did not plan to attack".
CHAIN_STEPS = ("xcomp", "advcl", "conj")
# Steps of an infinitive chain, which the grouping tells as one event under its top.
INFINITIVE_STEPS = ("xcomp", "advcl", "acl")
# Steps from a noun to the verb it is an argument of.
ARGUMENTS = ("dobj", "attr", "nsubj", "nsubjpass", "oprd")


@dataclass(frozen=True)
class Cue:
    """A word that tells the article's stance on an event, and the stance it tells."""

    token: Token
    status: str


def event_status(token: Token, stop: Iterable[int] = ()) -> str | None:
    """The article's stance on the event a trigger word names: a status of the schema's
    EventStatus, or None when the article says it did not happen. `stop` holds the
    triggers that speak for an infinitive chain ("refused to discuss" is one refusal)."""
    return stance(match_cues(token, set(stop)))


def match_cues(token: Token, stop: set[int]) -> list[Cue]:
    """Every cue from the trigger up through its clause and the clauses it completes,
    nearest first. The climb ends at a relative clause or a clause with a subject of its
    own (each asserts on its own), or at the root. A trigger heading an infinitive chain
    (`stop`: "refused to discuss" is one refusal) gives its clause's cues, not its word's."""
    lex = load_data("factuality")
    cues = _noun_cues(token) if token.pos_ in ("NOUN", "PROPN") else _clause_cues(token, lex)
    t = token
    for _ in range(MAX_DEPTH):
        step, head = _step_up(t, lex)
        if head is None or step in ("conj", "advcl") and _own_subject(t):
            break
        if step == "xcomp" and head.lemma_.lower() in lex["ongoing_heads"]:
            break  # "get X to stop killing", "continued to commit abuses": it was going on
        found = [] if step == "conj" or step in INFINITIVE_STEPS and head.i in stop else _head_cues(
            head, step, lex, content=t.i != token.i and _content_noun(t, lex))
        cues += found
        if step in ("pcomp", "adjunct") and head.pos_ in ("NOUN", "PROPN") and not found:
            break  # "have not made a breakthrough in talks": the talks are still held
        subject = step in ("nsubj", "nsubjpass")
        if _shares_clause(step, t, head):
            cues += _clause_cues(head, lex, subject=subject)
        if subject and head.lemma_.lower() not in lex["existence_verbs"]:
            break  # "claims the drill is aimed at ...": the drill is not what is claimed
        t = head
    return cues


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def _shares_clause(step: str, t: Token, head: Token) -> bool:
    """Whether the head's modality and negation reach the word below: an infinitive or a
    participle chain ("will try to meet", "did not plan to attack") and the verb's own
    arguments ("will hold talks", "will engage in talks")."""
    if step in CHAIN_STEPS:
        return True
    phrase = step in ARGUMENTS + ("pcomp", "adjunct", "partitive")
    return phrase and head.pos_ in ("VERB", "AUX") and t.pos_ in ("NOUN", "PROPN", "ADV", "ADJ")


def chained(token: Token, triggers: set[int]) -> bool:
    """Whether a trigger is an infinitive under another trigger, which speaks for both
    ("extended the deadline for buyers to negotiate", "pledged to send troops"): its own
    modality then says nothing of the event, though its negation still does."""
    t = token
    for _ in range(MAX_DEPTH):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if t.dep_ not in INFINITIVE_STEPS or not infinitive:
            return False
        t = t.head
        if t.i in triggers:
            return True
    return False


def stance(cues: list[Cue]) -> str | None:
    """The status the cues set: a negation wins, then a denial, then a condition; else
    the nearest cue ("said it would keep" is planned, "could" possible)."""
    found = [c.status for c in cues]
    if NOT in found:
        return None
    for status in ("denied", "conditional"):
        if status in found:
            return status
    told = [s for s in found if s != REPORTED]
    if not told:
        return "happened"
    if told[0] == WOULD:
        return "planned" if REPORTED in found else "possible"
    return told[0]


def strongest_status(statuses: Iterable[str]) -> str:
    """The status of an event told by several sentences: the most asserted one ("X said Y
    attacked" and the article's own "Y attacked" make an event that happened)."""
    order = load_data("factuality")["status_order"]
    return min(statuses, key=order.index, default="happened")


def keeps_sheet(status: str | None) -> bool:
    """Whether an event with this status is told on a sheet (data: `sheet_statuses`)."""
    return status is not None and status in load_data("factuality")["sheet_statuses"]


def _step_up(t: Token, lex: dict) -> tuple[str, Token | None]:
    """The dependency that leads from a word to the word it belongs to, through a
    preposition ("accused X of shelling", "the possibility of talks"; "of" is a
    `partitive` step). A time or cause phrase ("after the attack", "over the killing")
    leads nowhere: a negated "did not respond after the attack" still had the attack."""
    if t.head.i == t.i or t.dep_ == "relcl":
        return t.dep_, None
    prep = t.head
    if t.dep_ in ("pobj", "pcomp") and prep.dep_ in ("prep", "agent") and prep.head.i != prep.i:
        if prep.dep_ == "agent" or prep.lower_ in lex["outside_preps"]:
            return "pobj", None
        if prep.lower_ == "of":
            return "partitive", _accused_of(prep.head, lex)
        return ("pcomp" if prep.lower_ in lex["complement_preps"] else "adjunct"), prep.head
    if t.dep_ in COMPLEMENTS + CHAIN_STEPS + ARGUMENTS:
        return t.dep_, t.head
    if t.dep_ in ("advmod", "npadvmod") and t.pos_ in ("ADV", "ADJ") and t.head.pos_ in ("VERB", "AUX"):
        return "adjunct", t.head  # "could conclude independently of a peace deal"
    return t.dep_, None


def _accused_of(owner: Token, lex: dict) -> Token:
    """The word an "of" phrase completes: the parser often hangs "accused Freedonian
    forces of firing" on the object noun; the "of" still completes the allegation verb."""
    verb = owner.head
    if owner.dep_ == "dobj" and verb.lemma_.lower() in lex["allegation_heads"]:
        return verb
    return owner


def _noun_cues(noun: Token) -> list[Cue]:
    """"no talks", "none of the talks": a noun the determiner or quantifier denies."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return [Cue(noun, NOT)]
    return []


def _clause_cues(verb: Token, lex: dict, subject: bool = False) -> list[Cue]:
    """The stance a clause gives its own verb and objects: negation (also of an object
    "held no talks"), modal auxiliaries, a condition, an allegation adverb. The subject
    of a condition is presupposed ("if the talks fail": there are talks)."""
    cues = []
    if negated(verb) or _denied_object(verb, lex):
        cues.append(Cue(verb, NOT))
    for child in _clause_children(verb):
        low = child.lower_
        if child.dep_ == "aux":
            status = _modal(low, lex)
            if status:
                cues.append(Cue(child, status))
        elif child.dep_ == "advmod" and low in lex["allegation_adverbs"]:
            cues.append(Cue(child, "alleged"))
        elif not subject and _condition(verb, child, lex):
            cues.append(Cue(child, "conditional"))
        elif not subject and child.dep_ == "mark" and low in lex["open_marks"]:
            cues.append(Cue(child, "possible"))
    return cues


def _clause_children(verb: Token) -> list[Token]:
    """A verb's dependents and the condition or modal its coordinated verbs share: in
    "would withdraw X and quit Y if Z" the if-clause hangs on "quit" and holds for both."""
    shared = [c for conj in verb.children if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX")
              and not _own_subject(conj) for c in conj.children if c.dep_ == "advcl"]
    return [*verb.children, *shared]


def _modal(word: str, lex: dict) -> str | None:
    if word in lex["planned_aux"]:
        return "planned"
    if word in lex["possible_aux"]:
        return "possible"
    return WOULD if word in lex["conditional_aux"] else None


def _condition(verb: Token, child: Token, lex: dict) -> bool:
    """"if talks fail" on the verb itself, or an if-clause that the verb's clause depends on."""
    marks = set(lex["condition_marks"])
    if child.dep_ == "mark":
        return child.lower_ in marks
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children)


def _denied_object(verb: Token, lex: dict) -> bool:
    """"held no talks", "none of the parties signed", "was not part of the agreement" (the
    negation sits on the verb above the partitive noun)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.lower_ in lex["negative_words"]:
            return True
        if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    return False


def _content_noun(noun: Token, lex: dict) -> bool:
    """A noun that holds a clause and may itself be denied: "rejected claims that ...",
    "denied plans to ..."."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and any(lemma in lex[k] for k in ("allegation_heads", "planned_heads",
                                                                  "possible_heads"))


def _head_cues(head: Token, step: str, lex: dict, content: bool = False) -> list[Cue]:
    """The stance a governing word gives its complement: a denial, a negation of intent,
    an allegation, an intention or a possibility; a speech verb only reports. A noun in
    a partitive under a negated verb ("not part of") is negated with it. The verb of an
    event noun says nothing by its word ("held talks"); the verb of a content noun may
    deny it ("rejected claims that")."""
    lemma = head.lemma_.lower()
    if step == "adjunct" or step in ARGUMENTS and head.pos_ in ("VERB", "AUX") and not content:
        return []
    if lemma in lex["denial_verbs"] or lemma in lex["denial_nouns"]:
        return [Cue(head, "denied")]
    for key, status in (("negation_heads", NOT), ("allegation_heads", "alleged"),
                        ("planned_heads", "planned"), ("possible_heads", "possible")):
        if lemma in lex[key]:
            return [Cue(head, status)]
    if step == "ccomp" and lemma in speech_verbs():
        return [Cue(head, REPORTED)]
    if step == "partitive" and head.pos_ in ("NOUN", "PRON") and (
            lemma in lex["negative_words"] or _partitive_of_negated(head)):
        return [Cue(head, NOT)]
    return []


def _partitive_of_negated(noun: Token) -> bool:
    """"X was not part of the agreement", "X is no longer a member of the alliance"."""
    return noun.dep_ in ARGUMENTS and noun.head.pos_ in ("VERB", "AUX") and negated(noun.head)
