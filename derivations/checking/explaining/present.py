"""Expressions as a person reads them: the book's term order, printed by :mod:`derivations.expr.printers`.

SymPy sorts terms its own way (``-k_w + p_w + s_w + w``); the book writes
``w - k_w + p_w + s_w``: terms ordered by their first symbol in the book's order (input,
kernel, padding, stride; channels first), a positive term in front, constants last.
:func:`show` gives the terminal text and the LaTeX of a tree in that order.
"""

from __future__ import annotations

from derivations.expr import tree as ex

__all__ = ["book_order", "show", "BOOK_SYMBOLS"]

BOOK_SYMBOLS = (
    "n",
    "c_o",
    "c_i",
    "h",
    "w",
    "k",
    "k_h",
    "k_w",
    "p",
    "p_h",
    "p_w",
    "s",
    "s_h",
    "s_w",
    "m_h",
    "m_w",
    "k_1",
    "k_2",
)


def _rank(term: ex.Node) -> tuple:
    names = ex.symbols_in(term)
    if not names:
        return (len(BOOK_SYMBOLS) + 1,)
    return (min(BOOK_SYMBOLS.index(n) if n in BOOK_SYMBOLS else len(BOOK_SYMBOLS) for n in names),)


def _negative(term: ex.Node) -> bool:
    return isinstance(term, ex.Neg) or (isinstance(term, ex.Num) and term.value < 0)


def book_order(node: ex.Node) -> ex.Node:
    """``node`` with every sum's terms in the book's order (values unchanged)."""
    match node:
        case ex.Add(terms):
            ordered = sorted((book_order(t) for t in terms), key=_rank)
            first = next((i for i, t in enumerate(ordered) if not _negative(t)), 0)
            ordered.insert(0, ordered.pop(first))
            return ex.Add(tuple(ordered))
    return ex.with_children(node, book_order)


def show(node: ex.Node) -> tuple[str, str]:
    """(terminal text, LaTeX) of ``node`` in the book's order."""
    from derivations.expr import printers

    ordered = book_order(node)
    printer = getattr(printers, "to_unicode", printers.to_text)
    return printer(ordered), printers.to_latex(ordered)
