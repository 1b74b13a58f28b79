"""The built site in a real browser (Debian's headless chromium), served under /repo/ as
GitHub Pages serves a project site: links resolve there, and hostile content stays text."""

from __future__ import annotations

import re
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.briefing_fixture import make_project, mkdocs_build
from tests.paths import SCRIPTS

sys.path.insert(0, str(SCRIPTS))
from screenshot import CHROMIUM, chromium, serve  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no headless browser: {CHROMIUM} is not installed"),
]

PAYLOAD = (
    " <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    " {{ 7*7 }} {% raw %} **bold**"
)
PAGES = ["", "actors/armenia/", "events/moscow-talks/", "sources/", "background/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("browser") / "brief", payload=PAYLOAD)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project / "site") as base:
        yield base


class _Dom(HTMLParser):
    """What a dumped DOM holds that could run: scripts, event handlers, script links."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._in_script = tag == "script"
        self.handlers += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        self.hrefs += [value for name, value in attrs if name in {"href", "src"} and value]

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
            self._in_script = False


def dump_dom(url: str) -> _Dom:
    dom = _Dom()
    dom.feed(chromium("--virtual-time-budget=2000", "--dump-dom", url))
    return dom


@pytest.fixture(scope="module")
def doms(served):
    return {page: dump_dom(served + page) for page in PAGES}


def test_pages_render_in_the_browser(doms):
    for page, dom in doms.items():
        assert any("assets/stylesheets/main" in h for h in dom.hrefs), page  # Material loaded


def test_content_payloads_stay_text(doms):
    for page, dom in doms.items():
        assert not [s for s in dom.scripts if "alert" in s], page
        assert not dom.handlers, page
        assert not [h for h in dom.hrefs if h.strip().lower().startswith("javascript:")], page


def test_payload_is_visible_as_typed(served):
    text = chromium("--virtual-time-budget=2000", "--dump-dom", served + "actors/armenia/")
    heading = re.search(r"<h1[^>]*>(.*?)<a", text, re.S).group(1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in heading
    assert "{{ 7*7 }}" in heading and "**bold**" in heading and "[x](javascript:alert(1))" in heading


def test_relative_links_work_under_a_project_path(served, doms):
    checked = 0
    for page, dom in doms.items():
        for href in dom.hrefs:
            url = urljoin(served + page, href)
            parts = urlsplit(url)
            if parts.hostname != "127.0.0.1":
                continue
            assert parts.path.startswith("/repo/"), f"{page}: {href} leaves the project path"
            with urllib.request.urlopen(url.split("#")[0], timeout=10) as response:
                assert response.status == 200, url
            checked += 1
    assert checked > 50
