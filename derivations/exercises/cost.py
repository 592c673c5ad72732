"""zh 2 / en 2: forward cost, memory, backward memory and backward cost of one layer.

Every formula is a closed form from :mod:`derivations.closed_forms` in the section's
setting (one example, no dilation, no groups); every derivation step is checked equal
to it by SymPy; every number is checked against the instrumented convolution.
"""

from __future__ import annotations

import sympy as sp

from derivations.registry.forms import Form, op_form
from derivations.closed_forms import forms, m_h, m_w, window_cover
from derivations.model import c_i, c_o, k_h, k_w, p_h, p_w, s_h, s_w
from derivations.scenarios import BOOK, book_form
from derivations.exercises.document import (
    CheckFailed, Exercise, exercise, heading, math, mistakes, paragraph, result, table, text)
from derivations.exercises.instances import BOOK_EXAMPLE, REALISTIC, executed, value
from derivations.exercises.notation import lines, num, rows, tex

__all__ = ["build"]

M_FWD, A_FWD = r"M_{\mathrm{fwd}}", r"A_{\mathrm{fwd}}"
REALISTIC_BIAS = REALISTIC.replace(bias=True)


def compact(key: str, convention: str = "total", bias: bool = False) -> sp.Expr:
    """A closed form in the section's setting, written with ``m_h, m_w``."""
    return forms(convention, bias)[key].compact.xreplace(BOOK)


def same(step: sp.Expr, key: str, bias: bool = False) -> str:
    """LaTeX of a derivation step, once SymPy confirms it equals the closed form."""
    if sp.expand(step - compact(key, bias=bias)) != 0:
        raise CheckFailed(f"derivation step {step} is not the closed form {key}")
    return tex(step)


def row(label: dict, key: str, layer) -> list:
    """A table row: label, closed-form value, executed value (checked equal)."""
    return [label, f"${num(value(key, layer))}$", f"${num(executed(layer)[key])}$"]


HEADER = [text(en="Quantity", zh="量"), text(en="Closed form", zh="闭式解"),
          text(en="Executed", zh="实际执行")]


def build() -> Exercise:
    return exercise("cost", statement=text(
            # d2l.ai (en), exercise 2, verbatim but for the book's upright subscripts
            # (c_\textrm{i} printed as c_i, as everywhere on these sheets) and its
            # sub-list run inline as (1)-(4); likewise the zh sub-list
            en="Assume an input of shape $c_i\\times h\\times w$ and a convolution kernel of "
            "shape $c_o\\times c_i\\times k_h\\times k_w$, padding of $(p_h, p_w)$, and stride "
            "of $(s_h, s_w)$. (1) What is the computational cost (multiplications and "
            "additions) for the forward propagation? (2) What is the memory footprint? "
            "(3) What is the memory footprint for the backward computation? (4) What is the "
            "computational cost for the backpropagation?",
            # zh.d2l.ai 6.4, 练习 2, verbatim
            zh="假设输入为 $c_i\\times h\\times w$，卷积核大小为 $c_o\\times c_i\\times k_h\\times k_w$，"
            "填充为 $(p_h, p_w)$，步幅为 $(s_h, s_w)$。（1）正向传播的计算成本（乘法和加法）是多少？"
            "（2）内存占用是多少？（3）反向传播的内存占用是多少？（4）反向传播的计算成本是多少？"),
        blocks=[*conventions(), *output_size(), *forward(), *book_example(),
                *padding_conventions(), *memory(), *backward_memory(), *backward_cost(),
                *common_mistakes()])


# The sentence of 6.3 (zh.d2l.ai; d2l.ai's older editions say the same) that defines the
# notation "padding (p_h, p_w)" the exercise uses: per side.
DEFINITION = text(
    en="\"For the sake of brevity, when the padding number on both sides of the input height "
    "and width are $p_h$ and $p_w$ respectively, we call the padding $(p_h, p_w)$.\"",
    zh="“当输入高度和宽度两侧的填充数量分别为 $p_h$ 和 $p_w$ 时，我们称之为填充 $(p_h,p_w)$。”")


