"""Speed of `mkdocs build` as a briefing grows, against its floor: synthetic briefings of N
actors and N events, and the bundled seed briefing.

    python bench/site.py [N ...] [--seed] [--repeat R]     (default: 25 100 400, R = 3)

Each size is written as real fact sheets into a `briefing new` project and built with
`mkdocs build --strict` in a subprocess. Its floor is built in the same run, interleaved
with it: a bare Material site with as many pages as the briefing's build made, each a
heading, a paragraph and a link, built from the mkdocs.yml `briefing new` writes without the
briefing plugin (same theme, palettes, Markdown extensions and search), and a navigation of
seven pages, as the briefing's seven index pages. The script prints the median wall time of R
builds of each, the time per page, the ratio to the floor (a machine's noise cancels in it),
and the peak memory. `--seed` measures the repository's own content/ the same way. Both
run from cached bytecode (`child_env`); the first build of each, not measured, writes it.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from children import child_env  # noqa: E402  (bench/children.py, beside this script)
from synthetic import write_briefing, write_floor  # noqa: E402  (bench/synthetic.py, beside this script)

from generator.project import new_project  # noqa: E402


def built_pages(project: Path) -> int:
    """How many HTML pages a build made (MkDocs' 404 page left out)."""
    return sum(1 for p in (project / "site").rglob("*.html") if p.name != "404.html")


def build(project: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of one `mkdocs build --strict` in a child process."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        env=child_env(project.parent),
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stderr}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(project: Path, floor: Path, repeat: int) -> tuple[float, float, float]:
    """Median seconds of the project's builds and of its floor's, interleaved, and peak MB."""
    ours, bare = [], []
    for _ in range(repeat):
        ours.append(build(project)[0])
        bare.append(build(floor)[0])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(ours), statistics.median(bare), peak


def report(label: str, project: Path, folder: Path, repeat: int) -> None:
    build(project)  # once, to count the pages (and warm the file cache as the floor's will be)
    pages = built_pages(project)
    floor = folder / "floor"
    write_floor(floor, pages)
    build(floor)
    ours, bare, peak = measure(project, floor, repeat)
    print(f"{label:>14} {pages:>6} {ours:>8.2f} {1000 * ours / pages:>8.1f} {bare:>8.2f} "
          f"{ours / bare:>6.2f}x {peak:>8.0f}")


def main() -> None:
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 3
    if "--repeat" in args:
        del args[args.index("--repeat"):args.index("--repeat") + 2]
    seed = "--seed" in args
    sizes = [int(a) for a in args if a != "--seed"] or ([] if seed else [25, 100, 400])
    print(f"{'actors + events':>14} {'pages':>6} {'build s':>8} {'ms/page':>8} {'floor s':>8} {'ratio':>7} "
          f"{'peak MB':>8}   (medians of {repeat}, interleaved)")
    if seed:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "seed"
            project.mkdir()
            shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("lock"))
            shutil.copytree(ROOT / "templates", project / "templates")
            report("seed", project, Path(tmp), repeat)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "bench"
            new_project(project)
            write_briefing(project / "content", n)
            report(f"{n} + {n}", project, Path(tmp), repeat)


if __name__ == "__main__":
    main()
