"""The rule and world-data files under generator/data/, each read once per process.

Rules are kept as data (YAML beside the code) so that a reader changes a word list
without touching a function; this is the one place that reads them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@cache
def load_data(name: str) -> Any:
    """generator/data/NAME.yml, parsed; cached, so callers need no cache of their own."""
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))
