"""The store of derived data (:mod:`derivations.store`): one per-user key, one trust rule,
an entry's identity inside what is signed, read-only entries shipped in the package.

Whatever is planted, forged, renamed or linked in the cache folder (or done to the key),
a load gives the payload this user stored under this identity, or None: the caller
derives it again.  Each kind has its own test beside its code (forms, grammar, checking,
docs); the attacks on the checker's entries are in tests/checking/test_checking_store.py.
"""

import hashlib
import hmac
import json
import os
import stat

import pytest

from derivations import store
from derivations.store import Kind

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX system")
ROOT = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root"
)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty cache and key folder of the test's own; the per-process memos cleared."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store._secret.cache_clear()
    monkeypatch.setattr(store, "_warned", set())
    yield tmp_path
    store._secret.cache_clear()


@pytest.fixture
def kind(home):
    return Kind("test", sources=("model.py",))


def accept(payload):
    if not isinstance(payload, dict):
        raise ValueError("not a dict")
    return payload


def _one_warning(capsys, reason: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and reason in err, err


# --- round trip and identity ----------------------------------------------------------------
def test_an_entry_round_trips_private_and_signed(kind):
    assert kind.load("a", accept) is None  # missing: silent
    assert kind.store("a", {"x": [1, 2, 3]})
    assert kind.load("a", accept) == {"x": [1, 2, 3]}
    path = kind.path("a")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    key = store.key_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 64
    assert not str(key).startswith(str(store.cache_root()))
    assert json.loads(path.read_text())["source"] == kind.source


def test_the_source_hash_follows_the_sources_and_libraries():
    assert Kind("a", ("model.py",)).source != Kind("a", ("closed_forms.py",)).source
    assert Kind("a", ("model.py",)).source == Kind("b", ("model.py",)).source
    assert Kind("a", ("model.py",)).source != Kind("a", ("model.py",), ("numpy",)).source
    assert Kind("a", lambda: ["model.py"]).source == Kind("a", ("model.py",)).source


def test_a_signed_entry_renamed_to_another_name_is_refused(kind, capsys):
    """Another user who can write the cache's parent moves a signed entry over another:
    its signature covers its name, so it does not pass for the other one."""
    kind.store("adds", {"x": 1})
    kind.store("mults", {"x": 2})
    os.replace(kind.path("adds"), kind.path("mults"))
    assert kind.load("mults", accept) is None
    _one_warning(capsys, "another kind, name or sources")


def test_a_signed_entry_with_its_name_rewritten_does_not_pass(kind, capsys):
    kind.store("adds", {"x": 1})
    record = json.loads(kind.path("adds").read_text())
    record["name"] = "mults"
    kind.path("mults").write_text(json.dumps(record))
    assert kind.load("mults", accept) is None
    _one_warning(capsys, "signature")


def test_an_entry_of_another_kind_or_other_sources_is_refused(kind, home, capsys):
    other = Kind("other", sources=("model.py",))
    other.store("a", {"x": 1})
    kind.path("a").parent.mkdir(parents=True, mode=0o700)
    os.replace(other.path("a"), kind.path("a"))
    assert kind.load("a", accept) is None
    _one_warning(capsys, "another kind, name or sources")
    older = Kind("test", sources=("closed_forms.py",))
    older.store("b", {"x": 1})
    os.replace(older.path("b"), kind.path("b"))
    assert kind.load("b", accept) is None
    _one_warning(capsys, "another kind, name or sources")


def test_a_forged_signature_or_another_users_key_is_refused(kind, capsys):
    kind.store("a", {"x": 1})
    path = kind.path("a")
    record = json.loads(path.read_text())
    path.write_text(json.dumps({**record, "payload": {"x": 2}}))
    assert kind.load("a", accept) is None
    _one_warning(capsys, "signature does not match")
    identity = [record[f] for f in ("schema", "kind", "name", "source")]
    canonical = json.dumps([*identity, {"x": 2}], sort_keys=True, separators=(",", ":"))
    mac = hmac.new(b"k" * 64, canonical.encode(), hashlib.sha256).hexdigest()
    path.write_text(json.dumps({**record, "payload": {"x": 2}, "mac": mac}))
    store._warned.clear()
    assert kind.load("a", accept) is None
    _one_warning(capsys, "signature does not match")


@pytest.mark.parametrize(
    "content, reason",
    [
        ("[" * 100_000 + "]" * 100_000, "recursion"),
        ('{"schema": 1e100000000}', "unexpected number"),
        ('{"schema": NaN}', "unexpected number"),
        ('{"schema": ' + "9" * 5000 + "}", "digits"),
        ("not json", "Expecting value"),
        ('{"a": 1}', "not a store entry"),
        ("[1]", "not a store entry"),
        (b"\xff", "utf-8"),
    ],
)
def test_a_malformed_file_is_ignored_with_one_line(kind, capsys, content, reason):
    kind.store("a", {"x": 1})
    path = kind.path("a")
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert kind.load("a", accept) is None
    _one_warning(capsys, reason)
    assert kind.load("a", accept) is None
    assert capsys.readouterr().err == ""  # one warning per file and process


def test_a_payload_the_kind_refuses_is_ignored(kind, capsys):
    kind.store("a", [1, 2])
    assert kind.load("a", accept) is None
    _one_warning(capsys, "not a dict")


# --- the trust rule: files and folders --------------------------------------------------------
@pytest.mark.parametrize(
    "mode, trusted", [(0o600, True), (0o644, True), (0o620, False), (0o602, False)]
)
def test_a_file_writable_by_others_is_not_trusted(kind, capsys, mode, trusted):
    kind.store("a", {"x": 1})
    os.chmod(kind.path("a"), mode)
    assert (kind.load("a", accept) is not None) is trusted
    if not trusted:
        _one_warning(capsys, "writable by others")


def test_a_symlinked_file_is_not_followed(kind, tmp_path, capsys):
    kind.store("a", {"x": 1})
    path = kind.path("a")
    target = tmp_path / "elsewhere.json"
    target.write_bytes(path.read_bytes())
    os.chmod(target, 0o600)
    path.unlink()
    path.symlink_to(target)
    assert kind.load("a", accept) is None
    _one_warning(capsys, "cannot be opened safely")


@POSIX
def test_a_fifo_or_a_device_does_not_block(kind, capsys):
    kind.store("a", {"x": 1})
    kind.path("a").unlink()
    os.mkfifo(kind.path("a"))
    assert kind.load("a", accept) is None
    _one_warning(capsys, "not a regular file")
    if os.path.exists("/dev/zero"):
        kind.path("b").symlink_to("/dev/zero")
        assert kind.load("b", accept) is None
        _one_warning(capsys, "cannot be opened safely")


@ROOT
def test_a_file_or_folder_of_another_user_is_not_trusted(kind, capsys):
    kind.store("a", {"x": 1})
    os.chown(kind.path("a"), 12345, 12345)
    assert kind.load("a", accept) is None
    _one_warning(capsys, "owned by another user")
    os.chown(kind.path("a"), os.geteuid(), os.getegid())
    os.chown(kind.path("a").parent, 12345, 12345)
    assert kind.load("a", accept) is None
    _one_warning(capsys, "owned by another user")


def test_an_oversized_file_is_not_read(home, capsys):
    small = Kind("test", sources=("model.py",), max_bytes=400)
    assert small.store("a", {"x": "y"})
    assert not small.store("b", {"x": "y" * 500})  # not written either
    small.path("a").write_text(" " * 500)
    assert small.load("a", accept) is None
    _one_warning(capsys, "larger than 400 bytes")


def test_a_folder_symlink_planted_in_the_cache_is_neither_read_nor_written_through(
    kind, home, capsys
):
    """Cache writes must not follow a folder link another user plants below the cache
    root (here towards a private folder of the victim)."""
    private = home / "private"
    private.mkdir(mode=0o700)
    folder = kind.path("a").parent
    folder.parent.mkdir(parents=True, mode=0o700)
    folder.symlink_to(private, target_is_directory=True)
    assert not kind.store("a", {"x": 1})
    assert list(private.iterdir()) == []
    assert kind.load("a", accept) is None
    _one_warning(capsys, "symbolic link")
    # a link higher up (the kind's folder) is refused the same way
    folder.unlink()
    folder.parent.rmdir()
    folder.parent.symlink_to(private, target_is_directory=True)
    assert not kind.store("a", {"x": 1}) and list(private.iterdir()) == []


def test_a_folder_of_ours_writable_by_others_is_made_private(kind, capsys):
    """As a umask of 002 left the folders of earlier versions: no warning, no rebuild."""
    kind.store("a", {"x": 1})
    for folder in (store.cache_root(), kind.path("a").parent):
        os.chmod(folder, 0o777)
        assert kind.load("a", accept) == {"x": 1}
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert capsys.readouterr().err == ""


@ROOT
def test_a_folder_of_another_user_writable_by_others_is_not_used(kind, capsys):
    kind.store("a", {"x": 1})
    folder = kind.path("a").parent
    os.chown(folder, 12345, 12345)
    os.chmod(folder, 0o777)
    assert kind.load("a", accept) is None and not kind.store("b", {"x": 1})
    _one_warning(capsys, "owned by another user")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # not ours to change


def test_an_unwritable_cache_only_costs_time(home, monkeypatch):
    blocker = home / "file"
    blocker.write_text("")
    monkeypatch.setenv("DERIVATIONS_CACHE", str(blocker))  # a file, not a folder
    kind = Kind("test", sources=("model.py",))
    assert kind.store("a", {"x": 1}) is False  # no exception
    assert kind.load("a", accept) is None


# --- the key ------------------------------------------------------------------------------------
def _spoil_key(how: str, home) -> None:
    key = store.key_file()
    if how == "group-readable":
        os.chmod(key, 0o640)
    elif how == "world-readable":
        os.chmod(key, 0o604)
    elif how == "symlink":
        target = home / "elsewhere.key"
        target.write_bytes(key.read_bytes())
        os.chmod(target, 0o600)
        key.unlink()
        key.symlink_to(target)
    elif how == "short":
        key.write_bytes(b"0" * 10)
    elif how == "not hex":
        key.write_bytes(b"z" * 64)


@pytest.mark.parametrize(
    "how, reason",
    [
        ("group-readable", "readable or writable by others"),
        ("world-readable", "readable or writable by others"),
        ("symlink", "cannot be opened safely"),
        ("short", "hex digits"),
        ("not hex", "hex digits"),
    ],
)
def test_a_key_not_kept_safely_is_not_used_and_said_once(kind, home, capsys, how, reason):
    kind.store("a", {"x": 1})
    _spoil_key(how, home)
    store._secret.cache_clear()
    assert kind.load("a", accept) is None and not kind.store("b", {"x": 1})
    assert Kind("other", ("model.py",)).load("a", accept) is None  # every kind alike
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not using the cache key" in err and reason in err, err
    assert not kind.path("b").exists()


@ROOT
def test_a_key_of_another_user_is_not_used(kind, capsys):
    kind.store("a", {"x": 1})
    os.chown(store.key_file(), 12345, 12345)
    store._secret.cache_clear()
    assert kind.load("a", accept) is None
    _one_warning(capsys, "owned by another user")


# --- entries shipped in the package --------------------------------------------------------------
@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package folder of the test's own holding prebuilt entries."""
    folder = tmp_path / "package"
    monkeypatch.setattr(store, "package_files", lambda: folder)
    return folder


def _ship(kind: Kind, folder, name: str, payload, mode: int = 0o644) -> None:
    path = folder / "prebuilt" / kind.kind / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(kind.prebuilt_file(name, payload))
    os.chmod(path, mode)


@pytest.mark.parametrize("mode", [0o644, 0o666, 0o400])
def test_a_prebuilt_entry_is_package_data_whatever_its_mode(kind, package, capsys, mode):
    _ship(kind, package, "a", {"x": 1}, mode)
    assert kind.has("a") and not kind.has("b")
    assert kind.prebuilt("a", accept) == {"x": 1}
    assert kind.get("a", accept) == {"x": 1}
    assert not kind.path("a").exists()  # read from the package, not copied
    assert capsys.readouterr().err == ""


def test_the_cache_is_read_before_the_package(kind, package):
    _ship(kind, package, "a", {"x": 1})
    kind.store("a", {"x": 2})
    assert kind.get("a", accept) == {"x": 2}


def test_a_prebuilt_entry_for_other_sources_is_ignored_silently(kind, package, capsys):
    _ship(Kind("test", ("closed_forms.py",)), package, "a", {"x": 1})
    assert kind.prebuilt("a", accept) is None and not kind.has("a")
    assert capsys.readouterr().err == ""
    assert kind.prebuilt("missing", accept) is None and capsys.readouterr().err == ""


def _rewrite(path, header=lambda h: h, payload=lambda p: p) -> None:
    head, _, rest = path.read_bytes().partition(b"\n")
    lines = (header(json.loads(head)), payload(json.loads(rest)))
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"header": lambda h: {**h, "name": "b"}}, "another schema, kind or name"),
        ({"header": lambda h: {**h, "kind": "other"}}, "another schema, kind or name"),
        ({"header": lambda h: {**h, "schema": 1}}, "another schema, kind or name"),
        ({"header": lambda h: {**h, "extra": 1}}, "not a prebuilt entry"),
        ({"payload": lambda p: [1]}, "not a dict"),
    ],
)
def test_a_prebuilt_entry_that_does_not_match_is_not_used(kind, package, capsys, change, reason):
    _ship(kind, package, "a", {"x": 1})
    _rewrite(package / "prebuilt" / "test" / "a.json", **change)
    assert kind.prebuilt("a", accept) is None
    _one_warning(capsys, reason)
    assert kind.has("a") is ("payload" in change)  # has() reads the first line only


