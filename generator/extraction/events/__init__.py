"""The event pass: who did what to whom, when and where, each event told once (see
`grouping.py`, which runs triggers, roles, timing and titles in that order)."""

from generator.extraction.events.grouping import extract_events

__all__ = ["extract_events"]
