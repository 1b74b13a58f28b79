"""The three-way merge: hand edits, comments and deletions survive a regeneration.

Unit tests on small sheets, then property-based tests (hypothesis) that apply random
sequences of hand edits to generated content, regenerate, and check that none is lost
and that a further identical run changes no byte.
"""

from __future__ import annotations

import copy
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.sheets import fold as folding
from generator.sheets import merge
from generator.sheets.fold import SheetSet
from generator.sheets.merge import plain
from generator.sheets.plan import plan_run, write_plan
from generator.sheets.report import GenerateReport
from generator.sheets.store import load_content, round_trip_yaml, sheet_text

SRC = [{"article": "a1", "quote": "Russia said so."}]


def rt(text: str):
    return round_trip_yaml().load(text)


def dump(data) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()


def actor(**more) -> dict:
    base = {"id": "russia", "name": "Russia", "kind": "country", "aliases": ["Russian"],
            "summary": "Mediator.", "relations": [], "claims": [], "sources": list(SRC)}
    base.update(more)
    return base


def as_rt(data: dict):
    return rt(dump(merge.to_rt(data)))


# --- the merge of one sheet ----------------------------------------------------------


def test_untouched_field_takes_the_new_value():
    base = actor()
    ours = as_rt(base)
    conflicts = merge.merge_sheet(base, ours, actor(summary="Mediator and ally."), "russia.yml")
    assert ours["summary"] == "Mediator and ally." and conflicts == []


def test_hand_edit_wins_and_a_changed_article_is_a_conflict():
    base = actor()
    ours = as_rt(base)
    ours["summary"] = "My summary."
    assert merge.merge_sheet(base, ours, base, "russia.yml") == []  # article unchanged: silent
    conflicts = merge.merge_sheet(base, ours, actor(summary="New words."), "russia.yml")
    assert ours["summary"] == "My summary."
    assert [(c.file, c.field, c.ours, c.theirs) for c in conflicts] == \
        [("russia.yml", "summary", "My summary.", "New words.")]


def test_comments_stay_where_a_person_wrote_them():
    base = actor()
    marked = "summary: Mediator.  # checked\n# above kind"
    text = dump(merge.to_rt(base)).replace("summary: Mediator.", marked)
    ours = rt(text)
    merge.merge_sheet(base, ours, actor(summary="Mediator.", aliases=["Russian", "Moscow"]), "r.yml")
    text = dump(ours)
    assert "summary: Mediator.  # checked" in text and "# above kind" in text
    assert "- Moscow" in text


def test_deleted_item_stays_deleted_and_added_items_stay():
    claim = {"text": "Turkey sent fighters.", "by": ["russia"], "about": [], "sources": list(SRC)}
    other = {"text": "Talks will help.", "by": ["russia"], "about": [], "sources": list(SRC)}
    base = actor(claims=[claim, other])
    ours = as_rt(base)
    del ours["claims"][0]
    ours["claims"].append(merge.to_rt({"text": "My own claim.", "by": ["russia"]}))
    new_claim = {"text": "A new claim.", "by": ["russia"], "about": [], "sources": list(SRC)}
    merge.merge_sheet(base, ours, actor(claims=[claim, other, new_claim]), "r.yml")
    texts = [c["text"] for c in ours["claims"]]
    assert texts == ["Talks will help.", "My own claim.", "A new claim."]


def test_items_match_by_identity_not_position():
    rel = {"type": "defense-treaty", "target": "armenia", "text": "Treaty.", "sources": list(SRC)}
    base = actor(relations=[rel])
    ours = as_rt(base)
    ours["relations"][0]["text"] = "Treaty of 1997."
    more = {"type": "supports", "target": "armenia", "text": None, "sources": list(SRC)}
    theirs = actor(relations=[more, {**rel, "sources": [*SRC, {"article": "a2", "quote": "Q"}]}])
    merge.merge_sheet(base, ours, theirs, "r.yml")
    assert plain(ours["relations"][0])["text"] == "Treaty of 1997."
    assert [s["article"] for s in ours["relations"][0]["sources"]] == ["a1", "a2"]
    assert ours["relations"][1]["type"] == "supports"


