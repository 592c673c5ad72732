"""The notebook values of :mod:`derivations.api`: the cost table against executed counts, and
grading rows held in memory (lists of mappings, DataFrames) against the CSV grader."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from derivations import DerivationError, Form, Layer, cost_table, grade
from derivations.execute import run_layer

ROOT = Path(__file__).resolve().parents[1]
CLASS = ROOT / "examples" / "grading" / "class-long.csv"
LAYERS = [
    Layer(c_i=2, c_o=4, h=5, w=5, k_h=3, k_w=3),
    Layer(
        c_i=4,
        c_o=6,
        h=7,
        w=6,
        k_h=3,
        k_w=2,
        p_h=1,
        p_w=2,
        s_h=2,
        s_w=3,
        d_h=2,
        groups=2,
        batch=2,
        bias=True,
        padding_convention="per-side",
    ),
]


@pytest.mark.parametrize("layer", LAYERS, ids=("book", "everything"))
def test_cost_table_is_what_the_convolution_executes(layer):
    table = cost_table(layer)
    executed = run_layer(layer).counts  # the independent oracle: counted operations
    assert set(table) == set(Form)
    compared = [key for key in table if key in executed]
    assert len(compared) > 20
    for key in compared:
        assert table[key] == executed[key], key
    assert table[Form.OUTPUT_HEIGHT] == layer.m_h and table["output_width"] == layer.m_w


def test_cost_table_is_a_read_only_mapping():
    table = cost_table(LAYERS[0])
    assert len(table) == len(list(table)) == len(table.rows)
    with pytest.raises(KeyError):
        table["nonesuch"]
    with pytest.raises(TypeError):
        table["forward_mults"] = 0  # type: ignore[index]


def _class_rows() -> list[dict]:
    with CLASS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def cli_report(tmp_path_factory) -> list[dict]:
    """The same class graded by the command line (the oracle for the in-memory grader)."""
    out = tmp_path_factory.mktemp("grade") / "report.csv"
    done = subprocess.run(
        [sys.executable, "-m", "derivations", "grade", str(CLASS), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))


def test_grade_rows_as_the_command_line_does(cli_report):
    graded = grade(_class_rows())
    assert graded == cli_report
    assert {"verdict", "feedback", "email"} <= set(graded[0])  # other columns are kept


def test_grade_a_dataframe(cli_report):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(_class_rows())
    graded = grade(frame)
    assert isinstance(graded, pandas.DataFrame)
    assert graded.to_dict("records") == cli_report


def test_grade_reads_missing_cells_as_empty():
    rows = [{"student": "ann", "question": "forward-mults", "answer": None}]
    (row,) = grade(rows)
    assert row["verdict"] == "invalid_input" and row["answer"] == ""


@pytest.mark.parametrize(
    "rows, named",
    [("student,question,answer", "str"), ([["ann", "forward-mults", "c_i"]], "list"), (42, "int")],
)
def test_grade_refuses_what_is_not_rows(rows, named):
    with pytest.raises(DerivationError, match=named):
        grade(rows)
