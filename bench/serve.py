"""Speed of `mkdocs serve` after a one-sheet edit, against its floors (issue 11, item 3).

    python bench/serve.py [N ...] [--seed] [--repeat R]     (default: 500, R = 3)

For each size a synthetic briefing of N actors and N events (as bench/site.py writes it) is
served by `mkdocs serve` in a child process. Once the site is up, one event sheet's title is
edited, and the time from the save to the event's page showing the new title over HTTP is
taken (the watcher's delay included). The same is done, interleaved, for two floors, each
served by bare Material (no plugin but search) with one page edited:
- "bare": as many pages as the briefing's site, each a heading, a paragraph and a link, as
  bench/site.py's floor;
- "same": the briefing's own pages, each written out as a Markdown file holding the page's
  front matter and the HTML the plugin hands MkDocs (Markdown passes HTML through as it is),
  with the downloads and the briefing's navigation, under the mkdocs.yml `briefing new`
  writes without the plugin; so MkDocs' own rebuild of the same pages is all that remains
  (issue 11: "the bare Material rebuild of the same site").
Medians of R edits each, and the ratios, are printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic import floor_config, write_briefing, write_floor  # noqa: E402  (bench/synthetic.py)

from generator.plugin import NAV, _permalink  # noqa: E402
from generator.project import new_project  # noqa: E402
from generator.sheets.store import load_content  # noqa: E402
from generator.site.pages import render_pages  # noqa: E402
from generator.site.render import front_matter  # noqa: E402

WAIT = 600  # seconds: the longest a (re)build may take before the bench gives up


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str) -> float:
    """Seconds until the page at `url` shows `text` (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < WAIT:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {WAIT} s")


class Server:
    """`mkdocs serve` of a project, on a free port, until closed."""

    def __init__(self, project: Path):
        self.port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def edit_times(project: Path, page: str, edit: Callable[[int], str], repeat: int, first: str) -> list[float]:
    """Seconds from each edit (`edit(i)` saves one and returns the text it put) to the page
    showing it, after the first build shows `first`."""
    server = Server(project)
    try:
        wait_for(server.url(page), first)
        times = []
        for i in range(repeat):
            time.sleep(1.0)  # the watcher settles
            text = edit(i)
            times.append(wait_for(server.url(page), text))
        return times
    finally:
        server.close()


def replace_in(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def briefing_editor(project: Path) -> Callable[[int], str]:
    sheet = project / "content" / "events" / "event-1.yml"

    def edit(i: int) -> str:
        old = "Event 1" if i == 0 else f"Edited event {i - 1}"
        replace_in(sheet, f"title: {old}", f"title: Edited event {i}")
        return f"Edited event {i}"

    return edit


def page_editor(docs: Path, name: str) -> Callable[[int], str]:
    page = docs / name

    def edit(i: int) -> str:
        text = f"Edited page {i}"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
        return text

    return edit


def same_pages(project: Path, folder: Path) -> Path:
    """The briefing's pages as files of a bare Material project: each page a .md file holding
    its front matter and the HTML the plugin hands MkDocs, rendered with the project's settings
    (URL style, the `toc` extension's permalink), which Markdown passes through as it is; the
    downloads beside them; the briefing's navigation. A drawing stays a placeholder: the plugin
    puts it into the built page after MkDocs' work."""
    config = load_config(str(project / "mkdocs.yml"))
    rendered = render_pages(load_content(project / "content"), project / "templates",
                            config.use_directory_urls, _permalink(config))
    texts = {path: front_matter(page.meta) + page.html for path, page in rendered.pages.items()}
    docs = folder / "docs"
    for path, text in (texts | rendered.downloads).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    base = re.sub(r"^nav:.*\n", "", floor_config(), flags=re.M)  # no floor pages here
    (folder / "mkdocs.yml").write_text(base + f"nav: {json.dumps(NAV)}\n", encoding="utf-8")
    return docs


def report(n: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = folder / "bench"
        new_project(project)
        write_briefing(project / "content", n)
        docs = same_pages(project, folder / "same")
        pages = sum(1 for _ in docs.rglob("*.md"))
        write_floor(folder / "bare", pages)
        ours = edit_times(project, "events/event-1/", briefing_editor(project), repeat, "Event 1")
        bare = edit_times(folder / "bare", "page-1/", page_editor(folder / "bare" / "docs", "page-1.md"),
                          repeat, "Page 1")
        same = edit_times(folder / "same", "events/event-1/", page_editor(docs, "events/event-1.md"),
                          repeat, "Event 1")
        shutil.rmtree(project / "site", ignore_errors=True)
    o, b, s = (statistics.median(t) for t in (ours, bare, same))
    print(f"{f'{n} + {n}':>14} {pages:>6} {o:>8.2f} {b:>8.2f} {o / b:>6.2f}x {s:>8.2f} {o / s:>6.2f}x")


def main() -> None:
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 3
    if "--repeat" in args:
        del args[args.index("--repeat"):args.index("--repeat") + 2]
    sizes = [int(a) for a in args] or [500]
    print(f"{'actors + events':>14} {'pages':>6} {'edit s':>8} {'bare s':>8} {'ratio':>7} {'same s':>8} "
          f"{'ratio':>7}   (medians of {repeat} edits: save to page shown)")
    for n in sizes:
        report(n, repeat)


if __name__ == "__main__":
    main()
