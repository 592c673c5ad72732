"""Issue 21, session eleven: classes of code H10's misses (the held-out file's header
lists them under "Batch H10"), each a table of answers of our own, with other names than
the pages', right and wrong, in Python, C, C++, JavaScript, Julia, MATLAB and with
Chinese around them, through ``check`` and ``grade``:

- a padded size named (``padded_height``, ``H_padded``, ``paddedWidth``: s11adv's parts
  role, here in code): the input's size with its padding, h + p_h (the total padding, so
  the same size when the padding is counted per side); the padding added to it again is
  counted twice (``side_padding_doubled``), never right under the per-side reading;
- a padding named ``pad_width``: NumPy's numpy.pad calls its per-side amount (an int,
  every axis's) so, and its parts read as the width's padding p_w; read both ways,
  refused as ambiguous where one reading is right and the other is not (``2*pad_width``
  in the height's formula: right per side, the width's padding otherwise), judged where
  they agree (wrong both ways, or right both ways in the width's formula);
- a pair assigned on a line of its own beside other statements (``hp, wp = h + p_h, w +
  p_w`` then ``oh = (hp - k_h) // s_h + 1``): its two statements, in order, as single
  assignments are; an axis's letter with p that the answer does not define (``W_p``: the
  padded width or the width's padding) refused, naming it, never judged wrong.
- flop-counter code with a batch and groups (``per_group = c_out // groups`` …
  ``total_conv_flops = per_pixel * pixels``): PyTorch's groups the book's 1, the batch
  counted; a code name of several words saying flops (``total_conv_flops``,
  ``convFlops``) says nothing of the counting where the question counts the
  multiplications (flop counters name their multiply-accumulates so), but a comment or
  a label saying FLOPs still does (``count_word_disagrees``), and so does any name where
  the question counts FLOPs.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None
CLASSES = {
    "a padded size named": [
        ("output-height", "int oh = (padded_height - kh) / sh + 1;", C, None),
        ("output-height", "out_h = (h_padded - k_h) // s_h + 1", R, None),
        ("output-height", "out_h = (h_padded - k_h + 2 * pad) // s_h + 1", W, None),
        ("output-height", "out_h = (h_padded - k_h) // s_h", W, "output_off_by_one"),
        (
            "output-width",
            "const outW = Math.floor((paddedWidth - kernelWidth) / strideW) + 1;",
            R,
            None,
        ),
        (
            "output-height",
            "const outH = Math.floor((paddedWidth - kernelHeight) / strideH) + 1;",
            W,
            None,
        ),
        ("output-height", "oh = div(padded_height - kh, sh) + 1", R, None),
        ("output-height", "out_h = floor((padded_height - kh) / sh) + 1;", R, None),
        ("output-width", "ow = (W_padded - KW) // SW + 1", R, None),
        ("output-height", "输出高度 = (padded_height - k_h) / s_h + 1", C, None),
        (
            "output-height",
            "输出高度 = (padded_height - k_h + p_h) / s_h + 1",
            W,
            "side_padding_doubled",
        ),
    ],
    "a padding named pad_width": [
        (
            "output-height",
            "oh = int((in_h - k + 2*pad_width) / s + 1)",
            N,
            "checker.reason.ambiguous_letter: pad_width",
        ),
        ("output-height", "oh = (in_h - k + pad_width) // s + 1", W, "per_side_padding_once"),
        ("output-width", "ow = (in_w - k + 2*pad_width) // s + 1", C, None),
        (
            "output-width",
            "ow = (in_w - k + pad_width) // s + 1",
            N,
            "checker.reason.ambiguous_letter: pad_width",
        ),
        ("output-width", "int ow = (iw - kw + 2 * pad_width) / sw + 1;", C, None),
        (
            "output-height",
            "const oh = Math.floor((ih - kh + 2 * pad_width) / sh) + 1;",
            N,
            "checker.reason.ambiguous_letter: pad_width",
        ),
        ("output-width", "ow = div(iw - kw + 2 * pad_width, sw) + 1", C, None),
        ("output-width", "ow = (iw - kw + 2*pad_width) // sw", W, "output_off_by_one"),
        ("output-width", "输出宽度 = (w - k_w + 2*pad_width) / s_w + 1", C, None),
        (
            "output-height",
            "输出高度 = (h - k_h + 2*pad_width) / s_h + 1",
            N,
            "checker.reason.ambiguous_letter: pad_width",
        ),
    ],
    "a pair assigned on a line of its own": [
        ("output-height", "hp, wp = h + p_h, w + p_w\noh = (hp - k_h) // s_h + 1", R, None),
        ("output-width", "hp, wp = h + p_h, w + p_w\now = (hp - k_w) // s_w + 1", W, None),
        ("output-height", "hp, wp = w + p_w, h + p_h\noh = (hp - k_h) // s_h + 1", W, None),
        ("output-height", "ih, iw = h + 2*pad, w + 2*pad\noh = (ih - kh) // stride + 1", C, None),
        (
            "output-height",
            "hp, wp = h + p_h, w + p_w  # 填充后的尺寸\noh = (hp - k_h) // s_h + 1",
            R,
            None,
        ),
        ("output-width", "hp, wp = h + 2*pad, w + 2*pad;\now = (wp - kw) / stride + 1;", C, None),
        ("output-height", "H_p, W_p = H + P, W + P\noh = (H_p - k_h) / s_h + 1", C, None),
        ("output-width", "ow = (W_p - k_w) // s_w + 1", N, "reading.padded_or_padding: W_p"),
        ("output-height", "oh = (H_p - k_h) / s_h + 1", N, "reading.padded_or_padding: H_p"),
        ("output-height", "输出高度 = (H_p - k_h) / s_h", N, "reading.padded_or_padding: H_p"),
    ],
    "flop-counter code with a batch and groups": [
        (
            "forward-mults",
            "per_group_out = c_out // groups\nmacs_per_pixel = kh * kw * c_in * per_group_out\n"
            "pixels = batch * oh * ow\ntotal_conv_flops = macs_per_pixel * pixels",
            C,
            None,
        ),
        (
            "forward-mults",
            "per_group_out = c_out // groups\nmacs_per_pixel = kh * kw * per_group_out\n"
            "pixels = batch * oh * ow\ntotal_conv_flops = macs_per_pixel * pixels",
            W,
            None,
        ),
        ("forward-mults", "const convFlops = kh * kw * cin * (cout / groups) * oh * ow;", R, None),
        ("forward-mults", "long conv_flops = (long)kh * kw * cin * cout * oh * ow;", R, None),
        ("forward-mults", "conv_flops = 2 * kh * kw * cin * cout * oh * ow", W, None),
        (
            "forward-mults",
            "conv_flops = kh * kw * cin * cout * oh * ow  # FLOPs",
            W,
            "count_word_disagrees",
        ),
        ("forward-mults", "conv_flops = kh * kw * cin * cout * oh * ow  # 乘法次数", R, None),
        ("forward-mults", "FLOPs = kh*kw*cin*cout*oh*ow", W, "count_word_disagrees"),
        ("forward-ops", "conv_flops = kh*kw*cin*cout*oh*ow", W, "count_word_disagrees"),
        (
            "forward-mults",
            "layer_flops = k_h * k_w * c_o * m_h * m_w  # 每个输出元素的乘法",
            W,
            "input_channels_left_out",
        ),
        ("forward-mults", "conv_flops = batch * oh * ow * kh * kw * cin * cout // groups", C, None),
        ("forward-mults", "conv_flops = batch * oh * ow * kh * kw * cin // groups", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=7, ascii=25)
