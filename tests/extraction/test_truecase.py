"""Case restoration: text in capitals is read as mixed case, and quoted as it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from generator.extraction.pipeline import parse_sentences
from generator.extraction.sentence import anchor_date
from generator.extraction.truecase import Lexicon, TrueCaser, article_forms, match, truecaser_for
from generator.reading import Article

# A small lexicon of common words standing in for the pipeline's (the slow tests use the real one).
COMMON = {"flood", "cut", "road", "village", "overnight", "transport", "minister", "say", "said", "troop",
          "send", "border", "talk", "hold", "held", "week", "storm", "grain", "depot", "plant", "near", "two"}


def lexicon(words: set[str] = COMMON) -> Lexicon:
    return Lexicon(set(words), {"noun": [["s", ""]], "verb": [["s", ""], ["ed", ""], ["ing", ""]]}, set())


def test_only_runs_of_shouted_words_are_matched():
    assert match("NATO and the EU met in VIENNA.") == []
    assert match("HARBORTON, Aug. 20 (Coastwire) -- The talks went on.") == []
    runs = match("Tuesday: STORMS CLOSE THE NORTHERN PORTS, officials said.")
    assert [w.text for w in runs[0]] == ["STORMS", "CLOSE", "THE", "NORTHERN", "PORTS"]


def test_a_shouted_lead_is_restored_word_by_word_and_keeps_its_length():
    caser = TrueCaser(forms={"varga": "Varga"}, lexicon=lexicon())
    text = ("RIVERTON (AP) — FLOODS CUT ROADS TO TWO VILLAGES IN ARMENIA OVERNIGHT, "
            "TRANSPORT MINISTER ZOLTAN VARGA SAID ON SATURDAY.")
    restored = caser(text)
    assert len(restored) == len(text)
    assert restored == ("Riverton (AP) — Floods cut roads to two villages in Armenia overnight, "
                        "Transport Minister Zoltan Varga said on Saturday.")


def test_the_world_data_and_months_decide_before_the_lexicon():
    caser = TrueCaser(lexicon=lexicon())
    restored = caser("THE UNITED NATIONS SAID ON MAY 5 IT MAY SEND TROOPS TO SAUDI ARABIA'S BORDER.")
    assert restored == "The United Nations said on May 5 it may send troops to Saudi Arabia's border."


def test_a_word_that_opens_organizations_names_takes_a_capital_before_a_name():
    caser = TrueCaser(lexicon=lexicon(COMMON | {"confederation", "union", "call", "general", "strike",
                                                 "dock", "worker", "join"}))
    restored = caser("THE CONFEDERATION OF TARVIAN LABOUR CALLED A GENERAL STRIKE. "
                     "THE UNION OF DOCK WORKERS JOINED THE STRIKE.")
    assert restored == ("The Confederation of Tarvian Labour called a general strike. "
                        "The union of dock workers joined the strike.")  # no name after "of"


def test_the_article_s_own_mixed_case_forms_win():
    paragraphs = ["TALKS WITH THE NLF HELD IN PORTVILLE THIS WEEK.",
                  "The NLF said talks in Portville went well."]
    caser = TrueCaser(forms=article_forms(paragraphs), lexicon=lexicon())
    assert caser(paragraphs[0]) == "Talks with the NLF held in Portville this week."
    assert article_forms(paragraphs)["said"] == "said"


def test_without_a_lexicon_unknown_words_stay_lower_case():
    caser = TrueCaser()
    restored = caser("STORMS FLOODED A PLANT NEAR VELMORA ON FRIDAY.")
    assert restored == "Storms flooded a plant near velmora on Friday."


def _article(*paragraphs: str, dates: dict[int, str] | None = None) -> Article:
    return Article(id="a", path=Path("a.txt"), title="A", paragraphs=list(paragraphs), published="2022-10-15",
                   published_from="cli", paragraph_dates=dates or {})


def test_a_paragraph_with_its_own_date_anchors_on_it():
    article = _article("x", "y", dates={1: "2022-10-14"})
    assert anchor_date(article).isoformat() == "2022-10-15"
    assert anchor_date(article, 0).isoformat() == "2022-10-15"
    assert anchor_date(article, 1).isoformat() == "2022-10-14"


def test_sentences_quote_the_original_while_the_pipeline_reads_the_restored_copy():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    shouted = "STORMS FLOODED A GRAIN DEPOT IN ARMENIA ON FRIDAY. THE MINISTER SAID SO."
    article = _article(shouted, "Storms closed the ports this morning.", dates={1: "2022-10-12"})
    sentences = parse_sentences([article], nlp)
    assert [s.text for s in sentences] == ["STORMS FLOODED A GRAIN DEPOT IN ARMENIA ON FRIDAY.",
                                           "THE MINISTER SAID SO.", "Storms closed the ports this morning."]
    assert sentences[0].span.text.startswith("Storms flooded a grain depot in Armenia on Friday")
    friday = sentences[0].times[0]
    assert (friday.text, friday.value) == ("FRIDAY", "2022-10-14")
    assert sentences[0].text[friday.start:friday.end] == "FRIDAY"
    assert sentences[2].times[0].value == "2022-10-12"  # the live blog's block, not the page's day


@pytest.mark.slow
def test_the_pipeline_s_lexicon_takes_unknown_words_for_names(nlp):
    caser = truecaser_for([], nlp)
    restored = caser("RIVERTON (AP) — ARMENIAN FLOODS CUT TWO ROADS, TRANSPORT MINISTER ZOLTAN VARGA SAID.")
    assert restored == "Riverton (AP) — Armenian floods cut two roads, Transport Minister Zoltan Varga said."


@pytest.mark.slow
def test_names_in_a_shouted_lead_are_recognized(nlp):
    article = _article("RIVERTON (AP) — ARMENIAN TROOPS CROSSED INTO AZERBAIJAN ON TUESDAY, "
                       "DEFENCE MINISTER ZOLTAN VARGA TOLD PARLIAMENT.")
    sentence = parse_sentences([article], nlp)[0]
    entities = {e.text for e in sentence.span.ents}
    assert "Zoltan Varga" in entities and sentence.text.startswith("RIVERTON (AP) — ARMENIAN TROOPS")


@pytest.mark.parametrize(("text", "restored"), [
    ("STRELSAU, Ruritania (AP)", "Strelsau, Ruritania (AP)"),
    ("GRAND HARBORTON, Mich.", "Grand Harborton, Mich."),
    ("OSTERBURG (AP)", "Osterburg (AP)"),
])
def test_a_dateline_s_place_in_capitals_is_written_as_a_name(text: str, restored: str) -> None:
    assert TrueCaser(lexicon=lexicon())(text) == restored


@pytest.mark.parametrize("text", ["UN (AP)", "US, UK", "The talks (AP) went on.", "NATO met in VIENNA.",
                                  "OSTERBURG (AP) -- The talks went on.", "STRELSAU, Ruritania (AP) said"])
def test_an_acronym_a_story_s_dateline_or_a_text_without_one_keeps_its_capitals(text: str) -> None:
    assert TrueCaser(lexicon=lexicon())(text) == text