def test_deleted_field_stays_deleted_and_unquoted_date_is_not_an_edit():
    base = {"id": "talks", "title": "Talks", "kind": "consult", "date": "2020-10-09", "summary": "S."}
    ours = rt("id: talks\ntitle: Talks\nkind: consult\ndate: 2020-10-09\n")  # summary deleted
    assert merge.merge_sheet(base, ours, {**base, "summary": "S2."}, "t.yml") == []
    assert "summary" not in ours and plain(ours)["date"] == "2020-10-09"


def test_generator_dropping_an_untouched_item_removes_it_but_not_an_edited_one():
    a = {"actor": "armenia", "role": "party"}
    b = {"actor": "azerbaijan", "role": "party"}
    base = {"id": "e", "participants": [a, b]}
    ours = as_rt(base)
    ours["participants"][1]["role"] = "target"
    merge.merge_sheet(base, ours, {"id": "e", "participants": []}, "e.yml")
    assert plain(ours["participants"]) == [{"actor": "azerbaijan", "role": "target"}]


# --- many articles ---------------------------------------------------------------------


def test_an_actor_matches_by_an_alias_a_person_added():
    disk = {"russia": actor(aliases=["Russian", "the Kremlin"])}
    known = folding.known_sheets({}, disk)
    assert folding.match_actor({"id": "kremlin", "kind": "country", "name": "Kremlin"}, known) == "russia"
    assert folding.match_actor({"id": "kremlin", "kind": "person", "name": "Kremlin"}, known) is None


def person(name: str, article: str, *aliases: str, sheet_id: str = "") -> dict:
    """A person sheet as the generator writes it, sourced from one article."""
    return {"id": sheet_id or name.lower().replace(" ", "-"), "name": name, "kind": "person",
            "aliases": list(aliases), "sources": [{"article": article, "quote": f"{name} spoke."}]}


def test_two_people_who_share_a_surname_stay_apart():
    known = folding.known_sheets({"anna-berg": person("Anna Berg", "a1", "Berg")}, {})
    found = folding.find_actor(person("Lars Berg", "a2", "Berg"), known)
    assert found is not None and not found.joined and found.sheet_id == "anna-berg"
    assert "Berg" in found.reason
    assert folding.match_actor(person("Berg", "a2", sheet_id="berg"), known) is None  # a lone surname


def test_a_lone_surname_and_a_full_name_it_ends_stay_apart_and_say_why():
    known = folding.known_sheets({"peter-kovacs": person("Peter Kovacs", "a1")}, {})
    found = folding.find_actor(person("Kovacs", "a2"), known)
    assert found is not None and not found.joined and found.sheet_id == "peter-kovacs"
    assert found.reason.startswith("'Kovacs' is only the surname of 'Peter Kovacs'")
    known = folding.known_sheets({"kovacs": person("Kovacs", "a1")}, {})
    found = folding.find_actor(person("Peter Kovacs", "a2"), known)
    assert found is not None and not found.joined and "'Kovacs' is only the surname" in found.reason
    assert folding.find_actor(person("Kovacsne", "a2"), known) is None  # no surname of it
    new = SheetSet(actors={"kovacs": person("Kovacs", "a3"), "peter-kovacs": person("Peter Kovacs", "a3")})
    out, _ = folding.fold(SheetSet(), SheetSet(), new, {"a3"})
    assert out.merges == []  # one run's own sheets: the extraction kept them apart and says so


def test_the_same_person_by_full_name_joins_their_sheet_in_any_script():
    known = folding.known_sheets({"djurdja-markovic": person("Đurđa Marković", "a1", "Marković")}, {})
    assert folding.match_actor(person("Djurdja Markovic", "a2"), known) == "djurdja-markovic"
    assert folding.match_actor(person("Đurđa Marković", "a3", sheet_id="x"), known) == "djurdja-markovic"
    known = folding.known_sheets({"li-minghua": person("Li Minghua", "a1")}, {})
    assert folding.match_actor(person("李明华", "a2", sheet_id="li-minghua"), known) == "li-minghua"


