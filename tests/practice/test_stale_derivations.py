"""A stale prebuilt derivation fails ``docs`` in one line; it never silently ships a
checker the browser cannot load.

The practice pages' checker has no SymPy: it reads each question's derivations from the
package's prebuilt files (``derivations/prebuilt/checking``), which are keyed by the
sources they were derived from.  When one is stale, the browser would have to derive it
and cannot, so ``docs`` used to skip the practice snapshot with a line on stderr and
succeed.  Now the archive refuses stale files (:func:`derivations.practice.archive.
checker_archive`) and ``docs`` fails before building anything, naming the file and the
command that writes them afresh, in English and Chinese.  Each case below makes the
files stale in a copy of the package, as an edit would, and runs the real command.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from derivations import store
from derivations.errors import DerivationError
from derivations.practice import archive
from derivations.registry.questions import QUESTIONS

PACKAGE = Path(archive.__file__).resolve().parents[1]
FIRST = next(iter(QUESTIONS))


def test_the_committed_prebuilt_derivations_are_fresh():
    assert archive.stale_derivations() == [], f"run `{archive.REWRITE}` and commit the files"


def _copy(into: Path) -> Path:
    """A copy of the package under ``into`` (without bytecode); its folder."""
    copy = into / "derivations"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _edit_a_source(copy: Path) -> str:
    """A comment added to a source the derivations are derived from: every file stale."""
    with (copy / "registry" / "misconceptions.py").open("a", encoding="utf-8") as source:
        source.write("# an edit the prebuilt derivations were not derived from\n")
    return FIRST


def _rekey_one(copy: Path) -> str:
    """One file keyed by other sources (its first line's source hash changed)."""
    path = copy / "prebuilt" / "checking" / "bias-size.json"
    head, _, rest = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["source"] = "0" * 64
    path.write_bytes(json.dumps(header, sort_keys=True).encode() + b"\n" + rest)
    return "bias-size"


def _remove_one(copy: Path) -> str:
    (copy / "prebuilt" / "checking" / "double-padding.json").unlink()
    return "double-padding"


CASES = [
    (_edit_a_source, len(QUESTIONS)),
    (_rekey_one, 1),
    (_remove_one, 1),
]


def _docs(root: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "DERIVATIONS_CACHE": str(root / "cache"),
        "XDG_CONFIG_HOME": str(root / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "derivations", "docs", "--out", str(root / "out"), *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("make_stale, count", CASES, ids=lambda c: getattr(c, "__name__", c))
def test_docs_fails_in_one_line_naming_the_stale_file(tmp_path, make_stale, count):
    copy = _copy(tmp_path)
    stale = copy / "prebuilt" / "checking" / f"{make_stale(copy)}.json"
    for extra in ((), ("--check",)):
        done = _docs(tmp_path, *extra)
        assert done.returncode == 2, (extra, done.stdout, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("derivations docs: error: the prebuilt derivation "), lines
        assert str(stale) in lines[0]
        assert f"({count} of {len(QUESTIONS)} files are)" in lines[0]
        assert f"run `{archive.REWRITE}`" in lines[0]
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()  # nothing written


def test_the_error_is_said_in_chinese_too(tmp_path, monkeypatch):
    folder = tmp_path / "package" / "prebuilt" / "checking"
    shutil.copytree(PACKAGE / "prebuilt" / "checking", folder)
    (folder / "output-width.json").unlink()
    monkeypatch.setattr(store, "package_files", lambda: tmp_path / "package")
    with pytest.raises(DerivationError) as raised:
        archive.checker_archive()
    assert raised.value.key == "docs.prebuilt_stale"
    zh = raised.value.text("zh")
    assert str(folder / "output-width.json") in zh
    assert f"{len(QUESTIONS)} 个文件中有 1 个过时" in zh
    assert archive.REWRITE in zh and "\n" not in zh
