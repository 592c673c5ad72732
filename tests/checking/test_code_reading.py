"""Issue 21, code around or inside the formula (:mod:`derivations.checking.reading.code`,
the code rules of :mod:`derivations.checking.reading.second_look`, the checker's
label of an updated name): answers of our own written the way code is pasted, in
Python, JavaScript, C/C++, MATLAB, with English and Chinese comments, right and wrong
(a wrong one stays ``not_equivalent``), through ``check`` and ``grade``; an index whose
layout is ambiguous stays refused.

Each class is a general mechanism, not a pattern of one answer:

* an attribute chain is read by its last meaningful name (``module.padding[0]``,
  ``self.conv.stride[0]``, ``v.p.value``, ``cfg["stride"]``, ``params->stride_height``);
* a layer's ``weight`` before ``.shape`` is its kernel, indexed by the layouts record
  (PyTorch's OIHW; TensorFlow Lite's OHWI for a filter of NHWC tensors);
* a name updated from itself (``h = (h + …) // s + 1``) is code's new value, graded;
* a comment closing a line of code inside an answer of several lines, or after a
  statement's ``;``, is no part of the formula;
"""

import pytest

from derivations.checking import check
from derivations.checking.reading.code import code
from derivations.checking.reading.normalize import normalize
from tests.checking.rows import Table, classes_test, no_placeholder_if_right

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

