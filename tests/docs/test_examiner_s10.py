"""s10exam's findings on the sheets (issue 25, session 10), read back from the committed
sheets."""

import re

import pytest

from derivations.exercises.maths import strips
from derivations.exercises.strips import NO_STRIP
from tests.docs.sheets import LANGS, read_sheet


def _register_table(md: str) -> tuple[list[str], list[list[str]], str]:
    """The register table of Exercise 6 in a Markdown sheet: the alignment of each
    column, its body rows' cells, and the paragraph after it."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|") and "N_r" in line)
    aligns = [cell.strip() for cell in lines[start + 1].strip("| ").split("|")]
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    rows = [
        [cell.strip() for cell in line.strip("| ").split("|")] for line in lines[start + 2 : end]
    ]
    return aligns, rows, lines[end + 1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_register_tables_bound_columns_align_alike(lang):
    """F7: the column "k = 5: Δmax (L)" was left-aligned, because one cell said in words
    that no strip fits ("none: the 25 weights alone exceed 16 registers"), beside the
    right-aligned k = 3 column.  Each bound column is right-aligned, a cell where nothing
    fits is a dash, and the paragraph after the table says why, with the register file's
    weights (k²) and registers."""
    aligns, rows, after = _register_table(read_sheet(lang))
    assert aligns[2:] == ["--:"] * len(strips.REGISTER_KERNELS)
    none = [
        (row.name, bound.kernel, row.registers)
        for row in strips.facts().registers
        for bound in row.bounds
        if bound.delta < 1
    ]
    assert none, "a register file where a kernel's weights alone do not fit"
    dashes = [
        (r[0], strips.REGISTER_KERNELS[i])
        for r in rows
        for i, c in enumerate(r[2:])
        if c == NO_STRIP
    ]
    assert dashes == [(name, k) for name, k, _ in none]
    for name, k, registers in none:
        said = re.sub(r"\s+", " ", after)
        assert said.startswith(NO_STRIP) and name in said and f"{k * k} " in said, said
        assert f" {registers} " in said, said
