"""Our three exercises against independent oracles (plain arithmetic, no closed forms)."""

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from derivations.exercises import cost, doubling, pointwise
from derivations.exercises.instances import BOOK_EXAMPLE, REALISTIC, executed, value
from derivations.exercises.notation import percent
from derivations.scenarios import double_channels


@pytest.fixture(scope="module")
def built():
    return {m.__name__.rsplit(".", 1)[1]: m.build() for m in (cost, doubling, pointwise)}


@pytest.mark.parametrize(
    "key, layer, oracle",
    [
        ("forward_flops", BOOK_EXAMPLE, 2 * 128 * 128 * 25 * 256 * 256),
        ("forward_ops", BOOK_EXAMPLE, 128 * 256 * 256 * (2 * 128 * 25 - 1)),
        ("forward_mults", REALISTIC, 64 * 64 * 9 * 56 * 56),
        ("backward_dw_adds", REALISTIC, 64 * 64 * 9 * (56 * 56 - 1)),
        # dX at stride 1: products minus the padded positions (58 x 58 per channel)
        ("backward_dx_adds", REALISTIC, 64 * 64 * 9 * 56 * 56 - 64 * 58 * 58),
        ("memory_peak_forward", REALISTIC, 64 * 64 * 9 + 64 * 56 * 56 + 64 * 56 * 56),
    ],
)
def test_sheet_values_match_oracles(key, layer, oracle):
    assert value(key, layer) == oracle == executed(layer)[key]


def test_over_53_billion():
    assert value("forward_ops", BOOK_EXAMPLE) > 53 * 10**9


def ops_per_position(c: int, k: int) -> int:
    """Multiplications + additions one output position costs with c_i = c_o = c and a
    kernel of k taps, no bias: each of the c outputs sums c k products (c k - 1 additions)."""
    return c * (c * k + (c * k - 1))


@pytest.mark.parametrize("c, k", [(1, 9), (64, 9)])
def test_channel_doubling_ratio(c, k):
    oracle = Fraction(ops_per_position(2 * c, k), ops_per_position(c, k))  # m_h m_w cancels
    ratio = double_channels("forward_ops").ratio
    from derivations.model import c_i, k_h, k_w

    assert Fraction(str(ratio.subs({c_i: c, k_h: k, k_w: 1}))) == oracle
    assert double_channels("forward_ops").limit == 4


def windows(size: int, kernel: int, padding: int, stride: int) -> int:
    """Output size by counting the kernel's positions over the padded input (total padding)."""
    return sum(1 for start in range(0, size + padding, stride) if start + kernel <= size + padding)


# the sheet's padding-doubling table, in order: (h = w, k_h = k_w, total p_h = p_w, stride)
PADDING_CASES = [(56, 3, 2, 1), (256, 5, 4, 1), (56, 3, 2, 2), (28, 5, 4, 1), (8, 3, 2, 1)]


def _padding_rows(built) -> list:
    return [b for b in built["doubling"].blocks if b.type == "table"][-1].rows


def test_padding_doubling_table_has_the_cases(built):
    assert len(_padding_rows(built)) == len(PADDING_CASES)


def shown_percent(increase: Fraction) -> str:
    """The sheet's percentage: one decimal, rounded half up (decimal arithmetic, not the
    binary float's rounding), whatever the exact value's decimals (one precision in
    a table)."""
    exact = Decimal(increase.numerator * 100) / Decimal(increase.denominator)
    return f"{exact.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}"


@pytest.mark.parametrize(
    "index, size, k, p, s", [(i, *case) for i, case in enumerate(PADDING_CASES)]
)
def test_padding_doubling_row_equals_counted_windows(built, index, size, k, p, s):
    row = _padding_rows(built)[index]
    cells = [f"${p}\\to {2 * p}$"]
    # total reading: p rows in all, doubled to 2p; per side: 2p in all, doubled to 4p
    for total in (p, 2 * p):
        before, after = windows(size, k, total, s), windows(size, k, 2 * total, s)
        # the cost is c_i c_o k_h k_w m_h m_w: doubling the padding changes only the area
        increase = Fraction(after * after, before * before) - 1
        assert 0 < increase < 1  # tens of percent at most, never double
        cells += [f"${before}\\to {after}$", f"$+{shown_percent(increase)}\\%$"]
    assert list(row[1:]) == cells


def test_percentages_are_rounded_in_decimal():
    assert shown_percent(Fraction(9, 16)) == "56.3"  # 56.25 half up, not the float's 56.2
    assert shown_percent(Fraction(1, 3)) == "33.3" and shown_percent(Fraction(1, 40)) == "2.5"
    for increase in (Fraction(9, 16), Fraction(1, 3), Fraction(1, 40), Fraction(2, 3)):
        assert percent(1 + increase) == shown_percent(increase) + "\\%"


