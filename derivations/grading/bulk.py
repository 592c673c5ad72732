"""Grade a class file: read, grade, write in order, a batch of rows at a time, so that
memory stays flat however many rows there are.

Every input row is written to the report, in order, with every cell it had, plus per
graded answer ``verdict, conventions, misconception, feedback, score, parsed,
counterexample`` (``conventions``, a published column name, holds the answer's named
assumptions: :attr:`Outcome.assumptions`; a long file also gets ``question_id``: the catalogue id the question
cell named; a wide file gets these columns per answer column, prefixed with its name,
and a ``total``), then ``flags``: empty, or the columns of the row where a ``?``
stands in place of a character (:func:`replaced_characters`), said in the report's
language.  A row that cannot be graded (broken quoting, missing fields, unknown
question, no answer) is ``invalid_input`` with its reason and the rest are graded; an
internal error of the checker is ``error`` for its row only.

Re-grading a report: when the input already has all of these columns (it is a report of
ours; ``flags`` may be absent, as in reports written before it), they are replaced by the new ones; any other input column whose name clashes with
an added one is kept, renamed ``input <name>``.

Every cell written to a CSV is neutralised against formula injection (:mod:`.escape`);
``--json`` (``json_lines``) gives every cell exactly as read.  All outputs (report,
gradebook, summary, chart, per-student feedback files) are staged beside their targets
and replaced together at the end, or not at all (:class:`derivations.files.Staging`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter, OrderedDict
from fractions import Fraction
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TextIO, cast

from derivations.errors import DerivationError
from derivations.file_names import digest_name
from derivations.files import Staging
from derivations.grading import letters
from derivations.grading.encoding import open_source
from derivations.grading.escape import FORMULA_STARTS, terminal
from derivations.grading.gradebook import Gradebook
from derivations.grading.identifiers import resolve, suggestions
from derivations.grading.letters import Letter, Section
from derivations.grading.outcome import Outcome, invalid
from derivations.grading.progress import Progress
from derivations.grading.rubric import Rubric, format_points, load_rubric
from derivations.grading.shapes import Layout, column_key, layout_for
from derivations.grading.summary import Tally, render_summary
from derivations.grading.table import Table
from derivations.grading.workers import CACHE_ENTRIES, Grader
from derivations.messages import text
from derivations.records import field, record
from derivations.registry.questions import QUESTIONS

__all__ = [
    "ADDED",
    "Options",
    "Totals",
    "grade_file",
    "grade_rows",
    "fit_row",
    "identity_key",
    "BATCH_ROWS",
    "FLAGS",
    "replaced_characters",
]

ADDED = ("verdict", "conventions", "misconception", "feedback", "score", "parsed", "counterexample")
BATCH_ROWS = 2048
FLAGS = "flags"  # the report's last column: see replaced_characters
# A name's "?" next to a letter ("M?ller", "Jos?"): a letter a legacy code page lacked.
_NAME_QUESTION_MARK = re.compile(r"[^\W\d_]\?|\?[^\W\d_]")
_OPENERS, _CLOSERS = "([{⌊⌈", ")]}⌋⌉"


@record
class Options:
    answers: str
    out: str
    summary: str | None = None
    chart: str | None = None
    gradebook: str | None = None
    gradebook_columns: str = "total"  # or "questions": see grading.gradebook
    feedback_dir: str | None = None
    lang: str = "en"
    encoding: str | None = None
    delimiter: str | None = None
    shape: str = "auto"
    columns: dict = field(default_factory=dict)  # student/question/answer_column
    mapping: dict = field(default_factory=dict)  # answer column -> question (--map)
    rubric: str | None = None
    reveal: str | None = None
    jobs: int = 1
    progress: bool = False
    json_lines: TextIO | None = None  # a text stream for --json
    warnings: TextIO | None = None  # a text stream for one-line warnings
    symbolic: bool = False  # the SymPy stages (proof note, difference): same verdicts
    variants: str | None = None  # a `variants` folder: grade against per-student layers


@record
class Totals:
    rows: int = 0
    verdicts: Counter = field(default_factory=Counter)
    graded: int = 0
    retried: int = 0


def identity_key(value: str) -> str:
    """A student's identifier as rows are grouped by it: NFC, stripped (an NFD "Zoë"
    from one system and an NFC one from another are one student).  The report keeps
    every cell as it was read."""
    if value.isascii():
        return value.strip()
    return unicodedata.normalize("NFC", value).strip()


def replaced_characters(header: list[str], cells: list[str], layout: Layout) -> list[str]:
    """The columns of a row where a ``?`` stands in place of a character, as a
    spreadsheet program saving in a legacy code page (Excel's cp1252) writes what the code
    page lacks (``×``, ``⌊``, ``ü``): an answer holding ``?`` anywhere (never valid
    syntax for the checker) and an identity or name cell with ``?`` next to a letter."""
    found = []
    names = {layout.student, *layout.names, *(i for _, i in layout.identity if i is not None)}
    for index in sorted(names):
        if index < len(cells) and _NAME_QUESTION_MARK.search(cells[index]):
            found.append(header[index])
    for slot in layout.slots:
        if slot.answer < len(cells) and "?" in cells[slot.answer]:
            found.append(header[slot.answer])
    return found


def fit_row(row: list[str], width: int, delimiter: str = ",") -> list[str]:
    """The row with exactly one cell per header column, losing nothing: short rows are
    padded (missing trailing columns are empty); extra cells (an unquoted delimiter)
    are joined back into the last column."""
    if len(row) <= width:
        return list(row) + [""] * (width - len(row))
    return list(row[: width - 1]) + [delimiter.join(row[width - 1 :])]


@lru_cache(maxsize=65536)
def _unbalanced(value: str) -> bool:
    """More brackets open than close (answers repeat in a class: remembered)."""
    return sum(value.count(c) for c in _OPENERS) > sum(value.count(c) for c in _CLOSERS)


@record(frozen=True)
class _Plan:
    """How the report's header is made from the input's."""

    kept: tuple  # input column indices kept, in order
    header: list  # the report's header


def _plan(header: list[str], layout: Layout) -> _Plan:
    if layout.long:
        added = [("", name) for name in ("question_id",) + ADDED]
    else:
        added = [(slot.label, name) for slot in layout.slots for name in ADDED] + [("", "total")]
    names = [f"{label}: {name}" if label else name for label, name in added]
    keys = [column_key(h) for h in header]
    is_report = all(column_key(n) in keys for n in names)  # FLAGS may be absent
    names.append(FLAGS)
    ours = {column_key(n) for n in names}
    kept, shown = [], []
    for index, name in enumerate(header):
        if column_key(name) in ours:
            if is_report:
                continue  # our own earlier columns: replaced
            new = f"input {name}"
            while column_key(new) in ours or column_key(new) in keys:
                new = f"input {new}"
            shown.append(new)
        else:
            shown.append(name)
        kept.append(index)
    return _Plan(tuple(kept), shown + names)


def _row_problem(row, layout: Layout, header: list) -> DerivationError | None:
    """Why the row cannot be graded (a keyed error, said in the report), or None."""
    width = len(header)
    if row.problem:
        return row.problem
    if not "".join(row).strip():
        return DerivationError(key="grading.empty_row")
    if layout.long:
        absent = [i for i in layout.needed if i >= len(row)]
        if absent:
            return DerivationError(
                key="grading.missing_field",
                fields=len(row),
                field=absent[0] + 1,
                column=terminal(header[absent[0]]),
            )
        answer = layout.slots[0].answer
        if answer != width - 1:
            if len(row) > width:
                return DerivationError(key="grading.extra_fields", fields=len(row), width=width)
            if len(row) > answer + 1 and _unbalanced(row[answer]):
                return DerivationError(key="grading.open_bracket")
    elif len(row) > width:
        return DerivationError(key="grading.extra_fields", fields=len(row), width=width)
    return None


class _Letters:
    """Per-student feedback letters (plain text, HTML and Markdown: :mod:`.letters`),
    written only when asked for."""

    def __init__(self, rubric: Rubric, lang: str):
        self.rubric, self.lang = rubric, lang
        self.students: dict[str, list] = {}
        self.names: dict[str, str] = {}  # the student's name, when the export has it

    def add(self, student, question, answer, outcome: Outcome, score: Fraction) -> None:
        self.students.setdefault(student, []).append((question, answer, outcome, score))

    @staticmethod
    def file_name(student: str) -> str:
        """The letter's file: a safe prefix and the id's whole SHA-256, so no two
        students share one, ignoring case too (:func:`derivations.file_names.digest_name`)."""
        return digest_name(student, ".md")

    def letter(self, student: str) -> Letter:
        lang, rubric = self.lang, self.rubric
        name = self.names.get(student)
        who = f"{name} ({student})" if name and name != student else student
        letter = Letter(
            title=text("grading.letter_title", lang, assignment=rubric.assignment),
            student=text("grading.letter_student", lang, student=who),
        )
        total = points = Fraction(0)
        for question, answer, outcome, score in self.students[student]:
            worth = rubric.points_for(question)
            total, points = total + score, points + worth
            letter.sections.append(
                Section(
                    heading=f"{question} — {QUESTIONS[question].title[lang]}",
                    answer_label=text("grading.letter_answer", lang),
                    answer=answer,
                    score=text(
                        "grading.letter_score",
                        lang,
                        score=format_points(score),
                        points=format_points(worth),
                    ),
                    feedback=outcome.student_feedback,
                )
            )
        letter.total = text(
            "grading.letter_total", lang, score=format_points(total), points=format_points(points)
        )
        return letter

    def render(self, student: str, form: str = "markdown") -> str:
        """The letter as ``form``: ``plain``, ``html`` or ``markdown``."""
        return getattr(letters, form)(self.letter(student))


def _unknown_reason(value: str) -> DerivationError:
    near = suggestions(value)
    if near:
        return DerivationError(
            key="grading.unknown_question", question=terminal(value), near=", ".join(near)
        )
    return DerivationError(key="grading.unknown_question_none", question=terminal(value))


_SPECIAL = re.compile(r'[",\r\n]')
_DANGER = frozenset(FORMULA_STARTS)


def _cell(value: str) -> str:
    """One CSV cell as the report writes it: neutralised, then quoted as the csv
    module quotes (QUOTE_MINIMAL, ``,`` delimiter, CRLF rows)."""
    if value[:1] in _DANGER:
        value = "'" + value
    if _SPECIAL.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


class _Graded:
    """One distinct (question, answer) of this run, made ready once: its outcome, its
    score (and the gradebook's code for it), its report cells as CSV text, and how many
    rows had it since it was last added to the summary's tally."""

    __slots__ = ("answer", "code", "count", "outcome", "question", "score", "suffix")

    def __init__(self, question, answer, outcome, score, code, suffix):
        self.question, self.answer, self.outcome = question, answer, outcome
        self.score, self.code, self.suffix, self.count = score, code, suffix, 0


class _Run:
    """One grading run: the state shared by the batch loop."""

    def __init__(
        self,
        options: Options,
        rubric: Rubric,
        table: Table | _Rows,
        layout: Layout,
        grader: Grader,
    ):
        self.o, self.rubric, self.table, self.layout, self.grader = (
            options,
            rubric,
            table,
            layout,
            grader,
        )
        self.width = len(table.header)
        self.plan = _plan(table.header, layout)
        self.tally = Tally()
        self.book = Gradebook(rubric)
        self.letters = _Letters(rubric, options.lang) if options.feedback_dir else None
        self.totals = Totals()
        self.ready: OrderedDict = OrderedDict()  # (question, answer, reason) -> _Graded
        self.skipped = ",".join([""] * (len(self.plan.header) - len(self.plan.kept)))

    def _items(self, row, cells) -> list:
        """Per slot: (question id | None, answer, reason | None); a reason is said here,
        in the report's language (it is a cell of the report)."""
        lang, layout = self.o.lang, self.layout
        if layout.skip_first_cells and any(
            column_key(cells[i]) in layout.skip_first_cells for i in (0, *layout.names)
        ):  # Moodle's "Overall average" row
            return []
        if layout.state is not None and layout.state < len(cells):
            state = cells[layout.state]
            if column_key(state) in layout.not_submitted:  # not graded: listed, not scored
                self.tally.add_unsubmitted(row.line, cells[layout.student].strip(), state)
                return []
        problem = _row_problem(row, layout, self.table.header)
        if problem:
            return [(None, "", problem.text(lang))] * len(layout.slots)
        items: list[tuple[str | None, str, str | None]] = []
        for slot in layout.slots:
            answer = cells[slot.answer]
            if slot.question_column is not None:
                raw = cells[slot.question_column]
                qid = resolve(raw)
                if qid is None:
                    if self.tally.add_unknown(raw, row.line) and self.o.warnings:
                        self.o.warnings.write(
                            text(
                                "grading.unknown_warning",
                                lang,
                                path=terminal(self.o.answers),
                                line=row.line,
                                reason=_unknown_reason(raw).text(lang),
                            )
                            + "\n"
                        )
                    items.append((None, answer, _unknown_reason(raw).text(lang)))
                    continue
            else:
                qid = slot.question
            stripped = answer.strip()
            if not stripped or stripped == "-":
                items.append((qid, answer, text("grading.no_answer", lang)))
            else:
                items.append((qid, answer, None))
        return items

    def batch(self, rows, report) -> None:
        width, delimiter = self.width, self.table.delimiter
        cells = [fit_row(row, width, delimiter) for row in rows]
        prepared = [self._items(row, c) for row, c in zip(rows, cells)]
        student = self.layout.student
        keys = [
            self.grader.key(qid, answer, identity_key(c[student]))
            for c, items in zip(cells, prepared)
            for qid, answer, reason in items
            if reason is None
            and self._ready_key(qid, answer, None, identity_key(c[student])) not in self.ready
        ]
        outcomes = self.grader.outcomes(keys) if keys else {}
        for row, row_cells, items in zip(rows, cells, prepared):
            self._emit(row, row_cells, items, outcomes, report)

    def _ready_key(self, qid, answer, reason, student) -> tuple:
        """With per-student variants an answer is right or wrong for its student only."""
        return (qid, answer, reason) + ((student,) if self.grader.variants else ())

    def _graded(self, qid, answer, reason, outcomes, student="") -> _Graded:
        key = self._ready_key(qid, answer, reason, student)
        found = self.ready.get(key)
        if found is not None:
            self.ready.move_to_end(key)
            return found
        lang = self.o.lang
        asked = self.grader.key(qid, answer, student)
        if reason:
            outcome = invalid(reason, lang)
        elif asked in outcomes:
            outcome = outcomes[asked]
            if outcome.budget:  # used by this row only: the next one is graded anew
                del outcomes[asked]
        else:  # made ready earlier in this batch and evicted since: the grader knows it
            outcome = self.grader.outcomes([asked])[asked]
        score = self.rubric.score(qid, outcome.verdict, outcome.assumptions) if qid else Fraction(0)
        added = [
            outcome.verdict,
            ";".join(outcome.assumptions),
            outcome.misconception,
            outcome.feedback,
            format_points(score) if qid else "",
            outcome.parsed,
            outcome.counterexample,
        ]
        if self.layout.long:
            added.insert(0, qid or "")
        found = _Graded(
            qid,
            answer,
            outcome,
            score,
            self.book.code(score),
            "," + ",".join(_cell(c) for c in added),
        )
        if outcome.budget:  # ran out of work budget even alone: never reused
            return found
        self.ready[key] = found
        if len(self.ready) > CACHE_ENTRIES:
            self._count(self.ready.popitem(last=False)[1])
        return found

    def _count(self, graded: _Graded) -> None:
        if graded.count and graded.question:
            self.tally.add(
                graded.question, graded.answer, graded.outcome, graded.score, graded.count
            )
        graded.count = 0

    def finish(self) -> None:
        """Add what the rows still hold to the summary's tally."""
        for graded in self.ready.values():
            self._count(graded)

    def _emit(self, row, cells, items, outcomes, report) -> None:
        layout, totals = self.layout, self.totals
        totals.rows += 1
        self.tally.rows += 1
        student = identity_key(cells[layout.student])
        kept = [cells[i] for i in self.plan.kept]
        line = ",".join(kept)
        if _SPECIAL.search(line) or any(c[:1] in _DANGER for c in kept):
            line = ",".join([_cell(c) for c in kept])
        parts = [line]  # joined once: a wide row's line is never rebuilt per answer
        graded = []
        for qid, answer, reason in items:
            done = self._graded(qid, answer, reason, outcomes, student)
            done.count += 1
            if done.outcome.budget:
                self._count(done)
            totals.verdicts[done.outcome.verdict] += 1
            if qid and student:
                self.book.add(student, layout.identity, cells, qid, done.code)
                if self.letters is not None:
                    self.letters.add(student, qid, answer, done.outcome, done.score)
                    if layout.names and student not in self.letters.names:
                        self.letters.names[student] = " ".join(
                            cells[i].strip() for i in layout.names if cells[i].strip()
                        )
            parts.append(done.suffix)
            graded.append(done)
        if not items:  # a row that is not a student's (Moodle)
            parts.append("," + self.skipped if self.skipped else "")
        else:
            if not layout.long:
                parts.append("," + format_points(sum((g.score for g in graded), Fraction(0))))
            parts.append("," + _cell(self._flags(row, cells)))
        parts.append("\r\n")
        report.write("".join(parts))
        if self.o.json_lines is not None:
            self._json(row, cells, graded)

    def _flags(self, row, cells) -> str:
        """The row's ``flags`` cell (empty, or said in the report's language); a flagged
        row is listed in the summary."""
        columns = replaced_characters(self.table.header, cells, self.layout)
        if not columns:
            return ""
        self.tally.add_replaced(row.line, cells[self.layout.student].strip(), columns)
        return text("grading.replaced_characters", self.o.lang, columns=", ".join(columns))

    def _json(self, row, cells, graded) -> None:
        answers = []
        for slot, done in zip(self.layout.slots, graded):
            o = done.outcome
            answers.append(
                {
                    "column": self.table.header[slot.answer],
                    "question": done.question,
                    "answer": done.answer,
                    "verdict": o.verdict,
                    "conventions": list(o.assumptions),
                    "misconception": o.misconception or None,
                    "feedback": o.feedback,
                    "score": format_points(done.score) if done.question else None,
                    "parsed": o.parsed,
                    "counterexample": o.counterexample,
                }
            )
        record = {"line": row.line, "row": dict(zip(self.table.header, cells)), "answers": answers}
        stream = self.o.json_lines
        if stream is not None:  # the caller's check: only with --json
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _chart_name(options: Options) -> str | None:
    if options.chart:
        return options.chart
    if options.summary:
        return str(Path(options.summary).with_suffix(".svg"))
    return None


def grade_file(options: Options) -> Totals:
    """Grade ``options.answers`` into every output asked for; see the module."""
    lang = options.lang
    rubric = load_rubric(options.rubric)
    if options.reveal:
        from derivations.records import replace

        rubric = replace(rubric, reveal=options.reveal)
    chart = _chart_name(options)
    if chart:
        from derivations.grading.chart import _pyplot

        _pyplot()  # matplotlib missing: say so before grading
    source = open_source(options.answers, options.encoding)
    variants = None
    if options.variants:
        from derivations.variants.grade import load_variants

        variants = load_variants(options.variants)
    grader = Grader(lang, rubric.reveal, options.jobs, options.symbolic, variants, rubric.reading)
    try:
        table = Table(source, options.delimiter)
        mapping = {**rubric.columns, **options.mapping}
        layout = layout_for(table.header, options.shape, mapping, options.columns, options.answers)
        if layout.long:
            column = layout.slots[0].question_column
            table.looks_like_row = lambda cells: (
                len(cells) > column and resolve(cells[column]) is not None
            )
        run = _Run(options, rubric, table, layout, grader)
        progress = Progress(source.size, options.progress, lang)
        with Staging() as staging:
            with io.TextIOWrapper(
                staging.open(options.out), encoding="utf-8", newline="", write_through=False
            ) as report:
                report.write(",".join(_cell(c) for c in run.plan.header) + "\r\n")
                rows = table.rows()
                while True:
                    batch = list(islice(rows, BATCH_ROWS))
                    if not batch:
                        break
                    run.batch(batch, report)
                    progress.update(run.totals.rows, table.bytes_read)
                run.finish()
            progress.finish(run.totals.rows, table.bytes_read)
            _stage_the_rest(staging, options, run, chart)
            staging.commit()
        run.totals.graded, run.totals.retried = grader.graded, grader.retried
        return run.totals
    finally:
        grader.close()
        source.close()


class _Rows:
    """Rows held in memory, read like a :class:`Table`."""

    delimiter = ","

    def __init__(self, header, rows):
        from derivations.grading.table import Record

        self.header = [str(h).strip() for h in header]
        self._rows = [Record(row, number) for number, row in enumerate(rows, 2)]
        self.looks_like_row = None

    def rows(self):
        return iter(self._rows)


class _Collect(list):
    """The report's lines, collected in memory (read back as CSV rows)."""

    def write(self, line: str) -> None:
        self.append(line)


def grade_rows(
    header,
    rows,
    lang: str = "en",
    rubric: str | None = None,
    jobs: int = 1,
    shape: str = "long",
    mapping: dict | None = None,
    symbolic: bool = False,
) -> tuple[list[str], list[list[str]]]:
    """Grade rows held in memory (lists of cells under ``header``): the report's header
    and rows, each cell as the CSV report writes it."""
    options = Options(
        answers="<rows>",
        out="",
        lang=lang,
        shape=shape,
        mapping=mapping or {},
        rubric=rubric,
        jobs=jobs,
    )
    loaded = load_rubric(rubric)
    table = _Rows(header, rows)
    layout = layout_for(
        table.header, shape, {**loaded.columns, **options.mapping}, {}, options.answers
    )
    grader = Grader(lang, loaded.reveal, jobs, symbolic, reading=loaded.reading)
    try:
        run = _Run(options, loaded, table, layout, grader)
        out = _Collect()
        run.batch(list(table.rows()), out)
        run.finish()
        return run.plan.header, list(csv.reader(io.StringIO("".join(out), newline="")))
    finally:
        grader.close()


def _stage_the_rest(staging: Staging, options: Options, run: _Run, chart: str | None):
    lang = options.lang
    if options.summary:
        name = Path(chart).name if chart else None
        if chart and Path(chart).parent.resolve() != Path(options.summary).parent.resolve():
            name = str(Path(chart).resolve())
        staging.add(options.summary, render_summary(run.tally, lang, chart=name))
    if chart:
        from derivations.grading.chart import chart_svg

        staging.add(chart, chart_svg(run.tally.verdicts_per_question()))
    if options.gradebook:
        staging.add(
            options.gradebook,
            run.book.csv_bytes(
                [name for name, _ in run.layout.identity], options.gradebook_columns
            ),
        )
    if run.letters is not None:
        # run.letters is made only when options.feedback_dir is set (see _Run.__init__)
        folder = Path(cast(str, options.feedback_dir))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DerivationError(
                key="grading.cannot_write", path=str(folder), reason=error.strerror or str(error)
            ) from None
        for student in run.letters.students:
            stem = Path(_Letters.file_name(student)).stem
            for suffix, form in letters.FORMATS.items():
                staging.add(folder / f"{stem}.{suffix}", run.letters.render(student, form))
