"""A chain's side that names another count (s14exam E8): ``FLOPs = 2 × MACs = c_o + 1``
answering output-height was refused with "2*(c_i*c_o*k_h*k_w*floor((p_h + h + s_h -
k_h)/s_h)*floor(…)) is not c_o + 1": the MACs read as forward-mults' reference, printed
in full, gives both output sizes away before "show the answer".  The side is said as the
answer writes it.  Answers of our own, both languages."""

from __future__ import annotations

import pytest

from derivations.checking import check, feedback
from derivations.checking.deciding.catalogue import entry
from derivations.expr.printers import to_text
from tests.checking.rows import LANGS


@pytest.mark.parametrize(
    "question, answer",
    [
        ("output-height", "FLOPs = 2 × MACs = c_o + 1"),
        ("output-width", "FLOPs = 2*MACs = c_i + w"),
        ("forward-ops", "FLOPs = 2 × MACs = c_o"),
        ("forward-adds", "adds = muls = c_o m_h m_w"),
    ],
)
def test_a_side_naming_a_count_is_said_as_written(question, answer):
    result = check(question, answer)
    assert result.verdict == "invalid_input" and result.error["id"] == (
        "checker.reason.chain_disagrees"
    ), result.error
    references = [
        to_text(entry(q).reference.tree)
        for q in ("output-height", "output-width", "forward-mults", question)
    ]
    for lang in LANGS:
        said = feedback(result, lang)
        assert "floor" not in said and "⌊" not in said, said
        assert not any(reference in said for reference in references), said
