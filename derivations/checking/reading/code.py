"""Code around a formula (issue 21): a formula pasted as a line of a program, read as the
formula, each removal kept as a note (``reading.note.code``, ``reading.note.comment``).

Applied to the whole normalized text, before it is split into statements
(:mod:`.statements`: a lambda's commas, a comment after a ``;``), so every column still
points into the answer as given:

* a comment closing the line: ``// …``, ``% …`` or ``# …`` after the formula, when what
  follows the mark is words (a word of another script than Latin, or two words of
  letters) with no digit, operator or ``=`` in it, and no word that denies the formula
  (``# wrong``: kept, so refused).  ``//`` followed by what the lexer reads (``(h - k)
  // s + 1``, ``… // 步幅``, even ``… // output height``) is Python's floor division,
  and ``%`` followed by it the modulo, which the grammar refuses: a comment only where
  no formula reads (``// вычисляем размеры``, ``% 整数になるよう設定``); ``%`` right
  after a digit is a percentage (``400% 的计算量``), never a comment; words joined by a
  particle (的, の, 의: ``… // 输出的宽度``) are a phrase, a comment all the same;
* a comment after a ``#``, or any comment mark after a statement's ``;`` (never an
  operator there), on an answer of one line: a formula the lexer reads (``… + 1  #
  [(w−k+2*p)/s] + 1``) a statement of its own, which must agree with the code's; any
  other (``; % outpot row (1 stride)``) dropped, noted (a whole answer commented out,
  ``/* … */``, ``(* … *)``: :mod:`.second_look`'s);
* a name added to as the answer's one statement (``flops += …``): ``flops = …``, a count
  summed from zero and named;
* a layer's bias tested (``(1 if m.bias is not None else 0)``, THOP's ``bias_ops = 1 if
  m.bias is not None else 0``, ``(has_bias ? 1 : 0)``) and the code run only under such a
  test (``if bias is not None:`` and its block, its ``else``, C's ``if (bias) { … }``):
  read as a layer without a bias runs it, as the section's has none (a flag of the
  counter's own function as a statement's value, ``1 if is_bias else 0``, is not read);
* a tensor's elements through its attribute chain (``conv.weight.numel()``: the
  weight's), products by a counter's own helper (``_prod``, ``l_prod``) and of the lists
  a notation record spells indexed (ptflops' ``kernel_dims``: k_h k_w);
* ``return`` first (``return k_h * k_w * c_i``), a function's head in C, C++, C#, Java,
  JavaScript, Go, Rust, Kotlin, Swift and the braces of its body, closed or left open
  (``int out(int h, int k) { return …; }``, ``public static long getP(long H, …) {``,
  ``fun f(h: Int): Int {``, ``fn f(h: i64) -> i64 {``);
* a tensor's shape unpacked into names (``N, C, H, W = x.shape``): away, where each name
  used elsewhere reads by itself as the size one of the tensor's layouts puts at its
  place (else kept: ``N, C, W, H = x.shape`` is refused);
* ``#define NAME body``: the statement ``NAME = body``;
* ``NAME = lambda args: body``: the lambda's parameters dropped (its body is the formula);
* a declaration's types and modifiers before ``name =`` in any C-like or ML-like
  language (``int h_o = …``, ``unsigned long long``, ``final int``, ``const auto``,
  ``let mut``, ``std::int64_t``), first or after a statement's ``;``, and a type after
  the name (``out_h: usize = …``, ``val oh: Int = …``, Go's ``var oh int = …``);
* a pair's element as a member (Rust's and Swift's ``padding[0].1``, Scala's ``._1``,
  C++'s ``.first``, C#'s ``.Item1``): the pair indexed; a padding's pair of pairs
  indexed twice (``pads[0][1]``): the side it names (``pads_bottom``, half the axis's
  total);
* an image's sizes as OpenCV and Eigen name them (``in_mat[0].size().height``,
  ``img.rows``, ``x.cols()``): its ``.height``/``.width``, read as a member;
* a cast: ``(float)``/``(double)`` dropped, so is ``(long)`` before a name (a count is
  whole), ``(int)`` before a bracket read as ``int(…)``
  (the floor, on the non-negative values a count takes: :mod:`.informal`);
* a conversion of a number: ``float(…)``, ``Number(…)``, ``parseFloat(…)`` its bracket,
  JavaScript's ``parseInt(…)`` as ``int(…)``;
* ``self.``/``this.`` before a name (``self.stride``): the name; a pointer dereferenced
  in brackets before an index or a member (``(*padding)[0]``): the name;
* Go's short declaration ``name := …``: ``name = …``;
* an attribute chain (``module.padding[0]``, ``v.p.value``, ``cfg["stride"]``,
  ``params->stride_height``) read by its last meaningful name: the members that only
  hold a value (``.value``, ``.data``) dropped, a string key read as a member, a
  layer's ``weight`` as its kernel before ``.shape``; a member of an object whose
  sizes differ (``kernel.height``, the weights' ``w.width``) that object's, never the
  input's; an object and a member a notation
  record spells together (darknet's ``l.pad``) kept; a library's function
  (``math.floor``) and a method called are not chains;
* ``std::floor``, ``Math.ceil`` (and ``math.``/``np.``/``torch.``): the function;
* a value piped through functions (OCaml's, F#'s, Julia's ``x |> ceil |> int_of_float``):
  the calls written out; OCaml's float operators and literals (``-.``, ``/.``, ``1.``);
  a match arm's pattern (``| VALID ->``, ``Padding::Same =>``, ``case "valid" =>``) read
  away as a condition; other languages' conversions and roundings (``int_of_float``,
  ``fromIntegral``, ``as.integer``, ``ceiling``, ``floor(Int, x)``, ``toInt()``, ``to_i``,
  NumPy's ``np.uint8(…)``, ``np.int(…)``, ``np.int_(…)``),
  one applied without brackets (``float_of_int s``) bracketed.

Nothing evaluates text: each rule is a pattern and a deletion or a replacement.
"""

from __future__ import annotations

import re

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.informal import Note, edit, lazy_pattern
from derivations.checking.reading.languages import NEGATIONS
from derivations.checking.reading.normalize import Normalized

__all__ = [
    "code",
    "amends",
    "calls_defined",
    "denies",
    "top_level_parts",
    "holds_formula",
    "unwrapped",
    "own_reading",
    "function_named",
    "bias_decided",
    "LAYOUT_NOTE",
]

_COMMENT_MARKS = ("//", "%", "#")
# letters of any script and punctuation between words: no digit, operator or "="
_WORDS = lazy_pattern(r"\s*[^\W\d_]+(?:[\s'’,.!?:;、，。！？：-]+[^\W\d_]+)*[\s.。!！?？]*")
_RETURN = lazy_pattern(r"^\s*return\s+(?=\S)")
# a function's head before its body (``def out(h, k, p, s): return …``, ``(h, k) => …``,
# ``h => …``; a name in any script, as Python's identifiers: ``def 输出高度(…):``): its
# parameters dropped
_HEAD = lazy_pattern(
    r"^\s*(?:def\s+[^\W\d]\w*\s*\([^()]*\)\s*(?:->\s*\w+\s*)?:"
    r"|(?:(?:const|let|var|val|auto)\s+)?(?:[A-Za-z_]\w*\s*=\s*)?(?:\([\w\s,]*\)|[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=>)"
    r"\s*(?=\S)"
)
# a function's head in C, C++, Java, JavaScript, Go, Rust (``int32_t out(int h, int k)
# {``, ``public static int out(int h) {``, ``function out(h, k) {``, ``fn out(h: i64) -> i64
# {``) before a body in braces that closes the answer: head and braces dropped
_BRACED = lazy_pattern(
    r"^\s*(?:@\w+\s+)*(?:[A-Za-z_][\w:<>*&\[\],]*\s+)*[A-Za-z_]\w*\s*(?:<[^<>(){}]*>)?\s*"
    r"\([^(){}]*\)\s*(?:const\s*)?(?:(?:->|:)\s*[\w:<>\[\]&*]+\s*|[A-Za-z_][\w\[\]*]*\s*"
    r"|throws\s+[\w.]+(?:\s*,\s*[\w.]+)*\s*)?=?\s*\{(?P<body>[^{}]*?)(?:\}\s*;?)?\s*$"
)
_DEFINE = lazy_pattern(r"^\s*#\s*define\s+(?P<name>[A-Za-z_]\w*)\s+(?=\S)")
_LAMBDA = lazy_pattern(r"(?<=[=(])(?<!reduce\()\s*lambda\b[\w\s,*]*:")
# the types a declaration names in C, C++, C#, Java, Go, Rust, Swift, Kotlin, Scala,
# TypeScript, Fortran, Julia (a namespace's type too: ``std::size_t``, ``Eigen::Index``)
_TYPE_NAME = (
    r"(?:(?:[A-Za-z_]\w*\s*::\s*)+[A-Za-z_]\w*|size_t|ssize_t|ptrdiff_t|u?int(?:8|16|32|64)?_t"
    r"|int|short|char|bool|float|double|long|unsigned|signed|Int(?:8|16|32|64)?|UInt(?:8|16|32|64)?"
    r"|Long|Double|Float|Integer|Number|number|integer|real|i8|i16|i32|i64|i128|isize|u8|u16"
    r"|u32|u64|u128|usize|f32|f64|auto|decltype\s*\([^()]*\))(?:\s*<[^<>=;]*>)?[*&]*"
)
_MODIFIER = (
    r"(?:const|constexpr|static|final|register|volatile|public|private|protected|internal"
    r"|readonly|mut|mutable|local|my|our|dim|Dim|let|var|val|lazy|inline|localparam|parameter)"
)
# a declaration's words before ``name =`` (``int h_o = …``, ``const auto oh = …``,
# ``unsigned long long out =``, ``let mut h =``, ``final int oh =``), first or after a
# statement's ``;`` or a brace
_TYPE = lazy_pattern(
    rf"(?:^|(?<=[;{{}}]))\s*(?:(?:{_MODIFIER}|{_TYPE_NAME})\s+)+"
    r"(?=[*&]*[A-Za-z_]\w*\s*(?::[^=;]*)?=[^=])"
)
# a type written after the name (Rust, Swift, Kotlin, Scala, TypeScript, Python:
# ``out_height: usize = …``; Go's ``var oh int = …``): the name
_ANNOTATED = lazy_pattern(
    rf"(?:^|(?<=[;{{}}]))(?P<head>\s*[A-Za-z_]\w*)\s*(?::\s*|\s+)(?:{_TYPE_NAME})\s*(?==[^=])"
)


# a cast to a float of what follows it, or to an integer of a name (``(long)oh``: a count
# already whole); never a remark closing the answer (``… (double)``: twice it, s18wrong F16)
_DROPPED_CAST = lazy_pattern(
    r"\(\s*(?:float|double)\s*\)\s*(?=[\w(⌊⌈\[])|\(\s*(?:int|long|size_t|int64_t)\s*\)\s*(?=[A-Za-z_])"
)
# a conversion called as a function (``float(H)``, ``double(x)``): its bracket kept
_FLOAT_CALL = lazy_pattern(
    r"(?<![\w.])(?:float|double|Double|Float|CGFloat|np\s*\.\s*float\d*|parseFloat|Number"
    r"|(?:torch|np|numpy|tf)\s*\.\s*(?:tensor|array|asarray|constant))\s*(?=\()"
)
# a conversion of one name (``float(size)``): the name, no bracket left (a bracketed word
# alone may be read as a remark)
_FLOAT_NAME = lazy_pattern(
    r"(?<![\w.])(?:float|double|Double|Float)\s*\(\s*(?P<name>[A-Za-z_]\w*)\s*\)"
)
# JavaScript's parseInt of a number: its integer part (``int(…)``, the floor on the
# non-negative values a size takes)
_PARSE_INT = lazy_pattern(r"(?<![\w.])(?:parseInt|Int|Int64|Int32|UInt|Long)\s*(?=\()")
_INT_CAST = lazy_pattern(
    r"\(\s*(?:int|long|size_t)\s*\)\s*(?=\()"
    r"|(?<![\w.])static_cast\s*<\s*(?:int|long|size_t|int64_t|int32_t|unsigned)\s*>\s*(?=\()"
)
# C++'s cast to a float (``static_cast<double>(…)``, ``static_cast<float>(…)``): its
# bracket, the value
_FLOAT_CAST = lazy_pattern(r"(?<![\w.])static_cast\s*<\s*(?:float|double)\s*>\s*(?=\()")
# C++'s ``std::vector::at(i)``: an element by its index, ``[i]``
# (``kernelDimensions.at(2)``: the shape's index, read by the layouts)
_AT = lazy_pattern(r"\.\s*at\s*\(\s*(?P<i>-?[0-9])\s*\)")
_OBJECT = lazy_pattern(r"(?<![\w.])(?:self|this)\s*\.\s*(?=[A-Za-z_])")
# C's and C++'s pointer dereferenced in brackets before an index or a member
# (``(*padding)[0]``, ``(*p).stride``): the name pointed to
_POINTER = lazy_pattern(r"\(\s*\*\s*(?P<name>[A-Za-z_]\w*)\s*\)(?=\s*(?:\[|\.|->))")
# a tensor's shape indexed in code (``x.shape[2]``, ``x.size()[2]``, ``x.size(2)``,
# ``tf.shape(x)[1]``, C's ``x->sizes[2]``): the shape's name indexed (``x_shape[2]``), read by the names layer
# (Go's Gorgonia ``x.Shape()[2]``, Rust's ``x.dims()[2]`` and ``x.shape()[2]``, C#'s
# ``X.Shape[2]``, ``X.Dims[2]``: the same, as methods or capitalised)
_SHAPE_INDEX = lazy_pattern(
    r"(?<![\w.])(?P<name>[A-Za-z_]\w*)\s*\.\s*"
    r"(?:(?:[Ss]hape|sizes|[Dd]ims)(?:\s*\(\s*\))?|size\s*\(\s*\))\s*(?=\[)"
)
# a tensor's sizes as a C or C++ struct holds them, indexed (``X->sizes[2]``, a
# ``std::vector`` of dims: ``t.dims[1]``): its shape, as ``.shape`` is
_SIZES_ARRAYS = ("sizes", "dims", "Dims")
_SHAPE_MEMBERS = ("shape", "size", "Shape", *_SIZES_ARRAYS)
_SIZE_AT = lazy_pattern(
    r"(?<![\w.])(?P<name>[A-Za-z_]\w*)\s*\.\s*size\s*\(\s*(?P<index>-?[0-9])\s*\)"
)
_SHAPE_OF = lazy_pattern(
    r"(?<![\w.])(?:(?:tf|np|numpy|torch|K)\s*\.\s*)?(?:shape|int_shape)\s*\(\s*"
    r"(?P<name>[A-Za-z_]\w*)\s*\)\s*(?=\[)"
)
# the number of elements of a tensor or the product of sizes (``x.numel()``, a layer's
# tensor's, ``conv.weight.numel()``, THOP's ``m.weight.data.nelement()``: the weight's,
# ``torch.numel(x)``, ``np.prod(x.shape)``, ``math.prod(kernel_size)``, ``prod((k_h,
# k_w))``): the product written out
_NUMEL = lazy_pattern(
    r"(?<![\w.])(?:(?:[A-Za-z_]\w*\s*\.\s*)*?(?P<name>[A-Za-z_]\w*)(?:\s*\.\s*(?:data|detach\s*\(\s*\)))?"
    r"\s*\.\s*(?:numel|nelement)\s*\(\s*\)"
    r"|(?:torch\s*\.\s*numel|np\s*\.\s*size|numpy\s*\.\s*size|numel)\s*\(\s*"
    r"(?P<arg>[A-Za-z_]\w*)\s*\))"
)
# MATLAB's numel of what is no name (``numel(ins{2}(:,:,:,1))``, a cell's and a slice's):
# what it counts the code does not say
_NUMEL_UNREAD = lazy_pattern(r"(?<![\w.])numel\s*\(")
# a product by a library (``np.prod``, ``math.prod``) or by the helper a counter defines
# for it (DeepSpeed's ``_prod``, THOP's ``l_prod``: the notation record ptflops)
_PROD = lazy_pattern(r"(?<![\w.])(?:(?:np|numpy|math|torch)\s*\.\s*|_|l_)?prod\s*\(")
# Python's functools.reduce(operator.mul, sizes), or with a lambda multiplying its two
# parameters (``reduce(lambda a, b: a * b, sizes)``): their product, as prod(sizes) is
_REDUCE_MUL = lazy_pattern(
    r"(?<![\w.])(?:functools\s*\.\s*)?reduce\s*\((?=\s*(?:(?:operator\s*\.\s*)?mul"
    r"|(?P<lambda>lambda)\s+(?P<a>[A-Za-z_]\w*)\s*,\s*(?P<b>[A-Za-z_]\w*)\s*:\s*"
    r"(?:(?P=a)\s*\*\s*(?P=b)|(?P=b)\s*\*\s*(?P=a)))\s*,)"
)
_SHAPE_ARG = lazy_pattern(
    r"^\s*(?P<name>[A-Za-z_]\w*)\s*\.\s*(?:shape|size\s*\(\s*\))"
    r"\s*(?:\[\s*(?P<start>[0-9])?\s*:\s*(?P<stop>[0-9])?\s*\])?\s*$"
)
_NAME_ARG = lazy_pattern(r"^\s*(?P<name>[A-Za-z_]\w*)\s*$")
# a shape's name sliced (``out_shape[2:]``, ``out_shape[1:-1]``): its sizes in that range
_SLICED = lazy_pattern(
    r"^\s*(?P<name>[A-Za-z_]\w*)\s*\[\s*(?P<start>[0-9])?\s*:\s*(?P<stop>-?[0-9])?\s*\]\s*$"
)
# a tensor's sizes in code: NCHW, NHWC; OIHW, HWIO (a slice's end); its elements, one
# example's: the product of the sizes of a layout of three (CHW, HWC: the layouts decide,
# by inference, which sizes those are)
_DIMENSIONS = 4
_ELEMENTS = 3


