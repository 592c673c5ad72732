"""The symbols of the layer model, in the book's notation (declarations only).

One record per symbol: its name as written in formulas (``c_i``), the
:class:`~derivations.model.Layer` field holding its value (``None`` for the output sizes,
which the layer derives, and for the composed kernels of the composition exercise), and
whether it may be zero (padding).  The SymPy symbol is built on first use (SymPy is not
imported by this module: commands that only list or read do not pay for it).

No aliases here: how students may spell a symbol (``Kh``, ``k``, ``C_in``) is the
checker's reading business (:mod:`derivations.checking.reading.aliases`).
"""

from __future__ import annotations

from enum import StrEnum

from derivations.records import record

__all__ = [
    "Role",
    "SymbolInfo",
    "SYMBOLS",
    "BY_NAME",
    "LAYER_SYMBOLS",
    "OUTPUT_SYMBOLS",
    "COMPOSE_SYMBOLS",
    "by_field",
    "parameters",
    "sympy_symbols",
]


class Role(StrEnum):
    LAYER = "layer"  # an input of the layer model, a Layer field
    OUTPUT = "output"  # derived by the model from the layer (m_h, m_w)
    COMPOSE = "compose"  # the two kernel sizes of the composition exercise


@record(frozen=True)
class SymbolInfo:
    name: str  # as written in formulas and read by the checker
    field: str | None  # the Layer field (or property, for outputs) with its value
    role: Role
    nonnegative: bool = False  # may be 0 (padding); otherwise a positive integer
    meaning: str = ""

    @property
    def attribute(self) -> str:
        """The Layer field or property (for layer and output symbols)."""
        if self.field is None:
            raise AttributeError(f"{self.name} is not a value of a layer")
        return self.field

    @property
    def sympy(self):
        """The SymPy symbol (integer; positive, or non-negative for padding)."""
        return _sympy_symbol(self.name, self.nonnegative)


SYMBOLS: tuple[SymbolInfo, ...] = (
    SymbolInfo("n", "batch", Role.LAYER, meaning="batch size"),
    SymbolInfo("c_i", "c_i", Role.LAYER, meaning="input channels"),
    SymbolInfo("c_o", "c_o", Role.LAYER, meaning="output channels"),
    SymbolInfo("h", "h", Role.LAYER, meaning="input height"),
    SymbolInfo("w", "w", Role.LAYER, meaning="input width"),
    SymbolInfo("k_h", "k_h", Role.LAYER, meaning="kernel height"),
    SymbolInfo("k_w", "k_w", Role.LAYER, meaning="kernel width"),
    SymbolInfo("p_h", "p_h", Role.LAYER, nonnegative=True, meaning="padding (height)"),
    SymbolInfo("p_w", "p_w", Role.LAYER, nonnegative=True, meaning="padding (width)"),
    SymbolInfo("s_h", "s_h", Role.LAYER, meaning="stride (height)"),
    SymbolInfo("s_w", "s_w", Role.LAYER, meaning="stride (width)"),
    SymbolInfo("d_h", "d_h", Role.LAYER, meaning="dilation (height)"),
    SymbolInfo("d_w", "d_w", Role.LAYER, meaning="dilation (width)"),
    SymbolInfo("g", "groups", Role.LAYER, meaning="groups"),
    SymbolInfo("m_h", "m_h", Role.OUTPUT, meaning="output height"),
    SymbolInfo("m_w", "m_w", Role.OUTPUT, meaning="output width"),
    SymbolInfo("k_1", None, Role.COMPOSE, meaning="first kernel size (composition)"),
    SymbolInfo("k_2", None, Role.COMPOSE, meaning="second kernel size (composition)"),
)

BY_NAME: dict[str, SymbolInfo] = {s.name: s for s in SYMBOLS}
LAYER_SYMBOLS = tuple(s.name for s in SYMBOLS if s.role is Role.LAYER)
OUTPUT_SYMBOLS = tuple(s.name for s in SYMBOLS if s.role is Role.OUTPUT)
COMPOSE_SYMBOLS = tuple(s.name for s in SYMBOLS if s.role is Role.COMPOSE)


def parameters() -> dict[str, tuple[SymbolInfo, ...]]:
    """The layer's parameters a remark may state (``stride 2``, ``p_h = 4``), by the first
    word of their meaning (``stride``, ``padding``, ``kernel``, ``dilation``, ``groups``):
    the layer symbols written with an axis (``s_h``, ``s_w``), and those whose meaning
    is one word (``g``: groups), in :data:`SYMBOLS`' order."""
    found: dict[str, tuple[SymbolInfo, ...]] = {}
    for info in SYMBOLS:
        axis = info.name[1:] in ("_h", "_w")
        if info.role is Role.LAYER and (axis or " " not in info.meaning):
            word = info.meaning.split()[0]
            found[word] = (*found.get(word, ()), info)
    return found


def by_field(field: str) -> SymbolInfo:
    """The symbol whose value a Layer field (or output property) holds."""
    for info in SYMBOLS:
        if info.field == field:
            return info
    raise KeyError(field)


def sympy_symbols(role: Role | None = None) -> dict:
    """name -> SymPy symbol, for every symbol (or those of one role)."""
    return {s.name: s.sympy for s in SYMBOLS if role is None or s.role is role}


_CACHE: dict = {}


def _sympy_symbol(name: str, nonnegative: bool):
    symbol = _CACHE.get(name)
    if symbol is None:
        import sympy as sp  # only when a symbolic form is wanted

        assumptions = {"nonnegative": True} if nonnegative else {"positive": True}
        symbol = _CACHE[name] = sp.Symbol(name, integer=True, **assumptions)
    return symbol
