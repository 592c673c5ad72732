"""The per-side padding convention said without the output size's formula (s14exam E19):
its description printed "output ⌊(h + 2p_h − k_h)/s_h⌋ + 1" and "the book counts p_h
rows in all" to every answer with a 2p_h in it, at the hint level: p_h for 2p_h gives the
reference.  It says what per side means (p rows on each side, 2p in all), no formula.
Answers of our own, both languages, check and grade."""

from __future__ import annotations

import re

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from tests.checking.rows import LANGS


@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "h - k_h + 2 p_h"),
        ("output-height", "(h - k_h + 2p_h)/s_h"),
        ("output-height", "(h + 2p_h - k_h)/s_h + 2"),
        ("output-width", "floor((w + 2p_w - k_w)/s_w) + 1"),
    ],
)
def test_no_hint_prints_an_output_size_formula(question, answer):
    result = check(question, answer)
    for lang in LANGS:
        (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
        for said in (feedback(result, lang, reveal="hint"), row["feedback"]):
            assert not re.search(r"⌊\(\s*[hw]\s*\+", said), said


def test_the_description_names_no_formula():
    for lang in LANGS:
        said = text("checker.assumption.per_side_padding", lang)
        assert "⌊" not in said and "/s_h" not in said, said


@pytest.mark.parametrize(
    "question, answer, padding",
    [
        ("output-width", "(W - K + 2P)/S + 1", "p_w"),
        ("output-width", "(w - k_w + 2p_w)/s_w + 1", "p_w"),
        ("output-height", "(h - k_h + 2p_h)/s_h + 1", "p_h"),
    ],
)
def test_the_description_names_the_padding_of_the_axis_asked(question, answer, padding):
    """s15exam E18: on the output width the convention said "the book counts p_h rows in
    all" (the height's padding; the width's is p_w columns).  It names both axes'
    paddings, so each question's own is among them (fails on main: no p_w)."""
    result = check(question, answer)
    assert "per_side_padding" in result.conventions, result.conventions
    for lang in LANGS:
        said = feedback(result, lang, reveal="hint")
        assert text("checker.assumption.per_side_padding", lang) in said, said
        assert padding in text("checker.assumption.per_side_padding", lang)
