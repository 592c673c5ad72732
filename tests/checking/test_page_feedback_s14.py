"""The practice pages' findings s13exam left open (issue 25), fixed in session 14: what
``check`` says, in both languages, the same through ``grade``, ``grade --variants``, the
Moodle XML and the page's own number path (:func:`derivations.practice.numbers.
answer_at`).  The answers are our own; the texts compared are the message catalogue's,
the values the catalogue's and the key's at the page's layer."""

import json
import math
from decimal import Decimal
from fractions import Fraction
from xml.etree import ElementTree as ET

import pytest

from derivations import grade
from derivations.checking import check
from derivations.checking.deciding.catalogue import entry
from derivations.expr.evaluate import compile_node
from derivations.messages import text
from derivations.practice.numbers import answer_at, practice_class
from derivations.variants.key import environment
from tests.checking.rows import GUARD

LANGS = ("en", "zh")
RIGHT = ("equivalent", "equivalent_under_convention")


def _graded(question: str, answer: str, lang: str) -> dict:
    (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
    return row


def _number(value) -> str:
    return str(value) if Fraction(value).denominator == 1 else str(float(value))


def _under_only(question: str, convention: str):
    """The catalogue variant of ``question`` right under ``convention`` alone (the
    book's total padding, no misconception)."""
    return next(
        v
        for v in entry(question).variants
        if v.conventions == (convention,) and v.misconception is None and v.padding == "total"
    )


# E4: the backward peak's number question says "nothing else keeps its forward output, so
# it is not counted": a number (or a formula on the number form) right only with the
# forward output held is no value it asks; check's question does not say so (a
# convention there)
KEPT = "output_kept"


def _ruled_out_said(lang: str) -> str:
    return text("variants.ruled_out", lang, assumptions=text(f"checker.assumption.{KEPT}", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_refuses_the_forward_output_its_question_leaves_out(lang):
    (student,) = practice_class().students
    kept = compile_node(_under_only("backward-memory", KEPT).tree)(environment(student.layer))
    for answer in (
        _number(kept),
        f"{_number(kept)} elements",
        "2 c_i h w + 2 c_o c_i k_h k_w + 2 c_o m_h m_w",
    ):
        data = json.loads(answer_at("backward-memory", answer, lang))
        assert (data["verdict"], data["conventions"]) == ("not_equivalent", []), data
        assert data["feedback"] == _ruled_out_said(lang), data


@GUARD
def test_check_keeps_the_forward_output_a_convention_where_its_question_is_silent():
    result = check("backward-memory", "2 c_i h w + 2 c_o c_i k_h k_w + 2 c_o m_h m_w")
    assert (result.verdict, result.conventions) == ("equivalent_under_convention", [KEPT])


def test_grade_variants_and_moodle_give_no_credit_for_the_forward_output(tmp_path):
    from derivations.variants.build import build_variants, render_files
    from derivations.variants.grade import grade_variant_answer
    from tests.variants.test_variants import _evaluate

    variants = build_variants([f"s{i}" for i in range(6)], ["backward-memory"], "E4")
    kept = compile_node(_under_only("backward-memory", KEPT).tree)
    for student in variants.students:
        value = kept(environment(student.layer))
        for lang in LANGS:
            outcome = grade_variant_answer(
                variants, student.id, "backward-memory", _number(value), lang
            )
            assert (outcome.verdict, outcome.student_feedback) == (
                "not_equivalent",
                _ruled_out_said(lang),
            )
    quiz = ET.fromstring(render_files(variants, tmp_path, ("en",))[tmp_path / "moodle-en.xml"])
    (question,) = quiz.findall("question")
    checked = 0
    for row, student in enumerate(variants.students):
        columns = {
            d.find("name/text").text: int(
                d.findall("dataset_items/dataset_item")[row].find("value").text
            )
            for d in question.findall("dataset_definitions/dataset_definition")
        }
        for answer in question.findall("answer"):
            got = _evaluate(answer.find("text").text, columns, exact=True)
            assert got != kept(environment(student.layer)) or float(answer.get("fraction")) == 0
            checked += 1
    assert checked > 6


# E3: "at every layer where … (not elsewhere)" is said only where no layer outside the
# conditions has the same slip: counted here by brute force over small layers, apart
# from the checker's samples (the floors absorb a doubled padding at stride 3: h = k = 3,
# p 1 → 2 leaves the output 1 × 1, an increase of 0, so "2" is off by 2 there too)
def _size(h, k, p, s):
    return (h - k + p) // s + 1


def _axes():
    return [
        (h, k, p, s)
        for h in range(1, 10)
        for k in range(1, 4)
        for p in range(4)
        for s in range(1, 4)
        if h + p >= k
    ]


def _padding_doubled(h, k, p, s):  # 2 - increase, on a square layer (both axes alike)
    before, after = _size(h, k, p, s) ** 2, _size(h, k, 2 * p, s) ** 2
    return 2 - (2 * k * k - 1) * (after - before)


OFF_ONLY_WHERE = [
    ("double-padding", "2", _padding_doubled, 2, lambda h, k, p, s: p == 0),
    (
        "output-height",
        "h - k_h",
        lambda h, k, p, s: h - k - _size(h, k, p, s),
        -1,
        lambda h, k, p, s: s == 1 and p == 0,
    ),
    (
        "output-height",
        "(h - k_h + p_h)/s_h",
        lambda h, k, p, s: Fraction(h - k + p, s) - _size(h, k, p, s),
        -1,
        lambda h, k, p, s: (h - k + p) % s == 0,
    ),
]


@pytest.mark.parametrize("question, answer, off, constant, inside", OFF_ONLY_WHERE)
def test_not_elsewhere_is_said_only_where_it_is_true(question, answer, off, constant, inside):
    from derivations.checking import feedback

    outside = [a for a in _axes() if off(*a) == constant and not inside(*a)]
    assert all(off(*a) == constant for a in _axes() if inside(*a))
    result = check(question, answer, symbolic=False)
    (diagnosis,) = result.diagnosis
    assert diagnosis["id"] == "constant_offset" and diagnosis["elsewhere"] == bool(outside)
    key = "layers_where_also" if outside else "layers_where"
    for lang in LANGS:
        joined = text("checker.phrase.condition_separator", lang).join(diagnosis["where"])
        said = text(f"checker.phrase.{key}", lang, conditions=joined)
        assert said in feedback(result, lang)
        assert said in _graded(question, answer, lang)["feedback"]


def _page(question: str, answer: str, lang: str) -> dict:
    return json.loads(answer_at(question, answer, lang))


def _key(question: str):
    """The page's key value of ``question`` at its layer."""
    (student,) = practice_class().students
    return next(k.value for k in student.key if k.question == question)


def _layer():
    (student,) = practice_class().students
    return student.layer


# E13: a right number with its working in brackets: the working is read and must agree
# (arithmetic), or is a remark (words); never multiplied in.  A mixed number is one number
def _with_working(lang: str) -> list:
    """(question, answer, the working's message id) of our own, from the page's layer."""
    layer = _layer()
    span = layer.h - layer.k_h + layer.p_h + layer.s_h
    height, width = _key("output-height"), _key("output-width")
    factors = (layer.c_o, layer.c_i, layer.k_h * layer.k_w, height * width)
    assert math.prod(factors) == _key("forward-mults")  # the working is this layer's
    product = " x ".join(map(str, factors))
    floor = {"en": f"floor of {span}/{layer.s_h}", "zh": f"{span}/{layer.s_h} 向下取整"}[lang]
    return [
        ("output-height", f"{height} ({floor})", "working_agrees"),
        ("output-height", f"{height}（{floor}）", "working_agrees"),
        ("forward-mults", f"{_key('forward-mults')} ({product})", "working_agrees"),
        (
            "forward-mults",
            f"{_key('forward-mults')} (= {product.replace(' x ', '*')})",
            "working_agrees",
        ),
        ("output-height", f"{height} (rounded down, as the section says)", "working_remark"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_right_number_with_its_working_is_right(lang):
    for question, answer, said in _with_working(lang):
        data = _page(question, answer, lang)
        assert data["verdict"] == "equivalent", (answer, data["feedback"])
        working = " ".join(
            answer[answer.index(next(c for c in answer if c in "(（")) + 1 : -1].split()
        )
        assert text(f"variants.{said}", lang, working=working) in data["feedback"], data


@pytest.mark.parametrize("lang", LANGS)
def test_a_working_that_disagrees_with_its_number_is_wrong(lang):
    layer = _layer()
    right = _key("forward-mults")
    off = (
        (layer.c_o + 1)
        * layer.c_i
        * layer.k_h
        * layer.k_w
        * _key("output-height")
        * _key("output-width")
    )
    for answer in (f"{right} ({off})", f"{right + 1} ({right})"):
        data = _page("forward-mults", answer, lang)
        assert data["verdict"] == "not_equivalent", data
        assert "working_disagrees" not in data["feedback"]
        first, working = answer.split(" (")
        said = text(
            "variants.working_disagrees",
            lang,
            working=working[:-1],
            value=working[:-1],
            number=first,
        )
        assert data["feedback"] == said, data


# s14rev F9: words in brackets after a right number that scale it, multiply it or make it
# a count per item are no remark (the student's number is not the one graded): refused
# naming them, in both languages; working whose value is the number's stays working
SCALING = [
    "in thousands",
    "thousand",
    "×10^3",
    "times 2",
    "twice",
    "per output channel",
    "each filter",
    "千次",
    "两倍",
    "每个输出通道",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("words", SCALING)
def test_words_that_scale_a_right_number_are_refused_naming_them(words, lang):
    opening, closing = ("(", ")") if words.isascii() else ("（", "）")
    answer = f"{_key('forward-mults')} {opening}{words}{closing}"
    data = _page("forward-mults", answer, lang)
    assert data["verdict"] == "invalid_input", data
    assert text("variants.bracket_scales", lang, inside=words) in data["feedback"], data


# s14rev F13: a number with an SI prefix then its count word (2.544k FLOPs) is the number
# with its word, never a formula in the kernel size k
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "question, word",
    [
        ("forward-ops", "FLOPs"),
        ("forward-mults", "MACs"),
        ("forward-mults", "multiplications"),
        pytest.param("forward-mults", "次乘法", marks=GUARD),  # read so before F13 too
    ],
)
def test_a_number_with_an_si_prefix_and_its_count_word_is_that_number(question, word, lang):
    value = _key(question)
    prefixed = f"{Decimal(value) / 1000}k {word}"
    data = _page(question, prefixed, lang)
    assert data["verdict"] == _page(question, f"{value} {word}", lang)["verdict"] == "equivalent"
    off = _page(question, f"{Decimal(value + 1) / 1000}k {word}", lang)
    assert off["verdict"] == "not_equivalent", off


@GUARD
@pytest.mark.parametrize("lang", LANGS)
def test_working_in_words_that_gives_the_number_is_working(lang):
    right, c_o = _key("forward-mults"), _layer().c_o
    data = _page("forward-mults", f"{right} ({right // c_o} times {c_o})", lang)
    assert data["verdict"] == "equivalent", data


@pytest.mark.parametrize("lang", LANGS)
def test_a_mixed_number_is_one_number(lang):
    ratio = Fraction(_key("double-channels"))
    whole, part = divmod(ratio.numerator, ratio.denominator)
    assert whole and part  # a mixed number at this layer
    data = _page("double-channels", f"{whole} {part}/{ratio.denominator}", lang)
    assert data["verdict"] == "equivalent", data


@GUARD
def test_a_formula_in_brackets_after_a_number_is_still_a_product():
    # a guard: 2 (…) is twice the formula, the FLOPs count, as check reads it
    answer = "2 (c_o c_i k_h k_w m_h m_w)"
    data = _page("forward-ops", answer, "en")
    assert (data["verdict"], [c["id"] for c in data["conventions"]]) == (
        "equivalent_under_convention",
        check("forward-ops", answer).conventions,
    )


# E6: an SI prefix after a number is a thousand, a million: never the kernel size k
@pytest.mark.parametrize("lang", LANGS)
def test_a_number_with_an_si_prefix_is_read_as_that_number(lang):
    for question in ("forward-mults", "forward-ops", "backward-ops"):
        value = Decimal(int(_key(question)))
        for said in (f"{value / 1000}k", f"{value / 1000} K", f"{value / 10**6}M"):
            data = _page(question, said, lang)
            assert (data["verdict"], data["parsed"]["text"]) == ("equivalent", str(value)), data
        rounded = f"{round(value / 1000, 1)}k"  # counts are exact: a rounded one is wrong
        assert _page(question, rounded, lang)["verdict"] == "not_equivalent"


# E11: a chain whose middle side names the count asked (FLOPs = 2 × MACs = …) is read side
# by side: the side naming it agrees with the last one read as the right count, and the
# last one is graded as written (a FLOPs count where the multiplications are asked)
CHAINS = [
    (
        "forward-mults",
        "FLOPs = 2 × MACs = 2 c_o c_i k_h k_w m_h m_w",
        "FLOPs = 2 c_o c_i k_h k_w m_h m_w",
    ),
    (
        "forward-mults",
        "FLOPs = 2 MACs = 2*c_o*c_i*k_h*k_w*m_h*m_w",
        "FLOPs = 2*c_o*c_i*k_h*k_w*m_h*m_w",
    ),
    (
        "forward-adds",
        "adds = adds = c_o m_h m_w (c_i k_h k_w - 1)",
        "adds = c_o m_h m_w (c_i k_h k_w - 1)",
    ),
]


@pytest.mark.parametrize("question, chain, last", CHAINS)
def test_a_chain_naming_the_asked_count_is_read_side_by_side(question, chain, last):
    result, alone = check(question, chain), check(question, last)
    assert result.verdict != "invalid_input", result.error
    assert (result.verdict, result.misconception, result.diagnosis) == (
        alone.verdict,
        alone.misconception,
        alone.diagnosis,
    )
    assert any(n["id"] == "reading.note.asked_count_side" for n in result.parsed["notes"])
    for lang in LANGS:
        assert _graded(question, chain, lang)["verdict"] == alone.verdict


@GUARD  # refused with names_the_asked before e6c1a2c6 too
@pytest.mark.parametrize(
    "question, chain",
    [
        ("forward-mults", "MACs = 2 × MACs = c_o c_i k_h k_w m_h m_w"),
        ("forward-mults", "MACs = MACs + 1 = c_o c_i k_h k_w m_h m_w"),
    ],
)
def test_a_chain_whose_side_naming_the_asked_count_disagrees_is_refused(question, chain):
    result = check(question, chain)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.names_the_asked"


# E9: 增加 N 倍 is N or N + 1 times the original: refused, naming the words, where the two
# readings' verdicts differ; graded where they agree; 增加一倍 is doubled
@pytest.mark.parametrize(
    "answer", ["增加了 3 倍", "计算量增加了三倍", "增加4倍", "乘法次数增加了 4 倍"]
)
def test_an_increase_in_times_read_two_ways_is_refused(answer):
    result = check("double-channels", answer)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.increase_ambiguous"
    fields = result.error["fields"]
    assert fields["words"] in answer and int(fields["more"]) == int(fields["value"]) + 1
    for lang in LANGS:
        said = text("checker.reason.increase_ambiguous", lang, **fields)
        assert said in _graded("double-channels", answer, lang)["feedback"]
        assert said in _page("double-channels", answer, lang)["feedback"]


@pytest.mark.parametrize("answer", ["增加一倍", "计算量增加了一倍", "翻了一番"])
def test_an_increase_of_one_time_is_doubled(answer):
    result, doubled = check("double-channels", answer), check("double-channels", "变为原来的 2 倍")
    assert (result.verdict, result.misconception) == (doubled.verdict, doubled.misconception)
    assert result.misconception is not None


@GUARD
def test_an_increase_wrong_both_ways_is_graded():
    result = check("double-padding", "运算量增加了 2 倍")
    assert result.verdict == "not_equivalent"


# E18: zh says a missing or extra factor as a ratio to the right value (只有正确值的 c_i
# 分之一, 是正确值的 c_i 倍), never "小了 c_i 倍" / "大了 c_i 倍"; a product with ×, not *
FACTORS = [
    ("forward-mults", "c_o k_h k_w m_h m_w", "c_i"),
    ("forward-mults", "c_o c_i k_h k_w m_h", "m_w"),
    ("forward-mults", "c_i c_o m_h m_w", "k_h×k_w"),
    ("forward-mults", "c_i^2 c_o k_h k_w m_h m_w", "c_i"),
]


@pytest.mark.parametrize("question, answer, factor", FACTORS)
def test_chinese_says_a_factor_as_a_ratio_to_the_right_value(question, answer, factor):
    from derivations.checking import feedback

    result = check(question, answer)
    assert [d["id"] for d in result.diagnosis] in (["factor_missing"], ["factor_extra"])
    said = feedback(result, "zh")
    for page in (said, _graded(question, answer, "zh")["feedback"]):
        assert "小了" not in page and "大了" not in page and "*" not in page, page
        assert f"{factor} 分之一" in page or f"正确值的 {factor} 倍" in page, page


# E12: [x] in Chinese school mathematics is the floor: read as the floor where the
# answer's words say so, else refused naming the brackets where the two readings differ;
# never "the floor is missing" for it
@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "[(h - k_h + p_h)/s_h] + 1"),
        ("output-width", "[(w - k_w + p_w + s_w)/s_w]"),
        ("forward-mults", "c_o c_i k_h k_w [(h - k_h + p_h)/s_h + 1] [(w - k_w + p_w)/s_w + 1]"),
        # said to round up or to the nearest: not the floor, whatever 取整 it holds (F10)
        ("output-height", "[(h - k_h + p_h)/s_h] + 1，其中 [x] 表示向上取整"),
        ("output-height", "[(h - k_h + p_h)/s_h] + 1，[x] 为四舍五入取整"),
        ("output-height", "[(h - k_h + p_h)/s_h] + 1, where [ ] is the floor rounded up"),
        ("output-height", "[(h - k_h + p_h)/s_h] + 1, where [ ] is the floor to the nearest"),
    ],
)
def test_square_brackets_around_a_quotient_are_refused_naming_them(question, answer):
    result = check(question, answer)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.square_brackets"
    for lang in LANGS:
        said = text("checker.reason.square_brackets", lang)
        assert said in _graded(question, answer, lang)["feedback"]


@pytest.mark.parametrize(
    "answer",
    [
        "[(h - k_h + p_h)/s_h] + 1，其中 [ ] 表示取整",
        "[(h - k_h + p_h)/s_h] + 1, where [ ] is the floor",
    ],
)
def test_square_brackets_said_to_be_the_floor_are_the_floor(answer):
    result = check("output-height", answer)
    assert result.verdict == "equivalent", result.error
    assert "reading.note.square_floor" in result.notes


@GUARD
def test_square_brackets_around_a_numerator_stay_brackets():
    # a guard: [i + 2p − k]/s + 1 is a group over the stride; its floor is missing
    result = check("output-height", "[h - k_h + p_h]/s_h + 1")
    assert result.verdict == "equivalent_under_convention" and result.restricted


# E19: CS231n's depth D and filter size F side by side (D F F) are a product, not
# MobileNets' D_F; MobileNets' letters written apart are its names where its cost writes
# them squared (D K · D K, D F D F)
CS231N_LETTERS = [
    ("forward-mults", "K D F F m_h m_w"),
    ("forward-mults", "K D F F H_2 W_2"),
    ("forward-adds", "K (D F F - 1) m_h m_w"),
    ("double-channels", "2(4 D F F - 1)/(2 D F F - 1)"),
]


@pytest.mark.parametrize("question, answer", CS231N_LETTERS)
def test_letters_side_by_side_are_not_joined_into_one_name(question, answer):
    result = check(question, answer)
    assert result.verdict in RIGHT, (result.verdict, result.error, result.counterexample)
    assert not any(r["written"] == "D F" for r in result.parsed["readings"])
    for lang in LANGS:
        assert _graded(question, answer, lang)["verdict"] == result.verdict


@GUARD
def test_mobilenets_letters_written_squared_are_its_names():
    # a guard: "D K · D K · M · N · D F · D F" is MobileNets' cost (stride one, the
    # output as large as the input): its names read, the answer graded, not refused
    result = check("forward-mults", "D K · D K · M · N · D F · D F")
    assert result.verdict == "not_equivalent"
    assert {r["written"] for r in result.parsed["readings"]} >= {"D K", "D F"}


# E10: the sheets' boxed answers as printed are read by the page.  Every Result box of an
# exercise with a practice question is run through check for each of its questions: the
# factor boxes of the channel doubling (\times 4, \times \frac{…}{…} \xrightarrow{…} 4)
# are right; a box not read for its LaTeX (each read once, for its exercise's first
# question) is one of BOXES_NOT_READ (none answers a page question alone), so a newly
# unreadable box fails here
BOXES_NOT_READ: set = set()
# boxes refused, since s17markup with the reason their rows were refused (no longer
# "unsupported LaTeX command \\begin", which they are read without): several named counts
# in one aligned box (dX's, dW's, a batch's), and the 1x1 layer's M, A and M + A, whose
# "M = …" row names another count than the pointwise question's (s16late2, F2)
BOXES_REFUSED_BY_THEIR_ROWS = (
    "\\begin{aligned} M_X",
    "\\begin{aligned} M_{\\mathrm{fwd}}",
    "\\begin{aligned} M &= c_o c_i h w",
)
# (the multiplications' increase, \Delta M = …, is read since s14exam E16: its m'_h
# is explained, tests/checking/test_sheet_boxes.py)
# (the polynomial's factors, the converse's proof, \kappa(z) = \kappa_d \prod_{r=1}^{d} …,
# is read since ff32ed8f: its product is refused as not run over the question's two
# layers, checker.reason.not_unrolled, no LaTeX refusal)
_LATEX_REFUSALS = ("reading.unsupported_command", "reading.unexpected_operand")


def _boxes() -> dict:
    """question id -> the LaTeX of every Result box of its exercise (the same in both
    languages: a Result's math is language-free)."""
    from derivations.exercises import build_all
    from derivations.exercises.document import Result
    from derivations.registry.questions import QUESTIONS

    exercises = {e.id: e for e in build_all()}
    return {
        q.id: [b.latex for b in exercises[q.exercise].blocks if isinstance(b, Result)]
        for q in QUESTIONS.values()
        if q.exercise
    }


def test_every_boxed_result_of_the_sheets_is_read_by_the_page():
    unread, seen = set(), set()
    for question, boxes in _boxes().items():
        for box in boxes:
            if box in seen:  # read once: its exercise's first question
                continue
            seen.add(box)
            result = check(question, box, symbolic=False)
            if result.verdict == "invalid_input" and result.error["id"] in _LATEX_REFUSALS:
                unread.add(next((k for k in BOXES_NOT_READ if box.startswith(k)), box))
    assert unread == BOXES_NOT_READ


def test_a_box_whose_rows_are_refused_says_why_not_its_environment():
    """The sheets' aligned boxes the page refuses are refused with the reason their rows
    were refused, never "unsupported LaTeX command \\begin" (s17markup)."""
    refused = set()
    for question, boxes in _boxes().items():
        for box in boxes:
            start = next((k for k in BOXES_REFUSED_BY_THEIR_ROWS if box.startswith(k)), None)
            if start is None:
                continue
            result = check(question, box, symbolic=False)
            if result.verdict == "invalid_input":
                assert result.error["id"] not in _LATEX_REFUSALS, (box, result.error)
                assert "begin" not in result.error["reason"], (box, result.error)
                refused.add(start)
    assert refused == set(BOXES_REFUSED_BY_THEIR_ROWS)


@pytest.mark.parametrize("lang", LANGS)
def test_the_channel_doubling_boxes_as_printed_are_right(lang):
    factors = [box for box in _boxes()["double-channels"] if box.startswith("\\times")]
    assert len(factors) == 2  # the multiplications' ×4, the exact ratio and its limit
    for box in (*factors, "4\\times"):
        result = check("double-channels", box)
        assert result.verdict in RIGHT, (box, result.error)
        assert _graded("double-channels", box, lang)["verdict"] == result.verdict
