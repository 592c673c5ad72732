"""Values of the vectorized convolution against the scalar loop and scipy.signal.correlate,
and the book's worked examples."""

import random

import numpy as np
import pytest
from scipy.signal import convolve, correlate

from derivations.conv import conv2d_backward, conv2d_forward
from derivations.execute import random_tensors, run_layer, run_loops
from derivations.model import Layer
from derivations.sweep import FEATURES, random_layer


def scipy_forward(x, weight, bias, L: Layer):
    """Independent oracle: per-channel scipy correlations, dilation by zero-stuffing the
    kernel, stride by subsampling the stride-1 result."""
    (top, bottom), (left, right) = L.padding_split("h"), L.padding_split("w")
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
    kh, kw = L.d_h * (L.k_h - 1) + 1, L.d_w * (L.k_w - 1) + 1
    dilated = np.zeros(weight.shape[:2] + (kh, kw))
    dilated[:, :, :: L.d_h, :: L.d_w] = weight
    cin_g, cout_g = L.c_i // L.groups, L.c_o // L.groups
    y = np.zeros(L.output_shape)
    for b in range(L.batch):
        for o in range(L.c_o):
            first = (o // cout_g) * cin_g
            full = sum(
                correlate(xp[b, first + c], dilated[o, c], mode="valid") for c in range(cin_g)
            )
            y[b, o] = full[:: L.s_h, :: L.s_w][: L.m_h, : L.m_w]
            if bias is not None:
                y[b, o] += bias[o]
    return y


def scipy_backward(x, weight, dy, L: Layer):
    """Independent oracle for dX and dW: dY zero-stuffed by the stride, the kernel by the
    dilation; dX_pad = sum_o convolve(dY_o, W_oc, full), dW = correlate(x_pad, dY, valid)."""
    (top, bottom), (left, right) = L.padding_split("h"), L.padding_split("w")
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
    up = np.zeros(dy.shape[:2] + ((L.m_h - 1) * L.s_h + 1, (L.m_w - 1) * L.s_w + 1))
    up[:, :, :: L.s_h, :: L.s_w] = dy
    kh, kw = L.d_h * (L.k_h - 1) + 1, L.d_w * (L.k_w - 1) + 1
    dilated = np.zeros(weight.shape[:2] + (kh, kw))
    dilated[:, :, :: L.d_h, :: L.d_w] = weight
    cin_g, cout_g = L.c_i // L.groups, L.c_o // L.groups
    dxp, dw = np.zeros_like(xp), np.zeros_like(weight)
    for b in range(L.batch):
        for o in range(L.c_o):
            first = (o // cout_g) * cin_g
            for c in range(cin_g):
                full = convolve(up[b, o], dilated[o, c], mode="full")
                dxp[b, first + c, : full.shape[0], : full.shape[1]] += full
                valid = correlate(xp[b, first + c], up[b, o], mode="valid")
                dw[o, c] += valid[:: L.d_h, :: L.d_w][: L.k_h, : L.k_w]
    return dxp[:, :, top : top + L.h, left : left + L.w], dw


LAYERS = [random_layer(random.Random(seed), FEATURES[seed % len(FEATURES)]) for seed in range(40)]


@pytest.mark.parametrize(
    "layer", LAYERS, ids=lambda L: f"{L.padding_convention}-g{L.groups}-s{L.s_h}"
)
def test_forward_equals_scipy(layer):
    x, weight, bias, _ = random_tensors(layer, seed=3)
    y, _ = conv2d_forward(x, weight, bias, layer)
    np.testing.assert_allclose(y, scipy_forward(x, weight, bias, layer), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    "layer", LAYERS, ids=lambda L: f"{L.padding_convention}-g{L.groups}-s{L.s_h}"
)
def test_gradients_equal_scipy(layer):
    x, weight, bias, dy = random_tensors(layer, seed=4)
    dx, dw, db = conv2d_backward(dy, conv2d_forward(x, weight, bias, layer)[1])
    want_dx, want_dw = scipy_backward(x, weight, dy, layer)
    np.testing.assert_allclose(dx, want_dx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dw, want_dw, rtol=1e-12, atol=1e-12)
    if layer.bias:
        np.testing.assert_allclose(db, dy.sum(axis=(0, 2, 3)), rtol=1e-12)


@pytest.mark.parametrize("layer", LAYERS[:20], ids=lambda L: f"{L.padding_convention}-d{L.d_h}")
def test_values_equal_the_loop_reference(layer):
    vec, loop = run_layer(layer, seed=5), run_loops(layer, seed=5)
    for name in ("y", "dx", "dw", "db"):
        a, b = getattr(vec, name), getattr(loop, name)
        if a is None:
            assert b is None and not layer.bias
        else:
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("layer", LAYERS[:12], ids=lambda L: f"{L.padding_convention}-s{L.s_w}")
def test_gradients_equal_finite_differences_of_a_linear_map(layer):
    # the layer is linear in x and in W: <dY, conv(x + e)> - <dY, conv(x)> = <dX, e> exactly
    x, weight, bias, dy = random_tensors(layer, seed=7)
    rng = np.random.default_rng(1)
    ex, ew = rng.standard_normal(x.shape), rng.standard_normal(weight.shape)
    dx, dw, _ = conv2d_backward(dy, conv2d_forward(x, weight, bias, layer)[1])
    base = conv2d_forward(x, weight, None, layer)[0]
    moved_x = conv2d_forward(x + ex, weight, None, layer)[0]
    moved_w = conv2d_forward(x, weight + ew, None, layer)[0]
    assert np.isclose(np.sum(dy * (moved_x - base)), np.sum(dx * ex), rtol=1e-9)
    assert np.isclose(np.sum(dy * (moved_w - base)), np.sum(dw * ew), rtol=1e-9)


def test_book_corr2d_example():
    # d2l "Convolutions for Images": X = arange(9).reshape(3, 3), K = [[0, 1], [2, 3]]
    layer = Layer(c_i=1, c_o=1, h=3, w=3, k_h=2, k_w=2)
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    k = np.array([[[[0.0, 1.0], [2.0, 3.0]]]])
    y, _ = conv2d_forward(x, k, None, layer)
    assert y[0, 0].tolist() == [[19.0, 25.0], [37.0, 43.0]]


def test_book_multi_input_example():
    # d2l "Multiple Input Channels": two channels, result [[56, 72], [104, 120]]
    layer = Layer(c_i=2, c_o=1, h=3, w=3, k_h=2, k_w=2)
    x = np.stack([np.arange(9.0), np.arange(1.0, 10.0)]).reshape(1, 2, 3, 3)
    k = np.array([[[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]]])
    y, _ = conv2d_forward(x, k, None, layer)
    assert y[0, 0].tolist() == [[56.0, 72.0], [104.0, 120.0]]


@pytest.mark.parametrize(
    "layer", LAYERS[:12], ids=lambda L: f"{L.padding_convention}-g{L.groups}-s{L.s_h}"
)
def test_forward_in_row_blocks_equals_scipy_and_counts_the_same(layer, monkeypatch):
    """A layer whose im2col matrix exceeds COLUMNS_BYTES runs by blocks of output rows
    (here: one row a block): the values still equal scipy's, and the executed counts
    equal those of the one-block run."""
    import derivations.conv as conv

    whole = run_layer(layer)
    monkeypatch.setattr(conv, "COLUMNS_BYTES", 1)
    blocks = conv._row_blocks(layer, layer.batch, 8)
    assert len(blocks) == layer.m_h and [r.start for r in blocks] == list(range(layer.m_h))
    x, weight, bias, _ = random_tensors(layer)
    y, _ = conv2d_forward(x, weight, bias, layer)
    assert np.allclose(y, scipy_forward(x, weight, bias, layer))
    assert run_layer(layer).counts == whole.counts


def test_forward_in_row_blocks_holds_its_output_once(monkeypatch):
    """By blocks of rows, each block's product goes into its rows of the output as it is
    made: what forward allocates at its peak is the output and one block, not the output
    twice (all its blocks, then their concatenation: 33 MB more at the book's layer, the
    docs build's peak RSS).  Measured by tracemalloc, which NumPy reports to."""
    import tracemalloc

    import derivations.conv as conv

    layer = Layer(c_i=1, c_o=64, h=64, w=64, k_h=3, k_w=3, p_h=2, p_w=2)
    x, weight, _, _ = random_tensors(layer)
    monkeypatch.setattr(conv, "COLUMNS_BYTES", layer.m_w * 9 * x.itemsize)  # a row a block
    assert len(conv._row_blocks(layer, 1, x.itemsize)) == layer.m_h
    tracemalloc.start()
    try:
        y, _ = conv2d_forward(x, weight, None, layer)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert y.nbytes <= peak < 1.5 * y.nbytes, (peak, y.nbytes)


def test_row_blocks_cover_every_output_row_once():
    import derivations.conv as conv

    layer = Layer(c_i=128, c_o=128, h=256, w=256, k_h=5, k_w=5, p_h=4, p_w=4)
    blocks = conv._row_blocks(layer, 1, 4)
    assert len(blocks) > 1
    assert [r for block in blocks for r in range(block.start, block.stop)] == list(range(256))
    assert all(
        (block.stop - block.start) * 256 * 128 * 25 * 4 <= conv.COLUMNS_BYTES for block in blocks
    )
    assert conv._row_blocks(Layer(3, 4, 8, 8, 3, 3), 2, 8) == [slice(0, 6)]


def test_a_forward_only_draw_is_the_same_tensors_without_dy():
    from derivations.execute import random_tensors

    layer = Layer(2, 3, 6, 5, 3, 3, bias=True)
    full = random_tensors(layer, 7, np.float32)
    forward = random_tensors(layer, 7, np.float32, output_gradient=False)
    assert forward[3] is None and full[3].shape == layer.output_shape
    assert all(np.array_equal(a, b) for a, b in zip(full[:3], forward[:3]))
