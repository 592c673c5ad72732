"""The maths of the equal_outputs exercise: are ``Y1`` and ``Y2`` of the section's 1x1
example exactly equal?

The section's two functions are reimplemented in NumPy line for line (float32, fixed
seeds) and run over many seeds; :func:`facts` measures every number the sheet prints.
Deterministic emulations of the two summation schemes (round every product then add
left to right; a fused multiply-add chain) explain which rounding each path performs.
No prose: the sheet is :mod:`derivations.exercises.equal_outputs` (it prints the source
of the section's functions defined here).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from derivations.exercises.checks import require

__all__ = [
    "SEEDS",
    "TORCH",
    "TorchRun",
    "Difference",
    "Facts",
    "Stats",
    "agreement",
    "blas",
    "book_pair",
    "corr2d",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
    "corr2d_multi_in_out_1x1",
    "example",
    "facts",
    "first_difference",
    "fma_chain",
    "measure",
    "nonassociative",
    "exact_product",
    "exact_products_in_float64",
    "reversed_in_float64",
    "rounded_chain",
    "same_values_in_float64",
]

SEEDS = 1000


@dataclass(frozen=True)
class TorchRun:
    """The book's own PyTorch code (``torch.normal`` draws, ``torch.manual_seed(seed)``
    for seeds ``0 .. seeds - 1``, one intra-op thread): seeds with Y1 and Y2 bitwise
    equal, on each code path of the MKL library PyTorch's CPU wheel multiplies matrices
    with.  MKL picks its path from the CPU (capped by ``MKL_ENABLE_INSTRUCTIONS``), and
    the paths round differently, so each count belongs to its path: ``AVX2`` on any
    AVX2 CPU, ``AVX512`` on one with AVX-512.  PyTorch is not needed to build the
    sheets, so these are measurements stated, not taken at build time:
    ``tests/exercises/test_torch_equal_outputs.py`` runs that code on each path the
    machine has and fails when its count differs."""

    version: str
    seeds: int
    avx2: int  # seeds equal with MKL_ENABLE_INSTRUCTIONS=AVX2
    avx512: int  # seeds equal with MKL_ENABLE_INSTRUCTIONS=AVX512


TORCH = TorchRun(version="2.13.0", seeds=SEEDS, avx2=1000, avx512=1)
SHAPE_X, SHAPE_K = (3, 3, 3), (2, 3, 1, 1)


# --- the section's code, in NumPy ------------------------------------------------------
# The sheets print this source: it stays written as the book writes it.
# fmt: off
def corr2d(X, K):
    h, w = K.shape
    Y = np.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1), dtype=X.dtype)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + h, j:j + w] * K).sum()
    return Y


# fmt: on


def corr2d_multi_in(X, K):
    return sum(corr2d(x, k) for x, k in zip(X, K))


def corr2d_multi_in_out(X, K):
    return np.stack([corr2d_multi_in(X, k) for k in K], 0)


def corr2d_multi_in_out_1x1(X, K):
    c_i, h, w = X.shape
    c_o = K.shape[0]
    X = X.reshape((c_i, h * w))
    K = K.reshape((c_o, c_i))
    Y = np.matmul(K, X)
    return Y.reshape((c_o, h, w))


def book_pair(X, K):
    """``(Y1, Y2)`` as the section names them: ``Y1 = corr2d_multi_in_out_1x1(X, K)``
    (the matrix product), ``Y2 = corr2d_multi_in_out(X, K)`` (the loops)."""
    return corr2d_multi_in_out_1x1(X, K), corr2d_multi_in_out(X, K)


# --- machinery ------------------------------------------------------------------------
def example(seed: int, dtype=np.float32):
    """``X ~ N(0, 1)`` of shape (3, 3, 3) and ``K`` of shape (2, 3, 1, 1): drawn in float64,
    rounded to ``dtype``."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal(SHAPE_X)
    K = rng.standard_normal(SHAPE_K)
    return X.astype(dtype), K.astype(dtype)


@cache
def _drawn(seed: int, dtype) -> tuple[np.ndarray, np.ndarray]:
    """:func:`example` once per seed and dtype in a process, read-only: every
    measurement below reads the same draws (called with ``dtype`` always given, so one
    seed is one cache entry)."""
    X, K = example(seed, dtype)
    return _read_only(X), _read_only(K)


@cache
def _output(function, seed: int, dtype) -> np.ndarray:
    """``function(X, K)`` on seed ``seed``'s draws (:func:`_drawn`), run once per
    process and read-only: the book's loops and product are the references several
    measurements compare against."""
    return _read_only(np.asarray(function(*_drawn(seed, dtype))))


