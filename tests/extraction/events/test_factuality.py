"""The article's stance on an event word, read from the parse of invented sentences:
negation, denial, allegation, intention, possibility and condition (factuality.py)."""

from __future__ import annotations

from typing import get_args

import pytest

from generator.datafiles import load_data
from generator.extraction.events.factuality import (
    Cue,
    event_status,
    keeps_sheet,
    stance,
    strongest_status,
)
from generator.schema import EventStatus

pytestmark = pytest.mark.slow


def status(nlp, text: str, word: str, stop: tuple[str, ...] = ()) -> str | None:
    """The status of the first token whose text is `word`; `stop` names governing triggers."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return event_status(token, {t.i for t in doc if t.text in stop})


@pytest.mark.parametrize("text, word", [
    ("Ruritania did not attack the border post.", "attack"),
    ("Ruritania never signed the treaty.", "signed"),
    ("Ruritania held no talks with Freedonia.", "talks"),
    ("Osterlich, which holds large reserves, was not part of the agreement.", "agreement"),
    ("None of the delegates signed the accord.", "signed"),
    ("The decision shows Ruritania's reluctance to send troops back into combat.", "send"),
    ("Ruritania failed to reach a deal with Freedonia.", "deal"),
    ("It never came to a peace agreement between Ruritania and Freedonia.", "agreement"),
    ("Ruritania declined to discuss the charges.", "discuss"),
])
def test_what_the_article_says_did_not_happen_has_no_status(nlp, text, word):
    assert status(nlp, text, word) is None


@pytest.mark.parametrize("text, word, expected", [
    ("The ministry denied that its police had beaten the marchers.", "beaten", "denied"),
    ("Ruritania rejected claims that its army had shelled the town.", "shelled", "denied"),
    ("Anna Berg accused Freedonia of shelling the town.", "shelling", "alleged"),
    # the parser hangs "of firing" on the object noun; it still completes "accused"
    ("Ruritania accused Freedonian forces of firing mortars at civilians.", "firing", "alleged"),
    ("Freedonia reportedly shelled the town.", "shelled", "alleged"),
    ("Ruritania and Freedonia will meet next month to sign the treaty.", "meet", "planned"),
    ("Ruritania plans to visit Freedonia next month.", "visit", "planned"),
    ("Ruritania is due to hold elections next year.", "elections", "planned"),
    ("Anna Berg said the army would keep troops in Freedonia.", "keep", "planned"),
    ("Ruritania is considering sending troops to Freedonia.", "sending", "possible"),
    ("The deal allows Ruritania to send troops to Freedonia.", "send", "possible"),
    ("Ruritania could attack Freedonia within days.", "attack", "possible"),
    ("Osterlich is waiting for Ruritania to buy the port.", "buy", "possible"),
    ("A sale could still go ahead independently of a peace deal.", "deal", "possible"),
    ("If the talks fail, Ruritania would send troops to Freedonia.", "send", "conditional"),
    ("Ruritania will withdraw its envoy unless Freedonia apologizes.", "withdraw", "conditional"),
    ("Anna Berg said she would withdraw her bid and quit her post if Ruritania rejected the plan.",
     "withdraw", "conditional"),
    ("Ruritania denied that the attack took place.", "attack", "denied"),
])
def test_stance_of_a_trigger(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text, word", [
    ("Anna Berg said Freedonia had attacked the border post.", "attacked"),  # news told through officials
    ("Ruritania did not respond after the attack on the port.", "attack"),  # a time phrase is outside
    ("Ruritania has not made a breakthrough in talks with Freedonia.", "talks"),  # the talks were held
    ("If the talks fail, Ruritania would send troops.", "talks"),  # the subject of a condition exists
    ("Ruritania did not comment, but Freedonia shelled the town.", "shelled"),  # its own subject
    ("The generals, who seized power, will not hold elections.", "seized"),  # a relative clause asserts
    ("Ruritania claims the exercise is aimed at invading its territory.", "exercise"),  # presupposed
    ("The war led to condemnation, charges against its leader and a new round of sanctions.", "sanctions"),
    ("Officials are concerned by the collapse of the ceasefire.", "collapse"),
    ("Osterlich sought in vain to get Ruritania to stop killing its own people.", "killing"),  # going on
])
def test_what_the_article_asserts_happened(nlp, text, word):
    assert status(nlp, text, word) == "happened"


def test_a_trigger_heading_the_chain_speaks_for_it(nlp):
    """"refused to discuss", with the refusal a trigger, is one refusal: the discussion is
    kept inside it; "did not pledge to send" still did not happen."""
    refused = status(nlp, "Ruritania refused to discuss the charges.", "discuss", stop=("refused",))
    assert refused == "happened"
    assert status(nlp, "Ruritania did not pledge to send troops.", "send", stop=("pledge",)) is None


def test_negation_wins_then_denial_then_condition_then_the_nearest_cue(nlp):
    doc = nlp("word")
    word = doc[0]
    assert stance([Cue(word, "planned"), Cue(word, "not")]) is None
    assert stance([Cue(word, "alleged"), Cue(word, "denied")]) == "denied"
    assert stance([Cue(word, "planned"), Cue(word, "conditional")]) == "conditional"
    assert stance([Cue(word, "possible"), Cue(word, "planned")]) == "possible"
    assert stance([]) == "happened"


def test_the_most_asserted_mention_speaks_for_an_event():
    assert strongest_status(["alleged", "happened"]) == "happened"
    assert strongest_status(["denied", "alleged"]) == "alleged"
    assert strongest_status([]) == "happened"


def test_only_statuses_of_the_schema_make_sheets():
    statuses = set(get_args(EventStatus))
    assert set(load_data("factuality")["sheet_statuses"]) <= statuses
    assert set(load_data("factuality")["status_order"]) == statuses
    assert keeps_sheet("planned") and keeps_sheet("denied")
    assert not keeps_sheet(None)
