"""Accessibility of every page kind, checked by axe-core's command line (@axe-core/cli from
the npm registry, tools/axe/) driving Debian's chromium through Debian's chromedriver, in the
light and the dark palette: no serious or critical violation from our templates and CSS.

Material's own chrome is outside our templates and is left out of the count: its search
dialog has no accessible name (`aria-dialog-name`) and its footer's "Made with" line is
light grey (`color-contrast` on `.md-copyright`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.briefing_fixture import make_project, mkdocs_build
from tests.paths import ROOT, SCRIPTS

sys.path.insert(0, str(SCRIPTS))
from screenshot import CHROMIUM, serve  # noqa: E402

AXE = ROOT / "tools" / "axe" / "node_modules" / ".bin" / "axe"
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MATERIAL_CHROME = (".md-search", ".md-copyright")
PAGES = [
    "",
    "background/",
    "timeline/",
    "map/",
    "actors/",
    "actors/russia/",
    "events/",
    "events/moscow-talks/",
    "sources/",
    "sources/talks/",
]
PALETTES = {"light": "1", "dark": "0"}  # Blink's preferredColorScheme
BROWSER_OPTIONS = "headless,no-sandbox,disable-gpu"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no headless browser: {CHROMIUM} is not installed"),
    pytest.mark.skipif(not CHROMEDRIVER.exists(), reason="Debian's chromium-driver is not installed"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core's CLI is not installed: npm ci --prefix tools/axe"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("axe") / "brief")
    (project / "content" / "sources").mkdir()
    (project / "content" / "sources" / "talks.txt").write_text(
        "Opening words.\n\nTalks in Moscow. Russia mediates.\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def violations(site: Path, scheme: str, out: Path) -> list[str]:
    """Serious and critical violations on every page kind, outside Material's own chrome."""
    with serve(site) as base:
        subprocess.run(
            [
                str(AXE),
                *(base + p for p in PAGES),
                "--chromedriver-path",
                str(CHROMEDRIVER),
                "--chrome-options",
                f"headless,no-sandbox,disable-gpu,blink-settings=preferredColorScheme={scheme}",
                "--save",
                out.name,
                "--dir",
                str(out.parent),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    found = []
    for page in json.loads(out.read_text(encoding="utf-8")):
        for rule in page["violations"]:
            if rule["impact"] not in ("serious", "critical"):
                continue
            for node in rule["nodes"]:
                target = " ".join(map(str, node["target"]))
                if not any(chrome in target for chrome in MATERIAL_CHROME):
                    found.append(f"{page['url']}: {rule['id']} at {target}")
    return found


@pytest.mark.parametrize("palette", PALETTES)
def test_no_serious_violation_on_any_page_kind(site, palette, tmp_path):
    out = tmp_path / f"axe-{palette}.json"
    found = violations(site, PALETTES[palette], out)
    assert out.exists() and json.loads(out.read_text(encoding="utf-8")), "axe checked no page"
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(PAGES)
    assert not found, "\n".join(found)


def test_axe_finds_a_violation_we_plant(site, tmp_path):
    """The check can fail: a page with grey-on-white text is reported."""
    planted = tmp_path / "planted"
    shutil.copytree(site, planted)
    page = planted / "timeline" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("<h1", '<p style="color:#bbb;background:#fff">grey text</p><h1', 1), encoding="utf-8"
    )
    found = violations(planted, PALETTES["light"], tmp_path / "axe.json")
    assert any("color-contrast" in f and "timeline" in f for f in found)
