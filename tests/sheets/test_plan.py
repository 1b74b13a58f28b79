"""Writing a run's plan: every file staged as its text arrives (`stage_writes`), then put in
place in its order (`put_all`), a failure at any point leaving the content as it was or
as the journal finishes it; the check of the content handed the texts it will hold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.sheets import plan as plan_module
from generator.sheets.fold import SheetSet
from generator.sheets.plan import (
    clean_temp_files,
    plan_run,
    put_all,
    stage_writes,
    validation_problems,
    write_plan,
)
from generator.sheets.report import GenerateError, GenerateReport

SOURCE = [{"article": "a1", "quote": "Ruritania and Freedonia met in Strelsau."}]


def view() -> SheetSet:
    """Two countries and their talks, as an extraction's plain data."""
    actors = {aid: {"id": aid, "name": aid.title(), "kind": "country", "sources": list(SOURCE)}
              for aid in ("ruritania", "freedonia")}
    actors["ruritania"]["relations"] = [
        {"type": "neighbor-of", "target": "freedonia", "sources": list(SOURCE)}]
    events = {"talks": {"id": "talks", "title": "Talks in Strelsau", "kind": "consult", "date": "2024-05-06",
                        "participants": [{"actor": "ruritania", "role": "party"}], "sources": list(SOURCE)}}
    briefing = {"title": "Talks", "sources": [{"id": "a1", "title": "Talks in Strelsau"}]}
    return SheetSet(actors, events, briefing)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def test_each_write_is_staged_as_its_text_arrives(tmp_path):
    seen = []

    def writes() -> Iterator[tuple[Path, str]]:
        for name in ("a", "b", "c"):
            seen.append(len(temp_files(tmp_path)))
            yield tmp_path / f"{name}.yml", f"name: {name}\n"

    staged = stage_writes(writes())
    assert seen == [0, 1, 2], "each text is on the disk before the next one is asked for"
    assert [p.name for p in tmp_path.glob("*.yml")] == [], "nothing is in place yet"
    put_all(staged)
    assert sorted(p.read_text() for p in tmp_path.glob("*.yml")) == ["name: a\n", "name: b\n", "name: c\n"]
    assert temp_files(tmp_path) == []


def test_a_file_written_twice_ends_with_its_last_text_and_one_that_holds_its_text_is_not_staged(tmp_path):
    same, twice = tmp_path / "same.yml", tmp_path / "twice.yml"
    same.write_text("kept\n")
    staged = stage_writes([(same, "kept\n"), (twice, "interim\n"), (twice, "final\n")])
    assert [item.temp is None for item in staged] == [True, False, False]
    put_all(staged)
    assert twice.read_text() == "final\n" and same.read_text() == "kept\n"


