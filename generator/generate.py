"""`briefing generate`: read inputs, extract, merge into content/, write atomically.

The order of work is chosen so that nothing a person has is put at risk:
1. every input is read and checked before anything else, and one bad input stops the
   run with nothing written;
2. the spaCy pipeline is loaded once and the articles go through it together;
3. under a lock, the new extraction is merged three ways with what is on disk and with
   what the generator wrote last time (its state in `content/.briefing/`), so hand
   edits, comments and deletions survive (see merge.py);
4. files are written atomically and in an order that keeps `content/` valid at every
   moment, and a file whose content does not change is not touched at all.
"""

from __future__ import annotations

import copy
import io
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from . import merge
from .inputs import InputError, check_english
from .merge import Conflict, View, plain
from .schema import json_schema, modeline
from .store import (
    STATE_DIR,
    ContentError,
    _yaml,
    export_json_schemas,
    load_content,
    parse_yaml,
    to_yaml_data,
    write_atomic,
)

STATE_FILE = "state.json"
LOCK_FILE = "lock"
LOCK_WAIT = 30.0  # seconds to wait for another run writing the same content
FOLDERS = ("actors", "events")
# Seconds to wait after each file written: lets the crash tests kill a run mid-write.
WRITE_PAUSE = float(os.environ.get("BRIEFING_WRITE_PAUSE", "0") or 0)


class GenerateError(Exception):
    """A run that cannot go ahead; the message names the input or file at fault."""


@dataclass
class Change:
    """One file the run writes (or, in a dry run, would write), and which fields change."""

    path: Path
    fields: list[str]
    new: bool

    def __str__(self) -> str:
        if self.new:
            return f"{self.path} (new)"
        return f"{self.path} ({', '.join(self.fields) or 'layout'})"


@dataclass
class GenerateReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    actor_kinds: dict[str, int] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    kept_deleted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        """What a person needs after a run: what is there, what changed, what to check."""
        lines = [self._counts_line()]
        if self.dry_run:
            lines.append(f"dry run: {len(self.changes)} file(s) would change, nothing written")
            lines += [f"  would write {c}" for c in self.changes]
        else:
            lines.append(f"{len(self.written)} file(s) written, {len(self.unchanged)} unchanged")
            new = [c for c in self.changes if c.new]
            if new:
                lines.append(f"  {len(new)} new sheet(s): {', '.join(c.path.name for c in new)}")
            lines += [f"  updated {c}" for c in self.changes if not c.new]
        if self.kept_deleted:
            lines.append(f"kept deleted ({len(self.kept_deleted)}): {', '.join(self.kept_deleted)}")
        if self.conflicts:
            lines.append(f"conflicts ({len(self.conflicts)}): your edits kept")
            lines += [f"  {c}" for c in self.conflicts]
        if self.unresolved:
            lines.append(f"could not resolve ({len(self.unresolved)}):")
            lines += [f"  {u}" for u in self.unresolved]
        if self.problems:
            lines.append(f"content problems to fix by hand ({len(self.problems)}):")
            lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def _counts_line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.actor_kinds.items()))
        c = self.counts
        return (f"read {len(self.articles)} article(s); the briefing has "
                f"{c.get('actors', 0)} actors ({kinds or 'none'}), "
                f"{c.get('events', 0)} events, {c.get('claims', 0)} claims, "
                f"{c.get('relations', 0)} relations, {c.get('background', 0)} background items")


def run_generate(paths: list[Path], content: Path, published: str | None = None,
                 dry_run: bool = False) -> GenerateReport:
    """Generate (or regenerate) the briefing in `content` from the articles at `paths`."""
    articles = read_inputs(paths, published)
    try:
        extraction = extract_all(articles)
    except KeyboardInterrupt:
        raise GenerateError("interrupted before anything was written; the content is unchanged") from None
    report = GenerateReport(articles=[a.id for a in articles], dry_run=dry_run)
    report.unresolved = quality_notes(articles, extraction)
    new = view_of(extraction)
    with nullcontext() if dry_run else content_lock(content):
        plan = plan_run(content, new, {a.id for a in articles}, report)
        if dry_run:
            report.changes = [step.change for step in plan.final_steps()]
            report.changes += [Change(p, [], not p.exists()) for p in schema_changes(content)]
        else:
            write_plan(content, plan, report)
    count_content(plan.final_sheets(), report)
    if not dry_run:
        report.problems = validation_problems(content)
    return report


# --- inputs --------------------------------------------------------------------------


def read_inputs(paths: list[Path], published: str | None) -> list:
    """Every article read and checked; GenerateError naming each bad input otherwise."""
    from .reading import read_article

    articles, errors = [], []
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


