"""Background and the briefing sheet: the article's context sentences and its lead.

An analyst reads the news against its context: history, geography, earlier wars,
long-running disputes. Articles state that context in sentences of their own, marked by
cues (old dates, "since then", "for years", present perfect states, borders and
population) and free of the day's news (a weekday, "today"). Those sentences go to
`briefing.background`, verbatim, each with its source.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.datafiles import load_data
from generator.dates import edtf_bounds
from generator.extraction.actors import is_furniture
from generator.extraction.sentence import Sentence, anchor_date
from generator.extraction.world import load_world
from generator.reading import Article
from generator.schema import BackgroundItem, Briefing, Source, SourceRef
from generator.text import dateline_end


def load_cues() -> dict:
    """The background cue words and weights (`data/background.yml`, read once by load_data)."""
    return load_data("background")


def _edtf_days(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a time expression names; an open end takes the known end's
    days ("before 8 October" names 8 October), so an open interval is near its known end."""
    start, _, end = value.partition("/")
    end = end or start
    lo = edtf_bounds(start) if start not in ("", "..") else None
    hi = edtf_bounds(end) if end not in ("", "..") else None
    if lo is None and hi is None:
        return None
    return (lo or hi)[0], (hi or lo)[1]  # type: ignore[index]


def _recent_day(sentence: Sentence, published: dt.date | None, cues: dict) -> bool:
    """Does the sentence name a single day close to publication (the day's news)?"""
    for t in sentence.times:
        span = _edtf_days(t.value) if t.value else None
        if span and published and span[0] == span[1] \
                and abs((published - span[0]).days) <= cues["recent_days"]:
            return True
    return False


def _time_weight(sentence: Sentence, published: dt.date | None, cues: dict) -> int:
    if _recent_day(sentence, published, cues):
        return cues["recent_weight"]
    weight = 0
    for t in sentence.times:
        span = _edtf_days(t.value) if t.value else None
        if span is None or published is None:
            continue
        if (published - span[0]).days >= cues["old_days"]:
            weight = max(weight, cues["old_weight"])
    if published and not sentence.times:
        years = [int(y) for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", sentence.text)]
        if any(y <= published.year - 1 for y in years):
            weight = cues["old_weight"]
    return weight


def _present_perfect(sentence: Sentence) -> bool:
    return any(t.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in t.children)
               for t in sentence.span)


def _reported(sentence: Sentence, verbs: list[str]) -> bool:
    return any(t.lemma_ in verbs and t.tag_ in {"VBD", "VBZ", "VBP"} and t.dep_ in {"ROOT", "parataxis"}
               for t in sentence.span)


def background_score(sentence: Sentence, published: dt.date | None) -> int:
    """How strongly a sentence reads as context rather than the day's news."""
    cues = load_cues()
    text = sentence.text
    hits = [c for c in cues["cues"] if re.search(c["pattern"], text, re.IGNORECASE)]
    score = sum(c["weight"] for c in hits if not c.get("weak"))
    score += min(sum(c["weight"] for c in hits if c.get("weak")), cues["weak_cap"])
    score += _time_weight(sentence, published, cues)
    if _present_perfect(sentence) and not _recent_day(sentence, published, cues):
        score += cues["present_perfect_weight"]
    if re.search(r"[“”\"]", text):
        score += cues["quote_weight"]
    if _reported(sentence, cues["reporting_verbs"]):
        score += cues["said_weight"]
    return score


def find_background(sentences: list[Sentence]) -> list[BackgroundItem]:
    """The context sentences of every article, in text order, each once."""
    cues, world = load_cues(), load_world()
    kept = [s for s in sentences if not is_furniture(s.text, world) and len(s.text.split()) >= 4]
    scores = [background_score(s, anchor_date(s.article)) for s in kept]
    chosen = [score >= cues["threshold"] for score in scores]

    def beside(i: int, j: int) -> bool:
        return 0 <= j < len(kept) and chosen[j] and scores[j] >= cues["threshold"] \
            and (kept[j].article.id, kept[j].paragraph) == (kept[i].article.id, kept[i].paragraph)

    for i, score in enumerate(scores):
        if not chosen[i] and score >= cues["follow_threshold"] and (beside(i, i - 1) or beside(i, i + 1)):
            chosen[i] = True
    items: list[BackgroundItem] = []
    seen: set[str] = set()
    for s, keep in zip(kept, chosen, strict=True):
        if keep and s.text not in seen:
            seen.add(s.text)
            items.append(BackgroundItem(text=s.text, sources=[SourceRef(article=s.article.id, quote=s.text)]))
    return items


# --- the briefing sheet --------------------------------------------------------------


def strip_dateline(text: str) -> str:
    return text[dateline_end(text):].strip()


def lead_summary(article: Article, sentences: list[Sentence], words: int = 45) -> str | None:
    """The article's lead: its first sentences (dateline removed) up to about `words`."""
    world = load_world()
    parts: list[str] = []
    for s in sentences:
        if s.article is not article or is_furniture(s.text, world):
            continue
        text = strip_dateline(s.text) if not parts else s.text
        if len(text.split()) < 5 and not parts:
            continue
        parts.append(text)
        if sum(len(p.split()) for p in parts) >= words or len(parts) >= 2:
            break
    return " ".join(parts) or None


def source_of(article: Article) -> Source:
    return Source(id=article.id, title=article.title, title_from=article.title_from,
                  path=shown_path(article.path), url=article.url, published=article.published,
                  published_from=article.published_from)


def shown_path(path: Path) -> str:
    """The article's path relative to the working folder when it lies inside it, so a
    briefing made in a project does not carry one machine's absolute paths."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def build_briefing(articles: list[Article], sentences: list[Sentence]) -> Briefing:
    """The briefing sheet: title, date and lead of the first article, the background of
    all of them, and every article as a source."""
    first = articles[0] if articles else None
    return Briefing(
        title=first.title if first else "Briefing",
        published=first.published if first else None,
        summary=lead_summary(first, sentences) if first else None,
        background=find_background(sentences),
        sources=[source_of(a) for a in articles],
    )
