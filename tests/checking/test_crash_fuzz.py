"""No answer crashes a run (issue 8): a random-grammar fuzzer over every question,
through the whole ``check`` and both languages' feedback, with zero exceptions; and the
crashes the red-team run found, one row each.

CI runs a fixed seed and 20,000 answers (the SymPy stages on every 10th: they cost ~40x
the rest); ``make fuzz`` runs a longer one (``DERIVATIONS_FUZZ_ANSWERS``,
``DERIVATIONS_FUZZ_SEED``, ``DERIVATIONS_FUZZ_SYMBOLIC_EVERY`` set the run).
"""

import os

import pytest

from derivations.checking import VERDICTS, check, feedback
from derivations.checking.deciding.catalogue import entry
from derivations.registry.questions import QUESTIONS
from tests.checking.fuzzing import answers

COUNT = int(os.environ.get("DERIVATIONS_FUZZ_ANSWERS", "20000"))
SEED = int(os.environ.get("DERIVATIONS_FUZZ_SEED", "20240604"))
SYMBOLIC_EVERY = int(os.environ.get("DERIVATIONS_FUZZ_SYMBOLIC_EVERY", "10"))


def _crash(question: str, answer: str, symbolic: bool = True) -> str | None:
    """None when the answer goes through every stage; else what went wrong."""
    try:
        result = check(question, answer, symbolic=symbolic)
        if result.verdict not in VERDICTS or result.verdict == "error":
            return f"verdict {result.verdict!r}: {result.error}"
        for lang in ("en", "zh"):
            feedback(result, lang)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


def test_fuzzed_answers_never_crash():
    references = {qid: entry(qid).display_text for qid in QUESTIONS}
    failures = []
    for index, (qid, answer) in enumerate(answers(SEED, COUNT, references)):
        why = _crash(qid, answer, symbolic=index % SYMBOLIC_EVERY == 0)
        if why:
            failures.append(f"{qid} {answer!r}: {why}")
    assert not failures, f"{len(failures)} of {COUNT} crashed, e.g.\n" + "\n".join(failures[:10])


def test_the_fuzzer_reaches_every_verdict_and_question():
    references = {qid: entry(qid).display_text for qid in QUESTIONS}
    seen, questions = set(), set()
    for qid, answer in answers(SEED, 600, references):
        questions.add(qid)
        seen.add(check(qid, answer, symbolic=False).verdict)
    assert questions == set(QUESTIONS)
    assert {"equivalent", "not_equivalent", "invalid_input"} <= seen


# the crashes of the red-team run (issue 8): each now gives a verdict
RED_TEAM = [
    ("forward-mults", "O(c_i)"),
    ("forward-adds", "O(c_i c_o)"),
    ("forward-ops", "O(c_i c_o k_h k_w)"),
    ("forward-mults", "O(c_i c_o k_h k_w)"),
    ("pointwise-complexity", "k_h"),
    ("pointwise-complexity", "Kh"),
    ("pointwise-complexity", "⌊k_h⌋"),
    *[("forward-mults", digit + " c_i") for digit in "❶➀⓵፩𑁒"],
    ("forward-mults", " + ".join(["c_i c_o k_h k_w m_h m_w"] * 3 + ["h"] * 90)),
    ("forward-mults", "O(0)"),
    ("forward-mults", "O(-h)"),
    ("forward-mults", "c_i\udcff"),  # invalid UTF-8 through surrogateescape
]


@pytest.mark.parametrize("question, answer", RED_TEAM)
def test_red_team_crashes_give_a_verdict(question, answer):
    assert _crash(question, answer) is None


@pytest.mark.parametrize("digit", "❶➀⓵፩𑁒")
def test_digits_that_are_no_decimal_digits_are_refused_by_name(digit):
    result = check("forward-mults", f"{digit} c_i")
    assert result.verdict == "invalid_input"
    assert digit in result.error["reason"] and result.error["position"] == 1


@pytest.mark.parametrize("digit, value", [("٣", 3), ("३", 3), ("３", 3), ("𝟑", 3)])
def test_decimal_digits_of_any_script_read_as_digits(digit, value):
    from derivations.checking.reading.parse import parse_answer

    assert parse_answer(f"{digit} h").text == f"{value}*h"


@pytest.mark.parametrize("terms", [81, 150, 300])
def test_a_long_flat_sum_is_not_deep(terms):
    result = check("forward-mults", "+".join(["h"] * terms), symbolic=False)
    assert result.verdict == "not_equivalent"


def test_a_long_sum_of_correct_terms_is_read():
    right = "c_i c_o k_h k_w m_h m_w"
    answer = " + ".join([right] * 2 + ["h"] * 45 + ["-h"] * 45) + f" - {right}"
    assert check("forward-mults", answer, symbolic=False).verdict == "equivalent"


@pytest.mark.parametrize(
    "answer, sign",
    [("O(c_i)", 1), ("O(c_i^2 c_o k_h k_w m_h m_w)", -1), ("O(0)", 0), ("O(-c_i)", 0)],
)
def test_a_big_o_mismatch_says_which_way(answer, sign):
    result = check("forward-mults", answer)
    assert result.verdict == "not_equivalent" and result.order["sign"] == sign


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_big_o_of_zero_never_says_the_reference_grows_slower(lang):
    from derivations.checking.explaining.wording import phrase

    said = feedback(check("forward-mults", "O(0)"), lang)
    assert phrase("slower", lang) not in said and phrase("faster", lang) not in said
    assert phrase("order_degenerate", lang, symbol="c_i") in said
