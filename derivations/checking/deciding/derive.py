"""How each question's reference and its variants are derived (machinery, SymPy).

A *variant* is another expression an answer may equal: the reference under a named
convention (per-side padding, bias, MACs, ...) or a named misconception (a
transformation of the model: kernel volume dropped, h for w, backward = forward ...).
Nothing is typed per question: references come from :mod:`derivations.closed_forms` and
:mod:`derivations.scenarios`; misconceptions transform them.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import sympy as sp

from derivations.closed_forms import forms, m_h, m_w
from derivations.expr.bridge import SYMPY_SYMBOLS
from derivations.model import (
    PADDINGS,
    c_i,
    c_o,
    h,
    k_h,
    k_w,
    n,
    output_sizes,
    p_h,
    p_w,
    s_h,
    s_w,
    w,
)
from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES
from derivations.registry.forms import Form, op_form
from derivations.registry.questions import RULED_OUT, Derivation, Question, question
from derivations.registry.restrictions import Restriction
from derivations.scenarios import BOOK, double_channels, double_padding, pointwise

__all__ = ["Variant", "derive", "compose_size", "window_covers", "FLOAT32_BYTES"]

FLOAT32_BYTES = DTYPE_BYTES[DEFAULT_DTYPE]  # the questions in bytes are of float32
AXIS_PAIRS = ((h, w), (k_h, k_w), (p_h, p_w), (s_h, s_w))


@dataclass(frozen=True)
class Variant:
    expr: sp.Expr  # in input symbols (m_h, m_w written out)
    padding: str = "total"  # convention under which an answer's m_h, m_w are read
    conventions: tuple = ()
    misconception: str | None = None
    domain: frozenset = frozenset()
    alternatives: tuple = ()  # other convention sets giving the same expression


def _book(expr: sp.Expr, batch: bool = False) -> sp.Expr:
    values = dict(BOOK)
    if batch:
        del values[n]
    return expr.xreplace(values)


def compact(key: Form, padding="total", bias=False, batch=False) -> sp.Expr:
    """A closed form with m_h, m_w, in the section's setting."""
    return _book(forms(padding, bias)[key].compact, batch)


def written_out(expr: sp.Expr, padding: str) -> sp.Expr:
    mh, mw = output_sizes(padding, dilation=False)
    return expr.xreplace({m_h: mh, m_w: mw})


def _tags(padding, bias, batch, mode) -> tuple:
    tags = []
    if padding == "per-side":
        tags.append("per_side_padding")
    if bias:
        tags.append("bias_counted")
    tags.extend(mode if isinstance(mode, tuple) else ((mode,) if mode else ()))
    if batch:
        tags.append("batch_counted")
    return tuple(tags)


# --- recipes: the question's record -> (padding, bias, batch, mode) -> expression ------
def _modes(q: Question) -> tuple:
    """Counting modes of the record, each alone and, for memory, also in bytes."""
    modes = tuple(mode for mode, _ in q.recipe.modes)
    if q.recipe.in_bytes:
        modes += tuple((mode, "bytes_float32") if mode else ("bytes_float32",) for mode in modes)
    return modes


def _split_bytes(mode) -> tuple:
    """(counting mode, in bytes?) of a mode from :func:`_modes`."""
    if isinstance(mode, tuple):
        return (mode[0] if len(mode) == 2 else None), True
    return mode, False


def recipe_expr(q: Question, padding, bias, batch, mode) -> sp.Expr | None:
    """The compact expression of ``q`` under one reading, or None if it has none."""
    counting, in_bytes = _split_bytes(mode)
    keys = dict(q.recipe.modes).get(counting)
    if keys is None:
        return None
    expr = sum(
        (compact(key, padding, bias or q.recipe.with_bias, batch) for key in keys), sp.S.Zero
    )
    return FLOAT32_BYTES * expr if in_bytes else expr


def _ruled_out(q: Question, mode) -> str | None:
    """The misconception of ``mode`` where the question's words rule its counting out
    (:attr:`Question.rules_out`), else None."""
    counting, _ = _split_bytes(mode)
    return RULED_OUT[counting] if counting and not q.admits(counting) else None


def _admitted(mode) -> tuple:
    """``mode`` without its counting (the ruled-out one): its bytes, if any."""
    return ("bytes_float32",) if _split_bytes(mode)[1] else ()


