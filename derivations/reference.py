"""The reference page (``formulas.md``): every closed form with its LaTeX, its convention
and a value at a concrete layer that the instrumented convolution confirmed.

Plain data, like the exercises; :mod:`derivations.render` turns it into Markdown.
"""

from __future__ import annotations

from .closed_forms import MEMORY_MODEL, forms, output_sizes
from .exercises.document import text
from .exercises.instances import REALISTIC, describe, executed, value
from .exercises.notation import num, tex
from .locale import CONVENTION_FRAGMENTS, FORM_DESCRIPTIONS
from .model import Layer

__all__ = ["GENERAL", "build"]

# A layer that exercises every parameter at once: stride, dilation, groups, batch, bias.
GENERAL = Layer(c_i=4, c_o=6, h=11, w=9, k_h=3, k_w=2, p_h=3, p_w=1, s_h=2, s_w=1,
                d_h=1, d_w=2, groups=2, batch=2, bias=True)

CHANGED = "changed"  # the forms whose expression differs from the first section's
SECTIONS = (
    # (title, convention, bias, layer, which forms)
    (text("Total padding (the book's formula), no bias", "总填充（书中公式），无偏置"),
     "total", False, REALISTIC, None),
    (text("With bias: the forms that change", "有偏置：有变化的闭式解"),
     "total", True, GENERAL, CHANGED),
    (text("Padding per side (PyTorch's padding=p): the same forms in m_h, m_w; the output "
          "size changes", "每侧填充（PyTorch 的 padding=p）：用 m_h、m_w 写出的闭式解不变，输出大小改变"),
     "per-side", True, GENERAL.replace(convention="per-side"),
     ("output_height", "output_width", "forward_mults", "forward_adds", "backward_dx_adds",
      "memory_peak_backward")),
)


def _convention(convention: str) -> dict:
    parts = list(dict.fromkeys(convention.split("; ")))  # once each, in order
    return text("; ".join(parts), "；".join(CONVENTION_FRAGMENTS.get(p, p) for p in parts))


def _entry(form, layer: Layer) -> dict:
    closed = value(form.key, layer)
    return {
        "key": form.key,
        "description": text(form.description,
                            FORM_DESCRIPTIONS["zh"].get(form.key, form.description)),
        # an output size written as m_h says nothing: show its floor form
        "latex": form.latex(compact=not form.key.startswith("output_")),
        "convention": _convention(form.convention),
        "closed": num(closed),
        "executed": num(executed(layer)[form.key]),
    }


def build() -> dict:
    base = forms("total", False)
    sections = []
    for title, convention, bias, layer, which in SECTIONS:
        these = forms(convention, bias)
        if which is None:
            keys = list(these)
        elif which == CHANGED:
            keys = [k for k, f in these.items() if f.expr != base[k].expr]
        else:
            keys = list(which)
        m_h_expr, m_w_expr = output_sizes(convention)
        sections.append({
            "title": title,
            "layer": describe(layer) + f" d={layer.d_h},{layer.d_w} g={layer.groups} "
                                       f"n={layer.batch}",
            "sizes": f"m_h = {tex(m_h_expr)}, \\quad m_w = {tex(m_w_expr)}",
            "forms": [_entry(these[k], layer) for k in keys],
        })
    return {"sections": sections, "memory_model": MEMORY_MODEL}