def test_per_side_padding_shares_the_run_of_its_total_padding_twin():
    """The memo key of a per-side layer is its total-padding twin (same zeros, same
    places): one run, the same counts as running the per-side layer itself."""
    import numpy as np

    from derivations.execute import run_layer
    from derivations.exercises.instances import _executed
    from derivations.model import Layer

    per_side = Layer(2, 3, 6, 5, 3, 3, p_h=1, p_w=2, padding_convention="per-side")
    twin = per_side.replace(p_h=2, p_w=4, padding_convention="total")
    assert per_side.padding_split("h") == twin.padding_split("h")
    before = _executed.cache_info().currsize
    counts = executed(per_side)
    assert executed(twin) is counts and _executed.cache_info().currsize == before + 1
    assert counts == dict(run_layer(per_side, seed=0, dtype=np.float32).counts)


@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("padding", [0, 3])
def test_a_forward_only_run_counts_what_the_whole_instrumented_run_counts(bias, padding):
    """The forward-only path (drawn tensors shared, the bias-free product shared with a
    layer with bias) against the full forward and backward run of the same layer."""
    import numpy as np

    from derivations.execute import run_layer
    from derivations.exercises.instances import FORWARD_KEYS, _forward_only
    from derivations.model import Layer

    layer = Layer(3, 4, 7, 6, 3, 2, p_h=padding, p_w=padding, bias=bias)
    whole = run_layer(layer, seed=0, dtype=np.float32).counts
    assert _forward_only(layer) == {key: whole[key] for key in FORWARD_KEYS}


def test_forward_only_tensors_are_the_ones_random_tensors_draws():
    import numpy as np

    from derivations.execute import random_tensors
    from derivations.exercises.instances import _drawn
    from derivations.model import Layer

    layer = Layer(3, 5, 6, 4, 3, 3, bias=True)
    x, weight, bias, _ = random_tensors(layer, 0, np.float32, output_gradient=False)
    drawn = _drawn(layer.input_shape, layer.weight_shape)
    for mine, theirs in zip(drawn, (x, weight, bias)):
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
    assert not any(array.flags.writeable for array in drawn)


def test_a_layer_with_bias_shares_the_product_of_its_bias_free_twin(monkeypatch):
    """The sheets' book-sized layer with and without bias: one convolution product, and
    the input drawn once for every padding."""
    import derivations.conv
    import derivations.exercises.instances as instances
    from derivations.model import Layer
    from derivations.registry.forms import Form

    products, draws = [], []
    real_conv, real_drawn = derivations.conv.conv2d_forward, instances._drawn.__wrapped__
    monkeypatch.setattr(
        derivations.conv,
        "conv2d_forward",
        lambda *a: products.append(a[-1]) or real_conv(*a),
    )
    monkeypatch.setattr(
        instances, "_drawn", instances.lru_cache(1)(lambda *a: draws.append(a) or real_drawn(*a))
    )
    instances._LAST_PRODUCT.clear()
    layer = Layer(4, 4, 9, 9, 3, 3, p_h=2, p_w=2)
    plain, biased = (
        instances._forward_only(layer),
        instances._forward_only(layer.replace(bias=True)),
    )
    instances._forward_only(layer.replace(p_h=4, p_w=4))
    assert products == [layer, layer.replace(p_h=4, p_w=4)] and len(draws) == 1
    assert list(instances._LAST_PRODUCT) == [layer.replace(p_h=4, p_w=4)]  # one output held
    assert biased[Form.FORWARD_MULTS] == plain[Form.FORWARD_MULTS]
    assert biased[Form.FORWARD_ADDS] == plain[Form.FORWARD_ADDS] + 4 * 9 * 9


PERCENTAGE = re.compile(r"(\d+(?:\.(\d+))?)\s*\\?%")


def _cell_texts(cell) -> list[str]:
    """A table cell's text in every language (a cell is a string or one per language)."""
    return list(cell.values()) if isinstance(cell, dict) else [str(cell)]


def test_each_table_prints_its_percentages_to_one_precision():
    """Within one table of either sheet every percentage has the same number of decimals
    (not "+6.2%" beside "+56.25%")."""
    from derivations.commands import docs

    exercises, _, _ = docs._built(recheck=False, jobs=1)
    tables = [b for e in exercises for b in e.blocks if getattr(b, "type", None) == "table"]
    mixed, with_percent = [], 0
    for table in tables:
        cells = " ".join(t for row in table.rows for cell in row for t in _cell_texts(cell))
        decimals = {len(m.group(2) or "") for m in PERCENTAGE.finditer(cells)}
        with_percent += bool(decimals)
        if len(decimals) > 1:
            mixed.append((table.header, decimals))
    assert len(tables) > 20 and with_percent >= 3, (len(tables), with_percent)
    assert mixed == []
