"""A bound is not the value (s15exam E11): words before an answer that make it a bound
(``less than``, ``at least``, ``小于``, ``远大于``, ``至少`` …; :data:`derivations.checking.
reading.languages.LEAD_BOUNDS`) are refused in one line naming them, before a formula,
a number or a factor; words that only say the value is approximate (``about``, ``大约``,
``接近``) or frame it (``Under the book's convention,``) keep their reading."""

import json

import pytest

from derivations.checking import check
from derivations.checking.reading.languages import LEAD_BOUNDS
from derivations.practice.numbers import answer_at

REF = "c_o c_i k_h k_w m_h m_w"

BOUNDED = [
    ("forward-mults", f"less than {REF}", "less than"),
    ("forward-mults", f"at least {REF}", "at least"),
    ("forward-mults", f"The count is at most {REF}", "at most"),
    ("forward-mults", f"小于 {REF}", "小于"),
    ("forward-mults", f"乘法次数远大于 {REF}", "远大于"),
    ("bias-size", "略小于 c_o", "略小于"),
    ("double-channels", "小于 4 倍", "小于"),
    ("double-channels", "略小于 4 倍", "略小于"),
    ("double-channels", "远大于 4 倍", "远大于"),
    ("double-channels", "less than 4 times", "less than"),
    ("double-channels", "slightly more than 4 times", "slightly more than"),
    ("forward-mults", f"大于 {REF}", "大于"),
    ("forward-mults", f"至少 {REF}", "至少"),
    ("double-channels", "大于 4 倍", "大于"),
]

TRAILING = [
    ("forward-mults", f"{REF} or more", "or more"),
    ("forward-mults", f"{REF} at most", "at most"),
    ("forward-mults", f"The count is {REF} or fewer", "or fewer"),
]

KEPT = [
    ("forward-mults", f"Under the book's convention, {REF}", "equivalent"),
    ("forward-mults", f"As computed above: {REF}", "equivalent"),
    ("double-channels", "接近 4 倍", "equivalent_under_convention"),
    ("double-channels", "大约是 4 倍", "equivalent_under_convention"),
    ("double-channels", "about 4 times", "equivalent_under_convention"),
]


@pytest.mark.parametrize(("qid", "answer", "words"), BOUNDED)
def test_a_bound_is_refused_naming_its_words(qid, answer, words):
    result = check(qid, answer, symbolic=False)
    assert result.verdict == "invalid_input", (answer, result.verdict)
    error = result.as_dict()["error"]
    assert error["id"] == "reading.lead_bounds", error
    assert words in error["reason"]


@pytest.mark.parametrize(("qid", "answer", "words"), TRAILING)
def test_a_bound_after_the_answer_is_refused_naming_its_words(qid, answer, words):
    result = check(qid, answer, symbolic=False)
    error = result.as_dict()["error"]
    assert error["id"] == "reading.trail_bounds", error
    assert words in error["reason"]


@pytest.mark.parametrize(("qid", "answer", "verdict"), KEPT)
def test_an_approximate_or_framing_lead_keeps_its_reading(qid, answer, verdict):
    assert check(qid, answer, symbolic=False).verdict == verdict


# numbers at the practice page's layer (the layer's values read from the key)
NUMBERS = [
    ("forward-mults", "至少 {v}", "zh"),
    ("forward-mults", "远大于 {v}", "zh"),
    ("forward-mults", "不少于 {v}", "zh"),
    ("forward-mults", "at least {v}", "en"),
    ("double-padding", "小于 {v}", "zh"),
    ("double-padding", "less than {v}", "en"),
    ("forward-mults", "不超过 {v}", "zh"),
    ("forward-mults", "最多 {v}", "zh"),
    ("forward-mults", "多于 {v}", "zh"),
    ("forward-mults", "超过 {v}", "zh"),
    ("forward-mults", "{v} 以上", "zh"),
    ("forward-mults", "{v} or more", "en"),
]


def _value(qid: str) -> str:
    from derivations.practice.numbers import practice_variants, questions

    student = practice_variants().students[0]
    return str(student.key[questions().index(qid)].value)


@pytest.mark.parametrize(("qid", "template", "lang"), NUMBERS)
def test_a_bound_on_the_layers_value_is_never_right(qid, template, lang):
    value = _value(qid)
    assert json.loads(answer_at(qid, value, lang))["verdict"] == "equivalent"  # the twin
    got = json.loads(answer_at(qid, template.format(v=value), lang))
    assert got["verdict"] == "invalid_input", got


def test_every_bound_word_is_refused_before_a_formula():
    for lang, words in LEAD_BOUNDS.items():
        for word in words:
            result = check("forward-mults", f"{word} {REF}", symbolic=False)
            assert result.verdict == "invalid_input", (lang, word, result.verdict)
