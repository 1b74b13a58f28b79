"""Speed of `mkdocs build` as a briefing grows: synthetic briefings of N actors and N events.

    python bench/site.py [N ...]        (default: 25 100 400)

Each size is written as real fact sheets into a `briefing new` project and built with
`mkdocs build --strict` in a subprocess; the script prints the wall time, the time per
page and the peak memory of the build. With the navigation kept to the index pages the
time per page stays flat; a nav listing every page would make it grow with N.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.project import new_project  # noqa: E402
from generator.schema import Actor, Briefing, Event, Participant, Relation, Source, SourceRef  # noqa: E402
from generator.sheets.store import sheet_text, to_yaml_data, write_atomic  # noqa: E402

KINDS = ("country", "person", "organization", "group", "place")


def quote(i: int) -> list[SourceRef]:
    return [SourceRef(article="synthetic", quote=f"Sentence number {i} of the synthetic article.")]


def make_actor(i: int, n: int) -> Actor:
    relation = Relation(type="supports", target=f"actor-{(i + 1) % n}", sources=quote(i))
    return Actor(
        id=f"actor-{i}",
        name=f"Actor {i}",
        kind=KINDS[i % len(KINDS)],
        relations=[relation],
        summary=f"Synthetic actor {i}.",
        sources=quote(i),
    )


def make_event(i: int, n: int) -> Event:
    parts = [Participant(actor=f"actor-{(i + k) % n}", role="party") for k in range(3)]
    return Event(
        id=f"event-{i}",
        title=f"Event {i}",
        kind="consult",
        date=f"2020-{i % 12 + 1:02d}",
        participants=parts,
        summary=f"Synthetic event {i}.",
        sources=quote(i),
    )


def write_briefing(content: Path, n: int) -> None:
    source = Source(id="synthetic", title="Synthetic article", published="2020-12-31")
    for i in range(n):
        write_atomic(
            content / "actors" / f"actor-{i}.yml", sheet_text("actor", to_yaml_data(make_actor(i, n)))
        )
        write_atomic(
            content / "events" / f"event-{i}.yml", sheet_text("event", to_yaml_data(make_event(i, n)))
        )
    briefing = Briefing(title=f"Synthetic briefing of {n}", published="2020-12-31", sources=[source])
    write_atomic(content / "briefing.yml", sheet_text("briefing", to_yaml_data(briefing)))


def build(project: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of one `mkdocs build --strict` in a child process."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stderr}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [25, 100, 400]
    print(f"{'actors+events':>14} {'pages':>6} {'build s':>8} {'ms/page':>8} {'peak MB':>8}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "bench"
            new_project(project)
            write_briefing(project / "content", n)
            seconds, peak = build(project)
            pages = 2 * n + 6
            print(f"{2 * n:>14} {pages:>6} {seconds:>8.2f} {1000 * seconds / pages:>8.1f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
