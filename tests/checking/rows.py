"""The tests every table of answers in ``tests/checking`` shares, built from the table.

A table is a list of rows, tuples named by its ``columns`` (pytest's parametrize string:
``"name, question, answer, verdict, read"``); three of the columns must be ``question``,
``answer`` and ``verdict``.  :class:`Table` builds its two tests: each row through ``check``
(the verdict, then whatever the file asserts of the row besides: ``also``), and all rows
through ``grade`` in English and Chinese (the same verdicts).  :func:`classes_test` builds
the test of a table grouped by class (``{class: [(question, answer, verdict, …)]}``): every
class has a wrong answer and a right one, and enough answers in Chinese (or in ASCII).

A module assigns the tests to its own ``test_…`` names, which are the tests' names::

    TABLE = Table("name, question, answer, verdict", ROWS, symbolic=False)
    test_each_class_is_read = TABLE.check_test(also=_said_whole)
    test_grade_reads_them_the_same = TABLE.grade_test()
    test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4)

The row test takes the table's columns as its parameters, so its ids are pytest's own for
``parametrize(columns, rows)`` (or ``ids``), as when each file wrote it out.

A row that has its verdict with its commit's change reverted too (a right answer kept
right, a wrong one of the class's form kept wrong, a refusal kept) is a guard: it
protects a verdict the change did not make.  Its table names it so, ``guard(question,
answer, verdict, …)`` (:func:`guard`), and its row test carries pytest's ``guard`` mark
(:data:`GUARD`, for a test of its own), so ``pytest -m "not guard"`` runs the rows that
fail without their commit's change."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from derivations import grade
from derivations.checking import check, feedback

__all__ = [
    "GUARD",
    "RIGHT",
    "WRONG",
    "Guard",
    "Table",
    "classes_test",
    "graded_alone_the_same",
    "graded_rows",
    "graded_verdicts",
    "guard",
    "never_accepted_test",
    "no_placeholder_if_right",
    "read_as",
    "said_in_both",
    "said_as",
]

RIGHT = ("equivalent", "equivalent_under_convention")
WRONG = "not_equivalent"
LANGS = ("en", "zh")
# pytest's mark of a guard (registered in tests/conftest.py)
GUARD = pytest.mark.guard


class Guard(tuple):
    """A row of a table that is a guard (see the module's docstring): a tuple as every
    row is, which :meth:`Table.check_test` marks :data:`GUARD`."""

    __slots__ = ()


def guard(*row: Any) -> Guard:
    """``row`` (its columns in the table's order) as a guard."""
    return Guard(row)


def graded_rows(rows: Sequence[Sequence[Any]], lang: str) -> list[dict]:
    """What ``grade`` reports on each row's answer (a row's first two items are its
    question and answer), one student a row, in ``lang``."""
    students = [
        {"student": str(i), "question": row[0], "answer": row[1]} for i, row in enumerate(rows)
    ]
    return grade(students, lang=lang)


def graded_verdicts(rows: Sequence[Sequence[Any]], lang: str) -> list[str]:
    """The verdict ``grade`` gives each row's answer, as :func:`graded_rows`."""
    return [row["verdict"] for row in graded_rows(rows, lang)]


def said_in_both(result: Any, **_row: Any) -> None:
    """The feedback on ``result`` says something in English and in Chinese."""
    for lang in LANGS:
        assert feedback(result, lang)


def no_placeholder_if_right(result: Any, **row: Any) -> None:
    """A right answer's feedback, in English and Chinese, has no field left unfilled."""
    if row["verdict"] in RIGHT:
        for lang in LANGS:
            assert "{" not in feedback(result, lang)


def read_as(result: Any, *, read: str | dict[str, str] | None, **_row: Any) -> None:
    """``read`` is the key of the refusal (a string), or what the answer's names are read
    as (``{written: read}``, each among the result's readings; ``{}`` or ``None``: not
    asked); the feedback says something in English and in Chinese."""
    if isinstance(read, str):
        assert result.error["id"] == read, result.error
    elif read:
        readings = {r["written"]: r["read"] for r in result.parsed["readings"]}
        assert {w: readings.get(w) for w in read} == read, readings
    said_in_both(result)


def said_as(result: Any, *, verdict: str, said: str | None, **_row: Any) -> None:
    """A wrong answer names its misconception ``said``; a refused one says the refusal's
    id and the value as written (``said`` is ``"id: value"``); otherwise ``said`` is the
    note (``reading.note.<said>``) the reading says, its text filled in English and in
    Chinese (None: nothing asked).  The feedback says something in both."""
    from derivations.checking.explaining.wording import note_text
    from derivations.registry.misconceptions import misconceptions

    if said in misconceptions():
        assert verdict == WRONG and result.misconception == said, result.misconception
    elif said is not None and verdict == "invalid_input":
        key, value = said.split(": ", 1)
        assert result.error["id"] == key, result.error
        assert value in result.error["fields"].values(), result.error
    elif said is not None:
        notes = [n for n in result.parsed["notes"] if n["id"] == f"reading.note.{said}"]
        assert notes, result.parsed["notes"]
        for lang in LANGS:
            text = note_text(notes[0]["id"], lang, **notes[0]["fields"])
            assert not re.search(r"\{[a-z_]+\}", text), text  # a field left unfilled
    said_in_both(result)


def graded_alone_the_same(
    result: Any, *, question: str, answer: str, verdict: str, **_row: Any
) -> None:
    """The feedback says something in English and in Chinese, and ``grade`` gives the row
    alone its verdict, in each."""
    for lang in LANGS:
        assert feedback(result, lang)
        (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
        assert row["verdict"] == verdict


def not_accepted(result: Any, **_row: Any) -> None:
    """A wrong answer's check: not accepted, whatever it was read as."""
    assert result.verdict not in RIGHT, result.parsed


def review_tests(wrong: Sequence[tuple], still_read: Sequence[tuple]) -> tuple:
    """The three tests of an adversarial review's rows ``(question, answer, verdict)``:
    each wrong answer has its verdict and is never accepted; each right answer of the
    same form still reads; ``grade`` gives every row its verdict."""
    header = "question, answer, verdict"
    return (
        Table(header, wrong, symbolic=False).check_test(also=not_accepted),
        Table(header, still_read, symbolic=False).check_test(),
        Table(header, [*wrong, *still_read]).grade_test(),
    )


def never_accepted_test(rows: Sequence[tuple[str, str]]) -> Callable[[str, str], None]:
    """The test of wrong answers ``(question, answer)``: ``check`` accepts none."""

    @pytest.mark.parametrize("question, answer", rows)
    def test(question: str, answer: str) -> None:
        assert check(question, answer).verdict not in RIGHT, answer

    return test


@dataclass(frozen=True)
class Table:
    """A table of answers: ``rows`` of the ``columns`` named (parametrize's string),
    checked with ``symbolic`` as ``check`` takes it."""

    columns: str
    rows: Sequence[tuple]
    symbolic: bool = True

    @property
    def names(self) -> list[str]:
        return [name.strip() for name in self.columns.split(",")]

    def _column(self, name: str) -> list[Any]:
        at = self.names.index(name)
        return [row[at] for row in self.rows]

    def check_test(
        self,
        *,
        also: Callable[..., None] | None = None,
        ids: Sequence[str] | None = None,
    ) -> Callable[..., None]:
        """The test of each row through ``check``: its verdict is the row's, then
        ``also(result, **row)`` (the row's columns by name) asserts the rest."""
        symbolic = self.symbolic

        def test(**row: Any) -> None:
            result = check(row["question"], row["answer"], symbolic=symbolic)
            assert result.verdict == row["verdict"], (
                row["answer"],
                result.verdict,
                result.error,
                result.parsed,
            )
            if also is not None:
                also(result, **row)

        # pytest reads a test's parameters from its signature, ids from parametrize
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        test.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.Parameter(name, kind) for name in self.names]
        )
        rows = [pytest.param(*r, marks=GUARD) if isinstance(r, Guard) else r for r in self.rows]
        return pytest.mark.parametrize(self.columns, rows, ids=ids)(test)

    def grade_test(self) -> Callable[[str], None]:
        """The test of all rows through ``grade``, in English and in Chinese: the same
        verdicts as the rows'."""
        pairs = list(zip(self._column("question"), self._column("answer")))
        verdicts = self._column("verdict")

        @pytest.mark.parametrize("lang", list(LANGS))
        def test(lang: str) -> None:
            assert graded_verdicts(pairs, lang) == verdicts

        return test


def classes_test(
    classes: dict[str, list[tuple]], *, chinese: int = 0, ascii: int = 0
) -> Callable[[], None]:
    """The test of a table grouped by class (rows ``(question, answer, verdict, …)``):
    each class has a wrong answer and a right one; at least ``chinese`` answers hold a
    Chinese character and at least ``ascii`` are ASCII only."""

    def test() -> None:
        for name, rows in classes.items():
            verdicts = {row[2] for row in rows}
            assert WRONG in verdicts and verdicts & set(RIGHT), name
        answers = [row[1] for rows in classes.values() for row in rows]
        assert sum(any("\u4e00" <= c <= "\u9fff" for c in a) for a in answers) >= chinese
        assert sum(a.isascii() for a in answers) >= ascii

    return test
