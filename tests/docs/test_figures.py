"""The figures: one per key the exercises may place, in every language and both layouts,
byte-reproducible, self-contained (no fonts, links or dates in the files), their words
the catalogue's (Chinese in the Chinese figures, drawn with a CJK font, no glyph
missing), each stating the layer it draws; a failed check in one a one-line error."""

import re
import sys
from fractions import Fraction

import pytest

from derivations import figures
from derivations.errors import DerivationError
from derivations.exercises.document import FIGURE_KEYS
from derivations.figures.style import Words

AGREED = set(FIGURE_KEYS)  # the keys the exercises' Figure blocks may name
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def drawn():
    return {key: figures.render(key) for key in figures.KEYS}


def _labels(svg: bytes) -> list[str]:
    """The texts matplotlib drew (its SVG keeps each as a comment before its glyphs)."""
    return re.findall(r"<!-- (.*?) -->", svg.decode("utf-8"), flags=re.S)


def _flat(text: str) -> str:
    """``text`` without white space (the figures wrap long lines at spaces)."""
    return re.sub(r"\s+", "", text)


class Recording(Words):
    """The words a drawing asks for, as (id, fields, text) in order."""

    def __init__(self, lang):
        super().__init__(lang)
        self.asked = []

    def __call__(self, key, /, **fields):
        said = super().__call__(key, **fields)
        self.asked.append((key, fields, said))
        return said


def _asked(key: str, lang: str, layout: str = "wide") -> list:
    from derivations.figures.style import fixed_style

    words = Recording(lang)
    with fixed_style(lang):
        figures._drawing(key)(words, layout)
    return words.asked


def test_every_agreed_key_has_a_drawing():
    assert set(figures.KEYS) == AGREED


@pytest.mark.parametrize("key", sorted(AGREED))
def test_two_renders_are_byte_identical(drawn, key):
    again = figures.render(key)
    assert again == drawn[key]


def test_each_math_text_is_parsed_once_per_figure_and_the_files_do_not_change(monkeypatch):
    """The layout and every file of a figure share one parse of each ``$...$`` text
    (matplotlib parses once per renderer): fewer parses, the same bytes."""
    from contextlib import nullcontext

    from matplotlib import _mathtext

    from derivations.figures import style

    parsed: list = []
    parse = _mathtext.Parser.parse
    monkeypatch.setattr(
        _mathtext.Parser,
        "parse",
        lambda self, s, *a: parsed.append((s, *a[1:])) or parse(self, s, *a),
    )
    shared = figures.render("compose-receptive-field", langs=("en",))
    once, parsed[:] = list(parsed), []
    monkeypatch.setattr(style, "_math_parsed_once", nullcontext)
    assert figures.render("compose-receptive-field", langs=("en",)) == shared
    assert len(once) == len(set(once)) < len(parsed)


def test_each_font_lookup_is_done_once_per_figure_and_the_files_do_not_change(monkeypatch):
    """The texts of a figure share one lookup of the font files per set of font
    properties (matplotlib looks them up for every text it measures or draws): fewer
    lookups, the same bytes, in both languages (Chinese: two families)."""
    from contextlib import nullcontext

    from matplotlib.font_manager import FontManager

    from derivations.figures import style

    looked: list = []
    find = FontManager._find_fonts_by_props
    monkeypatch.setattr(
        FontManager,
        "_find_fonts_by_props",
        lambda self, prop, *a, **k: looked.append(hash(prop)) or find(self, prop, *a, **k),
    )
    shared = figures.render("strip-loads")
    once, looked[:] = list(looked), []
    monkeypatch.setattr(style, "_fonts_found_once", nullcontext)
    assert figures.render("strip-loads") == shared
    assert len(once) == len(set(once)) < len(looked)


def test_each_text_is_measured_once_per_kind_of_renderer_and_the_files_do_not_change(
    monkeypatch,
):
    """The layout's Agg renderer, the SVG files' and the PDF's of a figure's drawings
    (wide and narrow) each measure a text once for all of them (matplotlib measures once
    per renderer object, and each file has its own): fewer measures, the same bytes, in
    both languages."""
    from contextlib import nullcontext

    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_pdf import RendererPdf
    from matplotlib.backends.backend_svg import RendererSVG

    from derivations.figures import style

    measured: list = []
    for kind in (RendererAgg, RendererSVG, RendererPdf):
        own = kind.get_text_width_height_descent

        def measure(self, s, prop, ismath, own=own, kind=kind):
            measured.append((kind, getattr(self, "dpi", None), s, hash(prop), ismath))
            return own(self, s, prop, ismath)

        monkeypatch.setattr(kind, "get_text_width_height_descent", measure)
    shared = figures.render("strip-loads")
    once, measured[:] = list(measured), []
    monkeypatch.setattr(style, "_measured_once", nullcontext)
    assert figures.render("strip-loads") == shared
    assert len(once) == len(set(once)) < len(measured)


