"""Mentions: the candidates a name rule adds, drops or splits before merging.

A name found once is found everywhere in its article, and a full name's surname alone
after it ("Thistlewood said") is a mention too; a family ("the Bidens"), a
portfolio before a title ("Trade Minister") and a place qualifier ("Bethesda, Md.") are
no actors; a country glued to a person's name is two candidates; a name given by "also
known as" joins the actor it renames; a place that is a country is that country.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from generator.extraction.actors.table import Candidate, overlaps
from generator.extraction.sentence import Sentence
from generator.extraction.world import World


def _before_title(c: Candidate, world: World) -> bool:
    doc = c.span.doc
    nxt = doc[c.span.end:c.span.end + 2]
    return len(nxt) > 0 and (nxt[0].lower_ in world.titles or nxt.text.lower() in world.titles)


def add_missed_mentions(cands: list[Candidate], sentences: list[Sentence],
                        skips: dict[int, int]) -> list[Candidate]:
    """A name found once is found everywhere in its article: the recognizer misses some
    occurrences ("the Nagorno-Karabakh enclave" tagged in one sentence, not the next)."""
    if not cands:
        return cands
    by_article: dict[str, dict[str, Candidate]] = defaultdict(dict)
    for c in cands:
        if c.role in {"ner", "place"} and c.span.text == c.text:
            by_article[sentences[c.sentence].article.id].setdefault(c.text, c)
    taken: dict[int, list[Span]] = defaultdict(list)
    for c in cands:
        taken[c.sentence].append(c.span)
    vocab = cands[0].span.doc.vocab
    added: list[Candidate] = []
    for article, names in by_article.items():
        matcher = PhraseMatcher(vocab, attr="ORTH")
        for text, c in names.items():
            matcher.add(text, [c.span.as_doc()])
        for i, s in enumerate(sentences):
            if s.article.id != article:
                continue
            for match_id, start, end in matcher(s.span.as_doc()):
                span = s.span.doc[s.span.start + start:s.span.start + end]
                if span.start_char < skips.get(i, 0) or any(overlaps(span, t) for t in taken[i]):
                    continue
                model = names[vocab.strings[match_id]]
                taken[i].append(span)
                added.append(Candidate(i, span, model.text, model.kind, model.key, model.role, model.label))
    return sorted(cands + added, key=lambda c: (c.sentence, c.span.start))


def add_surname_mentions(cands: list[Candidate], sentences: list[Sentence], skips: dict[int, int],
                         world: World) -> list[Candidate]:
    """"Sgt Oriel Thistlewood told reporters ... Thistlewood said": news names a person in
    full once, then by the surname alone, which the recognizer often misses (tagged a common
    noun). A later word spelled exactly as the surname of a full name given before it, in the
    same article, standing alone (not inside a longer name, not a modifier: "the Berg plan")
    is a mention of that person; `names.person_keys` then joins it to the full name."""
    taken: dict[int, list[Span]] = defaultdict(list)
    for c in cands:
        taken[c.sentence].append(c.span)
    added: list[Candidate] = []
    for model in [c for c in cands if c.kind == "person" and len(c.text.split()) > 1]:
        surname = surname_of(model)
        if surname is None or world.lookup(surname.text):
            continue
        article = sentences[model.sentence].article
        for index in range(model.sentence, len(sentences)):
            if sentences[index].article is not article:
                break
            for span in _surname_spans(sentences[index].span, surname.text, skips.get(index, 0), world):
                if any(overlaps(span, t) for t in taken[index]) or span.start < model.span.end \
                        and index == model.sentence:
                    continue
                taken[index].append(span)
                added.append(Candidate(index, span, span.text, "person", span.text, "ner", "PERSON"))
    return sorted(cands + added, key=lambda c: (c.sentence, c.span.start))


def surname_of(c: Candidate) -> Span | None:
    """The tokens of a full name's last word ("Kowalczyk - Nowak" is one word of three
    tokens), when it looks like a surname: capitalized, three letters or more."""
    words = c.text.split()
    last = words[-1]
    if len(last) < 3 or not last[:1].isupper() or not last.replace("-", "").isalpha():
        return None
    tokens = [t for t in c.span if t.idx >= c.span.end_char - len(last)]
    return c.span.doc[tokens[0].i:c.span.end] if tokens and c.span.text.endswith(last) else None


def _surname_spans(sent: Span, surname: str, skip_until: int, world: World) -> list[Span]:
    """Where a surname stands alone in a sentence: its exact spelling, neither joined to a
    capitalized word before or after it (a title before it is fine: "President Velasco")
    nor modifying a noun."""
    out = []
    text = sent.text
    start = text.find(surname)
    while start >= 0:
        span = sent.char_span(start, start + len(surname))
        start = text.find(surname, start + len(surname))
        if span is None or span.start_char < skip_until:
            continue
        before = sent.doc[span.start - 1] if span.start > sent.start else None
        after = sent.doc[span.end] if span.end < sent.end else None
        titled = before is not None and (before.lower_ in world.titles or before.lower_ in world.honorifics)
        joined = before is not None and before.is_title and before.pos_ == "PROPN" and not titled \
            or after is not None and after.is_title
        if not joined and span[-1].dep_ not in ("compound", "amod"):
            out.append(span)
    return out


def drop_families(cands: list[Candidate]) -> list[Candidate]:
    """"The Bidens": a surname in the plural is a family, not an actor of its own."""
    surnames = {c.text.split()[-1] for c in cands if c.kind == "person" and " " in c.text}
    return [c for c in cands if not (" " not in c.text and c.text.endswith("s") and c.text[:-1] in surnames)]


def drop_portfolios(cands: list[Candidate], world: World) -> list[Candidate]:
    """A one-word "organization" just before a title ("Trade" in "Kenyan Trade Minister
    Joseph Kamotho") is a portfolio, unless the text also names it on its own ("the
    Treasury raised the levy"). Only a portfolio word is one (`portfolio_words`,
    `generic_words`): "Zentrix spokesman Tom Hill" and "an FAA spokeswoman" name the
    employer, as AP style puts a company's name before its employee's title."""
    alone = {c.text for c in cands if not _before_title(c, world)}
    return [c for c in cands if not (c.kind == "organization" and c.role == "ner" and len(c.span) == 1
                                     and _before_title(c, world) and c.text not in alone
                                     and _is_portfolio(c.text, world))]


def _is_portfolio(word: str, world: World) -> bool:
    """A word that names a field of government, not an organization of its own."""
    return word.lower() in world.rules["portfolio_words"] or word in world.rules["generic_words"]


def split_country_from_person(cands: list[Candidate], world: World) -> list[Candidate]:
    """"U.S. Ambassador to Kenya Prudence Bushnell" tagged as one organization "Kenya
    Prudence Bushnell": a country followed by a name seen elsewhere as a person is the
    country and that person."""
    persons = {c.text for c in cands if c.kind == "person"}
    surnames = {p.split()[-1] for p in persons} | {c.text for c in cands if " " not in c.text}
    out: list[Candidate] = []
    for c in cands:
        if c.kind == "organization" and c.role == "ner" and len(c.span) > 2:
            head = world.lookup(c.span[:1].text)
            rest = c.span[1:]
            doc = c.span.doc
            after_title = c.span.start >= 2 and doc[c.span.start - 1].lower_ in {"to", "for", "in"} \
                and doc[c.span.start - 2].lower_ in world.titles  # "envoy to Ukraine Kurt Volker"
            if head and head.kind == "country" and (rest.text in persons or rest[-1].text in surnames
                                                    or after_title):
                first = c.span[:1]
                out.append(Candidate(c.sentence, first, first.text, "country", head.name, head.role))
                out.append(Candidate(c.sentence, rest, rest.text, "person", rest.text, "ner", "PERSON"))
                continue
        out.append(c)
    return out


def alias_keys(cands: list[Candidate], sentences: list[Sentence], world: World) -> None:
    """Another name given by an alias cue joins the actor it names ("declared independence
    as the Republic of Artsakh" after "the Nagorno-Karabakh enclave")."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    renamed: dict[str, Candidate] = {}
    for index, items in sorted(by_sentence.items()):
        text = sentences[index].span.text
        offset = sentences[index].span.start_char
        for cue in world.rules["alias_cues"] + world.rules["renaming_cues"]:
            at = text.find(cue)
            if at < 0:
                continue
            after = [c for c in items if c.span.start_char - offset >= at + len(cue)]
            if not after or after[0].span.start_char - offset > at + len(cue) + 5:
                continue
            alias = after[0]
            before = [c for c in items if c.span.end_char - offset <= at]
            if cue in world.rules["alias_cues"]:  # the name right before: "Myanmar, also known as"
                gap = text[before[-1].span.end_char - offset:at] if before else "?"
                subject = before[-1] if re.fullmatch(r"[\s,(]*", gap) else None
            else:
                same = [c for c in before if c.kind == alias.kind]
                subject = same[-1] if same else _last_place(by_sentence, index, sentences)
            if subject is not None and subject.key != alias.key:
                renamed[alias.key] = subject
            break
    for c in cands:
        subject = renamed.get(c.key)
        if subject is not None:
            c.key, c.kind = subject.key, subject.kind


def _last_place(by_sentence: dict[int, list[Candidate]], index: int,
                sentences: list[Sentence]) -> Candidate | None:
    """The place named last in the two sentences before, in the same article."""
    article = sentences[index].article.id
    for earlier in range(index - 1, max(index - 3, -1), -1):
        if sentences[earlier].article.id != article:
            break
        places = [c for c in by_sentence.get(earlier, []) if c.kind == "place"]
        if places:
            return places[-1]
    return None


def drop_place_qualifiers(cands: list[Candidate], world: World) -> list[Candidate]:
    """"Bethesda, Md.", "Trenton, N.J.": the abbreviation after a place and a comma names
    where that place is: the state it stands for (`place_qualifiers`), a place the
    relations pass can put the city in; an abbreviation not listed is dropped."""
    qualifiers: dict[str, str] = world.rules["place_qualifiers"]
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        doc = c.span.doc
        text = c.text.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,3}", c.text) else c.text.rstrip(".")
        after_place = prev is not None and prev.sentence == c.sentence and prev.kind == "place" \
            and prev.span.end + 1 == c.span.start and doc[prev.span.end].text == ","
        guessed = c.kind == "place" or c.kind == "organization" and c.role == "ner"
        if after_place and guessed and (text in qualifiers or re.fullmatch(r"[A-Z]{2}", text)):
            if text in qualifiers:
                c.kind, c.key = "place", qualifiers[text]
                out.append(c)
            continue
        out.append(c)
    return out


