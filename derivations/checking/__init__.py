"""Checking student answers (issue 4): read a pasted formula safely, decide it against
the closed forms on the valid integer domain, name the assumption or the misconception.

Layout, three stages over one tree (:mod:`derivations.expr.tree`, evaluated by
:mod:`derivations.expr.evaluate`):

* :mod:`.reading`: pasted text -> expression tree;
* :mod:`.deciding`: the tree against the question's reference variants;
* :mod:`.explaining`: the :class:`.result.Result` in words and math;
* :mod:`.checker` orchestrates one answer; the questions are declared in
  :mod:`derivations.registry.questions`; a class is graded by :mod:`derivations.grading`.

Student text is never passed to ``eval``, ``exec``, ``sympify`` or ``parse_expr``.
The names below are imported on first use (importing a submodule stays light).
"""

from __future__ import annotations

import importlib

__all__ = ["check", "feedback", "QUESTIONS", "Result", "VERDICTS", "EXIT_STATUS", "REVEALS"]

_HOME = {
    "check": "derivations.checking.checker",
    "feedback": "derivations.checking.explaining.feedback",
    "REVEALS": "derivations.checking.explaining.feedback",
    "QUESTIONS": "derivations.registry.questions",
    "Result": "derivations.checking.result",
    "VERDICTS": "derivations.checking.result",
    "EXIT_STATUS": "derivations.checking.result",
}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOME[name]), name)
