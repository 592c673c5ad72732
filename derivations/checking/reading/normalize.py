"""Normalize pasted text before tokenizing, keeping each character's original column.

Order matters: superscript digits become ``^(n)`` *before* NFKC (NFKC would turn ``²``
into a bare ``2`` and ``k²`` would read ``k*2``); NFKC then folds mathematical italic
letters (𝑘, ℎ), subscript digits and letters, full-width brackets and operators; a
small table maps the remaining operator look-alikes; LaTeX wrappers that only style a
name (``\\mathrm{floor}``, ``k_{h}``) are unwrapped.  ``$`` is kept: :mod:`.around` finds the
math of ``$…$`` inside text.  Nothing here decides meaning.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from functools import cache

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.limits import MAX_GIVEN, MAX_LENGTH
from derivations.records import record, replace

__all__ = [
    "Normalized",
    "check_breaks",
    "lazy_pattern",
    "may_be_styled",
    "normalize",
    "plain_labels",
    "refuse_too_long",
]


def lazy_pattern(*args) -> Callable[[], re.Pattern]:
    """A pattern compiled on first use (most answers are plain formulas: a cold check
    compiles none of the patterns only other answers need)."""
    return cache(lambda: re.compile(*args))


SUPERSCRIPTS = {
    "⁰": "0",
    "¹": "1",
    "²": "2",
    "³": "3",
    "⁴": "4",
    "⁵": "5",
    "⁶": "6",
    "⁷": "7",
    "⁸": "8",
    "⁹": "9",
    "⁻": "-",
    "⁺": "+",
}

# after NFKC: look-alikes of the ASCII operators and brackets
CHARACTER_MAP = {
    "×": "*",
    "·": "*",
    "⋅": "*",
    "∗": "*",
    "✕": "*",
    "⨯": "*",
    "∙": "*",
    "•": "*",
    "÷": "/",
    "∕": "/",
    "⁄": "/",
    "−": "-",
    "–": "-",
    "—": "-",
    "‒": "-",
    "﹣": "-",
    "‐": "-",
    "‑": "-",
    "【": "[",
    "】": "]",
    "〔": "[",
    "〕": "]",
    "〈": "(",
    "〉": ")",
    "⎣": "⌊",  # the bracket pieces of a tall floor or ceiling, pasted as characters
    "⎦": "⌋",
    "⎡": "⌈",
    "⎤": "⌉",
    "′": "'",
    "’": "'",
    "\t": " ",
    "\n": " ",
    "\r": " ",
    # Unicode's invisible operators (format characters, as MathML writes them between
    # tokens: a MathJax or Word copy): function application, times, separator, plus
    "\u2061": " ",
    "\u2062": "*",
    "\u2063": ",",
    "\u2064": "+",
}

# LaTeX styling around a name: keep the name, and an index of it (\text{padding[1]},
# PyTorch's docs as reStructuredText math writes them), or Chinese words (\text{次},
# \text{次乘法}: a count word after the formula, read as written plain; s15exam E10)
_WRAPPER = lazy_pattern(
    r"\\(?:mathrm|operatorname|text|textrm|textbf|textit|mathit|mathbf|mathsf|mathcal|rm"
    r"|mathnormal|boldsymbol|bm)"
    r"\s*\{\s*([A-Za-z][A-Za-z0-9]*(?:[ \-_]+[A-Za-z0-9]+)*(?:\[[0-9]\])?"
    r"|[\u4e00-\u9fff]+)\s*\}"
)
# a label in LaTeX's styling, its colon inside (``\\text{bias-shape:} [c_o]``,
# ``\\textbf{Output height:} …``, ``\\text{偏置：}``): the words and the colon, as written
# plain (``bias-shape: [c_o]``), a label read away before the formula (issue 21)
_WRAPPED_LABEL = lazy_pattern(
    r"\\(?:mathrm|operatorname|text|textrm|textbf|textit|mathbf|mathsf)"
    r"\s*\{\s*([^{}\\:：$]*[^\W\d_][^{}\\:：$]*?)\s*([:：])\s*\}"
)


def plain_labels(text: str) -> str:
    """``text`` with each label styled in LaTeX (:data:`_WRAPPED_LABEL`) written plain:
    for the readings that run on the answer as given (a tensor's shape after its label,
    ``\\text{bias-shape:} (c_o,)``)."""
    if "\\" not in text or (":" not in text and "：" not in text):
        return text
    return _WRAPPED_LABEL().sub(r"\1\2", text)


# LaTeX's and Markdown's escaped underscore (\text{kernel\_size}, h\_out): a name's "_"
_ESCAPED_UNDERSCORE = lazy_pattern(r"\\_")
_NAME_GAPS = lazy_pattern(r"[ \-]+")


def _unboxed(text: Normalized) -> Normalized:
    """``text`` without LaTeX's ``\\boxed{…}`` around an answer (its content kept)."""
    start = text.text.find("\\boxed")
    brace = text.text.find("{", start)
    if brace < 0 or text.text[start + 6 : brace].strip():
        return text
    depth = 0
    for index in range(brace, len(text.text)):
        depth += (text.text[index] == "{") - (text.text[index] == "}")
        if depth == 0:
            kept = list(range(brace + 1, index))
            cut = [*range(0, start), *kept, *range(index + 1, len(text.text))]
            return Normalized("".join(text.text[i] for i in cut), [text.columns[i] for i in cut])
    return text


