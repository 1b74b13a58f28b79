"""SGML and XML news records saved as text: title, date, dateline and body elements."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading import read_article
from generator.reading.markup_page import looks_like_markup, means_date, means_title, read_markup_page

# A wire record in the shape of the 1980s archives: routing fields, control entities, a
# hard-wrapped body whose paragraphs are marked by a first-line indent, the agency's
# sign-off. Written for this test.
WIRE_RECORD = """<STORY KIND="WIRE" ID="4471">
<DATE> 3-MAR-1989 14:20:05.11</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>ruritania</D><D>freedonia</D></PLACES>
<UNKNOWN>&#5;&#5;&#5;G f0012&#31;reute BC-RURITANIA-GRAIN-TALKS 03-03 0120</UNKNOWN>
<TEXT>&#2;
<TITLE>RURITANIA AND FREEDONIA OPEN GRAIN TALKS</TITLE>
<DATELINE>    HARBORTON, March 3 - </DATELINE><BODY>Ruritania and Freedonia opened talks on a
grain export agreement on Friday, the Ruritanian trade ministry
said in a statement.
    The ministry said the two sides would meet again next
week in Harborton to discuss tariffs and quotas for the coming
harvest season.
    "We expect a result before the spring," a ministry spokesman
told reporters.
 REUTER
&#3;</BODY></TEXT>
</STORY>
"""

PARAGRAPHS = [
    "Ruritania and Freedonia opened talks on a grain export agreement on Friday, the Ruritanian trade "
    "ministry said in a statement.",
    "The ministry said the two sides would meet again next week in Harborton to discuss tariffs and quotas "
    "for the coming harvest season.",
    "\"We expect a result before the spring,\" a ministry spokesman told reporters.",
]

# A record in the shape of newswire corpora with paragraph elements (and an XML prolog).
XML_RECORD = """<?xml version="1.0" encoding="utf-8"?>
<DOC id="HBG_ENG_20101104.0031" type="story">
<HEADLINE>
Freedonia agrees to lower harbour fees
</HEADLINE>
<DATELINE>HARBORTON, Nov. 4 (Harbor News)</DATELINE>
<DATE_TIME>2010-11-04T08:15:00</DATE_TIME>
<TEXT>
<P>
Freedonia agreed on Thursday to lower the fees at its main
harbour for ships from Ruritania, officials said.
</P>
<P>
The fees were raised in September after a dispute between
the two ports.
</P>
</TEXT>
</DOC>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wire_record_gives_its_title_date_and_indented_paragraphs(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "record.txt", WIRE_RECORD))
    assert article.paragraphs == PARAGRAPHS
    assert (article.title, article.title_from) == ("RURITANIA AND FREEDONIA OPEN GRAIN TALKS", "page")
    assert (article.published, article.published_from) == ("1989-03-03", "page")
    assert article.metadata["dateline"] == "HARBORTON, March 3 -"


def test_without_a_date_element_the_dateline_and_a_year_date_it(tmp_path: Path) -> None:
    record = WIRE_RECORD.replace("<DATE> 3-MAR-1989 14:20:05.11</DATE>\n", "")
    article = read_article(write(tmp_path, "record.txt", record))
    assert (article.published, article.published_from) == (None, "none")  # no year anywhere: no guess
    assert read_article(write(tmp_path, "record.txt", record), published="1989-03-03").published_from == "cli"


def test_an_xml_record_with_paragraph_elements(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "doc.txt", XML_RECORD))
    assert article.paragraphs == [
        "Freedonia agreed on Thursday to lower the fees at its main harbour for ships from Ruritania, "
        "officials said.",
        "The fees were raised in September after a dispute between the two ports.",
    ]
    assert article.title == "Freedonia agrees to lower harbour fees"
    assert (article.published, article.published_from) == ("2010-11-04", "page")


@pytest.mark.parametrize(("text", "record"), [
    (WIRE_RECORD, True), (XML_RECORD, True),
    ("<b>Talks</b> agreed in Harborton on Friday.", False),
    ("Talks agreed.\n\nThe <ministry> said so.", False),
    ("<div align='center'><img src='logo.png'/></div>\n\n# Talks\n\n<p>Ruritania</p> and <b>x</b>", False),
])
def test_what_looks_like_a_record(text, record):
    assert looks_like_markup(text) is record


