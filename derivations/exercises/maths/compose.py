"""The maths of the compose exercise: two kernels in sequence, no nonlinearity between,
are one convolution.

Proof by SymPy on symbolic kernels and inputs (1-D over a sweep of sizes, 2-D, with
channels); the composed size is read off the symbolic composition and set beside the
degree argument; the converse is refuted by a parameter count, by a real
factorization that does not exist (1 + z^2) and by a Groebner basis that is {1} for
the discrete Laplacian; over C every 1-D kernel factors, checked numerically; with
channels between, a k x 1 then 1 x k split of rank r is executed.  Each section's
results are one function returning a frozen dataclass (:func:`proof`, :func:`size`,
:func:`numeric`, :func:`converse`, :func:`channels`, :func:`worked`); no prose: the sheet
is :mod:`derivations.exercises.compose`.
Conventions: cross-correlation (deep-learning "convolution"), stride 1, no padding.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import sympy as sp

from derivations.closed_forms import forms
from derivations.conv import conv2d_forward
from derivations.counted import Counted, counting
from derivations.exercises.checks import checked, require
from derivations.model import Layer
from derivations.registry.forms import Form

__all__ = [
    "BOUND_EXPONENT",
    "LAPLACIAN",
    "ROUNDING_BOUND",
    "WIDE_C",
    "WIDE_K",
    "WORKED_A",
    "WORKED_B",
    "WORKED_X",
    "BestSplit",
    "Channels",
    "Converse",
    "Numeric",
    "Proof",
    "Size",
    "WideSplit",
    "Worked",
    "best_split",
    "channels",
    "complex_factors",
    "compose_fast",
    "compose_kernels",
    "composed_support",
    "converse",
    "correlate1d",
    "full_convolve1d",
    "laplacian_has_no_factor",
    "numeric",
    "proof",
    "rank_split",
    "size",
    "split_layers",
    "split_shortfall",
    "splits",
    "wide_split",
    "worked",
    "worked_example",
    "k",
    "k_1",
    "k_2",
    "u",
    "v",
    "z",
]

BOUND_EXPONENT = -10
ROUNDING_BOUND = 10.0**BOUND_EXPONENT

k_1, k_2, k = sp.symbols("k_1 k_2 k", integer=True, positive=True)
z, u, v = sp.symbols("z u v")
r_1, c_1, r_2, c_2 = sp.symbols("r_1 c_1 r_2 c_2", integer=True, positive=True)
LAPLACIAN = ((0, 1, 0), (1, -4, 1), (0, 1, 0))


# --- machinery: symbolic and numeric correlation -------------------------------------
def correlate1d(x, kern):
    """Valid cross-correlation of two sequences (any element type)."""
    m = len(x) - len(kern) + 1
    return [sum(kern[a] * x[i + a] for a in range(len(kern))) for i in range(m)]


def full_convolve1d(a, b):
    """Full convolution: ``c[t] = sum_{i + j = t} a[i] b[j]``."""
    out = [0] * (len(a) + len(b) - 1)
    for i, j in itertools.product(range(len(a)), range(len(b))):
        out[i + j] += a[i] * b[j]
    return out


def _correlate2d(x, kern):
    """Valid 2-D cross-correlation on object (symbolic) or float arrays."""
    kh, kw = kern.shape
    mh, mw = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    out = np.empty((mh, mw), dtype=object)
    for r, c in itertools.product(range(mh), range(mw)):
        out[r, c] = (x[r : r + kh, c : c + kw] * kern).sum()
    return out


def _multi_channel(x, weight):
    """``x (c_i, h, w)``, ``weight (c_o, c_i, k_h, k_w)``: the book's corr2d_multi_in_out."""
    return np.stack(
        [
            sum(_correlate2d(x[c], weight[o, c]) for c in range(x.shape[0]))
            for o in range(weight.shape[0])
        ]
    )


def _full_convolve2d(a, b):
    out = np.zeros(
        (a.shape[0] + b.shape[0] - 1, a.shape[1] + b.shape[1] - 1), dtype=np.result_type(a, b)
    )
    for i, j in itertools.product(range(b.shape[0]), range(b.shape[1])):
        out[i : i + a.shape[0], j : j + a.shape[1]] += a * b[i, j]
    return out


