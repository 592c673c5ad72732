"""The grammar of an answer (lark, LALR) over the tokens of :mod:`.lexer`.

Juxtaposition is multiplication (``2 c_i h w``, ``(a)(b)``) but a juxtaposed factor
never starts with a sign, so ``a -b`` stays a subtraction.  ``^`` is right-associative
and binds tighter than a leading minus (``-k^2 = -(k^2)``); ``a/b c`` reads ``(a/b) c``
as in Python and SymPy.
"""

from __future__ import annotations

import base64
import io
import pickle
from functools import lru_cache

from lark import Lark
from lark.lexer import Lexer

from derivations.checking.reading.lexer import TERMINALS

__all__ = ["GRAMMAR", "parser"]

GRAMMAR = (
    r"""
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
%declare """
    + " ".join(TERMINALS)
    + "\n"
)


class _TokenList(Lexer):
    """Hands lark the tokens :func:`.lexer.tokenize` made (passed in place of text)."""

    def __init__(self, lexer_conf):
        pass

    # lark's legacy custom-lexer interface (one argument, adapted by lark's
    # _wrap_lexer), which its stub for Lexer.lex does not describe
    def lex(self, tokens):  # type: ignore[override]
        yield from tokens


def _build() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer=_TokenList, keep_all_tokens=True)


# --- the analysed grammar on disk (issue 16: building it is ~0.1 s of every cold start) --
# Lark saves a parser as a pickle; it is unpickled only from an entry of the validated,
# per-user signed cache (derivations.store: its one trust rule, the entry's identity
# signed), by an unpickler that admits one global (_TokenList);
# the loaded parser must then read a probe answer as the saved one did.  Any failure:
# built again.  Keyed by this grammar, the lexer's terminals and the lark version.
_SOURCES = ("checking/reading/grammar.py", "checking/reading/lexer.py")
_ENTRY = "lalr"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) == (__name__, "_TokenList"):
            return _TokenList
        raise pickle.UnpicklingError(f"global {module}.{name} is not allowed")


def _probe(candidate: Lark) -> str:
    from lark import Token

    tokens = [
        Token("NUMBER", "2", start_pos=1),
        Token("SYMBOL", "h", start_pos=2),
        Token("SLASH", "/", start_pos=3),
        Token("LPAR", "(", start_pos=4),
        Token("SYMBOL", "w", start_pos=5),
        Token("MINUS", "-", start_pos=6),
        Token("NUMBER", "1", start_pos=7),
        Token("RPAR", ")", start_pos=8),
    ]
    return candidate.parse(tokens).pretty()


def _loaded(payload) -> Lark:
    """The parser of a cache entry; ValueError when it is not one we wrote."""
    if (
        not isinstance(payload, dict)
        or set(payload) != {"lark", "probe"}
        or not all(isinstance(value, str) for value in payload.values())
    ):
        raise ValueError("not a saved grammar")
    try:
        saved = _Unpickler(io.BytesIO(base64.b64decode(payload["lark"], validate=True))).load()
        candidate = Lark.load(saved)
        if _probe(candidate) != payload["probe"]:
            raise ValueError("the saved grammar reads differently")
    except ValueError:
        raise
    except Exception as error:
        raise ValueError(f"not a saved grammar ({type(error).__name__})") from None
    return candidate


def _cache():
    from derivations.store import Kind

    return Kind("grammar", _SOURCES, libraries=("python", "lark"))


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser, from the disk cache when a trusted entry exists."""
    cache = _cache()
    found = cache.load(_ENTRY, _loaded)
    if found is not None:
        return found
    built = _build()
    stream = io.BytesIO()
    built.save(stream)
    cache.store(
        _ENTRY,
        {"lark": base64.b64encode(stream.getvalue()).decode("ascii"), "probe": _probe(built)},
    )
    return built
