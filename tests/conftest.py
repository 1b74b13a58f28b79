"""Shared fixtures, and the `--slow` option in spaCy's manner.

Tests marked `slow` load the real spaCy pipeline or run a real MkDocs build; tests
marked `browser` drive Debian's chromium. Both are skipped unless pytest is given
`--slow` (the README's test command gives it), so `pytest` alone is the quick suite.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from generator.extraction.world import World, load_world
from generator.nlp import load_pipeline


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False,
                     help="also run the slow tests (real spaCy pipeline, MkDocs builds, chromium)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: needs --slow (real pipeline, MkDocs build or chromium)")
    for item in items:
        if "slow" in item.keywords or "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def world() -> World:
    """The world data (countries, organizations, titles) and its rules."""
    return load_world()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English pipeline, loaded once per test session."""
    return load_pipeline()
