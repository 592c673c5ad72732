"""Checking student answers (issue 4): read a pasted formula safely, decide it against
the closed forms on the valid integer domain, name the convention or the misconception.

Layout, three stages over one tree (:mod:`.expression`, evaluated by :mod:`.evaluate`):

* :mod:`.reading`: pasted text -> expression tree;
* :mod:`.deciding`: the tree against the question's reference variants;
* :mod:`.explaining`: the :class:`.result.Result` in words and math;
* :mod:`.checker` orchestrates one answer; the questions are declared in
  :mod:`derivations.registry.questions`; a class is graded by :mod:`derivations.grading`.

Student text is never passed to ``eval``, ``exec``, ``sympify`` or ``parse_expr``.
"""

from derivations.checking.checker import check
from derivations.checking.explaining.feedback import feedback
from derivations.registry.questions import QUESTIONS
from derivations.checking.result import EXIT_STATUS, VERDICTS, Result

__all__ = ["check", "feedback", "QUESTIONS", "Result", "VERDICTS", "EXIT_STATUS"]
