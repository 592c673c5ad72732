"""Wrong answers the widened reading must never accept (issue 21's first promise: no
wrong answer is ever ``equivalent`` or ``equivalent_under_convention``), written as
classes of students would write them in other notations and forms.  Each row is a
wrong answer of our own, with the verdict it must get (``not_equivalent``, or
``invalid_input`` with the key that says why)."""

import pytest

from derivations.checking import check, feedback

RIGHT = ("equivalent", "equivalent_under_convention")

# (question, answer, verdict, the refusal's key or None)
NEVER_ACCEPTED = [
    # the clause naming the cost says "unchanged" (a factor of 1) or states no factor:
    # the factor another clause states is the change's, never read as the cost's
    ("double-channels", "通道数翻两番，计算量不变", "not_equivalent", None),
    (
        "double-channels",
        "both channels quadruple, the computation is unchanged",
        "not_equivalent",
        None,
    ),
    ("double-channels", "计算量不变", "not_equivalent", None),
    ("double-channels", "通道数翻两番，计算量也随之增加", "invalid_input", None),
    ("double-channels", "the channels quadruple, so the cost grows", "invalid_input", None),
    # a bracket of letters is a factor of the formula, not a remark dropped as words
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (F - K)", "not_equivalent", None),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (W - F)", "not_equivalent", None),
    ("forward-mults", "F^2 D1 K H2 W2 (W - F)", "not_equivalent", None),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (F F)", "not_equivalent", None),
    ("output-height", "(H - F + 2P)/S + 1 (W - F)", "not_equivalent", None),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (G - A)", "invalid_input", None),
    ("compose-size", "k_1 + k_2 - 1 (A - B)", "invalid_input", None),
    ("bias-size", "c_o (Q - G)", "invalid_input", None),
    ("bias-size", "c_o (k - F)", "not_equivalent", None),
    ("forward-adds", "(c_i k_h k_w - 1) c_o m_h m_w (K, F)", "invalid_input", None),
    # a remark stating an operation or a number changes the formula: refused, never dropped
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (doubled)", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (times two)", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (plus bias)", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (squared)", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (half)", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（再乘以2）", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（的两倍）", "invalid_input", "remark_operation"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（除以2）", "invalid_input", "remark_operation"),
    ("forward-adds", "c_o m_h m_w c_i k_h k_w（减一）", "invalid_input", "remark_operation"),
    ("double-channels", "2倍（再乘以2）", "invalid_input", "remark_operation"),
    # a unit word states the unit: bytes said of a count in elements, or the reverse
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w bytes", "not_equivalent", None),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w 字节", "not_equivalent", None),
    ("forward-memory", "bytes: c_i h w + c_o c_i k_h k_w + c_o m_h m_w", "not_equivalent", None),
    (
        "forward-memory",
        "4(c_i h w + c_o c_i k_h k_w + c_o m_h m_w) elements",
        "not_equivalent",
        None,
    ),
    ("forward-memory", "4(c_i h w + c_o c_i k_h k_w + c_o m_h m_w) 个元素", "not_equivalent", None),
    (
        "forward-memory",
        "内存为 4(c_i h w + c_o c_i k_h k_w + c_o m_h m_w) 个元素",
        "not_equivalent",
        None,
    ),
    (
        "forward-memory",
        "memory in elements: 4(W1 H1 D1 + F^2 D1 K + W2 H2 D2)",
        "not_equivalent",
        None,
    ),
    ("backward-memory", "2 c_i h w + 2 c_o c_i k_h k_w + c_o m_h m_w 字节", "not_equivalent", None),
    # (bytes of a parameter count: refused as a unit of memory, s15exam E3's residual)
    ("bias-size", "c_o bytes", "invalid_input", None),
    # FLOPs said of a count no variant counts in FLOPs; a scaled name (GFLOPs) states FLOPs
    # (the multiplications said in FLOPs are right: each is one FLOP, s10exam2 F6)
    ("forward-adds", "c_o c_i k_h k_w m_h m_w FLOPs", "not_equivalent", None),
    ("forward-adds", "浮点运算次数为 c_o c_i k_h k_w m_h m_w", "not_equivalent", None),
    ("forward-ops", "GFLOPs = c_o c_i k_h k_w m_h m_w", "not_equivalent", None),
    ("forward-ops", "MFLOPs: F^2 D1 K H2 W2", "not_equivalent", None),
    # the axes mixed in a one-axis answer whose bare p, s made the kernel square
    ("output-height", "(h - k_w + p)/s + 1", "not_equivalent", None),
    ("output-height", "(h - k_w + p + s)/s", "not_equivalent", None),
    ("output-height", "(H - K_w + 2P)/S + 1", "not_equivalent", None),
    ("output-width", "(W - K_h + 2P)/S + 1", "not_equivalent", None),
    ("output-width", "(w - k_h + p + s)/s", "not_equivalent", None),
    # N_in: the height (a mix-up with K_width) or the width (the width's own formula,
    # s10exam2 F8): wrong either way, so no longer ambiguous
    ("output-height", "(N_in - K_width + 2P)/S + 1", "not_equivalent", None),
    # a notation's per-side padding (PyTorch's padding[0], Caffe's pad_h) counted once
    (
        "output-height",
        "floor((H_in + padding[0] - kernel_size[0])/stride[0] + 1)",
        "not_equivalent",
        None,
    ),
    (
        "output-width",
        "floor((W_in + padding[1] - kernel_size[1])/stride[1]) + 1",
        "not_equivalent",
        None,
    ),
    ("output-height", "(height + pad_h - kernel_h)/stride_h + 1", "not_equivalent", None),
    (
        "forward-mults",
        "c_o c_i kernel_h kernel_w floor((h + pad_h - kernel_h)/stride_h + 1) m_w",
        "not_equivalent",
        None,
    ),
    # a remark that only denies the answer is refused, never dropped as words
    ("double-channels", "2 (wrong)", "invalid_input", "remark_negates"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（不对）", "invalid_input", "remark_negates"),
    # a label naming the result: only the asked axis's size, only when the formula does
    # not write it in that spelling; the formula after it is graded
    ("output-height", "h = (h - k_h + p_h)/s_h + 1", "invalid_input", None),
    ("output-height", "h = (H - k_h + p_h)/s_h", "not_equivalent", None),
    ("output-width", "h = (W - k_w + p_w + s_w)/s_w", "invalid_input", None),
    ("forward-mults", "k_h = c_o c_i k_w m_h m_w", "invalid_input", None),
    # a wrong formula inside a sentence of another language is graded as a formula
    ("forward-mults", "곱셈 수는 c_o c_i k_h k_w 입니다", "not_equivalent", None),
    ("forward-mults", "Die Anzahl der Produkte ist c_o c_i k_h k_w m_h", "not_equivalent", None),
    ("bias-size", "Число смещений равно c_i", "not_equivalent", None),
    ("forward-mults", "積の数は c_i k_h k_w m_h m_w です", "not_equivalent", None),
    # another count of the layer named in the answer is read as that count: an answer
    # that names the asked count says nothing; a chain whose sides disagree is refused
    ("forward-mults", "muls", "invalid_input", None),
    ("forward-adds", "adds = additions - 1", "invalid_input", None),
    ("forward-adds", "adds = muls - c_i c_o m_h m_w", "not_equivalent", None),
    ("forward-adds", "additions = multiplications - c_o", "not_equivalent", None),
    ("forward-ops", "FLOPs = 2 × MACs = 2 c_o c_i k_h k_w m_h", "invalid_input", None),
    ("forward-ops", "MACs + c_o m_h m_w", "not_equivalent", None),
    ("double-channels", "muls", "not_equivalent", None),
    # several formulas: each one that answers the question is graded and they must
    # agree; a definition is put where its name is written (a wrong one makes it wrong)
    ("forward-mults", "c_o c_i k_h k_w m_h m_w; c_o c_i k_h k_w m_h", "invalid_input", None),
    ("forward-mults", "c_o c_i k_h k_w m_h\nc_o c_i k_h k_w m_h m_w", "invalid_input", None),
    (
        "forward-adds",
        "c_o m_h m_w (c_i k_h k_w - 1); c_o m_h m_w c_i k_h k_w",
        "invalid_input",
        None,
    ),
    ("forward-mults", "q = c_i k_w; muls = q k_h m_h c_o", "not_equivalent", None),
    (
        "forward-adds",
        "muls = c_o c_i k_h m_h m_w, adds = c_o m_h m_w (c_i k_h k_w - 1)",
        "invalid_input",
        None,
    ),
    (
        "output-height",
        "height: (h - k_h + p_h + s_h)/s_h, height: (h - k_h)/s_h + 1",
        "invalid_input",
        None,
    ),
    ("forward-mults", "a = b + 1; b = a; muls = a", "invalid_input", "defined_in_itself"),
    (
        "forward-ops",
        "MACs: c_o c_i k_h k_w m_h m_w, FLOPs: c_o c_i k_h k_w m_h m_w",
        "invalid_input",
        None,
    ),
    (
        "forward-ops",
        "MACs: c_o c_i k_h k_w m_h, FLOPs: 2 c_o c_i k_h k_w m_h m_w",
        "invalid_input",
        None,
    ),
    (
        "forward-ops",
        "FLOPs = 2 c_o c_i k_h k_w m_h m_w, MACs = c_o c_i k_h k_w m_h",
        "invalid_input",
        None,
    ),
    (
        "forward-ops",
        "FLOPs = 2 c_o c_i k_h k_w m_h, MACs = c_o c_i k_h k_w m_h m_w",
        "not_equivalent",
        None,
    ),
    ("forward-mults", "x1 = c_o; x1 = c_i; x1 k_h k_w m_h m_w", "invalid_input", "defined_twice"),
    ("bias-size", "n = c_o, n = c_i", "invalid_input", None),
    # a code comment is dropped: the code before it is graded as it computes
    ("forward-mults", "c_o * c_i * k_h * m_h * m_w  # times k_w", "not_equivalent", None),
    ("output-height", "(h - k_h) // s_h + 1  # 出力高さ (padding 0)", "not_equivalent", None),
    # code around the formula (reading/code.py): the code's formula is graded as it
    # computes; % followed by a formula is the modulo (refused), a comment that denies
    # the formula is no comment to drop
    ("forward-mults", "return c_o * c_i * k_h * m_h * m_w;", "not_equivalent", None),
    ("output-height", "#define M_H ((h - k_h)/s_h + 1)  // 按公式计算", "not_equivalent", None),
    ("output-height", "self.m_h = (self.h - self.k_h) // self.s_h + 1", "not_equivalent", None),
    ("output-height", "(h - k_h + p_h + s_h) % s_h", "invalid_input", None),
    ("output-height", "(h - k_h + p_h + s_h) / s_h % s_h", "invalid_input", None),
    ("output-height", "(h - k_h + p_h + s_h) % 步幅", "invalid_input", None),
    # // before what reads (a word naming a quantity) is a division, never a comment
    ("output-height", "(h - k_h + p_h + s_h) // s_h // output height", "invalid_input", None),
    ("output-height", "(h - k_h + p_h + s_h) // s_h  # this is wrong", "invalid_input", None),
    ("output-height", "(h - k_h + p_h + s_h) // s_h  // 这个公式不对", "invalid_input", None),
    ("output-height", "(h - k_h + p_h + s_h) // s_h  % isn't right", "invalid_input", None),
    ("output-height", "return std::ceil((h - k_h + p_h) / s_h) + 1;", "not_equivalent", None),
    # a lead-in that denies the formula after it is refused, never dropped
    ("forward-mults", "乘法次数不是 c_o c_i k_h k_w m_h m_w", "invalid_input", "lead_negates"),
    ("forward-mults", "乘法总数并非 c_o c_i k_h k_w m_h m_w", "invalid_input", "lead_negates"),
    (
        "forward-mults",
        "the count is not computed as c_o c_i k_h k_w m_h m_w",
        "invalid_input",
        None,
    ),
    ("forward-mults", "mults can't be given by c_o c_i k_h k_w m_h m_w", "invalid_input", None),
    ("forward-mults", "the products never are c_o c_i k_h k_w m_h m_w", "invalid_input", None),
    # a lead-in said with a verb, a Chinese label, a rounding in words: the formula graded
    ("forward-mults", "it is calculated by c_o c_i k_h k_w m_h", "not_equivalent", None),
    ("forward-mults", "乘法计算量 c_o c_i k_h k_w m_w", "not_equivalent", None),
    ("output-height", "(h - k_h + p_h) / s_h + 1 向上取整", "not_equivalent", None),
    ("output-height", "(h - k_h + p_h + s_h) / s_h 不向下取整", "invalid_input", None),
    # a remark saying the padding is per side, the formula counting it once
    ("output-height", "(h - k_h + p)/s_h + 1 (per side padding)", "not_equivalent", None),
    ("output-height", "(h - k_h + p_h + s_h)/s_h （每侧填充）", "not_equivalent", None),
    # names read by their parts (reading/names.py): axes swapped, input for output, a
    # count for a size, the previous layer's for the layer's own
    (
        "output-height",
        "(rows_in - kern_cols + pad_rows + step_rows)//step_rows",
        "not_equivalent",
        None,
    ),
    ("output-width", "(x_w - filt_h + 2*pad)//stride + 1", "not_equivalent", None),
    ("output-height", "(yRows + 2*padRows - kernRows)/strideRows + 1", "invalid_input", None),
    (
        "forward-mults",
        "xRows * xCols * nFilt * inDepth * kernRows * kernCols",
        "not_equivalent",
        None,
    ),
    ("forward-mults", "oh * ow * ic * ic * kh * kw", "not_equivalent", None),
    ("bias-size", "n_ch^{[l-1]}", "not_equivalent", None),
    ("bias-size", "卷积核的高", "not_equivalent", None),
    (
        "forward-mults",
        "输入的高*输入的宽*卷积核的个数*输入的通道数*核高*核宽",
        "not_equivalent",
        None,
    ),
    ("output-width", "(s_x - k_x + p_x + w)//w", "not_equivalent", None),
    ("bias-size", "n_feat", "invalid_input", None),
    # a product of the book's letters that is also a name (fastai's ks, CS231n's HH):
    # wrong under both readings, never accepted by either
    ("output-height", "(h + 2*pad - ks)//stride", "not_equivalent", None),
    ("output-height", "(h - HH)//stride + 1", "not_equivalent", None),
    ("forward-mults", "c_i c_o HH WW", "not_equivalent", None),
    # indexed names: a parameter's pair, a shape's index read among its layouts
    ("output-height", "(h + 2*pad - ks[1])//strides[0] + 1", "not_equivalent", None),
    ("forward-mults", "c_i * c_o * k_h * k_w * i_shape[0] * i_shape[1]", "not_equivalent", None),
    ("bias-size", "in_shape[0]", "not_equivalent", None),
    # an author's primed letters (M', N'): inferred by role, never accepted when wrong
    ("forward-mults", "c_i k_h k_w M' N'", "not_equivalent", None),
    # a formula said in words: a wrong one, swapped quantities, a negated or ambiguous
    # sentence are never accepted
    (
        "forward-mults",
        "the product of the output height, the output width, the kernel's height and width "
        "and the input channels",
        "not_equivalent",
        None,
    ),
    ("output-height", "h plus 2p minus k, divided by s", "not_equivalent", None),
    ("output-height", "h plus 2p minus k plus one, divided by s", "not_equivalent", None),
    (
        "output-height",
        "the kernel height plus twice the padding minus the input height, all over the stride, "
        "plus one",
        "not_equivalent",
        None,
    ),
    (
        "forward-mults",
        "the product of the input height and width, the kernel's height and width and the "
        "input and output channels",
        "not_equivalent",
        None,
    ),
    ("bias-size", "the number of input channels", "not_equivalent", None),
    ("forward-mults", "twice the MACs", "invalid_input", None),
    (
        "forward-mults",
        "输入通道数乘以卷积核大小的平方乘以输出高度乘以输出宽度",
        "not_equivalent",
        None,
    ),
    ("output-height", "输入高度加两倍填充减卷积核高度，除以步幅", "not_equivalent", None),
    (
        "forward-mults",
        "乘法次数不是输入通道数乘以输出通道数乘以卷积核大小的平方乘以输出高度乘以输出宽度",
        "invalid_input",
        "lead_negates",
    ),
    (
        "output-height",
        "the output height is not h plus 2p minus k, divided by s, plus one",
        "invalid_input",
        None,
    ),
    (
        "forward-mults",
        "c_i times c_o times k squared times m_h times m_w is wrong",
        "invalid_input",
        None,
    ),
    ("output-height", "h plus 2p minus k over s plus one", "invalid_input", "spoken_ambiguous"),
    ("output-height", "输入高度减卷积核高度加1除以步幅", "invalid_input", "spoken_ambiguous"),
    (
        "forward-mults",
        "the square of k times c_i times c_o times m_h times m_w",
        "invalid_input",
        "spoken_ambiguous",
    ),
    # other libraries' notations (cuDNN/CUTLASS, oneDNN, Deep Learning from Scratch, the
    # Deep Learning Specialization, ONNX, MXNet, PaddlePaddle): wrong in their own terms
    ("forward-mults", "K*C*R*S*P*P", "invalid_input", None),
    ("forward-mults", "K*C*R*S*Q", "invalid_input", None),
    ("forward-ops", "K*C*R*S*P*Q*N*2*2", "invalid_input", None),
    ("output-height", "(IH - KH + PH_L)//SH + 1", "not_equivalent", None),
    ("forward-mults", "IC*KH*KW*OH*OW", "not_equivalent", None),
    ("output-height", "(H + P - FH)//S", "not_equivalent", None),
    ("forward-mults", "C*FH*FW*OH*OW", "invalid_input", None),
    ("output-height", "(n_H_prev - f)//stride + 1", "not_equivalent", None),
    ("output-height", "(H + pads[1] + pads[3] - k_h)//strides[0] + 1", "not_equivalent", None),
    ("output-height", "floor((height+pad[0]-kernel[0])/stride[0])+1", "not_equivalent", None),
    (
        "forward-mults",
        "num_filter*kernel[0]*kernel[1]*out_height*out_width",
        "not_equivalent",
        None,
    ),
    ("output-height", "(H_in + paddings[0] - H_f) // strides[0] + 1", "not_equivalent", None),
    ("output-height", "(l.h + l.pad - l.size) / l.stride + 1", "not_equivalent", None),
    ("forward-mults", "l.size*l.size*l.c * l.out_h*l.out_w", "not_equivalent", None),
    # names spelt as authors spell them, one word of a role: never accepted when wrong
    ("output-height", "(h - kernal_size + PADTOP)//Strid_h + 1", "not_equivalent", None),
    ("output-height", "(inputSize - fieldSize)/stride + 1", "not_equivalent", None),
    ("forward-mults", "channels x k_h x k_w x m_h x m_w", "invalid_input", None),
    ("bias-size", "c_i channels", "not_equivalent", None),  # wrong whatever channels is
    # a quoted formula, a condition, a closing sentence, calls and shapes: wrong ones,
    # swapped quantities, denials are never accepted
    ("output-height", 'I tried "(h - k_h)/s_h + 1" for the output', "not_equivalent", None),
    (
        "output-height",
        'the formula "(h - k_h + 2p_h)/s_h + 1" is wrong',
        "invalid_input",
        "lead_negates",
    ),
    (
        "output-height",
        "If the stride is 1, the output height is h - k_h + 2p_h + 1",
        "not_equivalent",
        None,
    ),
    ("output-height", "当步幅为1时，输出高度为 h - k_h + 2 p_h + 1", "not_equivalent", None),
    (
        "output-height",
        "(h - k_h + 2p_h)/s_h + 1. This is not right.",
        "invalid_input",
        "remark_negates",
    ),
    ("bias-size", "c_o (two per filter)", "invalid_input", "remark_operation"),
    ("bias-size", "b = zeros(c_o, c_i)", "not_equivalent", None),
    ("bias-size", "b = rand(c_o);", "invalid_input", "shape_one_size"),
    ("forward-mults", "x.numel() * c_o * k_h * k_w", "not_equivalent", None),
    (
        "forward-mults",
        "c_o * c_i * prod(kernel_size) * prod(x.shape[2:])",
        "not_equivalent",
        None,
    ),
    ("output-height", "torch.div(h - k, s, rounding_mode='floor') + 1", "not_equivalent", None),
    # what opens an answer, a function's head, a definition or conclusion in words: a
    # wrong formula, swapped quantities, a denial are never accepted
    ("forward-mults", "- c_i k_h k_w m_h m_w", "not_equivalent", None),
    ("output-height", "```\nout_h = (h - k_h)//s_h + 1\n```", "not_equivalent", None),
    ("output-height", "def out(h, k, s): return (h - k)//s + 1", "not_equivalent", None),
    (
        "output-height",
        "(W - F + 2P)/S + 1, where F is the stride and S is the filter size",
        "not_equivalent",
        None,
    ),
    ("output-height", "(W - F + 2P)/S + 1，其中 F 为步幅", "not_equivalent", None),
    ("bias-size", "one bias per input channel, so c_i", "not_equivalent", None),
    ("bias-size", "equal to the number of input channels", "not_equivalent", None),
    ("bias-size", "c_i, one for each filter", "not_equivalent", None),
    ("bias-size", "it is not c_o", "invalid_input", None),
    ("bias-size", "与 c_i 一样", "not_equivalent", None),
    ("bias-size", "输入通道数个", "not_equivalent", None),
    ("forward-ops", "乘法次数的三倍", "not_equivalent", None),
    ("output-height", "m_h = ⎣ (h − k_h) / s_h ⎦ + 1", "not_equivalent", None),
    ("output-height", "ceil(float(h) / float(s_h))", "not_equivalent", None),
    ("output-width", "Later the formula `(w - k_w)/s_w + 1` is used.", "not_equivalent", None),
    ("bias-size", "shouldn't it be in_channels?", "not_equivalent", None),
    ("bias-size", "it shouldn't be out_channels", "invalid_input", None),
    (
        "forward-mults",
        "总次数 = 输出像素数 × 每个像素的乘法次数 = m_h m_w × c_i k_h k_w",
        "not_equivalent",
        None,
    ),
    ("output-width", "Y: ((h - k_h + 2p_h)/s_h + 1, (w - k_w)/s_w + 1)", "not_equivalent", None),
    (
        "output-height",
        "Output, `Y: (h - k_h + p_h + 1, w - Q_w + p_w + 1)`",
        "not_equivalent",
        None,
    ),
]


