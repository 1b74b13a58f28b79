#!/usr/bin/env python3
"""Body-extraction benchmark: run the shared Zyte scorer on `briefing read`.

    python bench/reading.py ../shared/bench/zyte [--limit N] [--jobs 1] [--show-worst 5]

The folder must hold the benchmark's `score_reading.py`, `ground-truth.json` and `html/`.
The reader is this checkout's `briefing` (the one next to the running Python), so the
figure measures the code in the working tree. The scorer's last line is the summary.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path


def briefing_command() -> str:
    """`briefing` from the running environment, else the module run by this Python."""
    script = Path(sys.executable).with_name("briefing")
    return shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m generator.cli"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the Zyte benchmark folder (with score_reading.py)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--jobs", type=int, default=1, help="pages read at once (the machine is shared)")
    ap.add_argument("--show-worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args()
    scorer = args.folder / "score_reading.py"
    if not scorer.exists():
        ap.error(f"{scorer}: not found; expected the Zyte benchmark folder")
    cmd = [sys.executable, str(scorer), "--read", f"{briefing_command()} read", "--jobs", str(args.jobs),
           "--limit", str(args.limit), "--show-worst", str(args.show_worst)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
