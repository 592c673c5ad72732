"""The maths of the pointwise exercise (zh 4): the forward cost of a 1 x 1 convolution.

The closed forms at ``k_h = k_w = 1`` (:func:`complexity`), the 1 x 1 layer executed
beside the counted matrix product ``W X`` on the same data (:func:`fully_connected`) and
the ResNet-50 layers' figures, each checked against the instrumented convolution
(:func:`numbers`).  No prose: the sheet is :mod:`derivations.exercises.pointwise`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

import numpy as np

from derivations.exercises.checks import require
from derivations.exercises.instances import executed, value
from derivations.model import Layer
from derivations.registry.forms import Form
from derivations.scenarios import Pointwise, pointwise

__all__ = [
    "PADDED",
    "REDUCE",
    "SHORTCUT",
    "FullyConnected",
    "LayerFigures",
    "complexity",
    "fully_connected",
    "numbers",
]

# ResNet-50's bottleneck 1 x 1 layers (stage 2) and its stride-2 projection shortcut;
# PADDED is not a ResNet-50 layer: a hypothetical padded variant of REDUCE.
REDUCE = Layer(c_i=256, c_o=64, h=56, w=56, k_h=1, k_w=1)
SHORTCUT = Layer(c_i=256, c_o=512, h=56, w=56, k_h=1, k_w=1, s_h=2, s_w=2)
PADDED = REDUCE.replace(p_h=2, p_w=2)
CASES = (REDUCE, SHORTCUT, PADDED)


def complexity() -> dict[Form, Pointwise]:
    """The forward multiplications, additions and operations at ``k_h = k_w = 1``:
    general (any stride and padding) and plain (stride 1, no padding); derived once per
    process (:func:`_complexity`: the sheet asks twice, and SymPy's simplification takes
    a good part of a second), each caller given its own dict."""
    return dict(_complexity())


@cache
def _complexity() -> dict[Form, Pointwise]:
    return {
        key: pointwise(key) for key in (Form.FORWARD_MULTS, Form.FORWARD_ADDS, Form.FORWARD_OPS)
    }


@dataclass(frozen=True)
class FullyConnected:
    """The counted product ``W X`` beside the 1 x 1 layer: its multiplications and
    additions (equal to the convolution's) and the largest value difference (float64)."""

    layer: Layer
    mults: int
    adds: int
    difference: float


def fully_connected(layer: Layer = REDUCE) -> FullyConnected:
    """Run the 1 x 1 layer and the matrix product ``W X`` on the same data, both counted;
    CheckFailed unless their counts agree and their values differ by at most 1e-12."""
    from derivations.counted import Counted, counting
    from derivations.execute import random_tensors, run_layer

    conv = run_layer(layer, seed=0, dtype=np.float64)
    x, weight, _, _ = random_tensors(layer, seed=0, dtype=np.float64, output_gradient=False)
    matrix = weight.reshape(layer.c_o, layer.c_i).view(Counted)
    pixels = x.reshape(layer.c_i, layer.h * layer.w).view(Counted)
    with counting() as count:
        product = matrix @ pixels
    y = cast(np.ndarray, conv.y)  # run_layer always runs the forward pass: y is never None
    difference = float(np.max(np.abs(np.asarray(product).reshape(y.shape) - y)))
    require(
        count.mults == conv.counts[Form.FORWARD_MULTS]
        and count.adds == conv.counts[Form.FORWARD_ADDS],
        f"1x1 convolution executed {conv.counts[Form.FORWARD_MULTS]} mult. and "
        f"{conv.counts[Form.FORWARD_ADDS]} add., the matrix product "
        f"{count.mults} and {count.adds}",
    )
    require(difference <= 1e-12, f"1x1 convolution and W X differ by {difference}")
    return FullyConnected(layer, count.mults, count.adds, difference)


@dataclass(frozen=True)
class LayerFigures:
    """One 1 x 1 layer: its output height and forward multiplications, closed form
    (checked) and executed."""

    layer: Layer
    m_h: int
    mults: int
    mults_executed: int


def numbers(layers: tuple[Layer, ...] = CASES) -> tuple[LayerFigures, ...]:
    """The figures of each layer, closed form checked equal to execution."""
    return tuple(
        LayerFigures(
            layer,
            value(Form.OUTPUT_HEIGHT, layer),
            value(Form.FORWARD_MULTS, layer),
            executed(layer)[Form.FORWARD_MULTS],
        )
        for layer in layers
    )
