"""What frames a formula in a sentence (issue 21; :mod:`derivations.checking.reading.around`,
:mod:`.code`): a formula quoted inside a sentence (``"…"``, ``“…”``, ``**…**``), a
condition before it (``With padding='SAME', …``, ``当步幅为1时，…``), a sentence after its
full stop (``… + 1. This is right.``), ``#`` as "the number of" before a name
(``#MAC = …``), an object's member (``l.stride``), plain TeX's ``{\\rm name}``, a remark
giving a rate (``(one per filter)``).  Each removal is noted in "read as"; a sentence that
denies the formula is refused.  Answers of our own, right and wrong, in English and
Chinese, through ``check`` and ``grade``."""

from derivations.checking import check, feedback
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# (question, answer, verdict, the note read, or the refusal's key)
ROWS = [
    # a formula quoted inside a sentence
    (
        "output-height",
        'when I use the formula "m_h = (h - k_h + 2p_h)/s_h + 1" it works',
        C,
        "quoted",
    ),
    ("output-height", 'I tried "(h - k_h)/s_h + 1" for the output', W, "quoted"),
    (
        "output-width",
        "if we follow **out_w = (l.w + 2*l.pad - l.kernel) / l.stride + 1,** then it fits",
        C,
        "quoted",
    ),
    ("output-height", "我用的公式是“(h - k_h + 2p_h)/s_h + 1”，结果正确", C, "quoted"),
    ("output-height", "我用的公式是“(h - k_h + 2p_h)/s_h”，结果正确", W, "quoted"),
    ("output-height", 'the formula "(h - k_h + 2p_h)/s_h + 1" is wrong', N, "reading.lead_negates"),
    # a condition before the formula: graded at every layer all the same
    (
        "output-height",
        "If the stride is 1, the output height is h - k_h + 2p_h + 1",
        W,
        "condition",
    ),
    ("output-height", "With p_h given, ⌊(h - k_h + 2p_h)/s_h⌋ + 1", C, "condition"),
    ("output-height", "当步幅为1时，输出高度为 h - k_h + 2 p_h + 1", W, "condition"),
    ("output-height", "如果步幅为 s_h，⌊(h - k_h + 2 p_h)/s_h⌋ + 1", C, "condition"),
    # a sentence after the formula's full stop
    ("output-height", "(h - k_h + 2p_h)/s_h + 1. This is right.", C, "closing"),
    ("output-height", "(h - k_h + 2p_h)/s_h. I checked it.", W, "closing"),
    ("output-height", "(h - k_h + 2p_h)/s_h + 1。这是对的。", C, "closing"),
    ("output-height", "(h - k_h + 2p_h)/s_h + 1. This is not right.", N, "reading.remark_negates"),
    ("output-height", "(h - k_h + 2p_h)/s_h + 1。这是错的。", N, "reading.remark_negates"),
    # "#" before a name: the number of
    ("forward-mults", "#MAC = c_i*c_o*k_h*k_w*m_h*m_w", R, "code"),
    ("forward-mults", "#mults = c_i*k_h*k_w*m_h*m_w", W, "code"),
    # an object's member
    ("output-height", "(layer.h + 2*layer.pad - layer.k)//layer.stride + 1", C, "code"),
    ("output-height", "(layer.h - layer.k)//layer.stride + 1", W, "code"),
    # plain TeX's style switch
    (
        "output-height",
        "({\\rm input\\_size} + {\\rm pad} \\times 2 - {\\rm ksize}) / {\\rm stride} + 1",
        C,
        None,
    ),
    ("output-height", "({\\rm input\\_size} + {\\rm pad} \\times 2) / {\\rm stride} + 1", W, None),
    # the switch's words joined as a name ({\rm input size}), and \cal's letter kept
    ("output-height", "({\\rm input size} - {\\rm kernel size} + 2p)/{\\rm stride} + 1", C, None),
    ("output-height", "({\\rm input size} - {\\rm kernel size})/{\\rm stride} + 1", W, None),
    ("output-height", "({\\cal H} - k_h + p_h + s_h)/s_h", C, None),
    ("output-height", "({\\cal H} - k_h + s_h)/s_h", W, None),
    # a remark giving a rate describes; one stating another number is refused
    ("bias-size", "c_o (one per filter)", R, "remark"),
    ("bias-size", "c_o（每个卷积核一个）", R, "remark"),
    ("bias-size", "c_i (one per filter)", W, "remark"),
    ("bias-size", "c_o (two per filter)", N, "reading.remark_operation"),
    # several formulas named by the output's size along each axis: the asked one graded
    (
        "output-height",
        "YH = floor((H + 2*P - FH)/S) + 1, YW = floor((W + 2*P - FW)/S) + 1",
        C,
        None,
    ),
    ("output-width", "H_out = (h - k_h + 2p_h)/s_h + 1; W_out = (w - k_w)/s_w + 1", W, None),
    ("output-height", "h_o = (h - k_h)/s_h + 1, w_o = (w - k_w + 2p_w)/s_w + 1", W, None),
    # what opens the answer: a bullet, a number, a code fence, quotes, "about"
    ("forward-mults", "- c_o c_i k_h k_w m_h m_w", R, "opening"),
    ("forward-mults", "1. c_i k_h k_w m_h m_w", W, "opening"),
    ("forward-mults", "~ c_o c_i k_h k_w m_h m_w", R, "opening"),
    ("output-height", "'(h - k_h + 2p_h)/s_h + 1'", C, "opening"),
    ("output-height", "```python\nout_h = (h - k_h + 2*p_h)//s_h + 1\n```", C, "opening"),
    ("output-height", "```\nout_h = (h - k_h)//s_h + 1\n```", W, "opening"),
    # a function's head: its parameters dropped
    ("output-height", "def out(h, k, p, s): return (h - k + 2*p)//s + 1", C, "code"),
    ("output-height", "(h, k, p, s) => (h - k + 2*p)//s + 1", C, "code"),
    ("output-height", "h, k, s => (h - k)//s + 1", W, "code"),
    # a definition said in words: its words read as the quantity they name
    (
        "output-height",
        "(W - F + 2P)/S + 1, where F is the filter size, P is the padding and S is the stride",
        C,
        "definitions",
    ),
    ("output-height", "(W - F + 2P)/S + 1，其中 F 为卷积核大小", C, "definitions"),
    ("output-height", "(W - F + 2P)/S + 1, where F is the stride", W, "definitions"),
    (
        "output-height",
        "(h - k_h + 2p_h)/s_h + 1 where p_h is the padding on each side",
        C,
        "definition_words",
    ),
    # a copula with no subject, a conclusion after words, a rate after a comma
    ("bias-size", "equal to the number of output channels", R, "lead_in"),
    ("bias-size", "It is c_i", W, "lead_in"),
    ("bias-size", "等于输出通道数", R, "lead_in"),
    ("bias-size", "one bias per output channel, so c_o", R, "lead_in"),
    ("bias-size", "每个输出通道一个，所以是 c_o", R, "lead_in"),
    ("bias-size", "one bias per input channel, so c_i", W, "lead_in"),
    ("bias-size", "c_o, one for each filter", R, "remark_after_comma"),
    ("output-height", "(h - k + 1) by (w - k + 1)", W, None),
    # "the same as": said before or around the quantity; a count's unit after its word
    ("bias-size", "the same as the number of output channels", R, "lead_in"),
    ("bias-size", "和输出通道数相同", R, "lead_in"),
    ("bias-size", "与 c_i 一样", W, "lead_in"),
    ("bias-size", "出力チャンネル数と同じ", R, "lead_in"),
    ("bias-size", "入力チャンネル数と同じ", W, "lead_in"),
    ("bias-size", "输出通道数个", R, "unit_elements"),
    ("bias-size", "输入通道数个", W, "unit_elements"),
    # a pair after a label: (height, width), shown by the book's symbols of each
    (
        "output-height",
        "output size = (⌊(h - k_h + 2p_h)/s_h⌋ + 1, ⌊(w - k_w + 2p_w)/s_w⌋ + 1)",
        C,
        "label",
    ),
    ("output-width", "Y: ((h - k_h + 2p_h)/s_h + 1, (w - k_w)/s_w + 1)", W, "label"),
    ("output-height", "Output, `Y: (h - k_h + p_h + 1, w - Q_w + p_w + 1)`", W, "label"),
    # a tall bracket's corners as a floor; \boxed; a conversion called as a function
    ("output-height", "m_h = ⎣ (h + 2p_h − k_h) / s_h ⎦ + 1", C, None),
    ("output-height", "m_h = ⎣ (h − k_h) / s_h ⎦ + 1", W, None),
    (
        "output-height",
        "$$\\boxed{m_h = \\left\\lfloor\\frac{h + 2p_h - k_h}{s_h}\\right\\rfloor + 1}$$",
        C,
        None,
    ),
    ("output-height", "ceil(float(h) / float(s_h))", W, "code"),
    ("output-height", "floor(float(h + 2*p_h - k_h) / float(s_h)) + 1", C, "code"),
    # a formula in backticks or \( \) inside a sentence (a quoted word beside it is words)
    (
        "output-width",
        "Later the formula `(w - k_w + 2*p_w)/s_w + 1` is used in the notes.",
        C,
        "quoted",
    ),
    ("output-width", "Later the formula `(w - k_w)/s_w + 1` is used in the notes.", W, "quoted"),
    ("output-width", 'how many "fit" is given by \\((w - k_w + 2p_w)/s_w + 1\\).', C, "quoted"),
    ("output-width", "以后用 `(w - k_w + 2*p_w)/s_w + 1` 计算", C, "quoted"),
    # a question proposing the formula is no denial
    ("bias-size", "shouldn't that be equal to out_channels?", R, "lead_in"),
    ("bias-size", "shouldn't it be in_channels？", W, "lead_in"),
    # a chain's side said in Chinese words is a description, skipped
    (
        "forward-mults",
        "总次数 = 输出像素数 × 每个像素的乘法次数 = c_o m_h m_w × c_i k_h k_w",
        R,
        "side_skipped",
    ),
    (
        "forward-mults",
        "总次数 = 输出像素数 × 每个像素的乘法次数 = m_h m_w × c_i k_h k_w",
        W,
        "side_skipped",
    ),
    # a Korean condition, a count name before its particle, the sentence's ending
    (
        "forward-mults",
        "여기서 커널이 K×K일 때, MACs는 k_h×k_w×c_i×c_o×m_h×m_w 이 된다.",
        R,
        "condition",
    ),
    (
        "forward-ops",
        "여기서 커널이 K×K일 때, FLOPs는 k_h×k_w×c_i×c_o×m_h×m_w 이 된다.",
        W,
        "condition",
    ),
    # a rate with its noun
    ("bias-size", "c_o (one bias for each output channel)", R, "remark"),
    # a bracket divided or multiplied is an operand, no remark dropped
    ("output-width", "floor((W + 2*P - FW)/S) + 1", C, None),
]


def _frame_noted(result, *, verdict, read, **_row):
    if verdict == N:
        assert result.error["id"] == read
    elif read is not None:
        notes = [note["id"] for note in result.parsed["notes"]]
        assert f"reading.note.{read}" in notes, notes
    for lang in ("en", "zh"):
        assert feedback(result, lang)


TABLE = Table("question, answer, verdict, read", ROWS)
test_the_frame_is_removed_and_noted = TABLE.check_test(also=_frame_noted)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_a_full_stop_between_words_and_a_power_are_no_frame():
    # "m_w. Bias": a full stop, no member; k**2 … c**2: powers, no bold quotation
    assert check("forward-mults", "c_i c_o k_h k_w m_h m_w. Bias ignored.").verdict == R
    assert check("forward-mults", "k**2 * c_i * c_o * m_h * m_w").verdict == C
