"""The commands: exit codes, JSON fields, both languages, grading a class with a bad
row, atomic writes, the summary, the time budget."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.checking import check, feedback
from derivations.grading import bulk
from derivations.checking.deciding.budget import OutOfTime, enforced, time_budget
from derivations.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("answer, status, verdict", [
    ("c_o (2 c_i k_h k_w - 1) floor((h-k_h+p_h+s_h)/s_h) floor((w-k_w+p_w+s_w)/s_w)", 0,
     "equivalent"),
    ("2 c_i c_o k_h k_w m_h m_w", 0, "equivalent_under_convention"),
    ("c_i c_o (2 k_h k_w - 1) m_h m_w", 1, "not_equivalent"),
    ("c_i c_o (", 2, "invalid_input"),
])
def test_check_exit_status_and_json(capsys, answer, status, verdict):
    assert main(["check", "--question", "forward-ops", "--answer", answer, "--json",
                 "--reveal", "answer"]) == status
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == verdict
    for field in ("verdict", "conventions", "parsed", "counterexample", "difference",
                  "misconception", "feedback"):
        assert field in data
    if verdict == "not_equivalent":
        assert data["counterexample"]["layer"] and data["difference"]["text"]
        assert data["misconception"]["id"] == "missing_cross_channel_adds"
    if verdict == "invalid_input":
        assert data["error"]["position"] == 10  # just past "("


def test_check_unknown_question_is_a_usage_error(capsys):
    assert main(["check", "--question", "nope", "--answer", "h"]) == 2
    err = capsys.readouterr().err
    assert "unknown question 'nope'" in err and "\n" == err[-1] and err.count("\n") == 1


def test_check_readable_in_chinese(capsys):
    assert main(["check", "--question", "bias-size", "--answer", "c_o c_i", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "每个输出通道只有一个偏置" in out and "反例" in out


def test_feedback_in_both_languages():
    result = check("double-channels", "2")
    assert "four times" in feedback(result, "en")
    assert "四倍" in feedback(result, "zh")


def test_questions_lists_every_id_with_edition_numbers(capsys):
    assert main(["questions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ids = [q["id"] for q in listed]
    assert "compose-size" in ids and "bias-size" in ids and len(ids) == 13
    assert main(["questions", "--lang", "zh"]) == 0
    assert "1 × 1" in capsys.readouterr().out


def test_cold_check_subprocess_runs():
    done = subprocess.run([sys.executable, "-m", "derivations", "check", "--question",
                           "compose-size", "--answer", "k_1+k_2-1"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "equivalent" in done.stdout and not done.stderr


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)


def test_grade_keeps_every_row_in_order_and_marks_a_bad_row(tmp_path, capsys):
    answers = tmp_path / "answers.csv"
    _write(answers, [["student", "question", "answer", "note"],
                     ["ann", "forward-ops", "2 c_i c_o k_h k_w m_h m_w", "x"],
                     ["bob", "bias-size"],                             # malformed: too few
                     ["cy", "no-such-question", "h", "y"],
                     ["dan", "bias-size", "c_o c_i", "z"],
                     ["eve", "compose-size", "max(k_1, k_2)", ""],
                     ["fay", "forward-ops", "2 c_i c_o k_h k_w m_h m_w", "x"]])
    out, summary = tmp_path / "report.csv", tmp_path / "summary.md"
    assert main(["grade", str(answers), "--out", str(out), "--summary", str(summary),
                 "--lang", "zh", "--no-progress"]) == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [r["student"] for r in rows] == ["ann", "bob", "cy", "dan", "eve", "fay"]
    assert [r["verdict"] for r in rows] == [
        "equivalent_under_convention", "invalid_input", "invalid_input", "not_equivalent",
        "not_equivalent", "equivalent_under_convention"]
    assert rows[0]["note"] == "x" and "flops" in rows[0]["conventions"]
    assert rows[3]["misconception"] == "bias_as_weights" and "偏置" in rows[3]["feedback"]
    assert "fields" in rows[1]["feedback"]
    text = summary.read_text(encoding="utf-8")
    assert "bias-size" in text and "bias_as_weights" in text and "评分汇总" in text


def test_grade_rejects_a_file_without_the_columns(tmp_path, capsys):
    answers = tmp_path / "answers.csv"
    _write(answers, [["name", "answer"], ["a", "h"]])
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv")]) == 2
    assert "lacks column 'student'" in capsys.readouterr().err


def test_grade_keeps_bytes_that_are_not_utf8(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(b"student,question,answer\nz\xff,bias-size,c_o\nok,bias-size,c_o\n")
    out = tmp_path / "r.csv"
    assert main(["grade", str(answers), "--out", str(out), "--no-progress"]) == 0
    data = out.read_bytes()
    assert b"z\xff" in data and data.count(b"invalid_input") == 1


def test_an_unquoted_comma_in_the_last_column_is_rejoined():
    header = ["student", "question", "answer"]
    results = bulk.grade_rows(header, [["a", "compose-size", "max(k_1", " k_2)"]])
    assert results[0].verdict == "not_equivalent"
    assert results[0].misconception == "compose_max"


def test_a_summary_that_cannot_be_written_leaves_the_earlier_report(tmp_path, monkeypatch,
                                                                   capsys):
    import tempfile
    answers = tmp_path / "answers.csv"
    _write(answers, [["student", "question", "answer"], ["ann", "bias-size", "c_o"]])
    report, summary = tmp_path / "report.csv", tmp_path / "summary.md"
    report.write_text("earlier report\n")
    real = tempfile.mkstemp

    def disk_full_for_the_summary(*args, prefix="", **kwargs):
        if prefix.startswith(".summary.md"):
            raise OSError(28, "No space left on device", str(summary))
        return real(*args, prefix=prefix, **kwargs)
    monkeypatch.setattr(tempfile, "mkstemp", disk_full_for_the_summary)
    assert main(["grade", str(answers), "--out", str(report), "--summary", str(summary),
                 "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err
    assert report.read_text() == "earlier report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.csv", "report.csv"]


def test_progress_bar_draws_on_stderr():
    import io
    stream = io.StringIO()
    progress = bulk.Progress(3, True, stream)
    for done in (1, 2, 3):
        progress.update(done)
    assert "3/3" in stream.getvalue() and stream.getvalue().endswith("\n")


@pytest.mark.skipif(not enforced(), reason="SIGALRM budgets need Unix and the main thread")
def test_time_budget_interrupts_a_long_computation():
    with pytest.raises(OutOfTime):
        with time_budget(0.05):
            while True:
                pass


def test_repeated_answers_are_checked_once(monkeypatch):
    calls = []
    real = bulk.check
    monkeypatch.setattr(bulk, "check", lambda q, a, **kw: calls.append(a) or real(q, a, **kw))
    header = ["student", "question", "answer"]
    rows = [[f"s{i}", "bias-size", "c_o"] for i in range(50)]
    results = bulk.grade_rows(header, rows)
    assert len(results) == 50 and calls == ["c_o"]
