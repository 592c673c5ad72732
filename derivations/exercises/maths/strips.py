"""The maths of the strips exercise (en 6): a Delta-wide output strip from one
(k + Delta - 1)-wide input strip.

The model of a load: reading one input value from memory (cache) into a register;
kernel weights stay in registers and are not counted; every value of a strip is loaded
once and reused from registers for all the outputs of the strip.  Closed forms are
derived by SymPy; an instrumented strip (tile) correlation counts the loads it executes
(:func:`sweep`, :func:`tile_check`); :func:`facts` gathers what the sheet states.  No
prose: the sheet is :mod:`derivations.exercises.strips`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import sympy as sp

from derivations.conv import conv2d_forward
from derivations.exercises.checks import checked, require
from derivations.model import Layer

__all__ = [
    "D",
    "L1_BYTES",
    "REGISTER_FILES",
    "Dh",
    "Facts",
    "LoadCounter",
    "M",
    "RegisterBound",
    "RegisterRow",
    "SweepRow",
    "T",
    "axis_loads",
    "cache_limit",
    "cache_limit_with_weights",
    "epsilon",
    "facts",
    "k",
    "lanes",
    "loads_per_output",
    "m",
    "register_limit",
    "register_need",
    "strip_inputs",
    "sweep",
    "tile_check",
    "tiled_correlate",
    "total_loads",
]

k, D, Dh, m, M, T = sp.symbols("k Delta Delta_h m M T", integer=True, positive=True)
N, lanes = sp.symbols("N_r V", integer=True, positive=True)  # vector registers, lanes each
epsilon = sp.Symbol("epsilon", positive=True)

# Assumptions for the register/cache limit, in float32 values (4 bytes).
REGISTER_FILES = (
    ("x86-64 AVX2", 16, 8),  # 16 ymm registers x 8 float32 lanes
    ("x86-64 AVX-512", 32, 16),  # 32 zmm registers x 16 lanes
    ("ARMv8 NEON", 32, 4),  # 32 q registers x 4 lanes
)
L1_BYTES = 32 * 1024  # a common L1 data cache (Zen, Skylake client)


# --- machinery: the instrumented strip correlation -----------------------------------
class LoadCounter:
    """A 2-D input whose reads are counted: every element a ``load`` returns is one load."""

    def __init__(self, array):
        self._array = np.asarray(array)
        self.loads = 0

    @property
    def shape(self):
        return self._array.shape

    def load(self, rows: slice, cols: slice) -> np.ndarray:
        block = self._array[rows, cols].copy()  # the copy stands for the registers
        self.loads += block.size
        return block


def tiled_correlate(x: LoadCounter, kernel: np.ndarray, delta: int, delta_h: int = 1):
    """Valid cross-correlation computed ``delta_h x delta`` outputs at a time: each tile
    loads its ``(delta_h + k - 1) x (delta + k - 1)`` inputs once, then reuses them."""
    kh, kw = kernel.shape
    mh, mw = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    y = np.empty((mh, mw))
    for r0 in range(0, mh, delta_h):
        dh = min(delta_h, mh - r0)
        for c0 in range(0, mw, delta):
            dw = min(delta, mw - c0)
            block = x.load(slice(r0, r0 + dh + kh - 1), slice(c0, c0 + dw + kw - 1))
            for i in range(dh):
                for j in range(dw):
                    y[r0 + i, c0 + j] = np.sum(block[i : i + kh, j : j + kw] * kernel)
    return y


# --- the closed forms -----------------------------------------------------------------
def strip_inputs():
    """Inputs one strip of Delta outputs needs: k rows by (last output col + k) cols."""
    last_read = (D - 1) + (k - 1)  # column of the last input the last output reads
    return k * (last_read + 1)


def loads_per_output():
    return sp.simplify(strip_inputs() / D)


def axis_loads():
    """Loads along one axis over ``T = ceil(m / Delta)`` strips of widths ``d_t`` summing
    to ``m``: ``sum_t (d_t + k - 1)``."""
    t = sp.Symbol("t", integer=True)
    d = sp.IndexedBase("d")
    total = sp.Sum(d[t] + k - 1, (t, 1, T)).expand().doit()
    widths = sp.Sum(d[t], (t, 1, T))
    return sp.collect(
        sp.expand(total.subs(widths, m).subs(T, sp.ceiling(m / D))), sp.ceiling(m / D), sp.factor
    )


def total_loads():
    """All loads for an ``M x m`` output, strips one row high (each row: k input rows)."""
    return k * M * axis_loads()


def register_need():
    """Whole vector registers one channel's working set takes: the k^2 weights, each
    broadcast to a register of its own, the Delta accumulators and the strip's current
    input row (Delta + k - 1 values), both packed ``V`` to a register, rounded up to whole
    registers.  Idealised: no register for addresses, no shifted copies."""
    return k**2 + sp.ceiling(D / lanes) + sp.ceiling((D + k - 1) / lanes)


@cache
def _need():
    """:func:`register_need` as a Python function of ``(Delta, V, k)``, made once per
    process (the sheet and the figure ask for nine limits), evaluated with Python's
    ``math`` (``math.ceil`` of whole numbers' quotients): SymPy's default modules would
    import SciPy for nothing."""
    return sp.lambdify((D, lanes, k), register_need(), modules="math")


def register_limit(registers: int, width: int, kk: int) -> int:
    """Largest Delta whose working set fits ``registers`` vector registers of ``width``
    lanes (0 if not even Delta = 1 fits), by enumeration: the need grows with Delta."""
    need = _need()
    best = 0
    while need(best + 1, width, kk) <= registers:
        best += 1
    return best


def cache_limit(channels: int, kk: int):
    """Largest Delta whose k + 1 strip rows (across ``channels``) fit the L1 cache: the
    row-to-row reuse of a strip sliding down the image."""
    needed = sp.factor(channels * (k + 1) * (D + k - 1) * 4)
    bound = sp.solve(sp.Eq(needed.subs(k, kk), L1_BYTES), D)[0]
    return needed, int(sp.floor(bound))


def cache_limit_with_weights(channels: int, kk: int) -> tuple[int, int]:
    """The weights' bytes (``channels`` x k^2 float32 values) and the largest Delta whose
    k + 1 strip rows fit the L1 cache beside them: with the channels inside the row
    loop, each channel's weights are reloaded into the registers for every output row,
    so they stay in L1 too."""
    weight_bytes = channels * kk * kk * 4
    rows, _ = cache_limit(channels, kk)
    x = sp.Symbol("x", real=True)  # D is an integer: the real bound is rarely one
    bound = sp.solve(sp.Eq(rows.subs({k: kk, D: x}) + weight_bytes, L1_BYTES), x)[0]
    return weight_bytes, int(sp.floor(bound))


@dataclass(frozen=True)
class SweepRow:
    """One strip width: its executed loads (= the closed form), the loads per output
    ``L(Delta)`` and the number of outputs."""

    delta: int
    loads: int
    per_output: sp.Expr
    outputs: int


SWEEP_DELTAS = (1, 2, 4, 5, 8, 16, 24, 64)


def sweep(kk: int = 3, rows: int = 4, width: int = 64) -> tuple[SweepRow, ...]:
    """Execute the strip correlation of a ``rows x width`` output for each of
    :data:`SWEEP_DELTAS`, checking values against the convolution and loads against
    :func:`total_loads`."""
    rng = np.random.default_rng(0)
    image = rng.standard_normal((rows + kk - 1, width + kk - 1))
    kernel = rng.standard_normal((kk, kk))
    layer = Layer(1, 1, rows + kk - 1, width + kk - 1, kk, kk)
    direct = conv2d_forward(image[None, None], kernel[None, None], None, layer)[0][0, 0]
    per, total = loads_per_output(), total_loads()
    out = []
    for delta in SWEEP_DELTAS:
        x = LoadCounter(image)
        y = tiled_correlate(x, kernel, delta)
        require(
            np.max(np.abs(y - direct)) <= 1e-12,
            f"strip correlation differs from the convolution at {delta}",
        )
        cf = int(total.subs({k: kk, M: rows, m: width, D: delta}))
        loads = checked(f"loads, Delta={delta}", cf, x.loads)
        out.append(SweepRow(delta, loads, per.subs({k: kk, D: delta}), rows * width))
    return tuple(out)


def tile_check(kk: int = 3, delta: int = 8, size: int = 32) -> tuple[int, int]:
    """``(loads, outputs)`` of ``delta x delta`` tiles over a ``size x size`` output,
    executed and checked against :func:`axis_loads` squared."""
    rng = np.random.default_rng(1)
    image = rng.standard_normal((size + kk - 1, size + kk - 1))
    x = LoadCounter(image)
    tiled_correlate(x, rng.standard_normal((kk, kk)), delta, delta)
    along = axis_loads().subs({k: kk, m: size, D: delta})
    return checked("2-D tile loads", int(along * along), x.loads), size * size


@dataclass(frozen=True)
class RegisterBound:
    """The largest Delta (0: none) a register file holds for a ``kernel x kernel`` kernel,
    and ``L(Delta)`` there to 3 digits (None when no Delta fits)."""

    kernel: int
    delta: int
    per_output: sp.Expr | None


@dataclass(frozen=True)
class RegisterRow:
    name: str
    registers: int
    lanes: int
    bounds: tuple[RegisterBound, ...]


REGISTER_KERNELS = (3, 5)


@dataclass(frozen=True)
class Facts:
    """Everything the sheet states.  ``per`` is ``L(Delta)``, ``split`` its partial
    fractions, ``limit`` its limit ``k``, ``at_one`` = ``L(1)``, ``gain`` = L(1)/L(Delta)
    and ``gain_limit`` its limit; ``within`` the Delta within a fraction epsilon of the
    limit, ``example_within`` at k = 3, epsilon = 0.1 and ``eps_example`` its ceiling;
    ``tile`` the loads per output of a Delta x Delta_h tile and ``tile_limit`` its
    limit; ``needed`` the registers a strip takes; ``sweep``, ``tile_loads`` and
    ``tile_outputs`` executed; ``registers`` the bounds of :data:`REGISTER_FILES`;
    ``cache_needed`` and ``cache_delta`` the L1 bound for 64 channels, k = 3;
    ``cache_delta_one_channel`` the same bound for one channel's rows (channels outside
    the row loop); ``cache_weight_bytes`` the 64 channels' k = 3 weights in bytes and
    ``cache_delta_with_weights`` the 64-channel bound with them in L1 as well."""

    strip_inputs: sp.Expr
    per: sp.Expr
    split: sp.Expr
    limit: sp.Expr
    at_one: sp.Expr
    gain: sp.Expr
    gain_limit: sp.Expr
    within: sp.Expr
    example_within: sp.Expr
    eps_example: int
    tile: sp.Expr
    tile_limit: sp.Expr
    total: sp.Expr
    needed: sp.Expr
    sweep: tuple[SweepRow, ...]
    tile_loads: int
    tile_outputs: int
    registers: tuple[RegisterRow, ...]
    cache_needed: sp.Expr
    cache_delta: int
    cache_delta_one_channel: int
    cache_weight_bytes: int
    cache_delta_with_weights: int


def _register_rows(needed: sp.Expr, per: sp.Expr) -> tuple[RegisterRow, ...]:
    rows = []
    for name, regs, width in REGISTER_FILES:
        bounds = []
        for kk in REGISTER_KERNELS:
            d = register_limit(regs, width, kk)

            def fits(delta, width=width, kk=kk):
                return int(needed.subs({D: delta, lanes: width, k: kk}))

            require(
                d == 0 or fits(d) <= regs < fits(d + 1),
                f"{name}, k = {kk}: Delta = {d} is not the largest that fits",
            )
            bounds.append(
                RegisterBound(kk, d, per.subs({k: kk, D: d}).evalf(3) if d >= 1 else None)
            )
        rows.append(RegisterRow(name, regs, width, tuple(bounds)))
    return tuple(rows)


def facts() -> Facts:
    """Derive, execute and check everything the sheet states."""
    per = loads_per_output()
    split = sp.apart(per, D)
    limit = sp.limit(per, D, sp.oo)
    at_one = per.subs(D, 1)
    gain = sp.simplify(at_one / per)
    within = sp.solve(sp.Eq(split, (1 + epsilon) * k), D)[0]
    example_within = within.subs({k: 3, epsilon: sp.Rational(1, 10)})
    tile = sp.simplify((D + k - 1) * (Dh + k - 1) / (D * Dh))
    needed = register_need()
    tile_loads, tile_outputs = tile_check()
    cache_needed, cache_delta = cache_limit(64, 3)
    cache_weight_bytes, cache_delta_with_weights = cache_limit_with_weights(64, 3)
    return Facts(
        strip_inputs=strip_inputs(),
        per=per,
        split=split,
        limit=limit,
        at_one=at_one,
        gain=gain,
        gain_limit=sp.limit(gain, D, sp.oo),
        within=within,
        example_within=example_within,
        eps_example=int(sp.ceiling(example_within)),
        tile=tile,
        tile_limit=sp.limit(sp.limit(tile, D, sp.oo), Dh, sp.oo),
        total=total_loads(),
        needed=needed,
        sweep=sweep(),
        tile_loads=tile_loads,
        tile_outputs=tile_outputs,
        registers=_register_rows(needed, per),
        cache_needed=cache_needed,
        cache_delta=cache_delta,
        cache_delta_one_channel=cache_limit(1, 3)[1],
        cache_weight_bytes=cache_weight_bytes,
        cache_delta_with_weights=cache_delta_with_weights,
    )
