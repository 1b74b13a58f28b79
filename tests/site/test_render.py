"""render.py on hand-made templates: the HTML a template writes, with its links and headings
as MkDocs would have made them from Markdown (URLs, ids, permalinks, the table of contents,
the anchors and the links it holds), and content kept as text. Python-Markdown and MkDocs
themselves are the oracles where they make the same thing."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown import Markdown
from mkdocs.structure.files import File

from generator.site.model import Evidence, Link, Quote
from generator.site.render import (
    PageState,
    RenderedPage,
    TemplateProblem,
    make_environment,
    page_url,
    render_template,
)
from tests.markup import live_parts, visible_text


def render(
    tmp_path: Path,
    source: str,
    path: str = "events/talks.md",
    directory_urls: bool = True,
    permalink: str = "",
    **context: object,
) -> RenderedPage:
    """`source` as a project's template, rendered as the page at `path`."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "page.html.j2").write_text(source, encoding="utf-8")
    env = make_environment(folder)
    return render_template(env, "page.html.j2", PageState(path, directory_urls, permalink), "A page", context)


def markdown_headings(text: str, permalink: bool = False) -> tuple[str, list[dict]]:
    """What Python-Markdown's `toc` extension makes of Markdown headings: the HTML and the tokens."""
    md = Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": permalink}})
    return md.convert(text), md.toc_tokens


def tokens(toc: list[dict]) -> list[dict]:
    """Toc tokens with only what MkDocs reads of them (`mkdocs.structure.toc.get_toc`)."""
    return [
        {"level": t["level"], "id": t["id"], "name": t["name"], "children": tokens(t["children"])}
        for t in toc
    ]


# --- headings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Events here",
        "Claims about Côte d'Ivoire",
        "Talks: 9 October (2020)",
        "Ärger & Co.",
        "2020–2021 talks",
        "  Spaced   out  ",
        "The EU's envoy",
    ],
)
def test_a_heading_id_is_the_one_python_markdown_makes_from_its_text(tmp_path, text):
    page = render(tmp_path, "{{ heading(2, text) }}", text=text)
    _, (token,) = markdown_headings(f"## {text}")
    assert page.html.startswith(f'<h2 id="{token["id"]}">') and page.anchors == {token["id"]}
    assert visible_text(page.html).strip() == " ".join(text.split())


def test_a_repeated_heading_gets_the_next_free_id_as_in_python_markdown(tmp_path):
    page = render(tmp_path, "{{ heading(2, 'Events') }}\n" * 2 + "{{ heading(3, 'Events') }}")
    _, toc = markdown_headings("## Events\n\n## Events\n\n### Events")
    assert tokens(page.toc) == tokens(toc)
    assert [t["id"] for t in page.toc] == ["events", "events_1"]
    assert page.toc[1]["children"][0]["id"] == "events_2"
    assert page.anchors == {"events", "events_1", "events_2"}


def test_a_heading_takes_an_explicit_id_and_refuses_one_that_is_no_slug(tmp_path):
    page = render(tmp_path, "{{ heading(2, 'Talks article', 'talks') }}\n{{ heading(2, 'Talks') }}")
    assert page.html == '<h2 id="talks">Talks article</h2>\n<h2 id="talks_1">Talks</h2>\n'
    with pytest.raises(TemplateProblem, match=r"\.j2:1: template error: 'Not a slug' is not a slug"):
        render(tmp_path, "{{ heading(2, 'Talks', 'Not a slug') }}")
    with pytest.raises(TemplateProblem, match="is not a slug"):
        render(tmp_path, "{{ heading(2, 'Talks', 'x\" onclick=\"alert(1)') }}")


def test_an_explicit_id_stays_as_given_after_a_heading_with_the_same_automatic_id(tmp_path):
    # as Python-Markdown does: the id a template gives stands, the automatic one moves
    page = render(
        tmp_path,
        "{{ heading(1, 'Sources') }}\n{{ heading(2, 'Talks article', 'sources') }}",
        path="sources.md",
    )
    assert '<h2 id="sources">Talks article</h2>' in page.html
    assert '<h1 id="sources_1">Sources</h1>' in page.html
    assert [t["id"] for t in page.toc] == ["sources_1"] and page.toc[0]["children"][0]["id"] == "sources"
    assert page.anchors == {"sources", "sources_1"}


def test_content_text_cannot_pass_for_a_heading_id_to_settle(tmp_path):
    page = render(tmp_path, "{{ heading(2, 'Talks') }}\n<p>{{ text }}</p>", text="\x00heading-0\x00")
    assert page.html == '<h2 id="talks">Talks</h2>\n<p>heading-0</p>\n'


