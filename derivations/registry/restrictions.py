"""Restrictions: what a student assumed about the layer, as typed values.

A *domain* is a frozenset of :class:`Restriction` (the answer is compared only on layers
obeying all of them).  Each restriction has a :class:`Kind` and, for the per-axis ones,
an axis ``"h"`` or ``"w"``.  The values are strings (``"stride1_h"``) so that the cache
can store them and old code comparing with strings still works; nothing decodes them
by slicing: use :attr:`Restriction.kind` and :attr:`Restriction.axis`.
"""

from __future__ import annotations

from enum import Enum, StrEnum

__all__ = [
    "Kind",
    "Restriction",
    "AXES",
    "on_axis",
    "axes_with",
    "restriction",
    "divisibility_span",
    "span_at",
    "span_text",
]

AXES = ("h", "w")


class Kind(Enum):
    K1 = "k1"  # a 1 x 1 kernel (the pointwise question)
    SQUARE = "square"  # k, p, s the same on both axes (written k, p, s)
    SQUARE_INPUT = "square_input"  # h = w (the answer writes one of them only)
    NO_PADDING = "nopad"  # no padding on the axis (the answer has no padding symbol)
    STRIDE_1 = "stride1"  # stride 1 on the axis (the answer has no stride symbol)
    DIVIDES = "divides"  # the stride divides h - k_h + p_h (the answer drops the floor)


class Restriction(StrEnum):
    K1 = "k1"
    SQUARE = "square"
    SQUARE_INPUT = "square_input"
    NOPAD_H = "nopad_h"
    NOPAD_W = "nopad_w"
    STRIDE1_H = "stride1_h"
    STRIDE1_W = "stride1_w"
    DIVIDES_H = "divides_h"
    DIVIDES_W = "divides_w"

    @property
    def kind(self) -> Kind:
        return _KIND[self]

    @property
    def axis(self) -> str | None:
        return _AXIS.get(self)


_KIND = {
    Restriction.K1: Kind.K1,
    Restriction.SQUARE: Kind.SQUARE,
    Restriction.SQUARE_INPUT: Kind.SQUARE_INPUT,
    Restriction.NOPAD_H: Kind.NO_PADDING,
    Restriction.NOPAD_W: Kind.NO_PADDING,
    Restriction.STRIDE1_H: Kind.STRIDE_1,
    Restriction.STRIDE1_W: Kind.STRIDE_1,
    Restriction.DIVIDES_H: Kind.DIVIDES,
    Restriction.DIVIDES_W: Kind.DIVIDES,
}
_AXIS = {
    Restriction.NOPAD_H: "h",
    Restriction.NOPAD_W: "w",
    Restriction.STRIDE1_H: "h",
    Restriction.STRIDE1_W: "w",
    Restriction.DIVIDES_H: "h",
    Restriction.DIVIDES_W: "w",
}
_BY_KIND_AXIS = {(r.kind, r.axis): r for r in Restriction}


def on_axis(kind: Kind, axis: str) -> Restriction:
    """The restriction of ``kind`` on ``axis`` (``h`` or ``w``)."""
    return _BY_KIND_AXIS[(kind, axis)]


def axes_with(domain, kind: Kind) -> frozenset:
    """The axes on which ``domain`` holds a restriction of ``kind``."""
    return frozenset(Restriction(r).axis for r in domain if Restriction(r).kind is kind)


def restriction(value: str) -> Restriction:
    """A restriction from its stored value (ValueError when unknown)."""
    return Restriction(value)


def divisibility_span(
    axis: str, padding: str = "total", domain: frozenset = frozenset()
) -> tuple[tuple[int, str], ...]:
    """What the stride must divide along ``axis`` for :attr:`Kind.DIVIDES` (where an
    output size without its floor is exact): h − k_h + p_h, as ``(coefficient, symbol)``
    terms, the padding added once (``padding`` ``"total"``) or twice (``"per-side"``);
    the kernel the number 1 (symbol ``"1"``) where ``domain`` holds it at 1 × 1
    (:attr:`Kind.K1`: h − 1 + p_h, the pointwise question has no k_h)."""
    kernel = "1" if Restriction.K1 in domain else f"k_{axis}"
    return ((1, axis), (-1, kernel), (1 if padding == "total" else 2, f"p_{axis}"))


def span_at(layer: dict, axis: str, padding: str = "total", domain: frozenset = frozenset()) -> int:
    """The value of :func:`divisibility_span` at ``layer`` (symbol -> int)."""
    return sum(
        c * (int(name) if name.isdigit() else layer[name])
        for c, name in divisibility_span(axis, padding, domain)
    )


def span_text(terms: tuple[tuple[int, str], ...]) -> str:
    """Terms ``(coefficient, symbol)`` as the feedback prints them: ``h − k_h + 2p_h``."""
    out: list[str] = []
    for coefficient, name in terms:
        term = name if abs(coefficient) == 1 else f"{abs(coefficient)}{name}"
        sign = "−" if coefficient < 0 else "+"
        out.append(term if not out and coefficient > 0 else f"{sign} {term}")
    return " ".join(out)
