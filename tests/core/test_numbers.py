"""Printing exact integers of any size (oracle: Decimal at ample precision)."""

import decimal
import random

import pytest

from derivations.numbers import digit_limit, digits, grouped, json_number, scientific, shown


def _oracle(n: int, significant: int) -> str:
    with decimal.localcontext() as context:
        context.prec = significant
        context.rounding = decimal.ROUND_HALF_UP
        context.Emax = 10**9
        value = +decimal.Decimal(n)
    mantissa, exponent = f"{value:.{significant - 1}e}".split("e")
    return f"{mantissa}e+{int(exponent)}"


@pytest.mark.parametrize(
    "n",
    [1, 9, 10, 99, 999_999, 9_999_995, 123_456_789, 10**50 - 1, 10**4400 + 5 * 10**4394, 7**9000],
    ids=lambda n: f"{digits(n)}-digits-{n % 1000}",
)
def test_scientific_is_rounded_half_up_from_the_exact_integer(n):
    assert scientific(n) == _oracle(n, 6)
    assert scientific(-n) == "-" + _oracle(n, 6)


def test_digits_without_text():
    rng = random.Random(3)
    for _ in range(200):
        n = rng.randrange(1, 10 ** rng.randint(1, 400))
        assert digits(n) == len(str(n))
    assert digits(0) == 1 and digits(10**5000) == 5001


def test_grouped_and_json_switch_to_scientific_past_the_digit_limit():
    limit = digit_limit()
    assert limit == 4300  # Python's default; the CLI relies on it
    assert grouped(1234567) == "1,234,567" and json_number(1234567) == 1234567
    fits = 10 ** (limit - 1)
    assert grouped(fits).startswith("1,000") and json_number(fits) == fits
    over = 3 * 10**limit
    assert grouped(over) == json_number(over) == f"3.00000e+{limit}"


def test_shown_truncates_long_values_and_never_converts_huge_ints():
    assert shown("3.5") == "'3.5'" and shown(42) == "42"
    long_text = shown("9" * 4301)
    assert len(long_text) < 60 and "(4301 characters)" in long_text
    assert shown(10**5000) == "1.00000e+5000 (5001 digits)"
