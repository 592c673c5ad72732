"""Wrong answers of our own in the style of the reading mechanisms, found accepted by this
session's adversarial review (s9adv) or written to hold what it fixed: none may be
accepted (issue 21: "NEVER accept a wrong answer").  Each row is a wrong answer with the
verdict it gets; the second table holds right answers of the same forms that must still
read.  Through ``check`` and ``grade``, in en and zh.

- a padding of a notation whose P is per side (CS231n's ``(W - F + 2P)/S + 1``, Deep
  Learning from Scratch's ``(H + 2P - FH)/S + 1``) counted once beside that notation's
  words: one side's padding, ``per_side_padding_once`` (it was accepted as the book's
  total padding);
- a padding its words say is per side (``where P is the padding on each side``, ``，P 为每侧
  填充``) or the Deep Learning Specialization's ``p^{[l]}``, counted once (accepted as
  the book's total padding; now not_equivalent, or refused where the words were prose
  beside the formula);
- PyTorch's per-side ``padding`` indexed by a loop's variable (``padding[i]``) counted
  once, as its ``padding[0]`` is;
- B, the batch size by its role: never inferred as another quantity to make a count
  right (``B c_o c_i k_h m_h m_w`` was read with B as k_w);
- BBCode's tags are never code's indices (``x[i]``, ``a[b]``, ``shape[s]``);
- the forward pass named before its own count written out (``FLOPs_forward = 2 c_o c_i
  k_h k_w m_h m_w`` answering backward-ops) is no factor of the forward pass: it was read
  as twice the forward FLOPs and accepted.

- a worked number (``… = 2``) after a formula whose value is the same at every layer
  and differs from it (``(2c_i)(2c_o)/(c_i c_o) = 2``): the number is the student's
  answer; it was dropped and the formula's 4 accepted.

- a "condition" after the formula that states another formula (``…, or, with no
  padding, ⌊(h − k_h)/s_h⌋``, ``; with stride 1: h − k_h + p_h``): dropped as a condition,
  its wrong formula was never graded; now the answer is refused (a right one beside a
  wrong one); words before a formula that end in a number (``with stride 1``) never name
  it as another quantity.

- a comment that amends the code it closes (``# TODO: off by one, real answer …``,
  ``# 其实应该是 …``): dropped as a comment, the code was accepted; now refused.

- a count's name or count word naming the other count (``additions = …``, ``… 次乘法``
  answering forward-adds): refused as s9text's lead-ins naming another quantity are.

A property test closes the file: no reading (of a notation, by role, inferred) accepts an
answer that is wrong under every reading of its letters, over every question's forms.
"""

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    # a padding its words say is per side, counted once
    (OW, "(W - K + P)/S + 1 where P is the padding on each side", W),
    (OW, "(W - K + P)/S + 1，P 为每侧填充", N),
    (OH, "(H - K + P)/S + 1, wobei P das Padding auf jeder Seite ist", N),
    (OH, "(H - K + P)/S + 1 où P est le padding de chaque côté", N),
    # the Deep Learning Specialization's p^{[l]} (per side) counted once
    (OH, "n_H^{[l]} = \\lfloor (n_H^{[l-1]} + p^{[l]} - f^{[l]})/s^{[l]} + 1 \\rfloor", W),
    # CS231n's assignment's pad (per side) counted once beside its HH, WW
    (OH, "N, C, H, W = x.shape\nF, C, HH, WW = w.shape\nH_out = 1 + (H + pad - HH) // stride", N),
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
    # the forward pass's own count, written out after its name: no factor of it
    ("backward-ops", "FLOPs_forward = 2 c_o c_i k_h k_w m_h m_w", W),
    ("backward-ops", "forward FLOPs = 2 c_o c_i k_h k_w m_h m_w", W),
    ("backward-ops", "The forward pass costs 2 c_o c_i k_h k_w m_h m_w FLOPs", W),
    # a worked number after a formula of the same value at every layer: the student's
    # own answer (the formula makes 4, the answer says 2)
    ("double-channels", "(2c_i)(2c_o)/ (c_i c_o) = 2", N),
    ("double-channels", "4 c_i c_o / (c_i c_o) = 8", N),
    # a "condition" after the formula that states another formula, wrong: never dropped
    (
        OH,
        "The output height is $\\lfloor (h - k_h + p_h)/s_h \\rfloor + 1$, or, with no padding, "
        "$\\lfloor (h - k_h)/s_h \\rfloor$",
        N,
    ),
    (OH, "(h - k_h + p_h)//s_h + 1; with stride 1: h - k_h + p_h", N),
    (OH, "$\\lfloor (h - k_h + p_h)/s_h \\rfloor + 1$, or with stride 1, $h - k_h + p_h$", N),
    (OH, "(h - k_h + p_h)//s_h + 1（步幅为 1 时为 h - k_h + p_h）", N),
    (FM, "c_o c_i k_h k_w m_h m_w，当 k_h = k_w = 3 时为 6 c_o c_i m_h m_w", N),
    # a comment that amends the code it closes: the code is not the author's answer
    (
        OH,
        "out_h = (h - k_h + p_h) // s_h + 1  # TODO: off by one, real answer (h - k_h + p_h) // s_h",
        N,
    ),
    (OH, "out_h = (h - k_h + p_h) // s_h + 1  # 其实应该是 (h - k_h + p_h) // s_h", N),
    (OH, "out_h = (h - k_h + p_h) // s_h + 1;  // FIXME for stride 2", N),
    (OH, "out = (h - k_h + p_h) // s_h + 1\nreturn out  # should be without the + 1", N),
    # a count's name or count word naming the other count (s9text's lead_names_other,
    # widened to names and words after the formula)
    (OW, "m_h = (w - k_w + p_w + s_w)//s_w", N),
    (OH, "m_w = (h - k_h + p_h + s_h)//s_h", N),
    (FM, "additions = c_o c_i k_h k_w m_h m_w", N),
    (FM, "c_o c_i k_h k_w m_h m_w additions", N),
    (FM, "c_o c_i k_h k_w m_h m_w 次加法", N),
    ("forward-adds", "mults = c_o c_i k_h k_w m_h m_w", N),
    ("forward-adds", "c_o c_i k_h k_w m_h m_w multiplications", N),
    ("forward-adds", "c_o c_i k_h k_w m_h m_w 次乘法", N),
    # a lead-in naming the forward pass, the weights or another count (fixed by s9text)
    ("backward-ops", "前向传播的计算量为 2 c_o c_i k_h k_w m_h m_w", N),
    ("backward-ops", "the forward pass is 2 c_o c_i k_h k_w m_h m_w", N),
    ("bias-size", "the number of weights is c_o", N),
    # (its formula is the known mistake forward_memory_for_backward since s12exam E5, no
    # longer right under gradient_buffers_only: not refused for its words, graded wrong)
    (
        "backward-memory",
        "the forward memory is c_i h w + c_o c_i k_h k_w + c_o m_h m_w",
        W,
    ),
    ("forward-ops", "the number of multiplications is c_o c_i k_h k_w m_h m_w", N),
    # a value stated under a condition on a parameter (for a 3x3 kernel that is …): the
    # parameter is the condition's, never the formula's quantity (fixed by s9text)
    (FM, "c_o c_i k_h k_w m_h m_w; for a 3x3 kernel that is 3 c_o c_i m_h m_w", N),
    # a helper right, its call wrong (the kernel's height for the width): the call answers
    (
        OW,
        "def out_size(n, k, s, p):\n    return (n + 2 * p - k) // s + 1\n\nOH = out_size(H, KH, SH, PH)\nOW = out_size(W, KH, SW, PW)",
        N,
    ),
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
    (
        OH,
        "N, C, H, W = x.shape\nF, C, HH, WW = w.shape\nH_out = 1 + (H + 2 * pad - HH) // stride",
        "equivalent_under_convention",
    ),
    (OW, "(W - K + 2P)/S + 1 where P is the padding on each side", "equivalent_under_convention"),
    (
        OW,
        "(W - K + P)/S + 1 where P is the total padding on both sides",
        "equivalent_under_convention",
    ),
    (
        OH,
        "n_H^{[l]} = \\lfloor (n_H^{[l-1]} + 2p^{[l]} - f^{[l]})/s^{[l]} + 1 \\rfloor",
        "equivalent_under_convention",
    ),
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
    ("backward-ops", "FLOPs_{backward} = 2 FLOPs_{forward}", "equivalent_under_convention"),
    ("backward-ops", "backward = 2 × forward", "equivalent_under_convention"),
    ("backward-ops", "反向传播的计算量约为前向传播的两倍", "equivalent_under_convention"),
    ("double-channels", "(2c_i)(2c_o)/ (c_i c_o) = 4", "equivalent_under_convention"),
    (FM, "c_o c_i k_h k_w m_h m_w = 64*3*9*32*32 = 1769472", "equivalent"),
    (OH, "(h - k_h + p_h)//s_h + 1 when s_h > 1", "equivalent"),
    (OH, "(h - k_h + p_h)/s_h + 1 with zero-padding", "equivalent_under_convention"),
    (OH, "out_h = (h - k_h + p_h) // s_h + 1  # output height", "equivalent"),
    (OH, "out_h = (h - k_h + p_h) // s_h + 1  # 输出高度", "equivalent"),
    (FM, "mults = c_o c_i k_h k_w m_h m_w", "equivalent"),
    (OW, "m_w = (w - k_w + p_w + s_w)//s_w", "equivalent"),
    (OH, "W2 = (W1 - F + 2P)/S + 1", "equivalent_under_convention"),  # CS231n's one size
    (FM, "c_o c_i k_h k_w m_h m_w 次乘法", "equivalent"),
    ("forward-adds", "c_o (c_i k_h k_w - 1) m_h m_w additions", "equivalent"),
    ("forward-ops", "MACs = c_o c_i k_h k_w m_h m_w", "equivalent_under_convention"),
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


