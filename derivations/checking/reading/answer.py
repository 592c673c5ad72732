"""How one answer to one question was read: the typed value ``check --validate`` prints
and the grade report's ``parsed`` column shows (STACK's "your answer was interpreted as").
"""

from __future__ import annotations

import re
from functools import lru_cache

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import Note, lazy_pattern
from derivations.checking.reading.normalize import plain_labels
from derivations.checking.reading.parse import Parsed, parse_answer
from derivations.expr import tree as ex
from derivations.expr.printers import to_unicode
from derivations.records import record, replace
from derivations.registry.questions import QUESTIONS, Shape

__all__ = ["Reading", "read_answer", "parse_for", "per_axis", "constructed", "unheld", "MOST_SIZES"]


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


# words (a name) and a colon or equals sign before a pair (``Output, `Y: (…, …)` ``,
# ``output size = (…, …)``)
_PAIR_LABEL = lazy_pattern(r"^\s*(?P<label>[^\W\d][\w\s,'’`]*?)\s*[:=]\s*`*\s*(?=[(\[（])")


def _pair(text: str) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """``(a, b)`` around the whole answer (inside one math span, ``$(a, b)$``, too), or
    one formula twice with no bracket (:func:`_alike`): the two parts and their offsets."""
    stripped = text.strip()
    for mark in "$`":  # one math span or code span around it
        if len(stripped) > 2 and stripped[0] == stripped[-1] == mark and mark not in stripped[1:-1]:
            stripped = stripped[1:-1].strip()
    if len(stripped) < 5 or stripped[0] not in _PAIR_OPEN or stripped[-1] not in _PAIR_CLOSE:
        return _alike(text, stripped)
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


def _alike(text: str, inner: str) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """``a, a`` with no bracket around it, one formula twice (``n-f+1,n-f+1``, a square
    layer's two sizes as notes write them): the two parts and their offsets; None
    otherwise (two different formulas with no bracket are no pair read here).  ``inner``
    is ``text`` without the span's marks around it."""
    if "," not in inner and "，" not in inner:  # (most answers: no character walked)
        return None
    base = text.index(inner) if inner else 0
    depth, commas = 0, []
    for index, char in enumerate(inner):
        depth += (char in "([{（【⌊⌈") - (char in ")]}）】⌋⌉")
        if depth == 0 and char in ",，":
            commas.append(index)
    if len(commas) != 1:
        return None
    first, second = inner[: commas[0]], inner[commas[0] + 1 :]
    if not first.strip() or "".join(first.split()) != "".join(second.split()):
        return None
    return (first, base), (second, base + commas[0] + 1)


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
    product of two different sizes, k_1 k_2, is a product; a pair of them is refused); a
    pair of one formula twice (``(n-f+1, n-f+1)``) is a square layer's: that formula."""
    first, second = parts
    if how.axis is None:
        if not ex.symbols_in(first):
            return None
        if first != second:
            if pair:
                raise refuse("shape_unequal", column)
            return None
        return first
    if _along(first, 0) and _along(second, 1):
        return parts[how.axis]
    if pair and first == second and ex.symbols_in(first):
        return first  # (n-f+1, n-f+1): a square layer's sizes, each axis the same
    return None


def _along(tree: ex.Node, axis: int) -> bool:
    """:func:`per_axis` of the symbols the book spells (an author's own letter, ``?h_w``,
    left to inference): the pair's order, (height, width), shown by them."""
    names = {name for name in ex.symbols_in(tree) if not name.startswith("?")}
    return bool(names & _AXIS_SYMBOLS[axis]) and names <= _AXIS_SYMBOLS[axis] | _SHARED


