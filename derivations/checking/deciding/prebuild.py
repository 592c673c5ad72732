"""Build every question's derivations ahead, once, saying so on stderr.

Deriving a question's variants takes SymPy up to several seconds (doubling the padding
simplifies floors); the results are cached on disk (:mod:`.catalogue`).  The first use
after an install or a change of the model builds all questions at once, with one
progress line per question on stderr, so that no later ``check`` or ``grade`` waits
unannounced.  ``python -m derivations questions --build`` does the same on purpose.
"""

from __future__ import annotations

import sys

__all__ = ["missing", "build_all", "announce_first_use"]


def missing() -> list[str]:
    """Question ids whose derivations are not in the cache (none: nothing to build)."""
    from derivations.checking.deciding.catalogue import cached
    from derivations.registry.questions import QUESTIONS

    return [qid for qid in QUESTIONS if not cached(qid)]


def build_all(ids, stream=None, lang: str = "en") -> None:
    """Derive and cache ``ids``, one progress line each on ``stream`` (stderr)."""
    from derivations.checking.deciding.catalogue import entry
    from derivations.messages import text

    stream = sys.stderr if stream is None else stream
    ids = list(ids)
    for number, qid in enumerate(ids, 1):
        print(
            text("checker.phrase.building", lang, number=number, total=len(ids), question=qid),
            file=stream,
            flush=True,
        )
        entry(qid)


def announce_first_use(qid: str | None = None, stream=None, lang: str = "en") -> None:
    """When ``qid`` (or any question, if None) is not cached yet, build every missing
    question now, announced on stderr.  A ``qid`` that is there is the only one looked
    at (a ``check`` reads one question's derivations, not all of them)."""
    from derivations.checking.deciding.catalogue import cached

    if qid is not None and cached(qid):
        return
    ids = missing()
    if ids and (qid is None or qid in ids):
        build_all(ids, stream, lang)
