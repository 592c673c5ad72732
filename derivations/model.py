"""The layer model: symbols, padding conventions, validity domain, output shape.

A 2-D convolution layer (the deep-learning kind: cross-correlation) maps a batch of
``n`` inputs of shape ``c_i x h x w`` to ``n x c_o x m_h x m_w`` with a kernel
``c_o x (c_i/g) x k_h x k_w``, padding ``p_h, p_w``, stride ``s_h, s_w``, dilation
``d_h, d_w`` and ``g`` groups.

Padding conventions (the one difference between the book's formula and PyTorch; in the
model "convention" means the padding mode and nothing else):

* ``total``    -- the book's: ``p_h`` rows in all (``ceil(p_h/2)`` on top, the rest at the
  bottom); ``m_h = floor((h - d_h(k_h-1) - 1 + p_h + s_h) / s_h)``.
* ``per-side`` -- PyTorch's ``padding=p_h``: ``p_h`` rows on each side;
  ``m_h = floor((h + 2 p_h - d_h(k_h-1) - 1) / s_h) + 1``.

Sizes are positive integers, padding a non-negative integer.  The symbols are declared in
:mod:`derivations.registry.symbols`; this module builds them (and imports SymPy) only
when one is asked for, so a layer's shape costs integer arithmetic only.
"""

from __future__ import annotations

from functools import cache, cached_property

from derivations.errors import DerivationError
from derivations.numbers import shown
from derivations.records import asdict, fields, record
from derivations.registry import symbols as _registry

__all__ = [
    "CONVENTIONS",
    "PADDINGS",
    "SYMBOLS",
    "Layer",
    "effective_kernel",
    "output_size",
    "output_sizes",
    "padded_size",
    "symbols_of",
    # built on first use by __getattr__ (SymPy stays unimported until then)
    "n",
    "c_i",
    "c_o",
    "h",
    "w",
    "k_h",
    "k_w",
    "p_h",
    "p_w",
    "s_h",
    "s_w",
    "d_h",
    "d_w",
    "g",
]

PADDINGS = ("total", "per-side")
CONVENTIONS = PADDINGS  # the public name (padding conventions)

_LAYER_SYMBOLS = tuple(s for s in _registry.SYMBOLS if s.role is _registry.Role.LAYER)
_SYMBOL_NAMES = frozenset(s.name for s in _LAYER_SYMBOLS)


def __getattr__(name: str):
    """The SymPy symbols (``c_i``, ...) and ``SYMBOLS`` (Layer field -> symbol), built on
    first use from the symbol registry."""
    if name in _SYMBOL_NAMES:
        return _registry.BY_NAME[name].sympy
    if name == "SYMBOLS":
        return {s.attribute: s.sympy for s in _LAYER_SYMBOLS}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- machinery ----------------------------------------------------------------------
def _check_convention(padding_convention: str) -> str:
    if padding_convention not in PADDINGS:
        raise DerivationError(
            key="model.unknown_padding", value=shown(padding_convention), known=", ".join(PADDINGS)
        )
    return padding_convention


def effective_kernel(kernel, dilation):
    """Extent of a dilated kernel: ``d (k - 1) + 1``."""
    return dilation * (kernel - 1) + 1


def padded_size(size, padding, padding_convention: str):
    """Input extent after padding: ``size + p`` (total) or ``size + 2p`` (per-side)."""
    return size + (padding if _check_convention(padding_convention) == "total" else 2 * padding)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def output_size(size, kernel, padding, stride, dilation=1, padding_convention: str = "total"):
    """Output extent along one axis: the one definition, integer or symbolic.

    All-integer arguments give a Python ``int`` by floor division (exact at any size, no
    SymPy); any symbolic argument gives the SymPy expression.  Both conventions reduce to
    ``floor((padded - effective_kernel) / s) + 1``; each is written in its own published
    form.
    """
    _check_convention(padding_convention)
    args = (size, kernel, padding, stride, dilation)
    if all(map(_is_int, args)):
        if padding_convention == "total":
            return (size - dilation * (kernel - 1) - 1 + padding + stride) // stride
        return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1
    import sympy as sp

    # Python ints would divide as floats (wrong past 2**53): make them SymPy integers
    size, kernel, padding, stride, dilation = (sp.Integer(a) if _is_int(a) else a for a in args)
    if padding_convention == "total":
        return sp.floor((size - dilation * (kernel - 1) - 1 + padding + stride) / stride)
    return sp.floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1


@cache  # SymPy expressions are immutable: built once per convention (the checker's proofs)
def output_sizes(padding_convention: str = "total", dilation: bool = True):
    """``(m_h, m_w)`` in the layer symbols under ``convention``; with ``dilation=False``
    at ``d_h = d_w = 1`` (the section's setting, without the ``d`` symbols)."""
    sym = _registry.BY_NAME
    return tuple(
        output_size(
            sym[axis].sympy,
            sym[f"k_{axis}"].sympy,
            sym[f"p_{axis}"].sympy,
            sym[f"s_{axis}"].sympy,
            sym[f"d_{axis}"].sympy if dilation else 1,
            padding_convention,
        )
        for axis in ("h", "w")
    )


