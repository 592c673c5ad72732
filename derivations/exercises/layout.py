"""How a table fits the LaTeX text block: natural width when it fits, else wrapping
columns (``tabularx``); a long table may break across pages (``longtable``).  Widths are estimated from the cells' visible text: a CJK
character counts as two Latin ones, math as its source without commands."""

from __future__ import annotations

import re

__all__ = [
    "BREAK_ROWS",
    "TEXT_WIDTH",
    "WRAP_ABOVE",
    "breaks_across_pages",
    "column_aligns",
    "prints_words",
    "tex_columns",
    "visible_width",
]

TEXT_WIDTH = 88  # Latin characters of \small text in the sheets' text block (16.6 cm)
WRAP_ABOVE = 14  # a column wider than this wraps when the table does not fit
BREAK_ROWS = 6  # a table of this many rows or more may break across pages
_PAD = 2  # column separation, in characters
_COMMAND = re.compile(r"\\[A-Za-z]+|[{}^_\\]")
_CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
_MATH = re.compile(r"\$[^$]*\$")
_WORD = re.compile(r"[A-Za-z`\u4e00-\u9fff]")  # a letter, a code span or a Chinese character


def visible_width(cell: object, lang: str) -> int:
    """Roughly how many Latin characters wide ``cell`` prints."""
    prose = cell[lang] if isinstance(cell, dict) else str(cell)
    plain = _COMMAND.sub("", prose.replace("$", "").replace("`", ""))
    return len(plain) + len(_CJK.findall(plain))


def prints_words(cell: object, lang: str) -> bool:
    """Whether ``cell`` prints words in ``lang``: a letter, code or a Chinese character
    outside its math (a number, a percentage or a formula alone prints none)."""
    prose = cell[lang] if isinstance(cell, dict) else str(cell)
    return _WORD.search(_MATH.sub("", prose)) is not None


def column_aligns(table, lang: str) -> list[str]:
    """Each column's alignment in every format: ``l`` for the first column and for a
    column whose body prints words in some cell (:func:`prints_words`), ``r`` for one of
    numbers and formulas only (``table``: a Table block or its dict view)."""
    header, rows = (
        (table["header"], table["rows"]) if isinstance(table, dict) else (table.header, table.rows)
    )
    return [
        "l" if i == 0 or any(prints_words(row[i], lang) for row in rows) else "r"
        for i in range(len(header))
    ]


def tex_columns(table, lang: str) -> str:
    """The columns of :func:`column_aligns` when the table fits the text block; otherwise
    every column of words wider than :data:`WRAP_ABOVE` becomes a ragged-right ``X``
    column of a ``tabularx`` as wide as the text (the template picks the environment by
    the ``X``); a column of numbers stays right-aligned (its cells do not wrap)."""
    columns = list(zip(table.header, *table.rows))
    widths = [max(visible_width(c, lang) for c in column) for column in columns]
    aligns = column_aligns(table, lang)
    if sum(widths) + _PAD * len(widths) <= TEXT_WIDTH:
        return "".join(aligns)
    wrap = r">{\raggedright\arraybackslash}X"
    return "".join(
        wrap if width > WRAP_ABOVE and aligns[i] == "l" else aligns[i]
        for i, width in enumerate(widths)
    )


def breaks_across_pages(table) -> bool:
    """Whether the LaTeX sheet sets ``table`` so that it may break across pages between
    its rows (``longtable``, or ``xltabular`` when it wraps; the template keeps at least
    two rows on either side of a break and repeats the header): one of
    :data:`BREAK_ROWS` rows or more.  An unbreakable table that does not fit the rest of
    a page leaves that rest empty; a short one is better moved whole."""
    return len(table.rows) >= BREAK_ROWS
