"""Issue 21 (session ten, s10code): a formula inside a short program, answers of our own
written the way code is pasted (Python with NumPy or PyTorch, comments in English and
Chinese; other letters than the book's), right and wrong, through ``check`` and
``grade``.  Each class is a general mechanism, not one answer's pattern:

* a parameter looked up under its own name (``stride = conv_param['stride']``, ``pad =
  self.pad``) is that parameter, never a definition in terms of itself
  (:mod:`derivations.checking.reading.statements`); looked up under another one's name
  (``stride = conv_param['pad']``) it is that one;
* NumPy's integer conversions (``np.int(…)``, ``np.int_(…)``, ``np.int64(…)``) are the
  integer part, as ``int(…)`` is, and a tensor made of a shape (``np.zeros((N, F, …,
  …))``, ``torch.empty((…))``) is that shape: its two computed sizes are the pair, the
  names beside them (the batch, the filters' count F) not sizes along the axes
  (:func:`derivations.checking.reading.code.unwrapped`);
* a layer's size given a new value from its own before the formula (``H += 2 * pad``,
  ``H = H + 2 * pad``) is read in order: the padded height from then on, never a sum
  from zero (:func:`derivations.checking.reading.second_look.in_order_first`); a name
  that is no layer's size (``acc = acc + …``) has no value to start from: refused;
* a C or C++ struct's fields (``layer->pad``, ``conv.stride``) are the parameters, a
  tensor's sizes (``in->sizes[2]``, ``t.dims[2]``) its shape indexed, and a name given one
  of them (``const int KH = w->sizes[2];``) is read by its own letters only where they
  name the size that index holds in the tensor's first layout (NCHW, OIHW), or in one
  layout the shape's other names fit too; else by the index (refused where the layouts
  disagree); such a declaration is never dropped as prose around the formula
  (:func:`derivations.checking.reading.code.holds_formula`);
* branches (Python's ``if``/``elif``/``else``, Lua's ``then``/``else``/``end``, the braces
  of C and R): each path through them run in order, the answer graded where every path
  gives the same value, not_equivalent where every one is wrong, else refused, naming
  the conditions (:mod:`derivations.checking.reading.branches`); never graded on the
  branch assigned last;
* a count added to as the answer's one statement (``flops += …``, ``stats["flops"] += …``)
  is named as it is (FLOPs stated by the name, as ``flops = …`` is), and a comment that
  says what it counts (``# MACs``, ``# 乘加次数``, ``# multiply-adds``) states the counting
  over the name;
* a function's name states its counting (``def flops(…)``) in every head a definition
  is read by (:func:`derivations.checking.reading.code.function_named`, the heads
  ``calls_defined`` knows): an arrow function assigned (``const flops = (…) =>``), Kotlin's
  expression body (``fun flops(…) = …``), a C-like head;
* a name added to is summed from zero only where the question asks a count (``macs +=
  …``: the sum is the count) or the code gives it its start (``out_h = 0`` then ``out_h
  += …``); a size or a ratio added to with no start shown (``out_h += …``, C's ``int
  oh;`` then ``oh += …``) is refused, naming the name (``checker.reason.unstarted``);
* a name of an axis's letter and the other axis's word (``W_height``: an image or a
  matrix named W) is a quantity of the word's axis, inferred by role
  (:func:`derivations.checking.reading.names.compose`), never W's decorated reading
  (the width's, with a height: nothing).
"""

import pytest

from derivations.checking import check, feedback
from tests.checking.rows import Table, classes_test, no_placeholder_if_right

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

