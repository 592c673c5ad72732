"""A grade of a small class (fewer answers than make a worker pool worth its start, or
``--jobs 1``) grades in-process and imports no process-pool machinery
(``multiprocessing``, ``concurrent.futures``, ``ctypes``: a fifth of such a grade's
start-up), nor what its classes, its data files and its file names need not
(``dataclasses`` with ``inspect``: grading's classes are records; ``importlib.resources``:
the package is a folder; ``hashlib``: no file named by a digest); a class large enough
for the pool still gets one."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

POOL_MODULES = ("multiprocessing", "concurrent.futures", "ctypes")
UNUSED = ("dataclasses", "inspect", "importlib.resources", "hashlib")
_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "grading" / "class-long.csv"
_PROGRAM = """
import json, sys
from derivations.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit:
    pass
print(json.dumps(sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)))
"""


def _loaded(tmp_path, source: Path, jobs: str, modules=POOL_MODULES) -> list[str]:
    env = {**os.environ, "DERIVATIONS_CACHE": str(tmp_path / "cache")}
    argv = ["grade", str(source), "--out", str(tmp_path / "out.csv"), "--jobs", jobs]
    argv += ["--no-progress"]
    program = [sys.executable, "-c", _PROGRAM, json.dumps(argv), json.dumps(modules)]
    done = subprocess.run(program, capture_output=True, text=True, env=env, check=False)
    assert (tmp_path / "out.csv").is_file(), done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_a_small_class_imports_no_pool_machinery(tmp_path, jobs):
    assert _loaded(tmp_path, _EXAMPLE, jobs) == []


def test_a_grade_imports_no_module_it_does_not_use(tmp_path):
    _loaded(tmp_path, _EXAMPLE, "1", UNUSED)  # the first: caches filled (messages, grammar)
    assert _loaded(tmp_path, _EXAMPLE, "1", UNUSED) == []


def test_a_class_large_enough_for_the_pool_imports_it(tmp_path):
    source = tmp_path / "many.csv"
    rows = [f"s{i},forward-mults,c_i*c_o*k_h*k_w*m_h*m_w + {i}" for i in range(40)]
    source.write_text("student,question,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert set(_loaded(tmp_path, source, "2")) >= {"multiprocessing", "concurrent.futures"}
