"""Issue 21, session twelve: classes of code H11's misses (the held-out file's header
lists them under "Batch H11"), each a table of answers of our own, with other names than
the pages', right and wrong, in Python, C, JavaScript, Julia and with Chinese around
them, through ``check`` and ``grade``:

- an output's size updated from itself through indexed lists (``out_h = (out_h + 2 *
  pads[i] - ksizes[i]) // strides[i] + 1``, a layer of a list of layers): after the ``=``
  the name holds the size before the layer, the input's size along the same axis
  (``reading.note.updated_output``); only in code (in maths ``m_h = (m_h - …)/s_h + 1``
  stays refused) and never in a loop, whose passes apply the layer again;
- the input padded by a call a few statements before its sizes are read (``xp =
  np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))``, an array's ``.pad(…)``,
  PyTorch's ``F.pad(x, (left, right, top, bottom))``, then ``n, c, hp, wp = xp.shape``
  or ``xp.shape[2]``): the padded axes are the height's and the width's, so a size read
  there after the call is the padded one (``reading.note.padded_input``); a condition
  skipping the call where it pads nothing read away; refused with one line where the
  call pads every axis (``np.pad(x, p)``), two axes no input layout has as its height's
  and width's, the names unpacked say another layout, or a condition on anything else
  opens the call;
- flop-counter code over several statements with products in Python's idioms
  (``reduce(lambda a, b: a * b, kernel_size)``, THOP's ``m.weight.size()[2:].numel()``,
  ``y.nelement()``): the products written out; a reduce of anything but a product stays
  refused, and so does a bias switch on a flag that is a statement's whole value
  (``bias_ops = 1 if is_bias else 0``: H12-dev's cvpods answer, wrong for names defined
  outside it, would be accepted); one on a layer object's own bias (``bias_ops = 0 if
  m.bias is not None else -1``) is read since session 14 (test_code_classes_s14);
- accelerator code with constants: a number given to a name that reads as a size
  (``#define KS 5``, ``const int K = 3;``, ``K = 3``) is the value of the page's layer,
  the name stays the size's symbol (``reading.note.example_value``); a worked number in
  the comment closing the line (``# 1,179,648``) is not checked
  (``reading.note.worked_comment``); one layer's name before each constant
  (``LAYER2_CO``) away, two layers' names left (refused);
- a count accumulated by loops (``macs = 0``, loops over ``range(c_out)``, ``for (int o =
  0; o < C_out; o++)``, MATLAB's ``for y = 1:oh``, then ``macs += c_in * k * k``): the
  product of the loops' numbers of passes and what each pass adds
  (``reading.note.loop_sum``); refused as a loop (``reading.loop``) where what is added
  uses a loop's variable, a loop has a step, a comment denies the code, or another
  statement is in the loops;
- a function's parameter changed in place (``def f(x, pad): x += 2*pad; return (x -
  k)//s + 1``): the parameter's value padded, read in order (``reading.note.sequence``),
  no longer refused as a name summed from zero (``unstarted``).

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None.  Each class's rows were run with its commit's change to
# derivations/ reverted on main (s13left: a553bc5, ba2bf84, f5d49ab, e4f0f5e): a row
# written guard(…) has its verdict there too (a refusal kept, or a right answer kept
# right); every other row fails there.
CLASSES = {
    "an output's size updated from itself": [
        (
            "output-height",
            "out_h = (out_h + 2 * pads[i] - ksizes[i]) // strides[i] + 1",
            C,
            "updated_output",
        ),
        (
            "output-width",
            "outW = Math.floor((outW + 2 * pads[i] - kernels[i]) / strides[i]) + 1;",
            C,
            "updated_output",
        ),
        ("output-height", "oh = div(oh + 2pads[i] - ks[i], ss[i]) + 1", C, "updated_output"),
        (
            "output-height",
            "output_height = int((output_height + 2*self.padding[i] - self.kernel_size[i])"
            " / self.stride[i]) + 1",
            C,
            "updated_output",
        ),
        ("output-width", "ow = (ow + p_w - k_w) // s_w + 1", R, "updated_output"),
        (
            "output-height",
            "out_h = (out_h + 2*pads[i] - ks[i]) // strides[i] + 1  # 每一层的输出高度",
            C,
            "updated_output",
        ),
        (
            "output-height",
            "out_h = (out_h - ks[i]) // strides[i] + 1  # 每一层的输出高度",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-width",
            "out_width = (out_width - kernels[i]) // steps[i] + 1",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "out_h = (out_h + 2*pads[i] - ks[i]) // strides[i]",
            W,
            "output_off_by_one",
        ),
        ("output-height", "oh = (oh + p_h - k_w) // s_h + 1", W, None),
        ("output-height", "out_h = (out_h + 2*pads[i] - ks[i]) // strides[i] + out_h", W, None),
        guard(
            "output-height",
            "m_h = (m_h - k_h + 2*p_h)/s_h + 1",
            N,
            "checker.reason.asked_symbol: m_h",
        ),
        guard(
            "output-height",
            "输出高度 = (out_h + 2*pads[i] - ks[i]) // strides[i] + 1",
            N,
            "checker.reason.asked_symbol: m_h",
        ),
        guard(
            "output-height",
            "for i in range(n):\n    out_h = (out_h + 2*pads[i] - ks[i]) // strides[i] + 1",
            N,
            "reading.loop: for i in range(n):",
        ),
    ],
    "the input padded by a call before its sizes are read": [
        (
            "output-height",
            "xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))\n"
            "n, c, hp, wp = xp.shape\noh = (hp - kh) // stride + 1",
            C,
            "padded_input",
        ),
        (
            "output-width",
            "xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))\n"
            "n, c, hp, wp = xp.shape\now = (hp - kw) // stride + 1",
            W,
            "axis_mixup",
        ),
        (
            "output-height",
            "img = np.pad(img, ((p_h, p_h), (p_w, p_w)))\noh = (img.shape[0] - k_h) // s_h + 1",
            C,
            "padded_input",
        ),
        (
            "output-width",
            "img = np.pad(img, ((p_h, p_h), (p_w, p_w)))\now = (img.shape[0] - k_w) // s_w + 1",
            W,
            None,
        ),
        (
            "output-width",
            "x = F.pad(x, (pw, pw, ph, ph))\nN, C, H, W = x.shape\nout_w = (W - kw) // sw + 1",
            C,
            "padded_input",
        ),
        (
            "output-height",
            "x = F.pad(x, (p, p))\nN, C, H, W = x.shape\nout_h = (H - k) // s + 1",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "const xp = x.pad([[0, 0], [p, p], [p, p], [0, 0]]);\n"
            "const oh = Math.floor((xp.shape[1] - k) / s) + 1;",
            C,
            "padded_input",
        ),
        (
            "output-height",
            "if pad > 0:\n    Xp = X.pad(((0, 0), (pad, pad), (pad, pad), (0, 0)))\nelse:\n"
            "    Xp = X\nB, H, W, C = Xp.shape\nout_h = (H - K) // stride + 1",
            C,
            "padded_input",
        ),
        (
            "output-height",
            "X = X.pad(((0, 0), (pad, pad), (pad, pad), (0, 0)))\nB, H, W, C = X.shape\n"
            "out_h = (H + 2 * pad - K) // stride + 1",
            W,
            None,
        ),
        (
            "output-height",
            "pw = ((0, 0), (p, p), (p, p), (0, 0))\nA = np.pad(A, pw, mode='constant')\n"
            "N, H, W, C = A.shape\nH_out = (H - K) // s + 1  # 输出高度",
            C,
            "padded_input",
        ),
        (
            "output-height",
            "A = np.pad(A, ((0, 0), (p, p), (p, p), (0, 0)))\nN, H, W, C = A.shape\n"
            "H_out = (H - K) // s  # 输出高度",
            W,
            "output_off_by_one",
        ),
        guard(
            "output-height",
            "if mode == 'same':\n    X = X.pad(((0, 0), (pad, pad), (pad, pad), (0, 0)))\n"
            "B, H, W, C = X.shape\nout_h = (H - K) // stride + 1",
            N,
            None,
        ),
        guard(
            "output-height",
            "X = X.pad(((0, 0), (pad, pad), (pad, pad), (0, 0)))\nB, W, H, C = X.shape\n"
            "out_h = (H - K) // stride + 1",
            N,
            None,
        ),
        guard(
            "output-height",
            "X = np.pad(X, pad)\nB, H, W, C = X.shape\nout_h = (H - K) // stride + 1",
            N,
            None,
        ),
        guard(
            "output-height",
            "X = X.pad(((0, 0), (pad, pad), (0, 0), (pad, pad)))\nB, H, W, C = X.shape\n"
            "out_h = (H - K) // stride + 1",
            N,
            None,
        ),
    ],
    "flop-counter code with Python's products over several statements": [
        (
            "forward-mults",
            "per_group = c_out // module.groups\n"
            "per_pixel = reduce(lambda a, b: a * b, kernel_size) * c_in * per_group\n"
            "pixels = y.shape[0] * reduce(lambda a, b: a * b, y.shape[2:])\n"
            "flops = per_pixel * pixels  # 乘法次数",
            C,
            "code",
        ),
        (
            "forward-mults",
            "per_pixel = reduce(lambda a, b: a * b, kernel_size) * c_out\n"
            "pixels = reduce(lambda u, v: v * u, y.shape[2:])\nflops = per_pixel * pixels",
            W,
            "input_channels_left_out",
        ),
        (
            "forward-mults",
            "macs = reduce(lambda a, b: a * b, kernel_size) * c_in * c_out * m_h * m_w  # 总乘法次数",
            R,
            "code_call",
        ),
        guard(
            "forward-mults",
            "per_pixel = reduce(lambda a, b: a + b, kernel_size) * c_in * c_out\n"
            "flops = per_pixel * m_h * m_w",
            N,
            "reading.unknown_word: reduce",
        ),
        (
            "forward-mults",
            "kernel_ops = conv.weight.shape[2:].numel()\n"
            "total_ops = out.nelement() * (conv.in_channels // conv.groups * kernel_ops)",
            R,
            "code",
        ),
        (
            "forward-mults",
            "kernel_ops = conv.weight.size()[2:].numel()\ntotal_ops = out.nelement() * kernel_ops",
            W,
            "input_channels_left_out",
        ),
        (
            "forward-ops",
            "kops = conv.weight.size()[2:].numel()\n"
            "total = (2 * c_in * kops + (0 if conv.bias is not None else -1)) * out.nelement()"
            "  # 加法和乘法",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "kernel_ops = m.weight.size()[2:].numel()\n"
            "total_ops = y.nelement() * (m.in_channels // m.groups * kernel_ops"
            " + (1 if m.bias is not None else 0))",
            C,
            "bias_switch",
        ),
        (
            "forward-ops",
            # a layer's bias switch as a statement's whole value: read since session 14
            "kops = conv.weight.size()[2:].numel()\nbias_ops = 0 if conv.bias is not None else -1\n"
            "total = (2 * c_in * kops + bias_ops) * out.nelement()",
            R,
            "bias_switch",
        ),
    ],
    "accelerator code with constants": [
        (
            "forward-mults",
            "#define KS 5\nmacs = COUT * OUTH * OUTW * CIN * KS * KS",
            C,
            "example_value",
        ),
        (
            "forward-mults",
            "#define K 3\nmacs = COUT * OUTH * OUTW * K * K",
            W,
            "input_channels_left_out",
        ),
        (
            "forward-mults",
            "const int K = 3;\nconst long macs = (long)C_OUT * OH * OW * C_IN * K * K;",
            C,
            "example_value",
        ),
        (
            "forward-mults",
            "LAYER2_MACS = LAYER2_CO * LAYER2_OH * LAYER2_OW * LAYER2_CI * LAYER2_K * LAYER2_K"
            "  # 1,179,648",
            C,
            "worked_comment",
        ),
        (
            "forward-mults",
            "LAYER2_MACS = LAYER2_CO * LAYER2_OH * LAYER2_OW * LAYER2_K * LAYER2_K  # 1,179,648",
            W,
            "input_channels_left_out",
        ),
        guard(
            "forward-mults",
            "MACS = CONV1_CO * CONV2_OH * CONV2_OW * CONV1_CI * CONV1_K * CONV1_K",
            N,
            "reading.unknown_word: CONV1_CO",
        ),
        ("output-height", "K = 3\nP = 1\nS = 2\nOH = (H + 2 * P - K) // S + 1", C, "example_value"),
        ("output-height", "K = 3\nS = 2\nOH = (H - K) // S + 1", W, "given_parameter_left_out"),
        (
            "forward-mults",
            "乘法次数 = OC * OH * OW * IC * K * K  # 1,806,336",
            C,
            "worked_comment",
        ),
        (
            "forward-mults",
            "乘法次数 = OC * OH * OW * K * K  # 1,806,336",
            W,
            "input_channels_left_out",
        ),
    ],
    "a count accumulated by loops": [
        (
            "forward-mults",
            "macs = 0\nfor co in range(c_out):\n    for y in range(oh):\n        for x in range(ow):\n"
            "            macs += c_in * k * k",
            C,
            "loop_sum",
        ),
        (
            "forward-mults",
            "macs = 0\nfor co in range(c_out):\n    for y in range(oh):\n        for x in range(ow):\n"
            "            macs += c_in * k",
            W,
            None,
        ),
        (
            "forward-mults",
            "int ops = 0;\nfor (int o = 0; o < C_out; o++) {\n  for (int i = 0; i < H_out; i++) {\n"
            "    for (int j = 0; j < W_out; j++) {\n      ops += K * K * C_in;\n    }\n  }\n}\n"
            "return ops;",
            C,
            "loop_sum",
        ),
        (
            "forward-mults",
            "macs = 0\nfor co = 1:c_out\n  for y = 1:oh\n    for x = 1:ow\n"
            "      macs = macs + c_in * kh * kw;\n    end\n  end\nend",
            R,
            "loop_sum",
        ),
        (
            "forward-mults",
            "let flops = 0;\nfor (let o = 0; o < cout; o++) {\n"
            "  for (let p = 0; p < hout * wout; p++) {\n    flops += cin * kh * kw;\n  }\n}",
            C,
            "loop_sum",
        ),
        (
            "forward-mults",
            "macs = 0\nfor y in range(oh):\n    for x in range(ow):\n        # 每个输出位置\n"
            "        macs += c_in * c_out * k_h * k_w",
            R,
            "loop_sum",
        ),
        (
            "forward-mults",
            "macs = 0\nfor y in range(oh):\n    for x in range(ow):\n        # 每个输出位置\n"
            "        macs += c_in * k_h * k_w",
            W,
            "output_channels_left_out",
        ),
        guard(
            "forward-mults",
            "macs = 0\nfor co in range(c_out):\n    for y in range(oh):\n        for x in range(ow):\n"
            "            macs += c_in * k * x",
            N,
            "reading.loop: for co in range(c_out):",
        ),
        guard(
            "forward-mults",
            "macs = 0\nfor co in range(c_out):\n    for y in range(0, oh, 2):\n"
            "        for x in range(ow):\n            macs += c_in * k * k",
            N,
            "reading.loop: for co in range(c_out):",
        ),
        guard(
            "forward-mults",
            "macs = 0\nfor y in range(oh):\n    for x in range(ow):\n"
            "        # wrong: should also loop over c_out\n        macs += c_in * c_out * k_h * k_w",
            N,
            "reading.loop: for y in range(oh):",
        ),
    ],
    "a function's parameter changed in place": [
        (
            "output-width",
            "def f(x, pad):\n    x += 2*pad\n    return (x - k)//s + 1",
            C,
            "sequence",
        ),
        (
            "output-width",
            "def f(x, pad):\n    x += 2*pad\n    return (x - k)//s",
            W,
            "output_off_by_one",
        ),
        (
            "output-height",
            "def out_size(n, pad, k, s):\n    n = n + 2 * pad\n    return (n - k) // s + 1",
            C,
            "sequence",
        ),
        (
            "output-height",
            "def out_size(n, pad, k, s):\n    n = n + pad\n    return (n - k) // s",
            W,
            "output_off_by_one",
        ),
        # (the book's h changed in place was read before e4f0f5e)
        guard(
            "output-height",
            "def 输出高度(h, p_h, k_h, s_h):\n    h += p_h\n    return (h - k_h) // s_h + 1",
            R,
            "sequence",
        ),
        (
            "output-height",
            "# 输出高度\ndef f(x, pad):\n    x += 2 * pad\n    return (x - k_h) // s_h + 1",
            C,
            "sequence",
        ),
        (
            "output-width",
            "def out_w(x: int, pad: int) -> int:\n    x += 2 * pad\n    return (x - k_w) // s_w + 1",
            C,
            "sequence",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=13, ascii=40)
