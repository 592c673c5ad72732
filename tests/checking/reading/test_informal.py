"""What real students write (issue 10): each informal form is read as meant, with the
note that says how, and checked as the formula it stands for."""

import pytest

from derivations.checking import check
from derivations.checking.reading.answer import read_answer
from derivations.checking.reading.parse import parse_answer
from derivations.messages import catalogue

# (question, answer, read as (canonical ASCII), note ids)
READ = [
    ("double-channels", "4x", "4", ["factor"]),
    ("double-channels", "x4", "4", ["factor"]),
    ("double-channels", "×4", "4", ["factor"]),
    ("double-channels", "4 times", "4", ["factor"]),
    ("double-channels", "4倍", "4", ["factor"]),
    ("double-channels", "4 倍", "4", ["factor"]),
    ("double-channels", "四倍", "4", ["factor"]),
    ("double-channels", "４倍", "4", ["factor"]),
    ("double-channels", "four", "4", ["factor"]),
    ("double-channels", "Four times", "4", ["factor"]),
    ("double-channels", "twice", "2", ["factor"]),
    ("double-channels", "变为4倍", "4", ["factor"]),
    ("double-channels", "增加4倍", "4", ["factor", "increase_ambiguous"]),
    ("double-channels", "增加了四倍", "4", ["factor", "increase_ambiguous"]),
    ("forward-mults", r"\(c_i c_o k_h k_w m_h m_w\)", "c_i*c_o*k_h*k_w*m_h*m_w", []),
    ("forward-mults", r"\[ c_i c_o k_h k_w m_h m_w \]", "c_i*c_o*k_h*k_w*m_h*m_w", []),
    ("forward-mults", "乘法：c_i c_o k_h k_w m_h m_w", "c_i*c_o*k_h*k_w*m_h*m_w", ["label"]),
    ("forward-mults", "mults: c_i c_o k_h k_w m_h m_w", "c_i*c_o*k_h*k_w*m_h*m_w", ["label"]),
    ("output-height", "math.floor((h-k_h+p_h+s_h)/s_h)", "floor((h - k_h + p_h + s_h)/s_h)", []),
    ("output-height", "np.floor((h-k_h+p_h+s_h)/s_h)", "floor((h - k_h + p_h + s_h)/s_h)", []),
    (
        "output-height",
        "int((h-k_h+p_h+s_h)/s_h)",
        "floor((h - k_h + p_h + s_h)/s_h)",
        ["int_floor"],
    ),
    ("bias-size", "c_o elements", "c_o", ["unit_elements"]),
    ("bias-size", "c_o 个", "c_o", ["unit_elements"]),
    ("bias-size", "4 c_o bytes", "4*c_o", ["unit_bytes"]),
    ("bias-size", "4c_o B", "4*c_o", ["unit_bytes"]),
    (
        "output-height",
        "(h - k_h + 2p_h)/s_h + 1 (per side padding)",
        "(h - k_h + 2*p_h)/s_h + 1",
        ["remark"],
    ),
    ("output-height", "h - k_h + p_h + 1 （每侧填充）", "h - k_h + p_h + 1", ["remark"]),
    # not remarks: brackets around symbols stay a formula
    ("forward-mults", "c_i (k_h k_w) c_o (m_h m_w)", "c_i*k_h*k_w*c_o*m_h*m_w", []),
]


@pytest.mark.parametrize("question, answer, text, notes", READ, ids=[r[1] for r in READ])
def test_informal_forms_are_read_with_a_note(question, answer, text, notes):
    reading = read_answer(answer, question)
    assert reading.ascii == text
    assert [n.key for n in reading.notes] == [f"reading.note.{n}" for n in notes]
    assert all(n.key in catalogue() for n in reading.notes)


# (question, answer, verdict): the informal forms grade as the formula they stand for
GRADED = [
    ("forward-mults", "乘法：c_i c_o k_h k_w m_h m_w", "equivalent"),
    ("forward-mults", r"\(c_o×c_i×k_h×k_w×m_h×m_w\)", "equivalent"),
    ("output-height", "math.floor((h-k_h+p_h+s_h)/s_h)", "equivalent"),
    ("output-height", "int((h-k_h+p_h+s_h)/s_h)", "equivalent"),
    ("bias-size", "c_o 个", "equivalent"),
    (
        "output-height",
        "⌊(h - k_h + 2p_h)/s_h⌋ + 1 (per side padding)",
        "equivalent_under_convention",
    ),
]


