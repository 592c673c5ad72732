"""The formula islands of an answer written as prose (issue 21): the runs of its text that
are formulas, found whatever the language or script of the words around them, so that a
sentence in any language (``A user computes it as out = (h - k + 2p)/s + 1 without
flooring``, ``总的来说\\nOutput size=(N-F)/stride +1``, ``Для выхода: (W − F + 2P)/S + 1``)
is read as its formula.

The text is cut into units: words (letters of any script, digits, ``_``), bracket groups
(with everything inside them), math spans (``$…$``, ``\\(…\\)``, back-quoted code) and
LaTeX commands.  Units joined by an operator (``+ - * / ^ = × · ÷``, ``\\times``,
``\\cdot``), written against each other with no space (``f(x)``, ``K'``), or set side
by side with a space where both are symbol-like (a number, a name with ``_`` or a
digit, one letter, a bracket group, LaTeX: ``c_i c_o k_h``) make one island; a word of
prose (``as``, ``without``, ``为``, ``的原图像``) ends it.  An island that only
states a value (``output=16``, ``p = 1``), or a name (``$f$``), or a definition of one
name by another (``D2=K``), is no formula; the words of another script at an island's
edge (``对于一个W1``) are trimmed.  Hyphenated words (``output-size``, ``zero-padding``)
are words, not differences.

:func:`formula_islands` returns the formulas, in order, or None where the text is no
prose around formulas (one island and nothing else) or where a word of the prose denies
or doubts the formula (``wrong``, ``not``, ``不对``, ``неверно``,
:data:`.languages.NEGATIONS`) or states a counting (``MACs: …, FLOPs: …``: what each
formula counts, which the islands alone would lose) or names a symbol of the formulas
(``…, where F is the stride``: it may define it): then nothing is read from it.  The checker grades the
islands that answer the question and refuses an answer whose islands disagree.

Nothing here evaluates text: it is cut into units and joined back.
"""

from __future__ import annotations

import re
import unicodedata

from derivations.checking.reading.around import copulas, lead_names
from derivations.checking.reading.informal import countings_said, lazy_pattern
from derivations.checking.reading.languages import (
    CONDITIONS,
    CONDITIONS_AFTER,
    LEAD_NEGATIONS,
    LEAD_SCRIPTS,
    NAME_FILLERS,
    NEGATED_CONDITIONS,
    NEGATIONS,
    PER_SIDE_WORDS,
    attached,
    every_word,
    words_pattern,
)
from derivations.records import record, replace
from derivations.registry.notations import meaning_of_word

__all__ = [
    "formula_islands",
    "Island",
    "lead_names",
    "units",
    "sentences",
    "prose_blocks",
    "trail_names",
]

_UNIT = lazy_pattern(
    r"(?P<space>\s+)"
    r"|(?P<math>\$\$?[^$]+\$\$?|\\\(.+?\\\)|`[^`\n]+`)"
    r"|(?P<op>\*\*|//|[<>!=]=|[-+*/^=×·÷−–⋅∗≈%<>≤≥≠&|~]"
    r"|\\(?:times|cdot|div|pm|approx|ast|le|ge|neq|leq|geq|bmod|mod)(?![A-Za-z]))"
    r"|(?P<latex>\\[A-Za-z]+\*?|\\[,;!{} ])"
    r"|(?P<open>[(\[{⌊⌈（【])"
    r"|(?P<close>[)\]}⌋⌉）】])"
    r"|(?P<word>[A-Za-z0-9_\u00c0-\u024f'’′]+(?:\.[0-9]+)?)"
    r"|(?P<script>[^\W\d_A-Za-z\u00c0-\u024f]+)"
    r"|(?P<other>.)",
    re.S,
)
_CLOSING = {"(": ")", "[": "]", "{": "}", "⌊": "⌋", "⌈": "⌉", "（": "）", "【": "】"}
# arithmetic operators (an island holding only "=" defines or states a value)
_ARITHMETIC = frozenset("+-*/^×·÷−–⋅∗") | {"**", "//", "\\times", "\\cdot", "\\div", "\\ast"}
# the words of one letter that are words of prose, not symbols (a, I; y, o, e: and, or)
_PROSE_LETTERS = frozenset("aAIyoeà") | frozenset("иваяскуо")
_NUMBER = lazy_pattern(r"^[-+]?[0-9][0-9.,\s]*$")


