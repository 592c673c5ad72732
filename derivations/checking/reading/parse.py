"""One entry point from pasted text to an expression tree, never evaluating the text.

An answer may be ``name = formula`` (``m_h = ...``, ``FLOPs = ...``, ``\\hat{K} = ...``,
``K' = ...``): the name is kept for the checker to judge (it must not be one of the
question's symbols).  A chain of equalities (``FLOPs = 2 × MACs = 2 c_i c_o …``) is read
side by side: the last formula side is graded, the other formula sides are kept
(:attr:`Parsed.sides`) for the checker to hold to the same values, and a side that is
a description (``2 × MACs``: no formula in the question's symbols) is noted and skipped.
"""

from __future__ import annotations

import re
from fractions import Fraction

from derivations.checking.reading.errors import InvalidAnswer, refuse, refused
from derivations.checking.reading.grammar import parser
from derivations.checking.reading.informal import (
    LOOP_HEAD,
    ROUNDING_NOTE,
    Note,
    counting,
    informal,
    lazy_pattern,
    named_unit,
    stated_counting,
    stated_unit,
    states_operation,
    words_only,
)
from derivations.checking.reading.lalr import UnexpectedToken
from derivations.checking.reading.lexer import (
    NAMED_PREFIX,
    UNKNOWN_KEYS,
    UNKNOWN_PREFIX,
    describe_terminal,
    tokenize,
)
from derivations.checking.reading.names import LAYER
from derivations.checking.reading.normalize import Normalized, check_breaks, normalize
from derivations.checking.reading.transform import to_expression
from derivations.expr import tree as ex
from derivations.expr.printers import to_latex, to_text
from derivations.records import record, replace

__all__ = ["PLAIN", "PLAIN_FUNCTIONS", "PLAIN_NAME", "Parsed", "parse_answer", "plain_formula"]


@record(frozen=True)
class Parsed:
    tree: ex.Node
    text: str  # canonical text, as read
    latex: str
    symbols: frozenset
    kinds: frozenset  # node classes (ex.Floor in kinds)
    name: str | None = None  # the left side of "name = formula"
    name_column: int | None = None
    notes: tuple = ()  # of informal.Note: how informal forms were read
    sides: tuple = ()  # the chain's other formula sides (trees), to agree with ``tree``
    counting: str | None = None  # "macs" / "flops": what a count word or name states
    # the counting is stated by a code name of several words only (total_conv_flops), no
    # word or comment around it: as flop counters name their multiply-accumulates
    counting_named: bool = False
    unit: str | None = None  # "bytes" / "elements": what a unit word states
    relative: str | None = None  # "forward": the formula is a factor of the forward pass's count
    parts: tuple = ()  # the answer's other formulas (Parsed), for the checker to grade too
    # each side of ``sides`` as the answer writes it, where it differs from the side's
    # tree (a word naming another count, ``2 × MACs``, read as that count's reference)
    side_texts: tuple = ()
    # a letter read as a notation whose padding letter is added on each side (Bishop's
    # J, Qiu's M: registry/notations.yaml's padding_per_side), so a bare p is per side
    per_side: bool = False

    def with_tree(self, tree: ex.Node, **changes) -> Parsed:
        """This reading with ``tree`` for its formula (its text, LaTeX, symbols and kinds
        follow) and ``changes`` to other fields."""
        return replace(self, **_derived(tree), **changes)

    @property
    def is_big_o(self) -> bool:
        return isinstance(self.tree, ex.BigO)

    @property
    def body(self) -> ex.Node:
        """The formula inside ``O(...)``, else the whole tree."""
        return self.tree.x if isinstance(self.tree, ex.BigO) else self.tree


_WORDS = {"NUMBER", "SYMBOL", "FUNC", "FRAC", "$END"}  # not shown as punctuation


