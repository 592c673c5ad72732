"""Math spans of a Markdown document as a renderer sees them: ``$$..$$`` display
blocks and ``$..$`` inline spans, outside fenced code, code spans and ``\\$``."""

from __future__ import annotations

import re

__all__ = ["math_spans"]

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
