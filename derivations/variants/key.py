"""The answer key of one student's layer: each question's value, twice over.

A value is the question's reference (the checker's tree, derived by SymPy from the
closed forms) evaluated at the student's layer, and it is confirmed by executing that
layer with the instrumented convolution (:func:`derivations.execute.run_layer`):

* closed-form questions: the executed counts of the forms the reference sums;
* ``double-padding``: executed forward operations with the padding doubled, minus
  those of the layer;
* ``double-channels``: the same ratio with ``c_i`` and ``c_o`` doubled (a fraction).

A disagreement is a :class:`~derivations.errors.DerivationError` (nothing is written).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from derivations.errors import DerivationError
from derivations.model import Layer
from derivations.registry.forms import Form
from derivations.registry.questions import QUESTIONS, Derivation, Question

__all__ = [
    "SUPPORTED",
    "KeyValue",
    "environment",
    "reference_variant",
    "key_values",
    "key_values_closed",
    "supported_question",
]

# questions whose answer is one number for a given layer
SUPPORTED = tuple(
    q.id
    for q in QUESTIONS.values()
    if q.recipe.derivation
    in (Derivation.CLOSED_FORMS, Derivation.DOUBLE_PADDING, Derivation.DOUBLE_CHANNELS)
)


@dataclass(frozen=True)
class KeyValue:
    question: str
    value: int | Fraction  # the closed form at the layer (== executed)
    executed: int | Fraction | None  # what the instrumented convolution counted


def supported_question(identifier: str) -> Question:
    if identifier not in QUESTIONS:
        raise DerivationError(
            key="variants.unknown_question", question=repr(identifier), known=", ".join(SUPPORTED)
        )
    if identifier not in SUPPORTED:
        raise DerivationError(
            key="variants.not_numeric", question=repr(identifier), known=", ".join(SUPPORTED)
        )
    return QUESTIONS[identifier]


def environment(layer: Layer) -> dict:
    """The checker's symbol values at ``layer`` (``m_h, m_w`` under its padding)."""
    return {
        "c_i": layer.c_i,
        "c_o": layer.c_o,
        "h": layer.h,
        "w": layer.w,
        "k_h": layer.k_h,
        "k_w": layer.k_w,
        "p_h": layer.p_h,
        "p_w": layer.p_w,
        "s_h": layer.s_h,
        "s_w": layer.s_w,
        "n": layer.batch,
        "m_h": layer.m_h,
        "m_w": layer.m_w,
    }


def reference_variant(entry, padding: str):
    """The variant that is the reference for a course reading padding as ``padding``:
    the book's for total padding; its per-side twin (and nothing else) otherwise, or
    the book's when the padding does not enter it."""
    if padding == "total":
        return entry.variants[0]
    for variant in entry.variants:
        if (
            variant.padding == "per-side"
            and tuple(variant.conventions) == ("per_side_padding",)
            and variant.misconception is None
            and not variant.domain
        ):
            return variant
    from derivations.expr.tree import symbols_in

    if not symbols_in(entry.variants[0].tree) & {"p_h", "p_w", "m_h", "m_w"}:
        return entry.variants[0]  # the padding does not enter (the doubling ratio)
    raise DerivationError(key="variants.no_per_side_reference", question=entry.question.id)


@lru_cache(maxsize=4096)
def _executed_counts(layer: Layer) -> dict:
    from derivations.execute import run_layer

    return run_layer(layer).counts


def _ops(layer: Layer) -> int:
    return _executed_counts(layer)[Form.FORWARD_OPS]


def executed_value(question: Question, layer: Layer) -> int | Fraction:
    """What the instrumented convolution counts for ``question`` at ``layer``."""
    derivation = question.recipe.derivation
    if derivation is Derivation.DOUBLE_PADDING:
        doubled = layer.replace(p_h=2 * layer.p_h, p_w=2 * layer.p_w)
        return _ops(doubled) - _ops(layer)
    if derivation is Derivation.DOUBLE_CHANNELS:
        doubled = layer.replace(c_i=2 * layer.c_i, c_o=2 * layer.c_o)
        ratio = Fraction(_ops(doubled), _ops(layer))
        return ratio.numerator if ratio.denominator == 1 else ratio
    run_on = layer.replace(bias=True) if question.recipe.with_bias else layer
    counts = _executed_counts(run_on)
    return sum(counts[Form(key)] for key in question.recipe.forms)


def _closed(identifier: str, layer: Layer) -> int | Fraction:
    from derivations.checking.deciding.catalogue import entry
    from derivations.expr.evaluate import compile_node

    supported_question(identifier)
    variant = reference_variant(entry(identifier), layer.padding_convention)
    return compile_node(variant.tree)(environment(layer))


def key_values_closed(layer: Layer, question_ids) -> list[KeyValue]:
    """Each question's closed-form value at ``layer`` (``executed`` left ``None``: for
    re-reading a key that was executed when it was written)."""
    return [KeyValue(q, _closed(q, layer), None) for q in question_ids]


def key_values(layer: Layer, question_ids) -> list[KeyValue]:
    """Each question's value at ``layer``, closed form confirmed by execution."""
    values = []
    for identifier in question_ids:
        question = supported_question(identifier)
        closed = _closed(identifier, layer)
        executed = executed_value(question, layer)
        if closed != executed:
            raise DerivationError(
                key="variants.key_check_failed",
                question=identifier,
                layer=str(layer),
                closed=str(closed),
                executed=str(executed),
            )
        values.append(KeyValue(identifier, closed, executed))
    return values
