"""Many articles at once: the inputs read and checked, then each article extracted on its
own into a record (`extraction/record.py`), kept under `content/.briefing/extracted/`, in
this process or in N worker processes.

This is `briefing extract`, and the first step of `briefing generate`. An article whose
record matches (the same article read the same way, the same extractor) is not extracted
again. Workers are processes (`concurrent.futures.ProcessPoolExecutor`: a worker that dies,
killed or out of memory, fails the run with a message instead of leaving it waiting); each
loads the pipeline once (`nlp.load_pipeline`) and warms it, in the pool's initializer. On
Linux they are forked after the imports, so a worker starts in the time it takes to load
the pipeline, and `generate` starts them before it reads the inputs. The work is handed
out in the order of the inputs, one article at a time; the results come back in any
order, and are folded (`sheets/fold.py` `FoldInOrder`) and returned in the order of the
inputs: the content is the same whatever the number of workers, and the parent folds the
first articles while the workers extract the rest. After the extraction, the same workers
make the text of the sheets the merge writes (`renderer`), and one of them checks the
content while the parent writes it (`checker`).

Errors: an article whose extraction fails is named with its error and the run stops
before anything is merged; a worker that dies stops the run with one line saying where it
was; Ctrl-C stops the workers at once (they ignore SIGINT, the parent terminates them);
`briefing extract` keeps the records already made.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from generator.extraction import Extraction, extract
from generator.extraction.record import article_key, extract_record, extractor_key, read_record, relocate
from generator.nlp import load_pipeline
from generator.reading import Article, InputError, check_english, read_article
from generator.sheets.journal import text_of
from generator.sheets.parse import parse_yaml
from generator.sheets.plan import UNCHANGED, Check, Render, ToRender, render_text, validation_problems
from generator.sheets.report import GenerateError
from generator.sheets.store import EXTRACTED_DIR, STATE_DIR, source_text_file, write_atomic

# Sheets rendered per task in the workers: a sheet takes about 3 ms, a task's round trip a
# fraction of one; chunks this small leave no worker idle for long at the end (with 16
# chunks of 55 sheets each, one waited up to 0.15 s for the other).
RENDER_CHUNK = 8
# Seconds between a worker's looks at whether its parent is still there (`exit_with_parent`).
PARENT_CHECK = 0.5
# Said when a worker process dies under the run (the system killed it, out of memory, say).
WORKER_LOST = "a worker process stopped (killed, or out of memory?)"

# What a worker extracts first, for nothing but to build the passes' caches (`start_worker`).
WARM_UP = Article(id="warm-up", path=Path("warm-up.txt"), title="Talks in Strelsau", published="2020-01-06",
                  paragraphs=["Foreign minister Anna Berg of Ruritania met the Freedonian envoy in Strelsau "
                              "on Monday, officials said. Berg said the talks would go on."])


@dataclass
class Extracted:
    """One article's extraction, and the text of its record when this run made it (None:
    its kept record served)."""

    article: Article
    extraction: Extraction
    record: str | None = None

    @property
    def fresh(self) -> bool:
        return self.record is not None


# --- inputs --------------------------------------------------------------------------


def read_inputs(paths: list[Path], published: str | None) -> list[Article]:
    """Every article read and checked; GenerateError naming each bad input otherwise."""
    articles: list[Article] = []
    errors: list[str] = []
    for path in paths:
        try:
            article = read_article(Path(path), published)
            if not article.paragraphs or not article.text.strip():
                raise InputError(f"{path}: no article text found; expected an article's body")
            check_english(str(path), article.text)
            articles.append(article)
        except InputError as exc:
            errors.append(str(exc))
        except Exception as exc:  # a reader bug must still name the input, not show a traceback
            errors.append(f"{path}: could not be read ({type(exc).__name__}: {exc})")
    errors += duplicate_ids(articles)
    if errors:
        raise GenerateError("\n".join(errors) + "\nnothing was written")
    return articles


def duplicate_ids(articles: list[Article]) -> list[str]:
    seen: dict[str, Path] = {}
    errors = []
    for article in articles:
        if article.id in seen:
            errors.append(f"{article.path}: has the same article id '{article.id}' as {seen[article.id]}; "
                          "expected each article once (rename one of the files)")
        seen.setdefault(article.id, article.path)
    return errors


def known_id_clashes(articles: list[Article], content: Path) -> list[str]:
    """Articles whose id is already another article's in the briefing. An id is its file's
    name, so `a/report.txt` given after `b/report.txt` would take over b's source: its text
    page, title and date, while b's facts still cite sentences of b. The same article again
    (its text as kept, or the same file, or, for a briefing without kept texts, the same
    title) is a regeneration, and fine."""
    briefing = content / "briefing.yml"
    data, errors = parse_yaml(briefing) if briefing.is_file() else (None, [])
    sources = data.get("sources") if isinstance(data, dict) and not errors else None
    known = {s.get("id"): s for s in sources or [] if isinstance(s, dict)}
    clashes = []
    for article in articles:
        source = known.get(article.id)
        if source is not None and not same_article(article, source, content):
            clashes.append(
                f"{article.path}: has the article id '{article.id}' of another article already in the "
                f"briefing ('{source.get('title')}', read from {source.get('path')}); expected each article "
                f"once: rename this file (its name is its id), or remove that source from {briefing} first")
    return clashes


def same_article(article: Article, source: dict, content: Path) -> bool:
    """Whether a source of the briefing is this article, read again."""
    kept = text_of(source_text_file(content, article.id))  # None: none, or not readable
    if kept is not None:
        if kept == article.text + "\n":
            return True
    elif source.get("title") == article.title:
        return True
    path = source.get("path")
    return bool(path) and Path(str(path)).resolve() == Path(article.path).resolve()


# --- the records -----------------------------------------------------------------------


def record_file(content: Path, article_id: str) -> Path:
    """Where an article's record is kept: content/.briefing/extracted/ID.json."""
    return content / STATE_DIR / EXTRACTED_DIR / f"{article_id}.json"


