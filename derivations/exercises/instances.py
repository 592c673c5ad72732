"""The numeric instances the sheets print, executed once each and checked.

Every value goes through :func:`~derivations.exercises.document.checked`: the closed
form evaluated at the layer must equal what the instrumented convolution executed
(counts) or held (array sizes).  Runs are memoized per layer, so a layer that several
exercises use is executed once per ``docs`` build.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from derivations.closed_forms import forms_for
from derivations.exercises.checks import CheckFailed, checked
from derivations.model import Layer
from derivations.registry.forms import Form, with_composites

__all__ = ["BOOK_EXAMPLE", "REALISTIC", "describe", "executed", "value", "FORWARD_KEYS"]

# d2l.ai, end of "Multiple Input and Multiple Output Channels": a 256 x 256 image, a
# 5 x 5 kernel, 128 input and 128 output channels, "over 53 billion operations".  The
# output keeps the image size, which needs 4 rows/columns of padding in all (the
# book's total convention; 2 per side).
BOOK_EXAMPLE = Layer(c_i=128, c_o=128, h=256, w=256, k_h=5, k_w=5, p_h=4, p_w=4)
# A realistic ResNet-stage layer: 64 -> 64 channels, 56 x 56, 3 x 3, "same" padding.
REALISTIC = Layer(c_i=64, c_o=64, h=56, w=56, k_h=3, k_w=3, p_h=2, p_w=2)

# What a forward-only run can confirm (the book-sized layers are run forward only:
# a full forward + backward of them takes several seconds and ~2 GB each).
FORWARD_KEYS = (
    Form.OUTPUT_HEIGHT,
    Form.OUTPUT_WIDTH,
    Form.FORWARD_MULTS,
    Form.FORWARD_ADDS,
    Form.FORWARD_OPS,
    Form.FORWARD_MACS,
    Form.FORWARD_FLOPS,
    Form.MEMORY_WEIGHTS,
    Form.MEMORY_BIAS,
    Form.MEMORY_PARAMS,
    Form.MEMORY_INPUT,
    Form.MEMORY_OUTPUT,
    Form.MEMORY_PEAK_FORWARD,
)
_BIG = 2 * 10**9  # forward multiplications above which a layer is run forward only


def describe(layer: Layer) -> str:
    """A one-line name for messages: ``c_i=64 c_o=64 h=56 w=56 k=3x3 p=2,2 (total) s=1,1``."""
    return (
        f"c_i={layer.c_i} c_o={layer.c_o} h={layer.h} w={layer.w} "
        f"k={layer.k_h}x{layer.k_w} p={layer.p_h},{layer.p_w} ({layer.padding_convention}) "
        f"s={layer.s_h},{layer.s_w} bias={'on' if layer.bias else 'off'}"
    )


def executed(layer: Layer) -> dict[Form, int]:
    """Executed counts and held sizes, keyed like the closed forms.  Per-side padding
    ``p`` puts the same zeros in the same places as total padding ``2p``
    (:meth:`Layer.padding_split`), so both readings of one padded layer share one run."""
    if layer.padding_convention == "per-side":
        layer = layer.replace(p_h=2 * layer.p_h, p_w=2 * layer.p_w, padding_convention="total")
    return _executed(layer)


@cache
def _executed(layer: Layer) -> dict[Form, int]:
    if layer.c_i * layer.c_o * layer.k_h * layer.k_w * layer.m_h * layer.m_w > _BIG:
        return _forward_only(layer)
    from derivations.execute import run_layer

    return dict(run_layer(layer, seed=0, dtype=np.float32).counts)


def _forward_only(layer: Layer) -> dict[Form, int]:
    from derivations.conv import conv2d_forward
    from derivations.counted import Counted, counting
    from derivations.execute import random_tensors

    x, weight, bias, _ = (
        None if a is None else a.view(Counted)
        for a in random_tensors(layer, 0, np.float32, output_gradient=False)
    )
    with counting() as count:
        y, _ = conv2d_forward(x, weight, bias, layer)
    size = lambda a: 0 if a is None else int(a.size)  # noqa: E731
    return with_composites(
        {  # forward composites by the registry's definitions
            Form.OUTPUT_HEIGHT: y.shape[2],
            Form.OUTPUT_WIDTH: y.shape[3],
            Form.FORWARD_MULTS: count.mults,
            Form.FORWARD_ADDS: count.adds,
            Form.MEMORY_WEIGHTS: size(weight),
            Form.MEMORY_BIAS: size(bias),
            Form.MEMORY_INPUT: size(x),
            Form.MEMORY_OUTPUT: size(y),
        }
    )


def value(key: Form, layer: Layer) -> int:
    """The closed form ``key`` at ``layer``, once the executed figure agrees."""
    closed = forms_for(layer)[key].evaluate(layer)
    counts = executed(layer)
    if key not in counts:
        raise CheckFailed(key="exercise.forward_only", form=format(key), layer=describe(layer))
    return checked(f"{key} at {describe(layer)}", closed, counts[key])
