"""The derivation cache can only make a run faster: a file we did not write (forged,
hostile, not a regular file) is ignored with one warning and the entry derived again."""

import json
import os

import pytest

from derivations.checking import check
from derivations.checking.deciding import catalogue


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and key folder; per-process memos cleared."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    catalogue._key.cache_clear()
    catalogue.entry.cache_clear()
    monkeypatch.setattr(catalogue, "_warned", [])
    yield tmp_path
    catalogue._key.cache_clear()
    catalogue.entry.cache_clear()


def _path(qid="bias-size"):
    path = catalogue.cache_directory() / f"{qid}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _forged_payload() -> str:
    """A well-formed entry whose reference is h (what an attacker would plant)."""
    variant = {
        "tree": ["sym", "h"],
        "padding": "total",
        "conventions": [],
        "misconception": None,
        "domain": [],
        "alternatives": [],
    }
    return json.dumps(
        {
            "variants": [variant],
            "display_text": "c_o",
            "display_latex": "c_o",
            "expanded_text": "c_o",
            "definitions": [],
        }
    )


def test_an_entry_is_signed_and_read_back(fresh):
    data = catalogue._load("bias-size")
    assert catalogue.cached("bias-size")
    assert catalogue._read_entry(_path()) == data
    assert oct(catalogue.key_path().stat().st_mode & 0o777) == "0o600"
    assert not str(catalogue.key_path()).startswith(str(catalogue.cache_directory()))


@pytest.mark.parametrize("signature", ["", "0" * 64, "unsigned"])
def test_a_forged_entry_never_changes_a_verdict(fresh, capsys, signature):
    path = _path()
    path.write_text(
        f"{signature}\n{_forged_payload()}" if signature != "unsigned" else _forged_payload()
    )
    result = check("bias-size", "h")
    assert result.verdict != "equivalent" and result.verdict != "equivalent_under_convention"
    assert check("bias-size", "c_o").verdict == "equivalent"
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "signature" in err
    assert catalogue._read_entry(path) is not None  # rebuilt and signed


def test_a_signed_but_malformed_entry_is_rebuilt(fresh):
    key = catalogue._key()
    for payload in (
        "[" * 100_000 + "]" * 100_000,
        json.dumps(
            {
                "variants": [
                    {
                        "tree": ["num", "1e100000000"],
                        "padding": "total",
                        "conventions": [],
                        "misconception": None,
                        "domain": [],
                        "alternatives": [],
                    }
                ],
                "display_text": "",
                "display_latex": "",
                "expanded_text": "",
                "definitions": [],
            }
        ),
        json.dumps({"variants": []}),
        '{"variants": 1}',
        "{not json",
    ):
        data = payload.encode()
        _path().write_bytes(catalogue._signature(key, data).encode() + b"\n" + data)
        catalogue.entry.cache_clear()
        assert catalogue._read_entry(_path()) is None
        assert check("bias-size", "h").verdict == "not_equivalent"
        assert catalogue._read_entry(_path()) is not None  # derived again, signed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_fifo_does_not_block(fresh, capsys):
    path = _path()
    os.mkfifo(path)
    assert catalogue._read_entry(path) is None
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_symlink_to_a_device_is_not_read(fresh, capsys):
    path = _path()
    path.symlink_to("/dev/zero")
    assert catalogue._read_entry(path) is None
    assert "not a regular file" in capsys.readouterr().err
    assert check("bias-size", "c_o").verdict == "equivalent"


def test_a_world_writable_or_huge_file_is_ignored(fresh, capsys):
    catalogue._load("bias-size")
    path = _path()
    path.chmod(0o666)
    assert catalogue._read_entry(path) is None
    path.chmod(0o644)
    assert catalogue._read_entry(path) is not None
    path.write_bytes(b"x" * (catalogue.MAX_ENTRY_BYTES + 1))
    assert catalogue._read_entry(path) is None
    assert capsys.readouterr().err.count("warning") == 1  # one warning per process


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root"
)
def test_a_file_of_another_user_is_ignored(fresh, capsys):
    catalogue._load("bias-size")
    path = _path()
    os.chown(path, 12345, 12345)
    assert catalogue._read_entry(path) is None
    assert "another user" in capsys.readouterr().err
