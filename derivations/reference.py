"""The reference page (``formulas.md``): every closed form with its LaTeX, its convention
and a value at a concrete layer that the instrumented convolution confirmed.

Plain data, like the exercises; :mod:`derivations.render` turns it into Markdown.
"""

from __future__ import annotations

import re
from typing import cast

import sympy as sp

from derivations.closed_forms import forms, m_h, m_w, window_cover
from derivations.exercises.document import message, require, text
from derivations.exercises.fields import fill
from derivations.exercises.instances import REALISTIC, executed, value
from derivations.exercises.notation import num, rows, tex
from derivations.messages import catalogue
from derivations.model import Layer, d_h, d_w, k_h, k_w, output_sizes, s_h, s_w
from derivations.registry.forms import Form, counting_text
from derivations.registry.questions import question

_SYMBOL = re.compile(r"\b([A-Za-z]_[a-z]+)$")  # a subscripted symbol ending a name

__all__ = ["GENERAL", "build"]

# A layer that exercises every parameter at once: stride, dilation, groups, batch, bias.
GENERAL = Layer(
    c_i=4,
    c_o=6,
    h=11,
    w=9,
    k_h=3,
    k_w=2,
    p_h=3,
    p_w=1,
    s_h=2,
    s_w=1,
    d_h=1,
    d_w=2,
    groups=2,
    batch=2,
    bias=True,
)

CHANGED = "changed"  # the forms whose expression differs from the first section's
SECTIONS = (
    # (title, convention, bias, layer, which forms)
    (
        text(en="Total padding (the book's formula), no bias", zh="合计填充（书中公式），无偏置"),
        "total",
        False,
        REALISTIC,
        None,
    ),
    (
        text(en="With bias: the forms that change", zh="有偏置：有变化的闭式解"),
        "total",
        True,
        GENERAL,
        CHANGED,
    ),
    (
        text(
            en="Padding per side (PyTorch's padding=p): the same forms in the output size, "
            "which changes",
            zh="每侧填充（PyTorch 的 padding=p）：以输出大小写出的闭式解不变，输出大小本身改变",
        ),
        "per-side",
        True,
        GENERAL.replace(padding_convention="per-side"),
        (
            Form.OUTPUT_HEIGHT,
            Form.OUTPUT_WIDTH,
            Form.FORWARD_MULTS,
            Form.FORWARD_ADDS,
            Form.BACKWARD_DX_ADDS,
            Form.MEMORY_PEAK_BACKWARD,
        ),
    ),
)


# The padded positions some window covers, per axis (dX sums onto them): named once in
# each section's "where" block, so no display formula spells them out (phones).
C_h, C_w = sp.symbols(question("backward-ops").worked_names, positive=True, integer=True)
COVERS = {window_cover(m_h, k_h, s_h, d_h): C_h, window_cover(m_w, k_w, s_w, d_w): C_w}


def _counting(form) -> dict:
    """A ClosedForm's convention in both languages, fragment by fragment from the
    registry's table (each said once: a size's padding is its only fragment).  The
    memory model, long and the same for every memory form, is replaced by a pointer to
    the page's footer."""
    pointer = "sheets.formulas_memory_pointer"
    ids = [pointer if key == "sheets.memory_model" else key for key in form.counting_ids]
    return text(**{lang: counting_text(tuple(ids), lang) for lang in ("en", "zh")})


def _latex(form) -> str:
    """The form as SymPy prints it, with C_h, C_w for the covered positions (checked to
    be the same expression); an output size is shown in its floor form."""
    if form.key.startswith("output_"):  # written as m_h it would say nothing
        return form.latex(compact=False)
    named = form.compact.xreplace(COVERS)
    require(
        named.xreplace({v: k for k, v in COVERS.items()}) == form.compact,
        f"{form.key}: naming C_h, C_w changed the expression",
    )
    return tex(named)


def _description(form) -> dict:
    """The form's name on the page, by id ``sheets.form.<key>`` (one per closed form)."""
    key = f"sheets.form.{form.key}"
    require(
        key in catalogue(), f"closed form {form.key} has no message {key} in messages/sheets.yaml"
    )
    # a symbol the name ends with (``output height m_h``) is math on the sheet
    return {lang: _SYMBOL.sub(r"$\1$", said) for lang, said in message(key).items()}


def _entry(form, layer: Layer) -> dict:
    closed = value(form.key, layer)
    return {
        "key": form.key,
        "description": _description(form),
        "latex": _latex(form),
        "counting": _counting(form),
        "closed": num(closed),
        "executed": num(executed(layer)[form.key]),
    }


def _layer_line(layer: Layer) -> dict:
    """The section's layer in words and math, both languages: its padding reading in the
    sheets' words (``sheets.convention.*``), its bias as the layer display says it
    (``display.bias``, ``display.no_bias``)."""
    from derivations.messages import entry

    padding = entry(f"sheets.convention.{layer.padding_convention.replace('-', '_')}_padding")
    bias = entry("display.bias" if layer.bias else "display.no_bias")
    sizes = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "d_h", "d_w")
    values = {name: getattr(layer, name) for name in sizes} | {"g": layer.groups, "n": layer.batch}
    return {
        lang: fill(
            entry("sheets.formulas_layer_line")[lang],
            "sheets.formulas_layer_line",
            **values,
            padding=padding[lang],
            bias=bias[lang],
        )
        for lang in ("en", "zh")
    }


def build() -> dict:
    base = forms("total", False)
    sections = []
    for title, padding_convention, bias, layer, which in SECTIONS:
        these = forms(padding_convention, bias)
        if which is None:
            keys = list(these)
        elif which == CHANGED:
            keys = [k for k, f in these.items() if f.expr != base[k].expr]
        else:
            # CHANGED is the only str in SECTIONS' last column, handled above
            keys = list(cast("tuple[Form, ...]", which))
        m_h_expr, m_w_expr = output_sizes(padding_convention)
        sections.append(
            {
                "title": title,
                "layer": _layer_line(layer),
                "sizes": rows(
                    ("m_h", tex(m_h_expr)),
                    ("m_w", tex(m_w_expr)),
                    *((tex(name), tex(cover)) for cover, name in COVERS.items()),
                ),
                "forms": [_entry(these[k], layer) for k in keys],
            }
        )
    return {"sections": sections, "memory_model": message("sheets.memory_model")}
