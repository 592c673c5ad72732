"""Issue 21 (session eight, s8code): code around or inside the formula, answers of our own
written the way code is pasted (Python, C/C++, Java, JavaScript/TypeScript, Go, Rust,
Julia, MATLAB, Scala, Swift; comments in English and Chinese), right and wrong, through
``check`` and ``grade``.  Each class is a general mechanism, not one answer's pattern:

* a statement of code the reader cannot read is never dropped as prose around another
  one (:func:`derivations.checking.reading.code.holds_formula`): the answer is read
  whole, or refused, never graded on a helper's definition (``dk = …``) or on a lone
  ``1;`` left over from a statement cut at its line breaks;
* a statement over several lines (a line ending in an operator, ``=`` or ``(``, or the
  next starting with ``/`` or ``)``) is one statement (:mod:`.statements`);
* a padding named by its side (head and tail, before and after, low and high, as
  ONNX Runtime, NumPy and XLA name them) is half its axis's total, so the two sides
  added are the book's total padding;
* a pointer dereferenced in brackets (``(*padding)[0]``) is the name pointed to;
* a run of one case led by ``in`` (``insize``) or holding a misspelt word
  (``flitersize``) is read by its parts, the misspelling said in the reading;
* a condition of code before a statement (``if (t % s == 0) return …``, ``if padding ==
  'same': …``) is read away, the formula graded at every layer all the same, and a
  statement that only fails (``throw``, ``raise``, ``panic!``) is no formula;
* a tensor's sizes indexed by a loop's variable (``inp[i]``, ``input_spatial_shape[i]``)
  are the size along whichever axis, a square layer's;
* the size TensorFlow's ``'same'`` padding gives (⌈h/s⌉) is a catalogued mistake,
  derived from the book's size at the padding 'same' picks: an answer in letters no
  notation names (``O = ceil(I / S)``) is judged by it;
* a receptive field's step (``r_out = r_in + (k - 1) * j_in``, ``RF = (RF - 1) * stride +
  fsize``, a function returning it) answering the kernels' composition is run over the
  question's two layers from one pixel (:mod:`derivations.checking.reading.recursion`);
* a shape built in code around its list of sizes (``tuple(np.array([N, …, …],
  dtype=np.int64))``) is that list, a shape of three sizes read by its layout as one of
  four is (the two sizes along the axes);
* a side of the composed kernels named by an axis (``k_1.h``) is the book's k_1, a
  square kernel's side;
* other languages' conversions and roundings (Swift's ``Int(…)``/``Double(…)``,
  JavaScript's ``Math.trunc``, C#'s ``Math.Floor``/``Math.Ceiling``, Julia's ``div(a, b)``,
  Haskell's `` `div` ``), their types (``std::size_t``), function frames (Go's ``func f(…)
  int { … }``, MATLAB's ``function o = f(…)`` … ``end``) and a parameter holding a
  tensor (``nn.Parameter(torch.zeros(…))``).
"""

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.code import holds_formula
from tests.checking.rows import Table, classes_test, no_placeholder_if_right

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

