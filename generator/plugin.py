"""The MkDocs plugin `briefing`: an adapter, nothing more.

It reads and validates `content/` once per build (the docs folder), hands the content to
the page model (`generator.site.pages`), and adds the rendered pages to the build in memory,
the way mkdocs-gen-files does. The fact sheets, their JSON Schemas and the generator's
state are taken out of the file list so they never reach the built site. This is the
only module that imports mkdocs.
"""

from __future__ import annotations

import html
import logging
import os
from functools import cache
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.sheets.store import STATE_DIR, TEXTS_DIR, Content, ContentError, SheetMemo, load_content
from generator.site.pages import Rendered, fill_drawing, render_pages
from generator.site.render import RenderedPage, TemplateProblem, front_matter

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


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's pages to the build; all page logic lives in generator.site.

    The pages come as HTML (`RenderedPage`), with what MkDocs would have learnt converting
    Markdown (`fill_page`): the table of contents, the anchors in the page, and its links,
    checked as MkDocs checks a Markdown page's (a missing page at
    `validation.links.not_found`'s level, a missing anchor by MkDocs itself). An actor's,
    event's or source's page is a `GeneratedPage`, for which MkDocs reads and converts
    nothing; a page of the navigation is MkDocs' own (with the navigation's title), given
    nothing to convert (`on_page_markdown`) and filled in `on_page_content`. Under
    `mkdocs serve` MkDocs keeps this instance from one rebuild to the next (it has
    `on_startup`), and with it the sheets as read (`SheetMemo`): only an edited sheet is
    read again."""

    serving = False

    def __init__(self) -> None:
        super().__init__()
        self.memo = SheetMemo()
        self.pages: dict[str, RenderedPage] = {}  # docs path -> the generated page, this build
        self.drawings: dict[str, str] = {}  # docs path -> the page's drawing, this build
        self.shown: set[str] = set()  # the pages of the last good build (an error shows there)

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
        self.pages, self.drawings = {}, {}
        for file in [f for f in files if _is_data(f.src_uri)]:
            files.remove(file)
        try:
            content = _load(Path(config.docs_dir), self.memo)
            templates = self.templates_dir(config)
            rendered = _render(content, templates, config.use_directory_urls, _permalink(config))
        except PluginError as exc:
            if not self.serving:
                raise
            log.error(str(exc))
            return _error_site(files, config, str(exc), self.shown)
        if not self.config.keep_site_name:
            config.site_name = site_name(content.briefing.topic or content.briefing.title)
        files.append(File.generated(config, STYLESHEET, content=_stylesheet()))
        self.drawings = rendered.drawings
        texts = {path: front_matter(page.meta) for path, page in rendered.pages.items()} | rendered.downloads
        for path, text in texts.items():
            if files.get_file_from_path(path) is not None:
                log.info("briefing: %s is hand-written, so it replaces the generated page", path)
                continue
            inclusion = InclusionLevel.UNDEFINED if path in NAV_PATHS else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=text, inclusion=inclusion)
            files.append(file)
            if path in rendered.pages:
                self.pages[path] = rendered.pages[path]
                if path not in NAV_PATHS:  # MkDocs makes the navigation's pages, with its titles
                    GeneratedPage(rendered.pages[path], file, config)
        self.shown = set(self.pages)
        if config.nav is None:
            config.nav = _navigation(files)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page in the navigation is HTML already: nothing to convert."""
        return "" if self._made_by_mkdocs(page) else markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self._made_by_mkdocs(page):
            return html
        fill_page(page, self.pages[page.file.src_uri], files, config)
        return page.content or ""

    def _made_by_mkdocs(self, page: Page) -> bool:
        """A generated page that MkDocs made a plain Page of (one in the navigation)."""
        return page.file.src_uri in self.pages and not isinstance(page, GeneratedPage)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The page's drawing, into its placeholder in the built page (see `Rendered`)."""
        path = page.file.src_uri
        drawing = self.drawings.get(path) if path in self.pages else None
        return fill_drawing(output, path, drawing) if drawing else output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Rebuild when a template changes (sheets live in docs_dir, watched already)."""
        folder = self.templates_dir(config)
        if folder.is_dir():
            server.watch(str(folder))
        return server


class GeneratedPage(Page):
    """A page the briefing made, already HTML: MkDocs reads no source and converts no
    Markdown for it (`read_source`, `render`; Material's blog plugin makes its pages so),
    and every plugin event runs for it as for any page."""

    def __init__(self, rendered: RenderedPage, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.rendered = rendered

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta, self.markdown = dict(self.rendered.meta), ""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        fill_page(self, self.rendered, files, config)


def fill_page(page: Page, rendered: RenderedPage, files: Files, config: MkDocsConfig) -> None:
    """What MkDocs sets when it converts a page (its HTML, table of contents and anchors),
    from the rendered page, its links checked."""
    page.content = rendered.html
    page.toc = get_toc(rendered.toc)
    page.present_anchor_ids = set(rendered.anchors)
    page.links_to_anchors = _check_links(page.file.src_uri, rendered.links, files, config)


def _permalink(config: MkDocsConfig) -> str:
    """The text of a heading's permalink as the `toc` extension is set in mkdocs.yml
    (`permalink: true` is its pilcrow); empty for none."""
    setting = (config.mdx_configs.get("toc") or {}).get("permalink", False)
    if setting is True:
        return "&para;"
    return str(setting) if setting else ""


def _check_links(source: str, links: frozenset[str], files: Files, config: MkDocsConfig) -> dict:
    """A generated page's links checked as MkDocs checks a Markdown page's: a target that
    is no file of the site is logged at `validation.links.not_found`'s level (a warning
    stops `mkdocs build --strict`); the links with an anchor are returned as MkDocs'
    `Page.links_to_anchors` ({File: {anchor: link}}), which MkDocs checks once every page
    is built."""
    to_anchors: dict[File, dict[str, str]] = {}
    for target in sorted(links):
        path, _, anchor = target.partition("#")
        file = files.get_file_from_path(path)
        if file is None:
            log.log(config.validation.links.not_found,
                    f"Doc file '{source}' contains a link '{target}', but the target '{path}' is "
                    "not found among documentation files.")
        elif anchor:
            to_anchors.setdefault(file, {})[anchor] = target
    return to_anchors


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


def _render(content: Content, templates: Path, directory_urls: bool, permalink: str) -> Rendered:
    try:
        return render_pages(content, templates, directory_urls, permalink)
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
