"""The rule and world-data files under generator/data/, each read once per process.

Rules are kept as data (YAML beside the code) so that a reader changes a word list
without touching a function; this is the one place that reads them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
_BOOL = "tag:yaml.org,2002:bool"


def with_yaml12_booleans(loader: type) -> type:
    """`loader` (a PyYAML loader class) made to read only true and false as booleans, as
    YAML 1.2 does. YAML 1.1, which PyYAML follows, also reads on, off, yes and no as
    booleans, so a word list holding the preposition "on" or the determiner "no" would
    hold True and False instead, and a name "No" would become False."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return loader


class WordLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, libyaml's where PyYAML was built with it (ten times faster: 0.04 s
    for all the rule files instead of 0.34 s), with YAML 1.2's booleans (`with_yaml12_booleans`)."""


with_yaml12_booleans(WordLoader)


@cache
def load_data(name: str) -> Any:
    """generator/data/NAME.yml, parsed (YAML 1.2 booleans, see WordLoader); cached, so
    callers need no cache of their own."""
    return yaml.load((DATA / f"{name}.yml").read_text(encoding="utf-8"), Loader=WordLoader)
