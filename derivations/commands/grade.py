"""``python -m derivations grade answers.csv --out report.csv``: grade a class.

Input columns (header row, any order, other columns kept): ``student``, ``question``
(an id from ``questions``), ``answer`` (the formula as written; quote it if it holds
commas).  A row may omit trailing columns after the ones it needs.  The report keeps
every input row in order and adds ``verdict``, ``conventions``, ``misconception``,
``feedback``, ``parsed``, ``counterexample``; report and summary are written together
(mode 0644) or not at all.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "grade", help="grade a CSV of student answers (student, question, answer)",
        description="Grade a class. Input: CSV with header columns student, question, "
                    "answer (others kept). Output: the same rows in order plus verdict, "
                    "conventions, misconception, feedback, parsed, counterexample. A "
                    "malformed row gets invalid_input; files are written atomically.")
    parser.add_argument("answers", help="CSV file with columns student, question, answer")
    parser.add_argument("--out", required=True,
                        help="report CSV to write (a new file or one to replace; not the "
                             "input, not a directory or device)")
    parser.add_argument("--summary", help="Markdown summary to write (per question); "
                                          "written together with --out, or neither")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show the progress bar on stderr")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.set_defaults(func=run)


def _verdict_counts(results) -> str:
    from collections import Counter
    counts = Counter(r.verdict for r in results)
    rows = f"graded {len(results)} row{'' if len(results) == 1 else 's'}"
    return rows + (": " + ", ".join(f"{v} {n}" for v, n in sorted(counts.items()))
                   if counts else "")


def run(args: argparse.Namespace) -> int:
    from derivations.grading.bulk import (Progress, grade_rows, output_paths, read_rows, report_csv,
                                 summary_data, write_outputs)
    from derivations.grading.summary import render_summary
    output_paths(args.answers, args.out, args.summary)  # refuse before any grading
    header, rows = read_rows(args.answers)
    show = args.progress if args.progress is not None else (
        len(rows) >= 200 and sys.stderr.isatty())
    results = grade_rows(header, rows, Progress(len(rows), show))
    outputs = {args.out: report_csv(header, rows, results, args.lang)}
    if args.summary is not None:
        outputs[args.summary] = render_summary(summary_data(results), args.lang)
    write_outputs(outputs)  # both staged: neither replaced unless both are written
    print(_verdict_counts(results))
    return 0
