"""`briefing generate`: read inputs, extract, merge into content/, write atomically.

The order of work is chosen so that nothing a person has is put at risk:
1. every input is read and checked before anything else, and one bad input stops the
   run with nothing written;
2. the spaCy pipeline is loaded once and the articles go through it together;
3. under a lock, the new extraction is merged three ways with what is on disk and with
   what the generator wrote last time (its state in `content/.briefing/`), so hand
   edits, comments and deletions survive (see sheets/merge.py);
4. files are written atomically and in an order that keeps `content/` valid at every
   moment, and a file whose content does not change is not touched at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from spacy.language import Language

from generator.extraction import Extraction, extract
from generator.extraction.actors.names import merge_reason
from generator.extraction.world import load_world
from generator.nlp import load_pipeline
from generator.reading import Article, InputError, check_english, read_article
from generator.sheets.fold import Merge, SheetSet
from generator.sheets.merge import plain
from generator.sheets.plan import plan_run, validation_problems, write_plan
from generator.sheets.report import Change, GenerateError, GenerateReport, count_content
from generator.sheets.state import content_lock
from generator.sheets.store import schema_changes, source_text_file, to_yaml_data, write_atomic

__all__ = ["GenerateError", "GenerateReport", "run_generate"]


def run_generate(paths: list[Path], content: Path, published: str | None = None,
                 dry_run: bool = False) -> GenerateReport:
    """Generate (or regenerate) the briefing in `content` from the articles at `paths`."""
    articles = read_inputs(paths, published)
    try:
        extraction = extract_all(articles)
    except KeyboardInterrupt:
        raise GenerateError("interrupted before anything was written; the content is unchanged") from None
    report = GenerateReport(articles=[a.id for a in articles], dry_run=dry_run,
                            origins=[origin_line(a) for a in articles])
    report.unresolved = quality_notes(articles, extraction)
    new = view_of(extraction)
    with nullcontext() if dry_run else content_lock(content):
        plan = plan_run(content, new, {a.id for a in articles}, report)
        if dry_run:
            report.changes = [step.change for step in plan.final_steps()]
            report.changes += [Change(p, [], not p.exists()) for p in schema_changes(content)]
            report.changes += [Change(p, ["text"], not p.exists()) for p in text_changes(content, articles)]
        else:
            write_plan(content, plan, report)
            write_texts(content, articles, report)
    report.merges = explain_merges(extraction, plan.view.merges)
    count_content(plan.final_sheets(), report)
    if not dry_run:
        report.problems = validation_problems(content)
    return report


def text_changes(content: Path, articles: list[Article]) -> list[Path]:
    """The text files a run would write: each article's text as read, where it differs."""
    paths = [(source_text_file(content, a.id), a.text + "\n") for a in articles]
    return [path for path, text in paths if not path.is_file() or path.read_text(encoding="utf-8") != text]


def write_texts(content: Path, articles: list[Article], report: GenerateReport) -> None:
    """Keep each article's text as the tool read it (`sources/<id>.txt`): the site shows it as
    the source's page, with every cited sentence highlighted, so a reader checks a fact against
    the words it came from. Written after the sheets, so a run that stops leaves valid sheets."""
    for article in articles:
        path = source_text_file(content, article.id)
        try:
            if write_atomic(path, article.text + "\n"):
                report.written.append(path)
        except OSError as exc:
            raise GenerateError(f"{path}: cannot write ({exc.strerror}); the sheets are written") from None


def origin_line(article: Article) -> str:
    """Where an article's title and date came from, said so a person can check both:
    a title from no headline, or a date from nowhere, is worth a look before publishing."""
    published = article.published or "unknown"
    return (f"{article.path}: title '{article.title}' (from {article.title_from}); "
            f"published {published} (from {article.published_from})")


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


# --- extraction ----------------------------------------------------------------------


