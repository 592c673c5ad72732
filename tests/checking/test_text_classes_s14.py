"""Issue 21, session fourteen: text around a formula that H13 (public now) left refused
or called wrong, each class a table of answers of our own, right and wrong, in English
and Chinese, through ``check`` and ``grade``:

- a chain of a label, one name and a number (``偏差 = c_out = 64``, ``bias = out_channels
  = 32``): the number is the value at the author's layer, the name the formula.  The
  number was graded (a right answer called wrong), or the chain refused; now the name is
  graded and the number noted (``worked_number``), as after a product.
- the axes called vertical and horizontal (``vertical stride``, 水平步幅):
  ``vertical`` was no word, and a right answer was called wrong under every reading of
  it (``/ vertical stride``: a product); now the parts record's axes.
- ``stride_h`` in a width written in words (``Output width = (Input width - kernel width
  + padding)/stride_h + 1``): its h may be horizontal, and the answer is right so; it
  was called wrong (an axis mix-up), now refused in one line.  A width written with a
  letter (``w``, ``k_w``, ``pad_w``) or a name saying height keeps the mix-up.

- a label on the line above the formula, no colon (``MAC数\nK × K × …``, ``前向乘法次数``,
  ``Number of MACs``): refused (``数``) or read as a product with the formula; now a
  label, as a line ending in a colon is (it may state the counting or name another
  quantity: ``加法次数\n…`` answering the multiplications is refused).  A line naming
  the other output size above a size's formula (``Output width\n<the height's>``) was
  accepted; now refused.
- the other size said to be alike after the formula (``…，$m_w$同理。``, ``…; similarly
  for m_w``): the name was read as a second formula and the answer refused; now a
  closing remark.

- the forward memory listed in words, a tensor's name and its formula (``输入 c_i h w 个，
  权重 … 个，输出 … 个``, ``the input (c_i h w) plus the weights (…) plus the output
  (…)``): graded by its last part (a right memory called wrong) or refused; now one
  statement a part, summed as the lines ``input = …`` are (``parts_summed``).

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused.  Rows
that keep their verdict without this change are guards (:func:`.rows.guard`)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
BIAS, OH, OW, FM = "bias-size", "output-height", "output-width", "forward-mults"
FMEM, CS, FOPS = "forward-memory", "compose-size", "forward-ops"
HEIGHT, PLAIN = "(h - k_h + p_h)//s_h + 1", "(h - k_h + p_h)/s_h + 1"
# MACs on a line of their own above the count (its W_out filled in, or left out)
MAC_LINE = "MAC数\nK \\times K \\times C_{{in}} \\times H_{{out}}{w} \\times C_{{out}}"
HORIZONTAL = "checker.reason.h_may_be_horizontal"
WORDS = "checker.reason.words_name_other"
OTHER = "checker.reason.lead_names_other"
TIMES = "checker.reason.words_operation"

CLASSES: dict[str, list[tuple]] = {
    "a chain of a label, one name and a number": [
        (BIAS, "偏差 = c_out = 64", R, "worked_number"),
        (BIAS, "偏置数 = c_o = 128", R, "worked_number"),
        (BIAS, "bias = out_channels = 32", R, "worked_number"),
        (BIAS, "b = C_{out} = 16", R, "worked_number"),
        guard(BIAS, "偏差 = c_in = 64", W, None),
        guard(BIAS, "bias = in_channels = 32", W, None),
        (BIAS, "偏置数 = k_h = 3", W, None),
        guard(BIAS, "b = C_{in} = 16", W, None),
        # a label that names another quantity, a name alone: refused as before
        guard(BIAS, "weights = c_o = 16", N, None),
        guard(BIAS, "c_o = 64", N, None),
    ],
    "the axes called vertical and horizontal": [
        (OH, "floor((input height - kernel height + padding) / vertical stride) + 1", C, None),
        (OH, "(h - k_h + p_h) / (vertical stride) + 1", C, None),
        (OW, "(w - k_w + p_w) / horizontal stride + 1", C, None),
        (
            OH,
            "Output height = ⌊(Input height - kernel height + padding)/vertical stride + 1⌋",
            C,
            None,
        ),
        (OH, "(h - k_h + p_h) / 垂直步幅 + 1", C, None),
        (OW, "(w - k_w + p_w) / 水平步幅 + 1", C, None),
        guard(OW, "(w - k_w + p_w) / vertical stride + 1", W, None),
        guard(OH, "(h - k_h + p_h) / horizontal stride + 1", W, None),
        guard(OW, "(input width - kernel width + padding)/vertical stride + 1", W, None),
        (OW, "(w - k_w + p_w) / 垂直步幅 + 1", W, None),
        (OH, "(h - k_h + p_h) / 水平步幅 + 1", W, None),
    ],
    "stride_h in a width written in words": [
        (
            OW,
            "Output width = ⌊(Input width - kernel width + padding)/stride_h + 1⌋",
            N,
            f"{HORIZONTAL}: stride_h",
        ),
        (OW, "(input_width - kernel_width + pad)/stride_h + 1", N, f"{HORIZONTAL}: stride_h"),
        (OW, "输出宽度 = (输入宽度 - 卷积核宽度 + 填充)/stride_h + 1", N, f"{HORIZONTAL}: s_w"),
        guard(OW, "(input width - kernel width + padding)/stride_w + 1", C, None),
        guard(OH, "(input height - kernel height + padding)/stride_h + 1", C, None),
        # wrong with the h read either way, a width's letter, a height's word: wrong
        guard(OW, "(input width + kernel width + padding)/stride_h + 1", W, None),
        guard(OW, "(input width - kernel width)/stride_h + 1", W, None),
        guard(OW, "(w - k_w + p_w)/stride_h + 1", W, None),
        guard(OW, "(input_w - kernel_w + 2*pad_w)/stride_h + 1", W, None),
        guard(OW, "(input width - kernel height + padding)/stride_h + 1", W, None),
        guard(OW, "输出宽度 = (输入宽度 - 卷积核高度 + 填充)/stride_h + 1", W, None),
    ],
    "the bias counted in words": [
        (BIAS, "c_o biases", R, "unit_count"),
        (BIAS, "c_o 个偏置", R, "unit_count"),
        (BIAS, "out_channels bias parameters", R, None),
        (BIAS, "K biases", R, None),
        guard(BIAS, "c_i biases", W, None),
        (BIAS, "c_i 个偏置", W, None),
        guard(BIAS, "k_h k_w biases", W, None),
        # the bias count's words after another question's formula: refused
        # (the word at the end, said so: s15exam E4)
        (FM, "c_o c_i k_h k_w m_h m_w biases", N, "checker.reason.count_word_names_other: biases"),
        (OH, "(h - k_h + p_h)//s_h + 1 biases", N, f"{WORDS}: biases"),
        (OH, "(h - k_h + p_h)//s_h + 1 个偏置", N, f"{WORDS}: 个偏置"),
    ],
    "the bias named before another question's formula": [
        (FM, "biases = c_o c_i k_h k_w m_h m_w", N, f"{OTHER}: biases"),
        (FM, "偏置个数 = c_o c_i k_h k_w m_h m_w", N, f"{OTHER}: 偏置个数"),
        (FMEM, "biases = c_i h w + c_o c_i k_h k_w + c_o m_h m_w", N, f"{OTHER}: biases"),
        (OW, "偏置 = (w - k_w + p_w)//s_w + 1", N, f"{WORDS}: 偏置"),
        (OH, "bias = (h - k_h + p_h)//s_h + 1", N, f"{WORDS}: bias"),
        guard(BIAS, "biases = c_o", R, None),
        guard(BIAS, "偏置个数 = c_o", R, None),
        guard(FM, "含偏置的乘法次数 = c_o c_i k_h k_w m_h m_w", R, None),
        guard(BIAS, "biases = c_i", W, None),
        guard(FM, "乘法次数 = c_o c_i k_h k_w m_h", W, None),
    ],
    "a count word after a size": [
        (OH, "(h - k_h + p_h)//s_h + 1 multiplications", N, f"{WORDS}: multiplications"),
        (OW, "(w - k_w + p_w)//s_w + 1 次乘法", N, f"{WORDS}: 次乘法"),
        (CS, "k_1 + k_2 - 1 multiplications", N, f"{WORDS}: multiplications"),
        guard(OH, "(h - k_h + p_h)//s_h + 1 rows", R, None),
        guard(OW, "(w - k_w + p_w)//s_w + 1 列", R, None),
        guard(OH, "(h - k_h + p_h)//s_h + 2 rows", W, None),
    ],
    "a rate with its total after it": [
        (BIAS, "one bias per output channel, 64 in total", R, "total_after"),
        (BIAS, "There is one bias for each output channel, 128 in total.", R, "total_after"),
        (BIAS, "每个输出通道一个偏置，共 64 个", R, "total_after"),
        (BIAS, "每个输出通道一个偏置（共 32 个）", R, "total_after"),
        (BIAS, "c_o biases (64 in all)", R, "total_after"),
        (FM, "c_o c_i k_h k_w m_h m_w, 1296 in total", R, "total_after"),
        (BIAS, "one bias per input channel, 64 in total", W, None),
        (BIAS, "每个输入通道一个偏置，共 64 个", W, None),
        (BIAS, "one bias per kernel row, 3 in total", W, None),
        guard(FM, "c_o c_i k_h k_w m_h, 1296 in total", W, None),
    ],
    "a label on the line above the formula": [
        (FM, MAC_LINE.format(w=r" \times W_{out}"), C, "label"),
        (FM, "前向乘法次数\nc_o c_i k_h k_w m_h m_w", R, "label"),
        (FM, "Number of MACs\nc_o c_i k_h k_w m_h m_w", R, "label"),
        (OH, "Output height\n(h - k_h + p_h)//s_h + 1", R, "label"),
        (FM, MAC_LINE.format(w=""), W, None),
        guard(FM, "前向乘法次数\nc_o c_i k_h k_w m_h", W, None),
        (FOPS, "FLOPs\nc_o c_i k_h k_w m_h m_w", W, None),
        (FM, "加法次数\nc_o c_i k_h k_w m_h m_w", N, f"{OTHER}: 加法次数"),
        (OH, "Output width\n(h - k_h + p_h)//s_h + 1", N, f"{OTHER}: Output width"),
        (OW, "输出高度\n(w - k_w + p_w)//s_w + 1", N, None),
        # a multiplier is no label (s14rev F4): the student's count is not the formula
        (FM, "twice\nc_o c_i k_h k_w m_h m_w", N, f"{TIMES}: twice"),
        (FM, "times two\nc_o c_i k_h k_w m_h m_w", N, f"{TIMES}: times two"),
        (FM, "两倍\nc_o c_i k_h k_w m_h m_w", N, f"{TIMES}: 两倍"),
        (FM, "一半\nc_o c_i k_h k_w m_h m_w", N, f"{TIMES}: 一半"),
        (FM, "twice: c_o c_i k_h k_w m_h m_w", N, f"{TIMES}: twice"),
        (FM, "两倍：c_o c_i k_h k_w m_h m_w", N, f"{TIMES}: 两倍"),
    ],
    "the other size said to be alike after the formula": [
        (OH, f"其中$m_h$的计算公式为：$m_h = {PLAIN}$，$m_w$同理。", C, "closing"),
        (OH, "$H_o = (H - F + 2P)/S + 1$，$W_o$同理。", C, "closing"),
        (OH, f"m_h = {HEIGHT}; similarly for m_w.", R, "closing"),
        (OH, "其中$m_h$的计算公式为：$m_h = (h - k_h)/s_h + 1$，$m_w$同理。", W, None),
        (OH, "$H_o = (H - F)/S + 1$，$W_o$同理。", W, None),
        guard(OH, "m_h = (h - k_h + p_h)//s_h + 2; similarly for m_w.", W, None),
        (OW, f"m_h = {HEIGHT}，m_w 同理", W, None),
    ],
    "the forward memory listed in words": [
        (FMEM, "输入 c_i h w 个，权重 c_o c_i k_h k_w 个，输出 c_o m_h m_w 个", R, "parts_summed"),
        (
            FMEM,
            "the input (c_i h w) plus the weights (c_o c_i k_h k_w) plus the output (c_o m_h m_w)",
            R,
            "parts_summed",
        ),
        (
            FMEM,
            "the input (c_i h w), the weights (c_o c_i k_h k_w) and the output (c_o m_h m_w)",
            R,
            None,
        ),
        guard(FMEM, "输入 c_i h w 个，权重 c_o c_i k_h k_w 个，输出 c_i m_h m_w 个", W, None),
        (
            FMEM,
            "the input (c_i h w) plus the weights (c_o c_i k_h k_w) plus the output (c_i m_h m_w)",
            W,
            None,
        ),
        (FMEM, "the input (c_i h w) plus the output (c_o m_h m_w)", W, None),
        # a multiplier in a part's words is no prose (s14rev F11)
        (
            FMEM,
            "the input (c_i h w) plus the weights (c_o c_i k_h k_w) plus twice the output"
            " (c_o m_h m_w)",
            N,
            f"{TIMES}: twice the",
        ),
        (
            FMEM,
            "输入 c_i h w 个，权重 c_o c_i k_h k_w 个，两倍输出 c_o m_h m_w 个",
            N,
            f"{TIMES}: 两倍输出",
        ),
        guard(FMEM, "输入 c_i h w 个，输出 c_o m_h m_w 个", W, None),
        # a list answering another question: read as its lines are (wrong, or refused)
        (BIAS, "weights (c_o k_h) and biases (c_i k_h)", W, None),
        guard(FM, "input (c_i h w), output (c_o c_i k_h k_w m_h m_w)", N, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=8, ascii=8)
