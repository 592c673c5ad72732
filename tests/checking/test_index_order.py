"""Issue 21, a parameter's index in Conv2d's or Conv3d's order (session six): PyTorch's
Conv2d indexes its pairs (height, width), its Conv3d (depth, height, width), so an
unlabelled ``padding[1]`` is the width's or the height's.  An answer that says it is
3-D anywhere (``Conv3d``, ``3D``, a depth, ``D_in``) is read in Conv3d's order; one that
indexes with [1] only and says nothing is read in Conv2d's, and where that reading is
not right but Conv3d's makes it right it is refused as ambiguous, naming both readings,
never called wrong.  Every answer below is our own, through ``check`` and ``grade``,
feedback in both languages; wrong ones stay wrong in both orders."""

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.lexer import second_index_only, three_d_said
from tests.checking.rows import (
    Table,
    graded_alone_the_same,
    graded_rows,
    never_accepted_test,
    read_as,
)

HEIGHT = "floor((h + 2*padding[1] - kernel_size[1])/stride[1] + 1)"
WIDTH = "floor((w + 2*padding[1] - kernel_size[1])/stride[1] + 1)"

# (question, answer, verdict, {written: read})
ROWS = [
    # nothing says which order: Conv2d's where it is right ...
    ("output-width", WIDTH, "equivalent_under_convention", {"padding[1]": "p_w"}),
    # ... refused where only Conv3d's makes it right
    ("output-height", HEIGHT, "invalid_input", None),
    ("output-height", "(h - kernel_size[1] + 2*padding[1])//stride[1] + 1", "invalid_input", None),
    # the answer says 3-D: Conv3d's order
    ("output-height", "Conv3d: " + HEIGHT, "equivalent_under_convention", {"padding[1]": "p_h"}),
    ("output-height", "3D: " + HEIGHT, "equivalent_under_convention", {"stride[1]": "s_h"}),
    ("output-height", HEIGHT + "  # depth first", "equivalent_under_convention", None),
    ("output-width", "Conv3D: " + WIDTH, "not_equivalent", {"padding[1]": "p_h"}),
    ("output-height", "H_out = " + HEIGHT, "equivalent_under_convention", {"padding[1]": "p_h"}),
    # Conv3d's order would make it the other axis's formula (right only on a square
    # layer): no reading that makes it right, so Conv2d's, and wrong
    (
        "output-width",
        "w = (h + 2*padding[1] - kernel_size[1])//stride[1] + 1",
        "not_equivalent",
        None,
    ),
    # wrong in both orders: wrong
    (
        "output-height",
        "floor((h + 2*padding[1] - kernel_size[1])/stride[1])",
        "not_equivalent",
        None,
    ),
    ("output-width", "floor((w + padding[1] - kernel_size[1])/stride[1])", "not_equivalent", None),
    # [0] says Conv2d's order
    (
        "output-height",
        "floor((h + 2*padding[0] - kernel_size[0])/stride[0] + 1)",
        "equivalent_under_convention",
        {"padding[0]": "p_h"},
    ),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_an_index_is_read_in_the_order_the_answer_says = TABLE.check_test(also=read_as)


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "padding[1] is p_w in Conv2d's order (height, width) and p_h in Conv3d's"),
        ("zh", "padding[1] 按 Conv2d 的顺序（高、宽）是 p_w，按 Conv3d 的顺序（深、高、宽）是 p_h"),
    ],
)
def test_the_refusal_names_both_readings(lang, said):
    result = check("output-height", HEIGHT)
    assert result.error["id"] == "checker.reason.ambiguous_order"
    assert said in feedback(result, lang)


def test_what_says_the_order():
    assert second_index_only(HEIGHT) and not second_index_only("Conv3d: " + HEIGHT)
    assert not second_index_only("padding[0] + padding[1]") and not second_index_only("h - k")
    assert three_d_said("Conv3d: " + HEIGHT) and three_d_said("D_out = padding[1]")
    assert not three_d_said(HEIGHT) and not three_d_said("3d: h - k")  # no index


