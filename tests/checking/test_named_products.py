"""A run of letters that is both a product of the book's letters and one name of another
notation (issue 21: fastai's ``ks``, the kernel size, or k·s; CS231n's assignment's
``HH``/``WW``, the filter's height and width, or h·h): a right answer is never called
wrong by the product reading alone.  Answers of our own, through ``check`` and
``grade``."""

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.lexer import named_products, product_letters
from tests.checking.rows import graded_rows, never_accepted_test

# (question, answer, verdict, the name's reading or None when the product's is kept)
ROWS = [
    # the product matches nothing, the name makes it right: the name's reading
    ("output-height", "(n + 2*pad - ks)//stride + 1", "equivalent_under_convention", "k"),
    ("output-height", "floor((h + 2p - ks)/s) + 1", "equivalent_under_convention", "k"),
    ("output-height", "1 + (H + 2 * pad - HH) // stride", "equivalent_under_convention", "k_h"),
    ("output-width", "1 + (W + 2*pad - WW)//stride", "equivalent_under_convention", "k_w"),
    ("output-height", "H' = (h - HH + p_h + s_h)//s_h", "equivalent", "k_h"),
    ("output-width", "(w - WW + p_w + s_w)/s_w", "equivalent_under_convention", "k_w"),
    # both readings wrong: the product's reading kept, the verdict unchanged
    ("output-height", "(h + 2p - HH)//s", "not_equivalent", None),
    ("output-height", "h + 2p - ks", "not_equivalent", None),
    ("output-width", "(w - HH + p_w + s_w)//s_w", "not_equivalent", None),
    # genuine products with no competing name: read as today
    ("forward-mults", "c_i c_o k_h k_w m_h m_w", "equivalent", None),
    ("forward-mults", "cicokhkwmhmw", "equivalent", None),
]


@pytest.mark.parametrize("question, answer, verdict, name", ROWS)
def test_a_named_product_is_read_as_the_name_only_where_it_alone_matches(
    question, answer, verdict, name
):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    readings = {r["written"]: r["read"] for r in (result.parsed or {}).get("readings", [])}
    named = [w for w in named_products(answer) if w in readings]
    if name is None:
        assert not named, readings
    else:
        assert [readings[w] for w in named] == [name]
    for lang in ("en", "zh"):
        assert feedback(result, lang)


def test_the_two_readings_of_a_named_product():
    assert named_products("(n + 2*pad - ks)//stride + 1") == ("ks",)
    assert named_products("H_new = 1 + (H + 2*pad - HH)/stride") == ("HH",)
    assert named_products("c_i c_o k_h k_w m_h m_w") == ()
    assert named_products(r"\frac{h - k_h}{s_h}") == ()
    assert product_letters("ks") == ["k", "s"]
    assert product_letters("HH") == ["h", "h"]


# wrong answers written with a named product: never accepted under either reading
NEVER_ACCEPTED = [
    ("output-height", "(h + 2*pad - ks)//stride"),
    ("output-height", "(h - HH)//stride + 1"),
    ("output-width", "(w + 2*pad - HH)//stride + 1 + WW"),
    ("forward-mults", "c_i c_o HH WW"),
    ("forward-mults", "c_i c_o ks m_h m_w"),
    ("output-height", "(n + 2*pad - ks)//stride + 2"),
]


test_a_wrong_answer_with_a_named_product_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_a_named_product_in_both_languages():
    pairs = [
        ("output-height", "(n + 2*pad - ks)//stride + 1"),
        ("output-width", "1 + (W + 2*pad - WW)//stride"),
        ("output-height", "(h + 2p - HH)//s"),
    ]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        verdicts = [r["verdict"] for r in graded]
        assert verdicts == ["equivalent_under_convention"] * 2 + ["not_equivalent"]
        assert "ks → k" in graded[0]["parsed"]


def test_two_matching_readings_of_different_verdicts_are_refused(monkeypatch):
    # no catalogued variant today matches a named product's product reading while its
    # name reading is right: the product's outcome is made a misconception's to test
    # the refusal (the name's outcome is the checker's own)
    from derivations.checking import checker

    real = checker.outcome_of

    def outcome(entry, parsed):
        named = any(dict(n.fields).get("source") == "fastai" for n in parsed.notes)
        return real(entry, parsed) if named else ("wrong", "output_off_by_one")

    monkeypatch.setattr(checker, "outcome_of", outcome)
    result = check("output-height", "(n + 2*pad - ks)//stride + 1")
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.ambiguous_letter"
    assert result.error["fields"] == {"letter": "ks", "first": "k", "second": "k × s"}
    for lang in ("en", "zh"):
        assert "ks" in feedback(result, lang)
