"""The answer's structure (issue 21): an answer of several statements, split before the
formula is read, each statement then read as an answer of its own (:mod:`.parse`).

* Statements are separated by ``;``, ``,`` (and their full-width forms) or a line break
  outside brackets; parts separated only by commas are statements when at least one of
  them is ``name = formula`` or ``label: formula`` (a plain ``1,000`` or a pair ``a, b``
  is not split here); ``a, b = c, d`` is the two statements ``a = c`` and ``b = d``.
* A line break is no separator inside a statement that goes on: a line ending in an
  operator, ``=``, ``(`` or ``,``, or the next starting with ``/`` or ``)`` (``int64_t
  outH =`` / ``(h + 2 * pad - k) /`` / ``stride + 1;``).
* A parameter looked up under its own name (``stride = conv_param['stride']``, read by
  :mod:`.code` as ``stride = stride``) is the parameter, noted, never a definition in
  terms of itself.
* A statement of code opened by ``return`` (after its helpers' statements: ``const dk =
  …;`` / ``return (h - dk) / s + 1;``) is the formula it returns, noted.
* A connector before a definition (``…, where m_h = …``, ``…，其中 m_h = …``:
  :data:`.languages.CONNECTORS`) separates it.
* A statement ``name = formula`` whose name another statement writes (whole word, as
  written) is a definition: its formula is put in brackets where the name is written
  (``mpf = c_i k_h k_w; muls = mpf m_h m_w c_o``), noted; a name defined twice, or
  defined in terms of itself, is refused.
* What remains (the statements no other one uses) are the answer's formulas: the first
  is the one graded, the others are kept for the checker, which decides which of them
  answer the question and grades each (:attr:`.Parsed.parts`).

Nothing evaluates text: each rule splits or replaces text, keeping every column.
"""

from __future__ import annotations

import re

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.informal import Note, edit, lazy_pattern
from derivations.checking.reading.languages import CONNECTORS, DEFINING
from derivations.checking.reading.limits import MAX_LENGTH
from derivations.checking.reading.normalize import Normalized

__all__ = ["Statements", "statements"]

_SEPARATORS = ";；,，"
# what a connector of a definition said in words starts with (a cheap test first)
_CONNECTOR_MARKS = ("where", "Where", "with", "here", "given", "其中", "这里", "此处")
_OPEN, _CLOSE = "([{（【⌊⌈", ")]}）】⌋⌉"
_STATEMENT = lazy_pattern(r"^\s*(?P<name>[^\W\d][\w']*(?:_\{\w+\})?)\s*=(?P<body>[^=≈]*)$")
_LABELLED = lazy_pattern(r"^\s*[^\W\d][\w\s'()（）]*[:：]\s*\S")
_MAX_STATEMENTS = 8
# a statement of code that gives the answer (``return …``)
_RETURNED = re.compile(r"^\s*return\s+(?=\S)")
# what frames a function's body in MATLAB, Octave, Lua, Julia, Ruby (``function o =
# outsize(h, k, p, s)`` or ``function outsize(h, k)`` and ``end``) or closes a C-like one
# (``}``): no formula
_FRAME = lazy_pattern(
    r"^\s*(?:end(?:function)?|\}|function\s+(?:\[?[\w,\s]*\]?\s*=\s*)?\w+\s*\([^()]*\))\s*;?\s*$"
)
# a statement of code that gives no value, only an error (``throw new …``, ``raise …``,
# ``panic!(…)``): no formula of the answer
_FAILS = lazy_pattern(r"^\s*(?:throw|raise|panic!?|assert|error)\b(?!\s*[-+*/=^])")
# a condition of code before a statement (``if (t % s == 0) return …``, ``if padding ==
# 'same': out = …``): read away, the formula graded at every layer all the same
_IF = re.compile(r"^\s*(?:if|If|elif|else\s+if)\s*(?=\()")
_IF_COLON = re.compile(
    r"^\s*(?:if|If|elif)\s+(?P<cond>[^:\n]*?(?:==|!=|<|>|\bis\b|\bin\b)[^:\n]*?):\s*(?=\S)"
)
# a parameter looked up under its own name (``stride = conv_param['stride']``, ``pad =
# self.pad``, ``K = cfg.K``: ``stride = stride`` once :mod:`.code` has read the lookup):
# the name is the parameter, no definition of it in terms of itself
_LOOKED_UP = lazy_pattern(r"^\s*(?P<name>[^\W\d]\w*)\s*=\s*(?P=name)\s*$")
# a part that is only a bracketed remark belongs to the part before it
_REMARK_ONLY = lazy_pattern(r"^\s*[(（][^()（）]*[)）]\s*[.。]?\s*$")