def compose_kernels(w1, w2):
    """The one kernel of ``w1 (c_m, c_i, ., .)`` then ``w2 (c_o, c_m, ., .)``:
    ``W[o, c] = sum_m full_convolve(w2[o, m], w1[m, c])``."""
    c_o, c_m = w2.shape[:2]
    c_i = w1.shape[1]
    return np.stack(
        [
            np.stack(
                [sum(_full_convolve2d(w1[m, c], w2[o, m]) for m in range(c_m)) for c in range(c_i)]
            )
            for o in range(c_o)
        ]
    )


def _symbols(name, shape):
    flat = sp.symbols(f"{name}0:{int(np.prod(shape))}")
    return np.array(flat, dtype=object).reshape(shape)


def _identical(a, b) -> bool:
    return all(sp.expand(p - q) == 0 for p, q in zip(np.ravel(a), np.ravel(b)))


def composed_support(size1: int, size2: int) -> int:
    """How many consecutive inputs the first output of the two correlations in sequence
    depends on: read off the symbolic expression, not from any formula."""
    x = sp.symbols(f"x0:{size1 + size2 + 2}")
    first = sp.expand(
        correlate1d(correlate1d(list(x), sp.symbols(f"a0:{size1}")), sp.symbols(f"b0:{size2}"))[0]
    )
    used = [i for i, xi in enumerate(x) if first.has(xi)]
    return used[-1] - used[0] + 1


def _proof_1d(size1: int, size2: int) -> bool:
    x = list(sp.symbols(f"x0:{size1 + size2 + 2}"))
    a, b = sp.symbols(f"a0:{size1}"), sp.symbols(f"b0:{size2}")
    two = correlate1d(correlate1d(x, a), b)
    one = correlate1d(x, full_convolve1d(a, b))
    return _identical(two, one)


def _proof_2d(c_i: int, c_m: int, c_o: int, k1: int, k2: int, size: int) -> bool:
    x = _symbols("x", (c_i, size, size))
    w1, w2 = _symbols("a", (c_m, c_i, k1, k1)), _symbols("b", (c_o, c_m, k2, k2))
    two = _multi_channel(_multi_channel(x, w1), w2)
    return _identical(two, _multi_channel(x, compose_kernels(w1, w2)))


def _proof_bias(size1: int, size2: int) -> bool:
    """Biases compose to ``b_2 + b_1 sum(beta)``."""
    x = list(sp.symbols(f"x0:{size1 + size2 + 2}"))
    a, b = sp.symbols(f"a0:{size1}"), sp.symbols(f"b0:{size2}")
    b1, b2 = sp.symbols("b_1 b_2")
    two = [t + b2 for t in correlate1d([t + b1 for t in correlate1d(x, a)], b)]
    one = [t + b2 + b1 * sum(b) for t in correlate1d(x, full_convolve1d(a, b))]
    return _identical(two, one)


def _generic_poly(name, rows, cols):
    coeffs = sp.symbols(f"{name}0:{rows * cols}")
    return coeffs, sum(coeffs[i * cols + j] * u**i * v**j for i in range(rows) for j in range(cols))


def laplacian_has_no_factor() -> list[tuple[tuple, tuple, list]]:
    """For every split of 3x3 into two kernels neither 1x1, the Groebner basis of
    "composition == Laplacian" over C: ``[1]`` means no solution exists."""
    target = sum(LAPLACIAN[i][j] * u**i * v**j for i in range(3) for j in range(3))
    out = []
    for r1, c1 in itertools.product(range(1, 4), repeat=2):
        if (r1, c1) in ((1, 1), (3, 3)):
            continue
        a, pa = _generic_poly("a", r1, c1)
        b, pb = _generic_poly("b", 4 - r1, 4 - c1)
        eqs = sp.Poly(sp.expand(pa * pb - target), u, v).coeffs()
        basis = sp.groebner(eqs, *a, *b, order="grevlex").exprs
        out.append(((r1, c1), (4 - r1, 4 - c1), list(basis)))
    return out


