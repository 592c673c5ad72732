"""What a third examiner of the English sheet (issue 25) found: the answers of Exercise 1
(two kernels are one, of size k1 + k2 - 1) hold at stride 1 without padding in the second
layer, and the answer key did not say so. The two ways they fail are recomputed here with
NumPy, independently of the package."""

from __future__ import annotations

import numpy as np
import pytest

from tests.docs.sheets import LANGS, OUTPUT, read_sheet


def _corr(x: np.ndarray, kernel: np.ndarray, stride: int = 1) -> np.ndarray:
    """1-D cross-correlation without padding, as a layer computes it."""
    k = len(kernel)
    return np.array([x[i : i + k] @ kernel for i in range(0, len(x) - k + 1, stride)])


def test_composition_breaks_with_padding_in_the_second_layer_and_with_a_stride():
    rng = np.random.default_rng(0)
    x = rng.integers(-5, 6, 12).astype(float)
    alpha = rng.integers(1, 6, 3).astype(float)  # k1 = 3
    beta = rng.integers(1, 6, 2).astype(float)  # k2 = 2
    kappa = np.convolve(alpha, beta)  # full convolution, size k1 + k2 - 1
    assert np.array_equal(_corr(_corr(x, alpha), beta), _corr(x, kappa))

    # the second layer pads the intermediate with one zero on each side
    two = _corr(np.pad(_corr(x, alpha), 1), beta)
    one = _corr(np.pad(x, 1), kappa)  # one layer: the same output size
    assert two.shape == one.shape
    assert np.array_equal(two[1:-1], one[1:-1])  # inside: equal
    assert two[0] != one[0] and two[-1] != one[-1]  # at the border: not

    # a first layer of stride 2: one layer of stride 2 with a kernel of k1 + 2 (k2 - 1)
    s1 = 2
    strided = np.zeros(len(alpha) + s1 * (len(beta) - 1))
    for b, weight in enumerate(beta):
        strided[s1 * b : s1 * b + len(alpha)] += weight * alpha
    assert np.array_equal(_corr(_corr(x, alpha, s1), beta), _corr(x, strided, s1))
    assert len(strided) == 3 + s1 * (2 - 1) == 5 != len(kappa) == 4


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "tex", "html"))
def test_exercise1_answers_state_the_condition_that_matters(lang, fmt):
    text = (
        (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
        if fmt == "html"
        else read_sheet(lang, fmt)
    )
    # only the second layer's padding stops the two being one convolution; a stride
    # changes the equivalent kernel's size, not whether there is one (test above)
    condition = "(second layer unpadded)" if lang == "en" else "（第二层无填充）"
    assert ("(stride 1, no padding)" if lang == "en" else "（步幅 1、无填充）") not in text
    # answer 1.1, in the key and boxed (1.2 follows it)
    assert text.count(condition) == 2
    why = (
        "a first layer of stride" if lang == "en" else "第一层步幅为",
        "when the second layer pads" if lang == "en" else "第二层有填充时",
        "stride 1 matters only" if lang == "en" else "步幅为 1 这一条件只用于",
    )
    for phrase in why:
        assert phrase in text
