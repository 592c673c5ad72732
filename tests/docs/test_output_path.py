"""``docs --out`` and ``--pdf``: every bad output path, and a missing or failing xelatex, is
one line naming the path (exit 2), and nothing already on disk is replaced."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.commands import docs
from derivations.errors import DerivationError
from tests.conftest import require_tool

NAMES = [
    f"{lang}/{name}" for lang in docs.LANGS for name in ("answers.md", "answers.tex", "formulas.md")
]


@pytest.fixture
def fake_documents(monkeypatch):
    """Small stand-ins for the six documents (rendering the real ones takes seconds)."""
    documents = {name: f"new {name}\n" for name in NAMES}
    monkeypatch.setattr(docs, "render_documents", lambda **_: documents)
    # and no Pyodide runtime to copy: these tests hold the documents' paths; the one line a
    # machine without Node gets about the skipped runtime is the practice pages' to test
    monkeypatch.setattr("derivations.practice.runtime.runtime_files", lambda: ({}, ""))
    return documents


def _old_set(out: Path) -> None:
    for name in NAMES:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(f"old {name}\n")


def _contents(out: Path) -> dict:
    return {name: (out / name).read_text() for name in NAMES if (out / name).is_file()}


def _fails_in_one_line(capsys, argv, needle) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("derivations docs: error: ") and err.count("\n") == 1, err
    assert needle in err, err
    assert "Traceback" not in err
    return err


# each setup prepares tmp_path and returns (the --out argument, text the error must name)
def _existing_file(tmp):
    (tmp / "file").write_text("keep\n")
    return str(tmp / "file"), f"--out {tmp / 'file'} is not a directory"


def _directory_at_answers(tmp):
    _old_set(tmp / "d")
    (tmp / "d/en/answers.md").unlink()
    (tmp / "d/en/answers.md").mkdir()
    return str(tmp / "d"), f"{tmp / 'd/en/answers.md'} is a directory"


def _file_at_zh(tmp):
    (tmp / "d").mkdir()
    (tmp / "d/zh").write_text("keep\n")
    return str(tmp / "d"), f"{tmp / 'd/zh'} is not a directory"


def _file_at_en_with_old_zh(tmp):
    _old_set(tmp / "d")
    shutil.rmtree(tmp / "d/en")
    (tmp / "d/en").write_text("keep\n")
    return str(tmp / "d"), f"{tmp / 'd/en'} is not a directory"


def _under_a_file(tmp):
    (tmp / "file").write_text("keep\n")
    return str(tmp / "file/sub"), f"{tmp / 'file'}"


SETUPS = [
    ("existing file", _existing_file),
    ("directory where en/answers.md goes", _directory_at_answers),
    ("file where zh/ goes (en/ would be written first)", _file_at_zh),
    ("file where en/ goes, zh/ already written", _file_at_en_with_old_zh),
    ("below a file", _under_a_file),
    ("empty", lambda tmp: ("", "--out '' is empty")),
    ("blank", lambda tmp: ("  ", "--out '  ' is empty")),
    ("NUL byte", lambda tmp: ("out\0put", "--out 'out\\x00put' cannot be used: it holds")),
    ("under /proc", lambda tmp: ("/proc/derivations-docs-test", "/proc/derivations-docs-test")),
    ("under /sys", lambda tmp: ("/sys/derivations-docs-test", "/sys/derivations-docs-test")),
]


@pytest.mark.parametrize("label, setup", SETUPS, ids=[label for label, _ in SETUPS])
def test_bad_out_is_one_line_and_replaces_nothing(tmp_path, capsys, fake_documents, label, setup):
    out, needle = setup(tmp_path)
    before = {p: p.read_bytes() if p.is_file() else None for p in tmp_path.rglob("*")}
    _fails_in_one_line(capsys, ["docs", "--out", out], needle)
    after = {p: p.read_bytes() if p.is_file() else None for p in tmp_path.rglob("*")}
    assert after == before  # not one file replaced, added or half-written; no new folder
    assert not Path("/proc/derivations-docs-test").exists()


def test_immutable_directory(tmp_path, capsys, fake_documents):
    out = tmp_path / "frozen"
    _old_set(out)
    for folder in (out, out / "en", out / "zh"):
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("chattr +i not available here (needs root and ext4/xfs/tmpfs)")
    try:
        _fails_in_one_line(capsys, ["docs", "--out", str(out)], str(out))
        assert _contents(out) == {name: f"old {name}\n" for name in NAMES}
    finally:
        for folder in (out, out / "en", out / "zh"):
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)


def test_unwritable_directory(tmp_path, capsys, fake_documents):
    if os.geteuid() == 0:
        pytest.skip("root writes into a 0555 directory; test_immutable_directory covers it")
    out = tmp_path / "locked"
    _old_set(out)
    for folder in (out / "en", out / "zh", out):
        folder.chmod(0o555)
    try:
        _fails_in_one_line(capsys, ["docs", "--out", str(out)], str(out))
        assert _contents(out) == {name: f"old {name}\n" for name in NAMES}
    finally:
        for folder in (out, out / "en", out / "zh"):
            folder.chmod(0o755)


def test_good_out_replaces_the_whole_set(tmp_path, capsys, fake_documents):
    _old_set(tmp_path / "d")
    assert main(["docs", "--out", str(tmp_path / "d")]) == 0
    assert _contents(tmp_path / "d") == fake_documents
    assert main(["docs", "--out", str(tmp_path / "new/deeper")]) == 0
    assert _contents(tmp_path / "new/deeper") == fake_documents
    assert not [p for p in tmp_path.rglob(".*.tmp")]  # no staging file left behind


def test_pdf_and_check_are_exclusive(tmp_path, capsys, fake_documents):
    with pytest.raises(SystemExit) as done:  # a usage error: argparse exits
        main(["docs", "--out", str(tmp_path), "--pdf", "--check"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "not allowed with argument" in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def _fake_xelatex(folder: Path, script: str) -> None:
    folder.mkdir()
    (folder / "xelatex").write_text("#!/bin/sh\n" + script)
    (folder / "xelatex").chmod(0o755)


# (fake xelatex body, or None for no xelatex on PATH; what the error must say after the path)
PDF_FAILURES = [
    (None, "xelatex is not on PATH"),
    (
        "echo 'This is XeTeX'\necho '! Undefined control sequence.'\necho 'l.12 \\\\foo'\n"
        "echo '! Emergency stop.'\nexit 1\n",
        "! Undefined control sequence. (l.12)",
    ),
    ("exit 3\n", "exit status 3"),
    ("exit 0\n", "No such file or directory"),  # claims success, writes no PDF
]


@pytest.mark.parametrize(
    "script, message", PDF_FAILURES, ids=["missing", "latex error", "no log", "no pdf"]
)
def test_pdf_failure_is_one_line_naming_the_tex(
    tmp_path, capsys, monkeypatch, fake_documents, script, message
):
    out = tmp_path / "out"
    _old_set(out)
    (out / "en/answers.pdf").write_bytes(b"old pdf")
    bin_dir = tmp_path / "bin"
    if script is None:
        bin_dir.mkdir()
    else:
        _fake_xelatex(bin_dir, script)
    monkeypatch.setenv("PATH", str(bin_dir))
    err = _fails_in_one_line(
        capsys, ["docs", "--out", str(out), "--pdf"], str(out / "en/answers.tex")
    )
    assert message in err
    assert (out / "en/answers.pdf").read_bytes() == b"old pdf"
    assert not (out / "zh/answers.pdf").exists()


def test_pdfs_written_together(tmp_path, capsys, monkeypatch, fake_documents):
    _fake_xelatex(tmp_path / "bin", "/bin/cp answers.tex answers.pdf\n")  # the "PDF" is the source
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert main(["docs", "--out", str(tmp_path / "out"), "--pdf"]) == 0
    for lang in docs.LANGS:
        pdf = (tmp_path / "out" / lang / "answers.pdf").read_text()
        assert pdf == fake_documents[f"{lang}/answers.tex"]


def test_real_xelatex_error_names_the_first_error_line(tmp_path):
    require_tool(shutil.which("xelatex") is not None, "xelatex (texlive-xetex)")
    tex = tmp_path / "broken.tex"
    tex.write_text(
        "\\documentclass{article}\n\\begin{document}\nfine\n\\nosuchmacro\n\\end{document}\n"
    )
    with pytest.raises(DerivationError) as error:
        docs.compile_pdf(tex)
    message = str(error.value)
    assert message == f"xelatex failed on {tex}: ! Undefined control sequence. (l.4)"
