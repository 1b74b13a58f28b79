"""The schema is the single definition of the sheets: the committed JSON Schema files and
the README's vocabulary tables must be what it says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.schema import VOCABULARIES, Actor, Event, json_schema
from generator.sheets.store import export_json_schemas
from tests.paths import ROOT


@pytest.mark.parametrize("kind", ["actor", "event", "briefing"])
def test_committed_json_schemas_are_current(kind: str) -> None:
    committed = json.loads((ROOT / "content" / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
    assert committed == json_schema(kind)


def test_export_writes_only_what_changed(tmp_path: Path) -> None:
    assert len(export_json_schemas(tmp_path)) == 3
    assert export_json_schemas(tmp_path) == []


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_readme_documents_every_vocabulary_value(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [value for value in VOCABULARIES[name] if f"`{value}`" not in readme]
    assert missing == [], f"README does not document these {name}: {missing}"


def test_unquoted_yaml_dates_are_accepted_as_edtf_strings() -> None:
    event = Event(id="talks", title="Talks", kind="consult", date=dt.date(2020, 10, 9))
    assert event.date == "2020-10-09"
    assert Event(id="war", title="War", kind="fight", date=1994).date == "1994"


@pytest.mark.parametrize(
    "value", ["2020-09~", "2020-09-21/2020-09-30", "../2020-10-08", "2020-10-09/..", "199X"]
)
def test_edtf_level_one_values_validate(value: str) -> None:
    assert Event(id="e", title="E", kind="other", date=value).date == value


@pytest.mark.parametrize("value", ["end of September", "2020-13-01", "09/10/2020"])
def test_non_edtf_dates_are_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="not an EDTF date"):
        Event(id="e", title="E", kind="other", date=value)


@pytest.mark.parametrize("bad", ["../x", "Russia", "a--b", "index", "schema", "-a", "russia\n"])
def test_ids_are_safe_slugs(bad: str) -> None:
    with pytest.raises(ValidationError):
        Actor(id=bad, name="X", kind="country")