CLASSES = {
    "a statement not read is no prose: read whole, or refused": [
        # TypeScript: a helper, then the return; both read
        (
            "output-height",
            "const ek = dilation * (kernel - 1) + 1;\n"
            "return Math.floor((inSize + headPad + tailPad - ek) / stride + 1);",
            C,
        ),
        (
            "output-height",
            "const ek = dilation * (kernel - 1) + 1;\n"
            "return Math.floor((inSize - ek) / stride + 1);",
            W,
        ),
        # a word no reading knows in the return: refused, never graded on `ek = …`
        (
            "output-height",
            "const ek = dilation * (kernel - 1) + 1;\n"
            "return Math.floor((inSize + zork - ek) / stride + 1);",
            N,
        ),
        # C++: the last line alone (`1;`) is no answer
        (
            "output-height",
            "int64_t outH =\n    (in->GetDim(2) + 2 * pad - k) /\n        stride +\n    1;",
            N,
        ),
        # Go, with a Chinese comment: the helper is put in
        (
            "output-width",
            "ek := (k_w - 1) + 1\n// 有效的卷积核宽度\nreturn (w + 2*p_w - ek)/s_w + 1",
            C,
        ),
    ],
    "a statement over several lines": [
        (
            "output-height",
            "int64_t out_h =\n    (h + 2 * pad_h - k_h) /\n        stride_h +\n    1;",
            C,
        ),
        ("output-height", "int64_t out_h =\n    (h - k_h) /\n        stride_h +\n    1;", W),
        # Python's backslash, a Chinese comment on the line before
        (
            "forward-mults",
            "# 乘法次数\nmuls = c_in * c_out * k_h * \\\n    k_w * out_h * out_w",
            R,
        ),
        ("forward-mults", "# 乘法次数\nmuls = c_in * c_out * k_h * \\\n    out_h * out_w", W),
        # Rust: a line that opens a bracket, one that starts with a division
        (
            "output-width",
            "let ow = (\n    w + 2 * pad_w - k_w\n) / stride_w + 1;",
            C,
        ),
        ("output-width", "let ow = (w + 2 * pad_w - k_w)\n    / stride_w + 1;", C),
        ("output-width", "let ow = (w - k_w)\n    / stride_w + 1;", W),
    ],
    "a padding named by its side": [
        # ONNX Runtime's head and tail
        (
            "output-height",
            "Math.floor((inSize + headPad + tailPad - kernel) / stride + 1)",
            C,
        ),
        ("output-height", "Math.floor((inSize + headPad - kernel) / stride + 1)", W),
        # NumPy's before and after (Julia's ÷ the integer division)
        ("output-height", "(h + pad_before + pad_after - k) ÷ s + 1", C),
        ("output-height", "(h + 2*pad_before + 2*pad_after - k) ÷ s + 1", W),  # doubled
        ("output-height", "(h + 2*pad_top + 2*pad_bottom - k_h) // s_h + 1", W),
        # XLA's low and high edges, in Swift, with a Chinese comment
        (
            "output-width",
            "let ow = (w + padLow + padHigh - k_w) / s_w + 1 // 输出的宽度",
            C,
        ),
        ("output-width", "let ow = (w + padLow - k_w) / s_w + 1 // 输出的宽度", W),
        # Scala
        ("output-height", "val oh = (h + pad_top + pad_bottom - k_h) / s_h + 1", C),
    ],
    "a pointer dereferenced in brackets": [
        (
            "output-height",
            "int64_t oh = (h + 2 * (*padding)[0] - (*kernel_size)[0]) / (*stride)[0] + 1;",
            C,
        ),
        ("output-height", "int64_t oh = (h - (*kernel_size)[0]) / (*stride)[0] + 1;", W),
        (
            "output-width",
            "auto ow = (w + 2 * (*conv).padding[1] - (*conv).kernel_size[1])"
            " / (*conv).stride[1] + 1;  // 输出宽度",
            C,
        ),
        (
            "output-height",
            "int64_t outH =\n    (h + 2 * (*padding)[0] - ((*dilation)[0] * ((*kernelSize)[0] - 1) + 1)) /\n"
            "        (*stride)[0] +\n    1;",
            C,
        ),
    ],
    "a run of one case read by its parts": [
        ("output-height", "outsize = (insize - fsize + 2*pad) / stride + 1", C),
        ("output-height", "outsize = (insize - fsize) / stride + 1", W),
        # MATLAB, a Chinese comment
        ("output-width", "outw = floor((inwidth + 2*pad - kwidth) / stride) + 1; % 输出宽度", C),
        # a misspelt word in a run: said so in the reading
        ("output-height", "(insize + 2*pad - flitersize) / stride + 1", C),
        ("output-height", "(insize - flitersize) / stride + 1", W),
    ],
    "a condition of code before a statement, an error path away": [
        # Java: the size where the stride divides, an exception otherwise
        (
            "output-height",
            "int t = inputSize - filterSize + 2 * padding;\n"
            "if (t % stride == 0) return t / stride + 1;\n"
            'throw new IllegalArgumentException("stride does not divide");',
            C,
        ),
        (
            "output-height",
            "int t = inputSize - filterSize;\n"
            "if (t % stride == 0) return t / stride + 1;\n"
            'throw new IllegalArgumentException("stride does not divide");',
            W,
        ),
        # Python, one line, a Chinese comment
        (
            "output-width",
            "if padding == 'explicit': ow = (w + 2*p_w - k_w) // s_w + 1  # 输出的宽度",
            C,
        ),
        ("output-width", "if padding == 'valid': ow = (w - k_w) // s_w + 1  # 输出的宽度", W),
        # Rust: a panic on the other path
        (
            "output-height",
            'if (h + 2 * p_h - k_h) % s_h != 0 { panic!("stride") }\n(h + 2 * p_h - k_h) / s_h + 1',
            N,
        ),
        (
            "output-height",
            'if (stride_h > 0) return (h + 2*pad_h - k_h) / stride_h + 1;\nraise ValueError("stride")',
            C,
        ),
    ],
    "a tensor's sizes indexed by a loop's variable": [
        (
            "output-height",
            "out.append(((inp[i] + 2 * padding[i]) - kernel[i]) // stride[i] + 1)",
            C,
        ),
        ("output-height", "out.append((inp[i] - kernel[i]) // stride[i] + 1)", W),
        # Scala, a spatial shape
        (
            "output-width",
            "val o = (input_spatial_shape(i) + 2 * pads(i) - kernel(i)) / strides(i) + 1",
            N,  # MATLAB-like calls by a loop's variable: not read
        ),
        (
            "output-height",
            "output_spatial_shape[i] = (input_spatial_shape[i] + 2 * pad[i] - ksize[i]) // strides[i] + 1",
            C,
        ),
        (
            "output-height",
            "output_spatial_shape[i] = (input_spatial_shape[i] - ksize[i]) // strides[i] + 1",
            W,
        ),
        # indexed by a name that is no loop's variable (i, j, d): not read
        ("output-height", "out.append((inp[n] + 2*padding[n] - kernel[n]) // stride[n] + 1)", N),
    ],
    "the size TensorFlow's 'same' padding gives": [
        ("output-height", "O = ceil(I / S)", W),
        ("output-height", "return Math.ceil(inSize / stride);  // 'same'", W),
        ("output-width", "ow := (w + s_w - 1) / s_w", W),  # Go: the same size, rounded up by hand
        ("output-width", "cld(w, s_w)", W),  # Julia
        ("output-height", "out_h = ceil(h / stride_h); % MATLAB, 'same'", W),
        (
            "output-height",
            'If padding == "SAME": output_spatial_shape[i] = ceil(input_spatial_shape[i] / strides[i])',
            W,
        ),
        # the question's padding given: the size at it
        ("output-height", "out_h = floor((h + 2*pad_h - k_h) / stride_h) + 1; % 输出的高度", C),
    ],
    "a receptive field's step run over the two layers": [
        ("compose-size", "rf_out = rf_in + (k - 1) * jump", R),  # Python, forward
        ("compose-size", "rf_out = rf_in + k * jump", W),
        ("compose-size", "RF = RF + (k - 1) * S;  % 感受野的递推", R),  # MATLAB
        ("compose-size", "RF = RF * k;  % 感受野的递推", W),
        ("compose-size", "function rf(prev, k, s) { return prev + (k - 1) * s; }", R),  # JS
        # C, backward from the output
        (
            "compose-size",
            "int rf(int out, int ksize, int stride) { return (out - 1) * stride + ksize; }",
            R,
        ),
        (
            "compose-size",
            "int rf(int out, int ksize, int stride) { return out * stride + ksize; }",
            W,
        ),
        (
            "compose-size",
            "fn rf(r_in: i64, k: i64, j: i64) -> i64 { return r_in + (k - 1) * j; }",
            R,
        ),
        ("compose-size", r"r_{out} = r_{in} + (k - 1) \cdot j_{in}", R),  # LaTeX
        # a name that is no field before (a), or a statement with none: refused
        ("compose-size", "K = k + a", N),
    ],
    "a shape built in code around its list of sizes": [
        # NumPy, the batch first (N, H, W)
        (
            "output-height",
            "shape = tuple(np.array([N, (H + 2*P - K)//S + 1, (W + 2*P - K)//S + 1], dtype=np.int64))",
            C,
        ),
        ("output-height", "shape = tuple(np.array([N, (H - K)//S + 1, (W - K)//S + 1]))", W),
        # PyTorch, channels first (C, H, W), a Chinese comment
        (
            "output-width",
            "# 输出的形状\ntorch.tensor([c_o, (h + p_h - k_h)//s_h + 1, (w + p_w - k_w)//s_w + 1])",
            R,
        ),
        # channels last (H, W, C), a list
        ("output-width", "list([(h + p_h - k_h)//s_h + 1, (w + p_w - k_w)//s_w + 1, c_o])", R),
        ("output-width", "list([(h + p_h - k_h)//s_h + 1, (w - k_w)//s_w + 1, c_o])", W),
        # a shape named by its tensor (``bias_shape``): the count of its elements
        ("bias-size", "# 偏置的形状\nbias_shape = (out_channels,)", R),
        ("bias-size", "bias_shape = (in_channels,)", W),
        ("bias-size", "weight_shape = (out_channels, in_channels, k, k)", W),
    ],
    "a square kernel's side named by an axis": [
        ("compose-size", "(k_1.h + k_2.h - 1, k_1.w + k_2.w - 1)", R),
        ("compose-size", "$(k_1.h+k_2.h-1,k_1.w+k_2.w-1)$", R),
        ("compose-size", "(k_1.h + k_2.h, k_1.w + k_2.w)", W),
        ("compose-size", "k_1.height + k_2.height - 1  # 合成后的核", R),
    ],
    "other languages' conversions, roundings and function frames": [
        (
            "output-height",
            "let out = Int(floor(Double(h + 2 * pad - k) / Double(stride))) + 1",
            C,
        ),  # Swift
        ("output-height", "let out = Int(floor(Double(h - k) / Double(stride))) + 1", W),
        (
            "output-height",
            "const out = Math.trunc((h + 2*pad - k) / stride) + 1;  // 输出的高度",
            C,
        ),  # JS
        (
            "output-height",
            "int outH = (int)Math.Floor((double)(h + 2 * pad - k) / stride) + 1;",
            C,
        ),  # C#
        (
            "output-height",
            "int outH = (int)Math.Ceiling((double)(h + 2 * pad - k) / stride) + 1;",
            W,
        ),
        ("output-height", "out = div(h + 2p - k, s) + 1", C),  # Julia
        ("output-height", "out = div(h - k, s) + 1", W),
        ("output-height", "func outSize(h, k, p, s int) int { return (h+2*p-k)/s + 1 }", C),  # Go
        ("output-height", "std::size_t out = (h + 2 * pad - k) / stride + 1;", C),  # C++
        # MATLAB's function and end
        (
            "output-height",
            "function o = outsize(h, k, p, s)\n  o = floor((h + 2*p - k)/s) + 1;\nend",
            C,
        ),
        ("output-height", "function o = outsize(h, k, p, s)\n  o = floor((h - k)/s) + 1;\nend", W),
        ("output-height", "(h + 2*p - k) `div` s + 1", C),  # Haskell's infix div
        # a conversion of one name: the name (its bracket never a remark)
        ("output-height", "out_dim = (float(size)-float(F)+2.0*float(P))/float(S)+1.0", C),
        ("output-height", "out_dim = (float(size)-float(F))/float(S)+1.0", W),
        # PyTorch's parameter holding a tensor's constructor
        ("bias-size", "self.bias = nn.Parameter(torch.zeros(out_channels))", R),
        ("bias-size", "self.bias = nn.Parameter(torch.zeros(in_channels))", W),
    ],
}
ROWS = [(name, *row) for name, rows in CLASSES.items() for row in rows]