def test_each_strings_glyphs_are_placed_once_for_the_svg_files_and_the_files_do_not_change(
    monkeypatch,
):
    """The wide and narrow SVG of a drawing share one placement of each string's glyphs
    (matplotlib places them again for each file): fewer placements, the same bytes, in
    both languages."""
    from contextlib import nullcontext

    from matplotlib import textpath

    from derivations.figures import style

    placed: list = []
    layout = textpath._text_helpers.layout

    def spy(s, font, **kwargs):
        if sys._getframe(1).f_code.co_filename == textpath.__file__:  # not the PDF's own
            placed.append((id(font), s, *sorted(kwargs.items())))
        return layout(s, font, **kwargs)

    monkeypatch.setattr(textpath._text_helpers, "layout", spy)
    shared = figures.render("strip-loads")
    once, placed[:] = list(placed), []
    monkeypatch.setattr(style, "_glyphs_placed_once", nullcontext)
    assert figures.render("strip-loads") == shared
    assert len(once) == len(set(once)) < len(placed)


@pytest.mark.parametrize("key", sorted(figures.KEYS))
def test_titles_and_empty_labels_are_where_automatic_placement_puts_them(monkeypatch, drawn, key):
    """Titles fixed at the axes' top (``axes.titley``) and empty axis labels kept where
    the layout left them (:func:`style.still_empty_labels`) give the same bytes as
    matplotlib placing both on every draw, in every file and language, with fewer
    measurements of the tick labels.  A figure that puts something above an axes (ticks
    or a label on top) would move its title under automatic placement, and fail here."""
    from matplotlib.axis import Axis

    from derivations.figures import style

    measured: list = []
    siblings = Axis._get_tick_boxes_siblings

    def counted(self, renderer):
        measured.append(self)
        return siblings(self, renderer)

    monkeypatch.setattr(Axis, "_get_tick_boxes_siblings", counted)
    assert figures.render(key) == drawn[key]
    fixed = len(measured)
    measured.clear()
    monkeypatch.setitem(style._RC, "axes.titley", None)  # matplotlib's automatic placement
    monkeypatch.setattr(style, "still_empty_labels", lambda axes: None)
    assert figures.render(key) == drawn[key]
    assert fixed < len(measured)


@pytest.mark.parametrize("key", sorted(AGREED))
def test_pdf_fonts_are_in_file_name_order_wherever_matplotlib_is_installed(drawn, key):
    """matplotlib writes a PDF's fonts sorted by full path: a Chinese figure (a system CJK
    font, matplotlib's own DejaVu) changed bytes with the folder matplotlib was installed
    in. Ours are in file-name order, so DejaVu... comes before Noto... anywhere."""
    for lang in figures.LANGS:
        names = re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", drawn[key].pdf[lang])
        dejavu = [i for i, n in enumerate(names) if n.startswith(b"DejaVu")]
        noto = [i for i, n in enumerate(names) if n.startswith(b"Noto")]
        assert not (dejavu and noto) or max(dejavu) < min(noto), (lang, names)


@pytest.mark.parametrize("key", sorted(AGREED))
def test_files_carry_no_date_tool_font_or_link(drawn, key):
    for lang in figures.LANGS:
        for raw in (drawn[key].svg[lang], drawn[key].narrow[lang]):
            svg = raw.decode("utf-8")
            assert svg.startswith("<?xml") and "<svg" in svg
            assert "<dc:date>" not in svg and "Matplotlib" not in svg
            assert "<text" not in svg  # glyphs are paths: no font needed to show the figure
            assert not re.search(r'(?:xlink:)?href="(?!#|data:)', svg)  # nothing outside
        pdf = drawn[key].pdf[lang]
        assert pdf.startswith(b"%PDF-")
        assert b"/CreationDate" not in pdf and b"/Producer" not in pdf and b"matplotlib" not in pdf


