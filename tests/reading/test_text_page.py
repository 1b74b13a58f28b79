"""Plain text pages: wrapped lines, short texts, date lines and datelines, on texts
written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading import InputError, check_english, read_article
from generator.reading.text_page import join_broken_lines

# A lead wrapped over two lines with no blank line before the next paragraph: the shape
# in which the lead's first line used to be taken for a headline and lost.
WRAPPED_LEAD = """\
Hundreds of farmers blocked the main road into Tessaly on Sunday,
protesting a fall in grain prices, police said.
Agriculture Minister Petra Voss said she would meet farm leaders on
Monday to discuss support for growers hit by the drop.
The protest ended peacefully in the evening, officials said.
"""

PARAGRAPHS = [
    "Hundreds of farmers blocked the main road into Tessaly on Sunday, protesting a fall in grain prices, "
    "police said.",
    "Agriculture Minister Petra Voss said she would meet farm leaders on Monday to discuss support for "
    "growers hit by the drop.",
    "The protest ended peacefully in the evening, officials said.",
]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [
    WRAPPED_LEAD,
    WRAPPED_LEAD.replace("police said.\n", "police said.\n\n"),  # a blank line after the lead only
    "Farmers block road\n\n" + WRAPPED_LEAD,
])
def test_wrapped_paragraphs_without_blank_lines_lose_no_line(tmp_path: Path, text: str) -> None:
    article = read_article(write(tmp_path, "farmers.txt", text))
    assert article.paragraphs == PARAGRAPHS


def test_a_headline_over_a_wrapped_lead_stays_the_headline(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "farmers.txt", "Farmers block road\n" + WRAPPED_LEAD))
    assert (article.title, article.title_from) == ("Farmers block road", "headline")
    assert article.paragraphs == PARAGRAPHS


def test_a_list_of_headlines_is_never_joined_into_a_paragraph() -> None:
    lines = ["Storms close ports along the northern coast as winds rise",
             "Central bank holds interest rates steady for a third month",
             "Football club appoints a new coach after a poor season"]
    assert join_broken_lines(lines) == lines


def test_a_text_of_one_short_sentence_is_its_own_story(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "short.txt", "Storm hits coast.\n"))
    assert article.paragraphs == ["Storm hits coast."]


def test_a_short_foreign_text_is_refused_as_foreign_not_as_empty(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "greve.txt", "La grève continue.\n"))
    with pytest.raises(InputError, match="greve.txt: the text looks French"):
        check_english(str(article.path), article.text)  # what `briefing generate` checks next


def test_a_date_line_under_the_story_dates_it(tmp_path: Path) -> None:
    date_line = "Updated 9:42 AM GMT, Tuesday, 7 November 2023"
    text = "\n\n".join(["Tessaly raises fuel tax", *PARAGRAPHS, date_line])
    article = read_article(write(tmp_path, "tax.txt", text))
    assert (article.published, article.published_from) == ("2023-11-07", "page")
    assert article.paragraphs == PARAGRAPHS


def test_a_date_in_brackets_after_the_place_dates_the_story(tmp_path: Path) -> None:
    text = "BRELLO, TESSALY (June 8, 2021) - " + "\n\n".join(PARAGRAPHS)
    article = read_article(write(tmp_path, "brello.txt", text))
    assert (article.published, article.published_from) == ("2021-06-08", "dateline")
    assert article.metadata["dateline"] == "BRELLO, TESSALY (June 8, 2021) -"
    assert article.title.startswith("Hundreds of farmers")


def test_credit_boxes_and_follow_lines_under_the_story_are_furniture(tmp_path: Path) -> None:
    text = "\n\n".join([*PARAGRAPHS, "Reporting by Lucia Ferreira; editing by Tom Hale",
                        "Additional reporting by Nikhil Rao in Lisbon; Writing by Mara Quint",
                        "Follow Clara Whitfield on X @cwhitfield."])
    assert read_article(write(tmp_path, "farmers.txt", text)).paragraphs == PARAGRAPHS


def test_a_dateline_standing_between_paragraphs_is_kept_as_its_own_paragraph(tmp_path: Path) -> None:
    # a wire roundup: the next story opens with its dateline on a line of its own, dash left off
    blocks = [PARAGRAPHS[0], "STRELSAU, Ruritania (AP)", PARAGRAPHS[1], "HARBORTON, Mich.", PARAGRAPHS[2]]
    article = read_article(write(tmp_path, "roundup.txt", "\n\n".join(blocks)))
    assert article.paragraphs == blocks


def test_a_heading_in_capitals_between_paragraphs_is_no_dateline(tmp_path: Path) -> None:
    text = "\n\n".join([PARAGRAPHS[0], "BREAKING NEWS", PARAGRAPHS[1], "WORLD, SPORT", PARAGRAPHS[2]])
    assert read_article(write(tmp_path, "heads.txt", text)).paragraphs == PARAGRAPHS


def test_a_monitored_report_s_source_line_between_paragraphs_is_kept(tmp_path: Path) -> None:
    line = "KV0203060094 Vienna OSTERLICHER KURIER in German 0600 GMT 2 Mar 94"
    blocks = [PARAGRAPHS[0], line, PARAGRAPHS[1], "Vienna OSTERLICHER KURIER", PARAGRAPHS[2]]
    article = read_article(write(tmp_path, "report.txt", "\n\n".join(blocks)))
    assert article.paragraphs == [PARAGRAPHS[0], line, PARAGRAPHS[1], PARAGRAPHS[2]]


def test_a_source_line_right_over_the_story_opens_it(tmp_path: Path) -> None:
    line = "KV0203060094 Vienna OSTERLICHER KURIER in German 0600 GMT 2 Mar 94"
    article = read_article(write(tmp_path, "over.txt", "\n\n".join(["Grain prices rise", line, *PARAGRAPHS])))
    assert article.paragraphs == [line, *PARAGRAPHS]
    assert article.title == "Grain prices rise"


def test_a_dateline_standing_over_the_story_is_kept_and_is_no_title(tmp_path: Path) -> None:
    text = "\n\n".join(["STRELSAU, Ruritania (AP)", *PARAGRAPHS])
    article = read_article(write(tmp_path, "lead.txt", text))
    assert article.paragraphs == ["STRELSAU, Ruritania (AP)", *PARAGRAPHS]
    assert article.title_from == "none" and article.title.startswith("Hundreds of farmers")
