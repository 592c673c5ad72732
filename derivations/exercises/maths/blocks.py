"""The maths of the blocks exercise (en 7): a c x c matrix split into b diagonal blocks.

At every pixel a 1x1 convolution multiplies the channel vector by a ``c_o x c_i``
matrix; with ``groups = b`` that matrix is block diagonal.  The saving is derived by
SymPy and executed by the instrumented grouped convolution (:func:`speed`); the loss of
cross-group mixing is measured by perturbing inputs and by the gradient
(:func:`mixing`); the two fixes (channel shuffle, a dense 1x1 mixing layer) are executed
and their cost counted (:func:`fixes`).  No prose: the sheet is
:mod:`derivations.exercises.blocks`.
Conventions: exact counting, no bias, one example, stride 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.closed_forms import forms
from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counted import Counted, counting
from derivations.execute import run_layer
from derivations.exercises.checks import checked, require
from derivations.model import Layer
from derivations.registry.forms import Form

__all__ = [
    "CHANNELS",
    "SIZE",
    "AdditionsRatio",
    "Fixes",
    "GroupRow",
    "Mixing",
    "Speed",
    "additions_ratio",
    "b",
    "block_counts",
    "block_diagonal",
    "c",
    "dependency",
    "fixes",
    "gradient_dependency",
    "grouped_then",
    "mixing",
    "shuffle",
    "speed",
    "speedup",
]

c, b = sp.symbols("c b", integer=True, positive=True)
CHANNELS, SIZE = 64, 56


# --- closed forms ---------------------------------------------------------------------
def block_counts():
    """Matrix-vector product with ``b`` diagonal ``c/b x c/b`` blocks: ``(mults, adds)``;
    ``b = 1`` is the dense matrix.  Each output is a sum of ``c/b`` products."""
    i, _j, t = (sp.Dummy(s) for s in "ijt")
    per_output = c / b
    mults = sp.summation(sp.summation(per_output, (i, 1, c / b)), (t, 1, b))
    adds = sp.summation(sp.summation(per_output - 1, (i, 1, c / b)), (t, 1, b))
    return sp.simplify(mults), sp.factor(adds)


def speedup() -> sp.Expr:
    """Dense over block-diagonal multiplications (``b``)."""
    mults, _ = block_counts()
    return sp.simplify(mults.subs(b, 1) / mults)


# --- machinery ------------------------------------------------------------------------
def shuffle(x, groups: int):
    """ShuffleNet's channel shuffle: ``(n, g, c/g, ...) -> (n, c/g, g, ...)``; no arithmetic."""
    n, ch = x.shape[:2]
    return x.reshape(n, groups, ch // groups, *x.shape[2:]).swapaxes(1, 2).reshape(x.shape)


def grouped_then(x, weights, layers, mix):
    """Grouped layers in sequence, ``mix`` applied between them."""
    for index, (weight, layer) in enumerate(zip(weights, layers)):
        if index:
            x = mix(x)
        x, _ = conv2d_forward(x, weight, None, layer)
    return x


def dependency(forward, channels: int, size: int = 4, seed: int = 0) -> np.ndarray:
    """``D[o, j] = 1`` when perturbing input channel ``j`` changes output channel ``o``."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, channels, size, size))
    base = forward(x)
    out = np.zeros((base.shape[1], channels), dtype=int)
    for j in range(channels):
        bumped = x.copy()
        bumped[:, j] += 1.0
        out[:, j] = np.any(forward(bumped) != base, axis=(0, 2, 3))
    return out


def gradient_dependency(weight, layer: Layer, seed: int = 0) -> np.ndarray:
    """``D[o, j] = 1`` when the gradient of output channel ``o`` reaches input channel ``j``."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape)
    _, saved = conv2d_forward(x, weight, None, layer)
    out = np.zeros((layer.c_o, layer.c_i), dtype=int)
    for o in range(layer.c_o):
        dy = np.zeros(layer.output_shape)
        dy[:, o] = 1.0
        dx, _, _ = conv2d_backward(dy, saved)
        out[o] = np.any(dx != 0, axis=(0, 2, 3))
    return out


def block_diagonal(weight, groups: int) -> np.ndarray:
    """The dense ``c_o x c_i`` matrix of a grouped 1x1 weight ``(c_o, c_i/g, 1, 1)``."""
    c_o, per = weight.shape[:2]
    out_per = c_o // groups
    full = np.zeros((c_o, per * groups))
    for t in range(groups):
        full[t * out_per : (t + 1) * out_per, t * per : (t + 1) * per] = weight[
            t * out_per : (t + 1) * out_per, :, 0, 0
        ]
    return full


def _counted_forward(layer: Layer, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape).view(Counted)
    weight = rng.standard_normal(layer.weight_shape).view(Counted)
    with counting() as count:
        conv2d_forward(x, weight, None, layer)
    return count


def _same(derived, equivalent) -> sp.Expr:
    """``equivalent`` (a readable form the sheet prints), once SymPy proves it equals
    ``derived``."""
    require(sp.simplify(derived - equivalent) == 0, f"{equivalent} is not {derived}")
    return equivalent


# --- how much faster --------------------------------------------------------------------
@dataclass(frozen=True)
class GroupRow:
    """One grouped 1x1 layer (:data:`CHANNELS`, :data:`SIZE`): its executed forward
    multiplications and additions and backward multiplications (each equal to its closed
    form) and the dense layer's multiplications over its own."""

    groups: int
    forward_mults: int
    forward_adds: int
    backward_mults: int
    speedup: Fraction


@dataclass(frozen=True)
class Speed:
    """The counts of a block-diagonal product and their ratios to the dense one.

    ``adds_readable``, ``dense_adds_readable`` and ``adds_ratio`` are the readable forms
    the sheet prints (``c^2/b - c``, ``c(c - 1)``, ``b(c - 1)/(c - b)``), each proved
    equal to the derived one; ``adds_limit`` is the ratio as ``c`` grows; ``rows`` the
    executed layers; ``matrix_gap`` the largest difference between a grouped 1x1 layer
    and the block-diagonal product (8 channels, 4 groups)."""

    mults: sp.Expr
    adds: sp.Expr
    dense_mults: sp.Expr
    dense_adds: sp.Expr
    mults_ratio: sp.Expr
    adds_readable: sp.Expr
    dense_adds_readable: sp.Expr
    adds_ratio: sp.Expr
    adds_limit: sp.Expr
    rows: tuple[GroupRow, ...]
    matrix_gap: float


SPEED_GROUPS = (1, 2, 4, 8, 16, 64)


def speed() -> Speed:
    """Derive the saving, execute it for :data:`SPEED_GROUPS` and check every count."""
    mults, adds = block_counts()
    dense_m, dense_a = mults.subs(b, 1), adds.subs(b, 1)
    ratio_a = _same(dense_a / adds, b * (c - 1) / (c - b))
    f = forms()
    rows = []
    dense = None
    for groups in SPEED_GROUPS:
        layer = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 1, 1, groups=groups)
        run = run_layer(layer)
        fm = checked(
            f"groups={groups} forward mults",
            f[Form.FORWARD_MULTS].evaluate(layer),
            run.counts[Form.FORWARD_MULTS],
        )
        fa = checked(
            f"groups={groups} forward adds",
            f[Form.FORWARD_ADDS].evaluate(layer),
            run.counts[Form.FORWARD_ADDS],
        )
        bm = checked(
            f"groups={groups} backward mults",
            f[Form.BACKWARD_MULTS].evaluate(layer),
            run.counts[Form.BACKWARD_MULTS],
        )
        per_pixel = int(mults.subs({c: CHANNELS, b: groups}))
        checked(f"groups={groups} mults per pixel", per_pixel * SIZE * SIZE, fm)
        dense = dense or fm
        rows.append(GroupRow(groups, fm, fa, bm, Fraction(dense, fm)))
    # the grouped 1x1 convolution is the block-diagonal matrix at every pixel
    rng = np.random.default_rng(3)
    layer = Layer(8, 8, 5, 5, 1, 1, groups=4)
    x, weight = rng.standard_normal(layer.input_shape), rng.standard_normal(layer.weight_shape)
    y, _ = conv2d_forward(x, weight, None, layer)
    by_matrix = np.einsum("oc,nchw->nohw", block_diagonal(weight, 4), x)
    gap = float(np.max(np.abs(y - by_matrix)))
    require(gap <= 1e-12, f"grouped 1x1 differs from the block-diagonal product by {gap}")
    return Speed(
        mults=mults,
        adds=adds,
        dense_mults=dense_m,
        dense_adds=dense_a,
        mults_ratio=sp.simplify(dense_m / mults),
        adds_readable=_same(adds, c**2 / b - c),
        dense_adds_readable=_same(dense_a, c * (c - 1)),
        adds_ratio=ratio_a,
        adds_limit=sp.limit(ratio_a, c, sp.oo),
        rows=tuple(rows),
        matrix_gap=gap,
    )


