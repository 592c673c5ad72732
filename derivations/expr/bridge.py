"""The one bridge between SymPy and the expression tree (trusted direction only: trees
built by the parser or from derived SymPy expressions, never text).

:func:`from_sympy` turns a derived SymPy expression (a closed form, a reference) into a
tree, :func:`to_sympy` a tree into SymPy for the checker's optional proofs; :class:`Gcd`
is the SymPy function the closed forms write ``gcd`` with (the tree's :class:`.tree.Gcd`).
"""

from __future__ import annotations

import math
import operator
from fractions import Fraction

import sympy as sp

from derivations.expr import tree as ex
from derivations.registry.symbols import sympy_symbols

__all__ = ["SYMPY_SYMBOLS", "Gcd", "to_sympy", "from_sympy"]

_positive = dict(integer=True, positive=True)
# the model's symbols (registry.symbols), plus the square-kernel names k, s, p
SYMPY_SYMBOLS = {
    **sympy_symbols(),
    "k": sp.Symbol("k", **_positive),
    "s": sp.Symbol("s", **_positive),
    "p": sp.Symbol("p", integer=True, nonnegative=True),
}
_NAMES = {symbol: name for name, symbol in SYMPY_SYMBOLS.items()}


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
        first, second = (printer._print(arg) for arg in self.args)
        return rf"\gcd({first}, {second})"


_SYMPY = {
    ex.Add: sp.Add,
    ex.Mul: sp.Mul,
    ex.Neg: operator.neg,
    ex.Div: operator.truediv,
    ex.Floor: sp.floor,
    ex.Ceil: sp.ceiling,
    ex.Max: sp.Max,
    ex.Min: sp.Min,
    ex.Gcd: Gcd,
    ex.BigO: lambda x: x,  # O(f) as f
}


def to_sympy(node: ex.Node) -> sp.Expr:
    """The tree as a SymPy expression (``O(f)`` as ``f``)."""
    match node:
        case ex.Num(value):
            value = Fraction(value)
            return sp.Rational(value.numerator, value.denominator)
        case ex.Sym(name):
            return SYMPY_SYMBOLS[name]
        case ex.Pow(base, exponent):
            return sp.Pow(to_sympy(base), exponent)
    parts = [to_sympy(part) for part in ex.children(node)]
    return _SYMPY[type(node)](*parts)


def from_sympy(expr: sp.Expr) -> ex.Node:
    """A SymPy expression (a closed form) as a tree."""
    if expr.is_Integer or expr.is_Rational:
        return ex.num(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Symbol:  # the model's by its registry name; another (a sheet's b, Delta) by its own
        return ex.sym(_NAMES.get(expr, expr.name))
    if expr.is_Add:
        return ex.add(*map(from_sympy, expr.args))
    if expr.is_Mul and expr.args[0].is_Rational and expr.args[0] < 0:
        return ex.neg(from_sympy(-expr))
    if expr.is_Mul:
        top: list[ex.Node] = []
        bottom: list[ex.Node] = []
        for factor in expr.args:
            if factor.is_Pow and factor.exp.is_Integer and factor.exp < 0:
                bottom.append(from_sympy(factor.base**-factor.exp))
            elif factor.is_Rational and factor.q != 1:
                top.append(ex.num(int(factor.p)))
                bottom.append(ex.num(int(factor.q)))
            else:
                top.append(from_sympy(factor))
        numerator = ex.mul(*top) if top else ex.num(1)
        return ex.div(numerator, ex.mul(*bottom)) if bottom else numerator
    if expr.is_Pow and expr.exp.is_Integer and expr.exp < 0:
        base = from_sympy(expr.base)
        return ex.div(ex.num(1), base if expr.exp == -1 else ex.power(base, -int(expr.exp)))
    if expr.is_Pow and expr.exp.is_Integer:
        return ex.power(from_sympy(expr.base), int(expr.exp))
    if isinstance(expr, sp.floor):
        return ex.Floor(from_sympy(expr.args[0]))
    if isinstance(expr, sp.ceiling):
        return ex.Ceil(from_sympy(expr.args[0]))
    if isinstance(expr, (sp.Max, sp.Min)):
        return (ex.Max if isinstance(expr, sp.Max) else ex.Min)(tuple(map(from_sympy, expr.args)))
    if isinstance(expr, Gcd):
        return ex.Gcd(from_sympy(expr.args[0]), from_sympy(expr.args[1]))
    raise ValueError(f"cannot convert {expr!r}")
