"""The checker's derivations in the store (kind ``checking``): a cache entry or a file
planted, renamed, forged or linked can only make a run slower, never change a verdict;
the key is judged as every other kind judges it; the prebuilt entries are used where
SymPy is absent.  (The store's own rules: tests/core/test_store.py.)"""

import json
import os
import subprocess
import sys

import pytest

from derivations import store
from derivations.checking import check
from derivations.checking.deciding import catalogue
from derivations.registry.questions import QUESTIONS

STORE = catalogue.STORE


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache and key folder; per-process memos cleared."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(store, "_warned", set())
    store._secret.cache_clear()
    catalogue.entry.cache_clear()
    yield tmp_path
    store._secret.cache_clear()
    catalogue.entry.cache_clear()


@pytest.fixture
def unshipped(fresh, monkeypatch):
    """As ``fresh``, and no prebuilt entry in the package: every entry comes from the
    cache or is derived (and then cached)."""
    monkeypatch.setattr(store, "package_files", lambda: fresh / "empty-package")
    return fresh


def _shipped(qid: str):
    return STORE.prebuilt(qid, lambda payload: payload)


def _cache_signed(*qids: str) -> None:
    """Signed cache entries of ``qids``, as a run of this user writes them."""
    for qid in qids:
        assert STORE.store(qid, _shipped(qid))


def test_a_signed_entry_renamed_over_another_question_is_not_used(fresh, capsys):
    """Another user who can write the cache's parent folder renames the signed
    forward-adds entry over forward-mults: the adds formula must not be graded
    equivalent for forward-mults."""
    adds = catalogue.entry("forward-adds").display_text
    mults = catalogue.entry("forward-mults").display_text
    catalogue.entry.cache_clear()
    _cache_signed("forward-adds", "forward-mults")
    os.replace(STORE.path("forward-adds"), STORE.path("forward-mults"))
    assert check("forward-mults", adds).verdict not in ("equivalent", "equivalent_under_convention")
    assert check("forward-mults", mults).verdict == "equivalent"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "forward-mults.json" in err and "another kind" in err


def _forged_payload() -> dict:
    """A well-formed entry whose reference is h (what an attacker would plant)."""
    variant = {
        "tree": ["sym", "h"],
        "padding": "total",
        "conventions": [],
        "misconception": None,
        "domain": [],
        "alternatives": [],
    }
    shown = {"display_text": "c_o", "display_latex": "c_o", "expanded_text": "c_o"}
    return {"variants": [variant], **shown, "definitions": []}


@pytest.mark.parametrize("mac", ["", "0" * 64, None])
def test_a_forged_entry_never_changes_a_verdict(fresh, capsys, mac):
    _cache_signed("bias-size")
    path = STORE.path("bias-size")
    record = json.loads(path.read_text())
    record["payload"] = _forged_payload()
    if mac is None:
        del record["mac"]
    else:
        record["mac"] = mac
    path.write_text(json.dumps(record))
    result = check("bias-size", "h")
    assert result.verdict not in ("equivalent", "equivalent_under_convention")
    assert check("bias-size", "c_o").verdict == "equivalent"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ignoring cache file" in err


@pytest.mark.parametrize(
    "payload",
    [
        {**_forged_payload(), "variants": []},
        {"variants": 1},
        {**_forged_payload(), "extra": 1},
        {
            **_forged_payload(),
            "variants": [{**_forged_payload()["variants"][0], "tree": ["num", "1e100000000"]}],
        },
    ],
)
def test_a_signed_entry_outside_the_schema_is_derived_again(unshipped, capsys, payload):
    """Signed with the user's own key (as a bug of ours could write it): the schema
    still refuses it, and the entry is derived and cached again."""
    assert STORE.store("bias-size", payload)
    assert check("bias-size", "h").verdict == "not_equivalent"
    assert "ignoring cache file" in capsys.readouterr().err
    assert STORE.load("bias-size", catalogue._from_data) is not None  # derived, signed


def test_a_cached_entry_equals_a_fresh_derivation(unshipped):
    derived = catalogue._load("output-width")  # derives, writes the cache
    assert STORE.path("output-width").is_file()
    catalogue.entry.cache_clear()
    assert catalogue._load("output-width") == derived  # read back


