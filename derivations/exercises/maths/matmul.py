"""The maths of the matmul exercise: convolution as one matrix product, executed.

Two views, both executed: im2col (copy every window into a column, then one dense
product, the form libraries use) and the Toeplitz matrix (the layer as a sparse
``c_o m_h m_w x c_i h w`` matrix acting on the flattened input).  :func:`facts` derives
the shapes and counts, runs both on the book's example, a realistic layer and a small
one, and checks every figure against the closed forms; the sheet
(:mod:`derivations.exercises.matmul`) only words and lays them out.
Conventions: stride 1, no padding, no bias, one example (n = 1); exact counting.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np
import sympy as sp
from numpy.lib.stride_tricks import sliding_window_view

from derivations.closed_forms import forms, m_h, m_w
from derivations.conv import conv2d_forward
from derivations.counted import Counted, counting
from derivations.exercises.checks import checked, require
from derivations.loops import loop_forward
from derivations.model import Layer, c_i, c_o, h, k_h, k_w, p_h, p_w, s_h, s_w, w
from derivations.registry.forms import Form
from derivations.scenarios import book_form

__all__ = [
    "BOOK_K",
    "BOOK_X",
    "MatmulFacts",
    "conv_as_matmul",
    "conv_as_matmul_shown",
    "facts",
    "matmul_counts",
    "toeplitz",
]

BOOK_X = np.array(
    [
        [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
    ]
)
_K = np.array([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]])
BOOK_K = np.stack((_K, _K + 1, _K + 2), 0)
REALISTIC = Layer(64, 64, 56, 56, 3, 3)
SMALL = Layer(4, 4, 12, 12, 3, 3)


def conv_as_matmul(X, K):
    """Cross-correlation of X (c_i, h, w) with K (c_o, c_i, k_h, k_w) as one product."""
    c_o, c_i, k_h, k_w = K.shape
    # windows: (c_i, m_h, m_w, k_h, k_w), a view: nothing is copied yet
    windows = sliding_window_view(X, (k_h, k_w), axis=(1, 2))
    m_h, m_w = windows.shape[1:3]
    cols = windows.transpose(0, 3, 4, 1, 2).reshape(c_i * k_h * k_w, m_h * m_w)
    Y = K.reshape(c_o, c_i * k_h * k_w) @ cols  # (c_o, m_h m_w)
    return Y.reshape(c_o, m_h, m_w)


# what a reader needs to run the printed code as it stands
_IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"


def conv_as_matmul_shown(comments: list[dict]) -> dict:
    """The source of :func:`conv_as_matmul` (the function that runs) with its imports, as
    a Text: in English as it stands, in Chinese with each of ``comments`` (``{"en", "zh"}``,
    the English word for word as in the source, once) replaced by its Chinese."""
    source = _IMPORTS + inspect.getsource(conv_as_matmul)
    chinese = source
    for comment in comments:
        require(
            source.count(comment["en"]) == 1,
            f"conv_as_matmul no longer says {comment['en']!r} (exercises/prose/matmul.yaml)",
        )
        chinese = chinese.replace(comment["en"], comment["zh"])
    return {"en": source, "zh": chinese}


def toeplitz(K, h_in: int, w_in: int) -> np.ndarray:
    """The layer as a matrix ``T`` with ``vec(Y) = T vec(X)``: row (o, r, c) holds the
    kernel K[o] placed at window (r, c); every other entry is zero."""
    c_o, c_in, kh, kw = K.shape
    mh, mw = h_in - kh + 1, w_in - kw + 1
    T = np.zeros((c_o, mh, mw, c_in, h_in, w_in), dtype=K.dtype)
    for r in range(mh):
        for c in range(mw):
            T[:, r, c, :, r : r + kh, c : c + kw] = K
    return T.reshape(c_o * mh * mw, c_in * h_in * w_in)


def matmul_counts(rows, inner, cols):
    """A ``(rows x inner) @ (inner x cols)`` product: mults, exact adds."""
    return rows * cols * inner, rows * cols * (inner - 1)


def _counted(fn, *arrays):
    with counting() as count:
        out = fn(*(a.view(Counted) for a in arrays))
    return np.asarray(out), count


def _symbols(layer: Layer) -> dict:
    return {
        c_i: layer.c_i,
        c_o: layer.c_o,
        h: layer.h,
        w: layer.w,
        k_h: layer.k_h,
        k_w: layer.k_w,
    }


@dataclass(frozen=True)
class MatmulFacts:
    """Everything the sheet states, derived and executed.

    Symbolic (the book's symbols, stride 1, no padding): ``output`` (the shape of Y),
    ``weight`` and ``columns`` (the im2col factors), ``mults``/``adds`` (the im2col
    product, equal to the model's closed forms), ``t_shape`` and ``density`` (the
    Toeplitz matrix).  Executed: ``book_y`` (the book's example, exact) and
    ``book_equal`` (its entries equal to the scalar loops'); on :data:`REALISTIC`,
    ``mults_executed``, ``adds_executed``, ``columns_elements`` and ``input_elements``;
    on :data:`SMALL`, ``toeplitz_nonzeros``, ``toeplitz_mults`` (dense product) and
    ``im2col_mults``."""

    output: tuple
    weight: tuple
    columns: tuple
    mults: sp.Expr
    adds: sp.Expr
    t_shape: tuple
    density: sp.Expr
    book_y: np.ndarray
    book_equal: int
    mults_executed: int
    adds_executed: int
    columns_elements: int
    input_elements: int
    toeplitz_nonzeros: int
    toeplitz_mults: int
    im2col_mults: int


def facts() -> MatmulFacts:
    """Derive, execute and check every figure of the sheet (CheckFailed on a mismatch)."""
    stride1 = {m_h: h - k_h + 1, m_w: w - k_w + 1}
    weight = (c_o, c_i * k_h * k_w)
    columns = (c_i * k_h * k_w, m_h * m_w)
    mults, adds = matmul_counts(c_o, c_i * k_h * k_w, m_h * m_w)
    t_shape = (c_o * m_h * m_w, c_i * h * w)
    t_mults, _t_adds = matmul_counts(c_o * m_h * m_w, c_i * h * w, 1)
    # the closed forms of the model, at stride 1 without padding, against the matmul rule
    book = {p_h: 0, p_w: 0, s_h: 1, s_w: 1}
    model_mults = sp.simplify(book_form(Form.FORWARD_MULTS).subs(book))
    model_adds = sp.simplify(book_form(Form.FORWARD_ADDS).subs(book))
    require(
        sp.simplify(model_mults - mults.subs(stride1)) == 0
        and sp.simplify(model_adds - adds.subs(stride1)) == 0,
        "im2col product count differs from the model's closed form",
    )

    # the book's example: exact integers, against the loop witness
    y_book = conv_as_matmul(BOOK_X, BOOK_K)
    book_layer = Layer(2, 3, 3, 3, 2, 2)
    y_loops, _ = loop_forward(BOOK_X[None], BOOK_K, None, book_layer)
    same_book = checked(
        "book example entries equal to the loop convolution",
        y_book.size,
        int(np.sum(y_book == y_loops[0])),
    )
    T = toeplitz(BOOK_K, 3, 3)
    y_t = (T @ BOOK_X.reshape(-1)).reshape(y_book.shape)
    checked("book example, Toeplitz entries equal", y_book.size, int(np.sum(y_t == y_book)))

    # a realistic layer, counted
    layer = REALISTIC
    rng = np.random.default_rng(0)
    x = rng.standard_normal(layer.input_shape[1:])
    kern = rng.standard_normal(layer.weight_shape)
    y, count = _counted(conv_as_matmul, x, kern)
    ref, _ = conv2d_forward(x[None], kern, None, layer)
    err = float(np.max(np.abs(y - ref[0])))
    require(err < 1e-12, f"im2col differs from the direct convolution by {err:.3e}")
    values = _symbols(layer)
    f = forms()
    cf_mults = checked("im2col multiplications", f[Form.FORWARD_MULTS].evaluate(layer), count.mults)
    cf_adds = checked("im2col additions", f[Form.FORWARD_ADDS].evaluate(layer), count.adds)
    cols_elems = int(sp.Mul(*columns).subs(stride1).subs(values))
    windows = sliding_window_view(x, (layer.k_h, layer.k_w), axis=(1, 2))
    executed_cols = int(windows.transpose(0, 3, 4, 1, 2).reshape(columns[0].subs(values), -1).size)
    cols_elems = checked("im2col matrix elements", cols_elems, executed_cols)

    small = SMALL
    xs, ks = rng.standard_normal(small.input_shape[1:]), rng.standard_normal(small.weight_shape)
    Ts = toeplitz(ks, small.h, small.w)
    ys, t_count = _counted(lambda t, v: t @ v, Ts, xs.reshape(-1))
    t_cf = int(t_mults.subs(stride1).subs(_symbols(small)))
    t_exec = checked("dense Toeplitz multiplications", t_cf, t_count.mults)
    small_im2col = f[Form.FORWARD_MULTS].evaluate(small)
    nonzero = checked(
        "Toeplitz nonzeros = im2col products", small_im2col, int(np.count_nonzero(Ts))
    )
    require(
        np.max(np.abs(ys.reshape(small.c_o, small.m_h, small.m_w) - conv_as_matmul(xs, ks)))
        <= 1e-9,
        "Toeplitz product differs from im2col",
    )
    density = sp.simplify((c_o * m_h * m_w * c_i * k_h * k_w) / sp.Mul(*t_shape))
    return MatmulFacts(
        output=(c_o, m_h * m_w),
        weight=weight,
        columns=columns,
        mults=mults,
        adds=adds,
        t_shape=t_shape,
        density=density,
        book_y=y_book,
        book_equal=same_book,
        mults_executed=cf_mults,
        adds_executed=cf_adds,
        columns_elements=cols_elems,
        input_elements=int(x.size),
        toeplitz_nonzeros=nonzero,
        toeplitz_mults=t_exec,
        im2col_mults=small_im2col,
    )
