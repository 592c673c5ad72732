"""Closed forms for one convolution layer, derived by SymPy from the layer model.

Each quantity is obtained by summing over the loop nest the model declares (which
indices a forward or backward pass runs over, and how many terms each sum has);
nothing is typed in per question.  Every form is a pure function of the symbols in
:mod:`derivations.model`; ``compact`` writes it with the output sizes ``m_h, m_w``,
``expr`` in the input symbols (floors included).

Counting conventions (each form names its own in ``counting``):

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
from functools import cache
from typing import TYPE_CHECKING

from derivations import display
from derivations.expr import tree as ex
from derivations.expr.evaluate import compile_node
from derivations.model import PADDINGS, Layer
from derivations.registry.counting import MEMORY_MODEL, Counting, describe
from derivations.registry.forms import COMPOSITES, Form
from derivations.registry.symbols import SYMBOLS, Role
from derivations.store import Kind

if TYPE_CHECKING:
    import sympy as sp

__all__ = [
    "ClosedForm",
    "Form",
    "MEMORY_MODEL",
    "m_h",
    "m_w",
    "forms",
    "forms_for",
    "trees",
    "evaluate_all",
    "window_cover",
]

# the symbols a closed form is written in: the layer's, then m_h, m_w
_VALUES = {s.name: s.attribute for s in SYMBOLS if s.role in (Role.LAYER, Role.OUTPUT)}

CACHE = Kind(
    "forms",
    sources=(
        "model.py",
        "closed_forms.py",
        "expr/tree.py",
        "expr/bridge.py",
        "registry/symbols.py",
        "registry/forms.py",
        "registry/counting.py",
        "messages/counting.yaml",
    ),
    libraries=("python", "sympy"),
)


def __getattr__(name: str):
    """``m_h``, ``m_w``: the output sizes' SymPy symbols, built on first use (SymPy stays
    unimported until a form is derived)."""
    if name in ("m_h", "m_w"):
        from derivations.registry.symbols import BY_NAME

        return BY_NAME[name].sympy
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def window_cover(m, k, s, d):
    """How many positions along one padded axis at least one window tap touches.

    Taps sit at ``y s + j d`` for ``0 <= y < m, 0 <= j < k``.  With ``q = gcd(s, d)``,
    two taps coincide exactly along chains ``(y, j) -> (y + d/q, j - s/q)``, so the
    distinct positions are the chain starts: ``m k - max(0, m - d/q) max(0, k - s/q)``.
    (The executed col2im accumulation confirms it; see tests.)
    """
    import sympy as sp

    from derivations.expr.bridge import Gcd

    q = Gcd(s, d)
    return m * k - sp.Max(0, m - d / q) * sp.Max(0, k - s / q)


def _count(body, *extents):
    """``sum_{i_1 < extent_1} ... body``: SymPy sums the loop nest."""
    import sympy as sp

    limits = [(sp.Dummy("i"), 1, extent) for extent in extents]
    return sp.expand(sp.Sum(body, *limits).doit())


@dataclass(frozen=True)
class ClosedForm:
    key: Form
    compact: sp.Expr  # in m_h, m_w where the output size enters
    expr: sp.Expr  # in the input symbols only
    counting: str
    description: str

    def latex(self, compact: bool = True) -> str:
        import sympy as sp

        return sp.latex(self.compact if compact else self.expr)

    def evaluate(self, layer: Layer) -> int:
        """The form at ``layer``: its tree evaluated exactly (no SymPy at evaluation)."""
        return _whole(_function(self.compact)(values(layer)))

    def _repr_html_(self) -> str:  # Jupyter's rich display
        return display.form_html(self)

    def _repr_markdown_(self) -> str:  # Jupyter's rich display
        return display.form_markdown(self)

    def _repr_latex_(self) -> str:  # Jupyter's rich display
        return display.form_latex(self)


@cache
def _function(expr: sp.Expr):
    from derivations.expr.bridge import from_sympy

    return compile_node(from_sympy(expr), math.inf)


def values(layer: Layer) -> dict[str, int]:
    """The value of every symbol a closed form is written in, at ``layer``."""
    return {name: getattr(layer, attribute) for name, attribute in _VALUES.items()}


def _whole(value) -> int:
    if type(value) is not int:  # pragma: no cover - a closed form of a layer is whole
        raise ArithmeticError(f"a closed form is not whole: {value}")
    return value


def forms_for(layer: Layer) -> dict[Form, ClosedForm]:
    """The closed forms that apply to ``layer``: its own padding convention and bias."""
    return forms(layer.padding_convention, layer.bias)


@cache
def forms(padding_convention: str = "total", bias: bool = False) -> dict[Form, ClosedForm]:
    """All closed forms for one padding convention, with or without bias (for a concrete
    layer, :func:`forms_for`)."""
    if padding_convention not in PADDINGS:
        from derivations.errors import DerivationError

        raise DerivationError(
            key="model.unknown_padding", value=repr(padding_convention), known=", ".join(PADDINGS)
        )
    import sympy as sp

    from derivations.model import c_i, c_o, d_h, d_w, g, h, k_h, k_w, n, output_sizes, s_h, s_w, w
    from derivations.registry.symbols import BY_NAME

    m_h, m_w = BY_NAME["m_h"].sympy, BY_NAME["m_w"].sympy
    EXACT = describe(Counting.EXACT)
    EXACT_BIAS = EXACT + "; " + describe(Counting.EXACT_BIAS)
    MACS, FLOPS = describe(Counting.MACS), describe(Counting.FLOPS)
    beta = sp.Integer(int(bias))
    pad = f"{padding_convention} padding"
    full = dict(zip((m_h, m_w), output_sizes(padding_convention)))
    out: dict[Form, ClosedForm] = {}
    raw: dict[Form, sp.Expr] = {}  # before normalization: composites are built from these

    def add(key, compact, convention_text, description):
        if compact is None:  # a composite: defined once, in the registry, from the parts
            compact = COMPOSITES[key](raw)
        raw[key] = compact
        # expand pure products (for a readable canonical form), keep max/gcd grouped
        compact = sp.factor_terms(compact if compact.has(sp.Max) else sp.expand(compact))
        out[key] = ClosedForm(
            key,
            compact,
            compact.xreplace(full),
            f"{convention_text}; {pad}; {'bias' if bias else 'no bias'}",
            description,
        )

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
    add(Form.OUTPUT_HEIGHT, m_h, pad, "output height m_h")
    add(Form.OUTPUT_WIDTH, m_w, pad, "output width m_w")
    add(Form.FORWARD_MULTS, mults, "multiplications", "forward multiplications")
    add(
        Form.FORWARD_ADDS,
        _count(terms_per_output - 1 + beta, *output_elements),
        EXACT_BIAS if bias else EXACT,
        "forward additions",
    )
    add(
        Form.FORWARD_OPS,
        None,
        "multiplications + additions, " + (EXACT_BIAS if bias else EXACT),
        "forward operations",
    )
    add(Form.FORWARD_MACS, None, MACS, "forward multiply-accumulates")
    add(Form.FORWARD_FLOPS, None, FLOPS, "forward FLOPs")

    dx_mults = dcols * (c_o / g)  # one product dY * W for every forward product
    # (c_o/g - 1) adds per dcols entry, then (taps - 1) per covered position:
    # together every dX product but one per covered position
    dx_adds = dx_mults - covered
    dw_mults = _count(terms_per_weight, *(c_o, c_i / g, k_h, k_w))
    dw_adds = _count(terms_per_weight - 1, c_o, c_i / g, k_h, k_w)
    db_adds = beta * _count(terms_per_weight - 1, c_o)
    add(Form.BACKWARD_DX_MULTS, dx_mults, "multiplications", "dX multiplications")
    add(Form.BACKWARD_DX_ADDS, dx_adds, EXACT + "; dX on the padded input", "dX additions")
    add(Form.BACKWARD_DW_MULTS, dw_mults, "multiplications", "dW multiplications")
    add(Form.BACKWARD_DW_ADDS, dw_adds, EXACT, "dW additions")
    add(Form.BACKWARD_DB_MULTS, sp.Integer(0), "multiplications", "db multiplications")
    add(Form.BACKWARD_DB_ADDS, db_adds, EXACT, "db additions")
    add(Form.BACKWARD_MULTS, None, "multiplications", "backward multiplications")
    add(Form.BACKWARD_ADDS, None, EXACT, "backward additions")
    add(Form.BACKWARD_OPS, None, "multiplications + additions, " + EXACT, "backward operations")
    add(
        Form.BACKWARD_MACS,
        None,
        "MACs: one per product (dX and dW)",
        "backward multiply-accumulates",
    )
    add(
        Form.BACKWARD_FLOPS,
        None,
        "FLOPs = 2 x MACs = 2 x forward FLOPs, bias ignored (torch flop_counter)",
        "backward FLOPs",
    )

    bias_elems = beta * c_o
    inputs = _count(1, n, c_i, h, w)
    outputs = _count(1, *output_elements)
    elems = "elements; " + MEMORY_MODEL
    add(Form.MEMORY_WEIGHTS, weights, "elements", "weight elements")
    add(Form.MEMORY_BIAS, bias_elems, "elements", "bias elements")
    add(Form.MEMORY_PARAMS, None, "elements", "parameters (weights + bias)")
    add(Form.MEMORY_INPUT, inputs, "elements", "input elements")
    add(Form.MEMORY_OUTPUT, outputs, "elements", "output elements")
    add(
        Form.MEMORY_SAVED_FOR_BACKWARD,
        inputs + weights,
        elems,
        "saved for backward (input and weights, as autograd does)",
    )
    add(Form.MEMORY_GRAD_DY, outputs, "elements", "gradient buffer dY")
    add(Form.MEMORY_GRAD_DX, inputs, "elements", "gradient buffer dX")
    add(Form.MEMORY_GRAD_DW, weights, "elements", "gradient buffer dW")
    add(Form.MEMORY_GRAD_DB, bias_elems, "elements", "gradient buffer db")
    add(Form.MEMORY_PEAK_FORWARD, None, elems, "peak during the forward pass")
    add(Form.MEMORY_PEAK_BACKWARD, None, elems, "peak during the backward pass")
    return out


# --- the forms as trees, cached on disk: evaluated without SymPy -----------------------
def _entry_name(padding: str, bias: bool) -> str:
    return f"{padding}-{'bias' if bias else 'no-bias'}"


def _read_trees(payload) -> dict[Form, ex.Node]:
    """The trees of a cache entry (``{form key: tree data}``); ValueError if it is not
    exactly the forms of this model, written in the model's symbols."""
    if not isinstance(payload, dict) or set(payload) != {f.value for f in Form}:
        raise ValueError("not the forms of this model")
    out = {Form(key): ex.from_data(data) for key, data in payload.items()}
    for key, tree in out.items():
        if not ex.symbols_in(tree) <= _VALUES.keys():
            raise ValueError(f"{key}: a symbol the model does not have")
    return out