def _syntax_error(error: UnexpectedToken, tokens) -> InvalidAnswer:
    """What the parser met and, when it says something, what it expected: an operand
    (a number, a symbol, a bracket), or one of the operators and brackets listed."""
    token, names = error.token, set(error.expected)
    shown = " ".join(sorted(describe_terminal(name) for name in names - _WORDS))
    variant = "_operand" if {"NUMBER", "SYMBOL"} <= names else "_expected" if shown else ""
    if token.type == "$END":
        column = (tokens[-1].start_pos + len(str(tokens[-1]))) if tokens else 1
        return refuse("ends_early" + variant, column, expected=shown)
    return refuse("unexpected" + variant, token.start_pos, token=str(token), expected=shown)


_EQUALS = "=≈"
# one word, any script, a braced subscript allowed: m_h, FLOPs, 乘法次数, flops_{forward};
# a layer superscript after it (n_w^{[l]}, :data:`.names.LAYER`); an index after it (code's
# out_size[0], output_spatial_shape[i]: a name of one entry of an array)
_NAME = lazy_pattern(rf"\s*([^\W\d][\w']*(?:_\{{\w+\}})?(?:{LAYER.pattern})?(?:\[\s*\w+\s*\])?)\s*")


_DECORATED = lazy_pattern(
    r"^\s*\\(?:hat|tilde|bar|widehat|widetilde|overline|check)\s*\{\s*([^{}]+?)\s*\}(['’′]*)\s*$"
)
_COUNTING_NAMES = {"macs": "macs", "mac": "macs", "flops": "flops", "flop": "flops"}


# a code name of several words joined by underscores or written in camel case
# (total_conv_flops, convFlops)
_CODE_NAME = lazy_pattern(
    r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+"
)


def _named_counting(name: str) -> str | None:
    """The counting a name states by its first word (``FLOPs``, ``flops_{forward}``,
    ``MACs_total``: the part before a subscript), or as a label's words state one
    (:func:`.informal.stated_counting`: ``浮点运算次数``, ``乘加次数``), or None."""
    first = re.split(r"[_{'’′\\]", name.lower(), maxsplit=1)[0]
    # a scale prefix (GFLOPs, MMACs) names the same counting
    return (
        _COUNTING_NAMES.get(first)
        or _COUNTING_NAMES.get(first[1:] if first[:1] in "kmgt" else "")
        or stated_counting(name)
    )


def _sheet_letters(side: str, tree: ex.Node) -> ex.Node:
    """``tree``, the label side of a chain, with each letter the answer sheets name a
    count by (``M + A = …``: :func:`.questions.sheet_letters`) read as that count, as its
    word is (``multiplications + additions = …``), where the side is those letters alone
    joined by ``+``; as it is otherwise (s14exam E15: M and A were inferred as k and h,
    and the chain refused as "k + h is not …")."""
    from derivations.registry.questions import sheet_letters

    counts = sheet_letters()
    letters = re.findall(r"[A-Za-z]+", side)
    if not letters or re.search(r"[^A-Za-z+()\s]", side) or not set(letters) <= set(counts):
        return tree
    named = {
        f"{UNKNOWN_PREFIX}{letter}": ex.sym(f"{NAMED_PREFIX}{counts[letter]}:{letter}")
        for letter in letters
    }

    def substitute(node: ex.Node) -> ex.Node:
        if isinstance(node, ex.Sym):
            return named.get(node.name, node)
        return ex.with_children(node, substitute)

    return substitute(tree)


def _count_name(side: str) -> bool:
    """Whether ``side`` is only the name of a count (``MACs``, ``FLOPs``, ``乘法次数``:
    a counting's name or a question's, :attr:`.questions.Question.names`)."""
    name = _name(side)
    if name is None:
        return False
    from derivations.registry.questions import named_count

    return _named_counting(name) is not None or named_count(name) is not None


def _last_name(name: str, side: str, column: int | None) -> bool:
    """Whether a chain's last side ``side``, a name (``= FLOPs``) after a formula named
    before it (``name =``), is to be read as the formula's name in place of ``name``:
    where it states a counting (MACs, FLOPs, 乘加次数) and ``name`` states none
    (``multiplications``), so the formula is judged by that counting's convention.
    Refused (``reading.chain_names_differ``) where both state a counting and they differ
    (``MACs = … = FLOPs``: the chain says they are equal; the last name was skipped and
    the answer accepted, s15rev F18)."""
    first, last = _named_counting(name), _named_counting(side)
    if first is not None and last is not None and first != last:
        raise refuse("chain_names_differ", column, first=name, other=side)
    return first is None and last is not None