def duplicate_ids(articles: list) -> list[str]:
    seen: dict[str, Path] = {}
    errors = []
    for article in articles:
        if article.id in seen:
            errors.append(f"{article.path}: has the same article id '{article.id}' as {seen[article.id]}; "
                          "expected each article once (rename one of the files)")
        seen.setdefault(article.id, article.path)
    return errors


# --- extraction ----------------------------------------------------------------------


def extract_all(articles: list):
    """Load the pipeline once and extract from all articles together (one nlp.pipe)."""
    from .extract import extract
    from .nlp import load_pipeline

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

    def __init__(self, nlp: Any, advance):
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
def progress(articles: list) -> Iterator:
    """A Rich progress bar on stderr while several articles are processed (a terminal only)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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


def quality_notes(articles: list, extraction) -> list[str]:
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


def view_of(extraction) -> View:
    """The extraction as plain sheet data, in the field order the sheets are written in."""
    return View(
        actors={i: plain(to_yaml_data(a)) for i, a in extraction.actors.items()},
        events={i: plain(to_yaml_data(e)) for i, e in extraction.events.items()},
        briefing=plain(to_yaml_data(extraction.briefing)),
    )


# --- the lock and the state -----------------------------------------------------------


@contextmanager
def content_lock(content: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One writer per content folder. An OS lock (flock): a killed run's lock dies with it."""
    state_dir = content / STATE_DIR
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GenerateError(f"{content}: cannot create the generator's state folder "
                            f"({exc.strerror})") from None
    lock = FileLock(str(state_dir / LOCK_FILE), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise GenerateError(f"{content}: another `briefing generate` is writing this content; "
                            "wait for it to finish, then run again") from None
    try:
        yield
    finally:
        lock.release()


def read_state(content: Path) -> View:
    path = content / STATE_DIR / STATE_FILE
    if not path.exists():
        return View()
    try:
        return View.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, OSError, AttributeError):
        # A damaged state costs only the memory of past output: merge as if none.
        return View()


def state_text(view: View) -> str:
    return json.dumps(view.to_json(), ensure_ascii=False, indent=1) + "\n"


# --- the plan ------------------------------------------------------------------------


@dataclass
class Step:
    """One file to write: its final data, and (when it names sheets not yet written) the
    version that keeps the content valid until they are."""

    path: Path
    kind: str  # actor | event | briefing
    data: Any
    change: Change
    interim: Any = None


@dataclass
class Plan:
    actors: list[Step] = field(default_factory=list)
    events: list[Step] = field(default_factory=list)
    briefing: Step | None = None
    register_sources: bool = False  # briefing.yml gains sources the sheets will cite
    view: View = field(default_factory=View)
    sheets: dict[str, dict[str, Any]] = field(default_factory=dict)  # folder -> id -> plain data

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

    def view(self) -> View:
        return View({i: plain(d) for i, d in self.sheets["actors"].items()},
                    {i: plain(d) for i, d in self.sheets["events"].items()},
                    plain(self.briefing) if self.briefing is not None else None)


def read_disk(content: Path) -> Disk:
    """Every sheet on disk; a file that does not parse stops the run (it cannot be merged)."""
    sheets: dict[str, dict[str, Any]] = {f: {} for f in FOLDERS}
    paths: dict[str, dict[str, Path]] = {f: {} for f in FOLDERS}
    errors = []
    for folder in FOLDERS:
        for path in sorted((content / folder).glob("*.y*ml")):
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


def plan_run(content: Path, new: View, run: set[str], report: GenerateReport) -> Plan:
    """Merge the new extraction into what is on disk, in memory; decide what to write."""
    disk = read_disk(content)
    base = read_state(content)
    view, _ = merge.fold(base, disk.view(), new, run)
    plan = Plan(view=view)
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
                merged[folder][sheet_id] = merge.to_rt(theirs)
            else:
                report.conflicts += merge.merge_sheet(getattr(base, folder).get(sheet_id), ours, theirs,
                                                      f"{content / folder / sheet_id}.yml")
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
            path = content / folder / f"{sheet_id}.yml"
            step = make_step(path, folder[:-1], data, befores[folder][sheet_id])
            if step:
                getattr(plan, folder).append(step)
    plan.sheets = {f: {i: plain(d) for i, d in merged[f].items()} for f in FOLDERS}
    plan.briefing = make_step(content / "briefing.yml", "briefing", briefing, briefing_before)
    plan.register_sources = bool(briefing_before is not None and plan.briefing and
                                 source_ids(plain(briefing)) - source_ids(briefing_before))
    plan.sheets["briefing"] = {"briefing": plain(briefing)}
    add_interims(plan, {i for f in FOLDERS for i in disk.sheets[f]})
    return plan


