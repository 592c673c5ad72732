"""The answer's own glossary (issue 21): the letters an answer defines in its prose,
wherever they are, bound before its formula is read.

Real answers define their letters in sentences around the formula, before it (``设 N
表示输入通道数，K×K 表示卷积核大小，则计算量为 …``, ``Let F denote the filter size and S the
stride. Then …``), after it with no connector (``… . Here N is the number of input
channels.``, a paragraph ``C_i 为输入通道数。``), words first (``步长（stride）为S``, ``the
kernel size is K×K``), with marks (``F: the filter size``, ``F — …``, ``F (the filter
size)``) and two letters at once (``H×W 表示输出的空间尺寸``, ``H and W are the output height
and width``; ``K×K``, ``W*W``: a square, the letter its side).

:func:`glossary` cuts the answer into clauses (at sentence and clause marks outside
brackets and math), finds every clause that defines a letter, binds the letter to the
quantity its words read as (the reader's own reading of words: :func:`.parse.parse_answer`,
whose words live in :mod:`.languages` and ``registry/notations.yaml``), takes the clauses
out and returns the rest, the formula, each letter it binds written as its quantity
(``(W - F + P)/S + 1`` with F the filter size: ``(W - k + P)/S + 1``): the answer's own
words beat inference by role, and a definition that makes the formula wrong (H, W the
input's size where the output's is due; K the channels) makes it wrong.  Two definitions
of one letter that disagree are refused, naming the letter.  A clause whose words read as
no one quantity defines nothing and stays where it is; an answer whose definitions name
no letter of its formula is left as it is.

Nothing here evaluates text: clauses are matched by patterns built from the word tables,
and the words are read by the reader.
"""

from __future__ import annotations

import re
from functools import cache

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import Note
from derivations.checking.reading.languages import (
    GLOSSARY_AFTER,
    GLOSSARY_AND,
    GLOSSARY_ARTICLES,
    GLOSSARY_JOINS,
    GLOSSARY_LEADS,
    GLOSSARY_NAMED,
    GLOSSARY_PAIRS,
    GLOSSARY_THEN,
    GLOSSARY_VERBS,
    GLOSSARY_WIDTH,
    LETTER,
    MULTIPLIER_WORDS,
    MULTIPLYING,
    PADDING_SIDES,
    words_pattern,
)
from derivations.records import record

__all__ = ["Binding", "Glossary", "glossary", "GLOSSARY_NOTE"]

GLOSSARY_NOTE = "reading.note.glossary"
# an answer longer than this is read as it is (a page, not an answer with its glossary)
_MAX_LENGTH = 1500
# a name a definition binds: one letter, a subscript, a prime (``F``, ``C_i``, ``H_{out}``)
_NAME = r"[A-Za-z](?:_\{[A-Za-z0-9]+\}|_[A-Za-z0-9]+)?'?"
# the pairs of a size by its axes: the height's quantity -> the width's
_AXES = {"h": "w", "m_h": "m_w", "k_h": "k_w", "p_h": "p_w", "s_h": "s_w", "k": "k"}
_AXIS_OF = {
    "h": ("h", "w"),
    "w": ("h", "w"),
    "m_h": ("m_h", "m_w"),
    "m_w": ("m_h", "m_w"),
    "k": ("k_h", "k_w"),
    "k_h": ("k_h", "k_w"),
    "k_w": ("k_h", "k_w"),
    "p": ("p_h", "p_w"),
    "p_h": ("p_h", "p_w"),
    "s": ("s_h", "s_w"),
    "s_h": ("s_h", "s_w"),
}
# the symbols a definition may bind a letter to (the layer's quantities)
_QUANTITIES = frozenset(
    {"h", "w", "m_h", "m_w", "k", "k_h", "k_w", "p", "p_h", "p_w", "s", "s_h", "s_w"}
    | {"c_i", "c_o", "n", "g", "d"}
)
_OPENING = "([{（【"
_CLOSING = ")]}）】"


