"""Events: who did what to whom, when and where, from sentences with resolved mentions.

INTERFACE STUB (owned by the events helper).
"""

from __future__ import annotations

from .extract import Sentence
from .schema import Actor, Event


def extract_events(sentences: list[Sentence], actors: dict[str, Actor]) -> list[Event]:
    raise NotImplementedError
