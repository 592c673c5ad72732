"""One rule for a number answered to a per-student question, applied where ``grade
--variants`` grades it and written into the Moodle XML, so that both give one mark:

- a question whose key is a whole number for every student: the answer must equal it;
- a question whose key is a fraction for some student (a ratio, e.g. ``double-channels``):
  the answer may differ from the key by at most :data:`RATIO_TOLERANCE` = 0.005 (two
  decimal places), absolutely: Moodle's "nominal" tolerance (``tolerancetype`` 2;
  ``question/type/numerical/question.php``, ``qtype_numerical_answer::
  get_tolerance_interval``: ``[answer - tolerance, answer + tolerance]``, widened by
  PHP's float precision only).

A number that is not the key's but, by the same rule, the value of a catalogue variant
under named conventions (MACs, per-side padding, ...) is that variant's: ``grade`` gives
it the rubric's credit for those conventions, and the Moodle XML carries each such
variant as a further answer with the default rubric's credit, after the key's, in
catalogue order (Moodle takes the first answer whose interval holds the response; so
does ``grade``).
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["RATIO_PLACES", "RATIO_TOLERANCE", "MOODLE_FRACTIONS", "is_ratio", "tolerance", "within"]

RATIO_PLACES = 2  # decimal places a ratio is answered to (rounded)
RATIO_TOLERANCE = Fraction(1, 2 * 10**RATIO_PLACES)
# the grades (percent) Moodle's question editor offers for an answer
# (question_bank::fraction_options), those exact in a decimal: the only credits exported
MOODLE_FRACTIONS = frozenset(
    Fraction(p, 100) for p in (100, 90, 80, 75, 70, 60, 50, 40, 30, 25, 20, 10, 5, 0)
) | {Fraction(1, 8)}


def is_ratio(values) -> bool:
    """Whether a question with these key values (every student's) is a ratio question."""
    return any(isinstance(v, Fraction) and v.denominator != 1 for v in values)


def tolerance(ratio: bool) -> Fraction:
    return RATIO_TOLERANCE if ratio else Fraction(0)


def within(answer: Fraction, value, ratio: bool) -> bool:
    """``answer`` states ``value`` under the rule (``value`` None: undefined, never)."""
    return value is not None and abs(answer - value) <= tolerance(ratio)
