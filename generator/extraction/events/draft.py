"""The event pass's shared type: a `Draft`, one event told by one sentence, before the
mentions of one event are merged; and `family`, the merge key of a trigger word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.datafiles import load_data
from generator.extraction.events.triggers import Trigger
from generator.extraction.references import View


@dataclass
class Draft:
    """An event being built from one sentence, before merging with its other mentions."""

    view: View
    triggers: list[Trigger]
    roles: dict[str, str] = field(default_factory=dict)
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    title: str = ""
    others: set[int] = field(default_factory=set)  # trigger tokens of the sentence's other events
    # parties not said to deal with each other: the sides of a "conflict between" someone
    # mediates in, the places one visit went to ("visited A and B")
    sides: set[str] = field(default_factory=set)

    @property
    def head(self) -> Trigger:
        return self.triggers[0]

    @property
    def kind(self) -> str:
        return self.head.kind

    @property
    def status(self) -> str:
        """The article's stance on the event: its head trigger's, which speaks for the
        chain ("refused to discuss" is a refusal that happened)."""
        return self.head.status

    @property
    def key(self) -> str:
        """What names the event for merging: the object of "conduct an exercise", else the trigger."""
        nouns = [t for t in self.head.absorbed if t.pos_ == "NOUN"]
        return family((nouns[0] if nouns else self.head.token).lemma_.lower())

    @property
    def keys(self) -> set[str]:
        """Every name the event goes by in its sentence: "a blast killed" is a blast and a killing."""
        nouns = [n for t in self.triggers for n in t.absorbed if n.pos_ == "NOUN"]
        words = [t.token for t in self.triggers] + nouns
        return {self.key} | {family(w.lemma_.lower()) for w in words}

    @property
    def tokens(self) -> set[int]:
        return {t.token.i for t in self.triggers} | {a.i for t in self.triggers for a in t.absorbed}


def family(lemma: str) -> str:
    """The merge key of a trigger word: its family's first word ("bombing" -> "attack")."""
    stem = _stem(lemma)
    for words in load_data("events_triggers")["families"]:
        if lemma in words or stem in words:
            return words[0]
    return stem


def _stem(lemma: str) -> str:
    for suffix in ("ing", "s"):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 3:
            return lemma[: -len(suffix)]
    return lemma


TEMPORAL_PREPS = {"after", "before", "since", "until", "following", "during", "according"}
