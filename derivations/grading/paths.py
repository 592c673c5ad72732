"""Outputs refused before any grading is done: empty, a directory, a device, the input
file, two outputs that are the same file, a folder that does not exist.  Each is a keyed
:class:`DerivationError` (``grading.out_*``): the CLI says it in the command's ``--lang``."""

from __future__ import annotations

import os
from pathlib import Path

from derivations.errors import DerivationError
from derivations.grading.escape import terminal

__all__ = ["check_outputs"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _problem(flag: str, value: str, answers: Path) -> DerivationError | None:
    path = Path(value)
    shown = terminal(value)
    if not value.strip():
        return DerivationError(key="grading.out_empty", flag=flag)
    if value.endswith(("/", os.sep)) or path.is_dir():
        return DerivationError(key="grading.out_directory", flag=flag, path=shown)
    if os.path.abspath(value).startswith("/dev/") or (path.exists() and not path.is_file()):
        return DerivationError(key="grading.out_special", flag=flag, path=shown)
    if not path.parent.is_dir():
        return DerivationError(
            key="grading.out_no_folder", flag=flag, path=shown, folder=terminal(str(path.parent))
        )
    if _same_file(path, answers):
        return DerivationError(key="grading.out_is_input", flag=flag, path=shown)
    return None


def check_outputs(options) -> None:
    """Raise a one-line error for the first output that cannot be right."""
    from derivations.grading.bulk import _chart_name

    named = {"--out": options.out}
    for flag, value in (
        ("--summary", options.summary),
        ("--chart", _chart_name(options)),
        ("--gradebook", options.gradebook),
    ):
        if value is not None:
            named[flag] = value
    for flag, value in named.items():
        problem = _problem(flag, value, Path(options.answers))
        if problem:
            raise problem
    flags = list(named)
    for i, first in enumerate(flags):
        for second in flags[i + 1 :]:
            if _same_file(Path(named[first]), Path(named[second])):
                raise DerivationError(
                    key="grading.out_twice", flag=second, path=terminal(named[second]), other=first
                )
    if options.feedback_dir is not None:
        folder = Path(options.feedback_dir)
        if not options.feedback_dir.strip():
            raise DerivationError(key="grading.out_empty", flag="--feedback-dir")
        if folder.exists() and not folder.is_dir():
            raise DerivationError(key="grading.out_not_folder", path=terminal(options.feedback_dir))
