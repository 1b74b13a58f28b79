"""Many articles at once: each article extracted on its own into a record kept under
content/.briefing/extracted/, reused while the article and the extractor are unchanged;
`--jobs N` worker processes that write the same bytes as one; `briefing extract`.

The quick tests stand in a hand-built extraction (worker processes are forked, so they
see it too); the slow ones run the real pipeline on invented articles.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from generator import batch
from generator import generate as gen
from generator.cli import main
from generator.extraction import Extraction, record
from generator.reading import read_article
from generator.schema import Actor, Briefing, Claim, Event, Participant, Relation, Source, SourceRef
from generator.sheets import plan as plan_module
from generator.sheets.store import load_content
from tests.paths import ROOT

ARTICLES = {
    "talks": """Ruritania and Freedonia hold talks in Strelsau

Foreign minister Anna Berg of Ruritania met Freedonia's envoy Rufus Firefly in Strelsau on \
Monday for talks on the border, the Ruritanian government said.

Berg said the talks would continue next week. Firefly called the meeting useful.
""",
    "border": """Border clash between Ruritania and Freedonia

Ruritanian and Freedonian troops clashed near the border town of Zenda on Tuesday, the \
Ruritanian army said. Two soldiers were wounded.

Anna Berg accused Freedonia of breaking the truce. Freedonia denied the accusation.
""",
    "summit": """Leaders agree to meet after clash

The leaders of Ruritania and Freedonia agreed on Wednesday to meet in Geneva next month, \
Ruritanian foreign minister Anna Berg said.

The United Nations welcomed the decision. Rufus Firefly said Freedonia wanted peace.
""",
    "trade": """Freedonia halts trade with Ruritania

Freedonia suspended all trade with Ruritania on Thursday after the border clash, its \
trade ministry said.

