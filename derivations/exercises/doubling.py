"""zh 3 / en 3: doubling the channels (exact ratio, limit 4) and doubling the padding
(exact increase with floors, the stride-1 form, a few to some tens of percent).

Prose and layout only: the ratios, the executed layers and their checks are
:mod:`derivations.exercises.maths.doubling`."""

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
from derivations.exercises.maths import doubling as maths
from derivations.exercises.notation import decimal, num, percent, rows, tex
from derivations.registry.forms import Form

__all__ = ["build"]

SYMBOLS = {Form.FORWARD_MULTS: "M", Form.FORWARD_ADDS: "A", Form.FORWARD_OPS: "(M + A)"}
# the tabulated layers of maths.PADDING_LAYERS, in order
PADDING_LABELS = (
    "56^2,\\ 3\\times 3",
    "256^2,\\ 5\\times 5",
    "56^2,\\ 3\\times 3,\\ s = 2",
    "28^2,\\ 5\\times 5",
    "8^2,\\ 3\\times 3",
)


def build() -> Exercise:
    ch, pad = maths.channels(), maths.padding()
    return exercise(
        "doubling",
        statement=text(
            # d2l.ai (en), exercise 3, verbatim (c_\textrm{i} printed as c_i)
            en="By what factor does the number of calculations increase if we double both the "
            "number of input channels $c_i$ and the number of output channels $c_o$? What "
            "happens if we double the padding?",
            # zh.d2l.ai 6.4, 练习 3, verbatim
            zh="如果我们将输入通道 $c_i$ 和输出通道 $c_o$ 的数量加倍，计算数量会增加多少？"
            "如果我们把填充数量翻一番会怎么样？",
        ),
        blocks=[
            *conventions(),
            *channels(ch),
            *padding(pad),
            *answers(ch, pad),
            *common_mistakes(pad),
        ],
    )


def conventions() -> list:
    return [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="Forward pass, one example, no dilation or groups. $M$: multiplications (= MACs; "
                "FLOPs are $2M$ and scale like $M$); $A$: additions under exact counting, without bias "
                "unless stated. Padding $p_h$ is the total (the section's formula, as in Exercise 2); "
                "the per-side reading is given beside it.",
                zh="前向传播，单个样本，无空洞、无分组。$M$：乘法次数（= MACs；FLOPs 为 $2M$，与 $M$ 同比例变化）；"
                "$A$：精确计数的加法次数，除非注明均无偏置。$p_h$ 为合计的填充（该节公式，与练习 2 相同）；"
                "每侧的读法并列给出。",
            )
        ),
    ]


def channels(facts: maths.Channels) -> list:
    plain, memory = facts.plain, facts.memory
    bias_ratio = tex(facts.bias_ratio)
    table_rows = [
        [
            f"$c_i = c_o = {row.channels}$",
            f"${num(row.before)}$",
            f"${num(row.after)}$",
            f"${decimal(row.ratio)}$",
            f"${decimal(row.executed_ratio)}$",
        ]
        for row in facts.rows
    ]
    return [
        heading(text(en="Doubling $c_i$ and $c_o$", zh="$c_i$ 与 $c_o$ 加倍")),
        paragraph(
            text(
                en="Substitute $c_i\\mapsto 2c_i$, $c_o\\mapsto 2c_o$ in each closed form and divide; "
                "the limit lets $c_i, c_o$ grow together.",
                zh="在每个闭式解中代入 $c_i\\mapsto 2c_i$、$c_o\\mapsto 2c_o$ 再相除；极限中 $c_i, c_o$ 一起增大。",
            )
        ),
        math(
            rows(
                *(
                    (f"\\frac{{{sym}(2c_i, 2c_o)}}{{{sym}(c_i, c_o)}}", tex(plain[key].ratio))
                    for key, sym in SYMBOLS.items()
                )
            )
        ),
        result(
            text(en="Multiplications, MACs, FLOPs", zh="乘法、MACs、FLOPs"),
            f"\\times {tex(plain[Form.FORWARD_MULTS].ratio)}",
        ),
        result(
            text(
                en="Exact multiplications + additions, no bias", zh="精确计数的乘法 + 加法，无偏置"
            ),
            f"\\times {tex(plain[Form.FORWARD_OPS].ratio)} "
            f"\\;\\xrightarrow{{c_i\\to\\infty}}\\; {tex(plain[Form.FORWARD_OPS].limit)}",
        ),
        paragraph(
            text(
                en=f"With bias the additions and the total both grow by exactly "
                f"$\\times {bias_ratio}$. "
                f"Memory: weights $\\times {tex(memory[Form.MEMORY_WEIGHTS])}$, input "
                f"$\\times {tex(memory[Form.MEMORY_INPUT])}$, output "
                f"$\\times {tex(memory[Form.MEMORY_OUTPUT])}$.",
                zh=f"有偏置时，加法次数与总数都恰好变为 ${bias_ratio}$ 倍。内存：权重 $\\times "
                f"{tex(memory[Form.MEMORY_WEIGHTS])}$，输入 $\\times {tex(memory[Form.MEMORY_INPUT])}$，输出 "
                f"$\\times {tex(memory[Form.MEMORY_OUTPUT])}$。",
            )
        ),
        paragraph(
            text(
                en="$M + A$ before and after doubling ($56\\times 56$, $3\\times 3$, $p_h = p_w = 2$); "
                "the ratio from the closed form and from the executed counts:",
                zh="加倍前后的 $M + A$（$56\\times 56$、$3\\times 3$、$p_h = p_w = 2$）；"
                "由闭式解与由实际执行计数得到的比值：",
            )
        ),
        table(
            [
                text(en="Layer", zh="层"),
                text(en="Before", zh="加倍前"),
                text(en="After", zh="加倍后"),
                text(en="Ratio", zh="比值"),
                text(en="Executed", zh="实际执行"),
            ],
            table_rows,
        ),
    ]


