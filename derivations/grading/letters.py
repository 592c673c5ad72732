"""A student's feedback letter, in the three forms a teacher pastes or sends: plain text
(a Canvas comment, an email), HTML (Moodle's feedback box, an HTML email) and Markdown.

One :class:`Letter` (what it says: plain strings, said in the run's language) is written
by :func:`plain`, :func:`html` and :func:`markdown`; each escapes for where it lands and
for nothing else, so no backslash or entity shows where it is pasted:

- plain: control and bidirectional-override characters shown as ``\\uXXXX``, nothing
  else changed;
- HTML: ``& < > " '`` as entities, the answer in ``<code>``, line breaks kept;
- Markdown: as :mod:`.escape` says (backslash escapes, which a Markdown viewer hides).
"""

from __future__ import annotations

import html as _html

from derivations.grading.escape import markdown_code, markdown_text, visible
from derivations.records import field, record

__all__ = ["Section", "Letter", "plain", "html", "markdown", "FORMATS"]

FORMATS = {"txt": "plain", "html": "html", "md": "markdown"}  # file suffix -> writer


@record(frozen=True)
class Section:
    """One answered question: its heading, the answer and its lines of feedback."""

    heading: str  # "<question id> — <title>"
    answer_label: str  # "Your answer:"
    answer: str
    score: str  # "Score: 1 of 2"
    feedback: str = ""


@record
class Letter:
    title: str
    student: str  # "Student: Ana Souza (20101)"
    sections: list[Section] = field(default_factory=list)
    total: str = ""


def _line(value: str) -> str:
    return visible(value.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


def _block(value: str) -> str:
    return visible(value.replace("\r\n", "\n").replace("\r", "\n"), keep="\n")


def plain(letter: Letter) -> str:
    lines = [_line(letter.title), "", _line(letter.student), ""]
    for section in letter.sections:
        lines += [
            _line(section.heading),
            f"  {_line(section.answer_label)} {_line(section.answer)}",
            f"  {_line(section.score)}",
        ]
        if section.feedback:
            lines += ["", _block(section.feedback)]
        lines.append("")
    lines += [_line(letter.total), ""]
    return "\n".join(lines)


def _h(value: str) -> str:
    return _html.escape(_line(value), quote=True)


def html(letter: Letter) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{_h(letter.title)}</title></head><body>",
        f"<h1>{_h(letter.title)}</h1>",
        f"<p>{_h(letter.student)}</p>",
    ]
    for section in letter.sections:
        parts += [
            f"<h2>{_h(section.heading)}</h2>",
            "<ul>",
            f"<li>{_h(section.answer_label)} <code>{_h(section.answer)}</code></li>",
            f"<li>{_h(section.score)}</li>",
            "</ul>",
        ]
        if section.feedback:
            shown = _html.escape(_block(section.feedback), quote=True).replace("\n", "<br>\n")
            parts.append(f"<p>{shown}</p>")
    parts += [f"<p><strong>{_h(letter.total)}</strong></p>", "</body></html>", ""]
    return "\n".join(parts)


def markdown(letter: Letter) -> str:
    lines = [f"# {markdown_text(letter.title)}", "", markdown_text(letter.student), ""]
    for section in letter.sections:
        lines += [
            f"## {markdown_text(section.heading)}",
            "",
            f"- {markdown_text(section.answer_label)} {markdown_code(section.answer)}",
            f"- {markdown_text(section.score)}",
            "",
        ]
        if section.feedback:
            lines += [markdown_text(section.feedback), ""]
    lines += [markdown_text(letter.total), ""]
    return "\n".join(lines)
