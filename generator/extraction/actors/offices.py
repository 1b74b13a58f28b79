"""Relations that titles of office, appositions and descriptions state, parsed where the
names are: "Russian President Vladimir Putin" (leader-of Russia), "Maria Zakharova,
spokesman for the Russian Ministry of Foreign Affairs" (spokesperson-of), "the Russian
Ministry of Foreign Affairs" (part-of Russia), "Angola's official newspaper ... the
Jornal de Angola" (media-of), and "the Berg administration" as a mention of the country
Berg leads.

A title's owner stands right before it ("Kyiv Mayor", a city for `place_titles`), before
words that narrow it to a portfolio ("the EU's foreign policy chief", `portfolio_words`),
before a bracketed acronym ("the Ruritanian Party (RP) chairman"), in "the leader of
Acme, Ivo Marek", or is the one organization of the article an undefined acronym spells
("RFU spokesman"); ranks and a first name the case restorer left lowercase are skipped.
"""

from __future__ import annotations

from collections import defaultdict

from generator.datafiles import load_data
from generator.extraction.actors.table import ActorTable, Candidate
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
from generator.schema import Actor, Relation, SourceRef

OWNER_KINDS = ("country", "organization", "group")  # who can hold an office; a city too for `place_titles`
MAX_TITLE_MODIFIERS = 3  # words between an owner and its title: "the EU's foreign policy chief"
MAX_RELATION_SOURCES = 5  # sentences cited for one relation stated again and again
MEDIA_WINDOW = 5  # sentences from a media description ("X's official newspaper") to the outlet's name
# words that make a country's name take "the" in a sentence
THE_WORDS = {"United", "Republic", "Kingdom", "Union", "Islands", "Emirates", "States", "Netherlands",
             "Philippines", "Bahamas", "Gambia", "Federation", "Democratic"}


def _title_before(doc, start: int, world: World) -> tuple[str, int] | None:
    """The longest title of office ending just before token `start`: (relation, first token)."""
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - width:start])
        if words in world.titles:
            return world.titles[words], start - width
    return None


def _title_in(tokens, world: World) -> tuple[str, int] | None:
    """The last title of office among `tokens` (an apposition): (relation, end index). A
    title's own words do not start another ("press secretary" is not a "secretary")."""
    best = None
    i = 0
    while i < len(tokens):
        width = next((w for w in (3, 2, 1) if i + w <= len(tokens)
                      and " ".join(t.lower_ for t in tokens[i:i + w]) in world.titles), 0)
        if width:
            best = (world.titles[" ".join(t.lower_ for t in tokens[i:i + width])], i + width)
        i += width or 1
    return best


