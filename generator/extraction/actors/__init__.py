"""The actor pass: who is named in the articles, one sheet per actor (see `find.py`)."""

from generator.extraction.actors.find import find_actors, is_furniture
from generator.extraction.actors.table import ActorTable, Candidate

__all__ = ["ActorTable", "Candidate", "find_actors", "is_furniture"]
