"""Checking student answers (issue 4): read a pasted formula safely, decide it against
the closed forms on the valid integer domain, name the convention or the misconception.

Layout (declarations apart from machinery):

* reading: :mod:`.normalize` -> :mod:`.lexer` -> :mod:`.grammar` (lark) -> :mod:`.build`
  (our own tree, :mod:`.expression`), printed by :mod:`.render`; bounds in :mod:`.limits`;
* deciding: :mod:`.questions` (catalogue), :mod:`.derive` (references, conventions,
  misconceptions from the model; SymPy), :mod:`.catalogue` (trees, disk cache),
  :mod:`.samples` (valid points), :mod:`.evaluate` (exact ints/fractions),
  :mod:`.decide`, :mod:`.asymptotic`, :mod:`.symbolic` (proof, difference);
* explaining: :mod:`.messages` (zh/en data), :mod:`.feedback`, :mod:`.summary`;
* :mod:`.checker` (one answer) and :mod:`.bulk` (a class).

Student text is never passed to ``eval``, ``exec``, ``sympify`` or ``parse_expr``.
"""

from .checker import check
from .feedback import feedback
from .questions import QUESTIONS
from .result import EXIT_STATUS, VERDICTS, Result

__all__ = ["check", "feedback", "QUESTIONS", "Result", "VERDICTS", "EXIT_STATUS"]
