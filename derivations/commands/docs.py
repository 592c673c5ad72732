"""``docs``: render the answer sheets and the reference page into ``OUT/{en,zh}/``.

Every number is checked at render time (a failed check aborts with one line, nothing is
written).  The six files are written in one atomic batch (:func:`derivations.files.
write_atomically`): a bad ``--out`` or a failed write replaces none of them; ``--check``
renders in memory and fails naming the files that differ from what is on disk; ``--pdf``
then compiles the written LaTeX with xelatex and writes both PDFs in one batch.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run", "render_documents", "stale", "compile_pdf"]

LANGS = ("en", "zh")
XELATEX_TIMEOUT = 600  # seconds per run; the CJK sheet takes well under a minute


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs", help="render the worked answers and the reference page",
        description="Render OUT/{en,zh}/answers.md, answers.tex and formulas.md; every "
                    "number is checked against the instrumented convolution first.")
    parser.add_argument("--out", default="output", help="output directory (default: output)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--pdf", action="store_true",
                      help="also compile OUT/{en,zh}/answers.pdf with xelatex")
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 naming the files that are stale")
    parser.set_defaults(func=run)


def render_documents() -> dict[str, str | bytes]:
    """Relative path -> content of every file ``docs`` writes (checks run here): per
    language the answers (Markdown, LaTeX), the reference page and the web page; the
    figures (SVG and PDF) once, under ``figures/``."""
    from derivations.exercises import build_all, for_edition
    from derivations.figures import render_all
    from derivations.reference import build as build_reference
    from derivations.render import render_answers, render_formulas, render_page
    exercises = build_all()
    page = build_reference()
    figures = render_all()
    svgs = {name.removeprefix("figures/").removesuffix(".svg"): content
            for name, content in figures.items() if name.endswith(".svg")}
    documents: dict[str, str | bytes] = {}
    for lang in LANGS:
        numbered, appendices = for_edition(exercises, lang)
        for fmt in ("md", "tex"):
            documents[f"{lang}/answers.{fmt}"] = render_answers(numbered, appendices, lang, fmt)
        documents[f"{lang}/formulas.md"] = render_formulas(page, lang)
        documents[f"{lang}/index.html"] = render_page(numbered, appendices, page, lang, svgs)
    documents.update(figures)
    return documents


def _out_directory(text: str):
    """``--out`` as a path, refused in one line if it cannot be a directory."""
    from pathlib import Path

    from derivations.errors import DerivationError
    if not text.strip():
        raise DerivationError(f"--out {text!r} is empty; name a directory (e.g. output)")
    if "\0" in text:
        raise DerivationError(f"--out {text!r} cannot be used: it holds a NUL byte")
    out = Path(text)
    try:
        if out.exists() and not out.is_dir():
            raise DerivationError(f"--out {out} is not a directory")
    except OSError as error:  # e.g. a parent directory it may not look into
        raise DerivationError(f"--out {text!r} cannot be used: "
                              f"{getattr(error, 'strerror', None) or error}") from None
    return out


def _refuse_file_in_the_way(files) -> None:
    """Fail before any directory is made (``write_atomically`` makes ``en/`` before it
    finds a file sitting where ``zh/`` should be, and would leave ``en/`` behind)."""
    from derivations.errors import DerivationError
    for folder in sorted({path.parent for path in files}):
        if folder.exists() and not folder.is_dir():
            raise DerivationError(f"{folder} is not a directory; the documents go inside it")


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
            raise DerivationError(f"cannot read {path}: {error.strerror or error}") from None
        if not same:
            names.append(str(path))
    return names


def _latex_error(stdout: str) -> str:
    """The first LaTeX error (``! ...``) and its input line (``l.NN``), on one line."""
    lines = stdout.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("!")), None)
    if first is None:
        return ""
    where = next((line.split(" ", 1)[0] for line in lines[first + 1:first + 20]
                  if line.startswith("l.")), "")
    return f"{lines[first][:200]}" + (f" ({where})" if where else "")


def compile_pdf(tex_path) -> bytes:
    """The PDF xelatex makes of ``tex_path`` (in a scratch directory); DerivationError
    naming the file and the first LaTeX error if xelatex is missing or fails."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from derivations.errors import DerivationError
    if shutil.which("xelatex") is None:
        raise DerivationError(f"cannot compile {tex_path}: xelatex is not on PATH "
                              "(Debian: texlive-xetex texlive-lang-chinese fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as work:
        try:
            shutil.copy(tex_path, Path(work) / "answers.tex")
            for _ in range(2):  # the second run fills in the table of contents
                done = subprocess.run(
                    ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "answers.tex"],
                    cwd=work, capture_output=True, text=True, errors="replace",
                    stdin=subprocess.DEVNULL, timeout=XELATEX_TIMEOUT)
                if done.returncode:
                    error = _latex_error(done.stdout) or f"exit status {done.returncode}"
                    raise DerivationError(f"xelatex failed on {tex_path}: {error}")
            return (Path(work) / "answers.pdf").read_bytes()
        except subprocess.TimeoutExpired:
            raise DerivationError(f"xelatex failed on {tex_path}: no result after "
                                  f"{XELATEX_TIMEOUT} s") from None
        except OSError as error:  # xelatex vanished, or wrote no PDF
            raise DerivationError(f"xelatex failed on {tex_path}: "
                                  f"{error.strerror or error}") from None


def run(args: argparse.Namespace) -> int:
    import sys

    from derivations.files import write_atomically
    out = _out_directory(args.out)
    documents = render_documents()
    if args.check:
        names = stale(out, documents)
        if names:
            print(f"derivations docs: stale (run `python -m derivations docs --out {out}`): "
                  + ", ".join(names), file=sys.stderr)
            return 1
        print(f"derivations docs: {len(documents)} files under {out} are up to date")
        return 0
    files = {out / name: content for name, content in documents.items()}
    _refuse_file_in_the_way(files)
    write_atomically(files, make_parents=True)
    print(f"derivations docs: wrote {len(documents)} files under {out}")
    if args.pdf:
        pdfs = {out / lang / "answers.pdf": compile_pdf(out / lang / "answers.tex")
                for lang in LANGS}
        write_atomically(pdfs)
        print(f"derivations docs: compiled {out}/{{{','.join(LANGS)}}}/answers.pdf")
    return 0
