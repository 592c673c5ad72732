"""``docs``: render the answer sheets, the reference page and the web page into
``OUT/{en,zh}/``, and their figures into ``OUT/figures/{en,zh}/``.

Every number is checked at render time (a failed check aborts with one line, nothing is
written); a check whose sources and libraries are unchanged since a run that passed it is
taken from the cache (:mod:`derivations.docs_cache`), ``--recheck`` runs them all.  All
files are written in one atomic batch (:func:`derivations.files.
write_atomically`): a bad ``--out`` or a failed write replaces none of them; ``--check``
renders in memory and fails naming the files that differ from what is on disk; ``--pdf``
then compiles the written LaTeX with xelatex and writes both PDFs in one batch.
"""

from __future__ import annotations

import argparse
import re
from contextlib import contextmanager

__all__ = [
    "TOGETHER",
    "build_entries",
    "build_entry",
    "compile_pdf",
    "preload",
    "rarer_collections",
    "register",
    "render_documents",
    "run",
    "shares",
    "stale",
]

LANGS = ("en", "zh")
XELATEX_TIMEOUT = 600  # seconds per run; the CJK sheet takes well under a minute
XELATEX_RUNS = 4  # at most: the contents is stable after two runs, or three when it moves pages


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="render the worked answers and the reference page",
        description="Render OUT/{en,zh}/answers.md, answers.tex, formulas.md, "
        "index.html and practice.html, OUT/figures/ and OUT/practice/ (the checker for "
        "the practice pages, with the Pyodide runtime when node_modules/pyodide holds "
        "the pinned version, and its memory snapshot when Node is on PATH); every number is checked against the instrumented "
        "convolution first.",
    )
    parser.add_argument("--out", default="output", help="output directory (default: output)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--pdf", action="store_true", help="also compile OUT/{en,zh}/answers.pdf with xelatex"
    )
    mode.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 naming the files that are stale"
    )
    parser.add_argument(
        "--recheck",
        action="store_true",
        help="run every check again, even those a cached run with the same "
        "sources and libraries passed",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=_default_jobs(),
        help="processes that build what is not cached (default: the CPUs, at most 2)",
    )
    parser.set_defaults(func=run)


def build_entry(kind: str, name: str):
    """Build (and so check) one cacheable piece: an exercise, the reference page or a
    figure, with the BLAS pool at one thread (the builds are many small products, and
    ``--jobs`` already runs them side by side: a second BLAS thread only spins).
    Module-level so a worker process can run it."""
    import numpy  # noqa: F401  (loaded first: threadpoolctl limits only pools already loaded)
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    with threadpool_limits(limits=1):
        return _build(kind, name)


def _build(kind: str, name: str):
    if kind == "exercise":
        from derivations.exercises import build_all

        return build_all((name,))[0]
    if kind == "reference":
        from derivations.reference import build

        return build()
    from derivations.figures import render

    return render(name)


def build_entries(entries) -> dict:
    """``(kind, name) -> value`` for ``entries`` (an iterable, read one entry at a time as
    each is built), built in order in this process (so the
    layers they share are executed once: :func:`derivations.exercises.instances.executed`
    keeps each run's counts for the process), with the garbage collector run less often
    (:func:`rarer_collections`); then the large tensors of the last run are let go
    (:func:`derivations.exercises.instances.let_go`)."""
    from derivations.exercises.instances import let_go

    try:
        with rarer_collections():
            return {entry: build_entry(*entry) for entry in entries}
    finally:
        let_go()


# objects allocated (net) between two collections of the youngest generation while
# building; Python's default is 700
YOUNG_THRESHOLD = 20_000


@contextmanager
def rarer_collections():
    """Python's cyclic garbage collector looks at the youngest generation every
    :data:`YOUNG_THRESHOLD` net allocations inside the block instead of every 700 (its
    other thresholds as they were), restored on exit.  A figure makes millions of
    short-lived objects (matplotlib's artists, transforms and paths), and with the
    default the collector took about 13% of the figures' CPU, mostly re-scanning the
    objects that live on (SymPy's and matplotlib's); collected less often, the same
    garbage goes, a little later.  What is built never depends on when it goes."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _entries() -> list[tuple[str, str]]:
    from derivations.exercises import MODULES
    from derivations.figures import KEYS

    return (
        [("exercise", name) for name in MODULES]
        + [("reference", "formulas")]
        + [("figure", key) for key in KEYS]
    )


# Exercises built in one process when more than one runs: they execute the same
# book-sized layers (128 channels, 256 x 256, 5 x 5; about a second each), which a process
# runs once for all its entries.  They are also the two longest builds: the parent
# builds them first while the workers start on the others.
TOGETHER = (("exercise", "cost"), ("exercise", "doubling"))


def _next(ends, rest: list, front: bool):
    """The next entry of ``rest`` nobody has taken, from its front or its back (``ends``:
    a shared array holding the first and one past the last untaken index), or None; from
    the front, None also when that entry is a figure (see :func:`_build_missing`)."""
    with ends.get_lock():
        first, last = ends[0], ends[1]
        if first >= last:
            return None
        if front:
            if rest[first][0] == "figure":
                return None
            ends[0] = first + 1
            return rest[first]
        ends[1] = last - 1
        return rest[last - 1]


def _taken(ends, rest: list, front: bool):
    """The entries of ``rest`` this process takes, one at a time, until none are left
    (or, from the front, none but figures)."""
    while (entry := _next(ends, rest, front)) is not None:
        yield entry


_ENDS = None  # in a worker: the shared ends of the entries left (set by _share)


def _share(ends) -> None:
    """A worker's start (the pool's initializer): keep the shared ``ends``."""
    global _ENDS
    _ENDS = ends


def _build_from_the_back(rest: list) -> dict:
    """A worker's builds: entries of ``rest`` taken from its back until none are left."""
    return build_entries(_taken(_ENDS, rest, front=False))


