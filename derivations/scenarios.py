"""What the exercises ask of the closed forms: doubling channels, doubling padding, a
1 x 1 kernel, and the book's own setting.

Pure functions of the closed forms in :mod:`derivations.closed_forms` (SymPy in, SymPy
out); every result is derived by substitution, :func:`tidy` and limits.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derivations.closed_forms import forms, m_h, m_w
from derivations.model import c_i, c_o, d_h, d_w, g, h, k_h, k_w, n, p_h, p_w, s_h, s_w, w
from derivations.registry.forms import Form

__all__ = [
    "BOOK",
    "book_form",
    "ChannelDoubling",
    "PaddingDoubling",
    "Pointwise",
    "double_channels",
    "double_padding",
    "pointwise",
    "in_output_sizes",
    "tidy",
]

# The section's setting: one example (n = 1), no dilation, no groups.
BOOK = {n: 1, d_h: 1, d_w: 1, g: 1}


def tidy(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the common factors of its sums pulled out (``sp.factor_terms``):
    what ``sp.simplify`` made of every expression below, for every form, padding reading
    and bias (tests/core/test_scenarios.py compares them), in a fraction of its time
    (``simplify`` tries many rewrites and keeps the shortest: about a second of ``docs``
    and of each derivation; the floors here leave it nothing else to do)."""
    return sp.factor_terms(expr)


def book_form(key: str, padding_convention: str = "total", bias: bool = False) -> sp.Expr:
    """A closed form in the section's symbols (c_i, c_o, h, w, k, p, s), floors included."""
    return forms(padding_convention, bias)[Form(key)].expr.xreplace(BOOK)


def in_output_sizes(expr: sp.Expr, padding_convention: str = "total") -> sp.Expr:
    """Rewrite a stride-1 expression with ``m_h, m_w`` in place of ``h, w``."""
    pad = 1 if padding_convention == "total" else 2
    return sp.factor_terms(
        sp.expand(expr.subs({h: m_h + k_h - 1 - pad * p_h, w: m_w + k_w - 1 - pad * p_w}))
    )


@dataclass(frozen=True)
class ChannelDoubling:
    key: str
    before: sp.Expr
    after: sp.Expr
    ratio: sp.Expr  # after / before, exact
    limit: sp.Expr  # as c_i, c_o grow together


def double_channels(
    key: str, padding_convention: str = "total", bias: bool = False
) -> ChannelDoubling:
    before = book_form(key, padding_convention, bias)
    after = before.subs({c_i: 2 * c_i, c_o: 2 * c_o}, simultaneous=True)
    ratio = sp.factor(tidy(after / before))
    t = sp.Symbol("t", positive=True)
    limit = sp.limit(ratio.subs({c_i: t * c_i, c_o: t * c_o}, simultaneous=True), t, sp.oo)
    return ChannelDoubling(key, before, after, ratio, tidy(limit))


@dataclass(frozen=True)
class PaddingDoubling:
    key: str
    before: sp.Expr
    after: sp.Expr
    increase: sp.Expr  # after - before, floors included
    ratio: sp.Expr
    stride1_increase: sp.Expr  # s = 1: floors vanish; written with m_h, m_w
    stride1_ratio: sp.Expr


def double_padding(
    key: str, padding_convention: str = "total", bias: bool = False
) -> PaddingDoubling:
    before = book_form(key, padding_convention, bias)
    after = before.subs({p_h: 2 * p_h, p_w: 2 * p_w}, simultaneous=True)
    increase = tidy(after - before)
    unit = {s_h: 1, s_w: 1}
    inc1 = sp.factor(in_output_sizes(sp.expand(increase.subs(unit)), padding_convention))
    before1 = in_output_sizes(before.subs(unit), padding_convention)
    return PaddingDoubling(
        key,
        before,
        after,
        increase,
        tidy(after / before),
        inc1,
        sp.factor(tidy((before1 + inc1) / before1)),
    )


@dataclass(frozen=True)
class Pointwise:
    key: str
    general: sp.Expr  # k_h = k_w = 1, any stride and padding
    plain: sp.Expr  # and s = 1, p = 0: c_i c_o h w-type forms


def pointwise(key: str, padding_convention: str = "total", bias: bool = False) -> Pointwise:
    general = tidy(book_form(key, padding_convention, bias).subs({k_h: 1, k_w: 1}))
    plain = sp.factor(tidy(general.subs({s_h: 1, s_w: 1, p_h: 0, p_w: 0})))
    return Pointwise(key, general, plain)
