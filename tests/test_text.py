"""Shared text helpers: names as sheets show them, ids, invisible characters, datelines."""

from __future__ import annotations

import pytest

from generator.text import (
    QUOTE_CHARS,
    QUOTE_MARKS,
    RESERVED_IDS,
    clean_name,
    dateline_end,
    plain_spaces,
    slug_words,
    slugify,
    strip_invisible,
    unique_id,
)


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Russian Ministry", "Russian Ministry"),
    ("Putin's", "Putin"),
    ("Lukoil’s", "Lukoil"),
    ("U.S.", "U.S."),
    ("AFP.", "AFP"),
    ("Volodymyr\u200b Zelenskiy", "Volodymyr Zelenskiy"),
    ("“Harbor Front”", "Harbor Front"),
])
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def test_slugify_never_gives_a_reserved_id():
    assert slugify("Vladimir Putin") == "vladimir-putin"
    assert slugify("Organization for Security and Co-operation in Europe") == \
        "organization-for-security-and-co-operation-in-europe"
    assert slugify("Index", "actor") == "index-actor"
    assert slugify("Türkiye") == "turkiye"
    assert slugify("¿?", "event") == "event"
    assert all(slugify(word, "article") not in RESERVED_IDS for word in RESERVED_IDS)


def test_slug_words_fold_accents_and_drop_punctuation():
    assert slug_words("Zürich's “Old Town” talks, 2020") == ["zurich", "s", "old", "town", "talks", "2020"]


def test_unique_id_counts_up_and_leaves_taken_to_the_caller():
    taken = {"talks", "talks-2"}
    assert unique_id("talks", taken) == "talks-3"
    assert unique_id("summit", taken) == "summit"
    assert taken == {"talks", "talks-2"}


def test_invisible_and_wide_spaces():
    assert strip_invisible("Zelen\u00adskiy\u200b said\ufeff") == "Zelenskiy said"
    assert plain_spaces("9\u00a0October\u202f2020") == "9 October 2020"


def test_quote_marks_hold_the_tokenizer_s_double_quotes_and_every_character():
    assert {"``", "''", "“", "”", "‘", "’", '"', "'"} <= QUOTE_MARKS
    assert set(QUOTE_CHARS) <= QUOTE_MARKS


@pytest.mark.parametrize(("text", "rest"), [
    ("SEOUL, Aug. 20 (Yonhap) -- North Korea said on Tuesday.", "North Korea said on Tuesday."),
    ("LONDON — After nearly 20 years", "After nearly 20 years"),
    ("(CNN) — The president said", "The president said"),
    ("Washington (CNN) — The president said", "The president said"),
    ("HARBORTON, United Arab Emirates — Harborton's carrier said.", "Harborton's carrier said."),
    ("WASHINGTON, Feb 26 (Reuters) – The Treasury said", "The Treasury said"),
    ("NAIROBI, Kenya (AP) _ Police said", "Police said"),
])
def test_a_dateline_ends_where_the_story_starts(text, rest):
    assert text[dateline_end(text):] == rest


@pytest.mark.parametrize("text", ["Russia said so.", "Russia - the country said", "The U.S. - not Russia"])
def test_a_sentence_without_a_dateline(text):
    assert dateline_end(text) == 0
