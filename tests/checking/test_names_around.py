"""Names and count words around a formula that were read as something else, with false
messages (s14exam E11, E15, E25):

* the sheet's own label ``M + A = …`` (Exercise 3 names the exact count M + A): M and A
  were inferred as k and h and the chain refused as "k + h is not …"; now each letter the
  sheets name a count by (``Question.sheet_letter``) reads as that count on a chain's
  label side, so the chain holds for the exact count and not for another;
* a count's name after the formula (``… = MACs``): "a side of '=' is empty"; now read as
  ``MACs = …``; two names (``MACs = FLOPs``) compute nothing, said so;
* ``… products`` and ``… multiplications (MACs)``: "the answer names the count … instead
  of giving it"; now count words;
* ``x.numel() + w.numel() + y.numel()``: "the code around the formula (y.numel()) is not
  part of it", three times, in reverse order; now the calls are said to be read as the
  values they compute, once, in the order written;
* a name after the formula naming another quantity (``… = memory``) and two countings on
  the ends of one chain (``MACs = … = FLOPs``): the last side was skipped, and the answer
  accepted (s15rev F13, F18); now judged as a name before the formula is, and refused.

Every right row has its wrong twin; through ``check``, ``grade`` and the page's number
path, in English and Chinese."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import Table, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
FM, FO, FMEM, OH = "forward-mults", "forward-ops", "forward-memory", "output-height"

ROWS = [
    # E15: the sheet's label of the exact count
    (FO, "M + A = c_o m_h m_w (2 c_i k_h k_w - 1)", R, "chain"),
    (FO, "M + A = c_o m_h m_w（2 c_i k_h k_w − 1）", R, "chain"),
    (FO, "M + A = c_o c_i k_h k_w m_h m_w", N, "checker.reason.chain_disagrees: M + A"),
    (FO, "M + A = 2 c_o c_i k_h k_w m_h m_w", N, "checker.reason.chain_disagrees: M + A"),
    # E11: a count's name after the formula
    (FM, "c_o c_i k_h k_w m_h m_w = MACs", R, None),
    guard(FM, "c_o c_i k_h k_w m_h m_w = 乘法次数", R, None),
    (FM, "2 c_o c_i k_h k_w m_h m_w = MACs", W, None),
    (FM, "0 = MACs", W, None),
    guard(OH, "MACs = FLOPs", N, "reading.nothing_computed: MACs = FLOPs"),
    # ... a count word after it, or in a bracket closing it
    (FM, "c_o c_i k_h k_w m_h m_w products", R, "unit_count"),
    (FM, "2 c_o c_i k_h k_w m_h m_w products", W, "unit_count"),
    (FM, "c_o c_i k_h k_w m_h m_w multiplications (MACs)", R, "unit_count"),
    (FM, "c_o c_i k_h k_w m_h m_w（次乘加）", R, "unit_count"),
    (FM, "c_i k_h k_w m_h m_w multiplications (MACs)", W, "unit_count"),
    # E13: "about" and "in all" opening the answer, floats a count of elements
    ("double-channels", "about 4", C, "opening"),
    ("double-channels", "About 2", W, "opening"),
    (FM, "总共 c_o c_i k_h k_w m_h m_w 次乘法", R, "opening"),
    (FM, "一共 c_o c_i k_h m_h m_w 次乘法", W, "opening"),
    (FMEM, "c_i h w + c_o c_i k_h k_w + c_o m_h m_w floats", R, "unit_elements"),
    (FMEM, "c_i h w + c_o c_i k_h k_w floats", W, "unit_elements"),
    # E25: calls read as what they compute
    (FMEM, "x.numel() + w.numel() + y.numel()", R, "code_call"),
    (FMEM, "x.numel() + w.numel()", W, "code_call"),
    # s15rev F13: a name after the formula naming another quantity, judged as before it
    (FM, "c_o c_i k_h k_w m_h m_w = memory", N, "checker.reason.lead_names_other: memory"),
    (FM, "c_o c_i k_h k_w m_h m_w = params", N, "checker.reason.lead_names_other: params"),
    (FM, "c_o c_i k_h k_w m_h m_w = 内存", N, "checker.reason.lead_names_other: 内存"),
    (FO, "c_o m_h m_w (2 c_i k_h k_w - 1) = 参数量", N, "checker.reason.lead_names_other: 参数量"),
    guard(FM, "c_o c_i k_h k_w m_h m_w = total", R, "side_skipped"),
    guard(FO, "c_o m_h m_w (2 c_i k_h k_w - 1) = 运算次数", R, None),
    # s15rev F18: two countings named on the ends of one chain (the last was skipped)
    (FM, "MACs = c_o c_i k_h k_w m_h m_w = FLOPs", N, "reading.chain_names_differ: FLOPs"),
    guard(FO, "FLOPs = 2 c_o c_i k_h k_w m_h m_w = MACs", N, None),
    (FM, "乘加次数 = c_o c_i k_h k_w m_h m_w = FLOPs", N, "reading.chain_names_differ: FLOPs"),
    (FO, "FLOPs = c_o c_i k_h k_w m_h m_w = 乘加次数", N, "reading.chain_names_differ: 乘加次数"),
    guard(FM, "MACs = c_o c_i k_h k_w m_h m_w = 乘加次数", R, None),
    guard(FO, "FLOPs = 2 c_o c_i k_h k_w m_h m_w = 浮点运算次数", C, None),
    # ... a count's name, then a counting: judged by the counting, as it is alone
    (FM, "multiplications = c_o c_i k_h k_w m_h m_w = FLOPs", C, None),
    guard(FM, "乘法次数 = c_o c_i k_h k_w m_h m_w = 乘加次数", R, None),
    guard(FM, "additions = c_o c_i k_h k_w m_h m_w = MACs", N, None),
    # ... and the sheet's letters before them (the message said "k + h is not …")
    (FO, "M + A = c_o m_h m_w (2 c_i k_h k_w - 1) = FLOPs", R, "chain"),
    (FO, "M + A = c_o c_i k_h k_w m_h m_w = FLOPs", N, "checker.reason.chain_disagrees: M + A"),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_names_and_count_words_around_a_formula = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_the_calls_are_said_once_in_the_order_written():
    from derivations.checking import check

    result = check(FMEM, "x.numel() + w.numel() + y.numel()", symbolic=False)
    said = [n for n in result.parsed["notes"] if n["id"].startswith("reading.note.code")]
    assert said == [
        {"id": "reading.note.code_call", "fields": {"text": "x.numel(), w.numel(), y.numel()"}}
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_number_with_its_count_word_and_counting_at_the_page_layer(lang):
    (key,) = [k for k in practice_class().students[0].key if k.question == FM]
    right = json.loads(answer_at(FM, f"{key.value} multiplications (MACs)", lang))
    assert right["verdict"] == R, right
    wrong = json.loads(answer_at(FM, f"{key.value + 1} multiplications (MACs)", lang))
    assert wrong["verdict"] == W, wrong


# E13, E14 at the page's layer: "in all", floats, a working in bytes or in another
# counting (4752 (1296 MACs): another count of the layer, a remark)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_around_a_number_at_the_page_layer(lang):
    from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES

    key = {k.question: k.value for k in practice_class().students[0].key}
    size = DTYPE_BYTES[DEFAULT_DTYPE]  # bytes an element
    cases = [
        (FM, f"共 {key[FM]} 次乘法", R),
        (FM, f"共 {key[FM] + 1} 次乘法", W),
        (FMEM, f"{key[FMEM]} floats", R),
        (FMEM, f"{key[FMEM] + 1} floats", W),
        (
            "backward-memory",
            f"{key['backward-memory']} elements ({size * key['backward-memory']} bytes)",
            R,
        ),
        (
            "backward-memory",
            f"{key['backward-memory']} elements ({size * key['backward-memory'] + size} bytes)",
            W,
        ),
        ("backward-ops", f"{key['backward-ops']} ({key[FM]} MACs)", R),
        ("backward-ops", f"{key['backward-ops'] + 1} ({key[FM]} MACs)", W),
    ]
    for question, answer, verdict in cases:
        got = json.loads(answer_at(question, answer, lang))
        assert got["verdict"] == verdict, (answer, got)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_counts_a_word_names_are_said_by_their_titles(lang):
    """s14exam E13: "(the reference of question forward-mults)": an id the pages never
    show; now each count by the title the pages give its question."""
    from derivations.checking import check, feedback
    from derivations.messages import text

    said = feedback(check(FO, "muls + adds", symbolic=False), lang)
    for question in (FM, "forward-adds"):
        assert text(f"checker.question.{question}", lang) in said, said
        assert question not in said, said


@pytest.mark.parametrize(
    "question, answer, kind",
    [
        ("double-channels", "大约是 4 倍", "about"),
        ("double-channels", "about 4", "about"),
        (FM, "总共 c_o c_i k_h k_w m_h m_w 次乘法", "total"),
        (FM, "- c_o c_i k_h k_w m_h m_w", "bullet"),
        (FM, '"c_o c_i k_h k_w m_h m_w"', "quotes"),
    ],
)
def test_what_opens_an_answer_is_said_as_what_it_is(question, answer, kind):
    """s15exam E10: "大约是" was said with the whole list of openings ("a bullet, a number,
    a code fence, quotes, about"); now with its own kind's words only."""
    from derivations.checking import check, feedback
    from derivations.messages import text

    result = check(question, answer, symbolic=False)
    kinds = ("bullet", "fence", "quotes", "about", "total")
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert text(f"reading.opening.{kind}", lang) in said, said
        others = [k for k in kinds if k != kind and text(f"reading.opening.{k}", lang) in said]
        assert not others, (others, said)
