"""The pictures of the answer sheets, drawn by matplotlib from the package's own numbers.

One drawing function per figure key (the keys the exercises' ``Figure`` blocks name),
called as ``drawing(words, layout)``: its words from the catalogue in one language
(:class:`.style.Words`), its layout ``wide`` or ``narrow`` (:data:`.style.LAYOUTS`).
:func:`render` draws one key in every language: the wide drawing as SVG (Markdown and
the web page) and PDF (LaTeX), the narrow one as SVG (the web page on a phone), each
byte-reproducible (:mod:`.style`); a glyph missing from the fonts (matplotlib's "Glyph
... missing" warning: a box where a character should be) fails the build in one line.
:func:`render_all` gives every figure's files keyed by their path under the output
directory (``figures/<lang>/<key>.svg``, ``.pdf``; the narrow SVG is inlined in the web
page only).  Nothing is imported from matplotlib until a figure is drawn.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from derivations.errors import DerivationError
from derivations.numbers import shown

__all__ = [
    "DRAWINGS",
    "FigureFiles",
    "KEYS",
    "LANGS",
    "files_of",
    "for_page",
    "paths",
    "render",
    "render_all",
]

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
LANGS = ("en", "zh")


@dataclass(frozen=True)
class FigureFiles:
    """One figure in every language: lang -> bytes of the wide SVG, the wide PDF and
    the narrow SVG."""

    key: str
    svg: dict
    pdf: dict
    narrow: dict


def paths(key: str, lang: str) -> dict[str, str]:
    """Format -> path of the figure's file in ``lang`` under the output directory."""
    return {fmt: f"figures/{lang}/{key}.{fmt}" for fmt in FORMATS}


def _drawing(key: str):
    if key not in DRAWINGS:
        raise DerivationError(key="docs.unknown_figure", value=shown(key), known=", ".join(KEYS))
    module, function = DRAWINGS[key].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def _draw(key: str, drawing, lang: str) -> tuple[bytes, bytes, bytes]:
    """(wide SVG, wide PDF, narrow SVG) of ``drawing`` in ``lang``; a missing glyph is a
    one-line DerivationError."""
    import warnings

    from derivations.figures.style import Words, fixed_style, save, settle

    words = Words(lang)
    missing = _MissingGlyphs()
    mathtext = logging.getLogger("matplotlib.mathtext")
    mathtext.addHandler(missing)
    try:
        with fixed_style(lang), warnings.catch_warnings():
            warnings.filterwarnings("error", message=r"Glyph .* missing", category=UserWarning)
            wide, narrow = drawing(words, "wide"), drawing(words, "narrow")
            settle(wide)
            settle(narrow)
            drawn = save(wide, "svg"), save(wide, "pdf"), save(narrow, "svg")
    except UserWarning as warning:
        missing.said.append(str(warning))
    finally:
        mathtext.removeHandler(missing)
    if missing.said:
        raise DerivationError(
            key="docs.figure_missing_glyph", figure=key, lang=lang, reason=missing.said[0]
        )
    return drawn


class _MissingGlyphs(logging.Handler):
    """Keeps what mathtext logs when a font has no glyph for a character (it draws a
    placeholder and goes on)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "does not have a glyph" in record.getMessage():
            self.said.append(record.getMessage())


def render(key: str, langs=LANGS) -> FigureFiles:
    """Draw ``key`` in each of ``langs``, wide and narrow; a failed check of the numbers
    it draws is a one-line :class:`DerivationError` naming the figure."""
    from derivations.exercises.document import CheckFailed

    drawing = _drawing(key)
    svg, pdf, narrow = {}, {}, {}
    try:
        for lang in langs:
            svg[lang], pdf[lang], narrow[lang] = _draw(key, drawing, lang)
    except CheckFailed as error:
        raise DerivationError(key="docs.figure_check_failed", figure=key, reason=error) from None
    return FigureFiles(key, svg, pdf, narrow)


def for_page(drawn_figures, lang: str) -> dict[str, tuple[bytes, bytes]]:
    """Key -> (wide SVG, narrow SVG) in ``lang``: what the web page inlines."""
    return {drawn.key: (drawn.svg[lang], drawn.narrow[lang]) for drawn in drawn_figures}


def files_of(drawn: FigureFiles) -> dict[str, bytes]:
    """Path under the output directory -> bytes of one drawn figure's files."""
    return {
        path: getattr(drawn, fmt)[lang]
        for lang in drawn.svg
        for fmt, path in paths(drawn.key, lang).items()
    }


def render_all(keys=KEYS) -> dict[str, bytes]:
    """Path under the output directory -> bytes, for every figure in ``keys``."""
    files = {}
    for key in keys:
        files.update(files_of(render(key)))
    return files
