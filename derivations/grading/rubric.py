"""The rubric: points per question, credit per verdict and per assumption, which
assumptions a course accepts, the feedback released to students, the answer columns of
a wide file.  Read from TOML or YAML (``rubric.toml`` beside this module is the default
and documents every key); a key left out keeps the default's value.  A bad rubric stops
with one line naming the file, the key and the value (each problem a catalogue text,
``grading.rubric_*``, said in the command's language where it is shown).

An *assumption* is one of the checker's named assumption ids a right answer made
(``per_side_padding``, ``macs``, ``big_o`` ...).  Internally they are ``assumptions``
(:attr:`Rubric.assumptions`); the public names stay as published: the rubric's TOML/YAML
table ``[conventions]``, the report's ``conventions`` column and JSON key, and the verdict
``equivalent_under_convention``.  "Convention" in the code means the padding convention.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from derivations.errors import DerivationError
from derivations.grading.escape import terminal
from derivations.grading.identifiers import resolve, suggestions
from derivations.grading.rubric_file import MAX_RUBRIC_BYTES, fail, parse_rubric, read_rubric
from derivations.messages import catalogue
from derivations.numbers import shown
from derivations.records import field, record
from derivations.store import package_files

__all__ = [
    "Rubric",
    "load_rubric",
    "default_rubric",
    "REVEALS",
    "GRADED_VERDICTS",
    "MAX_RUBRIC_BYTES",
    "format_points",
    "assumption_ids",
]

REVEALS = ("hint", "answer", "none")
ATTEMPTS = ("best", "last")
GRADED_VERDICTS = (
    "equivalent",
    "equivalent_under_convention",
    "not_equivalent",
    "invalid_input",
    "error",
)
MAX_POINTS = 10**6  # a question's points
_ASSUMPTION = "checker.assumption."


def assumption_ids() -> list[str]:
    """The checker's assumption ids (those a right answer may make), from its message
    catalogue, where each one is declared with its text."""
    return sorted(key[len(_ASSUMPTION) :] for key in catalogue() if key.startswith(_ASSUMPTION))


_KEYS = {
    "assignment",
    "reveal",
    "attempts",
    "points",
    "credit",
    "conventions",
    "accepted",
    "columns",
    "notation",
    "infer",
}


@record(frozen=True)
class Rubric:
    assignment: str
    reveal: str
    attempts: str
    points: dict  # question id -> Fraction; "default" for the rest
    credit: dict  # verdict -> Fraction in [0, 1]
    assumptions: dict  # assumption id -> Fraction in [0, 1] (the TOML table [conventions])
    accepted: frozenset | None
    columns: dict = field(default_factory=dict)  # answer column -> question id
    source: str = "default"
    notation: tuple = ()  # ((letter, formula), ...): the course's own letters ([notation])
    infer: bool = True  # letters no notation names are inferred by their role

    @property
    def reading(self) -> tuple:
        """What the checker is told about notation: (``{letter: formula}``, infer)."""
        return dict(self.notation), self.infer

    def points_for(self, question: str) -> Fraction:
        return self.points.get(question, self.points["default"])

    def share(self, verdict: str, assumptions) -> Fraction:
        """The share of a question's points this verdict and these assumptions earn."""
        share = self.credit.get(verdict, Fraction(0))
        for name in assumptions:
            if self.accepted is not None and name not in self.accepted:
                return Fraction(0)
            share *= self.assumptions.get(name, Fraction(0))
        return share

    def score(self, question: str, verdict: str, assumptions) -> Fraction:
        return self.points_for(question) * self.share(verdict, assumptions)

    @property
    def maximum(self) -> Fraction:
        return self.points["default"]


def format_points(value: Fraction) -> str:
    """A score as a decimal (at most 4 places, exact when it has fewer)."""
    if value.denominator == 1:
        return str(value.numerator)
    shown = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return shown


# a number as text: a plain decimal with a bounded exponent (never Decimal("1e999999999"),
# whose exact value has a billion digits)
_DECIMAL = re.compile(r"^[+-]?(\d{1,15}(\.\d{0,15})?|\.\d{1,15})([eE][+-]?\d{1,2})?$")


def _exact(source, entry, value) -> Fraction:
    """``value`` (an int, a float or a number written as text) as an exact fraction;
    only finite values with a bounded size are converted."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        fail(
            source,
            entry,
            DerivationError(key="grading.rubric_not_number", value=terminal(repr(value))),
        )
    if isinstance(value, int):
        return Fraction(value)  # no digits are read: compared to the bounds as it is
    if isinstance(value, float):
        if not math.isfinite(value):
            fail(source, entry, DerivationError(key="grading.rubric_not_finite", value=repr(value)))
        return Fraction(Decimal(repr(value)))
    if not _DECIMAL.match(value.strip()):
        fail(
            source,
            entry,
            DerivationError(key="grading.rubric_not_number", value=terminal(shown(value))),
        )
    return Fraction(Decimal(value.strip()))


def _number(source, entry, value, upper=MAX_POINTS) -> Fraction:
    """A value in [0, upper]: a question's points (at most MAX_POINTS) or a share (1)."""
    number = _exact(source, entry, value)
    if not 0 <= number <= upper:
        said = shown(value) if isinstance(value, int) else terminal(str(value))
        fail(
            source,
            entry,
            DerivationError(key="grading.rubric_not_between", value=said, upper=upper),
        )
    return number


