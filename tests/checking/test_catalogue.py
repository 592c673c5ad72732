"""The derived catalogue against independent oracles: closed forms on model layers,
executed convolutions, the model's own output size; the disk cache round trip."""

import numpy as np
import pytest
import sympy as sp

from derivations.checking.deciding import derive
from derivations.checking.deciding.catalogue import entry
from derivations.checking.deciding.samples import environments, layer_points
from derivations.closed_forms import forms
from derivations.expr.evaluate import compile_node
from derivations.messages import catalogue as message_catalogue
from derivations.model import Layer
from derivations.registry.misconceptions import misconceptions
from derivations.registry.questions import QUESTIONS
from derivations.scenarios import double_channels, double_padding, pointwise

LAYER_FIELDS = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w")


def _layer(point, padding_convention="total"):
    return Layer(**{k: point[k] for k in LAYER_FIELDS}, padding_convention=padding_convention)


@pytest.mark.parametrize(
    "domain",
    [
        frozenset(),
        frozenset({"stride1_h", "nopad_w"}),
        frozenset({"square", "divides_h", "divides_w"}),
        frozenset({"k1"}),
    ],
)
@pytest.mark.parametrize("padding_convention", ["total", "per-side"])
def test_sample_points_are_valid_layers_with_the_models_output_size(domain, padding_convention):
    points = environments("layer", domain, padding_convention)
    assert len(points) > 10
    for env in points:
        layer = _layer(env, padding_convention)  # raises if outside the model's domain
        assert (env["m_h"], env["m_w"]) == (layer.m_h, layer.m_w)
        # and the kernel's places along each axis, counted: a place every stride while the
        # kernel fits the padded input
        for axis in ("h", "w"):
            pad = env[f"p_{axis}"] * (1 if padding_convention == "total" else 2)
            padded, kernel, stride = env[axis] + pad, env[f"k_{axis}"], env[f"s_{axis}"]
            assert env[f"m_{axis}"] == len(range(0, padded - kernel + 1, stride)), env
        if "divides_h" in domain:
            pad = env["p_h"] * (1 if padding_convention == "total" else 2)
            assert (env["h"] + pad - env["k_h"]) % env["s_h"] == 0


def test_edge_points_are_present():
    points = layer_points()
    assert any(p["k_h"] == p["h"] + p["p_h"] for p in points)  # kernel = padded input
    assert any((p["h"] - p["k_h"] + p["p_h"]) % p["s_h"] for p in points)  # stride not dividing
    assert any(p["s_h"] > p["k_h"] for p in points)
    assert any(all(p[k] == 1 for k in ("c_i", "h", "k_h", "s_h")) for p in points)


CLOSED = {
    "output-height": ["output_height"],
    "forward-mults": ["forward_mults"],
    "forward-adds": ["forward_adds"],
    "forward-ops": ["forward_ops"],
    "backward-ops": ["backward_ops"],
    "backward-memory": ["memory_peak_backward"],
    "forward-memory": ["memory_input", "memory_weights", "memory_output"],
}


@pytest.mark.parametrize("qid, keys", CLOSED.items())
def test_reference_equals_the_closed_form_on_model_layers(qid, keys):
    reference = compile_node(entry(qid).reference.tree)
    for point in layer_points()[:40]:
        layer = _layer(point)
        assert reference(point) == sum(forms()[k].evaluate(layer) for k in keys)


def test_scenario_references_are_the_scenario_results():
    def values(qid):
        return entry(qid).reference.tree

    from derivations.expr.bridge import to_sympy

    assert (
        sp.simplify(to_sympy(values("double-channels")) - double_channels("forward_ops").ratio) == 0
    )
    assert to_sympy(values("double-padding")) - double_padding("forward_ops").increase == 0
    assert (
        sp.simplify(to_sympy(values("pointwise-complexity")) - pointwise("forward_ops").general)
        == 0
    )
    assert to_sympy(values("bias-size")) == forms(bias=True)["memory_bias"].expr


@pytest.mark.parametrize("k_1, k_2", [(1, 1), (1, 5), (3, 2), (4, 7), (9, 9)])
def test_compose_size_equals_an_executed_full_convolution(k_1, k_2):
    rng = np.random.default_rng(k_1 * 10 + k_2)
    executed = len(np.convolve(rng.random(k_1), rng.random(k_2), mode="full"))
    assert compile_node(entry("compose-size").reference.tree)({"k_1": k_1, "k_2": k_2}) == executed


def test_float32_bytes_is_numpys():
    assert np.dtype("float32").itemsize == derive.FLOAT32_BYTES


def test_every_checker_message_exists_in_both_languages_and_zh_is_translated():
    texts = {key: t for key, t in message_catalogue().items() if key.startswith("checker.")}
    assert texts
    for key, by_lang in texts.items():
        assert by_lang["en"] and by_lang["zh"], key
        assert (
            by_lang["zh"] != by_lang["en"]
            or not any(c.isalpha() for c in by_lang["en"])
            or key.startswith("checker.label.LaTeX")
        ), key


def test_every_variant_names_known_messages():
    known = {
        key.split(".", 2)[2] for key in message_catalogue() if key.startswith("checker.assumption.")
    }
    for qid in QUESTIONS:
        for variant in entry(qid).variants:
            assert set(variant.conventions) <= known
            assert variant.misconception is None or variant.misconception in misconceptions()


def test_the_registry_declares_exactly_the_misconceptions_each_question_derives():
    """registry/misconceptions.yaml says which questions each misconception applies
    to; the derivation produces them (big-O ones are judged, not derived)."""
    judged = {
        "wrong_order",
        "big_o_for_exact",
        "given_parameter_left_out",
        "count_word_disagrees",
        "count_word_for_no_operations",
        "unit_word_disagrees",
        "per_side_padding_once",
        "side_padding_doubled",
    }
    for qid, q in QUESTIONS.items():
        derived = {v.misconception for v in entry(qid).variants if v.misconception}
        assert derived == set(q.misconceptions) - judged, qid
        assert ("wrong_order" in q.misconceptions) == q.big_o, qid
        assert ("big_o_for_exact" in q.misconceptions) == (not q.big_o), qid
    for record in misconceptions().values():
        assert set(record.questions) <= set(QUESTIONS), record.id


def test_a_count_word_of_no_operations_applies_where_no_operations_are_counted():
    """The questions of ``count_word_for_no_operations`` are those the checker judges to
    count no operations (:func:`.checker.counts_operations`; s12exam E10)."""
    from derivations.checking.checker import NOT_OPERATIONS, counts_operations

    declared = set(misconceptions()[NOT_OPERATIONS].questions)
    assert declared == {qid for qid in QUESTIONS if not counts_operations(entry(qid))}


def test_question_numbers_follow_the_editions():
    numbers = {q.id: q.numbers for q in QUESTIONS.values()}
    assert numbers["compose-size"] == {"zh": 1, "en": 1}
    assert numbers["forward-ops"] == {"zh": 2, "en": 2}
    assert numbers["double-padding"] == {"zh": 3, "en": 3}
    assert numbers["pointwise-complexity"] == {"zh": 4, "en": None}