def split_shortfall():
    """Entries of the composed kernel minus the free parameters of an ``r_1 x c_1`` kernel
    then an ``r_2 x c_2`` one (one scale is redundant): SymPy's expansion, proved equal
    to the sum of two products shown on the sheet."""
    gap = sp.expand((r_1 + r_2 - 1) * (c_1 + c_2 - 1) - (r_1 * c_1 + r_2 * c_2 - 1))
    shown = (r_1 - 1) * (c_2 - 1) + (r_2 - 1) * (c_1 - 1)
    require(sp.expand(gap - shown) == 0, f"{shown} is not {gap}")
    return shown


def splits(size: int):
    """Every ordered split of a ``size x size`` kernel into two kernels, neither 1x1:
    ``((r_1, c_1), (r_2, c_2), free parameters)``, enumerated (sizes add minus one)."""
    for r1, c1 in itertools.product(range(1, size + 1), repeat=2):
        if (r1, c1) in ((1, 1), (size, size)):
            continue
        r2, c2 = size + 1 - r1, size + 1 - c1
        yield (r1, c1), (r2, c2), r1 * c1 + r2 * c2 - 1


def best_split(size: int):
    """The split with the most free parameters, by enumeration."""
    return max(splits(size), key=lambda split: (split[2], split[0]))


def complex_factors(kernel) -> list[np.ndarray]:
    """``len(kernel) - 1`` length-2 complex kernels whose full convolution is ``kernel``
    (kernel[a] is the coefficient of z^a; a nonzero kernel of at least two taps): one
    ``(-r, 1)`` per root r of its polynomial, whose degree d is the index of its last
    nonzero tap, the last nonzero tap folded into the first; each of the ``len - 1 - d``
    zero last taps is a factor ``(1, 0)`` (the kernel that passes its first input)."""
    nonzero = np.flatnonzero(kernel)
    require(kernel.size >= 2 and nonzero.size > 0, f"no size-2 factors of {kernel}")
    degree = int(nonzero[-1])
    roots = np.roots(kernel[degree::-1])
    factors = [np.array([-r, 1.0], dtype=complex) for r in roots]
    factors += [np.array([1.0, 0.0], dtype=complex)] * (kernel.size - 1 - degree)
    factors[0] = factors[0] * kernel[degree]
    return factors


def compose_fast(w1, w2):
    """``compose_kernels`` vectorized over channels (one einsum per tap of ``w2``)."""
    c_o, _, k2h, k2w = w2.shape
    _, c_i, k1h, k1w = w1.shape
    out = np.zeros((c_o, c_i, k1h + k2h - 1, k1w + k2w - 1))
    for a, b in itertools.product(range(k2h), range(k2w)):
        out[:, :, a : a + k1h, b : b + k1w] += np.einsum("om,mcij->ocij", w2[:, :, a, b], w1)
    return out


def rank_split(kernel) -> tuple[sp.Matrix, sp.Matrix]:
    """``(C, F)`` with ``C (k_h x r)`` and ``F (r x k_w)``, ``C F = kernel``, ``r`` its
    rank: SymPy's exact rank factorization (integer kernels stay integer)."""
    columns, rows = sp.Matrix(kernel).rank_decomposition()
    require(columns * rows == sp.Matrix(kernel), "rank factorization does not rebuild the kernel")
    return columns, rows


def split_layers(columns, rows) -> tuple[np.ndarray, np.ndarray]:
    """The two layers of a rank split: ``k_h x 1`` kernels into ``r`` channels, then
    ``1 x k_w`` kernels summing them: weights ``(r, 1, k_h, 1)`` and ``(1, r, 1, k_w)``."""
    r = columns.shape[1]
    w1 = np.array(columns.T.tolist(), dtype=float).reshape(r, 1, columns.shape[0], 1)
    w2 = np.array(rows.tolist(), dtype=float).reshape(1, r, 1, rows.shape[1])
    return w1, w2


