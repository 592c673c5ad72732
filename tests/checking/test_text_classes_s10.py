"""Issue 21, session ten: classes of the text and markup around a formula that H9-test's
measurement left refused (its header lists them), each a table of answers of our own,
with other letters than the page's, right and wrong, in English and Chinese and the
other languages the class was met in, through ``check`` and ``grade``:

- a fraction whose denominator holds the stride's + 1 (``\\frac{W-F+2P}{S+1}``): read,
  and wrong with its own misconception (``plus_one_in_denominator``), also where a
  letter of the author's own (``f_h``) is read by its role.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

from derivations.checking import feedback
from tests.checking.rows import Table, classes_test

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, the misconception of a wrong answer or None)]}
CLASSES = {
    "plus one in the denominator": [
        (
            "output-height",
            r"$H_{out} = \frac{H_{in} - K + 2P}{S + 1}$",
            W,
            "plus_one_in_denominator",
        ),
        ("output-height", r"$H_{out} = \frac{H_{in} - K + 2P}{S} + 1$", C, None),
        ("output-width", r"输出宽度 $= \frac{W - F + 2P}{S + 1}$", W, "plus_one_in_denominator"),
        ("output-width", r"输出宽度 $= \frac{W - F + 2P}{S} + 1$", C, None),
        ("output-height", r"\frac{n_h - f_h + 2p}{s+1}", W, "plus_one_in_denominator"),
        ("output-height", r"\frac{n_h - f_h + 2p}{s}+1", C, None),
        (
            "output-width",
            r"$$o_w = \left\lfloor \frac{i_w + 2p - k}{s + 1} \right\rfloor$$",
            W,
            "plus_one_in_denominator",
        ),
        (
            "output-width",
            r"$$o_w = \left\lfloor \frac{i_w + 2p - k}{s} \right\rfloor + 1$$",
            C,
            None,
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


def _misconception_named(result, *, verdict, misconception, **_row) -> None:
    """A wrong answer names its misconception; the feedback says something in English and
    in Chinese."""
    if verdict == W:
        assert result.misconception == misconception, result.misconception
    for lang in ("en", "zh"):
        assert feedback(result, lang)


TABLE = Table("question, answer, verdict, misconception", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=_misconception_named)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=2, ascii=2)
