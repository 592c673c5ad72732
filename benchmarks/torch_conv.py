"""Our NumPy convolution (uncounted: plain arrays through :mod:`derivations.conv`) against
``torch.nn.functional.conv2d`` on the CPU: forward, and backward (dX and dW, as autograd
computes them through ``aten.convolution_backward``).  Target: within 3x of PyTorch."""

from __future__ import annotations

import importlib.util

import numpy as np

from benchmarks.core import BENCH_LAYER, _best
from derivations.conv import conv2d_backward, conv2d_forward
from derivations.execute import random_tensors

__all__ = ["run"]


def _torch_calls(torch, x, weight, dy, layer):
    """Forward and backward closures; the book's total padding p=2 is 1 per side."""
    tx, tw, tdy = (torch.from_numpy(a) for a in (x, weight, dy))
    padding = [layer.p_h // 2, layer.p_w // 2]
    assert layer.padding_convention == "total" and layer.p_h % 2 == 0 and layer.p_w % 2 == 0

    def forward():
        return torch.nn.functional.conv2d(tx, tw, padding=padding)

    def backward():
        return torch.ops.aten.convolution_backward(
            tdy, tx, tw, None, [1, 1], padding, [1, 1], False, [0, 0], 1, [True, True, False]
        )

    return forward, backward


def run(report) -> None:
    if importlib.util.find_spec("torch") is None:
        report(
            "numpy / torch conv2d",
            0.0,
            "x",
            "skipped: torch not installed (pip install -e .[torch])",
        )
        return
    import torch

    layer = BENCH_LAYER
    x, weight, _, dy = random_tensors(layer, seed=0, dtype=np.float32)
    _, saved = conv2d_forward(x, weight, None, layer)
    t_forward, t_backward = _torch_calls(torch, x, weight, dy, layer)
    with torch.no_grad():
        ours_f, theirs_f, ours_b, theirs_b = _best(
            lambda: conv2d_forward(x, weight, None, layer),
            t_forward,
            lambda: conv2d_backward(dy, saved),
            t_backward,
            repeat=60,
        )
    note = f"float32, torch threads {torch.get_num_threads()}"
    report("numpy forward (64->64, 56x56, 3x3, batch 1)", ours_f * 1e3, "ms", note)
    report("torch forward", theirs_f * 1e3, "ms")
    report("numpy / torch, forward", ours_f / theirs_f, "x", "target <= 3x")
    report("numpy backward (dX, dW)", ours_b * 1e3, "ms")
    report("torch backward (dX, dW)", theirs_b * 1e3, "ms")
    report("numpy / torch, backward", ours_b / theirs_b, "x", "target <= 3x")