def conventions() -> list:
    return [heading(text(en="Conventions", zh="约定")), paragraph(text(
        en="One example (batch 1), no dilation, no groups, as in the section. Exact counting: a "
        "sum of $t$ terms costs $t-1$ additions; with a bias the sum starts from the bias, "
        "one more addition per output element. A MAC is one multiply-accumulate per "
        "product; FLOPs $= 2\\times$ MACs (the convention of `torch.utils.flop_counter`, "
        "bias ignored). Products with padding zeros count: frameworks materialize the "
        "padding. Memory is counted in elements; bytes are elements times the size of the "
        "data type (4 for float32).",
        zh="与本节一致：单个样本（批量 1），无空洞，无分组。精确计数：$t$ 项求和需要 $t-1$ 次加法；"
        "有偏置时求和从偏置开始，每个输出元素多一次加法。MAC 指每个乘积一次乘加；"
        "FLOPs $= 2\\times$ MACs（`torch.utils.flop_counter` 的约定，不计偏置）。"
        "与填充零相乘的运算也计入：框架会真正构造出填充。内存以元素个数计；"
        "字节数等于元素个数乘以数据类型的大小（float32 为 4）。"))]


def output_size() -> list:
    total, per_side = (book_form(Form.OUTPUT_HEIGHT, c) for c in ("total", "per-side"))
    return [
        heading(text(en="What \"padding $(p_h, p_w)$\" means: two readings",
                     zh="题中“填充 $(p_h, p_w)$”的两种读法")),
        paragraph(text(
            en="The book is ambiguous here. The output-size formula of the section \"Padding "
            f"and Stride\" (zh.d2l.ai 6.3), ${tex(total)}$, counts $p_h$ rows in all. "
            "But the same section defines the notation the exercise uses per side: "
            f"{DEFINITION['en']} By that definition the exercise's $(p_h, p_w)$ is padding per "
            "side ($2p_h$ rows in all), as in the book's code (`padding=1` pads one row on "
            "each side) and PyTorch's `padding=p_h`. Both readings are answered side by side. "
            "Every closed form below is written with the output size $m_h\\times m_w$ and holds "
            "for both: only $m_h$, $m_w$ differ. Where a number needs a padding, the sheet, "
            "like the tool (`--padding-convention total` is its default), uses the total "
            "reading and says so.",
            zh="按 6.3 节（填充和步幅）的定义，题中的“填充 $(p_h, p_w)$”是每侧填充："
            f"{DEFINITION['zh']}所以本题应读作上下各填充 $p_h$ 行、左右各填充 $p_w$ 列（共 $2p_h$ 行、"
            "$2p_w$ 列），与书中代码（`padding=1` 每侧填充 1 行）和 PyTorch 的 `padding=p_h` 一致，"
            f"输出高度为 $m_h = {tex(per_side)}$。书在这里有歧义："
            f"6.3 节的输出形状公式 ${tex(total)}$ 中的 $p_h$ 是总共填充的"
            "行数。两种读法并列给出。下面的闭式解都用输出大小 $m_h\\times m_w$ 写出，对两种读法都成立，"
            "只是 $m_h$、$m_w$ 不同。需要具体填充数值时，本文与工具一致（`--padding-convention` "
            "默认为 `total`）采用总填充的读法，并逐处注明。")),
        result(text(en="Output height, padding per side (6.3's definition of padding "
                    "$(p_h, p_w)$; PyTorch's padding=p_h)",
                    zh="输出高度，每侧填充（6.3 节对“填充 $(p_h, p_w)$”的定义；PyTorch 的 padding=p_h）"),
               f"m_h = {tex(per_side)}"),
        result(text(en="Output height, total padding (6.3's formula; the tool's default)",
                    zh="输出高度，总填充（6.3 节的公式；本工具的默认约定）"),
               f"m_h = {tex(total)}"),
        paragraph(text(en="The width $m_w$ is the same with $w, k_w, p_w, s_w$. Per-side "
                       "$p_h$ is total $2p_h$.",
                       zh="宽度 $m_w$ 同理，换成 $w, k_w, p_w, s_w$。每侧填充 $p_h$ 即总填充 $2p_h$。")),
    ]


