"""Hand-built candidates on blank-pipeline Docs, for the name and mention rules."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extraction.actors.table import Candidate


def person(doc: Doc, start: int, end: int, sentence: int = 0) -> Candidate:
    """The tokens [start, end) of `doc` as a person the recognizer found."""
    span = doc[start:end]
    return Candidate(sentence, span, span.text, "person", span.text, "ner", "PERSON")


def organization(doc: Doc, start: int, end: int, sentence: int = 0) -> Candidate:
    """The tokens [start, end) of `doc` as an organization the recognizer found."""
    span = doc[start:end]
    return Candidate(sentence, span, span.text, "organization", span.text, "ner", "ORG")
