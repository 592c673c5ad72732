"""The maths of the doubling exercise (zh 3 / en 3): doubling the channels (exact ratio,
limit 4) and doubling the padding (exact increase with floors, the stride-1 form).

:func:`channels` and :func:`padding` derive the ratios (via
:mod:`derivations.scenarios`) and check each against the ratio of executed counts on
the layers the sheet tabulates.  No prose: the sheet is
:mod:`derivations.exercises.doubling`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derivations.closed_forms import m_h, m_w
from derivations.exercises.checks import require
from derivations.exercises.instances import BOOK_EXAMPLE, REALISTIC, executed, value
from derivations.model import Layer, c_i, c_o, h, k_h, k_w, output_size, p_h, p_w, s_h, s_w, w
from derivations.registry.forms import Form
from derivations.registry.questions import question
from derivations.scenarios import ChannelDoubling, PaddingDoubling, double_channels, double_padding

__all__ = [
    "CHANNEL_COUNTS",
    "FIGURE_KERNEL",
    "FIGURE_PADDING",
    "FIGURE_SIZES",
    "KINDS",
    "BELOW_KERNEL",
    "PADDING_LAYERS",
    "STRIDED",
    "ChannelRow",
    "Channels",
    "Padding",
    "PaddingReading",
    "PaddingRow",
    "channels",
    "evaluate_ratio",
    "executed_ratio",
    "padding",
]

KINDS = (Form.FORWARD_MULTS, Form.FORWARD_ADDS, Form.FORWARD_OPS)
CHANNEL_COUNTS = (1, 4, 64)  # c_i = c_o of the tabulated layers (else REALISTIC)
PADDING_LAYERS = (
    REALISTIC,
    BOOK_EXAMPLE,
    REALISTIC.replace(c_i=16, c_o=16, s_h=2, s_w=2),
    REALISTIC.replace(c_i=16, c_o=16, h=28, w=28, k_h=5, k_w=5, p_h=4, p_w=4),
    REALISTIC.replace(c_i=16, c_o=16, h=8, w=8),
)
# the padding-doubling figure: a FIGURE_KERNEL^2 kernel, stride 1, one channel, padding
# FIGURE_PADDING doubled in both readings, on h x h inputs, h in FIGURE_SIZES
FIGURE_KERNEL, FIGURE_PADDING, FIGURE_SIZES = 3, 2, tuple(range(4, 257))
# where the stride-1 bound (each side grows by less than 2 for an input at least the
# kernel's size) stops: a stride that lets one side double exactly (cost x4), and an
# input smaller than the kernel, which only the padding makes fit (cost x9); one channel
STRIDED = Layer(1, 1, 3, 3, 3, 3, p_h=2, p_w=2, s_h=3, s_w=3)
BELOW_KERNEL = Layer(1, 1, 1, 1, 3, 3, p_h=2, p_w=2)
# the output size after doubling the padding, as the sheet writes it (the question's
# record holds the names: the checker refuses them, naming them)
MH2, MW2 = sp.symbols(question("double-padding").worked_names, positive=True, integer=True)


def evaluate_ratio(expr: sp.Expr, layer: Layer) -> Fraction:
    """A ratio of closed forms at ``layer``, exactly."""
    values = {sym: sp.Integer(v) for sym, v in layer.values().items()}
    r = sp.Rational(expr.xreplace(values))
    return Fraction(int(r.p), int(r.q))


def executed_ratio(key: Form, before: Layer, after: Layer) -> Fraction:
    """``after / before`` of the executed counts (each checked against its closed form)."""
    value(key, before), value(key, after)  # both checked against the closed form
    return Fraction(executed(after)[key], executed(before)[key])


@dataclass(frozen=True)
class ChannelRow:
    """One layer before and after doubling ``c_i = c_o``: ``M + A`` (closed form, checked)
    and the ratio from the closed form and from the executed counts (equal)."""

    channels: int
    before: int
    after: int
    ratio: Fraction
    executed_ratio: Fraction


@dataclass(frozen=True)
class Channels:
    """``plain`` (no bias) per form of :data:`KINDS`; ``bias_ratio``: with bias, the one
    ratio of the additions and of the total; ``memory``: the weights', input's and
    output's ratios; ``rows``: the executed layers."""

    plain: dict[Form, ChannelDoubling]
    bias_ratio: sp.Expr
    memory: dict[Form, sp.Expr]
    rows: tuple[ChannelRow, ...]


