"""`briefing validate` and `mkdocs build` run one validation path: whatever a person does
to the sheets, neither prints a traceback, validate passes exactly when the build
succeeds, and when it fails the build names every problem validate names, at the same line.

A valid small briefing (tests/briefing_fixture.py) is damaged at random the ways a person
does it: fields deleted or renamed, values replaced by random scalars, lists and mappings,
unquoted impossible dates, kinds and ids outside the rules, broken YAML lines, control
characters, files emptied, truncated, saved as Latin-1, deleted or renamed, references to
ids that do not exist. Then both commands run on the same folder, the build in-process
with the project's own mkdocs.yml.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.cli import main
from generator.project import new_project
from tests.briefing_fixture import actors_data, events_data, write_content

pytestmark = pytest.mark.slow

IDS = [*actors_data(), *events_data()]
KEYS = ["id", "name", "kind", "title", "date", "place", "participants", "actor", "role", "relations",
        "target", "type", "claims", "by", "about", "sources", "article", "quote", "summary", "notes"]
ODD_TEXT = [
    "", " ", "index", "../x", "Russia", "nation", "party-time", "nobody", "armenya", "talks", "second",
    "2020-13-45", "2020-10-0X", "201X", "2020-21", "../2020-10-08", "2021/2020", "[2020-01, 2020-03]",
    "Y-17E7", "-0100", "http://[::1", "javascript:alert(1)", "a\nb", "russia\n", "**bold**", "{{ x }}",
    "<script>", *IDS,
]
SCALARS = (
    st.none() | st.booleans() | st.integers(-10, 3000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(ODD_TEXT)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=6,
)
Draw = Callable[[st.SearchStrategy], Any]
# Values the schema accepts but a page may find hard to draw: they must build.
TEXT_KEYS = {"name", "title", "summary", "notes", "text", "quote", "date_text", "url", "path"}
DATE_KEYS = {"date", "published"}
EDTF = ["2020-10-0X", "201X", "2020-XX", "2020-21", "2020-33", "../2020-10-08", "2020-10-08/..", "2021/2020",
        "2020-09~", "2020-09-21/2020-09-30", "[2020-01, 2020-03]", "{2020, 2021}", "Y-17E7", "-0100", "0000",
        "2020-10-09T10:00:00Z", "2020-10-09?", "2020-10~/2020-11%", "/2020"]
ODD_BUT_VALID = st.text(max_size=30) | st.sampled_from(ODD_TEXT)
BAD_LINES = [
    "aliases: [Russian, Moscow", "\tkind: country", "- stray item", ": :", 'name: "unterminated',
    "name: !!python/object/apply:os.system [echo]", "notes: !foo bar", "date: 2020-13-45",
    "date: 2020-02-30", "date: 2020-10-09 25:00:00", "kind: nation", "id: Russia", "name: Rus\asia",
    "name: second name", "place: nowhere", "  - {actor: nobody, role: party}", "---", "key: value: other",
]


@dataclass(frozen=True)
class Ran:
    """What one command printed and whether it succeeded."""

    ok: bool
    output: str

    def __str__(self) -> str:
        return f"{'ok' if self.ok else 'failed'}:\n{self.output}"

    def located(self) -> list[str]:
        """The `content/PATH:LINE: ...` lines."""
        return [line for line in self.output.splitlines() if line.startswith("content/")]


# --- damage ---------------------------------------------------------------------------


def paths_in(data: object, prefix: tuple = ()) -> Iterator[tuple]:
    """Every key and item position in a sheet's data."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        yield (*prefix, key)
        yield from paths_in(value, (*prefix, key))


def parent_of(data: Any, path: tuple) -> Any:
    """The mapping or list that holds the last step of `path`."""
    for key in path[:-1]:
        data = data[key]
    return data


def damage_data(draw: Draw, data: dict) -> None:
    """Delete, rename or replace one field or item anywhere in the sheet, or point it at an id."""
    paths = list(paths_in(data))
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    parent, key = parent_of(data, path), path[-1]
    action = draw(st.sampled_from(["delete", "rename", "replace", "replace", "reference"]))
    if action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[draw(st.sampled_from([*KEYS, f"{key}x", "sumary"]))] = parent.pop(key)
    elif action == "reference":
        parent[key] = draw(st.sampled_from([*IDS, "nobody", "rusia", "moscow-talk"]))
    else:
        parent[key] = draw(VALUES)


