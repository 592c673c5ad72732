"""From an LMS export to a gradebook that LMS imports, and letters a teacher can paste.

The gradebook rules are transcribed from the importers' own source, each test naming its
file:

- Canvas: ``app/models/gradebook_importer.rb`` (instructure/canvas-lms):
  ``row_has_student_headers?``, ``update_column_count``, ``header?``,
  ``NON_ASSIGNMENT_COLUMN_HEADERS``, ``process_student``, ``check_for_non_student_row``;
  ``Assignment.title_and_id`` (``app/models/assignment.rb``).
- Moodle: ``grade/import/csv/classes/load_data.php`` (``map_user_data_with_value``,
  ``check_user_exists``, ``update_grade_item``, ``insert_grade_record``) and
  ``lib/csvlib.class.php`` (``csv_import_reader``: every row as wide as the header).

Each oracle is checked to reject what it must (the header we wrote before), so that it
cannot pass by accepting everything.
"""

from __future__ import annotations

import csv
import html.parser
import re
from pathlib import Path

import pytest

from derivations.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "grading"


def _rows(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def _grade(tmp_path, export, rubric, *extra):
    out = tmp_path / "report.csv"
    book = tmp_path / "grades.csv"
    argv = ["grade", str(EXAMPLES / export), "--out", str(out), "--gradebook", str(book)]
    argv += ["--rubric", str(EXAMPLES / rubric), "--no-progress", *extra]
    assert main(argv) == 0
    return book


# --- Canvas: app/models/gradebook_importer.rb ------------------------------------------

_NON_ASSIGNMENT = re.compile(
    "|".join(
        [
            "Current Score",
            "Current Points",
            "Current Grade",
            "Final Score",
            "Final Points",
            "Final Grade",
            "Override Score",
            "Override Grade",
            "Override Status",
        ]
    )
)


def canvas_student_columns(header: list[str]) -> int | None:
    """gradebook_importer.rb ``header?``: None when Canvas rejects the header ("Invalid
    header row"), else how many student columns it strips (``@student_columns``)."""
    # row_has_student_headers?
    if not (len(header) > 3 and "Student" in header[0] and "ID" in header[1]):
        return None
    # update_column_count
    columns = 3
    if re.search(r"SIS\s+Login\s+ID", header[2]):
        columns += 1
    elif re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        extra = 1 if len(header) > 4 and re.search(r"Integration\s+ID", header[4]) else 0
        columns += 2 + extra
        if len(header) > 4 + extra and re.search(r"Root\s+Account", header[4 + extra]):
            columns += 1
    # last_student_info_column(row).include?("Section")
    return columns if "Section" in header[columns - 1] else None


def test_the_canvas_oracle_rejects_the_header_we_wrote_before():
    """gradebook_importer.rb: ``SIS User ID`` is read only with ``SIS Login ID`` after it,
    so ``Section`` is not where ``header?`` looks and the file is refused."""
    assert canvas_student_columns(["Student", "ID", "SIS User ID", "Section", "Quiz"]) is None
    assert canvas_student_columns(["Student", "ID", "Section", "Quiz"]) == 3
    assert canvas_student_columns(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]) == 5


