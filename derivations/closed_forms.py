"""Closed forms for one convolution layer, derived by SymPy from the layer model.

Each quantity is obtained by summing over the loop nest the model declares (which
indices a forward or backward pass runs over, and how many terms each sum has);
nothing is typed in per question.  Every form is a pure function of the symbols in
:mod:`derivations.model`; ``compact`` writes it with the output sizes ``m_h, m_w``,
``expr`` in the input symbols (floors included).

Counting conventions (each form says its own in ``counting``, from the registry's table
:data:`derivations.registry.forms.COUNTING`):

* *exact counting*: a sum of ``t`` terms costs ``t - 1`` additions; with bias the sum
  starts from the bias, one more addition per output element.
* *MACs*: one multiply-accumulate per product.
* *FLOPs*: ``2 x MACs``, bias ignored (``torch.utils.flop_counter``'s convention);
  backward FLOPs are ``2 x`` forward FLOPs (one product each for ``dX`` and ``dW``).
* Products with padding zeros count: padding is materialized, as frameworks do.
* Backward computes ``dX`` on the padded input (then crops it), ``dW`` and ``db``.
* Memory is counted in elements (bytes = elements x dtype size), model stated in the
  message ``sheets.memory_model``.
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
from derivations.registry.forms import (
    COMPOSITES,
    Form,
    counting,
    counting_text,
    description,
    layer_counting,
    own_counting,
)
from derivations.registry.symbols import SYMBOLS, Role
from derivations.store import Kind

if TYPE_CHECKING:
    import sympy as sp

__all__ = [
    "ClosedForm",
    "Forms",
    "table",
    "Form",
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
    padding_convention: str
    bias: bool

    @property
    def counting_ids(self) -> tuple[str, ...]:
        """The message ids of how this form counts (the registry's one table)."""
        return counting(self.key, self.padding_convention, self.bias)

    def counting_in(self, lang: str = "en") -> str:
        return counting_text(self.counting_ids, lang)

    @property
    def counting(self) -> str:
        """How this form counts, in English (``total padding; no bias`` for a size)."""
        return self.counting_in("en")

    def description_in(self, lang: str = "en") -> str:
        return description(self.key, lang)

    @property
    def description(self) -> str:
        """What this form counts, in English."""
        return self.description_in("en")

    def latex(self, compact: bool = True) -> str:
        """The form as LaTeX in the project's term order (``c_o c_i k_h k_w``), printed by
        the one printer: :func:`derivations.expr.printers.to_latex`."""
        from derivations.expr.bridge import from_sympy
        from derivations.expr.order import book_order
        from derivations.expr.printers import to_latex

        return to_latex(book_order(from_sympy(self.compact if compact else self.expr)))

    def evaluate(self, layer: Layer) -> int:
        """The form at ``layer``: its tree evaluated exactly (no SymPy at evaluation)."""
        return _whole(_function(self.compact)(values(layer)))

    # --- Jupyter's rich display (in the display language) ------------------------
    def _words(self) -> tuple[str, str]:
        return self.description_in(display.language), self.counting_in(display.language)

    def _repr_html_(self) -> str:
        name, counted = map(display.escape_html, self._words())
        return (
            f"<div><strong>{name}</strong> (<code>{display.escape_html(self.key)}</code>): "
            f"{display.html_math(self.latex())} — {counted}</div>"
        )

    def _repr_markdown_(self) -> str:
        name, counted = map(display.escape_markdown, self._words())
        return f"**{name}** (`{self.key}`): ${self.latex()}$ — {counted}"

    def _repr_latex_(self) -> str:
        """The form in the output sizes ``m_h, m_w`` (``compact``), as display math."""
        return f"$\\displaystyle {self.latex()}$"


class Forms(dict[Form, "ClosedForm"]):
    """The closed forms of one padding convention and bias (``key -> ClosedForm``), shown
    in Jupyter as one compact table: the convention each form shares said once above it,
    the memory model once below."""

    def __init__(self, forms: dict, padding_convention: str, bias: bool):
        super().__init__(forms)
        self.padding_convention, self.bias = padding_convention, bool(bias)

    def shared(self) -> str:
        """The padding convention and bias, in the display language."""
        return counting_text(layer_counting(self.padding_convention, self.bias), display.language)

    def _repr_html_(self) -> str:
        return f"<div>{display.escape_html(self.shared())}</div>" + table(self, "html")

    def _repr_markdown_(self) -> str:
        return display.escape_markdown(self.shared()) + "\n\n" + table(self, "markdown")

    def _repr_latex_(self) -> str:
        return table(self, "latex")


_MEMORY = "sheets.memory_model"


def table(forms: dict, kind: str, values: dict | None = None) -> str:
    """``forms`` as one compact table (``kind``: ``html``, ``markdown`` or ``latex``) in
    the display language: quantity, closed form, the value (when ``values`` are given)
    and how the form counts, the layer's padding and bias aside (said by the caller) and
    the memory model said once below the table (LaTeX: no conventions)."""
    lang = display.language
    escape = {"html": display.escape_html, "markdown": display.escape_markdown}.get(kind)
    math = {"html": display.html_math, "markdown": lambda x: f"${x}$"}.get(kind, str)
    header = ["display.quantity", "display.closed_form"]
    header += ["display.value"] * (values is not None) + ["display.convention"] * bool(escape)
    rows, memory = [], False
    for key, form in forms.items():
        own = own_counting(key, form.bias)
        memory = memory or _MEMORY in own
        row = [form.description_in(lang), form.latex()]
        row += [] if values is None else [f"{values[key]:,}"]
        if escape is None:  # LaTeX: the quantity as text, the value as a number
            rows.append([rf"\text{{{display.escape_latex_text(row[0])}}}", *row[1:]])
            continue
        own = tuple("display.memory_model_below" if k == _MEMORY else k for k in own)
        rows.append([escape(row[0]), math(row[1]), *row[2:], escape(counting_text(own, lang))])
    names = [display.label(key) for key in header]
    if escape is None:
        return display.latex_table(names, rows)
    shown = (display.html_table if kind == "html" else display.markdown_table)(
        [escape(name) for name in names], rows
    )
    if not memory:
        return shown
    note = escape(display.label("display.memory_model", model=display.label(_MEMORY)))
    return shown + (f"<p><small>{note}</small></p>" if kind == "html" else f"\n\n{note}")


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


def forms_for(layer: Layer) -> Forms:
    """The closed forms that apply to ``layer``: its own padding convention and bias."""
    return forms(layer.padding_convention, layer.bias)


@cache
def forms(padding_convention: str = "total", bias: bool = False) -> Forms:
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
    beta = sp.Integer(int(bias))
    full = dict(zip((m_h, m_w), output_sizes(padding_convention)))
    out: dict[Form, ClosedForm] = {}
    raw: dict[Form, sp.Expr] = {}  # before normalization: composites are built from these

    def add(key, compact):
        if compact is None:  # a composite: defined once, in the registry, from the parts
            compact = COMPOSITES[key](raw)
        raw[key] = compact
        # expand pure products (for a readable canonical form), keep max/gcd grouped
        compact = sp.factor_terms(compact if compact.has(sp.Max) else sp.expand(compact))
        out[key] = ClosedForm(key, compact, compact.xreplace(full), padding_convention, bool(bias))

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
    add(Form.OUTPUT_HEIGHT, m_h)
    add(Form.OUTPUT_WIDTH, m_w)
    add(Form.FORWARD_MULTS, mults)
    add(Form.FORWARD_ADDS, _count(terms_per_output - 1 + beta, *output_elements))
    add(Form.FORWARD_OPS, None)
    add(Form.FORWARD_MACS, None)
    add(Form.FORWARD_FLOPS, None)

    dx_mults = dcols * (c_o / g)  # one product dY * W for every forward product
    # (c_o/g - 1) adds per dcols entry, then (taps - 1) per covered position:
    # together every dX product but one per covered position
    dx_adds = dx_mults - covered
    dw_mults = _count(terms_per_weight, *(c_o, c_i / g, k_h, k_w))
    dw_adds = _count(terms_per_weight - 1, c_o, c_i / g, k_h, k_w)
    db_adds = beta * _count(terms_per_weight - 1, c_o)
    add(Form.BACKWARD_DX_MULTS, dx_mults)
    add(Form.BACKWARD_DX_ADDS, dx_adds)
    add(Form.BACKWARD_DW_MULTS, dw_mults)
    add(Form.BACKWARD_DW_ADDS, dw_adds)
    add(Form.BACKWARD_DB_MULTS, sp.Integer(0))
    add(Form.BACKWARD_DB_ADDS, db_adds)
    add(Form.BACKWARD_MULTS, None)
    add(Form.BACKWARD_ADDS, None)
    add(Form.BACKWARD_OPS, None)
    add(Form.BACKWARD_MACS, None)
    add(Form.BACKWARD_FLOPS, None)

    bias_elems = beta * c_o
    inputs = _count(1, n, c_i, h, w)
    outputs = _count(1, *output_elements)
    add(Form.MEMORY_WEIGHTS, weights)
    add(Form.MEMORY_BIAS, bias_elems)
    add(Form.MEMORY_PARAMS, None)
    add(Form.MEMORY_INPUT, inputs)
    add(Form.MEMORY_OUTPUT, outputs)
    add(Form.MEMORY_SAVED_FOR_BACKWARD, inputs + weights)
    add(Form.MEMORY_GRAD_DY, outputs)
    add(Form.MEMORY_GRAD_DX, inputs)
    add(Form.MEMORY_GRAD_DW, weights)
    add(Form.MEMORY_GRAD_DB, bias_elems)
    add(Form.MEMORY_PEAK_FORWARD, None)
    add(Form.MEMORY_PEAK_BACKWARD, None)
    return Forms(out, padding_convention, bool(bias))


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