@pytest.mark.parametrize("layout", ["wide", "narrow"])
@pytest.mark.parametrize("key", sorted(AGREED))
def test_chinese_figures_draw_the_catalogues_chinese_words(drawn, key, layout):
    """Every word the zh drawing asks the catalogue for is drawn (read back from the
    SVG), is Chinese, and its English counterpart is drawn nowhere in it."""
    from derivations.messages import entry

    svg = drawn[key].svg["zh"] if layout == "wide" else drawn[key].narrow["zh"]
    labels = _flat("".join(_labels(svg)))
    asked = _asked(key, "zh", layout)
    assert asked
    for word_id, fields, said in asked:
        assert said == Words("zh")(word_id, **fields)  # the catalogue's text, filled
        assert _flat(said) in labels, said
        english = Words("en")(word_id, **fields)
        template = entry(f"figures.{word_id}")
        words_in_it = re.sub(r"\$[^$]*\$|\{\w+\}", "", template["en"])  # no math, no fields
        if template["en"] != template["zh"] and re.search(r"[A-Za-z]{3}", words_in_it):
            assert CJK.search(said), said  # words in English are words in Chinese
            assert _flat(english) not in labels, english
    assert any(CJK.search(label) for label in _labels(svg))


@pytest.mark.parametrize("key", sorted(AGREED))
def test_chinese_glyphs_are_noto_cjk(drawn, key):
    """The CJK glyphs of the zh figures are Noto Sans CJK SC's (the PDFs' font), not a
    placeholder: the SVG names each glyph after its font."""
    svg = drawn[key].svg["zh"].decode("utf-8")
    fonts = set(re.findall(r'<path id="([A-Za-z-]+?)-[0-9a-f]+"', svg))
    assert any(font.startswith("NotoSansCJKsc") for font in fonts), fonts
    assert not any("CJKjp" in font or "CJKkr" in font for font in fonts), fonts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", sorted(AGREED))
def test_each_figure_states_the_layer_it_draws(drawn, key, lang):
    """A title names the kernel, the stride and the padding (the networks: batch and
    padding; their layers are the tables')."""
    text = " ".join(_labels(drawn[key].svg[lang]))
    needles = {
        "en": {"kernel": r"[Kk]ernel|1×1", "stride": r"stride \d", "padding": r"padding"},
        "zh": {"kernel": r"核|1×1", "stride": r"步幅 \d", "padding": r"填充"},
    }[lang]
    if key == "network-costs":
        needles = {"padding": needles["padding"], "batch": "batch 1" if lang == "en" else "批量 1"}
    for what, needle in needles.items():
        assert re.search(needle, text), (what, text[:300])


def test_network_figure_draws_every_network_with_the_tables_layer_names(drawn):
    from derivations.exercises.maths.networks import SHOWN
    from derivations.figures.curves import DRAWN_KINDS, MOST_BARS
    from derivations.networks import get_model, model_network, tabulate
    from derivations.networks.report import percent

    for lang in figures.LANGS:
        for svg in (drawn["network-costs"].svg[lang], drawn["network-costs"].narrow[lang]):
            labels = _labels(svg)
            text = "\n".join(labels)
            assert _flat(Words(lang)("networks_rest")) in _flat(text)
            assert "block" not in text.replace("block's", "") and "块”" not in text
            for name in SHOWN:
                table = tabulate(model_network(name))
                title = get_model(name).title  # as the tables name it: (book) in each language
                book = "（书中版本）" if lang == "zh" else " (book)"
                shown = title.replace(" (book)", book)
                assert shown + ("，" if lang == "zh" else ",") in text
                rows = [row for row in table.rows if row.kind in DRAWN_KINDS]
                if len(rows) <= MOST_BARS:  # every layer, by its table name
                    names = [row.name for row in rows]
                    assert all(n in labels for n in names), name
                    drawn_rows = rows
                else:  # each block (its conv and linear rows), and the top-level ones
                    blocks: dict = {}
                    for row in rows:
                        head, dot, _ = row.name.partition(".")
                        blocks.setdefault(head if dot else row.name, []).append(row.name)
                    for block, names in blocks.items():
                        shown = Words(lang)("networks_block", name=block)
                        # a block is named by the tables' module path, not "(block)"
                        assert shown == f"{block}.*" or len(names) == 1, shown
                        assert (shown if len(names) > 1 else names[0]) in labels, block
                    assert len(blocks) < len(rows)
                    drawn_rows = rows
                assert not any(label == "1" for label in labels)  # not numbered 1..N
                sums = [
                    sum((table.share(row, key) for row in drawn_rows), Fraction(0))
                    for key in ("params", "macs", "activations")
                ]
                assert sums[2] < 1  # other layers hold activations: the bars miss 100%
                shown = [f"{percent(s)}%" for s in sums]
                assert (
                    Words(lang)(
                        "networks_sums", params=shown[0], macs=shown[1], activations=shown[2]
                    )
                    in text
                ), name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_missing_glyph_fails_the_build_in_one_line(monkeypatch, lang):
    """A character no font has (a private-use one) would be a box: the build fails,
    both in plain text and in a label that holds math."""
    original = Words.__call__

    def with_unknown(self, key, /, **fields):
        return original(self, key, **fields) + " \ue000"

    monkeypatch.setattr(Words, "__call__", with_unknown)
    for key in ("block-diagonal", "compose-receptive-field"):  # plain; $math$ and words
        with pytest.raises(DerivationError) as error:
            figures.render(key, langs=(lang,))
        message = str(error.value)
        assert message.startswith(f"figure {key} ({lang}): ") and "\n" not in message


