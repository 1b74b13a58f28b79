"""References: which actors a phrase means.

Every extractor (events, claims, relations) asks the same question of a phrase: which
actors does it stand for? A name is a mention the actor pass resolved; the rest needs
the discourse around it, kept here in a `View` of each sentence:
- proxies: "the Russian government", "the governments of A and B" mean A and B;
- pronouns: "it", "he", "they" mean the subject or the last fitting actor before them;
- definite nouns: "that country", "the enclave", "the official" (a noun that stood for
  an actor earlier) mean the last actor of their kind;
- pairs: "the two republics", "both sides" mean the last pair named together.
The words each rule listens for are data, in `data/events_references.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.datafiles import load_data
from generator.dates import TimeExpr
from generator.extraction.sentence import Sentence
from generator.schema import Actor

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
    inner: dict[int, list[str]] = field(default_factory=dict)  # token -> people its name also means

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
        view = View(sentence, by_token, list(before), list(groups), actors, dict(named), subject,
                    _people_inside(sentence, actors, by_token))
        views.append(view)
        before += [a for i in sorted(by_token) for a in named_at(view, i)]
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
    "the official" means the same actors; only nouns that can name an actor: "the U.S.
    embassy bombings" do not make a later "the bombings" the United States."""
    refs = load_data("events_references")
    out = {}
    for token in view.span:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and token.i not in view.by_token and (
                lemma in refs["proxy_nouns"] or lemma in refs["definite_nouns"]):
            found = _modifier_actors(view, token)
            if found:
                out[lemma] = found
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


def _people_inside(sentence: Sentence, actors: dict[str, Actor],
                   by_token: dict[int, str]) -> dict[int, list[str]]:
    """A country or organization named after a person ("the Berg administration", "the
    Putin government") means both: the person decides, the state acts. The person's
    mention lies inside the state's; every token of the state's name remembers the person."""
    out: dict[int, list[str]] = {}
    base = sentence.span.start_char
    for outer in sentence.mentions:
        if actors.get(outer.actor) is None or actors[outer.actor].kind not in ("country", "organization"):
            continue
        people = [m.actor for m in sentence.mentions if m is not outer and outer.start <= m.start
                  and m.end <= outer.end and m.actor in actors and actors[m.actor].kind == "person"]
        if not people:
            continue
        for token in sentence.span:
            if outer.start <= token.idx - base < outer.end and by_token.get(token.i) == outer.actor:
                out[token.i] = list(dict.fromkeys(people))
    return out


def named_at(view: View, index: int) -> list[str]:
    """The actors a named token means: the person a state's name is named after, then the
    state ("the Berg administration": Anna Berg and her country)."""
    if index not in view.by_token:
        return []
    return [*view.inner.get(index, []), view.by_token[index]]


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
    """The actor a word names, directly or through its apposition ("producer, Tolvane")."""
    if token.i in view.by_token:
        return named_at(view, token.i)
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
    """The actors one word stands for: a name, a relative or personal pronoun, or a noun."""
    refs = load_data("events_references")
    low = token.lower_
    if token.i in view.by_token:
        return named_at(view, token.i)
    if low in ("which", "who", "that") and token.head.dep_ in ("relcl", "acl"):
        return actors_of(view, token.head.head)
    if low in refs["pronouns"]:
        return _pronoun(view, token, refs["pronouns"][low])
    if low in refs["group_pronouns"]:
        return _they(view, token)
    if token.pos_ in ("NOUN", "PROPN", "NUM"):
        return _noun_phrase(view, token, refs)
    return []


def _pronoun(view: View, token: Token, kinds: list[str]) -> list[str]:
    """"it", "he", "its": the main clause's subject, else the previous sentence's (for a
    subject), the clause's own subject (for a possessive), else the latest fitting actor."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        main = _root_subject(view, token)
        if main is None and not _named_before_in_sentence(view, token):
            main = list(view.subject)
        main = [a for a in main or [] if view.actors[a].kind in kinds]
        if len(main) == 1:
            return main
    if token.dep_ == "poss":
        own = [a for a in _clause_subject_actors(view, token) if view.actors[a].kind in kinds]
        if own:
            return own[:1]
    return _recent(view, token, kinds)


def _noun_phrase(view: View, token: Token, refs: dict) -> list[str]:
    """A noun that is not a name: through its apposition ("the producer, Tolvane"), as a
    pair ("the two republics"), a proxy ("the Russian government"), a noun that stood for
    actors before ("the official"), a definite noun ("that country"), or its members
    ("companies including A and B")."""
    lemma = token.lemma_.lower()
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
    "the country will be able to export ..., allowing it to earn dollars"."""
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
    """"the Russian government", "U.S., French and German officials", "Marek's
    agents", "the governments of Armenia and Azerbaijan", "a spokesperson of the
    ministry's committee": the actors named in the noun's modifiers or its "of" phrase."""
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
    speech = set(load_data("claims_verbs")["speech_verbs"])
    t = token
    while t.dep_ != "ROOT":
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in speech:
            for child in t.head.children:
                if child.dep_ == "nsubj":
                    return actors_of(view, child)
            return []
        t = t.head
    return []


def time_tokens(view: View, time: TimeExpr) -> list[Token]:
    """The tokens a time expression covers in the sentence."""
    return [t for t in view.span if time.start <= view.offset(t) < time.end]


