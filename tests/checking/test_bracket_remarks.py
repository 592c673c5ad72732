"""A bracket after a formula or a number that states a parameter's value or shows the
working (s14exam E9, E14; s13exam E13): ``c_o c_i k_h k_w m_h m_w (stride 1)`` was read
as ``… × s × 1`` and called wrong with a value the student's formula never gives;
``4 (stride 3)``, ``4 rows (⌊14/3⌋)``, ``4752 (1296 MACs)`` at the practice page's layer
were multiplied by their brackets.  Now a parameter's value in brackets is a remark (in
English and Chinese), and a number's bracket is its working (checked against it and
said) or words (not graded).  Answers of our own, through ``check``, ``grade`` and the
page's number path."""

from __future__ import annotations

import json

import pytest

from derivations.checking import check
from derivations.expr.evaluate import compile_node
from derivations.messages import text
from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import LANGS, Table, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OH, OW, FM, CS = "output-height", "output-width", "forward-mults", "compose-size"

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
    (OH, "floor((h - k_h + p_h)/s_h) + 1（宽）", N, "checker.reason.words_name_other: 宽"),
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


def _student():
    (student,) = practice_class().students
    return student


def _key(question: str):
    return next(k.value for k in _student().key if k.question == question)


@pytest.mark.parametrize("lang", LANGS)
def test_a_numbers_bracket_is_its_working_or_words(lang):
    layer = _student().layer
    height, mults = _key(OH), _key(FM)
    backward = _key("backward-ops")
    rows = [
        (OH, f"{height} (stride {layer.s_h})", R, ("variants.bracket_words",)),
        (OH, f"{height}（步幅为 {layer.s_h}）", R, ("variants.bracket_words",)),
        (OH, f"{height} rows (⌊{height * layer.s_h}/{layer.s_h}⌋)", R, ("variants.bracket_same",)),
        (FM, f"{mults} ({mults // layer.c_o} x {layer.c_o})", R, ("variants.bracket_same",)),
        ("backward-ops", f"{backward} ({mults} MACs)", R, ("variants.bracket_words",)),
        (OH, f"{height + 1} ({height})", W, ("variants.bracket_other",)),
    ]
    for question, said, verdict, (note,) in rows:
        data = json.loads(answer_at(question, said, lang))
        assert data["verdict"] == verdict, (said, data)
        opening = text(note, lang, inside="{}", value="{}").split("{}")[0]
        assert opening in data["feedback"], (said, data)


@pytest.mark.parametrize("lang", LANGS)
def test_a_count_word_in_brackets_after_a_number(lang):
    """s14exam E11: "1296 multiplications (MACs)" at the layer was refused as naming the
    count instead of giving it; a count word in brackets after a bare number is judged as
    one said after it ("2592 (MACs)", the FLOPs, disagrees with its word)."""
    mults = _key(FM)
    data = json.loads(answer_at(FM, f"{mults} multiplications (MACs)", lang))
    assert data["verdict"] == R, data
    data = json.loads(answer_at("forward-ops", f"{2 * mults} (MACs)", lang))
    assert data["verdict"] == W and data["misconception"]["id"] == "count_word_disagrees", data
