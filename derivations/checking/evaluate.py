"""Exact evaluation of an expression tree: Python ints and Fractions, compiled once into
nested closures (a SymPy ``subs`` per point would be ~1000x slower).

Division by zero makes the value :class:`Undefined` at that point; any intermediate
value above :data:`.limits.MAX_BITS` bits raises :class:`InvalidAnswer` (an answer can
not make the checker compute a power tower).
"""

from __future__ import annotations

from fractions import Fraction

from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.limits import MAX_BITS

__all__ = ["Undefined", "compile_node", "floor_value", "ceil_value"]


class Undefined(ArithmeticError):
    """The expression divides by zero at this point."""


def _bounded(value):
    bits = (value.bit_length() if isinstance(value, int)
            else max(value.numerator.bit_length(), value.denominator.bit_length()))
    if bits > MAX_BITS:
        raise InvalidAnswer(f"a value in the answer exceeds {MAX_BITS} bits")
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


def _power(base, exponent: int):
    magnitude = abs(base) if isinstance(base, int) else max(abs(base.numerator), base.denominator)
    if magnitude > 1 and magnitude.bit_length() * abs(exponent) > MAX_BITS:
        raise InvalidAnswer(f"a value in the answer exceeds {MAX_BITS} bits")
    if exponent >= 0:
        return base ** exponent
    return _divide(1, base ** -exponent)


def _product(values):
    result = 1
    for value in values:
        result = _bounded(result * value)
    if isinstance(result, Fraction) and result.denominator == 1:
        return result.numerator
    return result


def _total(values):
    result = sum(values)
    if isinstance(result, Fraction) and result.denominator == 1:
        return result.numerator
    return result


def compile_node(node):
    """A function ``env -> value`` for one tree; ``env`` maps symbol names to ints."""
    kind = node[0]
    if kind == "num":
        value = node[1]
        return lambda env: value
    if kind == "sym":
        name = node[1]
        return lambda env: env[name]
    if kind in ("add", "mul", "max", "min"):
        parts = [compile_node(child) for child in node[1]]
        combine = {"add": _total, "mul": _product, "max": max, "min": min}[kind]
        return lambda env: combine([part(env) for part in parts])
    if kind == "neg":
        inner = compile_node(node[1])
        return lambda env: -inner(env)
    if kind == "div":
        top, bottom = compile_node(node[1]), compile_node(node[2])
        return lambda env: _divide(top(env), bottom(env))
    if kind == "pow":
        base, exponent = compile_node(node[1]), node[2]
        return lambda env: _power(base(env), exponent)
    if kind in ("floor", "ceil"):
        inner = compile_node(node[1])
        rounding = floor_value if kind == "floor" else ceil_value
        return lambda env: rounding(inner(env))
    if kind == "bigo":
        return compile_node(node[1])
    raise ValueError(f"not an expression node: {kind!r}")  # pragma: no cover


