"""Every closed form equals the executed count: vectorized, loop witness, exactly."""

import random

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.closed_forms import evaluate_all, forms, window_cover
from derivations.errors import DerivationError
from derivations.execute import run_layer, run_loops
from derivations.expr.bridge import Gcd
from derivations.model import Layer
from derivations.sweep import FEATURES, random_layer, sweep


@settings(max_examples=150, derandomize=True, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), feature=st.sampled_from((None,) + FEATURES))
def test_closed_forms_equal_vectorized_counts(seed, feature):
    layer = random_layer(random.Random(seed), feature)
    executed = run_layer(layer, seed=seed % 1000).counts
    assert {k: executed[k] for k in evaluate_all(layer)} == evaluate_all(layer)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), feature=st.sampled_from(FEATURES))
def test_loop_vectorized_and_closed_form_agree(seed, feature):
    layer = random_layer(random.Random(seed), feature)
    loop = run_loops(layer).counts
    vec = run_layer(layer).counts
    closed = evaluate_all(layer)
    for key, value in loop.items():
        assert value == vec[key] == closed[key], key


def test_window_cover_by_brute_force():
    for m in range(1, 7):
        for k in range(1, 6):
            for s in range(1, 6):
                for d in range(1, 5):
                    taps = {y * s + j * d for y in range(m) for j in range(k)}
                    assert window_cover(m, k, s, d) == len(taps), (m, k, s, d)


def test_gcd_stays_symbolic_and_evaluates_on_integers():
    s, d = sp.symbols("s d", positive=True, integer=True)
    assert isinstance(Gcd(s, d), Gcd) and Gcd(12, 18) == 6 and Gcd(s, 1) == 1
    assert sp.latex(Gcd(s, d)) == r"\gcd(s, d)"


# hand-worked: c_i=2, c_o=3, 4x4 input, 3x3 kernel, no padding -> 2x2 output
HAND = Layer(c_i=2, c_o=3, h=4, w=4, k_h=3, k_w=3)
HAND_COUNTS = {
    "forward_mults": 3 * 4 * 18,  # 12 outputs, 18 products each
    "forward_adds": 3 * 4 * 17,  # 18-term sums
    "backward_dw_adds": 3 * 18 * 3,  # 54 weights, 4-term sums
    "backward_dx_mults": 3 * 4 * 18,
    "memory_saved_for_backward": 32 + 54,
}


@pytest.mark.parametrize("key, expected", HAND_COUNTS.items())
def test_hand_worked_counts(key, expected):
    assert forms()[key].evaluate(HAND) == expected


def test_bias_adds_one_addition_per_output():
    with_bias = evaluate_all(HAND.replace(bias=True))
    without = evaluate_all(HAND)
    assert with_bias["forward_adds"] - without["forward_adds"] == 12
    assert with_bias["forward_flops"] == without["forward_flops"]  # torch ignores bias


def test_macs_and_flops_by_hand():
    # HAND: 216 forward products; backward one product each for dX and dW per forward
    # product (432); torch's flop counter: 2 FLOPs per product, bias ignored
    v = evaluate_all(HAND.replace(bias=True))
    assert (v["forward_macs"], v["forward_flops"]) == (216, 432)
    assert (v["backward_macs"], v["backward_flops"]) == (432, 864)
    assert v["forward_ops"] == 216 + 3 * 4 * 18  # 17 adds per sum, +1 for the bias


def test_unknown_convention_is_refused():
    with pytest.raises(DerivationError, match="'middle'"):
        forms("middle")


def test_short_sweep_meets_every_feature_and_matches():
    report = sweep(60, seed=11, loop_every=20)
    assert report.ok
    assert all(report.features.get(name) for name in FEATURES)