def symbols_of(layer: Layer) -> dict:
    """Substitution map symbol -> integer value for a concrete layer."""
    return {s.sympy: getattr(layer, s.attribute) for s in _LAYER_SYMBOLS}


@record(frozen=True)
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
    padding_convention: str = "total"

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "padding_convention":
                _check_convention(value)
            elif f.name == "bias":
                if not isinstance(value, bool):
                    raise DerivationError(key="model.bias_not_bool", value=shown(value))
            elif isinstance(value, bool) or not isinstance(value, int):
                raise DerivationError(key="model.not_integer", field=f.name, value=shown(value))
            elif f.name.startswith("p_"):
                if value < 0:
                    raise DerivationError(
                        key="model.negative_padding", field=f.name, value=shown(value)
                    )
            elif value < 1:
                raise DerivationError(key="model.not_positive", field=f.name, value=shown(value))
        for axis in ("h", "w"):
            size, k, p, d = (
                getattr(self, name) for name in (axis, f"k_{axis}", f"p_{axis}", f"d_{axis}")
            )
            extent = effective_kernel(k, d)
            padded = padded_size(size, p, self.padding_convention)
            if extent > padded:
                raise DerivationError(
                    key="model.kernel_too_large" if d == 1 else "model.dilated_kernel_too_large",
                    axis=axis,
                    kernel=shown(k),
                    extent=shown(extent),
                    size=shown(size),
                    padding=shown(p),
                    padding_convention=self.padding_convention,
                    padded=shown(padded),
                )
        for name in ("c_i", "c_o"):
            if getattr(self, name) % self.groups:
                raise DerivationError(
                    key="model.groups_not_dividing",
                    groups=shown(self.groups),
                    field=name,
                    value=shown(getattr(self, name)),
                )

    # -- derived shape ---------------------------------------------------------------
    # output sizes in integers, computed once per layer (the dataclass is frozen;
    # cached_property stores beside the fields, outside eq and hash)
    def _out(self, axis: str) -> int:
        return output_size(
            getattr(self, axis),
            getattr(self, f"k_{axis}"),
            getattr(self, f"p_{axis}"),
            getattr(self, f"s_{axis}"),
            getattr(self, f"d_{axis}"),
            self.padding_convention,
        )

    @cached_property
    def m_h(self) -> int:
        return self._out("h")

    @cached_property
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
        if self.padding_convention == "per-side":
            return (p, p)
        return ((p + 1) // 2, p // 2)  # the book: ceil(p/2) on top, floor(p/2) below

    def values(self) -> dict:
        return symbols_of(self)

    def as_dict(self) -> dict:
        return asdict(self)

    def replace(self, **changes) -> Layer:
        return Layer(**{**asdict(self), **changes})

    # --- Jupyter's rich display (composed from derivations.display's blocks) ---------
    def math(self) -> str:
        """The layer's sizes and output shape as one line of LaTeX.

        >>> print(Layer(c_i=3, c_o=64, h=32, w=32, k_h=3, k_w=3, p_h=2, p_w=2).math())
        n = 1,\\ c_i = 3 \\to c_o = 64,\\ h \\times w = 32 \\times 32,\\ k_h \\times k_w = 3 \\times 3,\\ p_h, p_w = 2, 2,\\ s_h, s_w = 1, 1,\\ d_h, d_w = 1, 1,\\ g = 1 \\;\\Rightarrow\\; n \\times c_o \\times m_h \\times m_w = 1 \\times 64 \\times 32 \\times 32
        """
        n, c_o, m_h, m_w = self.output_shape
        return (
            rf"n = {self.batch},\ c_i = {self.c_i} \to c_o = {self.c_o},\ "
            rf"h \times w = {self.h} \times {self.w},\ "
            rf"k_h \times k_w = {self.k_h} \times {self.k_w},\ "
            rf"p_h, p_w = {self.p_h}, {self.p_w},\ s_h, s_w = {self.s_h}, {self.s_w},\ "
            rf"d_h, d_w = {self.d_h}, {self.d_w},\ g = {self.groups} \;\Rightarrow\; "
            rf"n \times c_o \times m_h \times m_w = {n} \times {c_o} \times {m_h} \times {m_w}"
        )

    def _words(self) -> tuple[str, str, str]:
        """(the "Layer" label, its padding convention, its bias) in the display language."""
        from derivations import display  # Jupyter only: a check's start-up skips it

        padding = "total" if self.padding_convention == "total" else "per_side"
        return (
            display.label("display.layer"),
            display.label(f"display.padding_{padding}"),
            display.label("display.bias" if self.bias else "display.no_bias"),
        )

    def _repr_html_(self) -> str:
        from derivations import display

        name, padding, bias = map(display.escape_html, self._words())
        return (
            f"<div><strong>{name}</strong> {display.html_math(self.math())} "
            f"({padding}; {bias})</div>"
        )

    def _repr_markdown_(self) -> str:
        from derivations import display

        name, padding, bias = map(display.escape_markdown, self._words())
        return f"**{name}** ${self.math()}$ ({padding}; {bias})"

    def _repr_latex_(self) -> str:
        return f"${self.math()}$"
