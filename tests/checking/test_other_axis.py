"""Issue 21's decision on the other axis's formula: CS231n writes one size W for a
square input, so an answer to the output height written with the width's one symbol and
one kernel, padding and stride for both axes (``(W - F + 2P)/S + 1``) is read on a square
layer: the real convention "a square layer written with one symbol" (``square_layer``),
with a note saying the sizes were read as the width's.  One written in the width's own
subscripted symbols (``(w - k_w + p_w + s_w)//s_w``, PyTorch's ``[1]``) answered the other
question (s10exam2 F8): ``axis_mixup``, diagnosed "the formula of the output width"; an
answer mixing the axes (h with k_w) stays ``axis_mixup``.  Through ``check`` and
``grade``, feedback in both languages; the answers are our own."""

import pytest

from derivations.checking import check, feedback
from tests.checking.rows import graded_rows

NOTE = {"output-height": "width_formula_for_height", "output-width": "height_formula_for_width"}

# (question, answer, verdict, conventions or misconception)
TABLE = [
    # the other axis's formula throughout: right on a square layer
    (
        "output-height",
        "(W - F + 2P)/S + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_layer", "exact_division"],
    ),
    (
        "output-height",
        "floor((W - F + 2P)/S) + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_layer"],
    ),
    ("output-height", "(w - k + p + s)//s", "equivalent_under_convention", ["square_layer"]),
    (
        "output-height",
        "(W_in + 2*padding - kernel_size)//stride + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_layer"],
    ),
    (
        "output-width",
        "(H - K + 2P)/S + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_layer", "exact_division"],
    ),
    ("output-width", "⌊(h − k + p + s)/s⌋", "equivalent_under_convention", ["square_layer"]),
    # the other axis's own subscripted symbols: the other question's answer (F8)
    ("output-height", "(w-k_w+p_w+s_w)//s_w", "not_equivalent", "axis_mixup"),
    ("output-height", "floor((w - k_w + p_w)/s_w) + 1", "not_equivalent", "axis_mixup"),
    (
        "output-height",
        "(W_in + 2*padding[1] - kernel_size[1])//stride[1] + 1",
        "not_equivalent",
        "axis_mixup",
    ),
    ("output-width", "⌊(h − k_h + p_h + s_h)/s_h⌋", "not_equivalent", "axis_mixup"),
    (
        "output-width",
        "(输入高度 - 卷积核高度 + 填充高度)//步幅高度 + 1",
        "not_equivalent",
        "axis_mixup",
    ),
    # still wrong when the width's formula is itself wrong
    ("output-height", "(W - F + 2P)/S", "not_equivalent", "output_off_by_one"),
    ("output-height", "(w - k)//s + 1", "not_equivalent", "given_parameter_left_out"),
    ("output-height", "(w - k_w)//s_w + 1", "not_equivalent", None),
    # the axes mixed inside one answer: still a mix-up
    ("output-height", "(h-k_w+p_h+s_h)//s_h", "not_equivalent", "axis_mixup"),
    ("output-height", "(w-k_h+p_h+s_h)//s_h", "not_equivalent", "axis_mixup"),
    ("output-height", "(h - k_h + p_w + s_h)//s_h", "not_equivalent", "axis_mixup"),
    ("output-width", "(w-k_h+p_w+s_w)//s_w", "not_equivalent", "axis_mixup"),
]


@pytest.mark.parametrize("question, answer, verdict, expected", TABLE)
def test_the_other_axis_formula_is_the_square_layer_convention(question, answer, verdict, expected):
    result = check(question, answer, symbolic=False)
    assert result.verdict == verdict, result.error
    if verdict == "not_equivalent":
        assert result.misconception == expected
    else:
        assert result.conventions == expected
        assert NOTE[question] in result.notes
        en, zh = feedback(result, "en"), feedback(result, "zh")
        assert "square layer (h = w)" in en and "正方形层（h = w）" in zh


@pytest.mark.parametrize(
    "question, answer", [(q, a) for q, a, v, _ in TABLE if v != "not_equivalent"]
)
def test_the_note_names_the_axis_read(question, answer):
    en = feedback(check(question, answer, symbolic=False), "en")
    read = "width" if question == "output-height" else "height"
    assert f"read as the {read}'s" in en


def test_an_answer_of_its_own_axis_carries_no_such_note():
    result = check("output-height", "(H - F + 2P)/S + 1", symbolic=False)
    assert result.verdict == "equivalent_under_convention"
    assert "square_layer" not in result.conventions and not set(NOTE.values()) & set(result.notes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_gives_the_same_verdicts(lang):
    graded = graded_rows(TABLE, lang)
    assert [g["verdict"] for g in graded] == [v for _, _, v, _ in TABLE]
    for row, (_, _, verdict, expected) in zip(graded, TABLE):
        if verdict == "not_equivalent":
            assert row["misconception"] == (expected or "")
    square = "正方形层（h = w）" if lang == "zh" else "square layer (h = w)"
    assert square in graded[0]["feedback"]