CLASSES = {
    "parameters looked up under their own names, shapes unpacked before the formula": [
        (
            "output-height",
            "stride = params['stride']\npadding = params['padding']\n"
            "B, C_in, H_in, W_in = inp.shape\nO, I, KH, KW = kernel.shape\n"
            "h_out = (H_in + 2 * padding - KH) // stride + 1",
            C,
        ),
        # the width computed with the kernel's height
        (
            "output-width",
            "stride = params['stride']\npadding = params['padding']\n"
            "B, C_in, H_in, W_in = inp.shape\nO, I, KH, KW = kernel.shape\n"
            "w_out = (W_in + 2 * padding - KH) // stride + 1",
            W,
        ),
        (
            "output-width",
            "s = cfg.stride  # 步幅\np = cfg.pad  # 每边填充\nn, c, h, w = x.shape\n"
            "w_o = (w + 2 * p - k_w) // s + 1",
            C,
        ),
        (
            "output-height",
            "stride = self.stride\npad = self.pad\nh_o = (H + 2 * pad - HH) // stride + 1",
            C,
        ),
        # a parameter looked up under another one's name is that one
        (
            "output-height",
            "stride = conv_param['pad']\npad = conv_param['pad']\n"
            "h_o = (H + 2 * pad - HH) // stride + 1",
            W,
        ),
        ("output-height", 'stride = conf["stride"]\nh_o = (H - HH) // stride + 1  # 没有填充', W),
    ],
    "a NumPy or PyTorch call around the size": [
        ("output-height", "out_h = np.int((H + 2 * P - KH) / S) + 1", C),
        ("output-height", "out_h = np.int((H + 2 * P - KH) / S)", W),
        ("output-width", "ow = 1 + np.int_((W + 2 * pad - KW) / stride)  # 输出宽度", C),
        ("output-width", "ow = 1 + np.int64((W - KW) / stride)", W),
        ("output-width", "ow = np.floor((w - k_w + p_w) / s_w) + 1", R),
        (
            "output-height",
            "y = np.zeros((B, K, 1 + (H + 2 * P - R) // S, 1 + (W + 2 * P - R) // S))",
            C,
        ),
        (
            "output-height",
            "y = torch.empty((batch, c_out, (h - k_h + 1) // s_h, (w - k_w + 1) // s_w))",
            W,
        ),
        (
            "output-width",
            "res = np.ones((n, (h + p_h - k_h) // s_h + 1, (w + p_w - k_w) // s_w + 1, c_o))"
            "  # 输出, NHWC",
            R,
        ),
        # the pair written width first: no height at its place, refused, never accepted
        (
            "output-height",
            "y = np.zeros((B, K, 1 + (W + 2 * P - R) // S, 1 + (H + 2 * P - R) // S))",
            N,
        ),
    ],
    "a size changed in place before the formula, read in order": [
        ("output-height", "H += 2 * pad\nout_h = (H - HH) // stride + 1", C),
        ("output-height", "H += 2 * pad\nout_h = (H + 2 * pad - HH) // stride + 1", W),
        (
            "output-height",
            "H = H + 2 * pad  # 填充后的高度\nW = W + 2 * pad\nout_h = (W - HH) // stride + 1",
            W,
        ),
        ("output-width", "W = W + 2 * pad  # 填充后的宽度\nout_w = (W - WW) // stride + 1", C),
        ("output-width", "w += p_w\nw -= k_w\nm_w = w // s_w + 1", R),
        ("output-width", "w -= k_w\nw += p_w\nw += s_w\nm_w = w // s_w", R),
        ("output-width", "w -= k_w\nm_w = (w + p_w) // s_w", W),
        # an accumulator from nothing is no layer's size: refused
        ("output-height", "acc = acc + 2 * pad\nout_h = (H + acc - HH) // stride + 1", N),
    ],
    "C and C++ declarations: a struct's fields, a tensor's sizes, comments after": [
        (
            "output-height",
            "const int KH = layer->weight->sizes[2];\nconst int KW = layer->weight->sizes[3];\n"
            "const int B = in->sizes[0];\nconst int IH = in->sizes[2];\n"
            "const int OH = (IH + 2 * layer->pad - KH) / layer->stride + 1;  // output rows",
            C,
        ),
        # the height computed with the kernel's width, named KH: read as the index is (was
        # accepted: the declaration dropped as prose, KH read by its letters)
        (
            "output-height",
            "const int KH = layer->weight->sizes[3];\n"
            "const int OH = (IH + 2 * layer->pad - KH) / layer->stride + 1;",
            W,
        ),
        (
            "output-width",
            "int kw = conv.w->sizes[3];  // 卷积核宽度\nint iw = x->sizes[3];\n"
            "int ow = 1 + (int)((iw + 2 * conv.pad - kw) / conv.stride);  // 输出宽度",
            C,
        ),
        (
            "output-width",
            "int kw = conv.w->sizes[3];  // 卷积核宽度\nint iw = x->sizes[3];\n"
            "int ow = 1 + (int)((iw - kw) / conv.stride);  // 输出宽度, 无填充",
            W,
        ),
        (
            "output-height",
            "auto H = in.dims[2];\nauto OH = (H + 2 * p.pad - KH) / p.stride + 1; // rows of the output",
            C,
        ),
        (
            "output-height",
            "auto H = in.dims[3];\nauto OH = (H + 2 * p.pad - KH) / p.stride + 1; // rows of the output",
            W,
        ),
        # a name alone is trusted in the tensor's first layout (NCHW: index 2 the height)
        ("output-height", "H = x.size()[2]\nout_h = (H + 2 * pad - KH) // stride + 1", C),
        # ... else the index is read: CHW's width or NCHW's height, refused as ambiguous
        ("output-width", "W = x.size()[2]\nout_w = (W + 2 * pad - KW) // stride + 1", N),
        ("output-height", "out_h = (x.size()[2] + 2 * pad - KH) // stride + 1", N),
        (
            "output-width",
            "int kw = conv.w->sizes[2];\nint ow = (iw + 2 * conv.pad - kw) / conv.stride + 1;",
            N,
        ),
        # two names of one shape: read where they fit one layout together (CHW, NHWC) ...
        (
            "output-width",
            "int ih = x->sizes[1];\nint iw = x->sizes[2];\nint ow = (iw + 2 * pad - kw) / stride + 1;",
            C,
        ),
        # ... never where they fit none
        (
            "output-width",
            "int ih = x->sizes[1];\nint iw = x->sizes[3];\nint ow = (iw + 2 * pad - kw) / stride + 1;",
            N,
        ),
    ],
    "branches: graded where every path agrees, refused where they disagree": [
        # a wrong path whose formula alone answers another quantity (m_h*m_w, the output
        # positions), and two wrong paths whose product is right: neither ever accepted
        (
            "forward-mults",
            "if groups == 1:\n    n = c_o*c_i*k_h*k_w*m_h*m_w\nelse:\n    n = (m_h)*m_w",
            N,
        ),
        (
            "forward-mults",
            "if bias:\n    muls = c_i*c_o*k_h*k_w\nelse:\n    muls = m_h*m_w  # 输出位置",
            W,
        ),
        ("forward-mults", "if (p > 0) {\n  n = c_o*c_i*k_h*k_w;\n} else {\n  n = m_h*m_w;\n}", W),
        # Python: the first branch wrong, the last right (graded on the last alone and
        # accepted before branches were read), or right only under its condition
        (
            "output-height",
            "if pad > 0:\n    out_h = (H - KH) // S + 1\nelse:\n    out_h = (H + 2 * pad - KH) // S + 1",
            N,
        ),
        (
            "output-height",
            "if s > 1:\n    oh = h - k_h + 1  # 步幅大于一\nelse:\n    oh = (h - k_h + p_h + s_h) // s_h",
            N,
        ),
        (
            "output-height",
            "if mode == 'a':\n    out_h = (H + 2 * pad - KH) // S + 1\nelse:\n    out_h = 1 + (H + 2 * pad - KH) // S",
            C,
        ),
        (
            "output-width",
            "if p_w:\n    t = w + p_w  # 填充后的宽度\nelse:\n    t = w + p_w\nm_w = (t - k_w) // s_w + 1",
            R,
        ),
        (
            "output-width",
            "if padding == 'same':\n    ow = ceil(W / S)\nelse:\n    ow = (W - KW) // S + 1",
            W,
        ),
        (
            "output-height",
            "if pad > 0 then\n  local outH = math.floor((H + 2*pad - kH) / dH) + 1\nelse\n  local outH = math.floor((H + 2*pad - kH) / dH) + 1\nend",
            C,
        ),
        (
            "output-height",
            "if pad > 0 then\n  outH = math.floor((H - kH) / dH) + 1\nelse\n  outH = math.floor((H + 2*pad - kH) / dH) + 1\nend",
            N,
        ),
        (
            "output-width",
            "if (pad > 0) {\n  ow <- (W + 2*pad - kW) %/% S + 1\n} else {\n  ow <- (W + 2*pad - kW) %/% S + 1\n}",
            C,
        ),
        (
            "output-width",
            "if (pad > 0) {\n  ow <- (W + 2*pad - kW) %/% S + 1\n} else {\n  ow <- (W - kW) %/% S + 1\n}",
            N,
        ),
        (
            "output-height",
            "if (p > 0) {\n    return (h + 2*p - kh) / sh + 1;  // 有填充\n} else {\n    return (h + 2*p - kh) / sh + 1;\n}",
            C,
        ),
        (
            "output-height",
            "if (p > 0) {\n    return h / sh;\n}\nelse {\n    return (h - kh) / sh;\n}",
            W,
        ),
    ],
    "a count named flops or macs, added to, its comment saying what it counts": [
        # each row's verdict needs a26f263's rule it names (each was another verdict
        # without it); a name added to (+=) was read as a chain whose side "flops +" was
        # skipped: its counting lost, a count named for the other counting accepted
        ("forward-ops", "flops += k_h * k_w * c_i * c_o * m_h * m_w", W),
        ("forward-ops", "macs += 2 * c_i * c_o * k_h * k_w * m_h * m_w", W),
        # a dict key naming a count is that name (was stats_flops: no counting said)
        ("forward-ops", 'stats["flops"] += kh * kw * cin * cout * oh * ow', W),
        ("forward-ops", 'stats["macs"] = 2 * kh * kw * cin * cout * oh * ow', W),
        # a comment saying what the count counts, over the name's counting
        ("forward-ops", "flops = c_i * c_o * k_h * k_w * m_h * m_w  # MACs", C),
        ("forward-ops", "flops = c_i * c_o * k_h * k_w * m_h * m_w  # 乘加次数", C),
        ("forward-ops", "flops = 2 * c_i * c_o * k_h * k_w * m_h * m_w  # multiply-adds", W),
        ("forward-ops", "macs = 2 * c_i * c_o * k_h * k_w * m_h * m_w  # 浮点运算次数", C),
        ("forward-ops", "macs = c_i * c_o * k_h * k_w * m_h * m_w  # 浮点运算次数", W),
    ],
    "a function named for its count, in every head a definition is read by": [
        # an arrow function assigned, Kotlin's expression body: their heads are the ones
        # calls_defined knows, and the name states the counting as def flops(…) does (a
        # multiply-accumulate count named flops was accepted through both)
        (
            "forward-ops",
            "const flops = (ci, co, kh, kw, oh, ow) => ci * co * kh * kw * oh * ow;",
            W,
        ),
        (
            "forward-ops",
            "const macs = (ci, co, kh, kw, oh, ow) => ci * co * kh * kw * oh * ow;  // 乘加次数",
            C,
        ),
        (
            "forward-ops",
            "let flops = (ci, co, kh, kw, oh, ow) => 2 * ci * co * kh * kw * oh * ow;",
            C,
        ),
        (
            "forward-ops",
            "private fun flops(ci: Long, co: Long, kh: Long, kw: Long, oh: Long, ow: Long)"
            " = ci * co * kh * kw * oh * ow",
            W,
        ),
        (
            "forward-ops",
            "fun macs(ci: Long, co: Long, kh: Long, kw: Long, oh: Long, ow: Long)"
            " = ci * co * kh * kw * oh * ow",
            C,
        ),
    ],
    "a name added to: from zero where the code starts it there or the sum is the count": [
        # the output height added to, its start never given: it was read from zero
        ("output-height", "out_h += (h - k_h + p_h + s_h) // s_h", N),
        ("output-height", "OH += (H + 2*P - KH) // S + 1  # 输出高度", N),
        ("output-width", "ow += Math.floor((w - kw + pw) / sw) + 1;", N),
        ("output-height", "int oh;\noh += (h - kh + ph) / sh + 1;  // 输出的高", N),
        ("output-height", "h_out += (h - k_h + p_h) // s_h\nh_out += 1", N),
        ("output-height", "out_h = 1\nout_h += (h - k_h + p_h) // s_h + 1", W),
        ("forward-mults", "mults = 1\nmults += c_i * c_o * k_h * k_w * m_h * m_w", W),
        ("output-height", "out_h = 0\nout_h += (h - k_h + p_h) // s_h + 1", R),
        ("output-width", "let ow = 0;\now += Math.floor((w - kw + pw) / sw) + 1;", R),
        ("output-height", "int oh = 1;\noh += (h - kh + ph) / sh;  // 从 1 开始", C),
        ("output-height", "H += p_h\nout_h = (H - k_h) // s_h + 1", R),
        ("forward-mults", "macs += c_i * c_o * k_h * k_w * m_h * m_w  # 乘加次数", R),
        ("forward-mults", "mults = 0\nmults += c_i * c_o * k_h * k_w * m_h * m_w", R),
    ],
    "an object named by an axis's letter, its other axis in a word (W_height)": [
        # MATLAB: W the image, its height and width; inferred among that axis's sizes
        ("output-height", "dim_height = floor((W_height - K_h + 2 * P) / S + 1);  % 输出高度", C),
        ("output-height", "dim_height = floor((W_height - K_h) / S + 1);", W),
        ("output-height", "oh = (I_height + 2 * P - W_height) // S + 1  # W the weights", C),
        ("output-width", "dim_width = floor((H_width - K_w + 2 * P) / S + 1);", C),
        # the height where the width is asked: no reading of it matches, refused
        ("output-width", "dim_width = floor((W_height - K_w + 2 * P) / S + 1);", N),
    ],
}
ROWS = [(name, *row) for name, rows in CLASSES.items() for row in rows]

