"""Run the generator over a folder of articles with gold files and score each briefing.

    python bench/quality.py DEVSET_DIR [--gold-dir DIR] [--articles-dir DIR]
                            [--scorer PATH] [--keep DIR] [--verbose]

DEVSET_DIR holds `articles/` and `gold/` (as ../shared/devset does); each gold file
names its `article:` and `published:`. For the seed, pass the seeds folder and the gold
folder: `python bench/quality.py seeds --gold-dir ../shared/gold`. The articles are read
where they are, never copied into the project. Each briefing is written into a temporary
folder by `briefing generate`'s own code (generate.run_generate; `--direct` writes the
extraction with the store functions instead), scored with ../shared/eval/score.py, and
the summary lines are printed with averaged totals.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import Extraction, extract  # noqa: E402
from generator.generate import run_generate  # noqa: E402
from generator.nlp import load_pipeline  # noqa: E402
from generator.reading import read_article  # noqa: E402
from generator.store import sheet_text, to_yaml_data, write_atomic  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SUMMARY = re.compile(r"actors recall ([\d.]+) precision ([\d.]+) kinds (\d+) forbidden (\d+)"
                     r" \| events (\d+)/(\d+) dated (\d+) participants (\d+)"
                     r" \| relations (\d+)/(\d+) \| claims (\d+)/(\d+) \| background (\d+)/(\d+)")


def write_extraction(result: Extraction, content: Path) -> None:
    """The sheets as `briefing generate` writes them: actors, events, then briefing.yml."""
    for actor in result.actors.values():
        write_atomic(content / "actors" / f"{actor.id}.yml", sheet_text("actor", to_yaml_data(actor)))
    for event in result.events.values():
        write_atomic(content / "events" / f"{event.id}.yml", sheet_text("event", to_yaml_data(event)))
    (content / "actors").mkdir(parents=True, exist_ok=True)
    (content / "events").mkdir(parents=True, exist_ok=True)
    write_atomic(content / "briefing.yml", sheet_text("briefing", to_yaml_data(result.briefing)))


def leave_out(passes: str) -> None:
    """Replace some passes by empty ones, to measure the others while one is broken."""
    import importlib

    names = {"events": "extract_events", "claims": "extract_claims", "relations": "extract_relations"}
    for module in filter(None, passes.split(",")):
        setattr(importlib.import_module(f"generator.{module}"), names[module], lambda *args: [])


def find_article(gold: dict, folders: list[Path]) -> Path | None:
    for folder in folders:
        path = folder / str(gold["article"])
        if path.exists():
            return path
    return None


def score(scorer: Path, gold: Path, content: Path, verbose: bool) -> str:
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--content", str(content)]
    if verbose:
        cmd.append("--verbose")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return out.stdout + out.stderr


def totals(lines: list[str]) -> str:
    rows = [[float(x) for x in m.groups()] for line in lines if (m := SUMMARY.search(line))]
    if not rows:
        return "no scores"
    n = len(rows)
    col = list(zip(*rows, strict=True))

    def frac(i: int, j: int) -> str:
        return f"{sum(col[i]):.0f}/{sum(col[j]):.0f}"

    return (f"TOTAL ({n} articles): actors recall {sum(col[0]) / n:.2f} precision {sum(col[1]) / n:.2f}"
            f" forbidden {sum(col[3]):.0f} | events {frac(4, 5)} dated {sum(col[6]):.0f}"
            f" participants {sum(col[7]):.0f} | relations {frac(8, 9)} | claims {frac(10, 11)}"
            f" | background {frac(12, 13)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devset", type=Path, help="a folder with articles/ and gold/, or a folder of articles")
    ap.add_argument("--gold-dir", type=Path, help="gold files (default DEVSET/gold)")
    ap.add_argument("--articles-dir", type=Path, help="articles (default DEVSET/articles, else DEVSET)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--keep", type=Path, help="write each briefing under this folder instead of a temp dir")
    ap.add_argument("--verbose", action="store_true", help="print the scorer's full report")
    ap.add_argument("--direct", action="store_true",
                    help="write extract()'s sheets with the store functions, not through run_generate")
    ap.add_argument("--without", default="",
                    help="passes to leave out, comma-separated: events,claims,relations")
    args = ap.parse_args()
    leave_out(args.without)
    gold_dir = args.gold_dir or args.devset / "gold"
    folders = [f for f in (args.articles_dir, args.devset / "articles", args.devset) if f]
    nlp = load_pipeline()
    summaries: list[str] = []
    for gold_path in sorted(gold_dir.glob("*.yml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article_path = find_article(gold, folders)
        if article_path is None:
            print(f"{gold_path.name}: article {gold.get('article')} not found")
            continue
        published = str(gold["published"]) if gold.get("published") else None
        with tempfile.TemporaryDirectory() as tmp:
            content = (args.keep / gold_path.stem) if args.keep else Path(tmp)
            if args.keep:
                shutil.rmtree(content, ignore_errors=True)
            started = time.perf_counter()
            if args.direct:
                result = extract([read_article(article_path, published=published)], nlp)
                write_extraction(result, content)
            else:
                run_generate([article_path], content, published=published)
            elapsed = time.perf_counter() - started
            report = score(args.scorer, gold_path, content, args.verbose)
        lines = report.strip().splitlines()
        if args.verbose:
            print("\n".join(lines[:-1]))
        summary = lines[-1] if lines else "no output"
        summaries.append(summary)
        counts = f"{elapsed:.1f}s"
        print(f"{gold_path.name} ({counts}): {summary}")
    print(totals(summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
