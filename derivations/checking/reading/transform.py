"""Parse tree (:mod:`.lalr`) -> expression tree, with the bounds of :mod:`.limits` enforced.

Exponents are folded to whole-number constants here (``9^9^9`` is refused before any
power is computed; within :func:`.lexer.held_read`, an exponent holding a held
parameter's mark is refused); a division by a constant zero (``c_i/0``, ``1/(2-2)``, ``0^-1``) is
refused where it is written; ``O(...)`` must enclose the whole answer.
"""

from __future__ import annotations

from fractions import Fraction
from typing import cast

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.lalr import Token, Tree
from derivations.checking.reading.lexer import held_reading, held_value
from derivations.checking.reading.limits import MAX_DEPTH, MAX_EXPONENT, MAX_HEIGHT
from derivations.expr import tree as ex
from derivations.expr.evaluate import Undefined, compile_node

__all__ = ["to_expression"]


def _first_column(item) -> int | None:
    stack = [item]
    while stack:
        current = stack.pop(0)
        if isinstance(current, Token):
            return current.start_pos
        stack[0:0] = current.children
    return None


_CHAINS = {"add", "sub", "mul", "div", "floordiv"}  # left-recursive: a+b+c is written flat


def _written_depth(tree: Tree) -> int:
    """Nesting of the parse tree as the answer is written: the left operand of a chain
    (``a + b + c``, ``a*b/c``) stays at its parent's level, so a flat sum of any length
    is not deep; signs (``---h``) and brackets each count."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH * 3:
            break
        kids = [c for c in current.children if isinstance(c, Tree)]
        for index, child in enumerate(kids):
            flat = index == 0 and current.data in _CHAINS and child.data in _CHAINS
            stack.append((child, level if flat else level + 1))
    return deepest


def _exponent(node: ex.Node, column) -> int:
    if held_reading() and any(held_value(part) is not None for part in ex.walk(node)):
        # (folded to a whole number, a held parameter's mark would leave no trace: its
        # place could not be checked, and d_h*(k_h - 1)^d_h passed as d_h*(k_h - 1), s15rev F19)
        raise refuse("exponent_held", column)
    if ex.symbols_in(node):
        raise refuse("exponent_symbolic", column, symbols=", ".join(sorted(ex.symbols_in(node))))
    try:
        value = compile_node(node)({})
    except Undefined:
        raise refuse("exponent_divides_by_zero", column) from None
    if Fraction(value).denominator != 1:
        raise refuse("exponent_not_whole", column, value=value)
    if abs(value) > MAX_EXPONENT:
        raise refuse("exponent_too_large", column, value=value, limit=MAX_EXPONENT)
    return int(value)


def _constant_zero(node: ex.Node) -> bool:
    if ex.symbols_in(node):
        return False
    try:
        return compile_node(node)({}) == 0
    except Undefined:  # pragma: no cover - an inner division is refused first
        return False


def _divide(top: ex.Node, bottom: ex.Node, column) -> ex.Node:
    if _constant_zero(bottom):
        raise refuse("division_by_zero", column)
    return ex.div(top, bottom)


def _power(base: ex.Node, exponent: int, column) -> ex.Node:
    if exponent < 0 and _constant_zero(base):
        raise refuse("zero_to_negative_power", column)
    return ex.power(base, exponent)


def _call(children, built) -> ex.Node:
    function = children[0]
    arguments = (
        [built[id(c)] for c in children[2].children if isinstance(c, Tree)]
        if isinstance(children[2], Tree) and children[2].data == "arguments"
        else [built[id(children[2])]]
    )
    name = str(function)
    if name in ("floor", "ceil", "O") and len(arguments) != 1:
        raise refuse("arity", function.start_pos, function=name, count=len(arguments))
    if name in _ONE_ARGUMENT:
        return _ONE_ARGUMENT[name](arguments[0])
    if len(arguments) == 1:
        return arguments[0]
    return (ex.Max if name == "max" else ex.Min)(tuple(arguments))


_ONE_ARGUMENT: dict[str, type[ex.Floor | ex.Ceil | ex.BigO]] = {
    "floor": ex.Floor,
    "ceil": ex.Ceil,
    "O": ex.BigO,
}


def _number(token: Token) -> ex.Node:
    written = str(token)
    if written.isascii() and written.isdigit():  # a whole number: as Fraction reads it
        return ex.num(int(written))
    return ex.num(Fraction(written))


def _column(kid: Token | Tree) -> int | None:
    """Where the operator token ``kid`` is (the grammar keeps every token:
    ``keep_all_tokens``, so an operator's child at its place is that token)."""
    return cast(Token, kid).start_pos


def _parts(kids: list, built: dict[int, ex.Node]) -> list[ex.Node]:
    """The expressions built for the subtrees among ``kids`` (tokens left out)."""
    return [built[id(c)] for c in kids if isinstance(c, Tree)]


def _sub(kids, built) -> ex.Node:
    parts = _parts(kids, built)
    return ex.add(parts[0], ex.neg(parts[1]))


def _div(kids, built) -> ex.Node:
    parts = _parts(kids, built)
    return _divide(parts[0], parts[1], _column(kids[1]))


def _div_frac(kids, built) -> ex.Node:
    parts = _parts(kids, built)
    return _divide(parts[0], parts[1], _column(kids[0]))


def _floordiv(kids, built) -> ex.Node:
    parts = _parts(kids, built)
    return ex.Floor(_divide(parts[0], parts[1], _column(kids[1])))


def _pow(kids, built) -> ex.Node:
    parts = _parts(kids, built)
    return _power(parts[0], _exponent(parts[1], _column(kids[1])), _column(kids[1]))


# each rule of the grammar: what it builds from its children (tokens and trees) and what
# was built for its subtrees; "arguments" builds nothing (read by _call)
_BUILDERS = {
    "call": _call,
    "arguments": lambda kids, built: None,
    "number": lambda kids, built: _number(cast(Token, kids[0])),  # one NUMBER token
    "symbol": lambda kids, built: ex.sym(str(kids[0])),
    "group": lambda kids, built: _parts(kids, built)[0],
    "pos": lambda kids, built: _parts(kids, built)[0],
    "start": lambda kids, built: _parts(kids, built)[0],
    "add": lambda kids, built: ex.add(*_parts(kids, built)),
    "sub": _sub,
    "mul": lambda kids, built: ex.mul(*_parts(kids, built)),
    "div": _div,
    "div_frac": _div_frac,
    "floordiv": _floordiv,
    "neg": lambda kids, built: ex.neg(_parts(kids, built)[0]),
    "pow": _pow,
    "floor": lambda kids, built: ex.Floor(_parts(kids, built)[0]),
    "ceil": lambda kids, built: ex.Ceil(_parts(kids, built)[0]),
}


def _node(tree: Tree, built: dict[int, ex.Node]) -> ex.Node | None:
    rule = tree.data if isinstance(tree.data, str) else str(tree.data)
    build = _BUILDERS.get(rule)
    if build is None:
        raise refuse("cannot_read", _first_column(tree))  # pragma: no cover
    return build(tree.children, built)


def _measures(root: ex.Node) -> tuple[int, int, int]:
    """(:func:`ex.depth`, :func:`ex.height`, how many ``O(...)``) of ``root``, in one
    walk instead of three (the reader's hot path)."""
    deepest = highest = big_o = 0
    stack = [(root, 1, 1)]
    while stack:
        current, level, tall = stack.pop()
        deepest, highest = max(deepest, level), max(highest, tall)
        big_o += isinstance(current, ex.BigO)
        parts = ex.children(current)
        if (
            isinstance(current, (ex.Div, ex.Mul))
            and isinstance(parts[0], (ex.Div, ex.Mul))
            and not (isinstance(current, ex.Mul) and isinstance(parts[0], ex.Mul))
        ):  # a chain's left operand stays at its level as written (ex.depth)
            stack.append((parts[0], level, tall + 1))
            parts = parts[1:]
        stack.extend((child, level + 1, tall + 1) for child in parts)
    return deepest, highest, big_o


def to_expression(tree: Tree) -> ex.Node:
    """Convert a parse tree (iteratively: the parse tree of a long flat sum is deep);
    raise :class:`InvalidAnswer` on nesting, exponents, arity, or a big-O that does not
    enclose the whole answer."""
    if _written_depth(tree) > MAX_DEPTH * 2:
        raise refuse("nested_too_deep", limit=MAX_DEPTH)
    built: dict[int, ex.Node] = {}
    order, stack = [], [tree]
    while stack:  # post-order without recursion
        current = stack.pop()
        order.append(current)
        stack.extend([c for c in current.children if isinstance(c, Tree)])
    for current in reversed(order):
        node = _node(current, built)
        if node is not None:  # an argument list builds nothing (read by _call)
            built[id(current)] = node
    root = built[id(tree)]
    depth, height, inner = _measures(root)
    if depth > MAX_DEPTH:
        raise refuse("nested_too_deep", limit=MAX_DEPTH)
    if height > MAX_HEIGHT:
        raise refuse("chain_too_long", limit=MAX_HEIGHT)
    if inner and (not isinstance(root, ex.BigO) or inner > 1):
        raise refuse("big_o_inside", _first_column(tree))
    return root