NEVER_ACCEPTED = [
    ("output-height", HEIGHT),
    ("output-width", "Conv3d: " + WIDTH),
    ("output-height", "floor((h + 2*padding[1] - kernel_size[1])/stride[1])"),
    ("output-width", "conv3d " + "floor((w + 2*padding[2] - kernel_size[1])/stride[2] + 1)"),
]


test_a_wrong_or_ambiguous_order_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_says_the_same(lang):
    pairs = [
        ("output-height", HEIGHT),
        ("output-height", "Conv3d: " + HEIGHT),
        ("output-width", WIDTH),
    ]
    graded = graded_rows(pairs, lang)
    assert [row["verdict"] for row in graded] == [
        "invalid_input",
        "equivalent_under_convention",
        "equivalent_under_convention",
    ]
    assert "Conv3d" in graded[0]["feedback"] and "p_w" in graded[0]["feedback"]


# a pair named by its axes' parts, indexed: the axes in the order written
PAIRS = {
    "h_w_dims": ("h", "w"),
    "w_h": ("w", "h"),
    "out_h_w": ("m_h", "m_w"),
    "kernel_w_h": ("k_w", "k_h"),
    "height_width_size": ("h", "w"),
}
NOT_PAIRS = ["h_dims", "h_w_blob", "in_out_h_w", "h_h", "kernel"]


@pytest.mark.parametrize("name, pair", sorted(PAIRS.items()))
def test_a_pair_named_by_its_axes_indexes_them_in_order(name, pair):
    from derivations.checking.reading.names import axes_pair

    assert axes_pair(name) == pair


@pytest.mark.parametrize("name", NOT_PAIRS)
def test_other_names_are_no_pairs(name):
    from derivations.checking.reading.names import axes_pair

    assert axes_pair(name) is None


PAIR_ROWS = [
    (
        "output-height",
        "floor((h_w_dims[0] + 2*pad - kernel_size[0])/stride) + 1",
        "equivalent_under_convention",
    ),
    (
        "output-width",
        "floor((h_w_dims[1] + 2*pad - kernel_size[1])/stride) + 1",
        "equivalent_under_convention",
    ),
    ("output-height", "(w_h[1] - k_h + p_h + s_h)//s_h", "equivalent"),
    # wrong: the other axis, or no padding
    ("output-height", "(w_h[0] - k_h + p_h + s_h)//s_h", "not_equivalent"),
    ("output-width", "floor((h_w_dims[1] - kernel_size[1])/stride) + 1", "not_equivalent"),
]


test_a_pair_through_check_and_grade = Table("question, answer, verdict", PAIR_ROWS).check_test(
    also=graded_alone_the_same
)


# a parameter's array indexed by a loop's variable (Caffe's pad_data[i]): the square
# layer's parameter; a kernel's extent (dilated): the kernel at dilation 1
LOOPED = [
    (
        "output-height",
        "(input_dim + 2 * pad_data[i] - kernel_extent) / stride_data[i] + 1",
        "equivalent_under_convention",
        {"pad_data[i]": "p", "kernel_extent": "k"},
    ),
    (
        "output-width",
        "floor((w + 2*padding[j] - dilated_kernel)/stride[j]) + 1",
        "equivalent_under_convention",
        {"stride[j]": "s"},
    ),
    (
        "forward-mults",
        "c_i*c_o*m_h*m_w*kernel_extent^2",
        "equivalent_under_convention",
        {"kernel_extent": "k"},
    ),
    # wrong, read the same way
    (
        "output-height",
        "(input_dim + 2 * pad_data[i] - kernel_extent) / stride_data[i]",
        "not_equivalent",
        {"pad_data[i]": "p"},
    ),
    ("output-height", "(input_dim - kernel_extent) / stride_data[i] + 1", "not_equivalent", None),
]


def _read_and_graded_alone(result, **row):
    read_as(result, **row)
    graded_alone_the_same(result, **row)


test_a_loops_index_and_a_kernels_extent = Table(
    "question, answer, verdict, read", LOOPED
).check_test(also=_read_and_graded_alone)
