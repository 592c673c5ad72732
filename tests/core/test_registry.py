"""The core registries: symbols, form keys and composites, counting conventions."""

import subprocess
import sys

import pytest
import sympy as sp

from derivations import model, records
from derivations.closed_forms import forms, forms_for
from derivations.messages import text
from derivations.model import Layer
from derivations.registry.counting import COUNTINGS, Counting, describe
from derivations.registry.forms import COMPOSITES, Form, op_form, with_composites
from derivations.registry.symbols import BY_NAME, SYMBOLS, Role, by_field, sympy_symbols


def test_every_layer_size_field_has_exactly_one_symbol():
    sizes = {f.name for f in records.fields(Layer)} - {"bias", "padding_convention"}
    layer_fields = [s.attribute for s in SYMBOLS if s.role is Role.LAYER]
    assert sorted(layer_fields) == sorted(sizes)
    assert len({s.name for s in SYMBOLS}) == len(SYMBOLS)


def test_model_symbols_are_the_registrys():
    assert {s.field: s.sympy for s in SYMBOLS if s.role is Role.LAYER} == model.SYMBOLS
    assert model.c_i is BY_NAME["c_i"].sympy and model.g is by_field("groups").sympy
    assert model.p_h.is_nonnegative and model.p_h.is_zero is None
    assert model.k_h.is_positive and model.k_h.is_integer
    with pytest.raises(AttributeError):
        model.no_such_symbol  # noqa: B018


def test_output_symbols_are_the_layers_output_sizes():
    """Each output symbol's attribute is the count of the kernel's places along its axis,
    counted (no padding: a place every stride while the kernel fits)."""
    layer = Layer(c_i=1, c_o=1, h=9, w=7, k_h=3, k_w=2, s_h=2)
    places = {
        "m_h": len(range(0, layer.h - layer.k_h + 1, layer.s_h)),  # 4
        "m_w": len(range(0, layer.w - layer.k_w + 1, layer.s_w)),  # 6
    }
    outputs = [info for info in SYMBOLS if info.role is Role.OUTPUT]
    assert {info.name: getattr(layer, info.attribute) for info in outputs} == places
    assert set(sympy_symbols(Role.COMPOSE)) == {"k_1", "k_2"}


# the package's own __init__ is bypassed (its laziness is the public API's business):
# this holds the model and the registries to importing no SymPy themselves