def _wrapped_name(match: re.Match) -> str:
    """The name a wrapper styles, its words joined by ``_`` (``\\text{Filter Height}``:
    Filter_Height; a hyphen inside ``\\text{}`` is part of the name, not a minus)."""
    return _NAME_GAPS().sub("_", match.group(1))


_WRAPPER_BARE = lazy_pattern(r"\\(?:mathcal|mathrm|operatorname)\s+([A-Za-z])(?![A-Za-z])")
# LaTeX's old font switch inside a group around a name ({\rm input\_size}, {\it pad},
# {\rm input size}: its words joined as one name by _wrapped_name; {\cal H})
_SWITCH = lazy_pattern(
    r"\{\s*\\(?:rm|it|bf|sf|tt|cal|mathrm|mathit)\s+"
    r"([A-Za-z][A-Za-z0-9]*(?:[ \-_]+[A-Za-z0-9]+)*)\s*\}"
)
# a braced subscript, nested ones too (n_{H_{prev}}: unwrapped innermost first), its
# letter primed (Géron's f_{n'}, the previous layer's feature maps: f_n')
_SUBSCRIPT_BRACES = lazy_pattern(r"_\s*\{\s*([A-Za-z0-9]+(?:_[A-Za-z0-9]+)*'{0,2})\s*\}")
# a braced subscript of words joined by hyphens (c_{in-channel}, c_{out-channel}: one name
# of two words, as inside \text{}; words of two letters or more, so x_{l-1} stays a minus)
_SUBSCRIPT_HYPHENS = lazy_pattern(r"_\s*\{\s*([A-Za-z]{2,}(?:-[A-Za-z]{2,})+)\s*\}")
# (``\\left.`` and ``\\right.``: LaTeX's empty delimiter, a bracket not drawn)
_SPACING = lazy_pattern(
    r"\\(?:left|right)\.|\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg"
    r"|quad|qquad|displaystyle|textstyle)(?![A-Za-z])|\\[,;:! ]"
)

# a Greek letter as a name with a subscript (``η_in``, ``η_{out}``, ``\\eta_{in}``: an
# author's own letter for a size, named by its subscript): its English name, a name the
# lexer reads (``eta_in``) by its parts; Δ (a change) and π (a number) are no such names
_GREEK_NAME = lazy_pattern(r"(?P<letter>[α-ωΑ-Ω])(?<![ΔπΠΣ])(?=\s*_)")
_GREEK_COMMAND = lazy_pattern(
    r"\\(?P<name>alpha|beta|gamma|eta|theta|kappa|lambda|mu|nu|rho|sigma|tau|phi|chi|psi|omega"
    r"|zeta|xi|Gamma|Theta|Lambda|Phi|Psi|Omega)(?![A-Za-z])(?=\s*_)"
)


def _greek_name(match: re.Match) -> tuple[str, str, dict]:
    letter = match["letter"]
    name = unicodedata.name(letter, "").split()[-1].lower()
    name = name.capitalize() if letter.isupper() else name
    return name, "greek_name", {"letter": letter, "name": name}


def _command_name(match: re.Match) -> tuple[str, str, dict]:
    return match["name"], "greek_name", {"letter": match.group(), "name": match["name"]}


def _dot_times(match: re.Match) -> tuple[str, str, dict]:
    return f"{match['number']}*", "dot_times", {"written": match.group().strip()}


def _said(notes: list, step: Callable, match: re.Match) -> str:
    """What ``step`` puts for ``match``, its note (a message id of reading.yaml's
    ``reading.note.*`` and its fields) appended to ``notes``."""
    from derivations.checking.reading.informal import Note

    new, key, fields = step(match)
    notes.append(Note(f"reading.note.{key}", tuple(sorted(fields.items()))))
    return new


