"""Benchmark: the checker.  A cold ``check`` (new process, cached derivations) against a
SymPy ``parse_expr`` + ``simplify`` baseline in a new process; ``--help``; answers per
second in process (right, wrong, with the SymPy proof); the first use (empty cache:
every question derived once, announced).  Targets (issue 16): cold ``check`` <= 0.5 s
and <= 0.75x the SymPy baseline."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

__all__ = ["run", "RIGHT", "WRONG"]

RIGHT = [
    ("forward-ops", "c_o*(2*c_i*k_h*k_w-1)*m_h*m_w"),
    ("compose-size", "k_1+k_2-1"),
    ("forward-mults", "c_i c_o k_h k_w m_h m_w"),
    ("bias-size", "c_o"),
]
WRONG = [
    ("forward-mults", "c_i c_o k_h k_w h w"),
    ("backward-memory", "c_o c_i k_h k_w"),
    ("forward-mults", "c_i c_o m_h m_w"),
    ("compose-size", "k_1 + k_2"),
]
_SYMPY = (
    "import sympy as sp; x = sp.parse_expr('c_o*(2*c_i*k_h*k_w-1)*m_h*m_w'); sp.simplify(x - x)"
)


def _check_command(question: str, answer: str) -> list[str]:
    """``derivations check`` in a new process, its exit status (1: not equivalent)
    ignored: the command line's entry point called as ``python -m derivations`` does."""
    argv = ["check", "--question", question, "--answer", answer]
    return [sys.executable, "-c", f"from derivations.cli import main; main({argv!r})"]


def run(report) -> None:
    from derivations.checking.checker import check
    from derivations.checking.deciding.prebuild import build_all, missing

    with open(os.devnull, "w") as quiet:
        build_all(missing(), stream=quiet)  # the cached path is what is measured
    right, wrong, baseline, helped = report.processes(
        _check_command(*RIGHT[0]),
        _check_command(*WRONG[1]),
        [sys.executable, "-c", _SYMPY],
        [sys.executable, "-m", "derivations", "--help"],
    )
    report.timing("cold check, right answer (new process)", right, "s", "target <= 0.5 s")
    report.timing("cold check, wrong answer (new process)", wrong, "s", "target <= 0.5 s")
    report.timing("SymPy parse_expr + simplify (new process)", baseline, "s")
    report(
        "cold check / SymPy baseline (medians)",
        right.median / baseline.median,
        "x",
        "target <= 0.75",
    )
    report.timing("derivations --help (new process)", helped, "s", "target <= 0.2 s")

    def answers(rows, symbolic):
        return lambda: [check(q, a, symbolic=symbolic) for q, a in rows]

    timed = report.timings(
        answers(RIGHT, False), answers(WRONG, False), answers(RIGHT, True), answers(WRONG, True)
    )
    for name, timing, rows in zip(
        ("right, sampled", "wrong, sampled", "right, with proof", "wrong, with difference"),
        timed,
        (RIGHT, WRONG, RIGHT, WRONG),
    ):
        report(f"check in process: {name}", len(rows) / timing.median, "answers/s")
    folder = tempfile.mkdtemp()
    try:
        (first,) = report.processes(
            _check_command(*RIGHT[0]), rounds=1, env={"DERIVATIONS_CACHE": folder}
        )
        report.timing(
            "first check after install (empty cache: all questions derived)",
            first,
            "s",
            "announced on stderr; target <= 1.5 s not met",
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
