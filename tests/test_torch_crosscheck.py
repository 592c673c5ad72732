"""PyTorch as an independent witness for one convolution layer.

* values: our NumPy convolution (forward, dX, dW, db) equals ``F.conv2d`` + autograd in
  float64;
* counts: ``torch.utils.flop_counter.FlopCounterMode`` agrees with our executed and
  closed-form FLOPs for groups = 1; for groups > 1 its backward count is pinned at what
  PyTorch 2.13 really reports (the weight gradient g times too high), so a change in
  PyTorch shows up here;
* memory: what autograd saves for conv2d and ``nn.Conv2d``'s parameter count equal our
  closed forms.

Our ``total`` padding with an odd total is asymmetric (ceil(p/2) top/left, floor(p/2)
bottom/right, the book's); torch gets it through ``F.pad``.
"""

import importlib.util

import numpy as np
import pytest

from derivations.closed_forms import forms_for
from derivations.execute import random_tensors, run_layer
from derivations.model import Layer

HAS_TORCH = importlib.util.find_spec("torch") is not None


LAYERS = [
    Layer(3, 4, 7, 7, 3, 3),
    Layer(2, 3, 6, 7, 3, 2, p_h=1, p_w=3),  # odd total
    Layer(2, 3, 6, 5, 3, 3, p_h=1, p_w=2, padding_convention="per-side"),
    Layer(2, 4, 9, 8, 3, 3, p_h=2, p_w=2, s_h=2, s_w=3),  # stride
    Layer(2, 2, 9, 9, 2, 2, s_h=3, s_w=3),  # stride > kernel
    Layer(2, 3, 9, 9, 3, 3, p_h=2, p_w=2, d_h=2, d_w=3, padding_convention="per-side"),  # dilation
    Layer(4, 6, 6, 6, 3, 3, p_h=2, p_w=2, groups=2, bias=True),  # groups
    Layer(4, 4, 7, 7, 3, 3, p_h=1, p_w=1, groups=4, padding_convention="per-side"),  # depthwise
    Layer(3, 2, 5, 5, 3, 3, batch=3, bias=True),  # batch, bias
    Layer(5, 3, 4, 4, 1, 1),  # 1x1
    Layer(2, 3, 5, 5, 1, 1, p_h=1, p_w=1, s_h=2, s_w=2),  # 1x1 odd total
    Layer(1, 2, 6, 6, 5, 5, p_h=4, p_w=4),  # c_i = 1
    Layer(
        6, 9, 10, 11, 3, 2, p_h=3, p_w=1, s_h=2, s_w=1, d_h=2, d_w=1, groups=3, batch=2, bias=True
    ),
    Layer(
        6,
        12,
        8,
        8,
        3,
        3,
        p_h=1,
        p_w=1,
        s_h=2,
        s_w=2,
        groups=3,
        batch=2,
        padding_convention="per-side",
    ),
]
GROUPED = [layer for layer in LAYERS if layer.groups > 1]
UNGROUPED = [layer for layer in LAYERS if layer.groups == 1]


def _split(total: int) -> tuple[int, int]:
    """The book's split of a total padding: the larger half before."""
    return total - total // 2, total // 2


