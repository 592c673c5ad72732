"""Benchmarks run by ``make bench`` (``python -m derivations bench``).

Each module here defines ``run(report)``; ``report(name, value, unit, note="")`` records
one figure.  Figures are ratios or timings measured in one run: the machines are shared
and noisy, so no benchmark fails on a threshold; it states the target beside the figure.
"""