def _recipe_variants(q: Question) -> list[Variant]:
    out = []
    biases = (False, True) if q.bias else (False,)
    batches = (False, True) if q.batched else (False,)
    for padding, bias, batch, mode in itertools.product(PADDINGS, biases, batches, _modes(q)):
        expr = recipe_expr(q, padding, bias, batch, mode)
        if expr is None:
            continue
        mistake = _ruled_out(q, mode)
        tags = _tags(padding, bias, batch, _admitted(mode) if mistake else mode)
        out.append(Variant(written_out(expr, padding), padding, tags, mistake))
    return out


# --- misconceptions: transformations of the compact forms ----------------------------
def _layer_mistakes(q: Question, padding: str, mode) -> list[tuple[str, sp.Expr, frozenset]]:
    qid = q.id
    base = recipe_expr(q, padding, False, False, mode)
    if base is None:
        return []
    out = []

    def add(name, expr, domain=frozenset()):
        out.append((name, expr, domain))

    cost = qid.startswith(("forward", "backward")) and "memory" not in qid
    if cost or "memory" in qid:
        add("kernel_volume_left_out", base.xreplace({k_h: 1, k_w: 1}))
        add("input_size_for_output", base.xreplace({m_h: h, m_w: w}))
        add("input_channels_left_out", base.xreplace({c_i: 1}))
        add("output_channels_left_out", base.xreplace({c_o: 1}))
        add("channels_swapped", base.xreplace({c_i: c_o, c_o: c_i}))
        add("axis_mixup", base.xreplace({m_w: m_h}))
        add("axis_mixup", base.xreplace({m_h: m_w}))
        for delta in (-1, 1):
            add("output_off_by_one", base.xreplace({m_h: m_h + delta, m_w: m_w + delta}))
    if qid in ("output-height", "output-width"):
        for delta in (-1, 1):
            add("output_off_by_one", base + delta)
    if qid in ("forward-adds", "forward-ops") and mode is None:
        adds = compact(Form.FORWARD_ADDS, padding)
        per_channel = c_i * adds.xreplace({c_i: 1})
        mults = compact(Form.FORWARD_MULTS, padding) if qid == "forward-ops" else 0
        add("missing_cross_channel_adds", mults + per_channel)
    if qid == "backward-ops":
        forward = {None: Form.FORWARD_OPS, "macs": Form.FORWARD_MACS, "flops": Form.FORWARD_FLOPS}[
            mode
        ]
        add("backward_equals_forward", compact(forward, padding))
        if mode is None:
            add("backward_doubled_exact", 2 * compact(Form.FORWARD_OPS, padding))
            add("padded_size_for_covered", _padded_for_covered(base, padding))
            for grad in ("dx", "dw"):
                add(
                    "one_gradient_only",
                    compact(op_form("backward", "mults", grad), padding)
                    + compact(op_form("backward", "adds", grad), padding),
                )
        else:
            for grad in ("dx", "dw"):
                scale = 2 if mode == "flops" else 1
                add(
                    "one_gradient_only",
                    scale * compact(op_form("backward", "mults", grad), padding),
                )
    if qid == "forward-memory" and mode is None:
        add("parameters_only", compact(Form.MEMORY_PARAMS, padding))
        add("memory_mixed_units", compact(Form.MEMORY_PARAMS, padding) + h * w)
        add("output_left_out", base - compact(Form.MEMORY_OUTPUT, padding))
        add("input_left_out", base - compact(Form.MEMORY_INPUT, padding))
    if qid == "bias-size":
        add("bias_as_weights", c_i * base)
        add("bias_as_weights", compact(Form.MEMORY_WEIGHTS, padding))
        add("bias_per_output_element", compact(Form.MEMORY_OUTPUT, padding))
        add("bias_per_input_channel", base.xreplace({c_o: c_i}))
    return out


def window_covers() -> tuple[sp.Expr, sp.Expr]:
    """The padded input positions some window covers along the height and the width
    (C_h, C_w: the names :attr:`Question.worked_names` of backward-ops gives them;
    :func:`derivations.closed_forms.window_cover` without dilation)."""
    from derivations.closed_forms import window_cover

    return window_cover(m_h, k_h, s_h, 1), window_cover(m_w, k_w, s_w, 1)


