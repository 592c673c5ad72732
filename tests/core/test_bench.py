"""The benchmark harness (``benchmarks/``, in the checkout, not the wheel): interleaved
rounds, min and median, new processes, isolation, ``python -m benchmarks``."""

import sys

import pytest

from benchmarks import Harness, Timing, python_command
from benchmarks.__main__ import main, thread_environment


def test_rounds_are_interleaved_and_summarized():
    order: list[str] = []
    lines: list[str] = []
    harness = Harness(write=lines.append)
    a, b = harness.timings(lambda: order.append("a"), lambda: order.append("b"), rounds=3)
    assert order == ["a", "b"] * 3
    assert a.rounds == b.rounds == 3 and a.min <= a.median


def test_timing_min_and_median():
    t = Timing((3.0, 1.0, 2.0, 10.0))
    assert (t.min, t.median, t.rounds) == (1.0, 2.5, 4)


def test_figures_are_reported_with_min_and_median():
    lines: list[str] = []
    harness = Harness(write=lines.append)
    harness.timing("thing", Timing((0.002, 0.004, 0.003)), note="target <= 5 ms")
    harness("ratio", 1.5, "x")
    assert "2.000 ms" in lines[0] and "median 3.000 ms, 3 rounds; target <= 5 ms" in lines[0]
    assert harness.figures[1] == ("ratio", 1.5, "x", "")


def test_processes_run_new_interpreters_with_setup_untimed(tmp_path):
    marks = []
    harness = Harness(write=lambda line: None)
    (timing,) = harness.processes(
        [sys.executable, "-c", "pass"], rounds=2, setup=lambda: marks.append(1)
    )
    assert timing.rounds == 2 and marks == [1, 1] and timing.min > 0


def test_python_command_runs_this_package():
    assert python_command("cost")[1:] == ["-m", "derivations", "cost"]