@cache
def trees(padding_convention: str = "total", bias: bool = False) -> dict[Form, ex.Node]:
    """Every closed form as an expression tree (from the disk cache when it holds a
    trusted entry, else derived by SymPy and stored)."""
    if padding_convention not in PADDINGS:
        from derivations.errors import DerivationError

        raise DerivationError(
            key="model.unknown_padding", value=repr(padding_convention), known=", ".join(PADDINGS)
        )
    name = _entry_name(padding_convention, bool(bias))
    found = CACHE.load(name, _read_trees)
    if found is None:
        from derivations.expr.bridge import from_sympy

        found = {key: from_sympy(f.compact) for key, f in forms(padding_convention, bias).items()}
        CACHE.store(name, {key.value: ex.to_data(tree) for key, tree in found.items()})
    return found


@cache
def _functions(padding_convention: str, bias: bool) -> dict:
    return {
        key: compile_node(tree, math.inf) for key, tree in trees(padding_convention, bias).items()
    }


def evaluate_all(layer: Layer) -> dict[Form, int]:
    """Every closed form at one concrete layer, exactly (no SymPy when the cache is warm)."""
    env = values(layer)
    functions = _functions(layer.padding_convention, bool(layer.bias))
    return {key: _whole(function(env)) for key, function in functions.items()}
