"""Event titles and ids: a short headline in the article's own words, and a stable slug.

A title is the trigger's phrase without dates, asides and subordinate clauses, led by
its actors' names ("Armenia and Azerbaijan attend ceasefire talks in Moscow"). The id is
a slug of the title's words: a name a person can read, unique and never a reserved page.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events.draft import TEMPORAL_PREPS, Draft
from generator.extraction.events.roles import argument_actors, folded_names, subjects
from generator.extraction.events.triggers import argument_head
from generator.extraction.references import View, actors_of, time_tokens
from generator.extraction.syntax import antecedent, join_tokens
from generator.text import dateline_end, slug_words, slugify, unique_id

TITLE_DEPS = {"relcl", "dobj", "prep", "pobj", "prt", "xcomp", "attr", "acomp", "compound", "amod", "aux",
              "neg", "poss", "nummod", "quantmod", "det", "case", "advmod", "conj", "cc", "dative", "oprd",
              "npadvmod", "agent", "auxpass", "nmod", "punct", "mark", "acl", "advcl", "pcomp"}


def title_of(draft: Draft) -> str:
    """Subject, trigger and object, in the sentence's own words, without its dates."""
    view = draft.view
    anchor = _title_anchor(draft)
    times = {t.i for time in view.sentence.times for t in time_tokens(view, time)}
    keep = _shortened(_title_tokens(anchor, times, _absorbed_beside(draft, anchor)), anchor)
    words = _until_comma([view.span.doc[i] for i in sorted(keep)], anchor)[:TITLE_WORDS]
    text = join_tokens(words).strip(" ,;:-")
    described = [antecedent(c) for c in anchor.children if c.dep_ == "dobj" and antecedent(c) is not c]
    if described:
        noun = described[0]
        text += " " + join_tokens([t for t in noun.subtree if t.i <= noun.i])
    lead = _lead_names(draft, anchor) if anchor.pos_ in ("VERB", "AUX") else ""
    lead = lead or _described_noun(anchor)
    doers = [a for a, r in draft.roles.items() if r in ("initiator", "mediator")]
    parties = [a for a, r in draft.roles.items() if r == "party"]
    named = [a for a in doers or (parties if len(parties) > 1 else []) if view.actors[a].name not in text]
    actors = _names(named, view)  # not "Chad and Niger visiting Chad and Niger"
    if lead or (actors and anchor.pos_ in ("VERB", "AUX")):
        text = f"{lead or actors} {_shared_aux(anchor)}{text}"
    elif actors and len(words) <= 2 and not any(t.i in view.by_token for t in words):
        text = f"{text} by {actors}"  # "Commentary by Jornal de Angola"
    text = re.sub(r"\s+", " ", text.replace("“", "").replace("”", "").replace('"', "")).strip()
    text = re.sub(r"^(the|a|an) ", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


TITLE_WORDS = 14


def _title_anchor(draft: Draft) -> Token:
    """A noun trigger whose actors are its governing verb's subject is told through that
    verb: "Armenia and Azerbaijan have been engaged in heavy fighting"."""
    noun = draft.head.token
    told = _telling_verb(draft)
    if noun.pos_ == "NOUN" and told is not None:
        return told  # "The worst attack was in 2002, when militants killed 20": told by "killed"
    inside = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into")  # "engaged in fighting"
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" and not inside:
        return noun
    verb = argument_head(noun)
    if verb.pos_ != "VERB" or verb.i in draft.others or verb.dep_ in ("amod", "acl", "relcl") \
            or verb.lemma_.lower() in load_data("claims_verbs")["speech_verbs"]:
        return noun
    if any(actors_of(draft.view, s) for s in subjects(verb) if s.dep_ == "nsubj" or s.dep_ == "nsubjpass"):
        return verb
    return noun


def _shared_aux(verb: Token) -> str:
    """"Sudan will improve access ... and cease the bombing": a coordinated verb without an
    auxiliary of its own has its first verb's ("will", "to"), so that its title says so
    ("Sudan will cease the bombing"), not a plain past it never said."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return ""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    words = [c.text for c in first.children if c.dep_ in ("aux", "neg") and c.i < first.i]
    return " ".join(words) + " " if words else ""


def _telling_verb(draft: Draft) -> Token | None:
    """A verb of the event's group whose subject names its actors: it says who did it."""
    for trig in draft.triggers[1:]:
        verb = trig.token
        doers = [s for s in subjects(verb) if s.dep_ == "nsubj"]
        if verb.pos_ == "VERB" and any(argument_actors(draft.view, s) for s in doers):
            return verb
    return None


def _shortened(keep: set[int], anchor: Token) -> set[int]:
    """A long title loses its last prepositional phrases whole, never half a name."""
    doc = anchor.doc
    while len(keep) > TITLE_WORDS:
        preps = [i for i in keep if doc[i].dep_ == "prep" and i > anchor.i]
        if not preps:
            break
        keep -= {t.i for t in doc[max(preps)].subtree}
    return keep


def _until_comma(tokens: list[Token], anchor: Token) -> list[Token]:
    """A title stops at the first comma left out after the trigger and five words: the
    rest is an aside."""
    for n, (prev, token) in enumerate(zip(tokens, tokens[1:], strict=False), start=1):
        gap = prev.doc[prev.i + 1: token.i]
        if n >= 5 and prev.i >= anchor.i and any(t.text in (",", ";", "—", "–") for t in gap):
            return tokens[:n]
    return tokens


def _absorbed_beside(draft: Draft, anchor: Token) -> list[Token]:
    """The words a trigger took in that hang on the anchor, and that the title rules would
    drop as an adverb or a clause: "stepped down", "found Anna Berg guilty"."""
    return [t for trig in draft.triggers for t in trig.absorbed
            if t.head.i == anchor.i and t.dep_ in ("advmod", "ccomp")]


def _title_tokens(anchor: Token, times: set[int], absorbed: list[Token] | None = None) -> set[int]:
    keep, stack = {anchor.i} | {t.i for t in absorbed or []}, list(anchor.children)
    stack += [c for t in absorbed or [] for c in t.children]
    while stack:
        t = stack.pop()
        if not _in_title(t, anchor, times):
            continue
        keep.add(t.i)
        stack += list(t.children)
    return keep


def _in_title(t: Token, anchor: Token, times: set[int]) -> bool:
    """Which words of the trigger's phrase make its title: the phrase itself, not its
    dates, asides, subordinate clauses or the subject (named separately)."""
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != anchor.i:
        return t.i not in times  # the subject of a clause inside the phrase stays
    if t.dep_ == "ccomp" and t.head.i == anchor.i:
        return anchor.lemma_.lower() in load_data("claims_verbs")["speech_verbs"]  # "warned that ..."
    if t.dep_ not in TITLE_DEPS or t.i in times or t.dep_ == "punct" and t.text != "-":
        return False
    if t.dep_ == "relcl" and (anchor.pos_ != "NOUN" or not any(
            c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children)):
        return False
    if t.tag_ in ("WDT", "WP") and t.dep_ != "nsubj":
        return False
    if t.dep_ in ("advcl", "acl") and not any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children):
        return anchor.pos_ == "NOUN" and t.dep_ == "acl"
    if t.dep_ in ("mark", "cc", "conj") and t.head.i == anchor.i:
        return False
    if t.dep_ in ("advmod", "prep", "npadvmod") and t.head.i == anchor.i and t.i < anchor.i \
            and anchor.pos_ in ("VERB", "AUX"):
        return False  # a fronted adverbial: "At the library, ... signed"
    if t.dep_ == "advmod" and (t.head.i == anchor.i or any(True for _ in t.children)):
        return False
    if t.dep_ == "prep" and (t.lower_ in TEMPORAL_PREPS | {"including", "despite"}
                             or all(c.i in times for c in t.children)):
        return False
    return True


