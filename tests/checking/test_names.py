"""Issue 21: names of several parts read by the roles of their parts
(:mod:`derivations.checking.reading.names`), through ``check`` and ``grade``, in English
and Chinese.  Every name below is our own (none copied from the held-out batches or the
issue); the expected readings are written by hand from what each part means."""

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derivations.checking import check, feedback
from derivations.checking.reading.names import compose, hints_of, segmented
from derivations.registry.notations import (
    PART_ROLES,
    folded,
    label_phrases,
    name_parts,
    notations,
)
from tests.checking.rows import graded_rows, never_accepted_test

RIGHT = ("equivalent", "equivalent_under_convention")

# a name -> the book's symbol its parts name, by hand (any order, any case style)
DIRECT = {
    "filt_rows": "k_h",
    "rows_filt": "k_h",
    "KernH": "k_h",
    "kernelHeight": "k_h",
    "windowCols": "k_w",
    "w_kern": "k_w",
    "nFilt": "c_o",
    "filters_n": "c_o",
    "kernelCount": "c_o",
    "xRows": "h",
    "rows_in": "h",
    "Height_Inp": "h",
    "img_w": "w",
    "yHeight": "m_h",
    "out_cols": "m_w",
    "col_res": "m_w",
    "chIn": "c_i",
    "in_depth": "c_i",
    "depthOut": "c_o",
    "feat_out": "c_o",
    "padRows": "p_h",
    "w_pads": "p_w",
    "pad_size": "p",
    "stepRows": "s_h",
    "s_cols": "s_w",
    "strideLen": "s",
    "kern_size": "k",
    "dil_h": "1",
    "outputLen": "m_h",
    "n_h^[l]": "m_h",
    "n_w^[l-1]": "w",
    "n_ch^[l]": "c_o",
    "depth^[l-1]": "c_i",
    "p^[l]": "p",
    "f_w^[l]": "k_w",
    # x and y beside a parameter: its axis (x the width's), not the input and output
    "s_x": "s_w",
    "kernY": "k_h",
    "Pad_Y": "p_h",
    # a feature map: the sizes of the tensor the other parts say
    "in_fmap_rows": "h",
    "outputFeatureMapWidth": "m_w",
    # one word alone, a parameter's
    "flt": "k",
    "Kern": "k",
    "steps": "s",
    # Spanish, French, German words of the same roles, as code writes them
    "alto_entrada": "h",
    "ancho_filtro": "k_w",
    "canales_salida": "c_o",
    "largeur_sortie": "m_w",
    "taille_noyau": "k",
    "Ausgabe_Breite": "m_w",
    "Eingabe_Kanal": "c_i",
}
# names whose parts allow several quantities (inference picks among them), or none
HINTED = {
    "n_chan": ("c_i", "c_o"),
    "numFeatures": ("c_i", "c_o"),
    "h_blob": ("h", "m_h", "k_h", "p_h", "s_h"),
    "kern_w_zzz": ("k_w",),
    "rows_num": ("h", "m_h", "k_h"),  # the input's, the output's or the kernel's rows
    "num_in": ("h", "w", "c_i"),
    "outputDim": ("m_h", "m_w", "c_o"),
    "nb_feature_maps": ("c_i", "c_o"),
}
NOT_NAMES = ["h_w", "pad_stride", "kern_in", "c_q", "foo_bar_h", "muls", "h_1", "pad_n"]
NOT_NAMES += ["feat_map_size", "fmap_ch_size", "featureMap", "filts", "img", "output", "ch", "sz"]


@pytest.mark.parametrize("name, symbol", sorted(DIRECT.items()))
def test_a_name_of_parts_reads_as_its_roles_name(name, symbol):
    assert compose(name).read == symbol


@pytest.mark.parametrize("name, names", sorted(HINTED.items()))
def test_a_name_of_parts_that_does_not_name_one_quantity_is_a_hint(name, names):
    assert compose(name).read is None and hints_of(name) == names


@pytest.mark.parametrize("name", NOT_NAMES)
def test_clashing_or_unknown_parts_name_nothing(name):
    assert compose(name) is None