def test_symbol_registry_and_model_import_no_sympy():
    code = (
        "import importlib.util, sys, types\n"
        "spec = importlib.util.find_spec('derivations')\n"
        "package = types.ModuleType('derivations'); package.__path__ = spec.submodule_search_locations\n"
        "sys.modules['derivations'] = package\n"
        "import derivations.model, derivations.registry.symbols\n"
        "import derivations.registry.forms, derivations.registry.counting\n"
        "layer = derivations.model.Layer(c_i=1, c_o=1, h=5, w=5, k_h=3, k_w=3)\n"
        "print(layer.m_h, 'sympy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]


def test_integer_output_size_is_exact_far_past_float_precision():
    big = 10**40 + 7
    for padding_convention in model.PADDINGS:
        exact = model.output_size(big, 3, 2, 7, 2, padding_convention)
        assert isinstance(exact, int)
        symbolic = model.output_size(sp.Integer(big), 3, 2, sp.Integer(7), 2, padding_convention)
        assert exact == int(symbolic)
    assert model.output_size(big, 3, 2, 7) == (big - 3 + 2 + 7) // 7


@pytest.mark.parametrize("padding_convention", ["total", "per-side"])
def test_symbolic_output_sizes_evaluate_to_the_integer_ones(padding_convention):
    mh, mw = model.output_sizes(padding_convention)
    layer = Layer(
        c_i=1,
        c_o=1,
        h=13,
        w=11,
        k_h=3,
        k_w=2,
        p_h=1,
        p_w=3,
        s_h=3,
        s_w=2,
        d_h=2,
        d_w=1,
        padding_convention=padding_convention,
    )
    values = layer.values()
    assert (int(mh.xreplace(values)), int(mw.xreplace(values))) == (layer.m_h, layer.m_w)
    undilated = model.output_sizes(padding_convention, dilation=False)
    assert not any(e.has(model.d_h, model.d_w) for e in undilated)


def test_output_sizes_are_cached_on_the_layer_and_stay_out_of_equality():
    layer = Layer(c_i=1, c_o=1, h=9, w=9, k_h=3, k_w=3)
    assert layer.m_h == 7 and "m_h" in vars(layer)
    assert layer == Layer(c_i=1, c_o=1, h=9, w=9, k_h=3, k_w=3)
    assert hash(layer) == hash(Layer(c_i=1, c_o=1, h=9, w=9, k_h=3, k_w=3))


@pytest.mark.parametrize("padding", ["total", "per-side"])
@pytest.mark.parametrize("bias", [False, True])
def test_every_form_key_is_a_closed_form(padding, bias):
    assert list(forms(padding, bias)) == list(Form)
    assert all(isinstance(key, Form) and f.key is key for key, f in forms(padding, bias).items())


def test_forms_for_follows_the_layers_padding_and_bias():
    layer = Layer(
        c_i=2, c_o=2, h=5, w=5, k_h=3, k_w=3, p_h=1, p_w=1, bias=True, padding_convention="per-side"
    )
    assert forms_for(layer) is forms("per-side", True)


def test_form_keys_are_their_strings():
    assert Form.FORWARD_MULTS == "forward_mults" and f"{Form.FORWARD_MULTS}" == "forward_mults"
    assert {"forward_mults": 1}[Form.FORWARD_MULTS] == 1
    assert op_form("backward", "adds", "dx") is Form.BACKWARD_DX_ADDS
    assert op_form("forward", "ops") is Form.FORWARD_OPS
    with pytest.raises(ValueError):
        op_form("sideways", "mults")


def test_composites_on_hand_counted_parts():
    # a forward-only run: 10 products, 8 additions; 6 weights, no bias; 4 in, 2 out
    parts = {
        Form.FORWARD_MULTS: 10,
        Form.FORWARD_ADDS: 8,
        Form.MEMORY_WEIGHTS: 6,
        Form.MEMORY_BIAS: 0,
        Form.MEMORY_INPUT: 4,
        Form.MEMORY_OUTPUT: 2,
    }
    out = with_composites(parts)
    assert (out[Form.FORWARD_OPS], out[Form.FORWARD_MACS], out[Form.FORWARD_FLOPS]) == (18, 10, 20)
    assert (out[Form.MEMORY_PARAMS], out[Form.MEMORY_PEAK_FORWARD]) == (6, 12)
    assert Form.BACKWARD_OPS not in out and Form.MEMORY_PEAK_BACKWARD not in out
    # a measured figure is never overwritten by the definition
    assert with_composites({**parts, Form.FORWARD_OPS: 99})[Form.FORWARD_OPS] == 99
    assert set(COMPOSITES) < set(Form)


@pytest.mark.parametrize("counting", list(Counting))
def test_counting_conventions_are_bilingual(counting):
    info = COUNTINGS[counting]
    assert info.message == f"counting.{counting.value}"
    assert describe(counting, "en") == text(info.message, "en")
    assert describe(counting, "zh") != describe(counting, "en")


def test_closed_forms_name_their_counting_convention_from_the_registry():
    adds = forms("total", True)[Form.FORWARD_ADDS].counting
    assert describe(Counting.EXACT) in adds and describe(Counting.EXACT_BIAS) in adds
    assert describe(Counting.FLOPS) in forms()[Form.FORWARD_FLOPS].counting


@pytest.mark.parametrize("padding", model.PADDINGS)
def test_the_divisibility_span_is_where_the_output_size_needs_no_floor(padding):
    """Restriction DIVIDES's span (what the samples make the stride divide, what the
    feedback names): at every sampled layer, the model's output size is span/s + 1
    exactly when s divides the span, and the samples restricted to it obey it."""
    from fractions import Fraction

    from derivations.checking.deciding.samples import layer_points
    from derivations.registry.restrictions import AXES, Kind, on_axis, span_at

    def size(point, axis):
        p = point[f"p_{axis}"]
        k, s = point[f"k_{axis}"], point[f"s_{axis}"]
        return model.output_size(point[axis], k, p, s, padding_convention=padding)

    divides = []
    for point in layer_points(frozenset(), padding):
        for axis in AXES:
            exact = Fraction(span_at(point, axis, padding), point[f"s_{axis}"]) + 1
            divides.append(exact.denominator == 1)
            assert (exact == size(point, axis)) == divides[-1], (point, axis)
    assert any(divides) and not all(divides)
    domain = frozenset(on_axis(Kind.DIVIDES, axis) for axis in AXES)
    for point in layer_points(domain, padding):
        assert all(span_at(point, axis, padding) % point[f"s_{axis}"] == 0 for axis in AXES), point


def test_a_worked_answers_names_are_refused_by_the_questions_record():
    """A name the worked answer's box writes (Question.worked_names) is refused in an
    answer to that question, pointing to the note that writes it out (a primed one,
    m'_h: as a primed name, naming the record's names and question); in an answer to
    another question it is an unknown letter like any other."""
    from derivations.checking import check
    from derivations.registry.questions import QUESTIONS

    named = {q.id: q.worked_names for q in QUESTIONS.values() if q.worked_names}
    assert named
    for question_id, names in named.items():
        other = next(q for q in QUESTIONS if q not in named)
        for name in names:
            error = check(question_id, f"c_o * {name}").error
            if "'" in name:  # m'_h: refused as a primed name, naming the record's names
                assert error["id"] == "reading.primed_name", error
                assert name in error["fields"]["names"].split(", "), error
                assert error["fields"]["question"] == question_id, error
                continue
            assert error["id"] == "checker.reason.worked_answer_name", error
            assert error["fields"]["letter"] == name
            elsewhere = check(other, f"c_o * {name}").error
            assert elsewhere["id"] != "checker.reason.worked_answer_name", elsewhere


@pytest.mark.parametrize("padding", ["total", "per-side"])
def test_a_questions_held_parameters_act_as_its_record_says(padding):
    """Each (parameter, effect) a question's record lists (``Question.held``), proved on
    the closed forms with the parameter kept: the dilation widens the kernel to
    d (k - 1) + 1 in a size, the groups leave c_i / g channels to each filter in a count;
    and a size or the bias, which list no groups, do not change with them.  The checker
    reads an answer's dilation or groups at 2 against these (``checker._held_placed``); a
    memory's weights are g times fewer."""
    from derivations.registry.questions import HELD_EFFECTS, QUESTIONS

    c_i, c_o, g, n, d_h, d_w = (BY_NAME[s].sympy for s in ("c_i", "c_o", "g", "n", "d_h", "d_w"))
    k_h, k_w = BY_NAME["k_h"].sympy, BY_NAME["k_w"].sympy
    book = {n: 1, d_h: 1, d_w: 1, g: 1}
    weights = c_o * c_i * k_h * k_w
    changed = {
        "kernel_extent": {
            k_h: model.effective_kernel(k_h, d_h),
            k_w: model.effective_kernel(k_w, d_w),
        },
        "channels_per_group": {c_i: c_i / g},
    }
    kept = {"kernel_extent": (d_h, d_w), "channels_per_group": (g,), "weights_per_group": (g,)}

    def as_changed(effect, form):  # the book's form as the effect changes it
        if effect == "weights_per_group":  # the weights g times fewer, nothing else
            return form - weights + weights / g
        return form.xreplace(changed[effect])

    listed = 0
    for q in QUESTIONS.values():
        for parameter, effect in q.held:
            assert HELD_EFFECTS[effect] == parameter, (q.id, parameter, effect)
            for _, keys in q.recipe.modes:
                for key in keys:
                    general = forms(padding)[key].expr.xreplace(
                        {s: v for s, v in book.items() if s not in kept[effect]}
                    )
                    at_book = forms(padding)[key].expr.xreplace(book)
                    assert as_changed(effect, at_book) != at_book, (q.id, key)  # it acts
                    assert sp.simplify(general - as_changed(effect, at_book)) == 0, (q.id, key)
                    listed += 1
        if q.id in ("output-height", "output-width", "bias-size"):
            for _, keys in q.recipe.modes:
                for key in keys:
                    form = forms(padding)[key].expr.xreplace({n: 1, d_h: 1, d_w: 1})
                    assert form == form.xreplace({g: 1}), (q.id, key)
    assert listed >= 5
