#!/usr/bin/env python3
"""Date-normalization benchmark: run the shared TimeML scorer on `briefing read`.

    python bench/dates.py ../shared/bench/timeml/aquaint [MORE_FOLDERS_OR_TML_FILES ...]

Every `.tml` document in the folders (or given directly) is fed to `briefing read FILE
--published DCT --json`; the scorer counts the gold calendar dates (TIMEX3 DATE with a
YYYY, YYYY-MM or YYYY-MM-DD value) that come back with the same value. The scorer is
`score_dates.py` in the first folder or its parent. Its last line is the summary.

With --explain, it also lists, in process, each gold date that came back wrong or not at
all, with the words around it (matching as the scorer does), to show what to fix next.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reading import briefing_command  # noqa: E402  (bench/reading.py, beside this script)

from generator.reading import read_article, reading_report  # noqa: E402


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


CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def explain(doc: Path) -> None:
    """Print the gold calendar dates of one document that were missed or wrong."""
    root = ET.parse(doc).getroot()
    dct = root.find("DCT/TIMEX3").get("value")[:10]
    text = "".join(root.find("TEXT").itertext())
    gold = [(t.text or "", t.get("value")) for t in root.find("TEXT").iter("TIMEX3")
            if t.get("type") == "DATE" and CALENDAR.match(t.get("value") or "")]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / f"{doc.stem}.txt"
        tmp.write_text(text, encoding="utf-8")
        report = reading_report(read_article(tmp, published=dt.date.fromisoformat(dct).isoformat()))
    times, cursor = report["times"], 0
    for words, value in gold:
        w = words.lower().strip()
        hit = None
        for i in range(cursor, len(times)):
            t = str(times[i]["text"]).lower().strip()
            if t and (t in w or w in t):
                cursor, hit = i + 1, times[i]
                break
        got = re.sub(r"[~?%]", "", str(hit["value"])) if hit else None
        if got != value:
            where = text.find(words)
            context = " ".join(text[max(0, where - 60):where + len(words) + 40].split())
            shown = f"{hit['text']!r} = {hit['value']}" if hit else "nothing"
            print(f"{doc.name} (DCT {dct}): {words!r} should be {value}, got {shown} | {context}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="folders of TimeML .tml documents, or .tml files")
    ap.add_argument("--explain", action="store_true", help="list the missed and wrong gold dates")
    args = ap.parse_args()
    scorer = scorer_for(args.paths)
    if scorer is None:
        ap.error("score_dates.py not found beside the documents or in their parent folder")
    docs = documents(args.paths)
    if not docs:
        ap.error("no .tml documents found")
    if args.explain:
        for doc in docs:
            explain(doc)
    cmd = [sys.executable, str(scorer), briefing_command(), *map(str, docs)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
