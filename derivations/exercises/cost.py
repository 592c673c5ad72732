"""zh 2 / en 2: forward cost, memory, backward memory and backward cost of one layer.

Every formula is a closed form from :mod:`derivations.closed_forms` in the section's
setting (one example, no dilation, no groups); every derivation step is checked equal
to it by SymPy; every number is checked against the instrumented convolution.

Prose and layout only: the forms, derivation steps, executed figures and their checks
are :mod:`derivations.exercises.maths.cost`.
"""

from __future__ import annotations

from derivations.exercises.document import (
    Exercise,
    answer,
    exercise,
    figure,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
    text,
)
from derivations.exercises.maths import cost as maths
from derivations.exercises.maths.cost import REALISTIC_BIAS, compact
from derivations.exercises.notation import lines, num, rows, tex
from derivations.model import c_i
from derivations.registry.forms import Form

__all__ = ["build"]

M_FWD, A_FWD = r"M_{\mathrm{fwd}}", r"A_{\mathrm{fwd}}"


def figure_rows(labels: list, figures: tuple) -> list:
    """Table rows: label, closed-form value, executed value (checked equal), one per
    figure of :func:`derivations.exercises.maths.cost.table`."""
    return [
        [label, f"${num(count.closed)}$", f"${num(count.executed)}$"]
        for label, count in zip(labels, figures, strict=True)
    ]


HEADER = [
    text(en="Quantity", zh="量"),
    text(en="Closed form", zh="闭式解"),
    text(en="Executed", zh="实际执行"),
]


def build() -> Exercise:
    return exercise(
        "cost",
        statement=text(
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
            "填充为 $(p_h, p_w)$，步幅为 $(s_h, s_w)$。（1）前向传播的计算成本（乘法和加法）是多少？"
            "（2）内存占用是多少？（3）反向传播的内存占用是多少？（4）反向传播的计算成本是多少？",
        ),
        blocks=[
            *conventions(),
            *output_size(),
            *forward(),
            *book_example(),
            *padding_conventions(),
            *memory(),
            *backward_memory(),
            *backward_cost(),
            *gradient_formulas(),
            *batch(),
            *answers(),
            *common_mistakes(),
        ],
    )


# How each edition's section "Padding and Stride" (zh.d2l.ai 6.3) names the padding:
# the Chinese edition, as it stands, defines "padding (p_h, p_w)" per side; the English
# one dropped that sentence in 2021 and names the total of its output-size formula.
DEFINITION_ZH = (
    "“为了简洁起见，当输入高度和宽度两侧的填充数量分别为 $p_h$ 和 $p_w$ 时，"
    "我们称之为填充 $(p_h, p_w)$。”"
)
NAMING_EN = '"In this case we refer to $(p_h, p_w)$ padding."'


def conventions() -> list:
    return [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="One example (batch 1; the batch size $n$ multiplies every count and the "
                "activations, see below), no dilation, no groups, as in the section. Exact "
                "counting: a sum of $t$ terms costs $t-1$ additions; with a bias the sum starts "
                "from the bias, one more addition per output element. A MAC is one "
                "multiply-accumulate per product; FLOPs $= 2\\times$ MACs (the convention of "
                "PyTorch's FLOP counter, bias ignored). Products with padding zeros are counted, as "
                "an im2col implementation executes them (it copies the padded input); direct, "
                "implicit-GEMM and Winograd kernels skip the zeros, so they execute fewer products "
                "at the border. Memory is counted in elements; bytes are elements times the size of "
                "the data type (4 for float32).",
                zh="与本节一致：单个样本（批量 1；批量大小 $n$ 使每个计数和激活都乘以 $n$，见下文），无空洞，"
                "无分组。精确计数：$t$ 项求和需要 $t-1$ 次加法；有偏置时求和从偏置开始，每个输出元素多一次加法。"
                "MAC 指每个乘积一次乘加；FLOPs $= 2\\times$ MACs（PyTorch FLOP 计数器的约定，不计偏置）。"
                "与填充零相乘的运算也计入，这是 im2col 实现实际执行的（它复制出填充后的输入）；"
                "直接卷积、隐式 GEMM 和 Winograd 实现会跳过这些零，在边界处执行的乘积更少。"
                "内存以元素个数计；字节数等于元素个数乘以数据类型的大小（float32 为 4）。",
            )
        ),
    ]


