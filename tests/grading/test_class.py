"""`grade` on whole classes: rows in order, the three example exports end to end, the
rubric's scores, the gradebook, the summary and its chart, per-student files, --json."""

import csv
import io
import json
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.grading import workers
from derivations.grading.escape import FORMULA_STARTS
from derivations.grading.rubric import load_rubric
from derivations.messages import text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "grading"


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)


def _read(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_grade_keeps_every_row_in_order_and_marks_a_bad_row(tmp_path, capsys):
    answers = tmp_path / "answers.csv"
    _write(
        answers,
        [
            ["student", "question", "answer", "note"],
            ["ann", "forward-ops", "2 c_i c_o k_h k_w m_h m_w", "x"],
            ["bob", "bias-size"],  # malformed: too few
            ["cy", "no-such-question", "h", "y"],
            ["dan", "bias-size", "c_o c_i", "z"],
            ["eve", "compose-size", "max(k_1, k_2)", ""],
            ["fay", "forward-ops", "2 c_i c_o k_h k_w m_h m_w", "x"],
        ],
    )
    out, summary = tmp_path / "report.csv", tmp_path / "summary.md"
    assert (
        main(
            [
                "grade",
                str(answers),
                "--out",
                str(out),
                "--summary",
                str(summary),
                "--lang",
                "zh",
                "--no-progress",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    rows = _read(out)
    assert [r["student"] for r in rows] == ["ann", "bob", "cy", "dan", "eve", "fay"]
    assert [r["verdict"] for r in rows] == [
        "equivalent_under_convention",
        "invalid_input",
        "invalid_input",
        "not_equivalent",
        "not_equivalent",
        "equivalent_under_convention",
    ]
    assert rows[0]["note"] == "x" and "flops" in rows[0]["conventions"]
    assert rows[3]["misconception"] == "bias_as_weights" and "偏置" in rows[3]["feedback"]
    assert "字段" in rows[1]["feedback"]
    content = summary.read_text(encoding="utf-8")
    assert "bias\\-size" in content and "bias_as_weights" in content
    assert text("grading.summary_title", "zh") in content
    heading = text("grading.summary_top_assumptions", "zh")
    assert heading in content and "flops" in content.split(heading, 1)[1]
    assert (tmp_path / "summary.svg").read_bytes().startswith(b"<?xml")


def test_an_unquoted_comma_in_the_last_column_is_rejoined(tmp_path):
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\na,compose-size,max(k_1, k_2)\n")
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]) == 0
    (row,) = _read(tmp_path / "r.csv")
    assert (row["answer"], row["verdict"], row["misconception"]) == (
        "max(k_1, k_2)",
        "not_equivalent",
        "compose_max",
    )


def test_repeated_answers_are_checked_once(tmp_path, monkeypatch):
    calls = []
    real = workers.grade_answer
    monkeypatch.setattr(
        workers, "grade_answer", lambda q, a, *rest: calls.append(a) or real(q, a, *rest)
    )
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [["student", "question", "answer"]] + [[f"s{i}", "bias-size", "c_o"] for i in range(50)],
    )
    assert (
        main(
            [
                "grade",
                str(answers),
                "--out",
                str(tmp_path / "r.csv"),
                "--no-progress",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    assert calls == ["c_o"] and len(_read(tmp_path / "r.csv")) == 50


def _budget_outcome(real):
    seen = []

    def grade(question, answer, *rest):
        outcome = real(question, answer, *rest)
        seen.append(answer)
        if seen.count(answer) == 1:  # the first try runs out of work budget
            from derivations.records import replace

            return replace(outcome, verdict="invalid_input", budget=True)
        return outcome

    return grade, seen


def _grade_two_equal_answers(tmp_path) -> None:
    """Grade two rows with the same answer in one process into ``r.csv``."""
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [["student", "question", "answer"], ["a", "bias-size", "c_o"], ["b", "bias-size", "c_o"]],
    )
    argv = ["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]
    assert main([*argv, "--jobs", "1"]) == 0


def test_an_outcome_that_hit_the_budget_is_retried_alone_and_never_cached(tmp_path, monkeypatch):
    grade, seen = _budget_outcome(workers.grade_answer)
    monkeypatch.setattr(workers, "grade_answer", grade)
    _grade_two_equal_answers(tmp_path)
    assert [r["verdict"] for r in _read(tmp_path / "r.csv")] == ["equivalent"] * 2
    assert seen == ["c_o", "c_o"]  # first try, its retry; then the cache


def test_an_internal_error_is_verdict_error_for_its_row_only(tmp_path, monkeypatch, capsys):
    from derivations.grading import outcome as module

    real = module.check

    def check(question, answer, **kw):
        if answer == "boom":
            raise KeyError("broken catalogue entry")
        return real(question, answer, **kw)

    monkeypatch.setattr(module, "check", check)
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [["student", "question", "answer"], ["a", "bias-size", "boom"], ["b", "bias-size", "c_o"]],
    )
    assert (
        main(
            [
                "grade",
                str(answers),
                "--out",
                str(tmp_path / "r.csv"),
                "--summary",
                str(tmp_path / "s.md"),
                "--no-progress",
                "--jobs",
                "1",
            ]
        )
        == 3
    )
    rows = _read(tmp_path / "r.csv")
    assert [r["verdict"] for r in rows] == ["error", "equivalent"]
    assert "KeyError" in rows[0]["feedback"] and rows[0]["feedback"].count("\n") == 0


def test_jobs_give_the_same_report_as_one_process(tmp_path):
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [["student", "question", "answer"]]
        + [[f"s{i}", "bias-size", f"c_o + {i} - {i}"] for i in range(40)]
        + [[f"t{i}", "forward-mults", f"c_i c_o k_h k_w h w + {i}"] for i in range(20)],
    )
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.csv"
        assert (
            main(["grade", str(answers), "--out", str(out), "--no-progress", "--jobs", jobs]) == 0
        )
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]


def _dangerous(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


def test_no_cell_of_the_report_or_gradebook_runs_as_a_formula(tmp_path, capsys):
    hostile = [
        '=HYPERLINK("http://x","y")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1",
        "\r=1",
        "＝1",
    ]
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [["student", "question", "answer", "=note"]]
        + [[value, "bias-size", value, value] for value in hostile],
    )
    out, book = tmp_path / "r.csv", tmp_path / "g.csv"
    assert (
        main(
            [
                "grade",
                str(answers),
                "--out",
                str(out),
                "--gradebook",
                str(book),
                "--no-progress",
                "--json",
            ]
        )
        == 0
    )
    for path in (out, book):
        with open(path, newline="", encoding="utf-8") as stream:
            cells = [cell for row in csv.reader(stream) for cell in row]
        assert not [c for c in cells if _dangerous(c)]
    rows = _read(out)
    assert [r["student"] for r in rows] == ["'" + v for v in hostile]
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["row"]["answer"] for record in lines] == hostile  # exact in --json


