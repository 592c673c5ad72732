"""Print an expression tree as canonical text and as LaTeX, keeping the student's own
structure (SymPy would reorder and merge terms; the echo shows how the answer was read).
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["to_text", "to_latex"]

ATOM, POWER, PRODUCT, SUM = 5, 4, 2, 1


def _wrap(pair, minimum, left="(", right=")"):
    text, precedence = pair
    return f"{left}{text}{right}" if precedence < minimum else text


def _text(node):
    kind = node[0]
    if kind == "num":
        value = node[1]
        if isinstance(value, Fraction):
            return f"({value})", ATOM
        return str(value), ATOM if value >= 0 else PRODUCT
    if kind == "sym":
        return node[1], ATOM
    if kind == "add":
        out = _wrap(_text(node[1][0]), SUM)
        for term in node[1][1:]:
            if term[0] == "neg":
                out += " - " + _wrap(_text(term[1]), PRODUCT)
            elif term[0] == "num" and term[1] < 0:
                out += " - " + _text(("num", -term[1]))[0]
            else:
                out += " + " + _wrap(_text(term), PRODUCT)
        return out, SUM
    if kind == "mul":
        parts = [_wrap(_text(f), PRODUCT if i == 0 else POWER) for i, f in enumerate(node[1])]
        return "*".join(parts), PRODUCT
    if kind == "div":
        return f"{_wrap(_text(node[1]), PRODUCT)}/{_wrap(_text(node[2]), POWER)}", PRODUCT
    if kind == "neg":
        return "-" + _wrap(_text(node[1]), POWER), PRODUCT
    if kind == "pow":
        exponent = node[2] if node[2] >= 0 else f"({node[2]})"
        return f"{_wrap(_text(node[1]), ATOM)}^{exponent}", POWER
    if kind in ("floor", "ceil"):
        return f"{kind}({_text(node[1])[0]})", ATOM
    if kind in ("max", "min"):
        return f"{kind}({', '.join(_text(a)[0] for a in node[1])})", ATOM
    if kind == "bigo":
        return f"O({_text(node[1])[0]})", ATOM
    raise ValueError(kind)  # pragma: no cover


def _latex_number(value):
    if isinstance(value, Fraction):
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}", PRODUCT
    return str(value), ATOM if value >= 0 else PRODUCT


def _latex(node):
    kind = node[0]
    if kind == "num":
        return _latex_number(node[1])
    if kind == "sym":
        return node[1], ATOM
    if kind == "add":
        out = _wrap(_latex(node[1][0]), SUM, r"\left(", r"\right)")
        for term in node[1][1:]:
            if term[0] == "neg":
                out += " - " + _wrap(_latex(term[1]), PRODUCT, r"\left(", r"\right)")
            elif term[0] == "num" and term[1] < 0:
                out += " - " + _latex_number(-term[1])[0]
            else:
                out += " + " + _wrap(_latex(term), PRODUCT, r"\left(", r"\right)")
        return out, SUM
    if kind == "mul":
        out = ""
        for index, factor in enumerate(node[1]):
            piece = _wrap(_latex(factor), PRODUCT if index == 0 else POWER,
                          r"\left(", r"\right)")
            if index:
                out += r" \cdot " if piece[:1].isdigit() or piece.startswith("-") else " "
            out += piece
        return out, PRODUCT
    if kind == "div":
        return rf"\frac{{{_latex(node[1])[0]}}}{{{_latex(node[2])[0]}}}", ATOM
    if kind == "neg":
        return "-" + _wrap(_latex(node[1]), POWER, r"\left(", r"\right)"), PRODUCT
    if kind == "pow":
        base = _wrap(_latex(node[1]), ATOM, r"\left(", r"\right)")
        return f"{base}^{{{node[2]}}}", POWER
    if kind == "floor":
        return rf"\left\lfloor {_latex(node[1])[0]} \right\rfloor", ATOM
    if kind == "ceil":
        return rf"\left\lceil {_latex(node[1])[0]} \right\rceil", ATOM
    if kind in ("max", "min"):
        return rf"\{kind}\left({', '.join(_latex(a)[0] for a in node[1])}\right)", ATOM
    if kind == "bigo":
        return rf"\mathcal{{O}}\left({_latex(node[1])[0]}\right)", ATOM
    raise ValueError(kind)  # pragma: no cover


def to_text(node) -> str:
    return _text(node)[0]


def to_latex(node) -> str:
    return _latex(node)[0]
