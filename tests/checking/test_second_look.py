"""Issue 21: the second look at a refused answer (:mod:`derivations.checking.reading.second_look`,
``checker._asked``, :func:`derivations.checking.every_reading.flag_reading`): line breaks,
a lead-in ending in a colon, a condition after the formula, ``~`` after a name, a closing
mark inside ``$$ … $$``, a worked example with brackets, a side of a chain naming the size
asked, and a bias written as a 0/1 flag.  Each is tried only after the answer as given
was refused, and noted.  Answers of our own, right and wrong (wrong ones stay wrong), in
English, Chinese and Japanese, through ``check`` and ``grade``."""

from derivations.checking import check, feedback
from derivations.checking.every_reading import FLAG
from derivations.checking.reading.second_look import rewrites
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# (question, answer, verdict, the note expected, or "flag": a bias flag read)
ROWS = [
    # line breaks: a lead-in, then the formula on its own line; a display block
    ("forward-mults", "乘法次数为:\n\nc_i c_o k_h k_w m_h m_w", R, "line_breaks"),
    ("forward-mults", "乘法次数为:\n\nc_i k_h k_w m_h m_w", W, "line_breaks"),
    ("forward-mults", "$$\nc_o c_i k_h k_w m_w m_h\n$$", R, "line_breaks"),
    ("output-height", "$$\n(h - k_h)/s_h + 1\n$$", W, "line_breaks"),
    # a line opening a block of code
    ("output-height", "if mode == 'full':\n    out = (h - k_h + p_h)//s_h + 1", R, "code_header"),
    ("output-height", "elif mode == 'none':\n    out = (h - k_h)//s_h + 1", W, "code_header"),
    # code's statements run in order
    ("output-height", "out = h + p_h - k_h\nout //= s_h\nout += 1", R, "sequence"),
    ("output-height", "out = h - k_h\nout /= s_h\nout += 1", W, "sequence"),
    (
        "output-height",
        "def size(h):\n    t = h + p_h - k_h\n    t = t // s_h\n    return t + 1",
        R,
        "sequence",
    ),
    ("output-width", "let o = w + p_w - k_w;\no = Math.floor(o / s_w) + 1;", R, "sequence"),
    ("output-width", "let o = w - k_w;\no = Math.floor(o / s_w) + 1;  // 输出宽度", W, "sequence"),
    # what the formula is pasted inside: comment marks, a directive, an alignment
    (
        "output-height",
        "//  .. math::\n//    m = \\lfloor (h - k_h + p_h)/s_h \\rfloor + 1",
        R,
        "markup",
    ),
    ("output-height", "# .. math::\n#    m = \\lfloor (h - k_h)/s_h \\rfloor + 1", W, "markup"),
    (
        "output-height",
        "m &= \\biggl\\lfloor \\frac{h - k_h + p_h}{s_h} \\biggr\\rfloor + 1 \\\\",
        R,
        "markup",
    ),
    (
        "output-height",
        "输出 &= \\biggl\\lfloor \\frac{h - k_h}{s_h} \\biggr\\rfloor + 1 \\\\",
        W,
        "markup",
    ),
    # a 4-entry shape: its two sizes along the axes
    ("compose-size", "Tensor of shape (c_o, c_i, k_1 + k_2 - 1, k_1 + k_2 - 1)", R, "shape_sizes"),
    ("compose-size", "torch.Size([c_o, c_i, k_1 + k_2, k_1 + k_2])", W, "shape_sizes"),
    ("compose-size", "形状为 (k_1 + k_2 - 1, k_1 + k_2 - 1, c_i, c_o)", R, "shape_sizes"),
    (
        "output-height",
        "(n, c_o, (h - k_h + p_h)//s_h + 1, (w - k_w + p_w)//s_w + 1)",
        R,
        "shape_sizes",
    ),
    ("output-width", "(n, (h - k_h + p_h)//s_h + 1, (w - k_w)//s_w + 1, c_o)", W, "shape_sizes"),
    # the last display of an answer with words around its displays
    (
        "output-width",
        "If we let $$s = 2$$, it becomes \\begin{equation} m_w = (w - k_w + p_w)//s_w + 1 \\tag{2} \\end{equation}",
        R,
        "last_display",
    ),
    (
        "output-width",
        "令 $$p = 0$$，则 \\begin{align} m_w = (w - k_w)//s_w + 1, \\label{eq} \\end{align}",
        W,
        "last_display",
    ),
    # a lead-in sentence ending in a colon
    (
        "output-height",
        "Use Python's // to floor it, as in: (h - k_h + p_h)//s_h + 1.",
        R,
        "after_colon",
    ),
    ("output-height", "Use Python's // to floor it, as in: (h - k_h)//s_h + 1.", W, "after_colon"),
    (
        "output-height",
        "按 \\lfloor\\cdot\\rfloor 取整，即：(h - k_h + p_h)//s_h + 1",
        R,
        "after_colon",
    ),
    # a condition after the formula: graded at every layer all the same
    (
        "output-width",
        "(w - k_w + p_w)//s_w + 1 when the stride does not divide",
        R,
        "condition_after",
    ),
    ("output-width", "w - k_w + 1 when padding is 'valid'", W, "condition_after"),
    ("output-width", "w - k_w + 1，没有填充", W, "condition_after"),
    ("output-width", "(w - k_w + p_w)//s_w + 1 si le pas est donné", R, "condition_after"),
    # ~ after a name
    ("forward-ops", "cost ~ O(c_i c_o k_h k_w m_h m_w)", C, "tilde"),
    ("forward-ops", "cost ~ O(c_i c_o k_h k_w m_h)", W, "tilde"),
    # a closing mark inside the math
    ("output-height", "we use $$m = (h - k_h + p_h)/s_h + 1,$$", C, "trailing_mark"),
    ("output-height", "we use $$m = (h - k_h)/s_h + 1,$$", W, "trailing_mark"),
    # a worked example with brackets after the formula
    ("output-height", "(h - k_h + p_h)/s_h + 1 = (7 - 3 + 2) / 2 + 1 = 4", C, "worked_number"),
    ("output-height", "(h - k_h)/s_h + 1 = (7 - 3) / 2 + 1 = 3", W, "chain_every_side_wrong"),
    # a side of the chain naming the size asked
    ("output-height", "(h - k_h + p_h)/s_h + 1 = m_h", C, "asked_side"),
    ("output-height", "(h - k_h)/s_h + 1 = H_out", W, "asked_side"),
    ("output-width", "$$(w - k_w + p_w)/s_w + 1 = 出力の幅$$", C, "asked_side"),
    ("output-height", "输出高度 = h - k_h + 1 = 输出高度", W, "asked_side"),
    # a bias flag right with either value; right with one value only: refused
    ("forward-ops", "(2*c_i*k_h*k_w + use_bias - 1)*c_o*m_h*m_w", R, FLAG),
    ("forward-ops", "(2 c_i k_h k_w - bias) c_o m_h m_w", C, FLAG),
    ("bias-size", "c_o*bias", N, "reading.unknown_word"),
    ("forward-mults", "(c_i*k_h*k_w + bias)*c_o*m_h*m_w", N, "reading.unknown_word"),
]