def test_the_rubric_gives_points_credit_and_refuses_what_the_course_does_not_accept(tmp_path):
    rubric = tmp_path / "r.toml"
    rubric.write_text(
        'accepted = ["per_side_padding"]\n[points]\ndefault = 2\n'
        "[conventions]\nexact_division = 0.5\n"
    )
    answers = tmp_path / "a.csv"
    _write(
        answers,
        [
            ["student", "question", "answer"],
            ["a", "output-height", "floor((h-k_h+p_h+s_h)/s_h)"],
            ["b", "output-height", "(h-k_h+2*p_h)//s_h+1"],
            ["c", "output-height", "(h-k_h+p_h)/s_h+1"],
            ["d", "output-height", "h"],
        ],
    )
    out = tmp_path / "out.csv"
    assert (
        main(["grade", str(answers), "--out", str(out), "--rubric", str(rubric), "--no-progress"])
        == 0
    )
    rows = _read(out)
    assert (rows[0]["verdict"], rows[0]["score"]) == ("equivalent", "2")
    by_convention = {r["conventions"]: r["score"] for r in rows[1:3]}
    assert by_convention.get("per_side_padding") == "2"
    assert by_convention.get("exact_division") == "0"  # not in `accepted`
    assert rows[3]["score"] == "0"


@pytest.mark.parametrize(
    "content, named",
    [
        ("[points]\nforwrd-mults = 2\n", "did you mean"),
        ("[credit]\nequivalent = 1.5\n", "between 0 and 1"),
        ("[conventions]\nbig_o = 0.5\n", "unknown convention"),
        ("reveal = 'everything'\n", "not one of hint, answer, none"),
        ("[points\n", "not valid TOML"),
        ("colour = 1\n", "unknown key"),
    ],
)
def test_a_bad_rubric_is_one_line_naming_the_key(tmp_path, capsys, content, named):
    rubric = tmp_path / "r.toml"
    rubric.write_text(content)
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\na,bias-size,c_o\n")
    assert (
        main(["grade", str(answers), "--out", str(tmp_path / "o.csv"), "--rubric", str(rubric)])
        == 2
    )
    err = capsys.readouterr().err
    assert named in err and err.count("\n") == 1 and str(rubric) in err
    assert not (tmp_path / "o.csv").exists()


def test_the_default_rubric_is_shipped_and_complete():
    rubric = load_rubric()
    from derivations.messages import catalogue

    declared = {k.split(".", 2)[2] for k in catalogue() if k.startswith("checker.assumption.")}
    assert set(rubric.assumptions) == declared
    assert rubric.points_for("forward-ops") == 1 and rubric.reveal == "hint"


