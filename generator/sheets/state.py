"""The generator's memory in `content/.briefing/`: its last output (`state.json`, the
base of the next three-way merge) and the lock that keeps two runs from writing the
same content at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.sheets.fold import SheetSet
from generator.sheets.report import GenerateError
from generator.sheets.store import STATE_DIR

STATE_FILE = "state.json"

LOCK_FILE = "lock"

LOCK_WAIT = 30.0  # seconds to wait for another run writing the same content


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


def read_state(content: Path) -> SheetSet:
    path = content / STATE_DIR / STATE_FILE
    if not path.exists():
        return SheetSet()
    try:
        return SheetSet.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, OSError, AttributeError):
        # A damaged state costs only the memory of past output: merge as if none.
        return SheetSet()


def state_text(view: SheetSet) -> str:
    return json.dumps(view.to_json(), ensure_ascii=False, indent=1) + "\n"
