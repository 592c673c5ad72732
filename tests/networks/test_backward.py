"""Backward counts of activations, norms, pooling, additions and concatenations.

Two oracles, neither of them our closed forms:

* execution: :mod:`tests.networks.backward` runs each backward on Counted arrays,
  whose counts come from the operations NumPy executed (per gradient: phases ``dx``,
  ``dw``, ``db``); the kinds' closed counts must equal them over many shapes;
* PyTorch autograd (float64): the executed backward's values must equal ``x.grad`` and
  the parameters' gradients, so what is counted is the real backward.

A test at the end breaks a closed form on purpose and checks the comparison notices.
"""

import numpy as np
import pytest

from derivations.counted import Counted, counting
from derivations.networks.kinds import (
    ACTIVATIONS,
    Activation,
    AdaptivePool,
    Add,
    BatchNorm,
    Concat,
    LayerNorm,
    Pool,
)
from tests.networks import backward as bw

RNG = np.random.default_rng(15)


def counted(shape, scale=1.0):
    return (scale * RNG.standard_normal(shape)).view(Counted)


def executed(run):
    """Run ``run()`` counted: its result and (mults, adds) per phase."""
    with counting() as count:
        result = run()
    phases = {k: (v.mults, v.adds) for k, v in count.phases.items()}
    outside = (count.mults, count.adds) != (
        sum(m for m, _ in phases.values()),
        sum(a for _, a in phases.values()),
    )
    assert not outside, "every counted operation belongs to a gradient's phase"
    return result, phases


def closed(gradient):
    return None if gradient is None else (gradient.mults, gradient.adds)


# --- closed == executed ------------------------------------------------------------------
ACTIVATION_SHAPES = [((7,), 1), ((2, 5, 5), 2), ((3, 4), 3)]


@pytest.mark.parametrize("function", ACTIVATIONS)
@pytest.mark.parametrize("shape, batch", ACTIVATION_SHAPES)
def test_activation_counts_equal_execution(function, shape, batch):
    cost = Activation(function=function).cost([shape], batch, grad=True)
    x, dy = counted((batch, *shape), 4.0), counted((batch, *shape))
    _, phases = executed(lambda: bw.activation_backward(function, x, dy))
    assert closed(cost.backward.input) == phases["dx"]
    assert cost.backward.input.other == bw.activation_derivative(function, x).size
    assert cost.backward.flops == 0
    assert Activation(function=function).cost([shape], batch).backward.input is None


BATCHNORM_SHAPES = [((4, 5, 2), 3), ((3,), 5), ((2, 3, 4, 5), 2), ((1, 1, 1), 1)]


@pytest.mark.parametrize("shape, batch", BATCHNORM_SHAPES)
@pytest.mark.parametrize("grad", [True, False])
def test_batchnorm_counts_equal_execution(shape, batch, grad):
    cost = BatchNorm().cost([shape], batch, grad=grad).backward
    x, dy = counted((batch, *shape)), counted((batch, *shape))
    axes = (0, *range(2, x.ndim))
    mean = np.asarray(x).mean(axis=axes).view(Counted)
    invstd = (1 / np.sqrt(np.asarray(x).var(axis=axes) + 1e-5)).view(Counted)
    gamma = counted(shape[:1])
    _, phases = executed(lambda: bw.batchnorm_backward(x, gamma, mean, invstd, dy, grad))
    assert closed(cost.input) == phases.get("dx")
    assert closed(cost.weight) == phases["dw"]
    assert closed(cost.bias) == phases["db"]


LAYERNORM_CASES = [((3, 2, 6), (6,), 2), ((2, 6), (2, 6), 3), ((5,), (5,), 1), ((4, 3), (3,), 1)]


