"""The rubric: points per question, credit per verdict and per assumption, which
assumptions a course accepts, the feedback released to students, the answer columns of
a wide file.  Read from TOML or YAML (``rubric.toml`` beside this module is the default
and documents every key); a key left out keeps the default's value.  A bad rubric stops
with one line naming the file, the key and the value (each problem a catalogue text,
``grading.rubric_*``, in the command's language).

An *assumption* is one of the checker's named assumption ids a right answer made
(``per_side_padding``, ``macs``, ``big_o`` ...).  Internally they are ``assumptions``
(:attr:`Rubric.assumptions`); the public names stay as published: the rubric's TOML/YAML
table ``[conventions]``, the report's ``conventions`` column and JSON key, and the verdict
``equivalent_under_convention``.  "Convention" in the code means the padding convention.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from typing import NoReturn

from derivations.errors import DerivationError
from derivations.grading.escape import terminal
from derivations.grading.identifiers import resolve, suggestions
from derivations.messages import catalogue, text

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
MAX_RUBRIC_BYTES = 1024 * 1024
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
}


@dataclass(frozen=True)
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


def _fail(source: str, key: str, problem: str, lang: str) -> NoReturn:
    """Stop: ``rubric SOURCE, KEY: PROBLEM`` (``problem`` already said in ``lang``)."""
    raise DerivationError(text("grading.bad_rubric", lang, path=source, key=key, problem=problem))


def _number(source, key, value, lang, upper=None) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        _fail(
            source, key, text("grading.rubric_not_number", lang, value=terminal(repr(value))), lang
        )
    try:
        number = Fraction(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        _fail(
            source, key, text("grading.rubric_not_number", lang, value=terminal(str(value))), lang
        )
    if number < 0 or (upper is not None and number > upper) or number > 10**6:
        shown = terminal(str(value))
        problem = (
            text("grading.rubric_not_between", lang, value=shown, upper=upper)
            if upper is not None
            else text("grading.rubric_negative", lang, value=shown)
        )
        _fail(source, key, problem, lang)
    return number


def _mapping(source, key, value, lang) -> dict:
    if not isinstance(value, dict):
        _fail(source, key, text("grading.rubric_not_table", lang), lang)
    return value


def _question(source, key, name, lang) -> str:
    found = resolve(str(name))
    if found is None:
        near = suggestions(str(name))
        _fail(
            source,
            key,
            text(
                "grading.unknown_question_short",
                lang,
                question=terminal(str(name)),
                near=", ".join(near) or "-",
            ),
            lang,
        )
    return found


def _assumption(source, key, name, lang) -> str:
    known = assumption_ids()
    if name not in known:
        import difflib

        near = difflib.get_close_matches(str(name), known, n=3, cutoff=0.5)
        _fail(
            source,
            key,
            text(
                "grading.unknown_assumption",
                lang,
                assumption=terminal(str(name)),
                near=", ".join(near) or ", ".join(known),
            ),
            lang,
        )
    return name


def _choice(source, key, value, choices, lang) -> str:
    if value not in choices:
        problem = text(
            "grading.rubric_not_one_of", lang, value=terminal(str(value)), known=", ".join(choices)
        )
        _fail(source, key, problem, lang)
    return value


def _build(data: dict, base: Rubric | None, source: str, lang: str) -> Rubric:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        problem = text("grading.rubric_unknown_key", lang, known=", ".join(sorted(_KEYS)))
        _fail(source, unknown[0], problem, lang)
    points = dict(base.points) if base else {}
    for name, value in _mapping(source, "points", data.get("points", {}), lang).items():
        qid = "default" if name == "default" else _question(source, f"points.{name}", name, lang)
        points[qid] = _number(source, f"points.{name}", value, lang)
    if "default" not in points:
        _fail(source, "points.default", text("grading.rubric_missing", lang), lang)
    credit = dict(base.credit) if base else {}
    for name, value in _mapping(source, "credit", data.get("credit", {}), lang).items():
        _choice(source, f"credit.{name}", name, GRADED_VERDICTS, lang)
        credit[name] = _number(source, f"credit.{name}", value, lang, upper=1)
    assumptions = dict(base.assumptions) if base else {}
    # the published table name is [conventions]: it holds the credit of each assumption
    for name, value in _mapping(source, "conventions", data.get("conventions", {}), lang).items():
        _assumption(source, f"conventions.{name}", name, lang)
        assumptions[name] = _number(source, f"conventions.{name}", value, lang, upper=1)
    accepted = base.accepted if base else None
    if "accepted" in data:
        if not isinstance(data["accepted"], list):
            _fail(source, "accepted", text("grading.rubric_not_list", lang), lang)
        accepted = frozenset(_assumption(source, "accepted", n, lang) for n in data["accepted"])
    columns = dict(base.columns) if base else {}
    for name, value in _mapping(source, "columns", data.get("columns", {}), lang).items():
        columns[str(name)] = _question(source, f"columns.{name}", value, lang)
    assignment = data.get("assignment", base.assignment if base else "")
    if not isinstance(assignment, str) or not assignment.strip() or len(assignment) > 200:
        _fail(source, "assignment", text("grading.rubric_not_name", lang), lang)
    return Rubric(
        assignment=assignment.strip(),
        reveal=_choice(
            source, "reveal", data.get("reveal", base.reveal if base else "hint"), REVEALS, lang
        ),
        attempts=_choice(
            source,
            "attempts",
            data.get("attempts", base.attempts if base else "best"),
            ATTEMPTS,
            lang,
        ),
        points=points,
        credit=credit,
        assumptions=assumptions,
        accepted=accepted,
        columns=columns,
        source=source,
    )


def _parse(source: str, raw: bytes, lang: str) -> dict:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = text(
            "grading.rubric_not_utf8", lang, byte=f"0x{raw[error.start]:02X}", offset=error.start
        )
        _fail(source, "-", problem, lang)
    if source.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            data = yaml.safe_load(content)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else "-"
            reason = terminal(str(getattr(error, "problem", error)))
            _fail(source, where, text("grading.rubric_bad_yaml", lang, reason=reason), lang)
    else:
        try:
            data = tomllib.loads(content)
        except tomllib.TOMLDecodeError as error:
            reason = terminal(str(error))
            _fail(source, "-", text("grading.rubric_bad_toml", lang, reason=reason), lang)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        _fail(source, "-", text("grading.rubric_not_keys", lang), lang)
    return data


def default_rubric(lang: str = "en") -> Rubric:
    raw = resources.files(__package__).joinpath("rubric.toml").read_bytes()
    return _build(_parse("rubric.toml", raw, lang), None, "rubric.toml", lang)


def load_rubric(path=None, lang: str = "en") -> Rubric:
    """The default rubric, overlaid with ``path`` (TOML, or YAML by its suffix)."""
    base = default_rubric(lang)
    if path is None:
        return base
    source = str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_RUBRIC_BYTES + 1)
    except OSError as error:
        raise DerivationError(
            text("grading.cannot_read", lang, path=source, reason=error.strerror or str(error))
        ) from None
    if len(raw) > MAX_RUBRIC_BYTES:
        raise DerivationError(text("grading.input_too_large", lang, path=source, limit="1 MiB"))
    return _build(_parse(source, raw, lang), base, source, lang)
