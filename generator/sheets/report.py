"""What a run of `briefing generate` reports: the files it wrote or would write, the
counts of what the briefing holds, conflicts with hand edits, what it could not resolve;
and `GenerateError`, a run that cannot go ahead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.sheets.merge import Conflict, as_list


class GenerateError(Exception):
    """A run that cannot go ahead; the message names the input or file at fault."""


@dataclass
class Change:
    """One file the run writes (or, in a dry run, would write), and which fields change."""

    path: Path
    fields: list[str]
    new: bool

    def __str__(self) -> str:
        if self.new:
            return f"{self.path} (new)"
        return f"{self.path} ({', '.join(self.fields) or 'layout'})"


@dataclass
class GenerateReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    actor_kinds: dict[str, int] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    kept_deleted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # per article: its title and date, and their sources
    dry_run: bool = False
    merges: list[str] = field(default_factory=list)  # what was merged and why, for --explain
    finished: list[Path] = field(default_factory=list)  # written to finish an interrupted run first

    def summary(self, explain: bool = False) -> str:
        """What a person needs after a run: what is there, what changed, what to check;
        with `explain`, also which names became one actor and which sheets new actors
        and events joined (or were kept apart from), each with its reason."""
        lines = [self._counts_line(), *(f"  {o}" for o in self.origins)]
        if self.finished:
            lines.append(f"finished an interrupted run's writing first: {len(self.finished)} file(s)")
        if self.dry_run:
            lines.append(f"dry run: {len(self.changes)} file(s) would change, nothing written")
            lines += [f"  would write {c}" for c in self.changes]
        else:
            lines.append(f"{len(self.written)} file(s) written, {len(self.unchanged)} unchanged")
            new = [c for c in self.changes if c.new]
            if new:
                lines.append(f"  {len(new)} new sheet(s): {', '.join(c.path.name for c in new)}")
            lines += [f"  updated {c}" for c in self.changes if not c.new]
        if self.kept_deleted:
            lines.append(f"kept deleted ({len(self.kept_deleted)}): {', '.join(self.kept_deleted)}")
        if self.conflicts:
            lines.append(f"conflicts ({len(self.conflicts)}): your edits kept")
            lines += [f"  {c}" for c in self.conflicts]
        if self.unresolved:
            lines.append(f"could not resolve ({len(self.unresolved)}):")
            lines += [f"  {u}" for u in self.unresolved]
        if self.problems:
            lines.append(f"content problems to fix by hand ({len(self.problems)}):")
            lines += [f"  {p}" for p in self.problems]
        if explain:
            lines.append(f"merged ({len(self.merges)}):" if self.merges else "merged: nothing")
            lines += [f"  {m}" for m in self.merges]
        return "\n".join(lines)

    def _counts_line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.actor_kinds.items()))
        c = self.counts
        return (f"read {len(self.articles)} article(s); the briefing has "
                f"{c.get('actors', 0)} actors ({kinds or 'none'}), "
                f"{c.get('events', 0)} events, {c.get('claims', 0)} claims, "
                f"{c.get('relations', 0)} relations, {c.get('background', 0)} background items")


def count_content(sheets: dict[str, dict[str, Any]], report: GenerateReport) -> None:
    """Counts of what the briefing holds after the run, per kind."""
    actors = sheets.get("actors", {}).values()
    briefing = next(iter(sheets.get("briefing", {}).values()), {}) or {}
    report.actor_kinds = dict(Counter(str(a.get("kind")) for a in actors))
    report.counts = {
        "actors": len(actors),
        "events": len(sheets.get("events", {})),
        "claims": sum(len(as_list(a.get("claims"))) for a in actors),
        "relations": sum(len(as_list(a.get("relations"))) for a in actors),
        "background": len(as_list(briefing.get("background"))),
    }