def _mapping(source, entry, value) -> dict:
    if not isinstance(value, dict):
        fail(source, entry, DerivationError(key="grading.rubric_not_table"))
    return value


def _question(source, entry, name) -> str:
    found = resolve(str(name))
    if found is None:
        near = suggestions(str(name))
        fail(
            source,
            entry,
            DerivationError(
                key="grading.unknown_question_short",
                question=terminal(str(name)),
                near=", ".join(near) or "-",
            ),
        )
    return found


def _assumption(source, entry, name) -> str:
    known = assumption_ids()
    if name not in known:
        import difflib

        near = difflib.get_close_matches(str(name), known, n=3, cutoff=0.5)
        fail(
            source,
            entry,
            DerivationError(
                key="grading.unknown_assumption",
                assumption=terminal(str(name)),
                near=", ".join(near) or ", ".join(known),
            ),
        )
    return name


def _choice(source, entry, value, choices) -> str:
    if value not in choices:
        problem = DerivationError(
            key="grading.rubric_not_one_of", value=terminal(str(value)), known=", ".join(choices)
        )
        fail(source, entry, problem)
    return value


def _build(data: dict, base: Rubric | None, source: str) -> Rubric:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        problem = DerivationError(key="grading.rubric_unknown_key", known=", ".join(sorted(_KEYS)))
        fail(source, unknown[0], problem)
    points = dict(base.points) if base else {}
    for name, value in _mapping(source, "points", data.get("points", {})).items():
        qid = "default" if name == "default" else _question(source, f"points.{name}", name)
        points[qid] = _number(source, f"points.{name}", value)
    if "default" not in points:
        fail(source, "points.default", DerivationError(key="grading.rubric_missing"))
    credit = dict(base.credit) if base else {}
    for name, value in _mapping(source, "credit", data.get("credit", {})).items():
        _choice(source, f"credit.{name}", name, GRADED_VERDICTS)
        credit[name] = _number(source, f"credit.{name}", value, upper=1)
    assumptions = dict(base.assumptions) if base else {}
    # the published table name is [conventions]: it holds the credit of each assumption
    for name, value in _mapping(source, "conventions", data.get("conventions", {})).items():
        _assumption(source, f"conventions.{name}", name)
        assumptions[name] = _number(source, f"conventions.{name}", value, upper=1)
    accepted = base.accepted if base else None
    if "accepted" in data:
        if not isinstance(data["accepted"], list):
            fail(source, "accepted", DerivationError(key="grading.rubric_not_list"))
        accepted = frozenset(_assumption(source, "accepted", n) for n in data["accepted"])
    columns = dict(base.columns) if base else {}
    for name, value in _mapping(source, "columns", data.get("columns", {})).items():
        columns[str(name)] = _question(source, f"columns.{name}", value)
    notation = dict(base.notation) if base else {}
    for name, value in _mapping(source, "notation", data.get("notation", {})).items():
        notation[_letter(source, f"notation.{name}", name)] = _formula(
            source, f"notation.{name}", value
        )
    infer = data.get("infer", base.infer if base else True)
    if not isinstance(infer, bool):
        fail(source, "infer", DerivationError(key="grading.rubric_not_bool"))
    assignment = data.get("assignment", base.assignment if base else "")
    if not isinstance(assignment, str) or not assignment.strip() or len(assignment) > 200:
        fail(source, "assignment", DerivationError(key="grading.rubric_not_name"))
    return Rubric(
        assignment=assignment.strip(),
        reveal=_choice(
            source, "reveal", data.get("reveal", base.reveal if base else "hint"), REVEALS
        ),
        attempts=_choice(
            source, "attempts", data.get("attempts", base.attempts if base else "best"), ATTEMPTS
        ),
        points=points,
        credit=credit,
        assumptions=assumptions,
        accepted=accepted,
        columns=columns,
        source=source,
        notation=tuple(sorted(notation.items())),
        infer=infer,
    )


def _letter(source: str, entry: str, name) -> str:
    """A letter a course's notation declares (one ASCII letter)."""
    if not (isinstance(name, str) and len(name) == 1 and name.isascii() and name.isalpha()):
        fail(source, entry, DerivationError(key="grading.rubric_not_letter"))
    return name.upper()


def _formula(source: str, entry: str, value) -> str:
    """What a declared letter reads as: a formula in the book's symbols, read (never
    evaluated) by the checker's reader; refused when it does not read."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.parse import parse_answer

    if not isinstance(value, str):
        fail(source, entry, DerivationError(key="grading.rubric_bad_formula", reason="-"))
    try:
        parsed = parse_answer(value)
    except InvalidAnswer as error:
        reason = terminal(error.reason)
        fail(source, entry, DerivationError(key="grading.rubric_bad_formula", reason=reason))
    if any(name.startswith("?") for name in parsed.symbols):
        fail(source, entry, DerivationError(key="grading.rubric_bad_formula", reason=value))
    return value


def default_rubric() -> Rubric:
    raw = package_files().joinpath("grading").joinpath("rubric.toml").read_bytes()
    return _build(parse_rubric("rubric.toml", raw), None, "rubric.toml")


def load_rubric(path=None) -> Rubric:
    """The default rubric, overlaid with ``path`` (TOML, or YAML by its suffix)."""
    base = default_rubric()
    if path is None:
        return base
    source = str(path)
    return _build(read_rubric(path), base, source)
