"""Reading a numeric answer: exact, never evaluated (a small grammar of numerals).

Accepted: integers with or without thousands separators (``1234567``, ``1,234,567``,
``1 234 567``, thin or no-break spaces, ``1_234_567``); decimals (``3.98``); scientific
notation (``1.2e6``, ``1.2E+06``, ``1.2×10^6``, ``1.2*10^6``, ``1.2·10⁶``); fractions
(``70/17``); mixed numbers (``4 2/53``); whole numbers in Chinese numerals (``四``, ``十二``,
``一千二百九十六``, ``两千零八``, ``三万零五``) and decimals in them (``四点零四``:
:func:`derivations.numbers.chinese_number`); a trailing Chinese ``万`` (10^4), ``亿`` (10^8) or ``万亿`` (10^12), or an SI
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

from derivations.numbers import CHINESE_NUMERAL, CHINESE_SCALES, chinese_number

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


def _numeral(text: str) -> Numeral | None:
    """The number ``text`` (no suffix) states, or None."""
    chinese = chinese_number(text) if text[0] in CHINESE_NUMERAL else None
    if chinese is not None:  # 一千二百九十六, 四点零四 (its decimals as written)
        _, point, decimals = chinese.partition(".")
        return Numeral(Fraction(chinese), len(decimals) if point else None)
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
