"""The instrumented convolution: what counting costs, against the same code uncounted
and against the scalar loop; and a cold ``cost --json``."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np

from derivations.conv import conv2d_backward, conv2d_forward
from derivations.counting import Counted, counting
from derivations.execute import random_tensors
from derivations.loops import loop_backward, loop_forward
from derivations.model import Layer

BENCH_LAYER = Layer(c_i=64, c_o=64, h=56, w=56, k_h=3, k_w=3, p_h=2, p_w=2)
# the loop witness runs ~10^6 taps a second: measured on a smaller layer, per product
LOOP_LAYER = Layer(c_i=8, c_o=8, h=14, w=14, k_h=3, k_w=3, p_h=2, p_w=2)


def _best(*fns, repeat: int = 5) -> list[float]:
    """Best time of each function, the runs interleaved so that load on the shared
    machine hits them alike."""
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, spent in zip(fns, times):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [min(spent) for spent in times]


def _forward_backward(x, weight, dy, layer):
    y, saved = conv2d_forward(x, weight, None, layer)
    conv2d_backward(dy, saved)


def run(report) -> None:
    x, weight, _, dy = random_tensors(BENCH_LAYER, seed=0, dtype=np.float32)
    cx, cw, cdy = (a.view(Counted) for a in (x, weight, dy))

    def counted():
        with counting():
            _forward_backward(cx, cw, cdy, BENCH_LAYER)

    plain, instrumented = _best(lambda: _forward_backward(x, weight, dy, BENCH_LAYER),
                                counted, repeat=20)
    report("uncounted forward+backward (64->64, 56x56, 3x3)", plain * 1e3, "ms")
    report("counted forward+backward", instrumented * 1e3, "ms")
    report("counting overhead", (instrumented / plain - 1) * 100, "%", "target < 10%")

    lx, lw, _, ldy = random_tensors(LOOP_LAYER, seed=0)
    start = time.perf_counter()
    loop_forward(lx, lw, None, LOOP_LAYER)
    loop_backward(lx, lw, ldy, LOOP_LAYER)
    loop_time = time.perf_counter() - start
    products = lambda L: 3 * L.batch * L.c_o * L.m_h * L.m_w * L.c_i * L.k_h * L.k_w  # noqa
    per_product_loop = loop_time / products(LOOP_LAYER)
    per_product_vec = instrumented / products(BENCH_LAYER)
    report("scalar loop per product (8->8, 14x14, 3x3)", per_product_loop * 1e9, "ns")
    report("counted vectorized per product", per_product_vec * 1e9, "ns")
    report("loop / counted vectorized, per product", per_product_loop / per_product_vec, "x")

    command = [sys.executable, "-m", "derivations", "cost", "--ci", "64", "--co", "64",
               "--h", "56", "--w", "56", "--kh", "3", "--kw", "3", "--ph", "2", "--pw", "2",
               "--json"]
    cold, = _best(lambda: subprocess.run(command, check=True, capture_output=True), repeat=3)
    report("cold `cost --json` (new process)", cold * 1e3, "ms")
