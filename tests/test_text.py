"""Shared text helpers: names as sheets show them, ids, invisible characters, datelines."""

from __future__ import annotations

import pytest

from generator.text import (
    DATELINE,
    QUOTE_CHARS,
    QUOTE_MARKS,
    RESERVED_IDS,
    clean_name,
    dateline_end,
    is_full_name,
    plain_spaces,
    romanize,
    romanize_arabic,
    slug_words,
    slugify,
    strip_invisible,
    unique_id,
)


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Russian Ministry", "Russian Ministry"),
    ("Putin's", "Putin"),
    ("Tolvane’s", "Tolvane"),
    ("U.S.", "U.S."),
    ("AFP.", "AFP"),
    ("Dmytro\u200b Hordiyenko", "Dmytro Hordiyenko"),
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


@pytest.mark.parametrize(("name", "slug"), [
    ("Đurđa Marković", "djurdja-markovic"),  # Serbian and Croatian Đ is "dj"
    ("Đặng Văn Hùng", "dang-van-hung"),  # but Vietnamese Đ is "d"
    ("Æsa Brønnum", "aesa-bronnum"),
    ("Łucja Wróbel-Żak", "lucja-wrobel-zak"),
    ("Søren Ågård", "soren-agard"),
    ("Ирина Соколова", "irina-sokolova"),
    ("Νίκος Παππάς", "nikos-pappas"),
    ("李明华", "li-minghua"),  # a Chinese name: surname, then the given name as one word
    ("박서연", "bag-seoyeon"),  # a Korean one, the same way (letter by letter: not "Park")
    ("アンナ・ベルク", "anna-beruku"),  # kana spell sounds: one word a name part
    ("Großmann", "grossmann"),
    ("عبد الله الراشد", "abd-allah-al-rashid"),  # Arabic: the article, Allah, a long a's "i"
    ("فاطمة الحسن", "fatima-al-hasan"),  # ta marbuta; no vowel written: "Hasan"
    ("علي عبدالله", "ali-abdallah"),  # ain; God's name at the end of a name
    ("مُحَمَّد", "muhammad"),  # written vowel marks are read, shadda doubles
])
def test_a_name_in_any_script_gets_a_readable_id(name, slug):
    assert slugify(name, "actor") == slug


def test_no_letter_is_dropped_and_no_name_becomes_the_fallback():
    for name in ("Ирина", "李明华", "Ørsted", "Ðuro", "ʻAmina", "Ŋoma", "Þóra"):
        words = slug_words(name)
        assert words and slugify(name, "actor") != "actor"
        assert len("".join(words)) >= len(name) - 1  # one sound a letter at least, near enough


def test_arabic_script_is_romanized_word_by_word_and_its_punctuation_dropped():
    assert romanize("قال خالد، ثم سعيد") == "Qal Khalid Tham Said"
    assert romanize_arabic("الله") == "Allah"
    assert romanize("Envoy عائشة (Aisha) spoke") == "Envoy Aisha (Aisha) spoke"


def test_romanize_separates_words_at_any_dash_or_space_and_keeps_ascii_as_it_is():
    assert romanize("Qatari–led\u00a0talks") == "Qatari led talks"
    assert romanize("O'Brien (AFP)") == "O'Brien (AFP)"
    assert romanize("李明华 (Li Minghua) spoke") == "Li Minghua (Li Minghua) spoke"
    assert slugify("Talks 🙂 resume", "event") == "talks-resume"  # symbols carry no words


def test_a_full_name_has_two_words_or_is_written_without_spaces():
    assert is_full_name("Anna Berg") and is_full_name("李明华")
    assert not is_full_name("Berg") and not is_full_name("李")


def test_unique_id_counts_up_and_leaves_taken_to_the_caller():
    taken = {"talks", "talks-2"}
    assert unique_id("talks", taken) == "talks-3"
    assert unique_id("summit", taken) == "summit"
    assert taken == {"talks", "talks-2"}


def test_invisible_and_wide_spaces():
    assert strip_invisible("Hordi\u00adyenko\u200b said\ufeff") == "Hordiyenko said"
    assert plain_spaces("9\u00a0October\u202f2020") == "9 October 2020"


def test_quote_marks_hold_the_tokenizer_s_double_quotes_and_every_character():
    assert {"``", "''", "“", "”", "‘", "’", '"', "'"} <= QUOTE_MARKS
    assert set(QUOTE_CHARS) <= QUOTE_MARKS


@pytest.mark.parametrize(("text", "rest"), [
    ("HARBORTON, Aug. 20 (Coastwire) -- The council said on Tuesday.", "The council said on Tuesday."),
    ("LONDON — After three days of talks", "After three days of talks"),
    ("(CNN) — The president said", "The president said"),
    ("Washington (CNN) — The president said", "The president said"),
    ("HARBORTON, United Arab Emirates — Harborton's carrier said.", "Harborton's carrier said."),
    ("OTTAWA, March 3 (Reuters) – The Treasury said", "The Treasury said"),
    ("NAIROBI, Kenya (AP) _ Police said", "Police said"),
    ("Harborgazette.com - Ministers said", "Ministers said"),
    ("harbor-news.co.uk — The talks", "The talks"),
    ("Example.org: The ministry said", "The ministry said"),
    ("BRELLO, TESSALY (June 8, 2021) - The government said", "The government said"),
    ("HARBORTON, 8 June 2021 (Coastwire) -- The council said", "The council said"),
])
def test_a_dateline_ends_where_the_story_starts(text, rest):
    assert text[dateline_end(text):] == rest


@pytest.mark.parametrize("text", ["Russia said so.", "Russia - the country said", "The U.S. - not Russia",
                                  "e.g. - not a source", "Harborshop.com's shares rose - the company said"])
def test_a_sentence_without_a_dateline(text):
    assert dateline_end(text) == 0


@pytest.mark.parametrize(("text", "date", "bracket_date"), [
    ("BRELLO, TESSALY (June 8, 2021) - The government said", None, "June 8, 2021"),
    ("BUCHAREST, May 3, 2022 (Meridian) - The ministry said", "May 3, 2022", None),
    ("HARBORTON, 8 June 2021 (Coastwire) -- The council said", "8 June 2021", None),
])
def test_a_dateline_s_date_after_the_place_or_in_brackets(text, date, bracket_date):
    m = DATELINE.match(text)
    assert m is not None and (m["date"], m["bracket_date"]) == (date, bracket_date)
