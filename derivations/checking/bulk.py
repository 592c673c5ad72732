"""Grade a class: CSV in (columns student, question, answer; others kept), CSV out with
every input row in order plus the verdict columns, optional Markdown summary.

Answers repeat in a class, so results are cached by (question, answer text).  A row
that cannot be graded (missing field, unknown question, unreadable text) gets
``invalid_input`` and the rest are graded.  Files are written atomically: a temporary
file in the same directory, then ``os.replace``; an interrupted run leaves any earlier
report intact.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..errors import DerivationError
from .checker import check
from .feedback import feedback
from .questions import QUESTIONS
from .result import Result

__all__ = ["REQUIRED", "ADDED", "fit_row", "read_rows", "grade_rows", "write_atomically",
           "report_csv", "summary_data", "Progress"]

REQUIRED = ("student", "question", "answer")
ADDED = ("verdict", "conventions", "misconception", "feedback", "parsed", "counterexample")


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and raw rows; bytes that are not UTF-8 survive (surrogate escapes) so that
    nothing a user gave is lost on the way to the report."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig", errors="surrogateescape")
    except OSError as error:
        raise DerivationError(f"cannot read {path}: {error.strerror}") from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise DerivationError(f"{path} is empty; expected a header row "
                              f"{','.join(REQUIRED)}")
    header = [name.strip() for name in rows[0]]
    missing = [name for name in REQUIRED if name not in [h.lower() for h in header]]
    if missing:
        raise DerivationError(f"{path}: header {','.join(rows[0])!r} lacks column "
                              f"{missing[0]!r} (needed: {', '.join(REQUIRED)})")
    return header, rows[1:]


class Progress:
    """A plain progress bar on stderr, redrawn at most every 0.2 s."""

    def __init__(self, total: int, enabled: bool, stream=None):
        self.total, self.enabled = total, enabled and total > 0
        self.stream = stream or sys.stderr
        self.last = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and done < self.total):
            return
        self.last = now
        filled = int(30 * done / self.total)
        self.stream.write(f"\rgrading [{'#' * filled}{'.' * (30 - filled)}] "
                          f"{done}/{self.total}")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def fit_row(row: list[str], header: list[str]) -> list[str]:
    """The row with exactly one cell per header column, losing nothing: short rows are
    padded; extra cells (an unquoted comma) are joined back into the last column."""
    width = len(header)
    if len(row) <= width:
        return list(row) + [""] * (width - len(row))
    return list(row[:width - 1]) + [",".join(row[width - 1:])]


def _row_problem(row: list[str], width: int, answer_last: bool) -> str | None:
    if not any(cell.strip() for cell in row):
        return "empty row"
    if len(row) < width:
        return f"row has {len(row)} fields, expected {width} ({', '.join(REQUIRED)} ...)"
    if len(row) > width and not answer_last:
        return f"row has {len(row)} fields, expected {width}: quote an answer with commas"
    if any("\udc80" <= c <= "\udcff" for cell in row for c in cell):
        return "row is not valid UTF-8"
    return None


def _invalid(question: str, answer: str, reason: str) -> Result:
    return Result(question, answer, "invalid_input", error={"reason": reason, "position": None})


def grade_rows(header: list[str], rows: list[list[str]], progress: Progress | None = None,
               symbolic: bool = True) -> list[Result]:
    """One result per row, in order; equal (question, answer) pairs are checked once."""
    lower = [name.lower() for name in header]
    column = {name: lower.index(name) for name in REQUIRED}
    cache: dict[tuple, Result] = {}
    results = []
    for number, row in enumerate(rows, 1):
        problem = _row_problem(row, len(header), column["answer"] == len(header) - 1)
        if problem:
            results.append(_invalid("", "", problem))
        else:
            question = row[column["question"]].strip()
            answer = fit_row(row, header)[column["answer"]]  # unquoted commas rejoined
            if question not in QUESTIONS:
                results.append(_invalid(question, answer, f"unknown question {question!r}"))
            else:
                key = (question, answer)
                if key not in cache:
                    cache[key] = check(question, answer, symbolic=symbolic)
                results.append(cache[key])
        if progress:
            progress.update(number)
    return results


def _counterexample_text(result: Result) -> str:
    example = result.counterexample
    if not example:
        return ""
    layer = " ".join(f"{k}={v}" for k, v in example["layer"].items())
    return f"{layer}: reference {example['reference']}, answer {example['answer']}"


def report_csv(header, rows, results, lang: str) -> str:
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(list(header) + list(ADDED))
    for row, result in zip(rows, results):
        writer.writerow(fit_row(row, header) + [
            result.verdict, ";".join(result.conventions),
            result.misconception or "", feedback(result, lang),
            (result.parsed or {}).get("text", ""), _counterexample_text(result)])
    return stream.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write all of ``text`` or nothing: a temporary file beside ``path``, then rename."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.",
                                             suffix=".tmp")
    except OSError as error:
        raise DerivationError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape",
                       newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def summary_data(results: list[Result], top: int = 3) -> list[dict]:
    """Per question (catalogue order, then unknown ones): verdict counts and the most
    common misconceptions and conventions."""
    by_question: dict[str, list[Result]] = {}
    for result in results:
        by_question.setdefault(result.question or "-", []).append(result)
    order = [q for q in QUESTIONS if q in by_question] + \
        sorted(q for q in by_question if q not in QUESTIONS)
    out = []
    for qid in order:
        group = by_question[qid]
        verdicts = Counter(r.verdict for r in group)
        out.append({
            "question": qid, "rows": len(group),
            "verdicts": verdicts,
            "misconceptions": Counter(r.misconception for r in group
                                      if r.misconception).most_common(top),
            "conventions": Counter(c for r in group for c in r.conventions).most_common(top),
        })
    return out
