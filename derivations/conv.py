"""A vectorized NumPy convolution layer (im2col + matmul), forward and backward.

Plain NumPy: given :class:`~derivations.counted.Counted` arrays inside
:func:`~derivations.counted.counting`, every multiplication and addition it executes is
counted; given plain arrays it runs uncounted at full speed (the same code, for the
benchmark).  Deep-learning convolution is cross-correlation:
``y[b, o, r, c] = bias[o] + sum_{ci, i, j} W[o, ci, i, j] x_pad[b, g(o) ci, r s_h + i d_h, c s_w + j d_w]``.

Backward follows autograd: forward keeps only the input and the weights; backward
rebuilds the im2col view (no arithmetic), computes ``dW = dY cols^T``, ``db = sum dY``,
``dcols = W^T dY`` and scatters ``dcols`` back onto the padded input.  The scatter
accumulates exactly: the first tap landing on a position is stored, later ones added,
so a position reached by ``t`` terms costs ``t - 1`` additions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from derivations.counted import phase
from derivations.model import Layer, effective_kernel

__all__ = ["COLUMNS_BYTES", "Saved", "conv2d_forward", "conv2d_backward"]

# the largest im2col matrix forward builds at once (bytes); a larger layer's is built in
# blocks of output rows, so a book-sized layer (838 MB of columns) never holds it whole
COLUMNS_BYTES = 8 * 2**20


@dataclass
class Saved:
    """What forward keeps for backward: the input and the weights (as autograd does)."""

    layer: Layer
    x: np.ndarray
    weight: np.ndarray

    def elements(self) -> int:
        return int(self.x.size + self.weight.size)


def _pad(x: np.ndarray, layer: Layer) -> np.ndarray:
    (top, bottom), (left, right) = layer.padding_split("h"), layer.padding_split("w")
    n, c, hh, ww = x.shape
    xp = np.zeros_like(x, shape=(n, c, hh + top + bottom, ww + left + right))
    xp[:, :, top : top + hh, left : left + ww] = x
    return xp


def _columns(xp: np.ndarray, layer: Layer, rows: slice | None = None) -> np.ndarray:
    """im2col: ``(g, (c_i/g) k_h k_w, n m_h m_w)``, a copy, no arithmetic; with ``rows``
    only the columns of those output rows, ``(g, (c_i/g) k_h k_w, n len(rows) m_w)``."""
    L = layer
    windows = sliding_window_view(
        xp,
        (effective_kernel(L.k_h, L.d_h), effective_kernel(L.k_w, L.d_w)),
        axis=(2, 3),
        subok=True,
    )
    windows = windows[:, :, :: L.s_h, :: L.s_w, :: L.d_h, :: L.d_w][:, :, : L.m_h, : L.m_w]
    if rows is not None:
        windows = windows[:, :, rows]
    n, c, m_h = xp.shape[0], xp.shape[1], windows.shape[2]
    # (n, c, m_h, m_w, k_h, k_w) -> (g, c/g, k_h, k_w, n, m_h, m_w)
    windows = windows.reshape(n, L.groups, c // L.groups, m_h, L.m_w, L.k_h, L.k_w)
    cols = windows.transpose(1, 2, 5, 6, 0, 3, 4)
    return cols.reshape(L.groups, (c // L.groups) * L.k_h * L.k_w, n * m_h * L.m_w)


def _row_blocks(layer: Layer, n: int, itemsize: int) -> list[slice]:
    """Output rows in blocks whose im2col matrix holds at most :data:`COLUMNS_BYTES`
    (at least one row a block): one block for all but the largest layers."""
    per_row = n * layer.m_w * layer.c_i * layer.k_h * layer.k_w * itemsize
    step = max(1, min(layer.m_h, COLUMNS_BYTES // max(1, per_row)))
    return [slice(r, min(r + step, layer.m_h)) for r in range(0, layer.m_h, step)]


def _grouped_weight(weight: np.ndarray, layer: Layer) -> np.ndarray:
    return weight.reshape(layer.groups, layer.c_o // layer.groups, -1)


def _grouped_output(dy: np.ndarray, layer: Layer) -> np.ndarray:
    """``(n, c_o, m_h, m_w) -> (g, c_o/g, n m_h m_w)``."""
    n = dy.shape[0]
    dy = dy.reshape(n, layer.groups, layer.c_o // layer.groups, layer.m_h * layer.m_w)
    return dy.transpose(1, 2, 0, 3).reshape(layer.groups, layer.c_o // layer.groups, -1)


def conv2d_forward(x, weight, bias, layer: Layer):
    """Return ``(y, saved)``; ``bias`` is ``None`` for a layer without bias.

    The product runs on blocks of output rows (:func:`_row_blocks`), so the im2col
    matrix of a large layer is never held whole: each block is one counted matrix
    product, and the blocks together execute exactly the products of the whole.  Each
    block's product is copied into its rows of the output as it is made (no
    arithmetic), so the output is held once, not also as its blocks."""
    xp = _pad(x, layer)
    weights = _grouped_weight(weight, layer)
    n, g = x.shape[0], layer.groups
    blocks = _row_blocks(layer, n, xp.itemsize)
    y = None
    for rows in blocks:  # one im2col block at a time (each freed after its product)
        part = weights @ _columns(xp, layer, rows)  # (g, c_o/g, n len(rows) m_w)
        if len(blocks) == 1:
            y = part
            break
        shape = (g, layer.c_o // g, n, -1, layer.m_w)
        if y is None:  # blocks of rows side by side: (g, c_o/g, n, m_h, m_w)
            y = np.empty_like(part, shape=(*shape[:3], layer.m_h, layer.m_w))
        y[:, :, :, rows] = part.reshape(shape)
    assert y is not None  # a layer has at least one row block
    y = y.reshape(layer.c_o, n, layer.m_h, layer.m_w).transpose(1, 0, 2, 3)
    if bias is not None:
        y = y + bias.reshape(1, -1, 1, 1)
    return np.ascontiguousarray(y), Saved(layer, x, weight)


def conv2d_backward(dy, saved: Saved):
    """Return ``(dx, dweight, dbias)``; ``dbias`` is ``None`` without bias."""
    L, x, weight = saved.layer, saved.x, saved.weight
    dy_g = _grouped_output(dy, L)
    xp_shape = (x.shape[0], x.shape[1], *_padded_hw(L, x.shape))
    with phase("dw"):
        cols = _columns(_pad(x, L), L)
        dweight = (dy_g @ cols.transpose(0, 2, 1)).reshape(weight.shape)
    with phase("db"):
        dbias = dy.sum(axis=(0, 2, 3)) if L.bias else None
    with phase("dx"):
        dcols = _grouped_weight(weight, L).transpose(0, 2, 1) @ dy_g  # (g, (c_i/g)k_h k_w, N)
        dx_pad = _col2im(dcols, L, xp_shape, like=x)
    (top, _), (left, _) = L.padding_split("h"), L.padding_split("w")
    dx = dx_pad[:, :, top : top + L.h, left : left + L.w]
    return np.ascontiguousarray(dx), dweight, dbias


def _padded_hw(L: Layer, shape) -> tuple[int, int]:
    return (shape[2] + sum(L.padding_split("h")), shape[3] + sum(L.padding_split("w")))


def _col2im(dcols, L: Layer, xp_shape, like) -> np.ndarray:
    """Scatter-add the taps back onto the padded input, exactly: the first tap on a
    position is stored, the next ones added.

    Taps go in order (i, j).  When tap (i, j) lands, a position (r, c) of its grid was
    written before iff row r was reached by an earlier kernel row (i' < i covers every
    column any tap reaches) or column c by an earlier kernel column j' < j of this row:
    the written part is a union of whole rows and whole columns of the tap's grid, so
    three rectangle operations do it without a per-element mask.
    """
    n, c = xp_shape[:2]
    # (g, c/g, k_h, k_w, n, m_h, m_w) -> (k_h, k_w, n, c, m_h, m_w)
    taps = dcols.reshape(L.groups, c // L.groups, L.k_h, L.k_w, n, L.m_h, L.m_w)
    taps = taps.transpose(2, 3, 4, 0, 1, 5, 6).reshape(L.k_h, L.k_w, n, c, L.m_h, L.m_w)
    dx_pad = np.zeros_like(like, shape=xp_shape)
    row_reached = np.zeros(xp_shape[2], dtype=bool)
    for i in range(L.k_h):
        rows = slice(i * L.d_h, i * L.d_h + L.s_h * (L.m_h - 1) + 1, L.s_h)
        old_rows = row_reached[rows].copy()
        col_reached = np.zeros(xp_shape[3], dtype=bool)
        for j in range(L.k_w):
            cols = slice(j * L.d_w, j * L.d_w + L.s_w * (L.m_w - 1) + 1, L.s_w)
            _accumulate(dx_pad[:, :, rows, cols], taps[i, j], old_rows, col_reached[cols])
            col_reached[cols] = True
        row_reached[rows] = True
    return dx_pad


def _accumulate(region, tap, old_rows, old_cols) -> None:
    """``region += tap`` where (old row or old column), ``region = tap`` elsewhere."""
    r_old, r_new = _select(old_rows), _select(~old_rows)
    c_old, c_new = _select(old_cols), _select(~old_cols)
    every = slice(None)
    for rows, cols, add in ((r_old, every, True), (r_new, c_old, True), (r_new, c_new, False)):
        if rows is None or cols is None:
            continue
        index = (Ellipsis, *_grid(rows, cols))
        if add:
            region[index] += tap[index]
        else:
            region[index] = tap[index]


def _select(mask: np.ndarray):
    """Indices where ``mask`` holds: a slice when contiguous, None when empty."""
    where = np.flatnonzero(mask)
    if where.size == 0:
        return None
    if where[-1] - where[0] + 1 == where.size:
        return slice(int(where[0]), int(where[-1]) + 1)
    return where


def _grid(rows, cols):
    """Index a rows x cols rectangle (two index arrays would otherwise pair up)."""
    if isinstance(rows, np.ndarray) and isinstance(cols, np.ndarray):
        return np.ix_(rows, cols)
    return rows, cols
