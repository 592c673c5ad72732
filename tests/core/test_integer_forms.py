"""The compiled integer forms against the SymPy forms (the oracle), over the sweep."""

import random

import pytest
import sympy as sp

from derivations.closed_forms import forms, forms_for, m_h, m_w
from derivations.integer_forms import (
    NAMES,
    arguments,
    evaluate_all,
    function_of,
    integer_forms,
    tree_of,
    validate_tree,
)
from derivations.model import Layer
from derivations.registry.forms import Form
from derivations.sweep import FEATURES, random_layer


def _sweep_layers(count: int, seed: int) -> list[Layer]:
    rng = random.Random(seed)
    return [
        random_layer(rng, FEATURES[i % len(FEATURES)] if i % 2 == 0 else None) for i in range(count)
    ]


def _sympy_value(expr: sp.Expr, layer: Layer) -> int:
    values = {sym: sp.Integer(v) for sym, v in layer.values().items()}
    values.update({m_h: sp.Integer(layer.m_h), m_w: sp.Integer(layer.m_w)})
    value = expr.xreplace(values)
    assert value.is_Integer, value
    return int(value)


@pytest.mark.parametrize("padding", ["total", "per-side"])
@pytest.mark.parametrize("bias", [False, True])
def test_compiled_forms_equal_the_sympy_forms_over_the_sweep(padding, bias):
    symbolic = forms(padding, bias)
    compiled = integer_forms(padding, bias)
    in_inputs = {key: function_of(tree_of(f.expr)) for key, f in symbolic.items()}
    layers = [
        layer.replace(padding_convention=padding, bias=bias)
        for layer in _sweep_layers(150, seed={"total": 1, "per-side": 2}[padding] + 10 * bias)
        if _fits(layer, padding)
    ]
    assert len(layers) > 100
    for layer in layers:
        args = arguments(layer)
        for key, f in symbolic.items():
            expected = _sympy_value(f.compact, layer)
            assert compiled[key].function(*args) == expected, (key, layer)
            assert in_inputs[key](*args) == expected, (key, layer)  # floors compiled too
            assert f.evaluate(layer) == expected


def _fits(layer: Layer, padding: str) -> bool:
    try:
        layer.replace(padding_convention=padding)
        return True
    except Exception:
        return False


def test_integer_forms_are_exact_far_past_float_precision():
    big = 10**30 + 1
    layer = Layer(c_i=big, c_o=3, h=big, w=5, k_h=3, k_w=2, p_h=2, s_h=7, bias=True)
    for key, f in forms_for(layer).items():
        assert evaluate_all(layer)[key] == _sympy_value(f.compact, layer), key


def test_tree_of_brings_fractions_over_one_denominator():
    c_i, g = (
        sp.Symbol("c_i", positive=True, integer=True),
        sp.Symbol("g", positive=True, integer=True),
    )
    tree = tree_of(c_i / g * 3)
    assert tree[0] == "exact"
    f = function_of(tree)
    values = dict.fromkeys(NAMES, 1) | {"c_i": 12, "g": 4}
    assert f(*(values[name] for name in NAMES)) == 9


def test_floor_and_ceiling_follow_python_floor_division_on_negatives():
    h, s = (
        sp.Symbol("h", integer=True, positive=True),
        sp.Symbol("s_h", integer=True, positive=True),
    )
    for expr, expected in (
        (sp.floor((h - 10) / s), (3 - 10) // 2),
        (sp.ceiling((h - 10) / s), -((10 - 3) // 2)),
    ):
        f = function_of(tree_of(expr))
        values = dict.fromkeys(NAMES, 1) | {"h": 3, "s_h": 2}
        assert f(*(values[name] for name in NAMES)) == expected


@pytest.mark.parametrize(
    "tree, reason",
    [
        (["sym", "__import__"], "unknown symbol"),
        (["sym", "os.system('x')"], "unknown symbol"),
        (["int", 1.5], "bad integer"),
        (["int", 10**40], "bad integer"),
        (["int", True], "bad integer"),
        (["call", ["sym", "h"]], "not an integer program"),
        (["add", []], "bad add"),
        (["pow", ["sym", "h"], 10**6], "bad power"),
        (["fdiv", ["sym", "h"]], "bad fdiv"),
        ("h", "not an integer program"),
    ],
)
def test_untrusted_trees_are_refused(tree, reason):
    with pytest.raises(ValueError, match=reason):
        validate_tree(tree)


def test_deep_or_huge_trees_are_refused():
    deep: list = ["sym", "h"]
    for _ in range(100):
        deep = ["add", [deep]]
    with pytest.raises(ValueError, match="too large"):
        validate_tree(deep)
    wide = ["add", [["int", 1]] * 30_000]
    with pytest.raises(ValueError, match="too large"):
        validate_tree(wide)


def test_every_form_compiles_for_both_paddings_and_biases():
    for padding in ("total", "per-side"):
        for bias in (False, True):
            assert set(integer_forms(padding, bias)) == set(Form)
