"""s15exam E15: no raw value reaches a student, and no remark is said to do what it does
not.  A square kernel's size written twice (``k_1 + k_2 - 1 x k_1 + k_2 - 1``) was noted
"(alike: True)" (a Python bool, zh "（两者相同：True）"; s15fix's aeea9520 fixed it, its rows
here are guards); the output size's m on compose-size, which has none, was "the output
size is - here" (a dash for no symbol); a remark with an operation word (``(over both
kernels)``) was said to "change the formula", which it need not: it may.
Through ``check`` and ``grade``, both languages; the answers are our own."""

import re

import pytest

from derivations import grade
from derivations.checking import check, feedback
from tests.checking.rows import LANGS, RIGHT

# (question, answer, verdict, the refusal's id or None)
ROWS = [
    ("compose-size", "k_1 + k_2 - 1 x k_1 + k_2 - 1", "equivalent", None),
    ("compose-size", "k_1 + k_2 x k_1 + k_2", "not_equivalent", None),
    ("output-height", "floor((h-k_h+p_h)/s_h)+1 x floor((h-k_h+p_h)/s_h)+1", "equivalent", None),
    ("output-height", "floor((h-k_h)/s_h) x floor((h-k_h)/s_h)", "not_equivalent", None),
    ("compose-size", "n + m - 1", "invalid_input", "checker.reason.unknown_letter_absent"),
    ("compose-size", "m + 1", "invalid_input", "checker.reason.unknown_letter_absent"),
    # a remark naming an operation word may change the formula: refused, saying "may"
    (
        "compose-size",
        "k_1 + k_2 - 1 (over both kernels)",
        "invalid_input",
        "reading.remark_operation",
    ),
    ("compose-size", "k_1 + k_2 (over both kernels)", "invalid_input", "reading.remark_operation"),
]
# what no feedback may print: a Python bool, a dash standing for no symbol, the claim
RAW = re.compile(
    r"\b(?:True|False|None)\b|is - here|写作 -|changes the formula|(?<!可能)会改变公式"
)


@pytest.mark.parametrize("question, answer, verdict, refusal", ROWS)
def test_the_feedback_says_no_raw_value(question, answer, verdict, refusal):
    result = check(question, answer, symbolic=False)
    assert result.verdict == verdict, (result.verdict, result.error)
    if refusal is not None:
        assert result.error["id"] == refusal, result.error
    for lang in LANGS:
        for reveal in ("none", "hint", "answer"):
            said = feedback(result, lang, reveal=reveal)
            assert said and not RAW.search(said), said
        (row,) = grade([{"student": "a", "question": question, "answer": answer}], lang=lang)
        assert row["verdict"] == verdict and not RAW.search(row["feedback"]), row


@pytest.mark.parametrize("lang", LANGS)
def test_a_letter_of_a_quantity_the_question_lacks_names_the_questions_symbols(lang):
    """m (an output size) on compose-size: its meaning said, and k_1, k_2 to write."""
    result = check("compose-size", "n + m - 1", symbolic=False)
    said = feedback(result, lang)
    assert "'m'" in said or "“m”" in said, said
    assert "k_1, k_2" in said, said
    assert check("compose-size", "k_1 + k_2 - 1").verdict in RIGHT


@pytest.mark.parametrize(
    "answer, verdict",
    [
        ("变为原来的 4 倍", "equivalent_under_convention"),
        ("变为原来的 2 倍", "not_equivalent"),
        ("it grows 4x", "equivalent_under_convention"),
        ("it grows 2x", "not_equivalent"),
    ],
)
def test_a_factor_sentences_note_names_the_sentence(answer, verdict):
    """s15exam E10: the note said "4 倍 = 4 倍" / "4 times = 4 times" (the factor's words
    as their own reading, fails on main); it names the sentence read."""
    result = check("double-channels", answer, symbolic=False)
    assert result.verdict == verdict, result.error
    for lang in LANGS:
        said = feedback(result, lang)
        assert answer in said and not re.search(r"(\S+ (?:倍|times)) = \1", said), said
