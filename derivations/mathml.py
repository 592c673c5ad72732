"""The documents' LaTeX math as MathML, at build time (no script in the page).

:func:`inline` and :func:`display` convert with ``latex2mathml``.  Two things it does not
do for us, done here: ``aligned`` becomes a two-column ``array`` (right, left), so each
row is a table row a browser lays out (latex2mathml would emit the ``&`` as text and a
line break browsers ignore); long inline math is cut at top-level relations and binary
operators into several ``<math>`` elements, so a phone can wrap a line between them.
A command latex2mathml does not know comes out as text starting with a backslash: that
is refused (:class:`DerivationError`) rather than shown.
"""

from __future__ import annotations

import re
from functools import cache

from derivations.errors import DerivationError

__all__ = ["display", "display_whole", "inline", "split_inline"]

_ALIGNED = re.compile(r"\\begin\{aligned\}(.*?)\\end\{aligned\}", re.S)
# after one of these, at the top level, a line may break (as TeX allows in inline math)
_BREAK_AFTER = (
    "=",
    "+",
    "<",
    ">",
    r"\le",
    r"\ge",
    r"\approx",
    r"\to",
    r"\times",
    r"\cdot",
    r"\qquad",
    r"\quad",
    ",",
)
_COMMAND = re.compile(r"\\[A-Za-z]+")
_LEFTOVER = re.compile(r">[^<]*\\[A-Za-z]+[^<]*<")
_SHORT = 24  # inline math shorter than this (in LaTeX characters) stays in one piece
# \xrightarrow{x}: latex2mathml shrinks the label into the arrow; an arrow with the label
# set over it reads the same and renders cleanly
_XRIGHTARROW = re.compile(r"\\xrightarrow\{")
_ALIGNED_ARRAY = r"\begin{array}{rl}"  # what an aligned becomes (:func:`_aligned_as_array`)
_QQUAD = re.compile(r",?\s*\\qquad\s*")
_LONG_DISPLAY = 60  # a display longer than this (LaTeX characters) is split at \qquad
_WRAP_DISPLAY = 40  # a display formula longer than this (LaTeX characters) may wrap
_WIDE_ROW = 50  # an aligned row longer than this (LaTeX characters) may not fit a phone
# a phone's lines of a wide aligned display also break after a minus and before a
# function applied at the top level (between two factors: max(..) max(..)), or before a
# bracketed factor (c_o (c_i - 1) |_..._| |_..._|: "A =" was left alone on its line)
# unless it is a function's argument (\max\left(..\right) stays whole)
_ROW_BREAK_AFTER = (*_BREAK_AFTER, "-")
_ROW_BREAK_BEFORE = (r"\max", r"\min", r"\left")
_FUNCTION_BEFORE = re.compile(r"\\[A-Za-z]+\s*$")


def _aligned_as_array(latex: str) -> str:
    """``\\begin{aligned} a &= b \\\\ ... \\end{aligned}`` as an ``{rl}`` array whose
    right column starts with an empty group, so a leading ``=`` keeps relation spacing."""

    def array(match: re.Match) -> str:
        body = re.sub(r"&\s*", "&{}", match.group(1))
        return _ALIGNED_ARRAY + body + r"\end{array}"

    return _ALIGNED.sub(array, latex)


