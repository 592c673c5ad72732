"""Issue 21: any notation a student uses.  Other courses' letters and words (the
registry of notations, one record per source), text around the formula (count words,
MACs/FLOPs, a factor in a sentence, chains of equalities, decorated names), letters
inferred by role (unique, ambiguous, refused; declared by the course; switched off), in
both languages, through ``check`` and ``grade``.  The answers are our own."""

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derivations.checking import check, feedback
from derivations.checking.reading.parse import parse_answer
from derivations.registry.notations import notation_spellings, notations, role_hints
from derivations.registry.spellings import spellings
from tests.checking.rows import GUARD, graded_rows

RIGHT = ("equivalent", "equivalent_under_convention")

# (question, answer, verdict, conventions, what was read: {written: read})
OTHER_NOTATIONS = [
    # CS231n: F the filter size, P padding per side, S the stride
    (
        "output-width",
        "(W - F + 2P)/S + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_kernel", "exact_division"],
        {"F": "k"},
    ),
    (
        "output-height",
        "(H1 - F + 2P)//S + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_kernel"],
        {"H1": "h", "F": "k"},
    ),
    (
        "forward-mults",
        "F^2 D1 D2 H2 W2",
        "equivalent_under_convention",
        ["square_kernel"],
        {"F": "k", "D1": "c_i", "D2": "c_o", "H2": "m_h", "W2": "m_w"},
    ),
    # PyTorch's Conv2d shape formula (padding per side, dilation 1 in the book's layers)
    (
        "output-height",
        "floor((H_in + 2*padding[0] - dilation[0]*(kernel_size[0] - 1) - 1)/stride[0] + 1)",
        "equivalent_under_convention",
        ["per_side_padding"],
        {"padding[0]": "p_h", "dilation[0]": "1", "kernel_size[0]": "k_h", "stride[0]": "s_h"},
    ),
    (
        "output-width",
        "⌊(W_in + 2 padding[1] − kernel_size[1]) / stride[1]⌋ + 1",
        "equivalent_under_convention",
        ["per_side_padding"],
        {"padding[1]": "p_w", "kernel_size[1]": "k_w", "stride[1]": "s_w"},
    ),
    # words as symbols, English and Chinese
    (
        "output-height",
        "(input_height - filter_height + 2*padding)/stride + 1",
        "equivalent_under_convention",
        ["per_side_padding", "square_kernel", "exact_division"],
        {"input_height": "h", "filter_height": "k_h", "padding": "p", "stride": "s"},
    ),
    (
        "output-height",
        "(h - kernel_size + pad)//stride + 1",
        "equivalent_under_convention",
        ["square_kernel"],
        {"kernel_size": "k", "pad": "p", "stride": "s"},
    ),
    (
        "forward-mults",
        "in_channels * filters * kernel^2 * m_h * m_w",
        "equivalent_under_convention",
        ["square_kernel"],
        {"filters": "c_o", "kernel": "k"},
    ),
    (
        "output-height",
        "(输入高度 - 卷积核高度 + 填充 + 步幅) // 步幅",
        "equivalent_under_convention",
        ["square_kernel"],
        {"输入高度": "h", "卷积核高度": "k_h", "填充": "p", "步幅": "s"},
    ),
    (
        "forward-mults",
        "输入通道数 × 输出通道数 × k_h × k_w × m_h × m_w",
        "equivalent",
        [],
        {"输入通道数": "c_i", "输出通道数": "c_o"},
    ),
    # multi-letter subscripts, with and without braces; top + bottom padding
    (
        "output-height",
        "(h - h_{k} + p_t + p_b)//s_h + 1",
        "equivalent",
        [],
        {"h_k": "k_h", "p_t": "p_h/2", "p_b": "p_h/2"},
    ),
    (
        "output-width",
        "(w - w_k + p_l + p_r + s_w)//s_w",
        "equivalent",
        [],
        {"w_k": "k_w", "p_l": "p_w/2", "p_r": "p_w/2"},
    ),
    # a wrong answer stays wrong in another notation
    ("output-height", "(H1 - F + P)//S", "not_equivalent", [], {"H1": "h", "F": "k"}),
]


