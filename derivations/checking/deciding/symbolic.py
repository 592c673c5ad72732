"""The checker's SymPy stages over trees (converted by :mod:`derivations.expr.bridge`,
trusted direction only): the optional symbolic proof and the simplified difference.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derivations.closed_forms import m_h, m_w
from derivations.expr.bridge import SYMPY_SYMBOLS, from_sympy
from derivations.model import h, k_h, k_w, output_sizes, p_h, p_w, s_h, s_w, w

__all__ = [
    "restrict",
    "prove_equal",
    "Shown",
    "show_sympy",
    "difference",
    "sized_difference",
    "with_output_sizes",
]


@dataclass(frozen=True)
class Shown:
    """A SymPy expression as a person reads it: Unicode, LaTeX, and the message ids
    explaining what the text leaves implicit (``max(0, …)``)."""

    text: str
    latex: str
    notes: tuple


def show_sympy(expr: sp.Expr) -> Shown:
    """A trusted SymPy expression (a closed form, never student text) in the book's
    term order, as Unicode and LaTeX, with a note for every ``max(0, …)``."""
    from derivations.checking.explaining.present import book_order
    from derivations.expr.printers import explanations, to_latex, to_unicode

    tree = book_order(from_sympy(expr))
    return Shown(to_unicode(tree), to_latex(tree), explanations(tree))


def restrict(expr: sp.Expr, domain: frozenset, padding_convention: str = "total") -> sp.Expr:
    """The expression on a restricted domain: m_h, m_w written out, then the symbols the
    restrictions fix substituted (floors dropped where the stride divides)."""
    mh, mw = output_sizes(padding_convention, dilation=False)
    expr = expr.xreplace({m_h: mh, m_w: mw})
    square = SYMPY_SYMBOLS
    values = {}
    if "k1" in domain:
        values.update({k_h: 1, k_w: 1})
    if "square" in domain:
        values.update(
            {square["k"]: k_h, square["s"]: s_h, square["p"]: p_h, k_w: k_h, s_w: s_h, p_w: p_h}
        )
    for axis, (pad, stride) in {"h": (p_h, s_h), "w": (p_w, s_w)}.items():
        if f"nopad_{axis}" in domain:
            values[pad] = 0
        if f"stride1_{axis}" in domain:
            values[stride] = 1
    # SymPy values, not ints: xreplace on a lone symbol returns the value as given
    values = {key: sp.Integer(v) if isinstance(v, int) else v for key, v in values.items()}
    expr = expr.xreplace(values) if values else expr
    if values:
        expr = expr.xreplace(values)  # square: k -> k_h may expose k_w -> k_h
    if any(tag.startswith("divides") for tag in domain):
        expr = expr.replace(sp.floor, lambda arg: arg)
    return expr


def prove_equal(student: sp.Expr, reference: sp.Expr) -> bool:
    """True when SymPy shows the two equal (expansion, then cancellation); False means
    only 'not shown', never 'different'."""
    gap = sp.expand(student - reference)
    if gap == 0:
        return True
    if gap.has(sp.floor, sp.ceiling, sp.Max, sp.Min):
        return False
    return sp.cancel(sp.together(gap)) == 0


def with_output_sizes(expr: sp.Expr, padding_convention: str) -> sp.Expr:
    """Write floors equal to the output size as m_h, m_w."""
    mh, mw = output_sizes(padding_convention, dilation=False)
    swaps = {}
    for atom in expr.atoms(sp.floor):
        for target, symbol in ((mh, m_h), (mw, m_w)):
            offset = sp.expand(atom.args[0] - target.args[0])
            if offset.is_Integer:  # floor(x + c) = floor(x) + c for integer c
                swaps[atom] = symbol + offset
    return expr.xreplace(swaps)


def _candidates(
    plain: sp.Expr,
    padding_convention: str,
    stride_one: frozenset,
    no_padding: frozenset = frozenset(),
) -> list:
    """The same difference written with m_h, m_w: floors that are the output size, and
    at stride 1 the input size through the output size (h = m_h + k_h - 1 - p_h)."""
    out = [with_output_sizes(plain, padding_convention)]
    if stride_one:
        pad = 1 if padding_convention == "total" else 2
        inverse = {}
        for axis, size, output, kernel, padding in (
            ("h", h, m_h, k_h, p_h),
            ("w", w, m_w, k_w, p_w),
        ):
            if axis in stride_one:
                inverse[size] = output + kernel - 1 - (0 if axis in no_padding else pad * padding)
        out.append(plain.xreplace(inverse))
    return [c for c in out if c != plain]


def difference(
    student: sp.Expr,
    reference: sp.Expr,
    padding_convention: str = "total",
    stride_one: frozenset = frozenset(),
    no_padding: frozenset = frozenset(),
) -> sp.Expr:
    """student - reference, simplified; with m_h, m_w when that reads shorter (floors
    that are the output size become m_h, m_w before factoring: cheaper and clearer)."""
    return sized_difference(student, reference, padding_convention, stride_one, no_padding)[0]


def sized_difference(
    student: sp.Expr,
    reference: sp.Expr,
    padding_convention: str = "total",
    stride_one: frozenset = frozenset(),
    no_padding: frozenset = frozenset(),
) -> tuple[sp.Expr, int]:
    """:func:`difference` and its ``sp.count_ops``, each form counted once (a count is a
    walk of the whole expression: a tenth of the work on a short difference)."""
    plain = sp.expand(student - reference)
    candidates = _candidates(plain, padding_convention, stride_one, no_padding)
    if not candidates or (
        plain.has(sp.floor) and len(candidates) == 1 and candidates[0].has(sp.floor)
    ):
        candidates.append(plain)
    forms = [_factored(sp.expand(c)) for c in candidates]
    return min(forms, key=lambda form: form[1])  # the first of the shortest, as before


_FACTOR_LIMIT = 60  # operations; beyond it full factoring costs more than it reads better


def _factored(expr: sp.Expr) -> tuple[sp.Expr, int]:
    """The shorter of ``expr`` factored and ``expr`` with its terms' common factors
    taken out (only the latter where factoring is out of reach), and its
    ``sp.count_ops``."""
    grouped = sp.factor_terms(expr)
    grouped_ops = sp.count_ops(grouped)
    if sp.count_ops(expr) > _FACTOR_LIMIT:
        return grouped, grouped_ops
    try:
        factored = sp.factor(expr)
    except (sp.PolynomialError, NotImplementedError):  # pragma: no cover
        return grouped, grouped_ops
    factored_ops = sp.count_ops(factored)
    return (factored, factored_ops) if factored_ops <= grouped_ops else (grouped, grouped_ops)