def forward() -> list:
    outputs, terms = c_o * m_h * m_w, c_i * k_h * k_w
    return [
        heading(text(en="Forward propagation", zh="前向传播")),
        paragraph(text(
            en="Each of the $c_o m_h m_w$ output elements is a sum of $c_i k_h k_w$ products, one "
            "per input channel and kernel position. The sum of $t$ terms costs $t-1$ "
            "additions; a bias adds one more.",
            zh="$c_o m_h m_w$ 个输出元素中的每一个都是 $c_i k_h k_w$ 个乘积之和（每个输入通道、"
            "每个卷积核位置一个）。$t$ 项之和需要 $t-1$ 次加法；偏置再加一次。")),
        math(lines(M_FWD, f"{tex(outputs)} \\cdot {tex(terms)}",
                   same(outputs * terms, Form.FORWARD_MULTS))),
        math(lines(A_FWD, f"{tex(outputs)} \\cdot ({tex(terms)} - 1)",
                   same(outputs * (terms - 1), Form.FORWARD_ADDS))),
        result(text(en="Forward multiplications (= MACs)", zh="前向乘法次数（= MACs）"),
               f"{M_FWD} = {tex(compact(Form.FORWARD_MULTS))}"),
        result(text(en="Forward additions, no bias", zh="前向加法次数，无偏置"),
               f"{A_FWD} = {tex(compact(Form.FORWARD_ADDS))}"),
        result(text(en="Forward additions, with bias", zh="前向加法次数，有偏置"),
               f"{A_FWD} = {same(outputs * terms, Form.FORWARD_ADDS, bias=True)}"),
        paragraph(text(
            en="Multiplications plus additions: $c_o m_h m_w(2c_i k_h k_w - 1)$ without bias, "
            "$2 c_i c_o k_h k_w m_h m_w$ with bias, which is exactly the FLOP count "
            "$2\\times$ MACs.",
            zh="乘法加法合计：无偏置为 $c_o m_h m_w(2c_i k_h k_w - 1)$，有偏置为 "
            "$2 c_i c_o k_h k_w m_h m_w$，恰好等于 FLOPs $= 2\\times$ MACs。")),
    ]


def book_example() -> list:
    book, unpadded = BOOK_EXAMPLE, BOOK_EXAMPLE.replace(p_h=0, p_w=0)
    biased = book.replace(bias=True)
    gap = sp.expand(compact(Form.FORWARD_FLOPS) - compact(Form.FORWARD_OPS))
    gap_value = value(Form.FORWARD_FLOPS, book) - value(Form.FORWARD_OPS, book)
    return [
        heading(text(en="The book's example: over 53 billion operations",
                     zh="书中的例子：超过 530 亿次运算")),
        paragraph(text(
            en="The section ends with a $256\\times 256$ image, a $5\\times 5$ kernel and 128 input "
            "and output channels: \"over 53 billion operations (we count multiplications and "
            "additions separately)\". The output stays $256\\times 256$ only with padding "
            "$p_h = p_w = 4$ in total (2 per side); without padding it is $252\\times 252$.",
            zh="英文版本节末尾举例：$256\\times 256$ 的图像、$5\\times 5$ 卷积核、输入输出各 128 个通道，"
            "“超过 530 亿次运算（乘法和加法分开计数）”。输出保持 $256\\times 256$ 需要总填充 "
            "$p_h = p_w = 4$（每侧 2）；不填充时输出为 $252\\times 252$。")),
        table(HEADER, [
            row(text(en="multiplications = MACs", zh="乘法次数 = MACs"), Form.FORWARD_MULTS, book),
            row(text(en="additions, no bias", zh="加法次数，无偏置"), Form.FORWARD_ADDS, book),
            row(text(en="additions, with bias", zh="加法次数，有偏置"), Form.FORWARD_ADDS, biased),
            row(text(en="mult. + add., no bias", zh="乘法 + 加法，无偏置"), Form.FORWARD_OPS, book),
            row(text(en="mult. + add., with bias", zh="乘法 + 加法，有偏置"), Form.FORWARD_OPS, biased),
            row(text(en="FLOPs $= 2\\times$ MACs", zh="FLOPs $= 2\\times$ MACs"), Form.FORWARD_FLOPS,
                book),
            row(text(en="FLOPs, no padding ($252\\times 252$)", zh="FLOPs，不填充（$252\\times 252$）"),
                Form.FORWARD_FLOPS, unpadded),
        ]),
        paragraph(text(
            en=f"The book's figure is FLOPs $= 2\\times$ MACs. Exact counting without bias gives "
            f"$c_o m_h m_w$ fewer operations (one addition fewer per output element): "
            f"${tex(gap)} = {num(gap_value)}$. With bias the exact count equals the FLOPs. "
            f"Without padding the count drops below 53 billion.",
            zh=f"书中的数字是 FLOPs $= 2\\times$ MACs。无偏置的精确计数少 $c_o m_h m_w$ 次"
            f"（每个输出元素少一次加法）：${tex(gap)} = {num(gap_value)}$。有偏置时精确计数等于 FLOPs。"
            f"不填充时运算次数低于 530 亿。")),
    ]


