"""Golden-file tests of validation: each tests/sheets/golden/validate/*.yml holds the sheets of a
small briefing (`files`, optionally written in another `encoding`) and the exact errors
(`errors`) that `briefing validate` prints for it. The same cases go through a real
`mkdocs build`, which must stop with the same located messages and no traceback, or build
when there are none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.sheets.store import ContentError, load_content

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