def _run_split(kernel_w1, kernel_w2, kernel, x):
    """Execute both layers and the single layer (counted): outputs and multiplications."""
    _n, _c, h, w = x.shape
    r, _, kh, _ = kernel_w1.shape
    kw = kernel_w2.shape[3]
    first = Layer(1, r, h, w, kh, 1)
    second = Layer(r, 1, first.m_h, first.m_w, 1, kw)
    single = Layer(1, 1, h, w, kh, kw)
    with counting() as two:
        y1, _ = conv2d_forward(x.view(Counted), kernel_w1.view(Counted), None, first)
        y2, _ = conv2d_forward(y1, kernel_w2.view(Counted), None, second)
    with counting() as one:
        y, _ = conv2d_forward(
            x.view(Counted), kernel.reshape(1, 1, kh, kw).view(Counted), None, single
        )
    f = forms()[Form.FORWARD_MULTS]
    two_mults = checked(
        "rank split: two layers, multiplications", f.evaluate(first) + f.evaluate(second), two.mults
    )
    one_mults = checked("rank split: one layer, multiplications", f.evaluate(single), one.mults)
    return np.asarray(y2), np.asarray(y), two_mults, one_mults, (first, second)


WORKED_A, WORKED_B = ((1, 2), (0, 1)), ((1, -1), (2, 0))
WORKED_X = ((1, 2, 0, 1), (3, 1, 2, 0), (0, 1, 1, 2), (2, 0, 3, 1))


def worked_example():
    """The 2-D integer example: ``(K, two layers, one layer)``; the outputs are equal."""
    a, b = np.array(WORKED_A, dtype=object), np.array(WORKED_B, dtype=object)
    x = np.array(WORKED_X, dtype=object)
    kernel = _full_convolve2d(a, b)
    two = _correlate2d(_correlate2d(x, a), b)
    one = _correlate2d(x, kernel)
    require(np.array_equal(two, one), "worked example: two layers and one layer differ")
    return kernel, two, one


# --- the proof ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Proof:
    """The 1-D composition of two 2-tap kernels written out: ``first`` (the first output
    of the two correlations, expanded), ``coefficients`` (those of the product
    polynomial alpha(z) beta(z), in z^0, z^1, z^2), ``alpha``/``beta`` (the taps),
    ``proved_1d`` of ``sweep_1d`` sizes proved symbolically (all), and the 2-D, channel
    and bias cases (each proved)."""

    alpha: tuple
    beta: tuple
    first: sp.Expr
    coefficients: tuple[sp.Expr, ...]
    proved_1d: int
    sweep_1d: int


def proof() -> Proof:
    a, b = sp.symbols("alpha_0:2"), sp.symbols("beta_0:2")
    x = list(sp.symbols("x_0:4"))
    two = sp.expand(correlate1d(correlate1d(x, a), b)[0])
    poly = sp.expand(sum(a[i] * z**i for i in range(2)) * sum(b[i] * z**i for i in range(2)))
    sweep = [(p, q) for p in range(1, 5) for q in range(1, 5)]
    proved_1d = sum(_proof_1d(p, q) for p, q in sweep)
    checked("1-D compositions proved", len(sweep), proved_1d)
    checked("2-D 2x2 then 3x3", 1, int(_proof_2d(1, 1, 1, 2, 3, 5)))
    checked("2-D channels 2->2->2, 2x2 then 2x2", 1, int(_proof_2d(2, 2, 2, 2, 2, 4)))
    checked("1-D with biases", 1, int(_proof_bias(3, 2)))
    return Proof(a, b, two, tuple(poly.coeff(z, t) for t in range(3)), proved_1d, len(sweep))


# --- the size -----------------------------------------------------------------------------
SIZE_PAIRS = ((1, 3), (2, 2), (3, 3), (3, 5), (5, 7))


@dataclass(frozen=True)
class Size:
    """``size`` = k_1 + k_2 - 1 (SymPy adds the degrees and one); ``rows``: per pair of
    :data:`SIZE_PAIRS`, ``(k_1, k_2, the formula's size, the support measured on the
    symbolic composition)`` (equal)."""

    size: sp.Expr
    rows: tuple[tuple[int, int, int, int], ...]


