"""The numeric instances the sheets print, executed once each and checked.

Every value goes through :func:`~derivations.exercises.document.checked`: the closed
form evaluated at the layer must equal what the instrumented convolution executed
(counts) or held (array sizes).  Runs are memoized per layer, so a layer that several
exercises use is executed once per ``docs`` build.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

from derivations.closed_forms import forms_for
from derivations.exercises.checks import CheckFailed, checked
from derivations.model import Layer
from derivations.registry.forms import Form, with_composites

__all__ = [
    "BOOK_EXAMPLE",
    "REALISTIC",
    "describe",
    "executed",
    "let_go",
    "value",
    "FORWARD_KEYS",
]

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
    """The forward counts and sizes of ``layer``, executed by the instrumented
    convolution on the tensors :func:`~derivations.execute.random_tensors` draws (seed 0,
    float32).  A layer with bias executes the product of its bias-free twin (the same
    input and weight: :func:`_drawn`), then adds its bias as :func:`conv2d_forward`
    does; the product is shared with that twin's run (:func:`_product`), so the sheet's
    book-sized layer with and without bias multiplies once (27 billion products)."""
    from derivations.counted import Counted, counting

    y, mults, adds = _product(layer.replace(bias=False))
    x, weight, drawn_bias = _drawn(layer.input_shape, layer.weight_shape)
    bias = drawn_bias if layer.bias else None
    if bias is not None:
        with counting() as count:
            y = y.view(Counted) + bias.reshape(1, -1, 1, 1)  # conv2d_forward's bias addition
        mults, adds = mults + count.mults, adds + count.adds
    size = lambda a: 0 if a is None else int(a.size)  # noqa: E731
    return with_composites(
        {  # forward composites by the registry's definitions
            Form.OUTPUT_HEIGHT: y.shape[2],
            Form.OUTPUT_WIDTH: y.shape[3],
            Form.FORWARD_MULTS: mults,
            Form.FORWARD_ADDS: adds,
            Form.MEMORY_WEIGHTS: size(weight),
            Form.MEMORY_BIAS: size(bias),
            Form.MEMORY_INPUT: size(x),
            Form.MEMORY_OUTPUT: size(y),
        }
    )


def _product(layer: Layer) -> tuple:
    """``(y, mults, adds)`` of the bias-free ``layer``'s forward run, counted.  Kept for
    the next run only (the bias-on twin is built right after it), and let go before
    another layer's run (one output of a book-sized layer is 33 MB: two are never held)."""
    from derivations.conv import conv2d_forward
    from derivations.counted import Counted, counting

    if layer not in _LAST_PRODUCT:
        _LAST_PRODUCT.clear()
        x, weight, _ = (a.view(Counted) for a in _drawn(layer.input_shape, layer.weight_shape))
        with counting() as count:
            y, _ = conv2d_forward(x, weight, None, layer)
        _LAST_PRODUCT[layer] = (y, count.mults, count.adds)
    return _LAST_PRODUCT[layer]


_LAST_PRODUCT: dict[Layer, tuple] = {}  # at most one entry: the last product made


def let_go() -> None:
    """Let go of the last forward product and the drawn tensors (a book-sized layer's
    input and output are 33 MB each), kept for the next run only: the executed counts
    stay.  ``docs`` calls it when its builds are done, so what it does next (render,
    pack the snapshot) does not add to them."""
    _LAST_PRODUCT.clear()
    _drawn.cache_clear()


@lru_cache(maxsize=1)
def _drawn(input_shape: tuple, weight_shape: tuple) -> tuple:
    """``(x, weight, bias)`` as :func:`~derivations.execute.random_tensors` draws them
    (seed 0, float32) for a layer of these shapes: the same for every padding and bias,
    so drawn once for the layers the sheets run forward only (a book-sized input is 8
    million draws).  The bias (``c_o`` draws after the weight, used only by a layer with
    bias) is drawn from where the generator stands after the weight, as
    ``random_tensors`` draws it.  Read-only arrays: they are shared."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal(input_shape).astype(np.float32)
    weight = rng.standard_normal(weight_shape).astype(np.float32)
    bias = rng.standard_normal(weight_shape[0]).astype(np.float32)
    for array in (x, weight, bias):
        array.flags.writeable = False
    return x, weight, bias


def value(key: Form, layer: Layer) -> int:
    """The closed form ``key`` at ``layer``, once the executed figure agrees."""
    closed = forms_for(layer)[key].evaluate(layer)
    counts = executed(layer)
    if key not in counts:
        raise CheckFailed(key="exercise.forward_only", form=format(key), layer=describe(layer))
    return checked(f"{key} at {describe(layer)}", closed, counts[key])