def cached(content: Path, article: Article, key: str) -> Extraction | None:
    """The article's kept extraction when its record has this key, else None."""
    try:
        text = record_file(content, article.id).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return read_record(text, article.id, key)


def save_record(content: Path, article: Article, text: str) -> None:
    path = record_file(content, article.id)
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise GenerateError(f"{path}: cannot write ({exc.strerror})") from None


# --- extraction ----------------------------------------------------------------------


def extract_to_records(paths: list[Path], content: Path, published: str | None = None,
                       jobs: int = 1) -> list[str]:
    """`briefing extract`: every article read and checked, then each extracted into its
    record (or its record kept); nothing else under `content` is touched. Returns one line
    per article, saying which."""
    articles = read_inputs(paths, published)
    try:
        done = extract_articles(articles, content, jobs=jobs)
    except KeyboardInterrupt:
        raise GenerateError("interrupted; the records made so far are kept") from None
    return [f"{record_file(content, e.article.id)} ({'extracted' if e.fresh else 'kept: unchanged'})"
            for e in done]


def extract_articles(articles: list[Article], content: Path, jobs: int = 1,
                     save: bool = True) -> list[Extracted]:
    """Each article's extraction, in the order of `articles`: its record's where the key
    matches, else extracted (in `jobs` worker processes when more than one) and, with
    `save`, kept as a record as soon as it is made (`briefing extract`: an interrupted run
    keeps its work; `generate` keeps them with the merge instead, so that a run that stops
    changes nothing). GenerateError naming the article whose extraction fails."""
    work = find_work(articles, content)
    with workers(min(jobs, len(work.todo))) as pool:
        return run_work(work, content, pool, save)


@dataclass
class Work:
    """A run's extraction: every article with its record's key, the kept extractions that
    serve, and so the articles left to extract (`todo`)."""

    articles: list[Article]
    keys: dict[str, str]
    found: dict[str, Extraction | None]

    @property
    def todo(self) -> list[Article]:
        return [a for a in self.articles if self.found[a.id] is None]


