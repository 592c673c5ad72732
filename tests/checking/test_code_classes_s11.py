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
  counted; flops said of the multiplications, by a code name (``total_conv_flops``,
  ``convFlops``: flop counters name their multiply-accumulates so), a comment or a label,
  is their count (each multiplication one FLOP: s10exam2 F6); a flops name on another
  question (the FLOPs, the additions, a size) still states its counting
  (``count_word_disagrees``).
- a library's floor or ceiling inside a cast (``int(jnp.floor(…) + 1)``,
  ``static_cast<int>(std::ceil(1.0 * (…) / s))``): JAX's ``jnp.floor`` as NumPy's,
  C++'s ``static_cast<int>`` as ``int`` (the floor on the non-negative values a size
  takes), ``static_cast<double>`` the value;
- a letter that is a call or an attribute's index (``kernelDims.at(2)``,
  ``in_dims.at(2)``): C++'s ``.at(i)`` is ``[i]``; which axis the index names is read by
  the layout the code shows, refused with one line naming it where the layouts disagree;
- a bias switch in flop-counter code (``(0 if module.bias is None else 1)``, C's
  ``(has_bias ? 1 : 0)``): read without a bias, as the section's layer has none, and
  said so (``reading.note.bias_switch``); a conditional on anything else stays refused;
- a shape tuple over lines with a comment closing each line (``(c_o,\n (…) + 1,  #
  height\n …)``): the comments away, the tuple read as one; a line that opens with a
  comment mark is one comment, whatever marks and commas follow in it.
- flop-counter code over tensors' shapes (``np.prod(y.shape + w.shape[1:])``): shapes
  joined are the product of each one's sizes; a bare shape counts its elements as
  ``numel`` does (the output's one example, c_o m_h m_w; a kernel's all four sizes, it
  has no batch: ``y.numel() * w.numel()`` counts c_o twice); a product of shapes of
  tensors the answer does not name refused, naming the call.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

import pytest

