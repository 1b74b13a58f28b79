"""A small briefing written by the tests: 6 actors, 6 events of every date precision,
relations, claims stored on one sheet but spoken by another, background and sources.

`write_content(root, payload=...)` puts a hostile string into every field a person can
type, to prove the site shows it as text. `make_project` puts it in a `briefing new`
project and `mkdocs_build` runs a real `mkdocs build --strict` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from generator.project import new_project
from generator.schema import modeline

ARTICLE = "talks"


def _src(quote: str) -> list[dict]:
    return [{"article": ARTICLE, "quote": quote}]


def briefing_data(payload: str = "") -> dict:
    return {
        "title": f"Ceasefire talks in Moscow{payload}",
        "published": "2020-10-09",
        "summary": f"Armenia and Azerbaijan agree to talks.{payload}",
        "background": [
            {
                "text": f"The Azerbaijani region is claimed by Armenia; Russia has a base there.{payload}",
                "sources": _src(f"The region lies within Azerbaijani borders.{payload}"),
            },
        ],
        "sources": [
            {
                "id": ARTICLE,
                "title": f"Talks article{payload}",
                "path": "seeds/talks.txt",
                "url": "javascript:alert(1)" if payload else "https://example.org/talks?a=1&b=(2)",
                "published": "2020-10-09",
                "published_from": "metadata",
            },
            {
                "id": "second",
                "title": "Second article",
                "url": None,
                "published": "2020-10",
                "published_from": "page",
            },
        ],
    }


def actors_data(payload: str = "") -> dict[str, dict]:
    return {
        "russia": {
            "id": "russia",
            "name": "Russia",
            "kind": "country",
            "aliases": ["Russian", f"the Kremlin{payload}"] if payload else ["Russian", "the Kremlin"],
            "summary": f"Mediator of the talks.{payload}",
            "relations": [
                {
                    "type": "defense-treaty",
                    "target": "armenia",
                    "text": f"Russia has a defense treaty with Armenia.{payload}",
                    "sources": _src("Russia has a military defense treaty"),
                }
            ],
            "claims": [
                {
                    "text": f"Turkey has sent fighters.{payload}",
                    "by": ["russia", "france"],
                    "about": ["turkey"],
                    "sources": _src("Russia and France argue"),
                },
                {
                    "text": "The talks will succeed.",
                    "by": ["france"],
                    "about": ["moscow-talks"],
                    "sources": _src("France said the talks"),
                },
            ],
            "sources": _src(f"Russia said{payload}"),
        },
        "armenia": {
            "id": "armenia",
            "name": f"Armenia{payload}" if payload else "Armenia",
            "kind": "country",
            "aliases": ["Armenian"],
            "summary": "A party to the conflict.",
            "relations": [{"type": "opposes", "target": "azerbaijan", "sources": _src("Armenia opposes")}],
            "sources": _src("Armenia"),
        },
        "azerbaijan": {
            "id": "azerbaijan",
            "name": "Azerbaijan",
            "kind": "country",
            "aliases": ["Azerbaijani"],
            "sources": _src("Azerbaijan"),
        },
        "turkey": {
            "id": "turkey",
            "name": "Turkey",
            "kind": "country",
            "relations": [{"type": "supports", "target": "azerbaijan", "sources": _src("Turkey supports")}],
            "sources": _src("Turkey"),
        },
        "france": {"id": "france", "name": "France", "kind": "country", "sources": _src("France")},
        "moscow": {"id": "moscow", "name": "Moscow", "kind": "place", "sources": _src("in Moscow")},
    }


def events_data(payload: str = "") -> dict[str, dict]:
    def event(eid: str, title: str, date: str | None, **more: object) -> dict:
        sources = _src(f"{title}{payload}") + more.pop("more_sources", [])  # type: ignore[operator]
        kind = more.pop("kind", "consult")
        return {"id": eid, "title": title, "kind": kind, "date": date, **more, "sources": sources}

    return {
        "moscow-talks": event(
            "moscow-talks",
            f"Talks in Moscow{payload}",
            "2020-10-09",
            date_text=f"on Friday{payload}",
            place="moscow",
            summary=f"The parties met.{payload}",
            participants=[
                {"actor": "armenia", "role": "party"},
                {"actor": "azerbaijan", "role": "party"},
                {"actor": "russia", "role": "mediator"},
            ],
        ),
        "fighting": event(
            "fighting",
            "Fighting breaks out",
            "2020-09~",
            kind="fight",
            participants=[{"actor": "armenia", "role": "party"}, {"actor": "azerbaijan", "role": "party"}],
        ),
        "shelling": event(
            "shelling",
            "Shelling of towns",
            "2020-09-21/2020-09-30",
            kind="assault",
            participants=[{"actor": "azerbaijan", "role": "initiator"}],
            more_sources=[{"article": "second", "quote": "Towns were shelled"}],
        ),
        "appeal": event(
            "appeal",
            "Appeal for a ceasefire",
            "../2020-10-08",
            kind="appeal",
            participants=[{"actor": "russia", "role": "initiator"}, {"actor": "france", "role": "initiator"}],
        ),
        "old-war": event(
            "old-war",
            "The war ends",
            "1994",
            kind="yield",
            participants=[{"actor": "armenia", "role": "party"}],
        ),
        "undated-meeting": event(
            "undated-meeting",
            "A meeting",
            None,
            date_text="recently",
            status="planned",  # truly undated: not yet held, so not placed by publication
            participants=[{"actor": "turkey", "role": "participant"}],
        ),
    }


def dump(kind: str, data: dict) -> str:
    return f"{modeline(kind)}\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)


def write_content(root: Path, payload: str = "") -> Path:
    """Write the briefing under root (a content/ folder); returns root."""
    (root / "actors").mkdir(parents=True, exist_ok=True)
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "briefing.yml").write_text(dump("briefing", briefing_data(payload)), encoding="utf-8")
    for aid, data in actors_data(payload).items():
        (root / "actors" / f"{aid}.yml").write_text(dump("actor", data), encoding="utf-8")
    for eid, data in events_data(payload).items():
        (root / "events" / f"{eid}.yml").write_text(dump("event", data), encoding="utf-8")
    return root


def make_project(root: Path, payload: str = "") -> Path:
    """A `briefing new` project holding the test briefing and one hand-written page."""
    new_project(root)
    write_content(root / "content", payload=payload)
    (root / "content" / ".briefing").mkdir()
    (root / "content" / ".briefing" / "state.json").write_text("{}", encoding="utf-8")
    (root / "content" / "intro.md").write_text(
        "# Introduction\n\nStart with [Russia](actors/russia.md).\n", encoding="utf-8"
    )
    return root


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
