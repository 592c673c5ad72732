"""Issue 21, session eleven: classes of the text and markup around a formula that H10's
measurement left unread or misjudged (the header of heldout_answers.yaml lists them),
each a table of answers of our own, with other letters than the pages', right and
wrong, in English and Chinese and the other languages the class was met in, through
``check`` and ``grade``:

- display equations numbered with ``\\tag{n}``: the tag is a label.  A big-O of a square
  layer written with one size squared (``O(h^2 k^2 c_i c_o)``: h for both axes, as k for
  both of the kernel's) is the square layer's order: its width grows with its height
  (:mod:`.deciding.asymptotic`); with one size only (``O(h k^2 c_i c_o)``) it is not.
  A product of two floored sizes set with ``\\biggl``/``\\Bigl`` (``\\biggl\\lfloor …
  \\biggr\\rfloor \\times \\biggl\\lfloor … \\biggr\\rfloor \\tag{2}``) is the shape's two
  sizes, as with ``\\left``/``\\right``.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, or the note (reading.note.<key>) the reading says, or None
CLASSES = {
    "a display equation numbered with \\tag": [
        ("forward-ops", r"$$O(h^2 \cdot k^2 \cdot c_i \cdot c_o) \tag{1} $$", C, "equation_number"),
        ("forward-ops", r"$$O(H^2 \cdot K^2 \cdot C_{in} \cdot C_{out}) \tag{3}$$", C, None),
        ("forward-ops", r"$$O(w^2 k^2 c_{in} c_{out})\tag{2}$$", C, "equation_number"),
        ("forward-ops", r"计算量为 $$O(h^2 \cdot k^2 \cdot c_i \cdot c_o) \tag{1}$$", C, None),
        ("forward-ops", r"$$O(h^2 \cdot k^2 \cdot c_i) \tag{1} $$", W, "output_channels_left_out"),
        ("forward-ops", r"$$O(h \cdot k^2 \cdot c_i \cdot c_o) \tag{1} $$", W, "wrong_order"),
        (
            "forward-ops",
            r"计算量为 $$O(h^3 \cdot k^2 \cdot c_i \cdot c_o) \tag{1}$$",
            W,
            "wrong_order",
        ),
        (
            "forward-mults",
            r"$$c_o \cdot c_i \cdot k_h \cdot k_w \cdot m_h \cdot m_w \tag{7}$$",
            R,
            None,
        ),
        (
            "forward-mults",
            r"乘法次数 $$c_o \cdot c_i \cdot k_h \cdot k_w \cdot m_h \tag{7}$$",
            W,
            None,
        ),
    ],
    "two floored sizes set with \\biggl and a \\tag": [
        (
            "output-height",
            r"$$\biggl\lfloor \frac{h+2p-k}{s}+1 \biggr\rfloor \times "
            r"\biggl\lfloor \frac{h+2p-k}{s}+1 \biggr\rfloor \tag{2} $$",
            C,
            "two_sizes",
        ),
        (
            "output-height",
            r"输出大小为 $$\Biggl\lfloor \frac{n+2p-f}{s}+1 \Biggr\rfloor \times "
            r"\Biggl\lfloor \frac{n+2p-f}{s}+1 \Biggr\rfloor \tag{2}$$",
            C,
            "two_sizes",
        ),
        (
            "output-width",
            r"$$\Bigl\lfloor \frac{h+2p-k}{s}+1 \Bigr\rfloor \times "
            r"\Bigl\lfloor \frac{w+2p-k}{s}+1 \Bigr\rfloor \tag{1}$$",
            C,
            "shape_product",
        ),
        (
            "output-height",
            r"$$\biggl\lfloor \frac{h+2p-k}{s} \biggr\rfloor \times "
            r"\biggl\lfloor \frac{h+2p-k}{s} \biggr\rfloor \tag{2} $$",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            r"输出尺寸：$$\bigl\lfloor \frac{h+2p-k}{s+1} \bigr\rfloor \times "
            r"\bigl\lfloor \frac{h+2p-k}{s+1} \bigr\rfloor \tag{3}$$",
            W,
            "plus_one_in_denominator",
        ),
        (
            "output-width",
            r"$$\biggl\lfloor \frac{h+2p-k}{s}+1 \biggr\rfloor \times "
            r"\biggl\lfloor \frac{w-k}{s}+1 \biggr\rfloor \tag{2}$$",
            W,
            "given_parameter_left_out",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=2, ascii=4)
