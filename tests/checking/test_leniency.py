"""Issue 21: an answer that leaves out a parameter the question gives (its stride, its
padding) is right only for the special layer where that parameter is 1 or 0: it is
``not_equivalent``, misconception ``given_parameter_left_out``, diagnosed "right only
when s_h = 1 and p_h = 0", with a counterexample off that layer, in both languages,
through ``check`` and ``grade``.  The real conventions stay right under a convention.

Verdicts changed on purpose (they were ``equivalent_under_convention`` before):
forward-mults ``c_i c_o k_h k_w (h-k_h+1)(w-k_w+1)``; output-height
``h - k_h + p_h + 1`` and ``(h - k_h)/s_h + 1``; double-padding
``c_o(2c_ik_hk_w-1)(m_h p_w + m_w p_h + p_h p_w)`` and
``(m_h + p_h)(m_w + p_w)/(m_h m_w)`` (the stride-1 forms); pointwise-complexity
``c_o h w (2c_i-1)`` and ``c_i c_o h w``.
"""

import pytest

from derivations.checking import check, feedback
from tests.checking.rows import graded_rows
from tests.checking.witness import witness_layer

SPECIAL = "given_parameter_left_out"

# (question, answer, the conditions named, what the rest of it was read under)
LEFT_OUT = [
    ("output-height", "H - K_h + 1", ["s_h = 1", "p_h = 0"], []),
    ("output-height", "h + p_h - k_h + 1", ["s_h = 1"], []),
    ("output-height", "(h + 2 p_h - k_h) + 1", ["s_h = 1"], ["per_side_padding"]),
    ("output-height", "(h - k_h)/s_h + 1", ["p_h = 0"], ["exact_division"]),
    ("output-width", "(w - k_w)//s_w + 1", ["p_w = 0"], []),
    ("output-width", "w-k_w+p_w+1", ["s_w = 1"], []),
    (
        "forward-mults",
        "c_o c_i k_h k_w (h - k_h + 1) (w - k_w + 1)",
        ["s_h = 1", "s_w = 1", "p_h = 0", "p_w = 0"],
        [],
    ),
    (
        "forward-mults",
        "Ci*Co*K^2*(H-K+1)^2",
        ["s_h = 1", "s_w = 1", "p_h = 0", "p_w = 0"],
        ["square_layer"],
    ),
    (
        "forward-ops",
        "c_o (2 c_i k_h k_w - 1)(h - k_h + p_h + 1)(w - k_w + p_w + 1)",
        ["s_h = 1", "s_w = 1"],
        [],
    ),
    (
        "forward-ops",
        "2 c_i c_o k_h k_w (h-k_h+1)(w-k_w+1)",
        ["s_h = 1", "s_w = 1", "p_h = 0", "p_w = 0"],
        ["flops"],
    ),
    (
        "pointwise-complexity",
        "c_o (2 c_i - 1) h w",
        ["s_h = 1", "s_w = 1", "p_h = 0", "p_w = 0"],
        [],
    ),
]
# (the stride-1 increase written with m_h, m_w is right at about 30% of the strided
# layers: not "right only when s_h = 1 …" since s13exam E15; test_page_feedback_s13)


@pytest.mark.parametrize("question, answer, conditions, under", LEFT_OUT)
def test_a_left_out_parameter_is_a_special_layer_not_a_convention(
    question, answer, conditions, under
):
    result = check(question, answer, symbolic=False)
    assert (result.verdict, result.misconception) == ("not_equivalent", SPECIAL), answer
    assert result.conventions == [] and result.misconception_assumptions == under
    assert result.diagnosis[0]["id"] == "special_case"
    assert result.diagnosis[0]["conditions"] == conditions
    example = result.counterexample
    assert example and example["answer"] != example["reference"]
    # the counterexample is off the special layer: a condition named does not hold there
    layer = example["layer"]
    assert any(layer[c.split(" = ")[0]] != int(c.split(" = ")[1]) for c in conditions), layer
    en, zh = feedback(result, "en"), feedback(result, "zh")
    assert "right only when " + " and ".join(conditions) in en
    assert "仅当 " + " 且 ".join(conditions) + " 时才正确" in zh


def test_the_counterexample_value_is_the_model_layers():
    result = check("output-height", "h - k_h + p_h + 1")
    layer = witness_layer(result.counterexample["layer"])
    assert result.counterexample["reference"] == layer.m_h


# the real conventions stay: (question, answer, conventions)
CONVENTIONS_KEPT = [
    ("output-height", "(h + 2 p_h - k_h)//s_h + 1", ["per_side_padding"]),
    ("output-height", "(h - k_h + p_h)/s_h + 1", ["exact_division"]),
    ("forward-ops", "c_i c_o k_h k_w m_h m_w", ["macs"]),
    ("forward-ops", "2 c_i c_o k_h k_w m_h m_w", ["flops"]),
    ("forward-memory", "c_i h w + c_i c_o k_h k_w + c_o + c_o m_h m_w", ["bias_counted"]),
    ("forward-mults", "c_i c_o k^2 ((h-k+p)//s+1)^2", ["square_layer"]),
    # (no ray grows the stride or padding: a big-O assumes neither, s15exam E1)
    ("forward-ops", "O(c_i c_o k_h k_w h w)", ["asymptotic"]),
]


@pytest.mark.parametrize("question, answer, conventions", CONVENTIONS_KEPT)
def test_real_conventions_stay(question, answer, conventions):
    result = check(question, answer, symbolic=False)
    assert (result.verdict, result.conventions) == ("equivalent_under_convention", conventions)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_scores_a_left_out_parameter_as_wrong(lang):
    pairs = [
        ("output-height", "H - K + 1"),
        ("output-height", "(h - k_h + p_h)//s_h + 1"),
        ("forward-mults", "c_i c_o k_h k_w (h-k_h+1)(w-k_w+1)"),
    ]
    graded = graded_rows(pairs, lang)
    assert [g["verdict"] for g in graded] == ["not_equivalent", "equivalent", "not_equivalent"]
    assert graded[0]["misconception"] == SPECIAL == graded[2]["misconception"]
    said = "仅当" if lang == "zh" else "right only when"
    assert said in graded[0]["feedback"] and said in graded[2]["feedback"]