def extract_all(articles: list[Article]) -> Extraction:
    """Load the pipeline once and extract from all articles together (one nlp.pipe)."""
    try:
        nlp = load_pipeline()
    except (RuntimeError, OSError) as exc:
        raise GenerateError(str(exc)) from None
    with progress(articles) as counting:
        try:
            return extract(articles, counting(nlp))
        except GenerateError:
            raise
        except Exception as exc:
            if os.environ.get("BRIEFING_DEBUG"):
                raise
            names = ", ".join(str(a.path) for a in articles)
            raise GenerateError(f"extraction failed on {names} ({type(exc).__name__}: {exc}); "
                                "nothing was written") from None


class CountingPipeline:
    """The pipeline, advancing a progress bar as documents come out of it."""

    def __init__(self, nlp: Language, advance: Callable[[], None]):
        self._nlp = nlp
        self._advance = advance

    def pipe(self, texts, *args, **kwargs):
        for doc in self._nlp.pipe(texts, *args, **kwargs):
            self._advance()
            yield doc

    def __call__(self, *args, **kwargs):
        doc = self._nlp(*args, **kwargs)
        self._advance()
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


@contextmanager
def progress(articles: list[Article]) -> Iterator[Callable[[Language], Any]]:
    """A Rich progress bar on stderr while several articles are processed (a terminal only)."""
    console = Console(stderr=True)
    if len(articles) < 2 or not console.is_terminal:
        yield lambda nlp: nlp
        return
    total = sum(len(a.paragraphs) for a in articles)
    columns = (TextColumn("extracting from {task.fields[n]} articles"), BarColumn(),
               MofNCompleteColumn(), TextColumn("paragraphs"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=total, n=len(articles))
        yield lambda nlp: CountingPipeline(nlp, lambda: bar.advance(task))


def quality_notes(articles: list[Article], extraction: Extraction) -> list[str]:
    """What could not be resolved: the extraction's own list, plus dates the generator
    checks itself so that a person always hears of them."""
    notes = list(extraction.unresolved)
    text = "\n".join(notes)
    for article in articles:
        if article.published is None and article.id not in text:
            notes.append(f"{article.path}: no publication date (give --published YYYY-MM-DD or metadata); "
                         "relative dates left null")
    for event_id, event in extraction.events.items():
        if event.date is None and event_id not in text:
            said = f" ('{event.date_text}')" if event.date_text else ""
            notes.append(f"event {event_id}: undated{said}")
    return notes


def explain_merges(extraction: Extraction, merges: list[Merge]) -> list[str]:
    """What was merged and why, for `briefing generate --explain`: each other name of an
    actor with the rule that made it that actor's (within the run), the actors the run
    kept apart though a name fits (a surname named before the full name), then each sheet that
    this run's actors and events joined, or were kept apart from, with its evidence."""
    world = load_world()
    renamed = {m.new_id: m.sheet_id for m in merges if m.joined and m.folder == "actors"}
    lines = []
    for actor_id, actor in extraction.actors.items():
        for alias in actor.aliases:
            reason = merge_reason(alias, actor.name, actor.kind, world)
            lines.append(f"actors/{renamed.get(actor_id, actor_id)}.yml '{actor.name}' "
                         f"also named '{alias}': {reason}")
    for a, b, why in extraction.apart:
        lines.append(str(Merge("actors", renamed.get(a, a), extraction.actors[a].name, renamed.get(b, b),
                               why, False)))
    return lines + [str(m) for m in merges]


def view_of(extraction: Extraction) -> SheetSet:
    """The extraction as plain sheet data, in the field order the sheets are written in."""
    return SheetSet(
        actors={i: plain(to_yaml_data(a)) for i, a in extraction.actors.items()},
        events={i: plain(to_yaml_data(e)) for i, e in extraction.events.items()},
        briefing=plain(to_yaml_data(extraction.briefing)),
    )


# --- the lock and the state -----------------------------------------------------------


# --- the plan ------------------------------------------------------------------------


# --- writing -------------------------------------------------------------------------


# --- the report ----------------------------------------------------------------------


