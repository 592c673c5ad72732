"""Issue 24 item 4: a class file saved by Excel in a legacy code page has ``?`` where the
code page lacked a character (``×``, ``⌊`` in answers, ``ü`` in names); such rows are
flagged in the report's ``flags`` column and listed in the summary, not graded silently.
"""

from __future__ import annotations

import csv

import pytest

from derivations.cli import main
from derivations.grading.escape import markdown_text
from derivations.messages import text

# (student, answer, the columns flagged: none for a clean row)
ROWS = [
    ("M?ller", "c_i*c_o*k_h*k_w*m_h*m_w", ["student"]),
    ("ann", "c_o?c_i?k_h?k_w?m_h?m_w", ["answer"]),
    ("bob", "c_o*c_i*k_h*k_w*m_h*m_w", []),
    ("=J?se", "c_o", ["student"]),  # a would-be formula: neutralised in the report
    ("who?", "c_o", ["student"]),
    ("? ", "c_o", []),  # a lone "?" is no letter replaced
]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_question_marks_in_place_of_characters_are_flagged(tmp_path, lang):
    answers = tmp_path / "answers.csv"
    with open(answers, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "question", "answer"])
        for student, answer, _ in ROWS:
            question = "bias-size" if answer == "c_o" else "forward-mults"
            writer.writerow([student, question, answer])
    out, summary = tmp_path / "report.csv", tmp_path / "summary.md"
    argv = ["grade", str(answers), "--out", str(out), "--summary", str(summary)]
    assert main([*argv, "--lang", lang, "--no-progress"]) == 0
    with open(out, encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    assert header[-1] == "flags" and len(rows) == len(ROWS)
    listed = summary.read_text(encoding="utf-8")
    assert text("grading.summary_replaced", lang) in listed
    for line, (row, (student, _, flagged)) in enumerate(zip(rows, ROWS), 2):
        assert row[0] == ("'" + student if student.startswith("=") else student)
        item = text(
            "grading.summary_replaced_item",
            lang,
            line=line,
            student=markdown_text(student.strip()),
            columns=markdown_text(", ".join(flagged)),
        )
        if flagged:
            assert row[-1] == text("grading.replaced_characters", lang, columns=", ".join(flagged))
            assert item in listed
        else:
            assert row[-1] == ""
            start = item[: item.index(markdown_text(student.strip())) + len(student.strip())]
            assert start not in listed


def test_a_clean_class_has_no_flags_section(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "student,question,answer\r\nbob,bias-size,c_o\r\n", encoding="utf-8", newline=""
    )
    out, summary = tmp_path / "report.csv", tmp_path / "summary.md"
    argv = ["grade", str(answers), "--out", str(out), "--summary", str(summary)]
    assert main([*argv, "--no-progress"]) == 0
    assert text("grading.summary_replaced", "en") not in summary.read_text(encoding="utf-8")
    with open(out, encoding="utf-8", newline="") as stream:
        header, row = list(csv.reader(stream))
    assert header[-1] == "flags" and row[-1] == ""


def test_regrading_a_report_replaces_its_flags(tmp_path):
    """A report of ours graded again: its columns (``flags`` too) are replaced, not
    kept as ``input flags``."""
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "student,question,answer\r\nM?ller,bias-size,c_o\r\n", encoding="utf-8", newline=""
    )
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert main(["grade", str(answers), "--out", str(first), "--no-progress"]) == 0
    assert main(["grade", str(first), "--out", str(second), "--no-progress"]) == 0
    with open(second, encoding="utf-8", newline="") as stream:
        header, row = list(csv.reader(stream))
    assert header.count("flags") == 1 and not any(h.startswith("input ") for h in header)
    assert row[-1] == text("grading.replaced_characters", "en", columns="student")
