"""What reading hands on: an `Article` (id, title, date and where each came from, body
paragraphs) and the `Page` one reader found in a file before the metadata order applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.reading.inputs import InputError
from generator.schema import PublishedFrom, TitleFrom

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
    title_from: TitleFrom = "none"
    # A paragraph's own date where the page gives one (a live blog's block timestamp), by
    # paragraph index, ISO YYYY-MM-DD: relative dates in it resolve against this date.
    paragraph_dates: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as sheets quote it: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Page:
    """What one reader found in a file, before the metadata order is applied."""

    title: str | None
    paragraphs: list[str]
    date: str | None = None  # the page's own date (HTML metadata, a date line by the byline)
    url: str | None = None
    year: int | None = None  # a year the page states elsewhere, for a dateline without one
    title_from: TitleFrom = "page"  # what `title` is, when there is one
    dateline: str | None = None  # a dateline the page sets apart from the body (a record's field)
    paragraph_dates: dict[int, str] = field(default_factory=dict)  # see `Article.paragraph_dates`
