"""A count right only under a counting the question's own words rule out (the lead's
decision for issue 21, session 14): it stays right under that convention, and its
feedback says, in the same sentence, what the question's own counting counts instead
(a MAC count where the question asks "multiplications + additions": each addition
counted too).  The numbers at a given layer (the practice page's section, ``grade
--variants``), whose sheet states exact counting, no bias and memory in elements, name
such a convention as one they rule out (s13exam E17).  The answers are our own; the
texts compared are the message catalogue's."""

import json

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from derivations.practice.numbers import answer_at, practice_class
from derivations.registry.questions import BOOK_RULES, QUESTIONS, Rule, question

LANGS = ("en", "zh")

# (question, answer, the convention it is right under): a MAC or FLOPs count where the
# question's title says "(multiplications + additions)"
UNDER_A_COUNTING = [
    ("forward-ops", "c_o c_i k_h k_w m_h m_w", "macs"),
    ("forward-ops", "c_i*c_o*k_h*k_w*m_h*m_w MACs", "macs"),
    ("forward-ops", "2 c_o c_i k_h k_w m_h m_w", "flops"),
    ("backward-ops", "2 c_o c_i k_h k_w m_h m_w", "macs"),
    ("backward-ops", "4*c_i*c_o*k_h*k_w*m_h*m_w", "flops"),
    ("pointwise-complexity", "c_o c_i floor((h+p_h-1)/s_h+1) floor((w+p_w-1)/s_w+1)", "macs"),
]


def _sentence(said: str, opening: str) -> str:
    """The sentence of ``said`` that opens with ``opening`` (up to its full stop)."""
    start = said.index(opening)
    stops = [said.find(stop, start) for stop in (". ", "。")]
    ends = [stop for stop in stops if stop > 0]
    return said[start : min(ends) if ends else len(said)]


@pytest.mark.parametrize("question_id, answer, counting", UNDER_A_COUNTING)
def test_a_count_under_a_convention_says_what_the_questions_counting_adds(
    question_id, answer, counting
):
    result = check(question_id, answer)
    assert result.verdict == "equivalent_under_convention"
    assert counting in result.assumptions
    for lang in LANGS:
        opening = text("checker.phrase.correct_under_own", lang).split("{")[0]
        own = text(f"checker.own_counting.{counting}", lang)
        (row,) = grade([{"student": "a", "question": question_id, "answer": answer}], lang=lang)
        assert row["verdict"] == "equivalent_under_convention"
        for said in (feedback(result, lang, reveal="hint"), row["feedback"]):
            sentence = _sentence(said, opening)
            assert text(f"checker.assumption.{counting}", lang) in sentence, said
            assert own in sentence, said
        # what it adds is said without the reference before "show the answer"
        reference = result.reference["text"]
        assert reference not in feedback(result, lang, reveal="hint")


def test_a_question_states_exact_counting_where_its_title_says_so():
    # the title (the one place the question's words are) and the record agree
    for qid, record in QUESTIONS.items():
        title = record.title
        said = "multiplications + additions" in title["en"]
        assert said == ("乘法 + 加法" in title["zh"]), qid
        assert said == (Rule.EXACT in record.states), qid


def test_a_convention_the_question_leaves_open_is_said_alone():
    # forward-adds asks for the additions, its title states no counting of them
    assert Rule.EXACT not in question("forward-adds").states
    result = check("forward-adds", "c_o m_h m_w c_i k_h k_w")
    assert result.assumptions == ["accumulate_from_zero"]
    for lang in LANGS:
        said = feedback(result, lang)
        assert text("checker.assumption.accumulate_from_zero", lang) in said
        assert text("checker.own_counting.accumulate_from_zero", lang) not in said


def _key(qid: str):
    (student,) = practice_class().students
    return next(k.value for k in student.key if k.question == qid)


def _layer():
    (student,) = practice_class().students
    return student.layer


def _numbers():
    """(question, a number right at the page's layer under a convention the section
    rules out, that convention), the numbers computed from the page's own key."""
    mults = _key("forward-mults")
    memory = _key("forward-memory")
    return [
        ("forward-ops", str(mults), "macs"),
        ("forward-ops", f"{2 * mults} FLOPs", "flops"),
        ("forward-adds", str(mults), "accumulate_from_zero"),
        ("forward-memory", str(memory + _layer().c_o), "bias_counted"),
        ("forward-memory", f"{4 * memory} bytes", "bytes_float32"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_numbers_name_a_convention_their_sheet_rules_out(lang):
    for qid, said, counting in _numbers():
        assert counting in BOOK_RULES
        data = json.loads(answer_at(qid, said, lang))
        assert data["verdict"] == "equivalent_under_convention", (qid, said, data)
        assert [c["id"] for c in data["conventions"]] == [counting], (qid, said, data)
        own = text(f"checker.own_counting.{counting}", lang)
        line = text(
            "variants.under_ruled_out",
            lang,
            assumptions=text(f"checker.assumption.{counting}", lang),
            own=own,
        )
        assert data["feedback"] == line, (qid, said, data)


@pytest.mark.parametrize("lang", LANGS)
def test_a_number_right_only_under_a_convention_is_not_called_right_for_the_layer(lang):
    """s14exam E7: "1296 FLOPs" (1296 the layer's MACs, its exact count larger) was "the
    number is right for your layer, but not said with the word after it"; it is said to
    be the layer's count only under the convention it is right under."""
    mults = _key("forward-mults")
    right = text("variants.word_disagrees_hint", lang, hint="{}").split("{}")[0]
    for said, counting in ((f"{mults} FLOPs", "macs"), (f"{2 * mults} MACs", "flops")):
        data = json.loads(answer_at("forward-ops", said, lang))
        assert data["verdict"] == "not_equivalent", data
        assert data["misconception"]["id"] == "count_word_disagrees", data
        assert right not in data["feedback"], data
        assert text(f"checker.assumption.{counting}", lang) in data["feedback"], data
    # the exact count said with a counting word is right for the layer: said so
    data = json.loads(answer_at("forward-ops", f"{_key('forward-ops')} MACs", lang))
    assert data["feedback"].startswith(right), data
