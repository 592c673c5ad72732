"""Grading an answer against the student's own layer.

A numeric answer (:mod:`.numeric`) is compared with the student's key by the one rule
of :mod:`.tolerance` (exact; within 0.005 for a ratio question), the rule the Moodle XML
carries.  A number that is not the key is compared with every variant of the question's catalogue (the same
variants the formula checker knows: per-side padding, MACs, FLOPs, bias counted, the
(n−1)-addition slip, one gradient of two, the named misconceptions) evaluated at the
student's layer: a match names the assumption or the misconception.  A formula answer is
checked by the formula checker (right on every valid layer, not only the student's) and
its value at the student's layer is added to the feedback; a number worked out after it
(``… = 45360``) is graded as a number too, and a wrong one makes the answer wrong.

``variants.json`` is a file we may not have written: it is read with a size cap and a
schema, and every student's layer is drawn again from the seed and the id and must equal
the file's; the key is recomputed from the closed forms and must equal the file's.
"""

from __future__ import annotations

import json
import math
import os
import re
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from derivations import records
from derivations.errors import DerivationError
from derivations.grading.outcome import Outcome, grade_answer
from derivations.messages import text
from derivations.model import CONVENTIONS
from derivations.numbers import shown
from derivations.registry.questions import QUESTIONS
from derivations.registry.symbols import BY_NAME, parameters
from derivations.variants.build import FORMAT, LAYER_FIELDS, ClassVariants, Student
from derivations.variants.draw import DRAW_VERSION, draw_layer
from derivations.variants.key import KeyValue, environment, reference_variant
from derivations.variants.numeric import CHINESE_NUMERAL, Numeral, read_number
from derivations.variants.tolerance import RATIO_PLACES, tolerance, within

if TYPE_CHECKING:
    from derivations.checking.reading.parse import Parsed

__all__ = ["load_variants", "grade_variant_answer", "variant_assumptions", "MAX_VARIANTS_BYTES"]

MAX_VARIANTS_BYTES = 64 << 20


