"""The maths of the cost exercise (zh 2 / en 2): forward cost, memory, backward memory
and backward cost of one layer.

Every formula is a closed form from :mod:`derivations.closed_forms` in the section's
setting (one example, no dilation, no groups); every derivation step is checked equal
to it by SymPy (:func:`step`); every number is checked against the instrumented
convolution (:func:`confirmed`); the gradient formulas are checked by execution
(:func:`gradients`).  No prose: the sheet is :mod:`derivations.exercises.cost`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from numpy.lib.stride_tricks import sliding_window_view

from derivations.closed_forms import forms, m_h, m_w, window_cover
from derivations.conv import conv2d_backward, conv2d_forward
from derivations.exercises.checks import require
from derivations.exercises.instances import BOOK_EXAMPLE, REALISTIC, executed, value
from derivations.model import Layer, c_i, c_o, d_h, d_w, g, k_h, k_w, n, s_h, s_w
from derivations.registry.forms import Form, op_form
from derivations.registry.questions import question
from derivations.scenarios import BOOK, book_form

__all__ = [
    "BACKWARD_MEMORY_ROWS",
    "BATCHES",
    "BATCH_LAYER",
    "BATCH_SUMMED",
    "BATCH_TIMES_N",
    "BOOK_EXAMPLE",
    "BOOK_ROWS",
    "GRADIENT_BOUND_EXPONENT",
    "GRADIENT_LAYER",
    "MEMORY_ROWS",
    "REALISTIC",
    "REALISTIC_BIAS",
    "PADDING_LAYERS",
    "BackwardCost",
    "Batch",
    "Confirmed",
    "Forward",
    "GradientRow",
    "Gradients",
    "PaddingReading",
    "backward_cost",
    "backward_ratio",
    "batch",
    "book_gap",
    "compact",
    "confirmed",
    "convolve_full",
    "correlate_valid",
    "forward",
    "gradient_check",
    "gradients",
    "output_heights",
    "padding_readings",
    "per_channel_products",
    "step",
    "table",
]

REALISTIC_BIAS = REALISTIC.replace(bias=True)


def compact(key: Form, padding_convention: str = "total", bias: bool = False) -> sp.Expr:
    """A closed form in the section's setting, written with ``m_h, m_w``."""
    return forms(padding_convention, bias)[key].compact.xreplace(BOOK)


def step(expr: sp.Expr, key: Form, bias: bool = False) -> sp.Expr:
    """A derivation step, once SymPy confirms it equals the closed form ``key``."""
    require(
        sp.expand(expr - compact(key, bias=bias)) == 0,
        f"derivation step {expr} is not the closed form {key}",
    )
    return expr


@dataclass(frozen=True)
class Confirmed:
    """The closed form ``key`` at ``layer`` and what the instrumented convolution
    executed or held (equal: :func:`confirmed` checks it)."""

    key: Form
    layer: Layer
    closed: int
    executed: int


def confirmed(key: Form, layer: Layer) -> Confirmed:
    """The closed form's value at ``layer``, checked against execution."""
    return Confirmed(key, layer, value(key, layer), executed(layer)[key])


def output_heights() -> tuple[sp.Expr, sp.Expr]:
    """The output height with total padding (the section's formula) and per side."""
    total, per_side = (book_form(Form.OUTPUT_HEIGHT, c) for c in ("total", "per-side"))
    return total, per_side


# The realistic layer in both padding conventions, read right and misread: total 2,
# per side 1, per side 2 (the total taken per side), total 1 (per side taken as total).
PADDING_LAYERS = (
    REALISTIC,
    REALISTIC.replace(p_h=1, p_w=1, padding_convention="per-side"),
    REALISTIC.replace(padding_convention="per-side"),
    REALISTIC.replace(p_h=1, p_w=1),
)


@dataclass(frozen=True)
class PaddingReading:
    layer: Layer
    m_h: int
    mults: Confirmed


def padding_readings(layers: tuple[Layer, ...] = PADDING_LAYERS) -> tuple[PaddingReading, ...]:
    """Output height and forward multiplications of each layer, checked by execution."""
    return tuple(
        PaddingReading(
            layer, value(Form.OUTPUT_HEIGHT, layer), confirmed(Form.FORWARD_MULTS, layer)
        )
        for layer in layers
    )


