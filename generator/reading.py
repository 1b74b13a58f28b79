"""Article reading: a file in, the article's title, date and body paragraphs out.

INTERFACE STUB (owned by the reading helper): keep the names below stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .inputs import InputError
from .schema import PublishedFrom


ReadError = InputError  # what reading raises: the input's path and what is wrong with it


@dataclass
class Article:
    id: str  # slug of the file name (or title), used as the source id in sheets
    path: Path
    title: str
    paragraphs: list[str]
    published: str | None = None  # ISO date YYYY-MM-DD
    published_from: PublishedFrom = "none"
    url: str | None = None
    metadata: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as sheets quote it: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


def read_article(path: Path, published: str | None = None) -> Article:
    raise NotImplementedError


def reading_report(article: Article) -> dict:
    """What `briefing read --json` prints: {title, published, published_from, paragraphs,
    times: [{text, paragraph, start, end, value}]} (offsets within the paragraph)."""
    raise NotImplementedError
