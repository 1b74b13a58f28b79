"""Article reading: small articles written here, in the shapes real pages come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading import ReadError, read_article, reading_report

BODY = [
    "The foreign ministers of Ruritania and Freedonia agreed on Tuesday to hold talks in Vienna, "
    "the host government announced in a statement.",
    "“Both sides have confirmed their participation,” a spokeswoman for the ministry told reporters.",
    "The two countries have fought over the border valley since last month. Hundreds of people have "
    "fled their homes, aid groups said.",
    "A ceasefire agreed in 1994 collapsed at the end of September, when shelling resumed.",
]

TEASERS = """\
Ruritania and Freedonia agree to talks

Storms close ports along the northern coast

Heavy rain forced the authorities to close three ports on the northern coast for the second day...

Central bank holds interest rates

The central bank kept its main rate unchanged, saying inflation had eased but remained above its...

Football club appoints new coach

The club said the coach would join next month after a successful spell abroad, in a deal worth...
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_page_drops_teasers_subheadings_and_related(tmp_path: Path) -> None:
    text = (
        TEASERS + "\n" + BODY[0] + "\n\nA fragile truce\n\n" + "\n\n".join(BODY[1:])
        + "\n\n\n\nRelated Articles\n\nStorms close ports\n\nCentral bank holds rates\n"
    )
    article = read_article(write(tmp_path, "story.txt", text))
    assert article.paragraphs == BODY
    assert article.title == "Ruritania and Freedonia agree to talks"
    assert article.published is None and article.published_from == "none"
    assert article.id == "story"


def test_captions_and_bylines_are_not_the_story_but_by_sentences_are(tmp_path: Path) -> None:
    caption = "A man walks past the ministry in Vienna, October 8, 2020. REUTERS/Jane Doe"
    by_sentence = "By Sunday, the two armies had pulled back from the valley, the mediator said."
    text = "\n\n".join(["Talks agreed", "By Jane Doe and John Roe", caption, *BODY, by_sentence])
    article = read_article(write(tmp_path, "story.txt", text))
    assert article.paragraphs == [*BODY, by_sentence]


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    def wrap(paragraph: str) -> str:
        words, lines, line = paragraph.split(), [], ""
        for word in words:
            if len(line) + len(word) > 60:
                lines.append(line.strip())
                line = ""
            line += word + " "
        return "\n".join([*lines, line.strip()])

    article = read_article(write(tmp_path, "wrapped.txt", "\n\n".join(wrap(p) for p in BODY)))
    assert article.paragraphs == BODY


def test_markdown_front_matter_gives_title_date_and_url(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Talks agreed\npublished: 2020-10-09\nurl: https://example.org/talks\n---\n\n"
        "# Talks agreed\n\n" + "\n\n".join(BODY)
    )
    article = read_article(write(tmp_path, "talks.md", text))
    assert article.title == "Talks agreed"
    assert (article.published, article.published_from) == ("2020-10-09", "metadata")
    assert article.url == "https://example.org/talks"
    assert article.paragraphs == BODY


def test_front_matter_date_field_and_cli_override(tmp_path: Path) -> None:
    front = "---\ntitle: Talks\ndate: '2020-10-09T08:00:00Z'\n---\n"
    path = write(tmp_path, "talks.md", front + "\n\n".join(BODY))
    assert read_article(path).published == "2020-10-09"
    article = read_article(path, published="2020-10-10")
    assert (article.published, article.published_from) == ("2020-10-10", "cli")


def test_bad_front_matter_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\n" + BODY[0])
    with pytest.raises(ReadError, match=r"bad\.md:\d+: front matter"):
        read_article(path)


def test_sidecar_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "000_story.txt", "Talks agreed\n\n" + "\n\n".join(BODY))
    write(tmp_path, "000_story.meta.yml", 'title: "Talks: agreed"\npublished: "2020-10-09"\nurl: null\n')
    article = read_article(path)
    assert article.title == "Talks: agreed"
    assert (article.published, article.published_from) == ("2020-10-09", "metadata")
    assert article.url is None
    assert article.id == "000-story"


