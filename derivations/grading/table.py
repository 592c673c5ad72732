"""Reading a class file's records one at a time (a file of any length in flat memory).

The delimiter is Excel's ``sep=`` first line when there is one, else ``--delimiter``,
else sniffed from the header among ``,`` ``;`` and tab (the one the header line holds
most of, outside quotes; ``,`` when it holds none).

Reading is strict about quotes, record by record: a quote that never closes would
otherwise swallow every following row into one field, so the line that opened it is
reported and the lines after it are read as rows of their own.  A record that spans
lines whose later lines (after a line feed: a bare CR is a line break inside a cell)
read as rows of their own (``looks_like_row``) is a quote closed only by chance,
reported the same way.  A bare CR or LF inside a quoted field
is kept as it is.  A NUL character stops the file with one line (no CSV field can
carry it; it is the mark of UTF-16 without a byte-order mark, or a binary file).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import deque
from collections.abc import Callable, Iterator
from itertools import pairwise

from derivations.errors import DerivationError
from derivations.grading.encoding import Source, decode_failure, describe
from derivations.grading.escape import terminal

__all__ = ["Record", "Table", "DELIMITERS", "MAX_LINE", "sniff_delimiter"]

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_LINE = 16 * 1024 * 1024  # characters of one physical line
MAX_RECORD_LINES = 100_000  # physical lines of one record (a quoted field)
_SEP_LINE = re.compile(r'^"?sep=(.)"?\r?\n?$')


def _unlimited_fields() -> None:
    """Field length is bounded per line (:data:`MAX_LINE`) and per answer by the
    checker, not by the csv module's 128 KB limit (which fails the whole file)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


class Record(list):
    """The cells of one record, the file line it starts on and, when its quoting is
    broken, why (such a row is reported, never graded)."""

    __slots__ = ("line", "problem")

    def __init__(self, cells=(), line: int = 0, problem: DerivationError | None = None):
        super().__init__(cells)
        self.line, self.problem = line, problem


def sniff_delimiter(line: str) -> str:
    """The delimiter among , ; tab that the line holds most of outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _Feed:
    """Physical lines as an iterator for ``csv.reader``: lines can be given back (a
    record that turned out broken), and the lines of the current record are kept."""

    def __init__(self, source: Source):
        self.source = source
        self.read = source.stream.readline
        self.pending: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.number = 0  # physical lines read from the file so far

    def __iter__(self):
        return self

    def _fresh(self) -> str:
        try:
            line = self.read(MAX_LINE + 1)
        except UnicodeDecodeError:
            raise decode_failure(self.source) from None
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > MAX_LINE:
            raise DerivationError(
                key="grading.line_too_long", path=self.source.path, line=self.number, limit=MAX_LINE
            )
        if "\x00" in line:
            raise DerivationError(
                key="grading.nul",
                path=self.source.path,
                line=self.number,
                column=line.index("\x00") + 1,
            )
        return line

    def __next__(self) -> str:
        item = self.pending.popleft() if self.pending else (self.number + 1, self._fresh())
        self.taken.append(item)
        if len(self.taken) > MAX_RECORD_LINES:
            raise DerivationError(
                key="grading.record_too_long",
                path=self.source.path,
                line=self.taken[0][0],
                limit=MAX_RECORD_LINES,
            )
        return item[1]

    def give_back(self, items) -> None:
        self.pending.extendleft(reversed(items))


def _raw_cells(line: str, delimiter: str) -> list[str]:
    """A line whose quoting is broken, split at every delimiter, quotes kept as typed."""
    return line.rstrip("\r\n").split(delimiter)


class Table:
    """A class file read record by record: :attr:`header` first, then :meth:`rows`."""

    def __init__(self, source: Source, delimiter: str | None = None):
        _unlimited_fields()
        self.source = source
        self.feed = _Feed(source)
        self.looks_like_row: Callable[[list[str]], bool] | None = None
        self.delimiter = self._delimiter(delimiter)
        self._reader = self._new_reader()
        header = self._next_record()
        if header is None:
            raise DerivationError(key="grading.empty_file", path=source.path)
        if header.problem:
            raise DerivationError(
                key="grading.bad_header", path=source.path, problem=header.problem
            )
        self.header = [name.strip() for name in header]
        self.header_line = header.line

    def _delimiter(self, given: str | None) -> str:
        try:
            first = next(self.feed)
        except StopIteration:
            raise DerivationError(key="grading.empty_file", path=self.source.path) from None
        self.feed.taken.clear()
        found = _SEP_LINE.match(first.lstrip("\ufeff"))
        if found:  # Excel's sep= line: a declaration, not a row
            return given or found[1]
        self.feed.give_back([(1, first)])
        if given:
            return given
        return sniff_delimiter(first)

    def _new_reader(self):
        return csv.reader(self.feed, delimiter=self.delimiter, strict=True)

    def _swallowed(self, taken) -> bool:
        if self.looks_like_row is None:
            return False
        for (_, before), (_, line) in pairwise(taken):
            if not before.endswith("\n"):
                continue  # after a bare CR: inside a field (Excel's line break in a cell)
            cells = next(csv.reader([line], delimiter=self.delimiter), [])
            if self.looks_like_row(cells):
                return True
        return False

    def _next_record(self) -> Record | None:
        feed = self.feed
        while True:
            feed.taken = []
            try:
                cells = next(self._reader)
            except StopIteration:
                if not feed.taken:
                    return None
                cells = None
                error = "end of data"
            except csv.Error as failure:
                cells, error = None, str(failure)
            taken = feed.taken
            if not taken:
                return None
            start, first = taken[0]
            if cells is None:
                problem = (
                    DerivationError(key="grading.unclosed_quote", line=start)
                    if "end of data" in error
                    else DerivationError(
                        key="grading.broken_quoting", line=start, reason=terminal(error)
                    )
                )
                feed.give_back(taken[1:])
                self._reader = self._new_reader()
                return Record(_raw_cells(first, self.delimiter), start, problem)
            if len(taken) > 1 and self._swallowed(taken):
                feed.give_back(taken[1:])
                return Record(
                    _raw_cells(first, self.delimiter),
                    start,
                    DerivationError(
                        key="grading.quote_runs_over",
                        line=start,
                        first=start + 1,
                        last=taken[-1][0],
                    ),
                )
            return Record(cells, start)

    def rows(self) -> Iterator[Record]:
        """Every record after the header, in order."""
        while True:
            record = self._next_record()
            if record is None:
                return
            yield record

    @property
    def bytes_read(self) -> int:
        return self.source.counter.count

    def describe(self) -> str:
        return f"{describe(self.source.encoding)}, {DELIMITERS.get(self.delimiter, 'delimiter ' + repr(self.delimiter))}"