def _name(left: str) -> str | None:
    """The name of ``name =``: one word (primes allowed), or a decorated one
    (``\\hat{K}``); None when ``left`` is no name."""
    match = _NAME().fullmatch(left)
    if match:
        return match.group(1)
    match = _DECORATED().match(left)
    if match and _NAME().fullmatch(match.group(1)):
        return left.strip()
    return None


def _segments(text: Normalized) -> list[tuple[int, int]]:
    """[start, end) of each side between ``=`` or ``≈`` signs."""
    marks = [index for index, char in enumerate(text.text) if char in _EQUALS]
    bounds = [-1, *marks, len(text.text)]
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]


def _formula(text: Normalized, start: int, end: int, notes: list, letters: bool) -> ex.Node:
    side = Normalized(text.text[:end], text.columns[:end])
    try:
        tokens = tokenize(side, start, notes, letters)
    except InvalidAnswer as error:
        from derivations.checking.reading.spoken import may_be_spoken, spoken_tokens

        # a formula said in words (h minus k plus 1, over s): tried only where the lexer
        # failed and a word of its grammar is there
        spoken = (
            spoken_tokens(side, start, end, notes, letters)
            if error.key in _SENTENCE_REFUSALS and may_be_spoken(text.text[start:end])
            else None
        )
        if spoken is None:
            raise
        tokens = spoken
    try:
        tree = parser().parse(tokens)
    except UnexpectedToken as error:
        raise _syntax_error(error, tokens) from None
    return to_expression(tree)


def _read_sides(text: Normalized, notes: list, letters: bool = False):
    """(name, its column, graded tree, other formula sides) of a formula, ``name =
    formula``, or a chain of equalities."""
    segments = _segments(text)
    name = column = None
    left_named = False
    if len(segments) > 1:
        left = text.text[: segments[0][1]]
        name = _name(left) if left.strip() else None
        left_named = name is not None
        if name is not None:
            column = text.column(len(left) - len(left.lstrip()))
            if name.startswith("\\"):
                notes.append(Note("reading.note.decorated", (("name", name),)))
            segments = segments[1:]
        elif not left.strip():
            segments = segments[1:]
        elif _count_name(text.text[segments[-1][0] :]):
            # formula = MACs: the name written after the formula it names (s14exam E11:
            # "a side of '=' is empty"), read as MACs = formula
            right = text.text[segments[-1][0] :]
            name = right.strip()
            column = text.column(segments[-1][0] + len(right) - len(right.lstrip()))
            segments = segments[:-1]
    formulas: list[ex.Node] = []
    failure: InvalidAnswer | None = None
    for start, end in segments:
        if not text.text[start:end].strip() and len(segments) > 1:
            raise refuse("formula_both_sides", text.column(max(start - 1, 0)))
        try:
            formulas.append(_formula(text, start, end, notes, letters))
        except InvalidAnswer as error:
            if (
                len(segments) == 1
                or not _description(error, text.text[start:end])
                or _loop_update(text.text[start:end], text.text[end:])
            ):
                raise
            failure = error
            side = text.text[start:end].strip()
            last = (start, end) == segments[-1] and _name(side) is not None
            if last and name is not None and _last_name(name, side, text.column(start)):
                name, side = side, name  # multiplications = … = MACs: read as MACs = …
                column = text.column(
                    start + len(text.text[start:end]) - len(text.text[start:end].lstrip())
                )
            # (a name after the formula, ``… = memory``: judged as a name before it is,
            # s15rev F13; a description elsewhere only where a size or a factor is asked)
            named = (("named", "1"),) if last else ()
            notes.append(Note("reading.note.side_skipped", (("side", side), *named)))
    if formulas and len(formulas) == len(segments) > 1 and not left_named:
        formulas[0] = _sheet_letters(text.text[slice(*segments[0])], formulas[0])
    if not formulas:
        raise failure if failure else refuse("empty")
    if len(formulas) > 1 and len(formulas) == len(segments):
        formulas = _without_approximation(text, segments, formulas, notes)
    if len(formulas) > 1:
        graded = to_text(formulas[-1]).replace(UNKNOWN_PREFIX, "")  # ?D: the letter as read
        notes.append(Note("reading.note.chain", (("graded", graded),)))
    return name, column, formulas[-1], tuple(formulas[:-1])


