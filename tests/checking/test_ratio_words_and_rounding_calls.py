"""Two readings of session 14's examiner (s14exam), answers of our own in English and
Chinese through ``check``, ``grade`` and the page's number path:

- E12: a ratio of two costs said with a count word (``4 FLOPs`` for doubling the
  channels) was "the word names one counting, the answer counts the other": the MACs and
  the FLOPs grow by the same factor, so no count word clashes with a ratio; the reading
  under the counting the word names is said first.
- E22: ``向下取整((h - k_h + p_h)/s_h) + 1`` (向下取整 is the floor, written as a function)
  lost its floor as words around the formula and was told the floor is missing; a
  rounding's Chinese name before a bracket is now that rounding of the bracket, noted."""

from __future__ import annotations

import json

import pytest

from derivations.checking import check
from derivations.practice.numbers import answer_at
from tests.checking.rows import LANGS, Table, said_as

R, C, W = "equivalent", "equivalent_under_convention", "not_equivalent"
DC, OH, FO = "double-channels", "output-height", "forward-ops"

ROWS = [
    (DC, "4 FLOPs", C, None),
    (DC, "×4 FLOPs", C, None),
    (DC, "4 MACs", C, None),
    (DC, "2 FLOPs", W, "doubling_doubles"),
    (FO, "c_o c_i k_h k_w m_h m_w FLOPs", W, "count_word_disagrees"),  # not a ratio: kept
    (OH, "向下取整((h - k_h + p_h)/s_h) + 1", R, "rounding_call"),
    (OH, "向下取整[(h + p_h - k_h)/s_h] + 1", R, "rounding_call"),
    (OH, "向上取整((h - k_h + p_h + 1)/s_h)", R, "rounding_call"),
    (OH, "下取整((h - k_h + p_h + s_h)/s_h)", R, "rounding_call"),
    (OH, "向下取整((h - k_h + p_h)/s_h)", W, None),
    (OH, "向上取整((h - k_h + p_h)/s_h)", W, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


@pytest.mark.parametrize("counting", ["flops", "macs"])
def test_a_ratio_said_with_a_count_word_is_read_under_that_counting(counting):
    word = {"flops": "FLOPs", "macs": "MACs"}[counting]
    result = check(DC, f"4 {word}")
    assert result.assumptions[:1] == [counting], result.assumptions


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_reads_a_ratio_said_with_flops(lang):
    data = json.loads(answer_at(DC, "4 FLOPs", lang))
    assert data["verdict"] == C and data["misconception"] is None, data
