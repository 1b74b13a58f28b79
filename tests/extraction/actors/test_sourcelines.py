"""A monitored report's source line: its outlet is based in the city before it (real pipeline)."""

from __future__ import annotations

import pytest

from tests.sentences import actor_pass_relations

pytestmark = pytest.mark.slow


def relations_of(*paragraphs: str) -> set[tuple[str, str, str]]:
    return actor_pass_relations(*paragraphs, published="1994-03-02")


def test_a_source_line_s_outlet_is_based_in_its_city():
    found = relations_of("Grain prices rose again in February, the ministry said.",
                         "Prices Rise KV0203060094 Vienna OSTERLICHER KURIER in German 0600 GMT 2 Mar 94",
                         "KV0403120094 Vienna Radio Zentrix Network in English 1200 GMT 4 Mar 94 p 2")
    assert ("OSTERLICHER KURIER", "based-in", "Vienna") in found
    assert ("Radio Zentrix Network", "based-in", "Vienna") in found
    assert not any(target in ("Austria", "Germany") for _, _, target in found)  # the capital, the language


def test_a_city_and_an_outlet_without_a_source_line_state_nothing():
    found = relations_of("Anna Berg read Vienna OSTERLICHER KURIER in German on Tuesday.")
    assert not any(rel == "based-in" for _, rel, _ in found)
