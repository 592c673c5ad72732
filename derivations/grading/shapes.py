"""Where a class file keeps its answers: the shape of its rows.

- ``long``: one answer a row, with a student, a question and an answer column (found by
  the names ``student``, ``question``, ``answer`` or given with ``--student-column``,
  ``--question-column``, ``--answer-column``: a name, case and spaces ignored, or a
  1-based position).
- ``wide``: one student a row, one column per question, mapped to question ids with
  ``--map COLUMN=QUESTION`` or the rubric's ``[columns]``.
- ``moodle``: Moodle's quiz "Responses" export (``Surname, First name, …, Email address,
  State, Started on, Completed, Time taken, Grade/…, Response 1, Response 2, …``, in
  any language of :mod:`.exports`): wide, the student is ``Email address`` (else ``ID
  number``, else ``Username``), the answers are the ``Response N`` columns (mapped as for
  wide: ``--map 'Response 1=forward-mults'``); its ``Overall average`` row is kept and
  not graded, and so is an attempt whose state is "In progress", "Overdue" or "Never
  submitted" (listed in the summary).
- ``canvas``: Canvas's quiz "Student Analysis" export (``name, id, sis_id, section,
  section_id, section_sis_id, submitted, attempt``, ``sis_id`` and ``attempt`` only when
  Canvas wrote them, then per question a ``<question id>: <question text>`` column
  followed by its points column, then ``n correct, n incorrect, score``): wide, the
  student is ``id``, the answers are the ``<id>: …`` columns, mapped by column name, by
  Canvas's question id or by position.

``auto`` (the default) recognises the two exports by their headers (the patterns are data:
:mod:`.exports`), then long, then wide.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from derivations.errors import DerivationError
from derivations.grading import exports
from derivations.grading.escape import terminal
from derivations.grading.identifiers import resolve, suggestions
from derivations.records import record

__all__ = ["Slot", "Layout", "SHAPES", "layout_for", "column_key"]

SHAPES = ("auto", "long", "wide", "moodle", "canvas")
_CANVAS_QUESTION = exports.CANVAS_QUESTION


def column_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


@record(frozen=True)
class Slot:
    """One answer of a row: its column, and its question's column (long) or id (wide)."""

    answer: int
    question_column: int | None = None
    question: str | None = None
    label: str = ""


@record(frozen=True)
class Layout:
    shape: str
    student: int  # the identifier column
    slots: tuple  # Slot, one per graded answer of a row
    identity: tuple  # ((gradebook header, input column or None: empty), ...)
    skip_first_cells: frozenset = frozenset()  # a row whose first or name cell is one: skipped
    state: int | None = None  # the attempt's state column (Moodle)
    not_submitted: frozenset = frozenset()  # states (column keys) of unsubmitted attempts
    names: tuple = ()  # the columns holding the student's name, in reading order

    @property
    def long(self) -> bool:
        return self.slots[0].question_column is not None

    @property
    def needed(self) -> tuple:
        """The columns a row must have to be graded."""
        found = getattr(self, "_needed", None)
        if found is None:
            found = tuple(
                [self.student]
                + [i for s in self.slots for i in (s.answer, s.question_column) if i is not None]
            )
            object.__setattr__(self, "_needed", found)
        return found


@lru_cache(maxsize=4)
def _keys(header: tuple[str, ...]) -> tuple[list[str], dict[str, int]]:
    """The header's column keys, and each key's first column: looked up, not searched,
    once per mapped column (a wide file of 5,000 columns maps 5,000)."""
    keys = [column_key(h) for h in header]
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    return keys, first


def _find(header: list[str], spec: str, flag: str, path: str) -> int:
    spec = spec.strip()
    if spec.isdigit():
        position = int(spec)
        if 1 <= position <= len(header):
            return position - 1
    keys, first = _keys(tuple(header))
    found = first.get(column_key(spec))
    if found is not None:
        return found
    near = difflib.get_close_matches(column_key(spec), keys, n=3, cutoff=0.5)
    raise DerivationError(
        key="grading.no_such_column",
        flag=flag,
        column=terminal(spec),
        path=path,
        near=", ".join(terminal(header[keys.index(k)]) for k in near) or "-",
        count=len(header),
    )


def _named(header: list[str], names) -> int | None:
    keys = [column_key(h) for h in header]
    for name in names:
        if name in keys:
            return keys.index(name)
    return None