def channels() -> Channels:
    """Doubling ``c_i`` and ``c_o``: derived, and checked by execution."""
    plain = {key: double_channels(key) for key in KINDS}
    biased = {key: double_channels(key, bias=True) for key in KINDS}
    rows = []
    for count in CHANNEL_COUNTS:
        layer = REALISTIC.replace(c_i=count, c_o=count)
        doubled = layer.replace(c_i=2 * layer.c_i, c_o=2 * layer.c_o)
        closed = evaluate_ratio(plain[Form.FORWARD_OPS].ratio, layer)
        ran = executed_ratio(Form.FORWARD_OPS, layer, doubled)
        require(
            closed == ran,
            f"doubling channels at c_i = c_o = {count}: closed form {closed}, executed {ran}",
        )
        rows.append(
            ChannelRow(
                count,
                value(Form.FORWARD_OPS, layer),
                value(Form.FORWARD_OPS, doubled),
                closed,
                ran,
            )
        )
    adds, ops = (biased[key].ratio for key in (Form.FORWARD_ADDS, Form.FORWARD_OPS))
    # the sheet says "both": with bias, additions and total grow by one ratio
    require(
        sp.simplify(adds - ops) == 0,
        f"with bias, additions and total grow differently: {adds}, {ops}",
    )
    memory = {
        key: double_channels(key).ratio
        for key in (Form.MEMORY_WEIGHTS, Form.MEMORY_INPUT, Form.MEMORY_OUTPUT)
    }
    return Channels(plain, adds, memory, tuple(rows))


@dataclass(frozen=True)
class PaddingReading:
    """One reading of a layer's padding (``total`` or ``per-side``): the output height
    before and after doubling, and the executed ratio of the multiplications."""

    padding_convention: str
    m_h: int
    m_h_doubled: int
    ratio: Fraction


@dataclass(frozen=True)
class PaddingRow:
    layer: Layer
    readings: tuple[PaddingReading, ...]  # total, then per side


@dataclass(frozen=True)
class Padding:
    """Doubling the padding: ``total`` and ``per_side`` (the multiplications'
    :class:`~derivations.scenarios.PaddingDoubling`), ``step`` and ``step_ops`` (the exact
    increase of the multiplications, and of the multiplications and additions: what the
    checker's question double-padding asks; written with the output sizes ``m_h, m_w,
    m'_h, m'_w``, each checked equal to the closed form's), ``rows`` (the layers of :data:`PADDING_LAYERS`, executed), ``smallest``
    (the figure's smallest layer, executed, in both readings: where the cost grows
    most) and ``axis_growth`` (per reading, the growth of one output side, ``m'_h /
    m_h``, written with the padding and the slack ``e = h - k_h >= 0`` of an input at
    least the kernel's size: below 2 whatever ``e``, so the cost grows by less than 4
    times), ``strided`` (:data:`STRIDED`, executed: a stride above 1 lets one side
    double exactly, never more while ``e >= 0``) and ``below_kernel``
    (:data:`BELOW_KERNEL`, executed: an input smaller than the kernel grows by more
    than 4 times)."""

    total: PaddingDoubling
    per_side: PaddingDoubling
    step: sp.Expr
    step_ops: sp.Expr
    rows: tuple[PaddingRow, ...]
    smallest: PaddingRow
    axis_growth: dict[str, sp.Expr]
    strided: PaddingRow
    below_kernel: PaddingRow