def shares(missing: list) -> tuple[list, list]:
    """``missing`` as (the parent's own entries, the entries left to take): the entries
    of :data:`TOGETHER` first, the others in order."""
    return (
        [entry for entry in missing if entry in TOGETHER],
        [entry for entry in missing if entry not in TOGETHER],
    )


def preload() -> None:
    """Import what every share's builds import (NumPy, threadpoolctl, SymPy and the
    closed forms' module) and derive the closed forms of every padding reading and bias
    setting (:func:`derivations.closed_forms.forms`, cached): done once in this process
    before its workers fork from it, instead of once in each (this process needs them
    for its own share anyway).  Nothing built depends on where they were done: the
    forms are the same derivation either way."""
    import numpy  # noqa: F401
    import sympy  # noqa: F401
    from threadpoolctl import threadpool_limits  # noqa: F401

    from derivations.closed_forms import forms
    from derivations.model import PADDINGS

    for padding in PADDINGS:
        for bias in (False, True):
            forms(padding, bias)


def _context():
    """The workers' start method: ``fork`` where the platform has it (a copy of this
    process after :func:`preload`, which it need not import and derive again), else
    ``forkserver`` or ``spawn`` (a fresh interpreter)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    for method in ("fork", "forkserver", "spawn"):
        if method in methods:
            return multiprocessing.get_context(method)
    return multiprocessing.get_context()  # pragma: no cover - every platform has spawn


def _build_missing(missing: list, jobs: int) -> dict:
    """``(kind, name) -> value`` for ``missing``: with ``jobs`` > 1, ``jobs`` - 1 worker
    processes (forked after :func:`preload`: :func:`_context`) and this one build them
    side by side, this one the entries of :data:`TOGETHER` first (:func:`shares`); the
    others are taken one at a time as each process is free, this one from the front
    (the exercises, the reference page), the workers from the back (the figures, then
    what this one has not taken), so that the processes finish together however the
    machine shares its cores between them and Node's snapshot step.  This one draws no
    figure: the first figure a process draws imports matplotlib and loads its fonts
    (0.4-0.55 s of CPU, measured), paid once in a worker, twice if this one drew too.
    An error in any is raised here.  Which process builds what never changes what is
    built."""
    from itertools import chain

    if jobs <= 1 or len(missing) <= 1:
        return build_entries(missing)
    own, rest = shares(missing)
    if not rest:
        return build_entries(own)
    from concurrent.futures import ProcessPoolExecutor

    context = _context()
    if context.get_start_method() == "fork":
        preload()
    ends = context.Array("i", [0, len(rest)])
    workers = min(jobs - 1, len(rest))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_share, initargs=(ends,)
    ) as pool:
        futures = [pool.submit(_build_from_the_back, rest) for _ in range(workers)]
        built = build_entries(chain(own, _taken(ends, rest, front=True)))
        for future in futures:
            built.update(future.result())
    return {entry: built[entry] for entry in missing}


def _built(recheck: bool, jobs: int):
    """``(exercises, reference page, figures)``, each built and checked unless a trusted
    cache entry from a run with the same sources and libraries holds it."""
    from derivations.docs_cache import load, store

    entries = _entries()
    found = {} if recheck else {entry: load(*entry) for entry in entries}
    missing = [entry for entry in entries if found.get(entry) is None]
    built = _build_missing(missing, jobs)
    for (kind, name), value in built.items():
        store(kind, name, value)
    values = {**found, **built}
    by_kind = {
        kind: [values[e] for e in entries if e[0] == kind]
        for kind in ("exercise", "reference", "figure")
    }
    return by_kind["exercise"], by_kind["reference"][0], by_kind["figure"]


def render_documents(recheck: bool = False, jobs: int = 1, archived=None) -> dict[str, str | bytes]:
    """Relative path -> content of every file ``docs`` writes: per language the answers
    (Markdown, LaTeX), the reference page, the web page and the practice page; the
    figures (SVG and PDF) per language, under ``figures/<lang>/``; the practice pages' checker archive
    and scripts under ``practice/`` (not the Python runtime: :func:`run` adds it).  The
    archive is made first: with a stale prebuilt derivation it fails at once, in one line
    (:func:`derivations.practice.archive.checker_archive`), before anything is built;
    ``archived``, when given, is then called with its bytes (:func:`run` hands them to
    the snapshot's Node step, begun before, so that Node runs while the rest is built).  Every
    check runs here, except those a trusted cache entry says passed with the same
    sources and libraries (``recheck``: run them all); what must be built is built in
    ``jobs`` processes."""
    from derivations.exercises import for_edition
    from derivations.figures import files_of, for_page
    from derivations.practice.archive import ARCHIVE, checker_archive
    from derivations.practice.page import PAGE, render_practice, static_files
    from derivations.render import render_answers, render_formulas, render_page

    archive = checker_archive()  # first: it fails in one line on stale derivations
    if archived is not None:
        archived(archive)
    exercises, page, figures = _built(recheck, jobs)
    documents: dict[str, str | bytes] = {}
    for lang in LANGS:
        svgs = for_page(figures, lang)
        numbered, appendices = for_edition(exercises, lang)
        for fmt in ("md", "tex"):
            documents[f"{lang}/answers.{fmt}"] = render_answers(numbered, appendices, lang, fmt)
        documents[f"{lang}/formulas.md"] = render_formulas(page, lang)
        index = render_page(numbered, appendices, page, lang, svgs)
        documents[f"{lang}/index.html"] = index
        documents[f"{lang}/{PAGE}"] = render_practice(numbered, appendices, lang, index)
    documents[ARCHIVE] = archive
    documents.update(static_files())
    for drawn in figures:
        documents.update(files_of(drawn))
    return documents


def _default_jobs() -> int:
    import os

    available = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
    return max(1, min(2, available))


def _jobs(text: str) -> int:
    """``--jobs`` as a positive integer (argparse reports the error in one line)."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"{value} is not between 1 and 64")
    return value


def _out_directory(text: str):
    """``--out`` as a path, refused in one line if it cannot be a directory."""
    from pathlib import Path

    from derivations.errors import DerivationError
    from derivations.numbers import shown

    if not text.strip():
        raise DerivationError(key="docs.out_empty", value=shown(text))
    if "\0" in text:
        raise DerivationError(key="docs.out_nul", value=shown(text))
    out = Path(text)
    try:
        if out.exists() and not out.is_dir():
            raise DerivationError(key="docs.out_not_directory", path=out)
    except OSError as error:  # e.g. a parent directory it may not look into
        raise DerivationError(
            key="docs.out_unusable",
            value=shown(text),
            reason=getattr(error, "strerror", None) or error,
        ) from None
    return out


def _refuse_file_in_the_way(files) -> None:
    """Fail before any directory is made (``write_atomically`` makes ``en/`` before it
    finds a file sitting where ``zh/`` should be, and would leave ``en/`` behind)."""
    from derivations.errors import DerivationError

    for folder in sorted({path.parent for path in files}):
        if folder.exists() and not folder.is_dir():
            raise DerivationError(key="docs.file_in_the_way", path=folder)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def stale(out, documents: dict[str, str | bytes]) -> list[str]:
    """The documents whose file under ``out`` is missing or differs (unreadable: an error)."""
    from derivations.errors import DerivationError

    names = []
    for name, content in documents.items():
        path = out / name
        try:
            same = path.is_file() and path.read_bytes() == _bytes(content)
        except OSError as error:
            raise DerivationError(
                key="docs.cannot_read", path=path, reason=error.strerror or error
            ) from None
        if not same:
            names.append(str(path))
    return names


def _latex_error(stdout: str) -> str:
    """The first LaTeX error (``! ...``) and its input line (``l.NN``), on one line."""
    lines = stdout.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("!")), None)
    if first is None:
        return ""
    where = next(
        (line.split(" ", 1)[0] for line in lines[first + 1 : first + 20] if line.startswith("l.")),
        "",
    )
    return f"{lines[first][:200]}" + (f" ({where})" if where else "")


