"""The commands: exit codes, JSON fields, both languages, grading a class with a bad
row, atomic writes, the summary, the time budget."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.checking import check, feedback
from derivations.checking.deciding.budget import OutOfTime, enforced, time_budget
from derivations.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "answer, status, verdict",
    [
        (
            "c_o (2 c_i k_h k_w - 1) floor((h-k_h+p_h+s_h)/s_h) floor((w-k_w+p_w+s_w)/s_w)",
            0,
            "equivalent",
        ),
        ("2 c_i c_o k_h k_w m_h m_w", 0, "equivalent_under_convention"),
        ("c_i c_o (2 k_h k_w - 1) m_h m_w", 1, "not_equivalent"),
        ("c_i c_o (", 2, "invalid_input"),
    ],
)
def test_check_exit_status_and_json(capsys, answer, status, verdict):
    assert (
        main(
            [
                "check",
                "--question",
                "forward-ops",
                "--answer",
                answer,
                "--json",
                "--reveal",
                "answer",
            ]
        )
        == status
    )
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == verdict
    for field in (
        "verdict",
        "conventions",
        "parsed",
        "counterexample",
        "difference",
        "misconception",
        "feedback",
    ):
        assert field in data
    if verdict == "not_equivalent":
        assert data["counterexample"]["layer"] and data["difference"]["text"]
        assert data["misconception"]["id"] == "missing_cross_channel_adds"
    if verdict == "invalid_input":
        assert data["error"]["position"] == 10  # just past "("


def test_check_unknown_question_is_a_usage_error(capsys):
    assert main(["check", "--question", "nope", "--answer", "h"]) == 2
    err = capsys.readouterr().err
    assert "unknown question 'nope'" in err and err[-1] == "\n" and err.count("\n") == 1


def test_check_readable_in_chinese(capsys):
    assert main(["check", "--question", "bias-size", "--answer", "c_o c_i", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    # the misconception's hint (the explanation names the answer, c_o: issue 21)
    assert "偏置不与任何输入相乘" in out and "反例" in out and "共 c_o 个" not in out


# right with the padding per side and the FLOPs counted, at layers the stride divides:
# its counterexample's value is the one under both conventions
TWO_CONVENTIONS = "2 c_o c_i k_h k_w ((h - k_h + 2 p_h)/s_h + 1)((w - k_w + 2 p_w)/s_w + 1)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_counterexamples_conventions_are_joined_in_the_language(capsys, lang):
    from derivations.checking.result import RESTRICTED_EXIT
    from derivations.messages import text

    under = check("forward-ops", TWO_CONVENTIONS).counterexample["conventions"]
    assert len(under) == 2, under
    argv = ["check", "--question", "forward-ops", "--answer", TWO_CONVENTIONS, "--lang", lang]
    assert main(argv) == RESTRICTED_EXIT  # its floor left out: right only at some layers
    out = capsys.readouterr().out
    assert f"({text('checker.phrase.id_separator', lang).join(under)})" in out, out


def test_feedback_in_both_languages():
    result = check("double-channels", "2")
    assert "four times" in feedback(result, "en", reveal="answer")
    assert "四倍" in feedback(result, "zh", reveal="answer")
    assert "four times" not in feedback(result, "en")  # the hint does not give it away


def test_questions_lists_every_id_with_edition_numbers(capsys):
    assert main(["questions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ids = [q["id"] for q in listed]
    assert "compose-size" in ids and "bias-size" in ids and len(ids) == 13
    assert main(["questions", "--lang", "zh"]) == 0
    assert "1 × 1" in capsys.readouterr().out


def test_cold_check_subprocess_runs():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "derivations",
            "check",
            "--question",
            "compose-size",
            "--answer",
            "k_1+k_2-1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "equivalent" in done.stdout and not done.stderr


@pytest.mark.skipif(not enforced(), reason="SIGALRM budgets need Unix and the main thread")
def test_time_budget_interrupts_a_long_computation():
    with pytest.raises(OutOfTime), time_budget(0.05):
        while True:
            pass


def _judged_rows():
    from tests.checking.test_feedback import ROWS

    return ROWS


@pytest.mark.parametrize(("qid", "answer", "name"), _judged_rows())
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_misconception_text_under_hint_is_the_hint(capsys, qid, answer, name, lang):
    """``check --json`` at the default ``--reveal hint`` carries the misconception's hint,
    the text the readable output and the page show, never its explanation (which may name
    the reference: s15exam E5); under ``--reveal answer`` the explanation."""
    from derivations.checking.explaining.wording import misconception_text

    shown = {}
    for reveal in ("hint", "answer"):
        main(
            [
                "check",
                "--question",
                qid,
                "--answer",
                answer,
                "--json",
                "--lang",
                lang,
                "--reveal",
                reveal,
            ]
        )
        data = json.loads(capsys.readouterr().out)
        assert data["misconception"]["id"] == name
        shown[reveal] = data["misconception"]["text"]
    assert shown["hint"] == misconception_text(name, lang, "hint", direction="")
    assert shown["answer"] == misconception_text(name, lang, "answer", direction="")
