"""``bench``: run the benchmarks in :mod:`benchmarks` and print the figures.

Each benchmark module runs in its own process (thread pools of NumPy's BLAS, OpenMP and
PyTorch never compete inside one), with those pools limited to ``--threads`` threads
(default 1: on a shared 2-core machine more threads measure the neighbours).  The
load average and the thread-pool configuration (threadpoolctl) are printed with the
figures, which are min and median of interleaved rounds.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["ON_REQUEST", "build_parser", "main", "run", "thread_environment"]

# modules left out of a plain `bench` (name them to run them): figures no issue targets,
# too slow for the whole run to stay under 2 minutes
ON_REQUEST = ("exercises",)

_THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run every benchmark module (or those named), each in its own process, "
        "and print its figures (min and median of interleaved rounds) with the "
        "load average and the BLAS/OpenMP configuration. Targets are stated "
        "beside the figures; machines are shared and noisy, so ratios measured "
        "in one run are what to read.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        help="benchmark modules to run (default: all but " + ", ".join(ON_REQUEST) + ")",
    )
    parser.add_argument(
        "--threads",
        type=_threads,
        default=1,
        metavar="N",
        help="BLAS/OpenMP/torch threads per benchmark process (default 1; "
        "0: the libraries' own default)",
    )
    parser.add_argument(
        "--in-process", action="store_true", help="run the modules in this process (no isolation)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks asked; an error (unknown or failed module) is one line, exit 2."""
    from derivations.errors import DerivationError

    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except DerivationError as error:
        print(f"bench: error: {error}", file=sys.stderr)
        return 2


def _threads(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid thread count: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def thread_environment(threads: int) -> dict[str, str]:
    """Environment variables limiting every thread pool to ``threads`` (0: no limit)."""
    return {name: str(threads) for name in _THREAD_VARIABLES} if threads else {}


def _load() -> str:
    import os

    try:
        return "load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:  # pragma: no cover - not on this platform
        return "load average unavailable"


def _pools() -> str:
    """The thread pools loaded in this process (threadpoolctl), on one line."""
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        return "thread pools: threadpoolctl not installed"
    pools = [
        f"{p.get('internal_api')} {p.get('version') or ''} "
        f"({p.get('threading_layer', p.get('user_api'))}) {p.get('num_threads')} threads"
        for p in threadpool_info()
    ]
    if "torch" in sys.modules:
        pools.append(f"torch intra-op {sys.modules['torch'].get_num_threads()} threads")
    return "thread pools: " + ("; ".join(pools) if pools else "none loaded")


def _header(threads: int) -> None:
    import os
    import platform

    import numpy as np

    print(
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"{os.cpu_count()} CPUs, {_load()}",
        flush=True,
    )
    print(
        f"each module in its own process, thread pools limited to "
        f"{threads or 'the default number of'} thread{'s' if threads != 1 else ''}",
        flush=True,
    )


def _run_module(name: str, threads: int) -> None:
    """Run one module here (the child side), its pools limited, then describe them."""
    import importlib

    from benchmarks import Harness
    from derivations.errors import DerivationError

    print(f"[{name}]", flush=True)
    harness = Harness()
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        if threads:
            from threadpoolctl import threadpool_limits

            with threadpool_limits(limits=threads):
                module.run(harness)
        else:
            module.run(harness)
    except Exception as error:
        raise DerivationError(
            key="startup.benchmark_failed", name=name, error=f"{type(error).__name__}: {error}"
        ) from None
    print(f"  ({_pools()}; {_load()})", flush=True)


def run(args) -> int:
    import os
    import pkgutil
    import subprocess
    import time

    import benchmarks
    from benchmarks import children_cpu
    from derivations.errors import DerivationError

    available = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_")
    )
    unknown = [name for name in args.names if name not in available]
    if unknown:
        raise DerivationError(
            key="startup.no_benchmark", name=repr(unknown[0]), known=", ".join(available)
        )
    names = args.names or [name for name in available if name not in ON_REQUEST]
    if args.in_process:
        for name in names:
            _run_module(name, args.threads)
        return 0
    _header(args.threads)
    env = {**os.environ, **thread_environment(args.threads)}
    failed = []
    spent = []
    for name in names:
        start, cpu_before = time.perf_counter(), children_cpu()
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks",
                "--in-process",
                "--threads",
                str(args.threads),
                name,
            ],
            env=env,
            check=False,
        )
        spent.append((name, time.perf_counter() - start, children_cpu() - cpu_before))
        if child.returncode:
            failed.append(name)
    _summary(spent)
    print(_load(), flush=True)
    if failed:
        raise DerivationError(
            key="startup.benchmarks_failed", count=len(failed), names=", ".join(failed)
        )
    return 0


def _summary(spent: list[tuple[str, float, float]]) -> None:
    """One line per module: wall seconds, CPU seconds of it and its children, share."""
    total = sum(wall for _, wall, _ in spent) or 1.0
    print("time per module (wall, CPU of the module and its children):", flush=True)
    for name, wall, cpu in spent:
        print(f"  {name:<12} {wall:7.1f} s  {cpu:7.1f} s CPU  {wall / total:6.1%}", flush=True)
    print(
        f"  {'total':<12} {total:7.1f} s  {sum(cpu for _, _, cpu in spent):7.1f} s CPU", flush=True
    )


if __name__ == "__main__":
    sys.exit(main())
