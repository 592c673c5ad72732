"""Exercise (en 7): a c x c matrix split into b diagonal blocks (the sheet).

Prose and layout only: the counts, the executed layers, the dependency matrices and
every check are :mod:`derivations.exercises.maths.blocks`; this module words them.
Conventions: exact counting, no bias, one example, stride 1.
"""

from __future__ import annotations

import numpy as np

from derivations.exercises.document import (
    Exercise,
    Math,
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
from derivations.exercises.maths import blocks as maths
from derivations.exercises.maths.blocks import CHANNELS, SIZE
from derivations.exercises.notation import tex

__all__ = ["build"]


def _speed_section():
    speed = maths.speed()
    mults, dense_m = speed.mults, speed.dense_mults
    adds_tex, ratio_tex = "\\frac{c^2}{b} - c", "\\frac{b(c - 1)}{c - b}"
    rows = [
        [
            str(row.groups),
            f"{row.forward_mults:,}",
            f"{row.forward_adds:,}",
            f"{row.backward_mults:,}",
            f"{float(row.speedup):g}",
        ]
        for row in speed.rows
    ]
    return [
        heading(text(en="How much faster", zh="快多少")),
        paragraph(
            text(
                en="Block $t$ maps the $c/b$ inputs of group $t$ to its $c/b$ outputs; each output "
                "is a sum of $c/b$ products. SymPy sums over the $b$ blocks and their rows "
                "the multiplications $N_\\times$ and additions $N_+$ ($b = 1$ is the dense matrix):",
                zh="第 $t$ 块把第 $t$ 组的 $c/b$ 个输入映射到该组的 $c/b$ 个输出；每个输出是 "
                "$c/b$ 个乘积之和。SymPy 对 $b$ 个块及其各行求和，得乘法次数 $N_\\times$ 与加法次数 "
                "$N_+$（$b = 1$ 即稠密矩阵）：",
            )
        ),
        math(f"N_\\times = {tex(mults)},\\qquad N_+ = {adds_tex}"),
        result(
            text(
                en="Dense over block diagonal (exact counting)", zh="稠密与分块对角之比（精确计数）"
            ),
            f"\\frac{{{tex(dense_m)}}}{{{tex(mults)}}} = {tex(speed.mults_ratio)},\\qquad "
            f"\\frac{{c(c - 1)}}{{{adds_tex}}} = {ratio_tex} "
            f"\\xrightarrow{{c\\to\\infty}} {tex(speed.adds_limit)}",
        ),
        paragraph(
            text(
                en="A $1\\times 1$ convolution applies this matrix at every pixel, and "
                "groups = $b$ makes it block diagonal (checked: a grouped $1\\times 1$ "
                "layer, 8 channels, 4 groups, equals the block-diagonal product to below "
                "$10^{-12}$). "
                f"Executed by the instrumented convolution, $c = {CHANNELS}$, "
                f"${SIZE}\\times {SIZE}$ pixels, closed form = executed count in every cell:",
                zh="$1\\times 1$ 卷积在每个像素上应用这个矩阵，而 groups = $b$ 使它成为分块对角矩阵"
                "（已验证：8 通道、4 组的分组 $1\\times 1$ 层与分块对角矩阵乘积之差"
                "小于 $10^{-12}$）。由带计数的卷积执行，"
                f"$c = {CHANNELS}$，${SIZE}\\times {SIZE}$ "
                "个像素，每格均为闭式 = 实际执行次数：",
            )
        ),
        table(
            [
                "$b$",
                text(en="forward mults", zh="前向乘法"),
                text(en="forward adds", zh="前向加法"),
                text(en="backward mults", zh="反向乘法"),
                text(en="dense / grouped mults", zh="稠密 / 分组 乘法"),
            ],
            rows,
        ),
        paragraph(
            text(
                en="Parameters shrink by the same factor $b$. Wall-clock time shrinks less: a "
                "product this small is limited by memory traffic, which does not fall by $b$.",
                zh="参数量也缩小同样的 $b$ 倍。实际运行时间缩小得少一些：这么小的乘积受限于访存，"
                "而访存量并不缩小 $b$ 倍。",
            )
        ),
    ]


def _dep_matrix(dep: np.ndarray) -> Math:
    """The 0/1 dependency matrix as display math: narrow enough for a phone, unlike a
    table with one column per channel."""
    rows = " \\\\ ".join(" & ".join(str(int(v)) for v in row) for row in dep)
    return math(f"D = \\begin{{bmatrix}} {rows} \\end{{bmatrix}}")


def _dep_legend():
    return paragraph(
        text(
            en="In the matrix $D$ below, $D_{o,j} = 1$ when output channel $y_o$ depends on input "
            "channel $x_j$ (row $o$, column $j$), else 0.",
            zh="下面的矩阵 $D$ 中，输出通道 $y_o$ 依赖输入通道 $x_j$ 时 $D_{o,j} = 1$"
            "（第 $o$ 行第 $j$ 列），否则为 0。",
        )
    )


def _mixing_section():
    mixing = maths.mixing(8, 4)
    ch, groups, one = mixing.channels, mixing.groups, mixing.one
    nonzero, stacked_nz = mixing.pairs, mixing.stacked_pairs
    return [
        heading(text(en="The downside: no mixing across groups", zh="缺点：组与组之间不再混合")),
        paragraph(
            text(
                en=f"Output channel $o$ depends only on the inputs of its own group. Measured for "
                f"$c = {ch}$, $b = {groups}$: perturbing input channel $j$ changes output $o$ "
                f"only inside the diagonal blocks, {nonzero} of {ch * ch} pairs "
                "($c^2/b$); the gradient of each output channel reaches exactly the same inputs.",
                zh=f"输出通道 $o$ 只依赖本组的输入。对 $c = {ch}$、$b = {groups}$ 实测：扰动输入通道 "
                f"$j$ 只在对角块内改变输出 $o$：{ch * ch} 对中只有 {nonzero} 对（$c^2/b$）；"
                "每个输出通道的梯度也恰好只到达同样的输入。",
            )
        ),
        _dep_legend(),
        _dep_matrix(one),
        paragraph(
            text(
                en=f"Stacking grouped layers does not help: the product of two block-diagonal "
                f"matrices with the same blocks is block diagonal (two layers: {stacked_nz} "
                f"dependent pairs again). The network splits into $b$ independent narrow networks.",
                zh="叠加分组层也无济于事：同样分块的两个分块对角矩阵之积仍是分块对角的"
                f"（两层：依赖对仍为 {stacked_nz}）。整个网络分裂成 $b$ 个互不相通的窄网络。",
            )
        ),
    ]


def _fixes_section():
    fixes = maths.fixes(9, 3)
    ch, groups, full, shuffle_ops, moved = (
        fixes.channels,
        fixes.groups,
        fixes.pairs,
        fixes.shuffle_ops,
        fixes.moved,
    )
    probe_shape, two_grouped, with_dense = fixes.probe_shape, fixes.two_grouped, fixes.with_dense
    rows = [
        [
            text(
                en=f"grouped $3\\times 3$ ($b = {gg}$) + dense $1\\times 1$",
                zh=f"分组 $3\\times 3$（$b = {gg}$）+ 稠密 $1\\times 1$",
            ),
            f"{cost:,}",
        ]
        for gg, cost in fixes.mixed_costs
    ]
    rows.insert(0, [text(en="dense $3\\times 3$", zh="稠密 $3\\times 3$"), f"{fixes.dense_cost:,}"])
    return [
        heading(text(en="Fixes, and what they cost", zh="补救办法及其代价")),
        paragraph(
            text(
                en="Channel shuffle (ShuffleNet): between two grouped layers, reorder the channels "
                "so that each group of the second layer takes one channel from every group of "
                f"the first. Measured for $c = {ch}$, $b = {groups}$: after grouped, shuffle, "
                f"grouped, all {full} input-output pairs depend on each other "
                "(this needs $c/b \\ge b$). The shuffle is a permutation: executed on counted "
                f"arrays it performs {shuffle_ops} arithmetic operations, but it is not free: it "
                f"moves every activation once ({moved:,} elements for a batch of "
                f"{probe_shape[0]} of ${probe_shape[2]}\\times {probe_shape[3]}$ maps, read and "
                "written), memory traffic that a fused implementation avoids only by folding "
                "the permutation into the next layer's indexing. Two grouped layers then "
                f"cost ${tex(two_grouped)}$ multiplications per pixel, less than the dense "
                "$c^2$ once $b > 2$.",
                zh="通道洗牌（ShuffleNet）：在两个分组层之间重排通道，使第二层的每组从第一层的每组"
                f"各取一个通道。对 $c = {ch}$、$b = {groups}$ 实测：经过分组、洗牌、分组后，"
                f"全部 {full} 个输入-输出对都相互依赖（需要 $c/b \\ge b$）。"
                f"洗牌只是置换：在计数数组上执行，算术运算为 {shuffle_ops} 次，但并非没有代价：它把每个激活值搬动一次"
                f"（批量 {probe_shape[0]}、${probe_shape[2]}\\times {probe_shape[3]}$ 的特征图共 {moved:,} "
                "个元素，读一次写一次），只有把置换并入下一层的下标计算才能省去这部分访存。于是两个分组层每像素"
                f"共 ${tex(two_grouped)}$ 次乘法，当 $b > 2$ 时少于稠密的 $c^2$。",
            )
        ),
        _dep_matrix(fixes.shuffled),
        figure(
            "channel-shuffle",
            caption=text(
                en="Channel shuffle between two grouped layers: each group of the "
                "second layer takes one channel from every group of the first, so "
                "every output depends on every input.",
                zh="两个分组层之间的通道洗牌：第二层的每组从第一层的每组各取一个通道，"
                "于是每个输出都依赖所有输入。",
            ),
            alt=text(
                en="Three groups of three channels, lines from each group of the "
                "first layer fanning out to all three groups of the second.",
                zh="三组各三个通道，第一层每组的连线分散到第二层的全部三组。",
            ),
        ),
        paragraph(
            text(
                en="A dense $1\\times 1$ mixing layer (the pointwise layer after MobileNet's "
                "depthwise convolution, the $1\\times 1$ layers around ResNeXt's grouped "
                "convolution) restores full mixing but costs a dense matrix: after a "
                "block-diagonal matrix the total is "
                f"${tex(with_dense)}$ per pixel, more than the dense $c^2$ alone. It only "
                "pays when the grouped layer is spatial, where the dense one would cost "
                "$9c^2$. Forward multiplications, $c = 64$, $56\\times 56$, $3\\times 3$ with "
                "padding 2 (total), closed form = executed:",
                zh="稠密的 $1\\times 1$ 混合层（MobileNet 深度卷积之后的逐点层，ResNeXt 分组卷积"
                "前后的 $1\\times 1$ 层）能恢复完全混合，但代价是一个稠密矩阵：接在分块对角矩阵之后，"
                f"每像素共 ${tex(with_dense)}$ 次乘法，比单独的稠密 $c^2$ 还多。"
                "只有当分组层是空间卷积时才划算，因为对应的稠密层要 $9c^2$。"
                "前向乘法，$c = 64$，$56\\times 56$，$3\\times 3$，填充 2（总填充），闭式 = 实际执行：",
            )
        ),
        table([text(en="layers", zh="层"), text(en="forward mults", zh="前向乘法")], rows),
    ]


def _block_figure():
    return figure(
        "block-diagonal",
        caption=text(
            en="A $c\\times c$ matrix split into $b$ diagonal blocks: only the "
            "$c^2/b$ entries inside the blocks are multiplied.",
            zh="拆成 $b$ 个对角块的 $c\\times c$ 矩阵：只有块内的 $c^2/b$ 个元素参与乘法。",
        ),
        alt=text(
            en="A square matrix with shaded square blocks along its diagonal and zeros elsewhere.",
            zh="一个方阵，对角线上是有阴影的方块，其余位置为零。",
        ),
    )


def _answers():
    ratio, adds = maths.speedup(), maths.additions_ratio(2, 16)
    at_small, at_large = f"{float(adds.at_small):.2f}", f"{float(adds.at_large):.2f}"
    return [
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="7.1", zh="7.1"),
            text(
                en=f"${tex(ratio)}$ times fewer multiplications ($c^2/b$ instead of $c^2$); "
                "the additions drop by the factor $\\frac{b(c - 1)}{c - b}$, more than $b$ and close to it "
                f"only when $b \\ll c$ (for $c = {CHANNELS}$: {at_small} at $b = {adds.small}$, "
                f"{at_large} at $b = {adds.large}$).",
                zh=f"乘法少 ${tex(ratio)}$ 倍（$c^2/b$ 而不是 $c^2$）；加法减少为 $\\frac{{b(c - 1)}}{{c - b}}$ 倍，多于 $b$，"
                f"只有 $b \\ll c$ 时才接近 $b$（$c = {CHANNELS}$ 时：$b = {adds.small}$ 为 {at_small}，"
                f"$b = {adds.large}$ 为 {at_large}）。",
            ),
        ),
        answer(
            text(en="7.2", zh="7.2"),
            text(
                en="downside: no information crosses the groups, in any number of such layers; "
                "fix: a channel shuffle between grouped layers (no arithmetic, one pass over "
                "the activations) or a dense $1\\times 1$ layer ($c^2$ per pixel, worth it "
                "after a grouped spatial layer).",
                zh="缺点：信息不在组之间流动，叠多少层都一样；补救：在分组层之间做通道洗牌（没有算术运算，"
                "搬动一遍激活值），或加一个稠密 $1\\times 1$ 层（每像素 $c^2$，接在分组的空间卷积之后才划算）。",
            ),
        ),
    ]


