"""Names by their shape. Some the small recognizer never tags: an organization named by
its leader ("the Qatari-led coalition"), a country's armed forces or police named with its
demonym ("the Jordanian Police"), a person named after a rank with an uncommon name ("Sgt
Oriel Thistlewood"). (Names in other scripts are `scripts.py`'s.) Some it
tags as one name when they are two ("Jane Roe of Capital Public Radio"), or as an actor
when they name a law or a permit ("the Harbor Safety Act"). Each is a pattern over one
sentence with the world data's word lists (`led_words`, `coalition_heads`, `force_words`,
`not_actor_heads` in `data/actor_rules.yml`); `pattern_candidates` returns candidates for
`candidates.py`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extraction.actors.table import Candidate, overlaps
from generator.extraction.world import World
from generator.text import clean_name

LED_LABEL = "LED"  # Candidate.label of an organization named by its leader ("Qatari-led coalition")


def pattern_candidates(index: int, sent: Span, world: World, found: list[Candidate],
                       skip_until: int = 0) -> list[Candidate]:
    """The candidates these patterns add to a sentence's `found` ones: led organizations
    and forces (their country stays a candidate of its own inside them)."""
    out: list[Candidate] = []
    taken = [c.span for c in found]
    for span in led_spans(sent, world):
        if span.start_char >= skip_until:
            text = clean_name(span.text)
            out.append(Candidate(index, span, text, "organization", text, "ner", LED_LABEL))
    for span in force_spans(sent, world):
        same = any(t.start == span.start and t.end == span.end for t in taken)
        if span.start_char >= skip_until and not same:
            text = clean_name(span.text)
            out.append(Candidate(index, span, text, "organization", text, "ner", "ORG"))
    for span in ranked_names(sent, world):
        if span.start_char >= skip_until and not any(overlaps(span, t) for t in taken):
            text = clean_name(span.text)
            out.append(Candidate(index, span, text, "person", text, "ner", "PERSON"))
    return out


def ranked_names(sent: Span, world: World) -> list[Span]:
    """"Sgt Oriel Thistlewood told reporters": a rank or honorific (`honorifics`) and two or
    three capitalized proper nouns after it, which the recognizer misses when the name is
    uncommon, name a person (without the rank). Words the world data knows, or that end
    organizations' names, are no part of such a name."""
    suffixes = set(world.rules["organization_suffixes"]) | set(world.rules["organization_heads"])
    out: list[Span] = []
    doc = sent.doc
    words = [t for t in sent if t.is_alpha]
    if len(words) >= 4 and sum(t.is_title for t in words) > 0.6 * len(words):
        return out  # a heading in title case ("President Berg Signs Bill"): every word is capitalized
    for token in sent:
        if not _rank(token, world):
            continue
        end = token.i + 1
        while end < sent.end and (doc[end].is_title and doc[end].pos_ == "PROPN" or doc[end].text == "-"
                                  and end + 1 < sent.end and doc[end + 1].is_title):
            end += 1
        name = doc[token.i + 1:end]
        words = name.text.replace(" - ", "-").split()
        ends = end >= sent.end or not doc[end].is_title  # "Major League Baseball Commissioner" runs on
        if 2 <= len(words) <= 3 and ends and not world.lookup(name.text) and not any(
                w in suffixes or world.lookup(w) for w in words):
            out.append(name)
    return out


def _rank(token: Token, world: World) -> bool:
    """A short honorific or rank (`honorifics`: "Sgt", "Col.", "Dr", "Mr."): an abbreviation
    or a word of four letters at most, since the long ones are also common words that open
    names of other things ("Major League", "Private Equity", "General Motors")."""
    short = token.text.endswith(".") or len(token.text) <= 4
    known = token.text.rstrip(".").lower() in world.honorifics or token.lower_ in world.honorifics
    return known and short and token.text[:1].isupper()


