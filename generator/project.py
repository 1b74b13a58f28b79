"""`briefing new DIR`: a new briefing project that builds at once.

A user should not need a clone of this repository to start a briefing: this writes the
few files a project needs (mkdocs.yml, content/ with its JSON Schemas,
templates/ for overrides), so `briefing new DIR && cd DIR && mkdocs build --strict`
works before any article is read. No briefing.yml is written: until the generator writes
one, the site takes its title from the folder, and a placeholder written here would be
kept by the merge as if a person had written it.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.sheets.store import export_json_schemas

MKDOCS_YML = """\
# The briefing site. `mkdocs build --strict` renders content/ (the fact sheets) through the
# `briefing` plugin; `mkdocs serve` reloads when a sheet or a template changes.
site_name: {site_name}
docs_dir: content
# The plugin puts only the index pages in the navigation; actor and event pages are
# reached by links. Add a `nav:` here to choose your own.

theme:
  name: material
  features:
    - navigation.tabs
    - navigation.top
    - navigation.footer
    - search.highlight
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

plugins:
  - search
  - briefing   # options: templates: templates (a folder next to this file);
               # keep_site_name: false (true: site_name above, not the briefing's topic or title)

watch:
  - templates

markdown_extensions:
  - attr_list
  - tables
  - admonition
  - toc:
      permalink: true

validation:
  nav:
    omitted_files: info
    not_found: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
"""

TEMPLATES_README = """\
# Templates

A file here named like one of the `briefing` plugin's default templates (`home.html.j2`,
`background.html.j2`, `timeline.html.j2`, `map.html.j2`, `actors.html.j2`, `actor.html.j2`,
`events.html.j2`, `event.html.j2`, `sources.html.j2`, `source.html.j2`, `_macros.html.j2`;
they ship in the package's `generator/templates/`) replaces it. Copy a default here and
edit the copy.

Templates write HTML (every `{{ value }}` is escaped): make links to the site's pages with
`link(text, "actors/russia.md")`, headings with `heading(2, text)` (its id, permalink and
place in the table of contents), links to original articles with `text|external(url)`, and
citations with the `cite` and `references` macros of `_macros.html.j2`. A link's path is
from `content/`. Never mark a value from content `|safe`: it comes from an article. A
template of an earlier version (`actor.md.j2`, which wrote Markdown) stops the build:
copy the default `actor.html.j2` and make the change again in it. The whole guide is
`templates/README.md` in the briefing-generator repository.
"""


class ProjectError(Exception):
    """A project cannot be made here; the message says why and where."""


def new_project(directory: Path) -> list[Path]:
    """Make a briefing project in `directory` (new or empty); returns the files written."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ProjectError(
            f"{directory}: not an empty folder; expected a new or empty folder for the project"
        )
    content = directory / "content"
    content.mkdir(parents=True, exist_ok=True)
    title = directory.resolve().name or "Briefing"
    written = [
        _write(directory / "mkdocs.yml", MKDOCS_YML.format(site_name=json.dumps(title, ensure_ascii=False))),
        _write(directory / "templates" / "README.md", TEMPLATES_README),
    ]
    return written + export_json_schemas(content)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
