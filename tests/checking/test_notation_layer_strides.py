"""Issue 21: a layer's stride written with its layer's index (``s_1``, ``S_1``, ``s1``) on
the kernels' composition, whose layers have no stride symbol: read as the question's
stride (the model's default, :func:`.indexed.question_stride`), then checked where it
acts (the first layer's stride scales the second kernel's growth: Distill's "Computing
Receptive Fields", r = 1 + Σ (k_l − 1) Π s_i).  And the rule it belongs to: inference
never reads a letter with a role hint as a quantity of another role, on any question.
The answers are our own."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derivations.checking import check, feedback
from derivations.checking.deciding.catalogue import entry
from derivations.checking.notation import hints_for, layer_stride
from derivations.checking.reading.indexed import question_stride
from derivations.expr.printers import to_text
from derivations.messages import text
from derivations.registry.notations import decorated_hints, role_hints
from derivations.registry.questions import QUESTIONS

RIGHT = ("equivalent", "equivalent_under_convention")

# (question, answer, lang, verdict, error id or misconception id, {written: read})
ROWS = [
    # right at the question's stride: the receptive field's form, forward and unrolled
    ("compose-size", "1 + (k_1-1) + (k_2-1)*s_1", "en", "equivalent", None, {"s_1": "1"}),
    ("compose-size", "1 + (k_1-1) + (k_2-1)*S_1", "zh", "equivalent", None, {"S_1": "1"}),
    ("compose-size", "k_1 + (k_2 - 1)*s1", "en", "equivalent", None, {"s1": "1"}),
    ("compose-size", "感受野为 k_1 + (k_2 - 1) s_1", "zh", "equivalent", None, {"s_1": "1"}),
    # wrong twins: the -1 left out (a known mistake), the sizes added
    (
        "compose-size",
        "1 + k_1 + (k_2-1)*s_1",
        "en",
        "not_equivalent",
        "compose_no_overlap",
        {"s_1": "1"},
    ),
    ("compose-size", "k_1 + k_2", "zh", "not_equivalent", "compose_no_overlap", {}),
    # a stride where it does not act: refused, never right (at s_1 = 2 the field is
    # 1 + (k_1 - 1) + 2 (k_2 - 1)); the last layer's stride scales nothing
    (
        "compose-size",
        "k_1 + k_2 - s_1",
        "en",
        "invalid_input",
        "checker.reason.held_misplaced",
        {"s_1": "1"},
    ),
    (
        "compose-size",
        "(k_1-1)*s_1 + k_2",
        "zh",
        "invalid_input",
        "checker.reason.held_misplaced",
        {"s_1": "1"},
    ),
    (
        "compose-size",
        "1 + (k_1-1) + (k_2-1)*s_2",
        "en",
        "invalid_input",
        "checker.reason.held_misplaced",
        {"s_2": "1"},
    ),
    # a word for the first layer's stride is never judged wrong for a form right at its
    # stride (it was, read as k_1)
    ("compose-size", "k_1 + (k_2-1)*stride_1", "zh", "invalid_input", None, {}),
    # a stride and a padding with a layer's index on a question that has both: each
    # read in its own role, never the other's
    (
        "output-height",
        "(h - k_h + p_1 + s_1)/s_1",
        "en",
        "equivalent_under_convention",
        None,
        {"p_1": "p_h", "s_1": "s_h"},
    ),
    (
        "output-height",
        "(h - k_h + s_1 + p_1)/p_1",
        "zh",
        "invalid_input",
        "checker.reason.unknown_letter_unmeant",
        {},
    ),
]


@pytest.mark.parametrize(("question", "answer", "lang", "verdict", "key", "read"), ROWS)
def test_a_layers_stride_is_read_as_the_questions(question, answer, lang, verdict, key, read):
    result = check(question, answer)
    assert result.verdict == verdict, (answer, result.verdict, result.error)
    if key is not None and verdict == "invalid_input":
        assert result.error["id"] == key, (answer, result.error)
    elif key is not None:
        assert result.misconception == key, (answer, result.misconception)
    readings = {r["written"]: r["read"] for r in (result.parsed or {}).get("readings") or ()}
    for written, symbol in read.items():
        assert readings.get(written) == symbol, (answer, readings)
    if verdict == "invalid_input":
        return
    said = feedback(result, lang)
    for written, symbol in read.items():  # said as a layer's stride, in the answer's language
        if symbol == question_stride():
            phrase = text("checker.phrase.reading_held_stride", lang, written=written, read=symbol)
            assert phrase in said, said
    # no stride of the question's read any other way than in its role
    for written, symbol in readings.items():
        assert symbol not in ("k_1", "k_2", "k_h", "k_w", "k") or not written.lower().startswith(
            ("s", "p")
        ), (answer, readings)


def test_a_layers_stride_is_no_stride_where_the_question_has_one():
    """Where the question names the stride (output-height's s_h), s_1 is read by its
    role (s_h), never held at a number."""
    assert layer_stride("s_1", frozenset({"k_1", "k_2"})) == 1
    assert layer_stride("S2", frozenset({"k_1", "k_2"})) == 2
    assert layer_stride("s_1", frozenset({"h", "k_h", "s_h"})) is None
    assert layer_stride("p_1", frozenset({"k_1", "k_2"})) is None
    assert layer_stride("s_3", frozenset({"k_1", "k_2"})) is None
    assert layer_stride("j_1", frozenset({"k_1", "k_2"})) is None  # a jump: many strides


# every registry letter with a role hint, bare and with a layer's index
_HINTED = sorted(
    {letter for letter in (*role_hints(), *decorated_hints())}
    | {f"{letter}_1" for letter in (*role_hints(), *decorated_hints())}
)
_HOWS = ("inferred", "inferred_mistake", "held", "held_stride", "every")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    question=st.sampled_from(sorted(QUESTIONS)),
    letter=st.sampled_from(_HINTED),
    form=st.sampled_from(["({ref}) * {x}", "({ref}) + {x}", "({ref}) * {x} / {x}"]),
)
def test_inference_never_reads_a_letter_in_another_role(question, letter, form):
    """Over every question and every registry letter with a role hint: a letter inferred
    is one of its role's quantities, a number its role lists, or the question's stride
    for a layer's stride, never another role's; read every way, it is shown in another
    role only where no reading in its own matches a known mistake (fails on main: s_1
    on compose-size shown as k_1; B, the batch, on bias-size as c_i)."""
    hints = hints_for(letter, None) or ()
    reference = to_text(entry(question).reference.tree).replace("−", "-").replace("×", "*")
    result = check(question, form.format(ref=reference, x=letter))
    allowed = set(hints) | {question_stride()} if layer_stride(letter) else set(hints)
    for reading in (result.parsed or {}).get("readings") or ():
        if reading["written"] != letter or reading["how"] not in _HOWS:
            continue
        read = reading["read"]
        if read in allowed or read.isdigit():
            continue
        assert reading["how"] == "every", (question, letter, form, reading)
        for own in allowed:  # none of its own role's readings is a known mistake
            again = check(question, form.format(ref=reference, x=f"({own})"))
            assert again.misconception is None, (question, letter, form, own, reading)


def test_the_first_layers_stride_acts_as_the_registry_says():
    """The effect compose-size's record lists for s_1 (``receptive_field``: the second
    kernel's extent s_1 (k_2 - 1) + 1 where k_2 stands, :func:`.checker._at_trial`),
    against two strided convolutions of ones, counted by NumPy: the extent of the input
    positions an output of the second layer depends on."""
    import numpy as np

    from derivations.checking.checker import _at_trial
    from derivations.expr.evaluate import compile_node

    question = QUESTIONS["compose-size"]
    assert dict(question.held) == {"stride_1": "receptive_field"}
    size = compile_node(entry("compose-size").reference.tree)
    for k_1, k_2, stride in ((1, 1, 2), (3, 3, 1), (3, 3, 2), (2, 5, 3), (4, 2, 2)):
        n = 64
        inputs = np.eye(n)  # one basis image per input position
        first = np.stack(
            [inputs[:, j * stride : j * stride + k_1].sum(axis=1) for j in range(8)], axis=1
        )
        second = first[:, :k_2].sum(axis=1)  # the second layer's first output
        taps = np.flatnonzero(second)  # (a stride above k_1 leaves gaps: the extent)
        support = int(taps[-1] - taps[0] + 1)
        env = {"k_1": k_1, "k_2": k_2}
        _, book, less = _at_trial(env, dict(question.held), {"stride_1": stride})
        assert (size(book), less) == (support, 0), (k_1, k_2, stride, book)
