"""The practice pages' findings s13exam left open (issue 25), fixed in session 14: what
``check`` says, in both languages, the same through ``grade``, ``grade --variants``, the
Moodle XML and the page's own number path (:func:`derivations.practice.numbers.
answer_at`).  The answers are our own; the texts compared are the message catalogue's,
the values the catalogue's and the key's at the page's layer."""

import json
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
