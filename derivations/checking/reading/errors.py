"""Why an answer could not be read: one line, with the column it happened at."""

from __future__ import annotations

from derivations.errors import DerivationError

__all__ = ["InvalidAnswer"]


class InvalidAnswer(DerivationError):
    """The answer is not a formula the checker reads; ``position`` is a 1-based column
    of the text as given (``None`` when the problem is not at one place)."""

    def __init__(self, reason: str, position: int | None = None):
        self.reason = reason
        self.position = position
        where = f" at column {position}" if position is not None else ""
        super().__init__(f"{reason}{where}")

