"""How one answer to one question was read: the typed value ``check --validate`` prints
and the grade report's ``parsed`` column shows (STACK's "your answer was interpreted as").
"""

from __future__ import annotations

from functools import lru_cache

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import Note
from derivations.checking.reading.parse import Parsed, parse_answer
from derivations.expr import tree as ex
from derivations.expr.printers import to_unicode
from derivations.records import record, replace
from derivations.registry.questions import QUESTIONS, Shape

__all__ = ["Reading", "read_answer", "parse_for", "per_axis"]


@record(frozen=True)
class Reading:
    """``answer`` as read for ``question``: the tree, readable Unicode, re-readable
    ASCII, LaTeX, the ``name =`` it was given under, and notes (message ids with fields)
    saying how informal parts were read."""

    question: str
    answer: str
    tree: ex.Node
    unicode: str
    ascii: str
    latex: str
    notes: tuple[Note, ...]
    name: str | None
    parsed: Parsed

    def as_dict(self) -> dict:
        """JSON-able: ``{"text", "ascii", "latex", "notes": [{"id", "fields"}], "name"}``."""
        return {
            "text": self.unicode,
            "ascii": self.ascii,
            "latex": self.latex,
            "notes": [note.as_dict() for note in self.notes],
            "name": self.name,
        }


_AXIS_SYMBOLS = ({"h", "k_h", "p_h", "s_h", "m_h"}, {"w", "k_w", "p_w", "s_w", "m_w"})
_SHARED = {"k", "p", "s"}
_PAIR_OPEN, _PAIR_CLOSE = "([（", ")]）"


def _pair(text: str) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """``(a, b)`` around the whole answer: the two parts and their offsets."""
    stripped = text.strip()
    if len(stripped) < 5 or stripped[0] not in _PAIR_OPEN or stripped[-1] not in _PAIR_CLOSE:
        return None
    base = text.index(stripped[0]) + 1
    depth, commas = 0, []
    for index, char in enumerate(stripped[1:-1]):
        depth += (char in "([{（【⌊⌈") - (char in ")]}）】⌋⌉")
        if depth < 0:
            return None  # "(a) (b)": the first bracket closes early
        if depth == 0 and char in ",，":
            commas.append(index)
    if depth != 0 or len(commas) != 1:
        return None
    inner = stripped[1:-1]
    return (inner[: commas[0]], base), (inner[commas[0] + 1 :], base + commas[0] + 1)


@lru_cache(maxsize=64)  # bounded: ids come from class files too
def _symbols(question_id: str) -> frozenset | None:
    """The symbol names an answer to the question may spell (None: an unknown id);
    kept per id (the registry does not change while the process runs)."""
    from derivations.checking.reading.aliases import (
        BATCH_SYMBOL,
        COMPOSE_SYMBOLS,
        LAYER_SYMBOLS,
        OUTPUT_SYMBOLS,
    )
    from derivations.registry.questions import Family

    found = QUESTIONS.get(question_id)
    if found is None:
        return None
    if found.family is Family.COMPOSE:
        return frozenset(COMPOSE_SYMBOLS)
    return frozenset((*LAYER_SYMBOLS, *OUTPUT_SYMBOLS, BATCH_SYMBOL, "k", "s", "p"))


def _part(text: str, offset: int, letters: bool, symbols: frozenset | None) -> Parsed:
    try:
        return parse_answer(text, letters, symbols)
    except InvalidAnswer as error:
        if error.position is not None:
            error.position += offset
        raise


def per_axis(tree: ex.Node, axis: int) -> bool:
    """Whether ``tree`` is written along one axis (0: the height's symbols, 1: the
    width's; k, p, s shared)."""
    names = ex.symbols_in(tree)
    return bool(names & _AXIS_SYMBOLS[axis]) and names <= _AXIS_SYMBOLS[axis] | _SHARED


def _shape_of(question_id: str) -> Shape | None:
    """The size of a shape the question asks for (None: an unknown id asks for none)."""
    found = QUESTIONS.get(question_id)
    return found.shape if found else None


def _shape(parts: list, how: Shape, column, pair: bool) -> ex.Node | None:
    """The asked size of a shape given as two per-axis sizes, or None if it is none (a
    product of two different sizes, k_1 k_2, is a product; a pair of them is refused)."""
    first, second = parts
    if how.axis is None:
        if not ex.symbols_in(first):
            return None
        if first != second:
            if pair:
                raise refuse("shape_unequal", column)
            return None
        return first
    if per_axis(first, 0) and per_axis(second, 1):
        return parts[how.axis]
    return None


def _as_shape(parsed: Parsed, text: str, question_id: str) -> Parsed:
    how = _shape_of(question_id)
    if how is None:
        return parsed
    tree = parsed.tree
    if isinstance(tree, ex.Mul) and len(tree.parts) == 2:
        chosen = _shape(list(tree.parts), how, None, pair=False)
        if chosen is not None:
            return _reparsed(parsed, chosen, "shape_product")
    return parsed


def _reparsed(parsed: Parsed, tree: ex.Node, note: str) -> Parsed:
    return parsed.with_tree(tree, notes=parsed.notes + (Note(f"reading.note.{note}"),))


def parse_for(text: str, question_id: str, letters: bool = False) -> Parsed:
    """:func:`.parse_answer` (``letters`` as there), plus what only the question tells: a
    shape (a pair, or a product of two per-axis sizes) where the question asks for one
    size of it."""
    how = _shape_of(question_id)
    symbols = _symbols(question_id)
    pair = _pair(text) if how is not None and isinstance(text, str) else None
    if pair is None or how is None:  # (no shape asked: no pair either)
        return _as_shape(parse_answer(text, letters, symbols), text, question_id)
    parts = [_part(part, offset, letters, symbols) for part, offset in pair]
    chosen = _shape([p.tree for p in parts], how, pair[0][1], pair=True)
    if chosen is None:
        raise refuse("pair", pair[0][1])
    first = parts[0]
    return _reparsed(replace(first, notes=parts[0].notes + parts[1].notes), chosen, "shape_pair")


def read_answer(text: str, question_id: str) -> Reading:
    """Read ``text`` as an answer to ``question_id``; raise :class:`.InvalidAnswer` (with
    a message id) when it cannot be read, ``DerivationError`` for an unknown question.
    Reading only: whether its symbols belong to the question is the checker's call."""
    from derivations.registry.questions import question

    question(question_id)
    parsed = parse_for(text, question_id)
    return Reading(
        question_id,
        text,
        parsed.tree,
        to_unicode(parsed.tree),
        parsed.text,  # to_text(parsed.tree), rendered once by the reader
        parsed.latex,  # to_latex(parsed.tree)
        parsed.notes,
        parsed.name,
        parsed,
    )
