"""Exercise: are ``Y1`` and ``Y2`` of the section's 1x1 example exactly equal? (the sheet)

Prose and layout only: the measurements and their checks are
:mod:`derivations.exercises.maths.equal_outputs`.

The section's two functions are reimplemented in NumPy line for line (float32, fixed
seeds) and run over many seeds; every number on the sheet is measured at build time.
Deterministic emulations of the two summation schemes (round every product then add
left to right; a fused multiply-add chain) explain which rounding each path performs.
"""

from __future__ import annotations

import inspect

import numpy as np

from derivations.exercises.document import (
    Exercise,
    Paragraph,
    answer,
    code,
    exercise,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
    text,
)
from derivations.exercises.maths import equal_outputs as maths
from derivations.exercises.maths.equal_outputs import (
    SEEDS,
    corr2d,
    corr2d_multi_in,
    corr2d_multi_in_out,
    corr2d_multi_in_out_1x1,
)
from derivations.registry.exercises import EXERCISES

__all__ = ["build"]


# --- the sheet ------------------------------------------------------------------------
def _sci(x: float) -> str:
    """``9.54 \\times 10^{-7}`` (LaTeX, for inside $...$)."""
    if x == 0:
        return "0"
    exponent = int(np.floor(np.log10(abs(x))))
    if -3 <= exponent <= 2:
        return f"{x:.3g}"
    return f"{x / 10.0**exponent:.3g} \\times 10^{{{exponent}}}"


_SCALE = "u \\sum_i \\lvert K_{o,i} X_{i,r,c}\\rvert"
_IMPORTS = "import numpy as np\n\n\n"


def _ratio(x: float) -> str:
    """A measured ratio, the same precision in every column."""
    return f"{x:.2f}"


def _digits(x) -> str:
    """A float32 value to 9 significant digits: enough to tell any two float32 apart."""
    return np.format_float_positional(np.float32(x), precision=9, unique=False, fractional=False)


def _sources() -> str:
    return _IMPORTS + "\n\n".join(
        inspect.getsource(f)
        for f in (corr2d, corr2d_multi_in, corr2d_multi_in_out, corr2d_multi_in_out_1x1)
    )


def _nonassociative():
    left, right = maths.nonassociative()
    return math(f"(0.1 + 0.2) + 0.3 = {left!r},\\qquad 0.1 + (0.2 + 0.3) = {right!r}")


def _float64_reason(facts: maths.Facts) -> Paragraph:
    """Why Y1 == Y2 in float64 on the float32 values: the products are exact there, and
    (when the emulations say so) both paths add the channels in the same order; not
    because the order does not matter (the reversed order changes some entries)."""
    same_order = facts.chain_y2 == SEEDS and facts.fma_y1 == SEEDS
    reverse = (
        f"adding the channels in the order 3, 2, 1 instead changes {facts.reversed64:,} of "
        f"the {facts.entries64:,} float64 entries"
    )
    reverse_zh = (
        f"若按 3、2、1 的次序相加，{facts.entries64} 个 float64 元素中有 {facts.reversed64} 个改变"
    )
    if same_order and facts.reversed64:
        return paragraph(
            text(
                en="Run in float64 on the same float32-rounded values, the two agree bitwise for "
                f"{facts.same64} of {SEEDS} seeds. Not because the order does not matter there "
                f"({reverse}), but because both paths add the channels in the same order, 1, 2, "
                "3 (the emulation table), and the product of two float32 numbers is exact in "
                "float64 (checked for every product): rounding each product before adding (the "
                "loops) and fusing it with the addition (the matrix product) then give the same "
                "sum. So the differences above are float32 roundings of the products, not a "
                "property of the data.",
                zh=f"把同样的 float32 数值放到 float64 中计算，{SEEDS} 个种子中有 {facts.same64} 个"
                f"逐位相等。这并不是因为次序无关（{reverse_zh}），而是因为两条路径都按同一次序 1、2、3 "
                "累加各通道（见上面的模拟表），并且两个 float32 数之积在 float64 中是精确的（每个乘积都已核对）："
                "先把乘积舍入再相加（循环）与把乘法和加法融合（矩阵乘法）于是得到同一个和。"
                "所以上面的差异来自 float32 对乘积的舍入，而不是数据本身。",
            )
        )
    if not facts.reversed64:
        return paragraph(
            text(
                en="Run in float64 on the same float32-rounded values, the two agree bitwise "
                f"for {facts.same64} of {SEEDS} seeds: the product of two float32 numbers is "
                "exact in float64 (checked for every product), and on these draws even the "
                "reversed channel order gives the same float64 sums.",
                zh=f"把同样的 float32 数值放到 float64 中计算，{SEEDS} 个种子中有 {facts.same64} 个逐位相等："
                "两个 float32 数之积在 float64 中是精确的（每个乘积都已核对），"
                "并且在这些数据上即使逆序相加，float64 的和也相同。",
            )
        )
    return paragraph(
        text(
            en="Run in float64 on the same float32-rounded values, the two agree bitwise for "
            f"{facts.same64} of {SEEDS} seeds. The product of two float32 numbers is exact in "
            f"float64 (checked for every product), but the order still matters there ({reverse}): "
            "on this machine the two paths' orders happen to give the same float64 sums.",
            zh=f"把同样的 float32 数值放到 float64 中计算，{SEEDS} 个种子中有 {facts.same64} 个逐位相等。"
            "两个 float32 数之积在 float64 中是精确的（每个乘积都已核对），但次序仍有影响"
            f"（{reverse_zh}）：在本机上两条路径的次序恰好给出相同的 float64 和。",
        )
    )


