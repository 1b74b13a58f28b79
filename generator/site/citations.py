"""Citations a reader can check, Wikipedia style: each page numbers the sentences it cites
([1], [2], ... in the order it first cites them, each sentence once), lists them under
"References", and every reference lands on its sentence, highlighted on the source's page
(the article's text as the tool read it, paragraphs anchored), and, where the original URL is
known, on the original page through a text fragment (`#:~:text=`, WICG Scroll-To-Text-Fragment,
which Chromium, Edge and Safari follow; other browsers open the page at its top).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import quote as percent_encode

FRAGMENT_WORDS = 4  # a text fragment names the sentence by its first and last words


def normalize(text: str) -> str:
    """Whitespace collapsed: a quote and the paragraph it came from compare equal."""
    return re.sub(r"\s+", " ", text).strip()


def sentence_anchor(quote: str) -> str:
    """The HTML id of a cited sentence on its source page: stable across builds, the same for
    every page that cites it (a short hash of its words)."""
    return "q-" + hashlib.sha1(normalize(quote).encode("utf-8")).hexdigest()[:10]


def text_fragment(url: str, quote: str) -> str:
    """`url#:~:text=start,end`: the original page scrolled to the sentence and highlighted.
    A sentence of up to twice FRAGMENT_WORDS words is named whole; a longer one by its first
    and last words. Dashes, commas and ampersands are percent-encoded, as the spec asks."""
    words = normalize(quote).split(" ")
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _encode(" ".join(words))
    else:
        start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
        directive = f"{_encode(start)},{_encode(end)}"
    return f"{url.split('#', 1)[0]}#:~:text={directive}"


def _encode(text: str) -> str:
    """Percent-encoded for a text directive: `-` too, which the directive reads as a marker."""
    return percent_encode(text, safe="").replace("-", "%2D")


@dataclass(frozen=True)
class Piece:
    """A run of a paragraph; `anchor` is set when the run is a cited sentence, and `inner`
    holds the anchors of shorter cited passages it contains (a name cited inside a cited
    sentence lands on that sentence)."""

    text: str
    anchor: str | None = None
    inner: tuple[str, ...] = ()


def mark_sentences(paragraph: str, quotes: list[str]) -> list[Piece]:
    """The paragraph cut into runs, each cited sentence it holds a run of its own with its
    anchor, the longest first where two overlap; a cited passage inside a longer one is
    anchored on the longer one. Every quote found in the paragraph gets its anchor."""
    text = normalize(paragraph)
    spans: list[tuple[int, int, str]] = []
    inner: dict[int, list[str]] = {}
    for q in sorted({normalize(q) for q in quotes if normalize(q)}, key=len, reverse=True):
        at = text.find(q)
        if at < 0:
            continue
        holder = next((i for i, (a, b, _) in enumerate(spans) if a < at + len(q) and at < b), None)
        if holder is None:
            spans.append((at, at + len(q), q))
        else:
            inner.setdefault(holder, []).append(sentence_anchor(q))
    pieces, last = [], 0
    for i, (start, end, q) in sorted(enumerate(spans), key=lambda item: item[1][0]):
        if start > last:
            pieces.append(Piece(text[last:start]))
        pieces.append(Piece(text[start:end], sentence_anchor(q), tuple(inner.get(i, ()))))
        last = end
    if last < len(text):
        pieces.append(Piece(text[last:]))
    return pieces


class Cited(Protocol):
    """What a reference needs of a quote (model.Quote; a Protocol, so the model may import
    this module for its anchors without an import circle)."""

    @property
    def quote(self) -> str: ...

    @property
    def target(self) -> str: ...


class Sourced(Protocol):
    @property
    def quotes(self) -> tuple[Cited, ...]: ...


@dataclass
class Citations:
    """One page's references. Templates call `cite(evidence)` where a fact is shown (it returns
    the numbers to print) and `references()` once at the end (every cited sentence once)."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    quotes: list[Cited] = field(default_factory=list)

    def cite(self, evidence: Sourced) -> list[int]:
        out = []
        for q in evidence.quotes:
            key = (q.target, normalize(q.quote))
            if key not in self.numbers:
                self.quotes.append(q)
                self.numbers[key] = len(self.quotes)
            out.append(self.numbers[key])
        return list(dict.fromkeys(out))

    def references(self) -> list[tuple[int, Cited]]:
        return list(enumerate(self.quotes, start=1))
