"""Benchmark: grading a class file, repeated and all-distinct answers; a cold ``check``.

Targets (stated, not asserted; machines are shared): >= 1,000 rows/s when answers
repeat as in a class, >= 100 rows/s when every answer differs, a cold
``python -m derivations check`` under 1 s.  The derived catalogue is warmed first (its
disk cache is what a second run of the CLI sees).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["run", "class_file", "REPEATED_POOL"]

ROWS = 10_000
# (question, answer) as students write them: right, right under a convention, wrong
REPEATED_POOL = (
    ("forward-ops", "c_o*(2*c_i*k_h*k_w-1)*m_h*m_w"),
    ("forward-ops", "2 c_i c_o k_h k_w m_h m_w"),
    ("forward-ops", "c_i c_o k_h k_w m_h m_w"),
    ("forward-ops", "c_o m_h m_w (c_i (k_h k_w - 1) + c_i k_h k_w)"),
    ("forward-ops", "O(c_i c_o k_h k_w h w)"),
    ("forward-ops", "c_o×c_i×(2𝑘_ℎ𝑘_w−1)×⌊(ℎ−𝑘_ℎ+𝑝_ℎ+𝑠_ℎ)/𝑠_ℎ⌋×⌊(w−𝑘_w+𝑝_w+𝑠_w)/𝑠_w⌋"),
    ("forward-mults", "c_i c_o k_h k_w h w"),
    ("forward-mults", r"c_i c_o k_h k_w \lfloor \frac{h+2p_h-k_h}{s_h}+1 \rfloor"
                      r" \lfloor \frac{w+2p_w-k_w}{s_w}+1 \rfloor"),
    ("forward-adds", "c_i c_o (k_h k_w - 1) m_h m_w"),
    ("output-height", "(h-k_h+p_h)/s_h+1"),
    ("output-height", "floor((h-k_h+p_h+s_h)/s_h)"),
    ("output-width", "(h-k_h+p_h+s_h)//s_h"),
    ("backward-ops", "2 c_o (2c_i k_h k_w-1) m_h m_w"),
    ("backward-ops", "4 c_i c_o k_h k_w m_h m_w"),
    ("forward-memory", "c_i h w + c_i c_o k_h k_w + c_o m_h m_w"),
    ("backward-memory", "2 c_i h w + 2 c_i c_o k_h k_w + c_o m_h m_w"),
    ("double-channels", "4"),
    ("double-channels", "2"),
    ("double-padding", "c_o(2c_ik_hk_w-1)(m_h p_w + m_w p_h + p_h p_w)"),
    ("pointwise-complexity", "c_o h w (2c_i-1)"),
    ("compose-size", "k1+k2-1"),
    ("compose-size", "k_1 k_2"),
    ("bias-size", "c_o c_i"),
    ("bias-size", "c_o"),
    ("forward-ops", "c_i c_o kh kw + ("),
)


def _distinct(index: int) -> tuple[str, str]:
    """A different text each time, half right (a factor that cancels), half wrong."""
    family = index % 6
    if family == 0:
        return "forward-ops", f"{index + 2}*c_o*(2*c_i*k_h*k_w-1)*m_h*m_w/{index + 2}"
    if family == 1:
        return "forward-mults", f"c_i c_o k_h k_w h w + {index}"
    if family == 2:
        return "output-height", f"(h-k_h+p_h+s_h)//s_h + {index} - {index}"
    if family == 3:
        return "forward-adds", f"c_o m_h m_w (c_i k_h k_w - {index % 97 + 2})"
    if family == 4:
        return "bias-size", f"c_o + {index}"
    return "forward-memory", f"c_i h w + c_i c_o k_h k_w + {index} c_o m_h m_w"


def class_file(path: Path, distinct: bool, rows: int = ROWS, seed: int = 1) -> Path:
    import csv
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "question", "answer"])
        for index in range(rows):
            question, answer = _distinct(index) if distinct else rng.choice(REPEATED_POOL)
            writer.writerow([f"s{index:05d}", question, answer])
    return path


def _grade(path: Path, out: Path) -> float:
    from derivations.grading.bulk import grade_rows, read_rows, report_csv, write_outputs
    start = time.perf_counter()
    header, rows = read_rows(path)
    results = grade_rows(header, rows)
    write_outputs({out: report_csv(header, rows, results, "en")})
    return time.perf_counter() - start


def _cold_check() -> float:
    command = [sys.executable, "-m", "derivations", "check", "--question", "forward-ops",
               "--answer", "c_o*(2*c_i*k_h*k_w-1)*m_h*m_w"]
    root = Path(__file__).resolve().parents[2]
    start = time.perf_counter()
    subprocess.run(command, cwd=root, capture_output=True, check=False,
                   env={**os.environ, "PYTHONPATH": str(root)})
    return time.perf_counter() - start


def run(report) -> None:
    from derivations.checking.deciding.catalogue import entry
    from derivations.registry.questions import QUESTIONS
    for qid in QUESTIONS:  # warm the derived catalogue (disk cache)
        entry(qid)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for distinct, target in ((False, 1000), (True, 100)):
            name = "distinct" if distinct else "repeated"
            source = class_file(folder / f"{name}.csv", distinct)
            seconds = _grade(source, folder / f"{name}-report.csv")
            report(f"grade {ROWS} rows, {name} answers", ROWS / seconds, "rows/s",
                   f"target >= {target} rows/s ({seconds:.2f} s)")
    _cold_check()  # the first run may fill the catalogue cache; time the next ones
    times = sorted(_cold_check() for _ in range(3))
    report("cold `check` subprocess (median of 3)", times[1], "s", "target < 1 s")
