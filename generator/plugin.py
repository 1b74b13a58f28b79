"""The MkDocs plugin `briefing`: an adapter, nothing more.

It reads and validates `content/` once per build (the docs folder), hands the content to
the page model (`generator.site.pages`), and adds the rendered pages to the build in memory,
the way mkdocs-gen-files does. The fact sheets, their JSON Schemas and the generator's
state are taken out of the file list so they never reach the built site. This is the
only module that imports mkdocs.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.sheets.store import STATE_DIR, TEXTS_DIR, Content, ContentError, SheetMemo, load_content
from generator.site.pages import Rendered, fill_drawing, render_pages
from generator.site.render import TemplateProblem

log = logging.getLogger("mkdocs.plugins.briefing")

DATA_SUFFIXES = (".yml", ".yaml", ".json")
PRIVATE_FOLDERS = ("schema/", f"{STATE_DIR}/")
# The index pages, in navigation order. Actor and event pages stay out of the nav: a nav
# listing every page makes each page render the whole list (build time ~ pages squared).
NAV = [
    {"Home": "index.md"},
    {"Background": "background.md"},
    {"Timeline": "timeline.md"},
    {"Map": "map.md"},
    {"Actors": "actors/index.md"},
    {"Events": "events/index.md"},
    {"Sources": "sources.md"},
]
NAV_PATHS = {path for item in NAV for path in item.values()}
STYLESHEET = "assets/briefing.css"


class BriefingConfig(base.Config):
    """`plugins: [briefing: {templates: DIR, keep_site_name: BOOL}]`; DIR is relative to
    mkdocs.yml. The site is named by the briefing (its `topic`, else its `title`) unless
    `keep_site_name` is true, when mkdocs.yml's `site_name` stands."""

    templates = c.Type(str, default="templates")
    keep_site_name = c.Type(bool, default=False)


