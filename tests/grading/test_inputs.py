"""Class files as they come: encodings, delimiters, column flags, question ids as
students and LMSs write them; every bad input one line naming what is wrong, nothing
written."""

import codecs
import csv
import io

import pytest

from derivations.cli import main
from derivations.grading.encoding import likely_encodings
from derivations.grading.identifiers import resolve

RIGHT = "c_i*c_o*k_h*k_w*m_h*m_w"
NAMES = ["Jürgen Müller", "Élodie Lefèvre", "Øyvind Sæther", "王小明", "Zoë"]


def _class(delimiter=","):
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["student", "question", "answer"])
    for name in NAMES:
        writer.writerow([name, "forward-mults", RIGHT])
    return stream.getvalue()


def _grade(tmp_path, data: bytes, *flags):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(data)
    out = tmp_path / "report.csv"
    status = main(["grade", str(answers), "--out", str(out), "--no-progress", *flags])
    rows = (
        list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
        if out.exists()
        else None
    )
    return status, rows


ROUND_TRIPS = [
    ("utf-8", lambda t: t.encode("utf-8"), ()),
    ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), ()),
    ("utf-16 with BOM", lambda t: t.encode("utf-16"), ()),
    ("utf-16-le without BOM", lambda t: t.encode("utf-16-le"), ()),
    ("utf-16-be with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), ()),
    ("gb18030 given", lambda t: t.encode("gb18030"), ("--encoding", "gb18030")),
]


@pytest.mark.parametrize("name, encode, flags", ROUND_TRIPS, ids=[r[0] for r in ROUND_TRIPS])
def test_every_name_comes_back_exactly(tmp_path, name, encode, flags):
    status, rows = _grade(tmp_path, encode(_class()), *flags)
    assert status == 0
    assert [r["student"] for r in rows] == NAMES
    assert {r["verdict"] for r in rows} == {"equivalent"}


def test_cp1252_given_grades_exactly(tmp_path):
    names = [n for n in NAMES if n.encode("cp1252", "ignore").decode("cp1252") == n]
    data = (
        "student,question,answer\r\n" + "".join(f"{n},forward-mults,{RIGHT}\r\n" for n in names)
    ).encode("cp1252")
    status, rows = _grade(tmp_path, data, "--encoding", "cp1252")
    assert status == 0 and [r["student"] for r in rows] == names


@pytest.mark.parametrize("encoding, likely", [("cp1252", "cp1252"), ("gb18030", "gb18030")])
def test_a_file_that_is_not_utf8_stops_with_one_line_naming_the_byte(
    tmp_path, capsys, encoding, likely
):
    names = ["Müller", "Lefèvre"] if encoding == "cp1252" else ["王小明", "李华"]
    data = ("student,question,answer\n" + "".join(f"{n},bias-size,c_o\n" for n in names)).encode(
        encoding
    )
    (tmp_path / "report.csv").write_text("earlier report")
    status, _ = _grade(tmp_path, data)
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    first = next(i for i, b in enumerate(data) if b >= 0x80)
    assert "line 2" in err and f"byte {first} is 0x{data[first]:02X}" in err
    assert f"--encoding {likely}" in err
    assert (tmp_path / "report.csv").read_text() == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.csv", "report.csv"]


def test_likely_encodings_tell_chinese_from_western():
    assert likely_encodings("王小明,李华".encode("gb18030"))[0] == "gb18030"
    assert likely_encodings("Müller,Lefèvre".encode("cp1252"))[0] == "cp1252"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_the_delimiter_is_sniffed(tmp_path, delimiter):
    status, rows = _grade(tmp_path, _class(delimiter).encode("utf-8"))
    assert status == 0 and [r["student"] for r in rows] == NAMES


def test_excel_sep_line_is_honoured(tmp_path):
    text = "sep=;\r\nstudent;question;answer\r\nann;compose-size;max(k_1, k_2)\r\n"
    status, rows = _grade(tmp_path, text.encode("utf-8"))
    assert status == 0 and rows[0]["answer"] == "max(k_1, k_2)"
    assert rows[0]["misconception"] == "compose_max"


def test_the_delimiter_can_be_forced(tmp_path):
    text = "student|question|answer\nann|bias-size|c_o\n"
    status, rows = _grade(tmp_path, text.encode("utf-8"), "--delimiter", "|")
    assert status == 0 and rows[0]["verdict"] == "equivalent"


def test_columns_by_name_or_position(tmp_path):
    text = "Name,Mail,Task,Formula\nAnn,a@x,bias-size,c_o\n"
    status, rows = _grade(
        tmp_path,
        text.encode(),
        "--student-column",
        "mail",
        "--question-column",
        "3",
        "--answer-column",
        "Formula",
    )
    assert status == 0 and rows[0]["verdict"] == "equivalent" and rows[0]["Name"] == "Ann"


@pytest.mark.parametrize(
    "flags, named",
    [
        (("--answer-column", "Formel"), "--answer-column 'Formel'"),
        (("--answer-column", "9"), "has no such column"),
        (("--question-column", "Formula", "--answer-column", "Formula"), "two roles"),
    ],
)
def test_a_wrong_column_is_one_line(tmp_path, capsys, flags, named):
    text = "Name,Task,Formula\nAnn,bias-size,c_o\n"
    status, rows = _grade(
        tmp_path, text.encode(), "--student-column", "Name", "--question-column", "Task", *flags
    )
    err = capsys.readouterr().err
    assert status == 2 and named.split(" '")[0] in err and err.count("\n") == 1
    assert rows is None


def test_a_wide_file_with_a_mapping(tmp_path):
    text = "id,q1,q2\nann,c_o,c_i c_o k_h k_w h w\n"
    status, rows = _grade(
        tmp_path, text.encode(), "--map", "q1=bias-size", "--map", "q2=FORWARD_MULTS"
    )
    assert status == 0
    assert (rows[0]["q1: verdict"], rows[0]["q2: verdict"], rows[0]["total"]) == (
        "equivalent",
        "not_equivalent",
        "1",
    )


def test_a_file_of_no_known_shape_says_how_to_map_it(tmp_path, capsys):
    status, _ = _grade(tmp_path, b"name,response\nann,h\n")
    err = capsys.readouterr().err
    assert status == 2 and "--map" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "written, meant",
    [
        ("forward-mults", "forward-mults"),
        ("FORWARD-MULTS", "forward-mults"),
        ("forward_mults", "forward-mults"),
        (" Forward Mults ", "forward-mults"),
        ("1", "compose-size"),
        ("exercise 1", "compose-size"),
        ("zh 4", "pointwise-complexity"),
        ("练习4", "pointwise-complexity"),
        ("pointwise", "pointwise-complexity"),
        ("compose", "compose-size"),
        ("2", None),
        ("4", None),
        ("en 4", None),
        ("cost", None),
        ("forwrd-mults", None),
    ],
)
def test_question_ids_as_written(written, meant):
    assert resolve(written) == meant


def test_an_unknown_id_is_reported_once_with_did_you_mean(tmp_path, capsys):
    rows_text = "".join(f"s{i},forwrd-mults,c_o\n" for i in range(5))
    status, rows = _grade(
        tmp_path, ("student,question,answer\n" + rows_text + "ok,bias-size,c_o\n").encode()
    )
    err = capsys.readouterr().err
    assert status == 0 and err.count("forwrd-mults") == 1 and "did you mean forward-mults" in err
    assert [r["verdict"] for r in rows] == ["invalid_input"] * 5 + ["equivalent"]
