"""The project's term order: how every printed formula orders its terms and factors
(the checker's references and the answer sheets alike).

SymPy sorts by name (``c_i c_o k_h k_w m_h m_w n``, ``-k_w + p_w + s_w + w``); the
project writes ``n c_o c_i k_h k_w m_h m_w`` (batch, channels out, channels in, input,
kernel, output, padding, stride: :data:`BOOK_SYMBOLS`) and ``w - k_w + p_w + s_w``:

* a product: constants first, then the model's symbols (and their powers) in that
  order, then any other symbol by name (``b``, ``\\Delta``), the imaginary unit ``i``
  last, then compound factors (sums, floors) as they were;
* a sum: terms by their sizes in that order (``c_i h w + c_o c_i k_h k_w + c_o m_h m_w
  + c_o``: input, weights, output, bias; ``m_h + p_h``), batch and channels breaking
  ties, terms of batch and channels alone next, constants last; then a positive term
  moved to the front (``w - k_w``).

:func:`book_order` reorders a tree (values unchanged); the printers
(:mod:`derivations.expr.printers`) print it as it stands.
"""

from __future__ import annotations

from derivations.expr import tree as ex

__all__ = ["BOOK_SYMBOLS", "book_order", "factor_rank"]

BOOK_SYMBOLS = (
    "n",
    "c_o",
    "c_i",
    "h",
    "w",
    "k",
    "k_h",
    "k_w",
    "m_h",
    "m_w",
    "p",
    "p_h",
    "p_w",
    "s",
    "s_h",
    "s_w",
    "k_1",
    "k_2",
)
_RANK = {name: index for index, name in enumerate(BOOK_SYMBOLS)}
_WHOLE = ("n", "c_o", "c_i")  # batch and channels: they scale a term, not name it
_IMAGINARY = "i"  # the imaginary unit as the sheets print it: a constant


def _symbol_rank(name: str) -> tuple:
    if name == _IMAGINARY:
        return (2, len(BOOK_SYMBOLS), "")
    return (0, _RANK[name], "") if name in _RANK else (1, 0, name)


def _term_rank(term: ex.Node) -> tuple:
    """A sum's term: by its sizes in the project's order (input, kernel, output,
    padding, stride; ``c_i h w`` before ``c_o c_i k_h k_w``), batch and channels
    breaking ties; terms of batch and channels alone after them, constants last."""
    names = ex.symbols_in(term)
    sizes = sorted(_symbol_rank(n) for n in names if n not in _WHOLE)
    whole = sorted(_symbol_rank(n) for n in names if n in _WHOLE)
    if not names:
        return (2,)
    return (0, sizes, whole) if sizes else (1, whole, [])


def factor_rank(factor: ex.Node) -> tuple:
    """Where ``factor`` stands in a product: constants, the model's symbols in
    :data:`BOOK_SYMBOLS` order, other symbols by name, then everything else."""
    base = factor.base if isinstance(factor, ex.Pow) else factor
    match base:
        case ex.Num():
            return (0, ())
        case ex.Sym(name):
            return (1, _symbol_rank(name))
    return (2, ())


def _negative(term: ex.Node) -> bool:
    return isinstance(term, ex.Neg) or (isinstance(term, ex.Num) and term.value < 0)


def book_order(node: ex.Node) -> ex.Node:
    """``node`` with every sum's terms and every product's factors in the project's
    order (values unchanged)."""
    match node:
        case ex.Add(terms):
            ordered = sorted((book_order(t) for t in terms), key=_term_rank)
            first = next((i for i, t in enumerate(ordered) if not _negative(t)), 0)
            ordered.insert(0, ordered.pop(first))
            return ex.Add(tuple(ordered))
        case ex.Mul(factors):
            return ex.Mul(tuple(sorted((book_order(f) for f in factors), key=factor_rank)))
    return ex.with_children(node, book_order)
