"""Issue 21 (session eight): the markup and text a student pastes around a formula, read
by general mechanisms: a LaTeX display's frame (``\\begin{aligned}``, ``split``,
``\\[ … \\]``, ``$$``, an equation's number before it, the alignment's ``&`` and rows:
a chain where a row goes on with ``&=``, statements of their own otherwise;
``second_look._display_body``), an equation's number closing the formula (``\\quad (2.1)``,
``    (3)``, ``\\tag{4}``: a label, no factor; ``around._equation_number``), a size written as
a function of the tensor it measures (``N(input)``: its size, no product;
``around._size_of``), a ratio of the backward pass to the forward one (``backward-forward
FLOP ratios close to 2:1``: its factor, in the order the passes are named, in en, zh, de,
es and ru; no label before a ratio's colon; ``around._ratio``), math spans a word of prose
apart (``$h \\times w$减去卷积核大小$k_h \\times k_w$，即$…$``: a sentence, of whose
formulas one only may be graded; ``islands.formula_islands``), and a glossary
line (``WK - Kernal 卷积核数量…``, ``F - filter size``): a definition, never a difference
(``islands._gloss``); what a forum, a wiki, a console, a notebook or a table frames a
formula with (BBCode's ``[math]``, ``{{math|…}}``, ``>>>``, ``In [1]:``, a Markdown
quotation, a Markdown table's rows, backslashes pasted doubled; ``second_look._bbcode``,
``_prompts``, ``_table``, ``_doubled_backslashes``), an assignment's arrow (``m_h ← …``)
and an equation's number before the equation or said as one (``(1) m_h = …``, ``(eq. 3)``);
a remark on the notation (``where $\\lfloor x \\rfloor$ denotes the floor of $x$``: no formula
graded) and Markdown's emphasis of words (``*valid padding*``); letters glossed with a
colon in brackets (``(n: 输入大小, k: 卷积核大小)``) and a Chinese word's longest end
read as a name (``当步幅`` → ``步幅``), Chinese names put in for letters braced (they were
read as remarks: ``其中 p 为填充`` dropped the padding).

Answers of our own in the class's style, in en, zh (simplified and traditional), de, fr,
es and ru: right ones accepted, wrong ones still not_equivalent, refused where the frame
leaves nothing the reader may grade; through ``check`` and ``grade``; the note in "read
as" says what was dropped, in en and zh."""

import pytest

from derivations.checking import check
from derivations.checking.explaining.wording import note_text
from derivations.checking.reading.islands import formula_islands
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
RIGHT = (R, C)

