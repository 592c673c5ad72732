"""A constant each output element's sum has, taken once in all (s13exam E7's addendum):
``c_o m_h m_w (2 c_i k_h k_w) - 1`` (forward-ops) found no diagnosis against the exact
count and was told "as a count under FLOPs …, off by the constant -1", which steers to
the FLOPs count.  The exact count's own diagnosis is found first: the −1 belongs once to
each of the c_o m_h m_w output elements.  True of the exact count, and nothing said of
the FLOPs.  Answers of our own, both languages, check and grade."""

from __future__ import annotations

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from tests.checking.rows import LANGS


@pytest.mark.parametrize(
    "question, answer, constant",
    [
        ("forward-ops", "c_o m_h m_w (2 c_i k_h k_w) - 1", "-1"),
        ("forward-ops", "2 c_o c_i k_h k_w m_h m_w - 1", "-1"),
        ("forward-adds", "c_o m_h m_w c_i k_h k_w - 1", "-1"),
        ("forward-adds", "c_i c_o k_h k_w m_h m_w − 1", "-1"),
    ],
)
def test_a_constant_taken_once_is_diagnosed_against_the_exact_count(question, answer, constant):
    result = check(question, answer)
    assert result.verdict == "not_equivalent"
    (diagnosis,) = result.diagnosis
    assert diagnosis["id"] == "constant_once" and diagnosis["constant"] == constant
    assert "variant" not in diagnosis and not result.counterexample.get("conventions")
    for lang in LANGS:
        # (the factor as the language prints it: zh writes c_o×m_h×m_w)
        said = text("checker.diagnosis.constant_once", lang, constant=constant, factor="{}")
        said = said.split("{}")[0]
        (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
        for words in (feedback(result, lang), row["feedback"]):
            assert said in words, words
            assert text("checker.assumption.flops", lang) not in words, words
