"""s14exam E16: the worked answer's boxed forms pasted as LaTeX.  Answer 3's box names the
increase ``\\Delta M = …``: LaTeX's ``\\Delta`` was "unsupported LaTeX command", so even
a right formula after it was refused.  Now ``\\Delta M`` is the name ``ΔM`` of the result
(the lexer's reading of ``ΔM = …``); the box itself, written with ``m'_h``, is refused
by the message that explains those names.  Each right row has a wrong twin."""

from __future__ import annotations

from tests.checking.rows import Table, said_as

C, W, N = "equivalent_under_convention", "not_equivalent", "invalid_input"
AFTER = r"\lfloor (h - k_h + 2p_h + s_h)/s_h \rfloor \lfloor (w - k_w + 2p_w + s_w)/s_w \rfloor"

ROWS = [
    # the increase in multiplications (MACs), after the box's name
    ("double-padding", rf"\Delta M = c_o c_i k_h k_w \left({AFTER} - m_h m_w\right)", C, None),
    ("double-padding", rf"\Delta M = c_o c_i k_h \left({AFTER} - m_h m_w\right)", W, None),
    (
        "double-padding",
        rf"\Delta M = c_o (2 c_i k_h k_w - 1) \left({AFTER} - m_h m_w\right)",
        "equivalent",
        None,
    ),
    ("double-padding", rf"\Delta M = c_o (2 c_i k_h k_w - 1) {AFTER}", W, "new_cost_for_increase"),
    # the box as printed: its m'_h, m'_w explained, not an unsupported command
    (
        "double-padding",
        r"\Delta M = c_o c_i k_h k_w \left(m'_h m'_w - m_h m_w\right)",
        N,
        "reading.primed_name: m'_h",
    ),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_the_boxes_are_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