def output_size() -> list:
    total, per_side = maths.output_heights()
    return [
        heading(text(en='What "padding $(p_h, p_w)$" means', zh="题中“填充 $(p_h, p_w)$”的含义")),
        paragraph(
            text(
                en='The section "Padding and Stride" gives the output height '
                f"${tex(total)}$, in which $p_h$ counts the padding rows in all, top and bottom "
                f"together. The English edition goes on: {NAMING_EN} That this name means the "
                "total is our reading: the sentence does not say whether $p_h$ counts both sides "
                "or one. The Chinese "
                "edition (and the English one before 2021) defines the notation per side instead: "
                f'{DEFINITION_ZH} ("when the padding on both sides of the input height and width '
                "is $p_h$ and $p_w$, we call it padding $(p_h, p_w)$\"), as in the book's code "
                "(`padding=1` pads one row on each side). This sheet reads $(p_h, p_w)$ as the "
                "total, the section's formula, everywhere. Every closed form below is written with "
                "the output size $m_h\\times m_w$, so it holds in the per-side reading as well, "
                "with $m_h$ from the second box; every numeric example says how many rows are "
                "padded on each side, and the doubling exercise gives its table in both readings.",
                zh="“填充和步幅”一节给出的输出高度为 "
                f"${tex(total)}$，其中 $p_h$ 是上下合计的填充行数。英文版接着写道：{NAMING_EN}"
                "说这个名称指合计的填充，是我们的理解：原文并未说明 $p_h$ 指两侧合计还是一侧。"
                f"中文版（以及 2021 年以前的英文版）则按每侧定义这个记号：{DEFINITION_ZH}"
                "与书中代码一致（`padding=1` 每侧填充 1 行）。本文处处把 $(p_h, p_w)$ 读作合计的填充，"
                "即该节公式的含义。下面的闭式解都用输出大小 $m_h\\times m_w$ 写出，所以在每侧的读法下同样成立，"
                "只需用第二个框中的 $m_h$；每个数值例子都注明每侧填充几行，通道与填充加倍一题给出两种读法的表。",
            )
        ),
        result(
            text(
                en="Output height, total padding $p_h$ (the section's formula; this sheet)",
                zh="输出高度，合计填充 $p_h$（该节公式；本文采用）",
            ),
            f"m_h = {tex(total)}",
        ),
        result(
            text(
                en="Output height, padding $p_h$ on each side (the Chinese edition's definition)",
                zh="输出高度，每侧填充 $p_h$（中文版的定义）",
            ),
            f"m_h = {tex(per_side)}",
        ),
        figure(
            "padding-readings",
            caption=text(
                en="The two readings of padding $p_h = 2$: two rows in all (one "
                "above, one below) or two rows on each side.",
                zh="填充 $p_h = 2$ 的两种读法：合计两行（上下各一行），或每侧两行。",
            ),
            alt=text(
                en="Two padded input grids side by side: the left with one zero row "
                "above and below, the right with two zero rows above and below.",
                zh="并排的两个填充后的输入网格：左边上下各一行零，右边上下各两行零。",
            ),
        ),
        paragraph(
            text(
                en="The width $m_w$ is the same with $w, k_w, p_w, s_w$. Padding $p_h$ "
                "on each side is a total of $2p_h$.",
                zh="宽度 $m_w$ 同理，换成 $w, k_w, p_w, s_w$。每侧填充 $p_h$ 即合计 $2p_h$。",
            )
        ),
    ]