def padding_conventions() -> list:
    layers = [
        (text(en="total", zh="总填充"), REALISTIC),
        (text(en="per side", zh="每侧"), REALISTIC.replace(p_h=1, p_w=1, convention="per-side")),
        (text(en="per side, misread", zh="每侧（误读）"),
         REALISTIC.replace(convention="per-side")),
        (text(en="total, misread", zh="总填充（误读）"), REALISTIC.replace(p_h=1, p_w=1)),
    ]
    rows = [[label, f"${layer.p_h}$", f"${value(Form.OUTPUT_HEIGHT, layer)}$",
             f"${num(value(Form.FORWARD_MULTS, layer))}$",
             f"${num(executed(layer)[Form.FORWARD_MULTS])}$"] for label, layer in layers]
    return [
        heading(text(en="Both padding conventions, side by side", zh="两种填充约定并列")),
        paragraph(text(
            en="The layer $64\\to 64$, $56\\times 56$, $3\\times 3$ with \"same\" padding: 2 rows "
            "in total, or 1 per side. Reading one convention's number with the other's formula "
            "changes the output size and every count.",
            zh="层 $64\\to 64$、$56\\times 56$、$3\\times 3$，保持尺寸的填充：总共 2 行，即每侧 1 行。"
            "用一种约定的数值代入另一种约定的公式，会改变输出大小和所有计数。")),
        table([text(en="Convention", zh="约定"), "$p_h$", "$m_h$",
               text(en="$M_{\\mathrm{fwd}}$", zh="$M_{\\mathrm{fwd}}$"), text(en="Executed", zh="实际执行")],
              rows),
    ]


def memory() -> list:
    params = compact(Form.MEMORY_PARAMS, bias=True)
    peak = compact(Form.MEMORY_PEAK_FORWARD, bias=True)
    elements = value(Form.MEMORY_PEAK_FORWARD, REALISTIC_BIAS)
    book = BOOK_EXAMPLE.replace(bias=True)
    return [
        heading(text(en="Memory footprint", zh="内存占用")),
        paragraph(text(
            en="Readers ask which memory is meant; both readings are answered. Parameters only: "
            "the weights and the bias. Parameters plus activations: what the forward pass holds "
            "at its peak, the parameters, the input and the output (padding copies and im2col "
            "workspaces are implementation scratch, not counted).",
            zh="读者常问“内存”指什么；两种理解都给出。只算参数：权重和偏置。参数加激活值：前向传播峰值时"
            "保存的参数、输入和输出（填充副本和 im2col 工作区属于实现的临时空间，不计入）。")),
        result(text(en="Parameters (with bias; drop $c_o$ without)", zh="参数（有偏置；无偏置去掉 $c_o$）"),
               tex(params)),
        result(text(en="Parameters plus activations, forward peak", zh="参数加激活值，前向峰值"),
               tex(peak)),
        table(HEADER, [
            row(text(en="weights", zh="权重"), Form.MEMORY_WEIGHTS, REALISTIC_BIAS),
            row(text(en="bias", zh="偏置"), Form.MEMORY_BIAS, REALISTIC_BIAS),
            row(text(en="input", zh="输入"), Form.MEMORY_INPUT, REALISTIC_BIAS),
            row(text(en="output", zh="输出"), Form.MEMORY_OUTPUT, REALISTIC_BIAS),
            row(text(en="forward peak", zh="前向峰值"), Form.MEMORY_PEAK_FORWARD, REALISTIC_BIAS),
            row(text(en=f"book example ${book.c_i}\\to {book.c_o}$, forward peak",
                     zh=f"书中例子 ${book.c_i}\\to {book.c_o}$，前向峰值"),
                Form.MEMORY_PEAK_FORWARD, book),
        ]),
        paragraph(text(
            en=f"Elements, with bias: the $64\\to 64$ layer, then the forward peak of the book's "
            f"example. In float32 the $64\\to 64$ layer's forward peak is "
            f"${num(elements)}\\times 4 = {num(4 * elements)}$ bytes. The weights are a small "
            f"part: activations dominate at high resolution.",
            zh=f"以上为带偏置时的元素个数：先是 $64\\to 64$ 层，最后一行是书中例子的前向峰值。"
            f"float32 下 $64\\to 64$ 层的前向峰值为 "
            f"${num(elements)}\\times 4 = {num(4 * elements)}$ 字节。权重只占一小部分："
            f"高分辨率时激活值占主导。")),
    ]


