"""The committed answer sheets as the sheet-claim tests read them (test-only helpers)."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["LANGS", "OUTPUT", "ROOT", "exercise_section", "read_sheet"]

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