def _padded_for_covered(base: sp.Expr, padding: str) -> sp.Expr:
    """The backward count ``base`` with the padded input positions some window covers
    (C_h C_w, :func:`window_covers`) replaced by the whole padded
    input, (h + p_h)(w + p_w) (h + 2p_h per side): the same where the windows reach every
    padded row and column, fewer where the stride skips some at the end (s10exam2 F5)."""
    sides = 1 if padding == "total" else 2
    cover_h, cover_w = window_covers()
    return base.xreplace({cover_h: h + sides * p_h, cover_w: w + sides * p_w})


def _written_mistakes(expr: sp.Expr) -> list[tuple[str, sp.Expr]]:
    """Mistakes visible only in the written-out form: axes mixed up, ceil for floor."""
    out = []
    for height, width in AXIS_PAIRS:
        out.append(("axis_mixup", expr.xreplace({width: height})))
        out.append(("axis_mixup", expr.xreplace({height: width})))
    out.append(("ceil_for_floor", expr.replace(sp.floor, sp.ceiling)))
    for source, target in ((0, 1), (1, 0)):  # the other axis's formula throughout
        out.append(
            ("axis_mixup", expr.xreplace({pair[source]: pair[target] for pair in AXIS_PAIRS}))
        )
    return out


# an output size's axis: (input size, kernel, padding, stride)
_SIZE_AXES = {"output-height": (h, k_h, p_h, s_h), "output-width": (w, k_w, p_w, s_w)}


def same_padding_size(expr: sp.Expr, padding: str, axis: tuple) -> sp.Expr:
    """An output size ``expr`` (written out) at the padding TensorFlow's ``'same'`` picks
    instead of the one the question gives: in all s (⌈size/s⌉ − 1) + k − size, the
    padding that keeps ⌈size/s⌉ outputs (half of it on each side for the per-side
    reading), put in for the padding (tf.nn.conv2d's 'SAME': 'output_spatial_shape[i] =
    ceil(input_spatial_shape[i] / strides[i])', https://www.tensorflow.org/api_docs/python/tf/nn/convolution)."""
    size, kernel, pad, stride = axis
    total = stride * sp.ceiling(size / stride) - stride + kernel - size
    return sp.simplify(expr.xreplace({pad: total if padding == "total" else total / 2}))


def plus_one_under(padding: str, axis: tuple) -> tuple[sp.Expr, sp.Expr]:
    """An output size with its + 1 put under the fraction, added to the stride instead of
    the quotient: ⌊(size − kernel + padding)/(stride + 1)⌋, and the same without the floor
    (as a fraction is written, ``\\frac{W-F+2P}{S+1}``, where no layer makes it whole
    when the stride divides); the padding doubled for the per-side reading."""
    size, kernel, pad, stride = axis
    padded = pad if padding == "total" else 2 * pad
    quotient = (size - kernel + padded) / (stride + 1)
    return sp.floor(quotient), quotient


def _mistake_variants(q: Question) -> list[Variant]:
    """The misconceptions of each counting mode the question admits (none is diagnosed
    in a frame its words rule out)."""
    out = []
    for padding, mode in itertools.product(PADDINGS, _modes(q)):
        if _ruled_out(q, mode):
            continue
        tags = _tags(padding, False, False, mode)
        for name, expr, domain in _layer_mistakes(q, padding, mode):
            out.append(Variant(written_out(expr, padding), padding, tags, name, domain))
        base = recipe_expr(q, padding, False, False, mode)
        if base is not None:
            for name, expr in _written_mistakes(written_out(base, padding)):
                out.append(Variant(expr, padding, tags, name))
        if base is not None and q.id in _SIZE_AXES:  # the size 'same' padding gives
            same = same_padding_size(written_out(base, padding), padding, _SIZE_AXES[q.id])
            out.append(Variant(same, padding, tags, "same_padding_size"))
            for under in plus_one_under(padding, _SIZE_AXES[q.id]):
                out.append(Variant(under, padding, tags, "plus_one_in_denominator"))
    return out


# --- the exercise scenarios ------------------------------------------------------------
COUNTS = {None: Form.FORWARD_OPS, "macs": Form.FORWARD_MACS, "flops": Form.FORWARD_FLOPS}


