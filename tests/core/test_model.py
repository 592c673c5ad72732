"""The layer model: output shapes against the book's worked examples, validity domain."""

import pytest
import sympy as sp

from derivations.errors import DerivationError
from derivations.model import Layer, c_i, h, k_h, output_size, p_h, s_h

# (layer kwargs, (m_h, m_w)) from d2l's "Padding and Stride" section and PyTorch's formula
BOOK_SHAPES = [
    (dict(h=8, w=8, k_h=3, k_w=3, p_h=2, p_w=2), (8, 8)),  # total p = 2
    (dict(h=8, w=8, k_h=3, k_w=3, p_h=1, p_w=1, padding_convention="per-side"), (8, 8)),
    (dict(h=8, w=8, k_h=5, k_w=3, p_h=2, p_w=1, padding_convention="per-side"), (8, 8)),
    (
        dict(h=8, w=8, k_h=3, k_w=3, p_h=1, p_w=1, s_h=2, s_w=2, padding_convention="per-side"),
        (4, 4),
    ),
    (
        dict(h=8, w=8, k_h=3, k_w=5, p_h=0, p_w=1, s_h=3, s_w=4, padding_convention="per-side"),
        (2, 2),
    ),
    (dict(h=3, w=3, k_h=2, k_w=2), (2, 2)),  # corr2d
    (dict(h=7, w=7, k_h=3, k_w=3, d_h=2, d_w=2, padding_convention="per-side"), (3, 3)),
    (dict(h=5, w=5, k_h=3, k_w=3, p_h=1, p_w=1, s_h=2, s_w=2), (2, 2)),  # floor bites
]


@pytest.mark.parametrize("kwargs, expected", BOOK_SHAPES)
def test_output_shape(kwargs, expected):
    layer = Layer(c_i=1, c_o=1, **kwargs)
    assert (layer.m_h, layer.m_w) == expected


def test_conventions_agree_when_total_is_twice_per_side():
    for hh in range(1, 12):
        for k in range(1, 5):
            for p in range(0, 3):
                for s in range(1, 4):
                    if k > hh + 2 * p:
                        continue
                    assert output_size(hh, k, 2 * p, s, 1, "total") == output_size(
                        hh, k, p, s, 1, "per-side"
                    )


def test_symbolic_output_size_is_the_books_formula():
    assert output_size(h, k_h, p_h, s_h) == sp.floor((h - k_h + p_h + s_h) / s_h)


def test_padding_split_follows_the_book():
    assert Layer(c_i=1, c_o=1, h=4, w=4, k_h=1, k_w=1, p_h=3, p_w=2).padding_split("h") == (2, 1)
    assert Layer(
        c_i=1, c_o=1, h=4, w=4, k_h=1, k_w=1, p_h=3, padding_convention="per-side"
    ).padding_split("h") == (3, 3)


BAD = [
    (dict(c_i=0), "c_i=0"),
    (dict(h=-2), "h=-2"),
    (dict(p_h=-1), "p_h=-1"),
    (dict(k_h=9), "k_h=9"),
    (dict(k_h=3, d_h=4), "dilated to 9"),
    (dict(groups=2), "groups=2 does not divide c_i=3"),
    (dict(c_i=4, groups=2), "groups=2 does not divide c_o=5"),
    (dict(h=2.5), "h=2.5"),
    (dict(s_w=True), "s_w=True"),
    (dict(padding_convention="both"), "'both'"),
    (dict(bias="yes"), "bias='yes'"),
]


@pytest.mark.parametrize("change, named", BAD)
def test_invalid_layer_is_one_line_naming_the_value(change, named):
    kwargs = dict(c_i=3, c_o=5, h=5, w=5, k_h=3, k_w=3) | change
    with pytest.raises(DerivationError) as error:
        Layer(**kwargs)
    assert named in str(error.value) and "\n" not in str(error.value)


def test_kernel_equal_to_padded_input_is_valid():
    assert Layer(c_i=1, c_o=1, h=3, w=3, k_h=5, k_w=5, p_h=2, p_w=2).output_shape == (1, 1, 1, 1)
    assert c_i.is_positive and p_h.is_nonnegative


@pytest.mark.parametrize("size", [2**53 + 1, 10**40 + 7, int("9" * 400)])
def test_huge_sizes_stay_exact(size):
    layer = Layer(c_i=1, c_o=1, h=size, w=1, k_h=1, k_w=1, p_h=2, s_h=3)
    assert layer.m_h == (size + 2 - 1 + 3) // 3
    assert (
        Layer(
            c_i=1, c_o=1, h=size, w=1, k_h=1, k_w=1, padding_convention="per-side", p_h=1, s_h=2
        ).m_h
        == (size + 2 - 1) // 2 + 1
    )
