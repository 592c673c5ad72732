"""Issue 21 (session nine, s9text): the structure of the text around a formula, read by
general mechanisms whatever the language:

* a size written as height X width after a label or inside a sentence (``Output size:
  floor(…) x floor(…)``, ``输出维度为(…)x(…)。``, ``$$\\lfloor…\\rfloor \\times
  \\lfloor…\\rfloor$$`` after a sentence): the two sizes in place, the words around them
  left to the reader (``second_look.two_sizes``; a right answer was judged
  not_equivalent as the product of the two);
* a list of the layer's givens before the formula (``a $k \\times k$ kernel, padding
  $p$, stride $s$, the output height is: …``, ``ядро k, шаг s, высота выхода: …``): a
  parameter's name and its letter, no formula graded (``parse._GIVEN``,
  ``checker._given``; ``$f \\times f$ filter`` was graded as k·k·k and a right answer
  judged not_equivalent);
* a word naming the letters written right after it (``output size m_h m_w``, ``kernel
  size k_h k_w``, ``输出通道数 c_o``): an apposition, the letters, never the word times
  them (``lexer._without_appositions``; letters with subscripts side by side are never a
  lead-in's words: ``乘法次数是 c_i c_o k_h k_w 乘以输出大小 $m_h m_w$`` had its first
  formula dropped as a lead-in);
* lines of prose before the formula's lines with no colon (a docstring's ``… where H' and
  W' are given by`` / ``H' = 1 + …``): the formula's lines (``second_look._prose_lines``;
  never when the prose denies, asks or states a counting);
* a fraction set in HTML (``<sup>h + 2p - k</sup>/<sub>s</sub>``): ``(…)/(…)``, not a
  superscript and a subscript (``second_look._fraction_tags``);
* Markdown's emphasis around math (``就是 _(n - f + 1)×(n - f + 1)_ 。``, ``*…*``): away,
  a product's ``*`` kept (``second_look._MATH_EMPHASIS``);
* a count said as a rate the other way round ("each Y has one X", "X are associated with
  Y"), and among sentences that say none (``second_look.rate_sentence``);
* words before an accepted formula that name another quantity of the layer than the one
  asked (``The output width is …`` answering output-height, ``输出高度为 …`` or ``加法次数为
  …`` answering forward-mults): refused, never accepted; a wrong formula under them stays
  not_equivalent (``checker._lead_names_asked``).

Answers of our own in the class's style, in en, zh (simplified and traditional), ja, de,
fr, es and ru: right ones accepted, wrong ones still not_equivalent, refused where the
text leaves nothing the reader may grade; through ``check`` and ``grade``; the note in
"read as" (or the refusal) says what was dropped, in en and zh."""

from derivations.checking import check
from derivations.checking.explaining.wording import note_text
from derivations.checking.reading.second_look import two_sizes
from derivations.messages import text as message
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
RIGHT = (R, C)

