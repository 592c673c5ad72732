"""``make docs``: warm (nothing changed since the last run) and cold (empty cache, in two
processes and in one), each a new process writing into a scratch directory with a
scratch cache; and the peak RSS of a warm and a cold run.  (``--recheck``, every check run
again, is not timed: a third full build, it took 14-70 s of ``make bench``.)

Targets (issue 12, stated, not asserted): warm <= 5 s and <= 400 MB peak RSS; cold no
slower than before the cache (15-19 s on these machines).  CPU seconds are reported
beside wall-clock time: they are what the load of a shared machine does not inflate.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from derivations.benchmarks import Timing, children_cpu, python_command

__all__ = ["peak_rss", "run"]

_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss(command: list[str], env: dict) -> float:
    """Peak resident set size (MB) of ``command`` and its children, the largest one, in
    a wrapper process of its own (so no earlier child counts)."""
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return int(done.stdout.split()[-1]) / 1024


def run(harness) -> None:
    import os

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        cache, out = scratch / "cache", scratch / "out"
        env = {"DERIVATIONS_CACHE": str(cache)}
        docs = python_command("docs", "--out", str(out))

        def empty_cache():
            shutil.rmtree(cache, ignore_errors=True)

        (cold,) = harness.processes(docs, rounds=1, env=env, setup=empty_cache)
        harness.timing(
            "docs cold (empty cache)",
            cold,
            "s",
            "target: no slower than before the cache (15-19 s)",
        )
        # one cold build in one process, timed and its peak RSS measured in the same run
        # (a second cold build only for the RSS took 24 s of a 3.6-minute `make bench`)
        full_env = {**os.environ, **env}
        empty_cache()
        start, cpu = time.perf_counter(), children_cpu()
        serial_rss = peak_rss([*docs, "--jobs", "1"], full_env)
        serial = Timing((time.perf_counter() - start,), (children_cpu() - cpu,))
        harness.timing("docs cold, one process (--jobs 1)", serial, "s")
        (warm,) = harness.processes(docs, rounds=3, env=env)
        harness.timing("docs warm (nothing changed)", warm, "s", "target <= 5 s")
        harness("docs warm: peak RSS", round(peak_rss(docs, full_env), 1), "MB", "target <= 400 MB")
        harness("docs cold, one process: peak RSS", round(serial_rss, 1), "MB")
        harness("docs warm / cold (wall)", round(warm.min / cold.min, 3), "ratio")
