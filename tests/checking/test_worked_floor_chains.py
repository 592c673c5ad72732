"""A formula with a floor, then its value worked out (s14exam E18): ``floor((h - k_h +
p_h)/s_h)+1 = 4`` was refused ("the sides … differ … at h = 1 …: 1 vs 4"): the test that
a worked number contradicts a constant formula tried two layers of ordered sizes, at
which the floor is the same, and took the formula for a constant.  On the practice
page's layer question the chain is now checked at the layer; a chain of arithmetic alone
that does not hold says its value, no layer.  Answers of our own, both languages."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import LANGS, Table, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OH, OW, FM, DC = "output-height", "output-width", "forward-mults", "double-channels"

ROWS = [
    (OH, "floor((h - k_h + p_h)/s_h)+1 = 4", R, "worked_number"),
    (OW, "floor((w - k_w + p_w)/s_w) + 1 = 3", R, "worked_number"),
    (OH, "⌊(h − k_h + p_h + s_h)/s_h⌋ = 7", R, "worked_number"),
    (OH, "floor((h - k_h)/s_h) + 1 = 4", W, None),
    # a constant formula whose worked number differs is still refused (s9adv)
    (DC, "(2c_i)(2c_o)/(c_i c_o) = 2", N, "checker.reason.chain_disagrees: 2"),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_floor_formula_with_its_value_reads = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


def _key(question: str):
    (student,) = practice_class().students
    return next(k.value for k in student.key if k.question == question)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_checks_the_chain_at_its_layer(lang):
    height = _key(OH)
    formula = "floor((h - k_h + p_h)/s_h)+1"
    right = json.loads(answer_at(OH, f"{formula} = {height}", lang))
    assert right["verdict"] == R, right
    wrong = json.loads(answer_at(OH, f"{formula} = {height + 1}", lang))
    assert wrong["verdict"] == W, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_arithmetic_that_does_not_hold_names_no_layer(lang):
    mults = _key(FM)
    data = json.loads(answer_at(FM, f"{mults}*1 = {mults + 4}", lang))
    assert data["verdict"] == N, data
    assert "c_i =" not in data["feedback"] and str(mults) in data["feedback"], data
