"""Issue 21, session eighteen: LaTeX ``\\text{}`` words and tables, and counts worked
through an example's numbers.  Answers of our own (none from the hold-out data), right
and wrong of the same shape, in English and Chinese, through ``check`` and ``grade``:

- words styled by ``\\text{}`` or ``\\mathrm{}`` as quantities, read as the same words
  written plain (``\\text{Output H}`` as ``Output_H``, ``\\text{输出高度}`` as 输出高度), a
  LaTeX times sign after a Chinese word (``\\text{输出高} \\times …``: no lead-in), a
  display whose product is broken over lines after ``\\times`` or ``\\approx``;
- a label styled with its colon inside (``\\text{bias-shape:} (c_o,)``,
  ``\\textbf{Output height:} …``), read as written plain;
- a LaTeX table of labelled rows (``\\begin{array}{ll} \\text{kernel-shape:} & […] \\\\
  \\text{bias-shape:} & […] \\end{array}``, ``aligned``): the row whose label names the
  quantity asked is graded, the note says which (``table_row``);
- a formula worked through numbers (``(h - k_h + p_h)/s_h + 1 = (5 - 3 + 0)/1 + 1 = 3``):
  where a numeric side is the formula with a number for each letter, the numbers the
  answer says are checked against the formula there (``worked_at_layer``), a slip in
  them flagged naming the layer and both values (``worked_off``), the formula graded;
- a count stated for an example the answer gives (``with 12 filters there are 12
  biases``): the reference at that layer compared (``example_layer``); a number off by
  one for its own givens is ``not_equivalent``.

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused."""

from __future__ import annotations

from derivations.checking import check
from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

