"""A term that vanishes on every small layer (``+ floor(h/1000)``, ``× (1 + floor(c_i/300))``)
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
    ("c_i", "({reference}) * (1 + floor(c_i/300))"),
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
