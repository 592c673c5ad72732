"""A receptive field's recursion (issue 21): the size of the kernel two layers compose to,
written as the step that grows a receptive field by one layer, as notes and code on
receptive fields write it:

* forward, from the input: ``r_out = r_in + (k - 1) * j_in`` (j the jump, the product of
  the strides before the layer), ``RF = last_RF + (ksize - 1) * history_stride``,
  ``K = (k - 1) * S + K``;
* a layer's step written with its index: ``RF_ℓ = RF_{ℓ−1} + (K_ℓ − 1) · Π S_i`` (the
  previous layer's field, this layer's kernel, the product of the strides before it:
  the jump), the index i too, attached to its names or not (``RFi = RFi-1 + (ki - 1) *
  Si``);
* a step written for the next layer (``RF_{l+1} = (RF_l - 1) * Π strides_i + f_{l+1}``);
* backward, from the output: ``RF = (RF - 1) * stride + fsize``, ``def f(out, ksize,
  stride): return (out - 1) * stride + ksize`` (or a C-like function's ``{ return …; }``),
  a function defined as in print (``f(N_RF, stride, kernel) = (N_RF - 1) * stride +
  kernel``).

Its sums and products over the layers are unrolled first (:mod:`.indexed`: a product of
the strides before a layer, ``∏_{i=1}^{l-1} stride_i``, is the question's stride); an answer with no step but
such a sum is that sum unrolled (its note :data:`.indexed.SUMMED_NOTE`).

Such a step is run over the question's two layers (kernels k_1 then k_2 at the model's
default stride, :func:`.indexed.question_stride`: the jump stays that), from a field of one pixel, by putting text in for names: the field before
the step (the name the statement assigns, where its formula uses it, or the one name of
a field before, ``r_in``, ``last_RF``, ``output_size``) is ``1``, then the first step's
formula; the kernel (a name that reads as the kernel: ``k``, ``ksize``, ``fsize``) is
``k_1``, then ``k_2``; the stride or jump (``S``, ``stride``, ``j_in``, ``history_stride``)
is the question's stride, or the whole number the answer gives it (``…, j = 2``: a step for other layers
than the question's, so wrong).  Both orders of the two kernels are given (one statement each: where they
disagree, the checker refuses).  The receptive field grows so in CS231n's notes, each
layer adding (kernel − 1) × jump to it (https://cs231n.github.io/convolutional-networks/:
'the receptive field of the neuron (equivalently this is the filter size)'; Dumoulin and
Visin, A guide to convolution arithmetic for deep learning, arXiv:1603.07285).

Tried only on an answer to the kernels' composition that the reader refused; a
statement with any other name, no field before, or two kernels, is none.  Nothing
evaluates text: names are replaced by bracketed text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from derivations.checking.reading.indexed import (
    KERNELS,
    layer_letters,
    not_unrolled,
    question_dilation,
    question_stride,
    unrolled_sums,
    with_letters,
)
from derivations.checking.reading.informal import Note, lazy_pattern
from derivations.registry.notations import layer_indices

__all__ = ["unrolled", "strided", "not_run", "role", "RECURSION_NOTE", "STRIDED"]

RECURSION_NOTE = "reading.note.recursion"
_WORD = r"[A-Za-z](?:[A-Za-z0-9]|_(?!\{))*(?:_\{[A-Za-z0-9]+\})?"
_NAME = lazy_pattern(rf"(?<![\w\\]){_WORD}(?![\w(])")
_STATEMENT = lazy_pattern(
    rf"(?:^|(?<=[\s,;:，；：]))(?P<lhs>{_WORD})\s*=(?!=)"
    r"\s*(?P<rhs>[^=,;，；。\n\u4e00-\u9fff]+)"
)
# a function of the field before, the kernel and the stride that returns the step
# (Python's ``def f(r, k, s): return …``; C's, Java's, JavaScript's ``int f(int r, int k,
# int s) { return …; }``)
_RETURN = lazy_pattern(
    r"\w+\s*\((?P<params>[^()]*)\)\s*(?:->\s*\w+\s*)?[:{]\s*return\s+(?P<rhs>[^\n;}]+)"
)
# a function of them defined as in print (``f(N_RF, stride, kernel) = (N_RF - 1) * stride
# + kernel``, a chain's last side)
_DEFINED = lazy_pattern(
    r"(?<![\w.\\])[A-Za-z]\w*\s*\((?P<params>[^()=]*)\)\s*=(?!=)\s*(?P<rhs>[^=,;，；。\n]+)"
)
# a return statement alone, its function's head not shown (``return stride *
# rf_size_output + kernel_size - stride``)
_BARE_RETURN = lazy_pattern(r"(?:^|(?<=[\s;{:]))return\s+(?P<rhs>[^\n;}]+)(?P<params>)")
_OPERATOR = re.compile(r"[-+*/]")
# a field's name before the step: a word of these in its parts
_BEFORE = frozenset(
    {"in", "last", "prev", "previous", "old", "before", "input", "current", "cur", "curr"}
)
_FIELD = frozenset({"rf", "r", "field", "receptive", "size", "out", "output", "k", "scope", "fov"})
_JUMP = frozenset({"j", "jump", "jumps"})
# LaTeX's and Markdown's marks (``$…$``, inline code's back-quotes) and their operators
_LATEX = (
    *(("\\cdot", "*"), ("\\times", "*"), ("×", "*"), ("·", "*"), ("−", "-")),
    *(("$", " "), ("`", " ")),
)
_LAYERS = (("k_1", "k_2"), ("k_2", "k_1"))


@functools.cache
def _step_letters() -> tuple[str, ...]:
    """The letters a step's layer index may be: those of a layer's index and of the
    stack's count (:func:`.indexed.layer_letters`: ``RF_l``, ``RF_L``) that name no part
    of the step themselves (not ``j``, a jump's name: :func:`role`)."""
    return tuple(letter for letter in layer_letters() if role(letter) is None)


def _with_index(pattern: str) -> Callable[[], re.Pattern]:
    """``pattern`` compiled on first use, each ``{INDEX}`` in it an alternation of the
    letters a step's layer index may be (:func:`_step_letters`)."""
    return functools.cache(
        lambda: re.compile(pattern.replace("{INDEX}", "|".join(map(re.escape, _step_letters()))))
    )


# a layer's index on the names of a step written for layer ℓ (``RF_ℓ = RF_{ℓ−1} + (K_ℓ −
# 1) · Π S_i``): the previous layer's name is the field before, the layer's own its
# name, a product of the strides before it the jump
_PREVIOUS = _with_index(r"(?P<name>[A-Za-z]+)_\{\s*(?:{INDEX})\s*-\s*1\s*\}")
_INDEXED = _with_index(r"(?P<name>[A-Za-z]+)_(?:\{\s*(?:{INDEX})\s*\}|(?:{INDEX})(?![\w{]))")
# … and the index i attached to its names, no underscore (``RFi = RFi-1 + (ki - 1) * Si``):
# the statement's name ends in i and the same name ends in i-1 on its right (no space in
# ``i-1``: ``RFi - 1`` subtracts)
_ATTACHED = lazy_pattern(r"^\W*(?P<name>[A-Za-z]{1,4})i\s*=(?=[^=]*(?<![\w])(?P=name)i-1(?![\w]))")
_STRIDES = lazy_pattern(
    r"(?:Π|∏|\\prod)\s*(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*(?:\^\{[^{}]*\}|\^[A-Za-z0-9])?\s*"
    r"[Ss](?:_\{[^{}]*\}|_[A-Za-z0-9])"
)


# a step written for the next layer (``RF_{l+1} = (RF_l - 1) * … + f_{l+1}``): its own
# layer's index one above the index it names the layer before with
_NEXT = _with_index(r"(?<![\w\\])[A-Za-z]+_\{\s*(?P<index>{INDEX})\s*\+\s*1\s*\}\s*=(?!=)")


# a step backward written from the layer after (``F_{i} = (F_{i+1} - 1) * stride + k``):
# its own name at the index on the left, at the index one above on its right
_FROM_NEXT = _with_index(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)_(?:\{\s*(?P<index>{INDEX})\s*\}|(?P<bare>{INDEX})(?![\w{]))"
    r"\s*=(?!=)[^=\n]*?(?<![\w\\])(?P=name)_\{\s*(?P=index)(?P=bare)?\s*\+\s*1\s*\}"
)


def _shifted(text: str) -> str:
    """``text`` with a step written for the next layer written for its own (:data:`_NEXT`:
    ``RF_{l+1} = (RF_l - 1) * … + f_{l+1}`` as ``RF_l = (RF_{l-1} - 1) * … + f_l``), and a
    step backward from the layer after written from its own (:data:`_FROM_NEXT`: ``F_{i}
    = (F_{i+1} - 1) * s + k`` as ``F_{i-1} = (F_{i} - 1) * s + k``, the kernel and the
    stride the layer's whose field the left side is)."""
    following = _NEXT().search(text)
    if following is None:
        backward = _FROM_NEXT().search(text)
        if backward is None:
            return text
        index = backward["index"] or backward["bare"]
        pattern = rf"_(?:\{{\s*{index}\s*(?P<offset>[+-]\s*\d+)?\s*\}}|{index}(?![\w{{]))"

        def shifted(match: re.Match) -> str:
            offset = int(match["offset"].replace(" ", "")) if match["offset"] else 0
            return f"_{{{index}{'' if offset == 1 else f'{offset - 1:+d}'}}}"

        name = backward["name"]
        rhs = text[backward.end() :]
        own = re.compile(
            rf"(?<![\w\\])(?!{name}_)[A-Za-z]+_(?:\{{\s*{index}\s*\}}|{index}(?![\w{{]))"
        )
        if own.search(backward.group() + rhs.split("\n")[0]):
            return text  # (the kernel at the layer after's index: not the step's own)
        return re.sub(pattern, shifted, text)
    index = following["index"]

    def one_less(match: re.Match) -> str:
        offset = int(match["offset"].replace(" ", "")) if match["offset"] else 0
        return f"_{{{index}{'' if offset == 1 else f'{offset - 1:+d}'}}}"

    pattern = rf"_(?:\{{\s*{index}\s*(?P<offset>[+-]\s*\d+)?\s*\}}|{index}(?![\w{{]))"
    return re.sub(pattern, one_less, text)


# a step written at one layer's numbers (``r_1 = s_2 \times r_2 + (k_2 - s_2)``, Distill's
# r_{l-1} = s_l r_l + (k_l - s_l) at l = 2): a field's name with a number on the left, the
# same name with the next or the previous number on its right
_NUMBERED = lazy_pattern(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)_(?:\{(?P<braced>\d)\}|(?P<one>\d))\s*=(?!=)(?P<rhs>[^=;\n]*)"
)
_NUMBER = lazy_pattern(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)_(?:\{(?P<braced>\d)\}|(?P<one>\d))(?![\w}])"
)


