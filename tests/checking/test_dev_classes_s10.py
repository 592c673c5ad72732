"""Issue 21, session ten: classes of H10-dev's misses (the held-out file's header lists
them under "Batch H10"), each a table of answers of our own, with other letters than the
pages', right and wrong, in English and Chinese and the other languages the class was met
in, through ``check`` and ``grade``:

- a product of two floored sizes in display LaTeX (``\\left\\lfloor … \\right\\rfloor
  \\times \\left\\lfloor … \\right\\rfloor``) after a sentence, or alone, answering one
  size: read as the height by the width (``two_sizes``), never as their product;
- LaTeX subscripts holding words joined by hyphens (``c_{in-channel}``): one name, as
  inside ``\\text{}`` (``x_{l-1}`` keeps its minus);
- a tensor's shape indexed in code (``ifmap.shape[1]``): an ifmap is the input feature
  map, an ofmap the output's; the index read by the layout the answer shows (``C, H, W =
  ifmap.shape`` unpacked above it), and where it shows none, by the layouts, refused as
  ambiguous where they disagree (h or w), the refusal naming the index as written;
- a pair of sizes assigned as a pair (``(OH,OW)=(H−KH+1,W−KW+1)``, after a Korean or a
  Chinese label): the two statements ``OH = …`` and ``OW = …``, the one asked graded;
- a two-axis size written with x set apart by spaces (``(n+2p-f)/s+1 x (n+2p-f)/s+1``,
  ``floor(…)+1 x floor(…)+1``): the height by the width, as × is; ``*`` between them is
  code's product, read as written (no size: wrong as written);
- a count built in statements from library calls (``functools.reduce(operator.mul,
  conv.kernel_size)``, ``y.numel()``, ``x.shape[1] // conv.groups``, comment lines
  between them, ``# N * mac`` too): the product of the sizes, the output's elements for
  one example (its axes in the input's order, the batch's aside), PyTorch's groups the
  book's 1; MATLAB's ``numel(y)`` as ``y.numel()``, its ``numel`` of a cell or a slice
  (``numel(ins{2}(:,:,:,1))``) refused, naming the call; a comment line that amends the
  code (``# TODO wrong …``) keeps it refused.

No wrong answer is accepted: each wrong row is ``not_equivalent``."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# {class: [(question, answer, verdict, said)]}: said is the misconception a wrong answer
# names, the note (reading.note.<key>) a reading says, the refusal's id and the value
# it names ("id: value"), or None
CLASSES = {
    "a pair of floored sizes in display LaTeX": [
        (
            "output-height",
            "Bir `h x h` girdi ve `k x k` çekirdek için, `p` dolgu ve `s` adım ile çıkış boyutu "
            "aşağıdaki formülle hesaplanır\n\n"
            r"$$\left \lfloor{\frac{h+2p-k}{s}+1}\right \rfloor \times "
            r"\left \lfloor{\frac{h+2p-k}{s}+1}\right \rfloor$$",
            C,
            "two_sizes",
        ),
        (
            "output-height",
            "Bir `h x h` girdi ve `k x k` çekirdek için, `p` dolgu ve `s` adım ile çıkış boyutu "
            "aşağıdaki formülle hesaplanır\n\n"
            r"$$\left \lfloor{\frac{h+2p-k}{s}}\right \rfloor \times "
            r"\left \lfloor{\frac{h+2p-k}{s}}\right \rfloor$$",
            W,
            None,
        ),
        (
            "output-width",
            r"$$\left\lfloor \frac{w + 2p - k}{s} + 1 \right\rfloor \times "
            r"\left\lfloor \frac{w + 2p - k}{s} + 1 \right\rfloor$$",
            C,
            "two_sizes",
        ),
        (
            "output-height",
            "Giriş `h x w` ve çekirdek `k x k` ise çıkışın boyutu şöyle bulunur\n\n"
            r"$$\left \lfloor{\frac{h+2p-k}{s}+1}\right \rfloor \times "
            r"\left \lfloor{\frac{w+2p-k}{s}+1}\right \rfloor$$",
            C,
            "shape_product",
        ),
        (
            "output-height",
            "Giriş `h x w` ve çekirdek `k x k` ise çıkışın boyutu şöyle bulunur\n\n"
            r"$$\left \lfloor{\frac{h+2p-k}{s}}\right \rfloor \times "
            r"\left \lfloor{\frac{w+2p-k}{s}}\right \rfloor$$",
            W,
            None,
        ),
        (
            "output-width",
            "输出图像的大小可以这样计算：\n"
            r"$$\left\lfloor{\frac{n+2p-f}{s}+1}\right\rfloor \times "
            r"\left\lfloor{\frac{n+2p-f}{s}+1}\right\rfloor$$",
            C,
            "two_sizes",
        ),
        (
            "output-width",
            "输出图像的大小可以这样计算：\n"
            r"$$\left\lfloor{\frac{n-f}{s}+1}\right\rfloor \times "
            r"\left\lfloor{\frac{n-f}{s}+1}\right\rfloor$$",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            r"$$\left\lceil \frac{n+2p-f+1}{s} \right\rceil \times "
            r"\left\lceil \frac{n+2p-f+1}{s} \right\rceil$$",
            C,
            "two_sizes",
        ),
        (
            "output-height",
            r"$$\lfloor \frac{i + 2p - k}{s} \rfloor \times \lfloor \frac{i + 2p - k}{s} \rfloor$$",
            W,
            None,
        ),
        (
            "output-width",
            "La salida mide "
            r"$$\left\lfloor\frac{n+2p-f}{s}+1\right\rfloor \times "
            r"\left\lfloor\frac{n+2p-f}{s}+1\right\rfloor$$",
            C,
            "two_sizes",
        ),
    ],
    "hyphenated words in a LaTeX subscript": [
        (
            "forward-mults",
            r"$$ k_h \cdot k_w \cdot C_{in-channels} \cdot H_{out} \cdot W_{out} "
            r"\cdot C_{out-channels} $$",
            R,
            None,
        ),
        (
            "forward-mults",
            r"$$ k_h \cdot k_w \cdot C_{in-channels} \cdot H_{out} \cdot W_{out} $$",
            W,
            None,
        ),
        (
            "forward-mults",
            r"乘法次数：$ c_{in-ch} \times c_{out-ch} \times k_h \times k_w "
            r"\times h_{out-map} \times w_{out-map} $",
            R,
            None,
        ),
        (
            "forward-mults",
            r"乘法次数：$ c_{in-ch} \times k_h \times k_w \times h_{out-map} \times w_{out-map} $",
            W,
            None,
        ),
        ("output-height", r"$H_{out} = (H_{in-map} + 2P - K)/S + 1$", C, None),
        ("output-height", r"$H_{out} = (H_{in-map} - K)/S + 1$", W, "given_parameter_left_out"),
    ],
    "a shape indexed in code, by the layout it shows": [
        (
            "output-height",
            "out_h = int((ifmap.shape[0] - filter.shape[0] + 2 * pad) / stride + 1)",
            C,
            None,
        ),
        (
            "output-height",
            "out_h = int((ifmap.shape[0] - filter.shape[0]) / stride + 1)",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "C, H, W = fmap_in.shape\noh = (fmap_in.shape[1] + 2 * pad - kh) // stride + 1",
            C,
            None,
        ),
        (
            "output-height",
            "# 输出特征图的高度\nc, h, w = ifmap.shape\n"
            "out_h = (ifmap.shape[1] - k_h + 2 * pad) // stride + 1",
            C,
            None,
        ),
        (
            "output-height",
            "# 输出特征图的高度\nc, h, w = ifmap.shape\n"
            "out_h = (ifmap.shape[1] - k_h) // stride + 1",
            W,
            "given_parameter_left_out",
        ),
        (
            "output-height",
            "c, h, w = ifmap.shape\nout_h = (ifmap.shape[2] - k_h + 2 * pad) // stride + 1",
            W,
            None,
        ),
        (
            "output-height",
            "N, H, W, C = x.shape\nout_h = (x.shape[2] - k_h + 2 * pad) // stride + 1",
            W,
            None,
        ),
        (
            "output-height",
            "N, H, W, C = x.shape\nout_h = (x.shape[1] - k_h + 2 * pad) // stride + 1",
            C,
            None,
        ),
        (
            "output-height",
            "out_h = (ifmap.shape[1] - k_h + 2 * pad) // stride + 1",
            N,
            "checker.reason.ambiguous_letter: ifmap_shape[1]",
        ),
        (
            "output-height",
            "输出高度 = (fmap.shape[-1] + 2 * pad - k_h) // stride + 1",
            N,
            "reading.unknown_word: fmap.shape[-1]",  # as written (s14rev F14, 2880f941)
        ),
    ],
    "a pair of sizes assigned as a pair": [
        ("output-height", "출력 크기는 (OH,OW)=((H+2P-KH)/S+1,(W+2P-KW)/S+1)이다.", C, None),
        ("output-height", "출력 크기 (OH,OW)=(H−KH+1,W−KW+1)이다.", W, "given_parameter_left_out"),
        ("output-width", "(OH, OW) = ((H + 2P - KH)/S + 1, (W + 2P - KW)/S + 1)", C, None),
        ("output-width", "(OH, OW) = ((H + 2P - KH)/S + 1, (W + 2P - KH)/S + 1)", W, None),
        (
            "output-height",
            "输出大小 (H_o, W_o) = (⌊(H + 2P − K)/S⌋ + 1, ⌊(W + 2P − K)/S⌋ + 1)",
            C,
            None,
        ),
        (
            "output-height",
            "输出大小 (H_o, W_o) = (⌊(H + 2P − K)/S⌋, ⌊(W + 2P − K)/S⌋)",
            W,
            "output_off_by_one",
        ),
    ],
    "a count built from library calls": [
        (
            "forward-mults",
            "# one window: k_h k_w products\n"
            "per_window = functools.reduce(operator.mul, conv.kernel_size)\n"
            "# the channels of a group\n"
            "in_ch = x.shape[1] // conv.groups\n"
            "macs = y.numel() * in_ch * per_window",
            R,
            "comment",
        ),
        (
            "forward-mults",
            "# one window: k_h k_w products\n"
            "per_window = functools.reduce(operator.mul, conv.kernel_size)\n"
            "in_ch = x.shape[1] // conv.groups\n"
            "macs = y.numel() * per_window",
            W,
            None,
        ),
        (
            "forward-mults",
            "# 每个窗口的乘法数\nwin = reduce(mul, layer.kernel_size)\n# C_in * win\n"
            "cin = inp.shape[1] // layer.groups\ntotal = out.numel() * cin * win",
            R,
            "comment",
        ),
        (
            "forward-mults",
            "# 每个窗口的乘法数\nwin = reduce(mul, layer.kernel_size)\n# 少了 C_in\n"
            "total = out.numel() * win",
            W,
            None,
        ),
        (
            "forward-ops",
            "# per output: c_i * (2 * k_h * k_w - 1) + (c_i - 1)\n"
            "per_chan = 2 * reduce(mul, m.kernel_size) - 1\n"
            "cin = x.shape[1] // m.groups\n"
            "flops = y.numel() * (cin * per_chan + (cin - 1))",
            R,
            "comment",
        ),
        (
            "forward-ops",
            "# per output: c_i * (2 * k_h * k_w - 1)\n"
            "per_chan = 2 * reduce(mul, m.kernel_size) - 1\n"
            "cin = x.shape[1] // m.groups\n"
            "flops = y.numel() * cin * per_chan",
            W,
            None,
        ),
        ("forward-mults", "c_o * m_h * m_w * k_h * k_w * c_i // layer.groups", R, None),
        ("forward-mults", "c_o * m_h * m_w * k_h * k_w // layer.groups", W, None),
        ("forward-mults", "macs = numel(y) * kh * kw * ci;", R, None),
        ("forward-mults", "macs = numel(y) * kh * kw;", W, None),
        (
            "forward-mults",
            "乘法次数 = numel(out) * numel(w(:,:,:,1))",
            N,
            "reading.unread_count_call: numel(w(:,:,:,1))",
        ),
        (
            "forward-mults",
            "macs = numel(outs{1}) * kh * kw * ci;",
            N,
            "reading.unread_count_call: numel(outs{1})",
        ),
        (
            "forward-mults",
            "a = k_h * k_w * c_i\n# TODO wrong, the real answer is below\nc = a * c_o * m_h * m_w",
            N,
            "reading.unexpected_character: #",
        ),
    ],
    # x set apart by spaces between two sizes is a shape's sign (n x n, as the pages write
    # the image's), so each side is a size; * is code's product, read as written:
    # (n+2p-f)/s+1 * (n+2p-f)/s+1 is no size, wrong as written
    "a two-axis size written with x": [
        ("output-height", "(n+2p-f)/s+1 x (n+2p-f)/s+1", C, "two_sizes"),
        ("output-height", "(n+2p-f)/s+1 * (n+2p-f)/s+1", W, None),
        ("output-height", "floor((n+2p-f)/s)+1 x floor((n+2p-f)/s)+1", C, "two_sizes"),
        ("output-height", "floor((n+2p-f)/s) x floor((n+2p-f)/s)", W, "output_off_by_one"),
        ("output-width", "Size: floor((h+2p-k)/s)+1 x floor((w+2p-k)/s)+1", C, "two_sizes"),
        ("output-width", "Output: floor((h-k)/s)+1 x floor((w-k)/s)+1", W, None),
        ("output-height", "n-f+1 x n-f+1", W, "given_parameter_left_out"),
        ("output-height", "输出尺寸为 (h+2p-k)/s+1 × (w+2p-k)/s+1", C, None),
        ("output-height", "输出尺寸为 (h+2p-k)/s × (w+2p-k)/s", W, None),
        ("output-width", "输出尺寸：floor((h+2p-k)/s)+1 x floor((w+2p-k)/s)+1", C, None),
        ("output-width", "输出尺寸：floor((h+2p-k)/s) x floor((w+2p-k)/s)", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4, ascii=6)
