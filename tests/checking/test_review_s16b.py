"""Issue 21, session sixteen's review (s16rev's findings F1, F4, F6, F8-F11, F15), by
class, each a table of answers of our own, right and wrong, through ``check`` and
``grade``:

- a constructor's shape given blank or twice (``np.random.uniform(0, 1, size=)``, a
  ``size=`` repeated, a shape given by position and by keyword: a SyntaxError or a
  TypeError in Python): no shape is read from it, and it is refused in one line.
  Before, the blank one failed with an IndexError (verdict ``error``), and the twice
  given ones were read from the first or from the keyword.

No wrong answer is accepted: each wrong row is ``not_equivalent``, or refused."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said as tests.checking.rows.said_as reads it
CLASSES = {
    "a constructor's shape given blank or twice": [
        ("bias-size", "np.random.uniform(0, 1, size=)", N, None),
        ("bias-size", "b = np.random.normal(0, 0.1, size= )", N, None),
        ("bias-size", "np.random.uniform(-1, 1, size=(c_o,), size=(c_i,))", N, None),
        ("bias-size", "np.random.uniform(-1, 1, (c_o,), size=(c_i,))", N, None),
        ("bias-size", "偏置 = np.random.uniform(0, 1, (c_o,), size=(c_o,))", N, None),
        guard("bias-size", "b = np.random.uniform(-1, 1, size=(c_i,))", W, None),
        guard("bias-size", "b = np.random.uniform(-1, 1, size=(c_o,))", R, None),
        guard("bias-size", "偏置 = np.random.normal(0, 0.1, (c_o,))", R, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=2, ascii=4)
