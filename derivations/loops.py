"""The loop witness: a scalar-loop convolution that counts by incrementing.

Independent of the vectorized code and of the closed forms: every ``*`` and ``+`` it
performs on a number bumps a counter.  Sums are accumulated exactly (the first term is
stored, each later one added).  Slow: meant for small layers.
"""

from __future__ import annotations

import numpy as np

from derivations.counting import OpCount
from derivations.model import Layer

__all__ = ["loop_forward", "loop_backward"]


def _padded(x, L: Layer):
    (top, bottom), (left, right) = L.padding_split("h"), L.padding_split("w")
    return np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))


def _taps(L: Layer):
    """Every (batch, out channel, out row, out col, in channel, padded row, padded col,
    kernel row, kernel col) the forward sum runs over, in loop order."""
    cin_g, cout_g = L.c_i // L.groups, L.c_o // L.groups
    for b in range(L.batch):
        for o in range(L.c_o):
            group = o // cout_g
            for r in range(L.m_h):
                for c in range(L.m_w):
                    for ci in range(cin_g):
                        for i in range(L.k_h):
                            for j in range(L.k_w):
                                yield (b, o, r, c, ci, group * cin_g + ci,
                                       r * L.s_h + i * L.d_h, c * L.s_w + j * L.d_w, i, j)


def loop_forward(x, weight, bias, L: Layer):
    """Return ``(y, OpCount)``."""
    xp = _padded(x, L)
    y = np.zeros(L.output_shape, dtype=x.dtype)
    started = np.zeros(L.output_shape, dtype=bool)
    count = OpCount()
    if bias is not None:
        y[...] = bias.reshape(1, -1, 1, 1)
        started[...] = True
    for b, o, r, c, ci, cin, row, col, i, j in _taps(L):
        product = weight[o, ci, i, j] * xp[b, cin, row, col]
        count.mults += 1
        if started[b, o, r, c]:
            y[b, o, r, c] += product
            count.adds += 1
        else:
            y[b, o, r, c] = product
            started[b, o, r, c] = True
    return y, count


def loop_backward(x, weight, dy, L: Layer):
    """Return ``(dx, dw, db, counts)`` with counts keyed ``dx``, ``dw``, ``db``;
    ``db`` is None without bias."""
    xp = _padded(x, L)
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(weight)
    dx_seen = np.zeros(xp.shape, dtype=bool)
    dw_seen = np.zeros(weight.shape, dtype=bool)
    counts = {"dx": OpCount(), "dw": OpCount(), "db": OpCount()}

    def accumulate(target, seen, index, value, count):
        if seen[index]:
            target[index] += value
            count.adds += 1
        else:
            target[index] = value
            seen[index] = True

    for b, o, r, c, ci, cin, row, col, i, j in _taps(L):
        grad = dy[b, o, r, c]
        counts["dx"].mults += 1
        accumulate(dxp, dx_seen, (b, cin, row, col), grad * weight[o, ci, i, j], counts["dx"])
        counts["dw"].mults += 1
        accumulate(dw, dw_seen, (o, ci, i, j), grad * xp[b, cin, row, col], counts["dw"])
    db = None
    if L.bias:
        db = np.zeros(L.c_o, dtype=dy.dtype)
        db_seen = np.zeros(L.c_o, dtype=bool)
        for b in range(L.batch):
            for o in range(L.c_o):
                for r in range(L.m_h):
                    for c in range(L.m_w):
                        accumulate(db, db_seen, o, dy[b, o, r, c], counts["db"])
    (top, _), (left, _) = L.padding_split("h"), L.padding_split("w")
    dx = dxp[:, :, top:top + L.h, left:left + L.w]
    return dx, dw, db, counts
