"""Case restoration: text in capitals read as if it were written in mixed case.

A wire headline or lead in capitals ("ARMENIAN FLOODS CUT TWO ROADS, TRANSPORT MINISTER
ZOLTAN VARGA SAID ON MONDAY") hides every cue the recognizer and the date rules use: a
name is no longer a capitalized word. The pipeline parses a case-restored copy of
each paragraph instead, of the same length, so every offset holds and the quotes taken
from the original stay verbatim (`pipeline.parse_sentences`).

A component in spaCy's manner: `match` finds the runs of shouted words, `restore` writes
each word's case. The word's case comes, in this order, from the article's own mixed-case
text, the world data (countries, demonyms, capitals, organizations, acronyms), the rules
in `data/truecase.yml` (function words, weekdays and months, acronyms in brackets, titles
before a name), and the pipeline's lexicon: a word it does not know is a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language

from generator.datafiles import load_data
from generator.extraction.world import load_world
from generator.reading.headline import bare_dateline

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What may stand before a sentence's first word: a full stop, a colon, an opening quote or
# bracket, a dash (a dateline's "RIVERTON (AP) —").
SENTENCE_OPENER = re.compile(r"(?:[.!?:]['\"”’)]*|[\"“‘(—–_-])\s*\Z")
POSSESSIVE = re.compile(r"['’]s\Z", re.IGNORECASE)
DAY_NUMBER = re.compile(r"\A\s*\d{1,2}\b|\b\d{1,2}\s*\Z")
MAX_NAME_WORDS = 6
MAX_DATELINE = 60  # characters: a line this short may be a dateline standing alone


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


def rules() -> dict:
    """The case-restoration word rules (`data/truecase.yml`, read once by load_data)."""
    return load_data("truecase")


@cache
def world_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Names of the world data that carry capitals, by their lowercase words."""
    return {tuple(s.lower().split()): tuple(s.split()) for s in load_world().names if s != s.lower()}


@cache
def title_words() -> frozenset[str]:
    """Single-word titles of office ("minister", "president")."""
    return frozenset(t for t in load_world().titles if " " not in t)


class Lexicon:
    """Common English words, from the pipeline's lemmatizer tables (WordNet's index with
    spaCy's suffix rules and exceptions); `known` is False when the pipeline has none, and
    then no word is taken for a name for want of being in it."""

    def __init__(self, index: set[str], rules_: dict[str, list], exceptions: set[str]) -> None:
        self.index, self.rules, self.exceptions = index, rules_, exceptions
        self.known = bool(index)

    def __contains__(self, word: str) -> bool:
        if word in self.index or word in self.exceptions:
            return True
        return any(word.endswith(old) and word[:len(word) - len(old)] + new in self.index
                   for pairs in self.rules.values() for old, new in pairs if old)


def lexicon_of(nlp: Language) -> Lexicon:
    """The pipeline's lexicon (empty for a pipeline without a rule lemmatizer)."""
    if "lemmatizer" not in nlp.pipe_names:
        return Lexicon(set(), {}, set())
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not lookups.has_table("lemma_index"):
        return Lexicon(set(), {}, set())
    pos = ("noun", "verb", "adj", "adv")
    index = {w for p in pos for w in lookups.get_table("lemma_index").get(p, [])}
    rules_ = {p: lookups.get_table("lemma_rules").get(p, []) for p in pos}
    exceptions = {w for p in pos for w in lookups.get_table("lemma_exc").get(p, {})}
    return Lexicon(index, rules_, exceptions)


def _is_shouted(word: str) -> bool:
    return word.isupper()


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence (or a bracket, a quote, a dateline's
    story)."""
    return not text[:start].strip() or bool(SENTENCE_OPENER.search(text[max(0, start - 8):start]))


def match(text: str) -> list[list[Word]]:
    """Runs of consecutive words in capitals with enough words to be shouted text."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for m in WORD.finditer(text):
        word = Word(m.start(), m.end(), m.group())
        if _is_shouted(word.text):
            current.append(word)
            continue
        runs.append(current)
        current = []
    runs.append(current)
    least = rules()["min_shouted_words"]
    return [r for r in runs if sum(len(w.text) >= 2 for w in r) >= least]


