"""The practice page's numeric questions (``practice/numbers.py``): every question with one
number per layer, asked at the layer ``variants`` draws for the student ``practice`` of
the course seeded ``practice``; the worker's verdicts are those of ``grade --variants``
for that student, run through the command line (``variants``, then ``grade --json``)."""

import contextlib
import io
import json
from fractions import Fraction

import pytest

from derivations import cli
from derivations.practice import numbers
from derivations.variants.grade import _variant_values, grade_variant_answer, not_of_the_layer
from derivations.variants.key import SUPPORTED


def _cases() -> list:
    """Per question: the right number, a number right under a named convention (where the
    catalogue has one that differs at this layer), a wrong number, an unreadable one, and
    the reference formula written with the output size."""
    variants = numbers.practice_variants(executed=True)
    student = variants.students[0]
    out = []
    for key in student.key:
        values = list(_variant_values(key.question, student, variants.padding))
        conventional = next(
            (
                value
                for variant, value in values
                if variant.conventions and not variant.misconception and value != key.value
            ),
            None,
        )
        taken = {value for _, value in values} | {key.value}
        wrong = next(key.value + k for k in range(1, 50) if key.value + k not in taken)
        out += [
            (key.question, str(key.value)),
            *([(key.question, str(conventional))] if conventional is not None else []),
            (key.question, str(wrong)),
            (key.question, "12abc"),
            # a number shown as its arithmetic (issue 25, F4): right and wrong
            (key.question, _sum(key.value)),
            (key.question, _sum(wrong)),
        ]
    return out


def _sum(value) -> str:
    """``value`` written as a sum of two numbers (its arithmetic, no symbol)."""
    return f"{value - 1} + 1"


CASES = _cases()


def test_every_number_question_is_asked_at_one_drawn_layer():
    variants = numbers.practice_variants(executed=True)
    assert numbers.questions() == tuple(SUPPORTED) and len(SUPPORTED) >= 10
    (student,) = variants.students
    assert [k.question for k in student.key] == list(SUPPORTED)
    assert all(k.value == k.executed for k in student.key)  # confirmed by execution
    closed = numbers.practice_variants(executed=False).students[0]
    assert closed.layer == student.layer and [k.value for k in closed.key] == [
        k.value for k in student.key
    ]
    kinds = {json.loads(numbers.answer_at(q, a, "en"))["verdict"] for q, a in CASES}
    assert kinds == {"equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"}


