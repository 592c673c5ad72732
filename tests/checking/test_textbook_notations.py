"""Issue 21, other courses' letters read from the textbooks learners come from: the
records ``cs230`` (CS230's cheatsheet: P_start, P_end), ``nndl`` and ``nndl_1d`` (Qiu
Xipeng's 神经网络与深度学习: M × N × D in, M' × N' × P out, a U × V kernel; its
one-dimensional (M − K + 2P)/S + 1), ``bishop`` (Bishop and Bishop's Deep Learning: a
J × K image, an M × M kernel, P on each side) and ``geron`` (Géron's f_n', the previous
layer's feature maps) of ``registry/notations.yaml``; and Raschka et al.'s m_1 × m_2
kernel and o_1 × o_2 output, the roles record's letters with a digit.

Each answer is a template filled with the record's own written forms (``⟨c_o⟩``: what
the record writes for the book's c_o; ``⟨p/2#1⟩`` its second form reading p/2), so no
test retypes a record's letters; the letters a record does not hold (a book's S, P,
C, Qiu's D which the role hints read, or the forms the parts record reads, f_h) are
written as the book writes them.
Right rows are each book's own formula; wrong twins its learners' slips (Bishop's
printed (10.5), floor((J + 2P − M)/S − 1); a per-side P counted once; a factor left
out).  Where a letter is another record's or the book's (Bishop's K, the width, is the
book's kernel; Qiu's P, its output channels, the book's padding), an answer that
writes it without its source's own words is refused or read the book's way, never
read as the other source's silently (the guard rows)."""

import re

from derivations.registry.notations import notations, per_side_sources
from tests.checking.rows import Guard, Table, guard, said_in_both

RECORDS = ("cs230", "nndl", "nndl_1d", "bishop", "geron")
EUC = "equivalent_under_convention"
EQ = "equivalent"
WRONG = "not_equivalent"
REFUSED = "invalid_input"

# a slot: the book's symbol a record's form reads as, its n-th such form after #
_SLOT = re.compile(r"⟨([^⟩#]+)(?:#(\d))?⟩")


def _forms(record: str, symbol: str) -> list[str]:
    """What ``record`` writes for the book's ``symbol``, in the record's order
    (spellings, then the letters it reads otherwise, then those read beside its words)."""
    found = notations()[record]
    pairs = (*found.spellings, *found.letters, *found.context_letters)
    return [written for written, read in pairs if read == symbol]


def filled(record: str, template: str) -> str:
    """``template`` with each slot replaced by the record's own form of that symbol."""
    return _SLOT.sub(lambda m: _forms(record, m[1])[int(m[2] or 0)], template)


# record -> [(question, template, verdict)]: each book's formula, its learners' slips
TEMPLATES = {
    "cs230": [
        ("output-height", "(I - F + ⟨p/2⟩ + ⟨p/2#1⟩)/S + 1", EUC),
        ("output-width", "floor((I - F + ⟨p/2⟩ + ⟨p/2#1⟩)/S) + 1", EUC),
        ("output-height", r"$O=\frac{I-F+⟨p/2⟩ + ⟨p/2#1⟩}{S}+1$", EUC),
        ("output-height", "(I - F + ⟨p/2⟩ + ⟨p/2#1⟩)/S", WRONG),
        ("output-height", "(I - F + 2*⟨p/2⟩ + 2*⟨p/2#1⟩)/S + 1", WRONG),
    ],
    "nndl": [
        ("forward-mults", "⟨h⟩'*⟨w⟩'*⟨c_o⟩*D*⟨k_h⟩*⟨k_w⟩", EQ),
        ("forward-mults", "共需要 ⟨h⟩'×⟨w⟩'×⟨c_o⟩×D×⟨k_h⟩×⟨k_w⟩ 次乘法", EQ),
        ("forward-adds", "⟨h⟩'*⟨w⟩'*⟨c_o⟩*(D*⟨k_h⟩*⟨k_w⟩ - 1)", EQ),
        ("forward-memory", "⟨h⟩*⟨w⟩*D + ⟨c_o⟩*D*⟨k_h⟩*⟨k_w⟩ + ⟨h⟩'*⟨w⟩'*⟨c_o⟩", EQ),
        ("forward-mults", "⟨h⟩'*⟨w⟩'*⟨c_o⟩*⟨k_h⟩*⟨k_w⟩", WRONG),
        ("forward-memory", "⟨h⟩*⟨w⟩*D + D*⟨k_h⟩*⟨k_w⟩ + ⟨h⟩'*⟨w⟩'*⟨c_o⟩", REFUSED),
        # its P alone is the book's padding: no output channels read without its words
        guard("bias-size", "⟨c_o⟩", WRONG),
    ],
    "nndl_1d": [
        ("output-height", "(⟨h⟩ - K + 2*P)/S + 1", EUC),
        ("output-height", "卷积后输出长度为 (⟨h⟩-K+2P)/S+1", EUC),
        ("output-height", "(⟨h⟩ - K + 2*P + S)/S", EUC),
        # P once, in a notation whose P is per side: refused, never the book's total
        ("output-height", "(⟨h⟩ - K + P)/S + 1", REFUSED),
        ("output-height", "(⟨h⟩ - K + 2*P)/S", REFUSED),
    ],
    "bishop": [
        ("output-height", "(⟨h⟩ + 2*P - ⟨k⟩)/S + 1", EUC),
        ("output-height", "输出高度为 floor((⟨h⟩ + 2P - ⟨k⟩)/S) + 1", EUC),
        (
            "forward-mults",
            "⟨k⟩^2*C*C_OUT*floor((⟨h⟩+2*P-⟨k⟩)/S+1)*floor((⟨w⟩+2*P-⟨k⟩)/S+1)",
            EUC,
        ),
        ("output-height", "floor((⟨h⟩ + 2*P - ⟨k⟩)/S - 1)", WRONG),  # its printed (10.5)
        ("output-height", "(⟨h⟩ + P - ⟨k⟩)/S + 1", WRONG),
        ("forward-mults", "⟨k⟩^2*C*C_OUT*(⟨h⟩-⟨k⟩+1)*(⟨w⟩-⟨k⟩+1)", WRONG),
        ("forward-mults", "⟨k⟩^2*C_OUT*floor((⟨h⟩+2*P-⟨k⟩)/S+1)*floor((⟨w⟩+2*P-⟨k⟩)/S+1)", WRONG),
        # its width's formula without its J: the book's K is the kernel, refused
        guard("output-width", "floor((⟨w⟩ + 2*P - ⟨k⟩)/S) + 1", REFUSED),
    ],
    "geron": [
        ("forward-mults", "f_h*f_w*⟨c_i⟩*f_n*m_h*m_w", EQ),
        ("forward-mults", "共 f_h×f_w×⟨c_i⟩×f_n×m_h×m_w 次乘法", EQ),
        ("forward-ops", "2*f_h*f_w*⟨c_i⟩*f_n*m_h*m_w", EUC),
        ("forward-mults", "f_h*f_w*f_n*m_h*m_w", WRONG),
        ("forward-mults", "f_h*f_w*⟨c_i⟩*m_h*m_w", WRONG),
    ],
}


