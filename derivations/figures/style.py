"""One look for every figure, its words by id, and byte-reproducible files.

Each figure is drawn under :func:`fixed_style`: matplotlib's defaults (not the user's
``matplotlibrc``), DejaVu Sans (bundled with matplotlib) or, for Chinese, Noto Sans CJK
SC (``fonts-noto-cjk``, the font the Chinese PDF uses) with DejaVu Sans for what it
lacks, math in DejaVu Sans either way;
text and mathtext drawn as paths in SVG and as Type 3 glyphs in PDF, a fixed SVG hash
salt and no dates or tool names in the metadata: the same drawing gives the same bytes
on every machine with the pinned matplotlib (and, for Chinese, the same Noto CJK).

Two layouts: ``wide`` (Markdown, PDF, the web page on a desktop: at most
:data:`WIDE_MAX` inches, shown at its natural size in the page's 768 px column, and set
by the PDF at 0.9 of its line, its lettering at :data:`PRINTED_POINTS` or more) and
``narrow`` (the web page on a phone: :data:`NARROW_WIDTH` inches, shown unscaled on a
390 px screen); no text smaller than :data:`MIN_POINTS` in either, so every text is at
least 11 CSS px where it is shown (the browser tests measure it).  The words come from
the message catalogue (``messages/figures.yaml``) through :class:`Words`.
"""

from __future__ import annotations

import io
import os
import re
from contextlib import contextmanager
from typing import Any

from derivations.fonts import CJK_FONT, cjk_file

__all__ = [
    "CJK_FONT",
    "GRID_Z",
    "LAYOUTS",
    "MIN_POINTS",
    "NARROW_WIDTH",
    "PALETTE",
    "PRINTED_POINTS",
    "WIDE_MAX",
    "Words",
    "cell_borders",
    "cell_text",
    "fixed_style",
    "new_figure",
    "save",
    "settle",
    "still_empty_labels",
    "wrap",
]

