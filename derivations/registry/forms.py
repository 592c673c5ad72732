"""The quantities of one layer (form keys) and the composite ones defined from others.

:class:`Form` names every quantity the closed forms derive and the execution measures
(a ``str`` enum: a member *is* its key string, so JSON and templates see ``"forward_mults"``).
:data:`COUNTING` says, once, how each one counts (message ids, said in any language by
:func:`counting_text`); :func:`description` names it (``sheets.form.<key>``).
:data:`COMPOSITES` says, once, how the composite quantities follow from the base ones
(operations = multiplications + additions, MACs, FLOPs, backward totals, parameters, peaks).
The closed forms apply it to SymPy expressions, the execution to executed counts, the
sheets to forward-only runs and the checker to its recipes: a composite is never retyped.

No SymPy here: the definitions use ``+`` and ``*`` only, so they work on ints and on
SymPy expressions alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

__all__ = [
    "Form",
    "COMPOSITES",
    "COUNTING",
    "GRADIENTS",
    "counting",
    "counting_text",
    "layer_counting",
    "own_counting",
    "description",
    "with_composites",
    "op_form",
]


class Form(StrEnum):
    """Every closed-form key, in the order the closed forms list them."""

    OUTPUT_HEIGHT = "output_height"
    OUTPUT_WIDTH = "output_width"
    FORWARD_MULTS = "forward_mults"
    FORWARD_ADDS = "forward_adds"
    FORWARD_OPS = "forward_ops"
    FORWARD_MACS = "forward_macs"
    FORWARD_FLOPS = "forward_flops"
    BACKWARD_DX_MULTS = "backward_dx_mults"
    BACKWARD_DX_ADDS = "backward_dx_adds"
    BACKWARD_DW_MULTS = "backward_dw_mults"
    BACKWARD_DW_ADDS = "backward_dw_adds"
    BACKWARD_DB_MULTS = "backward_db_mults"
    BACKWARD_DB_ADDS = "backward_db_adds"
    BACKWARD_MULTS = "backward_mults"
    BACKWARD_ADDS = "backward_adds"
    BACKWARD_OPS = "backward_ops"
    BACKWARD_MACS = "backward_macs"
    BACKWARD_FLOPS = "backward_flops"
    MEMORY_WEIGHTS = "memory_weights"
    MEMORY_BIAS = "memory_bias"
    MEMORY_PARAMS = "memory_params"
    MEMORY_INPUT = "memory_input"
    MEMORY_OUTPUT = "memory_output"
    MEMORY_SAVED_FOR_BACKWARD = "memory_saved_for_backward"
    MEMORY_GRAD_DY = "memory_grad_dy"
    MEMORY_GRAD_DX = "memory_grad_dx"
    MEMORY_GRAD_DW = "memory_grad_dw"
    MEMORY_GRAD_DB = "memory_grad_db"
    MEMORY_PEAK_FORWARD = "memory_peak_forward"
    MEMORY_PEAK_BACKWARD = "memory_peak_backward"


GRADIENTS = ("dx", "dw", "db")


def op_form(phase: str, kind: str, gradient: str | None = None) -> Form:
    """The form counting ``kind`` (``mults``, ``adds``, ``ops``, ``macs``, ``flops``) of
    ``phase`` (``forward``/``backward``), of one gradient (``dx``, ``dw``, ``db``) if given."""
    parts = (phase, gradient, kind) if gradient else (phase, kind)
    return Form("_".join(parts))


F = Form  # short name for the definitions below (looked up when they run)
# composite -> how it follows from other quantities; in dependency order
COMPOSITES: dict[Form, Callable[[Mapping], object]] = {
    F.FORWARD_OPS: lambda v: v[F.FORWARD_MULTS] + v[F.FORWARD_ADDS],
    F.FORWARD_MACS: lambda v: v[F.FORWARD_MULTS],  # one MAC per product
    F.FORWARD_FLOPS: lambda v: 2 * v[F.FORWARD_MACS],  # torch flop_counter
    F.BACKWARD_MULTS: lambda v: (
        v[F.BACKWARD_DX_MULTS] + v[F.BACKWARD_DW_MULTS] + v[F.BACKWARD_DB_MULTS]
    ),
    F.BACKWARD_ADDS: lambda v: (
        v[F.BACKWARD_DX_ADDS] + v[F.BACKWARD_DW_ADDS] + v[F.BACKWARD_DB_ADDS]
    ),
    F.BACKWARD_OPS: lambda v: v[F.BACKWARD_MULTS] + v[F.BACKWARD_ADDS],
    # one MAC per product of dX and dW (db has none)
    F.BACKWARD_MACS: lambda v: v[F.BACKWARD_DX_MULTS] + v[F.BACKWARD_DW_MULTS],
    F.BACKWARD_FLOPS: lambda v: 2 * v[F.BACKWARD_MACS],
    F.MEMORY_PARAMS: lambda v: v[F.MEMORY_WEIGHTS] + v[F.MEMORY_BIAS],
    F.MEMORY_PEAK_FORWARD: lambda v: v[F.MEMORY_PARAMS] + v[F.MEMORY_INPUT] + v[F.MEMORY_OUTPUT],
    # parameters + saved input (what autograd saves besides the weights) + dY dX dW db;
    # the forward output is not counted: one layer on its own no longer needs it once dY exists
    F.MEMORY_PEAK_BACKWARD: lambda v: (
        v[F.MEMORY_PARAMS]
        + v[F.MEMORY_SAVED_FOR_BACKWARD]
        - v[F.MEMORY_WEIGHTS]
        + v[F.MEMORY_GRAD_DY]
        + v[F.MEMORY_GRAD_DX]
        + v[F.MEMORY_GRAD_DW]
        + v[F.MEMORY_GRAD_DB]
    ),
}


def with_composites(values: Mapping) -> dict:
    """``values`` with every composite whose inputs are present added (an existing
    entry is never overwritten: a measured figure stays measured)."""
    out = dict(values)
    for key, rule in COMPOSITES.items():
        if key in out:
            continue
        try:
            out[key] = rule(out)
        except KeyError:
            continue  # e.g. a forward-only run has no backward figures
    return out


# How each form counts, once: message ids of its convention fragments (messages/sheets.yaml),
# said before the layer's padding convention and bias (see :func:`counting`).
_C = "sheets.convention."
_EXACT, _ELEMENTS, _MULTS = _C + "exact_counting", _C + "elements", _C + "multiplications"
_HELD = (_ELEMENTS, "sheets.memory_model")
COUNTING: dict[Form, tuple[str, ...]] = {
    F.OUTPUT_HEIGHT: (),
    F.OUTPUT_WIDTH: (),
    F.FORWARD_MULTS: (_MULTS,),
    F.FORWARD_ADDS: (_EXACT,),
    F.FORWARD_OPS: (_C + "ops_exact_counting",),
    F.FORWARD_MACS: (_C + "macs",),
    F.FORWARD_FLOPS: (_C + "flops",),
    F.BACKWARD_DX_MULTS: (_MULTS,),
    F.BACKWARD_DX_ADDS: (_EXACT, _C + "dx_padded"),
    F.BACKWARD_DW_MULTS: (_MULTS,),
    F.BACKWARD_DW_ADDS: (_EXACT,),
    F.BACKWARD_DB_MULTS: (_MULTS,),
    F.BACKWARD_DB_ADDS: (_EXACT,),
    F.BACKWARD_MULTS: (_MULTS,),
    F.BACKWARD_ADDS: (_EXACT,),
    F.BACKWARD_OPS: (_C + "ops_exact_counting",),
    F.BACKWARD_MACS: (_C + "backward_macs",),
    F.BACKWARD_FLOPS: (_C + "backward_flops",),
    F.MEMORY_WEIGHTS: (_ELEMENTS,),
    F.MEMORY_BIAS: (_ELEMENTS,),
    F.MEMORY_PARAMS: (_ELEMENTS,),
    F.MEMORY_INPUT: (_ELEMENTS,),
    F.MEMORY_OUTPUT: (_ELEMENTS,),
    F.MEMORY_SAVED_FOR_BACKWARD: _HELD,
    F.MEMORY_GRAD_DY: (_ELEMENTS,),
    F.MEMORY_GRAD_DX: (_ELEMENTS,),
    F.MEMORY_GRAD_DW: (_ELEMENTS,),
    F.MEMORY_GRAD_DB: (_ELEMENTS,),
    F.MEMORY_PEAK_FORWARD: _HELD,
    F.MEMORY_PEAK_BACKWARD: _HELD,
}
# the forward sums that start from the bias (one more addition per output element)
_BIAS_ADDS = frozenset({F.FORWARD_ADDS, F.FORWARD_OPS})
_SEPARATOR = {"zh": "；"}  # between fragments; "; " in the other languages


def own_counting(form: Form, bias: bool) -> tuple[str, ...]:
    """The message ids saying how ``form`` counts, the layer's padding convention and
    bias aside: its fragments, and the bias addition where the sum starts from the bias."""
    return (*COUNTING[form], *((_C + "bias_addition",) if bias and form in _BIAS_ADDS else ()))


def layer_counting(padding_convention: str, bias: bool) -> tuple[str, ...]:
    """The message ids of a layer's padding convention and bias."""
    padding = "total_padding" if padding_convention == "total" else "per_side_padding"
    return (_C + padding, _C + ("bias" if bias else "no_bias"))


def counting(form: Form, padding_convention: str, bias: bool) -> tuple[str, ...]:
    """The message ids saying how ``form`` counts on a layer of this padding convention
    and bias: :func:`own_counting`, then :func:`layer_counting`."""
    return own_counting(form, bias) + layer_counting(padding_convention, bias)


def counting_text(ids: tuple[str, ...], lang: str = "en") -> str:
    """The fragments ``ids`` said in ``lang``, in order."""
    from derivations.messages import text

    return _SEPARATOR.get(lang, "; ").join(text(key, lang) for key in ids)


def description(form: Form, lang: str = "en") -> str:
    """What ``form`` counts, in ``lang`` (``sheets.form.<key>``)."""
    from derivations.messages import text

    return text(f"sheets.form.{form}", lang)
