"""A shape said "a by b" between two sums (s14exam E10): ``k_1 + k_2 - 1 by k_1 + k_2 - 1``
answering compose-size was read by precedence, ``k_1 + k_2 − 1·k_1 + k_2 − 1``, and
called wrong ("gives 9"), while ``(k_1+k_2-1) x (k_1+k_2-1)`` is a shape.  Each sum beside
one "by" is now a bracket of its own.  Answers of our own, through check and grade."""

from __future__ import annotations

from tests.checking.rows import Table

R, W = "equivalent", "not_equivalent"
CS, FM = "compose-size", "forward-mults"

ROWS = [
    (CS, "k_1 + k_2 - 1 by k_1 + k_2 - 1", R),
    (CS, "k_1 + k_2 - 1 by (k_1 + k_2 - 1)", R),
    (CS, "(k_1 + k_2 - 1) by k_1 + k_2 - 1", R),
    (CS, "k_1+k_2-1 by k_1+k_2-1", R),
    (CS, "k_1 + k_2 by k_1 + k_2", W),
    (CS, "k_1 + k_2 - 1 by k_1 + k_2", W),
    (FM, "c_o c_i k_h k_w m_h by m_w", R),  # no sum: as before
]

TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_a_by_between_sums_is_a_shape = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()
