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
  after a digit is a percentage (``400% 的计算量``), never a comment;
* ``return`` first (``return k_h * k_w * c_i``);
* ``#define NAME body``: the statement ``NAME = body``;
* ``NAME = lambda args: body``: the lambda's parameters dropped (its body is the formula);
* a C type before ``name =`` (``int h_o = …``, ``const``, ``auto``, ``let``/``var``);
* a cast: ``(float)``/``(double)`` dropped, ``(int)`` before a bracket read as ``int(…)``
  (the floor, on the non-negative values a count takes: :mod:`.informal`);
* ``self.``/``this.`` before a name (``self.stride``): the name;
* ``std::floor``, ``Math.ceil`` (and ``math.``/``np.``/``torch.``): the function.

Nothing evaluates text: each rule is a pattern and a deletion or a replacement.
"""

from __future__ import annotations

import re

from derivations.checking.reading.informal import Note, edit
from derivations.checking.reading.languages import NEGATIONS
from derivations.checking.reading.normalize import Normalized

__all__ = ["code", "denies"]

_COMMENT_MARKS = ("//", "%", "#")
# letters of any script and punctuation between words: no digit, operator or "="
_WORDS = re.compile(r"\s*[^\W\d_]+(?:[\s'’,.!?:;、，。！？：-]+[^\W\d_]+)*[\s.。!！?？]*")
_RETURN = re.compile(r"^\s*return\s+(?=\S)")
_DEFINE = re.compile(r"^\s*#\s*define\s+(?P<name>[A-Za-z_]\w*)\s+(?=\S)")
_LAMBDA = re.compile(r"(?<=[=(])\s*lambda\b[\w\s,*]*:")
_TYPE = re.compile(
    r"^\s*(?:(?:const|unsigned|signed|static)\s+)*"
    r"(?:int|float|double|long|auto|size_t|int64_t|int32_t|let|var|const|val)\s+"
    r"(?=[A-Za-z_]\w*\s*=[^=])"
)
_DROPPED_CAST = re.compile(r"\(\s*(?:float|double)\s*\)\s*")
_INT_CAST = re.compile(r"\(\s*(?:int|long|size_t)\s*\)\s*(?=\()")
_OBJECT = re.compile(r"(?<![\w.])(?:self|this)\s*\.\s*(?=[A-Za-z_])")
_LIBRARY = re.compile(
    r"(?<![\w.])(?:std\s*::|Math\s*\.|math\s*\.|np\s*\.|numpy\s*\.|torch\s*\.)\s*"
    r"(?=(?:floor|ceil)\s*\()"
)
_NEEDS = (
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


def _note(key: str, **fields) -> Note:
    return Note(f"reading.note.{key}", tuple(sorted((k, str(v)) for k, v in fields.items())))


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


def _is_comment(rest: str) -> bool:
    """Whether ``rest`` (after a comment mark) is words closing a line: a word of another
    script than Latin, or two words of letters; no digit, operator or ``=``."""
    if not _WORDS.fullmatch(rest) or denies(rest):
        return False
    other_script = re.search(r"[^\W\d_A-Za-z]", rest)
    return bool(other_script) or len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2


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


def _comment(text: Normalized, notes: list) -> Normalized:
    """``text`` without the comment closing it (see the module's docstring)."""
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
        if _is_comment(rest) and (mark == "#" or not _reads(rest)):
            notes.append(_note("comment", text=rest.strip()))
            return edit(text, index, len(body))
    return text


def _sub(text: Normalized, pattern: re.Pattern, notes: list, key: str, by="") -> Normalized:
    """``text`` with each match of ``pattern`` replaced by ``by``, one note if any."""
    found = list(pattern.finditer(text.text))
    if found:
        notes.append(_note(key, text=", ".join(sorted({m.group().strip() for m in found}))))
        for match in reversed(found):
            text = edit(text, match.start(), match.end(), by)
    return text


def code(text: Normalized) -> tuple[Normalized, list]:
    """``text`` read as the formula of a line of code (see the module's docstring), and
    the notes saying what was removed."""
    body = text.text
    notes: list = []
    if not any(need in body for need in _NEEDS):
        return text, notes
    define = _DEFINE.match(body)
    if define:
        notes.append(_note("code", text="#define"))
        name_end = define.end("name")
        text = edit(text, name_end, define.end(), " = ")
        text = edit(text, 0, define.start("name"))
    text = _comment(text, notes)
    text = _sub(text, _RETURN, notes, "code")
    text = _sub(text, _TYPE, notes, "code")
    text = _sub(text, _LAMBDA, notes, "code")
    text = _sub(text, _DROPPED_CAST, notes, "code")
    text = _sub(text, _INT_CAST, notes, "code", "int")
    text = _sub(text, _OBJECT, notes, "code")
    text = _sub(text, _LIBRARY, notes, "code")
    return text, notes