def size() -> Size:
    composed = sp.expand((k_1 - 1) + (k_2 - 1) + 1)
    rows = []
    for p, q in SIZE_PAIRS:
        formula = int(composed.subs({k_1: p, k_2: q}))
        rows.append(
            (p, q, formula, checked(f"composed size {p},{q}", formula, composed_support(p, q)))
        )
    return Size(composed, tuple(rows))


# --- executed -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Numeric:
    """Two 64-channel layers executed against one with the composed kernel: ``first``,
    ``second`` and ``merged`` layers, the largest ``difference`` (below
    :data:`ROUNDING_BOUND`), the outputs' largest magnitude ``scale``, and the
    multiplications (closed forms checked against the executed counts)."""

    first: Layer
    second: Layer
    merged: Layer
    difference: float
    scale: float
    two_mults: int
    one_mults: int


def numeric() -> Numeric:
    c_i, c_m, c_o, hw, k1, k2 = 64, 64, 64, 56, 3, 3
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, c_i, hw, hw))
    w1 = rng.standard_normal((c_m, c_i, k1, k1))
    w2 = rng.standard_normal((c_o, c_m, k2, k2))
    first, second = (
        Layer(c_i, c_m, hw, hw, k1, k1),
        Layer(c_m, c_o, hw - k1 + 1, hw - k1 + 1, k2, k2),
    )
    merged = Layer(c_i, c_o, hw, hw, k1 + k2 - 1, k1 + k2 - 1)
    with counting() as two:
        y1, _ = conv2d_forward(x.view(Counted), w1.view(Counted), None, first)
        y2, _ = conv2d_forward(y1, w2.view(Counted), None, second)
    composed = compose_fast(w1, w2)
    with counting() as one:
        y, _ = conv2d_forward(x.view(Counted), composed.view(Counted), None, merged)
    diff = float(np.max(np.abs(np.asarray(y2) - np.asarray(y))))
    scale = float(np.max(np.abs(np.asarray(y))))
    # The digits of a float64 rounding difference depend on the BLAS build and its
    # threading; the sheet states a bound that holds with a wide margin (about 25x on the
    # builds we know), checked here, so the sentence is the same on every machine.
    require(
        diff < ROUNDING_BOUND,
        f"composition: largest difference {diff:.3e} is not below {ROUNDING_BOUND:.0e}",
    )
    f = forms()[Form.FORWARD_MULTS]
    two_cf = f.evaluate(first) + f.evaluate(second)
    two_mults = checked("two layers, forward multiplications", two_cf, two.mults)
    one_mults = checked("composed layer, forward multiplications", f.evaluate(merged), one.mults)
    return Numeric(first, second, merged, diff, scale, two_mults, one_mults)


# --- the converse -------------------------------------------------------------------------
@dataclass(frozen=True)
class BestSplit:
    """The split of a ``kernel x kernel`` kernel with the most free parameters (its two
    shapes), those ``parameters`` and the ``shortfall`` (both checked against the
    closed forms), and the best split into two square kernels' parameters."""

    kernel: int
    first: tuple[int, int]
    second: tuple[int, int]
    parameters: int
    shortfall: int
    square: int


@dataclass(frozen=True)
class Converse:
    """The converse refuted.  ``shortfall`` (entries minus free parameters of a split),
    ``square_gap`` (for two square kernels), ``best_params`` and ``best_gap`` (the best
    family, k x (k-1) then 1 x 2); ``square_tie`` the one kernel size at which the best
    split into two square kernels (``square_tie_factor`` square each) falls exactly as
    short as the best split, by ``square_tie_gap`` (found over every pair of square
    factors up to 40 x 40, checked against the enumerated table); ``polynomial`` 1 + z^2, its ``real_roots`` (none) and
    its factorization ``over_c``; ``complex_error`` (a random 7-tap kernel rebuilt from
    its complex factors), ``zero_tap_error`` (the same with its last tap 0); ``bases`` the Groebner bases of the Laplacian's splits,
    ``no_solution`` of them {1}, ``distinct_splits`` the unordered ones; the
    Laplacian's ``rank``; ``splits`` per kernel size."""

    shortfall: sp.Expr
    square_gap: sp.Expr
    best_params: sp.Expr
    best_gap: sp.Expr
    square_tie: int
    square_tie_factor: int
    square_tie_gap: int
    polynomial: sp.Expr
    real_roots: tuple
    over_c: sp.Expr
    complex_error: float
    zero_tap_error: float
    kernel_size: int
    bases: int
    no_solution: int
    distinct_splits: tuple[tuple[tuple[int, ...], ...], ...]  # unordered pairs of shapes
    rank: int
    splits: tuple[BestSplit, ...]


