"""Examiner s6zh3 (issue 25): the 1x1 exercise said a k_h x k_w kernel "costs k_h k_w
times more" right after giving exact counts; that holds for multiplications (MACs,
FLOPs) only. Exact multiplications plus additions are counted here by summing every
output's terms, independently of the package."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.docs.sheets import LANGS, exercise_section, read_sheet

TITLE = {"en": "$1\\times 1$", "zh": "$1\\times 1$"}


def _counts(c_i: int, k: int) -> tuple[int, int]:
    """(multiplications, multiplications + additions) for one output element of one
    output channel: a sum of c_i k k products needs one addition fewer than its terms."""
    terms = c_i * k * k
    return terms, terms + (terms - 1)


@pytest.mark.parametrize("lang", LANGS)
def test_pointwise_kernel_ratio_names_multiplications_and_the_exact_ratio(lang):
    for c_i in (1, 2, 64):
        mults3, ops3 = _counts(c_i, 3)
        mults1, ops1 = _counts(c_i, 1)
        assert Fraction(mults3, mults1) == 9
        assert Fraction(ops3, ops1) == Fraction(2 * c_i * 9 - 1, 2 * c_i - 1) > 9
    assert Fraction(_counts(1, 3)[1], _counts(1, 1)[1]) == 17
    section = exercise_section(read_sheet(lang), TITLE[lang])
    assert "costs $k_h k_w$ times more" not in section
    assert "卷积核的计算量是它的" not in section
    assert "(2 c_i k_h k_w - 1)/(2 c_i - 1)" in section
    assert "$17$" in section and "$9$" in section
    needle = "multiplications (MACs, FLOPs)" if lang == "en" else "乘法次数（MACs、FLOPs）"
    assert needle in section
