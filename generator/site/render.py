"""Templates to HTML: the Jinja2 environment, its escaping, and its link and heading helpers.

Content is written by a machine and corrected by people, and it ends up in a web page. So
every value from content is treated as *text*: autoescape escapes anything that is not
already `Markup` (a name like `<b>x</b>` shows as typed), and content strings are only
ever template *data*, never template source. Links are built only by the helpers below:
`link` knows the page being rendered and writes the URL MkDocs would write for a
`../actors/russia.md` link, and records it, so the plugin checks it as MkDocs checks a
Markdown page's links; `heading` gives a heading its id, its permalink and its place in
the page's table of contents, as Python-Markdown's `toc` extension does.

The templates write HTML, not Markdown. A page of the briefing is structure (an infobox,
tables, lists of links, numbered references), and Python-Markdown took longer to convert it
than Material took to lay out the whole page: at a thousand pages, 37% of `mkdocs build`
(bench/README.md, issue 11). So the plugin hands MkDocs each page as HTML, with what MkDocs
would have learnt converting it (`RenderedPage`).

No mkdocs import here: tests render pages without a build.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup, escape

from generator.site.citations import Citations
from generator.text import ID_PATTERN

_SPACES = re.compile(r"\s+")
_IDS = re.compile(r'\sid="([^"]+)"')
SAFE_SCHEMES = ("http", "https")
BYTECODE_CACHE = FileSystemBytecodeCache()
_PENDING = "\x00heading-"  # marks an id to settle; content text never holds a NUL (escape_text)
PERMALINK_TITLE = "Permanent link"  # Python-Markdown's `toc` default, which Material styles
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"  # the package's own


@dataclass(frozen=True)
class RenderedPage:
    """One page as its template made it: `meta` is MkDocs' `Page.meta` (`page_meta`), the page
    itself is `html`. With it goes what MkDocs learns when it converts a Markdown page: the
    table of contents (`toc`, Python-Markdown's toc tokens: dicts of level, id, name as HTML,
    children), the ids in the page (`anchors`: links from other pages are checked against
    them) and the site paths the page links to (`links`, docs-relative: `actors/russia.md`,
    `sources.md#id`, `downloads/events.csv`)."""

    meta: dict
    html: str
    toc: list[dict]
    anchors: frozenset[str]
    links: frozenset[str]


@dataclass
class PageState:
    """What the helpers collect while one page renders: its headings and the links it makes."""

    path: str  # docs-relative, e.g. "actors/russia.md"
    directory_urls: bool = True
    permalink: str = ""  # the text of a heading's permalink; none when empty
    headings: list[dict] = field(default_factory=list)  # toc tokens, in page order
    explicit: set[str] = field(default_factory=set)  # the ids templates gave headings
    links: set[str] = field(default_factory=set)


def escape_text(value: object) -> Markup:
    """A content value as HTML text, whitespace collapsed to single spaces (a name read from
    a page may hold a newline or a tab), NUL characters dropped (HTML has no use for them)."""
    if isinstance(value, Markup):
        return value
    return escape(_SPACES.sub(" ", str(value)).replace("\x00", ""))


def _finalize(value: object) -> object:
    """Every `{{ expression }}` goes through here: nothing for None, text escaped."""
    if value is None:
        return ""
    return escape_text(value)


@lru_cache(maxsize=65536)
def page_url(target: str, page_path: str, directory_urls: bool = True) -> str:
    """The URL of a page or file of the site seen from a page, as MkDocs writes it for a
    Markdown link: `events/x.md` from `timeline.md` is `../events/x/` with MkDocs'
    `use_directory_urls` and `events/x.html` without; `downloads/a.csv` stays a file; an
    `#anchor` is kept. Kept: a site links the same few pages from many (each event to its
    actors), and `relpath` is slow for what it does."""
    target, hash_, anchor = target.partition("#")

    def url(path: str) -> str:
        if not path.endswith(".md"):
            return path
        stem = path.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    here, there = url(page_path), url(target)
    folder = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    rel = _relative(there.rstrip("/"), folder)
    rel = rel + "/" if there.endswith("/") or not there else rel
    return rel + hash_ + anchor


def _relative(path: str, folder: str) -> str:
    """`posixpath.relpath(path, folder)` for the clean docs-relative paths of a site (no `.`,
    `..` or leading `/`; "" is the root): a thousand-page build asks it ten thousand times,
    and `relpath` makes both paths absolute first."""
    start = folder.split("/") if folder else []
    end = path.split("/") if path else []
    common = 0
    while common < min(len(start), len(end)) and start[common] == end[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + end[common:]) or "."


@pass_context
def link(context: Context, text: object, target: str | None) -> Markup:
    """A link to a page or file of this site (`target`: its docs-relative path, as
    `actors/russia.md` or `sources.md#id`); plain text without a target or to the page itself."""
    page: PageState = context["this_page"]
    if not target or target == page.path:
        return escape_text(text)
    check_target(target)
    page.links.add(target)
    href = page_url(target, page.path, page.directory_urls)
    return Markup(f'<a href="{escape(href)}">{escape_text(text)}</a>')


def check_target(target: object) -> None:
    """ValueError, saying what to write instead, for a link target that is no docs path: a
    web address, a path from the page rather than from content/, a URL rather than a file."""
    expected = "expected a page of the site as its path in content/, such as 'actors/russia.md'"
    if not isinstance(target, str):
        raise ValueError(f"link target {target!r} is not a path; {expected}")
    path = target.partition("#")[0]
    if "://" in target or target.startswith(("//", "mailto:")):
        raise ValueError(f"link target '{target}' is a web address; link one with text|external(url)")
    if target.startswith(("/", "./", "../")):
        raise ValueError(f"link target '{target}' is not a path from content/; {expected}")
    if path.endswith("/"):
        raise ValueError(f"link target '{target}' names a URL, not a page; {expected}")


@pass_context
def heading(context: Context, level: int, text: object, id: str | None = None) -> Markup:
    """`<hN id=...>` with its permalink, entered in the page's table of contents. The id is
    `id` when given (a slug: `anchor`), else made from the text as Python-Markdown's `toc`
    makes it, once the page is rendered (`_settle_ids`), so links into a page stay as they
    were."""
    page: PageState = context["this_page"]
    if level not in range(1, 7):
        raise ValueError(f"a heading's level is 1 to 6, not {level!r}")
    label = escape_text(text)
    if id:
        slug = str(anchor(id))
        page.explicit.add(slug)
    else:
        slug = f"{_PENDING}{len(page.headings)}{_PENDING}"
    page.headings.append({"level": level, "id": slug, "name": str(label), "children": [], "text": str(text)})
    permalink = (f'<a class="headerlink" href="#{slug}" title="{PERMALINK_TITLE}">{page.permalink}</a>'
                 if page.permalink else "")
    return Markup(f'<h{level} id="{slug}">{label}{permalink}</h{level}>')


def _settle_ids(page: PageState, text: str) -> str:
    """The page's HTML with each heading made without an id given its own, as Python-Markdown's
    `toc` does: the ids templates gave stand as given, the others are slugs of their text,
    `_1`, `_2` added where one is taken (`unique`)."""
    taken = set(page.explicit)
    for token in page.headings:
        text_of = token.pop("text")
        if token["id"].startswith(_PENDING):
            slug = unique(slugify(text_of, "-"), taken)
            text = text.replace(token["id"], slug)
            token["id"] = slug
    return text


def safe_url(url: str | None) -> str | None:
    """The url, percent-encoded, when it is http(s); else None.
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
    return Markup(f'<a href="{escape(href)}">{escape_text(text)}</a>')


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
    it), then the package's defaults; autoescape on. TemplateProblem when the folder holds
    a Markdown template of an earlier version (`*.md.j2`), which would no longer be used."""
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    if loaders:
        refuse_markdown_templates(overrides)
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
    env.globals["heading"] = heading
    return env


class TemplateProblem(Exception):
    """A template that does not render, located as `path:line: what is wrong; what was expected`."""


def refuse_markdown_templates(folder: Path) -> None:
    """Templates wrote Markdown before they wrote HTML (`actor.md.j2`, now `actor.html.j2`).
    A project's copy of an old one would be silently passed over, and the change made in it
    lost from the site, so it stops the build and says what to do."""
    old = sorted(folder.glob("*.md.j2"))
    if old:
        names = ", ".join(p.name for p in old)
        wanted = ", ".join(p.name.removesuffix(".md.j2") + ".html.j2" for p in old)
        raise TemplateProblem(
            f"{os.path.relpath(old[0])}:1: Markdown template{'s' if len(old) > 1 else ''} of an earlier "
            f"version ({names}), which would not be used: the briefing's templates write HTML now; "
            f"expected {wanted}: copy the default from {DEFAULT_TEMPLATES} into "
            f"{os.path.relpath(folder)}, make your change again in it, and delete the .md.j2 file"
        )


def _locate(exc: Exception) -> tuple[str, int]:
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


def page_meta(title: str) -> dict:
    """A page's metadata as MkDocs keeps it (`Page.meta`): its title, HTML-escaped (the theme
    prints `page.meta.title` unescaped, and a title is text from an article), and Material's
    left sidebar hidden for more room (the tabs list the index pages already)."""
    return {"title": html.escape(" ".join(title.split())), "hide": ["navigation"]}


def front_matter(meta: dict) -> str:
    """A `page_meta` as a page's front matter (JSON is valid YAML)."""
    # ensure_ascii=False: an emoji as a JSON surrogate pair is no YAML MkDocs can read, and
    # the page would show its front matter as text and lose its title
    return f"---\ntitle: {json.dumps(meta['title'], ensure_ascii=False)}\nhide:\n  - navigation\n---\n\n"


def render_template(
    env: Environment, template: str, page: PageState, title: str, context: dict
) -> RenderedPage:
    """One page: its front matter, and its template filled with its context as HTML, with
    the headings and links the helpers collected. TemplateProblem, located, when the template
    does not render."""
    try:
        body = env.get_template(template).render(
            page_path=page.path, this_page=page, citations=Citations(), **context
        )
    except Exception as exc:  # a template is code a person wrote: any error of it is theirs to fix
        path, line = _locate(exc)
        what = "syntax error" if isinstance(exc, TemplateSyntaxError) else "error"
        message = (exc.message if isinstance(exc, TemplateError) else str(exc)) or type(exc).__name__
        raise TemplateProblem(
            f"{path}:{line}: template {what}: {str(message).rstrip('.')}; expected a Jinja2 template "
            f"using the names the page model gives {template} (its default: {DEFAULT_TEMPLATES / template})"
        ) from exc
    text = _settle_ids(page, re.sub(r"\n{2,}", "\n", body).strip() + "\n")
    return RenderedPage(
        meta=page_meta(title),
        html=text,
        toc=nest_toc_tokens(page.headings),
        anchors=frozenset(_IDS.findall(text)),
        links=frozenset(page.links),
    )
