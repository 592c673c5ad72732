"""LaTeX in the book's notation for the exercise modules: SymPy expressions, integers
and ratios as KaTeX/MathJax- and xelatex-safe strings.  Pure string building, no I/O."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import sympy as sp

__all__ = [
    "tex",
    "unstacked",
    "matrix",
    "num",
    "sci",
    "decimal",
    "percent",
    "chain",
    "lines",
    "rows",
]

# Rows of an aligned block end the source line as well: short lines in the Markdown
# and LaTeX sources, the same rendering.
ROW_BREAK = " \\\\\n"


def tex(expr, inline: bool = False) -> str:
    """A SymPy expression (or number) as LaTeX in the project's term order
    (:func:`derivations.expr.order.book_order`: ``n c_o c_i h w k_h k_w m_h m_w``), printed
    by the one printer, :func:`derivations.expr.printers.to_latex`; the imaginary unit
    prints as ``i``, a matrix by :func:`matrix`.  A decimal (``sp.Float``, no terms to order) is SymPy's own digits.
    ``inline``: fractions on the line (:func:`unstacked`: ``9/2``), for running text and
    table cells, where a stacked fraction stretches its line."""
    from derivations.expr.bridge import from_sympy
    from derivations.expr.order import book_order
    from derivations.expr.printers import to_latex

    if isinstance(expr, sp.MatrixBase):
        return matrix(expr.tolist())
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Float):
        return sp.latex(expr)
    if expr.has(sp.I):
        expr = expr.subs(sp.I, sp.Symbol("i"))
    latex = to_latex(book_order(from_sympy(expr)))
    return unstacked(latex) if inline else latex


def _group(latex: str, start: int) -> int:
    """The index just past the brace group that opens at ``latex[start]``."""
    depth = 0
    for i in range(start, len(latex)):
        depth += {"{": 1, "}": -1}.get(latex[i], 0)
        if depth == 0:
            return i + 1
    raise ValueError(f"unbalanced braces in {latex!r}")


def _operand(latex: str, minimum: str) -> str:
    """A fraction's top or bottom on the line: bracketed when it is a sum (``minimum``
    "sum") or anything but one symbol or number (``minimum`` "atom": the bottom)."""
    top_level, depth = [], 0
    for i, ch in enumerate(latex):
        depth += {"{": 1, "}": -1, "(": 1, ")": -1}.get(ch, 0)
        if latex.startswith((r"\left", r"\right"), i):
            depth += 1 if latex.startswith(r"\left", i) else -1
        if depth == 0:
            top_level.append(ch)
    flat = "".join(top_level)
    atom = " " not in latex.strip() and "/" not in latex
    compound = (" + " in flat or " - " in flat) if minimum == "sum" else not atom
    return rf"\left({latex}\right)" if compound else latex


def unstacked(latex: str) -> str:
    """Every ``\\frac{a}{b}`` of :func:`tex`'s LaTeX written on the line, ``a/b``, the
    top bracketed when it is a sum, the bottom unless it is one symbol or number
    (``\\frac{k \\left(k - 1\\right)}{\\Delta}`` is ``k \\left(k - 1\\right)/\\Delta``,
    ``\\frac{9}{2}`` is ``9/2``)."""
    out, i = [], 0
    while (at := latex.find(r"\frac{", i)) >= 0:
        top_end = _group(latex, at + 5)
        bottom_end = _group(latex, top_end)
        top = unstacked(latex[at + 6 : top_end - 1])
        bottom = unstacked(latex[top_end + 1 : bottom_end - 1])
        out += [latex[i:at], _operand(top, "sum"), "/", _operand(bottom, "atom")]
        i = bottom_end
    return "".join(out) + latex[i:]


def matrix(entries) -> str:
    """A matrix (rows of numbers or expressions) as a bracketed LaTeX ``matrix``, each
    entry by :func:`tex`."""
    body = r" \\ ".join(" & ".join(tex(entry) for entry in row) for row in entries)
    return r"\left[\begin{matrix}" + body + r"\end{matrix}\right]"


def num(value: int) -> str:
    """An integer as every count of the sheets is printed (LaTeX, for inside $...$):
    thin-space digit groups from five digits on, ``26\\,843\\,545\\,600``; four digits or
    fewer ungrouped, ``1168`` (the SI and GB/T 15835 rule: one style in both languages,
    never commas beside thin spaces)."""
    sign, digits = ("-", str(-value)) if value < 0 else ("", str(value))
    if len(digits) <= 4:
        return sign + digits
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + r"\,".join(groups)


def sci(x: float, digits: int = 3) -> str:
    """``9.54 \\times 10^{-7}`` (LaTeX, for inside $...$): ``digits`` significant digits,
    plain when the exponent is between -3 and 2; never a program's ``9.54e-07``."""
    if x == 0:
        return "0"
    exponent = math.floor(math.log10(abs(x)))
    if -3 <= exponent <= 2:
        return f"{x:.{digits}g}"
    return f"{x / 10.0**exponent:.{digits}g} \\times 10^{{{exponent}}}"


def decimal(value: Fraction, places: int = 4) -> str:
    """A ratio as a rounded decimal (the exact fraction is shown beside it where it matters)."""
    return f"{float(value):.{places}f}"


def percent(value: Fraction, places: int = 1) -> str:
    """``after/before - 1`` as a percentage, escaped for LaTeX math: always ``places``
    decimals, rounded half up in decimal arithmetic (56.25 is 56.3, never the binary
    float's 56.2), so that every percentage of a table reads to the same precision."""
    exact = Decimal((value - 1).numerator * 100) / Decimal((value - 1).denominator)
    return f"{exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}" + r"\%"


def chain(*parts: str) -> str:
    """``a = b = c`` on one line (for short steps)."""
    return " = ".join(parts)


def lines(lhs: str, *steps: str) -> str:
    """A derivation broken one step per line (narrow screens): ``lhs &= step_1 \\\\ &= ...``,
    one source line per step too."""
    body = ROW_BREAK.join(("" if i else lhs) + " &= " + step for i, step in enumerate(steps))
    return r"\begin{aligned} " + body + r" \end{aligned}"


def rows(*pairs: tuple[str, str]) -> str:
    """Several equations, one per line, aligned at ``=``: ``rows((lhs, rhs), ...)``."""
    return (
        r"\begin{aligned} "
        + ROW_BREAK.join(f"{lhs} &= {rhs}" for lhs, rhs in pairs)
        + r" \end{aligned}"
    )
