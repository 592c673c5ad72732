"""Grade a class: CSV in (columns student, question, answer; others kept), CSV out with
every input row in order plus the verdict columns, optional Markdown summary.

Answers repeat in a class, so results are cached by (question, answer text).  A row
that cannot be graded (missing field, unknown question, unreadable text, broken
quoting) gets ``invalid_input`` and the rest are graded: nothing a user gave is lost.
Reading is strict about quotes, record by record: a quote that never closes would
otherwise swallow every following row into one field, so the line that opened it is
reported and the lines after it are read as rows of their own.  Outputs go through
:func:`derivations.files.write_atomically` (report and summary staged together).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import sys
import time
from collections import Counter
from pathlib import Path

from derivations.errors import DerivationError
from derivations.files import write_atomically as _write_files
from derivations.checking.checker import check
from derivations.checking.explaining.feedback import feedback
from derivations.registry.questions import QUESTIONS
from derivations.checking.result import Result

__all__ = ["REQUIRED", "ADDED", "Row", "fit_row", "read_rows", "grade_rows", "report_csv",
           "report_bytes", "output_paths", "write_outputs",
           "summary_data", "Progress"]

REQUIRED = ("student", "question", "answer")
ADDED = ("verdict", "conventions", "misconception", "feedback", "parsed", "counterexample")
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                     (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_OPENERS, _CLOSERS = "([{⌊⌈", ")]}⌋⌉"


class Row(list):
    """The cells of one record, the file line it starts on and, when its quoting is
    broken, why (such a row is reported, never graded)."""

    def __init__(self, cells=(), line: int = 0, problem: str | None = None):
        super().__init__(cells)
        self.line, self.problem = line, problem


class _Lines:
    """The file's physical lines as an iterator whose position can be set back."""

    def __init__(self, lines: list[str]):
        self.lines, self.index = lines, 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.index >= len(self.lines):
            raise StopIteration
        self.index += 1
        return self.lines[self.index - 1]


