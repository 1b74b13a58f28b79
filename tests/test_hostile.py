"""Hostile input stays text, end to end: an article carrying HTML, `javascript:` links,
Markdown and Jinja goes through `briefing generate` into a project made by `briefing new`,
and the real `mkdocs build --strict` yields pages where none of it is live. Validation
refuses ids that climb out of content/ and YAML that asks to construct objects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.markup import live_parts, visible_text

BRIEFING = [sys.executable, "-m", "generator.cli"]
MKDOCS = [sys.executable, "-m", "mkdocs"]

ARTICLE = """Russia <script>alert("title")</script> hosts ceasefire talks {{ 7*7 }}

The foreign ministers of Armenia and Azerbaijan met in Moscow on Friday for ceasefire talks \
<script>alert(1)</script>, the Russian government said.

Armenia accused Azerbaijan of shelling <img src=x onerror=alert(2)> civilian areas on Thursday, \
according to [a report](javascript:alert(3)).

Russia said {{ 7*7 }} and {% for x in range(3) %}loop{% endfor %} were discussed in Moscow, \
and **Turkey** supports Azerbaijan.

Heavy fighting broke out on September 27, officials said in a \
<a href="javascript:alert(4)">statement</a> | table | cell |.
"""

META = """title: "Talks <script>alert('meta')</script> {{ 7*7 }} <img src=x onerror=alert(6)>"
published: "2020-10-10"
url: "javascript:alert(5)"
"""


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    made = run([*BRIEFING, "new", str(project)], cwd=project.parent)
    assert made.returncode == 0, made.stderr
    (project / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "hostile.meta.yml").write_text(META, encoding="utf-8")
    generated = run([*BRIEFING, "generate", "hostile.txt"], cwd=project)
    assert generated.returncode == 0, generated.stderr
    built = run([*MKDOCS, "build", "--strict"], cwd=project)
    assert built.returncode == 0, built.stderr
    return project


def pages(project: Path) -> list[Path]:
    return sorted((project / "site").rglob("*.html"))


@pytest.mark.slow
def test_no_payload_is_live_on_any_page(hostile_site):
    found = {}
    for page in pages(hostile_site):
        live = live_parts(page.read_text(encoding="utf-8"))
        if live:
            found[str(page.relative_to(hostile_site))] = live
    assert found == {}


def visible_text_of(project: Path) -> str:
    return visible_text(*(page.read_text(encoding="utf-8") for page in pages(project)))


@pytest.mark.slow
def test_payloads_reach_the_pages_as_text(hostile_site):
    """The payloads are shown as the article wrote them, not dropped: the test above is
    not vacuous."""
    text = visible_text_of(hostile_site)
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "{{ 7*7 }}",
                    "{% for x in range(3)", "loop{% endfor %}", "**Turkey**"):
        assert payload in text, payload


@pytest.mark.slow
def test_templates_and_markdown_are_not_evaluated(hostile_site):
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages(hostile_site))
    assert "looploop" not in text, "the Jinja loop ran"
    assert " 49 " not in text and "said 49" not in text, "the Jinja expression was evaluated"
    assert "<strong>Turkey</strong>" not in text, "Markdown from the article was rendered"
    assert 'href="javascript:' not in text.lower()


@pytest.mark.slow
def test_the_sheets_hold_the_payloads_as_plain_strings(hostile_site):
    """The generator writes what the article says; the YAML stays plain data."""
    sheets = "\n".join(p.read_text(encoding="utf-8") for p in (hostile_site / "content").rglob("*.yml"))
    assert "<script>alert(1)</script>" in sheets
    assert "!!python" not in sheets and "!<" not in sheets
    check = run([*BRIEFING, "validate", "--content", "content"], cwd=hostile_site)
    assert check.returncode == 0, check.stderr


ACTOR = """# yaml-language-server: $schema=../schema/actor.json
id: {id}
name: Evil
kind: person
"""


@pytest.mark.slow
@pytest.mark.parametrize("bad_id", ["../evil", "../../etc/passwd", "index", "schema"])
def test_validation_refuses_ids_that_escape_or_clash(tmp_path, bad_id):
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "actors" / "evil.yml").write_text(ACTOR.format(id=bad_id), encoding="utf-8")
    check = run([*BRIEFING, "validate", "--content", str(content)], cwd=tmp_path)
    assert check.returncode == 1 and "evil.yml:2:" in check.stderr, check.stderr
    assert "Traceback" not in check.stderr


@pytest.mark.slow
def test_yaml_that_asks_to_run_code_is_refused_not_run(tmp_path):
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    marker = tmp_path / "pwned"
    (content / "actors" / "evil.yml").write_text(
        f'id: evil\nname: !!python/object/apply:os.system ["touch {marker}"]\nkind: person\n',
        encoding="utf-8")
    check = run([*BRIEFING, "validate", "--content", str(content)], cwd=tmp_path)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert not marker.exists()
    generated = run([*BRIEFING, "generate", "--dry-run", "--content", str(content), "nothing.txt"],
                    cwd=tmp_path)
    assert generated.returncode == 1 and not marker.exists()