def title_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """Relations that titles state: "Russian President Vladimir Putin" (leader-of Russia),
    "President Idriss Mahamat of Chad", "Pavel Sorokin, Russia's special envoy",
    "Maria Zakharova, spokesman for the Russian Ministry of Foreign Affairs". A title
    that names no country ("President Ivo Marek") gives no relation: the country an
    article writes most about is not always the one its president leads."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    seen: dict[tuple[str, str, str], Relation] = {}
    named_in: dict[str, dict[str, Actor]] = defaultdict(dict)  # article -> the actors it names
    for c, actor_id in table.candidates:
        named_in[sentences[c.sentence].article.id][actor_id] = table.actors[actor_id]
    for index, items in sorted(by_sentence.items()):
        items.sort(key=lambda x: x[0].span.start)
        sentence = sentences[index]
        for c, actor_id in items:
            if c.kind != "person":
                continue
            for rel_type, target, words in _person_titles(c, items, world, named_in[sentence.article.id]):
                if not target:  # "President Ivo Marek" alone: no country is guessed (issue 9)
                    continue
                rel_type = _relation_type(rel_type, words, table.actors[target], world)
                ref = SourceRef(article=sentence.article.id, quote=sentence.text)
                if target == actor_id or cite_again(seen.get((actor_id, rel_type, target)), ref):
                    continue
                holder, office = table.actors[actor_id].name, _title_phrase(rel_type)
                text = f"{holder} is {office} {named(table.actors[target])}."
                relation = Relation(type=rel_type, target=target, text=text, sources=[ref])
                seen[(actor_id, rel_type, target)] = relation
                table.relations.append((actor_id, relation))
                home = _office_home(holder, words, table.actors[target], ref)
                if home and not cite_again(seen.get((actor_id, "resident-of", target)), ref):
                    seen[(actor_id, "resident-of", target)] = home
                    table.relations.append((actor_id, home))


def _office_home(holder: str, words: str, place: Actor, ref: SourceRef) -> Relation | None:
    """A town's mayor or a state's governor lives there ("Zenda Mayor Ivo Marek", "Texas
    Gov. Anna Berg"): the offices of `resident_offices` (data/relations_patterns.yml) are
    held by residents, as CoNLL04 annotates Live_In. A country's office says nothing of a
    home (an ambassador lives abroad)."""
    offices = load_data("relations_patterns")["resident_offices"]
    if place.kind != "place" or " ".join(words.lower().split()[-2:]) not in offices \
            and words.lower().split()[-1] not in offices:
        return None
    return Relation(type="resident-of", target=place.id, text=f"{holder} lives in {named(place)}.",
                    sources=[ref])


def cite_again(relation: Relation | None, ref: SourceRef) -> bool:
    """A relation already found is not found twice: another sentence that states it is
    one more source for it (up to MAX_RELATION_SOURCES), so every statement stays cited."""
    if relation is None:
        return False
    if ref not in relation.sources and len(relation.sources) < MAX_RELATION_SOURCES:
        relation.sources.append(ref)
    return True


def named(actor: Actor) -> str:
    """An actor's name as a sentence says it: "the United States", "the OSCE", "Russia"."""
    words = actor.name.split()
    if actor.kind == "country" and THE_WORDS & set(words):
        return f"the {actor.name}"
    if actor.kind in {"organization", "group"} and (len(words) > 1 or actor.name.isupper()) \
            and not actor.name.lower().startswith("the "):
        return f"the {actor.name}"
    return actor.name


def _title_phrase(rel_type: str) -> str:
    return {"leader-of": "a leader of", "spokesperson-of": "a spokesperson for",
            "envoy-of": "an envoy of", "official-of": "an official of"}.get(rel_type, rel_type)


def _actor_at(items, start: int, end: int, kinds=OWNER_KINDS) -> str | None:
    for c, actor_id in items:
        if c.span.start >= start and c.span.end <= end and c.kind in kinds:
            return actor_id
    return None


def _owner_before(items, first: int, doc, kinds=OWNER_KINDS) -> str | None:
    """The country or organization named before a title: "Russian President", "Treasury
    Secretary", "Chad's president", "the EU's foreign policy chief", "Polish Agriculture
    Minister" (up to MAX_TITLE_MODIFIERS words narrowing the title between); a city
    before a mayor ("Kyiv Mayor"). Only portfolio words (`portfolio_words`) come between:
    "Ruritanian opposition leader" leads no state."""
    portfolios = set(load_data("actor_rules")["portfolio_words"])
    for _ in range(MAX_TITLE_MODIFIERS + 1):
        ends = _owner_ends(doc, first)
        best = None
        for c, actor_id in items:
            if c.kind in kinds and c.span.end in ends:
                best = actor_id
        if best or first == 0 or doc[first - 1].lower_ not in portfolios:
            return best
        first -= 1
    return None


def _owner_by_initials(doc, first: int, actors: dict[str, Actor]) -> str | None:
    """"RFU spokesman Ivo Marek" in an article that names the Ruritanian Farmers Union:
    an acronym no sentence defined, right before a title, stands for the one organization
    of the article whose capitalized words it spells."""
    word = doc[first - 1] if first > 0 else None
    if word is None or not (word.is_upper and word.is_alpha and 2 <= len(word) <= 6):
        return None
    spelled = [aid for aid, a in actors.items() if a.kind in {"organization", "group"}
               and "".join(w[0] for w in a.name.split() if w[:1].isupper()) == word.text]
    return spelled[0] if len(spelled) == 1 else None


def _owner_ends(doc, first: int) -> set[int]:
    """Where the name of a title's owner may end: right before the title, before "'s"
    ("Chad's president"), or before a bracketed acronym ("the Ruritanian Party (RP) chairman")."""
    if first > 0 and doc[first - 1].text in {"'s", "’s"}:
        return {first - 1}
    if first > 0 and doc[first - 1].text == ")":
        opening = next((i for i in range(first - 2, max(first - 6, -1), -1) if doc[i].text == "("), None)
        return {first - 1} | ({opening} if opening is not None else set())
    return {first}


def _title_of_before(items, doc, start: int, world: World) -> tuple[str, int, int] | None:
    """"The leader of Acme, Ivo Marek", "former commander of the Ruritanian Navy Ivo
    Marek": a title, "of" and its owner, then a comma or nothing, right before the name;
    (relation, first token of the title, the token "of")."""
    if start == 0:
        return None
    comma = start if doc[start].text == "," else start - 1 if doc[start - 1].text == "," else start
    owner = next((c for c, _ in items if c.span.end == comma and c.kind in OWNER_KINDS), None)
    if owner is None or owner.span.start < 2 or doc[owner.span.start - 1].lower_ != "of" \
            and not (doc[owner.span.start - 1].lower_ == "the" and doc[owner.span.start - 2].lower_ == "of"):
        return None
    of = owner.span.start - 1 if doc[owner.span.start - 1].lower_ == "of" else owner.span.start - 2
    title = _title_before(doc, of, world)
    return (*title, of) if title else None


def _skip_name_prefixes(doc, start: int, world: World) -> int:
    """Where the words before a name that are not its title begin: honorifics ("Prime
    Minister Sheikh Mohammed", "spokesman Col. Ivo Marek", the abbreviation split from its
    full stop), and a first name the case restorer left lowercase ("MINISTER ANNA KOVAC")."""
    honorifics, titles = world.honorifics, world.titles
    while start > 0:
        word = doc[start - 1]
        if word.lower_ in honorifics and word.lower_ not in titles:
            start -= 1
        elif word.text == "." and start > 1 and f"{doc[start - 2].lower_}." in honorifics:
            start -= 2
        elif word.pos_ == "PROPN" and word.is_lower and word.dep_ == "compound" and word.head.i >= start:
            start -= 1
        else:
            break
    return start


def _holds_office(items, owner: str, first: int) -> bool:
    """Is the owner before a topic title an employer ("Treasury", "Russian", "Russia's")
    rather than a subject ("a Russia adviser")?"""
    for c, actor_id in items:
        if actor_id == owner and c.span.end in {first, first - 1}:
            return c.kind != "country" or c.role == "demonym" or c.span.doc[c.span.end].text in {"'s", "’s"}
    return True


def _person_titles(c: Candidate, items, world: World,
                   actors: dict[str, Actor] | None = None) -> list[tuple[str, str, str]]:
    """(relation type, owner id, title words) for the titles a person holds in a sentence."""
    doc, span = c.span.doc, c.span
    found: list[tuple[str, str, str]] = []
    # before the name: "[Russian|Russia's] President Vladimir Putin", "Chad's president,
    # Idriss Mahamat"; honorifics the recognizer left inside the span count too
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].text == "," else span.start
    start = _skip_name_prefixes(doc, start, world)
    title = _title_before(doc, start, world) or _title_of_before(items, doc, start, world)
    if title:
        rel_type, first = title[:2]
        words = doc[first:title[2] if len(title) > 2 else start].text
        kinds = OWNER_KINDS + (("place",) if words.lower() in world.rules["place_titles"] else ())
        owner = _actor_at(items, first, start, kinds) or _owner_before(items, first, doc, kinds)
        topical = words.lower().split()[-1] in world.rules["topic_titles"]
        if owner and topical and not _holds_office(items, owner, first):
            owner = None
        if owner is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            owner = _actor_at(items, span.end + 1, span.end + 6, kinds)  # "President Idriss Mahamat of Chad"
        if owner is None and actors:
            owner = _owner_by_initials(doc, first, actors) or _owner_by_noun(doc, first - 1, actors,
                                                                             "place" in kinds)
        found.append((rel_type, owner or "", words))
    # apposition after the name: ", spokesman for the Russian Ministry ...", ", Russia's envoy"
    comma = _apposition_comma(doc, span.end, world)
    if comma is not None:
        stop = comma + 1
        while stop < len(doc) and stop < comma + 14 and doc[stop].text not in {",", ";", ".", "(", "—"}:
            stop += 1
        tokens = doc[comma + 1:stop]
        title = _title_in(tokens, world)
        if title:
            rel_type, end = title
            before, after = _actor_at(items, tokens.start, tokens.start + end), tokens.start + end
            if _prepositional(doc, after):
                owner = _owner_after(items, doc, after, stop) or before
            else:
                owner = before or _actor_at(items, after, stop)
            if owner is None and actors:  # "Anna Berg, the agency's press secretary"
                marks = [i for i in range(tokens.start, tokens.start + end) if doc[i].text in {"'s", "’s"}]
                if _prepositional(doc, after) and after + 3 == stop:  # "a spokeswoman for the agency"
                    marks.append(stop)
                towns = any(tokens[k:end].text.lower() in world.rules["place_titles"] for k in range(end))
                owner = next((o for i in marks for o in [_owner_by_noun(doc, i, actors, towns)] if o), None)
            if owner:
                found.append((rel_type, owner, tokens[:end].text))
    return found


