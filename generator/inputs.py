"""Input files: refuse what is not an article before any work is done.

INTERFACE STUB (owned by the trust helper, who adds the checks of issue 4: empty, binary,
legacy encodings, too large, not English).
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """An input that cannot be read as an article; the message names the input."""


def read_text(path: Path) -> str:
    """The file's text, decoded; InputError naming the file when it cannot be."""
    if not path.exists():
        raise InputError(f"{path}: no such file; expected an article (.txt, .md or .html)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; expected an article file")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
