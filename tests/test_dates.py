"""Time expressions: small sentences, an anchor date, the EDTF value expected."""

from __future__ import annotations

import datetime as dt

import pytest
from edtf import parse_edtf

from generator.dates import TimeExpr, find_times

FRI = dt.date(2020, 10, 9)  # a Friday
THU = dt.date(2025, 3, 13)  # a Thursday
TUE = dt.date(2023, 10, 17)  # a Tuesday


def value_of(text: str, phrase: str, anchor: dt.date | None) -> str | None:
    """The value of the one expression whose words include `phrase`."""
    hits = [t for t in find_times(text, anchor) if phrase in t.text]
    assert hits, f"no expression for {phrase!r} in {find_times(text, anchor)}"
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        # absolute dates
        ("The treaty was signed on Oct. 9, 2020 in Moscow.", "Oct. 9, 2020", None, "2020-10-09"),
        ("It was signed on 9 October 2020.", "9 October 2020", None, "2020-10-09"),
        ("Filed 2020-10-09 by the court.", "2020-10-09", None, "2020-10-09"),
        ("It happened on Friday, Oct. 23, 1998.", "Oct. 23, 1998", None, "1998-10-23"),
        ("The vote took place on September 5th, 2019.", "September 5th, 2019", None, "2019-09-05"),
        ("On 3/14/2015 the plant closed.", "3/14/2015", None, "2015-03-14"),
        ("It opened in October 2019.", "October 2019", None, "2019-10"),
        ("It opened in Sept. 2019.", "Sept. 2019", None, "2019-09"),
        ("A ceasefire ended the war in 1994.", "1994", None, "1994"),
        ("Relations soured in the 1990s.", "1990s", None, "199X"),
        ("Music of the '80s returned.", "'80s", FRI, "198X"),
        ("It was founded in the summer of 2019.", "summer of 2019", None, "2019-22"),
        ("Sales rose in the first quarter of 2019.", "first quarter of 2019", None, "2019-01/2019-03"),
        # month and day without a year
        ("The deadline is March 20.", "March 20", THU, "2025-03-20"),
        ("The council will move the vote to May 2 so the budget can pass.", "May 2", THU, "2025-05-02"),
        ("He was shot to death last Oct. 23 at his home.", "Oct. 23", dt.date(1999, 4, 19), "1998-10-23"),
        ("Leaders were invited to a ceremony on March 12 to mark it.", "March 12", dt.date(1999, 2, 16),
         "1999-03-12"),
        ("HARBORTON, Oct. 17 (Coastwire) -- The council approved the plan.", "Oct. 17", TUE, "2023-10-17"),
        # a month alone
        ("In November the tariffs were imposed on the two firms.", "November", THU, "2024-11"),
        ("A second hearing is planned for April.", "April", THU, "2025-04"),
        ("The case will be heard in May in the appeals court.", "May", dt.date(2000, 3, 29), "2000-05"),
        ("In January, a clinic bombing killed a guard.", "January", dt.date(1998, 10, 25), "1998-01"),
        ("Prices fell last November.", "November", FRI, "2019-11"),
        ("She said it in January last year.", "January last year", FRI, "2019-01"),
        # weekdays
        ("They pledged to come to Moscow on Friday to discuss a ceasefire.", "Friday", FRI, "2020-10-09"),
        ("Putin made the invitation on Thursday.", "Thursday", FRI, "2020-10-08"),
        ("On Thursday, the board will publish the report.", "Thursday", THU, "2025-03-13"),
        ("The paper criticized the plan on Tuesday.", "Tuesday", TUE, "2023-10-17"),
        ("A spokesman gave an interview Friday.", "Friday", TUE, "2023-10-13"),
        ("The minister will travel to Paris on Monday.", "Monday", FRI, "2020-10-12"),
        ("They'll meet on Monday, she said.", "Monday", FRI, "2020-10-12"),
        ("The father would be traveling to the United States Thursday.", "Thursday", dt.date(2000, 4, 5),
         "2000-04-06"),
        ("They met last Friday.", "last Friday", FRI, "2020-10-02"),
        ("They meet next Friday.", "next Friday", FRI, "2020-10-16"),
        ("She spoke Friday morning.", "Friday morning", FRI, "2020-10-09"),
        ("The ministry said late Thursday that the tariff would go.", "late Thursday", dt.date(2021, 6, 11),
         "2021-06-10"),
        ("It could come as soon as Tuesday, Castro said.", "Tuesday", dt.date(2000, 4, 3), "2000-04-04"),
        # deictic words and periods
        ("The talks open today.", "today", FRI, "2020-10-09"),
        ("Shelling resumed yesterday.", "yesterday", FRI, "2020-10-08"),
        ("Talks resume tomorrow.", "tomorrow", FRI, "2020-10-10"),
        ("Fighting has raged since last month.", "last month", FRI, "2020-09/.."),
        ("Prices rose last month.", "last month", FRI, "2020-09"),
        ("Prices rose this month.", "this month", FRI, "2020-10"),
        ("Earlier this month, he said so.", "Earlier this month", THU, "2025-03"),
        ("They met last week.", "last week", FRI, "2020-09-28/2020-10-04"),
        ("Exports fell last year.", "last year", FRI, "2019"),
        ("Elections are due next month.", "next month", FRI, "2020-11"),
        ("Elections are due next year.", "next year", FRI, "2021"),
        ("Prices rose this year.", "this year", FRI, "2020"),
        ("He left two years ago.", "two years ago", FRI, "2018"),
        ("He left 11 days ago.", "11 days ago", dt.date(1999, 4, 19), "1999-04-08"),
        ("He left two months ago.", "two months ago", dt.date(2000, 1, 10), "1999-11"),
        ("He left almost four years ago.", "four years ago", dt.date(1999, 3, 12), "1995"),
        ("The dispute was recently settled.", "recently", THU, "2025-01-12~/2025-03-13"),
        ("There were protests in recent weeks.", "recent weeks", TUE, "2023-09-19~/2023-10-17"),
        ("It held up over the weekend.", "the weekend", dt.date(2000, 4, 24), "2000-04-22/2000-04-23"),
        ("Turkeys sold out by Thanksgiving Day.", "Thanksgiving Day", dt.date(1999, 11, 26), "1999-11-25"),
        ("Voters go to the polls on Election Day.", "Election Day", dt.date(1998, 10, 30), "1998-11-03"),
        ("Sales peaked at Christmas.", "Christmas", dt.date(2019, 12, 27), "2019-12-25"),
        ("It was hot last summer.", "last summer", FRI, "2020-22"),
        # parts of periods stay at their precision, marked approximate
        ("The fighting started at the end of September.", "the end of September", FRI, "2020-09~"),
        ("It began in early 2019.", "early 2019", FRI, "2019~"),
        ("It ended in late 2019.", "late 2019", FRI, "2019~"),
        ("It peaked in mid-2019.", "mid-2019", FRI, "2019~"),
        ("It peaked in mid-October.", "mid-October", dt.date(2020, 12, 1), "2020-10~"),
        ("Talks stalled in late November.", "late November", dt.date(1999, 12, 10), "1999-11~"),
        ("Relations thawed in the early 1990s.", "early 1990s", None, "199X~"),
        # stretches of time up to or from the anchor
        ("Prices doubled over the past year.", "the past year", FRI, "2019-10-09/2020-10-09"),
        ("Talks go on for the next two weeks.", "the next two weeks", FRI, "2020-10-09/2020-10-23"),
        ("More will come in the coming weeks.", "the coming weeks", FRI, "2020-10-09/2020-11-06~"),
        ("The summit is on April 24 and 25.", "25", dt.date(1999, 2, 10), "1999-04-25"),
        ("Output fell from 1998-2000.", "1998-2000", None, "1998/2000"),
        # what the text said last: "that day", "later that year", "since then"
        ("He fled in June 1998 and returned later that year.", "later that year", FRI, "1998"),
        ("He was shot on Oct. 23, 1998. Earlier that day, he went out.", "Earlier that day", FRI,
         "1998-10-23"),
        ("He was shot on Oct. 23, 1998 and died the next morning.", "the next morning", FRI, "1998-10-24"),
        ("A war ended in 1994. Since then there have been skirmishes.", "Since then", FRI, "1994/.."),
        ("He died the next morning.", "the next morning", FRI, None),
        # orientation by the words around
        ("It was not until Tuesday that he spoke.", "Tuesday", dt.date(2000, 3, 28), "2000-03-28"),
        ("Officials postponed until Tuesday morning any action.", "Tuesday morning", dt.date(2000, 3, 30),
         "../2000-04-04"),
        ("Until Thursday, they had not called him a suspect.", "Thursday", dt.date(1999, 5, 7),
         "../1999-05-06"),
        ("They would look for ways around Wednesday's ruling.", "Wednesday's", dt.date(2000, 1, 7),
         "2000-01-05"),
        ("He asked them to stop after Thursday's ruling.", "Thursday's", dt.date(2000, 6, 1), "2000-06-01"),
        ("Security tightened after the Sept. 11 attacks.", "Sept. 11", dt.date(2002, 5, 1), "2001-09-11"),
        # open intervals
        ("No strikes before Thursday, he said.", "before Thursday", FRI, "../2020-10-08"),
        ("He has been arrested several times since 1990.", "since 1990", None, "1990/.."),
        ("Talks continued after May 5, 2019.", "after May 5, 2019", None, "2019-05-05/.."),
        ("He must remain in Miami until March 6.", "until March 6", dt.date(2000, 1, 15), "../2000-03-06"),
    ],
)
def test_value(text: str, phrase: str, anchor: dt.date | None, expected: str) -> None:
    assert value_of(text, phrase, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume tomorrow.",
        "They met last week on Friday.",
        "The fighting started at the end of September.",
        "He left two years ago.",
    ],
)
def test_relative_expressions_need_an_anchor(text: str) -> None:
    times = find_times(text, None)
    assert times and all(t.value is None for t in times)


