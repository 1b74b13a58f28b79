"""Event dates: which time expression of a sentence dates which event, and how precisely.

The date pass (`dates.find_times`) finds time expressions with EDTF values; here each is
given to the event it hangs from in the parse, opened by an order word ("before
Thursday" is `../2020-10-08`), or passed on: to a subordinate event, to an event ordered
after or before a dated one ("X after the invitation on Thursday"), and to the next
sentence when it opens with a connective ("In retaliation, ..."). An event with no time
of its own and no such rule stays undated: a guess dressed as a date is worse than none.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.dates import edtf_bounds
from generator.extraction.events.draft import TEMPORAL_PREPS, Draft
from generator.extraction.references import View, time_tokens


def date_events(view: View, drafts: list[Draft]) -> None:
    """Give each draft the time expression attached to its trigger (else the sentence's);
    an adverbial ("on Thursday") speaks for the event before a date inside one of its
    arguments ("the March 31 deadline")."""
    loose, owned = [], []
    for time in view.sentence.times:
        owner, edge, rank = _time_owner(view, time, drafts)
        value = _ordered_value(view, time, edge)
        text = _with_order_word(view, time)
        if owner is None:
            loose.append((value, text))
        elif value:
            owned.append((rank, owner, value, text))
    for _, owner, value, text in sorted(owned, key=lambda o: o[0]):
        if owner.date is None:
            owner.date, owner.date_text = value, text
    for value, text in loose:
        for draft in drafts:
            token = draft.head.token
            reached = not _set_apart(token) and (len(drafts) == 1 or _near_root(token))
            if draft.date is None and value and reached:
                draft.date, draft.date_text = value, text
    for draft in drafts:
        if draft.date is None:
            governing = _governing_draft(draft, drafts)
            if governing is not None:
                draft.date, draft.date_text = governing.date, governing.date_text
    order_events(drafts)


def order_events(drafts: list[Draft]) -> None:
    """Date an undated event by another in its sentence: "X after the invitation on
    Thursday" happened from Thursday on; "the offer followed an attempt" puts the attempt
    before the offer."""
    by_anchor = {d.head.token.i: d for d in drafts}
    for draft in drafts:
        anchor = draft.head.token
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ORDER_PREPS):
            other = next((by_anchor.get(p.i) for p in prep.children if p.dep_ == "pobj"), None)
            if other is not None and other.date and draft.date is None:
                _set_relative(draft, other, ORDER_PREPS[prep.lower_])
    for token in (d.head.token.head for d in drafts):
        relation = ORDER_VERBS.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if relation is None:
            continue
        subject = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            continue
        if subject.date and obj.date is None:
            _set_relative(obj, subject, "before" if relation == "after" else "after")
        elif obj.date and subject.date is None:
            _set_relative(subject, obj, relation)


ORDER_PREPS = {"after": "after", "following": "after", "since": "after", "before": "before"}
ORDER_VERBS = {"follow": "after", "precede": "before"}  # "A followed B": A is after B


def _set_relative(draft: Draft, other: Draft, relation: str) -> None:
    """An open interval from (after) or up to (before) another event's date; the words
    that date the other event stay the date's text."""
    date = other.date or ""
    start, _, end = date.partition("/")
    value = f"{start}/.." if relation == "after" else f"../{end or start}"
    if date and ".." not in date and _valid(value):
        draft.date, draft.date_text = value, other.date_text


def _set_apart(token: Token) -> bool:
    """A trigger that a sentence's date does not reach even when it is the only one: in a
    temporal phrase ("seen in the weeks before the shooting ... in December"), inside an
    adverbial clause ("shattering the order set by the Yalta accord, he said Friday") or
    a relative clause ("the warrant issued Monday names Y, who was wounded in 1995"). A
    participle or purpose clause that is the trigger itself shares the time ("exploded
    Friday, killing dozens"; "met on Monday to negotiate")."""
    t = token
    while t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in TEMPORAL_PREPS or t.dep_ == "relcl":
            return True
        if t.dep_ == "advcl" and (t.i != token.i or any(c.dep_ == "mark" for c in t.children)):
            return not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        t = t.head
    return False


def _near_root(token: Token) -> bool:
    """A verb, or a noun argument of the main verb: a sentence's loose date is theirs."""
    if token.pos_ == "VERB":
        return True
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.dep_ == "ROOT" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def continue_dates(view: View, drafts: list[Draft], previous: list[Draft]) -> None:
    """A sentence with no date of its own that opens with "In retaliation," or "Later,"
    follows the previous sentence's dated event: at that time, or from it on."""
    lex = load_data("events_triggers")
    dated = [d for d in previous if d.date and d.view.sentence.paragraph == view.sentence.paragraph
             and d.view.sentence.article is view.sentence.article]
    if view.sentence.times or not dated:
        return
    opening = view.sentence.text.lower().lstrip("“\"' ")
    date, text = dated[0].date, dated[0].date_text
    if any(opening.startswith(w) for w in lex["same_time_openers"]):
        value = date
    elif any(opening.startswith(w + " ") or opening.startswith(w + ",") for w in lex["later_openers"]):
        value = f"{date.split('/')[0]}/.." if ".." not in date else None
    else:
        return
    for draft in drafts:
        if draft.date is None and value and _valid(value):
            draft.date, draft.date_text = value, text


def _governing_draft(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The event a subordinate one hangs from ("criticized X on Tuesday for holding a parade"):
    the subordinate happened then too, unless an order word sets it apart ("after ...")."""
    t = draft.head.token
    if t.pos_ != "VERB":
        return None  # "condemned the bombing": the bombing has its own time
    while t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in TEMPORAL_PREPS or t.dep_ in ("ccomp", "relcl", "conj"):
            return None
        t = t.head
        owner = next((d for d in drafts if d is not draft and t.i in d.tokens), None)
        if owner is not None:
            return owner if owner.date else None
    return None


def _time_owner(view: View, time, drafts: list[Draft]) -> tuple[Draft | None, str | None, int]:
    """The draft a time expression hangs from, the edge verb on the way ("ended in"), and
    a rank: 0 for an adverbial of the trigger, 1 for a date inside an argument."""
    tokens = time_tokens(view, time)
    if not tokens:
        return None, None, 9
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    edges = load_data("events_triggers")["edge_verbs"]
    edge, t, below = None, root, root
    for _ in range(12):
        for draft in drafts:
            if t.i in draft.tokens:
                rank = 0 if t.i in {g.token.i for g in draft.triggers} and below.dep_ in ADVERBIAL else 1
                return draft, edge, rank
        if t.pos_ == "VERB" and t.lemma_.lower() in edges and edge is None:
            edge = edges[t.lemma_.lower()]
        if t.head.i == t.i:
            break
        below, t = t, t.head
    return None, None, 9


ADVERBIAL = {"prep", "npadvmod", "advmod", "tmod", "obl", "nummod", "relcl", "acl", "advcl"}


def _order_word(view: View, time) -> str | None:
    lex = load_data("events_triggers")
    before = view.sentence.text[max(0, time.start - 14): time.start].lower()
    words = time.text.lower()
    for word in lex["order_before"]:
        if re.search(rf"\b{word}\s*$", before) or words.startswith(word + " "):
            return "before"
    for word in lex["order_after"]:
        if re.search(rf"\b{word}\s*$", before) or words.startswith(word + " "):
            return "after"
    return None


def _with_order_word(view: View, time) -> str:
    before = view.sentence.text[max(0, time.start - 14): time.start]
    lex = load_data("events_triggers")
    for word in lex["order_before"] + lex["order_after"] + ["on", "in", "at"]:
        m = re.search(rf"\b{word}\s*$", before, re.I)
        if m and not time.text.lower().startswith(word):
            return before[m.start():] + time.text
    return time.text


def _ordered_value(view: View, time, edge: str | None) -> str | None:
    """The EDTF value, opened by an order word: "before Thursday" -> ../2020-10-08."""
    value = time.value
    if not value:
        return None
    order = _order_word(view, time) or edge
    if order is None or ".." in value:
        return value if _valid(value) else None  # find_times returns EDTF; never guess
    start, _, end = value.partition("/")
    end = end or start
    if order == "before":
        opened = f"../{_digits(start, '0')}" if edge is None else f"../{_digits(end, '9')}"
    else:
        opened = f"{_digits(_common_unit(start, end), '0')}/.."
    return opened if _valid(opened) else value


def _digits(value: str, fill: str) -> str:
    """An unspecified digit made concrete for an interval's end: 199X -> 1990 or 1999."""
    return value.replace("X", fill)


def _valid(value: str) -> bool:
    return edtf_bounds(value) is not None


def _common_unit(start: str, end: str) -> str:
    """The widest unit both ends share, so "end of September" opens from 2020-09, not a day."""
    if start == end:
        return start
    a, b = start.strip("~?%").split("-"), end.strip("~?%").split("-")
    common = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common.append(x)
    return "-".join(common) or start
