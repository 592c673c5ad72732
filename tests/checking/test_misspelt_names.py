"""Issue 21, authors' own names read by meaning (session six): a word one edit from a
part of the lexicon (a letter left out, added, replaced, two neighbours swapped; its
first letter kept: ``sride``, ``heigth``, ``chanels``) reads as that part where all such
parts have one role, and alone as a parameter (``padd``, ``sride``, ``kernal``) or an
axis (``heigth``), said so in the reading ("sride → s (read as stride, misspelt)");
PyTorch Conv1d's L, a length (``L_in``, ``L_f``: the filter's); N a number of, so
``n_in``, ``n_out`` may be the channels (inferred, a unique match only).  Every answer
below is our own, through ``check`` and ``grade``, feedback in both languages; wrong
ones are read the same way and never accepted; a word one edit from two roles' words
(``fiats``: filts or feats) is refused, never guessed."""

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.names import compose, corrected, misspelt
from tests.checking.rows import (
    Table,
    graded_alone_the_same,
    graded_rows,
    never_accepted_test,
    read_as,
)

# a word -> the lexicon word it misspells (by hand)
CORRECTED = {
    "sride": "stride",
    "heigth": "height",
    "widht": "width",
    "chanels": "channels",
    "ouptut": "output",
    "imput": "input",
    "kernl": "kernel",
    "dilaton": "dilation",
}
# one edit from two roles' words, a part, or a first letter changed: no correction
UNCORRECTED = ["fiats", "felt", "adding", "kernel", "xtride", "sz"]

# a name -> what it reads as (by hand)
DIRECT = {
    "padd": "p",
    "sride": "s",
    "kernal": "k",
    "Strid": "s",
    "heigth": "h",
    "kernel_heigth": "k_h",
    "sride_w": "s_w",
    "ouptut_widht": "m_w",
    "L_f": "k",
    "L_in": "h",
    "L_out": "m_h",
    # a run led by an object's or a count's letter (Torch7's C code)
    "iheight": "h",
    "owidth": "m_w",
    "kheight": "k_h",
    "nfilters": "c_o",
}
# never read: English words of four letters one edit from a part (stop: step; with:
# width; fill: filt), one edit from two roles (fiats), the channels alone (chanels)
NOT_READ = ["stop", "with", "fill", "fiats", "fiat_h", "chanels", "order", "xheight"]


@pytest.mark.parametrize("word, meant", sorted(CORRECTED.items()))
def test_a_word_one_edit_from_a_part_is_that_part(word, meant):
    assert corrected(word) == meant


@pytest.mark.parametrize("word", UNCORRECTED)
def test_a_word_one_edit_from_two_roles_or_none_is_not_corrected(word):
    assert corrected(word) is None


@pytest.mark.parametrize("name, read", sorted(DIRECT.items()))
def test_a_misspelt_name_reads_as_the_name_it_misspells(name, read):
    assert compose(name).read == read


@pytest.mark.parametrize("name", NOT_READ)
def test_words_that_are_not_misspellings_stay_unread(name):
    composed = compose(name)
    assert composed is None or composed.read is None, (name, composed)


def test_the_reading_names_the_word_misspelt():
    assert misspelt("padd") == "padding" and misspelt("kernel_heigth") == "kernel_height"
    assert misspelt("kernel_height") is None and misspelt("L_f") is None