from derivations.checking import check
from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None.  Every row was run with the commit that added it and with
# that commit's parent (s12left): a row written guard(…) has its verdict at both (a right
# answer kept, or a wrong one of the class's form that no fix may accept); it fails only
# if a fix reaches it.  Every other row (or a test below of its reading) fails at its
# commit's parent.
CLASSES = {
    "a padded size named": [
        # its rows need a174255's padded size (at its parent padded_height was a misspelt
        # padding: the right rows not_equivalent, the wrong ones no misconception named),
        # but for the two guards; 7371df3 was rebased on a174255
        ("output-height", "int oh = (padded_height - kh) / sh + 1;", C, None),
        ("output-height", "out_h = (h_padded - k_h) // s_h + 1", R, None),
        guard("output-height", "out_h = (h_padded - k_h + 2 * pad) // s_h + 1", W, None),
        ("output-height", "out_h = (h_padded - k_h) // s_h", W, "output_off_by_one"),
        (
            "output-width",
            "const outW = Math.floor((paddedWidth - kernelWidth) / strideW) + 1;",
            R,
            None,
        ),
        guard(
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
        # guards: the pair read in order, each name its own size
        guard("output-width", "hp, wp = h + p_h, w + p_w\now = (hp - k_w) // s_w + 1", W, None),
        guard("output-height", "hp, wp = w + p_w, h + p_h\noh = (hp - k_h) // s_h + 1", W, None),
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
        guard(
            "forward-mults",
            # guard: the channels in left out, under the same names
            "per_group_out = c_out // groups\nmacs_per_pixel = kh * kw * per_group_out\n"
            "pixels = batch * oh * ow\ntotal_conv_flops = macs_per_pixel * pixels",
            W,
            None,
        ),
        # guard: a camelCase flops name was read before 0e8add4 too
        guard(
            "forward-mults", "const convFlops = kh * kw * cin * (cout / groups) * oh * ow;", R, None
        ),
        ("forward-mults", "long conv_flops = (long)kh * kw * cin * cout * oh * ow;", R, None),
        guard("forward-mults", "conv_flops = 2 * kh * kw * cin * cout * oh * ow", W, None),
        # the multiplications said in FLOPs: right if only the multiplications are counted
        # as FLOPs (s10exam2 F6, s11exam F12: under that convention, not plainly right)
        ("forward-mults", "conv_flops = kh * kw * cin * cout * oh * ow  # FLOPs", C, None),
        ("forward-mults", "conv_flops = kh * kw * cin * cout * oh * ow  # 乘法次数", R, None),
        ("forward-mults", "FLOPs = kh*kw*cin*cout*oh*ow", C, None),
        # guard: the flops name on another question
        guard("forward-ops", "conv_flops = kh*kw*cin*cout*oh*ow", W, "count_word_disagrees"),
        # the MACs are the multiplications only: a flops name on another count still says
        (
            "forward-adds",
            "conv_flops = co * oh * ow * (kh * kw * cin - 1)",
            W,
            "count_word_disagrees",
        ),
        # a size named in FLOPs: no operations are counted (s12exam E10's own mistake)
        (
            "output-height",
            "out_flops = (h + p_h - k_h) // s_h + 1",
            W,
            "count_word_for_no_operations",
        ),
        guard(
            "forward-mults",
            "layer_flops = k_h * k_w * c_o * m_h * m_w  # 每个输出元素的乘法",
            W,
            "input_channels_left_out",
        ),
        ("forward-mults", "conv_flops = batch * oh * ow * kh * kw * cin * cout // groups", C, None),
        guard("forward-mults", "conv_flops = batch * oh * ow * kh * kw * cin // groups", W, None),
    ],
    "a library's floor or ceiling inside a cast": [
        ("output-height", "out_h = int(jnp.floor((h + 2 * pad - k) / s) + 1)", C, None),
        ("output-height", "out_h = int(jnp.floor((h + 2 * pad - k) / s))", W, "output_off_by_one"),
        (
            "output-height",
            "return static_cast<int>(std::ceil(1.0 * (h + 2 * pad - k + 1) / s));",
            C,
            None,
        ),
        (
            "output-height",
            "return static_cast<int>(std::ceil(1.0 * (h + 2 * pad - k) / s));",
            W,
            None,
        ),
        (
            "output-height",
            "int oh = static_cast<int>(std::floor(static_cast<double>(h + p_h - k_h) / s_h)) + 1;",
            R,
            None,
        ),
        (
            "output-height",
            "int oh = static_cast<int>(std::floor(static_cast<double>(h - k_h) / s_h)) + 1;",
            W,
            None,
        ),
        ("output-height", "输出高度 = int(jnp.floor((h + p_h - k_h) / s_h)) + 1", R, None),
        guard("output-width", "ow = int(np.ceil((w + p_w - k_w + 1) / s_w))", R, None),
    ],
    "a letter that is a call or an attribute's index": [
        (
            "output-height",
            "int oh = (h + 2*pad - kernelDims.at(2)) / stride + 1;",
            N,
            "checker.reason.ambiguous_letter: kernelDims[2]",
        ),
        ("output-height", "int oh = (in_dims.at(2) + 2*pad - k) / stride + 1;", C, None),
        ("output-height", "int oh = (in_dims.at(2) - k) / stride + 1;", W, None),
    ],
    "a bias switch in flop-counter code": [
        (
            "forward-ops",
            "kernel_mul = k_h * k_w * in_c\n"
            "kernel_add = kernel_mul - 1 + (0 if module.bias is None else 1)\n"
            "total_mul = kernel_mul * out_h * out_w * out_c\n"
            "total_add = kernel_add * out_h * out_w * out_c\nreturn total_mul + total_add",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "kernel_mul = k_h * k_w * (in_c // groups)\n"
            "kernel_add = kernel_mul - 1 + (0 if module.bias is None else 1)\n"
            "total_mul = kernel_mul * out_h * out_c\ntotal_add = kernel_add * out_h * out_c\n"
            "return total_mul + total_add",
            W,
            None,
        ),
        (
            "forward-adds",
            "adds = k_h*k_w*c_i - 1 + (0 if bias is None else 1)\nreturn adds * c_o * m_h * m_w",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "adds = k_h*k_w*c_i - 1 + (0 if bias is None else 1)\nreturn adds * c_o * m_h * m_w",
            W,
            None,
        ),
        (
            "forward-adds",
            "const adds = kh * kw * ci - 1 + (this.useBias ? 1 : 0);\nreturn adds * co * oh * ow;",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "int adds = kh * kw * ci - 1 + (has_bias ? 1 : 0);\nint muls = kh * kw * ci;\n"
            "return (adds + muls) * co * oh * ow;",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "# 每个输出元素的运算\nkmul = k_h * k_w * c_i\n"
            "kadd = kmul - 1 + (0 if layer.bias is None else 1)\nreturn (kmul + kadd) * c_o * m_h * m_w",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "# 每个输出元素的运算\nkmul = k_h * k_w\n"
            "kadd = kmul - 1 + (0 if layer.bias is None else 1)\nreturn (kmul + kadd) * c_o * m_h * m_w",
            W,
            None,
        ),
        guard(
            "forward-adds",
            # guard: a conditional on anything but the bias stays refused
            "adds = k_h*k_w*c_i - 1 + (0 if self.mode == 'valid' else 1)\n"
            "return adds * c_o * m_h * m_w",
            N,
            "reading.unknown_word: if",
        ),
    ],
    "a shape tuple over lines with comments": [
        # a line that is one comment, commas and marks in it, among statements: away whole
        (
            "output-height",
            "a = h + p_h - k_h\nb = w + p_w - k_w\n# per axis, # rows first, # then cols\n"
            "c = a // s_h\nd = b // s_w\ne = c + 1\nf = d + 1\noh = e\now = f",
            R,
            None,
        ),
        (
            "output-height",
            "a = h + p_h - k_h\n# per axis, # rows first\nb = a // s_h\noh = b",
            W,
            "comment",  # at 4e029f7^ the same verdict: the lines from the comment on were prose
        ),
        (
            "output-height",
            "output_shape = (c_o,\n  (h + p_h - k_h)//s_h + 1,  # height\n"
            "  (w + p_w - k_w)//s_w + 1)  # width",
            R,
            None,
        ),
        (
            "output-height",
            "self.out_shape = (c_o,\n    h - k_h + 1,  # 输出的高\n    w - k_w + 1)  # 输出的宽",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-width",
            "out_shape = (c_o,\n  (h + p_h - k_h)//s_h + 1,  # rows\n"
            "  (w + p_w - k_w)//s_w + 1,  # cols\n)",
            R,
            None,
        ),
        (
            "output-width",
            "out_shape = (c_o,\n  (h + p_h - k_h)//s_h + 1,  # rows\n  (w + p_w - k_w)//s_w,  # cols\n)",
            W,
            "output_off_by_one",
        ),
    ],
    "flop-counter code over tensors' shapes": [
        ("forward-mults", "return np.prod(y.shape + w.shape[1:])", R, None),
        ("forward-mults", "macs = np.prod(y.shape + w.shape[2:])", W, "input_channels_left_out"),
        ("forward-mults", "macs = math.prod(out.shape + kernel.shape[1:])", R, None),
        ("forward-mults", "macs = np.prod(y.shape + w.shape)", W, None),
        guard("forward-mults", "macs = np.prod(y.shape) * np.prod(w.shape[1:])", R, None),
        ("forward-mults", "macs = np.prod(y.shape) * np.prod(w.shape)", W, None),
        ("forward-mults", "macs = y.numel() * w.numel()", W, None),
        ("forward-mults", "乘法次数 = np.prod(y.shape + w.shape[1:])", R, None),
        ("forward-mults", "乘法次数 = np.prod(y.shape + w.shape[3:])", W, "kernel_volume_left_out"),
        (
            "forward-mults",
            "return np.prod(g.outs[0].shape + g.ins[1].shape[1:])",
            N,
            "reading.unread_count_call: np.prod(outs[0].shape + ins[1].shape[1:])",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=11, ascii=45)


@pytest.mark.parametrize(
    "question, answer",
    [row[:2] for row in CLASSES["a padding named pad_width"] if row[2] != N],
)
def test_pad_width_is_read_as_numpys_per_side_padding(question, answer):
    # 7371df3: the rows judged are judged with pad_width read both ways; the same verdicts
    # came before it from its parts alone (the width's padding p_w), so the reading says
    # which was used: numpy.pad's per-side amount along every axis
    result = check(question, answer, symbolic=False)
    readings = {r["written"]: (r["read"], r.get("source")) for r in result.parsed["readings"]}
    assert readings["pad_width"] == ("p", "numpy"), readings
