"""``derivations serve`` and where the Python runtime comes from."""

import hashlib
import json
import struct
import threading
import urllib.request

import pytest

from derivations import cli
from derivations.commands import serve
from derivations.practice import runtime, snapshot


@pytest.fixture
def site(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "practice.html").write_text("<!DOCTYPE html><p>x</p>", encoding="utf-8")
    for name in ("a.wasm", "b.mjs", "c.zip"):
        (tmp_path / name).write_bytes(b"\0asm")
    return tmp_path


def test_it_serves_the_folder_on_loopback_with_the_types_a_worker_needs(site):
    httpd = serve.server(site, 0)
    host, port = httpd.server_address[:2]
    assert host == "127.0.0.1"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        types = {}
        for name in ("a.wasm", "b.mjs", "c.zip", "en/practice.html"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{name}", timeout=10) as reply:
                types[name] = reply.headers["Content-Type"].split(";")[0]
        assert types == {
            "a.wasm": "application/wasm",
            "b.mjs": "text/javascript",
            "c.zip": "application/zip",
            "en/practice.html": "text/html",
        }
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_precompressed_snapshot_is_sent_with_content_encoding_to_who_accepts_gzip(tmp_path):
    """``checker.snapshot`` (gzip bytes) is sent as they are, with ``Content-Encoding:
    gzip`` when the request accepts gzip (a browser inflates it), without it otherwise;
    other files never have it."""
    import gzip

    memory = snapshot.sparse(bytes(range(256)) * 64)
    (tmp_path / "checker.snapshot").write_bytes(snapshot.packed(bytes(range(256)) * 64))
    (tmp_path / "c.zip").write_bytes(b"PK")
    httpd = serve.server(tmp_path, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]

    def get(name, accept):
        headers = {"Accept-Encoding": accept} if accept is not None else {}
        request = urllib.request.Request(f"http://127.0.0.1:{port}/{name}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.headers.get("Content-Encoding"), reply.read()

    try:
        encoding, body = get("checker.snapshot", "gzip, deflate, br")
        assert encoding == "gzip" and gzip.decompress(body) == memory
        assert get("checker.snapshot?v=1", "br, gzip;q=0.5")[0] == "gzip"
        for accept in (None, "identity", "br", "gzip;q=0"):
            encoding, body = get("checker.snapshot", accept)
            assert encoding is None and gzip.decompress(body) == memory, accept
        assert get("c.zip", "gzip")[0] is None
        with pytest.raises(urllib.error.HTTPError) as missing:
            get("missing.snapshot", "gzip")
        assert missing.value.code == 404 and missing.value.headers["Content-Encoding"] is None
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip", True),
        ("gzip, deflate, br, zstd", True),
        ("br;q=1.0, GZIP;q=0.8", True),
        ("*", True),
        (None, False),
        ("", False),
        ("identity", False),
        ("br, deflate", False),
        ("gzip;q=0", False),
        ("gzip; q=0.0", False),
        ("xgzip", False),
    ],
)
def test_accept_encoding_is_read_as_http_says(header, accepted):
    assert serve.accepts_gzip(header) is accepted


