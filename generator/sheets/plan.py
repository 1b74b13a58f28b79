"""A run's plan: the extraction merged into what is on disk, in memory, and written in
an order that keeps `content/` valid at every moment.

Sheets a person edited are merged three ways (`merge.py`) against the generator's last
output (`state.py`); a file whose data does not change is not touched; actors are
written first without references to sheets not yet on disk, then events, then the
actors in full, then `briefing.yml`, then the state. Every file is staged (on the disk
beside its own) before the first is put in place by a rename, with a journal of the
writes kept in between (`journal.py`).
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.sheets import merge
from generator.sheets.fold import Folded, Merge, SheetSet, fold, fold_each
from generator.sheets.journal import end_journal, finish_journal, start_journal, text_of
from generator.sheets.merge import plain
from generator.sheets.report import Change, GenerateError, GenerateReport
from generator.sheets.state import STATE_FILE, read_state, state_text
from generator.sheets.store import (
    EXTRACTED_DIR,
    SCHEMA_DIR,
    SHEET_GLOB,
    STATE_DIR,
    TEXTS_DIR,
    ContentError,
    export_json_schemas,
    load_content,
    parse_yaml,
    put_in_place,
    sheet_text,
    stage,
    write_atomic,
)

FOLDERS = ("actors", "events")
UNFINISHED = "the sheets written so far are valid, and the next run finishes the writing first"
UNCHANGED = "the content is unchanged"
INTERRUPTED = f"interrupted before any sheet was written; {UNCHANGED}"

# Seconds to wait after each file written: lets the crash tests kill a run mid-write.
WRITE_PAUSE = float(os.environ.get("BRIEFING_WRITE_PAUSE", "0") or 0)


@dataclass
class Step:
    """One file to write: its final data, and (when it names sheets not yet written) the
    version that keeps the content valid until they are. A file on disk has round-trip
    data (a person's comments and layout kept); a new file, plain data, made round-trip
    data only where its text is made (`render_text`)."""

    path: Path
    kind: str  # actor | event | briefing
    data: Any
    change: Change
    interim: Any = None


class ToRender(NamedTuple):
    """A sheet whose text `Render` makes: its kind and data. A file the generator makes new
    holds nothing of a person's (no comment, no layout), so its data stays plain data
    (`plain`) from the plan to where it is rendered (`render_text` makes it round-trip
    data): a worker process receives 881 sheets that way in 0.01 s, against 0.37 s to
    pickle and unpickle their round-trip data, and the plan does not convert them to and
    fro. A file on disk goes as it was merged, comments and all."""

    kind: str  # actor | event | briefing
    data: Any
    plain: bool = False


# Makes the text of each sheet in a list, in order, each given as soon as it is made (in
# worker processes, say).
Render = Callable[[list[ToRender]], Iterable[str]]
# The wait for the problems found in the content (`validation_problems`).
Problems = Callable[[], list[str]]
# Starts checking the content as it will be once the texts (path -> text) are written (in a
# worker process, say, while this one writes them); returns the wait for its problems.
Check = Callable[[Path, dict[Path, str]], Problems]


def render_text(item: ToRender) -> str:
    """The text of one sheet file (`store.sheet_text`)."""
    return sheet_text(item.kind, merge.to_rt(item.data) if item.plain else item.data)


@dataclass
class Plan:
    actors: list[Step] = field(default_factory=list)
    events: list[Step] = field(default_factory=list)
    briefing: Step | None = None
    register_sources: bool = False  # briefing.yml is new or gains sources the sheets will cite
    view: SheetSet = field(default_factory=SheetSet)
    sheets: dict[str, dict[str, Any]] = field(default_factory=dict)  # folder -> id -> plain data
    merges: list[list[Merge]] = field(default_factory=list)  # per extraction: `fold_each`'s decisions

    def final_steps(self) -> list[Step]:
        return [*self.actors, *self.events, *([self.briefing] if self.briefing else [])]

    def final_sheets(self) -> dict[str, dict[str, Any]]:
        return self.sheets


@dataclass
class Disk:
    """The sheets on disk now, as round-trip data keyed by file name (the id)."""

    sheets: dict[str, dict[str, Any]]
    paths: dict[str, dict[str, Path]]
    briefing: Any = None

    def view(self) -> SheetSet:
        return SheetSet({i: plain(d) for i, d in self.sheets["actors"].items()},
                    {i: plain(d) for i, d in self.sheets["events"].items()},
                    plain(self.briefing) if self.briefing is not None else None)


def read_disk(content: Path) -> Disk:
    """Every sheet on disk; a file that does not parse stops the run (it cannot be merged)."""
    sheets: dict[str, dict[str, Any]] = {f: {} for f in FOLDERS}
    paths: dict[str, dict[str, Path]] = {f: {} for f in FOLDERS}
    errors = []
    for folder in FOLDERS:
        for path in sorted((content / folder).glob(SHEET_GLOB)):
            data, errs = parse_yaml(path)
            if errs or not isinstance(data, dict):
                errors += [str(e) for e in errs] or [f"{path}:1: not a mapping of fields; expected a sheet"]
                continue
            sheets[folder][path.stem] = data
            paths[folder][path.stem] = path
    briefing = None
    if (content / "briefing.yml").exists():
        briefing, errs = parse_yaml(content / "briefing.yml")
        errors += [str(e) for e in errs]
        if not errs and not isinstance(briefing, dict):
            errors.append(f"{content / 'briefing.yml'}:1: not a mapping of fields; expected the briefing")
    if errors:
        raise GenerateError("\n".join(errors) + "\nfix these files first (`briefing validate`); "
                            "nothing was written")
    return Disk(sheets, paths, briefing)


def plan_run(content: Path, new: SheetSet, run: set[str], report: GenerateReport) -> Plan:
    """Merge the new extraction of the articles `run` into what is on disk, in memory;
    decide what to write."""
    return plan_runs(content, [(new, run)], report)


def plan_runs(content: Path, runs: list[tuple[SheetSet, set[str]]], report: GenerateReport) -> Plan:
    """Merge several extractions (each with its articles, folded into one in the order
    given, see `fold_each`) into what is on disk, in memory; decide what to write."""
    return plan_folded(content, fold_each(runs), report)


def plan_folded(content: Path, folded: Folded, report: GenerateReport) -> Plan:
    """`plan_runs` for extractions already folded into one (`fold_each`, `FoldInOrder`)."""
    new, run, merges = folded
    if not report.dry_run:
        report.finished = finish_interrupted(content)
    disk = read_disk(content)
    base = read_state(content)
    view, _ = fold(base, disk.view(), new, run)
    plan = Plan(view=view, merges=merges)
    refs_before = set().union(*(merge.references(d) for f in FOLDERS for d in disk.sheets[f].values()))
    deleted = {i for f in FOLDERS for i in getattr(base, f) if i not in disk.sheets[f]}
    report.kept_deleted = sorted(deleted)
    final_ids = {i for f in FOLDERS for i in disk.sheets[f]} | \
                {i for f in FOLDERS for i in getattr(view, f) if i not in deleted}
    merged: dict[str, dict[str, Any]] = {f: dict(disk.sheets[f]) for f in FOLDERS}
    befores: dict[str, dict[str, Any]] = {f: {} for f in FOLDERS}
    for folder in FOLDERS:
        for sheet_id, theirs in getattr(view, folder).items():
            if sheet_id in deleted:
                continue
            ours = disk.sheets[folder].get(sheet_id)
            befores[folder][sheet_id] = plain(ours) if ours is not None else None
            if ours is None:
                merged[folder][sheet_id] = plain(theirs)  # a copy: the view is the state written
            else:
                report.conflicts += merge.merge_sheet(getattr(base, folder).get(sheet_id), ours, theirs,
                                                      str(disk.paths[folder][sheet_id]))
    briefing, briefing_before = merge_briefing(content, disk, base, view, report)
    dropped_sources = source_ids(base.briefing) - source_ids(plain(briefing))
    merge.drop_sources(briefing, dropped_sources)  # a source a person removed takes its quotes along
    for folder in FOLDERS:
        for sheet_id, data in merged[folder].items():
            if sheet_id not in befores[folder]:
                continue  # a sheet the generator does not make: left exactly as it is
            gone = {r for r in merge.references(data) - final_ids if r in deleted or r not in refs_before}
            merge.drop_references(data, gone)
            merge.drop_sources(data, dropped_sources)
            path = disk.paths[folder].get(sheet_id, content / folder / f"{sheet_id}.yml")  # .yaml stays .yaml
            step = make_step(path, folder[:-1], data, befores[folder][sheet_id])
            if step:
                getattr(plan, folder).append(step)
    plan.sheets = {f: {i: plain(d) for i, d in merged[f].items()} for f in FOLDERS}
    plan.briefing = make_step(content / "briefing.yml", "briefing", briefing, briefing_before)
    registers = briefing_before is None or source_ids(plain(briefing)) - source_ids(briefing_before)
    plan.register_sources = bool(plan.briefing and registers)
    plan.sheets["briefing"] = {"briefing": plain(briefing)}
    add_interims(plan, {i for f in FOLDERS for i in disk.sheets[f]})
    return plan


def finish_interrupted(content: Path) -> list[Path]:
    """An interrupted run's writes, finished first (`journal.finish_journal`); a file that
    cannot be written stops this run, as it stopped that one."""
    try:
        return finish_journal(content)
    except OSError as exc:
        raise GenerateError(f"{exc.filename or content}: cannot write ({exc.strerror}); an interrupted "
                            "run's writing is still unfinished, and this run wrote nothing") from None


def merge_briefing(content: Path, disk: Disk, base: SheetSet, view: SheetSet,
                   report: GenerateReport) -> tuple[Any, Any]:
    """briefing.yml merged like a sheet; written again if a person removed it, since every
    sheet cites the sources it lists."""
    theirs = view.briefing or {}
    if disk.briefing is None:
        return plain(theirs), None
    before = plain(disk.briefing)
    report.conflicts += merge.merge_sheet(base.briefing, disk.briefing, theirs, str(content / "briefing.yml"))
    return disk.briefing, before


def source_ids(briefing: Any) -> set[str]:
    if not isinstance(briefing, dict):
        return set()
    return {str(s.get("id")) for s in merge.as_list(briefing.get("sources")) if isinstance(s, dict)}


def make_step(path: Path, kind: str, data: Any, before: Any) -> Step | None:
    """A write, or None when the data is what the file already holds (it stays untouched,
    byte for byte, even if a person laid it out differently from the generator)."""
    if before is None:
        return Step(path, kind, data, Change(path, [], True))
    after = plain(data)
    if after == before:
        return None
    keys = list(dict.fromkeys([*after, *before]))
    fields = [k for k in keys if after.get(k, merge.MISSING) != before.get(k, merge.MISSING)]
    return Step(path, kind, data, Change(path, fields, False))


def add_interims(plan: Plan, existing: set[str]) -> None:
    """Actors are written before events, but an actor may name an event (a claim about
    it) or a new actor written after it: until those exist, write it without those
    references. (An actor written before it exists by then, so naming it needs no interim:
    a file written once instead of twice.)"""
    existing = set(existing)
    for step in plan.actors:
        missing = merge.references(step.data) - existing
        if missing:
            interim = plain(step.data) if step.change.new else copy.deepcopy(step.data)
            merge.drop_references(interim, missing)
            step.interim = interim
        existing.add(step.path.stem)


def write_plan(content: Path, plan: Plan, report: GenerateReport, render: Render | None = None,
               check: Check | None = None, after: dict[Path, str] | None = None) -> Problems:
    """Write in the order that keeps content/ valid whenever the run stops: briefing.yml
    first only when it is new or registers new sources; actors (without references to what
    is not written yet); events; those actors in full; briefing.yml; the state. Every
    file is staged first (`stage_writes`: its text made, by `render` in worker processes
    when given, and on the disk beside its file), then the journal kept (a failure until
    then leaves the content unchanged, and no file behind), then the schemas written and
    the files put in place one after another, each a rename. Returns the wait for the
    problems left in the content (`validation_problems`): found by `check` while this
    process goes on (in a worker, say), with the files the caller writes `after` the
    sheets (path -> text: the articles' texts), or here once the content is written
    (without `check`)."""
    clean_temp_files(content)
    staged: list[Staged] = []
    try:
        staged = stage_writes(planned_writes(plan, render))
        coming = {item.path: item.text for item in staged} | (after or {})
        problems = (check or check_when_written)(content, coming)
        state = state_text(plan.view)
        # a run stopped from here on is finished by the next
        start_journal(content, [(item.path, item.text) for item in staged], state)
    except KeyboardInterrupt:
        discard(staged)
        raise GenerateError(INTERRUPTED) from None
    except OSError as exc:
        discard(staged)
        raise GenerateError(f"{exc.filename or content}: cannot write ({exc.strerror}); "
                            f"{UNCHANGED}") from None
    try:
        report.written += export_json_schemas(content)
        put_all(staged)
        write_atomic(content / STATE_DIR / STATE_FILE, state)
        end_journal(content)
    except KeyboardInterrupt:
        raise GenerateError(f"interrupted while writing; {UNFINISHED}") from None
    except OSError as exc:
        raise GenerateError(f"{exc.filename or content}: cannot write ({exc.strerror}); "
                            f"{UNFINISHED}") from None
    for step in plan.final_steps():
        report.written.append(step.path)
        report.changes.append(step.change)
    counted = set(report.written)
    report.unchanged = [p for p in sheet_files(content) if p not in counted]
    return problems


def planned_writes(plan: Plan, render: Render | None = None) -> Iterator[tuple[Path, str]]:
    """Each file the plan writes with its text, in the order written: briefing.yml first
    only when it is new or registers new sources; actors (an interim version without
    references to what is not written yet); events; those actors in full; briefing.yml.
    Each text as it is made, by `render` when given (YAML's round-trip dumper is most of a
    merge's time)."""
    briefing = [(plan.briefing, plan.briefing.data)] if plan.briefing else []
    actors = [(step, step.interim if step.interim is not None else step.data) for step in plan.actors]
    events = [(step, step.data) for step in plan.events]
    in_full = [(step, step.data) for step in plan.actors if step.interim is not None]
    order = (briefing if plan.register_sources else []) + actors + events + in_full + briefing
    items = [ToRender(step.kind, data, step.change.new) for step, data in order]
    texts = render(items) if render is not None else map(render_text, items)
    return zip([step.path for step, _ in order], texts, strict=True)


class Staged(NamedTuple):
    """One write of a run, ready to put in place: the file, its text, and the temporary
    file that holds the text (`store.stage`; None when the file will hold it already)."""

    path: Path
    text: str
    temp: Path | None


def stage_writes(writes: Iterable[tuple[Path, str]]) -> list[Staged]:
    """Each write staged as its text arrives. With the texts made in worker processes,
    this process waits on the disk while they make the rest, and putting the files in
    place is then a matter of renames: content/ is half old, half new for a moment
    instead of for the whole writing. A write whose file holds its text by then is not
    staged. On any failure the staged files are removed, and the content is unchanged."""
    holds: dict[Path, str | None] = {}
    staged: list[Staged] = []
    try:
        for path, text in writes:
            before = holds[path] if path in holds else text_of(path)
            staged.append(Staged(path, text, None if before == text else stage(path, text)))
            holds[path] = text
    except BaseException:
        discard(staged)
        raise
    return staged


def put_all(staged: list[Staged]) -> None:
    """The staged files put in place in their order; those not yet in place are removed
    when one fails (or Ctrl-C comes): the journal has them."""
    for done, item in enumerate(staged):
        try:
            put(item)
        except BaseException:
            discard(staged[done:])
            raise


def put(item: Staged) -> None:
    if item.temp is not None:
        put_in_place(item.temp, item.path)
        if WRITE_PAUSE:
            time.sleep(WRITE_PAUSE)


def discard(staged: list[Staged]) -> None:
    for item in staged:
        if item.temp is not None:
            item.temp.unlink(missing_ok=True)


def sheet_files(content: Path) -> list[Path]:
    files = [p for f in FOLDERS for p in sorted((content / f).glob(SHEET_GLOB))]
    return files + ([content / "briefing.yml"] if (content / "briefing.yml").exists() else [])


def clean_temp_files(content: Path) -> None:
    """Temporary files a stopped run left behind (`store.stage`'s `.NAME.*.tmp`), in every
    folder the generator writes in (and no other: a person's own files are theirs)."""
    folders = (content, *(content / f for f in FOLDERS), content / TEXTS_DIR, content / SCHEMA_DIR,
               content / STATE_DIR, content / STATE_DIR / EXTRACTED_DIR)
    for folder in folders:
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def validation_problems(content: Path, texts: dict[Path, str] | None = None) -> list[str]:
    """Problems left in content/ after the run (a person's own edits, never the merge's),
    as `briefing validate` words them; `texts`: files about to be written (`load_content`)."""
    try:
        load_content(content, texts=texts)
    except ContentError as exc:
        return [str(e) for e in exc.errors]
    return []


def check_when_written(content: Path, texts: dict[Path, str]) -> Problems:
    """`Check` in this process: the content read once it is written."""
    return lambda: validation_problems(content)
