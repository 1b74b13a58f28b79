"""Real `mkdocs build --strict` runs of a small project: pages, links, edits, bad sheets."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from generator.plugin import NAV, NAV_PATHS
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


def broken_links(built: Path) -> list[str]:
    """Every link between the built site's pages or files that leads nowhere, or to an anchor
    its page does not hold."""
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
    return broken


def test_every_internal_link_resolves(built):
    assert not broken_links(built)


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
    talks = parse(project / "site" / "events" / "moscow-talks.html").hrefs
    assert "../actors/russia.html" in talks and "../sources.html#talks" in talks  # the pages' own links
    assert not broken_links(project / "site")


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
    (project / "templates" / "home.html.j2").write_text(
        "{{ heading(1, briefing.title) }}\n<p>Custom page.</p>\n", encoding="utf-8"
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


@pytest.mark.parametrize(
    ("template", "body", "where"),
    [
        ("event.html.j2", "{{ heading(1, event.title) }}\n\n<p>{{ event.when }}</p>\n",
         r"templates/event\.html\.j2:3: template error: .*has no attribute 'when'"),
        # a helper misused: a Python error inside it, located all the same
        ("home.html.j2", "{{ heading(1, briefing.title) }}\n<p>{{ link('Russia') }}</p>\n",
         r"templates/home\.html\.j2:2: template error: .*missing 1 required positional "
         r"argument: 'target'; expected a Jinja2 template"),
    ],
)
def test_a_broken_template_stops_the_build_with_its_place_not_a_traceback(tmp_path, template, body, where):
    project = make_project(tmp_path / "brief")
    (project / "templates" / template).write_text(body, encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(where, output), output


def test_a_markdown_template_of_an_earlier_version_stops_the_build_and_says_what_to_do(tmp_path):
    project = make_project(tmp_path / "brief")
    (project / "templates" / "actor.md.j2").write_text("# {{ actor.name }}\n\nMy change.\n", encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(
        r"^ERROR +- +templates/actor\.md\.j2:1: Markdown template of an earlier version \(actor\.md\.j2\), "
        r"which would not be used.*expected actor\.html\.j2: copy the default from ",
        output,
        re.M,
    ), output
    assert not (project / "site" / "index.html").exists()


def build_with_home(project: Path, body: str) -> str:
    """A strict build whose home page is `body` (a project template); its output."""
    (project / "templates" / "home.html.j2").write_text(
        "{{ heading(1, briefing.title) }}\n" + body, encoding="utf-8"
    )
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return output if result.returncode else ""


@pytest.mark.parametrize("good, bad, warning", [
    ('{{ link("Russia", "actors/russia.md") }}', '{{ link("Nobody", "actors/nobody.md") }}',
     r"contains a link 'actors/nobody\.md', but the target 'actors/nobody\.md' is not found "
     r"among documentation files\."),
    # MkDocs checks anchors against the ids of the page linked to (`present_anchor_ids`)
    ('{{ link("Talks", "sources.md#talks") }} {{ link("Ref", "events/shelling.md#cite-2") }}',
     '{{ link("Entry", "sources.md#no-such-anchor") }}',
     r"contains a link 'sources\.md#no-such-anchor', but the doc 'sources\.md' does not contain "
     r"an anchor '#no-such-anchor'"),
], ids=["page", "anchor"])
def test_a_link_to_a_page_or_anchor_that_does_not_exist_fails_the_strict_build(tmp_path, good, bad, warning):
    project = make_project(tmp_path / "brief")
    assert build_with_home(project, f"<p>{good}</p>\n") == ""  # the ones that are
    output = build_with_home(project, f"<p>{bad}</p>\n")
    assert re.search(r"^WARNING +- +Doc file 'index\.md' " + warning, output, re.M), output
    assert "Aborted with 1 warnings in strict mode" in output


def test_a_page_lists_its_headings_in_its_table_of_contents(built):
    page = lxml_html.fromstring((built / "actors" / "russia" / "index.html").read_text(encoding="utf-8"))
    toc = [
        (a.get("href"), a.text_content().strip())
        for a in page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a[@class='md-nav__link']")
    ]
    article = page.xpath("//article")[0]
    h2 = [("#" + h.get("id"), h.text.strip()) for h in article.xpath(".//h2")]
    assert toc == h2
    assert [t for _, t in toc] == ["Connections", "Relations", "Events", "Claims made", "References"]
    for heading in article.xpath(".//h1 | .//h2"):  # with the permalink mkdocs.yml's `toc` asks for
        (permalink,) = heading.xpath("a[@class='headerlink']")
        assert permalink.get("href") == "#" + heading.get("id") and permalink.text == "¶"


def test_the_index_pages_keep_their_titles_in_the_navigation(built):
    for item in NAV:
        ((title, path),) = item.items()
        url = "" if path == "index.md" else path.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
        page = lxml_html.fromstring((built / url / "index.html").read_text(encoding="utf-8"))
        tab = page.xpath("//li[contains(@class, 'md-tabs__item--active')]/a")
        assert [a.text_content().strip() for a in tab] == [title], path
        heading = page.xpath("//article//h1")[0].text.strip()
        assert page.findtext(".//title").startswith(f"{heading} - "), path  # the page's own title


def test_table_cells_stay_words_apart_in_the_search_index(built):
    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {doc["location"]: doc["text"] for doc in docs}
    assert text["#who-is-involved"].startswith("Actor Kind Events Armenia Country 3 Azerbaijan")
    assert text["events/moscow-talks/#participants"].startswith("Actor Role Armenia party Azerbaijan party")
    assert text["actors/russia/#events"].startswith("Date Event Role before 8 October 2020 Appeal for a")
    run_together = re.compile(r"ActorRole|ActorKind|KindEvents|EventRole|partyAzerbaijan|Country3")
    assert not [loc for loc, words in text.items() if run_together.search(words)]


def test_a_hand_written_markdown_page_is_still_converted_by_mkdocs(built):
    page = (built / "intro" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="introduction">Introduction' in page
    assert '<p>Start with <a href="../actors/russia/">Russia</a>.</p>' in page


def test_a_hand_written_page_s_links_into_generated_pages_are_checked_to_the_anchor(tmp_path):
    """The generated pages tell MkDocs their anchors (`present_anchor_ids`), in the navigation
    or not, so a Markdown link to one of them is checked as between Markdown pages."""
    project = make_project(tmp_path / "brief")
    intro = project / "content" / "intro.md"
    intro.write_text(
        "# Introduction\n\n[Its relations](actors/russia.md#relations), [the talks](sources.md#talks).\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    intro.write_text(
        "# Introduction\n\n[a](actors/russia.md#nope) [b](sources.md#nope-either)\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Aborted with 2 warnings in strict mode" in output
    assert "the doc 'actors/russia.md' does not contain an anchor '#nope'" in output
    assert "the doc 'sources.md' does not contain an anchor '#nope-either'" in output


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


def test_only_the_navigation_s_own_pages_pass_through_python_markdown(tmp_path, monkeypatch):
    """Generated pages are HTML already: an actor's or an event's page is a GeneratedPage, for
    which MkDocs reads no source and builds no Markdown converter; the navigation's pages
    (MkDocs makes them, with their titles) and hand-written pages are the only ones it converts."""
    project = make_project(tmp_path / "brief")
    made: list[str] = []
    render = Page.render

    def counted(page, config, files):
        made.append(page.file.src_uri)
        return render(page, config, files)

    monkeypatch.setattr(Page, "render", counted)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert sorted(made) == sorted([*NAV_PATHS, "intro.md"])
    assert (tmp_path / "site" / "actors" / "russia" / "index.html").is_file()
