"""Sums and products over a stack's layers (issue 21): the size of the kernel two layers
compose to, written as notes on receptive fields write the field of L layers, a sum over
the layers of each kernel's growth times the product of the strides before it:

* ``1 + \\sum_{i=1}^{L} (k_i - 1) \\prod_{j=1}^{i-1} s_j`` (TeX's ``\\sum``, ``\\prod``),
  ``1 + Σ_{i=1}^{L} (k_i − 1) ∏_{j<i} s_j`` (Unicode's Σ ∑ and ∏ Π), ASCII's
  ``sum_{i=1}^{L}`` and ``prod_{j=1}^{i-1}``;
* a range below the operator (``_{i=1}``, ``_{j<i}``, ``_{j\\le i-1}``, ``_{1\\le i\\le
  L}``) and its top above it (``^{L}``, ``^{i-1}``): whole numbers, the index of an
  enclosing sum plus or minus a number, and the stack's count of layers (``L``, ``N``,
  ``n``);
* the operator's body: what follows it up to a ``+``, ``−``, ``=``, a comma or a closing
  bracket outside brackets (a product of factors, as ``Σ a b`` is read in print).

Unrolled at the question's layers (the kernels k_1 then k_2 at the model's default
stride, :func:`question_stride`: the question's two layers, :data:`KERNELS`; a stack of
:data:`LAYERS` layers): each index is put in its range's values, an indexed letter is
resolved by the role its name reads as (a kernel's ``k_i``, ``K_i``, ``f_i``,
``kernel_i`` is the question's kernel of layer i; a stride's ``s_j``, ``S_j``,
``stride_j`` or a jump's ``j_i`` is the question's stride), a sum's terms added, a
product's multiplied (an empty sum is 0, an empty product 1).  A product of strides
alone is the question's stride whatever its range says (``\\prod_{j=1}^{l-1} s_j`` with ``l`` no enclosing
index).  An index outside the question's layers (``k_0``, ``k_3``), a name of no such
role (``x_i``), a range that does not read, or ranges whose terms number more than
:data:`.limits.MAX_TERMS` in all (nested ones multiplied, counted before any is built)
leaves the answer not unrolled (None):
the reader then refuses it in one line naming the operator it cannot read.

Nothing evaluates text: names are replaced by bracketed text, and the bounds are whole
numbers added and subtracted by this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from derivations.checking.reading.aliases import COMPOSE_SYMBOLS
from derivations.checking.reading.informal import Note, lazy_pattern
from derivations.checking.reading.limits import MAX_TERMS
from derivations.registry.notations import layer_counts, layer_indices

__all__ = [
    "KERNELS",
    "LAYERS",
    "question_dilation",
    "question_stride",
    "SUMMED_NOTE",
    "not_unrolled",
    "stride_like",
    "unrolled_sums",
    "layer_letters",
    "with_letters",
]

SUMMED_NOTE = "reading.note.summed_layers"
# the question's layers (registry/questions.py's compose-size: two kernels at the
# model's default stride, :func:`question_stride`): the kernel of layer 1, of layer 2
KERNELS: tuple[str, ...] = tuple(COMPOSE_SYMBOLS)
LAYERS = len(KERNELS)


@cache
def question_stride() -> str:
    """The stride of the question's layers as written: the default the model's
    :class:`~derivations.model.Layer` holds ``s_h`` at (the book's layer)."""
    from derivations.model import Layer
    from derivations.registry.symbols import BY_NAME

    return str(getattr(Layer, BY_NAME["s_h"].attribute))


@cache
def question_dilation() -> str:
    """The dilation of the question's layers as written: the default the model's
    :class:`~derivations.model.Layer` holds ``d_h`` at (the book's layer)."""
    from derivations.model import Layer
    from derivations.registry.symbols import BY_NAME

    return str(getattr(Layer, BY_NAME["d_h"].attribute))


# a sum's or a product's operator, and what it does with its terms
_OPERATOR = lazy_pattern(r"\\sum|\\prod|[Σ∑∏Π]|(?<![A-Za-z\\])(?:sum|prod)(?=\s*_)")
_PRODUCTS = frozenset({"\\prod", "∏", "Π", "prod"})


def layer_letters() -> tuple[str, ...]:
    """The letters of a layer's index and of the stack's count of layers (the notation
    registry's :func:`.notations.layer_indices` then :func:`.notations.layer_counts`,
    each once)."""
    return tuple(dict.fromkeys((*layer_indices(), *layer_counts())))


@cache
def _letter_class() -> str:
    """A character class's body of the letters an index or a bound may be: ASCII's and
    the layer letters outside it (:func:`layer_letters`: ``ℓ``)."""
    return "A-Za-z" + "".join(c for c in layer_letters() if not c.isascii())


def with_letters(pattern: str) -> Callable[[], re.Pattern]:
    """``pattern`` compiled on first use, each ``{LETTER}`` in it the body of a character
    class of the letters an index or a bound may be (:func:`_letter_class`)."""
    return cache(lambda: re.compile(pattern.replace("{LETTER}", _letter_class())))


# a part of a range: ``_{…}`` or ``_x``, ``^{…}`` or ``^x``
_PART = with_letters(r"\s*(?P<mark>[_^])\s*(?:\{(?P<braced>[^{}]*)\}|(?P<one>[{LETTER}0-9]))")
_RELATION = lazy_pattern(r"\\leq?(?![A-Za-z])|\\lt(?![A-Za-z])|<=|≤|<|=")
# an indexed name: a letter or a word, an underscore, its index
_INDEXED = with_letters(
    r"(?<![\w\\])(?P<base>[A-Za-z][A-Za-z]*)_(?:\{(?P<braced>[^{}]*)\}|(?P<one>[{LETTER}0-9]))"
)
_BOUND = with_letters(r"\s*(?P<sign>[-+−]?)\s*(?P<term>\d+|[{LETTER}])\s*")
_LETTER = with_letters(r"[{LETTER}]")


class _NotUnrolled(Exception):
    """A sum or a product that does not unroll: ``part`` is what does not read."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def stride_like(name: str) -> str | None:
    """``"kernel"`` or ``"stride"`` (a jump too: the product of the strides before a
    layer), what a name of an indexed letter reads as, or None."""
    from derivations.checking.reading.recursion import role

    return role(name)


def _jump(name: str) -> bool:
    """Whether ``name`` is a jump's (the product of the strides before a layer)."""
    from derivations.checking.reading.recursion import is_jump

    return is_jump(name)


def _value(text: str, env: dict[str, int]) -> int | None:
    """A bound's whole number: terms (whole numbers, an enclosing index's value, the
    stack's count of layers) added and subtracted; None when a term does not read."""
    text = text.replace("−", "-").strip()
    if not text:
        return None
    total, at = 0, 0
    while at < len(text):
        match = _BOUND().match(text, at)
        if match is None or (at and not match["sign"]):
            return None
        term = match["term"]
        if term.isdigit():
            value = int(term)
        elif term in env:
            value = env[term]
        elif term in layer_counts():
            value = LAYERS
        else:
            return None
        total += -value if match["sign"] in ("-", "−") else value
        at = match.end()
    return total


def _range(lower: str | None, upper: str | None, env: dict[str, int]):
    """(index, first, last, readable): the index a range names and its bounds (None
    where one does not read); None when no index is named."""
    if lower is None:
        return None
    parts = [p.strip() for p in _RELATION().split(lower)]
    relations = [m.group() for m in _RELATION().finditer(lower)]
    if len(parts) == 3 and all(r != "=" for r in relations):  # 1 \le i \le L
        first, index, last = parts
        low = _value(first, env)
        high = _value(last, env)
        if low is not None and relations[0] in ("<", r"\lt"):
            low += 1
        if high is not None and relations[1] in ("<", r"\lt"):
            high -= 1
        return index, low, high
    if len(parts) == 1:  # \sum_i, \sum_i^L: every layer, or from 1 to the top
        index = parts[0]
        return index, 1, _value(upper, env) if upper is not None else LAYERS
    if len(parts) != 2:
        return None
    index, bound = parts
    if relations[0] == "=":
        return index, _value(bound, env), _value(upper, env) if upper is not None else None
    if upper is not None:
        return None
    high = _value(bound, env)
    if high is not None and relations[0] in ("<", r"\lt"):
        high -= 1
    return index, 1, high


def _body_end(text: str, at: int) -> int:
    """Where the body of an operator starting at ``at`` ends: at a ``+``, ``−``, ``=``,
    comma or semicolon outside brackets (not the body's first character), or at a
    bracket that closes one opened before it."""
    depth = 0
    start = at
    while at < len(text) and text[at] == " ":
        at += 1
    first = at
    while at < len(text):
        char = text[at]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return at
            depth -= 1
        elif depth == 0 and at > first and char in "+-−=,;<>\n":
            return at
        at += 1
    return at if at > start else start


def _resolved(body: str, env: dict[str, int]) -> str:
    """``body`` with each index of ``env`` put in: an indexed name by its role (a
    kernel: the question's kernel of that layer; a stride or a jump: the question's
    stride), a bare index
    by its value; raises :class:`_NotUnrolled` (the name with the layer's number) where
    an index is outside the layers or the name has no such role."""

    def name(match: re.Match) -> str:
        index = match["braced"] if match["braced"] is not None else match["one"]
        if not any(letter in env for letter in _LETTER().findall(index)):
            return match.group()
        layer = _value(index, env)
        read = stride_like(match["base"])
        if layer is None or read is None or not 1 <= layer <= LAYERS:
            raise _NotUnrolled(f"{match['base']}_{layer if layer is not None else index}")
        if read == "stride" and not _jump(match["base"]):
            raise _NotUnrolled(match.group())  # a stride not in a product of those before
        return f"({KERNELS[layer - 1]})" if read == "kernel" else f"({question_stride()})"

    text = _INDEXED().sub(name, body)
    for letter, value in env.items():
        text = re.sub(rf"(?<![\w\\{{_]){re.escape(letter)}(?![\w}}])", f"({value})", text)
    return text


def _unrolled(text: str, env: dict[str, int], left: list[int]) -> str:
    """``text`` with its first operator (and those after it, and those in its body)
    unrolled under the enclosing indices ``env``; raises :class:`_NotUnrolled` where one
    does not unroll, or where its terms would take the answer past ``left[0]`` terms
    more (counted down before they are built: :data:`.limits.MAX_TERMS` in all)."""
    found = _OPERATOR().search(text)
    if found is None:
        return text
    joiner = "*" if found.group() in _PRODUCTS else "+"
    at = found.end()
    parts: dict[str, str] = {}
    for _ in range(2):
        part = _PART().match(text, at)
        if part is None or part["mark"] in parts:
            break
        parts[part["mark"]] = part["braced"] if part["braced"] is not None else part["one"]
        at = part.end()
    end = _body_end(text, at)
    body = text[at:end].strip()
    bounds = _range(parts.get("_"), parts.get("^"), env)
    if joiner == "*" and _strides_alone(body):
        if not _before_its_layer(text, parts.get("_"), parts.get("^")):
            raise _NotUnrolled(text[found.start() : end].strip())
        terms = [question_stride()]  # the strides before a layer
    elif not body or bounds is None or bounds[0] not in layer_indices():
        raise _NotUnrolled(text[found.start() : at].strip() or found.group())
    elif bounds[1] is None or bounds[2] is None:
        raise _NotUnrolled(text[found.start() : at].strip())
    else:
        index, first, last = bounds
        if last - first + 1 > left[0]:
            raise _NotUnrolled(text[found.start() : at].strip())
        left[0] -= max(last - first + 1, 0)
        terms = []
        for value in range(first, last + 1):
            inner = _unrolled(body, {**env, index: value}, left)
            terms.append(f"({_resolved(inner, {**env, index: value})})")
    done = f" {joiner} ".join(terms) if terms else ("0" if joiner == "+" else "1")
    return f"{text[: found.start()]}({done}){_unrolled(text[end:], env, left)}"


def _strides_alone(body: str) -> bool:
    """Whether ``body`` is one stride's indexed name (``s_j``, ``stride_{j}``, ``(s_j)``)."""
    bare = re.sub(r"\\(?:left|right)(?![A-Za-z])|[\s$()]", "", body)
    match = _INDEXED().fullmatch(bare)
    return match is not None and stride_like(match["base"]) == "stride"


def _before_its_layer(text: str, lower: str | None, upper: str | None) -> bool:
    """Whether a product of strides over the range ``lower``/``upper`` in ``text`` (the
    term it multiplies, with its kernel) runs from layer 1 to the layer before its
    kernel's (``\\prod_{j=1}^{i-1} s_j`` beside ``k_i``, ``\\prod_{i=1}^{l} s_i``
    beside ``k_{l+1}``, ``\\prod_{j<i}``): the strides a kernel's growth is scaled by.
    A range to the kernel's own layer or to the last layer is not (at the question's
    stride of 1 each gives the same number, so its range is what is judged); a product
    with no range, or a top whose letter indexes no kernel, is not judged (True)."""
    if lower is None:
        return True  # (``Π S_i``: no range to judge)
    parts = [p.strip() for p in _RELATION().split(lower)]
    relations = [m.group() for m in _RELATION().finditer(lower)]
    if len(parts) == 3 and upper is None:  # 1 \le j \le i-1, 1 \le j < i
        first, top = parts[0], parts[2]
        less = relations[1] in ("<", r"\lt")
    elif len(parts) == 2 and relations[0] == "=" and upper is not None:  # j=1, ^{i-1}
        first, top, less = parts[1], upper, False
    elif len(parts) == 2 and upper is None:  # j<i, j \le i-1
        first, top, less = "1", parts[1], relations[0] in ("<", r"\lt")
    else:
        return False
    letters = [c for c in top if c in layer_indices()]
    if _value(first, {}) != 1 or len(set(letters)) != 1:
        return False
    letter = letters[0]
    offset = _value(top, {letter: 0})
    if offset is None:
        return False
    offset -= less
    kernels = [
        _value(m["braced"] if m["braced"] is not None else m["one"], {letter: 0})
        for m in _INDEXED().finditer(text)
        if stride_like(m["base"]) == "kernel"
        and letter in (m["braced"] if m["braced"] is not None else m["one"])
    ]
    # a top whose letter indexes no kernel (``\\prod_{j=1}^{l-1}`` beside ``k_i``) says no
    # layer: not judged
    return all(k == offset + 1 for k in kernels)


def unrolled_sums(answer: str) -> tuple[str, Note] | None:
    """The answer with its sums and products over the layers unrolled at the question's
    layers (see the module's docstring) and the note; None when it has none, or one
    does not unroll."""
    if _OPERATOR().search(answer) is None or _stride_stated(answer):
        return None
    try:
        text = _unrolled(answer, {}, [MAX_TERMS])
    except _NotUnrolled:
        return None
    # as written, a brace around one character dropped (``^{L}`` is ``^L`` in TeX)
    written = re.sub(r"\{(\w)\}", r"\1", " ".join(answer.split()))
    return text, Note(SUMMED_NOTE, (("text", written), ("stride", question_stride())))


# a name given a whole number (``s = 2``, ``stride_1 = 2``, ``s_j=2``)
_STATED = lazy_pattern(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)(?:_\{?\w+\}?)?\s*=(?!=)\s*(?P<value>\d+)(?![\w.])"
)


def _stride_stated(answer: str) -> str | None:
    """A stride the answer states beside its sum (``…, s = 2``) other than the
    question's: the statement; None when it states none (the sum then is of another
    stack than the question's: not run at the question's stride)."""
    for match in _STATED().finditer(answer):
        if stride_like(match["name"]) == "stride" and match["value"] != question_stride():
            return match.group()
    return None


def not_unrolled(answer: str) -> str | None:
    """What of the answer's sums and products over the layers does not unroll (an
    operator with its range, ``\\sum_{i=0}^{M}``; an indexed name outside the layers or
    of no kernel's or stride's name, ``k_0``, ``x_1``), or None."""
    if _OPERATOR().search(answer) is None:
        return None
    stated = _stride_stated(answer)
    if stated is not None:
        return stated
    try:
        _unrolled(answer, {}, [MAX_TERMS])
    except _NotUnrolled as failed:
        return failed.part
    return None
