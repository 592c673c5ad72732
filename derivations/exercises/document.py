"""The typed shape of a worked answer: what exercise modules build and templates render.

The schema lives here and nowhere else.  An exercise module defines ``build() ->
Exercise``, made by :func:`exercise` (its edition numbers and title come from
:mod:`derivations.registry.exercises`).  An :class:`Exercise` is language-neutral
structure: a sequence of frozen block dataclasses whose prose is a :data:`Text`, one
string per language, filled one way only, by :func:`.fields.fill` (strict: an unknown
or missing field is a keyed error): :func:`derivations.exercises.prose.say` for the
sentences of an exercise (``exercises/prose/<module>.yaml``, by key), :func:`message`
for the sheets' own words (``messages/sheets.yaml``); :func:`mistake` takes the
misconception catalogue's words (its ``sheet_why`` filled strictly, a plain explanation
as the checker says it); ``text(en=..., zh=...)`` is left for figure captions and alt
texts.
Prose may hold inline math as ``$...$`` (KaTeX/MathJax-compatible LaTeX) and inline
code as ```...```, nothing else (no Markdown markup: the LaTeX renderer escapes the
rest).  Templates dispatch on each block's ``type`` (a class constant).

Blocks:

* :class:`Heading`   ``text``                     -- a sub-heading
* :class:`Paragraph` ``text``
* :class:`Math`      ``latex, whole``             -- display math (whole: never cut)
* :class:`Result`    ``label, latex``             -- a closed form, set off
* :class:`Answer`    ``label, text``              -- the final answer of a sub-question, boxed
* :class:`Table`     ``header, rows``             -- Cell: str (may hold $..$) or Text
* :class:`Code`      ``code, language``
* :class:`Mistakes`  ``items`` of :class:`Mistake` -- "Common mistakes", by misconception id
* :class:`Figure`    ``key, caption, alt``        -- drawn by :mod:`derivations.figures`

Every number a sheet prints beside "executed" is made by :func:`checked`, which raises
:class:`CheckFailed` when the closed form and the executed count differ; every other
render-time check goes through :func:`require`.  :class:`CheckFailed` is a
:class:`~derivations.errors.DerivationError`: ``docs`` prints one line and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from derivations.errors import DerivationError
from derivations.exercises.checks import CheckFailed, checked, require
from derivations.exercises.fields import fill, require_filled

__all__ = [
    "Answer",
    "Block",
    "CheckFailed",
    "Code",
    "Exercise",
    "FIGURE_KEYS",
    "Figure",
    "Heading",
    "LANGS",
    "Math",
    "Mistake",
    "Mistakes",
    "Paragraph",
    "Result",
    "Table",
    "Text",
    "answer",
    "answers",
    "checked",
    "code",
    "exercise",
    "figure",
    "heading",
    "math",
    "message",
    "mistake",
    "mistakes",
    "paragraph",
    "require",
    "result",
    "table",
    "text",
]

LANGS = ("en", "zh")

Text = dict  # {"en": str, "zh": str}: made by text() or message(), never by hand

# The figures sheets-media draws (output/figures/<key>.svg and .pdf); HOUSE.md's list.
FIGURE_KEYS = (
    "compose-receptive-field",
    "padding-readings",
    "im2col-matrix",
    "padding-doubling-ratio",
    "strip-loads",
    "block-diagonal",
    "channel-shuffle",
    "network-costs",
)


def text(en: str, zh: str, **fields: object) -> Text:
    """One sentence in both languages, written in place (figure captions and alt texts;
    an exercise's own sentences are keyed, :func:`derivations.exercises.prose.say`).  With
    ``fields``, ``en`` and ``zh`` are templates filled by :func:`.fields.fill` (every
    field given, none unknown); either way a field left unfilled is an error."""
    if not (isinstance(en, str) and isinstance(zh, str)):
        raise TypeError(f"text() takes two strings, got {en!r}, {zh!r}")
    if fields:
        return {"en": fill(en, "text(en)", **fields), "zh": fill(zh, "text(zh)", **fields)}
    return {"en": require_filled(en, "text(en)"), "zh": require_filled(zh, "text(zh)")}


def message(key: str, /, **fields: object) -> Text:
    """The sheets' message ``key`` (``messages/sheets.yaml``) in both languages, filled
    by :func:`.fields.fill` (every field given, none unknown, none left unfilled)."""
    from derivations.messages import entry

    texts = entry(key)
    return {lang: fill(texts[lang], key, **fields) for lang in LANGS}


# --- blocks -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    text: Text
    type: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: Text
    type: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Math:
    """Display math; ``whole``: one formula the web page never cuts into lines (a matrix
    and its shape read together), its box scrolling sideways when a screen is too
    narrow for it."""

    latex: str
    whole: bool = False
    type: ClassVar[str] = "math"


@dataclass(frozen=True)
class Result:
    label: Text
    latex: str
    type: ClassVar[str] = "result"


@dataclass(frozen=True)
class Answer:
    """The final answer to one sub-question (``label``: which), set apart in a box;
    ``anchor`` (set by :func:`exercise`: ``<exercise id>-answer-<n>``) is where the
    sheet's answer key links to."""

    label: Text
    text: Text
    anchor: str = ""
    type: ClassVar[str] = "answer"


Cell = str | dict


@dataclass(frozen=True)
class Table:
    """``header`` and ``rows`` of cells; ``cards_on_phone``: its cells side by side do
    not fit a phone's 390 px (the browser tests measure it), so the web page shows it
    there as one card per row, each cell under its column's label."""

    header: tuple
    rows: tuple
    cards_on_phone: bool = False
    type: ClassVar[str] = "table"

    def tex_columns(self, lang: str) -> str:
        """The LaTeX column spec: :func:`derivations.exercises.layout.tex_columns`."""
        from derivations.exercises.layout import tex_columns

        return tex_columns(self, lang)

    @property
    def breaks_across_pages(self) -> bool:
        """:func:`derivations.exercises.layout.breaks_across_pages`."""
        from derivations.exercises.layout import breaks_across_pages

        return breaks_across_pages(self)


@dataclass(frozen=True)
class Code:
    """Source to show as it stands: one string, or a Text when its comments are said in
    each language (the code itself the same)."""

    code: Cell
    language: str = "python"
    type: ClassVar[str] = "code"


@dataclass(frozen=True)
class Mistake:
    """A wrong claim, why it is wrong, and the misconception it is (an id of
    ``registry/misconceptions.yaml``, shared with the checker's verdicts)."""

    misconception: str
    claim: Text
    why: Text


@dataclass(frozen=True)
class Mistakes:
    items: tuple
    type: ClassVar[str] = "mistakes"


@dataclass(frozen=True)
class Figure:
    """A picture sheets-media draws from checked numbers: ``key`` is one of
    :data:`FIGURE_KEYS`; ``caption`` and ``alt`` are Text."""

    key: str
    caption: Text
    alt: Text
    type: ClassVar[str] = "figure"


Block = Heading | Paragraph | Math | Result | Answer | Table | Code | Mistakes | Figure
BLOCK_TYPES = (Heading, Paragraph, Math, Result, Answer, Table, Code, Mistakes, Figure)


@dataclass
class Exercise:
    id: str
    numbers: dict  # {"en": int | None, "zh": int | None}: number in each edition
    title: Text
    statement: Text
    blocks: list = field(default_factory=list)
    book: dict = field(default_factory=dict)  # edition -> URL of the book's section


# --- constructors (what exercise modules call) ------------------------------------------
def exercise(id: str, statement: Text, blocks: list) -> Exercise:
    """The exercise ``id`` with its numbers and title from the registry."""
    from derivations.registry.exercises import BOOK_SECTION, EXERCISES

    try:
        info = EXERCISES[id]
    except KeyError:
        raise DerivationError(key="exercise.not_registered", id=repr(id)) from None
    for where, source in _strings(id, statement, blocks):
        require_filled(source, where)
    return Exercise(
        id=id,
        numbers={lang: info.number(lang) for lang in LANGS},
        title=dict(info.title),
        statement=statement,
        blocks=_anchored(id, blocks),
        book=dict(BOOK_SECTION),
    )


def _anchored(id: str, blocks: list) -> list:
    """``blocks`` with each :class:`Answer` given its anchor, ``<id>-answer-<n>``
    (``n`` from 1, in order); an exercise without an answer is an error."""
    out, count = [], 0
    for block in blocks:
        if isinstance(block, Answer):
            count += 1
            block = replace(block, anchor=f"{id}-answer-{count}")
        out.append(block)
    if not count:
        raise DerivationError(key="exercise.no_answer", id=id)
    return out


def answers(exercise: Exercise) -> list:
    """The exercise's :class:`Answer` blocks, in order (what the answer key lists)."""
    return [block for block in exercise.blocks if isinstance(block, Answer)]


def _said(value: object) -> tuple[str, ...]:
    """The strings of a cell, label or text: a Text's languages, or the one str."""
    if isinstance(value, dict):
        return tuple(value[lang] for lang in LANGS)
    return (value,) if isinstance(value, str) else ()


def _strings(id: str, statement: Text, blocks: list):
    """``(where, string)`` for every string exercise ``id`` prints, block by block
    (walked by type), so :func:`exercise` can refuse an unfilled field anywhere."""
    yield from ((f"{id}: statement", s) for s in _said(statement))
    for number, block in enumerate(blocks):
        where = f"{id}: block {number} ({block.type})"
        match block:
            case Heading(t) | Paragraph(t):
                parts: tuple = (t,)
            case Math(latex):
                parts = (latex,)
            case Result(label, latex):
                parts = (label, latex)
            case Answer(label, t):
                parts = (label, t)
            case Table(header, rows):
                parts = (*header, *(cell for row in rows for cell in row))
            case Code():
                parts = ()
            case Mistakes(items):
                parts = tuple(part for item in items for part in (item.claim, item.why))
            case Figure(_, caption, alt):
                parts = (caption, alt)
            case _:
                raise TypeError(f"{where}: not a block: {block!r}")
        yield from ((where, s) for part in parts for s in _said(part))


def heading(t: Text) -> Heading:
    return Heading(t)


def paragraph(t: Text) -> Paragraph:
    return Paragraph(t)


def math(latex: str, whole: bool = False) -> Math:
    return Math(latex, whole)


def result(label: Text, latex: str) -> Result:
    return Result(label, latex)


def answer(label: Text, t: Text) -> Answer:
    return Answer(label, t)


def table(header: list, rows: list, cards_on_phone: bool = False) -> Table:
    return Table(tuple(header), tuple(tuple(row) for row in rows), cards_on_phone)


def code(source: Cell, language: str = "python") -> Code:
    return Code(source, language)


def mistake(key: str, /, **fields: object) -> Mistake:
    """The misconception ``key`` of ``registry/misconceptions.yaml`` as a sheet item: its
    ``sheet_claim`` and ``sheet_why`` (``fields`` filled in) where the record has them (the
    checker's own misconceptions, whose plain-text wording is for a terminal), else its
    title as the claim and its explanation as why it is wrong; the checker's verdicts name
    the same id."""
    from derivations.registry.misconceptions import misconception

    record = misconception(key)
    if record.sheet_claim and record.sheet_why:  # the sheets' own, typeset wording
        return Mistake(
            key,
            claim=dict(record.sheet_claim),
            why={lang: fill(record.sheet_why[lang], key, **fields) for lang in LANGS},
        )
    return Mistake(
        key, claim=dict(record.title), why={lang: record.explain(lang, **fields) for lang in LANGS}
    )


def mistakes(*items: Mistake) -> Mistakes:
    """``mistakes(mistake(id, ...), ...)``: the "Common mistakes" of an exercise."""
    for item in items:
        if not isinstance(item, Mistake):
            raise TypeError(f"mistakes() takes Mistake items (see mistake()), got {item!r}")
    return Mistakes(tuple(items))


def figure(key: str, caption: Text, alt: Text) -> Figure:
    if key not in FIGURE_KEYS:
        raise DerivationError(
            key="exercise.unknown_figure", figure=repr(key), known=", ".join(FIGURE_KEYS)
        )
    return Figure(key, caption, alt)
