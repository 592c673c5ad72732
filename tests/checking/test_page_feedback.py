"""The practice pages' feedback as a fresh examiner read it (issue 25, s10exam2's open
findings): what ``check`` says, in both languages, and the same through ``grade``.  The
answers are our own; the texts compared are the message catalogue's, never retyped."""

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from derivations.registry.questions import QUESTIONS

LANGS = ("en", "zh")

# F4: a factor 2 in a ratio of two costs is never a counting's (MACs for FLOPs) nor a
# pass's ("one gradient of two"): under every counting the ratio is the same
RATIO_FACTOR_TWO = [
    ("double-channels", "2"),
    ("double-channels", "8"),
    ("double-channels", "(4*c_i*k_h*k_w-1)/(2*c_i*k_h*k_w-1)"),
    ("double-channels", "4*(4*c_i*k_h*k_w - 1)/(2*c_i*k_h*k_w - 1)"),
    ("double-channels", "2 × (4c_ik_hk_w − 1)/(2c_ik_hk_w − 1) / 2"),
]
COUNTING_BLAME = ("checker.diagnosis.factor_two_more", "checker.diagnosis.factor_two_less")


def _graded_feedback(question: str, answer: str, lang: str) -> str:
    (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
    return row["feedback"]


def test_ratio_questions_are_known_from_their_record():
    assert [q.id for q in QUESTIONS.values() if q.ratio] == ["double-channels"]


@pytest.mark.parametrize("question, answer", RATIO_FACTOR_TWO)
def test_a_factor_two_in_a_ratio_blames_no_counting(question, answer):
    result = check(question, answer)
    assert result.verdict == "not_equivalent"
    ids = [d["id"] for d in result.diagnosis]
    assert ids and not {"factor_two_more", "factor_two_less"} & set(ids), ids
    for lang in LANGS:
        for said in (feedback(result, lang), _graded_feedback(question, answer, lang)):
            for key in COUNTING_BLAME:
                assert text(key, lang) not in said
            for counting in ("macs", "flops"):
                as_a_count = text(
                    "checker.phrase.diagnosis_variant",
                    lang,
                    conventions=text(f"checker.assumption.{counting}", lang),
                    text="",
                )
                assert as_a_count.strip() not in said


@pytest.mark.parametrize(
    "question, answer",
    [
        ("forward-ops", "c_o*c_i*k_h*k_w*m_h*m_w*4 - 2*c_o*m_h*m_w"),
        ("forward-mults", "2*c_o*c_i*k_h*k_w*m_h*m_w"),
    ],
)
def test_a_factor_two_in_a_count_is_still_said(question, answer):
    """The same factor in a count is a counting's: still said (the test above can fail)."""
    ids = [d["id"] for d in check(question, answer).diagnosis]
    assert ids == ["factor_two_more"]
