"""The CLI is a thin layer: every command has help, and bad use gets one clear line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator import __version__
from generator.cli import main


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert main.commands[command].help
    assert "Usage: main" in result.output or "Usage: briefing" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"briefing, version {__version__}\n"


def test_published_must_be_a_date(tmp_path) -> None:
    result = CliRunner().invoke(main, ["generate", str(tmp_path / "a.txt"), "--published", "9 Oct"])
    assert result.exit_code == 2
    assert "'9 Oct' is not a date; expected YYYY-MM-DD" in result.output


def test_validate_missing_folder(tmp_path) -> None:
    result = CliRunner().invoke(main, ["validate", "--content", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert (
        result.output == f"error: {tmp_path / 'nope'}: no such folder; expected a briefing's content folder\n"
    )
