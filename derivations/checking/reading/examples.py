"""A count stated for an example layer the answer itself gives (issue 21): ``with 10
filters there are 10 biases``, ``10 个卷积核共 10 个偏置``.  The answer names each given
with its number (:data:`.languages.EXAMPLE_GIVENS`: ``10 filters`` gives c_o = 10) and
states the count asked with its number (:data:`.languages.EXAMPLE_COUNTS`: ``10
biases``); the checker computes the reference at that layer and compares
(:func:`.checker._example_said`).  Which number is which is never guessed: a number is a
given only by the words right after it, the count only by the count's words; a given
named twice with two numbers, or two counts that differ, make no example.  Reading only.
"""

from __future__ import annotations

import re
from functools import cache

from derivations.checking.reading.languages import EXAMPLE_COUNTS, EXAMPLE_GIVENS

__all__ = ["example_said"]

_NUMBER = r"(?<![\w.,])(?P<number>[0-9]{1,9})(?![.,]?[0-9])\s*"


def _words(record: dict[str, tuple[str, ...]]) -> str:
    words = sorted({w for ws in record.values() for w in ws}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _given(symbol: str) -> re.Pattern:
    return re.compile(_NUMBER + rf"(?:{_words(EXAMPLE_GIVENS[symbol])})(?![A-Za-z])", re.I)


@cache
def _count(question: str) -> re.Pattern:
    return re.compile(_NUMBER + rf"(?:{_words(EXAMPLE_COUNTS[question])})(?![A-Za-z])", re.I)


def example_said(answer: str, question: str) -> tuple[dict[str, int], int, str] | None:
    """(the layer the answer's example gives, the count it states there, the words
    stating it) where ``answer`` names givens and states the count ``question`` asks
    (see the module's docstring); None otherwise."""
    if question not in EXAMPLE_COUNTS or not any(c.isdigit() for c in answer):
        return None
    counts = list(_count(question).finditer(answer))
    if not counts or len({int(m["number"]) for m in counts}) != 1:
        return None
    layer: dict[str, int] = {}
    for symbol in EXAMPLE_GIVENS:
        numbers = {int(m["number"]) for m in _given(symbol).finditer(answer)}
        if len(numbers) > 1:
            return None  # (10 filters, not 2: which one is the example's is not known)
        if numbers:
            layer[symbol] = numbers.pop()
    if not layer:
        return None
    return layer, int(counts[-1]["number"]), counts[-1].group().strip()