def forward() -> list:
    steps = maths.forward()
    outputs, terms = steps.outputs, steps.terms
    return [
        heading(text(en="Forward propagation", zh="前向传播")),
        paragraph(
            text(
                en="Each of the $c_o m_h m_w$ output elements is a sum of $c_i k_h k_w$ products, one "
                "per input channel and kernel position. The sum of $t$ terms costs $t-1$ "
                "additions; a bias adds one more.",
                zh="$c_o m_h m_w$ 个输出元素中的每一个都是 $c_i k_h k_w$ 个乘积之和（每个输入通道、"
                "每个卷积核位置一个）。$t$ 项之和需要 $t-1$ 次加法；偏置再加一次。",
            )
        ),
        math(
            lines(
                M_FWD,
                f"{tex(outputs)} \\cdot {tex(terms)}",
                tex(steps.mults),
            )
        ),
        math(
            lines(
                A_FWD,
                f"{tex(outputs)} \\cdot ({tex(terms)} - 1)",
                tex(steps.adds),
            )
        ),
        result(
            text(en="Forward multiplications (= MACs)", zh="前向乘法次数（= MACs）"),
            f"{M_FWD} = {tex(compact(Form.FORWARD_MULTS))}",
        ),
        result(
            text(en="Forward additions, no bias", zh="前向加法次数，无偏置"),
            f"{A_FWD} = {tex(compact(Form.FORWARD_ADDS))}",
        ),
        result(
            text(en="Forward additions, with bias", zh="前向加法次数，有偏置"),
            f"{A_FWD} = {tex(steps.adds_bias)}",
        ),
        paragraph(
            text(
                en="Multiplications plus additions: $c_o m_h m_w(2c_i k_h k_w - 1)$ without bias, "
                "$2 c_o c_i k_h k_w m_h m_w$ with bias, which is exactly the FLOP count "
                "$2\\times$ MACs.",
                zh="乘法加法合计：无偏置为 $c_o m_h m_w(2c_i k_h k_w - 1)$，有偏置为 "
                "$2 c_o c_i k_h k_w m_h m_w$，恰好等于 FLOPs $= 2\\times$ MACs。",
            )
        ),
    ]


def book_example() -> list:
    gap, gap_value = maths.book_gap()
    return [
        heading(
            text(
                en="The book's example: over 53 billion operations",
                zh="书中的例子：超过 530 亿次运算",
            )
        ),
        paragraph(
            text(
                en="The section ends with a $256\\times 256$ image, a $5\\times 5$ kernel and 128 input "
                'and output channels: "over 53 billion operations (we count multiplications and '
                'additions separately)". The output stays $256\\times 256$ only with padding '
                "$p_h = p_w = 4$ in total (2 per side); without padding it is $252\\times 252$.",
                zh="英文版本节末尾举例：$256\\times 256$ 的图像、$5\\times 5$ 卷积核、输入输出各 128 个通道，"
                "“超过 530 亿次运算（乘法和加法分开计数）”。输出保持 $256\\times 256$ 需要总填充 "
                "$p_h = p_w = 4$（每侧 2）；不填充时输出为 $252\\times 252$。",
            )
        ),
        table(
            HEADER,
            figure_rows(
                [
                    text(en="multiplications = MACs", zh="乘法次数 = MACs"),
                    text(en="additions, no bias", zh="加法次数，无偏置"),
                    text(en="additions, with bias", zh="加法次数，有偏置"),
                    text(en="mult. + add., no bias", zh="乘法 + 加法，无偏置"),
                    text(en="mult. + add., with bias", zh="乘法 + 加法，有偏置"),
                    text(en="FLOPs $= 2\\times$ MACs", zh="FLOPs $= 2\\times$ MACs"),
                    text(
                        en="FLOPs, no padding ($252\\times 252$)",
                        zh="FLOPs，不填充（$252\\times 252$）",
                    ),
                ],
                maths.table(maths.BOOK_ROWS),
            ),
        ),
        paragraph(
            text(
                en=f"The book's figure is FLOPs $= 2\\times$ MACs. Exact counting without bias gives "
                f"$c_o m_h m_w$ fewer operations (one addition fewer per output element): "
                f"${tex(gap)} = {num(gap_value)}$. With bias the exact count equals the FLOPs. "
                f"Without padding the count drops below 53 billion.",
                zh=f"书中的数字是 FLOPs $= 2\\times$ MACs。无偏置的精确计数少 $c_o m_h m_w$ 次"
                f"（每个输出元素少一次加法）：${tex(gap)} = {num(gap_value)}$。有偏置时精确计数等于 FLOPs。"
                f"不填充时运算次数低于 530 亿。",
            )
        ),
    ]