def test_the_lexicon_is_data_of_one_record_with_known_roles():
    record = notations()["parts"]
    assert "http" in record.citation and record.name["en"] and record.name["zh"]
    assert {role for role, _ in record.parts} <= PART_ROLES
    # a word has one role (the first listing it would win silently otherwise), the
    # languages' label words of one word, written without their marks, among them
    words = [word.lower() for _, listed in record.parts for word in listed]
    labels = [
        (role, word) for _, table in record.labels for role, listed in table for word in listed
    ]
    assert {role for role, _ in labels} <= PART_ROLES
    words += [folded(word.lower()) for _, word in labels if " " not in word]
    phrases = [folded(word.lower()) for _, word in labels if " " in word]
    assert len(words) == len(set(words)) == len(name_parts())
    assert len(phrases) == len(set(phrases)) == len(label_phrases())


def test_chinese_names_split_into_parts_of_the_lexicon():
    assert segmented("卷积核的高") == ["卷积核", "的", "高"]
    assert segmented("卷积核形状") is None


# (question, answer, verdict, {written: read} of the readings by parts)
CHECKED = [
    (
        "output-height",
        "(rows_in + 2*pad_rows - kern_rows)//step_rows + 1",
        "equivalent_under_convention",
        {"rows_in": "h", "pad_rows": "p_h", "kern_rows": "k_h", "step_rows": "s_h"},
    ),
    (
        "output-width",
        "floor((inputCols - windowCols + padCols + strideCols) / strideCols)",
        "equivalent",
        {"inputCols": "w", "windowCols": "k_w", "padCols": "p_w", "strideCols": "s_w"},
    ),
    (
        "forward-mults",
        "yHeight * yWidth * numKernels * xChannels * kernHeight * kernWidth",
        "equivalent",
        {"yHeight": "m_h", "numKernels": "c_o", "xChannels": "c_i", "kernWidth": "k_w"},
    ),
    ("bias-size", "filterCount", "equivalent", {"filterCount": "c_o"}),
    ("bias-size", "ch_out", "equivalent", {"ch_out": "c_o"}),
    ("bias-size", "ch_in", "not_equivalent", {"ch_in": "c_i"}),
    ("bias-size", "Nb. filters", "equivalent", {"Nb. filters": "c_o"}),
    ("bias-size", "number of output channels", "equivalent", {}),
    (
        "output-height",
        r"\lfloor (n_H^{[l-1]} + 2p^{[l]} - f^{[l]})/s^{[l]} \rfloor + 1",
        "equivalent_under_convention",
        {"n_H^{[l-1]}": "h", "p^{[l]}": "p", "f^{[l]}": "k", "s^{[l]}": "s"},
    ),
    (
        "output-width",
        r"n_W^{[l]} = \lfloor (n_{W_{prev}} + 2p - f)/s \rfloor + 1",
        "equivalent_under_convention",
        {"n_W_prev": "w"},
    ),
    (
        "forward-mults",
        "out_rows * out_cols * No. of Kernels * c_i * k_h * k_w",
        "equivalent",
        {"No. of Kernels": "c_o", "out_rows": "m_h"},
    ),
    # a name marked as the previous layer's (its input) makes the unmarked one the output's
    (
        "forward-mults",
        "num_rows * num_cols * n_ch * k_h * k_w * n_ch_prev",
        "equivalent",
        {"num_rows": "m_h", "num_cols": "m_w", "n_ch": "c_o", "n_ch_prev": "c_i"},
    ),
    # two letters, each a part (where the book reads none, or a function and its argument)
    ("forward-mults", "oc*oh*ow*ic*kh*kw", "equivalent", {"oc": "c_o", "oh": "m_h", "ic": "c_i"}),
    # a name with _ the book's spellings would read as a product (h·p)
    (
        "output-height",
        "(H_inp - K_h + 2*pad)//S + 1",
        "equivalent_under_convention",
        {"H_inp": "h"},
    ),
    # LaTeX's and Markdown's escaped underscore is a name's underscore
    (
        "output-width",
        r"\frac{\text{cols\_in} + 2\,\text{pad\_cols} - \text{kern\_cols}}{S} + 1",
        "equivalent_under_convention",
        {"cols_in": "w", "pad_cols": "p_w", "kern_cols": "k_w"},
    ),
    ("output-height", r"(rows\_in + 2*P - kern\_rows)/S + 1", "equivalent_under_convention", {}),
    # names of several words
    (
        "output-width",
        "(input fmap width - window width + 2*pad)/stride + 1",
        "equivalent_under_convention",
        {"input fmap width": "w", "window width": "k_w"},
    ),
    # Chinese: parts joined, with 的 between them
    (
        "forward-mults",
        "输出的高*输出的宽*卷积核的个数*输入的通道数*核高*核宽",
        "equivalent",
        {"输出的高": "m_h", "卷积核的个数": "c_o", "输入的通道数": "c_i", "核宽": "k_w"},
    ),
    (
        "output-height",
        "(输入的高 - 卷积核的高 + 2*填充)/步幅 + 1",
        "equivalent_under_convention",
        {"输入的高": "h", "卷积核的高": "k_h"},
    ),
    ("bias-size", "输出的通道数", "equivalent", {"输出的通道数": "c_o"}),
    # 特征图 (a feature map) names no role of its own: the input's or output's it is
    (
        "output-width",
        "(输入特征图的宽 - 核宽 + 2*填充)/步幅 + 1",
        "equivalent_under_convention",
        {},
    ),
    (
        "output-width",
        "(ancho_entrada - ancho_filtro + 2*relleno)/paso + 1",
        "equivalent_under_convention",
        {},
    ),
    ("bias-size", "输入的通道数", "not_equivalent", {"输入的通道数": "c_i"}),
]


