"""Question ids as a class file writes them, resolved to the catalogue's ids.

Accepted for ``forward-mults``: ``FORWARD-MULTS``, ``forward_mults``, ``Forward Mults``
(case, ``_``, ``-`` and spaces do not matter).  An exercise is accepted where it names
exactly one question: by its number in both editions (``1``), by an edition's number
(``zh 4``, ``练习 4``, ``en1``, ``exercise 1``: an unqualified "exercise" must mean the
same question in both editions) or by the exercise's id in
:mod:`derivations.registry.exercises` (``pointwise``).  Anything else is unknown, with
the closest catalogue ids as "did you mean".
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from derivations.registry.exercises import EXERCISES
from derivations.registry.questions import QUESTIONS

__all__ = ["resolve", "suggestions", "normalized"]

_NUMBERED = re.compile(
    r"^(?:(?P<edition>en|zh|练习|习题)\s*)?(?:(?:exercise|ex|q|第)\s*)?"
    r"#?\s*(?P<number>\d{1,3})\s*(?:题)?$"
)


def normalized(value: str) -> str:
    """Lower case, every run of ``_``, ``-``, spaces folded into one ``-``."""
    return re.sub(r"[\s_\-‐‑–—]+", "-", value.strip().lower()).strip("-")


def _by_number(edition: str | None, number: int) -> set[str]:
    editions = (edition,) if edition else ("en", "zh")
    found = [{q.id for q in QUESTIONS.values() if q.numbers[e] == number} for e in editions]
    if edition is None and found[0] != found[1]:
        return set()  # the editions disagree: "exercise 4" names nothing for sure
    return found[0]


def _by_exercise(name: str) -> set[str]:
    exercise = EXERCISES.get(name.replace("-", "_"))
    if exercise is None:
        return set()
    return {
        q.id
        for q in QUESTIONS.values()
        if any(
            exercise.number(e) is not None and q.numbers[e] == exercise.number(e)
            for e in ("en", "zh")
        )
    }


@lru_cache(maxsize=4096)
def resolve(value: str) -> str | None:
    """The catalogue id ``value`` names, or None."""
    key = normalized(value)
    if key in QUESTIONS:
        return key
    found = _NUMBERED.match(key.replace("-", " "))
    if found:
        edition = {"练习": "zh", "习题": "zh"}.get(found["edition"], found["edition"])
        ids = _by_number(edition, int(found["number"]))
    else:
        ids = _by_exercise(key)
    return next(iter(ids)) if len(ids) == 1 else None


def suggestions(value: str, count: int = 3) -> list[str]:
    """The catalogue ids closest to ``value``."""
    return difflib.get_close_matches(normalized(value), list(QUESTIONS), n=count, cutoff=0.5)
