"""Our three exercises against independent oracles (plain arithmetic, no closed forms)."""

from fractions import Fraction

import pytest

from derivations.exercises import cost, doubling, pointwise
from derivations.exercises.instances import BOOK_EXAMPLE, REALISTIC, executed, value
from derivations.scenarios import double_channels


@pytest.fixture(scope="module")
def built():
    return {m.__name__.rsplit(".", 1)[1]: m.build() for m in (cost, doubling, pointwise)}


@pytest.mark.parametrize("name, numbers", [
    ("cost", {"en": 2, "zh": 2}), ("doubling", {"en": 3, "zh": 3}),
    ("pointwise", {"en": None, "zh": 4}),
])
def test_numbers_in_each_edition(built, name, numbers):
    assert built[name].numbers == numbers


@pytest.mark.parametrize("key, layer, oracle", [
    ("forward_flops", BOOK_EXAMPLE, 2 * 128 * 128 * 25 * 256 * 256),
    ("forward_ops", BOOK_EXAMPLE, 128 * 256 * 256 * (2 * 128 * 25 - 1)),
    ("forward_mults", REALISTIC, 64 * 64 * 9 * 56 * 56),
    ("backward_dw_adds", REALISTIC, 64 * 64 * 9 * (56 * 56 - 1)),
    # dX at stride 1: products minus the padded positions (58 x 58 per channel)
    ("backward_dx_adds", REALISTIC, 64 * 64 * 9 * 56 * 56 - 64 * 58 * 58),
    ("memory_peak_forward", REALISTIC, 64 * 64 * 9 + 64 * 56 * 56 + 64 * 56 * 56),
])
def test_sheet_values_match_oracles(key, layer, oracle):
    assert value(key, layer) == oracle == executed(layer)[key]


def test_over_53_billion():
    assert value("forward_ops", BOOK_EXAMPLE) > 53 * 10 ** 9


@pytest.mark.parametrize("c, k, oracle", [
    (1, 9, Fraction(70, 17)), (64, 9, Fraction(2 * (4 * 576 - 1), 2 * 576 - 1))])
def test_channel_doubling_ratio(c, k, oracle):
    ratio = double_channels("forward_ops").ratio
    from derivations.model import c_i, k_h, k_w
    assert Fraction(str(ratio.subs({c_i: c, k_h: k, k_w: 1}))) == oracle
    assert double_channels("forward_ops").limit == 4


def test_padding_doubling_is_tens_of_percent_not_double(built):
    tables = [b for b in built["doubling"].blocks if b["type"] == "table"]
    increases = [float(row[3].strip("$+").replace("\\%", "")) for row in tables[-1]["rows"]]
    assert all(0 < x < 100 for x in increases) and max(increases) > 10 and min(increases) < 5
