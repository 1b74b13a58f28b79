"""Extraction: articles in, fact sheets (schema models) out.

INTERFACE STUB (owned by the actors helper; events/claims/relations consume `Sentence`).
The orchestrator runs the spaCy pipeline once over every paragraph of every article
(`nlp.pipe`, in batches), finds the actors and their mentions, then hands the sentences,
with mentions resolved to actor ids and time expressions resolved to EDTF, to the
event, claim and relation extractors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Span

from .dates import TimeExpr
from .reading import Article
from .schema import Actor, Briefing, Event


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence: character offsets within `Sentence.text`."""

    start: int
    end: int
    actor: str  # actor id
    text: str


@dataclass
class Sentence:
    """One sentence of one paragraph, with what the actor and date passes found in it."""

    article: Article
    paragraph: int  # index into article.paragraphs
    text: str  # verbatim; this is what `sources[].quote` holds
    span: Span  # the sentence in its paragraph's Doc (tokens, dependencies, entities)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)  # offsets within `text`


@dataclass
class Extraction:
    briefing: Briefing
    actors: dict[str, Actor]
    events: dict[str, Event]
    unresolved: list[str] = field(default_factory=list)  # for the quality report


def extract(articles: list[Article], nlp: Language) -> Extraction:
    raise NotImplementedError
