"""A formula copied from a page that KaTeX rendered (issue 21): read once, not twice.

KaTeX writes each formula twice, as MathML (for screen readers, its TeX in an
``<annotation>``) and as HTML (what is seen).  A browser copies the text of both, run
together: the MathML's tokens (math-italic letters, each on a line of its own in
Chromium), sometimes the TeX, then the HTML's text, where each stack of rows (a
subscript, a fraction, limits: KaTeX's ``vlist``) puts its rows on lines of their own
and ends in a zero-width space (U+200B; a superscript alone ends in none).  So
``c_o \\times c_i`` is copied as ``𝑐 𝑜 × 𝑐 𝑖`` then ``c⏎o⏎​⏎×c⏎i⏎​``, and by a browser that
lays MathML out inline as ``co×cico​×ci​``.

:func:`rendered_copy` finds such a copy: its visible characters (NFKC, no space, no
format character) are two equal halves (as multisets: limits change the order), the
zero-width spaces all in the second, or two equal ends around the TeX.  It reads

* the TeX, where the copy holds it (``<annotation>``'s text): the source, once;
* else the HTML half, each subscript placed where the copy shows where it begins: a
  row on a line of its own between its base's line and the zero-width space, or, with
  no line breaks, one letter or digit after a one-letter base.  Any other stack (a
  fraction, limits, a superscript, a longer run before a zero-width space: ``RFL​``, R
  or RF the base) cannot be placed: refused (``reading.rendered_unplaced``), never
  guessed.

Nothing evaluates text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.informal import Note
from derivations.checking.reading.normalize import lazy_pattern

__all__ = ["RENDERED_NOTE", "rendered_copy"]

RENDERED_NOTE = "reading.note.rendered_copy"
_END = "\u200b"  # KaTeX's vlist-s: the end of a stack of rows
_TEX_MARKS = frozenset("\\_^{}")
# a TeX command (``\times``, ``\mathrm``): drawn as a sign or a style, never as its letters
_COMMAND = lazy_pattern(r"\\[A-Za-z]+")


def _math_letter(char: str) -> bool:
    """A letter of Unicode's mathematical alphanumeric symbols (𝑐, 𝐾) or ℎ (U+210E)."""
    return "\U0001d400" <= char <= "\U0001d7ff" or char == "\u210e"


def _visible(raw: str) -> list[tuple[int, str]]:
    """Each visible character of ``raw`` (no space, no format character), NFKC-folded
    (𝑐 is c), with its index."""
    return [
        (index, unicodedata.normalize("NFKC", char))
        for index, char in enumerate(raw)
        if not char.isspace() and unicodedata.category(char) != "Cf"
    ]


def _halves(raw: str) -> tuple[str, str] | None:
    """``("tex", source)`` or ``("html", half)`` of a copy run together (see the module's
    docstring); None when ``raw`` is no such copy."""
    seen = _visible(raw)
    count = len(seen)
    ends = [index for index, char in enumerate(raw) if char == _END]
    first_end = ends[0] if ends else len(raw)
    head: Counter = Counter()
    tail: Counter = Counter()
    tex, half = None, ""
    for length in range(1, count // 2 + 1):
        head[seen[length - 1][1]] += 1
        tail[seen[count - length][1]] += 1
        if head != tail:
            continue
        middle = seen[length : count - length]
        if not middle:
            if seen[length][0] <= first_end:
                return "html", raw[seen[length][0] :]
        elif any(char in _TEX_MARKS for _, char in middle) and middle[-1][0] < first_end:
            tex = raw[middle[0][0] : middle[-1][0] + 1]
            half = "".join(char for _, char in seen[count - length :])
    if tex is None:
        return None
    if _letters(half) != _letters(_COMMAND().sub(" ", tex)):
        # the TeX between says another formula than the one seen: which one the student
        # meant cannot be told
        raise refuse("rendered_disagree", seen=_shortened(half), tex=_shortened(tex))
    return "tex", tex


def _shortened(text: str) -> str:
    """``text`` as a message names it: its first 40 characters, ``…`` after a longer."""
    return text if len(text) <= 40 else text[:40] + "…"


def _letters(text: str) -> Counter:
    """The letters and digits of ``text`` (NFKC), as a multiset: what a TeX source and
    its rendering both show, whatever the order (limits) or the operators' spelling."""
    return Counter(char for char in unicodedata.normalize("NFKC", text) if char.isalnum())


def _lines_read(half: str) -> str:
    """The HTML half with line breaks: each ``base⏎row⏎​`` a subscript; refused when a
    line break is anything else."""
    lines = [line for line in half.split("\n") if line.strip()]
    pieces: list[str] = []
    index = 0
    while index < len(lines):
        base, *rest = lines[index : index + 3]
        if len(rest) == 2 and rest[1].strip() == _END and _END not in base + rest[0]:
            pieces.append(f"{base.strip()}_{{{rest[0].strip()}}}")
            index += 3
        elif index == len(lines) - 1 and _END not in base:
            pieces.append(base.strip())
            index += 1
        else:
            raise refuse(
                "rendered_unplaced",
                part=" ".join(line.strip() for line in lines[index : index + 3]),
            )
    return " ".join(pieces)


def _run_read(half: str) -> str:
    """The HTML half on one line: a zero-width space after one letter or digit after a
    one-letter base (``co​``) ends its subscript; refused where the run before it is
    longer or shorter (``RFL​``: R or RF the base)."""
    out: list[str] = []
    for char in half:
        if char != _END:
            out.append(char)
            continue
        run = 0
        while run < len(out) and out[-1 - run].isalnum():
            run += 1
        if run != 2 or not out[-2].isalpha():
            raise refuse("rendered_unplaced", part="".join(out[len(out) - max(run, 1) :]) + _END)
        script = out.pop()
        out.append(f"_{{{script}}} ")
    return "".join(out)


def _starts(raw: str) -> list[int]:
    """Where a copy may start in ``raw``: its start, and after each space, colon or
    character of a script with no spaces (a lead-in before it: ``乘法次数为 …``), at most
    :data:`_MAX_STARTS`."""
    found = [0] + [
        index + 1
        for index, char in enumerate(raw[:-1])
        if char.isspace() or char in ":：" or "\u3000" <= char <= "\u9fff"
    ]
    return found[:_MAX_STARTS]


_MAX_STARTS = 24


def _read_from(raw: str) -> str | None:
    """The formula of the copy that is the whole of ``raw``, read once; None when
    ``raw`` is no such copy."""
    halves = _halves(raw)
    if halves is None:
        return None
    kind, text = halves
    if kind == "html":
        first = raw[: len(raw) - len(text)]
        if _END not in text and not (
            any(_math_letter(char) for char in first)
            and not any(_math_letter(char) for char in text)
        ):
            return None  # no mark of a rendering in it: a formula written twice is read so
        text = _lines_read(text) if "\n" in text.strip() else _run_read(text)
    return " ".join(text.split())


def rendered_copy(raw: str) -> tuple[str, Note] | None:
    """``raw`` read once where it is a copy of a KaTeX-rendered formula, words before it
    kept (see the module's docstring), and the note saying so; None where it is none;
    refused (``reading.rendered_unplaced``) where it is one whose subscripts cannot be
    placed."""
    if _END not in raw and not any(_math_letter(char) for char in raw):
        return None
    for start in _starts(raw):
        if not raw[start:].strip():
            break
        text = _read_from(raw[start:])
        if text is not None:
            return f"{raw[:start]}{text}", Note(RENDERED_NOTE, (("read", text),))
    return None
