"""Table rows ``(question, answer, verdict, ...)`` through ``grade``: shared by the reading
tables' tests (framing, second look, every reading)."""

from __future__ import annotations

from derivations import grade


def graded_verdicts(rows: list[tuple], lang: str) -> list[str]:
    """The verdict ``grade`` gives each row's answer, one student a row, in ``lang``."""
    students = [
        {"student": str(i), "question": row[0], "answer": row[1]} for i, row in enumerate(rows)
    ]
    return [row["verdict"] for row in grade(students, lang=lang)]