def backward_memory() -> list:
    return [
        heading(text(en="Memory of the backward pass", zh="反向传播的内存")),
        paragraph(text(
            en="Autograd keeps the input and the weights for backward. Backward then holds the "
            "parameters, the saved input, the incoming gradient $\\partial L/\\partial Y$ and "
            "the three gradients it produces; the forward output is released once "
            "$\\partial L/\\partial Y$ exists.",
            zh="自动微分为反向传播保存输入和权重。反向传播时同时存在：参数、保存的输入、传入的梯度 "
            "$\\partial L/\\partial Y$ 以及计算出的三个梯度；$\\partial L/\\partial Y$ "
            "得到后前向输出即被释放。")),
        result(text(en="Saved for backward", zh="为反向传播保存"),
               tex(compact(Form.MEMORY_SAVED_FOR_BACKWARD, bias=True))),
        result(text(en="Backward peak (with bias)", zh="反向峰值（有偏置）"),
               tex(compact(Form.MEMORY_PEAK_BACKWARD, bias=True))),
        table(HEADER, [
            row(text(en="saved: input + weights", zh="保存：输入 + 权重"), Form.MEMORY_SAVED_FOR_BACKWARD,
                REALISTIC_BIAS),
            row(text(en="$\\partial L/\\partial Y$", zh="$\\partial L/\\partial Y$"), Form.MEMORY_GRAD_DY,
                REALISTIC_BIAS),
            row(text(en="$\\partial L/\\partial X$", zh="$\\partial L/\\partial X$"), Form.MEMORY_GRAD_DX,
                REALISTIC_BIAS),
            row(text(en="$\\partial L/\\partial W$", zh="$\\partial L/\\partial W$"), Form.MEMORY_GRAD_DW,
                REALISTIC_BIAS),
            row(text(en="$\\partial L/\\partial b$", zh="$\\partial L/\\partial b$"), Form.MEMORY_GRAD_DB,
                REALISTIC_BIAS),
            row(text(en="backward peak", zh="反向峰值"), Form.MEMORY_PEAK_BACKWARD, REALISTIC_BIAS),
        ]),
    ]


