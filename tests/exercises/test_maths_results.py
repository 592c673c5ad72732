"""The maths modules' results against independent oracles: plain-integer counting
written here from the definitions (an n-term sum costs n - 1 additions; an output size
is the number of window positions), brute-force dependency structure, NumPy."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from derivations.exercises.maths import blocks, doubling, equal_outputs, matmul, pointwise


def positions(size: int, kernel: int, total_padding: int, stride: int) -> int:
    """Window positions along one axis, counted one by one."""
    return len(range(0, size + total_padding - kernel + 1, stride))


def forward_counts(c_i, c_o, h, w, k_h, k_w, p_h, p_w, s_h=1, s_w=1, groups=1):
    """(mults, adds) of a convolution without bias from the definition: every output
    element is a sum of (c_i/groups) k_h k_w products."""
    outputs = c_o * positions(h, k_h, p_h, s_h) * positions(w, k_w, p_w, s_w)
    terms = (c_i // groups) * k_h * k_w
    return outputs * terms, outputs * (terms - 1)


# --- pointwise ---------------------------------------------------------------------------
def test_pointwise_fully_connected_counts_are_the_matrix_product():
    layer = pointwise.REDUCE
    product = pointwise.fully_connected(layer)
    pixels = layer.h * layer.w
    assert (product.mults, product.adds) == (
        layer.c_o * pixels * layer.c_i,
        layer.c_o * pixels * (layer.c_i - 1),
    )
    assert 0 <= product.difference <= 1e-12


def test_pointwise_numbers_from_window_positions():
    for row in pointwise.numbers():
        layer = row.layer
        m_h = positions(layer.h, 1, layer.p_h, layer.s_h)
        assert row.m_h == m_h
        mults, _ = forward_counts(
            layer.c_i, layer.c_o, layer.h, layer.w, 1, 1, layer.p_h, layer.p_w, layer.s_h, layer.s_w
        )
        assert row.mults == row.mults_executed == mults
    assert [row.m_h for row in pointwise.numbers()] == [56, 28, 58]


# --- doubling ----------------------------------------------------------------------------
def test_doubling_channel_rows_are_ratios_of_counted_operations():
    facts = doubling.channels()
    assert [row.channels for row in facts.rows] == list(doubling.CHANNEL_COUNTS)
    for row in facts.rows:
        c = row.channels
        before = sum(forward_counts(c, c, 56, 56, 3, 3, 2, 2))
        after = sum(forward_counts(2 * c, 2 * c, 56, 56, 3, 3, 2, 2))
        assert (row.before, row.after) == (before, after)
        assert row.ratio == row.executed_ratio == Fraction(after, before)
    # mults alone exactly 4, the exact count a little more, tending to 4
    assert facts.plain[doubling.Form.FORWARD_MULTS].ratio == 4
    assert facts.plain[doubling.Form.FORWARD_OPS].limit == 4


def test_doubling_padding_rows_in_both_readings():
    facts = doubling.padding()
    for row in facts.rows:
        layer = row.layer
        total, per_side = row.readings
        assert (total.padding_convention, per_side.padding_convention) == ("total", "per-side")
        for reading, scale in ((total, 1), (per_side, 2)):
            p = scale * layer.p_h
            assert reading.m_h == positions(layer.h, layer.k_h, p, layer.s_h)
            assert reading.m_h_doubled == positions(layer.h, layer.k_h, 2 * p, layer.s_h)
            args = (layer.c_i, layer.c_o, layer.h, layer.w, layer.k_h, layer.k_w)
            strides = (layer.s_h, layer.s_w)
            before, _ = forward_counts(*args, p, scale * layer.p_w, *strides)
            after, _ = forward_counts(*args, 2 * p, 2 * scale * layer.p_w, *strides)
            assert reading.ratio == Fraction(after, before)


def test_doubling_padding_step_at_a_point():
    step = doubling.padding().step
    from derivations.closed_forms import m_h, m_w
    from derivations.model import c_i, c_o, k_h, k_w

    point = {c_i: 3, c_o: 5, k_h: 3, k_w: 2, m_h: 7, m_w: 6, doubling.MH2: 9, doubling.MW2: 8}
    assert step.xreplace(point) == 3 * 5 * 3 * 2 * (9 * 8 - 7 * 6)


# --- blocks ------------------------------------------------------------------------------
def test_blocks_speed_rows_from_the_definition():
    speed = blocks.speed()
    c, size = blocks.CHANNELS, blocks.SIZE
    for row in speed.rows:
        per = c // row.groups
        assert row.forward_mults == c * per * size * size
        assert row.forward_adds == c * (per - 1) * size * size
        assert row.speedup == row.groups
    assert speed.adds_limit == blocks.b
    assert speed.matrix_gap <= 1e-12


def test_blocks_mixing_is_the_block_structure():
    mixing = blocks.mixing(8, 4)
    per = 8 // 4
    expected = np.array([[int(o // per == j // per) for j in range(8)] for o in range(8)])
    assert np.array_equal(mixing.one, expected)
    assert mixing.pairs == mixing.stacked_pairs == int(expected.sum()) == 16


def test_blocks_fixes_figures():
    fixes = blocks.fixes(9, 3)
    assert fixes.shuffled.tolist() == np.ones((9, 9), dtype=int).tolist()
    assert (fixes.pairs, fixes.shuffle_ops, fixes.moved) == (81, 0, 2 * 9 * 4 * 4)
    assert sp.simplify(fixes.two_grouped - 2 * blocks.c**2 / blocks.b) == 0
    c, size = blocks.CHANNELS, blocks.SIZE
    dense3, _ = forward_counts(c, c, size, size, 3, 3, 2, 2)
    assert fixes.dense_cost == dense3
    for groups, cost in fixes.mixed_costs:
        spatial, _ = forward_counts(c, c, size, size, 3, 3, 2, 2, groups=groups)
        assert cost == spatial + c * c * size * size


# --- matmul ------------------------------------------------------------------------------
def test_matmul_facts_against_numpy():
    facts = matmul.facts()
    layer, small = matmul.REALISTIC, matmul.SMALL
    mults, adds = forward_counts(layer.c_i, layer.c_o, layer.h, layer.w, 3, 3, 0, 0)
    assert (facts.mults_executed, facts.adds_executed) == (mults, adds)
    m = (layer.h - 2) * (layer.w - 2)
    assert facts.columns_elements == layer.c_i * 9 * m
    assert facts.input_elements == layer.c_i * layer.h * layer.w
    t = matmul.toeplitz(np.ones(small.weight_shape), small.h, small.w)
    assert facts.toeplitz_nonzeros == np.count_nonzero(t) == facts.im2col_mults
    assert facts.toeplitz_mults == t.size
    assert facts.book_equal == facts.book_y.size == 12


# --- equal_outputs -----------------------------------------------------------------------
def test_equal_outputs_facts_reproduce():
    facts = equal_outputs.facts(seeds=40)
    assert facts.same64 == 40
    assert facts.float32.entries == 40 * 18
    assert facts.float64.max_abs < facts.float32.max_abs  # float64 rounds far finer
    first = facts.first
    if first is not None:  # the float32 paths differ somewhere on these seeds
        x, k = equal_outputs.example(first.seed)
        y1, y2 = equal_outputs.book_pair(x, k)
        assert (float(y1[first.index]), float(y2[first.index])) == (first.y1, first.y2)
        assert first.y1 != first.y2


@pytest.mark.parametrize("seeds", [1, 7])
def test_equal_outputs_agreement_counts_are_bounded(seeds):
    facts = equal_outputs.facts(seeds=seeds)
    for count in (facts.chain_y1, facts.chain_y2, facts.fma_y1, facts.fma_y2):
        assert 0 <= count <= seeds
    # the left-to-right rounded chain is the loops' sum (Y2), exactly
    assert facts.chain_y2 == seeds
