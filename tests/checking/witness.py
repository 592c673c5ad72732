"""A counterexample's layer as a model :class:`~derivations.model.Layer`: shared by the
tests that recompute a counterexample's values on their own."""

from __future__ import annotations

from typing import Any

from derivations.model import Layer

__all__ = ["LAYER_DEFAULTS", "witness_fields", "witness_layer"]

#: what a counterexample leaves out: one channel, a 1 x 1 kernel, no padding, stride 1
LAYER_DEFAULTS = {
    "c_i": 1,
    "c_o": 1,
    "h": 1,
    "w": 1,
    "k_h": 1,
    "k_w": 1,
    "p_h": 0,
    "p_w": 0,
    "s_h": 1,
    "s_w": 1,
}


def witness_fields(values: dict) -> dict[str, Any]:
    """The layer's fields: ``values`` where they name one, the defaults elsewhere; an
    input size not given is just large enough for the kernel (``max(1, k - p)``)."""
    fields = LAYER_DEFAULTS | {k: v for k, v in values.items() if k in LAYER_DEFAULTS}
    for axis in ("h", "w"):
        if axis not in values:
            fields[axis] = max(1, fields[f"k_{axis}"] - fields[f"p_{axis}"])
    return fields


def witness_layer(values: dict) -> Layer:
    """The model layer of :func:`witness_fields`."""
    return Layer(**witness_fields(values))
