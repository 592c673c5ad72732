"""The worked answers, one module per exercise, each with ``build() -> Exercise``.

:data:`MODULES` lists them in registry order (``registry/exercises.py``); :func:`build_all` builds every one (a
missing module or a failed check is a one-line :class:`DerivationError`, never a
skipped exercise) and :func:`for_edition` orders them as one edition numbers them, the
exercises the edition lacks last, as appendices.  Exercise modules are imported lazily:
importing this package (e.g. for :mod:`.document`) stays cheap.

Each exercise is two modules: ``maths/<name>.py`` (:mod:`.maths`: derivations, executed
counts and their checks, as typed results; no prose) and ``<name>.py``, the sheet (prose
and layout only, reading those results; its ``build()`` is what the registry names).
Render-time checks (:mod:`.checks`) run where each number is made, on every build.
"""

from __future__ import annotations

import importlib

from derivations.errors import DerivationError

__all__ = ["MODULES", "build_all", "for_edition"]

from derivations.registry.exercises import EXERCISES

MODULES = tuple(EXERCISES)  # one module per registered exercise, in registry order


def _build(name: str):
    from derivations.exercises.document import CheckFailed, Exercise

    qualified = f"{__name__}.{name}"
    try:
        module = importlib.import_module(qualified)
    except ModuleNotFoundError as error:
        if error.name != qualified:
            raise
        raise DerivationError(key="exercise.module_missing", module=qualified) from None
    try:
        exercise = module.build()
    except CheckFailed as error:
        raise DerivationError(
            key="exercise.build_check_failed", name=name, reason=str(error)
        ) from None
    if not isinstance(exercise, Exercise):
        raise DerivationError(
            key="exercise.build_not_exercise", name=name, returned=type(exercise).__name__
        )
    return exercise


def build_all(names=MODULES) -> list:
    """Every registered exercise, built (and therefore checked)."""
    return [_build(name) for name in names]


def for_edition(exercises: list, lang: str) -> tuple[list, list]:
    """``(numbered, appendices)`` for one edition: numbered by that edition's number,
    then the exercises it does not have: the other edition's (by its number), then
    those of neither edition, in registry order."""
    numbered = [e for e in exercises if e.numbers.get(lang) is not None]
    numbers = [e.numbers[lang] for e in numbered]
    if len(set(numbers)) != len(numbers):
        raise DerivationError(key="exercise.duplicate_number", lang=lang, numbers=sorted(numbers))
    other = {"en": "zh", "zh": "en"}[lang]
    rest = [e for e in exercises if e.numbers.get(lang) is None]
    return (
        sorted(numbered, key=lambda e: e.numbers[lang]),
        sorted(rest, key=lambda e: (e.numbers.get(other) is None, e.numbers.get(other) or 0)),
    )
