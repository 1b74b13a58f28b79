"""Relations that titles of office, appositions and descriptions state, parsed where the
names are: "Russian President Vladimir Putin" (leader-of Russia), "Maria Zakharova,
spokesman for the Russian Ministry of Foreign Affairs" (spokesperson-of), "the Russian
Ministry of Foreign Affairs" (part-of Russia), "Angola's official newspaper ... the
Jornal de Angola" (media-of), and "the Berg administration" as a mention of the country
Berg leads.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.extraction.actors.table import ActorTable, Candidate
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
from generator.schema import Actor, Relation, SourceRef

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
    """The last title of office among `tokens` (an apposition): (relation, end index)."""
    best = None
    for i in range(len(tokens)):
        for width in (3, 2, 1):
            words = " ".join(t.lower_ for t in tokens[i:i + width])
            if i + width <= len(tokens) and words in world.titles:
                best = (world.titles[words], i + width)
                break
    return best


def title_relations(table: ActorTable, sentences: list[Sentence], world: World) -> None:
    """Relations that titles state: "Russian President Vladimir Putin" (leader-of Russia),
    "President Idriss Mahamat of Chad", "Pavel Sorokin, Russia's special envoy",
    "Maria Zakharova, spokesman for the Russian Ministry of Foreign Affairs"."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_sentence[c.sentence].append((c, actor_id))
    seen: set[tuple[str, str, str]] = set()
    bare: list[tuple[str, str, str, int]] = []  # titles naming no country: (person, type, words, sentence)
    for index, items in sorted(by_sentence.items()):
        items.sort(key=lambda x: x[0].span.start)
        sentence = sentences[index]
        for c, actor_id in items:
            if c.kind != "person":
                continue
            for rel_type, target, words in _person_titles(c, items, world):
                if not target:
                    bare.append((actor_id, rel_type, words, index))
                    continue
                rel_type = _relation_type(rel_type, words, table.actors[target], world)
                if target == actor_id or (actor_id, rel_type, target) in seen:
                    continue
                seen.add((actor_id, rel_type, target))
                holder, office = table.actors[actor_id].name, _title_phrase(rel_type)
                text = f"{holder} is {office} {named(table.actors[target])}."
                table.relations.append((actor_id, Relation(
                    type=rel_type, target=target, text=text,
                    sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))
    _bare_titles(table, sentences, world, bare, seen)


def _bare_titles(table: ActorTable, sentences: list[Sentence], world: World,
                 bare: list[tuple[str, str, str, int]], seen: set[tuple[str, str, str]]) -> None:
    """Heads of state named by title alone ("President Ivo Marek") lead the country
    the article writes from, when it is plain which one that is."""
    led = {subject for subject, t, _ in seen if t == "leader-of"}
    led_countries = {target for _, t, target in seen if t == "leader-of"}
    by_article: dict[str, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        by_article[sentences[c.sentence].article.id].append((c, actor_id))
    head_titles = set(world.rules.get("heads_of_state", []))
    for actor_id, rel_type, words, index in bare:
        sentence = sentences[index]
        if actor_id in led or words.lower() not in head_titles:
            continue
        target = _usual_country(by_article, sentence.article.id, table.actors, led_countries)
        if target is None or (actor_id, rel_type, target) in seen:
            continue
        seen.add((actor_id, rel_type, target))
        led.add(actor_id)
        text = f"{table.actors[actor_id].name} is a leader of {named(table.actors[target])}."
        table.relations.append((actor_id, Relation(
            type="leader-of", target=target, text=text,
            sources=[SourceRef(article=sentence.article.id, quote=sentence.text)])))


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


def _actor_at(items, start: int, end: int, kinds=("country", "organization", "group")) -> str | None:
    for c, actor_id in items:
        if c.span.start >= start and c.span.end <= end and c.kind in kinds:
            return actor_id
    return None


def _owner_before(items, first: int, doc) -> str | None:
    """The country or organization named right before a title: "Russian President",
    "Treasury Secretary", "Chad's president"."""
    end = first - 1 if first > 0 and doc[first - 1].text in {"'s", "’s"} else first
    best = None
    for c, actor_id in items:
        if c.kind in {"country", "organization", "group"} and c.span.end == end:
            best = actor_id
    return best


def _holds_office(items, owner: str, first: int) -> bool:
    """Is the owner before a topic title an employer ("Treasury", "Russian", "Russia's")
    rather than a subject ("a Russia adviser")?"""
    for c, actor_id in items:
        if actor_id == owner and c.span.end in {first, first - 1}:
            return c.kind != "country" or c.role == "demonym" or c.span.doc[c.span.end].text in {"'s", "’s"}
    return True


def _person_titles(c: Candidate, items, world: World) -> list[tuple[str, str, str]]:
    """(relation type, owner id, title words) for the titles a person holds in a sentence."""
    doc, span = c.span.doc, c.span
    found: list[tuple[str, str, str]] = []
    # before the name: "[Russian|Russia's] President Vladimir Putin", "Chad's president,
    # Idriss Mahamat"; honorifics the recognizer left inside the span count too
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].text == "," else span.start
    honorifics = world.honorifics
    while start > 0 and doc[start - 1].lower_ in honorifics and doc[start - 1].lower_ not in world.titles:
        start -= 1  # "Prime Minister Sheikh Mohammed": the title is before the honorific
    title = _title_before(doc, start, world)
    if title:
        rel_type, first = title
        words = doc[first:start].text
        owner = _actor_at(items, first, start) or _owner_before(items, first, doc)
        topical = words.lower().split()[-1] in world.rules["topic_titles"]
        if owner and topical and not _holds_office(items, owner, first):
            owner = None
        if owner is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            owner = _actor_at(items, span.end + 1, span.end + 6)  # "President Idriss Mahamat of Chad"
        found.append((rel_type, owner or "", words))
    # apposition after the name: ", spokesman for the Russian Ministry ...", ", Russia's envoy"
    if span.end < len(doc) and doc[span.end].text == ",":
        stop = span.end + 1
        while stop < len(doc) and stop < span.end + 14 and doc[stop].text not in {",", ";", ".", "(", "—"}:
            stop += 1
        tokens = doc[span.end + 1:stop]
        title = _title_in(tokens, world)
        if title:
            rel_type, end = title
            after = _actor_at(items, tokens.start + end, stop)
            before = _actor_at(items, tokens.start, tokens.start + end)
            owner = after if after and tokens.start + end < len(doc) and \
                doc[tokens.start + end].lower_ in {"of", "for", "at", "to", "with", "in"} else before or after
            if owner:
                found.append((rel_type, owner, tokens[:end].text))
    return found


def _relation_type(rel_type: str, words: str, target: Actor, world: World) -> str:
    """A minister or secretary of a ministry or department heads it."""
    heads = set(world.rules.get("heads_of_organizations", []))
    if rel_type == "official-of" and target.kind == "organization" and words.lower().split()[-1] in heads:
        return "leader-of"
    return rel_type


def _usual_country(items_by_article: dict[str, list[tuple[Candidate, str]]], article: str,
                   actors: dict[str, Actor], led: set[str]) -> str | None:
    """The country an article's bare titles belong to ("President Ivo Marek"): the one
    whose demonym it uses most as a modifier ("American officials"), clearly ahead of the
    next, among the countries whose leader it does not name otherwise."""
    counts = Counter(aid for c, aid in items_by_article.get(article, [])
                     if actors[aid].kind == "country" and aid not in led
                     and (c.role == "demonym" or c.span.root.dep_ in {"compound", "amod", "nmod"}))
    ranked = counts.most_common(2)
    if not ranked:
        return None
    aid, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return aid if n >= 2 and n >= 1.5 * runner_up else None


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
            if known and known.kind == "country" and len(c.span) > 1:
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
