"""Exact evaluation of an expression tree: Python ints and Fractions, compiled once into
nested closures (a SymPy ``subs`` per point would be ~1000x slower).

Division by zero, or a gcd of a value that is not whole, makes the value
:class:`Undefined` at that point; any intermediate value above ``limit`` bits (by
default :data:`derivations.checking.reading.limits.MAX_BITS`) raises ``InvalidAnswer``
(an answer can not make the checker compute a power tower).  The closed forms are
evaluated without a limit (``limit=math.inf``): counts are exact at any size.
"""

from __future__ import annotations

import math
import operator
from fractions import Fraction
from operator import itemgetter

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.limits import MAX_BITS
from derivations.expr import tree as ex

__all__ = ["Undefined", "UNDEFINED", "compile_node", "floor_value", "ceil_value"]


class Undefined(ArithmeticError):
    """The expression divides by zero at this point."""


# the value kept where a compiled function raised Undefined (never equal to a number): one
# mark, so values kept by the deciding layer are read as they are by the explaining one
UNDEFINED = object()


def _bounded(value, limit):
    # values are exact ints or Fractions; ``type(...) is int`` skips the ABC machinery
    # that makes isinstance(value, Fraction) slow on the hot path
    bits = (
        value.bit_length()
        if type(value) is int
        else max(value.numerator.bit_length(), value.denominator.bit_length())
    )
    if bits > limit:
        raise refuse("value_too_large", limit=limit)
    return value


def _divide(a, b):
    if b == 0:
        raise Undefined("division by zero")
    if isinstance(a, int) and isinstance(b, int):
        quotient, remainder = divmod(a, b)
        return quotient if remainder == 0 else Fraction(a, b)
    value = Fraction(a) / Fraction(b)
    return value.numerator if value.denominator == 1 else value


def floor_value(x):
    return x if isinstance(x, int) else x.numerator // x.denominator


