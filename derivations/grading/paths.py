"""Outputs refused before any grading is done: empty, a directory, a device, the input
file, two outputs that are the same file, a folder that does not exist."""

from __future__ import annotations

import os
from pathlib import Path

from derivations.errors import DerivationError
from derivations.grading.escape import terminal
from derivations.messages import text

__all__ = ["check_outputs"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _problem(flag: str, value: str, answers: Path, lang: str) -> str | None:
    path = Path(value)
    shown = terminal(value)
    if not value.strip():
        return text("grading.out_empty", lang, flag=flag)
    if value.endswith(("/", os.sep)) or path.is_dir():
        return text("grading.out_directory", lang, flag=flag, path=shown)
    if os.path.abspath(value).startswith("/dev/") or (path.exists() and not path.is_file()):
        return text("grading.out_special", lang, flag=flag, path=shown)
    if not path.parent.is_dir():
        return text(
            "grading.out_no_folder", lang, flag=flag, path=shown, folder=terminal(str(path.parent))
        )
    if _same_file(path, answers):
        return text("grading.out_is_input", lang, flag=flag, path=shown)
    return None


def check_outputs(options) -> None:
    """Raise a one-line error for the first output that cannot be right."""
    from derivations.grading.bulk import _chart_name

    lang = options.lang
    named = {"--out": options.out}
    for flag, value in (
        ("--summary", options.summary),
        ("--chart", _chart_name(options)),
        ("--gradebook", options.gradebook),
    ):
        if value is not None:
            named[flag] = value
    for flag, value in named.items():
        problem = _problem(flag, value, Path(options.answers), lang)
        if problem:
            raise DerivationError(problem)
    flags = list(named)
    for i, first in enumerate(flags):
        for second in flags[i + 1 :]:
            if _same_file(Path(named[first]), Path(named[second])):
                raise DerivationError(
                    text(
                        "grading.out_twice",
                        lang,
                        flag=second,
                        path=terminal(named[second]),
                        other=first,
                    )
                )
    if options.feedback_dir is not None:
        folder = Path(options.feedback_dir)
        if not options.feedback_dir.strip():
            raise DerivationError(text("grading.out_empty", lang, flag="--feedback-dir"))
        if folder.exists() and not folder.is_dir():
            raise DerivationError(
                text("grading.out_not_folder", lang, path=terminal(options.feedback_dir))
            )
