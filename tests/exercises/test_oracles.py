"""The core claims of the sheets, against independent oracles (NumPy, SciPy, brute force)."""

import itertools
import re
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy.signal import convolve2d, correlate2d

from derivations.counted import Counted, counting
from derivations.exercises import equal_outputs
from derivations.exercises.document import Math, Paragraph
from derivations.exercises.maths import blocks, compose, matmul, strips
from derivations.exercises.maths import equal_outputs as equal_outputs_maths
from derivations.model import Layer


# --- compose -------------------------------------------------------------------------
@pytest.mark.parametrize("k1,k2", [(1, 1), (2, 3), (3, 3), (4, 2), (5, 7)])
def test_two_correlations_are_one_with_the_convolved_kernel_1d(k1, k2):
    rng = np.random.default_rng(k1 * 10 + k2)
    x, a, b = rng.standard_normal(20), rng.standard_normal(k1), rng.standard_normal(k2)
    two = np.correlate(np.correlate(x, a, "valid"), b, "valid")
    one = np.correlate(x, np.convolve(a, b), "valid")
    np.testing.assert_allclose(two, one, rtol=1e-12, atol=1e-12)
    assert np.convolve(a, b).size == k1 + k2 - 1
    np.testing.assert_allclose(compose.full_convolve1d(list(a), list(b)), np.convolve(a, b))


@pytest.mark.parametrize("k1,k2", [(1, 2), (2, 2), (2, 3), (3, 3)])
def test_composed_support_matches_numpy(k1, k2):
    assert compose.composed_support(k1, k2) == np.convolve(np.ones(k1), np.ones(k2)).size


def test_compose_kernels_against_scipy_with_channels():
    rng = np.random.default_rng(0)
    c_i, c_m, c_o = 2, 3, 2
    x = rng.standard_normal((c_i, 9, 9))
    w1, w2 = rng.standard_normal((c_m, c_i, 2, 3)), rng.standard_normal((c_o, c_m, 3, 2))
    mid = [sum(correlate2d(x[c], w1[m, c], "valid") for c in range(c_i)) for m in range(c_m)]
    two = [sum(correlate2d(mid[m], w2[o, m], "valid") for m in range(c_m)) for o in range(c_o)]
    kern = compose.compose_kernels(w1, w2)
    assert kern.shape == (c_o, c_i, 2 + 3 - 1, 3 + 2 - 1)
    for o, c in itertools.product(range(c_o), range(c_i)):
        np.testing.assert_allclose(
            kern[o, c], sum(convolve2d(w2[o, m], w1[m, c]) for m in range(c_m)), atol=1e-12
        )
    one = [sum(correlate2d(x[c], kern[o, c], "valid") for c in range(c_i)) for o in range(c_o)]
    np.testing.assert_allclose(two, one, atol=1e-10)


def test_parallel_sum_is_not_the_composition():
    # the common wrong "proof": adding the kernels
    x = np.arange(10.0)
    a, b = np.array([1.0, 2.0]), np.array([3.0, -1.0])
    two = np.correlate(np.correlate(x, a, "valid"), b, "valid")
    assert not np.allclose(two, np.correlate(x, a + b, "valid")[: two.size])


