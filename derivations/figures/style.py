"""One look for every figure, and byte-reproducible files.

Each figure is drawn under :func:`fixed_style`: matplotlib's defaults (not the user's
``matplotlibrc``), DejaVu Sans (bundled with matplotlib, so no system font is used), text
and mathtext drawn as paths in SVG and as Type 3 glyphs in PDF, a fixed SVG hash salt
and no dates or tool names in the metadata: the same drawing gives the same bytes on every
machine with the pinned matplotlib.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from typing import Any

__all__ = ["PALETTE", "fixed_style", "new_figure", "save"]

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "red": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "grey": "#999999",
    "ink": "#222222",
    "paper": "#FFFFFF",
    "light": "#E8E8E8",
}

_RC = {
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "svg.fonttype": "path",
    "svg.hashsalt": "derivations-figures",
    "pdf.fonttype": 3,  # Type 3 glyphs: smaller and faster to write than TrueType subsets
    "pdf.compression": 6,
    "path.simplify": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": None,
    "axes.prop_cycle": None,  # set below from PALETTE
}
_METADATA = {
    "svg": {"Date": None, "Creator": None, "Format": None, "Type": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


@contextmanager
def fixed_style():
    """matplotlib's defaults plus :data:`_RC`, restored on exit."""
    import matplotlib
    from cycler import cycler

    # Any keys: rcParams is typed by its literal key names, and _RC's are plain strings
    rc: dict[Any, object] = dict(
        _RC,
        **{
            "axes.prop_cycle": cycler(
                color=[PALETTE[c] for c in ("blue", "orange", "green", "red", "purple", "sky")]
            )
        },
    )
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(rc)
        yield


def new_figure(width: float, height: float, **subplots):
    """A figure (inches) with its axes, not registered with pyplot (no global state)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    if subplots:
        return figure, figure.subplots(**subplots)
    return figure, figure.add_subplot()


def save(figure, fmt: str) -> bytes:
    """The figure as ``svg`` or ``pdf`` bytes, with fixed metadata."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
    return buffer.getvalue()
