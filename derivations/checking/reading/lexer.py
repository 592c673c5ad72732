"""Tokens of a pasted formula: longest match on known spellings, LaTeX commands, brackets.

Produces :class:`~.lalr.Token` objects whose ``start_pos`` is the 1-based column in
the text as the student gave it, so every error names where it happened.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import cast

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import lazy_pattern
from derivations.checking.reading.lalr import Token
from derivations.checking.reading.limits import MAX_DEPTH, MAX_DIGITS
from derivations.checking.reading.names import (
    COMPOSED_SOURCE,
    DECORATED,
    LAYER,
    MISSPELT_SOURCE,
    axes_pair,
    compose,
    layer_own,
    layer_suffix,
    misspelt,
    one_word_hint,
    own_decorated,
    padded_or_padding,
    parameter_word,
    phrase,
    role_of,
    segmented,
    shape_hints,
    split_parts,
)
from derivations.checking.reading.normalize import Normalized
from derivations.expr import tree as ex
from derivations.registry.notations import (
    HELD,
    loop_indices,
    meaning_of_word,
    misspelling_of,
    names_nothing,
    notation_letters,
    notation_spellings,
    stem_of,
)
from derivations.registry.questions import named_count
from derivations.registry.spellings import Function, Symbol, spellings

__all__ = [
    "BATCH_WORD_NOTE",
    "tokenize",
    "TERMINALS",
    "describe_terminal",
    "UNKNOWN_PREFIX",
    "NAMED_PREFIX",
    "UNKNOWN_KEYS",
    "unknown_letter",
    "DECORATED",
    "PRIMED",
    "named_products",
    "names_read",
    "product_letters",
    "second_index_only",
    "three_d_said",
    "triple_read",
    "words_held_open",
    "held_read",
    "held_reading",
    "held_value",
    "held_mark",
    "book_formula",
    "book_spellings",
]

# a letter no notation names is read as a placeholder symbol "?F", resolved by the
# checker's inference by role (derivations.checking.notation) or refused there
UNKNOWN_PREFIX = "?"
# a word naming another count of the layer (muls) is read as "#forward-mults:muls", replaced
# by the checker with that question's reference (registry.questions.Question.names)
NAMED_PREFIX = "#"

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
_COMMAND = lazy_pattern(r"\\([A-Za-z]+|.)")


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


# the messages an unknown word is refused by (a side of a chain that has one is skipped)
UNKNOWN_KEYS = frozenset(
    {
        "reading.unknown_symbol",
        "reading.unknown_word_meant",
        "reading.unknown_word",
        "reading.unknown_word_misspelt",
    }
)


def _nearest(word: str) -> list[str]:
    """The book's symbols spelled most like ``word`` (by spelling only, two thirds of
    the letters alike: ``c_q``, c_i; not ``mpf``, p), at most 3."""
    import difflib  # only for an unknown word: a cold check of a readable answer skips it

    table, _ = _table()
    close = difflib.get_close_matches(word.lower(), list(table), n=6, cutoff=0.6)
    names: list[str] = []
    for spelling in close:
        meaning = table[spelling]
        if isinstance(meaning, Symbol) and meaning.name not in names:
            names.append(meaning.name)
    return names[:3]


def _primed_worked_names() -> tuple[str, str]:
    """(the question whose worked answer writes primed names, those names): the
    question's record's ``worked_names`` (double-padding's m'_h, m'_w)."""
    from derivations.registry.questions import QUESTIONS

    return next(
        (q.id, ", ".join(n for n in q.worked_names if "'" in n))
        for q in QUESTIONS.values()
        if any("'" in n for n in q.worked_names)
    )


def _unknown(word: str, whole: str, column: int) -> InvalidAnswer:
    """Refuse ``word`` (the part of ``whole`` no spelling reads): by the role a root of
    the whole word names (``kernal``: the kernel size, k_h, k_w), else the symbols
    spelled like it, said as spellings, else the word alone (no meaning is guessed).
    A primed name (``m'_h``) is refused as one: define it, or write it out.  A word
    that may be another misspelt (``weight`` for ``width``) is refused saying so.
    A part of a longer word (``ape`` of ``shape``) is no symbol to suggest spellings
    for: the whole word is named, with no suggestion."""
    if "'" in whole:  # m'_h, m_h': a size after a change (the sheets' m'_h, Exercise 3),
        # never the unprimed symbol a spelling suggests (m_h: the increase would be 0)
        asked, names = _primed_worked_names()
        return refuse("primed_name", column, word=_shown(whole), question=asked, names=names)
    if names_nothing(whole):  # about 4: a word of prose, no quantity to suggest
        return refuse("unknown_word", column, word=_shown(whole))
    misspelt = misspelling_of(whole)
    if misspelt is not None:  # weight where a size is written: said, never read as width
        meant, symbols = misspelt
        return refuse(
            "unknown_word_misspelt",
            column,
            word=_shown(whole),
            meant=meant,
            symbols=", ".join(symbols),
        )
    meaning = meaning_of_word(whole)
    if meaning is not None:
        return refuse(
            "unknown_word_meant",
            column,
            word=_shown(whole),
            role=meaning.id,
            symbols=", ".join(meaning.symbols),
        )
    if len(whole) > len(word):  # a fragment (arseInt of parseInt): name the word
        return refuse("unknown_word", column, word=_shown(whole))
    near = _nearest(word)
    if near:
        return refuse("unknown_symbol", column, word=_shown(word), near=", ".join(near))
    return refuse("unknown_word", column, word=_shown(word))


def unknown_letter(name: str) -> str | None:
    """The letter of a placeholder symbol (``"?F"`` -> ``"F"``), None for a symbol."""
    return name[len(UNKNOWN_PREFIX) :] if name.startswith(UNKNOWN_PREFIX) else None


def _own_split(text: str, start: int, end: int, col) -> tuple[list[Token], int | None]:
    """``text[start:end]`` as the book's spellings, longest first: (tokens, None), or
    ([], the index where no spelling starts)."""
    table, longest = _table()
    tokens, index = [], start
    while index < end:
        for length in range(min(longest, end - index), 0, -1):
            found = table.get(text[index : index + length].lower())
            if found:
                break
        else:
            return [], index
        match found:
            case Symbol(name):
                tokens.append(Token("SYMBOL", name, start_pos=col(index)))
            case Function():
                tokens.append(Token("FUNC", found.value, start_pos=col(index)))
        index += length
    return tokens, None


# whether a name read as a number (a parameter the book's layer holds at it: a dilation
# or the groups at 1, an output padding at 0) reads marked (set by held_read)
_HELD_MARKED: ContextVar[bool] = ContextVar("held_marked", default=False)


@contextmanager
def held_read():
    """Within it, a name the registry reads as a number v (its formula a whole number:
    the only such readings are the parameters the book's layer holds at a value) reads
    as ``v^1`` (:func:`held_mark`): the same value, so the answer is read as it was, with
    the places of those names told apart from the numbers it writes (the checker's
    check of where they stand)."""
    token = _HELD_MARKED.set(True)
    try:
        yield
    finally:
        _HELD_MARKED.reset(token)


def held_reading() -> bool:
    """Whether :func:`held_read` is on."""
    return _HELD_MARKED.get()


def held_mark(value: str) -> str:
    """A held parameter's value ``value`` as :func:`held_read` reads it: ``(v^1)``."""
    return f"({value}^1)"


def held_value(node: ex.Node) -> int | None:
    """The value a held parameter's mark (:func:`held_mark`, read: ``v^1``) stands for,
    or None for any other node."""
    match node:
        case ex.Pow(ex.Num(value), 1) if isinstance(value, int):
            return value
    return None


@cache
def _held_values() -> dict[str, str]:
    """:data:`.notations.HELD`'s symbols -> the value the model's Layer holds each at
    (its field's default; ``d``, both axes' dilation, at the one value of ``d_h`` and
    ``d_w``)."""
    from derivations.model import Layer
    from derivations.registry.symbols import BY_NAME

    values = {}
    for symbol in HELD:
        axes = (symbol,) if symbol in BY_NAME else (f"{symbol}_h", f"{symbol}_w")
        (value,) = {getattr(Layer, BY_NAME[name].attribute) for name in axes}
        values[symbol] = str(value)
    return values


def book_formula(formula: str) -> str:
    """A notation record's formula as the checker reads it: the symbol of a parameter
    every layer of the book holds at one value (:data:`.notations.HELD`: ``d_h``,
    ``g``) at the value the model's :class:`~derivations.model.Layer` holds it at
    (``"1"``); any other formula as it is."""
    return _held_values().get(formula, formula)


@cache
def book_spellings() -> dict[str, tuple[str, str, str]]:
    """:func:`.notations.notation_spellings`, each formula as :func:`book_formula` reads
    it."""
    return {
        written: (book_formula(formula), source, spelled)
        for written, (formula, source, spelled) in notation_spellings().items()
    }


def _book_stem(word: str) -> tuple[str, str, str] | None:
    """:func:`.notations.stem_of`, its formula as :func:`book_formula` reads it."""
    found = stem_of(word)
    return None if found is None else (book_formula(found[0]), *found[1:])


def _formula_tokens(formula: str) -> tuple[tuple[str, str], ...]:
    """A registry formula (``"p_h/2"``, data in the book's spellings) as (type, value)
    pairs of tokens, bracketed when it is more than one token; a whole number marked
    within :func:`held_read`."""
    if formula.isdigit() and _HELD_MARKED.get():
        formula = held_mark(formula)
    return _registry_tokens(formula)


@cache
def _registry_tokens(formula: str) -> tuple[tuple[str, str], ...]:
    tokens = tokenize(Normalized(formula, list(range(len(formula)))))
    pairs = tuple((token.type, str(token)) for token in tokens)
    return pairs if len(pairs) == 1 else (("LPAR", "("), *pairs, ("RPAR", ")"))


# PyTorch's padding[0]: the height's; ONNX's pads[2]: the height's end
_INDEX = lazy_pattern(r"\s*\[\s*(-?[0-9])\s*\]")
# an operand after a space, no operator between (``in c_o``): a preposition's object
_PREPOSITION = lazy_pattern(r"\s+[\w(\\$]")


def _notation(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A whole word of another notation (``registry/notations.yaml``), with PyTorch's
    index ``[0]``/``[1]`` when written: its formula's tokens, and a note saying how it
    was read; None when no notation has it."""
    table = book_spellings()
    if end - start == 2 and text[start:end].lower() == "in" and _PREPOSITION().match(text, end):
        # ``in c_o``: the preposition before an operand, never the input times it
        raise refuse("unknown_word", col(start), word=text[start:end])
    index = _INDEX().match(text, end)
    at = int(index.group(1)) if index else 0
    at = at + 2 if at in (-2, -1) else at  # a pair counted from its end: [-1] the width
    candidates = [(text[start:end] + f"[{at}]", index.end())] if index and at >= 0 else []
    candidates.append((text[start:end], end))
    for written, stop in candidates:
        found = table.get(_paired(written).lower())
        if found is None and stop == end:  # strides_height: the stem of a spelling
            found = _book_stem(written)
        if found:
            formula, source, _ = found
            column = col(start)
            tokens = [
                Token(kind, value, start_pos=column) for kind, value in _formula_tokens(formula)
            ]
            if notes is not None:
                notes.append(_note("notation", written=written, read=formula, source=source))
            return tokens, stop
    return None


# an answer indexing a parameter's sizes as PyTorch's Conv3d does, (depth, height, width):
# [1] the height's, [2] the width's (set by :func:`tokenize`)
_TRIPLE: ContextVar[bool] = ContextVar("triple", default=False)
_THIRD = lazy_pattern(r"([A-Za-z_][A-Za-z_0-9]*)\s*\[\s*2\s*\]")


# the answer's own words for a 3-D layer: Conv3d (PyTorch's, Keras' Conv3D), 3-D, a
# depth or a depth's size beside the height and width (D_in, D_out)
_THREE_D = lazy_pattern(
    r"(?i)conv_?3d|(?<![A-Za-z0-9])3-?d(?![A-Za-z0-9])|depth|\bD_\{?(?:in|out)\b"
)


def _triple(body: str) -> bool:
    """Whether ``body`` indexes a parameter of the layer with [2] (``padding[2]``,
    ``kernelSize[2]``), or indexes one and says it is 3-D (:data:`_THREE_D`: Conv3d,
    a depth): PyTorch's Conv3d's (depth, height, width), not a pair; a name a notation
    spells with [2] itself (ONNX's ``pads[2]``) is none.  Within :func:`triple_read`,
    always."""
    if "[" not in body:
        return False
    if _FORCED.get() or _THREE_D().search(body):
        return True
    table = book_spellings()
    for match in _THIRD().finditer(body):
        name = match.group(1).lower()
        if f"{name}[2]" in table:
            continue
        if f"{name}[0]" in table or _square(name) is not None:
            return True
    return False


# read every index as Conv3d's (set by :func:`triple_read`)
_FORCED: ContextVar[bool] = ContextVar("forced_triple", default=False)


@contextmanager
def triple_read():
    """Within it, :func:`tokenize` reads every parameter's index as PyTorch's Conv3d
    does (depth, height, width): [1] the height's, [2] the width's."""
    token = _FORCED.set(True)
    try:
        yield
    finally:
        _FORCED.reset(token)


_ONE_ONLY = lazy_pattern(r"\[\s*([0-9])\s*\]")


def three_d_said(answer: object) -> bool:
    """Whether ``answer`` indexes names and says, anywhere in it (a label, a sentence
    around the formula), that the layer is 3-D (:data:`_THREE_D`: ``Conv3d: …``)."""
    return isinstance(answer, str) and "[" in answer and _THREE_D().search(answer) is not None


def second_index_only(answer: object) -> bool:
    """Whether ``answer`` indexes names with [1] only (never [0] or [2]) and does not
    say it is 3-D: its [1] is the width's in Conv2d's order and the height's in
    Conv3d's, and nothing in it says which."""
    if not isinstance(answer, str) or "[" not in answer:
        return False
    indexes = set(_ONE_ONLY().findall(answer))
    return indexes == {"1"} and _THREE_D().search(answer) is None


_SECOND = lazy_pattern(r"[A-Za-z_][A-Za-z_0-9]*\s*\[\s*1\s*\]")
_FIRST = lazy_pattern(r"[A-Za-z_][A-Za-z_0-9]*\s*\[\s*0\s*\]")


def _height_by_second(body: str, start: int) -> bool:
    """Whether the answer names the output's height (``H_out = …``, its label before
    ``start``) and indexes parameters with [1] only, never [0]: PyTorch's Conv3d's
    height (depth, height, width), which a pair would read as the width's."""
    label = body[:start].strip().rstrip("=").strip()
    if not label or not _SECOND().search(body, start) or _FIRST().search(body, start):
        return False
    composed = compose(label)
    return composed is not None and composed.read == "m_h"


def _paired(written: str) -> str:
    """``written`` (``padding[1]``) as the pair's spelling a notation reads: under a
    triple's indexing, [1] is the pair's [0] (the height), [2] its [1] (the width)."""
    if not _TRIPLE.get() or not written.endswith(("[1]", "[2]")):
        return written
    return written[:-3] + f"[{int(written[-2]) - 1}]"


_MEMBER = lazy_pattern(r"\.([A-Za-z_][A-Za-z_0-9]*)")


def _member(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A struct's member a notation spells with its object (darknet's ``l.size``,
    ``l.out_h``): its formula's tokens and a note; None when the dotted name is no
    notation's (``No. of``, a full stop)."""
    match = _MEMBER().match(text, end)
    if match is None:
        return None
    written = text[start : match.end()]
    found = book_spellings().get(written.lower())
    if found is None:
        return None
    formula, source, _ = found
    if notes is not None:
        notes.append(_note("notation", written=written, read=formula, source=source))
    column = col(start)
    tokens = [Token(kind, value, start_pos=column) for kind, value in _formula_tokens(formula)]
    return tokens, match.end()


_NEXT_WORD = lazy_pattern(r" +([A-Za-z][A-Za-z0-9]*)")


def _joined(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A name of two to four words (``Input Size``, ``Number of Filters``) that a
    notation spells joined by ``_`` (or its stem does), longest first, never one of
    single letters only (``D F``: a product); None if none."""
    words, stops, index = [text[start:end]], [end], end
    while len(words) < 4:
        match = _NEXT_WORD().match(text, index)
        if match is None:
            break
        words.append(match.group(1))
        stops.append(index := match.end())
    for count in range(len(words), 1, -1):
        if all(len(word) == 1 for word in words[:count]) and not _squared(
            text, start, words[:count]
        ):
            continue  # letters side by side are a product (CS231n's D F F), not D_F (E19)
        key = "_".join(words[:count]).lower()
        found = book_spellings().get(key) or _book_stem(key)
        if found:
            formula, source, _ = found
            column = col(start)
            tokens = [Token(k, v, start_pos=column) for k, v in _formula_tokens(formula)]
            if notes is not None:
                written = " ".join(words[:count])
                notes.append(_note("notation", written=written, read=formula, source=source))
            return tokens, stops[count - 1]
    return None


def _squared(text: str, start: int, letters: list) -> bool:
    """Whether the letters written apart from ``start`` (``D F``) are written squared, as
    MobileNets' cost writes a square layer's sizes (``D F · D F``, ``D K D K``, ``D F^2``):
    only then are single letters joined into a notation's name (s13exam E19: CS231n's
    ``K D F F``, depth D and filter size F, was read as MobileNets' D_F)."""
    apart = r"\s+".join(map(re.escape, letters))
    times = r"\s*(?:[·*×⋅]\s*)?"
    after = rf"{apart}{times}{apart}(?![A-Za-z0-9_])|{apart}\s*(?:\^\s*2|²)"
    before = rf"(?<![A-Za-z0-9_]){apart}{times}$"
    return bool(re.match(after, text[start:]) or re.search(before, text[:start]))


# the next word of a name written as words, an abbreviation's full stop before it
# (No. of Kernels, Inp. channels)
_PHRASE_WORD = lazy_pattern(r"\.? +([A-Za-z][A-Za-z0-9]*)")


def _phrase(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A name of two to five words, each a part of a role (``output rows``, ``No. of
    Kernels``), read by its parts (:func:`.names.phrase`), longest first; None if none."""
    words, stops, index = [text[start:end]], [end], end
    while len(words) < 5:
        match = _PHRASE_WORD().match(text, index)
        if match is None:
            break
        words.append(match.group(1))
        stops.append(index := match.end())
    for count in range(len(words), 1, -1):
        if phrase(words[:count]) is not None:
            name = "_".join(words[:count])
            tokens = _composed(name, text[start : stops[count - 1]], start, col, notes)
            if tokens is not None:
                return tokens, stops[count - 1]
    return None


def _padding_reading(words: str) -> bool:
    from derivations.checking.reading.informal import padding_reading

    return padding_reading(words)


def _note(key: str, **fields):
    from derivations.checking.reading.informal import Note

    return Note(f"reading.note.{key}", tuple(sorted((k, str(v)) for k, v in fields.items())))


# read a run of letters that is both a product of the book's letters and a name (ks:
# k·s, or fastai's kernel size) as the name (set by :func:`names_read`)
_NAMES: ContextVar[bool] = ContextVar("names", default=False)


@contextmanager
def names_read():
    """Within it, :func:`tokenize` reads a run of letters that is both a product of the
    book's letters and a name (:func:`named_products`) as the name."""
    token = _NAMES.set(True)
    try:
        yield
    finally:
        _NAMES.reset(token)


# read a word no spelling, notation or name reads as a placeholder too, not refused
# (set by :func:`words_held_open`: the checker's second look at a refused answer)
_OPEN: ContextVar[bool] = ContextVar("open", default=False)


@contextmanager
def words_held_open():
    """Within it, :func:`tokenize` reads a word it would refuse as unknown (``dkernel``,
    ``active_elements_count``, a Chinese word with a meaning) as a placeholder named as
    written, for the checker to try every reading of
    (:mod:`derivations.checking.every_reading`); anything else it refuses, it still
    refuses."""
    token = _OPEN.set(True)
    try:
        yield
    finally:
        _OPEN.reset(token)


def _held_open(word: str, column: int) -> list[Token]:
    return [Token("SYMBOL", UNKNOWN_PREFIX + word, start_pos=column)]


def _is_product(word: str, tokens: list[Token]) -> bool:
    """Whether the book's spellings read ``word`` (letters only) as a product of two or
    more of its symbols (``ks``: k·s; ``HH``: h·h)."""
    return word.isalpha() and len(tokens) > 1 and all(t.type == "SYMBOL" for t in tokens)


def _as_name(text: str, start: int, end: int, col, notes):
    """``text[start:end]`` read as a name: a whole word of another notation (fastai's
    ``ks``, CS231n's ``HH``) or a name its parts read as one quantity; None if neither."""
    found = _notation(text, start, end, col, notes)
    if found is not None:
        return found
    word = text[start:end]
    composed = _composed(word, word, start, col, notes, direct=True)
    return (composed, end) if composed is not None else None


_RUN = re.compile(r"(?<![A-Za-z0-9_\\])[A-Za-z]{2,}(?![A-Za-z0-9_])")


def named_products(text: object) -> tuple[str, ...]:
    """The runs of letters of ``text`` that the book's spellings read as a product of
    its letters and a notation or a name's parts read as one name (``ks``: k·s, or the
    kernel size; ``HH``: h·h, or CS231n's filter height): the answer has two readings."""
    if not isinstance(text, str):
        return ()
    found = []
    for match in _RUN.finditer(text):
        word = match.group()
        own, failed = _own_split(word, 0, len(word), lambda i: i + 1)
        named = failed is None and _is_product(word, own)
        if named and _as_name(word, 0, len(word), lambda i: i + 1, None) is not None:
            found.append(word)
    return tuple(dict.fromkeys(found))


def product_letters(word: str) -> list[str]:
    """The book's symbols a run of letters reads as, in order (``ks``: k, s)."""
    own, _ = _own_split(word, 0, len(word), lambda i: i + 1)
    return [str(token) for token in own]


def _read_word(text: str, start: int, end: int, col, notes, letters: bool):
    """``text[start:end]`` as one word: (tokens, where they end: past ``[0]`` after a
    word of PyTorch's), or (None, the index where no spelling of the book starts).
    Within :func:`names_read`, a product of the book's letters that is also a name is
    read as the name."""
    word = text[start:end]
    if letters and word in notation_letters():  # K, N: their readings inferred
        return [Token("SYMBOL", UNKNOWN_PREFIX + word, start_pos=col(start))], end
    own, failed = _own_split(text, start, end, col)
    if failed is None and _NAMES.get() and _is_product(word, own):
        named = _as_name(text, start, end, col, notes)
        if named is not None:
            return named
    if failed is None:
        if _split_oddly(word, own):
            composed = _composed(word, word, start, col, notes, direct=True)
            if composed is not None:
                return composed, end
        return own, end
    other = (
        _joined(text, start, end, col, notes)
        or _phrase(text, start, end, col, notes)
        or _notation(text, start, end, col, notes)
    )
    if other is not None:
        return other
    named = named_count(word)
    if named is not None:  # muls: another count of the layer, read by the checker
        return [Token("SYMBOL", f"{NAMED_PREFIX}{named}:{word}", start_pos=col(start))], end
    if len(word) == 1 and word.isalpha() and (word not in "xX" or _operand(text, start, end)):
        # x between two factors is a times sign; beside an operator (x + 2p), a letter
        return [Token("SYMBOL", UNKNOWN_PREFIX + word.upper(), start_pos=col(start))], end
    if PRIMED().fullmatch(word):  # M': an author's own letter, inferred by its letter's role
        return [Token("SYMBOL", UNKNOWN_PREFIX + word, start_pos=col(start))], end
    if own_decorated(word):  # as written: h0 and H0 are an author's two names
        return [Token("SYMBOL", UNKNOWN_PREFIX + word, start_pos=col(start))], end
    composed = None if _unit_like(text, start, end) else _composed(word, word, start, col, notes)
    if composed is not None:
        return composed, end
    if DECORATED().fullmatch(word):  # a letter of no role with a subscript (L_in)
        return [Token("SYMBOL", UNKNOWN_PREFIX + word, start_pos=col(start))], end
    return None, failed


_OPERATOR_BEFORE = lazy_pattern(r"(?:^|[-+*/^(\[{,=]|(?<![A-Za-z0-9_])[xX])\s*$")
_OPERATOR_AFTER = lazy_pattern(r"\s*(?:[-+*/^)\]},]|[xX](?![A-Za-z0-9_]))")


def _operand(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` stands where an operand does, an operator or
    a bracket (or an end) on one side of it (``(x + 2p``, ``- x)``), not between two
    factors (``k x k``)."""
    before = _OPERATOR_BEFORE().search(text, 0, start) is not None
    rest = text[end:].strip()
    after = rest == "" or _OPERATOR_AFTER().match(text, end) is not None
    return before or after


def _unit_like(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]``, one word of a role of several quantities
    (``channels``, ``size``: :func:`.names.one_word_hint`), stands as a unit or a count
    word does, beside a formula with no operator on either side (``c_o channels``):
    then it is not read as a quantity (a factor is written with one: ``Channels x
    K1``, ``size*size``, ``(size + 2*padding``)."""
    if not one_word_hint(text[start:end]):
        return False
    before = _OPERATOR_BEFORE().search(text, 0, start) is not None
    after = text[end:].strip() != "" and _OPERATOR_AFTER().match(text, end) is not None
    return not before and not after


def _split_oddly(word: str, tokens: list[Token]) -> bool:
    """Whether the book's spellings read ``word`` in a way no author means: as a
    function and its argument (``oh``: O(h)), or a name with ``_`` as a product
    (``H_inp``: h·p); a reading by its parts, when there is one, is taken instead."""
    return any(t.type == "FUNC" for t in tokens) or ("_" in word and len(tokens) > 1)


def _composed(
    name: str, written: str, start: int, col, notes, direct: bool = False
) -> list[Token] | None:
    """``name`` read by its parts (:mod:`.names`): the tokens of the quantity they name,
    with a note saying how ``written`` was read, or (unless ``direct``) a placeholder of
    the name (its candidates the quantities they allow) for inference; None when its
    parts name nothing."""
    both = padded_or_padding(name)
    if both is not None:  # W_p: the padded width or the width's padding, not said
        raise refuse("padded_or_padding", col(start), word=written, padded=both[0], padding=both[1])
    composed = compose(name)
    if composed is None or (direct and composed.read is None):
        return None
    if composed.read is None:
        return [Token("SYMBOL", UNKNOWN_PREFIX + name, start_pos=col(start))]
    if notes is not None:
        meant = misspelt(name)
        if meant is None:
            note = _note("notation", written=written, read=composed.read, source=COMPOSED_SOURCE)
        else:  # said with the word it misspells: never a silent guess
            note = _note(
                "notation", written=written, read=composed.read, source=MISSPELT_SOURCE, meant=meant
            )
        notes.append(note)
    return [
        Token(kind, value, start_pos=col(start)) for kind, value in _formula_tokens(composed.read)
    ]


# a letter with one or two primes the book's spellings do not read (M', N''): an
# author's own name, a placeholder whose role is its letter's decorated role
PRIMED = lazy_pattern(r"[A-Za-z]'{1,2}")
_INDEX_AFTER = lazy_pattern(r"\[\s*(-?[0-9])\s*\]")
_SQUARE = ("k", "s", "p")  # a square layer's one kernel size, stride, padding


# a square layer's one size (input_size: h, out_size: m_h) indexed: its pair's sizes
_SIZE_PAIRS = {"h": ("h", "w"), "m_h": ("m_h", "m_w")}


def _square_size(word: str) -> tuple[str, str] | None:
    """(the size, the source) of a name that reads by its parts as a square layer's one
    size with no axis part (``out_size``, ``input_size``: m_h, h), whose [0] and [1] are
    the height's and the width's; None for any other name."""
    composed = compose(word)
    if composed is None or composed.read not in _SIZE_PAIRS:
        return None
    if any(role_of(part) in ("height", "width") for part in split_parts(word)):
        return None
    return composed.read, COMPOSED_SOURCE


def _square(word: str) -> tuple[str, str] | None:
    """(the book's symbol, the source) of a name that reads as a parameter of a square
    layer (``ks``, ``strides``, ``kernel_size``, the book's ``k``: k, s) or the dilation
    (``"1"``)."""
    found = book_spellings().get(word.lower()) or _book_stem(word)
    if found is not None:
        formula, source, _ = found
        return (formula, source) if formula in (*_SQUARE, "1") else None
    composed = compose(word)
    if composed is not None and composed.read in (*_SQUARE, "1"):
        return composed.read, COMPOSED_SOURCE
    own = spellings().get(word.lower())  # the book's k[0]: never k·0
    if isinstance(own, Symbol) and own.name in _SQUARE:
        return own.name, COMPOSED_SOURCE
    return None


# the square sizes of a tensor's spatial axes, by the first two sizes a name allows
_SPATIAL: dict[tuple[str, ...], str] = {("h", "w"): "h", ("m_h", "m_w"): "m_h", ("k_h", "k_w"): "k"}
_OBJECT_SIZES = {"input": "h", "output": "m_h"}
_OBJECT_LETTERS = 3  # letters of a tensor's name alone read indexed (inp[i]; not x[i])


def _spatial_size(word: str) -> tuple[str, str] | None:
    """(the square size, the source) of a tensor's shape or sizes indexed by a loop's
    variable over its spatial axes (``input_spatial_shape[i]``, ``in_shape[d]``: h;
    ``output_spatial_shape[i]``: m_h), or of a tensor's name alone of three letters or
    more (``inp[i]``, ``output[d]``: its size along axis i, as code that loops over the
    axes beside ``stride[i]`` writes it); None for any other name."""
    composed = compose(word)
    if composed is not None and composed.read is None:
        size = _SPATIAL.get(composed.hints[:2])
        return (size, COMPOSED_SOURCE) if size else None
    size = _OBJECT_SIZES.get(role_of(word) or "") if len(word) >= _OBJECT_LETTERS else None
    return (size, COMPOSED_SOURCE) if composed is None and size else None


# a parameter's array indexed by a loop's variable (Caffe's pad_data[i]: the i-th axis's;
# DeepSpeed's profiler loops over the axes with idx: paddings[idx], strides[idx])
@cache
def _loop_index() -> re.Pattern:
    """``[i]``, ``[idx]``: a loop's variable's names (:func:`.notations.loop_indices`)."""
    names = sorted(map(re.escape, loop_indices()), key=len, reverse=True)
    return re.compile(rf"\[\s*(?:{'|'.join(names)})\s*\]")


def _looped(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A parameter's name indexed by a loop's variable (``pad_data[i]``,
    ``stride[i]``, as Caffe's conv_layer.cpp writes ``pad_data[i]``,
    ``stride_data[i]``): the parameter of whichever axis, read as a square layer's
    (p, s, k; a dilation's, ``dilations[idx]``, the book's 1), or a size (``inp[i]``,
    ``out_size[i]``: h, m_h); None for any other name."""
    match = _loop_index().match(text, end)
    if match is None:
        return None
    square = (
        _square(text[start:end]) or _square_size(text[start:end]) or _spatial_size(text[start:end])
    )
    if square is None or (square[0] == "1" and role_of(text[start:end]) != "dilation"):
        return None  # a dilation's per axis (dilations[idx]: 1), not a groups' (groups[i])
    symbol, source = square
    if notes is not None:
        written = text[start : match.end()]
        notes.append(_note("notation", written=written, read=symbol, source=source))
    return [Token(k, v, start_pos=col(start)) for k, v in _formula_tokens(symbol)], match.end()


def _indexed(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A name with an index after it (``ks[0]``, ``strides[1]``, ``i_shape[2]``): a
    parameter of a square layer's name with [0] or [1] reads as its height's or width's
    (a pair is (height, width), as PyTorch's and Keras' are; PyTorch's own spellings,
    ``kernel_size[0]``, as their record says); a shape's name (:func:`.names.shape_hints`)
    is a placeholder ``?i_shape[2]`` for inference among its layouts' sizes at that
    index; None otherwise (the index read as the formula's bracket, as always)."""
    match = _INDEX_AFTER().match(text, end)
    if match is None:
        return _looped(text, start, end, col, notes) if "[" in text[end : end + 3] else None
    word, index = text[start:end], int(match.group(1))
    written = f"{word}[{index}]"  # as the answer has it: the index below may be moved
    table = book_spellings()
    if f"{word}[{index}]".lower() not in table and shape_hints(word, index):
        placeholder = f"{UNKNOWN_PREFIX}{word}[{index}]"  # a shape's: as written
        return [Token("SYMBOL", placeholder, start_pos=col(start))], match.end()
    if index in (-2, -1):  # a pair counted from its end, as Python does: [-1] the width
        index += 2
    elif index < 0:
        raise refuse("unknown_word", col(start), word=_shown(f"{word}[{index}]"))
    pair = axes_pair(word) if index in (0, 1) else None
    if pair is not None:  # h_w_dims[0]: the pair its parts name, in their order
        formula = pair[index]
        if notes is not None:
            notes.append(
                _note("notation", written=f"{word}[{index}]", read=formula, source=COMPOSED_SOURCE)
            )
        tokens = [Token(k, v, start_pos=col(start)) for k, v in _formula_tokens(formula)]
        return tokens, match.end()
    if _TRIPLE.get() and index in (1, 2) and f"{word}[2]".lower() not in table:
        index -= 1  # Conv3d's (depth, height, width): [1] the height, [2] the width
    if f"{word}[{index}]".lower() in table:
        return None  # PyTorch's padding[0]: its record's reading (:func:`_paired`)
    square = _square(word) if index in (0, 1) else None
    if square is None and index in (0, 1):
        square = _square_size(word)
    if square is None:
        # glued to its name, an index is never a bracket of a product (out_size[0] is no
        # m_h·0): a name no rule reads indexed is refused as written
        if end == match.start():
            raise refuse("unknown_word", col(start), word=_shown(written))
        return None
    symbol, source = square
    if symbol == "1":
        formula = symbol
    elif symbol in _SIZE_PAIRS:
        formula = _SIZE_PAIRS[symbol][index]
    else:
        formula = f"{symbol}_{'hw'[index]}"
    if notes is not None:
        notes.append(_note("notation", written=f"{word}[{index}]", read=formula, source=source))
    tokens = [Token(kind, value, start_pos=col(start)) for kind, value in _formula_tokens(formula)]
    return tokens, match.end()


def _layered(text: str, start: int, end: int, col, notes) -> tuple[list[Token], int] | None:
    """A name with a layer superscript after it (``n_c^{[l]}``, ``p^{[l]}``): read by its
    parts, the superscript one of them (the layer's output, or ``[l-1]`` its input);
    None when there is none or the parts name nothing."""
    match = LAYER.match(text, end)
    if match is None:
        return None
    word = text[start:end]
    tokens = _composed(word + layer_suffix(match), text[start : match.end()], start, col, notes)
    return (tokens, match.end()) if tokens is not None else None


# what may follow a word and make it part of something longer than the word: a layer
# superscript (``^[l]``, :func:`_layered`), an index (``[0]``, :func:`_indexed`), a
# member or an abbreviation's full stop (``l.size``, ``No. of``)
_LONGER = frozenset("^[.")


def _spelled_whole(text: str, start: int, end: int, col) -> list[Token] | None:
    """The fast path of :func:`_word_tokens` (its caller's ``previous`` and ``letters``
    false): a word the book spells as one symbol as a whole (``c_o``, ``k_h``) with
    nothing after it that makes it longer (:data:`_LONGER`) is that symbol, the token
    :func:`_own_split` reads first (longest first from ``start``) and :func:`_read_word`
    keeps (one symbol: no product, no function); None where the general path decides."""
    if end < len(text) and text[end] in _LONGER:
        return None
    found = _table()[0].get(text[start:end].lower())
    if type(found) is not Symbol:
        return None
    return [Token("SYMBOL", found.name, start_pos=col(start))]


def _word_tokens(
    text: str,
    start: int,
    col,
    notes=None,
    letters: bool = False,
    previous: bool = False,
) -> tuple[list[Token], int]:
    """:func:`_read_name`'s tokens; a name read with its index (``padding[0]``) and a
    second index glued after it (``stride[0][1]``) is refused as written: the second
    index is never a bracket of a product (a padding's side indexed twice is read by
    :mod:`.code` before)."""
    tokens, stop = _read_name(text, start, col, notes, letters, previous)
    if text[stop - 1 : stop] == "]" and text[stop : stop + 1] == "[":
        second = _INDEX_AFTER().match(text, stop)
        shown = text[start : second.end() if second else stop + 1]
        raise refuse("unknown_word", col(start), word=_shown(shown))
    return tokens, stop


BATCH_WORD_NOTE = "reading.note.batch_word"


def _batch_word(word: str, tokens: list[Token], notes) -> None:
    """Note a word the book spells as the batch n (``batch_size``, not the letter n):
    the batch as written, never the input size an output size's bare n is
    (:func:`.notation.n_as_input_size`; ``(batch_size - k_h + p_h + s_h)//s_h`` was
    read as the input's height and accepted)."""
    if notes is not None and len(tokens) == 1 and tokens[0].value == "n" and len(word) > 1:
        notes.append(_note("batch_word", written=word))


def _read_name(
    text: str,
    start: int,
    col,
    notes,
    letters: bool,
    previous: bool,
) -> tuple[list[Token], int]:
    """A run of letters: the book's spellings (longest first), else one word of another
    notation, else a single letter or a letter with a digit (``H0``) as a placeholder
    to infer, else such a word with a times sign ``x`` after it (``c0x``); else
    refused.  ``letters``: a letter other notations read otherwise (K, N) is a
    placeholder too (inference tries the book's reading and theirs).  ``previous``: the
    answer marks the previous layer's quantities (``n_C_prev``), so a name of parts
    with no such mark is the layer's own, its output's (``n_H``:
    :func:`.names.layer_own`)."""
    # the caller saw a letter or "_" at ``start``: a word starts there
    end = cast(re.Match[str], _WORD.match(text, start)).end()
    if not previous and not letters:
        spelled = _spelled_whole(text, start, end, col)
        if spelled is not None:
            _batch_word(text[start:end], spelled, notes)
            return spelled, end
    layered = _layered(text, start, end, col, notes)
    if layered is not None:
        return layered
    indexed = _indexed(text, start, end, col, notes)
    if indexed is not None:
        return indexed
    if previous and layer_own(text[start:end]):
        own = _composed(text[start:end] + "^[l]", text[start:end], start, col, notes)
        if own is not None:
            return own, end
    if text.startswith(".", end):  # darknet's l.size; an abbreviation (No. of Kernels)
        member = _member(text, start, end, col, notes)
        if member is not None:
            return member
        abbreviated = _phrase(text, start, end, col, notes)
        if abbreviated is not None:
            return abbreviated
    tokens, stop = _read_word(text, start, end, col, notes, letters)
    if tokens is not None:
        _batch_word(text[start:end], tokens, notes)
        return tokens, stop  # (past PyTorch's [0] after a word of its notation)
    failed = stop
    word = text[start:end]
    if len(word) > 1 and word[-1] in "xX" and word[-2] != "_":
        before, stop = _read_word(text, start, end - 1, col, notes, letters)
        if before is not None and stop == end - 1:
            return [*before, Token("STAR", "x", start_pos=col(end - 1))], end
    if _OPEN.get():
        return _held_open(word, col(start)), end
    # the part no spelling reads (the whole word when its first letter is that part)
    part = text[failed:end] if failed > start else word
    fragment = len(word) > len(part)
    raise _unknown(part, word, col(start if fragment or meaning_of_word(word) else failed))


# a run of Chinese characters, Japanese kana (カーネル) or Korean syllables (패딩)
_CJK = lazy_pattern(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]+")
_SPACED_RUN = lazy_pattern(r" ([\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]+)")


def _cjk_tokens(text: str, start: int, col, notes) -> tuple[list[Token], int] | None:
    """A run of Chinese, Japanese or Korean characters that is a notation's word
    (``步幅``, ``填充``, ``パディング``), or a name of parts (``卷积核高``, ``入力サイズ``,
    Korean's words apart, ``필터 크기``), longest first from ``start``; None when none
    starts there."""
    run = cast(re.Match[str], _CJK().match(text, start))
    spaced = _cjk_spaced(text, start, run.end(), col, notes)
    if spaced is not None:
        return spaced
    for stop in range(run.end(), start, -1):
        found = _notation(text, start, stop, col, notes) or _cjk_composed(
            text, start, stop, col, notes
        )
        if found is not None:
            return found
    return None


def _cjk_spaced(text: str, start: int, end: int, col, notes):
    """Two or three runs one space apart read as one name by their parts (Korean writes
    a name's words apart: ``필터 크기``, ``입력 채널 수``), longest first; None if none."""
    stops, index = [end], end
    while len(stops) < 3:
        match = _SPACED_RUN().match(text, index)
        if match is None:
            break
        stops.append(index := match.end())
    for count in range(len(stops), 1, -1):
        written = text[start : stops[count - 1]]
        parts: list[str] = []
        for word in written.split(" "):
            pieces = segmented(word)
            if pieces is None:
                break
            parts += pieces
        else:
            composed = phrase(parts, shortest=1)
            if composed is not None:
                tokens = _composed("_".join(parts), written, start, col, notes)
                if tokens is not None:
                    return tokens, stops[count - 1]
    return None


def _cjk_composed(text: str, start: int, stop: int, col, notes):
    """``text[start:stop]`` (Chinese) read by its parts (``卷积核高``: k_h), or None."""
    parts = segmented(text[start:stop])
    if parts is not None and len(parts) == 1:  # パディング, 패딩: a parameter's word
        alone = parameter_word(parts[0])
        if alone is None or alone.read is None:
            return None
        if notes is not None:
            notes.append(
                _note("notation", written=parts[0], read=alone.read, source=COMPOSED_SOURCE)
            )
        column = col(start)
        return [Token(k, v, start_pos=column) for k, v in _formula_tokens(alone.read)], stop
    composed = phrase(parts, shortest=1) if parts else None
    if composed is None:
        return None
    tokens = _composed("_".join(cast(list, parts)), text[start:stop], start, col, notes)
    return (tokens, stop) if tokens is not None else None


def _command_token(text: str, index: int, col) -> tuple[Token, int]:
    match = _COMMAND().match(text, index)
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


_PREVIOUS = re.compile(
    r"(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]*?)_(?:prev|previous)(?![A-Za-z0-9_])"
)


def tokenize(
    text: Normalized, start: int = 0, notes: list | None = None, letters: bool = False
) -> list[Token]:
    """Tokens of ``text`` from index ``start`` (past a ``name =``), with 1-based
    original columns; raise :class:`InvalidAnswer` on anything that is not part of a
    formula.  A final full stop is dropped.  ``notes`` receives how words of other
    notations were read; ``letters``: see :func:`_word_tokens`."""
    body, index = _without_full_stop(text.text), start
    col = text.column
    previous = _PREVIOUS.search(body) is not None
    triple = _TRIPLE.set(_triple(body) or _height_by_second(body, start))
    try:
        return _tokens(body, index, col, notes, letters, previous)
    finally:
        _TRIPLE.reset(triple)


def _tokens(body: str, index: int, col, notes, letters: bool, previous: bool) -> list[Token]:
    """:func:`tokenize`'s loop over ``body`` from ``index``."""
    tokens: list[Token] = []
    runs: list[tuple[int, int, str]] = []  # the words read: (first token, end token, text)
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
            words, stop = _word_tokens(body, index, col, notes, letters, previous)
            runs.append((len(tokens), len(tokens) + len(words), body[index:stop]))
            tokens.extend(words)
            index = stop
            continue
        if not char.isascii() and _CJK().match(char):  # no ASCII character is CJK
            found = _cjk_tokens(body, index, col, notes)
            if found is not None:
                runs.append((len(tokens), len(tokens) + len(found[0]), body[index : found[1]]))
                tokens.extend(found[0])
                index = found[1]
                continue
            run = cast(re.Match[str], _CJK().match(body, index)).group()
            if meaning_of_word(run) is not None:  # 输出大小: said by its meaning
                if _OPEN.get():
                    tokens.extend(_held_open(run, col(index)))
                    index += len(run)
                    continue
                raise _unknown(run, run, col(index))
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
        raise _empty(notes)
    if len(runs) > 1 and "LPAR" in {t.type for t in tokens}:
        tokens = _without_glosses(tokens, runs, notes)
    return _without_appositions(tokens, runs, notes) if len(runs) > 1 else tokens


def _empty(notes: list | None) -> InvalidAnswer:
    """The refusal of a formula with no token: ``reading.remark_only`` naming the
    remarks in brackets read away where they were all it held (``（乘法）``), else
    ``reading.empty``."""
    remarks = [dict(n.fields)["remark"] for n in notes or () if n.key == _REMARK_NOTE]
    if remarks:
        return refuse("remark_only", remark="; ".join(remarks))
    return refuse("empty")


_REMARK_NOTE = "reading.note.remark"


# a word naming a quantity (``output size``, ``卷积核大小``), not a letter or a name with
# a subscript (``m_h``, ``H_{out}``)
_NAMING_WORD = lazy_pattern(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]|[A-Za-z]{3,}(?:\s|$)")
_LETTER = lazy_pattern(r"[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?'?")
# a square layer's one letter for each axis's (``kernel size k_h k_w``: the kernel size's)
_FAMILY = {"k_h": "k", "k_w": "k", "p_h": "p", "p_w": "p", "s_h": "s", "s_w": "s"}


def _without_glosses(tokens: list[Token], runs: list, notes: list | None) -> list[Token]:
    """``tokens`` without each bracket of words right after letters that names them (a
    gloss: ``c_o (output channels)``, ``c_i h w (input)``, ``c_o（输出通道数）``: the
    letters, never the letters times the words; s14exam E14, E27): a bracket holding only
    words (:data:`_NAMING_WORD`) read as letters, each of which is among the letters
    written side by side right before it, each named (the run's end), or their square
    layer's one letter (``(kernel)`` after ``k_h k_w``), noted; also letters of the run
    before it (``c_i h w (input) + …``) unless the letter right before it is a sibling of
    one named (``c_o c_i (filters)``: c_o, c_i; ``m_h m_w (output height)``).  A gloss naming other letters than those right before it
    (``c_o (input channels)``) is refused naming both: read either way, a wrong answer
    could pass as the letter it glosses or a right one as the product; one closing the
    answer is dropped and noted as the answer's name (``gloss_answer``: ``… m_w (output
    height)``), which the checker judges as a label."""
    spans = {first: (end, text) for first, end, text in runs}
    dropped: set[int] = set()
    for first, (end, text) in spans.items():
        if not (first > 0 and end < len(tokens)) or tokens[first - 1].type != "LPAR":
            continue
        stop, words = end, [text]
        while stop in spans and stop < len(tokens) and tokens[stop].type != "RPAR":
            stop, more = spans[stop]
            words.append(more)
        if stop >= len(tokens) or tokens[stop].type != "RPAR":
            continue
        said = " ".join(w.strip() for w in words)
        inside = tokens[first:stop]
        if not _NAMING_WORD().search(said + " ") or any(
            t.type != "SYMBOL" or t.value[:1] in (UNKNOWN_PREFIX, NAMED_PREFIX) for t in inside
        ):
            continue
        letters, at = [], first - 1
        while at > 0 and tokens[at - 1].type == "SYMBOL" and at - 1 not in dropped:
            owner = next((f for f, (e, _) in spans.items() if f <= at - 1 < e), None)
            if owner is None or _NAMING_WORD().search(spans[owner][1] + " "):
                break
            letters.append(tokens[at - 1].value)
            at -= 1
        if not letters:
            continue  # 2 (input), ) (input): no letter glossed
        named = {t.value for t in inside}
        # the letters it names must end the run: those right before it, each named
        # (``c_o c_i (filters)``, ``… m_h m_w (output height)`` name no letter at the end)
        written: set = set()
        for letter in letters:
            if letter not in named and _FAMILY.get(letter) not in named:
                break
            written |= {letter, _FAMILY.get(letter, letter)}
        shown = " ".join(reversed(letters))
        # never past the letter right before it when that is a sibling of one named
        # (``c_o (channels) c_i (filters)``: the filters are c_o, not c_i, s15rev F8;
        # ``… m_h m_w (output height)``, s15text)
        sibling = letters[0] not in named and letters[0].split("_")[0] in {
            letter.split("_")[0] for letter in named
        }
        glossed = _glossed_letter(tokens, spans, first - 2)
        if glossed is not None and len(named) == 1 and letters[0] not in named:
            # a letter no spelling of ours names (``U``, a placeholder) or one read
            # otherwise than written (``K``: k; CS231n's ``F``), glossed by words naming
            # one quantity (``U (kernel width)``, ``K (stride)``, ``F (number of
            # filters)``): the gloss says what it is, never left to inference or to
            # another notation to make the answer right as whatever quantity it lacks
            # (s18wrong F2)
            (meant,) = named
            tokens[first - 2] = Token("SYMBOL", meant, start_pos=tokens[first - 2].start_pos)
            dropped.update(range(first - 1, stop + 1))
            if notes is not None:
                notes.append(_note("gloss", words=said, letters=glossed))
            continue
        if stop == len(tokens) - 1 and _padding_reading(said):
            # after the whole formula, how its padding counts (``(total padding)``,
            # ``（总填充）``): a remark the checker reads, never the answer's name
            dropped.update(range(first - 1, stop + 1))
            if notes is not None:
                notes.append(_note("remark", remark=said))
            continue
        if not named <= written and not sibling and stop == len(tokens) - 1:
            # after the whole formula: what the answer gives, judged as its name is
            # (``(h + p_h - k_h + s_h)//s_h（输出的高度）``; s15text)
            dropped.update(range(first - 1, stop + 1))
            if notes is not None:
                notes.append(_note("gloss_answer", label=said))
            continue
        if not named <= written and not sibling:
            # within a formula, a tensor's word names its whole run (``c_i h w (input) + …``)
            written = {*letters, *(_FAMILY.get(letter, letter) for letter in letters)}
        if not named <= written:
            raise refuse(
                "gloss_other",
                tokens[first - 1].start_pos,
                words=said,
                named=", ".join(sorted(named)),
                letters=shown,
            )
        dropped.update(range(first - 1, stop + 1))
        if notes is not None:
            notes.append(_note("gloss", words=said, letters=shown))
    return [t for i, t in enumerate(tokens) if i not in dropped] if dropped else tokens


def _glossed_letter(tokens: list[Token], spans: dict, at: int) -> str | None:
    """The letter as written of the symbol token ``tokens[at]`` where it is one letter
    (a prime aside) that no spelling of ours reads as written: a placeholder (``U``) or
    a letter read as another symbol (``K``: k, ``F``: CS231n's k); None otherwise (``c_o``,
    ``n``, a name of several letters)."""
    value = tokens[at].value
    if value.startswith(UNKNOWN_PREFIX):
        return value[len(UNKNOWN_PREFIX) :]
    written = next((text.strip() for f, (e, text) in spans.items() if f <= at < e), None)
    if written is None or not re.fullmatch(r"[A-Za-z]'*", written) or written == value:
        return None
    return written


def _without_appositions(tokens: list[Token], runs: list, notes: list | None) -> list[Token]:
    """``tokens`` without the words that name the letters written right after them
    (``output size m_h m_w``, ``kernel size k_h k_w``, ``输出通道数 c_o``: an
    apposition, the letters the quantity, never the word times them): a word whose
    reading is only letters each of which is among the letters written next (side by
    side, no operator) or their square layer's one letter (``k`` for ``k_h k_w``),
    noted; a word naming another letter stays a factor (``yHeight m_w``: m_h m_w)."""
    dropped: set[int] = set()
    for at, (first, end, text) in enumerate(runs):
        if "_" in text or (len(text) < 3 and text.isascii()) or not _NAMING_WORD().search(text):
            continue  # (a letter, a name with a subscript: no regular expression compiled)
        named = [t.value for t in tokens[first:end]]
        if not named or any(t.type != "SYMBOL" for t in tokens[first:end]):
            continue
        letters, stop = [], end
        for other_first, other_end, other in runs[at + 1 :]:
            if other_first != stop or not _LETTER().fullmatch(other.strip()):
                break
            letters += [t.value for t in tokens[other_first:other_end]]
            stop = other_end
        written = {*letters, *(_FAMILY.get(letter, letter) for letter in letters)}
        if letters and set(named) <= written:
            dropped.update(range(first, end))
            if notes is not None:
                shown = " ".join(other.strip() for f, _, other in runs if end <= f < stop)
                notes.append(_note("apposition", word=text.strip(), letters=shown))
    return [t for i, t in enumerate(tokens) if i not in dropped] if dropped else tokens
