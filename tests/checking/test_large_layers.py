"""A term that vanishes on every small layer (``+ floor(h/1000)``, ``× (1 + floor(c_i/1000))``)
makes an answer wrong on large inputs (a 4096 × 4096 image, 1024 channels): s10exam's F8
found two such answers called "Correct", the checker's sampled layers all smaller.  The
sampled layers end in large ones (``checking/deciding/samples.py``): every such answer,
built on each layer question's own reference for a symbol that reference uses, is
not_equivalent, and the reference itself stays equivalent."""

import pytest

from derivations.checking import check
from derivations.checking.deciding.catalogue import entry
from derivations.expr.printers import to_text
from derivations.expr.tree import symbols_in
from derivations.registry.questions import QUESTIONS

# (a size symbol, how it vanishes below the large layers): floors of a size over a bound
# above every small layer's, added or as a factor
_TERMS = (
    ("h", "({reference}) + floor(h/1000)"),
    ("w", "({reference}) + floor(w/500)"),
    ("c_i", "({reference}) * (1 + floor(c_i/1000))"),
    ("c_o", "({reference}) + floor(c_o/2000)"),
)


def _rows() -> list:
    rows = []
    for qid in QUESTIONS:
        reference = entry(qid).reference.tree
        used = symbols_in(reference)
        for symbol, form in _TERMS:
            if symbol in used:
                rows.append((qid, form.format(reference=to_text(reference))))
    return rows


ROWS = _rows()


def test_the_rows_cover_several_questions():
    assert len({qid for qid, _ in ROWS}) >= 8


@pytest.mark.parametrize(("qid", "answer"), ROWS)
def test_a_term_that_vanishes_on_small_layers_is_caught(qid, answer):
    result = check(qid, answer)
    assert result.verdict == "not_equivalent", (answer, result.verdict)


@pytest.mark.parametrize("qid", sorted({qid for qid, _ in ROWS}))
def test_the_reference_itself_stays_right(qid):
    assert check(qid, to_text(entry(qid).reference.tree)).verdict == "equivalent"


# (question, answer, the diagnosis it must not get): a factor or term that vanishes on
# small layers made the answer agree with a rewrite of the reference there (s10exam F9)
_NO_FALSE_DIAGNOSIS = (
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w*(1 + floor(c_i/300))", "swapped_channels"),
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w*(1 + floor(h/1000))", "swapped_axes"),
    (
        "forward-memory",
        "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w*(1 + floor(c_o/300))",
        "swapped_channels",
    ),
)
# (question, answer, the diagnosis it keeps): true at every sampled layer
_TRUE_DIAGNOSIS = (
    ("forward-mults", "c_i*c_o*k_h*m_h*m_w", "factor_missing"),
    ("forward-memory", "c_o*h*w + c_o*c_i*k_h*k_w + c_i*m_h*m_w", "swapped_channels"),
)


@pytest.mark.parametrize(("qid", "answer", "diagnosis"), _NO_FALSE_DIAGNOSIS)
def test_a_diagnosis_true_only_on_small_layers_is_not_said(qid, answer, diagnosis):
    result = check(qid, answer)
    assert result.verdict == "not_equivalent"
    assert diagnosis not in [d["id"] for d in result.diagnosis], result.diagnosis


@pytest.mark.parametrize(("qid", "answer", "diagnosis"), _TRUE_DIAGNOSIS)
def test_a_diagnosis_true_at_every_layer_is_said(qid, answer, diagnosis):
    assert diagnosis in [d["id"] for d in check(qid, answer).diagnosis]