def odd_value(draw: Draw, data: dict) -> None:
    """Replace one free-text field or date with something odd that the schema accepts."""
    paths = [p for p in paths_in(data) if p[-1] in TEXT_KEYS | DATE_KEYS or p[-2:-1] == ("aliases",)]
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    value = draw(st.sampled_from(EDTF) if path[-1] in DATE_KEYS else ODD_BUT_VALID)
    parent_of(data, path)[path[-1]] = value


def damage_text(draw: Draw, text: str) -> str | bytes:
    """Break the file's text: a bad line, a cut, nothing at all, a list, or Latin-1 bytes."""
    lines = text.splitlines()
    action = draw(st.sampled_from(["line", "line", "line", "cut", "empty", "latin-1", "list"]))
    if action == "line":
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BAD_LINES)))
        return "\n".join(lines) + "\n"
    if action == "cut":
        return text[: draw(st.integers(0, len(text)))]
    if action == "latin-1":
        return (text + "notes: Rússia\n").encode("latin-1", errors="replace")
    return "" if action == "empty" else "- " + "\n- ".join(lines) + "\n"


def damage(content: Path, name: str, kind: str, draw: Draw) -> None:
    """One damage to one file (nothing when an earlier damage removed the file)."""
    path = content / name
    if not path.is_file():
        return
    text = path.read_bytes().decode("utf-8", errors="replace")
    if kind == "delete":
        path.unlink()
    elif kind == "rename":
        path.rename(path.with_name(draw(st.sampled_from(["gaul.yml", "moscow-talks.yml", "Bad Name.yml"]))))
    elif kind == "text":
        broken = damage_text(draw, text)
        path.write_bytes(broken if isinstance(broken, bytes) else broken.encode("utf-8"))
    elif isinstance(data := _plain_yaml(text), dict):
        (odd_value if kind == "odd" else damage_data)(draw, data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _plain_yaml(text: str) -> object:
    """The sheet as plain data, or None when an earlier damage left no YAML to edit."""
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # PyYAML too raises a bare ValueError on 2020-13-45
        return None


DAMAGES = st.lists(
    st.tuples(
        st.sampled_from(["briefing.yml", *(f"actors/{a}.yml" for a in actors_data()),
                         *(f"events/{e}.yml" for e in events_data())]),
        st.sampled_from(["odd", "odd", "odd", "data", "data", "data", "text", "text", "delete", "rename"]),
    ),
    min_size=1,
    max_size=3,
)


# --- the two commands -----------------------------------------------------------------


def run_validate() -> Ran:
    """`briefing validate` in the current folder; an exception Click caught is a traceback."""
    result = CliRunner().invoke(main, ["validate"])
    trace = "".join(traceback.format_exception(result.exception)) if result.exception and \
        not isinstance(result.exception, SystemExit) else ""
    return Ran(result.exit_code == 0, result.output + trace)


class _Records(logging.Handler):
    """What MkDocs logs at WARNING and above: where the plugin's located errors go."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def run_build(project: Path) -> Ran:
    """`mkdocs build --strict` in-process; an exception that is not MkDocs' own abort is
    what the command line would print as a traceback."""
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    try:
        build(load_config(str(project / "mkdocs.yml"), strict=True))
        ok, trace = True, ""
    except Abort:
        ok, trace = False, ""
    except Exception as exc:  # the test's whole point: any other exception is a traceback
        ok, trace = False, "".join(traceback.format_exception(exc))
    finally:
        logger.removeHandler(records)
    return Ran(ok, "\n".join([*records.lines, trace]))


# --- the property ---------------------------------------------------------------------


def new_briefing(root: Path) -> Path:
    """A `briefing new` project holding the valid test briefing."""
    new_project(root)
    write_content(root / "content")
    return root


@settings(max_examples=int(os.environ.get("VALIDATE_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(plan=DAMAGES, data=st.data())
def test_validate_passes_exactly_when_the_build_succeeds(plan: list[tuple], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(new_briefing(Path(tmp) / "brief")):
        for name, kind in plan:
            damage(Path("content"), name, kind, data.draw)
        checked = run_validate()
        built = run_build(Path.cwd())
    assert "Traceback" not in checked.output, checked.output
    assert "Traceback" not in built.output, built.output
    assert checked.ok == built.ok, f"validate: {checked.ok}, build: {built.ok}\n{checked}\n{built}"
    if not checked.ok:
        assert checked.located(), checked.output
        missing = [line for line in checked.located() if line not in built.located()]
        assert not missing, f"the build does not say:\n{missing}\n---\n{built.output}"
