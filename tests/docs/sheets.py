"""The committed answer sheets as the sheet-claim tests read them (test-only helpers)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require_tool

__all__ = ["LANGS", "OUTPUT", "ROOT", "exercise_section", "read_sheet", "require_latex"]

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "output"
LANGS = ("en", "zh")


def read_sheet(lang: str, fmt: str = "md") -> str:
    """The committed ``output/<lang>/answers.<fmt>``."""
    return (OUTPUT / lang / f"answers.{fmt}").read_text(encoding="utf-8")


def exercise_section(md: str, title_start: str) -> str:
    """The Markdown of the exercise whose ``## `` heading contains ``title_start``."""
    parts = re.split(r"^## ", md, flags=re.M)
    found = [p for p in parts if title_start in p.splitlines()[0]]
    assert len(found) == 1, title_start
    return found[0]


def require_latex() -> None:
    """Skip, with the reason, where xelatex with ctex or pdftotext is missing."""
    have = shutil.which("xelatex") is not None and shutil.which("kpsewhich") is not None
    if have:
        have = subprocess.run(["kpsewhich", "ctex.sty"], capture_output=True).returncode == 0
    require_tool(have, "xelatex with ctex (texlive-xetex texlive-lang-chinese fonts-noto-cjk)")
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")