def _unlimited_fields() -> None:
    """Field length is bounded per answer by the checker (an over-long answer is one
    invalid row), not by the csv module's 128 KB limit (which fails the whole file)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _decode(path: Path, data: bytes) -> str:
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            raise DerivationError(f"{path} is {name} (it starts with a {name} byte-order "
                                  "mark), not UTF-8: save it as UTF-8 CSV")
    first_line = data.split(b"\n", 1)[0]
    if b"\x00" in first_line:
        raise DerivationError(f"{path} is not UTF-8 text (NUL bytes in its first line: "
                              "UTF-16 without a byte-order mark?): save it as UTF-8 CSV")
    # bytes that are not UTF-8 survive (surrogate escapes) so that nothing a user gave
    # is lost on the way to the report; such a row is reported as not UTF-8
    return data.decode("utf-8-sig", errors="surrogateescape")


def _raw_cells(line: str) -> list[str]:
    """A line whose quoting is broken, split at every comma, quotes kept as typed."""
    return line.rstrip("\r\n").split(",")


def _looks_like_row(line: str, question_column: int) -> bool:
    cells = next(csv.reader([line]), [])
    return len(cells) > question_column and cells[question_column].strip() in QUESTIONS


def _swallowed_rows(lines: list[str], start: int, end: int, question_column) -> bool:
    """A record spanning lines start..end-1 whose later lines read as rows of their own:
    a quote opened on the first line closed only by chance on a later one."""
    if question_column is None:
        return False
    return any(_looks_like_row(line, question_column) for line in lines[start + 1:end])


def _records(text: str, question_column=None) -> list[Row]:
    lines = list(io.StringIO(text, newline=""))
    source = _Lines(lines)
    reader = csv.reader(source, strict=True)
    rows: list[Row] = []
    while source.index < len(lines):
        start = source.index
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problem = (f"unclosed quote at line {start + 1}: the quoted field never ends"
                       if "end of data" in str(error) else
                       f"broken quoting at line {start + 1}: {error}")
            rows.append(Row(_raw_cells(lines[start]), start + 1, problem))
            source.index = start + 1
            reader = csv.reader(source, strict=True)
            continue
        if source.index - start > 1 and _swallowed_rows(lines, start, source.index,
                                                       question_column):
            rows.append(Row(_raw_cells(lines[start]), start + 1,
                            f"unclosed quote at line {start + 1}: the quoted field runs "
                            f"over the rows of lines {start + 2}-{source.index}"))
            source.index = start + 1
            continue
        rows.append(Row(cells, start + 1))
        if question_column is None:  # the header: now rows can be recognised
            question_column = _columns(rows[0]).get("question")
    return rows


def _columns(header) -> dict:
    """Required column -> index (the first of that name, case and spaces ignored)."""
    lower = [name.strip().lower() for name in header]
    return {name: lower.index(name) for name in REQUIRED if name in lower}


def _shown(text: str) -> str:
    """Text for a message: bytes that are not UTF-8 as \\xNN, not as escapes."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_rows(path) -> tuple[list[str], list[Row]]:
    """Header and rows (each a :class:`Row`), every record of the file in order."""
    _unlimited_fields()
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DerivationError(f"cannot read {path}: {error.strerror}") from None
    rows = _records(_decode(path, data))
    if not rows:
        raise DerivationError(f"{path} is empty; expected a header row "
                              f"{','.join(REQUIRED)}")
    first = rows[0]
    if first.problem:
        raise DerivationError(f"{path}: header has {first.problem}")
    header = [name.strip() for name in first]
    missing = [name for name in REQUIRED if name not in _columns(header)]
    if missing:
        if any("\udc80" <= c <= "\udcff" for c in "".join(header)):
            raise DerivationError(f"{path} is not UTF-8 text (header "
                                  f"{_shown(','.join(first))!r}): save it as UTF-8 CSV")
        raise DerivationError(f"{path}: header {','.join(first)!r} lacks column "
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
    padded (missing trailing columns are empty); extra cells (an unquoted comma) are
    joined back into the last column."""
    width = len(header)
    if len(row) <= width:
        return list(row) + [""] * (width - len(row))
    return list(row[:width - 1]) + [",".join(row[width - 1:])]


def _unbalanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPENERS) > sum(text.count(c) for c in _CLOSERS)


def _row_problem(row: list[str], column: dict, width: int) -> str | None:
    if getattr(row, "problem", None):
        return row.problem
    if not any(cell.strip() for cell in row):
        return "empty row"
    absent = [name for name in REQUIRED if column[name] >= len(row)]
    if absent:
        return (f"row has {len(row)} fields; column {absent[0]!r} "
                f"(field {column[absent[0]] + 1}) is missing")
    answer = column["answer"]
    if answer != width - 1:  # cells after the answer: a comma in it would shift them
        if len(row) > width:
            return (f"row has {len(row)} fields for {width} columns: an unquoted comma "
                    "in the answer? quote the answer")
        if len(row) > answer + 1 and _unbalanced(row[answer]):
            return ("the answer ends inside a bracket and more fields follow: an "
                    "unquoted comma in the answer? quote the answer")
    if any("\udc80" <= c <= "\udcff" for cell in row for c in cell):
        return "row is not valid UTF-8"
    return None


def _invalid(question: str, answer: str, reason: str) -> Result:
    return Result(question, answer, "invalid_input", error={"reason": reason, "position": None})


def grade_rows(header: list[str], rows: list[list[str]], progress: Progress | None = None,
               symbolic: bool = True) -> list[Result]:
    """One result per row, in order; equal (question, answer) pairs are checked once."""
    column = _columns(header)
    cache: dict[tuple, Result] = {}
    results = []
    for number, row in enumerate(rows, 1):
        problem = _row_problem(row, column, len(header))
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


def report_bytes(text: str) -> bytes:
    """The report as written: UTF-8, with bytes that were not UTF-8 in the input
    given back unchanged."""
    return text.encode("utf-8", errors="surrogateescape")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists()
                                              and os.path.samefile(a, b))
    except OSError:
        return False


def _output_problem(flag: str, value: str, answers: Path) -> str | None:
    path = Path(value)
    if not value.strip():
        return f"{flag} is empty; give a file name"
    if value.endswith(("/", os.sep)) or path.is_dir():
        return f"{flag} {value} is a directory; give a file name"
    if os.path.abspath(value).startswith("/dev/") or (path.exists() and not path.is_file()):
        return f"{flag} {value} is not a regular file; give a file name"
    if not path.parent.is_dir():
        return f"{flag} {value}: directory {path.parent} does not exist"
    if _same_file(path, answers):
        return f"{flag} {value} is the input file; give another name"
    return None


def output_paths(answers, out: str, summary: str | None = None) -> None:
    """Refuse outputs that cannot be right before any grading is done: empty, a
    directory, a device, the input file, or the report and summary the same file."""
    named = {"--out": out} if summary is None else {"--out": out, "--summary": summary}
    for flag, value in named.items():
        problem = _output_problem(flag, value, Path(answers))
        if problem:
            raise DerivationError(problem)
    if summary is not None and _same_file(Path(out), Path(summary)):
        raise DerivationError(f"--summary {summary} is the same file as --out {out}")


def write_outputs(files: dict) -> None:
    """Write ``{path: text}`` all or nothing (staged together, mode 0644)."""
    _write_files({path: report_bytes(text) for path, text in files.items()}, mode=0o644)


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