class _Unit:
    """One unit of the text: its kind (word, script, group, math, latex, op, space,
    other), its text and where it starts in the text."""

    __slots__ = ("kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int):
        self.kind, self.text, self.start = kind, text, start

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.kind}:{self.text!r}"


def units(text: str) -> list[_Unit]:
    """``text`` cut into units; a bracket group is one unit with everything inside it
    (an unclosed bracket is a mark of prose)."""
    found = [(m.lastgroup or "other", m.group(), m.start()) for m in _UNIT().finditer(text)]
    out: list[_Unit] = []
    index = 0
    while index < len(found):
        kind, part, start = found[index]
        end = _group_end(found, index) if kind == "open" else None
        if kind == "open" and end is None:
            out.append(_Unit("other", part, start))
        elif end is not None:
            out.append(_Unit("group", "".join(p for _, p, _ in found[index : end + 1]), start))
            index = end
        else:
            out.append(_Unit(kind, part, start))
        index += 1
    return _compounds(out)


def _group_end(found: list, start: int) -> int | None:
    stack = []
    for index in range(start, len(found)):
        kind, part, _ = found[index]
        if kind == "open":
            stack.append(_CLOSING[part])
        elif kind == "close":
            if not stack or part != stack[-1]:
                return None
            stack.pop()
            if not stack:
                return index
    return None


def _plain(word: str) -> bool:
    """A word of two letters or more, all lowercase letters (``output``, ``zero``)."""
    return len(word) > 1 and word.isalpha() and word.islower()


def _compounds(found: list[_Unit]) -> list[_Unit]:
    """Hyphenated words (``output-size``, ``zero-padding``) made one word."""
    out: list[_Unit] = []
    for unit in found:
        if (
            unit.kind == "word"
            and len(out) >= 2
            and out[-1].kind == "op"
            and out[-1].text == "-"
            and out[-2].kind == "word"
            and _plain(unit.text)
            and _plain(out[-2].text.rsplit("-", 1)[-1])
        ):
            out.pop()
            out[-1] = _Unit("word", out[-1].text + "-" + unit.text, out[-1].start)
            continue
        out.append(unit)
    return out


def _ascii_letters(word: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in word)


def _symbol_like(unit: _Unit) -> bool:
    """Whether ``unit`` may stand beside another with a space between in a formula (a
    product written by juxtaposition): a number, a name with ``_`` or a digit, one
    letter (but the words of one letter), a bracket group, math, LaTeX."""
    if unit.kind in ("group", "math", "latex"):
        return True
    if unit.kind != "word":
        return False
    word = unit.text
    if not word.isascii():
        return False
    if word[0].isdigit() or "_" in word or any(c.isdigit() for c in word):
        return True
    if len(word) == 1:
        return word not in _PROSE_LETTERS
    return word[1:] != word[1:].lower() and word.isalpha()  # HK, nH, Cout: not When


_GLOSS = lazy_pattern(r"(?:^|[,，;；])\s*\$?[A-Za-z](?:_\{?\w+\}?)?\$?\s*[:：]\s*[^\W\d_]")


def _glosses(unit: _Unit) -> bool:
    """Whether a bracket group glosses letters (``(n: 输入大小, k: 卷积核大小)``, ``(F: filter
    size)``): prose, no factor."""
    return unit.kind == "group" and bool(_GLOSS().search(_inner(unit)))


def _starts_definition(items: list[_Unit], index: int) -> bool:
    """Whether the unit at ``index`` is a name followed by ``=`` (a new statement)."""
    rest = [u for u in items[index + 1 :] if u.kind != "space"]
    return bool(rest) and rest[0].kind == "op" and rest[0].text == "="


def _before_operator(items: list[_Unit], index: int) -> bool:
    """Whether the unit after ``index`` (spaces skipped) is an operator."""
    rest = [u for u in items[index + 1 :] if u.kind != "space"]
    return bool(rest) and rest[0].kind == "op"