LAYOUTS = ("wide", "narrow")
# inches: 672 CSS px, inside the web page's 768 px column; the PDF scales a drawing down
# to 0.9 of its line (answers.tex.j2's \sheetgraphic), so a drawing this wide keeps its
# MIN_POINTS lettering at PRINTED_POINTS or more (at 7.8 in the network and im2col
# figures' lettering was set at 6.8 pt, or 5.4 pt where the network figure was also capped
# at half a page high)
WIDE_MAX = 7.0
NARROW_WIDTH = 3.7  # inches: 355 CSS px, inside a 390 px screen's 367 px column
MIN_POINTS = 9  # no text smaller (12 CSS px at natural size)
PRINTED_POINTS = 7.0  # the smallest lettering a figure may have in the PDF sheets

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
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "figure.titlesize": 10,
    "svg.fonttype": "path",
    "svg.hashsalt": "derivations-figures",
    "pdf.fonttype": 3,  # Type 3 glyphs: smaller and faster to write than TrueType subsets
    "pdf.compression": 6,
    "path.simplify": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": None,
    # a title at the axes' top (plus its pad), where matplotlib's automatic placement
    # puts it when nothing of the axes is above it (no figure has ticks or an axis label
    # on top); automatic placement measured every axis' tick labels again on each draw
    # (about a tenth of the figures' CPU) to find nothing in the way
    "axes.titley": 1.0,
    "axes.prop_cycle": None,  # set below from PALETTE
}
_METADATA = {
    "svg": {"Date": None, "Creator": None, "Format": None, "Type": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


class Words:
    """The figures' words in ``lang``: ``words(id, **fields)`` is message ``id`` of
    ``messages/figures.yaml`` filled strictly (:func:`derivations.exercises.fields.fill`)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, key: str, /, **fields: object) -> str:
        from derivations.exercises.fields import fill
        from derivations.messages import entry

        return fill(entry(f"figures.{key}")[self.lang], f"figures.{key}", **fields)


def _families(lang: str) -> list[str]:
    """DejaVu Sans, then (Chinese) the CJK font for what DejaVu lacks; a one-line
    DerivationError when that font is not installed."""
    if lang != "zh":
        return ["DejaVu Sans"]
    if cjk_file() is None:
        from derivations.errors import DerivationError

        raise DerivationError(key="docs.figure_no_cjk_font", font=CJK_FONT)
    # the CJK font first: matplotlib draws the words of a label that holds $math$ in
    # the first family alone (no fallback there), and Noto CJK has Latin letters too
    return [CJK_FONT, "DejaVu Sans"]


@contextmanager
def fixed_style(lang: str = "en"):
    """matplotlib's defaults plus :data:`_RC` and ``lang``'s fonts, restored on exit."""
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
    with (
        matplotlib.rc_context(),
        _math_parsed_once(),
        _fonts_found_once(),
        _measured_once(),
        _glyphs_placed_once(),
    ):
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(rc)
        matplotlib.rcParams["font.family"] = _families(lang)
        yield


@contextmanager
def _math_parsed_once():
    """Each distinct piece of mathtext laid out once inside the block, whichever renderer
    asks.  matplotlib caches a parse per parser, and every renderer has its own (the
    layout's, each SVG's, the PDF's), so a figure's ``$...$`` labels were parsed again
    for each file and each layout pass.  A parse is a pure function of its arguments
    (the text, dpi, font properties, antialiasing and glyph flags; the rcParams it also
    reads are fixed inside :func:`fixed_style`), and its result is only read: one parse
    shared by all is the same parse."""
    from matplotlib.mathtext import MathTextParser

    own = MathTextParser.__dict__["_parse_cached"]
    parsed: dict = {}

    def parse_once(self, s, dpi, prop, antialiased, load_glyph_flags):
        key = (self._output_type, s, dpi, prop, antialiased, load_glyph_flags)
        if key not in parsed:
            parsed[key] = own(self, s, dpi, prop, antialiased, load_glyph_flags)
        return parsed[key]

    MathTextParser._parse_cached = parse_once  # type: ignore[attr-defined]
    try:
        yield
    finally:
        MathTextParser._parse_cached = own  # type: ignore[attr-defined]


@contextmanager
def _fonts_found_once():
    """Each lookup of the font files for a set of font properties done once inside the
    block.  matplotlib looks them up again for every text it measures or draws
    (``FontManager._find_fonts_by_props``: its cached ``findfont`` per family, each call
    first reading eleven rcParams to key that cache): about a tenth of the figures'
    Python calls.  The files found are a function of the properties and the font
    rcParams, which :func:`fixed_style` fixes for the block: kept here by the
    properties' values (those FontProperties hashes), each caller given its own list."""
    from matplotlib.font_manager import FontManager, FontProperties

    own = FontManager._find_fonts_by_props
    found: dict = {}

    def find_once(self, prop, *args, **kwargs):
        if not isinstance(prop, FontProperties):  # a fontconfig pattern: not kept
            return own(self, prop, *args, **kwargs)
        key = (*_values(prop), args, tuple(sorted(kwargs.items())))
        if key not in found:
            found[key] = own(self, prop, *args, **kwargs)
        return list(found[key])

    FontManager._find_fonts_by_props = find_once  # type: ignore[method-assign]
    try:
        yield
    finally:
        FontManager._find_fonts_by_props = own  # type: ignore[method-assign]


def _values(prop) -> tuple:
    """What a FontProperties holds (what its hash is made of), as a key."""
    return (
        tuple(prop.get_family()),
        prop.get_slant(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size(),
        prop.get_file(),
        prop.get_math_fontfamily(),
    )


@contextmanager
def _measured_once():
    """Each text measured once by each kind of renderer inside the block, and each
    font's size tables read once.  matplotlib keeps a text's measure (width, height,
    descent) per renderer object, and every figure and file has its own (the layout's
    Agg renderer, each SVG's, each PDF's), so the same label was set in its font again
    for the wide and narrow drawings and each file; and each text's layout read the
    font's OS/2 and head tables afresh (``get_sfnt_table``: 13,000 reads).  A measure is
    a function of the renderer's class and dpi, the text, its font properties, the math
    flag and the figure's dpi (the rcParams it also reads are fixed inside
    :func:`fixed_style`), and a font's tables of its file: kept here by those, the
    measures shared by every renderer of a class and dpi, and the tables only read."""
    import matplotlib.text
    from matplotlib.font_manager import get_font

    mtext: Any = matplotlib.text  # the stubs name neither of the two replaced below
    measure = mtext._get_text_metrics_with_cache
    font_of = mtext.get_font
    measured: dict = {}
    fonts: dict = {}

    def measure_once(renderer, text, fontprop, ismath, dpi):
        # the renderer that measures: a file's MixedModeRenderer hands it to its own
        measurer = renderer.get_text_width_height_descent.__self__
        key = (type(measurer), getattr(measurer, "dpi", None), text, *_values(fontprop))
        key += (ismath, dpi)
        if key not in measured:
            measured[key] = measure(renderer, text, fontprop, ismath, dpi)
        return measured[key]

    def font_once(paths, *args, **kwargs):
        key = (tuple(paths), args, tuple(sorted(kwargs.items())))
        if key not in fonts:
            fonts[key] = _Tables(get_font(paths, *args, **kwargs))
        return fonts[key]

    mtext._get_text_metrics_with_cache = measure_once
    mtext.get_font = font_once  # Text._get_layout's one use: the font's size tables
    try:
        yield
    finally:
        mtext._get_text_metrics_with_cache = measure
        mtext.get_font = font_of


@contextmanager
def _glyphs_placed_once():
    """Each string's glyphs placed once inside the block for the SVG files' text drawn as
    paths (``TextToPath.get_glyphs_with_font``: each glyph's position and outline, set
    by FreeType and raqm), not again for each file: the wide and narrow SVG of a
    drawing repeat most of its labels.  The placement is a function of the font object
    (set at the text-to-path scale, which is fixed), the string and its features and
    language: kept by those, the font object compared, and each call given what
    matplotlib's own gives (the glyphs in order, and the outlines of those its
    ``glyph_map`` lacks, in order of first use).  The outlines are only read."""
    from collections import OrderedDict

    from matplotlib.textpath import TextToPath

    own = TextToPath.get_glyphs_with_font
    placed: dict = {}

    def place_once(
        self, font, s, glyph_map=None, return_new_glyphs_only=False, *, features=None, language=None
    ):
        key = (id(font), s, features, language)
        found = placed.get(key)
        if found is None or found[0] is not font:
            glyphs, outlines, _ = own(self, font, s, features=features, language=language)
            found = placed[key] = (font, glyphs, outlines)  # glyphs: (name, x, y, 1.0)
        _, glyphs, outlines = found
        glyph_map = OrderedDict() if glyph_map is None else glyph_map
        new = OrderedDict() if return_new_glyphs_only else glyph_map
        for glyph in glyphs:
            if glyph[0] not in glyph_map:
                new[glyph[0]] = outlines[glyph[0]]
        return list(glyphs), new, []

    TextToPath.get_glyphs_with_font = place_once  # type: ignore[method-assign]
    try:
        yield
    finally:
        TextToPath.get_glyphs_with_font = own  # type: ignore[method-assign]


class _Tables:
    """A font's SFNT tables, each read from it once (all :func:`_measured_once`'s
    caller asks of a font)."""

    def __init__(self, font):
        self.font = font
        self.tables: dict = {}

    def get_sfnt_table(self, name: str):
        if name not in self.tables:
            self.tables[name] = self.font.get_sfnt_table(name)
        return self.tables[name]


def new_figure(width: float, height: float, **subplots):
    """A figure (inches) with its axes, not registered with pyplot (no global state)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    if subplots:
        return figure, figure.subplots(**subplots)
    return figure, figure.add_subplot()


def cell_text(ax, x: float, y: float, text: str, **style):
    """``text`` centred on the cell at ``(x, y)`` of an axes drawn as a grid of cells
    (:meth:`Axes.text` with ``style``), left out of the layout: it lies inside the axes,
    so it cannot widen the box the layout makes room for, and the layout need not measure
    it (the cell figures write up to 86 of them per drawing, each measured on every pass
    of constrained layout)."""
    return ax.text(x, y, text, ha="center", va="center", in_layout=False, **style)


GRID_Z = 1.5  # an axis' zorder (rcParams["axes.axisbelow"] "line"): where its grid is drawn


def cell_borders(ax, rows: int, cols: int, colour: str, linewidth: float) -> None:
    """The lines between the cells of an axes showing a ``rows`` x ``cols`` image (cell
    centres at integers, edges at ``-0.5 ... n - 0.5``): each across the whole axes and
    clipped to it, at :data:`GRID_Z` (above the image, below text and marks), left out of
    the layout (inside the axes); the axes keeps no ticks.

    They were the grid at minor ticks on the edges, which drew the same pixels (compared
    rasterised, both files) at a cost: an axis lays out and draws a tick with its marks and
    labels per line, on each layout pass and in each file (about a third of these
    figures' CPU, for ticks that showed nothing else); and matplotlib drops a minor tick
    where a major one falls, so where the axis' own major ticks landed on half-integers
    the lines went missing (the Chinese narrow im2col figure's inputs had no row borders).
    Two line collections, the vertical lines first."""
    from matplotlib.collections import LineCollection

    vertical = [[(x - 0.5, 0.0), (x - 0.5, 1.0)] for x in range(cols + 1)]
    horizontal = [[(0.0, y - 0.5), (1.0, y - 0.5)] for y in range(rows + 1)]
    for segments, transform in (
        (vertical, ax.get_xaxis_transform()),
        (horizontal, ax.get_yaxis_transform()),
    ):
        lines = LineCollection(
            segments,
            colors=colour,
            linewidths=linewidth,
            transform=transform,
            zorder=GRID_Z,
            in_layout=False,
        )
        ax.add_collection(lines, autolim=False)
    ax.set_xticks([])
    ax.set_yticks([])


def settle(figure) -> None:
    """Run the layout once and fix every axes where it put it, rounded to 1e-6 of the
    figure: constrained layout's solver can differ in the last bits from one run to the
    next in one process, and the SVG names each clip path by a hash of those bits.  Then
    :func:`still_empty_labels`."""
    engine = figure.get_layout_engine()
    if engine is None:
        return
    engine.execute(figure)  # the layout alone (a draw would render everything once more)
    axes = list(figure.get_axes())
    for ax in axes:
        ax.set_position([round(v, 6) for v in ax.get_position().bounds])
    still_empty_labels(axes)
    # no engine at all ("none" would leave a placeholder engine, and savefig then draws
    # the whole figure once more before drawing it into the file)
    figure.set_layout_engine(None)


def still_empty_labels(axes) -> None:
    """Each axis of ``axes`` whose label is empty keeps its label where it is (the same
    position, the same transform) instead of matplotlib moving it clear of the tick
    labels on every draw, which measured the tick labels of the axis and its siblings
    each time (about 2% of the figures' CPU).  Once laid out (:func:`settle`), an empty
    label's position shapes nothing: it draws nothing, and nothing measures the figure's
    extent when it is saved (``savefig.bbox`` is None)."""
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.label.get_text():
                label = axis.label
                axis.set_label_coords(*label.get_position(), transform=label.get_transform())


def save(figure, fmt: str) -> bytes:
    """The figure as ``svg`` or ``pdf`` bytes, with fixed metadata."""
    buffer = io.BytesIO()
    if fmt == "pdf":
        with _pdf_pages(buffer) as pages:
            figure.savefig(pages, format=fmt)
    else:
        figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
    return buffer.getvalue()


def _pdf_pages(buffer: io.BytesIO):
    """matplotlib's one-page PDF writer, except that it writes the fonts in the order of
    their file names: it sorts them by full path, so a Chinese figure (a system CJK font
    and matplotlib's own DejaVu) came out in another order when matplotlib is installed
    under another folder, and ``docs`` was not byte-reproducible across machines."""
    from matplotlib.backends.backend_pdf import PdfFile, PdfPages
    from matplotlib.font_manager import FontPath

    class ByFileName(FontPath):
        """A font's path (and face) that sorts by the file's name first."""

        def _order(self) -> tuple[str, str, int]:
            return (os.path.basename(self.path), self.path, self.face_index)

        def __lt__(self, other):
            return self._order() < other._order()

        def __gt__(self, other):
            return self._order() > other._order()

    class File(PdfFile):
        def writeFonts(self):
            self._fontNames = {
                (ByFileName(name.path, name.face_index), subset): fx
                for (name, subset), fx in self._fontNames.items()
            }
            super().writeFonts()

    class Pages(PdfPages):
        def _ensure_file(self):
            if self._file is None:
                self._file = File(self._filename, metadata=self._metadata)
            return self._file

    return Pages(buffer, metadata=_METADATA["pdf"])


def _em_tenths(char: str) -> int:
    """A character's width in tenths of an em, roughly: CJK and full-width forms 10,
    others 6."""
    return 10 if ord(char) >= 0x2E80 else 6


def _width(text: str) -> float:
    """``text``'s width in ems, roughly: math's markup (``$``, braces, ``^``, ``_``)
    takes no room, a command (``\\times``) one character.  Summed as integers: a float
    sum of 0.6s rounds differently from Python 3.12 on (``sum`` became compensated), and
    a line then broke at another word on 3.11 than on 3.13."""
    shown = re.sub(r"\\[A-Za-z]+", "x", re.sub(r"[${}^_]", "", text))
    return sum(map(_em_tenths, shown)) / 10


_CLOSING = "，。：；、）》」』】”’！？%"  # never at the start of a line
_OPENING = "（《「『【“‘"  # never at the end of a line


def _pieces(text: str) -> list[str]:
    """``text`` cut where a line may break: after a space, after a CJK character that is
    not opening punctuation and is not followed by closing punctuation (the Chinese rule:
    no line ends with "（", none starts with "）" or "，"); never inside ``$...$`` math."""
    pieces, current, math = [], "", False
    for char, after in zip(text, [*text[1:], ""]):
        current += char
        if char == "$":
            math = not math
        cjk_break = ord(char) >= 0x2E80 and char not in _OPENING and after not in _CLOSING
        if not math and (char == " " or cjk_break):
            pieces.append(current)
            current = ""
    return [*pieces, current] if current else pieces


# a Chinese phrase ends after one of these: a line of Chinese text breaks there first
_PHRASE_END = "，。：；、）！？"


def _phrases(text: str) -> list[str]:
    """Chinese ``text`` cut after each phrase's punctuation (:data:`_PHRASE_END`, outside
    ``$...$`` math), the spaces after it kept with it, never before closing punctuation
    (``）`` then ``，``: the cut is after the ``，``)."""
    pieces, current, math = [], "", False
    for char, after in zip(text, [*text[1:], ""]):
        current += char
        if char == "$":
            math = not math
        ended = current.rstrip()[-1:] in tuple(_PHRASE_END)
        if not math and ended and after != " " and after not in _CLOSING:
            pieces.append(current)
            current = ""
    return [*pieces, current] if current else pieces


def wrap(text: str, width: float, points: float) -> str:
    """``text`` broken into lines that fit ``width`` inches at ``points`` (estimated:
    matplotlib does not wrap CJK text, which has no spaces to break at); its own line
    breaks are kept.  Latin text breaks at spaces; Chinese text after a phrase's
    punctuation (:func:`_phrases`: "步幅 1，" stays whole, a break inside it split 步|幅 or
    步幅|1 on a phone), and inside a phrase (:func:`_pieces`) only where the phrase alone
    is wider than a line."""
    return "\n".join(_wrap_line(line, width, points) for line in text.split("\n"))


def _wrap_line(text: str, width: float, points: float) -> str:
    room = width * 72 / points  # ems per line
    pieces = _pieces(text)
    if any(ord(char) >= 0x2E80 for char in text):
        pieces = [
            piece
            for phrase in _phrases(text)
            for piece in ([phrase] if _width(phrase.rstrip()) <= room else _pieces(phrase))
        ]
    lines, line = [], ""
    for piece in pieces:
        if line and _width((line + piece).rstrip()) > room:
            lines.append(line.rstrip())
            line = ""
        line += piece
    return "\n".join([*lines, line.rstrip()])