def test_a_record_without_body_elements_reads_all_its_text():
    page = read_markup_page("<NOTE><HEAD>Talks agreed</HEAD><P>Ruritania and Freedonia agreed to talks.</P>"
                            "<P>The mediator said so.</P></NOTE>")
    assert page.paragraphs == ["Ruritania and Freedonia agreed to talks.", "The mediator said so."]
    assert page.title == "Talks agreed"


# Records of other shapes, written for these tests: an id before a heading element, and
# element names that say what they hold without being any corpus's.
NUMBERED_RECORD = """<DOC>
<RECNO> HBG-2023-0917-0044 </RECNO>
<FILEDATE>2023-09-17</FILEDATE>
<HEADING>Flood Relief Talks Open in Harborton</HEADING>
<TEXT>
Officials from three provinces opened talks in Harborton on Sunday on
sharing the cost of flood relief, the regional government said.
    The talks are expected to last two days, a spokesman said.
</TEXT>
</DOC>
"""


@pytest.mark.parametrize("body", ["TEXT", "STORYTEXT"])
def test_an_id_is_never_the_title_and_a_heading_element_is(tmp_path: Path, body: str) -> None:
    record = NUMBERED_RECORD.replace("TEXT>", f"{body}>")
    article = read_article(write(tmp_path, "record.txt", record))
    assert (article.title, article.title_from) == ("Flood Relief Talks Open in Harborton", "page")
    assert (article.published, article.published_from) == ("2023-09-17", "page")
    assert article.paragraphs[0].startswith("Officials from three provinces")


def test_without_a_title_element_an_id_line_is_no_headline(tmp_path: Path) -> None:
    record = NUMBERED_RECORD.replace("<HEADING>Flood Relief Talks Open in Harborton</HEADING>\n", "")
    record = record.replace("TEXT>", "STORYTEXT>")
    article = read_article(write(tmp_path, "record.txt", record))
    assert article.title_from == "none" and article.title.startswith("Officials from three provinces")


@pytest.mark.parametrize(("title", "date"), [
    ("<hed>Port strike ends after talks</hed>", "<filed>2022-11-30</filed>"),
    ("<story_title>Port strike ends after talks</story_title>", "<issue-date>30 November 2022</issue-date>"),
    ("<hl2>Port strike ends after talks</hl2>", "<pub_date value='2022-11-30'/>"),
])
def test_title_and_date_elements_are_known_by_what_they_mean(tmp_path: Path, title: str, date: str) -> None:
    record = (f"<story>\n{title}\n{date}\n<updated>2022-12-02</updated>\n<body>\n"
              "<p>Dock workers at the port of Kessel returned to work on Wednesday after union leaders and "
              "employers agreed on a new wage deal, the union said.</p>\n"
              "<p>The strike had halted shipping for nine days.</p>\n</body>\n</story>\n")
    article = read_article(write(tmp_path, "story.txt", record))
    assert (article.title, article.title_from) == ("Port strike ends after talks", "page")
    assert (article.published, article.published_from) == ("2022-11-30", "page")
    assert article.paragraphs[-1] == "The strike had halted shipping for nine days."


@pytest.mark.parametrize(("name", "title", "date"), [
    ("headline", True, False), ("doc.title", True, False), ("story_title", True, False),
    ("subtitle", False, False), ("subhead", False, False), ("filedate", False, True),
    ("pub-date", False, True), ("issued", False, True), ("updated", False, False),
    ("dateline", False, False), ("candidate", False, True),  # a name that may mean a date: its text decides
])
def test_what_element_names_mean(name: str, title: bool, date: bool) -> None:
    assert (means_title(name), means_date(name)) == (title, date)


def test_an_element_named_like_a_date_keeps_its_story_text() -> None:
    page = read_markup_page("<doc><title>Vote count begins</title><body><p>The <candidate>Ada Merrow"
                            "</candidate> campaign said turnout was high.</p>"
                            "<p>Counting went on overnight.</p></body></doc>")
    assert page.paragraphs[0] == "The Ada Merrow campaign said turnout was high."