def _counted(shape: str) -> int:
    """How many of a shape's first sizes its elements are: a kernel's all four (it has
    no batch: ``w.numel()`` is c_o c_i k_h k_w), one example's three for any other."""
    from derivations.checking.reading.names import shape_of

    return _DIMENSIONS if shape_of(shape) == "kernel" else _ELEMENTS


def _shape_name(name: str) -> str:
    """The name of ``name``'s shape (``x``: ``x_shape``; ``out_shape`` stays)."""
    from derivations.checking.reading.names import shape_of

    return name if shape_of(name) else f"{name}_shape"


def _product(name: str, start: int = 0, stop: int = _DIMENSIONS) -> str:
    return "(" + "*".join(f"{name}[{index}]" for index in range(start, stop)) + ")"


def _closing(text: str, opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(text)):
        depth += (text[index] in "([{") - (text[index] in ")]}")
        if depth == 0:
            return index
    return None


def _prod_argument(argument: str) -> str | None:
    """The product ``prod(argument)`` is, written out; None when it is no shape, no
    tuple and no name."""
    from derivations.checking.reading.names import shape_of

    sliced = _SLICED().match(argument)
    if sliced and shape_of(sliced.group("name")):
        start = int(sliced.group("start") or 0)
        stop = int(sliced.group("stop") or _DIMENSIONS)
        stop = stop + _DIMENSIONS if stop < 0 else stop
        return _product(sliced.group("name"), start, stop) if start < stop else None
    pieces = top_level_parts(argument.replace("+", ",")) if "+" in argument else []
    if len(pieces) > 1 and all(_SHAPE_ARG().match(piece) for piece in pieces):
        # shapes joined (``y.shape + w.shape[1:]``, a tuple's concatenation): each one's
        written = [_prod_argument(piece) for piece in pieces]
        return "(" + "*".join(written) + ")" if all(written) else None  # type: ignore[arg-type]
    shape = _SHAPE_ARG().match(argument)
    if shape:
        start = int(shape.group("start") or 0)
        named = _shape_name(shape.group("name"))
        if not shape.group("start") and not shape.group("stop"):
            return _elements(named)  # its elements, as numel counts them
        stop = int(shape.group("stop") or _DIMENSIONS)
        return _product(named, start, stop) if start < stop else None
    stripped = argument.strip()
    if stripped[:1] in "([" and _closing(stripped, 0) == len(stripped) - 1:
        entries = [e for e in stripped[1:-1].split(",") if e.strip()]
        return "(" + "*".join(f"({e.strip()})" for e in entries) + ")" if entries else None
    # a shape looked up by a key (output_shapes[name]): the shape's name
    argument = re.sub(r"^\s*([A-Za-z_]\w*)\s*\[\s*[A-Za-z_]\w*\s*\]\s*$", r"\1", argument)
    name = _NAME_ARG().match(argument)
    if name:
        word = name.group("name")
        spelled = _spelled_entries(word)
        if spelled:  # kernel_dims: the sizes a notation record spells it indexed by
            return _product(word, 0, spelled)
        # a shape's name (out_shape): its sizes; else a pair (kernel_size: its two)
        return _product(word, 0, _counted(word)) if shape_of(word) else _product(word, 0, 2)
    return None


def _spelled_entries(word: str) -> int:
    """How many entries of the list ``word`` a notation record spells, indexed from 0
    (ptflops' ``kernel_dims``: ``kernel_dims[0]``, ``kernel_dims[1]``, two); 0 for none."""
    from derivations.registry.notations import notation_spellings

    spelled = notation_spellings()
    count = 0
    while f"{word}[{count}]".lower() in spelled:
        count += 1
    return count


def _start(match: re.Match) -> int:
    return match.start()


# the elements of a slice of a shape (``m.weight.size()[2:].numel()``, THOP's kernel_ops):
# the product of the sizes sliced, as prod(…) of the slice is
_SLICE_NUMEL = lazy_pattern(
    r"(?<![\w.])(?P<arg>[A-Za-z_]\w*(?:\s*\.\s*(?:shape|size\s*\(\s*\)))?\s*"
    r"\[[^\[\]:]*:[^\[\]]*\])\s*\.\s*(?:numel|nelement)\s*\(\s*\)"
)


def _products(text: Normalized, notes: list) -> Normalized:
    """``text`` with each product of sizes written out (see :data:`_NUMEL`,
    :data:`_REDUCE_MUL`, :data:`_SLICE_NUMEL`), the calls read noted once, in the order
    written (``reading.note.code_call``: read as what they compute, never "not part of
    the formula", s14exam E25)."""
    calls: list[str] = []
    text = _read_products(text, calls)
    if calls:
        notes.append(_note("code_call", text=", ".join(calls)))
    return text


def _read_products(text: Normalized, calls: list) -> Normalized:
    """:func:`_products`' rewriting; ``calls`` receives each call read, in order."""
    for match in reversed(list(_SLICE_NUMEL().finditer(text.text))):
        text = edit(text, match.start(), match.end(), f"prod({match.group('arg')})")
    reduced = list(_REDUCE_MUL().finditer(text.text)) if "reduce" in text.text else []
    for match in reversed(sorted([*_PROD().finditer(text.text), *reduced], key=_start)):
        opening = match.end() - 1
        closing = _closing(text.text, opening)
        if closing is None:
            continue
        inside = text.text[opening + 1 : closing]
        if match in reduced:  # reduce(mul, sizes): the sizes (no initial value after)
            sizes = top_level_parts(inside)[2 if match.group("lambda") else 1 :]
            if len(sizes) != 1:
                continue
            inside = sizes[0]
        written = _prod_argument(inside)
        if written is None and ".shape" in inside:
            # a product of shapes the reader cannot name (``node.inputs[1].shape[1:]``)
            call = text.text[match.start() : closing + 1]
            raise refuse("unread_count_call", text.column(match.start()), call=call)
        if written is None:
            continue
        calls.insert(0, text.text[match.start() : closing + 1])
        text = edit(text, match.start(), closing + 1, written)
    for match in reversed(list(_NUMEL().finditer(text.text))):
        name = match.group("name") or match.group("arg")
        calls.insert(0, match.group())
        text = edit(text, match.start(), match.end(), _elements(_shape_name(name)))
    unread = _NUMEL_UNREAD().search(text.text) if "numel" in text.text else None
    if unread is not None:
        closing = _closing(text.text, unread.end() - 1)
        call = text.text[unread.start() : len(text.text) if closing is None else closing + 1]
        raise refuse("unread_count_call", text.column(unread.start()), call=call)
    return text


def _elements(shape: str) -> str:
    """The number of elements of one example of the tensor whose shape is ``shape``: for
    the input or the output, the product of its sizes in book symbols (a product, so the
    same in every layout: ``y.numel()`` beside ``x.shape[1]``, NCHW's c_i, needs no
    layout of its own), for the kernel its four sizes' (:func:`_counted`); else the
    product of its first sizes, read by the layouts."""
    from derivations.checking.reading.names import shape_of
    from derivations.registry.notations import layouts

    tensor = shape_of(shape)
    if tensor in ("input", "output", "kernel"):
        count = _counted(shape)
        sizes = next(axes for _, axes in layouts()[tensor] if len(axes) == count)
        return "(" + "*".join(sizes) + ")"
    return _product(shape, 0, _ELEMENTS)


# a division rounded down by a library (``torch.div(a, b, rounding_mode='floor')``,
# ``torch.floor_divide(a, b)``, ``np.floor_divide(a, b)``, Java's ``Math.floorDiv(a, b)``,
# Julia's ``fld(a, b)`` and ``div(a, b)`` (its integer division, rounded toward zero: the
# floor on the non-negative values a size takes), Python's ``operator.floordiv(a, b)``):
# ``floor((a)/(b))`` ('trunc' is the same on the non-negative values a size takes);
# rounded up (Julia's ``cld(a, b)``):
# ``ceil((a)/(b))``
_DIVIDE = lazy_pattern(
    r"(?<![\w.])(?:(?:torch|np|numpy)\s*\.\s*(?P<fn>div|divide|floor_divide)"
    r"|Math\s*\.\s*(?P<java>floorDiv)|(?:operator\s*\.\s*)?(?P<julia>fld|cld|floordiv|div))\s*\("
)
_ROUNDING_MODE = lazy_pattern(r"^\s*rounding_mode\s*=\s*['\"](?:floor|trunc)['\"]\s*$")


def _divisions(text: Normalized, notes: list) -> Normalized:
    for match in reversed(list(_DIVIDE().finditer(text.text))):
        opening = match.end() - 1
        closing = _closing(text.text, opening)
        if closing is None:
            continue
        arguments = top_level_parts(text.text[opening + 1 : closing])
        floor = match.group("fn") in (None, "floor_divide")
        if len(arguments) == 3 and not floor and _ROUNDING_MODE().match(arguments[2]):
            arguments, floor = arguments[:2], True
        if len(arguments) != 2 or not floor:
            continue
        notes.append(_note("code_call", text=text.text[match.start() : closing + 1]))
        rounding = "ceil" if match.group("julia") == "cld" else "floor"
        written = f"{rounding}(({arguments[0].strip()})/({arguments[1].strip()}))"
        text = edit(text, match.start(), closing + 1, written)
    return text


def top_level_parts(inside: str) -> list[str]:
    """``inside``'s parts between its commas outside brackets (a call's arguments, a
    tuple's values)."""
    found, depth, begin = [], 0, 0
    for index, char in enumerate(inside):
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and char == ",":
            found.append(inside[begin:index])
            begin = index + 1
    found.append(inside[begin:])
    return found


def _members(text: Normalized, notes: list) -> Normalized:
    """``text`` with each attribute chain (:data:`_CHAIN`: ``module.padding``,
    ``v.p.value``, ``self.conv.weight.shape``, ``filter["shape"]``, ``params->stride``)
    read by its last
    meaningful name (:func:`_resolved`), except where a notation record reads an object
    and its member together (darknet's ``l.pad``: per side)."""
    found = []
    for match in _CHAIN().finditer(text.text):
        after = text.text[match.end() : match.end() + 1]
        segments = _segments(match.group())
        resolved = _resolved(segments, after)
        end = match.end()
        # a layer's weight (``m.weight.shape``, ``weight.shape``) is PyTorch's; an array
        # its author names kernel (``kernel.shape[0]``) is read by the layouts
        weight = len(segments) > 1 and segments[-2] in _TENSORS
        axis = (
            _WEIGHT_AXIS().match(text.text, end) if weight and resolved in _WEIGHT_SHAPES else None
        )
        if axis is not None:  # a layer's weight indexed: PyTorch's names of its sizes
            resolved, end = _WEIGHT[int(axis.group("i") or axis.group("j"))], axis.end()
        if resolved is not None and resolved != match.group():
            found.append((match, end, resolved))
    if _square_sides_mixed(found):
        found = [row for row in found if not _square_symbol(row[2])]
    if found:
        written = sorted({text.text[m.start() : end] for m, end, _ in found})
        notes.append(_note("code", text=", ".join(written)))
    for match, end, resolved in reversed(found):
        text = edit(text, match.start(), end, resolved)
    return text


# PyTorch's Conv2d.weight: 'the learnable weights of the module of shape
# (out_channels, in_channels/groups, kernel_size[0], kernel_size[1])' (the layouts
# record's citation): each index read as PyTorch's name of that size
_WEIGHT = ("out_channels", "in_channels", "kernel_size[0]", "kernel_size[1]")
_WEIGHT_SHAPES = frozenset({"kernel.shape", "kernel.size"})
_WEIGHT_AXIS = lazy_pattern(r"\s*(?:\[\s*(?P<i>[0-3])\s*\]|\(\s*(?P<j>[0-3])\s*\))")


def _segments(chain: str) -> list[str]:
    """The names of an attribute chain, a string key as a name (``filter["shape"]``:
    filter, shape)."""
    return re.findall(r"[A-Za-z_]\w*", chain)