def padding(facts: maths.Padding) -> list:
    dp, per_side, step = facts.total, facts.per_side, facts.step
    table_rows = []
    for label, row in zip(PADDING_LABELS, facts.rows, strict=True):
        cells = [f"${label}$", f"${row.layer.p_h}\\to {2 * row.layer.p_h}$"]
        for reading in row.readings:
            cells += [f"${reading.m_h}\\to {reading.m_h_doubled}$", f"$+{percent(reading.ratio)}$"]
        table_rows.append(cells)
    return [
        heading(text(en="Doubling the padding", zh="填充加倍")),
        paragraph(
            text(
                en="Padding enters the cost only through the output size. With "
                "$m'_h = \\lfloor (h - k_h + 2p_h + s_h)/s_h \\rfloor$ the output height after "
                "doubling (likewise $m'_w$), the exact increase, floors included, is",
                zh="填充只通过输出大小影响计算量。记加倍后的输出高度为 "
                "$m'_h = \\lfloor (h - k_h + 2p_h + s_h)/s_h \\rfloor$（$m'_w$ 同理），"
                "含取整的精确增量为",
            )
        ),
        result(
            text(en="Exact increase of the multiplications", zh="乘法次数的精确增量"),
            f"\\Delta M = {tex(step)}",
        ),
        paragraph(
            text(
                en="With stride 1 the floors vanish and the output grows by $p_h$ rows and $p_w$ "
                "columns (by $2p_h$, $2p_w$ with padding per side):",
                zh="步幅为 1 时取整消失，输出增加 $p_h$ 行、$p_w$ 列（每侧填充时为 $2p_h$、$2p_w$）：",
            )
        ),
        result(
            text(en="Stride 1, total padding", zh="步幅 1，总填充"),
            rows(("\\Delta M", tex(dp.stride1_increase)), ("\\frac{M'}{M}", tex(dp.stride1_ratio))),
        ),
        result(
            text(en="Stride 1, padding per side", zh="步幅 1，每侧填充"),
            rows(
                ("\\Delta M", tex(per_side.stride1_increase)),
                ("\\frac{M'}{M}", tex(per_side.stride1_ratio)),
            ),
        ),
        *_growth_bound(facts),
        paragraph(
            text(
                en="The same number $p_h$ doubled in both readings: as the total (this sheet's "
                "reading) and as rows on each side (twice the total); output height and increase "
                "of the multiplications, each equal in the closed form and in the executed counts:",
                zh="同一个数值 $p_h$ 在两种读法下加倍：作为合计（本文的读法）与作为每侧的行数（合计的两倍）；"
                "输出高度与乘法次数的增幅，闭式解与实际执行计数一致：",
            )
        ),
        table(
            [
                text(en="Layer", zh="层"),
                "$p_h$",
                text(en="total: $m_h$", zh="合计：$m_h$"),
                text(en="total: increase", zh="合计：增幅"),
                text(en="per side: $m_h$", zh="每侧：$m_h$"),
                text(en="per side: increase", zh="每侧：增幅"),
            ],
            table_rows,
        ),
        figure(
            "padding-doubling-ratio",
            caption=text(
                en=f"Increase of the cost when the padding doubles, $p_h = p_w = "
                f"{maths.FIGURE_PADDING}\\to {2 * maths.FIGURE_PADDING}$, against the input size "
                f"$h = w$, in both readings; ${maths.FIGURE_KERNEL}\\times {maths.FIGURE_KERNEL}$ "
                f"kernel, stride 1 (channels cancel in the ratio). More than double at the "
                f"smallest input ({_smallest(facts, 'en')}), tens of percent for small inputs, "
                "a few percent for large ones.",
                zh=f"填充加倍（$p_h = p_w = {maths.FIGURE_PADDING}\\to {2 * maths.FIGURE_PADDING}$）"
                f"时计算量的增幅随输入大小 $h = w$ 的变化（两种读法）；"
                f"${maths.FIGURE_KERNEL}\\times {maths.FIGURE_KERNEL}$ 卷积核，步幅 1（通道数在比值中约去）。"
                f"最小的输入上超过两倍（{_smallest(facts, 'zh')}），小输入增加百分之几十，大输入只增加百分之几。",
            ),
            alt=text(
                en="Two falling curves of the percentage increase against the input "
                "size, the per-side reading above the total reading.",
                zh="两条随输入大小下降的增幅曲线，每侧读法的曲线在合计读法之上。",
            ),
        ),
    ]