@pytest.mark.parametrize("question, answer, verdict, readings", CHECKED)
def test_check_reads_names_of_parts_and_says_so(question, answer, verdict, readings):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    said = {r["written"]: r["read"] for r in result.parsed["readings"]}
    for written, read in readings.items():
        assert said[written] == read, said
    composed = [r for r in result.parsed["readings"] if r["how"] == "composed"]
    assert composed
    en, zh = feedback(result, "en"), feedback(result, "zh")
    assert "(read by its parts)" in en and "按名称的各部分读出" in zh


# (question, answer, verdict, {written: read} inferred): a part of no role, or roles
# that allow several quantities, resolved only by the unique matching reading
INFERRED = [
    ("output-height", "(h - h_blob + p_h + s_h)/s_h", "equivalent_under_convention", "k_h"),
    ("output-width", "floor((w - kern_w_zzz + p_w + s_w)/s_w)", "equivalent", "k_w"),
    ("forward-mults", "m_h m_w k_h k_w c_o n_chan", "equivalent", "c_i"),
    # a dimension: the input's size or its channels, decided by the answer
    ("forward-mults", "src_dims * m_h * m_w * c_o * k_h * k_w", "equivalent", "c_i"),
    ("output-width", "(src_dims - k_w + p_w + s_w)//s_w", "equivalent", "w"),
    # a letter of no role with a subscript: the subscript's quantities
    ("output-height", "(G_in + 2*P - K)/S + 1", "equivalent_under_convention", "h"),
    ("bias-size", "G_out", "equivalent", "c_o"),
]


@pytest.mark.parametrize("question, answer, verdict, read", INFERRED)
def test_a_name_its_parts_do_not_decide_is_inferred(question, answer, verdict, read):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.error)
    inferred = [r for r in result.parsed["readings"] if r["how"] == "inferred"]
    assert [r["read"] for r in inferred] == [read]


# (question, answer, the refusal's key): ambiguous or matching nothing, never graded
REFUSED = [
    ("bias-size", "n_chan", "checker.reason.ambiguous_letter"),
    ("bias-size", "featureDepth", "checker.reason.ambiguous_letter"),
    ("output-height", "(h - h_blob + 1)/h_glob", "checker.reason.unknown_letter_unmeant"),
]


@pytest.mark.parametrize("question, answer, key", REFUSED)
def test_an_undecided_name_is_refused_not_guessed(question, answer, key):
    result = check(question, answer)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == key, result.error
    for lang in ("en", "zh"):
        assert feedback(result, lang)


