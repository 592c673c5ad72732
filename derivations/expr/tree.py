"""The expression tree: immutable nodes, built from the parse tree (student answers) or
from SymPy (references, trusted direction), evaluated exactly (:mod:`.evaluate`) and
printed (:mod:`derivations.expr.printers`).

Nodes (every walker dispatches on the node class with ``match``)::

    Num(int | Fraction)   Sym(name)           Neg(x)
    Add((x, ...))         Mul((x, ...))       Div(a, b): a/b
    Pow(base, int)        Floor(x)            Ceil(x)
    Max((x, ...))         Min((x, ...))       BigO(x)
    Gcd(a, b)

The nodes are plain classes with ``__slots__`` (cheaper to import than dataclasses): each
shape (one operand, two, several) is one base class with one ``__init__``, and every node
is immutable, equal by class and fields and hashed by its fields.  Exponents are whole-number constants (bounded): the tree has no symbolic powers.
``Add`` and ``Mul`` built by :func:`add` and :func:`mul` are flat (a sum of sums is one
sum).  :func:`to_data` and :func:`from_data` are the one serialization (JSON-able
lists, used by the store); :func:`from_data` validates what it reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from operator import attrgetter
from typing import Any, ClassVar, cast

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
    "with_children",
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


_set = object.__setattr__  # how ``__init__`` sets a field past the refusing __setattr__


class _Node:
    """What every node shares: its fields (``__match_args__``, read by :meth:`fields`)
    are set once, by ``__init__``; setting or deleting one raises ``AttributeError``.  A
    node equals a node of its class with equal fields, and hashes, prints and pickles by
    its fields.  ``kind`` is the class name in lower case."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]
    kind: ClassVar[str]
    _key: ClassVar[attrgetter[Any]]  # not a method: called with the node

    def __init_subclass__(cls) -> None:
        cls.kind = cls.__name__.lower()
        cls._key = attrgetter(*cls.__match_args__)  # the field, or a tuple of the fields

    def fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key(self) == self._key(other)

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __reduce__(self) -> tuple:
        return type(self), self.fields()

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.__match_args__, self.fields()))
        return f"{type(self).__name__}({shown})"


class Num(_Node):
    __slots__ = __match_args__ = ("value",)
    value: int | Fraction

    def __init__(self, value: int | Fraction) -> None:
        _set(self, "value", value)


class Sym(_Node):
    __slots__ = __match_args__ = ("name",)
    name: str

    def __init__(self, name: str) -> None:
        _set(self, "name", name)


class Pow(_Node):
    __slots__ = __match_args__ = ("base", "exponent")
    base: Node
    exponent: int

    def __init__(self, base: Node, exponent: int) -> None:
        _set(self, "base", base)
        _set(self, "exponent", exponent)


class _One(_Node):
    """A node of one operand, ``x``."""

    __slots__ = __match_args__ = ("x",)
    x: Node

    def __init__(self, x: Node) -> None:
        _set(self, "x", x)


class _Two(_Node):
    """A node of two operands, ``a`` and ``b``: ``a/b``, ``gcd(a, b)``."""

    __slots__ = __match_args__ = ("a", "b")
    a: Node
    b: Node

    def __init__(self, a: Node, b: Node) -> None:
        _set(self, "a", a)
        _set(self, "b", b)


class _Many(_Node):
    """A node of a tuple of two or more operands, ``parts``."""

    __slots__ = __match_args__ = ("parts",)
    parts: tuple[Node, ...]

    def __init__(self, parts: tuple[Node, ...]) -> None:
        _set(self, "parts", parts)


class Neg(_One):
    __slots__ = ()


class Floor(_One):
    __slots__ = ()


class Ceil(_One):
    __slots__ = ()


class BigO(_One):
    __slots__ = ()


class Div(_Two):
    __slots__ = ()


class Gcd(_Two):
    """The greatest common divisor of two whole numbers (the closed forms' window cover)."""

    __slots__ = ()


class Add(_Many):
    __slots__ = ()


class Mul(_Many):
    __slots__ = ()


class Max(_Many):
    __slots__ = ()


class Min(_Many):
    __slots__ = ()


Node = Num | Sym | Neg | Add | Mul | Div | Pow | Floor | Ceil | Max | Min | BigO | Gcd
NODE_CLASSES = (Num, Sym, Neg, Add, Mul, Div, Pow, Floor, Ceil, Max, Min, BigO, Gcd)
_BY_KIND: dict[str, type[_Node]] = {cls.kind: cls for cls in NODE_CLASSES}


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
    return _flat(Add, parts)


def mul(*parts: Node) -> Node:
    """The flat product of ``parts`` (one part: the part itself)."""
    return _flat(Mul, parts)


def _flat(cls: type[Add] | type[Mul], parts: tuple[Node, ...]) -> Node:
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.parts if type(part) is cls else (part,))
    return cls(tuple(flat)) if len(flat) > 1 else flat[0]


