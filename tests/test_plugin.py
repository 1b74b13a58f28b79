"""Real `mkdocs build --strict` runs of a small project: pages, links, edits, bad sheets."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.briefing_fixture import actors_data, events_data, make_project, mkdocs_build

pytestmark = pytest.mark.slow

PAGE_URLS = ["", "background/", "timeline/", "map/", "actors/", "events/", "sources/", "intro/"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("plugin") / "brief")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_built_at_its_url(built):
    urls = PAGE_URLS + [f"actors/{a}/" for a in actors_data()] + [f"events/{e}/" for e in events_data()]
    missing = [u for u in urls if not (built / u / "index.html").is_file()]
    assert not missing


def test_sheets_schemas_and_state_stay_out_of_the_site(built):
    leaked = [
        p
        for p in built.rglob("*")
        if p.suffix in {".yml", ".yaml"} or ".briefing" in p.parts or "schema" in p.parts
    ]
    assert not leaked
    assert sorted(p.relative_to(built).as_posix() for p in built.rglob("*.json")) == [
        "downloads/timeline.json",
        "search/search_index.json",
    ]


def test_the_exports_are_offered_as_downloads(built):
    downloads = sorted(p.name for p in (built / "downloads").iterdir())
    assert downloads == ["actors.csv", "briefing.geojson", "events.csv", "relations.csv", "timeline.json"]
    assert "downloads/events.csv" in " ".join(parse(built / "sources" / "index.html").hrefs)


def test_every_internal_link_resolves(built):
    broken = []
    for page in built.rglob("*.html"):
        if page.name == "404.html":
            continue  # MkDocs' own page, linked from the site root because it is served at any path
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("#") or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            target = target / "index.html" if target.is_dir() else target
            if not target.is_file():
                broken.append(f"{page.relative_to(built)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(built)} -> {href} (no anchor)")
    assert not broken


def test_the_drawn_timeline_links_every_dated_event(built):
    page = (built / "timeline" / "index.html").read_text(encoding="utf-8")
    drawing = page[page.index('class="briefing-drawing"') : page.index('class="briefing-legend"')]
    hrefs = re.findall(r'<a href="([^"]+)"', drawing)
    for eid, data in events_data().items():
        assert (f"../events/{eid}/" in hrefs) == (data["date"] is not None), eid


def test_each_drawing_is_in_its_built_page_once_and_out_of_the_search_index(built):
    for page in ["timeline", "actors", "actors/russia", "map"]:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        assert html.count('class="briefing-drawing"') == 1, page
        assert "briefing-drawing-slot" not in html, page
    index = (built / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "arrow from subject" not in index  # the graph's legend: the drawing was never indexed
    assert "<svg" not in index


def test_drawing_links_follow_use_directory_urls(tmp_path):
    project = make_project(tmp_path / "brief")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    timeline = project / "site" / "timeline.html"
    drawn = [h for h in parse(timeline).hrefs if h.startswith("events/")]
    assert "events/moscow-talks.html" in drawn
    assert all((project / "site" / h).is_file() for h in drawn)


def test_actor_and_event_pages_link_each_other(built):
    russia = parse(built / "actors" / "russia" / "index.html").hrefs
    talks = parse(built / "events" / "moscow-talks" / "index.html").hrefs
    assert "../../events/moscow-talks/" in russia
    assert "../../actors/russia/" in talks and "../appeal/" in talks


def test_navigation_lists_index_pages_and_hand_written_pages_only(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="md-tabs__link"[^>]*>\s*(.*?)\s*</a>', html, re.S)
    assert nav == ["Home", "Background", "Timeline", "Map", "Actors", "Events", "Sources", "Introduction"]
    nav_links = re.findall(r'href="([^"]*)"\s+class="md-nav__link', html)
    assert not [h for h in nav_links if re.search(r"(actors|events)/[a-z]", h)]


def test_an_edited_sheet_shows_after_a_rebuild(tmp_path):
    project = make_project(tmp_path / "brief")
    sheet = project / "content" / "actors" / "russia.yml"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("Mediator of the talks.", "Edited by a person."),
        encoding="utf-8",
    )
    assert mkdocs_build(project).returncode == 0
    assert "Edited by a person" in (project / "site" / "actors" / "russia" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_project_template_overrides_the_default(tmp_path):
    project = make_project(tmp_path / "brief")
    (project / "templates" / "home.md.j2").write_text(
        "# {{ briefing.title }}\n\nCustom page.\n", encoding="utf-8"
    )
    assert mkdocs_build(project).returncode == 0
    assert "Custom page." in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Custom page." not in (project / "site" / "sources" / "index.html").read_text(encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_syntax(content: Path) -> tuple[str, int, str]:
    path = content / "actors" / "russia.yml"
    _replace(path, "name: Russia", "name: [Russia")
    return "actors/russia.yml", _line_of(path, "name: [Russia") + 1, "YAML syntax error"


def break_field(content: Path) -> tuple[str, int, str]:
    path = content / "actors" / "turkey.yml"
    _replace(path, "name: Turkey", "name: Turkey\nnmae: Turkiye")
    return "actors/turkey.yml", _line_of(path, "nmae:"), "unknown field 'nmae'; did you mean 'name'?"


def break_date(content: Path) -> tuple[str, int, str]:
    path = content / "events" / "fighting.yml"
    _replace(path, "date: 2020-09~", "date: next week")
    return "events/fighting.yml", _line_of(path, "next week"), "'next week' is not an EDTF date"


def break_reference(content: Path) -> tuple[str, int, str]:
    path = content / "events" / "old-war.yml"
    _replace(path, "actor: armenia", "actor: armenya")
    return "events/old-war.yml", _line_of(path, "armenya"), "'armenya' is not a known actor"


def break_id(content: Path) -> tuple[str, int, str]:
    path = content / "actors" / "gaul.yml"
    shutil.copy(content / "actors" / "france.yml", path)
    return "actors/gaul.yml", _line_of(path, "id: france"), "id 'france' is not the file's name"


def break_kind(content: Path) -> tuple[str, int, str]:
    path = content / "events" / "shelling.yml"
    _replace(path, "kind: assault", "kind: party-time")
    return (
        "events/shelling.yml",
        _line_of(path, "party-time"),
        "'kind' is 'party-time', outside its vocabulary",
    )


@pytest.mark.parametrize(
    "breaker", [break_syntax, break_field, break_date, break_reference, break_id, break_kind]
)
def test_a_broken_sheet_stops_the_build_with_its_place(tmp_path, breaker):
    project = make_project(tmp_path / "brief")
    where, line, problem = breaker(project / "content")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert re.search(rf"^content/{re.escape(where)}:{line}: .*{re.escape(problem)}", output, re.M), output
    assert not (project / "site" / "index.html").exists()


def test_a_broken_template_stops_the_build_with_its_place(tmp_path):
    project = make_project(tmp_path / "brief")
    (project / "templates" / "event.md.j2").write_text(
        "# {{ event.title }}\n\n{{ event.when }}\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"templates/event\.md\.j2:3: template error: .*has no attribute 'when'", output), output


def site_name(built: Path) -> str:
    html = (built / "index.html").read_text(encoding="utf-8")
    return re.search(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S).group(1)


def test_the_site_is_named_by_the_briefing(built):
    assert site_name(built) == "Ceasefire talks in Moscow"


def test_a_topic_names_the_site_and_keep_site_name_keeps_mkdocs_yml(tmp_path):
    project = make_project(tmp_path / "brief")
    briefing = project / "content" / "briefing.yml"
    topic = "topic: Talks over Ruritania\n"
    briefing.write_text(briefing.read_text(encoding="utf-8") + topic, encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    assert site_name(project / "site") == "Talks over Ruritania"
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    kept = text.replace("  - briefing", "  - briefing:\n      keep_site_name: true", 1)
    config.write_text(kept, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert site_name(project / "site") == yaml.safe_load(text.split("\ntheme:")[0])["site_name"]