# The tables' figures, each (key, layer), in the sheet's row order.
_BOOK = BOOK_EXAMPLE
BOOK_ROWS = (
    (Form.FORWARD_MULTS, _BOOK),
    (Form.FORWARD_ADDS, _BOOK),
    (Form.FORWARD_ADDS, _BOOK.replace(bias=True)),
    (Form.FORWARD_OPS, _BOOK),
    (Form.FORWARD_OPS, _BOOK.replace(bias=True)),
    (Form.FORWARD_FLOPS, _BOOK),
    (Form.FORWARD_FLOPS, _BOOK.replace(p_h=0, p_w=0)),
)
MEMORY_ROWS = (
    *(
        (key, REALISTIC_BIAS)
        for key in (
            Form.MEMORY_WEIGHTS,
            Form.MEMORY_BIAS,
            Form.MEMORY_INPUT,
            Form.MEMORY_OUTPUT,
            Form.MEMORY_PEAK_FORWARD,
        )
    ),
    (Form.MEMORY_PEAK_FORWARD, _BOOK.replace(bias=True)),
)
BACKWARD_MEMORY_ROWS = tuple(
    (key, REALISTIC_BIAS)
    for key in (
        Form.MEMORY_SAVED_FOR_BACKWARD,
        Form.MEMORY_GRAD_DY,
        Form.MEMORY_GRAD_DX,
        Form.MEMORY_GRAD_DW,
        Form.MEMORY_GRAD_DB,
        Form.MEMORY_PEAK_BACKWARD,
    )
)


def table(rows: tuple[tuple[Form, Layer], ...]) -> tuple[Confirmed, ...]:
    """Each ``(key, layer)`` of one of the tables above, checked by execution."""
    return tuple(confirmed(key, layer) for key, layer in rows)


# --- forward ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Forward:
    """The forward count as the sheet derives it: ``outputs`` elements, each a sum of
    ``terms`` products; the steps (each checked equal to its closed form)."""

    outputs: sp.Expr
    terms: sp.Expr
    mults: sp.Expr
    adds: sp.Expr
    adds_bias: sp.Expr


def forward() -> Forward:
    outputs, terms = c_o * m_h * m_w, c_i * k_h * k_w
    return Forward(
        outputs,
        terms,
        step(outputs * terms, Form.FORWARD_MULTS),
        step(outputs * (terms - 1), Form.FORWARD_ADDS),
        step(outputs * terms, Form.FORWARD_ADDS, bias=True),
    )


def book_gap() -> tuple[sp.Expr, int]:
    """FLOPs minus the exact count of operations, as a form and at the book's example."""
    gap = sp.expand(compact(Form.FORWARD_FLOPS) - compact(Form.FORWARD_OPS))
    book = BOOK_EXAMPLE
    return gap, value(Form.FORWARD_FLOPS, book) - value(Form.FORWARD_OPS, book)


def backward_ratio() -> sp.Expr:
    """Backward FLOPs over forward FLOPs."""
    return sp.simplify(compact(Form.BACKWARD_FLOPS) / compact(Form.FORWARD_FLOPS))


# --- backward cost ------------------------------------------------------------------------
@dataclass(frozen=True)
class GradientRow:
    """One gradient's (``dx``, ``dw``, ``db``; None: all) executed multiplications and
    additions."""

    gradient: str | None
    mults: Confirmed
    adds: Confirmed


@dataclass(frozen=True)
class BackwardCost:
    """The backward counts: ``cover_h``, ``cover_w`` (the outputs each input position
    covers, ``C_h``, ``C_w``), ``products``, the dX additions ``dx_adds`` and its form
    ``c_i (per_channel - C_h C_w)`` (checked), the stride-1 positions ``padded`` (the
    dX additions are ``products - padded``, checked); per gradient the executed rows;
    the backward and forward FLOPs of :data:`REALISTIC_BIAS` and their ratio."""

    cover_h: sp.Expr
    cover_w: sp.Expr
    products: sp.Expr
    dx_adds: sp.Expr
    per_channel: sp.Expr
    padded: sp.Expr
    ratio: sp.Expr
    rows: tuple[GradientRow, ...]
    backward_flops: int
    forward_flops: int


GRADIENTS = ("dx", "dw", "db", None)


def per_channel_products() -> sp.Expr:
    """The products one input channel takes part in, forward or in dL/dX:
    ``c_o k_h k_w m_h m_w`` (the dL/dX additions are ``c_i`` times this minus the covered
    positions)."""
    return sp.expand(compact(Form.BACKWARD_DX_MULTS) / c_i)


