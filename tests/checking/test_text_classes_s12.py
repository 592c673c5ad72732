"""Issue 21, session twelve: classes of the text around a formula that H10's and H11's
measurements left unread or misjudged (the header of heldout_answers.yaml lists them),
each a table of answers of our own, right and wrong, in English and Chinese and the
other languages the class was met in, through ``check`` and ``grade``:

- a label naming another quantity than the one asked, in its language's words: the
  parts record's ``labels`` (per language: Vietnamese ``chiều cao đầu vào``, the input's
  height; Indonesian ``tinggi masukan``; Polish ``wysokość wejścia``; Persian ``ارتفاع
  ورودی``; Russian ``ширина выхода``), read without their marks (Vietnamese's letters
  of Latin Extended Additional and đ, Polish ł); a label or a name of the other axis's
  output size before a formula along the asked axis alone (``chiều rộng đầu ra = …``,
  ``输出宽度 = …``, ``W_out = (h - …)``) is refused, never accepted; the right label
  keeps a right answer right and a wrong one wrong.
- a name saying the output's rows or columns in other words: the kernel's passes or
  positions along an axis (``kernel_passes_h``: the output's height, the parts record's
  output words), a count of rows or columns with no object (``rows_no``, ``n_cols``: the
  input's, the output's or the kernel's, inferred among them), the padding above and
  below (``ROW_UP_PAD``, ``pad_down``: a side's, half the axis's total).
- a width misspelt ``weight`` where a size is written: refused in one line naming the
  word and the word it may be (the roles record's ``misspelt``: width, w, k_w), never
  read as it; wrong under every reading, wrong.
- letters defined in words after the formula (``…，其中 a 为输入尺寸，c 为填充``): each
  definition put in for its letter in brackets; a bracket first in a bracket with a
  term after it, or right after a number (``2(填充)``), is an operand, never a remark
  read away (it was: a right answer judged not_equivalent, its a and c dropped).

And how "read as" says a letter inferred by its role: as the answer writes it (``x``,
not the reader's ``X``), and "the only reading that matches a known mistake" where it
matches only a catalogued mistake (``x - k_h + 1``), not the reading that matches.

No wrong answer is accepted: each wrong row is ``not_equivalent`` (or refused)."""

from __future__ import annotations

import pytest

