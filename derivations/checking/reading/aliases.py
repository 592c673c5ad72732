"""Which symbols an answer may use: the checker's sets of symbol names, read from the
registries (spellings in :mod:`derivations.registry.spellings`, symbols in
:mod:`derivations.registry.symbols`)."""

from __future__ import annotations

from derivations.registry import spellings as _spellings
from derivations.registry import symbols as _symbols

__all__ = [
    "LAYER_SYMBOLS",
    "OUTPUT_SYMBOLS",
    "SQUARE_SYMBOLS",
    "COMPOSE_SYMBOLS",
    "BATCH_SYMBOL",
]

BATCH_SYMBOL = _symbols.by_field("batch").name
# the section's layer symbols: the layer's symbols students may spell (no dilation,
# groups), the batch apart (an answer naming it keeps the batch: a convention)
LAYER_SYMBOLS = tuple(
    name
    for name in _symbols.LAYER_SYMBOLS
    if name in _spellings.SYMBOL_SPELLINGS and name != BATCH_SYMBOL
)
OUTPUT_SYMBOLS = _symbols.OUTPUT_SYMBOLS
COMPOSE_SYMBOLS = _symbols.COMPOSE_SYMBOLS
SQUARE_SYMBOLS = _spellings.SQUARE_SYMBOLS
