"""The environment the benchmarks run their measured child processes in."""

from __future__ import annotations

import os
from pathlib import Path


def child_env(cache: Path) -> dict[str, str]:
    """The environment with Python's bytecode kept (under `cache`) for every module, ours and
    the libraries' alike. With PYTHONDONTWRITEBYTECODE set, as on some CI and sandbox
    machines, the installed libraries still run from the .pyc files pip wrote, but an editable
    install's modules are compiled from source at every start: about 0.1 s of each `mkdocs
    build` and 0.2 s of each `briefing generate`, which no user with a normal Python pays and
    which a floor made of libraries alone never pays."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": str(cache / "pycache"), "NO_MKDOCS_2_WARNING": "1"}
