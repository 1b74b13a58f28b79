"""From the seed article to a built site, for real: the spaCy pipeline, the generator, the
plugin and a `mkdocs build --strict` in a temporary project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.reading import read_article
from tests.paths import ROOT

SEED = ROOT / "seeds" / "000_acf2cac61dc68b8c.txt"
pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("e2e") / "briefing"
    run("generator.cli", "new", str(root), cwd=ROOT)
    run(
        "generator.cli",
        "generate",
        str(SEED),
        "--published",
        "2020-10-09",
        "--content",
        str(root / "content"),
        cwd=ROOT,
    )
    run("mkdocs", "build", "--strict", cwd=root)
    return root


def sheets(project: Path, folder: str) -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((project / "content" / folder).glob("*.yml"))
    ]


def test_every_page_kind_is_built_at_its_url(project: Path) -> None:
    site = project / "site"
    for url in ["", "background/", "timeline/", "actors/", "events/", "sources/"]:
        assert (site / url / "index.html").is_file(), url
    actors, events = sheets(project, "actors"), sheets(project, "events")
    assert len(actors) >= 8 and len(events) >= 5
    for sheet in actors:
        assert (site / "actors" / sheet["id"] / "index.html").is_file()
    for sheet in events:
        assert (site / "events" / sheet["id"] / "index.html").is_file()


def test_yaml_and_state_stay_out_of_the_site(project: Path) -> None:
    built = [p.relative_to(project / "site") for p in (project / "site").rglob("*") if p.is_file()]
    assert not [p for p in built if p.suffix in {".yml", ".yaml"} or ".briefing" in p.parts]


def test_actor_and_event_pages_link_to_each_other(project: Path) -> None:
    site = project / "site"
    event = next(e for e in sheets(project, "events") if e.get("participants"))
    page = (site / "events" / event["id"] / "index.html").read_text(encoding="utf-8")
    for part in event["participants"]:
        assert f'href="../../actors/{part["actor"]}/"' in page
    actor = event["participants"][0]["actor"]
    page = (site / "actors" / actor / "index.html").read_text(encoding="utf-8")
    assert f'href="../../events/{event["id"]}/"' in page


def test_every_quote_is_a_verbatim_span_of_the_article(project: Path) -> None:
    text = " ".join(read_article(SEED, published="2020-10-09").text.split())
    docs = [yaml.safe_load((project / "content" / "briefing.yml").read_text(encoding="utf-8"))]
    docs += sheets(project, "actors") + sheets(project, "events")
    quotes = [s["quote"] for d in docs for s in find_sources(d)]
    assert quotes
    assert [q for q in quotes if " ".join(q.split()) not in text] == []


def find_sources(node: object) -> list[dict]:
    if isinstance(node, dict):
        found = list(node.get("sources") or []) if isinstance(node.get("sources"), list) else []
        found = [s for s in found if isinstance(s, dict) and "quote" in s]
        return found + [s for k, v in node.items() if k != "sources" for s in find_sources(v)]
    if isinstance(node, list):
        return [s for v in node for s in find_sources(v)]
    return []


def test_no_fact_from_the_teasers(project: Path) -> None:
    blob = " ".join(p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.yml"))
    for name in ["Trump", "Biden", "Brexit", "Taiwan", "Related Articles"]:
        assert not re.search(rf"\b{name}\b", blob), name