_DECIMAL = lazy_pattern(r"\s*(?P<whole>\d+)(?:\.(?P<digits>\d+))?\s*")


def _without_approximation(
    text: Normalized, segments: list, formulas: list[ex.Node], notes: list
) -> list[ex.Node]:
    """``formulas`` without a last side that is a number after ``≈`` (``214/53 ≈ 4.04``),
    or a first side that is a number before it (``4.04 ≈ 214/53``):
    an approximate value, not an exact answer (it was compared as one and the chain
    refused, s14exam E14), noted; the side before it is graded.  The approximation must
    round that side's value to the digits written (half a unit of the last one; of its
    last digit not zero for a whole number: 1300 rounds 1296): for a number, else the
    answer says two values, refused naming the approximation; for a formula, its value
    at two layers far apart in every size (:func:`_far_values`: a ratio tending to 4
    rounds to 4 at both), else the note says so (field ``far``: the formula) and the
    checker refuses the answer where the formula is accepted (s15rev F3: ``c_o c_i k_h
    k_w m_h m_w ≈ 5`` and ``4c_o/c_o ≈ 4.04`` were accepted, ``4 ≈ 4.04`` refused)."""
    start, end = segments[-1]
    decimal = _DECIMAL().fullmatch(text.text[start:end])
    before = decimal is None or text.text[start - 1] != "≈"
    if before:  # the number on the other side (``5 ≈ c_o c_i k_h k_w m_h m_w``)
        start, end = segments[0]
        decimal = _DECIMAL().fullmatch(text.text[start:end])
        if text.text[end : end + 1] != "≈":
            return formulas
    if decimal is None:
        return formulas
    shown = text.text[start:end].strip()
    exact = formulas[1] if before else formulas[-2]
    values = _far_values(exact)
    # the unit of the last digit written: 0.01 for 4.04, 100 for 1300 (its zeros)
    whole = decimal.group("whole")
    places = len(decimal.group("digits") or "") or -(len(whole) - len(whole.rstrip("0")))
    far = any(abs(value - Fraction(shown)) * 2 * Fraction(10) ** places > 1 for value in values)
    if far and not ex.symbols_in(exact):
        raise refuse(
            "approximation_far", text.column(start), approximation=shown, exact=to_text(exact)
        )
    said = (("far", to_text(exact)),) if far else ()
    notes.append(Note("reading.note.approximation", (("approximation", shown), *said)))
    return formulas[1:] if before else formulas[:-1]


def _far_values(exact: ex.Node) -> list[Fraction]:
    """The values of ``exact`` (a number: its value) at two layers whose sizes are all
    large and far apart, each size 10^6 times a power of two, the powers in one order
    and in the other; none where it cannot be valued."""
    from derivations.expr.evaluate import compile_node

    names = sorted(ex.symbols_in(exact))
    layers = [{n: 10**6 * 2**i for i, n in enumerate(order)} for order in (names, names[::-1])]
    try:
        compiled = compile_node(exact)
        return [Fraction(compiled(layer)) for layer in layers[: 2 if names else 1]]
    except (ArithmeticError, ValueError, TypeError, OverflowError):
        return []


