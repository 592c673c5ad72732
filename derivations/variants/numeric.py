"""Reading a numeric answer: exact, never evaluated (a small grammar of numerals).

Accepted: integers with or without thousands separators (``1234567``, ``1,234,567``,
``1 234 567``, thin or no-break spaces, ``1_234_567``); decimals (``3.98``); scientific
notation (``1.2e6``, ``1.2E+06``, ``1.2×10^6``, ``1.2*10^6``, ``1.2·10⁶``); fractions
(``70/17``); mixed numbers (``4 2/53``); whole numbers in Chinese numerals (``四``, ``十二``,
``一千二百九十六``, ``两千零八``, ``三万零五``); a trailing Chinese ``万`` (10^4), ``亿`` (10^8) or ``万亿`` (10^12), or an SI
prefix ``k``/``K`` (10^3), ``M`` (10^6), ``G`` (10^9), after a plain number (``12万``,
``1.2亿``, ``1.296k``); an optional leading ``=`` and trailing ``个``/``次``/
``elements``.  Anything else is not a number (and may be a formula).  The value is an
exact :class:`~fractions.Fraction`; :attr:`Numeral.decimals` is how many decimal places
the student wrote (a rounded ratio is judged to that precision).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "Numeral",
    "read_number",
    "MAX_NUMERAL",
    "CHINESE_SCALES",
    "SI_PREFIXES",
    "SCALE_WORDS",
    "CHINESE_NUMERAL",
]

MAX_NUMERAL = 200  # characters: no count of a drawn layer needs more
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_GROUPED = re.compile(r"^\d{1,3}(?:([,  _\u202f\u2009])\d{3})(?:\1\d{3})*$")
_PLAIN = re.compile(r"^(\d+)(?:\.(\d+))?$")
_SCIENTIFIC = re.compile(
    r"^(\d+(?:\.\d+)?)\s*(?:[eE]\s*([+-]?\d{1,3})|[x×*·]\s*10\s*(?:\^|\*\*)?\s*\(?([+-]?\d{1,3})\)?)$"
)
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
# a mixed number, a whole number and a proper fraction (``4 2/53`` = 214/53), never the
# product 4 × 2/53 (s13exam E13)
_MIXED = re.compile(r"^(\d+)\s+(\d+)\s*/\s*(\d+)$")
CHINESE_SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# an SI prefix after a plain number (``1.296k``, ``2.5 M``): a thousand, a million, a
# billion; never the kernel size k times the number, which a number form does not ask
# (s13exam E6: ``1.296k`` was read as a formula in k and called wrong)
SI_PREFIXES = {"k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9}
# the words of a scale said apart from a number (``1296 (in thousands)``, ``（千次）``,
# ``(×10^3)``) besides CHINESE_SCALES and SI_PREFIXES: never a remark on the number (s14rev F9)
SCALE_WORDS = ("thousands", "thousand", "millions", "million", "billions", "billion", "千", "百万")
_SUFFIXES = ("个", "次", "elements", "element")
# the suffixes that say the number counts elements (a memory's unit, which bytes are not)
_ELEMENTS = frozenset({"个", "elements", "element"})
# ... of them, the words of a memory's unit (个 is a measure word of any count)
_MEMORY_WORDS = frozenset({"elements", "element"})


# Chinese numerals: the digits, and the units within a section of four digits (those
# between sections are CHINESE_SCALES' 万 and 亿)
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = frozenset((*_CHINESE_DIGITS, *_CHINESE_UNITS, "万", "亿"))


@dataclass(frozen=True)
class Numeral:
    value: Fraction
    decimals: int | None  # decimal places written; None for integers and fractions
    unit: str | None = None  # "elements": said after it (elements, 个), as a formula's unit
    word: str | None = None  # the memory's unit word said after it (elements), as written


def _plain(text: str) -> Numeral | None:
    if _GROUPED.match(text):
        return Numeral(Fraction(re.sub(r"\D", "", text)), None)
    match = _PLAIN.match(text)
    if match:
        fraction = match.group(2)
        return Numeral(Fraction(text), len(fraction) if fraction else None)
    return None


def read_number(raw: str) -> Numeral | None:
    """The number ``raw`` states, or ``None`` when it is not a plain numeral."""
    if not isinstance(raw, str) or len(raw) > MAX_NUMERAL:
        return None
    text = unicodedata.normalize("NFKC", raw.translate(_SUPERSCRIPTS)).strip()
    text = text.removeprefix("=").strip()
    unit = word = None
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
            unit = "elements" if suffix in _ELEMENTS else None
            word = suffix if suffix in _MEMORY_WORDS else None
            break
    if not text:
        return None
    numeral = _numeral(text)
    if numeral is None or unit is None:
        return numeral
    return Numeral(numeral.value, numeral.decimals, unit, word)


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


def _numeral(text: str) -> Numeral | None:
    """The number ``text`` (no suffix) states, or None."""
    chinese = _chinese_integer(text) if text[0] in CHINESE_NUMERAL else None
    if chinese is not None:
        return Numeral(Fraction(chinese), None)
    for word, scale in (*CHINESE_SCALES.items(), *SI_PREFIXES.items()):
        if text.endswith(word):
            number = _PLAIN.match(text[: -len(word)].strip())
            if not number:
                return None
            return Numeral(Fraction(number.group(0)) * scale, None)
    plain = _plain(text)
    if plain:
        return plain
    match = _SCIENTIFIC.match(text)
    if match:
        mantissa, exponent = match.group(1), match.group(2) or match.group(3)
        return Numeral(Fraction(mantissa) * Fraction(10) ** int(exponent), None)
    match = _MIXED.match(text)
    if match and int(match.group(2)) < int(match.group(3)):
        whole, part, whole_of = (int(group) for group in match.groups())
        return Numeral(whole + Fraction(part, whole_of), None)
    match = _FRACTION.match(text)
    if match and int(match.group(2)) != 0:
        return Numeral(Fraction(int(match.group(1)), int(match.group(2))), None)
    return None
