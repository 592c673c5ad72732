"""``docs``: render the answer sheets and the reference page into ``OUT/{en,zh}/``.

Every number is checked at render time (a failed check aborts with one line, nothing is
written).  Files are written atomically; ``--check`` renders in memory and fails naming
the files that differ from what is on disk; ``--pdf`` compiles the LaTeX with xelatex.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run", "render_documents", "write_atomically", "stale"]

LANGS = ("en", "zh")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs", help="render the worked answers and the reference page",
        description="Render OUT/{en,zh}/answers.md, answers.tex and formulas.md; every "
                    "number is checked against the instrumented convolution first.")
    parser.add_argument("--out", default="output", help="output directory (default: output)")
    parser.add_argument("--pdf", action="store_true",
                        help="also compile OUT/{en,zh}/answers.pdf with xelatex")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 naming the files that are stale")
    parser.set_defaults(func=run)


def render_documents() -> dict[str, str]:
    """Relative path -> text of every document (checks run here)."""
    from ..exercises import build_all, for_edition
    from ..reference import build as build_reference
    from ..render import render_answers, render_formulas
    exercises = build_all()
    page = build_reference()
    documents = {}
    for lang in LANGS:
        numbered, appendices = for_edition(exercises, lang)
        for fmt in ("md", "tex"):
            documents[f"{lang}/answers.{fmt}"] = render_answers(numbered, appendices, lang, fmt)
        documents[f"{lang}/formulas.md"] = render_formulas(page, lang)
    return documents


def write_atomically(path, data: bytes) -> None:
    """Write next to ``path`` and ``os.replace`` it in: readers see old or new, never half."""
    import os
    import tempfile
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would make committed files private
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def stale(out, documents: dict[str, str]) -> list[str]:
    """The documents whose file under ``out`` is missing or differs."""
    names = []
    for name, content in documents.items():
        path = out / name
        if not path.is_file() or path.read_bytes() != content.encode("utf-8"):
            names.append(str(path))
    return names


def _xelatex(tex_path, pdf_path) -> None:
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from ..errors import DerivationError
    if shutil.which("xelatex") is None:
        raise DerivationError("--pdf needs xelatex, which is not on PATH "
                              "(Debian: texlive-xetex texlive-lang-chinese fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(tex_path, Path(work) / "answers.tex")
        for _ in range(2):  # the second run fills in the table of contents
            done = subprocess.run(
                ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "answers.tex"],
                cwd=work, capture_output=True, text=True, errors="replace")
            if done.returncode:
                errors = [line for line in done.stdout.splitlines() if line.startswith("!")]
                raise DerivationError(f"xelatex failed on {tex_path}: "
                                      f"{errors[0] if errors else 'exit ' + str(done.returncode)}")
        write_atomically(pdf_path, (Path(work) / "answers.pdf").read_bytes())


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path
    out = Path(args.out)
    documents = render_documents()
    if args.check:
        names = stale(out, documents)
        if names:
            print(f"derivations docs: stale (run `python -m derivations docs --out {out}`): "
                  + ", ".join(names), file=sys.stderr)
            return 1
        print(f"derivations docs: {len(documents)} files under {out} are up to date")
        return 0
    for name, content in documents.items():
        write_atomically(out / name, content.encode("utf-8"))
    print(f"derivations docs: wrote {len(documents)} files under {out}")
    if args.pdf:
        for lang in LANGS:
            _xelatex(out / lang / "answers.tex", out / lang / "answers.pdf")
        print(f"derivations docs: compiled {out}/{{{','.join(LANGS)}}}/answers.pdf")
    return 0
