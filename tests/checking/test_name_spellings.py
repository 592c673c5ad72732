"""Issue 21, names spelled as authors spell them: a parameter's name misspelled or cut
short (``kernal_size``, ``Strid``), a run of one case joining parts (``PADTOP``,
``STRIDEY``, ``kernelsize``), a side's padding (``pad_top``, ``padLeft``, ``beginning
padding``: half its axis's total) and LaTeX's old font switch around a name (``{\\rm
pad}``).  Every answer below is our own, through ``check`` and ``grade``, feedback in
both languages; wrong ones are never accepted."""

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.names import compose, role_of
from tests.checking.rows import Table, graded_rows, never_accepted_test, read_as

# a name -> what its parts read as, by hand
DIRECT = {
    "kernal_size": "k",
    "kernerl_h": "k_h",
    "Strid_h": "s_h",
    "padd_w": "p_w",
    "PADTOP": "p_h/2",
    "PADBOTTOM": "p_h/2",
    "padLeft": "p_w/2",
    "pad_right": "p_w/2",
    "beginning_padding": "p/2",
    "padding_end": "p/2",
    "STRIDEY": "s_h",
    "STRIDEX": "s_w",
    "kernelsize": "k",
    # "in" leads a run as C code writes the input's size (b51e658: insize)
    "inheight": "h",
    "outheight": "m_h",
    "FILTERWIDTH": "k_w",
    "DILATEY": "1",
    # alone, a parameter's name misspelt or cut short (said so: test_misspelt_names.py)
    "kernal": "k",
    "Strid": "s",
}
# not names: a root too short, a side with no padding, two axes, two-letter pieces
NOT_NAMES = [
    "ker",
    "top_stride",
    "left_h",
    "padtop_w",
    "toheight",
    "chin",
    "topbottom",
]


@pytest.mark.parametrize("name, read", sorted(DIRECT.items()))
def test_a_name_spelled_as_authors_spell_it_reads_by_its_parts(name, read):
    assert compose(name).read == read


@pytest.mark.parametrize("name", NOT_NAMES)
def test_pieces_that_name_nothing_stay_unread(name):
    composed = compose(name)
    assert composed is None or composed.read is None, (name, composed)


def test_a_root_reads_only_a_parameters_misspelling():
    assert role_of("kernerl") == "kernel" and role_of("Strid") == "stride"
    assert role_of("padd") == "padding"
    # alone, not a part of the lexicon (names._alone reads it as the parameter, said so)
    assert role_of("kernal", rooted=False) is None
    assert role_of("chann") == "channel"  # a part one edit from chan
    assert compose("chann") is None  # alone: the channels are no parameter of the layer's
    assert role_of("pad") == "padding" and role_of("str") is None  # a part, or too short


