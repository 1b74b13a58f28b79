"""`briefing generate` end to end: the issue-4 scenario with the real pipeline, the seven
kinds of bad input, dry runs, the lock, several articles, and runs killed mid-write.

Tests that load the spaCy pipeline or start the command in a subprocess are marked slow
(they still run by default); the others stand in a small hand-built extraction.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from generator import batch
from generator import generate as gen
from generator.cli import main
from generator.extraction import Extraction, record
from generator.reading import read_article
from generator.schema import Actor, Briefing, Claim, Event, Participant, Source, SourceRef
from generator.sheets import plan as plan_module
from generator.sheets.fold import Merge
from generator.sheets.state import content_lock
from generator.sheets.store import STATE_DIR, load_content, round_trip_yaml, sheet_text, source_text_file
from tests.paths import ROOT

ARTICLE_A = """Russia hosts ceasefire talks between Armenia and Azerbaijan

The foreign ministers of Armenia and Azerbaijan met in Moscow on Friday for ceasefire talks, \
the Russian government said. Russia has mediated in the conflict over Nagorno-Karabakh for years.

Heavy fighting broke out on September 27 between Armenian and Azerbaijani forces. Turkey \
supports Azerbaijan in the conflict.

Armenia accused Azerbaijan of shelling civilian areas on Thursday. Azerbaijan denied the accusation.
"""

ARTICLE_B = """Ceasefire agreed in Moscow after talks

Armenia and Azerbaijan agreed to a ceasefire after talks in Moscow on Friday, the Russian \
foreign minister Sergei Lavrov said. The talks lasted ten hours.