# (question, answer, verdict, the note expected or, refused, the refusal's id or None)
ROWS = [
    # a display's frame: environments, rows, an equation's number before it
    (
        "output-height",
        "\\begin{aligned} m_h &= \\frac{h - k_h + p_h}{s_h} + 1 \\\\"
        " &= \\frac{h - k_h + p_h + s_h}{s_h} \\end{aligned}",
        C,
        "markup",
    ),
    (
        "output-height",
        "\\begin{aligned} m_h &= \\frac{h - k_h}{s_h} + 1 \\\\ &= \\frac{h - k_h + s_h}{s_h}"
        " \\end{aligned}",
        W,
        "markup",
    ),
    (
        "output-height",
        "(3.1)\\[\\begin{split} H_{out} &= \\frac{H_{in} - K + P}{S} + 1. \\end{split}\\]",
        C,
        "markup",
    ),
    (
        "output-width",
        "\\begin{aligned} m_h &= \\frac{h - k_h + p_h}{s_h} + 1, \\\\"
        " m_w &= \\frac{w - k_w + p_w}{s_w} + 1. \\end{aligned}",
        C,
        "markup",
    ),
    (
        "output-width",
        "\\begin{aligned} m_h &= \\frac{h - k_h + p_h}{s_h} + 1, \\\\"
        " m_w &= \\frac{w - k_w}{s_w} + 1. \\end{aligned}",
        W,
        "markup",
    ),
    (
        "forward-ops",
        "(2)$$\\begin{aligned} \\text{FLOPs} &= 2 \\cdot c_i k_h k_w \\cdot c_o m_h m_w"
        " \\\\ &= 2 c_i c_o k_h k_w m_h m_w \\end{aligned}$$",
        C,
        "markup",
    ),
    (
        "forward-ops",
        "(2)$$\\begin{aligned} \\text{FLOPs} &= c_i k_h k_w \\cdot c_o m_h m_w"
        " \\\\ &= c_i c_o k_h k_w m_h m_w \\end{aligned}$$",
        W,
        "markup",
    ),
    # two rows that disagree: refused
    (
        "output-height",
        "\\begin{aligned} m_h &= \\frac{h - k_h + p_h}{s_h} + 1 \\\\ m_h &= \\frac{h - k_h}{s_h}"
        " + 1 \\end{aligned}",
        N,
        None,
    ),
    # an equation's number closing it: a label (several languages around it)
    ("output-height", "m_h = (h - k_h + p_h)/s_h + 1 \\quad (2.1)", C, "equation_number"),
    ("output-height", "m_h = (h - k_h)/s_h + 1 \\quad (2.1)", W, "equation_number"),
    ("output-height", "H_out = (H_in - K + P)/S + 1    (3)", C, "equation_number"),
    (
        "output-height",
        "m_h = \\lfloor (h - k_h + p_h)/s_h \\rfloor + 1 \\tag{4}",
        R,
        "equation_number",
    ),
    ("output-height", "输出高度 = (h - k_h + p_h)/s_h + 1    (式3)", C, "equation_number"),
    ("output-height", "輸出高度 = (h - k_h + p_h)/s_h + 1，(3)", C, "equation_number"),
    ("output-height", "Ausgabehöhe = (h - k_h + p_h)/s_h + 1    (5)", C, "equation_number"),
    ("output-height", "hauteur de sortie = (h - k_h)/s_h + 1    (5)", W, "equation_number"),
    (
        "forward-mults",
        "число умножений = c_i c_o k_h k_w m_h m_w    (7)",
        R,
        "equation_number",
    ),
    # no equation before it: a product, never a label (wrong as written)
    ("forward-mults", "c_i c_o k_h k_w m_h m_w (2)", W, None),
    # a size written as a function of the tensor it measures: the tensor's size
    ("output-height", "<b>N(output)</b> = ((N(input) + 2*(Padding) - K)/S) + 1 <br>", C, "size_of"),
    ("output-height", "N(output) = (N(input) - K)/S + 1", W, "size_of"),
    ("output-height", "size(out) = (size(in) + 2p - size(kernel))/s + 1", C, "size_of"),
    ("output-height", "输出 N(output) = (N(input) + 2P - K)/S + 1", C, "size_of"),
    ("output-height", "Ausgabe: N (output) = (N (input) + 2P - K)/S + 1", C, "size_of"),
    # a ratio of the backward pass to the forward one: its factor, in the names' order
    (
        "backward-ops",
        "Deep networks almost always have backward-forward FLOP ratios close to 2:1.",
        C,
        "relative",
    ),
    ("backward-ops", "the backward-to-forward ratio is 3:1", W, "relative"),
    ("backward-ops", "反向传播与前向传播的计算量之比为 2:1", C, "relative"),
    ("backward-ops", "反向傳播與前向傳播的計算量之比為 2:1", C, "relative"),
    (
        "backward-ops",
        "Das Verhältnis von Rückwärts- zu Vorwärtsdurchlauf beträgt 2:1.",
        C,
        "relative",
    ),
    (
        "backward-ops",
        "El cociente entre la retropropagación y la propagación hacia adelante es 2:1",
        C,
        "relative",
    ),
    ("backward-ops", "Отношение прямого прохода к обратному 1:2", C, "relative"),
    ("backward-ops", "Отношение прямого прохода к обратному 1:3", W, "relative"),
    # a ratio with no backward pass named, or two ratios: no factor, and no label before it
    ("backward-ops", "ratio to the forward pass 2:1", N, None),
    ("backward-ops", "backward:forward is 2:1 or 3:1", N, None),
    # math spans a word of prose apart ($…$减去$…$): a sentence; one island graded, or none
    (
        "output-height",
        "因此，输出大小等于输入大小$h \\times w$减去卷积核大小$k_h \\times k_w$，"
        "即$((h-k_h+p_h+s_h)/s_h) \\times ((w-k_w+p_w+s_w)/s_w)$",
        C,
        "islands",
    ),
    (
        "output-height",
        "因此，输出大小等于输入大小$h \\times w$减去卷积核大小$k_h \\times k_w$，"
        "即$(h-k_h+1) \\times (w-k_w+1)$",
        W,
        "islands",
    ),
    (
        "output-height",
        "因此，輸出大小等於輸入大小$h \\times w$減去卷積核大小$k_h \\times k_w$，"
        "即$((h-k_h+p_h+s_h)/s_h) \\times ((w-k_w+p_w+s_w)/s_w)$",
        C,
        "islands",
    ),
    (
        "output-height",
        "Donc la taille de sortie est la taille d'entrée $h \\times w$ moins $k_h \\times k_w$,"
        " soit $((h - k_h + p_h + s_h)/s_h) \\times ((w - k_w + p_w + s_w)/s_w)$",
        N,
        None,
    ),
    ("output-height", "所以输出大小为$h + p_h$减$k_h$，即$(h-k_h+p_h+s_h)/s_h$", N, None),
    # what a forum, a wiki, a console or a notebook frames a formula with
    ("output-height", "[math]m_h = (h - k_h + p_h)/s_h + 1[/math]", C, "bbcode"),
    ("output-height", "[b]输出高度[/b]：[tex](h - k_h + p_h)/s_h + 1[/tex]", C, "bbcode"),
    ("output-height", "[code]m_h = (h - k_h)/s_h + 1[/code]", W, "bbcode"),
    ("output-height", "{{math|m_h {{=}} (h − k_h + p_h)/s_h + 1}}", N, None),
    ("output-height", "{{math|(h − k_h + p_h)/s_h + 1}}", C, "bbcode"),
    ("output-height", ">>> m_h = (h - k_h + p_h)//s_h + 1", R, "prompt"),
    ("output-height", "In [4]: m_h = (h - k_h)//s_h + 1", W, "prompt"),
    ("output-height", "> Die Ausgabehöhe ist (h - k_h + p_h)/s_h + 1", C, "prompt"),
    (
        "output-height",
        "| 量 | 公式 |\n|---|---|\n| 输出高度 | (h - k_h + p_h)/s_h + 1 |",
        C,
        "table",
    ),
    ("output-height", "| hauteur de sortie | (h - k_h)/s_h + 1 |", W, "table"),
    (
        "output-height",
        "| height | (h - k_h + p_h)/s_h + 1 |\n| width | (w - k_w + p_w)/s_w + 1 |",
        C,
        "table",
    ),
    ("output-height", "\\\\(m_h = \\\\frac{h - k_h + p_h}{s_h} + 1\\\\)", C, "markup"),
    # an assignment's arrow, an equation's number said as one or before the equation
    ("output-height", "m_h ← (h - k_h + p_h)/s_h + 1", C, None),
    ("output-height", "m_h \\leftarrow (h - k_h)/s_h + 1", W, None),
    ("output-height", "m_h = (h - k_h + p_h)/s_h + 1 (eq. 3)", C, "equation_number"),
    ("output-height", "(1) m_h = (h - k_h + p_h)/s_h + 1", C, "equation_number"),
    ("output-height", "(1) 출력 높이 = (h - k_h)/s_h + 1", W, "lead_in"),
    (
        "output-height",
        "m_h = \\lfloor\\frac{h - k_h + p_h}{s_h}\\rfloor + 1 \\tag{2}",
        R,
        "equation_number",
    ),
    # a remark on the notation (… where ⌊x⌋ denotes the floor of x): no formula to grade
    (
        "output-height",
        "With *same padding* and stride $s_h$, the output height is"
        " $\\lfloor (h - k_h + p_h + s_h)/s_h \\rfloor$, where $\\lfloor x \\rfloor$ denotes the floor"
        " of $x$.",
        C,
        "islands",
    ),
    (
        "output-height",
        "当步幅为 $s_h$ 时，输出高度为 $\\lfloor (h - k_h + p_h)/s_h \\rfloor + 1$，"
        "其中 $\\lfloor x \\rfloor$ 表示向下取整。",
        C,
        "islands",
    ),
    (
        "output-height",
        "當步幅為 $s_h$ 時，輸出高度為 $\\lfloor (h - k_h)/s_h \\rfloor + 1$，"
        "其中 $\\lfloor x \\rfloor$ 表示向下取整。",
        W,
        "islands",
    ),
    (
        "output-height",
        "Mit *gültiger Auffüllung* ist die Ausgabehöhe $\\lfloor (h - k_h)/s_h \\rfloor + 1$, wobei"
        " $\\lfloor x \\rfloor$ bezeichnet die Abrundung von $x$.",
        W,
        "islands",
    ),
    # a remark whose letter the formula uses is no remark: the letter is named, refused
    (
        "output-height",
        "the output height is $\\lfloor (h - k_h + p_h)/s_h \\rfloor + 1$, where"
        " $\\lfloor h \\rfloor$ denotes the floor of $h$.",
        N,
        None,
    ),
    # letters glossed after the formula, a colon each (the words read; swapped: wrong)
    (
        "output-height",
        "卷积后的维度计算方法: \\frac{n-k+2\\times{p}}{s} + 1,(n:输入大小,k: 卷积核大小,p: 使用边界填充,s: 步长)。",
        C,
        "definitions",
    ),
    (
        "output-height",
        "Output size: (W - F + 2P)/S + 1 (F: filter size, S: stride, W: input size, P: padding)",
        C,
        "definitions",
    ),
    (
        "output-height",
        "Output size: (W - F + 2P)/S + 1 (F: stride, S: filter size, W: input size, P: padding)",
        W,
        "definitions",
    ),
    (
        "output-height",
        "Tamaño de salida: (W - F + 2P)/S + 1 (F: kernel_size, S: stride, W: input_size, P: padding)",
        C,
        "definitions",
    ),
    # a gloss the reader does not read: refused, never guessed
    (
        "output-height",
        "输出长度: \\frac{n-k}{s} + 1 (n: 输入长度, k: 卷积核大小, s: 步长)",
        N,
        None,
    ),
    # Chinese names defining letters, put in braced (``(填充)`` would be a remark)
    (
        "output-height",
        "输出高度为 (n-k+2p)/s + 1，其中 n 为输入大小，p 为填充，k 为卷积核大小，s 为步长",
        C,
        "definitions",
    ),
    (
        "output-height",
        "输出高度为 (n-k)/s + 1，其中 n 为输入大小，k 为卷积核大小，s 为步长",
        W,
        "definitions",
    ),
    # an array built of a size (MATLAB's rand(n) is n × n) after a lead-in: no label
    ("bias-size", "WK - Kernal b = rand(numFilters);", W, None),
    ("bias-size", "偏置: b = zeros(numFilters);", N, None),
    # a glossary line: a definition, never a difference (nothing else to grade: refused)
    ("bias-size", "WK - Kernal 卷积核数量(等于输出通道数量), 每个WK有一个Bias", N, None),
    ("bias-size", "WK - Kernal 卷積核數量(等於輸出通道數量), 每個WK有一個Bias", N, None),
    ("bias-size", "F - filter count of the layer, one bias for every F", N, None),
    ("bias-size", "K – Anzahl der Filter, ein Bias je Filter", N, None),
    ("bias-size", "K - nombre de filtres, un biais par filtre", N, None),
    ("bias-size", "K - número de filtros, un sesgo por cada filtro", N, None),
]