def test_a_lone_name_joins_only_its_own_article_s_sheet_or_one_a_person_vouched_for():
    view = {"berg": person("Berg", "a1")}
    assert folding.match_actor(person("Berg", "a1"), folding.known_sheets(view, {})) == "berg"  # again
    assert folding.match_actor(person("Berg", "a2"), folding.known_sheets(view, {})) is None
    edited = {"anna-berg": person("Anna Berg", "a1", "Berg")}
    generated = {"anna-berg": person("Anna Berg", "a1")}
    assert folding.match_actor(person("Berg", "a2"), folding.known_sheets(generated, edited)) == "anna-berg"


def test_other_kinds_still_join_by_a_shared_name():
    known = folding.known_sheets({"tessaro-group": {"id": "tessaro-group", "name": "Tessaro Group",
                                                    "kind": "organization", "aliases": ["Tessaro"]}}, {})
    found = folding.find_actor({"id": "tessaro", "name": "Tessaro", "kind": "organization"}, known)
    assert found is not None and found.joined and found.reason == "the shared name 'Tessaro'"


def test_fold_keeps_two_bergs_apart_and_says_why():
    view = SheetSet(actors={"anna-berg": person("Anna Berg", "a1", "Berg")})
    new = SheetSet(actors={"lars-berg": person("Lars Berg", "a2", "Berg"),
                           "anna-berg": person("Anna Berg", "a2")})
    out, renames = folding.fold(view, SheetSet(), new, {"a2"})
    assert sorted(out.actors) == ["anna-berg", "lars-berg"] and renames == {}
    assert [(m.new_id, m.sheet_id, m.joined) for m in out.merges] == [
        ("lars-berg", "anna-berg", False), ("anna-berg", "anna-berg", True)]
    assert str(out.merges[0]).startswith("actors/lars-berg.yml 'Lars Berg' kept apart from "
                                         "actors/anna-berg.yml")
    again, _ = folding.fold(out, SheetSet(), new, {"a2"})
    assert [m.joined for m in again.merges] == [True]  # only the join of another article's sheet is news
    assert out == again and out.to_json() == again.to_json()


def test_the_same_event_from_two_articles_is_one_event():
    known = folding.known_sheets({"talks": {"id": "talks", "kind": "consult", "date": "2020-10",
                                          "title": "Talks", "participants": [{"actor": "armenia"}]}}, {})
    same = {"id": "moscow-talks", "kind": "consult", "date": "2020-10-09", "title": "Moscow talks",
            "participants": [{"actor": "armenia"}, {"actor": "russia"}]}
    assert folding.match_event(same, known) == "talks"
    assert folding.match_event({**same, "date": "2020-11-02"}, known) is None
    assert folding.match_event({**same, "kind": "fight"}, known) is None
    assert folding.match_event({**same, "participants": [{"actor": "turkey"}]}, known) is None
    in_moscow = folding.known_sheets({"talks": {"id": "talks", "kind": "consult", "date": "2020-10-09",
                                              "place": "moscow", "participants": [{"actor": "armenia"}]}}, {})
    other_side = {**same, "place": "moscow", "participants": [{"actor": "lavrov"}]}
    assert folding.match_event(other_side, in_moscow) == "talks"  # same kind, day and place
    assert folding.match_event({**other_side, "date": "2020-10"}, in_moscow) is None


def test_dates_compatible():
    assert folding.dates_compatible("2020-10-09", "2020-10")
    assert folding.dates_compatible("../2020-10-08", "2020-09-27")
    assert not folding.dates_compatible("2020-10-09", "2020-09")
    assert not folding.dates_compatible(None, "2020-09")
    assert folding.dates_compatible(None, "2020-09", same_title=True)