def test_one_zero_one_has_no_real_factor_but_complex_ones():
    assert sp.real_roots(1 + compose.z**2) == []
    factors = compose.complex_factors(np.array([1.0, 0.0, 1.0]))
    np.testing.assert_allclose(np.convolve(*factors), [1, 0, 1], atol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_every_1d_kernel_factors_over_c(seed):
    kernel = np.random.default_rng(seed).standard_normal(6)
    product = np.array([1.0 + 0j])
    for piece in compose.complex_factors(kernel):
        assert piece.size == 2
        product = np.convolve(product, piece)
    np.testing.assert_allclose(product, kernel, atol=1e-9)


def test_laplacian_has_no_split_and_a_composed_kernel_has_one():
    assert all(basis == [1] for *_, basis in compose.laplacian_has_no_factor())
    # control: the same check finds a solution for a kernel that is a composition
    u, v = compose.u, compose.v
    target = sp.expand((1 + 2 * u + 3 * v + u * v) * (2 - u + v + 5 * u * v))
    a, pa = compose._generic_poly("a", 2, 2)
    b, pb = compose._generic_poly("b", 2, 2)
    eqs = sp.Poly(sp.expand(pa * pb - target), u, v).coeffs()
    assert sp.groebner(eqs, *a, *b, order="grevlex").exprs != [1]


# --- equal_outputs -------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(5))
def test_section_functions_match_scipy_and_each_other(seed):
    X, K = equal_outputs_maths.example(seed, np.float64)
    ref = np.stack([sum(correlate2d(X[c], K[o, c], "valid") for c in range(3)) for o in range(2)])
    np.testing.assert_allclose(equal_outputs_maths.corr2d_multi_in_out(X, K), ref, rtol=1e-12)
    np.testing.assert_allclose(equal_outputs_maths.corr2d_multi_in_out_1x1(X, K), ref, rtol=1e-12)


def test_y1_is_the_rounded_left_to_right_sum():
    for seed in range(50):
        X, K = equal_outputs_maths.example(seed)
        assert np.array_equal(
            equal_outputs_maths.rounded_chain(X, K), equal_outputs_maths.corr2d_multi_in_out(X, K)
        )


def test_float32_paths_stay_within_rounding_error():
    stats = equal_outputs_maths.measure(np.float32, seeds=100)
    assert stats.max_relative <= 6.0  # each path is within 3u sum|terms|
    assert equal_outputs_maths.measure(np.float64, seeds=100).max_abs < 1e-14


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stated_bound_on_the_difference_covers_the_measured_differences(lang):
    # the sheet states, in units of u sum_i |K_oi X_i|, how far the two paths can differ;
    # the largest differences its own table reports (float32 and float64) must be within it
    facts = equal_outputs_maths.facts()
    prose = " ".join(b.text[lang] for b in equal_outputs.build().blocks if isinstance(b, Paragraph))
    stated = [int(n) for n in re.findall(r"\$(\d+)u \\sum_i", prose)]
    assert stated, "the sheet states no bound in units of u sum_i |K X|"
    assert max(facts.float32.max_relative, facts.float64.max_relative) <= max(stated)


def _ieee_add(x: float, y: float) -> float:
    """IEEE double addition from its definition: the exact sum, rounded to nearest
    (Fraction -> float rounds correctly, ties to even)."""
    return float(Fraction(x) + Fraction(y))


def test_nonassociativity_example_equals_exact_rounding():
    left = _ieee_add(_ieee_add(0.1, 0.2), 0.3)
    right = _ieee_add(0.1, _ieee_add(0.2, 0.3))
    assert left != right
    block = equal_outputs._nonassociative()
    assert block == Math(f"(0.1 + 0.2) + 0.3 = {left!r},\\qquad 0.1 + (0.2 + 0.3) = {right!r}")


# --- matmul --------------------------------------------------------------------------
def test_book_example_values():
    y = matmul.conv_as_matmul(matmul.BOOK_X, matmul.BOOK_K)
    assert y.tolist() == [[[56, 72], [104, 120]], [[76, 100], [148, 172]], [[96, 128], [192, 224]]]


@pytest.mark.parametrize(
    "c_i,c_o,h,w,k_h,k_w", [(1, 1, 5, 5, 3, 3), (3, 2, 7, 6, 2, 3), (4, 5, 8, 8, 1, 1)]
)
def test_im2col_and_toeplitz_match_scipy_and_count(c_i, c_o, h, w, k_h, k_w):
    rng = np.random.default_rng(h * w)
    x, k = rng.standard_normal((c_i, h, w)), rng.standard_normal((c_o, c_i, k_h, k_w))
    ref = np.stack(
        [sum(correlate2d(x[c], k[o, c], "valid") for c in range(c_i)) for o in range(c_o)]
    )
    np.testing.assert_allclose(matmul.conv_as_matmul(x, k), ref, atol=1e-10)
    np.testing.assert_allclose(
        matmul.toeplitz(k, h, w) @ x.reshape(-1), ref.reshape(-1), atol=1e-10
    )
    with counting() as count:
        matmul.conv_as_matmul(x.view(Counted), k.view(Counted))
    m = (h - k_h + 1) * (w - k_w + 1)
    assert (count.mults, count.adds) == (c_o * m * c_i * k_h * k_w, c_o * m * (c_i * k_h * k_w - 1))


# --- strips --------------------------------------------------------------------------
def brute_force_loads(kk, rows, width, delta):
    """Distinct inputs the outputs of each strip read, summed over strips."""
    total = 0
    for r in range(rows):
        for c0 in range(0, width, delta):
            cells = {
                (r + i, c + j)
                for c in range(c0, min(c0 + delta, width))
                for i in range(kk)
                for j in range(kk)
            }
            total += len(cells)
    return total


@pytest.mark.parametrize(
    "kk,rows,width,delta",
    [(3, 2, 12, 1), (3, 2, 12, 4), (3, 3, 10, 3), (5, 1, 17, 6), (2, 2, 9, 9), (1, 2, 5, 2)],
)
def test_strip_loads_equal_brute_force_and_formula(kk, rows, width, delta):
    rng = np.random.default_rng(0)
    image = rng.standard_normal((rows + kk - 1, width + kk - 1))
    kernel = rng.standard_normal((kk, kk))
    x = strips.LoadCounter(image)
    y = strips.tiled_correlate(x, kernel, delta)
    np.testing.assert_allclose(y, correlate2d(image, kernel, "valid"), atol=1e-12)
    assert x.loads == brute_force_loads(kk, rows, width, delta)
    formula = strips.total_loads().subs(
        {strips.k: kk, strips.M: rows, strips.m: width, strips.D: delta}
    )
    assert x.loads == formula


@pytest.mark.parametrize("kk,delta", [(3, 1), (3, 4), (5, 8), (7, 2)])
def test_loads_per_output(kk, delta):
    width = 4 * delta
    per = strips.loads_per_output().subs({strips.k: kk, strips.D: delta})
    assert per * width == brute_force_loads(kk, 1, width, delta)
    assert strips.loads_per_output().subs(strips.D, 1) == strips.k**2


def _largest_fitting_delta(regs: int, width: int, kk: int) -> int:
    """Oracle: scan Delta upwards while k^2 weight registers plus the whole registers the
    Delta accumulators and the Delta + k - 1 row values take, ``width`` to a register, fit
    ``regs`` registers (integer ceilings, no SymPy)."""
    whole = lambda values: -(-values // width)  # noqa: E731
    fits = lambda d: kk * kk + whole(d) + whole(d + kk - 1) <= regs  # noqa: E731
    d = 0
    while fits(d + 1):
        d += 1
    return d


@pytest.mark.parametrize(
    "regs, width, kk", [(16, 8, 3), (32, 16, 5), (32, 4, 3), (32, 4, 5), (16, 8, 4), (40, 1, 3)]
)
def test_register_limit_is_the_largest_fitting_delta(regs, width, kk):
    assert strips.register_limit(regs, width, kk) == _largest_fitting_delta(regs, width, kk)


def test_register_limits_import_no_scipy():
    """The limits are evaluated with Python's ``math`` (SymPy's default ``lambdify``
    modules import SciPy, a second or so of a docs build for nothing): computing one in
    a fresh interpreter leaves SciPy unimported."""
    import subprocess
    import sys

    code = (
        "import sys; from derivations.exercises.maths import strips; "
        "assert strips.register_limit(16, 8, 3) == 24; print('scipy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


@pytest.mark.parametrize(
    "regs, width, kk, expected", [(16, 8, 3, 24), (32, 16, 3, 176), (32, 16, 5, 48)]
)  # the audit's whole-register bounds
def test_register_limits_count_whole_registers(regs, width, kk, expected):
    assert _largest_fitting_delta(regs, width, kk) == expected


# --- blocks --------------------------------------------------------------------------
@pytest.mark.parametrize("c,b", [(8, 1), (8, 2), (12, 3), (16, 16)])
def test_block_counts_equal_the_nonzeros(c, b):
    mults, adds = blocks.block_counts()
    weight = np.ones((c, c // b, 1, 1))
    nnz = int(np.count_nonzero(blocks.block_diagonal(weight, b)))
    assert mults.subs({blocks.c: c, blocks.b: b}) == nnz
    assert adds.subs({blocks.c: c, blocks.b: b}) == nnz - c  # c sums of c/b terms


def test_grouped_dependency_is_block_diagonal():
    layer = Layer(6, 6, 3, 3, 1, 1, groups=3)
    w = np.random.default_rng(0).standard_normal(layer.weight_shape)
    from derivations.conv import conv2d_forward

    dep = blocks.dependency(lambda x: conv2d_forward(x, w, None, layer)[0], 6)
    expected = (np.arange(6)[:, None] // 2 == np.arange(6)[None, :] // 2).astype(int)
    assert np.array_equal(dep, expected)
    assert np.array_equal(blocks.gradient_dependency(w, layer), expected)


def test_shuffle_is_shufflenets_permutation():
    x = np.arange(6.0).reshape(1, 6, 1, 1)
    assert blocks.shuffle(x, 2).ravel().tolist() == [0, 3, 1, 4, 2, 5]
    assert blocks.shuffle(x, 3).ravel().tolist() == [0, 2, 4, 1, 3, 5]


def test_exact_product_decides_as_fractions_do():
    """The sheet's check that float32 products are exact in float64 (integer
    cross-multiplication) against Fraction arithmetic, on exact and inexact products."""
    from fractions import Fraction

    import numpy as np

    from derivations.exercises.maths.equal_outputs import exact_product, exact_products_in_float64

    rng = np.random.default_rng(5)
    pairs = [(float(a), float(b)) for a, b in rng.standard_normal((200, 2))]  # float64
    pairs += [
        (float(np.float32(a)), float(np.float32(b))) for a, b in rng.standard_normal((200, 2))
    ]
    pairs += [(0.1, 0.2), (-0.0, 3.0), (1e-310, 0.3), (2.0**-1074, 0.5)]
    verdicts = []
    for a, b in pairs:
        product = a * b
        verdicts.append(exact_product(a, b, product))
        assert verdicts[-1] == (Fraction(product) == Fraction(a) * Fraction(b)), (a, b)
    assert True in verdicts and False in verdicts
    assert exact_products_in_float64(20)


def test_the_pointwise_forms_are_derived_once_and_each_caller_gets_its_own(monkeypatch):
    """The sheet asks for the 1 x 1 forms twice: SymPy derives them once per process
    (a good part of a second), and each caller gets a dict of its own."""
    from derivations.exercises.maths import pointwise as maths
    from derivations.model import c_i, c_o, h, w
    from derivations.registry.forms import Form

    derived: list = []
    real = maths.pointwise
    monkeypatch.setattr(maths, "pointwise", lambda key: derived.append(key) or real(key))
    maths._complexity.cache_clear()
    first, second = maths.complexity(), maths.complexity()
    maths._complexity.cache_clear()  # later tests derive with the real function
    assert first == second and first is not second
    assert derived == list(first) and len(derived) == 3
    assert first[Form.FORWARD_MULTS].plain == c_i * c_o * h * w


def _ulps_apart(a: np.ndarray, b: np.ndarray) -> int:
    """The largest distance between two float32 arrays in units in the last place of
    the result (floats of one sign ordered as integers)."""
    ia, ib = (x.astype(np.float32).view(np.int32).astype(np.int64) for x in (a, b))
    ia, ib = (np.where(i < 0, -(i & 0x7FFFFFFF), i) for i in (ia, ib))
    return int(np.abs(ia - ib).max())


def test_the_answer_says_no_more_than_not_bitwise_equal():
    """s13exam E2 (fails on main): the en answer said Y1 and Y2 "differ in the last bits",
    but where the products cancel they differ by hundreds of units in the last place
    (758 at seed 557, measured here); both languages say what is measured: not bitwise
    equal (zh 不逐位相等)."""
    from derivations.exercises.prose import say

    worst = 0
    for seed in range(equal_outputs_maths.SEEDS):
        y1, y2 = (
            equal_outputs_maths._output(f, seed, np.float32)
            for f in (
                equal_outputs_maths.corr2d_multi_in_out_1x1,
                equal_outputs_maths.corr2d_multi_in_out,
            )
        )
        worst = max(worst, _ulps_apart(y1, y2))
    assert worst > 4  # so "the last bits" would be false
    shown = say(
        "equal_outputs.not_guaranteed_it_depends_on",
        SEEDS=1000,
        SEEDS_equal_tensors=999,
        seeds=1000,
        avx2=1000,
        avx512=1,
    )
    assert "not bitwise equal" in shown["en"] and "不逐位相等" in shown["zh"], shown
    assert "last bits" not in shown["en"]
