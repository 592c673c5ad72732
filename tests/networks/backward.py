"""The backward pass of the layer kinds that are not convolutions or linear layers,
executed in NumPy: activations, batch and layer normalization, pooling (max, average,
adaptive; ``ceil_mode``), additions and concatenations.

Given :class:`~derivations.counted.Counted` arrays inside
:func:`~derivations.counted.counting`, every multiplication and addition executed is
counted, per gradient in the phases ``dx`` (input), ``dw`` (gamma) and ``db`` (beta);
given plain arrays the same code runs uncounted.  These executions are what the closed
counts of :mod:`derivations.networks.kinds` are tested against.  Conventions (the
section's exact counting: a t-term sum costs t - 1 additions, a subtraction is an
addition of the negated term, negation is free):

* comparisons and function evaluations (``x > 0``, ``exp``, ``erf``, finding a window's
  maximum) are not arithmetic: they run on plain arrays, uncounted (the kinds list them
  as ``other``);
* a division by a size (``1/m``, a window's ``1/t``) is a multiplication by a constant
  reciprocal;
* scattering window gradients back onto the input (pooling) runs over the padded input
  and accumulates exactly: the first value reaching a position is stored, each later one
  added, so a position covered by t windows costs t - 1 additions, whatever the values
  (max pooling scatters each window's one-hot gradient densely, as a convolution's dX
  scatters its columns); the padding is then cropped.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np

from derivations.counted import phase

__all__ = [
    "activation_backward",
    "activation_derivative",
    "activation_forward",
    "adaptive_windows",
    "add_backward",
    "batchnorm_backward",
    "concat_backward",
    "layernorm_backward",
    "pool_backward",
    "pool_forward",
    "pool_windows",
]

_erf = np.vectorize(math.erf, otypes=[float])
LEAKY_SLOPE = 0.01  # nn.LeakyReLU's default
ELU_ALPHA = 1.0  # nn.ELU's default
SIXTH = float(np.float32(1 / 6))  # PyTorch's hardsigmoid backward: a float constant 1/6


def _plain(x) -> np.ndarray:
    return np.asarray(x).view(np.ndarray)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def activation_forward(function: str, x) -> np.ndarray:
    """The activation's value (plain arrays, uncounted: a function evaluation)."""
    x = _plain(x)
    values = {
        "relu": lambda: np.maximum(x, 0.0),
        "relu6": lambda: np.clip(x, 0.0, 6.0),
        "leaky_relu": lambda: np.where(x > 0, x, LEAKY_SLOPE * x),
        "elu": lambda: np.where(x > 0, x, ELU_ALPHA * np.expm1(x)),
        "gelu": lambda: 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0))),
        "silu": lambda: x * _sigmoid(x),
        "sigmoid": lambda: _sigmoid(x),
        "tanh": lambda: np.tanh(x),
        "hardswish": lambda: x * np.clip(x + 3.0, 0.0, 6.0) / 6.0,
        "hardsigmoid": lambda: np.clip(x / 6.0 + 0.5, 0.0, 1.0),
    }
    return values[function]()


def activation_derivative(function: str, x) -> np.ndarray:
    """f'(x), one evaluation per element (plain arrays, uncounted), as PyTorch's
    backward formulas give it (the boundary points take PyTorch's side)."""
    x = _plain(x)
    slopes = {
        "relu": lambda: (x > 0).astype(x.dtype),
        "relu6": lambda: ((x > 0) & (x < 6)).astype(x.dtype),
        "leaky_relu": lambda: np.where(x > 0, 1.0, LEAKY_SLOPE),
        "elu": lambda: np.where(x > 0, 1.0, ELU_ALPHA * np.exp(x)),
        "gelu": lambda: (
            0.5 * (1.0 + _erf(x / math.sqrt(2.0)))
            + x * np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
        ),
        "silu": lambda: _sigmoid(x) * (1.0 + x * (1.0 - _sigmoid(x))),
        "sigmoid": lambda: _sigmoid(x) * (1.0 - _sigmoid(x)),
        "tanh": lambda: 1.0 - np.tanh(x) ** 2,
        "hardswish": lambda: np.where(x < -3, 0.0, np.where(x <= 3, x / 3.0 + 0.5, 1.0)),
        "hardsigmoid": lambda: np.where((x > -3) & (x < 3), SIXTH, 0.0),
    }
    return slopes[function]().astype(x.dtype)


