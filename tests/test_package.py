"""The package as a user gets it: the public API (lazy, complete, documented by doctests),
the wheel's contents and the Python versions claimed.

Installing the wheel into fresh interpreters and running it outside the checkout is
``.ci/smoke`` (CI); here the wheel is built and its file list read.
"""

import doctest
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import derivations

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# modules whose docstrings hold the API tour and examples
DOCTESTED = ("derivations", "derivations.api", "derivations.display", "derivations.model")


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


# --- the public API -------------------------------------------------------------------
def test_import_is_light():
    """``import derivations`` loads none of the heavy libraries (issue 16)."""
    heavy = ("sympy", "numpy", "lark", "jinja2", "yaml", "scipy", "torch", "pandas")
    done = _run(
        "import sys, json, derivations; "
        f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_every_public_name_resolves():
    done = _run("import derivations as d; print(all(getattr(d, n) is not None for n in d.__all__))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_public_names_are_the_modules_own():
    for name in derivations.__all__:
        if name == "__version__":
            continue
        module = importlib.import_module(derivations._SOURCES[name])
        assert getattr(derivations, name) is getattr(module, name)
        assert name in dir(derivations)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        derivations.nonesuch  # noqa: B018


@pytest.mark.parametrize("name", DOCTESTED)
def test_doctests(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = [t for t in finder.find(module) if t.examples]
    assert tests, f"{name} has no doctest"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} doctest failures in {name} (see stdout)"


# --- versions -------------------------------------------------------------------------
def _claimed_minors() -> list[int]:
    return sorted(
        int(c.rsplit(".", 1)[1])
        for c in PYPROJECT["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )


def test_lowest_claimed_version_is_requires_python():
    lowest = re.fullmatch(r">=\s*3\.(\d+)", PYPROJECT["project"]["requires-python"])
    assert lowest, PYPROJECT["project"]["requires-python"]
    minors = _claimed_minors()
    assert minors[0] == int(lowest.group(1))
    assert minors == list(range(minors[0], minors[-1] + 1)), "a gap in the claimed versions"
    assert sys.version_info[:2] >= (3, minors[0])


def test_readme_states_the_claimed_versions():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    minors = _claimed_minors()
    assert f"Python 3.{minors[0]} or newer" in readme
    assert f"3.{minors[0]} to 3.{minors[-1]} are tested" in readme


def test_ci_runs_the_suite_on_the_lowest_and_the_highest_claimed_python():
    """``.ci/pythons`` names the claimed range (from pyproject.toml), and ``.ci/run`` runs
    ``make test`` under an interpreter of each end, as the README says."""
    minors = _claimed_minors()
    versions = subprocess.run(
        ["bash", str(ROOT / ".ci" / "pythons"), "versions"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHON": sys.executable},
    ).stdout.split()
    assert versions == [f"3.{minors[0]}", f"3.{minors[-1]}"]
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "read -r lowest highest < <(.ci/pythons versions)" in run
    for end in ("lowest", "highest"):
        assert re.search(rf'make test PYTHON="\$\(\.ci/pythons interpreter "\${end}"\)"', run)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"runs the test suite on Python 3.{minors[0]} and 3.{minors[-1]}" in readme


# --- the wheel ------------------------------------------------------------------------
def _package_files() -> list[str]:
    """Every file of the package in the checkout (tracked or not, none ignored)."""
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "derivations"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
        return sorted(p for p in listed if p and (ROOT / p).is_file())
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "derivations").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The wheel built from a copy of the sources (a build writes into its source tree)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for relative in _package_files():
        (source / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, source / relative)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(dist),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (built,) = dist.glob("derivations-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_holds_every_package_file(wheel):
    """Templates, message catalogues and any data file someone adds: all in the wheel
    (a file missing here needs its pattern in ``[tool.setuptools.package-data]``)."""
    names = set(wheel.namelist())
    missing = [p for p in _package_files() if p not in names]
    assert not missing, f"not in the wheel: {missing}"
    for folder in ("templates", "messages"):
        assert any(n.startswith(f"derivations/{folder}/") for n in names), folder


def test_wheel_holds_nothing_else(wheel):
    package = {p for p in wheel.namelist() if not p.startswith("derivations-")}
    assert package <= set(_package_files()), sorted(package - set(_package_files()))


def test_wheel_holds_no_development_code(wheel):
    """The benchmarks and the modules only the tests use stay in the checkout: the wheel
    holds the package alone, and no module of it names them."""
    names = wheel.namelist()
    assert not [n for n in names if n.startswith("benchmarks/") or "/benchmarks/" in n]
    assert not [n for n in names if n.startswith("tests/")]
    test_only = ("backward.py", "torch_models.py")
    assert not [n for n in names if n.startswith("derivations/networks/") and n.endswith(test_only)]
    for name in names:
        if name.endswith(".py"):
            text = wheel.read(name).decode("utf-8")
            for module in ("benchmarks", "tests.networks"):
                assert f"import {module}" not in text and f"from {module}" not in text, name
    for development in ("benchmarks", "tests"):  # present in the checkout the wheel is from
        assert (ROOT / development).is_dir()


def test_wheel_metadata(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode("utf-8")
    assert f"Version: {derivations.__version__}\n" in text
    assert f"Requires-Python: {PYPROJECT['project']['requires-python']}\n" in text
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "derivations = derivations.cli:main" in wheel.read(entry_points).decode("utf-8")


def test_resources_read_from_the_package():
    """Templates and messages are found through importlib.resources, not the checkout."""
    from importlib import resources

    from derivations.messages import catalogue

    templates = resources.files("derivations") / "templates"
    assert any(item.name.endswith(".j2") for item in templates.iterdir())
    assert "display.layer" in catalogue()
