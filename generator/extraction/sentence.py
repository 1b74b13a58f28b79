"""The bottom of the extraction stage: a sentence with the actors and times found in it.

Every pass reads `Sentence`s; the pipeline makes them (one per sentence of each
paragraph's Doc) and fills `mentions` once the actor pass has run. Defined here, below
the passes, so that no pass imports the module that runs it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.dates import TimeExpr
from generator.reading import Article


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


def anchor_date(article: Article, paragraph: int | None = None) -> dt.date | None:
    """The date that relative dates resolve against, when there is one: the paragraph's
    own date where the page gives one (a live blog's block timestamp), else the
    publication date."""
    day = (article.paragraph_dates.get(paragraph) if paragraph is not None else None) or article.published
    if not day:
        return None
    try:
        return dt.date.fromisoformat(day[:10])
    except ValueError:
        return None
