"""`mkdocs serve` with a sheet that does not validate: the browser gets an error page with
the sheet's `path:line` and the message (the request does not hang), and the briefing comes
back when the sheet is fixed and saved."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.briefing_fixture import make_project

pytestmark = pytest.mark.slow

WAIT = 60  # seconds for a (re)build to show


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + WAIT
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {WAIT} s; last page: {(page or '')[:500]}")


@pytest.fixture
def server(tmp_path):
    project = make_project(tmp_path / "brief")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_bad_sheet_shows_its_place_in_the_browser_and_the_site_comes_back(server):
    project, url = server
    wait_for(url, "Ceasefire talks in Moscow")
    sheet: Path = project / "content" / "events" / "shelling.yml"
    good = sheet.read_text(encoding="utf-8")
    sheet.write_text(good.replace("kind: assault", "kind: bombardment"), encoding="utf-8")
    page = wait_for(url, "The briefing does not build")
    assert "content/events/shelling.yml:" in page and "bombardment" in page
    shown = wait_for(url + "actors/russia/", "The briefing does not build")  # the page a reader had open
    assert "content/events/shelling.yml:" in shown
    sheet.write_text(good, encoding="utf-8")
    wait_for(url, "Ceasefire talks in Moscow")
    wait_for(url + "actors/russia/", "Russia")