def _apposition_comma(doc, end: int, world: World) -> int | None:
    """The comma that opens the apposition holding a person's title, past an age or a
    party tag set between commas first ("Ivo Marek, 47, director of Acme"; AP style's
    "Sen. Ivo Marek, R-Ohio, chairman of the Acme Committee", `party_tags`)."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    tags = set(world.rules["party_tags"])
    nxt = end + 1
    while nxt < len(doc) and doc[nxt].text not in {",", ";", ".", "(", "—"} and nxt < end + 6:
        nxt += 1
    inner = doc[end + 1:nxt]
    aged = len(inner) == 1 and inner[0].like_num
    tagged = len(inner) >= 3 and inner[0].text in tags and inner[1].text == "-"
    return nxt if (aged or tagged) and nxt < len(doc) and doc[nxt].text == "," else end


def _prepositional(doc, end: int) -> bool:
    """Does a preposition follow the title ("spokesman for", "director of")?"""
    return end < len(doc) and doc[end].lower_ in {"of", "for", "at", "to", "with", "in"}


def _owner_after(items, doc, end: int, stop: int) -> str | None:
    """The owner a title's preposition names ("director of the Acme Foundation", "vice
    president of daytime programs for Acme"): the first name after it, when that names an
    organization or a country; a person's name first ("director of the Anna Berg camp at
    Zenda") makes the place after it where the camp is, not the title's owner."""
    after = [(c.span.start, c.kind, aid) for c, aid in items if end < c.span.start and c.span.end <= stop]
    first = min(after, default=None)
    return first[2] if first and first[1] in OWNER_KINDS else None