def _described_noun(anchor: Token) -> str:
    """"hundreds injured": a participle describing a noun before it is told with the noun."""
    noun = anchor.head
    if anchor.dep_ != "acl" or anchor.tag_ not in ("VBN", "VBG") or noun.i > anchor.i \
            or noun.pos_ not in ("NOUN", "NUM", "PRON"):
        return ""
    return join_tokens([t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("prep", "punct")][-4:])


def _lead_names(draft: Draft, anchor: Token) -> str:
    """The subject as the title names it: actors by name when the subject is a name or a
    pronoun, else the subject's own words ("350 Armenian soldiers")."""
    subj = next((s for s in subjects(anchor) if not _is_dateline(s)), None)
    if subj is None:
        return ""
    relative = subj.lower_ in ("who", "which", "that") and subj.head.dep_ in ("relcl", "acl")
    meant = actors_of(draft.view, subj) if relative else []  # "A, who killed B, and C": A alone
    subj = antecedent(subj)
    named_inside = any(t.i in draft.view.by_token for t in subj.subtree)
    one_name = subj.i in draft.view.by_token and subj.i not in draft.view.inner
    if one_name or not named_inside:  # a name, a pronoun, "the two countries"; not "the X administration"
        ids = folded_names(draft.view, subj) + (meant or actors_of(draft.view, subj))
        names = _names(list(dict.fromkeys(ids)), draft.view)
        if names:
            return names
    words = [t for t in subj.subtree if not any(a.dep_ in ("relcl", "appos", "acl") and a.i != subj.i
                                                for a in _ancestors_until(t, subj))]
    cut = next((n for n, t in enumerate(words) if t.text in (",", ";", "(")), len(words))
    words = words[:min(cut, 8)]
    while words and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        words = words[:-1]
    return join_tokens(words).strip(" ,")


def _names(ids: list[str], view: View) -> str:
    """"A", "A and B", "A, B and C": at most three actors by name."""
    names = [view.actors[a].name for a in ids[:3]]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_dateline(token: Token) -> bool:
    """"NAIROBI, Kenya (AP) _": the place of a dateline opening the story, parsed as a subject."""
    sent = token.sent
    return token.i == sent.start and token.idx - sent.start_char < dateline_end(sent.text)


def _ancestors_until(token: Token, top: Token) -> list[Token]:
    out, t = [], token
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


STOP = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "with", "by", "from", "its", "their",
        "his", "her", "has", "have", "had", "been", "be", "is", "are", "was", "were", "will", "would", "that"}


def event_id(title: str, taken: set[str]) -> str:
    """A stable id from the title's first six words that are not stop words: lowercase,
    hyphens, unique among `taken`, never a reserved name."""
    words = [w for w in slug_words(title) if w not in STOP][:6]
    return unique_id(slugify(" ".join(words), "event"), taken)