def test_fold_renames_references_and_accumulates_sources():
    view = SheetSet(actors={"russia": actor()},
                    briefing={"title": "T", "sources": [{"id": "a1", "title": "A1"}]})
    src2 = [{"article": "a2", "quote": "Moscow said."}]
    new = SheetSet(
        actors={"russian-federation": {"id": "russian-federation", "name": "Russian Federation",
                                       "kind": "country", "aliases": ["Russian"], "sources": src2}},
        events={"e": {"id": "e", "title": "Talks", "kind": "consult", "date": None,
                      "participants": [{"actor": "russian-federation", "role": "mediator"}],
                      "sources": src2}},
        briefing={"title": "T2", "sources": [{"id": "a2", "title": "A2"}]},
    )
    out, renames = folding.fold(view, SheetSet(), new, {"a2"})
    assert renames == {"russian-federation": "russia"}
    assert list(out.actors) == ["russia"]
    assert out.actors["russia"]["name"] == "Russia"
    assert "Russian Federation" not in out.actors["russia"]["aliases"]  # name is not merged as alias
    assert [s["article"] for s in out.actors["russia"]["sources"]] == ["a1", "a2"]
    assert out.events["e"]["participants"][0]["actor"] == "russia"
    assert [s["id"] for s in out.briefing["sources"]] == ["a1", "a2"]
    assert out.briefing["title"] == "T"  # the first article's title stays


def test_regenerating_an_article_drops_what_it_no_longer_says():
    old = {"text": "Old claim.", "by": ["russia"], "sources": list(SRC)}
    kept = {"text": "Other article.", "by": ["russia"], "sources": [{"article": "a0", "quote": "x"}]}
    view = SheetSet(actors={"russia": actor(claims=[old, kept])})
    new = SheetSet(actors={"russia": actor(claims=[])})
    out, _ = folding.fold(view, SheetSet(), new, {"a1"})
    assert [c["text"] for c in out.actors["russia"]["claims"]] == ["Other article."]


# --- property-based: random hand edits survive regeneration ------------------------------


def generated_view(variant: int = 0) -> SheetSet:
    """A small generated briefing; `variant` changes what the 'articles' say."""
    src = [{"article": "a1", "quote": "The governments pledged to come to Moscow."}]
    actors = {}
    for name in ("Russia", "Armenia", "Azerbaijan", "Turkey"):
        aid = name.lower()
        actors[aid] = {"id": aid, "name": name, "kind": "country", "aliases": [f"{name}n"],
                       "summary": f"{name} summary v{variant}.", "relations": [], "claims": [],
                       "sources": list(src)}
    actors["russia"]["relations"] = [{"type": "defense-treaty", "target": "armenia", "text": "Treaty.",
                                      "sources": list(src)}]
    actors["russia"]["claims"] = [
        {"text": f"Claim {i}.", "by": ["russia"], "about": [], "sources": list(src)} for i in range(3)]
    if variant:
        actors["turkey"]["claims"] = [
            {"text": "New claim.", "by": ["turkey"], "about": [], "sources": list(src)}]
    events = {}
    for i, (kind, date) in enumerate((("consult", "2020-10-09"), ("fight", "2020-09-27"), ("appeal", None))):
        eid = f"event-{i}"
        events[eid] = {"id": eid, "title": f"Event {i}", "kind": kind, "date": date, "date_text": None,
                       "place": None, "participants": [{"actor": "armenia", "role": "party"},
                                                       {"actor": "azerbaijan", "role": "party"}],
                       "summary": f"Summary v{variant}.", "sources": list(src)}
    briefing = {"title": "Talks", "published": "2020-10-09", "summary": f"Briefing v{variant}.",
                "background": [{"text": "Background.", "sources": list(src)}],
                "sources": [{"id": "a1", "title": "Article", "path": None, "url": None,
                             "published": "2020-10-09", "published_from": "cli"}]}
    return SheetSet(actors, events, briefing)


def generate_into(content: Path, view: SheetSet) -> GenerateReport:
    report = GenerateReport()
    plan = plan_run(content, copy.deepcopy(view), {"a1"}, report)
    write_plan(content, plan, report)
    return report


def load(path: Path):
    return round_trip_yaml().load(path.read_text(encoding="utf-8"))


def save(path: Path, data, kind: str) -> None:
    path.write_text(sheet_text(kind, data), encoding="utf-8")


EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("field"), st.sampled_from(["russia", "armenia", "turkey"]), st.text(
            st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=20)),
        st.tuples(st.just("date"), st.sampled_from(["event-0", "event-1", "event-2"]),
                  st.sampled_from(["2020-10-08", "2020-09~", "../2020-10-08", "2020-09-21/2020-09-30"])),
        st.tuples(st.just("comment"), st.sampled_from(["russia", "armenia", "azerbaijan"]),
                  st.integers(0, 99)),
        st.tuples(st.just("del-item"), st.just("russia"), st.integers(0, 2)),
        st.tuples(st.just("add-item"), st.sampled_from(["russia", "armenia"]), st.integers(0, 99)),
        st.tuples(st.just("del-sheet"), st.sampled_from(["event-0", "event-1", "event-2"]), st.just(0)),
        st.tuples(st.just("alias"), st.sampled_from(["russia", "turkey"]), st.integers(0, 99)),
        st.tuples(st.just("del-actor"), st.sampled_from(["azerbaijan", "turkey", "armenia"]), st.just(0)),
        st.tuples(st.just("role"), st.sampled_from(["event-0", "event-1"]),
                  st.sampled_from(["target", "host"])),
        st.tuples(st.just("reorder"), st.just("russia"), st.just(0)),
        st.tuples(st.just("del-field"), st.sampled_from(["russia", "event-2"]), st.just("summary")),
        st.tuples(st.just("claim-text"), st.just("russia"), st.integers(0, 2)),
        st.tuples(st.just("reformat"), st.sampled_from(["russia", "event-1"]), st.just(0)),
        st.tuples(st.just("hand-sheet"), st.just(""), st.integers(0, 3)),
        st.tuples(st.just("briefing"), st.just(""), st.integers(0, 99)),
    ),
    min_size=1, max_size=6,
)


def apply_edit(content: Path, edit: tuple, expect: list) -> None:
    """Make one hand edit on disk and record how to check it survived."""
    what, sheet_id, arg = edit
    if what == "hand-sheet":
        path = content / "actors" / f"hand-{arg}.yml"
        path.write_text(f"id: hand-{arg}\nname: Hand {arg}\nkind: person   # mine\n"
                        "relations: [{type: official-of, target: russia}]\n", encoding="utf-8")
        expect.append(("bytes", path, None, path.read_bytes()))
        return
    if what == "briefing":
        path = content / "briefing.yml"
        data = load(path)
        data["summary"] = f"My summary {arg}."
        save(path, data, "briefing")
        expect.append(("value", path, "summary", f"My summary {arg}."))
        return
    folder = "events" if sheet_id.startswith("event") else "actors"
    path = content / folder / f"{sheet_id}.yml"
    if not path.exists():
        return
    data = load(path)
    if what == "field":
        data["summary"] = arg
        expect.append(("value", path, "summary", arg))
    elif what == "date":
        data["date"] = arg
        expect.append(("value", path, "date", arg))
    elif what == "comment":
        key = ("name", "kind", "summary")[arg % 3]
        if key not in data:
            return
        data.yaml_add_eol_comment(f"note {arg}", key)
        expect.append(("text", path, key, f"# note {arg}"))
    elif what == "del-item":
        claims = data.get("claims") or []
        if arg < len(claims):
            expect.append(("no-claim", path, str(claims[arg]["text"])))
            del claims[arg]
    elif what == "add-item":
        text = f"Hand claim {arg}-{len(expect)}."  # distinct: a person does not add one twice
        data.setdefault("claims", []).append(merge.to_rt({"text": text, "by": [sheet_id]}))
        expect.append(("claim", path, text))
    elif what == "alias":
        data["aliases"].append(f"Alias {arg}")
        expect.append(("alias", path, f"Alias {arg}"))
    elif what == "role" and data.get("participants"):
        data["participants"][0]["role"] = arg
        expect.append(("role", path, str(data["participants"][0]["actor"]), arg))
    elif what == "reorder" and data.get("claims"):
        data["claims"].reverse()
        expect.append(("order", path, "claims", [str(c["text"]) for c in data["claims"]]))
    elif what == "del-field" and arg in data:
        del data[arg]  # and with it any comment a person put on that line
        expect[:] = [e for e in expect if not (e[0] == "text" and e[1] == path and e[2] == arg)]
        expect.append(("no-field", path, arg))
    elif what == "reformat":
        yaml = round_trip_yaml()
        yaml.indent(mapping=4, sequence=6, offset=4)
        stream = io.StringIO()
        yaml.dump(data, stream)
        path.write_text(stream.getvalue(), encoding="utf-8")  # no modeline either
        return
    elif what == "claim-text" and arg < len(data.get("claims") or []):
        old = str(data["claims"][arg]["text"])
        data["claims"][arg]["text"] = f"{old} (corrected)"
        expect.append(("no-claim", path, old))
        expect.append(("claim", path, f"{old} (corrected)"))
    if what in ("del-sheet", "del-actor"):
        path.unlink()
        expect.append(("gone", path))
        return
    save(path, data, folder[:-1])


