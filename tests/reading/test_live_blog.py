"""Live blogs and HTML headlines: each update dated by its own timestamp, the page's h1 its
title, update headings never paragraphs. Pages written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from generator.reading import read_article, reading_report
from generator.reading.live_blog import find_stamps

UPDATES = [
    ("2024-08-14T09:30:00Z", "Evacuations ordered",
     ["The regional government ordered the evacuation of four villages north of Saranto this morning, "
      "a spokesman said.", "Buses were sent to carry residents to a sports hall in the city."]),
    ("2024-08-13T21:10:00Z", "Firefighters arrive from Belmar",
     ["Two hundred firefighters from neighbouring Belmar arrived this evening to help local crews, "
      "officials said."]),
    ("2024-08-13T15:00:00Z", "Coast road closed",
     ["Police closed the coast road between Saranto and Merle this afternoon as smoke cut visibility."]),
]
STANDFIRST = "Thousands have left their homes as fires spread along the coast."
PARAGRAPHS = [STANDFIRST, *(p for _, _, ps in UPDATES for p in ps)]


WINDOW_TITLE = "<title>Wildfires near Saranto – latest updates | Coastline Daily</title>"


def page(blocks: str, head: str = WINDOW_TITLE, logo: str = "") -> str:
    return (f"<!DOCTYPE html><html><head>{head}"
            '<meta property="article:published_time" content="2024-08-14T06:00:00+00:00"></head>'
            f"<body><header>{logo}<nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header><main>"
            f"<h1>Wildfires near Saranto – latest updates</h1><p class='standfirst'>{STANDFIRST}</p>"
            f"<div class='liveblog'>{blocks}</div></main><footer><p>© 2024 Coastline Daily</p></footer>"
            "</body></html>")


def nested_blocks(heading: str = "h2") -> str:
    """Each update an element of its own, with a `<time datetime>`."""
    return "".join(
        f"<article class='block'><time datetime='{when}'>{when[11:16]}</time>"
        f"<{heading} class='update-title'>{title}</{heading}>" + "".join(f"<p>{p}</p>" for p in ps)
        + "</article>"
        for when, title, ps in UPDATES)


def flat_blocks() -> str:
    """Updates side by side in one container, each after a timestamp in plain text."""
    stamps = ["14 Aug 2024 09:30", "13 Aug 2024 21:10", "13 Aug 2024 15:00"]
    return "".join(
        f"<p class='timestamp'>{stamp}</p><h3>{title}</h3>" + "".join(f"<p>{p}</p>" for p in ps)
        for stamp, (_, title, ps) in zip(stamps, UPDATES, strict=True))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "live.html"
    path.write_text(text, encoding="utf-8")
    return path


def relative_days(path: Path) -> dict[str, str]:
    return {t["text"]: t["value"] for t in reading_report(read_article(path))["times"]}


@pytest.mark.parametrize("blocks", [nested_blocks(), flat_blocks()])
def test_each_update_resolves_its_relative_dates_against_its_own_day(tmp_path: Path, blocks: str) -> None:
    path = write(tmp_path, page(blocks))
    assert relative_days(path) == {"this morning": "2024-08-14", "this evening": "2024-08-13",
                                   "this afternoon": "2024-08-13"}


@pytest.mark.parametrize("blocks", [nested_blocks(), flat_blocks()])
def test_the_headline_and_update_headings_are_no_paragraphs(tmp_path: Path, blocks: str) -> None:
    article = read_article(write(tmp_path, page(blocks)))
    assert article.paragraphs == PARAGRAPHS  # in the page's order: the standfirst first
    assert (article.title, article.title_from) == ("Wildfires near Saranto – latest updates", "page")


@pytest.mark.parametrize("head", [WINDOW_TITLE, ""])
def test_an_update_heading_styled_as_a_title_is_not_the_page_title(tmp_path: Path, head: str) -> None:
    html = page(nested_blocks(), head=head, logo="<h1 class='logo'>Coastline Daily</h1>")
    assert read_article(write(tmp_path, html)).title == "Wildfires near Saranto – latest updates"


def test_dates_by_photos_and_in_galleries_are_no_update_stamps() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body><div><span class='caption'>May 17, 2012</span><p>Visitors at the museum.</p></div>"
        "<p class='timestamp'>6 Nov 2024 02:10</p><time datetime='2024-11-05T22:45'>22:45</time>"
        "</body></html>")
    assert sorted(find_stamps(tree).values()) == ["2024-11-05", "2024-11-06"]


def test_a_page_date_line_and_a_list_of_other_stories_make_no_live_blog(tmp_path: Path) -> None:
    others = "".join(f"<li><time datetime='2024-08-0{d}T10:00'>{d} Aug</time><a href='/{d}'>Story {d}</a>"
                     f"<p>Another story's teaser number {d}.</p></li>" for d in (1, 2, 3))
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    date_line = "<p class='date'>Updated 9:42 AM GMT, 14 August 2024</p>"
    html = page(f"{date_line}{story}<aside><ul>{others}</ul></aside>")
    assert read_article(write(tmp_path, html)).paragraph_dates == {}


def test_a_date_line_the_extractor_keeps_is_no_paragraph_and_dates_the_page(tmp_path: Path) -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    html = page(f"<p class='date'>Updated 9:42 AM GMT, Tuesday, 7 November 2023</p>{story}", head="")
    article = read_article(write(tmp_path, html.replace('<meta property="article:published_time" '
                                                        'content="2024-08-14T06:00:00+00:00">', "")))
    assert article.paragraphs == PARAGRAPHS
    assert (article.published, article.published_from) == ("2023-11-07", "page")
