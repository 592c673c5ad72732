"""How students spell the section's symbols: canonical name -> spellings (declarations).

Matching is case-insensitive (``Kh``, ``K_h``, ``C_in`` all read) and longest-first, so
``2c_ihw`` reads ``2 c_i h w`` and ``nh`` reads the zh edition's ``n_h`` (= h).  Bare
``k``, ``s``, ``p`` stand for a square kernel, stride, padding (k = k_h = k_w): a
convention the checker names, never a silent guess.
"""

from __future__ import annotations

__all__ = [
    "SYMBOL_ALIASES",
    "FUNCTION_ALIASES",
    "LAYER_SYMBOLS",
    "OUTPUT_SYMBOLS",
    "SQUARE_SYMBOLS",
    "COMPOSE_SYMBOLS",
    "BATCH_SYMBOL",
    "spellings",
]

SYMBOL_ALIASES: dict[str, tuple[str, ...]] = {
    "c_i": ("c_i", "ci", "c_in", "cin", "c_input", "in_channels"),
    "c_o": ("c_o", "co", "c_out", "cout", "c_output", "out_channels"),
    "h": ("h", "n_h", "nh", "h_in", "hin", "h_i", "i_h"),
    "w": ("w", "n_w", "nw", "w_in", "win", "w_i", "i_w"),
    "k_h": ("k_h", "kh"),
    "k_w": ("k_w", "kw"),
    "p_h": ("p_h", "ph"),
    "p_w": ("p_w", "pw"),
    "s_h": ("s_h", "sh"),
    "s_w": ("s_w", "sw"),
    "m_h": ("m_h", "mh", "o_h", "h_o", "h_out", "hout", "out_h", "h'"),
    "m_w": ("m_w", "mw", "o_w", "w_o", "w_out", "wout", "out_w", "w'"),
    "n": ("n", "batch", "batch_size", "n_b"),
    "k": ("k",),
    "s": ("s",),
    "p": ("p",),
    "k_1": ("k_1", "k1"),
    "k_2": ("k_2", "k2"),
}

FUNCTION_ALIASES: dict[str, tuple[str, ...]] = {
    "floor": ("floor",),
    "ceil": ("ceil", "ceiling"),
    "max": ("max", "\\max"),
    "min": ("min", "\\min"),
    "O": ("o", "big_o", "bigo"),
}

LAYER_SYMBOLS = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w")
OUTPUT_SYMBOLS = ("m_h", "m_w")
SQUARE_SYMBOLS = {"k": ("k_h", "k_w"), "s": ("s_h", "s_w"), "p": ("p_h", "p_w")}
COMPOSE_SYMBOLS = ("k_1", "k_2")
BATCH_SYMBOL = "n"


def spellings() -> dict[str, tuple[str, str]]:
    """lower-case spelling -> (kind, canonical name), kind 'symbol' or 'function'."""
    table: dict[str, tuple[str, str]] = {}
    for kind, aliases in (("symbol", SYMBOL_ALIASES), ("function", FUNCTION_ALIASES)):
        for name, spelled in aliases.items():
            for spelling in spelled:
                table[spelling.lower()] = (kind, name)
    return table