def _numbered(text: str) -> str:
    """``text`` with a step written at one layer's numbers written over the layer's index
    (:data:`_NUMBERED`: ``r_1 = s_2 r_2 + (k_2 - s_2)`` as ``r_{l-1} = s_l r_l + (k_l -
    s_l)``; a stride at the layer before a forward step's, ``r_2 = r_1 + (k_2 - 1) s_1``,
    as the jump before it, ``jump``); as it is where no statement is such a step, a name
    has another number, or a stride is at the other layer's number than the step's own
    (a forward step's at its own layer, ``(k_2 - 1) s_2``; a backward step's at the layer
    before it, ``s_1 r_2``)."""
    for match in _NUMBERED().finditer(text):
        left = int(match["braced"] or match["one"])
        right = {n for name, n in _numbers(match["rhs"]) if name == match["name"]}
        if len(right) != 1 or abs(next(iter(right)) - left) != 1:
            continue
        later = max(left, *right)
        numbers = _numbers(text)
        if any(n not in (later, later - 1) for _, n in numbers):
            return text
        # the jump before layer 2 is layer 1's stride: a forward step (the later number on
        # its left) names it at the number before; a backward step (Distill's) uses the
        # later layer's own stride
        jump = later - 1 if left == later else None
        strides = {n for name, n in numbers if role(name) == "stride"}
        if strides - {later - 1 if jump is not None else later}:
            return text
        return _NUMBER().sub(functools.partial(_indexed_name, later=later, jump=jump), text)
    return text