@pytest.mark.parametrize(
    "export, sis",
    [("canvas-student-analysis.csv", True), ("canvas-student-analysis-ta.csv", False)],
)
@pytest.mark.parametrize("columns", ["total", "questions"])
def test_canvas_imports_our_gradebook(tmp_path, export, sis, columns):
    """gradebook_importer.rb: the header passes ``header?``; ``process_student`` finds the
    student by the second column (Canvas's user id, the export's ``id``); every column
    after the student columns is an assignment (none is dropped as a score column by
    ``NON_ASSIGNMENT_COLUMN_HEADERS``, none ends in `` (digits)``, which
    ``Assignment.title_and_id`` would read as another assignment's id); no row is skipped
    as ``Points Possible`` or ``Muted``."""
    book = _grade(tmp_path, export, "canvas-rubric.yaml", "--gradebook-columns", columns)
    header, *rows = _rows(book)
    strip = canvas_student_columns(header)
    assert strip == (5 if sis else 3)
    assert header[:strip] == (
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
        if sis
        else ["Student", "ID", "Section"]
    )
    assignments = header[strip:]
    assert assignments and not any(_NON_ASSIGNMENT.search(a) for a in assignments)
    assert not any(re.search(r"\A(.*)\s\((\d+)\)\Z", a) for a in assignments)
    source = {r[1]: r for r in _rows(EXAMPLES / export)[1:]}  # id -> the export's row
    assert rows and len({r[1] for r in rows}) == len(rows)
    for row in rows:
        assert len(row) == len(header)
        assert row[1] in source and row[0] == source[row[1]][0]  # ID, then the name
        assert "Points Possible" not in row[0]
        assert not all(re.fullmatch(r"\s*(Muted|Manual Posting.*)?\s*", c, re.I) for c in row)
        for cell in row[strip:]:
            assert re.fullmatch(r"\d+(\.\d+)?", cell) or cell == ""


# --- Moodle: grade/import/csv/classes/load_data.php, lib/csvlib.class.php ----------------

_MOODLE_USER_FIELDS = {  # load_data.php map_user_data_with_value: $userfields
    "userid": "id",
    "useridnumber": "idnumber",
    "useremail": "email",
    "username": "username",
}


def _unformat_float(value: str) -> bool:
    """lib/moodlelib.php unformat_float($value, true) for a '.' decimal point: a number,
    or not (then load_data.php update_grade_item stops the import: "badgrade")."""
    return re.fullmatch(r"-?\d*\.?\d+", value.strip()) is not None


def moodle_import_problem(header, rows, user_column: int, users: set[str]) -> str | None:
    """The first reason Moodle's CSV grade import would stop on this file (None: it
    imports), with ``user_column`` mapped to a user field and the rest to grade items."""
    for row in rows:  # csvlib.class.php csv_import_reader::load_csv_content
        if len(row) != len(header):
            return "csvweirdcolumns"
    for row in rows:  # load_data.php prepare_import_grade_data
        if len(row) <= 1:
            continue
        value = row[user_column].strip()
        if not value or value not in users:  # check_user_exists / usernotfound
            return f"usermappingerror {value!r}"
        for index, cell in enumerate(row):
            if index == user_column:
                continue
            cell = cell.strip()
            if cell in ("", "-"):
                continue
            if not _unformat_float(cell):  # update_grade_item
                return f"badgrade {cell!r}"
            if float(cell) > 100:  # insert_grade_record: gradepointmax
                return f"gradevaluetoobig {cell!r}"
    return None


def test_the_moodle_oracle_refuses_a_row_without_a_user():
    header = ["Email address", "Quiz"]
    users = {"a@example.edu"}
    assert moodle_import_problem(header, [["a@example.edu", "2"]], 0, users) is None
    assert moodle_import_problem(header, [["Overall average", "1.5"]], 0, users)
    assert moodle_import_problem(header, [["a@example.edu", "2", ""]], 0, users)
    assert moodle_import_problem(header, [["a@example.edu", "2/3"]], 0, users)


@pytest.mark.parametrize(
    "export, user_column, field",
    [
        ("moodle-responses.csv", "Email address", "useremail"),
        ("moodle-responses-zh.csv", "学号", "useridnumber"),
    ],
)
@pytest.mark.parametrize("columns", ["total", "questions"])
def test_moodle_imports_our_gradebook(tmp_path, export, user_column, field, columns):
    """load_data.php: the student column is one Moodle maps to a user field (here
    ``{field}``), every row names an enrolled user (no "Overall average" row, no
    attempt that was never submitted), every score is a plain decimal within
    gradepointmax; csvlib.class.php: every row has every column."""
    book = _grade(tmp_path, export, "moodle-rubric.toml", "--gradebook-columns", columns)
    header, *rows = _rows(book)
    assert header[0] == user_column and field in _MOODLE_USER_FIELDS
    source = _rows(EXAMPLES / export)
    position = source[0].index(user_column)
    state = next(i for i, h in enumerate(source[0]) if h in ("State", "Status", "状态"))
    finished = {r[position] for r in source[1:] if r[state] in ("Finished", "已结束")}
    assert moodle_import_problem(header, rows, 0, finished) is None
    assert {r[0] for r in rows} == finished