def padding_conventions() -> list:
    labels = [
        text(en="total", zh="总填充"),
        text(en="per side", zh="每侧"),
        text(en="per side, misread", zh="每侧（误读）"),
        text(en="total, misread", zh="总填充（误读）"),
    ]
    rows = [
        [
            label,
            f"${reading.layer.p_h}$",
            f"${reading.m_h}$",
            f"${num(reading.mults.closed)}$",
            f"${num(reading.mults.executed)}$",
        ]
        for label, reading in zip(labels, maths.padding_readings(), strict=True)
    ]
    return [
        heading(text(en="Both padding conventions, side by side", zh="两种填充约定并列")),
        paragraph(
            text(
                en='The layer $64\\to 64$, $56\\times 56$, $3\\times 3$ with "same" padding: 2 rows '
                "in total, or 1 per side. Reading one convention's number with the other's formula "
                "changes the output size and every count.",
                zh="层 $64\\to 64$、$56\\times 56$、$3\\times 3$，保持尺寸的填充：总共 2 行，即每侧 1 行。"
                "用一种约定的数值代入另一种约定的公式，会改变输出大小和所有计数。",
            )
        ),
        table(
            [
                text(en="Convention", zh="约定"),
                "$p_h$",
                "$m_h$",
                text(en="$M_{\\mathrm{fwd}}$", zh="$M_{\\mathrm{fwd}}$"),
                text(en="Executed", zh="实际执行"),
            ],
            rows,
        ),
    ]


def memory() -> list:
    params = compact(Form.MEMORY_PARAMS, bias=True)
    peak = compact(Form.MEMORY_PEAK_FORWARD, bias=True)
    figures = maths.table(maths.MEMORY_ROWS)
    elements, book = figures[4].closed, figures[5].layer
    return [
        heading(text(en="Memory footprint", zh="内存占用")),
        paragraph(
            text(
                en="Readers ask which memory is meant; both readings are answered. Parameters only: "
                "the weights and the bias. Parameters plus activations: what the forward pass holds "
                "at its peak, the parameters, the input and the output (padding copies and im2col "
                "workspaces are implementation scratch, not counted).",
                zh="读者常问“内存”指什么；两种理解都给出。只算参数：权重和偏置。参数加激活值：前向传播峰值时"
                "保存的参数、输入和输出（填充副本和 im2col 工作区属于实现的临时空间，不计入）。",
            )
        ),
        result(
            text(
                en="Parameters (with bias; drop $c_o$ without)",
                zh="参数（有偏置；无偏置去掉 $c_o$）",
            ),
            tex(params),
        ),
        result(
            text(en="Parameters plus activations, forward peak", zh="参数加激活值，前向峰值"),
            tex(peak),
        ),
        table(
            HEADER,
            figure_rows(
                [
                    text(en="weights", zh="权重"),
                    text(en="bias", zh="偏置"),
                    text(en="input", zh="输入"),
                    text(en="output", zh="输出"),
                    text(en="forward peak", zh="前向峰值"),
                    text(
                        en=f"book example ${book.c_i}\\to {book.c_o}$, forward peak",
                        zh=f"书中例子 ${book.c_i}\\to {book.c_o}$，前向峰值",
                    ),
                ],
                figures,
            ),
        ),
        paragraph(
            text(
                en=f"Elements, with bias: the $64\\to 64$ layer, then the forward peak of the book's "
                f"example. In float32 the $64\\to 64$ layer's forward peak is "
                f"${num(elements)}\\times 4 = {num(4 * elements)}$ bytes. The weights are a small "
                f"part: activations dominate at high resolution.",
                zh=f"以上为带偏置时的元素个数：先是 $64\\to 64$ 层，最后一行是书中例子的前向峰值。"
                f"float32 下 $64\\to 64$ 层的前向峰值为 "
                f"${num(elements)}\\times 4 = {num(4 * elements)}$ 字节。权重只占一小部分："
                f"高分辨率时激活值占主导。",
            )
        ),
    ]


