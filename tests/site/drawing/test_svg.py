"""The drawings' colours: one per kind present, stable, and visible on both palettes."""

from __future__ import annotations

from typing import get_args

import pytest

from generator.schema import EventKind
from generator.site.drawing.svg import (
    OTHER,
    PALETTE,
    Swatch,
    kind_colours,
    kind_swatch,
    legend,
    legend_list,
    shorten,
)

BACKGROUNDS = ("#ffffff", "#1e2129")  # Material's default and slate page backgrounds


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB hex colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("colour", [*PALETTE, OTHER])
@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_colour_reaches_3_to_1_on_both_backgrounds(colour, background):
    assert contrast(colour, background) >= 3.0


def test_colours_follow_cameo_order_and_other_is_grey():
    colours = kind_colours(["fight", "other", "statement", "fight"])
    assert list(colours) == ["statement", "fight", "other"]
    assert colours["statement"] == Swatch(PALETTE[0], "solid")
    assert colours["other"] == Swatch(OTHER, "solid")


def test_every_cameo_kind_looks_different_and_the_same_in_every_briefing():
    swatches = [kind_swatch(k) for k in get_args(EventKind)]
    assert len(set(swatches)) == len(swatches)  # 21 kinds, 21 looks
    assert kind_colours(["fight"])["fight"] == kind_colours(["statement", "fight"])["fight"]


def test_a_kind_the_schema_does_not_know_is_hollow_grey():
    assert kind_swatch("bombardment") == Swatch(OTHER, "hollow")


def test_a_kind_keeps_its_colour_when_listed_in_another_order():
    assert kind_colours(["assault", "consult"]) == kind_colours(["consult", "assault"])


def test_the_legend_escapes_a_hand_written_kind():
    assert "<script>" not in legend(kind_colours(["<script>"]))


def test_a_long_label_is_cut_at_a_word_with_an_ellipsis():
    cut = shorten("Ruritania and Freedonia sign a treaty on fishing rights", 30)
    assert cut == "Ruritania and Freedonia sign…" and len(cut) <= 30
    assert shorten("Talks in Vienna", 30) == "Talks in Vienna"


def test_every_legend_is_one_list_style_with_hidden_marks_and_escaped_text():
    html = legend_list([('<circle r="6"/>', "a <b>kind</b>")], 'Shapes "and" edges', size=16)
    assert html.startswith('<ul class="briefing-legend" aria-label="Shapes &#34;and&#34; edges"')
    assert '<svg width="16" height="16" aria-hidden="true"><circle r="6"/></svg>' in html
    assert "<b>" not in html and html.count("<li") == 1
