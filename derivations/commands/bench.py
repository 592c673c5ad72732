"""``bench``: run the benchmarks in :mod:`derivations.benchmarks` and print the figures."""

from __future__ import annotations


def register(sub) -> None:
    parser = sub.add_parser(
        "bench", help="run the benchmarks (figures, not pass/fail)",
        description="Run every benchmark module (or those named) and print its figures. "
                    "Targets are stated beside the figures; machines are shared and noisy, so "
                    "ratios measured in one run are what to read.")
    parser.add_argument("names", nargs="*", help="benchmark modules to run (default: all)")
    parser.set_defaults(func=run)


def run(args) -> int:
    import importlib
    import pkgutil

    from derivations import benchmarks
    from derivations.errors import DerivationError

    available = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__))
    unknown = [name for name in args.names if name not in available]
    if unknown:
        raise DerivationError(f"no benchmark named {unknown[0]!r}; known: {', '.join(available)}")

    def report(name, value, unit, note=""):
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
        print(f"  {name:<48} {shown:>14} {unit:<8} {note}", flush=True)

    for name in args.names or available:
        print(f"[{name}]", flush=True)
        importlib.import_module(f"{benchmarks.__name__}.{name}").run(report)
    return 0
