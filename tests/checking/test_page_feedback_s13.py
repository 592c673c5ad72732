"""The practice pages' open findings of s12exam (issue 25), fixed in session 13: what
``check`` says, in both languages, the same through ``grade`` and through the page's own
number path (:func:`derivations.practice.numbers.answer_at`, ``grade --variants``'s
grading).  The answers are our own; the texts compared are the message catalogue's."""

import json
from fractions import Fraction
from xml.etree import ElementTree as ET

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from derivations.practice.numbers import answer_at, practice_class
from derivations.registry.misconceptions import misconception

LANGS = ("en", "zh")
RIGHT = ("equivalent", "equivalent_under_convention")


def _graded(question: str, answer: str, lang: str) -> dict:
    (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
    return row


def _key(question: str):
    """The page's key value of ``question`` at its layer."""
    (student,) = practice_class().students
    return next(k.value for k in student.key if k.question == question)


def _as_a_count(counting: str, lang: str) -> str:
    """The words a diagnosis found under ``counting`` (macs, flops) opens with."""
    return text(
        "checker.phrase.diagnosis_variant",
        lang,
        conventions=text(f"checker.assumption.{counting}", lang),
        text="{}",
    ).split("{}")[0]


def _number(value) -> str:
    return str(value) if Fraction(value).denominator == 1 else str(float(value))


# E5: the forward memory (input + kernel + output) answering the backward peak; the
# gradients dY, dX, dW alone are as large (no source the sheets cite reads the peak so)
FORWARD_FOR_BACKWARD = [
    "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w",
    "c_o m_h m_w + c_i h w + c_i c_o k_h k_w",
    "c_i×h×w + c_o×c_i×k_h×k_w + c_o×m_h×m_w",
]
FORWARD_MEMORY = "forward_memory_for_backward"


@pytest.mark.parametrize("answer", FORWARD_FOR_BACKWARD)
def test_the_forward_memory_is_not_the_backward_peak_under_any_convention(answer):
    result = check("backward-memory", answer)
    assert (result.verdict, result.misconception) == ("not_equivalent", FORWARD_MEMORY)
    assert result.conventions == []
    for lang in LANGS:
        said = misconception(FORWARD_MEMORY).explain(lang)
        assert said in feedback(result, lang, reveal="hint")
        row = _graded("backward-memory", answer, lang)
        assert row["verdict"] == "not_equivalent" and said in row["feedback"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_calls_the_forward_memory_wrong_for_the_backward_peak(lang):
    value = _key("forward-memory")  # = dY + dX + dW at the layer: the sizes of Y, X, W
    assert value != _key("backward-memory")
    data = json.loads(answer_at("backward-memory", _number(value), lang))
    assert data["verdict"] == "not_equivalent" and data["conventions"] == []
    assert data["misconception"]["id"] == FORWARD_MEMORY


def test_no_moodle_answer_gives_credit_for_the_forward_memory(tmp_path):
    from derivations.variants.build import build_variants, render_files
    from tests.variants.test_variants import _evaluate

    variants = build_variants(
        [f"s{i}" for i in range(6)], ["forward-memory", "backward-memory"], "E5"
    )
    quiz = ET.fromstring(render_files(variants, tmp_path, ("en",))[tmp_path / "moodle-en.xml"])
    question = next(
        q for q in quiz.findall("question") if q.find("name/text").text == "backward-memory"
    )
    checked = 0
    for row, student in enumerate(variants.students):
        forward = next(k.value for k in student.key if k.question == "forward-memory")
        columns = {
            d.find("name/text").text: int(
                d.findall("dataset_items/dataset_item")[row].find("value").text
            )
            for d in question.findall("dataset_definitions/dataset_definition")
        }
        for answer in question.findall("answer"):
            got = _evaluate(answer.find("text").text, columns, exact=True)
            assert got != forward or float(answer.get("fraction")) == 0
            checked += 1
    assert checked > 6


# E4: "right only when s_h = 1 …" found under a counting convention names it first, in
# the same sentence (the same answer is right at no layer under the book's counting)
UNDER_A_COUNTING = [
    ("pointwise-complexity", "c_o*c_i*h*w", "macs"),
    ("forward-ops", "2*c_o*c_i*k_h*k_w*(h-k_h+p_h+1)*(w-k_w+p_w+1)", "flops"),
    ("backward-ops", "4 c_o c_i k_h k_w (h-k_h+p_h+1) (w-k_w+p_w+1)", "flops"),
]


@pytest.mark.parametrize("question, answer, counting", UNDER_A_COUNTING)
def test_a_special_layer_found_under_a_counting_names_it_first(question, answer, counting):
    result = check(question, answer)
    assert result.verdict == "not_equivalent"
    (diagnosis,) = result.diagnosis
    assert diagnosis["id"] == "special_case" and diagnosis["variant"] == [counting]
    for lang in LANGS:
        under = _as_a_count(counting, lang)
        special = text("checker.diagnosis.special_case", lang, factor="{}").split("{}")[0]
        for said in (feedback(result, lang), _graded(question, answer, lang)["feedback"]):
            sentence = said[: said.index(special) + len(special)]
            assert sentence.endswith(under + special), said


def test_a_special_layer_of_the_books_counting_names_no_convention():
    result = check("forward-mults", "c_i c_o k_h k_w (h-k_h+1)(w-k_w+1)")
    (diagnosis,) = result.diagnosis
    assert diagnosis["id"] == "special_case" and "variant" not in diagnosis


# E4: a diagnosis under a counting convention found on the layers the answer's left-out
# stride narrows to says so, as one against the reference does
@pytest.mark.parametrize(
    "question, answer",
    [
        ("forward-ops", "2*c_o*c_i*k_h*(h-k_h+p_h+1)*(w-k_w+p_w+1)"),
        ("forward-ops", "2 c_o c_i k_w (h-k_h+p_h+1) (w-k_w+p_w+1)"),
    ],
)
def test_a_diagnosis_under_a_counting_says_where_it_holds(question, answer):
    result = check(question, answer)
    (diagnosis,) = result.diagnosis
    assert diagnosis["variant"] == ["flops"] and diagnosis["where"] == ["s_h = 1", "s_w = 1"]
    for lang in LANGS:
        joined = text("checker.phrase.condition_separator", lang).join(diagnosis["where"])
        assert text("checker.phrase.only_where", lang, conditions=joined) in feedback(result, lang)


# E3: the ratio after/before, asked "by how many operations", is never right on the page
@pytest.mark.parametrize("lang", LANGS)
def test_the_ratio_is_not_right_for_the_increase_on_the_page(lang):
    before = _key("forward-ops")
    ratio = Fraction(before + _key("double-padding"), before)
    for said in {_number(ratio), f"{ratio.numerator}/{ratio.denominator}"}:
        data = json.loads(answer_at("double-padding", said, lang))
        assert data["verdict"] not in RIGHT and data["conventions"] == [], (said, data)


# E23: words around a formula that carry arithmetic are read (the spoken reader's
# "rounded down") or the answer is refused naming them; never graded without them
READ_WITH_THEIR_WORDS = [
    ("output-height", "(h - k_h + p_h) / s_h rounded down, plus 1"),
    ("output-width", "(w - k_w + p_w)/s_w rounded down, plus one"),
    ("output-height", "(h - k_h + p_h) / s_h 向下取整，再加 1"),
]


@pytest.mark.parametrize("question, answer", READ_WITH_THEIR_WORDS)
def test_a_rounding_said_in_words_is_read(question, answer):
    result = check(question, answer)
    assert result.verdict == "equivalent", feedback(result, "en")
    assert [row["verdict"] for row in (_graded(question, answer, "zh"),)] == ["equivalent"]


ARITHMETIC_AROUND = [
    ("output-height", "the output height is (h - k_h + p_h)/s_h rounded down plus 1", "en"),
    ("output-height", "(h - k_h + p_h)/s_h, floor of it, plus 1", "en"),
    ("output-height", "(h - k_h + p_h) / s_h 向下取整后加 1", "zh"),
    ("forward-mults", "前向乘法次数为 c_o c_i k_h k_w m_h m_w 再乘以批量 n", "zh"),
    (
        "forward-adds",
        "there are c_o m_h m_w outputs, each needs c_i k_h k_w minus 1 additions",
        "en",
    ),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w, times 4 for the bytes", "en"),
]


@pytest.mark.parametrize("question, answer, lang", ARITHMETIC_AROUND)
def test_words_carrying_arithmetic_are_never_dropped(question, answer, lang):
    result = check(question, answer)
    assert result.verdict == "invalid_input", feedback(result, lang)
    assert result.error["id"] == "checker.reason.words_arithmetic"
    words = result.error["fields"]["words"]
    assert words and all(word in answer for word in words.split(", "))
    said = text("checker.reason.words_arithmetic", lang, words=words)
    assert said in feedback(result, lang)
    row = _graded(question, answer, lang)
    assert row["verdict"] == "invalid_input" and said in row["feedback"]


@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "the output height is given by (h-k_h+p_h+s_h)//s_h"),
        ("forward-mults", "the multiplications are summed over c_o c_i k_h k_w m_h m_w"),
    ],
)
def test_words_without_arithmetic_are_still_dropped_with_a_note(question, answer):
    assert check(question, answer).verdict in RIGHT


