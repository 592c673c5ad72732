"""An author's own letters with primes (issue 21: ``M'``, ``N'``, ``M''``) that the book's
spellings do not read: placeholders inferred by their letter's decorated role (M, N: the
sizes), accepted only where one reading matches, refused otherwise; a letter of no role
(``U'``, ``Q'``) is never guessed.  Answers of our own, through ``check`` and ``grade``."""

from tests.checking.rows import Table, graded_rows, never_accepted_test, read_as

# (question, answer, verdict, {written: read} or the refusal's key)
ROWS = [
    ("forward-mults", "c_i c_o k_h k_w M' N'", "equivalent", {"M'": "m_h", "N'": "m_w"}),
    (
        "forward-ops",
        "M' * N' * c_o * (2*c_i*k_h*k_w - 1)",
        "equivalent",
        {"M'": "m_h", "N'": "m_w"},
    ),
    ("forward-mults", "c_i c_o k_h k_w M' M''", "equivalent", {"M'": "m_h", "M''": "m_w"}),
    # wrong under every reading that matches: not_equivalent
    ("forward-mults", "c_i k_h k_w M' N'", "not_equivalent", {"M'": "m_h", "N'": "m_w"}),
    # no reading matches, or a letter of no role: refused, never guessed
    (
        "forward-mults",
        "c_i c_o k_h k_w M'",
        "invalid_input",
        "checker.reason.unknown_letter_unmeant",
    ),
    ("bias-size", "U'", "invalid_input", "checker.reason.unknown_letter_unmeant"),
    (
        "output-height",
        "(h - k_h + 2*p_h)/s_h + 1 + Q'",
        "invalid_input",
        "checker.reason.unknown_letter_unmeant",
    ),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_a_primed_letter_is_inferred_by_its_letters_role = TABLE.check_test(also=read_as)


NEVER_ACCEPTED = [
    ("forward-mults", "c_i c_o k_h k_w M' N' M''"),
    ("forward-mults", "c_o k_h k_w M' N'"),
    ("output-height", "(M' - k_h + p_h)/s_h"),
    ("forward-ops", "M' N' c_o c_i k_h"),
]


test_a_wrong_answer_with_primed_letters_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_primed_letters_in_both_languages():
    pairs = [("forward-mults", "c_i c_o k_h k_w M' N'"), ("bias-size", "U'")]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        assert [r["verdict"] for r in graded] == ["equivalent", "invalid_input"]
