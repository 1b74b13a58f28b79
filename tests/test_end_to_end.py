"""From the seed article to a built site, for real: the spaCy pipeline, the generator, the
plugin and a `mkdocs build --strict` in a temporary project."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.reading import read_article
from tests.paths import ROOT, SEED

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=env)
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


# --- the same articles give the same bytes, whatever Python's string hashing -----------

# Two short invented reports: two people who share a surname, which the story names alone
# before it gives their full names; two long names with one acronym; countries and dates.
FISHERIES = """---
title: Halvorsen quits fisheries talks as catch row deepens
published: 2024-03-14
---

Halvorsen left the fisheries talks in Gothenburg on Wednesday, two delegates said.

Ingrid Halvorsen, Sweden's fisheries minister, and Erik Halvorsen, a negotiator for Iceland, \
had led the talks since Monday.

Denmark and Estonia asked Sweden to return to the table before April 1. Iceland said \
the catch plan would hurt its fleet.

The North Atlantic Fisheries Office and the Nordic Angling Federation both sent observers. The \
NAFO said it would publish its own figures next week.
"""

RIVER = """---
title: Dam accord signed after months of delay
published: 2024-03-15
---

Mensah signed the river accord in Dakar on Thursday.

President Kwame Mensah of Senegal and Akosua Mensah, Guinea's water minister, met in Dakar on \
Wednesday to settle the last points of the accord.

Burkina Faso welcomed the deal on Friday. Kwame Mensah said the dam would open in 2026, while \
Akosua Mensah said Guinea would share the cost.

The Volta Basin Authority and the Village Banking Association agreed to fund the project. The \
VBA said the first payment would come in May.
"""


def files_under(content: Path) -> dict[str, bytes]:
    """Every file of a content folder by its relative path; the lock file aside."""
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and p.name != "lock"}


def test_the_sheets_are_the_same_bytes_under_any_hash_seed(tmp_path: Path) -> None:
    articles = [tmp_path / "fisheries.txt", tmp_path / "river.txt"]
    for path, text in zip(articles, (FISHERIES, RIVER), strict=True):
        path.write_text(text, encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        content = tmp_path / f"seed-{seed}" / "content"
        run("generator.cli", "generate", str(SEED), *map(str, articles), "--content", str(content), cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(files_under(content))
    assert sorted(outputs[0]) == sorted(outputs[1])
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []
    assert len([n for n in outputs[0] if n.startswith("actors/") and "halvorsen" in n]) == 2
