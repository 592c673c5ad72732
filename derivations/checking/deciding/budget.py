"""A wall-clock budget for one answer, enforced with ``SIGALRM`` where it exists (Unix,
main thread); elsewhere only the size bounds of :mod:`.limits` hold.  Budgets nest: an
inner one never outlives the outer one, and only the budget that expired raises."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["OutOfTime", "time_budget", "enforced"]


class OutOfTime(Exception):
    def __init__(self, owner):
        super().__init__("time budget exceeded")
        self.owner = owner


_active: list[tuple[object, float]] = []   # (owner, deadline)


def enforced() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _arm() -> None:
    if _active:
        remaining = max(min(deadline for _, deadline in _active) - time.monotonic(), 1e-4)
        signal.setitimer(signal.ITIMER_REAL, remaining)
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _expired(signum, frame):
    now = time.monotonic()
    for owner, deadline in _active:
        if deadline <= now + 1e-3:
            raise OutOfTime(owner)
    _arm()


@contextmanager
def time_budget(seconds: float):
    """Yields a token; an :class:`OutOfTime` whose ``owner`` is the token means this
    budget (not an enclosing one) ran out."""
    token = object()
    if not enforced():
        yield token
        return
    previous = signal.signal(signal.SIGALRM, _expired) if not _active else None
    _active.append((token, time.monotonic() + seconds))
    _arm()
    try:
        yield token
    finally:
        _active.pop()
        _arm()
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
