"""Reading one row of a layer list: typed fields with one-line errors naming the bad value.

A row is a plain mapping (from Python, JSON or YAML).  :class:`Row` hands out its fields
one by one, each checked, and finally insists that no field was left unread, so a typo
(``strid``) is reported instead of silently ignored.
"""

from __future__ import annotations

import reprlib

from derivations.errors import DerivationError

__all__ = ["COMMON_FIELDS", "Row", "clipped", "shown"]

# fields every kind accepts: what it is, what it is called, where its input comes from
COMMON_FIELDS = ("kind", "name", "from")
SHOWN_CHARS = 60  # a user's value echoed in a message is cut to this many characters

# reprlib bounds the work as well as the text: a YAML alias bomb or a deeply nested list
# is summarized without being walked in full (plain repr would build megabytes, or recurse)
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxtuple, _REPR.maxdict = 3, 6, 6, 4
_REPR.maxset = _REPR.maxfrozenset = 6
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = SHOWN_CHARS


def shown(value) -> str:
    """``repr(value)`` for a one-line message: bounded in length and work, one line."""
    text = _REPR.repr(value).replace("\n", " ")
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


def clipped(text: str) -> str:
    """A user's string (a layer name) for a message: unquoted, escaped, cut short."""
    escaped = repr(text[:SHOWN_CHARS])[1:-1]
    return escaped if len(text) <= SHOWN_CHARS else escaped[: SHOWN_CHARS - 3] + "..."


class Row:
    def __init__(self, data, index: int, name: str):
        self.data = data
        self.index = index
        self.name = name
        self._read = set(COMMON_FIELDS)

    def error(self, key: str, **fields: object) -> DerivationError:
        """Catalogue error ``key`` (with ``fields``), said as this row's."""
        problem = DerivationError(key=key, **fields)
        return DerivationError(
            key="network.in_row", problem=problem, row=self.index, name=clipped(self.name)
        )

    def _get(self, key: str, default):
        self._read.add(key)
        if key not in self.data:
            if default is _REQUIRED:
                raise self.error("network.field_missing", field=repr(key))
            return default
        return self.data[key]

    def integer(self, key: str, default=None, minimum: int = 1) -> int:
        value = self._get(key, _REQUIRED if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error("network.not_integer", field=key, value=shown(value))
        if value < minimum:
            raise self.error("network.too_small", field=key, value=shown(value), minimum=minimum)
        return value

    def pair(self, key: str, default=None, minimum: int = 1) -> tuple[int, int]:
        """An integer for both axes, or ``[height, width]``."""
        value = self._get(key, _REQUIRED if default is None else default)
        if isinstance(value, (list, tuple)):
            if len(value) != 2:
                raise self.error("network.not_pair", field=key, value=shown(value))
            values = tuple(value)
        else:
            values = (value, value)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, int):
                raise self.error("network.not_integer_pair", field=key, value=shown(value))
            if v < minimum:
                raise self.error(
                    "network.too_small", field=key, value=shown(value), minimum=minimum
                )
        return values

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.error("network.not_boolean", field=key, value=shown(value))
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self._get(key, default)
        if value not in choices:
            raise self.error(
                "network.not_choice", field=key, value=shown(value), known=", ".join(choices)
            )
        return value

    def number(self, key: str, default: float) -> float:
        """A documentation-only number (e.g. a dropout rate): checked, not used."""
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error("network.not_number", field=key, value=shown(value))
        return float(value)

    def finish(self, kind: str) -> None:
        # YAML keys may be numbers, null or booleans: sort them as text, report them as fields
        unknown = sorted(set(self.data) - self._read, key=str)
        if unknown:
            known = ", ".join(sorted(self._read))
            raise self.error(
                "network.unknown_field", field=shown(unknown[0]), kind=kind, known=known
            )


_REQUIRED = object()
