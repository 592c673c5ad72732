"""Render-time checks: every number a sheet prints is confirmed where it is produced.

:func:`checked` returns a value once its closed form equals what was executed;
:func:`require` checks any other claim.  Both raise :class:`CheckFailed`, a
:class:`~derivations.errors.DerivationError` with a catalogue id
(``messages/exercises.yaml``): ``docs`` prints one line and writes nothing.  No prose,
no blocks: the maths modules (:mod:`derivations.exercises.maths`) import this and
nothing of the sheets.
"""

from __future__ import annotations

from derivations.errors import DerivationError

__all__ = ["CheckFailed", "checked", "require"]


class CheckFailed(DerivationError):
    """A number or claim on a sheet disagrees with what was executed or derived."""


def require(condition: bool, what: str) -> None:
    """A render-time check: CheckFailed naming ``what`` (the claim checked, for the
    developer who broke it) unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(key="exercise.check_failed", what=what)


def checked(what: str, closed_form: int, executed: int) -> int:
    """The value, once the closed form equals the executed count; else CheckFailed."""
    if closed_form != executed:
        raise CheckFailed(
            key="exercise.check_mismatch", what=what, closed=closed_form, executed=executed
        )
    return closed_form