def test_wrap_breaks_latin_at_spaces_and_chinese_after_its_phrases():
    """s10exam F6: a phone's zh titles broke inside a phrase (步|幅 1, 步幅|1); Chinese
    breaks after a phrase's punctuation, and inside a phrase only where the phrase alone
    is wider than the line (then between any two characters)."""
    from derivations.figures.style import wrap

    assert wrap("one two three four", 1.0, 10) == "one two\nthree four"
    lines = wrap("卷积核 3×3，步幅 1，单通道：填充 2 → 4", 1.0, 10).split("\n")
    assert lines == ["卷积核 3×3，", "步幅 1，", "单通道：", "填充 2 → 4"]
    title = "两层分组 1×1 卷积：c = 9 个通道，b = 3 组，步幅 1，无填充"
    assert wrap(title, 3.4, 10) == "两层分组 1×1 卷积：c = 9 个通道，b = 3 组，\n步幅 1，无填充"
    # a phrase wider than the line: broken inside, the next phrase on a line of its own
    assert wrap("每个卷积层与全连接层一根柱，批量 1", 1.2, 10).split("\n") == [
        "每个卷积层与全连",
        "接层一根柱，",
        "批量 1",
    ]
    assert wrap("$k_1 + k_2 - 1$ inputs", 0.3, 10).startswith("$k_1 + k_2 - 1$")


_PHRASE_END = tuple("，。：；、）！？")


@pytest.mark.parametrize("key", figures.KEYS)
def test_a_zh_layer_statement_breaks_only_after_its_phrases(drawn, key):
    """s10exam F6: on a phone the zh titles read "…b = 3 组，步 / 幅 1，无填充" and
    "…b = 4 组，步幅 / 1，无填充".  Read back from the SVGs (wide and narrow): every
    line of a text that states the layer (它的步幅), but its last, ends a phrase."""
    found = 0
    for svg in (drawn[key].svg["zh"], drawn[key].narrow["zh"]):
        groups = re.findall(r'<g id="text_\d+">(.*?)(?=<g id="text_|\Z)', svg.decode(), re.S)
        for group in groups:
            lines = re.findall(r"<!-- (.*?) -->", group, flags=re.S)
            if any("步幅" in line for line in lines):
                found += 1
                assert [line for line in lines[:-1] if not line.endswith(_PHRASE_END)] == []
    assert found > 0 or key == "network-costs"


def test_unknown_key_is_one_line_error():
    with pytest.raises(DerivationError, match="figure 'no-such' is not one of"):
        figures.render("no-such")


def test_failed_check_in_a_figure_is_one_line_error(monkeypatch):
    from derivations.exercises.maths import strips
    from derivations.figures import curves

    class Miscounting(strips.LoadCounter):
        def load(self, rows, cols):
            block = super().load(rows, cols)
            self.loads += 1  # one load too many: the closed form no longer matches
            return block

    monkeypatch.setattr(strips, "LoadCounter", Miscounting)
    curves._strips_data.cache_clear()
    try:
        with pytest.raises(DerivationError) as error:
            figures.render("strip-loads")
    finally:
        curves._strips_data.cache_clear()
    message = str(error.value)
    assert message.startswith("figure strip-loads: check failed: loads, Delta="), message
    assert "\n" not in message