def test_files_larger_than_a_copy_buffer_and_listings_are_sent_whole(tmp_path):
    """Files go out through the kernel's sendfile: every byte of one of several MB, in
    order; a folder's listing (made in memory, no file to send) still comes."""
    import random

    data = random.Random(0).randbytes(3 * (1 << 20) + 12345)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "big.wasm").write_bytes(data)
    httpd = serve.server(tmp_path, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/sub/big.wasm", timeout=30) as reply:
            assert reply.read() == data
        with urllib.request.urlopen(f"{base}/sub/", timeout=30) as reply:
            assert b"big.wasm" in reply.read()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_folder_without_a_built_site_is_one_line(tmp_path, capsys):
    assert cli.main(["serve", "--dir", str(tmp_path), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "docs --out" in err and str(tmp_path) in err


def test_a_bad_port_is_one_usage_line(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["serve", "--port", "70000"])
    assert exit.value.code == 2 and "70000" in capsys.readouterr().err


def _fake_runtime(folder, version):
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    for name in runtime.FILES:
        (folder / name).write_bytes(name.encode())
    return folder


def test_the_pinned_runtime_is_copied_and_another_version_is_skipped_in_one_line(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # no node_modules here
    monkeypatch.setattr(runtime, "_candidates", lambda: [tmp_path / "pinned"])
    files, skipped = runtime.runtime_files()
    assert files == {} and "no node_modules/pyodide" in skipped and runtime.VERSION in skipped
    _fake_runtime(tmp_path / "pinned", "0.1.0")
    files, skipped = runtime.runtime_files()
    assert files == {} and "0.1.0" in skipped and "\n" not in skipped
    (tmp_path / "pinned" / "package.json").write_text(
        json.dumps({"version": runtime.VERSION}), encoding="utf-8"
    )
    files, skipped = runtime.runtime_files()
    assert skipped == ""
    assert files == {f"{runtime.FOLDER}/{name}": name.encode() for name in runtime.FILES}


def test_package_json_pins_the_runtime_the_build_copies():
    from pathlib import Path

    pinned = json.loads((Path(__file__).parents[2] / "package.json").read_text(encoding="utf-8"))
    assert pinned["devDependencies"]["pyodide"] == runtime.VERSION


def test_without_node_the_snapshot_is_skipped_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setattr(snapshot.shutil, "which", lambda name: None)
    files, skipped = snapshot.snapshot_files(tmp_path, b"archive")
    assert files == {} and skipped == snapshot._skipped("no `node` on PATH")


def test_a_node_that_fails_skips_the_snapshot_with_its_last_line(monkeypatch, tmp_path):
    """A folder holding no runtime: Node's own error, one line, nothing written."""
    if snapshot.shutil.which("node") is None:
        pytest.skip("no node on PATH")
    files, skipped = snapshot.snapshot_files(tmp_path, b"archive")
    assert files == {} and "\n" not in skipped, skipped
    assert skipped.startswith(snapshot._skipped("node failed: ")), skipped


def test_node_runs_the_snapshot_script_with_v8_flags_it_accepts(monkeypatch, tmp_path):
    """The flags come before the script (Node reads them as its own), and this Node takes
    them: a flag it does not know would fail every snapshot ("bad option")."""
    import subprocess

    node = snapshot.shutil.which("node")
    if node is None:
        pytest.skip("no node on PATH")
    done = subprocess.run([node, *snapshot.NODE_FLAGS, "-e", "0"], capture_output=True)
    assert done.returncode == 0, done.stderr
    calls = []
    real = subprocess.Popen
    monkeypatch.setattr(
        snapshot.subprocess, "Popen", lambda argv, **kw: calls.append(argv) or real(argv, **kw)
    )
    snapshot.snapshot_files(tmp_path, b"archive")
    (argv,) = [argv for argv in calls if any(str(a).endswith("snapshot.mjs") for a in argv)]
    script = next(i for i, a in enumerate(argv) if str(a).endswith("snapshot.mjs"))
    assert argv[1:script] == list(snapshot.NODE_FLAGS)


def test_the_snapshot_key_is_the_archives_sha256_and_the_pinned_pyodide():
    import hashlib

    assert snapshot.key(b"abc") == {
        "archive": hashlib.sha256(b"abc").hexdigest(),
        "pyodide": runtime.VERSION,
    }


def _made(tmp_path):
    """A fake runtime folder, a previous output folder holding a snapshot keyed to it and
    to ``archive``, and Node's path (a fake runtime: Node itself would fail on it)."""
    node = snapshot.shutil.which("node")
    if node is None:
        pytest.skip("no node on PATH")
    folder = tmp_path / "runtime"
    folder.mkdir()
    for name in runtime.FILES:
        (folder / name).write_bytes(name.encode())
    previous = tmp_path / "out"
    (previous / runtime.FOLDER).mkdir(parents=True)
    data = b"snapshot bytes"
    keyed = {
        **snapshot.key(b"archive"),
        "made_from": snapshot.made_from(folder, node),
        "snapshot": hashlib.sha256(data).hexdigest(),
        "held": ["derivations/checking/checker.py"],
    }
    (previous / snapshot.SNAPSHOT).write_bytes(data)
    (previous / snapshot.KEY).write_text(json.dumps(keyed))
    return folder, previous, keyed


def test_a_snapshot_made_from_the_same_archive_and_inputs_is_kept(tmp_path):
    folder, previous, keyed = _made(tmp_path)
    files, skipped = snapshot.snapshot_files(folder, b"archive", previous=previous)
    assert skipped == ""
    assert files[snapshot.SNAPSHOT] == b"snapshot bytes"
    assert json.loads(files[snapshot.KEY]) == keyed


@pytest.mark.parametrize(
    "change", ["archive", "runtime", "warm", "bytes", "key", "held", "no held", "no previous"]
)
def test_a_snapshot_made_from_anything_else_is_made_again(tmp_path, monkeypatch, change):
    """Another archive, runtime file or warm-up script, a snapshot whose bytes are not the
    recorded ones, or a key naming other inputs or not listing the files the snapshot
    holds: Node runs (and fails, on this fake runtime), nothing is kept."""
    folder, previous, keyed = _made(tmp_path)
    archive = b"archive"
    if change == "archive":
        archive = b"another archive"
    elif change == "runtime":
        (folder / runtime.FILES[0]).write_bytes(b"another build")
    elif change == "warm":
        monkeypatch.setattr(snapshot, "WARM", snapshot.WARM + "\npass\n")
    elif change == "bytes":
        (previous / snapshot.SNAPSHOT).write_bytes(b"snapshot bytez")
    elif change == "key":
        (previous / snapshot.KEY).write_text(json.dumps({**keyed, "made_from": "0" * 64}))
    elif change == "held":
        (previous / snapshot.KEY).write_text(json.dumps({**keyed, "held": "checker.py"}))
    elif change == "no held":
        (previous / snapshot.KEY).write_text(
            json.dumps({k: v for k, v in keyed.items() if k != "held"})
        )
    files, skipped = snapshot.snapshot_files(
        folder, archive, previous=None if change == "no previous" else previous
    )
    assert files == {} and "node failed" in skipped, skipped


def test_node_begins_before_the_archive_unless_the_previous_snapshot_may_be_kept(tmp_path):
    """``docs`` begins the snapshot before the archive is made: Node starts at once (it
    boots Pyodide, then waits for its input to close) when nothing could be kept; when
    the output folder holds a snapshot made from the same inputs, Node waits for the
    archive, which keeps it when it is the same and starts Node when it is not."""
    folder, previous, _ = _made(tmp_path)
    fresh = snapshot.begin(folder)
    try:
        assert fresh.process is not None and fresh.process.stdin is not None
    finally:
        fresh.stop()
    same = snapshot.begin(folder, previous=previous)
    assert same.process is None
    assert same.give(b"archive").files()[0][snapshot.SNAPSHOT] == b"snapshot bytes"
    other = snapshot.begin(folder, previous=previous)
    try:
        assert other.give(b"another archive").process is not None
    finally:
        other.stop()


def _memory(*pages: bytes, tail: bytes = b"") -> bytes:
    """A memory of whole pages (each ``bytes`` repeated to a page) and a partial last one."""
    page = snapshot.PAGE
    return b"".join((p * page)[:page] for p in pages) + tail


@pytest.mark.parametrize(
    "memory",
    [
        _memory(b"\0", b"a", b"\0", b"\0", b"bc", b"\0"),  # zeros first, between, last
        _memory(b"a", b"b", tail=b"\0\0xyz"),  # a partial last page
        _memory(b"\0", b"\0"),  # nothing but zeros
        _memory(b"ab\0", tail=b"\0" * 10),  # a partial page of zeros, kept
        b"",
    ],
)
def test_the_snapshot_leaves_out_whole_zero_pages_and_the_memory_comes_back(memory):
    sparse = snapshot.sparse(memory)
    assert snapshot.dense(sparse) == memory
    assert snapshot.unpacked(snapshot.packed(memory)) == memory
    zero_pages = sum(
        memory[at : at + snapshot.PAGE] == bytes(snapshot.PAGE)
        for at in range(0, len(memory), snapshot.PAGE)
    )
    stretches = (len(sparse) - 12 - (len(memory) - zero_pages * snapshot.PAGE)) // 8
    assert len(sparse) == 12 + 8 * stretches + len(memory) - zero_pages * snapshot.PAGE


@pytest.mark.parametrize(
    "broken",
    [
        b"SPR0" + bytes(8),  # another magic
        b"SPR1" + struct.pack("<3I", 10, 1, 0),  # a stretch without its length
        b"SPR1" + struct.pack("<4I", 10, 1, 8, 4) + b"abcd",  # past the end of the memory
        b"SPR1" + struct.pack("<6I", 20, 2, 8, 4, 0, 4) + b"abcdefgh",  # stretches backwards
        b"SPR1" + struct.pack("<4I", 10, 1, 0, 4) + b"abcdef",  # bytes left over
    ],
)
def test_a_snapshot_not_of_that_form_is_an_error(broken):
    with pytest.raises(ValueError):
        snapshot.dense(broken)


def test_the_snapshot_is_gzip_at_its_level_without_a_date():
    """The packed snapshot is one gzip member of :func:`snapshot.sparse`'s bytes, deflated
    at :data:`snapshot.LEVEL` (as Python's zlib makes it at that level: the same memory,
    the same bytes), no date in its header, and smaller than the sparse bytes."""
    import gzip
    import zlib

    memory = _memory(b"\0", b"ab", b"\0", b"cde", tail=b"xyz") * 8
    data = snapshot.packed(memory)
    assert data[:3] == b"\x1f\x8b\x08" and data[4:8] == bytes(4)  # gzip, deflate, mtime 0
    deflate = zlib.compressobj(snapshot.LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(snapshot.sparse(memory)) + deflate.flush()
    assert data[10:-8] == body
    assert gzip.decompress(data) == snapshot.sparse(memory)
    assert len(data) < len(snapshot.sparse(memory))


def test_a_snapshot_file_is_packed_as_its_bytes_without_holding_them(tmp_path):
    """:func:`snapshot.packed_file` gives the bytes :func:`snapshot.packed` gives for the
    file's contents, reading it a chunk at a time: what Python allocates meanwhile stays
    below a quarter of the file (Node's file of about 54 MB, read whole, and its sparse
    form made the peak of a docs build's RSS)."""
    import tracemalloc

    pages = [bytes([1 + n % 251]) if n % 3 else b"\0" for n in range(4096)]  # 16 MB
    memory = _memory(*pages, tail=b"xyz")
    path = tmp_path / "memory"
    path.write_bytes(memory)
    expected = snapshot.packed(memory)
    tracemalloc.start()
    try:
        packed = snapshot.packed_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert packed == expected
    assert snapshot.unpacked(packed) == memory
    assert peak < len(memory) / 4, peak
