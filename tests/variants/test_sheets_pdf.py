"""`variants --pdf`: every character the sheets print has a glyph (xelatex's log says
"Missing character" for one it drops silently), and a missing glyph fails the build."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from derivations.cli import main
from derivations.commands import docs
from derivations.errors import DerivationError
from derivations.variants.key import SUPPORTED
from tests.conftest import require_tool


def _xelatex():
    have = shutil.which("xelatex") is not None and shutil.which("kpsewhich") is not None
    if have:
        found = subprocess.run(["kpsewhich", "ctex.sty"], capture_output=True, text=True)
        have = bool(found.stdout.strip())
    require_tool(have, "xelatex with ctex (texlive-xetex texlive-lang-chinese fonts-noto-cjk)")


@pytest.mark.parametrize("padding", ["total", "per-side"])
def test_every_character_of_the_sheets_has_a_glyph(tmp_path, padding):
    """Both languages' sheets, every supported question, each padding's wording (the
    total-padding one prints ⌈p/2⌉ and ⌊p/2⌋), compiled by xelatex as `--pdf` does:
    its log names no missing character."""
    _xelatex()
    roster = tmp_path / "roster.csv"
    roster.write_text("id\ns1\ns2\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["variants", "--roster", str(roster), "--questions", ",".join(SUPPORTED)]
    assert main([*argv, "--seed", "t", "--padding", padding, "--out", str(out)]) == 0
    for lang in ("en", "zh"):
        tex = out / "sheets" / lang / "all.tex"
        if padding == "total":
            assert "⌈" in tex.read_text(encoding="utf-8")
        work = tmp_path / lang
        work.mkdir()
        shutil.copy(tex, work / "all.tex")
        done = subprocess.run(
            ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "all.tex"],
            cwd=work,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=600,
        )
        assert done.returncode == 0
        log = (work / "all.log").read_text(encoding="utf-8", errors="replace")
        assert "Missing character" not in log


def test_a_missing_glyph_fails_the_build(tmp_path):
    _xelatex()
    tex = tmp_path / "sheet.tex"
    tex.write_text(
        "\\documentclass{article}\n\\usepackage{fontspec}\n\\begin{document}\n"
        "⌈p/2⌉ and ⌊p/2⌋\n\\end{document}\n",
        encoding="utf-8",
    )
    with pytest.raises(DerivationError) as error:
        docs.compile_pdf(tex)
    message = str(error.value)
    assert message.startswith(f"xelatex failed on {tex}: 4 characters printed without a glyph")
    assert "U+2308, U+2309, U+230A, U+230B" in message and "\n" not in message


def test_variants_pdf_succeeds_with_every_glyph(tmp_path):
    _xelatex()
    roster = tmp_path / "roster.csv"
    roster.write_text("id\ns1\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["variants", "--roster", str(roster), "--questions", "forward-mults,double-padding"]
    assert main([*argv, "--seed", "t", "--out", str(out), "--pdf"]) == 0
    for lang in ("en", "zh"):
        assert (out / "sheets" / lang / "all.pdf").read_bytes().startswith(b"%PDF")
