"""The PDF sheets' figures as printed (issue 25, session 10): their lettering read back
from the compiled sheets (the shared ``sheet_pdfs``)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derivations.figures.style import MIN_POINTS, PRINTED_POINTS, WIDE_MAX
from tests.conftest import require_tool
from tests.docs.sheets import LANGS, OUTPUT
from tests.docs.test_layout_s9 import _words, drawn_scale

TEMPLATE = Path(__file__).parents[2] / "derivations" / "templates" / "answers.tex.j2"


def _geometry(key: str) -> float:
    """A length in cm of the template's page (geometry's ``key=<n>mm`` or ``<n>cm``)."""
    template = TEMPLATE.read_text(encoding="utf-8")
    options = re.search(r"\\usepackage\[([^]]*)\]\{geometry\}", template).group(1)
    value, unit = re.search(rf"(?:^|,){key}=([\d.]+)(mm|cm)", options).groups()
    return float(value) / (10 if unit == "mm" else 1)


def test_a_drawing_as_wide_as_the_wide_layout_allows_prints_at_the_least_lettering():
    """The template's margins and its drawing's share of the line (``\\sheetgraphic``:
    ``width=0.9\\linewidth``), read from it: a drawing :data:`WIDE_MAX` wide, lettered at
    :data:`MIN_POINTS`, is printed at :data:`PRINTED_POINTS` or more (without the PDFs)."""
    template = TEMPLATE.read_text(encoding="utf-8")
    graphic = template[template.index(r"\newcommand{\sheetgraphic}") :]
    share = float(re.search(r"width=([\d.]+)\\linewidth", graphic).group(1))
    line = (_geometry("paperwidth") - 2 * _geometry("margin")) / 2.54
    assert MIN_POINTS * share * line / WIDE_MAX >= PRINTED_POINTS


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_page_is_the_templates(sheet_pdfs, lang):
    """Read back by poppler's pdfinfo: the compiled sheet's page is the template's
    geometry (the one place the page size is set), to the tenth of a millimetre."""
    require_tool(shutil.which("pdfinfo") is not None, "pdfinfo (Debian: poppler-utils)")
    info = subprocess.run(
        ["pdfinfo", str(sheet_pdfs[lang])], capture_output=True, check=True, text=True
    ).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    printed = [round(float(points) / 72 * 2.54, 2) for points in size]
    assert printed == [_geometry("paperwidth"), _geometry("paperheight")], info


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_lettered_at_the_least_printed_size_or_more_in_the_pdf(sheet_pdfs, lang):
    """The network figure, capped at half a page high, was set at 0.60 of its drawn size,
    its 9 pt lettering at 5.4 pt; the im2col figure, 7.8 in wide, at 0.75 (6.8 pt).  Read
    back from the sheet: each figure's scale times the smallest size a figure is drawn
    with (:data:`MIN_POINTS`) is at least :data:`PRINTED_POINTS`."""
    sheet = _words(sheet_pdfs[lang])
    scales = {
        figure.stem: drawn_scale(sheet, _words(figure))
        for figure in sorted((OUTPUT / "figures" / lang).glob("*.pdf"))
    }
    found = {key: scale for key, scale in scales.items() if scale is not None}
    assert {"network-costs", "im2col-matrix"} <= set(found), scales
    small = {key: round(scale * MIN_POINTS, 2) for key, scale in found.items()}
    assert {key: size for key, size in small.items() if size < PRINTED_POINTS} == {}
