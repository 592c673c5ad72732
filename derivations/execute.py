"""Run a layer forward and backward on random data and report what was executed.

The figures come from the executed operations (:mod:`derivations.counting`) and from the
sizes of the arrays the run really holds, keyed like the closed forms so that the two
can be compared one to one.  MACs are the executed multiplications (each product is
accumulated); FLOPs follow torch's ``2 x MACs``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counting import Counted, OpCount, counting
from derivations.loops import loop_backward, loop_forward
from derivations.model import Layer

__all__ = ["Run", "random_tensors", "run_layer", "run_loops"]


@dataclass
class Run:
    layer: Layer
    y: np.ndarray
    dx: np.ndarray
    dw: np.ndarray
    db: np.ndarray | None
    counts: dict[str, int]


def random_tensors(layer: Layer, seed: int = 0, dtype=np.float64):
    """``x, weight, bias (or None), dy`` drawn from one seeded generator."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape).astype(dtype)
    weight = rng.standard_normal(layer.weight_shape).astype(dtype)
    bias = rng.standard_normal(layer.c_o).astype(dtype) if layer.bias else None
    dy = rng.standard_normal(layer.output_shape).astype(dtype)
    return x, weight, bias, dy


def _op_keys(prefix: str, count: OpCount) -> dict[str, int]:
    return {f"{prefix}_mults": count.mults, f"{prefix}_adds": count.adds}


def _derived_keys(counts: dict[str, int]) -> dict[str, int]:
    """Totals and MAC/FLOP figures from executed per-gradient counts."""
    c = dict(counts)
    c["forward_ops"] = c["forward_mults"] + c["forward_adds"]
    c["forward_macs"] = c["forward_mults"]
    c["forward_flops"] = 2 * c["forward_mults"]
    for kind in ("mults", "adds"):
        c[f"backward_{kind}"] = sum(c[f"backward_{g}_{kind}"] for g in ("dx", "dw", "db"))
    c["backward_ops"] = c["backward_mults"] + c["backward_adds"]
    c["backward_macs"] = c["backward_dx_mults"] + c["backward_dw_mults"]
    c["backward_flops"] = 2 * c["backward_macs"]
    return c


def _memory_keys(layer, x, weight, bias, y, saved_elements, dy, dx, dw, db) -> dict[str, int]:
    size = lambda a: 0 if a is None else int(a.size)  # noqa: E731
    params = size(weight) + size(bias)
    return {
        "memory_weights": size(weight), "memory_bias": size(bias), "memory_params": params,
        "memory_input": size(x), "memory_output": size(y),
        "memory_saved_for_backward": saved_elements,
        "memory_grad_dy": size(dy), "memory_grad_dx": size(dx), "memory_grad_dw": size(dw),
        "memory_grad_db": size(db),
        "memory_peak_forward": params + size(x) + size(y),
        "memory_peak_backward": params + saved_elements - size(weight) + size(dy) + size(dx)
        + size(dw) + size(db),
        "output_height": y.shape[2], "output_width": y.shape[3],
    }


def run_layer(layer: Layer, seed: int = 0, dtype=np.float64) -> Run:
    """The vectorized convolution on Counted arrays: values and executed counts."""
    x, weight, bias, dy = (None if a is None else a.view(Counted)
                           for a in random_tensors(layer, seed, dtype))
    with counting() as fwd:
        y, saved = conv2d_forward(x, weight, bias, layer)
    with counting() as back:
        dx, dw, db = conv2d_backward(dy, saved)
    per = {grad: back.phases.get(grad, OpCount()) for grad in ("dx", "dw", "db")}
    if per["dx"] + per["dw"] + per["db"] != back:  # pragma: no cover - counter bug
        raise AssertionError(f"backward phases {per} do not add up to {back}")
    counts = {**_op_keys("forward", fwd), **{k: v for g, c in per.items()
                                              for k, v in _op_keys(f"backward_{g}", c).items()}}
    counts = _derived_keys(counts)
    counts.update(_memory_keys(layer, x, weight, bias, y, saved.elements(), dy, dx, dw, db))
    plain = lambda a: None if a is None else np.asarray(a)  # noqa: E731
    return Run(layer, plain(y), plain(dx), plain(dw), plain(db), counts)


def run_loops(layer: Layer, seed: int = 0, dtype=np.float64) -> Run:
    """The scalar-loop witness: values and counts by incrementing."""
    x, weight, bias, dy = random_tensors(layer, seed, dtype)
    y, fwd = loop_forward(x, weight, bias, layer)
    dx, dw, db, back = loop_backward(x, weight, dy, layer)
    counts = {**_op_keys("forward", fwd),
              **{k: v for g, c in back.items() for k, v in _op_keys(f"backward_{g}", c).items()}}
    counts = _derived_keys(counts)
    counts.update(output_height=y.shape[2], output_width=y.shape[3])
    return Run(layer, y, dx, dw, db, counts)