@pytest.mark.parametrize("question, answer, verdict, key", NEVER_ACCEPTED)
def test_a_wrong_answer_is_never_accepted(question, answer, verdict, key):
    result = check(question, answer)
    assert result.verdict not in RIGHT
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    if key is not None:
        assert result.error["id"] == f"reading.{key}"
        for lang in ("en", "zh"):
            assert feedback(result, lang)


# a sentence that denies, bounds, reverses or questions the factor it names: no factor
HEDGED = [
    "不是4倍",
    "not 4 times",
    "it does not quadruple",
    "4倍以上",
    "less than 4 times",
    "at most 4x",
    "4 times less",
    "four times fewer",
    "减少4倍",
    "变为原来的4倍的一半",
    "The computation quadruples? No: it doubles.",
    "计算量是4倍吗",
]


@pytest.mark.parametrize("answer", HEDGED)
def test_a_hedged_factor_sentence_is_not_read_as_its_number(answer):
    result = check("double-channels", answer)
    assert result.verdict == "invalid_input", (answer, result.verdict)


# (question, answer, verdict): the same forms read right where they are
READ_RIGHT = [
    # a bracket of letters is read as the formula it is (it was dropped as a remark)
    ("output-width", "(W - F)/S + 1", "not_equivalent"),  # the padding left out
    ("output-height", "(H - F + 2P)/S + 1", "equivalent_under_convention"),
    # a remark of words only is still dropped; a restatement after a factor sentence too
    (
        "output-height",
        "⌊(h - k_h + 2p_h)/s_h⌋ + 1 (per side padding)",
        "equivalent_under_convention",
    ),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (no bias)", "equivalent"),
    ("double-channels", "运算量是原来的4倍（也就是多了300%）", "equivalent_under_convention"),
    ("forward-ops", "c_o c_i k_h k_w m_h m_w (multiply-adds)", "equivalent_under_convention"),
    # the unit and counting words that agree with the formula
    (
        "forward-memory",
        "4(c_i h w + c_o c_i k_h k_w + c_o m_h m_w) bytes",
        "equivalent_under_convention",
    ),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w elements", "equivalent"),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w 个元素", "equivalent"),
    ("forward-ops", "GFLOPs = 2 c_o c_i k_h k_w m_h m_w", "equivalent_under_convention"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w MACs", "equivalent"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (per side padding)", "equivalent"),
    ("output-height", "(h - k_h + p_h + s_h)/s_h (total padding)", "equivalent_under_convention"),
    # factor sentences that state their factor plainly
    ("double-channels", "计算量变为原来的4倍", "equivalent_under_convention"),
    (
        "double-channels",
        "if the channels double, the work quadruples",
        "equivalent_under_convention",
    ),
    # the per-side padding counted on both sides
    ("output-height", "(height + 2*pad_h - kernel_h)/stride_h + 1", "equivalent_under_convention"),
    (
        "output-height",
        "floor((H_in + 2*padding[0] - kernel_size[0])/stride[0] + 1)",
        "equivalent_under_convention",
    ),
]


@pytest.mark.parametrize("question, answer, verdict", READ_RIGHT)
def test_the_forms_still_read(question, answer, verdict):
    assert check(question, answer).verdict == verdict