Ruritanian farmers protested in Strelsau against the ban. Anna Berg called it a mistake.
""",
}


def write_articles(folder: Path, names: list[str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or list(ARTICLES):
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name], encoding="utf-8")
        (folder / f"{name}.txt.meta.yml").write_text("published: 2024-05-06\n", encoding="utf-8")
        paths.append(path)
    return paths


def files_of(content: Path, skip: tuple[str, ...] = ("lock",)) -> dict[str, bytes]:
    """Every file under content/ with its bytes (the lock file aside)."""
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and p.name not in skip}


# --- a hand-built extraction ---------------------------------------------------------


def stand_in(articles) -> Extraction:
    """Per article: Ruritania and a person named after the article, one event."""
    (article,) = articles
    ref = [SourceRef(article=article.id, quote=article.paragraphs[0])]
    person = f"{article.id}-speaker"
    actors = {
        "ruritania": Actor(id="ruritania", name="Ruritania", kind="country", sources=ref,
                           claims=[Claim(text=f"Ruritania on {article.id}.", by=["ruritania"], sources=ref)]),
        person: Actor(id=person, name=f"{article.id.title()} Speaker", kind="person", sources=ref,
                      relations=[Relation(type="member-of", target="ruritania", sources=ref)]),
    }
    events = {f"{article.id}-talks": Event(
        id=f"{article.id}-talks", title=f"Talks on {article.id}", kind="consult", date="2024-05-06",
        participants=[Participant(actor="ruritania", role="party"), Participant(actor=person)], sources=ref)}
    briefing = Briefing(title=article.title, published=article.published, sources=[
        Source(id=article.id, title=article.title, path="elsewhere/" + article.path.name,
               published=article.published, published_from=article.published_from)])
    return Extraction(briefing=briefing, actors=actors, events=events, unresolved=[f"{article.id}: a note"],
                      apart=[("ruritania", person, "a reason")])


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """The stand-in extraction; the ids of the articles it was called on, in this process."""
    made: list[str] = []

    def extract(articles, nlp):
        made.extend(a.id for a in articles)
        return stand_in(articles)

    monkeypatch.setattr(batch, "load_pipeline", lambda: object())
    monkeypatch.setattr(record, "extract", extract)
    return made


# --- the record ------------------------------------------------------------------------


def test_a_record_gives_back_the_extraction_it_was_made_from(tmp_path):
    (path,) = write_articles(tmp_path, ["talks"])
    extraction = stand_in([read_article(path)])
    text = record.record_text("talks", "k" * 64, extraction)
    assert record.read_record(text, "talks", "k" * 64) == extraction
    assert '"version": 1' in text and '"article": "talks"' in text


def test_a_record_of_another_article_key_or_version_or_broken_is_not_read(tmp_path):
    (path,) = write_articles(tmp_path, ["talks"])
    text = record.record_text("talks", "k" * 64, stand_in([read_article(path)]))
    assert record.read_record(text, "border", "k" * 64) is None
    assert record.read_record(text, "talks", "j" * 64) is None
    other_version = text.replace('"version": 1', '"version": 2')
    assert record.read_record(other_version, "talks", "k" * 64) is None
    assert record.read_record(text[: len(text) // 2], "talks", "k" * 64) is None
    invalid = text.replace('"kind": "country"', '"kind": "planet"')
    assert record.read_record(invalid, "talks", "k" * 64) is None


def test_the_key_follows_the_article_as_read_not_its_path(tmp_path):
    (path,) = write_articles(tmp_path / "a", ["talks"])
    article = read_article(path)
    key = record.article_key(article, "x")
    moved = tmp_path / "b" / "talks.txt"
    moved.parent.mkdir()
    shutil.copy(path, moved)
    shutil.copy(path.with_name("talks.txt.meta.yml"), moved.with_name("talks.txt.meta.yml"))
    assert record.article_key(read_article(moved), "x") == key
    assert record.article_key(read_article(path, published="2024-05-07"), "x") != key
    path.write_text(ARTICLES["talks"].replace("Monday", "Sunday"), encoding="utf-8")
    assert record.article_key(read_article(path), "x") != key
    assert record.article_key(article, "y") != key


def test_the_extractor_key_follows_the_rules_and_the_code(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    shutil.copytree(record.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(record, "PACKAGE", package)
    key = record.extractor_key.__wrapped__()
    (package / "site" / "labels.py").write_text("# the site is not the extractor\n", encoding="utf-8")
    assert record.extractor_key.__wrapped__() == key
    rules = package / "data" / "events_triggers.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    changed_rule = record.extractor_key.__wrapped__()
    assert changed_rule != key
    code = package / "extraction" / "claims.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# changed code\n", encoding="utf-8")
    assert record.extractor_key.__wrapped__() not in (key, changed_rule)


# --- reuse ---------------------------------------------------------------------------


def test_an_unchanged_article_is_not_extracted_again(tmp_path, calls):
    paths = write_articles(tmp_path / "in", ["talks", "border"])
    content = tmp_path / "content"
    gen.run_generate(paths, content)
    assert calls == ["talks", "border"]
    records = sorted(p.name for p in (content / ".briefing" / "extracted").iterdir())
    assert records == ["border.json", "talks.json"]
    before = files_of(content)
    report = gen.run_generate(paths, content)
    assert calls == ["talks", "border"], "the second run called the pipeline"
    assert report.written == [] and files_of(content) == before
    paths[1].write_text(ARTICLES["border"].replace("Tuesday", "Wednesday"), encoding="utf-8")
    gen.run_generate(paths, content)
    assert calls == ["talks", "border", "border"], "only the changed article is extracted again"


def test_a_record_made_from_another_folder_serves_with_this_path(tmp_path, calls, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = write_articles(tmp_path / "one", ["talks"])
    second = write_articles(tmp_path / "two", ["talks"])
    content = tmp_path / "content"
    gen.run_generate(first, content)
    gen.run_generate(second, content)
    assert calls == ["talks"]
    assert "path: two/talks.txt" in (content / "briefing.yml").read_text(encoding="utf-8")


def test_a_dry_run_keeps_no_record(tmp_path, calls):
    paths = write_articles(tmp_path / "in", ["talks"])
    gen.run_generate(paths, tmp_path / "content", dry_run=True)
    assert not (tmp_path / "content").exists()


# --- workers -------------------------------------------------------------------------


def test_two_workers_write_the_same_bytes_as_one(tmp_path, calls):
    paths = write_articles(tmp_path / "in")
    one, two = tmp_path / "one", tmp_path / "two"
    gen.run_generate(paths, one, jobs=1)
    gen.run_generate(paths, two, jobs=2)
    assert files_of(one) == files_of(two)
    assert calls == list(ARTICLES), "the workers did the work, in their own processes"


def edit_then_regenerate(tmp_path: Path, jobs: int, old: str, new: str) -> tuple[Path, gen.GenerateReport]:
    """`talks` generated, a person's edit of actors/ruritania.yml (`old` to `new`), then
    `talks` and `border` generated again, with `jobs` workers: the content and the report."""
    first, second = write_articles(tmp_path / "in", ["talks", "border"])
    content = tmp_path / f"content-{jobs}"
    gen.run_generate([first], content, jobs=jobs)
    sheet = content / "actors" / "ruritania.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return content, gen.run_generate([first, second], content, jobs=jobs)


def test_a_persons_comment_survives_a_merge_rendered_by_the_workers(tmp_path, calls):
    """New sheets go to the workers as plain data; a sheet on disk goes as it was merged,
    so the comment a person wrote in it is written back by the workers as by one process."""
    texts = {}
    for jobs in (1, 2):
        content, _ = edit_then_regenerate(tmp_path, jobs, "\nname: Ruritania\n",
                                          "\nname: Ruritania  # checked against the atlas\n")
        texts[jobs] = (content / "actors" / "ruritania.yml").read_text(encoding="utf-8")
        assert "name: Ruritania  # checked against the atlas\n" in texts[jobs]
        assert "Ruritania on border." in texts[jobs], "the sheet was merged, not left as it was"
        assert (content / "actors" / "border-speaker.yml").is_file()
    assert texts[1] == texts[2]


def test_a_hand_edit_left_invalid_is_reported_alike_when_a_worker_checks_the_content(tmp_path, calls):
    """With workers, one of them checks the content while this process writes it: the
    problems it finds are the ones a check of the written files finds."""
    problems = {}
    for jobs in (1, 2):
        content, report = edit_then_regenerate(tmp_path, jobs, "kind: country", "kind: kingdom")
        problems[jobs] = report.problems
        assert (content / "actors" / "border-speaker.yml").is_file(), "the run wrote its sheets"
    assert len(problems[1]) == 1 and "ruritania.yml" in problems[1][0] and "kingdom" in problems[1][0]
    assert [p.replace("content-2", "content-1") for p in problems[2]] == problems[1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_kept_text_a_person_broke_is_written_again_and_never_a_traceback(tmp_path, calls, jobs):
    """A kept article text that is no longer UTF-8: the same article is still known as itself,
    its text is written again, and the content checked is the content written."""
    (talks,) = write_articles(tmp_path / "in", ["talks"])
    content = tmp_path / "content"
    gen.run_generate([talks], content, jobs=jobs)
    kept = content / "sources" / "talks.txt"
    kept.write_bytes(kept.read_bytes() + b"\n\xe9\n")
    report = gen.run_generate([talks], content, jobs=jobs)
    assert report.problems == [] and kept.read_text(encoding="utf-8") == read_article(talks).text + "\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_once_the_content_is_written_says_so(tmp_path, calls, monkeypatch, jobs):
    (talks,) = write_articles(tmp_path / "in", ["talks"])

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(gen, "explain_all", interrupt)
    with pytest.raises(gen.GenerateError, match="interrupted after the content was written; `briefing"):
        gen.run_generate([talks], tmp_path / "content", jobs=jobs)
    assert (tmp_path / "content" / "sources" / "talks.txt").is_file()


def test_ctrl_c_after_the_sheets_are_written_says_what_the_next_run_does(tmp_path, calls, monkeypatch):
    (talks,) = write_articles(tmp_path / "in", ["talks"])

    def interrupt(texts, report):
        raise KeyboardInterrupt

    monkeypatch.setattr(gen, "write_texts", interrupt)
    with pytest.raises(gen.GenerateError, match="interrupted after the sheets were written; the next run"):
        gen.run_generate([talks], tmp_path / "content")
    assert (tmp_path / "content" / "actors" / "ruritania.yml").is_file()


def test_an_article_whose_extraction_fails_is_named_and_nothing_is_written(tmp_path, monkeypatch):
    paths = write_articles(tmp_path / "in")

    def extract(articles, nlp):
        if articles[0].id == "summit":
            raise ValueError("a pass broke")
        return stand_in(articles)

    monkeypatch.setattr(batch, "load_pipeline", lambda: object())
    monkeypatch.setattr(record, "extract", extract)
    for jobs in (1, 2):
        content = tmp_path / f"content-{jobs}"
        with pytest.raises(gen.GenerateError) as failed:
            gen.run_generate(paths, content, jobs=jobs)
        expected = f"{paths[2]}: extraction failed (ValueError: a pass broke); nothing was merged"
        assert str(failed.value) == expected
        assert not content.exists()


def test_an_interrupted_extraction_changes_nothing(tmp_path, calls, monkeypatch):
    paths = write_articles(tmp_path / "in")
    content = tmp_path / "content"
    gen.run_generate(paths[:1], content)
    before = files_of(content)

    def interrupted(articles, nlp):
        raise KeyboardInterrupt

    monkeypatch.setattr(record, "extract", interrupted)
    with pytest.raises(gen.GenerateError, match="interrupted before any sheet was written"):
        gen.run_generate(paths, content)
    assert files_of(content) == before


STOPPED_BY_CTRL_C = """
import sys, time
from generator import batch
from generator.cli import main
from generator.extraction import record