CLASSES = {
    "an attribute chain read by its last meaningful name": [
        (
            "output-height",
            "(h + 2 * module.padding[0] - module.kernel_size[0]) // module.stride[0] + 1",
            C,
        ),
        (
            "output-width",
            "(w + 2*self.conv.padding[1] - self.conv.kernel_size[1]) // self.conv.stride[1] + 1",
            C,
        ),
        ("output-height", "(h - layer.kernel_size[0]) // layer.stride[0] + 1", W),
        ("forward-mults", "layer.out_channels * layer.in_channels * k_h * k_w * m_h * m_w", R),
        ("forward-mults", "conv.out_channels * conv.in_channels * k_h * m_h * m_w", W),
        ("bias-size", "conv1.out_channels", R),
        ("bias-size", "conv1.in_channels", W),
        # a JavaScript form's fields (their .value), parseInt read as int(...)
        (
            "output-height",
            "Math.floor((parseInt(v.h.value) + 2*v.p.value - v.k.value) / v.s.value) + 1",
            C,
        ),
        ("output-height", "Math.floor((Number(v.h.value) - v.k.value) / v.s.value) + 1", W),
        # a short object of the layer's: its axis member read with it (k.h: k_h)
        ("output-height", "(x.h + 2*p.h - k.h) // s.h + 1", C),
        ("output-height", "(x.h - k.h) // s.h + 1", W),
        # a configuration's keys
        ("output-height", "(h + 2*cfg['padding'] - cfg['kernel_size']) // cfg['stride'] + 1", C),
        ("output-width", '(w - cfg["kernel_size"]) // cfg["stride"] + 1', W),
        # C's pointer members
        (
            "output-height",
            "int oh = (h + 2*params->padding - params->kernel_size) / params->stride + 1;",
            C,
        ),
        ("output-height", "int oh = (h - params->kernel_size) / params->stride + 1;", W),
        # a Chinese comment after it
        (
            "output-height",
            "(h + 2*net.padding[0] - net.kernel_size[0]) // net.stride[0] + 1  # 输出高度",
            C,
        ),
        ("output-height", "(h - net.kernel_size[0]) // net.stride[0] + 1  # 输出的高度", W),
    ],
    "a layer's weight indexed by the layouts record": [
        (
            "output-height",
            "(h + 2*conv.padding[0] - conv.weight.shape[2]) // conv.stride[0] + 1",
            C,
        ),
        (
            "forward-mults",
            "conv.weight.shape[0] * conv.weight.shape[1] * conv.weight.shape[2]"
            " * conv.weight.shape[3] * m_h * m_w",
            R,
        ),
        (
            "forward-mults",
            "m.weight.shape[0] * m.weight.shape[2] * m.weight.shape[3] * m_h * m_w",
            W,
        ),
        # TensorFlow Lite: its filter (out, h, w, in) on NHWC tensors
        (
            "forward-mults",
            'filter["shape"][0] * filter["shape"][1] * filter["shape"][2] * input["shape"][3]'
            ' * output["shape"][1] * output["shape"][2]',
            R,
        ),
        (
            "forward-mults",
            'filter["shape"][1] * filter["shape"][2] * input["shape"][3]'
            ' * output["shape"][1] * output["shape"][2]',
            W,
        ),
    ],
    "a name updated from itself": [
        ("output-height", "h = (h + 2*padding[0] - kernel_size[0]) // stride[0] + 1", C),
        ("output-width", "w = (w + 2*p_w - k_w) // s_w + 1", C),
        ("output-height", "h = (h - kernel_size[0]) // stride[0] + 1", W),
        ("output-width", "w = (h + 2*p_w - k_w) // s_w + 1", W),
    ],
    "a comment closing a line of code": [
        (
            "forward-mults",
            "macs = (layer.kernel_size[0]  # 卷积核的高\n"
            "        * layer.kernel_size[1]  # 卷积核的宽\n"
            "        * layer.in_channels * layer.out_channels\n"
            "        * out_h * out_w)",
            R,
        ),
        (
            "forward-mults",
            "macs = (layer.kernel_size[0]  # the kernel's height only\n"
            "        * layer.in_channels * layer.out_channels\n"
            "        * out_h * out_w)",
            W,
        ),
        ("output-height", "oh = floor((h + 2*p - k)/s) + 1;  % MATLAB", C),
        ("output-height", "oh = floor((h - k)/s) + 1;  % valid", W),
        ("output-width", "ow = (w + 2*p - k) / s + 1; // 输出宽度", C),
        ("output-width", "ow = (w + 2*p - k) / s; /* no +1 */", W),
        # a floor division by a member closing the line is code, never a comment's words
        ("output-height", "oh = 1 + (h + 2*self.pad - self.kh) // self.sh", C),
        ("output-width", "宽 = 1 + (w + 2 * conv.pad - conv.kw) // conv.stride  # 输出宽度", C),
        ("output-height", "oh = 1 + (h - self.kh) // self.sh", W),
        ("output-width", "ow = 1 + (w + 2*layer.pad - layer.kh) // layer.sw", W),
    ],
    "other languages' operators and library divisions": [
        ("output-height", "oh <- floor((h + 2*p - k)/s) + 1", C),  # R
        ("output-height", "oh <- (h + 2*p - k) %/% s + 1", C),
        ("output-height", "oh <- (h - k) %/% s + 1", W),
        ("output-height", "oh = floor((h + 2.*p - k)./s) + 1;  % 输出行数", C),  # MATLAB
        ("forward-mults", "macs = kh.*kw.*cin.*cout.*oh.*ow;", R),
        ("forward-mults", "macs = kh.*cin.*cout.*oh.*ow;", W),
        ("output-width", "int ow = Math.floorDiv(w + 2*p - k, s) + 1;", C),  # Java
        ("output-width", "ow = fld(w + 2p - k, s) + 1", C),  # Julia
        ("output-width", "ow = cld(w + 2p - k + 1, s)", C),
        ("output-width", "ow = cld(w - k, s)", W),
    ],
    "statements of code, the last one graded": [
        (
            "forward-mults",
            "int oh = (h + 2*p - kh) / s + 1;\nint ow = (w + 2*p - kw) / s + 1;\n"
            "long macs = (long)oh * ow * kh * kw * cin * cout;",
            C,
        ),
        (
            "forward-mults",
            "int oh = (h + 2*p - kh) / s + 1; int ow = (w + 2*p - kw) / s + 1; "
            "long macs = (long)oh * ow * kh * cin * cout;",
            W,
        ),
        (
            "forward-mults",
            "oh <- floor((h + 2*p - kh)/s) + 1\now <- floor((w + 2*p - kw)/s) + 1\n"
            "oh * ow * kh * kw * cin * cout",
            C,
        ),
        # the output's sizes named beside the count: the count graded
        (
            "forward-mults",
            "oh = (h + 2*p - kh)//s + 1\now = (w + 2*p - kw)//s + 1\n"
            "macs = m_h*m_w*k_h*k_w*c_i*c_o  # 乘加次数",
            R,
        ),
        (
            "forward-mults",
            "oh = (h + 2*p - kh)//s + 1\now = (w + 2*p - kw)//s + 1\nmacs = m_h*m_w*k_h*c_i*c_o",
            W,
        ),
    ],
    "an object's axis member, a padding pair's sum, a sliced shape": [
        # Nim's div, the padding's and the stride's members along h
        ("output-height", "result.h = 1 + (input.h + 2*padding.h - kernel.kH) div strides.h", C),
        ("output-height", "result.h = 1 + (input.h - kernel.kH) div strides.h", W),
        ("output-width", "(inp.w + 2*pad.w - ker.w) / stride.w + 1", C),  # pad: per side
        ("output-width", "(inp.w + pad.w - ker.w) / stride.w + 1", W),
        # ONNX-like pads: each axis's (begin, end) pair summed
        ("output-height", "math.floor((h + sum(pads[0]) - kernel_size[0]) / stride[0] + 1)", R),
        ("output-width", "math.floor((w + sum(pads[1]) - kernel_size[1]) / stride[1])", W),
        # a weights' shape (x, w, y), sliced
        (
            "forward-mults",
            "np.prod(y_shape[2:]) * w_shape[0] * w_shape[1] * np.prod(w_shape[2:])",
            R,
        ),
        ("forward-mults", "np.prod(y_shape[2:]) * w_shape[0] * np.prod(w_shape[2:])", W),
        # a shape's batch index: the batch counted
        (
            "forward-mults",
            "x_shape[0] * np.prod(y_shape[1:]) * w_shape[1] * np.prod(w_shape[2:])",
            C,
        ),
    ],
    "a function's head and braces, lines continued": [
        (
            "output-height",
            "int32_t out_size(int input, int filter, int stride, int padding)\n{\n"
            "    return (input - filter + 2 * padding) / stride + 1;\n}",
            C,
        ),
        (
            "output-height",
            "public static int out(int h, int k, int s) { return (h - k) / s + 1; }",
            W,
        ),
        (
            "output-width",
            "function outW(w, k, p, s) {\n  // 输出宽度\n  return Math.floor((w + 2*p - k) / s) + 1;\n}",
            C,
        ),
        ("output-height", "fn out(h: i64, k: i64, s: i64) -> i64 { (h - k) / s + 1 }", W),
        ("output-height", "out_h = (in_h + 2 * pad - k_size)\n    ➥// stride + 1", C),
        ("output-height", "oh = floor((h + 2*p - k) ...\n    / s) + 1;", C),
        ("output-height", "oh = floor((h - k) ...\n    / s) + 1;", W),
    ],
    "statements run in order: several names at once, an accumulator": [
        (
            "forward-mults",
            "n_out, n_in = w_shape[0], w_shape[1]\nkh, kw = w_shape[2], w_shape[3]\n"
            "macs = n_out * n_in * kh * kw * m_h * m_w",
            R,
        ),
        (
            "forward-mults",
            "n_out, n_in = w_shape[0], w_shape[1]\nkh, kw = w_shape[2], w_shape[3]\n"
            "macs = n_out * kh * kw * m_h * m_w",
            W,
        ),
        (
            "forward-mults",
            "# 每个位置的乘法\nper_pos = self.in_channels * self.kernel_size[0] * self.kernel_size[1]\n"
            "stats['macs'] += per_pos * self.out_channels * out.size(2) * out.size(3)",
            R,
        ),
        (
            "forward-mults",
            "per_pos = self.in_channels * self.kernel_size[0]\n"
            "stats['macs'] += per_pos * self.out_channels * m_h * m_w",
            W,
        ),
    ],
    "a value printed, a conversion after it, a one-word comment": [
        ("output-height", 'print(f"out = {(h + 2*p - k) // s + 1}")', C),
        ("output-height", "print((h - k) // s + 1)", W),
        ("output-width", 'printf("%d\\n", (w + 2*p - k) / s + 1);', C),
        ("output-width", "console.log(`${(w - k) / s + 1}`)", W),
        ("output-height", "System.out.println((h + 2*p - k) / s + 1);  // 输出高度", C),
        ("output-height", "let oh = ((h + 2*p - k) as f64 / s as f64).floor() as usize + 1;", C),
        ("output-height", "let oh = ((h - k) as f64 / s as f64).floor() as usize + 1;", W),
        ("output-height", "np.floor((h - k + 2*p)/s).astype(int) + 1", C),
        ("output-height", "oh := (h + 2*p - k)/s + 1 // Go", C),
        ("output-height", "val oh = (h - k)/s + 1 // Kotlin", W),
        ("output-height", "const out = (h, k, p, s) => Math.floor((h + 2*p - k) / s) + 1;", C),
        ("output-height", "const out = (h, k, s) => Math.floor((h - k) / s) + 1;", W),
    ],
    "an index glued to a name: a pair's size, never a product": [
        ("forward-mults", "c_i * c_o * k_h * k_w * out_size[0] * out_size[1]", R),
        ("forward-mults", "c_i * c_o * k_h * k_w * out_size[0] * out_size[0]", W),
        ("forward-mults", "N_mult = prod(kernel_size) * in_ch * out_ch * prod(out_size)", R),
        ("output-width", "(input_size[1] + 2*pad - kernel_size[1]) // stride + 1", C),
        ("output-width", "(input_size[0] + 2*pad - kernel_size[1]) // stride + 1", W),
    ],
    "an index counted from the end, MATLAB's index from 1, a tensor made of a value": [
        ("output-height", "return (x.shape[-2] + 2 * p - k) // s + 1", C),
        (
            "output-width",
            "(x.shape[-1] + 2*padding[-1] - kernel_size[-1]) // stride[-1] + 1",
            C,
        ),
        (
            "output-width",
            "(x.shape[-1] + 2*padding[-2] - kernel_size[-1]) // stride[-1] + 1",
            W,
        ),
        (
            "forward-mults",
            "k_h * k_w * c_i * c_o * output_shape[-2] * output_shape[-1]",
            R,
        ),
        ("output-width", "Wout = floor((Win + 2*padding(2) - kernel(2))/stride(2)) + 1;", C),
        ("output-width", "Wout = floor((Win + 2*padding(1) - kernel(1))/stride(1)) + 1;", W),
        ("output-height", "H_out = torch.floor(torch.tensor((H_in + 2*p - k) / s)) + 1", C),
        ("output-height", "H_out = torch.floor(torch.tensor((H_in - k) / s)) + 1", W),
        # a value added to a list, a size indexed by a loop's variable
        ("output-height", "sizes.push_back((in_size[d] + 2*pad[d] - k[d]) / s[d] + 1);", C),
        ("output-height", "out.append((in_size[i] - kernel[i]) // stride[i] + 1)", W),
        # a run of one case led by f (fsize: C code's)
        ("output-height", "outsize = (in_size - fsize + 2*pad) / stride + 1;", C),
        ("output-height", "outsize = (in_size - fsize) / stride + 1;", W),
    ],
}
ROWS = [(name, *row) for name, rows in CLASSES.items() for row in rows]

