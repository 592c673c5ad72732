"""Fixtures shared by the docs tests (test-only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.sheets import LANGS, OUTPUT, require_latex


@pytest.fixture(scope="session")
def sheet_pdfs(tmp_path_factory) -> dict[str, Path]:
    """Each language's committed sheet compiled as ``docs --pdf`` compiles it
    (:func:`derivations.commands.docs.compile_pdf`: as many xelatex runs as the contents
    need), once for the whole run, in a scratch folder: lang -> PDF path (read only)."""
    from derivations.commands.docs import compile_pdf

    require_latex()
    root = tmp_path_factory.mktemp("pdfs")
    paths = {}
    for lang in LANGS:
        paths[lang] = root / f"{lang}.pdf"
        paths[lang].write_bytes(compile_pdf(OUTPUT / lang / "answers.tex"))
    return paths