# a dot between a number and a letter as a times sign (``2.P``, ``2 . p_h``: print's
# centred dot typed as a full stop); not a decimal (2.5), an exponent or a C float (2.e3,
# 2.f), a list's number before a space (``1. (h - k_h) …``), nor a name's digit before
# an attribute (``k_1.h``, ``v.h1.value``)
_DOT_TIMES = lazy_pattern(
    r"(?<![\w.])(?P<number>\d+)(?:\.(?=[A-DG-Za-dg-z\\])|[ ]+\.[ ]+(?=[A-Za-z\\]))"
)

# LaTeX's capital delta before a name (the sheets' boxed ``\Delta M = …``): the letter Δ,
# read as the lexer reads ``ΔM`` (a name of the result, s14exam E16)
_DELTA = lazy_pattern(r"\\Delta(?![A-Za-z])\s*")


@record
class Normalized:
    """Normalized text and, for each character, its 0-based column in the original; the
    notes (``informal.Note``) on the steps of :func:`normalize` a student should be told
    of (a Greek letter read by its name, a dot read as the times sign)."""

    text: str
    columns: list[int]
    notes: tuple = ()

    def column(self, index: int) -> int:
        """1-based original column of normalized index ``index``."""
        if not self.columns:
            return 1
        return self.columns[min(index, len(self.columns) - 1)] + 1

    def sub(self, pattern: re.Pattern, replace) -> Normalized:
        """``pattern`` replaced as ``re.sub`` would, each replacement's characters at
        the column of its match's start; this very text where nothing matches."""
        matches = list(pattern.finditer(self.text))
        if not matches:
            return self
        chars, cols, last = [], [], 0
        for match in matches:
            chars.append(self.text[last : match.start()])
            cols.extend(self.columns[last : match.start()])
            new = replace(match) if callable(replace) else match.expand(replace)
            chars.append(new)
            cols.extend([self.columns[match.start()]] * len(new))
            last = match.end()
        chars.append(self.text[last:])
        cols.extend(self.columns[last:])
        return Normalized("".join(chars), cols, self.notes)


# the ASCII characters _fold changes (the rest of ASCII folds to itself)
_ASCII_MAPPED = frozenset(char for char in {**CHARACTER_MAP, **SUPERSCRIPTS} if char.isascii())


# every character of category Cc (C0 and C1 controls, DEL) or Cs (surrogates): a fixed
# set (Unicode's stability policy); tab and line breaks are allowed
_REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def refuse_too_long(answer: str) -> None:
    """Refuse ``answer`` as given (``reading.too_long_given``, its length and
    :data:`.limits.MAX_GIVEN`) when it has more characters than the reading's patterns
    may run over: the first thing done to an answer, before any pattern runs.  (The
    formula read is held to :data:`.limits.MAX_LENGTH` here, after the words, comments
    and layout around it are read away.)"""
    if len(answer) > MAX_GIVEN:
        raise refuse("too_long_given", length=len(answer), limit=MAX_GIVEN)


def _check_characters(raw: str) -> None:
    if len(raw) > MAX_LENGTH:
        raise refuse("too_long", length=len(raw), limit=MAX_LENGTH)
    first = _REFUSED_CHARACTER.search(raw)
    if first is None:  # the loop below would refuse nothing
        return
    for index, char in enumerate(raw[first.start() :], first.start()):
        category = unicodedata.category(char)
        if category == "Cc" and char not in "\t\n\r":
            raise refuse("control_character", index + 1, code=f"U+{ord(char):04X}")
        if category == "Cs":  # a byte that was not UTF-8, smuggled in by surrogateescape
            raise refuse("not_utf8", index + 1, code=f"U+{ord(char):04X}")


def _plain(char: str) -> str | None:
    """One folded character: an operator look-alike as ASCII, a decimal digit of any
    script (Arabic-Indic ٣, Devanagari ३) as 0-9; a digit that is no decimal digit
    (❶ ➀ ⓵ ፩ 𑁒: ``isdigit()`` but not ``\\d``) is None: refused by the caller."""
    if char in CHARACTER_MAP:
        return CHARACTER_MAP[char]
    if char.isascii():
        return char
    if unicodedata.category(char) == "Nd":
        return str(unicodedata.decimal(char))
    if char.isdigit():
        return None
    return char


def _between_word_characters(raw: str, index: int) -> bool:
    """Whether ``raw[index]`` stands between two ASCII letters, digits or underscores."""
    return (
        0 < index < len(raw) - 1
        and (raw[index - 1].isascii() and (raw[index - 1].isalnum() or raw[index - 1] == "_"))
        and (raw[index + 1].isascii() and (raw[index + 1].isalnum() or raw[index + 1] == "_"))
    )