def _resolved(names: list[str], after: str) -> str | None:
    """What an attribute chain reads as: its last name (``module.padding``: padding), or
    its last two joined where only they read (``padding.h``: :func:`_joined`), after the
    members that only hold a value (``.value``, ``.data``: :data:`_HOLDERS`);
    a shape or a size (``….weight.shape``) with the tensor it is of (``weight.shape``,
    the kernel's for a layer's weight: :data:`_TENSORS`); an object and its member a
    notation record spells together (``l.pad``) kept, unless indexed (``l.stride[0]``:
    ``stride[0]``, the pair's); None for a library's function
    (``math.floor``, ``np.prod``) or a method called (``x.view(...)``): not this rule's."""
    from derivations.registry.notations import notation_spellings

    if names[0] in _LIBRARIES:
        return None
    while len(names) > 1 and names[-1] in _HOLDERS:
        names = names[:-1]
    if len(names) == 1:
        return names[0]
    last = names[-1]
    if last in _SHAPE_MEMBERS:
        if (last == "size" and after != "(") or (last in _SIZES_ARRAYS and after != "["):
            return None
        tensor = _TENSORS.get(names[-2], names[-2])
        return f"{tensor}.{last}"
    if after == "(":
        return None  # a method called
    if after != "[" and ".".join(names[-2:]).lower() in notation_spellings():
        return ".".join(names[-2:])
    return _joined(names[-2], last)


def _joined(owner: str, last: str) -> str:
    """``last`` where it reads as a quantity by its parts (``module.padding``: padding);
    else ``owner_last`` where the two read together by their parts (``padding.h``: p_h;
    ``k.h``: k_h; ``x.w``: w) or the object's name is a word (``ker.w``: a name to infer,
    never the input's w); else ``last``, the member of a short variable (``v.p``: p); a
    count's name that states its counting (``stats["flops"]``, ``self.macs``), a name a
    notation record reads as the book's 1 (``module.groups``: PyTorch's groups): ``last``."""
    from derivations.checking.reading.informal import stated_counting
    from derivations.checking.reading.lexer import book_spellings
    from derivations.checking.reading.names import compose, role_of

    if stated_counting(last) and re.fullmatch(r"[A-Za-z]+", last):
        return last  # stats["flops"], self.macs: the count's own name, its counting said
    if len(last) >= _OWNER and book_spellings().get(last.lower(), ("",))[0] == "1":
        return last  # module.groups, conv.dilation: a record's name of the book's 1
    if _square_symbol(owner) and last.lower() in _AXES:
        return owner  # k_1.h: the book's k_1 is a square kernel's side, both axes'
    if owner.lower() in _WEIGHT_OWNERS and last.lower() in _AXES:
        return f"kernel_{last}"  # w.height: the weights' (x, w, y as code names them)
    if role_of(owner, rooted=False) in _SIZED:  # kernel.height: the kernel's, not h
        together = compose(f"{owner}_{last}")
        if together is not None and together.read is not None:
            return f"{owner}_{last}"
    alone = compose(last)
    if alone is not None and alone.read is not None:
        return last
    together = compose(f"{owner}_{last}")
    if (together is not None and together.read is not None) or len(owner) >= _OWNER:
        return f"{owner}_{last}"  # k.h: the kernel's height; ker.w: a name to infer
    return last


_OWNER = 3  # letters of an object whose member is read with it (pad.w; not v.p)
_AXES = frozenset({"h", "w", "height", "width"})
# the objects whose sizes along an axis differ: a member of theirs is read with them
_SIZED = frozenset({"kernel", "input", "output"})
# the weights' names in code (x, w, y): an axis of theirs is the kernel's
_WEIGHT_OWNERS = frozenset({"w", "weight", "weights", "wt"})


# an image's sizes as its library names them (the layouts record's citation):
# OpenCV's ``cv::Mat::size()`` is a
# ``cv::Size`` (``.height``, ``.width``), its ``rows`` and ``cols`` the height and the
# width (as Eigen's ``rows()``, ``cols()`` are); an element of a list of images before a
# member (``in_mat[0].rows``: each image's)
_IMAGE_SIZE = lazy_pattern(
    r"(?:\[\s*[0-9]\s*\])?\s*(?:\.|->)\s*(?:size\s*\(\s*\)\s*\.\s*(?P<size>height|width)"
    r"|(?P<rc>rows|cols)(?:\s*\(\s*\))?)(?![\w(])"
)


def _image_sizes(text: Normalized, notes: list) -> Normalized:
    """``text`` with each image's size written as its member (:data:`_IMAGE_SIZE`:
    ``in_mat[0].size().height``: ``in_mat.height``)."""
    found = list(_IMAGE_SIZE().finditer(text.text))
    for match in reversed(found):
        member = match.group("size") or {"rows": "height", "cols": "width"}[match.group("rc")]
        text = edit(text, match.start(), match.end(), f".{member}")
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group().strip() for m in found}))))
    return text


def _square_sides_mixed(found: list) -> bool:
    """Whether the chains ``found`` name a square kernel's side along both axes
    (``k_1.h + k_2.w - 1``): then none is read as the book's ``k_1`` (s8adv: the axes
    mixed read as the one square side, a wrong answer accepted)."""
    axes = {
        _AXES_SIDE[names[-1].lower()]
        for match, _, resolved in found
        if _square_symbol(resolved) and (names := _segments(match.group()))[-1].lower() in _AXES
    }
    return len(axes) > 1


_AXES_SIDE = {"h": "h", "height": "h", "w": "w", "width": "w"}


def _square_symbol(name: str) -> bool:
    """Whether ``name`` is a book's symbol of a square kernel's side with a digit
    (``k_1``, ``k_2``: the composed kernels' sizes, the same along both axes)."""
    from derivations.checking.reading.aliases import COMPOSE_SYMBOLS

    return name in COMPOSE_SYMBOLS


# an attribute chain: a name, then members (``.name``, C's ``->name``) or string keys
# (``["name"]``),
# no space inside (a sentence's full stop has one after it), not followed by a full stop
_CHAIN = lazy_pattern(
    r"(?<![\w.\\])(?!(?:math|np|numpy|torch|tf|std|Math|nn|jnp|sympy|sp|F|K)\.)[A-Za-z_]\w*"
    r"(?:(?:\.|->)[A-Za-z_]\w*|\[\s*(?P<q>['\"])[A-Za-z_]\w*(?P=q)\s*\])+"
    r"(?![\w.])"
)
# the first names of a library's functions and constants (math.floor, np.prod)
_LIBRARIES = frozenset(
    {"math", "np", "numpy", "torch", "tf", "std", "Math", "nn", "jnp", "sympy", "sp", "F", "K"}
    | {"keras", "jax", "scipy", "tensorflow", "cv2", "Number", "Integer", "Double"}
    | {"functools", "operator"}
)
# members that only hold an object's value: the object is what they hold (a form
# field's ``.value`` in JavaScript, a tensor's ``.data``)
_HOLDERS = frozenset({"value", "val", "data", "valueAsNumber"})
# a layer's tensor named by its role: a convolution's ``weight`` is its kernel, shaped
# (out_channels, in_channels/groups, kernel_size[0], kernel_size[1]) (the layouts
# record's PyTorch citation; indexed, :data:`_WEIGHT`)
_TENSORS = {"weight": "kernel"}


# Python's length of an array, its first axis's size (``len(X)``: ``X.shape[0]``; of a
# row, ``len(X[0])``, the second's); only for a name of an array (:func:`_lengths`)
_LEN = lazy_pattern(
    r"(?<![\w.])len\s*\(\s*(?P<name>[A-Za-z_]\w*)\s*(?P<rows>(?:\[\s*0\s*\]\s*)*)\)"
)


def _lengths(text: Normalized, notes: list) -> Normalized:
    """``text`` with each length of an array (:data:`_LEN`) written as the size of its
    axis (``len(K[0])``: ``K.shape[1]``), read by the layouts as a shape indexed is; a
    name that names no tensor (``len(kernel_size)``, a pair's length) left as it is, and
    so is ``kernel``, whose ``.shape`` is a layer's weights' (:data:`_WEIGHT_SHAPES`):
    ``len(kernel)`` stays the kernel's size."""
    from derivations.checking.reading.names import shape_of

    for match in reversed(list(_LEN().finditer(text.text))):
        name = match.group("name")
        if shape_of(_shape_name(name)) is None or f"{name.lower()}.shape" in _WEIGHT_SHAPES:
            continue
        notes.append(_note("code", text=match.group()))
        axis = match.group("rows").count("[")
        text = edit(text, match.start(), match.end(), f"{match.group('name')}.shape[{axis}]")
    return text


def _shapes(text: Normalized, notes: list) -> Normalized:
    """``text`` with each shape indexed in code written as the shape's name indexed."""
    for pattern in (_SHAPE_INDEX(), _SHAPE_OF()):
        for match in reversed(list(pattern.finditer(text.text))):
            notes.append(_note("code", text=match.group().strip()))
            text = edit(text, match.start(), match.end(), _shape_name(match.group("name")))
    for match in reversed(list(_SIZE_AT().finditer(text.text))):
        notes.append(_note("code", text=match.group()))
        written = f"{_shape_name(match.group('name'))}[{match.group('index')}]"
        text = edit(text, match.start(), match.end(), written)
    return text


_LIBRARY = lazy_pattern(
    r"(?<![\w.])(?:std\s*::|Math\s*\.|math\s*\.|np\s*\.|numpy\s*\.|jnp\s*\.|torch\s*\.)\s*"
    r"(?=(?:floor|ceil|trunc|Floor|Ceiling)\s*\()"
)
# a rounding toward zero (``Math.trunc``, ``math.trunc``): the floor on the non-negative
# values a size takes; C#'s ``Math.Floor``, ``Math.Ceiling``: the functions
_ROUNDINGS = lazy_pattern(r"(?<![\w.])(?P<fn>trunc|Floor|Ceiling)\s*(?=\()")
# a name added to in a statement of its own (``flops += …``, ``cx["flops"] += …``): a
# count summed from zero, its name the count's (never a chain ``flops + = …`` whose side
# ``flops +`` is skipped: the counting its name states was lost, a MAC count named flops
# accepted); a layer's size changed in place (``H += 2 * pad``) is :mod:`.second_look`'s
_ADDED_TO = lazy_pattern(r"^\s*(?P<name>[A-Za-z_]\w*(?:\[\s*['\"]\w+['\"]\s*\])?)\s*\+=(?!=)\s*")
# ``#MAC = …``: ``#`` before a name is "the number of" (a name, no comment)
_COUNT_SIGN = lazy_pattern(r"^\s*#(?=[A-Za-z_]\w*\s*=)")
# words after a function's name that are no operand of it (``floor of x``)
_NOT_OPERANDS = frozenset({"of", "the", "and", "or", "is", "to", "in", "div", "mod"})
# the words :func:`_conversions` looks for (a substring test first)
_CONVERTING = (
    *("_of_", "Float", "trunc", "fromIntegral", "as.", "ceiling", "realToFrac", "Int,"),
    *("int8(", "int16(", "int32(", "int64(", ".int(", ".int_("),
)
_CONVERTING_APPLIED = ("floor ", "ceil ", "ceiling ")
_NEEDS = (
    "][",
    "int8(",
    "int16(",
    "int32(",
    "int64(",
    "int(",
    "int_(",
    "len(",
    ".to",
    "|>",
    "-.",
    "+.",
    "*.",
    "/.",
    "=>",
    "_of_",
    "ceiling",
    "fromIntegral",
    "as.",
    "Int,",
    "floor ",
    "ceil ",
    "rows",
    "cols",
    ".0",
    ".1",
    "._",
    "first",
    "second",
    "Item",
    "float",
    "double",
    "Double",
    "Int(",
    "trunc",
    "Floor",
    "Ceiling",
    "Parameter",
    "Variable",
    "`div`",
    "~/",
    "parse",
    "Number",
    "def",
    "=>",
    "div",
    "prod",
    "numel",
    "nelement",
    "shape",
    "size(",
    "sizes[",
    "+=",
    "dims[",
    "['",
    '["',
    "->",
    "<-",
    ":=",
    "sum(",
    "(1)",
    "(2)",
    "(*",
    "static_cast",
    "ias",
    ".at",
    "tensor",
    "array",
    "{",
    "print",
    "console",
    "append(",
    "push",
    "System",
    "disp",
    "puts",
    " as ",
    "Div",
    "fld(",
    "cld(",
    ".*",
    "./",
    ".^",
    "return",
    "define",
    "lambda",
    "self",
    "this",
    "::",
    "Math",
    "(int",
    "(float",
    "(double",
    "(long",
    "(size_t",
    "//",
    "%",
    "#",
    "int ",
    "float ",
    "double ",
    "auto ",
    "const ",
    "let ",
    "var ",
    "long ",
    "size_t ",
    "val ",
)


# each of :data:`_NEEDS` under its first character: only those whose first character
# is in a text can be in it
_NEEDS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _need in _NEEDS:
    _NEEDS_BY_FIRST[_need[0]] = (*_NEEDS_BY_FIRST.get(_need[0], ()), _need)
_FIRSTS = frozenset(_NEEDS_BY_FIRST)


def _needs_code(body: str) -> bool:
    """Whether one of :data:`_NEEDS` is in ``body`` (tested only for those whose first
    character ``body`` has: a plain formula has few of them)."""
    for first in _FIRSTS.intersection(body):
        for need in _NEEDS_BY_FIRST[first]:
            if need in body:
                return True
    return False


# an operator between two operands: a name, a number or a bracket on each side (``a + b``,
# ``(x) / s``, ``2*p``); a minus only with a space beside it or a bracket or digit on a
# side (``output-size`` is a hyphenated word)
_BETWEEN = lazy_pattern(r"[\w)\]]\s*(?:[+*/×÷]|\s-|-\s|(?<=[)\]0-9])-|-(?=[(\[0-9]))\s*[\w(\[]")


# a name given the value of a call (``OW = get_conv_outsize(W, KH, SW, PW)``): a statement
# of code that computes a size with no operator of its own
_CALLED = lazy_pattern(r"(?<![\w.])[A-Za-z_]\w*\s*=\s*[A-Za-z_][\w.]*\s*\(")


# a name given a value looked up in code (``FH = W_sizes[3]``, ``H = X->sizes[2]``, ``k =
# conv.kernel_size``): a statement of code that defines a name, with no operator
_LOOKED_UP = lazy_pattern(r"(?<![\w.])[A-Za-z_]\w*\s*=\s*[A-Za-z_]\w*\s*(?:\[|->|\.(?=[A-Za-z_]))")


def holds_formula(text: str) -> bool:
    """Whether ``text`` holds an operator between two operands (:data:`_BETWEEN`), a
    name given a call's value (:data:`_CALLED`) or a value looked up (:data:`_LOOKED_UP`):
    a formula, or a line of code, the reader did not read.  Text dropped as prose around
    a formula must hold none: a statement of code left out (``return (h + head + tail -
    k) / s + 1`` after ``dk = …;``, ``OW = outsize(W, KH, SW, PW)``, a helper the answer
    does not define, or ``const int FH = W_sizes[3];``, the kernel's width named FH) is
    no prose, and what is left is not the answer."""
    return bool(_BETWEEN().search(text) or _CALLED().search(text) or _LOOKED_UP().search(text))