def backward_memory() -> list:
    return [
        heading(text(en="Memory of the backward pass", zh="反向传播的内存")),
        paragraph(
            text(
                en="Autograd keeps the input and the weights for backward. Backward then holds the "
                "parameters, the saved input, the incoming gradient $\\partial L/\\partial Y$ and "
                "the three gradients it produces. For one layer on its own, nothing else needs "
                "its forward output once $\\partial L/\\partial Y$ exists, so it is not "
                "counted; in a network the next layer may keep it for its own backward pass (a "
                "ReLU or batch normalization after the convolution does).",
                zh="自动微分为反向传播保存输入和权重。反向传播时同时存在：参数、保存的输入、传入的梯度 "
                "$\\partial L/\\partial Y$ 以及计算出的三个梯度。对单独的一层，"
                "$\\partial L/\\partial Y$ 得到后就没有别的运算再需要它的前向输出，所以不计入；"
                "在网络中，下一层可能为自己的反向传播保存它（卷积后的 ReLU 或批量规范化就会保存）。",
            )
        ),
        result(
            text(en="Saved for backward", zh="为反向传播保存"),
            tex(compact(Form.MEMORY_SAVED_FOR_BACKWARD, bias=True)),
        ),
        result(
            text(en="Backward peak (with bias)", zh="反向峰值（有偏置）"),
            tex(compact(Form.MEMORY_PEAK_BACKWARD, bias=True)),
        ),
        table(
            HEADER,
            figure_rows(
                [
                    text(en="saved: input + weights", zh="保存：输入 + 权重"),
                    text(en="$\\partial L/\\partial Y$", zh="$\\partial L/\\partial Y$"),
                    text(en="$\\partial L/\\partial X$", zh="$\\partial L/\\partial X$"),
                    text(en="$\\partial L/\\partial W$", zh="$\\partial L/\\partial W$"),
                    text(en="$\\partial L/\\partial b$", zh="$\\partial L/\\partial b$"),
                    text(en="backward peak", zh="反向峰值"),
                ],
                maths.table(maths.BACKWARD_MEMORY_ROWS),
            ),
        ),
    ]