def _additions_ratio_mistake():
    """The additions ratio is near b only when b << c: figures for c = CHANNELS."""
    ratio = maths.additions_ratio(2, 16)
    small, large = ratio.small, ratio.large
    shown = {small: f"{float(ratio.at_small):.2f}", large: f"{float(ratio.at_large):.2f}"}
    return mistake(
        "sheet_blocks_adds_exactly_b",
        c=CHANNELS,
        small=small,
        large=large,
        at_small=shown[small],
        at_large=shown[large],
    )


def build() -> Exercise:
    blocks = [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="$c$ channels in and out, $b$ divides $c$, the matrix acts on a vector (one "
                "pixel of a $1\\times 1$ convolution); exact counting (a sum of $t$ terms costs "
                "$t - 1$ additions), no bias.",
                zh="输入输出均为 $c$ 个通道，$b$ 整除 $c$，矩阵作用于一个向量（$1\\times 1$ "
                "卷积的一个像素）；精确计数（$t$ 项之和需 $t - 1$ 次加法），无偏置。",
            )
        ),
        *_speed_section(),
        _block_figure(),
        *_mixing_section(),
        *_fixes_section(),
        *_answers(),
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("sheet_blocks_squared_speedup"),
            _additions_ratio_mistake(),
            mistake("sheet_dense_mixing_free"),
        ),
    ]
    return exercise(
        "blocks",
        statement=text(
            en="Assume that we have a $c \\times c$ matrix. How much faster is it "
            "to multiply with a block-diagonal matrix if the matrix is broken "
            "up into $b$ blocks? What is the downside of having $b$ blocks? "
            "How could you fix it, at least partly?",
            zh="（译自英文版）假设有一个 $c \\times c$ 矩阵。"
            "如果把它拆成 $b$ 个块，与分块对角矩阵相乘会快多少？有 $b$ 个块的"
            "缺点是什么？如何至少部分地解决？",
        ),
        blocks=blocks,
    )
