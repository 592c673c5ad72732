"""Issue 25, s12exam E22: a remark in brackets that only names the count asked
(``（乘法）``, ``(乘法次数)``, ``（乘法加法合计）``) is a remark, as ``(multiplications)`` is;
it was refused as "changes the formula" because 乘 and 加 are operation characters.  A
remark that states an operation (``（乘2）``, ``（加倍）``) is still refused, and one that
names another count (``（加法）`` on the multiplications) still names another quantity."""

from tests.checking.rows import Table

ROWS = [
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（乘法）", "equivalent"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w (乘法次数)", "equivalent"),
    ("forward-adds", "c_o m_h m_w (c_i k_h k_w - 1)（加法）", "equivalent"),
    ("forward-ops", "c_o m_h m_w (2 c_i k_h k_w - 1)（乘法加法合计）", "equivalent"),
    # a wrong formula under a count name stays wrong
    ("forward-mults", "c_o k_h k_w m_h m_w（乘法）", "not_equivalent"),
    ("forward-adds", "c_o c_i (k_h k_w - 1) m_h m_w（加法次数）", "not_equivalent"),
    # guards: an operation in the remark, or another count named, is refused
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（乘2）", "invalid_input"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（加倍）", "invalid_input"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（加法）", "invalid_input"),
]

TABLE = Table("question, answer, verdict", ROWS)
test_a_remark_naming_the_count_is_a_remark = TABLE.check_test()
test_grade_gives_the_same_verdicts = TABLE.grade_test()
