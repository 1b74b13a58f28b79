"""Unnamed speakers as group actors: "Analysts said ...", "according to five sources
familiar with the plans".

Claims live on their speaker's sheet, so a claim whose speaker has no name had nowhere to
go and was dropped. News attributes much of what it reports to such speakers, and an
analyst wants to see those claims with who made them. So the subject of a speech or
belief verb (`data/claims_verbs.yml`, the claims pass's own list) and the object of
"according to" become a group actor when they are a common noun for people
(`speaker_nouns` in `data/actor_rules.yml`): observers, analysts, sources, diplomats.

The group is named by the noun phrase as written, with its modifiers but without
determiners, numbers or quantity words: "five sources familiar with the plans" is
"Sources familiar with the plans"; later "two sources" and "the sources" join it
(a phrase with the same head noun and the same modifiers before it is the same group; a
bare "officials" joins the latest group with that head noun in its article). The mention
is the head noun alone, so that an actor named in the modifiers keeps its own mention.

A noun that stands for a named actor is left alone: "a U.S. official said", "Berg
administration officials", "Marek's agents" speak for the United States, Berg's
country or Marek, and the reference rules of the event pass (`proxy_nouns` in
`data/events_references.yml`) already give their claims to that actor; a later "the
official said" does too. That is the documented choice for officials of a named
country: their claims go on the country's sheet, where a reader looks for them.

Groups that end up with no claim are dropped by the orchestrator (`pipeline.py`).

Two neighbours of the same idea live here too. An unnamed crowd that acts together, the
subject of a verb of protest or strike ("Thousands of farmers marched"; `crowd_verbs`,
`crowd_nouns`), is a group actor kept without claims (`CROWD_ROLE`): it is who acts. And a
bare "the government said" (`home_words`) in an article whose names all lie in one
country (its places by the world data and the gazetteer) is that country.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from generator.datafiles import load_data
from generator.extraction.actors.table import Candidate
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import speech_subjects, speech_verbs
from generator.extraction.world import World

SPEAKER_ROLE = "speaker"  # Candidate.role of a group made here for a speaker
CROWD_ROLE = "crowd"  # Candidate.role of a group made here for a crowd that acts (kept without claims)
MAX_NAME_WORDS = 8
POST_PREPOSITIONS = {"of", "at", "from", "with", "in", "on", "for", "inside", "within", "close"}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """The verbs of attribution and the proxy nouns, read from the files the claims and
    event passes read, so that a group is made exactly where a claim will look for it."""
    verbs = load_data("claims_verbs")
    refs = load_data("events_references")
    return {
        "speech": speech_verbs(),
        "according": frozenset(verbs["according"]),
        "proxy": frozenset(refs["proxy_nouns"]),
    }


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: its head noun, the tokens that name it, and how it groups."""

    head: Token
    tokens: tuple[Token, ...]
    signature: str  # head lemma and the lemmas of its modifiers before it
    definite: bool

    @property
    def name(self) -> str:
        text = "".join(t.text + t.whitespace_ for t in self.tokens).strip()
        return text[:1].upper() + text[1:]


def speaker_heads(sent: Span) -> list[Token]:
    """The head nouns of who speaks in a sentence: subjects of speech verbs (also of a
    verb the speech verb hangs on, as in "saying ..."), agents ("announced by"), and the
    objects of "according to"."""
    lex = _lexicon()
    heads: list[Token] = []
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex["speech"]:
            heads += speech_subjects(token)
        elif token.lower_ in lex["according"] and token.dep_ == "prep":
            heads += [o for p in token.children if p.dep_ == "prep"
                      for o in p.children if o.dep_ == "pobj"]
    out: list[Token] = []
    for head in heads:
        for t in [head, *head.conjuncts]:
            if t not in out:
                out.append(t)
    return out


def crowd_heads(sent: Span, world: World) -> list[Token]:
    """The head nouns of unnamed crowds that act together (`crowd_verbs`, `crowd_nouns`):
    "Thousands of farmers marched", "Hundreds of nurses are striking". A quantity
    noun is passed for the people it counts."""
    rules = world.rules
    heads: list[Token] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in rules["crowd_verbs"]:
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            if subject.lemma_.lower() in rules["quantity_nouns"] or subject.like_num:
                subject = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                                for o in p.children if o.dep_ == "pobj"), subject)
            for t in [subject, *subject.conjuncts]:
                if t.lemma_.lower() in rules["crowd_nouns"] and t not in heads:
                    heads.append(t)
    return heads