def _double_channels() -> list[Variant]:
    out = []
    for (mode, key), bias in itertools.product(COUNTS.items(), (False, True)):
        out.append(
            Variant(
                double_channels(key, "total", bias).ratio,
                "total",
                _tags("total", bias, False, mode),
            )
        )
    out.append(
        Variant(double_channels(Form.FORWARD_OPS).limit, conventions=("large_channel_limit",))
    )
    before = forms()[Form.FORWARD_OPS].expr.xreplace(BOOK)
    only_one = sp.simplify(before.xreplace({c_o: 2 * c_o}) / before)
    out.append(Variant(only_one, misconception="doubling_doubles"))
    return out


def _double_padding() -> list[Variant]:
    out = []
    # each doubling once (SymPy simplifies floors: ~1 s apiece); the loops below share them
    doubled_by = {
        (key, padding, bias): double_padding(key, padding, bias)
        for key, padding, bias in itertools.product(COUNTS.values(), PADDINGS, (False, True))
    }
    for (mode, key), padding, bias in itertools.product(COUNTS.items(), PADDINGS, (False, True)):
        doubled = doubled_by[key, padding, bias]
        tags = _tags(padding, bias, False, mode)
        out.append(Variant(doubled.increase, padding, tags))
        # the ratio after/before where the increase is asked: another quantity, wrong on
        # the formula question as at the layer (s14exam E20: it was a convention here)
        out.append(Variant(doubled.ratio, padding, tags, "ratio_for_increase"))
    for (mode, key), padding in itertools.product(COUNTS.items(), PADDINGS):
        doubled = doubled_by[key, padding, False]
        tags = _tags(padding, False, False, mode)
        # the cost after the doubling where its increase is asked (s10exam2 F9): with the
        # padding counted per side it equals the cost before at twice the padding, so it
        # comes first (else it reads as "doubling the padding doubles the cost")
        out.append(Variant(doubled.after, padding, tags, "new_cost_for_increase"))
        out.append(Variant(doubled.before, padding, tags, "padding_doubles_cost"))
        out.append(Variant(sp.Integer(2), padding, tags, "padding_doubles_cost"))
        out.append(
            Variant(
                _four_for_three(doubled),
                padding,
                tags,
                "four_pp_for_three",
                frozenset({Restriction.STRIDE1_H, Restriction.STRIDE1_W}),
            )
        )
    return out


def _four_for_three(doubled) -> sp.Expr:
    """The increase with the p_h p_w coefficient of *after* in place of that of
    *after - before* (at stride 1): the expansion slip behind '4 p_h p_w'."""
    unit = {s_h: 1, s_w: 1}
    increase = sp.expand(doubled.increase.xreplace(unit))
    after = sp.expand(doubled.after.xreplace(unit))
    wrong_coefficient = after.coeff(p_h, 1).coeff(p_w, 1)
    right_coefficient = increase.coeff(p_h, 1).coeff(p_w, 1)
    return increase + (wrong_coefficient - right_coefficient) * p_h * p_w


def _pointwise(q: Question) -> list[Variant]:
    out = []
    for (mode, key), padding, bias, batch in itertools.product(
        COUNTS.items(), PADDINGS, (False, True), (False,)
    ):
        mistake = _ruled_out(q, mode)
        tags = _tags(padding, bias, batch, _admitted(mode) if mistake else mode)
        out.append(Variant(pointwise(key, padding, bias).general, padding, tags, mistake))
    for padding in PADDINGS:
        general = pointwise(Form.FORWARD_OPS, padding).general
        for name, expr in (
            ("input_channels_left_out", general.xreplace({c_i: 1})),
            ("output_channels_left_out", general.xreplace({c_o: 1})),
            ("channels_swapped", general.xreplace({c_i: c_o, c_o: c_i})),
        ):
            out.append(Variant(expr, padding, _tags(padding, False, False, None), name))
        mults = pointwise(Form.FORWARD_MULTS, padding).general
        adds = pointwise(Form.FORWARD_ADDS, padding).general
        out.append(
            Variant(
                mults + c_i * adds.xreplace({c_i: 1}),
                padding,
                _tags(padding, False, False, None),
                "missing_cross_channel_adds",
            )
        )
        out.append(
            Variant(
                general.xreplace(dict(zip(output_sizes(padding, dilation=False), (h, w)))),
                padding,
                _tags(padding, False, False, None),
                "input_size_for_output",
            )
        )
    return out