# (question, answer, verdict, the note expected or, refused, the refusal's id or None)
ROWS = [
    # two sizes after a label or in a sentence: the size asked
    (
        "output-height",
        "The feature map after the layer: floor((h + 2p - k)/s + 1) x floor((w + 2p - k)/s + 1)",
        C,
        "label",
    ),
    (
        "output-width",
        "The feature map after the layer: floor((h + 2p - k)/s + 1) x floor((w + 2p - k)/s + 1)",
        C,
        "label",
    ),
    (
        "output-height",
        "The feature map after the layer: floor((h + 2p - k)/s) x floor((w + 2p - k)/s)",
        W,
        "label",
    ),
    (
        "output-height",
        "卷积后特征图的尺寸为 ⌊(h + 2p - k)/s + 1⌋ × ⌊(h + 2p - k)/s + 1⌋。",
        C,
        "two_sizes",
    ),
    ("output-height", "卷积后特征图的尺寸为 ⌊(h + 2p - k)/s⌋ × ⌊(h + 2p - k)/s⌋。", W, "two_sizes"),
    (
        "output-height",
        "卷積後的輸出尺寸：floor((h + 2p - k)/s + 1) x floor((h + 2p - k)/s + 1)",
        C,
        "two_sizes",
    ),
    ("output-height", "出力サイズ: ((h + 2p - k)/s + 1) × ((w + 2p - k)/s + 1)", C, "label"),
    (
        "output-height",
        "Die Ausgabe hat die Größe ((h + 2p - k)/s + 1) x ((w + 2p - k)/s + 1).",
        C,
        "two_sizes",
    ),
    (
        "output-width",
        "Con un núcleo $k \\times k$, relleno $p$ y paso $s$, la salida mide:\n\n"
        "$$\\lfloor \\frac{h + 2p - k}{s} + 1 \\rfloor \\times \\lfloor \\frac{w + 2p - k}{s}"
        " + 1 \\rfloor$$",
        C,
        "last_display",
    ),
    (
        "output-width",
        "Con un núcleo $k \\times k$, relleno $p$ y paso $s$, la salida mide:\n\n"
        "$$\\lfloor \\frac{h + 2p - k}{s} + 1 \\rfloor \\times \\lfloor \\frac{w - k}{s}"
        " + 1 \\rfloor$$",
        W,
        "last_display",
    ),
    # no two sizes: a factor before the bracket, a third factor, a sum without brackets
    ("output-height", "c_o (h - k) x (w - k)", W, None),
    ("output-height", "floor((h + 2p - k)/s + 1) x floor((w + 2p - k)/s + 1) x c_o", W, None),
    ("output-height", "the result is (h + 2p - k)/s + 1 x (w + 2p - k)/s + 1 pixels", N, None),
    # the layer's givens listed before the formula: not graded
    (
        "output-height",
        "a $k \\times k$ kernel, padding $p$, stride $s$, the output height is: "
        "$$\\lfloor (h + 2p - k)/s \\rfloor + 1$$",
        C,
        "givens",
    ),
    (
        "output-height",
        "a $k \\times k$ kernel, padding $p$, stride $s$, the output height is: "
        "$$\\lfloor (h - k)/s \\rfloor + 1$$",
        W,
        "givens",
    ),
    (
        "output-height",
        "卷积核 $k \\times k$，填充 $p$，步幅 $s$，输出高度为：$$\\lfloor (h + 2p - k)/s \\rfloor + 1$$",
        C,
        "givens",
    ),
    ("output-height", "卷積核 k，填充 p，步幅 s，輸出高度：(h + 2p - k)/s + 1", C, "givens"),
    ("output-height", "卷积核 k，填充 p，步幅 s，输出高度：(h - k)/s + 1", W, "givens"),
    ("output-height", "ядро k, отступ p, шаг s, высота выхода: (h + 2p - k)/s + 1", C, "givens"),
    (
        "output-height",
        "noyau k, remplissage p, pas s, hauteur de sortie : (h + 2p - k)/s + 1",
        C,
        "givens",
    ),
    (
        "output-height",
        "Kernel k, Padding p, Schrittweite s, Ausgabehöhe: (h + 2p - k)/s + 1",
        C,
        "givens",
    ),
    ("forward-mults", "kernel k, stride s, multiplications: c_i c_o k^2 m_h m_w", C, "givens"),
    ("forward-mults", "kernel k, stride s, multiplications: c_i k^2 m_h m_w", W, "givens"),
    # only givens: nothing to grade
    ("output-height", "kernel k, padding p, stride s", N, None),
    # a word naming the letters after it: the letters
    ("forward-mults", "c_i c_o k_h k_w × output size m_h m_w", R, "apposition"),
    ("forward-mults", "乘法次数是 c_i c_o k_h k_w 乘以输出大小 $m_h m_w$", R, "apposition"),
    (
        "forward-mults",
        "乘法次數 = 輸入通道數 c_i × 輸出通道數 c_o × k_h k_w m_h m_w",
        R,
        "apposition",
    ),
    (
        "forward-mults",
        "乗算回数 = 入力チャネル数 c_i × 出力チャネル数 c_o × k_h k_w × 出力サイズ m_h m_w",
        R,
        "apposition",
    ),
    (
        "forward-mults",
        "the kernel size k_h k_w times c_i c_o times the output size m_h m_w",
        R,
        "apposition",
    ),
    ("forward-mults", "c_i c_o k_h × output size m_h m_w", W, "apposition"),
    ("forward-mults", "乘法次数是 c_i c_o k_h 乘以输出大小 $m_h m_w$", W, "apposition"),
    ("output-height", "(h - kernel size k_h + p_h)/s_h + 1", C, "apposition"),
    ("output-height", "(h - 卷积核大小 k_h + p_h)/s_h + 1", C, "apposition"),
    # a word naming other letters than those after it: a product, as written
    ("forward-mults", "c_i c_o k_h k_w × output size h w", W, None),
    # words unknown before the letters: refused
    ("output-height", "(h - tamaño del núcleo k_h + p_h)/s_h + 1", N, "reading.unknown_word"),
    # a lead-in naming another quantity than the one asked: a right formula refused
    ("forward-mults", "输出高度为 c_i c_o k_h k_w m_h m_w", N, "checker.reason.lead_names_other"),
    (
        "forward-mults",
        "The number of additions is c_i c_o k_h k_w m_h m_w",
        N,
        "checker.reason.lead_names_other",
    ),
    ("forward-mults", "加法次數為 c_i c_o k_h k_w m_h m_w", N, "checker.reason.lead_names_other"),
    (
        "output-height",
        "The output width is (h - k_h + p_h)/s_h + 1",
        N,
        "checker.reason.lead_names_other",
    ),
    ("output-height", "输出宽度为 (h - k_h + p_h)/s_h + 1", N, "checker.reason.lead_names_other"),
    (
        "output-width",
        "La altura de salida es (w - k_w + p_w)/s_w + 1",
        N,
        "checker.reason.lead_names_other",
    ),
    (
        "output-height",
        "The number of multiplications is (h - k_h + p_h)/s_h + 1",
        N,
        "checker.reason.lead_names_other",
    ),
    # ... a wrong one under it stays wrong; a name of the quantity asked, or of a size of
    # either axis, or a counting (MACs), is no other quantity
    ("forward-mults", "加法次数为 c_i c_o k_h k_w", W, "lead_in"),
    ("output-height", "output width: (h - k_h)/s_h + 1", W, "label"),
    ("output-width", "output size: (w - k_w + p_w)/s_w + 1", C, "label"),
    ("output-height", "出力の高さは (h - k_h + p_h)/s_h + 1", C, None),
    ("forward-mults", "The number of multiplications is c_i c_o k_h k_w m_h m_w", R, "lead_in"),
    ("forward-mults", "MACs: c_i c_o k_h k_w m_h m_w", R, "label"),
    # the forward pass named answering a backward question, the weights the bias count, a
    # count another count (a counting, MACs, and a relative count are no other quantity)
    (
        "backward-ops",
        "前向传播的计算量为 2 c_o c_i k_h k_w m_h m_w",
        N,
        "checker.reason.lead_names_other",
    ),
    (
        "backward-ops",
        "the forward pass is 2 c_o c_i k_h k_w m_h m_w",
        N,
        "checker.reason.lead_names_other",
    ),
    ("bias-size", "the number of weights is c_o", N, "checker.reason.lead_names_other"),
    ("bias-size", "权重的个数为 c_o", N, "checker.reason.lead_names_other"),
    ("bias-size", "the number of bias weights is c_o", R, "lead_in"),
    ("backward-ops", "反向传播的计算量约为前向传播的两倍", C, None),
    (
        "forward-ops",
        "the number of multiplications is c_o c_i k_h k_w m_h m_w",
        N,
        "checker.reason.lead_names_other",
    ),
    # a count said as a rate the other way round, "each Y has one X", or as a tie, "X are
    # associated with Y": the number of Y, where X is a bias
    ("bias-size", "Each output channel has its own bias.", R, "rate_sentence"),
    ("bias-size", "Every input channel has a bias.", W, "rate_sentence"),
    ("bias-size", "Chaque filtre a un biais.", R, "rate_sentence"),
    ("bias-size", "Jeder Filter hat einen Bias.", R, "rate_sentence"),
    ("bias-size", "Cada filtro tiene un sesgo.", R, "rate_sentence"),
    ("bias-size", "每個輸出通道有一個偏置。", R, "rate_sentence"),
    ("bias-size", "Biases belong to filters, not to the feature maps.", R, "rate_sentence"),
    ("bias-size", "Les biais sont associés aux filtres.", R, "rate_sentence"),
    ("bias-size", "偏置与卷积核一一对应。", R, "rate_sentence"),
    ("bias-size", "The biases are associated with the input channels.", W, "rate_sentence"),
    ("bias-size", "Each filter has its own kernel", N, "reading.sentence_only"),
    ("bias-size", "one weight per filter", N, "reading.sentence_only"),
    # (a Y in Russian read by the roles of its words in the parts record, s17lang; one
    # whose word names no role stays refused)
    ("bias-size", "Каждый фильтр имеет свой bias.", R, "rate_sentence"),
    ("bias-size", "Каждый блок имеет свой bias.", N, None),
    # ... among sentences that say no count: that sentence graded
    (
        "bias-size",
        "Convolution layer parameters\nThere is one bias for each filter. Every bias is added"
        " to each value of its feature map.",
        R,
        "islands",
    ),
    ("bias-size", "每个卷积核有一个偏置。这个偏置会加到输出特征图的每个位置上。", R, "islands"),
    (
        "bias-size",
        "Hay un sesgo por cada filtro. Cada sesgo se suma a todos los valores.",
        R,
        "islands",
    ),
    (
        "bias-size",
        "There is one bias for each input channel. Each bias is added to its map.",
        W,
        "islands",
    ),
    # lines of prose before the formula's lines, with no colon (a docstring, a note)
    (
        "output-height",
        "- out: the output, of shape (N, F, H', W') where H' and W' are given by\n"
        "    H' = 1 + (H + 2 * pad - HH) / stride",
        C,
        "prose_lines",
    ),
    (
        "output-height",
        "- out: the output, of shape (N, F, H', W') where H' and W' are given by\n"
        "    H' = 1 + (H - HH) / stride",
        W,
        "prose_lines",
    ),
    (
        "output-height",
        "- out: 输出，形状为 (N, F, H', W')，其中 H' 由下式给出\n    H' = 1 + (H + 2 * pad - HH) / stride",
        C,
        "prose_lines",
    ),
    (
        "output-height",
        "- out: 輸出，形狀為 (N, F, H', W')，其中 H' 由下式給出\n    H' = 1 + (H + 2 * pad - HH) / stride",
        C,
        "prose_lines",
    ),
    (
        "output-height",
        "Высота выхода H_out\nвычисляется так\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1",
        C,
        "prose_lines",
    ),
    (
        "output-height",
        "La hauteur de sortie se calcule ainsi\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1",
        C,
        "islands",
    ),
    (
        "output-height",
        "Die Ausgabehöhe ergibt sich aus\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1",
        C,
        "islands",
    ),
    # ... never when the prose denies, asks or states a counting the question does not ask
    (
        "output-height",
        "This is not how it is computed\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1",
        N,
        "reading.lead_negates",
    ),
    (
        "output-height",
        "Is the output height given by\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1",
        N,
        None,
    ),
    ("forward-ops", "The MACs of the layer are\nc_i c_o k_h k_w m_h m_w", N, None),
    # a fraction set in HTML: <sup>numerator</sup>/<sub>denominator</sub>
    ("output-height", "m<sub>h</sub> = ⌊<sup>h + 2p - k</sup>/<sub>s</sub>⌋ + 1", C, "html"),
    ("output-height", "m<sub>h</sub> = ⌊<sup>h - k</sup>/<sub>s</sub>⌋ + 1", W, "html"),
    (
        "output-height",
        "n<sub>H</sub><sup>[l]</sup> = ⌊(<sup>n<sub>H</sub><sup>[l-1]</sup> + 2p<sup>[l]</sup>"
        " - f<sup>[l]</sup></sup>/<sub>s<sup>[l]</sup></sub>) + 1⌋",
        C,
        "html",
    ),
    ("output-height", "输出高度 = <sup>h + 2p - k</sup>&frasl;<sub>s</sub> + 1", C, "html"),
    ("output-height", "m<sub>h</sub> = <sup>h + 2p - k</sup>⁄<sub>s</sub> + 1", C, "html"),
    # Markdown's emphasis around math in notes (a product's * stays a product)
    ("output-height", "那么输出的维度就是 _(n + 2p - f)/s + 1_ 。", C, "emphasis"),
    ("output-height", "那么输出的维度就是 _(n - f + 1)×(n - f + 1)_ 。", W, "emphasis"),
    ("output-height", "那麼輸出的維度就是 _(n + 2p - f)/s + 1_ 。", C, "emphasis"),
    ("output-height", "* the output height is *(n + 2p - f)/s + 1*.", C, "emphasis"),
    ("output-height", "* la altura de salida es _(n + 2p - f)/s + 1_.", C, "emphasis"),
    ("output-height", "* 出力の高さは _(n + 2p - f)/s + 1_ 。", C, "emphasis"),
    ("output-height", "* the output height is _(n - f)/s + 1_.", W, "emphasis"),
    ("forward-mults", "c_i * k_h * k_w * c_o * m_h * m_w", R, None),
    # a remark after the formula with an abbreviation's full stop (i.e., p.ej.): words
    (
        "output-height",
        "H_2 = (H_1 - F + 2P)/S + 1 (i.e. width and height alike by symmetry)",
        C,
        None,
    ),
    ("output-height", "H_2 = (H_1 - F)/S + 1 (i.e. width and height alike by symmetry)", W, None),
    ("output-height", "H_2 = (H_1 - F + 2P)/S + 1 (p.ej. ancho y alto iguales)", C, None),
    ("output-height", "H_2 = (H_1 - F + 2P)/S + 1 (d.h. Breite und Höhe gleich)", N, None),
    # a value stated under a condition on a parameter: the condition's parameter, not the
    # formula's quantity: both formulas graded, refused where they disagree
    (
        "forward-mults",
        "c_o c_i k_h k_w m_h m_w; for a 3x3 kernel that is 3 c_o c_i m_h m_w",
        N,
        "checker.reason.parts_disagree",
    ),
    (
        "output-height",
        "$(h - k_h + p_h)/s_h + 1$; with a stride of 2 it is $(h - k_h + p_h)/2$",
        N,
        "checker.reason.parts_disagree",
    ),
    (
        "output-height",
        "For an input of size $n \\times n$ and a kernel of size $k$, the output height is "
        "$n - k + 1$",
        W,
        None,
    ),
]


