"""Reading and writing `content/`: sheets in, typed models out, every error located.

A person edits these files by hand, so a mistake is reported as
`path:line: what is wrong; what was expected` and never as a traceback. `parse` turns a
file into round-trip data (or its located YAML error); here that data meets the schema,
the ids meet the references, and `load_content` returns what the site draws. It is the
one validation path: `briefing validate` and the MkDocs plugin both call it.
"""

from __future__ import annotations

import difflib
import fnmatch
import io
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.schema import SCHEMAS, Actor, Briefing, Event, Sheet, SourceRef, json_schema, modeline
from generator.sheets.parse import (
    FastParseFailed,
    SheetError,
    line_of,
    parse_yaml,
    read_text,
    round_trip_yaml,
)
from generator.text import ID_PATTERN

SHEET_FOLDERS = {"actors": Actor, "events": Event}
STATE_DIR = ".briefing"
EXTRACTED_DIR = "extracted"  # under STATE_DIR: one record per article, ID.json (`batch.py`)
SCHEMA_DIR = "schema"  # the sheets' JSON Schemas, KIND.json
TEXTS_DIR = "sources"
SHEET_GLOB = "*.y*ml"  # a sheet file's name: .yml or .yaml


class ContentError(Exception):
    """Content that does not validate; carries every error found, not just the first."""

    def __init__(self, errors: list[SheetError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class Content:
    """A validated briefing: what the site renders and the generator merges into."""

    root: Path
    briefing: Briefing
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    # each source's text as the tool read it (`sources/<id>.txt`), by source id, in paragraphs
    texts: dict[str, list[str]] = field(default_factory=dict)


# --- validating ----------------------------------------------------------------------


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The nested model that holds the last key of `loc` (for field-name suggestions)."""
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        info = model.model_fields.get(str(key))
        if info is None:
            break
        inner = getattr(info.annotation, "__args__", (info.annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
    return model


def describe(error: dict, model: type[BaseModel], kind: str) -> tuple[str, str]:
    """A pydantic error as (what is wrong, what was expected), in a person's words."""
    loc = error["loc"]
    name = ".".join(str(k) for k in loc)
    last = str(loc[-1]) if loc else kind
    if error["type"] == "extra_forbidden":
        known = list(_model_at(model, loc).model_fields)
        close = difflib.get_close_matches(last, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
        return f"unknown field '{name}'", f"{hint} (free text goes in 'notes')"
    if error["type"] == "missing":
        return f"missing field '{name}'", f"every {kind} sheet has '{last}'"
    if error["type"] == "literal_error":
        return (
            f"'{name}' is '{error['input']}', outside its vocabulary",
            f"one of: {error['ctx']['expected']}",
        )
    message = error["msg"].removeprefix("Value error, ")
    problem, _, expected = message.partition("; ")
    return f"'{name}': {problem}", expected or f"a valid value for '{last}' (see the README)"


def validate_sheet(
    path: Path, data: Any, model: type[Sheet], kind: str
) -> tuple[Sheet | None, list[SheetError]]:
    """The typed sheet, or every schema error located at the line of its field."""
    if not isinstance(data, dict):
        return None, [SheetError(path, 1, _not_a_mapping(data), f"{_a(kind)} {kind} sheet (field: value)")]
    try:
        return model.model_validate(_plain(data)), []
    except ValidationError as exc:
        errors = [SheetError(path, line_of(data, e["loc"]), *describe(e, model, kind)) for e in exc.errors()]
        return None, errors


def _not_a_mapping(data: Any) -> str:
    """What the file holds instead of fields, said so a person sees what went wrong."""
    if data is None:
        return "the file is empty"
    if isinstance(data, list):
        return "the file is a list, not a mapping of fields"
    return f"the file is a single value ({str(data)[:40]!r}), not a mapping of fields"


def _a(word: str) -> str:
    """The article a kind takes ("an actor", "a briefing")."""
    return "an" if word[:1] in "aeiou" else "a"


def _plain(data: Any) -> Any:
    """Round-trip containers as dicts and lists (pydantic should not see ruamel types)."""
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, str):
        return str(data)
    return data


@dataclass
class _Loaded:
    """A sheet that validated, with its round-trip data for the lines of later errors."""

    path: Path
    data: Any
    sheet: Sheet


@dataclass
class _Folders:
    """The sheets of actors/ and events/: those that validated, and the ids of every file.
    A sheet that fails its schema still exists (the file name is the id), so the sheets
    naming it are not blamed: each bad sheet is reported once, at its own line."""

    loaded: dict[str, dict[str, _Loaded]]
    known: dict[str, set[str]]
    errors: list[SheetError]


class SheetMemo:
    """Sheets read and validated by an earlier `load_content`, by their file's signature
    (path, inode, size, modification time in ns). `mkdocs serve` keeps one across rebuilds,
    so after an edit only the edited sheet is read again; the checks across sheets (ids,
    references) still run on all of them. Only sheets that validated are kept."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int, int], Any, Sheet]] = {}

    @staticmethod
    def signature(path: Path) -> tuple[int, int, int]:
        info = path.stat()
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def get(self, path: Path) -> tuple[Any, Sheet] | None:
        """The data and sheet of `path` if the file is unchanged since they were kept."""
        entry = self._entries.get(path)
        try:
            return entry[1:] if entry is not None and entry[0] == self.signature(path) else None
        except OSError:
            return None

    def keep(self, path: Path, data: Any, sheet: Sheet) -> None:
        try:
            self._entries[path] = (self.signature(path), data, sheet)
        except OSError:
            pass


def load_content(root: Path, memo: SheetMemo | None = None,
                 texts: Mapping[Path, str] | None = None) -> Content:
    """Read and validate every sheet under `root`; raise ContentError listing all problems.
    The one validation path: `briefing validate` and the MkDocs plugin both call this, and
    the site draws every value it accepts. The sheets are read with libyaml first (fast;
    most builds find nothing wrong), then, if anything is wrong, again with the round-trip
    parser, whose line numbers locate each problem. `memo` skips sheets unchanged since it
    last saw them (see SheetMemo). `texts` (path under `root` -> text): files about to be
    written, read as if they were, so `briefing generate --jobs N` checks the content it
    writes in a worker while it writes it."""
    texts = texts or {}
    try:
        return _load_content(root, True, texts, memo)
    except (ContentError, FastParseFailed):
        return _load_content(root, False, texts)


def _load_content(root: Path, fast: bool, texts: Mapping[Path, str],
                  memo: SheetMemo | None = None) -> Content:
    briefing, errors = _load_briefing(root, root / "briefing.yml", fast, texts.get(root / "briefing.yml"))
    folders = _load_folders(root, fast, texts, memo)
    errors += folders.errors + _check_references(folders, briefing)
    source_ids = [s.id for s in briefing.sheet.sources] if briefing else []  # type: ignore[union-attr]
    sources, more = load_texts(root, source_ids, texts)
    errors += more
    if errors or briefing is None:
        raise ContentError(errors)
    loaded = folders.loaded
    return Content(
        root=root,
        briefing=briefing.sheet,  # type: ignore[arg-type]
        actors={k: v.sheet for k, v in loaded["actors"].items()},  # type: ignore[misc]
        events={k: v.sheet for k, v in loaded["events"].items()},  # type: ignore[misc]
        texts=sources,
    )


def source_text_file(root: Path, source_id: str) -> Path:
    """Where `briefing generate` keeps an article's text as it read it: the page a reader
    checks a citation against. Plain text, paragraphs separated by blank lines."""
    return root / TEXTS_DIR / f"{source_id}.txt"


def load_texts(root: Path, source_ids: list[str],
               coming: Mapping[Path, str]) -> tuple[dict[str, list[str]], list[SheetError]]:
    """The texts of the sources that have one, as paragraphs (`coming`: texts about to be
    written, by path); a source without (older briefings, a file a person deleted) is cited
    by its entry on the sources page instead. A text that cannot be read (not UTF-8, say)
    is an error at its line."""
    texts, errors = {}, []
    for sid in source_ids:
        path = source_text_file(root, sid)
        if path in coming:
            text: str | None = coming[path]
        elif path.is_file():
            text, more = read_text(path, "a readable text file")
            errors += more
        else:
            continue
        paragraphs = re.split(r"\n\s*\n", text or "")
        texts[sid] = [p.strip() for p in paragraphs if p.strip()]
    return texts, errors


def _load_briefing(root: Path, path: Path, fast: bool = False,
                   text: str | None = None) -> tuple[_Loaded | None, list[SheetError]]:
    """briefing.yml (`text`, when it is about to be written), or a new project's default
    (titled after its folder) when there is none."""
    if text is None and not path.exists():
        return _Loaded(path, None, Briefing(title=root.resolve().parent.name or "Briefing")), []
    data, errors = parse_yaml(path, fast, text)
    sheet, more = (None, []) if errors else validate_sheet(path, data, Briefing, "briefing")
    errors += more + _check_source_ids(path, data, sheet)
    return (_Loaded(path, data, sheet) if sheet else None), errors


def _check_source_ids(path: Path, data: Any, briefing: Any) -> list[SheetError]:
    """Each source is an anchor on the sources page, so two with one id would be one entry."""
    seen: set[str] = set()
    errors = []
    for i, source in enumerate(briefing.sources if briefing else []):
        if source.id in seen:
            line = line_of(data, ("sources", i, "id"))
            problem = f"duplicate source id '{source.id}'"
            errors.append(SheetError(path, line, problem, "one entry per source; rename one of them"))
        seen.add(source.id)
    return errors


def _load_folders(root: Path, fast: bool, texts: Mapping[Path, str],
                  memo: SheetMemo | None = None) -> _Folders:
    """Every sheet of actors/ and events/ (on disk, or in `texts` about to be written),
    parsed and validated, each file reported on its own."""
    folders = _Folders({f: {} for f in SHEET_FOLDERS}, {f: set() for f in SHEET_FOLDERS}, [])
    for folder, model in SHEET_FOLDERS.items():
        coming = {p for p in texts if p.parent == root / folder and fnmatch.fnmatch(p.name, SHEET_GLOB)}
        for path in sorted({*(root / folder).glob(SHEET_GLOB), *coming}):
            text = texts.get(path)  # a file about to be written: not the one a memo saw
            kept = None if path in texts else memo
            data, sheet, errs = _read_sheet(path, model, folder[:-1], fast, kept, text)
            folders.errors += errs
            folders.known[folder] |= _claimed_ids(path, data)
            if sheet is not None:
                folders.errors += _check_id(path, data, sheet, folders.loaded)
                folders.loaded[folder].setdefault(sheet.id, _Loaded(path, data, sheet))  # type: ignore[attr-defined]
    return folders


def _read_sheet(path: Path, model: type[BaseModel], kind: str, fast: bool, memo: SheetMemo | None,
                text: str | None = None) -> tuple[Any, Sheet | None, list[SheetError]]:
    """One sheet file's data and validated sheet (None if it does not validate), and its
    errors; `text`: the file's text when it is about to be written."""
    kept = memo.get(path) if memo is not None else None
    if kept is not None:
        return kept[0], kept[1], []
    data, errors = parse_yaml(path, fast, text)
    sheet, more = (None, []) if errors else validate_sheet(path, data, model, kind)
    if memo is not None and sheet is not None and not more:
        memo.keep(path, data, sheet)
    return data, sheet, errors + more


def _claimed_ids(path: Path, data: Any) -> set[str]:
    """The ids a sheet file stands for, valid or not: its name, and the id it says it has."""
    said = data.get("id") if isinstance(data, dict) else None
    return {path.stem, *([said] if isinstance(said, str) else [])}


def _check_id(path: Path, data: Any, sheet: Any, loaded: dict[str, dict[str, _Loaded]]) -> list[SheetError]:
    """The id is the file's name and no other sheet's: it is the page's path and its links."""
    line = line_of(data, ("id",))
    if sheet.id != path.stem:
        named = re.fullmatch(ID_PATTERN, path.stem)
        expected = f"id: {path.stem}" if named else f"a file named {sheet.id}{path.suffix}"
        problem = f"id '{sheet.id}' is not the file's name"
        return [SheetError(path, line, problem, f"{expected} (the file name is the id)")]
    for items in loaded.values():
        if sheet.id in items:
            other = items[sheet.id].path
            return [
                SheetError(
                    path,
                    line,
                    f"duplicate id '{sheet.id}', also used by {other}",
                    "one sheet per id; rename one of them",
                )
            ]
    return []


class _References:
    """Checks the ids and source articles one sheet names against what exists."""

    def __init__(self, folders: _Folders, articles: set[str] | None):
        self.actors = folders.known["actors"]
        self.events = folders.known["events"]
        self.articles = articles  # None: briefing.yml did not validate, so sources go unchecked
        self.errors: list[SheetError] = []

    def need(self, item: _Loaded, loc: tuple, ref: str, folders: tuple[str, ...]) -> None:
        """`ref` must be the id of a sheet in one of `folders`; else the closest id is offered."""
        pool = set().union(*(self.actors if f == "actors" else self.events for f in folders))
        if ref in pool:
            return
        close = difflib.get_close_matches(ref, sorted(pool), n=1)
        where = " or ".join(f"{f}/" for f in folders)
        hint = f"did you mean '{close[0]}'?" if close else f"the id of a sheet in {where}"
        problem = f"'{ref}' is not a known {' or '.join(f[:-1] for f in folders)}"
        self.errors.append(SheetError(item.path, line_of(item.data, loc), problem, hint))

    def need_sources(self, item: _Loaded, prefix: tuple, sources: list[SourceRef]) -> None:
        """Each source must be an entry of briefing.yml: the site links it to that entry."""
        for i, src in enumerate(sources):
            if self.articles is not None and src.article not in self.articles:
                self.errors.append(
                    SheetError(
                        item.path,
                        line_of(item.data, (*prefix, "sources", i, "article")),
                        f"source article '{src.article}' is not in briefing.yml's sources",
                        "the id of an entry under 'sources:' in briefing.yml",
                    )
                )

    def actor(self, item: _Loaded, actor: Actor) -> None:
        """An actor's relations, claims and sources."""
        self.need_sources(item, (), actor.sources)
        for i, rel in enumerate(actor.relations):
            self.need(item, ("relations", i, "target"), rel.target, ("actors",))
            self.need_sources(item, ("relations", i), rel.sources)
        for i, claim in enumerate(actor.claims):
            for j, who in enumerate(claim.by):
                self.need(item, ("claims", i, "by", j), who, ("actors",))
            for j, ref in enumerate(claim.about):
                self.need(item, ("claims", i, "about", j), ref, ("actors", "events"))
            self.need_sources(item, ("claims", i), claim.sources)

    def background(self, item: _Loaded, briefing: Briefing) -> None:
        """The background's sources, in briefing.yml itself."""
        for i, fact in enumerate(briefing.background):
            self.need_sources(item, ("background", i), fact.sources)

    def event(self, item: _Loaded, event: Event) -> None:
        """An event's place, participants and sources."""
        self.need_sources(item, (), event.sources)
        if event.place:
            self.need(item, ("place",), event.place, ("actors",))
        for i, part in enumerate(event.participants):
            self.need(item, ("participants", i, "actor"), part.actor, ("actors",))


def _check_references(folders: _Folders, briefing: _Loaded | None) -> list[SheetError]:
    """Every id a sheet names must be a sheet; every source must be a briefing source
    (the site links each quote to its source's entry: a missing one is a broken link)."""
    sources = briefing.sheet.sources if briefing else None  # type: ignore[attr-defined]
    refs = _References(folders, {s.id for s in sources} if sources is not None else None)
    if briefing is not None:
        refs.background(briefing, briefing.sheet)  # type: ignore[arg-type]
    for item in folders.loaded["actors"].values():
        refs.actor(item, item.sheet)  # type: ignore[arg-type]
    for item in folders.loaded["events"].values():
        refs.event(item, item.sheet)  # type: ignore[arg-type]
    return refs.errors


# --- writing -------------------------------------------------------------------------

DATE_FIELDS = {"date", "published"}
LAST_FIELDS = ("sources", "notes")


def to_yaml_data(sheet: BaseModel) -> CommentedMap:
    """A model as ordered YAML data: own fields first, provenance and notes last,
    dates always quoted, unset notes left out."""
    raw = sheet.model_dump(mode="json")
    own = [k for k in type(sheet).model_fields if k not in LAST_FIELDS]
    out = CommentedMap()
    for key in [*own, *LAST_FIELDS]:
        if key not in raw or (key == "notes" and raw[key] is None):
            continue
        out[key] = _yaml_value(key, raw[key], getattr(sheet, key))
    return out


def _yaml_value(key: str, value: Any, original: Any) -> Any:
    if key in DATE_FIELDS and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(original, BaseModel):
        return to_yaml_data(original)
    if isinstance(original, list):
        pairs = zip(original, value, strict=True)
        return [to_yaml_data(o) if isinstance(o, BaseModel) else v for o, v in pairs]
    return value


def sheet_text(kind: str, data: Any) -> str:
    """The text of a sheet file: its schema modeline on the first line, then the YAML
    (round-trip data keeps every comment a person wrote where they wrote it, and the
    modeline it was read with is not written twice)."""
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    text = stream.getvalue()
    if text.startswith("# yaml-language-server:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return f"{modeline(kind)}\n{text}"


def write_atomic(path: Path, text: str) -> bool:
    """Write through a temporary file and a rename, so a reader never sees half a file.
    Returns False (and touches nothing) when the file already holds this text."""
    if path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return False
    put_in_place(stage(path, text), path)
    return True


def stage(path: Path, text: str) -> Path:
    """`text` in a temporary file beside `path` (`.NAME.*.tmp`, which no reader looks
    for), on the disk (fsync) but not yet in place: `put_in_place` renames it over `path`
    in a moment. `briefing generate` stages all its files before it puts any in place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise naming(exc, path) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.chmod(tmp, mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise naming(exc, path) from exc
        raise
    return Path(tmp)


def put_in_place(staged: Path, path: Path) -> None:
    """A staged file (`stage`) renamed over `path`, which readers see change at once from
    the old text to the new; the staged file removed if the rename fails."""
    try:
        os.replace(staged, path)
    except BaseException as exc:
        staged.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise naming(exc, path) from exc
        raise


def naming(exc: OSError, path: Path) -> OSError:
    """The error of a write named by the file written, not by its temporary name: the
    name a person knows, in `path: cannot write (reason)`."""
    return OSError(exc.errno, exc.strerror, str(path))


def _default_mode() -> int:
    """What open() would give a new file (mkstemp's 0600 would hide sheets from others)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def schema_files(content: Path) -> dict[Path, str]:
    """content/schema/KIND.json and its text, for each sheet kind of the schema."""
    return {content / SCHEMA_DIR / f"{kind}.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False)
            + "\n" for kind in SCHEMAS}


def export_json_schemas(content: Path) -> list[Path]:
    """Write content/schema/*.json from the schema; returns the files that changed."""
    return [path for path, text in schema_files(content).items() if write_atomic(path, text)]


def schema_changes(content: Path) -> list[Path]:
    """The JSON Schema files an export would write (for --dry-run)."""
    return [path for path, text in schema_files(content).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]
