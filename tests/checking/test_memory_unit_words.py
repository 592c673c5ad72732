"""s15exam E3: a memory's unit word (bytes, elements, 字节, 个元素) after a count of
operations (or a factor of one) or a size along one axis is the wrong kind of word:
refused and said so (``checker.reason.memory_unit_for_operations``, ``…_for_size``), as
``4 columns`` on the height is told the word counts along the width, for both words
alike.  ``bytes`` there got the bytes-vs-elements misconception, whose advice (a float32
element takes 4 bytes) leads to a wrong answer, and ``elements`` was accepted.  A memory
or a parameter count keeps its units (guards).  Through ``check``, ``grade`` and the
number forms (``answer_at``, as the practice page and ``grade --variants`` grade them);
the answers are our own."""

import json

import pytest

from derivations.checking.checker import counts_operations
from derivations.checking.deciding.catalogue import entry
from derivations.messages import text
from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import GUARD, RIGHT, Table, guard, said_as

MULTS = "c_o c_i k_h k_w m_h m_w"
ADDS = "c_o (c_i k_h k_w - 1) m_h m_w"
HEIGHT = "floor((h - k_h + p_h)/s_h) + 1"
WIDTH = "floor((w - k_w + p_w)/s_w) + 1"
RATIO = "2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1)"
MEMORY = "c_i h w + c_o c_i k_h k_w + c_o m_h m_w"
OPS = "memory_unit_for_operations"
SIZE = "memory_unit_for_size"