def _note_ids(result) -> list[str]:
    return [note["id"] for note in result.parsed["notes"]]


def _structure_read(result, *, verdict, read, **_row):
    if verdict == N:
        assert read is None or result.error["id"] == read, result.error
    elif read is not None:
        assert f"reading.note.{read}" in _note_ids(result), _note_ids(result)


TABLE = Table("question, answer, verdict, read", ROWS, symbolic=False)
test_the_text_around_the_formula_is_read_by_its_structure = TABLE.check_test(also=_structure_read)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_every_mechanism_has_right_wrong_and_refused_answers_in_several_languages():
    verdicts = {r[2] for r in ROWS}
    assert verdicts == {R, C, W, N}
    assert any("\u4e00" <= ch <= "\u9fff" for r in ROWS for ch in r[1])


def test_the_notes_and_the_refusal_say_what_was_dropped_in_both_languages():
    cases = [
        ("output-height", ROWS[3][1], "reading.note.two_sizes", "×"),
        ("output-height", ROWS[13][1], "reading.note.givens", "p"),
        (
            "output-height",
            "卷积核 k，填充 p，步幅 s，输出高度：(h + 2p - k)/s + 1",
            "reading.note.givens",
            "填充 p",
        ),
        (
            "forward-mults",
            "c_i c_o k_h k_w × output size m_h m_w",
            "reading.note.apposition",
            "m_h m_w",
        ),
    ]
    for question, answer, key, shown in cases:
        result = check(question, answer, symbolic=False)
        note = next(n for n in result.parsed["notes"] if n["id"] == key)
        for lang in ("en", "zh"):
            said = note_text(note["id"], lang, **note["fields"])
            assert shown in said and "{" not in said, said
    refused = check("forward-mults", "输出高度为 c_i c_o k_h k_w m_h m_w", symbolic=False)
    for lang in ("en", "zh"):
        said = message(refused.error["id"], lang, **refused.error["fields"])
        assert "输出高度" in said and "forward-mults" in said and "{" not in said