def _islands(items: list[_Unit]) -> list[list[_Unit]]:
    """The runs of units joined by operators, by touching, or side by side where both
    are symbol-like (see the module's docstring)."""
    runs: list[list[_Unit]] = []
    current: list[_Unit] = []
    pending_op = False  # the last unit of the run is an operator
    for index, unit in enumerate(items):
        if unit.kind == "space":
            continue
        if unit.kind == "op":
            if current or unit.text in ("-", "−", "–"):
                current.append(unit)
                pending_op = True
            continue
        operand = unit.kind in ("word", "group", "math", "latex", "script") and not _glosses(unit)
        if unit.kind == "script" and not pending_op:
            # a word of another script joins by an operator only: after one, or
            # before one it touches or is spaced from (输入边长 - …, kernel边长 + 1)
            if current and items[index - 1] is current[-1] and _before_operator(items, index):
                current.append(unit)
                continue
            operand = not current and _before_operator(items, index)
        if not operand:  # a mark or a word of prose: , ; : . ! ? 的原图像
            if current:
                runs.append(current)
            current, pending_op = [], False
            continue
        if current and not pending_op:
            touching = items[index - 1] is current[-1]
            before = items[index - 1]
            line_break = before.kind == "space" and "\n" in before.text
            side_by_side = (
                not line_break
                and _symbol_like(current[-1])
                and _symbol_like(unit)
                and not (any(u.text == "=" for u in current) and _starts_definition(items, index))
            )
            if not (touching or side_by_side):
                runs.append(current)
                current = []
        current.append(unit)
        pending_op = False
    if current:
        runs.append(current)
    return runs


def _joined(run: list[_Unit]) -> str:
    """The island's text, operators spaced, math spans without their delimiters; one
    bracket around a whole equation (``(out = …)``) away."""
    if len(run) == 1 and run[0].kind == "group" and "=" in run[0].text:
        return _inner(run[0]).strip()
    parts = []
    for unit in run:
        text = unit.text
        if unit.kind == "math":
            text = _inner(unit).strip()
            text = f"({text})" if len(run) > 1 else text
        parts.append(text)
    out = parts[0]
    for before, unit, part in zip(run, run[1:], parts[1:], strict=False):
        glued = (unit.kind == "group" and before.kind in ("word", "latex")) or unit.kind == "latex"
        out += part if glued and before.kind != "op" else " " + part
    return out.strip()


def _script_edge(unit: _Unit, leading: bool) -> _Unit:
    """``unit`` without the letters of another script than Latin at its edge (``对于一个W1``
    → ``W1``, ``D1的原图像`` → ``D1``) when it also holds Latin letters or digits."""
    word = unit.text
    if unit.kind != "word" or word.isascii():
        return unit
    if not any(c.isascii() and c.isalnum() for c in word):
        return unit
    start, end = 0, len(word)
    while leading and not word[start].isascii():
        start += 1
    while not leading and not word[end - 1].isascii():
        end -= 1
    return _Unit("word", word[start:end], unit.start + start)


def _trimmed(run: list[_Unit]) -> list[_Unit]:
    """The island without operators at its end and other scripts at its edges."""
    while run and run[-1].kind == "op":
        run = run[:-1]
    if not run:
        return run
    run = [_script_edge(run[0], True), *run[1:]]
    return [*run[:-1], _script_edge(run[-1], False)]


def _inner(unit: _Unit) -> str:
    """The text inside a group's brackets or a math span's delimiters."""
    text = unit.text
    if unit.kind == "group":
        return text[1:-1]
    if text.startswith("\\(") and text.endswith("\\)"):
        return text[2:-2]
    return text.strip("$`")


_FORMING = frozenset({"\\frac", "\\dfrac", "\\tfrac", "\\lfloor", "\\lceil", "\\sqrt"})


def _inside_has_operator(unit: _Unit, depth: int = 0) -> bool:
    """Whether a group or math span holds an operator, a fraction or a floor (at most
    eight brackets deep)."""
    if unit.kind not in ("group", "math") or depth > 8:
        return False
    inner = units(_inner(unit))
    return any(
        (u.kind == "op" and u.text in _ARITHMETIC)
        or (u.kind == "latex" and u.text in _FORMING)
        or _inside_has_operator(u, depth + 1)
        for u in inner
    )


