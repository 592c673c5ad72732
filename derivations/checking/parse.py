"""One entry point from pasted text to an expression tree, never evaluating the text."""

from __future__ import annotations

from dataclasses import dataclass

from lark.exceptions import UnexpectedInput, UnexpectedToken

from . import expression as ex
from .build import to_expression
from .errors import InvalidAnswer
from .grammar import parser
from .lexer import describe_terminal, tokenize
from .normalize import normalize
from .render import to_latex, to_text

__all__ = ["Parsed", "parse_answer"]


@dataclass(frozen=True)
class Parsed:
    tree: tuple
    text: str       # canonical text, as read
    latex: str
    symbols: frozenset
    kinds: frozenset

    @property
    def is_big_o(self) -> bool:
        return self.tree[0] == "bigo"


def _expected(names) -> str:
    names = set(names)
    if {"NUMBER", "SYMBOL"} <= names:
        return "; expected a number, a symbol or a bracket"
    shown = sorted(describe_terminal(name) for name in names)
    return "; expected " + " or ".join(shown[:6]) if shown else ""


def _syntax_error(error: UnexpectedInput, tokens) -> InvalidAnswer:
    if isinstance(error, UnexpectedToken):
        token = error.token
        hint = _expected(error.expected)
        if token.type == "$END":
            column = (tokens[-1].start_pos + len(str(tokens[-1]))) if tokens else 1
            return InvalidAnswer(f"the answer ends too early{hint}", column)
        return InvalidAnswer(f"unexpected {str(token)!r}{hint}", token.start_pos)
    return InvalidAnswer("cannot read the answer")  # pragma: no cover


def parse_answer(raw: str) -> Parsed:
    """Read one answer; raise :class:`InvalidAnswer` with a column and a reason."""
    if not isinstance(raw, str):
        raise InvalidAnswer(f"answer must be text, got {type(raw).__name__}")
    tokens = tokenize(normalize(raw))
    try:
        tree = parser().parse(tokens)
    except UnexpectedInput as error:
        raise _syntax_error(error, tokens) from None
    node = to_expression(tree)
    return Parsed(node, to_text(node), to_latex(node), ex.symbols_in(node), ex.kinds_in(node))
