"""Math as math (issue 10): trees in readable Unicode and LaTeX, SymPy references in the
book's term order, and every max(0, …) explained."""

import pytest
import sympy as sp

from derivations.checking.deciding.catalogue import entry
from derivations.checking.deciding.symbolic import show_sympy
from derivations.checking.reading.parse import parse_answer
from derivations.expr.bridge import SYMPY_SYMBOLS as S
from derivations.expr.printers import explanations, to_latex, to_unicode
from derivations.messages import catalogue
from derivations.registry.questions import QUESTIONS

# (answer as typed, Unicode)
UNICODE = [
    ("c_o*c_i*floor((h-k_h+p_h+s_h)/s_h)", "c_o×c_i×⌊(h − k_h + p_h + s_h)/s_h⌋"),
    ("c_o m_h m_w (2 c_i k_h k_w - 1)", "c_o×m_h×m_w×(2×c_i×k_h×k_w − 1)"),
    ("k^2 - h^-1 - 3", "k² − h⁻¹ − 3"),
    ("ceil(h/s) + max(h, w)", "⌈h/s⌉ + max(h, w)"),
    ("O(c_i c_o)", "O(c_i×c_o)"),
    ("-h + 0.5 w", "−h + 1/2×w"),
]


@pytest.mark.parametrize("answer, shown", UNICODE, ids=[u[0] for u in UNICODE])
def test_trees_print_as_readable_unicode_that_reads_back(answer, shown):
    tree = parse_answer(answer).tree
    assert to_unicode(tree) == shown
    # what a student copies back reads the same (a fraction 1/2 reads back as a division)
    assert to_unicode(parse_answer(shown).tree) == shown


def test_sympy_references_print_in_the_books_term_order():
    shown = show_sympy(sp.floor((-S["k_w"] + S["p_w"] + S["s_w"] + S["w"]) / S["s_w"]))
    assert shown.text == "⌊(w − k_w + p_w + s_w)/s_w⌋"
    assert shown.latex == r"\left\lfloor \frac{w - k_w + p_w + s_w}{s_w} \right\rfloor"
    assert shown.notes == ()


@pytest.mark.parametrize(
    "expr, note",
    [
        (sp.Max(0, S["k_h"] - S["s_h"]), "reading.note.max_overlap"),
        (sp.Max(0, S["k_w"] - S["s_w"]) * S["c_o"], "reading.note.max_overlap"),
        (sp.Max(0, S["h"] - 3), "reading.note.max_zero"),
    ],
)
def test_every_max_zero_is_explained(expr, note):
    shown = show_sympy(expr)
    assert "max(0, " in shown.text and r"\max" in shown.latex
    assert shown.notes == (note,) and note in catalogue()


def test_every_reference_with_max_zero_has_an_explanation():
    for qid in QUESTIONS:
        tree = entry(qid).reference.tree
        has_max = "max(0" in to_unicode(tree)
        assert bool(explanations(tree)) == has_max, qid
        assert "Max(" not in entry(qid).display_text, qid


def test_latex_of_a_product_keeps_numbers_apart():
    assert to_latex(parse_answer("2*3*h").tree) == r"2 \cdot 3 h"