# letters another notation reads otherwise (CS231n's K, cuDNN's K R S P Q, MobileNets' M
# N): decided (s9adv, last session's follow-up) to keep the rule the notation layer has:
# such a letter is read the notation's way only where that reading matches a known answer
# and every other reading that matches gives the same verdict; where two readings that
# match give different verdicts, ambiguous, nothing graded; a reading that matches no
# known answer (K the kernel as a bias count, K the filters inside an output size) is no
# second meaning.  (question, answer, verdict, the letter's reading or the refusal's id)
BORROWED = [
    ("bias-size", "K", "equivalent", "c_o"),  # CS231n's 'K biases'; k matches nothing
    (FM, "K C R S P Q", "equivalent", "c_o"),  # cuDNN's, settled by its Q and R
    (FM, "F F D1 K H2 W2", "equivalent_under_convention", "c_o"),  # beside CS231n's words
    (OW, "(W1 - K + 2P)//S + 1", "equivalent_under_convention", None),  # c_o: nonsense
    (FM, "c_i c_o k_h k_w H0 W0", "invalid_input", "checker.reason.ambiguous_letter"),
    (FM, "K C R S P", "invalid_input", None),  # Q left out: no reading matches
    (FM, "K K R S P Q", "invalid_input", None),
]


@pytest.mark.parametrize("question, answer, verdict, read", BORROWED)
def test_a_borrowed_letter_is_read_one_way_or_refused(question, answer, verdict, read):
    result = check(question, answer, symbolic=False)
    assert result.verdict == verdict, (answer, result.error)
    if read and read.startswith("checker."):
        assert result.error["id"] == read
    elif read:
        assert {"written": "K", "read": read} in [
            {k: r[k] for k in ("written", "read")} for r in result.parsed["readings"]
        ], result.parsed["readings"]