# an index whose layout is ambiguous, or a member that means nothing: refused
REFUSED = [
    # x's layout: NCHW puts the height at [2], NHWC the width
    (
        "output-height",
        "(x.shape[2] + 2*conv.padding[0] - conv.weight.shape[2]) // conv.stride[0] + 1",
    ),
    ("output-height", "(h + 2*cfg.zzz - k) // s + 1"),
    # a book symbol indexed: no reading, never m_h times 0
    ("forward-mults", "c_i * c_o * k_h * k_w * m_h[0] * m_w"),
    ("output-width", "(w + 2*padding[-3] - k_w) // s_w + 1"),
]


TABLE = Table("name, question, answer, verdict", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=no_placeholder_if_right, ids=[r[2] for r in ROWS])
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers_and_chinese_comments = classes_test(CLASSES, chinese=4)


@pytest.mark.parametrize("question, answer", REFUSED)
def test_an_ambiguous_layout_or_an_unknown_member_is_refused(question, answer):
    assert check(question, answer, symbolic=False).verdict == N


@pytest.mark.parametrize(
    "chain, read",
    [
        ("module.padding[0]", "padding[0]"),
        ("v.p.value", "p"),
        ("self.conv.weight.shape[2]", "kernel_size[0]"),  # PyTorch's weight (O, I, H, W)
        ("m.weight.size(1)", "in_channels"),
        ('cfg["stride"]', "stride"),
        ("params->stride_height", "stride_height"),
        ("l.pad", "l.pad"),  # darknet's, read by its record
        ("l.stride[0]", "stride[0]"),  # indexed: the pair's
        ("math.floor(x)", "math.floor(x)"),  # a library's function: not a chain
        ("x.view(3)", "x.view(3)"),  # a method called
    ],
)
def test_a_chain_reads_as_its_last_meaningful_name(chain, read):
    text, _ = code(normalize(chain))
    assert text.text.replace("_shape", ".shape") == read or text.text == read


