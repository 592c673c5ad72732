"""Keyed errors reach the user in the command's ``--lang``: a sample of converted errors
(roster, variants file, answer key questions, question registry, output paths, rubric,
atomic writes) said in Chinese by the CLI, in one line, without a traceback."""

from __future__ import annotations

import re

import pytest

from derivations.cli import main

CJK = re.compile(r"[\u4e00-\u9fff]")


def _said(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and ": error: " in err, err
    return err.split(": error: ", 1)[1]


def _roster(tmp_path, content: str):
    path = tmp_path / "roster.csv"
    path.write_text(content, encoding="utf-8")
    return str(path)


def _variants(tmp_path, roster: str, *more: str) -> list[str]:
    return [
        "variants",
        "--roster",
        roster,
        "--questions",
        "forward-mults",
        "--seed",
        "term",
        "--out",
        str(tmp_path / "out"),
        *more,
    ]


@pytest.mark.parametrize(
    "content, zh, en",
    [
        ("", "为空", "is empty"),
        ("id\na\na\n", "学号 'a' 重复（首次出现在第 2 行）", "duplicate student id 'a'"),
        ("name\nalice\n", "名单没有学号列", "roster has no id column"),
        ("id\n\n", "中没有学生", "lists no student"),
    ],
)
def test_roster_errors_are_said_in_the_commands_language(tmp_path, capsys, content, zh, en):
    roster = _roster(tmp_path, content)
    assert main(_variants(tmp_path, roster, "--lang", "zh")) == 2
    said = _said(capsys)
    assert zh in said and en not in said and CJK.search(said)
    assert main(_variants(tmp_path, roster)) == 2  # no --lang: English
    assert en in _said(capsys)


def test_an_unknown_variants_question_is_said_in_chinese(tmp_path, capsys):
    command = _variants(tmp_path, _roster(tmp_path, "id\na\n"), "--lang", "zh")
    command[command.index("forward-mults")] = "nope"
    assert main(command) == 2
    said = _said(capsys)
    assert "未知问题 'nope'" in said and "unknown" not in said


def test_a_write_that_fails_is_said_in_chinese(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    assert main(_variants(tmp_path, _roster(tmp_path, "id\na\n"), "--lang", "zh")) == 2
    said = _said(capsys)
    assert said.startswith("无法写入 ") and str(blocker) in said
    assert blocker.read_text() == "a file where the folder should be"


def test_an_unknown_question_is_said_in_chinese_by_check(capsys):
    assert main(["check", "--question", "nope", "--answer", "h", "--lang", "zh"]) == 2
    said = _said(capsys)
    assert "未知问题 'nope'" in said and "unknown" not in said


def _answers(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("student,question,answer\na,forward-mults,1\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "extra, zh",
    [
        (lambda t: ["--out", str(t)], "是目录"),
        (
            lambda t: ["--out", str(t / "r.csv"), "--gradebook", str(t / "r.csv")],
            "与 --out 是同一个文件",
        ),
        (
            lambda t: ["--out", str(t / "r.csv"), "--variants", str(t / "bad.json")],
            "不是有效的 JSON",
        ),
        (lambda t: ["--out", str(t / "r.csv"), "--rubric", str(t / "bad.toml")], "未知的键"),
        (
            lambda t: ["--out", str(t / "r.csv"), "--rubric", str(t / "big.toml")],
            "不在 0 到 1 之间",
        ),
    ],
)
def test_grade_errors_are_said_in_chinese(tmp_path, capsys, extra, zh):
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "bad.toml").write_text("colour = 1\n")
    (tmp_path / "big.toml").write_text("[credit]\nequivalent = 1.5\n")
    assert main(["grade", _answers(tmp_path), *extra(tmp_path), "--lang", "zh"]) == 2
    said = _said(capsys)
    assert zh in said and CJK.search(said), said
    assert not (tmp_path / "r.csv").exists()


def test_a_roster_that_does_not_decode_is_said_in_chinese(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_bytes("id\nJosé\n".encode("cp1252"))
    assert main(_variants(tmp_path, str(roster), "--lang", "zh")) == 2
    said = _said(capsys)
    assert "编码" in said and "--encoding" in said and "is not" not in said
