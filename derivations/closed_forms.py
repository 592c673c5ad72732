"""Closed forms for one convolution layer, derived by SymPy from the layer model.

Each quantity is obtained by summing over the loop nest the model declares (which
indices a forward or backward pass runs over, and how many terms each sum has);
nothing is typed in per question.  Every form is a pure function of the symbols in
:mod:`derivations.model`; ``compact`` writes it with the output sizes ``m_h, m_w``,
``expr`` in the input symbols (floors included).

Counting conventions (each form names its own in ``convention``):

* *exact counting*: a sum of ``t`` terms costs ``t - 1`` additions; with bias the sum
  starts from the bias, one more addition per output element.
* *MACs*: one multiply-accumulate per product.
* *FLOPs*: ``2 x MACs``, bias ignored (``torch.utils.flop_counter``'s convention);
  backward FLOPs are ``2 x`` forward FLOPs (one product each for ``dX`` and ``dW``).
* Products with padding zeros count: padding is materialized, as frameworks do.
* Backward computes ``dX`` on the padded input (then crops it), ``dW`` and ``db``.
* Memory is counted in elements (bytes = elements x dtype size), model stated in
  :data:`MEMORY_MODEL`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from derivations.model import (CONVENTIONS, Layer, c_i, c_o, d_h, d_w, g, h, k_h, k_w, n, output_size,
                    p_h, p_w, s_h, s_w, w)

__all__ = [
    "ClosedForm", "Gcd", "MEMORY_MODEL", "m_h", "m_w", "forms", "evaluate_all",
    "window_cover", "output_sizes",
]

m_h = sp.Symbol("m_h", integer=True, positive=True)
m_w = sp.Symbol("m_w", integer=True, positive=True)

MEMORY_MODEL = (
    "elements held: parameters = weights + bias; forward peak = parameters + input + "
    "output; autograd saves input and weights for backward; backward peak = parameters + "
    "saved input + dY + dX + dW + db (the forward output is released once dY exists); "
    "padding copies and im2col workspaces are implementation scratch, not counted")


class Gcd(sp.Function):
    """gcd of two positive integers, left unevaluated on symbols (SymPy's ``gcd`` treats
    symbols as polynomials and would answer 1)."""

    is_integer = True
    is_positive = True

    @classmethod
    def eval(cls, a, b):
        if a.is_Integer and b.is_Integer:
            return sp.Integer(math.gcd(int(a), int(b)))
        if a == 1 or b == 1:
            return sp.S.One
        if a == b:
            return a

    def _latex(self, printer):
        return r"\gcd(%s, %s)" % tuple(printer._print(arg) for arg in self.args)


def window_cover(m, k, s, d):
    """How many positions along one padded axis at least one window tap touches.

    Taps sit at ``y s + j d`` for ``0 <= y < m, 0 <= j < k``.  With ``q = gcd(s, d)``,
    two taps coincide exactly along chains ``(y, j) -> (y + d/q, j - s/q)``, so the
    distinct positions are the chain starts: ``m k - max(0, m - d/q) max(0, k - s/q)``.
    (The executed col2im accumulation confirms it; see tests.)
    """
    q = Gcd(s, d)
    return m * k - sp.Max(0, m - d / q) * sp.Max(0, k - s / q)


def _count(body, *extents):
    """``sum_{i_1 < extent_1} ... body``: SymPy sums the loop nest."""
    limits = [(sp.Dummy("i"), 1, extent) for extent in extents]
    return sp.expand(sp.Sum(body, *limits).doit())


@dataclass(frozen=True)
class ClosedForm:
    key: str
    compact: sp.Expr          # in m_h, m_w where the output size enters
    expr: sp.Expr             # in the input symbols only
    convention: str
    description: str

    def latex(self, compact: bool = True) -> str:
        return sp.latex(self.compact if compact else self.expr)

    def evaluate(self, layer: Layer) -> int:
        values = {sym: sp.Integer(v) for sym, v in layer.values().items()}
        values[m_h] = sp.Integer(layer.m_h)
        values[m_w] = sp.Integer(layer.m_w)
        value = self.compact.xreplace(values)
        if not value.is_Integer:  # pragma: no cover - a derivation bug, not a user error
            raise AssertionError(f"{self.key} did not evaluate to an integer: {value}")
        return int(value)


def output_sizes(convention: str):
    return (output_size(h, k_h, p_h, s_h, d_h, convention),
            output_size(w, k_w, p_w, s_w, d_w, convention))


EXACT = "exact counting (a t-term sum costs t-1 additions)"
EXACT_BIAS = EXACT + "; the sum starts from the bias: +1 addition per output element"


@lru_cache(maxsize=None)
def forms(convention: str = "total", bias: bool = False) -> dict[str, ClosedForm]:
    """All closed forms for one padding convention, with or without bias."""
    if convention not in CONVENTIONS:
        from derivations.errors import DerivationError
        raise DerivationError(f"padding convention {convention!r} is not one of "
                              f"{', '.join(CONVENTIONS)}")
    beta = sp.Integer(int(bias))
    pad = f"{convention} padding"
    full = dict(zip((m_h, m_w), output_sizes(convention)))
    out: dict[str, ClosedForm] = {}

    def add(key, compact, convention_text, description):
        # expand pure products (for a readable canonical form), keep max/gcd grouped
        compact = sp.factor_terms(compact if compact.has(sp.Max) else sp.expand(compact))
        out[key] = ClosedForm(key, compact, compact.xreplace(full),
                              f"{convention_text}; {pad}; {'bias' if bias else 'no bias'}",
                              description)

    # --- the loop nest ------------------------------------------------------------
    # forward: every output element (b, o, y, x) is a sum over (c, i, j) of w * x
    output_elements = (n, c_o, m_h, m_w)
    terms_per_output = _count(1, c_i / g, k_h, k_w)
    weights = _count(1, c_o, c_i / g, k_h, k_w)
    # dW: every weight element is a sum over (b, y, x) of dY * X
    terms_per_weight = _count(1, n, m_h, m_w)
    # dX (on the padded input): dcols[b, (c, i, j), y, x] sums over the c_o/g output
    # channels of the group, then col2im sums the taps that land on one position.
    dcols = _count(1, n, c_i, k_h, k_w, m_h, m_w)
    covered = n * c_i * window_cover(m_h, k_h, s_h, d_h) * window_cover(m_w, k_w, s_w, d_w)

    mults = _count(terms_per_output, *output_elements)
    add("output_height", m_h, pad, "output height m_h")
    add("output_width", m_w, pad, "output width m_w")
    add("forward_mults", mults, "multiplications", "forward multiplications")
    add("forward_adds", _count(terms_per_output - 1 + beta, *output_elements),
        EXACT_BIAS if bias else EXACT, "forward additions")
    add("forward_ops", out["forward_mults"].compact + out["forward_adds"].compact,
        "multiplications + additions, " + (EXACT_BIAS if bias else EXACT),
        "forward operations")
    add("forward_macs", mults, "MACs: one multiply-accumulate per product",
        "forward multiply-accumulates")
    add("forward_flops", 2 * mults, "FLOPs = 2 x MACs, bias ignored (torch flop_counter)",
        "forward FLOPs")

    dx_mults = dcols * (c_o / g)  # one product dY * W for every forward product
    # (c_o/g - 1) adds per dcols entry, then (taps - 1) per covered position:
    # together every dX product but one per covered position
    dx_adds = dx_mults - covered
    dw_mults = _count(terms_per_weight, *(c_o, c_i / g, k_h, k_w))
    dw_adds = _count(terms_per_weight - 1, c_o, c_i / g, k_h, k_w)
    db_adds = beta * _count(terms_per_weight - 1, c_o)
    add("backward_dx_mults", dx_mults, "multiplications", "dX multiplications")
    add("backward_dx_adds", dx_adds, EXACT + "; dX on the padded input",
        "dX additions")
    add("backward_dw_mults", dw_mults, "multiplications", "dW multiplications")
    add("backward_dw_adds", dw_adds, EXACT, "dW additions")
    add("backward_db_mults", sp.Integer(0), "multiplications", "db multiplications")
    add("backward_db_adds", db_adds, EXACT, "db additions")
    add("backward_mults", dx_mults + dw_mults, "multiplications", "backward multiplications")
    add("backward_adds", dx_adds + dw_adds + db_adds, EXACT, "backward additions")
    add("backward_ops", dx_mults + dw_mults + dx_adds + dw_adds + db_adds,
        "multiplications + additions, " + EXACT, "backward operations")
    add("backward_macs", dx_mults + dw_mults, "MACs: one per product (dX and dW)",
        "backward multiply-accumulates")
    add("backward_flops", 2 * (dx_mults + dw_mults),
        "FLOPs = 2 x MACs = 2 x forward FLOPs, bias ignored (torch flop_counter)",
        "backward FLOPs")

    bias_elems = beta * c_o
    inputs = _count(1, n, c_i, h, w)
    outputs = _count(1, *output_elements)
    elems = "elements; " + MEMORY_MODEL
    add("memory_weights", weights, "elements", "weight elements")
    add("memory_bias", bias_elems, "elements", "bias elements")
    add("memory_params", weights + bias_elems, "elements", "parameters (weights + bias)")
    add("memory_input", inputs, "elements", "input elements")
    add("memory_output", outputs, "elements", "output elements")
    add("memory_saved_for_backward", inputs + weights, elems,
        "saved for backward (input and weights, as autograd does)")
    add("memory_grad_dy", outputs, "elements", "gradient buffer dY")
    add("memory_grad_dx", inputs, "elements", "gradient buffer dX")
    add("memory_grad_dw", weights, "elements", "gradient buffer dW")
    add("memory_grad_db", bias_elems, "elements", "gradient buffer db")
    add("memory_peak_forward", weights + bias_elems + inputs + outputs, elems,
        "peak during the forward pass")
    add("memory_peak_backward",
        weights + bias_elems + inputs + outputs + inputs + weights + bias_elems, elems,
        "peak during the backward pass")
    return out


def evaluate_all(layer: Layer) -> dict[str, int]:
    """Every closed form at one concrete layer."""
    return {key: f.evaluate(layer)
            for key, f in forms(layer.convention, layer.bias).items()}
