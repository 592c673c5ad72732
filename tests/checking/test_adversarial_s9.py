"""Wrong answers of our own in the style of the reading mechanisms, found accepted by this
session's adversarial review (s9adv) or written to hold what it fixed: none may be
accepted (issue 21: "NEVER accept a wrong answer").  Each row is a wrong answer with the
verdict it gets; the second table holds right answers of the same forms that must still
read.  Through ``check`` and ``grade``, in en and zh.

- a padding of a notation whose P is per side (CS231n's ``(W - F + 2P)/S + 1``, Deep
  Learning from Scratch's ``(H + 2P - FH)/S + 1``) counted once beside that notation's
  words: one side's padding, ``per_side_padding_once`` (it was accepted as the book's
  total padding);
- PyTorch's per-side ``padding`` indexed by a loop's variable (``padding[i]``) counted
  once, as its ``padding[0]`` is;
- B, the batch size by its role: never inferred as another quantity to make a count
  right (``B c_o c_i k_h m_h m_w`` was read with B as k_w);
- BBCode's tags are never code's indices (``x[i]``, ``a[b]``, ``shape[s]``).
"""

import pytest

from derivations.checking import check
from tests.checking.rows import graded_verdicts

RIGHT = ("equivalent", "equivalent_under_convention")
OH, OW, FM, FMEM = "output-height", "output-width", "forward-mults", "forward-memory"
N, W = "invalid_input", "not_equivalent"

# (question, wrong answer, verdict)
WRONG = [
    # CS231n's P (per side) counted once beside its own words
    (OH, "(W1 - F + P)/S + 1", W),
    (OH, "H2 = (H1 - F + P)/S + 1", W),
    (OH, "H_2 = \\frac{H_1 - F + P}{S} + 1", W),
    (OH, "(H - F + P)//S + 1", W),
    (OW, "W2 = (W1 - F + P)/S + 1", W),
    (OH, "输出高度 H2 = (H1 - F + P)/S + 1，其中 P 为填充", W),
    (OH, "Die Ausgabehöhe ist (H1 - F + P)/S + 1", W),
    # Deep Learning from Scratch's P (per side) counted once
    (OH, "OH = (H + P - FH)/S + 1", W),
    (OW, "OW = (W + P - FW)/S + 1", W),
    # PyTorch's per-side padding in a loop over the axes, counted once
    (OH, "out[i] = (inp[i] + padding[i] - kernel[i]) // stride[i] + 1", W),
    (OH, "H_out = (H_in + padding[i] - kernel_size[i]) // stride[i] + 1", W),
    (
        OH,
        "for (int i = 0; i < 2; i++) out[i] = (in[i] + padding[i] - kernel[i]) / stride[i] + 1;",
        N,
    ),
    # B, the batch: a factor left out is not made right by reading B as it
    (FM, "B c_o c_i k_h m_h m_w", N),
    (FM, "B × c_i × c_o × k_w × m_h × m_w", N),
    (FM, "乘法次数：B c_o c_i k_h k_w m_h", N),
    (OH, "(B - k_h + p_h + s_h)//s_h", N),
    (FMEM, "B c_i h w + B c_o c_i k_h k_w + B c_o m_h m_w", N),
    ("bias-size", "B c_o", N),
    # code's indices are no BBCode tags
    (OH, "(h - k_h + p_h + s_h)//s_h + a[b] - a[u]", N),
    (FM, "c_o*c_i*k_h*k_w*m_h*m_w/shape[s]", N),
    (OH, "o[i] = (x[i] + p[i] - k[i]) / s[i]", N),
]

# (question, right answer, verdict): the same forms, right, still read
STILL_READ = [
    (OH, "(W1 - F + 2P)/S + 1", "equivalent_under_convention"),
    (OH, "H_2 = (H_1 - F + 2P)/S + 1", "equivalent_under_convention"),
    (OH, "OH = (H + 2P - FH)/S + 1", "equivalent_under_convention"),
    (OH, "(H - K + P)/S + 1", "equivalent_under_convention"),  # the book's letters
    (OH, "(H1 - F + p_h)/S + 1", "equivalent_under_convention"),  # the book's p_h: total
    (FM, "F*F*D1*K*W2*H2", "equivalent_under_convention"),
    (
        OH,
        "H_out = (H_in + 2*padding[i] - kernel_size[i]) // stride[i] + 1",
        "equivalent_under_convention",
    ),
    (FM, "B c_o c_i k_h k_w m_h m_w", "equivalent_under_convention"),  # batch counted
    (FMEM, "B c_i h w + c_o c_i k_h k_w + B c_o m_h m_w", "equivalent_under_convention"),
    (FM, "[i]c_o c_i k_h k_w m_h m_w[/i]", "equivalent"),
    (FM, "[b]c_o c_i k_h k_w m_h m_w[/b]", "equivalent"),
]


@pytest.mark.parametrize("question, answer, verdict", WRONG)
def test_a_wrong_answer_in_a_reading_mechanisms_form_is_never_accepted(question, answer, verdict):
    result = check(question, answer, symbolic=False)
    assert result.verdict not in RIGHT, (answer, result.parsed)
    assert result.verdict == verdict, (answer, result.verdict, result.error)


@pytest.mark.parametrize("question, answer, verdict", STILL_READ)
def test_a_right_answer_in_the_same_form_still_reads(question, answer, verdict):
    assert check(question, answer, symbolic=False).verdict == verdict, answer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_gives_the_same_verdicts(lang):
    rows = WRONG + STILL_READ
    assert graded_verdicts(rows, lang) == [row[2] for row in rows]


def test_a_side_counted_once_names_its_misconception():
    result = check(OH, "(W1 - F + P)/S + 1", symbolic=False)
    assert result.misconception == "per_side_padding_once", result.misconception


def test_b_refused_is_told_it_is_the_batch():
    result = check(FM, "B c_o c_i k_h m_h m_w", symbolic=False)
    assert result.error["id"] == "checker.reason.unknown_letter"
    assert result.error["fields"]["role"] == "batch"
