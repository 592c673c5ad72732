"""Pyodide's memory snapshot for the practice pages' worker: the interpreter's memory after
start-up with the checker imported, so the page restores it instead of starting Python.

``docs`` runs Node once (``snapshot.mjs`` beside this module, with V8's
:data:`NODE_FLAGS`) on the runtime it copies and the archive it writes: boot Pyodide,
unpack :data:`~derivations.practice.archive.ARCHIVE`, run :data:`WARM` (import what a
check uses, check answers of each kind), write
``practice/pyodide/checker.snapshot`` (:func:`packed_file`: the 45 MB of memory without its
whole zero pages, about 28 MB, gzipped at :data:`LEVEL`: about 10 MB, which the worker
inflates as it downloads) and
``practice/pyodide/checker.snapshot.json`` (the archive's SHA-256 and the Pyodide version
it was made with).  The worker uses the snapshot only when both match what it loads, and
otherwise, or when Pyodide refuses it, starts Python as without one.  The key file also
holds what the snapshot was made from (:func:`made_from`: the SHA-256 of the runtime's
files, the scripts, :data:`WARM` and Node's version), the archive's files the snapshot
holds as imported modules (``held``: :func:`derivations.practice.browser.held`; the
worker restoring it neither inflates nor writes them) and the snapshot's own SHA-256: a
build whose output folder already holds a snapshot made from the same archive and inputs,
with those bytes, keeps it instead of running Node again (any snapshot made from the same
inputs is as good as another).  Like the runtime it is
never committed (``.gitignore``) nor byte-reproducible; without Node ``docs`` builds
everything else and says in one line what it skipped.  The wasm memory holds Python's
objects, not the files of Emscripten's in-memory file system: the worker writes the
archive's files as Pyodide sets up (inflated while the snapshot downloads), but for those
``held``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

from derivations.practice.runtime import FOLDER, VERSION

__all__ = [
    "SNAPSHOT",
    "KEY",
    "NODE_FLAGS",
    "WARM",
    "SPARSE",
    "LEVEL",
    "PAGE",
    "key",
    "made_from",
    "sparse",
    "dense",
    "packed",
    "packed_file",
    "unpacked",
    "snapshot_files",
    "begin",
    "start",
    "Making",
]

SNAPSHOT = f"{FOLDER}/checker.snapshot"  # below docs' output folder
KEY = f"{SNAPSHOT}.json"  # what the worker compares before using it
SITE = "/home/pyodide/checker"  # where the worker unpacks the archive (worker.js: SITE)
# run before the snapshot is taken: only a warm-up (browser.warm_all: every question's
# derivations, the numbers' layer, answers of each kind to every question in one
# language, which warms the other too, so what a first answer imports, builds and caches
# is in the snapshot and the worker restored from it warms nothing; none the benchmark
# times); the worker runs its own imports after restoring (no-ops then)
WARM = f"""
import sys
sys.path.insert(0, {SITE!r})
from derivations.practice.browser import answer, held, warm, warm_all, warm_steps
from derivations.practice.numbers import answer_at
WARMED = warm_all()
import json
HELD = json.dumps(held({SITE!r}))
"""
_TIMEOUT_S = 600
# V8's flags for the one Node run: every wasm function compiled once by the baseline
# compiler (Liftoff) and never again by the optimizing one (TurboFan).  In a run this
# short the optimizing compiles of Python's hot functions cost more CPU than their
# faster code saves (measured: the step's CPU about 7% lower).  Compilers change how
# fast the wasm runs, never what it computes: the memory snapshotted is the same.
NODE_FLAGS = ("--liftoff", "--no-wasm-tier-up")
SPARSE = b"SPR1"  # the sparse file's first 4 bytes (worker.js: MAGIC)
# gzip's level for the snapshot: on its 23 MB (measured once, this machine) level 5 takes
# 0.49 s of CPU for 8.96 MB, level 6 0.80 s for 8.83 MB (+1.5% to download and inflate,
# against 0.3 s less of each docs build that makes it); level 4: 0.37 s for 9.19 MB
LEVEL = 5
PAGE = 4096  # the unit of the zeros left out
# read, compared and compressed at a time when packing (the memory is about 40 MB: held
# whole, with its sparse copy, it made the peak of a docs build's RSS)
_CHUNK = 256 * PAGE


def key(archive: bytes) -> dict[str, str]:
    """What ``KEY`` holds for ``archive``: its SHA-256 (hex) and the Pyodide version."""
    return {"archive": hashlib.sha256(archive).hexdigest(), "pyodide": VERSION}


def _pieces(read, size: int):
    """:func:`sparse`'s bytes in pieces of at most :data:`_CHUNK` (but its head), from
    ``read(at, length)``: the memory's ``length`` bytes from ``at`` (of ``size``)."""
    zero = bytes(PAGE)
    kept: list[list[int]] = []
    for start in range(0, size, _CHUNK):
        chunk = read(start, _CHUNK)
        for offset in range(0, len(chunk), PAGE):
            if chunk[offset : offset + PAGE] == zero:
                continue
            at = start + offset
            end = min(at + PAGE, size)
            if kept and kept[-1][0] + kept[-1][1] == at:
                kept[-1][1] = end - kept[-1][0]
            else:
                kept.append([at, end - at])
    words = [size, len(kept), *(n for stretch in kept for n in stretch)]
    yield SPARSE + struct.pack(f"<{len(words)}I", *words)
    for at, length in kept:
        for start in range(at, at + length, _CHUNK):
            yield read(start, min(_CHUNK, at + length - start))


