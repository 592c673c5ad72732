"""How students spell the section's symbols and functions (declarations only).

Each spelling means a typed value: a :class:`Symbol` (a symbol of
:mod:`derivations.registry.symbols`, or a bare ``k``, ``s``, ``p`` of a square
kernel, stride, padding: :data:`SQUARE_SYMBOLS`) or a :class:`Function` (what the
grammar calls).  :func:`spellings` maps each lower-case spelling to its meaning; the
reader (:mod:`derivations.checking.reading.lexer`) and the checker look meanings up
there, nothing retypes them.

Matching is case-insensitive (``Kh``, ``K_h``, ``C_in`` all read) and longest-first, so
``2c_ihw`` reads ``2 c_i h w`` and ``nh`` reads the zh edition's ``n_h`` (= h).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from derivations.records import record

__all__ = [
    "Function",
    "Symbol",
    "Meaning",
    "SYMBOL_SPELLINGS",
    "FUNCTION_SPELLINGS",
    "SQUARE_SYMBOLS",
    "spellings",
]


class Function(StrEnum):
    """A function an answer may call; the value is its name in the grammar's tree."""

    FLOOR = "floor"
    CEIL = "ceil"
    MAX = "max"
    MIN = "min"
    BIG_O = "O"


@record(frozen=True)
class Symbol:
    """A symbol as the checker's trees write it (``c_i``, ``m_h``, the square ``k``)."""

    name: str


Meaning = Symbol | Function  # what one spelling reads as

# the keys of SYMBOL_SPELLINGS are names of registry.symbols or of these (a test checks)
# a bare k, s, p: a square kernel, stride, padding (k = k_h = k_w), a named assumption
SQUARE_SYMBOLS: dict[str, tuple[str, str]] = {
    "k": ("k_h", "k_w"),
    "s": ("s_h", "s_w"),
    "p": ("p_h", "p_w"),
}

SYMBOL_SPELLINGS: dict[str, tuple[str, ...]] = {
    "c_i": ("c_i", "ci", "c_in", "cin", "c_input", "in_channels"),
    "c_o": ("c_o", "co", "c_out", "cout", "c_output", "out_channels"),
    "h": ("h", "n_h", "nh", "h_in", "hin", "h_i", "hi", "i_h"),
    "w": ("w", "n_w", "nw", "w_in", "win", "w_i", "wi", "i_w"),
    "k_h": ("k_h", "kh"),
    "k_w": ("k_w", "kw"),
    "p_h": ("p_h", "ph"),
    "p_w": ("p_w", "pw"),
    "s_h": ("s_h", "sh"),
    "s_w": ("s_w", "sw"),
    "m_h": ("m_h", "mh", "o_h", "h_o", "ho", "h_out", "hout", "out_h", "h'"),
    "m_w": ("m_w", "mw", "o_w", "w_o", "wo", "w_out", "wout", "out_w", "w'"),
    "n": ("n", "batch", "batch_size", "n_b"),
    "k": ("k",),
    "s": ("s",),
    "p": ("p",),
    "k_1": ("k_1", "k1"),
    "k_2": ("k_2", "k2"),
}

FUNCTION_SPELLINGS: dict[Function, tuple[str, ...]] = {
    Function.FLOOR: ("floor",),
    Function.CEIL: ("ceil", "ceiling"),
    Function.MAX: ("max", "\\max"),
    Function.MIN: ("min", "\\min"),
    Function.BIG_O: ("o", "big_o", "bigo"),
}


@cache
def spellings() -> dict[str, Meaning]:
    """lower-case spelling -> what it means (a :class:`Symbol` or a :class:`Function`);
    built once (callers must not change it)."""
    table: dict[str, Meaning] = {}
    for name, spelled in SYMBOL_SPELLINGS.items():
        symbol = Symbol(name)  # a name of registry.symbols or SQUARE_SYMBOLS (tested)
        for spelling in spelled:
            table[spelling.lower()] = symbol
    for function, spelled in FUNCTION_SPELLINGS.items():
        for spelling in spelled:
            table[spelling.lower()] = function
    return table