def test_a_permalink_only_when_the_toc_extension_has_one(tmp_path):
    source = "{{ heading(1, 'Talks in Moscow') }}\n{{ heading(2, 'Events here') }}"
    with_link = render(tmp_path, source, permalink="&para;")
    html, _ = markdown_headings("# Talks in Moscow\n\n## Events here", permalink=True)
    assert with_link.html.split() == html.split()  # as Python-Markdown writes it, character for character
    permalink = '<a class="headerlink" href="#events-here" title="Permanent link">&para;</a>'
    assert with_link.html.count(permalink) == 1
    plain = render(tmp_path, source)
    assert "headerlink" not in plain.html
    assert plain.html.startswith('<h1 id="talks-in-moscow">Talks in Moscow</h1>')
    assert render(tmp_path, source, permalink="#").html.count('title="Permanent link">#</a>') == 2


def test_the_table_of_contents_nests_headings_as_python_markdown_does(tmp_path):
    page = render(
        tmp_path,
        "{{ heading(1, 'Russia') }}\n<p>Text.</p>\n{{ heading(2, 'Relations') }}\n"
        "{{ heading(3, 'Allies & rivals') }}\n{{ heading(2, 'Events') }}\n"
        "{{ heading(1, 'Annex') }}",
    )
    _, toc = markdown_headings(
        "# Russia\n\nText.\n\n## Relations\n\n### Allies & rivals\n\n## Events\n\n# Annex"
    )
    assert tokens(page.toc) == tokens(toc)
    (russia, annex) = page.toc
    assert [c["id"] for c in russia["children"]] == ["relations", "events"] and not annex["children"]
    assert russia["children"][0]["children"][0]["name"] == "Allies &amp; rivals"  # HTML, as MkDocs shows it


# --- links -------------------------------------------------------------------------------


PAGES = ["index.md", "actors/index.md", "actors/russia.md", "sources.md", "sources/talks.md", "timeline.md"]
TARGETS = PAGES + ["events/x.md", "downloads/events.csv", "downloads/timeline.json"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_url_is_the_url_mkdocs_writes_for_a_markdown_link(directory_urls):
    for target in TARGETS:
        for page in PAGES:
            if target == page:
                continue
            there = File(target, "/docs", "/site", directory_urls)
            expected = there.url_relative_to(File(page, "/docs", "/site", directory_urls))
            assert page_url(target, page, directory_urls) == expected, (target, page)
            assert page_url(f"{target}#x-1", page, directory_urls) == f"{expected}#x-1", (target, page)


@pytest.mark.parametrize(
    ("path", "directory_urls", "html"),
    [
        ("events/talks.md", True, '<a href="../../actors/moscow/">Moscow</a>'),
        ("events/talks.md", False, '<a href="../actors/moscow.html">Moscow</a>'),
        ("actors/index.md", True, '<a href="moscow/">Moscow</a>'),
        ("actors/index.md", False, '<a href="moscow.html">Moscow</a>'),
        ("index.md", True, '<a href="actors/moscow/">Moscow</a>'),
        ("index.md", False, '<a href="actors/moscow.html">Moscow</a>'),
    ],
)
def test_a_link_is_written_with_the_url_mkdocs_would_write(tmp_path, path, directory_urls, html):
    page = render(tmp_path, '{{ link("Moscow", "actors/moscow.md") }}', path, directory_urls)
    assert page.html == html + "\n" and page.links == {"actors/moscow.md"}


def test_links_to_index_pages_files_and_anchors(tmp_path):
    source = (
        '{{ link("Home", "index.md") }} {{ link("Actors", "actors/index.md") }} '
        '{{ link("CSV", "downloads/events.csv") }} {{ link("Talks", "sources.md#talks") }}'
    )
    page = render(tmp_path, source, path="events/talks.md")
    assert page.html == (
        '<a href="../../">Home</a> <a href="../../actors/">Actors</a> '
        '<a href="../../downloads/events.csv">CSV</a> '
        '<a href="../../sources/#talks">Talks</a>\n'
    )
    assert page.links == {"index.md", "actors/index.md", "downloads/events.csv", "sources.md#talks"}
    flat = render(tmp_path, source, path="events/talks.md", directory_urls=False)
    assert flat.html == (
        '<a href="../index.html">Home</a> <a href="../actors/index.html">Actors</a> '
        '<a href="../downloads/events.csv">CSV</a> '
        '<a href="../sources.html#talks">Talks</a>\n'
    )


def test_a_page_names_itself_and_a_missing_target_as_plain_text(tmp_path):
    source = '{{ link("Talks <1>", "events/talks.md") }}|{{ link("Nowhere", none) }}|{{ link("Empty", "") }}'
    page = render(tmp_path, source, path="events/talks.md")
    assert page.html == "Talks &lt;1&gt;|Nowhere|Empty\n" and page.links == frozenset()


def test_the_anchors_are_the_ids_in_the_html(tmp_path):
    """Heading ids, the citation numbers' landing points, ids a template writes itself; the
    links are the docs paths the page points at, anchors and files included."""
    quote = Quote(
        "Talks began.",
        Link("Talks article", "sources.md#talks"),
        "sources/talks.md#q-0123456789",
        "https://example.org/talks#:~:text=Talks%20began.",
    )
    source = (
        '{% from "_macros.html.j2" import cite, references with context %}\n'
        "{{ heading(1, 'Talks') }}\n<p>They met.{{ cite(ev) }} Again.{{ cite(ev) }}</p>\n"
        '<p id="p-1">{{ text }}</p>\n{{ references() }}'
    )
    page = render(tmp_path, source, ev=Evidence((quote,)), text=' id="evil" <span id="evil2">')
    assert page.anchors == {"talks", "p-1", "references", "cite-1"}
    assert page.html.count('<sup class="cite">[<a href="#cite-1">1</a>]</sup>') == 2
    reference = '<li><span id="cite-1"></span><a href="../../sources/talks/#q-0123456789">Talks article</a>'
    assert reference in page.html
    assert page.links == {"sources/talks.md#q-0123456789"}  # the original is no page of the site
    assert [t["id"] for t in page.toc] == ["talks"] and page.toc[0]["children"][0]["id"] == "references"


# --- content stays text ------------------------------------------------------------------


HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    '<a href="javascript:alert(4)">a</a> {{ 7*7 }} {% raw %} **bold** _em_ # not a heading '
    '" id="evil" onmouseover="alert(5)'
)