def find_work(articles: list[Article], content: Path) -> Work:
    """The keys of the articles and the records under `content` that match them."""
    extractor = extractor_key()
    keys = {a.id: article_key(a, extractor) for a in articles}
    return Work(articles, keys, {a.id: cached(content, a, keys[a.id]) for a in articles})


def run_work(work: Work, content: Path, pool: Executor | None, save: bool,
             each: Callable[[int, Extracted], None] | None = None) -> list[Extracted]:
    """Extract what `work` has left (in `pool`'s workers, or here without one); `each` is
    given every article's extraction with the article's index as soon as it is there (the
    kept ones first), so the caller can fold them while the workers work."""
    index = {a.id: i for i, a in enumerate(work.articles)}
    done: dict[str, Extracted] = {}

    def finish(article: Article, text: str | None) -> None:
        done[article.id] = Extracted(article, relocate(work.found[article.id], article), text)  # type: ignore
        if each is not None:
            each(index[article.id], done[article.id])

    for article in work.articles:
        if work.found[article.id] is not None:
            finish(article, None)
    for article, text in extract_texts(work.todo, work.keys, pool):
        if save:
            save_record(content, article, text)
        # read back from its record even when made here: the merge then sees exactly what a
        # worker, a Dask task or the next run would, so the content is the same in every case
        work.found[article.id] = read_record(text, article.id, work.keys[article.id])
        finish(article, text)
    return [done[a.id] for a in work.articles]


def save_records(content: Path, extracted: list[Extracted]) -> None:
    """Keep the records this run made (`extract_articles` without `save`)."""
    for done in extracted:
        if done.record is not None:
            save_record(content, done.article, done.record)


def extract_texts(articles: list[Article], keys: dict[str, str],
                  pool: Executor | None) -> Iterator[tuple[Article, str]]:
    """(article, record text) as each extraction finishes."""
    if not articles:
        return
    with progress(articles) as bar:
        if pool is None:
            yield from extract_here(articles, keys, bar)
        else:
            yield from extract_in_pool(pool, articles, keys, bar)


def extract_here(articles: list[Article], keys: dict[str, str], bar: Bar) -> Iterator[tuple[Article, str]]:
    """In this process: the pipeline loaded once, each article through it on its own."""
    try:
        nlp = load_pipeline()
    except (RuntimeError, OSError) as exc:
        raise GenerateError(str(exc)) from None
    for article in articles:
        try:
            text = extract_record(article, nlp, keys[article.id])
        except GenerateError:
            raise
        except Exception as exc:
            if os.environ.get("BRIEFING_DEBUG"):
                raise
            raise GenerateError(failure(article, f"{type(exc).__name__}: {exc}")) from None
        bar(len(article.paragraphs))
        yield article, text


def extract_in_pool(pool: Executor, articles: list[Article], keys: dict[str, str],
                    bar: Bar) -> Iterator[tuple[Article, str]]:
    """In the workers, in the order given (so the caller can fold the first ones while the
    workers extract the rest); each result as it comes."""
    by_id = {a.id: a for a in articles}
    try:
        for done in as_completed([pool.submit(extract_in_worker, (a, keys[a.id])) for a in articles]):
            article_id, text, error = done.result()
            article = by_id[article_id]
            if error is not None:
                raise GenerateError(failure(article, error))
            bar(len(article.paragraphs))
            yield article, text
    except BrokenProcessPool:
        raise GenerateError(f"{WORKER_LOST} while extracting; nothing was merged") from None


def failure(article: Article, error: str) -> str:
    return f"{article.path}: extraction failed ({error}); nothing was merged"