def _formula(run: list[_Unit]) -> bool:
    """Whether an island is a formula: an operator, a fraction or a floor in it, or two
    symbols side by side, on a side of its ``=`` that holds a letter; not a value
    stated for a name (``output=16``) and not a name (``$f$``)."""
    sides: list[list[_Unit]] = [[]]
    for unit in run:
        if unit.kind == "op" and unit.text in ("=", "≈", "\\approx"):
            sides.append([])
        else:
            sides[-1].append(unit)
    for side in sides:
        text = "".join(u.text for u in side)
        if not any(c.isalpha() for c in text):
            continue  # a worked number
        # (a bracket holding no operator, a tuple or a gloss, is no factor of it)
        operands = [
            u for u in side if u.kind != "op" and (u.kind != "group" or _inside_has_operator(u))
        ]
        if (
            any(u.kind == "op" and u.text in _ARITHMETIC for u in side)
            or len(operands) > 1
            or any(_inside_has_operator(u) for u in side)
            or any(u.kind == "latex" and u.text in _FORMING for u in side)
        ):
            return len(sides) == 1 or not any(_NUMBER().match(_plain_text(s)) for s in sides[1:])
    return False


def _either(run: list[_Unit], text: str) -> bool:
    """Whether an island is two words of one role joined by a slash with no space around
    it (``filter/kernel``, ``kernel/filter``: one quantity's two names), never a
    quotient of them."""
    from derivations.registry.notations import name_parts

    if len(run) != 3 or run[1].kind != "op" or run[1].text != "/":
        return False
    first, _, second = run
    if text[first.end : second.start] != "/":
        return False
    parts = name_parts()
    words = (first.text.lower(), second.text.lower())
    roles = {parts.get(word) for word in words}
    return (
        all(word.isalpha() and len(word) > 2 for word in words)
        and len(roles) == 1
        and None not in roles
    )


_DASHES = frozenset({"-", "−", "–"})
_LINE_START = lazy_pattern(r"(?:^|\n)[ \t]*(?:[-*•+][ \t]+|\d+[.)][ \t]+)?$")
_PROSE_AFTER = lazy_pattern(r"[ \t]*[^\W\d_]")


def _gloss(run: list[_Unit], text: str) -> bool:
    """Whether an island is a glossary line's name and the first word of its gloss
    (``WK - Kernal 卷积核数量…``, ``F - filter size``, ``P – Padding (je Seite)``): a
    name opening its line (or a list item), a dash with spaces around it, one word of
    letters, and more words of prose after it on the same line: a definition, no
    difference."""
    if len(run) == 4 and run[0].kind == "op" and run[0].text in _DASHES:
        run = run[1:]  # a list's bullet (``- S – Schrittweite …``)
    if len(run) != 3 or run[1].kind != "op" or run[1].text not in _DASHES:
        return False
    name, dash, word = run
    if name.kind != "word" or word.kind != "word" or not word.text.isalpha():
        return False
    if len(word.text) < 3 or not text[name.end : dash.start].isspace():
        return False
    if not text[dash.end : word.start].isspace():
        return False
    if not _LINE_START().search(text[: name.start]):
        return False
    return bool(_PROSE_AFTER().match(text, word.end))


# what a remark on the notation says after its formula (``where $\\lfloor z \\rfloor$
# denotes the floor of $z$``, ``其中 ⌊x⌋ 表示向下取整``)
_NOTATION_VERB = lazy_pattern(
    r"[\s$`]*(?:denotes|means|stands\s+for|is\s+the\s+notation|represents|indicates|"
    r"表示|代表|指|denota|significa|représente|désigne|bezeichnet|bedeutet|обозначает|означает)",
    re.I,
)


_REMARK_END = lazy_pattern(r"[.;。；\n]|$")


