"""The `briefing` command: a thin Click layer over the library.

Every failure a user can cause ends in one clear message and a non-zero exit, never a
traceback: library errors (ReadError, ContentError, ...) are caught here and printed.

Each command imports its library module inside its own body: the one lazy import the style
allows, at the process edge (as MkDocs' `__main__` defers its build command), so that
`briefing --help` answers in 0.06 s instead of loading spaCy's stack (1.4 s).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from generator import __version__

if TYPE_CHECKING:  # the commands import the library lazily (see above)
    from generator.sheets.store import Content

content_option = click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="The briefing's content folder (default: content/ in the current folder).",
)


jobs_option = click.option(
    "--jobs", "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extract in this many worker processes (each loads the pipeline once; at most one per "
         "article, and per CPU past two); the content written is the same for any number.",
)


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; expected YYYY-MM-DD") from None


articles_argument = click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
published_option = click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date, when one article is given (overrides its metadata).",
)


def _fail(message: str) -> NoReturn:
    """Each line of the message as an error line (several bad inputs: one line each), exit 1."""
    click.echo("\n".join(f"error: {line}" for line in message.splitlines() or [""]), err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn news articles into a briefing website: YAML fact sheets rendered by MkDocs."""


@main.command()
@articles_argument
@published_option
@content_option
@jobs_option
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--explain", is_flag=True, help="Also show which names became one actor, and why.")
def generate(articles: tuple[Path, ...], published: str | None, content: Path, jobs: int, dry_run: bool,
             explain: bool) -> None:
    """Read ARTICLES and write (or merge into) the fact sheets under --content: each
    article is extracted (or its kept extraction reused, see `briefing extract`), then
    all are merged, in the order given, by one writer."""
    from generator.generate import GenerateError, run_generate

    _one_date(published, articles)
    try:
        report = run_generate(list(articles), content, published=published, dry_run=dry_run, jobs=jobs)
    except GenerateError as exc:
        _fail(str(exc))
    click.echo(report.summary(explain=explain))


@main.command()
@articles_argument
@published_option
@content_option
@jobs_option
@click.option("--dask", "scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler's address, or 'local' for a cluster of "
                   "--jobs processes on this machine (needs the dask extra).")
def extract(articles: tuple[Path, ...], published: str | None, content: Path, jobs: int,
            scheduler: str | None) -> None:
    """Extract each of ARTICLES on its own into content/.briefing/extracted/ID.json, the
    records `briefing generate` merges; an article already extracted by this version is
    skipped. Writes nothing else."""
    from generator.batch import extract_to_records
    from generator.sheets.report import GenerateError

    _one_date(published, articles)
    try:
        if scheduler is not None:
            made = _extract_on_dask(list(articles), content, published, scheduler, jobs)
        else:
            made = extract_to_records(list(articles), content, published=published, jobs=jobs)
    except GenerateError as exc:
        _fail(str(exc))
    for line in made:
        click.echo(line)


def _extract_on_dask(articles: list[Path], content: Path, published: str | None, scheduler: str,
                     jobs: int) -> list[str]:
    """The Dask path: the only way to generator.cluster, which imports dask."""
    try:
        from generator.cluster import extract_on_cluster
    except ImportError as exc:
        _fail(str(exc))
    return extract_on_cluster(articles, content, published=published, scheduler=scheduler, workers=jobs)


def _one_date(published: str | None, articles: tuple[Path, ...]) -> None:
    if published and len(articles) > 1:
        _fail("--published applies to one article; with several, each takes its date from its own metadata")


@main.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date (overrides the article's metadata).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def read(article: Path, published: str | None, as_json: bool) -> None:
    """Show what the generator reads from ARTICLE: title, date, body and time expressions."""
    from generator.reading import ReadError, read_article, reading_report

    try:
        report = reading_report(read_article(article, published=published))
    except ReadError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"title: {report['title']} (from {report['title_from']})")
    click.echo(f"published: {report['published']} (from {report['published_from']})")
    for i, paragraph in enumerate(report["paragraphs"]):
        click.echo(f"\n[{i}] {paragraph}")
    click.echo("\ntimes:")
    for t in report["times"]:
        click.echo(f"  [{t['paragraph']}] {t['text']!r} -> {t['value']}")


@main.command()
@content_option
def validate(content: Path) -> None:
    """Check every fact sheet against the schema and the references between sheets
    (the checks `mkdocs build` runs: what passes here builds)."""
    loaded = _load_or_fail(content)
    click.echo(f"{content}: {len(loaded.actors)} actors, {len(loaded.events)} events: valid")


def _load_or_fail(content: Path) -> Content:
    """The validated content, or every located error printed and exit 1."""
    from generator.sheets.store import ContentError, load_content

    if not content.is_dir():
        _fail(f"{content}: no such folder; expected a briefing's content folder")
    try:
        return load_content(content)
    except ContentError as exc:
        click.echo(str(exc), err=True)
        click.echo(f"{len(exc.errors)} error(s) in {content}", err=True)
        sys.exit(1)


@main.command()
@content_option
@click.option(
    "--format", "formats", multiple=True, default=("all",), show_default=True,
    type=click.Choice(["timelinejs", "csv", "geojson", "all"]),
    help="What to write (repeat for several): TimelineJS JSON, CSV tables, GeoJSON.",
)
@click.option("--output", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="The folder to write into (made if missing).")
def export(content: Path, formats: tuple[str, ...], output: Path) -> None:
    """Write the briefing for other tools: timeline.json (TimelineJS), events.csv, actors.csv,
    relations.csv, briefing.geojson."""
    from generator.site.exports import FORMATS
    from generator.site.pages import export_briefing

    loaded = _load_or_fail(content)
    chosen = FORMATS if "all" in formats else tuple(formats)
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, text in export_briefing(loaded, chosen).items():
            (output / name).write_text(text, encoding="utf-8")
            click.echo(f"wrote {output / name}")
    except OSError as exc:
        _fail(f"{exc.filename or output}: cannot write ({exc.strerror})")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
def new(directory: Path) -> None:
    """Make a new briefing project in DIRECTORY (mkdocs.yml and an empty content/)."""
    from generator.project import ProjectError, new_project

    try:
        made = new_project(directory)
    except ProjectError as exc:
        _fail(str(exc))
    for path in made:
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && briefing generate ARTICLE && mkdocs build")


if __name__ == "__main__":
    main()
