"""``python -m derivations grade answers.csv --out report.csv``: grade a class.

Input columns (header row, any order, other columns kept): ``student``, ``question``
(an id from ``questions``), ``answer`` (the formula as written; quote it if it holds
commas).  The report keeps every input row in order and adds ``verdict``,
``conventions``, ``misconception``, ``feedback``, ``parsed``, ``counterexample``.
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
    parser.add_argument("--out", required=True, help="report CSV to write")
    parser.add_argument("--summary", help="Markdown summary to write (per question)")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show the progress bar on stderr")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..checking.bulk import (Progress, grade_rows, read_rows, report_csv, summary_data,
                                 write_atomically)
    from ..checking.summary import render_summary
    header, rows = read_rows(args.answers)
    show = args.progress if args.progress is not None else (
        len(rows) >= 200 and sys.stderr.isatty())
    results = grade_rows(header, rows, Progress(len(rows), show))
    report = report_csv(header, rows, results, args.lang)
    summary = render_summary(summary_data(results), args.lang) if args.summary else None
    write_atomically(args.out, report)
    if summary is not None:
        write_atomically(args.summary, summary)
    counts = Counter(r.verdict for r in results)
    print(f"graded {len(rows)} rows: " + ", ".join(f"{v} {n}" for v, n in sorted(counts.items())))
    return 0
