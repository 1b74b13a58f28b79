"""The bundled briefing in Debian's chromium: every dated or open-dated event is a mark on the
drawn timeline, every relation an edge of the graph, every located place a pin on the map, and
every citation lands on an anchored sentence."""

from __future__ import annotations

import shutil
import sys
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from generator.sheets.store import load_content
from generator.site.drawing.map import locate_actors, locate_names
from generator.site.pages import build_site
from tests.briefing_fixture import mkdocs_build
from tests.paths import ROOT, SCRIPTS

sys.path.insert(0, str(SCRIPTS))
from screenshot import CHROMIUM, chromium, serve  # noqa: E402

SITE_DIRS: dict[str, Path] = {}  # the built folder behind each served URL

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no headless browser: {CHROMIUM} is not installed"),
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The repository's bundled briefing, built in a copy, served, and its model."""
    project = tmp_path_factory.mktemp("seed") / "brief"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("lock"))
    shutil.copytree(ROOT / "templates", project / "templates")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = build_site(load_content(project / "content"))
    with serve(project / "site") as base:
        SITE_DIRS[base] = project / "site"
        yield base, site


@cache
def dom(url: str):
    """The page as chromium leaves it, parsed; each URL fetched once."""
    return lxml_html.fromstring(chromium("--virtual-time-budget=2000", "--dump-dom", url))


def test_every_event_that_took_place_is_a_mark_on_the_timeline(seed):
    base, site = seed
    page = dom(base + "timeline/")
    whole = page.xpath("//svg[contains(@class, 'briefing-timeline')]")[0]
    marks = {a.get("href").rstrip("/").rsplit("/", 1)[-1] for a in whole.xpath(".//a[@class='mark']")}
    dated = {v.id for v in site.timeline}
    assert marks == dated
    assert all(v.status not in ("happened", "alleged") for v in site.undated)  # truly undated only
    assert len(dated) == len(site.events) - len(site.undated)


def test_the_graph_has_every_relation(seed):
    base, site = seed
    page = dom(base + "actors/")
    graph = page.xpath("//svg[contains(@class, 'briefing-graph')]")[0]
    titles = [" ".join(t.text_content().split()) for t in graph.xpath(".//*[@class='relation']//title")]
    relations = [r for a in site.actors.values() for r in a.relations_out]
    assert relations
    for r in relations:
        said = f"{r.subject.text} {r.phrase} {r.target.text}"
        assert any(said in t for t in titles), said


def test_the_map_has_every_located_place(seed):
    base, site = seed
    spots, _ = locate_actors(site.actors.values(), locate_names)
    page = dom(base + "map/")
    svg = page.xpath("//svg[contains(@class, 'briefing-map')]")[0]
    linked = {a.get("href").rstrip("/").rsplit("/", 1)[-1] for a in svg.xpath(".//a")}
    assert spots and set(spots) <= linked


def test_every_citation_lands_on_an_anchored_sentence(seed):
    """Every page of the built site (read as served: no script changes these links)."""
    base, site = seed
    built = SITE_DIRS[base]
    checked = 0
    for page in sorted(built.rglob("index.html")):
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        ids = set(tree.xpath("//@id"))
        for sup in tree.xpath("//sup[@class='cite']/a"):
            assert sup.get("href")[1:] in ids, (page, sup.get("href"))
        for ref in tree.xpath("//ol/li[span[starts-with(@id, 'cite-')]]/a[1]"):
            href = urlsplit(ref.get("href"))
            assert href.fragment.startswith("q-"), (page, ref.get("href"))
            target = (page.parent / href.path / "index.html").resolve()
            landed = lxml_html.fromstring(target.read_text(encoding="utf-8"))
            anchor = href.fragment
            marked = landed.xpath(f"//mark[@id='{anchor}'] | //mark/span[@id='{anchor}']")
            assert marked, (page, ref.get("href"))
            checked += 1
    assert checked >= len(site.events)


def test_the_seed_keeps_each_article_text(seed):
    assert (ROOT / "content" / "sources").is_dir()
    assert list(Path(ROOT / "content" / "sources").glob("*.txt"))
