"""`grade` on awkward class files (moved from tests/checking) and output paths: nothing a user gave is lost, every
bad row is reported with its reason, the other rows are graded, and outputs that cannot
be right are refused (one line, exit 2) before anything is replaced."""

import csv
import io

import pytest

from derivations.checking.reading.limits import MAX_GIVEN
from derivations.cli import main
from derivations.grading.encoding import open_source
from derivations.grading.table import Table

RIGHT = "c_i*c_o*k_h*k_w*m_h*m_w"  # forward-mults, in the book's notation


def _grade(tmp_path, text, capsys=None):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    out = tmp_path / "report.csv"
    status = main(["grade", str(answers), "--out", str(out), "--no-progress"])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    return status, rows


# (file, [(student, verdict, answer cell or None, reason fragment or None)])
QUOTING = [
    pytest.param(
        'student,question,answer\nann,forward-mults,"c_i*c_o\nbob,forward-mults,c_i\n'
        f"cat,forward-mults,{RIGHT}\n",
        [
            ("ann", "invalid_input", '"c_i*c_o', "unclosed quote at line 2"),
            ("bob", "not_equivalent", "c_i", None),
            ("cat", "equivalent", RIGHT, None),
        ],
        id="unclosed-quote-runs-to-the-end",
    ),
    pytest.param(
        f'student,question,answer\nann,forward-mults,{RIGHT}\ncat,forward-mults,"c_i*c_o',
        [
            ("ann", "equivalent", RIGHT, None),
            ("cat", "invalid_input", '"c_i*c_o', "unclosed quote at line 3"),
        ],
        id="unclosed-quote-in-the-last-row",
    ),
    pytest.param(
        'student,question,answer\nann,forward-mults,"c_i*c_o\nbob,forward-mults,c_i\n'
        'cat,compose-size,"max(k_1, k_2)"\n',
        [
            ("ann", "invalid_input", '"c_i*c_o', "broken quoting at line 2"),
            ("bob", "not_equivalent", "c_i", None),
            ("cat", "not_equivalent", "max(k_1, k_2)", None),
        ],
        id="closed-by-a-later-quote-then-text",
    ),
    pytest.param(
        'student,question,answer\nann,bias-size,"c_o\nbob,bias-size,c_o\ncat,bias-size,c_o"\n',
        [
            ("ann", "invalid_input", '"c_o', "runs over the rows of lines 3-4"),
            ("bob", "equivalent", "c_o", None),
            ("cat", "invalid_input", 'c_o"', "unexpected character"),
        ],
        id="closed-by-chance-at-a-line-end",
    ),
    pytest.param(
        'student,question,answer,note\nann,bias-size,c_o,"first line\nsecond line"\n'
        "bob,bias-size,c_i\n",
        [("ann", "equivalent", "c_o", None), ("bob", "not_equivalent", "c_i", None)],
        id="a-quoted-note-may-span-lines",
    ),
]


@pytest.mark.parametrize("text, expected", QUOTING)
def test_broken_quoting_loses_no_row(tmp_path, text, expected):
    status, rows = _grade(tmp_path, text)
    assert status == 0
    assert [(r["student"], r["verdict"]) for r in rows] == [e[:2] for e in expected]
    for row, (_, _, answer, reason) in zip(rows, expected):
        assert row["answer"] == answer
        if reason:
            assert reason in row["feedback"]


def test_a_multi_line_note_is_kept_whole(tmp_path):
    _, rows = _grade(tmp_path, QUOTING[4].values[0])
    assert rows[0]["note"] == "first line\nsecond line"


def test_an_answer_over_the_csv_field_limit_is_one_invalid_row(tmp_path):
    huge = "c_o+" * 50_000 + "c_o"  # 200 KB, beyond csv's 128 KB default
    status, rows = _grade(
        tmp_path, f"student,question,answer\nann,bias-size,{huge}\nbob,bias-size,c_o\n"
    )
    assert status == 0
    assert [(r["student"], r["verdict"]) for r in rows] == [
        ("ann", "invalid_input"),
        ("bob", "equivalent"),
    ]
    assert rows[0]["answer"] == huge
    # refused by its length before any reading (445496f), naming the length and the limit
    assert f"{len(huge)} characters long" in rows[0]["feedback"]
    assert f"{MAX_GIVEN} characters" in rows[0]["feedback"]


