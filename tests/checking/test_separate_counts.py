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


def test_each_count_word_of_one_kind_is_read_with_its_kind():
    """Every count word of one kind (``informal.COUNTS`` with a kind, and
    ``informal.ONE_KIND_WORDS``) is told apart from a word of the other kind: the
    pattern is built from that list, not retyped (fails on main 2a335875: 次乘法运算 was
    found as 乘法, the retyped pattern's word)."""
    from derivations.checking.reading.informal import COUNTS, ONE_KIND_WORDS
    from derivations.checking.reading.spoken import separate_counts

    words = {word: kind for word, (_, kind) in COUNTS.items() if kind} | ONE_KIND_WORDS
    assert set(words.values()) == {"multiplication", "addition"}
    other = {"multiplication": "additions", "addition": "multiplications"}
    for word, kind in words.items():
        found = separate_counts(f"c_o m_h m_w {word} and 0 {other[kind]}")
        assert found == [word.removeprefix("次"), other[kind]], (word, found)
