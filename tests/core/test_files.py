"""Atomic output writing: all or nothing, one-line errors naming the path."""

import os

import pytest

from derivations.errors import DerivationError
from derivations.files import write_atomically


def test_writes_all_files_with_readable_mode(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "sub" / "b.txt"
    write_atomically({a: "α", b: b"\x00b"}, make_parents=True)
    assert a.read_text(encoding="utf-8") == "α" and b.read_bytes() == b"\x00b"
    assert oct(os.stat(a).st_mode & 0o777) == "0o644"


@pytest.mark.parametrize(
    "bad, named",
    [
        ("dir", "is a directory"),
        ("", "is empty"),
        ("file/inside", "is not a directory"),
    ],
)
def test_bad_second_target_replaces_nothing(tmp_path, bad, named):
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x")
    first = tmp_path / "report.csv"
    first.write_text("old report")
    target = tmp_path / bad if bad else ""
    with pytest.raises(DerivationError, match=named):
        write_atomically({first: "new report", target: "summary"})
    assert first.read_text() == "old report"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_same_path_twice_is_refused(tmp_path):
    with pytest.raises(DerivationError, match="given twice"):
        write_atomically({tmp_path / "r.csv": "a", str(tmp_path / "." / "r.csv"): "b"})


def test_special_file_is_refused(tmp_path):
    with pytest.raises(DerivationError, match="not a regular file"):
        write_atomically({"/dev/null": "x"})