def test_a_truncated_or_oversized_prebuilt_entry_is_not_used(home, package, capsys):
    small = Kind("test", ("model.py",), max_bytes=400)
    _ship(small, package, "a", {"x": "y" * 500})
    assert small.prebuilt("a", accept) is None
    _one_warning(capsys, "larger than 400 bytes")
    path = package / "prebuilt" / "test" / "b.json"
    path.write_bytes(small.prebuilt_file("b", {"x": 1})[:-3])
    assert small.prebuilt("b", accept) is None
    _one_warning(capsys, "two lines")


def test_bad_names_are_refused(kind):
    for name in ("../a", ".hidden", "a/b", "", "x" * 200):
        with pytest.raises(ValueError):
            kind.store(name, {})
    with pytest.raises(ValueError):
        Kind("../up", ("model.py",))


def test_one_module_signs():
    """The store is the one place that signs: it computes HMAC itself (without importing
    hmac, see test_store_digests.py), and no module of the package imports hmac or
    defines another HMAC."""
    import ast
    from pathlib import Path

    package = Path(store.__file__).parent
    importers, signers = [], []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if "hmac" in names:
                importers.append(path.relative_to(package).as_posix())
            if isinstance(node, ast.FunctionDef) and "hmac" in node.name.lower():
                signers.append(path.relative_to(package).as_posix())
    assert importers == []
    assert signers == ["store.py"]
