"""Time expressions: small sentences, an anchor date, the EDTF value expected."""

from __future__ import annotations

import datetime as dt

import pytest
from edtf import parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.dates as dates_module
from generator.dates import Found, TimeExpr, find_times, grammar, norm_weekday

FRI = dt.date(2020, 10, 9)  # a Friday
THU = dt.date(2025, 3, 13)  # a Thursday
TUE = dt.date(2023, 10, 17)  # a Tuesday


def value_of(text: str, phrase: str, anchor: dt.date | None) -> str | None:
    """The value, opened by its order word ("since"), of the first expression whose words
    include `phrase`."""
    hits = [t for t in find_times(text, anchor) if phrase in t.text]
    assert hits, f"no expression for {phrase!r} in {find_times(text, anchor)}"
    return hits[0].opened


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
        ("Relations thawed in the early 1990s.", "early 1990s", None, "1990/1993~"),
        ("Talks in the mid-90s failed.", "mid-90s", FRI, "1993~/1997~"),
        ("It dates back to the late 1980s.", "late 1980s", None, "1987~/1989"),
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
        ("He asked them to stop after Thursday's ruling.", "Thursday's", dt.date(2000, 6, 1),
         "2000-06-01/.."),
        ("Security tightened after the Sept. 11 attacks.", "Sept. 11", dt.date(2002, 5, 1), "2001-09-11"),
        # open intervals
        ("No strikes before Thursday, he said.", "Thursday", FRI, "../2020-10-08"),
        ("He has been arrested several times since 1990.", "1990", None, "1990/.."),
        ("Talks continued after May 5, 2019.", "May 5, 2019", None, "2019-05-05/.."),
        ("He must remain in Miami until March 6.", "March 6", dt.date(2000, 1, 15), "../2000-03-06"),
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
    assert [t.text for t in find_times(text, FRI)] == ["last month", "Friday"]


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
    assert found.value == "199X"
    assert found.opened == value
    parse_edtf(found.opened)


WED = dt.date(2024, 4, 17)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "first", "last", "value"),
    [
        ("Observers will watch the vote in Ruritania from May 1-3, they said.", "May 1", "3",
         "2024-05-01/2024-05-03"),
        ("Between 2007 and 2012 Freedonia held four elections.", "2007", "2012", "2007/2012"),
        ("Floods from March to May last year displaced thousands.", "March", "May last year",
         "2023-03/2023-05"),
        ("The fair runs from November to February 2025.", "November", "February 2025", "2024-11/2025-02"),
        ("Talks ran from March 3 to May 5, 2022 in Vienna.", "March 3", "May 5, 2022",
         "2022-03-03/2022-05-05"),
        ("The fair runs from Monday to Friday.", "Monday", "Friday", "2024-04-15/2024-04-19"),
    ],
)
def test_a_range_keeps_both_ends(text: str, first: str, last: str, value: str) -> None:
    """Each end stays its own expression, as TimeML marks them, the first in the last's
    year when it names none; the first runs through the last, which dates an event."""
    start, end = find_times(text, WED)
    assert (start.text, end.text, start.through) == (first, last, end)
    assert start.opened == value
    assert (start.value, end.value) == tuple(value.split("/"))
    parse_edtf(start.opened)


@pytest.mark.parametrize(
    "text",
    [
        "The summit is on April 24 and 25.",  # two days, not a range: no "between"
        "Ruritania voted in 2012 and Freedonia in 2007.",
        "From 2012 to 2007 is no range.",  # an end before its start
    ],
)
def test_times_that_are_no_range_stay_apart(text: str) -> None:
    times = find_times(text, WED)
    assert len(times) == 2
    assert all(t.through is None for t in times)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("A first round of talks in the mid-90s failed.", "mid-90s", "1993~/1997~"),
        ("A court case followed in the early 2000s.", "early 2000s", "2000/2003~"),
        ("The dispute dates back to the late 1980s.", "late 1980s", "1987~/1989"),
        ("By the end of the 1970s it had ended.", "the end of the 1970s", "1977~/1979"),
        ("Music of the 80s returned.", "80s", "198X"),
    ],
)
def test_a_decade_part_names_its_years(text: str, words: str, value: str) -> None:
    (found,) = find_times(text, WED)
    assert (found.text, found.value) == (words, value)
    parse_edtf(found.value)


def test_a_decade_without_the_or_a_part_word_is_no_date() -> None:
    assert find_times("She is in her 90s.", WED) == []


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Two days after May 3, 2020 they left.", "Two days after May 3, 2020", "2020-05-05"),
        ("The day before last Tuesday's hearing, he went.", "The day before last Tuesday's", "2024-04-15"),
        ("A week before March 10, 2021, the talks stalled.", "A week before March 10, 2021", "2021-03-03"),
        ("A year after the 2019 vote, it fell.", "A year after the 2019", "2020"),
    ],
)
def test_a_measured_order_word_moves_the_time(text: str, words: str, value: str) -> None:
    (found,) = find_times(text, WED)
    assert (found.text, found.value, found.relation) == (words, value, None)


def test_a_shift_finer_than_the_time_leaves_it_open() -> None:
    """"a week after May 2020" is no day; it is from May on."""
    (found,) = find_times("A week after May 2020 the plant shut.", WED)
    assert (found.value, found.opened) == ("2020-05", "2020-05/..")