SCRAPED = """\
# example-radio.com

## Metadata

- **URL**: https://example-radio.com/news/talks-agreed/
- **Scraped at**: 2025-03-15T11:20:40+00:00

## Content

Talks agreed | Example Radio
Menu
Listen Live
NEWS
WEATHER
Sign In
Talks agreed
Example Radio
Mar 13, 2025 | 4:40 PM
By Jane Doe and John Roe
VIENNA, Mar 13 (Reuters) – The foreign ministers of Ruritania and Freedonia agreed to hold talks, \
the host government said.
On Friday, the mediator will move the March 31 deadline to May 15, a document showed.
A second round is planned for June, two officials said.
(Reporting by Jane Doe in Vienna; Editing by John Roe)
Comments
Leave a Reply
Cancel reply
Storm closes ports along the coast
Central bank holds interest rates
Current Weather
48 °F Light Rain
Contact Us
Privacy Policy
Copyright © 2025. All Rights Reserved.

## Links

- [NEWS](https://example-radio.com/news)
- [Storm closes ports](https://example-radio.com/2025/03/14/storm/)
"""


def test_scraped_page_with_chrome(tmp_path: Path) -> None:
    text = SCRAPED.replace("Freedonia", "Free\u200bdo\u2060nia").replace("mediator", "medi\u200cator")
    article = read_article(write(tmp_path, "scraped.txt", text))
    assert article.paragraphs[0].startswith("VIENNA, Mar 13 (Reuters) – The foreign ministers")
    assert "Ruritania and Freedonia agreed" in article.paragraphs[0]
    assert article.paragraphs[-1] == "(Reporting by Jane Doe in Vienna; Editing by John Roe)"
    assert len(article.paragraphs) == 4
    assert not any(ch in p for p in article.paragraphs for ch in "\u200b\u200c\u2060")
    assert article.title == "Talks agreed"
    assert (article.published, article.published_from) == ("2025-03-13", "page")
    assert article.metadata["dateline"] == "VIENNA, Mar 13 (Reuters) –"


def test_dateline_gives_the_date_when_a_year_is_known(tmp_path: Path) -> None:
    text = (
        "HARBORTON, Aug. 20 (Coastwire) -- " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:])
        + "\n\nCopyright © 2023 Coastwire News Agency. All rights reserved.\n"
    )
    article = read_article(write(tmp_path, "coastwire.txt", text))
    assert (article.published, article.published_from) == ("2023-08-20", "dateline")
    assert article.paragraphs[0].startswith("HARBORTON, Aug. 20 (Coastwire) -- The foreign ministers")


def test_dateline_without_a_year_leaves_the_date_unknown(tmp_path: Path) -> None:
    text = "HARBORTON, Aug. 20 (Coastwire) -- " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:])
    article = read_article(write(tmp_path, "coastwire.txt", text))
    assert (article.published, article.published_from) == (None, "none")
    assert article.title.startswith("The foreign ministers of Ruritania")
    assert all(t["value"] is None for t in reading_report(article)["times"] if "last month" in t["text"])


def test_dateline_on_its_own_line_opens_the_first_paragraph(tmp_path: Path) -> None:
    text = "\n\nVIENNA, October 9 (Xinhua) --\n\n" + "\n\n".join(BODY)
    article = read_article(write(tmp_path, "xinhua.txt", text), published="2020-10-09")
    assert article.paragraphs[0] == "VIENNA, October 9 (Xinhua) -- " + BODY[0]


PAGE = """<!DOCTYPE html>
<html><head>
<title>Talks agreed | Example News</title>
<meta property="og:title" content="Talks agreed">
<meta property="article:published_time" content="2020-10-09T08:00:00+00:00">
<meta property="article:modified_time" content="2020-10-11T10:00:00+00:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Talks agreed</h1>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
{paragraphs}
</article>
<aside><h2>Related Articles</h2><ul>
<li><a href="/a">Storms close ports along the northern coast</a></li>
<li><a href="/b">Central bank holds interest rates</a></li></ul></aside>
</main>
<footer><p>Copyright 2020 Example News. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer>
</body></html>
"""


def test_html_page_through_the_extractor(tmp_path: Path) -> None:
    html = PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in BODY))
    article = read_article(write(tmp_path, "page.html", html))
    assert article.paragraphs == BODY
    assert article.title == "Talks agreed"
    assert (article.published, article.published_from) == ("2020-10-09", "page")


def test_report_lists_times_with_offsets_in_their_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", "Talks agreed\n\n" + "\n\n".join(BODY))
    report = reading_report(read_article(path, published="2020-10-09"))
    assert set(report) == {"title", "title_from", "published", "published_from", "paragraphs", "times"}
    assert report["title_from"] == "headline"
    assert report["published_from"] == "cli"
    for t in report["times"]:
        assert report["paragraphs"][t["paragraph"]][t["start"]:t["end"]] == t["text"]
    values = {t["text"]: t["value"] for t in report["times"]}
    assert values["Tuesday"] == "2020-10-06"
    assert values["last month"] == "2020-09"
    assert next(t["relation"] for t in report["times"] if t["text"] == "last month") == "after"
    assert values["the end of September"] == "2020-09~"
    assert values["1994"] == "1994"