def _torch_conv(torch, layer: Layer, x, weight, bias, native_padding=False):
    """``F.conv2d`` on the layer; with ``native_padding`` torch pads itself (only
    possible when each side gets the same)."""
    F = torch.nn.functional
    if layer.padding_convention == "per-side":
        padding = (layer.p_h, layer.p_w)
    elif native_padding:
        assert layer.p_h % 2 == 0 and layer.p_w % 2 == 0
        padding = (layer.p_h // 2, layer.p_w // 2)
    else:
        (top, bottom), (left, right) = _split(layer.p_h), _split(layer.p_w)
        x = F.pad(x, (left, right, top, bottom))
        padding = 0
    return F.conv2d(
        x,
        weight,
        bias,
        stride=(layer.s_h, layer.s_w),
        padding=padding,
        dilation=(layer.d_h, layer.d_w),
        groups=layer.groups,
    )


def _leaves(torch, layer, seed, requires=("x", "w", "b")):
    x, weight, bias, dy = random_tensors(layer, seed, np.float64)

    def leaf(a, key):
        if a is None:
            return None
        return torch.tensor(a, dtype=torch.float64, requires_grad=key in requires)

    return leaf(x, "x"), leaf(weight, "w"), leaf(bias, "b"), torch.tensor(dy)


def _name(layer):
    return str(layer).removeprefix("Layer")


@pytest.mark.parametrize("layer", LAYERS, ids=_name)
def test_values_equal_autograd(torch, layer):
    ours = run_layer(layer, seed=7)
    x, weight, bias, dy = _leaves(torch, layer, seed=7)
    y = _torch_conv(torch, layer, x, weight, bias)
    y.backward(dy)
    close = dict(rtol=1e-11, atol=1e-12)
    assert ours.y.shape == tuple(y.shape) == layer.output_shape
    np.testing.assert_allclose(ours.y, y.detach().numpy(), **close)
    np.testing.assert_allclose(ours.dx, x.grad.numpy(), **close)
    np.testing.assert_allclose(ours.dw, weight.grad.numpy(), **close)
    if layer.bias:
        np.testing.assert_allclose(ours.db, bias.grad.numpy(), **close)
    else:
        assert ours.db is None and bias is None


def _flops(torch, layer, requires=("x", "w", "b")):
    """FlopCounterMode's (forward, backward) totals for one conv2d."""
    from torch.utils.flop_counter import FlopCounterMode

    x, weight, bias, dy = _leaves(torch, layer, seed=1, requires=requires)
    with FlopCounterMode(display=False) as forward:
        y = _torch_conv(torch, layer, x, weight, bias)
    with FlopCounterMode(display=False) as backward:
        y.backward(dy)
    return forward.get_total_flops(), backward.get_total_flops()


@pytest.mark.parametrize("layer", UNGROUPED, ids=_name)
def test_flops_equal_flop_counter(torch, layer):
    executed = run_layer(layer).counts
    closed = forms_for(layer)
    forward, backward = _flops(torch, layer)
    assert forward == executed["forward_flops"] == closed["forward_flops"].evaluate(layer)
    assert backward == executed["backward_flops"] == closed["backward_flops"].evaluate(layer)


@pytest.mark.parametrize("layer", GROUPED, ids=_name)
def test_grouped_backward_flops_pinned(torch, layer):
    """PyTorch 2.13 counts grad_weight of a grouped conv as a conv of x^T with dY^T
    without dividing by g (flop_counter.conv_backward_flop): g times what is executed.
    Forward and grad_input agree; ours stays the executed count."""
    executed = run_layer(layer).counts
    ours = forms_for(layer)["backward_flops"].evaluate(layer)
    assert ours == executed["backward_flops"]
    dx_flops, dw_flops = 2 * executed["backward_dx_mults"], 2 * executed["backward_dw_mults"]
    g = layer.groups
    forward, backward = _flops(torch, layer)
    assert forward == executed["forward_flops"]
    assert backward == ours + (g - 1) * dw_flops != ours
    assert _flops(torch, layer, requires=("x",))[1] == dx_flops
    assert _flops(torch, layer, requires=("w",))[1] == g * dw_flops


NATIVE = [
    layer
    for layer in LAYERS
    if layer.padding_convention == "per-side" or (layer.p_h % 2 == 0 and layer.p_w % 2 == 0)
]


@pytest.mark.parametrize("layer", NATIVE, ids=_name)
def test_saved_for_backward_equals_autograd(torch, layer):
    saved = []

    def pack(tensor):
        saved.append(tensor.numel())
        return tensor

    x, weight, bias, _ = _leaves(torch, layer, seed=2)
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        _torch_conv(torch, layer, x, weight, bias, native_padding=True)
    closed = forms_for(layer)["memory_saved_for_backward"].evaluate(layer)
    assert sum(saved) == closed == run_layer(layer).counts["memory_saved_for_backward"]


@pytest.mark.parametrize("layer", LAYERS, ids=_name)
def test_params_equal_nn_conv2d(torch, layer):
    module = torch.nn.Conv2d(
        layer.c_i, layer.c_o, (layer.k_h, layer.k_w), groups=layer.groups, bias=layer.bias
    )
    closed = forms_for(layer)["memory_params"].evaluate(layer)
    assert sum(p.numel() for p in module.parameters()) == closed
