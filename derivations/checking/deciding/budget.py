"""A work budget for one answer: CPU seconds of this process, not the wall clock.

Measured with :func:`time.process_time` and enforced with ``SIGPROF`` from
``setitimer(ITIMER_PROF)`` (a timer that runs only while the process computes) where it
exists (Unix, main thread); elsewhere only the size bounds of :mod:`.limits` hold.  A
pause (Ctrl-Z, a laptop asleep, a VM stopped) or other processes keeping the CPU busy
do not use the budget, so the same answer gets the same verdict on an idle and on a
loaded machine.  Budgets nest: an inner one never outlives the outer one, and only the
budget that ran out raises.  A caller that catches :class:`OutOfTime` marks its result
(``Result.budget_hit``): such a result is never cached, and class grading retries it.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # no stub: signal.signal without its enums
import signal
import threading
import time
from contextlib import contextmanager
from typing import cast

__all__ = ["OutOfTime", "time_budget", "enforced", "cpu_seconds"]

_SIGNAL = getattr(signal, "SIGPROF", None)
_TIMER = getattr(signal, "ITIMER_PROF", None)


class OutOfTime(Exception):
    def __init__(self, owner):
        super().__init__("work budget exceeded")
        self.owner = owner


_active: list[tuple[object, float]] = []  # (owner, CPU deadline)


def cpu_seconds() -> float:
    """CPU time used by this process so far (user + system, all threads)."""
    return time.process_time()


def enforced() -> bool:
    return (
        _TIMER is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


def _arm() -> None:
    # armed only where enforced(): the timer exists
    timer = cast(int, _TIMER)
    if _active:
        remaining = max(min(deadline for _, deadline in _active) - cpu_seconds(), 1e-4)
        signal.setitimer(timer, remaining)
    else:
        signal.setitimer(timer, 0)


def _expired(signum, frame):
    now = cpu_seconds()
    for owner, deadline in _active:
        if deadline <= now + 1e-3:
            raise OutOfTime(owner)
    _arm()


@contextmanager
def time_budget(seconds: float):
    """Yields a token; an :class:`OutOfTime` whose ``owner`` is the token means this
    budget (not an enclosing one) ran out after ``seconds`` of CPU time."""
    token = object()
    if not enforced():
        yield token
        return
    # enforced(): a Unix with ITIMER_PROF, which has SIGPROF.  The handler is set with the
    # interpreter's own _signal.signal: signal.signal is it wrapped in conversions to and
    # from enums (a ValueError raised and caught for a function handler), a few percent
    # of a sampled check; the handler it returns and takes back is the same object
    signum = cast(int, _SIGNAL)
    previous = _signal.signal(signum, _expired) if not _active else None
    _active.append((token, cpu_seconds() + seconds))
    _arm()
    try:
        yield token
    finally:
        _active.pop()
        _arm()
        if previous is not None:
            _signal.signal(signum, previous)