def _mapped_slots(header, mapping: dict, candidates: list[int], path, shape: str = "wide") -> tuple:
    """Slots for the mapping ``{column spec: question}`` (specs: a name, a 1-based
    position or, in a Canvas export, the question id before the colon; in a Moodle
    export ``Response N`` names the Nth response column in the export's language)."""
    _, first = _keys(tuple(header))
    canvas = shape == "canvas"
    slots = []
    for spec, question in mapping.items():
        index = None
        number = exports.response_number(spec) if shape == "moodle" else None
        if number is not None and column_key(spec) not in first:
            index = next(
                (i for i in candidates if exports.response_number(header[i]) == number), None
            )
        if canvas and spec.strip().isdigit():
            index = next(
                (
                    i
                    for i in candidates
                    if (match := _CANVAS_QUESTION.match(header[i])) and match[1] == spec.strip()
                ),
                None,
            )
        if index is None:
            index = _find(header, spec, "--map", path)
        qid = resolve(question)
        if qid is None:
            raise DerivationError(
                key="grading.unknown_question_short",
                question=terminal(question),
                near=", ".join(suggestions(question)) or "-",
            )
        slots.append(Slot(answer=index, question=qid, label=header[index]))
    slots.sort(key=lambda s: s.answer)
    if len({s.answer for s in slots}) != len(slots):
        twice = next(s for s in slots if [t.answer for t in slots].count(s.answer) > 1)
        raise DerivationError(key="grading.mapped_twice", column=terminal(header[twice.answer]))
    return tuple(slots)


def _detect(header: list[str]) -> str:
    keys = [column_key(h) for h in header]
    found = exports.detect(header)
    if found:
        return found
    if "question" in keys and "answer" in keys:
        return "long"
    return "wide"


def _long(header, options, path) -> Layout:
    student = _find(header, options.get("student_column") or "student", "--student-column", path)
    question = _find(
        header, options.get("question_column") or "question", "--question-column", path
    )
    answer = _find(header, options.get("answer_column") or "answer", "--answer-column", path)
    if len({student, question, answer}) != 3:
        raise DerivationError(
            key="grading.same_column",
            columns=", ".join(terminal(header[i]) for i in (student, question, answer)),
        )
    return Layout(
        "long", student, (Slot(answer, question_column=question),), ((header[student], student),)
    )


def _wide(shape, header, mapping, options, path) -> Layout:
    if shape in ("moodle", "canvas"):
        found = (exports.moodle_columns if shape == "moodle" else exports.canvas_columns)(header)
        student_default, candidates = found.student, list(found.answers)
    else:
        found = exports.Columns(None, ())
        student_default = _named(header, ("student", "email address", "id", "name"))
        candidates = list(range(len(header)))
    if options.get("student_column"):
        student = _find(header, options["student_column"], "--student-column", path)
    elif student_default is not None:
        student = student_default
    else:
        raise DerivationError(key="grading.no_student_column", path=path, shape=shape)
    if not mapping:
        shown = ", ".join(terminal(header[i]) for i in candidates[:4]) or "-"
        raise DerivationError(key="grading.no_mapping", path=path, shape=shape, columns=shown)
    slots = _mapped_slots(header, mapping, candidates, path, shape)
    if any(s.answer == student for s in slots):
        raise DerivationError(key="grading.same_column", columns=terminal(header[student]))
    return Layout(
        shape,
        student,
        slots,
        found.identity or ((header[student], student),),
        skip_first_cells=found.skip_first_cells,
        state=found.state,
        not_submitted=found.not_submitted,
        names=found.names,
    )


def layout_for(header: list[str], shape: str, mapping: dict, options: dict, path: str) -> Layout:
    """The layout of a file with this header.  ``mapping``: answer column -> question
    (``--map`` over the rubric's ``[columns]``); ``options``: the column flags."""
    if shape == "auto":
        shape = _detect(header)
        if (
            shape == "wide"
            and not mapping
            and any(options.get(k) for k in ("question_column", "answer_column"))
        ):
            shape = "long"
        if shape == "wide" and not mapping:
            raise DerivationError(
                key="grading.unknown_shape", path=path, header=terminal(",".join(header))
            )
    if shape == "long":
        return _long(header, options, path)
    return _wide(shape, header, mapping, options, path)