def test_paths_name_both_formats_per_language():
    assert figures.paths("strip-loads", "zh") == {
        "svg": "figures/zh/strip-loads.svg",
        "pdf": "figures/zh/strip-loads.pdf",
    }


@pytest.mark.parametrize("lang", figures.LANGS)
def test_each_sheet_shows_its_own_languages_figures(lang):
    """The committed sheets (kept fresh by ``test_committed_output_is_fresh``) point at
    their language's figures: Markdown at the SVGs, LaTeX at the PDFs."""
    from pathlib import Path

    output = Path(__file__).resolve().parents[2] / "output"
    md = (output / lang / "answers.md").read_text(encoding="utf-8")
    tex = (output / lang / "answers.tex").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    shown = re.findall(r"\\sheetfigure\{([^}]+)\}", tex)
    assert sorted(images) == sorted(f"../figures/{lang}/{key}.svg" for key in AGREED)
    assert sorted(shown) == sorted(f"{lang}/{key}" for key in AGREED)
    assert all(
        (output / "figures" / lang / f"{key}.{fmt}").is_file()
        for key in AGREED
        for fmt in ("svg", "pdf")
    )


def test_text_width_is_the_same_sum_on_every_python():
    """A float sum of 0.6s rounds differently from Python 3.12 on (compensated ``sum``),
    so a title broke at another word on 3.11 than on 3.13: widths are summed exactly."""
    from derivations.figures.style import _width

    for n in range(1, 200):
        assert _width("x" * n) == 6 * n / 10
        assert _width("卷" * n + "x" * n) == 16 * n / 10


BLANK_INCHES = 0.45  # above and below a drawing together (43 CSS px at natural size)


@pytest.mark.parametrize("key", figures.KEYS)
def test_no_figure_has_a_blank_band_above_or_below_its_drawing(key):
    """s10exam F10: the narrow receptive-field figure was square, 355 px high on a phone,
    its drawing (kept at its aspect) about 290 px of it: a 65 px blank band before the
    caption.  Measured once laid out: the figure's height less the height of everything it
    draws (matplotlib's tight box) is at most :data:`BLANK_INCHES`, in every layout and
    language."""
    from derivations.figures.style import fixed_style, settle

    for lang in figures.LANGS:
        with fixed_style(lang):
            for layout in figures.style.LAYOUTS:
                figure = figures._drawing(key)(Words(lang), layout)
                settle(figure)
                drawn = figure.get_tightbbox(figure._get_renderer())
                blank = figure.get_size_inches()[1] - drawn.height
                assert blank <= BLANK_INCHES, (lang, layout, round(blank, 2))


@pytest.mark.parametrize("key", ["padding-readings", "im2col-matrix", "block-diagonal"])
@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_texts_left_out_of_the_layout_lie_inside_their_axes(key, layout):
    """A cell's text (:func:`style.cell_text`) is not measured by the layout: it must lie
    inside its axes once laid out, where it cannot need room the layout did not make."""
    from derivations.figures.style import fixed_style, settle

    for lang in figures.LANGS:
        with fixed_style(lang):
            figure = figures._drawing(key)(Words(lang), layout)
            settle(figure)
            renderer = figure._get_renderer()
            outside, cells = [], 0
            for ax in figure.axes:
                box = ax.get_window_extent(renderer)
                texts = [text for text in ax.texts if not text.get_in_layout()]
                cells += len(texts)
                outside += [
                    text.get_text()
                    for text in texts
                    if not box.contains(*text.get_window_extent(renderer).min)
                    or not box.contains(*text.get_window_extent(renderer).max)
                ]
            assert cells > 0 and not outside, (lang, outside)


def _edges_drawn(ax, axis: str) -> list[float]:
    """Where ``ax`` draws a line across itself along ``axis`` ("x": vertical lines at
    those x), in data units: its grid at the ticks it draws, and its line collections
    that span it (each segment one x, or one y, from one side of the axes to the other)."""
    import numpy as np

    along = ax.xaxis if axis == "x" else ax.yaxis
    spans = ax.get_xaxis_transform() if axis == "x" else ax.get_yaxis_transform()
    drawn = [tick.get_loc() for tick in along._update_ticks() if tick.gridline.get_visible()]
    for lines in ax.collections:
        if lines.get_transform() != spans:
            continue
        for segment in lines.get_segments():
            at, across = (segment[:, 0], segment[:, 1]) if axis == "x" else segment.T[::-1]
            if np.ptp(at) == 0 and sorted(across) == [0.0, 1.0]:
                drawn.append(float(at[0]))
    return sorted(drawn)