from derivations.checking import feedback
from tests.checking.rows import Table, classes_test, graded_rows, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
OTHER = "checker.reason.lead_names_other"
MISSPELT = "reading.unknown_word_misspelt"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the refusal's id and the value it names, or the note (reading.note.<key>) the
# reading says, or None.  Each class's rows were run with its commit's change to
# derivations/ reverted on main (s13left: 7e1a302, 71888b1, 343d98b, 687ffa4): a row
# written guard(…) has its verdict there too (a right answer kept right, a wrong one of
# the class's form kept wrong, a refusal kept); every other row fails there.
CLASSES = {
    "a label naming another quantity, in its language's words": [
        # the input's or the kernel's size named before an output size's formula
        (
            "output-height",
            "chiều cao đầu vào = (h - k_h + p_h + s_h) // s_h",
            N,
            f"{OTHER}: cao đầu vào",
        ),
        (
            "output-width",
            "kích thước bộ lọc = (w - k_w + p_w + s_w) // s_w",
            N,
            f"{OTHER}: thước bộ lọc",
        ),
        ("output-height", "tinggi masukan = (h + p_h - k_h + s_h) // s_h", N, None),
        ("output-width", "lebar masukan: (w + p_w - k_w + s_w) // s_w", N, None),
        ("output-height", "wysokość wejścia = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-height", "ارتفاع ورودی = (h - k_h + p_h + s_h) // s_h", N, None),
        guard("output-height", "输入高度 = (h - k_h + p_h + s_h) // s_h", N, None),
        guard("output-height", "the input height is (h - k_h + p_h + s_h) // s_h", N, None),
        # the other axis's output size named before a formula along the asked axis
        ("output-height", "chiều rộng đầu ra = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-height", "szerokość wyjścia = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-height", "عرض خروجی = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-height", "ширина выхода = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-width", "lebar masukan = (w - k_w + p_w + s_w) // s_w", N, None),
        ("output-height", "输出宽度 = (h - k_h + p_h + s_h) // s_h", N, f"{OTHER}: 输出宽度"),
        ("output-height", "出力の幅 = (h - k_h + p_h + s_h) // s_h", N, None),
        ("output-width", "输出高度 = (w - k_w + p_w + s_w) // s_w", N, None),
        ("output-height", "W_out = (h - k_h + p_h + s_h) // s_h", N, f"{OTHER}: W_out"),
        ("output-width", "out_height = (w - k_w + p_w + s_w) // s_w", N, None),
        # the asked size named: a right formula right, a wrong one wrong
        guard("output-height", "chiều cao đầu ra = (h - k_h + p_h + s_h) // s_h", R, None),
        guard("output-height", "chiều cao đầu ra = (h - k_h + p_h) // s_h", W, None),
        guard("output-height", "tinggi keluaran = (h + p_h - k_h + s_h) // s_h", R, None),
        guard("output-width", "szerokość wyjścia = (w - k_w + p_w + s_w) // s_w", R, None),
        guard("output-width", "szerokość wyjścia = (w - k_w + s_w) // s_w", W, None),
        guard("output-width", "عرض خروجی = (w - k_w + p_w + s_w) // s_w", R, None),
        guard("output-width", "输出宽度 = (w - k_w + p_w + s_w) // s_w", R, None),
        guard("output-width", "输出宽度 = (w - k_w + p_w) // s_w", W, None),
        guard("output-height", "输出高度为 (h - k_h + p_h + s_h) // s_h", R, None),
        guard("output-height", "высота выхода = (h - k_h + p_h + s_h) // s_h", R, None),
        # a formula along the named axis under the other axis's name: a square layer's
        guard("output-height", "W_out = (w - k_w + p_w + s_w) // s_w", W, None),
        guard("output-height", "output height = (h - k_h + p_h + s_h) // s_h", R, None),
    ],
    "a name saying the output's rows or columns in other words": [
        # the kernel's passes or positions along an axis: the output's size
        ("output-height", "kernel_positions_h = (in_h + p_h - k_h + s_h) // s_h", R, None),
        ("output-width", "filter_passes_w = (w - k_w + p_w) // s_w + 1", R, None),
        guard("output-width", "passes_w = (w - k_w + p_w) // s_w", W, None),
        guard("output-height", "filter_passes_h = (h - k_h + p_h) // s_h", W, None),
        # a count of rows or columns names no object: the input's, the output's or the
        # kernel's, inferred; the padding above and below (up, down) a side's each
        (
            "output-height",
            "rows_out = (rows_in + PAD_UP + PAD_DOWN - rows_no) // stride + 1",
            C,
            None,
        ),
        ("output-height", "out_h = (h + p_h - n_rows + s_h) // s_h", R, None),
        (
            "output-height",
            "int out_rows = (in_rows + pad_up + pad_down - k_rows) / stride + 1;",
            C,
            "semicolon",
        ),
        guard(
            "output-width",
            "cols_out = (cols_in + pad_left + pad_right - n_cols) // stride",
            W,
            None,
        ),
        guard("output-width", "输出列数 = (w + p_w - k_w + s_w) // s_w", R, None),
        guard("output-height", "输出的行数 = (h + p_h - k_h) // s_h", W, None),
        # a name of another quantity stays refused
        guard("output-height", "pad_up = (h + p_h - k_h + s_h) // s_h", N, f"{OTHER}: pad_up"),
        guard("output-height", "核的行数 = (h + p_h - k_h + s_h) // s_h", N, None),
    ],
    "a width misspelt weight": [
        ("output-width", "w_out = (weight + p_w - k_w + s_w) // s_w", N, f"{MISSPELT}: weight"),
        ("output-width", "W_o = (weigth + 2*p - f) // s + 1", N, f"{MISSPELT}: weigth"),
        ("output-width", "输出宽度 = (weight - k_w + p_w + s_w) // s_w", N, f"{MISSPELT}: width"),
        # wrong under every reading of the word: wrong
        guard("output-width", "输出宽度 = (weight - k_w + p_w) // s_w", W, None),
        guard("output-width", "w_out = (width + p_w - k_w + s_w) // s_w", R, None),
    ],
    "letters defined in words after the formula": [
        (
            "output-height",
            "(a - b + 2c)/d + 1，其中 a 为输入尺寸，b 为卷积核尺寸，c 为填充，d 为步幅",
            C,
            None,
        ),
        ("output-height", "(x - f + 2p)/s + 1，其中 x 为输入尺寸，f 为卷积核尺寸", C, None),
        guard(
            "output-height",
            "(x - b + 2c)/d，其中 x 为输入尺寸，b 为卷积核尺寸，c 为填充，d 为步幅",
            W,
            None,
        ),
        guard(
            "output-height",
            "(a - b + 2c)/d + 1, where a is the input size, b is the filter size, "
            "c is the padding and d is the stride",
            C,
            None,
        ),
        guard(
            "output-height",
            "(a - b)/d + 1, where a is the input size and b is the filter size",
            W,
            None,
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4, ascii=4)


# how "read as" says a letter inferred by its role: as the answer writes it (a lone
# letter's two cases are one unknown to the reader), and whether its reading makes the
# answer right or matches only a catalogued mistake
# (question, answer, verdict, written, how)
INFERRED = [
    ("output-height", "(x + p_h - k_h + s_h) // s_h", R, "x", "inferred"),
    guard("output-height", "(X + p_h - k_h + s_h) // s_h", R, "X", "inferred"),
    ("output-width", "(w - r + p_w + s_w) // s_w", R, "r", "inferred"),
    ("output-height", "x - k_h + 1", W, "x", "inferred_mistake"),
    ("output-height", "输出高度 = x - k_h + 1", W, "x", "inferred_mistake"),
    guard("output-width", "(w - R + p_w + s_w) // s_w", R, "R", "inferred"),
]
_PHRASES = {
    "inferred": ("the only reading that matches)", "唯一对得上的读法"),
    "inferred_mistake": ("matches a known mistake", "已知错误"),
}


def _said_as_inferred(result, *, written: str, how: str, **_row) -> None:
    readings = [r for r in result.parsed["readings"] if r["how"].startswith("inferred")]
    assert [(r["written"], r["how"]) for r in readings] == [(written, how)], readings
    for lang, words in zip(("en", "zh"), _PHRASES[how], strict=True):
        assert f"{written} → " in feedback(result, lang) and words in feedback(result, lang)


INFERRED_TABLE = Table("question, answer, verdict, written, how", INFERRED, symbolic=False)
test_an_inferred_letter_is_said_as_written = INFERRED_TABLE.check_test(also=_said_as_inferred)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_says_the_inferred_letters_as_written(lang):
    # grade's feedback too, not its verdicts alone (which f9cecef did not change)
    graded = graded_rows(INFERRED, lang)
    words = {how: phrases[("en", "zh").index(lang)] for how, phrases in _PHRASES.items()}
    for row, (_q, _a, verdict, written, how) in zip(graded, INFERRED, strict=True):
        assert row["verdict"] == verdict, row
        assert f"{written} → " in row["feedback"] and words[how] in row["feedback"], row