# (question, answer, verdict, {written: read})
ROWS = [
    (
        "output-height",
        "(h - kernal + 2*padd)//sride + 1",
        "equivalent_under_convention",
        {"kernal": "k", "padd": "p", "sride": "s"},
    ),
    (
        "output-height",
        "floor((heigth + p_h - kernel_heigth)/s_h) + 1",
        "equivalent",
        {"heigth": "h", "kernel_heigth": "k_h"},
    ),
    (
        "output-width",
        "(widht - k_w + p_w + sride_w)//sride_w",
        "equivalent",
        {"widht": "w", "sride_w": "s_w"},
    ),
    (
        "output-height",
        "(L_in + 2*pad - L_f)//stride + 1",
        "equivalent_under_convention",
        {"L_in": "h", "L_f": "k"},
    ),
    (
        "output-height",
        "输出高度 = (heigth - kernal + 2*padd)//sride + 1",
        "equivalent_under_convention",
        {"sride": "s"},
    ),
    (
        "forward-mults",
        "n_in * n_out * k_h * k_w * m_h * m_w",
        "equivalent",
        {"n_in": "c_i", "n_out": "c_o"},
    ),
    (
        "forward-mults",
        "N_in N_out K K H_out W_out",
        "equivalent_under_convention",
        {"N_in": "c_i", "N_out": "c_o"},
    ),
    (
        "output-height",
        "oheight = (iheight + 2*padH - kH) // dH + 1",
        "equivalent_under_convention",
        {"iheight": "h", "dH": "s_h"},
    ),
    (
        "forward-mults",
        "nInputPlane*nOutputPlane*kW*kH*owidth*oheight",
        "equivalent",
        {"owidth": "m_w", "oheight": "m_h"},
    ),
    # wrong, read the same way: not_equivalent, never refused
    ("output-height", "oheight = (iheight - kH) / dH + 1", "not_equivalent", {"iheight": "h"}),
    (
        "forward-mults",
        "nInputPlane*nOutputPlane*kW*kH*iwidth*iheight",
        "not_equivalent",
        {"iwidth": "w"},
    ),
    ("output-height", "(h - kernal + 2*padd)//sride", "not_equivalent", {"sride": "s"}),
    ("output-height", "(h - kernal)//sride + 1", "not_equivalent", {"kernal": "k"}),
    (
        "output-height",
        "(heigth - kernel_heigth)/s_h + 1",
        "not_equivalent",
        {"kernel_heigth": "k_h"},
    ),
    ("output-height", "(L_in + padding - L_f)//stride", "not_equivalent", {"L_f": "k"}),
    # a word one edit from two roles' words: refused, never guessed
    ("output-height", "(h - fiats + p_h + s_h)//s_h", "invalid_input", {}),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_misspelt_names_through_check = TABLE.check_test(also=read_as)


@pytest.mark.parametrize(
    "lang, said",
    [("en", "sride_h → s_h (read as stride_h, misspelt)"), ("zh", "按拼错的 stride_h 读出")],
)
def test_a_misspelling_is_said_never_silent(lang, said):
    result = check("output-height", "(h - k_h + p_h + sride_h)//sride_h")
    assert result.verdict == "equivalent"
    assert said in feedback(result, lang)
    (reading,) = [r for r in result.parsed["readings"] if r["written"] == "sride_h"]
    assert reading["how"] == "misspelt" and reading["meant"] == "stride_h"


NEVER_ACCEPTED = [
    ("output-height", "(h - kernal - padd)//sride + 1"),
    ("output-height", "(heigth - kernel_heigth + 2*padd)/sride"),
    ("output-height", "(L_in - L_f)/stride + 1"),
    ("forward-mults", "n_in * n_out * k_h * k_w * h * w"),
    ("forward-mults", "n_in * k_h * k_w * m_h * m_w"),
    ("output-width", "(heigth - k_w + p_w + s_w)//s_w"),
]


test_a_wrong_answer_in_misspelt_names_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_reads_misspelt_names_in_both_languages(lang):
    pairs = [
        ("output-height", "(h - kernal + 2*padd)//sride + 1"),
        ("output-height", "(h - kernal + 2*padd)//sride"),
        ("output-height", "(h - fiats + p_h + s_h)//s_h"),
    ]
    graded = graded_rows(pairs, lang)
    assert [row["verdict"] for row in graded] == [
        "equivalent_under_convention",
        "not_equivalent",
        "invalid_input",
    ]
    assert "sride → s" in graded[0]["parsed"]
    said = "misspelt" if lang == "en" else "拼错"
    assert said in graded[0]["feedback"] and said in graded[1]["feedback"]


@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "(ih - kernel_height + padding)//stride_h + 1"),
        ("output-height", "(ih - kernel_height + 2*padding)//stride_h"),
        ("output-width", "(input_width - kernel_width + padding + stride)//stride"),
    ],
)
def test_a_misspelt_name_gives_the_verdict_of_the_name_it_misspells(question, answer):
    """The same answer with its names misspelt (one edit each) keeps its verdict."""
    expected = check(question, answer, symbolic=False).verdict
    for right, wrong in [
        ("kernel_height", "kernel_heigth"),
        ("padding", "padd"),
        ("stride", "sride"),
        ("kernel_width", "kernl_width"),
        ("input_width", "imput_widht"),
    ]:
        if right in answer:
            written = answer.replace(right, wrong)
            assert check(question, written, symbolic=False).verdict == expected, written


# what stays unknown is named whole, and told spellings only when it is spelled like one
# (two thirds of its letters alike: c_q, c_i), never a fragment's (ape of shape: p)
UNKNOWN = [
    ("output-height", "(shape(value) - k + 2p)/s + 1", "shape", None),
    ("forward-mults", "mpf * c_o * m_h * m_w", "mpf", None),
    ("forward-mults", "c_q * c_o * k_h * k_w * m_h * m_w", "c_q", "c_i"),
]


@pytest.mark.parametrize("question, answer, word, near", UNKNOWN)
def test_what_stays_unknown_is_named_whole_with_no_spelling_guess(question, answer, word, near):
    result = check(question, answer)
    assert result.verdict == "invalid_input"
    assert result.error["fields"]["word"] == word
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert f"{word}" in said
        if near is None:
            assert result.error["id"] == "reading.unknown_word"
        else:
            assert near in said


# names in Italian, Portuguese and Turkish words (written without accents, as code does),
# and an axis's word alone as the input's size (altezza, as height reads)
LANGUAGE_ROWS = [
    (
        "output-height",
        "(altezza_ingresso - altezza_kernel + 2*riempimento)//passo + 1",
        "equivalent_under_convention",
    ),
    (
        "output-height",
        "(altura_entrada - altura_filtro + 2*preenchimento)//passo + 1",
        "equivalent_under_convention",
    ),
    ("output-height", "(yukseklik - cekirdek + 2*dolgu)//adim + 1", "equivalent_under_convention"),
    (
        "forward-mults",
        "canali_ingresso * canali_uscita * k_h * k_w * altezza_uscita * larghezza_uscita",
        "equivalent",
    ),
    (
        "forward-mults",
        "canais_entrada * canais_saida * k_h * k_w * altura_saida * largura_saida",
        "equivalent",
    ),
    ("output-width", "(larghezza - k_w + p_w + s_w)//s_w", "equivalent"),
    # wrong, read the same way
    ("output-height", "(yukseklik - cekirdek)//adim + 1", "not_equivalent"),
    (
        "forward-mults",
        "canali_ingresso * canali_uscita * k_h * k_w * altezza * larghezza",
        "not_equivalent",
    ),
    ("output-width", "(largura - k_w + 2*preenchimento)//passo", "not_equivalent"),
]


test_names_in_other_languages_through_check_and_grade = Table(
    "question, answer, verdict", LANGUAGE_ROWS
).check_test(also=graded_alone_the_same)
