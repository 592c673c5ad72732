"""The plain-data shape of a worked answer: what exercise modules build and templates render.

An exercise module defines ``build() -> Exercise``.  An :class:`Exercise` is language-
neutral structure whose prose is :func:`text` (one string per language, ``en`` and
``zh``); templates turn it into Markdown or LaTeX.  Prose may hold inline math as
``$...$`` (KaTeX/MathJax-compatible LaTeX) and inline code as ```...```, nothing else
(no Markdown markup: the LaTeX renderer escapes the rest).

Blocks (plain dicts, ``type`` says which):

* ``heading``   ``{"text": Text}``                       -- a sub-heading
* ``paragraph`` ``{"text": Text}``
* ``math``      ``{"latex": str}``                        -- display math
* ``result``    ``{"label": Text, "latex": str}``          -- a final closed form, set off
* ``table``     ``{"header": [Cell], "rows": [[Cell]]}``   -- Cell: str (may hold $..$) or Text
* ``code``      ``{"language": str, "code": str}``
* ``mistakes``  ``{"items": [{"claim": Text, "why": Text}]}``

Every number a sheet prints beside "executed" is made by :func:`checked`, which raises
:class:`CheckFailed` when the closed form and the executed count differ: ``make docs``
aborts rather than print an unchecked number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CheckFailed", "Exercise", "LANGS", "checked", "code", "heading", "math",
           "mistakes", "paragraph", "result", "table", "text"]

LANGS = ("en", "zh")


class CheckFailed(AssertionError):
    """A number on a sheet disagrees with what was executed."""


def text(en: str, zh: str) -> dict:
    return {"en": en, "zh": zh}


@dataclass
class Exercise:
    id: str
    numbers: dict            # {"en": int | None, "zh": int | None}: number in each edition
    title: dict              # Text
    statement: dict          # Text
    blocks: list = field(default_factory=list)


def heading(t: dict) -> dict:
    return {"type": "heading", "text": t}


def paragraph(t: dict) -> dict:
    return {"type": "paragraph", "text": t}


def math(latex: str) -> dict:
    return {"type": "math", "latex": latex}


def result(label: dict, latex: str) -> dict:
    return {"type": "result", "label": label, "latex": latex}


def table(header: list, rows: list) -> dict:
    return {"type": "table", "header": header, "rows": rows}


def code(source: str, language: str = "python") -> dict:
    return {"type": "code", "language": language, "code": source}


def mistakes(*items: tuple) -> dict:
    """``mistakes((claim, why), ...)`` with each a Text."""
    return {"type": "mistakes", "items": [{"claim": c, "why": y} for c, y in items]}


def checked(what: str, closed_form: int, executed: int) -> int:
    """The value, once the closed form equals the executed count; else CheckFailed."""
    if closed_form != executed:
        raise CheckFailed(f"{what}: closed form gives {closed_form}, "
                          f"the instrumented convolution executed {executed}")
    return closed_form
