"""Tokens of a pasted formula: longest match on known spellings, LaTeX commands, brackets.

Produces lark :class:`~lark.Token` objects whose ``start_pos`` is the 1-based column in
the text as the student gave it, so every error names where it happened.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import cast

from lark import Token

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.limits import MAX_DEPTH, MAX_DIGITS
from derivations.checking.reading.normalize import Normalized
from derivations.registry.spellings import Function, Symbol, spellings

__all__ = ["tokenize", "TERMINALS", "describe_terminal"]

PUNCTUATION = {
    "**": "CARET",
    "//": "DSLASH",
    "+": "PLUS",
    "-": "MINUS",
    "*": "STAR",
    "/": "SLASH",
    "^": "CARET",
    ",": "COMMA",
    "(": "LPAR",
    ")": "RPAR",
    "[": "LSQB",
    "]": "RSQB",
    "{": "LBRACE",
    "}": "RBRACE",
    "⌊": "LFLOOR",
    "⌋": "RFLOOR",
    "⌈": "LCEIL",
    "⌉": "RCEIL",
}
# LaTeX command -> the terminal it is, or the function it calls (\min, \max)
LATEX_COMMANDS: dict[str, str | Function] = {
    "frac": "FRAC",
    "dfrac": "FRAC",
    "tfrac": "FRAC",
    "times": "STAR",
    "cdot": "STAR",
    "ast": "STAR",
    "div": "SLASH",
    "lfloor": "LFLOOR",
    "rfloor": "RFLOOR",
    "lceil": "LCEIL",
    "rceil": "RCEIL",
    "lbrack": "LSQB",
    "rbrack": "RSQB",
    "{": "LBRACE",
    "}": "RBRACE",
    "min": Function.MIN,
    "max": Function.MAX,
}
ELIDED = {"cdots", "ldots", "dots", "vdots"}
OPENERS = {"LPAR", "LSQB", "LBRACE", "LFLOOR", "LCEIL"}
CLOSERS = {"RPAR", "RSQB", "RBRACE", "RFLOOR", "RCEIL"}
TERMINALS = sorted({*PUNCTUATION.values(), "NUMBER", "SYMBOL", "FUNC", "FRAC"})
_SHOWN = {v: k for k, v in reversed(PUNCTUATION.items())}
_SHOWN.update(
    NUMBER="a number",
    SYMBOL="a symbol",
    FUNC="a function",
    FRAC="\\frac",
    CARET="^",
    DSLASH="//",
    **{"$END": "end of answer"},
)

# scientific notation (2e3, 1.5E-2) is a number; its size is bounded written out
_NUMBER = re.compile(r"(?P<digits>[0-9]+(?:\.[0-9]+)?)(?:[eE](?P<power>[+-]?[0-9]+))?")
_DIGITS = frozenset("0123456789")  # other scripts' digits are folded or refused upstream
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9']*")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def _shown(text: str) -> str:
    """``text`` as it may be printed: what repr escapes (non-printing characters) stays
    escaped, without repr's quotes."""
    return repr(text)[1:-1] if text != "'" else text


def describe_terminal(name: str) -> str:
    return _SHOWN.get(name, name)


@lru_cache(maxsize=1)
def _table() -> tuple[dict, int]:
    table = spellings()
    return table, max(map(len, table))


def _nearest(word: str) -> list[str]:
    table, _ = _table()
    close = difflib.get_close_matches(word.lower(), list(table), n=6, cutoff=0.5)
    names = []
    for spelling in close:
        meaning = table[spelling]
        if isinstance(meaning, Symbol) and meaning.name not in names:
            names.append(meaning.name)
    return names[:3] or ["c_i", "c_o", "k_h"]


def _unknown(word: str, column: int) -> InvalidAnswer:
    near = ", ".join(_nearest(word))
    return refuse("unknown_symbol", column, word=_shown(word), near=near)