def slow(articles, nlp):
    time.sleep(60)

batch.load_pipeline = lambda: object()
record.extract = slow
sys.argv = ["briefing", *sys.argv[1:]]
main()
"""


def die(*args, **kwargs):
    """What a worker the system kills (out of memory, say) does: stop at once."""
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize(("where", "said", "written"), [
    ("extract", "while extracting; nothing was merged", False),
    ("render", "while making the sheets' texts; the content is unchanged", False),
    ("check", "while checking the content, which is written; `briefing validate` checks it", True),
])
def test_a_worker_that_dies_stops_the_run_with_one_line_not_a_wait(tmp_path, calls, monkeypatch, where, said,
                                                                     written):
    paths = write_articles(tmp_path / "in", ["talks", "border"])
    if where == "extract":
        monkeypatch.setattr(record, "extract", die)
    else:  # a worker resolves the function it is sent by name: the stand-in must be both
        name = {"render": "render_text", "check": "validation_problems"}[where]
        monkeypatch.setattr(batch, name, die)
        monkeypatch.setattr(plan_module, name, die)
    content = tmp_path / "content"
    with pytest.raises(gen.GenerateError) as stopped:
        gen.run_generate(paths, content, jobs=2)
    assert str(stopped.value) == f"a worker process stopped (killed, or out of memory?) {said}"
    assert (content / "actors" / "ruritania.yml").is_file() == written
    assert not list(content.rglob(".*.tmp")), "no staged file is left behind"
    assert multiprocessing.active_children() == [], "no worker outlives the run"


@pytest.mark.slow
def test_ctrl_c_stops_the_workers_and_changes_nothing(tmp_path):
    """Ctrl-C reaches the whole process group, as in a terminal: the workers ignore it,
    the parent stops them and says so in one line; nothing is written."""
    paths = write_articles(tmp_path / "in")
    content = tmp_path / "content"
    run = subprocess.Popen([sys.executable, "-c", STOPPED_BY_CTRL_C, "generate", "--jobs", "2",
                            "--content", str(content), *map(str, paths)], cwd=ROOT, start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 1, err
    assert err == "error: interrupted before any sheet was written; the content is unchanged\n"
    assert not content.exists()
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # no worker left behind
        os.killpg(run.pid, 0)


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_do_not_outlive_a_killed_run(tmp_path, how):
    """A run killed outright runs no `finally`: its workers notice it gone and exit, rather
    than wait for work for ever with the caller's output pipes open."""
    paths = write_articles(tmp_path / "in")
    run = subprocess.Popen([sys.executable, "-c", STOPPED_BY_CTRL_C, "generate", "--jobs", "2",
                            "--content", str(tmp_path / "content"), *map(str, paths)], cwd=ROOT,
                           start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    workers = children_of(run.pid)
    assert len(workers) == 2, "the two workers are extracting"
    run.send_signal(how)
    run.wait(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(map(alive, workers)):
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # a failure must not leave them behind either
        os.kill(int(pid), signal.SIGKILL)
    assert left == []


def proc_stat(pid: str) -> list[str]:
    """A process's /proc stat fields after its name: state, parent, ... ([] when gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def children_of(parent: int) -> list[str]:
    return [pid for pid in os.listdir("/proc") if pid.isdigit() and proc_stat(pid)[1:2] == [str(parent)]]


def alive(pid: str) -> bool:
    return proc_stat(pid)[:1] not in ([], ["Z"])  # a zombie has exited


# --- `briefing extract` ----------------------------------------------------------------


def test_extract_writes_only_the_records_that_generate_then_merges(tmp_path, calls):
    paths = write_articles(tmp_path / "in", ["talks", "border"])
    content = tmp_path / "content"
    result = CliRunner().invoke(main, ["extract", "--jobs", "2", "--content", str(content), *map(str, paths)])
    assert result.exit_code == 0, result.output
    extracted = content / ".briefing" / "extracted"
    assert result.output.splitlines() == [f"{extracted / 'talks.json'} (extracted)",
                                          f"{extracted / 'border.json'} (extracted)"]
    assert sorted(str(p.relative_to(content)) for p in content.rglob("*") if p.is_file()) == \
        [".briefing/extracted/border.json", ".briefing/extracted/talks.json"]
    again = CliRunner().invoke(main, ["extract", "--content", str(content), *map(str, paths)])
    assert again.output.count("(kept: unchanged)") == 2
    generated = CliRunner().invoke(main, ["generate", "--content", str(content), *map(str, paths)])
    assert generated.exit_code == 0, generated.output
    assert calls == [], "the workers extracted; generate only merged"
    assert (content / "events" / "talks-talks.yml").is_file()


def test_extract_refuses_a_bad_input_before_any_work(tmp_path, calls):
    paths = write_articles(tmp_path / "in", ["talks"])
    result = CliRunner().invoke(main, ["extract", "--content", str(tmp_path / "c"), str(paths[0]),
                                       str(tmp_path / "missing.txt")])
    assert result.exit_code == 1 and "missing.txt: no such file" in result.output
    assert calls == [] and not (tmp_path / "c").exists()


# --- the real pipeline -----------------------------------------------------------------


@pytest.mark.slow
def test_two_workers_write_the_same_bytes_as_one_with_the_real_pipeline(tmp_path):
    paths = write_articles(tmp_path / "in")
    one, two = tmp_path / "one", tmp_path / "two"
    first = gen.run_generate(paths, one, jobs=1)
    second = gen.run_generate(paths, two, jobs=2)
    assert files_of(one) == files_of(two)
    assert first.summary(explain=True) == second.summary(explain=True).replace(str(two), str(one))
    assert len(list((one / "events").glob("*.yml"))) >= 4


@pytest.mark.slow
def test_articles_together_make_what_they_make_one_by_one(tmp_path):
    """`generate A B C D` folds each article's extraction in turn: the same sheets, the
    same briefing, the same state and records as four runs of one article each. (Only the
    layout may differ: a run that updates a sheet on disk keeps the quoting of a value the
    sheet had, where a fresh sheet is written in the generator's own.)"""
    paths = write_articles(tmp_path / "in")
    together, apart = tmp_path / "together", tmp_path / "apart"
    gen.run_generate(paths, together)
    for path in paths:
        gen.run_generate([path], apart)
    assert sheets_of(together) == sheets_of(apart)
    kept = {name: data for name, data in files_of(together).items() if not name.endswith(".yml")}
    assert kept == {name: data for name, data in files_of(apart).items() if not name.endswith(".yml")}
    assert ".briefing/state.json" in kept and "anna-berg" in sheets_of(together)


def sheets_of(content: Path) -> dict:
    """Every sheet's data, as validated."""
    loaded = load_content(content)
    sheets = {**loaded.actors, **loaded.events, "briefing.yml": loaded.briefing}
    return {key: sheet.model_dump() for key, sheet in sheets.items()}


@pytest.mark.slow
def test_a_second_run_of_the_same_articles_changes_no_byte(tmp_path):
    paths = write_articles(tmp_path / "in")
    content = tmp_path / "content"
    gen.run_generate(paths, content, jobs=2)
    before = files_of(content)
    again = gen.run_generate(paths, content, jobs=2)
    assert again.written == [] and files_of(content) == before


def test_a_terminal_sees_a_progress_bar_counting_paragraphs(tmp_path, calls, monkeypatch):
    shown = io.StringIO()
    monkeypatch.setattr(batch, "Console", lambda stderr: Console(file=shown, force_terminal=True, width=100,
                                                                 color_system=None))
    paths = write_articles(tmp_path / "in", ["talks", "border"])
    gen.run_generate(paths, tmp_path / "content")
    paragraphs = sum(len(read_article(p).paragraphs) for p in paths)
    assert "extracting from 2 articles" in shown.getvalue()
    assert f"{paragraphs}/{paragraphs} paragraphs" in shown.getvalue()
