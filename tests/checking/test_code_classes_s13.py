"""Issue 21, session thirteen: classes of code H12's misses (the held-out file's header
lists them under "Batch H12"), each a table of answers of our own, with other names than
the pages', right and wrong, in Go, C, C++, C#, Python and JavaScript, some with Chinese
around them, through ``check`` and ``grade``:

- a layer object's field named by an axis alone (``op.h``, ``this.Height``) where the
  answer has the input's size along that axis by another name (``h``, ``this.InH``): not
  the input's; the object's other fields its stride or padding, it is the convolution,
  whose own height and width are its kernel's (``reading.note.layer_field``); refused in
  one line (``reading.field_owner``) where the object has no stride or padding, or the
  kernel's size is in the answer too: the code does not say whose size the field is.
  Before, such a right answer was judged ``not_equivalent`` (the field read as the
  input's);
- output sizes in other languages' code: Dart's truncating division ``~/`` (Python's
  ``//`` on the non-negative values a size takes, ``reading.note.operator``), and code
  generic over the axes, each parameter's array indexed by the loop's variable over them
  (``paddings[idx]``, ``strides[axis]``, ``kernel[dim]``, as ``[i]`` was: the square
  layer's p, s, k; a dilation's array the book's 1, a groups' array not read);
- the bias's length as code allocates it (``reading.note.shape_count``): Java's and C#'s
  ``new float[n]``, C++'s ``std::vector<float> b(n, 0)``, Go's ``make([]float64, n)``,
  Dart's ``List<double>.filled(n, 0.0)``, Rust's ``vec![0.0; n]``, JavaScript's typed
  arrays, candle's ``vb.get(n, "bias")``, SINGA's ``Resize(Shape{n})``; and the CS231n
  assignment's F, its number of filters (``np.zeros(F)``), where the notes' F is the
  filter's size: a letter inference tries, as CS231n's K.  Before, each was refused
  (``new``, ``make``, ``vec`` unknown words) or, for F, judged ``not_equivalent``;
- a word of the batch (``batch_size``, ``batch``, ``n_b``: the book's spellings of n)
  stays the batch (``reading.note.batch_word``): in an output size it is never the
  input's size, as the letter n is (the book's n_h).  Before, ``(batch_size - k_h + p_h
  + s_h) // s_h`` was read as the input's height and accepted, a wrong answer.

No wrong answer is accepted: each wrong row is ``not_equivalent``.  A row that has its
verdict without its class's change too is a guard (``guard(…)``)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None
CLASSES = {
    "a layer object's field named by an axis alone": [
        guard("output-height", "outH := (inH + 2*c.padH - c.h)/c.strideH + 1", C, "layer_field"),
        (
            "output-width",
            "OutW = (InW + 2 * this.PadX - this.Width) / this.StrideX + 1;",
            C,
            "layer_field",
        ),
        (
            "output-height",
            "oh = (h + 2 * self.pad - self.height) // self.stride + 1",
            C,
            "layer_field",
        ),
        (
            "output-height",
            "let oh = (h + 2 * op.pad - op.h) / op.stride + 1; // 输出的高度",
            C,
            "layer_field",
        ),
        (
            "output-width",
            "int ow = (w + 2 * op->pad_w - op->w) / op->stride_w + 1; /* 输出宽度 */",
            C,
            "layer_field",
        ),
        (
            "output-height",
            "this.OutH = (this.InH + this.PadY * 2 - this.Height) / this.Stride + 1;",
            C,
            "layer_field",
        ),
        # the field the input's where nothing else is: read as it was
        guard("output-height", "oh = (self.h + 2*self.pad - self.k) // self.stride + 1", C, None),
        # the kernel's height along the width's axis, the padding or the 1 left out
        guard(
            "output-width",
            "OutW = (InW + 2 * this.PadX - this.Height) / this.StrideX + 1;",
            W,
            None,
        ),
        guard("output-width", "OutW = (InW - this.Width) / this.Stride + 1;", W, None),
        (
            "output-height",
            "oh = (h + 2 * self.pad - self.height) // self.stride",
            W,
            "output_off_by_one",
        ),
        # no other input's size: op.w is the input's width, on the height's question
        guard(
            "output-height", "oh = (h + 2 * op.pad - op.w) // op.stride + 1  # 输出高度", W, None
        ),
        ("output-height", "oh = (h + 2*p - op.h) // s + 1", N, "reading.field_owner: op.h"),
        (
            "output-height",
            "oh = (h + 2*op.pad - op.h - op.kh) // op.stride + 1",
            N,
            "reading.field_owner: op.h",
        ),
        (
            "output-height",
            "oh = (h + 2*p - op.h) // s + 1  # 输出高度",
            N,
            "reading.field_owner: op.h",
        ),
    ],
    "output sizes in Dart and over the axes": [
        (
            "output-width",
            "final outW = (inW + 2 * padW - kW) ~/ strideW + 1;",
            C,
            "operator",
        ),
        ("output-height", "int oh = (h + p_h - k_h + s_h) ~/ s_h;", R, "operator"),
        ("output-width", "final 输出宽 = (w + p_w - k_w) ~/ s_w + 1;", R, "operator"),
        (
            "output-height",
            "int outH = (inH + 2 * padH - kH) ~/ strideH;",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "var oh = (h - k_h) ~/ s_h + 1; // 输出高度",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "o = (inp[idx] + 2*paddings[idx] - dilations[idx]*(kernels[idx]-1) - 1)"
            " // strides[idx] + 1",
            C,
            None,
        ),
        (
            "output-height",
            "dims_out = (in_sizes[ax] + 2 * pad[ax] - kernel[ax]) // stride[ax] + 1",
            C,
            None,
        ),
        (
            "output-width",
            "const o = Math.floor((inp[dim] + 2 * pad[dim] - dilation[dim] * (kernel[dim] - 1)"
            " - 1) / stride[dim]) + 1;",
            C,
            None,
        ),
        (
            "output-height",
            "o = (inp[idx] + 2*paddings[idx] - dilations[idx]*(kernels[idx]-1))"
            " // strides[idx] + 1  # 每个轴",
            W,
            None,
        ),
        (
            "output-height",
            "o = (inp[axis] + 2*paddings[axis] - kernels[axis]) // strides[axis]",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "o = (inp[idx] + 2*paddings[idx] - groups[idx]*kernels[idx]) // strides[idx] + 1",
            N,
            "reading.unknown_word: idx",
        ),
    ],
    "the bias's length as code allocates it": [
        ("bias-size", "float[] bias = new float[outChannels];", R, "shape_count"),
        ("bias-size", "std::vector<float> bias(out_channels, 0.0f);", R, "shape_count"),
        ("bias-size", "bias := make([]float64, outChannels)", R, "shape_count"),
        (
            "bias-size",
            "var bias = List<double>.filled(outChannels, 0.0); // 每个输出通道一个偏置",
            R,
            "shape_count",
        ),
        ("bias-size", "let b = vec![0.0f32; c_out];", R, "shape_count"),
        ("bias-size", "const b = new Float32Array(numFilters);", R, "shape_count"),
        ("bias-size", 'let bias = vb.get(c_out, "bias")?;', R, "shape_count"),
        ("bias-size", "bias_.Resize(Shape{outChannels_});", R, "shape_count"),
        ("bias-size", "db = np.zeros(F)", R, "shape_count"),
        ("bias-size", "var b = new float[c_o, 1]; // 偏置", R, "shape_count"),
        ("bias-size", "double[] b = new double[c_i];", W, "bias_per_input_channel"),
        guard("bias-size", "std::vector<float> bias(out_channels * k_h * k_w);", W, None),
        ("bias-size", "let b = vec![0.0f32; c_out * c_in];", W, "bias_as_weights"),
        ("bias-size", 'let bias = vb.get(c_in, "bias")?;', W, "bias_per_input_channel"),
        ("bias-size", "bias := make([]float64, inChannels)", W, "bias_per_input_channel"),
        guard("bias-size", "b = np.zeros((F, F))", W, None),
        ("bias-size", "var b = new float[c_o, c_i]; // 偏置", W, "bias_as_weights"),
        guard("bias-size", "x = new float[outChannels] + 1", N, "reading.unknown_word: new"),
        guard("bias-size", "new float[outChannels][kH]", N, "reading.unknown_word: new"),
        # a blank size was an IndexError (verdict "error") after 4a57645 (s13rev)
        ("bias-size", "let b = vec![; ];", N, None),
        ("bias-size", "b := make([]float64, )", N, None),
        guard("forward-mults", "new float[c_o]", N, "reading.unknown_word: new"),
    ],
    "a word of the batch, never an input's size": [
        ("output-height", "(batch_size - k_h + p_h + s_h) // s_h", W, None),
        ("output-width", "out_w = (batch + 2 * pad - k) // stride + 1  # 输出宽度", W, None),
        ("output-width", "(n_b - k_w + p_w + s_w) // s_w", W, None),
        ("output-height", "输出高度 = (batch_size - k_h + p_h + s_h) // s_h", W, None),
        guard("output-height", "(n - k_h + p_h + s_h) // s_h", R, None),
        ("forward-mults", "macs = batch_size * c_o * c_i * k_h * k_w * m_h * m_w", C, "batch_word"),
        (
            "forward-ops",
            "flops = 2 * batch * c_o * c_i * k_h * k_w * m_h * m_w  # 批量",
            C,
            "batch_word",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=12, ascii=33)
