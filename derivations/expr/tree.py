"""The expression tree: frozen dataclass nodes, built from the parse tree (student
answers) or from SymPy (references, trusted direction), evaluated exactly
(:mod:`.evaluate`) and printed (:mod:`derivations.expr.printers`).

Nodes (every walker dispatches on the node class with ``match``)::

    Num(int | Fraction)   Sym(name)           Neg(x)
    Add((x, ...))         Mul((x, ...))       Div(top, bottom)
    Pow(base, int)        Floor(x)            Ceil(x)
    Max((x, ...))         Min((x, ...))       BigO(x)
    Gcd(a, b)

Exponents are whole-number constants (bounded): the tree has no symbolic powers.
``Add`` and ``Mul`` built by :func:`add` and :func:`mul` are flat (a sum of sums is one
sum).  :func:`to_data` and :func:`from_data` are the one serialization (JSON-able
lists, used by the catalogue's disk cache); :func:`from_data` validates what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import ClassVar, cast

__all__ = [
    "Node",
    "Num",
    "Sym",
    "Neg",
    "Add",
    "Mul",
    "Div",
    "Pow",
    "Floor",
    "Ceil",
    "Max",
    "Min",
    "BigO",
    "Gcd",
    "NODE_CLASSES",
    "num",
    "sym",
    "neg",
    "add",
    "mul",
    "div",
    "power",
    "children",
    "walk",
    "symbols_in",
    "kinds_in",
    "size",
    "depth",
    "height",
    "degree_bound",
    "to_data",
    "from_data",
    "MAX_DATA_DEPTH",
    "MAX_DATA_NODES",
]


@dataclass(frozen=True, slots=True)
class Num:
    value: int | Fraction
    kind: ClassVar[str] = "num"


@dataclass(frozen=True, slots=True)
class Sym:
    name: str
    kind: ClassVar[str] = "sym"


@dataclass(frozen=True, slots=True)
class Neg:
    x: Node
    kind: ClassVar[str] = "neg"


@dataclass(frozen=True, slots=True)
class Add:
    terms: tuple[Node, ...]
    kind: ClassVar[str] = "add"


@dataclass(frozen=True, slots=True)
class Mul:
    factors: tuple[Node, ...]
    kind: ClassVar[str] = "mul"


@dataclass(frozen=True, slots=True)
class Div:
    top: Node
    bottom: Node
    kind: ClassVar[str] = "div"


@dataclass(frozen=True, slots=True)
class Pow:
    base: Node
    exponent: int
    kind: ClassVar[str] = "pow"


@dataclass(frozen=True, slots=True)
class Floor:
    x: Node
    kind: ClassVar[str] = "floor"


@dataclass(frozen=True, slots=True)
class Ceil:
    x: Node
    kind: ClassVar[str] = "ceil"


@dataclass(frozen=True, slots=True)
class Max:
    args: tuple[Node, ...]
    kind: ClassVar[str] = "max"


@dataclass(frozen=True, slots=True)
class Min:
    args: tuple[Node, ...]
    kind: ClassVar[str] = "min"


@dataclass(frozen=True, slots=True)
class BigO:
    x: Node
    kind: ClassVar[str] = "bigo"


@dataclass(frozen=True, slots=True)
class Gcd:
    """The greatest common divisor of two whole numbers (the closed forms' window cover)."""

    a: Node
    b: Node
    kind: ClassVar[str] = "gcd"


Node = Num | Sym | Neg | Add | Mul | Div | Pow | Floor | Ceil | Max | Min | BigO | Gcd
NODE_CLASSES = (Num, Sym, Neg, Add, Mul, Div, Pow, Floor, Ceil, Max, Min, BigO, Gcd)
_BY_KIND = {cls.kind: cls for cls in NODE_CLASSES}


# --- builders ----------------------------------------------------------------------------
def num(value) -> Num:
    """A constant, stored as an int when it is whole."""
    value = Fraction(value)
    return Num(value.numerator if value.denominator == 1 else value)


def sym(name: str) -> Sym:
    return Sym(name)


def neg(x: Node) -> Node:
    """-x, folding constants and double negation."""
    match x:
        case Num(value):
            return num(-value)
        case Neg(inner):
            return inner
    return Neg(x)


def add(*parts: Node) -> Node:
    """The flat sum of ``parts`` (one part: the part itself)."""
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.terms if isinstance(part, Add) else (part,))
    return Add(tuple(flat)) if len(flat) > 1 else flat[0]


def mul(*parts: Node) -> Node:
    """The flat product of ``parts`` (one part: the part itself)."""
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.factors if isinstance(part, Mul) else (part,))
    return Mul(tuple(flat)) if len(flat) > 1 else flat[0]


def div(x: Node, y: Node) -> Div:
    return Div(x, y)


def power(base: Node, exponent: int) -> Pow:
    return Pow(base, int(exponent))


# --- structure ---------------------------------------------------------------------------
def children(node: Node) -> tuple:
    """The direct sub-expressions of ``node``, left to right."""
    match node:
        case Num() | Sym():
            return ()
        case Add(parts) | Mul(parts) | Max(parts) | Min(parts):
            return parts
        case Div(top, bottom) | Gcd(top, bottom):
            return (top, bottom)
        case Pow(base, _):
            return (base,)
        case Neg(x) | Floor(x) | Ceil(x) | BigO(x):
            return (x,)
    raise TypeError(f"not an expression node: {node!r}")