def _as_shape(parsed: Parsed, text: str, question_id: str) -> Parsed:
    how = _shape_of(question_id)
    if how is None:
        return parsed
    tree = parsed.tree
    if isinstance(tree, ex.Mul) and len(tree.parts) == 2:
        chosen = _shape(list(tree.parts), how, None, pair=False)
        if chosen is not None:  # an x between them read as "by", so no times sign: not said
            kept = tuple(note for note in parsed.notes if note.key != _TIMES_SIGN_NOTE)
            return _reparsed(parsed.with_tree(parsed.tree, notes=kept), chosen, "shape_product")
    return parsed


_TIMES_SIGN_NOTE = "reading.note.times_sign"  # (x between two factors read as a times sign)


def _reparsed(parsed: Parsed, tree: ex.Node, note: str) -> Parsed:
    return parsed.with_tree(tree, notes=parsed.notes + (Note(f"reading.note.{note}"),))


# what a tensor's shape is given by before its bracket: a constructor (``rand(c_o, 1)``,
# ``np.zeros((c_o,))``, ``torch.empty(c_o)``) or the word shape (``of shape (c_o, 1)``)
_CONSTRUCTOR = lazy_pattern(
    r"(?P<module>(?:np|numpy|torch|tf|jnp)\s*\.\s*(?:random\s*\.\s*)?)?"
    r"(?:rand|randn|zeros|ones|empty)\s*$"
)
# (a word of its own, or a name's last part: ``bias_shape = (c_o,)``; ``out_shape[1]``,
# ``x.shape[1]`` are an index of a shape)
_SHAPE_WORD = lazy_pattern(
    r"(?:(?:(?:^|(?<=[\s:=：]))shape|形状)\s*(?:is|=|:|：|为|是)?"
    r"|(?:^|(?<=\s))[A-Za-z]\w*[_-]shape\s*(?:=|:))\s*$",
    re.I,
)
# (a name and its key or index: ``self.params['b1'] =``)
# (a label's words joined by a hyphen: ``bias-shape:``)
_LEAD = lazy_pattern(r"^(?:[\w\s'’,.:=\[\]\"]|(?<=\w)-(?=\w))*$")
# what each allocation :data:`_ALLOCATION` reads holds (a substring test first)
_ALLOCATING = ("new", "vector", "make", "filled", "vec!", "zeros", "get", "Resize")


def _closing_bracket(text: str) -> tuple[int, int] | None:
    """[open, close] of the bracket ending ``text`` (a ``;`` or full stop after it
    allowed), or None."""
    stripped = text.rstrip(" ;.。")
    if not stripped or stripped[-1] not in ")]":
        return None
    depth = 0
    for index in range(len(stripped) - 1, -1, -1):
        depth += (stripped[index] in ")]") - (stripped[index] in "([")
        if depth == 0:
            return index, len(stripped) - 1
    return None


def _arguments(text: str, start: int, end: int) -> list[tuple[str, int, str | None]]:
    """The top-level arguments of the call whose brackets enclose ``text[start:end]``:
    (the value, its offset, its keyword or None)."""
    found, depth, begin = [], 0, start
    for index in range(start, end + 1):
        char = text[index] if index < end else ","
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and char == ",":
            part = text[begin:index]
            keyword = re.match(r"\s*([A-Za-z_]\w*)\s*=(?!=)", part)
            if keyword:
                found.append((part[keyword.end() :], begin + keyword.end(), keyword.group(1)))
            elif part.strip():
                found.append((part, begin, None))
            begin = index + 1
    return found