def backward_cost() -> list:
    cost = maths.backward_cost(REALISTIC_BIAS)
    cover_h, products, ratio = cost.cover_h, cost.products, cost.ratio
    dx_adds_tex = f"{tex(c_i)} \\left({tex(cost.per_channel)} - C_{{h}} C_{{w}}\\right)"
    labels = {
        "dx": "\\partial L/\\partial X",
        "dw": "\\partial L/\\partial W",
        "db": "\\partial L/\\partial b",
        None: text(en="total", zh="合计"),
    }

    def grad_row(figures: maths.GradientRow) -> list:
        label = labels[figures.gradient]
        cells = [f"${label}$" if isinstance(label, str) else label]
        for count in (figures.mults, figures.adds):
            cells += [f"${num(count.closed)}$", f"${num(count.executed)}$"]
        return cells

    backward_flops, forward_flops = cost.backward_flops, cost.forward_flops
    return [
        heading(text(en="Cost of backpropagation, per gradient", zh="反向传播的计算量（按梯度）")),
        paragraph(
            text(
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
                "个偏置各自对 $m_h m_w$ 个梯度求和。",
            )
        ),
        math(f"C_h = {tex(cover_h)}"),
        result(
            text(
                en="$\\partial L/\\partial X$: multiplications and additions",
                zh="$\\partial L/\\partial X$：乘法与加法",
            ),
            rows(("M_X", tex(compact(Form.BACKWARD_DX_MULTS))), ("A_X", dx_adds_tex)),
        ),
        paragraph(
            text(
                en="With stride 1 every padded position is covered: $C_h = m_h + k_h - 1 = h + p_h$, "
                "and",
                zh="步幅为 1 时所有填充后的位置都被覆盖：$C_h = m_h + k_h - 1 = h + p_h$，于是",
            )
        ),
        math(f"A_X = {tex(products)} - {tex(cost.padded)}"),
        result(
            text(
                en="$\\partial L/\\partial W$: multiplications and additions",
                zh="$\\partial L/\\partial W$：乘法与加法",
            ),
            rows(
                ("M_W", tex(compact(Form.BACKWARD_DW_MULTS))),
                ("A_W", tex(compact(Form.BACKWARD_DW_ADDS))),
            ),
        ),
        result(
            text(
                en="$\\partial L/\\partial b$: additions (no multiplications)",
                zh="$\\partial L/\\partial b$：加法（无乘法）",
            ),
            f"A_b = {tex(compact(Form.BACKWARD_DB_ADDS, bias=True))}",
        ),
        result(
            text(en="Backward FLOPs", zh="反向 FLOPs"),
            f"\\mathrm{{FLOPs}}_{{\\mathrm{{bwd}}}} = {tex(compact(Form.BACKWARD_FLOPS))} "
            f"= {tex(ratio)}\\,\\mathrm{{FLOPs}}_{{\\mathrm{{fwd}}}}",
        ),
        paragraph(
            text(
                en=f"The $64\\to 64$ layer with bias (left: multiplications, right: additions; "
                f"closed form, then executed). Backward FLOPs ${num(backward_flops)}$ are "
                f"${tex(ratio)}\\times$ the forward ${num(forward_flops)}$.",
                zh=f"带偏置的 $64\\to 64$ 层（左为乘法，右为加法；先闭式解，后实际执行）。反向 FLOPs "
                f"${num(backward_flops)}$ 是前向 ${num(forward_flops)}$ 的 ${tex(ratio)}$ 倍。",
            )
        ),
        table(
            [
                text(en="Gradient", zh="梯度"),
                text(en="Mult.", zh="乘法"),
                text(en="Executed", zh="执行"),
                text(en="Add.", zh="加法"),
                text(en="Executed", zh="执行"),
            ],
            [grad_row(figures) for figures in cost.rows],
        ),
    ]


