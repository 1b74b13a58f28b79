"""`briefing generate`: read inputs, extract, merge into content/, write atomically.

INTERFACE STUB (owned by the trust helper).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class GenerateError(Exception):
    """A run that cannot go ahead; the message names the input or file at fault."""


@dataclass
class GenerateReport:
    written: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        raise NotImplementedError


def run_generate(paths: list[Path], content: Path, published: str | None = None,
                 dry_run: bool = False) -> GenerateReport:
    raise NotImplementedError