def test_missing_and_empty_inputs_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "absent.txt")
    with pytest.raises(ReadError, match="no article text"):
        read_article(write(tmp_path, "menu.txt", "Home\nNews\nSport\n"))


# --- titles: what is a headline and what is not --------------------------------------------


def test_a_word_colon_headline_is_the_title(tmp_path: Path) -> None:
    text = "Yes: Freedonia backs talks in Vienna\n\n" + "\n\n".join(BODY)
    article = read_article(write(tmp_path, "story.txt", text))
    assert (article.title, article.title_from) == ("Yes: Freedonia backs talks in Vienna", "headline")
    assert article.paragraphs == BODY


def test_a_text_without_a_headline_says_so(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "story.txt", "\n\n".join(BODY)))
    assert article.title_from == "none"
    assert article.title.startswith("The foreign ministers of Ruritania")  # a stand-in, said to be one


def test_a_text_headline_keeps_its_own_bar_and_specials(tmp_path: Path) -> None:
    headline = "*Update* & {{ x }}: Harborton vote — 52% «yes» #2 | <i>results</i>"
    article = read_article(write(tmp_path, "story.txt", headline + "\n\n" + "\n\n".join(BODY)))
    assert (article.title, article.title_from) == (headline, "headline")


def test_a_site_name_the_page_shows_is_cut_from_the_headline(tmp_path: Path) -> None:
    text = ("Talks agreed in Vienna | Harbor Gazette Politics\n\nHarbor Gazette Politics\n\nMenu\n\n"
            + "\n\n".join(BODY) + "\n\nContact us\n")
    article = read_article(write(tmp_path, "story.txt", text))
    assert article.title == "Talks agreed in Vienna"


def test_date_lines_teaser_headings_and_other_stories_lists_are_never_the_title(tmp_path: Path) -> None:
    text = "\n\n".join([
        "Most read", "Storms close ports along the coast", "Central bank holds rates",
        "Football club appoints coach",
        "Ports reopen after the storm",
        "The harbour authority said the ports would reopen on Monday after three days...",
        "Talks agreed in Vienna", "Updated: 9 October 2020 10:05 GMT", "By Jane Doe",
        *BODY,
    ])
    article = read_article(write(tmp_path, "story.txt", text))
    assert (article.title, article.title_from) == ("Talks agreed in Vienna", "headline")
    assert article.paragraphs == BODY
    assert (article.published, article.published_from) == ("2020-10-09", "page")


def test_a_page_date_line_without_a_headline_is_no_title(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "story.txt", "Friday, October 9, 2020\n\n" + "\n\n".join(BODY)))
    assert article.title_from == "none"
    assert (article.published, article.published_from) == ("2020-10-09", "page")


# --- plain text: hard-wrapped copy, inline boxes, sign-offs ---------------------------------


def test_indented_paragraphs_without_blank_lines_are_split(tmp_path: Path) -> None:
    text = (
        "The foreign ministers of Ruritania and Freedonia agreed on\n"
        "Tuesday to hold talks in Vienna, the host government announced\n"
        "in a statement.\n"
        "    Hundreds of people have fled their homes in the border\n"
        "valley since last month, aid groups said.\n"
    )
    article = read_article(write(tmp_path, "wire.txt", text))
    second = ("Hundreds of people have fled their homes in the border valley since last month, "
              "aid groups said.")
    assert article.paragraphs == [BODY[0], second]


def test_boxes_inside_the_story_flow_are_dropped_and_the_story_goes_on(tmp_path: Path) -> None:
    text = "\n\n".join([
        "Talks agreed", BODY[0],
        "See also: Storms close ports along the northern coast",
        BODY[1],
        "Join our weekly newsletter for the best of our coverage. Our partners sponsor this newsletter.",
        "Share Facebook Twitter",
        BODY[2], BODY[3],
        "-- Jane Doe",
        "Comments", "Leave a reply",
        "What a disgrace, the ministers should have agreed years ago and everybody knows it, honestly.",
    ])
    article = read_article(write(tmp_path, "story.txt", text))
    assert article.paragraphs == [*BODY, "-- Jane Doe"]