def test_a_sentence_full_stop_is_no_chain():
    text, notes = code(normalize("h - k + 1. Then s is the stride"))
    assert text.text == "h - k + 1. Then s is the stride" and not notes


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize(
    ("answer", "written", "read"),
    [
        ("(h - k_h + p_h + s_h) div s_h", "div", "//"),
        ("(h - k_h + p_h + s_h) `div` s_h", "`div`", "//"),
        ("(h - k_h + p_h + s_h) %/% s_h", "%/%", "//"),
        ("m_h <- (h - k_h + p_h + s_h) %/% s_h", "<-", "="),
        ("m_h := (h - k_h + p_h + s_h) // s_h", ":=", "="),
    ],
)
def test_an_operator_read_as_python_s_is_said_so_not_said_dropped(answer, written, read, lang):
    """Issue 25, s11exam F14: ``… div s_h`` is read as floor division, so its note says
    the operator is read as ``//``; it said "the code around the formula (div) is not part
    of it", a drop that did not happen."""
    from derivations.grading.outcome import grade_answer
    from derivations.messages import text

    result = grade_answer("output-height", answer, lang, "hint", False)
    assert result.verdict == "equivalent", result.feedback
    said = text("reading.note.operator", lang, written=written, read=read)
    dropped = text("reading.note.code", lang, text=written)
    assert said in result.feedback and dropped not in result.feedback, result.feedback
