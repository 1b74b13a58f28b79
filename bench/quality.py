"""Run the generator over a folder of articles with gold files and score each briefing.

    python bench/quality.py DEVSET_DIR [--gold-dir DIR] [--articles-dir DIR]
                            [--scorer PATH] [--keep DIR] [--verbose] [--direct]

DEVSET_DIR holds `articles/` and `gold/` (as ../shared/devset and ../shared/cases do);
each gold file names its `article:` (or `articles:`, generated in order into one
briefing) and `published:`. Where a gold says `published_on_page: true` no date is
passed: reading it is part of the case. For the seed, pass the seeds folder and the gold
folder: `python bench/quality.py seeds --gold-dir ../shared/gold`. The articles are read
where they are, never copied into the project.

Each briefing is written into a temporary folder by `briefing generate`'s own code
(generate.run_generate; `--direct` writes the extraction with the store functions
instead) inside a `briefing new` project, scored with ../shared/eval/score.py, and the
scorer's summary line is printed. Per article it also prints whether the body read
starts and ends where the gold's `body_starts`/`body_ends` say, and, for a gold with
`site: true`, whether `mkdocs build` gives a home page titled as the gold says. The last
line totals the scorer's JSON figures over the set (recall and precision averaged).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extraction import Extraction, extract  # noqa: E402
from generator.generate import run_generate  # noqa: E402
from generator.nlp import load_pipeline  # noqa: E402
from generator.project import new_project  # noqa: E402
from generator.reading import read_article  # noqa: E402
from generator.sheets.store import sheet_text, to_yaml_data, write_atomic  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SUMS = ("events_found", "events_total", "events_dated", "events_participants", "roles_right", "roles_total",
        "relations_found", "relations_total", "claims_found", "claims_total", "background_found",
        "background_total", "false_facts", "false_facts_total")


def write_extraction(result: Extraction, content: Path) -> None:
    """The sheets as `briefing generate` writes them: actors, events, then briefing.yml."""
    for actor in result.actors.values():
        write_atomic(content / "actors" / f"{actor.id}.yml", sheet_text("actor", to_yaml_data(actor)))
    for event in result.events.values():
        write_atomic(content / "events" / f"{event.id}.yml", sheet_text("event", to_yaml_data(event)))
    write_atomic(content / "briefing.yml", sheet_text("briefing", to_yaml_data(result.briefing)))


def inputs(gold: dict, folders: list[Path]) -> list[tuple[Path, str | None]] | None:
    """The gold's articles with the date to pass for each (None where the page must tell)."""
    entries = gold.get("articles") or [{"article": gold.get("article"), "published": gold.get("published")}]
    out = []
    for entry in entries:
        path = next((f / str(entry["article"]) for f in folders if (f / str(entry["article"])).exists()),
                    None)
        if path is None:
            return None
        on_page = gold.get("published_on_page") or not entry.get("published")
        published = None if on_page else str(entry["published"])
        out.append((path, published))
    return out


def generate(articles: list[tuple[Path, str | None]], content: Path, direct: bool, nlp) -> None:
    """One article at a time, in the gold's order, into the same content."""
    for path, published in articles:
        if direct:
            write_extraction(extract([read_article(path, published=published)], nlp), content)
        else:
            run_generate([path], content, published=published)


def body_check(gold: dict, articles: list[tuple[Path, str | None]]) -> str:
    """Whether the first article's body starts and ends where the gold says."""
    if "body_starts" not in gold and "body_ends" not in gold:
        return ""
    paragraphs = read_article(articles[0][0], published=articles[0][1]).paragraphs
    starts = paragraphs[0].startswith(str(gold.get("body_starts", ""))) if paragraphs else False
    ends = paragraphs[-1].endswith(str(gold.get("body_ends", ""))) if paragraphs else False
    return f" | body start {'ok' if starts else 'no'} end {'ok' if ends else 'no'}"


def site_check(gold: dict, project: Path) -> str:
    """For `site: true`: build the site; its home page's <title> must start with the title."""
    if not gold.get("site"):
        return ""
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                         text=True, check=False)
    page = project / "site" / "index.html"
    if run.returncode != 0 or not page.exists():
        return " | site build failed"
    match = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
    shown = html.unescape(match.group(1)).strip() if match else ""
    return f" | site title {'ok' if shown.startswith(str(gold.get('title', ''))) else 'no'}"


def score(scorer: Path, gold: Path, content: Path, verbose: bool) -> tuple[str, dict]:
    """The scorer's report (its last line the summary) and its JSON figures."""
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--content", str(content)]
    text = subprocess.run(cmd + (["--verbose"] if verbose else []), capture_output=True, text=True,
                          check=False)
    figures = subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=False)
    try:
        data = json.loads(figures.stdout)
    except ValueError:
        data = {}
    return text.stdout + text.stderr, data


def totals(rows: list[dict]) -> str:
    if not rows:
        return "no scores"
    n = len(rows)
    sums = Counter({k: sum(int(r.get(k) or 0) for r in rows) for k in SUMS})
    forbidden = sum(len(r.get("forbidden") or []) for r in rows)
    recall = sum(r.get("actors_recall", 0) for r in rows) / n
    precision = sum(r.get("actors_precision", 0) for r in rows) / n
    return (f"TOTAL ({n} articles): actors recall {recall:.2f} precision {precision:.2f}"
            f" forbidden {forbidden}"
            f" | events {sums['events_found']}/{sums['events_total']} dated {sums['events_dated']}"
            f" participants {sums['events_participants']} | roles {sums['roles_right']}/{sums['roles_total']}"
            f" | relations {sums['relations_found']}/{sums['relations_total']}"
            f" | claims {sums['claims_found']}/{sums['claims_total']}"
            f" | background {sums['background_found']}/{sums['background_total']}"
            f" | false facts {sums['false_facts']} of {sums['false_facts_total']}"
            f" | titles {sum(bool(r.get('title_ok')) for r in rows)}/{n}"
            f" published {sum(bool(r.get('published_ok')) for r in rows)}/{n}")


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
    args = ap.parse_args()
    gold_dir = args.gold_dir or args.devset / "gold"
    folders = [f for f in (args.articles_dir, args.devset / "articles", args.devset) if f]
    nlp = load_pipeline()
    rows: list[dict] = []
    for gold_path in sorted(gold_dir.glob("*.yml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        articles = inputs(gold, folders)
        if articles is None:
            print(f"{gold_path.name}: an article it names was not found in {', '.join(map(str, folders))}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            project = (args.keep / gold_path.stem) if args.keep else Path(tmp) / "briefing"
            shutil.rmtree(project, ignore_errors=True)
            new_project(project)
            started = time.perf_counter()
            generate(articles, project / "content", args.direct, nlp)
            elapsed = time.perf_counter() - started
            report, figures = score(args.scorer, gold_path, project / "content", args.verbose)
            extra = body_check(gold, articles) + site_check(gold, project)
        lines = report.strip().splitlines()
        if args.verbose:
            print("\n".join(lines[:-1]))
        rows.append(figures)
        print(f"{gold_path.name} ({elapsed:.1f}s): {lines[-1] if lines else 'no output'}{extra}")
    print(totals(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