def ceil_value(x):
    return x if isinstance(x, int) else -((-x.numerator) // x.denominator)


def _power(base, exponent: int, limit):
    magnitude = abs(base) if isinstance(base, int) else max(abs(base.numerator), base.denominator)
    if magnitude > 1 and magnitude.bit_length() * abs(exponent) > limit:
        raise refuse("value_too_large", limit=limit)
    if exponent >= 0:
        return base**exponent
    return _divide(1, base**-exponent)


def _whole(value):
    """A Fraction with denominator 1 as its int; anything else as it is."""
    if type(value) is not int and value.denominator == 1:
        return value.numerator
    return value


def _product(values, limit):
    result = 1
    for value in values:
        result *= value
        # every partial product is bounded (_bounded, inlined for ints: the hot path)
        if type(result) is not int or result.bit_length() > limit:
            _bounded(result, limit)
    return _whole(result)


def _product_of_sizes(values, limit):
    """:func:`_product` of ints and Fractions (a layer's sizes, or any factors' values):
    one ``math.prod`` where it is a nonzero int within ``limit`` (each factor then a
    nonzero int: a Fraction factor would have made the product a Fraction; so no partial
    product is larger than it), else :func:`_product` (a zero, a fraction, or too large:
    it finds what to refuse)."""
    result = math.prod(values)
    if type(result) is int and result and result.bit_length() <= limit:
        return result
    return _product(values, limit)


def _unbounded_product(values, limit):
    return _whole(math.prod(values))


def _total(values, limit):
    return _whole(sum(values))


def _gcd(a, b):
    if type(a) is not int or type(b) is not int:
        raise Undefined("gcd of a value that is not whole")
    return math.gcd(a, b)


def _max(values, limit):
    return max(values)


def _min(values, limit):
    return min(values)


_COMBINE = {ex.Add: _total, ex.Mul: _product, ex.Max: _max, ex.Min: _min}
_UNBOUNDED = {**_COMBINE, ex.Mul: _unbounded_product}
_TWO = {ex.Div: _divide, ex.Gcd: _gcd}
_ONE = {ex.Neg: operator.neg, ex.Floor: floor_value, ex.Ceil: ceil_value}


def compile_node(node: ex.Node, limit: float = MAX_BITS):
    """A function ``env -> value`` for one tree; ``env`` maps symbol names to ints.
    A value of more than ``limit`` bits is refused (``math.inf``: none is)."""
    match node:
        case ex.Num(value):
            return lambda env: value
        case ex.Sym(name):
            return itemgetter(name)  # env[name], without a Python-level call
        case ex.Add(parts) | ex.Mul(parts) | ex.Max(parts) | ex.Min(parts):
            combine = (_COMBINE if limit < math.inf else _UNBOUNDED)[type(node)]
            symbols = [child.name for child in parts if isinstance(child, ex.Sym)]
            if len(parts) > 1 and len(symbols) == len(parts):
                # a product or sum of symbols (c_i c_o k_h k_w): all looked up at once
                names = itemgetter(*symbols)
                combine = _product_of_sizes if combine is _product else combine
                return lambda env: combine(names(env), limit)
            if isinstance(node, (ex.Add, ex.Mul)) and combine in (_total, _product):
                return _grouped(node, parts, limit)
            compiled = [compile_node(child, limit) for child in parts]
            # any bounded product: the one-step product's reasoning holds for ints and
            # Fractions alike (a Fraction factor makes the product a Fraction)
            combine = _product_of_sizes if combine is _product else combine
            return lambda env: combine([part(env) for part in compiled], limit)
        case ex.Div(first, second) | ex.Gcd(first, second):
            upper, lower, combine2 = (
                compile_node(first, limit),
                compile_node(second, limit),
                _TWO[type(node)],
            )
            return lambda env: combine2(upper(env), lower(env))
        case ex.Pow(base, exponent):
            compiled_base = compile_node(base, limit)
            return lambda env: _power(compiled_base(env), exponent, limit)
        case ex.Neg(x) | ex.Floor(x) | ex.Ceil(x):
            inner, apply = compile_node(x, limit), _ONE[type(node)]
            return lambda env: apply(inner(env))
        case ex.BigO(x):
            return compile_node(x, limit)
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover


def _grouped(node: ex.Add | ex.Mul, parts: tuple, limit: float):
    """A bounded sum or product of symbols, numbers and other terms (``2 c_i k_h k_w``,
    ``h - k_h + 1``) with its numbers combined once and its symbols (a sum's subtracted
    ones too) looked up at once; what :func:`compile_node` would compute part by part,
    exactly: a sum is exact in any order; a product is one ``math.prod`` where it is a
    nonzero int within ``limit`` (then no partial product is larger, in any order), else
    :func:`_product` of the parts in their written order (it finds what to refuse)."""
    numbers = [child.value for child in parts if isinstance(child, ex.Num)]
    names = [child.name for child in parts if isinstance(child, ex.Sym)]
    if isinstance(node, ex.Add):
        minus = [c.x.name for c in parts if isinstance(c, ex.Neg) and isinstance(c.x, ex.Sym)]
        rest = [
            c
            for c in parts
            if not isinstance(c, (ex.Num, ex.Sym))
            and not (isinstance(c, ex.Neg) and isinstance(c.x, ex.Sym))
        ]
        values = _values(names, [compile_node(c, limit) for c in rest])
        subtracted = _values(minus, []) if minus else None
        constant = sum(numbers)

        def total(env):
            value = sum(values(env), constant)
            if subtracted is not None:
                value -= sum(subtracted(env))
            return value if type(value) is int else _whole(value)

        return total
    written, others = [], []  # each part compiled once (a nested product: no blow-up)
    for child in parts:
        function = compile_node(child, limit)
        written.append(function)
        if not isinstance(child, (ex.Num, ex.Sym)):
            others.append(function)
    values = _values(names, others)
    constant = math.prod(numbers)

    def product(env):
        result = math.prod(values(env), start=constant)
        if type(result) is int and result and result.bit_length() <= limit:
            return result
        return _product([part(env) for part in written], limit)

    return product


def _values(names: list, others: list):
    """A function ``env -> the values of others (compiled terms), then of names`` (one
    lookup of all the names; the common shapes without a loop in Python)."""
    if not others:
        if len(names) > 1:
            return itemgetter(*names)
        return (lambda env: (env[names[0]],)) if names else (lambda env: ())
    if len(others) == 1 and not names:
        (only,) = others
        return lambda env: (only(env),)
    looked_up = itemgetter(*names) if len(names) > 1 else None

    def values(env) -> list:
        got = [part(env) for part in others]
        if looked_up is not None:
            got.extend(looked_up(env))
        elif names:
            got.append(env[names[0]])
        return got

    return values
