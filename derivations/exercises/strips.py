"""Exercise (en 6): compute a Delta-wide output strip from one (k + Delta - 1)-wide input strip.

The model of a load: reading one input value from memory (cache) into a register;
kernel weights stay in registers and are not counted; every value of a strip is loaded
once and reused from registers for all the outputs of the strip.  Closed forms are
derived by SymPy; an instrumented strip (tile) correlation counts the loads it executes.

Prose and layout only: the closed forms, the executed loads and their checks are
:mod:`derivations.exercises.maths.strips`.
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
from derivations.exercises.maths import strips as maths
from derivations.exercises.maths.strips import L1_BYTES, REGISTER_FILES
from derivations.exercises.notation import tex

__all__ = ["build"]


def build() -> Exercise:
    facts = maths.facts()
    split, limit, at_one, gain = facts.split, facts.limit, facts.at_one, facts.gain
    within, example_within, tile_limit = facts.within, facts.example_within, facts.tile_limit
    needed, sweep, eps_example = facts.needed, facts.sweep, facts.eps_example
    tile_loads, tile_outputs = facts.tile_loads, facts.tile_outputs
    cache_needed, cache_d = facts.cache_needed, facts.cache_delta
    cache_one = facts.cache_delta_one_channel
    reg_rows, reg_bound = [], {}
    for register_file in facts.registers:
        name, regs = register_file.name, register_file.registers
        row: list[str | dict] = [name, f"{regs} \u00d7 {register_file.lanes}"]
        for bound in register_file.bounds:
            kk, d = bound.kernel, bound.delta
            reg_bound[name, kk] = d
            row.append(
                text(
                    en=f"{d} (${tex(bound.per_output)}$)",
                    zh=f"{d} (${tex(bound.per_output)}$)",
                )
                if d >= 1
                else text(
                    en=f"none: the {kk * kk} weights alone exceed {regs} registers",
                    zh=f"无：仅 {kk * kk} 个权重就超过 {regs} 个寄存器",
                )
            )
        reg_rows.append(row)
    avx2 = REGISTER_FILES[0]
    avx2_k3 = reg_bound[avx2[0], 3]
    blocks = [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="A load is one input value read from memory or cache into a register. The "
                "$k^2$ kernel weights stay in registers (loaded once, not counted); every input "
                "value of a strip is loaded once and reused from registers. One output row at a "
                "time, stride 1, no padding, one channel (with $c_i$ channels every count is "
                "per channel). A strip of $\\Delta$ outputs needs $\\Delta + k - 1$ input columns "
                "(the exercise's $k + \\Delta$ counts one column more; the limit is the same).",
                zh="一次加载指把一个输入值从内存或缓存读入寄存器。$k^2$ 个卷积核权重常驻寄存器"
                "（只加载一次，不计）；条带中的每个输入值只加载一次，然后从寄存器中复用。"
                "每次计算一行输出，步幅为 1，无填充，单通道（$c_i$ 个通道时每个计数按通道计）。"
                "$\\Delta$ 个输出的条带需要 $\\Delta + k - 1$ 列输入"
                "（题中的 $k + \\Delta$ 多算了一列，极限相同）。",
            )
        ),
        heading(text(en="Loads per output", zh="每个输出的加载次数")),
        paragraph(
            text(
                en="One value at a time, each output loads its own $k\\times k$ window. A strip "
                "loads $k$ rows of $\\Delta + k - 1$ values for $\\Delta$ outputs; SymPy:",
                zh="每次计算一个值时，每个输出都加载自己的 $k\\times k$ 窗口。条带为 $\\Delta$ "
                "个输出加载 $k$ 行、每行 $\\Delta + k - 1$ 个值；SymPy 给出：",
            )
        ),
        math(
            f"L(\\Delta) = \\frac{{{tex(facts.strip_inputs)}}}{{\\Delta}} = {tex(split)},"
            f"\\qquad L(1) = {tex(at_one)},\\qquad "
            f"\\lim_{{\\Delta\\to\\infty}} L(\\Delta) = {tex(limit)}"
        ),
        result(
            text(
                en="Loads per output value, and the gain over one value at a time",
                zh="每个输出值的加载次数，以及相对逐个计算的收益",
            ),
            f"L(\\Delta) = {tex(split)},\\qquad \\frac{{L(1)}}{{L(\\Delta)}} = "
            f"{tex(gain)} \\to {tex(facts.gain_limit)}",
        ),
        paragraph(
            text(
                en="Why it is better: neighbouring windows overlap in $k - 1$ columns, and the "
                "strip loads the overlap once instead of $k$ times. The excess over the limit, "
                f"${tex(split - limit)}$, falls like $1/\\Delta$; to come within a fraction "
                f"$\\epsilon$ of the limit takes $\\Delta \\ge {tex(within)}$ (for $k = 3$, "
                f"$\\epsilon = 0.1$: $\\Delta \\ge {example_within}$). The limit $k$ remains because a strip one row "
                "high reuses nothing vertically; a $\\Delta_h\\times\\Delta$ tile loads",
                zh="为什么更好：相邻窗口有 $k - 1$ 列重叠，条带只加载一次重叠部分，而不是 $k$ 次。"
                f"超出极限的部分 ${tex(split - limit)}$ 按 $1/\\Delta$ 下降；要与极限相差不超过"
                f"比例 $\\epsilon$，需要 $\\Delta \\ge {tex(within)}$（$k = 3$，"
                f"$\\epsilon = 0.1$ 时 $\\Delta \\ge {example_within}$）。极限仍是 $k$，因为一行高的条带在竖直方向"
                "没有复用；$\\Delta_h\\times\\Delta$ 的块每个输出加载",
            )
        ),
        math(
            f"\\frac{{(\\Delta_h + k - 1)(\\Delta + k - 1)}}{{\\Delta_h \\Delta}} \\to "
            f"{tex(tile_limit)}"
        ),
        paragraph(
            text(
                en="per output, down to one load per input value.",
                zh="次，最终每个输入值只加载一次。",
            )
        ),
        heading(text(en="Executed loads", zh="实际执行的加载次数")),
        paragraph(
            text(
                en="The instrumented strip correlation counts every value it reads into its "
                "strip buffer; a $3\\times 3$ kernel on a $6\\times 66$ input ($4\\times 64$ outputs, "
                "its results equal to those of the convolution). Closed form for the whole "
                "image, $N$ loads for $M$ output rows of width $m$, with $\\lceil m/\\Delta\\rceil$ "
                "strips per row (the last one narrower), checked against the executed count:",
                zh="带计数的条带互相关统计它读入条带缓冲区的每个值；$3\\times 3$ 核作用于 "
                "$6\\times 66$ 输入（$4\\times 64$ 个输出，结果与本项目的卷积一致）。"
                "整幅图的闭式：$M$ 行、每行宽 $m$ 的输出共 $N$ 次加载"
                "（每行 $\\lceil m/\\Delta\\rceil$ 个条带，最后一个可能较窄），"
                "与实际执行次数核对：",
            )
        ),
        math(f"N = {tex(facts.total)}"),
        table(
            [
                "$\\Delta$",
                text(en="loads (closed form = executed)", zh="加载次数（闭式 = 实际）"),
                text(en="per output", zh="每个输出"),
                "$L(\\Delta)$",
            ],
            [
                [
                    str(row.delta),
                    f"{row.loads:,}",
                    f"{row.loads / row.outputs:.3f}",
                    f"${tex(row.per_output)}$",
                ]
                for row in sweep
            ],
        ),
        paragraph(
            text(
                en=f"Where $\\Delta$ does not divide 64 (5 and 24) the per-output figure is "
                f"slightly above $L(\\Delta)$: the narrower last strip. An $8\\times 8$ tile on a "
                f"$32\\times 32$ output executes {tile_loads:,} loads, "
                f"{tile_loads / tile_outputs:.4f} per output.",
                zh=f"$\\Delta$ 不整除 64 时（5 与 24），每个输出的加载数略高于 $L(\\Delta)$："
                f"最后一个条带较窄。$8\\times 8$ 的块在 $32\\times 32$ 输出上执行 {tile_loads:,} "
                f"次加载，每个输出 {tile_loads / tile_outputs:.4f} 次。",
            )
        ),
        figure(
            "strip-loads",
            caption=text(
                en="Loads per output against the strip width $\\Delta$ for "
                "$k = 3$: from $k^2$ at $\\Delta = 1$ down towards $k$, with the "
                "idealised register limits marked.",
                zh="$k = 3$ 时每个输出的加载次数随条带宽度 $\\Delta$ 的变化：从 "
                "$\\Delta = 1$ 时的 $k^2$ 降向 $k$，并标出理想化的寄存器上限。",
            ),
            alt=text(
                en="A curve falling from 9 towards 3 as Delta grows, flattening "
                "after a few tens, with vertical marks at the register limits.",
                zh="一条随 Delta 增大从 9 降向 3 的曲线，几十之后趋平，寄存器上限处有竖线标记。",
            ),
        ),
        heading(text(en="The limit to $\\Delta$", zh="$\\Delta$ 的上限")),
        paragraph(
            text(
                en="Yes. The first limit is diminishing returns: by $\\Delta \\approx (k-1)/\\epsilon$ "
                f"({eps_example} for $k = 3$, $\\epsilon = 0.1$) the strip is within a fraction "
                "$\\epsilon$ of the best it can do, and a wider strip saves little more. The "
                "other limits are capacities, in one loop order: for each output row, channel "
                "by channel, the $k$ input rows of the strip are loaded and multiplied into the "
                "$\\Delta$ accumulators (which persist across channels). The registers must "
                "hold the working set of one channel: its $k^2$ weights, each broadcast to a "
                "vector register of its own, the $\\Delta$ accumulators and the current input "
                "row, both packed $V$ values (lanes) to a register. With $N_r$ vector registers:",
                zh="有上限。第一个上限是收益递减：到 $\\Delta \\approx (k-1)/\\epsilon$"
                f"（$k = 3$、$\\epsilon = 0.1$ 时为 {eps_example}），条带与最优值只差比例 "
                "$\\epsilon$，再加宽也省不了多少。其余上限是容量，按同一种循环次序计算："
                "对每一行输出，逐个通道加载条带的 $k$ 行输入，乘到 $\\Delta$ 个累加器上"
                "（累加器跨通道保留）。寄存器要容纳一个通道的工作集：该通道的 $k^2$ 个权重"
                "（每个广播到一个独占的向量寄存器）、$\\Delta$ 个累加器和当前一行输入"
                "（后两者每个寄存器装 $V$ 个值，即 $V$ 个槽位（lane））。设共有 $N_r$ 个向量寄存器：",
            )
        ),
        math(f"{tex(needed)} \\le N_r"),
        paragraph(
            text(
                en="Registers come whole: $\\Delta_{\\max}$ is the largest $\\Delta$ that satisfies "
                "this, found by trying $\\Delta = 1, 2, \\dots$ (the need only grows), each "
                "checked: $\\Delta_{\\max}$ fits and $\\Delta_{\\max} + 1$ does not.",
                zh="寄存器只能整个使用：$\\Delta_{\\max}$ 是满足上式的最大 $\\Delta$，"
                "依次尝试 $\\Delta = 1, 2, \\dots$ 求得（所需寄存器只增不减），并逐一核对："
                "$\\Delta_{\\max}$ 放得下，$\\Delta_{\\max} + 1$ 放不下。",
            )
        ),
        paragraph(
            text(
                en="These are idealised upper bounds, in float32 ($L(\\Delta_{\\max})$ in "
                "brackets): they assume every register holds data (none for addresses or loop "
                "counters) and that the input row needs no shifted copies; real kernels fit "
                "less.",
                zh="这些是理想化的上界，按 float32 计（括号内为 $L(\\Delta_{\\max})$）："
                "假设所有寄存器都存放数据（没有寄存器用于地址或循环计数），且每个向量槽位"
                "（lane）都存放有效数据、输入行不需要移位副本；实际内核能容纳的更少。",
            )
        ),
        table(
            [
                text(en="register file", zh="寄存器组"),
                text(
                    en="$N_r \\times V$ (registers × lanes)",
                    zh="$N_r \\times V$（寄存器 × 槽位）",
                ),
                "$k = 3$: $\\Delta_{\\max}$ ($L$)",
                "$k = 5$: $\\Delta_{\\max}$ ($L$)",
            ],
            reg_rows,
        ),
        paragraph(
            text(
                en="The register bound counts one channel, because weights and input row change "
                "with the channel. The cache bound depends on the loop order: in the order "
                "above (output rows outside, channels inside) it counts all of them: the next output row "
                "reuses $k - 1$ of the $k$ input rows of every channel, and that reuse happens "
                "only after all $c_i$ channels have passed, so the $k + 1$ rows in flight of "
                f"every channel must stay in L1. Assuming a {L1_BYTES // 1024} KiB L1 data "
                f"cache and $c_i = 64$ channels of float32: ${tex(cache_needed)} \\le "
                f"{L1_BYTES}$ bytes gives $\\Delta \\le {cache_d}$ for $k = 3$, and the bound "
                "shrinks like $1/c_i$. With the channels outside instead (every output row of "
                f"one channel, then the next channel), one channel's $k + 1$ rows suffice "
                f"($\\Delta \\le {cache_one}$), but the accumulators no longer stay in registers "
                "across channels: every output is loaded and stored once per channel. "
                "Wider strips turn the vertical reuse into L2 traffic; and "
                "$\\Delta$ cannot exceed the output width $m_w$. So diminishing returns bind "
                f"first (about {eps_example}); the capacities come next and are of the same "
                f"order: the cache ({cache_d} here, less with more channels) and the "
                f"registers ({avx2_k3} on {avx2[0]} for $k = 3$ as an idealised upper bound, "
                "less in a real kernel; on AVX2 not even the weights of a $5\\times 5$ kernel "
                "fit). "
                "A $\\Delta$ of a few tens is the answer.",
                zh="寄存器上界只按一个通道计算，因为权重和输入行随通道而变；缓存上界取决于循环次序，"
                "按上面的次序（输出行在外层、通道在内层）要按全部通道计算："
                "下一行输出要复用每个通道 $k$ 行输入中的 $k - 1$ 行，而这种复用要等全部 $c_i$ "
                "个通道处理完才发生，所以每个通道正在使用的 $k + 1$ 行都必须留在 L1 中。"
                f"假设 L1 数据缓存为 {L1_BYTES // 1024} KiB、$c_i = 64$ 个 float32 通道："
                f"${tex(cache_needed)} \\le {L1_BYTES}$ 字节，$k = 3$ 时得 "
                f"$\\Delta \\le {cache_d}$，且该上界按 $1/c_i$ 缩小。若把通道放在外层（先算完一个通道的所有输出行，"
                f"再换下一个通道），只需留住一个通道的 $k + 1$ 行（$\\Delta \\le {cache_one}$），"
                "但累加器无法跨通道留在寄存器中：每个输出对每个通道都要加载、存储一次。更宽的条带会把竖直方向的复用"
                "变成 L2 访问；而且 $\\Delta$ 不能超过输出宽度 $m_w$。因此最先起作用的是收益递减"
                f"（约 {eps_example}）；其次是同一量级的容量上限：缓存（此处为 {cache_d}，"
                f"通道越多越小）和寄存器（{avx2[0]}、$k = 3$ 时的理想化上界为 {avx2_k3}，"
                "实际内核更少；在 AVX2 上连 $5\\times 5$ 核的权重都放不下）。$\\Delta$ 取几十即可。",
            )
        ),
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="6, why", zh="6，原因"),
            text(
                en=f"neighbouring windows overlap in $k - 1$ columns: a strip loads each input "
                f"once for $\\Delta$ outputs, $L(\\Delta) = {tex(split)}$ loads per output "
                f"instead of $L(1) = {tex(at_one)}$; the same products, less memory "
                "traffic.",
                zh=f"相邻窗口有 $k - 1$ 列重叠：条带为 $\\Delta$ 个输出只加载每个输入一次，每个输出加载 "
                f"$L(\\Delta) = {tex(split)}$ 次，而不是 $L(1) = {tex(at_one)}$ 次；"
                "乘法不变，访存更少。",
            ),
        ),
        answer(
            text(en="6, limit", zh="6，上限"),
            text(
                en=f"yes: the gain flattens like $1/\\Delta$ (within 10% of the limit $k$ from "
                f"$\\Delta \\approx {eps_example}$ for $k = 3$), and the strip must fit the "
                f"registers ({avx2_k3} on {avx2[0]} for $k = 3$, idealised) and the L1 cache "
                f"({cache_d} for 64 channels); a $\\Delta$ of a few tens.",
                zh=f"有：收益按 $1/\\Delta$ 趋平（$k = 3$ 时从 $\\Delta \\approx {eps_example}$ 起与极限 $k$ "
                f"相差不到 10%），条带还必须放进寄存器（{avx2[0]}、$k = 3$ 时理想化上界为 {avx2_k3}）"
                f"和 L1 缓存（64 个通道时为 {cache_d}）；$\\Delta$ 取几十。",
            ),
        ),
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("sheet_strip_saves_products"),
            mistake("sheet_strip_unbounded"),
            mistake("sheet_strip_width_off_by_one"),
        ),
    ]
    return exercise(
        "strips",
        statement=text(
            en="Your task is to implement fast convolutions with a $k \\times k$ "
            "kernel. One of the algorithm candidates is to scan horizontally "
            "across the source, reading a $k$-wide strip and computing the "
            "$1$-wide output strip one value at a time. The alternative is to "
            "read a $k + \\Delta$ wide strip and compute a $\\Delta$-wide output "
            "strip. Why is the latter preferable? Is there a limit to how large "
            "you should choose $\\Delta$?",
            zh="（译自英文版）你的任务是实现 $k \\times k$ 卷积核的"
            "快速卷积。一种候选算法是在源数据上水平扫描，读入宽为 $k$ 的条带，"
            "一次一个值地计算宽为 $1$ 的输出条带。另一种是读入宽为 "
            "$k + \\Delta$ 的条带，计算宽为 $\\Delta$ 的输出条带。为什么后者更好？"
            "$\\Delta$ 的取值有没有上限？",
        ),
        blocks=blocks,
    )