def backward_cost() -> list:
    cover_h, cover_w = (window_cover(m, k, s, 1) for m, k, s in ((m_h, k_h, s_h), (m_w, k_w, s_w)))
    big_c_h, big_c_w = sp.symbols("C_h C_w", positive=True, integer=True)
    products = c_i * c_o * k_h * k_w * m_h * m_w
    dx_adds = c_i * (c_o * k_h * k_w * m_h * m_w - cover_h * cover_w)
    same(dx_adds, Form.BACKWARD_DX_ADDS, bias=True)
    # written c_i (products/c_i - C_h C_w), the order the prose reads (SymPy would lead
    # with the minus term); checked equal to the closed form with C_h, C_w substituted
    per_channel = sp.expand(products / c_i)
    if sp.expand(c_i * (per_channel - big_c_h * big_c_w)
                 - dx_adds.subs({cover_h: big_c_h, cover_w: big_c_w})) != 0:
        raise CheckFailed("A_X written with C_h, C_w is not the dX additions")
    dx_adds_tex = f"{tex(c_i)} \\left({tex(per_channel)} - C_{{h}} C_{{w}}\\right)"
    dx_adds_s1 = sp.factor_terms(sp.expand(dx_adds.subs({s_h: 1, s_w: 1})))
    padded = sp.expand((m_h + k_h - 1) * (m_w + k_w - 1))
    if sp.expand(dx_adds_s1 - (products - c_i * padded)) != 0:
        raise CheckFailed("stride-1 dX additions do not reduce to products minus positions")
    ratio = sp.simplify(compact(Form.BACKWARD_FLOPS) / compact(Form.FORWARD_FLOPS))
    layer = REALISTIC_BIAS
    grads = (("dx", "\\partial L/\\partial X"), ("dw", "\\partial L/\\partial W"),
             ("db", "\\partial L/\\partial b"), (None, text(en="total", zh="合计")))

    def grad_row(grad, label):
        cells = [f"${label}$" if isinstance(label, str) else label]
        for kind in ("mults", "adds"):
            key = op_form("backward", kind, grad)
            cells += [f"${num(value(key, layer))}$", f"${num(executed(layer)[key])}$"]
        return cells

    backward_flops, forward_flops = (value(k, layer) for k in (Form.BACKWARD_FLOPS, Form.FORWARD_FLOPS))
    return [
        heading(text(en="Cost of backpropagation, per gradient", zh="反向传播的计算量（按梯度）")),
        paragraph(text(
            en="Every forward product $w\\cdot x$ gives one product for "
            "$\\partial L/\\partial W$ ($\\partial y\\cdot x$) and one for $\\partial L/\\partial X$ "
            "($\\partial y\\cdot w$). $\\partial L/\\partial W$: each of the $c_o c_i k_h k_w$ "
            "weights sums $m_h m_w$ products. $\\partial L/\\partial X$: all products land on "
            "the $C_h C_w$ padded input positions some window covers, so the additions are the "
            "products minus those positions. $\\partial L/\\partial b$: each of the $c_o$ biases "
            "sums $m_h m_w$ gradients.",
            zh="每个前向乘积 $w\\cdot x$ 对应 $\\partial L/\\partial W$ 的一个乘积（$\\partial y\\cdot x$）"
            "和 $\\partial L/\\partial X$ 的一个乘积（$\\partial y\\cdot w$）。"
            "$\\partial L/\\partial W$：$c_o c_i k_h k_w$ 个权重各自对 $m_h m_w$ 个乘积求和。"
            "$\\partial L/\\partial X$：所有乘积累加到被某个窗口覆盖的 $C_h C_w$ 个（填充后的）"
            "输入位置上，所以加法次数等于乘积数减去位置数。$\\partial L/\\partial b$：$c_o$ "
            "个偏置各自对 $m_h m_w$ 个梯度求和。")),
        math(f"C_h = {tex(cover_h)}"),
        result(text(en="$\\partial L/\\partial X$: multiplications and additions",
                    zh="$\\partial L/\\partial X$：乘法与加法"),
               rows(("M_X", tex(compact(Form.BACKWARD_DX_MULTS))),
                    ("A_X", dx_adds_tex))),
        paragraph(text(
            en="With stride 1 every padded position is covered: $C_h = m_h + k_h - 1 = h + p_h$, "
            "and",
            zh="步幅为 1 时所有填充后的位置都被覆盖：$C_h = m_h + k_h - 1 = h + p_h$，于是")),
        math(f"A_X = {tex(products)} - {tex(c_i * (m_h + k_h - 1) * (m_w + k_w - 1))}"),
        result(text(en="$\\partial L/\\partial W$: multiplications and additions",
                    zh="$\\partial L/\\partial W$：乘法与加法"),
               rows(("M_W", tex(compact(Form.BACKWARD_DW_MULTS))),
                    ("A_W", tex(compact(Form.BACKWARD_DW_ADDS))))),
        result(text(en="$\\partial L/\\partial b$: additions (no multiplications)",
                    zh="$\\partial L/\\partial b$：加法（无乘法）"),
               f"A_b = {tex(compact(Form.BACKWARD_DB_ADDS, bias=True))}"),
        result(text(en="Backward FLOPs", zh="反向 FLOPs"),
               f"\\mathrm{{FLOPs}}_{{\\mathrm{{bwd}}}} = {tex(compact(Form.BACKWARD_FLOPS))} "
               f"= {tex(ratio)}\\,\\mathrm{{FLOPs}}_{{\\mathrm{{fwd}}}}"),
        paragraph(text(
            en=f"The $64\\to 64$ layer with bias (left: multiplications, right: additions; "
            f"closed form, then executed). Backward FLOPs ${num(backward_flops)}$ are "
            f"${tex(ratio)}\\times$ the forward ${num(forward_flops)}$.",
            zh=f"带偏置的 $64\\to 64$ 层（左为乘法，右为加法；先闭式解，后实际执行）。反向 FLOPs "
            f"${num(backward_flops)}$ 是前向 ${num(forward_flops)}$ 的 ${tex(ratio)}$ 倍。")),
        table([text(en="Gradient", zh="梯度"), text(en="Mult.", zh="乘法"), text(en="Executed", zh="执行"),
               text(en="Add.", zh="加法"), text(en="Executed", zh="执行")],
              [grad_row(grad, label) for grad, label in grads]),
    ]