# a loop that updates a name from itself applies the layer again: refused, whatever the
# language (never read as one layer, nor read away by a rewrite)
LOOPS = [
    ("output-height", "for i in range(3): h = (h - k_h + p_h)//s_h + 1"),
    ("output-height", "for _ in layers:\n    h = (h + 2*p - k) // s + 1  # 每一层"),
    ("output-width", "for (int i = 0; i < n; i++) { w = (w + 2*p_w - k_w) / s_w + 1; }"),
    ("output-height", "while (h > k) { h = (h - k) / s + 1; }"),
    ("output-height", "while h > k:\n    h //= s"),
]


@pytest.mark.parametrize("question, answer", LOOPS)
def test_a_loop_updating_a_name_from_itself_is_refused(question, answer):
    result = check(question, answer, symbolic=False)
    assert result.verdict == N and result.error["id"] == "reading.loop", result.error
    for lang in ("en", "zh"):
        assert feedback(result, lang)


def test_a_loop_over_the_axes_that_appends_still_reads():
    answer = "for i in range(2):\n    out.append((inp[i] + 2*pad[i] - k[i]) // s[i] + 1)"
    assert check("output-height", answer, symbolic=False).verdict == C


TABLE = Table("name, question, answer, verdict", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=no_placeholder_if_right, ids=[r[2] for r in ROWS])
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers_and_chinese_comments = classes_test(CLASSES, chinese=4)