def activation_backward(function: str, x, dy):
    """``dX = dY * f'(X)``: one multiplication per element (f' evaluated uncounted)."""
    with phase("dx"):
        return dy * activation_derivative(function, x)


def _channel_shape(x) -> tuple[int, ...]:
    return (1, -1) + (1,) * (x.ndim - 2)


def batchnorm_backward(x, gamma, mean, invstd, dy, input_grad: bool = True):
    """Training-mode batch norm over ``(n, c, *spatial)``, m = n x spatial elements per
    channel, ``mean`` and ``invstd`` the batch statistics autograd saves.  Per channel:
    dbeta = sum dY (m - 1 additions); dgamma = invstd sum (X - mean) dY (m additions for
    the centring, m multiplications and m - 1 additions for the sum, 1 multiplication);
    dX = gamma invstd (dY - dbeta/m - (X - mean) invstd dgamma/m), reusing dbeta, dgamma
    and the centred X (4 multiplications per channel, then 2m multiplications and 2m
    additions).  Returns ``(dx or None, dgamma, dbeta)``."""
    axes = (0, *range(2, x.ndim))
    m = x.size // x.shape[1]
    shape = _channel_shape(x)
    with phase("db"):
        dbeta = dy.sum(axis=axes)
    with phase("dw"):
        centred = x + (-mean).reshape(shape)
        dgamma = (centred * dy).sum(axis=axes) * invstd
    dx = None
    if input_grad:
        with phase("dx"):
            a = dbeta * (1.0 / m)
            b = dgamma * invstd * (1.0 / m)
            scale = gamma * invstd
            dx = (dy + (-a).reshape(shape) + (-(centred * b.reshape(shape)))) * scale.reshape(shape)
    return dx, dgamma, dbeta


def layernorm_backward(x, gamma, mean, rstd, dy, d: int, input_grad: bool = True):
    """Layer norm over the last ``d`` elements: G = x.size / d groups, ``mean`` and
    ``rstd`` of shape (G, 1) as autograd saves them, ``gamma`` of d elements or ``None``
    (no affine parameters).  dbeta = sum over groups of dY; dgamma = sum over groups of
    dY Xhat with Xhat = (X - mean) rstd recomputed (d additions and d multiplications per
    group); dX = rstd (g - mean(g) - Xhat mean(g Xhat)) with g = dY gamma, per group two
    d-term sums, two multiplications by 1/d, then 3d multiplications and 2d additions
    (Xhat recomputed here when there is no dgamma).  Returns ``(dx or None, dgamma,
    dbeta)`` (``None`` for the parameters without affine)."""
    xs, dys = x.reshape(-1, d), dy.reshape(-1, d)
    dgamma = dbeta = xhat = None
    if gamma is not None:
        with phase("db"):
            dbeta = dys.sum(axis=0)
        with phase("dw"):
            xhat = (xs + (-mean)) * rstd
            dgamma = (dys * xhat).sum(axis=0)
    dx = None
    if input_grad:
        with phase("dx"):
            if xhat is None:
                xhat = (xs + (-mean)) * rstd
            g = dys * gamma.reshape(1, d) if gamma is not None else dys
            a = g.sum(axis=1, keepdims=True) * (1.0 / d)
            b = (g * xhat).sum(axis=1, keepdims=True) * (1.0 / d)
            dx = ((g + (-a) + (-(xhat * b))) * rstd).reshape(x.shape)
    return dx, dgamma, dbeta


# --- pooling -----------------------------------------------------------------------------
def pool_windows(size: int, k: int, s: int, p: int, out: int) -> list[slice]:
    """The ``out`` windows along one axis, on the padded axis (``size + 2p``), each clipped
    to it (``ceil_mode``'s last windows)."""
    padded = size + 2 * p
    return [slice(i * s, min(i * s + k, padded)) for i in range(out)]


