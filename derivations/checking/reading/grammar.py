"""The grammar of an answer (lark, LALR) over the tokens of :mod:`.lexer`.

Juxtaposition is multiplication (``2 c_i h w``, ``(a)(b)``) but a juxtaposed factor
never starts with a sign, so ``a -b`` stays a subtraction.  ``^`` is right-associative
and binds tighter than a leading minus (``-k^2 = -(k^2)``); ``a/b c`` reads ``(a/b) c``
as in Python and SymPy.
"""

from __future__ import annotations

from functools import lru_cache

from lark import Lark
from lark.lexer import Lexer

from derivations.checking.reading.lexer import TERMINALS

__all__ = ["GRAMMAR", "parser"]

GRAMMAR = r"""
?start: sum
?sum: product
    | sum PLUS product   -> add
    | sum MINUS product  -> sub
?product: signed
    | product STAR signed    -> mul
    | product SLASH signed   -> div
    | product DSLASH signed  -> floordiv
    | product power          -> mul
?signed: power
    | MINUS signed  -> neg
    | PLUS signed   -> pos
?power: atom
    | atom CARET signed  -> pow
?atom: NUMBER                      -> number
    | SYMBOL                       -> symbol
    | LPAR sum RPAR                -> group
    | LSQB sum RSQB                -> group
    | LBRACE sum RBRACE            -> group
    | LFLOOR sum RFLOOR            -> floor
    | LCEIL sum RCEIL              -> ceil
    | FUNC LPAR arguments RPAR     -> call
    | FUNC LSQB arguments RSQB     -> call
    | FUNC LBRACE arguments RBRACE -> call
    | FRAC LBRACE sum RBRACE LBRACE sum RBRACE -> div_frac
arguments: sum (COMMA sum)*
%declare """ + " ".join(TERMINALS) + "\n"


class _TokenList(Lexer):
    """Hands lark the tokens :func:`.lexer.tokenize` made (passed in place of text)."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, tokens):
        yield from tokens


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer=_TokenList, keep_all_tokens=True)
