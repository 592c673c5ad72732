"""Benchmarks run by ``make bench`` (``python -m benchmarks``), and their harness.

Each module here defines ``run(harness)``.  ``harness`` is a :class:`Harness`:

* ``harness(name, value, unit, note="")`` (or ``harness.report``) records one figure;
* ``harness.timings(fn_a, fn_b, ..., rounds=5)`` times the functions in interleaved
  rounds (a, b, a, b, ...: load on the shared machine hits them alike) and returns one
  :class:`Timing` per function (``.min``, ``.median``, ``.rounds``);
* ``harness.processes(argv_a, argv_b, ..., rounds=5, env=None)`` does the same for
  commands, each round a new process;
* ``harness.time(name, fn, ...)`` / ``harness.time_process(name, argv, ...)`` time and
  report min and median in one call.

``bench`` runs every module in its own process (so one library's thread pool never
slows another's), with the BLAS/OpenMP pools limited to one thread unless told
otherwise, and prints the load average and the thread-pool configuration first.
Figures are ratios or timings measured in one run: the machines are shared and noisy,
so no benchmark fails on a threshold; each states its target beside the figure.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Harness", "Timing", "python_command", "children_cpu"]


@dataclass(frozen=True)
class Timing:
    """Seconds of each round of one measured thing (wall clock), and for new processes
    the CPU seconds each spent (user + system: what machine load does not inflate)."""

    samples: tuple[float, ...]
    cpu: tuple[float, ...] = ()

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def rounds(self) -> int:
        return len(self.samples)


def children_cpu() -> float:
    """CPU seconds (user + system) used by this process's finished children."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def python_command(*args: str) -> list[str]:
    """``python -m derivations ARGS`` with this interpreter."""
    return [sys.executable, "-m", "derivations", *args]


def _format(value) -> str:
    return f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"


class Harness:
    """Measures and prints figures (see the module docstring)."""

    def __init__(self, write: Callable[[str], None] | None = None, rounds: int = 5):
        self.write = write or (lambda line: print(line, flush=True))
        self.rounds = rounds
        self.figures: list[tuple[str, object, str, str]] = []

    # -- reporting -------------------------------------------------------------------
    def __call__(self, name: str, value, unit: str, note: str = "") -> None:
        self.figures.append((name, value, unit, note))
        self.write(f"  {name:<52} {_format(value):>14} {unit:<8} {note}".rstrip())

    report = __call__

    def timing(self, name: str, timing: Timing, unit: str = "ms", note: str = "") -> None:
        """Report min and median of ``timing`` (in ms or s)."""
        scale = {"ms": 1e3, "s": 1.0}[unit]
        rounds = f"{timing.rounds} rounds" if timing.rounds > 1 else "1 round"
        extra = f"median {timing.median * scale:,.3f} {unit}, {rounds}"
        if timing.cpu:
            extra += f", cpu min {min(timing.cpu) * scale:,.3f} {unit}"
        self(name, timing.min * scale, unit, f"{extra}; {note}" if note else extra)

    # -- measuring -------------------------------------------------------------------
    def timings(self, *fns: Callable[[], object], rounds: int | None = None) -> list[Timing]:
        """Interleaved rounds of every function; one Timing each."""
        spent: list[list[float]] = [[] for _ in fns]
        for _ in range(rounds or self.rounds):
            for fn, times in zip(fns, spent):
                start = time.perf_counter()
                fn()
                times.append(time.perf_counter() - start)
        return [Timing(tuple(t)) for t in spent]

    def processes(
        self,
        *commands: Sequence[str],
        rounds: int | None = None,
        env: dict | None = None,
        setup: Callable[[], object] | None = None,
        cwd: str | os.PathLike | None = None,
    ) -> list[Timing]:
        """Interleaved new-process runs of every command (wall-clock, output captured),
        in folder ``cwd`` (default: this one); ``setup`` runs before each process and is
        not timed (e.g. emptying a cache)."""
        environment = {**os.environ, **(env or {})}

        def runner(command):
            def run():
                if setup:
                    setup()
                before = children_cpu()
                start = time.perf_counter()
                subprocess.run(
                    list(command), check=True, capture_output=True, env=environment, cwd=cwd
                )
                return time.perf_counter() - start, children_cpu() - before

            return run

        spent: list[list[float]] = [[] for _ in commands]
        cpu: list[list[float]] = [[] for _ in commands]
        runs = [runner(c) for c in commands]
        for _ in range(rounds or self.rounds):
            for run, times, cpus in zip(runs, spent, cpu):
                wall, used = run()
                times.append(wall)
                cpus.append(used)
        return [Timing(tuple(t), tuple(c)) for t, c in zip(spent, cpu)]

    def time(
        self,
        name: str,
        fn: Callable[[], object],
        rounds: int | None = None,
        unit: str = "ms",
        note: str = "",
    ) -> Timing:
        (timing,) = self.timings(fn, rounds=rounds)
        self.timing(name, timing, unit, note)
        return timing

    def time_process(
        self,
        name: str,
        command: Sequence[str],
        rounds: int | None = None,
        unit: str = "ms",
        note: str = "",
        env: dict | None = None,
    ) -> Timing:
        (timing,) = self.processes(command, rounds=rounds, env=env)
        self.timing(name, timing, unit, note)
        return timing
