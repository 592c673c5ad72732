"""No answer can crash a run: an internal failure is the verdict ``error`` (exit 3);
bad bytes and degenerate big-O answers get one clear line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.checking import EXIT_STATUS, check, feedback
from derivations.checking.result import RESTRICTED_EXIT
from derivations.cli import main
from tests.checking.rows import GUARD, RIGHT

ROOT = Path(__file__).resolve().parents[2]


def _boom(*args, **kwargs):
    raise ZeroDivisionError("Fraction(0, 0)")


def test_an_internal_failure_is_the_error_verdict(monkeypatch):
    from derivations.checking import checker

    monkeypatch.setattr(checker, "_judge", _boom)
    result = check("forward-ops", "c_i\n+ c_o")
    assert result.verdict == "error" and EXIT_STATUS["error"] == 3
    assert result.error["reason"] == "ZeroDivisionError: Fraction(0, 0)"
    for lang in ("en", "zh"):
        text = feedback(result, lang)
        assert "\n" not in text and "c_i\\x0a+ c_o" in text and "ZeroDivisionError" in text


def test_check_exits_3_on_an_internal_error(monkeypatch, capsys):
    from derivations.checking import checker

    monkeypatch.setattr(checker, "_judge", _boom)
    assert main(["check", "--question", "forward-ops", "--answer", "c_i", "--json"]) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "error" and "ZeroDivisionError" in data["feedback"]


def test_exit_statuses_are_distinct():
    assert sorted(set(EXIT_STATUS.values())) == [0, 1, 2, 3]
    assert EXIT_STATUS["not_equivalent"] != EXIT_STATUS["error"]
    assert RESTRICTED_EXIT not in EXIT_STATUS.values()


@pytest.mark.parametrize(
    "question, answer, status",
    [
        # s12exam E8: a floor left out is right only where the stride divides: not exit 0
        ("output-height", "(h-k_h+p_h+s_h)/s_h", RESTRICTED_EXIT),
        ("output-width", "(w - k_w + p_w)/s_w + 1", RESTRICTED_EXIT),
        ("output-height", "floor((h-k_h+p_h+s_h)/s_h)", 0),
        ("output-height", "(h-k_h+p_h+s_h)/s_h + 1", 1),
    ],
)
def test_check_exits_apart_for_an_answer_right_only_at_some_layers(question, answer, status):
    assert main(["check", "--question", question, "--answer", answer]) == status


def test_check_help_names_every_exit_status(capsys):
    """s12exam E15: ``check --help`` listed 0 to 3, not the status 4 ``check`` exits with."""
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    for status in {*EXIT_STATUS.values(), RESTRICTED_EXIT}:
        assert f"{status}:" in said, (status, said)


def test_invalid_utf8_in_the_answer_is_one_line():
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    for extra in ([], ["--json"], ["--lang", "zh"]):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "derivations",
                "check",
                "--question",
                "forward-ops",
                b"--answer=c_i \xff\xfe c_o".decode("utf-8", "surrogateescape"),
                *extra,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
        )
        assert done.returncode == 2, done.stderr
        assert b"Traceback" not in done.stderr and not done.stderr.strip(b"\n").count(b"\n")
        out = done.stdout.decode("utf-8")
        assert "0xff" in out and "c_i" in out


def test_a_zero_big_o_bounds_nothing():
    result = check("forward-mults", "O(0)")
    assert result.verdict == "not_equivalent" and result.order["sign"] == 0
    text = feedback(result, "en")
    assert "bounds nothing" in text and "slower" not in text and "faster" not in text
    assert "上界" in feedback(result, "zh")


def test_validate_prints_how_the_answer_was_read_and_stops(capsys):
    assert (
        main(
            [
                "check",
                "--question",
                "forward-ops",
                "--validate",
                "--answer",
                "c_o (2 c_i k_h k_w - 1) m_h m_w",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "c_o×(2×c_i×k_h×k_w − 1)×m_h×m_w" in out and "verdict" not in out
    assert main(["check", "--question", "forward-ops", "--validate", "--answer", "c_i +"]) == 2
    assert (
        main(["check", "--question", "forward-ops", "--validate", "--json", "--answer", "h w"]) == 0
    )
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["read"] is True


# s16std: --validate ran the reader's first reading only, and refused what check reads on
# (a sum over the layers, a formula in HTML's entities, a step at one layer's numbers)
@pytest.mark.parametrize(
    "question, answer",
    [
        ("compose-size", r"\sum_{l=1}^{2} (k_l - 1) + 1"),
        ("forward-mults", "&lt;c_o c_i k_h k_w m_h m_w&gt;"),
        ("compose-size", "感受野：RF_2 = RF_1 + (k_2 - 1)"),
    ],
)
def test_validate_says_what_check_reads(capsys, question, answer):
    parsed = check(question, answer, symbolic=False).parsed
    command = ["check", "--question", question, "--validate", "--json", "--answer", answer]
    assert parsed is not None and main(command) == 0
    data = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (data["read"], data["text"]) == (True, parsed["text"])
    assert [note["id"] for note in data["notes"]] == [note["id"] for note in parsed["notes"]]


@pytest.mark.parametrize(
    "answer",
    ["h " * 7500, "输出高度 = " + "(h - k_h) " * 1500, "x = (h - k_h)\n" * 1070],
)
def test_an_answer_too_long_is_refused_before_any_reading(monkeypatch, answer):
    # s12rev: about 15,000 characters went through second_look's patterns before the
    # length was refused ("more than 2 s of CPU", not its length): no reading may run
    from derivations.checking import checker
    from derivations.checking.reading.limits import MAX_GIVEN

    monkeypatch.setattr(checker, "_second_look", _boom)
    result = check("output-height", answer)
    assert len(answer) > MAX_GIVEN, len(answer)
    assert result.verdict == "invalid_input" and result.error["id"] == "reading.too_long_given"
    assert result.error["fields"] == {"length": str(len(answer)), "limit": str(MAX_GIVEN)}
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert f"{len(answer)} " in said and "\n" not in said, said


@GUARD
def test_an_answer_longer_than_its_formula_may_be_is_read_when_its_formula_is_not():
    # a guard of MAX_GIVEN's margin: over MAX_LENGTH as given, its comments and
    # indentation read away (as H6-test's 652-character FLOPs.py answer), it is read
    from derivations.checking.reading.limits import MAX_GIVEN, MAX_LENGTH

    answer = "\n".join(
        [
            "flops = 2 * c_i * k_h * k_w * c_o * m_h * m_w  # " + "multiply-adds, " * 20,
            *["        # " + "per output element " * 3] * 6,
            "        ",
        ]
    )
    assert MAX_LENGTH < len(answer) <= MAX_GIVEN, len(answer)
    assert check("forward-ops", answer, symbolic=False).verdict in RIGHT