# E23: a remark after a comma is not said to be in brackets
@pytest.mark.parametrize("lang", LANGS)
def test_a_remark_after_a_comma_is_said_where_it_is(lang):
    result = check("bias-size", "c_o, one per output channel")
    assert result.verdict == "equivalent"
    said = feedback(result, lang)
    assert text("reading.note.remark", lang) not in said
    assert text("reading.note.remark_after_comma", lang, remark="one per output channel") in said


# E19: a diagnosis in the question's own counting comes before one in a convention's
# (checker._wrong: the reference's frame first); the worked answer's C_h, C_w (the
# padded positions some window covers) let it name dX's overlap term
EXACT_FRAME_FIRST = [
    ("backward-ops", "4*c_o*c_i*k_h*k_w*m_h*m_w - c_o*c_i*k_h*k_w", ("c_i", "C_h", "C_w")),
    ("backward-ops", "4 c_i c_o k_h k_w m_h m_w - c_i c_o k_h k_w + 0", ("c_i", "C_h", "C_w")),
    ("forward-ops", "2*c_o*c_i*k_h*k_w*m_h*m_w + c_o*m_h*m_w", ("c_o", "m_h", "m_w")),
    ("pointwise-complexity", "c_o*(2*c_i+1)*m_h*m_w", ("c_o", "m_h", "m_w")),
]


