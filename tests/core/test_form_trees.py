"""The closed forms as expression trees (what `cost` and `verify` evaluate, cached on
disk) against the SymPy forms (the oracle), over the sweep."""

import math
import random

import pytest
import sympy as sp

from derivations import closed_forms
from derivations.closed_forms import evaluate_all, forms, forms_for, m_h, m_w, trees, values
from derivations.expr import tree as ex
from derivations.expr.bridge import from_sympy
from derivations.expr.evaluate import compile_node
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
def test_form_trees_equal_the_sympy_forms_over_the_sweep(padding, bias):
    symbolic = forms(padding, bias)
    in_inputs = {key: compile_node(from_sympy(f.expr), math.inf) for key, f in symbolic.items()}
    layers = [
        layer.replace(padding_convention=padding, bias=bias)
        for layer in _sweep_layers(150, seed={"total": 1, "per-side": 2}[padding] + 10 * bias)
        if _fits(layer, padding)
    ]
    assert len(layers) > 100
    for layer in layers:
        computed = evaluate_all(layer)
        for key, f in symbolic.items():
            expected = _sympy_value(f.compact, layer)
            assert computed[key] == expected, (key, layer)
            assert in_inputs[key](values(layer)) == expected, (key, layer)  # floors too
            assert f.evaluate(layer) == expected


def _fits(layer: Layer, padding: str) -> bool:
    try:
        layer.replace(padding_convention=padding)
        return True
    except Exception:
        return False


def test_form_trees_are_exact_far_past_float_precision_and_the_checker_bound():
    big = 10**700 + 1  # products of several such sizes pass the checker's 4096 bits
    layer = Layer(c_i=big, c_o=3, h=big, w=5, k_h=3, k_w=2, p_h=2, s_h=7, bias=True)
    computed = evaluate_all(layer)
    for key, f in forms_for(layer).items():
        assert computed[key] == _sympy_value(f.compact, layer), key
        assert type(computed[key]) is int


def test_the_gcd_forms_evaluate_through_the_tree():
    # the dX additions need gcd(s, d) (the window cover): three forms in all
    with_gcd = [key for key, tree in trees().items() if ex.Gcd in ex.kinds_in(tree)]
    assert set(with_gcd) == {Form.BACKWARD_DX_ADDS, Form.BACKWARD_ADDS, Form.BACKWARD_OPS}
    layer = Layer(c_i=2, c_o=3, h=13, w=11, k_h=3, k_w=4, s_h=4, d_h=6, s_w=3, d_w=2)
    for key in with_gcd:
        assert evaluate_all(layer)[key] == _sympy_value(forms()[key].compact, layer)


def test_floor_and_ceiling_follow_python_floor_division_on_negatives():
    h, s = (
        sp.Symbol("h", integer=True, positive=True),
        sp.Symbol("s_h", integer=True, positive=True),
    )
    for expr, expected in (
        (sp.floor((h - 10) / s), (3 - 10) // 2),
        (sp.ceiling((h - 10) / s), -((10 - 3) // 2)),
    ):
        assert compile_node(from_sympy(expr), math.inf)({"h": 3, "s_h": 2}) == expected


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda p: p | {"forward_mults": ["sym", "k_1"]}, "symbol the model"),
        (lambda p: p | {"forward_mults": ["sym", "__import__"]}, "symbol"),
        (lambda p: p | {"forward_mults": ["call", ["sym", "h"]]}, "unknown kind"),
        (lambda p: p | {"forward_mults": ["num", "1.5"]}, "number"),
        (lambda p: p | {"forward_mults": ["pow", ["sym", "h"], 10**6]}, "exponent"),
        (lambda p: {k: v for k, v in p.items() if k != "forward_mults"}, "forms of this"),
        (lambda p: p | {"extra": ["num", "1"]}, "forms of this"),
        (lambda p: "h", "forms of this"),
    ],
)
def test_untrusted_cache_payloads_are_refused(change, reason):
    payload = {key.value: ex.to_data(tree) for key, tree in trees().items()}
    assert closed_forms._read_trees(payload) == trees()
    with pytest.raises(ValueError, match=reason):
        closed_forms._read_trees(change(payload))


def test_every_form_has_a_tree_for_both_paddings_and_biases():
    for padding in ("total", "per-side"):
        for bias in (False, True):
            assert set(trees(padding, bias)) == set(Form)