def adaptive_windows(size: int, out: int) -> list[slice]:
    """``nn.AdaptiveAvgPool``'s cells: ``[floor(i L / o), ceil((i + 1) L / o))``."""
    return [slice(i * size // out, -(-(i + 1) * size // out)) for i in range(out)]


def _padded(x: np.ndarray, padding, value: float) -> np.ndarray:
    widths = [(0, 0)] * (x.ndim - len(padding)) + [(p, p) for p in padding]
    return np.pad(x, widths, constant_values=value)


def _cells(windows):
    return itertools.product(*(range(len(w)) for w in windows))


def _region(windows, index) -> tuple[slice, ...]:
    """The spatial slices of the window (cell) at ``index``."""
    return tuple(w[i] for w, i in zip(windows, index))


def _at(spatial) -> tuple[Any, ...]:
    """An index of the last axes, every leading axis whole."""
    return (Ellipsis, *spatial)


def _argmax_mask(block: np.ndarray, spatial: int) -> np.ndarray:
    """One-hot over the last ``spatial`` axes of ``block`` at its first maximum, per
    leading index: comparisons only."""
    flat = block.reshape(*block.shape[: block.ndim - spatial], -1)
    hot = np.zeros(flat.shape, dtype=bool)
    np.put_along_axis(hot, flat.argmax(axis=-1)[..., None], True, axis=-1)
    return hot.reshape(block.shape)


def pool_forward(x, windows, padding, maximum: bool) -> np.ndarray:
    """Max or average (padding included in the count) pooling, plain NumPy, uncounted
    (a reference for the backward's values)."""
    x = _plain(x)
    xp = _padded(x, padding, -np.inf if maximum else 0.0)
    lead = x.ndim - len(windows)
    axes = tuple(range(lead, x.ndim))
    y = np.empty((*x.shape[:lead], *(len(w) for w in windows)), dtype=x.dtype)
    for index in _cells(windows):
        block = xp[_at(_region(windows, index))]
        y[_at(index)] = block.max(axis=axes) if maximum else block.mean(axis=axes)
    return y


def pool_backward(x, dy, windows, padding, maximum: bool):
    """dX of max or average pooling over the last ``len(windows)`` axes of ``x``.

    Average: each window's gradient dY x (1/t), t its (padded) size: one multiplication
    per output element.  Max: each window's gradient is dY at the window's maximum and 0
    elsewhere (found by comparisons on the saved input: no arithmetic).  Either is
    scattered densely onto the padded input, exactly (see the module docstring), and the
    padding cropped."""
    spatial = len(windows)
    xp = _padded(_plain(x), padding, -np.inf)
    lead = xp.ndim - spatial
    with phase("dx"):
        if maximum:
            grads = dy
        else:
            sizes = np.ones([len(w) for w in windows])
            for axis, w in enumerate(windows):
                lengths = np.array([s.stop - s.start for s in w], dtype=float)
                shape = [-1 if a == axis else 1 for a in range(spatial)]
                sizes = sizes * lengths.reshape(shape)
            grads = dy * (1.0 / sizes)
        dx_pad = np.zeros_like(dy, shape=xp.shape)
        written = np.zeros(xp.shape[lead:], dtype=bool)
        for index in _cells(windows):
            region = _region(windows, index)
            value = grads[_at((*index, *([None] * spatial)))]
            if maximum:
                hot = _argmax_mask(xp[_at(region)], spatial)
                value = np.where(hot, _plain(value), 0.0).view(type(dy))
            target, old = dx_pad[_at(region)], written[region]
            np.add(target, value, out=target, where=old)  # a later value: an addition
            np.copyto(target, value, where=~old)  # the first value reaching a position
            written[region] = True
    crop = tuple(slice(p, p + n) for p, n in zip(padding, x.shape[lead:]))
    return dx_pad[_at(crop)]


# --- structural --------------------------------------------------------------------------
def add_backward(dy, inputs: int) -> list:
    """The sum hands dY to each of its inputs unchanged: no arithmetic."""
    return [dy] * inputs


def concat_backward(dy, channels) -> list:
    """Concatenation along axis 1: dY sliced back into each input's channels (views)."""
    edges = itertools.accumulate(channels, initial=0)
    return [dy[:, a:b] for a, b in itertools.pairwise(edges)]