@pytest.mark.parametrize("question, answer, verdict, conventions, read", OTHER_NOTATIONS)
def test_other_notations_are_read(question, answer, verdict, conventions, read):
    result = check(question, answer, symbolic=False)
    assert (result.verdict, result.conventions) == (verdict, conventions), result.error
    readings = {r["written"]: r["read"] for r in result.parsed["readings"]}
    assert readings == read
    assert all(
        r["how"] == "notation" and r["source"] in notations() for r in result.parsed["readings"]
    )
    en, zh = feedback(result, "en"), feedback(result, "zh")
    assert "Read as: " in en and "读法：" in zh


def test_the_registry_cites_every_source_and_reads_in_the_books_spellings():
    own = spellings()
    for record in notations().values():
        assert record.citation and record.name["en"] and record.name["zh"]
        if record.id != "roles":
            assert "http" in record.citation, record.id
    for written, (formula, _, _) in notation_spellings().items():
        assert written not in own, written  # the book's own spellings come first
        parse_answer(formula)  # every formula reads with the book's spellings
    for letter, names in role_hints().items():
        assert letter.lower() not in own and names


# (question, answer, verdict, conventions or misconception)
AROUND_THE_FORMULA = [
    # count words after the formula, English and Chinese
    ("forward-mults", "c_i c_o k_h k_w m_h m_w multiplications", "equivalent", []),
    ("forward-mults", "c_i c_o k_h k_w m_h m_w 次乘法", "equivalent", []),
    ("forward-adds", "c_o (c_i k_h k_w − 1) m_h m_w 次加法。", "equivalent", []),
    ("forward-ops", "c_o(2c_ik_hk_w-1)m_hm_w operations", "equivalent", []),
    # MACs / FLOPs state the counting, and the formula is held to it
    ("forward-ops", "c_i c_o k_h k_w m_h m_w MACs", "equivalent_under_convention", ["macs"]),
    ("forward-ops", "2 c_i c_o k_h k_w m_h m_w FLOPs", "equivalent_under_convention", ["flops"]),
    ("forward-ops", "c_i c_o k_h k_w m_h m_w 次乘加", "equivalent_under_convention", ["macs"]),
    ("forward-ops", "c_i c_o k_h k_w m_h m_w FLOPs", "not_equivalent", "count_word_disagrees"),
    ("forward-ops", "2 c_i c_o k_h k_w m_h m_w MACs", "not_equivalent", "count_word_disagrees"),
    (
        "backward-ops",
        "2 c_i c_o k_h k_w m_h m_w 次浮点运算",
        "not_equivalent",
        "count_word_disagrees",
    ),
    # a factor inside a sentence
    ("double-channels", "变为原来的 4 倍", "equivalent_under_convention", ["macs"]),
    ("double-channels", "计算量大约是原来的 4 倍", "equivalent_under_convention", ["macs"]),
    (
        "double-channels",
        "roughly 4 times as many operations",
        "equivalent_under_convention",
        ["macs"],
    ),
    ("double-channels", "it quadruples", "equivalent_under_convention", ["macs"]),
    (
        "double-channels",
        "the cost grows by a factor of four",
        "equivalent_under_convention",
        ["macs"],
    ),
    ("double-channels", "计算量翻两番", "equivalent_under_convention", ["macs"]),
    ("double-channels", "the work doubles", "not_equivalent", "doubling_doubles"),
    # chains of equalities: every formula side agrees, the last is graded
    (
        "forward-ops",
        "FLOPs = 2 × MACs = 2 c_o c_i k_h k_w m_h m_w",
        "equivalent_under_convention",
        ["flops"],
    ),
    (
        "forward-mults",
        "mults = c_i c_o k_h k_w m_h m_w = c_i c_o k_h k_w ((h-k_h+p_h)//s_h+1)"
        " ((w-k_w+p_w)//s_w+1)",
        "equivalent",
        [],
    ),
    (
        "output-height",
        "H_out = (h - k_h + p_h)//s_h + 1 = (h - k_h + p_h + s_h)//s_h",
        "equivalent",
        [],
    ),
    # decorated names are names
    ("compose-size", r"\hat{K} = k_1 + k_2 - 1", "equivalent", []),
    ("compose-size", r"\tilde{k} = k_1 + k_2 - 1", "equivalent", []),
    ("compose-size", "K' = k_1 + k_2 − 1", "equivalent", []),
    ("compose-size", "K′ = k_1 + k_2 − 1", "equivalent", []),
    ("output-height", "O = (h - k_h + p_h)//s_h + 1", "equivalent", []),
    ("output-height", "N = (h - k_h + p_h)//s_h + 1", "equivalent", []),
]


