"""Claims: what an actor says, believes or asserts, with the sentence that reports it.

Attribution is read from the dependency parse: the subject of a speech verb ("said",
"told", "argue", "believe", `data/claims_verbs.yml`) says its content clause; "according
to X" attributes the rest of the sentence to X; "X accused Y of Z" is a claim by X about
Y. Casualty and displacement figures are claims like any other, so two sources' figures
stand side by side, each with its speaker.

A claim whose speaker is not an actor ("sources said", "observers believe") is dropped:
claims live on their speaker's sheet, and an unnamed speaker has none. When the actor
pass makes a group actor for such a speaker, its mentions make the claim come back.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events import extract_events
from generator.extraction.references import View, actors_of, build_views
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import join_tokens, negated, speech_subjects
from generator.schema import Actor, Claim, Event, SourceRef
from generator.text import DATELINE


def extract_claims(sentences: list[Sentence], actors: dict[str, Actor],
                   events: list[Event] | None = None) -> list[tuple[str, Claim]]:
    """(owner actor id, claim) for every attributed statement; the owner is the first speaker.

    `events` are the events already extracted from these sentences, so that a claim can be
    about them without extracting them twice; without them they are extracted here."""
    out: list[tuple[str, Claim]] = []
    if events is None:
        events = extract_events(sentences, actors)
    told = _events_by_quote(events)
    for view in build_views(sentences, actors):
        taken: list[tuple[set[str], set[int]]] = []
        for speakers, content in attributions(view):
            speakers = [s for s in speakers if s in actors]
            text = claim_text(content, view)
            tokens = {t.i for t in content}
            if not speakers or not text or _inside(set(speakers), tokens, taken):
                continue
            taken.append((set(speakers), tokens))
            about = [a for a in _actors_in(view, content) if a not in speakers]
            about += told.get((view.sentence.article.id, view.sentence.text), [])
            quote = SourceRef(article=view.sentence.article.id, quote=view.sentence.text)
            out.append((speakers[0], Claim(text=text, by=speakers, about=about, sources=[quote])))
    return out


def _events_by_quote(events: list[Event]) -> dict[tuple[str, str], list[str]]:
    """The events each sentence tells, so that a claim made in it is about them too."""
    out: dict[tuple[str, str], list[str]] = {}
    for event in events:
        for source in event.sources:
            out.setdefault((source.article, source.quote), []).append(event.id)
    return out


def _inside(speakers: set[str], tokens: set[int], taken: list[tuple[set[str], set[int]]]) -> bool:
    """A nested report by the same speakers ("he said he thought that ...") is already told."""
    return any(speakers <= who and tokens <= where for who, where in taken)


def attributions(view: View) -> list[tuple[list[str], list[Token]]]:
    """(speakers, content tokens) for each attribution in the sentence, outermost first."""
    lex = load_data("claims_verbs")
    found = []
    for token in view.span:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in lex["speech_verbs"] and not negated(token) \
                and not _other_sense(token, lex) and not _not_yet_said(token):
            content = _content_clause(token)
            if content is not None:
                found.append((_speakers(view, token), _clause_tokens(content, token)))
            elif lemma in lex["statement_verbs"]:
                found.append((_speakers(view, token), _own_clause(token)))
        elif token.pos_ == "VERB" and lemma in lex["statement_verbs"] and not negated(token):
            found.append((_speakers(view, token), _own_clause(token)))
        elif token.lower_ in lex["according"] and token.dep_ == "prep":
            found.append(_according(view, token))
    return sorted((f for f in found if f[0]), key=lambda f: -len(f[1]))


def _not_yet_said(verb: Token) -> bool:
    """"urged X to tell Americans that ...", "plans to announce that ...": an infinitive
    speech verb reports nothing said yet."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _other_sense(verb: Token, lex: dict) -> bool:
    """"adding to the problems": a speech verb that, with this preposition, says nothing."""
    words = lex["other_senses"].get(verb.lemma_.lower(), [])
    return any(c.dep_ in ("prep", "prt") and c.lower_ in words for c in verb.children)


def _content_clause(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp, or the main clause it is parenthetical to
    ("Sales will resume, officials said" parses the main clause as the verb's head)."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.dep_ in ("parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return None


def _own_clause(verb: Token) -> list[Token]:
    """A statement verb's clause with its subject, without clauses coordinated to it
    ("Ruritania has said ..., but Freedonia has called it a provocation")."""
    top = verb
    while top.dep_ in ("xcomp", "aux") and top.head.i != top.i:
        top = top.head
    skip = {t.i for c in top.children if c.dep_ in ("conj", "cc") or c.dep_ == "ccomp" and c.i < top.i
            for t in c.subtree}
    return [t for t in top.subtree if t.i not in skip]


def _clause_tokens(content: Token, verb: Token) -> list[Token]:
    if content.i == verb.head.i:  # the verb is parenthetical to the content clause
        inside = {t.i for t in verb.subtree}
        return [t for t in content.subtree if t.i not in inside]
    return list(content.subtree)


def _speakers(view: View, verb: Token) -> list[str]:
    """The actors who say what `verb` reports."""
    return [a for subject in speech_subjects(verb) for a in actors_of(view, subject)]


def _according(view: View, token: Token) -> tuple[list[str], list[Token]]:
    """"According to Armenia, 350 soldiers have been killed": the rest is Armenia's claim."""
    speakers = [a for prep in token.children if prep.dep_ == "prep"
                for pobj in prep.children if pobj.dep_ == "pobj" for a in actors_of(view, pobj)]
    inside = {t.i for t in token.subtree}
    return speakers, [t for t in view.span if t.i not in inside]


def claim_text(tokens: list[Token], view: View) -> str:
    """The claim in the article's words: the content clause, without its leading "that",
    quotation marks and trailing commas, as a sentence."""
    words = [t for t in sorted(tokens, key=lambda t: t.i)]
    while words and (words[0].dep_ == "mark" and words[0].lower_ in ("that", "whether") or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    text = DATELINE.sub("", join_tokens(words))  # the wire's dateline, not the speaker's
    text = re.sub(r"\s*,(\s*,)+", ",", text)  # where "according to X" was cut out
    text = re.sub(r"``|''|[“”\"]", "", text).strip(" ,;:")  # wire copy quotes with `` and ''
    if len(text.split()) < 3:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _actors_in(view: View, tokens: list[Token]) -> list[str]:
    out = []
    for token in tokens:
        aid = view.by_token.get(token.i)
        if aid and aid not in out:
            out.append(aid)
    return out
