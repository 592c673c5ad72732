"""A parameter every layer of the book holds at one value (the dilation and the groups at
1, a transposed convolution's output padding at 0) reads at that value where an answer
writes it, and its place is checked (``checker._held_placed``): read again one above it
(``lexer.held_read``), the answer must give what the question's value becomes there (the
dilated kernel's extent where k stands, c_i / g channels per filter in a count,
unchanged elsewhere: ``Question.held``).  Otherwise it is refused in one line, never
accepted: before, a dilation or the groups vanished wherever they stood, so
``(h + 2p - d*k)//s + 1``, ``c_o / g`` (the bias) and ``c_o c_i k_h k_w m_h m_w * g``
were accepted (s13rev).  Every row refused here was accepted on main at a7afee2 except
the guards (``rows.guard``), refused or right there too."""

from __future__ import annotations

import pytest

from derivations.messages import text
from tests.checking.rows import Table, guard

R, C, N = "equivalent", "equivalent_under_convention", "invalid_input"
MISPLACED, UNCHECKED = "checker.reason.held_misplaced", "checker.reason.held_unchecked"


def _refused_as_misplaced(result, *, verdict, **_row) -> None:
    if verdict == N:
        assert result.error["id"] == MISPLACED, result.error


ROWS = [
    # the dilation: where the kernel's size stands, d (k - 1) + 1, read at d = 1
    guard("output-height", "o = (i + 2*p - d*(k - 1) - 1)//s + 1", C),
    ("output-height", "o = (i + 2*p - d*k)//s + 1", N),
    ("output-height", "o = (i + 2*p - k)//(d*s) + 1", N),
    guard(
        "output-height",
        "ext = dilation_h*(kernel_h - 1) + 1; out_h = (height + 2*pad_h - ext)//stride_h + 1",
        C,
    ),
    (
        "output-height",
        "ext = dilation_h*kernel_h; out_h = (height + 2*pad_h - ext)//stride_h + 1",
        N,
    ),
    (
        "output-height",
        "H_out = floor((H_in + 2*padding[0] - kernel_size[0])/stride[0]) + dilation[0]",
        N,
    ),
    guard(
        "output-width",
        "W_out = (W_in + 2*padding[1] - dilation[1]*(kernel_size[1] - 1) - 1)//stride[1] + 1",
        C,
    ),
    (
        "output-width",
        "W_out = (W_in + 2*padding[1] - dilation[1]*kernel_size[1])//stride[1] + 1",
        N,
    ),
    ("output-height", "(H + 2*pads[0] - k_h*dilations[0])//strides[0] + 1", N),
    guard("output-height", "输出高度为 (h + 2p - 空洞率 × (k - 1) - 1)/s + 1", C),
    ("output-height", "输出高度为 (h + 2p - 空洞率 × k)/s + 1", N),
    # a dilation where no kernel's size stands: it must not change the value
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w*dilation", N),
    # the output padding of a transposed convolution: no convolution's output has it
    (
        "output-height",
        "H_out = floor((H_in + 2*padding[0] - kernel_size[0])/stride[0]) + 1 + output_padding[0]",
        N,
    ),
    # the groups: c_i / g input channels to each filter, where c_i stands in a count
    guard("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w/g", R),
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w*g", N),
    guard("forward-mults", "(c_out // groups) * c_in * k_h*k_w*m_h*m_w", R),
    guard("forward-mults", "乘法次数 = c_o × c_i × k_h × k_w × m_h × m_w ÷ g", R),
    ("forward-mults", "乘法次数 = c_o × c_i × k_h × k_w × m_h × m_w × g", N),
    guard("forward-adds", "c_o*m_h*m_w*(c_i*k_h*k_w/g - 1)", R),
    ("forward-adds", "c_o*m_h*m_w*(c_i*k_h*k_w - 1)/g", N),
    guard("forward-ops", "c_o m_h m_w (2 c_i k_h k_w / g - 1)", R),
    ("forward-ops", "c_o m_h m_w (2 c_i k_h k_w - 1) / g", N),
    ("forward-ops", "flops = 2 * c_o * c_i * k_h * k_w * m_h * m_w * groups - c_o*m_h*m_w", N),
    # a memory: the weights g times fewer, the input and the output as they are
    guard("forward-memory", "c_i*h*w + c_o*c_i*k_h*k_w/g + c_o*m_h*m_w", R),
    ("forward-memory", "(c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w)/g", N),
    ("forward-memory", "内存 = c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w/groups", N),
    # the darknet's FLOPs (2 x MACs) with its groups
    guard("forward-ops", "2.0 * l.n * l.size*l.size*l.c/l.groups * l.out_h*l.out_w", C),
    # a bias flag read both ways (right with either value)
    guard(
        "forward-ops", "FLOPs = (2 * C_in * K * K - bias) * (C_out // groups) * H_out * W_out", C
    ),
    ("forward-ops", "FLOPs = (2 * C_in * K * K - bias) * (C_out * groups) * H_out * W_out", N),
    # grouping changes neither a size nor the bias (refused by the lead's check before)
    guard("bias-size", "c_o / g", N),
    guard("bias-size", "偏置个数 = c_o / g", N),
    guard("bias-size", "bias = out_channels // groups", N),
    guard("output-height", "the output height is (h + p_h - g*k_h)//s_h + 1", N),
    guard("output-height", "(h + p_h - k_h)//(g*s_h) + 1", N),
    guard("output-width", "(w + p_w - k_w + s_w * groups) // s_w", N),
    # the other axis's dilation where the kernel's size stands: every held name moved to
    # one trial value, so dilation[1] in the height's formula was accepted (s14left, lead)
    (
        "output-height",
        "H_out = (H_in + 2*padding[0] - dilation[1]*(kernel_size[0] - 1) - 1)//stride[0] + 1",
        N,
    ),
    (
        "output-width",
        "W_out = (W_in + 2*padding[1] - dilation[0]*(kernel_size[1] - 1) - 1)//stride[1] + 1",
        N,
    ),
    guard(
        "output-height",
        "H_out = (H_in + 2*padding[0] - dilation[0]*(kernel_size[0] - 1) - 1)//stride[0] + 1",
        C,
    ),
    # the project's own d_h, d_w (the formulas page's dilation), placed as dilation[0] is:
    # "no notation we know" before (s14exam E29)
    ("output-height", "m_h = (h + p_h - d_h*(k_h - 1) - 1)//s_h + 1", R),
    ("output-height", "floor((h - d_h (k_h - 1) + p_h + s_h - 1)/s_h)", R),
    ("output-height", "输出高度为 ⌊(h + p_h − d_h(k_h − 1) − 1)/s_h⌋ + 1", R),
    ("output-width", "m_w = (w + p_w - d_w*(k_w - 1) - 1)//s_w + 1", R),
    ("output-width", "输出宽度 = ⌊(w − d_w(k_w − 1) + p_w + s_w − 1)/s_w⌋", R),
    ("output-height", "m_h = (h + p_h - d_h*k_h)//s_h + 1", N),
    ("output-height", "输出高度为 ⌊(h + p_h − k_h)/s_h⌋ + d_h", N),
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w*d_h", N),
    ("forward-mults", "乘法次数 = c_o × c_i × k_h × k_w × m_h × m_w × d_w", N),
    # the other axis's: d_w in the height's formula, d_h in the width's, as dilation[1]
    ("output-height", "m_h = (h + p_h - d_w*(k_h - 1) - 1)//s_h + 1", N),
    ("output-height", "输出高度为 ⌊(h + p_h − d_w(k_h − 1) − 1)/s_h⌋ + 1", N),
    ("output-width", "m_w = (w + p_w - d_h*(k_w - 1) - 1)//s_w + 1", N),
]

TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_held_parameters_are_read_where_they_act = TABLE.check_test(also=_refused_as_misplaced)
test_grade_reads_them_the_same = TABLE.grade_test()


def _refused_as_unchecked(result, *, verdict, **_row) -> None:
    if verdict == N:
        assert result.error["id"] == UNCHECKED, result.error


# a held parameter in an exponent: folded to the whole number the exponent must be, it
# left no mark, so written once more elsewhere only that place was checked and these were
# accepted (s15rev F19); a whole-number exponent beside the same names stays right (guards)
EXPONENT_ROWS = [
    ("output-height", "(h + p_h - d_h*(k_h - 1)^d_h - 1)//s_h + 1", N),
    ("output-height", "(h + p_h - d_h^d_h*(k_h - 1) - 1)//s_h + 1", N),
    ("output-width", "(w + p_w - d_w*(k_w - 1)^(d_w^2) - 1)//s_w + 1", N),
    ("output-height", "输出高度为 ⌊(h + p_h − d_h(k_h − 1)^d_h − 1)/s_h⌋ + 1", N),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w / g^g", N),
    ("forward-mults", "乘法次数 = c_o × c_i × k_h × k_w × m_h × m_w ÷ groups^groups", N),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w * 2^(groups - 1) / groups", N),
    guard("output-height", "(h + p_h - d_h*(k_h - 1)^1 - 1)//s_h + 1", R),
    guard("output-height", "输出高度为 ⌊(h + p_h − d_h^1 (k_h − 1) − 1)/s_h⌋ + 1", R),
    guard("forward-mults", "乘法次数 = c_o × c_i × k_h × k_w × m_h × m_w ÷ groups^1", R),
]
EXPONENTS = Table("question, answer, verdict", EXPONENT_ROWS, symbolic=False)
test_a_held_parameter_in_an_exponent_is_refused = EXPONENTS.check_test(also=_refused_as_unchecked)
test_grade_refuses_it_the_same = EXPONENTS.grade_test()


@pytest.mark.parametrize("key", [MISPLACED, UNCHECKED])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_refusal_names_what_was_written(key, lang):
    said = text(key, lang, written="groups", value=1, trial=2)
    assert "groups = 2" in said and said.rstrip().endswith("groups"), said