def names_no_actor(span: Span, world: World) -> bool:
    """A law, permit, prize or occasion ("the Harbor Safety Act", "the Orange Revolution"),
    or the acronym defined for one ("a Special Transit Permit or STP")."""
    heads = set(world.rules["not_actor_heads"])
    if len(span) > 1 and span[-1].text in heads and not world.lookup(span.text):
        return True
    doc = span.doc
    if len(span) == 1 and span[0].is_upper and span.start >= 3 \
            and doc[span.start - 1].lower_ in {"or", "("} and doc[span.start - 2].text in heads:
        return True
    return False


def organization_of_place(span: Span, world: World) -> bool:
    """"the Union of Dock Loaders of the Red Coast and Grey Delta": an
    organization's name before "of" and a place after it is the organization's name."""
    closing = set(world.rules["organization_suffixes"]) | set(world.rules["organization_heads"])
    return any(t.lower_ == "of" and t.i > span.start and span.doc[t.i - 1].text in closing for t in span)


def person_of_organization(span: Span, world: World) -> tuple[Span, Span] | None:
    """"Jane Roe of Capital Public Radio" tagged as one organization: a person's two or
    three capitalized words, "of", and an organization's name (it ends with an
    organization's last word, or the world data knows it)."""
    rules = world.rules
    words = set(rules["organization_suffixes"]) | set(rules["organization_heads"]) \
        | set(rules["facility_heads"])
    for i, tok in enumerate(span):
        if tok.lower_ != "of":
            continue
        person, org = span[:i], span[i + 1:]
        if not (2 <= len(person) <= 3) or not len(org):
            return None
        if not all(t.is_title and t.is_alpha and t.text not in words and not world.lookup(t.text)
                   for t in person):
            return None
        if org[0].lower_ == "the":
            org = org[1:]
        if len(org) and (org[-1].text in words or world.lookup(org.text)):
            return person, org
        return None
    return None

def force_spans(sent: Span, world: World) -> list[Span]:
    """"the Jordanian Police", "the Chadian Armed Forces": a country's name or demonym and a
    capitalized force word (`force_words`) after it."""
    doc, out = sent.doc, []
    forces = sorted(world.rules["force_words"], key=lambda w: -len(w.split()))
    for tok in sent:
        known = world.lookup(tok.text)
        if not known or known.kind != "country" or known.role not in {"demonym", "name", "alias"}:
            continue
        for words in forces:
            width = len(words.split())
            after = doc[tok.i + 1:tok.i + 1 + width]
            if after.end <= sent.end and after.text == words:
                out.append(doc[tok.i:after.end])
                break
    return out


def led_spans(sent: Span, world: World) -> list[Span]:
    """"the Qatari-led coalition", "a U.S.-led task force": a country or organization, "-",
    a `led_words` participle and a `coalition_heads` noun (one or two words), as one span;
    the tokenizer keeps "U.S.-led" whole and splits "Qatari-led"."""
    doc, rules, out = sent.doc, world.rules, []
    heads = set(rules["coalition_heads"])
    for tok in sent:
        start, after = None, tok.i + 1  # where the leader starts, where the head noun starts
        if tok.text == "-" and tok.i > sent.start and tok.i + 1 < sent.end \
                and doc[tok.i + 1].lower_ in rules["led_words"]:
            start, after = _leader_start(doc, tok.i, world), tok.i + 2
        elif "-" in tok.text[1:]:
            leader, _, word = tok.text.rpartition("-")
            known = world.lookup(leader)
            if word.lower() in rules["led_words"] and known and known.kind in {"country", "organization"}:
                start = tok.i
        if start is None:
            continue
        for width in (2, 1):
            head = doc[after:after + width]
            if head.end <= sent.end and head.text.lower() in heads:
                out.append(doc[start:head.end])
                break
    return out


def _leader_start(doc, hyphen: int, world: World) -> int | None:
    """Where the leader's name before a hyphen starts, if it is a known country or
    organization ("Qatari", "NATO", "United Nations"); never at "the"."""
    for width in (3, 2, 1):
        start = hyphen - width
        if start < 0 or doc[start].lower_ == "the":
            continue
        known = world.lookup(doc[start:hyphen].text)
        if known and known.kind in {"country", "organization"}:
            return start
    return None