def dateline_place(text: str) -> list[Word]:
    """The words in capitals of the place of a dateline that stands alone as a paragraph,
    its dash left off, up to its comma ("GRAND RAPIDS" in "GRAND RAPIDS, Mich. (AP)",
    `reading.headline.bare_dateline`): too short a run to be shouted text, but a name,
    the place the next story is told from (AP Stylebook, "datelines": the city in
    capitals, its state or country after it). A dateline that opens a story with its dash
    ("NAIROBI, Kenya (AP) --") stays as it stands: the passes that read it as the story's
    dateline, not its text, look for it in capitals (`text.dateline_end`)."""
    m = bare_dateline(text) if len(text) <= MAX_DATELINE else None
    if m is None:
        return []
    start = m.start("place") + len(text) - len(text.lstrip())
    city = m.group("place").split(",")[0]
    return [Word(start + w.start(), start + w.end(), w.group()) for w in WORD.finditer(city)
            if _is_shouted(w.group()) and len(w.group()) > 1]


def restore_dateline(text: str) -> str:
    """The text with its dateline's place in capitals written as a name ("Grand Rapids"):
    every word capitalized, whatever the lexicon says of it ("grand", "rapids"); a name
    of the world data takes its own form, and a place of one word of three letters or
    fewer is an acronym, left as it stands ("UN --", "US, UK")."""
    run = dateline_place(text)
    if not run or len(run) == 1 and len(run[0].text) <= 3:
        return text
    cased = [w.text.capitalize() for w in run]
    _world_cases(text, run, cased)
    chars = list(text)
    for w, form in zip(run, cased, strict=True):
        if len(form) == len(w.text):
            chars[w.start:w.end] = form
    return "".join(chars)


def article_forms(paragraphs: list[str]) -> dict[str, str]:
    """How the article writes each word in its mixed-case text, where no sentence starts
    ("Varga", "said", "NATO"): the most frequent form."""
    counts: dict[str, Counter] = {}
    for paragraph in paragraphs:
        shouted = {w.start for run in match(paragraph) for w in run}
        for m in WORD.finditer(paragraph):
            if m.start() in shouted or starts_sentence(paragraph, m.start()):
                continue
            word = POSSESSIVE.sub("", m.group())
            counts.setdefault(word.lower(), Counter())[word] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in counts.items()}


@dataclass
class TrueCaser:
    """Restores the case of the shouted runs in an article's paragraphs."""

    forms: dict[str, str] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=lambda: Lexicon(set(), {}, set()))

    def __call__(self, text: str) -> str:
        runs = match(text)
        return restore_dateline(restore(text, runs, self) if runs else text)

    def word_case(self, word: str, before: str, after: str) -> str:
        """One word's case from the evidence, without the sentence-start rule."""
        low, data = word.lower(), rules()
        if low in self.forms and len(self.forms[low]) == len(word):
            return self.forms[low]
        if low in data["months_needing_a_day"]:
            dated = DAY_NUMBER.search(before[-4:]) or DAY_NUMBER.match(after[:4])
            return low.capitalize() if dated else low
        if low in data["lower"]:
            return low
        if low in data["capitalized"]:
            return low.capitalize()
        if before.endswith("(") and after.startswith(")") and len(word) <= data["bracket_acronym_max"]:
            return word
        if len(word) > 1 and self.lexicon.known and low not in self.lexicon:
            return low.capitalize()
        return low


