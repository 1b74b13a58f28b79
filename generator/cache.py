"""Work kept between runs in the user's temporary folder: what a build or a run would
otherwise redo each time from the same inputs (the graph's layout, the gazetteer's index).

Each entry is keyed by everything it is made from, so a stale entry is never read; each
kind lives in its own folder, created private (0700), and a folder that is not this user's
alone is never read or written (a shared temporary folder could hold a planted file).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def private_folder(kind: str) -> Path | None:
    """`<tmp>/briefing-<kind>-<uid>`, made if missing; None when it is not this user's alone
    or cannot be made."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"briefing-{kind}-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if is_private(folder) else None


def is_private(folder: Path) -> bool:
    """The folder exists, is this user's, and nobody else may write in it."""
    try:
        info = folder.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and folder.is_dir() and not info.st_mode & 0o022


def key_of(*parts: str | bytes) -> str:
    """A file name for an entry made from `parts` (a SHA-256 of them)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def read_bytes(folder: Path | None, key: str) -> bytes | None:
    """An entry's bytes, or None when there is none (or no private folder)."""
    if folder is None or not is_private(folder):
        return None
    try:
        return (folder / key).read_bytes()
    except OSError:
        return None


def write_bytes(folder: Path | None, key: str, data: bytes) -> None:
    """Keep an entry (written whole through a rename); a failure to write is passed by."""
    if folder is None or not is_private(folder):
        return
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    try:
        temporary.write_bytes(data)
        temporary.replace(folder / key)
    except OSError:
        temporary.unlink(missing_ok=True)
