"""The page model and the rendering, without MkDocs: order, dates, links both ways, escaping."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
import yaml
from markdown import Markdown

from generator.dates import edtf_bounds
from generator.schema import ActorKind, PublishedFrom, RelationType
from generator.sheets.store import load_content
from generator.site.labels import DATE_ORIGINS, KIND_HEADINGS, RELATION_PHRASES, date_label
from generator.site.pages import build_site, drawing_slot, fill_drawing, link_names, render_pages, render_site
from generator.site.render import (
    TemplateProblem,
    escape_text,
    external_link,
    front_matter,
    page_url,
    relative_path,
    safe_url,
)
from tests.briefing_fixture import write_content

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "**bold**",
]
PAYLOAD = " " + " ".join(PAYLOADS)


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return load_content(write_content(tmp_path_factory.mktemp("site") / "content"))


@pytest.fixture(scope="module")
def site(content):
    return build_site(content)


@pytest.fixture(scope="module")
def pages(content):
    return render_site(content)


def to_html(markdown: str) -> str:
    """The page as MkDocs would make it (same extensions), front matter dropped."""
    body = markdown.split("---\n", 2)[2]
    return Markdown(extensions=["attr_list", "tables", "admonition", "toc"]).convert(body)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2020-10-09", "9 October 2020"),
        ("2020-09", "September 2020"),
        ("2020-09~", "c. September 2020"),
        ("2020?", "2020 (uncertain)"),
        ("2020-10-09%", "c. 9 October 2020 (uncertain)"),
        ("2020-09-21/2020-09-30", "21–30 September 2020"),
        ("2020-09-21/2020-10-03", "21 September – 3 October 2020"),
        ("2019-12/2020-01", "December 2019 – January 2020"),
        ("../2020-10-08", "before 8 October 2020"),
        ("2020-10-08/..", "since 8 October 2020"),
        ("1994", "1994"),
        ("2020-21", "spring 2020"),
        ("199X", "the 1990s"),
        ("19XX", "the 1900s"),
        ("199X~", "around the 1990s"),
        (None, "undated"),
    ],
)
def test_date_label_says_only_what_the_value_knows(value, label):
    assert date_label(value) == label


def test_date_label_shows_an_unusual_value_as_written():
    assert date_label("2020-1X") == "2020-1X"


def test_date_bounds_span_the_whole_precision():
    start, end = edtf_bounds("2020-09~")
    assert (start.isoformat(), end.isoformat()) == ("2020-09-01", "2020-09-30")
    assert edtf_bounds("../2020-10-08")[0].year == 1
    assert edtf_bounds(None) is None


# --- the model ---------------------------------------------------------------------------


def test_timeline_orders_by_earliest_possible_date_and_keeps_undated_apart(site):
    # "before 8 October" (the appeal) stands at 8 October, the one day it knows
    assert [e.id for e in site.timeline] == ["old-war", "fighting", "shelling", "appeal", "moscow-talks"]
    assert [e.id for e in site.undated] == ["undated-meeting"]


def test_an_undated_event_that_took_place_stands_before_its_source_was_published(tmp_path):
    root = write_content(tmp_path / "content")
    sheet = root / "events" / "undated-meeting.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("status: planned\n", ""), encoding="utf-8")
    site = build_site(load_content(root))
    meeting = site.events["undated-meeting"]
    assert meeting.date.value == "../2020-10-09" and meeting.date.label == "before 9 October 2020"
    assert meeting.date.note and "gives no date" in meeting.date.note
    assert meeting in site.timeline and not site.undated
    assert "status" not in sheet.read_text(encoding="utf-8")  # the sheet stays as written


def test_previous_and_next_follow_the_timeline(site):
    talks, appeal = site.events["moscow-talks"], site.events["appeal"]
    assert talks.previous == appeal.link and talks.next is None
    assert appeal.next == talks.link
    assert site.events["old-war"].previous is None
    assert site.events["undated-meeting"].previous is None and site.events["undated-meeting"].next is None


def test_relations_show_on_both_actors(site):
    (out,) = site.actors["russia"].relations_out
    (back,) = site.actors["armenia"].relations_in
    assert out is back and out.target.path == "actors/armenia.md" and out.subject.text == "Russia"
    assert [r.subject.text for r in site.actors["azerbaijan"].relations_in] == ["Armenia", "Turkey"]


def test_claims_show_for_every_speaker_and_subject_wherever_stored(site):
    # both claims are stored on russia.yml; France speaks in both
    assert [c.text for c in site.actors["france"].claims_made] == [
        "Turkey has sent fighters.",
        "The talks will succeed.",
    ]
    assert [c.text for c in site.actors["russia"].claims_made] == ["Turkey has sent fighters."]
    assert [c.text for c in site.actors["turkey"].claims_about] == ["Turkey has sent fighters."]
    assert [c.text for c in site.events["moscow-talks"].claims] == ["The talks will succeed."]


def test_actor_events_in_timeline_order_with_roles(site):
    events = [(p.event.path, p.role) for p in site.actors["armenia"].events]
    assert events == [
        ("events/old-war.md", "party"),
        ("events/fighting.md", "party"),
        ("events/moscow-talks.md", "party"),
    ]
    assert site.actors["moscow"].events_here == [site.events["moscow-talks"].link]


def test_evidence_counts_sources(site):
    evidence = site.events["moscow-talks"].evidence
    assert evidence.source_count == 1 and len(evidence.quotes) == 1
    assert evidence.quotes[0].source.path == "sources.md#talks"
    assert site.events["shelling"].evidence.source_count == 2


def test_every_sentence_is_cited_by_number_and_listed_once(pages):
    shelling = to_html(pages["events/shelling.md"])
    cite = '<sup class="cite">[<a href="#cite-{0}">{0}</a>]</sup>'
    assert cite.format(1) + cite.format(2) in shelling
    references = shelling[shelling.index('id="references"') :]
    assert references.count("<li>") == 2 and "<em>Towns were shelled</em>" in references
    assert '<a href="../sources.md#second">Second article</a>' in references
    background = to_html(pages["background.md"])
    assert "The region lies within Azerbaijani borders" in background  # the quote differs from the text


def test_a_sentence_cited_by_several_facts_is_one_reference(tmp_path):
    root = write_content(tmp_path / "content")
    sheet = root / "briefing.yml"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace(
            "The region lies within Azerbaijani borders.",
            "The Azerbaijani region is claimed by Armenia; Russia has a base there.",
        ),
        encoding="utf-8",
    )
    html = to_html(render_site(load_content(root))["background.md"])
    assert html.count("claimed by") == 2  # the fact, and its sentence once under References
    assert html.count('id="cite-') == 1


def test_link_names_prefers_longest_whole_words(site):
    pieces = link_names("Armenian forces and Armenia; Armenians", site.actors)
    assert [(p.text, p.path) for p in pieces] == [
        ("Armenian", "actors/armenia.md"),
        (" forces and ", None),
        ("Armenia", "actors/armenia.md"),
        ("; Armenians", None),
    ]


def test_every_vocabulary_value_has_words():
    assert set(get_args(RelationType)) == set(RELATION_PHRASES)
    assert set(get_args(ActorKind)) == set(KIND_HEADINGS)
    assert set(get_args(PublishedFrom)) == {*DATE_ORIGINS, "none"}


def test_pages_at_stable_paths(site, content):
    paths = {p.path for p in site.pages}
    expected = {
        "index.md",
        "background.md",
        "timeline.md",
        "map.md",
        "actors/index.md",
        "events/index.md",
        "sources.md",
    }
    expected |= {f"actors/{a}.md" for a in content.actors} | {f"events/{e}.md" for e in content.events}
    assert paths == expected


# --- rendering ---------------------------------------------------------------------------


def test_links_are_relative_to_the_page():
    assert relative_path("actors/russia.md", "index.md") == "actors/russia.md"
    assert relative_path("events/talks.md", "actors/russia.md") == "../events/talks.md"
    assert relative_path("sources.md#talks", "events/talks.md") == "../sources.md#talks"


@pytest.mark.parametrize(
    ("target", "page", "directory_urls", "url"),
    [
        ("events/x.md", "timeline.md", True, "../events/x/"),
        ("events/x.md", "timeline.md", False, "events/x.html"),
        ("events/x.md", "index.md", True, "events/x/"),
        ("index.md", "events/y.md", True, "../../"),
        ("index.md", "events/y.md", False, "../index.html"),
        ("actors/index.md", "actors/a.md", True, "../"),
        ("events/x.md", "events/y.md", False, "x.html"),
    ],
)
def test_page_url_follows_mkdocs_directory_urls(target, page, directory_urls, url):
    assert page_url(target, page, directory_urls) == url


def test_the_timeline_page_draws_its_dated_events_with_working_links(pages, site):
    html = to_html(pages["timeline.md"])
    first_panel = html[: html.index("</svg>")]
    assert first_panel.count('class="mark"') == len(site.timeline)
    assert '<a href="../events/moscow-talks/"' in html


def test_rendered_pages_link_actors_and_events(pages):
    talks = pages["events/moscow-talks.md"]
    assert "[Moscow](../actors/moscow.md)" in talks and "[Russia](../actors/russia.md) | mediator" in talks
    assert "Previous: [Appeal for a ceasefire](appeal.md)" in talks
    russia = pages["actors/russia.md"]
    assert "[Talks in Moscow](../events/moscow-talks.md) | mediator" in russia
    assert "[Armenia](armenia.md)" in russia
    assert "[Russia](actors/russia.md)" in pages["background.md"]
    assert "[Russia](actors/russia.md)" in pages["index.md"]


def test_rendered_dates_are_honest(pages):
    html = to_html(pages["timeline.md"])
    html = html[html.index("</svg>", html.rindex("<svg viewBox")) :]  # the list, after the drawing
    for label in [
        "before 8 October 2020",
        "1994",
        "c. September 2020",
        "21–30 September 2020",
        "9 October 2020",
    ]:
        assert label in html.replace("&#46;", ".")
    assert html.index("1994") < html.index("c&#46; September 2020") < html.index("21–30 September 2020")
    assert "Undated" in html


def test_sources_link_only_web_addresses(pages):
    html = to_html(pages["sources.md"])
    assert 'href="https://example.org/talks?a=1&amp;b=%282%29"' in html
    assert 'id="talks"' in html and 'id="second"' in html
    # only the file's name: a folder on the author's machine is nobody's business on the web
    assert "<code>talks&#46;txt</code>" in html and "seeds/" not in html


def test_escape_text_neutralizes_markdown_and_html():
    for payload in PAYLOADS:
        html = Markdown().convert(str(escape_text(payload)))
        assert "<script" not in html and "<img" not in html and "<a " not in html and "<strong>" not in html
    assert escape_text("a\n# b\n- c") == "a &#35; b &#45; c"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "ftp://x.org",
        "http://[::1",  # urlsplit raises on it
        None,
        "",
    ],
)
def test_only_web_addresses_become_links(url):
    assert safe_url(url) is None
    assert "](" not in external_link("original", url)


def test_payloads_reach_every_page_as_text(tmp_path):
    pages = render_site(load_content(write_content(tmp_path / "content", payload=PAYLOAD)))
    for path, markdown in pages.items():
        if not path.endswith(".md"):
            continue  # the downloads: data for other tools, not pages
        html = re.sub(r"<svg viewBox.*?</svg>", "", to_html(markdown), flags=re.S)  # drawings' numbers
        assert "<script" not in html, path
        assert "<img" not in html and "onerror=" not in html.replace("onerror&#61;", ""), path
        assert "javascript:" not in html, path
        assert "<strong>bold" not in html and "49" not in html, path
    home = to_html(pages["index.md"])
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in home and "&#123;% raw %&#125;" in home
    assert pages["index.md"].startswith('---\ntitle: "Ceasefire talks in Moscow &lt;script&gt;')


def test_project_template_overrides_a_default_by_file_name(tmp_path, content):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text(
        "# Custom {{ actor.name }}\n\n{{ actor.summary }}\n", encoding="utf-8"
    )
    pages = render_site(content, templates)
    assert re.search(r"^# Custom Russia$", pages["actors/russia.md"], re.M)
    assert "Mediator of the talks&#46;" in pages["actors/russia.md"]
    assert "## Participants" in pages["events/moscow-talks.md"]  # not overridden: the default


def test_an_override_cannot_evaluate_content_as_template(tmp_path, content):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text("{{ actor.name }}", encoding="utf-8")
    evil = load_content(write_content(tmp_path / "content", payload="{{ 7*7 }}"))
    assert "49" not in render_site(evil, templates)["actors/armenia.md"]


def test_missing_templates_folder_uses_defaults(content):
    assert render_site(content, Path("/nonexistent")) == render_site(content)


@pytest.mark.parametrize(
    ("template", "line"),
    [("# {{ actor.name }}\n\n{{ actor.nmae }}\n", 3), ("# {{ actor.name }}\n{% if x %}\n", 2)],
)
def test_a_broken_template_is_located(tmp_path, content, template, line):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateProblem, match=rf"actor\.md\.j2:{line}: template"):
        render_site(content, templates)


def test_front_matter_keeps_an_emoji_title_readable_as_yaml():
    title = "Talks on the river 🇺🇦: <b>live</b> & more"
    block = front_matter(title).split("---\n")[1]
    assert yaml.safe_load(block)["title"] == "Talks on the river 🇺🇦: &lt;b&gt;live&lt;/b&gt; &amp; more"


def test_a_page_hands_markdown_a_placeholder_and_keeps_its_drawing_apart(content):
    rendered = render_pages(content)
    assert {"timeline.md", "actors/index.md", "actors/russia.md"} <= set(rendered.drawings)
    for path, drawing in rendered.drawings.items():
        markdown = rendered.files[path]
        assert "<svg" not in markdown and markdown.count(str(drawing_slot(path))) == 1
        assert drawing.startswith('<div class="briefing-drawing"')
        assert drawing_slot(path) in to_html(markdown)  # Markdown keeps the placeholder as it is
        assert fill_drawing(markdown, path, drawing) == render_site(content)[path]
    assert not any("<svg" in text for text in rendered.files.values())
