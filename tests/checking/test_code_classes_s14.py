"""Issue 21, session fourteen: classes of code H12's and H13's misses (the held-out file's
header lists them under "Batch H12" and "Batch H13"), each a table of answers of our own,
with other names than the pages', right and wrong, in Python, C, C++, C#, Go, Rust and
JavaScript, some with Chinese around them, through ``check`` and ``grade``:

- flop-counter and profiler code (THOP's, ptflops', DeepSpeed's, fvcore's shapes, written
  anew): a layer's tensor's elements through its attribute chain
  (``conv.weight.numel()``, ``m.weight.data.nelement()``: the weight's, c_o c_i k_h k_w
  at groups 1); the product helper a counter defines (DeepSpeed's ``_prod``, THOP's
  ``l_prod``) as ``np.prod``; ptflops' ``kernel_dims`` and ``output_dims`` (the kernel's
  and the output's spatial sizes, the notation record ``ptflops``) in a product and
  indexed; code run only under a bias test (``if m.bias is not None:`` and its block, an
  ``else``, C's ``if (bias) { … }``, a layer's bias switch as a statement's whole value,
  ``bias_ops = 1 if m.bias is not None else 0``) read as the layer without a bias runs
  it, noted (``reading.note.bias_block``, ``reading.note.bias_switch``).  Before, each
  was refused (``module``, ``_prod``, ``kernel_dims[0]``, ``if`` unknown; a name defined
  twice), or the block under the test read as always run (judged not_equivalent).  A
  counter that adds the bias whatever the test says, or that takes the branch with a
  bias, is wrong; a flag named for the bias's absence (MXNet's ``no_bias``, ``bias_free``)
  is read true on the section's layer (s14rev F1: ``if no_bias:`` was read as "has a
  bias", its wrong block dropped; ``if (!no_bias)`` judged wrong); a flag of the counter's own function (``1 if with_bias else 0``,
  ``2 if multiply_adds else 1``, C's ``ceil_mode ? … : …``) stays refused, in one line
  naming it (``reading.code_switch``): its value is the caller's.

- indexed shapes in the layout the code names: a data format in a comment or a string
  (``# x: NCHW``, ``// NHWC``, ``channels_last``), or PyTorch's ``x.size(i)`` (its
  tensors channels first, batched or not), orders the input's and the output's sizes
  (``reading.note.layout``): an index that names one size in those layouts is read as
  it (NCHW's ``x.shape[1]`` the channels: a wrong answer judged so), one that names
  several is left to inference among them; Go's ``x.Shape()[2]``, Rust's
  ``x.dims()[2]``, C#'s ``X.Dims[2]`` are shapes.  Before, every such index was
  inferred over all layouts: refused as ambiguous, and ``x.shape[3] … // NHWC`` (the
  channels) was accepted as NCHW's width.  PyTorch's ``memory_format=torch.channels_last``
  is a memory format, its shapes channels first (s14rev F3: read as NHWC, ``x.shape[2]``
  was accepted as the width).

- functions over padding modes in C, C++, C#, Go, Python and JavaScript (an ``if``
  chain, a ``switch`` and its ``case`` labels, a C-like function's head over several
  lines around them, a branch that only fails, ``throw …``, ``return kError;``, no
  path): a branch whose condition names a padding mode ('same', 'valid', ``PAD_SAME``,
  ``Pad::kValid``) is not the question's layer, whose padding is given, where another
  branch is; that one is read (``reading.note.padding_modes``).  Only a condition that is
  nothing but equality tests against modes is a mode's: a negated one (``!=``, ``not``)
  or one joined with another test (``or p_h > 0``) leaves every branch graded (s14rev F2:
  such a branch was dropped, and wrong answers accepted).  Where every branch is a
  mode's, each is graded, wrong (the kernel or the padding left out).  Before, each was
  refused (a name defined twice, ``::`` read as a Python header's colon, the head's
  types unknown).

- code that changes the value under a condition (``if ceil_mode: oh += 1``, C's ``if
  (mode == 1) flops += …;``): refused, a branch the layer may or may not take.  Before,
  the prose reading took the condition and the change for words around the formula (the
  ``=`` of ``+=`` a worked number's) and graded the formula before them: such wrong
  answers were accepted.

- the groups counted by name (MIOpen's ``group_count``, ``n_groups``, ``num_grps``): the
  book's 1, as PyTorch's ``groups`` (a name's part ``group``, notations.yaml's parts),
  checked where it stands as the groups (checker._held_placed): refused where grouping
  does not act (``c_o / n_groups`` for the bias).  Before, such a name
  was inferred as the input's channels (a count): a right ``… / group_count`` judged
  not_equivalent (c_i missing).

No wrong answer is accepted: each wrong row is ``not_equivalent``.  A row that has its
verdict without its class's change too is a guard (``guard(…)``)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value it
# names ("id: value"), or None
CLASSES = {
    "flop-counter and profiler code": [
        ("forward-mults", "macs = conv.weight.numel() * out_h * out_w", R, None),
        ("forward-mults", "ops = layer.weight.data.nelement() * y.size(2) * y.size(3)", R, None),
        (
            "forward-mults",
            "self.total += self.conv.weight.numel() * oh * ow  # 乘加次数",
            R,
            None,
        ),
        # the weight's elements where the output's belong: the spatial sizes left out
        ("forward-mults", "macs = conv.weight.numel() * out_c", W, None),
        ("forward-mults", "macs = conv.weight.numel() * out.numel()", W, None),
        (
            "forward-mults",
            "per_pos = int(_prod(kernel_dims)) * c_in * c_out\nmacs = per_pos * int(_prod(output_dims))",
            R,
            None,
        ),
        (
            "forward-ops",
            "k = l_prod(kernel_dims) * in_ch\nflops = 2 * k * out_ch * l_prod(output_dims)  # 2 × MACs",
            C,
            None,
        ),
        (
            "forward-mults",
            "macs = int(np.prod(kernel_dims)) * in_ch * int(np.prod(output_dims))",
            W,
            None,
        ),
        (
            "output-width",
            "ow = (input_dims[1] + 2 * paddings[1] - kernel_dims[1]) // strides[1] + 1",
            C,
            None,
        ),
        guard(
            "output-width",
            "ow = (input_dims[0] + 2 * paddings[1] - kernel_dims[1]) // strides[1] + 1",
            W,
            None,
        ),
        (
            "forward-mults",
            "kops = m.weight.size()[2:].numel()\nbops = 1 if m.bias is not None else 0\n"
            "total = y.nelement() * (m.in_channels // m.groups * kops + bops)",
            R,
            "bias_switch",
        ),
        (
            "forward-mults",
            "kops = kh * kw\nbops = 0 if m.bias is not None else 1\n"
            "total = y.nelement() * (m.in_channels // m.groups * kops + bops)",
            W,
            None,
        ),
        (
            "forward-mults",
            "int b = conv->bias ? 1 : 0;\nint macs = (ci * kh * kw + b) * co * oh * ow;",
            R,
            "bias_switch",
        ),
        (
            "forward-ops",
            "macs = c_in * kh * kw * c_out * oh * ow\nflops = 2 * macs\n"
            "if module.bias is not None:\n    flops += c_out * oh * ow",
            C,
            "bias_block",
        ),
        guard(
            "forward-ops",
            "macs = c_in * kh * kw * c_out * oh * ow\nflops = 2 * macs\n"
            "if module.bias is None:\n    flops += c_out * oh * ow",
            W,
            None,
        ),
        (
            "forward-ops",
            "macs = c_in * kh * kw * c_out * oh * ow\n"
            "if self.bias is None:\n    flops = 2 * macs - c_out * oh * ow\n"
            "else:\n    flops = 2 * macs",
            R,
            "bias_block",
        ),
        (
            "forward-ops",
            "macs = c_in * kh * kw * c_out * oh * ow\n"
            "if self.bias is not None:\n    flops = 2 * macs - c_out * oh * ow\n"
            "else:\n    flops = 2 * macs + c_out * oh * ow",
            W,
            None,
        ),
        (
            "forward-ops",
            "per = 2 * cin * kh * kw\nall = per * cout * oh * ow\nextra = 0\n"
            "if bias is not None:\n    extra = cout * oh * ow\nall = all + extra",
            C,
            "bias_block",
        ),
        (
            "forward-ops",
            "long macs = (long)ci * kh * kw * co * oh * ow;\nlong flops = 2 * macs;\n"
            "if (bias != nullptr) { flops += co * oh * ow; }  // 偏置的加法",
            C,
            "bias_block",
        ),
        (
            "forward-ops",
            "long flops = 2 * ci * kh * kw * co * oh * ow;\n"
            "if (bias) { flops += co * oh * ow; } else { flops -= co * oh * ow; }",
            R,
            "bias_block",
        ),
        (
            "forward-ops",
            "long flops = 2 * ci * kh * kw * co * oh * ow;\n"
            "if (!bias) { flops += co * oh * ow; } else { flops -= co * oh * ow; }",
            W,
            None,
        ),
        (
            "forward-ops",
            "flops := 2 * ci * kh * kw * co * oh * ow\nif l.Bias != nil {\n"
            "\tflops += co * oh * ow\n}",
            C,
            None,
        ),
        # a tensor or a size the reader rewrote (``bias_shape[0]``) is refused named as
        # the answer writes it (s14rev F14)
        (
            "forward-mults",
            "flops = m.weight.numel() * m_h * m_w * m.bias.numel()",
            N,
            "reading.unknown_word: m.bias.numel()",
        ),
        (
            "forward-mults",
            "macs = conv.weight[0].numel() * m_h * m_w  # 每个输出通道",
            N,
            "reading.unknown_word: conv.weight[0].numel()",
        ),
        (
            "output-height",
            "oh = (x.size(-9) + p_h - k_h) // s_h + 1",
            N,
            "reading.unknown_word: x.size(-9)",
        ),
        # a flag named for the bias's absence (MXNet's no_bias): true on the section's
        # layer, so its block runs there, and ``not no_bias``'s does not
        (
            "forward-mults",
            "flops = c_i * c_o * k_h * k_w * m_h * m_w\nif no_bias:\n    flops += c_o * m_h * m_w",
            W,
            None,
        ),
        (
            "forward-mults",
            "flops = c_i * c_o * k_h * k_w * m_h * m_w\n"
            "if bias_free:\n    flops += c_o * m_h * m_w  # 无偏置时",
            W,
            None,
        ),
        (
            "forward-ops",
            "long flops = 2 * ci * kh * kw * co * oh * ow;\n"
            "if (!no_bias) { flops += co * oh * ow; }  // 偏置的加法",
            C,
            "bias_block",
        ),
        (
            "forward-mults",
            "macs = c_in * kh * kw * c_out * oh * ow + (0 if self.no_bias else c_out * oh * ow)",
            R,
            "bias_switch",
        ),
        # a counter that adds the bias whatever the layer: wrong, the section's has none
        guard(
            "forward-ops",
            "flops = 2 * c_in * kh * kw * c_out * oh * ow + c_out * oh * ow  # 含偏置",
            W,
            None,
        ),
        # a flag of the counter's function: the caller's, not shown: refused, naming it
        guard(
            "forward-mults",
            "b_ops = 1 if with_bias else 0\nmacs = (c_in * kh * kw + b_ops) * c_out * oh * ow",
            N,
            "reading.code_switch: with_bias",
        ),
        (
            "forward-ops",
            "flops = (kops * (2 if multiply_adds else 1)) * c_o * m_h * m_w",
            N,
            "reading.code_switch: multiply_adds",
        ),
        guard(
            "output-height",
            "int oh = ceil_mode ? (h + p_h - k_h + s_h - 1) / s_h + 1 : (h + p_h - k_h) / s_h + 1;",
            N,
            "reading.code_switch: ceil_mode",
        ),
    ],
    "indexed shapes in the layout the code names": [
        ("output-height", "oh = (x.shape[2] + p_h - k_h) // s_h + 1  # x: NCHW", R, "layout"),
        guard("output-height", "oh = (x.shape[3] + p_h - k_h) // s_h + 1  # x: NCHW", W, None),
        # NCHW's index 1 is the channels, read as such: wrong, no longer left to inference
        ("output-height", "oh = (x.shape[1] + p_h - k_h) // s_h + 1  # x: NCHW", W, None),
        (
            "output-width",
            "ow = (inputs.shape[2] + p_w - k_w + s_w) // s_w  # NHWC 布局",
            R,
            "layout",
        ),
        ("output-width", "ow = (inputs.shape[1] + p_w - k_w + s_w) // s_w  # NHWC 布局", W, None),
        (
            "output-height",
            "int oh = (in_shape[1] + p_h - k_h) / s_h + 1;  // 输入为 NHWC",
            C,
            "layout",
        ),
        (
            "output-width",
            "const ow = Math.floor((img.shape[2] + p_w - k_w) / s_w) + 1; // NHWC",
            R,
            "layout",
        ),
        (
            "output-width",
            "const ow = Math.floor((img.shape[3] + p_w - k_w) / s_w) + 1; // NHWC",
            W,
            None,
        ),
        guard(
            "output-height",
            "out_h = (x.shape[-3] + p_h - k_h) // s_h + 1  # channels_last",
            R,
            None,
        ),
        ("output-height", "out_h = (x.shape[-2] + p_h - k_h) // s_h + 1  # channels_last", W, None),
        # PyTorch's channels_last is a memory format: the shape stays (N, C, H, W), so
        # index 2 is no NHWC's w, and index 3 is the width (s14rev F3)
        (
            "output-width",
            "out_w = (x.shape[2] + p_w - k_w) // s_w + 1  # x = x.to(memory_format=torch.channels_last)",
            N,
            "checker.reason.ambiguous_letter: x_shape[2]",
        ),
        (
            "output-width",
            "out_w = (x.shape[3] + p_w - k_w) // s_w + 1  # 内存格式 torch.channels_last",
            R,
            "layout",
        ),
        # PyTorch's sizes (torch.Tensor.size(dim)): channels first, batched or not, so an
        # index from the end names one axis; from the start it does not (NCHW's 2 is h,
        # CHW's w)
        ("output-height", "out_h = (x.size(-2) + p_h - k_h) // s_h + 1", R, "layout"),
        ("output-height", "out_h = (x.size(-1) + p_h - k_h) // s_h + 1", W, None),
        ("output-width", "宽 = (x.size(3) + p_w - k_w) // s_w + 1", R, "layout"),
        guard("output-height", "高 = (x.size(3) + p_h - k_h) // s_h + 1", W, None),
        guard(
            "output-height",
            "out_h = (x.size(2) + p_h - k_h) // s_h + 1",
            N,
            "checker.reason.ambiguous_letter: x_shape[2]",
        ),
        # Go's, Rust's and C#'s shapes
        ("output-height", "oh := (x.Shape()[2] + ph - kh) / sh + 1 // NCHW", C, "layout"),
        ("output-height", "oh := (x.Shape()[3] + ph - kh) / sh + 1 // NCHW", W, None),
        ("output-height", "let oh = (x.dims()[2] + p_h - k_h) / s_h + 1; // NCHW", C, "layout"),
        ("output-width", "int ow = (X.Dims[3] + p_w - k_w) / s_w + 1; // NCHW", C, "layout"),
        ("output-width", "int ow = (X.Dims[2] + p_w - k_w) / s_w + 1; // NCHW", W, None),
        # two layouts named (a conversion): neither is read, the index stays ambiguous
        guard(
            "output-height",
            "oh = (inputs.shape[1] + p_h - k_h) // s_h + 1  # NHWC to NCHW",
            N,
            "checker.reason.ambiguous_letter: inputs_shape[1]",
        ),
        # no layout named: as before, refused
        guard(
            "output-height",
            "oh = (x.shape[2] + p_h - k_h) // s_h + 1",
            N,
            "checker.reason.ambiguous_letter: x_shape[2]",
        ),
    ],
    "functions over padding modes": [
        (
            "output-width",
            "int out_w(int w, int k, int s, Pad mode) {\n  int n;\n"
            "  if (mode == Pad::kSame) {\n    n = w;\n"
            "  } else if (mode == Pad::kValid) {\n    n = w - k + 1;\n"
            '  } else {\n    throw std::runtime_error("mode");\n  }\n'
            "  return (n + s - 1) / s;\n}",
            W,
            None,
        ),
        (
            "output-width",
            "int out_w(int w, int p, int k, int s, Pad mode) {\n  int n;\n"
            "  if (mode == Pad::kSame) {\n    n = w;\n"
            "  } else if (mode == Pad::kValid) {\n    n = w - k + 1;\n"
            "  } else {\n    n = w + p - k + 1;\n  }\n"
            "  return (n + s - 1) / s;\n}",
            C,
            "padding_modes",
        ),
        (
            "output-height",
            "switch (pad_mode) {\n  case PAD_SAME:\n    oh = (h + s_h - 1) / s_h;\n    break;\n"
            "  case PAD_VALID:\n    oh = (h - k_h + s_h) / s_h;\n    break;\n"
            "  default:\n    return STATUS_ERROR;\n}",
            W,
            None,
        ),
        (
            "output-height",
            "switch (pad_mode) {\n  case PAD_SAME:\n    oh = (h + s_h - 1) / s_h;\n    break;\n"
            "  case PAD_EXPLICIT:\n    oh =\n      (h + p_h - k_h + s_h) /\n      s_h;\n    break;\n"
            "  default:\n    return STATUS_ERROR;\n}",
            C,
            "padding_modes",
        ),
        (
            "output-height",
            'switch padding {\ncase "SAME":\n\toh = (h + sh - 1) / sh\ncase "VALID":\n'
            "\toh = (h - kh + sh) / sh\ndefault:\n\toh = (h + ph - kh + sh) / sh\n}",
            C,
            "padding_modes",
        ),
        (
            "output-height",
            'switch padding {\ncase "SAME":\n\toh = (h + sh - 1) / sh\ncase "VALID":\n'
            "\toh = (h - kh + sh) / sh\ndefault:\n\toh = (h + ph - kh) / sh\n}",
            W,
            None,
        ),
        (
            "output-width",
            "if padding == 'same':\n    ow = -(-w // s_w)  # 向上取整\n"
            "elif padding == 'valid':\n    ow = (w - k_w) // s_w + 1\n"
            "else:\n    ow = (w + p_w - k_w) // s_w + 1",
            R,
            "padding_modes",
        ),
        # every branch a mode's: none is the question's layer, each wrong
        guard(
            "output-width",
            "if padding == 'same':\n    ow = -(-w // s_w)  # 向上取整\n"
            "elif padding == 'valid':\n    ow = (w - k_w) // s_w + 1",
            W,
            None,
        ),
        (
            "output-width",
            "switch (this.Padding) {\n    case Padding.Same: ow = (W + Sw - 1) / Sw; break;\n"
            "    case Padding.Valid: ow = (W - Kw + Sw) / Sw; break;\n"
            "    default: ow = (W + Pw - Kw + Sw) / Sw; break;\n}",
            C,
            "padding_modes",
        ),
        guard(
            "output-width",
            "switch (this.Padding) {\n    case Padding.Same: ow = (W + Sw - 1) / Sw; break;\n"
            "    case Padding.Valid: ow = (W - Kw + Sw) / Sw; break;\n"
            "    default: ow = (W - Pw - Kw + Sw) / Sw; break;\n}",
            W,
            None,
        ),
        # the branch left without a mode's name computes no padding: which one the layer
        # takes, the code does not say
        (
            "output-width",
            "if (mode === 'same') {\n  ow = Math.ceil(w / s_w);\n"
            "} else if (mode === 'explicit') {\n  ow = Math.floor((w + p_w - k_w) / s_w) + 1;\n"
            "} else {\n  ow = Math.floor((w - k_w) / s_w) + 1;\n}",
            N,
            "checker.reason.branches_disagree: mode === 'explicit'\nelse",
        ),
        # a condition that only mentions a mode (negated, or joined with another test):
        # the question's layer may take its branch, so every branch is graded
        (
            "output-height",
            "if padding != 'valid':\n    oh = (h - k_h) // s_h + 1\n"
            "else:\n    oh = (h + p_h - k_h) // s_h + 1",
            N,
            "checker.reason.branches_disagree: padding != 'valid'\nelse",
        ),
        (
            "output-height",
            "if (mode != PAD_SAME) {\n    oh = (h - k_h + s_h) / s_h;  // 显式填充\n"
            "} else {\n    oh = (h + p_h - k_h + s_h) / s_h;\n}",
            N,
            "checker.reason.branches_disagree: mode != PAD_SAME\nelse",
        ),
        (
            "output-height",
            "if not padding == 'valid':\n    oh = (h - k_h) // s_h + 1\n"
            "else:\n    oh = (h + p_h - k_h) // s_h + 1",
            N,
            "checker.reason.branches_disagree: not padding == 'valid'\nelse",
        ),
        (
            "output-height",
            "if padding == 'same' or p_h > 0:\n    oh = -(-h // s_h)\n"
            "else:\n    oh = (h + p_h - k_h) // s_h + 1",
            N,
            "checker.reason.branches_disagree: padding == 'same' or p_h > 0\nelse",
        ),
        # a switch with no statement: not empty, nothing computed (s14rev F7)
        ("output-height", "switch (mode) {}", N, "reading.nothing_computed: switch (mode) {}"),
        (
            "output-height",
            "switch (mode) {\ncase PAD_SAME:\n}",
            N,
            "reading.nothing_computed: switch (mode) { case PAD_SAME: }",
        ),
        ("output-height", "答：", N, "reading.nothing_computed: 答："),
        # modes joined by ``or`` (as a switch's labels are by ``||``): still the modes' branch
        guard(
            "output-height",
            "if padding == 'same' or padding == 'valid':\n    oh = -(-h // s_h)\n"
            "else:\n    oh = (h + p_h - k_h) // s_h + 1",
            R,
            "padding_modes",
        ),
    ],
    "code that changes the value under a condition": [
        # a branch the layer may or may not take: refused, never read away as words
        (
            "output-height",
            "oh = (h + p_h - k_h) // s_h + 1\nif ceil_mode: oh += 1",
            N,
            None,
        ),
        (
            "forward-ops",
            "flops = 2 * ci * kh * kw * co * oh * ow;\nif (mode == 1) flops += co * oh * ow;",
            N,
            None,
        ),
        (
            "forward-ops",
            "long macs = (long)ci * kh * kw * co * oh * ow;\nlong flops = 2 * macs;\n"
            "if (mode == 1) { flops += co * oh * ow; }",
            N,
            None,
        ),
        (
            "output-height",
            "# 输出高度\noh = (h + p_h - k_h) / s_h + 1;\nif (ceil_mode) { oh += 1; }",
            N,
            None,
        ),
        guard("output-height", "oh = (h + p_h - k_h) // s_h\noh += 1  # 输出高度", R, None),
        guard("output-height", "oh = (h - k_h) // s_h\noh += 1", W, None),
    ],
    "the groups counted by name": [
        ("forward-mults", "macs = c_i * c_o * k_h * k_w * m_h * m_w // n_groups", R, None),
        ("forward-mults", "macs = c_i * c_o * k_h * k_w * m_h * m_w / group_count", R, None),
        (
            "forward-mults",
            "size_t macs = in_c * wei_h * wei_w * out_c * out_h * out_w / group_count;",
            R,
            None,
        ),
        (
            "forward-mults",
            "乘法次数 = c_i * c_o * k_h * k_w * m_h * m_w / num_grps  # 分组数",
            R,
            None,
        ),
        ("forward-mults", "macs = c_i * c_o * k_h * k_w * m_h / group_count", W, None),
        (
            "forward-ops",
            "flops = 2 * c_in * k_h * k_w * c_out * h_out // n_groups  # FLOPs",
            W,
            None,
        ),
        (
            "bias-size",
            "c_o / n_groups",
            N,
            "checker.reason.held_misplaced: n_groups",
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=11, ascii=48)
