"""Exercise (en 7): a c x c matrix split into b diagonal blocks.

At every pixel a 1x1 convolution multiplies the channel vector by a ``c_o x c_i``
matrix; with ``groups = b`` that matrix is block diagonal.  The saving is derived by
SymPy and executed by the instrumented grouped convolution; the loss of cross-group
mixing is shown by perturbing inputs and by the gradient; the two fixes (channel
shuffle, a dense 1x1 mixing layer) are executed and their cost counted.
Conventions: exact counting, no bias, one example, stride 1.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.closed_forms import forms
from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counting import Counted, counting
from derivations.execute import run_layer
from derivations.exercises.document import (
    CheckFailed,
    Exercise,
    Math,
    answer,
    checked,
    exercise,
    figure,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    require,
    result,
    table,
    text,
)
from derivations.model import Layer
from derivations.registry.forms import Form

__all__ = [
    "build",
    "block_counts",
    "dependency",
    "gradient_dependency",
    "shuffle",
    "block_diagonal",
    "grouped_then",
    "CHANNELS",
    "SIZE",
]

c, b = sp.symbols("c b", integer=True, positive=True)
CHANNELS, SIZE = 64, 56


# --- closed forms ---------------------------------------------------------------------
def block_counts():
    """Matrix-vector product with ``b`` diagonal ``c/b x c/b`` blocks: ``(mults, adds)``;
    ``b = 1`` is the dense matrix.  Each output is a sum of ``c/b`` products."""
    i, _j, t = (sp.Dummy(s) for s in "ijt")
    per_output = c / b
    mults = sp.summation(sp.summation(per_output, (i, 1, c / b)), (t, 1, b))
    adds = sp.summation(sp.summation(per_output - 1, (i, 1, c / b)), (t, 1, b))
    return sp.simplify(mults), sp.factor(adds)


# --- machinery ------------------------------------------------------------------------
def shuffle(x, groups: int):
    """ShuffleNet's channel shuffle: ``(n, g, c/g, ...) -> (n, c/g, g, ...)``; no arithmetic."""
    n, ch = x.shape[:2]
    return x.reshape(n, groups, ch // groups, *x.shape[2:]).swapaxes(1, 2).reshape(x.shape)


def grouped_then(x, weights, layers, mix):
    """Grouped layers in sequence, ``mix`` applied between them."""
    for index, (weight, layer) in enumerate(zip(weights, layers)):
        if index:
            x = mix(x)
        x, _ = conv2d_forward(x, weight, None, layer)
    return x


def dependency(forward, channels: int, size: int = 4, seed: int = 0) -> np.ndarray:
    """``D[o, j] = 1`` when perturbing input channel ``j`` changes output channel ``o``."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, channels, size, size))
    base = forward(x)
    out = np.zeros((base.shape[1], channels), dtype=int)
    for j in range(channels):
        bumped = x.copy()
        bumped[:, j] += 1.0
        out[:, j] = np.any(forward(bumped) != base, axis=(0, 2, 3))
    return out


def gradient_dependency(weight, layer: Layer, seed: int = 0) -> np.ndarray:
    """``D[o, j] = 1`` when the gradient of output channel ``o`` reaches input channel ``j``."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape)
    _, saved = conv2d_forward(x, weight, None, layer)
    out = np.zeros((layer.c_o, layer.c_i), dtype=int)
    for o in range(layer.c_o):
        dy = np.zeros(layer.output_shape)
        dy[:, o] = 1.0
        dx, _, _ = conv2d_backward(dy, saved)
        out[o] = np.any(dx != 0, axis=(0, 2, 3))
    return out


def block_diagonal(weight, groups: int) -> np.ndarray:
    """The dense ``c_o x c_i`` matrix of a grouped 1x1 weight ``(c_o, c_i/g, 1, 1)``."""
    c_o, per = weight.shape[:2]
    out_per = c_o // groups
    full = np.zeros((c_o, per * groups))
    for t in range(groups):
        full[t * out_per : (t + 1) * out_per, t * per : (t + 1) * per] = weight[
            t * out_per : (t + 1) * out_per, :, 0, 0
        ]
    return full


def _counted_forward(layer: Layer, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape).view(Counted)
    weight = rng.standard_normal(layer.weight_shape).view(Counted)
    with counting() as count:
        conv2d_forward(x, weight, None, layer)
    return count


# --- the sheet ------------------------------------------------------------------------
def _shown(derived, equivalent, latex: str) -> str:
    """``latex`` (a readable form of ``equivalent``), once SymPy proves it equals ``derived``."""
    if sp.simplify(derived - equivalent) != 0:  # pragma: no cover - a display typo
        raise CheckFailed(f"{latex} is not {derived}")
    return latex


def _speed_section():
    mults, adds = block_counts()
    dense_m, dense_a = mults.subs(b, 1), adds.subs(b, 1)
    ratio_m = sp.simplify(dense_m / mults)
    ratio_a = b * (c - 1) / (c - b)
    adds_tex, ratio_tex = "\\frac{c^2}{b} - c", "\\frac{b(c - 1)}{c - b}"
    limit_a = sp.limit(ratio_a, c, sp.oo)
    f = forms()
    rows = []
    dense = None
    for groups in (1, 2, 4, 8, 16, 64):
        layer = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 1, 1, groups=groups)
        run = run_layer(layer)
        fm = checked(
            f"groups={groups} forward mults",
            f[Form.FORWARD_MULTS].evaluate(layer),
            run.counts[Form.FORWARD_MULTS],
        )
        fa = checked(
            f"groups={groups} forward adds",
            f[Form.FORWARD_ADDS].evaluate(layer),
            run.counts[Form.FORWARD_ADDS],
        )
        bm = checked(
            f"groups={groups} backward mults",
            f[Form.BACKWARD_MULTS].evaluate(layer),
            run.counts[Form.BACKWARD_MULTS],
        )
        per_pixel = int(mults.subs({c: CHANNELS, b: groups}))
        checked(f"groups={groups} mults per pixel", per_pixel * SIZE * SIZE, fm)
        dense = dense or fm
        rows.append([str(groups), f"{fm:,}", f"{fa:,}", f"{bm:,}", f"{dense / fm:g}"])
    # the grouped 1x1 convolution is the block-diagonal matrix at every pixel
    rng = np.random.default_rng(3)
    layer = Layer(8, 8, 5, 5, 1, 1, groups=4)
    x, weight = rng.standard_normal(layer.input_shape), rng.standard_normal(layer.weight_shape)
    y, _ = conv2d_forward(x, weight, None, layer)
    by_matrix = np.einsum("oc,nchw->nohw", block_diagonal(weight, 4), x)
    gap = float(np.max(np.abs(y - by_matrix)))
    if gap > 1e-12:  # pragma: no cover
        raise CheckFailed(f"grouped 1x1 differs from the block-diagonal product by {gap}")
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
        math(f"N_\\times = {sp.latex(mults)},\\qquad N_+ = {_shown(adds, c**2 / b - c, adds_tex)}"),
        result(
            text(
                en="Dense over block diagonal (exact counting)", zh="稠密与分块对角之比（精确计数）"
            ),
            f"\\frac{{{sp.latex(dense_m)}}}{{{sp.latex(mults)}}} = {sp.latex(ratio_m)},\\qquad "
            f"\\frac{{{_shown(dense_a, c * (c - 1), 'c(c - 1)')}}}{{{adds_tex}}} = "
            f"{_shown(dense_a / adds, ratio_a, ratio_tex)} "
            f"\\xrightarrow{{c\\to\\infty}} {sp.latex(limit_a)}",
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
                "（已验证：8 通道、4 组的分组 $1\\times 1$ 层与分块对角矩阵乘积之差为 "
                "小于 $10^{-12}$）。由带计数的卷积执行，$c = {CHANNELS}$，${SIZE}\\times {SIZE}$ "
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
    ch, groups = 8, 4
    layer = Layer(ch, ch, 4, 4, 1, 1, groups=groups)
    rng = np.random.default_rng(1)
    w1, w2 = rng.standard_normal(layer.weight_shape), rng.standard_normal(layer.weight_shape)
    one = dependency(lambda x: conv2d_forward(x, w1, None, layer)[0], ch)
    grad = gradient_dependency(w1, layer)
    if not np.array_equal(one, grad):  # pragma: no cover
        raise CheckFailed("perturbation and gradient dependencies differ")
    cf = int(sp.Integer(ch) ** 2 / groups)
    nonzero = checked("dependent pairs, one grouped layer", cf, int(one.sum()))
    stacked = dependency(lambda x: grouped_then(x, (w1, w2), (layer, layer), lambda v: v), ch)
    stacked_nz = checked("dependent pairs, two grouped layers", cf, int(stacked.sum()))
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
    ch, groups = 9, 3
    layer = Layer(ch, ch, 4, 4, 1, 1, groups=groups)
    rng = np.random.default_rng(2)
    w1, w2 = rng.standard_normal(layer.weight_shape), rng.standard_normal(layer.weight_shape)
    shuffled = dependency(
        lambda x: grouped_then(x, (w1, w2), (layer, layer), lambda v: shuffle(v, groups)), ch
    )
    full = checked("dependent pairs after shuffle", ch * ch, int(shuffled.sum()))
    probe = np.arange(2 * ch * 4 * 4, dtype=float).reshape(2, ch, 4, 4).view(Counted)
    with counting() as shuffle_cost:
        shuffle(probe, groups)
    shuffle_ops = checked("shuffle arithmetic", 0, shuffle_cost.mults + shuffle_cost.adds)
    moved_array = shuffle(probe, groups)
    moved = int(np.asarray(moved_array).size)
    require(
        sorted(np.asarray(moved_array).ravel().tolist())
        == sorted(np.asarray(probe).ravel().tolist())
        and moved == probe.size,
        "the shuffle does not move every element exactly once",
    )

    mults, _ = block_counts()
    two_grouped = sp.simplify(2 * mults)
    with_dense = sp.simplify(mults + mults.subs(b, 1))
    f = forms()[Form.FORWARD_MULTS]
    rows = []
    for gg in (4, 16, 64):
        spatial = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 3, 3, p_h=2, p_w=2, groups=gg)
        point = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 1, 1)
        cost = checked(
            f"grouped 3x3, groups={gg}", f.evaluate(spatial), _counted_forward(spatial).mults
        )
        cost += checked("dense 1x1", f.evaluate(point), _counted_forward(point).mults)
        rows.append(
            [
                text(
                    en=f"grouped $3\\times 3$ ($b = {gg}$) + dense $1\\times 1$",
                    zh=f"分组 $3\\times 3$（$b = {gg}$）+ 稠密 $1\\times 1$",
                ),
                f"{cost:,}",
            ]
        )
    dense3 = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 3, 3, p_h=2, p_w=2)
    dense_cost = checked("dense 3x3", f.evaluate(dense3), _counted_forward(dense3).mults)
    rows.insert(0, [text(en="dense $3\\times 3$", zh="稠密 $3\\times 3$"), f"{dense_cost:,}"])
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
                f"{probe.shape[0]} of ${probe.shape[2]}\\times {probe.shape[3]}$ maps, read and "
                "written), memory traffic that a fused implementation avoids only by folding "
                "the permutation into the next layer's indexing. Two grouped layers then "
                f"cost ${sp.latex(two_grouped)}$ multiplications per pixel, less than the dense "
                "$c^2$ once $b > 2$.",
                zh="通道洗牌（ShuffleNet）：在两个分组层之间重排通道，使第二层的每组从第一层的每组"
                f"各取一个通道。对 $c = {ch}$、$b = {groups}$ 实测：经过分组、洗牌、分组后，"
                f"全部 {full} 个输入-输出对都相互依赖（需要 $c/b \\ge b$）。"
                f"洗牌只是置换：在计数数组上执行，算术运算为 {shuffle_ops} 次，但并非没有代价：它把每个激活值搬动一次"
                f"（批量 {probe.shape[0]}、${probe.shape[2]}\\times {probe.shape[3]}$ 的特征图共 {moved:,} "
                "个元素，读一次写一次），只有把置换并入下一层的下标计算才能省去这部分访存。于是两个分组层每像素"
                f"共 ${sp.latex(two_grouped)}$ 次乘法，当 $b > 2$ 时少于稠密的 $c^2$。",
            )
        ),
        _dep_matrix(shuffled),
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
                f"${sp.latex(with_dense)}$ per pixel, more than the dense $c^2$ alone. It only "
                "pays when the grouped layer is spatial, where the dense one would cost "
                "$9c^2$. Forward multiplications, $c = 64$, $56\\times 56$, $3\\times 3$ with "
                "padding 2 (total), closed form = executed:",
                zh="稠密的 $1\\times 1$ 混合层（MobileNet 深度卷积之后的逐点层，ResNeXt 分组卷积"
                "前后的 $1\\times 1$ 层）能恢复完全混合，但代价是一个稠密矩阵：接在分块对角矩阵之后，"
                f"每像素共 ${sp.latex(with_dense)}$ 次乘法，比单独的稠密 $c^2$ 还多。"
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
    mults, _ = block_counts()
    ratio = sp.simplify(mults.subs(b, 1) / mults)
    return [
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="7.1", zh="7.1"),
            text(
                en=f"${sp.latex(ratio)}$ times fewer multiplications ($c^2/b$ instead of $c^2$); "
                "the additions drop by slightly more than $b$.",
                zh=f"乘法少 ${sp.latex(ratio)}$ 倍（$c^2/b$ 而不是 $c^2$）；加法减少得略多于 $b$ 倍。",
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
    ratio = b * (c - 1) / (c - b)
    small, large = 2, 16
    at = {g: ratio.subs({c: CHANNELS, b: g}) for g in (small, large)}
    shown = {g: f"{float(v):.2f}" for g, v in at.items()}
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
