"""Reading a roster: one student a row, identified by one column.

The id column is ``--id-column`` (a header name or a 1-based position), else the first
header among :data:`ID_COLUMNS` (case-insensitive).  Every problem is one line naming
the row and the value: a roster without ids, an empty id, a duplicate id.  Encodings
and the size cap are those of class files (:mod:`derivations.grading.encoding`).
"""

from __future__ import annotations

import csv
import unicodedata

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
            key="variants.roster_no_column",
            column=repr(terminal(wanted)),
            header=", ".join(terminal(h) for h in header),
        )
    for candidate in ID_COLUMNS:
        if candidate in names:
            return names.index(candidate)
    raise DerivationError(
        key="variants.roster_no_id_column",
        known=", ".join(ID_COLUMNS),
        header=", ".join(terminal(h) for h in header),
    )


def read_roster(path, id_column: str | None = None, encoding: str | None = None) -> list[str]:
    """The student ids of the roster at ``path``, in file order (every error keyed: said
    in the command's language where it is shown)."""
    source = open_source(path, encoding)
    try:
        try:
            rows = csv.reader(source.stream)
            header = next(rows, None)
            if not header:
                raise DerivationError(key="variants.roster_empty", path=path)
            column = _column(header, id_column)
            ids: list[str] = []
            seen: dict[str, int] = {}
            for number, row in enumerate(rows, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                value = row[column].strip() if column < len(row) else ""
                if not value:
                    raise DerivationError(
                        key="variants.roster_no_id",
                        path=path,
                        row=number,
                        column=repr(terminal(header[column])),
                    )
                if len(value) > MAX_ID:
                    raise DerivationError(
                        key="variants.roster_id_too_long",
                        path=path,
                        row=number,
                        value=repr(terminal(value, 40)),
                        limit=MAX_ID,
                    )
                same = unicodedata.normalize("NFC", value)  # NFD and NFC: one student
                if same in seen:
                    raise DerivationError(
                        key="variants.roster_duplicate_id",
                        path=path,
                        row=number,
                        value=repr(terminal(value)),
                        first=seen[same],
                    )
                seen[same] = number
                ids.append(value)
                if len(ids) > MAX_ROSTER:
                    raise DerivationError(
                        key="variants.roster_too_long", path=path, limit=MAX_ROSTER
                    )
        except UnicodeDecodeError:
            raise decode_failure(source) from None
        except csv.Error as error:
            raise DerivationError(
                key="variants.roster_bad_csv", path=path, reason=str(error)
            ) from None
    finally:
        source.close()
    if not ids:
        raise DerivationError(key="variants.roster_no_student", path=path)
    return ids
