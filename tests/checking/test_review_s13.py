"""Wrong answers session 13's review (s13rev) found accepted, each closed where it was
let in, with right answers of the same shape that stay accepted:

- a clause after a formula that opens with a ``then`` word and says an operation the
  grammar does not know (``, then halved``) was dropped as prose: now refused in one line
  naming it (``checker.reason.words_arithmetic``; ``reading.spoken.arithmetic_after``);
- a receptive field's step run from one pixel whatever start the answer gives
  (``r = 0; r += (k - 1) * j``): now run from the number the answer starts from
  (``reading.recursion._start``)."""

from __future__ import annotations

import pytest

from derivations.checking.checker import check

ACCEPTED = ("equivalent", "equivalent_under_convention")

ROWS = [
    ("forward-mults", "c_o c_i k_h k_w m_h m_w, then halved", False),
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w, and then divided in two", False),
    ("output-height", "(h + p_h - k_h + s_h)/s_h, then doubled", False),
    ("output-height", "(h + p_h - k_h + s_h)/s_h, then subtract one", False),
    ("output-height", "(h - k_h + p_h) / s_h rounded down, plus 1", True),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w", True),
    ("compose-size", "r = 0; r += (k - 1) * j", False),
    ("compose-size", "rf = 2\nrf = rf + (k - 1) * j", False),
    ("compose-size", "r = 1; r += (k - 1) * j", True),
    ("compose-size", "r += (k - 1) * j", True),
]


@pytest.mark.parametrize("question, answer, accepted", ROWS)
def test_the_reviews_wrong_answers_are_not_accepted(question, answer, accepted):
    result = check(question, answer)
    assert (result.verdict in ACCEPTED) == accepted, (answer, result.verdict, result.error)
