"""Counting scalar arithmetic from the NumPy operations actually executed.

:class:`Counted` is an ``ndarray`` subclass.  Every ufunc that touches one goes through
``__array_ufunc__``, which runs the operation on plain arrays and, inside a
:func:`counting` block, records what was executed from the operand shapes:

* ``multiply``: one multiplication per element computed;
* ``add``: one addition per element computed; ``add.reduce``: ``in.size - out.size``
  (a ``t``-term sum costs ``t - 1`` additions: exact counting);
* ``matmul`` of ``(..., M, K) @ (..., K, N)``: ``M N K`` multiplications and
  ``M N (K - 1)`` additions per batch entry;
* ``where=`` masks: only the elements the mask selects.

Any other arithmetic ufunc on a :class:`Counted` raises, so nothing is computed
uncounted.  Array bookkeeping (reshape, slicing, copies, assignment) is free.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Counted", "OpCount", "counting", "phase"]


@dataclass
class OpCount:
    mults: int = 0
    adds: int = 0
    phases: dict = field(default_factory=dict, compare=False, repr=False)

    def __add__(self, other: OpCount) -> OpCount:
        return OpCount(self.mults + other.mults, self.adds + other.adds)

    def __sub__(self, other: OpCount) -> OpCount:
        return OpCount(self.mults - other.mults, self.adds - other.adds)

    def copy(self) -> OpCount:
        return OpCount(self.mults, self.adds)


_active: contextvars.ContextVar[OpCount | None] = contextvars.ContextVar("_active", default=None)


@contextmanager
def counting():
    """Collect the operations executed on :class:`Counted` arrays in this block."""
    counter = OpCount()
    token = _active.set(counter)
    try:
        yield counter
    finally:
        _active.reset(token)


@contextmanager
def phase(name: str):
    """Label the operations of this block (e.g. ``dx``) inside the active count; they
    still add to the enclosing total.  Free when nothing is being counted."""
    parent = _active.get()
    if parent is None:
        yield
        return
    child = OpCount()
    token = _active.set(child)
    try:
        yield
    finally:
        _active.reset(token)
        parent.mults += child.mults
        parent.adds += child.adds
        parent.phases[name] = parent.phases.get(name, OpCount()) + child


# ufuncs that move or compare data without arithmetic on it
_FREE = {np.positive, np.negative, np.equal, np.not_equal, np.isfinite, np.logical_not}


def _plain(x):
    return x.view(np.ndarray) if isinstance(x, Counted) else x


def _selected(where, shape) -> int:
    if where is True:
        return int(np.prod(shape, dtype=np.int64))
    return int(np.count_nonzero(np.broadcast_to(where, shape)))


class Counted(np.ndarray):
    """An ndarray whose arithmetic is counted inside :func:`counting`."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        args = [_plain(x) for x in inputs]
        out = kwargs.get("out")
        if out is not None:
            kwargs["out"] = tuple(_plain(o) for o in out)
        result = getattr(ufunc, method)(*args, **kwargs)
        counter = _active.get()
        if counter is not None:
            _record(counter, ufunc, method, args, result, kwargs)
        if out is not None:
            return out[0] if len(out) == 1 else out
        return result.view(Counted) if isinstance(result, np.ndarray) else result


def _record(counter: OpCount, ufunc, method, args, result, kwargs) -> None:
    if ufunc in _FREE:
        return
    if method == "__call__" and ufunc is np.matmul:
        k = args[0].shape[-1]
        outputs = int(np.prod(np.shape(result), dtype=np.int64))
        counter.mults += outputs * k
        counter.adds += outputs * (k - 1)
    elif method == "__call__" and ufunc in (np.multiply, np.add):
        done = _selected(kwargs.get("where", True), np.shape(result))
        if ufunc is np.multiply:
            counter.mults += done
        else:
            counter.adds += done
    elif method == "reduce" and ufunc is np.add and kwargs.get("where", True) is True:
        counter.adds += int(np.size(args[0])) - int(np.size(result))
    else:
        raise TypeError(f"uncounted arithmetic {ufunc.__name__}.{method} on a Counted array")