# a shape built in code around its list of sizes (``tuple(np.array([n, …],
# dtype=np.int64))``, ``list(…)``, ``np.asarray(…)``), or a tensor made of that shape
# (``np.zeros((n, c_o, …, …))``, ``torch.empty((…))``): the list
_WRAPPER = lazy_pattern(
    r"(?<![\w.])(?:tuple|list|(?:np|numpy)\s*\.\s*(?:array|asarray)|torch\s*\.\s*tensor"
    r"|(?:np|numpy|torch|jnp)\s*\.\s*(?:zeros|ones|empty))\s*\("
)
_DTYPE = lazy_pattern(r",\s*dtype\s*=\s*[\w.]+\s*$")


def unwrapped(text: str) -> str:
    """``text`` with the calls that build a shape around its list of sizes at its end
    taken away (:data:`_WRAPPER`, a ``dtype=`` argument with them), or ``text`` as it is."""
    for _ in range(3):  # tuple(np.array([...])): two calls
        match = _WRAPPER().search(text) if "(" in text else None
        closing = _closing(text, match.end() - 1) if match else None
        if match is None or closing is None or text[closing + 1 :].strip(" ;.\n"):
            break
        inner = _DTYPE().sub("", text[match.end() : closing]).strip()
        call = _WRAPPER().match(inner)
        if not (call or (inner[:1] in "([" and _closing(inner, 0) == len(inner) - 1)):
            break
        text = text[: match.start()] + inner
    return text


# a call that only holds a tensor as a layer's parameter (PyTorch's ``nn.Parameter(…)``,
# TensorFlow's ``tf.Variable(…)``): what it holds
_HOLDER_CALL = lazy_pattern(
    r"(?<![\w.])(?:(?:torch\s*\.\s*)?nn\s*\.\s*Parameter|tf\s*\.\s*Variable)\s*\("
)


def _held(text: Normalized, notes: list) -> Normalized:
    """``text`` with each call of :data:`_HOLDER_CALL` replaced by its one argument."""
    for match in reversed(list(_HOLDER_CALL().finditer(text.text))):
        closing = _closing(text.text, match.end() - 1)
        if closing is None or len(top_level_parts(text.text[match.end() : closing])) != 1:
            continue
        notes.append(_note("code", text=match.group().strip() + "…)"))
        text = edit(text, closing, closing + 1)
        text = edit(text, match.start(), match.end())
    return text


# a pair's element as a member: Rust's and Swift's tuple fields (``padding[0].1``),
# Scala's ``._1``/``._2``, C++'s ``std::pair`` ``.first``/``.second``, C#'s
# ``.Item1``/``.Item2``: the pair indexed from 0 (``padding[0][1]``)
_PAIR_FIELD = lazy_pattern(
    r"(?<![\w.])(?P<obj>[A-Za-z_]\w*(?:\[\s*[0-9]\s*\])*)\."
    r"(?:(?P<n>[01])(?![\w.])|_(?P<s>[12])(?!\w)|(?P<w>first|second)(?!\w)|Item(?P<c>[12])(?!\w))"
    r"(?!\s*\()"
)
# a padding's pair of pairs indexed twice (``pads[0][1]``: the height's (top, bottom)
# pair's bottom, as np.pad's, tf.pad's and hpt's are: the layouts record's citation): the side
# it names, half its axis's total (:func:`.names.compose`: ``pads_bottom``)
_TWICE = lazy_pattern(
    r"(?<![\w.])(?P<name>[A-Za-z_]\w*)\s*\[\s*(?P<i>[01])\s*\]\s*\[\s*(?P<j>[01])\s*\]"
)
_SIDES = (("top", "bottom"), ("left", "right"))


def _pair_fields(text: Normalized, notes: list) -> Normalized:
    """``text`` with each pair's element written as a member (:data:`_PAIR_FIELD`)
    indexed, and each padding's side indexed twice (:data:`_TWICE`) named by its side."""
    from derivations.checking.reading.names import compose

    found = list(_PAIR_FIELD().finditer(text.text))
    for match in reversed(found):
        number = match.group("n")
        at = (
            int(number)
            if number is not None
            else int(match.group("s") or match.group("c") or 0) - 1
        )
        if match.group("w"):
            at = ("first", "second").index(match.group("w"))
        text = edit(text, match.start(), match.end(), f"{match.group('obj')}[{at}]")
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group() for m in found}))))
    for match in reversed(list(_TWICE().finditer(text.text))):
        i, j = int(match.group("i")), int(match.group("j"))
        side = f"{match.group('name')}_{_SIDES[i][j]}"
        composed = compose(side)
        if composed is None or composed.read != f"p_{'hw'[i]}/2":
            continue
        notes.append(_note("code", text=match.group()))
        text = edit(text, match.start(), match.end(), side)
    return text


# a value piped through functions: OCaml's, F#'s and Julia's ``x |> f |> g`` (the
# pipe binds looser than arithmetic in each), the calls written out (``g(f(x))``); the
# value is what follows a statement's ``=`` or a match arm's ``->``/``=>``.  A stage
# called with brackets (``|> floor()``, as R and Elixir write it) only after one operand
# (``(…) |> floor()``): R's pipe binds tighter than arithmetic, Elixir's looser
_PIPE = lazy_pattern(r"\|>")
_ATOM = lazy_pattern(r"^\s*(?:[A-Za-z_][\w.]*|[0-9.]+|\((?:[^()]|\([^()]*\))*\))\s*$")
_PIPED = lazy_pattern(r"^\s*(?P<fn>[A-Za-z_][\w.]*)\s*(?:\(\s*\))?\s*$")
_VALUE_START = lazy_pattern(r"(?:(?<![=!<>])=(?!=)|->|=>)(?!.*(?:(?<![=!<>])=(?!=)|->|=>))")


def _pipes(text: Normalized, notes: list) -> Normalized:
    """``text`` with a value piped through functions (:data:`_PIPE`) written as the
    functions called on it; as it is where a stage is no function's name."""
    marks = [m for m in _PIPE().finditer(text.text) if _depth_at(text.text, m.start()) == 0]
    if not marks:
        return text
    ends = [m.start() for m in marks[1:]] + [len(text.text)]
    stages = [text.text[m.end() : end] for m, end in zip(marks, ends, strict=True)]
    names = [_PIPED().match(stage) for stage in stages]
    if not all(names):
        return text
    head = text.text[: marks[0].start()]
    start = _VALUE_START().search(head)
    begin = start.end() if start else 0
    value = head[begin:].strip()
    if any("(" in stage for stage in stages) and not _ATOM().match(value):
        return text  # a + b |> f(): R's f(b) added to a, Elixir's f(a + b)
    for name in names:
        value = f"{name.group('fn')}({value})"  # type: ignore[union-attr]
    notes.append(_note("code", text=", ".join(sorted({m.group() for m in marks}))))
    return edit(text, begin, len(text.text), " " + value)


def _depth_at(text: str, index: int) -> int:
    return sum((c in "([{") - (c in ")]}") for c in text[:index])


# OCaml's float operators (``+.``, ``-.``, ``*.``, ``/.``) and float literals (``1.``):
# the operators and the numbers
_FLOAT_OPERATOR = lazy_pattern(r"(?<=[\s\w)\]])([-+*/])\.(?=[\s(\w])|(?<=\d)\.(?![\d\w])")


def _float_operators(text: Normalized, notes: list) -> Normalized:
    found = list(_FLOAT_OPERATOR().finditer(text.text))
    for match in reversed(found):
        text = edit(text, match.start(), match.end(), match.group(1) or "")
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group() for m in found}))))
    return text


# a match arm's pattern before its value (OCaml's and F#'s ``| VALID -> …``, Rust's
# ``Padding::Valid => …``, Scala's ``case Same => …``): read away as a condition is
_ARM = lazy_pattern(
    r"^\s*(?:\|\s*|case\s+)?(?P<pattern>[A-Za-z_][\w.:]*|['\"]\w+['\"])\s*(?:->|=>)\s*(?=\S)"
)


# other languages' conversions and roundings called as functions, each read as
# Python's: OCaml's ``int_of_float``, ``Float.to_int``, ``truncate`` and Haskell's
# ``truncate``, R's ``as.integer`` (the integer part: ``int``, the floor on the
# non-negative values a size takes); OCaml's ``float_of_int``, ``Float.of_int``,
# Haskell's ``fromIntegral``, R's ``as.numeric`` (the value: the bracket kept);
# NumPy's integer types called on a value (``np.uint8(…)``, ``np.int64(…)``, the alias
# ``np.int(…)`` of old NumPy, ``np.int_(…)``: the integer part, as ``int``);
# Haskell's and R's ``ceiling`` and OCaml's ``Float.ceil``/``Float.floor`` (the rounding);
# Julia's ``floor(Int, x)`` (the rounding of x)
_CONVERSIONS = lazy_pattern(
    r"(?<![\w.])(?:(?P<int>int_of_float|Float\s*\.\s*to_int|truncate|as\s*\.\s*integer"
    r"|(?:np|numpy|torch)\s*\.\s*u?int(?:8|16|32|64|_)?)"
    r"|(?P<value>float_of_int|Float\s*\.\s*of_int|fromIntegral|as\s*\.\s*numeric|realToFrac)"
    r"|(?P<ceil>ceiling|Float\s*\.\s*ceil)|(?P<floor>Float\s*\.\s*floor))\s*(?=\()"
    r"|(?<![\w.])(?P<julia>floor|ceil|trunc)\s*\(\s*(?:Int|Int64|Int32|UInt)\s*,"
)


# a function applied without brackets, as ML languages and Haskell write it
# (``float_of_int s``, ``floor x``): its one operand bracketed
_APPLIED = lazy_pattern(
    r"(?<![\w.])(?P<fn>int_of_float|float_of_int|Float\s*\.\s*(?:of_int|to_int|floor|ceil)"
    r"|truncate|fromIntegral|realToFrac|floor|ceiling|ceil)\s+"
    r"(?P<atom>[A-Za-z_]\w*|[0-9]+(?:\.[0-9]*)?)(?![\w(\[.])"
)


def _conversions(text: Normalized, notes: list) -> Normalized:
    """``text`` with each call of :data:`_CONVERSIONS` written as Python's."""
    for match in reversed(list(_APPLIED().finditer(text.text))):
        if match.group("atom") in _NOT_OPERANDS:
            continue
        text = edit(text, match.end(), match.end(), ")")
        text = edit(text, match.start("atom"), match.start("atom"), "(")
    found = list(_CONVERSIONS().finditer(text.text))
    for match in reversed(found):
        if match.group("julia"):
            written = {"trunc": "floor"}.get(match.group("julia"), match.group("julia")) + "("
        elif match.group("int"):
            written = "int"
        elif match.group("ceil"):
            written = "ceil"
        elif match.group("floor"):
            written = "floor"
        else:
            written = ""
        text = edit(text, match.start(), match.end(), written)
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group() for m in found}))))
    return text


# a conversion to an integer (``int(…)``: Swift's ``Int(…)``, JavaScript's ``parseInt``, a
# C cast before a bracket, as read above) or a library's rounding (``std::floor(…)``,
# ``math.ceil(…)``: code's, typed; a bare ``floor`` is the formula's) of a value that is
# whole already: sizes added, subtracted and multiplied, no division,
# no decimal (``Int(h - k_h + p_h) / s_h``, mlpack's ``std::floor(size + 2 * padding - k)
# / s``): the value, never a floor of it (a floor read there moved the division's
# rounding outside the quotient: a right answer judged not_equivalent)
_INT_CALL = lazy_pattern(
    r"(?<![\w.:])(?:(?:std\s*::\s*|(?:math|Math|np|numpy|jnp|torch)\s*\.\s*)"
    r"(?:floor|ceil|Floor|Ceiling)|int)\s*\("
)
_WHOLE = lazy_pattern(r"^[\sA-Za-z0-9_+\-*×·()\[\]]*$")


def _whole_conversions(text: Normalized, notes: list) -> Normalized:
    """``text`` with each ``int(…)``, ``floor(…)``, ``ceil(…)`` of a whole value
    (:data:`_WHOLE`) its bracket."""
    for match in reversed(list(_INT_CALL().finditer(text.text))):
        closing = _closing(text.text, match.end() - 1)
        if closing is None or not _WHOLE().match(text.text[match.end() : closing]):
            continue
        notes.append(_note("code", text=text.text[match.start() : closing + 1]))
        text = edit(text, match.start(), match.end() - 1)
    return text


# a tensor's shape unpacked into names (``N, C, H, W = x.shape``, ``FN, C, FH, FW =
# self.W.shape``, ``h_in, w_in = x.shape``): names that read by themselves as the sizes the
# tensor's layouts (the layouts record) put at their places need no definition
_UNPACKED_SHAPE = lazy_pattern(
    r"(?:^|(?<=[;\s]))(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*=\s*"
    r"(?:(?:self|this)\s*\.\s*)?(?P<obj>[A-Za-z_]\w*)\s*\.\s*(?:shape|size\s*\(\s*\))"
    r"\s*;?(?=\s|$)"
)


def _layer_size(name: str) -> bool:
    """Whether ``name`` reads by itself as one of the layer's symbols (``H``: h)."""
    from derivations.checking.reading.aliases import LAYER_SYMBOLS

    return own_reading(name) in LAYER_SYMBOLS


