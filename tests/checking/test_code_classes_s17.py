"""Issue 21, session seventeen: the code learners write, as a family read from the
libraries' own API references (the held-out file's header lists H16's misses: the bias as
``Parameter(init.rand(out_channels, …))`` of CMU Deep Learning Systems' needle, over
several lines and in a conditional expression; a height read after the input is padded;
each batch wrote the next library's constructor), each class a table of answers of our
own, right and wrong, through ``check`` and ``grade``:

- the bias as the array a library's constructor makes, one family a library, as the
  notation registry's ``constructors`` record reads them from the API references: NumPy's
  sizes as separate arguments (``np.random.rand(c_o)``), PyTorch's ``torch.zeros(*size)``
  and a tensor's ``new_zeros``, TensorFlow's ``tf.constant(…, shape=)`` and TensorFlow 1's
  ``get_variable(name, shape)``, JAX's ``jax.random.normal(key, shape)`` and Flax's
  ``self.param(name, init, shape)``, PaddlePaddle's ``create_parameter(shape, …)``,
  MXNet's ``nd.zeros`` and Gluon's ``Parameter(name, shape=…)``, MindSpore's
  ``initializer(init, shape)``, needle's ``init.rand(*shape, low=, high=)`` and
  ``init.kaiming_uniform(fan_in, fan_out)``, d2l's ``d2l.zeros``; an initializer object
  called on the shape (Keras' ``initializers.Zeros()(shape=…)``, TensorFlow 1's
  ``tf.zeros_initializer()(shape)``, JAX's ``nn.initializers.normal(0.02)(key, shape)``).
  Before, each was
  refused (needle's ``init.rand(c_o)`` as MATLAB's c_o x c_o ``rand``; the others
  unknown).  The input channels as the size, the weights' shape or a shape of two axes
  is never accepted; a shape of more sizes than :data:`.answer.MOST_SIZES` is refused.

- what holds the array: a holder call the record names, its first argument the tensor
  (``Parameter(…, requires_grad=True)``, ``tf.Variable(…, name=…)``, PyTorch's
  ``nn.init.uniform_(tensor, a, b)``), a conditional expression that makes the bias only
  where the layer has one (``… if bias else None``: ``reading.note.bias_made``), the
  call over several lines, sizes as ``self.`` attributes.  A condition on no bias flag,
  or on its negation, is not read.

- a kernel layout the answer names (``# HWIO``, ``# OHWI``, ``# x: NCHW, w: HWIO``): the
  kernel's shape indexed is read in it.  Before, ``len(w)  # HWIO`` and ``W.shape[0]  #
  HWIO`` answering the bias were accepted (read as OIHW's c_o: HWIO's k_h), and a shape
  indexed at the answer's first column was never read by the layout named.

- a name of another quantity given to the bias's count: the kernel, the stride or the
  padding in words (``kernel = c_o``), another layer's parameter (a batch norm's
  ``gamma``, ``running_mean``, ``moving_mean``: the registry's ``other_layers`` record).
  Before, each was accepted.

- an array made of the padded input's shape in the same snippet (``new_X =
  np.zeros((N, H + 2 * p, W + 2 * p, C))``, a slice of it filled): its sizes read after
  it are the ones the call wrote (``reading.note.made_input``).  Before, refused.

No wrong answer is accepted: each wrong row is ``not_equivalent``, or refused."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
PER_INPUT, WEIGHTS = "bias_per_input_channel", "bias_as_weights"
OTHER = "checker.reason.lead_names_other"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None
CLASSES = {
    "the bias as the array a library's constructor makes": [
        guard("bias-size", "b = np.random.rand(c_o)", R, "shape_count"),
        guard("bias-size", "self.b = np.random.randn(num_filters, 1) * 0.01", R, None),
        guard("bias-size", "b = np.random.randn(c_i, 1)", W, PER_INPUT),
        guard("bias-size", "self.bias = torch.zeros(out_channels, device=device)", R, None),
        guard("bias-size", "self.bias = nn.Parameter(torch.rand(out_channels, 1))", R, None),
        guard("bias-size", "self.bias = nn.Parameter(torch.randn(c_o, c_i))", W, WEIGHTS),
        ("bias-size", "b = x.new_zeros(c_o)", R, None),
        guard("bias-size", "b = x.new_zeros((c_i,))", W, PER_INPUT),
        ("bias-size", "b = tf.constant(0.1, shape=[filters])", R, None),
        ("bias-size", "b = tf.constant(0.1, shape=[in_channels])", W, PER_INPUT),
        (
            "bias-size",
            "b = tf.compat.v1.get_variable('b', [num_filters], initializer=tf.zeros_initializer())",
            R,
            None,
        ),
        ("bias-size", "b = tf.get_variable('b', shape=[k_h, k_w, c_i, c_o])", W, WEIGHTS),
        ("bias-size", "b = jax.random.normal(key, (c_o,))", R, None),
        ("bias-size", "b = jax.random.normal(key, (c_o, c_i))", W, WEIGHTS),
        guard("bias-size", "b = jnp.zeros((out_channels,))", R, None),
        ("bias-size", "b = nn.initializers.zeros(key, (c_o,))", R, None),
        (
            "bias-size",
            "self.bias = self.param('bias', nn.initializers.zeros, (self.out_channels,))",
            R,
            None,
        ),
        (
            "bias-size",
            "self.bias = self.param('bias', nn.initializers.zeros, (c_i,))",
            W,
            PER_INPUT,
        ),
        (
            "bias-size",
            "self.bias = self.create_parameter(shape=[out_channels], is_bias=True)",
            R,
            None,
        ),
        (
            "bias-size",
            "self.bias = self.create_parameter([in_channels], is_bias=True)",
            W,
            PER_INPUT,
        ),
        ("bias-size", "b = paddle.create_parameter([num_filters], 'float32')", R, None),
        guard("bias-size", "b = mx.nd.zeros((num_filter,))", R, None),
        ("bias-size", "b = mx.nd.random.uniform(-1, 1, (c_i,))", W, PER_INPUT),
        ("bias-size", "self.bias = self.params.get('bias', shape=(out_channels,))", R, None),
        ("bias-size", "b = gluon.Parameter('bias', shape=(c_o,), init=mx.init.Zero())", R, None),
        ("bias-size", "b = gluon.Parameter('bias', shape=(c_i,))", W, PER_INPUT),
        (
            "bias-size",
            "self.bias = Parameter(initializer('zeros', [out_channels]), name='bias')",
            R,
            None,
        ),
        (
            "bias-size",
            "self.bias = Parameter(initializer('zeros', [in_channels]), name='bias')",
            W,
            PER_INPUT,
        ),
        ("bias-size", "self.bias = ops.zeros(out_channels)", R, None),
        (
            "bias-size",
            "self.bias = Parameter(ndl.init.rand(out_channels, low=-b, high=b))",
            R,
            None,
        ),
        ("bias-size", "self.bias = Parameter(init.randn(in_channels, 1, std=0.01))", W, PER_INPUT),
        (
            "bias-size",
            "self.bias = Parameter(init.kaiming_uniform(out_channels, 1, device=device))",
            R,
            None,
        ),
        (
            "bias-size",
            "self.bias = Parameter(init.kaiming_uniform(in_channels, out_channels))",
            W,
            WEIGHTS,
        ),
        ("bias-size", "self.bias = Parameter(init.rand(out_channels, in_channels))", W, WEIGHTS),
        ("bias-size", "b = d2l.zeros(c_o)", R, None),
        ("bias-size", "self.b = d2l.normal(0, 0.01, (c_o,))", R, None),
        ("bias-size", "偏置 = init.rand(输出通道数, low=-k, high=k)", R, "shape_count"),
        guard("bias-size", "偏置 = paddle.zeros([输出通道数])", R, None),
        guard("bias-size", "偏置 = torch.zeros(输入通道数)", W, PER_INPUT),
        ("bias-size", "偏置 = jax.random.normal(key, (输出通道数, 输入通道数))", W, WEIGHTS),
        # no shape: no size read; a shape of more sizes than a tensor's is refused by a
        # counted limit (answer.MOST_SIZES), a deep nesting by the brackets' limit
        guard("bias-size", "self.bias = torch.zeros()", N, None),
        (
            "bias-size",
            "b = torch.zeros(c_o, c_o, c_o, c_o, c_o, c_o, c_o, c_o, c_o)",
            N,
            "reading.shape_too_many_sizes: 9",
        ),
        guard("bias-size", "b = np.zeros(" + "(" * 40 + "c_o" + ",)" * 40 + ")", N, None),
    ],
    "an initializer object a call makes, called on the shape": [
        ("bias-size", "b = tf.keras.initializers.Zeros()(shape=(c_o,))", R, "shape_count"),
        ("bias-size", "b = tf.keras.initializers.Zeros()(shape=(c_i,))", W, PER_INPUT),
        ("bias-size", "self.b = tf.Variable(tf.zeros_initializer()(shape=[num_filters]))", R, None),
        (
            "bias-size",
            "self.b = tf.Variable(tf.zeros_initializer()(shape=[num_filters, in_channels]))",
            W,
            WEIGHTS,
        ),
        ("bias-size", "b = jax.nn.initializers.normal(0.02)(key, (c_o,))", R, None),
        ("bias-size", "b = nn.initializers.zeros_init()(key, (in_channels,))", W, PER_INPUT),
        ("bias-size", "b = keras.initializers.HeNormal()((c_o, c_i))", W, WEIGHTS),
        ("bias-size", "偏置 = tf.keras.initializers.Constant(0.1)(shape=(输出通道数,))", R, None),
        # a call of a call the record does not name: not read
        guard("bias-size", "b = foo()(c_o)", N, None),
    ],
    "what holds the array: a holder, a condition on the bias, several lines": [
        (
            "bias-size",
            "self.bias = Parameter(init.rand(out_channels, low=-k, high=k), requires_grad=True)",
            R,
            None,
        ),
        ("bias-size", "self.b = tf.Variable(tf.zeros([num_filters]), name='b')", R, None),
        (
            "bias-size",
            "self.bias = nn.Parameter(nn.init.uniform_(torch.empty(c_o), -bound, bound))",
            R,
            None,
        ),
        (
            "bias-size",
            "self.bias = torch.nn.init.uniform_(torch.empty(in_channels), -k, k)",
            W,
            PER_INPUT,
        ),
        (
            "bias-size",
            "self.bias = Parameter(init.rand(out_channels, low=-k, high=k)) if bias else None",
            R,
            "bias_made",
        ),
        (
            "bias-size",
            "self.bias = nn.Parameter(torch.zeros(out_channels)) if self.use_bias else None",
            R,
            "bias_made",
        ),
        (
            "bias-size",
            "偏置 = nn.Parameter(torch.zeros(输出通道数)) if bias else None",
            R,
            "bias_made",
        ),
        (
            "bias-size",
            "self.bias = Parameter(init.rand(in_channels, low=-k, high=k)) if bias else None",
            W,
            PER_INPUT,
        ),
        # a condition on no bias flag, or the bias made where the layer has none
        guard(
            "bias-size",
            "self.bias = nn.Parameter(torch.zeros(out_channels)) if use_gamma else None",
            N,
            None,
        ),
        guard(
            "bias-size",
            "self.bias = Parameter(init.rand(out_channels)) if not bias else None",
            N,
            None,
        ),
        (
            "bias-size",
            "self.bias = Parameter(\n    init.rand(\n        self.out_channels,\n        low=-bound,\n"
            "        high=bound,\n    ),\n    requires_grad=True,\n)",
            R,
            "shape_count",
        ),
        (
            "bias-size",
            "self.bias = Parameter(init.rand(\n    self.in_channels,\n    low=-bound,\n    high=bound))",
            W,
            PER_INPUT,
        ),
    ],
    "a kernel layout the answer names": [
        ("bias-size", "len(w)  # HWIO", W, None),
        ("bias-size", "W.shape[0]  # HWIO", W, None),
        ("bias-size", "w.shape[0]  # 卷积核布局 HWIO", W, None),
        ("bias-size", "w.shape[3]  # OHWI", W, PER_INPUT),
        ("bias-size", "w.shape[0]  # x: NCHW, w: HWIO", W, None),
        ("bias-size", "w.shape[3]  # HWIO", R, "layout"),
        ("bias-size", "w.shape[-1]  # 卷积核布局 HWIO", R, "layout"),
        ("bias-size", "w.shape[0]  # OHWI", R, "layout"),
        guard("bias-size", "w.shape[1]  # OIHW", W, PER_INPUT),
        (
            "output-height",
            "oh = (x.shape[2] - w.shape[0] + p_h) // s_h + 1  # x: NCHW, w: HWIO",
            R,
            "layout",
        ),
        ("output-width", "ow = (x.shape[2] - w.shape[1] + p_w) // s_w + 1  # NHWC, HWIO", R, None),
        ("output-width", "ow = (x.shape[2] - w.shape[1] + p_w) // s_w + 1  # NHWC, OHWI", W, None),
    ],
    "a name of another quantity given to the bias's count": [
        ("bias-size", "kernel = c_o", N, f"{OTHER}: kernel"),
        ("bias-size", "stride = c_o", N, f"{OTHER}: stride"),
        ("bias-size", "卷积核 = c_o", N, None),
        ("bias-size", "gamma = np.ones(F)", N, f"{OTHER}: gamma"),
        ("bias-size", "self.gamma = torch.ones(out_channels)", N, f"{OTHER}: gamma"),
        ("bias-size", "running_mean = c_o", N, f"{OTHER}: running_mean"),
        ("bias-size", "self.moving_mean = tf.zeros([filters])", N, f"{OTHER}: moving_mean"),
        ("bias-size", "bn1_beta = np.zeros(c_o)", N, f"{OTHER}: bn1_beta"),
        ("forward-mults", "kernel = c_o*c_i*k_h*k_w*m_h*m_w", N, f"{OTHER}: kernel"),
        guard("bias-size", "bias = c_o", R, None),
        guard("bias-size", "偏置 = c_o", R, None),
        guard("bias-size", "self.beta_1 = 0.9", W, None),
        guard("compose-size", "kernel = k_1 + k_2 - 1", R, None),
    ],
    "an array made of the padded input's shape": [
        (
            "output-height",
            "new_X = np.zeros((N, H + 2 * p, W + 2 * p, C))\nnew_X[:, p:p + H, p:p + W, :] = X\n"
            "out_h = (new_X.shape[1] - K) // s + 1",
            C,
            "made_input",
        ),
        (
            "output-height",
            "new_X = np.zeros((N, H + 2 * p, W + 2 * p, C))\nnew_X[:, p:p + H, p:p + W, :] = X\n"
            "out_h = (new_X.shape[1] - K) // s",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "xp = torch.zeros(n, c, h + 2 * pad, w + 2 * pad)\nN, C, Hp, Wp = xp.shape\n"
            "out_h = (Hp - k_h) // s_h + 1",
            C,
            "made_input",
        ),
        (
            "output-height",
            "xp = torch.zeros(n, c, h + 2 * pad, w + 2 * pad)\nN, C, Hp, Wp = xp.shape\n"
            "out_h = (Wp - k_h) // s_h + 1",
            W,
            "axis_mixup",
        ),
        (
            "output-height",
            "new_X = np.zeros((N, h + 2 * p, w + 2 * p, C))\nout_h = (new_X.shape[2] - k_h) // s_h + 1",
            W,
            "axis_mixup",
        ),
        (
            "output-height",
            "new_X = np.zeros((N, H, W, C))\nout_h = (new_X.shape[1] - K) // s + 1",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-width",
            "填充后 = np.zeros((N, C, H + p_h, W + p_w))\n宽 = (填充后.shape[3] - k_w) // s_w + 1",
            R,
            "made_input",
        ),
        (
            "output-width",
            "填充后 = np.zeros((N, C, H + p_h, W + p_w))\n宽 = (填充后.shape[3] - k_w) // s_w",
            W,
            "output_off_by_one",
        ),
        # an index past the shape's end, a shape not written size by size: not read
        guard(
            "output-height",
            "X_pad = np.zeros((n, c, h + p_h, w + p_w))\nout_h = (X_pad.shape[5] - k_h) // s_h + 1",
            N,
            None,
        ),
        guard(
            "output-height",
            "X_pad = np.zeros(X.shape)\nout_h = (X_pad.shape[2] - k_h) // s_h + 1",
            N,
            None,
        ),
        # needle's pad call (session eleven's reading) stays
        guard(
            "output-height",
            "A = A.pad(((0, 0), (p, p), (p, p), (0, 0)))\nN, H, W, C_in = A.shape\n"
            "H_out = ((H - K) // stride) + 1",
            C,
            "padded_input",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=10, ascii=40)


def test_every_constructor_of_the_record_is_found_by_its_name():
    """Each callable the constructors record names is found under its own name and
    behind a module's name (``ndl.init.rand``), and no bare name of a library's
    function is (``zeros`` alone is MATLAB's or anyone's)."""
    from derivations.registry.notations import constructors, find_callable, holders

    for table in (constructors(), holders()):
        for name in table:
            written = f"obj{name}" if name.startswith(".") else f"lib.{name}"
            assert find_callable(written, table) == name, name
    assert find_callable("zeros", constructors()) is None
    assert find_callable("numpy.random.uniform", constructors()) == "np.random.uniform"
    assert find_callable("jax.numpy.zeros", constructors()) == "np.zeros"
