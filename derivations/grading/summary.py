"""The summary of a graded class: per question, verdict counts, the score distribution,
the most common misconceptions (each with an example answer) and assumptions; the
unknown question ids once each; the attempts left out because they were never
submitted (Moodle's "In progress", "Overdue", "Never submitted"); the rows where a
``?`` stands in place of a character (the report's ``flags``); a chart of verdicts per question beside it.

Counted as rows stream by (:class:`Tally`: memory bounded by the questions and the
misconceptions, not the rows).  Rendered from ``templates/grade_summary.md.j2`` with
every user-supplied text escaped for Markdown and the HTML it becomes
(:mod:`.escape`).
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from urllib.parse import quote

from derivations.checking.explaining.feedback import (
    assumption_text,
    misconception_text,
    verdict_text,
)
from derivations.grading.escape import markdown_code, markdown_text
from derivations.grading.rubric import GRADED_VERDICTS, format_points
from derivations.messages import text
from derivations.registry.questions import QUESTIONS

__all__ = ["Tally", "render_summary", "MAX_UNKNOWN", "EXAMPLE_LENGTH"]

MAX_UNKNOWN = 200  # distinct unknown ids remembered (a hostile file has millions)
EXAMPLE_LENGTH = 120  # characters of an example answer shown


class _Question:
    __slots__ = ("assumptions", "examples", "misconceptions", "scores", "verdicts")

    def __init__(self):
        self.verdicts: Counter = Counter()
        self.scores: Counter = Counter()
        self.misconceptions: Counter = Counter()
        self.examples: dict[str, str] = {}
        self.assumptions: Counter = Counter()


class Tally:
    """Counts per question, added to one graded answer at a time."""

    def __init__(self):
        self.questions: dict[str, _Question] = {}
        self.unknown: Counter = Counter()
        self.unknown_lines: dict[str, int] = {}
        self.unknown_more = 0
        self.rows = 0
        self.answers = 0
        self.invalid_rows = 0
        self.unsubmitted: list[tuple[int, str, str]] = []  # (line, student, state)
        self.unsubmitted_more = 0
        self.replaced: list[tuple[int, str, list[str]]] = []  # (line, student, columns)
        self.replaced_more = 0

    def add(self, question: str, answer: str, outcome, score: Fraction, count: int = 1) -> None:
        """Count ``count`` answers ``answer`` to ``question`` with this outcome."""
        self.answers += count
        entry = self.questions.get(question)
        if entry is None:
            entry = self.questions[question] = _Question()
        entry.verdicts[outcome.verdict] += count
        entry.scores[score] += count
        if outcome.misconception:
            entry.misconceptions[outcome.misconception] += count
            entry.examples.setdefault(outcome.misconception, answer[:EXAMPLE_LENGTH])
        for name in outcome.assumptions:
            entry.assumptions[name] += count

    def add_unknown(self, value: str, line: int) -> bool:
        """Count an unknown id; True the first time it is seen (report it then)."""
        if value in self.unknown:
            self.unknown[value] += 1
            return False
        if len(self.unknown) >= MAX_UNKNOWN:
            self.unknown_more += 1
            return False
        self.unknown[value] = 1
        self.unknown_lines[value] = line
        return True

    def add_unsubmitted(self, line: int, student: str, state: str) -> None:
        """An attempt left out of the scores because it was never submitted (the
        first :data:`MAX_UNKNOWN` are listed, the rest counted)."""
        if len(self.unsubmitted) < MAX_UNKNOWN:
            self.unsubmitted.append((line, student, state))
        else:
            self.unsubmitted_more += 1

    def add_replaced(self, line: int, student: str, columns: list[str]) -> None:
        """A row where a ``?`` stands in place of a character in ``columns`` (the
        first :data:`MAX_UNKNOWN` are listed, the rest counted)."""
        if len(self.replaced) < MAX_UNKNOWN:
            self.replaced.append((line, student, columns))
        else:
            self.replaced_more += 1

    def verdicts_per_question(self) -> list[tuple[str, Counter]]:
        return [(q, self.questions[q].verdicts) for q in QUESTIONS if q in self.questions]


def _item(listed: str, lang: str, line, student, **field: str) -> str:
    """One line of the summary's list of unsubmitted or replaced rows."""
    shown = {name: markdown_text(value) for name, value in field.items()}
    return text(
        f"grading.summary_{listed}_item",
        lang,
        line=line,
        student=markdown_text(student or "-"),
        **shown,
    )


def _distribution(scores: Counter) -> str:
    return ", ".join(
        f"{format_points(score)} × {count}" for score, count in sorted(scores.items(), reverse=True)
    )


def render_summary(tally: Tally, lang: str, chart: str | None = None, top: int = 3) -> str:
    """The Markdown summary (``chart``: the chart image's file name, linked)."""
    import jinja2

    from derivations.render import TEMPLATES

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    template = environment.get_template("grade_summary.md.j2")
    questions = []
    for qid in QUESTIONS:
        entry = tally.questions.get(qid)
        if entry is None:
            continue
        questions.append(
            {
                "heading": markdown_text(f"{qid} — {QUESTIONS[qid].title[lang]}"),
                "verdicts": [
                    (verdict_text(v, lang) if v != "error" else "error", entry.verdicts[v])
                    for v in GRADED_VERDICTS
                    if v != "error" or entry.verdicts[v]
                ],
                "scores": _distribution(entry.scores),
                "misconceptions": [
                    (
                        count,
                        markdown_code(name),
                        markdown_text(misconception_text(name, lang, direction="…")),
                        markdown_code(entry.examples[name]),
                    )
                    for name, count in entry.misconceptions.most_common(top)
                ],
                "assumptions": [
                    (count, markdown_code(name), markdown_text(assumption_text(name, lang)))
                    for name, count in entry.assumptions.most_common(top)
                ],
            }
        )
    unknown = [
        (markdown_code(value), count, tally.unknown_lines[value])
        for value, count in tally.unknown.most_common()
    ]
    s = {
        key: text(f"grading.summary_{key}", lang)
        for key in (
            "title",
            "verdict",
            "count",
            "scores",
            "top_misconceptions",
            "top_assumptions",
            "example",
            "unknown",
            "unknown_line",
            "chart_alt",
            "unsubmitted",
            "replaced",
        )
    }
    for listed in ("unsubmitted", "replaced", "unknown"):
        more = getattr(tally, f"{listed}_more")
        s[f"{listed}_more"] = (
            text(f"grading.summary_{listed}_more", lang, count=more) if more else ""
        )
    unsubmitted = [
        _item("unsubmitted", lang, line, student, state=state)
        for line, student, state in tally.unsubmitted
    ]
    replaced = [
        _item("replaced", lang, line, student, columns=", ".join(columns))
        for line, student, columns in tally.replaced
    ]
    s["rows_line"] = text("grading.summary_rows", lang, rows=tally.rows, answers=tally.answers)
    return template.render(
        s=s,
        questions=questions,
        unknown=unknown,
        unsubmitted=unsubmitted,
        replaced=replaced,
        chart=markdown_text(chart) if chart else None,
        chart_target=quote(chart) if chart else None,
    )
