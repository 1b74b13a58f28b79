"""One sheet file to round-trip YAML data, every way it can fail located at its line.

A person edits these files by hand, so whatever the file holds (a tab, a duplicate key,
a control character, bytes that are not UTF-8, a tag asking for an object, a date the
calendar does not have) ends as a `SheetError`, `path:line: what is wrong; what was
expected`, and never as a traceback. ruamel.yaml's round-trip parser is used because it
knows the line of every key and item, which is what turns a schema error into a place;
its constructor is narrowed to plain data (`SheetConstructor`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from generator.datafiles import with_yaml12_booleans

CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SheetError:
    """One problem in one sheet, at one line."""

    path: Path
    line: int
    problem: str
    expected: str

    def __str__(self) -> str:
        """One line however the sheet's values read: a newline in a quoted value shows as \\n."""
        text = f"{self.path}:{self.line}: {self.problem}; {self.expected}"
        return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


CORE_TAG = "tag:yaml.org,2002:"
# What a person can do about a syntax error YAML reports in its own words.
SYNTAX_HINTS = {
    "'\\t'": "valid YAML, indented with spaces (YAML does not allow tabs there)",
    "duplicate key": "valid YAML, each field once per mapping",
}


class SheetValueError(MarkedYAMLError):
    """A YAML value a sheet cannot hold, with what to write instead, at its node."""

    def __init__(self, problem: str, expected: str, mark: Any):
        super().__init__(problem=problem, problem_mark=mark)
        self.expected = expected


class SheetConstructor(RoundTripConstructor):
    """The round-trip constructor made total over text a person can type: a scalar that
    YAML's implicit type cannot hold (`2020-13-45`, a 5,000-digit number) stays the text
    as written, for the schema to judge at its line (ruamel would raise a bare
    ValueError), and a tag (`!!python/object:...`, `!foo`) is refused: sheets are plain
    data, and the round-trip loader would otherwise keep the tagged value."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:  # a day or time the calendar does not have
            return str(node.value)

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            return str(node.value)

    def refuse_tag(self, node: Any) -> Any:
        tag = str(node.tag).replace(CORE_TAG, "!!")
        expected = "plain values: text, numbers, lists and mappings"
        raise SheetValueError(f"YAML tag '{tag}' is not allowed", expected, node.start_mark)


SheetConstructor.add_constructor(f"{CORE_TAG}timestamp", SheetConstructor.construct_yaml_timestamp)
SheetConstructor.add_constructor(f"{CORE_TAG}int", SheetConstructor.construct_yaml_int)
SheetConstructor.add_constructor(None, SheetConstructor.refuse_tag)


def round_trip_yaml() -> YAML:
    """The one YAML configuration for reading and writing sheets: comments, quotes and
    order survive a rewrite, and loading builds plain data only."""
    yaml = YAML(typ="rt")
    yaml.Constructor = SheetConstructor
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class FastLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser, twenty times faster than the round-trip one, for the usual case of a
    briefing whose every sheet is valid (`store.load_content` tries it first and reads the
    files again with `round_trip_yaml` as soon as anything is wrong, to locate it). It reads
    what the round-trip loader reads: YAML 1.2's booleans, and a duplicate key is an error."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        if len(keys) != len({repr(k) for k in keys}):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep=deep)


with_yaml12_booleans(FastLoader)


class FastParseFailed(Exception):
    """The fast loader could not read a file: read it again with the round-trip loader."""


def parse_yaml(path: Path, fast: bool = False, text: str | None = None) -> tuple[Any, list[SheetError]]:
    """The round-trip data of one file, or why it cannot be read, at its line. Every way
    a file can fail to be YAML ends here as a SheetError, so no caller sees a traceback.
    `fast`: plain data from libyaml, with no lines to locate errors by; raises
    FastParseFailed on anything it cannot read. `text`: the file's text when it is known
    (a file about to be written), read from `path` otherwise."""
    if fast:
        try:
            text = path.read_text(encoding="utf-8") if text is None else text
            return yaml.load(text, Loader=FastLoader), []
        except Exception as exc:  # any failure: the round-trip loader reads and locates it
            raise FastParseFailed(str(path)) from exc
    if text is None:
        text, errors = read_text(path, "a readable YAML file")
        if text is None:
            return None, errors
    try:
        return round_trip_yaml().load(text), []
    except SheetValueError as exc:
        return None, [SheetError(path, exc.problem_mark.line + 1, exc.problem, exc.expected)]
    except MarkedYAMLError as exc:
        return None, [_syntax_error(path, exc)]
    except ReaderError as exc:  # a control character; its position counts characters of `text`
        line = text.count("\n", 0, exc.position) + 1
        problem = f"character U+{exc.character:04X} is not allowed in YAML"
        expected = 'printable text (a control character as an escape in double quotes, "\\t")'
        return None, [SheetError(path, line, problem, expected)]
    except RecursionError:  # ruamel's scanner recurses once per level of nesting
        return None, [SheetError(path, 1, "YAML nested too deeply to read", "a sheet of a few levels")]


def read_text(path: Path, expected: str) -> tuple[str | None, list[SheetError]]:
    """A file's text as UTF-8, or why it cannot be read, at its line (bytes that are not
    UTF-8; a folder where a file should be, a file without read permission: `expected`)."""
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        return None, [SheetError(path, line, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")]
    except OSError as exc:
        return None, [SheetError(path, 1, f"cannot be read ({exc.strerror or exc})", expected)]


def _syntax_error(path: Path, exc: MarkedYAMLError) -> SheetError:
    """ruamel's own words for a syntax error, on one line, with a hint where one helps."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    expected = next((hint for cue, hint in SYNTAX_HINTS.items() if cue in problem), "valid YAML")
    return SheetError(path, line, f"YAML syntax error: {problem}", expected)


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
