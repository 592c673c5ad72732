"""Letters no notation defines, read by their role (issue 21's inference; the lead's
decisions on s13exam E22 and E24):

- E22: a right verdict reached by giving such a letter its meaning says so first, in
  both languages ("Right only reading Q as k_2: …"); it was a plain "Correct".
- E24: "wrong whatever it stands for" is said only where no reading makes the answer
  right: a letter that is a term of a sum is also read as 0 and 1 (``… + Q`` is the
  reference with Q = 1), and such an answer stays refused in one line naming the
  letter.

Answers of our own."""

from __future__ import annotations

import pytest

from derivations.checking import check, feedback
from derivations.messages import text
from tests.checking.rows import LANGS, RIGHT

INFERRED = [
    ("compose-size", "k_1 + Q - 1", {"Q": "k_2"}),
    # (a letter of no role as a product's factor is not inferred: s18wrong F12; its place
    # in a sum says its role)
    ("output-width", "(X - k_w + p_w)//s_w + 1", {"X": "w"}),
    ("output-height", "floor((h - Q + p_h + s_h)/s_h)", {"Q": "k_h"}),
    ("forward-mults", "C C' k_h k_w m_h m_w", {"C": "c_i", "C'": "c_o"}),
]


def _opening(lang: str) -> str:
    return text("checker.phrase.right_reading", lang, readings="{}").split("{}")[0]


@pytest.mark.parametrize("question, answer, read", INFERRED)
def test_a_right_verdict_by_inference_says_so_first(question, answer, read):
    result = check(question, answer)
    assert result.verdict in RIGHT
    for lang in LANGS:
        said = feedback(result, lang)
        assert said.startswith(_opening(lang)), said
        for written, meant in read.items():
            shown = text("checker.phrase.reading_as", lang, written=written, read=meant)
            assert shown in said.split("。")[0].split(": ")[0], said


def test_a_notations_letter_is_not_said_so():
    result = check("output-height", "floor((H - K + P + S)/S)")
    assert result.verdict in RIGHT
    for lang in LANGS:
        assert not feedback(result, lang).startswith(_opening(lang))


@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "floor((h - k_h + p_h)/s_h) + Q"),
        ("output-height", "(h - k_h + p_h)//s_h + Q"),
        ("forward-adds", "c_o m_h m_w (c_i k_h k_w - Q)"),
        ("compose-size", "k_1 + k_2 - Q"),
    ],
)
def test_a_term_right_as_a_constant_is_never_wrong_whatever_it_stands_for(question, answer):
    result = check(question, answer)
    assert result.verdict == "invalid_input", result.verdict
    assert "Q" in result.error["reason"]
    for lang in LANGS:
        said = feedback(result, lang)
        assert said.count("\n") == 0
        assert "whatever" not in said and "无论它代表什么" not in said, said
