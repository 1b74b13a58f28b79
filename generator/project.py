"""`briefing new DIR`: a new briefing project that builds at once.

INTERFACE STUB (owned by the site helper).
"""

from __future__ import annotations

from pathlib import Path


class ProjectError(Exception):
    pass


def new_project(directory: Path) -> list[Path]:
    raise NotImplementedError
