"""The closed forms compiled to exact integer functions: Python ints, floor division and
nothing else at evaluation (no SymPy, no float).

A closed form (:mod:`derivations.closed_forms`, SymPy) becomes an *integer program*, a
small tree of plain JSON data:

``["int", 3]``, ``["sym", "c_i"]``, ``["add", [a, b, ...]]``, ``["mul", [a, b, ...]]``,
``["pow", a, 2]``, ``["fdiv", a, b]`` (floor of ``a / b``), ``["cdiv", a, b]`` (ceiling),
``["exact", a, b]`` (``a / b``, which divides exactly: a remainder is a derivation bug),
``["max", [a, ...]]``, ``["min", [a, ...]]``, ``["gcd", a, b]``.

Rational subexpressions are brought over one denominator (``sp.together``) so that every
division is an integer one.  A tree is turned into Python source from its validated
nodes only (kinds from the list above, names from the symbol registry, bounded integers),
compiled once; the trees of every form are cached on disk (:class:`.diskcache.DiskCache`,
keyed by the model's sources and the SymPy version), so a process whose cache is warm
evaluates forms without importing SymPy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from derivations.diskcache import DiskCache
from derivations.model import PADDINGS, Layer
from derivations.registry.forms import Form
from derivations.registry.symbols import SYMBOLS, Role

__all__ = [
    "IntegerForm",
    "integer_forms",
    "integer_forms_for",
    "evaluate_all",
    "tree_of",
    "function_of",
    "validate_tree",
    "arguments",
    "NAMES",
]

# argument order of every compiled function: the layer symbols, then m_h, m_w
NAMES = tuple(s.name for s in SYMBOLS if s.role in (Role.LAYER, Role.OUTPUT))
_FIELDS = tuple(s.attribute for s in SYMBOLS if s.role in (Role.LAYER, Role.OUTPUT))
_KINDS = {"int", "sym", "add", "mul", "pow", "fdiv", "cdiv", "exact", "max", "min", "gcd"}
_MAX_INT = 10**12  # coefficients of the closed forms are small integers
_MAX_NODES = 20_000
_MAX_DEPTH = 60

CACHE = DiskCache(
    "forms",
    sources=(
        "model.py",
        "closed_forms.py",
        "integer_forms.py",
        "diskcache.py",
        "registry/symbols.py",
        "registry/forms.py",
        "registry/counting.py",
        "messages/counting.yaml",
    ),
)


def arguments(layer: Layer) -> tuple[int, ...]:
    """The argument tuple of every compiled function at ``layer``."""
    return tuple(getattr(layer, name) for name in _FIELDS)


# --- SymPy -> tree (at derivation time only) ----------------------------------------------
def tree_of(expr) -> list:
    """The integer program of an integer-valued SymPy expression."""
    import sympy as sp

    numerator, denominator = sp.fraction(sp.together(expr))
    if denominator == 1:
        return _polynomial(numerator)
    return ["exact", _polynomial(numerator), _polynomial(denominator)]


def _polynomial(expr) -> list:
    """A tree for an expression with integer coefficients over integer atoms."""
    import sympy as sp

    from derivations.closed_forms import Gcd

    if expr.is_Integer:
        return ["int", int(expr)]
    if expr.is_Symbol:
        return ["sym", expr.name]
    if expr.is_Rational:  # a fraction left inside a product: over one denominator
        return tree_of(expr)
    if expr.is_Add:
        return ["add", [_polynomial(a) for a in expr.args]]
    if expr.is_Mul:
        if any(
            (a.is_Rational and not a.is_Integer) or (a.is_Pow and a.exp.is_negative)
            for a in expr.args
        ):
            return tree_of(expr)
        return ["mul", [_polynomial(a) for a in expr.args]]
    if expr.is_Pow and expr.exp.is_Integer and expr.exp > 0:
        return ["pow", _polynomial(expr.base), int(expr.exp)]
    if isinstance(expr, (sp.floor, sp.ceiling)):
        numerator, denominator = sp.fraction(sp.together(expr.args[0]))
        kind = "fdiv" if isinstance(expr, sp.floor) else "cdiv"
        return [kind, _polynomial(numerator), _polynomial(denominator)]
    if isinstance(expr, (sp.Max, sp.Min)):
        return ["max" if isinstance(expr, sp.Max) else "min", [tree_of(a) for a in expr.args]]
    if isinstance(expr, Gcd):
        return ["gcd", tree_of(expr.args[0]), tree_of(expr.args[1])]
    raise TypeError(f"no integer program for {type(expr).__name__}: {expr}")


# --- validation (a tree may come from a file) -----------------------------------------------
def validate_tree(tree, depth: int = 0, budget: list | None = None) -> list:
    """``tree`` if it is a well-formed integer program; ``ValueError`` otherwise."""
    budget = [_MAX_NODES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0 or depth > _MAX_DEPTH:
        raise ValueError("integer program too large")
    if not isinstance(tree, list) or not tree or tree[0] not in _KINDS:
        raise ValueError(f"not an integer program node: {str(tree)[:40]}")
    kind, rest = tree[0], tree[1:]

    def child(node):
        return validate_tree(node, depth + 1, budget)

    if kind == "int":
        if len(rest) != 1 or type(rest[0]) is not int or abs(rest[0]) > _MAX_INT:
            raise ValueError("bad integer node")
    elif kind == "sym":
        if len(rest) != 1 or rest[0] not in NAMES:
            raise ValueError(f"unknown symbol in integer program: {str(rest)[:40]}")
    elif kind in ("add", "mul", "max", "min"):
        if len(rest) != 1 or not isinstance(rest[0], list) or not rest[0]:
            raise ValueError(f"bad {kind} node")
        for node in rest[0]:
            child(node)
    elif kind == "pow":
        if len(rest) != 2 or type(rest[1]) is not int or not 1 <= rest[1] <= 8:
            raise ValueError("bad power node")
        child(rest[0])
    else:  # fdiv, cdiv, exact, gcd
        if len(rest) != 2:
            raise ValueError(f"bad {kind} node")
        child(rest[0])
        child(rest[1])
    return tree


# --- tree -> Python source -> function -------------------------------------------------------
def _source(tree) -> str:
    kind, rest = tree[0], tree[1:]
    if kind == "int":
        return f"({int(rest[0])})"
    if kind == "sym":
        return NAMES[NAMES.index(rest[0])]  # the registry's own string, not the file's
    if kind == "add":
        return "(" + " + ".join(map(_source, rest[0])) + ")"
    if kind == "mul":
        return "(" + " * ".join(map(_source, rest[0])) + ")"
    if kind == "pow":
        return f"({_source(rest[0])} ** {int(rest[1])})"
    if kind == "fdiv":
        return f"({_source(rest[0])} // {_source(rest[1])})"
    if kind == "cdiv":
        return f"(-((-{_source(rest[0])}) // {_source(rest[1])}))"
    if kind == "exact":
        return f"_exact({_source(rest[0])}, {_source(rest[1])})"
    if kind in ("max", "min"):
        return f"_{kind}(" + ", ".join(map(_source, rest[0])) + ")"
    if kind == "gcd":
        return f"_gcd({_source(rest[0])}, {_source(rest[1])})"
    raise ValueError(kind)  # pragma: no cover - validate_tree admits no other kind


def _exact(numerator: int, denominator: int) -> int:
    quotient, remainder = divmod(numerator, denominator)
    if remainder:  # pragma: no cover - an integer closed form divides exactly
        raise ArithmeticError(f"{numerator} / {denominator} is not an integer")
    return quotient


_NAMESPACE = {"__builtins__": {}, "_exact": _exact, "_gcd": math.gcd, "_max": max, "_min": min}


def function_of(tree) -> Callable[..., int]:
    """The compiled function of a validated tree, taking the :data:`NAMES` in order."""
    validate_tree(tree)
    source = f"lambda {', '.join(NAMES)}: {_source(tree)}"
    return eval(compile(source, "<integer form>", "eval"), dict(_NAMESPACE))


@dataclass(frozen=True)
class IntegerForm:
    key: Form
    tree: list
    function: Callable[..., int]

    def evaluate(self, layer: Layer) -> int:
        return self.function(*arguments(layer))


# --- the forms, cached on disk -------------------------------------------------------------
def _entry_name(padding: str, bias: bool) -> str:
    return f"{padding}-{'bias' if bias else 'no-bias'}"


def _validate_payload(payload) -> dict:
    if not isinstance(payload, dict) or set(payload) != {f.value for f in Form}:
        raise ValueError("not the forms of this model")
    return {key: validate_tree(tree) for key, tree in payload.items()}


def _derive(padding: str, bias: bool) -> dict:
    from derivations.closed_forms import forms

    return {key.value: tree_of(f.compact) for key, f in forms(padding, bias).items()}


@cache
def integer_forms(padding: str = "total", bias: bool = False) -> dict[Form, IntegerForm]:
    """Every closed form of one padding convention and bias as an integer function (from
    the disk cache when it holds a trusted entry, else derived and stored)."""
    if padding not in PADDINGS:
        from derivations.errors import DerivationError

        raise DerivationError(
            key="model.unknown_padding", value=repr(padding), known=", ".join(PADDINGS)
        )
    name = _entry_name(padding, bool(bias))
    trees = CACHE.load(name, _validate_payload)
    if trees is None:
        trees = _derive(padding, bool(bias))
        CACHE.store(name, trees)
    return {
        Form(key): IntegerForm(Form(key), tree, function_of(tree)) for key, tree in trees.items()
    }


def integer_forms_for(layer: Layer) -> dict[Form, IntegerForm]:
    """The integer forms that apply to ``layer`` (its padding convention and bias)."""
    return integer_forms(layer.padding_convention, layer.bias)


def evaluate_all(layer: Layer) -> dict[Form, int]:
    """Every closed form at ``layer``, in integers (no SymPy when the cache is warm)."""
    args = arguments(layer)
    return {key: f.function(*args) for key, f in integer_forms_for(layer).items()}