def div(x: Node, y: Node) -> Div:
    return Div(x, y)


def power(base: Node, exponent: int) -> Pow:
    return Pow(base, int(exponent))


# --- structure ---------------------------------------------------------------------------
def children(node: Node) -> tuple:
    """The direct sub-expressions of ``node``, left to right."""
    match node:
        case _Many():
            return node.parts
        case _One(x) | Pow(x, _):
            return (x,)
        case _Two(a, b):
            return (a, b)
        case Num() | Sym():
            return ()
    raise TypeError(f"not an expression node: {node!r}")


def with_children(node: Node, change: Callable[[Node], Node]) -> Node:
    """``node`` with ``change`` applied to each direct sub-expression (a leaf as it is),
    nothing flattened or folded (:func:`add`, :func:`neg`... do that)."""
    match node:
        case _Many(parts):
            return cast("Node", type(node)(tuple(map(change, parts))))
        case _One(x):
            return cast("Node", type(node)(change(x)))
        case Pow(base, exponent):
            return Pow(change(base), exponent)
        case _Two(a, b):
            return cast("Node", type(node)(change(a), change(b)))
    return node


def walk(node: Node):
    """Every node, iteratively (no recursion is needed)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(children(current))


def symbols_in(node: Node) -> frozenset:
    """The names of the symbols ``node`` uses (every node visited as :func:`walk` does,
    without a generator: this runs several times per checked answer)."""
    names, stack = set(), [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Sym):
            names.add(current.name)
        else:
            stack.extend(children(current))
    return frozenset(names)


def kinds_in(node: Node) -> frozenset:
    """The node classes occurring in ``node`` (``Floor in kinds_in(tree)``; visited as
    :func:`symbols_in` visits them)."""
    kinds, stack = set(), [node]
    while stack:
        current = stack.pop()
        kinds.add(type(current))
        stack.extend(children(current))
    return frozenset(kinds)


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
        case Mul() | Div():
            return sum(degree_bound(c) for c in children(node))
        case Pow(base, exponent):
            return degree_bound(base) * abs(exponent)
        case _Many() | Gcd():  # sums, max, min, gcd
            return max(degree_bound(c) for c in children(node))
        case _One(x):
            return degree_bound(x)
    raise TypeError(f"not an expression node: {node!r}")


def depth(node: Node) -> int:
    """How deeply ``node`` is nested as it is written: a flat sum or product is one
    level whatever its length, and so is a chain of products and divisions written
    without brackets (``a/b/c``, ``a*b/c*d``: each is the left operand of the next,
    nested in the tree only).  :func:`height` is the depth of the tree itself."""
    return _deepest(node, chains=True)


def height(node: Node) -> int:
    """The depth of the tree (what a recursive walker recurses), iteratively."""
    return _deepest(node, chains=False)


def _deepest(node: Node, chains: bool) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        parts = children(current)
        if (
            chains
            and isinstance(current, (Div, Mul))
            and isinstance(parts[0], (Div, Mul))
            and not (isinstance(current, Mul) and isinstance(parts[0], Mul))
        ):
            stack.append((parts[0], level))
            parts = parts[1:]
        stack.extend((child, level + 1) for child in parts)
    return deepest


# --- serialization -----------------------------------------------------------------------
MAX_DATA_DEPTH = 200  # nesting of a serialized tree (references are shallow)
MAX_DATA_NODES = 20_000  # nodes of one serialized tree
_NUMBER = re.compile(r"-?[0-9]{1,400}(?:/[1-9][0-9]{0,399})?")  # no zero denominator
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
        case _Many():
            return [node.kind, [to_data(c) for c in node.parts]]
        case Pow(base, exponent):
            return ["pow", to_data(base), exponent]
    return [node.kind, *map(to_data, children(node))]  # one or two operands


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
            # bounded digits: cheap; a whole number is read as an int (no Fraction made)
            return num(Fraction(rest[0])) if "/" in rest[0] else Num(int(rest[0]))
        if cls is Sym:
            if len(rest) != 1 or not isinstance(rest[0], str) or not _NAME.fullmatch(rest[0]):
                raise _bad(item, "symbol")
            return Sym(rest[0])
        if issubclass(cls, _Many):
            if len(rest) != 1 or not isinstance(rest[0], list) or len(rest[0]) < 2:
                raise _bad(item, "operands")
            return cls(tuple(read(c, level + 1) for c in rest[0]))
        if cls is Pow:
            if len(rest) != 2 or type(rest[1]) is not int or abs(rest[1]) > 4096:
                raise _bad(item, "exponent")
            return Pow(read(rest[0], level + 1), rest[1])
        if issubclass(cls, _Two) and len(rest) == 2:
            return cls(read(rest[0], level + 1), read(rest[1], level + 1))
        if issubclass(cls, _One) and len(rest) == 1:
            return cls(read(rest[0], level + 1))
        raise _bad(item, "operands")

    return read(data, 1)
