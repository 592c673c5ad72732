"""Indexed names as quantities (issue 21): a parameter's name with an index (``ks[0]``,
``strides[1]``, the book's ``k[0]``) reads as its height's or width's, a pair being
(height, width) as PyTorch's and Keras' are; a shape's name with an index (``i_shape[2]``,
``out_shape[1]``) is read among its tensor's layouts (NCHW, CHW, NHWC, HWC; OIHW, HWIO),
one layout per name and the input's and output's alike, only where inference makes it
unique, else refused as ambiguous.  Answers of our own, through ``check`` and ``grade``."""

import pytest

from derivations.checking import check
from derivations.checking.reading.names import one_layout, shape_hints, shape_of
from tests.checking.rows import Table, graded_rows, never_accepted_test, read_as

# (question, answer, verdict, {written: read})
ROWS = [
    (
        "output-height",
        "(h + 2*pad - ks[0])//strides[0] + 1",
        "equivalent_under_convention",
        {"ks[0]": "k_h", "strides[0]": "s_h"},
    ),
    (
        "output-width",
        "(w + 2*p - k[1])//s[1] + 1",
        "equivalent_under_convention",
        {"k[1]": "k_w", "s[1]": "s_w"},
    ),
    # a square parameter's width in the height's formula: an axis mix-up, as written
    ("output-height", "(h + 2*pad - ks[1])//strides[0] + 1", "not_equivalent", {"ks[1]": "k_w"}),
    # a shape's index: unique among the layouts
    (
        "forward-mults",
        "c_o * ks[0] * ks[1] * in_shape[2] * out_shape[0] * out_shape[1]",
        "equivalent",
        {"in_shape[2]": "c_i", "out_shape[0]": "m_h", "out_shape[1]": "m_w"},
    ),
    (
        "forward-mults",
        "c_o * k_h * k_w * x_shape[1] * y_shape[2] * y_shape[3]",
        "equivalent",
        {"x_shape[1]": "c_i", "y_shape[2]": "m_h", "y_shape[3]": "m_w"},
    ),
    ("bias-size", "output_shape[1]", "equivalent", {"output_shape[1]": "c_o"}),
    ("bias-size", "kernel_shape[0]", "equivalent", {"kernel_shape[0]": "c_o"}),
    (
        "output-height",
        "(input_shape[0] + 2*pad - ks[0])//strides[0] + 1",
        "equivalent_under_convention",
        {"input_shape[0]": "h"},
    ),
    # wrong under every layout that matches: not_equivalent, read as it matched
    (
        "forward-mults",
        "c_i * c_o * k_h * k_w * i_shape[0] * i_shape[1]",
        "not_equivalent",
        {"i_shape[0]": "h", "i_shape[1]": "w"},
    ),
    ("bias-size", "in_shape[1]", "not_equivalent", {"in_shape[1]": "c_i"}),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_an_indexed_name_reads_as_its_axis_or_its_layouts_size = TABLE.check_test(also=read_as)


# (question, answer, the two readings named): two layouts give different verdicts, or none
# gives one layout to the input and the output
REFUSED = [
    # i_shape[1]: h (CHW) makes it right, w (HWC) an axis mix-up
    ("output-height", "(i_shape[1] + 2*pad - ks[0])//strides[0] + 1", ("h", "w")),
    ("output-height", "(i_shape[2] - ks[0])//strides[0] + 1", ("h", "w")),
]


@pytest.mark.parametrize("question, answer, readings", REFUSED)
def test_an_index_two_layouts_read_differently_is_refused_as_ambiguous(question, answer, readings):
    result = check(question, answer)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.ambiguous_letter"
    assert {result.error["fields"]["first"], result.error["fields"]["second"]} == set(readings)


def test_an_input_and_an_output_in_two_layouts_are_never_read():
    # in_shape[1] c_i is NCHW's, out_shape[1] m_h CHW's: no one layout reads both
    result = check(
        "forward-mults", "c_o * ks[0] * ks[1] * in_shape[1] * out_shape[1] * out_shape[2]"
    )
    assert result.verdict == "invalid_input"
    assert not one_layout({"in_shape[1]": "c_i", "out_shape[1]": "m_h", "out_shape[2]": "m_w"})
    assert one_layout({"in_shape[1]": "c_i", "out_shape[2]": "m_h", "out_shape[3]": "m_w"})
    assert not one_layout({"i_shape[0]": "h", "i_shape[1]": "c_i"})


def test_the_shapes_and_their_layouts_come_from_the_registry():
    assert shape_of("i_shape") == "input" and shape_of("out_shape") == "output"
    assert shape_of("kernel_shape") == "kernel"
    assert shape_of("input_size") is None and shape_of("shape") is None
    assert shape_hints("i_shape", 2) == ("h", "w", "c_i")
    # OIHW, HWIO, OHWI (TensorFlow Lite's filter)
    assert shape_hints("kernel_shape", 3) == ("k_w", "c_o", "c_i")
    assert shape_hints("i_shape", 4) is None


NEVER_ACCEPTED = [
    ("output-height", "(i_shape[0] - ks[0])//strides[0] + 1"),
    ("output-height", "(h + 2*pad - ks[1])//strides[1] + 1"),
    ("forward-mults", "c_o * k_h * k_w * i_shape[0] * i_shape[1] * i_shape[2]"),
    ("forward-ops", "2 * filters * ks[0] * ks[1] * i_shape[2] * i_shape[0] * i_shape[1]"),
    ("bias-size", "in_shape[0]"),
    ("bias-size", "out_shape[0] * out_shape[1] * out_shape[2]"),
    ("bias-size", "kernel_shape[1]"),
]


test_a_wrong_answer_with_indexed_names_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_indexed_names_in_both_languages():
    pairs = [
        ("bias-size", "output_shape[1]"),
        ("output-height", "(h + 2*p - k[0])//s[0] + 1"),
        ("output-height", "(i_shape[1] - ks[0])//s + 1"),
    ]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        verdicts = [r["verdict"] for r in graded]
        assert verdicts == ["equivalent", "equivalent_under_convention", "invalid_input"]
