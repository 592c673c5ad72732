"""The project's term order (:mod:`derivations.expr.order`): SymPy's expressions come
out in our order, values unchanged (the SymPy bridge's round trip is the oracle)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.expr.bridge import SYMPY_SYMBOLS, from_sympy, to_sympy
from derivations.expr.order import book_order
from derivations.expr.printers import to_latex, to_text

S = SYMPY_SYMBOLS
d, b = sp.Symbol("Delta", positive=True), sp.Symbol("b", positive=True)


@pytest.mark.parametrize(
    "expr, printed",
    [
        (
            S["c_i"] * S["c_o"] * S["k_h"] * S["k_w"] * S["m_h"] * S["m_w"] * S["n"],
            "n*c_o*c_i*k_h*k_w*m_h*m_w",
        ),
        (S["c_i"] * S["h"] * S["n"] * S["w"], "n*c_i*h*w"),
        (S["w"] - S["k_w"] + S["p_w"] + S["s_w"], "w - k_w + p_w + s_w"),
        (
            S["c_i"] * S["c_o"] * S["k_h"] * S["k_w"]
            + S["c_i"] * S["h"] * S["w"]
            + S["c_o"] * S["m_h"] * S["m_w"]
            + S["c_o"],
            "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w + c_o",
        ),
        ((S["m_h"] + S["p_h"]) * (S["m_w"] + S["p_w"]), "(m_h + p_h)*(m_w + p_w)"),
        (2 * S["c_o"] * (S["c_i"] * S["k_h"] * S["k_w"] - 1), "2*c_o*(c_i*k_h*k_w - 1)"),
        (S["k"] * (S["k"] + d - 1) / d, "k*(k + Delta - 1)/Delta"),
        (b * S["c_o"] ** 2, "c_o^2*b"),
    ],
)
def test_sympy_order_becomes_ours_and_the_value_stays(expr, printed):
    tree = book_order(from_sympy(expr))
    assert to_text(tree) == printed
    if not expr.has(d, b):  # the bridge knows the model's symbols only
        assert sp.simplify(to_sympy(tree) - expr) == 0


def test_greek_names_print_as_latex_letters():
    assert to_latex(from_sympy(sp.Symbol("alpha_0") * d)) in (
        "\\alpha_0 \\Delta",
        "\\Delta \\alpha_0",
    )
    assert to_latex(book_order(from_sympy(1 / d))) == "\\frac{1}{\\Delta}"