def test_a_folder_link_planted_in_the_cache_is_not_written_through(unshipped, capsys):
    private = unshipped / "private"
    private.mkdir(mode=0o700)
    folder = STORE.path("bias-size").parent
    folder.parent.mkdir(parents=True, mode=0o700)
    folder.symlink_to(private, target_is_directory=True)
    assert check("bias-size", "c_o").verdict == "equivalent"  # derived
    assert list(private.iterdir()) == []
    assert "symbolic link" in capsys.readouterr().err


def _spoil_key(spoil: str, home) -> bytes:
    """The key made readable by others (or a link to a file they can read); its bytes,
    as another user reads them."""
    key = store.key_file()
    if spoil == "symlink":
        target = home / "elsewhere.key"
        target.write_bytes(key.read_bytes())
        target.chmod(0o600)
        key.unlink()
        key.symlink_to(target)
    else:
        key.chmod(0o640 if spoil == "group-readable" else 0o604)
    store._secret.cache_clear()
    return key.read_bytes()


@pytest.mark.parametrize("spoil", ["group-readable", "world-readable", "symlink"])
def test_an_entry_signed_with_a_key_others_can_read_is_not_trusted(fresh, capsys, spoil):
    """Whoever can read the key can sign: such a key is not used (one warning), so the
    entry another user forges with it never changes a verdict."""
    _cache_signed("bias-size")
    stolen = _spoil_key(spoil, fresh)
    forged = _forged_payload()
    record = {**json.loads(STORE.path("bias-size").read_text()), "payload": forged}
    record["mac"] = STORE._mac(stolen, "bias-size", forged)
    STORE.path("bias-size").write_text(json.dumps(record))
    assert check("bias-size", "h").verdict == "not_equivalent"
    assert check("bias-size", "c_o").verdict == "equivalent"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not using the cache key" in err, err


def _cli(argv, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "derivations", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


COST = ["cost", "--ci", "3", "--co", "8", "--h", "9", "--w", "9", "--kh", "3", "--kw", "3"]
CHECK = ["check", "--question", "bias-size", "--answer", "c_o"]


def test_a_key_readable_by_others_is_refused_alike_by_cost_and_check(tmp_path):
    """One behaviour everywhere: each command says once that it does not use the key,
    and prints what it prints with a good key."""
    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    good = {tuple(argv): _cli(argv, env) for argv in (COST, CHECK)}  # creates the key
    (tmp_path / "config" / "derivations" / "cache.key").chmod(0o640)
    for argv in (COST, CHECK):
        done = _cli(argv, env)
        assert (done.returncode, done.stdout) == (
            good[tuple(argv)].returncode,
            good[tuple(argv)].stdout,
        )
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and "not using the cache key" in lines[0], (argv, done.stderr)


def test_the_prebuilt_entries_are_used_where_sympy_is_absent(tmp_path):
    """The browser's checker runs without SymPy: the prebuilt entries are keyed on the
    sources that derived them, not on a SymPy version, so they answer every question."""
    code = (
        "import importlib.metadata as m, sys\n"
        "sys.modules['sympy'] = None\n"
        "real = m.version\n"
        "def version(name):\n"
        "    if name.lower() == 'sympy':\n"
        "        raise m.PackageNotFoundError(name)\n"
        "    return real(name)\n"
        "m.version = version\n"
        "import importlib.util as u\n"
        "find = u.find_spec\n"
        "u.find_spec = lambda name, *a: None if name == 'sympy' else find(name, *a)\n"
        "from derivations.checking import check\n"
        "from derivations.registry.questions import QUESTIONS\n"
        "from derivations.checking.deciding.catalogue import entry\n"
        "for qid in QUESTIONS:\n"
        "    assert check(qid, entry(qid).expanded_text, symbolic=False).verdict == 'equivalent', qid\n"
        "print(len(QUESTIONS))\n"
    )
    env = {
        **os.environ,
        "DERIVATIONS_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(QUESTIONS) > 10 and done.stderr == ""
    assert STORE.libraries == ()