def test_a_failure_while_staging_leaves_no_file_behind(tmp_path):
    (tmp_path / "a.yml").write_text("old\n")

    def writes() -> Iterator[tuple[Path, str]]:
        yield tmp_path / "a.yml", "new\n"
        yield tmp_path / "b.yml", "new\n"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        stage_writes(writes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yml"]
    assert (tmp_path / "a.yml").read_text() == "old\n"


def test_a_failure_while_putting_in_place_removes_what_was_not_put(tmp_path, monkeypatch):
    staged = stage_writes([(tmp_path / f"{name}.yml", f"{name}\n") for name in "abc"])
    real_put, calls = plan_module.put_in_place, []

    def fail_second(temp: Path, path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real_put(temp, path)

    monkeypatch.setattr(plan_module, "put_in_place", fail_second)
    with pytest.raises(OSError):
        put_all(staged)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yml"]


def test_a_run_stopped_while_its_texts_are_made_changes_nothing(tmp_path):
    content = tmp_path / "content"
    write_plan(content, plan_run(content, view(), {"a1"}, GenerateReport()), GenerateReport())
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    changed = view()
    changed.actors["freedonia"]["kind"] = "organization"

    def render(items):
        yield "id: ruritania\n"
        raise KeyboardInterrupt

    report = GenerateReport()
    with pytest.raises(GenerateError, match="before any sheet was written; the content is unchanged"):
        write_plan(content, plan_run(content, changed, {"a1"}, report), report, render)
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_the_check_gets_the_texts_the_content_will_hold_and_its_wait_is_the_callers(tmp_path):
    content = tmp_path / "content"
    given, waited = {}, []

    def check(root: Path, texts: dict[Path, str]):
        given.update(texts)
        assert not (root / "events" / "talks.yml").exists(), "checked while the files are put in place"
        return lambda: waited.append(True) or ["a problem"]

    problems = write_plan(content, plan_run(content, view(), {"a1"}, GenerateReport()), GenerateReport(),
                          check=check)
    assert not waited, "the caller waits when it has nothing else to do"
    assert problems() == ["a problem"]
    written = {p: p.read_text(encoding="utf-8") for p in content.rglob("*.yml")}
    assert given == written, "each file's last text (ruritania is written without its neighbor first)"


def test_a_first_run_keeps_the_content_valid_after_every_file_put_in_place(tmp_path, monkeypatch):
    """briefing.yml, new, goes first: every sheet cites its sources."""
    content = tmp_path / "content"
    real_put, problems = plan_module.put, []

    def put_then_validate(item):
        real_put(item)
        problems.extend(validation_problems(content))

    monkeypatch.setattr(plan_module, "put", put_then_validate)
    write_plan(content, plan_run(content, view(), {"a1"}, GenerateReport()), GenerateReport())
    assert (content / "events" / "talks.yml").is_file()
    assert problems == []


def test_a_journal_that_cannot_be_written_changes_nothing_and_leaves_no_file(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_plan(content, plan_run(content, view(), {"a1"}, GenerateReport()), GenerateReport())
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    changed = view()
    changed.actors["freedonia"]["kind"] = "organization"

    def full_disk(content, writes, state):
        raise OSError(28, "No space left on device", str(content / ".briefing" / "journal.json"))

    monkeypatch.setattr(plan_module, "start_journal", full_disk)
    report = GenerateReport()
    with pytest.raises(GenerateError, match=r"journal.json: cannot write \(No space left on device\); "
                                            "the content is unchanged"):
        write_plan(content, plan_run(content, changed, {"a1"}, report), report)
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_temporary_files_a_stopped_run_left_are_removed_from_every_folder_it_writes_in(tmp_path):
    content = tmp_path / "content"
    left = [content / ".briefing.yml.x1.tmp", content / "sources" / ".a1.txt.x2.tmp",
            content / ".briefing" / "extracted" / ".a1.json.x3.tmp", content / "actors" / ".a.yml.x4.tmp"]
    kept = [content / "sources" / "a1.txt", content / ".briefing" / ".keep"]
    for path in left + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    clean_temp_files(content)
    assert [p for p in left if p.exists()] == [] and all(p.exists() for p in kept)


def test_a_sheet_saved_as_yaml_is_updated_where_it_is(tmp_path):
    content = tmp_path / "content"
    write_plan(content, plan_run(content, view(), {"a1"}, GenerateReport()), GenerateReport())
    (content / "actors" / "freedonia.yml").rename(content / "actors" / "freedonia.yaml")
    changed = view()
    changed.actors["freedonia"]["aliases"] = ["the Freedonian state"]
    report = GenerateReport()
    write_plan(content, plan_run(content, changed, {"a1"}, report), report)
    assert sorted(p.name for p in (content / "actors").iterdir()) == ["freedonia.yaml", "ruritania.yml"]
    assert "the Freedonian state" in (content / "actors" / "freedonia.yaml").read_text()
    assert validation_problems(content) == []


def test_an_interrupted_runs_writing_that_cannot_be_finished_is_said_in_one_line(tmp_path, monkeypatch):
    content = tmp_path / "content"

    def read_only(content):
        raise PermissionError(13, "Permission denied", str(content / "actors" / "ruritania.yml"))

    monkeypatch.setattr(plan_module, "finish_journal", read_only)
    said = r"ruritania.yml: cannot write \(Permission denied\); an interrupted run's writing is still "
    with pytest.raises(GenerateError, match=said + "unfinished, and this run wrote nothing"):
        plan_run(content, view(), {"a1"}, GenerateReport())
