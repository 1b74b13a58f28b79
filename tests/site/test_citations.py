"""Citations a reader can check: numbered per page, each sentence once, landing on the
sentence in the source's text (or on the original page by a text fragment); quote marks only
around words the article quotes as said; infoboxes."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from generator.sheets.store import load_content
from generator.site.citations import Citations, mark_sentences, normalize, sentence_anchor, text_fragment
from generator.site.model import (
    ActorView,
    Evidence,
    Link,
    Quote,
    RelationView,
    actor_box,
    said_in_quotes,
)
from generator.site.pages import build_site, render_site
from tests.briefing_fixture import write_content


def with_text(tmp_path, text: str = "") -> object:
    """The test briefing with its first source's text kept, holding the sentences it cites."""
    root = write_content(tmp_path / "content")
    quotes = re.findall(r"quote: (.*)", (root / "events" / "moscow-talks.yml").read_text(encoding="utf-8"))
    (root / "sources").mkdir()
    body = text or f"Opening words of the article.\n\nBefore it. {quotes[0]} After it.\n\nClosing words.\n"
    (root / "sources" / "talks.txt").write_text(body, encoding="utf-8")
    return load_content(root)


def test_a_sentence_has_one_anchor_whatever_its_spacing():
    assert sentence_anchor("Talks began  in\nVienna.") == sentence_anchor("Talks began in Vienna.")
    assert sentence_anchor("Talks began in Vienna.") != sentence_anchor("Talks ended in Vienna.")
    assert re.fullmatch(r"q-[0-9a-f]{10}", sentence_anchor("x"))


def test_a_text_fragment_names_a_short_sentence_whole_and_a_long_one_by_its_ends():
    short = text_fragment("https://example.org/a#top", "Talks began in Vienna, on Monday.")
    assert short == "https://example.org/a#:~:text=Talks%20began%20in%20Vienna%2C%20on%20Monday."
    long = text_fragment(
        "https://example.org/a",
        "Anna Berg said the talks in Vienna would resume next week after a pause of two months - or sooner.",
    )
    start, end = long.split("#:~:text=")[1].split(",")
    assert unquote(start) == "Anna Berg said the" and unquote(end) == "months - or sooner."
    assert "-" not in end and "%2D" in end  # a dash is data, not the directive's suffix marker


def test_cited_sentences_are_marked_in_their_paragraph():
    paragraph = "Talks began in Vienna. Anna Berg  spoke first. The rest is context."
    pieces = mark_sentences(paragraph, ["Anna Berg spoke first.", "Talks began in Vienna.", "Not here."])
    assert [p.text for p in pieces] == [
        "Talks began in Vienna.",
        " ",
        "Anna Berg spoke first.",
        " The rest is context.",
    ]
    assert [p.anchor for p in pieces] == [
        sentence_anchor("Talks began in Vienna."),
        None,
        sentence_anchor("Anna Berg spoke first."),
        None,
    ]
    assert "".join(p.text for p in pieces) == normalize(paragraph)


def test_a_page_numbers_each_sentence_once_in_the_order_first_cited():
    a, b = (
        Quote("One.", Link("S", "sources.md#s"), "sources.md#s"),
        Quote("Two.", Link("S", "sources.md#s"), "sources.md#s"),
    )
    citations = Citations()
    assert citations.cite(Evidence((b,))) == [1]
    assert citations.cite(Evidence((a, b))) == [2, 1]
    assert citations.cite(Evidence(())) == []
    assert [(n, q.quote) for n, q in citations.references()] == [(1, "Two."), (2, "One.")]


def test_words_are_quoted_only_when_the_article_quotes_them():
    said = ['"We will not sign," Anna Berg told reporters in Vienna.']
    assert said_in_quotes("We will not sign", said)
    assert said_in_quotes("we will NOT sign.", said)
    assert not said_in_quotes("Anna Berg told reporters in Vienna", said)
    assert not said_in_quotes(
        "Ruritania will not sign the treaty", ["Ruritania will not sign the treaty, officials said."]
    )
    assert said_in_quotes("the deal is dead", ["Berg called it ‘the deal is dead’ moment."])


def test_a_citation_lands_on_its_sentence_in_the_source_text(tmp_path):
    content = with_text(tmp_path)
    pages = render_site(content)
    talks = pages["events/moscow-talks.md"]
    refs = talks[talks.index('id="references"') :]
    target = re.search(r'href="(\.\./\.\./sources/talks/#q-[0-9a-f]{10})"', refs).group(1)
    source_page = pages["sources/talks.md"]
    assert f'<mark id="{target.split("#")[1]}">' in source_page
    assert source_page.count('<p id="p-') == 3
    # the original page, scrolled to the sentence
    original = r'href="https://example\.org/talks\?a=1&amp;b=%282%29#:~:text=Talks%20in%20Moscow"'
    assert re.search(original, refs)


def test_a_source_without_its_text_is_cited_by_its_entry(tmp_path):
    site = build_site(load_content(write_content(tmp_path / "content")))
    quote = site.events["moscow-talks"].evidence.quotes[0]
    assert quote.target == "sources.md#talks"
    assert "sources/talks.md" not in {p.path for p in site.pages}


def test_the_sources_page_links_each_kept_text(tmp_path):
    sources = render_site(with_text(tmp_path))["sources.md"]
    assert 'href="talks/"' in sources and 'href="second/"' not in sources


def test_an_actor_box_counts_roles_events_and_claims(tmp_path):
    site = build_site(load_content(write_content(tmp_path / "content")))
    box = dict(site.actors["armenia"].infobox)
    assert box["Kind"] == "Country"
    assert box["Roles"] == "party in 3 events"
    assert box["First seen"] == "1994" and box["Last seen"] == "9 October 2020"
    assert box["Events"] == "3"
    assert "Offices" not in box


def test_an_actor_box_names_the_offices_held():
    berg = ActorView(
        "anna-berg", Link("Anna Berg", "actors/anna-berg.md"), "Anna Berg", "person", [], None, Evidence()
    )
    office = RelationView(
        berg.link, "is the leader of", Link("Ruritania", "actors/ruritania.md"), None, Evidence(), "leader-of"
    )
    berg.relations_out = [office, replace(office, phrase="supports", type="supports")]
    assert dict(actor_box(berg))["Offices"] == "the leader of Ruritania"


def test_an_event_box_says_how_exact_its_date_is_and_who_by_role(tmp_path):
    site = build_site(load_content(write_content(tmp_path / "content")))
    box = dict(site.events["moscow-talks"].infobox)
    assert box["When"] == "9 October 2020 (to the day), “on Friday”"
    assert [a.text for a in box["Mediator"]] == ["Russia"]
    assert [a.text for a in box["Party"]] == ["Armenia", "Azerbaijan"]
    assert dict(site.events["fighting"].infobox)["When"] == "c. September 2020 (to the month, approximate)"


def test_a_name_cited_inside_a_cited_sentence_lands_on_that_sentence():
    sentence = "Talks began in Vienna on Monday."
    pieces = mark_sentences(sentence, [sentence, "Vienna"])
    assert len(pieces) == 1 and pieces[0].anchor == sentence_anchor("Talks began in Vienna on Monday.")
    assert pieces[0].inner == (sentence_anchor("Vienna"),)