def _entries(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The top-level comma-separated entries of ``text[start:end]`` (offsets kept), an
    empty one (``(c_o,)``) and a keyword (``dtype=…``) left out."""
    return [
        (part, at)
        for part, at, said in _arguments(text, start, end)
        if said is None and "=" not in part
    ]


def _tensor_shape(text: str) -> tuple[list[tuple[str, int]], str] | None:
    """The sizes of a tensor's shape an answer gives (see :data:`_CONSTRUCTOR`), and the
    shape as written; None when it gives none.  Refused when a bare constructor has one
    size (MATLAB's ``rand(n)`` is n × n, NumPy's and Julia's n)."""
    bracket = _closing_bracket(text)
    if bracket is None:
        return None
    opening, closing = bracket
    before = text[:opening]
    made = _CONSTRUCTOR().search(before)
    said = made or _SHAPE_WORD().search(before)
    lead = before[: said.start()] if said else before
    if not _LEAD().match(lead) or (said is None and lead.strip()):
        return None
    entries = _entries(text, opening + 1, closing)
    if made and len(entries) == 1:
        inner = entries[0][0].strip()
        if inner[:1] in "([" and inner[-1:] in ")]":
            first = text.index(inner[0], entries[0][1])
            entries = _entries(text, first + 1, first + len(inner) - 1)
        elif made.group("module") is None:
            raise refuse("shape_one_size", opening + 1, shape=text[made.start() : closing + 1])
    if not entries or (said is None and len(entries) < 2 and text[closing - 1 : closing] != ","):
        return None  # (c_o): a bracket, no shape
    return entries, text[(said.start() if said else opening) : closing + 1]


# a one-dimensional buffer allocated in code, its length the group n (then any
# arguments after it, the initial value): Java's and C#'s ``new float[n]`` (C#'s
# rectangular ``new float[a, b]`` its product), C++'s ``std::vector<float> b(n)``, Go's
# ``make([]float64, n)``, Dart's ``List<double>.filled(n, 0.0)``, Rust's ``vec![0.0;
# n]``, JavaScript's ``new Float32Array(n)``, candle's ``Tensor::zeros(n, …)`` and its
# VarBuilder's ``vb.get(n, "bias")`` (the shape first, then the tensor's name), Apache
# SINGA's ``bias_.Resize(Shape{n})``; a declaration before it (``float[] b =``, ``var b :=``), ``;`` or Rust's ``?`` after
_ALLOCATION = lazy_pattern(
    r"^\s*(?:[\w\s<>\[\]:.,*&]*?(?:=|:=)\s*)?"
    r"(?P<alloc>new\s+[A-Za-z_][\w<>.]*\s*\[(?P<a>[^\[\]]+)\]"
    r"|(?:std\s*::\s*)?vector\s*<[^<>;=]*>\s*[A-Za-z_]\w*\s*\((?P<b>[^(),]+)(?:,[^()]*)?\)"
    r"|make\s*\(\s*\[\s*\]\s*[A-Za-z_]\w*\s*,(?P<c>[^(),]+)(?:,[^()]*)?\)"
    r"|List\s*(?:<[^<>]*>)?\s*\.\s*filled\s*\((?P<d>[^(),]+),[^()]*\)"
    r"|vec!\s*\[[^\[\];]*;(?P<e>[^\[\];]+)\]"
    r"|new\s+(?:Float32|Float64|Int32)Array\s*\((?P<f>[^(),]+)\)"
    r"|Tensor\s*::\s*zeros\s*\((?P<g>[^(),]+),[^()]*(?:\([^()]*\)[^()]*)*\)"
    r"|[A-Za-z_]\w*\s*\.\s*get(?:_with_hints)?\s*\((?P<h>[^(),]+),\s*['\"]bias['\"][^()]*\)"
    r"|[A-Za-z_]\w*\s*\.\s*Resize\s*\(\s*Shape\s*\{(?P<i>[^{}]+)\}\s*\))"
    r"\s*[;?]*\s*$"
)


def _allocation(text: str) -> tuple[list[tuple[str, int]], str] | None:
    """The sizes of a one-dimensional buffer an answer allocates (:data:`_ALLOCATION`,
    C#'s ``new float[a, b]`` two) and the allocation as written; None when it allocates
    none or its size is blank (``vec![; ]``: read, and refused, as any other text)."""
    match = _ALLOCATION().match(text)
    if match is None:
        return None
    group = next(g for g in "abcdefghi" if match.group(g) is not None)
    entries = _entries(text, match.start(group), match.end(group))
    if not entries:
        return None
    return entries, text[match.start("alloc") : match.end()].strip()


# a call ending the answer, by its dotted name (an object made on the way kept in it:
# ``UniformRandom().initialize``, ``Constant(0.1).initialize``)
_CALL_NAME = lazy_pattern(r"(?P<fn>(?:[A-Za-z_]\w*\s*(?:\([^()]*\)\s*)?\.\s*)*[A-Za-z_]\w*)\s*$")


def _called(text: str, table) -> tuple[str, int, int, int] | None:
    """(the entry of ``table`` a call closing ``text`` calls, found by
    :func:`.notations.find_callable`, an object a call makes and calls found by its
    maker's name and ``()``, ``Zeros()(shape=…)`` by ``…Zeros()``; where its name starts;
    its bracket's opening and closing), or None where ``text`` closes with no such call
    (what stands before the name is a name assigned to, :data:`_LEAD`)."""
    from derivations.registry.notations import find_callable

    bracket = _closing_bracket(text)
    if bracket is None or text[bracket[0]] != "(":
        return None
    opening, closing = bracket
    before, made = text[:opening].rstrip(), ""
    if before.endswith(")"):  # an object a call makes, called (Zeros()(shape=…))
        inner = _closing_bracket(before)
        if inner is None or before[inner[0]] != "(":
            return None
        before, made = before[: inner[0]], "()"
    called = _CALL_NAME().search(before)
    if called is None or not _LEAD().match(text[: called.start()]):
        return None
    found = find_callable(re.sub(r"\s+", "", called.group("fn")) + made, table)
    return None if found is None else (found, called.start(), opening, closing)


def constructed(text: str) -> tuple[list[tuple[str, int]], str] | None:
    """The sizes of the array a call ending ``text`` makes, where the call is to a
    constructor the notation registry names (:func:`.notations.constructors`:
    ``np.random.uniform(0, 1, size=(c_o,))``, ``init.rand(c_o, low=-k, high=k)``,
    ``UniformRandom().initialize(c_o, None, None)``) and its shape is given by position
    or by keyword: the entries of a bracketed shape, else the sizes given (one, or the
    separate sizes of ``torch.zeros(c_o, 1)``); and the call as written.  None otherwise:
    no such call, its shape not given, given twice (a keyword and a position: a
    TypeError in Python), or blank."""
    from derivations.registry.notations import constructors

    table = constructors()
    found = _called(text, table)
    if found is None:
        return None
    name, start, opening, closing = found
    first, stop, keyword = table[name]
    arguments = _arguments(text, opening + 1, closing)
    given = [(part, at) for part, at, said in arguments if said is not None and said == keyword]
    positional = [(part, at) for part, at, said in arguments if said is None]
    placed = positional[first:stop] if first is not None else []
    count = stop - first if stop is not None and first is not None else 1
    if count > 1 and given:  # kaiming_uniform(fan_in, fan_out, shape=…): the shape given
        placed = []
    elif count > 1 and len(placed) != count:
        return None
    if not (given or placed) or (given and placed) or len(given) > 1:
        return None
    entries = []
    for part, at in given or placed:
        inner = part.strip()
        if not inner:
            return None
        if inner[0] in "([" and inner[-1] in ")]":
            if len(given or placed) > 1:
                return None  # torch.zeros((c_o,), 1): no shape
            first_at = text.index(inner[0], at)
            entries = _entries(text, first_at + 1, first_at + len(inner) - 1)
        else:
            entries.append((part, at))
    if not entries:
        return None
    return entries, text[start : closing + 1]


def unheld(text: str) -> str:
    """``text`` with a call closing it that only holds a tensor (the registry's
    :func:`.notations.holders`: ``nn.Parameter(…)``, ``tf.Variable(…, name='b')``,
    ``nn.init.uniform_(…, -k, k)``) replaced by the tensor it holds, its first argument
    (given by position); twice at most (``Parameter(nn.init.zeros_(…))``).  A call the
    constructors record names (Gluon's ``gluon.Parameter('bias', shape=…)``) holds none."""
    from derivations.registry.notations import constructors, holders

    for _ in range(2):
        found = _called(text, holders()) if "(" in text else None
        if found is None or _called(text, constructors()) is not None:
            break
        _, start, opening, closing = found
        arguments = _arguments(text, opening + 1, closing)
        if not arguments or arguments[0][2] is not None:
            break
        part, at, _ = arguments[0]
        text = (text[:start] + " " * (at - start) + part).rstrip()  # (its columns kept)
    return text


# the bias made only where the layer has one, a conditional expression closing the
# answer (``Parameter(…) if bias else None``, ``… if self.use_bias else None``): the
# condition a name of the bias's flag, tested as it is (``is not None``, ``== True``)
_BIAS_MADE = lazy_pattern(
    r"\s+if\s+(?P<flag>(?:self\s*\.\s*)?[A-Za-z_]*[Bb]ias\w*)"
    r"(?:\s+is\s+not\s+None|\s*==\s*True|\s+is\s+True)?\s+else\s+None\s*;?\s*$"
)
BIAS_MADE_NOTE = "reading.note.bias_made"


def _bias_made(text: str) -> tuple[str, Note | None]:
    """``text`` without a conditional expression that makes the bias only where the
    layer has one (:data:`_BIAS_MADE`), and its note; ``text`` and None where it has
    none.  The bias's count is that of the branch that makes it."""
    found = _BIAS_MADE().search(text) if " else" in text else None
    if found is None:
        return text, None
    note = Note(BIAS_MADE_NOTE, (("text", found.group().strip()),))
    return text[: found.start()], note


# a method called on the array a call made (``torch.empty(c_o).uniform_(-k, k)``,
# ``….to(device)``), closing the answer
_AFTER_CALL = lazy_pattern(
    r"\)\s*\.\s*(?P<method>[A-Za-z_]\w*)\s*\((?:[^()]|\([^()]*\))*\)\s*;?\s*$"
)
_NUMBER = r"(?<![\w.])[0-9]+(?:\.[0-9]*)?(?:[eE]-?[0-9]+)?"
# a number scaling the array a call made, after it or before it (``np.random.randn(c_o) *
# 0.01``, ``0.01 * np.random.randn(c_o)``)
_SCALED_AFTER = lazy_pattern(rf"\)\s*[*/]\s*{_NUMBER}\s*;?\s*$")
_SCALED_BEFORE = lazy_pattern(rf"^[\w\s'’,.:=\[\]\"]*?(?P<scale>{_NUMBER}\s*\*\s*)(?=[A-Za-z_])")


def _array_made(text: str) -> str:
    """``text`` without what keeps the shape of the array a call in it makes: the methods
    after the call the notation registry names (:func:`.notations.same_shape`: an
    in-place fill, a conversion) and a number scaling it (blanked, so every column
    still points into the answer as given)."""
    from derivations.registry.notations import same_shape

    while (after := _AFTER_CALL().search(text)) and after.group("method") in same_shape():
        text = text[: after.start() + 1]
    if scaled := _SCALED_AFTER().search(text):
        text = text[: scaled.start() + 1]
    if scaled := _SCALED_BEFORE().match(text):
        text = (
            text[: scaled.start("scale")] + " " * len(scaled.group("scale")) + text[scaled.end() :]
        )
    return text


# the most sizes a tensor's shape written in an answer is read with (the book's tensors
# have four; a counted limit, so a shape of hundreds of sizes is refused in one line)
MOST_SIZES = 8


def _shape_count(found, letters: bool, symbols) -> Parsed:
    """The count of the elements of a shape: the product of its sizes, noted; refused
    (``reading.shape_too_many_sizes``) past :data:`MOST_SIZES` sizes."""
    entries, written = found
    if len(entries) > MOST_SIZES:
        raise refuse(
            "shape_too_many_sizes",
            entries[0][1],
            shape=written.strip()[:40] + ("…" if len(written.strip()) > 40 else ""),
            count=len(entries),
            limit=MOST_SIZES,
        )
    parts = [_part(part, offset, letters, symbols) for part, offset in entries]
    tree = ex.mul(*(part.tree for part in parts)) if len(parts) > 1 else parts[0].tree
    notes = tuple(note for part in parts for note in part.notes)
    note = Note("reading.note.shape_count", (("shape", written.strip()),))
    return parts[0].with_tree(tree, notes=(*notes, note))


# the name an array is assigned to, before its ``=``: a key (``self.params['W1'] =``) or
# the last name of an attribute (``self.weight =``, ``W1: Tensor =``)
_ASSIGNED = lazy_pattern(
    r"(?:\[\s*['\"](?P<key>[^'\"\]]+)['\"]\s*\]|(?P<attr>[^\W\d]\w*))\s*(?::[^=]*)?=\s*$"
)


def _named(parsed: Parsed, text: str, written: str) -> Parsed:
    """``parsed`` (the count of an array ``text`` makes, ``written`` the making as written)
    with the name the array is assigned to as its name, as ``name = formula`` has
    one, so the checker judges it as it judges that name (``self.params['weight'] =
    np.zeros(c_o)`` as ``weight = c_o``)."""
    at = text.find(written.strip())
    found = _ASSIGNED().search(text[:at]) if at > 0 else None
    if found is None or parsed.name is not None:
        return parsed
    name = found.group("key") or found.group("attr")
    return replace(parsed, name=name, name_column=found.start())


def parse_for(text: str, question_id: str, letters: bool = False) -> Parsed:
    """:func:`.parse_answer` (``letters`` as there), plus what only the question tells: a
    shape (a pair, or a product of two per-axis sizes) where the question asks for one
    size of it."""
    how = _shape_of(question_id)
    symbols = _symbols(question_id)
    found = QUESTIONS.get(question_id)
    if found is not None and found.tensor and isinstance(text, str):
        held, made = _bias_made(text) if found.id == "bias-size" else (text, None)
        held = plain_labels(held)  # (\text{bias-shape:} (c_o,): the label as written plain)
        held = unheld(held) if "(" in held else held
        held = _array_made(held) if "(" in held else held
        shape = constructed(held) if "(" in held else None
        if shape is None:
            shape = _tensor_shape(held)
        if shape is None and any(mark in text for mark in _ALLOCATING):
            shape = _allocation(text)
        if shape is not None:
            parsed = _named(_shape_count(shape, letters, symbols), held, shape[1])
            return parsed if made is None else replace(parsed, notes=(made, *parsed.notes))
    pair = _pair(text) if how is not None and isinstance(text, str) else None
    labelled = None
    if pair is None and how is not None and isinstance(text, str):
        labelled = _PAIR_LABEL().match(text)
        pair = _pair(text[labelled.end() :].rstrip(" `.")) if labelled else None
        if pair is not None and labelled is not None:
            (one, at), (two, after) = pair
            pair = ((one, at + labelled.end()), (two, after + labelled.end()))
    if pair is None or how is None:  # (no shape asked: no pair either)
        return _as_shape(parse_answer(text, letters, symbols), text, question_id)
    parts = [_part(part, offset, letters, symbols) for part, offset in pair]
    chosen = _shape([p.tree for p in parts], how, pair[0][1], pair=True)
    if chosen is None:
        raise refuse("pair", pair[0][1])
    first = parts[0]
    notes = parts[0].notes + parts[1].notes
    if labelled is not None:  # Output, `Y: (…, …)`: the words before the pair
        label = " ".join(labelled.group("label").replace("`", " ").split())
        notes = (Note("reading.note.label", (("counting", ""), ("label", label))), *notes)
    return _reparsed(replace(first, notes=notes), chosen, "shape_pair")


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
