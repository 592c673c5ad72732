"""The LMS exports ``grade`` recognises, read from data: ``exports.toml`` beside this
module holds each LMS's column names per interface language (Moodle's from its language
packs, Canvas's from its report's source), so that a new language is a table there, not
code here.

- :func:`detect`: ``"moodle"``, ``"canvas"`` or ``None`` for a header.
- :func:`moodle_columns` / :func:`canvas_columns`: where a recognised export keeps its
  student, its answers, its attempt state and its students' names.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from derivations.records import record
from derivations.store import package_files

__all__ = [
    "Columns",
    "detect",
    "moodle_columns",
    "canvas_columns",
    "response_number",
    "CANVAS_QUESTION",
]

CANVAS_QUESTION = re.compile(r"^(\d+):\s")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def _names(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


@cache
def _tables() -> dict:
    raw = package_files().joinpath("grading").joinpath("exports.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@cache
def _moodle_keys(field: str) -> tuple[str, ...]:
    """Every language's name(s) for ``field``, as column keys, English first."""
    return tuple(_key(n) for table in _tables()["moodle"].values() for n in _names(table[field]))


@cache
def _moodle_response() -> re.Pattern:
    """``Response N`` in every language: group 1 is N."""
    shapes = []
    for table in _tables()["moodle"].values():
        before, _, after = _key(table["response"]).partition("{n}")
        shapes.append(re.escape(before.strip()) + r"\s*(\d+)\s*" + re.escape(after.strip()))
    return re.compile("^(?:" + "|".join(shapes) + ")$")


def response_number(name: str) -> int | None:
    """N of a Moodle ``Response N`` column in any language (``回答1``: 1), else None."""
    match = _moodle_response().match(_key(name))
    return int(next(g for g in match.groups() if g is not None)) if match else None


def _canvas_key(field: str) -> tuple[str, ...]:
    return tuple(_key(table[field]) for table in _tables()["canvas"].values())


@record(frozen=True)
class Columns:
    """Where an export keeps what grading needs (indices into its header)."""

    student: int | None
    answers: tuple[int, ...]  # the answer columns, in order
    state: int | None = None  # the attempt's state (Moodle)
    not_submitted: frozenset = frozenset()  # state cells (keys) of an unsubmitted attempt
    names: tuple[int, ...] = ()  # the student's name, in reading order
    skip_first_cells: frozenset = frozenset()  # a row starting so is not a student's
    identity: tuple = ()  # ((gradebook header, column or None), ...): Canvas's


def _first(keys: list[str], candidates) -> int | None:
    for candidate in candidates:
        if candidate in keys:
            return keys.index(candidate)
    return None


def detect(header: list[str]) -> str | None:
    keys = [_key(h) for h in header]
    response = _moodle_response()
    if any(response.match(k) for k in keys) and any(
        k in keys
        for k in _moodle_keys("email")
        + _moodle_keys("id_number")
        + _moodle_keys("username")
        + _moodle_keys("surname")
    ):
        return "moodle"
    if (
        any(k in keys for k in _canvas_key("id"))
        and any(k in keys for k in _canvas_key("submitted"))
        and any(CANVAS_QUESTION.match(h) for h in header)
    ):
        return "canvas"
    return None


def moodle_columns(header: list[str]) -> Columns:
    keys = [_key(h) for h in header]
    response = _moodle_response()
    student = _first(
        keys, _moodle_keys("email") + _moodle_keys("id_number") + _moodle_keys("username")
    )
    first = _first(keys, _moodle_keys("first_name"))
    surname = _first(keys, _moodle_keys("surname"))
    return Columns(
        student=student,
        answers=tuple(i for i, k in enumerate(keys) if response.match(k)),
        state=_first(keys, _moodle_keys("state")),
        not_submitted=frozenset(_moodle_keys("not_submitted")),
        names=tuple(i for i in (first, surname) if i is not None),
        skip_first_cells=frozenset(_moodle_keys("overall_average")),
    )


def canvas_columns(header: list[str]) -> Columns:
    """Canvas's columns; ``identity``: the gradebook's student columns per Canvas's
    importer (``Student, ID``, then ``SIS User ID, SIS Login ID`` when the export has
    SIS ids, then ``Section``; see :mod:`.gradebook`)."""
    keys = [_key(h) for h in header]

    def find(field):
        return _first(keys, _canvas_key(field))

    name, sis = find("name"), find("sis_id")
    identity: list[tuple[str, int | None]] = [("Student", name), ("ID", find("id"))]
    if sis is not None:
        identity += [("SIS User ID", sis), ("SIS Login ID", None)]
    identity.append(("Section", find("section")))
    return Columns(
        student=find("id"),
        answers=tuple(i for i, h in enumerate(header) if CANVAS_QUESTION.match(h)),
        names=(name,) if name is not None else (),
        identity=tuple(identity),
    )
