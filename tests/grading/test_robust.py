"""Issue 8's file failures, each reproduced: characters a field can hold, NUL, size caps,
modes, interrupted runs, escaping where user text lands."""

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.grading import encoding

ROOT = Path(__file__).resolve().parents[2]
TRICKY = [
    "a\rb",
    "a\nb",
    "a\r\nb",
    'say "hi"',
    "x,y",
    "tab\there",
    "\u202eevil",
    "é\u00a0ü",
    "trailing\r",
    "",
    " lead",
    "😀",
]


def _read(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_every_character_a_field_can_hold_round_trips(tmp_path):
    answers = tmp_path / "a.csv"
    with open(answers, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")  # quotes a bare CR
        writer.writerow(["student", "question", "answer", "note"])
        for index, value in enumerate(TRICKY):
            writer.writerow([f"s{index}", "bias-size", "c_o", value])
    out = tmp_path / "r.csv"
    assert main(["grade", str(answers), "--out", str(out), "--no-progress"]) == 0
    rows = _read(out)
    assert [r["note"] for r in rows] == TRICKY
    assert {r["verdict"] for r in rows} == {"equivalent"}


def test_a_bare_cr_inside_a_quoted_answer_does_not_split_the_row(tmp_path):
    answers = tmp_path / "a.csv"
    answers.write_bytes(b'student,question,answer\nann,bias-size,"c_o\rc_i"\nbob,bias-size,c_o\n')
    out = tmp_path / "r.csv"
    assert main(["grade", str(answers), "--out", str(out), "--no-progress"]) == 0
    rows = _read(out)
    assert [r["student"] for r in rows] == ["ann", "bob"]
    assert rows[0]["answer"] == "c_o\rc_i"


def test_a_nul_stops_the_file_with_one_line(tmp_path, capsys):
    answers = tmp_path / "a.csv"
    answers.write_bytes(b"student,question,answer\nann,bias-size,c\x00o\n")
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "NUL" in err and err.count("\n") == 1
    assert not (tmp_path / "r.csv").exists()


def test_dev_zero_stops_with_one_line(tmp_path, capsys):
    assert main(["grade", "/dev/zero", "--out", str(tmp_path / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_input_over_the_size_cap_stops_with_one_line_naming_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(encoding, "MAX_INPUT_BYTES", 100_000)
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\n" + "ann,bias-size,c_o\n" * 10_000)
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert "size cap" in err and "98 KiB" in err and err.count("\n") == 1
    assert not (tmp_path / "r.csv").exists()


ENDLESS = """
import sys
with open(sys.argv[1], "w") as pipe:
    pipe.write("student,question,answer\\n")
    try:
        while True:
            pipe.write("a,bias-size,c_o\\n")
    except BrokenPipeError:
        pass
"""


def test_endless_input_from_a_pipe_is_refused_up_front(tmp_path, capsys, monkeypatch):
    """A pipe has no size to cap a buffer by (issue 26): refused before it is read."""
    monkeypatch.setattr(encoding, "MAX_INPUT_BYTES", 200_000)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen([sys.executable, "-c", ENDLESS, str(fifo)], stderr=subprocess.DEVNULL)
    try:
        assert main(["grade", str(fifo), "--out", str(tmp_path / "r.csv")]) == 2
    finally:
        writer.kill()
        writer.wait()
    err = capsys.readouterr().err
    assert "not a regular file" in err and err.count("\n") == 1
    assert not (tmp_path / "r.csv").exists()


@pytest.mark.parametrize(
    "umask, existing, expected",
    [
        (0o077, None, 0o600),
        (0o022, None, 0o644),
        (0o022, 0o600, 0o600),
        (0o077, 0o640, 0o640),
    ],
)
def test_reports_keep_the_mode_they_replace_or_follow_the_umask(
    tmp_path, umask, existing, expected
):
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\nann,bias-size,c_o\n")
    report, summary = tmp_path / "r.csv", tmp_path / "s.md"
    if existing is not None:
        for path in (report, summary):
            path.write_text("old")
            os.chmod(path, existing)
    previous = os.umask(umask)
    try:
        assert (
            main(
                [
                    "grade",
                    str(answers),
                    "--out",
                    str(report),
                    "--summary",
                    str(summary),
                    "--no-progress",
                ]
            )
            == 0
        )
    finally:
        os.umask(previous)
    assert {p.stat().st_mode & 0o777 for p in (report, summary)} == {expected}


KILLED = """
import os, signal, sys
sys.path.insert(0, {root!r})
from derivations.files import Staging
staging = Staging()
stream = staging.open({target!r})
stream.write(b"half a report" * 1000)
stream.flush()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_killed_with_sigkill_leaves_the_old_report_and_the_next_run_cleans_up(tmp_path):
    report = tmp_path / "r.csv"
    report.write_text("earlier report")
    done = subprocess.run([sys.executable, "-c", KILLED.format(root=str(ROOT), target=str(report))])
    assert done.returncode == -signal.SIGKILL
    stale = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(stale) == 1 and report.read_text() == "earlier report"
    live = tmp_path / f".r.csv.{os.getpid()}.keepme.tmp"  # a live run's: kept
    live.write_text("in progress")
    answers = tmp_path / "a.csv"
    answers.write_text("student,question,answer\nann,bias-size,c_o\n")
    assert main(["grade", str(answers), "--out", str(report), "--no-progress"]) == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert left == [live.name]
    assert "equivalent" in report.read_text()


HOSTILE_ID = "# <script>alert(1)</script> *bold* [x](javascript:1) `code` |"


def test_unknown_ids_and_answers_land_escaped_in_the_summary(tmp_path):
    answers = tmp_path / "a.csv"
    with open(answers, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "question", "answer"])
        writer.writerow(["a", HOSTILE_ID, "c_o"])
        writer.writerow(["b", "bias-size", "c_o c_i"])
    summary = tmp_path / "s.md"
    assert (
        main(
            [
                "grade",
                str(answers),
                "--out",
                str(tmp_path / "r.csv"),
                "--summary",
                str(summary),
                "--no-progress",
            ]
        )
        == 0
    )
    content = summary.read_text(encoding="utf-8")
    span = "``# <script>alert(1)</script> *bold* [x](javascript:1) `code` |``"
    assert span in content  # a code span: shown, never rendered
    outside_code = content.replace(span, "")
    assert "<" not in outside_code and "[x]" not in outside_code
    headings = [line for line in content.splitlines() if line.startswith("#")]
    assert not [h for h in headings if "script" in h]


def test_control_and_bidi_characters_are_shown_escaped_on_the_terminal(tmp_path, capsys):
    answers = tmp_path / "a.csv"
    answers.write_text(
        "student,question,answer\na,\x1b[31mred\u202etxt.exe,c_o\n", encoding="utf-8"
    )
    assert main(["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "\\x1b[31mred\\u202etxt.exe" in err