# --- no mixing across groups ------------------------------------------------------------
@dataclass(frozen=True)
class Mixing:
    """Measured dependencies of ``channels`` channels in ``groups`` groups: ``one`` (one
    grouped layer; the gradient's dependencies are the same), its count of dependent
    pairs ``pairs`` (= c^2/b) and that of two stacked grouped layers, ``stacked_pairs``."""

    channels: int
    groups: int
    one: np.ndarray
    pairs: int
    stacked_pairs: int


def mixing(channels: int = 8, groups: int = 4) -> Mixing:
    """Perturb each input channel of one and of two grouped 1x1 layers, and follow each
    output's gradient; CheckFailed unless both give ``c^2/b`` dependent pairs."""
    ch = channels
    layer = Layer(ch, ch, 4, 4, 1, 1, groups=groups)
    rng = np.random.default_rng(1)
    w1, w2 = rng.standard_normal(layer.weight_shape), rng.standard_normal(layer.weight_shape)
    one = dependency(lambda x: conv2d_forward(x, w1, None, layer)[0], ch)
    grad = gradient_dependency(w1, layer)
    require(np.array_equal(one, grad), "perturbation and gradient dependencies differ")
    cf = int(sp.Integer(ch) ** 2 / groups)
    nonzero = checked("dependent pairs, one grouped layer", cf, int(one.sum()))
    stacked = dependency(lambda x: grouped_then(x, (w1, w2), (layer, layer), lambda v: v), ch)
    stacked_nz = checked("dependent pairs, two grouped layers", cf, int(stacked.sum()))
    return Mixing(ch, groups, one, nonzero, stacked_nz)


