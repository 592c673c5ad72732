"""File names made from user text (student ids) that stay apart on every disk.

A name is kept to ASCII letters, digits and ``._-`` (the rest ``_``), never empty, never
ending in a dot or a space, never a Windows device name (``CON``, ``prn``, ``COM1``,
``LPT9``... with any extension: ``CON.md`` is the console on Windows): such a name's part
before its first dot gets a ``_`` (``CON_.md``).  Two names are the same when they are equal ignoring case (macOS and Windows disks,
vfat): :class:`NameBook` numbers the second one apart (``alice-2``), and
:func:`digest_name` carries the whole SHA-256 of the id, so two ids never share a file.
"""

from __future__ import annotations

import re

__all__ = ["WINDOWS_DEVICES", "safe_base", "digest_name", "NameBook"]

WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³"]
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_base(text: str, limit: int = 80, fallback: str = "student") -> str:
    """``text`` as a file name's base: see the module (at most ``limit`` characters)."""
    base = _UNSAFE.sub("_", text)[:limit].strip("._ -") or fallback
    first, dot, rest = base.partition(".")
    if first.upper() in WINDOWS_DEVICES:  # CON.md and con.tar.gz are the console too
        base = f"{first}_{dot}{rest}"
    return base


def digest_name(text: str, suffix: str, limit: int = 60) -> str:
    """``<safe base>-<SHA-256 of text, 64 hex digits><suffix>``: one name per text."""
    import hashlib  # only here: a grade that names no file by digest skips its start-up

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{safe_base(text, limit)}-{digest}{suffix}"


class NameBook:
    """Names handed out in order, none equal to another ignoring case: the second
    ``Alice`` (or ``alice``) is ``alice-2``, then ``-3``..., skipping names taken."""

    def __init__(self, reserved=()):
        self.taken = {name.casefold() for name in reserved}

    def name(self, text: str, limit: int = 80) -> str:
        base = safe_base(text, limit)
        name, number = base, 1
        while name.casefold() in self.taken:
            number += 1
            name = f"{base}-{number}"
        self.taken.add(name.casefold())
        return name