def _owner_by_noun(doc, possessive: int, actors: dict[str, Actor], towns: bool = False) -> str | None:
    """"The agency's press secretary" (or "a spokeswoman for the agency", the noun ending
    the apposition) in an article that names the Ruritanian Space Agency: "the" and a
    noun before "'s" (or the apposition's end) stand for the one organization of the article
    whose name has that word; "the city's mayor" (`towns`, a title of `place_titles`) for
    the one town the article names (`town_nouns`)."""
    if possessive < 2 or doc[possessive - 2].lower_ != "the" or not doc[possessive - 1].is_lower:
        return None
    word = doc[possessive - 1].lemma_.lower()
    if towns and word in load_data("actor_rules")["town_nouns"]:
        having = [aid for aid, a in actors.items() if a.kind == "place" and _is_town(a)]
    else:
        having = [aid for aid, a in actors.items() if a.kind in {"organization", "group"}
                  and word in {w.lower() for w in a.name.split()}]
    return having[0] if len(having) == 1 else None


def _is_town(actor: Actor) -> bool:
    """A place the gazetteer knows as a city, or does not know at all (a small town)."""
    known = load_gazetteer().place(actor.name)
    return known is None or known.kind == "city"


def _relation_type(rel_type: str, words: str, target: Actor, world: World) -> str:
    """A minister or secretary of a ministry or department heads it."""
    heads = set(world.rules.get("heads_of_organizations", []))
    if rel_type == "official-of" and target.kind == "organization" and words.lower().split()[-1] in heads:
        return "leader-of"
    return rel_type