@pytest.mark.parametrize("shape, normalized, batch", LAYERNORM_CASES)
@pytest.mark.parametrize("affine", [True, False])
@pytest.mark.parametrize("grad", [True, False])
def test_layernorm_counts_equal_execution(shape, normalized, batch, affine, grad):
    cost = LayerNorm(normalized=normalized, affine=affine).cost([shape], batch, grad).backward
    d = int(np.prod(normalized))
    x, dy = counted((batch, *shape)), counted((batch, *shape))
    rows = np.asarray(x).reshape(-1, d)
    mean = rows.mean(axis=1, keepdims=True).view(Counted)
    rstd = (1 / np.sqrt(rows.var(axis=1, keepdims=True) + 1e-5)).view(Counted)
    gamma = counted((d,)) if affine else None
    _, phases = executed(lambda: bw.layernorm_backward(x, gamma, mean, rstd, dy, d, grad))
    assert closed(cost.input) == phases.get("dx")
    assert closed(cost.weight) == phases.get("dw")
    assert closed(cost.bias) == phases.get("db")


# (function, kernel, stride, padding, ceil_mode, per-sample input shape, batch)
POOLS = [
    ("maxpool", (3, 3), (2, 2), (1, 1), False, (2, 7, 7), 1),  # overlapping (ResNet's)
    ("maxpool", (3, 3), (2, 2), (1, 1), True, (2, 8, 9), 2),  # ceil: clipped last windows
    ("maxpool", (2, 2), (2, 2), (0, 0), False, (3, 6, 4), 1),  # disjoint: no additions
    ("maxpool", (2, 3), (3, 1), (1, 0), True, (1, 7, 5), 1),  # gaps between windows
    ("avgpool", (2, 2), (2, 2), (0, 0), False, (2, 6, 6), 2),
    ("avgpool", (3, 3), (1, 1), (1, 1), False, (1, 5, 4), 1),
    ("avgpool", (3, 3), (2, 2), (1, 1), True, (2, 7, 6), 1),
    ("avgpool", (3, 2), (2, 3), (0, 1), True, (1, 8, 7), 1),
    ("maxpool", (3,), (2,), (1,), True, (2, 9), 3),  # 1-D
    ("avgpool", (2, 2, 2), (1, 1, 1), (1, 1, 1), False, (1, 3, 4, 4), 1),  # 3-D
    ("maxpool", (2, 3, 2), (2, 2, 1), (0, 1, 1), True, (2, 5, 4, 3), 1),
]


def _pool_windows(pool: Pool, shape, out):
    return [
        bw.pool_windows(n, k, s, p, o)
        for n, k, s, p, o in zip(shape[1:], pool.kernel, pool.stride, pool.padding, out[1:])
    ]


@pytest.mark.parametrize("function, kernel, stride, padding, ceil, shape, batch", POOLS)
def test_pool_counts_equal_execution(function, kernel, stride, padding, ceil, shape, batch):
    pool = Pool(function, kernel, stride, padding, ceil)
    cost = pool.cost([shape], batch, grad=True)
    windows = _pool_windows(pool, shape, cost.output)
    x, dy = counted((batch, *shape)), counted((batch, *cost.output))
    _, phases = executed(lambda: bw.pool_backward(x, dy, windows, padding, function == "maxpool"))
    assert closed(cost.backward.input) == phases["dx"]
    overlap = any(s < k for s, k in zip(stride, kernel))
    assert (cost.backward.input.adds > 0) == overlap  # the scatter adds only where windows meet


ADAPTIVE = [
    ("adaptive_avgpool", (3, 4), (3, 7, 6), 2),
    ("adaptive_maxpool", (3, 4), (2, 7, 6), 1),
    ("adaptive_avgpool", (7, 2), (1, 5, 5), 1),  # more cells than positions: overlap
    ("adaptive_maxpool", (1, 1), (2, 4, 3), 2),
    ("adaptive_avgpool", (4,), (2, 9), 1),
    ("adaptive_maxpool", (2, 3, 2), (1, 3, 5, 4), 1),
]


