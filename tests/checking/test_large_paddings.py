"""A term that vanishes at every padding the samples had (s14exam E24): the layers
compared padded by at most 5, so ``… + floor(p_h/6)`` was "Correct", wrong at every
p_h ≥ 6.  Two large layers pad by far more (10^6 to 2^33).  Wrong answers of our own,
each wrong at some layer we compute here, are never accepted; the right ones still are."""

from __future__ import annotations

import pytest

from derivations.checking import check
from derivations.checking.deciding.samples import layer_points
from tests.checking.rows import RIGHT, never_accepted_test

HEIGHT = "floor((h - k_h + p_h)/s_h) + 1"
OPS = "c_o m_h m_w (2 c_i k_h k_w - 1)"
WRONG = [
    ("output-height", f"{HEIGHT} + floor(p_h/6)"),
    ("output-height", f"{HEIGHT} - floor(p_h/40)"),
    ("output-width", "floor((w - k_w + p_w)/s_w) + 1 + floor(p_w/1000)"),
    ("forward-ops", f"{OPS} + floor(p_h/41)"),
    ("forward-ops", "c_o c_i k_h k_w m_h m_w + floor(p_w/40)"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (1 + floor(p_h/100))"),
    ("output-height", f"{HEIGHT} + floor(p_h/(h + 1000))"),
]

test_a_term_in_a_large_padding_is_never_accepted = never_accepted_test(WRONG)


def test_the_samples_pad_beyond_the_divisors_above():
    largest = max(point["p_h"] for point in layer_points())
    assert largest > 10**6
    assert max(point["p_w"] for point in layer_points()) > 10**6


@pytest.mark.parametrize("question, answer", [("output-height", HEIGHT), ("forward-ops", OPS)])
def test_the_right_answers_stay_right(question, answer):
    assert check(question, answer).verdict in RIGHT
