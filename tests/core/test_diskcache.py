"""The validated disk cache: trusted entries only, anything else ignored and rebuilt."""

import json
import os
import stat

import pytest

from derivations import closed_forms, diskcache
from derivations.diskcache import DiskCache
from derivations.model import Layer
from derivations.registry.forms import Form


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return DiskCache("test", sources=("model.py",))


def _accept_dict(payload):
    if not isinstance(payload, dict):
        raise ValueError("not a dict")
    return payload


def test_round_trip_and_a_missing_entry(cache):
    assert cache.load("a", _accept_dict) is None
    cache.store("a", {"x": [1, 2, 3]})
    assert cache.load("a", _accept_dict) == {"x": [1, 2, 3]}
    path = cache.path("a")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(diskcache.key_file().stat().st_mode) == 0o600
    assert cache.key in path.read_text()


def test_the_key_follows_the_sources():
    assert DiskCache("a", ("model.py",)).key != DiskCache("a", ("closed_forms.py",)).key
    assert DiskCache("a", ("model.py",)).key == DiskCache("b", ("model.py",)).key


def _forge(path, **changes):
    record = json.loads(path.read_text())
    record.update(changes)
    path.write_text(json.dumps(record))


def test_a_planted_entry_with_a_consistent_checksum_is_refused(cache, capsys):
    cache.store("a", {"x": 1})
    path = cache.path("a")
    _forge(path, payload={"x": 2})  # same key and name; the signature no longer matches
    assert cache.load("a", _accept_dict) is None
    assert "signature" in capsys.readouterr().err
    import hashlib
    import hmac

    other_secret = b"k" * 32  # someone else's key: a well-formed, wrongly signed file
    mac = hmac.new(
        other_secret, diskcache._canonical(cache.key, "a", {"x": 2}), hashlib.sha256
    ).hexdigest()
    _forge(path, payload={"x": 2}, mac=mac)
    assert cache.load("a", _accept_dict) is None


@pytest.mark.parametrize(
    "content, reason",
    [
        ("[" * 100_000 + "]" * 100_000, "nested"),
        ('{"schema": 1e100000000}', "unexpected number"),
        ('{"schema": NaN}', "unexpected number"),
        ('{"schema": ' + "9" * 5000 + "}", "integer too long"),
        ("not json", "Expecting value"),
        ('{"a": 1}', "not a cache entry"),
        ("\xff", ""),
    ],
)
def test_malformed_files_are_ignored_with_one_line(cache, capsys, content, reason):
    cache.store("a", {"x": 1})
    cache.path("a").write_text(content, encoding="utf-8", errors="surrogateescape")
    assert cache.load("a", _accept_dict) is None
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ignoring cache file" in err and reason in err


def test_world_writable_files_and_symlinks_are_not_trusted(cache, tmp_path, capsys):
    cache.store("a", {"x": 1})
    path = cache.path("a")
    os.chmod(path, 0o666)
    assert cache.load("a", _accept_dict) is None
    assert "world-writable" in capsys.readouterr().err
    os.chmod(path, 0o600)
    target = tmp_path / "elsewhere.json"
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)
    fresh = DiskCache("test", sources=("model.py",))
    assert fresh.load("a", _accept_dict) is None
    assert "not a regular file" in capsys.readouterr().err


def test_a_fifo_does_not_block(cache, capsys):
    cache.store("a", {"x": 1})
    path = cache.path("a")
    path.unlink()
    os.mkfifo(path)
    assert cache.load("a", _accept_dict) is None
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_a_file_owned_by_another_user_is_not_trusted(cache, capsys):
    cache.store("a", {"x": 1})
    os.chown(cache.path("a"), 12345, 12345)
    assert cache.load("a", _accept_dict) is None
    assert "another user" in capsys.readouterr().err


def test_an_oversized_file_is_not_read(cache, monkeypatch, capsys):
    cache.store("a", {"x": "y" * 100})
    monkeypatch.setattr(diskcache, "MAX_BYTES", 50)
    assert cache.load("a", _accept_dict) is None
    assert "larger than 50 bytes" in capsys.readouterr().err


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DERIVATIONS_CACHE", str(blocker))  # a file, not a folder
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    cache = DiskCache("test", sources=("model.py",))
    cache.store("a", {"x": 1})  # no exception
    assert cache.load("a", _accept_dict) is None


def _forget_forms():
    closed_forms.trees.cache_clear()
    closed_forms._functions.cache_clear()


def test_a_forged_forms_entry_never_changes_a_result(cache, monkeypatch, capsys):
    layer = Layer(c_i=3, c_o=5, h=9, w=8, k_h=3, k_w=2, p_h=1, s_w=2)
    _forget_forms()
    expected = closed_forms.evaluate_all(layer)  # derived, then stored
    path = closed_forms.CACHE.path("total-no-bias")
    assert path.exists()
    record = json.loads(path.read_text())
    record["payload"][Form.FORWARD_MULTS.value] = ["num", "0"]
    path.write_text(json.dumps(record))
    _forget_forms()
    assert closed_forms.evaluate_all(layer) == expected
    assert "ignoring cache file" in capsys.readouterr().err
    # and the entry was rebuilt: a third process-equivalent reads it silently
    _forget_forms()
    assert closed_forms.evaluate_all(layer) == expected
    assert capsys.readouterr().err == ""
    _forget_forms()


def test_a_readable_key_file_is_not_used(cache, capsys):
    cache.store("a", {"x": 1})
    os.chmod(diskcache.key_file(), 0o644)
    fresh = DiskCache("test", sources=("model.py",))
    assert fresh.load("a", _accept_dict) is None
    assert "cache key" in capsys.readouterr().err


def test_one_user_key_for_every_cache(cache):
    from derivations.checking.deciding.catalogue import key_path

    cache.store("a", {"x": 1})
    assert key_path() == diskcache.key_file()
    assert len(diskcache.key_file().read_bytes()) == 64
