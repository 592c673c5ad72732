"""Export to Moodle: XML "calculated" questions, the closed form in Moodle's formula
syntax and the drawn layers as its dataset.

Moodle's formula syntax: wildcards in braces (``{c_i}``), ``+ - * /``, parentheses and
the functions ``floor``, ``ceil``, ``max``, ``min``, ``pow``.  One ``<question
type="calculated">`` per question, one private dataset definition per wildcard the
formula uses, one dataset item per student in roster order.  Moodle draws one item per
attempt (it cannot pin an item to a student; see the message ``variants.moodle_note``).
Every answer has Moodle's "nominal" tolerance of :mod:`.tolerance` (0 for a question
whose key is a whole number for every student, 0.005 for a ratio): the rule ``grade
--variants`` applies.  After the key's formula (100%), a question carries one answer per
catalogue variant under named conventions, with the default rubric's credit for them
(``alternatives``), in the order ``grade`` tries them.
"""

from __future__ import annotations

from fractions import Fraction
from xml.etree import ElementTree as ET

from derivations.errors import DerivationError
from derivations.expr import tree as ex
from derivations.variants.tolerance import tolerance

__all__ = ["moodle_formula", "moodle_xml"]


def _joined(name: str, args) -> str:
    """``name(a, b, c)`` as nested two-argument calls (``max(a, max(b, c))``)."""
    parts = [moodle_formula(a) for a in args]
    out = parts[-1]
    for part in reversed(parts[:-1]):
        out = f"{name}({part}, {out})"
    return out


# the other kinds Moodle writes: (before, between, after) the operands
_WRITTEN = {
    "add": ("(", " + ", ")"),
    "mul": ("(", "*", ")"),
    "div": ("(", "/", ")"),
    "neg": ("(-", "", ")"),
    "floor": ("floor(", "", ")"),
    "ceil": ("ceil(", "", ")"),
}


def moodle_formula(node: ex.Node) -> str:
    """``node`` in Moodle's formula syntax, fully parenthesised."""
    match node:
        case ex.Num(value):
            if isinstance(value, Fraction):
                return f"({value.numerator}/{value.denominator})"
            return f"({value})" if value < 0 else str(value)
        case ex.Sym(name):
            return "{" + name + "}"
        case ex.Pow(base, exponent):
            return f"pow({moodle_formula(base)}, {exponent})"
        case ex.Max(args) | ex.Min(args):
            return _joined(node.kind, args)
    if node.kind in _WRITTEN:
        before, between, after = _WRITTEN[node.kind]
        return before + between.join(map(moodle_formula, ex.children(node))) + after
    raise DerivationError(key="variants.no_moodle_formula", node=type(node).__name__)


def _text(parent: ET.Element, tag: str, value: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = value
    return element


def _plain(parent: ET.Element, tag: str, value) -> None:
    ET.SubElement(parent, tag).text = str(value)


def _percent(credit: Fraction) -> str:
    """A credit as Moodle's answer ``fraction`` attribute (percent): ``100``, ``12.5``."""
    value = credit * 100
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _answer(question, formula: str, credit: Fraction, ratio: bool) -> None:
    answer = _text(question, "answer", formula, fraction=_percent(credit))
    for tag, value in (
        ("tolerance", str(float(tolerance(ratio))) if ratio else "0"),
        ("tolerancetype", 2),  # nominal: |response - value| <= tolerance
        ("correctanswerformat", 1),  # decimal places
        ("correctanswerlength", 2 if ratio else 0),
    ):
        _plain(answer, tag, value)
    _text(answer, "feedback", "", format="html")


def _question(quiz, name, prompt, formulas, wildcards, rows, ratio: bool) -> None:
    """``formulas``: ``[(formula, credit), ...]``, the key's first."""
    question = ET.SubElement(quiz, "question", type="calculated")
    _text(question, "name", name)
    _text(question, "questiontext", prompt, format="html")
    _text(question, "generalfeedback", "", format="html")
    for tag, value in (
        ("defaultgrade", 1),
        ("penalty", "0.3333333"),
        ("hidden", 0),
        ("synchronize", 0),
        ("single", 0),
        ("answernumbering", "abc"),
        ("shuffleanswers", 0),
    ):
        _plain(question, tag, value)
    for formula, credit in formulas:
        _answer(question, formula, credit, ratio)
    for tag, value in (
        ("unitgradingtype", 0),
        ("unitpenalty", "0.1000000"),
        ("showunits", 3),
        ("unitsleft", 0),
    ):
        _plain(question, tag, value)
    definitions = ET.SubElement(question, "dataset_definitions")
    for wildcard in wildcards:
        values = [row[wildcard] for row in rows]
        definition = ET.SubElement(definitions, "dataset_definition")
        _text(definition, "status", "private")
        _text(definition, "name", wildcard)
        _plain(definition, "type", "calculated")
        _text(definition, "distribution", "uniform")
        _text(definition, "minimum", str(min(values)))
        _text(definition, "maximum", str(max(values)))
        _text(definition, "decimals", "0")
        _plain(definition, "itemcount", len(values))
        items = ET.SubElement(definition, "dataset_items")
        for number, value in enumerate(values, start=1):
            item = ET.SubElement(items, "dataset_item")
            _plain(item, "number", number)
            _plain(item, "value", value)
        _plain(definition, "number_of_items", len(values))


def moodle_xml(questions: list[dict], rows: list[dict]) -> bytes:
    """A Moodle XML quiz: ``questions`` are ``{"name", "prompt", "tree", "ratio",
    "shown", "alternatives"}`` (``shown``: the wildcards the prompt names beside the
    formula's; ``alternatives``: ``[(tree, credit), ...]``, further answers); ``rows``
    the students' symbol values (one dataset item each)."""
    quiz = ET.Element("quiz")
    for q in questions:
        answers = [(q["tree"], Fraction(1)), *q.get("alternatives", ())]
        wildcards = sorted(
            set().union(*(ex.symbols_in(tree) for tree, _ in answers)) | set(q.get("shown", ()))
        )
        formulas = [(moodle_formula(tree), credit) for tree, credit in answers]
        _question(quiz, q["name"], q["prompt"], formulas, wildcards, rows, q["ratio"])
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