# wrong answers written in names of parts: never accepted, whatever the reading
NEVER_ACCEPTED = [
    ("output-height", "(rows_in + 2*pad_rows - kern_cols)//step_rows + 1"),  # axes mixed
    ("output-height", "(yRows + 2*padRows - kernRows)/strideRows + 1"),  # in/out swapped
    ("forward-mults", "xHeight * xWidth * numKernels * xChannels * kernHeight * kernWidth"),
    ("forward-mults", "yHeight * yWidth * yChannels * yChannels * kernHeight * kernWidth"),
    ("forward-mults", "输入的高*输入的宽*卷积核的个数*输入的通道数*核高*核宽"),  # 输入 not 输出
    ("bias-size", "No. of Inp. channels"),
    ("bias-size", "n_c^{[l-1]}"),
    ("output-width", r"\lfloor (n_W^{[l]} + 2p - f)/s \rfloor + 1"),  # [l]: the output's
    ("output-height", "(h - h_blob + 1)/s_h"),  # wrong under every reading of h_blob
    ("forward-mults", "m_h m_w k_h k_w n_chan n_chan"),
    ("forward-adds", "c_o m_h m_w (c_i kernRows kernCols - 2)"),
    ("forward-mults", "num_rows_prev * num_cols_prev * n_ch * k_h * k_w * n_ch_prev"),
    ("output-height", "(h - k_x + p_x + s_x)//s_x"),  # x: the width's
    ("output-width", "(w - kern_y + 2*pad)//stride_y + 1"),
    ("output-width", "(output fmap width - window width + 2*pad)/stride + 1"),
    ("bias-size", "number of input feature maps"),
    ("forward-mults", "num_rows * num_cols * n_ch * k_h * k_w * n_ch"),
]


test_a_wrong_answer_in_names_of_parts_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_names_of_parts_in_both_languages():
    pairs = [
        ("bias-size", "nFilt"),
        ("forward-mults", "输出的高*输出的宽*卷积核的个数*输入的通道数*核高*核宽"),
        ("bias-size", "n_chan"),
    ]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        assert [r["verdict"] for r in graded] == ["equivalent", "equivalent", "invalid_input"]
        assert graded[0]["parsed"] == "c_o [nFilt → c_o]"


# property: a name with one part of no role (read only by inference) in a random
# product is accepted only when some reading of it makes the answer right
_PARTS = ["c_i", "c_o", "k_h", "k_w", "m_h", "m_w", "h", "w", "2", "(c_i - 1)"]
_NAMES = ["c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w"]
_NAMES += ["k", "s", "p", "1"]


def _right_under_some_reading(question: str, answer: str, name: str) -> bool:
    for symbol in _NAMES:
        text = re.sub(rf"\b{name}\b", f"({symbol})", answer)
        if check(question, text, symbolic=False).verdict in RIGHT:
            return True
    return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["forward-mults", "forward-adds", "bias-size", "forward-memory"]),
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=5),
    # session six's readings too: a misspelling, Conv1d's L, N's channels, a lead letter
    st.sampled_from(
        ["n_chan", "h_blob", "w_blob", "kern_zzz", "feat_num", "rows_num"]
        + ["n_in", "N_out", "L_f", "sride", "padd", "iheight", "kernel_extent", "chanels_in"]
    ),
)
def test_a_name_read_by_inference_is_accepted_only_when_some_reading_is_right(
    question, parts, name
):
    answer = " ".join([*parts, name])
    result = check(question, answer, symbolic=False)
    if result.verdict in RIGHT:
        assert _right_under_some_reading(question, answer, name), (answer, result.parsed)


@pytest.mark.parametrize(
    "question, answer",
    [
        ("forward-mults", "c_o c_i k_h k_w m_h m_w"),
        ("output-height", "floor((h - k_h + p_h + s_h)/s_h)"),
        ("bias-size", "c_o"),
    ],
)
def test_a_name_read_directly_gives_the_verdict_of_its_symbol(question, answer):
    """Each direct reading, written in place of its symbol, keeps the answer's verdict
    (the same answer, in names of parts)."""
    expected = check(question, answer, symbolic=False).verdict
    for name, symbol in DIRECT.items():
        if symbol in ("1", "k", "s", "p") or "^" in name:
            continue
        written = re.sub(rf"(?<![a-z_]){re.escape(symbol)}(?![a-z_])", name, answer)
        if written != answer:
            assert check(question, written, symbolic=False).verdict == expected, written


def test_the_property_meets_names_inference_accepts():
    for answer in ["c_o m_h m_w k_h k_w n_chan", "c_i k_h k_w m_h m_w feat_num"]:
        assert check("forward-mults", answer, symbolic=False).verdict == "equivalent"
    assert list(itertools.islice(DIRECT, 1))


def test_the_books_reading_of_juxtaposed_letters_stands():
    """Two letters the book's spellings read as a product stay a product (``hw``, ``hk``),
    and the book's own names stay the book's (``kh``: k_h)."""
    from derivations.checking.reading.parse import parse_answer

    assert parse_answer("hw").symbols == {"h", "w"}
    assert parse_answer("hk").symbols == {"h", "k"}
    assert parse_answer("kh").symbols == {"k_h"}
