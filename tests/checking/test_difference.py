"""What is printed is right: the shown difference evaluates, at the shown
counterexample, to answer - reference; counterexamples are book-like layers; the
diagnosis says in words what is wrong."""

from fractions import Fraction

import pytest

from derivations.checking import check
from derivations.checking.deciding.catalogue import entry
from derivations.checking.deciding.samples import output_extent
from derivations.checking.reading.parse import parse_answer
from derivations.expr import tree as ex
from derivations.expr.evaluate import compile_node
from derivations.expr.printers import to_text
from derivations.registry.questions import QUESTIONS


def _env(layer: dict) -> dict:
    env = dict(layer)
    for axis in ("h", "w"):
        names = (axis, f"k_{axis}", f"p_{axis}", f"s_{axis}")
        if all(n in env for n in names):
            env[f"m_{axis}"] = output_extent(*(env[n] for n in names))
    env.setdefault("n", 1)
    return env


def _wrong_answers():
    """Per question: every misconception variant, and the reference slightly broken
    (plus one, doubled, one term dropped, a factor h added)."""
    out = []
    for qid in QUESTIONS:
        reference = entry(qid).reference.tree
        first = {}
        for variant in entry(qid).variants:  # one variant per misconception and padding
            first.setdefault((variant.misconception, variant.padding), variant)
        out += [(qid, to_text(v.tree)) for (name, _), v in first.items() if name]
        out += [
            (qid, to_text(ex.add(reference, ex.num(1)))),
            (qid, to_text(ex.mul(ex.num(2), reference))),
        ]
        if isinstance(reference, ex.Add):
            out.append(
                (
                    qid,
                    to_text(
                        ex.Add(reference.parts[1:])
                        if len(reference.parts) > 2
                        else reference.parts[0]
                    ),
                )
            )
        if QUESTIONS[qid].family == "layer":
            out.append((qid, to_text(ex.mul(reference, ex.sym("c_i")))))
    return out


WRONG = _wrong_answers()


def test_there_are_many_wrong_answers_over_the_whole_catalogue():
    assert len(WRONG) > 100 and {q for q, _ in WRONG} == set(QUESTIONS)


@pytest.mark.parametrize("question, answer", WRONG)
def test_the_printed_difference_is_answer_minus_reference_at_the_counterexample(question, answer):
    result = check(question, answer)
    if result.verdict != "not_equivalent" or not result.counterexample:
        return  # a variant equal to an accepted reading, or a big-O
    example = result.counterexample
    env = _env(example["layer"])
    answer_value = compile_node(parse_answer(answer).tree)(env)
    reference_value = entry(question).reference.function(env)
    assert Fraction(example["answer"]) == answer_value
    under = example.get("conventions")  # shown under the counting its diagnosis names (F16)
    shown = next(
        v
        for v in entry(question).variants
        if list(v.conventions) == (under or []) and not v.misconception and not v.domain
    )
    assert Fraction(example["reference"]) == shown.function(env)
    if result.difference:  # answer − reference, the book's
        gap = compile_node(ex.from_data(result.difference["tree"]))(env)
        assert gap == answer_value - reference_value, result.difference["text"]


def test_backward_memory_parameters_difference_is_right():
    """The reported bug: c_o c_i k_h k_w for backward-memory printed -132 at padding 2
    where the difference is -84.  The counterexample obeys the answer's assumptions (no
    padding symbol: no padding) and the difference agrees with it."""
    result = check("backward-memory", "c_o c_i k_h k_w")
    example = result.counterexample
    assert example["layer"]["p_h"] == 0 and example["layer"]["s_h"] == 1
    if result.difference:
        gap = compile_node(ex.from_data(result.difference["tree"]))(_env(example["layer"]))
        assert gap == example["answer"] - example["reference"]


@pytest.mark.parametrize(
    "question, answer, layer",
    [
        ("forward-mults", "c_i c_o k_h k_w m_h", {"c_i": 2, "c_o": 3, "k_h": 3, "p_h": 2}),
        ("output-height", "(h - k_h + p_h)/s_h", {"h": 5, "k_h": 3, "p_h": 2, "s_h": 1}),
        ("forward-ops", "c_o c_i k_h k_w m_h m_w - 1", {"c_i": 2, "c_o": 3, "k_h": 3}),
    ],
)
def test_counterexamples_are_book_like(question, answer, layer):
    shown = check(question, answer).counterexample["layer"]
    assert {k: shown[k] for k in layer} == layer, shown


@pytest.mark.parametrize(
    "question, answer, diagnosis, factor",
    [
        ("forward-mults", "c_i c_o m_h m_w", "factor_missing", ["k_h", "k_w"]),
        ("forward-mults", "c_o k_h k_w m_h m_w", "factor_missing", ["c_i"]),
        ("forward-mults", "c_o c_i k_h k_w m_h", "factor_missing", ["m_w"]),
        ("forward-mults", "c_i^2 c_o k_h k_w m_h m_w", "factor_extra", ["c_i"]),
        (
            "forward-adds",
            "c_o m_h m_w (c_i k_h k_w - 1) - c_o m_h m_w",
            "term_missing",
            ["c_o", "m_h", "m_w"],
        ),
        ("forward-mults", "2 c_i c_o k_h k_w m_h m_w", "factor_two_more", []),
        ("backward-ops", "c_o c_i k_h k_w m_h m_w", None, None),
        (
            "forward-mults",
            "c_i c_o k_h k_w floor((w - k_w + p_w + s_w)/s_w) floor((h - k_h + p_h + s_h)/s_h) + 1",
            "constant_offset",
            [],
        ),
    ],
)
def test_diagnosis_in_words(question, answer, diagnosis, factor):
    result = check(question, answer, symbolic=False)
    assert result.verdict == "not_equivalent"
    found = result.diagnosis[0] if result.diagnosis else None
    if diagnosis is None:
        assert found is None or found["id"]
        return
    assert found["id"] == diagnosis and found["factor"] == factor, found