class Statements:
    """The statements an answer is made of: ``formulas`` (each a text to read, the
    definitions put in), ``notes`` (the definitions read)."""

    def __init__(self, formulas: list[Normalized], notes: list[Note]):
        self.formulas = formulas
        self.notes = notes


def _bounds(
    text: str, raw: str | None, columns: list[int], separators: str = _SEPARATORS
) -> list[tuple[int, int]]:
    """[start, end) of each part between top-level ``separators`` (a line break of the
    answer as given is one: the normalized text has a space there)."""
    bounds, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char in _OPEN) - (char in _CLOSE)
        newline = (
            raw is not None
            and char == " "
            and index < len(columns)
            and columns[index] < len(raw)
            and raw[columns[index]] in "\n\r"
        )
        if newline and _continued(text, index):
            newline = False  # a statement over several lines: ``outH =`` / ``(…) /`` / ``1;``
        if depth == 0 and (char in separators or newline):
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text)))
    kept: list[tuple[int, int]] = []
    for s, e in bounds:
        if not text[s:e].strip():
            continue
        if kept and _REMARK_ONLY().match(text[s:e]):  # "…;  (结果向上取整)": the remark's
            kept[-1] = (kept[-1][0], e)
        else:
            kept.append((s, e))
    return kept


# a line that ends in an operator, ``=``, ``(`` or ``,`` (or Python's ``\\``), or a next
# line that starts with ``/`` or ``)``, continues the statement (not ``+``, ``-`` or
# ``*`` first: a list's bullets)
_GOES_ON = frozenset("+-*/=(,\\×÷·")
_GOES_ON_FIRST = frozenset("/)")


def _continued(text: str, index: int) -> bool:
    """Whether the line break at ``index`` of ``text`` is inside a statement that goes
    on (:data:`_GOES_ON`, :data:`_GOES_ON_FIRST`)."""
    before = text[:index].rstrip()
    after = text[index + 1 :].lstrip()
    if before.endswith(("==", "!=", "<=", ">=", "->", "=>")):
        return False
    return bool(before) and (before[-1] in _GOES_ON or after[:1] in _GOES_ON_FIRST)


def _unconditioned(part: Normalized, notes: list, raw: str | None) -> Normalized:
    """``part`` without the condition of code that opens it (:data:`_IF`, :data:`_IF_COLON`),
    noted; ``part`` itself where it opens with none, or where it is a block's head on a
    line of its own (``if mode == 'full':`` and a line break: :mod:`.second_look`'s)."""
    colon = _IF_COLON.match(part.text)
    if (
        colon is not None
        and raw is not None
        and colon.end() < len(part.columns)
        and "\n" in raw[part.columns[0] : part.columns[colon.end()]]
    ):
        return part
    if colon is not None:
        notes.append(Note("reading.note.condition", (("text", colon.group("cond").strip()),)))
        return edit(part, 0, colon.end())
    opened = _IF.match(part.text)
    if opened is None:
        return part
    depth = 0
    for index in range(opened.end(), len(part.text)):
        depth += (part.text[index] == "(") - (part.text[index] == ")")
        if depth == 0:
            rest = part.text[index + 1 :]
            if not rest.strip() or rest.lstrip()[:1] == "{":
                return part  # a block's head: not this rule's
            condition = part.text[opened.end() + 1 : index].strip()
            notes.append(Note("reading.note.condition", (("text", condition),)))
            return edit(part, 0, index + 1)
    return part


def _as_given(part: Normalized, raw: str | None) -> str:
    """``part`` as the answer gave it (``raw``, where its columns point), else as read."""
    if raw is None or not part.columns or part.columns[-1] >= len(raw):
        return part.text.strip()
    return raw[part.columns[0] : part.columns[-1] + 1].strip()