def _indexed_name(match: re.Match, later: int, jump: int | None) -> str:
    """A name with a layer's number as a name over the layer's index: the later layer's
    ``_{l}``, the one before it ``_{l-1}``; a stride at number ``jump`` as ``jump``."""
    number = int(match["braced"] or match["one"])
    if number == jump and role(match["name"]) == "stride":
        return "jump"
    return f"{match['name']}_{{l{'' if number == later else '-1'}}}"


def _numbers(text: str) -> set[tuple[str, int]]:
    """Each name with a layer's number in ``text`` and the number (``r_2``: ("r", 2))."""
    return {(m["name"], int(m["braced"] or m["one"])) for m in _NUMBER().finditer(text)}


# a step's own index written as a call's or an array's (``RF(t) = RF(t-1) + …``, ``r[t] =
# r[t-1] + …``): a name at one letter, the letter shifted by one or not
_CALLED = lazy_pattern(
    r"(?<![\w\\])(?P<name>[A-Za-z]\w*)(?P<open>[(\[])\s*(?P<index>[A-Za-z])"
    r"\s*(?P<offset>[-+−]\s*1)?\s*[)\]]"
)
# a name at a letter subscripted, shifted by one or not (``l_{k}``, ``l_{k-1}``, ``R_L``)
_AT_LETTER = lazy_pattern(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)_(?:\{\s*(?P<index>[A-Za-z])\s*(?P<offset>[-+−]\s*1)?"
    r"\s*\}|(?P<bare>[A-Za-z])(?![\w{]))"
)
# TeX's words and sized brackets around a step's parts (``r_{\text{next}}``, ``\left [
# (f_{k}-1) \right ]``): the word, the bracket as a parenthesis
_TEX_WORD = lazy_pattern(r"\\(?:text|mathrm|operatorname|textrm|rm)\s*\{\s*(?P<word>\w+)\s*\}")
_SIZED = lazy_pattern(r"\\(?:left|right|big|Big|bigg|Bigg)\s*(?P<bracket>[()\[\]])")


def _offset(match: re.Match) -> int:
    written = (match["offset"] or "").replace(" ", "").replace("−", "-")
    return {"": 0, "-1": -1, "+1": 1}[written]


def _step_index(text: str) -> str:
    """``text`` with a step's own index written as a layer's (:func:`_layer_indexed` reads
    that): a call's or an array's index as a subscript (``RF(t) = RF(t-1) + …`` as ``RF_{t}
    = RF_{t-1} + …``), and an index letter that is no layer's (``l_{k} = l_{k-1} + (f_k -
    1) ∏_{i=1}^{k-1} s_i``, ``R_L = R_{L-1} + …``) as a step's letter the text does not
    use (:func:`_step_letters`).  A step is a statement whose name is at a letter on its
    left and the same name at that letter one more or one less on its right (the field
    before, or after for a backward step); a text with none is as it is."""
    text = _SIZED().sub(lambda m: "(" if m["bracket"] in "([" else ")", text)
    text = _TEX_WORD().sub(lambda m: m["word"], text)
    called = {(m["name"], m["index"], _offset(m)) for m in _CALLED().finditer(text)}
    field = next(
        ((name, index) for name, index, at in called if (name, index, at - 1) in called),
        None,
    )

    def subscripted(match: re.Match) -> str:
        # the field's name at the index, and any array's at it (``k[t]``, ``j[t]``)
        assert field is not None
        name, index = field
        if match["index"] != index or (match["name"] != name and match["open"] != "["):
            return match.group()
        # (a field named as a part reads, ``F(i)``: the receptive field's name)
        written = "RF" if match["name"] == name and role(name) is not None else match["name"]
        return f"{written}_{{{index}{(match['offset'] or '').replace(' ', '')}}}"

    if field is not None:
        text = _CALLED().sub(subscripted, text)
    statement = re.search(
        r"(?P<lhs>[A-Za-z]+_(?:\{[^{}=]*\}|[A-Za-z]))\s*=(?!=)(?P<rhs>[^=]*)", text
    )
    if statement is None:
        return text
    left = _AT_LETTER().fullmatch(statement["lhs"])
    if left is None:
        return text
    letter = left["index"] or left["bare"]
    shifted = {
        _offset(m)
        for m in _AT_LETTER().finditer(statement["rhs"])
        if m["name"] == left["name"] and (m["index"] or m["bare"]) == letter
    }
    if not shifted & {_offset(left) - 1, _offset(left) + 1} or letter in layer_indices():
        return text
    unused = [
        own for own in _step_letters() if not re.search(rf"(?<![A-Za-z]){own}(?![A-Za-z])", text)
    ]
    if not unused:
        return text
    # the letter where it is an index: in a subscript's or a bound's braces, or alone after them
    lone = rf"(?<![A-Za-z]){re.escape(letter)}(?![A-Za-z])"
    text = re.sub(
        r"(?P<mark>[_^])\{(?P<inside>[^{}]*)\}",
        lambda m: f"{m['mark']}{{{re.sub(lone, unused[0], m['inside'])}}}",
        text,
    )
    return re.sub(rf"(?<=[_^]){re.escape(letter)}(?![\w{{])", unused[0], text)


def _layer_indexed(text: str) -> str:
    """``text`` with a step's layer index read (:data:`_PREVIOUS`, :data:`_INDEXED`,
    :data:`_STRIDES`; the index a step's letter, :func:`_step_letters`, or i
    attached: :data:`_ATTACHED`; a step for
    the next layer: :func:`_shifted`): ``RF_{ℓ-1}`` as ``RF_prev``, ``K_ℓ`` as ``K``,
    ``Π S_i`` as ``jump``."""
    attached = _ATTACHED().match(text)
    if attached is not None:
        name = attached.group("name")
        text = re.sub(rf"(?<!\w){name}i-1(?!\w)", f"{name}_{{i-1}}", text)
        text = re.sub(r"(?<![\w{])([A-Za-z]{1,4})i(?!\w)", r"\1_i", text)
    text = _shifted(_numbered(text))
    if not any(
        (letter in text)
        if not letter.isascii()
        else (f"_{letter}" in text or f"_{{{letter}" in text)
        for letter in _step_letters()
    ):
        return text
    text = _STRIDES().sub("jump", text)
    text = _PREVIOUS().sub(lambda m: m.group("name") + _PREVIOUS_MARK, text)
    return _INDEXED().sub(lambda m: m.group("name"), text)


# code around a step (``const rout = rin + (k - 1) * jin; // …``, ``r += (k - 1) * j  #
# …``): a comment to the line's end, a declaration's type word before the name, and an
# update in place (``r += e`` is ``r = r + (e)``)
_COMMENT = lazy_pattern(r"(?://|#).*$", re.M)
_DECLARED = lazy_pattern(
    r"(?<![\w.])(?:const|let|var|auto|int|long|float|double|size_t)\s+(?=[A-Za-z_])"
)
_UPDATED = lazy_pattern(rf"(?P<lhs>{_WORD})\s*\+=\s*(?P<rhs>[^;\n]+)")


# one index on every name of the step (``rf[0] = rf[0] + (k[0] - 1) * j[0]``): one axis's
# entry of each pair, read as a square layer's, as a loop's index is (the parts record)
_INDEX = lazy_pattern(r"(?<=\w)\[\s*(\d+)\s*\]")


def _code_read(text: str) -> str:
    """``text`` with the code around a step read (:data:`_COMMENT`, :data:`_DECLARED`,
    :data:`_UPDATED`, :data:`_INDEX` where every index is the same): a comment's ``k=3``
    is no second step, ``r += …`` is one."""
    if "//" in text or "#" in text:
        text = _COMMENT().sub("", text)
    if "[" in text and len(set(_INDEX().findall(text))) == 1:
        text = _INDEX().sub("", text)
    text = _DECLARED().sub("", text)
    if "+=" in text:
        text = _UPDATED().sub(lambda m: f"{m['lhs']} = {m['lhs']} + ({m['rhs'].strip()})", text)
    if "prod" in text:
        text = _PRODUCT().sub(_jump_product, text)
    if "[" in text:
        text = _looped(text)
    if " if " in text and " else " in text:
        text = _CHOSEN().sub(_chosen, text)
    if "\n" in text or ";" in text:
        text = _inlined(text)
    return _met(text)


# a value chosen by the stride (``s*(out-1)+f if s>0.5 else …``: the branch of the
# question's stride, where the strides a step is also run at, :data:`STRIDED`, take it too)
_CHOSEN = lazy_pattern(
    r"(?P<then>[^\n:]+?)\s+if\s+(?P<name>[A-Za-z_]\w*)\s*(?P<op>>=|<=|==|!=|>|<)\s*"
    r"(?P<number>\d+(?:\.\d+)?)\s+else\s+(?P<other>[^\n]+)"
)
_COMPARED: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


def _chosen(match: re.Match) -> str:
    if role(match["name"]) != "stride":
        return match.group()
    number = float(match["number"])
    taken = {
        _COMPARED[match["op"]](float(stride), number)
        for stride in (question_stride(), *STRIDED)
        if re.fullmatch(r"\d+", stride)
    }
    if len(taken) != 1:
        return match.group()  # (the branch depends on the layers: not one step)
    return match["then"] if taken.pop() else match["other"]


# a name defined once by a formula and used in a later statement (``gain = (filter_size -
# 1) / 2`` then ``upper_scope = scope + 2 * gain``): put in where it is used
_DEFINITION = lazy_pattern(
    r"^[ \t]*(?P<name>[A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*(?P<rhs>[^\n;]+?)[ \t;]*$", re.M
)


def _inlined(text: str) -> str:
    """``text`` with each name defined once by a formula of other names (not the field's
    nor a part's name, :func:`role`) put in, in parentheses, where another line uses it
    (a later one, or one before that the definition explains: ``RF = RF_prev * k -
    overlap`` then ``overlap = …``); its definition dropped."""
    for match in list(_DEFINITION().finditer(text))[::-1]:
        name, rhs = match["name"], match["rhs"].strip()
        here = rf"(?<![\w.]){re.escape(name)}(?![\w\[(])"
        if (
            role(name) is not None
            or _words(name) & (_BEFORE | _FIELD | _JUMP)
            or re.search(here, rhs)
            or not _OPERATOR.search(rhs)
            or not _NAME().search(rhs)
            or len(re.findall(rf"{here}\s*[-+*/]?=(?!=)", text)) != 1
        ):
            continue
        before, later = text[: match.start()], text[match.end() :]
        if not re.search(here, later) and not re.search(here, before):
            continue
        put = f"({rhs})"
        text = re.sub(here, put, before) + re.sub(here, put, later).lstrip("\n")
    return text


def _met(text: str) -> str:
    """``text`` without a condition on the stride after its step that the question's
    layers meet (``… for stride=1``, ``… when s = 1``: :data:`.languages.CONDITIONS`); one
    they do not meet stays (the step is for other layers: not run)."""

    def dropped(match: re.Match) -> str:
        if role(match["name"]) != "stride" or match["value"] != question_stride():
            return match.group()
        return ""

    return _CONDITION().sub(dropped, text)


@functools.cache
def _condition_pattern() -> re.Pattern:
    from derivations.checking.reading.languages import CONDITIONS

    words = "|".join(
        rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w)
        for w in sorted(CONDITIONS, key=len, reverse=True)
    )
    return re.compile(
        rf"[ \t]*[,，(（]?[ \t]*(?:{words})[ \t]*(?P<name>[A-Za-z_]\w*)[ \t]*(?:==?|is)[ \t]*"
        r"(?P<value>\d+)\b[ \t]*(?:时|時)?[)）]?(?=[ \t]*[.。]?[ \t]*$)",
        re.M,
    )


