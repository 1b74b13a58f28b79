"""The write journal (sheets/journal.py): a run stopped midway is finished by the next one,
exactly as it would have finished, and a file a person edited since is left alone."""

from __future__ import annotations

import json

from generator.sheets.journal import end_journal, finish_journal, journal_path, start_journal
from generator.sheets.state import STATE_FILE
from generator.sheets.store import STATE_DIR


def test_an_interrupted_run_is_replayed_and_a_later_edit_is_kept(tmp_path):
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    old, edited, gone = (content / "actors" / f"{n}.yml" for n in ("old", "edited", "interim"))
    old.write_text("name: Old\n")
    edited.write_text("name: Before\n")
    gone.write_text("name: Was\n")
    new = content / "events" / "new.yml"
    writes = [(gone, "name: Interim\n"), (old, "name: Old, updated\n"), (new, "title: New\n"),
              (edited, "name: After the run\n"), (gone, "name: Final\n")]
    start_journal(content, writes, '{"state": 2}\n')
    gone.write_text("name: Interim\n")  # the run got this far, then stopped
    old.write_text("name: Old, updated\n")
    edited.write_text("name: A person's edit\n")  # made after the run stopped

    written = finish_journal(content)

    assert old.read_text() == "name: Old, updated\n"
    assert new.read_text() == "title: New\n" and gone.read_text() == "name: Final\n"
    assert edited.read_text() == "name: A person's edit\n"
    assert set(written) == {new, gone}
    assert (content / STATE_DIR / STATE_FILE).read_text() == '{"state": 2}\n'
    assert not journal_path(content).exists()
    assert finish_journal(content) == []  # nothing left to replay


def test_a_finished_run_leaves_no_journal_and_a_bad_one_is_dropped(tmp_path):
    content = tmp_path / "content"
    sheet = content / "actors" / "a.yml"
    start_journal(content, [(sheet, "name: A\n")], "{}\n")
    end_journal(content)
    assert finish_journal(content) == [] and not sheet.exists()
    journal_path(content).write_text(json.dumps({"version": 1, "writes": [["../outside.yml", "x"]],
                                                 "before": {}, "state": "{}"}))
    assert finish_journal(content) == []
    assert not (tmp_path / "outside.yml").exists() and not journal_path(content).exists()


def test_a_file_written_twice_by_the_replay_is_counted_once(tmp_path):
    content = tmp_path / "content"
    path = content / "actors" / "ruritania.yml"
    start_journal(content, [(path, "name: Ruritania\n"), (path, "name: Ruritania\nrelations: []\n")], "{}\n")
    assert finish_journal(content) == [path]
    assert path.read_text() == "name: Ruritania\nrelations: []\n"