FLOOR_H = r"\lfloor (h - k_h + p_h)/s_h \rfloor + 1"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, a refusal's "id: value", or the note (reading.note.<key>) the reading says
CLASSES = {
    "words styled by \\text{} as quantities": [
        (
            "forward-mults",
            r"\text{Out H} \cdot \text{Out W} \cdot \text{Kernel H} \cdot \text{Kernel W}"
            r" \cdot \text{Input C} \cdot \text{Output C}",
            R,
            None,
        ),
        (
            "forward-mults",
            r"\text{In H} \cdot \text{In W} \cdot \text{Kernel H} \cdot \text{Kernel W}"
            r" \cdot \text{Input C} \cdot \text{Output C}",
            W,
            None,
        ),
        (
            "forward-mults",
            r"\mathrm{Output\ H} \times \mathrm{Output\ W} \times k_h k_w c_i c_o",
            R,
            None,
        ),
        (
            "forward-mults",
            r"\mathrm{Input\ H} \times \mathrm{Input\ W} \times k_h k_w c_i c_o",
            W,
            None,
        ),
        (
            "forward-mults",
            r"\text{out}_{\text{h}} \times \text{out}_{\text{w}} \times c_i c_o k_h k_w",
            R,
            None,
        ),
        ("forward-mults", r"\text{out}_{\text{h}} \times c_i c_o k_h k_w", W, None),
        ("forward-mults", r"\text{输出高} \times \text{输出宽} \times k_h k_w c_i c_o", R, None),
        ("forward-mults", r"\text{输入高} \times \text{输入宽} \times k_h k_w c_i c_o", W, None),
        (
            "forward-mults",
            r"$\text{输出高度} \cdot \text{输出宽度} \cdot \text{卷积核高度} \cdot \text{卷积核宽度}"
            r" \cdot \text{输入通道数} \cdot \text{输出通道数}$",
            R,
            None,
        ),
        (
            "forward-mults",
            r"$\text{输出高度} \cdot \text{输出宽度} \cdot \text{卷积核高度} \cdot \text{输入通道数}"
            r" \cdot \text{输出通道数}$",
            W,
            None,
        ),
        (
            "output-height",
            r"\text{输出高度} = \lfloor (\text{输入高度} - k_h + p_h)/s_h \rfloor + 1",
            R,
            None,
        ),
        (
            "output-height",
            r"\text{输出高度} = \lfloor (\text{输入宽度} - k_w + p_w)/s_w \rfloor + 1",
            W,
            None,
        ),
    ],
    "a display's product broken over lines": [
        (
            "forward-mults",
            "$$\n\\text{MACs} \\approx\n\\text{Out H} \\times\n\\text{Out W} \\times\n"
            "k_h \\times k_w \\times\nc_i \\times c_o\n$$",
            R,
            "line_breaks",
        ),
        (
            "forward-mults",
            "$$\n\\text{MACs} \\approx\n\\text{Out H} \\times\n\\text{Out W} \\times\n"
            "k_h \\times k_w \\times\nc_i\n$$",
            W,
            None,
        ),
        ("forward-mults", "$$\nm_h \\times\nm_w \\times k_h k_w c_i c_o\n$$", R, "line_breaks"),
        ("forward-mults", "$$\nm_h \\times\nk_h k_w c_i c_o\n$$", W, None),
        (
            "forward-mults",
            "卷积层：\n$$\n\\text{输出高度} \\times \\text{输出宽度}\n\\times k_h k_w c_i c_o\n$$",
            R,
            "line_breaks",
        ),
        (
            "forward-mults",
            "卷积层：\n$$\n\\text{输入高度} \\times \\text{输入宽度}\n\\times k_h k_w c_i c_o\n$$",
            W,
            None,
        ),
    ],
    "a label styled with its colon inside": [
        ("bias-size", r"\text{bias-shape:} (c_o,)", R, None),
        ("bias-size", r"\text{bias-shape:} (c_i,)", W, None),
        ("bias-size", r"\textbf{Bias:} c_o", R, None),
        ("bias-size", r"\textbf{Bias:} c_o c_i", W, None),
        ("output-height", rf"\textbf{{Output height:}} {FLOOR_H}", R, None),
        ("output-height", r"\textbf{Output height:} \lfloor (h - k_h)/s_h \rfloor + 1", W, None),
        ("bias-size", r"\text{偏置形状：} [c_o]", R, None),
        ("bias-size", r"\text{偏置形状：} [k_h, k_w, c_o]", W, None),
    ],
    "a table of labelled rows": [
        (
            "bias-size",
            r"\begin{array}{ll} \text{weight-shape:} & [k_h, k_w, c_i, c_o] \\"
            r" \text{bias-shape:} & [c_o] \\ \end{array}",
            R,
            "table_row",
        ),
        (
            "bias-size",
            r"\begin{array}{ll} \text{weight-shape:} & [k_h, k_w, c_i, c_o] \\"
            r" \text{bias-shape:} & [c_i] \\ \end{array}",
            W,
            "bias_per_input_channel",
        ),
        (
            "bias-size",
            r"$$\begin{array}{ll} \text{kernel:} & (c_o, c_i, k_h, k_w) \\"
            r" \text{bias:} & c_o \end{array}$$",
            R,
            "table_row",
        ),
        (
            # the kernel's row, and no row of the bias: never read as the bias
            "bias-size",
            r"\begin{array}{ll} \text{kernel-shape:} & [k_h, k_w, c_i, c_o] \\"
            r" \text{output-shape:} & [m_h, m_w, c_o] \end{array}",
            N,
            None,
        ),
        (
            "bias-size",
            r"\begin{array}{ll} \text{权重形状：} & [k_h, k_w, c_i, c_o] \\"
            r" \text{偏置形状：} & [c_o] \end{array}",
            R,
            "table_row",
        ),
        (
            "bias-size",
            r"\begin{array}{ll} \text{权重形状：} & [k_h, k_w, c_i, c_o] \\"
            r" \text{偏置形状：} & [k_h, k_w, c_i, c_o] \end{array}",
            W,
            "table_row",
        ),
        (
            "output-width",
            r"\begin{aligned} \text{height:} & \lfloor (h - k_h + p_h)/s_h \rfloor + 1 \\"
            r" \text{width:} & \lfloor (w - k_w + p_w)/s_w \rfloor + 1 \end{aligned}",
            R,
            None,
        ),
        (
            "output-width",
            r"\begin{aligned} \text{height:} & \lfloor (w - k_w + p_w)/s_w \rfloor + 1 \\"
            r" \text{width:} & \lfloor (h - k_h + p_h)/s_h \rfloor + 1 \end{aligned}",
            N,
            "checker.reason.axes_swapped: width",
        ),
    ],
    "a formula worked through its own numbers": [
        (
            "output-height",
            "(h - k_h + p_h)//s_h + 1 = (7 - 3 + 2)//2 + 1 = 4",
            R,
            "worked_at_layer",
        ),
        (
            "output-height",
            "(h - k_h + p_h)//s_h + 1 = (7 - 3 + 2)//2 + 1 = 5",
            R,
            "worked_off",
        ),
        (
            "output-height",
            r"$m_h = \left\lfloor \frac{h - k_h + p_h}{s_h} \right\rfloor + 1"
            r" = \left\lfloor \frac{9 - 3 + 2}{3} \right\rfloor + 1 = 3$",
            R,
            "worked_at_layer",
        ),
        ("output-height", "(h - k_h)//s_h + 1 = (7 - 3)//2 + 1 = 3", W, None),
        (
            "forward-mults",
            r"c_i c_o k_h k_w m_h m_w = 2 \times 6 \times 3 \times 3 \times 5 \times 5 = 2700",
            R,
            "worked_at_layer",
        ),
        (
            "forward-mults",
            r"c_i c_o k_h k_w m_h m_w = 2 \times 6 \times 3 \times 3 \times 5 \times 5 = 2701",
            R,
            "worked_off",
        ),
        (
            "forward-mults",
            "乘法次数 = c_i c_o k_h k_w m_h m_w = 2*6*3*3*5*5 = 2700 次",
            R,
            "worked_at_layer",
        ),
        ("forward-mults", "乘法次数 = c_i k_h k_w m_h m_w = 2*3*3*5*5 = 450 次", W, None),
    ],
    "a count worked through an example the answer gives": [
        ("bias-size", "with 12 filters there are 12 biases", R, "example_layer"),
        ("bias-size", "with 12 filters there are 13 biases", W, "example_layer"),
        ("bias-size", "one bias per filter; so 12 filters have 12 bias terms", R, "example_layer"),
        ("bias-size", "one bias per filter; so 12 filters have 11 bias terms", W, "example_layer"),
        ("bias-size", "c_o (one bias per filter: 16 filters, 16 biases)", R, "example_layer"),
        (
            "bias-size",
            "with 16 filters and 3 input channels there are 3 biases",
            W,
            "example_layer",
        ),
        ("bias-size", "每个卷积核一个偏置，12 个卷积核共 12 个偏置", R, "example_layer"),
        ("bias-size", "每个卷积核一个偏置，12 个卷积核共 13 个偏置", W, "example_layer"),
        ("bias-size", "例如 8 个输出通道就有 8 个偏置参数", R, "example_layer"),
        ("bias-size", "例如 8 个输出通道，3 个输入通道，就有 24 个偏置参数", W, "example_layer"),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=12, ascii=10)


def test_the_table_says_which_row_was_graded():
    answer = (
        r"\begin{array}{ll} \text{weight-shape:} & [k_h, k_w, c_i, c_o] \\"
        r" \text{bias-shape:} & [c_o] \end{array}"
    )
    result = check("bias-size", answer, symbolic=False)
    (note,) = [n for n in result.parsed["notes"] if n["id"] == "reading.note.table_row"]
    assert note["fields"]["label"] == "bias-shape"
    assert note["fields"]["others"] == "weight-shape"


def test_a_number_alone_is_no_example():
    # no given named: the number is read as it always was (a constant, wrong)
    result = check("bias-size", "12 biases", symbolic=False)
    assert result.verdict == W
    assert not any(n["id"] == "reading.note.example_layer" for n in result.parsed["notes"])


def test_an_example_whose_givens_could_be_either_channel_is_not_accepted():
    # c_i = c_o = 12: whether the 12 counts the filters or the input channels is not known
    result = check("bias-size", "with 12 filters and 12 input channels there are 12 biases")
    assert result.verdict not in (R, C)


def test_the_example_layer_is_the_counterexample_of_a_wrong_one():
    result = check("bias-size", "with 12 filters there are 13 biases", symbolic=False)
    assert result.counterexample == {"layer": {"c_o": 12}, "reference": 12, "answer": 13}


def test_worked_numbers_that_are_no_substitution_stay_unchecked():
    # (7 - 3)/2 leaves out the padding the formula has: which number is which is not
    # known, so the number is the author's own, not checked (as before)
    result = check("output-height", "(h - k_h + p_h)//s_h + 1 = (7 - 3)//2 + 1 = 3", symbolic=False)
    notes = [n["id"] for n in result.parsed["notes"]]
    assert result.verdict == R
    assert "reading.note.worked_at_layer" not in notes