TABLE = Table("name, question, answer, verdict", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=no_placeholder_if_right, ids=[r[2] for r in ROWS])
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers_and_chinese_comments = classes_test(CLASSES, chinese=4)


@pytest.mark.parametrize(
    "lang, said", [("en", "branches (pad > 0; else)"), ("zh", "分支（pad > 0；else）")]
)
@pytest.mark.parametrize(
    "answer",
    [
        "if pad > 0:\n    out_h = (H - KH) // S + 1\nelse:\n    out_h = (H + 2 * pad - KH) // S + 1",
        # C's braces, else on a line of its own, a Chinese comment (refused before
        # c61675e too, as an unknown word: the reason is what says the branches were read)
        "if (pad > 0) {\n    return (h + 2*pad - kh) / sh + 1;\n}\n"
        "else {\n    return (h - kh) / sh;  // 没有填充\n}",
    ],
)
def test_branches_that_disagree_are_refused_naming_their_conditions(answer, lang, said):
    result = check("output-height", answer, symbolic=False)
    assert result.error["id"] == "checker.reason.branches_disagree", result.error
    assert said in feedback(result, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "question, answer, name",
    [
        ("output-height", "out_h += (h - k_h + p_h) // s_h + 1", "out_h"),
        ("output-width", "let ow;\now += Math.floor((w - kw + pw) / sw) + 1;", "ow"),
        ("compose-size", "k += k_1 + k_2 - 1", "k"),
    ],
)
def test_a_size_added_to_from_no_start_is_refused_naming_it(question, answer, name, lang):
    result = check(question, answer, symbolic=False)
    assert result.error["id"] == "checker.reason.unstarted", result.error
    assert f"{name} += " in feedback(result, lang)