# header Student,QUESTION,Answer,notes: (row, verdict, cells kept, reason fragment)
SHAPES = [
    ("bob,forward-mults,c_i", "not_equivalent", ["bob", "forward-mults", "c_i", ""], None),
    (
        f"ann,forward-mults,{RIGHT},late",
        "equivalent",
        ["ann", "forward-mults", RIGHT, "late"],
        None,
    ),
    (
        "cy,compose-size,max(k_1, k_2)",
        "invalid_input",
        ["cy", "compose-size", "max(k_1", " k_2)"],
        "ends inside a bracket",
    ),
    (
        "dan,compose-size,max(k_1, k_2),n",
        "invalid_input",
        ["dan", "compose-size", "max(k_1", " k_2),n"],
        "5 fields for 4 columns",
    ),
    (
        "eve,bias-size",
        "invalid_input",
        ["eve", "bias-size", "", ""],
        "column 'Answer' (field 3) is missing",
    ),
    (",,,", "invalid_input", ["", "", "", ""], "empty row"),
]


@pytest.mark.parametrize("row, verdict, cells, reason", SHAPES)
def test_row_shapes(tmp_path, row, verdict, cells, reason):
    status, rows = _grade(tmp_path, f"Student,QUESTION,Answer,notes\n{row}\n")
    assert status == 0 and len(rows) == 1
    assert rows[0]["verdict"] == verdict
    assert [rows[0][c] for c in ("Student", "QUESTION", "Answer", "notes")] == cells
    if reason:
        assert reason in rows[0]["feedback"]


def test_a_header_only_file_says_zero_rows(tmp_path, capsys):
    status, rows = _grade(tmp_path, "student,question,answer\n")
    assert status == 0 and rows == []
    assert capsys.readouterr().out == "graded 0 rows\n"


# (outputs given as {flag: path}, with "{dir}" the temporary folder; error fragment)
OUTPUTS = [
    ({"--out": "{dir}/report.csv", "--summary": "{dir}/report.csv"}, "same file as --out"),
    ({"--out": "{dir}/answers.csv"}, "is the input file"),
    ({"--out": "{dir}/./answers.csv"}, "is the input file"),
    ({"--out": "{dir}"}, "is a directory"),
    ({"--out": "{dir}/"}, "is a directory"),
    ({"--out": ""}, "--out is empty"),
    ({"--out": "{dir}/report.csv", "--summary": ""}, "--summary is empty"),
    ({"--out": "{dir}/report.csv", "--summary": "{dir}"}, "is a directory"),
    ({"--out": "/dev/stdout"}, "is not a regular file"),
    ({"--out": "/dev/null"}, "is not a regular file"),
    ({"--out": "{dir}/missing/report.csv"}, "does not exist"),
]


@pytest.mark.parametrize("outputs, reason", OUTPUTS)
def test_outputs_that_cannot_be_right_are_refused(tmp_path, capsys, outputs, reason):
    answers = tmp_path / "answers.csv"
    answers.write_text(f"student,question,answer\nann,forward-mults,{RIGHT}\n")
    report = tmp_path / "report.csv"
    report.write_text("earlier report\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    argv = ["grade", str(answers), "--no-progress"]
    for flag, value in outputs.items():
        argv += [flag, value.format(dir=tmp_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_read_rows_records_the_line_of_each_row(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text(
        'student,question,answer,note\nann,bias-size,c_o,"a\nb"\nbob,bias-size,"c_o\n'
    )
    table = Table(open_source(answers))
    assert table.header == ["student", "question", "answer", "note"]
    assert [(r.line, r.problem and str(r.problem)) for r in table.rows()] == [
        (2, None),
        (4, "unclosed quote at line 4: the quoted field never ends"),
    ]
