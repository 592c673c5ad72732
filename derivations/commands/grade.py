"""``python -m derivations grade answers.csv --out report.csv``: grade a class.

Input shapes (see :mod:`derivations.grading.shapes`): long (``student, question,
answer``, or the columns given by flags), wide (``--map COLUMN=QUESTION``), Moodle's
"Responses" and Canvas's "Student Analysis" exports.  Outputs (see
:mod:`derivations.grading.bulk`): the report, and optionally the gradebook, the summary
with its chart, per-student feedback files; all written together or not at all.

Exit status: 0 when the outputs are written; 3 when they are written but some answers
met an internal error of the checker (verdict ``error``); 2 on bad input or usage;
128 + the signal's number when SIGTERM or SIGHUP ends the run (nothing is written, every
earlier output is kept, no worker is left behind).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

__all__ = ["register", "run"]


def register(subparsers) -> None:
    from derivations.grading.gradebook import COLUMNS
    from derivations.grading.rubric import REVEALS
    from derivations.grading.shapes import SHAPES

    parser = subparsers.add_parser(
        "grade",
        help="grade a class file (CSV: long, wide, Moodle or Canvas export)",
        description="Grade a class. Input: a CSV class file (long: student, question, "
        "answer; wide with --map; Moodle Responses or Canvas Student Analysis "
        "exports). Output: every row in order plus verdict, conventions, "
        "misconception, feedback, score, parsed, counterexample; optionally a "
        "gradebook, a summary with a chart, per-student feedback files. All "
        "files are written together or not at all.",
    )
    parser.add_argument("answers", help="the class file (CSV)")
    parser.add_argument(
        "--out",
        required=True,
        help="report CSV to write (a new file or one to replace; not the "
        "input, not a directory or device)",
    )
    parser.add_argument("--summary", help="Markdown summary to write (per question)")
    parser.add_argument(
        "--chart",
        help="SVG chart of verdicts per question (default: beside --summary, same name, .svg)",
    )
    parser.add_argument(
        "--gradebook",
        help="gradebook CSV to write, for the LMS's import (one row per student: "
        "identifier columns, then the points)",
    )
    parser.add_argument(
        "--gradebook-columns",
        choices=COLUMNS,
        default="total",
        help="the gradebook's points: one total column named as the rubric's "
        "assignment (default), or one column per question; never both, so an "
        "import counts the quiz once",
    )
    parser.add_argument(
        "--feedback-dir",
        help="folder for each student's feedback letter, as plain text (.txt), "
        "HTML (.html) and Markdown (.md) (what the rubric's reveal allows)",
    )
    parser.add_argument(
        "--rubric",
        help="rubric file (TOML or YAML): points, credit, accepted assumptions, reveal, columns",
    )
    parser.add_argument(
        "--variants",
        metavar="FOLDER",
        help="a folder written by `variants`: grade every answer (a number "
        "or a formula) against that student's own layer",
    )
    parser.add_argument(
        "--reveal", choices=REVEALS, help="feedback released to students (overrides the rubric)"
    )
    parser.add_argument(
        "--shape",
        choices=SHAPES,
        default="auto",
        help="the file's shape (default: recognised from the header)",
    )
    parser.add_argument("--student-column", help="identifier column: name or 1-based position")
    parser.add_argument("--question-column", help="question column (long files)")
    parser.add_argument("--answer-column", help="answer column (long files)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=QUESTION",
        help="an answer column of a wide file and its question id (repeat per column)",
    )
    parser.add_argument(
        "--encoding",
        help="the file's encoding when it is not UTF-8 or UTF-16 (cp1252, gb18030, ...)",
    )
    parser.add_argument(
        "--delimiter",
        help="the field delimiter (default: sniffed among "
        ", ; and tab; Excel's sep= line is honoured)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        help="worker processes for distinct answers (default: the number of cores)",
    )
    parser.add_argument(
        "--symbolic",
        action="store_true",
        help="also run the SymPy stages per distinct answer (a symbolic "
        "proof note and the simplified difference in the feedback; "
        "about 4x slower; verdicts are the same)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="also print every row as a JSON line on stdout, raw cells "
        "exact (the summary line goes to stderr)",
    )
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show the progress bar on stderr",
    )
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.set_defaults(func=run)


def _mapping(values) -> dict:
    from derivations.errors import DerivationError
    from derivations.grading.escape import terminal

    out = {}
    for value in values:
        column, equals, question = value.rpartition("=")
        if not equals or not column.strip() or not question.strip():
            raise DerivationError(key="grading.bad_map", value=terminal(value))
        out[column.strip()] = question.strip()
    return out


def _delimiter(value):
    from derivations.errors import DerivationError
    from derivations.grading.escape import terminal

    if value is None:
        return None
    value = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}.get(value, value)
    if len(value) != 1 or value in '"\r\n':
        raise DerivationError(key="grading.bad_delimiter", value=terminal(value))
    return value


def _counts(totals, lang) -> str:
    from derivations.messages import text

    line = text("grading.done", lang, rows=totals.rows)
    if totals.verdicts:
        line += ": " + ", ".join(f"{v} {n}" for v, n in sorted(totals.verdicts.items()))
    return line


def run(args: argparse.Namespace) -> int:
    from derivations.errors import DerivationError
    from derivations.grading.bulk import Options, grade_file
    from derivations.grading.paths import check_outputs
    from derivations.grading.workers import default_jobs

    lang = args.lang
    if args.jobs is not None and not 1 <= args.jobs <= 256:
        raise DerivationError(key="grading.bad_jobs", value=args.jobs)
    options = Options(
        answers=args.answers,
        out=args.out,
        summary=args.summary,
        chart=args.chart,
        gradebook=args.gradebook,
        gradebook_columns=args.gradebook_columns,
        feedback_dir=args.feedback_dir,
        lang=lang,
        encoding=args.encoding,
        delimiter=_delimiter(args.delimiter),
        shape=args.shape,
        columns={
            "student_column": args.student_column,
            "question_column": args.question_column,
            "answer_column": args.answer_column,
        },
        mapping=_mapping(args.map),
        rubric=args.rubric,
        reveal=args.reveal,
        variants=args.variants,
        jobs=args.jobs or default_jobs(),
        progress=args.progress if args.progress is not None else sys.stderr.isatty(),
        json_lines=sys.stdout if args.json else None,
        warnings=sys.stderr,
        symbolic=args.symbolic,
    )
    check_outputs(options)  # refuse before any grading
    try:
        with _ended_by_signals():
            totals = grade_file(options)
    except _Ended as ended:
        from derivations.messages import text

        name = signal.Signals(ended.number).name
        print(f"derivations grade: {text('grading.ended', lang, signal=name)}", file=sys.stderr)
        return 128 + ended.number
    print(_counts(totals, lang), file=sys.stderr if args.json else sys.stdout)
    return 3 if totals.verdicts.get("error") else 0


class _Ended(BaseException):
    """SIGTERM or SIGHUP arrived: unwinds the run as Ctrl-C does (staged outputs
    removed, earlier ones kept, workers shut down), never caught as an error."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number


@contextlib.contextmanager
def _ended_by_signals():
    """SIGTERM and SIGHUP (a scheduler's time limit, a closed terminal) end the run
    cleanly for the time of the block (only the main thread can take signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number, frame):
        raise _Ended(number)

    numbers = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.signal(number, stop) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
