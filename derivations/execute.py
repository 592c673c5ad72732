"""Run a layer forward and backward on random data and report what was executed.

The figures come from the executed operations (:mod:`derivations.counted`) and from the
sizes of the arrays the run really holds, keyed like the closed forms so that the two
can be compared one to one.  MACs are the executed multiplications (each product is
accumulated); FLOPs follow torch's ``2 x MACs``.  Composite figures (operations, MACs,
FLOPs, totals, parameters, peaks) are computed from the executed parts by the one
definition in :mod:`derivations.registry.forms`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counted import Counted, OpCount, counting
from derivations.loops import loop_backward, loop_forward
from derivations.model import Layer
from derivations.registry.forms import GRADIENTS, Form, op_form, with_composites

__all__ = ["Run", "random_tensors", "run_layer", "run_loops"]


@dataclass
class Run:
    layer: Layer
    y: np.ndarray | None
    dx: np.ndarray | None
    dw: np.ndarray | None
    db: np.ndarray | None
    counts: dict[Form, int]


def random_tensors(layer: Layer, seed: int = 0, dtype=np.float64, *, output_gradient: bool = True):
    """``x, weight, bias (or None), dy`` drawn from one seeded generator, in that order
    (``dy`` is None without ``output_gradient``: a forward-only run need not draw it, and
    the other three are the same either way)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(layer.input_shape).astype(dtype)
    weight = rng.standard_normal(layer.weight_shape).astype(dtype)
    bias = rng.standard_normal(layer.c_o).astype(dtype) if layer.bias else None
    dy = rng.standard_normal(layer.output_shape).astype(dtype) if output_gradient else None
    return x, weight, bias, dy


def _op_keys(phase: str, count: OpCount, gradient: str | None = None) -> dict[Form, int]:
    return {
        op_form(phase, "mults", gradient): count.mults,
        op_form(phase, "adds", gradient): count.adds,
    }


def _executed(forward: OpCount, per_gradient: dict[str, OpCount]) -> dict[Form, int]:
    """Executed forward and per-gradient counts; totals, MACs and FLOPs follow by the
    registry's definitions (:data:`derivations.registry.forms.COMPOSITES`)."""
    counts = _op_keys("forward", forward)
    for gradient in GRADIENTS:
        counts.update(_op_keys("backward", per_gradient.get(gradient, OpCount()), gradient))
    return counts


def _memory_keys(x, weight, bias, y, saved_elements, dy, dx, dw, db) -> dict[Form, int]:
    """Sizes of the arrays the run really held; parameters and peaks follow by the
    registry's definitions."""
    size = lambda a: 0 if a is None else int(a.size)  # noqa: E731
    return {
        Form.MEMORY_WEIGHTS: size(weight),
        Form.MEMORY_BIAS: size(bias),
        Form.MEMORY_INPUT: size(x),
        Form.MEMORY_OUTPUT: size(y),
        Form.MEMORY_SAVED_FOR_BACKWARD: saved_elements,
        Form.MEMORY_GRAD_DY: size(dy),
        Form.MEMORY_GRAD_DX: size(dx),
        Form.MEMORY_GRAD_DW: size(dw),
        Form.MEMORY_GRAD_DB: size(db),
        Form.OUTPUT_HEIGHT: y.shape[2],
        Form.OUTPUT_WIDTH: y.shape[3],
    }


def run_layer(layer: Layer, seed: int = 0, dtype=np.float64) -> Run:
    """The vectorized convolution on Counted arrays: values and executed counts."""
    x, weight, bias, dy = (
        None if a is None else a.view(Counted) for a in random_tensors(layer, seed, dtype)
    )
    with counting() as fwd:
        y, saved = conv2d_forward(x, weight, bias, layer)
    with counting() as back:
        dx, dw, db = conv2d_backward(dy, saved)
    per = {grad: back.phases.get(grad, OpCount()) for grad in ("dx", "dw", "db")}
    if per["dx"] + per["dw"] + per["db"] != back:  # pragma: no cover - counter bug
        raise AssertionError(f"backward phases {per} do not add up to {back}")
    counts = _executed(fwd, per)
    counts.update(_memory_keys(x, weight, bias, y, saved.elements(), dy, dx, dw, db))
    counts = with_composites(counts)
    plain = lambda a: None if a is None else np.asarray(a)  # noqa: E731
    return Run(layer, plain(y), plain(dx), plain(dw), plain(db), counts)


def run_loops(layer: Layer, seed: int = 0, dtype=np.float64) -> Run:
    """The scalar-loop witness: values and counts by incrementing."""
    x, weight, bias, dy = random_tensors(layer, seed, dtype)
    y, fwd = loop_forward(x, weight, bias, layer)
    dx, dw, db, back = loop_backward(x, weight, dy, layer)
    counts = _executed(fwd, back)
    counts.update({Form.OUTPUT_HEIGHT: y.shape[2], Form.OUTPUT_WIDTH: y.shape[3]})
    counts = with_composites(counts)
    return Run(layer, y, dx, dw, db, counts)
