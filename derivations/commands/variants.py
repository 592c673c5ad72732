"""``python -m derivations variants``: a different layer for every student.

Draws each student's layer from the course seed and the student's id, builds the answer
key (every value a closed form confirmed by executing that layer), the question sheets
(Markdown per student, one LaTeX document per language, ``--pdf`` compiles it) and the
Moodle XML export, and writes them all in one atomic step (see
:mod:`derivations.variants.build`).  ``grade --variants FOLDER`` grades against them.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "variants",
        help="a different layer for every student: sheets, key, Moodle XML",
        description="Draw every student's own layer (deterministic from --seed and the "
        "student's id), write their question sheets, an answer key whose every "
        "number is executed, and a Moodle XML export.",
    )
    parser.add_argument(
        "--roster",
        required=True,
        help="CSV with one student a row (id column: id, student, username, "
        "email, 学号 …, or --id-column)",
    )
    parser.add_argument("--id-column", help="the roster's id column (name or 1-based position)")
    parser.add_argument("--encoding", help="the roster's encoding when not UTF-8/UTF-16")
    parser.add_argument(
        "--questions",
        required=True,
        help="comma-separated question ids (see `derivations questions`)",
    )
    parser.add_argument(
        "--seed",
        required=True,
        help="the course's seed, any text (e.g. the term): the same seed "
        "and id always draw the same layer",
    )
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="sheets and Moodle text in one language (default: both)",
    )
    parser.add_argument(
        "--padding",
        choices=("total", "per-side"),
        default="total",
        help="the course's reading of padding p: total rows (the book's "
        "formula, default) or rows on each side (PyTorch's padding=p)",
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="also compile sheets/<lang>/all.pdf (one page per student; needs xelatex)",
    )
    parser.set_defaults(func=run)


def _pdfs(files: dict, languages) -> dict:
    import tempfile
    from pathlib import Path

    from derivations.commands.docs import compile_pdf

    compiled = {}
    for path, content in files.items():
        if path.name == "all.tex":
            with tempfile.TemporaryDirectory() as work:
                scratch = Path(work) / "all.tex"
                scratch.write_text(content, encoding="utf-8")
                compiled[path.with_suffix(".pdf")] = compile_pdf(scratch)
    return compiled


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from derivations.files import write_atomically
    from derivations.messages import text
    from derivations.variants.build import build_variants, render_files
    from derivations.variants.roster import read_roster

    questions = [q.strip() for q in args.questions.split(",") if q.strip()]
    roster = read_roster(args.roster, args.id_column, args.encoding)
    variants = build_variants(roster, questions, args.seed, args.padding)
    languages = (args.lang,) if args.lang else ("en", "zh")
    files = render_files(variants, Path(args.out), languages)
    if args.pdf:
        files.update(_pdfs(files, languages))
    write_atomically(files, make_parents=True)
    print(
        text(
            "variants.written",
            args.lang or "en",
            students=len(variants.students),
            questions=len(questions),
            files=len(files),
            folder=args.out,
        ),
        file=sys.stderr,
    )
    return 0