def sparse(memory: bytes) -> bytes:
    """``memory`` (Pyodide's snapshot) without its stretches of whole zero pages (about
    half of it: the heap's free space), which the worker puts back as zeros: ``SPARSE``,
    then little-endian 32-bit words: the full length, the number of stretches kept, each
    one's offset and length, then the bytes kept, in order."""
    return b"".join(_pieces(lambda at, length: memory[at : at + length], len(memory)))


def dense(data: bytes) -> bytes:
    """The memory :func:`sparse` left ``data`` from (what the worker rebuilds); ValueError
    when ``data`` is not of that form."""
    if data[:4] != SPARSE or len(data) < 12:
        raise ValueError("not a sparse snapshot")
    size, count = struct.unpack_from("<2I", data, 4)
    if len(data) < 12 + 8 * count:
        raise ValueError("a sparse snapshot cut short")
    stretches = struct.unpack_from(f"<{2 * count}I", data, 12)
    memory = bytearray(size)
    start, end = 12 + 8 * count, 0
    for at, length in zip(stretches[::2], stretches[1::2]):
        if at < end or at + length > size or start + length > len(data):
            raise ValueError("a sparse snapshot out of bounds")
        memory[at : at + length] = data[start : start + length]
        start, end = start + length, at + length
    if start != len(data):
        raise ValueError("a sparse snapshot of the wrong length")
    return bytes(memory)