@pytest.mark.parametrize("function, out, shape, batch", ADAPTIVE)
def test_adaptive_pool_counts_equal_execution(function, out, shape, batch):
    pool = AdaptivePool(out=out, function=function)
    cost = pool.cost([shape], batch, grad=True)
    windows = [bw.adaptive_windows(n, o) for n, o in zip(shape[1:], out)]
    x, dy = counted((batch, *shape)), counted((batch, *cost.output))
    zero = (0,) * len(out)
    maximum = function == "adaptive_maxpool"
    _, phases = executed(lambda: bw.pool_backward(x, dy, windows, zero, maximum))
    assert closed(cost.backward.input) == phases["dx"]


def test_add_and_concat_backward_cost_nothing():
    dy = counted((2, 5, 3, 3))
    (parts, phases) = executed(lambda: bw.concat_backward(dy, [2, 3]))
    assert phases == {} and [p.shape[1] for p in parts] == [2, 3]
    assert closed(Concat().cost([(2, 3, 3), (3, 3, 3)], 2, True).backward.input) == (0, 0)
    (grads, phases) = executed(lambda: bw.add_backward(dy, 3))
    assert phases == {} and all(g is dy for g in grads)
    assert closed(Add().cost([(5, 3, 3)] * 3, 2, True).backward.input) == (0, 0)


# --- the executed backward is the real one (PyTorch autograd) -------------------------------


def _autograd(torch, module, x, dy):
    xt = torch.tensor(np.asarray(x), requires_grad=True)
    y = module(xt)
    y.backward(torch.tensor(np.asarray(dy)))
    return y.detach().numpy(), xt.grad.numpy()


TORCH_ACTIVATIONS = {
    "relu": "ReLU",
    "relu6": "ReLU6",
    "leaky_relu": "LeakyReLU",
    "elu": "ELU",
    "gelu": "GELU",
    "silu": "SiLU",
    "sigmoid": "Sigmoid",
    "tanh": "Tanh",
    "hardswish": "Hardswish",
    "hardsigmoid": "Hardsigmoid",
}


def test_every_activation_has_a_torch_counterpart():
    assert set(TORCH_ACTIVATIONS) == set(ACTIVATIONS)


