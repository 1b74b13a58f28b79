"""Speed and memory of `briefing generate`: N articles into a fresh content folder.

    python bench/generate.py [N] [ARTICLE]

Copies ARTICLE (default: the seed, with its metadata) N times under distinct names, then
times each stage of one run in this process (the pipeline loaded once), a second
identical run (the merge with nothing to change), and prints the peak resident memory.
The floor is timed in the same process on the same texts: spaCy's bare `nlp.pipe` (what
no extraction can go below), before and after the extraction; the ratio of the extraction
to the faster of the two is printed, so a change can be judged on a noisy machine.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import generate as gen  # noqa: E402
from generator.nlp import load_pipeline  # noqa: E402
from generator.reading.metadata import sidecar_path  # noqa: E402
from generator.sheets.plan import plan_run, write_plan  # noqa: E402
from generator.sheets.report import GenerateReport  # noqa: E402
from generator.sheets.state import content_lock  # noqa: E402

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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    article = Path(sys.argv[2]) if len(sys.argv) > 2 else SEED
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = copies(article, n, folder)
        content = folder / "content"
        start = time.perf_counter()
        nlp = timed("load pipeline", load_pipeline)
        articles = timed(f"read {n} article(s)", gen.read_inputs, paths, None)
        texts = [a.text for a in articles]
        floor = timed("floor: bare nlp.pipe", pipe_all, nlp, texts)
        started = time.perf_counter()
        extraction = timed("extract (nlp.pipe + passes)", gen.extract_all, articles)
        extract = time.perf_counter() - started
        floor = min(floor, timed("floor again", pipe_all, nlp, texts))
        print(f"{'extract / floor':<28} {extract / floor:7.2f} x")
        new = gen.view_of(extraction)
        report = GenerateReport(articles=[a.id for a in articles])

        def merge_and_write() -> None:
            with content_lock(content):
                plan = plan_run(content, new, {a.id for a in articles}, report)
                write_plan(content, plan, report)
                gen.write_texts(content, articles, report)

        timed("merge and write", merge_and_write)
        total = time.perf_counter() - start
        again = timed("second run, same articles", gen.run_generate, paths, content)
        print(f"{'first run in all':<28} {total:7.2f} s for {n} article(s), "
              f"{len(report.written)} files written")
        print(f"second run wrote {len(again.written)} file(s)")
        print(f"peak RSS                     {peak_rss_mb():7.0f} MB")


if __name__ == "__main__":
    main()
