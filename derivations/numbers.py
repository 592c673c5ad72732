"""Printing exact integers of any size: grouped digits, or scientific form past Python's
integer-to-text limit; long user values echoed truncated.

Python refuses to convert an integer of more than ``sys.get_int_max_str_digits()``
digits (4300 by default) to text (a guard against quadratic conversion).  Counts derived
from large layers pass it easily (a product of 2200-digit sizes), so every count we print
goes through :func:`grouped` or :func:`json_number`: exact digits when they fit,
otherwise ``1.23457e+8841`` with the mantissa rounded half up from the exact integer.
Nothing here converts a too-long integer to text.
"""

from __future__ import annotations

import sys

__all__ = [
    "digit_limit",
    "digits",
    "scientific",
    "fits",
    "grouped",
    "json_number",
    "shown",
    "SIGNIFICANT",
]

SIGNIFICANT = 6  # digits of a scientific mantissa
ECHO = 24  # characters of a long user value echoed in an error (head and tail)


def digit_limit() -> int:
    """The interpreter's limit on digits converted to text (0: none)."""
    get = getattr(sys, "get_int_max_str_digits", None)
    return get() if get else 0


def digits(n: int) -> int:
    """Decimal digits of ``|n|`` (1 for 0), without converting it to text."""
    n = abs(n)
    if n == 0:
        return 1
    estimate = max(0, (n.bit_length() - 1) * 30103 // 100000)  # floor(log10 2^(b-1))
    while 10 ** (estimate + 1) <= n:
        estimate += 1
    return estimate + 1


def scientific(n: int, significant: int = SIGNIFICANT) -> str:
    """``n`` as ``1.23457e+8841``: the mantissa rounded half up from the exact integer."""
    sign, n = ("-", -n) if n < 0 else ("", n)
    if n == 0:
        return "0"
    exponent = digits(n) - 1
    shift = exponent - (significant - 1)
    mantissa = n * 10**-shift if shift < 0 else (2 * n + 10**shift) // (2 * 10**shift)
    if mantissa >= 10**significant:  # 9.999995e5 rounds up to 1.00000e6
        mantissa, exponent = mantissa // 10, exponent + 1
    head, tail = divmod(mantissa, 10 ** (significant - 1))
    return f"{sign}{head}.{tail:0{significant - 1}d}e+{exponent}"


def fits(n: int) -> bool:
    """Whether ``n`` can be written out in digits under the interpreter's limit."""
    limit = digit_limit()
    return not limit or digits(n) <= limit


def grouped(n: int) -> str:
    """``1,234,567``, or the scientific form when the digits are over the limit."""
    return f"{n:,}" if fits(n) else scientific(n)


def json_number(n: int) -> int | str:
    """The integer itself for JSON, or its scientific form (a string) over the limit."""
    return n if fits(n) else scientific(n)


def shown(value: object, width: int = ECHO) -> str:
    """A user value for an error message: ``repr`` of text, digits of an integer, cut to
    ``head…tail (N characters)`` when long (and never converting a too-long int)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not fits(value) or digits(value) > 2 * width:
            return f"{scientific(value)} ({digits(value)} digits)"
        return str(value)
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= 2 * width:
        return repr(text) if isinstance(value, str) else text
    cut = f"{text[: width // 2 * 2 - 8]}…{text[-6:]}"
    return (
        f"{cut!r} ({len(text)} characters)"
        if isinstance(value, str)
        else f"{cut} ({len(text)} characters)"
    )
