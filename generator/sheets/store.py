"""Reading and writing `content/`: sheets in, typed models out, every error located.

A person edits these files by hand, so a mistake is reported as
`path:line: what is wrong; what was expected` and never as a traceback. Loading goes
through ruamel.yaml's round-trip parser (safe: it builds only plain data) because it
knows the line of every key and item, which is what turns a schema error into a place.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.schema import SCHEMAS, Actor, Briefing, Event, Sheet, json_schema, modeline

SHEET_FOLDERS = {"actors": Actor, "events": Event}
STATE_DIR = ".briefing"


@dataclass(frozen=True)
class SheetError:
    """One problem in one sheet, at one line."""

    path: Path
    line: int
    problem: str
    expected: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}; {self.expected}"


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


# --- reading -------------------------------------------------------------------------


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def parse_yaml(path: Path) -> tuple[Any, list[SheetError]]:
    """The round-trip data of one file, or the syntax error with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [SheetError(path, 1, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")]
    try:
        return round_trip_yaml().load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return None, [SheetError(path, line, f"YAML syntax error: {problem}", "valid YAML")]


def line_of(data: Any, loc: tuple) -> int:
    """The 1-based line of the deepest node of `loc` that exists in the round-trip data."""
    line = getattr(getattr(data, "lc", None), "line", 0) + 1
    node = data
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


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
    if not isinstance(data, dict):
        return None, [
            SheetError(path, 1, "the file is not a mapping of fields", f"a {kind} sheet (field: value)")
        ]
    try:
        return model.model_validate(_plain(data)), []
    except ValidationError as exc:
        errors = [SheetError(path, line_of(data, e["loc"]), *describe(e, model, kind)) for e in exc.errors()]
        return None, errors


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
    path: Path
    data: Any
    sheet: Sheet


def load_content(root: Path) -> Content:
    """Read and validate every sheet under `root`; raise ContentError listing all problems."""
    errors: list[SheetError] = []
    briefing_path = root / "briefing.yml"
    briefing: Briefing | None = None
    loaded: dict[str, dict[str, _Loaded]] = {folder: {} for folder in SHEET_FOLDERS}
    if briefing_path.exists():
        data, errs = parse_yaml(briefing_path)
        errors += errs
        if not errs:
            sheet, errs = validate_sheet(briefing_path, data, Briefing, "briefing")
            errors += errs
            briefing = sheet  # type: ignore[assignment]
    for folder, model in SHEET_FOLDERS.items():
        for path in sorted((root / folder).glob("*.y*ml")):
            data, errs = parse_yaml(path)
            sheet, more = (None, []) if errs else validate_sheet(path, data, model, folder[:-1])
            errors += errs + more
            if sheet is not None:
                errors += _check_id(path, data, sheet, loaded)
                loaded[folder].setdefault(sheet.id, _Loaded(path, data, sheet))  # type: ignore[attr-defined]
    if briefing is None and not errors:  # a new project: titled after its folder
        briefing = Briefing(title=root.resolve().parent.name or "Briefing")
    errors += _check_references(loaded, briefing, briefing_path)
    if errors:
        raise ContentError(errors)
    return Content(
        root=root,
        briefing=briefing,  # type: ignore[arg-type]
        actors={k: v.sheet for k, v in loaded["actors"].items()},  # type: ignore[misc]
        events={k: v.sheet for k, v in loaded["events"].items()},  # type: ignore[misc]
    )


def _check_id(path: Path, data: Any, sheet: Any, loaded: dict[str, dict[str, _Loaded]]) -> list[SheetError]:
    line = line_of(data, ("id",))
    if sheet.id != path.stem:
        return [
            SheetError(
                path,
                line,
                f"id '{sheet.id}' is not the file's name",
                f"id: {path.stem} (the file name is the id)",
            )
        ]
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


def _check_references(
    loaded: dict[str, dict[str, _Loaded]], briefing: Briefing | None, briefing_path: Path
) -> list[SheetError]:
    """Every id a sheet names must be a sheet; every source must be a briefing source."""
    actors, events = loaded["actors"], loaded["events"]
    articles = {s.id for s in briefing.sources} if briefing else None
    errors: list[SheetError] = []

    def need(item: _Loaded, loc: tuple, ref: str, pool: dict, what: str) -> None:
        if ref not in pool:
            close = difflib.get_close_matches(ref, list(pool), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the id of a sheet in {what}/"
            errors.append(
                SheetError(
                    item.path, line_of(item.data, loc), f"'{ref}' is not a known {what[:-1]}", f"{hint}"
                )
            )

    def need_sources(item: _Loaded, prefix: tuple, sources: list) -> None:
        for i, src in enumerate(sources):
            if articles is not None and src.article not in articles:
                errors.append(
                    SheetError(
                        item.path,
                        line_of(item.data, (*prefix, "sources", i, "article")),
                        f"source article '{src.article}' is not in briefing.yml's sources",
                        "the id of an entry under 'sources:' in briefing.yml",
                    )
                )

    for item in actors.values():
        actor: Actor = item.sheet  # type: ignore[assignment]
        need_sources(item, (), actor.sources)
        for i, rel in enumerate(actor.relations):
            need(item, ("relations", i, "target"), rel.target, actors, "actors")
            need_sources(item, ("relations", i), rel.sources)
        for i, claim in enumerate(actor.claims):
            for j, who in enumerate(claim.by):
                need(item, ("claims", i, "by", j), who, actors, "actors")
            for j, ref in enumerate(claim.about):
                need(item, ("claims", i, "about", j), ref, {**actors, **events}, "actors or events")
            need_sources(item, ("claims", i), claim.sources)
    for item in events.values():
        event: Event = item.sheet  # type: ignore[assignment]
        need_sources(item, (), event.sources)
        if event.place:
            need(item, ("place",), event.place, actors, "actors")
        for i, part in enumerate(event.participants):
            need(item, ("participants", i, "actor"), part.actor, actors, "actors")
    return errors


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
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _default_mode() -> int:
    """What open() would give a new file (mkstemp's 0600 would hide sheets from others)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def schema_files(content: Path) -> dict[Path, str]:
    """content/schema/KIND.json and its text, for each sheet kind of the schema."""
    return {content / "schema" / f"{kind}.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False)
            + "\n" for kind in SCHEMAS}


def export_json_schemas(content: Path) -> list[Path]:
    """Write content/schema/*.json from the schema; returns the files that changed."""
    return [path for path, text in schema_files(content).items() if write_atomic(path, text)]


def schema_changes(content: Path) -> list[Path]:
    """The JSON Schema files an export would write (for --dry-run)."""
    return [path for path, text in schema_files(content).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]