def _smallest(facts: maths.Padding, lang: str) -> str:
    """The figure's smallest layer, doubled in both readings: its increases, in words."""
    row = facts.smallest
    total, per_side = (f"$+{percent(reading.ratio)}$" for reading in row.readings)
    size, kernel = f"${row.layer.h}\\times {row.layer.w}$", f"$k = {row.layer.k_h}$"
    if lang == "zh":
        return f"{size}，{kernel}：合计 {total}，每侧 {per_side}"
    return f"{size}, {kernel}: {total} total, {per_side} per side"


def _growth_bound(facts: maths.Padding) -> list:
    """How far the cost can grow: each output side by less than 2, the cost by less
    than 4; more than double when the input is barely larger than the kernel."""
    total, per_side = (tex(facts.axis_growth[key]) for key in ("total", "per-side"))
    row = facts.smallest
    return [
        paragraph(
            text(
                en="How much it can grow. Write $h = k_h + e$ ($e \\ge 0$: the kernel fits). At "
                f"stride 1 one side of the output grows by $m'_h/m_h = {total}$ (per side: "
                f"${per_side}$), less than 2 for every $e$ and $p_h$; so the cost grows by less "
                "than $4\\times$ in 2-D. It exceeds $2\\times$ when the input is barely larger "
                f"than the kernel: executed at {_smallest(facts, 'en')} (stride 1, "
                f"$p_h = {row.layer.p_h}\\to {2 * row.layer.p_h}$). Only when the input is large "
                "next to the padding is the increase a few percent.",
                zh="能增加多少：记 $h = k_h + e$（$e \\ge 0$：卷积核放得下）。步幅为 1 时，输出的一边增长为 "
                f"$m'_h/m_h = {total}$（每侧读法：${per_side}$），对任何 $e$ 与 $p_h$ 都小于 2；"
                "所以二维时计算量的增长小于 $4$ 倍。输入只比卷积核略大时会超过 $2$ 倍：实际执行 "
                f"{_smallest(facts, 'zh')}（步幅 1，$p_h = {row.layer.p_h}\\to {2 * row.layer.p_h}$）。"
                "只有输入相对填充很大时，增幅才只有百分之几。",
            )
        )
    ]


def answers(ch: maths.Channels, pad: maths.Padding) -> list:
    ops, mults, dp = ch.plain[Form.FORWARD_OPS], ch.plain[Form.FORWARD_MULTS], pad.total
    return [
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="3, channels", zh="3，通道"),
            text(
                en=f"$\\times {tex(mults.ratio)}$ for the multiplications (MACs, FLOPs); the exact "
                f"count of multiplications and additions grows by ${tex(ops.ratio)}$, slightly "
                f"more, tending to ${tex(ops.limit)}$.",
                zh=f"乘法（MACs、FLOPs）变为 $\\times {tex(mults.ratio)}$；乘法加法的精确计数变为 "
                f"${tex(ops.ratio)}$ 倍，略多一些，趋于 ${tex(ops.limit)}$。",
            ),
        ),
        answer(
            text(en="3, padding", zh="3，填充"),
            text(
                en="only the output grows: by $p_h$ rows and $p_w$ columns at stride 1 (total "
                f"padding), the cost by the factor ${tex(dp.stride1_ratio)}$: a few percent for "
                "large inputs, tens of percent for small ones, more than double for an input "
                f"barely larger than the kernel ({_smallest(pad, 'en')}); always less than "
                "$4\\times$, since each side of the output grows by less than $2\\times$.",
                zh="只有输出变大：步幅为 1 时（合计填充）增加 $p_h$ 行、$p_w$ 列，计算量变为 "
                f"${tex(dp.stride1_ratio)}$ 倍：大输入增加百分之几，小输入增加百分之几十，"
                f"输入只比卷积核略大时超过两倍（{_smallest(pad, 'zh')}）；"
                "但总小于 $4$ 倍，因为输出的每一边都增长不到 $2$ 倍。",
            ),
        ),
    ]


def common_mistakes(pad: maths.Padding) -> list:
    row = pad.smallest
    total, per_side = (percent(reading.ratio) for reading in row.readings)
    return [
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake(
                "padding_doubles_cost",
                size=f"{row.layer.h}\\times {row.layer.w}",
                k=row.layer.k_h,
                total=total,
                per_side=per_side,
            ),
            mistake("doubling_doubles"),
            mistake("sheet_exact_ratio_four"),
            mistake("sheet_stride_one_padding_ratio"),
        ),
    ]
