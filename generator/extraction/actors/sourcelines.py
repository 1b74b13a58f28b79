"""Source lines of monitored-media reports: the outlet a report comes from, based in the
city the line names before it.

A report translated by a monitoring service (FBIS, BBC Monitoring, the Open Source
Center) carries a source line, "id City OUTLET in Language [hhmm GMT] day Mon yy"
("KV0203060094 Vienna OSTERLICHER KURIER in German 0600 GMT 2 Mar 94"): the city is
where the outlet publishes or broadcasts, so the line states that the outlet is based
in it. The line is matched by `reading.furniture.source_line` (`data/reading_furniture.yml`).
The recognizer reads such a line badly (city and outlet as one name, the language as a
country), so the line's names are set here: the city is the longest run of its first
words that the gazetteer or the world data knows as a place, the outlet the words after
it, and the language names nobody.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span

from generator.extraction.actors.offices import named
from generator.extraction.actors.table import ActorTable, Candidate, overlaps
from generator.extraction.gazetteer import load_gazetteer
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
from generator.reading.furniture import source_line
from generator.schema import Relation, SourceRef

MAX_CITY_WORDS = 3
LABEL = "SOURCE_LINE"  # the candidates' label: names read off a source line


def source_line_candidates(cands: list[Candidate], sentences: list[Sentence],
                           world: World) -> list[Candidate]:
    """The city and the outlet of each source line as candidates, in place of what the
    recognizer found over the line's names and its language. The city is the place
    itself, never the government the world data lets a capital stand for ("Paris said")."""
    added: list[Candidate] = []
    dropped: list[tuple[int, Span]] = []
    for index, sentence in enumerate(sentences):
        found = _line_names(sentence, world)
        if found is None:
            continue
        city, outlet, language = found
        dropped += [(index, city), (index, outlet), (index, language)]
        known = world.lookup(city.text)
        kind, key, role = (known.kind, known.name, known.role) \
            if known and known.kind == "country" and known.role in ("name", "alias") \
            else ("place", city.text, "place")
        added.append(Candidate(index, city, city.text, kind, key, role, LABEL))
        org = world.lookup(outlet.text)
        key, role = (org.name, org.role) if org and org.kind == "organization" else (outlet.text, "ner")
        added.append(Candidate(index, outlet, outlet.text, "organization", key, role, LABEL))
    kept = [c for c in cands if not any(i == c.sentence and overlaps(c.span, s) for i, s in dropped)]
    return sorted(kept + added, key=lambda c: (c.sentence, c.span.start))


def _line_names(sentence: Sentence, world: World) -> tuple[Span, Span, Span] | None:
    """(city, outlet, language) of the source line that ends the sentence's paragraph,
    when they lie in this sentence (the parser may cut the line's date off)."""
    paragraph = sentence.article.paragraphs[sentence.paragraph]
    m = source_line(paragraph)
    doc = sentence.span.doc
    if m is None or not sentence.span.start_char <= m.start("named") < sentence.span.end_char:
        return None
    words = doc.char_span(m.start("named"), m.end("named"), alignment_mode="expand")
    language = doc.char_span(m.start("language"), m.end("language"), alignment_mode="expand")
    if words is None or language is None or words.end > sentence.span.end:
        return None
    for size in range(min(MAX_CITY_WORDS, len(words) - 1), 0, -1):
        city = words[:size]
        if _is_place(city.text, world):
            return city, words[size:], language
    return None


def _is_place(text: str, world: World) -> bool:
    known = world.lookup(text)
    return known is not None and known.kind == "country" or load_gazetteer().place(text) is not None


def source_line_relations(table: ActorTable, sentences: list[Sentence]) -> None:
    """Add "OUTLET based-in City" for each source line read by `source_line_candidates`."""
    by_sentence: dict[int, list[tuple[Candidate, str]]] = defaultdict(list)
    for c, actor_id in table.candidates:
        if c.label == LABEL:
            by_sentence[c.sentence].append((c, actor_id))
    seen = {(subject, r.type, r.target) for subject, r in table.relations}
    for index, items in sorted(by_sentence.items()):
        city = next((aid for c, aid in items if c.kind in ("place", "country")), None)
        outlet = next((aid for c, aid in items if c.kind == "organization"), None)
        if city is None or outlet is None or city == outlet or (outlet, "based-in", city) in seen:
            continue
        seen.add((outlet, "based-in", city))
        sentence = sentences[index]
        text = f"{_capitalized(named(table.actors[outlet]))} is based in {named(table.actors[city])}."
        ref = SourceRef(article=sentence.article.id, quote=sentence.text)
        table.relations.append((outlet, Relation(type="based-in", target=city, text=text, sources=[ref])))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