def _without_remarks(formulas: list[list[_Unit]], text: str) -> tuple[list[list[_Unit]], str]:
    """``formulas`` without the remarks on the notation (``…, where $\\lfloor z \\rfloor$
    denotes the floor approximation of $z$``): a formula followed by a verb of
    :data:`_NOTATION_VERB` whose letters no other formula uses; and ``text`` with each
    remark's clause blanked (its length kept).  All of them, and ``text``, when every
    one is such a remark."""
    symbols = [{m.group() for m in _SYMBOL().finditer(_joined(run))} for run in formulas]
    kept, blanked = [], text
    for index, run in enumerate(formulas):
        others = set().union(*(symbols[:index] + symbols[index + 1 :]))
        remark = bool(_NOTATION_VERB().match(text, run[-1].end)) and not symbols[index] & others
        if not remark:
            kept.append(run)
            continue
        end = _REMARK_END().search(text, run[-1].end)
        stop = end.start() if end is not None else len(text)
        blanked = blanked[: run[0].start] + " " * (stop - run[0].start) + blanked[stop:]
    return (kept, blanked) if kept else (formulas, text)


def _plain_text(side: list[_Unit]) -> str:
    return "".join(u.text for u in side).strip()


def _negation_words() -> frozenset:
    return frozenset(w.lower() for w in (*NEGATIONS, *every_word(LEAD_NEGATIONS)))


