"""Extraction: articles in, fact sheets (schema models) out.

The runner of the stage: it imports every pass, and no pass imports it. It runs the
spaCy pipeline once over every paragraph of every article (`nlp.pipe`, in batches: a
paragraph is a Doc, so a sentence never crosses paragraphs), finds the actors and their
mentions, then hands the sentences, with mentions resolved to actor ids and time
expressions resolved to EDTF, to the event, claim and relation extractors, and attaches
what they return to the sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language

from generator.dates import find_times, last_date
from generator.extraction.actors import ActorTable, find_actors
from generator.extraction.actors.offices import cite_again
from generator.extraction.actors.speakers import SPEAKER_ROLE
from generator.extraction.background import build_briefing
from generator.extraction.claims import extract_claims
from generator.extraction.events import extract_events
from generator.extraction.relations import extract_relations
from generator.extraction.sentence import Mention, Sentence, anchor_date
from generator.extraction.summaries import summarize_actors, unresolved_lines
from generator.extraction.truecase import truecaser_for
from generator.extraction.world import add_world_ruler
from generator.reading import Article
from generator.schema import Actor, Briefing, Claim, Event, Relation

BATCH_SIZE = 32


@dataclass
class Extraction:
    briefing: Briefing
    actors: dict[str, Actor]
    events: dict[str, Event]
    unresolved: list[str] = field(default_factory=list)  # for the quality report
    apart: list[tuple[str, str, str]] = field(default_factory=list)  # actors kept apart: (id, other id, why)


def parse_sentences(articles: list[Article], nlp: Language) -> list[Sentence]:
    """Run the pipeline once over every paragraph of every article; one Sentence per
    non-empty sentence, its text a verbatim span of its paragraph.

    The pipeline reads a case-restored copy of each paragraph (`truecase`: text in
    capitals as if in mixed case), of the same length, so the spans' offsets hold in the
    original, whose slices the sentences keep. Relative dates resolve against the
    paragraph's own date where it has one (a live blog's block); "the next day" refers to
    the last date met earlier in the same article (`last_date`)."""
    add_world_ruler(nlp)
    where = [(a, i) for a in articles for i in range(len(a.paragraphs))]
    casers = {id(a): truecaser_for(a.paragraphs, nlp) for a in articles}
    texts = (casers[id(a)](a.paragraphs[i]) for a, i in where)
    sentences: list[Sentence] = []
    previous: dict[int, str | None] = {}  # per article: the last date met
    for (article, index), doc in zip(where, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        anchor = anchor_date(article, index)
        original = article.paragraphs[index]
        for span in doc.sents:
            if not span.text.strip():
                continue
            text = original[span.start_char:span.end_char]
            found = find_times(span.text, anchor, previous.get(id(article)))
            previous[id(article)] = last_date(found, previous.get(id(article)))
            times = [replace(t, text=text[t.start:t.end]) for t in found]
            sentences.append(Sentence(article, index, text, span, times=times))
    return sentences


def attach_mentions(sentences: list[Sentence], table: ActorTable) -> None:
    """Each sentence gets the mentions of the actors found in it, in text order."""
    for cand, actor_id in table.candidates:
        s = sentences[cand.sentence]
        start = cand.span.start_char - s.span.start_char
        end = cand.span.end_char - s.span.start_char
        s.mentions.append(Mention(start, end, actor_id, s.text[start:end]))
    for s in sentences:
        s.mentions.sort(key=lambda m: (m.start, m.end))


def extract(articles: list[Article], nlp: Language) -> Extraction:
    """Articles in, a briefing with its actor and event sheets out."""
    sentences = parse_sentences(articles, nlp)
    table = find_actors(sentences)
    attach_mentions(sentences, table)
    actors = table.actors
    speakers = speaker_ids(table)
    # unnamed speakers are there for their claims: what they report is not their deed
    named = {aid: actor for aid, actor in actors.items() if aid not in speakers}
    event_list = extract_events(sentences, named)
    events = {e.id: e for e in event_list}
    relations = table.relations + extract_relations(sentences, named)
    claims = extract_claims(sentences, actors, event_list)
    dropped = attach_facts(actors, events, relations, claims)
    drop_silent_speakers(actors, events, speakers)
    summarize_actors(actors, events, sentences)
    briefing = build_briefing(articles, sentences)
    unresolved = unresolved_lines(articles, events, sentences) + dropped
    apart = [(a, b, why) for a, b, why in table.apart if a in actors and b in actors]
    return Extraction(briefing=briefing, actors=actors, events=events, unresolved=unresolved, apart=apart)


def speaker_ids(table: ActorTable) -> set[str]:
    """The group actors made only for unnamed speakers ("Analysts said", see speakers.py)."""
    roles: dict[str, set[str]] = {}
    for cand, actor_id in table.candidates:
        roles.setdefault(actor_id, set()).add(cand.role)
    return {aid for aid, found in roles.items() if found == {SPEAKER_ROLE}}


def drop_silent_speakers(actors: dict[str, Actor], events: dict[str, Event], speakers: set[str]) -> None:
    """A group made for an unnamed speaker is there to hold its claims: when the claims
    pass gave it none (the verb reported no clause), it goes, with every reference to it."""
    silent = {aid for aid in speakers if aid in actors and not actors[aid].claims}
    if not silent:
        return
    for aid in silent:
        del actors[aid]
    for event in events.values():
        event.participants = [p for p in event.participants if p.actor not in silent]
    for actor in actors.values():
        actor.relations = [r for r in actor.relations if r.target not in silent]
        for claim in actor.claims:
            claim.by = [b for b in claim.by if b not in silent] or [actor.id]
            claim.about = [a for a in claim.about if a not in silent]


def attach_facts(actors: dict[str, Actor], events: dict[str, Event], relations: list[tuple[str, Relation]],
                 claims: list[tuple[str, Claim]]) -> list[str]:
    """Relations and claims go onto their subject's or owner's sheet, once each; returns
    what could not be attached (a reference to no sheet), for the quality report."""
    dropped: list[str] = []
    for subject, relation in relations:
        actor = actors.get(subject)
        if actor is None or relation.target not in actors:
            dropped.append(f"relation {relation.type} from '{subject}' to '{relation.target}': no such actor")
            continue
        if relation.target == subject:
            continue
        same = next((r for r in actor.relations if r.type == relation.type and r.target == relation.target),
                    None)
        if same is None:
            actor.relations.append(relation)
        for ref in relation.sources if same is not None else []:
            cite_again(same, ref)  # stated again by another pass: one relation citing each sentence
    for owner, claim in claims:
        actor = actors.get(owner)
        if actor is None:
            dropped.append(f"claim '{claim.text[:60]}' by '{owner}': no such actor")
            continue
        claim.by = [b for b in claim.by if b in actors] or [owner]
        claim.about = [a for a in claim.about if a in actors or a in events]
        if any(c.text == claim.text for c in actor.claims):
            continue
        actor.claims.append(claim)
    return dropped