@pytest.mark.parametrize("question, answer, verdict, expected", AROUND_THE_FORMULA)
def test_text_around_the_formula(question, answer, verdict, expected):
    result = check(question, answer, symbolic=False)
    assert result.verdict == verdict, (result.error, result.misconception)
    if verdict == "not_equivalent":
        assert result.misconception == expected
    else:
        assert result.conventions == expected
    for lang in ("en", "zh"):
        assert feedback(result, lang)


def test_a_mislabelled_count_is_diagnosed_against_the_counting_its_word_states():
    result = check("forward-ops", "c_i c_o k_h k_w m_h m_w FLOPs", symbolic=False)
    assert result.diagnosis[0]["id"] == "factor_two_less"
    example = result.counterexample
    assert example["reference"] == 2 * example["answer"]  # the FLOPs count there


CHAINS_THAT_DISAGREE = [
    ("forward-ops", "2 c_o c_i k_h k_w m_h m_w = c_o c_i k_h k_w m_h m_w"),
    ("output-height", "m = h - k_h + 1 = (h - k_h + p_h)//s_h + 1"),
    ("forward-mults", "c_i c_o m_h m_w = c_i c_o k_h k_w m_h m_w"),
]


@pytest.mark.parametrize("question, answer", CHAINS_THAT_DISAGREE)
def test_a_chain_whose_sides_differ_is_not_graded(question, answer):
    result = check(question, answer, symbolic=False)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.chain_disagrees"
    assert "差" not in feedback(result, "en") and "连等式" in feedback(result, "zh")


# inference by role: (question, answer, the letter, what it is read as)
INFERRED = [
    ("forward-mults", "c_i C k_h k_w m_h m_w", "C", "c_o"),
    ("forward-mults", "C c_o k_h k_w m_h m_w", "C", "c_i"),
    ("output-height", "(h - A + p_h)//s_h + 1", "A", "k_h"),
    ("output-width", "(w - k_w + Z)//s_w + 1", "Z", "p_w"),
    ("forward-adds", "c_o (c_i k_h k_w - 1) M m_w", "M", "m_h"),
]


@pytest.mark.parametrize("question, answer, letter, read", INFERRED)
def test_a_letter_is_inferred_when_one_reading_alone_matches(question, answer, letter, read):
    result = check(question, answer, symbolic=False)
    assert result.verdict in RIGHT, result.error
    assert {"written": letter, "read": read, "how": "inferred"} in result.parsed["readings"]
    assert f"{letter} → {read}" in feedback(result, "en")
    assert f"{letter} → {read}" in feedback(result, "zh")


AMBIGUOUS = [
    ("bias-size", "C", "C", {"c_i", "c_o"}),
    ("forward-mults", "C k_h k_w m_h m_w", "C", {"c_i", "c_o"}),
]


@pytest.mark.parametrize("question, answer, letter, readings", AMBIGUOUS)
def test_two_readings_with_different_verdicts_grade_nothing(question, answer, letter, readings):
    result = check(question, answer, symbolic=False)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == "checker.reason.ambiguous_letter"
    fields = result.error["fields"]
    assert fields["letter"] == letter and {fields["first"], fields["second"]} <= readings
    assert "ambiguous" in feedback(result, "en") and "歧义" in feedback(result, "zh")


# (question, answer, the refusal: unknown_letter when the letter has a role, else
# unknown_letter_named when another notation reads it (cuDNN's Q), else
# unknown_letter_unmeant: no meaning is guessed; unknown_letter_absent when its role is
# none of the question's quantities: B, the batch, on an output size, whose text was
# "the batch size is - here", s15exam E15)
REFUSED = [
    ("forward-mults", "c_i c_o k_h k_w m_h m_w Q", "unknown_letter_named"),
    pytest.param(
        "forward-mults", "c_i c_o k_h k_w m_h m_w A", "unknown_letter_unmeant", marks=GUARD
    ),
    # V, Qiu's kernel width (the nndl record), read so only beside its U: named, not read
    ("forward-mults", "c_i c_o k_h k_w m_h m_w V", "unknown_letter_named"),
    ("forward-mults", "C C k_h k_w m_h m_w", "unknown_letter"),
    pytest.param("output-height", "(h - k_h + A)//s_h + 7", "unknown_letter_unmeant", marks=GUARD),
    ("output-height", "(h - k_h + B)//s_h + 7", "unknown_letter_absent"),  # B: the batch
]


