"""Exercise: convolution as a matrix multiplication when the window is not 1x1 (the sheet).

Prose and layout only: every shape, count and executed figure comes from
:func:`derivations.exercises.maths.matmul.facts` (im2col and the Toeplitz matrix, both
executed and checked).  The code shown on the sheet is the source of
:func:`~derivations.exercises.maths.matmul.conv_as_matmul`, the function that is run.
Conventions: stride 1, no padding, no bias, one example (n = 1); exact counting.
"""

from __future__ import annotations

import inspect

import numpy as np
import sympy as sp

from derivations.exercises.document import (
    Exercise,
    answer,
    code,
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
from derivations.exercises.maths.matmul import conv_as_matmul, facts
from derivations.exercises.notation import matrix, tex
from derivations.registry.exercises import EXERCISES

__all__ = ["build"]

# what a reader needs to run the printed code as it stands
_IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"


def _shape_latex(shape) -> str:
    return " \\times ".join(f"({tex(s)})" if s.is_Add or s.is_Mul else tex(s) for s in shape)


def _matrix_latex(a: np.ndarray) -> str:
    return matrix(a.astype(int).tolist())


def _answer(f) -> list:
    """The boxed answer: im2col, its shapes, its count, its memory price."""
    number = {lang: str(EXERCISES["matmul"].number(lang)) for lang in ("en", "zh")}
    copies = f"{f.columns_elements / f.input_elements:.2f}"
    return [
        heading(text(en="Answer", zh="答案")),
        answer(
            text(en=number["en"], zh=number["zh"]),
            text(
                en="copy every $c_i\\times k_h\\times k_w$ window of $X$ into one column "
                "(im2col) and flatten each output channel's kernel into one row: "
                "$Y = K\\,\\operatorname{cols}(X)$, a $c_o\\times (c_i k_h k_w)$ by "
                "$(c_i k_h k_w)\\times (m_h m_w)$ product with exactly the convolution's "
                "$c_o c_i k_h k_w m_h m_w$ multiplications. The price is memory: "
                f"$\\operatorname{{cols}}(X)$ holds about $k_h k_w$ times the input ({copies} "
                "times for the $3\\times 3$ layer above). Equivalently "
                "$\\operatorname{vec}(Y) = T\\,\\operatorname{vec}(X)$ with a sparse "
                "block-Toeplitz $T$.",
                zh="把 $X$ 的每个 $c_i\\times k_h\\times k_w$ 窗口复制成一列（im2col），"
                "把每个输出通道的卷积核展平成一行：$Y = K\\,\\operatorname{cols}(X)$，"
                "即 $c_o\\times (c_i k_h k_w)$ 与 $(c_i k_h k_w)\\times (m_h m_w)$ 两个矩阵相乘，"
                "乘法次数恰为卷积的 $c_o c_i k_h k_w m_h m_w$。代价是内存："
                f"$\\operatorname{{cols}}(X)$ 约为输入的 $k_h k_w$ 倍（上面的 $3\\times 3$ 层为 {copies} 倍）。"
                "等价地，$\\operatorname{vec}(Y) = T\\,\\operatorname{vec}(X)$，$T$ 为稀疏的分块 Toeplitz 矩阵。",
            ),
        ),
    ]


def build() -> Exercise:
    f = facts()
    y_book, same_book = f.book_y, f.book_equal
    weight, columns, mults, adds = f.weight, f.columns, f.mults, f.adds
    cf_mults, cf_adds, cols_elems = f.mults_executed, f.adds_executed, f.columns_elements
    t_shape, density = f.t_shape, f.density
    nonzero, t_exec, small_im2col = f.toeplitz_nonzeros, f.toeplitz_mults, f.im2col_mults

    blocks = [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="Input $X$ of shape $c_i\\times h\\times w$, kernel $K$ of shape "
                "$c_o\\times c_i\\times k_h\\times k_w$, stride 1, no padding, no bias, so "
                "$m_h = h - k_h + 1$, $m_w = w - k_w + 1$. A product of an $M\\times L$ by an "
                "$L\\times N$ matrix executes $MNL$ multiplications and $MN(L-1)$ additions "
                "(exact counting). Padding is a copy before, stride a column selection inside "
                "im2col; the convolution that checks these sheets does both the same way.",
                zh="输入 $X$ 形状为 $c_i\\times h\\times w$，卷积核 $K$ 形状为 "
                "$c_o\\times c_i\\times k_h\\times k_w$，步幅为 1，无填充，无偏置，故 "
                "$m_h = h - k_h + 1$，$m_w = w - k_w + 1$。$M\\times L$ 矩阵乘 $L\\times N$ "
                "矩阵执行 $MNL$ 次乘法和 $MN(L-1)$ 次加法（精确计数）。填充是事先复制，"
                "步幅是 im2col 中选列；核对本文的卷积也用同样的方法处理二者。",
            )
        ),
        heading(text(en="im2col: one window per column", zh="im2col：每个窗口一列")),
        paragraph(
            text(
                en="Copy each $c_i\\times k_h\\times k_w$ window of $X$ into one column; flatten each "
                "output channel's kernel into one row. Then every output value is a row times "
                "a column:",
                zh="把 $X$ 的每个 $c_i\\times k_h\\times k_w$ 窗口复制成一列；把每个输出通道的卷积核"
                "展平成一行。于是每个输出值都是一行乘一列：",
            )
        ),
        math(
            f"\\underbrace{{Y}}_{{{_shape_latex(f.output)}}} = "
            f"\\underbrace{{K}}_{{{_shape_latex(weight)}}}\\;"
            f"\\underbrace{{\\operatorname{{cols}}(X)}}_{{{_shape_latex(columns)}}}"
        ),
        code(_IMPORTS + inspect.getsource(conv_as_matmul)),
        paragraph(
            text(
                en="Its operation count, by the matrix-product rule, equals the model's closed form "
                "(SymPy checks the difference is 0):",
                zh="按矩阵乘法的计数规则，其运算次数等于模型的闭式（SymPy 验证差为 0）：",
            )
        ),
        result(
            text(
                en="im2col product: multiplications, additions (exact counting)",
                zh="im2col 乘积：乘法次数、加法次数（精确计数）",
            ),
            f"{tex(sp.factor(mults))},\\qquad {tex(sp.factor(adds))}",
        ),
        paragraph(
            text(
                en="The book's example ($X$ with entries 0 to 8 and 1 to 9, $K$ stacked with "
                f"$K + 1$ and $K + 2$): the product gives exactly the following; all {same_book} "
                "entries equal those of the scalar-loop convolution:",
                zh="本书的例子（$X$ 的元素为 0 到 8 与 1 到 9，$K$ 与 $K + 1$、$K + 2$ 堆叠）："
                f"乘积精确地给出如下结果，全部 {same_book} 个元素均与标量循环卷积的结果相等：",
            )
        ),
        math(",\\quad ".join(_matrix_latex(y_book[o]) for o in range(y_book.shape[0]))),
        paragraph(
            text(
                en="A realistic layer, $64\\to 64$ channels, $56\\times 56$, $3\\times 3$, run on "
                "counted arrays (the code above, unchanged), against the closed form:",
                zh="一个实际规模的层，$64\\to 64$ 通道，$56\\times 56$，$3\\times 3$，"
                "在计数数组上运行（即上面的代码，未改动），与闭式对比：",
            )
        ),
        table(
            [text(en="quantity", zh="量"), text(en="closed form = executed", zh="闭式 = 实际执行")],
            [
                [text(en="multiplications", zh="乘法次数"), f"{cf_mults:,}"],
                [text(en="additions", zh="加法次数"), f"{cf_adds:,}"],
                [
                    text(
                        en="elements of $\\operatorname{cols}(X)$",
                        zh="$\\operatorname{cols}(X)$ 的元素数",
                    ),
                    f"{cols_elems:,}",
                ],
            ],
        ),
        paragraph(
            text(
                en=f"The largest difference from the direct convolution is below $10^{{-12}}$ (float64). "
                f"The price is memory: $\\operatorname{{cols}}(X)$ holds "
                f"{cols_elems / f.input_elements:.2f} times the input, about $k_h k_w$ times.",
                zh=f"与直接卷积的最大差小于 $10^{{-12}}$（float64）。代价是内存："
                f"$\\operatorname{{cols}}(X)$ 是输入的 {cols_elems / f.input_elements:.2f} 倍，约 $k_h k_w$ 倍。",
            )
        ),
        figure(
            "im2col-matrix",
            caption=text(
                en="im2col: every $c_i\\times k_h\\times k_w$ window of $X$ becomes one "
                "column; the flattened kernels are the rows of $K$; $Y = K\\,"
                "\\operatorname{cols}(X)$.",
                zh="im2col：$X$ 的每个 $c_i\\times k_h\\times k_w$ 窗口成为一列；展平的卷积核是 "
                "$K$ 的行；$Y = K\\,\\operatorname{cols}(X)$。",
            ),
            alt=text(
                en="An input grid with one window outlined, an arrow to a column of a "
                "wide matrix, and the kernel matrix multiplying it.",
                zh="一个输入网格，框出一个窗口，箭头指向一个宽矩阵中的一列，卷积核矩阵与之相乘。",
            ),
        ),
        heading(text(en="The other view: a Toeplitz matrix", zh="另一种视角：Toeplitz 矩阵")),
        paragraph(
            text(
                en="Keep $X$ as it is and make the layer a matrix: $\\operatorname{vec}(Y) = T\\,"
                "\\operatorname{vec}(X)$ where row $(o, r, c)$ of $T$ holds $K_o$ placed at window "
                "$(r, c)$ and zeros elsewhere (a block-Toeplitz matrix):",
                zh="保持 $X$ 不变，把层写成矩阵：$\\operatorname{vec}(Y) = T\\,"
                "\\operatorname{vec}(X)$，$T$ 的第 $(o, r, c)$ 行在窗口 $(r, c)$ 处放置 $K_o$，"
                "其余为零（分块 Toeplitz 矩阵）：",
            )
        ),
        math(
            f"T \\in \\mathbb{{R}}^{{{_shape_latex(t_shape)}}},\\qquad "
            f"\\frac{{\\text{{nnz}}(T)}}{{\\text{{size}}(T)}} = {tex(density)}"
        ),
        paragraph(
            text(
                en=f"Executed for $4\\to 4$ channels, $12\\times 12$, $3\\times 3$: $T$ has {nonzero:,} "
                f"nonzeros (= the im2col products), but a dense product with it executes "
                f"{t_exec:,} multiplications, {t_exec / small_im2col:.1f} times as many: "
                "only sparse kernels can use this view. What it gives directly is the matrix of "
                "the backward pass, its transpose: $\\operatorname{vec}(\\partial X) = T^\\top "
                "\\operatorname{vec}(\\partial Y)$ (a transposed convolution with the same "
                "weights); computing that product costs as much as the forward one.",
                zh=f"对 $4\\to 4$ 通道、$12\\times 12$、$3\\times 3$ 实际执行：$T$ 有 {nonzero:,} "
                f"个非零元（= im2col 的乘法数），但与它做稠密乘法要执行 {t_exec:,} 次乘法，"
                f"是前者的 {t_exec / small_im2col:.1f} 倍：只有稀疏计算才适合这种视角。"
                "它直接给出的是反向传播的矩阵，即其转置：$\\operatorname{vec}(\\partial X) = T^\\top "
                "\\operatorname{vec}(\\partial Y)$（用同一组权重的转置卷积）；"
                "计算这个乘积的代价与前向相同。",
            )
        ),
        *_answer(f),
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("sheet_matmul_only_pointwise"),
            mistake("sheet_matmul_changes_count"),
            mistake("sheet_im2col_shape"),
        ),
    ]
    return exercise(
        "matmul",
        statement=text(
            en="Express convolutions as a matrix multiplication, even when the "
            "convolution window is not $1 \\times 1$.",
            zh="当卷积窗口不是 $1\\times 1$ 时，如何使用矩阵乘法实现卷积？",
        ),
        blocks=blocks,
    )