def own_reading(name: str) -> str | None:
    """The one symbol ``name`` reads as by itself (``H``: h; ``FH``: k_h), or None."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import tokenize

    try:
        tokens = tokenize(Normalized(name, list(range(len(name)))))
    except InvalidAnswer:
        return None
    value = str(tokens[0]) if len(tokens) == 1 and tokens[0].type == "SYMBOL" else None
    return None if value is None or value.startswith("?") else value


# a square kernel's one letter (``K, _, _, C_out = B.shape``): the size at either kernel axis
_SQUARE_KERNEL = {"k": ("k_h", "k_w")}


def _fits(readings: list[str | None], used: list[bool], axes: list[str]) -> bool:
    """Whether the used names' readings are the sizes ``axes`` lists, place by place, in
    some run of ``axes`` as long as the names (``h_in, w_in``: NCHW's last two); a square
    kernel's k fits either kernel axis (:data:`_SQUARE_KERNEL`)."""
    size = len(readings)
    for start in range(len(axes) - size + 1):
        window = axes[start : start + size]
        if all(
            not u or r == a or a in _SQUARE_KERNEL.get(r or "", ())
            for r, u, a in zip(readings, used, window, strict=True)
        ):
            return True
    return False


# a tensor's shape indexed where the answer shows its layout (``C, H, W = ifmap.shape``
# unpacked above ``ifmap.shape[1]``): the place's name, the author's own for that axis
_INDEXED_SHAPE = lazy_pattern(
    r"(?<![\w.])(?:(?:self|this)\s*\.\s*)?(?P<obj>[A-Za-z_]\w*)\s*\.\s*"
    r"(?:shape|size\s*\(\s*\))\s*\[\s*(?P<index>-?[0-9])\s*\]"
)


def _shown_layouts(text: Normalized, notes: list) -> Normalized:
    """``text`` with each shape indexed (``ifmap.shape[1]``) written as the name the
    answer unpacks at that place of the same shape (``C, H, W = ifmap.shape``: ``H``), where
    that name reads by itself (:func:`own_reading`) as a size one of the tensor's layouts
    puts there (:func:`.names.shape_hints`: ``H`` at place 1 of an input, CHW's); the
    unpacking is left for :func:`_unpacked_shapes`.  A shape no unpacking shows is left
    as it is, its index read by the layouts (ambiguous where they disagree)."""
    from derivations.checking.reading.names import shape_hints

    shown: dict[str, list[str]] = {}
    for match in _UNPACKED_SHAPE().finditer(text.text):
        names = [name.strip() for name in match.group("names").split(",")]
        shown.setdefault(match.group("obj"), names)
    if not shown:
        return text
    for match in reversed(list(_INDEXED_SHAPE().finditer(text.text))):
        placed = shown.get(match.group("obj"))
        index = int(match.group("index"))
        if placed is None or not -len(placed) <= index < len(placed):
            continue
        name = placed[index]
        hints = shape_hints(f"{match.group('obj')}_shape", index % len(placed)) or ()
        if own_reading(name) not in hints:
            continue
        notes.append(_note("code", text=match.group().strip()))
        text = edit(text, match.start(), match.end(), name)
    return text


def _unpacked_shapes(text: Normalized, notes: list) -> Normalized:
    """``text`` without each shape unpacked into names (:data:`_UNPACKED_SHAPE`) whose
    names used elsewhere read by themselves as the sizes one of the tensor's layouts puts
    at their places (:func:`.names.shape_of`, :func:`.notations.layouts`); of a tensor
    whose name says nothing (``A``, ``B``), one layout of any tensor (``N, H, W, C_in =
    A.shape``: an input's NHWC; ``K, _, _, C_out = B.shape``: a kernel's HWIO); one whose
    names do not is kept (read, or refused, as it is)."""
    from derivations.checking.reading.names import shape_of
    from derivations.registry.notations import layouts

    found = list(_UNPACKED_SHAPE().finditer(text.text))
    rest = text.text  # the text the unpackings' names are used in: all but them
    for match in reversed(found):
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    for match in reversed(found):
        tensor = shape_of(f"{match.group('obj')}_shape")
        names = [name.strip() for name in match.group("names").split(",")]
        used = [re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", rest) is not None for n in names]
        readings = [own_reading(name) if u else None for name, u in zip(names, used, strict=True)]
        if any(u and r is None for u, r in zip(used, readings, strict=True)):
            continue
        tensors = [tensor] if tensor is not None else list(layouts())
        if not any(_fits(readings, used, list(axes)) for t in tensors for _, axes in layouts()[t]):
            continue
        notes.append(_note("code", text=match.group().strip()))
        text = edit(text, match.start(), match.end())
    return text


# a name given one size of a tensor's shape (``FH = W_shape[2]``, as :func:`_shapes` wrote
# ``Conv->W->sizes[2]``), a statement of its own (a ``;`` or the next statement's
# ``name =`` after it: a line break is a space here)
_INDEXED_DEFINITION = lazy_pattern(
    r"(?:^|(?<=[;\s]))(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<shape>[A-Za-z_]\w*)\s*\[\s*"
    r"(?P<index>-?[0-9])\s*\]\s*(?:;|$|(?=\s+[A-Za-z_]\w*\s*=[^=]))"
)


def _indexed_definitions(text: Normalized, notes: list) -> Normalized:
    """``text`` without each name given one size of a tensor's shape
    (:data:`_INDEXED_DEFINITION`) where the name reads by itself as a size one of the
    tensor's layouts puts at that place, with the shape's other names that do
    (``FH = W_shape[2]`` and ``FW = W_shape[3]``: OIHW's), a name alone in the tensor's
    first layout (``FH = W_shape[2]``: OIHW's k_h), or where nothing else uses it (``N = X_shape[0]``, a size declared and not
    used); one whose name reads as no size there is kept (``FH = W_shape[3]``: read as the
    index is, its name not trusted), so is each name of a shape whose names fit no one
    layout together (``ih = x_shape[1]`` with ``iw = x_shape[3]``), and the answer's last
    statement."""
    from derivations.checking.reading.names import shape_hints, shape_of
    from derivations.registry.notations import layouts

    found = list(_INDEXED_DEFINITION().finditer(text.text))
    rest = text.text
    for match in reversed(found):
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    if not rest.strip(" ;"):
        return text
    named: dict[str, list[tuple[int, str]]] = {}  # a shape: (index, what its name reads as)
    for match in found:
        shape, index = match.group("shape"), int(match.group("index"))
        own = own_reading(match.group("name"))
        if own is not None and own in (shape_hints(shape, index) or ()):
            named.setdefault(shape, []).append((index, own))
    # the names of one shape must fit one layout together (ih = x[1] with iw = x[3]: none);
    # one name alone, the tensor's first layout (PyTorch's NCHW, OIHW: H = x.size()[2] the
    # height; W = x.size()[2], CHW's, is read as the index is)
    fitting = {
        shape: any(
            all(-len(axes) <= i < len(axes) and axes[i] == read for i, read in pairs)
            for _, axes in list(layouts()[shape_of(shape) or ""])[: None if len(pairs) > 1 else 1]
        )
        for shape, pairs in named.items()
    }
    for match in reversed(found):
        shape = match.group("shape")
        hints = shape_hints(shape, int(match.group("index")))
        if not hints:
            continue
        name = match.group("name")
        used = re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", rest) is not None
        if used and (own_reading(name) not in hints or not fitting.get(shape)):
            continue
        if shape in fitting and not fitting[shape]:
            continue  # the answer's names disagree on the layout: none trusted, none away
        notes.append(_note("code", text=match.group().strip()))
        text = edit(text, match.start(), match.end())
    return text


# a function's head up to its "(", by its name: Python's ``def f(``, JavaScript's,
# Julia's, Lua's and MATLAB's ``function f(`` (``function o = f(``), Rust's ``fn f(``, Go's
# ``func f(``, Kotlin's ``fun f(`` (``_KEYWORD_HEAD``); a C-like return type before the
# name (``int f(``, ``static long f(``: ``_TYPED_HEAD``); ``{0}`` the name's group
_KEYWORD_HEAD = (
    r"\b(?:def|function|fn|func|fun)\s+(?:\[?[\w,\s]*\]?\s*=\s*)?(?P<{0}>[^\W\d]\w*)\s*\("
)
_TYPED_HEAD = r"(?:[A-Za-z_][\w:<>*&\[\]]*[ \t]+)+(?P<{0}>[A-Za-z_]\w*)\s*\("
# a lambda or an arrow function assigned to its name (``f = lambda``, ``f = (…) =>``)
_ASSIGNED_HEAD = r"(?P<{0}>[A-Za-z_]\w*)\s*=\s*(?:lambda\b|\([^()]*\)\s*=>|[A-Za-z_]\w*\s*=>)"
# a function's head opening a text (a code note's, a chain's side skipped: ``def flops(c_i,
# …):``, ``int out(int h)``, ``private fun macs(…)``, ``const flops = (…) =>``)
_OPENING_HEAD = lazy_pattern(
    rf"^\s*(?:{_KEYWORD_HEAD.format('a')}|{_TYPED_HEAD.format('b')}"
    rf"|(?:(?:const|let|var|val|auto)\s+)?{_ASSIGNED_HEAD.format('c')})"
)
# a function defined in the answer, by its name: a head of :data:`_KEYWORD_HEAD`, a C-like
# head at a line's start with its body's brace (``int f(int h) {``), a lambda or an arrow
# function assigned (``f = lambda``, ``const f = (…) =>``)
_DEFINED = lazy_pattern(
    rf"(?:{_KEYWORD_HEAD.format('a')}"
    rf"|^[ \t]*{_TYPED_HEAD.format('b')}[^()]*\)\s*(?:const\s*)?\{{"
    rf"|{_ASSIGNED_HEAD.format('c')})",
    re.M,
)


def function_named(text: str) -> str | None:
    """The name of the function whose head opens ``text`` (``def flops(c_i, …):``:
    ``flops``; ``long long macs(int h)``: ``macs``; ``const flops = (…) =>``: ``flops``),
    the heads :data:`_DEFINED` knows, a C-like one without its body's brace; None where
    no head opens it."""
    head = _OPENING_HEAD().match(text)
    return (head.group("a") or head.group("b") or head.group("c")) if head else None


def calls_defined(answer: object) -> bool:
    """Whether ``answer`` calls a function it defines (:data:`_DEFINED`) outside its
    definition (``def get_conv_outsize(…): return …`` then ``OW =
    get_conv_outsize(W, KH, SW, PW)``): its value is the call's, with the call's
    arguments, never the body's formula in the parameters' names (s9code: a width
    computed with the kernel's height was graded on the helper's body and accepted)."""
    if not isinstance(answer, str) or "(" not in answer:
        return False
    for match in _DEFINED().finditer(answer):
        name = match.group("a") or match.group("b") or match.group("c")
        for call in re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\(", answer):
            if not match.start() <= call.start() < match.end():
                return True
    return False


def _comment_note(words: str) -> Note:
    """The note of a comment dropped, with the counting its words state (``# MACs``,
    ``# multiply-adds``, ``// 乘加次数``: the code says what its count is, over a name's
    ``flops``)."""
    from derivations.checking.reading.informal import stated_counting

    said = stated_counting(words)
    return _note("comment", text=words.strip(), **({"counting": said} if said else {}))


def _note(key: str, **fields) -> Note:
    return Note(f"reading.note.{key}", tuple(sorted((k, str(v)) for k, v in fields.items())))


# words that amend the code they close (a fix still to make, the real answer): the code
# is not what its author answers (s9adv: ``# TODO: this is off by one, real answer …``
# was dropped as a comment and the code accepted)
_AMENDS = lazy_pattern(
    r"\b(?:todo|fixme|xxx|bug(?:gy)?|off[- ]by[- ]one|should\s+be|instead|actually"
    r"|real(?:ly)?\s+answer|correct\s+(?:answer|formula)|fix(?:ed)?)\b"
    r"|应该|应为|其实|实际上|改为",
    re.I,
)


def amends(words: str) -> bool:
    """Whether a comment's ``words`` amend the code before them (``TODO``, ``off by one``,
    ``should be``, ``其实``): no comment to drop."""
    return bool(_AMENDS().search(words))


def denies(words: str) -> bool:
    """Whether ``words`` hold a word that denies (:data:`.languages.NEGATIONS`,
    ``n't``): a comment saying the formula is wrong is no comment to drop."""
    lower = words.lower()
    if "n't" in lower or "n’t" in lower:
        return True
    found = set(re.findall(r"[^\W\d_]+", lower))
    return any(
        (word in found) if word.isascii() or " " in word else (word in lower) for word in NEGATIONS
    )


# one member chain and nothing else (``self.stride``, ``conv.stride``): a name of code, not
# words of a comment (a sentence's full stop has a space or the line's end after it)
_MEMBER = lazy_pattern(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def _is_comment(rest: str) -> bool:
    """Whether ``rest`` (after a comment mark) is words closing a line: a word of another
    script than Latin, or two words of letters; no digit, operator or ``=``, and not one
    member chain (``self.stride``)."""
    if not _WORDS().fullmatch(rest) or denies(rest) or amends(rest):
        return False
    if _MEMBER().fullmatch(rest.strip()):
        return False  # ``… // self.stride``: the floor division by a member, code
    other_script = re.search(r"[^\W\d_A-Za-z]", rest)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    # one word: a name (``Go``, ``Kotlin``, ``rows``) the lexer does not read (``// s`` is
    # the floor division by the stride: :func:`_reads`, tested by the caller)
    one = (
        len(words) == 1
        and rest.strip().isalpha()
        and (words[0][0].isupper() or len(words[0]) >= MIN_COMMENT_WORD)
    )
    return bool(other_script) or len(words) >= 2 or one


MIN_COMMENT_WORD = 4  # letters of a lower-case word alone read as a comment


def _reads(words: str) -> bool:
    """Whether the lexer reads ``words`` as a formula's tokens (``// 步幅``: the floor
    division by the stride, a word the notation records spell; ``% 步幅``: the modulo)."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import tokenize

    try:
        tokenize(Normalized(words, list(range(len(words)))))
    except InvalidAnswer:
        return False
    return True


# particles that join words into a phrase (的, の, 의): a phrase after a comment mark is a
# comment, never a divisor (``… // 输出的宽度``; ``… // 步幅`` divides by the stride)
_PARTICLES = ("的", "の", "의")


def _phrase(words: str) -> bool:
    return any(particle in words for particle in _PARTICLES)


def _comment(text: Normalized, notes: list, raw: str | None = None) -> Normalized:
    """``text`` without the comment closing it (see the module's docstring); ``raw``
    the answer as given, whose line breaks end a comment (:func:`_code_comment`)."""
    depth = 0
    body = text.text
    for index, char in enumerate(body):
        depth += (char in "([{") - (char in ")]}")
        if depth != 0 or not body[:index].strip():
            continue
        mark = next((m for m in _COMMENT_MARKS if body.startswith(m, index)), None)
        if mark is None or (mark == "#" and body[index - 1] not in " \t;"):
            continue
        if mark == "%" and body[index - 1].isdigit():
            continue  # 400%: a percentage, no comment mark
        rest = body[index + len(mark) :]
        if _is_comment(rest) and (mark == "#" or _phrase(rest) or not _reads(rest)):
            notes.append(_comment_note(rest))
            return edit(text, index, len(body))
        if (mark == "#" or body[:index].rstrip().endswith(";")) and not (
            denies(rest) or amends(rest)
        ):
            return _code_comment(text, index, mark, notes, raw)
    return text


def _code_comment(
    text: Normalized, index: int, mark: str, notes: list, raw: str | None
) -> Normalized:
    """``text`` with the comment at ``index`` (a ``#`` after the formula, or any mark
    after a statement's ``;``: never an operator there), up to the line's end in
    ``raw``, read: a formula the lexer reads (``… + 1  # [(w - k + 2*p)/s] + 1``) a
    statement of its own, which must agree with the code's (:mod:`.statements`' parts);
    anything else (words, a number, ``(1 stride)``) dropped, noted.  An answer of
    several lines is left to the second look's comments (:mod:`.second_look`)."""
    end = len(text.text)
    if raw is not None and "\n" in raw.strip():
        return text
    rest = text.text[index + len(mark) : end]
    if holds_formula(rest) and _reads(rest):
        notes.append(_comment_note(rest))
        before = text.text[:index].rstrip()
        return edit(text, index, index + len(mark), "" if before.endswith(";") else ";")
    worked = _WORKED_COMMENT().match(rest)
    if worked is not None:  # ``… * K * K  # 156,800``: the page's layer's value
        notes.append(_note("worked_comment", numbers=worked.group("number")))
        return edit(text, index, end)
    if not _SAYS().search(rest):
        return text  # ``c_i # c_o``: names, no words: no comment to drop
    notes.append(_comment_note(rest))
    return edit(text, index, end)


# a comment holding one number, its thousands grouped or not (``# 156,800``, ``// 1 806 336``):
# the value of the formula at the author's own layer, which the question does not give
_WORKED_COMMENT = lazy_pattern(
    r"^\s*(?P<number>[0-9]{1,3}(?:[,'\u00a0\u2009\u202f _][0-9]{3})+|[0-9]+(?:\.[0-9]+)?)\s*$"
)


# a word in a comment: three letters or more, or a letter of another script than Latin
_SAYS = lazy_pattern(r"[A-Za-z]{3}|[^\W\d_A-Za-z]")


# a layer's bias switch: a name of its bias (``bias``, ``use_bias``, ``module.bias``,
# ``self->has_bias``) tested for being there (``is None``, ``is not None``, ``not``,
# ``== nullptr``, ``!``) in Python's conditional expression (``(0 if module.bias is None
# else 1)``) or C's (``(bias ? 1 : 0)``): the branch taken without a bias
_BIAS_NAME = r"(?:[A-Za-z_]\w*\s*(?:\.|->)\s*)*[A-Za-z_]*[Bb]ias\w*"
_NONE = r"(?:None|NULL|nullptr|null|nil|0|false|False)"
# a flag named for the bias's absence (``no_bias``, MXNet's; ``without_bias``,
# ``bias_free``, ``skipBias``): true on a layer without a bias, its test read negated
_NEGATED_BIAS = lazy_pattern(
    r"(?i)(?:^|_)(?:no|without|skip|disabled?|omit|exclude)_?bias"
    r"|bias_?(?:free|off|less|disabled|omitted|skipped)$"
)
_BIAS_TEST = (
    rf"(?P<neg>not\s+|!\s*)?(?P<name>{_BIAS_NAME})"
    rf"(?:\s*(?P<absent>is\s+{_NONE}|==\s*{_NONE})|\s*(?P<present>is\s+not\s+{_NONE}|!=\s*{_NONE}))?"
)
_BIAS_SWITCH = lazy_pattern(
    rf"\(\s*(?P<yes>[^()?:\n]+?)\s+if\s+(?P<cond>{_BIAS_TEST})\s+else\s+(?P<no>[^()?:\n]+?)\s*\)"
    rf"|\(\s*(?P<ccond>{_BIAS_TEST.replace('?P<', '?P<c')})\s*\?\s*(?P<cyes>[^()?:\n]+?)\s*:"
    r"\s*(?P<cno>[^()?:\n]+?)\s*\)"
)


# the same switch as a statement's whole value, on a layer object's own bias (THOP's
# ``bias_ops = 1 if m.bias is not None else 0``, ``int b = conv->bias ? 1 : 0;``), to the
# end of its line or its ``;``.  A flag of the counter's function (``1 if is_bias else
# 0``) is not read so: its value and the function's other sizes are its caller's, which
# the answer does not show (Megvii's cvpods counts with ``out_h = in_h // stride``)
_MEMBER_BIAS_TEST = _BIAS_TEST.replace(
    _BIAS_NAME, r"(?:[A-Za-z_]\w*\s*(?:\.|->)\s*)+[A-Za-z_]*[Bb]ias\w*"
)
_BIAS_ASSIGNED = lazy_pattern(
    rf"(?<=[^=!<>]=)[ \t]*(?P<yes>[^()?:\n;=]+?)\s+if\s+(?P<cond>{_MEMBER_BIAS_TEST})\s+else\s+"
    r"(?P<no>[^()?:\n;=]+?)[ \t]*(?=;|$)"
    rf"|(?<=[^=!<>]=)[ \t]*(?P<ccond>{_MEMBER_BIAS_TEST.replace('?P<', '?P<c')})\s*\?\s*"
    r"(?P<cyes>[^()?:\n;=]+?)\s*:\s*(?P<cno>[^()?:\n;=]+?)[ \t]*(?=;|$)",
    re.M,
)


def _without_bias(match: re.Match, prefix: str = "") -> bool:
    """Whether the bias test ``match`` holds (its groups ``neg``, ``absent``, ``present``
    after ``prefix``) on a layer without a bias, as the section's is; a flag named for
    the bias's absence (:data:`_NEGATED_BIAS`: ``if no_bias``) tested alone is true there."""
    absent = bool(match.group(f"{prefix}absent")) != bool(match.group(f"{prefix}neg"))
    if match.group(f"{prefix}absent") is None and match.group(f"{prefix}present") is None:
        absent = bool(match.group(f"{prefix}neg"))  # ``if bias``: true with a bias
        name = re.split(r"\.|->", match.group(f"{prefix}name"))[-1].strip()
        if _NEGATED_BIAS().search(name):
            absent = not absent  # ``if no_bias``: true without one
    return absent


def _span(text: Normalized, start: int, end: int) -> tuple[int, int]:
    """The characters of ``text`` whose columns are in ``[start, end)`` of the answer as
    given: the first index at or after ``start`` and the first at or after ``end``."""
    first = next((i for i, c in enumerate(text.columns) if c >= start), len(text.text))
    last = next((i for i, c in enumerate(text.columns) if c >= end), len(text.text))
    return first, max(first, last)


def _bias_switches(text: Normalized, notes: list, raw: str | None) -> Normalized:
    """``text`` with each bias switch (:data:`_BIAS_SWITCH`; a statement's whole value,
    :data:`_BIAS_ASSIGNED`, found in ``raw``, the answer as given, by its lines) its
    branch without a bias, in brackets, noted (``reading.note.bias_switch``): the
    section's layer has no bias."""
    found: list[tuple[int, int, str, str]] = []
    for match in _BIAS_SWITCH().finditer(text.text):
        c = "c" if match.group("ccond") else ""
        value = match.group(f"{c}yes" if _without_bias(match, c) else f"{c}no").strip()
        found.append((match.start(), match.end(), value, match.group(f"{c}cond").strip()))
    for match in _BIAS_ASSIGNED().finditer(raw or "") if "=" in (raw or "") else ():
        c = "c" if match.group("ccond") else ""
        group = f"{c}yes" if _without_bias(match, c) else f"{c}no"
        first, last = _span(text, match.start(), match.end())
        value = text.text[slice(*_span(text, *match.span(group)))].strip()
        if value and not any(s < last and first < e for s, e, _, _ in found):
            found.append((first, last, value, match.group(f"{c}cond").strip()))
    for first, last, value, said in sorted(found, reverse=True):
        notes.append(Note("reading.note.bias_switch", (("text", said), ("value", value))))
        text = edit(text, first, last, f"({value})")
    return text


# a switch of the code left after the bias's (a flag tested alone: Python's ``2 if
# multiply_adds else 1``, ``1 if with_bias else 0``; C's ``= ceil_mode ? a : b``)
_SWITCH = lazy_pattern(
    r"\bif\s+(?:not\s+)?(?P<name>[A-Za-z_][\w.]*)\s+else\b"
    r"|[=(,]\s*!?\s*(?P<cname>[A-Za-z_][\w.]*(?:->\w+)*)\s*\?[^?:]+:"
)


def _unset_switch(text: Normalized, bias: bool = True) -> None:
    """Refuse (``reading.code_switch``) a value the code takes by a flag whose value the
    answer does not set (:data:`_SWITCH`): a formula a branch, the layer's either way;
    ``bias``: a flag of the bias too (else left for :func:`_bias_switches`)."""
    for match in _SWITCH().finditer(text.text):
        group = "name" if match.group("name") else "cname"
        if bias or "ias" not in match.group(group):
            raise refuse("code_switch", text.column(match.start(group)), name=match.group(group))


# a block of code run only as a bias test says (Python's ``if m.bias is not None:`` and
# the lines indented under it, or a statement after its colon; C's, Java's, JavaScript's
# ``if (bias != nullptr) { … }`` or ``if (has_bias) stmt;``), with its ``else`` if any,
# in the answer as given (its lines)
_BIAS_BLOCK = lazy_pattern(
    rf"^(?P<indent>[ \t]*)if\s*(?P<open>\()?\s*{_BIAS_TEST}\s*(?(open)\))\s*"
    r"(?:(?P<colon>:)[ \t]*(?P<inline>[^\n]*)|\{(?P<braced>[^{}]*)\}"
    r"|(?<=\))[ \t]*(?P<single>[^\n;{}]+;))[ \t]*(?:(?://|#)[^\n]*)?(?=$|else\b)",
    re.M,
)
# its ``else``: on the next line at its indentation, or after its braces on its line
_ELSE_BLOCK = lazy_pattern(
    r"(?:\n(?P<indent>[ \t]*)|[ \t]*)(?:\}\s*)?else\s*(?:(?P<colon>:)[ \t]*(?P<inline>[^\n]*)"
    r"|\{(?P<braced>[^{}]*)\}|[ \t]+(?P<single>[^\n;{}]+;))[ \t]*(?:(?://|#)[^\n]*)?$",
    re.M,
)


def _body_span(match: re.Match, raw: str) -> tuple[int, int, int, list[tuple[int, int]]]:
    """Where a bias block's (or its else's) statements start and end in ``raw``, where
    the block ends, and the indentation its lines have beyond its head's (a Python
    block's body, the lines after the head indented deeper than it; else the braces' or
    the colon's rest of the line)."""
    for group in ("braced", "single", "inline"):
        if match.group(group) and match.group(group).strip():
            return match.start(group), match.end(group), match.end(), []
    indent = match.group("indent")
    lines = []
    for line in re.finditer(r"\n([ \t]*)([^\n]*)", raw[match.end() :]):
        if line.group(2) and not (line.group(1).startswith(indent) and line.group(1) != indent):
            break
        if line.group(2):
            lines.append((match.end() + line.start(1), match.end() + line.end(1), line.end()))
    if not lines:
        return match.end(), match.end(), match.end(), []
    stop = match.end() + lines[-1][2]
    dedents = [(begin + len(indent), content) for begin, content, _ in lines[1:]]
    return lines[0][1], stop, stop, dedents


def _bias_cuts(raw: str) -> tuple[list[tuple[int, int]], list[Note]]:
    """The spans of ``raw`` a layer without a bias does not run: each bias test
    (:data:`_BIAS_BLOCK`) and the branch it does not take (the block, or its ``else``),
    and the notes saying so (``reading.note.bias_block``); the branch taken stays, at its
    test's indentation."""
    cuts: list[tuple[int, int]] = []
    notes: list[Note] = []
    for match in _BIAS_BLOCK().finditer(raw):
        start, stop, end, dedents = _body_span(match, raw)
        taken = (start, stop, dedents) if _without_bias(match) else None
        other = _ELSE_BLOCK().match(raw, end)
        if other is not None and other.group("indent") in (None, match.group("indent")):
            else_start, else_stop, end, else_dedents = _body_span(other, raw)
            taken = taken or (else_start, else_stop, else_dedents)
        if taken is None:
            cuts.append((match.start(), end + (raw[end : end + 1] == "\n")))
        else:
            kept = match.start() + len(match.group("indent"))
            cuts += [(kept, taken[0]), *taken[2], (taken[1], end)]
        condition = raw[match.start() : match.end()].split("\n")[0].strip()
        notes.append(Note("reading.note.bias_block", (("text", condition),)))
    return [cut for cut in cuts if cut[0] < cut[1]], notes


def bias_decided(answer: str) -> tuple[str, Note] | None:
    """``answer`` with its blocks of code under a bias test read as a layer without a
    bias runs them (:func:`_bias_cuts`: the branch taken kept, its lines' indentation
    with it), and the first note; None where it has none."""
    if "ias" not in answer or "if" not in answer:
        return None
    cuts, notes = _bias_cuts(answer)
    if not notes:
        return None
    for start, end in sorted(cuts, reverse=True):
        answer = answer[:start] + answer[end:]
    return answer, notes[0]


def _bias_blocks(text: Normalized, notes: list, raw: str) -> Normalized:
    """``text`` with each block of code a bias test runs read as a layer without a bias
    runs it (:func:`_bias_cuts`), noted: the statements of the branch taken kept where
    they are, so each stays one of the answer's."""
    cuts, said = _bias_cuts(raw)
    notes += said
    for start, end in sorted(cuts, reverse=True):
        text = edit(text, *_span(text, start, end))
    return text


def _sub_each(text: Normalized, pattern: re.Pattern, notes: list, by) -> Normalized:
    """``text`` with each match of ``pattern`` replaced by ``by(match)``, one code note."""
    found = list(pattern.finditer(text.text))
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group().strip() for m in found}))))
        for match in reversed(found):
            text = edit(text, match.start(), match.end(), by(match))
    return text


def _sub(text: Normalized, pattern: re.Pattern, notes: list, key: str, by="") -> Normalized:
    """``text`` with each match of ``pattern`` replaced by ``by``, one note if any."""
    found = list(pattern.finditer(text.text))
    if found:
        notes.append(_note(key, text=", ".join(sorted({m.group().strip() for m in found}))))
        for match in reversed(found):
            text = edit(text, match.start(), match.end(), by)
    return text


# other languages' operators: R's integer division ``%/%``, Dart's truncating ``~/``
# (the floor on the non-negative values a size takes) and Nim's, Pascal's and
# Haskell's infix ``div`` (Python's ``//``); R's
# assignment ``name <- …`` (first, or after a ``;`` or a space: ``=``) and Go's short
# declaration ``name := …`` (``=``); MATLAB's element-wise
# ``.*``, ``./``, ``.^`` after an operand (the operator)
# each with the operator as the note says it is read: (written, read), None for the
# match itself (written) or the operator after the dot (read)
_OPERATORS = (
    (lazy_pattern(r"%/%"), "//", (None, "//")),
    (lazy_pattern(r"~/(?!=)"), "//", (None, "//")),
    (lazy_pattern(r"(?<=[\w)\]])\s+(?:div|`div`)\s+(?=[\w(])"), " // ", (None, "//")),
    (lazy_pattern(r"(?:^|(?<=[;\s]))([A-Za-z_][\w.]*)\s*<-(?![-<])"), r"\1 =", ("<-", "=")),
    (lazy_pattern(r"(?:^|(?<=[;\s{]))([A-Za-z_]\w*)\s*:=(?!=)"), r"\1 =", (":=", "=")),
    (lazy_pattern(r"(?<=[\w)\]])\s*\.(?=[*/^])"), "", (None, None)),
)


# the sum of a padding's pair (``sum(pad[0])``: the top's and the bottom's, ONNX-like
# pads): the total padding along that axis, the book's p_h or p_w
_PADDING_SUM = lazy_pattern(
    r"(?<![\w.])sum\s*\(\s*(?P<name>[A-Za-z_]\w*)\s*\[\s*(?P<i>[01])\s*\]\s*\)"
)


def _padding_sums(text: Normalized, notes: list) -> Normalized:
    """``text`` with each sum of a padding's pair read as the total padding along its
    axis (:data:`_PADDING_SUM`), where the name reads as the padding by its parts."""
    from derivations.checking.reading.names import compose

    for match in reversed(list(_PADDING_SUM().finditer(text.text))):
        composed = compose(match.group("name"))
        if composed is None or composed.read not in ("p", "p_h", "p_w"):
            continue
        notes.append(_note("code", text=match.group()))
        text = edit(text, match.start(), match.end(), ("p_h", "p_w")[int(match.group("i"))])
    return text


# a value printed (``print(…)``, ``console.log(…)``, ``printf("%d", …)``,
# ``System.out.println(…)``, ``disp(…)``) or added to a list (``out.append(…)``,
# ``v.push_back(…)``): its last argument; an f-string or a template
# literal of one field (``f"out = {…}"``, ```${…}```): the field
_PRINT = lazy_pattern(
    r"^\s*(?:print|println|printf|console\s*\.\s*log|System\s*\.\s*out\s*\.\s*println"
    r"|[A-Za-z_]\w*\s*\.\s*(?:append|push|push_back|emplace_back|add)"
    r"|disp|display|puts|cat|fmt\s*\.\s*Println)\s*\("
)
_FIELD = lazy_pattern(
    r"^\s*(?:f|F)?(?P<q>[\"'`])[^{}\"'`]*\$?\{(?P<field>[^{}]+?)(?::[^{}:]*)?\}[^{}\"'`]*(?P=q)\s*$"
)
# a conversion written after its value: Rust's ``as f64``, NumPy's ``.astype(int)``,
# PyTorch's ``.item()``, ``.long()``; a rounding as a method (``(…).floor()``)
_AFTER_CAST = lazy_pattern(
    r"\s+as\s+(?:f32|f64|i32|i64|u32|u64|usize|isize|int|float|double)\b"
    r"|\.\s*(?:astype\s*\(\s*\w+\s*\)|item\s*\(\s*\)|long\s*\(\s*\)|int\s*\(\s*\))"
    # Kotlin's and Scala's toInt(), toDouble, Ruby's to_i, to_f: as .int() is
    r"|\.\s*(?:toInt|toLong|toDouble|toFloat|to_i|to_f)(?![\w(])(?:\s*\(\s*\))?"
    r"|\.\s*(?:toInt|toLong|toDouble|toFloat)\s*\(\s*\)"
)
_METHOD_ROUND = lazy_pattern(r"\)\s*\.\s*(?P<fn>floor|ceil)\s*\(\s*\)")


def _printed(text: Normalized, notes: list) -> Normalized:
    """``text`` as the value it prints (:data:`_PRINT`, :data:`_FIELD`)."""
    match = _PRINT().match(text.text)
    if match is not None:
        closing = _closing(text.text, match.end() - 1)
        rest = text.text[closing + 1 :].strip() if closing is not None else "x"
        if closing is not None and rest in ("", ";"):
            arguments = top_level_parts(text.text[match.end() : closing])
            last = arguments[-1]
            start = match.end() + len(text.text[match.end() : closing]) - len(last)
            notes.append(_note("code", text=text.text[: match.end()].strip() + " … )"))
            text = edit(text, closing, len(text.text))
            text = edit(text, 0, start)
    field = _FIELD().match(text.text)
    if field is not None:
        said = (
            text.text[: field.start("field")].rstrip("{$") + "…" + text.text[field.end("field") :]
        )
        notes.append(_note("code", text=said.replace("}", "").strip()))
        text = edit(text, field.end("field"), len(text.text))
        text = edit(text, 0, field.start("field"))
    return text


def _after_casts(text: Normalized, notes: list) -> Normalized:
    """``text`` without conversions written after their value, and with a rounding
    written as a method read as the function (``(…).floor()``: ``floor(…)``)."""
    text = _sub(text, _AFTER_CAST(), notes, "code")
    for match in reversed(list(_METHOD_ROUND().finditer(text.text))):
        opening = _opening(text.text, match.start())
        if opening is None:
            continue
        notes.append(_note("code", text=f".{match.group('fn')}()"))
        text = edit(text, match.start() + 1, match.end())
        text = edit(text, opening, opening, match.group("fn"))
    return text


def _opening(text: str, closing: int) -> int | None:
    depth = 0
    for index in range(closing, -1, -1):
        depth += (text[index] in ")]}") - (text[index] in "([{")
        if depth == 0:
            return index
    return None


# MATLAB's index, in brackets and from 1 (``padding(1)``, ``stride(2)``): a parameter's
# pair indexed (``padding[0]``, ``stride[1]``), never a product
_ONE_BASED = lazy_pattern(r"(?<![\w.])(?P<name>[A-Za-z_]\w*)\((?P<i>[12])\)")


def _one_based(text: Normalized, notes: list) -> Normalized:
    """``text`` with a parameter's MATLAB index (:data:`_ONE_BASED`) written as Python's."""
    from derivations.checking.reading.lexer import book_spellings
    from derivations.checking.reading.names import compose

    for match in reversed(list(_ONE_BASED().finditer(text.text))):
        name = match.group("name")
        if len(name) < _OWNER:  # f(1), p(1): a letter's call or product, not an index
            continue
        found = book_spellings().get(name.lower())
        composed = compose(name)
        read = found[0] if found else (composed.read if composed else None)
        if read not in ("k", "p", "s", "1"):
            continue
        notes.append(_note("code", text=match.group()))
        written = f"{name}[{int(match.group('i')) - 1}]"
        text = edit(text, match.start(), match.end(), written)
    return text


def _operators(text: Normalized, notes: list) -> Normalized:
    """``text`` with other languages' operators written as Python's (:data:`_OPERATORS`)."""
    for pattern, by, (written, read) in _OPERATORS:
        found = list(pattern().finditer(text.text))
        # each operator as written and as read: translated, not dropped (a note "the code
        # around the formula is not part of it" would be false: s11exam F14)
        said = sorted(
            {
                (
                    written or text.text[m.start() : m.end() + (read is None)].strip(),
                    read or text.text[m.end()],
                )
                for m in found
            }
        )
        for match in reversed(found):
            text = edit(text, match.start(), match.end(), match.expand(by))
        notes.extend(_note("operator", written=w, read=r) for w, r in said)
    return text


def _pointers(text: Normalized, notes: list) -> Normalized:
    """``text`` with each pointer dereferenced in brackets (:data:`_POINTER`) its name."""
    found = list(_POINTER().finditer(text.text))
    if found:
        notes.append(_note("code", text=", ".join(sorted({m.group() for m in found}))))
    for match in reversed(found):
        text = edit(text, match.start(), match.end(), match.group("name"))
    return text


def _braced(text: Normalized, notes: list) -> Normalized:
    """``text`` without a function's head and the braces of its body (:data:`_BRACED`)."""
    match = _BRACED().match(text.text)
    if match is None:
        return text
    head = text.text[: match.start("body")].rstrip().rstrip("{").strip()
    notes.append(_note("code", text=head))
    text = edit(text, match.end("body"), len(text.text))
    return edit(text, 0, match.start("body"))


# a loop's header (``for i in range(3):``, ``for _ in layers:``, C's ``for (…;…;…)``,
# ``while …:``, ``while (…)``) and a name its statements update from itself (``h = (h -
# k) // s + 1``, ``h //= s``)
_LOOP = lazy_pattern(
    r"(?:^|(?<=[\s;{]))(?:for\s+\w+\s+in\s+(?:range\s*\(|[A-Za-z_][\w.]*\s*:)"
    r"|for\s*\([^()]*;[^()]*;|while\s*\(|while\s+[^:\n]+:)"
)
_UPDATE = lazy_pattern(r"(?P<name>[A-Za-z_]\w*)\s*(?:(?:\*\*|//|[-+*/])=|=(?!=)(?P<body>[^;\n]*))")


def _loop_refused(text: Normalized) -> None:
    """Refuse an answer whose loop updates a name from itself (:data:`_LOOP`,
    :data:`_UPDATE`): its statements are applied once a pass, a layer applied again
    (``for i in range(3): h = (h - k_h) // s_h + 1``), never one layer's formula."""
    loop = _LOOP().search(text.text)
    if loop is None:
        return
    for match in _UPDATE().finditer(text.text, loop.end()):
        body = match.group("body")
        if body is None or re.search(rf"(?<![\w.]){re.escape(match.group('name'))}(?!\w)", body):
            header = re.match(r"[^:{\n]*[:{]?", text.text[loop.start() :])
            shown = (header.group() if header else loop.group()).strip(" {")
            raise refuse("loop", text.column(loop.start()), loop=shown)


# one statement ``name = body`` of code (a ``;`` closing it), the name given a new value
_ONE_STATEMENT = lazy_pattern(r"^\s*(?P<name>[A-Za-z_]\w*)\s*=(?!=)(?P<body>[^=;\n]*);?\s*$")
# what only code writes in a body: floor division, an index, a call to int or floor
_CODE_BODY = lazy_pattern(r"//|\[\s*\w+\s*\]|\b(?:int|floor|math\.floor)\s*\(")


def _updated_output(text: Normalized, notes: list) -> Normalized:
    """``text`` with the output's size named after its own ``=`` (``out_w = (out_w -
    kernel_sizes[i]) // strides[i] + 1``, a name that reads by itself as m_h or m_w,
    :func:`own_reading`) written as the input's size along the same axis (w): code giving
    the name its new value from the value it held, the size before the layer, noted
    (``reading.note.updated_output``).  Only in code (:data:`_CODE_BODY`): in maths
    ``m_w = (m_w - k_w)/s_w + 1`` stays refused."""
    match = _ONE_STATEMENT().match(text.text)
    if match is None or not _CODE_BODY().search(match.group("body")):
        return text
    from derivations.checking.reading.aliases import OUTPUT_SYMBOLS

    name = match.group("name")
    read = own_reading(name)
    # an output's size by its axis (m_h): the input's size along the same axis (h)
    axis = read.removeprefix("m_") if read in OUTPUT_SYMBOLS else None
    uses = list(re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w\[.])", match.group("body")))
    if axis is None or not uses:
        return text
    notes.append(_note("updated_output", name=name, symbol=axis))
    start = match.start("body")
    for use in reversed(uses):
        text = edit(text, start + use.start(), start + use.end(), axis)
    return text


# a layer's name before each of its constants (``CONV1_OC``, ``CONV1_OUT_H``, ``L2_K``,
# ``LAYER3_IC``): an accelerator's configuration of several layers
_LAYER_PREFIX = lazy_pattern(
    r"(?<![\w.])(?P<prefix>(?:CONV|Conv|conv|LAYER|Layer|layer|L)[0-9]+_)(?=[A-Za-z])"
)


def _layer_prefixes(text: Normalized, notes: list) -> Normalized:
    """``text`` without the layer's name before its constants (:data:`_LAYER_PREFIX`),
    where every name so prefixed has the same one (one layer's constants), noted; names
    of two layers (``CONV1_OC * CONV2_K``) are left as they are."""
    found = list(_LAYER_PREFIX().finditer(text.text))
    if len({m.group("prefix") for m in found}) != 1:
        return text
    notes.append(_note("code", text=found[0].group("prefix")))
    for match in reversed(found):
        text = edit(text, match.start(), match.end())
    return text


# a field of an object read alone (``op.h``, ``this.Width``, ``conv->w``): the object's
# names, then the field's, not called, indexed or followed by a member of its own
_MEMBER_FIELD = lazy_pattern(
    r"(?<![\w.])(?P<owner>[A-Za-z_]\w*(?:\s*(?:\.|->)\s*[A-Za-z_]\w*)*)\s*(?:\.|->)\s*"
    r"(?P<field>[A-Za-z_]\w*)(?![\w(\[]|\s*(?:\.|->)\s*[A-Za-z_])"
)
# a name standing alone, not an object's nor one of its fields
_ALONE = lazy_pattern(r"(?<![\w.>])[A-Za-z_]\w*(?![\w(]|\s*(?:\.|->)\s*[A-Za-z_])")
# the input's size along each axis and the kernel's sizes along it (a square one's k too)
_FIELD_AXES = {"h": ("k_h", "k"), "w": ("k_w", "k")}


def _layer_fields(text: Normalized, notes: list) -> Normalized:
    """``text`` with an object's field named by an axis alone (``op.h``, ``this.Width``:
    :data:`_AXES`; a name saying whose, ``this.InputWidth``, is not this rule's), which
    would be read as the input's size along that axis (``self.``/``this.`` dropped, a
    short object's member: :func:`_joined`), read as the kernel's size along it
    (``reading.note.layer_field``) where the answer has the input's size along that axis
    by another name (``h``, ``this.InputWidth``: :func:`own_reading`), so the field is
    not the input's, and the object's other fields are the layer's stride or padding
    (``op.strideH``, ``this.XPad``): a convolution's own height and width are its
    kernel's (Gorgonia's ``ConvOp``, ConvNetSharp's ``ConvLayer``), the input's and the
    output's being the tensors'.  Refused in one line (``reading.field_owner``) where the
    answer has the input's size that way but the object has no stride or padding, or the
    kernel's size along the axis is in the answer too: whose size the field is, the code
    does not say.  A field given a value (``this.Width = …``) is the result, left as it
    is."""
    fields = [
        (m, re.split(r"\s*(?:\.|->)\s*", m.group("owner"))[-1])
        for m in _MEMBER_FIELD().finditer(text.text)
        if re.split(r"\s*(?:\.|->)\s*", m.group("owner"))[0] not in _LIBRARIES
        and not re.match(r"\s*=(?!=)", text.text[m.end() :])
    ]
    sizes = [
        (m, axis)
        for m, last in fields
        if m.group("field").lower() in _AXES
        and (last in ("self", "this") or _joined(last, m.group("field")) == m.group("field"))
        and (axis := own_reading(m.group("field"))) in _FIELD_AXES
    ]
    if not sizes:
        return text
    alone = [(m.group(), m.group()) for m in _ALONE().finditer(text.text)]
    for match, axis in reversed(sizes):
        owner, field = match.group("owner"), match.group("field")
        own = [(m.group(), m.group("field")) for m, _ in fields if m.group("owner") == owner]
        # another object's field as it is read (kernel.h: kernel_h), this object's alone
        named = [*alone, *((w, f) for w, f in own if f != field)] + [
            (m.group(), _joined(last, m.group("field")))
            for m, last in fields
            if m.group("owner") != owner and last not in ("self", "this")
        ]
        readings = {written: own_reading(name) for written, name in named}
        others = sorted(written for written, read in readings.items() if read == axis)
        if not others:
            continue  # the input's size only there: the field read as it (self.h)
        kernel = [w for w, read in readings.items() if read in _FIELD_AXES[axis]]
        layer = [w for w, _ in own if (readings.get(w) or "")[:1] in ("s", "p")]
        if kernel or not layer:
            raise refuse(
                "field_owner", text.column(match.start()), field=match.group(), other=others[0]
            )
        symbol = _FIELD_AXES[axis][0]
        notes.append(_note("layer_field", field=match.group(), other=others[0], symbol=symbol))
        text = edit(text, match.start(), match.end(), symbol)
    return text


LAYOUT_NOTE = "reading.note.layout"
# a data format the code names for its tensors (``data_format="NHWC"``, ``# x: NCHW``,
# ``channels_last``), and PyTorch's sizes of a tensor indexed (``x.size(2)``,
# ``x.size()[-1]``, torch.Tensor.size(dim): its tensors are channels first, as the
# layouts record cites)
_LAYOUT_NAME = lazy_pattern(r"(?<![A-Za-z])(?:N?CHW|N?HWC|channels_(?:first|last))(?![A-Za-z])")
_TORCH_SIZE = lazy_pattern(r"\.\s*size\s*\(\s*(?:-?[0-9]\s*\)|\)\s*\[)")
# PyTorch's channels_last, a memory format (``x.to(memory_format=torch.channels_last)``):
# its tensors' shapes stay channels first (N, C, H, W), only their strides change
_MEMORY_FORMAT = lazy_pattern(r"memory_format|torch\s*\.\s*channels_last")


def _named_layout(notes: list, raw: str) -> None:
    """Note (:data:`LAYOUT_NOTE`) the data format ``raw`` names for its tensors
    (:data:`_LAYOUT_NAME`; PyTorch's :data:`_TORCH_SIZE` and its channels_last memory
    format, :data:`_MEMORY_FORMAT`: channels_first), the narrowest
    where several agree (NCHW beside channels_first), and the kernel's layout it names
    (``# HWIO``: :func:`.names.kernel_layout_names`), joined (``NHWC, HWIO``); nothing
    where it names none, two formats or two kernel layouts that order the sizes
    differently (``NHWC to NCHW``, ``OIHW -> HWIO``), or a kernel's layout no framework
    holds beside the format named (:func:`.names.named_layouts` empty).  A kernel's
    shape indexed where ``raw`` names a kernel layout the layouts record does not hold,
    or two (:func:`.names.kernel_layouts_named`: ``# IOHW``, ``# (in_channels,
    out_channels, kH, kW)``, ``# OIHW -> HWIO``), is refused (:func:`_kernel_indexed`)."""
    from derivations.checking.reading.names import (
        kernel_layout_names,
        kernel_layouts_named,
        named_layouts,
    )

    names = {match.group() for match in _LAYOUT_NAME().finditer(raw)}
    kernels = kernel_layouts_named(raw)
    held = kernel_layout_names()
    if (len(kernels) > 1 or kernels - held) and _kernel_indexed(raw):
        # IOHW (a transposed layer's weight), OIHW -> HWIO: the index is not read by
        # another layout than the one the answer says, nor by one of two
        raise refuse("kernel_layout", text=", ".join(sorted(kernels)), held=", ".join(sorted(held)))
    if _TORCH_SIZE().search(raw):
        names.add("channels_first")
    if "channels_last" in names and _MEMORY_FORMAT().search(raw):
        names = (names - {"channels_last"}) | {"channels_first"}
    if (not names and not kernels) or len(kernels) > 1:
        return
    parts = sorted(kernels)
    if names:
        narrowest = min(names, key=lambda name: (len(named_layouts(name)), name))
        if not all(named_layouts(narrowest) <= named_layouts(name) for name in names):
            return
        parts.insert(0, narrowest)
    if named_layouts(", ".join(parts)):
        notes.append(_note("layout", layout=", ".join(parts)))


# a tensor's shape indexed in the answer as written (``w.shape[0]``, ``w.size(0)``,
# ``kernel_shape[1]``): its name
_SHAPE_INDEXED = lazy_pattern(
    r"(?P<name>[A-Za-z_][A-Za-z_0-9]*)\s*(?:\.\s*(?:shape|size\s*\(\s*\))\s*\[|\.\s*size\s*\(|\[)"
)


def _kernel_indexed(raw: str) -> bool:
    """Whether ``raw`` indexes the kernel's shape (``w.shape[0]``, ``weight.size(1)``,
    ``kernel_shape[2]``: :func:`.names.shape_of`)."""
    from derivations.checking.reading.names import shape_of

    return any(
        "kernel" in (shape_of(m.group("name")), shape_of(f"{m.group('name')}_shape"))
        for m in _SHAPE_INDEXED().finditer(raw)
    )


def _declared_sizes(text: Normalized, notes: list) -> Normalized:
    """``text`` with each shape of the input, the output or the kernel indexed
    (``x_shape[1]``, as :func:`_shapes` wrote ``x.shape[1]``) written as the one size
    the layouts the answer names (:data:`LAYOUT_NOTE`) put at that index (NHWC: ``h``;
    NCHW: ``c_i``; the kernel's by the layouts a framework holds beside those,
    :func:`.notations.kernel_layouts`: NCHW's OIHW, ``w_shape[2]`` ``k_h``), so a size
    of another axis there is read as what it is; left to inference where those layouts
    put different sizes there (PyTorch's ``x.size(2)``: NCHW's h, CHW's w)."""
    from derivations.checking.reading.names import (
        INDEXED,
        kernel_layout_names,
        named_layouts,
        shape_of,
    )
    from derivations.registry.notations import layouts

    named = next((dict(n.fields)["layout"] for n in notes if n.key == LAYOUT_NOTE), None)
    if named is None:
        return text
    declared = named_layouts(named)
    kernels = declared & kernel_layout_names()
    for match in reversed(list(INDEXED().finditer(text.text))):
        tensor = shape_of(match.group("name"))
        if tensor not in ("input", "output", "kernel") or (
            match.start() > 0 and text.text[match.start() - 1] in ".>"
        ):
            continue
        index = int(match.group("index"))
        sizes = {
            axes[index]
            for layout, axes in layouts()[tensor]
            if layout in (kernels if tensor == "kernel" else declared)
            and -len(axes) <= index < len(axes)
        }
        if len(sizes) == 1:
            text = edit(text, match.start(), match.end(), sizes.pop())
    return text


# a helper defined by one return line (``def ceil_div(x, y): return -(-x // y)``; the
# answer's lines joined): its name, its parameters, the body up to the next head or the end
_HELPER = lazy_pattern(
    r"(?<![\w.])def\s+(?P<name>[^\W\d]\w*)\s*\((?P<params>[\w\s,]*)\)\s*(?:->\s*\w+\s*)?:"
    r"\s*return\s+(?P<body>.+?)\s*(?=(?<![\w.])def\s|$)"
)
# the words a helper's body may hold besides its parameters: the roundings and the whole
# conversions (``math.ceil(x / y)``, ``int(x)``, ``max(a, b)``)
_HELPER_CALLS = frozenset({"math", "ceil", "floor", "int", "max", "min", "abs", "round"})


def _helpers_inlined(text: Normalized, notes: list) -> Normalized:
    """``text`` with each helper defined by one return line of its parameters
    (:data:`_HELPER`: ``def ceil_div(x, y): return -(-x // y)``) and called elsewhere
    read as what it computes: each call (``ceil_div(w - k + 1 + 2*p, s)``) the body with
    its arguments put in, in parentheses, for the parameters (``-(-(w - k + 1 + 2*p) //
    (s))``), the definition dropped, noted.  A helper whose body holds another name, or
    a call with another number of arguments, is left as it is (refused as before)."""
    for helper in _HELPER().finditer(text.text):
        name, body = helper["name"], helper["body"]
        params = [p.strip() for p in helper["params"].split(",") if p.strip()]
        words = set(re.findall(r"[A-Za-z_]\w*", body))
        if not params or words - set(params) - _HELPER_CALLS or body.count("(") != body.count(")"):
            continue
        calls = []
        for call in re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\(", text.text):
            if helper.start() <= call.start() < helper.end():
                continue
            closing = _closing(text.text, call.end() - 1)
            if closing is None:
                return text
            arguments = top_level_parts(text.text[call.end() : closing])
            if len(arguments) != len(params) or not all(a.strip() for a in arguments):
                return text
            values = dict(zip(params, (a.strip() for a in arguments), strict=True))
            put = re.sub(
                r"(?<![\w.])[A-Za-z_]\w*(?!\w)",
                lambda m, values=values: (
                    f"({values[m.group()]})" if m.group() in values else m.group()
                ),
                body,
            )
            calls.append((call.start(), closing + 1, f"({put})"))
        if not calls:
            continue
        notes.append(_note("code", text=f"def {name}({', '.join(params)}): return {body}"))
        spans = sorted([*calls, (helper.start(), helper.end(), "")], reverse=True)
        for start, end, new in spans:
            text = edit(text, start, end, new)
        return _helpers_inlined(text, notes)
    return text


def code(text: Normalized, raw: str | None = None) -> tuple[Normalized, list]:
    """``text`` read as the formula of a line of code (see the module's docstring), and
    the notes saying what was removed; ``raw``: the answer as given (its line breaks)."""
    body = text.text
    notes: list = []
    if "def" in body and "return" in body and calls_defined(body):
        text = _helpers_inlined(text, notes)  # (a helper of one return line: what it computes)
        body = text.text
    if ("for" in body or "while" in body) and "=" in body:
        _loop_refused(text)
    if "_" in body and any(c.isdigit() for c in body):
        text = _layer_prefixes(text, notes)
        body = text.text
    if (" if " in body and " else" in body) or "?" in body:
        _unset_switch(text, bias=False)  # (before a formula with no other code returns)
    if not _needs_code(body) and not ("." in body and _CHAIN().search(body)):
        return text, notes
    sign = _COUNT_SIGN().match(body) if not body.lstrip().startswith("#define") else None
    if sign:
        notes.append(_note("code", text="#"))
        text = edit(text, sign.start(), sign.end())
    added = _ADDED_TO().match(text.text) if "+=" in text.text else None
    if added is not None and not _layer_size(added.group("name")):  # flops += …: named
        notes.append(_note("code", text=added.group().strip()))
        text = edit(text, added.end("name"), added.end(), " = ")
    define = _DEFINE().match(text.text)
    if define:
        notes.append(_note("code", text="#define"))
        name_end = define.end("name")
        text = edit(text, name_end, define.end(), " = ")
        text = edit(text, 0, define.start("name"))
    if raw is not None and any(part in raw for part in ("HW", "channels_", "size(", "shape")):
        _named_layout(notes, raw)
    if "len(" in text.text:
        text = _lengths(text, notes)
    if "shape" in text.text or "size(" in text.text or "Shape" in text.text:
        text = _shown_layouts(text, notes)
        text = _unpacked_shapes(text, notes)
    if "|>" in text.text:
        text = _pipes(text, notes)
    if any(op in text.text for op in ("-.", "+.", "*.", "/.")):
        text = _float_operators(text, notes)
    if "->" in text.text or "=>" in text.text:
        arm = _ARM().match(text.text)
        if arm is not None:
            notes.append(Note("reading.note.condition", (("text", arm.group("pattern")),)))
            text = edit(text, 0, arm.end())
    if any(mark in text.text for mark in ("%/%", "~/", "<-", ".", " div ", ":=", "`div`")):
        text = _operators(text, notes)
    if "(" in text.text or "{" in text.text:
        text = _printed(text, notes)
    if "ias" in text.text and ("if" in text.text or "?" in text.text):
        if raw is not None and "if" in raw:
            text = _bias_blocks(text, notes, raw)
        text = _bias_switches(text, notes, raw)
    if (" if " in text.text and " else" in text.text) or "?" in text.text:
        _unset_switch(text)
    if ".at" in text.text:
        text = _sub_each(text, _AT(), notes, lambda m: f"[{m.group('i')}]")
    if "(1)" in text.text or "(2)" in text.text:
        text = _one_based(text, notes)
    if "." in text.text or "][" in text.text.replace(" ", ""):
        text = _pair_fields(text, notes)
    if " as " in text.text or "." in text.text:
        text = _after_casts(text, notes)
    text = _comment(text, notes, raw)
    defines_called = calls_defined(text.text)  # f(…) defined and called: its call's value
    if ("def" in text.text or "=>" in text.text) and not defines_called:
        text = _sub(text, _HEAD(), notes, "code")
    if "{" in text.text and "(" in text.text and not defines_called:
        text = _braced(text, notes)
    text = _sub(text, _RETURN(), notes, "code")
    text = _sub(text, _TYPE(), notes, "code")
    if ":" in text.text or " " in text.text:
        for match in reversed(list(_ANNOTATED().finditer(text.text))):
            notes.append(_note("code", text=text.text[match.end("head") : match.end()].strip()))
            text = edit(text, match.end("head"), match.end())
    text = _sub(text, _LAMBDA(), notes, "code")
    text = _sub(text, _DROPPED_CAST(), notes, "code")
    if (
        "float" in text.text
        or "double" in text.text
        or "Double" in text.text
        or "Float" in text.text
        or "Number" in text.text
        or "tensor" in text.text
        or "array" in text.text
        or "constant" in text.text
    ):
        named = list(_FLOAT_NAME().finditer(text.text))  # float(size): size
        if named:
            notes.append(_note("code", text=", ".join(sorted({m.group() for m in named}))))
        for match in reversed(named):
            text = edit(text, match.start(), match.end(), match.group("name"))
        text = _sub(text, _FLOAT_CALL(), notes, "code")
    if any(word in text.text for word in (*_CONVERTING, *_CONVERTING_APPLIED)):
        text = _conversions(text, notes)
    if "parseInt" in text.text or "Int" in text.text or "Long(" in text.text:
        text = _sub(text, _PARSE_INT(), notes, "code", "int")
    if "static_cast" in text.text:
        text = _sub(text, _FLOAT_CAST(), notes, "code")
    text = _sub(text, _INT_CAST(), notes, "code", "int")
    if "int" in text.text or "floor" in text.text or "ceil" in text.text:
        text = _whole_conversions(text, notes)
    if "Parameter" in text.text or "Variable" in text.text:
        text = _held(text, notes)
    if "." in text.text or "->" in text.text:
        text = _layer_fields(text, notes)
    text = _sub(text, _OBJECT(), notes, "code")
    if "(*" in text.text:
        text = _pointers(text, notes)
    if "rows" in text.text or "cols" in text.text or "size()." in text.text:
        text = _image_sizes(text, notes)
    if "." in text.text or "['" in text.text or '["' in text.text or "->" in text.text:
        text = _members(text, notes)
    if "sum" in text.text:
        text = _padding_sums(text, notes)
    if "div" in text.text or "Div" in text.text or "ld(" in text.text:
        text = _divisions(text, notes)
    if (
        "prod" in text.text
        or "reduce" in text.text
        or "numel" in text.text
        or "nelement" in text.text
        or "size(" in text.text
    ):
        text = _products(text, notes)
    if any(word in text.text for word in ("shape", "size", "dims", "Shape", "Dims")):
        text = _shapes(text, notes)
        if "_shape[" in text.text:
            text = _indexed_definitions(text, notes)
        text = _declared_sizes(text, notes)
    text = _sub(text, _LIBRARY(), notes, "code")
    if "=" in text.text:
        text = _updated_output(text, notes)
    if "trunc" in text.text or "Floor" in text.text or "Ceiling" in text.text:
        for match in reversed(list(_ROUNDINGS().finditer(text.text))):
            written = {"trunc": "floor", "Floor": "floor", "Ceiling": "ceil"}[match.group("fn")]
            text = edit(text, match.start(), match.end(), written)
    return text, notes