def test_the_same_padding_size_names_its_misconception():
    for question, answer in (("output-height", "O = ceil(I / S)"), ("output-width", "cld(w, s_w)")):
        result = check(question, answer, symbolic=False)
        assert result.misconception == "same_padding_size", (answer, result.misconception)


def test_a_recursion_says_how_it_was_run():
    result = check("compose-size", "RF = RF + (k - 1) * S", symbolic=False)
    assert result.verdict == R
    notes = [n["id"] for n in result.parsed["notes"]]
    assert "reading.note.recursion" in notes
    assert "感受野的递推式" in feedback(result, "zh") and "receptive field" in feedback(
        result, "en"
    )


def test_a_misspelt_word_in_a_run_is_said():
    result = check("output-height", "(insize + 2*pad - flitersize) / stride + 1", symbolic=False)
    said = [n["fields"] for n in result.parsed["notes"] if n["id"] == "reading.note.notation"]
    assert {
        "written": "flitersize",
        "read": "k",
        "source": "misspelt",
        "meant": "filter_size",
    } in said


@pytest.mark.parametrize(
    "text, holds",
    [
        ("return Math.floor(((inSize + headPad - dk) / stride) + 1)", True),
        ("(in->GetDim(2) + 2 * pad", True),
        ("2*p", True),
        ("output-size is given", False),  # a hyphenated word
        ("注意padding为same输出feature map尺寸不变", False),
        ("(n:输入数据维度,k: 卷积核大小)", False),
        ("1;", False),
    ],
)
def test_an_operator_between_operands_is_a_formula(text, holds):
    assert holds_formula(text) is holds
