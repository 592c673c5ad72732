"""Verdicts never depend on machine load: the per-answer budget counts CPU work, so the
same class file graded idle, paused (SIGSTOP/SIGCONT longer than the budget) and under
CPU contention gives byte-identical reports."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from derivations.checking.deciding.budget import cpu_seconds, enforced, time_budget
from derivations.checking.reading.limits import TIME_BUDGET

ROOT = Path(__file__).resolve().parents[2]
ROWS = [
    ("forward-ops", "c_o*(2*c_i*k_h*k_w-1)*m_h*m_w"),
    ("forward-ops", "Co*Ci*Kh*Kw*((H-Kh+2P)/S+1)^2"),
    ("backward-memory", "c_o"),
    ("backward-memory", "c_o c_i k_h k_w"),
    ("double-padding", "p_h*m_w + p_w*m_h + 3*p_h*p_w"),
    ("forward-adds", "c_i c_o (k_h k_w - 1) m_h m_w"),
    ("compose-size", "k_1 + k_2 - 1"),
]


def _class_file(folder: Path) -> Path:
    path = folder / "answers.csv"
    lines = ["student,question,answer"]
    lines += [f's{i},{q},"{a}"' for i, (q, a) in enumerate(ROWS * 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _grade(answers: Path, out: Path, during=None) -> bytes:
    command = [
        sys.executable,
        "-m",
        "derivations",
        "grade",
        str(answers),
        "--out",
        str(out),
        "--no-progress",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if during:
        during(process)
    _, err = process.communicate(timeout=600)
    assert process.returncode in (0, 1), err
    return out.read_bytes()


def _pauses(process):
    """Stop the grader for longer than the whole per-answer budget, a few times."""
    for _ in range(2):
        time.sleep(0.3)
        if process.poll() is not None:
            return
        process.send_signal(signal.SIGSTOP)
        time.sleep(TIME_BUDGET + 0.5)
        process.send_signal(signal.SIGCONT)


@pytest.mark.skipif(
    not hasattr(signal, "SIGSTOP") or not enforced(),
    reason="needs POSIX signals and CPU-time timers",
)
def test_reports_are_identical_idle_paused_and_under_contention(tmp_path):
    answers = _class_file(tmp_path)
    idle = _grade(answers, tmp_path / "idle.csv")
    paused = _grade(answers, tmp_path / "paused.csv", _pauses)
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(max(2, os.cpu_count() or 2))
    ]
    try:
        loaded = _grade(answers, tmp_path / "loaded.csv")
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    assert idle == paused == loaded
    assert b"error" not in idle and b"longer than" not in idle


@pytest.mark.skipif(not enforced(), reason="needs CPU-time timers")
def test_the_budget_counts_cpu_time_not_sleep():
    start = cpu_seconds()
    with time_budget(0.2):
        time.sleep(0.4)  # sleeping costs no CPU: the budget does not run out
    assert cpu_seconds() - start < 0.2
