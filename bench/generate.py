"""Speed and memory of `briefing generate`: N articles into a fresh content folder.

    python bench/generate.py [N] [ARTICLE_OR_FOLDER] [--jobs J] [--repeat R]

Copies ARTICLE (default: the seed, with its metadata) N times under distinct names, or
takes the first N files of FOLDER in name order (issue 11 measures 50 AQUAINT articles:
`python bench/generate.py 50 ../shared/bench/timeml/aquaint`), then
times each stage of one run in this process (the pipeline loaded once; each article
extracted on its own, as `briefing generate` does), a second identical run (every
article's record reused: the merge with nothing to change), and prints the peak resident
memory.
The floor is timed in the same process on the same texts: spaCy's bare `nlp.pipe` (what
no extraction can go below), before and after the extraction; the ratio of the extraction
to the faster of the two is printed, so a change can be judged on a noisy machine.

With `--jobs J`, it then times the whole command, `briefing generate --jobs 1` against
`--jobs J`, each run in a fresh content folder, the two interleaved R times (default 3),
and prints the medians, their ratio, and whether the content written is byte-identical.
"""

from __future__ import annotations

import argparse
import filecmp
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

from generator import batch  # noqa: E402
from generator import generate as gen  # noqa: E402
from generator.nlp import load_pipeline  # noqa: E402
from generator.reading.metadata import sidecar_path  # noqa: E402
from generator.sheets.fold import fold_each  # noqa: E402
from generator.sheets.report import GenerateReport  # noqa: E402

BRIEFING = Path(sys.executable).with_name("briefing")
SEED = ROOT / "seeds" / "000_acf2cac61dc68b8c.txt"


def copies(article: Path, n: int, folder: Path) -> list[Path]:
    """N copies of the article (and its sidecar), each a distinct input."""
    paths = []
    for i in range(n):
        target = folder / f"{article.stem}-{i:03d}{article.suffix}"
        shutil.copy(article, target)
        sidecar = sidecar_path(article)
        if sidecar is not None:
            shutil.copy(sidecar, target.with_name(target.name + ".meta.yml"))
        paths.append(target)
    return paths


def inputs(source: Path, n: int, folder: Path) -> list[Path]:
    """The run's inputs: N copies of one article, or the first N articles of a folder."""
    if not source.is_dir():
        return copies(source, n, folder)
    found = sorted(p for p in source.iterdir() if p.is_file() and not p.name.endswith(".meta.yml"))
    if len(found) < n:
        raise SystemExit(f"{source}: {len(found)} article(s), fewer than the {n} asked for")
    return found[:n]


def timed(label: str, func, *args):
    start = time.perf_counter()
    value = func(*args)
    print(f"{label:<28} {time.perf_counter() - start:7.2f} s")
    return value


def pipe_all(nlp, texts: list[str]) -> float:
    """Seconds of spaCy's bare pipeline over the texts, in batches as the generator runs it."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=5, help="how many articles (default 5)")
    parser.add_argument("source", nargs="?", type=Path, default=SEED,
                        help="an article, or a folder of them")
    parser.add_argument("--jobs", type=int,
                        help="also time the whole command with this many workers against 1")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, interleaved (with --jobs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = inputs(args.source, args.n, folder)
        stages(paths, folder / "content")
        if args.jobs:
            whole_command(paths, folder, args.jobs, args.repeat)


def stages(paths: list[Path], content: Path) -> None:
    """Each stage of one run in this process, with the floor, then a second run."""
    n = len(paths)
    start = time.perf_counter()
    nlp = timed("load pipeline", load_pipeline)
    articles = timed(f"read {n} article(s)", gen.read_inputs, paths, None)
    texts = [a.text for a in articles]
    floor = timed("floor: bare nlp.pipe", pipe_all, nlp, texts)
    started = time.perf_counter()
    work = batch.find_work(articles, content)
    extracted = timed("extract (nlp.pipe + passes)", batch.run_work, work, content, None, False)
    extract = time.perf_counter() - started
    floor = min(floor, timed("floor again", pipe_all, nlp, texts))
    print(f"{'extract / floor':<28} {extract / floor:7.2f} x")
    report = GenerateReport(articles=[a.id for a in articles])

    def merge_and_write() -> None:
        folded = fold_each([(gen.view_of(e.extraction), {e.article.id}) for e in extracted])
        gen.merge_and_write(content, extracted, folded, report, None, None)

    timed("merge and write", merge_and_write)
    total = time.perf_counter() - start
    again = timed("second run, same articles", gen.run_generate, paths, content)
    print(f"{'first run in all':<28} {total:7.2f} s for {n} article(s), "
          f"{len(report.written)} files written")
    print(f"second run wrote {len(again.written)} file(s)")
    print(f"peak RSS                     {peak_rss_mb():7.0f} MB")


def whole_command(paths: list[Path], folder: Path, jobs: int, repeat: int) -> None:
    """`briefing generate --jobs 1` against `--jobs J`, whole processes, interleaved."""
    times: dict[int, list[float]] = {1: [], jobs: []}
    for attempt in range(repeat):
        for count in (1, jobs):
            content = folder / f"content-{count}-{attempt}"
            command = [str(BRIEFING), "generate", "--jobs", str(count), "--content", str(content),
                       *map(str, paths)]
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=child_env(folder))
            times[count].append(time.perf_counter() - start)
            print(f"{f'whole run, --jobs {count}':<28} {times[count][-1]:7.2f} s")
    one, many = statistics.median(times[1]), statistics.median(times[jobs])
    print(f"{'median, --jobs 1':<28} {one:7.2f} s")
    print(f"{f'median, --jobs {jobs}':<28} {many:7.2f} s")
    print(f"{f'--jobs {jobs} speed-up':<28} {one / many:7.2f} x")
    same = all(same_tree(folder / f"content-1-{a}", folder / f"content-{jobs}-{a}") for a in range(repeat))
    print(f"content byte-identical       {'yes' if same else 'NO'}")


def same_tree(a: Path, b: Path) -> bool:
    """Every file of both folders (the lock aside) present in both with the same bytes."""
    files = sorted({p.relative_to(root) for root in (a, b) for p in root.rglob("*")
                    if p.is_file() and p.name != "lock"})
    return all((a / f).is_file() and (b / f).is_file() and filecmp.cmp(a / f, b / f, shallow=False)
               for f in files)


if __name__ == "__main__":
    main()