def test_hostile_text_is_inert_wherever_a_template_puts_it(tmp_path):
    source = (
        "{{ heading(2, name) }}\n<p>{{ link(name, 'actors/x.md') }}</p>\n<p>{{ name }}</p>\n"
        "<p>{{ name|external(url) }}</p>\n<p>{{ name|external('https://example.org/a') }}</p>\n"
        '<p title="{{ name }}">{{ [name, name]|join_markup }}</p>'
    )
    page = render(tmp_path, source, name=HOSTILE, url="javascript:alert(6)")
    assert live_parts(page.html) == []
    assert "<script" not in page.html and "<img" not in page.html and 'href="javascript:' not in page.html
    assert visible_text(page.html).count(HOSTILE) == 7  # shown as typed: heading, link, text, links, list
    assert "49" not in page.html  # no Jinja evaluated
    assert "<strong>" not in page.html and "**bold**" in page.html  # no Markdown either
    assert page.anchors == {page.toc[0]["id"]}  # only the heading's own id, made from the text: no "evil"
    assert page.links == {"actors/x.md"}
    assert page.toc[0]["name"] == page.html.split(">", 1)[1].split("</h2>")[0]  # the escaped text


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("{{ link('x') }}", "missing 1 required positional argument: 'target'"),
        ("{{ link('x', 5) }}", "link target 5 is not a path; expected a page of the site as its path in"),
        ("{{ link('x', 'https://example.org/a') }}", "is a web address; link one with text|external(url)"),
        ("{{ link('x', '../timeline.md') }}", "'../timeline.md' is not a path from content/"),
        ("{{ link('x', 'actors/russia/') }}", "'actors/russia/' names a URL, not a page"),
        ("{{ heading(7, 'Too deep') }}", "a heading's level is 1 to 6, not 7"),
        ("{{ heading(0, 'Too high') }}", "a heading's level is 1 to 6, not 0"),
        ("<p>\n{{ 1 / 0 }}</p>", "division by zero"),
    ],
)
def test_a_helper_misused_or_an_expression_that_fails_is_located_not_a_traceback(tmp_path, source, said):
    with pytest.raises(TemplateProblem) as raised:
        render(tmp_path, source)
    message = str(raised.value)
    line = source.count("\n", 0, source.index("{{")) + 1
    assert f"templates/page.html.j2:{line}: template error: " in message, message
    assert said in message
    assert "; expected a Jinja2 template using the names the page model gives page.html.j2" in message
