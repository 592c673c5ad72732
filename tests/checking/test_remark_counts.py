"""Issue 25, s12exam E22: a remark in brackets that only names the count asked
(``（乘法）``, ``(乘法次数)``, ``（乘法加法合计）``) is a remark, as ``(multiplications)`` is;
it was refused as "changes the formula" because 乘 and 加 are operation characters.  A
remark that states an operation (``（乘2）``, ``（加倍）``) is still refused, and one that
names another count (``（加法）`` on the multiplications) still names another quantity.
A remark with no formula (``（乘法）`` alone) is refused naming the remark, in English and
Chinese (it was "empty answer")."""

import pytest

from derivations.checking import feedback
from tests.checking.rows import Table, graded_rows, said_as

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


# (question, answer, verdict, said): the refusal's id and the remark it names
ALONE = [
    ("forward-mults", "（乘法）", "invalid_input", "reading.remark_only: 乘法"),
    ("forward-mults", "(multiplications)", "invalid_input", "reading.remark_only: multiplications"),
    ("forward-adds", " （加法次数） ", "invalid_input", "reading.remark_only: 加法次数"),
]


def _remark_named(result, *, verdict: str, said: str, **row) -> None:
    said_as(result, verdict=verdict, said=said, **row)
    remark = said.split(": ", 1)[1]
    for lang in ("en", "zh"):
        assert remark in feedback(result, lang), feedback(result, lang)


ALONE_TABLE = Table("question, answer, verdict, said", ALONE)
test_a_remark_alone_is_refused_naming_it = ALONE_TABLE.check_test(also=_remark_named)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_names_the_remark_alone(lang):
    for row, (_q, _a, verdict, said) in zip(graded_rows(ALONE, lang), ALONE, strict=True):
        assert row["verdict"] == verdict and said.split(": ", 1)[1] in row["feedback"], row
