"""``derivations serve`` and where the Python runtime comes from."""

import json
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
    assert files == {} and "\n" not in skipped and "node" in skipped


def test_a_node_that_fails_skips_the_snapshot_with_its_last_line(monkeypatch, tmp_path):
    """A folder holding no runtime: Node's own error, one line, nothing written."""
    if snapshot.shutil.which("node") is None:
        pytest.skip("no node on PATH")
    files, skipped = snapshot.snapshot_files(tmp_path, b"archive")
    assert files == {} and "\n" not in skipped and "node failed" in skipped, skipped


def test_the_snapshot_key_is_the_archives_sha256_and_the_pinned_pyodide():
    import hashlib

    assert snapshot.key(b"abc") == {
        "archive": hashlib.sha256(b"abc").hexdigest(),
        "pyodide": runtime.VERSION,
    }