def _CONDITION() -> re.Pattern:
    return _condition_pattern()


# a product of the strides before a layer as code writes it (``np.prod(s[:k])``: the strides
# of the layers before layer k, counted from 0): the jump, where the step is at that index
# (``r[k] = r[k-1] + (f[k] - 1) * np.prod(s[:k])``); a slice to another bound is no jump
_PRODUCT = lazy_pattern(
    r"(?<![\w.])(?:(?:np|numpy|math|torch)\s*\.\s*)?prod\s*\(\s*(?P<name>[A-Za-z]\w*)"
    r"\s*\[\s*:\s*(?P<index>[A-Za-z])\s*\]\s*\)"
)


def _jump_product(match: re.Match) -> str:
    at = rf"\[\s*{match['index']}\s*\]"
    if role(match["name"]) != "stride" or not re.search(at, match.string):
        return match.group()
    return "jump"


# an array's entry at a loop's letter (``kernel_sizes[l]``, ``S[j-1]``)
_AT_LOOP = lazy_pattern(r"(?<=\w)\[\s*(?P<index>[A-Za-z])\s*(?P<offset>[-+−]\s*1)?\s*\]")
# a statement updating one name from itself, a line of a loop's body (``rf = rf + …``)
_SELF_UPDATE = lazy_pattern(
    r"^(?P<indent>[ \t]*)(?P<lhs>[A-Za-z_]\w*)\s*=(?!=)(?P<rhs>[^\n]*)$", re.M
)