# a value (a number, a symbol, an operator) before a condition's word at a side's end:
# the side states an answer and the condition, never a description (s8adv: ``2 when
# k_h = 4`` was graded as 4)
_CONDITION_AFTER_VALUE = lazy_pattern(
    r"(?:[0-9_+*/^()×·−-]|(?<![^\W\d_])[A-Za-z](?![^\W\d_]))[^=]*?[\s,，]"
    r"(?:when|whenever|if|for|provided|assuming|given|wenn|falls|quand|lorsque"
    r"|si|cuando|quando|se)\b[^=]*$|(?:[0-9_+*/^()×·−-]|[A-Za-z])[^=]*?(?:当|如果|若|假设)[^=]*$",
    re.I,
)


# a side ending in a condition on one name (``doubles when c_i``, ``翻倍，当 c``): the
# next side is the condition's value, never the answer (s8adv)
_CONDITION_END = lazy_pattern(
    r"(?:(?<![^\W\d_])(?:when|whenever|if|assuming|wenn|falls|quand|lorsque"
    r"|si|cuando|quando|se)\s+|(?:当|如果|若|假设)\s*)[^\s=]+\s*$",
    re.I,
)


def _loop_update(side: str, rest: str) -> bool:
    """Whether ``side`` is a loop's header and a name (``for i in range(3): h``) that the
    sides after it read (``= (h - k_h + p_h)//s_h + 1``): the loop applies the formula
    again, never a description skipped (s8adv: a layer applied three times was
    accepted)."""
    if not LOOP_HEAD().match(side):
        return False
    name = re.search(r"([A-Za-z_]\w*)\s*$", side)
    return name is not None and re.search(rf"(?<![\w.]){name.group(1)}(?!\w)", rest) is not None


def _description(error: InvalidAnswer, side: str) -> bool:
    """Whether a side of a chain that could not be read is a description, skipped:
    an unknown word, or words of a script the lexer reads no names in (特征图像素数 ×
    每次卷积计算次数)."""
    if _CONDITION_AFTER_VALUE().search(side) or _CONDITION_END().search(side):
        return False  # 2 when k_h = 4, c_i if c_i = c_o: a value, then a condition
    if error.key in UNKNOWN_KEYS:
        return True
    return error.key == "reading.unexpected_character" and bool(
        re.search(r"[\u4e00-\u9fff]{2}", side)
    )


def parse_answer(raw: str, letters: bool = False, symbols: frozenset | None = None) -> Parsed:
    """Read one answer; raise :class:`InvalidAnswer` with a column and a reason.
    ``letters``: the letters other notations read otherwise than the book (CS231n's K)
    are placeholders, their readings for the checker to infer (a second reading, made
    only when the first matches nothing).  ``symbols``: the question's symbol names,
    when it is known (see :func:`.around`)."""
    if not isinstance(raw, str):
        raise refuse("not_text", type=type(raw).__name__)
    copied = None
    if not raw.isascii():  # a copy of a rendered formula, its text and rendering run together
        from derivations.checking.reading.rendered import rendered_copy

        copied = rendered_copy(raw)
        raw = copied[0] if copied else raw
        if "\u200b" in raw:  # before any reading of a part of it (islands): refused whole
            check_breaks(raw)
    if "x" in raw or "X" in raw:  # 卷积核高度x卷积核宽度: the times sign, one for one
        raw = _HAN_TIMES().sub("×", raw)
    plain = copied is None and plain_formula(raw, symbols)
    framing: list
    if plain:
        normalized, framing = normalize(raw), []
    else:
        from derivations.checking.reading.around import framed

        normalized = normalize(raw)
        styled = list(normalized.notes)  # a Greek letter's name, a dot as the times sign
        normalized, framing = framed(normalized)
        framing = [*([copied[1]] if copied else []), *styled, *framing]
    given = normalized.text.strip()
    try:
        if plain:  # no framing, code, statements, words around or informal form to read
            return _parse_one(normalized, raw, letters, symbols, plain=True)
        return _capitals_said(_parsed(normalized, raw, framing, letters, symbols), normalized)
    except InvalidAnswer as error:
        if error.key in UNKNOWN_KEYS:
            raise _as_written(error, raw) from None
        if error.key != "reading.empty" or not given:
            raise
        # ``switch (mode) {}``, ``case SAME:``: text, none of it a formula, is not empty
        raise refuse("nothing_computed", text=" ".join(raw.split())[:_SHOWN]) from None