# --- attempts never submitted, exports recognised without flags ------------------------


def test_moodle_attempts_not_submitted_are_left_out_and_listed(tmp_path):
    summary = tmp_path / "s.md"
    book = _grade(
        tmp_path, "moodle-responses-zh.csv", "moodle-rubric.toml", "--summary", str(summary)
    )
    ids = [r[0] for r in _rows(book)[1:]]
    assert ids == ["2026001", "2026002"]  # 2026003 in progress, 2026004 never submitted
    report = _rows(tmp_path / "report.csv")
    verdict = report[0].index("回答1: verdict")
    in_progress = next(r for r in report if r[4] == "2026003")
    assert in_progress[verdict] == "" and in_progress[report[0].index("total")] == ""
    shown = summary.read_text(encoding="utf-8")
    assert "line 4: 2026003 (进行中)" in shown and "line 5: 2026004 (从未提交)" in shown


def test_moodle_id_number_is_the_student_when_there_is_no_email(tmp_path):
    answers = tmp_path / "a.csv"
    answers.write_text(
        "Last name,First name,ID number,Status,Response 1\n"
        "Ng,Al,s-1,Finished,c_o\nOk,Bo,s-2,In progress,c_o\n",
        encoding="utf-8",
    )
    out, book = tmp_path / "r.csv", tmp_path / "g.csv"
    argv = ["grade", str(answers), "--out", str(out), "--gradebook", str(book)]
    assert main([*argv, "--map", "Response 1=bias-size", "--no-progress"]) == 0
    assert _rows(book) == [["ID number", "Convolution cost"], ["s-1", "1"]]


def test_a_canvas_export_without_sis_id_or_attempt_is_recognised(tmp_path):
    """Canvas writes sis_id only for users who may see SIS ids and attempt only when all
    attempts are asked for (student_analysis.rb): neither is needed to recognise it."""
    out = tmp_path / "r.csv"
    argv = ["grade", str(EXAMPLES / "canvas-student-analysis-ta.csv"), "--out", str(out)]
    assert main([*argv, "--map", "4101=forward-mults", "--no-progress"]) == 0
    header, *rows = _rows(out)
    verdict = next(
        i for i, h in enumerate(header) if h.startswith("4101: ") and h.endswith(": verdict")
    )
    assert [r[verdict] for r in rows] == ["equivalent", "not_equivalent", "equivalent"]


# --- letters a teacher can paste ---------------------------------------------------------


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


@pytest.mark.parametrize(
    "export, rubric, student, name",
    [
        ("canvas-student-analysis.csv", "canvas-rubric.yaml", "20101", "Ana Souza"),
        ("moodle-responses.csv", "moodle-rubric.toml", "jana.mueller", "Jana Müller"),
    ],
)
def test_letters_paste_without_markup_and_name_the_student(tmp_path, export, rubric, student, name):
    letters = tmp_path / "letters"
    _grade(tmp_path, export, rubric, "--feedback-dir", str(letters))
    (plain,) = letters.glob(f"{student}*.txt")
    (page,) = letters.glob(f"{student}*.html")
    (markdown,) = letters.glob(f"{student}*.md")
    text = plain.read_text(encoding="utf-8")
    assert name in text.splitlines()[2]
    assert "\\" not in text  # no Markdown escape shows where the letter is pasted
    assert not re.search(r"&(amp|lt|gt|#x?[0-9a-f]+);", text)
    reader = _Text()
    reader.feed(page.read_text(encoding="utf-8"))
    shown = "".join(reader.parts)
    assert name in shown and "\\" not in shown
    # the HTML says what the plain text says, word for word
    assert re.sub(r"\s+", "", shown).endswith(re.sub(r"\s+", "", text.split("\n", 1)[1]))
    assert "## " in markdown.read_text(encoding="utf-8")