def test_two_sizes_reads_them_in_place():
    text, _ = two_sizes("Output: floor((h - k)/s + 1) x floor((h - k)/s + 1) pixels")
    assert text == "Output: floor((h - k)/s + 1) pixels"
    text, _ = two_sizes("输出为 ((h - k)/s + 1) x ((w - k)/s + 1)。")
    assert text == "输出为 (((h - k)/s + 1), ((w - k)/s + 1))。"
    assert two_sizes("n x n") is None  # no operator: no size
    assert two_sizes("it is (h - k) x (w - k) x c_o") is None


def test_no_wrong_answer_is_accepted_in_these_structures():
    """Wrong formulas in each structure: never accepted."""
    wrong = ["(h - k)/s + 1", "(h + 2p - k)/s", "h - k + 1", "(h + p - k)/(s + 1)"]
    frames = [
        "Output size: floor({0}) x floor({0})",
        "输出维度为({0})x({0})。",
        "When using a $k \\times k$ kernel, the output is:\n\n$$\\lfloor {0} \\rfloor \\times "
        "\\lfloor {0} \\rfloor$$",
        "a $k \\times k$ kernel, padding $p$, stride $s$, the output height is: $${0}$$",
        "ядро k, отступ p, шаг s, высота выхода: {0}",
        "卷積核 k，填充 p，步幅 s，輸出高度：{0}",
        "(kernel size k) {0}",
        "The output height is {0}",
        "where the output height is given by\n    m_h = {0}",
        "La hauteur de sortie se calcule ainsi\nm_h = {0}",
        "那么输出的维度就是 _{0}_ 。",
        "* the output height is *{0}*.",
    ]
    for frame in frames:
        for formula in wrong:
            text = frame.format(formula)
            assert check("output-height", text, symbolic=False).verdict not in RIGHT, text
    counts = ["c_i k_h k_w m_h m_w", "c_o k_h k_w m_h m_w c_i c_i", "c_i c_o k_h m_h m_w"]
    for formula in counts:
        for frame in ("{} × output size m_h m_w", "乘法次数是 {} 乘以输出大小 $m_h m_w$"):
            text = frame.format(formula)
            assert check("forward-mults", text, symbolic=False).verdict not in RIGHT, text
