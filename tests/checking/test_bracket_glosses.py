"""Words in brackets around a formula that gloss, contrast or approximate it (s14exam E14,
E27): ``c_o (output channels) × c_i (input channels) × …`` was read as c_o·c_o·c_i·c_i·…
and called "c_o c_i times too large"; ``c_i h w (input) + … (kernel) + …`` had its labels
multiplied in (``w (input)`` read as a size written as a call); ``c_o (not c_i)`` was read
as c_o·k_h·k_w·c_i; ``214/53 ≈ 4.04`` was refused as a chain whose sides differ.  Now a
gloss naming the letters before it is read as a gloss (a gloss naming other letters is
refused naming both), a contrast is a remark (a contrast with the very formula denies
it), a count said to be per a part of the layer is refused as a remark that changes it,
and a number after ``≈`` is an approximation of the exact side before it (checked to the
digits written where that side is a number).  Every right row has its wrong twin, in
English and Chinese, through ``check``, ``grade`` and the practice page's number path."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import GUARD, Table, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
MULTS, PER = "c_o c_i k_h k_w m_h m_w", "reading.remark_operation: "
FM, FMEM, BS, OH, DC = (
    "forward-mults",
    "forward-memory",
    "bias-size",
    "output-height",
    "double-channels",
)
NAMES_OTHER = "checker.reason.lead_names_other: "
GLOSSED = "c_o (output channels) × c_i (input channels) × k_h × k_w × m_h × m_w"

ROWS = [
    # a gloss of the letter before it: the letter (E14)
    (FM, GLOSSED, R, "gloss"),
    (FM, "c_o（输出通道数）× c_i（输入通道数）× k_h × k_w × m_h × m_w", R, "gloss"),
    (BS, "c_o (output channels)", R, "gloss"),
    (BS, "c_o（输出通道数）", R, "gloss"),
    (OH, "floor((h (input) - k_h (kernel) + p_h + s_h)/s_h)", R, "gloss"),
    # ... of other letters than those before it: refused naming both, never accepted
    (
        FM,
        "c_o (input channels) × c_i (output channels) × k_h × k_w × m_h × m_w",
        N,
        "reading.gloss_other: input channels",
    ),
    (BS, "c_o (input channels)", N, "reading.gloss_other: input channels"),
    (BS, "c_o（输入通道数）", N, "reading.gloss_other: 输入通道数"),
    # ... of a letter inside the run, not at its end: the next letter its sibling
    # (s15rev F8: the filters are c_o), or a gloss after the whole formula naming another
    # quantity (s15text: m_h was somewhere before it), never accepted
    (
        FM,
        "c_o (channels) c_i (filters) k_h k_w m_h m_w",
        N,
        "reading.gloss_other: filters",
    ),
    (FM, "c_o c_i k_h k_w m_h m_w (output height)", N, "reading.gloss_other: output height"),
    (FM, "c_o c_i k_h k_w m_h m_w（输出的高度）", N, "reading.gloss_other: 输出的高度"),
    (FM, "c_o c_i k_h k_w m_h m_w (output height) + 0", N, "reading.gloss_other: output height"),
    # ... after a whole size's formula naming that size: its name (was gloss_other)
    (OH, "(h + p_h - k_h + s_h)//s_h (output height)", R, "gloss_answer"),
    (OH, "(h + p_h - k_h + s_h)//s_h（输出的高度）", R, "gloss_answer"),
    (OH, "(h + p_h - k_h + s_h)//s_h (output width)", N, NAMES_OTHER + "output width"),
    (OH, "(h + p_h - k_h + s_h)//s_h（输出的宽度）", N, NAMES_OTHER + "输出的宽度"),
    (OH, "(h + p_h - k_h)//s_h（输出的高度）", W, "gloss_answer"),
    # ... of the letter, on a wrong formula: still wrong
    (FM, "c_o (output channels) × k_h × k_w × m_h × m_w", W, "gloss"),
    (BS, "c_i (input channels)", W, "gloss"),
    # labels of a sum's terms (E27): the terms, never the labels times them
    (FMEM, "c_i h w (input) + c_o c_i k_h k_w (kernel) + c_o m_h m_w (output)", R, "gloss"),
    (FMEM, "c_i h w（输入）+ c_o c_i k_h k_w（卷积核）+ c_o m_h m_w（输出）", R, "gloss"),
    (FMEM, "c_i h w (input) + c_o c_i k_h k_w (kernel)", W, "gloss"),
    (FMEM, "c_i h w（输入）+ c_o c_i k_h k_w（卷积核）", W, "gloss"),
    (
        FMEM,
        "c_i h w (kernel) + c_o c_i k_h k_w (input) + c_o m_h m_w (output)",
        N,
        "reading.gloss_other: kernel",
    ),
    # a label no letter reads (weights) on a term of the sum: the term's label, never
    # words about the whole answer ("say it is of weights")
    (FMEM, "c_i h w (input) + c_o c_i k_h k_w (weights) + c_o m_h m_w (output)", R, "term_label"),
    (FMEM, "c_i h w (input) + c_o c_i k_h k_w (weights) + c_o m_h m_w", R, "term_label"),
    (FMEM, "c_i h w (input) + c_o c_i k_h (weights) + c_o m_h m_w", W, "term_label"),
    # a contrast: a remark; with the formula written, a denial
    (BS, "c_o (not c_i)", R, "contrast"),
    (BS, "c_o（而不是 c_i）", R, "contrast"),
    (BS, "c_i (not c_o)", W, "contrast"),
    (BS, "c_i（而不是 c_o）", W, "contrast"),
    (BS, "c_o (not c_o)", N, "reading.remark_negates: not c_o"),
    # a count said to be per a part of the layer: it scales, refused
    (BS, "c_o (per group)", N, "reading.remark_operation: per group"),
    (BS, "c_o（每组）", N, "reading.remark_operation: 每组"),
    (FM, "c_o c_i k_h k_w m_h m_w (for each image)", N, "reading.remark_operation: for each image"),
    # ... per a filter, a kernel, an output, a neuron, per-group (s15rev F7: a typed list of
    # parts missed them), in brackets
    (FM, "c_o c_i k_h k_w m_h m_w (per filter)", N, "reading.remark_operation: per filter"),
    (FM, "c_o c_i k_h k_w m_h m_w (per neuron)", N, "reading.remark_operation: per neuron"),
    (FM, "c_o c_i k_h k_w m_h m_w (per-group)", N, "reading.remark_operation: per-group"),
    (FM, "c_o c_i k_h k_w m_h m_w（每个卷积核）", N, "reading.remark_operation: 每个卷积核"),
    (FM, "c_o c_i k_h k_w m_h m_w（每个输出）", N, "reading.remark_operation: 每个输出"),
    # ... per the layer, or a rate's product: the layer's count
    (FM, "c_o c_i k_h k_w m_h m_w (per layer)", R, "remark"),
    (FM, "c_o c_i k_h k_w m_h m_w（每层）", R, "remark"),
    (
        FM,
        "c_i k_h k_w multiplications per output element times c_o m_h m_w output elements",
        R,
        "rate_product",
    ),
    (FM, "c_i k_h k_w multiplications per output element times c_o m_h output elements", W, None),
    # two answers offered (s15exam E12, E13): refused naming them, never one of them graded
    (BS, "c_o or c_i", N, "reading.alternative: c_o or c_i"),
    (BS, "c_o 或 c_i", N, "reading.alternative: c_o 或 c_i"),
    (BS, "c_o (or c_i)", N, "reading.alternative: or c_i"),
    (BS, "c_o（或 c_i）", N, "reading.alternative: 或 c_i"),
    (
        FM,
        "c_o c_i k_h k_w m_h m_w (or 2 c_o c_i k_h k_w m_h m_w)",
        N,
        "reading.alternative: or 2 c_o c_i k_h k_w m_h m_w",
    ),
    # ... with a question mark, or said with either, also, alternatively, 或者说, 也许
    # (s15rev F16: read as a remark or a product); a bound in brackets (or more, 或更多)
    (BS, "c_o (or c_i?)", N, "reading.alternative: or c_i?"),
    (BS, "c_o (also c_i)", N, "reading.alternative: also c_i"),
    (BS, "c_o (alternatively c_i)", N, "reading.alternative: alternatively c_i"),
    (BS, "c_o (either c_o or c_i)", N, "reading.alternative: either c_o or c_i"),
    (BS, "c_o（或者说 c_i）", N, "reading.alternative: 或者说 c_i"),
    (BS, "c_o（也许 c_i）", N, "reading.alternative: 也许 c_i"),
    (BS, "c_o (or more)", N, "reading.trail_bounds: or more"),
    (BS, "c_o（或更多）", N, "reading.trail_bounds: 或更多"),
    # ... their words before no answer: a remark
    (BS, "c_o (also called the output channels)", R, "remark"),
    (BS, "c_o（也是输出通道数）", R, "remark"),
    (BS, "c_o (either way)", R, "remark"),
    # "the two" refers, it states no number (s15exam E15); a number word still does
    ("compose-size", "k_1 + k_2 - 1 (same as the full convolution of the two)", R, "remark"),
    guard(
        "compose-size",
        "k_1 + k_2 - 1 (times the two)",
        N,
        "reading.remark_operation: times the two",
    ),
    # a call read is said as read (s15exam E9), never "the code around the formula"
    # (guards: fixed with E25's code_call, fe47622e..71879652)
    guard(OH, 'torch.div(h - k_h + p_h, s_h, rounding_mode="floor") + 1', R, "code_call"),
    guard(OH, 'torch.div(h - k_h, s_h, rounding_mode="floor") + 1', W, "code_call"),
    # a number after ≈: an approximation, the exact side graded
    (DC, "2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 4", R, "approximation"),
    (DC, "2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 4.0", R, "approximation"),
    (DC, "2(2 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 4", W, "approximation"),
    # ... which it must round, a formula at large layers as a number does (s15rev F3:
    # these were accepted, the number after ≈ never checked)
    (DC, "4c_o/c_o ≈ 4.04", N, "reading.approximation_far: 4.04"),
    (DC, "(2c_i)(2c_o)/(c_i c_o) ≈ 4.04", N, "reading.approximation_far: 4.04"),
    guard(DC, "(2c_i)(2c_o)/(c_i c_o) ≈ 4.0", C, "approximation"),
    (FM, "c_o c_i k_h k_w m_h m_w ≈ 5", N, "reading.approximation_far: 5"),
    (FM, "乘法次数 = c_o c_i k_h k_w m_h m_w ≈ 1300", N, "reading.approximation_far: 1300"),
    (OH, "(h - k_h + p_h)//s_h + 1 ≈ 2", N, "reading.approximation_far: 2"),
    (DC, "2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 3", N, "reading.approximation_far: 3"),
    guard(DC, "比值 = 2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 4", R, "approximation"),
    # a count said per one of the layer's parts in the prose after it, as in brackets
    # (s15rev F7: graded as the layer's count, and accepted); a wrong one stays wrong
    (FM, f"{MULTS} multiplications per output channel", N, PER + "per output channel"),
    (FM, f"{MULTS} 次乘法，每个输出通道", N, PER + "每个输出"),
    (FM, f"{MULTS} multiplications for each filter", N, PER + "for each filter"),
    guard(FM, "c_i k_h k_w m_h m_w multiplications per output channel", W, None),
    guard(FM, f"{MULTS} multiplications for the whole layer", R, "condition_after"),
    guard(FM, f"共 {MULTS} 次乘法", R, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_bracket_around_a_formula_is_read_as_what_it_is = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


def _value(question: str):
    (key,) = [k for k in practice_class().students[0].key if k.question == question]
    return key.value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_approximation_after_the_exact_number_at_the_page_layer(lang):
    """``214/53 ≈ 4.04`` at the page's layer: the exact number graded, the approximation
    checked to its digits; one that does not round it is refused naming it."""
    from fractions import Fraction

    exact = Fraction(_value(DC))
    written = f"{exact.numerator}/{exact.denominator}"
    rounded = f"{float(exact):.2f}"
    right = json.loads(answer_at(DC, f"{written} ≈ {rounded}", lang))
    assert right["verdict"] == R, right
    far = f"{float(exact) + 0.5:.2f}"
    refused = json.loads(answer_at(DC, f"{written} ≈ {far}", lang))
    assert refused["verdict"] == N and far in refused["feedback"], refused
    count = _value(FM)
    near = json.loads(answer_at(FM, f"{count} ≈ {round(count, -2)}", lang))
    assert near["verdict"] == R, near
    wrong = json.loads(answer_at(FM, f"{count + 100} ≈ {round(count + 100, -2)}", lang))
    assert wrong["verdict"] == W, wrong


@GUARD
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_gloss_after_a_right_number_at_the_page_layer_is_a_remark(lang):
    """The page's number path: a gloss after the number is no factor of it (a guard:
    the number path read it as a remark before)."""
    count = _value(BS)
    right = json.loads(answer_at(BS, f"{count} (output channels)", lang))
    assert right["verdict"] == R, right
    wrong = json.loads(answer_at(BS, f"{count + 1} (output channels)", lang))
    assert wrong["verdict"] == W, wrong


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_remark_stating_another_layer_than_the_pages_is_refused(lang):
    """``4 (stride 3)`` at a stride-3 layer is the number; ``4 (stride 2)`` says the
    number is for another layer: refused naming the remark, never accepted.  A padding
    stated may be the layer's total or its half (per side)."""
    layer = practice_class().students[0].layer
    size = _value(OH)
    right = [
        f"{size} (stride {layer.s_h})",
        f"{size}（步幅为 {layer.s_h}）",
        f"{size} (p = {layer.p_h})",
        f"{size} (padding {layer.p_h // 2})",
        f"{size} (k = {layer.k_h})",
    ]
    for answer in right:
        got = json.loads(answer_at(OH, answer, lang))
        assert got["verdict"] == R, (answer, got)
    other = [
        (f"{size} (stride {layer.s_h + 1})", f"stride {layer.s_h + 1}"),
        (f"{size}（步幅为 {layer.s_h + 1}）", f"步幅为 {layer.s_h + 1}"),
        (f"{size} (p = {layer.p_h + 1})", f"p = {layer.p_h + 1}"),
        (f"{size} (k = {layer.k_h + 2})", f"k = {layer.k_h + 2}"),
        (f"{_value(FM)} (groups {layer.groups + 1})", f"groups {layer.groups + 1}"),
    ]
    for answer, remark in other:
        question = FM if "groups" in answer else OH
        got = json.loads(answer_at(question, answer, lang))
        assert got["verdict"] == N and remark in got["feedback"], (answer, got)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_remark_names_what_the_notations_name(lang):
    """s15rev F10: a name in a remark read as the checker reads it: Keras's ``filters``
    is c_o (it was read as the kernel's size: the layer's c_o refused, its kernel size
    accepted); the book's letter p_h is the padding as the layer counts it (s15rev F2:
    half the total passed as p_h)."""
    layer = practice_class().students[0].layer
    count, size = _value(FM), _value(OH)
    for answer in (f"{count} (filters {layer.c_o})", f"{size} (p_h = {layer.p_h})"):
        got = json.loads(answer_at(FM if answer.startswith(str(count)) else OH, answer, lang))
        assert got["verdict"] == R, (answer, got)
    other = [
        (FM, f"{count} (filters {layer.k_h})", f"filters {layer.k_h}"),
        (FM, f"{count}（filters {layer.c_o + 1}）", f"filters {layer.c_o + 1}"),
        (OH, f"{size} (p_h = {layer.p_h // 2})", f"p_h = {layer.p_h // 2}"),
    ]
    for question, answer, remark in other:
        got = json.loads(answer_at(question, answer, lang))
        assert got["verdict"] == N and remark in got["feedback"], (answer, got)