def _looped(text: str) -> str:
    """``text`` with a loop's step over the layers written over a layer's index: a name
    updated from itself whose right side reads arrays at one loop letter (``rf = rf +
    (kernel_sizes[l] - 1) * s``, ``RF = (RF - 1) * S[j-1] + K[j-1]``: every array at the
    same entry, the layer's) as ``rf_{n} = rf_{n-1} + (kernel_sizes_{n} - 1) * jump`` (n a
    step's letter the text does not use): the field after the layer and before it, the
    layer's own kernel and stride; a stride's name at no index there (``s``, updated
    over the loop, ``s *= strides[l]``) is the jump, the product of the strides before
    the layer, everywhere in the text (so a value given it, ``s = 2``, stays given)."""
    for line in _SELF_UPDATE().finditer(text):
        lhs, rhs = line["lhs"], line["rhs"]
        if not re.search(rf"(?<![\w.]){re.escape(lhs)}(?![\w\[(])", rhs):
            continue
        entries = {(m["index"], _offset(m)) for m in _AT_LOOP().finditer(rhs)}
        if len(entries) != 1:
            continue
        unused = [
            own
            for own in _step_letters()
            if not re.search(rf"(?<![A-Za-z]){own}(?![A-Za-z])", text)
        ]
        if not unused:
            return text
        letter = unused[0]
        body = _AT_LOOP().sub(f"_{{{letter}}}", rhs)
        body = re.sub(rf"(?<![\w.]){re.escape(lhs)}(?![\w\[(])", f"{lhs}_{{{letter}-1}}", body)
        carried = [
            m.group()
            for m in _NAME().finditer(body)
            if m.group() != lhs and role(m.group()) == "stride" and not is_jump(m.group())
        ]
        step = f"{line['indent']}{lhs}_{{{letter}}} ={body}"
        text = text[: line.start()] + step + text[line.end() :]
        for name in dict.fromkeys(carried):
            text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w\[])", "jump", text)
        return text
    return text


def _plain(name: str) -> str:
    return name.replace("{", "").replace("}", "")


# a field's or a jump's letter joined to its layer's side (``rin``, ``jin``, ``rout``: the
# field and the jump before the layer, the field after it)
_JOINED = lazy_pattern(r"(?P<letter>[A-Za-z])(?P<side>in|out|prev)")


def _words(name: str) -> set[str]:
    from derivations.checking.reading.names import split_parts

    joined = _JOINED().fullmatch(_plain(name))
    if joined is not None:
        return {joined["letter"].lower(), joined["side"].lower()}
    return {part.lower() for part in split_parts(_plain(name))}


def is_jump(name: str) -> bool:
    """Whether ``name`` is a jump's (``j``, ``jump``): the product of the strides before a
    layer, which :func:`role` reads as a stride."""
    return bool(_words(name) & _JUMP)


def role(name: str) -> str | None:
    """``"kernel"``, ``"stride"`` (the jump too), ``"dilation"`` (a name the notation
    registry holds for it, :data:`.notations.HELD`, or a word of it), or None: what a
    name reads as."""
    from derivations.checking.reading.names import compose
    from derivations.registry.notations import HELD

    words = _words(name)
    if words & _JUMP:
        return "stride"
    if HELD.get(_plain(name)) == "dilation" or words & {"dilation"}:
        return "dilation"
    if name in ("k", "K", "f", "F"):
        return "kernel"
    if name in ("s", "S"):
        return "stride"
    composed = compose(_plain(name))
    if composed is None:
        return None
    read = composed.read or (composed.hints[0] if len(composed.hints) == 1 else None)
    if read in ("k", "k_h", "k_w"):
        return "kernel"
    if read in ("s", "s_h", "s_w"):
        return "stride"
    return None


