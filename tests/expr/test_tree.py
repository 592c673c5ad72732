"""The typed expression tree: builders, structure, and its one serialization.

Every walker must handle every node class: the table below has one tree per class and
each walker (evaluate, render, SymPy, serialization) is run over all of them.
"""

from fractions import Fraction

import pytest
import sympy as sp

from derivations.expr import tree as ex
from derivations.expr.bridge import SYMPY_SYMBOLS, from_sympy, to_sympy
from derivations.expr.evaluate import Undefined, compile_node
from derivations.expr.printers import to_latex, to_text

h, w = ex.sym("h"), ex.sym("w")
ENV = {"h": 7, "w": 3}

# one tree per node class: (tree, value at ENV, text)
TREES = [
    (ex.num(3), 3, "3"),
    (ex.num(Fraction(1, 2)), Fraction(1, 2), "(1/2)"),
    (h, 7, "h"),
    (ex.neg(h), -7, "-h"),
    (ex.add(h, w, ex.num(1)), 11, "h + w + 1"),
    (ex.mul(h, w), 21, "h*w"),
    (ex.div(h, w), Fraction(7, 3), "h/w"),
    (ex.power(h, 2), 49, "h^2"),
    (ex.Floor(ex.div(h, w)), 2, "floor(h/w)"),
    (ex.Ceil(ex.div(h, w)), 3, "ceil(h/w)"),
    (ex.Max((h, w)), 7, "max(h, w)"),
    (ex.Min((h, w)), 3, "min(h, w)"),
    (ex.BigO(ex.mul(h, w)), 21, "O(h*w)"),
    (ex.Gcd(ex.mul(h, w), ex.num(6)), 3, "gcd(h*w, 6)"),
]


def test_the_table_covers_every_node_class():
    assert {type(tree) for tree, _, _ in TREES} == set(ex.NODE_CLASSES)


@pytest.mark.parametrize("tree, value, text", TREES, ids=[t for _, _, t in TREES])
def test_every_walker_handles_every_class(tree, value, text):
    assert compile_node(tree)(ENV) == value
    assert to_text(tree) == text
    assert to_latex(tree)
    assert ex.from_data(ex.to_data(tree)) == tree
    symbols = {SYMPY_SYMBOLS[name]: ENV[name] for name in ENV}
    assert to_sympy(tree).xreplace(symbols) == value
    assert ex.size(tree) >= 1 and ex.depth(tree) >= 1 and ex.degree_bound(tree) >= 0


@pytest.mark.parametrize(
    "build, expected",
    [
        (lambda: ex.add(ex.add(h, w), h), ex.Add((h, w, h))),
        (lambda: ex.mul(h, ex.mul(w, h)), ex.Mul((h, w, h))),
        (lambda: ex.add(h), h),
        (lambda: ex.neg(ex.neg(h)), h),
        (lambda: ex.neg(ex.num(2)), ex.Num(-2)),
        (lambda: ex.num(Fraction(4, 2)), ex.Num(2)),
    ],
)
def test_builders_flatten_and_fold(build, expected):
    assert build() == expected


def test_a_gcd_of_a_value_that_is_not_whole_is_undefined():
    with pytest.raises(Undefined):
        compile_node(ex.Gcd(ex.div(h, w), h))(ENV)


def test_nodes_are_frozen_and_hashable():
    tree = ex.mul(h, w)
    with pytest.raises(AttributeError):
        tree.parts = ()
    with pytest.raises(AttributeError):
        del tree.parts
    with pytest.raises(AttributeError):
        tree.extra = 1
    assert {tree: 1}[ex.mul(h, w)] == 1
    # equal by class and fields: a floor is not a ceiling of the same operand
    assert ex.Floor(h) != ex.Ceil(h) and ex.Floor(h) == ex.Floor(ex.sym("h"))
    assert hash(ex.Floor(ex.div(h, w))) == hash(ex.Floor(ex.div(ex.sym("h"), ex.sym("w"))))


def test_nodes_pickle_and_print_by_their_fields():
    import pickle

    tree = ex.add(ex.Gcd(h, ex.num(Fraction(1, 2))), ex.power(w, -2), ex.Max((h, w)))
    assert pickle.loads(pickle.dumps(tree)) == tree
    assert repr(ex.Div(h, w)) == "Div(a=Sym(name='h'), b=Sym(name='w'))"


@pytest.mark.parametrize(
    "tree, symbols, kinds",
    [
        (ex.Floor(ex.div(h, ex.num(2))), {"h"}, {ex.Floor, ex.Div, ex.Sym, ex.Num}),
        (ex.add(h, ex.neg(w)), {"h", "w"}, {ex.Add, ex.Neg, ex.Sym}),
    ],
)
def test_symbols_and_kinds(tree, symbols, kinds):
    assert ex.symbols_in(tree) == symbols
    assert ex.kinds_in(tree) == kinds


@pytest.mark.parametrize(
    "tree, expected",
    [
        (ex.add(*[ex.sym("h")] * 100), 2),  # a flat sum is one level
        (ex.mul(*[ex.sym("h")] * 100), 2),
        (ex.div(ex.div(ex.div(h, w), w), w), 2),  # a/b/c/d is written flat
        (ex.div(h, ex.div(w, ex.div(h, w))), 4),  # a/(b/(c/d)) is nested
        (ex.Floor(ex.Floor(h)), 3),
    ],
)
def test_depth_counts_nesting_as_written(tree, expected):
    assert ex.depth(tree) == expected


def test_a_sympy_reference_round_trips():
    c_i, k_h = SYMPY_SYMBOLS["c_i"], SYMPY_SYMBOLS["k_h"]
    expr = c_i * sp.floor((SYMPY_SYMBOLS["h"] - k_h) / 2) + sp.Rational(3, 4) * k_h**2
    tree = from_sympy(expr)
    assert sp.simplify(to_sympy(tree) - expr) == 0
    assert to_sympy(ex.from_data(ex.to_data(tree))) == to_sympy(tree)


BAD_DATA = [
    "h",
    [],
    ["sym"],
    ["sym", 3],
    ["sym", "h; rm"],
    ["nope", 1],
    ["num", "1e100000000"],
    ["num", "1" * 401],
    ["num", 3],
    ["num", "1/0"],  # a zero denominator is refused, not a ZeroDivisionError
    ["num", "1/00"],
    ["add", [["sym", "h"]]],
    ["add", "hw"],
    ["div", ["sym", "h"]],
    ["pow", ["sym", "h"], 2.0],
    ["pow", ["sym", "h"], 10**6],
    ["pow", ["sym", "h"], True],
    ["floor"],
    ["floor", ["sym", "h"], ["sym", "w"]],
]


@pytest.mark.parametrize("data", BAD_DATA, ids=repr)
def test_from_data_refuses_what_to_data_never_writes(data):
    with pytest.raises(ValueError):
        ex.from_data(data)


def test_from_data_refuses_deep_and_huge_trees():
    deep = ["sym", "h"]
    for _ in range(ex.MAX_DATA_DEPTH + 5):
        deep = ["floor", deep]
    with pytest.raises(ValueError):
        ex.from_data(deep)
    wide = ["add", [["sym", "h"]] * (ex.MAX_DATA_NODES + 5)]
    with pytest.raises(ValueError):
        ex.from_data(wide)
