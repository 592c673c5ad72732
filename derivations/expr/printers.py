"""Print an expression tree as canonical ASCII text (re-readable by the parser), as
readable Unicode math for the terminal (``⌊(h − k_h + p_h + s_h)/s_h⌋``, ``×``, ``k²``)
and as LaTeX, keeping the tree's own structure and order (SymPy would reorder and merge
terms; the echo shows how the answer was read;
:mod:`derivations.checking.explaining.present` puts a reference in the book's term order
first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any, NamedTuple

from derivations.expr import tree as ex

__all__ = ["to_text", "to_unicode", "to_latex", "explanations"]

ATOM, POWER, PRODUCT, SUM = 5, 4, 2, 1
Shown = tuple[str, int]  # a printed node and its precedence


class _Style(NamedTuple):
    """What one printer writes its own way; :func:`_show` writes the rest alike."""

    number: Callable[[int | Fraction], Shown]
    minus: str  # a negation's sign (a sum writes it between spaces)
    left: str  # the brackets around an operand of lower precedence
    right: str
    product: Callable[[list[str]], str]  # the factors, each already bracketed
    quotient: Callable[[Shown, Shown], Shown]
    exponent: Callable[[int], str]  # what follows the bracketed base
    calls: dict[str, str]  # floor, max...: the template of kind(arguments, ...)
    symbol: Callable[[str], str] = str  # a symbol's name as written (LaTeX: \Delta)


def _wrap(pair: Shown, minimum: int, style: _Style) -> str:
    text, precedence = pair
    return f"{style.left}{text}{style.right}" if precedence < minimum else text


def _sum(terms: tuple[ex.Node, ...], style: _Style) -> str:
    """A negated term or a negative constant after the first is written with a minus."""
    out = _wrap(_show(terms[0], style), SUM, style)
    for term in terms[1:]:
        if isinstance(term, ex.Neg):
            out += f" {style.minus} " + _wrap(_show(term.x, style), PRODUCT, style)
        elif isinstance(term, ex.Num) and term.value < 0:
            out += f" {style.minus} " + style.number(-term.value)[0]
        else:
            out += " + " + _wrap(_show(term, style), PRODUCT, style)
    return out


def _show(node: ex.Node, style: _Style) -> Shown:
    """``node`` in ``style``, keeping the tree's own structure and order: each node class
    by its writer (:data:`_WRITERS`, looked up by the exact class; the printers' hot
    path), a call (floor, max, O ...) by its template."""
    write = _WRITERS.get(type(node))
    if write is not None:
        return write(node, style)
    arguments = ", ".join(_show(child, style)[0] for child in ex.children(node))
    return style.calls[node.kind].format(arguments), ATOM


def _number(node: ex.Num, style: _Style) -> Shown:
    return style.number(node.value)


def _symbol(node: ex.Sym, style: _Style) -> Shown:
    return style.symbol(node.name), ATOM


def _added(node: ex.Add, style: _Style) -> Shown:
    return _sum(node.parts, style), SUM


def _multiplied(node: ex.Mul, style: _Style) -> Shown:
    """The first factor bracketed below a product, the others below a power."""
    left, right = style.left, style.right
    factors = []
    for index, factor in enumerate(node.parts):
        text, precedence = _show(factor, style)
        if precedence < (POWER if index else PRODUCT):
            text = f"{left}{text}{right}"
        factors.append(text)
    return style.product(factors), PRODUCT


def _divided(node: ex.Div, style: _Style) -> Shown:
    return style.quotient(_show(node.a, style), _show(node.b, style))


def _negated(node: ex.Neg, style: _Style) -> Shown:
    return style.minus + _wrap(_show(node.x, style), POWER, style), PRODUCT


def _raised(node: ex.Pow, style: _Style) -> Shown:
    return _wrap(_show(node.base, style), ATOM, style) + style.exponent(node.exponent), POWER


_WRITERS: dict[type, Callable[[Any, _Style], Shown]] = {
    ex.Num: _number,
    ex.Sym: _symbol,
    ex.Add: _added,
    ex.Mul: _multiplied,
    ex.Div: _divided,
    ex.Neg: _negated,
    ex.Pow: _raised,
}


def _integer(value: int, minus: str) -> Shown:
    return (str(value), ATOM) if value >= 0 else (f"{minus}{-value}", PRODUCT)


def _fraction(value: Fraction, minus: str, template: str) -> Shown:
    sign = minus if value < 0 else ""
    return sign + template.format(abs(value.numerator), value.denominator), PRODUCT


def _slash(top_minimum: int) -> Callable[[Shown, Shown], Shown]:
    """``top/bottom``: the top bracketed below ``top_minimum``, the bottom below a power."""
    return lambda top, bottom: (
        f"{_wrap(top, top_minimum, _TEXT)}/{_wrap(bottom, POWER, _TEXT)}",
        PRODUCT,
    )


def _latex_product(pieces: list[str]) -> str:
    """Factors side by side; ``\\cdot`` before a number or a minus sign."""
    out = pieces[0]
    for piece in pieces[1:]:
        out += (r" \cdot " if piece[:1].isdigit() or piece.startswith("-") else " ") + piece
    return out


# a sheet's Greek symbol names (SymPy's ``Delta``, ``alpha_0``) as LaTeX letters
_GREEK_WORDS = ("alpha", "beta", "gamma", "delta", "Delta", "epsilon", "kappa", "lambda", "sigma")
_GREEK = re.compile(r"(?<![A-Za-z\\])(" + "|".join(_GREEK_WORDS) + r")(?![A-Za-z])")
_SHORTEST_GREEK = min(map(len, _GREEK_WORDS))  # a shorter name holds none of them
_CALLS = {"max": "max({})", "min": "min({})", "gcd": "gcd({})", "bigo": "O({})"}
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_TEXT = _Style(
    number=lambda v: (f"({v})", ATOM) if isinstance(v, Fraction) else _integer(v, "-"),
    minus="-",
    left="(",
    right=")",
    product="*".join,
    quotient=_slash(PRODUCT),
    exponent=lambda n: f"^{n}" if n >= 0 else f"^({n})",
    calls={**_CALLS, "floor": "floor({})", "ceil": "ceil({})"},
)
_UNICODE = _Style(
    number=lambda v: _fraction(v, "−", "{}/{}") if isinstance(v, Fraction) else _integer(v, "−"),
    minus="−",
    left="(",
    right=")",
    product="×".join,
    quotient=_slash(POWER),
    exponent=lambda n: str(n).translate(_SUPERSCRIPT),
    calls={**_CALLS, "floor": "⌊{}⌋", "ceil": "⌈{}⌉"},
)
_LATEX = _Style(
    number=lambda v: (
        _fraction(v, "-", r"\frac{{{}}}{{{}}}") if isinstance(v, Fraction) else _integer(v, "-")
    ),
    minus="-",
    left=r"\left(",
    right=r"\right)",
    product=_latex_product,
    quotient=lambda top, bottom: (rf"\frac{{{top[0]}}}{{{bottom[0]}}}", ATOM),
    exponent=lambda n: f"^{{{n}}}",
    calls={
        "floor": r"\left\lfloor {} \right\rfloor",
        "ceil": r"\left\lceil {} \right\rceil",
        "max": r"\max\left({}\right)",
        "min": r"\min\left({}\right)",
        "gcd": r"\gcd\left({}\right)",
        "bigo": r"\mathcal{{O}}\left({}\right)",
    },
    symbol=lambda name: _GREEK.sub(r"\\\1", name) if len(name) >= _SHORTEST_GREEK else name,
)


def to_text(node: ex.Node) -> str:
    """Canonical ASCII text: ``*``, ``floor(...)``, ``^``; the parser reads it back."""
    return _show(node, _TEXT)[0]


def to_unicode(node: ex.Node) -> str:
    """Readable Unicode math for a person (not meant to be parsed back, though the
    reader reads it)."""
    return _show(node, _UNICODE)[0]


def to_latex(node: ex.Node) -> str:
    return _show(node, _LATEX)[0]


def _overlap(args) -> bool:
    """max(0, k_a - s_a): the rows two neighbouring windows share along axis a."""
    if len(args) != 2 or ex.Num(0) not in args:
        return False
    other = args[1] if args[0] == ex.Num(0) else args[0]
    return any(other == ex.add(ex.sym(f"k_{a}"), ex.neg(ex.sym(f"s_{a}"))) for a in "hw")


def explanations(node: ex.Node) -> tuple[str, ...]:
    """Message ids explaining what a printed tree would leave a reader to guess: each
    ``max(0, …)`` (never printed unexplained, issue 10)."""
    found = []
    for part in ex.walk(node):
        if isinstance(part, ex.Max) and ex.Num(0) in part.parts:
            key = "reading.note.max_overlap" if _overlap(part.parts) else "reading.note.max_zero"
            if key not in found:
                found.append(key)
    return tuple(found)