def speaker_phrase(head: Token, taken: set[int], world: World) -> Phrase | None:
    """The group phrase headed by `head`, or None when it is no unnamed group of people:
    a name, a pronoun, a thing ("the report"), someone's ("his aides"), or a named person
    in apposition. (A noun standing for a named actor, "a U.S. official", is told apart
    before, by `speaker_groups`.)"""
    rules = world.rules
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or head.i in taken \
            or lemma not in rules["speaker_nouns"] and lemma not in rules["crowd_nouns"]:
        return None
    before = [c for c in head.children if c.i < head.i]
    after = [c for c in head.children if c.i > head.i]
    if any(c.dep_ == "poss" for c in before):
        return None  # "his aides", "Marek's agents": someone's, said by them
    if any(t.i in taken for c in after if c.dep_ == "appos" for t in c.subtree):
        return None  # "one opponent, the Rev. Jane Doe, said": she is named
    quantity = set(rules["quantity_words"])
    pre = [c for c in before if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
           and c.lower_ not in quantity and not c.like_num]
    post = [c for c in after if c.dep_ in ("amod", "acl") and c.pos_ in ("ADJ", "VERB")
            or c.dep_ == "prep" and c.lower_ in POST_PREPOSITIONS and _names_something(c)]
    if lemma in rules["speaker_nouns_needing_modifier"] and not (pre or post):
        return None  # "people say": too vague to be anyone
    tokens = sorted({t for c in pre for t in c.subtree} | {head}, key=lambda t: t.i)
    tail = sorted({t for c in post for t in c.subtree}, key=lambda t: t.i)
    if tail and _contiguous(tokens + tail) and len(tokens) + len(tail) <= MAX_NAME_WORDS:
        tokens += tail
    if not _contiguous(tokens):
        tokens = [head]
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                   for c in before)
    signature = " ".join([*(t.lemma_.lower() for t in tokens if t.i < head.i), lemma])
    return Phrase(head, tuple(tokens), signature, definite)


def _names_something(prep: Token) -> bool:
    """"analysts at Capital Economics", "residents of Gaza" name where the group is; "an
    official from the organization" only points back at an actor named before."""
    return any(t.pos_ == "PROPN" for t in prep.subtree)


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False))


def speaker_groups(cands: list[Candidate], sentences: list[Sentence], skips: dict[int, int],
                   world: World) -> list[Candidate]:
    """Group candidates for the unnamed speakers of the sentences (see the module's doc).
    A bare "officials" after "American officials" in the same article is a mention of
    the actor those officials spoke for, not a new group."""
    by_token: dict[int, dict[int, Candidate]] = defaultdict(dict)
    for c in cands:
        for i in range(c.span.start, c.span.end):
            by_token[c.sentence][i] = c
    out: list[Candidate] = []
    names: dict[str, str] = {}  # signature -> the group's name (its first phrase)
    latest: dict[str, str] = {}  # head lemma -> the signature named last in this article
    owners: dict[str, Candidate] = {}  # head lemma -> the actor it last stood for
    article = None
    homes = home_countries(cands, sentences, world)
    for index, sentence in enumerate(sentences):
        if sentence.article is not article:
            article, latest, owners = sentence.article, {}, {}
        heads = [(h, SPEAKER_ROLE) for h in speaker_heads(sentence.span)]
        heads += [(h, CROWD_ROLE) for h in crowd_heads(sentence.span, world) if h not in dict(heads)]
        for head, role in heads:
            taken = set(by_token[index])
            if head.idx < skips.get(index, 0) or head.i in taken:
                continue
            lemma = head.lemma_.lower()
            span = sentence.span.doc[head.i:head.i + 1]
            owner = _owner(head, by_token[index])
            home = homes.get(article.id)
            if owner is None and home and lemma in world.rules["home_words"] and _bare(head):
                out.append(Candidate(index, span, head.text, "country", home, "metonym"))
                by_token[index][head.i] = out[-1]  # "the government said": the country the story is in
                continue
            if owner is not None and lemma in _lexicon()["proxy"]:
                owners[lemma] = owner  # "American officials": the claims pass gives them to it
                latest.pop(lemma, None)
                continue
            phrase = speaker_phrase(head, taken, world)
            if phrase is None:
                continue
            if phrase.signature == lemma and lemma in owners and lemma not in latest:
                model = owners[lemma]
                out.append(Candidate(index, span, head.text, model.kind, model.key, "metonym"))
                by_token[index][head.i] = out[-1]
                continue
            signature = phrase.signature
            if signature == lemma and lemma in latest:  # "officials" after "federal officials"
                signature = latest[lemma]
            name = names.setdefault(signature, phrase.name)
            latest[lemma] = signature
            out.append(Candidate(index, span, phrase.name, "group", name, role))
            by_token[index][head.i] = out[-1]
    return out


def _bare(head: Token) -> bool:
    """"the government", with no modifier but its article."""
    return all(c.dep_ == "det" and c.lower_ == "the" for c in head.children if c.i < head.i) \
        and not any(c.dep_ == "prep" for c in head.children)


def home_countries(cands: list[Candidate], sentences: list[Sentence], world: World) -> dict[str, str]:
    """Article id -> the one country an article's names lie in, when there is one: the
    countries it names and the countries of its places (the world data's capitals, the
    gazetteer's cities). "Thousands gathered in Ljubljana ... the government said" is
    Slovenia's government."""
    found: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        article = sentences[c.sentence].article.id
        if c.kind == "country":
            found[article].add(c.key)
        elif c.kind == "place":
            known = world.lookup(c.text)
            where = load_gazetteer().place(c.text)
            country = known.name if known and known.kind == "country" else where.country if where else ""
            if country:
                found[article].add(country)
    return {article: next(iter(names)) for article, names in found.items() if len(names) == 1}


def _owner(head: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    """The named actor in a noun's modifiers or its "of" phrase ("U.S. officials",
    "officials of the OSCE"), when there is one: where the reference rules look for it."""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < head.i \
                or child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for t in child.subtree:
                if t.i in by_token and by_token[t.i].kind != "place":
                    return by_token[t.i]
    return None
