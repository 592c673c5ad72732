"""The first verdict's path imports no module it does not use: a cold ``check`` of an
answer read the first time (the practice bench's first answer, wrong and right, in both
languages) loads none of :data:`derivations.checking.checker.LAZY_MODULES` (the list
in one place); a refused answer's second look loads the modules only it uses.  A plain
formula's (those answers are) loads none of the reader's stages it skips either
(:data:`derivations.checking.checker.PLAIN_LAZY_MODULES`); an answer that needs them
loads them."""

import json
import os
import subprocess
import sys

import pytest

from derivations.checking.checker import LAZY_MODULES, PLAIN_LAZY_MODULES

_PROGRAM = """
import json, sys
from derivations.cli import main
for argv in json.loads(sys.argv[1]):
    main(argv)
print(json.dumps(sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)))
"""
# an answer read the first time: the practice bench's first answer (wrong), a right one
FIRST = [
    ["check", "--question", "forward-mults", "--answer", "c_i*k_h*k_w*m_h*m_w"],
    ["check", "--question", "forward-mults", "--answer", "c_o*c_i*k_h*k_w*m_h*m_w"],
    ["check", "--question", "output-height", "--answer", "(h-k_h+p_h+s_h)/s_h", "--lang", "zh"],
]
SECOND_LOOK = ("derivations.checking.every_reading", "derivations.checking.reading.second_look")


def _loaded(tmp_path, runs: list, modules=LAZY_MODULES) -> list[str]:
    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    argv = [sys.executable, "-c", _PROGRAM, json.dumps(runs), json.dumps(modules)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_answer_read_the_first_time_imports_no_lazy_module(tmp_path, lang):
    runs = [[*argv, "--lang", lang] if "--lang" not in argv else argv for argv in FIRST]
    assert _loaded(tmp_path, runs[:1]) == []  # a cold check: the bench's first answer
    assert _loaded(tmp_path, runs) == []  # with warm caches, of each kind read


def test_a_plain_formulas_check_imports_no_reading_stage_it_skips(tmp_path):
    assert _loaded(tmp_path, FIRST, PLAIN_LAZY_MODULES) == []


def test_answers_that_need_the_reading_stages_import_them(tmp_path):
    runs = [
        ["check", "--question", "forward-mults", "--answer", "c_o·c_i·k_h·k_w·m_h·m_w"],
        ["check", "--question", "output-height", "--answer", "h minus k_h plus 1"],
    ]
    assert _loaded(tmp_path, runs, PLAIN_LAZY_MODULES) == sorted(PLAIN_LAZY_MODULES)


@pytest.mark.parametrize("answer", ["c_i*dkernel*m_h*m_w", "c_o*c_i*k_h*k_w*m_h*m_w = \n"])
def test_a_refused_answers_second_look_imports_the_modules_it_uses(tmp_path, answer):
    runs = [["check", "--question", "forward-mults", "--answer", answer]]
    assert set(SECOND_LOOK) <= set(_loaded(tmp_path, runs))


def test_every_lazy_module_exists():
    import importlib.util

    assert set(SECOND_LOOK) <= set(LAZY_MODULES)
    for name in (*LAZY_MODULES, *PLAIN_LAZY_MODULES):
        assert importlib.util.find_spec(name) is not None, name