_PROSE_WORD = lazy_pattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a Chinese condition said with a negation (不考虑 bias, "not counting the bias"; 不带,
# 不含, 不包括, 不计): a condition, not a denial of the formula; nor is 不变, "unchanged"
# (过滤器大小保持 $f \times f$ 不变: a size that stays as it was)
_CJK_CONDITION = lazy_pattern(r"[不未](?:考虑|带|含|包括|包含|计|算)|不变")
# … and a Japanese or Korean negation closing a condition's clause (``만약 정수가 아니라면``,
# "if it is not an integer"; ``整数でないなら``, ``整数でなければ``): the condition's, not
# the formula's (:data:`.languages.CONDITIONS_AFTER`, :data:`.languages.NEGATED_CONDITIONS`)
_NEGATED_CONDITION = lazy_pattern(
    "(?:"
    + words_pattern(
        *LEAD_NEGATIONS["ja"],
        *LEAD_NEGATIONS["ko"],
        *(w for stems, _ in NEGATED_CONDITIONS.values() for w in stems),
    )
    + ")(?:"
    + words_pattern(
        *CONDITIONS_AFTER, *(w for _, endings in NEGATED_CONDITIONS.values() for w in endings)
    )
    + ")"
)


# a question with no mark: an auxiliary, then a determiner (``Is the output given by …``)
_QUESTION_OPENS = lazy_pattern(
    r"^\s*(?:[-*•]\s*)?(?:is|are|does|do|should|could|would|can|will)\s+"
    r"(?:the|this|that|it|there|we|a|an)\b",
    re.I,
)


def denied(prose: str) -> bool:
    """Whether a word of the prose denies or doubts the formula (``wrong``, ``not``,
    ``isn't``, ``不对``, ``并非``, ``неверно``, ``ce n'est pas``, ``ではない``, ``아닙니다``;
    :data:`.languages.NEGATIONS`, :data:`.languages.LEAD_NEGATIONS`): a whole word of a
    script with spaces, any negation inside a sentence of a script that attaches its
    words (Chinese, Japanese, Korean: :func:`.languages.attached`) but a Chinese condition
    said with one (``不考虑``, "not counting"), or a question (its mark, or an auxiliary
    and a determiner opening it: ``Is the output given by``)."""
    if "?" in prose or "？" in prose or _QUESTION_OPENS().match(prose):
        return True
    negations = _negation_words()
    lower = prose.lower()
    if "n't" in lower or "n’t" in lower:
        return True
    if any(word in negations for word in _PROSE_WORD().findall(lower)):
        return True
    chinese = _NEGATED_CONDITION().sub(" ", _CJK_CONDITION().sub(" ", lower))
    return any(word in chinese for word in negations if attached(word))


def _cjk(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith("CJK") for c in word)


@record(frozen=True)
class Island:
    """A formula found in prose: its text, and the prose before it (since the island
    before it, or the start): the words that may name what it is."""

    text: str
    lead: str
    trail: str = ""
    # found among math spans a word of prose apart (``$h \\times w$减去$k_h$，即$…$``):
    # the checker grades one island only of such an answer, or none
    among_spans: bool = False

    @property
    def condition(self) -> bool:
        """Whether the prose before it makes it a condition (``如果取 $p_h = k_h - 1$``,
        ``if p = 0``, ``when s = 1``: an equation, and a word of
        :data:`.languages.CONDITIONS` in the last clause before it)."""
        if "=" not in self.text:
            return False  # a condition states an equation (p = 0, p_h = k_h - 1)
        clause = re.split(r"[,，;；。.:：\n]", self.lead)[-1].lower()
        words = set(_PROSE_WORD().findall(clause))
        return any((word in words) if word.isascii() else (word in clause) for word in CONDITIONS)


_BULLETS = frozenset({"-", "*", "•", "+"})
_LINE_OPEN = lazy_pattern(r"(?:^|\n)[ \t]*$")


def _unbulleted(run: list[_Unit], text: str) -> list[_Unit]:
    """``run`` without a list's bullet opening its line, a space after it (``- 최종 크기는
    (n+2p-f)/s + 1 …``: the item's mark, no minus before its first word)."""
    first = run[0] if run else None
    if (
        first is not None
        and first.kind == "op"
        and first.text in _BULLETS
        and _LINE_OPEN().search(text[: first.start])
        and text[first.end : first.end + 1] in (" ", "\t")
    ):
        return run[1:]
    return run


def formula_islands(text: str) -> tuple[list[Island], str, list[str]] | None:
    """The formulas of ``text`` written as prose (see the module's docstring), in order,
    the prose around them (each island a space), and the definitions the prose gives
    their letters (``with padding $p$`` → ``p = padding``, :func:`_definitions`); None
    when there is no prose around them, or a word of it denies them."""
    items = units(text)
    runs = [_trimmed(_unbulleted(run, text)) for run in _islands(items)]
    formulas = [
        run
        for run in runs
        if run and _formula(run) and not _gloss(run, text) and not _either(run, text)
    ]
    formulas, text = _without_remarks(formulas, text)
    if not formulas:
        return None
    found, prose, at = [], [], 0
    for index, run in enumerate(formulas):
        lead = text[at : run[0].start]
        end = formulas[index + 1][0].start if index + 1 < len(formulas) else len(text)
        found.append(Island(_joined(run), lead, text[run[-1].end : end]))
        prose.append(lead)
        at = run[-1].end
    prose.append(text[at:])
    around = " ".join(" ".join(prose).split())
    spans = [
        formulas[index][-1].kind == "math" and formulas[index + 1][0].kind == "math"
        for index in range(len(prose) - 2)
    ]
    # (a word between two math spans, $…$减去$…$, is a sentence's: then one island only
    # may be graded, Island.among_spans)
    gaps = [gap for gap, between in zip(prose[1:-1], spans, strict=True) if not between]
    if not _sentence(around) or any(_one_word(gap) for gap in gaps):
        return None  # a word among symbols (c_i c_o mykernal m_h): a factor, not prose
    if any(_one_word(gap) for gap in prose[1:-1]):
        found = [replace(island, among_spans=True) for island in found]
    if any(_TIMES_WORD().search(part) for part in prose):
        return None  # N x Hout x Wout x Channels: x is the times sign, one formula
    if not prose[0].strip() and _quantity_word(prose[-1]):
        return None  # c_i c_o k_h k_w 输出尺度: a quantity said in a word, a factor
    values = [run for run in runs if run and _value(run)]
    if denied(around) or countings_said(around):
        return None  # MACs: …, FLOPs: …: the words state what each formula counts
    defined = _definitions(_blanked(text, formulas + values), found)
    if defined is None:
        return None  # a letter the words name, but by no name the reader reads
    return found, around, defined


_WORDS = lazy_pattern(r"[^\W\d_]{2,}")


def _sentence(prose: str) -> bool:
    """Whether the words around the formulas make a sentence: two words or more, or
    four characters of a script without spaces (``综上所述``); ``… extra`` or ``… 卷积核``
    alone may be a factor of it."""
    attached = len(re.findall(f"[{LEAD_SCRIPTS}]", prose))
    return attached >= 4 or len(_WORDS().findall(prose)) - (attached > 0) >= 2


_TIMES_WORD = lazy_pattern(r"(?<![^\s$])[xX×](?![^\s$])")


def _quantity_word(trail: str) -> bool:
    """Whether the words after the last formula are one word that names a quantity by
    a root of its role (``输出尺度``, ``outsize``)."""
    word = trail.strip()
    return bool(re.fullmatch(r"[^\W\d_]+", word)) and meaning_of_word(word) is not None


def _one_word(gap: str) -> bool:
    """Whether a gap between two islands is one word and spaces (``c_i c_o mykernal m_h
    m_w``, ``… or …``)."""
    return bool(re.fullmatch(r"[ \t]*[^\W\d_]+[ \t]*", gap))


def _value(run: list[_Unit]) -> bool:
    """Whether an island states a value for a name (``m = 16``, ``p=1``): a worked
    example or a condition, no definition of the name by words."""
    text = "".join(u.text for u in run)
    sides = text.split("=")
    return len(sides) > 1 and all(_NUMBER().match(side.strip()) for side in sides[1:])


def _blanked(text: str, runs: list[list[_Unit]]) -> str:
    """``text`` with each run's span spaces (its length kept)."""
    for run in sorted(runs, key=lambda r: r[0].start, reverse=True):
        text = text[: run[0].start] + " " * (run[-1].end - run[0].start) + text[run[-1].end :]
    return text


_SYMBOL = lazy_pattern(r"(?<![\w\\])[A-Za-z](?:_\{?\w+\}?|'+)?(?![\w'])|[A-Za-z]\w*_\{?\w+\}?")


def _mentions(text: str, islands: list[Island]) -> bool:
    """Whether the text outside the islands (values stated aside) names a symbol of the
    islands (``…, where F is the stride``, ``with padding $p$``): it may define it
    otherwise than the symbol reads (a letter of prose, ``a``, ``I``, aside)."""
    used = {m.group() for island in islands for m in _SYMBOL().finditer(island.text)}
    said = {m.group() for m in _SYMBOL().finditer(text)} - _PROSE_LETTERS
    return bool(used & said)


_NAME_FILLERS = frozenset(NAME_FILLERS)
_CLAUSE_END = lazy_pattern(r"[,;:.，；：。!?！？\n]")
_COPULAS = r"is|are|denotes|means|represents|stands\s+for|为|是|表示|代表"
# … its words end where another letter's definition is joined on (``P is the padding and
# S is the stride``: P's words the padding; issue 21)
_AFTER_COPULA = lazy_pattern(
    rf"^[\s$`]*(?:{_COPULAS})\s*"
    rf"(?P<words>(?:(?!\s*\b(?:and|和|以及|及)\s*[A-Za-z](?:_\w+)?\s*(?:{_COPULAS})\b)"
    r"[^,;:.，；：。!?\n])*)",
    re.I,
)
_NAME_WORD = lazy_pattern(r"[^\W\d_]+")
# a letter opening a clause and a colon: a gloss (``(n: 输入大小, k: 卷积核大小)``, ``F: filter size``)
_AFTER_COLON = lazy_pattern(r"^[\s$`]*[:：]\s*(?P<words>[^,;:.，；：。!?\n()（）]*)")


def _reads_as_one(name: str) -> bool:
    """Whether the reader reads ``name`` (words joined) as one symbol of a layer."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import tokenize
    from derivations.checking.reading.normalize import normalize

    try:
        tokens = tokenize(normalize(name))
    except InvalidAnswer:
        return False
    return len(tokens) == 1 and tokens[0].type == "SYMBOL" and not str(tokens[0]).startswith("?")


def _without_copula(word: str) -> str:
    """A word of a script without spaces without the copula attached to its end
    (``卷积核大小为`` → ``卷积核大小``, ``커널 크기는`` → ``크기``)."""
    if word.isascii():
        return word
    for copula in copulas():
        if not copula.isascii() and word.endswith(copula) and len(word) > len(copula):
            return word[: -len(copula)]
    return word


def _name_in(words: list[str]) -> str | None:
    """The longest run of one to three of ``words`` (fillers away), ending at the last,
    that reads as one symbol (``filter with size`` → ``filter_size``; after the last lone
    letter among them: another symbol, never part of the name), else of a Chinese
    word its longest end of two characters or more that does (``当步幅`` → ``步幅``), or
    None."""
    kept = [_without_copula(w) for w in words if w.lower() not in _NAME_FILLERS]
    kept = [w for w in kept if w]
    # a lone letter is another symbol, never a word of this one's name (``a filter of size
    # f and padding p``: p's name is ``padding``)
    letters = [i for i, w in enumerate(kept[:-1]) if len(w) == 1 and w.isascii() and w.isalpha()]
    if letters:
        kept = kept[letters[-1] + 1 :]
    for count in range(min(len(kept), 3), 0, -1):
        name = "_".join(kept[-count:])
        if _reads_as_one(name):
            return name
    last = kept[-1] if kept else ""
    if _cjk(last):  # 当步幅 (when the stride …): the noun ends the run, its longest end read
        return next((last[i:] for i in range(1, len(last) - 1) if _reads_as_one(last[i:])), None)
    return None


def _definitions(text: str, islands: list[Island]) -> list[str] | None:
    """The definitions the prose gives the islands' letters it names (``with a filter of
    size $f$`` → ``f = filter_size``; ``F is the stride`` → ``F = stride``): for each
    letter of the islands the text outside them (values aside) names, the words naming
    it, before it in its clause or after it and a copula, as a name the reader reads;
    [] when it names none; None when one it names has no such name (then the islands
    are not read without it)."""
    used = {m.group() for island in islands for m in _SYMBOL().finditer(island.text)}
    found: dict[str, str] = {}
    for match in _SYMBOL().finditer(text):
        letter = match.group()
        if letter in _PROSE_LETTERS or letter not in used or letter in found:
            continue
        clause = _CLAUSE_END().split(text[: match.start()])[-1]
        name = _name_in(_NAME_WORD().findall(clause.replace("$", " ")))
        after = _AFTER_COPULA().match(text[match.end() :])
        if after is None and clause.strip() in ("", "(", "（", "[", "-", "*", "•"):
            after = _AFTER_COLON().match(text[match.end() :])  # (n: 输入大小, k: 卷积核大小)
        if after is not None:  # F is the stride: the words after it say
            name = _name_in(_NAME_WORD().findall(after.group("words"))) or None
            if any(side in after.group("words").lower() for side in PER_SIDE_WORDS):
                name = None  # Z 为单边填充: a padding per side is no name read here
        if name is None:
            return None
        found[letter] = name
    # a name of another script braced: put in for its letter, ``(填充)`` would be a remark
    return [
        f"{letter} = {name}" if name.isascii() else f"{letter} = {{{name}}}"
        for letter, name in found.items()
    ]


_SCRIPT_RUN = lazy_pattern(f"[{LEAD_SCRIPTS}]+$")


_TRAIL = lazy_pattern(
    r"^\s*(?:is|are|gives|为|是|就是|即)\s*(?:the\s+|its\s+)?(?P<name>[^\W\d_][\w\s]*?)\s*(?:[.;,，。；\n]|$)",
    re.I,
)


def trail_names(trail: str) -> list[str]:
    """The names the prose after an island gives it when it opens with a copula
    (``… is the height.``, ``… 是输出高度``): the one to three words after it."""
    match = _TRAIL().match(trail)
    if match is None:
        return []
    name = match.group("name")
    run = _SCRIPT_RUN().search(name)
    if run and run.group() == name:
        return [name[:n] for n in range(2, min(len(name), 8) + 1)]
    words = name.split()[:3]
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


_SENTENCE_END = lazy_pattern(r"[;；。\n]+|(?<=[^\d\s.])\.(?:\s+|$)")
_MAX_SENTENCES = 8


def sentences(text: str) -> list[str] | None:
    """``text`` cut into its sentences (at ``;``, ``。``, a line break, or a full stop
    and a space), each for the reader to try alone (a formula said in words among
    sentences that say none: ``Validate:…的卷积结果;结果的尺寸等于原始图像的尺寸减去卷积核尺寸加1;``);
    None when it is one sentence, or more than eight."""
    found = [part.strip() for part in _SENTENCE_END().split(text) if part.strip()]
    if not 1 < len(found) <= _MAX_SENTENCES:
        return None
    return found


def prose_blocks(prose: str, kept: list[str]) -> bool:
    """Whether the prose dropped around the ``kept`` formulas denies them, states a
    counting or names one of their letters (:func:`formula_islands`' guards)."""
    islands = [Island(text, "") for text in kept]
    return denied(prose) or bool(countings_said(prose)) or _mentions(prose, islands)