def organization_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """An organization named with its country ("the Russian Ministry of Foreign Affairs")
    is part of that country's state; "the Minsk group of the OSCE" is part of the OSCE."""
    seen: set[tuple[str, str]] = set()
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    for index, items in by_sentence.items():
        sentence = sentences[index]
        for c, actor_id in items:
            if c.kind not in {"organization", "group"}:
                continue
            target = None
            first = c.span.doc[c.span.start]
            known = world.lookup(first.text)
            if known and known.kind == "country" and len(c.span) > 1 and not _led_by(c.span, world):
                target = next((aid for aid, a in table.actors.items() if a.name == known.name), None)
            end = c.span.end
            doc = c.span.doc
            if target is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                target = _actor_at(items, end + 1, end + 12, kinds=("organization", "group"))
            if target and target != actor_id and (actor_id, target) not in seen:
                seen.add((actor_id, target))
                text = f"{named(table.actors[actor_id])} is part of {named(table.actors[target])}."
                text = text[0].upper() + text[1:]
                table.relations.append((actor_id, Relation(
                    type="part-of", target=target, text=text,
                    sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))


def _led_by(span, world: World) -> bool:
    """"The Qatari-led coalition", "a Ruritania-backed militia": the country leads or backs
    the organization (`modifier_relations`), which is no part of its state."""
    words = {*world.rules["led_words"], *world.rules["backed_words"]}
    return len(span) > 2 and span[1].text == "-" and span[2].lower_ in words


def _media_owner(sentence: Sentence, items, world: World) -> tuple[str, int, int] | None:
    """(country id, first and after-last token of the description) for "<Country>'s
    [official] newspaper" in a sentence."""
    doc = sentence.span.doc
    nouns = {n.lower() for n in world.rules["media_nouns"]}
    for c, actor_id in items:
        if c.kind != "country" or c.span.end >= len(doc) or doc[c.span.end].text not in {"'s", "’s"}:
            continue
        for i in range(c.span.end + 1, min(c.span.end + 5, sentence.span.end)):
            two = doc[i:i + 2].text.lower()
            if doc[i].lower_ in nouns or two in nouns:
                return actor_id, c.span.end + 1, i + (2 if two in nouns else 1)
            if not (doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "PUNCT", "VERB"} or doc[i].is_title):
                break
    return None


