"""The actor pass's shared types: a candidate (one name in one sentence) and the table
of actors the pass hands on (sheets, which candidate became which actor, and the
relations that titles state). The rule modules of the pass import these; this module
imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.schema import Actor, Relation


@dataclass
class Candidate:
    """One name in one sentence before it is merged into an actor."""

    sentence: int  # index into the sentence list
    span: Span  # the tokens of the name in the paragraph's Doc
    text: str  # the name as written, cleaned
    kind: str  # country | person | organization | group | place
    key: str  # what it resolves to before merging: a canonical name or the name itself
    role: str  # how it was found: ner | name | alias | demonym | capital | metonym | acronym | contextual
    label: str = ""  # the recognizer's label, when it came from the recognizer


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class ActorTable:
    """What the actor pass found: the actor sheets, which candidate became which actor,
    and the relations that titles and appositions state."""

    actors: dict[str, Actor] = field(default_factory=dict)
    candidates: list[tuple[Candidate, str]] = field(default_factory=list)  # (candidate, actor id)
    relations: list[tuple[str, Relation]] = field(default_factory=list)
    # two actors a name rule kept apart though one's name fits the other's: (id, other id, why)
    apart: list[tuple[str, str, str]] = field(default_factory=list)