# a name as written: letters, digits and its subscripts (``C_o``, ``K_h``, ``P``)
_WRITTEN_NAME = lazy_pattern(r"(?<![\w\\])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?![\w])")


def _capitals_said(parsed: Parsed, normalized: Normalized) -> Parsed:
    """``parsed`` with one note (``reading.note.capital``) naming the names written with a
    capital that are read as the book's lower-case symbols (``P`` as ``p``, ``C_o`` as
    ``c_o``), where no other note says how that name was read: ``written`` and ``read``
    list them in the order they are first written, joined by commas."""
    if not any("A" <= char <= "Z" for char in normalized.text):
        return parsed
    noted = {dict(note.fields).get("written") for note in parsed.notes}
    capitals = [
        written
        for written in dict.fromkeys(m.group() for m in _WRITTEN_NAME().finditer(normalized.text))
        if written != written.lower()
        and written.lower() in parsed.symbols
        and written not in parsed.symbols
        and written not in noted
    ]
    if not capitals:
        return parsed
    fields = (("read", ", ".join(w.lower() for w in capitals)), ("written", ", ".join(capitals)))
    return replace(parsed, notes=(*parsed.notes, Note("reading.note.capital", fields)))


# an x between Chinese words, or a number and a Chinese word, with no space (``卷积核高度x
# 卷积核宽度``, ``1x1x输入通道数``): the times sign, as × there is (H14-dev's class: a count
# as a product of words after a label line)
_HAN_TIMES = lazy_pattern(
    r"(?<=[\u4e00-\u9fff])[xX](?=[\u4e00-\u9fff0-9])"
    r"|(?<=[0-9])[xX](?=(?:[0-9]+[xX×])*[\u4e00-\u9fff])"
)


# a plain formula (:func:`plain_formula`, :func:`.checker._plain_read`): lower-case
# letters, digits, spaces, round brackets and the signs of arithmetic, nothing else; each
# of its names; the functions it may call
PLAIN = lazy_pattern(r"[a-z0-9_ ()+*/^-]+")
PLAIN_NAME = lazy_pattern(r"[a-z_][a-z0-9_]*")
PLAIN_FUNCTIONS = frozenset({"floor", "ceil"})
_BRACKETS_ONLY = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz0123456789_ +*/^-")


def plain_formula(raw: str, symbols: frozenset | None) -> bool:
    """Whether ``raw`` is a plain formula in the question's ``symbols`` (None: the
    question is not known, never plain): lower-case letters, digits, single spaces,
    round brackets that balance and the signs ``+ - * / ^`` (:data:`PLAIN`), its names
    the question's symbols or ``floor`` and ``ceil`` right before a bracket, opening with
    no sign but a minus before a character other than a space, and ending in none.
    Nothing in such a text is what the stages of framing
    (:func:`.around.framed`), code (:func:`.code.code`), statements
    (:func:`.statements.statements`), words around a formula (:func:`.around.around`) and
    informal forms (:func:`.informal.informal`) read: brackets of other shapes, a word,
    ``=``, ``≈``, a comma, a colon, a dot, markup, a capital, a character beyond ASCII,
    a bullet (``- c_o``, ``*c_o``, ``2) …``, ``h) …``), a factor (``2*``), a bracket
    opening on a plus (``c_o (+1)``), an equation's
    number after two spaces (``c_o  (2)``), ``floor x``; so :func:`parse_answer` skips
    them for it (compared with and without over every answer of the tests and random
    plain texts: tests/checking/test_speed_paths.py)."""
    if symbols is None or not PLAIN().fullmatch(raw) or "  " in raw:
        return False
    first, last = raw.lstrip()[:2], raw.rstrip()[-1:]
    if first[:1] in "*/^+" or first in ("-", "- ") or last in "*/^+-":
        return False  # a list's bullet (``- c_o``, ``*c_o``), markup, a factor (``2*``)
    if "(+" in raw.replace(" ", ""):
        return False  # a term added in brackets (``c_o (+1)``: :func:`.informal.informal`)
    brackets = raw.translate(_BRACKETS_ONLY)
    while "()" in brackets:
        brackets = brackets.replace("()", "")
    if brackets:
        return False  # ``2) c_o``, ``h) …``: a list's number, or brackets that do not close
    for match in PLAIN_NAME().finditer(raw):
        name = match.group()
        if name in symbols:
            continue
        if name not in PLAIN_FUNCTIONS or raw[match.end() : match.end() + 1] != "(":
            return False  # a word, a name of another notation, ``floor x``
    return True