# (question, answer, verdict, said: "refusal id: the word", a misconception, or None)
ROWS = [
    # a count of operations: the right formula and its wrong twin, each word refused
    ("forward-mults", f"{MULTS} bytes", "invalid_input", f"checker.reason.{OPS}: bytes"),
    ("forward-mults", f"{MULTS} elements", "invalid_input", f"checker.reason.{OPS}: elements"),
    ("forward-mults", f"{MULTS} 字节", "invalid_input", f"checker.reason.{OPS}: 字节"),
    ("forward-mults", f"{MULTS} 个元素", "invalid_input", f"checker.reason.{OPS}: 个元素"),
    ("forward-mults", "c_i k_h k_w m_h m_w bytes", "invalid_input", f"checker.reason.{OPS}: bytes"),
    (
        "forward-mults",
        "c_i k_h k_w m_h m_w 个元素",
        "invalid_input",
        f"checker.reason.{OPS}: 个元素",
    ),
    ("forward-adds", f"{ADDS} elements", "invalid_input", f"checker.reason.{OPS}: elements"),
    ("forward-adds", f"{MULTS} elements", "invalid_input", f"checker.reason.{OPS}: elements"),
    ("double-channels", f"{RATIO} elements", "invalid_input", f"checker.reason.{OPS}: elements"),
    ("double-channels", "2 elements", "invalid_input", f"checker.reason.{OPS}: elements"),
    # a size along one axis
    ("output-height", f"{HEIGHT} elements", "invalid_input", f"checker.reason.{SIZE}: elements"),
    ("output-height", f"{HEIGHT} bytes", "invalid_input", f"checker.reason.{SIZE}: bytes"),
    ("output-height", f"{HEIGHT} 个元素", "invalid_input", f"checker.reason.{SIZE}: 个元素"),
    (
        "output-height",
        "(h - k_h)/s_h elements",
        "invalid_input",
        f"checker.reason.{SIZE}: elements",
    ),
    ("output-width", f"{WIDTH} 字节", "invalid_input", f"checker.reason.{SIZE}: 字节"),
    ("output-width", "(w - k_w)/s_w 字节", "invalid_input", f"checker.reason.{SIZE}: 字节"),
    # guards: the same formulas without the word, and a memory or a parameter count,
    # whose units they are (the bytes of a count in elements stay the unit mix-up)
    guard("forward-mults", MULTS, "equivalent", None),
    guard("forward-mults", "c_i k_h k_w m_h m_w", "not_equivalent", "output_channels_left_out"),
    guard("output-height", HEIGHT, "equivalent", None),
    guard("output-height", "(h - k_h)/s_h", "not_equivalent", "output_off_by_one"),
    guard("forward-memory", f"{MEMORY} elements", "equivalent", None),
    guard("forward-memory", f"{MEMORY} 个元素", "equivalent", None),
    guard("forward-memory", "c_i h w + c_o m_h m_w elements", "not_equivalent", None),
    guard("forward-memory", f"{MEMORY} bytes", "not_equivalent", "unit_word_disagrees"),
    guard("bias-size", "c_o elements", "equivalent", None),
    guard("bias-size", "c_i elements", "not_equivalent", "bias_per_input_channel"),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_memory_unit_on_an_operation_count_or_a_size_is_refused = TABLE.check_test(also=said_as)
test_grade_gives_them_the_same_verdicts = TABLE.grade_test()


def test_every_question_kind_the_rule_names_has_a_row():
    """The refusal covers every question counting operations or a size along one axis:
    the rows exercise both kinds, and a memory's question is among the guards."""
    asked = {row[0] for row in ROWS if row[2] == "invalid_input"}
    assert any(counts_operations(entry(q)) for q in asked)
    assert any(entry(q).question.shape is not None for q in asked)


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize(
    "question, word",
    [
        ("forward-mults", "bytes"),
        ("forward-mults", "elements"),
        ("forward-mults", "字节"),
        ("forward-ops", "个元素"),
        ("double-channels", "elements"),
        ("output-height", "elements"),
        ("output-height", "bytes"),
        ("output-width", "个元素"),
    ],
)
def test_a_number_with_a_memory_unit_is_refused_as_the_formula_is(question, word, lang):
    """The number forms (the practice page, ``grade --variants``): the layer's value with
    the word, and the value the old advice led to (4 times it, "in bytes"), are refused
    with the checker's words, never accepted (``1296 elements`` was right, ``1296
    bytes`` told a float32 element takes 4 bytes, and ``5184 bytes`` was then wrong)."""
    (student,) = practice_class().students
    value = next(k.value for k in student.key if k.question == question)
    kind = SIZE if entry(question).question.shape is not None else OPS
    for number in (value, 4 * value):
        seen = json.loads(answer_at(question, f"{number} {word}", lang))
        assert seen["verdict"] == "invalid_input", seen
        said = text(f"checker.reason.{kind}", lang, unit=word, question="")
        assert said.split("“" if lang == "zh" else "'")[0] in seen["feedback"], seen
        assert word in seen["feedback"], seen
    bare = json.loads(answer_at(question, str(value), lang))
    assert bare["verdict"] in RIGHT, bare


# guard: these verdicts were the same before the rule (3c5f547c); it must not reach them
@GUARD
@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_memory_or_parameter_count_keeps_its_units(lang):
    """Guards: on a memory or the bias, ``elements`` is the unit asked; on a memory
    ``bytes`` is the unit mix-up (its value in elements said in bytes), on the bias count
    a unit of memory on a count of parameters, refused (s15exam E3's residual: the bytes
    advice, ×4, assumed the count right)."""
    (student,) = practice_class().students
    key = {k.question: k.value for k in student.key}
    for question, bytes_verdict in (
        ("forward-memory", "not_equivalent"),
        ("bias-size", "invalid_input"),
    ):
        right = json.loads(answer_at(question, f"{key[question]} elements", lang))
        assert right["verdict"] == "equivalent", right
        wrong = json.loads(answer_at(question, f"{key[question] + 1} elements", lang))
        assert wrong["verdict"] == "not_equivalent", wrong
        mixed = json.loads(answer_at(question, f"{key[question]} bytes", lang))
        assert mixed["verdict"] == bytes_verdict, mixed
