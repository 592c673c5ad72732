"""Every reason an answer cannot be read is a message id of ``messages/reading.yaml``
with both languages; the Chinese one has no English sentence (issue 10)."""

import re

import pytest

from derivations.checking import check, feedback
from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.parse import parse_answer
from derivations.messages import catalogue, text

# (answer, the message id that refuses it)
REFUSALS = [
    ("", "reading.empty"),
    ("h" * 700, "reading.too_long"),
    ("h\x00", "reading.control_character"),
    ("h\udcff", "reading.not_utf8"),
    ("❶ h", "reading.not_plain_digit"),
    ("c_q", "reading.unknown_symbol"),
    ("h \\", "reading.lone_backslash"),
    (r"h + \cdots", "reading.elided_command"),
    ("h + ...", "reading.elided"),
    (r"\input{x}", "reading.unsupported_command"),
    ("9" * 31, "reading.too_many_digits"),
    ("1e31", "reading.too_many_digits_written_out"),
    ("h # w", "reading.unexpected_character"),
    ("(" * 30 + "h", "reading.brackets_too_deep"),
    ("h+ (", "reading.ends_early_operand"),
    ("h )", "reading.unexpected_expected"),
    ("h + 1 = ", "reading.formula_both_sides"),
    ("h^w", "reading.exponent_symbolic"),
    ("h^(1/0)", "reading.division_by_zero"),
    ("h^(1/2)", "reading.exponent_not_whole"),
    ("h^65", "reading.exponent_too_large"),
    ("h/0", "reading.division_by_zero"),
    ("0^-1", "reading.zero_to_negative_power"),
    ("floor(h, w)", "reading.arity"),
    ("-" * 100 + "h", "reading.nested_too_deep"),
    ("h" + "*h/2" * 80, "reading.chain_too_long"),
    ("O(h) + 1", "reading.big_o_inside"),
]


@pytest.mark.parametrize("answer, key", REFUSALS, ids=[k for _, k in REFUSALS])
def test_each_refusal_has_its_message_id(answer, key):
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(answer)
    error = caught.value
    assert error.key == key
    assert error.reason == text(key, "en", **error.fields)


def test_a_value_too_large_is_said_by_id():
    result = check("forward-mults", "((h^64)^64)^64")
    assert result.error["id"] == "reading.value_too_large"


_ALLOWED = {"LaTeX", "UTF", "int", "floor", "max", "math", "biggl", "sizeof", "float"}  # names


@pytest.mark.parametrize("key", sorted(k for k in catalogue() if k.startswith("reading.")))
def test_chinese_reasons_have_no_english(key):
    zh = re.sub(r"\{[^}]*\}", "", catalogue()[key]["zh"])
    words = set(re.findall(r"[A-Za-z]{3,}", zh)) - _ALLOWED
    assert not words, f"{key}: English in the Chinese text: {words}"
    assert catalogue()[key]["zh"] != catalogue()[key]["en"]


@pytest.mark.parametrize("answer, key", REFUSALS[:20], ids=[k for _, k in REFUSALS[:20]])
def test_zh_feedback_on_a_refusal_has_no_english_sentence(answer, key):
    said = feedback(check("forward-mults", answer), "zh")
    english = text(key, "en", **check("forward-mults", answer).error["fields"])
    assert english not in said
    assert not re.search(r"\b(the|answer|expected|unexpected|number|symbol)\b", said)


def test_every_note_with_fields_is_said_with_them():
    """A reading note whose message has a field (``{number}``) is said with its fields
    (``checker.FIELD_NOTES``): said by its id alone, its field showed as written
    (``the equation's number after the formula ({number})``)."""
    from derivations.checking.checker import FIELD_NOTES

    unfilled = [
        key
        for key, said in catalogue().items()
        if key.startswith("reading.note.")
        and re.search(r"\{[a-z_]+\}", said["en"])
        and key not in FIELD_NOTES
    ]
    assert not unfilled, unfilled


def test_a_note_with_fields_shows_them_in_the_feedback():
    result = check(
        "forward-mults", r"$$c_o \cdot c_i \cdot k_h \cdot k_w \cdot m_h \cdot m_w \tag{7}$$"
    )
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert "\\tag{7}" in said and "{number}" not in said, said