@contextmanager
def workers(jobs: int) -> Iterator[Executor | None]:
    """`jobs` worker processes for a run (None for one job: the work is done here), each
    with the pipeline loaded and warmed (`start_worker`); terminated on leaving, at once,
    so that no worker outlives the run (they hold nothing to keep). `generate` starts them
    before it reads the inputs, so the workers load the pipeline while it reads. No more
    workers than CPUs (two at least, so the pool is the same on any machine): each extra
    one only loads the pipeline again and competes for them."""
    jobs = min(jobs, max(2, os.cpu_count() or 1))
    if jobs < 2:
        yield None
        return
    before = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(jobs, mp_context=start_context(), initializer=start_worker)
    try:
        pool.submit(int)  # the workers start now (with fork, all at the first task)
        yield pool
    finally:
        for process in set(multiprocessing.active_children()) - before:
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def start_context() -> Any:
    """Fork where it is safe and cheap (Linux: the parent's imports are shared, and no
    thread runs yet: the pool is made before the progress bar), the platform's default
    elsewhere (spawn on macOS and Windows)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def start_worker() -> None:
    """A worker's start: Ctrl-C is the parent's to handle; the pipeline loaded once, then
    warmed by extracting a sentence of its own (`WARM_UP`), which builds what the passes
    build on first use (the world ruler, the gazetteer's index, the case lexicon, the rule
    data: about a second) before the first article arrives. A failure here is reported
    by each task, naming its article."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        extract([WARM_UP], load_pipeline())
    except Exception:
        pass


def exit_with_parent(parent: int) -> None:
    """A worker whose parent is gone (killed, say: its `finally` never ran) exits. No one
    will send it work or take its results, and a `ProcessPoolExecutor` worker would
    otherwise wait for ever, holding its pipeline's memory and its parent's output pipes."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def extract_in_worker(job: tuple[Article, str]) -> tuple[str, str | None, str | None]:
    """(article id, record text, None), or (article id, None, the error) when it fails:
    an exception is sent back as words, so the parent names the article."""
    article, key = job
    try:
        return article.id, extract_record(article, load_pipeline(), key), None
    except Exception as exc:
        return article.id, None, f"{type(exc).__name__}: {exc}"


def renderer(pool: Executor | None) -> Render | None:
    """The sheets' texts made in the workers (`sheets/plan.py` `planned_writes`), each
    given back in order as soon as it is made, so this process stages the files while
    the workers make the rest; None without workers: each is then made here."""
    if pool is None:
        return None

    def render(items: list[ToRender]) -> Iterator[str]:
        try:
            yield from pool.map(render_text, items, chunksize=RENDER_CHUNK)
        except BrokenProcessPool:
            raise GenerateError(f"{WORKER_LOST} while making the sheets' texts; {UNCHANGED}") from None

    return render


def checker(pool: Executor | None) -> Check | None:
    """The content checked in a worker while this process writes it (`sheets/plan.py`
    `write_plan`): the writes wait on the disk, so the check costs the run no time; None
    without workers: the content is then read once written."""
    if pool is None:
        return None

    def check(content: Path, texts: dict[Path, str]) -> Callable[[], list[str]]:
        checking = pool.submit(validation_problems, content, texts)

        def problems() -> list[str]:
            try:
                return checking.result()
            except BrokenProcessPool:
                raise GenerateError(f"{WORKER_LOST} while checking the content, which is written; "
                                    "`briefing validate` checks it") from None

        return problems

    return check


# --- progress ------------------------------------------------------------------------

Bar = Callable[[int], None]  # advance the progress bar by so many paragraphs


@contextmanager
def progress(articles: list[Article]) -> Iterator[Bar]:
    """A Rich progress bar on stderr while several articles are extracted (a terminal
    only), counted in paragraphs."""
    console = Console(stderr=True)
    if len(articles) < 2 or not console.is_terminal:
        yield lambda n: None
        return
    total = sum(len(a.paragraphs) for a in articles)
    columns = (TextColumn("extracting from {task.fields[n]} articles"), BarColumn(),
               MofNCompleteColumn(), TextColumn("paragraphs"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=total, n=len(articles))
        yield lambda n: bar.advance(task, n)
