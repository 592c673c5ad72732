"""Lazy start-up: the command line and the commands that only list or read import no
SymPy (nor NumPy, lark, Jinja2); ``cost`` with a warm forms cache needs no SymPy either.

The package's ``__init__`` is bypassed (a bare package module stands in for it): its own
laziness is the public API's test; this one holds ``cli`` and the commands to theirs.
"""

import json
import subprocess
import sys

import pytest

HEAVY = ("sympy", "numpy", "lark", "jinja2")

_PROGRAM = """
import contextlib, importlib.util, io, json, sys, types
spec = importlib.util.find_spec("derivations")
package = types.ModuleType("derivations")
package.__path__, package.__spec__ = spec.submodule_search_locations, spec
sys.modules["derivations"] = package
from derivations.cli import main
status = None
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        status = main(json.loads(sys.argv[1]))
    except SystemExit as exit:
        status = exit.code
print(json.dumps({"status": status, "loaded": [m for m in HEAVY if m in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))


def _run(argv, env=None):
    out = subprocess.run(
        [sys.executable, "-c", _PROGRAM, json.dumps(argv)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    "argv, status",
    [
        (["--help"], 0),
        (["cost", "--help"], 0),
        (["check", "--help"], 0),
        (["cost", "--ci", "x"], 2),  # an argument error
        (["no-such-command"], 2),
        (["verify", "--samples", "0"], 2),
    ],
)
def test_help_and_argument_errors_import_nothing_heavy(argv, status):
    assert _run(argv) == {"status": status, "loaded": []}


def test_questions_imports_no_sympy():
    result = _run(["questions"])
    assert result["status"] == 0 and "sympy" not in result["loaded"]


def test_cost_with_a_warm_forms_cache_imports_no_sympy(tmp_path):
    import os

    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    argv = ["cost", "--ci", "3", "--co", "8", "--h", "9", "--w", "9", "--kh", "3", "--kw", "3"]
    first = _run(argv, env)
    assert first["status"] == 0 and "sympy" in first["loaded"]  # derived, then cached
    assert _run(argv, env) == {"status": 0, "loaded": []}


@pytest.mark.parametrize("argv", [["--help"], ["cost", "--ci", "x"], ["questions"]])
def test_the_real_entry_point_imports_nothing_heavy(argv):
    """The same through ``python -m derivations`` and the package's lazy ``__init__``
    (``-X importtime`` lists every module imported)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "derivations", *argv],
        capture_output=True,
        text=True,
    )
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "derivations" in imported
    assert not imported & {"sympy", "numpy", "lark", "jinja2"}, sorted(imported)


@pytest.mark.parametrize("question", ["double-padding", "pointwise-complexity", "backward-memory"])
def test_a_first_check_after_install_derives_nothing(tmp_path, question):
    """With an empty cache and no key yet, the derivations prebuilt with the package
    answer the first ``check`` of any question: no SymPy imported, nothing derived.
    (These three took the longest to derive: 3.6, 0.9 and 0.2 s of SymPy.)"""
    import os

    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = _run(["check", "--question", question, "--answer", "c_o"], env)
    assert result == {"status": 1, "loaded": ["lark"]}
    assert not list((tmp_path / "cache").rglob(f"{question}.json"))  # read in the package


def test_verify_with_a_warm_forms_cache_imports_no_sympy(tmp_path):
    import os

    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    argv = ["verify", "--samples", "12", "--seed", "1"]  # both paddings, bias on and off
    first = _run(argv, env)
    assert first["status"] == 0 and "sympy" in first["loaded"]  # derived, then cached
    second = _run(argv, env)
    assert second["status"] == 0 and "sympy" not in second["loaded"]


# what a `check` with warm caches has no use for: PyYAML (the message catalogues come from
# the store as JSON), importlib.metadata, the other commands' modules, grading
UNUSED_BY_CHECK = (
    "yaml",
    "importlib.metadata",
    "derivations.commands.grade",
    "derivations.commands.network",
    "derivations.grading",
)


def test_a_check_with_warm_caches_imports_only_what_checking_uses(tmp_path):
    import os

    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    argv = ["check", "--question", "forward-mults", "--answer", "c_i*k_h*m_h", "--lang", "zh"]
    program = _PROGRAM.replace(repr(HEAVY), repr(UNUSED_BY_CHECK))
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", program, json.dumps(argv)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout
        )
        for _ in range(2)
    ]
    assert runs[0] == {"status": 1, "loaded": ["yaml"]}  # the catalogues parsed once, stored
    assert runs[1] == {"status": 1, "loaded": []}


def test_a_check_imports_no_shutil(tmp_path):
    """argparse sizes each formatter it builds (one per argument added) with shutil,
    which imports bz2 and lzma: the parser's own formatter does not."""
    import os

    env = {**os.environ, "DERIVATIONS_CACHE": str(tmp_path / "cache")}
    argv = ["check", "--question", "forward-mults", "--answer", "c_o*c_i"]
    program = (
        "import json, sys\nfrom derivations.cli import main\nstatus = main(json.loads(sys.argv[1]))\n"
        "print(json.dumps([status, [m for m in ('shutil', 'bz2', 'lzma') if m in sys.modules]]))"
    )
    for _ in range(2):  # the first fills the caches (the grammar's tables)
        done = subprocess.run(
            [sys.executable, "-c", program, json.dumps(argv)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
    assert json.loads(done.stdout.splitlines()[-1]) == [1, []]


@pytest.mark.parametrize("columns", ["", "0", "-4", "wide", "57", "132"])
def test_the_help_is_as_wide_as_argparses_own(monkeypatch, columns):
    import argparse
    import shutil

    from derivations.cli import build_parser, terminal_columns

    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    parser = build_parser(["check"])
    ours = parser.format_help()
    parser.formatter_class = argparse.HelpFormatter
    assert parser.format_help() == ours