@pytest.mark.parametrize("convention", ["total", "per-side"])
def test_a_padding_in_a_remark_is_read_in_the_layers_convention(convention):
    """s15rev F2: a padding said in a word may be the layer's or the other reading's
    (total or per side); any other value, and the letter at the other reading's value,
    states another layer: at a per-side layer (p_h = 2 a side, 4 in all) ``(padding 1)``
    passed and ``(padding 4)`` was refused."""
    from derivations.model import Layer
    from derivations.variants.grade import _other_layer_stated

    layer = Layer(
        c_i=3,
        c_o=4,
        h=10,
        w=7,
        k_h=3,
        k_w=3,
        p_h=2,
        p_w=2,
        s_h=3,
        s_w=3,
        padding_convention=convention,
    )
    other = 4 if convention == "per-side" else 1  # the padding's other reading
    for remark in ("padding 2", f"padding {other}", "p_h = 2", "填充为 2"):
        assert _other_layer_stated(f"4 ({remark})", layer, "en") is None, remark
    for remark in ("padding 3", f"padding {4 if convention == 'total' else 1}", f"p_h = {other}"):
        refused = _other_layer_stated(f"4 ({remark})", layer, "en")
        assert refused is not None and refused.verdict == N, remark


def test_two_sizes_alike_are_said_without_a_raw_value():
    """s15exam E15: "(alike: True)" reached the student."""
    from derivations.checking import check
    from derivations.checking.explaining.wording import note_text

    result = check("compose-size", "k_1 + k_2 - 1 x k_1 + k_2 - 1", symbolic=False)
    (note,) = [n for n in result.parsed["notes"] if n["id"] == "reading.note.two_sizes"]
    for lang in ("en", "zh"):
        said = note_text(note["id"], lang, **note["fields"])
        assert "True" not in said and "False" not in said, said


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_number_offered_with_another_or_under_a_padding_reading_at_the_page_layer(lang):
    """s15exam E12: ``1296 (or 2592)`` was right, the bracket "a remark"; E14: ``6
    (per-side padding)`` was "scaled"; now two numbers are refused naming the bracket, and
    a padding's reading is a remark, the number graded (and told, when it is the value
    under the other reading)."""
    layer = practice_class().students[0].layer
    count, size = _value(FM), _value(OH)
    for answer, other in [
        (f"{count} (or {2 * count})", f"or {2 * count}"),
        (f"{size}（或 {size + 1}）", f"或 {size + 1}"),
        (f"{size} (maybe {size + 1})", f"maybe {size + 1}"),
        # another number under a padding's reading (the residual of s15exam E12)
        (f"{size} ({size + 1} with per-side padding)", f"{size + 1} with per-side padding"),
        (f"{size}（每边填充时为 {size + 2}）", f"每边填充时为 {size + 2}"),
    ]:
        got = json.loads(answer_at(FM if answer.startswith(str(count)) else OH, answer, lang))
        assert got["verdict"] == N and other in got["feedback"], (answer, got)
    # the per-side value of the page's layer: the size with the padding counted twice;
    # with the reading in brackets it is graded and told as the number alone is
    per_side = (layer.h - layer.k_h + 2 * layer.p_h) // layer.s_h + 1
    alone = json.loads(answer_at(OH, str(per_side), lang))
    assert alone["verdict"] == W
    for bracket in ("per-side padding", "填充按每边计"):
        got = json.loads(answer_at(OH, f"{per_side} ({bracket})", lang))
        assert got["verdict"] == W and got["feedback"].startswith(alone["feedback"]), got
    assert json.loads(answer_at(OH, f"{size} (or so)", lang))["verdict"] == R


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_another_number_or_a_bound_in_brackets_at_the_page_layer(lang):
    """s15rev F16: ``4 (or 3?)``, ``4 (or three)``, ``4 (either 4 or 3)``, ``4 (also
    3)``, ``4 (or more)`` were right, the bracket "a remark": two answers or a bound,
    refused naming the bracket; the words alone before no number stay a remark."""
    from derivations.checking.reading.informal import NUMBER_WORDS

    size = _value(OH)
    other = size + 1
    word = next(w for w, v in NUMBER_WORDS.items() if v == other and w.isascii())
    for inside in (
        f"or {other}?",
        f"or {word}",
        f"either {size} or {other}",
        f"also {other}",
        f"alternatively {other}",
        f"或者说 {other}",
        f"也许 {other}",
        "or more",
        "or less",
        "或更多",
    ):
        got = json.loads(answer_at(OH, f"{size} ({inside})", lang))
        assert got["verdict"] == N and inside in got["feedback"], (inside, got)
    for inside in ("also the output height", "either way", "也是输出高度"):
        got = json.loads(answer_at(OH, f"{size} ({inside})", lang))
        assert got["verdict"] == R, (inside, got)
