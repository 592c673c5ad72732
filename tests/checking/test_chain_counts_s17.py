"""A chain's every side that names a count is judged, and 多了 is a verb of increase
(issue 21, s16rev F7's rest, s16rev2 G2's rest): ``乘法次数 = 加法次数 = c_o c_i k_h k_w
m_h m_w`` was accepted as the multiplications, its middle side (the additions' name, a
description) skipped unjudged, though ``加法次数 = 乘法次数 = …`` was refused; ``多了 4 倍``
(more by four times: 4 or 5 times the original) was read as the factor 4, though ``增加了 4
倍`` is ambiguous.  Answers of our own, through ``check`` and ``grade``."""

from __future__ import annotations

from tests.checking.rows import Table, guard, said_as

R, C, N = "equivalent", "equivalent_under_convention", "invalid_input"
FM, FA, DC = "forward-mults", "forward-adds", "double-channels"
MULTS = "c_o c_i k_h k_w m_h m_w"
NAMES_OTHER, AMBIGUOUS = "checker.reason.lead_names_other: ", "checker.reason.increase_ambiguous"

ROWS = [
    (FM, f"乘法次数 = 加法次数 = {MULTS}", N, NAMES_OTHER + "加法次数"),
    (FM, f"乘法 = 加法次数 = {MULTS}", N, NAMES_OTHER + "加法次数"),
    (FA, "加法次数 = 乘法次数 = c_o (c_i k_h k_w - 1) m_h m_w", N, NAMES_OTHER + "乘法次数"),
    guard(FM, f"乘法次数 = {MULTS}", R, None),
    guard(FM, f"乘法次数 = MACs = {MULTS}", R, None),
    guard(FM, f"multiplications = {MULTS}", R, None),
    (DC, "多了 4 倍", N, None),
    (DC, "多出 4 倍", N, None),
    (DC, "计算量多了 3 倍", N, None),
    (DC, "多了 4/1 倍", N, None),
    guard(DC, "变为原来的 4 倍", C, None),
    guard(DC, "大约是原来的 4 倍", C, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_every_side_naming_a_count_and_more_by = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_more_by_is_said_as_the_ambiguous_increase():
    """多了 N 倍 is refused as 增加了 N 倍 is: N or N + 1 times the original."""
    from derivations.checking import check

    for answer in ("多了 4 倍", "多出 4 倍", "增加了 4 倍"):
        assert check(DC, answer).error["id"] == AMBIGUOUS, answer
