"""Every command block of the README runs as written, in a new shell at the top of a fresh
checkout; the Python tour runs as a doctest.

A shell block (```` ```sh ````) runs with ``bash -euo pipefail`` in a temporary copy of the
checkout's files (without the package: ``.venv/bin/derivations`` and ``.venv/bin/python``
there run the code under test), with the test venv's own ``bin`` off ``PATH``, so a command
written without ``.venv/bin/`` fails as it would in a new shell.  A block is left out only
when its fence says ``not-run`` and the paragraph before it starts with "Not run by
`tests/test_readme.py`:" and gives a reason.  A ``pycon`` block runs as a doctest.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHELLS = ("sh", "bash", "shell")
NOT_RUN = "Not run by `tests/test_readme.py`:"
# what a shell block may start a command with: the project's tool in .venv, make, and
# plain file tools
STARTS = (
    ".venv/bin/derivations",
    ".venv/bin/python",
    "make",
    "cat",
    "head",
    "ls",
    "diff",
    "cmp",
    "echo",
    "mkdir",
    "cd",
    "test",
)
# the package and the tests are not copied: the shims run the checkout's own code
NOT_COPIED = ("derivations", "tests", ".venv", "node_modules", ".git")


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, 1-based
    lang: str
    run: bool
    text: str
    before: str  # the paragraph just before the fence


def _blocks() -> list[Block]:
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks, index = [], 0
    while index < len(lines):
        fence = re.fullmatch(r"```(\S*)(.*)", lines[index])
        if not fence:
            index += 1
            continue
        end = lines.index("```", index + 1)
        paragraph: list[str] = []
        back = index - 1
        while back >= 0 and not lines[back].strip():
            back -= 1
        while back >= 0 and lines[back].strip():
            paragraph.insert(0, lines[back])
            back -= 1
        blocks.append(
            Block(
                index + 1,
                fence.group(1),
                "not-run" not in fence.group(2).split(),
                "\n".join(lines[index + 1 : end]) + "\n",
                " ".join(paragraph),
            )
        )
        index = end + 1
    return blocks


BLOCKS = _blocks()
SHELL_BLOCKS = [b for b in BLOCKS if b.lang in SHELLS and b.run]
PYCON_BLOCKS = [b for b in BLOCKS if b.lang == "pycon"]


def _commands(block: Block) -> list[str]:
    """Logical command lines: continuations joined, comments and blank lines dropped."""
    joined = re.sub(r"\\\n\s*", " ", block.text)
    return [
        line.strip()
        for line in joined.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


# --- what the README holds --------------------------------------------------------------
def test_readme_has_command_blocks_and_a_tour():
    assert len(SHELL_BLOCKS) >= 3 and PYCON_BLOCKS
    assert all(b.lang in (*SHELLS, "pycon") for b in BLOCKS), [b.lang for b in BLOCKS]


@pytest.mark.parametrize("block", [b for b in BLOCKS if not b.run], ids=lambda b: f"line{b.line}")
def test_a_block_not_run_says_why(block):
    assert block.before.startswith(NOT_RUN), (
        f"README line {block.line}: a not-run block needs a paragraph starting {NOT_RUN!r}"
    )
    assert len(block.before) > len(NOT_RUN) + 10, f"README line {block.line}: no reason given"


@pytest.mark.parametrize(
    "block", [b for b in BLOCKS if b.lang in SHELLS], ids=lambda b: f"line{b.line}"
)
def test_commands_run_in_a_new_shell(block):
    """The tool is always called through .venv/bin: a new shell has no venv active."""
    for command in _commands(block):
        words = shlex.split(command, comments=True)
        assert words[0] in STARTS, f"README line {block.line}: {command!r}"
        bare = [w for w in words if w in ("python", "python3", "pip", "derivations")]
        assert not bare, f"README line {block.line}: {bare[0]!r} needs .venv/bin/: {command!r}"
        placeholders = [w for w in words if w.startswith("[") or w in ("...", "…")]
        assert not placeholders, f"README line {block.line}: a placeholder in {command!r}"


def test_readme_links_the_book_section_in_both_editions():
    from derivations.registry.exercises import BOOK_SECTION, EDITIONS

    text = README.read_text(encoding="utf-8")
    for edition in EDITIONS:
        assert f"]({BOOK_SECTION[edition]})" in text, edition


# --- running them ---------------------------------------------------------------------
def _shim(path: Path, *command: str) -> None:
    path.write_text(
        f'#!/bin/sh\nPYTHONPATH={shlex.quote(str(ROOT))} exec {shlex.join(command)} "$@"\n'
    )
    path.chmod(0o755)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A fresh copy of the checkout's files, with a .venv whose tools run the code under
    test."""
    where = tmp_path_factory.mktemp("checkout")
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    names = (
        listed.stdout.splitlines()
        if listed.returncode == 0
        else [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    )
    for name in names:
        if Path(name).parts[0] in NOT_COPIED or not (ROOT / name).is_file():
            continue
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, where / name)
    bin_dir = where / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    _shim(bin_dir / "python", sys.executable)
    _shim(bin_dir / "derivations", sys.executable, "-m", "derivations")
    return where


def _environment(checkout: Path) -> dict[str, str]:
    """A new shell's: the test venv's bin off PATH, no venv or PYTHONPATH set."""
    own_bin = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if p and p != own_bin
    )
    env["DERIVATIONS_CACHE"] = str(checkout.parent / "cache")
    return env


@pytest.mark.parametrize("block", SHELL_BLOCKS, ids=lambda b: f"line{b.line}")
def test_shell_block_runs(block, checkout):
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-euo", "pipefail", "-c", block.text],
        cwd=checkout,
        env=_environment(checkout),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, (
        f"README line {block.line} exited {done.returncode}:\n{done.stderr[-3000:]}"
    )
    assert "Traceback" not in done.stderr, done.stderr[-3000:]


@pytest.mark.parametrize("block", PYCON_BLOCKS, ids=lambda b: f"line{b.line}")
def test_python_tour_runs(block, checkout, monkeypatch):
    for module, extra in (("pandas", "notebook"), ("torch", "torch")):
        if re.search(rf"^>>> (import|from) {module}\b", block.text, re.MULTILINE):
            require_tool(
                importlib.util.find_spec(module) is not None,
                f"{module} is not installed (the `{extra}` extra)",
            )
    monkeypatch.chdir(checkout)
    monkeypatch.setenv("DERIVATIONS_CACHE", str(checkout.parent / "cache"))
    test = doctest.DocTestParser().get_doctest(
        block.text, {}, f"README line {block.line}", str(README), block.line
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert test.examples and runner.failures == 0, (
        f"{runner.failures} failures in the README tour at line {block.line} (see stdout)"
    )
