"""`briefing generate`: read inputs, extract each article, merge into content/, write atomically.

The order of work is chosen so that nothing a person has is put at risk:
1. every input is read and checked before anything else, and one bad input stops the
   run with nothing written;
2. each article is extracted on its own into a record (`batch.py`,
   `extraction/record.py`), in this process or, with `jobs` > 1, in that many worker
   processes; an article whose record under `content/.briefing/extracted/` matches (the
   same article, the same extractor) is not extracted again. The new records are kept
   with the merge, after the sheets: a run that stops before then changes nothing;
3. the articles' extractions are folded into one, one after another in the order the
   articles were given (`sheets/fold.py` `fold_each`: as `generate A` then `generate B`
   would, so the content is the same whatever the number of workers); under a lock, that
   one is folded into the briefing and merged three ways with what is on disk and with
   what the generator wrote last time (its state in `content/.briefing/`), so hand
   edits, comments and deletions survive (see sheets/merge.py), and a second run of the
   same articles changes nothing;
4. files are written atomically and in an order that keeps `content/` valid at every
   moment, and a file whose content does not change is not touched at all.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from generator.batch import (
    Extracted,
    checker,
    find_work,
    known_id_clashes,
    read_inputs,
    renderer,
    run_work,
    save_records,
    workers,
)
from generator.extraction import Extraction
from generator.extraction.actors.names import merge_reason
from generator.extraction.world import load_world
from generator.reading import Article
from generator.sheets.fold import Folded, FoldInOrder, Merge, SheetSet
from generator.sheets.journal import text_of
from generator.sheets.merge import plain
from generator.sheets.plan import INTERRUPTED, Check, Plan, Problems, Render, plan_folded, write_plan
from generator.sheets.report import Change, GenerateError, GenerateReport, count_content
from generator.sheets.state import content_lock
from generator.sheets.store import schema_changes, source_text_file, to_yaml_data, write_atomic

__all__ = ["GenerateError", "GenerateReport", "read_inputs", "run_generate"]

REST = "the next run of these articles writes their texts and keeps their records"
CHECK = "`briefing validate` checks it"


def run_generate(paths: list[Path], content: Path, published: str | None = None,
                 dry_run: bool = False, jobs: int = 1) -> GenerateReport:
    """Generate (or regenerate) the briefing in `content` from the articles at `paths`,
    extracting in `jobs` worker processes (1: in this process)."""
    # the workers start first: they load the pipeline while the inputs are read
    written = False
    try:
        with workers(min(jobs, len(paths))) as pool:
            try:
                articles = read_inputs(paths, published)
                clashes = known_id_clashes(articles, content)
                if clashes:
                    raise GenerateError("\n".join(clashes) + "\nnothing was written")
                work = find_work(articles, content)
                folding = FoldInOrder(len(articles))
                extracted = run_work(work, content, pool, save=False, each=lambda i, e: folding.add(
                    i, view_of(e.extraction), {e.article.id}))
            except KeyboardInterrupt:
                raise GenerateError(INTERRUPTED) from None
            report = GenerateReport(articles=[a.id for a in articles], dry_run=dry_run,
                                    origins=[origin_line(a) for a in articles])
            report.unresolved = [note for e in extracted for note in quality_notes([e.article], e.extraction)]
            plan, problems = merge_and_write(content, extracted, folding.result(), report, renderer(pool),
                                             checker(pool))
            written = not dry_run
            report.merges = explain_all(extracted, plan.merges, plan.view.merges)
            count_content(plan.final_sheets(), report)
            report.problems = problems()  # last: a worker checks the content meanwhile
    except KeyboardInterrupt:
        if not written:
            raise
        raise GenerateError(f"interrupted after the content was written; {CHECK}") from None
    return report


def merge_and_write(content: Path, extracted: list[Extracted], folded: Folded, report: GenerateReport,
                    render: Render | None, check: Check | None) -> tuple[Plan, Problems]:
    """Under the content's lock, the articles' extractions (folded into one in their
    order: `folded`) merged with the content; written (the sheets, the articles' texts,
    then the new records), or in a dry run only reported. Returns the plan, and the wait
    for the problems left in the content (`write_plan`; none in a dry run)."""
    problems: Problems = list  # a dry run checks nothing: no problems
    with nullcontext() if report.dry_run else content_lock(content):
        plan = plan_folded(content, folded, report)
        if report.dry_run:
            report.changes = [step.change for step in plan.final_steps()]
            report.changes += [Change(p, [], not p.exists()) for p in schema_changes(content)]
            report.changes += [Change(p, ["text"], not p.exists())
                               for p in text_changes(article_texts(content, extracted))]
        else:
            texts = article_texts(content, extracted)
            problems = write_plan(content, plan, report, render, check, texts)
            try:
                write_texts(texts, report)
                save_records(content, extracted)
            except KeyboardInterrupt:
                raise GenerateError(f"interrupted after the sheets were written; {REST}") from None
            except GenerateError as exc:
                raise GenerateError(f"{exc}; the sheets are written, and {REST}") from None
    return plan, problems


def article_texts(content: Path, extracted: list[Extracted]) -> dict[Path, str]:
    """Each article's text as the tool read it, by the file it is kept in (`sources/<id>.txt`):
    the site shows it as the source's page, with every cited sentence highlighted, so a
    reader checks a fact against the words it came from."""
    return {source_text_file(content, e.article.id): e.article.text + "\n" for e in extracted}


def text_changes(texts: dict[Path, str]) -> list[Path]:
    """The text files a run would write (`article_texts`): those whose text differs."""
    return [path for path, text in texts.items() if text_of(path) != text]


def write_texts(texts: dict[Path, str], report: GenerateReport) -> None:
    """Keep the articles' texts (`article_texts`). Written after the sheets, so a run that
    stops leaves valid sheets."""
    for path, text in texts.items():
        try:
            if write_atomic(path, text):
                report.written.append(path)
        except OSError as exc:
            raise GenerateError(f"{path}: cannot write ({exc.strerror})") from None


def origin_line(article: Article) -> str:
    """Where an article's title and date came from, said so a person can check both:
    a title from no headline, or a date from nowhere, is worth a look before publishing."""
    published = article.published or "unknown"
    return (f"{article.path}: title '{article.title}' (from {article.title_from}); "
            f"published {published} (from {article.published_from})")


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


def explain_all(extracted: list[Extracted], merges: list[list[Merge]], final: list[Merge]) -> list[str]:
    """`--explain` for a run: one article's extraction with the decisions of its fold into
    the briefing; for several, each with the decisions that folded it into the others
    (`fold_each`), then those that folded them all into the briefing."""
    if len(extracted) == 1:
        return explain_merges(extracted[0].extraction, final)
    lines = [line for e, found in zip(extracted, merges, strict=True)
             for line in explain_merges(e.extraction, found)]
    return lines + [str(m) for m in final]


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


