"""One entry point from pasted text to an expression tree, never evaluating the text.

An answer may be ``name = formula`` (``m_h = ...``, ``FLOPs = ...``): the name is kept
for the checker to judge (it must not be one of the question's symbols); anything else
with ``=`` (a formula on both sides, several ``=``) is refused, never cut silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark.exceptions import UnexpectedInput, UnexpectedToken

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.grammar import parser
from derivations.checking.reading.informal import informal
from derivations.checking.reading.lexer import describe_terminal, tokenize
from derivations.checking.reading.normalize import Normalized, normalize
from derivations.checking.reading.transform import to_expression
from derivations.expr import tree as ex
from derivations.expr.printers import to_latex, to_text

__all__ = ["Parsed", "parse_answer"]


@dataclass(frozen=True)
class Parsed:
    tree: ex.Node
    text: str  # canonical text, as read
    latex: str
    symbols: frozenset
    kinds: frozenset  # node classes (ex.Floor in kinds)
    name: str | None = None  # the left side of "name = formula"
    name_column: int | None = None
    notes: tuple = ()  # of informal.Note: how informal forms were read

    @property
    def is_big_o(self) -> bool:
        return isinstance(self.tree, ex.BigO)

    @property
    def body(self) -> ex.Node:
        """The formula inside ``O(...)``, else the whole tree."""
        return self.tree.x if isinstance(self.tree, ex.BigO) else self.tree


_WORDS = {"NUMBER", "SYMBOL", "FUNC", "FRAC", "$END"}  # not shown as punctuation


def _syntax_error(error: UnexpectedInput, tokens) -> InvalidAnswer:
    """What the parser met and, when it says something, what it expected: an operand
    (a number, a symbol, a bracket), or one of the operators and brackets listed."""
    if not isinstance(error, UnexpectedToken):
        return refuse("cannot_read")  # pragma: no cover
    token, names = error.token, set(error.expected)
    shown = " ".join(sorted(describe_terminal(name) for name in names - _WORDS))
    variant = "_operand" if {"NUMBER", "SYMBOL"} <= names else "_expected" if shown else ""
    if token.type == "$END":
        column = (tokens[-1].start_pos + len(str(tokens[-1]))) if tokens else 1
        return refuse("ends_early" + variant, column, expected=shown)
    return refuse("unexpected" + variant, token.start_pos, token=str(token), expected=shown)


_EQUALS = "=≈"
_NAME = re.compile(r"\s*([^\W\d][\w']*)\s*")  # one word, any script: m_h, FLOPs, 乘法次数


def _sides(text: Normalized) -> tuple[str | None, int | None, int]:
    """(name, its column, index where the formula starts) of ``name = formula``."""
    marks = [index for index, char in enumerate(text.text) if char in _EQUALS]
    if not marks:
        return None, None, 0
    if len(marks) > 1:
        raise refuse("several_equals", text.column(marks[1]))
    left = text.text[: marks[0]]
    if not left.strip():
        return None, None, marks[0] + 1
    match = _NAME.fullmatch(left)
    if not match:
        raise refuse("formula_both_sides", text.column(marks[0]))
    return match.group(1), text.column(match.start(1)), marks[0] + 1


def parse_answer(raw: str) -> Parsed:
    """Read one answer; raise :class:`InvalidAnswer` with a column and a reason."""
    if not isinstance(raw, str):
        raise refuse("not_text", type=type(raw).__name__)
    text, notes = informal(normalize(raw))
    name, name_column, start = _sides(text)
    tokens = tokenize(text, start)
    try:
        tree = parser().parse(tokens)
    except UnexpectedInput as error:
        raise _syntax_error(error, tokens) from None
    node = to_expression(tree)
    return Parsed(
        node,
        to_text(node),
        to_latex(node),
        ex.symbols_in(node),
        ex.kinds_in(node),
        name,
        name_column,
        tuple(notes),
    )