def _note_ids(result) -> list[str]:
    return [note["id"] for note in result.parsed["notes"]]


def _frame_read_away(result, *, verdict, read, **_row):
    if verdict == N:
        assert read is None or result.error["id"] == read, result.error
        return
    if read is not None:
        assert f"reading.note.{read}" in _note_ids(result), _note_ids(result)
    else:
        assert "reading.note.equation_number" not in _note_ids(result)


TABLE = Table("question, answer, verdict, read", ROWS, symbolic=False)
test_the_frame_around_the_formula_is_read_away = TABLE.check_test(also=_frame_read_away)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_the_notes_say_what_was_dropped_in_both_languages():
    result = check("output-height", "m_h = (h - k_h + p_h)/s_h + 1 \\quad (2.1)", symbolic=False)
    note = next(n for n in result.parsed["notes"] if n["id"] == "reading.note.equation_number")
    assert note["fields"]["number"] == "(2.1)"
    for lang in ("en", "zh"):
        said = note_text(note["id"], lang, **note["fields"])
        assert "(2.1)" in said and "{" not in said
    sized = check("output-height", "N(output) = (N(input) + 2P - K)/S + 1", symbolic=False)
    note = next(n for n in sized.parsed["notes"] if n["id"] == "reading.note.size_of")
    for lang in ("en", "zh"):
        said = note_text(note["id"], lang, **note["fields"])
        assert "N(output), N(input)" in said and "{" not in said
    framed = check("output-height", ROWS[0][1], symbolic=False)
    for lang in ("en", "zh"):
        assert "LaTeX" in note_text("reading.note.markup", lang)
    assert "reading.note.markup" in _note_ids(framed)