def check_expectations(expect: list) -> None:
    # A later edit of the same field (or comment on one key) supersedes an earlier one.
    def topic(e: tuple) -> tuple:
        return ({"no-claim": "claim", "no-field": "value"}.get(e[0], e[0]), *e[1:3])

    last = {topic(e): e for e in expect}
    for e in expect:
        kind, path = e[0], e[1]
        if kind == "gone":
            assert not path.exists(), f"{path} was deleted by hand and came back"
            continue
        if not path.exists():
            continue  # deleted by a later edit
        data = plain(load(path))
        text = path.read_text(encoding="utf-8")
        if kind == "value" and last[topic(e)] is e:
            assert data[e[2]] == e[3], f"{path}: {e[2]} lost the hand edit"
        elif kind == "text" and last[topic(e)] is e:
            assert e[3] in text, f"{path}: comment {e[3]!r} lost"
        elif kind == "no-claim" and last[topic(e)] is e:
            assert e[2] not in [c["text"] for c in data.get("claims") or []], f"{path}: deleted claim is back"
        elif kind == "claim" and last[topic(e)] is e:
            assert e[2] in [c["text"] for c in data.get("claims") or []], f"{path}: added claim lost"
        elif kind == "alias":
            assert e[2] in data["aliases"], f"{path}: added alias lost"
        elif kind == "role" and last[topic(e)] is e:
            roles = {p["actor"]: p["role"] for p in data.get("participants") or []}
            assert roles.get(e[2], e[3]) == e[3], f"{path}: edited role lost"
        elif kind == "order" and last[topic(e)] is e:
            texts = [c["text"] for c in data.get("claims") or []]
            assert [t for t in texts if t in e[3]] == [t for t in e[3] if t in texts], f"{path}: order lost"
        elif kind == "bytes" and last[topic(e)] is e:
            assert path.read_bytes() == e[3], f"{path}: a hand-made sheet was changed"
        elif kind == "no-field" and last[topic(e)] is e:
            assert e[2] not in data, f"{path}: deleted field {e[2]} is back"


def snapshot(content: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(content)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(content.rglob("*")) if p.is_file()}


@settings(max_examples=int(os.environ.get("MERGE_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS, variant=st.integers(0, 1))
def test_random_hand_edits_survive_regeneration(edits, variant):
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        generate_into(content, generated_view(0))
        expect: list = []
        for edit in edits:
            apply_edit(content, edit, expect)
        edited = snapshot(content)
        generate_into(content, generated_view(variant))
        check_expectations(expect)
        if variant == 0 and not any(e[0] == "del-actor" for e in edits):
            # Nothing new from the articles: not one file a person edited is rewritten.
            assert snapshot(content) == edited, "a regeneration with nothing new rewrote a file"
        load_content(content)  # still valid
        before = snapshot(content)
        generate_into(content, generated_view(variant))
        assert snapshot(content) == before, "a second identical run changed a file"


def test_an_identical_run_changes_no_byte(tmp_path):
    content = tmp_path / "content"
    report = generate_into(content, generated_view(0))
    assert len(report.changes) == 8  # 4 actors, 3 events, briefing
    before = snapshot(content)
    report = generate_into(content, generated_view(0))
    assert report.changes == [] and snapshot(content) == before


def test_deleting_an_event_removes_the_references_to_it(tmp_path):
    content = tmp_path / "content"
    view = generated_view(0)
    view.actors["russia"]["claims"][0]["about"] = ["event-0"]
    generate_into(content, view)
    (content / "events" / "event-0.yml").unlink()
    report = generate_into(content, view)
    assert report.kept_deleted == ["event-0"]
    assert not (content / "events" / "event-0.yml").exists()
    assert load_content(content).actors["russia"].claims[0].about == []


JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["actor", "target", "type", "text", "by", "about", "article", "quote", "role"]), inner, max_size=3),
    max_leaves=8,
)
FIELDS = ["aliases", "relations", "claims", "sources", "summary", "kind", "name", "participants", "place"]


