"""A second look at an answer the reader refused (issue 21): what is left of it once
marks and worked numbers that no reading of a formula needs are taken away, each kept
as a note.  Tried only after the answer as given was refused (an answer the reader
reads never comes here), each rewrite read by the whole reader again:

* marks closing the answer after its formula: a comma (code's ``… + 1,``, a list's), an
  enumeration comma, an exclamation mark (``，``, ``、``, ``!``, ``！``);
* a worked number in a chain of equalities: a side with no letter in it
  (``c_i c_o k_h k_w m_h m_w = 27,648``, ``… = 3·64·9·30·30 = 1 555 200 MACs``), where
  another side is a formula (an operator or two names apart); a count word after the
  number stays (``MACs``: it states the counting).  The number is the value at the
  author's example layer, which the question does not give: it is not checked.

Each rewrite only deletes; nothing evaluates text.
"""

from __future__ import annotations

from derivations.checking.reading.informal import COUNT_WORDS, Note, lazy_pattern

__all__ = ["rewrites", "TRAILING_NOTE", "WORKED_NOTE"]

TRAILING_NOTE = "reading.note.trailing_mark"
WORKED_NOTE = "reading.note.worked_number"

_TRAILING = lazy_pattern(r"(?:\s*[,，、!！])+\s*$")
# a side of a chain that is a number, or numbers and operators (a worked example), and
# the words after it (a count word)
_NUMERIC = lazy_pattern(
    r"^\s*(?P<number>[-+]?[0-9][0-9,.\u00a0\u2009\u202f ]*"
    r"(?:\s*[-+*/×·xX^]\s*\(?[0-9][0-9,.\u00a0\u2009\u202f ]*\)?)*)"
    r"(?P<words>(?:\s*[^\W\d_][^\W\d_\s-]*(?:[\s-]+[^\W\d_]+)*)?)\s*[.。]?\s*$"
)
_FORMULA = lazy_pattern(r"[-+*/^×·()\\]|[A-Za-z_]\w*\s+[A-Za-z_]")
_CHAIN = lazy_pattern(r"\s*(?:=|≈|\\approx)\s*")


# unit words a count may end in besides the count words (bytes, elements, 个)
_UNIT_WORDS = frozenset({"bytes", "byte", "b", "字节", "elements", "个", "parameters", "params"})


def _count_word(words: str) -> bool:
    """Whether ``words`` (after a worked number) is a count or unit word (``MACs``,
    ``次``): what states the counting stays, a name would be a factor."""
    return words.lower() in COUNT_WORDS or words.lower() in _UNIT_WORDS


def _trailing(answer: str) -> tuple[str, Note] | None:
    match = _TRAILING().search(answer)
    if match is None or not answer[: match.start()].strip():
        return None
    mark = match.group().strip()[-1:]
    return answer[: match.start()], Note(TRAILING_NOTE, (("mark", mark),))


def _worked(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the sides of its chain that are worked numbers, or None."""
    sides = _CHAIN().split(answer)
    if len(sides) < 2:
        return None
    kept, numbers, words = [], [], ""
    for index, side in enumerate(sides):
        match = _NUMERIC().match(side)
        last = index == len(sides) - 1
        said = match.group("words").strip() if match else ""
        if match is None or (said and (not last or not _count_word(said))):
            kept.append(side)  # (a number with words before the last side: 2 MACs)
            continue
        numbers.append(match.group("number").strip())
        words = said
    if not numbers or not any(_FORMULA().search(side) for side in kept):
        return None
    text = " = ".join(side.strip() for side in kept) + (f" {words}" if words else "")
    return text, Note(WORKED_NOTE, (("numbers", ", ".join(numbers)),))


def rewrites(answer: object) -> list[tuple[str, tuple[Note, ...]]]:
    """The answer's rewrites to read again, in order (each with the notes saying what
    was taken away): the closing marks away, the worked numbers away, both."""
    if not isinstance(answer, str):
        return []
    found: list[tuple[str, tuple[Note, ...]]] = []
    trailing = _trailing(answer)
    if trailing is not None:
        found.append((trailing[0], (trailing[1],)))
    for text, notes in [(answer, ()), *found]:
        worked = _worked(text)
        if worked is not None:
            found.append((worked[0], (*notes, worked[1])))
    return found