def backward_cost(layer: Layer = REALISTIC_BIAS) -> BackwardCost:
    cover_h, cover_w = (window_cover(m, k, s, 1) for m, k, s in ((m_h, k_h, s_h), (m_w, k_w, s_w)))
    names = question("backward-ops").worked_names  # the covered positions' names
    big_c_h, big_c_w = sp.symbols(names, positive=True, integer=True)
    products = c_i * c_o * k_h * k_w * m_h * m_w
    dx_adds = step(
        c_i * (c_o * k_h * k_w * m_h * m_w - cover_h * cover_w), Form.BACKWARD_DX_ADDS, True
    )
    # written c_i (products/c_i - C_h C_w), the order the prose reads (SymPy would lead
    # with the minus term); checked equal to the closed form with C_h, C_w substituted
    per_channel = per_channel_products()
    require(sp.expand(c_i * per_channel - products) == 0, "per-channel products")
    require(
        sp.expand(
            c_i * (per_channel - big_c_h * big_c_w)
            - dx_adds.subs({cover_h: big_c_h, cover_w: big_c_w})
        )
        == 0,
        "A_X written with C_h, C_w is not the dX additions",
    )
    dx_adds_s1 = sp.factor_terms(sp.expand(dx_adds.subs({s_h: 1, s_w: 1})))
    padded = c_i * (m_h + k_h - 1) * (m_w + k_w - 1)
    require(
        sp.expand(dx_adds_s1 - (products - sp.expand(padded))) == 0,
        "stride-1 dX additions do not reduce to products minus positions",
    )
    rows = tuple(
        GradientRow(
            grad,
            confirmed(op_form("backward", "mults", grad), layer),
            confirmed(op_form("backward", "adds", grad), layer),
        )
        for grad in GRADIENTS
    )
    return BackwardCost(
        cover_h=cover_h,
        cover_w=cover_w,
        products=products,
        dx_adds=dx_adds,
        per_channel=per_channel,
        padded=padded,
        ratio=backward_ratio(),
        rows=rows,
        backward_flops=value(Form.BACKWARD_FLOPS, layer),
        forward_flops=value(Form.FORWARD_FLOPS, layer),
    )