def _read(folder) -> tuple[Path, dict]:
    path = Path(folder) / "variants.json" if Path(folder).is_dir() else Path(folder)
    try:
        with open(path, "rb") as stream:
            if not os.path.isfile(path):
                raise DerivationError(key="variants.file_not_regular", path=str(path))
            raw = stream.read(MAX_VARIANTS_BYTES + 1)
    except OSError as error:
        raise DerivationError(
            key="variants.file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    if len(raw) > MAX_VARIANTS_BYTES:
        raise DerivationError(
            key="variants.file_too_large", path=str(path), limit=MAX_VARIANTS_BYTES
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise DerivationError(
            key="variants.file_not_json", path=str(path), reason=str(error)[:80]
        ) from None
    return path, data


def load_variants(folder) -> ClassVariants:
    """The class variants written by ``variants`` into ``folder``, validated."""
    from derivations.variants.key import key_values_closed

    path, data = _read(folder)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DerivationError(key="variants.file_wrong_format", path=str(path), format=FORMAT)
    if data.get("distribution") != DRAW_VERSION:
        raise DerivationError(
            key="variants.file_other_draw",
            path=str(path),
            drawn=repr(str(data.get("distribution"))[:40]),
            draws=repr(DRAW_VERSION),
        )
    seed, padding, questions = data.get("seed"), data.get("padding"), data.get("questions")
    if (
        not isinstance(seed, str)
        or padding not in CONVENTIONS
        or not isinstance(questions, list)
        or not all(isinstance(q, str) for q in questions)
    ):
        raise DerivationError(key="variants.file_malformed", path=str(path))
    students = []
    for number, record in enumerate(data.get("students") or [], start=1):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise DerivationError(key="variants.file_no_id", path=str(path), student=number)
        layer = draw_layer(seed, record["id"], padding)
        stated = record.get("layer")
        if stated != {name: getattr(layer, name) for name in LAYER_FIELDS}:
            raise DerivationError(
                key="variants.file_layer_changed", path=str(path), student=repr(record["id"][:40])
            )
        key = tuple(key_values_closed(layer, questions))
        if record.get("key") != {k.question: str(k.value) for k in key}:
            raise DerivationError(
                key="variants.file_key_changed", path=str(path), student=repr(record["id"][:40])
            )
        students.append(Student(record["id"], layer, key))
    if not students:
        raise DerivationError(key="variants.file_no_student", path=str(path))
    return ClassVariants(seed, padding, tuple(questions), tuple(students))


def _same(numeral: Numeral, value, ratio: bool) -> bool:
    """``numeral`` states ``value`` by the rule of :mod:`.tolerance`."""
    return within(numeral.value, value, ratio)


def _variant_values(question: str, student: Student, padding: str):
    """Each catalogue variant with its value at the student's layer (undefined: None)."""
    from derivations.checking.deciding.catalogue import entry
    from derivations.expr.evaluate import Undefined, compile_node

    env = environment(student.layer)
    found = entry(question)
    reference = reference_variant(found, padding)
    for variant in found.variants:
        if variant is reference:
            continue
        try:
            yield variant, compile_node(variant.tree)(env)
        except (Undefined, ArithmeticError):
            continue


def _number_rules_out(question: str) -> tuple:
    """The conventions ``question``'s number question rules out in its own words
    (:attr:`.Question.number_rules_out`: the forward output the backward peak's question
    says is not counted, s13exam E4)."""
    from derivations.registry.questions import question as find_question

    return find_question(question).number_rules_out


def ruled_out_by_the_ask(variant, question: str) -> tuple:
    """The conventions of catalogue ``variant`` that ``question``'s number question
    rules out in its own words (:func:`_number_rules_out`)."""
    return tuple(name for name in variant.conventions if name in _number_rules_out(question))


def not_of_the_layer(variant, padding: str, question: str) -> bool:
    """Whether catalogue ``variant``'s value at a student's layer is no value for that
    layer under any counting: it reads the padding otherwise than a course that states
    it as ``padding`` (per side where the course says total, total where it says per
    side) and its value depends on the padding (another layer's: the padding's reading
    changes the layer, not how one layer is counted, s11exam F17), or it is right only
    under a convention ``question``'s words rule out (:func:`ruled_out_by_the_ask`).
    ``grade --variants`` and the Moodle XML's alternatives both ask this."""
    from derivations.expr.tree import symbols_in

    if ruled_out_by_the_ask(variant, question):
        return True
    return variant.padding != padding and bool(symbols_in(variant.tree) & {"p_h", "p_w"})


def variant_assumptions(variant, padding: str) -> tuple:
    """The named assumptions a catalogue variant makes in a course reading padding as
    ``padding``, its reading of the padding left out (the course states it: a variant
    that reads it otherwise is another layer's, :func:`not_of_the_layer`)."""
    return tuple(name for name in variant.conventions if name != "per_side_padding")


def _assumption_text(name: str, lang: str) -> str:
    return text(f"checker.assumption.{name}", lang)


def _assumed(outcome: Outcome, lang: str) -> str:
    """The assumptions ``outcome`` is right under, as one phrase."""
    separator = text("checker.phrase.list_separator", lang)
    return separator.join(_assumption_text(n, lang) for n in outcome.assumptions)


def _under(names, lang: str) -> str:
    """The line of a number right for the layer under the assumptions ``names``; one
    the sheet's conventions rule out (exact counting, no bias, memory in elements: every
    rule of :data:`.questions.BOOK_RULES`) is named so, with what they count instead
    (s13exam E17: "2592" was "right … under the convention" alone)."""
    from derivations.checking.explaining.feedback import own_counting
    from derivations.registry.questions import Rule

    separator = text("checker.phrase.list_separator", lang)
    assumptions = separator.join(_assumption_text(n, lang) for n in names)
    own = own_counting(names, tuple(Rule))
    if own is None:
        return text("variants.under_assumption", lang, assumptions=assumptions)
    return text(
        "variants.under_ruled_out",
        lang,
        assumptions=assumptions,
        own=text(f"checker.own_counting.{own}", lang),
    )


def _numeric(
    question: str,
    numeral: Numeral,
    key: KeyValue,
    student: Student,
    padding: str,
    lang: str,
    reveal: str,
    ratio: bool = False,
) -> Outcome:
    from derivations.registry.misconceptions import misconception

    expected = text("variants.expected", lang, value=key.value)
    if _same(numeral, key.value, ratio):
        line = (
            text("variants.right_within", lang, tolerance=float(tolerance(ratio)))
            if numeral.value != key.value
            else text("variants.right", lang, value=key.value)
        )
        return Outcome(
            "equivalent", feedback=line, student_feedback=line, parsed=str(numeral.value)
        )
    plain_match = mistaken = elsewhere = None
    for variant, value in _variant_values(question, student, padding):
        if not _same(numeral, value, ratio):
            continue
        if variant.misconception is None and not_of_the_layer(variant, padding, question):
            elsewhere = elsewhere or variant
        elif variant.misconception is None and plain_match is None:
            plain_match = variant
        elif variant.misconception is not None and mistaken is None:
            mistaken = variant
    if plain_match is not None:
        names = variant_assumptions(plain_match, padding)
        line = _under(names, lang)
        return Outcome(
            "equivalent_under_convention",
            assumptions=names,
            feedback=_then(line, expected, lang),
            student_feedback=line,
            parsed=str(numeral.value),
        )
    if elsewhere is not None:  # another layer's value: its padding read the other way
        line = _other_layer(elsewhere, question, student, padding, lang)
        return Outcome(
            "not_equivalent",
            feedback=_then(line, expected, lang),
            student_feedback=_then(line, expected, lang) if reveal == "answer" else line,
            parsed=str(numeral.value),
        )
    if mistaken is not None:
        record = misconception(mistaken.misconception)
        # the title is said alone where no hint follows: the hint restates it in words
        if reveal == "none":
            said = text("variants.near_miss", lang, mistake=record.title[lang])
        elif reveal == "hint":
            said = text("variants.near_miss_hint", lang, hint=record.hint_text(lang))
        else:
            said = text(
                "variants.near_miss_value", lang, hint=record.hint_text(lang), value=key.value
            )
        return Outcome(
            "not_equivalent",
            misconception=record.id,
            feedback=text(
                "variants.near_miss_value", lang, hint=record.explain(lang), value=key.value
            ),
            student_feedback=said,
            parsed=str(numeral.value),
        )
    line = (_rounding(numeral, key.value, lang) if ratio else None) or text("variants.wrong", lang)
    if reveal != "answer" and ratio and numeral.decimals is not None:
        # why this decimal misses (cut off, too few places) says the value's digits: the
        # student is told only the rule, the same for every wrong decimal
        said = text("variants.wrong_decimal", lang, tolerance=float(tolerance(ratio)))
    else:
        said = _then(line, expected, lang) if reveal == "answer" else line
    return Outcome(
        "not_equivalent",
        feedback=_then(line, expected, lang),
        student_feedback=said,
        parsed=str(numeral.value),
    )


def _other_layer(variant, question: str, student: Student, padding: str, lang: str) -> str:
    """The line of a number that is ``variant``'s value, no value for the layer
    (:func:`not_of_the_layer`): not the value the question asks (under a convention its
    words rule out), or the layer it is the value of (the same padding read the other
    way; with the variant's other assumptions, when it makes any)."""
    ruled = ruled_out_by_the_ask(variant, question)
    if ruled:
        return _ruled_out_line(ruled, lang)
    layer = student.layer
    shown_padding = (
        text("variants.padding_value.same", lang, p=layer.p_h)
        if layer.p_h == layer.p_w
        else text("variants.padding_value.two", lang, p_h=layer.p_h, p_w=layer.p_w)
    )
    line = text(f"variants.other_padding.{variant.padding}", lang, padding=shown_padding)
    names = variant_assumptions(variant, padding)
    if not names:
        return line
    separator = text("checker.phrase.list_separator", lang)
    return text(
        "variants.other_padding_under",
        lang,
        line=line,
        assumptions=separator.join(_assumption_text(n, lang) for n in names),
    )


def _ruled_out_line(names, lang: str) -> str:
    """The line of an answer right at the layer only under the conventions ``names``,
    which the number question's own words rule out (:func:`ruled_out_by_the_ask`)."""
    separator = text("checker.phrase.list_separator", lang)
    return text(
        "variants.ruled_out",
        lang,
        assumptions=separator.join(_assumption_text(n, lang) for n in names),
    )


def _then(first: str, second: str, lang: str) -> str:
    """Two clauses of one feedback line, joined as ``lang`` joins them."""
    return text("checker.phrase.list_separator", lang).join((first, second))


def _along_an_axis(question: str) -> bool:
    """Whether ``question`` asks for a size along one axis (the output's height or
    width: counted in rows or columns)."""
    from derivations.checking.deciding.catalogue import entry

    shape = entry(question).question.shape
    return shape is not None and shape.axis is not None


def _with_note(outcome: Outcome, note: str, lang: str) -> Outcome:
    """``outcome`` with ``note`` after both its feedback lines (:func:`_noted`)."""
    return records.replace(
        outcome,
        feedback=_noted(outcome.feedback, note, lang),
        student_feedback=_noted(outcome.student_feedback, note, lang),
    )


def _noted(line: str, note: str, lang: str) -> str:
    """``line`` and then ``note``: a clause of it (:func:`_then`), or a sentence of its
    own (``Note: …``) after a line that ends one."""
    if line.rstrip().endswith((".", "。")):
        return f"{line} {text('checker.phrase.note', lang, note=note)}"
    return _then(line, note, lang)


def _rounding(numeral: Numeral, value, lang: str) -> str | None:
    """Why a decimal that is not within the tolerance of a ratio ``value`` misses it,
    where its digits are the value's: cut off after its places instead of rounded,
    or rounded to fewer places than the question asks; None otherwise."""
    places = numeral.decimals
    if places is None or value is None:
        return None
    scale = 10**places
    cut, rounded = (Fraction(f(value * scale), scale) for f in (math.floor, round))
    if places < RATIO_PLACES and numeral.value in (cut, rounded):
        return text("variants.too_few_places", lang, places=places, asked=RATIO_PLACES)
    if numeral.value == cut:
        return text("variants.truncated", lang, places=places, asked=RATIO_PLACES)
    return None


def _parsed(answer: str) -> Parsed | None:
    """The checker's reading of ``answer`` (:func:`~derivations.checking.reading.parse.
    parse_answer`), or None when it cannot be read (its :class:`DerivationError`: the
    checker then says why).  Any other exception is a bug: it surfaces, and the batch's
    guard (:func:`derivations.grading.workers._grade`) makes it this row's ``error``."""
    from derivations.checking.reading.parse import parse_answer

    try:
        return parse_answer(answer)
    except DerivationError:
        return None


def _bound_sign(answer: str) -> str | None:
    """The sign of a bound (:data:`.languages.BOUND_SIGNS`) opening ``answer`` before a
    number (``>1296``, ``≥ 4``), or None (a console's ``>>>`` prompt is none)."""
    from derivations.checking.reading.languages import BOUND_SIGNS

    body = answer.strip() if isinstance(answer, str) else ""
    sign = next((s for s in sorted(BOUND_SIGNS, key=len, reverse=True) if body.startswith(s)), None)
    rest = body[len(sign) :] if sign else ""
    if sign is None or rest.startswith((">", "<")) or read_number(rest) is None:
        return None
    return sign


def _label_after(answer: str, parsed: Parsed | None) -> str | None:
    """``answer`` written as a label and a number the reader would multiply or grade as a
    formula, rewritten ``label = number`` (as a label before a number is judged:
    :func:`.checker.words_refusal`): English words before the number (``height 4``, read
    as h × 4; ``multiplications 1296``, refused as naming the count), or a number, one
    ``=`` and a lone name (``4 = m_h``, ``4 = c_o``, ``4 = 输出高度``; graded as the
    number at other layers); None for anything else (a chain with a formula, ``1296 =
    c_o c_i k_h k_w m_h m_w``, is the checker's; s15exam E16)."""
    from derivations.checking.checker import reads_as_label
    from derivations.expr import tree as ex

    before = _WORDS_NUMBER.fullmatch(answer)
    if before and read_number(before["number"]) and (parsed is None or parsed.symbols):
        if not reads_as_label(before["words"]):
            return None  # not 4, maybe 1296: words no label data read, the checker's
        named = _parsed(before["words"])  # a name (height, multiplications), no bound's
        if named is not None and isinstance(named.tree, ex.Sym):  # words (at least 4)
            return f"{before['words']} = {before['number']}"  # height 4: not h × 4
    if parsed is None or len(parsed.sides) != 1 or parsed.parts:
        return None
    if not isinstance(parsed.tree, ex.Sym) or ex.symbols_in(parsed.sides[0]):
        return None
    sides = re.split(r"[=＝]", answer)
    if len(sides) != 2 or read_number(sides[0]) is None or read_number(sides[1]) is not None:
        return None
    if not reads_as_label(sides[1]):
        return None  # 4 = k, 1296 = A: a lone letter no label data read as a name
    return f"{sides[1].strip()} = {sides[0].strip()}"


# English words (two letters or more each, no symbol's underscore) and a number after
# them: a label, ``height 4``, ``multiplications 1296`` (``c_o 324`` is a product)
_WORDS_NUMBER = re.compile(
    r"\s*(?P<words>[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})*)\s*[:：]?\s+(?P<number>[^\s=]+)\s*[.。]?\s*"
)


def _formula_value(parsed: Parsed | None, student: Student):
    """The value of the formula ``parsed`` at the student's layer, or None (unread,
    undefined there, or a value too large for the expression language)."""
    from derivations.expr.evaluate import compile_node

    if parsed is None:
        return None
    try:
        return compile_node(parsed.tree)(environment(student.layer))
    except Exception:
        return None


def _plain_number(parsed: Parsed) -> bool:
    """Whether ``parsed`` is one number, perhaps negated, with no arithmetic around it
    (``four``, ``1296 multiplications``, ``约 4.04 倍``, ``-1296``): graded as the number,
    never echoed as "4 = 4: your arithmetic" (s10exam2 F10)."""
    from derivations.expr import tree as ex

    tree = parsed.tree.x if isinstance(parsed.tree, ex.Neg) else parsed.tree
    return isinstance(tree, ex.Num) and not parsed.sides


def _arithmetic(parsed: Parsed | None) -> Numeral | None:
    """The number a constant expression states (``4*3*9*12``, ``210+108+48``,
    ``(10-3+4+3)//3``, ``1296 MACs``, ``1464 bytes``: no symbol, no big-O, every side of a chain
    ``4*3*9*12 = 1296`` the same value), evaluated exactly by the
    expression language's evaluator; None for anything else (a formula, or a constant
    that is undefined)."""
    from derivations.expr import tree as ex
    from derivations.expr.evaluate import compile_node

    if parsed is None or parsed.symbols or parsed.parts or ex.BigO in parsed.kinds:
        return None
    values = set()
    for tree in (parsed.tree, *parsed.sides):
        if ex.symbols_in(tree) or ex.BigO in ex.kinds_in(tree):
            return None
        try:
            values.add(compile_node(tree)({}))
        except Exception:  # undefined (1/0) or too large: the formula checker says why
            return None
    if len(values) != 1:
        return None
    (value,) = values
    return Numeral(Fraction(value), None)


def _balanced(text: str) -> bool:
    """Whether every bracket of ``text`` (ASCII or full-width) closes, in order."""
    depth = 0
    for char in text:
        depth += (char in "(（") - (char in ")）")
        if depth < 0:
            return False
    return depth == 0


def _value_shown(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(value)


def _with_working(answer: str) -> tuple[Numeral, str, Fraction | None] | None:
    """``(number, working, value)`` of an answer written as a number with its working
    after it in brackets (``4 (floor of 14/3)``, ``1296 (= 4 x 3 x 9 x 12)``, ``4（14/3
    向下取整）``): the number, the working as written, and the working's value where it
    is arithmetic with no symbol, in elements where it says bytes (None: words, a
    remark, or a count stating a counting, MACs or FLOPs).  None when ``answer`` is not so
    written, or its working names a symbol (``2 (c_o c_i k_h k_w m_h m_w)`` is a product,
    graded as the formula it is)."""
    import re

    match = re.fullmatch(
        r"\s*(?P<number>[^()（）]+?)\s*[(（](?P<working>.+)[)）]\s*[.。]?\s*", answer, re.S
    )
    number = read_number(match["number"]) if match else None
    if match is None or number is None or not _balanced(match["working"]):
        return None
    working = " ".join(match["working"].split())
    parsed = _parsed(working.lstrip("=＝ "))
    if parsed is not None and parsed.symbols:
        return None
    constant = _arithmetic(parsed)
    if constant is None or cast("Parsed", parsed).counting:
        # words, or a count in a counting of its own (4752 (1296 MACs): another count
        # of the layer, not this number's working; s14exam E14)
        return number, working, None
    if cast("Parsed", parsed).unit == "bytes":  # 684 elements (2736 bytes): in elements
        from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES

        return number, working, constant.value / DTYPE_BYTES[DEFAULT_DTYPE]
    return number, working, constant.value


def _operation_said(working: str) -> bool:
    """Whether the words ``working`` in brackets after a number state an operation on
    it, as the checker judges a remark after a formula (:func:`.informal.
    states_operation`: ``plus one``, ``squared``, ``加一``); words with a number in them
    are the number's working, judged by their value (``14/3 向下取整``)."""
    from derivations.checking.reading.informal import states_operation

    return not any(char.isdigit() for char in working) and states_operation(working)


def _remark_refused(working: str) -> str | None:
    """The reason the checker refuses the words ``working`` in brackets after a number
    as it refuses the same remark after a formula: ``remark_operation`` for an operation
    (:func:`_operation_said`: ``plus one``), ``remark_negates`` for a remark that only
    denies the answer (:func:`.informal.negation`: ``wrong``, ``不对``); else None."""
    from derivations.checking.reading.informal import negation

    if _operation_said(working):
        return "remark_operation"
    return "remark_negates" if negation(working) else None


def _no_count_here(variants, student, working: str, lang: str, symbolic: bool) -> bool:
    """Whether ``working`` (a bracket's text after a number) is a count said in a
    counting of its own (``1000 MACs``, ``2000 FLOPs``: :attr:`.Parsed.counting`) that
    is no right answer to any question of ``student``'s key, graded as that answer
    (s15rev F1: ``2544 (1000 MACs)`` was read as a remark; ``4752 (1296 MACs)``, the
    layer's forward MACs beside its backward operations, stays one, s14exam E14)."""
    parsed = _parsed(working.lstrip("=＝ "))
    if parsed is None or not parsed.counting or _arithmetic(parsed) is None:
        return _count_with_words(variants, student, working, lang, symbolic)
    return not any(
        _right(
            grade_variant_answer(variants, student.id, k.question, working, lang, "none", symbolic)
        )
        for k in student.key
    )


def _count_with_words(variants, student, working: str, lang: str, symbolic: bool) -> bool:
    """Whether ``working`` is a number and then words, the number none of the layer's
    sizes (a second count, ``2000 with bias``; not ``3 input channels``), that is no
    right answer of ``student``'s key with its words read as a remark on it (``2592
    if counting FLOPs`` is the layer's FLOPs: kept a remark; s16rev F16: ``1296 (2000
    with bias)`` was read as a remark)."""
    import re

    match = re.fullmatch(r"\s*([0-9]+)\s+([^0-9]+?)\s*", working)
    if match is None or int(match[1]) in environment(student.layer).values():
        return False
    said = f"{match[1]} ({match[2]})"
    return not any(
        _right(grade_variant_answer(variants, student.id, k.question, said, lang, "none", symbolic))
        for k in student.key
    )


def _size_words() -> tuple[str, ...]:
    """The unit words a size may end in (``variants.size_units``, every language's)."""
    from derivations.messages import entry

    words = {w.strip() for said in entry("variants.size_units").values() for w in said.split(",")}
    return tuple(sorted(words, key=len, reverse=True))


def _size_word(answer: str) -> tuple[Numeral, str] | None:
    """The number and the size word (``variants.size_units``) of ``4 rows``, ``4 (rows)``,
    ``3列``, ``3 cols.``; None when ``answer`` is not a number followed by one."""
    import re

    words = "|".join(map(re.escape, _size_words()))
    unit = rf"(?P<open>[(（])?\s*(?P<unit>{words})\s*(?(open)[)）])"
    chinese = "".join(sorted(CHINESE_NUMERAL))  # (四行: a number in Chinese numerals)
    match = re.fullmatch(
        rf"\s*(?P<number>.*?[\d.{chinese}])\s*{unit}\s*[.。]?\s*",
        answer if isinstance(answer, str) else "",
        re.I,
    )
    number = read_number(match.group("number")) if match else None
    return (number, match.group("unit")) if match and number is not None else None


def _shape_size(question: str, answer: str) -> tuple[Numeral, str, str, str] | None:
    """The number of the size asked in a shape of two numbers written height by width
    (``4 × 3``, ``4 x 3``, ``4 by 3``) answering one size along an axis (the first for
    the height, the second for the width, as the checker reads a shape of two formulas:
    :func:`.second_look.two_sizes`), the shape as written, that number as written, and
    the words before the shape (``输出为 4×3``, ``the output is 4 x 3``: judged as before
    the number alone; "" for none); None otherwise (s12adv: ``4 × 3`` answering
    output-height was graded as 12; s15exam E16: so was ``输出为 4×3``)."""
    import re

    from derivations.registry.questions import question as find_question

    shape = find_question(question).shape
    if shape is None or shape.axis is None or not isinstance(answer, str):
        return None
    match = re.fullmatch(
        r"(?P<words>[^\d=＝]*?[^\W\d_][:：]?\s*|\s*)(?P<shape>(\S+?)\s*"
        r"(?:×|(?<![A-Za-z])[xX](?![A-Za-z])|\bby\b)\s*(\S+?))\s*[.。]?\s*",
        answer,
    )
    if match is None:
        return None
    parts = match.groups()[2:]
    sizes = [read_number(part) for part in parts]
    if None in sizes:
        return None
    shown = " ".join(match["shape"].split())
    return cast(Numeral, sizes[shape.axis]), shown, parts[shape.axis], match["words"].strip()


# closing marks that change what a number means (3! is 6): dropped and said, where a
# closing comma (4, 1296，) is only punctuation
_SAID_MARKS = ("!", "！")


@cache
def _scaling_words() -> re.Pattern:
    """What words in brackets after a number may say that changes it: a scale
    (:data:`.numeric.SCALE_WORDS`, its Chinese and SI prefixes alone, ``×10^3``,
    ``e3``), a multiplier (:func:`.languages.multiplier_words`: twice, times, 倍, half) or
    a rate (:data:`.languages.RATE_WORDS`: per, each, 每)."""
    from derivations.checking.reading.languages import (
        RATE_WORDS,
        multiplier_words,
        words_pattern,
    )
    from derivations.variants.numeric import CHINESE_SCALES, SCALE_WORDS, SI_PREFIXES

    latin = [w for w in (*SCALE_WORDS, *RATE_WORDS) if w.isascii()]
    other = [w for w in (*SCALE_WORDS, *RATE_WORDS, *CHINESE_SCALES) if not w.isascii()]
    latin_words = words_pattern(*latin)
    other_words = words_pattern(*other)
    prefixes = "|".join(map(re.escape, SI_PREFIXES))
    return re.compile(
        rf"(?<![A-Za-z])(?:{latin_words})(?![A-Za-z])|{other_words}|(?<!\w)(?:{prefixes})(?!\w)"
        r"|10\s*\^|(?<=\d)[eE][+-]?\d|" + multiplier_words().pattern,
        re.I,
    )


def _scaled_count(answer: str) -> str | None:
    """``answer`` with its number written whole where it is a number with a scale
    (an SI prefix, 万: :func:`.numeric.read_number`) followed by a count word
    (:data:`.informal.COUNT_WORDS`: ``2.544k FLOPs``, ``1.296k MACs``, ``1.296k 次乘法``):
    read as a formula the prefix k was the kernel size (s14rev F13); None otherwise."""
    from derivations.checking.reading.informal import COUNT_WORDS

    words = sorted(COUNT_WORDS, key=len, reverse=True)
    match = re.fullmatch(
        rf"\s*(?P<number>\S+?)\s*(?P<word>{'|'.join(map(re.escape, words))})\s*[.。]?\s*",
        answer if isinstance(answer, str) else "",
        re.I,
    )
    if match is None or _PLAIN_DIGITS.fullmatch(match["number"]):
        return None
    number = read_number(match["number"])
    if number is None or number.value.denominator != 1:
        return None
    return f"{number.value.numerator} {match['word']}"


# a number written with digits alone (no scale to write whole)
_PLAIN_DIGITS = re.compile(r"[0-9.,]+")


def _worked_checked(said: str, lang: str) -> str:
    """``said`` with the checker's notes on the worked numbers of a chain
    (``reading.note.worked_number``) and on a total after the answer
    (``reading.note.total_after``: a layer the question does not give, not checked)
    said instead as checked at the student's layer (``variants.worked_checked``,
    ``variants.total_checked``)."""
    import re

    from derivations.messages import entry

    for note, field, checked in (
        ("reading.note.worked_number", "numbers", "variants.worked_checked"),
        ("reading.note.total_after", "number", "variants.total_checked"),
    ):
        head, _, tail = entry(note)[lang].partition("{" + field + "}")

        def checked_line(found: re.Match, checked: str = checked, field: str = field) -> str:
            return text(checked, lang, **{field: found["value"]})

        said = re.sub(re.escape(head) + r"(?P<value>.+?)" + re.escape(tail), checked_line, said)
    return said


def _right(outcome: Outcome) -> bool:
    return outcome.verdict in ("equivalent", "equivalent_under_convention")


def _counting_checked(
    outcome: Outcome,
    question: str,
    counting: str | None,
    unit: str | None,
    key,
    lang: str,
    reveal: str,
) -> Outcome:
    """``outcome`` of a number said with a count word ``counting`` (``1296 MACs``, ``2544
    FLOPs``) or a ``unit`` (``1464 bytes``, ``366 elements``, ``366 个``: a parsed
    answer's :attr:`.Parsed.counting` and :attr:`.Parsed.unit`, a numeral's
    :attr:`.Numeral.unit`): not_equivalent (``count_word_disagrees``,
    ``unit_word_disagrees``) where the word states another counting or unit than the
    value matched (bytes of a count in elements, elements of one in bytes), as the
    checker judges a formula said with it (:func:`.checker.counting_clash`,
    :func:`.checker.unit_clash`); right under the convention the word makes
    (:func:`.checker.counting_assumptions`: ``1296 FLOPs`` for the multiplications);
    else ``outcome``."""
    from derivations.checking.checker import (
        UNIT_MISLABELLED,
        counting_assumptions,
        counting_clash,
        mislabelling,
        unit_clash,
    )
    from derivations.checking.deciding.catalogue import entry
    from derivations.registry.misconceptions import misconception

    right = outcome.verdict in ("equivalent", "equivalent_under_convention")
    if not right:
        return outcome
    if counting is not None and counting_clash(counting, outcome.assumptions, entry(question)):
        record = misconception(mislabelling(entry(question)))
    elif unit_clash(unit, outcome.assumptions):
        record = misconception(UNIT_MISLABELLED)
    elif made := [
        c for c in counting_assumptions(counting, entry(question)) if c not in outcome.assumptions
    ]:  # 1296 FLOPs for the multiplications: right under that convention, said
        names = (*outcome.assumptions, *made)
        line = _under(names, lang)
        return records.replace(
            outcome,
            verdict="equivalent_under_convention",
            assumptions=names,
            feedback=line,
            student_feedback=line,
        )
    else:
        return outcome
    # the number is the layer's (s12exam E10: it was "not the value for your layer"), or
    # its count only under a convention, which is said (s14exam E7: "1296 FLOPs" was
    # "right for your layer", where 1296 is its MACs); its word is the mistake
    if outcome.verdict == "equivalent":
        kind, fields = "variants.word_disagrees", {}
    else:
        kind, fields = "variants.word_disagrees_under", {"assumptions": _assumed(outcome, lang)}
    if reveal == "none":
        said = text(kind, lang, mistake=record.title[lang], **fields)
    elif reveal == "hint":
        said = text(f"{kind}_hint", lang, hint=record.hint_text(lang), **fields)
    else:
        said = text(f"{kind}_value", lang, hint=record.hint_text(lang), value=key.value, **fields)
    return Outcome(
        "not_equivalent",
        misconception=record.id,
        feedback=text(f"{kind}_value", lang, hint=record.explain(lang), value=key.value, **fields),
        student_feedback=said,
        parsed=outcome.parsed,
    )


def _words_checked(
    outcome: Outcome,
    question: str,
    answer: str,
    parsed: Parsed | None,
    unit: str,
    lang: str,
    reveal: str,
) -> Outcome:
    """``outcome`` of a number right at the layer, refused as ``check`` refuses a right
    formula under the same words (:func:`.checker.words_refusal`: ``m_w = 4``, ``the
    output width is 4``, ``padded height = 4``, ``1296 additions`` answering the
    multiplications, the size word ``unit`` of the other axis: ``4 columns`` answering
    output-height), its feedback the checker's; else ``outcome`` (s12adv)."""
    from derivations.checking.checker import words_refusal

    if not _right(outcome):
        return outcome
    error = words_refusal(question, parsed, unit)
    if error is None:
        return outcome
    return _refused(question, answer, error, lang, reveal, outcome.parsed)


def _refused(question: str, answer: str, error: dict, lang: str, reveal: str, parsed=None):
    """The invalid_input outcome of ``answer`` refused with ``error`` (a checker
    result's ``error``), its feedback the checker's."""
    from derivations.checking.explaining.feedback import feedback
    from derivations.checking.result import Result

    result = Result(question, answer, "invalid_input")
    result.error = error
    line = feedback(result, lang, reveal=reveal)
    return Outcome("invalid_input", feedback=line, student_feedback=line, parsed=parsed)


def _memory_unit_refused(
    question: str, answer: str, word: str | None, lang: str, reveal: str
) -> Outcome | None:
    """The refusal ``check`` gives a memory's unit ``word`` after a count of operations or
    a size along one axis (:func:`.checker.memory_unit_refusal`: ``1296 bytes`` answering
    the multiplications, ``4 elements`` the output height; s15exam E3), whatever the
    number; None otherwise."""
    from derivations.checking.checker import memory_unit_refusal

    error = memory_unit_refusal(question, word or "")
    return None if error is None else _refused(question, answer, error, lang, reveal)


def _summed_term_refused(parsed: Parsed, student: Student, question: str, lang: str):
    """not_equivalent when a term of a sum of counts, each said with its word (``1248
    multiplications + 1296 additions``: :func:`~derivations.checking.checker.
    summed_terms_named`), is not the student's value of the count its word names (its
    key; s15rev F5: the sum was right with both words swapped); None otherwise."""
    from derivations.checking.checker import summed_terms_named
    from derivations.registry.questions import question as find_question

    for term, word, named in summed_terms_named(find_question(question), parsed.notes):
        key = next((k for k in student.key if k.question == named), None)
        value = _arithmetic(_parsed(term))
        if key is None or (value is not None and within(value.value, key.value, False)):
            continue
        line = text("variants.summed_term_other", lang, term=term, word=word)
        return Outcome("not_equivalent", feedback=line, student_feedback=line, parsed=term)
    return None


def _not_here(general: Outcome, here: Outcome, value, lang: str) -> Outcome:
    """The outcome of a formula (``general``, the checker's verdict on every layer) whose
    value at the student's layer is not the key: that value graded as a number
    (``here``: the layer is what the question asks), its verdict and its line, as the
    number typed would get (s14exam E17: the banner was the formula's "right only at
    some layers", "right under a convention"; s15exam E8: a wrong formula's diagnosis,
    "c_o times too small", beside its value gave the hidden value away).  The formula's
    own feedback follows in the full feedback only (``feedback``: the teacher's)."""

    def said(line: str) -> str:
        return text("variants.formula_not_here", lang, value=value, said=line.rstrip(" .。"))

    return records.replace(
        here,
        feedback=text(
            "variants.formula_general", lang, line=said(here.feedback), general=general.feedback
        ),
        student_feedback=said(here.student_feedback),
        parsed=general.parsed,
    )


def _increase_refused(
    parsed: Parsed, number: Numeral, grade, question: str, answer: str, lang: str, reveal: str
) -> Outcome | None:
    """The refusal of a factor said ``增加 N 倍`` (:func:`.checker.increase_said`) whose
    two readings, N and N + 1 times, ``grade`` at the layer tells apart, as ``check``
    refuses it (s13exam E9); None otherwise."""
    from derivations.checking.checker import increase_refusal, increase_said
    from derivations.checking.explaining.feedback import feedback
    from derivations.checking.result import Result

    said = increase_said(parsed.notes)
    if said is None:
        return None
    more = grade(Numeral(Fraction(said["more"]), number.decimals))
    if grade(number).verdict == more.verdict:
        return None
    result = Result(question, answer, "invalid_input")
    result.error = increase_refusal(said)
    line = feedback(result, lang, reveal=reveal)
    return Outcome("invalid_input", feedback=line, student_feedback=line, parsed=str(number.value))


# a bracket's text (ASCII or full-width brackets)
_BRACKETED = re.compile(r"[(（](?P<body>[^()（）]*)[)）]")


# the layer's fields a stated parameter is compared with, per axis (one field without
# one: the groups), from the symbol registry
def _stated_is(stated, held: int, layer) -> bool:
    """Whether a remark's stated value (:class:`.informal.Stated`) is ``held``, the
    layer's value of one of its symbols: a padding said in a word may be the other
    reading's too (per side where the layer's convention counts it in all, in all where
    it counts it per side; s15rev F2: any padding was read as total or half, whatever
    the convention); the book's letter (p_h) only as the layer's convention counts it."""
    if stated.value == held:
        return True
    padding = {info.name for info in parameters()["padding"]}
    if stated.letter or not set(stated.symbols) <= padding:
        return False
    per_side = layer.padding_convention == "per-side"
    return stated.value == (2 * held if per_side else Fraction(held, 2))


def _other_layer_stated(answer: str, layer, lang: str, question: str = "") -> Outcome | None:
    """The refusal of an answer whose remark in brackets offers another answer (``1296
    (or 2592)``: two answers, s15exam E12), makes it a bound (``4 (or more)``) or states a parameter's value the student's
    layer does not have (``4 (stride 2)`` where the stride is 3: a value right for the
    layer said to be for another, s14exam E14's twin) or names a property of a layer no
    reading places (:func:`.informal.unplaced_property`: ``1296 (output padding 1)``,
    ``4 (same padding)``, ``4 (rounded up)`` where the layer's sizes round down; the
    CLI's ``checker.reason.remark_unplaced``), naming the remark (and the
    layer's values); None when every value stated is the layer's (a padding may be its
    total or its half, per side) or none is stated."""
    from derivations.checking.reading.informal import (
        alternative,
        bounded_remark,
        other_under_a_reading,
        stated_parameters,
        unplaced_property,
    )

    for match in _BRACKETED.finditer(answer):
        if alternative(match["body"]) or other_under_a_reading(match["body"]):
            # 1296 (or 2592), 4 (5 with per-side padding): two answers (s15exam E12)
            line = text("reading.alternative", lang, remark=match["body"].strip())
            return Outcome("invalid_input", feedback=line, student_feedback=line)
        if bounded_remark(match["body"]):  # 4 (or more): a bound (s15rev F16)
            line = text("reading.trail_bounds", lang, text=match["body"].strip())
            return Outcome("invalid_input", feedback=line, student_feedback=line)
        for stated in stated_parameters(match["body"]):
            fields = tuple(BY_NAME[name].attribute for name in stated.symbols)
            held = [getattr(layer, field) for field in fields]
            if all(_stated_is(stated, v, layer) for v in held):
                continue
            shown = ", ".join(f"{f} = {v}" for f, v in zip(fields, held, strict=True))
            line = text(
                "variants.remark_other_layer", lang, remark=match["body"].strip(), layer=shown
            )
            return Outcome("invalid_input", feedback=line, student_feedback=line)
        # the layer's sizes round down (the book's floor), whatever the question
        passes = QUESTIONS[question].passes if question in QUESTIONS else None
        unplaced = unplaced_property(match["body"], frozenset({"floor"}), passes)
        if unplaced is not None:
            remark, words = match["body"].strip(), unplaced[1]
            line = text("checker.reason.remark_unplaced", lang, remark=remark, words=words)
            return Outcome("invalid_input", feedback=line, student_feedback=line)
    return None


def grade_variant_answer(
    variants: ClassVariants,
    student_id: str,
    question: str,
    answer: str,
    lang: str = "en",
    reveal: str = "hint",
    symbolic: bool = True,
) -> Outcome:
    """Grade ``answer`` to ``question`` against ``student_id``'s own layer; never raises
    for anything the answer holds (``symbolic``: a formula's optional SymPy stages, as
    :func:`derivations.grading.outcome.grade_answer`'s)."""
    student = variants.student(student_id)
    if student is None:
        line = text("variants.unknown_student", lang, student=student_id[:60], folder="variants")
        return Outcome("invalid_input", feedback=line, student_feedback=line)
    key = next((k for k in student.key if k.question == question), None)
    from derivations.checking.reading.informal import padding_reading, stated_parameters

    elsewhere = (
        _other_layer_stated(answer, student.layer, lang, question) if key is not None else None
    )
    if elsewhere is not None:
        return elsewhere
    numeral = read_number(answer)
    sign = _bound_sign(answer) if key is not None and numeral is None else None
    if sign is not None:  # >1296: a bound, not the value (s15exam E16)
        error = {"reason": "", "position": 0, "id": "reading.lead_bounds", "fields": {"text": sign}}
        return _refused(question, answer, error, lang, reveal)
    whole = _scaled_count(answer) if key is not None and numeral is None else None
    if whole is not None:  # 2.544k FLOPs: the number the prefix says, then its word
        return grade_variant_answer(variants, student_id, question, whole, lang, reveal)

    def grade(number: Numeral) -> Outcome:
        return _numeric(
            question,
            number,
            cast(KeyValue, key),
            student,
            variants.padding,
            lang,
            reveal,
            variants.ratio(question),
        )

    if numeral is not None and key is not None:  # (366 elements, 366 个: its unit)
        refused = _memory_unit_refused(question, answer, numeral.word, lang, reveal)
        if refused is not None:
            return refused
        outcome = _counting_checked(grade(numeral), question, None, numeral.unit, key, lang, reveal)
        if numeral.unit and _right(outcome) and _along_an_axis(question):
            # 4 elements for a height: the word is no unit of it (s12exam E12), said
            return _with_note(outcome, text("variants.elements_for_size", lang), lang)
        return outcome
    sized = _size_word(answer) if key is not None else None
    if sized is not None:  # 4 rows, 3 列: the number, its unit word dropped and said so
        number, unit = sized
        outcome = _words_checked(grade(number), question, answer, None, unit, lang, reveal)
        if outcome.verdict == "invalid_input":
            return outcome  # 4 columns answering output-height
        return _with_note(outcome, text("variants.size_unit_dropped", lang, unit=unit), lang)
    pair = _shape_size(question, answer) if key is not None else None
    if pair is not None:  # 4 × 3: the height and the width, never their product
        number, shape, written, words = pair
        shaped = (
            grade_variant_answer(
                variants, student_id, question, f"{words} {written}", lang, reveal, symbolic
            )
            if words  # 输出为 4×3: the words said before the height alone (输出为 4)
            else grade(number)
        )
        if shaped.verdict == "invalid_input":
            return shaped  # the input is 4 × 3: its words refused
        return _with_note(shaped, text("variants.shape_size", lang, shape=shape), lang)
    parsed = _parsed(answer)
    flipped = _label_after(answer, parsed) if key is not None else None
    if flipped is not None:  # 4 = m_h, 4 = c_o: the name = the number, as m_h = 4 is read
        return grade_variant_answer(variants, student_id, question, flipped, lang, reveal, symbolic)
    if parsed is None and key is not None:
        # a closing comma (4, 1296，) is dropped as the checker drops it (its second
        # look), so the number is graded at the layer as 4. and 4; are (s11exam F13)
        from derivations.checking.reading.second_look import trailing

        cut = trailing(answer)
        if cut is not None:
            numeral = read_number(cut[0])
            mark = dict(cut[1].fields)["mark"]
            if numeral is not None and mark not in _SAID_MARKS:
                return grade(numeral)
            if numeral is not None:  # 3! is a factorial: the mark dropped is said (E11)
                note = text("variants.mark_dropped", lang, mark=mark, number=cut[0].strip())
                return _with_note(grade(numeral), note, lang)
            parsed = _parsed(cut[0])
    scaled = _with_working(answer) if key is not None else None
    if (
        scaled is not None
        and _scaling_words().search(scaled[1])
        and scaled[2] != scaled[0].value
        and not stated_parameters(scaled[1])  # 4 (k = 3): the layer's, checked above
        and not padding_reading(scaled[1])  # 6 (per-side padding): the padding's reading
    ):
        # 1296 (in thousands), 1296 (times 2), 1296（每个输出通道）: not the number graded,
        # whether the reading dropped the words as a remark or read them as working
        line = text("variants.bracket_scales", lang, inside=scaled[1])
        return Outcome("invalid_input", feedback=line, student_feedback=line)
    shown_work = (
        _with_working(answer)
        if key is not None and (parsed is None or not _plain_number(parsed))
        else None
    )
    if shown_work is not None:  # a number, its working in brackets: never multiplied in
        number, working, value = shown_work
        refusal = _remark_refused(working) if value is None else None
        if refusal is not None:
            # 4 (plus one), 4（加一）, 4 (wrong): the CLI's judges of a remark (c_o (plus
            # one), c_o (wrong))
            from derivations.checking.checker import _error_of
            from derivations.checking.reading.errors import refuse

            error = _error_of(refuse(refusal, 0, remark=working))
            return _refused(question, answer, error, lang, reveal)
        if value is None and _no_count_here(variants, student, working, lang, symbolic):
            line = text("variants.count_not_here", lang, working=working)
            return Outcome(
                "not_equivalent", feedback=line, student_feedback=line, parsed=str(number.value)
            )
        if value is not None and not within(value, number.value, variants.ratio(question)):
            line = text(
                "variants.working_disagrees",
                lang,
                working=working,
                value=_value_shown(value),
                number=_value_shown(number.value),
            )
            expected = text("variants.expected", lang, value=cast(KeyValue, key).value)
            return Outcome(
                "not_equivalent",
                feedback=_then(line, expected, lang),
                student_feedback=_then(line, expected, lang) if reveal == "answer" else line,
                parsed=str(number.value),
            )
        kind = "working_remark" if value is None else "working_agrees"
        return _with_note(grade(number), text(f"variants.{kind}", lang, working=working), lang)
    constant = _arithmetic(parsed) if key is not None else None
    if constant is not None:  # a number shown as its arithmetic: graded as that number
        from derivations.expr.printers import to_unicode

        said = cast("Parsed", parsed)
        refused = _increase_refused(said, constant, grade, question, answer, lang, reveal)
        if refused is None:
            from derivations.checking.checker import memory_unit_word

            word = memory_unit_word(said.notes)
            refused = _memory_unit_refused(question, answer, word, lang, reveal)
        if refused is None:
            refused = _summed_term_refused(said, student, question, lang)
        if refused is not None:
            return refused
        outcome = _counting_checked(
            grade(constant), question, said.counting, said.unit, key, lang, reveal
        )
        outcome = _words_checked(outcome, question, answer, said, "", lang, reveal)
        if _plain_number(cast("Parsed", parsed)):
            return outcome  # a number said in words or with a unit: no arithmetic to echo
        read = f"{to_unicode(cast('Parsed', parsed).tree)} = {outcome.parsed}"
        return records.replace(
            outcome,
            feedback=text("variants.arithmetic", lang, read=read, said=outcome.feedback),
            student_feedback=text(
                "variants.arithmetic", lang, read=read, said=outcome.student_feedback
            ),
            parsed=read,
        )
    outcome = grade_answer(question, answer, lang, reveal, symbolic)
    ruled = [name for name in outcome.assumptions if name in _number_rules_out(question)]
    if key is not None and _right(outcome) and ruled:  # a formula under one (s13exam E4)
        line = _ruled_out_line(ruled, lang)
        return Outcome(
            "not_equivalent", feedback=line, student_feedback=line, parsed=outcome.parsed
        )
    # on the student's own layer the number is the answer asked: a right formula, then a
    # number worked out from it (c_o c_i k_h k_w m_h m_w = 45360) that is no right number
    # there as :func:`_numeric` grades it alone, is wrong (s11adv: it was accepted, the
    # number only said in "your formula gives")
    if key is not None and _right(outcome):
        from derivations.checking.reading.second_look import total_stated, worked_values

        def worked(value) -> Outcome:  # graded alone, its chain's counting (FLOPs = …) said
            alone = grade(Numeral(value, None))
            if parsed is None:
                return alone
            return _counting_checked(
                alone, question, parsed.counting, parsed.unit, key, lang, reveal
            )

        worked_out = worked_values(answer)
        total = total_stated(answer)  # (…，共 4 个: the total at the layer, checked too)
        worked_out += [total] if total is not None else []
        unread = next((said for said, v in worked_out if v is None), None)
        if unread is not None:  # (= 1/0, = (((1): never a number the layer gives)
            line = text("variants.worked_unread", lang, said=shown(unread.strip()))
            return Outcome(
                "invalid_input", feedback=line, student_feedback=line, parsed=outcome.parsed
            )
        slip = next((v for _, v in worked_out if v is not None and not _right(worked(v))), None)
        if slip is not None:
            line = text(
                "variants.worked_other",
                lang,
                said=shown(int(slip)) if slip.denominator == 1 else slip,
            )
            expected = text("variants.expected", lang, value=key.value)
            return Outcome(
                "not_equivalent",
                feedback=_then(line, expected, lang),
                student_feedback=_then(line, expected, lang) if reveal == "answer" else line,
                parsed=outcome.parsed,
            )
        if worked_out:  # each checked right at the layer just above: said so (the
            # checker's note calls them another layer's values, not checked)
            outcome = records.replace(
                outcome,
                feedback=_worked_checked(outcome.feedback, lang),
                student_feedback=_worked_checked(outcome.student_feedback, lang),
            )
    value = _formula_value(parsed, student) if outcome.verdict != "invalid_input" else None
    if value is None:
        return outcome
    # whether the formula's value is the key's: said, the key itself never (hint level)
    other = key is not None and not within(Fraction(value), key.value, variants.ratio(question))
    # (only a formula read alone: the checker may grade one side of a chain, ``5 = m_h``
    # as 5, where the parse's tree is m_h, whose value is the key)
    alone = parsed is not None and not parsed.sides and not parsed.parts
    if alone and other:
        return _not_here(outcome, grade(Numeral(Fraction(value), None)), value, lang)
    if alone and key is not None and outcome.verdict == "not_equivalent":
        # a formula wrong on other layers whose value here is the key (c_o for the output
        # height, c_o*324): right is the number or the formula, never a coincidence of
        # the two (s15rev F14); said without the value or the formula's diagnosis
        line = text("variants.formula_only_here", lang)
        return Outcome(
            "not_equivalent",
            feedback=text("variants.formula_general", lang, line=line, general=outcome.feedback),
            student_feedback=line,
            parsed=outcome.parsed,
        )
    note = text("variants.formula_value", lang, value=value)
    return Outcome(
        outcome.verdict,
        outcome.assumptions,
        outcome.misconception,
        f"{outcome.feedback} {note}",
        f"{outcome.student_feedback} {note}",
        outcome.parsed,
        outcome.counterexample,
        outcome.budget,
        outcome.restricted,
    )
