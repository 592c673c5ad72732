"""Per-student totals, and the gradebook CSV an LMS imports.

Shape: the identifier column(s) first, then the points: by default (``columns="total"``)
one column named as the rubric's ``assignment`` holding each student's total, so that an
import counts the quiz once; ``columns="questions"`` gives one column
``<assignment>: <question>`` per question graded instead (catalogue order), never both
(importing the total beside its parts would count the quiz twice).

Identifier columns, per the LMS's importer:

- Canvas (``app/models/gradebook_importer.rb``): ``Student, ID, Section``, or ``Student,
  ID, SIS User ID, SIS Login ID, Section`` when the export has SIS ids (the importer reads
  ``SIS User ID`` only with ``SIS Login ID`` right after it, and wants ``Section`` last);
  Canvas matches a row on ``ID``, then on the SIS ids, then on the name.
- Moodle (``grade/import/csv/classes/load_data.php``): the export's student column under
  its own name (``Email address``, ``ID number`` or ``Username``), to map to the user field
  of that name in "Import grades: CSV file"; every row names a user (a row without one
  would stop Moodle's import), every row has every column (``lib/csvlib.class.php``) and a
  score is a plain decimal.
- Any other file: its student column under its own name.

A student who answered a question more than once gets the best attempt (rubric
``attempts = "best"``) or the last one (``"last"``); a question a student never answered
is empty (and adds nothing to the total).

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

__all__ = ["Gradebook", "COLUMNS"]

COLUMNS = ("total", "questions")  # the gradebook's points columns: see the module

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
            self.identity[student] = tuple("" if i is None else cells[i] for _, i in identity)
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

    def header(self, identity_names, columns: str = "total") -> list[str]:
        name = self.rubric.assignment
        if columns == "questions":
            return list(identity_names) + [f"{name}: {q}" for q in self.questions()]
        return list(identity_names) + [name]

    def _points(self, student: str, columns: str) -> list[str]:
        if columns != "questions":
            return [format_points(self.total(student))]
        scores = self.scores(student)
        return [
            "" if (score := scores[q]) is None else format_points(score) for q in self.questions()
        ]

    def csv_bytes(self, identity_names, columns: str = "total") -> bytes:
        stream = io.StringIO(newline="")
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([csv_cell(c) for c in self.header(identity_names, columns)])
        for student in self.students:
            writer.writerow(
                [csv_cell(c) for c in self.identity[student]] + self._points(student, columns)
            )
        return stream.getvalue().encode("utf-8")