def _rebuilt_error(kernel: np.ndarray) -> float:
    """The largest difference between ``kernel`` and the full convolution of its
    :func:`complex_factors` (``len(kernel) - 1`` of them, each of size 2)."""
    pieces = complex_factors(kernel)
    require(
        len(pieces) == kernel.size - 1 and all(p.size == 2 for p in pieces),
        f"{len(pieces)} factors for a kernel of size {kernel.size}",
    )
    product = pieces[0]
    for piece in pieces[1:]:
        product = np.convolve(product, piece)
    return float(np.max(np.abs(product - kernel)))


def converse() -> Converse:
    shortfall = split_shortfall()
    square_gap = sp.factor(shortfall.subs({r_1: k_1, c_1: k_1, r_2: k_2, c_2: k_2}))
    best_family = {r_1: k, c_1: k - 1, r_2: 1, c_2: 2}
    best_params = sp.expand(k**2 - shortfall.subs(best_family))
    best_gap = sp.expand(shortfall.subs(best_family))
    # square factors k1 x k1 then k2 x k2 (both at least 2 x 2) against the best split of
    # the k x k kernel they compose to, k = k1 + k2 - 1: where are they equally short?
    square_of, best_of = sp.lambdify((k_1, k_2), square_gap), sp.lambdify(k, best_gap)
    ties = sorted(
        {
            (a + b - 1, a)
            for a in range(2, 41)
            for b in range(2, 41)
            if square_of(a, b) == best_of(a + b - 1)
        }
    )
    require(len(ties) == 1, f"square splits as short as the best split at {ties}")
    ((square_tie, square_tie_factor),) = ties
    square_tie_gap = int(best_gap.subs(k, square_tie))
    p = 1 + z**2
    real_roots = sp.real_roots(p)
    over_c = sp.factor(p, extension=sp.I)
    factors = complex_factors(np.array([1.0, 0.0, 1.0]))
    rebuilt = np.convolve(factors[0], factors[1])
    rng = np.random.default_rng(1)
    kernel = rng.standard_normal(7)
    # the same kernel with a zero last tap: a polynomial of lower degree, the missing
    # root's factor (1, 0)
    short = np.concatenate([kernel[:-1], [0.0]])
    err, zero_tap_err = (_rebuilt_error(kernel), _rebuilt_error(short))
    require(
        max(err, zero_tap_err) <= 1e-9 and np.max(np.abs(rebuilt - [1, 0, 1])) <= 1e-12,
        f"complex factorization does not reproduce the kernel: {err}, {zero_tap_err}",
    )
    bases = laplacian_has_no_factor()
    no_solution = checked(
        "Laplacian splits with Groebner basis {1}",
        len(bases),
        sum(basis == [1] for *_, basis in bases),
    )
    distinct_splits = sorted({tuple(sorted((first, second))) for first, second, _ in bases})
    lap_rank = int(np.linalg.matrix_rank(np.array(LAPLACIAN, dtype=float)))
    rows = []
    for kk in (3, 5, 7):
        first, second, params = best_split(kk)
        params = checked(
            f"best split of {kk}x{kk}: parameters", int(best_params.subs(k, kk)), params
        )
        gap = checked(
            f"best split of {kk}x{kk}: shortfall", int(best_gap.subs(k, kk)), kk * kk - params
        )
        square = max(p for (a, b), _, p in splits(kk) if a == b)
        rows.append(BestSplit(kk, first, second, params, gap, square))
    require(
        [row.kernel for row in rows if row.square == row.parameters]
        == [row.kernel for row in rows if row.kernel == square_tie],
        "the table's square splits disagree with the square tie",
    )
    return Converse(
        shortfall=shortfall,
        square_gap=square_gap,
        best_params=best_params,
        best_gap=best_gap,
        square_tie=square_tie,
        square_tie_factor=square_tie_factor,
        square_tie_gap=square_tie_gap,
        polynomial=p,
        real_roots=tuple(real_roots),
        over_c=over_c,
        complex_error=err,
        zero_tap_error=zero_tap_err,
        kernel_size=int(kernel.size),
        bases=len(bases),
        no_solution=no_solution,
        distinct_splits=tuple(distinct_splits),
        rank=lap_rank,
        splits=tuple(rows),
    )