@pytest.fixture(scope="module")
def command_line(tmp_path_factory) -> dict:
    """(question, answer) -> ``grade --variants --json``'s answer object, for every case,
    through the command line: the practice student's variants, then the answers."""
    folder = tmp_path_factory.mktemp("numbers")
    (folder / "roster.csv").write_text(f"id\n{numbers.STUDENT}\n", encoding="utf-8")
    rows = "".join(f'{numbers.STUDENT},{q},"{a}"\n' for q, a in CASES)
    (folder / "answers.csv").write_text("student,question,answer\n" + rows, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(
            [
                "variants",
                "--roster",
                str(folder / "roster.csv"),
                "--questions",
                ",".join(SUPPORTED),
                "--seed",
                numbers.SEED,
                "--padding",
                numbers.PADDING,
                "--out",
                str(folder / "variants"),
            ]
        )
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        cli.main(
            [
                "grade",
                str(folder / "answers.csv"),
                "--variants",
                str(folder / "variants"),
                "--out",
                str(folder / "report.csv"),
                "--reveal",
                "hint",
                "--json",
            ]
        )
    found = {}
    for line in out.getvalue().splitlines():
        (answer,) = json.loads(line)["answers"]
        found[(answer["question"], answer["answer"])] = answer
    assert len(found) == len(CASES)
    return found


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_the_verdicts_are_grade_variants_for_the_practice_student(command_line, lang):
    variants = numbers.practice_variants(executed=True)
    for question, answer in CASES:
        page = json.loads(numbers.answer_at(question, answer, lang))
        cli_row = command_line[(question, answer)]
        assert page["verdict"] == cli_row["verdict"], (question, answer)
        assert [c["id"] for c in page["conventions"]] == cli_row["conventions"]
        assert (page["misconception"] or {}).get("id") == cli_row["misconception"]
        assert (page["parsed"] or {}).get("text", "") == cli_row["parsed"]
        # the words: what grade --variants releases to the student at the hint level
        words = grade_variant_answer(
            variants, numbers.STUDENT, question, answer, lang, "hint", symbolic=False
        )
        assert page["feedback"] == words.student_feedback
        assert page["layer"] == {k: getattr(variants.students[0].layer, k) for k in page["layer"]}


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_shown_as_arithmetic_is_graded_as_that_number(lang):
    """Issue 25, F4: ``4*3*9*12`` for "your number" is the number it evaluates to
    (exactly, by the expression language's evaluator), said so in the feedback; a wrong
    number's arithmetic stays wrong, a formula stays a formula."""
    from derivations.messages import text

    variants = numbers.practice_variants(executed=True)
    student = variants.students[0]
    layer = student.layer
    said = text("variants.arithmetic", lang, read="", said="").strip("：:; ；")
    shown = {
        # the output height's own arithmetic, with the floor written as //
        "output-height": f"({layer.h} - {layer.k_h} + {layer.p_h} + {layer.s_h}) // {layer.s_h}",
        "forward-mults": "*".join(
            map(str, (layer.c_o, layer.c_i, layer.k_h, layer.k_w, layer.m_h, layer.m_w))
        ),
    }
    for key in student.key:
        for answer in (_sum(key.value), shown.get(key.question, _sum(key.value))):
            page = json.loads(numbers.answer_at(key.question, answer, lang))
            assert page["verdict"] == "equivalent", (key.question, answer, page["feedback"])
            assert said in page["feedback"] and page["parsed"]["text"].endswith(f" = {key.value}")
        wrong = json.loads(numbers.answer_at(key.question, _sum(key.value + 1), lang))
        assert wrong["verdict"] == "not_equivalent" and said in wrong["feedback"]
    formula = json.loads(numbers.answer_at("forward-mults", "c_o*c_i*k_h*k_w", lang))
    assert formula["verdict"] == "not_equivalent" and said not in formula["feedback"]


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_said_with_macs_or_flops_is_graded_as_a_formula_said_so_is(lang):
    """Issue 25, s10exam2 F2: ``1296 MACs`` or ``2544 FLOPs`` at the layer is the number
    with its word, judged as the checker judges a formula said with that word (the
    number with the word was read as a constant formula and compared at other layers: a
    right number was told it is wrong); the oracle is the checker's verdict on the
    formula, in m_h and m_w, whose value at the layer the number is."""
    from derivations.checking import check
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr.evaluate import compile_node
    from derivations.variants.key import environment

    variants = numbers.practice_variants(executed=True)
    env = environment(variants.students[0].layer)
    macs = "c_o*c_i*k_h*k_w*m_h*m_w"
    rows = {
        "forward-mults": (macs, f"2*{macs}"),
        "forward-ops": ("c_o*m_h*m_w*(2*c_i*k_h*k_w - 1)", macs, f"2*{macs}"),
    }
    right = ("equivalent", "equivalent_under_convention")
    for question, formulas in rows.items():
        for formula in formulas:
            value = compile_node(parse_answer(formula).tree)(env)
            for word in ("MACs", "FLOPs"):
                page = json.loads(numbers.answer_at(question, f"{value} {word}", lang))
                said = check(question, f"{formula} {word}", symbolic=False).verdict
                assert (page["verdict"] in right) == (said in right), (question, formula, word)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_closed_by_a_comma_is_graded_as_the_number(lang):
    """Issue 25, s11exam F13: ``4,`` or ``1296，`` at the layer is the number, as ``4.``
    and ``4;`` are (it was graded as a constant formula over all layers: a right number
    called wrong); a wrong number with the comma stays wrong, as it does with ``;``."""
    variants = numbers.practice_variants(executed=True)
    for key in variants.students[0].key:
        for value in (key.value, key.value + 1):
            alone = json.loads(numbers.answer_at(key.question, f"{value};", lang))["verdict"]
            for comma in (",", "，"):
                page = json.loads(numbers.answer_at(key.question, f"{value}{comma}", lang))
                assert page["verdict"] == alone, (key.question, value, comma, page["feedback"])
        right = json.loads(numbers.answer_at(key.question, f"{key.value}，", lang))
        assert right["verdict"] == "equivalent", (key.question, right["feedback"])


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_closed_by_an_exclamation_mark_says_the_mark_was_dropped(lang):
    """Issue 25, s12exam E11: ``3!`` is 6 in mathematics; at the layer it is graded as
    ``3`` (as the formula path reads ``c_o!``), and the feedback says the mark was
    dropped (it said only "read as: 3"); ``4,`` says nothing (punctuation)."""
    from derivations.messages import text

    variants = numbers.practice_variants(executed=True)
    for key in variants.students[0].key:
        for value in (key.value, key.value + 1):
            alone = json.loads(numbers.answer_at(key.question, f"{value}", lang))
            for mark in ("!", "！", "!!"):
                page = json.loads(numbers.answer_at(key.question, f"{value}{mark}", lang))
                note = text("variants.mark_dropped", lang, mark=mark[-1], number=str(value))
                assert page["verdict"] == alone["verdict"], (key.question, value, mark)
                assert note in page["feedback"], (key.question, value, mark, page["feedback"])
            comma = json.loads(numbers.answer_at(key.question, f"{value},", lang))
            assert comma["feedback"] == alone["feedback"], (key.question, value)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_right_number_said_in_macs_or_flops_where_no_operations_are_counted(lang):
    """Issue 25, s12exam E10: ``366 MACs`` on forward-memory (366 the layer's elements)
    was "not the value for your layer ... a multiply-accumulate is one MAC but two FLOPs";
    the number is the layer's, the word names operations where none are counted: the
    mistake ``count_word_for_no_operations``, said as a right number with a wrong word.
    A question that counts operations keeps ``count_word_disagrees``."""
    from derivations.checking.checker import NOT_OPERATIONS, counts_operations
    from derivations.checking.deciding.catalogue import entry
    from derivations.messages import text
    from derivations.registry.misconceptions import misconception

    variants = numbers.practice_variants(executed=True)
    asked = set()
    for key in variants.students[0].key:
        if counts_operations(entry(key.question)):
            continue
        record = misconception(NOT_OPERATIONS)
        said = text("variants.word_disagrees_hint", lang, hint=record.hint_text(lang))
        for word in ("MACs", "FLOPs"):
            page = json.loads(numbers.answer_at(key.question, f"{key.value} {word}", lang))
            assert page["verdict"] == "not_equivalent", (key.question, word)
            assert page["misconception"]["id"] == NOT_OPERATIONS, (key.question, word)
            assert page["feedback"] == said, (key.question, word, page["feedback"])
        asked.add(key.question)
    assert {"forward-memory", "output-height"} <= asked, asked


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_size_said_with_its_unit_word_is_graded_as_the_number(lang):
    """Issue 25, s11exam F2: ``4 rows``, ``3 cols``, ``4 (rows)``, ``4行``, ``3 列`` at the
    layer are the number with a unit word (``variants.size_units``), dropped and said so
    (``rows`` was read as the symbol h and multiplied in; ``行`` was refused); a wrong
    number with the word stays wrong."""
    from derivations.messages import text

    variants = numbers.practice_variants(executed=True)
    keys = {k.question: k.value for k in variants.students[0].key}
    for question, word in (
        ("output-height", "rows"),
        ("output-height", "行"),
        ("output-width", "columns"),
        ("output-width", "cols"),
        ("output-width", "列"),
        # s11exam F6: "4 px" was told "the answer ends too early"
        ("output-height", "px"),
        ("output-height", "pixels"),
        ("output-width", "像素"),
    ):
        value = keys[question]
        note = text("variants.size_unit_dropped", lang, unit=word)
        for answer in (f"{value} {word}", f"{value}{word}", f"{value} ({word})"):
            page = json.loads(numbers.answer_at(question, answer, lang))
            assert page["verdict"] == "equivalent", (answer, page["feedback"])
            assert note in page["feedback"], (answer, page["feedback"])
        wrong = json.loads(numbers.answer_at(question, f"{value + 1} {word}", lang))
        assert wrong["verdict"] == "not_equivalent" and note in wrong["feedback"]


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_byte_count_said_with_its_unit_is_graded_under_the_bytes_convention(lang):
    """Issue 25, s11exam F3: ``1464 bytes`` (``B``, ``字节``) where ``1464`` is right under
    a bytes convention is graded as ``1464`` is (it was a constant formula over all layers,
    wrong); the count in elements said in bytes is the unit mix-up the checker names for a
    formula (``unit_word_disagrees``)."""
    from derivations.checking.checker import UNIT_MISLABELLED

    variants = numbers.practice_variants(executed=True)
    student = variants.students[0]
    asked = 0
    for key in student.key:
        in_bytes = {
            value
            for variant, value in _variant_values(key.question, student, variants.padding)
            if any(c.startswith("bytes_") for c in variant.conventions)
            and not variant.misconception
            and not not_of_the_layer(variant, variants.padding, key.question)  # (F17, E4)
        }
        for value in in_bytes:
            alone = json.loads(numbers.answer_at(key.question, str(value), lang))
            assert alone["verdict"] == "equivalent_under_convention"
            for unit in (" bytes", " B", " 字节", "字节"):
                page = json.loads(numbers.answer_at(key.question, f"{value}{unit}", lang))
                assert (page["verdict"], page["conventions"]) == (
                    alone["verdict"],
                    alone["conventions"],
                ), (key.question, unit, page["feedback"])
                asked += 1
        if in_bytes:
            page = json.loads(numbers.answer_at(key.question, f"{key.value} bytes", lang))
            assert page["verdict"] == "not_equivalent", (key.question, page["feedback"])
            assert page["misconception"]["id"] == UNIT_MISLABELLED
    assert asked >= 8  # forward-memory and backward-memory at least


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_of_the_padding_read_per_side_is_not_the_value_for_the_layer(lang):
    # s11exam F17: the page states the padding in all; 6 for the output height (its value
    # with the 4 read per side) was green, "right under a convention". Another reading of
    # the padding is another layer: the value of the layer's own record read per side
    from derivations import records
    from derivations.messages import text
    from derivations.variants.key import key_values_closed

    student = numbers.practice_variants(executed=True).students[0]
    assert numbers.PADDING == "total"
    per_side = records.replace(student.layer, padding_convention="per-side")
    shown = text("variants.padding_value.same", lang, p=student.layer.p_h)
    said = text("variants.other_padding.per-side", lang, padding=shown)
    tried = []
    for key, other in zip(student.key, key_values_closed(per_side, numbers.questions())):
        if other.value == key.value:  # the padding does not enter it (a ratio)
            continue
        page = json.loads(numbers.answer_at(key.question, str(other.value), lang))
        assert (page["verdict"], page["conventions"]) == ("not_equivalent", []), page
        assert page["feedback"] == said, page
        tried.append(key.question)
    assert {"output-height", "output-width", "forward-mults", "double-padding"} <= set(tried)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_right_worked_number_at_the_layer_is_said_checked(lang):
    # a formula, then its number at the page's layer (… = 1296): the number is checked
    # there (a wrong one makes the answer wrong), so the checker's note "a layer the
    # question does not give: not checked" was false on the page
    from derivations.messages import entry, text

    student = numbers.practice_variants(executed=True).students[0]
    key = next(k for k in student.key if k.question == "forward-mults")
    page = json.loads(
        numbers.answer_at(key.question, f"c_o*c_i*k_h*k_w*m_h*m_w = {key.value}", lang)
    )
    assert page["verdict"] == "equivalent"
    unchecked = entry("reading.note.worked_number")[lang].partition("{numbers}")[2]
    assert unchecked not in page["feedback"], page["feedback"]
    assert text("variants.worked_checked", lang, numbers=str(key.value)) in page["feedback"]


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_the_ratio_where_the_increase_is_asked_is_not_the_value(lang):
    # s12exam E3: "By how many operations does the forward computation grow when the
    # padding doubles?" — 2.5 (operations after / before) was "Right under a convention"
    from fractions import Fraction

    from derivations.expr.evaluate import compile_node
    from derivations.messages import text
    from derivations.registry.misconceptions import misconception
    from derivations.variants.build import _alternatives
    from derivations.variants.key import environment

    variants = numbers.practice_variants(executed=True)
    student = variants.students[0]
    value = {k.question: k.value for k in student.key}
    ratio = Fraction(value["forward-ops"] + value["double-padding"], value["forward-ops"])
    for said in (str(ratio), f"{float(ratio):.4f}"):
        page = json.loads(numbers.answer_at("double-padding", said, lang))
        assert (page["verdict"], page["conventions"]) == ("not_equivalent", []), page
        # what it is and what is asked, as the misconception's hint says
        assert page["misconception"]["id"] == "ratio_for_increase", page
        assert misconception("ratio_for_increase").hint_text(lang) in page["feedback"], page
        assert text("variants.right", lang, value=value["double-padding"]) not in page["feedback"]
    credited = {
        compile_node(tree)(environment(student.layer))
        for tree, _ in _alternatives(variants, "double-padding")
    }
    assert ratio not in credited  # nor in the Moodle XML


# the ratio after/before of the padding's doubling, written as a formula (with m_h m_w,
# then written out), and its wrong twin (the ratio upside down, no known mistake): each
# is one reading, and its verdict on the formula question is the layer's
RATIOS = [
    ("floor((h - k_h + 2p_h + s_h)/s_h) floor((w - k_w + 2p_w + s_w)/s_w)/(m_h m_w)", True),
    (
        "((h-k_h+2p_h)//s_h+1)((w-k_w+2p_w)//s_w+1)/(((h-k_h+p_h)//s_h+1)((w-k_w+p_w)//s_w+1))",
        True,
    ),
    ("(m_h m_w)/(floor((h - k_h + 2p_h + s_h)/s_h) floor((w - k_w + 2p_w + s_w)/s_w))", False),
]


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("answer, the_ratio", RATIOS)
def test_a_ratio_has_one_verdict_on_the_formula_question_and_at_the_layer(answer, the_ratio, lang):
    # s14exam E20: the ratio was "Correct under a convention" on the formula question and
    # "not the value for your layer" at the layer, for the same reading
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr.evaluate import compile_node
    from derivations.variants.key import environment
    from tests.practice.test_archive import cli_json

    formula = cli_json("double-padding", answer, lang)
    student = numbers.practice_variants().students[0]
    at_layer = json.loads(numbers.answer_at("double-padding", answer, lang))
    value = compile_node(parse_answer(answer).tree)(environment(student.layer))
    number = json.loads(numbers.answer_at("double-padding", str(value), lang))
    assert formula["verdict"] == at_layer["verdict"] == number["verdict"] == "not_equivalent"
    named = [(r["misconception"] or {}).get("id") for r in (formula, at_layer, number)]
    assert named == ["ratio_for_increase" if the_ratio else None] * 3


# formulas typed into a question at the layer: right under a convention, right only
# where the stride divides (the floor left out), their wrong twins (s15exam E8: a factor
# left out, a ratio, twice the count), and right ones
AT_THE_LAYER = [
    ("output-height", "(h-k_h+p_h)/s_h+1"),
    ("output-height", "floor((h - k_h + 2 p_h + s_h)/s_h)"),
    ("output-height", "(h - k_h + 2 p_h)/s_h + 1"),
    ("output-height", "(h - k_h + p_h)//s_h + 2"),
    ("output-height", "floor((h - k_h + p_h + s_h)/s_h)"),
    ("forward-ops", "2 c_o c_i k_h k_w m_h m_w"),
    ("forward-ops", "c_o c_i k_h k_w m_h m_w"),
    ("forward-ops", "c_o c_i k_h k_w m_h m_w + 1"),
    ("forward-ops", "c_o m_h m_w (2 c_i k_h k_w - 1)"),
    ("forward-mults", "c_i k_h k_w m_h m_w"),
    ("forward-mults", "2 c_o c_i k_h k_w m_h m_w"),
    ("double-channels", "(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1)"),
]


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("question, formula", AT_THE_LAYER)
def test_a_formula_at_the_layer_has_the_verdict_of_its_value_there(question, formula, lang):
    # s14exam E17: the formula's verdict on every layer was the banner ("right only at
    # some layers", "right under a convention"), its value at the layer a closing
    # sentence ("which is not the value for your layer"); s15exam E8: a wrong formula's
    # diagnosis ("c_o times too small") beside that value gave the layer's value away
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr.evaluate import compile_node
    from derivations.messages import text
    from derivations.variants.key import environment

    student = numbers.practice_variants().students[0]
    key = next(k.value for k in student.key if k.question == question)
    value = compile_node(parse_answer(formula).tree)(environment(student.layer))
    page = json.loads(numbers.answer_at(question, formula, lang))
    number = json.loads(numbers.answer_at(question, str(value), lang))
    if value == key:  # the formula's verdict stands: right here (on some layers, or all)
        assert page["verdict"] in ("equivalent", "equivalent_under_convention"), page
        return
    assert (page["verdict"], page["conventions"], page["misconception"], page["restricted"]) == (
        number["verdict"],
        number["conventions"],
        number["misconception"],
        False,
    ), page
    # the number's words, said of the formula's value: nothing more
    said = number["feedback"].rstrip(" .。")
    assert page["feedback"] == text("variants.formula_not_here", lang, value=value, said=said)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_the_sheets_memory_mistake_is_named_at_the_layer(lang):
    # s13exam E20: the worked answer's common mistake "Memory is c_o c_i k_h k_w + h w"
    # was "not the value for your layer" alone; its wrong twin names no mistake
    from derivations.registry.misconceptions import misconception

    layer = numbers.practice_variants().students[0].layer
    params = layer.c_o * layer.c_i * layer.k_h * layer.k_w
    page = json.loads(numbers.answer_at("forward-memory", str(params + layer.h * layer.w), lang))
    assert page["misconception"]["id"] == "memory_mixed_units", page
    assert misconception("memory_mixed_units").hint_text(lang) in page["feedback"], page
    twin = json.loads(numbers.answer_at("forward-memory", str(params + layer.w), lang))
    assert (twin["verdict"], twin["misconception"]) == ("not_equivalent", None), twin


def _chinese(value: int) -> str:
    """``value`` (below ten thousand) in Chinese numerals as a student writes it: each
    digit with its unit, 零 where units are skipped (``一十二`` for 12, as 一百一十二)."""
    digits, said, skipped = "零一二三四五六七八九", "", False
    for digit, unit in zip(f"{value:04d}", ("千", "百", "十", "")):
        if digit == "0":
            skipped = bool(said)
            continue
        said += ("零" if skipped else "") + digits[int(digit)] + unit
        skipped = False
    return said


def test_the_tests_chinese_numerals_are_the_usual_ones():
    assert [_chinese(v) for v in (4, 12, 108, 1010, 1296)] == [
        "四",
        "一十二",
        "一百零八",
        "一千零一十",
        "一千二百九十六",
    ]


# the unit words a number question's answer may end in (a count, a size)
UNITS = {
    "forward-mults": ("", "次"),
    "forward-ops": ("",),
    "output-height": ("", "行"),
    "bias-size": ("", "个"),
}


@pytest.mark.parametrize("question, units", UNITS.items())
def test_a_number_in_chinese_numerals_is_the_number(question, units):
    # s15exam E6: 一千二百九十六, 十二, 四个, 四行 were "a sentence with no formula and no
    # factor"; the same number in digits is graded, and so is its wrong twin (one more)
    key = next(
        k.value for k in numbers.practice_variants().students[0].key if k.question == question
    )
    for value, verdict in ((key, "equivalent"), (key + 1, "not_equivalent")):
        for unit in units:
            page = json.loads(numbers.answer_at(question, _chinese(value) + unit, "zh"))
            digits = json.loads(numbers.answer_at(question, f"{value}{unit}", "zh"))
            assert page["verdict"] == digits["verdict"], (page, digits)
            assert page["feedback"] == digits["feedback"], (page, digits)
            assert page["verdict"] == verdict, page


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_factor_in_chinese_numerals_keeps_its_decimals(lang):
    # s15exam E6 addendum: 四点零四倍 ("4.04 times") was read as 4, right under the MACs
    # convention; now as 4.04, graded as the digits are, and the wrong twin (四点五倍)
    # as 4.5 is; the check reads the same
    from derivations.checking.checker import check

    for said, digits in (("四点零四倍", "4.04倍"), ("四点五倍", "4.5倍"), ("四倍", "4倍")):
        page = json.loads(numbers.answer_at("double-channels", said, lang))
        as_digits = json.loads(numbers.answer_at("double-channels", digits, lang))
        assert (page["verdict"], page["feedback"]) == (
            as_digits["verdict"],
            as_digits["feedback"],
        )
        checked, checked_digits = check("double-channels", said), check("double-channels", digits)
        assert checked.verdict == checked_digits.verdict, (checked, checked_digits)
    page = json.loads(numbers.answer_at("double-channels", "四点零四倍", lang))
    wrong = json.loads(numbers.answer_at("double-channels", "四点五倍", lang))
    assert page["verdict"] == "equivalent", page
    assert wrong["verdict"] == "not_equivalent", wrong
    assert check("double-channels", "四点零四倍").verdict == "not_equivalent"


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_number_said_approximately_or_as_arithmetic_in_a_symbol_is_the_number(lang):
    # s15exam E16: "approx. 1296" was graded as a constant formula at the checker's own
    # layers ("the right value is 648"); "c_o*324", whose value at the page's layer is
    # its value, was "not equivalent … your formula gives 1296, the value for your
    # layer"; each has a wrong twin one more
    layer = numbers.practice_variants().students[0].layer
    key = {k.question: k.value for k in numbers.practice_variants().students[0].key}
    mults, height = key["forward-mults"], key["output-height"]
    rows = [
        *(
            ("forward-mults", f"{word} {{}}", mults)
            for word in ("approx.", "ca.", "about", "roughly")
        ),
    ]
    for question, form, value in rows:
        for said, verdict in ((value, "equivalent"), (value + 1, "not_equivalent")):
            page = json.loads(numbers.answer_at(question, form.format(said), lang))
            assert page["verdict"] == verdict, (form, said, page)
    # c_o times the rest worked out is no number typed: wrong (s15rev F14, below), as its
    # twin one more is
    for said in (Fraction(mults, layer.c_o), Fraction(mults, layer.c_o) + 1):
        page = json.loads(numbers.answer_at("forward-mults", f"c_o*{said}", lang))
        assert page["verdict"] == "not_equivalent", (said, page)
    # a chain whose other side names the size asked: graded on its number, never on the
    # value of the name (m_h's, the key's, where the number is wrong)
    for said in (height - 1, height + 1):
        page = json.loads(numbers.answer_at("output-height", f"{said} = m_h", lang))
        assert page["verdict"] == "not_equivalent", page


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_wrong_formula_whose_value_here_is_the_key_is_not_right(lang):
    # s15rev F14: c_o on the output height (4 at the page's layer, as c_o is), c_i on the
    # width, m_h on the bias, a product with m_h left out and c_o twice were "right for
    # your layer": a formula is right when it is right in general and its value is the
    # layer's; a coincidence is said so, without the value.  Each wrong row has a right
    # twin (the question's formula), graded right.
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr.evaluate import compile_node
    from derivations.messages import text
    from derivations.variants.key import environment

    student = numbers.practice_variants().students[0]
    values = environment(student.layer)
    key = {k.question: k.value for k in student.key}
    gloss = {"en": "c_o (output channels)", "zh": "c_o（输出通道数）"}[lang]
    rows = [
        ("output-height", "c_o", "floor((h - k_h + p_h)/s_h) + 1"),
        ("output-height", gloss, "floor((h - k_h + p_h)/s_h) + 1"),
        ("output-width", "c_i", "floor((w - k_w + p_w)/s_w) + 1"),
        ("bias-size", "m_h", "c_o"),
        ("forward-mults", "c_o c_o c_i k_h k_w m_w", "c_o c_i k_h k_w m_h m_w"),
    ]
    for question, wrong, right in rows:
        for formula in (wrong, right):  # both worth the key here: the row's point
            assert compile_node(parse_answer(formula).tree)(values) == key[question], formula
        page = json.loads(numbers.answer_at(question, wrong, lang))
        assert page["verdict"] == "not_equivalent", (wrong, page)
        assert page["feedback"] == text("variants.formula_only_here", lang), page
        assert str(key[question]) not in page["feedback"]
        page = json.loads(numbers.answer_at(question, right, lang))
        assert page["verdict"] == "equivalent", (right, page)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_count_in_another_counting_in_brackets_is_checked(lang):
    # s15rev F1: "2544 (1000 MACs)", "1296 (2000 FLOPs)" were read as remarks: a count
    # said in brackets in a counting of its own is a count of the layer there (any of
    # its key's: 1296 MACs beside the backward operations, s14exam E14), or wrong
    from derivations.messages import text

    key = {k.question: k.value for k in numbers.practice_variants().students[0].key}
    mults, ops = key["forward-mults"], key["forward-ops"]
    macs = {"en": "MACs", "zh": "次乘加"}[lang]
    opened, closed = {"en": (" (", ")"), "zh": ("（", "）")}[lang]
    rows = [
        ("forward-ops", ops, f"{{}} {macs}", mults),
        ("forward-mults", mults, "{} FLOPs", ops),
        ("backward-ops", key["backward-ops"], f"{{}} {macs}", mults),
    ]
    for question, number, said, count in rows:
        for stated, right in ((count, True), (count + 1, False)):
            working = said.format(stated)
            answer = f"{number}{opened}{working}{closed}"
            page = json.loads(numbers.answer_at(question, answer, lang))
            if right:
                assert page["verdict"] == "equivalent", (answer, page)
            else:
                assert page["verdict"] == "not_equivalent", (answer, page)
                line = text("variants.count_not_here", lang, working=working)
                assert page["feedback"] == line, page