@pytest.mark.parametrize("question, answer, term", EXACT_FRAME_FIRST)
def test_the_questions_own_counting_is_diagnosed_first(question, answer, term):
    result = check(question, answer)
    assert result.verdict == "not_equivalent"
    (diagnosis,) = result.diagnosis
    assert tuple(diagnosis["factor"]) == term and "variant" not in diagnosis, diagnosis
    assert result.counterexample and not result.counterexample.get("conventions")
    for lang in LANGS:
        said = feedback(result, lang)
        for counting in ("macs", "flops"):
            assert _as_a_count(counting, lang).strip() not in said
        if "C_h" in term:
            assert text("checker.diagnosis.meaning.covered_input_positions", lang) in said


# s13exam E7: a known mistake in the question's own counting says what is wrong; no
# diagnosis against a counting convention's count is said beside it
OWN_COUNTING_MISTAKES = [
    ("backward-ops", "c_o m_h m_w (2 c_i k_h k_w - 1)", "backward_equals_forward"),
    ("backward-ops", "2 c_o m_h m_w (2 c_i k_h k_w - 1)", "backward_doubled_exact"),
    ("backward-ops", "c_o*m_h*m_w*(2*c_i*k_h*k_w - 1)*2", "backward_doubled_exact"),
]


@pytest.mark.parametrize("question, answer, name", OWN_COUNTING_MISTAKES)
def test_a_mistake_in_the_questions_counting_is_not_diagnosed_under_a_convention(
    question, answer, name
):
    result = check(question, answer)
    assert (result.verdict, result.misconception) == ("not_equivalent", name)
    assert all("variant" not in d for d in result.diagnosis), result.diagnosis
    assert not result.counterexample.get("conventions")
    for lang in LANGS:
        said = feedback(result, lang)
        assert all(_as_a_count(c, lang) not in said for c in ("macs", "flops")), said


# s13exam E15: "right only when s_h = 1 …" is said only of an answer wrong at most layers
# off that special layer; one right at most strided layers (its stride carried by m_h)
# is not told it leaves the stride out
NOT_A_SPECIAL_LAYER = [
    (
        "backward-ops",
        "c_i (4 c_o k_h k_w m_h m_w - c_o k_h k_w - min(h + p_h, k_h m_h) min(w + p_w, k_w m_w))",
    ),
    ("double-padding", "c_o (2 c_i k_h k_w - 1) (m_h p_w + m_w p_h + p_h p_w)"),
]


@pytest.mark.parametrize("question, answer", NOT_A_SPECIAL_LAYER)
def test_right_only_on_a_special_layer_is_said_only_when_it_holds(question, answer):
    result = check(question, answer)
    assert result.verdict == "not_equivalent"
    assert result.misconception != "given_parameter_left_out"
    assert all(d["id"] != "special_case" for d in result.diagnosis), result.diagnosis
    layer = result.counterexample["layer"]
    assert (layer["s_h"], layer["s_w"]) != (1, 1), layer  # wrong off the special layer


@pytest.mark.parametrize(
    "question, answer",
    [
        ("forward-mults", "c_i c_o k_h k_w (h-k_h+1)(w-k_w+1)"),
        ("output-height", "h - k_h + 1"),
        ("forward-ops", "c_o (2 c_i k_h k_w - 1) (h - k_h + p_h + 1) (w - k_w + p_w + 1)"),
    ],
)
def test_a_left_out_stride_or_padding_is_still_said(question, answer):
    result = check(question, answer)
    assert result.misconception == "given_parameter_left_out"
    assert [d["id"] for d in result.diagnosis] == ["special_case"]
