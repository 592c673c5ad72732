"""The loop witness: a scalar-loop convolution that counts by incrementing.

Independent of the vectorized code and of the closed forms: every ``*`` and ``+`` it
performs on a number bumps a counter.  Sums are accumulated exactly (the first term is
stored, each later one added).  The arithmetic runs on Python scalars taken from the
arrays (``tolist``: float64 values are the same doubles, an order of magnitude faster
than NumPy scalars); results are returned as arrays of the input's dtype.  Slow: meant
for small layers.
"""

from __future__ import annotations

import numpy as np

from derivations.counted import OpCount
from derivations.model import Layer

__all__ = ["loop_forward", "loop_backward"]


def _padded(x, L: Layer):
    (top, bottom), (left, right) = L.padding_split("h"), L.padding_split("w")
    return np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))


def _windows(L: Layer):
    """Every (batch, out channel, out row, out col) and its taps: (in channel of the
    weight, in channel of the input, padded row, padded col, kernel row, kernel col), in
    loop order."""
    cin_g, cout_g = L.c_i // L.groups, L.c_o // L.groups
    for b in range(L.batch):
        for o in range(L.c_o):
            first = (o // cout_g) * cin_g
            for r in range(L.m_h):
                for c in range(L.m_w):
                    yield (
                        b,
                        o,
                        r,
                        c,
                        [
                            (ci, first + ci, r * L.s_h + i * L.d_h, c * L.s_w + j * L.d_w, i, j)
                            for ci in range(cin_g)
                            for i in range(L.k_h)
                            for j in range(L.k_w)
                        ],
                    )


def loop_forward(x, weight, bias, L: Layer):
    """Return ``(y, OpCount)``."""
    xp, w = _padded(x, L).tolist(), weight.tolist()
    b_list = None if bias is None else bias.tolist()
    y = np.zeros(L.output_shape, dtype=x.dtype).tolist()
    mults = adds = 0
    for b, o, r, c, taps in _windows(L):
        started, total = (False, 0) if b_list is None else (True, b_list[o])
        for ci, cin, row, col, i, j in taps:
            product = w[o][ci][i][j] * xp[b][cin][row][col]
            mults += 1
            if started:
                total = total + product
                adds += 1
            else:
                total, started = product, True
        y[b][o][r][c] = total
    return np.array(y, dtype=x.dtype), OpCount(mults=mults, adds=adds)


def loop_backward(x, weight, dy, L: Layer):
    """Return ``(dx, dw, db, counts)`` with counts keyed ``dx``, ``dw``, ``db``;
    ``db`` is None without bias."""
    padded = _padded(x, L)
    xp, w, g = padded.tolist(), weight.tolist(), dy.tolist()
    dxp = np.zeros_like(padded).tolist()
    dw = np.zeros_like(weight).tolist()
    dx_seen = np.zeros(padded.shape, dtype=bool).tolist()
    dw_seen = np.zeros(weight.shape, dtype=bool).tolist()
    counts = {"dx": OpCount(), "dw": OpCount(), "db": OpCount()}
    dx_mults = dx_adds = dw_mults = dw_adds = 0
    for b, o, r, c, taps in _windows(L):
        grad = g[b][o][r][c]
        for ci, cin, row, col, i, j in taps:
            value = grad * w[o][ci][i][j]
            dx_mults += 1
            if dx_seen[b][cin][row][col]:
                dxp[b][cin][row][col] += value
                dx_adds += 1
            else:
                dxp[b][cin][row][col] = value
                dx_seen[b][cin][row][col] = True
            value = grad * xp[b][cin][row][col]
            dw_mults += 1
            if dw_seen[o][ci][i][j]:
                dw[o][ci][i][j] += value
                dw_adds += 1
            else:
                dw[o][ci][i][j] = value
                dw_seen[o][ci][i][j] = True
    counts["dx"] = OpCount(mults=dx_mults, adds=dx_adds)
    counts["dw"] = OpCount(mults=dw_mults, adds=dw_adds)
    db = None
    if L.bias:
        db_list, db_adds = [0] * L.c_o, 0
        db_seen = [False] * L.c_o
        for b in range(L.batch):
            for o in range(L.c_o):
                for r in range(L.m_h):
                    for c in range(L.m_w):
                        if db_seen[o]:
                            db_list[o] += g[b][o][r][c]
                            db_adds += 1
                        else:
                            db_list[o], db_seen[o] = g[b][o][r][c], True
        counts["db"] = OpCount(adds=db_adds)
        db = np.array(db_list, dtype=dy.dtype)
    (top, _), (left, _) = L.padding_split("h"), L.padding_split("w")
    dx = np.array(dxp, dtype=padded.dtype)[:, :, top : top + L.h, left : left + L.w]
    return dx, np.array(dw, dtype=weight.dtype), db, counts
