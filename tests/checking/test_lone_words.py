"""Issue 21, names: one word of a role of several quantities (``Channels``, ``depth``,
``size``) inferred among them; names of a receptive field and a zero padding
(``fieldSize``, ``zeroPadding``); answers with more than three letters to infer, bounded
by a budget counted in assignments (never in time).  Every answer below is our own,
through ``check`` and ``grade``, feedback in both languages."""

from derivations.checking import check
from derivations.checking.notation import MAX_ASSIGNMENTS, MAX_STEPS, assignments
from derivations.checking.reading.names import compose, hints_of
from tests.checking.rows import Table, graded_rows, never_accepted_test, read_as

# (question, answer, verdict, {written: read} or the refusal's key)
ROWS = [
    # a channel word beside an operator: a factor, inferred among c_i, c_o
    (
        "forward-mults",
        "Channels * filters * k_h * k_w * m_h * m_w",
        "equivalent",
        {"Channels": "c_i"},
    ),
    ("forward-mults", "depth x c_o x k_h x k_w x m_h x m_w", "equivalent", {"depth": "c_i"}),
    (
        "forward-memory",
        "channels*h*w + c_o*channels*k_h*k_w + c_o*m_h*m_w",
        "equivalent",
        {"channels": "c_i"},
    ),
    # both channel counts fit where the other is missing: two verdicts, refused
    (
        "forward-mults",
        "depth x k_h x k_w x m_h x m_w",
        "invalid_input",
        "checker.reason.ambiguous_letter",
    ),
    ("bias-size", "channels", "invalid_input", "checker.reason.ambiguous_letter"),
    # a channel word after the formula with no operator is a count word, not c_i
    ("bias-size", "c_o channels", "invalid_input", "reading.unknown_word_meant"),
    # a size alone: a square layer's one size, the input's here
    (
        "output-height",
        "(size + 2*padding - kernel_size)/stride + 1",
        "equivalent_under_convention",
        {"size": "h"},
    ),
    ("output-height", "(length - k_h + p_h + s_h) // s_h", "equivalent", {"length": "h"}),
    # a receptive field is the kernel; zero before padding says what it pads with
    (
        "output-height",
        "(inputSize - fieldSize + 2*zeroPadding)/stride + 1",
        "equivalent_under_convention",
        {"fieldSize": "k", "zeroPadding": "p", "inputSize": "h"},
    ),
    (
        "output-height",
        "(inputSize - receptive_field + zero_pad)//stride + 1",
        "equivalent_under_convention",
        {"receptive_field": "k"},
    ),
    # more than three letters to infer: each by its role, one reading that matches
    ("forward-mults", "C1*C2*K1*K2*H2*W2", "equivalent", {"K1": "k_h", "K2": "k_w"}),
    ("forward-ops", "2*C1*C2*K1*K2*H2*W2", "equivalent_under_convention", {"H2": "m_h"}),
    ("forward-adds", "depth x filters x K1 x K2 x H2 x W2", "equivalent_under_convention", {}),
    # wrong under every reading that matches, or matching nothing: never accepted
    ("forward-mults", "C1*K1*K2*H2*W2*S1", "invalid_input", None),
    ("forward-mults", "C1*C2*K1*K2*H2", "invalid_input", None),
    # M, an output size by role, also a kernel's size where only that reading matches
    # (n the input, m the filter), said as written (m); a letter of a role refused says
    # its first role
    ("output-height", "o = ⌊(n + 2p - m)/s⌋ + 1", "equivalent_under_convention", {"m": "k_h"}),
    ("output-width", "(n + 2p - m)//s + 1", "equivalent_under_convention", {"m": "k_w"}),
    ("forward-mults", "c_i c_o M M m_h m_w", "equivalent_under_convention", {"M": "k"}),
    ("output-height", "(n + 2p - m)//s", "not_equivalent", {"m": "k_h"}),
    ("bias-size", "M", "invalid_input", "checker.reason.unknown_letter"),
    # I, an input size by role
    ("output-height", "O = (I - K + 2P)/S + 1", "equivalent_under_convention", {"I": "h"}),
    ("output-width", "(I - F + 2P)//S + 1", "equivalent_under_convention", {"I": "w"}),
    ("output-height", "(I - K)//S", "not_equivalent", {"I": "h"}),
    # letters of no role: too many readings to try, refused (never decided on some)
    (
        "forward-mults",
        "A1*A2*B1*B2*Q1*Q2",
        "invalid_input",
        "checker.reason.unknown_letter_unmeant",
    ),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_lone_words_and_many_letters_are_read_by_role = TABLE.check_test(also=read_as)


def test_one_word_of_a_role_of_several_quantities_is_a_hint_never_a_reading():
    assert compose("Channels").read is None and hints_of("Channels") == ("c_i", "c_o")
    assert hints_of("depth") == ("c_i", "c_o")
    assert hints_of("size") == ("h", "m_h", "k")
    assert compose("ch") is None and compose("sz") is None  # two letters: no word
    assert compose("fieldSize").read == "k" and compose("zeroPadding").read == "p"
    assert compose("zero") is None  # a filler alone names nothing


NEVER_ACCEPTED = [
    ("forward-mults", "channels x k_h x k_w x m_h x m_w"),
    ("forward-mults", "size*size*Channels*m_h*m_w"),
    ("output-height", "(size - kernel_size)/stride"),
    ("output-height", "(inputSize - fieldSize + zeroPadding)/stride"),
    ("forward-mults", "C1*C2*K1*K1*H2*W2*S1"),
    ("forward-adds", "2*C1*C2*K1*K2*H2*W2"),
    ("bias-size", "c_i channels"),
]


test_a_wrong_answer_in_lone_words_or_many_letters_is_never_accepted = never_accepted_test(
    NEVER_ACCEPTED
)


def test_a_refused_letter_is_told_its_first_role():
    result = check("bias-size", "M")
    assert result.error["fields"]["role"] == "output_size", result.error


def test_the_budget_counts_assignments_and_steps_not_time():
    # injective readings of letters with few options each: all found, in product order
    found = assignments([["a", "b"], ["a", "b"], ["c"]], lambda choice: True)
    assert found == [("a", "b", "c"), ("b", "a", "c")]
    # more injective readings than the budget: refused, whatever keeps them
    many = [[str(i) for i in range(20)] for _ in range(3)]
    assert assignments(many, lambda choice: True) is None
    # a search that keeps nothing is still bounded by the steps it visits
    wide = [[str(i) for i in range(12)] for _ in range(6)]
    assert assignments(wide, lambda choice: False) is None
    assert MAX_STEPS > MAX_ASSIGNMENTS  # a full budget of assignments can be counted


def test_grade_reads_lone_words_and_many_letters_in_both_languages():
    pairs = [
        ("forward-mults", "C1*C2*K1*K2*H2*W2"),
        ("bias-size", "channels"),
        ("forward-mults", "Channels*filters*k_h*k_w*m_h*m_w"),
    ]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        assert [r["verdict"] for r in graded] == ["equivalent", "invalid_input", "equivalent"]