def _roles(lhs: str | None, rhs: str, params: list[str]) -> dict[str, str] | None:
    """Each name of ``rhs`` and its part in the step (``"field"``, ``"kernel"``,
    ``"stride"``), or None when they do not make one step."""
    names = list(dict.fromkeys(m.group() for m in _NAME().finditer(rhs)))
    if not names or len(names) > 4 or not _OPERATOR.search(rhs):
        return None
    roles: dict[str, str] = {}
    for name in names:
        roles[name] = "field" if name == lhs else (role(name) or "other")
    others = [n for n, r in roles.items() if r == "other"]
    if lhs not in roles:  # the field before is the one other name, named as one
        if len(others) != 1 or not (_words(others[0]) & (_BEFORE | _FIELD)):
            return None
        if params and others[0] not in params:
            return None
        roles[others[0]] = "field"
    elif others:
        return None
    counted = list(roles.values())
    if (
        counted.count("field") != 1
        or counted.count("kernel") != 1
        or counted.count("stride") > 1
        or counted.count("dilation") > 1
    ):
        return None
    return roles


def _put_in(rhs: str, values: dict[str, str]) -> str:
    return _NAME().sub(
        lambda m: f"({values[m.group()]})" if m.group() in values else m.group(), rhs
    )


def _given(text: str, roles: dict[str, str], role_: str, value: str) -> str | None:
    """The value the answer gives the name of part ``role_`` of its step (the field it
    starts from, the stride or jump, the dilation), ``value`` where it gives none (the
    field: ``1``, one pixel; the stride and the dilation: the question's, a dilation of 2
    it gives is a step for other layers, so wrong); None when it gives it anything but a whole
    number (the step is not run from a start the answer does not say; s13rev).  A stride
    of 2 it gives (``…, j = 2``), or a jump it scales by 2 each layer (``j = j * 2``, ``j
    *= 2``), is run as 2: a step for other layers than the question's."""
    name = next((name for name, part in roles.items() if part == role_), None)
    if name is None:
        return value
    if role_ == "field":
        start = _start(text, name.removesuffix("_prev"))
        if start != "":
            return start
        if _plus_one(text, name):
            value = "0"  # (counted from 0, the pixel added at the end)
        name = name.removesuffix("_prev")  # (a loop's field, ``rf = 0``, at no index)
    assigned = rf"(?<![\w.]){re.escape(name)}\s*(?::\s*\w+\s*)?=(?!=)\s*(?P<value>{_VALUE})"
    here = rf"(?<![\w.]){re.escape(name)}(?![\w])"
    for match in re.finditer(assigned, text):
        given = match.group("value").strip()
        scaled = re.fullmatch(rf"{here}\s*\*\s*(\d+)|(\d+)\s*\*\s*{here}", given)
        if role_ == "stride" and scaled:
            value = scaled.group(1) or scaled.group(2)  # j = j * 2: a stride of 2 each layer
            continue
        if re.search(here, given) or f"{name}{_PREVIOUS_MARK}" in given:
            continue  # the step itself (r = r + …, r = r_prev + …)
        if not re.fullmatch(r"\d+", given):
            return None
        value = given
    scaled_in_place = re.search(rf"{here}\s*\*=\s*(\d+)(?![\w.])", text)
    if role_ == "stride" and scaled_in_place:
        value = scaled_in_place.group(1)  # j *= 2
    return value


# what an assignment gives, up to a separator (English or Chinese)
_VALUE = r"[^;,\n，；。]+"


def _start(text: str, base: str) -> str | None:
    """The field a step over a layer's index starts from, as the answer states it at
    that index (``RF_0 = 0``, ``r_{0} = 1``, ``RF(0) = 0``, ``r[0] = 1``: before layer 1;
    ``RF_1 = k_1``: after it, the start 1 when it reads ``k_1``): the whole number
    before layer 1; None when it states another start (``r_1 = k_1 - 1``, ``RF_0 =
    k``: the step is not run from a start it does not mean); "" when it states none."""
    kernel = KERNELS[0].replace("_", r"_\{?") + r"\}?"
    start = ""
    at_index = rf"(?<![\w.]){re.escape(base)}\s*(?:_\{{?|\(|\[)\s*(?P<index>\d+)\s*[}})\]]?"
    for match in re.finditer(rf"{at_index}\s*=(?!=)\s*(?P<value>{_VALUE})", text):
        given = match.group("value").strip().rstrip(".")
        if match.group("index") == "0" and re.fullmatch(r"\d+", given):
            start = given
        elif match.group("index") == "1" and re.fullmatch(kernel, given.replace(" ", "")):
            start = "1"
        else:
            return None
    return start


# the field returned with the one pixel added after the loop (``return rf + 1``)
_PLUS_ONE = lazy_pattern(
    r"(?:^|(?<=[\s;{:]))return\s+\(?\s*(?P<name>[A-Za-z_]\w*)\s*\+\s*1\s*\)?\s*;?\s*$", re.M
)


def _field(roles: dict[str, str]) -> str:
    return next((name for name, part in roles.items() if part == "field"), "")


def _plus_one(text: str, field: str) -> bool:
    """Whether ``text`` returns its field ``field`` (a name of the step, at the layer
    before or not) with one added (``return receptive_field + 1``): the field counted
    from 0, each layer adding its kernel less one, the pixel added at the end."""
    return any(m["name"] == field.removesuffix(_PREVIOUS_MARK) for m in _PLUS_ONE().finditer(text))


def _run(rhs: str, roles: dict[str, str], first: str, second: str, given: dict[str, str]) -> str:
    """The step run over two layers (kernels ``first`` then ``second``), from a field of
    ``given["field"]`` at a stride of ``given["stride"]`` and a dilation of
    ``given["dilation"]`` (one pixel and the question's, unless the answer gives
    others)."""
    field = given["field"]
    for kernel in (first, second):
        values = {
            name: {
                "field": field,
                "kernel": kernel,
                "stride": given["stride"],
                "dilation": given["dilation"],
            }[role]
            for name, role in roles.items()
        }
        field = _put_in(rhs, values)
    return field