def _cell_grids(ax) -> list[tuple[int, int]]:
    """The ``(rows, cols)`` of each matrix of cells ``ax`` shows: an image's, and the
    extent of its unit squares (a matrix drawn a patch a cell, cell centres at integers
    from 0, as :func:`derivations.figures.matrices._weights` draws one)."""
    from matplotlib.patches import Rectangle

    grids = [image.get_array().shape[:2] for image in ax.images]
    squares = [
        p.get_xy()
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_width() == 1 and p.get_height() == 1
    ]
    if squares:
        rows = 1 + max(round(y + 0.5) for _, y in squares)
        grids.append((rows, 1 + max(round(x + 0.5) for x, _ in squares)))
    return grids


@pytest.mark.parametrize("key", ["padding-readings", "im2col-matrix", "block-diagonal"])
@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_every_cell_of_a_matrix_has_its_borders_once(key, layout):
    """Each matrix of cells (an image, or a patch a cell) is crossed by a line at each of
    its cells' edges, once: a grid at minor ticks lost the lines where the axis put a major
    tick (the Chinese narrow im2col inputs had no row borders).  Each figure shows one at
    least (the block-diagonal one, drawn a patch a cell, was passed over when only images
    were looked at)."""
    from derivations.figures.style import fixed_style, settle

    for lang in figures.LANGS:
        with fixed_style(lang):
            figure = figures._drawing(key)(Words(lang), layout)
            settle(figure)
            grids = [(ax, grid) for ax in figure.axes for grid in _cell_grids(ax)]
            assert grids, (key, layout, lang)
            for ax, (rows, cols) in grids:
                assert _edges_drawn(ax, "x") == [c - 0.5 for c in range(cols + 1)], lang
                assert _edges_drawn(ax, "y") == [r - 0.5 for r in range(rows + 1)], lang


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_network_bars_are_each_groups_share_from_zero(layout):
    """Each panel draws, per column (parameters, MACs, activations), one bar per group
    from 0 to 100 x its share of the network, centred on the group's row, 0.27 tall."""
    from derivations.figures.curves import COLUMNS, panels
    from derivations.figures.style import fixed_style

    with fixed_style("en"):
        figure = figures._drawing("network-costs")(Words("en"), layout)
    axes = sorted(figure.axes, key=lambda ax: [p.name for p in panels()].index(_panel_of(ax)))
    assert len(axes) == len(panels())
    for ax, panel in zip(axes, panels()):
        columns = [c for c in ax.collections if c.get_paths()]
        assert len(columns) == len(COLUMNS)
        for offset, (key, bars) in enumerate(zip(COLUMNS, columns)):
            for row, (path, share) in enumerate(zip(bars.get_paths(), panel.shares[key])):
                box = path.get_extents()
                centre = row + (offset - 1) * 0.27
                assert box.x0 == 0 and box.x1 == pytest.approx(100 * float(share))
                assert (box.y0, box.y1) == pytest.approx((centre - 0.135, centre + 0.135))


def _panel_of(ax) -> str:
    """The network a panel's axes draws, by the name its title starts with."""
    from derivations.figures.curves import panels

    title = ax.get_title(loc="right")
    return max((p.name for p in panels() if title.startswith(p.name)), key=len)


PERCENTAGE = re.compile(r"(\d+(?:\.(\d+))?)\s*(?:\\)?%")


@pytest.mark.parametrize("key", figures.KEYS)
def test_each_figure_prints_its_percentages_to_one_precision(drawn, key):
    """Every figure a drawing prints as a percentage has the same number of decimals
    (not "100%" beside "44.6%"); the network figure's note, a sentence ("MACs: 100%"),
    is words, not a figure."""
    for lang in figures.LANGS:
        note = _flat(Words(lang)("networks_rest"))
        for svg in (drawn[key].svg[lang], drawn[key].narrow[lang]):
            shown = " ".join(t for t in _labels(svg) if _flat(t) not in note)
            decimals = {len(m.group(2) or "") for m in PERCENTAGE.finditer(shown)}
            assert len(decimals) <= 1, (key, lang, decimals, shown[:200])
            assert key != "network-costs" or decimals == {1}, shown[:200]
