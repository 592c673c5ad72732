"""The maths of each exercise lives apart from its prose: ``derivations/exercises/maths/``
imports no prose machinery (no ``text()``, ``message()``, blocks, notation, layout,
message catalogue), and a split sheet computes and checks nothing itself (it reads the
maths' results).  An AST scan of the sources, with a control showing the scan fails on
the imports it forbids."""

import ast
from pathlib import Path

import pytest

from derivations.exercises import MODULES

PACKAGE = Path(__file__).resolve().parents[2] / "derivations"
EXERCISES = PACKAGE / "exercises"
MATHS = EXERCISES / "maths"

# Exercises whose sheet still mixes the maths in (not yet split into maths/<name>.py).
NOT_YET_SPLIT: set[str] = set()

# What a maths module must not import: the sheets' prose and layout.
PROSE_MODULES = (
    "derivations.exercises.document",
    "derivations.exercises.notation",
    "derivations.exercises.layout",
    "derivations.messages",
    "derivations.registry.misconceptions",
    "derivations.render",
    "jinja2",
)
PROSE_NAMES = {
    "text",
    "message",
    "exercise",
    "heading",
    "paragraph",
    "math",
    "result",
    "answer",
    "table",
    "code",
    "mistake",
    "mistakes",
    "figure",
    "tex",
    "num",
}
# What a split sheet must not import: the machinery that computes or checks.
MATHS_MODULES = (
    "derivations.exercises.checks",
    "derivations.exercises.instances",
    "derivations.closed_forms",
    "derivations.conv",
    "derivations.counted",
    "derivations.execute",
    "derivations.loops",
    "derivations.scenarios",
)
CHECK_NAMES = {"CheckFailed", "checked", "require"}


def imports(source: str) -> list[tuple[str, str | None]]:
    """Every ``(module, name)`` the source imports, at any depth (``name`` None for a
    plain ``import module``); relative imports are refused outright."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import"
            found += [(node.module or "", alias.name) for alias in node.names]
    return found


def _within(module: str, prefixes) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def prose_imports(source: str) -> list[str]:
    """The imports of prose machinery in ``source`` (empty for a pure maths module)."""
    sheets = tuple(f"derivations.exercises.{name}" for name in MODULES)
    bad = []
    for module, name in imports(source):
        full = f"{module}.{name}" if name else module
        if (
            _within(module, PROSE_MODULES)
            or _within(full, PROSE_MODULES)
            or _within(full, sheets)
            or (name in PROSE_NAMES and module.startswith("derivations"))
        ):
            bad.append(full)
    return bad


def maths_imports(source: str) -> list[str]:
    """The imports of computing or checking machinery in ``source`` (a sheet's)."""
    return [
        f"{module}.{name}" if name else module
        for module, name in imports(source)
        if _within(module, MATHS_MODULES) or name in CHECK_NAMES
    ]


def _maths_sources() -> list[Path]:
    return sorted(MATHS.glob("*.py")) + [EXERCISES / "checks.py", EXERCISES / "instances.py"]


@pytest.mark.parametrize("path", _maths_sources(), ids=lambda p: p.name)
def test_maths_modules_import_no_prose(path):
    assert prose_imports(path.read_text(encoding="utf-8")) == []


SPLIT = sorted(set(MODULES) - NOT_YET_SPLIT)


@pytest.mark.parametrize("name", SPLIT)
def test_a_split_sheet_computes_and_checks_nothing_itself(name):
    source = (EXERCISES / f"{name}.py").read_text(encoding="utf-8")
    assert maths_imports(source) == []
    assert f"derivations.exercises.maths.{name}" in {m for m, _ in imports(source)} | {
        f"{m}.{n}" for m, n in imports(source)
    }


@pytest.mark.parametrize("name", MODULES)
def test_the_not_yet_split_list_is_exact(name):
    assert (MATHS / f"{name}.py").exists() == (name not in NOT_YET_SPLIT), name


@pytest.mark.parametrize(
    "line, caught",
    [
        (
            "from derivations.exercises.document import text",
            ["derivations.exercises.document.text"],
        ),
        ("from derivations.exercises import document", ["derivations.exercises.document"]),
        ("import derivations.messages", ["derivations.messages"]),
        ("from derivations.exercises.notation import tex", ["derivations.exercises.notation.tex"]),
        ("from derivations.exercises import blocks", ["derivations.exercises.blocks"]),
        ("def f():\n    from derivations.messages import text", ["derivations.messages.text"]),
        ("from derivations.exercises.checks import require", []),
        ("import numpy as np", []),
    ],
)
def test_the_prose_scan_catches_what_it_forbids(line, caught):
    # control: the scan is not vacuous
    assert prose_imports(line) == caught


def test_the_sheet_scan_catches_checks():
    assert maths_imports("from derivations.exercises.document import require, text") == [
        "derivations.exercises.document.require"
    ]
    assert maths_imports("from derivations.counted import counting") == [
        "derivations.counted.counting"
    ]