def unrolled(answer: str) -> tuple[str, Note] | None:
    """The answer's receptive-field step run over the question's two layers, both orders
    of the kernels one statement each (see the module's docstring), and the note; None
    when no one statement of it is such a step."""
    if "=" not in _said(answer) and "return" not in answer:
        return unrolled_sums(answer)
    step = _one_step(answer)
    if step is None or len(step) == 1:
        return step[0] if step is not None else None  # (no step: the sum unrolled)
    text, written, rhs, roles = step
    # (the field starts at one pixel; the stride is the question's)
    field = _given(text, roles, "field", "1")
    stride = _given(text, roles, "stride", question_stride())
    dilation = _given(text, roles, "dilation", question_dilation())
    if field is None or stride is None or dilation is None:
        return None
    given = {"field": field, "stride": stride, "dilation": dilation}
    runs = [_run(rhs.strip(), roles, first, second, given) for first, second in _LAYERS]
    if _plus_one(text, _field(roles)):
        runs = [f"({run}) + 1" for run in runs]
    fields = (("text", _plain(written)), ("stride", question_stride()))
    return "; ".join(runs), Note(RECURSION_NOTE, fields)


# the strides of the two layers a step over a layer's index is also run at (layer 1's,
# layer 2's): not 1, and unlike, so a stride at the wrong layer shows
STRIDED = ("2", "3")


def strided(answer: str) -> tuple[tuple[str, ...], str, str] | None:
    """The answer's step over a layer's index run over the question's two kernels at the
    strides :data:`STRIDED` (layer 1's, layer 2's) in both directions (an index may count
    from the input or the output: ``RF_N = (RF_{N-1} - 1) s_N + k_N``): forward,
    from the input, a
    stride at the layer's own index as that layer's, a jump or a product of the strides
    before it as theirs (and a capital S at the layer's index, as notes write that
    product); backward, from the output (Distill's ``r_{l-1} = s_l r_l + (k_l - s_l)``),
    a stride as its layer's.  With
    the field those layers have (CS231n's: each layer adds (kernel − 1) × the product of
    the strides before it, ``1 + (k_1 - 1) + (k_2 - 1) * s_1``) and the step as written;
    None when the step is over no layer's index, names no stride (the question's step at
    stride 1; a product of strides is judged by its range, :mod:`.indexed`), gives its
    stride a value of its own or its start one that is no whole number, or is not one
    step.  Such a step read at the question's stride 1 (every stride
    1) hides a stride put at the wrong layer (``RF_l = RF_{l-1} + (k_l - 1) s_l``) or a
    backward step without it (``r_1 = s_2 r_2 + (k_2 - 1)``)."""
    if "=" not in answer:
        return None
    step = _one_step(answer)
    if step is None or len(step) == 1:
        return None
    text, written, rhs, roles = step
    if "stride" not in roles.values():
        return None  # no stride named (a product of them was unrolled and judged by its range)
    field = next((name for name, part in roles.items() if part == "field"), "")
    if not (field.endswith(_PREVIOUS_MARK) or _PREVIOUS_MARK in written.split("=")[0]):
        return None  # over no layer's index
    start = _given(text, roles, "field", "1")
    dilation = _given(text, roles, "dilation", question_dilation())
    if start is None or dilation is None or _given(text, roles, "stride", "") != "":
        return None
    first, second = KERNELS
    layers = [(first, STRIDED[0], "1"), (second, STRIDED[1], STRIDED[0])]
    runs = []
    for backward in (False, True):  # (RF_N = (RF_{N-1} - 1) s_N + k_N counts from the output)
        value = start
        for kernel, own, before in reversed(layers) if backward else layers:
            values = {}
            for name, part in roles.items():
                if part == "stride":  # (a capital S a layer's, forward: ∏ of those before it)
                    jump = is_jump(name) or (not backward and name[:1] in _CUMULATIVE)
                    part = "jump" if jump else "own"
                values[name] = {
                    "field": value,
                    "kernel": kernel,
                    "own": own,
                    "jump": before,
                    "dilation": dilation,
                }[part]
            value = _put_in(rhs.strip(), values)
        runs.append(f"({value}) + 1" if _plus_one(text, field) else value)
    truth = f"1 + ({first} - 1) + ({second} - 1) * {STRIDED[0]}"
    return tuple(runs), truth, _plain(written)


# a stride's capital in a forward step, as notes write the product of the strides before
# the layer (``RFi = RFi-1 + (ki - 1) * Si``, S_i = ∏_{j<i} s_j; the layer's own stride the
# book's lower-case s): read as that product
_CUMULATIVE = frozenset("S")
# the mark :func:`_layer_indexed` puts on a name at the layer before (``RF_{l-1}``)
_PREVIOUS_MARK = "_prev"


def _one_step(answer: str):
    """The answer's one receptive-field step, read (:func:`unrolled`): the text read, the
    statement as written, its right side and its names' parts; or ``(the sum unrolled,)``
    (or ``(None,)``) where it has no one step."""
    from derivations.checking.reading.code import denies

    if ("//" in answer or "#" in answer) and any(map(denies, _COMMENT().findall(answer))):
        return None  # (r += (k - 1) * j  # wrong: a comment that denies is never dropped)
    text = _step_index(_code_read(_worded(_said(answer))))
    summed = unrolled_sums(text)
    if summed is not None:
        text = summed[0]
    elif not_unrolled(text) is not None:
        return None  # a step whose sum or product does not unroll is not run
    for latex, plain in _LATEX:
        text = text.replace(latex, plain)
    text = _layer_indexed(text)
    found = []
    returns = list(_RETURN().finditer(text)) or list(_BARE_RETURN().finditer(text))
    defined = list(_DEFINED().finditer(text))
    for match in returns + defined:
        heads = match.group("params").split(",") if match.group("params") else []
        params = [(p.split(":")[0].split() or [""])[-1] for p in heads]
        roles = _roles(None, match.group("rhs"), params)
        if roles is not None:
            shown = match.group().strip() if match in defined else "return " + match["rhs"].strip()
            found.append((shown, match.group("rhs"), roles))
    for match in _STATEMENT().finditer(text):
        roles = _roles(match.group("lhs"), match.group("rhs"), [])
        if roles is not None:
            found.append((match.group().strip(), match.group("rhs"), roles))
    if len(found) != 1:
        return (summed if summed is not None and not found else None,)
    written, rhs, roles = found[0]
    if denies(text.replace(rhs, " ")):
        return None
    return text, written, rhs, roles