@settings(max_examples=int(os.environ.get("MERGE_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(junk=st.dictionaries(st.sampled_from(FIELDS), JUNK, min_size=1, max_size=4),
       sheet=st.sampled_from(["actors/russia.yml", "events/event-0.yml", "briefing.yml"]))
def test_a_sheet_full_of_junk_never_crashes_the_merge(junk, sheet):
    """Whatever a person types into a sheet, regeneration answers with a report, not a crash
    (validation then names the problem)."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        generate_into(content, generated_view(0))
        path = content / sheet
        data = load(path)
        for key, value in junk.items():
            data[key] = merge.to_rt(value)
        save(path, data, path.parent.name[:-1] if path.parent != content else "briefing")
        generate_into(content, generated_view(1))


DAMAGED = ['{"actors": [1, 2], "events": {"x": 5}, "briefing": "no"}', "[]", "{not json"]


@pytest.mark.parametrize("state", DAMAGED)
def test_a_damaged_state_is_forgotten_not_trusted(tmp_path, state):
    content = tmp_path / "content"
    generate_into(content, generated_view(0))
    (content / ".briefing" / "state.json").write_text(state, encoding="utf-8")
    russia = content / "actors" / "russia.yml"
    russia.write_text(russia.read_text(encoding="utf-8").replace("Russia summary v0.", "Mine."),
                      encoding="utf-8")
    report = generate_into(content, generated_view(1))
    assert "Mine." in russia.read_text(encoding="utf-8")  # with no base, what is on disk wins
    assert any(c.field == "summary" for c in report.conflicts)
    load_content(content)


def test_a_summary_counts_what_the_folded_sheet_holds():
    said = [{"text": "Talks will resume.", "by": ["russia"], "sources": SRC}]
    view = SheetSet(actors={"russia": actor(summary="Source of 1 claim.", claims=said)})
    source = [{"article": "a2", "quote": "Russia said a ceasefire holds."}]
    later = [{"text": "A ceasefire holds.", "by": ["russia"], "sources": source}]
    new = SheetSet(actors={"russia": actor(summary="Source of 1 claim.", claims=later, sources=source)})
    out, _ = folding.fold(view, SheetSet(), new, {"a2"})
    assert len(out.actors["russia"]["claims"]) == 2
    assert out.actors["russia"]["summary"] == "Source of 2 claims."


def test_events_one_article_tells_apart_stay_apart():
    source = [{"article": "a1", "quote": "Marek was arrested and later convicted."}]
    arrest = {"id": "arrest", "kind": "coerce", "date": "2015-06-18", "title": "Marek arrested",
              "participants": [{"actor": "ivo-marek", "role": "target"}], "sources": source}
    verdict = {**arrest, "id": "verdict", "date": "../2016-12-15", "title": "Marek convicted"}
    new = SheetSet(events={"arrest": arrest, "verdict": verdict})
    out, renames = folding.fold(SheetSet(), SheetSet(), new, {"a1"})
    assert sorted(out.events) == ["arrest", "verdict"] and renames == {}
    later = [{"article": "a2", "quote": "Marek was convicted."}]
    other = {**verdict, "id": "marek-convicted", "title": "Marek convicted", "sources": later}
    again, renames = folding.fold(out, SheetSet(), SheetSet(events={"marek-convicted": other}), {"a2"})
    assert renames == {"marek-convicted": "verdict"}  # another article's report joins its own


# --- many articles at once: one fold after another ---------------------------------------


def test_fold_each_folds_the_articles_into_one_one_after_another():
    first = SheetSet(actors={"anna-berg": person("Anna Berg", "a1", "Berg")})
    second = SheetSet(actors={"lars-berg": person("Lars Berg", "a2", "Berg")})
    third = SheetSet(actors={"anna-berg": person("Anna Berg", "a3")})
    out, run, merges = folding.fold_each([(first, {"a1"}), (second, {"a2"}), (third, {"a3"})])
    step, _ = folding.fold(SheetSet(), SheetSet(), first, {"a1"})
    step, _ = folding.fold(step, SheetSet(), second, {"a2"})
    expected, _ = folding.fold(step, SheetSet(), third, {"a3"})
    assert out.actors == expected.actors and sorted(out.actors) == ["anna-berg", "lars-berg"]
    assert run == {"a1", "a2", "a3"}
    assert [[(m.new_id, m.sheet_id, m.joined) for m in found] for found in merges] == [
        [], [("lars-berg", "anna-berg", False)], [("anna-berg", "anna-berg", True)]]
    alone, run, merges = folding.fold_each([(first, {"a1"})])
    assert alone is first and run == {"a1"} and merges == [[]]


def test_an_actor_naming_an_actor_written_before_it_needs_no_interim(tmp_path):
    """Actors are written in order: one that names an earlier one is written once; one
    that names a later actor or an event is written first without that reference."""
    ref = {"type": "member-of", "target": "ruritania", "sources": list(SRC)}
    view = SheetSet(actors={
        "ruritania": actor(id="ruritania", name="Ruritania", aliases=[]),
        "anna-berg": actor(id="anna-berg", name="Anna Berg", kind="person", aliases=[], relations=[ref]),
        "freedonia": actor(id="freedonia", name="Freedonia", aliases=[], relations=[
            {"type": "neighbor-of", "target": "zenda", "sources": list(SRC)}]),
        "zenda": actor(id="zenda", name="Zenda", kind="place", aliases=[])})
    plan = plan_run(tmp_path / "content", view, {"a1"}, GenerateReport())
    interims = {step.path.stem: step.interim is not None for step in plan.actors}
    assert interims == {"ruritania": False, "anna-berg": False, "freedonia": True, "zenda": False}


def test_extractions_coming_in_any_order_fold_in_the_order_given():
    runs = [(SheetSet(actors={"anna-berg": person("Anna Berg", "a1", "Berg")}), {"a1"}),
            (SheetSet(actors={"lars-berg": person("Lars Berg", "a2", "Berg")}), {"a2"}),
            (SheetSet(actors={"anna-berg": person("Anna Berg", "a3")}), {"a3"})]
    in_order = folding.FoldInOrder(3)
    for index in (2, 0, 1):
        in_order.add(index, *runs[index])
    assert in_order.result() == folding.fold_each(runs)
    waiting = folding.FoldInOrder(3)
    waiting.add(1, *runs[1])
    with pytest.raises(ValueError, match="3 of 3 extractions not folded"):
        waiting.result()


def test_the_matchers_are_shown_the_sheets_of_each_kind_in_their_order():
    view = {
        "kremlin": {"id": "kremlin", "kind": "organization", "name": "Kremlin"},
        "russia": {"id": "russia", "kind": "country", "name": "Russia"},
        "moscow": {"id": "moscow", "kind": "place", "name": "Moscow"},
        "duma": {"id": "duma", "kind": "organization", "name": "Duma"},
    }
    disk = {"moscow": {"id": "moscow", "kind": "organization", "name": "Moscow"}}  # a person retyped it
    groups = folding.by_kind(folding.known_sheets(view, disk))
    assert {kind: list(sheets) for kind, sheets in groups.items()} == {
        "organization": ["kremlin", "moscow", "duma"],
        "country": ["russia"],
        "place": ["moscow"],
    }
    assert groups["organization"]["moscow"] is groups["place"]["moscow"]  # one sheet, under both kinds
