"""The page model and the rendering, without MkDocs: order, dates, links both ways, escaping.
The pages are HTML as the templates write it (`render_site`); the helpers that write its links
and headings are tested on hand-made templates in test_render.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
import yaml

import generator
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
    page_meta,
    page_url,
    safe_url,
)
from tests.briefing_fixture import write_content
from tests.markup import live_parts, visible_text

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
    shelling = pages["events/shelling.md"]
    cite = '<sup class="cite">[<a href="#cite-{0}">{0}</a>]</sup>'
    assert cite.format(1) + cite.format(2) in shelling
    references = shelling[shelling.index('id="references"') :]
    assert references.count("<li>") == 2 and "<em>Towns were shelled</em>" in references
    assert '<a href="../../sources/#second">Second article</a>' in references
    background = pages["background.md"]
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
    html = render_site(load_content(root))["background.md"]
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
    assert page_url("actors/russia.md", "index.md") == "actors/russia/"
    assert page_url("events/talks.md", "actors/russia.md") == "../../events/talks/"
    assert page_url("sources.md#talks", "events/talks.md") == "../../sources/#talks"


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
        ("events/index.md", "actors/a.md", True, "../../events/"),
        ("events/index.md", "actors/a.md", False, "../events/index.html"),
        ("index.md", "index.md", True, "./"),
        ("downloads/events.csv", "sources.md", True, "../downloads/events.csv"),
        ("downloads/events.csv", "sources.md", False, "downloads/events.csv"),
        ("downloads/events.csv", "index.md", True, "downloads/events.csv"),
        ("sources.md#talks", "events/x.md", True, "../../sources/#talks"),
        ("sources.md#talks", "events/x.md", False, "../sources.html#talks"),
        ("sources/talks.md#q-0123456789", "sources.md", True, "talks/#q-0123456789"),
        ("actors/index.md#countries", "index.md", False, "actors/index.html#countries"),
    ],
)
def test_page_url_follows_mkdocs_directory_urls(target, page, directory_urls, url):
    assert page_url(target, page, directory_urls) == url


def test_the_timeline_page_draws_its_dated_events_with_working_links(pages, site):
    html = pages["timeline.md"]
    first_panel = html[: html.index("</svg>")]
    assert first_panel.count('class="mark"') == len(site.timeline)
    assert '<a href="../events/moscow-talks/"' in html


def test_rendered_pages_link_actors_and_events(pages):
    talks = pages["events/moscow-talks.md"]
    assert '<a href="../../actors/moscow/">Moscow</a>' in talks
    assert '<td><a href="../../actors/russia/">Russia</a></td>\n<td>mediator</td>' in talks
    assert 'Previous: <a href="../appeal/">Appeal for a ceasefire</a>' in talks
    russia = pages["actors/russia.md"]
    assert '<td><a href="../../events/moscow-talks/">Talks in Moscow</a></td>\n<td>mediator</td>' in russia
    assert '<a href="../armenia/">Armenia</a>' in russia
    assert '<a href="../actors/russia/">Russia</a>' in pages["background.md"]
    assert '<a href="actors/russia/">Russia</a>' in pages["index.md"]


def test_a_page_names_itself_without_a_link(content):
    russia = render_pages(content).pages["actors/russia.md"]  # its drawing apart
    assert "<li>Russia has a defense treaty with" in russia.html  # its own name, in its relation
    assert 'href="./"' not in russia.html and "actors/russia.md" not in russia.links


def test_rendered_dates_are_honest(pages):
    html = pages["timeline.md"]
    html = html[html.index("</svg>", html.rindex("<svg viewBox")) :]  # the list, after the drawing
    for label in [
        "before 8 October 2020",
        "1994",
        "c. September 2020",
        "21–30 September 2020",
        "9 October 2020",
    ]:
        assert label in html
    assert html.index("1994") < html.index("c. September 2020") < html.index("21–30 September 2020")
    assert "Undated" in html


def test_sources_link_only_web_addresses(pages):
    html = pages["sources.md"]
    assert 'href="https://example.org/talks?a=1&amp;b=%282%29"' in html
    assert 'id="talks"' in html and 'id="second"' in html
    # only the file's name: a folder on the author's machine is nobody's business on the web
    assert "<code>talks.txt</code>" in html and "seeds/" not in html


def test_escape_text_neutralizes_html_and_keeps_the_rest_as_typed():
    for payload in PAYLOADS:
        html = str(escape_text(payload))
        assert not live_parts(html) and "<" not in html and ">" not in html
        assert visible_text(html) == payload  # `**bold**` and `[x](...)` stay as typed: no Markdown
    assert escape_text("a\n# b\t- \"c\" & 'd'") == "a # b - &#34;c&#34; &amp; &#39;d&#39;"


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
    assert external_link("original", url) == "original"


def test_payloads_reach_every_page_as_text(tmp_path):
    pages = render_site(load_content(write_content(tmp_path / "content", payload=PAYLOAD)))
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue  # the downloads: data for other tools, not pages
        html = re.sub(r"<svg viewBox.*?</svg>", "", page, flags=re.S)  # drawings' numbers
        assert not live_parts(html), path
        assert "<script" not in html and "<img" not in html, path
        assert 'href="javascript:' not in html.lower(), path
        assert "<strong>bold" not in html and "49" not in html, path
    home = visible_text(pages["index.md"])
    assert PAYLOAD.strip() in home  # every payload shown as typed: `{{ 7*7 }}`, `**bold**` and all
    meta = render_pages(load_content(tmp_path / "content")).pages["index.md"].meta
    assert front_matter(meta).startswith('---\ntitle: "Ceasefire talks in Moscow &lt;script&gt;')


def test_project_template_overrides_a_default_by_file_name(tmp_path, content):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.html.j2").write_text(
        '{{ heading(1, "Custom " ~ actor.name) }}\n<p>{{ actor.summary }}</p>\n', encoding="utf-8"
    )
    pages = render_site(content, templates)
    custom = '<h1 id="custom-russia">Custom Russia</h1>\n<p>Mediator of the talks.</p>\n'
    assert pages["actors/russia.md"] == custom
    assert '<h2 id="participants">Participants</h2>' in pages["events/moscow-talks.md"]  # the default


def test_an_override_cannot_evaluate_content_as_template(tmp_path, content):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.html.j2").write_text("{{ actor.name }}", encoding="utf-8")
    evil = load_content(write_content(tmp_path / "content", payload="{{ 7*7 }}"))
    assert "49" not in render_site(evil, templates)["actors/armenia.md"]


def test_missing_templates_folder_uses_defaults(content):
    assert render_site(content, Path("/nonexistent")) == render_site(content)


@pytest.mark.parametrize(
    ("template", "line"),
    [("<h1>{{ actor.name }}</h1>\n\n{{ actor.nmae }}\n", 3), ("<h1>{{ actor.name }}</h1>\n{% if x %}\n", 2)],
)
def test_a_broken_template_is_located(tmp_path, content, template, line):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.html.j2").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateProblem, match=rf"actor\.html\.j2:{line}: template"):
        render_site(content, templates)


def test_a_markdown_template_of_an_earlier_version_is_refused_by_name(tmp_path, content):
    """A project's `actor.md.j2` would no longer be used: the change made in it would vanish
    from the site without a word."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text("# {{ actor.name }}\n", encoding="utf-8")
    (templates / "home.md.j2").write_text("# Home\n", encoding="utf-8")
    with pytest.raises(TemplateProblem) as raised:
        render_site(content, templates)
    message = str(raised.value)
    assert re.match(
        r"\S*templates/actor\.md\.j2:1: Markdown templates of an earlier version \(actor\.md\.j2, "
        r"home\.md\.j2\), which would not be used", message
    )
    assert "expected actor.html.j2, home.html.j2: copy the default from " in message
    assert str(Path(generator.__file__).parent / "templates") in message  # where the defaults are
    (templates / "home.md.j2").unlink()
    (templates / "actor.md.j2").unlink()
    (templates / "actor.html.j2").write_text("<h1>{{ actor.name }}</h1>\n", encoding="utf-8")
    assert render_site(content, templates)["actors/russia.md"] == "<h1>Russia</h1>\n"  # made again: used