def common_mistakes() -> list:
    return [heading(text(en="Common mistakes", zh="常见错误")), mistakes(
        (text(en="\"Backward costs the same as forward.\"", zh="“反向传播的计算量与前向相同。”"),
         text(en="Backward computes two gradients of the size of the forward computation: "
              "$\\partial L/\\partial X$ and $\\partial L/\\partial W$ each take as many "
              "products as the forward pass, so backward is about twice the forward cost.",
              zh="反向传播要计算两个与前向同等规模的梯度：$\\partial L/\\partial X$ 和 "
              "$\\partial L/\\partial W$ 的乘法次数各等于前向，因此反向约为前向的两倍。")),
        (text(en="\"Memory is $c_i c_o k_h k_w + h w$.\"", zh="“内存为 $c_i c_o k_h k_w + h w$。”"),
         text(en="This mixes a parameter count with one channel of one activation. The input "
              "holds $c_i h w$ elements and the output $c_o m_h m_w$; say whether parameters "
              "only or parameters plus activations are meant.",
              zh="这把参数个数与单个通道的激活值混在一起。输入有 $c_i h w$ 个元素，输出有 "
              "$c_o m_h m_w$ 个；要说明是只算参数还是参数加激活值。")),
        (text(en="\"Multiplications + additions $= 2 c_i c_o k_h k_w m_h m_w$, without bias.\"",
              zh="“无偏置时，乘法 + 加法 $= 2 c_i c_o k_h k_w m_h m_w$。”"),
         text(en="That is the FLOP convention ($2\\times$ MACs), exact only with a bias. Without "
              "bias a sum of "
              "$c_i k_h k_w$ products needs $c_i k_h k_w - 1$ additions: the exact count is "
              "$c_o m_h m_w$ smaller.",
              zh="这是 FLOPs 的约定（$2\\times$ MACs），只在有偏置时精确。无偏置时 $c_i k_h k_w$ 个乘积之和只需 "
              "$c_i k_h k_w - 1$ 次加法：精确计数少 $c_o m_h m_w$。")),
        (text(en="\"One $p_h$ fits both formulas.\"", zh="“同一个 $p_h$ 可以代入两个公式。”"),
         text(en="In 6.3's formula $\\lfloor (h - k_h + p_h + s_h)/s_h \\rfloor$ the padding $p_h$ "
              "counts rows in all; in $h - k_h + 2p_h + 1$ it counts rows per side, as 6.3's "
              "notation \"padding $(p_h, p_w)$\" does. Say which one a number uses: the table "
              "above shows how the counts change when the two are mixed.",
              zh="6.3 节公式 $\\lfloor (h - k_h + p_h + s_h)/s_h \\rfloor$ 中的 $p_h$ 是总共填充的行数；"
              "$h - k_h + 2p_h + 1$ 中的 $p_h$ 是每侧的行数，与 6.3 节“填充 $(p_h, p_w)$”的记法一致。"
              "要说明数值用的是哪一种：上表给出混用两种约定时计数如何变化。")),
        (text(en="\"Padding zeros cost nothing.\"", zh="“与填充的零相乘不花时间。”"),
         text(en="Frameworks materialize the padding and multiply by its zeros; the counts "
              "include those products, and so does the executed convolution.",
              zh="框架会真正构造填充并与其中的零相乘；计数包含这些乘积，实际执行的卷积也是如此。")),
    )]