def padding() -> Padding:
    """Doubling the padding: derived, and checked by execution in both readings."""
    dp = double_padding(Form.FORWARD_MULTS)
    per_side = double_padding(Form.FORWARD_MULTS, "per-side")
    floors = {
        m_h: output_size(h, k_h, p_h, s_h),
        m_w: output_size(w, k_w, p_w, s_w),
        MH2: output_size(h, k_h, 2 * p_h, s_h),
        MW2: output_size(w, k_w, 2 * p_w, s_w),
    }
    step = c_i * c_o * k_h * k_w * (MH2 * MW2 - m_h * m_w)
    step_ops = c_o * (2 * c_i * k_h * k_w - 1) * (MH2 * MW2 - m_h * m_w)
    for written, closed in ((step, dp), (step_ops, double_padding(Form.FORWARD_OPS))):
        require(
            sp.simplify(written.xreplace(floors) - closed.increase) == 0,
            f"the padding increase written with m' is not the closed form's ({closed.key})",
        )
    derived = {"total": dp, "per-side": per_side}  # each derived once (SymPy: seconds)
    rows = [_padding_row(layer, derived) for layer in PADDING_LAYERS]
    smallest = _padding_row(
        Layer(
            1,
            1,
            FIGURE_SIZES[0],
            FIGURE_SIZES[0],
            FIGURE_KERNEL,
            FIGURE_KERNEL,
            p_h=FIGURE_PADDING,
            p_w=FIGURE_PADDING,
        ),
        derived,
    )
    strided, below = (_padding_row(layer, derived) for layer in (STRIDED, BELOW_KERNEL))
    require(
        strided.readings[0].ratio == 4 and strided.layer.h >= strided.layer.k_h,
        f"doubling padding at stride {STRIDED.s_h}: the cost grows by "
        f"{strided.readings[0].ratio}, not exactly 4",
    )
    require(
        below.readings[0].ratio > 4 and below.layer.h < below.layer.k_h,
        f"doubling padding below the kernel's size: the cost grows by {below.readings[0].ratio}",
    )
    _check_strided_bound()
    return Padding(
        dp,
        per_side,
        step,
        step_ops,
        tuple(rows),
        smallest,
        _axis_growth(),
        strided,
        below,
    )


def _check_strided_bound(largest: int = 12) -> None:
    """At any stride, an input at least the kernel's size (``e = h - k >= 0``): one
    output side grows by at most 2 when the total padding doubles (the per-side reading
    is the total reading of twice the padding).  With ``q, r = divmod(e + p, s)``:
    ``m = q + 1`` and ``m' - 1 = (2qs + 2r - e) // s <= 2q + 1``.  Checked here on
    every ``e, p < largest``, ``s <= 6``, from the model's output size."""
    k = 3
    for e in range(largest):
        for p in range(largest):
            for s in range(1, 7):
                before = output_size(k + e, k, p, s)
                after = output_size(k + e, k, 2 * p, s)
                require(
                    after <= 2 * before,
                    f"doubling padding: one side grows from {before} to {after} "
                    f"(h = {k + e}, k = {k}, p = {p}, s = {s})",
                )


def _axis_growth() -> dict[str, sp.Expr]:
    """Per reading, ``m'_h / m_h`` at stride 1 with ``h = k_h + e``, checked below 2
    for every ``e >= 0``, ``p_h >= 0``: ``2 - m'_h/m_h`` is a fraction whose numerator
    and denominator are polynomials in ``e, p_h`` with positive coefficients and a
    positive constant term."""
    e = sp.Symbol("e", integer=True, nonnegative=True)
    growth = {}
    for reading, sides in (("total", 1), ("per-side", 2)):
        before = output_size(e + k_h, k_h, sides * p_h, 1)
        after = output_size(e + k_h, k_h, 2 * sides * p_h, 1)
        ratio = sp.cancel(after / before)
        numerator, denominator = sp.fraction(sp.cancel(2 - ratio))
        require(
            all(_positive_polynomial(part, (e, p_h)) for part in (numerator, denominator)),
            f"doubling padding ({reading}): one side may grow by 2 or more: {ratio}",
        )
        growth[reading] = ratio
    return growth


def _positive_polynomial(expr: sp.Expr, symbols: tuple) -> bool:
    """Positive for all nonnegative ``symbols``: every coefficient positive, constant
    term included."""
    poly = sp.Poly(expr, *symbols)
    return poly.coeff_monomial(1) > 0 and all(c > 0 for c in poly.coeffs())


def _padding_row(layer: Layer, derived: dict) -> PaddingRow:
    """``layer`` and its per-side reading, each doubled: output heights and the ratio
    of the multiplications, closed form = executed."""
    readings = []
    for reading in (layer, layer.replace(padding_convention="per-side")):
        doubled = reading.replace(p_h=2 * reading.p_h, p_w=2 * reading.p_w)
        closed = evaluate_ratio(derived[reading.padding_convention].ratio, reading)
        ran = executed_ratio(Form.FORWARD_MULTS, reading, doubled)
        require(
            closed == ran,
            f"doubling padding ({reading.padding_convention}) at {layer.h}x{layer.w}, "
            f"k={layer.k_h}, s={layer.s_h}: closed form {closed}, executed {ran}",
        )
        readings.append(
            PaddingReading(
                reading.padding_convention,
                value(Form.OUTPUT_HEIGHT, reading),
                value(Form.OUTPUT_HEIGHT, doubled),
                ran,
            )
        )
    return PaddingRow(layer, tuple(readings))