EXPORTS = [
    ("moodle-responses.csv", "moodle-rubric.toml", "Email address", 5),
    ("moodle-responses-zh.csv", "moodle-rubric.toml", "学号", 2),
    ("canvas-student-analysis.csv", "canvas-rubric.yaml", "ID", 4),
    ("canvas-student-analysis-ta.csv", "canvas-rubric.yaml", "ID", 3),
    ("class-long.csv", None, "student", 4),
]


@pytest.mark.parametrize("export, rubric, identifier, students", EXPORTS)
def test_the_example_exports_grade_end_to_end(tmp_path, export, rubric, identifier, students):
    """Every example export is recognised without --shape or --map; the gradebook has
    one points column (the total), or with --gradebook-columns questions one per
    question, whose sum is that total: never both (an import would count twice)."""
    books = {}
    for columns in ("total", "questions"):
        out, book, summary = tmp_path / "r.csv", tmp_path / f"{columns}.csv", tmp_path / "s.md"
        argv = [
            "grade",
            str(EXAMPLES / export),
            "--out",
            str(out),
            "--gradebook",
            str(book),
            "--gradebook-columns",
            columns,
            "--summary",
            str(summary),
            "--feedback-dir",
            str(tmp_path / "letters"),
            "--no-progress",
        ]
        if rubric:
            argv += ["--rubric", str(EXAMPLES / rubric)]
        assert main(argv) == 0
        books[columns] = _read(book)
    source = _read(EXAMPLES / export)
    report = _read(out)
    assert len(report) == len(source)
    first = next(iter(source[0]))
    assert [r[first] for r in report] == [r[first] for r in source]
    assignment = load_rubric(str(EXAMPLES / rubric) if rubric else None).assignment
    total, parts = books["total"], books["questions"]
    assert len(total) == len(parts) == students and identifier in total[0]
    points = [k for k in total[0] if k == assignment or k.startswith(assignment + ": ")]
    assert points == [assignment]
    per_question = [k for k in parts[0] if k.startswith(assignment + ": ")]
    assert per_question and assignment not in parts[0]
    for whole, split in zip(total, parts):
        assert whole[identifier] == split[identifier]
        assert float(whole[assignment]) == pytest.approx(
            sum(float(split[k]) for k in per_question if split[k])
        )
    assert "## " in summary.read_text(encoding="utf-8")
    svg = (tmp_path / "s.svg").read_bytes()
    assert b"<svg" in svg and b"Date" not in svg
    for suffix in ("md", "txt", "html"):
        assert len(list((tmp_path / "letters").glob(f"*.{suffix}"))) == students


def test_moodle_keeps_its_average_row_ungraded(tmp_path):
    out = tmp_path / "r.csv"
    assert (
        main(
            [
                "grade",
                str(EXAMPLES / "moodle-responses.csv"),
                "--rubric",
                str(EXAMPLES / "moodle-rubric.toml"),
                "--out",
                str(out),
                "--no-progress",
            ]
        )
        == 0
    )
    last = _read(out)[-1]
    assert last["Surname"] == "Overall average" and last["Response 1: verdict"] == ""


def test_canvas_best_attempt_counts(tmp_path):
    book = tmp_path / "g.csv"
    assert (
        main(
            [
                "grade",
                str(EXAMPLES / "canvas-student-analysis.csv"),
                "--rubric",
                str(EXAMPLES / "canvas-rubric.yaml"),
                "--out",
                str(tmp_path / "r.csv"),
                "--gradebook",
                str(book),
                "--gradebook-columns",
                "questions",
                "--no-progress",
            ]
        )
        == 0
    )
    chloe = next(r for r in _read(book) if r["ID"] == "20103")
    assert chloe["Quiz 3: convolution cost: forward-mults"] == "1"  # her second attempt


def test_the_chart_is_byte_reproducible(tmp_path):
    charts = []
    for name in ("a", "b"):
        assert (
            main(
                [
                    "grade",
                    str(EXAMPLES / "class-long.csv"),
                    "--out",
                    str(tmp_path / f"{name}.csv"),
                    "--chart",
                    str(tmp_path / f"{name}.svg"),
                    "--no-progress",
                ]
            )
            == 0
        )
        charts.append((tmp_path / f"{name}.svg").read_bytes())
    assert charts[0] == charts[1]