@pytest.mark.parametrize(
    ("text", "words", "value", "relation"),
    [
        ("He has been arrested several times since 1990.", "1990", "1990", "after"),
        ("They must stay until March 6.", "March 6", "2024-03-06", "before"),
        ("It was not until Tuesday that he spoke.", "Tuesday", "2024-04-16", None),
    ],
)
def test_an_order_word_is_the_relation_not_the_value(text: str, words: str, value: str,
                                                     relation: str | None) -> None:
    """As TimeML's SIGNAL: "since 1990" names 1990; the event it dates starts then."""
    (found,) = find_times(text, WED)
    assert (found.text, found.value, found.relation) == (words, value, relation)


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Thousands rallied last Tuesday.", TUE, "2023-10-10"),  # said on a Tuesday: a week before
        ("The verdict comes next Friday.", FRI, "2020-10-16"),  # said on a Friday: a week on
        ("The ministers will meet on Friday.", WED, "2024-04-19"),
        ("The ministers met on Friday.", WED, "2024-04-12"),
        ("The ministers met on Wednesday.", WED, "2024-04-17"),
        ("Crowds marched and were planning to rally on Saturday.", WED, "2024-04-20"),
        ("The team planned to leave on Thursday.", WED, "2024-04-18"),
        ("On Friday, after a hastily planned trip, she spoke.", WED, "2024-04-12"),
        ("Organisers have a rally planned for Saturday.", WED, "2024-04-20"),
        ("Elections had been set for December.", WED, "2024-12"),
    ],
)
def test_times_without_a_year_point_the_way_the_verb_does(text: str, anchor: dt.date, value: str) -> None:
    (found,) = find_times(text, anchor)
    assert found.value == value


@pytest.mark.parametrize("anchor", [dt.date.min, dt.date(1, 1, 3), dt.date.max, dt.date(9999, 12, 29)])
def test_any_anchor_gives_no_exception(anchor: dt.date) -> None:
    """Dates outside the calendar (before year 1, after 9999) are no dates, never an error."""
    text = ("They met on Friday, last Tuesday and next Monday; the day after tomorrow, two weeks ago, "
            "next year, last decade, the past year, a day after Friday and in the coming weeks they "
            "will meet on Sunday.")
    times = find_times(text, anchor)
    assert len(times) >= 10
    for t in times:
        if t.value is not None:
            parse_edtf(t.value)


@pytest.mark.parametrize("words", ["Friday", "last Monday", "next Sunday", "this past Tuesday"])
@pytest.mark.parametrize("anchor", [dt.date.min, dt.date.max])
def test_norm_weekday_stays_in_the_calendar(words: str, anchor: dt.date) -> None:
    """A weekday a week beyond year 1 or 9999 is None, never an OverflowError."""
    rule = next(r for r in grammar().rules if r.kind == "weekday")
    match = rule.regex.search(f"They met {words}.")
    assert match is not None
    value = norm_weekday(Found(match, f"They met {words}.", anchor))
    assert value is None or parse_edtf(value)


@pytest.mark.parametrize(("text", "previous", "value"), [
    ("Workers will join a 12 p.m. rally outside the airport.", None, "2023-10-17"),  # the anchor's day
    ("The crowd gathered at noon.", "2023-10-16", "2023-10-16"),  # the day named just before, near the anchor
    ("The crowd gathered at noon.", "2019-05-02", "2023-10-17"),  # a background date is too far to own it
])
def test_a_time_of_day_is_on_the_day_named_last_or_the_anchor_s(text: str, previous: str | None,
                                                                 value: str) -> None:
    assert [t.value for t in find_times(text, TUE, previous)] == [value]


@pytest.mark.parametrize("text", ["It opens at 3 p.m. Tuesday.", "Shops open from 9 a.m. to 5 p.m.",
                                  "It aired on The Noon Show."])
def test_a_time_of_day_beside_its_own_day_or_in_a_span_of_hours_gives_no_second_date(text: str) -> None:
    assert not [t.text for t in find_times(text, TUE) if "p.m." in t.text or "Noon" in t.text]


# --- plain calendar values are bounded without the edtf package, with the same answer ------


def _edtf_package_bounds(value: str, fuzzy: bool = False):
    parsed = dates_module.parse_edtf_value(value)
    if parsed is None:
        return None
    lower, upper = (parsed.lower_fuzzy(), parsed.upper_fuzzy()) if fuzzy else \
        (parsed.lower_strict(), parsed.upper_strict())
    return dates_module._struct_day(lower, dt.date.min), dates_module._struct_day(upper, dt.date.max)


@given(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(["day", "month", "year"]),
    st.sampled_from(["one", "interval", "before", "since"]),
)
@settings(max_examples=150, deadline=None)
def test_plain_values_are_bounded_as_the_edtf_package_bounds_them(a, b, precision, shape):
    def written(d: dt.date) -> str:
        return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]

    value = {"one": written(a), "interval": f"{written(min(a, b))}/{written(max(a, b))}",
             "before": f"../{written(a)}", "since": f"{written(a)}/.."}[shape]
    fast = dates_module._plain_bounds(value)
    assert fast is not None and fast == _edtf_package_bounds(value), value
    assert fast == _edtf_package_bounds(value, fuzzy=True), value  # no margin without a qualifier
    assert dates_module.edtf_bounds(value, fuzzy=True) == fast


@pytest.mark.parametrize("value", ["2021-02-30", "2020-13", "2020-21", "2020~", "199X", "2021/2020", "../.."])
def test_anything_but_a_plain_calendar_value_is_left_to_the_edtf_package(value):
    assert dates_module._plain_bounds(value) is None


def test_a_qualified_date_is_widened_when_fuzzy():
    assert dates_module.edtf_bounds("2020-10~", fuzzy=True) == _edtf_package_bounds("2020-10~", fuzzy=True)
    assert dates_module.edtf_bounds("2020-10~", fuzzy=True) != dates_module.edtf_bounds("2020-10~")
