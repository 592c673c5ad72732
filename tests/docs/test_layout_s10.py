"""The PDF sheets' figures as printed (issue 25, session 10): their lettering read back
from the compiled sheets (the shared ``sheet_pdfs``)."""

import pytest

from derivations.figures.style import MIN_POINTS
from tests.docs.sheets import LANGS, OUTPUT
from tests.docs.test_layout_s9 import _words, drawn_scale

LEAST_POINTS = 7.0  # the smallest lettering a printed figure may have


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_lettered_at_7_pt_or_more_in_the_pdf(sheet_pdfs, lang):
    """The network figure, capped at half a page high, was set at 0.60 of its drawn size,
    its 9 pt lettering at 5.4 pt; the im2col figure, 7.8 in wide, at 0.75 (6.8 pt).  Read
    back from the sheet: each figure's scale times the smallest size a figure is drawn
    with (:data:`MIN_POINTS`) is at least :data:`LEAST_POINTS`."""
    sheet = _words(sheet_pdfs[lang])
    scales = {
        figure.stem: drawn_scale(sheet, _words(figure))
        for figure in sorted((OUTPUT / "figures" / lang).glob("*.pdf"))
    }
    found = {key: scale for key, scale in scales.items() if scale is not None}
    assert {"network-costs", "im2col-matrix"} <= set(found), scales
    small = {key: round(scale * MIN_POINTS, 2) for key, scale in found.items()}
    assert {key: size for key, size in small.items() if size < LEAST_POINTS} == {}
