"""Issue 21, session ten: classes of the text and markup around a formula that H9-test's
measurement left refused (its header lists them), each a table of answers of our own,
with other letters than the page's, right and wrong, in English and Chinese and the
other languages the class was met in, through ``check`` and ``grade``:

- a fraction whose denominator holds the stride's + 1 (``\\frac{W-F+2P}{S+1}``): read,
  and wrong with its own misconception (``plus_one_in_denominator``), also where a
  letter of the author's own (``f_h``) is read by its role;
- a LaTeX formula followed by its worked numbers (``= \\frac{32-5+2\\cdot 2}{1}+1 = 32$``,
  floors and ``\\times`` too): the formula side is graded, the numbers are noted as the
  author's own layer (``worked_number``), and flagged where they disagree with each other
  (``worked_disagree``), never graded; an author's letter pinned by its role and axis to
  the other axis's size (``f_w`` in the height's formula) is read so: an axis mix-up;
- definitions of special cases above the formula, each under its label (``same conv: p =
  (f-1)/2``, ``valid conv: p = 0``, a remark, then ``output = …``): the last formula is the
  answer, the cases are not put into it (``case_definitions``); a last formula for another
  quantity (the padded input) is not accepted;
- a sentence giving the padded size, then the output size (``填充后原始图片的大小为 … ，过滤器大小
  保持 … 不变，则输出图片大小为 …``; 不变 "unchanged" is no denial; 原始图片 the input, 过滤器
  the kernel): the one the sentence says is the output is graded, also with ``\\times``
  between two sizes in English; a sentence giving only the padded input is not accepted;
- a change "from A to B" (``形状从 h × w 变为 …``, ``the height shrinks from H to …``): B is
  graded (``from_to``), after the words before it as a lead-in;
- a list's bullet before a sentence around a plain formula (``- 출력 크기는 … 의 크기가
  된다. 만약 …``): the bullet is no minus; Korean words as quantities (입력크기, 필터크기,
  패딩, 스트라이드: the parts record's Korean words) after names joined by "and"
  (``OH와 OW =``, ``H_out and W_out =``): the formula given for both sizes, the asked
  one among them;
- LaTeX names with an index (``\\text{padding[1]}``, reStructuredText's ``.. math::`` and
  ``:math:``): PyTorch's indexed names;
- one formula twice as a square layer's pair, bracketed or back-quoted (``(n-f+1,
  n-f+1)``, `` `n-f+1,n-f+1` ``): that formula; ``filter/kernel`` (one quantity's two
  names) is no quotient, and words before "gives us" name no result;
- a Markdown bullet with a Unicode minus and a remark in brackets after the formula
  (``- $W_2=(W_1−F+2P)/S+1$ (i.e. …)``, ``（宽度同理…）``): s9text's rule, other answers;
- a chain naming both sizes before the formula and its worked numbers (``nH=nW=(n+2p-f)/s+1
  =(31-5)/2+1=14``, H10-dev's class): the other size's name is no side of the chain, the
  n of every side the input size; a bare symbol the chain states (``m_h = w = …``) still is.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

import pytest

from derivations.checking import check
from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, or the note (reading.note.<key>) the reading says, or None
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
    "worked numbers after a LaTeX formula": [
        (
            "output-height",
            r"$o_h = \frac{i_h - k + 2p}{s} + 1 = \frac{32 - 5 + 2 \cdot 2}{1} + 1 = 32$",
            C,
            "worked_number",
        ),
        (
            "output-height",
            r"$o_h = \frac{i_h - k + 2p}{s} = \frac{32 - 5 + 2 \cdot 2}{1} = 31$",
            W,
            None,
        ),
        (
            "output-height",
            r"$o_h = \frac{i_h - k + 2p}{s} + 1 = \frac{32 - 5 + 2 \cdot 2}{1} + 1 = 33$",
            C,
            "worked_disagree",
        ),
        (
            "output-width",
            r"输出宽度 $W_o = \frac{W - F + 2P}{S} + 1 = \frac{28 - 3 + 2 \times 1}{1} + 1 = 28$",
            C,
            "worked_number",
        ),
        (
            "output-width",
            r"输出宽度 $W_o = \frac{W - F}{S} + 1 = \frac{28 - 3}{1} + 1 = 26$",
            W,
            None,
        ),
        (
            "output-height",
            r"$h_o = \frac{H - f_w + 2P}{S} + 1 = \frac{32 - 5 + 0}{1} + 1 = 28$",
            W,
            "axis_mixup",
        ),
        (
            "output-height",
            r"出力の高さ $OH = \frac{H + 2P - FH}{S} + 1 = \frac{4 + 2 \cdot 1 - 3}{1} + 1 = 4$",
            C,
            "worked_number",
        ),
        (
            "output-height",
            r"出力の高さ $OH = \frac{H + 2P - FH}{S} = \frac{4 + 2 \cdot 1 - 3}{1} = 3$",
            W,
            None,
        ),
        (
            "output-width",
            r"$$W_{out} = \left\lfloor \frac{W_{in} + 2P - K}{S} \right\rfloor + 1"
            r" = \left\lfloor \frac{7 + 0 - 3}{2} \right\rfloor + 1 = 3$$",
            C,
            "worked_number",
        ),
        (
            "output-width",
            r"$$W_{out} = \left\lfloor \frac{W_{in} + 2P - K}{S} \right\rfloor"
            r" = \left\lfloor \frac{7 + 0 - 3}{2} \right\rfloor = 2$$",
            W,
            None,
        ),
    ],
    "definitions of cases above the formula": [
        (
            "output-height",
            "same padding: P = (F - 1)/2\nvalid padding: P = 0\n\nF is almost always odd."
            "\n\nH_out = floor((H_in + 2P - F)/S) + 1",
            C,
            "case_definitions",
        ),
        (
            "output-height",
            "same padding: P = (F - 1)/2\nvalid padding: P = 0\n\nF is almost always odd."
            "\n\nH_out = floor((H_in + 2P - F)/S)",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "full conv: p = f - 1\noutput = (n + 2p - f)//s + 1",
            C,
            "case_definitions",
        ),
        (
            "output-height",
            "same conv: p = (f-1)/2\nvalid conv: p = 0\noutput = n + 2p - f + 1",
            W,
            "given_parameter_left_out",
        ),
        ("output-height", "same conv: p = (f-1)/2\nvalid conv: p = 0\npadded = n + 2p", W, None),
        (
            "output-width",
            "- same 卷积：p = (k-1)/2\n- valid 卷积：p = 0\n\n输出宽度 = ⌊(w + 2p - k)/s⌋ + 1",
            C,
            "case_definitions",
        ),
        (
            "output-width",
            "- same 卷积：p = (k-1)/2\n- valid 卷积：p = 0\n\n输出宽度 = ⌊(w + 2p - k)/s⌋",
            W,
            "output_off_by_one",
        ),
    ],
    "the padded size, then the output size": [
        (
            "output-height",
            "设步长为 $s$，每侧填充 $p$ 个像素，则填充后原始图片的大小为 $(n+2p) \\times (n+2p)$，"
            "过滤器大小保持 $f \\times f$ 不变，则输出图片大小为 "
            "$(\\lfloor (n+2p-f)/s \\rfloor + 1) \\times (\\lfloor (n+2p-f)/s \\rfloor + 1)$。",
            C,
            "islands",
        ),
        (
            "output-height",
            "设步长为 $s$，每侧填充 $p$ 个像素，则填充后原始图片的大小为 $(n+2p) \\times (n+2p)$，"
            "过滤器大小保持 $f \\times f$ 不变，则输出图片大小为 "
            "$(\\lfloor (n+2p-f)/s \\rfloor) \\times (\\lfloor (n+2p-f)/s \\rfloor)$。",
            W,
            "output_off_by_one",
        ),
        (
            "output-width",
            "填充后输入图片的宽度为 $w + 2p$，输出图片的宽度为 $\\lfloor (w + 2p - k)/s \\rfloor + 1$。",
            C,
            "islands",
        ),
        (
            "output-width",
            "填充后输入图片的宽度为 $w + 2p$，输出图片的宽度为 $\\lfloor (w + 2p - k)/s \\rfloor$。",
            W,
            "output_off_by_one",
        ),
        ("output-width", "填充后输入图片的宽度为 $w + 2p$。", W, None),
        (
            "output-height",
            "After padding, the input picture is $(n+2p) \\times (n+2p)$, so the output picture is "
            "$(\\lfloor (n+2p-f)/s \\rfloor + 1) \\times (\\lfloor (n+2p-f)/s \\rfloor + 1)$.",
            C,
            "two_sizes",
        ),
        (
            "output-height",
            "After padding, the input picture is $(n+2p) \\times (n+2p)$, so the output picture is "
            "$(n+2p-f+1) \\times (n+2p-f+1)$.",
            W,
            "given_parameter_left_out",
        ),
        ("output-height", "After padding, the input picture is $(n+2p) \\times (n+2p)$.", W, None),
    ],
    "from A to B": [
        (
            "output-height",
            "输出形状从 h × w 变为 (⌊(h - k_h + p_h)/s_h⌋ + 1) × (⌊(w - k_w + p_w)/s_w⌋ + 1)",
            R,
            "from_to",
        ),
        (
            "output-height",
            "输出形状从 h × w 变为 (⌊(h - k_h + p_h)/s_h⌋) × (⌊(w - k_w + p_w)/s_w⌋)",
            W,
            "output_off_by_one",
        ),
        ("output-height", "高度从 h 减少到 ⌊(h - k_h + p_h)/s_h⌋ + 1", R, "from_to"),
        (
            "output-height",
            "形状从 h × w 减少到 (h - k_h + 1) × (w - k_w + 1)",
            W,
            "given_parameter_left_out",
        ),
        ("output-height", "The height shrinks from H to floor((H + 2P - K)/S) + 1.", C, "from_to"),
        (
            "output-height",
            "The height shrinks from H to floor((H + 2P - K)/S).",
            W,
            "output_off_by_one",
        ),
        ("output-height", "The input grows from H to H + 2P.", W, None),
    ],
    "a bullet before a sentence; names joined by and": [
        (
            "output-width",
            "- 출력 크기는 (w+2p-k)/s + 1 의 크기가 된다. 만약 정수가 아니라면 내림값을 가지게 된다.",
            C,
            "islands",
        ),
        (
            "output-width",
            "- 출력 크기는 (w+2p-k)/s 의 크기가 된다. 만약 정수가 아니라면 내림값을 가지게 된다.",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "- 输出的大小是 (n+2p-f)/s + 1 的大小，若不是整数则向下取整。",
            C,
            "islands",
        ),
        (
            "output-height",
            "- 输出的大小是 (n+2p-f)/s 的大小，若不是整数则向下取整。",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "# 출력 크기 OH와 OW = ((입력크기 - 필터크기 + 2*패딩) / 스트라이드) + 1",
            C,
            "lead_in",
        ),
        (
            "output-height",
            "# 출력 크기 OH와 OW = ((입력크기 - 필터크기) / 스트라이드) + 1",
            W,
            "given_parameter_left_out",
        ),
        ("output-height", "H_out and W_out = (H_in + 2*pad - K)//S + 1", C, "islands"),
        ("output-height", "H_out and W_out = (H_in + 2*pad - K)//S", W, "output_off_by_one"),
    ],
    "indexed names in LaTeX": [
        (
            "output-height",
            ".. math::\n\\text{H}_{out} = \\left\\lfloor \\frac{\\text{H}_{in} + 2 \\times "
            "\\text{padding[0]} - \\text{dilation[0]} \\times (\\text{kernel\\_size[0]} - 1) - 1}"
            "{\\text{stride[0]}} + 1 \\right\\rfloor",
            C,
            "markup",
        ),
        (
            "output-height",
            ".. math::\n\\text{H}_{out} = \\left\\lfloor \\frac{\\text{H}_{in} + 2 \\times "
            "\\text{padding[0]} - \\text{dilation[0]} \\times (\\text{kernel\\_size[0]} - 1)}"
            "{\\text{stride[0]}} + 1 \\right\\rfloor",
            W,
            None,
        ),
        (
            "output-width",
            ":math:`\\text{W}_{out} = \\lfloor (\\text{W}_{in} + 2 \\text{padding[1]} - "
            "\\text{kernel_size[1]}) / \\text{stride[1]} \\rfloor + 1`",
            C,
            "after_colon",
        ),
        (
            "output-width",
            ":math:`\\text{W}_{out} = \\lfloor (\\text{W}_{in} + \\text{padding[1]} - "
            "\\text{kernel_size[1]}) / \\text{stride[1]} \\rfloor + 1`",
            W,
            "per_side_padding_once",
        ),
        (
            "output-width",
            "宽度：$\\lfloor (W_{in} + 2\\,\\text{padding[1]} - \\text{kernel_size[1]})"
            " / \\text{stride[1]} \\rfloor + 1$",
            C,
            None,
        ),
        (
            "output-width",
            "宽度：$\\lfloor (W_{in} + 2\\,\\text{padding[0]} - \\text{kernel_size[0]})"
            " / \\text{stride[0]} \\rfloor + 1$",
            W,
            None,
        ),
    ],
    "one formula twice as a pair": [
        ("output-height", "`(n+2p-f)//s + 1,(n+2p-f)//s + 1`", C, "shape_pair"),
        ("output-height", "`n-f+1,n-f+1`", W, "given_parameter_left_out"),
        ("output-height", "(⌊(n+2p-f)/s⌋+1, ⌊(n+2p-f)/s⌋+1)", C, "shape_pair"),
        ("output-height", "(n+2p-f+1, n+2p-f+1)", W, "given_parameter_left_out"),
        (
            "output-width",
            "输入 `wxw`，卷积核 `kxk`，填充 `p`，步幅 `s`，输出为 `(w+2p-k)//s + 1,(w+2p-k)//s + 1`",
            C,
            "islands",
        ),
        (
            "output-width",
            "输入 `wxw`，卷积核 `kxk`，填充 `p`，步幅 `s`，输出为 `(w+2p-k)//s,(w+2p-k)//s`。",
            W,
            "output_off_by_one",
        ),
        (
            "output-width",
            "an input `wxw` with a `kxk` kernel, padding `p` and stride `s` gives a "
            "`(w+2p-k)//s + 1,(w+2p-k)//s + 1` output.",
            C,
            "islands",
        ),
        (
            "output-width",
            "an input `wxw` with a `kxk` kernel, padding `p` and stride `s` gives a "
            "`(w+2p-k)//s,(w+2p-k)//s` output.",
            W,
            "output_off_by_one",
        ),
    ],
    "a bullet, a Unicode minus and a remark in brackets": [
        (
            "output-width",
            "- $W_2=(W_1−F+2P)/S+1$ (i.e. the height is computed the same way)",
            C,
            "remark",
        ),
        (
            "output-width",
            "- $W_2=(W_1−F+2P)/S$ (i.e. the height is computed the same way)",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "- $H_{out}=(H_{in}−K+2P)/S+1$ (the width likewise, by symmetry)",
            C,
            "remark",
        ),
        (
            "output-height",
            "- $H_{out}=(H_{in}−K)/S+1$ (the width likewise, by symmetry)",
            W,
            "given_parameter_left_out",
        ),
        ("output-height", "- $H_2=(H_1−F+2P)/S+1$（宽度同理，即对称地计算）", C, "remark"),
        (
            "output-height",
            "- $H_2=(H_1−F+P)/S+1$（宽度同理，即对称地计算）",
            W,
            "per_side_padding_once",
        ),
    ],
    "both sizes named before a chain": [
        ("output-height", "nH=nW=(n+2p-f)/s+1=(31-5)/2+1=14", C, "worked_number"),
        ("output-height", "nH=nW=(n+2p-f)/s=(31-5)/2=13", W, "chain_every_side_wrong"),
        ("output-width", "nW=nH=(n+2p-f)/s+1=(31-5)/2+1=14", C, "worked_number"),
        (
            "output-height",
            "输出的 n_H = n_W = (n+2p-f)//s + 1 = (31-5)//2 + 1 = 14",
            C,
            "worked_number",
        ),
        (
            "output-height",
            "输出的 n_H = n_W = (n+2p-f)//s = (31-5)//2 = 13",
            W,
            "chain_every_side_wrong",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=12, ascii=8)


def test_the_other_sizes_name_is_no_side_of_the_chain_a_bare_symbol_is():
    # fd2b0c3: the name of the other size right after the label (nW) is no side; a bare
    # symbol the chain states (w) still is, so its chain disagrees
    named = check("output-height", "nH = nW = (h - k_h + p_h)//s_h + 1", symbolic=False)
    bare = check("output-height", "m_h = w = (h - k_h + p_h)//s_h + 1", symbolic=False)
    assert named.verdict == "equivalent", named.error
    assert bare.error["id"] == "checker.reason.chain_disagrees", bare.error


@pytest.mark.parametrize(
    "answer", ["nH=nW=(n+2p-f)/s=(31-5)/2=13", "输出的 n_H = n_W = (n+2p-f)//s = (31-5)//2 = 13"]
)
def test_a_wrong_chain_naming_both_sizes_reads_n_as_the_input_size(answer):
    # fd2b0c3: n in a chain's sides is the input size, as in its graded side (the table's
    # rows of these answers are not_equivalent with or without it)
    readings = check("output-height", answer, symbolic=False).parsed["readings"]
    assert {"written": "n", "read": "h", "how": "input_size"} in readings, readings
