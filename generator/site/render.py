"""Templates to Markdown: the Jinja2 environment, its escaping, and its link helpers.

Content is written by a machine and corrected by people, and it ends up inside Markdown
that becomes HTML. So every value from content is treated as *text*: the environment's
`finalize` hook escapes anything that is not already `Markup` for HTML and for Markdown
alike (a name like `**bold**` or `[x](javascript:...)` shows as typed and never becomes
markup), and content strings are only ever template *data*, never template source.
Links are built only by the helpers below, which know the page being rendered and so
write relative links (`../actors/russia.md`) that MkDocs resolves and `--strict` checks.

No mkdocs import here: tests render pages without a build.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generator.site.citations import Citations
from generator.text import ID_PATTERN

# Characters that mean something to Markdown (or its extensions: attr_list braces, tables'
# pipes, emoji colons, setext underlines, list markers) or to HTML. Each becomes a numeric
# entity, which Markdown passes through untouched and the browser shows as the character.
_SPECIAL = "\\`*_{}[]()<>#+-.!|~:^=$&\"'"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_SPACES = re.compile(r"\s+")
SAFE_SCHEMES = ("http", "https")
BYTECODE_CACHE = FileSystemBytecodeCache()


def escape_text(value: object) -> Markup:
    """A content value as inert Markdown text: whitespace collapsed to single spaces (a
    newline must not start a list or a heading), every special character an entity."""
    if isinstance(value, Markup):
        return value
    return Markup(_SPACES.sub(" ", str(value)).translate(_ENTITIES))


def _finalize(value: object) -> object:
    """Every `{{ expression }}` goes through here: escape unless a helper made it Markup."""
    if value is None:
        return ""
    return escape_text(value)


@lru_cache(maxsize=65536)
def relative_path(target: str, page_path: str) -> str:
    """The link from one generated page to another, both as docs-relative .md paths. Kept:
    a site links the same few pages from many (each event to its actors), and `relpath` is
    slow for what it does."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def page_url(target: str, page_path: str, directory_urls: bool = True) -> str:
    """The URL of a generated page seen from another, for raw HTML (an SVG's links), which
    MkDocs does not rewrite as it does Markdown links: `events/x.md` from `timeline.md` is
    `../events/x/` with MkDocs' `use_directory_urls` and `events/x.html` without."""

    def url(path: str) -> str:
        stem = path.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    here, there = url(page_path), url(target)
    folder = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there.rstrip("/") or ".", folder or ".")
    return rel + "/" if there.endswith("/") or not there else rel


@pass_context
def link(context: Context, text: object, target: str | None) -> Markup:
    """`[text](relative .md path)` to a page of this site; plain text without a target."""
    if not target or target == context["page_path"]:
        return escape_text(text)  # no target, or the page itself
    return Markup(f"[{escape_text(text)}]({relative_path(target, context['page_path'])})")


def safe_url(url: str | None) -> str | None:
    """The url, percent-encoded for a Markdown link, when it is http(s); else None.
    `javascript:`, `data:` and friends must never become a link."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # the schema takes any text as a url, "http://[::1" included
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&+,;=%-.~")


def external_link(text: object, url: str | None) -> Markup:
    """A link to an original page when its url is http(s); the text alone otherwise."""
    href = safe_url(url)
    if href is None:
        return escape_text(text)
    return Markup(f"[{escape_text(text)}]({href})")


def anchor(value: str) -> Markup:
    """An id used as an HTML anchor; ids are slugs, anything else is refused loudly."""
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(f"'{value}' is not a slug and cannot be an anchor")
    return Markup(value)


def join_markup(items: Iterable[object], separator: str = ", ") -> Markup:
    """Join values (links or text) without losing their escaping."""
    return Markup(separator).join(escape_text(i) for i in items)


def make_environment(overrides: Path | None = None) -> Environment:
    """Templates from the project's folder first (a file named like a default replaces
    it), then the package's defaults; autoescape on, escaping for Markdown too."""
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("generator", "templates")]),
        # compiled templates kept between builds (Jinja's per-user temporary folder; a
        # template's source is checksummed, so an edited one is compiled again)
        bytecode_cache=BYTECODE_CACHE,
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = escape_text
    env.filters["external"] = external_link
    env.filters["join_markup"] = join_markup
    env.filters["anchor"] = anchor
    env.filters["safe_url"] = safe_url
    env.globals["link"] = link
    return env


class TemplateProblem(Exception):
    """A template that does not render, located as `path:line: what is wrong; what was expected`."""


def _locate(exc: TemplateError) -> tuple[str, int]:
    """The template file and line an error comes from: Jinja puts template frames into
    the traceback under the template's file name."""
    place = ("<template>", 1)
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        place = (exc.filename, exc.lineno)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            place = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    try:
        return os.path.relpath(place[0]), place[1]
    except ValueError:
        return place  # another drive, on Windows


def front_matter(title: str) -> str:
    """The page title as front matter. MkDocs' theme templates print `page.meta.title`
    without escaping, so the title is HTML-escaped here; JSON is valid YAML. The tabs
    already list the index pages, so Material's left sidebar is hidden for more room."""
    # ensure_ascii=False: an emoji as a JSON surrogate pair is no YAML MkDocs can read, and
    # the page would show its front matter as text and lose its title
    escaped = json.dumps(html.escape(" ".join(title.split())), ensure_ascii=False)
    return f"---\ntitle: {escaped}\nhide:\n  - navigation\n---\n\n"


def render_template(env: Environment, template: str, page_path: str, title: str, context: dict) -> str:
    """One page's Markdown: its front matter, then its template filled with its context."""
    try:
        body = env.get_template(template).render(page_path=page_path, citations=Citations(), **context)
    except TemplateError as exc:
        path, line = _locate(exc)
        what = "syntax error" if isinstance(exc, TemplateSyntaxError) else "error"
        raise TemplateProblem(
            f"{path}:{line}: template {what}: {exc.message}; a Jinja2 template using the names "
            f"the page model gives {template} (see the default in generator/templates/)"
        ) from exc
    return front_matter(title) + re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
