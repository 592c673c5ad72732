"""Printing exact integers of any size: grouped digits, or scientific form past Python's
integer-to-text limit; long user values echoed truncated.

Python refuses to convert an integer of more than ``sys.get_int_max_str_digits()``
digits (4300 by default) to text (a guard against quadratic conversion).  Counts derived
from large layers pass it easily (a product of 2200-digit sizes), so every count we print
goes through :func:`grouped` or :func:`json_number`: exact digits when they fit,
otherwise ``1.23457e+8841`` with the mantissa rounded half up from the exact integer.
Nothing here converts a too-long integer to text.

Also, once for the checker and the number forms: reading a number written in Chinese
numerals (:func:`chinese_number`: ``一千二百九十六``, ``四点零四``).
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
    "CHINESE_NUMERAL",
    "CHINESE_SCALES",
    "chinese_number",
]

SIGNIFICANT = 6  # digits of a scientific mantissa
ECHO = 24  # characters of a long user value echoed in an error (head and tail)
# the Chinese scales after a number (``12万``, ``1.2亿``), and between the sections of a
# number in Chinese numerals (``十二万三千``)
CHINESE_SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# Chinese numerals: the digits, and the units within a section of four digits (those
# between sections are CHINESE_SCALES' 万 and 亿)
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = frozenset((*_CHINESE_DIGITS, *_CHINESE_UNITS, "万", "亿"))


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


def _chinese_section(text: str) -> int | None:
    """The value of Chinese numerals below ten thousand: each digit followed by a unit
    smaller than the one before (``一千二百九十六``; ``十`` alone opens ``十二``), ``零`` where
    units are skipped (``一百零八``); None otherwise, also for the spoken shorthand that
    drops the last unit (``两千五``: 2500 or 2005?)."""
    value, digit, last, zero = 0, None, 10**4, False
    for char in text:
        if char in _CHINESE_UNITS:
            unit = _CHINESE_UNITS[char]
            if unit >= last or (digit is None and (value or zero or unit != 10)):
                return None
            value += (1 if digit is None else digit) * unit
            digit, last, zero = None, unit, False
        elif digit is not None or (_CHINESE_DIGITS[char] == 0 and (zero or not value)):
            return None  # two digits side by side, a 零 twice, first or alone
        elif _CHINESE_DIGITS[char] == 0:
            zero = True
        else:
            digit = _CHINESE_DIGITS[char]
    if (digit is None and zero) or (digit is not None and last > 10 and last < 10**4 and not zero):
        return None
    return value + (digit or 0)


def _chinese_integer(text: str) -> int | None:
    """The whole number ``text`` states in Chinese numerals, its sections joined by
    ``亿`` and ``万`` (``十二万三千``, ``三万零五``), or None (:func:`_chinese_section`)."""
    if not text or not set(text) <= CHINESE_NUMERAL:
        return None
    for word in ("亿", "万"):
        high, found, low = text.partition(word)
        if not found:
            continue
        upper = _chinese_integer(high)
        skipped = low[:1] in ("零", "〇")
        rest = _chinese_integer(low[1:] if skipped else low) if low else 0
        # (三万五 is spoken shorthand for 35000: a lower section needs its 千 or a 零)
        if (
            not upper
            or rest is None
            or rest >= CHINESE_SCALES[word]
            or (low and not skipped and rest < CHINESE_SCALES[word] // 10)
        ):
            return None
        return upper * CHINESE_SCALES[word] + rest
    return _chinese_section(text)


def chinese_number(text: str) -> str | None:
    """The number ``text`` states in Chinese numerals, as digits (``一千二百九十六``:
    ``1296``; ``四点零四``: ``4.04``; ``零点五``: ``0.5``, its decimals digit by digit after 点), or None where
    it is none (``一二``, ``两千五``, ``十十``, ``四点``, ``四点十``)."""
    whole, point, decimals = text.partition("点")
    value = 0 if point and whole in ("零", "〇") else _chinese_integer(whole)  # 零点五
    if value is None or (point and not decimals):
        return None
    if any(c not in _CHINESE_DIGITS for c in decimals):
        return None
    return f"{value}.{''.join(str(_CHINESE_DIGITS[c]) for c in decimals)}" if point else str(value)
