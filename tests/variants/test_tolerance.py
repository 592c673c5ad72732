"""One mark for one number: the Moodle XML's rule, evaluated as Moodle's numerical
question type evaluates it, gives every answer the credit ``grade --variants`` gives it
under the default rubric.

Moodle's side, transcribed from ``question/type/numerical/question.php``:
``qtype_numerical_answer::get_tolerance_interval`` (nominal: ``answer ± (tolerance +
ε·max(tolerance, |answer|, ε))``, ε = 1e-14 for PHP's precision 14; relative: ``answer ±
|answer|·(tolerance + ε)``) and ``qtype_numerical_question::get_matching_answer`` (the
first answer, in order, whose interval holds the response; its ``fraction`` is the
credit; none: 0).  The answers' formulas are evaluated by the independent reader of
``test_variants``.
"""

from __future__ import annotations

from fractions import Fraction
from xml.etree import ElementTree as ET

import pytest

from derivations.grading.rubric import load_rubric
from derivations.variants.build import build_variants, render_files
from derivations.variants.grade import grade_variant_answer
from tests.variants.test_variants import _evaluate

EPSILON = 1e-14
QUESTIONS = ["double-channels", "forward-ops", "backward-ops", "forward-mults"]


def _interval(value: float, tolerance: float, kind: int) -> tuple[float, float]:
    if kind == 1:  # relative
        spread = abs(value) * (tolerance + EPSILON)
    elif kind == 2:  # nominal
        spread = tolerance + EPSILON * max(abs(tolerance), abs(value), EPSILON)
    else:
        raise AssertionError(f"tolerance type {kind} not expected")
    return value - spread, value + spread


def _moodle_credit(question: ET.Element, values: dict, response: float) -> Fraction:
    for answer in question.findall("answer"):
        value = _evaluate(answer.find("text").text, values, exact=False)
        low, high = _interval(
            value, float(answer.find("tolerance").text), int(answer.find("tolerancetype").text)
        )
        if low <= response <= high:
            return Fraction(answer.get("fraction")) / 100
    return Fraction(0)


def _responses(key, layer) -> list[str]:
    """Numbers a class writes: the key (to 2 and 3 places for a ratio), near misses on
    both sides of the tolerance, the book's large-channel limit 4, MACs and FLOPs."""
    macs = layer.c_o * layer.c_i * layer.k_h * layer.k_w * layer.m_h * layer.m_w
    if isinstance(key, Fraction):
        value = float(key)
        return [
            f"{value:.2f}",
            f"{value:.3f}",
            f"{value + 0.004:.4f}",
            f"{value - 0.006:.4f}",
            "4",
            "4.00",
            f"{value + 0.02:.2f}",
        ]
    return [str(key), str(key + 1), str(macs), str(2 * macs), str(4 * macs)]


@pytest.mark.parametrize("padding", ["total", "per-side"])
def test_moodle_and_grade_give_one_mark(tmp_path, padding):
    roster = [f"s{i:02d}" for i in range(30)]
    variants = build_variants(roster, QUESTIONS, "fall-2026", padding)
    files = render_files(variants, tmp_path, ("en",))
    quiz = ET.fromstring(files[tmp_path / "moodle-en.xml"])
    rubric = load_rubric()
    compared = disagreements = limit_credit = 0
    for question in quiz.findall("question"):
        name = question.find("name/text").text
        columns = {
            d.find("name/text").text: [
                int(i.find("value").text) for i in d.findall("dataset_items/dataset_item")
            ]
            for d in question.findall("dataset_definitions/dataset_definition")
        }
        for row, student in enumerate(variants.students):
            values = {wildcard: column[row] for wildcard, column in columns.items()}
            key = next(k.value for k in student.key if k.question == name)
            for response in _responses(key, student.layer):
                moodle = _moodle_credit(question, values, float(response))
                outcome = grade_variant_answer(variants, student.id, name, response)
                ours = rubric.share(outcome.verdict, outcome.assumptions)
                compared += 1
                disagreements += moodle != ours
                assert moodle == ours, (name, student.id, response, moodle, ours, outcome)
                if name == "double-channels" and response == "4":
                    limit_credit += ours > 0
    assert compared > 30 * 4 * 5 and not disagreements
    # "4" (MACs: exactly 4; the padding does not enter) earns its credit for every
    # student, in a course reading padding per side too
    assert limit_credit == 30


def test_the_xml_uses_one_nominal_tolerance(tmp_path):
    variants = build_variants(["a", "b", "c"], QUESTIONS, "t")
    quiz = ET.fromstring(render_files(variants, tmp_path, ("en",))[tmp_path / "moodle-en.xml"])
    for question in quiz.findall("question"):
        ratio = question.find("name/text").text == "double-channels"
        for answer in question.findall("answer"):
            assert answer.find("tolerancetype").text == "2"
            assert float(answer.find("tolerance").text) == (0.005 if ratio else 0)
