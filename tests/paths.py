"""Where the tests find the project's own files (the seed article, scripts) and, when it
is there, the shared evaluation folder beside the project."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_acf2cac61dc68b8c.txt"
SCRIPTS = ROOT / "scripts"
SHARED = ROOT.parent / "shared"
