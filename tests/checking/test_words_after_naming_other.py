"""Words after a right formula that name another quantity of the layer than the one
asked (``… for the kernel``, ``… for the stride`` after a size, ``… for the memory`` after
a count, ``… for the forward pass`` after a backward count) say the formula is of that
quantity: refused in one line (``checker.reason.words_name_other``), never accepted as
the asked one (s13rev: ``… for the kernel`` was dropped as a condition).  Words that give
a parameter (a number, a letter, an indefinite article) or name what is asked stay
conditions and remarks.  Every row that is not a guard was accepted on main at a594737."""

from __future__ import annotations

from tests.checking.rows import Table, guard

R, N = "equivalent", "invalid_input"
OTHER = "checker.reason.words_name_other"


def _refused_as_other(result, *, verdict, **_row) -> None:
    if verdict == N:
        assert result.error["id"] == OTHER, result.error


ROWS = [
    # a size said to be the kernel's, the padding's, the stride's or the input's
    ("output-height", "(h + p_h - k_h + s_h)//s_h for the kernel", N),
    ("output-height", "The result is (h + p_h - k_h + s_h)//s_h for the filter.", N),
    ("output-width", "(w + p_w - k_w + s_w)//s_w for the padding", N),
    ("output-height", "(h + p_h - k_h + s_h)//s_h for the stride", N),
    # a count said to be a memory, the forward pass's answering the backward
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w for the memory", N),
    ("forward-adds", "c_o*m_h*m_w*(c_i*k_h*k_w - 1) for the memory", N),
    ("backward-ops", "2*c_o*c_i*k_h*k_w*m_h*m_w for the forward pass", N),
    # what is asked, a condition, a remark that gives a parameter: as before
    guard("output-height", "(h + p_h - k_h + s_h)//s_h for the output", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h for the output height", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h，即输出的高度", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h for each output channel", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h for a square kernel", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h, where k_h is the kernel height", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h，这里默认步长为1", R),
    guard("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w for the whole layer", R),
    guard("output-height", "(h + p_h - k_h + s_h)//s_h for the padded input", N),
]

TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_words_naming_another_quantity_are_refused = TABLE.check_test(also=_refused_as_other)
test_grade_reads_them_the_same = TABLE.grade_test()
