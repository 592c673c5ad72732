"""A big-O that leaves out the stride and padding the question gives (s15exam E1).

No ray of the order check grows a stride or a padding, so they are constants of the
order: ``O(c_o c_i h w)`` has the order of the 1 × 1 count at any stride and padding, and
assumes neither "stride 1" nor "no padding".  Its verdict stays right under the
asymptotic convention; the conventions it names are only that one.  A big-O of another
order stays wrong, and an exact count that leaves them out stays
``given_parameter_left_out``.
"""

import pytest

from derivations.checking import check, feedback
from derivations.checking.explaining.feedback import assumption_text

ORDER_FREE = [
    ("pointwise-complexity", "O(c_o c_i h w)"),
    ("pointwise-complexity", "O(c_i c_o h w / (s_h s_w))"),
    ("pointwise-complexity", "O(c_o c_i (h + p_h)(w + p_w))"),
    ("forward-mults", "O(c_o c_i k_h k_w h w)"),
    ("forward-mults", "O(c_o c_i k_h k_w (h - k_h + 1)(w - k_w + 1))"),
    ("forward-ops", "O(c_i c_o k_h k_w h w)"),
]

WRONG_ORDER = [
    ("pointwise-complexity", "O(c_o h w)", "input_channels_left_out"),
    ("forward-mults", "O(c_o c_i h w)", None),
    ("forward-mults", "O(c_i k_h k_w h w)", "output_channels_left_out"),
]


@pytest.mark.parametrize(("qid", "answer"), ORDER_FREE)
def test_a_big_o_without_stride_or_padding_assumes_neither(qid, answer):
    result = check(qid, answer, symbolic=False)
    assert result.verdict == "equivalent_under_convention"
    assert result.assumptions == ["asymptotic"]
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        for tag in ("stride_1", "no_padding"):
            assert assumption_text(tag, lang) not in said, said


@pytest.mark.parametrize(("qid", "answer", "misconception"), WRONG_ORDER)
def test_a_big_o_of_another_order_stays_wrong(qid, answer, misconception):
    result = check(qid, answer, symbolic=False)
    assert result.verdict == "not_equivalent"
    if misconception:
        assert result.misconception == misconception


def test_the_exact_count_without_them_stays_a_left_out_parameter():
    result = check("pointwise-complexity", "c_o (2 c_i - 1) h w", symbolic=False)
    assert (result.verdict, result.misconception) == ("not_equivalent", "given_parameter_left_out")
