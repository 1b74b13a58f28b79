"""Screenshot a built briefing site with Debian's headless chromium.

    python scripts/screenshot.py SITE_DIR OUT.png [--page actors/russia/] [--size 1280,900]

The site is served from a local http.server under a sub-path (/repo/), as GitHub Pages
serves a project site, so the picture also shows that relative links and assets work
there. The browser test imports `serve` and `chromium` from here.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PREFIX = "repo"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    """A browser closing a connection mid-file is normal here, not an error to print."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str = PREFIX) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:PORT/<prefix>/ for the duration; yields that URL."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / prefix).symlink_to(Path(site).resolve(), target_is_directory=True)
        handler = functools.partial(_Quiet, directory=root)
        server = _Server(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}/"
        finally:
            server.shutdown()
            server.server_close()


def chromium(*args: str, timeout: int = 60) -> str:
    """Run headless chromium with a throwaway profile; returns what it printed."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    return result.stdout


def screenshot(site: Path, out: Path, page: str = "", size: str = "1280,900") -> Path:
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        chromium(f"--window-size={size}", f"--screenshot={out}", "--virtual-time-budget=3000", base + page)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder (mkdocs build's site/)")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--page", default="", help="a page URL below the site root, e.g. actors/russia/")
    parser.add_argument("--size", default="1280,900", help="window width,height in pixels")
    args = parser.parse_args()
    print(screenshot(args.site, args.out, args.page, args.size))


if __name__ == "__main__":
    main()
