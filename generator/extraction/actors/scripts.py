"""Names written in other scripts: the ones the recognizer does not see.

An English pipeline finds "Iryna Sokolova" but not "李明华": its recognizer learned
English text, and Chinese, Japanese and Korean names are one run of characters with no
capital letter to go by. English news writes such a name in its own script in three
places, and each is found here: next to its romanized form in brackets ("李明华 (Li
Minghua)", "Li Minghua (李明华)"), after a title ("China's envoy 李明华", "the minister,
李明华,"), and as the one who speaks ("李明华 said"). The same holds for a name in any
alphabet other than the Latin one, which the recognizer sometimes misses too.

A name found in brackets beside its romanized form takes that form's key, so the two are
one actor with a readable name; one found after a title or as a speaker is a person.
The recognizer's own span on such a name is kept, and made a person when the context
says so ("李明华 said" tagged as an organization).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from spacy.tokens import Span, Token

from generator.datafiles import load_data
from generator.extraction.actors.table import Candidate, overlaps
from generator.extraction.sentence import Sentence
from generator.extraction.world import World
from generator.text import CJK_RUN, slug_words

MAX_WORDS = 4  # a name in a spaced script: at most this many words
MAX_RUN = 8  # a name in a script without spaces: at most this many characters


def in_other_script(token: Token) -> bool:
    """A word written wholly in a script other than the Latin one (a run of Han, kana or
    Hangul, or a Cyrillic, Greek, Arabic... word), hyphens, apostrophes and the katakana
    middle dot aside."""
    letters = [ch for ch in token.text if ch.isalpha()]
    rest = token.text.translate(_JOINERS)
    return bool(letters) and len(letters) == len(rest) \
        and not any(unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in letters)


_JOINERS = dict.fromkeys(map(ord, "-'’・"))


def add_script_names(cands: list[Candidate], sentences: list[Sentence], skips: dict[int, int],
                     world: World) -> list[Candidate]:
    """The candidates, with every name in another script that stands as a name (see the
    module docstring) added, in text order; a recognizer span on such a name is made a
    person when a title or a speech verb says it is one."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    added: list[Candidate] = []
    for i, s in enumerate(sentences):
        found = by_sentence[i]
        for run in script_runs(s.span):
            if run.start_char < skips.get(i, 0):
                continue
            covering = [c for c in found if overlaps(c.span, run)]
            if covering:
                retype(covering, run, world)
                continue
            made = script_candidate(i, run, found, world)
            if made is not None:
                added.append(made)
    return sorted(cands + added, key=lambda c: (c.sentence, c.span.start))


def script_runs(sent: Span) -> list[Span]:
    """The runs of words in another script in a sentence, up to `MAX_WORDS` words each."""
    runs: list[Span] = []
    start = None
    for tok in [*sent, None]:
        if tok is not None and in_other_script(tok):
            start = tok.i if start is None else start
            continue
        end = tok.i if tok is not None else sent.end
        if start is not None and end - start <= MAX_WORDS:
            runs.append(sent.doc[start:end])
        start = None
    return runs


def script_candidate(index: int, run: Span, found: list[Candidate], world: World) -> Candidate | None:
    """A candidate for a run of another script that stands as a name, or None."""
    if not name_sized(run):
        return None
    roman = romanized_form(run)
    twin = next((c for c in found if roman is not None and overlaps(c.span, roman)), None)
    if twin is not None and (twin.kind == "person" or read_alike(run, roman)):
        return Candidate(index, run, run.text, twin.kind, twin.key, twin.role, twin.label)
    if roman is not None and read_alike(run, roman) or after_title(run, world) or speaks(run):
        return Candidate(index, run, run.text, "person", run.text, "ner", "PERSON")
    return None


def retype(covering: list[Candidate], run: Span, world: World) -> None:
    """The recognizer's span on a run, made a person when a title or a speech verb says so."""
    for c in covering:
        if c.span == run and c.role == "ner" and c.kind != "person" and name_sized(run) \
                and (after_title(run, world) or speaks(run)):
            c.kind, c.label = "person", "PERSON"


def name_sized(run: Span) -> bool:
    """Short enough to be a name: a few words (`script_runs`), of a few characters where
    the script writes no spaces (a Chinese name has two to four)."""
    whole = "".join(t.text for t in run if CJK_RUN.fullmatch(t.text))
    return not whole or 2 <= len(whole) <= MAX_RUN


def romanized_form(run: Span) -> Span | None:
    """The capitalized words (one to four) that stand beside a run with one of the two in
    brackets: "李明华 (Li Minghua)", "Li Minghua (李明华)"."""
    doc = run.doc
    if run.end + 2 < len(doc) and doc[run.end].text == "(":
        words = doc[run.end + 1:min(len(doc), run.end + 2 + MAX_WORDS)]
        close = next((t.i for t in words if t.text == ")"), None)
        form = doc[run.end + 1:close] if close is not None else None
    elif 2 <= run.start and run.end < len(doc) and (doc[run.start - 1].text, doc[run.end].text) == ("(", ")"):
        first = run.start - 1
        while first > max(0, run.start - 1 - MAX_WORDS) and doc[first - 1].is_title:
            first -= 1
        form = doc[first:run.start - 1]
    else:
        return None
    if form is None or not len(form) or not all(t.is_title or t.text == "-" for t in form):
        return None
    return form


def read_alike(run: Span, roman: Span) -> bool:
    """Does the romanized form spell the run as it transliterates ("Li Minghua" for
    李明华)? Needed where the form is no person's name, so that a bracketed agency or
    place ("(Reuters)") is not taken for the run's name."""
    return "".join(slug_words(run.text)) == "".join(slug_words(roman.text))


def after_title(run: Span, world: World) -> bool:
    """Right after a title, an honorific or a noun for a person (`name_nouns`: "envoy
    李明华", "Dr. 李明华"), or one of them and a comma ("the minister, 李明华, said"; the
    parser rarely reads that apposition right)."""
    before = run.doc[max(0, run.start - 2):run.start]
    if len(before) == 2 and before[1].text == ",":
        before = before[:1]
    word = before[-1].lower_ if len(before) else ""
    return word in world.titles or word in world.honorifics or word in world.rules["name_nouns"]


def speaks(run: Span) -> bool:
    """The subject of a speech verb ("李明华 said", "李明华 told reporters")."""
    verbs = load_data("claims_verbs")["speech_verbs"]
    return run.root.dep_ == "nsubj" and run.root.head.lemma_ in verbs