# a name as code writes it at a refused word's column: its members, calls and indices
# (``m.bias.numel()``, ``x.size(-9)``, ``conv.weight[0].numel()``)
_WRITTEN = lazy_pattern(
    r"[A-Za-z_]\w*(?:\s*(?:\.\s*[A-Za-z_]\w*|->\s*[A-Za-z_]\w*|\([^()\n]*\)|\[[^\[\]\n]*\]))*"
)


def _as_written(error: InvalidAnswer, raw: str) -> InvalidAnswer:
    """``error`` (an unknown word's) naming the word as ``raw`` writes it at its column
    (:data:`_WRITTEN`), where the reader had rewritten it (``bias_shape[0]`` for
    ``m.bias.numel()``); as it is where the word is the answer's own or none is there."""
    word = str(error.fields.get("word") or "")
    if not word or word in raw or error.position is None or error.key is None:
        return error
    written = _WRITTEN().match(raw, error.position - 1)
    if written is None:
        return error
    return refused(error.key, error.position, **{**error.fields, "word": written.group()})


def _parsed(normalized: Normalized, raw: str, framing: list, letters: bool, symbols) -> Parsed:
    """:func:`parse_answer` of the answer ``raw`` normalized, its framing's notes."""
    from derivations.checking.reading.code import code
    from derivations.checking.reading.statements import statements

    normalized, said = code(normalized, raw)
    said = [*framing, *said]
    split = statements(normalized, raw)
    commented = counting(said)  # ``flops += …  # MACs``: the code's comment says, over its name
    if split is None:
        one = _parse_one(normalized, raw, letters, symbols)
        one = replace(one, counting=commented, counting_named=False) if commented else one
        return replace(one, notes=(*said, *one.notes)) if said else one
    given = [bool(_GIVEN().match(f.text)) for f in split.formulas]
    formulas = [f for f, g in zip(split.formulas, given, strict=True) if not g]
    if formulas and len(formulas) < len(split.formulas):  # ядро k, шаг s, высота выхода: …
        givens = [f.text.strip() for f, g in zip(split.formulas, given, strict=True) if g]
        said.append(Note(GIVENS_NOTE, (("parts", ", ".join(givens)),)))
    formulas = formulas or split.formulas
    read = [_parse_one(formula, raw, letters, symbols) for formula in formulas]
    if commented:
        read = [replace(one, counting=commented, counting_named=False) for one in read]
    notes = (*said, *split.notes, *read[0].notes)
    return replace(read[0], notes=notes, parts=tuple(read[1:]))


_SHOWN = 60  # characters of the answer a refusal names
GIVENS_NOTE = "reading.note.givens"
# a statement of an answer of several that names a parameter of the layer in words of any
# language and its letter (``padding p``, ``ядро $k$``, ``un pas s``, ``步幅 s``, ``a $k
# \times k$ kernel``): a given, no formula (never a channel's letter: ``bias c_o`` may be an
# answer)
_GIVEN_ONE = r"[kKpPsSfFdDhHwWnN](?:_\{?[A-Za-z0-9]{1,3}\}?)?"
_GIVEN_LETTER = rf"\$?{_GIVEN_ONE}(?:\s*(?:\\times|×|x|\*)\s*{_GIVEN_ONE})?\$?"
_GIVEN_WORD = r"[^\W\d_][^\W\d_'’-]*"
_GIVEN = lazy_pattern(
    rf"^(?=.*[^\W\d_]{{2}})\s*(?:(?:{_GIVEN_WORD}\s+){{1,5}}[:：=]?\s*{_GIVEN_LETTER}"
    rf"|(?:{_GIVEN_WORD}\s+){{0,2}}{_GIVEN_LETTER}(?:\s+{_GIVEN_WORD}){{1,4}})\s*[.。]?\s*$"
)