@pytest.mark.parametrize("question, answer, key", REFUSED)
def test_a_letter_no_reading_matches_is_refused(question, answer, key):
    result = check(question, answer, symbolic=False)
    assert result.verdict == "invalid_input"
    assert result.error["id"] == f"checker.reason.{key}"


def test_a_refused_letter_another_notation_reads_is_not_said_to_have_no_meaning():
    """s12exam E17: "no notation we know gives it a meaning" was said of cuDNN's Q (fails
    on main); it names the notation's reading instead, in both languages."""
    from derivations.messages import text

    result = check("forward-mults", "c_i c_o k_h k_w m_h m_w Q", symbolic=False)
    fields = result.error["fields"]
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert text("checker.reason.unknown_letter_unmeant", lang, **fields) not in said
        assert notations()["cudnn"].name[lang] in said and "m_w" in said, said


def test_a_course_declares_its_notation_or_switches_inference_off():
    declared = check("bias-size", "C", symbolic=False, notation={"C": "c_o"})
    assert declared.verdict == "equivalent"
    assert declared.parsed["readings"] == [{"written": "C", "read": "c_o", "how": "declared"}]
    other = check("bias-size", "C", symbolic=False, notation={"C": "c_i"})
    assert other.misconception == "bias_per_input_channel"
    off = check("forward-mults", "c_i C k_h k_w m_h m_w", symbolic=False, infer=False)
    assert off.error["id"] == "checker.reason.unknown_letter"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_reads_the_same(lang):
    pairs = [
        ("output-width", "(W - F + 2P)//S + 1"),
        ("forward-ops", "c_i c_o k_h k_w m_h m_w FLOPs"),
        ("double-channels", "变为原来的 4 倍"),
        ("forward-mults", "c_i C k_h k_w m_h m_w"),
        ("bias-size", "C"),
    ]
    graded = graded_rows(pairs, lang)
    assert [g["verdict"] for g in graded] == [
        "equivalent_under_convention",
        "not_equivalent",
        "equivalent_under_convention",
        "equivalent",
        "invalid_input",
    ]
    assert graded[1]["misconception"] == "count_word_disagrees"
    assert "F → k" in graded[0]["feedback"] and "C → c_o" in graded[3]["feedback"]


# --- inference never accepts an answer wrong under every assignment ---------------------
_PARTS = ["c_i", "c_o", "k_h", "k_w", "m_h", "m_w", "h", "w", "2", "(k_h k_w - 1)"]


def _every_reading_wrong(question: str, answer: str, letter: str) -> bool:
    """Whether the answer, with the letter replaced by each of the question's symbols
    in turn (checked directly, no inference), is never right."""
    names = ["c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w"]
    names += ["k", "s", "p", "1"]  # "1": a parameter a role may hold at 1 (D, the dilation)
    for name in names:
        result = check(question, answer.replace(letter, f"({name})"), symbolic=False)
        if result.verdict in RIGHT:
            return False
    return True


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["forward-mults", "forward-ops", "forward-adds"]),
    st.lists(st.sampled_from(_PARTS), min_size=2, max_size=6),
    st.sampled_from(["F", "C", "A", "M", "D"]),
)
def test_inference_never_accepts_an_answer_wrong_under_every_reading(question, parts, letter):
    answer = " ".join([*parts, letter])
    result = check(question, answer, symbolic=False)
    if _every_reading_wrong(question, answer, letter):
        assert result.verdict not in RIGHT, (answer, result.parsed)


def test_the_property_meets_answers_that_inference_accepts():
    """The property above is not vacuous: inference accepts some answers of its kind."""
    accepted = [
        " ".join(parts + ("C",))
        for parts in itertools.permutations(["c_i", "k_h", "k_w", "m_h", "m_w"], 5)
    ][:3]
    for answer in accepted:
        assert check("forward-mults", answer, symbolic=False).verdict == "equivalent"


# the wider reading: letters other notations read otherwise (K, M, N), one or two of
# them with a letter of a role or an author's name (H0, K1, FW, N_in); an accepted
# answer must be right under some assignment of its letters to the question's symbols
# (the book's readings, k and n, included)
_NAMES = ["c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w"]
_NAMES += ["k", "s", "p", "n", "1"]