@pytest.mark.parametrize("lang, said", [("en", "(pad > 0; else)"), ("zh", "（pad > 0；else）")])
def test_the_branches_note_joins_their_conditions_in_the_languages_punctuation(lang, said):
    answer = "if pad > 0:\n    out_h = (H + 2*pad - KH) // S + 1\nelse:\n    out_h = (H + 2*pad - KH) // S + 1"
    assert said in feedback(check("output-height", answer, symbolic=False), lang)


def test_a_chain_with_no_else_and_nothing_around_it_counts_only_its_branches():
    answer = (
        "if p > 0:\n    out = (H - KH) // S + 1\nelif p == 0:\n    out = (H + 2*p - KH) // S + 1"
    )
    result = check("output-height", answer, symbolic=False)
    assert result.error["fields"] == {"conditions": "p > 0\np == 0", "count": "2"}, result.error


@pytest.mark.parametrize(
    "answer",
    [
        "(c_o*c_i*k_h*k_w); (m_h*m_w)",
        "n = (c_i*c_o*k_h*k_w); (m_w*m_h)",
        "(c_o*c_i); (k_h*k_w*m_h*m_w)",
    ],
)
def test_two_bracketed_formulas_after_a_semicolon_are_never_their_product(answer):
    # a bracket after a ``;`` is a remark only when it holds no formula (``; (结果向下取整)``)
    assert check("forward-mults", answer, symbolic=False).verdict not in (
        "equivalent",
        "equivalent_under_convention",
    )
