"""`briefing new DIR`: a project that builds at once, and never over someone's files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.project import ProjectError, new_project
from generator.schema import SCHEMAS
from generator.sheets.store import load_content


def test_new_project_writes_config_content_and_schemas(tmp_path):
    project = tmp_path / "ceasefire"
    written = new_project(project)
    names = {p.relative_to(project).as_posix() for p in written}
    assert names == {
        "mkdocs.yml",
        "templates/README.md",
        *(f"content/schema/{kind}.json" for kind in SCHEMAS),
    }
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["docs_dir"] == "content" and config["site_name"] == "ceasefire"
    assert config["plugins"] == ["search", "briefing"] and config["watch"] == ["templates"]
    assert config["theme"]["name"] == "material" and len(config["theme"]["palette"]) == 2
    assert not (project / "content" / "briefing.yml").exists()  # the generator writes it
    assert load_content(project / "content").briefing.title == "ceasefire"
    assert json.loads((project / "content" / "schema" / "actor.json").read_text(encoding="utf-8"))["title"]


def test_new_project_accepts_an_empty_folder(tmp_path):
    assert new_project(tmp_path)


@pytest.mark.parametrize("name", ["2020", "yes", "null", "a: b"])
def test_new_project_title_stays_text_whatever_the_folder_name(tmp_path, name):
    new_project(tmp_path / name)
    assert load_content(tmp_path / name / "content").briefing.title == name


def test_new_project_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ProjectError, match=str(tmp_path)):
        new_project(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_project_refuses_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ProjectError, match="not an empty folder"):
        new_project(target)


@pytest.mark.slow
def test_briefing_new_then_mkdocs_build_strict_works(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    briefing = Path(sys.executable).parent / "briefing"
    made = subprocess.run(
        [str(briefing), "new", "brief"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path / "brief",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    site = tmp_path / "brief" / "site"
    for url in ["", "background/", "timeline/", "actors/", "events/", "sources/"]:
        assert (site / url / "index.html").is_file(), url
    again = subprocess.run(
        [str(briefing), "new", "brief"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert again.returncode != 0 and "not an empty folder" in again.stderr and "Traceback" not in again.stderr
