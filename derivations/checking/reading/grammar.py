"""The grammar of an answer (LALR) over the tokens of :mod:`.lexer`.

Juxtaposition is multiplication (``2 c_i h w``, ``(a)(b)``) but a juxtaposed factor
never starts with a sign, so ``a -b`` stays a subtraction.  ``^`` is right-associative
and binds tighter than a leading minus (``-k^2 = -(k^2)``); ``a/b c`` reads ``(a/b) c``
as in Python and SymPy.

lark analyses the grammar into LALR(1) tables (:func:`tables`); :mod:`.lalr` runs them.
The tables are data of the store (kind ``grammar``, keyed by this file and the lexer's,
whose terminals the grammar declares): a cold start reads them as JSON and imports no
lark; only where neither the user's cache nor the package holds them for these sources
is lark imported to compute them (then cached).  The practice pages' archive ships them
prebuilt (:func:`prebuilt_files`): lark is not in the browser.
"""

from __future__ import annotations

from functools import lru_cache

from derivations.checking.reading.lalr import Parser, checked_tables
from derivations.checking.reading.lexer import TERMINALS

__all__ = ["GRAMMAR", "parser", "tables", "prebuilt_files"]

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


def _lark():
    """lark's LALR parser of :data:`GRAMMAR` over tokens made by :mod:`.lexer` (lark
    imported here only: computing the tables, and the tests that hold :mod:`.lalr` to
    it)."""
    from lark import Lark
    from lark.lexer import Lexer

    class TokenList(Lexer):
        """Hands lark the tokens :func:`.lexer.tokenize` made (passed in place of text)."""

        def __init__(self, lexer_conf):
            pass

        # lark's legacy custom-lexer interface (one argument, adapted by lark's
        # _wrap_lexer), which its stub for Lexer.lex does not describe
        def lex(self, tokens):  # type: ignore[override]
            yield from tokens

    return Lark(GRAMMAR, parser="lalr", lexer=TokenList, keep_all_tokens=True)


def _derived() -> dict:
    """The tables of :mod:`.lalr`, from lark's analysis of :data:`GRAMMAR`: its LALR
    states (terminals and rule names to shift or reduce) and, per rule, what lark's tree
    builder does with a reduction (the tree's name, whether one child stands for the
    node, which children are spliced in).  lark numbers states and rules by the order of
    its sets, which changes between processes; here rules are sorted and states
    numbered in the order a walk from the start state meets them (symbols sorted), so
    the same grammar always gives the same bytes."""
    built = _lark()
    table = built.parser.parser.parser.parse_table

    def key(rule) -> tuple:
        return (str(rule.origin.name), [str(s.name) for s in rule.expansion], str(rule.alias))

    rules = sorted(built.rules, key=key)
    if not all(rule.options.keep_all_tokens for rule in rules):
        raise ValueError("every rule keeps its tokens")  # what .lalr assumes
    index = {id(rule): i for i, rule in enumerate(rules)}
    start = table.start_states["start"]
    order = [start]
    number = {start: 0}
    for state in order:  # grows while walked: breadth first
        for _symbol, (action, argument) in sorted(table.states[state].items()):
            if action.name == "Shift" and argument not in number:
                number[argument] = len(order)
                order.append(argument)
    states = [
        {
            str(symbol): [0, number[argument]]
            if action.name == "Shift"
            else [1, index[id(argument)]]
            for symbol, (action, argument) in sorted(table.states[state].items())
        }
        for state in order
    ]
    return checked_tables(
        {
            "start": 0,
            "end": number[table.end_states["start"]],
            "states": states,
            "rules": [
                [
                    str(rule.origin.name),
                    len(rule.expansion),
                    str(rule.alias or rule.origin.name),
                    bool(rule.options.expand1 and not rule.alias),
                    [
                        i
                        for i, symbol in enumerate(rule.expansion)
                        if not symbol.is_term and symbol.name.startswith("_")
                    ],
                ]
                for rule in rules
            ],
        }
    )


_SOURCES = ("checking/reading/grammar.py", "checking/reading/lexer.py")
_ENTRY = "lalr-tables"


def _cache():
    from derivations.store import Kind

    return Kind("grammar", _SOURCES)


def tables() -> dict:
    """The parse tables: from the store (the user's cache, or prebuilt beside the
    package) when it holds them for these sources, else computed by lark and cached."""
    cache = _cache()
    found = cache.get(_ENTRY, checked_tables)
    if found is not None:
        return found
    derived = _derived()
    cache.store(_ENTRY, derived)
    return derived


@lru_cache(maxsize=1)
def parser() -> Parser:
    """The LALR parser of answers (:mod:`.lalr` over :func:`tables`)."""
    return Parser(tables())


def prebuilt_files() -> dict[str, bytes]:
    """The tables as the store's prebuilt entry (path below the package -> bytes),
    computed by lark now: what the practice pages' archive ships."""
    cache = _cache()
    return {f"prebuilt/{cache.kind}/{_ENTRY}.json": cache.prebuilt_file(_ENTRY, _derived())}