def _braced(record: str, symbol: str) -> str:
    """The record's form of ``symbol`` with its subscript braced, as LaTeX writes it
    (a name x_y as x_{y})."""
    stem, _, sub = _forms(record, symbol)[0].partition("_")
    return f"{stem}_{{{sub}}}"


def _row(record: str, row: tuple) -> tuple:
    """A table's row ``(record, question, answer, verdict)`` of a template's row, a
    guard kept a guard."""
    question, template, verdict = row
    made = (record, question, filled(record, template), verdict)
    return guard(*made) if isinstance(row, Guard) else made


ROWS = [_row(record, row) for record, rows in TEMPLATES.items() for row in rows] + [
    (
        "geron",
        "forward-mults",
        rf"$f_h \times f_w \times {_braced('geron', 'c_i')} \times f_n \times m_h \times m_w$",
        EQ,
    ),
    ("geron", "forward-mults", f"f_h f_w {_braced('geron', 'c_i')} m_h m_w", WRONG),
]


def _read_by_its_record(result, *, record: str, verdict: str, **_row) -> None:
    """A right answer is read with its record's words, said as that source; the
    feedback says something in English and in Chinese."""
    if verdict in (EQ, EUC):
        sources = {reading.get("source") for reading in result.parsed["readings"]}
        assert record in sources, result.parsed["readings"]
    said_in_both(result)


TABLE = Table("record, question, answer, verdict", ROWS)
test_each_books_formula_and_slip = TABLE.check_test(also=_read_by_its_record)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_every_record_cites_its_book_and_has_right_and_wrong_rows():
    for record in RECORDS:
        assert "http" in notations()[record].citation, record
        verdicts = {row[3] for row in ROWS if row[0] == record}
        assert {EQ, EUC} & verdicts and {WRONG, REFUSED} & verdicts, record


def test_a_book_whose_padding_is_per_side_says_so():
    """Bishop's P and Qiu's one-dimensional P are added on each side (their formulas'
    2P); CS230's P_start and P_end are one side each, summing to the book's total."""
    assert {"bishop", "nndl_1d"} <= per_side_sources()
    assert "cs230" not in per_side_sources()


# Raschka et al.'s m_1 × m_2 kernel, n_1 × n_2 input and output o (the roles record's
# decorated letters M, O, I: a letter with a digit read by its letter's roles)
DECORATED = Table(
    "question, answer, verdict",
    [
        ("forward-mults", "m_1*m_2*C_in*C_out*o_1*o_2", EQ),
        (
            "forward-mults",
            r"$m_1 \times m_2 \times C_{in} \times C_{out} \times o_1 \times o_2$",
            EQ,
        ),
        ("forward-mults", "乘法次数为 m_1×m_2×C_in×C_out×o_1×o_2", EQ),
        ("forward-memory", "n_1*n_2*C_in + m_1*m_2*C_in*C_out + o_1*o_2*C_out", EQ),
        ("forward-ops", "2*m_1*m_2*C_in*C_out*o_1*o_2", EUC),
        ("forward-mults", "m_1*m_2*C_in*o_1*o_2", WRONG),
        ("forward-mults", "乘法次数为 m_1×m_2×C_out×o_1×o_2", WRONG),
        guard("forward-memory", "n_1*n_2*C_in + m_1*m_2*C_in + o_1*o_2*C_out", REFUSED),
        # which axis a digit names is not guessed: both readings match, refused
        guard("output-height", "o_1 = floor((n_1 + 2p - m_1)/s) + 1", REFUSED),
        guard("forward-mults", "M1*M2*c_i*c_o*k_h*k_w", EQ),  # M with a digit: an output
    ],
)
test_a_kernel_and_an_output_named_by_a_letter_and_a_digit = DECORATED.check_test(also=said_in_both)
test_grade_reads_the_digits_the_same = DECORATED.grade_test()
