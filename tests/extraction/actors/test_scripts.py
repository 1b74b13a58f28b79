"""Names in other scripts: beside their romanized form, after a title, as the speaker."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from generator.extraction.actors.candidates import candidates_in
from generator.extraction.actors.scripts import add_script_names, after_title, in_other_script, script_runs
from generator.extraction.actors.table import Candidate
from generator.extraction.world import add_world_ruler
from tests.extraction.actors.helpers import organization, person


def found(doc: Doc, world, cands: list[Candidate] | None = None) -> list[tuple[str, str, str]]:
    """(text, kind, key) of the candidates after the pass, on a one-sentence doc."""
    sentence = SimpleNamespace(span=doc[:])
    return [(c.text, c.kind, c.key) for c in add_script_names(cands or [], [sentence], {}, world)]


def test_words_in_other_scripts():
    doc = spacy.blank("en")("Li met 李明华 , Ирина and Νίκος ; アンナ・ベルク came")
    assert [t.text for t in doc if in_other_script(t)] == ["李明华", "Ирина", "Νίκος", "アンナ・ベルク"]
    assert [r.text for r in script_runs(doc[:])] == ["李明华", "Ирина", "Νίκος", "アンナ・ベルク"]


def test_a_name_beside_its_romanized_form_takes_that_form_s_key(world):
    doc = spacy.blank("en")("The minister , 李明华 ( Li Minghua ) , spoke .")
    assert found(doc, world, [person(doc, 5, 7)]) == [
        ("李明华", "person", "Li Minghua"), ("Li Minghua", "person", "Li Minghua")]
    doc = spacy.blank("en")("Li Minghua ( 李明华 ) spoke .")
    assert found(doc, world, [person(doc, 0, 2)])[1] == ("李明华", "person", "Li Minghua")


def test_a_bracketed_form_that_does_not_spell_the_name_is_no_romanization(world):
    doc = spacy.blank("en")("A poster read 和平统一 ( Reuters ) .")
    assert found(doc, world, [organization(doc, 5, 6)]) == [("Reuters", "organization", "Reuters")]


def test_a_name_after_a_title_is_a_person(world):
    doc = spacy.blank("en")("Japan 's envoy 山田花子 arrived . The envoy , Ирина Соколова , left .")
    assert found(doc, world) == [("山田花子", "person", "山田花子"),
                                 ("Ирина Соколова", "person", "Ирина Соколова")]


def test_the_speaker_of_a_speech_verb_is_a_person_and_a_mistyped_span_is_retyped(world):
    words = ["李明华", "said", "the", "plan", "was", "final"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 4, 1, 4],
              deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp"],
              lemmas=["李明华", "say", "the", "plan", "be", "final"])
    assert found(doc, world) == [("李明华", "person", "李明华")]
    assert found(doc, world, [organization(doc, 0, 1)]) == [("李明华", "person", "李明华")]


def test_other_scripts_outside_a_name_s_place_are_left_alone(world):
    doc = spacy.blank("en")("The slogan 和平统一 was painted on walls in 2019 .")
    assert found(doc, world) == []
    long_run = spacy.blank("en")("The envoy 中华人民共和国外交部发言人 spoke .")  # too long for a name
    assert found(long_run, world) == []


@pytest.mark.slow
def test_the_real_pipeline_keeps_names_in_chinese_and_korean(nlp, world):
    add_world_ruler(nlp, world)
    for text, name in [("Japan's envoy 山田花子 met the mayor on Monday.", "山田花子"),
                       ("박서연 told reporters the plan was final.", "박서연")]:
        sent = next(nlp(text).sents)
        cands = add_script_names(candidates_in(0, sent, world), [SimpleNamespace(span=sent)], {}, world)
        assert (name, "person") in [(c.text, c.kind) for c in cands]


def test_a_name_without_capitals_after_a_title(world):
    sent = spacy.blank("en")("China 's special envoy 李文 attended ; 李文 spoke")[:]
    assert [after_title(run, world) for run in script_runs(sent)] == [True, False]  # only after the title
    assert [(c[0], c[1]) for c in found(sent.as_doc(), world)] == [("李文", "person")]