def test_a_source_name_glued_before_the_first_sentence_is_a_dateline(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "story.txt", "Harborgazette.com - " + "\n\n".join(BODY)))
    assert article.metadata["dateline"] == "Harborgazette.com -"
    assert article.title.startswith("The foreign ministers")


# --- HTML: boxes, tables, live blogs, structured dates ---------------------------------------


def test_html_chrome_boxes_summary_points_and_trailing_tables(tmp_path: Path) -> None:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in BODY)
    html = PAGE.format(paragraphs=(
        "<div class='summary'><h3>Highlights</h3><ul><li>Ministers to meet in Vienna</li>"
        "<li>Hundreds have fled the valley</li></ul></div>"
        + paragraphs.replace("</p>\n<p>", "</p>\n<section class='signup'><h2>The Weekly Harbor Letter</h2>"
                             "<p>Join our weekly newsletter for the best of our coverage. Register with your "
                             "email address. Our partners sponsor this newsletter.</p></section>\n<p>", 1)
        + "<div class='box'><p>Only subscribers can read this story. Subscribe today to keep reading. "
          "Not a subscriber yet? Log in or register.</p></div>"
        + "<h3>Cases by region</h3><table><tr><th>Region</th><th>Cases</th></tr>"
          "<tr><td>North Valley</td><td>120</td></tr><tr><td>South Valley</td><td>80</td></tr></table>"
    ))
    article = read_article(write(tmp_path, "page.html", html))
    assert article.paragraphs == BODY


LIVE_BLOG = """<!DOCTYPE html>
<html><head><title>Border talks live: delegations in Vienna</title>
<meta property="article:published_time" content="2020-10-09T06:00:00Z"></head>
<body><main><h1>Border talks live: delegations in Vienna</h1>
<article><time datetime="2020-10-09T15:10:00Z">15.10</time><h2>Delegations land</h2>
<p>The Ruritanian delegation landed in Vienna this afternoon, the host government said.</p></article>
<article><time datetime="2020-10-08T20:55:00Z">8 Oct 20.55</time><h2>Families leave</h2>
<p>Aid groups said hundreds of families left the border valley this evening.</p></article>
</main></body></html>
"""


def test_live_blog_blocks_keep_their_own_dates(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "live.html", LIVE_BLOG))
    assert article.published == "2020-10-09"
    leaving = next(i for i, p in enumerate(article.paragraphs) if p.startswith("Aid groups"))
    assert article.paragraph_dates[leaving] == "2020-10-08"
    times = {t["text"]: t["value"] for t in reading_report(article)["times"]}
    assert times == {"this afternoon": "2020-10-09", "this evening": "2020-10-08"}


def test_one_timestamp_is_no_live_blog(tmp_path: Path) -> None:
    html = PAGE.format(paragraphs="<time datetime='2020-10-09T08:00'>9 Oct</time>"
                       + "\n".join(f"<p>{p}</p>" for p in BODY))
    assert read_article(write(tmp_path, "page.html", html)).paragraph_dates == {}


def test_structured_data_dates_a_page_before_its_address(tmp_path: Path) -> None:
    html = PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in BODY)).replace(
        '<meta property="article:published_time" content="2020-10-09T08:00:00+00:00">\n', "").replace(
        "<title>", '<link rel="canonical" href="https://example.org/2020/10/10/world/talks.html">\n'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-10-09T22:10:00-04:00", "dateModified": "2020-10-12T08:00:00-04:00"}'
        '</script>\n<title>')
    article = read_article(write(tmp_path, "page.html", html))
    assert (article.published, article.published_from) == ("2020-10-09", "page")


def test_an_html_page_saved_as_text_is_read_as_html(tmp_path: Path) -> None:
    html = PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in BODY))
    article = read_article(write(tmp_path, "page.txt", html))
    assert article.paragraphs == BODY and (article.title, article.title_from) == ("Talks agreed", "page")


def test_a_placeholder_date_in_structured_data_is_no_date(tmp_path: Path) -> None:
    html = PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in BODY)).replace(
        "<title>", '<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}'
        '</script>\n<title>')
    assert read_article(write(tmp_path, "page.html", html)).published == "2020-10-09"


def test_a_date_line_or_menu_above_the_headline_does_not_hide_it(tmp_path: Path) -> None:
    text = "\n\n".join(["Menu", "Search", "Sign in", "Friday, October 9, 2020", "Talks agreed in Vienna",
                       *BODY])
    assert read_article(write(tmp_path, "story.txt", text)).title == "Talks agreed in Vienna"
