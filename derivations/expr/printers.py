"""Print an expression tree as canonical ASCII text (re-readable by the parser), as
readable Unicode math for the terminal (``⌊(h − k_h + p_h + s_h)/s_h⌋``, ``×``, ``k²``)
and as LaTeX, keeping the tree's own structure and order (SymPy would reorder and merge
terms; the echo shows how the answer was read;
:mod:`derivations.checking.explaining.present` puts a reference in the book's term order
first).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TypeGuard

from derivations.expr import tree as ex

__all__ = ["to_text", "to_unicode", "to_latex", "explanations"]

ATOM, POWER, PRODUCT, SUM = 5, 4, 2, 1


def _wrap(pair, minimum, left="(", right=")"):
    text, precedence = pair
    return f"{left}{text}{right}" if precedence < minimum else text


def _negative_constant(term: ex.Node) -> TypeGuard[ex.Num]:
    return isinstance(term, ex.Num) and term.value < 0


def _sum(terms, show, number, minus: str, left: str = "(", right: str = ")") -> str:
    """A sum in the printer ``show``: a negated term or a negative constant after the
    first is written with ``minus`` (``number`` prints the constant's magnitude)."""
    out = _wrap(show(terms[0]), SUM, left, right)
    for term in terms[1:]:
        if isinstance(term, ex.Neg):
            out += minus + _wrap(show(term.x), PRODUCT, left, right)
        elif _negative_constant(term):
            out += minus + number(-term.value)
        else:
            out += " + " + _wrap(show(term), PRODUCT, left, right)
    return out


def _text(node):
    match node:
        case ex.Num(value):
            if isinstance(value, Fraction):
                return f"({value})", ATOM
            return str(value), ATOM if value >= 0 else PRODUCT
        case ex.Sym(name):
            return name, ATOM
        case ex.Add(terms):
            return _sum(terms, _text, lambda n: _text(ex.num(n))[0], " - "), SUM
        case ex.Mul(factors):
            parts = [_wrap(_text(f), PRODUCT if i == 0 else POWER) for i, f in enumerate(factors)]
            return "*".join(parts), PRODUCT
        case ex.Div(top, bottom):
            return f"{_wrap(_text(top), PRODUCT)}/{_wrap(_text(bottom), POWER)}", PRODUCT
        case ex.Neg(x):
            return "-" + _wrap(_text(x), POWER), PRODUCT
        case ex.Pow(base, exponent):
            shown = exponent if exponent >= 0 else f"({exponent})"
            return f"{_wrap(_text(base), ATOM)}^{shown}", POWER
        case ex.Floor(x) | ex.Ceil(x):
            return f"{node.kind}({_text(x)[0]})", ATOM
        case ex.Max(args) | ex.Min(args):
            return f"{node.kind}({', '.join(_text(a)[0] for a in args)})", ATOM
        case ex.Gcd(a, b):
            return f"gcd({_text(a)[0]}, {_text(b)[0]})", ATOM
        case ex.BigO(x):
            return f"O({_text(x)[0]})", ATOM
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _unicode(node):
    match node:
        case ex.Num(value):
            if isinstance(value, Fraction):
                sign = "−" if value < 0 else ""
                return f"{sign}{abs(value.numerator)}/{value.denominator}", PRODUCT
            return (str(value), ATOM) if value >= 0 else (f"−{-value}", PRODUCT)
        case ex.Sym(name):
            return name, ATOM
        case ex.Add(terms):
            return _sum(terms, _unicode, lambda n: _unicode(ex.num(n))[0], " − "), SUM
        case ex.Mul(factors):
            parts = [
                _wrap(_unicode(f), PRODUCT if i == 0 else POWER) for i, f in enumerate(factors)
            ]
            return "×".join(parts), PRODUCT
        case ex.Div(top, bottom):
            return f"{_wrap(_unicode(top), POWER)}/{_wrap(_unicode(bottom), POWER)}", PRODUCT
        case ex.Neg(x):
            return "−" + _wrap(_unicode(x), POWER), PRODUCT
        case ex.Pow(base, exponent):
            return f"{_wrap(_unicode(base), ATOM)}{str(exponent).translate(_SUPERSCRIPT)}", POWER
        case ex.Floor(x):
            return f"⌊{_unicode(x)[0]}⌋", ATOM
        case ex.Ceil(x):
            return f"⌈{_unicode(x)[0]}⌉", ATOM
        case ex.Max(args) | ex.Min(args):
            return f"{node.kind}({', '.join(_unicode(a)[0] for a in args)})", ATOM
        case ex.Gcd(a, b):
            return f"gcd({_unicode(a)[0]}, {_unicode(b)[0]})", ATOM
        case ex.BigO(x):
            return f"O({_unicode(x)[0]})", ATOM
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover


def _latex_number(value):
    if isinstance(value, Fraction):
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}", PRODUCT
    return str(value), ATOM if value >= 0 else PRODUCT


def _latex(node):
    match node:
        case ex.Num(value):
            return _latex_number(value)
        case ex.Sym(name):
            return name, ATOM
        case ex.Add(terms):
            return _sum(
                terms, _latex, lambda n: _latex_number(n)[0], " - ", r"\left(", r"\right)"
            ), SUM
        case ex.Mul(factors):
            out = ""
            for index, factor in enumerate(factors):
                piece = _wrap(
                    _latex(factor), PRODUCT if index == 0 else POWER, r"\left(", r"\right)"
                )
                if index:
                    out += r" \cdot " if piece[:1].isdigit() or piece.startswith("-") else " "
                out += piece
            return out, PRODUCT
        case ex.Div(top, bottom):
            return rf"\frac{{{_latex(top)[0]}}}{{{_latex(bottom)[0]}}}", ATOM
        case ex.Neg(x):
            return "-" + _wrap(_latex(x), POWER, r"\left(", r"\right)"), PRODUCT
        case ex.Pow(base, exponent):
            shown = _wrap(_latex(base), ATOM, r"\left(", r"\right)")
            return f"{shown}^{{{exponent}}}", POWER
        case ex.Floor(x):
            return rf"\left\lfloor {_latex(x)[0]} \right\rfloor", ATOM
        case ex.Ceil(x):
            return rf"\left\lceil {_latex(x)[0]} \right\rceil", ATOM
        case ex.Max(args) | ex.Min(args):
            return rf"\{node.kind}\left({', '.join(_latex(a)[0] for a in args)}\right)", ATOM
        case ex.Gcd(a, b):
            return rf"\gcd\left({_latex(a)[0]}, {_latex(b)[0]}\right)", ATOM
        case ex.BigO(x):
            return rf"\mathcal{{O}}\left({_latex(x)[0]}\right)", ATOM
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover


def to_text(node: ex.Node) -> str:
    """Canonical ASCII text: ``*``, ``floor(...)``, ``^``; the parser reads it back."""
    return _text(node)[0]


def to_unicode(node: ex.Node) -> str:
    """Readable Unicode math for a person (not meant to be parsed back, though the
    reader reads it)."""
    return _unicode(node)[0]


def to_latex(node: ex.Node) -> str:
    return _latex(node)[0]


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
        if isinstance(part, ex.Max) and ex.Num(0) in part.args:
            key = "reading.note.max_overlap" if _overlap(part.args) else "reading.note.max_zero"
            if key not in found:
                found.append(key)
    return tuple(found)
