"""The grammar's parse tables on disk: computed by lark once, then read as JSON from the
validated, signed per-user cache (no pickle, no lark imported); anything not written by
us, or not well-formed tables, is computed again, never trusted."""

import json
import os
import subprocess
import sys

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


def _derivations(monkeypatch) -> list:
    calls = []
    real = grammar._derived

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(grammar, "_derived", counting)
    return calls


def _readings() -> list:
    return [parse_answer(answer).text for answer in ANSWERS]


def test_computed_once_then_loaded(cache_dir, monkeypatch):
    derived = _derivations(monkeypatch)
    first = _readings()
    assert derived == [1] and cache_dir.is_file()
    assert cache_dir.stat().st_mode & 0o077 == 0
    grammar.parser.cache_clear()
    assert _readings() == first and derived == [1]  # loaded, not computed


def test_a_cold_reading_from_the_cache_imports_no_lark(cache_dir, tmp_path):
    _readings()  # stores the tables
    script = (
        "import sys\n"
        "from derivations.checking.reading.parse import parse_answer\n"
        f"print(parse_answer({ANSWERS[1]!r}).text)\n"
        "print(sorted(m for m in sys.modules if m.partition('.')[0] == 'lark'))\n"
    )
    env = {**os.environ, "DERIVATIONS_CACHE": str(tmp_path / "cache")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.splitlines() == [_readings()[1], "[]"], done.stderr


def _plant(path, payload) -> None:
    """A well-formed entry signed with the user's own key (as only we could write it)."""
    grammar._cache().store(grammar._ENTRY, payload)
    assert path.is_file()


def _tables() -> dict:
    return json.loads(json.dumps(grammar._derived()))


def _edited(change) -> dict:
    tables = _tables()
    change(tables)
    return tables


SPOILED = {
    "corrupt": lambda path: path.write_text("{not json"),
    "empty": lambda path: path.write_bytes(b""),
    "world_writable": lambda path: os.chmod(path, 0o666),
    "forged_signature": lambda path: path.write_text(
        path.read_text().replace('"mac":"', '"mac":"0')
    ),
    "not_tables": lambda path: _plant(path, {"lark": "", "probe": ""}),
    "extra_field": lambda path: _plant(path, {**_tables(), "x": 1}),
    "shift_to_nowhere": lambda path: _plant(
        path, _edited(lambda t: t["states"][0].update(NUMBER=[0, 10**6]))
    ),
    "reduce_by_no_rule": lambda path: _plant(
        path, _edited(lambda t: t["states"][0].update(NUMBER=[1, -1]))
    ),
    "malformed_rule": lambda path: _plant(path, _edited(lambda t: t["rules"][0].append(1))),
    "goto_that_reduces": lambda path: _plant(
        path, _edited(lambda t: t["states"][0].update(sum=[1, 0]))
    ),
}


@pytest.mark.parametrize("spoil", SPOILED, ids=list(SPOILED))
def test_an_entry_we_did_not_write_is_computed_again(cache_dir, monkeypatch, spoil):
    expected = _readings()  # computes and stores a good entry
    SPOILED[spoil](cache_dir)
    grammar.parser.cache_clear()
    derived = _derivations(monkeypatch)
    assert _readings() == expected and derived == [1]


def test_a_symlinked_entry_is_not_followed(cache_dir, monkeypatch, tmp_path):
    _readings()
    target = tmp_path / "elsewhere.json"
    target.write_bytes(cache_dir.read_bytes())
    cache_dir.unlink()
    cache_dir.symlink_to(target)
    grammar.parser.cache_clear()
    derived = _derivations(monkeypatch)
    _readings()
    assert derived == [1]


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("DERIVATIONS_CACHE", str(blocked / "below-a-file"))
    grammar.parser.cache_clear()
    try:
        assert _readings()[0] == "2*c_i*h/(w - 1)"
    finally:
        grammar.parser.cache_clear()


def test_the_prebuilt_entry_is_the_tables_for_these_sources():
    (name, data), *_ = grammar.prebuilt_files().items()
    assert name == f"prebuilt/grammar/{grammar._ENTRY}.json"
    head, payload = data.decode().splitlines()
    assert json.loads(head)["source"] == grammar._cache().source
    assert json.loads(payload) == _tables()


def test_the_tables_are_the_same_bytes_in_every_process():
    """lark's own numbering follows the order of its sets (the hash seed): ours does not."""
    script = (
        "import json\n"
        "from derivations.checking.reading.grammar import _derived\n"
        "print(json.dumps(_derived(), sort_keys=True))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(outputs) == 1
