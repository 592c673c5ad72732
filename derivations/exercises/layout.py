"""How a table fits the LaTeX text block: natural width when it fits, else wrapping
columns (``tabularx``).  Widths are estimated from the cells' visible text: a CJK
character counts as two Latin ones, math as its source without commands."""

from __future__ import annotations

import re

__all__ = ["TEXT_WIDTH", "WRAP_ABOVE", "tex_columns", "visible_width"]

TEXT_WIDTH = 88  # Latin characters of \small text in the sheets' text block (16.6 cm)
WRAP_ABOVE = 14  # a column wider than this wraps when the table does not fit
_PAD = 2  # column separation, in characters
_COMMAND = re.compile(r"\\[A-Za-z]+|[{}^_\\]")
_CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def visible_width(cell: object, lang: str) -> int:
    """Roughly how many Latin characters wide ``cell`` prints."""
    prose = cell[lang] if isinstance(cell, dict) else str(cell)
    plain = _COMMAND.sub("", prose.replace("$", "").replace("`", ""))
    return len(plain) + len(_CJK.findall(plain))


def tex_columns(table, lang: str) -> str:
    """``l`` then ``r`` columns when the table fits the text block; otherwise every
    column wider than :data:`WRAP_ABOVE` becomes a ragged-right ``X`` column of a
    ``tabularx`` as wide as the text (the template picks the environment by the ``X``)."""
    columns = list(zip(table.header, *table.rows))
    widths = [max(visible_width(c, lang) for c in column) for column in columns]
    if sum(widths) + _PAD * len(widths) <= TEXT_WIDTH:
        return "l" + "r" * (len(widths) - 1)
    wrap = r">{\raggedright\arraybackslash}X"
    return "".join(
        wrap if width > WRAP_ABOVE else ("l" if i == 0 else "r") for i, width in enumerate(widths)
    )