def test_thread_environment_limits_every_pool():
    env = thread_environment(1)
    assert env["OMP_NUM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == "1"
    assert thread_environment(0) == {}


def test_unknown_benchmark_is_one_line(capsys):
    assert main(["nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nope'" in err and "core" in err


def test_negative_thread_count_is_refused(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--threads", "-1"])
    assert exit.value.code == 2 and "'-1'" in capsys.readouterr().err


def test_process_timings_carry_their_cpu_time():
    (timing,) = Harness(write=lambda line: None).processes(
        [sys.executable, "-c", "sum(range(10**6))"], rounds=2
    )
    assert len(timing.cpu) == 2 and all(cpu > 0 for cpu in timing.cpu)


def test_a_broken_benchmark_module_is_one_line(tmp_path, monkeypatch, capsys):
    import benchmarks

    (tmp_path / "broken.py").write_text("def run(harness):\n    raise ImportError('gone')\n")
    monkeypatch.setattr(benchmarks, "__path__", [*benchmarks.__path__, str(tmp_path)])
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib
    import sys as _sys

    spec = importlib.util.spec_from_file_location("benchmarks.broken", tmp_path / "broken.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(_sys.modules, "benchmarks.broken", module)
    assert main(["--in-process", "--threads", "0", "broken"]) == 2
    out, err = capsys.readouterr()
    assert out == "[broken]\n"
    assert err == "bench: error: benchmark broken failed: ImportError: gone\n"


def test_processes_run_in_the_folder_asked(tmp_path):
    marker = tmp_path / "here"
    Harness(write=lambda line: None).processes(
        [sys.executable, "-c", "open('here', 'w').close()"], rounds=1, cwd=tmp_path
    )
    assert marker.exists()


def test_bench_prints_the_time_of_each_module(tmp_path, monkeypatch, capsys):
    import benchmarks

    (tmp_path / "tiny.py").write_text("def run(harness):\n    harness('one', 1, 'x')\n")
    monkeypatch.setattr(benchmarks, "__path__", [*benchmarks.__path__, str(tmp_path)])
    # listed here, but the module's own process cannot import it: it fails, and its time
    # is still summarized
    assert main(["--threads", "0", "tiny"]) == 2
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("time per module (wall, CPU of the module and its children):")
    assert lines[start + 1].split()[0] == "tiny" and lines[start + 2].split()[0] == "total"


def test_bench_errors_are_catalogue_messages(capsys):
    from derivations.errors import DerivationError

    with pytest.raises(DerivationError) as caught:
        from benchmarks.__main__ import run

        run(type("Args", (), {"names": ["nope"], "in_process": False, "threads": 1})())
    assert caught.value.key == "startup.no_benchmark"
    assert "'nope'" in caught.value.text("zh") and caught.value.text("zh") != str(caught.value)


def test_the_first_run_benchmark_answers_each_question_rightly():
    """Its timed runs must exit 0: each answer is the question's reference as printed."""
    from benchmarks.firstrun import reference_answers
    from derivations.checking.checker import check
    from derivations.registry.questions import QUESTIONS

    answers = reference_answers()
    assert set(answers) == set(QUESTIONS)
    for qid, answer in answers.items():
        assert check(qid, answer, symbolic=False).verdict == "equivalent", (qid, answer)


def test_the_practice_bench_runs_a_tree_as_a_wheel_install_does(tmp_path):
    """Its plain environment imports the tree given, from a plain sys.path entry: no
    editable install's finder imported at start-up (the figure a user's install gives)."""
    import subprocess
    from pathlib import Path

    from benchmarks.practice import plain_environment

    tree = Path(__file__).resolve().parents[2]
    python = plain_environment(tmp_path / "venv", tree)
    probe = (
        "import sys, derivations; print(derivations.__file__); "
        "print(any('editable' in name for name in sys.modules))"
    )
    out = subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout.split()
    assert out == [str(tree / "derivations" / "__init__.py"), "False"]


def test_the_practice_bench_counts_the_cpu_of_its_child_processes():
    """What it reports as the browser's CPU: the time of the processes below it (a child
    that spins for a while is counted, once it has spun)."""
    import os
    import subprocess
    import time

    from benchmarks.practice import descendants_cpu

    before = descendants_cpu(os.getpid())
    if before is None:
        pytest.skip("no /proc")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\nend = time.process_time() + 0.3\n"
            "while time.process_time() < end: pass\ninput()",
        ],
        stdin=subprocess.PIPE,
    )
    try:
        deadline = 0
        while (descendants_cpu(os.getpid()) or 0) - before < 0.25 and deadline < 200:
            time.sleep(0.05)
            deadline += 1
        assert (descendants_cpu(os.getpid()) or 0) - before >= 0.25
    finally:
        child.communicate(b"\n", timeout=60)


def test_the_checking_bench_baseline_is_the_default_or_the_commit_named(monkeypatch):
    from benchmarks import checking

    monkeypatch.delenv(checking.BASELINE_VARIABLE, raising=False)
    assert checking.baseline()[0] == checking.BEFORE
    monkeypatch.setenv(checking.BASELINE_VARIABLE, " 5bc1699 ")
    assert checking.baseline() == ("5bc1699", "DERIVATIONS_BENCH_CHECKING_BASELINE")


def test_the_checking_bench_times_the_commit_named_and_says_which(monkeypatch):
    """DERIVATIONS_BENCH_CHECKING_BASELINE's commit is the tree extracted (its checker,
    not the default's) and the report names it; a commit git does not hold is skipped
    in one line naming it."""
    import subprocess

    from benchmarks import checking

    def source(commit: str) -> str:
        return subprocess.run(
            ["git", "-C", str(checking._ROOT), "show", f"{commit}:derivations/checking/checker.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    try:
        chosen, default = source("5bc1699"), source(checking.BEFORE)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout holding the commits")
    assert chosen != default
    extracted: list[str] = []
    for name in ("_compare_check", "_compare_cold"):
        monkeypatch.setattr(checking, name, lambda *args, **kwargs: None)

    def grade(report, before, *args, **kwargs):
        extracted.append((before / "derivations" / "checking" / "checker.py").read_text())

    monkeypatch.setattr(checking, "_compare_grade", grade)
    monkeypatch.setenv(checking.BASELINE_VARIABLE, "5bc1699")
    lines: list[str] = []
    checking._before_and_now(Harness(write=lines.append))
    assert extracted == [chosen]
    assert lines == ["  before = 5bc1699 (DERIVATIONS_BENCH_CHECKING_BASELINE); now = this tree"]
    monkeypatch.setenv(checking.BASELINE_VARIABLE, "0" * 40)
    lines.clear()
    checking._before_and_now(Harness(write=lines.append))
    assert len(lines) == 1 and f"before ({'0' * 40}) vs now" in lines[0] and "skipped" in lines[0]


def test_the_checking_bench_times_compiled_modules_whatever_the_shell_says(monkeypatch, tmp_path):
    """Its processes write and import bytecode even under PYTHONDONTWRITEBYTECODE (else a
    cold check of either tree compiles its sources every time: a figure of neither)."""
    from benchmarks import checking

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = checking._environment(tmp_path, tmp_path / "cache")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPATH"] == str(tmp_path) and env["DERIVATIONS_CACHE"] == str(
        tmp_path / "cache"
    )
