"""User-supplied text made safe for where it lands: a spreadsheet cell, Markdown (and the
HTML it becomes), a terminal line.

- CSV: OWASP's rule for formula injection: a cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return (or their full-width forms, which some spreadsheets
  also read as formulas) gets a leading ``'``, so a spreadsheet shows it as text.  The
  raw text stays exact in ``--json``.
- Markdown: characters Markdown or HTML give meaning to are backslash-escaped or written
  as entities; control and bidirectional-override characters are shown as ``\\uXXXX``.
- Terminal: control and bidi characters shown escaped, long values shortened.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FORMULA_STARTS", "csv_cell", "markdown_text", "markdown_code", "terminal", "visible"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def csv_cell(value: str) -> str:
    """The cell as written to a CSV file: a would-be formula is neutralised."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _hidden(char: str) -> bool:
    if char in _BIDI:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Zl", "Zp") and char not in "\u200d"


def visible(value: str, keep: str = "") -> str:
    """Control, format, surrogate and bidi characters as ``\\xNN``/``\\uXXXX`` (those
    in ``keep`` stay as they are)."""
    if not any(_hidden(c) for c in value):
        return value
    out = []
    for char in value:
        if char in keep or not _hidden(char):
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)


def terminal(value: str, limit: int = 80) -> str:
    """A value for a one-line message: escaped (:func:`visible`), at most ``limit``
    characters (then its length is said)."""
    shown = visible(str(value))
    if len(shown) > limit:
        shown = shown[:limit] + f"… ({len(value)} characters)"
    return shown


def markdown_text(value: str) -> str:
    """Plain text in Markdown (headings, table cells, list items): nothing in it is
    read as Markdown or HTML, and it stays on one line."""
    shown = visible(value.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    shown = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", shown)


def markdown_code(value: str) -> str:
    """Text as a Markdown code span: fenced with more backticks than it holds, one
    line; its HTML characters stay literal (a code span never renders HTML).  Not for
    table cells (a ``|`` would end the cell)."""
    shown = visible(value.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"