def _read_only(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


def _terms(X, K):
    """``(c_o, c_i, h w)`` products' factors."""
    c_o, c_i = K.shape[:2]
    return K.reshape(c_o, c_i, 1), X.reshape(1, c_i, -1)


def rounded_chain(X, K, order=None):
    """Round every product, then add left to right from 0 (what ``sum`` in
    ``corr2d_multi_in`` does), in float32."""
    k, x = _terms(X, K)
    acc = np.zeros((K.shape[0], x.shape[2]), dtype=np.float32)
    for c in order or range(K.shape[1]):
        acc = acc + (k[:, c] * x[:, c]).astype(np.float32)
    return acc.reshape(K.shape[0], *X.shape[1:])


def fma_chain(X, K, order=None):
    """``acc = fma(k_c, x_c, acc)`` in float32: one rounding per step.  Emulated in
    float64, where the product of two float32 values is exact; the sum is then rounded
    twice (to float64, to float32), which can differ from a true FMA only in rare ties."""
    k, x = _terms(X, K)
    acc = np.zeros((K.shape[0], x.shape[2]), dtype=np.float32)
    for c in order or range(K.shape[1]):
        exact = k[:, c].astype(np.float64) * x[:, c].astype(np.float64)
        acc = (exact + acc.astype(np.float64)).astype(np.float32)
    return acc.reshape(K.shape[0], *X.shape[1:])


@dataclass(frozen=True)
class Stats:
    """What :func:`measure` found over ``seeds`` seeds of the section's example."""

    seeds: int
    equal_tensors: int  # seeds with Y1 == Y2 bitwise
    differing_entries: int
    entries: int
    max_abs: float
    max_relative: float  # max |Y1 - Y2| / (u sum_i |K_oi X_i|), u = unit roundoff
    book_assert_fails: int  # seeds where sum |Y1 - Y2| >= 1e-6


def measure(dtype, seeds: int = SEEDS) -> Stats:
    equal = differing = fails = 0
    max_abs = max_relative = 0.0
    u = float(np.finfo(dtype).eps) / 2
    for seed in range(seeds):
        X, K = _drawn(seed, dtype)
        magnitude = corr2d_multi_in_out_1x1(
            np.abs(X).astype(np.float64), np.abs(K).astype(np.float64)
        )
        y1, y2 = (_output(f, seed, dtype) for f in (corr2d_multi_in_out_1x1, corr2d_multi_in_out))
        diff = np.abs(y1 - y2)
        equal += bool(np.array_equal(y1, y2))
        differing += int(np.count_nonzero(y1 != y2))
        fails += not float(diff.sum()) < 1e-6
        max_abs = max(max_abs, float(diff.max()))
        max_relative = max(max_relative, float((diff / (u * magnitude)).max()))
    return Stats(seeds, equal, differing, seeds * 18, max_abs, max_relative, fails)


def same_values_in_float64(seeds: int = SEEDS) -> int:
    """Seeds for which Y1 == Y2 bitwise when both run in float64 on the float32-rounded
    draws (the products of two float32 values are exact in float64)."""
    equal = 0
    for seed in range(seeds):
        X, K = (a.astype(np.float64) for a in _drawn(seed, np.float32))
        equal += bool(np.array_equal(*book_pair(X, K)))
    return equal


def reversed_in_float64(seeds: int = SEEDS) -> int:
    """Entries (of ``18 * seeds``) where the loops in float64 on the float32-rounded
    draws change when the channels are added in the reverse order: the order matters in
    float64 too, so Y1 == Y2 there is not order-independence."""
    changed = 0
    for seed in range(seeds):
        X, K = (a.astype(np.float64) for a in _drawn(seed, np.float32))
        in_order = corr2d_multi_in_out(X, K)
        reverse = corr2d_multi_in_out(X[::-1], K[:, ::-1])
        changed += int(np.count_nonzero(in_order != reverse))
    return changed


def exact_products_in_float64(seeds: int = SEEDS) -> bool:
    """Every product ``K_{o,i} X_{i,r,c}`` of two float32 draws is exact in float64:
    its float64 value equals the exact product of the two binary fractions
    (:func:`exact_product`)."""
    for seed in range(seeds):
        X, K = _drawn(seed, np.float32)
        k, x = _terms(X, K)
        products = k.astype(np.float64) * x.astype(np.float64)
        ks, xs = (a.ravel().tolist() for a in np.broadcast_arrays(k, x))  # exact floats
        if not all(map(exact_product, ks, xs, products.ravel().tolist())):
            return False
    return True


def exact_product(a: float, b: float, product: float) -> bool:
    """``product == a * b`` in exact arithmetic: the three binary fractions (each float's
    ``as_integer_ratio``) cross-multiplied as integers, which decides what
    ``Fraction(product) == Fraction(a) * Fraction(b)`` does without building fractions
    (18,000 products a build)."""
    (an, ad), (bn, bd), (pn, pd) = (
        a.as_integer_ratio(),
        b.as_integer_ratio(),
        product.as_integer_ratio(),
    )
    return pn * ad * bd == an * bn * pd


def agreement(variant, reference, seeds: int = SEEDS) -> int:
    """Seeds for which ``variant`` and ``reference`` give bitwise equal outputs (float32
    draws; ``reference`` run once per seed in a process)."""
    return sum(
        bool(np.array_equal(variant(*_drawn(s, np.float32)), _output(reference, s, np.float32)))
        for s in range(seeds)
    )


def blas() -> str:
    """The NumPy and BLAS the measurements ran with (they depend on it)."""
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"NumPy {np.__version__}, {info.get('name', '?')} {info.get('version', '')}".strip()
    except Exception:  # pragma: no cover - older NumPy without mode="dicts"
        return f"NumPy {np.__version__}"


def first_difference(seeds: int = SEEDS) -> Difference | None:
    """The first seed's first entry where Y1 != Y2, with the float64 sum of the same
    float32 products; None when every seed agrees."""
    for seed in range(seeds):
        X, K = _drawn(seed, np.float32)
        y1, y2 = (
            _output(f, seed, np.float32) for f in (corr2d_multi_in_out_1x1, corr2d_multi_in_out)
        )
        where = np.argwhere(y1 != y2)
        if where.size:
            o, r, c = map(int, where[0])
            # float32 inputs: their products are exact in float64
            exact = corr2d_multi_in_out(X.astype(np.float64), K.astype(np.float64))[o, r, c]
            return Difference(seed, (o, r, c), float(y1[o, r, c]), float(y2[o, r, c]), float(exact))
    return None


@dataclass(frozen=True)
class Difference:
    """One entry where Y1 != Y2: its seed, index ``(o, r, c)``, both values and the sum
    of the same float32 products in float64."""

    seed: int
    index: tuple[int, int, int]
    y1: float
    y2: float
    exact: float


def nonassociative() -> tuple[float, float]:
    """``(0.1 + 0.2) + 0.3`` and ``0.1 + (0.2 + 0.3)`` in IEEE double (they differ)."""
    a, b, c = 0.1, 0.2, 0.3
    left, right = (a + b) + c, a + (b + c)
    require(left != right, "expected (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)")
    return left, right


@dataclass(frozen=True)
class Facts:
    """Everything the sheet states: float32 and float64 :class:`Stats`; per emulation
    (rounded chain in channel order, reversed, fused multiply-add) the seeds on which it
    equals Y1 and Y2; ``same64`` (seeds equal in float64, all of them); the first
    difference; ``shrink`` (float32 over float64 largest difference); ``blas``;
    ``reversed64`` (float64 entries the reverse channel order changes, of ``entries64``)
    and ``exact_products`` (every float32 product exact in float64, checked)."""

    float32: Stats
    float64: Stats
    chain_y1: int
    chain_y2: int
    reversed_y1: int
    reversed_y2: int
    fma_y1: int
    fma_y2: int
    same64: int
    first: Difference | None
    shrink: float
    blas: str
    reversed64: int
    entries64: int


def facts(seeds: int = SEEDS) -> Facts:
    """Measure everything (CheckFailed unless float64 makes Y1 == Y2 on every seed)."""
    s32, s64 = measure(np.float32, seeds), measure(np.float64, seeds)
    rev = lambda X, K: rounded_chain(X, K, order=[2, 1, 0])  # noqa: E731
    same64 = same_values_in_float64(seeds)
    require(
        same64 == seeds,
        f"float64 on the float32 values: Y1 == Y2 for only {same64} of {seeds} seeds",
    )
    require(exact_products_in_float64(seeds), "a product of two float32 draws is not exact")
    reversed64 = reversed_in_float64(seeds)
    return Facts(
        float32=s32,
        float64=s64,
        chain_y1=agreement(rounded_chain, corr2d_multi_in_out_1x1, seeds),
        chain_y2=agreement(rounded_chain, corr2d_multi_in_out, seeds),
        reversed_y1=agreement(rev, corr2d_multi_in_out_1x1, seeds),
        reversed_y2=agreement(rev, corr2d_multi_in_out, seeds),
        fma_y1=agreement(fma_chain, corr2d_multi_in_out_1x1, seeds),
        fma_y2=agreement(fma_chain, corr2d_multi_in_out, seeds),
        same64=same64,
        first=first_difference(seeds),
        shrink=s32.max_abs / s64.max_abs if s64.max_abs else float("inf"),
        blas=blas(),
        reversed64=reversed64,
        entries64=seeds * 18,
    )