def _gzipped(pieces) -> bytes:
    """The bytes of ``pieces`` gzipped as one stream (:data:`LEVEL`, no date: the same
    bytes for the same memory, as ``gzip.compress(b"".join(pieces), LEVEL, mtime=0)``
    gives them, without joining the pieces)."""
    stream = zlib.compressobj(LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # a gzip wrapper
    out = [stream.compress(piece) for piece in pieces]
    out.append(stream.flush())
    return b"".join(out)


def packed(memory: bytes) -> bytes:
    """What ``SNAPSHOT`` holds for ``memory``: :func:`sparse`, gzipped (:func:`_gzipped`)."""
    return _gzipped(_pieces(lambda at, length: memory[at : at + length], len(memory)))


def packed_file(path: Path) -> bytes:
    """:func:`packed` of the bytes of the file ``path`` (Pyodide's snapshot as Node wrote
    it), read :data:`_CHUNK` at a time: neither it nor its sparse form is held whole."""
    with path.open("rb") as file:

        def read(at: int, length: int) -> bytes:
            file.seek(at)
            return file.read(length)

        return _gzipped(_pieces(read, path.stat().st_size))


def unpacked(data: bytes) -> bytes:
    """The memory :func:`packed` made ``data`` from (what the worker rebuilds)."""
    return dense(gzip.decompress(data))


def made_from(runtime: Path, node: str) -> str | None:
    """SHA-256 (hex) of what a snapshot is made from besides the archive: the runtime's
    :data:`~derivations.practice.runtime.FILES`, ``snapshot.mjs``, this module (the
    file's form, :func:`packed`, and :data:`NODE_FLAGS`), :data:`WARM` and
    ``node --version``; None when one cannot be read."""
    from derivations.practice.runtime import FILES

    digest = hashlib.sha256()

    def add(part: bytes) -> None:  # one part at a time: the runtime's files are 13 MB
        digest.update(f"{len(part)}\0".encode())
        digest.update(part)

    try:
        for name in FILES:
            add((runtime / name).read_bytes())
        add(Path(__file__).with_name("snapshot.mjs").read_bytes())
        add(Path(__file__).read_bytes())  # the file's form (packed)
        version = subprocess.run(
            [node, "--version"], capture_output=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    add(WARM.encode())
    add(version)
    return digest.hexdigest()


def _kept(previous: Path, wanted: dict[str, str]) -> dict[str, bytes] | None:
    """The snapshot files under ``previous`` when its key file is ``wanted`` plus the
    snapshot's SHA-256, and the snapshot has those bytes; else None."""
    try:
        keyed = json.loads((previous / KEY).read_bytes())
        data = (previous / SNAPSHOT).read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(keyed, dict) or keyed != {
        **wanted,
        "snapshot": keyed.get("snapshot"),
        "held": keyed.get("held"),
    }:
        return None
    if keyed["snapshot"] != hashlib.sha256(data).hexdigest() or _held(keyed["held"]) is None:
        return None
    return {SNAPSHOT: data, KEY: json.dumps(keyed, sort_keys=True).encode()}


def _held(names: object) -> list[str] | None:
    """``names`` when it is a list of the archive's names (the snapshot's held modules,
    ``browser.held``), else None."""
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    return names


class Making:
    """A snapshot being made (:func:`begin`): Node runs in its own process while the
    caller goes on; :meth:`give` hands it the archive, :meth:`files` waits for it and
    gives what :func:`snapshot_files` gives, :meth:`stop` ends it unfinished.  Either
    removes its scratch folder."""

    def __init__(self, ready: tuple[dict[str, bytes], str] | None = None):
        self.ready = ready  # the result when nothing is left to run
        self.process: subprocess.Popen | None = None
        self.scratch: tempfile.TemporaryDirectory | None = None
        self.wanted: dict[str, str] = {}
        self.inputs: str | None = None  # made_from, once Node's path is known
        self.previous: Path | None = None  # an output folder whose snapshot may be kept
        self.argv: list[str] = []  # Node's command line

    def give(self, archive: bytes) -> Making:
        """Hand Node ``archive`` (written where Node reads it, then Node's input closed),
        or, Node not begun, keep the snapshot of ``previous`` when it was made from the
        same archive and inputs, else begin Node now.  Returns itself."""
        if self.ready is not None or not self.argv:
            return self
        self.wanted = {**key(archive), "made_from": self.inputs or ""}
        if self.process is None and self.inputs is not None and self.previous is not None:
            kept = _kept(self.previous, self.wanted)
            if kept is not None:
                self.stop()
                self.ready = (kept, "")
                return self
        assert self.scratch is not None
        (Path(self.scratch.name) / "checker.zip").write_bytes(archive)
        if self.process is None:
            self._launch()
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()  # Node reads the archive now (nothing is buffered)
        return self

    def _launch(self) -> None:
        """Node started on :attr:`argv` (it reads the archive once its input closes), or
        the one line saying why it could not start in :attr:`ready`."""
        assert self.scratch is not None
        try:
            with (Path(self.scratch.name) / "node.err").open("wb") as said:
                self.process = subprocess.Popen(
                    self.argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=said
                )
        except OSError as error:
            self.stop()
            self.ready = ({}, _skipped(str(error)))

    def files(self) -> tuple[dict[str, bytes], str]:
        """``({relative path: bytes}, "")``, or ``({}, the one line saying what was
        skipped and why)``, once Node has finished (at most :data:`_TIMEOUT_S` from its
        start)."""
        if self.ready is None:
            try:
                self.ready = self._finished()
            finally:
                self.stop()
        return self.ready

    def _finished(self) -> tuple[dict[str, bytes], str]:
        if self.process is None or self.scratch is None:  # never given an archive
            return {}, _skipped("no archive given")
        try:
            status = self.process.wait(timeout=_TIMEOUT_S)
        except subprocess.TimeoutExpired as error:
            return {}, _skipped(str(error))
        work = Path(self.scratch.name)
        out = work / "checker.snapshot"
        if status != 0 or not out.is_file():
            said = (work / "node.err").read_text(encoding="utf-8", errors="replace")
            last = (said.strip().splitlines() or [f"exit {status}"])[-1]
            return {}, _skipped(f"node failed: {last[:200]}")
        data = packed_file(out)
        try:
            held = _held(json.loads(Path(f"{out}.held.json").read_bytes()))
        except (OSError, ValueError):
            held = None
        keyed = {**self.wanted, "snapshot": hashlib.sha256(data).hexdigest(), "held": held or []}
        return {SNAPSHOT: data, KEY: json.dumps(keyed, sort_keys=True).encode()}, ""

    def stop(self) -> None:
        """End Node if it still runs and remove the scratch folder (again: nothing)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
        if self.scratch is not None:
            self.scratch.cleanup()
            self.scratch = None


def _skipped(why: str) -> str:
    """What ``docs`` says of a snapshot not made, and ``why``."""
    return f"skipped the practice pages' Python snapshot: {why}"


def _may_keep(previous: Path, inputs: str) -> bool:
    """Whether the output folder ``previous`` holds a snapshot key made from ``inputs``
    and this Pyodide (its archive is not known yet: :func:`_kept` asks that later)."""
    try:
        keyed = json.loads((previous / KEY).read_bytes())
    except (OSError, ValueError):
        return False
    return (
        isinstance(keyed, dict)
        and keyed.get("made_from") == inputs
        and keyed.get("pyodide") == VERSION
        and (previous / SNAPSHOT).is_file()
    )


def begin(runtime: Path, previous: Path | None = None) -> Making:
    """The snapshot of :func:`snapshot_files` begun before its archive exists: Node
    started on the runtime folder ``runtime`` at once (it boots Pyodide, about two
    thirds of its work, then waits for :meth:`Making.give`), unless the output folder
    ``previous`` holds a snapshot made from the same inputs, which the archive may let
    keep (then Node begins, if at all, when :meth:`Making.give` finds it cannot), or
    Node is missing or cannot start (skipped).  ``docs`` begins it first, so Node runs
    while the archive, the sheets and the figures are made."""
    node = shutil.which("node")
    if node is None:
        return Making(({}, _skipped("no `node` on PATH")))
    making = Making()
    making.inputs = made_from(runtime, node)
    making.previous = previous
    making.scratch = tempfile.TemporaryDirectory(prefix="derivations-snapshot-")
    work = Path(making.scratch.name)
    (work / "warm.py").write_text(WARM, encoding="utf-8")
    script = Path(__file__).with_name("snapshot.mjs")
    making.argv = [node, *NODE_FLAGS, str(script), str(runtime)]
    making.argv += [
        str(work / "checker.zip"),
        str(work / "warm.py"),
        str(work / "checker.snapshot"),
    ]
    if making.inputs is None or previous is None or not _may_keep(previous, making.inputs):
        making._launch()
    return making


def start(runtime: Path, archive: bytes, previous: Path | None = None) -> Making:
    """The snapshot of :func:`snapshot_files` begun with its archive: :func:`begin`,
    then :meth:`Making.give` ``archive`` (the snapshot of ``previous`` kept when it
    was made from the same archive and inputs, with its recorded bytes)."""
    return begin(runtime, previous).give(archive)


def snapshot_files(
    runtime: Path, archive: bytes, previous: Path | None = None
) -> tuple[dict[str, bytes], str]:
    """``({relative path: bytes}, "")`` for the snapshot made with Node from the runtime
    folder ``runtime`` and ``archive`` (or kept from the output folder ``previous`` when
    it holds one made from the same archive and inputs, with its recorded bytes), or
    ``({}, the one line saying what was skipped and why)``: :func:`start`, then
    :meth:`Making.files`."""
    return start(runtime, archive, previous).files()