@record(frozen=True)
class Binding:
    """One letter bound by the answer's words: ``letter`` -> ``read`` (a symbol of the
    layer), said in ``words``; ``read`` None: the words read as no quantity (a letter
    first, a verb, words only: ``Q is the number of slices``), the letter left to the
    inference by its role."""

    letter: str
    words: str
    read: str | None


@record(frozen=True)
class Glossary:
    """The answer's formula, each letter it binds written as its quantity (``text``),
    the bindings, the note saying them."""

    text: str
    bindings: tuple[Binding, ...]
    # every definition after the formula in its own sentence (``…, where F is …``,
    # ``…，F 为 …``): the form the reader reads as written, the glossary only its fallback
    trailing: bool = False
    # a letter of the formula is defined in words that read as no quantity: inferred by
    # its role, which may show the formula wrong but never makes it right
    guessed: bool = False
    # other clauses besides the formula's are left around it (prose the reader judges)
    prose: bool = False

    @property
    def note(self) -> Note:
        said = "; ".join(f"{b.letter} → {b.read or '?'} ({b.words})" for b in self.bindings)
        return Note(GLOSSARY_NOTE, (("definitions", said),))

    @property
    def unread_letters(self) -> str:
        return ", ".join(b.letter for b in self.bindings if not b.read)

    @property
    def unread_words(self) -> str:
        return "; ".join(b.words for b in self.bindings if not b.read)