def test_front_matter_keeps_an_emoji_title_readable_as_yaml():
    title = "Talks on the river 🇺🇦: <b>live</b> & more"
    meta = page_meta(title)
    assert meta["title"] == "Talks on the river 🇺🇦: &lt;b&gt;live&lt;/b&gt; &amp; more"
    assert meta["hide"] == ["navigation"] and len(meta) == 2
    block = front_matter(meta).split("---\n")[1]
    assert yaml.safe_load(block) == meta


def test_a_page_holds_a_placeholder_and_keeps_its_drawing_apart(content):
    rendered = render_pages(content)
    assert {"timeline.md", "actors/index.md", "actors/russia.md"} <= set(rendered.drawings)
    for path, drawing in rendered.drawings.items():
        html = rendered.pages[path].html
        assert "<svg" not in html and html.count(str(drawing_slot(path))) == 1
        assert drawing.startswith('<div class="briefing-drawing"')
        assert fill_drawing(html, path, drawing) == render_site(content)[path]
    assert not any("<svg" in page.html for page in rendered.pages.values())


def test_the_pages_and_the_downloads_are_apart(content):
    rendered = render_pages(content)
    assert set(rendered.pages) == {p.path for p in build_site(content).pages}
    assert set(rendered.downloads) == {
        f"downloads/{name}"
        for name in ["timeline.json", "events.csv", "actors.csv", "relations.csv", "briefing.geojson"]
    }
    assert render_site(content).keys() == rendered.pages.keys() | rendered.downloads.keys()