_MISSING = re.compile(
    r"Missing character: There is no (.*?) \(U\+([0-9A-Fa-f]+)\) in font ([^\n!]*)"
)


def missing_glyphs(log_path):
    """A DerivationError naming the characters xelatex printed nothing for (its log's
    "Missing character" lines: the PDF would silently lack them), or None."""
    from pathlib import Path

    from derivations.errors import DerivationError

    try:
        log = Path(log_path).read_text(encoding="utf-8", errors="replace")
    except OSError:  # no log (xelatex wrote none): nothing to check
        return None
    found = _MISSING.findall(log)
    if not found:
        return None
    codes = sorted({code.upper() for _, code, _ in found})
    return DerivationError(
        key="docs.missing_glyphs",
        count=len(found),
        characters=", ".join(f"U+{code}" for code in codes),
        font=found[0][2].split(":")[0].strip(),
    )


def compile_pdf(tex_path) -> bytes:
    """The PDF xelatex makes of ``tex_path`` (in a scratch directory); DerivationError
    naming the file and the first LaTeX error if xelatex is missing or fails, or the
    characters it had no glyph for (a "Missing character" in its log)."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from derivations.errors import DerivationError

    if shutil.which("xelatex") is None:
        raise DerivationError(key="docs.no_xelatex", path=tex_path)
    with tempfile.TemporaryDirectory() as scratch:
        # the sheet in a folder of its own beside a copy of the figures, as docs writes them
        work = Path(scratch) / "sheet"
        try:
            work.mkdir()
            figures = Path(tex_path).parent.parent / "figures"
            if figures.is_dir():
                shutil.copytree(figures, Path(scratch) / "figures")
            shutil.copy(tex_path, work / "answers.tex")
            toc, runs = None, 0
            # each run writes the contents the next one prints; a contents that moves the
            # pages (it fills a page) needs one run more: run until the .toc is stable
            while runs < XELATEX_RUNS:
                runs += 1
                done = subprocess.run(
                    ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "answers.tex"],
                    cwd=work,
                    capture_output=True,
                    text=True,
                    errors="replace",
                    stdin=subprocess.DEVNULL,
                    timeout=XELATEX_TIMEOUT,
                )
                if done.returncode:
                    error = _latex_error(done.stdout) or DerivationError(
                        key="docs.xelatex_status", status=done.returncode
                    )
                    raise DerivationError(key="docs.xelatex_failed", path=tex_path, reason=error)
                contents = work / "answers.toc"
                written = contents.read_bytes() if contents.exists() else b""
                if written == toc:
                    break
                toc = written
            missing = missing_glyphs(work / "answers.log")
            if missing:
                raise DerivationError(key="docs.xelatex_failed", path=tex_path, reason=missing)
            return (work / "answers.pdf").read_bytes()
        except subprocess.TimeoutExpired:
            raise DerivationError(
                key="docs.xelatex_failed",
                path=tex_path,
                reason=DerivationError(key="docs.xelatex_timeout", seconds=XELATEX_TIMEOUT),
            ) from None
        except OSError as error:  # xelatex vanished, or wrote no PDF
            raise DerivationError(
                key="docs.xelatex_failed", path=tex_path, reason=error.strerror or error
            ) from None


def _begin_snapshot(out):
    """Pyodide's memory snapshot for the practice worker begun before anything else
    (:func:`derivations.practice.snapshot.begin`: Node boots Pyodide while the archive
    is made, unless ``out`` holds a snapshot the archive may let keep); None without
    the runtime."""
    from derivations.practice.runtime import locate
    from derivations.practice.snapshot import begin

    folder, _ = locate()
    return None if folder is None else begin(folder, previous=out)


def run(args: argparse.Namespace) -> int:
    import sys

    from derivations.files import write_atomically

    out = _out_directory(args.out)
    if args.check:
        documents = render_documents(recheck=args.recheck, jobs=args.jobs)
        names = stale(out, documents)
        if names:
            print(
                f"derivations docs: stale (run `python -m derivations docs --out {out}`): "
                + ", ".join(names),
                file=sys.stderr,
            )
            return 1
        print(f"derivations docs: {len(documents)} files under {out} are up to date")
        return 0
    from derivations.practice.runtime import runtime_files

    begun = _begin_snapshot(out)  # first: Node boots while the rest is made
    try:
        documents = render_documents(
            recheck=args.recheck,
            jobs=args.jobs,
            archived=None if begun is None else begun.give,
        )
        runtime, skipped = runtime_files()
        snapshot, unsnapped = begun.files() if runtime and begun else ({}, "")
    finally:
        if begun is not None:
            begun.stop()
    files = {out / name: content for name, content in {**documents, **runtime, **snapshot}.items()}
    _refuse_file_in_the_way(files)
    write_atomically(files, make_parents=True)
    print(f"derivations docs: wrote {len(files)} files under {out}")
    for line in (skipped, unsnapped):
        if line:
            print(f"derivations docs: {line}", file=sys.stderr)
    if args.pdf:
        pdfs = {
            out / lang / "answers.pdf": compile_pdf(out / lang / "answers.tex") for lang in LANGS
        }
        write_atomically(pdfs)
        print(f"derivations docs: compiled {out}/{{{','.join(LANGS)}}}/answers.pdf")
    return 0