def _top_level_splits(latex: str, pattern: re.Pattern) -> list[str]:
    """``latex`` cut at matches of ``pattern`` outside braces and environments."""
    pieces, start, depth = [], 0, 0
    cuts = {m.start(): m.end() for m in pattern.finditer(latex)}
    i = 0
    while i < len(latex):
        if depth == 0 and i in cuts:
            pieces.append(latex[start:i])
            start = i = cuts[i]
            continue
        ch = latex[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        i += 1
    pieces.append(latex[start:])
    return [p.strip() for p in pieces if p.strip()]


@cache
def _convert(latex: str, mode: str) -> str:
    from latex2mathml.converter import convert

    latex = _XRIGHTARROW.sub(r"\\overset{", latex)
    latex = re.sub(
        r"\\overset\{((?:[^{}]|\{[^{}]*\})*)\}(?!\{)", r"\\overset{\1}{\\longrightarrow}", latex
    )
    try:
        out = convert(latex, display=mode)
    except Exception as error:  # latex2mathml raises its own (and plain) exceptions
        raise DerivationError(
            key="docs.math_unconvertible",
            latex=repr(latex[:80]),
            reason=f"{type(error).__name__}: {error}",
        ) from None
    leftover = _LEFTOVER.search(out)
    if leftover:
        raise DerivationError(
            key="docs.math_leftover", latex=repr(latex[:80]), command=repr(leftover.group(0)[1:-1])
        )
    out = _OPERATOR_NAME.sub(_spaced_operator, out)
    return out.replace(_PARTIAL, _PARTIAL_ORDINARY).replace(_INFINITY, _INFINITY_ORDINARY)


# an operator name (\operatorname{vec}, \max, \gcd: latex2mathml's <mo>vec</mo>), which a
# browser spaces like an unknown operator, a thick space on each side ("vec ( X )"); TeX
# sets it as an operator: no space after it before an opening bracket, none before it at
# the start of a formula or after another operator (whose own space is there), a thin
# space elsewhere
# \partial is an ordinary symbol to TeX (no space around it: "(∂X)"), an operator with
# space around it to a browser ("( ∂ X)")
_PARTIAL = "<mo>&#x02202;</mo>"
_PARTIAL_ORDINARY = '<mo lspace="0" rspace="0">&#x02202;</mo>'
# \infty is an ordinary symbol to TeX too; latex2mathml's <mo> gets an operator's space on
# each side, and at the end of an arrow's label (c \to \infty over the arrow) the space
# after it shifted the label's ink left of the arrow (1.7 px in Chromium)
_INFINITY = "<mo>&#x0221E;</mo>"
_INFINITY_ORDINARY = "<mi>&#x0221E;</mi>"
_OPERATOR_NAME = re.compile(r'<mo((?: (?!lspace|rspace)[a-z]+="[a-z]+")*)>([A-Za-z]{2,})</mo>')
_OPENS = re.compile(
    r'(?:<mrow>)*<mo(?: [a-z]+="[a-z]+")*>(?:\(|\[|\{|&#x0002[8];|&#x0005B;|&#x0007B;)'
)
_STARTED = re.compile(r"(?:<math [^>]*>|</mo>)(?:<mrow>|<msub>|<munder>)*$")


def _spaced_operator(match: re.Match) -> str:
    before, after = match.string[max(0, match.start() - 120) : match.start()], match.string
    left = "0" if _STARTED.search(before) else "0.1667em"
    right = "0" if _OPENS.match(after, match.end()) else "0.1667em"
    return f'<mo{match.group(1)} lspace="{left}" rspace="{right}">{match.group(2)}</mo>'


def split_inline(
    latex: str, after: tuple[str, ...] = _BREAK_AFTER, before: tuple[str, ...] = ()
) -> list[str]:
    """``latex`` cut after top-level operators of ``after`` (:data:`_BREAK_AFTER`) and
    before top-level commands of ``before`` (outside braces, ``\\left..\\right`` and
    environments; ``\\left`` right after a command is that function's argument, never
    cut from it); short math is one piece."""
    if len(latex) < _SHORT:
        return [latex]
    pieces, start, depth, i = [], 0, 0, 0
    while i < len(latex):
        ch = latex[i]
        if ch == "\\":
            command = _COMMAND.match(latex, i)
            if command is None:  # an escaped symbol such as \, or \{: no depth change
                i += 2
                continue
            name = command.group(0)
            applied = name == r"\left" and _FUNCTION_BEFORE.search(latex[start:i])
            if depth == 0 and name in before and latex[start:i].strip() and not applied:
                pieces.append(latex[start:i])
                start = i
            if name in (r"\left", r"\begin"):
                depth += 1
            elif name in (r"\right", r"\end"):
                depth -= 1
            i = command.end()
            if depth == 0 and name in after and latex[i : i + 1] not in "_^":
                pieces.append(latex[start:i])
                start = i
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
        if depth == 0 and ch in after and latex[i : i + 1] not in "_^":
            pieces.append(latex[start:i])
            start = i
    pieces.append(latex[start:])
    pieces = [p for p in pieces if p.strip()]
    return pieces if pieces else [latex]


def inline(latex: str) -> str:
    """Inline MathML; long math as several ``<math>`` with break opportunities."""
    return "<wbr>".join(_convert(piece, "inline") for piece in split_inline(latex))


def display(latex: str) -> str:
    """Display MathML; ``aligned`` rows as table rows; a long display of several formulas
    side by side (``,\\qquad``) as one formula a line."""
    latex = _aligned_as_array(latex.strip())
    pieces = _top_level_splits(latex, _QQUAD) if len(latex) > _LONG_DISPLAY else [latex]
    return "".join(_display_formula(piece) for piece in pieces)


def display_whole(latex: str) -> str:
    """Display MathML as one ``<math display="block">``, never cut into lines or
    formulas (the page's box around it scrolls sideways when it is too wide)."""
    latex = _aligned_as_array(latex.strip())
    return _display_rows(_convert(latex, "block"), latex)


def _display_formula(latex: str) -> str:
    """One display formula: one ``<math display="block">``; a long one that is not an
    ``aligned``'s rows cut like long inline math (:func:`split_inline`) into several
    ``<math>`` in display style in one centred line (``<span class="wrap">``), which a
    narrow screen wraps after a relation or an operator instead of cutting it off."""
    if latex.startswith(_ALIGNED_ARRAY):
        return _aligned_display(latex)
    pieces = split_inline(latex) if len(latex) > _WRAP_DISPLAY else []
    if len(pieces) < 2:
        return _convert(latex, "block")
    return _wrapped(pieces)


def _wrapped(pieces: list[str]) -> str:
    """``pieces`` as one centred line of ``<math>`` in display style a browser may wrap
    between (``<wbr>``)."""
    block = 'display="block"'
    parts = [
        _convert(piece, "block").replace(block, 'display="inline" displaystyle="true"', 1)
        for piece in pieces
    ]
    return '<span class="wrap">' + "<wbr>".join(parts) + "</span>"


def _aligned_display(latex: str) -> str:
    """An ``aligned``'s rows (the ``{rl}`` array) as one block; when a row is wider than a
    phone may show, also each row as a line of its own that may wrap
    (``<span class="rows-narrow">``, which the page shows instead on a phone: the block
    is ``<math class="rows">``)."""
    table = _display_rows(_convert(latex, "block"), latex)
    body = latex[len(_ALIGNED_ARRAY) : -len(r"\end{array}")]
    if not latex.endswith(r"\end{array}") or r"\begin" in body:
        return table
    rows = [row.replace("&{}", "").strip() for row in body.split(r"\\")]
    if max(len(row) for row in rows) <= _WIDE_ROW:
        return table
    lines = "".join(
        _wrapped(split_inline(row, _ROW_BREAK_AFTER, _ROW_BREAK_BEFORE)) for row in rows if row
    )
    table = table.replace("<math ", '<math class="rows" ', 1)
    return f'{table}<span class="rows-narrow">{lines}</span>'


def _display_rows(mathml: str, latex: str) -> str:
    """``mathml`` with the rows of an ``aligned`` (the ``{rl}`` array it opens with) in
    display style, as LaTeX sets them: a table's cells are compact by default (MathML
    Core), which drew their fractions at script size; a matrix inside stays compact."""
    if not latex.startswith(_ALIGNED_ARRAY):
        return mathml
    return mathml.replace("<mtable>", '<mtable displaystyle="true">', 1)