# --- channels between: k x 1 then 1 x k ---------------------------------------------------
@dataclass(frozen=True)
class Channels:
    """The Laplacian's exact rank split ``columns`` x ``rows`` (``rank`` channels between)
    executed as two layers against one (equal outputs on integers; multiplications
    ``two_mults``, ``one_mults``); a random ``random_size`` kernel's SVD split
    (``full_rank`` channels; ``random_difference`` below :data:`ROUNDING_BOUND`;
    ``random_two``, ``random_one`` multiplications); ``input_size`` of the executed
    inputs.  Necessity (rank <= c_m) is proved symbolically."""

    columns: sp.Matrix
    rows: sp.Matrix
    rank: int
    two_mults: int
    one_mults: int
    random_size: int
    full_rank: int
    random_difference: float
    random_two: int
    random_one: int
    input_size: int
    wide: WideSplit


@dataclass(frozen=True)
class WideSplit:
    """An exact ``k x 1`` then ``1 x k`` split of a random integer kernel with ``c``
    channels in and out: the kernel read as a ``(c k) x (c k)`` matrix (rows: input
    channel and kernel row; columns: output channel and kernel column) has ``rank``
    (SymPy, exact) = ``c k``, so ``c_m = rank`` channels between; both executed on an
    integer input give the same output; ``split_per_position`` and ``single_per_position``
    are the products per output position away from the border, ``c_m (c_i + c_o) k`` and
    ``c_o c_i k^2``; ``two_mults``, ``one_mults`` the executed totals."""

    c: int
    k: int
    rank: int
    split_per_position: int
    single_per_position: int
    two_mults: int
    one_mults: int


WIDE_C, WIDE_K = 2, 3


def wide_split(c: int = WIDE_C, kk: int = WIDE_K) -> WideSplit:
    """The exact split of a random ``c -> c`` ``kk x kk`` integer kernel, executed."""
    rng = np.random.default_rng(11)
    kernel = rng.integers(-5, 6, size=(c, c, kk, kk))  # (c_o, c_i, k, k)
    # matrix[(i, a), (o, b)] = kernel[o, i, a, b]
    matrix = sp.Matrix(kernel.transpose(1, 2, 0, 3).reshape(c * kk, c * kk).tolist())
    columns, rows = matrix.rank_decomposition()
    require(columns * rows == matrix, "wide rank factorization does not rebuild the kernel")
    rank = columns.shape[1]
    require(rank == c * kk, f"a random {c}-channel kernel has rank {rank}, not {c * kk}")
    # first layer (c_i -> rank, kk x 1): w1[m, i, a, 0] = columns[(i, a), m]
    w1 = (
        np.array(columns.tolist(), dtype=float)
        .reshape(c, kk, rank)
        .transpose(2, 0, 1)
        .reshape(rank, c, kk, 1)
    )
    # second layer (rank -> c_o, 1 x kk): w2[o, m, 0, b] = rows[m, (o, b)]
    w2 = (
        np.array(rows.tolist(), dtype=float)
        .reshape(rank, c, kk)
        .transpose(1, 0, 2)
        .reshape(c, rank, 1, kk)
    )
    require(
        np.array_equal(compose_fast(w1, w2), kernel.astype(float)),
        "the wide split does not compose to the kernel",
    )
    hw = 12
    x = rng.integers(-9, 10, size=(1, c, hw, hw)).astype(float)
    first = Layer(c, rank, hw, hw, kk, 1)
    second = Layer(rank, c, first.m_h, first.m_w, 1, kk)
    single = Layer(c, c, hw, hw, kk, kk)
    with counting() as two:
        y1, _ = conv2d_forward(x.view(Counted), w1.view(Counted), None, first)
        y2, _ = conv2d_forward(y1, w2.view(Counted), None, second)
    with counting() as one:
        y, _ = conv2d_forward(x.view(Counted), kernel.astype(float).view(Counted), None, single)
    require(np.array_equal(np.asarray(y2), np.asarray(y)), "the wide split differs when executed")
    f = forms()[Form.FORWARD_MULTS]
    two_mults = checked(
        "wide split: two layers, multiplications", f.evaluate(first) + f.evaluate(second), two.mults
    )
    one_mults = checked("wide split: one layer, multiplications", f.evaluate(single), one.mults)
    split, single_cost = rank * (c + c) * kk, c * c * kk * kk
    require(split == 2 * single_cost, "the exact wide split does not cost twice the layer")
    return WideSplit(c, kk, rank, split, single_cost, two_mults, one_mults)


