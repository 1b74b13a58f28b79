"""Article reading: small articles written here, in the shapes real pages come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading import ReadError, read_article, reading_report

BODY = [
    "The foreign ministers of Ruritania and Freedonia agreed on Tuesday to hold talks in Geneva, "
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
    caption = "A man walks past the ministry in Geneva, October 8, 2020. REUTERS/Jane Doe"
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
- **Scraped at**: 2026-02-28T02:34:15+00:00

## Content

Talks agreed | Example Radio
Menu
Listen Live
NEWS
WEATHER
Sign In
Talks agreed
Example Radio
Feb 26, 2026 | 9:05 AM
By Jane Doe and John Roe
GENEVA, Feb 26 (Reuters) – The foreign ministers of Ruritania and Freedonia agreed to hold talks, \
the host government said.
On Thursday, the mediator will extend the February 28 deadline to April 1, a document showed.
The next round of talks is planned for March, two officials said.
(Reporting by Jane Doe in Geneva; Editing by John Roe)
Comments
Leave a Reply
Cancel reply
Storm closes ports along the coast
Central bank holds interest rates
Current Weather
19 °F Light Snow
Contact Us
Privacy Policy
Copyright © 2026. All Rights Reserved.

## Links

- [NEWS](https://example-radio.com/news)
- [Storm closes ports](https://example-radio.com/2026/02/27/storm/)
"""


def test_scraped_page_with_chrome(tmp_path: Path) -> None:
    text = SCRAPED.replace("Freedonia", "Free\u200bdo\u2060nia").replace("mediator", "medi\u200cator")
    article = read_article(write(tmp_path, "scraped.txt", text))
    assert article.paragraphs[0].startswith("GENEVA, Feb 26 (Reuters) – The foreign ministers")
    assert "Ruritania and Freedonia agreed" in article.paragraphs[0]
    assert article.paragraphs[-1] == "(Reporting by Jane Doe in Geneva; Editing by John Roe)"
    assert len(article.paragraphs) == 4
    assert not any(ch in p for p in article.paragraphs for ch in "\u200b\u200c\u2060")
    assert article.title == "Talks agreed"
    assert (article.published, article.published_from) == ("2026-02-26", "page")
    assert article.metadata["dateline"] == "GENEVA, Feb 26 (Reuters) –"


def test_dateline_gives_the_date_when_a_year_is_known(tmp_path: Path) -> None:
    text = (
        "SEOUL, Aug. 20 (Yonhap) -- " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:])
        + "\n\nCopyright © 2019 Yonhap News Agency. All rights reserved.\n"
    )
    article = read_article(write(tmp_path, "yonhap.txt", text))
    assert (article.published, article.published_from) == ("2019-08-20", "dateline")
    assert article.paragraphs[0].startswith("SEOUL, Aug. 20 (Yonhap) -- The foreign ministers")


def test_dateline_without_a_year_leaves_the_date_unknown(tmp_path: Path) -> None:
    text = "SEOUL, Aug. 20 (Yonhap) -- " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:])
    article = read_article(write(tmp_path, "yonhap.txt", text))
    assert (article.published, article.published_from) == (None, "none")
    assert article.title.startswith("The foreign ministers of Ruritania")
    assert all(t["value"] is None for t in reading_report(article)["times"] if "last month" in t["text"])


def test_dateline_on_its_own_line_opens_the_first_paragraph(tmp_path: Path) -> None:
    text = "\n\nGENEVA, October 9 (Xinhua) --\n\n" + "\n\n".join(BODY)
    article = read_article(write(tmp_path, "xinhua.txt", text), published="2020-10-09")
    assert article.paragraphs[0] == "GENEVA, October 9 (Xinhua) -- " + BODY[0]


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
    assert set(report) == {"title", "published", "published_from", "paragraphs", "times"}
    assert report["published_from"] == "cli"
    for t in report["times"]:
        assert report["paragraphs"][t["paragraph"]][t["start"]:t["end"]] == t["text"]
    values = {t["text"]: t["value"] for t in report["times"]}
    assert values["Tuesday"] == "2020-10-06"
    assert values["since last month"] == "2020-09/.."
    assert values["the end of September"] == "2020-09~"
    assert values["1994"] == "1994"


def test_missing_and_empty_inputs_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "absent.txt")
    with pytest.raises(ReadError, match="no article text"):
        read_article(write(tmp_path, "menu.txt", "Home\nNews\nSport\n"))
