"""s14exam E27: an answer that gives the multiplications and the additions apart
(``… multiplications and 0 additions``, ``… 次乘法和 … 次加法``) was graded on its first
formula alone, the rest dropped as words: ``2 c_o c_i k_h k_w m_h m_w multiplications and 0
additions`` (twice the multiplications, no additions: wrong) was right under FLOPs = 2 × MACs.
Now refused in one line naming the count words (``checker.reason.separate_counts``); one
count with its word stays read."""

from __future__ import annotations

from tests.checking.rows import Table, guard, said_as

N = "invalid_input"
REFUSED = "checker.reason.separate_counts: "

ROWS = [
    (
        "forward-ops",
        "2 c_o c_i k_h k_w m_h m_w multiplications and 0 additions",
        N,
        REFUSED + "multiplications, additions",
    ),
    (
        "backward-ops",
        "2 c_o c_i k_h k_w m_h m_w multiplications, 0 additions",
        N,
        REFUSED + "multiplications, additions",
    ),
    ("forward-ops", "2 c_o c_i k_h k_w m_h m_w 次乘法和 0 次加法", N, REFUSED + "乘法, 加法"),
    (
        "forward-ops",
        "c_o c_i k_h k_w m_h m_w multiplications, c_o m_h m_w (c_i k_h k_w - 1) additions",
        N,
        REFUSED + "multiplications, additions",
    ),
    (
        "forward-mults",
        "c_o*c_i*k_h*k_w*m_h*m_w mults and c_o*m_h*m_w adds",
        N,
        REFUSED + "mults, adds",
    ),
    # one count and its word: read as before
    guard("forward-mults", "c_o c_i k_h k_w m_h m_w multiplications", "equivalent", None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_separate_counts_are_refused = TABLE.check_test(also=said_as)
test_grade_refuses_them_the_same = TABLE.grade_test()