@dataclass(frozen=True)
class BuiltPage:
    """A generated page as MkDocs made it from its Markdown: its HTML, its table of contents,
    and the anchors in it (which links from other pages are checked against)."""

    content: str
    toc: Any
    anchors: frozenset[str]


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's pages to the build; all page logic lives in generator.site.

    Under `mkdocs serve` MkDocs keeps this instance from one rebuild to the next (it has
    `on_startup`), and with it what the last build made: the sheets as read (`SheetMemo`:
    only an edited sheet is read again) and each generated page's HTML by its Markdown
    (`built`: a page whose Markdown did not change is not converted again). An edit thus
    costs the pages that depend on the edited sheet, and MkDocs' own writing of the rest."""

    serving = False

    def __init__(self) -> None:
        super().__init__()
        self.drawings: dict[str, str] = {}  # page path -> its drawing, from the last on_files
        self.memo = SheetMemo()
        self.built: dict[str, BuiltPage] = {}  # page key (see page_key) -> the page built from it
        self.kept: dict[str, BuiltPage] = {}  # the same, for this build: what the next one may reuse
        self.keys: dict[str, str] = {}  # page path -> its key, in this build
        self.files_key = ""
        self.generated: set[str] = set()  # the pages this plugin added, in this build
        self.converted: set[str] = set()  # those MkDocs converted from Markdown, in this build

    def on_config(self, config: MkDocsConfig, /) -> MkDocsConfig:
        """The briefing's stylesheet (contrast and link styles, see generator/site/assets/)."""
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under `mkdocs serve` a sheet with an error becomes an error page in the browser
        (the reader is looking there, and the request must not hang); a build still stops."""
        self.serving = command == "serve"

    def templates_dir(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        return base_dir / self.config.templates

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.files_key, self.keys, self.kept = "", {}, {}  # no page reused until the site is known
        shown, self.generated, self.converted = self.generated, set(), set()
        for file in [f for f in files if _is_data(f.src_uri)]:
            files.remove(file)
        try:
            content = _load(Path(config.docs_dir), self.memo)
            rendered = _render(content, self.templates_dir(config), config.use_directory_urls)
        except PluginError as exc:
            if not self.serving:
                raise
            log.error(str(exc))
            self.generated = shown  # the error is shown at each of the last build's pages
            return _error_site(files, config, str(exc), {p for p in shown if p.endswith(".md")})
        if not self.config.keep_site_name:
            config.site_name = site_name(content.briefing.topic or content.briefing.title)
        files.append(File.generated(config, STYLESHEET, content=_stylesheet()))
        self.drawings = rendered.drawings
        for path, markdown in rendered.files.items():
            if files.get_file_from_path(path) is not None:
                log.info("briefing: %s is hand-written, so it replaces the generated page", path)
                continue
            inclusion = InclusionLevel.UNDEFINED if path in NAV_PATHS else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
            self.generated.add(path)
        if config.nav is None:
            config.nav = _navigation(files)
        self.files_key = files_key(files, config)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page whose Markdown the last build converted is not converted again:
        MkDocs is given nothing to convert, and `on_page_content` puts back what it made."""
        if page.file.src_uri not in self.generated or not self.files_key:
            return markdown
        key = page_key(self.files_key, page.file.src_uri, markdown)
        self.keys[page.file.src_uri] = key
        return "" if key in self.built else markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        key = self.keys.get(page.file.src_uri)
        if key is None:
            return html
        built = self.built.get(key)
        if built is None:
            built = BuiltPage(html, page.toc, frozenset(page.present_anchor_ids or ()))
            self.converted.add(page.file.src_uri)
        page.toc, page.present_anchor_ids = built.toc, set(built.anchors)
        self.kept[key] = built
        return built.content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.files_key:  # a build of the briefing, not of its error page
            self.built = self.kept  # only what this build used: an edited page's old HTML goes
            log.debug("briefing: %d of %d pages converted from Markdown, the others as last built",
                      len(self.converted), len(self.generated))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The page's drawing, into its placeholder in the built page (see `Rendered`)."""
        path = page.file.src_uri
        drawing = self.drawings.get(path) if path in self.generated else None
        return fill_drawing(output, path, drawing) if drawing else output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Rebuild when a template changes (sheets live in docs_dir, watched already)."""
        folder = self.templates_dir(config)
        if folder.is_dir():
            server.watch(str(folder))
        return server


def files_key(files: Files, config: MkDocsConfig) -> str:
    """What a page's HTML depends on besides its Markdown: the site's files (its links are
    resolved against them), the URL style and the Markdown extensions with their settings."""
    parts = [repr(config.use_directory_urls), repr(config.markdown_extensions), repr(config.mdx_configs)]
    parts += sorted(f.src_uri for f in files)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def page_key(files: str, path: str, markdown: str) -> str:
    return hashlib.sha256(f"{files}\0{path}\0{markdown}".encode()).hexdigest()


def _load(docs_dir: Path, memo: SheetMemo | None = None) -> Content:
    """The validated content; a mistake stops the build with its located messages only.
    `briefing validate` runs this same `load_content`, and the site draws whatever it
    accepts, so the two commands agree and neither ends in a traceback."""
    try:
        root = Path(os.path.relpath(docs_dir))  # errors read content/actors/x.yml:3: ...
    except ValueError:
        root = docs_dir  # another drive, on Windows
    try:
        return load_content(root, memo)
    except ContentError as exc:
        raise PluginError(f"the briefing's content does not validate:\n{exc}") from None


@cache
def _stylesheet() -> str:
    return (resources.files("generator.site") / "assets" / "briefing.css").read_text(encoding="utf-8")


def site_name(title: str) -> str:
    """The briefing's title as MkDocs' `site_name`, HTML-escaped: the theme prints it into
    every page's header and <title> unescaped, and a title is text from an article."""
    return html.escape(" ".join(title.split()))


def _render(content: Content, templates: Path, directory_urls: bool) -> Rendered:
    try:
        return render_pages(content, templates, directory_urls)
    except TemplateProblem as exc:
        raise PluginError(str(exc)) from None


def _error_site(files: Files, config: MkDocsConfig, message: str, pages: set[str]) -> Files:
    """Every index page, and each page of the last build (`pages`: a reader's browser
    reloads the page it shows), says what is wrong, `path:line: message` as `briefing
    validate` prints it; the next save that fixes the sheet rebuilds the briefing."""
    listing = "\n".join(f"    {line}" for line in message.splitlines())  # a code block
    page = (
        "# The briefing does not build\n\n"
        f"Fix the sheets below and save: this page reloads by itself.\n\n{listing}\n"
    )
    files.append(File.generated(config, STYLESHEET, content=_stylesheet()))
    for path in sorted(NAV_PATHS | pages):
        if files.get_file_from_path(path) is None:
            inclusion = InclusionLevel.UNDEFINED if path in NAV_PATHS else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=page, inclusion=inclusion))
    if config.nav is None:
        config.nav = _navigation(files)
    return files


def _is_data(src_uri: str) -> bool:
    """Sheets, schemas, state and the sources' texts (the site shows them as pages)."""
    text = src_uri.startswith(f"{TEXTS_DIR}/") and src_uri.endswith(".txt")
    return text or src_uri.endswith(DATA_SUFFIXES) or src_uri.startswith(PRIVATE_FOLDERS)


def _navigation(files: Files) -> list:
    """The index pages, then any hand-written pages, in file order."""
    extra = sorted(
        f.src_uri
        for f in files.documentation_pages()
        if f.generated_by is None and f.src_uri not in NAV_PATHS and f.inclusion.is_in_nav()
    )
    return [*NAV, *extra]
