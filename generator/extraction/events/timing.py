"""Event dates: which time expression of a sentence dates which event, and how precisely.

The date pass (`dates.find_times`) finds time expressions with EDTF values; here each is
given to the event it hangs from in the parse, opened by an order word ("before
Thursday" is `../2020-10-08`), or passed on: to a subordinate event, to an event ordered
after or before a dated one ("X after the invitation on Thursday"; "a day after X" is
X's date moved a day), and to the next sentence when it opens with a connective ("In
retaliation, ..."). An event told in the present or present perfect with no time at all
had happened by publication (`../PUBLISHED`). Any other event with no time of its own
stays undated: a guess dressed as a date is worse than none.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.dates import TimeExpr, edtf_bounds, grammar, number_of, relation_before, shift
from generator.extraction.events.draft import TEMPORAL_PREPS, Draft
from generator.extraction.references import View, time_tokens
from generator.extraction.sentence import anchor_date
from generator.text import dateline_end

Measure = tuple[int, str, str]  # (count, unit, words): "two days after" is (2, "day", "two days after")


def date_events(view: View, drafts: list[Draft]) -> None:
    """Give each draft the time expression attached to its trigger (else the sentence's);
    an adverbial ("on Thursday") speaks for the event before a date inside one of its
    arguments ("the March 31 deadline"), and a clause's own time before the dateline's."""
    loose, owned = [], []
    dateline = dateline_end(view.sentence.text)
    for time in _dating_times(view.sentence.times):
        # a dateline's day ("HARBORTON, Oct. 17 (Coastwire) --") is the report's: it dates
        # only what no time of its own clause dates
        owner, edge, rank = _time_owner(view, time, drafts) if time.start >= dateline else (None, None, 9)
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
    date_by_publication(view, drafts)


def order_events(drafts: list[Draft]) -> None:
    """Date an undated event by another in its sentence: "X after the invitation on
    Thursday" happened from Thursday on; "the offer followed an attempt" puts the attempt
    before the offer; with a measure, exactly: "the talks, two days after the raid on
    May 3" were on May 5, and "shelling this morning, a day after the army launched
    strikes" puts the strikes a day before this morning."""
    for later, relation, other, measure in _ordered_pairs(drafts):
        if other.date and later.date is None:
            _set_relative(later, other, relation, measure)
        elif later.date and other.date is None:
            _set_relative(other, later, "before" if relation == "after" else "after", measure)


def _ordered_pairs(drafts: list[Draft]) -> list[tuple[Draft, str, Draft, Measure | None]]:
    """(a, relation, b, measure): a happened after or before b, by the measure the text
    gives ((2, "day", "two days after") for "two days after"), from the parse: a
    preposition ("attacked after the talks"), an adverbial clause ("..., a day after the
    army launched strikes") or a verb of order ("the offer followed an attempt")."""
    by_token = {i: d for d in drafts for i in d.tokens}
    pairs = []
    for draft in drafts:
        anchor = draft.head.token
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ORDER_PREPS):
            other = next((by_token.get(p.i) for p in prep.children if p.dep_ == "pobj"), None)
            if other is not None and other is not draft:
                pairs.append((draft, ORDER_PREPS[prep.lower_], other, _measure(prep)))
        subject = anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.pos_ == "VERB"
        clause = anchor.head if subject else anchor  # "since fighting began": the beginning's clause
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ORDER_PREPS), None)
        main = _main_clause_draft(clause, drafts) if clause.dep_ == "advcl" and mark is not None else None
        if main is not None and main is not draft:
            pairs.append((main, ORDER_PREPS[mark.lower_], draft, _measure(clause) or _measure(mark)))
    by_anchor = {d.head.token.i: d for d in drafts}
    for token in (d.head.token.head for d in drafts):
        relation = ORDER_VERBS.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        subject = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((by_anchor.get(c.i) for c in token.children if c.dep_ == "dobj"), None)
        if relation and subject is not None and obj is not None:
            pairs.append((subject, relation, obj, None))
    return pairs


