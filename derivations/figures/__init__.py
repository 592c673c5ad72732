"""The pictures of the answer sheets, drawn by matplotlib from the package's own numbers.

One drawing function per figure key (the keys the exercises' ``Figure`` blocks name);
:func:`render` draws one key as SVG (Markdown and the web page) and PDF (LaTeX), each
byte-reproducible (:mod:`.style`); :func:`render_all` gives every figure's files keyed by
their path under the output directory (``figures/<key>.svg``, ``figures/<key>.pdf``).
Nothing is imported from matplotlib until a figure is drawn.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from derivations.errors import DerivationError
from derivations.numbers import shown

__all__ = ["DRAWINGS", "FigureFiles", "KEYS", "paths", "render", "render_all"]

# key -> "module:function" under this package; the order is the order of the sheets
DRAWINGS = {
    "compose-receptive-field": "grids:compose_receptive_field",
    "padding-readings": "grids:padding_readings",
    "im2col-matrix": "matrices:im2col_matrix",
    "padding-doubling-ratio": "curves:padding_doubling_ratio",
    "strip-loads": "curves:strip_loads",
    "block-diagonal": "matrices:block_diagonal",
    "channel-shuffle": "matrices:channel_shuffle",
    "network-costs": "curves:network_costs",
}
KEYS = tuple(DRAWINGS)
FORMATS = ("svg", "pdf")


@dataclass(frozen=True)
class FigureFiles:
    key: str
    svg: bytes
    pdf: bytes


def paths(key: str) -> dict[str, str]:
    """Format -> path of the figure's file under the output directory."""
    return {fmt: f"figures/{key}.{fmt}" for fmt in FORMATS}


def _drawing(key: str):
    if key not in DRAWINGS:
        raise DerivationError(key="docs.unknown_figure", value=shown(key), known=", ".join(KEYS))
    module, function = DRAWINGS[key].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def render(key: str) -> FigureFiles:
    """Draw ``key`` once and save it in both formats; a failed check of the numbers it
    draws is a one-line :class:`DerivationError` naming the figure."""
    from derivations.exercises.document import CheckFailed
    from derivations.figures.style import fixed_style, save

    drawing = _drawing(key)
    try:
        with fixed_style():
            figure = drawing()
            return FigureFiles(key, save(figure, "svg"), save(figure, "pdf"))
    except CheckFailed as error:
        raise DerivationError(key="docs.figure_check_failed", figure=key, reason=error) from None


def render_all(keys=KEYS) -> dict[str, bytes]:
    """Path under the output directory -> bytes, for every figure in ``keys``."""
    files = {}
    for key in keys:
        drawn = render(key)
        for fmt, path in paths(key).items():
            files[path] = getattr(drawn, fmt)
    return files