def test_previous_date_from_outside_the_text() -> None:
    times = find_times("Since then, relations have soured.", FRI, previous="1998")
    assert [(t.text, t.value) for t in times] == [("Since then", "1998/..")]
    assert find_times("Since then, relations have soured.", FRI)[0].value is None


def test_offsets_point_at_the_words() -> None:
    text = "Armenia and Azerbaijan have fought since last month, officials said on Friday."
    for t in find_times(text, FRI):
        assert text[t.start:t.end] == t.text
    assert [t.text for t in find_times(text, FRI)] == ["since last month", "Friday"]


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May spoke to reporters.",
        "It may rain in the afternoon.",
        "Some 2000 people attended, about 1500 of them students.",
        "Soldiers march in the fall of the city.",
        "The Sun reported it first.",
        "He paid $1999 for it.",
        "Jan Kowalski, a spokesman, declined to comment.",
        "It ended on the last day of the fair.",
        "The Sunday Times reported the deal.",
        "Shops opened early on Black Friday.",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert find_times(text, FRI) == []


def test_values_are_valid_edtf() -> None:
    text = (
        "On Friday, yesterday, last week, in recent weeks, since last month, before Thursday, "
        "at the end of September, early 2019, the 1990s, summer 2019, the first quarter of 2019, "
        "two years ago, Christmas and last decade."
    )
    for t in find_times(text, FRI):
        assert t.value is not None, t
        parse_edtf(t.value)


def test_expressions_come_in_text_order_without_overlap() -> None:
    text = "On Monday, Oct. 26, 1998, and on Oct. 27 and in 1999 and late November."
    times = find_times(text, dt.date(1998, 10, 25))
    assert [t.start for t in times] == sorted(t.start for t in times)
    assert all(a.end <= b.start for a, b in zip(times, times[1:], strict=False))
    assert times[0] == TimeExpr("Monday, Oct. 26, 1998", 3, 24, "1998-10-26")


@pytest.mark.parametrize(("text", "value"), [("Since the 1990s, it grew.", "1990/.."),
                                             ("Before the 1990s, it was poor.", "../1990")])
def test_open_intervals_from_a_decade_are_valid_edtf(text: str, value: str) -> None:
    """EDTF allows no unspecified digits in an interval's end, so a decade opens from its first year."""
    (found,) = find_times(text, dt.date(2020, 10, 9))
    assert found.value == value
    parse_edtf(found.value)
