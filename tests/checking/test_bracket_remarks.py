"""A bracket after a formula or a number that states a parameter's value or shows the
working (s14exam E9, E14; s13exam E13): ``c_o c_i k_h k_w m_h m_w (stride 1)`` was read
as ``… × s × 1`` and called wrong with a value the student's formula never gives;
``4 (stride 3)``, ``4 rows (⌊14/3⌋)``, ``4752 (1296 MACs)`` at the practice page's layer
were multiplied by their brackets.  Now a parameter's value in brackets is a remark (in
English and Chinese), and a number's bracket is its working (checked against it and
said) or words (not graded).  Answers of our own, through ``check``, ``grade`` and the
page's number path."""

from __future__ import annotations

import pytest

from derivations.checking import check
from derivations.expr.evaluate import compile_node
from tests.checking.rows import Table, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OH, OW, FM, CS = "output-height", "output-width", "forward-mults", "compose-size"
OTHER_LAYER = "checker.reason.remark_other_layer: "

ROWS = [
    (FM, "c_o c_i k_h k_w m_h m_w (stride 1)", R, "remark"),
    (FM, "c_i c_o k_h k_w m_h m_w（步幅为 1）", R, "remark"),
    (CS, "k_1 + k_2 - 1 (stride 1)", R, "remark"),
    (OH, "floor((h - k_h + p_h)/s_h) + 1 (p = 4)", R, "remark"),
    (OH, "floor((h - k_h + p_h)/s_h) + 1（步幅 2）", R, "remark"),
    (OW, "⌊(w − k_w + p_w)/s_w⌋ + 1（填充为 2）", R, "remark"),
    (OW, "(w - k_w + p_w)//s_w + 1 (padding: 2)", R, "remark"),
    # several parameters stated, one said absent (s14exam E25: "unknown symbol 'and'")
    (CS, "k_2 + k_1 - 1 (stride 1 and no padding)", R, "remark"),
    (OH, "floor((h - k_h + p_h)/s_h) + 1（步幅为 1，无填充）", R, "remark"),
    (OH, "floor((h - k_h + p_h)/s_h) + 1 (stride 2, padding 1)", R, "remark"),
    (OH, "h - k_h + 1 (stride 1 and no padding)", W, None),
    # the stride stated in a remark is still left out of the formula: wrong
    (OH, "h - k_h + p_h + 1 (stride 1)", W, None),
    (OH, "h - k_h + p_h + 1（步幅为 1）", W, None),
    # a remark that changes the value stays refused; the other axis's word stays named
    (FM, "c_o c_i k_h k_w m_h m_w (doubled)", N, "reading.remark_operation: doubled"),
    # a term added in brackets, no operator before it: an addition said aside, not a
    # factor of +1 (s16rev F7); a factor after an operator stays one
    ("bias-size", "c_o (+1)", N, "reading.remark_operation: +1"),
    ("bias-size", "c_o（+ 1）", N, "reading.remark_operation: + 1"),
    guard("bias-size", "c_o * (+1)", R, None),
    (OH, "floor((h - k_h + p_h)/s_h) + 1（宽）", N, "checker.reason.words_name_other: 宽"),
    # the composed size is the book's stride-1 layers': a remark naming another stride,
    # dilation or padding states another layer (it was accepted); the book's value stays
    # a remark, as above, and a wrong formula wrong (guards)
    (CS, "k_1 + k_2 - 1 (stride 2)", N, OTHER_LAYER + "stride 2"),
    (CS, "k_1 + k_2 - 1（步幅为 2）", N, OTHER_LAYER + "步幅为 2"),
    (CS, "k_2 + k_1 - 1 (s = 3)", N, OTHER_LAYER + "s = 3"),
    (CS, "k_1 + k_2 - 1 (dilation 2)", N, OTHER_LAYER + "dilation 2"),
    (CS, "k_1 + k_2 - 1（填充为 1）", N, OTHER_LAYER + "填充为 1"),
    guard(CS, "k_1 + k_2 - 1（步幅为 1）", R, "remark"),
    guard(CS, "k_1 + k_2 - 1 (no padding)", R, "remark"),
    guard(CS, "k_1 + k_2 (stride 2)", W, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_parameters_value_in_brackets_is_a_remark = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


@pytest.mark.parametrize(
    "answer, formula",
    [
        ("h - k_h + p_h + 1 (stride 1)", "h - k_h + p_h + 1"),
        ("h - k_h + p_h + 1（步幅为 1）", "h - k_h + p_h + 1"),
    ],
)
def test_the_value_shown_is_the_students_formulas(answer, formula):
    """E9: "at … the answer gives 6" where the student's formula gives 5 there."""
    from derivations.checking.reading.parse import parse_answer

    result = check(OH, answer)
    example = result.counterexample
    value = compile_node(parse_answer(formula).tree)(example["layer"])
    assert example["answer"] == value, example