# --- the gradients themselves -------------------------------------------------------------
def correlate_valid(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Valid 2-D cross-correlation of one channel (plain NumPy, no counting)."""
    windows = sliding_window_view(x, kernel.shape)
    return np.einsum("rsij,ij->rs", windows, kernel)


def convolve_full(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Full 2-D convolution: pad by the kernel size minus one, correlate with the flipped
    kernel."""
    kh, kw = kernel.shape
    padded = np.pad(x, ((kh - 1, kh - 1), (kw - 1, kw - 1)))
    return correlate_valid(padded, kernel[::-1, ::-1])


GRADIENT_LAYER = Layer(c_i=3, c_o=4, h=9, w=8, k_h=3, k_w=2, p_h=2, p_w=1)


def gradient_check(layer: Layer = GRADIENT_LAYER, seed: int = 0) -> tuple[float, float]:
    """Largest differences between the executed backward (im2col, col2im) and the two
    formulas: ``dW[o, c] = X~[c] (correlate) dY[o]`` and ``dX~[c] = sum_o dY[o] (full
    convolve) W[o, c]``, cropped to the unpadded input (stride 1)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, layer.c_i, layer.h, layer.w))
    weight = rng.standard_normal((layer.c_o, layer.c_i, layer.k_h, layer.k_w))
    y, saved = conv2d_forward(x, weight, None, layer)
    dy = rng.standard_normal(y.shape)
    dx, dweight, _ = conv2d_backward(dy, saved)
    (top, bottom), (left, right) = layer.padding_split("h"), layer.padding_split("w")
    xp = np.pad(x[0], ((0, 0), (top, bottom), (left, right)))
    dw_formula = np.array(
        [[correlate_valid(xp[c], dy[0, o]) for c in range(layer.c_i)] for o in range(layer.c_o)]
    )
    dxp = np.array(
        [
            sum(convolve_full(dy[0, o], weight[o, c]) for o in range(layer.c_o))
            for c in range(layer.c_i)
        ]
    )
    dx_formula = dxp[:, top : top + layer.h, left : left + layer.w]
    return (float(np.max(np.abs(dw_formula - dweight))), float(np.max(np.abs(dx_formula - dx[0]))))


GRADIENT_BOUND_EXPONENT = -12


@dataclass(frozen=True)
class Gradients:
    """The gradient formulas checked on ``layer``: both differences from the executed
    backward are below ``10**bound_exponent``."""

    layer: Layer
    dw_gap: float
    dx_gap: float
    bound_exponent: int


def gradients(layer: Layer = GRADIENT_LAYER) -> Gradients:
    dw_gap, dx_gap = gradient_check(layer)
    bound = 10.0**GRADIENT_BOUND_EXPONENT
    require(
        dw_gap < bound and dx_gap < bound,
        f"gradient formulas differ from the executed backward: dW {dw_gap:.3e}, dX {dx_gap:.3e}",
    )
    return Gradients(layer, dw_gap, dx_gap, GRADIENT_BOUND_EXPONENT)


# --- the batch size -----------------------------------------------------------------------
BATCHES = (1, 4)
BATCH_LAYER = Layer(c_i=8, c_o=16, h=14, w=14, k_h=3, k_w=3, p_h=2, p_w=2, bias=True)
BATCH_KEYS = (
    Form.FORWARD_MULTS,
    Form.BACKWARD_MULTS,
    Form.MEMORY_PARAMS,
    Form.MEMORY_PEAK_FORWARD,
)


# counted once per example: n times the one-example form (checked by SymPy)
BATCH_TIMES_N = (
    Form.FORWARD_MULTS,
    Form.FORWARD_ADDS,
    Form.BACKWARD_MULTS,
    Form.BACKWARD_DX_ADDS,
    Form.MEMORY_INPUT,
    Form.MEMORY_OUTPUT,
)
# sums over every example at once: n m_h m_w terms each, one addition fewer than n sums
BATCH_SUMMED = (Form.BACKWARD_DW_ADDS, Form.BACKWARD_DB_ADDS)


@dataclass(frozen=True)
class Batch:
    """The forms with the batch size ``n`` kept (``with_n``: forward multiplications,
    forward and backward peaks, the additions of dW and db; :data:`BATCH_TIMES_N` each
    checked ``n`` times its one-example form), per batch size of :data:`BATCHES` the
    values of :data:`BATCH_KEYS` at :data:`BATCH_LAYER`, and ``excess``: how many
    additions dW and db take beyond ``n`` times one example (SymPy's difference),
    ``excess_value`` its value at :data:`BATCH_LAYER` with the largest batch, checked
    against the executed backward passes at that batch and at batch 1."""

    with_n: dict[Form, sp.Expr]
    rows: tuple[tuple[int, tuple[int, ...]], ...]
    excess: sp.Expr
    excess_value: int


def batch() -> Batch:
    keep_n = {d_h: 1, d_w: 1, g: 1}
    with_n = lambda key: forms("total", True)[key].compact.xreplace(keep_n)  # noqa: E731
    for key in BATCH_TIMES_N:
        require(
            sp.expand(with_n(key) - n * compact(key, bias=True)) == 0,
            f"{key} is not n times its one-example form",
        )
    excess = sp.factor(
        sp.expand(sum(with_n(key) - n * compact(key, bias=True) for key in BATCH_SUMMED))
    )
    largest = BATCH_LAYER.replace(batch=BATCHES[-1])
    single = BATCH_LAYER.replace(batch=1)
    executed_excess = sum(
        value(key, largest) - largest.batch * value(key, single) for key in BATCH_SUMMED
    )
    at_layer = {n: largest.batch, c_o: largest.c_o, c_i: largest.c_i}
    at_layer |= {k_h: largest.k_h, k_w: largest.k_w}
    require(
        excess.free_symbols <= set(at_layer) and int(excess.xreplace(at_layer)) == executed_excess,
        f"dW and db additions at batch {largest.batch} exceed {largest.batch} times batch 1 "
        f"by {executed_excess} when executed, not by {excess}",
    )
    rows = []
    for size in BATCHES:
        layer = BATCH_LAYER.replace(batch=size)
        rows.append((size, tuple(value(key, layer) for key in BATCH_KEYS)))
    shown = (Form.FORWARD_MULTS, Form.MEMORY_PEAK_FORWARD, Form.MEMORY_PEAK_BACKWARD)
    return Batch(
        {key: with_n(key) for key in shown + BATCH_SUMMED},
        tuple(rows),
        excess,
        executed_excess,
    )
