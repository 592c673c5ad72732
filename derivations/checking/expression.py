"""The checker's own expression tree: plain tuples, built from the parse tree (student
answers) or from SymPy (references), evaluated exactly and printed.

Nodes::

    ("num", int | Fraction)   ("sym", name)        ("neg", x)
    ("add", (x, ...))         ("mul", (x, ...))    ("div", x, y)
    ("pow", x, int)           ("floor", x)         ("ceil", x)
    ("max", (x, ...))         ("min", (x, ...))    ("bigo", x)

Exponents are whole-number constants (bounded): the tree has no symbolic powers.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["Node", "symbols_in", "kinds_in", "size", "depth", "walk", "add", "mul", "neg",
           "num", "sym", "div", "degree_bound"]

Node = tuple


def num(value) -> Node:
    value = Fraction(value)
    return ("num", value.numerator if value.denominator == 1 else value)


def sym(name: str) -> Node:
    return ("sym", name)


def neg(x: Node) -> Node:
    if x[0] == "num":
        return num(-x[1])
    if x[0] == "neg":
        return x[1]
    return ("neg", x)


def _flatten(kind: str, parts) -> Node:
    flat = []
    for part in parts:
        flat.extend(part[1] if part[0] == kind else (part,))
    return (kind, tuple(flat)) if len(flat) > 1 else flat[0]


def add(*parts: Node) -> Node:
    return _flatten("add", parts)


def mul(*parts: Node) -> Node:
    return _flatten("mul", parts)


def div(x: Node, y: Node) -> Node:
    return ("div", x, y)


def children(node: Node) -> tuple:
    kind = node[0]
    if kind in ("num", "sym"):
        return ()
    if kind in ("add", "mul", "max", "min"):
        return node[1]
    if kind == "div":
        return (node[1], node[2])
    return (node[1],)  # neg pow floor ceil bigo


def walk(node: Node):
    """Every node, iteratively (answers are bounded, but no recursion is needed)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(children(current))


def symbols_in(node: Node) -> frozenset:
    return frozenset(n[1] for n in walk(node) if n[0] == "sym")


def kinds_in(node: Node) -> frozenset:
    return frozenset(n[0] for n in walk(node))


def size(node: Node) -> int:
    return sum(1 for _ in walk(node))


def degree_bound(node: Node) -> int:
    """An upper bound of the polynomial degree (floors, max and division count as their
    parts): how much a SymPy expansion could blow up."""
    kind = node[0]
    if kind == "num":
        return 0
    if kind == "sym":
        return 1
    if kind == "add" or kind in ("max", "min"):
        return max(degree_bound(c) for c in node[1])
    if kind == "mul":
        return sum(degree_bound(c) for c in node[1])
    if kind == "div":
        return degree_bound(node[1]) + degree_bound(node[2])
    if kind == "pow":
        return degree_bound(node[1]) * abs(node[2])
    return degree_bound(node[1])


def depth(node: Node) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(current))
    return deepest
