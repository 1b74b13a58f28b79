"""Small questions of the dependency parse that every pass asks of a token.

Who says it (`speech_subjects`), what a relative pronoun stands for (`antecedent`),
whether a word is negated (`negated`), and tokens back to text (`join_tokens`). Token
in, tokens or a yes/no out; no actors, no discourse (that is `references.py`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from generator.datafiles import load_data


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


def join_tokens(tokens: list[Token]) -> str:
    """Tokens as text, with a space wherever the sentence had one or a word was left out."""
    out = ""
    for prev, token in zip([None, *tokens], tokens, strict=False):
        if prev is not None and (prev.whitespace_ or token.i != prev.i + 1):
            out += " "
        out += token.text
    return out


def negated(token: Token) -> bool:
    """"did not attack", "none of them were killed", "no one was hurt", "would not
    elaborate or comment": a negated word did not happen."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    alternatives = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in token.head.children)
    if token.dep_ == "conj" and alternatives:
        return negated(token.head)  # "would not elaborate, or comment on ..."
    nobody = load_data("events_references")["negative_subjects"]
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in nobody or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in token.children)


def speech_subjects(verb: Token) -> list[Token]:
    """Who says it: the subject of a speech verb, or the agent of a passive one ("announced
    by the ministry"); "saying ..." and "adding ..." share their clause's subject. The
    subject of a passive ("he was called a witness") says nothing."""
    t = verb
    for _ in range(3):
        for child in t.children:
            if child.dep_ == "nsubj":
                return [child]
            if child.dep_ == "agent":
                return [o for o in child.children if o.dep_ == "pobj"]
            if child.dep_ == "nsubjpass":
                return []
        if t.dep_ in ("advcl", "xcomp", "conj", "pcomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return []


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report speech or a statement ("say", "announce"), from
    `data/claims_verbs.yml`: the one list the claims, speakers and kinds rules share."""
    verbs = load_data("claims_verbs")
    return frozenset(verbs["speech_verbs"]) | frozenset(verbs["statement_verbs"])