@pytest.mark.parametrize(
    "text",
    [
        "WK - Kernal 卷积核数量(等于输出通道数量), 每个WK有一个Bias",
        "F - filter size\nP - padding per side",
        "- S – Schrittweite der Faltung",
    ],
)
def test_a_glossary_line_is_no_formula(text):
    assert formula_islands(text) is None


@pytest.mark.parametrize(
    "text, island",
    [
        ("the output is H - K + 1 for a valid convolution", "H - K + 1"),
        ("We get h - kernel here, then add one", "h - kernel"),  # no glossary: not its line's start
    ],
)
def test_a_difference_in_a_sentence_stays_a_formula(text, island):
    found = formula_islands(text)
    assert found is not None and [i.text for i in found[0]] == [island]


def test_no_wrong_answer_framed_so_is_accepted():
    """Wrong formulas of each kind inside each frame: never accepted."""
    wrong = ["(h - k_h)/s_h + 1", "(h - k_h + p_h)/s_h", "h - k_h + 1"]
    frames = [
        "\\begin{{aligned}} m_h &= {} \\end{{aligned}}",
        "(4.2)\\[\\begin{{split}} m_h &= {} \\end{{split}}\\]",
        "$$m_h = {} \\tag{{3}}$$",
        "m_h = {} \\quad (3)",
        "m_h = {}    (12)",
        "输出高度 = {}，(3)",
        "H - {} Höhe",
        "[math]m_h = {}[/math]",
        ">>> m_h = {}",
        "| output height | {} |",
        "m_h ← {}",
        "(1) m_h = {}",
        "m_h = {} (eq. 3)",
    ]
    for frame in frames:
        for formula in wrong:
            text = frame.format(formula)
            assert check("output-height", text, symbolic=False).verdict not in RIGHT, text
