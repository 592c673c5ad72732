"""The groups (the formulas page's g, PyTorch's ``groups``) are read as 1, the book's
layer being ungrouped, only where they stand as grouping acts (``checker._groups_placed``):
for a size or the bias, read again at groups = 2, the answer must be unchanged.  Elsewhere the
answer is refused in one line (``checker.reason.groups_misplaced``), never accepted: before,
``c_o / g`` was accepted as the bias and ``(h + p_h - g*k_h)//s_h + 1`` as the output
height (s13rev).  Counts with c_i are not checked (their grouped forms are not one reading at 2 away):
tests/checking/test_notation_records.py reads the formulas page's own grouped forms."""

from __future__ import annotations

import pytest

from derivations.checking.checker import check

R, N = "equivalent", "invalid_input"

ROWS = [
    # grouping divides the multiplications (each output sees c_i/g inputs): read at 1,
    # placement not checked where c_i is in the reference
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w/g", R),
    ("forward-mults", "c_o (c_i / groups) k_h k_w m_h m_w", R),
    # grouping changes neither a size nor the bias
    ("bias-size", "c_o / g", N),
    ("bias-size", "c_o * groups", N),
    ("output-height", "(h + p_h - g*k_h)//s_h + 1", N),
    ("output-height", "(h + p_h - k_h)//(g*s_h) + 1", N),
    ("output-width", "(w + p_w - k_w + s_w * groups) // s_w", N),
]


@pytest.mark.parametrize("question, answer, verdict", ROWS)
def test_groups_are_read_only_where_grouping_acts(question, answer, verdict):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    if verdict == N:
        assert result.error["id"] == "checker.reason.groups_misplaced"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_refusal_names_what_was_written(lang):
    from derivations.messages import text

    said = text("checker.reason.groups_misplaced", lang, written="groups")
    assert "groups = 2" in said and said.rstrip().endswith("groups"), said
