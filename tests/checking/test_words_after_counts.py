"""s15exam E2, E3, E6, E10: the words around a count or a factor, read as the same words are.

E2: ``adds`` after a count is the additions' count word (``informal.COUNTS``), as ``muls``
is the multiplications': ``1248 adds`` was refused as "naming the count instead of giving
it".  E10: ``one per output channel`` is the rate ``每个输出通道一个`` reads (the bias's
word left out, as zh leaves it); ``\\text{次}``, ``\\text{次乘法}`` after a formula are the
count words ``次``, ``次乘法`` plain (were "unsupported \\text").  E6: a factor written as a
fraction and its word (``214/53 倍``, ``214/53 times``) is that fraction (was "unexpected
character 倍").  E3: ``bytes`` after the bias count is refused as a unit of memory on a count
of parameters (``checker.reason.memory_unit_for_parameters``; was the bytes advice, ×4, that
assumed the count was right); ``elements`` stays a parameter count's unit.  Every right row
has a wrong twin of its shape; the page's number forms are checked at its layer below."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_variants
from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
MULTS = "c_o c_i k_h k_w m_h m_w"
ADDS = "c_o m_h m_w (c_i k_h k_w - 1)"
RATIO = "2(2c_ik_hk_w-1)/(2c_ik_hk_w-1)"  # (not the double-channels reference: a twin)

CLASSES = {
    "adds": [
        ("forward-adds", f"{ADDS} adds", R, "unit_count"),
        ("forward-adds", f"$ {ADDS} $ adds", R, "unit_count"),
        ("forward-adds", "c_o m_h m_w (c_i k_h k_w - 2) adds", W, None),
        ("forward-mults", f"{MULTS} adds", N, "checker.reason.count_word_names_other: adds"),
        ("forward-adds", f"{ADDS} 次加法", R, "unit_count"),
        ("forward-adds", "adds = muls", C, None),  # the name before "=": a side, no word
    ],
    "one_per": [
        ("bias-size", "one per output channel", R, "rate_sentence"),
        ("bias-size", "One per filter.", R, "rate_sentence"),
        ("bias-size", "exactly one per output channel", R, "rate_sentence"),
        ("bias-size", "one per input channel", W, None),
        ("bias-size", "每个输入通道一个", W, None),
        ("forward-mults", "one per output channel", W, None),
    ],
    "text_count_word": [
        ("forward-mults", f"{MULTS} \\text{{次}}", R, "unit_count"),
        ("forward-mults", f"{MULTS} \\text{{ 次乘法}}", R, "unit_count"),
        ("forward-mults", "c_o c_i k_h m_h m_w \\text{次}", W, None),
        ("forward-mults", f"{MULTS} \\text{{次加法}}", N, None),
    ],
    "fraction_factor": [
        ("double-channels", "214/53 倍", W, None),  # a number: right at one layer only
        ("double-channels", "4/1 倍", C, None),  # the MACs' factor, written as a fraction
        ("double-channels", "8/2 times", C, None),
        ("double-channels", "9/2 times", W, None),
    ],
    "bytes_of_parameters": [
        ("bias-size", "c_o bytes", N, "checker.reason.memory_unit_for_parameters: bytes"),
        ("bias-size", "4 c_o bytes", N, "checker.reason.memory_unit_for_parameters: bytes"),
        ("bias-size", "c_o 字节", N, "checker.reason.memory_unit_for_parameters: 字节"),
        ("bias-size", "c_o elements", R, None),
        ("bias-size", "c_i elements", W, None),
    ],
}

ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_the_words_are_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4)


def _key() -> dict:
    return {k.question: k.value for k in practice_variants().students[0].key}


# (question, answer at the page's layer, lang, verdict, a word the feedback must hold)
AT_LAYER = [
    ("forward-adds", "{v} adds", "en", R, None),
    ("forward-adds", "{v1} adds", "en", W, None),
    ("forward-mults", "{v} adds", "zh", N, "adds"),
    ("double-channels", "{f} 倍", "zh", R, None),
    ("double-channels", "{f} times", "en", R, None),
    ("double-channels", "{f1} 倍", "zh", W, None),
    ("bias-size", "{v} bytes", "en", N, "bytes"),
    ("bias-size", "{b} bytes", "en", N, "bytes"),  # the bias's bytes: no count either
    ("bias-size", "{v} 字节", "zh", N, "字节"),
    ("bias-size", "{v} elements", "en", R, None),
    ("bias-size", "{v1} elements", "zh", W, None),
    ("bias-size", "one per output channel", "en", R, None),
    ("bias-size", "one per input channel", "en", W, None),
]


@pytest.mark.parametrize("question, answer, lang, verdict, said", AT_LAYER)
def test_at_the_layer(question, answer, lang, verdict, said):
    from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES

    value = _key()[question]
    ratio = _key()["double-channels"]
    text = answer.format(
        v=value,
        v1=value + 1,
        b=value * DTYPE_BYTES[DEFAULT_DTYPE],
        f=f"{ratio.numerator}/{ratio.denominator}",
        f1=f"{ratio.numerator + 1}/{ratio.denominator}",
    )
    result = json.loads(answer_at(question, text, lang))
    assert result["verdict"] == verdict, result
    if said is not None:
        assert said in result["feedback"], result
