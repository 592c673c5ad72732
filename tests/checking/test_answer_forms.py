"""What `check` says about answers written in the book's notation (m_h, m_w), with a
name (``m_h = ...``), with ``=`` on both sides, dividing by zero, in scientific
notation, or starting with a minus sign."""

import json

import pytest

from derivations.checking import check, feedback
from derivations.cli import main
from derivations.registry.questions import QUESTIONS

RIGHT = "c_i*c_o*k_h*k_w*m_h*m_w"


def test_the_books_output_size_symbols_are_plainly_equivalent():
    result = check("forward-mults", RIGHT)
    assert (result.verdict, result.conventions, result.notes) == (
        "equivalent",
        [],
        ["output_size_symbols"],
    )
    text = feedback(result, "en", reveal="answer")
    assert "Correct: the answer equals the reference" in text and "assumes nothing" in text
    assert "m_h = ⌊(h − k_h + p_h + s_h)/s_h⌋" in text  # readable Unicode (issue 10)


@pytest.mark.parametrize("qid", [q for q in QUESTIONS if QUESTIONS[q].output_symbols])
def test_the_reference_is_also_shown_in_input_symbols(qid):
    reference = check(qid, "1").reference
    assert "m_h" not in reference["expanded"] and "m_w" not in reference["expanded"]
    # the expansion is itself a right answer with no notation to explain (independent of
    # how the display was produced: it goes through the parser and the sampler)
    expanded = check(qid, reference["expanded"])
    assert (expanded.verdict, expanded.conventions, expanded.notes) == ("equivalent", [], [])
    shown = {d.split(" = ")[0] for d in reference["definitions"]}
    assert shown == {s for s in ("m_h", "m_w") if s in reference["text"]}


@pytest.mark.parametrize("definition", check("forward-mults", "1").reference["definitions"])
def test_each_definition_is_the_output_size(definition):
    name, formula = definition.split(" = ")
    question = {"m_h": "output-height", "m_w": "output-width"}[name]
    assert check(question, formula).verdict == "equivalent"
    assert check(question, definition).verdict == "equivalent"  # "m_h = ..." too


# (question, answer, verdict, reason fragment, column)
FORMS = [
    ("forward-mults", "c_i/0", "invalid_input", "division by zero", 4),
    ("forward-mults", "c_i c_o k_h k_w m_h m_w / (3 - 3)", "invalid_input", "division by zero", 25),
    ("forward-mults", "c_i/(h-h)", "invalid_input", "divides by zero at every valid layer", None),
    ("forward-mults", "1e309*c_i", "invalid_input", "more than 30 digits written out", 1),
    ("forward-mults", f"2e0*{RIGHT}/2", "equivalent", None, None),
    ("forward-mults", f"1e1*{RIGHT}", "not_equivalent", None, None),
    # a chain of equalities: every side must agree (issue 21)
    (
        "forward-mults",
        f"{RIGHT} = c_i c_o",
        "invalid_input",
        "sides of the chain of equalities differ",
        None,
    ),
    ("forward-mults", f"m_h = {RIGHT}", "invalid_input", "defines the symbol m_h", 1),
    ("forward-mults", f"k = {RIGHT}", "invalid_input", "defines the symbol k", 1),
    ("forward-mults", f"mults = {RIGHT}", "equivalent", None, None),
    ("forward-mults", f"乘法次数 = {RIGHT}", "equivalent", None, None),
    ("forward-mults", f"= {RIGHT}", "equivalent", None, None),
    ("forward-mults", f"mults = {RIGHT} = {RIGHT}", "equivalent", None, None),
    ("output-height", "m_h = floor((h-k_h+p_h+s_h)/s_h)", "equivalent", None, None),
    ("output-height", "H_out = (h-k_h+p_h)//s_h + 1", "equivalent", None, None),
    ("compose-size", "k = k_1 + k_2 - 1", "equivalent", None, None),
]


@pytest.mark.parametrize("qid, answer, verdict, reason, column", FORMS)
def test_answer_forms(qid, answer, verdict, reason, column):
    result = check(qid, answer)
    assert result.verdict == verdict
    if reason:
        assert reason in result.error["reason"] and result.error["position"] == column
    assert "zoo" not in feedback(result, "en") and "nan" not in feedback(result, "en")


def test_an_answer_undefined_at_some_layers_is_wrong_not_unreadable():
    result = check("forward-mults", "c_i/(s_h - 1)")
    assert result.verdict == "not_equivalent"
    assert result.counterexample["answer"] is None and result.counterexample["layer"]["s_h"] == 1
    assert "zoo" not in (result.difference or {}).get("text", "")


def test_a_leading_minus_is_documented_and_works_attached(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--answer=-c_i" in capsys.readouterr().out
    assert main(["check", "--question", "bias-size", "--answer=-c_o", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["parsed"]["text"] == "−c_o" and data["parsed"]["ascii"] == "-c_o"
    assert data["notes"] == []


def test_json_names_the_notes_and_the_expanded_reference(capsys):
    assert (
        main(
            [
                "check",
                "--question",
                "forward-mults",
                "--answer",
                RIGHT,
                "--json",
                "--reveal",
                "answer",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "equivalent" and data["conventions"] == []
    assert [n["id"] for n in data["notes"]] == ["output_size_symbols"]
    assert data["reference"]["text"] == "c_o×c_i×k_h×k_w×m_h×m_w"  # RIGHT, as math, our order
    assert "⌊" in data["reference"]["expanded"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_shown_reference_explains_its_max(lang):
    from derivations.checking import check
    from derivations.checking.explaining.feedback import reference_text
    from derivations.messages import text

    result = check("backward-ops", "2*c_o*c_i*k_h*k_w*m_h*m_w")
    shown = reference_text(result.reference, lang)
    assert "max(0, k_h − s_h)" in shown
    # a clause of its own after the "where" list (s13exam E8, fails on main: "m_w =
    # ⌊…⌋ max(0, k_h − s_h) … is what …" ran on, as if multiplied)
    separator = text("checker.phrase.note_separator", lang)
    assert separator + text("reading.note.max_overlap", lang) in shown
