"""The layer model: symbols, padding conventions, validity domain, output shape.

A 2-D convolution layer (the deep-learning kind: cross-correlation) maps a batch of
``n`` inputs of shape ``c_i x h x w`` to ``n x c_o x m_h x m_w`` with a kernel
``c_o x (c_i/g) x k_h x k_w``, padding ``p_h, p_w``, stride ``s_h, s_w``, dilation
``d_h, d_w`` and ``g`` groups.

Padding conventions (the one difference between the book's formula and PyTorch):

* ``total``    -- the book's: ``p_h`` rows in all (``ceil(p_h/2)`` on top, the rest at the
  bottom); ``m_h = floor((h - d_h(k_h-1) - 1 + p_h + s_h) / s_h)``.
* ``per-side`` -- PyTorch's ``padding=p_h``: ``p_h`` rows on each side;
  ``m_h = floor((h + 2 p_h - d_h(k_h-1) - 1) / s_h) + 1``.

Sizes are positive integers, padding a non-negative integer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import sympy as sp

from derivations.errors import DerivationError

__all__ = [
    "CONVENTIONS",
    "SYMBOLS",
    "Layer",
    "effective_kernel",
    "output_size",
    "padded_size",
    "symbols_of",
    "n", "c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "d_h", "d_w", "g",
]

CONVENTIONS = ("total", "per-side")

# --- declarations: the symbols, in the book's notation -------------------------------
_positive = dict(integer=True, positive=True)
n = sp.Symbol("n", **_positive)
c_i = sp.Symbol("c_i", **_positive)
c_o = sp.Symbol("c_o", **_positive)
h = sp.Symbol("h", **_positive)
w = sp.Symbol("w", **_positive)
k_h = sp.Symbol("k_h", **_positive)
k_w = sp.Symbol("k_w", **_positive)
p_h = sp.Symbol("p_h", integer=True, nonnegative=True)
p_w = sp.Symbol("p_w", integer=True, nonnegative=True)
s_h = sp.Symbol("s_h", **_positive)
s_w = sp.Symbol("s_w", **_positive)
d_h = sp.Symbol("d_h", **_positive)
d_w = sp.Symbol("d_w", **_positive)
g = sp.Symbol("g", **_positive)

# Layer field name -> symbol.  ``bias`` and ``convention`` are not symbols: they select
# which closed form applies.
SYMBOLS = {
    "batch": n, "c_i": c_i, "c_o": c_o, "h": h, "w": w, "k_h": k_h, "k_w": k_w,
    "p_h": p_h, "p_w": p_w, "s_h": s_h, "s_w": s_w, "d_h": d_h, "d_w": d_w, "groups": g,
}


# --- machinery ----------------------------------------------------------------------
def _check_convention(convention: str) -> str:
    if convention not in CONVENTIONS:
        raise DerivationError(
            f"padding convention {convention!r} is not one of {', '.join(CONVENTIONS)}")
    return convention


def effective_kernel(kernel, dilation):
    """Extent of a dilated kernel: ``d (k - 1) + 1``."""
    return dilation * (kernel - 1) + 1


def padded_size(size, padding, convention: str):
    """Input extent after padding: ``size + p`` (total) or ``size + 2p`` (per-side)."""
    return size + (padding if _check_convention(convention) == "total" else 2 * padding)


def output_size(size, kernel, padding, stride, dilation=1, convention: str = "total"):
    """Output extent along one axis; symbolic or integer arguments.

    Both conventions reduce to ``floor((padded - effective_kernel) / s) + 1``; written in
    each one's own published form.
    """
    # Python ints would divide as floats (wrong past 2**53): make them SymPy integers
    size, kernel, padding, stride, dilation = (
        sp.Integer(a) if isinstance(a, int) else a
        for a in (size, kernel, padding, stride, dilation))
    if _check_convention(convention) == "total":
        return sp.floor((size - dilation * (kernel - 1) - 1 + padding + stride) / stride)
    return sp.floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1


def symbols_of(layer: "Layer") -> dict:
    """Substitution map symbol -> integer value for a concrete layer."""
    return {sym: getattr(layer, name) for name, sym in SYMBOLS.items()}


@dataclass(frozen=True)
class Layer:
    """A concrete layer; constructing one outside the validity domain raises
    :class:`DerivationError` naming the bad value."""

    c_i: int
    c_o: int
    h: int
    w: int
    k_h: int
    k_w: int
    p_h: int = 0
    p_w: int = 0
    s_h: int = 1
    s_w: int = 1
    d_h: int = 1
    d_w: int = 1
    groups: int = 1
    batch: int = 1
    bias: bool = False
    convention: str = "total"

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "convention":
                _check_convention(value)
            elif f.name == "bias":
                if not isinstance(value, bool):
                    raise DerivationError(f"bias={value!r} must be true or false")
            elif isinstance(value, bool) or not isinstance(value, int):
                raise DerivationError(f"{f.name}={value!r} is not an integer")
            elif f.name.startswith("p_"):
                if value < 0:
                    raise DerivationError(f"{f.name}={value} is negative; padding must be >= 0")
            elif value < 1:
                raise DerivationError(f"{f.name}={value} must be a positive integer")
        for axis in ("h", "w"):
            size, k, p, d = (getattr(self, name)
                             for name in (axis, f"k_{axis}", f"p_{axis}", f"d_{axis}"))
            extent = effective_kernel(k, d)
            padded = padded_size(size, p, self.convention)
            if extent > padded:
                dil = f" (dilated to {extent})" if d > 1 else ""
                raise DerivationError(
                    f"kernel k_{axis}={k}{dil} does not fit the padded input "
                    f"{axis}={size} with p_{axis}={p} ({self.convention} padding: {padded})")
        for name in ("c_i", "c_o"):
            if getattr(self, name) % self.groups:
                raise DerivationError(
                    f"groups={self.groups} does not divide {name}={getattr(self, name)}")

    # -- derived shape ---------------------------------------------------------------
    def _out(self, axis: str) -> int:
        return int(output_size(getattr(self, axis), getattr(self, f"k_{axis}"),
                               getattr(self, f"p_{axis}"), getattr(self, f"s_{axis}"),
                               getattr(self, f"d_{axis}"), self.convention))

    @property
    def m_h(self) -> int:
        return self._out("h")

    @property
    def m_w(self) -> int:
        return self._out("w")

    @property
    def output_shape(self) -> tuple[int, int, int, int]:
        return (self.batch, self.c_o, self.m_h, self.m_w)

    @property
    def weight_shape(self) -> tuple[int, int, int, int]:
        return (self.c_o, self.c_i // self.groups, self.k_h, self.k_w)

    @property
    def input_shape(self) -> tuple[int, int, int, int]:
        return (self.batch, self.c_i, self.h, self.w)

    def padding_split(self, axis: str) -> tuple[int, int]:
        """Rows (or columns) of zeros before and after the input along ``axis``."""
        p = getattr(self, f"p_{axis}")
        if self.convention == "per-side":
            return (p, p)
        return ((p + 1) // 2, p // 2)  # the book: ceil(p/2) on top, floor(p/2) below

    def values(self) -> dict:
        return symbols_of(self)

    def as_dict(self) -> dict:
        return asdict(self)

    def replace(self, **changes) -> "Layer":
        return Layer(**{**asdict(self), **changes})