@pytest.mark.parametrize("question, answer, verdict", GRADED, ids=[g[1] for g in GRADED])
def test_informal_forms_grade_as_their_formula(question, answer, verdict):
    result = check(question, answer)
    assert result.verdict == verdict
    # a note said with its fields (a label, a count word) is in the reading's notes
    said = [note["id"] for note in result.parsed["notes"]]
    noted = any(n.startswith("reading.note.") for n in result.notes + said)
    assert noted or "\\(" in answer or "math." in answer


def test_a_note_reaches_the_feedback_in_both_languages():
    from derivations.checking import feedback

    # (both readings of 增加 2 倍, 2 and 3 times, are wrong for the padding's increase:
    # graded, the note said; where they differ the answer is refused, s13exam E9)
    result = check("double-padding", "增加2倍")
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        note = catalogue()["reading.note.increase_ambiguous"][lang]
        assert note.format(words="增加2倍", value="2", more="3") in said


def test_columns_still_point_into_the_answer_as_given():
    from derivations.checking.reading.errors import InvalidAnswer

    with pytest.raises(InvalidAnswer) as caught:
        parse_answer("乘法：c_i # c_o")
    assert caught.value.position == 8  # the '#'


def test_read_answer_is_json_able_and_names_the_question():
    from derivations.errors import DerivationError

    data = read_answer("c_o×c_i×⌊(h−k_h+p_h+s_h)/s_h⌋ bytes", "forward-memory").as_dict()
    assert data["text"] == "c_o×c_i×⌊(h − k_h + p_h + s_h)/s_h⌋"
    assert data["latex"].startswith("c_o c_i")
    assert data["notes"] == [{"id": "reading.note.unit_bytes", "fields": {"unit": "bytes"}}]
    with pytest.raises(DerivationError):
        read_answer("h", "no-such-question")


# (question, answer, verdict, note): a 2-D shape where the question asks for one size
SHAPES = [
    ("compose-size", "(k_1+k_2-1)×(k_1+k_2-1)", "equivalent", "shape_product"),
    # an x read as "by": no note that it is a times sign (s12exam E14; fails on main)
    ("compose-size", "(k_1+k_2-1) x (k_1+k_2-1)", "equivalent", "shape_product"),
    (
        "output-height",
        "floor((h-k_h+p_h+s_h)/s_h) x floor((w-k_w+p_w+s_w)/s_w)",
        "equivalent",
        "shape_product",
    ),
    ("compose-size", "(k_1 + k_2 − 1, k_1 + k_2 − 1)", "equivalent", "shape_pair"),
    ("compose-size", "（k_1+k_2-1，k_1+k_2-1）", "equivalent", "shape_pair"),
    ("output-height", "(⌊(h-k_h+p_h+s_h)/s_h⌋, ⌊(w-k_w+p_w+s_w)/s_w⌋)", "equivalent", "shape_pair"),
    (
        "output-width",
        "⌊(h-k_h+p_h+s_h)/s_h⌋ × ⌊(w-k_w+p_w+s_w)/s_w⌋",
        "equivalent",
        "shape_product",
    ),
    ("output-width", "(⌊(h-k_h+p_h+s_h)/s_h⌋, ⌊(w-k_w+p_w+s_w)/s_w⌋)", "equivalent", "shape_pair"),
    # not shapes: a product with a constant, or of sizes that are not per axis
    ("compose-size", "2(k_1+k_2-1)", "not_equivalent", None),
    ("output-height", "2 (h-k_h+p_h+s_h)", "not_equivalent", None),
]


@pytest.mark.parametrize("question, answer, verdict, note", SHAPES, ids=[s[1] for s in SHAPES])
def test_shapes_give_the_size_asked_for(question, answer, verdict, note):
    result = check(question, answer)
    assert result.verdict == verdict
    assert [n for n in result.notes if n.startswith("reading.")] == (
        [f"reading.note.{note}"] if note else []
    )


@pytest.mark.parametrize(
    "question, answer, key, column",
    [
        ("compose-size", "(k_1+k_2-1, k_1+k_2)", "reading.shape_unequal", 1),
        ("compose-size", "(k_1, k_2 #)", "reading.unexpected_character", 11),
        ("forward-mults", "(h, w)", "reading.unexpected_expected", 3),
    ],
)
def test_pairs_that_are_no_shape_are_refused_where_they_go_wrong(question, answer, key, column):
    result = check(question, answer)
    assert result.verdict == "invalid_input"
    assert (result.error["id"], result.error["position"]) == (key, column)