def _unreturned(part: Normalized) -> Normalized:
    """``part`` without the ``return`` that opens it (:data:`_RETURNED`)."""
    match = _RETURNED.match(part.text)
    return edit(part, 0, match.end()) if match else part


def _hard_separator(text: Normalized, raw: str | None) -> bool:
    """Whether a semicolon or a line break (not only a comma) separates the parts."""
    return bool(set(";；") & set(text.text) or (raw and "\n" in raw.strip()))


def _slice(text: Normalized, start: int, end: int) -> Normalized:
    return Normalized(text.text[start:end], text.columns[start:end])


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of ``text[start:end]`` without one pair of round brackets around the
    whole of it (``(h, w)``: ``h, w``), else as it is."""
    inner = text[start:end].strip()
    if len(inner) < 2 or inner[0] != "(" or inner[-1] != ")":
        return start, end
    begin, depth = text.index("(", start), 0
    for index in range(begin, end):
        depth += (text[index] in _OPEN) - (text[index] in _CLOSE)
        if depth == 0:
            closed = index
            break
    else:
        return start, end
    return (begin + 1, closed) if not text[closed + 1 : end].strip() else (start, end)


# names unpacked before one "=" (Python's ``out_h, out_w = …, …``)
_UNPACKED = lazy_pattern(r"^\s*[^\W\d]\w*(?:\s*,\s*[^\W\d]\w*)+\s*=(?!=)")


def _pairs(text: Normalized) -> list[Normalized] | None:
    """``a, b = c, d``, or a pair in brackets on both sides (``(a, b) = (c, d)``): the
    statements ``a = c`` and ``b = d`` (None: no such form)."""
    if text.text.count("=") != 1:
        return None
    equals = text.text.index("=")
    lstart, lend = _inside(text.text, 0, equals)
    rstart, rend = _inside(text.text, equals + 1, len(text.text))
    if (lstart, rstart) == (0, equals + 1) or lstart == 0 or rstart == equals + 1:
        lstart, lend, rstart, rend = 0, equals, equals + 1, len(text.text)  # both or neither
    left = [(s + lstart, e + lstart) for s, e in _bounds(text.text[lstart:lend], None, [])]
    right = [(s + rstart, e + rstart) for s, e in _bounds(text.text[rstart:rend], None, [])]
    if len(left) < 2 or len(left) != len(right):
        return None
    parts = []
    for (ls, le), (rs, re_) in zip(left, right, strict=True):
        pieces = _slice(text, ls, le)
        joined = Normalized(
            pieces.text + " =" + text.text[rs:re_],
            pieces.columns + [text.columns[equals]] * 2 + text.columns[rs:re_],
        )
        parts.append(joined)
    return parts


_HARD_SEPARATORS = ";；"


def _parts(text: Normalized, raw: str | None) -> list[Normalized]:
    """The parts of ``text`` between top-level separators, a line (or a statement
    closed by ``;``) that assigns a pair (``H_p, W_p = H + 2*pad, W + 2*pad``, beside
    other statements) read as its two statements (:func:`_pairs`), in order, as the
    other lines are."""
    lines = _bounds(text.text, raw, text.columns, _HARD_SEPARATORS)
    if len(lines) < 2:
        return [_slice(text, s, e) for s, e in _bounds(text.text, raw, text.columns)]
    parts: list[Normalized] = []
    for start, end in lines:
        line = _slice(text, start, end)
        paired = _pairs(line) if "," in line.text or "，" in line.text else None
        parts += paired or [_slice(line, s, e) for s, e in _bounds(line.text, raw, line.columns)]
    return parts


# two names summed: a candidate for a padded size (:func:`padded_once`)
_TWO_NAMES = lazy_pattern(r"^[\s(]*[^\W\d]\w*\s*\+\s*[^\W\d][\w\[\]]*[\s)]*$")


def padded_once(body: str) -> bool:
    """Whether ``body`` is an input size plus its axis's padding, once (``H + P``,
    ``h + p_h``): a padded size that counts the book's total padding, so a formula
    that pads it again counts the padding twice."""
    if not _TWO_NAMES().match(body):
        return False
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.parse import parse_answer

    try:
        symbols = parse_answer(body).symbols
    except InvalidAnswer:
        return False
    return symbols in ({"h", "p_h"}, {"w", "p_w"}, {"h", "p"}, {"w", "p"})


def _uses(name: str, body: str) -> bool:
    return bool(
        re.search(rf"(?:(?<![\w\\'])|(?<=(?<![A-Za-z_])[0-9])){re.escape(name)}(?![\w'{{])", body)
    )


def _put_in(text: Normalized, name: str, body: Normalized) -> Normalized:
    """``text`` with each whole-word ``name`` after its own ``=`` replaced by
    ``(body)``."""
    start = text.text.index("=") + 1 if "=" in text.text else 0
    pattern = re.compile(rf"(?:(?<![\w\\'])|(?<=(?<![A-Za-z_])[0-9])){re.escape(name)}(?![\w'{{])")
    for match in reversed(list(pattern.finditer(text.text, start))):
        text = edit(text, match.start(), match.end(), "(" + body.text.strip() + ")")
    return text


_NAME_FIRST = r"(?=[^\W\d][\w']*(?:_\{\w+\})?\s*=)"
_CONNECTOR = lazy_pattern(
    r"(?:[,，;；]\s*)?(?:(?<!\w)(?:"
    + "|".join(CONNECTORS["en"])
    + r")(?!\w)|"
    + "|".join(CONNECTORS["zh"])
    + r")\s*[:：]?\s*"
    + _NAME_FIRST,
    re.I,
)


# a definition said in words after a connector (``…, where F is the filter size, P is
# the padding and S is the stride``, ``其中 F 为卷积核大小``): its verb read as ``=`` where
# the words read as a quantity (a formula said in words: :mod:`.spoken`); one whose words
# do not read, of a name the book spells (``where p_h is the padding on each side``),
# dropped with a note
_CONNECTORS = "|".join((*CONNECTORS["en"], *CONNECTORS["zh"]))
_VERBS = "|".join(w.replace(" ", r"\s+") for w in sorted(DEFINING, key=len, reverse=True))
_SAID = lazy_pattern(
    rf"(?P<lead>(?:(?<=\s)|(?<=[,，;；])|^)(?:{_CONNECTORS})|[,，;；])\s*"
    r"(?P<name>[^\W\d][\w']*(?:_\{\w+\})?)\s*"
    rf"(?P<verb>(?<![^\W\d])(?:{_VERBS})(?![a-z]))\s*(?P<words>[^,，;；=]+?)\s*(?=$|[,，;；]|\s+and\s)",
    re.I,
)


def _said(text: Normalized, notes: list) -> Normalized:
    """``text`` with each definition said in words given its ``=`` (see above)."""
    from derivations.checking.reading.spoken import says_formula

    found = list(_SAID().finditer(text.text))
    first = next((m for m in found if m.group("lead").strip(",，;； ")), None)
    if first is None:
        return text  # no connector: "a, b is c" is no definition
    for match in reversed([m for m in found if m.start() >= first.start()]):
        words = match.group("words")
        if says_formula(words) or _reads(words):
            text = edit(text, match.start("verb"), match.end("verb"), "=")
        elif _reads(match.group("name")):
            notes.append(
                Note("reading.note.definition_words", (("text", match.group().strip(" ,，;；")),))
            )
            text = edit(text, match.start(), match.end())
    return text


def _reads(words: str) -> bool:
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import tokenize

    try:
        tokenize(Normalized(words, list(range(len(words)))))
    except InvalidAnswer:
        return False
    return True


def _connected(text: Normalized, notes: list) -> Normalized:
    """``…, where m_h = …``: the connector before a definition is a separator."""
    found = list(_CONNECTOR().finditer(text.text))
    for match in reversed(found):
        if match.start() > 0 and text.text[: match.start()].strip():
            text = edit(text, match.start(), match.end(), "; ")
    return text


def statements(text: Normalized, raw: str | None = None) -> Statements | None:
    """The statements of ``text`` (see the module's docstring), or None when it is one
    formula."""
    said: list[Note] = []
    if "f" in text.text:
        text = _unconditioned(text, said, raw)
    if len(text.text) <= MAX_LENGTH and any(c in text.text for c in _CONNECTOR_MARKS):
        text = _said(text, said)
    if "=" in text.text and len(text.text) <= MAX_LENGTH:
        text = _connected(text, [])
    one = Statements([text], said) if said else None  # a definition in words dropped
    if not (set(_SEPARATORS) & set(text.text) or (raw and "\n" in raw.strip())):
        return one
    if _UNPACKED().match(text.text):  # a, b = c, d: a = c and b = d, never a; b = c; d
        paired = _pairs(text)
        if paired:
            return Statements(paired, said)
    parts = _parts(text, raw)
    if len(parts) < 2:
        paired = _pairs(text) if "(" in text.text else None  # (a, b) = (c, d)
        return Statements(paired, said) if paired else one
    framed = [p for p in parts if not _FRAME().match(p.text)]
    if framed and len(framed) < len(parts):  # a function's ``function … =`` and ``end``
        # the header kept as written: its function's name says what it returns
        header = next((p.text.strip() for p in parts if p.text.lstrip().startswith("function")), "")
        said.append(
            Note(
                "reading.note.code", (("text", f"{header} … end" if header else "function … end"),)
            )
        )
        parts = framed
    failing = [p.text.strip() for p in parts if _FAILS().match(p.text)]
    if failing and len(failing) < len(parts):  # ``throw …``: an error path gives no value
        said.append(Note("reading.note.code", (("text", failing[0]),)))
        parts = [p for p in parts if not _FAILS().match(p.text)]
    parts = [_unconditioned(p, said, raw) for p in parts]
    looked_up = [p for p in parts if _LOOKED_UP().match(p.text)]
    if looked_up and len(looked_up) < len(parts):  # stride = conv_param['stride']
        shown = [_as_given(p, raw) for p in looked_up]
        said.append(Note("reading.note.code", (("text", "; ".join(shown)),)))
        parts = [p for p in parts if not _LOOKED_UP().match(p.text)]
    if any(_RETURNED.match(p.text) for p in parts):  # code's ``return …`` after helpers
        said.append(Note("reading.note.code", (("text", "return"),)))
        parts = [_unreturned(p) for p in parts]
    if len(parts) < 2:
        return Statements(parts, said)
    stated = any(_STATEMENT().match(p.text) or _LABELLED().match(p.text) for p in parts)
    if not stated and not _hard_separator(text, raw):
        parts = _pairs(text) or []
        if not parts:
            return one
    if len(parts) > _MAX_STATEMENTS:
        raise refuse("too_many_statements", 1, limit=_MAX_STATEMENTS)
    parts = _example_values(parts, said, text.text)
    named: dict[str, tuple[Normalized, Normalized]] = {}
    later: dict[str, list[Normalized]] = {}  # a chained definition's later sides
    for part in parts:
        match = _STATEMENT().match(part.text)
        chained = None if match else _CHAINED().match(part.text)
        found = match or chained
        if found:
            name = found.group("name")
            if name in named:
                raise refuse("defined_twice", part.column(found.start("name")), name=name)
            sides = _sides(part, found.start("body"))
            named[name], later[name] = (part, sides[0]), sides[1:]
    defined = [
        name
        for name in named
        if any(_uses(name, p.text.split("=", 1)[-1]) for p in parts if p is not named[name][0])
    ]
    for name in [n for n in named if later[n] and n not in defined]:
        del named[name]  # ``FLOPs = 2 × MACs = …``: the answer's own chain, no definition
    notes = [*said]
    if defined:
        # a size padded with its padding once (H_pad = H + P): the total, as the book's
        padded = next((name for name in defined if padded_once(named[name][1].text)), None)
        fields = (("names", ", ".join(defined)),) + ((("padded", padded),) if padded else ())
        notes.append(Note("reading.note.definitions", fields))
    formulas = [p for p in parts if not any(p is named[name][0] for name in defined)]
    if not formulas:  # each statement used by another: a circle of definitions
        raise refuse("defined_in_itself", 1, name=defined[0])
    bodies = {name: named[name][1] for name in defined}
    done = _defined_in(formulas, defined, bodies)
    for name in defined:  # k' = A = B: each formula with B put in too, a side of its chain
        for side in later[name]:
            other = _defined_in(formulas, defined, {**bodies, name: side})
            done = [_chained(first, second) for first, second in zip(done, other, strict=True)]
    return Statements(done, notes)


# a statement giving a name a plain number (``K = 3``, ``#define IC 16``, ``localparam OH
# = 28;``)
_NUMBER_VALUE = lazy_pattern(r"^\s*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>[0-9]+)\s*;?\s*$")
# the square layer's one letter of a size (K, P, S), beside the registry's symbols
_SQUARE = ("k", "p", "s")


def _example_values(parts: list[Normalized], notes: list, text: str) -> list[Normalized]:
    """``parts`` without each statement giving a plain number to a name that reads by
    itself as a size of the layer (``K = 3``, ``IC = 16``: an accelerator's constants, a
    layer of the page): the name stays the size's symbol, the number is the author's own
    layer's, not the question's, noted (``reading.note.example_value``).  Kept where the
    name is added to or changed in place later (``out_h = 0`` then ``out_h += …``: a
    start value), and where no other statement is left."""
    from derivations.checking.reading.aliases import LAYER_SYMBOLS, OUTPUT_SYMBOLS
    from derivations.checking.reading.code import own_reading

    sizes = {*LAYER_SYMBOLS, *OUTPUT_SYMBOLS, *_SQUARE}
    dropped = []
    for part in parts:
        match = _NUMBER_VALUE().match(part.text)
        if match is None or own_reading(match.group("name")) not in sizes:
            continue
        name = re.escape(match.group("name"))
        if re.search(
            rf"(?<![\w.]){name}\s*(?:\*\*|//|[-+*/%])=|(?<![\w.]){name}\s*(?:\+\+|--)", text
        ):
            continue
        dropped.append(part)
    if not dropped or len(dropped) == len(parts):
        return parts
    shown = ", ".join(p.text.strip().rstrip(";").strip() for p in dropped)
    notes.append(Note("reading.note.example_value", (("values", shown),)))
    return [p for p in parts if not any(p is d for d in dropped)]


def _chained(formula: Normalized, other: Normalized) -> Normalized:
    """``formula`` with the value of ``other`` (what follows its name's ``=``, if it has
    one) as one more side of its chain: ``out = A`` and ``out = B`` make ``out = A = B``,
    whose sides the checker holds to agree."""
    named = _STATEMENT().match(other.text) or _CHAINED().match(other.text)
    value = _slice(other, named.start("body"), len(other.text)) if named else other
    column = value.columns[0] if value.columns else 0
    return Normalized(
        formula.text + " =" + value.text, formula.columns + [column] * 2 + value.columns
    )


# a definition whose formula is a chain of equal sides (``k' = (d - 1)(k - 1) + k = d(k -
# 1) + 1``): each side is the name's formula
_CHAINED = lazy_pattern(
    r"^\s*(?P<name>[^\W\d][\w']*(?:_\{\w+\})?)\s*=(?P<body>(?:[^=≈]+=)+[^=≈]+)$"
)


def _sides(part: Normalized, start: int) -> list[Normalized]:
    """The sides of ``part`` from ``start`` on, split at each ``=``."""
    sides, begin = [], start
    for index in [i for i in range(start, len(part.text)) if part.text[i] == "="] + [
        len(part.text)
    ]:
        sides.append(_slice(part, begin, index))
        begin = index + 1
    return sides


def _defined_in(
    formulas: list[Normalized], defined: list[str], bodies: dict[str, Normalized]
) -> list[Normalized]:
    """Each of ``formulas`` with the ``defined`` names put in (``bodies``), until none is
    left; refused when a name stays (defined in terms of itself) or a formula grows too
    long."""
    done = []
    for formula in formulas:
        for _ in range(len(defined) + 1):
            used = [name for name in defined if _uses(name, formula.text.split("=", 1)[-1])]
            if not used:
                break
            for name in used:
                formula = _put_in(formula, name, bodies[name])
        else:
            raise refuse("defined_in_itself", 1, name=used[0])
        if len(formula.text) > MAX_LENGTH:
            raise refuse("too_long", 1, length=len(formula.text), limit=MAX_LENGTH)
        done.append(formula)
    return done
