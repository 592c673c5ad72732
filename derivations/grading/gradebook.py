"""Per-student totals, and the gradebook CSV an LMS imports.

Shape (Canvas and Moodle both import it): the identifier column(s) first, then one
points column per assignment: ``<assignment> total``, then ``<assignment>: <question>``
per question graded, in catalogue order.  A Canvas export keeps Canvas's identity
columns (``Student, ID, SIS User ID, Section``: Canvas matches on ``ID``); every other
shape keeps its student column under its own name (Moodle: ``Email address``, matched
to the user field of that name in Moodle's "Import grades: CSV file").  A student who
answered a question more than once gets the best attempt (rubric ``attempts = "best"``)
or the last one (``"last"``); a question a student never answered is empty.

Memory: a student is a few small integers (scores are interned: a class has few
distinct ones), so a class of 100,000 students takes a few tens of MB.
"""

from __future__ import annotations

import csv
import io
from array import array
from fractions import Fraction

from derivations.grading.escape import csv_cell
from derivations.grading.rubric import Rubric, format_points
from derivations.registry.questions import QUESTIONS

__all__ = ["Gradebook"]

_ORDER = {qid: index for index, qid in enumerate(QUESTIONS)}


class Gradebook:
    def __init__(self, rubric: Rubric):
        self.rubric = rubric
        self.values: list[Fraction] = [Fraction(0)]  # code 0: not answered
        self.codes: dict[Fraction, int] = {}
        self.students: dict[str, array] = {}
        self.identity: dict[str, tuple] = {}
        self.asked: set[str] = set()

    def code(self, score: Fraction) -> int:
        found = self.codes.get(score)
        if found is None:
            found = self.codes[score] = len(self.values)
            self.values.append(score)
        return found

    def add(self, student: str, identity, cells, question: str, new: int) -> None:
        """Record score code ``new`` (:meth:`code`) for ``student``'s answer to
        ``question``; ``identity``: the (header, column) pairs kept from ``cells``."""
        row = self.students.get(student)
        if row is None:
            row = self.students[student] = array("H", bytes(2 * len(_ORDER)))
            self.identity[student] = tuple(cells[i] for _, i in identity)
            self.asked.add(question)
        elif question not in self.asked:
            self.asked.add(question)
        index = _ORDER[question]
        old = row[index]
        if old == 0 or self.rubric.attempts == "last" or self.values[new] > self.values[old]:
            row[index] = new

    def scores(self, student: str) -> dict[str, Fraction | None]:
        row = self.students[student]
        return {
            qid: (self.values[row[i]] if row[i] else None)
            for qid, i in _ORDER.items()
            if qid in self.asked
        }

    def total(self, student: str) -> Fraction:
        return sum((s for s in self.scores(student).values() if s is not None), Fraction(0))

    def questions(self) -> list[str]:
        return [qid for qid in QUESTIONS if qid in self.asked]

    def header(self, identity_names) -> list[str]:
        name = self.rubric.assignment
        return list(identity_names) + [f"{name} total"] + [f"{name}: {q}" for q in self.questions()]

    def csv_bytes(self, identity_names) -> bytes:
        stream = io.StringIO(newline="")
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([csv_cell(c) for c in self.header(identity_names)])
        for student in self.students:
            scores = self.scores(student)
            writer.writerow(
                [csv_cell(c) for c in self.identity[student]]
                + [format_points(self.total(student))]
                + [
                    "" if (score := scores[q]) is None else format_points(score)
                    for q in self.questions()
                ]
            )
        return stream.getvalue().encode("utf-8")
