"""A formula worked through its author's own numbers (issue 21): ``(h - k + 2p)/s + 1 =
(5 - 3 + 2)/1 + 1 = 5``.  Where a numeric side of the chain is the formula side with a
number in place of each of its letters (the same tree, :func:`_unified`), the numbers
put in are the author's layer, read without guessing which number is which: the
formula's value there is computed and every numeric side must equal it.  Where no
numeric side is the formula so written (``… = 4320``, ``(5-3)/1 + 1`` for a formula with
a padding), nothing is known of which number stands for which letter: None (the numbers
stay the author's own, not checked, as before).  Reading only: never evaluated as text;
the sides are read by the reader and computed on its trees.
"""

from __future__ import annotations

from fractions import Fraction

from derivations.expr import tree as ex
from derivations.records import record

__all__ = ["WorkedLayer", "worked_layer"]

_MAX_SIDES = 8  # sides of a chain looked at
_MAX_VALUE = 10**12  # a number put in for a letter at most (a layer's size or count)


@record(frozen=True)
class WorkedLayer:
    """The author's layer (each letter as read, its number), the formula's value there,
    and the numbers the answer says (each numeric side's value, in order)."""

    layer: tuple  # ((name, value), ...)
    value: Fraction
    said: tuple  # (Fraction, ...)

    @property
    def agrees(self) -> bool:
        return all(number == self.value for number in self.said)

    def shown(self) -> str:
        """The layer as ``h = 5, k = 3, …`` (a placeholder's mark away)."""
        return ", ".join(f"{name.lstrip('?')} = {_number(v)}" for name, v in self.layer)


def _number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(value)


def _bind(env: dict, name: str, value: Fraction) -> bool:
    if abs(value) > _MAX_VALUE or value.denominator != 1:
        return False
    if name in env:
        return env[name] == value
    env[name] = int(value)
    return True


def _unified(formula: ex.Node, numbers: ex.Node, env: dict) -> bool:
    """Whether ``numbers`` is ``formula`` with a number for each letter (the same number
    for the same letter), ``env`` filled with them: the same nodes in the same order; a
    letter subtracted may be a negative number (``5 - 3``: the reader's ``5 + (-3)``); a
    floor or a ceiling of the formula may be left out around its numbers."""
    match formula, numbers:
        case ex.Sym(name), ex.Num(value):
            return _bind(env, name, Fraction(value))
        case ex.Neg(ex.Sym(name)), ex.Num(value) if value < 0:
            return _bind(env, name, -Fraction(value))
        case ex.Num(a), ex.Num(b):
            return a == b
        case ex.Mul((ex.Num(factor), ex.Sym(name))), ex.Num(0) if factor:
            return _bind(env, name, Fraction(0))  # (2p as 0: p is 0)
        case (ex.Floor(inner), ex.Floor(other)) | (ex.Ceil(inner), ex.Ceil(other)):
            return _unified(inner, other, env)
        case ex.Floor(inner) | ex.Ceil(inner), _:
            return _unified(inner, numbers, env)
        case ex.Pow(base, exponent), ex.Pow(other, power):
            return exponent == power and _unified(base, other, env)
        case _ if type(formula) is type(numbers):
            mine, theirs = ex.children(formula), ex.children(numbers)
            return len(mine) == len(theirs) and all(
                _unified(a, b, env) for a, b in zip(mine, theirs, strict=True)
            )
    return False


def worked_layer(answer: str) -> WorkedLayer | None:
    """The author's layer of ``answer``'s chain (see the module's docstring), or None:
    no chain with a formula side and numeric sides after it, or no numeric side that
    is the formula with its letters numbered."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.parse import parse_answer
    from derivations.checking.reading.second_look import _CHAIN, _CLOSE, worked_values
    from derivations.checking.reading.second_look import _plain_side as plain_side
    from derivations.expr.evaluate import Undefined, compile_node

    worked = worked_values(answer)
    if not worked or any(value is None for _, value in worked):
        return None
    sides = [_CLOSE().sub("", side) for side in _CHAIN().split(answer)[:_MAX_SIDES]]
    written = {text.strip() for text, _ in worked}
    formula = None
    numeric: list[ex.Node] = []
    for side in sides:
        if side.strip() in written or plain_side(side).strip() in written:
            try:
                numeric.append(parse_answer(plain_side(side)).tree)
            except InvalidAnswer:
                continue
        elif not numeric:  # the last formula side before the numbers
            try:
                read = parse_answer(side)
            except InvalidAnswer:
                continue
            formula = read.tree if read.symbols else formula
    if formula is None:
        return None
    for numbers in numeric:
        env: dict = {}
        if not ex.symbols_in(numbers) and _unified(formula, numbers, env) and env:
            if set(env) != set(ex.symbols_in(formula)):
                continue
            try:
                value = Fraction(compile_node(formula)(env))
            except (Undefined, ArithmeticError, ValueError, KeyError):
                return None
            said = tuple(v for _, v in worked if v is not None)
            return WorkedLayer(tuple(env.items()), value, said)
    return None