def test_a_side_counted_once_names_its_misconception():
    result = check(OH, "(W1 - F + P)/S + 1", symbolic=False)
    assert result.misconception == "per_side_padding_once", result.misconception


def test_b_refused_is_told_it_is_the_batch():
    result = check(FM, "B c_o c_i k_h m_h m_w", symbolic=False)
    assert result.error["id"] == "checker.reason.unknown_letter"
    assert result.error["fields"]["role"] == "batch"


# --- no reading makes right an answer wrong under every reading of its letters -----------
# (issue 21: "a property test that it never turns an answer that is wrong under every
# assignment into an accepted one"), over every question's forms, not only products: a
# right answer with one or two of its symbols written as a letter (of a role, of another
# notation, of none), often with a slip (a factor left out, a sign, the stride or the
# padding left out, the other axis)
_FORMS = [
    ("output-height", "(h - k_h + p_h + s_h)//s_h"),
    ("output-height", "floor((h + p_h - k_h)/s_h) + 1"),
    ("output-width", "(w + 2*p_w - k_w)//s_w + 1"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w"),
    ("forward-adds", "c_o (c_i k_h k_w - 1) m_h m_w"),
    ("forward-ops", "2 c_o c_i k_h k_w m_h m_w"),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w"),
    ("backward-memory", "2 c_i h w + 2 c_o c_i k_h k_w + c_o m_h m_w"),
    ("bias-size", "c_o"),
    ("compose-size", "k_1 + k_2 - 1"),
]
_SLIPS = [
    ("", ""),
    ("k_w", "1"),
    (" - ", " + "),
    ("+ p_h", ""),
    ("//s_h", "//1"),
    ("c_i", "c_o"),
    ("m_h", "h"),
    ("s_h", "s_w"),
    ("p_w", "p_h"),
]
_SYMBOL = re.compile(r"(?<![A-Za-z_])(c_i|c_o|k_h|k_w|m_h|m_w|p_h|p_w|s_h|s_w|k_1|k_2|h|w)(?![\w])")
_READINGS = ["c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w"]
_READINGS += ["k", "s", "p", "n", "k_1", "k_2", "0", "1", "2"]


def _letter(letter: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z_]){letter}(?![\w])")


def _right_under_some_reading(question: str, answer: str, letters: list) -> bool:
    for names in itertools.product(_READINGS, repeat=len(letters)):
        text = answer
        for letter, name in zip(letters, names):
            text = _letter(letter).sub(f"({name})", text)
        if check(question, text, symbolic=False).verdict in RIGHT:
            return True
    return False


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_FORMS),
    st.sampled_from(_SLIPS),
    st.lists(st.sampled_from("ABCDFGIKLMNPQRSTUZ"), min_size=1, max_size=2, unique=True),
    st.randoms(use_true_random=False),
)
def test_no_reading_accepts_an_answer_wrong_under_every_reading(form, slip, letters, rnd):
    question, answer = form
    answer = answer.replace(slip[0], slip[1], 1)
    for letter in letters:
        found = list(_SYMBOL.finditer(answer))
        if found:
            at = rnd.choice(found)
            answer = answer[: at.start()] + letter + answer[at.end() :]
    letters = [letter for letter in letters if _letter(letter).search(answer)]
    if not letters or check(question, answer, symbolic=False).verdict not in RIGHT:
        return
    assert _right_under_some_reading(question, answer, letters), answer
