"""Background: context sentences go to the briefing, the day's news does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.extraction.background import _edtf_days, find_background, lead_summary, strip_dateline
from generator.extraction.pipeline import parse_sentences
from generator.nlp import load_pipeline
from generator.reading import Article


def test_edtf_days_reads_days_months_decades_and_open_ends():
    assert _edtf_days("2020-10-09") == (dt.date(2020, 10, 9), dt.date(2020, 10, 9))
    assert _edtf_days("2020-09") == (dt.date(2020, 9, 1), dt.date(2020, 9, 30))
    assert _edtf_days("199X~") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert _edtf_days("2020-09-21/2020-09-30") == (dt.date(2020, 9, 21), dt.date(2020, 9, 30))
    assert _edtf_days("199X/..")[0] == dt.date(1990, 1, 1)
    assert _edtf_days("../..") is None


def test_strip_dateline():
    text = "OTTAWA, March 3 (Reuters) – The United States acted."
    assert strip_dateline(text) == "The United States acted."
    assert strip_dateline("Nothing to strip.") == "Nothing to strip."


@pytest.fixture(scope="module")
def sentences():
    article = Article(
        id="a", path=Path("a.txt"), title="T", published="2020-10-09", published_from="cli",
        paragraphs=[
            "The governments of Armenia and Azerbaijan have pledged to come to Moscow on Friday.",
            "The area lies within the internationally recognized borders of Azerbaijan. "
            "This led to a war that ended in a ceasefire in 1994. "
            "It never came to a permanent peace agreement. "
            "Since then there have been regular skirmishes.",
            "“We confirm our participation,” the minister told reporters on Friday.",
        ],
    )
    return parse_sentences([article], load_pipeline())


@pytest.mark.slow
def test_context_sentences_are_background_and_news_is_not(sentences):
    texts = [item.text for item in find_background(sentences)]
    assert any("internationally recognized" in t for t in texts)
    assert any("1994" in t for t in texts)
    assert any("permanent peace agreement" in t for t in texts)  # beside other background
    assert any("Since then" in t for t in texts)
    assert not any("pledged" in t or "participation" in t for t in texts)


@pytest.mark.slow
def test_background_items_quote_their_sentence(sentences):
    for item in find_background(sentences):
        assert item.sources[0].quote == item.text
        assert item.sources[0].article == "a"


@pytest.mark.slow
def test_lead_summary_is_the_first_sentence(sentences):
    assert lead_summary(sentences[0].article, sentences).startswith("The governments of Armenia")
