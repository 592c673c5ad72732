"""How one answer to one question was read: the typed value ``check --validate`` prints
and the grade report's ``parsed`` column shows (STACK's "your answer was interpreted as").
"""

from __future__ import annotations

from dataclasses import dataclass

from derivations.checking import expression as ex
from derivations.checking.explaining.render import to_latex, to_text, to_unicode
from derivations.checking.reading.informal import Note
from derivations.checking.reading.parse import Parsed, parse_answer

__all__ = ["Reading", "read_answer"]


@dataclass(frozen=True)
class Reading:
    """``answer`` as read for ``question``: the tree, readable Unicode, re-readable
    ASCII, LaTeX, the ``name =`` it was given under, and notes (message ids with fields)
    saying how informal parts were read."""

    question: str
    answer: str
    tree: ex.Node
    unicode: str
    ascii: str
    latex: str
    notes: tuple[Note, ...]
    name: str | None
    parsed: Parsed

    def as_dict(self) -> dict:
        """JSON-able: ``{"text", "ascii", "latex", "notes": [{"id", "fields"}], "name"}``."""
        return {"text": self.unicode, "ascii": self.ascii, "latex": self.latex,
                "notes": [note.as_dict() for note in self.notes], "name": self.name}


def read_answer(text: str, question_id: str) -> Reading:
    """Read ``text`` as an answer to ``question_id``; raise :class:`.InvalidAnswer` (with
    a message id) when it cannot be read, ``DerivationError`` for an unknown question.
    Reading only: whether its symbols belong to the question is the checker's call."""
    from derivations.registry.questions import question
    question(question_id)
    parsed = parse_answer(text)
    return Reading(question_id, text, parsed.tree, to_unicode(parsed.tree),
                   to_text(parsed.tree), to_latex(parsed.tree), parsed.notes, parsed.name,
                   parsed)