def build() -> Exercise:
    facts = maths.facts()
    torch = maths.TORCH
    s32, s64, first, shrink = (
        facts.float32,
        facts.float64,
        facts.first,
        facts.shrink,
    )
    seq_y1, seq_y2 = facts.chain_y1, facts.chain_y2
    rev_y1, rev_y2 = facts.reversed_y1, facts.reversed_y2
    fma_y1, fma_y2 = facts.fma_y1, facts.fma_y2
    blocks = [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="The section's code reimplemented in NumPy line for line (below); "
                "$X$ of shape $(3, 3, 3)$ and $K$ of shape $(2, 3, 1, 1)$, entries drawn from "
                "$N(0, 1)$ by NumPy's generator with seeds 0 to "
                f"{SEEDS - 1} and rounded to float32; the float64 column runs the float64 draws "
                "themselves, not rounded (on the float32-rounded values run in float64, see "
                "below, the two agree bitwise). As in the section, "
                "$Y_1$ = corr2d_multi_in_out_1x1(X, K), the matrix product, and "
                "$Y_2$ = corr2d_multi_in_out(X, K), the loops. "
                "Bitwise equal means every one of the 18 entries has the same bits. $u$ is the "
                "unit roundoff ($2^{-24}$ in float32, $2^{-53}$ in float64); a sum of three "
                "products can be off by about $3u \\sum_i \\lvert K_{o,i} X_{i,r,c}\\rvert$, the natural "
                "scale for a difference. "
                f"Measured with {facts.blas}; the book's PyTorch code separately, below.",
                zh="把本节代码逐行改写为 NumPy（见下）；$X$ 形状为 $(3, 3, 3)$，$K$ 形状为 "
                "$(2, 3, 1, 1)$，元素由 NumPy 随机数生成器以种子 0 到 "
                f"{SEEDS - 1} 从 $N(0, 1)$ 抽取并舍入为 float32；float64 一列使用 float64 的抽样值本身，"
                "未经舍入（把舍入为 float32 的数值放到 float64 中计算时二者逐位相等，见下文）。与本节一致，"
                "$Y_1$ = corr2d_multi_in_out_1x1(X, K)，即矩阵乘法；"
                "$Y_2$ = corr2d_multi_in_out(X, K)，即循环。"
                "逐位相等指 18 个元素的二进制位全部相同。$u$ 为单位舍入误差（float32 为 "
                "$2^{-24}$，float64 为 $2^{-53}$）；三个乘积之和的误差约为 "
                "$3u \\sum_i \\lvert K_{o,i} X_{i,r,c}\\rvert$，这是衡量差异的自然尺度。"
                f"测量环境：{facts.blas}；本书的 PyTorch 代码另行测量，见下文。",
            )
        ),
        code(_sources()),
        heading(text(en="Answer", zh="答案")),
        paragraph(
            text(
                en="Mathematically yes: both compute $Y_{o,r,c} = \\sum_{i=1}^{c_i} K_{o,i} X_{i,r,c}$, "
                "the same three products summed. In floating point, not always: the two paths "
                "round differently, so they agree only up to a rounding error, which is why the "
                "book tests with a tolerance, not with equality.",
                zh="数学上相等：两者都计算 $Y_{o,r,c} = \\sum_{i=1}^{c_i} K_{o,i} X_{i,r,c}$，"
                "是同样三个乘积之和。在浮点运算中不一定相等：两条路径的舍入方式不同，"
                "只在舍入误差范围内一致，所以书中用容差而不是相等来检验。",
            )
        ),
        table(
            [text(en="measured", zh="测量量"), "float32", "float64"],
            [
                [
                    text(
                        en=f"seeds with $Y_1 = Y_2$ bitwise (of {SEEDS})",
                        zh=f"$Y_1 = Y_2$ 逐位相等的种子数（共 {SEEDS} 个）",
                    ),
                    str(s32.equal_tensors),
                    str(s64.equal_tensors),
                ],
                [
                    text(
                        en=f"entries that differ (of {s32.entries})",
                        zh=f"不相等的元素数（共 {s32.entries} 个）",
                    ),
                    str(s32.differing_entries),
                    str(s64.differing_entries),
                ],
                [
                    text(
                        en="largest $\\lvert Y_1 - Y_2\\rvert$",
                        zh="最大 $\\lvert Y_1 - Y_2\\rvert$",
                    ),
                    f"${_sci(s32.max_abs)}$",
                    f"${_sci(s64.max_abs)}$",
                ],
                [
                    text(
                        en=f"largest $\\lvert Y_1 - Y_2\\rvert / ({_SCALE})$",
                        zh=f"最大 $\\lvert Y_1 - Y_2\\rvert / ({_SCALE})$",
                    ),
                    _ratio(s32.max_relative),
                    _ratio(s64.max_relative),
                ],
                [
                    text(
                        en="seeds where the book's check $\\sum \\lvert Y_1 - Y_2\\rvert < 10^{-6}$ fails",
                        zh="书中检验 $\\sum \\lvert Y_1 - Y_2\\rvert < 10^{-6}$ 不通过的种子数",
                    ),
                    str(s32.book_assert_fails),
                    str(s64.book_assert_fails),
                ],
            ],
        ),
        heading(text(en="Why", zh="原因")),
        paragraph(
            text(
                en="Floating-point addition is not associative, and every operation rounds. "
                "A tiny example in float64:",
                zh="浮点加法不满足结合律，并且每一步运算都会舍入。float64 中的一个小例子：",
            )
        ),
        _nonassociative(),
        paragraph(
            text(
                en="Y2 (the loops, corr2d_multi_in) rounds every product to float32, then adds the "
                "channels left to right starting from Python's $0$. Y1 is one matrix product: the BLAS "
                "library chooses the order and may fuse each multiply with its add "
                "(FMA: one rounding instead of two). Emulating the candidates exactly, without "
                "BLAS, and comparing bit for bit with the two paths tells which rounding each "
                f"performs (seeds where the emulation equals the path, of {SEEDS}):",
                zh="Y2（循环，corr2d_multi_in）先把每个乘积舍入为 float32，再从 Python 的 $0$ "
                "开始按通道从左到右相加。Y1 是一次矩阵乘法：由 BLAS 库决定求和次序，"
                "并可能把乘法与加法融合（FMA：一次舍入而不是两次）。不经 BLAS 精确模拟各候选方案，"
                f"再与两条路径逐位比较，即可看出各自的舍入方式（模拟结果与路径相等的种子数，共 {SEEDS} 个）：",
            )
        ),
        table(
            [text(en="emulation", zh="模拟方案"), "$Y_1$", "$Y_2$"],
            [
                [
                    text(
                        en="round each product, add channels 1, 2, 3",
                        zh="每个乘积舍入，按通道 1, 2, 3 相加",
                    ),
                    str(seq_y1),
                    str(seq_y2),
                ],
                [
                    text(
                        en="round each product, add channels 3, 2, 1",
                        zh="每个乘积舍入，按通道 3, 2, 1 相加",
                    ),
                    str(rev_y1),
                    str(rev_y2),
                ],
                [
                    text(en="fused multiply-add, channels 1, 2, 3", zh="融合乘加，按通道 1, 2, 3"),
                    str(fma_y1),
                    str(fma_y2),
                ],
            ],
        ),
        paragraph(
            text(
                en="The order matters (the reversed sum is another result) and so does fusing. "
                "The $Y_1$ column (the matrix product) is a property of this machine's BLAS "
                "library and CPU kernel: another "
                "BLAS, another CPU or a blocked order for larger $c_i$ gives other counts, "
                "which is the point: the result is not specified to the last bit.",
                zh="求和次序有影响（逆序相加得到另一个结果），是否融合也有影响。"
                "$Y_1$ 那一列（矩阵乘法）取决于本机的 BLAS 库与 CPU 内核：换一个 BLAS、换一个 CPU，"
                "或 $c_i$ 更大时的分块次序，都会给出别的计数——这正说明结果并不保证精确到最后一位。",
            )
        ),
    ]
    if first is not None:
        seed, (o, r, c), v1, v2, exact = first.seed, first.index, first.y1, first.y2, first.exact
        blocks += [
            paragraph(
                text(
                    en=f"One differing entry, seed {seed}, $Y_{{{o},{r},{c}}}$ (0-based), against the "
                    "same sum computed in float64 on the same float32 values:",
                    zh=f"一个不相等的元素：种子 {seed}，$Y_{{{o},{r},{c}}}$（下标从 0 开始），"
                    "与在 float64 中对同样的 float32 数值求同一和的结果对比：",
                )
            ),
            math(
                f"Y_1 = {_digits(v1)},\\quad Y_2 = {_digits(v2)},\\quad "
                f"Y_{{\\mathrm{{float64}}}} = {float(exact)!r}"
            ),
        ]
    number = {lang: EXERCISES["equal_outputs"].number(lang) for lang in ("en", "zh")}
    blocks += [
        _float64_reason(facts),
        paragraph(
            text(
                en="The book's own code, in PyTorch: on this machine (PyTorch "
                f"{torch.version}, CPU, one thread, `torch.manual_seed(seed)` for seeds 0 to "
                f"{torch.seeds - 1}), Y1 and Y2 are bitwise equal for {torch.equal} of "
                f"{torch.seeds} seeds: its matrix product for these tiny shapes rounds and adds "
                "the way the loops do. Another PyTorch build, another CPU or larger shapes may "
                "not: equality to the last bit is a property of the backend, not of the "
                "mathematics.",
                zh=f"本书自己的 PyTorch 代码：在本机上（PyTorch {torch.version}，CPU，单线程，"
                f"种子 0 到 {torch.seeds - 1} 用 `torch.manual_seed(seed)`），{torch.seeds} 个种子中有 "
                f"{torch.equal} 个的 Y1 与 Y2 逐位相等：对这么小的形状，它的矩阵乘法与循环的舍入和相加方式相同。"
                "换一个 PyTorch 构建、换一个 CPU 或更大的形状就未必如此：是否精确到最后一位相等取决于后端，"
                "而不是数学。",
            )
        ),
        answer(
            text(en=str(number["en"]), zh=str(number["zh"])),
            text(
                en="Not guaranteed; it depends on the backend. They are equal in exact "
                "arithmetic, and the two paths round differently in general: with NumPy here "
                f"(float32) Y1 and Y2 differ in the last bits for {SEEDS - s32.equal_tensors} of "
                f"{SEEDS} seeds, with the book's PyTorch code here they are bitwise equal for "
                f"{torch.equal} of {torch.seeds}. So compare them with a tolerance, as the book "
                "does, not with ==.",
                zh="不能保证，取决于后端。精确算术下二者相等，但两条路径一般按不同方式舍入：本机上用 NumPy"
                f"（float32）时 {SEEDS} 个种子中有 {SEEDS - s32.equal_tensors} 个的 Y1 与 Y2 末位不同，"
                f"用本书的 PyTorch 代码时 {torch.seeds} 个中有 {torch.equal} 个逐位相等。"
                "所以应当像书中那样用容差比较，而不是用 ==。",
            ),
        ),
        result(
            text(
                en=f"Equal in exact arithmetic; in float32, over {SEEDS} seeds, they differ "
                "by at most (measured)",
                zh=f"精确算术下相等；float32 下 {SEEDS} 个种子的最大差（实测）",
            ),
            f"\\max \\lvert Y_1 - Y_2\\rvert = {_sci(s32.max_abs)} = "
            f"{_ratio(s32.max_relative)}\\,{_SCALE}",
        ),
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake(
                "sheet_tolerance_as_equality",
                failing=SEEDS - s32.equal_tensors,
                seeds=SEEDS,
                tolerance_fails=s32.book_assert_fails,
            ),
            mistake(
                "sheet_rounding_as_bug", ratio=_ratio(s32.max_relative), shrink=f"{shrink:.2g}"
            ),
            mistake("sheet_rounding_as_randomness"),
        ),
    ]
    return exercise(
        "equal_outputs",
        statement=text(
            en="Are the variables `Y1` and `Y2` in the final example of this "
            "section exactly the same? Why?",
            zh="本节最后一个示例中的变量 `Y1` 和 `Y2` 是否完全相同？为什么？",
        ),
        blocks=blocks,
    )
