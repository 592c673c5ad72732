"""Expressions as a person reads them: the project's term order
(:mod:`derivations.expr.order`, the sheets' too), printed by
:mod:`derivations.expr.printers`.

SymPy sorts terms its own way (``-k_w + p_w + s_w + w``, ``c_i c_o``); the book writes
``w - k_w + p_w + s_w`` and ``c_o c_i``.  :func:`show` gives the terminal text and the
LaTeX of a tree in that order.
"""

from __future__ import annotations

from derivations.expr import tree as ex
from derivations.expr.order import BOOK_SYMBOLS, book_order

__all__ = ["book_order", "show", "BOOK_SYMBOLS"]


def show(node: ex.Node) -> tuple[str, str]:
    """(terminal text, LaTeX) of ``node`` in the book's order."""
    from derivations.expr import printers

    ordered = book_order(node)
    printer = getattr(printers, "to_unicode", printers.to_text)
    return printer(ordered), printers.to_latex(ordered)