def _second_look_said(result, *, verdict, read, **_row):
    if verdict == N:
        assert result.error["id"] == read
    elif read == FLAG:
        flags = [r for r in result.parsed["readings"] if r["how"] == FLAG]
        assert flags and flags[0]["read"] == "0"
        assert "bias flag" in feedback(result, "en") and "偏置开关" in feedback(result, "zh")
    else:
        notes = [note["id"] for note in result.parsed["notes"]]
        assert f"reading.note.{read}" in notes, notes
    for lang in ("en", "zh"):
        assert feedback(result, lang)


TABLE = Table("question, answer, verdict, read", ROWS, symbolic=False)
test_a_second_look_reads_what_frames_the_formula = TABLE.check_test(also=_second_look_said)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_an_answer_read_the_first_time_is_never_rewritten():
    # a plain answer is read by the first look: no second-look note
    result = check("output-height", "(h - k_h + p_h)//s_h + 1", symbolic=False)
    ids = {note["id"] for note in result.parsed["notes"]}
    assert not ids & {"reading.note.line_breaks", "reading.note.after_colon"}


def test_two_formulas_on_two_lines_stay_two_and_a_formula_before_a_colon_stays():
    two = check("forward-mults", "c_i k_h k_w m_h m_w\nc_i c_o k_h k_w m_h m_w", symbolic=False)
    assert two.verdict == N
    both = check("output-height", "h: (h - k_h + p_h)//s_h + 1, then: (h - k_h)//s_h + 1")
    assert both.verdict == N


def test_the_rewrites_are_bounded_and_only_delete():
    many = "a: b: c:\n" * 10 + "x when y, z!"
    found = rewrites(many)
    assert 0 < len(found) <= 24
    assert all(len(text) <= len(many) + 2 for text, _ in found)  # ("~" becomes " = ")
    assert check("output-height", "lambda: (h - k_h)//s_h + 1").verdict != R
