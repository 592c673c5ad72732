"""Issue 21, session sixteen: the code learners write (the held-out file's header lists
H12's, H13's and H15's misses: code is about a third of them), by class, each a table
of answers of our own, right and wrong, through ``check`` and ``grade``:

- the bias as the code that creates its array, whose size is the count: a call to an
  array constructor the notation registry names (the ``constructors`` record: NumPy's
  ``np.random.uniform(low, high, size)`` and ``np.random.normal``, their ``size=``
  keyword or third argument; ``np.full``, ``torch.full``, ``torch.normal``,
  TensorFlow's ``tf.random.normal([…])``, Keras' ``add_weight(shape=…)``, and the
  initializers of FAU's Deep Learning exercise, ``UniformRandom().initialize(shape,
  fan_in, fan_out)``), its shape's names resolved by the notation layer; the count is
  the product of the shape; a number scaling it (``0.01 * np.random.randn(c_o)``) or a
  method after it that keeps its shape (``.uniform_(-k, k)``, ``.to(device)``: the
  record's ``same_shape``) leaves the count as it is.  Before, each was refused (``.``
  unexpected, ``Init`` unknown) and ``0.01 * np.random.randn(c_o)`` judged wrong (0.01
  c_o).  The input channels as the count, the weights' shape, or a sampler given
  no size (one value) is never accepted.

- sizes over the shapes of arrays an author numbers (``X1.shape[0]``, ``W2.shape[0]``,
  ``img1``, ``k1``: CS231n-style exercises convolve channels X1..X3 with kernels
  W1..W3): the array its letter names (X the input, W the weights, k the kernel), each
  index read by the layouts (:func:`.names.shape_of`).  Before, refused (``X1.shape[0]``
  unknown).  The padding, the ``+ 1`` or the floor left out is wrong; an index no
  layout makes the question's size is refused, never guessed.

- an array its author names ``kernel`` (``kernel.shape[0]``): read by the layouts, as
  ``K`` is (a 2-D or HWIO kernel's index 0 is its height; NCHW's OIHW index 3 its
  width); a layer's ``weight`` (``m.weight.shape[2]``) stays PyTorch's.  Before, a
  ``kernel`` was read as PyTorch's weight: ``X.shape[0] - kernel.shape[0]`` refused (the
  output channels there), and ``kernel.shape[3]`` beside ``# NCHW`` accepted for the
  height (read as ``kernel_size[1]``, then as Conv3d's height: a wrong answer accepted).

- sizes as Python's lengths of arrays (``len(X)``, ``len(K)``: the first axis's size;
  ``len(X[0])``: the second's), read as those shapes indexed are; ``len(kernel)`` keeps
  its reading (the kernel's size, ``kernel.shape`` being a layer's weights').  Before,
  ``len(X)`` was refused (X unknown).

- the kernel's shape indexed in code that names its data format (``# NCHW``, ``#
  NHWC``, PyTorch's ``x.size(2)``): read by the kernel's layouts a framework holds
  beside it (the layouts record's ``kernels``: PyTorch's OIHW beside NCHW; HWIO and
  OHWI beside NHWC), so ``w.shape[2]`` is k_h beside NCHW; in inference, a kernel's
  layout must be one held beside the input's.  Before, ``w.shape[2]`` was refused as
  ambiguous (OIHW's k_h, OHWI's k_w).

- a function whose parameters name the quantities, in any script (``def 输出高度(h,
  k_h, p_h, s_h): return …``, as Python's identifiers allow): its head dropped, its
  return the formula.  Before, a name in Chinese was refused (``return`` unknown).

No wrong answer is accepted: each wrong row is ``not_equivalent``, or refused."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None
CLASSES = {
    "the bias as the code that creates its array": [
        ("bias-size", "self.b = np.random.uniform(-0.1, 0.1, size=(n_filters,))", R, "shape_count"),
        ("bias-size", "bias = np.random.normal(0.0, 0.01, size=out_channels)", R, "shape_count"),
        ("bias-size", "self.bias = np.random.normal(0, 0.01, (c_o, 1))", R, None),
        ("bias-size", "b = numpy.random.standard_normal(size=(c_o,))", R, None),
        ("bias-size", "self.b = Constant(0.0).initialize((self.n_kernels,), None, None)", R, None),
        ("bias-size", "self.bias = He().initialize(self.out_channels, fan_in, fan_out)", R, None),
        ("bias-size", "b = torch.full((c_o,), 0.01)", R, None),
        (
            "bias-size",
            "self.bias = nn.Parameter(torch.normal(0.0, 0.02, size=(out_channels,)))",
            R,
            None,
        ),
        (
            "bias-size",
            "self.b = tf.Variable(tf.random.truncated_normal([num_filters], stddev=0.1))",
            R,
            None,
        ),
        (
            "bias-size",
            "self.b = self.add_weight(name='b', shape=(self.filters,), initializer='zeros')",
            R,
            None,
        ),
        ("bias-size", "偏置 = np.random.uniform(0, 1, size=(输出通道数,))", R, "shape_count"),
        (
            "bias-size",
            "self.bias = np.random.normal(0, 0.01, size=c_o)  # 每个输出通道一个偏置",
            R,
            None,
        ),
        ("bias-size", "偏置 b = Constant(0.1).initialize((卷积核个数, 1), None, None)", R, None),
        (
            "bias-size",
            "self.bias = np.random.uniform(0, 1, size=(in_channels,))",
            W,
            "bias_per_input_channel",
        ),
        (
            "bias-size",
            "self.bias = np.random.normal(0, 0.01, (c_i, 1))",
            W,
            "bias_per_input_channel",
        ),
        (
            "bias-size",
            "b = UniformRandom().initialize((c_o, c_i), None, None)",
            W,
            "bias_as_weights",
        ),
        ("bias-size", "self.b = self.add_weight(shape=(k_h, k_w, c_i, c_o))", W, "bias_as_weights"),
        ("bias-size", "b = torch.full((c_o, k_h, k_w), 0.0)", W, None),
        (
            "bias-size",
            "偏置 = np.random.uniform(0, 1, size=(输入通道数,))",
            W,
            "bias_per_input_channel",
        ),
        guard("bias-size", "self.bias = tf.random.normal([c_i * c_o])", W, "bias_as_weights"),
        (
            "bias-size",
            "self.bias = np.random.uniform(0, 1, c_i)  # 偏置",
            W,
            "bias_per_input_channel",
        ),
        # scaled by a number, or a method after it that keeps its shape (a fill in
        # place, a conversion); a key before the name
        ("bias-size", "self.bias = nn.Parameter(torch.randn(out_channels) * 0.01)", R, None),
        ("bias-size", "b = 0.01 * np.random.randn(c_o)", R, "shape_count"),
        ("bias-size", "self.params['b1'] = np.zeros(num_filters)", R, None),
        ("bias-size", "b = np.zeros(shape=(c_o,))", R, None),
        ("bias-size", "b = torch.empty(c_o).uniform_(-bound, bound)", R, None),
        ("bias-size", "偏置 = torch.zeros(输出通道数).to(device)", R, None),
        ("bias-size", "b = 0.01 * np.random.randn(c_i)", W, "bias_per_input_channel"),
        ("bias-size", "self.params['b1'] = np.zeros(in_channels)", W, "bias_per_input_channel"),
        ("bias-size", "偏置 = torch.empty(c_i).uniform_(-k, k)", W, "bias_per_input_channel"),
        # a method that changes the shape: not read
        guard("bias-size", "b = np.random.randn(c_o).reshape(c_o, 1)", N, None),
        # no size: one value
        guard("bias-size", "self.bias = np.random.uniform(c_o)", N, None),
    ],
    "sizes over the shapes of numbered arrays": [
        ("output-height", "oh = (X2.shape[0] - W2.shape[0] + 2 * pad) // stride + 1", C, None),
        ("output-height", "rows = (img1.shape[0] - k1.shape[0] + p_h) // s_h + 1", R, None),
        ("output-height", "输出高度 = (X1.shape[0] - W1.shape[0] + p_h) // s_h + 1", R, None),
        ("output-height", "oh = (X1.shape[0] - W1.shape[0] + 2 * pad) / stride + 1", C, None),
        (
            "output-height",
            "oh = (X2.shape[0] - W2.shape[0]) // stride + 1",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "oh = (X2.shape[0] - W2.shape[0] + 2 * pad) // stride",
            W,
            "output_off_by_one",
        ),
        ("output-height", "oh = X1.shape[0] - W1.shape[0] + 1", W, "given_parameter_left_out"),
        # an index two layouts read as two sizes of different verdicts: refused
        (
            "output-width",
            "out_w = (X1.shape[1] - W1.shape[1] + 2 * pad) // stride + 1",
            N,
            "checker.reason.ambiguous_letter: X1_shape[1]",
        ),
    ],
    "an array its author names kernel, read by the layouts": [
        ("output-height", "out_h = (X.shape[0] - kernel.shape[0] + p_h) // s_h + 1", R, None),
        guard(
            "output-height",
            "高 = (x.shape[2] - kernel.shape[2] + p_h) // s_h + 1  # NCHW",
            R,
            "layout",
        ),
        ("output-height", "out_h = (X.shape[0] - kernel.shape[0]) // s_h + 1", W, None),
        # NCHW beside OIHW: index 3 is the kernel's width
        ("output-height", "oh = (x.shape[2] - kernel.shape[3] + p_h) // s_h + 1  # NCHW", W, None),
        # a layer's weight stays PyTorch's (out_channels first)
        guard("output-height", "out_h = (h - m.weight.shape[0] + p_h) // s_h + 1", W, None),
        guard("output-height", "out_h = (h - m.weight.shape[2] + p_h) // s_h + 1", R, None),
    ],
    "sizes as the lengths of arrays": [
        ("output-height", "oh = (len(X) + p_h - len(K)) // s_h + 1", R, None),
        ("output-height", "高 = (len(X) + p_h - len(K)) // s_h + 1  # 输出高度", R, None),
        ("output-height", "rows = (len(img) + p_h - len(w)) // s_h + 1", R, None),
        ("output-height", "oh = (len(X) - len(K)) // s_h + 1", W, "given_parameter_left_out"),
        ("output-height", "oh = (len(X) + p_h - len(K)) // s_h", W, "output_off_by_one"),
        # a row's length: the second axis, which two layouts read as two sizes
        (
            "output-width",
            "ow = (len(X[0]) + p_w - len(K[0])) // s_w + 1",
            N,
            "checker.reason.ambiguous_letter: X_shape[1]",
        ),
        # a layer's kernel keeps its reading: the kernel's size (a square kernel)
        guard("output-height", "out_h = (h - len(kernel) + p_h) // s_h + 1", C, None),
    ],
    "the kernel's index by the layout the code names": [
        ("output-height", "oh = (x.shape[2] - w.shape[2] + p_h) // s_h + 1  # NCHW", R, "layout"),
        guard(
            "output-width", "宽 = (x.shape[3] - w.shape[3] + p_w) // s_w + 1  # NCHW", R, "layout"
        ),
        guard(
            "output-width",
            "输出宽度 = (x.shape[-1] - weight.shape[-1] + p_w) // s_w + 1  # NCHW",
            R,
            "layout",
        ),
        guard(
            "output-height", "oh = (x.shape[1] - w.shape[0] + p_h) // s_h + 1  # NHWC", R, "layout"
        ),
        ("output-width", "宽 = (x.shape[3] - w.shape[2] + p_w) // s_w + 1  # NCHW", W, None),
        # the channels for a height (NCHW's index 1)
        ("output-height", "oh = (x1.shape[1] - w1.shape[2] + p_h) // s_h + 1  # NCHW", W, None),
        ("output-height", "oh = (x.shape[2] - w.shape[2]) // s_h + 1  # NCHW", W, None),
        # NHWC beside HWIO or OHWI: index 1 of the kernel is k_w or k_h
        guard(
            "output-width",
            "ow = (x.shape[2] - w.shape[1] + p_w) // s_w + 1  # NHWC",
            N,
            "checker.reason.ambiguous_letter: w_shape[1]",
        ),
    ],
    "a function whose parameters name the quantities": [
        # over several lines, its statements read as a program's (guards)
        guard(
            "output-height",
            "def 输出高度(h, k_h, p_h, s_h):\n    return (h - k_h + p_h) // s_h + 1",
            R,
            None,
        ),
        guard(
            "output-height",
            "def 输出高度(h, k_h, p_h, s_h):\n    return (h - k_h + p_h) // s_h",
            W,
            "output_off_by_one",
        ),
        (
            "output-width",
            "def 输出宽度(w, k_w, p_w, s_w): return (w - k_w + p_w + s_w) // s_w",
            R,
            None,
        ),
        (
            "output-width",
            "def 输出宽度(w, k_w, p_w, s_w): return (w - k_h + p_w + s_w) // s_w",
            W,
            "axis_mixup",
        ),
        guard(
            "forward-mults",
            "def 乘法次数(c_i, c_o, k_h, k_w, m_h, m_w):\n    return c_i * c_o * k_h * k_w * m_h * m_w",
            R,
            None,
        ),
        guard(
            "forward-mults",
            "def 乘法次数(c_i, c_o, k_h, k_w, m_h, m_w):\n    return c_o * k_h * k_w * m_h * m_w",
            W,
            "input_channels_left_out",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=10, ascii=20)