Fighting between Armenian and Azerbaijani forces began on September 27. France and the United \
States called for an end to the fighting on Wednesday.
"""

BRIEFING = [sys.executable, "-m", "generator.cli"]


def snapshot(content: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under content/ with its bytes and modification time."""
    return {str(p.relative_to(content)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(content.rglob("*")) if p.is_file()}


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def output_of(result) -> str:
    return result.output + (getattr(result, "stderr", "") or "")


# --- a small hand-built extraction, for tests that need no pipeline -------------------


def fake_extraction(articles) -> Extraction:
    """Two actors and one event per article, quoting the article's first paragraph."""
    actors: dict[str, Actor] = {}
    events: dict[str, Event] = {}
    sources = []
    for article in articles:
        quote = article.paragraphs[0]
        ref = [SourceRef(article=article.id, quote=quote)]
        actors.setdefault("russia", Actor(id="russia", name="Russia", kind="country", sources=[]))
        actors["russia"].sources += ref
        actors["russia"].claims.append(Claim(text=f"Talks in {article.id}.", by=["russia"], sources=ref))
        actors.setdefault("armenia", Actor(id="armenia", name="Armenia", kind="country", sources=ref))
        events[f"talks-{article.id}"] = Event(
            id=f"talks-{article.id}", title=f"Talks {article.id}", kind="consult", date="2020-10-09",
            participants=[Participant(actor="russia", role="mediator"), Participant(actor="armenia")],
            sources=ref)
        sources.append(Source(id=article.id, title=article.title, path=str(article.path),
                              published=article.published, published_from=article.published_from))
    briefing = Briefing(title=articles[0].title, published=articles[0].published, sources=sources)
    return Extraction(briefing=briefing, actors=actors, events=events, unresolved=[])


@pytest.fixture
def fake(monkeypatch):
    """The pipeline and the extraction replaced by the hand-built one above."""

    monkeypatch.setattr(batch, "load_pipeline", lambda: object())
    monkeypatch.setattr(record, "extract", lambda articles, nlp: fake_extraction(articles))


@pytest.fixture
def articles(tmp_path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


@pytest.fixture
def existing(tmp_path, fake, articles) -> Path:
    """A briefing already generated (by the stand-in extraction) from article a."""
    content = tmp_path / "content"
    result = invoke("generate", str(articles[0]), "--published", "2020-10-10", "--content", str(content))
    assert result.exit_code == 0, output_of(result)
    return content


# --- bad input: a clear error naming it, exit 1, nothing written -------------------------


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "bad"
    folder.mkdir()
    made = {
        "missing": (folder / "missing.txt", "no such file"),
        "directory": (folder, "is a directory"),
        "empty": (folder / "empty.txt", "is empty"),
        "blank": (folder / "blank.txt", "blank"),
        "binary": (folder / "binary.txt", "binary"),
        "not-utf8": (folder / "noise.txt", "cannot be detected with confidence"),
        "not-english": (folder / "german.txt", "German"),
        "too-large": (folder / "large.txt", "too large"),
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "noise.txt").write_bytes(bytes((i * 97 + 131) % 128 + 128 for i in range(3000)))
    (folder / "german.txt").write_text(
        "Gespräche in Moskau\n\nDie Regierungen von Armenien und Aserbaidschan haben zugesagt, am "
        "Freitag nach Moskau zu kommen, um über eine Waffenruhe zu sprechen, teilte die russische "
        "Regierung mit. Russland vermittelt seit Jahren in dem Konflikt zwischen den beiden "
        "ehemaligen Sowjetrepubliken über die umstrittene Enklave Bergkarabach.\n", encoding="utf-8")
    (folder / "large.txt").write_text(ARTICLE_A * 3000, encoding="utf-8")
    return made


def test_each_bad_input_is_refused_and_changes_nothing(tmp_path, existing, articles):
    before = snapshot(existing)
    for kind, (path, expected) in bad_inputs(tmp_path).items():
        result = invoke("generate", str(articles[1]), str(path), "--content", str(existing))
        out = output_of(result)
        assert result.exit_code == 1, f"{kind}: exit {result.exit_code}\n{out}"
        assert f"error: {path}" in out and expected in out, f"{kind}: unclear message\n{out}"
        assert "Traceback" not in out and "nothing was written" in out, kind
        assert snapshot(existing) == before, f"{kind}: the briefing changed"


def test_another_article_with_a_known_id_is_refused_and_the_same_one_is_not(tmp_path, existing, articles):
    """The id is the file's name: a different article named like one in the briefing would
    take over its source page while the old facts still cite it."""
    before = snapshot(existing)
    other = tmp_path / "elsewhere" / articles[0].name  # same name as article a, another text
    other.parent.mkdir()
    other.write_text(ARTICLE_B, encoding="utf-8")
    result = invoke("generate", str(other), "--published", "2020-10-11", "--content", str(existing))
    out = output_of(result)
    assert result.exit_code == 1 and f"error: {other}: has the article id 'a' of another article" in out, out
    assert "rename this file" in out and "nothing was written" in out and "Traceback" not in out
    assert snapshot(existing) == before
    moved = tmp_path / "moved" / articles[0].name  # the same article, moved: a regeneration
    moved.parent.mkdir()
    moved.write_text(articles[0].read_text(encoding="utf-8"), encoding="utf-8")
    for again in (articles[0], moved):
        result = invoke("generate", str(again), "--published", "2020-10-10", "--content", str(existing))
        assert result.exit_code == 0, output_of(result)


@pytest.mark.slow
def test_bad_input_in_a_subprocess_shows_no_traceback(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01binary")
    run = subprocess.run([*BRIEFING, "generate", "x.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith("error: x.txt: is a binary file") and "Traceback" not in run.stderr
    assert not (tmp_path / "content").exists()


# --- the run itself (stand-in extraction) ------------------------------------------------


def test_dry_run_reports_and_writes_nothing(tmp_path, existing, articles):
    before = snapshot(existing)
    result = invoke("generate", str(articles[1]), "--content", str(existing), "--dry-run")
    out = output_of(result)
    assert result.exit_code == 0, out
    assert snapshot(existing) == before
    assert "would write" in out and "talks-a.yml (sources)" in out
    assert "russia.yml (summary, claims, sources)" in out and "briefing.yml (sources)" in out
    fresh = tmp_path / "fresh"
    result = invoke("generate", str(articles[1]), "--content", str(fresh), "--dry-run")
    assert result.exit_code == 0 and not fresh.exists()


def test_a_second_article_merges_into_the_same_sheets(existing, articles):
    result = invoke("generate", str(articles[1]), "--content", str(existing))
    assert result.exit_code == 0, output_of(result)
    content = load_content(existing)
    assert sorted(content.actors) == ["armenia", "russia"]
    assert [s.id for s in content.briefing.sources] == ["a", "b"]
    assert {s.article for s in content.actors["russia"].sources} == {"a", "b"}
    assert sorted(content.events) == ["talks-a"]  # same kind, date and participants: one event
    assert len(content.events["talks-a"].sources) == 2


def test_an_identical_run_changes_no_byte(existing, articles):
    before = snapshot(existing)
    result = invoke("generate", str(articles[0]), "--published", "2020-10-10", "--content", str(existing))
    assert result.exit_code == 0 and "0 file(s) written" in output_of(result)
    assert snapshot(existing) == before


def test_a_sheet_that_does_not_parse_stops_the_run(existing, articles):
    broken = existing / "actors" / "russia.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "claims: [unclosed\n", encoding="utf-8")
    before = snapshot(existing)
    result = invoke("generate", str(articles[1]), "--content", str(existing))
    out = output_of(result)
    assert result.exit_code == 1 and f"{broken}:" in out and "YAML syntax error" in out
    assert snapshot(existing) == before


def test_a_second_writer_waits_for_the_lock(existing, articles):
    with FileLock(str(existing / ".briefing" / "lock")):
        with pytest.raises(gen.GenerateError, match="another `briefing generate`"):
            with content_lock(existing, wait=0.2):
                pass
    with content_lock(existing, wait=0.2):
        pass  # released: the next run goes ahead


def test_hand_edits_survive_and_conflicts_are_reported(existing, articles, monkeypatch):
    russia = existing / "actors" / "russia.yml"
    data = round_trip_yaml().load(russia.read_text(encoding="utf-8"))
    data["claims"][0]["text"] = "Talks in a, corrected."
    data.yaml_add_eol_comment("checked by hand", "name")
    russia.write_text(sheet_text("actor", data), encoding="utf-8")
    event = existing / "events" / "talks-a.yml"
    event.write_text(event.read_text(encoding="utf-8").replace('"2020-10-09"', '"2020-10-08"'),
                     encoding="utf-8")

    def later(articles):  # the article now gives another date for the talks
        extraction = fake_extraction(articles)
        extraction.events["talks-a"].date = "2020-10-10"
        return extraction

    monkeypatch.setattr(record, "extract", lambda articles, nlp: later(articles))
    monkeypatch.setattr(batch, "extractor_key", lambda: "a changed extractor")  # else its record serves
    result = invoke("generate", str(articles[0]), "--published", "2020-10-10", "--content", str(existing))
    out = output_of(result)
    assert result.exit_code == 0, out
    assert f"{event}: date: kept your '2020-10-08'; the articles now say '2020-10-10'" in out
    text = russia.read_text(encoding="utf-8")
    assert "# checked by hand" in text and "Talks in a, corrected." in text and "Talks in a.\n" not in text
    assert '"2020-10-08"' in event.read_text(encoding="utf-8")


def test_progress_is_quiet_when_not_a_terminal(existing, articles, capsys):
    report = gen.run_generate(list(articles), existing)
    assert len(report.articles) == 2
    assert "extracting" not in capsys.readouterr().err


def test_published_needs_a_single_article(existing, articles):
    result = invoke("generate", *map(str, articles), "--published", "2020-10-10", "--content", str(existing))
    assert result.exit_code == 1 and "--published applies to one article" in output_of(result)


# --- the real pipeline -----------------------------------------------------------------


def edit_sheet(path: Path, change) -> None:
    data = round_trip_yaml().load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(sheet_text(path.parent.name[:-1], data), encoding="utf-8")


@pytest.mark.slow
def test_issue_4_scenario_all_four_edits_survive(tmp_path, articles):
    """Generate, change an actor's summary, comment that sheet, delete an event sheet,
    correct another event's date, regenerate: all four survive; a third run is a no-op."""
    content = tmp_path / "content"
    command = ["generate", str(articles[0]), "--published", "2020-10-10", "--content", str(content)]
    assert invoke(*command).exit_code == 0
    actor = content / "actors" / "russia.yml"
    edit_sheet(actor, lambda d: d.__setitem__("summary", "Mediator, by hand."))
    edit_sheet(actor, lambda d: d.yaml_add_eol_comment("verified against the article", "kind"))
    events = sorted((content / "events").glob("*.yml"))
    assert len(events) >= 2
    deleted, corrected = events[0], events[1]
    deleted.unlink()
    edit_sheet(corrected, lambda d: d.__setitem__("date", "2020-09-21/2020-09-30"))

    result = invoke(*command)
    assert result.exit_code == 0, output_of(result)
    assert "Mediator, by hand." in actor.read_text(encoding="utf-8")
    assert "# verified against the article" in actor.read_text(encoding="utf-8")
    assert not deleted.exists() and f"kept deleted (1): {deleted.stem}" in output_of(result)
    loaded = load_content(content)
    assert loaded.events[corrected.stem].date == "2020-09-21/2020-09-30"
    assert loaded.actors["russia"].summary == "Mediator, by hand."

    before = snapshot(content)
    assert invoke(*command).exit_code == 0
    assert snapshot(content) == before


@pytest.mark.slow
def test_two_articles_share_actors_and_an_event(tmp_path, articles):
    content = tmp_path / "content"
    for article, day in zip(articles, ("2020-10-10", "2020-10-11"), strict=True):
        result = invoke("generate", str(article), "--published", day, "--content", str(content))
        assert result.exit_code == 0, output_of(result)
    loaded = load_content(content)
    names = [a.name for a in loaded.actors.values()]
    assert len(names) == len(set(names)), "one sheet per actor"
    assert {"armenia", "azerbaijan", "russia"} <= set(loaded.actors)
    both = [e for e in loaded.events.values() if {s.article for s in e.sources} == {"a", "b"}]
    assert both, "the talks reported by both articles are one event with both sources"
    assert [s.id for s in loaded.briefing.sources] == ["a", "b"]


@pytest.mark.slow
def test_a_run_killed_mid_write_leaves_valid_sheets(tmp_path, articles):
    """SIGKILL at random moments while writing; the content must validate every time, and
    the next run must finish the job."""
    content = tmp_path / "content"
    first = subprocess.run([*BRIEFING, "generate", str(articles[0]), "--published", "2020-10-10",
                            "--content", str(content)], capture_output=True, text=True, cwd=ROOT)
    assert first.returncode == 0, first.stderr
    reference = tmp_path / "reference"
    subprocess.run(["cp", "-a", str(content), str(reference)], check=True)
    whole = subprocess.run([*BRIEFING, "generate", str(articles[1]), "--published", "2020-10-11",
                            "--content", str(reference)], capture_output=True, text=True, cwd=ROOT)
    assert whole.returncode == 0, whole.stderr
    rng = random.Random(4)
    env = {**os.environ, "BRIEFING_WRITE_PAUSE": "0.05"}
    killed = 0
    for attempt in range(4):
        target = tmp_path / f"content-{attempt}"
        subprocess.run(["cp", "-a", str(content), str(target)], check=True)
        proc = subprocess.Popen([*BRIEFING, "generate", str(articles[1]), "--published", "2020-10-11",
                                 "--content", str(target)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_writes(target, proc, timeout=120)
        time.sleep(rng.uniform(0, 0.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        check = subprocess.run([*BRIEFING, "validate", "--content", str(target)],
                               capture_output=True, text=True)
        assert check.returncode == 0, f"attempt {attempt}: {check.stdout}{check.stderr}"
        again = subprocess.run([*BRIEFING, "generate", str(articles[1]), "--published", "2020-10-11",
                                "--content", str(target)], capture_output=True, text=True, cwd=ROOT)
        assert again.returncode == 0, again.stderr
        assert "conflicts" not in again.stdout, f"attempt {attempt}: its own sheets taken for edits"
        assert sheets_of(target) == sheets_of(reference), f"attempt {attempt}: the rerun left it unfinished"
        state = Path(STATE_DIR) / "state.json"
        assert (target / state).read_text() == (reference / state).read_text(), f"attempt {attempt}"
        assert not (target / STATE_DIR / "journal.json").exists()
    assert killed >= 2, "the kills should land while the run is writing"


def test_a_run_stopped_while_writing_is_finished_by_the_next_as_it_would_have_been(
        tmp_path, existing, articles, monkeypatch):
    """Ctrl-C after a few sheets are written: the next run replays the journal before it
    merges, so it ends with the very files an uninterrupted run writes."""
    whole = tmp_path / "whole"
    subprocess.run(["cp", "-a", str(existing), str(whole)], check=True)
    assert invoke("generate", str(articles[1]), "--content", str(whole)).exit_code == 0
    real_put, count = plan_module.put, []

    def stop_after_two(item: plan_module.Staged) -> None:
        if len(count) == 2:
            raise KeyboardInterrupt
        count.append(item.path)
        real_put(item)

    monkeypatch.setattr(plan_module, "put", stop_after_two)
    stopped = invoke("generate", str(articles[1]), "--content", str(existing))
    assert stopped.exit_code == 1 and "interrupted" in output_of(stopped)
    assert (existing / STATE_DIR / "journal.json").exists()
    monkeypatch.setattr(plan_module, "put", real_put)
    again = invoke("generate", str(articles[1]), "--content", str(existing))
    assert again.exit_code == 0 and "finished an interrupted run's writing first" in output_of(again)
    assert "conflicts" not in output_of(again)
    assert snapshot_bytes(existing) == snapshot_bytes(whole)


def snapshot_bytes(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and p.name != "lock"}


def sheets_of(content: Path) -> dict:
    """Every sheet's data, lists in a canonical order (a resumed run may append items in
    another order than an uninterrupted one)."""
    loaded = load_content(content)

    def canonical(value):
        if isinstance(value, dict):
            return {k: canonical(v) for k, v in value.items()}
        if isinstance(value, list):
            return sorted((canonical(v) for v in value), key=repr)
        return value

    sheets = {**loaded.actors, **loaded.events, "briefing.yml": loaded.briefing}
    return {key: canonical(sheet.model_dump()) for key, sheet in sheets.items()}


def wait_for_writes(content: Path, proc: subprocess.Popen, timeout: float) -> None:
    """Until the run starts writing (a sheet newer than the state), or ends."""
    state = content / ".briefing" / "state.json"
    since = state.stat().st_mtime_ns
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.stat().st_mtime_ns > since for p in content.rglob("*.yml")):
            return
        time.sleep(0.02)


@pytest.mark.slow
def test_two_runs_at_once_both_land(tmp_path, articles):
    """The second run waits for the first's lock, then merges into what it wrote."""
    content = tmp_path / "content"
    runs = [subprocess.Popen([*BRIEFING, "generate", str(article), "--content", str(content)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for article in articles]
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    loaded = load_content(content)
    assert sorted(s.id for s in loaded.briefing.sources) == ["a", "b"]


def test_the_report_counts_and_names_what_could_not_be_resolved(tmp_path, fake, articles):
    result = invoke("generate", str(articles[1]), "--content", str(tmp_path / "content"))
    out = output_of(result)
    assert result.exit_code == 0, out
    assert "the briefing has 2 actors (2 country), 1 events, 1 claims, 0 relations, 0 background items" in out
    assert f"{articles[1]}: no publication date" in out


# --- people across articles: evidence, not a shared surname ------------------------------

HARBOUR = """Harbour plan approved in Norvik

Norvik mayor Anna Berg approved a new harbour plan on Monday after talks with the fishing \
council. Berg said the work would start in spring.

The council's chair, Tomas Lind, welcomed the decision.
"""

BUDGET = """Norvik budget passes

The city council of Norvik passed its budget on Thursday. Mayor Anna Berg said the harbour \
would get more money.

Opposition leader Lars Berg said the budget ignored the farms. Berg called the plan wasteful.
"""

FARMS = """Farmers protest in Norvik

Hundreds of farmers marched through Norvik on Saturday. Farm union leader Lars Berg told the \
crowd that prices had fallen by half.

Berg said the union would march again next month.
"""


@pytest.fixture
def norvik(tmp_path) -> list[Path]:
    """Three invented articles: Anna Berg in the first two, Lars Berg in the last two."""
    paths = []
    for name, text in (("harbour", HARBOUR), ("budget", BUDGET), ("farms", FARMS)):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def people(content: Path) -> dict[str, set[str]]:
    """Each person sheet with the articles it cites."""
    loaded = load_content(content)
    return {i: {s.article for s in a.sources} | {s.article for c in a.claims for s in c.sources}
            for i, a in loaded.actors.items() if a.kind == "person"}


@pytest.mark.slow
def test_people_are_the_same_sheets_whether_articles_come_together_or_one_by_one(tmp_path, norvik):
    together, apart = tmp_path / "together", tmp_path / "apart"
    gen.run_generate(norvik, together, published="2024-03-04")
    reports = [gen.run_generate([path], apart, published="2024-03-04") for path in norvik]
    assert people(together) == people(apart)
    found = people(apart)
    assert found["anna-berg"] == {"harbour", "budget"}
    assert found["lars-berg"] == {"budget", "farms"}
    assert "berg" not in found
    explained = reports[1].summary(explain=True)
    assert "actors/anna-berg.yml joined by 'Anna Berg': the same full name 'Anna Berg'" in explained
    assert "'Lars Berg' kept apart from actors/anna-berg.yml: they share only the name 'Berg'" in explained
    assert "merged" not in reports[1].summary()


@pytest.mark.slow
def test_regenerating_an_article_keeps_its_people_where_they_were(tmp_path, norvik):
    content = tmp_path / "content"
    for path in (*norvik, *norvik):
        gen.run_generate([path], content, published="2024-03-04")
    assert set(people(content)) == {"anna-berg", "lars-berg", "tomas-lind"}


def test_explain_gives_each_other_name_and_each_join_its_reason():
    ref = [SourceRef(article="a", quote="Anna Berg spoke.")]
    extraction = Extraction(briefing=Briefing(title="T"), events={}, actors={
        "anna-berg": Actor(id="anna-berg", name="Anna Berg", kind="person", aliases=["Berg"], sources=ref)})
    joined = Merge("actors", "anna-berg", "Anna Berg", "anna-berg-2", "the same full name 'Anna Berg'", True)
    lines = gen.explain_merges(extraction, [joined])
    assert lines[0].startswith("actors/anna-berg-2.yml 'Anna Berg' also named 'Berg': the surname")
    assert lines[1] == "actors/anna-berg-2.yml joined by 'Anna Berg': the same full name 'Anna Berg'"
    report = gen.GenerateReport(articles=["a"], merges=lines)
    assert report.summary(explain=True).endswith("\n".join(["merged (2):", *(f"  {line}" for line in lines)]))
    assert "merged" not in report.summary()


def test_explain_is_an_option_of_generate(existing, articles):
    result = invoke("generate", str(articles[1]), "--content", str(existing), "--explain")
    assert result.exit_code == 0, output_of(result)
    assert "  actors/russia.yml joined by 'Russia': the same id" in result.output


def test_each_article_s_text_is_kept_as_read_for_its_source_page(existing, articles):
    text = source_text_file(existing, "a")
    assert text.read_text(encoding="utf-8") == read_article(articles[0], published="2020-10-10").text + "\n"
    assert load_content(existing).texts["a"] == read_article(articles[0], published="2020-10-10").paragraphs
    result = invoke("generate", str(articles[1]), "--content", str(existing), "--dry-run")
    assert "b.txt (new)" in output_of(result) and not source_text_file(existing, "b").exists()
