"""A size computed by calling a helper the answer defines (``OW = outsize(W, KH, SW, PW)``):
the call is a statement of code, never prose dropped around the helper's formula, so the
helper alone is not graded for the asked size (H9-test's one wrong answer accepted at its
measurement: the width computed with the kernel's height)."""

import pytest

from derivations.checking import check

RIGHT = {"equivalent", "equivalent_under_convention"}

# (question, answer): each computes the asked size with an argument of the other axis, so
# it is wrong; the helper alone reads as a right formula of one axis
WRONG = [
    (
        "output-width",
        "def outsize(n, k, s, p):\n    return (n + 2 * p - k) // s + 1\n\n"
        "KH, KW = 3, 5\nOH = outsize(H, KH, SH, PH)\nOW = outsize(W, KH, SW, PW)",
    ),
    (
        "output-width",
        "int out_size(int n, int k, int s, int p) { return (n + 2*p - k) / s + 1; }\n"
        "int ow = out_size(w, kh, sw, pw);",
    ),
    (
        "output-height",
        "const conv = (size, kernel, stride, pad) => Math.floor((size + 2*pad - kernel) / stride) + 1;\n"
        "const outH = conv(inW, kW, strideH, padH);",
    ),
    (
        "output-height",
        "def get_out(n, k, s, p):\n    return (n + 2 * p - k) // s + 1\n"
        "out_h = get_out(H, KW, SH, PH)",
    ),
    # the helper's formula given without its head, the call beside it: each accepted
    # before code.holds_formula read a name given a call's value as code (after fb827c9)
    (
        "output-width",
        "return (input_size + pad * 2 - kernel_size) // stride + 1\n"
        "OW = get_conv_outsize(W, KH, SW, PW)",
    ),
    (
        "output-width",
        "(input_size + 2*pad - kernel_size) // stride + 1, used as OW = conv_out(W, KH, SW, PW)",
    ),
    ("output-width", "out = (n + 2p - k)/s + 1 where ow = out_size(w, k_h, s_w, p_w)"),
    (
        "output-height",
        "(input_size + pad * 2 - kernel_size) // stride + 1\n"
        "out_h = conv_output_size(H, KW, SH, PH)",
    ),
]


@pytest.mark.parametrize("question,answer", WRONG)
def test_a_size_called_with_the_other_axis_is_never_accepted(question, answer):
    result = check(question, answer, symbolic=False)
    assert result.verdict not in RIGHT, (answer, result.verdict)
