"""The exercises, maths apart from sheets: what the prose and layout cost beside the maths.

Each round is a new process (nothing memoized between rounds): one computes every split
exercise's maths (:mod:`derivations.exercises.maths`: every derivation, execution and
check), the other builds every sheet (the same maths plus the prose and blocks).  The
ratio sheets / maths of CPU seconds says how much of a build the sheets' wording and
layout take; the split should leave it near 1 (no work done twice).
"""

from __future__ import annotations

import sys

__all__ = ["MATHS", "SHEETS", "run"]

# every exercise's maths entry points, each called once (as the sheet calls them)
MATHS = (
    "from derivations.exercises.maths import blocks, compose, cost, doubling, equal_outputs, "
    "matmul, networks, pointwise, strips\n"
    "blocks.speed(); blocks.mixing(); blocks.fixes(); blocks.additions_ratio()\n"
    "compose.proof(); compose.size(); compose.numeric(); compose.converse(); "
    "compose.channels(); compose.worked()\n"
    "cost.output_heights(); cost.forward(); cost.book_gap(); cost.padding_readings(); "
    "cost.backward_cost(); cost.gradients(); cost.batch()\n"
    "cost.table(cost.BOOK_ROWS); cost.table(cost.MEMORY_ROWS); "
    "cost.table(cost.BACKWARD_MEMORY_ROWS)\n"
    "doubling.channels(); doubling.padding()\n"
    "equal_outputs.facts()\n"
    "matmul.facts()\n"
    "t = networks.tables(); networks.published(t); networks.answer(t); networks.small_layers()\n"
    "pointwise.complexity(); pointwise.fully_connected(); pointwise.numbers()\n"
    "strips.facts()\n"
)
SHEETS = "from derivations.exercises import build_all\nbuild_all()\n"


def run(harness) -> None:
    maths, sheets = harness.processes(
        [sys.executable, "-c", MATHS], [sys.executable, "-c", SHEETS], rounds=2
    )
    cpu_maths, cpu_sheets = min(maths.cpu), min(sheets.cpu)
    harness("maths of every exercise, new process", cpu_maths, "s CPU", f"wall {maths.min:.2f} s")
    harness("every sheet built, new process", cpu_sheets, "s CPU", f"wall {sheets.min:.2f} s")
    harness(
        "sheets / maths",
        cpu_sheets / cpu_maths,
        "x CPU",
        "the prose and layout's share beside the maths: near 1",
    )