# (question, answer, verdict, {written: read} or None)
ROWS = [
    (
        "output-height",
        "(h - kernal_size + 2*padding)//stride_len + 1",
        "equivalent_under_convention",
        {},
    ),
    (
        "output-height",
        "floor((H + PADTOP + PADBOTTOM - KH)/STRIDEY) + 1",
        "equivalent",
        {"PADTOP": "p_h/2", "STRIDEY": "s_h"},
    ),
    ("output-width", "(W + padLeft + padRight - k_w)//s_w + 1", "equivalent", {"padLeft": "p_w/2"}),
    (
        "output-height",
        "1 + (input size - kernel size + beginning padding + ending padding) / stride",
        "equivalent_under_convention",
        {},
    ),
    (
        "output-height",
        "({\\rm input\\_size} - {\\rm ksize} + 2 {\\rm pad}) / {\\rm stride} + 1",
        "equivalent_under_convention",
        {},
    ),
    (
        "output-height",
        "输出高 = (h - kernelsize + pad_top + pad_bottom)//stride + 1",
        "equivalent_under_convention",
        {},
    ),
    # wrong, read the same way: not_equivalent
    ("output-height", "(h - kernal_size + pad_top)//strid_h + 1", "not_equivalent", None),
    (
        "output-height",
        "(h - kernal + p_h + s_h)//s_h",
        "equivalent_under_convention",
        {"kernal": "k"},
    ),
    ("output-height", "(h - kernal + p_h)//s_h", "not_equivalent", {"kernal": "k"}),
    ("output-height", "floor((H + PADTOP - KH)/STRIDEY) + 1", "not_equivalent", None),
    (
        "output-height",
        "({\\rm input\\_size} + 2 {\\rm pad}) / {\\rm stride} + 1",
        "not_equivalent",
        None,
    ),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_names_as_authors_spell_them_through_check = TABLE.check_test(also=read_as)


# PyTorch's Conv3d indexes (depth, height, width): an answer that writes a parameter's
# [2], or names the output's height and indexes with [1] only, reads its [1] as the
# height's and its [2] as the width's; ONNX's pads[2], which its
# record spells, stays the bottom padding
TRIPLE = [
    (
        "output-width",
        "floor((w + 2*padding[2] - dilation[2]*(kernel_size[2]-1) - 1)/stride[2] + 1)",
        "equivalent_under_convention",
    ),
    (
        "output-width",
        "W_out = (W_in + 2*pad[2] - kernelSize[2])//stride[2] + 1",
        "equivalent_under_convention",
    ),
    ("output-width", "floor((w + 2*padding[1] - kernel_size[2])/stride[2] + 1)", "not_equivalent"),
    ("output-height", "(H + pads[0] + pads[2] - k_h)//strides[0] + 1", "equivalent"),
    # the output's height named, parameters indexed [1] and never [0]: Conv3d's height
    (
        "output-height",
        "H_out = (H_in + 2*padding[1] - dilation[1]*(kernel_size[1] - 1) - 1)//stride[1] + 1",
        "equivalent_under_convention",
    ),
    (
        "output-height",
        "H_out = (H_in + 2*padding[1] - kernel_size[0])//stride[1] + 1",
        "not_equivalent",
    ),
    (
        "output-width",
        "W_out = (W_in + 2*padding[1] - kernel_size[1])//stride[1] + 1",
        "equivalent_under_convention",
    ),
    # a shape's index is its layout's, as written, beside a triple's
    (
        "forward-mults",
        "c_i * c_o * kernel_size[1] * kernel_size[2] * o_shape[2] * o_shape[3]",
        "equivalent",
    ),
    # without a [2], a pair: [1] the width's
    (
        "output-width",
        "floor((w + 2*padding[1] - kernel_size[1])/stride[1] + 1)",
        "equivalent_under_convention",
    ),
]


@pytest.mark.parametrize("question, answer, verdict", TRIPLE)
def test_a_third_index_reads_the_sizes_as_conv3d_does(question, answer, verdict):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    for lang in ("en", "zh"):
        assert feedback(result, lang)


# a tall floor's pieces pasted as characters (⎣ ⎦) are its brackets; x beside an
# operator is a letter ((x + 2p − k), an author's input), between factors a times sign
PIECES = [
    ("output-height", "Hauteur_sortie = ⎣ (x + 2p − k) / s ⎦ + 1", "equivalent_under_convention"),
    ("output-height", "⎣(h - k_h + p_h + s_h)/s_h⎦", "equivalent"),
    ("output-height", "⎣(h - k_h + p_h)/s_h⎦", "not_equivalent"),
    ("forward-mults", "k x k x c_i x c_o x m_h x m_w", "equivalent_under_convention"),
    ("forward-mults", "2 x c_i c_o k_h k_w m_h m_w", "not_equivalent"),
]


@pytest.mark.parametrize("question, answer, verdict", PIECES)
def test_floor_pieces_and_x_as_a_letter_beside_an_operator(question, answer, verdict):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)


NEVER_ACCEPTED = [
    ("output-height", "(h - kernal_size + PADTOP)//strid_h + 1"),
    ("output-width", "(W + padLeft - k_w)//s_w + 1"),
    ("output-height", "floor((H + PADTOP + PADBOTTOM - KH*(DILATEY-1) - 1)/STRIDEY) + 1"),
    ("output-height", "1 + (input size + beginning padding + ending padding) / stride"),
    ("output-width", "(W + padTop + padBottom - k_w)//s_w + 1"),
    ("output-width", "floor((w + 2*padding[1] - kernel_size[2])/stride[2] + 1)"),
    ("output-height", "floor((h + 2*padding[2] - kernel_size[2])/stride[2] + 1)"),
    ("output-height", "⎣ (x + p − k) / s ⎦"),
    ("output-height", "(x − k) / s + 1"),
]


test_a_wrong_answer_in_such_names_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_such_names_in_both_languages():
    pairs = [
        ("output-height", "(h + PADTOP + PADBOTTOM - k_h)//STRIDEY + 1"),
        ("output-height", "(h + PADTOP - k_h)//STRIDEY + 1"),
    ]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        assert [r["verdict"] for r in graded] == ["equivalent", "not_equivalent"]