def media_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """"Angola's official newspaper criticized ... the Jornal de Angola said": the outlet
    named right after the description, or first in the next few sentences, is media-of."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    for index in sorted(by_sentence):
        found = _media_owner(sentences[index], by_sentence[index], world)
        if found is None:
            continue
        country, first, after = found
        outlet = None
        for later in range(index, min(index + MEDIA_WINDOW, len(sentences))):
            if sentences[later].article is not sentences[index].article:
                break
            items = sorted(by_sentence.get(later, []), key=lambda x: x[0].span.start)
            outlet = next((aid for c, aid in items
                           if c.kind == "organization" and (later > index or c.span.start >= after)), None)
            if outlet:
                break
        if outlet is None or any(r.target == country and s == outlet for s, r in table.relations):
            continue
        if later > index:
            _add_media_mentions(table, sentences, index, (first, after), outlet, world)
        source = sentences[index]
        name = named(table.actors[outlet])
        text = f"{name[0].upper()}{name[1:]} is a media outlet of {named(table.actors[country])}."
        ref = SourceRef(article=source.article.id, quote=source.text)
        table.relations.append((outlet, Relation(type="media-of", target=country, text=text, sources=[ref])))


def _add_media_mentions(table: ActorTable, sentences: list[Sentence], index: int,
                        described: tuple[int, int], outlet: str, world: World) -> None:
    """The description ("Angola's official newspaper") and later "the paper" in the
    same article are mentions of the outlet named after them."""
    nouns = {n.lower() for n in world.rules["media_nouns"] if " " not in n}
    doc = sentences[index].span.doc
    name = table.actors[outlet].name
    table.candidates.append((Candidate(index, doc[described[0]:described[1]], name, "organization", name,
                                       "description"), outlet))
    taken = {(c.sentence, c.span.start) for c, _ in table.candidates}
    for later in range(index + 1, len(sentences)):
        if sentences[later].article is not sentences[index].article:
            break
        span = sentences[later].span
        for tok in span[:-1]:
            nxt = span.doc[tok.i + 1]
            if tok.lower_ == "the" and nxt.lower_ in nouns and (later, nxt.i) not in taken:
                words = span.doc[tok.i:tok.i + 2]
                phrase = Candidate(later, words, name, "organization", name, "description")
                table.candidates.append((phrase, outlet))


def leaders_governments(table: ActorTable, world: World) -> None:
    """"The Berg administration" is a mention of the country Berg leads as well as of him:
    "Berg administration officials said" speaks for that country."""
    leads = {s: r.target for s, r in table.relations if r.type == "leader-of"
             and table.actors[r.target].kind == "country"}
    words = set(world.rules["government_words"])
    for c, actor_id in list(table.candidates):
        doc = c.span.doc
        if actor_id in leads and c.span.end < len(doc) and doc[c.span.end].lower_ in words:
            span = doc[c.span.start:c.span.end + 1]
            country = table.actors[leads[actor_id]]
            government = Candidate(c.sentence, span, span.text, "country", country.name, "metonym")
            table.candidates.append((government, country.id))


def modifier_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """Hyphenated modifiers state relations: "the Qatari-led coalition" (Qatar is a
    member of the coalition and leads it), "Oman-backed Yazidi positions" (Oman supports
    the Yazidis, and is no party to what is done to them)."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    seen = {(s, r.type, r.target) for s, r in table.relations}
    rules = world.rules
    for index, items in sorted(by_sentence.items()):
        for c, actor_id in items:
            doc, end = c.span.doc, c.span.end
            if c.kind not in {"country", "organization", "group"} or end + 2 >= len(doc) \
                    or doc[end].text != "-":
                continue
            word = doc[end + 1].lower_
            rel_type = "supports" if word in rules["backed_words"] else \
                "member-of" if word in rules["led_words"] else None
            target = next((aid for o, aid in items
                           if aid != actor_id and o.span.start <= end + 2 < o.span.end), None)
            if rel_type is None or target is None or (actor_id, rel_type, target) in seen:
                continue
            seen.add((actor_id, rel_type, target))
            verb = "supports" if rel_type == "supports" else "leads"
            text = f"{named(table.actors[actor_id])} {verb} {named(table.actors[target])}."
            sentence = sentences[index]
            table.relations.append((actor_id, Relation(
                type=rel_type, target=target, text=text[0].upper() + text[1:],
                sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))