# --- the fixes ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Fixes:
    """The channel shuffle and the dense 1x1 mixing layer, executed.

    ``shuffled`` is the dependency matrix of grouped, shuffle, grouped (``channels``,
    ``groups``), ``pairs`` its dependent pairs (all ``c^2``); the shuffle performs
    ``shuffle_ops`` arithmetic operations (0) and moves ``moved`` elements of a probe
    of shape ``probe_shape``.  Per pixel, two grouped layers cost ``two_grouped``
    multiplications and a grouped then a dense one ``with_dense``.  ``dense_cost`` and
    ``mixed_costs`` (groups -> cost) are executed forward multiplications of a dense
    3x3 layer and of a grouped 3x3 plus a dense 1x1 (:data:`CHANNELS`, :data:`SIZE`)."""

    channels: int
    groups: int
    shuffled: np.ndarray
    pairs: int
    shuffle_ops: int
    moved: int
    probe_shape: tuple[int, ...]
    two_grouped: sp.Expr
    with_dense: sp.Expr
    dense_cost: int
    mixed_costs: tuple[tuple[int, int], ...]


MIXED_GROUPS = (4, 16, 64)


def fixes(channels: int = 9, groups: int = 3) -> Fixes:
    """Execute both fixes and count them, every figure checked."""
    ch = channels
    layer = Layer(ch, ch, 4, 4, 1, 1, groups=groups)
    rng = np.random.default_rng(2)
    w1, w2 = rng.standard_normal(layer.weight_shape), rng.standard_normal(layer.weight_shape)
    shuffled = dependency(
        lambda x: grouped_then(x, (w1, w2), (layer, layer), lambda v: shuffle(v, groups)), ch
    )
    full = checked("dependent pairs after shuffle", ch * ch, int(shuffled.sum()))
    probe = np.arange(2 * ch * 4 * 4, dtype=float).reshape(2, ch, 4, 4).view(Counted)
    with counting() as shuffle_cost:
        shuffle(probe, groups)
    shuffle_ops = checked("shuffle arithmetic", 0, shuffle_cost.mults + shuffle_cost.adds)
    moved_array = shuffle(probe, groups)
    moved = int(np.asarray(moved_array).size)
    require(
        sorted(np.asarray(moved_array).ravel().tolist())
        == sorted(np.asarray(probe).ravel().tolist())
        and moved == probe.size,
        "the shuffle does not move every element exactly once",
    )

    mults, _ = block_counts()
    f = forms()[Form.FORWARD_MULTS]
    mixed = []
    for gg in MIXED_GROUPS:
        spatial = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 3, 3, p_h=2, p_w=2, groups=gg)
        point = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 1, 1)
        cost = checked(
            f"grouped 3x3, groups={gg}", f.evaluate(spatial), _counted_forward(spatial).mults
        )
        cost += checked("dense 1x1", f.evaluate(point), _counted_forward(point).mults)
        mixed.append((gg, cost))
    dense3 = Layer(CHANNELS, CHANNELS, SIZE, SIZE, 3, 3, p_h=2, p_w=2)
    dense_cost = checked("dense 3x3", f.evaluate(dense3), _counted_forward(dense3).mults)
    return Fixes(
        channels=ch,
        groups=groups,
        shuffled=shuffled,
        pairs=full,
        shuffle_ops=shuffle_ops,
        moved=moved,
        probe_shape=tuple(probe.shape),
        two_grouped=sp.simplify(2 * mults),
        with_dense=sp.simplify(mults + mults.subs(b, 1)),
        dense_cost=dense_cost,
        mixed_costs=tuple(mixed),
    )


# --- the additions ratio ------------------------------------------------------------------
@dataclass(frozen=True)
class AdditionsRatio:
    """``b(c - 1)/(c - b)``, the dense over grouped additions, at ``c`` = :data:`CHANNELS`
    for a small and a large ``b``: near ``b`` only when ``b`` is much smaller than ``c``."""

    small: int
    large: int
    at_small: sp.Expr
    at_large: sp.Expr


def additions_ratio(small: int = 2, large: int = 16) -> AdditionsRatio:
    ratio = b * (c - 1) / (c - b)
    return AdditionsRatio(
        small,
        large,
        ratio.subs({c: CHANNELS, b: small}),
        ratio.subs({c: CHANNELS, b: large}),
    )
