"""Countries the world data does not know: a name is a country when the text treats it
as one.

The world data lists every state of today, but news also names states it cannot know: a
new or renamed state, a breakaway republic, a state of fiction. The recognizer then calls
it a place, or a person. Two kinds of general evidence say it is a country: the people
and bodies of a government are "of" or "from" it ("Ministers from Calvoria and Dessland",
"the government of Dessland": `country_nouns`), and its demonym stands before a title of
office ("Calvorian Foreign Minister Ana Lind": `demonym_endings`), as only a state's
does. Word lists are in `data/actor_rules.yml`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extraction.actors.table import Candidate
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.sentence import Sentence
from generator.extraction.world import World

VOWELS = "aeiouy"


def titled_words(sentences: list[Sentence], world: World) -> dict[str, set[str]]:
    """Per article, the capitalized words that stand right before a title of office
    ("Calvorian" in "Calvorian Foreign Minister"): where demonyms stand."""
    out: dict[str, set[str]] = {}
    for s in sentences:
        words = out.setdefault(s.article.id, set())
        for tok in s.span[:-1]:
            if tok.is_alpha and tok.is_title and before_title(tok, world):
                words.add(tok.text)
    return out


def before_title(tok: Token, world: World) -> bool:
    """Does a title of office follow the token ("Foreign Minister", "officials")?"""
    doc = tok.doc
    after = doc[tok.i + 1:tok.i + 3]
    honorifics = world.honorifics
    return after[0].lemma_.lower() in world.titles or after[0].lower_ in honorifics \
        or after.text.lower() in world.titles or after.text.lower() in honorifics


def is_demonym(word: str, name: str, world: World) -> bool:
    """Is `word` a demonym of `name`: its stem (with or without a final vowel) and a
    demonym ending ("Calvorian" of "Calvoria", "Desslandic" of "Dessland")?"""
    if " " in name or len(name) < 4 or word == name:
        return False
    stems = {name, name.rstrip(VOWELS)}
    return any(word.startswith(stem) and word[len(stem):] in world.rules["demonym_endings"] for stem in stems)


def governed(span: Span, world: World) -> bool:
    """Is the name what a government's people or bodies are "of" or "from" ("Ministers
    from Calvoria and Dessland", "the government of Dessland")?"""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"of", "from"}:
        return False
    noun = prep.head
    words = [t for t in noun.children if t.dep_ == "compound" and t.i < noun.i] + [noun]
    phrase = " ".join(t.lemma_.lower() for t in words)
    nouns = world.rules["country_nouns"]
    portfolio = prep.lower_ == "of" and phrase in world.rules["portfolio_nouns"]  # "Minister of Finance"
    return not portfolio and (phrase in nouns or noun.lemma_.lower() in nouns and len(words) == 1)


def country_evidence(members: list[Candidate], text: str, titled: set[str], world: World) -> bool:
    """Does the text treat this unknown name as a country (see the module docstring)? Not
    a name the world data knows, nor one the gazetteer knows as a city or a state: "the
    government of Quebec" is a province's."""
    known = load_gazetteer().place(text)
    if world.lookup(text) is not None or known is not None and known.kind != "country":
        return False
    return any(governed(m.span, world) for m in members) or any(is_demonym(w, text, world) for w in titled)
