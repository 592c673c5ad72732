"""Distinct answers graded once, in worker processes when there are many.

The result cache lives in the parent only (workers compute, the parent stores), so it
is shared safely: bounded (least recently used out), never holding an outcome that hit
the work budget.  Such an outcome is graded once more, alone (the workers idle), before
it is reported; a cache can only make a run faster, never change a verdict.

Workers end with their parent however it ends (:func:`_end_with`): a run killed by a
scheduler's time limit, a closed terminal or ``kill -9`` leaves no process behind.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from derivations.grading.outcome import Outcome, grade_answer, internal_error

if TYPE_CHECKING:  # imported where a pool is made: a class of a few answers grades in-process
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["Grader", "default_jobs", "CACHE_ENTRIES"]

CACHE_ENTRIES = 20_000
_POOL_THRESHOLD = 16  # fewer new answers in a batch than this: graded in-process
_settings: dict = {}
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _end_with(parent: int) -> None:
    """Make this worker end when ``parent`` ends, however it ends (SIGKILL included):
    on Linux the kernel sends it SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
    daemon thread sees the parent gone (the worker's parent id changes) within a second.
    The parent's SIGTERM/SIGHUP handlers (inherited by ``fork``) are dropped: a signal
    to the whole process group ends a worker at once, as it ends a worker of a dead
    parent."""
    for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc to ask: the thread below watches
            pass
        else:
            if os.getppid() != parent:  # the parent ended before the request was made
                os._exit(1)
            return
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _init(
    lang: str, reveal: str, symbolic: bool, variants=None, reading=({}, True), parent: int = 0
) -> None:
    if parent:
        _end_with(parent)
    _settings.update(
        lang=lang, reveal=reveal, symbolic=symbolic, variants=variants, reading=reading
    )


def _grade(
    key: tuple, lang: str, reveal: str, symbolic: bool, variants, reading=({}, True)
) -> Outcome:
    """``key`` is ``(question, answer)``, or ``(question, answer, student)`` when the
    class has per-student variants (graded against that student's own layer).  An
    exception grading one answer (a bug) is that row's ``error``, named in one line, as
    :func:`.outcome.grade_answer` makes it: one bad row never stops the batch."""
    if variants is not None:
        from derivations.variants.grade import grade_variant_answer

        try:
            return grade_variant_answer(variants, key[2], key[0], key[1], lang, reveal, symbolic)
        except (MemoryError, RecursionError, Exception) as error:
            return internal_error(error, lang)
    notation, infer = reading
    return grade_answer(key[0], key[1], lang, reveal, symbolic, notation, infer)


def _work(key: tuple) -> Outcome:
    return _grade(
        key,
        _settings["lang"],
        _settings["reveal"],
        _settings["symbolic"],
        _settings["variants"],
        _settings["reading"],
    )


class Grader:
    """``outcomes(keys)``: one outcome per ``(question, answer)`` key (with
    ``variants``: per ``(question, answer, student)``), in order."""

    def __init__(
        self,
        lang: str,
        reveal: str,
        jobs: int = 1,
        symbolic: bool = False,
        variants=None,
        reading: tuple = ({}, True),
    ):
        self.lang, self.reveal, self.jobs, self.symbolic = lang, reveal, jobs, symbolic
        self.variants = variants
        self.reading = reading  # (the course's notation, infer): Rubric.reading
        self.cache: OrderedDict = OrderedDict()
        self.pool: ProcessPoolExecutor | None = None
        self.graded = 0  # answers checked (cache misses)
        self.retried = 0  # outcomes that hit the budget and were graded again

    def _pool(self) -> ProcessPoolExecutor | None:
        if self.jobs <= 1:
            return None
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context(method),
                initializer=_init,
                initargs=(
                    self.lang,
                    self.reveal,
                    self.symbolic,
                    self.variants,
                    self.reading,
                    os.getpid(),
                ),
            )
        return self.pool

    def _alone(self, key) -> Outcome:
        return _grade(key, self.lang, self.reveal, self.symbolic, self.variants, self.reading)

    def key(self, question: str, answer: str, student: str) -> tuple:
        """The cache key of one answer (the student matters only with variants)."""
        return (question, answer) if self.variants is None else (question, answer, student)

    def _compute(self, keys: list) -> list[Outcome]:
        pool = self._pool() if len(keys) >= _POOL_THRESHOLD else None
        if pool is None:
            return [self._alone(key) for key in keys]
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, min(64, len(keys) // (self.jobs * 4)))
        try:
            return list(pool.map(_work, keys, chunksize=chunk))
        except BrokenProcessPool:  # a worker died (out of memory?): finish here
            self.pool = None
            return [self._alone(key) for key in keys]

    def outcomes(self, keys: list) -> dict:
        """``{key: outcome}`` for every key, the new ones graded (in parallel)."""
        found, missing = {}, []
        for key in keys:
            if key in found:
                continue
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                found[key] = hit
            else:
                found[key] = None
                missing.append(key)
        if missing:
            self.graded += len(missing)
            for key, outcome in zip(missing, self._compute(missing)):
                if outcome.budget:  # hit the budget under load: once more, alone
                    self.retried += 1
                    outcome = self._alone(key)
                found[key] = outcome
                if not outcome.budget:
                    self.cache[key] = outcome
                    if len(self.cache) > CACHE_ENTRIES:
                        self.cache.popitem(last=False)
        return found

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
