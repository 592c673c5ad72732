"""zh 4 (the English edition has no such exercise): the forward cost of a 1 x 1
convolution, general and for s = 1, p = 0, and why it is a fully connected layer applied
at every pixel -- checked by executing both and comparing values and counts."""

from __future__ import annotations

from typing import cast

import numpy as np
import sympy as sp

from derivations.exercises.document import (
    CheckFailed,
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
from derivations.exercises.instances import executed, value
from derivations.exercises.notation import num, rows, tex
from derivations.model import Layer
from derivations.registry.forms import Form
from derivations.scenarios import pointwise

__all__ = ["build"]

# ResNet-50's bottleneck 1 x 1 layers (stage 2) and its stride-2 projection shortcut;
# PADDED is not a ResNet-50 layer: a hypothetical padded variant of REDUCE.
REDUCE = Layer(c_i=256, c_o=64, h=56, w=56, k_h=1, k_w=1)
SHORTCUT = Layer(c_i=256, c_o=512, h=56, w=56, k_h=1, k_w=1, s_h=2, s_w=2)
PADDED = REDUCE.replace(p_h=2, p_w=2)


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
    forms = {
        key: pointwise(key) for key in (Form.FORWARD_MULTS, Form.FORWARD_ADDS, Form.FORWARD_OPS)
    }
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
                en="The complexity is $O(c_i c_o h w)$: a $k_h\\times k_w$ kernel costs "
                "$k_h k_w$ times more at the same output size.",
                zh="复杂度为 $O(c_i c_o h w)$；同样的输出大小下，$k_h\\times k_w$ 卷积核的计算量是它的 "
                "$k_h k_w$ 倍。",
            )
        ),
    ]


def _fully_connected_check(layer: Layer) -> tuple[int, int, float]:
    """Run the 1 x 1 layer and the matrix product ``W X`` on the same data, both counted;
    return the product's multiplications, additions and the largest value difference."""
    from derivations.counting import Counted, counting
    from derivations.execute import random_tensors, run_layer

    conv = run_layer(layer, seed=0, dtype=np.float64)
    x, weight, _, _ = random_tensors(layer, seed=0, dtype=np.float64)
    matrix = weight.reshape(layer.c_o, layer.c_i).view(Counted)
    pixels = x.reshape(layer.c_i, layer.h * layer.w).view(Counted)
    with counting() as count:
        product = matrix @ pixels
    y = cast(np.ndarray, conv.y)  # run_layer always runs the forward pass: y is never None
    difference = float(np.max(np.abs(np.asarray(product).reshape(y.shape) - y)))
    if (
        count.mults != conv.counts[Form.FORWARD_MULTS]
        or count.adds != conv.counts[Form.FORWARD_ADDS]
    ):
        raise CheckFailed(
            f"1x1 convolution executed {conv.counts[Form.FORWARD_MULTS]} mult. and "
            f"{conv.counts[Form.FORWARD_ADDS]} add., the matrix product "
            f"{count.mults} and {count.adds}"
        )
    if difference > 1e-12:
        raise CheckFailed(f"1x1 convolution and W X differ by {difference}")
    return count.mults, count.adds, difference


def fully_connected() -> list:
    mults, adds, difference = _fully_connected_check(REDUCE)
    gap = sp.latex(sp.Float(difference, 2)) if difference else "0"
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
    cases = [
        (text(en="$256\\to 64$, $56\\times 56$", zh="$256\\to 64$，$56\\times 56$"), REDUCE),
        (text(en="$256\\to 512$, $s = 2$", zh="$256\\to 512$，$s = 2$"), SHORTCUT),
        (
            text(en="hypothetical: $256\\to 64$, $p = 2$", zh="假设的层：$256\\to 64$，$p = 2$"),
            PADDED,
        ),
    ]
    table_rows = [
        [
            label,
            f"${value(Form.OUTPUT_HEIGHT, layer)}$",
            f"${num(value(Form.FORWARD_MULTS, layer))}$",
            f"${num(executed(layer)[Form.FORWARD_MULTS])}$",
        ]
        for label, layer in cases
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
    forms = {key: pointwise(key) for key in (Form.FORWARD_MULTS, Form.FORWARD_OPS)}
    return [
        heading(text(en="Answer", zh="答案")),
        answer(
            text(en="$1\\times 1$", zh="$1\\times 1$"),
            text(
                en=f"${tex(forms[Form.FORWARD_MULTS].plain)}$ multiplications and "
                f"${tex(forms[Form.FORWARD_OPS].plain)}$ operations in all (stride 1, no "
                "padding, no bias): $O(c_i c_o h w)$, a fully connected layer from $c_i$ to "
                "$c_o$ at each of the $h w$ pixels.",
                zh=f"乘法 ${tex(forms[Form.FORWARD_MULTS].plain)}$ 次，运算合计 "
                f"${tex(forms[Form.FORWARD_OPS].plain)}$ 次（步幅 1、无填充、无偏置）："
                "$O(c_i c_o h w)$，即在 $h w$ 个像素上各做一次从 $c_i$ 到 $c_o$ 的全连接。",
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
