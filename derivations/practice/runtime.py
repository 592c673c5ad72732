"""The Python runtime of the practice pages: Pyodide, from its npm package, pinned here.

``docs`` copies :data:`FILES` from ``node_modules/pyodide`` (``npm install --no-save
pyodide@VERSION``; ``python derivations/practice/runtime.py`` prints that argument) into
``OUT/practice/pyodide/``, beside the checker's archive; they are never committed (about
13 MB, ``.gitignore``).  Looked for in ``$DERIVATIONS_PYODIDE``, then ``node_modules/pyodide``
in the current folder, then in the checkout the package runs from.  Without it (no Node,
or another version) ``docs`` builds everything else and says in one line what it skipped;
the pages then say in one line that the checker could not be loaded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["VERSION", "FILES", "FOLDER", "locate", "runtime_files"]

VERSION = "314.0.8"  # the npm package pyodide (Python 3.14); the one place it is pinned
# what the worker loads: the loader, the interpreter, the standard library, the lock file
FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
FOLDER = "practice/pyodide"  # below docs' output folder


def _candidates() -> list[Path]:
    named = os.environ.get("DERIVATIONS_PYODIDE")
    checkout = Path(__file__).resolve().parents[2]
    return [
        *([Path(named)] if named else []),
        Path.cwd() / "node_modules" / "pyodide",
        checkout / "node_modules" / "pyodide",
    ]


def _version(folder: Path) -> str | None:
    try:
        return str(json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def locate() -> tuple[Path | None, str]:
    """``(folder, "")`` of the pinned runtime, or ``(None, why not)`` in a few words."""
    seen = []
    for folder in _candidates():
        version = _version(folder)
        if version == VERSION and all((folder / name).is_file() for name in FILES):
            return folder, ""
        if version is not None:
            seen.append(f"{folder} holds pyodide {version}")
    if seen:
        return None, "; ".join(seen)
    return None, "no node_modules/pyodide"


def runtime_files() -> tuple[dict[str, bytes], str]:
    """``({relative path: bytes}, "")`` for the runtime below docs' output folder, or
    ``({}, the one line saying what was skipped and why)``."""
    folder, why = locate()
    if folder is None:
        return {}, (
            f"skipped the practice pages' Python runtime (Pyodide {VERSION}): {why}; "
            f"`npm install --no-save pyodide@{VERSION}` and build again"
        )
    return {f"{FOLDER}/{name}": (folder / name).read_bytes() for name in FILES}, ""


if __name__ == "__main__":  # the npm argument, for .ci/run and the Makefile
    print(f"pyodide@{VERSION}")