def _right_under_some_assignment(question: str, answer: str, letters: list) -> bool:
    for names in itertools.product(_NAMES, repeat=len(letters)):
        text = answer
        for letter, name in zip(letters, names):
            text = re.sub(rf"\b{letter}\b", f"({name})", text)
        if check(question, text, symbolic=False).verdict in RIGHT:
            return True
    return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["forward-mults", "forward-adds", "bias-size", "forward-memory"]),
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=5),
    st.lists(
        st.sampled_from(["K", "N", "M", "F", "C", "H0", "K1", "FW", "N_in"]),
        min_size=1,
        max_size=2,
        unique=True,
    ),
)
def test_the_wider_reading_never_accepts_an_answer_wrong_under_every_reading(
    question, parts, letters
):
    answer = " ".join([*parts, *letters])
    result = check(question, answer, symbolic=False)
    if result.verdict in RIGHT:
        assert _right_under_some_assignment(question, answer, letters), (answer, result.parsed)


def test_the_wider_property_meets_answers_the_wider_reading_accepts():
    for question, answer in [
        ("forward-mults", "c_i K k_h k_w m_h m_w"),
        ("forward-adds", "K (c_i k_h k_w - 1) m_h m_w"),
        ("bias-size", "K"),
    ]:
        result = check(question, answer, symbolic=False)
        assert result.verdict == "equivalent"
        assert any(r["how"] == "inferred_notation" for r in result.parsed["readings"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_rubric_declares_the_notation_and_switches_inference(tmp_path, lang):
    import csv

    from derivations.cli import main

    answers = tmp_path / "answers.csv"
    with open(answers, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "question", "answer"])
        writer.writerow(["a", "bias-size", "C"])
        writer.writerow(["b", "output-height", "(h - Q + p_h)//s_h + 1"])
    rubric = tmp_path / "rubric.toml"
    rubric.write_text('infer = false\n[notation]\nC = "c_o"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    argv = ["grade", str(answers), "--out", str(out), "--rubric", str(rubric), "--lang", lang]
    main([*argv, "--no-progress"])
    with open(out, encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["verdict"] for r in rows] == ["equivalent", "invalid_input"]
    assert rows[0]["parsed"] == "c_o [C → c_o]"
    # inference on (the default): Q is the only reading that matches, k_h (a letter of
    # no role is inferred by its place in a sum, never as a product's factor: s18wrong F12)
    rubric.write_text('[notation]\nC = "c_o"\n', encoding="utf-8")
    main([*argv, "--no-progress"])
    with open(out, encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["verdict"] for r in rows] == ["equivalent", "equivalent"]
    assert rows[1]["parsed"].endswith("[Q → k_h]")


def test_a_rubric_refuses_a_notation_that_does_not_read(tmp_path):
    from derivations.errors import DerivationError
    from derivations.grading.rubric import load_rubric

    for body in ('[notation]\nF = "kernel_qqqq"\n', '[notation]\nFF = "k"\n', "infer = 2\n"):
        rubric = tmp_path / "r.toml"
        rubric.write_text(body, encoding="utf-8")
        with pytest.raises(DerivationError):
            load_rubric(rubric)
    rubric.write_text('[notation]\nF = "k"\n', encoding="utf-8")
    assert load_rubric(rubric).reading == ({"F": "k"}, True)


def test_an_answer_in_the_books_symbols_takes_the_fast_path():
    """No inference, no judging and no rewriting for an answer whose every symbol is
    already ours (issue 21: the notation layer costs nothing where it is not needed)."""
    from derivations.checking.checker import symbols_allowed
    from derivations.checking.deciding.catalogue import entry
    from derivations.checking.notation import resolve

    def judge(_parsed):  # pragma: no cover - must not be called
        raise AssertionError("judged an answer that needs no inference")

    question = entry("forward-mults")
    parsed = parse_answer("c_i c_o k_h k_w m_h m_w")
    assert resolve(question, parsed, judge, symbols_allowed(question)) == (parsed, [])
    height = entry("output-height")
    parsed = parse_answer("(h - k_h + p_h + s_h)//s_h")
    assert resolve(height, parsed, judge, symbols_allowed(height)) == (parsed, [])
