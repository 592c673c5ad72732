"""Reading a roster: one student a row, identified by one column.

The id column is ``--id-column`` (a header name or a 1-based position), else the first
header among :data:`ID_COLUMNS` (case-insensitive).  Every problem is one line naming
the row and the value: a roster without ids, an empty id, a duplicate id.  Encodings
and the size cap are those of class files (:mod:`derivations.grading.encoding`).
"""

from __future__ import annotations

import csv

from derivations.errors import DerivationError
from derivations.grading.encoding import decode_failure, open_source
from derivations.grading.escape import terminal

__all__ = ["ID_COLUMNS", "MAX_ROSTER", "read_roster"]

ID_COLUMNS = (
    "id",
    "student",
    "student_id",
    "username",
    "email",
    "email address",
    "sis user id",
    "学号",
    "学生",
)
MAX_ROSTER = 100_000
MAX_ID = 200  # characters


def _column(header: list[str], wanted: str | None) -> int:
    names = [name.strip().lower() for name in header]
    if wanted:
        if wanted.isdigit() and 1 <= int(wanted) <= len(header):
            return int(wanted) - 1
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        raise DerivationError(
            f"roster has no column {terminal(wanted)!r}; its header: "
            + ", ".join(terminal(h) for h in header)
        )
    for candidate in ID_COLUMNS:
        if candidate in names:
            return names.index(candidate)
    raise DerivationError(
        "roster has no id column (one of "
        + ", ".join(ID_COLUMNS)
        + "; or give --id-column); its header: "
        + ", ".join(terminal(h) for h in header)
    )


def read_roster(path, id_column: str | None = None, encoding: str | None = None) -> list[str]:
    """The student ids of the roster at ``path``, in file order."""
    source = open_source(path, encoding)
    try:
        try:
            rows = csv.reader(source.stream)
            header = next(rows, None)
            if not header:
                raise DerivationError(f"roster {path} is empty")
            column = _column(header, id_column)
            ids: list[str] = []
            seen: dict[str, int] = {}
            for number, row in enumerate(rows, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                value = row[column].strip() if column < len(row) else ""
                if not value:
                    raise DerivationError(
                        f"roster {path}, row {number}: no student id "
                        f"in column {terminal(header[column])!r}"
                    )
                if len(value) > MAX_ID:
                    raise DerivationError(
                        f"roster {path}, row {number}: student id "
                        f"{terminal(value, 40)!r} is longer than {MAX_ID}"
                    )
                if value in seen:
                    raise DerivationError(
                        f"roster {path}, row {number}: duplicate student "
                        f"id {terminal(value)!r} (first in row {seen[value]})"
                    )
                seen[value] = number
                ids.append(value)
                if len(ids) > MAX_ROSTER:
                    raise DerivationError(f"roster {path} has more than {MAX_ROSTER} students")
        except UnicodeDecodeError:
            raise decode_failure(source, "en") from None
        except csv.Error as error:
            raise DerivationError(f"roster {path}: {error}") from None
    finally:
        source.close()
    if not ids:
        raise DerivationError(f"roster {path} lists no student")
    return ids