# --- the gradients themselves ---------------------------------------------------------
def gradient_formulas() -> list:
    checked_on = maths.gradients()
    L, exponent = checked_on.layer, checked_on.bound_exponent
    return [
        heading(text(en="The gradients themselves", zh="梯度本身")),
        paragraph(
            text(
                en="The counts above come from two formulas (stride 1; $\\tilde{X}$ is the padded "
                "input, $\\star$ the cross-correlation a layer computes, $\\ast$ the full "
                "convolution). The weight gradient correlates the input with the output "
                "gradient; the input gradient is the full convolution of the output gradient "
                "with the kernel, i.e. a cross-correlation of the zero-padded $\\partial L/"
                "\\partial Y$ with the kernel rotated by 180°: a transposed convolution.",
                zh="上面的计数来自两个公式（步幅为 1；$\\tilde{X}$ 为填充后的输入，$\\star$ 为卷积层计算的互相关，"
                "$\\ast$ 为完全卷积）。权重梯度是输入与输出梯度的互相关；输入梯度是输出梯度与卷积核的完全卷积，"
                "即补零后的 $\\partial L/\\partial Y$ 与旋转 180° 的卷积核的互相关：转置卷积。",
            )
        ),
        math(
            "\\frac{\\partial L}{\\partial \\mathsf{W}_{o,c}} = \\tilde{\\mathsf{X}}_c \\star "
            "\\frac{\\partial L}{\\partial \\mathsf{Y}_o},\\qquad "
            "\\frac{\\partial L}{\\partial \\tilde{\\mathsf{X}}_c} = \\sum_{o=1}^{c_o} "
            "\\frac{\\partial L}{\\partial \\mathsf{Y}_o} \\ast \\mathsf{W}_{o,c}"
        ),
        paragraph(text(en="Entry by entry:", zh="逐元素写出：")),
        math(
            rows(
                (
                    "\\frac{\\partial L}{\\partial W_{o,c,a,b}}",
                    "\\sum_{r,s} \\frac{\\partial L}{\\partial Y_{o,r,s}}\\, "
                    "\\tilde{X}_{c,r+a,s+b}",
                ),
                (
                    "\\frac{\\partial L}{\\partial \\tilde{X}_{c,u,v}}",
                    "\\sum_{o}\\sum_{a+r=u,\\,b+s=v} "
                    "\\frac{\\partial L}{\\partial Y_{o,r,s}}\\, W_{o,c,a,b}",
                ),
            )
        ),
        paragraph(
            text(
                en="The first sums $m_h m_w$ terms; $\\partial L/\\partial X$ is "
                "$\\partial L/\\partial \\tilde{X}$ without the padding rows and columns. "
                f"Checked by execution on a layer $c_i = {L.c_i}$, $c_o = {L.c_o}$, "
                f"${L.h}\\times {L.w}$, ${L.k_h}\\times {L.k_w}$ kernel, padding {L.p_h} rows "
                f"and {L.p_w} column in all: both formulas agree with the executed backward "
                f"pass to below $10^{{{exponent}}}$ (float64 rounding).",
                zh="第一式对 $m_h m_w$ 项求和；去掉填充的行列即得 $\\partial L/\\partial X$。"
                f"在 $c_i = {L.c_i}$、$c_o = {L.c_o}$、${L.h}\\times {L.w}$、${L.k_h}\\times {L.k_w}$ 核、"
                f"合计填充 {L.p_h} 行 {L.p_w} 列的层上执行验证：两个公式与实际执行的反向传播之差都小于 "
                f"$10^{{{exponent}}}$（float64 舍入）。",
            )
        ),
    ]


# --- the batch size --------------------------------------------------------------------
def batch() -> list:
    """The forms with the batch size n kept (every other setting the section's)."""
    figures = maths.batch()
    with_n = figures.with_n.__getitem__
    BATCH_LAYER = maths.BATCH_LAYER
    rows_ = [[f"$n = {size}$"] + [f"${num(v)}$" for v in values] for size, values in figures.rows]
    return [
        heading(text(en="A batch of $n$ examples", zh="批量为 $n$ 时")),
        paragraph(
            text(
                en="With $n$ examples every count is $n$ times the one-example count (each example "
                "is convolved with the same weights), the activations and their gradients are "
                "$n$ times as large, the parameters and their gradients are not; "
                "$\\partial L/\\partial W$ and $\\partial L/\\partial b$ also sum over the $n$ "
                "examples.",
                zh="批量为 $n$ 时，每个计数都是单个样本的 $n$ 倍（每个样本用同一组权重卷积），激活值及其梯度也是 "
                "$n$ 倍，参数及其梯度则不变；$\\partial L/\\partial W$ 和 $\\partial L/\\partial b$ "
                "还要对 $n$ 个样本求和。",
            )
        ),
        result(
            text(en="Batch $n$, with bias", zh="批量 $n$，有偏置"),
            rows(
                (M_FWD, tex(with_n(Form.FORWARD_MULTS))),
                ("\\mathrm{peak}_{\\mathrm{fwd}}", tex(with_n(Form.MEMORY_PEAK_FORWARD))),
                ("\\mathrm{peak}_{\\mathrm{bwd}}", tex(with_n(Form.MEMORY_PEAK_BACKWARD))),
            ),
        ),
        paragraph(
            text(
                en=f"Executed for a ${BATCH_LAYER.c_i}\\to {BATCH_LAYER.c_o}$, "
                f"${BATCH_LAYER.h}\\times {BATCH_LAYER.w}$, $3\\times 3$ layer with bias (1 row "
                "of padding on each side) at two batch sizes:",
                zh=f"对 ${BATCH_LAYER.c_i}\\to {BATCH_LAYER.c_o}$、${BATCH_LAYER.h}\\times {BATCH_LAYER.w}$、"
                "$3\\times 3$、有偏置（每侧填充 1 行）的层，在两个批量下实际执行：",
            )
        ),
        table(
            [
                text(en="batch", zh="批量"),
                text(en="forward mult.", zh="前向乘法"),
                text(en="backward mult.", zh="反向乘法"),
                text(en="parameters", zh="参数"),
                text(en="forward peak", zh="前向峰值"),
            ],
            rows_,
        ),
    ]


