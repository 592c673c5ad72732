"""zh 4 (the English edition has no such exercise): the forward cost of a 1 x 1
convolution, general and for s = 1, p = 0, and why it is a fully connected layer applied
at every pixel -- checked by executing both and comparing values and counts.

Prose and layout only: the closed forms, executed counts and checks are
:mod:`derivations.exercises.maths.pointwise`."""

from __future__ import annotations

import sympy as sp

from derivations.exercises.document import (
    Exercise,
    answer,
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
from derivations.exercises.maths import pointwise as maths
from derivations.exercises.maths.pointwise import PADDED, REDUCE, SHORTCUT
from derivations.exercises.notation import num, rows, tex
from derivations.registry.forms import Form

__all__ = ["build"]


def build() -> Exercise:
    return exercise(
        "pointwise",
        statement=text(
            # d2l.ai's earlier English editions, exercise 4 (the current one dropped it)
            en="If the height and width of a convolution kernel is $k_h=k_w=1$, what is the "
            "computational complexity of the forward propagation?",
            # zh.d2l.ai 6.4, 练习 4, verbatim
            zh="如果卷积核的高度和宽度是 $k_h=k_w=1$，前向传播的计算复杂度是多少？",
        ),
        blocks=[*complexity(), *fully_connected(), *numbers(), *answers(), *common_mistakes()],
    )


def complexity() -> list:
    forms = maths.complexity()
    return [
        heading(text(en="Complexity", zh="复杂度")),
        paragraph(
            text(
                en="Set $k_h = k_w = 1$ in the closed forms (total padding, exact counting, no bias). "
                "The output size becomes $\\lfloor (h + p_h + s_h - 1)/s_h \\rfloor$:",
                zh="在闭式解中令 $k_h = k_w = 1$（总填充、精确计数、无偏置）。输出大小变为 "
                "$\\lfloor (h + p_h + s_h - 1)/s_h \\rfloor$：",
            )
        ),
        math(
            rows(
                ("M", tex(forms[Form.FORWARD_MULTS].general)),
                ("A", tex(forms[Form.FORWARD_ADDS].general)),
            )
        ),
        paragraph(
            text(
                en="With stride 1 and no padding the output is $h\\times w$:",
                zh="步幅为 1、无填充时输出为 $h\\times w$：",
            )
        ),
        result(
            text(en="$1\\times 1$, $s = 1$, $p = 0$", zh="$1\\times 1$，$s = 1$，$p = 0$"),
            rows(
                ("M", tex(forms[Form.FORWARD_MULTS].plain)),
                ("A", tex(forms[Form.FORWARD_ADDS].plain)),
                ("M + A", tex(forms[Form.FORWARD_OPS].plain)),
            ),
        ),
        paragraph(
            text(
                en="The complexity is $O(c_o c_i h w)$: a $k_h\\times k_w$ kernel costs "
                "$k_h k_w$ times more at the same output size.",
                zh="复杂度为 $O(c_o c_i h w)$；同样的输出大小下，$k_h\\times k_w$ 卷积核的计算量是它的 "
                "$k_h k_w$ 倍。",
            )
        ),
    ]


def fully_connected() -> list:
    product = maths.fully_connected(REDUCE)
    mults, adds, difference = product.mults, product.adds, product.difference
    gap = tex(sp.Float(difference, 2)) if difference else "0"
    return [
        heading(text(en="A fully connected layer at every pixel", zh="在每个像素上的全连接层")),
        paragraph(
            text(
                en="With a $1\\times 1$ kernel, output pixel $(r, c)$ only reads input pixel $(r, c)$: "
                "$\\mathbf{y}_{:, r, c} = \\mathbf{W}\\mathbf{x}_{:, r, c}$ with "
                "$\\mathbf{W}\\in\\mathbb{R}^{c_o\\times c_i}$, the same fully connected layer at "
                "every pixel, mixing the channels. Stacking the $h w$ pixels as columns of "
                "$\\mathbf{X}\\in\\mathbb{R}^{c_i\\times h w}$ makes the whole layer one matrix "
                "product $\\mathbf{Y} = \\mathbf{W}\\mathbf{X}$, with $c_o h w \\cdot c_i$ "
                "multiplications and $c_o h w (c_i - 1)$ additions.",
                zh="使用 $1\\times 1$ 卷积核时，输出像素 $(r, c)$ 只读取输入像素 $(r, c)$："
                "$\\mathbf{y}_{:, r, c} = \\mathbf{W}\\mathbf{x}_{:, r, c}$，其中 "
                "$\\mathbf{W}\\in\\mathbb{R}^{c_o\\times c_i}$，即在每个像素上使用同一个全连接层来混合通道。"
                "把 $h w$ 个像素作为 $\\mathbf{X}\\in\\mathbb{R}^{c_i\\times h w}$ 的列，整个层就是一次矩阵乘法 "
                "$\\mathbf{Y} = \\mathbf{W}\\mathbf{X}$，共 $c_o h w \\cdot c_i$ 次乘法和 "
                "$c_o h w (c_i - 1)$ 次加法。",
            )
        ),
        paragraph(
            text(
                en=f"Executed for $c_i = {REDUCE.c_i}$, $c_o = {REDUCE.c_o}$, "
                f"${REDUCE.h}\\times {REDUCE.w}$: the convolution and the counted product "
                f"$\\mathbf{{W}}\\mathbf{{X}}$ both performed ${num(mults)}$ multiplications and "
                f"${num(adds)}$ additions; the largest difference of their outputs (float64) is "
                f"${gap}$.",
                zh=f"对 $c_i = {REDUCE.c_i}$、$c_o = {REDUCE.c_o}$、${REDUCE.h}\\times {REDUCE.w}$ "
                f"实际执行：卷积与计数的矩阵乘法 $\\mathbf{{W}}\\mathbf{{X}}$ 都执行了 ${num(mults)}$ "
                f"次乘法和 ${num(adds)}$ 次加法；两者输出的最大差（float64）为 ${gap}$。",
            )
        ),
    ]


def numbers() -> list:
    labels = [
        text(en="$256\\to 64$, $56\\times 56$", zh="$256\\to 64$，$56\\times 56$"),
        text(en="$256\\to 512$, $s = 2$", zh="$256\\to 512$，$s = 2$"),
        text(en="hypothetical: $256\\to 64$, $p = 2$", zh="假设的层：$256\\to 64$，$p = 2$"),
    ]
    figures = maths.numbers((REDUCE, SHORTCUT, PADDED))
    table_rows = [
        [label, f"${row.m_h}$", f"${num(row.mults)}$", f"${num(row.mults_executed)}$"]
        for label, row in zip(labels, figures, strict=True)
    ]
    return [
        heading(text(en="Numbers", zh="数值")),
        paragraph(
            text(
                en="The first two rows are ResNet-50's $1\\times 1$ layers: the bottleneck reduction "
                "and the stride-2 projection. The last row is hypothetical, not a ResNet-50 "
                "layer: the reduction padded by 2 (total), which adds outputs computed from zeros "
                "only.",
                zh="前两行是 ResNet-50 中的 $1\\times 1$ 层：瓶颈中的降维层和步幅为 2 的投影捷径。"
                "最后一行是假设的层，并非 ResNet-50 中的层：给降维层加上总填充 2，多出的输出全由零计算而来。",
            )
        ),
        table(
            [text(en="Layer", zh="层"), "$m_h$", "$M$", text(en="Executed", zh="实际执行")],
            table_rows,
        ),
    ]


def answers() -> list:
    forms = maths.complexity()
    return [
        heading(text(en="Answer", zh="答案")),
        answer(
            text(en="$1\\times 1$", zh="$1\\times 1$"),
            text(
                en=f"${tex(forms[Form.FORWARD_MULTS].plain)}$ multiplications and "
                f"${tex(forms[Form.FORWARD_OPS].plain)}$ operations in all (stride 1, no "
                "padding, no bias): $O(c_o c_i h w)$, a fully connected layer from $c_i$ to "
                "$c_o$ at each of the $h w$ pixels.",
                zh=f"乘法 ${tex(forms[Form.FORWARD_MULTS].plain)}$ 次，运算合计 "
                f"${tex(forms[Form.FORWARD_OPS].plain)}$ 次（步幅 1、无填充、无偏置）："
                "$O(c_o c_i h w)$，即在 $h w$ 个像素上各做一次从 $c_i$ 到 $c_o$ 的全连接。",
            ),
        ),
    ]


def common_mistakes() -> list:
    return [
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("sheet_pointwise_free"),
            mistake("sheet_pointwise_no_channels"),
            mistake("sheet_pointwise_padding"),
        ),
    ]
