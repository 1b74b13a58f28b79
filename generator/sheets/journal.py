"""The write journal: everything a run is about to write, kept until it has written it.

A run writes its sheets one by one, in an order that keeps content/ valid at every moment,
and `state.json` (the generator's last output, the base of the next three-way merge) last.
Stopped midway (Ctrl-C, a kill, a full disk), it used to leave sheets newer than the state:
the next run took the half-written sheets for a person's edits, reported conflicts nobody
made, and matched the articles against a half-merged briefing. So before its first write a
run keeps its writes here, in order, with each file's text as it was before the run; the
next run (under the same lock) first replays them, as a database replays its redo log,
then writes the state, and only then merges. A file whose text is none the run knew
(before, interim or final) was edited by a person since, and is left as it is.

`content/.briefing/journal.json`: {"version": 1, "writes": [[PATH, TEXT], ...],
"before": {PATH: SHA-256 of the text before the run, or null for a new file},
"state": the text of state.json}; PATH relative to content/.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.sheets.state import STATE_FILE
from generator.sheets.store import STATE_DIR, write_atomic

JOURNAL_FILE = "journal.json"
JOURNAL_VERSION = 1


def journal_path(content: Path) -> Path:
    return content / STATE_DIR / JOURNAL_FILE


def digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_of(path: Path) -> str | None:
    """A file's text, or None when there is none (or it cannot be read as text)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def start_journal(content: Path, writes: list[tuple[Path, str]], state: str) -> None:
    """Keep the run's writes (in the order they will be made) and its state text."""
    before = {str(p.relative_to(content)): digest(text_of(p)) for p, _ in writes}
    data = {"version": JOURNAL_VERSION, "writes": [[str(p.relative_to(content)), t] for p, t in writes],
            "before": before, "state": state}
    write_atomic(journal_path(content), json.dumps(data, ensure_ascii=False) + "\n")


def end_journal(content: Path) -> None:
    """The run wrote everything, its state last: nothing is left to replay."""
    journal_path(content).unlink(missing_ok=True)


def finish_journal(content: Path) -> list[Path]:
    """Finish an unfinished run: replay its writes (write_atomic skips a file already as
    written), then its state. Returns the files written. A journal that cannot be read
    costs only the replay: it is dropped, and the merge goes on as before it existed."""
    data = _read(content)
    if data is None:
        return []
    allowed: dict[str, set[str | None]] = {path: {sha} for path, sha in data["before"].items()}
    for path, text in data["writes"]:
        allowed.setdefault(path, set()).add(digest(text))
    edited = {path for path, ok in allowed.items() if digest(text_of(content / path)) not in ok}
    written = []
    for path, text in data["writes"]:
        if path not in edited and write_atomic(content / path, text):
            written.append(content / path)
    write_atomic(content / STATE_DIR / STATE_FILE, data["state"])
    end_journal(content)
    return list(dict.fromkeys(written))  # a file written twice (first without references) once


def _inside(path: str) -> bool:
    """A path the journal may name: relative, below content/."""
    return not Path(path).is_absolute() and ".." not in Path(path).parts


def _read(content: Path) -> dict | None:
    text = text_of(journal_path(content))
    if text is None:
        return None
    try:
        data = json.loads(text)
        valid = (data.get("version") == JOURNAL_VERSION and isinstance(data.get("state"), str)
                 and isinstance(data.get("before"), dict)
                 and all(isinstance(p, str) and isinstance(t, str) and _inside(p)
                         for p, t in data.get("writes")))
    except (ValueError, TypeError, AttributeError):
        valid = False
    if not valid:
        end_journal(content)
        return None
    return data
