"""Rebuilds under `mkdocs serve`: MkDocs keeps the plugin from one build to the next, and the
plugin keeps the sheets as read (`SheetMemo`, by each file's signature). A rebuild after an
edit must give the very site a clean build gives, and read again only the edited sheet. No
page is converted from Markdown at all, so there is no page HTML to keep. Run in process, as
`mkdocs serve` runs its builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.plugin import BriefingPlugin
from tests.briefing_fixture import make_project, mkdocs_build

pytestmark = pytest.mark.slow


def serve_build(project: Path, site: Path) -> BriefingPlugin:
    """One build as `mkdocs serve` makes it (its config loaded again, its plugins kept)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    return plugin


def pages_of(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def edit(project: Path, sheet: str, old: str, new: str) -> None:
    path = project / "content" / sheet
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_after_an_edit_is_the_clean_build_and_reads_only_the_edited_sheet(tmp_path, monkeypatch):
    project = make_project(tmp_path / "brief")
    first = serve_build(project, tmp_path / "served")
    read: list[str] = []  # the sheets the rebuild reads again: none of them found in the memo
    kept = first.memo.get

    def get(path: Path):
        found = kept(path)
        if found is None:
            read.append(Path(path).as_posix())
        return found

    monkeypatch.setattr(first.memo, "get", get)
    edit(project, "actors/russia.yml", "Mediator of the talks.", "Edited by a person.")
    again = serve_build(project, tmp_path / "served")
    assert again is first  # MkDocs kept the plugin, as under `mkdocs serve`
    served = pages_of(tmp_path / "served")

    clean = tmp_path / "clean"
    shutil.copytree(project, clean)
    assert mkdocs_build(clean).returncode == 0  # in a new process: a plugin that has seen nothing
    assert served == pages_of(clean / "site")

    assert "Edited by a person" in served["actors/russia/index.html"]
    assert len(read) == 1 and read[0].endswith("content/actors/russia.yml")
