"""Start-up, evaluation and execution: the costs every command shares.

* new processes (interleaved rounds): a bare interpreter, ``--help``, ``questions``,
  ``cost`` with the forms cache warm and empty, a cold ``check``, and the SymPy
  baseline a checker built on ``parse_expr`` + ``simplify`` would pay;
* every closed form at one layer: SymPy ``xreplace`` against the compiled integer
  functions;
* ``verify --samples 2000`` in a new process;
* the instrumented convolution: counting overhead against the same code uncounted, and
  the scalar-loop witness per product.

Targets (issue 16): ``--help`` <= 0.2 s; cold ``check`` <= 0.5 s and <= 0.75x the SymPy
baseline; ``verify --samples 2000`` <= 5 s; counting overhead < 10%.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

import numpy as np

from benchmarks import Harness, python_command
from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counted import Counted, counting
from derivations.execute import random_tensors
from derivations.loops import loop_backward, loop_forward
from derivations.model import Layer

__all__ = ["run", "BENCH_LAYER", "LOOP_LAYER"]

BENCH_LAYER = Layer(c_i=64, c_o=64, h=56, w=56, k_h=3, k_w=3, p_h=2, p_w=2)
# the loop witness runs ~10^6 taps a second: measured on a smaller layer, per product
LOOP_LAYER = Layer(c_i=8, c_o=8, h=14, w=14, k_h=3, k_w=3, p_h=2, p_w=2)
COST_ARGS = (
    "cost",
    "--ci",
    "64",
    "--co",
    "64",
    "--h",
    "56",
    "--w",
    "56",
    "--kh",
    "3",
    "--kw",
    "3",
    "--ph",
    "2",
    "--pw",
    "2",
    "--json",
)
CHECK_ARGS = ("check", "--question", "forward-mults", "--answer", "c_i c_o k_h k_w m_h m_w")
SYMPY_BASELINE = (
    "import sympy as sp; a = sp.parse_expr('c_o*c_i*k_h*k_w*m_h*m_w'); "
    "b = sp.parse_expr('c_i*c_o*k_h*k_w*m_h*m_w'); "
    "assert sp.simplify(a - b) == 0"
)


def _best(*fns, repeat: int = 5) -> list[float]:
    """Best time of each function, interleaved (kept for modules written before the
    harness; new ones use ``harness.timings``)."""
    return [t.min for t in Harness(write=lambda line: None).timings(*fns, rounds=repeat)]


def _startup(harness: Harness) -> None:
    forms_cache = tempfile.mkdtemp(prefix="derivations-bench-")
    try:
        empty = {"DERIVATIONS_CACHE": forms_cache}

        def empty_forms_cache():
            shutil.rmtree(os.path.join(forms_cache, "forms"), ignore_errors=True)

        # warm the user's caches once (forms, checker) so "warm" means warm
        harness.processes(python_command(*COST_ARGS), python_command(*CHECK_ARGS), rounds=1)
        bare, helps, questions, cost, check, sympy_baseline = harness.processes(
            [sys.executable, "-c", "pass"],
            python_command("--help"),
            python_command("questions"),
            python_command(*COST_ARGS),
            python_command(*CHECK_ARGS),
            [sys.executable, "-c", SYMPY_BASELINE],
            rounds=4,
        )
        (cold_cost,) = harness.processes(
            python_command(*COST_ARGS), rounds=2, env=empty, setup=empty_forms_cache
        )
    finally:
        shutil.rmtree(forms_cache, ignore_errors=True)
    harness.timing("new interpreter (`python -c pass`)", bare)
    harness.timing("`--help`", helps, note="target <= 200 ms")
    harness("`--help` / bare interpreter", helps.min / bare.min, "x")
    harness.timing("`questions`", questions)
    harness.timing("cold `cost --json`, forms cache warm", cost)
    harness.timing(
        "cold `cost --json`, forms cache empty",
        cold_cost,
        note="derives the forms with SymPy, then caches them",
    )
    harness("cost: empty cache / warm cache", cold_cost.min / cost.min, "x")
    harness.timing("cold `check` (checker cache warm)", check, note="target <= 500 ms")
    harness.timing("SymPy parse_expr + simplify, new process", sympy_baseline)
    harness("cold check / SymPy baseline", check.min / sympy_baseline.min, "x", "target <= 0.75x")


def _evaluation(harness: Harness) -> None:
    import sympy as sp

    from derivations.closed_forms import evaluate_all, forms_for, m_h, m_w

    layer = BENCH_LAYER.replace(bias=True, s_h=2, d_w=2)
    symbolic = forms_for(layer)

    def with_sympy():
        values = {sym: sp.Integer(v) for sym, v in layer.values().items()}
        values.update({m_h: sp.Integer(layer.m_h), m_w: sp.Integer(layer.m_w)})
        return {key: int(f.compact.xreplace(values)) for key, f in symbolic.items()}

    if with_sympy() != evaluate_all(layer):  # pragma: no cover - tested in tests/core
        raise AssertionError("compiled forms disagree with SymPy")
    slow, fast = harness.timings(with_sympy, lambda: evaluate_all(layer), rounds=50)
    count = len(symbolic)
    harness(
        f"all {count} forms at one layer, SymPy xreplace",
        slow.min * 1e6,
        "us",
        f"median {slow.median * 1e6:,.1f} us",
    )
    harness(
        f"all {count} forms at one layer, compiled integers",
        fast.min * 1e6,
        "us",
        f"median {fast.median * 1e6:,.1f} us",
    )
    harness("SymPy / compiled", slow.min / fast.min, "x")


def _verify(harness: Harness) -> None:
    (timing,) = harness.processes(python_command("verify", "--samples", "2000"), rounds=1)
    harness.timing("`verify --samples 2000` (new process)", timing, "s", "target <= 5 s")
    harness("verify 2000 / 5 s target", timing.min / 5.0, "x")


def _forward_backward(x, weight, dy, layer):
    _, saved = conv2d_forward(x, weight, None, layer)
    conv2d_backward(dy, saved)


def _execution(harness: Harness) -> None:
    x, weight, _, dy = random_tensors(BENCH_LAYER, seed=0, dtype=np.float32)
    cx, cw, cdy = (a.view(Counted) for a in (x, weight, dy))

    def counted():
        with counting():
            _forward_backward(cx, cw, cdy, BENCH_LAYER)

    plain, instrumented = harness.timings(
        lambda: _forward_backward(x, weight, dy, BENCH_LAYER), counted, rounds=10
    )
    harness.timing("uncounted forward+backward (64->64, 56x56, 3x3)", plain)
    harness.timing("counted forward+backward", instrumented)
    harness(
        "counting overhead (min / min)",
        (instrumented.min / plain.min - 1) * 100,
        "%",
        f"median/median {(instrumented.median / plain.median - 1) * 100:.1f}%; target < 10%",
    )

    lx, lw, _, ldy = random_tensors(LOOP_LAYER, seed=0)

    def loops():
        loop_forward(lx, lw, None, LOOP_LAYER)
        loop_backward(lx, lw, ldy, LOOP_LAYER)

    (loop_time,) = harness.timings(loops, rounds=3)
    products = lambda L: 3 * L.batch * L.c_o * L.m_h * L.m_w * L.c_i * L.k_h * L.k_w  # noqa
    per_product_loop = loop_time.min / products(LOOP_LAYER)
    per_product_vec = instrumented.min / products(BENCH_LAYER)
    harness("scalar loop per product (8->8, 14x14, 3x3)", per_product_loop * 1e9, "ns")
    harness("counted vectorized per product", per_product_vec * 1e9, "ns")
    harness("loop / counted vectorized, per product", per_product_loop / per_product_vec, "x")


def run(harness: Harness) -> None:
    _startup(harness)
    _evaluation(harness)
    _verify(harness)
    _execution(harness)