def _parse_one(
    normalized: Normalized, raw: str, letters: bool, symbols, plain: bool = False
) -> Parsed:
    """One formula of the answer (:func:`parse_answer`); ``plain``: a plain formula
    (:func:`plain_formula`), read without looking for words around it or informal forms."""
    notes: list
    relative_note = None  # (a plain formula's notes are the lexer's: never a relative's)
    if plain:
        text, notes = normalized, []
    else:
        from derivations.checking.reading.around import RELATIVE_NOTE, around

        relative_note = RELATIVE_NOTE
        text, notes = around(normalized, symbols, raw)
        text, more = informal(text)
        notes += more
    try:
        name, name_column, node, sides = _read_sides(text, notes, letters)
    except InvalidAnswer as error:
        raise _sentence(text, error) from None
    node = _rounded(node, notes)
    said = counting(notes)
    stated = said or (_named_counting(name) if name else None)
    relative = "forward" if any(note.key == relative_note for note in notes) else None
    return Parsed(
        **_derived(node),
        name=name,
        name_column=name_column,
        notes=tuple(notes),
        sides=sides,
        counting=stated,
        counting_named=bool(stated and not said and name and _CODE_NAME().fullmatch(name)),
        unit=stated_unit(notes) or named_unit(name),
        relative=relative,
    )


_SENTENCE_REFUSALS = frozenset({"reading.unexpected_character", *UNKNOWN_KEYS})


def _sentence(text: Normalized, error: InvalidAnswer) -> InvalidAnswer:
    """``error``, or, when the answer is a sentence with no formula and no factor in it
    (``与前向传播相当。``, ``about the same as the forward pass``), the refusal that says
    so: what such a sentence claims is not a count (the factor sentences are read by
    :mod:`.informal`)."""
    if error.key not in _SENTENCE_REFUSALS or not words_only(text.text):
        return error
    english = len(re.findall(r"[A-Za-z]{2,}", text.text)) >= 3
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text.text)) >= 2
    # a word whose meaning is known (输出大小) is said by its meaning, unless in a sentence;
    # words that state an operation or a number are one (两个核的大小之和减一: it was
    # "unknown symbol", the kernel size's k_h, k_w suggested; s15exam E7)
    named = error.key == "reading.unknown_word_meant" and not states_operation(text.text)
    if not english and (not chinese or named):
        return error
    return refuse("sentence_only", 1, sentence=text.text.strip())


def _rounded(node: ex.Node, notes: list) -> ex.Node:
    """``node`` rounded as a remark after it states (``（结果向上取整）``: ⌈node⌉), where
    that changes the reading: a formula that rounds already the same way, or a big-O,
    keeps its own (the remark stays a remark); one that rounds only the other way
    (``⌊…⌋ + 1, rounded up``) is refused naming the words (``reading.rounding_other``:
    they were dropped, issue 21)."""
    stated = [note for note in notes if note.key == ROUNDING_NOTE]
    if not stated:
        return node
    kinds = ex.kinds_in(node) & {ex.Floor, ex.Ceil}
    if isinstance(node, ex.BigO) or kinds:
        how = dict(stated[0].fields)["rounding"]
        if kinds and (ex.Ceil if how == "ceil" else ex.Floor) not in kinds:
            raise refuse("rounding_other", 0, rounding=how)
        notes.remove(stated[0])
        return node
    return (ex.Ceil if dict(stated[0].fields)["rounding"] == "ceil" else ex.Floor)(node)


def _derived(tree: ex.Node) -> dict:
    """What a reading derives from its tree: the tree, its text, LaTeX, symbols, kinds."""
    return {
        "tree": tree,
        "text": to_text(tree),
        "latex": to_latex(tree),
        "symbols": ex.symbols_in(tree),
        "kinds": ex.kinds_in(tree),
    }
