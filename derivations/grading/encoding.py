"""Opening a class file as text: its encoding detected or given, its size capped.

Detected: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with a mark, UTF-16
without one (every other byte NUL).  Anything else (Excel's cp1252, a Chinese Excel's
GB18030, …) is named with ``--encoding``; a file that does not decode stops before
anything is written, with one line naming the line, the byte and the encodings that
would decode it.  Never a replacement character, never a silently damaged name.

Only a regular file is read (:func:`derivations.grading.inputs.open_regular`: a FIFO or a
device is refused before a byte is read), through a counter: more than
:data:`MAX_INPUT_BYTES` (a file still growing as it is read) stops with one line naming
the limit.  ``--encoding`` names a text encoding a CSV file can be saved in
(ASCII-compatible, or UTF-16/32): ``hex``, ``base64``, ``rot13``, ``punycode``,
``unicode_escape``, ``utf-7`` and the like are refused with one line.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata

from derivations.errors import DerivationError
from derivations.grading.escape import terminal
from derivations.grading.inputs import open_regular
from derivations.records import record

__all__ = [
    "MAX_INPUT_BYTES",
    "Source",
    "open_source",
    "CANDIDATES",
    "likely_encodings",
    "decode_failure",
    "describe",
]

MAX_INPUT_BYTES = 4 * 1024**3  # a class file: 4 GiB (a 4.4 M-row export is ~200 MB)
_SAMPLE = 1 << 16
# the encodings proposed when a file is not UTF-8, in the order they are tried
CANDIDATES = ("cp1252", "gb18030", "big5", "shift_jis", "euc-kr", "cp1251", "latin-1")
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Counted(io.RawIOBase):
    """A raw byte stream that counts what it gives and stops at the size cap."""

    def __init__(self, stream, prefix: bytes, path: str, limit: int):
        self.stream, self.prefix, self.path = stream, prefix, path
        self.limit, self.count = limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.prefix:
            size = min(len(buffer), len(self.prefix))
            buffer[:size] = self.prefix[:size]
            self.prefix = self.prefix[size:]
        else:
            size = self.stream.readinto(buffer)
        self.count += size or 0
        if self.count > self.limit:
            raise DerivationError(
                key="grading.input_too_large", path=self.path, limit=_human(self.limit)
            )
        return size

    def close(self) -> None:
        self.stream.close()
        super().close()


def _human(size: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:g} {unit}" if unit == "bytes" else f"{size:.0f} {unit}"
        size /= 1024
    return str(size)


@record
class Source:
    """An open class file: ``stream`` gives its text line by line (newlines kept as
    written); ``counter.count`` is the number of bytes read so far, ``size`` the file's
    size when it is a regular file (for the progress bar)."""

    path: str
    encoding: str
    stream: io.TextIOWrapper
    counter: _Counted
    size: int | None

    def close(self) -> None:
        self.stream.close()


def _bom_less_utf16(sample: bytes) -> str | None:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detected(sample: bytes) -> str:
    for mark, name in _MARKS:
        if sample.startswith(mark):
            return name
    return _bom_less_utf16(sample) or "utf-8"


# what a class file's header and answers hold: a text encoding must give these
# characters back as the same ASCII bytes (or be UTF-16/32) and read them back unchanged
_PROBE = "Student,Question,Answer;\tc_i*(k_h-1)/2+[x]\"\\u0041'\r\n"
_UNICODE_FAMILIES = ("utf-8-sig", "utf-16", "utf-32")
_NOT_FOR_FILES = frozenset({"idna"})  # a host-name codec: rewrites what looks like one


def _is_file_encoding(name: str) -> bool:
    """Whether codec ``name`` can be a CSV file's encoding: a text encoding (not hex,
    base64, zlib, rot13, uu), ASCII-compatible or a UTF-16/32 form, that reads back what
    it wrote (not punycode, unicode_escape, raw_unicode_escape, utf-7, undefined)."""
    if not getattr(codecs.lookup(name), "_is_text_encoding", True) or name in _NOT_FOR_FILES:
        return False
    try:
        encoded = _PROBE.encode(name)
        back = encoded.decode(name)
    except (UnicodeError, ValueError, LookupError):
        return False
    return back == _PROBE and (
        encoded == _PROBE.encode("ascii") or name.startswith(_UNICODE_FAMILIES)
    )


def _codec(name: str, path: str) -> str:
    try:
        found = codecs.lookup(name).name
    except LookupError:
        raise DerivationError(
            key="grading.unknown_encoding", path=path, encoding=terminal(name)
        ) from None
    if not _is_file_encoding(found):
        raise DerivationError(key="grading.not_text_encoding", path=path, encoding=terminal(name))
    return "utf-8-sig" if found == "utf-8" else found


def open_source(path, encoding: str | None = None, limit: int | None = None) -> Source:
    """Open ``path`` for reading as text; ``encoding`` None: detect (see module);
    ``limit``: the size cap in bytes (default :data:`MAX_INPUT_BYTES`)."""
    name = str(path)
    limit = MAX_INPUT_BYTES if limit is None else limit
    descriptor, size = open_regular(path)
    stream = open(descriptor, "rb", buffering=0)  # noqa: SIM115 -- kept open by the Source
    try:
        sample = stream.read(_SAMPLE) or b""
    except OSError as error:
        stream.close()
        raise DerivationError(
            key="grading.cannot_read", path=name, reason=error.strerror or str(error)
        ) from None
    chosen = _codec(encoding, name) if encoding else _detected(sample)
    if b"\x00" in sample and not codecs.lookup(chosen).name.startswith(("utf-16", "utf-32")):
        stream.close()  # a binary file: say so before reading any further
        at = sample.index(b"\x00")
        line = sample.count(b"\n", 0, at) + 1
        column = at - (sample.rfind(b"\n", 0, at) + 1) + 1
        raise DerivationError(key="grading.nul", path=name, line=line, column=column)
    counter = _Counted(stream, sample, name, limit)
    buffered = io.BufferedReader(counter, buffer_size=1 << 16)
    textual = io.TextIOWrapper(buffered, encoding=chosen, errors="strict", newline="")
    return Source(name, chosen, textual, counter, size)


# scripts that one name may mix (a Japanese name: kanji and kana)
_SCRIPT_OF = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    first = unicodedata.name(char, "?").split(" ")[0]
    return _SCRIPT_OF.get(first, first)


def _plausibility(decoded: str, name: str) -> tuple:
    """How plausible ``decoded`` is as text (smaller: likelier): C1 control characters
    (U+0080-U+009F: cp1252's punctuation read as Latin-1) first, then the share of words
    with a non-ASCII letter whose letters are not all of one script ("Mьller": cp1252's
    ü read as cp1251), then the share of non-ASCII characters that are not letters made
    of non-ASCII bytes only (a two-byte encoding reading Latin text swallows the ASCII
    letter after each accent)."""
    wide = [c for c in decoded if ord(c) > 0x7F]
    controls = sum(0x80 <= ord(c) <= 0x9F for c in wide)
    words = [w for w in _WORD.findall(decoded) if not w.isascii()]
    mixed = sum(len({_script(c) for c in w}) > 1 for w in words)
    clean = sum(c.isalpha() and all(b >= 0x80 for b in c.encode(name, "replace")) for c in wide)
    return (
        controls > 0,
        round(mixed / max(len(words), 1), 2),
        -round(clean / max(len(wide), 1), 2),
    )


def likely_encodings(*samples: bytes) -> list[str]:
    """Encodings that decode every sample without error (a sample may end inside a
    character), the likeliest first (:func:`_plausibility`, then the fewer characters:
    more bytes explained per character, then the order of :data:`CANDIDATES`)."""
    scored = []
    for index, name in enumerate(CANDIDATES):
        try:
            decoded = "".join(
                codecs.getincrementaldecoder(name)().decode(part, final=False) for part in samples
            )
        except UnicodeDecodeError:
            continue
        if decoded.isascii():
            continue
        scored.append((_plausibility(decoded, name), len(decoded), index, name))
    return [name for *_, name in sorted(scored)][:3]


def _locate(path: str, encoding: str):
    """(line, byte offset, byte value, bytes of the line) of the first byte that does
    not decode, reading the file again from its start, a line at a time."""
    descriptor, size = open_regular(path)
    with open(descriptor, "rb") as stream:
        if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            # such a file is rarely large; the buffer is the file's size, never the cap's
            data = stream.read(min(size, MAX_INPUT_BYTES) + 1)
            try:
                data.decode(encoding)
            except UnicodeDecodeError as error:
                line = data[: error.start].decode(encoding, "replace").count("\n") + 1
                begin = data.rfind("\n".encode(encoding)[-2:], 0, error.start) + 1
                return line, error.start, data[error.start], data[begin : error.start + 64]
            return None
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        offset = 0
        for number, raw in enumerate(iter(lambda: stream.readline(1 << 20), b""), 1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError as error:
                return number, offset + error.start, raw[error.start], raw
            offset += len(raw)
    return None


def decode_failure(source: Source) -> DerivationError:
    """The one-line error for a file that does not decode: where, which byte, and
    what it may be."""
    encoding = source.encoding
    try:
        where = _locate(source.path, encoding)
        descriptor, _ = open_regular(source.path)
        with open(descriptor, "rb") as stream:
            head = stream.read(_SAMPLE)
    except (OSError, DerivationError):
        where, head = None, b""
    if where is None:
        return DerivationError(
            key="grading.not_decodable", path=source.path, encoding=_display(encoding)
        )
    line, offset, byte, bad_line = where
    guesses = [g for g in likely_encodings(head, bad_line) if g != encoding] or ["latin-1"]
    return DerivationError(
        key="grading.bad_encoding",
        path=source.path,
        line=line,
        offset=offset,
        byte=f"0x{byte:02X}",
        encoding=_display(encoding),
        likely=", ".join(guesses),
        first=guesses[0],
    )


def _display(encoding: str) -> str:
    return "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding


def describe(encoding: str) -> str:
    """How an encoding is named in messages."""
    return _display(encoding)
