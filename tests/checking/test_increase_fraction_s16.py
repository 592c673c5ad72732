"""s16rev2 G2: a verb of increase before a factor written as a fraction (``增加了 4/1 倍``,
``提高 8/2 倍``) was read as that factor: the verb was dropped as a label before a
formula (the fraction's "/" made ``4/1 倍`` no factor to :func:`.informal.states_factor`),
so the ambiguity ``增加了 4 倍`` is refused for (4 times the original, or 5 times) was
lost and the answer accepted.  Now the verb stays (:func:`.informal.increase_before`)
and the answer is refused; a copula (``变为``, ``增加为``: "becomes") and a label naming the
count (``乘法次数``) keep their reading, as does the fraction alone."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_variants
from tests.checking.rows import Table, classes_test, guard

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
DC = "double-channels"

CLASSES = {
    "a verb of increase before a fraction's factor": [
        (DC, "增加了 4/1 倍", N),
        (DC, "提高 4/1 倍", N),
        (DC, "提高了 8/2 倍", N),
        (DC, "计算量增加了 4/1 倍", N),
        (DC, "增长 8/2 倍", N),
        guard(DC, "增加了 4 倍", N),
        guard(DC, "计算量变为 8/2 倍", C),
        guard(DC, "增加为 4/1 倍", C),
        guard(DC, "乘法次数 4/1 倍", C),
        guard(DC, "8/2 times", C),
        guard(DC, "增加为 9/2 倍", W),
        guard(DC, "9/2 times", W),
        guard(DC, "increased by 4/1 times", N),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=8, ascii=3)

# (answer at the page's layer, the ratio's fraction as {f}, verdict)
AT_LAYER = [
    ("增加了 {f} 倍", N),
    ("提高 {f} 倍", N),
    ("变为 {f} 倍", R),
    ("{f} 倍", R),
]


@pytest.mark.parametrize("answer, verdict", AT_LAYER)
def test_at_the_layer(answer, verdict):
    ratio = {k.question: k.value for k in practice_variants().students[0].key}[DC]
    text = answer.format(f=f"{ratio.numerator}/{ratio.denominator}")
    assert json.loads(answer_at(DC, text, "zh"))["verdict"] == verdict