def channels() -> Channels:
    lap = sp.Matrix(LAPLACIAN)
    columns, rows = rank_split(lap)
    rank = columns.shape[1]
    require(rank == lap.rank(), "the Laplacian's rank factorization has the wrong width")
    w1, w2 = split_layers(columns, rows)
    composed = compose_kernels(w1, w2)  # the proof's composition rule, on the two layers
    require(
        np.array_equal(composed.reshape(3, 3), np.array(LAPLACIAN, dtype=float)),
        "k x 1 then 1 x k layers do not compose to the Laplacian",
    )
    rng = np.random.default_rng(3)
    hw = 32
    x = rng.integers(-9, 10, size=(1, 1, hw, hw)).astype(float)  # integers: exact in float64
    y2, y, two_mults, one_mults, (_first, _second) = _run_split(
        w1, w2, np.array(LAPLACIAN, dtype=float), x
    )
    require(np.array_equal(y2, y), "the rank split of the Laplacian differs when executed")
    # a random kernel: full rank, so c_m = k channels; the SVD gives the two layers
    size = 5
    kernel = rng.standard_normal((size, size))
    u_, sigma, vt = np.linalg.svd(kernel)
    full_rank = int(np.linalg.matrix_rank(kernel))
    rw1 = (u_ * sigma).T.reshape(size, 1, size, 1)
    rw2 = vt.reshape(1, size, 1, size)
    xr = rng.standard_normal((1, 1, hw, hw))
    ry2, ry, rtwo, rone, _ = _run_split(rw1, rw2, kernel, xr)
    rdiff = float(np.max(np.abs(ry2 - ry)))
    require(rdiff < ROUNDING_BOUND, f"SVD split of a random kernel: difference {rdiff:.3e}")
    # necessity: the composed kernel sum_m C[:, m] F[m, :] has rank <= c_m, for any weights
    a = _symbols("u", (2, 3))
    b = _symbols("v", (2, 3))
    generic = sp.Matrix(3, 3, lambda i, j: sum(a[m, i] * b[m, j] for m in range(2)))
    require(sp.expand(generic.det()) == 0, "two rank-one terms gave a full-rank 3x3 kernel")
    # the prose's threshold: with c_i = c_o = 1 and c_m = rank the split is cheaper iff k > 4
    require(
        all((rank * 2 * kk < kk * kk) == (kk > 2 * rank) for kk in range(1, 12)),
        "the split's break-even kernel size is not k > 2 c_m",
    )
    return Channels(
        columns,
        rows,
        rank,
        two_mults,
        one_mults,
        size,
        full_rank,
        rdiff,
        rtwo,
        rone,
        hw,
        wide_split(),
    )


# --- the worked example -------------------------------------------------------------------
@dataclass(frozen=True)
class Worked:
    """The 2-D integer example: ``first`` (after the first kernel), ``kernel`` (the
    composed one), ``two`` and ``one`` (the outputs, equal)."""

    first: np.ndarray
    kernel: np.ndarray
    two: np.ndarray
    one: np.ndarray


def worked() -> Worked:
    kernel, two, one = worked_example()
    first = _correlate2d(np.array(WORKED_X, dtype=object), np.array(WORKED_A, dtype=object))
    return Worked(first, kernel, two, one)