def merge_briefing(content: Path, disk: Disk, base: View, view: View,
                   report: GenerateReport) -> tuple[Any, Any]:
    """briefing.yml merged like a sheet; written again if a person removed it, since every
    sheet cites the sources it lists."""
    theirs = view.briefing or {}
    if disk.briefing is None:
        return merge.to_rt(theirs), None
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
    after = plain(data)
    if before is not None and after == before:
        return None
    if before is None:
        return Step(path, kind, data, Change(path, [], True))
    keys = list(dict.fromkeys([*after, *before]))
    fields = [k for k in keys if after.get(k, merge.MISSING) != before.get(k, merge.MISSING)]
    return Step(path, kind, data, Change(path, fields, False))


def add_interims(plan: Plan, existing: set[str]) -> None:
    """Actors are written before events, but an actor may name an event (a claim about
    it) or another new actor: until those exist, write it without those references."""
    for step in plan.actors:
        missing = merge.references(step.data) - existing
        if missing:
            interim = copy.deepcopy(step.data)
            merge.drop_references(interim, missing)
            step.interim = interim


# --- writing -------------------------------------------------------------------------


def file_text(kind: str, data: Any) -> str:
    """The sheet's text: its schema modeline on the first line, then the YAML (with every
    comment a person wrote where they wrote it)."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    text = stream.getvalue()
    if text.startswith("# yaml-language-server:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return f"{modeline(kind)}\n{text}"


def write_plan(content: Path, plan: Plan, report: GenerateReport) -> None:
    """Write in the order that keeps content/ valid whenever the run stops: schemas;
    briefing.yml first only to register new sources; actors (without references to what
    is not written yet); events; those actors in full; briefing.yml; the state."""
    clean_temp_files(content)
    try:
        report.written += export_json_schemas(content)
        if plan.register_sources and plan.briefing:
            write(plan.briefing.path, "briefing", plan.briefing.data)
        for step in plan.actors:
            write(step.path, "actor", step.interim if step.interim is not None else step.data)
        for step in plan.events:
            write(step.path, "event", step.data)
        for step in plan.actors:
            if step.interim is not None:
                write(step.path, "actor", step.data)
        if plan.briefing:
            write(plan.briefing.path, "briefing", plan.briefing.data)
        if write_atomic(content / STATE_DIR / STATE_FILE, state_text(plan.view)):
            readable(content / STATE_DIR / STATE_FILE)
    except KeyboardInterrupt:
        raise GenerateError("interrupted; the sheets written so far are valid; run again to finish") from None
    except OSError as exc:
        raise GenerateError(f"{exc.filename or content}: cannot write ({exc.strerror}); "
                            "the sheets written so far are valid") from None
    for step in plan.final_steps():
        report.written.append(step.path)
        report.changes.append(step.change)
    counted = set(report.written)
    report.unchanged = [p for p in sheet_files(content) if p not in counted]


def write(path: Path, kind: str, data: Any) -> None:
    if write_atomic(path, file_text(kind, data)):
        readable(path)
        if WRITE_PAUSE:
            time.sleep(WRITE_PAUSE)


def readable(path: Path) -> None:
    """A temporary file is private (0600); the sheet it becomes is an ordinary file."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def sheet_files(content: Path) -> list[Path]:
    files = [p for f in FOLDERS for p in sorted((content / f).glob("*.y*ml"))]
    return files + ([content / "briefing.yml"] if (content / "briefing.yml").exists() else [])


def clean_temp_files(content: Path) -> None:
    """Temporary files a killed run left behind (write_atomic's `.NAME.*.tmp`)."""
    for folder in (content, *(content / f for f in FOLDERS), content / STATE_DIR):
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def schema_changes(content: Path) -> list[Path]:
    """The JSON Schema files a run would write (for --dry-run)."""
    changed = []
    for kind in ("actor", "event", "briefing"):
        path = content / "schema" / f"{kind}.json"
        text = json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
    return changed


# --- the report ----------------------------------------------------------------------


def count_content(sheets: dict[str, dict[str, Any]], report: GenerateReport) -> None:
    """Counts of what the briefing holds after the run, per kind."""
    actors = sheets.get("actors", {}).values()
    briefing = next(iter(sheets.get("briefing", {}).values()), {}) or {}
    report.actor_kinds = dict(Counter(str(a.get("kind")) for a in actors))
    report.counts = {
        "actors": len(actors),
        "events": len(sheets.get("events", {})),
        "claims": sum(len(merge.as_list(a.get("claims"))) for a in actors),
        "relations": sum(len(merge.as_list(a.get("relations"))) for a in actors),
        "background": len(merge.as_list(briefing.get("background"))),
    }


def validation_problems(content: Path) -> list[str]:
    """Problems left in content/ after the run (a person's own edits, never the merge's)."""
    try:
        load_content(content)
    except ContentError as exc:
        return [str(e) for e in exc.errors]
    return []