def test_regrading_a_report_replaces_its_columns(tmp_path):
    first, second = tmp_path / "r1.csv", tmp_path / "r2.csv"
    assert (
        main(["grade", str(EXAMPLES / "class-long.csv"), "--out", str(first), "--no-progress"]) == 0
    )
    assert main(["grade", str(first), "--out", str(second), "--no-progress"]) == 0
    with (
        open(first, newline="", encoding="utf-8") as a,
        open(second, newline="", encoding="utf-8") as b,
    ):
        header_a, header_b = next(csv.reader(a)), next(csv.reader(b))
    assert header_a == header_b and header_b.count("verdict") == 1


def test_an_input_column_named_like_an_output_is_kept_renamed(tmp_path):
    answers = tmp_path / "a.csv"
    _write(answers, [["student", "question", "answer", "score"], ["a", "bias-size", "c_o", "7"]])
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]) == 0
    (row,) = _read(tmp_path / "r.csv")
    assert row["input score"] == "7" and row["score"] == "1"


def test_progress_bar_shows_rows_per_second_and_eta():
    from derivations.grading.progress import Progress

    stream = io.StringIO()
    progress = Progress(1000, True, stream=stream)
    progress.update(10, 500, final=False)
    progress.finish(20, 1000)
    shown = stream.getvalue()
    assert "20 rows" in shown and "rows/s" in shown and shown.endswith("\n")
    quiet = io.StringIO()
    Progress(1000, False, stream=quiet).finish(20, 1000)
    assert quiet.getvalue() == ""


def test_bounded_caches_change_nothing(tmp_path, monkeypatch):
    """Memory is bounded by evicting from the caches; the outputs stay the same."""
    from derivations.grading import bulk

    answers = tmp_path / "a.csv"
    pool = [
        ("bias-size", "c_o"),
        ("bias-size", "c_o c_i"),
        ("compose-size", "k_1+k_2-1"),
        ("output-height", "(h-k_h+p_h)/s_h+1"),
        ("forward-mults", "c_i c_o k_h k_w h w"),
    ]
    _write(
        answers,
        [["student", "question", "answer"]]
        + [[f"s{i % 7}", *pool[(i * 3) % 5]] for i in range(60)],
    )
    outputs = []
    for entries in (20_000, 2):
        monkeypatch.setattr(bulk, "CACHE_ENTRIES", entries)
        monkeypatch.setattr(workers, "CACHE_ENTRIES", entries)
        monkeypatch.setattr(bulk, "BATCH_ROWS", 7)
        folder = tmp_path / str(entries)
        folder.mkdir()
        names = [folder / n for n in ("r.csv", "g.csv", "s.md", "s.svg")]
        assert (
            main(
                [
                    "grade",
                    str(answers),
                    "--out",
                    str(names[0]),
                    "--gradebook",
                    str(names[1]),
                    "--summary",
                    str(names[2]),
                    "--no-progress",
                    "--jobs",
                    "1",
                ]
            )
            == 0
        )
        outputs.append([p.read_bytes() for p in names])
    assert outputs[0] == outputs[1]


def test_an_answer_over_budget_even_alone_is_graded_anew_for_every_row(tmp_path, monkeypatch):
    calls = []
    real = workers.grade_answer

    def always_over(question, answer, *rest):
        from derivations.records import replace

        calls.append(answer)
        return replace(real(question, answer, *rest), budget=True)

    monkeypatch.setattr(workers, "grade_answer", always_over)
    _grade_two_equal_answers(tmp_path)
    assert calls == ["c_o"] * 4  # each row: a try and its retry, nothing reused


def test_the_counterexample_cell_is_in_the_reports_language(tmp_path):
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\na,forward-mults,c_i*k_h*k_w*m_h*m_w\n")
    cells = {}
    for lang in ("en", "zh"):
        out = tmp_path / f"{lang}.csv"
        assert main(["grade", str(answers), "--out", str(out), "--lang", lang]) == 0
        cells[lang] = _read(out)[0]["counterexample"]
    layer = cells["en"].split(": ", 1)[0]
    assert layer and "c_i=" in layer and ", answer " in cells["en"]
    assert cells["zh"].startswith(layer + "：参考答案 ") and "学生答案" in cells["zh"]


def test_the_counterexample_cells_conventions_are_joined_in_the_reports_language(tmp_path):
    from derivations.checking import check
    from tests.checking.test_cli import TWO_CONVENTIONS

    under = check("forward-ops", TWO_CONVENTIONS).counterexample["conventions"]
    answers = tmp_path / "a.csv"
    answers.write_text(f'student,question,answer\na,forward-ops,"{TWO_CONVENTIONS}"\n')
    for lang in ("en", "zh"):
        out = tmp_path / f"{lang}.csv"
        assert main(["grade", str(answers), "--out", str(out), "--lang", lang]) == 0
        cell = _read(out)[0]["counterexample"]
        assert text("checker.phrase.id_separator", lang).join(under) in cell, cell