def _main_clause_draft(clause: Token, drafts: list[Draft]) -> Draft | None:
    """The event of the clause an adverbial clause hangs from: its verb's own draft, else
    the first draft among the verb's arguments ("reported shelling")."""
    head = clause.head
    own = next((d for d in drafts if head.i in d.tokens), None)
    if own is not None:
        return own
    return next((d for d in drafts if d.head.token.head.i == head.i and d.head.token.i != clause.i
                 and d.head.token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")), None)


def _measure(token: Token) -> Measure | None:
    """The length an order word is measured by ("two days after", "a week before"), as
    (count, unit, words), from the noun that modifies it; None when it has none or it is
    vague ("a few days after" is after, by no stated length)."""
    for noun in (c for c in token.children if c.dep_ == "npadvmod" and c.lemma_.lower() in MEASURE_UNITS):
        count = [t.lower_ for t in noun.subtree if t.i < noun.i and t.lower_ != "the"]
        if VAGUE_COUNTS & set(count):
            return None
        try:
            n = number_of(" ".join(count) or None)
        except KeyError:
            return None
        mark = next((c for c in token.children if c.dep_ == "mark"), None) if token.dep_ == "advcl" else token
        end = mark.i if mark is not None else noun.i
        return n, noun.lemma_.lower(), noun.doc[noun.left_edge.i: max(end, noun.i) + 1].text
    return None


VAGUE_COUNTS = {"few", "several", "couple", "many", "some", "number"}
MEASURE_UNITS = {"day", "week", "month", "year"}
ORDER_PREPS = {"after": "after", "following": "after", "since": "after", "before": "before"}
ORDER_VERBS = {"follow": "after", "precede": "before"}  # "A followed B": A is after B


def _set_relative(draft: Draft, other: Draft, relation: str, measure: Measure | None = None) -> None:
    """Date a draft by another's date: moved by the measure ("a day after"), when the
    other's date is precise enough; else an open interval from (after) or up to (before)
    it. A measure that the other's date cannot carry leaves the draft undated rather than
    on the other's day."""
    date = other.date or ""
    if not date:
        return
    if measure is not None:
        n, unit, words = measure
        moved = shift(date, n, unit, relation)
        if moved and _valid(moved):
            draft.date, draft.date_text = moved, words
        return
    start, _, end = date.partition("/")
    value = f"{start}/.." if relation == "after" else f"../{end or start}"
    if ".." not in value[2:-2] and _valid(value):  # an open end of the other is no end to date by
        draft.date, draft.date_text = value, other.date_text


def date_by_publication(view: View, drafts: list[Draft]) -> None:
    """An event told in the present perfect or the present ("has closed", "rebels hold
    the town") with no time expression in its sentence had happened by the publication
    date: `../PUBLISHED`, an honest open interval the timeline can place, rather than
    no date. The anchor is the paragraph's own date where it has one (a live blog's
    block). Only what the article asserts as having happened: a planned or conditional
    event keeps no date."""
    anchor = anchor_date(view.sentence.article, view.sentence.paragraph)
    if anchor is None or view.sentence.times:
        return
    for draft in drafts:
        if draft.date is None and draft.status == "happened" \
                and _told_as_done(draft.head.token):
            draft.date, draft.date_text = f"../{anchor.isoformat()}", None


PRESENT_TAGS = {"VBZ", "VBP"}


def _told_as_done(token: Token) -> bool:
    """Whether the clause of a trigger is in the present perfect ("has seized", "have
    been killed") or the simple present ("holds", "controls"), with no modal ("will",
    "could") or future ("is going to") beside it. A noun trigger takes its verb's tense
    ("have staged a rally")."""
    is_verb = token.pos_ in ("VERB", "AUX")
    verb = token if is_verb else token.head
    if not is_verb and (token.dep_ not in NOUN_ARGUMENTS or verb.pos_ not in ("VERB", "AUX")):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("to", "going") for a in auxes) or verb.tag_ in ("VB", "VBG"):
        return False
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in PRESENT_TAGS for a in auxes)
    return perfect or (verb.tag_ in PRESENT_TAGS and not auxes)


NOUN_ARGUMENTS = {"dobj", "nsubj", "nsubjpass", "attr"}


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
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ORDER_PREPS for c in t.children):
            return None  # "..., a day after the army launched strikes": another time, by order
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
            subject = _subject_draft(t, drafts)
            if subject is not None:  # "since fighting began on 15 April": the fighting's start
                return subject, edge, 0
        if t.head.i == t.i:
            break
        below, t = t, t.head
    return None, None, 9


def _subject_draft(verb: Token, drafts: list[Draft]) -> Draft | None:
    """The event that is the subject of an edge verb ("the war ended", "fighting began")."""
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    return next((d for d in drafts if d.head.token.i in subjects), None)


ADVERBIAL = {"prep", "npadvmod", "advmod", "tmod", "obl", "nummod", "relcl", "acl", "advcl"}


def _dating_times(times: list[TimeExpr]) -> list[TimeExpr]:
    """The times that date events: a range's last time is dated with its first ("from
    May 1-3" is one date), so it dates nothing on its own."""
    ends = {t.through.start for t in times if t.through is not None}
    return [t for t in times if t.start not in ends]


def _with_order_word(view: View, time: TimeExpr) -> str:
    """The time's words with the order or place word before them ("since 1990", "on
    Friday", "from May 1-3"): the event's date text, as the article words it."""
    end = time.through.end if time.through is not None else time.end
    words = view.sentence.text[time.start:end]
    before = view.sentence.text[max(0, time.start - 14): time.start]
    for word in list(grammar().vocab["relation_modifiers"]) + ["on", "in", "at", "from", "between"]:
        m = re.search(rf"\b{word}\s*$", before, re.I)
        if m and not words.lower().startswith(word):
            return before[m.start():] + words
    return words


def _ordered_value(view: View, time: TimeExpr, edge: str | None) -> str | None:
    """The EDTF value, opened by its order word ("before Thursday" -> ../2020-10-08) or
    by the edge verb it hangs from ("ended in 2019" -> ../2019-12-31). The date pass
    gives the order word as the time's relation; a time made elsewhere is read again."""
    value = time.opened if time.through is not None else time.value  # a range: both ends
    if not value:
        return None
    order = time.relation or relation_before(view.sentence.text, time.start) or edge
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