def _all(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(word for words in table.values() for word in words)


def _words(words: tuple[str, ...]) -> str:
    """The alternation of ``words``: whole words where they are words, marks anywhere."""
    marks = [w for w in words if not re.search(r"\w", w)]
    spelled = [w for w in words if re.search(r"\w", w)]
    alternation = [words_pattern(*spelled, before=LETTER, after=LETTER)]
    alternation += [re.escape(m) for m in sorted(marks, key=len, reverse=True)]
    return "|".join(a for a in alternation if a)


@cache
def _patterns() -> dict[str, re.Pattern]:
    leads = _words(_all(GLOSSARY_LEADS))
    verbs = _words(_all(GLOSSARY_VERBS))
    named = _words(_all(GLOSSARY_NAMED))
    joins = "|".join(
        words_pattern(join, before="[A-Za-z]", after="[A-Za-z]")
        if join.isalpha() and join != "x"
        else re.escape(join)
        for join in sorted(GLOSSARY_JOINS, key=len, reverse=True)
    )
    letters = rf"(?P<letters>{_NAME}(?:\s*(?:{joins})\s*{_NAME})?)"
    and_words = words_pattern(*GLOSSARY_AND, before=LETTER, after=LETTER)
    side = rf"(?:{_NAME}\s*=\s*(?={_NAME}\s*(?:{joins})))?"  # ``I = W*W``: W the side
    return {
        "lead": re.compile(rf"^\s*(?:{leads})(?:\s*[:：,，])?\s*", re.I),
        "letter_first": re.compile(rf"^{letters}\s*(?:{verbs})\s*(?P<words>.+)$", re.I | re.S),
        "bracketed": re.compile(rf"^{letters}\s*[(（](?P<words>[^()（）]+)[)）]$", re.S),
        "words_first": re.compile(
            rf"^(?P<words>.+?)\s*(?:{named})\s*{side}{letters}$", re.I | re.S
        ),
        "bare_letter_first": re.compile(rf"^{letters}\s+(?P<words>[^\W\d].*)$", re.S),
        "bare_cjk_letter_first": re.compile(rf"^{letters}\s*(?P<words>[\u4e00-\u9fff].*)$", re.S),
        "bare_words_first": re.compile(rf"^(?P<words>[^\W\d].*?)\s+{letters}$", re.S),
        "pair": re.compile(rf"^(?P<first>{_NAME})\s*(?:{joins})\s*(?P<second>{_NAME})$", re.I),
        "and": re.compile(
            rf"\s*(?:{words_pattern(*GLOSSARY_AND, before=LETTER, after=LETTER)})\s*", re.I
        ),
        "inner": re.compile(rf"(?:^|\s|{and_words}){_NAME}\s*(?:{verbs})(?:\s|$)"),
        "width_first": re.compile(rf"^\W*(?:{words_pattern(*GLOSSARY_WIDTH)})", re.I),
        "articles": re.compile(
            rf"^(?:{words_pattern(*GLOSSARY_ARTICLES, before=LETTER, after=LETTER)})\s*",
            re.I,
        ),
        "after": re.compile(rf"\s*(?:{words_pattern(*GLOSSARY_AFTER)})\s*$", re.I),
        "pairs": re.compile(words_pattern(*_all(GLOSSARY_PAIRS), before=LETTER), re.I),
        # a word's translation in brackets inside Chinese words (``卷积核（kernel）大小``)
        # a remark in brackets closing the words (``…空间尺寸（如图所示，…）``), unless it
        # says how the quantity is counted (``the padding (each side)``)
        "aside": re.compile(r"\s*[(（][^()（）]*[)）]\s*$"),
        "qualifier": re.compile(
            words_pattern(
                *PADDING_SIDES,
                *MULTIPLYING,
                *_all(MULTIPLIER_WORDS),
                before=LETTER,
                after=LETTER,
            ),
            re.I,
        ),
        "gloss": re.compile(r"\s*[(（][A-Za-z\s\-]+[)）]\s*"),
        "wordy": re.compile(r"[^\W\d_]{3}|[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]"),
        "not_words": re.compile(r"[0-9+*/^=_\\$`<>.\[\]{}()\"]|(?<=\s)-(?=\s)"),
        # code (a definition in code is an assignment: :mod:`.statements`, :mod:`.code`)
        "code": re.compile(
            r"^\s*(?:def|return|for|while|if|elif|else|import|from|class|int|const|let|var)\b"
            r"|self\.|[;{}]\s*$|==|\w\(.*\)\s*:",
            re.M,
        ),
        "then": re.compile(rf"^(?:{_words(GLOSSARY_THEN)})(?:\s*[,，:：])?\s*", re.I),
        "math": re.compile(r"\$+|`+|\*\*|__|\\\(|\\\)"),
    }


def _clauses(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end of the mark after it) of each clause of ``text``: cut at
    sentence and clause marks (``。；;，,\\n!！?？``, a full stop before a space or the end)
    outside brackets and math."""
    out: list[tuple[int, int, int]] = []
    depth, math, start, index = 0, False, 0, 0
    while index < len(text):
        char = text[index]
        if char in "$`":
            math = not math
        elif math:
            pass
        elif char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and (
            char in "\n。；;，,、!！?？"
            or (char == "." and (index + 1 == len(text) or text[index + 1].isspace()))
        ):
            end = index
            while index + 1 < len(text) and text[index + 1] in " \t\n。；;，,、.!！?？":
                index += 1
            out.append((start, end, index + 1))
            start = index + 1
        index += 1
    if start < len(text):
        out.append((start, len(text), len(text)))
    return [c for c in out if text[c[0] : c[1]].strip()]


def _read(words: str) -> str | None:
    """The one quantity of the layer ``words`` read as, or None."""
    from derivations.checking.reading.parse import parse_answer

    try:
        parsed = parse_answer(words)
    except InvalidAnswer:
        return None
    symbols = parsed.symbols
    if len(symbols) != 1:
        return None
    (symbol,) = symbols
    return symbol if symbol in _QUANTITIES and parsed.text.strip() == symbol else None


def _clean_words(words: str) -> str:
    p = _patterns()
    words = p["math"].sub("", words).strip(" \t\n.。,，;；:：")
    words = p["after"].sub("", words)
    words = re.sub(r"(?<=[A-Za-z])['’]s\b", "", words)  # ``the output's height``
    if re.search(r"[\u4e00-\u9fff]", p["gloss"].sub("", words)):
        words = p["gloss"].sub("", words).strip()
        words = _in_chinese(words)
    aside = p["aside"].search(words)  # a remark in brackets after the words
    if aside and not p["qualifier"].search(aside.group()):
        words = words[: aside.start()].strip()
    while True:
        stripped = p["articles"].sub("", words, count=1)
        if stripped == words:
            return words.strip(" '’")
        words = stripped


def _in_chinese(words: str) -> str:
    """Chinese ``words`` with each English word of the layer inside them written as the
    Chinese word of its role in the lexicon of names' parts (``输入 channel 的数量``:
    输入通道的数量; ``feature map``: 特征图), so that the phrase reads as one (issue 21)."""
    from derivations.registry.notations import name_parts

    table = name_parts()
    chinese: dict[str, str] = {}
    for word, role in table.items():
        if re.fullmatch(r"[\u4e00-\u9fff]+", word):
            chinese.setdefault(role, word)

    def written(match: re.Match) -> str:
        run = match.group()
        whole = table.get(re.sub(r"[\s_-]+", "", run).lower())
        if whole in _IN_CHINESE and whole in chinese:
            return chinese[whole]
        roles = [table.get(w.lower()) for w in re.split(r"[\s_-]+", run)]
        if all(role in _IN_CHINESE and role in chinese for role in roles):
            return "".join(chinese[str(role)] for role in roles)
        return run

    return re.sub(r"\s*[A-Za-z]{3,}(?:[\s_-]+[A-Za-z]{3,})*\s*", written, words).strip()


# the roles an English word inside Chinese words is read by (not a filler, a count, a size)
_IN_CHINESE = frozenset({"kernel", "channel", "map", "padding", "stride", "input", "output"})


def _letters(spec: str) -> tuple[str, ...] | None:
    """The names ``spec`` binds: one (``F``), two at once (``H×W``, ``H and W``), one
    repeated (``K×K``: a square, bound once)."""
    spec = _patterns()["math"].sub("", spec).strip()
    if re.fullmatch(_NAME, spec):
        return (spec,)
    pair = _patterns()["pair"].fullmatch(spec)
    if pair is None:
        return None
    first, second = pair["first"], pair["second"]
    return (first,) if first == second else (first, second)


def _bind(spec: str, words: str, verb: bool = False) -> list[Binding] | None:
    """The bindings of a definition: the names of ``spec`` bound to what ``words`` read
    as, or None where the words read as no one quantity of the layer (of one letter
    defined with a verb, ``verb``: the letter unread)."""
    letters = _letters(spec)
    if letters is None:
        return None
    p = _patterns()
    cleaned = _clean_words(words)
    aside = p["aside"].search(cleaned)
    if verb and len(letters) == 1 and aside and _plain_words(cleaned[: aside.start()]):
        return [Binding(letters[0], cleaned, None)]  # ``the padding (each side)``: unread
    if (
        not cleaned
        or not p["wordy"].search(cleaned)
        or p["not_words"].search(cleaned)
        or p["inner"].search(cleaned)  # ``… and T is …``: another definition inside
    ):
        return None
    if len(letters) == 1:
        read = _read(cleaned)
        if read is None and not verb:
            return None
        return [Binding(letters[0], cleaned, read)]
    read = _read(cleaned)
    if read is None and p["pairs"].search(cleaned):
        size = "大小" if re.search(r"[\u4e00-\u9fff]", cleaned) else " size"
        read = _read(p["pairs"].sub(size, cleaned, count=1).strip())
    if read is None:  # ``Q、T 分别为输入和输出通道数``: each letter its own words
        return _respectively(letters, cleaned)
    if read not in _AXIS_OF:
        return None
    height, width = _AXIS_OF[read]
    pair_words = p["pairs"].search(cleaned)
    if pair_words and p["width_first"].search(pair_words[0]):
        height, width = width, height
    return [Binding(letters[0], cleaned, height), Binding(letters[1], cleaned, width)]


def _respectively(letters: tuple[str, ...], words: str) -> list[Binding] | None:
    """Two letters bound at once by words that name two quantities joined by "and" over
    one noun (``input and output channels``, ``输入和输出通道数``, ``the output's height and
    width``): the first letter the words with the first, the second with the second;
    None unless exactly one such reading gives two different quantities."""
    joins = "|".join(
        re.escape(j) for j in sorted(GLOSSARY_AND + ("、", "/"), key=len, reverse=True)
    )
    found: set[tuple[str, str]] = set()
    for join in re.finditer(rf"\s*(?:{joins})\s*", words):
        left, right = words[: join.start()], words[join.end() :]
        if not left or not right:
            continue
        spaced = bool(re.search(r"\s", join.group()))
        cuts_left = [m.start() for m in re.finditer(r"(?<=\s)\S", left)] if spaced else []
        cuts_left = [0, *cuts_left] if spaced else list(range(len(left)))
        cuts_right = (
            [m.end() for m in re.finditer(r"\S(?=\s|$)", right)]
            if spaced
            else list(range(1, len(right) + 1))
        )
        for i in cuts_left:
            for j in cuts_right:
                prefix, first, second, rest = left[:i], left[i:], right[:j], right[j:]
                one = _read(f"{prefix}{first}{rest}".strip())
                two = _read(f"{prefix}{second}{rest}".strip())
                if one and two and one != two:
                    found.add((one, two))
    if len(found) != 1 or len(letters) != 2:
        return None
    ((one, two),) = found
    return [Binding(letters[0], words, one), Binding(letters[1], words, two)]


def _plain_words(words: str) -> bool:
    p = _patterns()
    return bool(
        words
        and p["wordy"].search(words)
        and not p["not_words"].search(words)
        and not p["inner"].search(words)
    )


def _definition(clause: str, led: bool) -> list[Binding] | None:
    """The bindings ``clause`` makes (a definition in one of the shapes of the module's
    docstring), or None; a clause opening with a lead word (``Let``, ``设``) or after a
    definition (``led``) may name a letter with no verb (``S the stride``)."""
    p = _patterns()
    clause = p["math"].sub("", clause)
    lead = p["lead"].match(clause)
    if lead and lead.end() < len(clause):
        clause, led = clause[lead.end() :], True
    clause = clause.strip()
    # two definitions joined by "and" (``F denote the filter size and S the stride``)
    for joined in p["and"].finditer(clause):
        left = _definition(clause[: joined.start()], led)
        if left is None:
            continue
        right = _definition(clause[joined.end() :], True)
        if right is not None:
            return left + right
    shapes = ["letter_first", "bracketed", "words_first"]
    if led:
        shapes += ["bare_letter_first", "bare_cjk_letter_first", "bare_words_first"]
    for shape in shapes:
        match = p[shape].fullmatch(clause)
        if match is None:
            continue
        bound = _bind(match["letters"], match["words"], shape == "letter_first")
        if bound:
            return bound
    return None


def _letter(letter: str) -> re.Pattern:
    """``letter`` written as a name of its own (not inside a word, a command, a name)."""
    return re.compile(rf"(?<![A-Za-z_\\']){re.escape(letter)}(?![A-Za-z0-9_'{{])")


def _uses(text: str, letter: str) -> bool:
    return bool(_letter(letter).search(text))


def _spaced_runs(text: str, letters: set[str]) -> str:
    """``text`` with each run of defined one-letter names written together (``HWNK``)
    spaced (``H W N K``), so that each is read as its own letter."""

    def spaced(match: re.Match) -> str:
        run = match.group()
        if all(c in letters for c in run):
            return " ".join(run)
        if "x" not in letters and re.fullmatch(r"[A-Za-z](?:x[A-Za-z])+", run):
            named = run[::2]  # ``HxWxN``: x a times sign between defined letters
            return "×".join(named) if all(c in letters for c in named) else run
        return run

    return re.sub(r"(?<![A-Za-z_\\'])[A-Za-z]{2,}(?![A-Za-z_'({])", spaced, text)


def glossary(answer: object) -> Glossary | None:
    """The answer's glossary (see the module's docstring), or None where it defines no
    letter its formula uses; refused (``reading.defined_differently``) where two
    definitions of one letter disagree."""
    if not isinstance(answer, str) or len(answer) > _MAX_LENGTH:
        return None
    if _patterns()["code"].search(answer):
        return None
    clauses = _clauses(answer)
    if len(clauses) < 2:
        return None
    kept: list[tuple[int, int, int]] = []
    bindings: list[Binding] = []
    removed: list[tuple[int, int]] = []
    led, index = False, 0
    while index < len(clauses):
        start, end, after = clauses[index]
        bound = _definition(answer[start:end], led)
        unread = bound is not None and any(b.read is None for b in bound)
        if (bound is None or unread) and index + 1 < len(clauses):  # ``H, W are …``
            joined = _definition(answer[start : clauses[index + 1][1]], led)
            if joined is not None and (bound is None or all(b.read for b in joined)):
                bound, index = joined, index + 1  # (``… and H, W are …``: read whole)
                end, after = clauses[index][1], clauses[index][2]
        index += 1
        if bound is None:
            kept.append((start, end, after))
            led = False
            continue
        bindings += bound
        removed.append((start, end))
        led = answer[end:after].strip() in _GOES_ON  # the sentence goes on
    # a letter defined in words the reader does not read, beside letters it does: its
    # definition taken out too, the letter left to the inference by role (said in the note)
    if not any(b.read for b in bindings) or not kept:
        return None
    formula = "".join(answer[s:a] for s, _, a in kept[:-1]) + answer[kept[-1][0] : kept[-1][1]]
    formula = formula.strip()
    if removed[0][0] < kept[0][0]:  # ``Then …`` after the glossary before it
        formula = _patterns()["then"].sub("", formula, count=1)
    seen: dict[str, Binding] = {}
    for binding in bindings:
        other = seen.get(binding.letter)
        if other is not None and other.read and binding.read and other.read != binding.read:
            raise refuse(
                "defined_differently",
                answer.find(binding.letter) + 1,
                name=binding.letter,
                first=other.read,
                second=binding.read,
            )
        if other is None or not other.read:
            seen[binding.letter] = binding
    singles = {letter for letter in seen if len(letter) == 1}
    formula = _spaced_runs(formula, singles)
    used = [b for b in seen.values() if b.read and _uses(formula, b.letter) and not _as_spelled(b)]
    if not used:
        return None
    for binding in used:  # each letter the formula writes, as the quantity it is bound to
        formula = _letter(binding.letter).sub(_written(binding), formula)
    # the definitions after the formula, the first in the formula's own sentence (``…,
    # where F is …``; clauses after them allowed: ``…, where F is …, to get it``)
    before = [k for k in kept if k[1] <= removed[0][0]]
    trailing = bool(before) and bool(
        re.search(r"[=+*/^×·]|\\times|\\frac", answer[before[-1][0] : before[-1][1]])
        and not re.search(r"[.。!！?？\n]", answer[before[-1][1] : removed[0][0]])
    )
    guessed = any(not b.read and _uses(formula, b.letter) for b in seen.values())
    return Glossary(
        formula.rstrip(" .。,，;；"), tuple(seen.values()), trailing, guessed, len(kept) > 1
    )


# a padding the words say is the total of both sides, written so (``total padding``,
# ``上下填充之和``): read as the book's padding, never under the per-side convention
_TOTAL_SPELLINGS = {
    "p": "total_padding",
    "p_h": "total_padding_height",
    "p_w": "total_padding_width",
}


def _written(binding: Binding) -> str:
    """The book's spelling of ``binding``'s quantity, a padding said to be the total as
    :data:`_TOTAL_SPELLINGS` writes it (the checker's reading of a total said)."""
    from derivations.checking.checker import _TOTAL_REMARK

    read = str(binding.read)
    if read in _TOTAL_SPELLINGS and _TOTAL_REMARK().search(binding.words):
        return _TOTAL_SPELLINGS[read]
    return read


def _as_spelled(binding: Binding) -> bool:
    """Whether ``binding`` names a symbol of the book as the book spells it, by words
    that say it or its axis-less quantity (``kernel k_h``, ``the input h``): kept as
    written."""
    letter, read = binding.letter, binding.read
    return letter in _QUANTITIES and (read == letter or letter in _AXIS_OF.get(read or "", ()))


_GOES_ON = frozenset({",", "，", "、", ";", "；", ""})
