"""s15exam E2, E4: count words at the end of an answer.

E2: ``muls``, ``multiplies`` after a right count were read as the count they name,
multiplied in, and refused as "naming the count instead of giving it", where ``mults``
was read as the count's word.  They are count words now (``informal.COUNTS``; ``adds``
became one in session 16: tests/checking/test_words_after_counts.py).
E4: a count word after the formula naming another count (``… additions`` answering the
multiplications) was refused as "the words before the formula"; now
``checker.reason.count_word_names_other``, naming the word as written.  Each right row has
a wrong twin of its shape; a count word after ``=`` stays the count it names."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_variants
from tests.checking.rows import Table, classes_test, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OTHER = "checker.reason.count_word_names_other: "
MULTS = "c_o c_i k_h k_w m_h m_w"
ADDS = "c_o m_h m_w (c_i k_h k_w - 1)"

CLASSES = {
    "spellings": [
        ("forward-mults", f"{MULTS} muls", R, "unit_count"),
        ("forward-mults", f"{MULTS} multiplies", R, "unit_count"),
        ("forward-mults", f"{MULTS} products", R, "unit_count"),
        ("forward-mults", "c_o c_i k_h m_h m_w products", W, None),
        ("forward-mults", "c_o c_i k_h k_w m_h muls", W, None),
        # a count word after "=" is the count it names, no unit (H3's ``adds = muls``,
        # refused while muls was first read as a unit)
        ("forward-adds", "adds = muls", "equivalent_under_convention", None),
        ("forward-adds", "adds = 2 muls", W, None),
    ],
    "another_count": [
        ("forward-mults", f"{MULTS} additions", N, OTHER + "additions"),
        ("forward-mults", f"{MULTS} 次加法", N, OTHER + "次加法"),
        ("forward-adds", f"{MULTS} products", N, OTHER + "products"),
        ("forward-adds", f"{ADDS} 次加法", R, "unit_count"),
        ("forward-adds", f"{ADDS} 次乘法", N, OTHER + "次乘法"),
        ("forward-adds", "c_o m_h (c_i k_h k_w - 1) 次加法", W, None),
    ],
}

ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_count_words_are_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=3)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_the_layer_a_number_with_its_count_word(lang):
    key = {k.question: k.value for k in practice_variants().students[0].key}
    for question, word, other in (
        ("forward-adds", "additions", "products"),
        ("forward-mults", "muls", "additions"),
    ):
        right = json.loads(answer_at(question, f"{key[question]} {word}", lang))
        assert right["verdict"] == "equivalent", right
        wrong = json.loads(answer_at(question, f"{key[question] + 1} {word}", lang))
        assert wrong["verdict"] == "not_equivalent", wrong
        refused = json.loads(answer_at(question, f"{key[question]} {other}", lang))
        assert refused["verdict"] == "invalid_input", refused
        assert f"{other}" in refused["feedback"], refused
