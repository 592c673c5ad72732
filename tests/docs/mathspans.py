"""Math spans of a Markdown document as a renderer sees them: ``$$..$$`` display
blocks and ``$..$`` inline spans, outside fenced code, code spans and ``\\$``; and the
one KaTeX driver of the tests (:func:`katex_failures`, Node running ``katex_check.js``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require_tool

__all__ = ["KATEX", "katex_failures", "math_spans", "require_katex"]

KATEX = Path(__file__).resolve().parents[2] / "node_modules" / "katex"
_DRIVER = Path(__file__).with_name("katex_check.js")

_INLINE = re.compile(r"(?<!\\)\$(?!\$)(.+?)(?<!\\)\$")
_CODE_SPAN = re.compile(r"`[^`]*`")


def math_spans(markdown: str) -> list[dict]:
    spans, display, fenced = [], None, False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            continue
        if fenced or stripped.startswith("<!--"):
            continue
        if display is not None:
            if stripped == "$$":
                spans.append({"tex": "\n".join(display), "display": True})
                display = None
            else:
                display.append(line)
            continue
        if stripped == "$$":
            display = []
            continue
        for match in _INLINE.finditer(_CODE_SPAN.sub("", line)):
            spans.append({"tex": match.group(1), "display": False})
    if display is not None or fenced:
        raise ValueError("unclosed $$ block or code fence")
    return spans


def require_katex() -> None:
    """Skip (or, in CI, fail) unless node and ``node_modules/katex`` are present."""
    require_tool(
        shutil.which("node") is not None and (KATEX / "package.json").is_file(),
        "node and node_modules/katex (npm install: package.json)",
    )


def katex_failures(spans: list[dict]) -> list[dict]:
    """``[{"index", "tex", "error"}]`` for the spans (``{"tex", "display"}``) KaTeX
    refuses (``throwOnError``, ``strict: "error"``)."""
    require_katex()
    done = subprocess.run(
        ["node", str(_DRIVER), str(KATEX)],
        input=json.dumps(spans),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode:
        raise RuntimeError(f"katex_check.js failed: {done.stderr.strip()[:500]}")
    return json.loads(done.stdout)