@pytest.mark.parametrize("function", ACTIVATIONS)
def test_activation_backward_equals_autograd(torch, function):
    x, dy = counted((2, 3, 4, 5), 4.0), counted((2, 3, 4, 5))
    y, dx = _autograd(torch, getattr(torch.nn, TORCH_ACTIVATIONS[function])(), x, dy)
    np.testing.assert_allclose(bw.activation_forward(function, x), y, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(bw.activation_backward(function, x, dy), dx, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("shape", [(3, 4, 5, 2), (6, 3), (2, 2, 3, 2, 2)])
def test_batchnorm_backward_equals_autograd(torch, shape):
    x, dy, gamma = counted(shape), counted(shape), counted(shape[1:2])
    norm = getattr(torch.nn, f"BatchNorm{max(1, len(shape) - 2)}d")(shape[1]).double()
    norm.weight.data = torch.tensor(np.asarray(gamma))
    _, dx = _autograd(torch, norm, x, dy)  # training mode: batch statistics
    axes = (0, *range(2, len(shape)))
    mean = np.asarray(x).mean(axis=axes)
    invstd = 1 / np.sqrt(np.asarray(x).var(axis=axes) + norm.eps)
    ours = bw.batchnorm_backward(x, gamma, mean, invstd, dy)
    for got, want in zip(ours, (dx, norm.weight.grad.numpy(), norm.bias.grad.numpy())):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("shape, normalized", [((3, 2, 6), (6,)), ((2, 3, 4), (3, 4))])
@pytest.mark.parametrize("affine", [True, False])
def test_layernorm_backward_equals_autograd(torch, shape, normalized, affine):
    d = int(np.prod(normalized))
    x, dy = counted(shape), counted(shape)
    norm = torch.nn.LayerNorm(normalized, elementwise_affine=affine).double()
    gamma = None
    if affine:
        gamma = counted((d,))
        norm.weight.data = torch.tensor(np.asarray(gamma).reshape(normalized))
    _, dx = _autograd(torch, norm, x, dy)
    rows = np.asarray(x).reshape(-1, d)
    mean = rows.mean(axis=1, keepdims=True)
    rstd = 1 / np.sqrt(rows.var(axis=1, keepdims=True) + norm.eps)
    got_dx, dgamma, dbeta = bw.layernorm_backward(x, gamma, mean, rstd, dy, d)
    np.testing.assert_allclose(got_dx, dx, rtol=1e-10, atol=1e-12)
    if affine:
        np.testing.assert_allclose(dgamma, norm.weight.grad.numpy().reshape(-1), rtol=1e-10)
        np.testing.assert_allclose(dbeta, norm.bias.grad.numpy().reshape(-1), rtol=1e-10)


@pytest.mark.parametrize("function, kernel, stride, padding, ceil, shape, batch", POOLS)
def test_pool_backward_equals_autograd(
    torch, function, kernel, stride, padding, ceil, shape, batch
):
    pool = Pool(function, kernel, stride, padding, ceil)
    out = pool.cost([shape], batch).output
    dims = len(kernel)
    cls = getattr(torch.nn, f"{'Max' if function == 'maxpool' else 'Avg'}Pool{dims}d")
    module = cls(kernel, stride, padding, ceil_mode=ceil)
    x, dy = counted((batch, *shape)), counted((batch, *out))
    y, dx = _autograd(torch, module, x, dy)
    windows = _pool_windows(pool, shape, out)
    maximum = function == "maxpool"
    np.testing.assert_allclose(bw.pool_forward(x, windows, padding, maximum), y, rtol=1e-12)
    np.testing.assert_allclose(bw.pool_backward(x, dy, windows, padding, maximum), dx, rtol=1e-12)


@pytest.mark.parametrize("function, out, shape, batch", ADAPTIVE)
def test_adaptive_pool_backward_equals_autograd(torch, function, out, shape, batch):
    dims = len(out)
    kind = "Max" if function == "adaptive_maxpool" else "Avg"
    module = getattr(torch.nn, f"Adaptive{kind}Pool{dims}d")(out)
    x, dy = counted((batch, *shape)), counted((batch, shape[0], *out))
    y, dx = _autograd(torch, module, x, dy)
    windows = [bw.adaptive_windows(n, o) for n, o in zip(shape[1:], out)]
    zero, maximum = (0,) * dims, kind == "Max"
    np.testing.assert_allclose(bw.pool_forward(x, windows, zero, maximum), y, rtol=1e-12)
    np.testing.assert_allclose(bw.pool_backward(x, dy, windows, zero, maximum), dx, rtol=1e-12)


def test_flop_counter_counts_none_of_these_backwards(torch):
    """The kinds' backward FLOPs are 0 because FlopCounterMode counts nothing for them."""
    from torch.utils.flop_counter import FlopCounterMode

    nn = torch.nn
    model = nn.Sequential(
        nn.BatchNorm2d(3), nn.ReLU(), nn.MaxPool2d(3, 2, 1), nn.AvgPool2d(2), nn.GELU()
    )
    x = torch.randn(2, 3, 9, 9, requires_grad=True)
    with FlopCounterMode(display=False) as counter:
        model(x).sum().backward()
        y = nn.LayerNorm(9)(x) + nn.AdaptiveAvgPool2d(9)(x)
        torch.cat([y, y], dim=1).sum().backward()
    assert counter.get_total_flops() == 0


# --- the comparison can fail -------------------------------------------------------------
def test_a_wrong_closed_form_is_caught(monkeypatch):
    """Counting the scatter as if windows never overlapped breaks the equality."""
    from derivations.networks import kinds

    monkeypatch.setattr(kinds, "_covered", lambda padded, k, s, out, taps: taps)
    with pytest.raises(AssertionError):
        test_pool_counts_equal_execution(*POOLS[0])