def check_breaks(raw: str) -> None:
    """Refuse (``reading.invisible_break``, at its column) a zero-width space in ``raw``
    next to a digit with a letter or digit on its other side: what is seen there is one
    number or name (``1\u200b1`` is seen as 11), neither a break nor a join told."""
    index = raw.find("\u200b")
    while index >= 0:
        if _between_word_characters(raw, index) and (
            raw[index - 1].isdigit() or raw[index + 1].isdigit()
        ):
            raise refuse("invisible_break", index + 1, seen=raw[index - 1] + raw[index + 1])
        index = raw.find("\u200b", index + 1)


def _fold(raw: str) -> Normalized:
    if raw.isascii() and not _ASCII_MAPPED.intersection(raw):
        # every character folds to itself (ASCII: no superscript, no Cf, NFKC-stable)
        return Normalized(raw, list(range(len(raw))))
    chars: list[str] = []
    cols: list[int] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char in SUPERSCRIPTS:  # a run of superscripts is one exponent
            start = index
            while index < len(raw) and raw[index] in SUPERSCRIPTS:
                index += 1
            piece = "^(" + "".join(SUPERSCRIPTS[c] for c in raw[start:index]) + ")"
            chars.append(piece)
            cols.extend([start] * len(piece))
            continue
        if char not in CHARACTER_MAP and unicodedata.category(char) == "Cf":
            # zero-width space, BOM, bidi marks, soft hyphen: not drawn, so away; but a
            # zero-width space (a break) between two letters is a break there: ``k\u200bh``
            # is k and h, never joined into k_h; next to a digit, refused (check_breaks)
            if char == "\u200b" and _between_word_characters(raw, index):
                check_breaks(raw)
                chars.append(" ")
                cols.append(index)
            index += 1
            continue
        pieces = [_plain(c) for c in unicodedata.normalize("NFKC", CHARACTER_MAP.get(char, char))]
        if None in pieces:
            raise refuse("not_plain_digit", index + 1, char=char)
        folded = "".join(p for p in pieces if p is not None)  # all str: None refused above
        chars.append(folded)
        cols.extend([index] * len(folded))
        index += 1
    return Normalized("".join(chars), cols)


def normalize(raw: str) -> Normalized:
    """Fold Unicode and LaTeX styling; raise :class:`InvalidAnswer` on control characters
    or an over-long answer."""
    _check_characters(raw)
    text = _fold(raw)
    return _styled(text) if may_be_styled(text.text) else text


def may_be_styled(text: str) -> bool:
    """Whether a pattern of :func:`_styled` may find something in ``text``: each needs a
    backslash or a brace, but a Greek letter's subscript (a character beyond ASCII and
    ``_``) and a dot between a number and a letter (``.``); most answers have none."""
    return "\\" in text or "{" in text or "." in text or ("_" in text and not text.isascii())


def _styled(text: Normalized) -> Normalized:
    """``text`` without LaTeX's styling: escaped underscores, spacing, ``\\boxed``, a
    Greek letter's name before a subscript, a dot between a number and a letter as the
    times sign, wrappers and font switches around names, braced subscripts."""
    text = text.sub(_ESCAPED_UNDERSCORE(), "_")
    text = text.sub(_SPACING(), " ")
    if "\\boxed" in text.text:
        text = _unboxed(text)
    if "\\Delta" in text.text:
        text = text.sub(_DELTA(), "Δ")
    notes: list = []
    if "_" in text.text and not text.text.isascii():
        text = text.sub(_GREEK_NAME(), functools.partial(_said, notes, _greek_name))
    if "_" in text.text and "\\" in text.text:
        text = text.sub(_GREEK_COMMAND(), functools.partial(_said, notes, _command_name))
    if "." in text.text:
        text = text.sub(_DOT_TIMES(), functools.partial(_said, notes, _dot_times))
    if ":" in text.text or "：" in text.text:
        text = text.sub(_WRAPPED_LABEL(), r"\1\2")
    text = text.sub(_WRAPPER(), _wrapped_name)
    if "{\\" in text.text:
        text = text.sub(_SWITCH(), _wrapped_name)
    text = text.sub(_WRAPPER_BARE(), r"\1")
    text = text.sub(_SWITCH(), r"\1")
    text = text.sub(_SUBSCRIPT_HYPHENS(), lambda match: "_" + match.group(1).replace("-", "_"))
    text = text.sub(_SUBSCRIPT_BRACES(), r"_\1")
    text = text.sub(_SUBSCRIPT_BRACES(), r"_\1")  # the subscript of a subscript
    return replace(text, notes=(*text.notes, *notes)) if notes else text
