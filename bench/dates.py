#!/usr/bin/env python3
"""Date-normalization benchmark: run the shared TimeML scorer on `briefing read`.

    python bench/dates.py ../shared/bench/timeml/aquaint [MORE_FOLDERS_OR_TML_FILES ...]

Every `.tml` document in the folders (or given directly) is fed to `briefing read FILE
--published DCT --json`; the scorer counts the gold calendar dates (TIMEX3 DATE with a
YYYY, YYYY-MM or YYYY-MM-DD value) that come back with the same value. The scorer is
`score_dates.py` in the first folder or its parent. Its last line is the summary.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from reading import briefing_command  # bench/reading.py, beside this script


def documents(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.tml")) if path.is_dir() else [path])
    return found


def scorer_for(paths: list[Path]) -> Path | None:
    first = paths[0] if paths[0].is_dir() else paths[0].parent
    for folder in (first, first.parent):
        if (folder / "score_dates.py").exists():
            return folder / "score_dates.py"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="folders of TimeML .tml documents, or .tml files")
    args = ap.parse_args()
    scorer = scorer_for(args.paths)
    if scorer is None:
        ap.error("score_dates.py not found beside the documents or in their parent folder")
    docs = documents(args.paths)
    if not docs:
        ap.error("no .tml documents found")
    cmd = [sys.executable, str(scorer), briefing_command(), *map(str, docs)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
