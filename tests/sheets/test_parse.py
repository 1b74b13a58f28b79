"""Reading one sheet file: libyaml's fast loader for the usual valid briefing, ruamel's
round-trip parser (with lines) for everything else."""

from __future__ import annotations

import pytest

from generator.sheets.parse import FastParseFailed, parse_yaml
from generator.sheets.store import _plain
from tests.paths import ROOT

# --- the fast path: libyaml first, the round-trip parser when anything is wrong -----------


def test_the_fast_loader_reads_every_bundled_sheet_as_the_round_trip_one_does():
    for path in sorted((ROOT / "content").rglob("*.yml")):
        fast, _ = parse_yaml(path, fast=True)
        slow, _ = parse_yaml(path)
        assert fast == _plain(slow), path


@pytest.mark.parametrize(
    ("text", "value"),
    [("name: No\n", {"name": "No"}), ("name: on\n", {"name": "on"}), ("flag: true\n", {"flag": True})],
)
def test_the_fast_loader_reads_yaml_1_2_booleans(tmp_path, text, value):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    assert parse_yaml(path, fast=True)[0] == value == _plain(parse_yaml(path)[0])


WRONG = ["id: a\nid: b\n", "id: !!python/object:os.system x\n", "a: [\n", "x: \x07\n"]


@pytest.mark.parametrize("text", WRONG)
def test_the_fast_loader_gives_way_on_anything_wrong(tmp_path, text):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FastParseFailed):
        parse_yaml(path, fast=True)
    assert parse_yaml(path)[1]  # the round-trip parser locates it