def _world_cases(text: str, run: list[Word], cased: list[str]) -> set[int]:
    """Names of the world data in the run ("SAUDI ARABIA", "UN"), longest first; the
    indices they set."""
    done: set[int] = set()
    names = world_names()
    i = 0
    while i < len(run):
        for size in range(min(MAX_NAME_WORDS, len(run) - i), 0, -1):
            words = run[i:i + size]
            spaced = all(text[a.end:b.start] == " " for a, b in zip(words, words[1:], strict=False))
            key = tuple(POSSESSIVE.sub("", w.text).lower() for w in words)
            if spaced and key in names:
                for k, form in enumerate(names[key]):
                    cased[i + k] = form + cased[i + k][len(form):]
                    done.add(i + k)
                i += size - 1
                break
        i += 1
    return done


def _title_cases(text: str, run: list[Word], cased: list[str]) -> None:
    """A title of office before a name takes a capital, with the word that qualifies it
    ("Transport Minister Zoltan Varga"), or the words back to a capitalized one ("Armenian
    Transport Minister"); never across punctuation or a function word."""
    titles, most, lower = title_words(), rules()["title_modifiers_max"], rules()["lower"]
    for i in range(len(run) - 1):
        if cased[i].lower() not in titles or not cased[i + 1][:1].isupper():
            continue
        cased[i] = cased[i].capitalize()
        back: list[int] = []
        for j in range(i - 1, max(-1, i - 1 - most), -1):
            if text[run[j].end:run[j + 1].start] != " " or cased[j].lower() in lower:
                break
            back.append(j)
        reach = next((n for n, j in enumerate(back) if cased[j][:1].isupper()), None)
        for j in back[:1] if reach is None else back[:reach]:
            cased[j] = cased[j].capitalize()


def _head_cases(text: str, run: list[Word], cased: list[str]) -> None:
    """A word that opens organizations' names before "of" or "for" takes a capital when a
    name follows ("CONFEDERATION OF TARVIAN LABOUR" -> "Confederation of Tarvian Labour"):
    it is that name's first word (`organization_openers` in data/actor_rules.yml)."""
    openers = load_world().rules["organization_openers"]
    for i in range(len(run) - 2):
        after = i + 3 if cased[i + 2].lower() == "the" and i + 3 < len(run) else i + 2
        spaced = all(text[run[k].end:run[k + 1].start] == " " for k in range(i, after))
        if cased[i].capitalize() in openers and cased[i + 1].lower() in {"of", "for"} and spaced \
                and cased[after][:1].isupper():
            cased[i] = cased[i].capitalize()


def restore(text: str, runs: list[list[Word]], caser: TrueCaser) -> str:
    """The text with each shouted run in mixed case; every other character as it was."""
    chars = list(text)
    for run in runs:
        cased = [caser.word_case(POSSESSIVE.sub("", w.text), text[max(0, w.start - 8):w.start],
                                 text[w.end:w.end + 8]) for w in run]
        cased = [c + w.text[len(c):].lower() for c, w in zip(cased, run, strict=True)]  # "'s" kept lower
        _world_cases(text, run, cased)
        _title_cases(text, run, cased)
        _head_cases(text, run, cased)
        for k, w in enumerate(run):
            if starts_sentence(text, w.start):
                cased[k] = cased[k][:1].upper() + cased[k][1:]
            if len(cased[k]) == w.end - w.start:
                chars[w.start:w.end] = cased[k]
    return "".join(chars)


def truecaser_for(paragraphs: list[str], nlp: Language) -> TrueCaser:
    """A case restorer for one article: its own mixed-case forms, the pipeline's lexicon."""
    return TrueCaser(forms=article_forms(paragraphs), lexicon=cached_lexicon(nlp))


_LEXICONS: dict[int, Lexicon] = {}


def cached_lexicon(nlp: Language) -> Lexicon:
    """The lexicon of a pipeline, built once per pipeline object."""
    if id(nlp) not in _LEXICONS:
        _LEXICONS[id(nlp)] = lexicon_of(nlp)
    return _LEXICONS[id(nlp)]
