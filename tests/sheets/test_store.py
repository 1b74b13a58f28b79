"""Golden-file tests of validation: each tests/sheets/golden/validate/*.yml holds the sheets of a
small briefing (`files`, optionally written in another `encoding`) and the exact errors
(`errors`) that `briefing validate` prints for it. The same cases go through a real
`mkdocs build`, which must stop with the same located messages and no traceback, or build
when there are none. Then: the content checked as it will be once texts are written, and a
file staged, then put in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.sheets.store import SHEET_GLOB, ContentError, SheetMemo, load_content, put_in_place, stage

GOLDEN = sorted((Path(__file__).parent / "golden" / "validate").glob("*.yml"))
MKDOCS_YML = "site_name: Test\ndocs_dir: content\ntheme: {name: material}\nplugins: [search, briefing]\n"


def write_case(case: Path, root: Path) -> dict:
    """The case's files under root, in its `encoding` (UTF-8 unless it says otherwise)."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for name, text in spec["files"].items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=spec.get("encoding", "utf-8"))
    return spec


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.stem)
def test_load_content_reports_golden_errors(case: Path, tmp_path: Path, monkeypatch) -> None:
    spec = write_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    try:
        load_content(Path("."))
        errors = ""
    except ContentError as exc:
        errors = str(exc) + "\n"
    assert errors == spec["errors"]


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.stem)
def test_validate_command_prints_golden_errors(case: Path, tmp_path: Path, monkeypatch) -> None:
    spec = write_case(case, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate"])
    if spec["errors"]:
        assert result.exit_code == 1
        assert result.output.startswith("content/")
        count = len(spec["errors"].splitlines())
        assert result.output.replace("content/", "") == spec["errors"] + f"{count} error(s) in content\n"
        assert "Traceback" not in result.output
    else:
        assert result.exit_code == 0, result.output
        assert result.output.endswith(": valid\n")


@pytest.mark.slow
@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.stem)
def test_mkdocs_build_stops_on_golden_errors(case: Path, tmp_path: Path) -> None:
    spec = write_case(case, tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    if not spec["errors"]:
        assert run.returncode == 0, output
        return
    assert run.returncode != 0
    located = [line.replace("content/", "") for line in output.splitlines() if line.startswith("content/")]
    assert located == spec["errors"].splitlines()  # each problem once, nothing else


# --- the content as it will be: texts about to be written --------------------------------

ACTOR = "id: ruritania\nname: Ruritania\nkind: country\n"
EVENT = ("id: talks\ntitle: Talks in Strelsau\nkind: consult\n"
         "participants:\n  - {actor: ruritania, role: party}\n")


def problems_of(root: Path, texts: dict[Path, str] | None = None) -> str:
    try:
        load_content(root, texts=texts)
    except ContentError as exc:
        return str(exc)
    return ""


def test_a_sheet_about_to_be_written_is_checked_as_if_it_were(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "ruritania.yml").write_text(ACTOR, encoding="utf-8")
    coming = {tmp_path / "events" / "talks.yml": EVENT.replace("actor: ruritania", "actor: freedonia")}
    assert problems_of(tmp_path, coming).startswith(
        f"{tmp_path}/events/talks.yml:5: 'freedonia' is not a known actor")
    assert not (tmp_path / "events").exists(), "nothing is written"
    assert problems_of(tmp_path, {tmp_path / "events" / "talks.yml": EVENT}) == ""


def test_a_text_about_to_be_written_stands_for_the_file_on_disk(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    sheet = tmp_path / "actors" / "ruritania.yml"
    sheet.write_text(ACTOR.replace("country", "kingdom"), encoding="utf-8")
    assert "kingdom" in problems_of(tmp_path)
    assert problems_of(tmp_path, {sheet: ACTOR}) == "", "the text to be written replaces the bad file"
    broken = {sheet: ACTOR, tmp_path / "briefing.yml": "title: [unclosed\n"}
    assert problems_of(tmp_path, broken).startswith(f"{tmp_path}/briefing.yml:2: YAML syntax error")


def test_a_memo_does_not_stand_for_a_file_about_to_be_written(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    sheet = tmp_path / "actors" / "ruritania.yml"
    sheet.write_text(ACTOR, encoding="utf-8")
    memo = SheetMemo()
    assert load_content(tmp_path, memo).actors["ruritania"].kind == "country"
    loaded = load_content(tmp_path, memo, texts={sheet: ACTOR.replace("country", "organization")})
    assert loaded.actors["ruritania"].kind == "organization"


# --- staging a file, then putting it in place ----------------------------------------------


def test_a_staged_file_is_on_disk_beside_its_file_and_in_place_only_when_put(tmp_path: Path) -> None:
    path = tmp_path / "actors" / "ruritania.yml"
    staged = stage(path, ACTOR)
    assert staged.parent == path.parent and staged.name.startswith(".ruritania.yml.")
    assert staged.read_text(encoding="utf-8") == ACTOR and not path.exists()
    assert list(path.parent.glob(SHEET_GLOB)) == [], "no reader of sheets sees it"
    put_in_place(staged, path)
    assert path.read_text(encoding="utf-8") == ACTOR and not staged.exists()


def test_a_staged_file_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "ruritania.yml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    put_in_place(stage(path, ACTOR), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_file_that_cannot_be_staged_is_named_by_itself_not_by_a_temporary_name(tmp_path: Path) -> None:
    (tmp_path / "actors").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        stage(tmp_path / "actors" / "ruritania.yml", ACTOR)
    assert caught.value.filename == str(tmp_path / "actors" / "ruritania.yml")


BRIEFING = "title: Talks\nsources:\n  - {id: a1, title: Talks in Strelsau}\n"


def test_a_source_text_that_is_not_utf8_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "briefing.yml").write_text(BRIEFING, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    text = tmp_path / "sources" / "a1.txt"
    text.write_bytes(b"Talks in Strelsau.\n\nThe caf\xe9 closed.\n")
    assert problems_of(tmp_path).startswith(f"{text}:3: not UTF-8 text (")
    assert problems_of(tmp_path, {text: "Talks in Strelsau.\n\nThe café closed.\n"}) == "", \
        "the text about to be written stands for the file"
    text.write_text("Talks in Strelsau.\n\nThe café closed.\n", encoding="utf-8")
    assert load_content(tmp_path).texts == {"a1": ["Talks in Strelsau.", "The café closed."]}
