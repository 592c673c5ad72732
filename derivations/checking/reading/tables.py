"""A LaTeX table of labelled rows (issue 21): ``\\begin{array}{ll} \\text{kernel-shape:} &
[…] \\\\ \\text{bias-shape:} & [n_{out}] \\end{array}``, an ``aligned`` or ``cases`` display
written the same way.  Each row is a label (words ending in a colon, or words styled by
``\\text{}``) before its first ``&``, and its value after it; the checker grades the one
row whose label names the quantity asked (:func:`.checker._table_row`).  Reading only:
nothing here decides which row answers.
"""

from __future__ import annotations

import re

from derivations.checking.reading.informal import lazy_pattern
from derivations.checking.reading.normalize import plain_labels

__all__ = ["table_rows"]

# the frame of a display: an environment (an array's column specification with it), the
# math delimiters around it
_FRAME = lazy_pattern(
    r"\\begin\{array\}\s*\{[lcr|\s]*\}"
    r"|\\(?:begin|end)\{(?:array|aligned|alignedat|align|cases|gathered|gather|split|matrix"
    r"|tabular)\*?\}(?:\{\d+\})?"
    r"|\\[\[\]]|\$\$?"
)
_ROW_END = lazy_pattern(r"\\\\(?:\[[^\]]*\])?")
# a label's words styled whole (``\text{bias}``, ``\textbf{Kernel shape}``), a colon after
_STYLED = lazy_pattern(
    r"\\(?:text|textrm|textbf|textit|mathrm|mathbf|mathsf|operatorname)\s*\{([^{}\\$]+)\}\s*[:：]?"
)
# a label written plain: words, a colon closing them
_PLAIN = lazy_pattern(r"([^{}\\$&=+*/^]+?)\s*[:：]")
_LETTERS = lazy_pattern(r"[^\W\d_]{2}|[\u4e00-\u9fff]")
_MAX_ROWS = 12


def _label(cell: str) -> str | None:
    """The words of a row's label cell (``\\text{bias-shape:}``, ``Bias:``,
    ``\\text{bias}``), or None where the cell is no label (a name, ``m_h``; a formula)."""
    cell = plain_labels(cell.strip())
    found = _STYLED().fullmatch(cell) or _PLAIN().fullmatch(cell)
    if found is None:
        return None
    words = " ".join(found.group(1).split())
    return words if _LETTERS().search(words) else None


def table_rows(answer: str) -> list[tuple[str, str]] | None:
    """(label, value) of each row of ``answer``'s LaTeX table (see the module's
    docstring), in order; None where the answer is no such table: no environment, a row
    with no ``&`` or no label, a row with nothing after its label, or more rows than a
    layer has quantities (:data:`_MAX_ROWS`)."""
    if "\\begin" not in answer or "&" not in answer:
        return None
    body = _FRAME().sub(" ", answer)
    rows: list[tuple[str, str]] = []
    for row in _ROW_END().split(body):
        row = row.strip().rstrip(".,;，。").strip()
        if not row:
            continue
        cell, mark, value = row.partition("&")
        label = _label(cell) if mark else None
        value = " ".join(value.replace("&", " ").split()).rstrip(".,;，。")
        if label is None or not value or len(rows) >= _MAX_ROWS:
            return None
        rows.append((label, value))
    return rows or None


def row_text(label: str, value: str) -> str:
    """One row as the reader reads a labelled formula: ``label: value``."""
    return f"{re.sub(r'[:：]+$', '', label)}: {value}"