@functools.cache
def _said_pattern() -> re.Pattern:
    """A step said in words (:data:`.languages.FIELD_BEFORE_WORDS`, :data:`.languages.KERNEL_SIZE_WORDS`):
    the field before, the kernel size, each with a worked example's number in
    parentheses or not, added, then a whole number added or taken away or none."""
    from derivations.checking.reading.languages import FIELD_BEFORE_WORDS, KERNEL_SIZE_WORDS

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    field = "|".join(
        rf"(?:{alternation(before)})\s*(?:{alternation(names)})"
        for before, names in FIELD_BEFORE_WORDS.values()
    )
    kernel = alternation(w for words in KERNEL_SIZE_WORDS.values() for w in words)
    example = r"(?:\s*[(（]\s*\d+\s*[)）])?"
    return re.compile(
        rf"(?<![A-Za-z0-9_])(?:{field}){example}\s*\+\s*(?:{kernel}){example}"
        r"(?P<rest>\s*[-+−]\s*\d+(?!\.?\d))?",
        re.I,
    )


def _said(text: str) -> str:
    """``text`` with a step said in words (:func:`_said_pattern`: ``기존 receptive field
    (3) + 필터 크기 (3) - 1``, ``之前的感受野 + 卷积核大小 - 1``) written as one, on its own line
    (``RF = RF_prev + k - 1``): the field before, the layer's kernel."""
    if "+" not in text:
        return text

    def written(match: re.Match) -> str:
        rest = (match["rest"] or "").replace("−", "-").replace(" ", "")
        return f"\nRF = RF_prev + k {rest[:1]} {rest[1:]}\n" if rest else "\nRF = RF_prev + k\n"

    return _said_pattern().sub(written, text)


@functools.cache
def _word_names() -> tuple[tuple[re.Pattern, str], ...]:
    """The words of a step's parts (:mod:`.languages`), each a pattern and the name it
    is written as: the field before (``上一层感受野``: ``RF_prev``), the layer's own field
    (``这层的感受野``: ``RF``) and kernel (``这层过滤器大小``: ``k``), the jump."""
    from derivations.checking.reading.languages import (
        FIELD_BEFORE_WORDS,
        JUMP_WORDS,
        KERNEL_SIZE_WORDS,
        LAYER_OWN_WORDS,
    )

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    own = alternation(w for words in LAYER_OWN_WORDS.values() for w in words)
    fields = alternation(w for _, names in FIELD_BEFORE_WORDS.values() for w in names)
    before = "|".join(
        rf"(?:{alternation(words)})\s*(?:{alternation(names)})"
        for words, names in FIELD_BEFORE_WORDS.values()
    )
    kernel = alternation(w for words in KERNEL_SIZE_WORDS.values() for w in words)
    jump = alternation(w for words in JUMP_WORDS.values() for w in words)
    return (
        (re.compile(jump), " jump "),
        (re.compile(before), " RF_prev "),
        (re.compile(rf"(?:{own})\s*(?:{fields})"), " RF "),
        (re.compile(rf"(?:{own})?\s*(?:{kernel})"), " k "),
    )


# a statement whose name is words (``这层的感受野=…``, ``重叠部分=…``), at a line's start
_WORDED = lazy_pattern(r"^[ \t]*(?P<name>[\u4e00-\u9fff]+)[ \t]*[=＝]", re.M)


def _worded(text: str) -> str:
    """``text`` with a step written in words written in names (:func:`_word_names`:
    ``这层的感受野=上一层感受野 * 这层过滤器大小-重叠部分`` as ``RF = RF_prev * k - …``), and
    any other name in words a statement defines (``重叠部分=…``) as a name of letters
    (put in where it is used, :func:`_inlined`); as it is where no statement's name is
    words."""
    if _WORDED().search(text) is None:
        return text
    text = text.replace("（", "(").replace("）", ")").replace("＝", "=")
    for pattern, name in _word_names():
        text = pattern.sub(name, text)
    for number, match in enumerate(dict.fromkeys(m["name"] for m in _WORDED().finditer(text))):
        text = text.replace(match, f" term{'abcdefgh'[number % 8]} ")
    return re.sub(r"[ \t]+", " ", text)


# a step over a layer's index: its name with the index on the left, with the index less
# one on the right (``RF_l = RF_{l-1} + …``, ``r_{i+1} = r_i …`` is read by :func:`_shifted`)
_RECURRENCE = with_letters(
    r"(?<![\w\\])(?P<name>[A-Za-z]+)_(?:\{\s*[{LETTER}]\s*\}|[{LETTER}])\s*=(?!=)"
    r"[^=;\n]*?(?<![\w\\])(?P=name)_\{\s*[{LETTER}]\s*[-−]\s*1\s*\}[^=;\n]*"
)


def not_run(answer: str) -> str | None:
    """What of the answer is a receptive field's step or sum that is not run over the
    question's layers (:func:`unrolled` gives none): a sum's or a product's part that
    does not unroll (:func:`.indexed.not_unrolled`), else a step over a layer's index as
    written (``RF_l = RF_{l-1} + (k_l - 1) * RF_{l-2}``; its index another letter or a
    call's, :func:`_step_index`: the step's line); None when it has neither, or they
    run."""
    if unrolled(answer) is not None:
        return None
    part = not_unrolled(answer)
    if part is not None:
        return part
    step = _RECURRENCE().search(answer)
    if step is not None:
        return step.group().strip().rstrip(",.;，。；")
    # a step whose own index is written otherwise (:func:`_step_index`: ``RF(t) = RF(t-1) +
    # …``, ``l_{k} = l_{k-1} + …``): its line, as written
    for line in re.split(r"[\n;；]", answer):
        if _RECURRENCE().search(_step_index(line)) is not None:
            return line.strip().strip("$").strip().rstrip(",.，。")
    return None