def _word_tokens(text: str, start: int, col) -> tuple[list[Token], int]:
    """Split a run of letters into known spellings, longest first."""
    table, longest = _table()
    tokens, index = [], start
    # the caller saw a letter or "_" at ``start``: a word starts there
    end = cast(re.Match[str], _WORD.match(text, start)).end()
    while index < end:
        for length in range(min(longest, end - index), 0, -1):
            found = table.get(text[index : index + length].lower())
            if found:
                break
        else:
            raise _unknown(text[index:end] if index > start else text[start:end], col(index))
        match found:
            case Symbol(name):
                tokens.append(Token("SYMBOL", name, start_pos=col(index)))
            case Function():
                tokens.append(Token("FUNC", found.value, start_pos=col(index)))
        index += length
    return tokens, end


def _command_token(text: str, index: int, col) -> tuple[Token, int]:
    match = _COMMAND.match(text, index)
    if not match:
        raise refuse("lone_backslash", col(index))
    name = match.group(1)
    kind = LATEX_COMMANDS.get(name)
    if name in ELIDED:
        raise refuse("elided_command", col(index), command=name)
    if kind is None:
        raise refuse("unsupported_command", col(index), command=_shown(name))
    if isinstance(kind, Function):  # (a StrEnum: tested before plain terminal names)
        return Token("FUNC", kind.value, start_pos=col(index)), match.end()
    return Token(kind, "\\" + name, start_pos=col(index)), match.end()


def _without_full_stop(body: str) -> str:
    trimmed = body.rstrip(" ")
    if trimmed.endswith("。") or (trimmed.endswith(".") and not trimmed.endswith("..")):
        return trimmed[:-1]
    return body


def _number_token(body: str, index: int, col) -> tuple[Token, int]:
    # the caller saw a digit at ``index``: a number starts there
    match = cast(re.Match[str], _NUMBER.match(body, index))
    digits = len(match.group("digits").replace(".", ""))
    power = int(match.group("power") or 0)
    if digits + abs(power) > MAX_DIGITS:  # 1e309 written out
        shown = match.group() if len(match.group()) <= 12 else match.group()[:12] + "..."
        key = "too_many_digits_written_out" if match.group("power") else "too_many_digits"
        raise refuse(key, col(index), number=shown, limit=MAX_DIGITS)
    return Token("NUMBER", match.group(), start_pos=col(index)), match.end()


def tokenize(text: Normalized, start: int = 0) -> list[Token]:
    """Tokens of ``text`` from index ``start`` (past a ``name =``), with 1-based
    original columns; raise :class:`InvalidAnswer` on anything that is not part of a
    formula.  A final full stop is dropped."""
    body, index = _without_full_stop(text.text), start
    col = text.column
    tokens: list[Token] = []
    depth = 0
    while index < len(body):
        char = body[index]
        if char == " ":
            index += 1
            continue
        if char in _DIGITS:
            token, index = _number_token(body, index, col)
            tokens.append(token)
            continue
        if char.isascii() and (char.isalpha() or char == "_"):
            words, index = _word_tokens(body, index, col)
            tokens.extend(words)
            continue
        if char == "\\":
            token, index = _command_token(body, index, col)
            tokens.append(token)
        elif body.startswith(("...", "…"), index):
            raise refuse("elided", col(index))
        elif body.startswith(("**", "//"), index):
            tokens.append(
                Token(
                    PUNCTUATION[body[index : index + 2]],
                    body[index : index + 2],
                    start_pos=col(index),
                )
            )
            index += 2
        elif char in PUNCTUATION:
            tokens.append(Token(PUNCTUATION[char], char, start_pos=col(index)))
            index += 1
        elif char in "=≈":  # parse.py splits off one "name ="; any other is refused
            raise refuse("equals_inside", col(index), char=_shown(char))
        else:
            raise refuse("unexpected_character", col(index), char=_shown(char))
        kind = tokens[-1].type
        depth += (kind in OPENERS) - (kind in CLOSERS)
        if depth > MAX_DEPTH // 2:
            raise refuse("brackets_too_deep", tokens[-1].start_pos, limit=MAX_DEPTH // 2)
    if not tokens:
        raise refuse("empty")
    return tokens
