"""The rule files read words as words: YAML 1.1's "on", "off", "yes" and "no" stay strings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.datafiles import DATA, WordLoader, load_data


def test_words_that_yaml_1_1_reads_as_booleans_stay_words():
    data = yaml.load("[on, off, yes, no, true, false]\n", Loader=WordLoader)
    assert data == ["on", "off", "yes", "no", True, False]
    assert "on" in load_data("events_triggers")["site_preps"]


def booleans_in_lists(value: Any, path: str) -> list[str]:
    """Booleans that stand as list items or mapping keys: a word list's word gone wrong."""
    if isinstance(value, dict):
        found = [f"{path} key {k!r}" for k in value if isinstance(k, bool)]
        return found + [b for k, v in value.items() for b in booleans_in_lists(v, f"{path}.{k}")]
    if isinstance(value, list):
        found = [f"{path}[{i}]" for i, v in enumerate(value) if isinstance(v, bool)]
        return found + [b for i, v in enumerate(value) for b in booleans_in_lists(v, f"{path}[{i}]")]
    return []


def test_no_rule_file_holds_a_boolean_where_a_word_belongs():
    files = sorted(Path(DATA).glob("*.yml"))
    found = [b for f in files for b in booleans_in_lists(load_data(f.stem), f.stem)]
    assert not found
