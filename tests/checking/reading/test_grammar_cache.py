"""The analysed lark grammar on disk (issue 16): built once, then loaded from the
validated, signed per-user cache; anything not written by us is rebuilt, never trusted."""

import base64
import io
import os
import pickle

import pytest

from derivations.checking.reading import grammar
from derivations.checking.reading.parse import parse_answer

ANSWERS = ["2 c_i h/(w - 1)", "c_o×c_i×⌊(h−k_h+p_h+s_h)/s_h⌋", r"\frac{h}{2}^2", "O(k_h k_w)"]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    grammar.parser.cache_clear()
    yield grammar._cache().path(grammar._ENTRY)
    grammar.parser.cache_clear()


def _builds(monkeypatch) -> list:
    calls = []
    real = grammar._build

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(grammar, "_build", counting)
    return calls


def _readings() -> list:
    return [parse_answer(answer).text for answer in ANSWERS]


def test_built_once_then_loaded(cache_dir, monkeypatch):
    builds = _builds(monkeypatch)
    first = _readings()
    assert builds == [1] and cache_dir.is_file()
    assert cache_dir.stat().st_mode & 0o077 == 0
    grammar.parser.cache_clear()
    assert _readings() == first and builds == [1]  # loaded, not built


def _plant(path, payload: dict) -> None:
    """A well-formed entry signed with the user's own key (as only we could write it)."""
    grammar._cache().store(grammar._ENTRY, payload)
    assert path.is_file()


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def _pickled(value) -> str:
    return base64.b64encode(pickle.dumps(value)).decode()


SPOILED = {
    "corrupt": lambda path: path.write_text("{not json"),
    "empty": lambda path: path.write_bytes(b""),
    "world_writable": lambda path: os.chmod(path, 0o666),
    "forged_signature": lambda path: path.write_text(
        path.read_text().replace('"mac":"', '"mac":"0')
    ),
    "foreign_global": lambda path: _plant(path, {"lark": _pickled(_Evil()), "probe": ""}),
    "not_a_parser": lambda path: _plant(path, {"lark": _pickled({"data": 1}), "probe": ""}),
    "bad_base64": lambda path: _plant(path, {"lark": "@@@", "probe": ""}),
    "extra_field": lambda path: _plant(path, {"lark": "", "probe": "", "x": ""}),
}


@pytest.mark.parametrize("spoil", SPOILED, ids=list(SPOILED))
def test_an_entry_we_did_not_write_is_rebuilt(cache_dir, monkeypatch, spoil, capfd):
    expected = _readings()  # builds and stores a good entry
    SPOILED[spoil](cache_dir)
    grammar.parser.cache_clear()
    builds = _builds(monkeypatch)
    assert _readings() == expected and builds == [1]
    assert "pwned" not in capfd.readouterr().out


def test_a_symlinked_entry_is_not_followed(cache_dir, monkeypatch, tmp_path):
    _readings()
    target = tmp_path / "elsewhere.json"
    target.write_bytes(cache_dir.read_bytes())
    cache_dir.unlink()
    cache_dir.symlink_to(target)
    grammar.parser.cache_clear()
    builds = _builds(monkeypatch)
    _readings()
    assert builds == [1]


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("DERIVATIONS_CACHE", str(blocked / "below-a-file"))
    grammar.parser.cache_clear()
    try:
        assert _readings()[0] == "2*c_i*h/(w - 1)"
    finally:
        grammar.parser.cache_clear()


def test_the_probe_is_the_grammar_reading():
    stream = io.BytesIO()
    built = grammar._build()
    built.save(stream)
    assert grammar._probe(built) == grammar._probe(grammar.Lark.load(io.BytesIO(stream.getvalue())))