def place_keys(cands: list[Candidate], world: World) -> None:
    """A place whose name is a known country is that country ("Syria" said as a place)."""
    for c in cands:
        if c.kind == "place":
            known = world.lookup(c.text)
            if known and known.kind == "country" and known.role in {"name", "alias"}:
                c.kind, c.key, c.role = "country", known.name, known.role


def add_head_mentions(cands: list[Candidate], sentences: list[Sentence], label: str) -> list[Candidate]:
    """"The Qatari-led coalition ... the coalition said": after an organization named by its
    leader (`label` marks them), "the" and its head noun in the same article mean it."""
    by_sentence: dict[int, list[Span]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c.span)
    added: list[Candidate] = []
    for model in [c for c in cands if c.label == label]:
        head = model.span[-1].lower_
        article = sentences[model.sentence].article
        for index in range(model.sentence, len(sentences)):
            if sentences[index].article is not article:
                break
            span = sentences[index].span
            for tok in span[1:]:
                prev = span.doc[tok.i - 1]
                before_model = index == model.sentence and tok.i < model.span.end
                if tok.lower_ != head or prev.lower_ != "the" or before_model:
                    continue
                words = span.doc[tok.i - 1:tok.i + 1]
                if any(overlaps(words, t) for t in by_sentence[index]):
                    continue
                by_sentence[index].append(words)
                added.append(Candidate(index, words, model.text, model.kind, model.key, "description", label))
    return sorted(cands + added, key=lambda c: (c.sentence, c.span.start))


def cover_backed(cands: list[Candidate], world: World) -> None:
    """"Oman-backed Yazidi positions": the backer is named inside the name of what it backs,
    so the mention of the backed actor spans both and what the sentence says is said of
    it; the backer keeps its own candidate (and the relation, `offices.py`)."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    words = set(world.rules["backed_words"])
    for items in by_sentence.values():
        for backer in items:
            doc, end = backer.span.doc, backer.span.end
            if end + 2 >= len(doc) or doc[end].text != "-" or doc[end + 1].lower_ not in words:
                continue
            backed = next((c for c in items if c.span.start == end + 2), None)
            if backed is not None:
                backed.span = doc[backer.span.start:backed.span.end]
