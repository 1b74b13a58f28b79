"""What one block of a page is: story, heading, or the page's own furniture."""

from __future__ import annotations

import pytest

from generator.reading.furniture import (
    classify,
    is_chrome,
    is_colon_headline,
    is_date_line,
    is_inline_furniture,
    is_page_furniture,
    is_widget,
    split_sentences,
)


@pytest.mark.parametrize("block", [
    "Only subscribers can read this story. Subscribe today to keep reading the Harbor Gazette for $9 a "
    "month. Not a subscriber yet? Log in or register. The price rises in June.",
    "Join our weekly newsletter for the best of our coverage. Register with your email address. Our "
    "partners sponsor this newsletter.",
    "Subscribe for unlimited reading at $2 a week. No commitment. Not a subscriber? Register for free.",
    "We and our partners use cookies to measure audiences. By continuing to browse you accept our "
    "cookie policy.",
    "Download our app for alerts on your phone.",
])
def test_subscription_paywall_newsletter_and_cookie_boxes_are_chrome(block):
    assert is_chrome(block)
    assert is_page_furniture(block) and classify(block) == "furniture"


@pytest.mark.parametrize("block", [
    "Subscribers to the streaming service will pay $12 a month from June, the company said.",
    "\"We will not sign up to this deal,\" the minister told reporters.",
    "The bank said its app had been down for six hours and customers could not log in to their accounts.",
    "If you want the cheapest plan, you can sign up for a free trial. Afterwards you pay $7 a month.",
])
def test_news_about_subscriptions_is_no_chrome(block):
    assert not is_chrome(block)


@pytest.mark.parametrize("line", ["Share Facebook Twitter", "Share this article", "Text size A A A",
                                  "Email | Print | Copy link", "A- A+"])
def test_share_and_font_size_widgets(line):
    assert is_widget(line) and classify(line) == "furniture"


@pytest.mark.parametrize("line", ["Facebook said on Monday it would share data with regulators.",
                                  "Twitter and Facebook"])
def test_a_sentence_naming_networks_is_no_widget(line):
    assert not is_widget(line) or classify(line) != "prose"
    assert classify("Facebook said on Monday it would share data with regulators.") == "prose"


@pytest.mark.parametrize("line", ["Mar 13, 2025 | 4:40 PM", "Updated: 9 June 2021 10:15 IST",
                                  "Tuesday, October 17, 2023, 2:05 PM", "Published 14 March 2021"])
def test_date_lines(line):
    assert is_date_line(line) and classify(line) == "furniture"


@pytest.mark.parametrize("line", ["Storm closes ports on Monday", "Talks agreed in Vienna",
                                  "Ceasefire agreed on March 3 after talks in Vienna, the mediator said."])
def test_headlines_and_sentences_with_dates_are_no_date_lines(line):
    assert not is_date_line(line)


@pytest.mark.parametrize("line", ["No: Freedonia shelves harbour tax",
                                  "Brexit: UK and EU agree trade deal",
                                  "Exclusive: Ministers plan new border checks"])
def test_word_colon_headlines_are_headings(line):
    assert is_colon_headline(line) and classify(line) == "heading"


@pytest.mark.parametrize("line", ["Tags: Russia, Ukraine, Oil", "Domain: example.org", "Category: World news",
                                  "- **URL**: https://example.org/a", "Fetcher tier: BASIC"])
def test_page_fields_are_furniture(line):
    assert not is_colon_headline(line) and classify(line) == "furniture"


@pytest.mark.parametrize("line", ["-- Jane Roe", "— Jane Roe in Harborton",
                                  "Jane Roe contributed to this report.",
                                  "(Reporting by Jane Roe; Editing by John Doe)"])
def test_sign_offs_and_contributor_lines_are_closing_credits(line):
    assert classify(line) == "credit"


@pytest.mark.parametrize("line", ["— The ministry said it would respond.", "-- Yes, we will go, he said."])
def test_a_sentence_after_a_dash_is_no_sign_off(line):
    assert classify(line) == "prose"


@pytest.mark.parametrize("line", ["See also: Storms close ports along the northern coast",
                                  "More on this story: Central bank holds interest rates",
                                  "Related: Ceasefire collapses in the valley",
                                  "Read more: Why the talks failed"])
def test_labelled_links_to_other_stories_are_inline_furniture(line):
    assert classify(line) == "furniture" and is_inline_furniture(line)


def test_a_section_label_alone_is_not_inline():
    assert classify("Related Articles") == "furniture" and not is_inline_furniture("Related Articles")
    assert classify("More on this story") == "furniture"


def test_sentences_split_at_a_capital_not_after_an_initial():
    assert split_sentences("Mr. J. Doe said so. Then he left! Did he? Yes.") == [
        "Mr. J. Doe said so.", "Then he left!", "Did he?", "Yes."]


@pytest.mark.parametrize("line", [
    "Reporting by Lucia Ferreira; editing by Tom Hale",
    "Additional reporting by Nikhil Rao in Lisbon; Writing by Mara Quint; Editing by Tom Hale and Ana de "
    "la Cruz",
    "Reporting by Jan Roe, additional reporting by Ida Lee and Omar Haddad; Editing by Kim Park",
    "Follow Clara Whitfield on X @cwhitfield.",
    "Follow her on Twitter @janeroe",
    "Follow our reporter on Instagram",
])
def test_credit_boxes_and_follow_lines_are_page_furniture(line):
    assert classify(line) == "furniture" and is_page_furniture(line)


@pytest.mark.parametrize("line", [
    "Reporting by the Harbor Gazette revealed that the minister had lied.",
    "Editing by hand is slow, the archivist said.",
    "Follow the money, the investigators told the court.",
])
def test_sentences_that_open_like_credits_are_prose(line):
    assert classify(line) == "prose" and not is_page_furniture(line)


def test_the_agency_s_bracketed_credit_still_closes_the_story():
    assert classify("(Reporting by Lucia Ferreira; Editing by Tom Hale)") == "credit"


def test_date_lines_are_page_furniture_in_an_extractor_s_output():
    assert is_page_furniture("Updated 9:42 AM GMT, Tuesday, 7 November 2023")
    assert not is_page_furniture("The talks opened on Tuesday, 7 November 2023, in Vienna, officials said.")