def walk(node: Node):
    """Every node, iteratively (no recursion is needed)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(children(current))


def symbols_in(node: Node) -> frozenset:
    """The names of the symbols ``node`` uses."""
    return frozenset(n.name for n in walk(node) if isinstance(n, Sym))


def kinds_in(node: Node) -> frozenset:
    """The node classes occurring in ``node`` (``Floor in kinds_in(tree)``)."""
    return frozenset(type(n) for n in walk(node))


def size(node: Node) -> int:
    return sum(1 for _ in walk(node))


def degree_bound(node: Node) -> int:
    """An upper bound of the polynomial degree (floors, max and division count as their
    parts): how much a SymPy expansion could blow up."""
    match node:
        case Num():
            return 0
        case Sym():
            return 1
        case Add(parts) | Max(parts) | Min(parts):
            return max(degree_bound(c) for c in parts)
        case Gcd(a, b):
            return max(degree_bound(a), degree_bound(b))
        case Mul(parts):
            return sum(degree_bound(c) for c in parts)
        case Div(top, bottom):
            return degree_bound(top) + degree_bound(bottom)
        case Pow(base, exponent):
            return degree_bound(base) * abs(exponent)
        case Neg(x) | Floor(x) | Ceil(x) | BigO(x):
            return degree_bound(x)
    raise TypeError(f"not an expression node: {node!r}")


def depth(node: Node) -> int:
    """How deeply ``node`` is nested as it is written: a flat sum or product is one
    level whatever its length, and so is a chain of products and divisions written
    without brackets (``a/b/c``, ``a*b/c*d``: each is the left operand of the next,
    nested in the tree only).  :func:`height` is the depth of the tree itself."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        parts = children(current)
        if (
            isinstance(current, (Div, Mul))
            and isinstance(parts[0], (Div, Mul))
            and not (isinstance(current, Mul) and isinstance(parts[0], Mul))
        ):
            stack.append((parts[0], level))
            parts = parts[1:]
        stack.extend((child, level + 1) for child in parts)
    return deepest


def height(node: Node) -> int:
    """The depth of the tree (what a recursive walker recurses), iteratively."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(current))
    return deepest


# --- serialization -----------------------------------------------------------------------
MAX_DATA_DEPTH = 200  # nesting of a serialized tree (references are shallow)
MAX_DATA_NODES = 20_000  # nodes of one serialized tree
_NUMBER = re.compile(r"-?[0-9]{1,400}(?:/[0-9]{1,400})?")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,15}")


def to_data(node: Node) -> list:
    """``node`` as nested JSON-able lists: ``["num", "3/2"]``, ``["sym", "c_i"]``,
    ``["add", [...]]``, ``["div", a, b]``, ``["pow", a, 2]``, ``["floor", a]``,
    ``["gcd", a, b]``..."""
    match node:
        case Num(value):
            return ["num", str(Fraction(value))]
        case Sym(name):
            return ["sym", name]
        case Add(parts) | Mul(parts) | Max(parts) | Min(parts):
            return [node.kind, [to_data(c) for c in parts]]
        case Div(top, bottom) | Gcd(top, bottom):
            return [node.kind, to_data(top), to_data(bottom)]
        case Pow(base, exponent):
            return ["pow", to_data(base), exponent]
        case Neg(x) | Floor(x) | Ceil(x) | BigO(x):
            return [node.kind, to_data(x)]
    raise TypeError(f"not an expression node: {node!r}")


def _bad(data, why: str) -> ValueError:
    shown = repr(data)
    return ValueError(
        f"not a serialized expression ({why}): {shown if len(shown) <= 60 else shown[:57] + '...'}"
    )


def from_data(data) -> Node:
    """The tree :func:`to_data` wrote; raise ``ValueError`` on anything else (wrong
    shape, unknown kind, a number that is not a bounded integer or fraction, an exponent
    out of range, nesting deeper than :data:`MAX_DATA_DEPTH` or more than
    :data:`MAX_DATA_NODES` nodes), so a file we did not write is never trusted."""
    count = [0]

    def read(item, level):
        count[0] += 1
        if level > MAX_DATA_DEPTH or count[0] > MAX_DATA_NODES:
            raise _bad(item, "too deep or too large")
        if not isinstance(item, list) or not item or not isinstance(item[0], str):
            raise _bad(item, "shape")
        kind, rest = item[0], item[1:]
        cls = _BY_KIND.get(kind)
        if cls is None:
            raise _bad(item, "unknown kind")
        if cls is Num:
            if len(rest) != 1 or not isinstance(rest[0], str) or not _NUMBER.fullmatch(rest[0]):
                raise _bad(item, "number")
            value = Fraction(rest[0])  # bounded digits: cheap
            return num(value)
        if cls is Sym:
            if len(rest) != 1 or not isinstance(rest[0], str) or not _NAME.fullmatch(rest[0]):
                raise _bad(item, "symbol")
            return Sym(rest[0])
        if cls in (Add, Mul, Max, Min):
            if len(rest) != 1 or not isinstance(rest[0], list) or len(rest[0]) < 2:
                raise _bad(item, "operands")
            return cls(tuple(read(c, level + 1) for c in rest[0]))
        if cls is Div or cls is Gcd:
            if len(rest) != 2:
                raise _bad(item, "operands")
            return cls(read(rest[0], level + 1), read(rest[1], level + 1))
        if cls is Pow:
            if len(rest) != 2 or type(rest[1]) is not int or abs(rest[1]) > 4096:
                raise _bad(item, "exponent")
            return Pow(read(rest[0], level + 1), rest[1])
        if len(rest) != 1:
            raise _bad(item, "operand")
        # every other kind returned above: a node of one operand is left
        unary = cast("type[Neg | Floor | Ceil | BigO]", cls)
        return unary(read(rest[0], level + 1))

    return read(data, 1)