# --- the answers -----------------------------------------------------------------------
def answers() -> list:
    fwd_m, fwd_a = compact(Form.FORWARD_MULTS), compact(Form.FORWARD_ADDS)
    peak_f = compact(Form.MEMORY_PEAK_FORWARD, bias=True)
    peak_b = compact(Form.MEMORY_PEAK_BACKWARD, bias=True)
    params = compact(Form.MEMORY_PARAMS, bias=True)
    bwd_m = compact(Form.BACKWARD_MULTS)
    ratio = maths.backward_ratio()
    return [
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="2.1", zh="2.1"),
            text(
                en=f"forward: ${tex(fwd_m)}$ multiplications and ${tex(fwd_a)}$ additions "
                "(one more per output element with a bias), with $m_h$, $m_w$ the output size.",
                zh=f"前向：乘法 ${tex(fwd_m)}$ 次，加法 ${tex(fwd_a)}$ 次（有偏置时每个输出元素多一次），"
                "$m_h$、$m_w$ 为输出大小。",
            ),
        ),
        answer(
            text(en="2.2", zh="2.2"),
            text(
                en=f"parameters ${tex(params)}$ elements (with bias); with the activations the "
                f"forward pass holds ${tex(peak_f)}$ elements at its peak.",
                zh=f"参数 ${tex(params)}$ 个元素（有偏置）；加上激活值，前向传播的峰值为 ${tex(peak_f)}$ 个元素。",
            ),
        ),
        answer(
            text(en="2.3", zh="2.3"),
            text(
                en=f"backward keeps the input and the weights and peaks at ${tex(peak_b)}$ "
                "elements (with bias).",
                zh=f"反向传播保存输入和权重，峰值为 ${tex(peak_b)}$ 个元素（有偏置）。",
            ),
        ),
        answer(
            text(en="2.4", zh="2.4"),
            text(
                en=f"${tex(bwd_m)}$ multiplications ($\\partial L/\\partial X$ and "
                f"$\\partial L/\\partial W$ each as many as the forward pass): backward FLOPs "
                f"are ${tex(ratio)}\\times$ the forward FLOPs.",
                zh=f"乘法 ${tex(bwd_m)}$ 次（$\\partial L/\\partial X$ 和 $\\partial L/\\partial W$ "
                f"各与前向相同）：反向 FLOPs 是前向的 ${tex(ratio)}$ 倍。",
            ),
        ),
    ]


def common_mistakes() -> list:
    return [
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("backward_equals_forward"),
            mistake("sheet_memory_mixed_units"),
            mistake("sheet_flops_as_exact_count"),
            mistake("sheet_padding_readings_mixed"),
        ),
    ]