# --- compose: the support of a full convolution of two symbolic kernels ---------------
def _support(length_1: int, length_2: int, rng: random.Random) -> int:
    z = sp.Symbol("z")
    first = sum(rng.randint(1, 9) * z**i for i in range(length_1))
    second = sum(rng.randint(1, 9) * z**i for i in range(length_2))
    return sp.degree(sp.expand(first * second), z) + 1  # taps of the full convolution


def compose_size() -> sp.Expr:
    """Fit ``a + b k_1 + c k_2 + d k_1 k_2`` to supports of executed polynomial products
    on a grid of sizes, and check the fit on a larger grid."""
    k_1, k_2 = SYMPY_SYMBOLS["k_1"], SYMPY_SYMBOLS["k_2"]
    rng = random.Random(7)
    a, b, c, d = sp.symbols("a b c d")
    model = a + b * k_1 + c * k_2 + d * k_1 * k_2
    equations = [
        model.subs({k_1: x, k_2: y}) - _support(x, y, rng)
        for x, y in itertools.product((1, 2, 3), repeat=2)
    ]
    fitted = model.subs(sp.solve(equations, (a, b, c, d)))
    for x, y in itertools.product(range(1, 7), repeat=2):
        if fitted.subs({k_1: x, k_2: y}) != _support(x, y, rng):  # pragma: no cover
            raise AssertionError(f"composed size fit fails at k_1={x}, k_2={y}")
    return sp.expand(fitted)


def _compose() -> list[Variant]:
    k_1, k_2 = SYMPY_SYMBOLS["k_1"], SYMPY_SYMBOLS["k_2"]
    size = compose_size()
    return [
        Variant(size),
        Variant(size + 1, misconception="compose_no_overlap"),
        Variant(k_1 * k_2, misconception="compose_product"),
        Variant(sp.Max(k_1, k_2), misconception="compose_max"),
    ]


# which convention names an expression first when several give the same one
RANK = (
    "per_side_padding",
    "macs",
    "flops",
    "accumulate_from_zero",
    "large_channel_limit",
    "output_kept",
    "saved_for_backward_only",
    "bias_counted",
    "bytes_float32",
    "batch_counted",
)


def _order(variant: Variant) -> tuple:
    return (
        variant.misconception is not None,
        len(variant.conventions) + len(variant.domain),
        sorted(RANK.index(tag) for tag in variant.conventions),
    )


def _dedupe(variants: list[Variant]) -> list[Variant]:
    """Keep the first of equal expressions; a later convention set that gives the same
    expression is kept as an alternative reading."""
    kept: dict[tuple, int] = {}
    out: list[Variant] = []
    for variant in variants:
        key = (variant.expr, variant.padding, variant.domain)
        if key not in kept:
            kept[key] = len(out)
            out.append(variant)
        elif (
            variant.misconception is None
            and out[kept[key]].misconception is None
            and len(variant.conventions) == len(out[kept[key]].conventions)
        ):
            first = out[kept[key]]
            out[kept[key]] = Variant(
                first.expr,
                first.padding,
                first.conventions,
                None,
                first.domain,
                first.alternatives + (variant.conventions,),
            )
    return out


_SCENARIOS = {
    Derivation.DOUBLE_CHANNELS: lambda _q: _double_channels(),
    Derivation.DOUBLE_PADDING: lambda _q: _double_padding(),
    Derivation.POINTWISE: _pointwise,
    Derivation.COMPOSE: lambda _q: _compose(),
}


def derive(qid: str) -> list[Variant]:
    """Reference first, then assumptions (fewest first), then misconceptions; only the
    misconceptions the registry declares for the question are kept."""
    q = question(qid)
    if q.recipe.derivation is Derivation.CLOSED_FORMS:
        variants = _recipe_variants(q) + _mistake_variants(q)
    else:
        variants = _SCENARIOS[q.recipe.derivation](q)
    declared = set(q.misconceptions)
    variants = [v for v in variants if v.misconception is None or v.misconception in declared]
    return _dedupe(sorted(variants, key=_order))
