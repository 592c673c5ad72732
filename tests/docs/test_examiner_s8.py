"""What the eighth session's fresh examiner of both sheets (issue 25) found, each read back
from what the reader sees: the figures as matplotlib lays them out."""

import numpy as np
import pytest

from derivations.exercises.document import LANGS


def _laid_out(key: str, lang: str, layout: str = "wide"):
    from derivations.figures import _drawing
    from derivations.figures.style import Words, fixed_style, settle

    with fixed_style(lang):
        figure = _drawing(key)(Words(lang), layout)
        settle(figure)
        figure.canvas.draw()
    return figure


@pytest.mark.parametrize("lang", LANGS)
def test_im2col_arrow_crosses_no_matrix_it_does_not_join(lang):
    """The arrow from X_1's window to the column of cols(X) it becomes was drawn across the
    top row of the kernel matrix K, over its digits; it joins two panels and may touch only
    those two."""
    from matplotlib.patches import ConnectionPatch

    figure = _laid_out("im2col-matrix", lang)
    (arrow,) = [a for a in figure.artists if isinstance(a, ConnectionPatch)]
    paths, _ = arrow._get_path_in_displaycoord()  # the line, then the head
    line = paths[0]
    points = np.concatenate(line.to_polygons(closed_only=False))
    x1, kernel, columns = figure.axes[1], figure.axes[2], figure.axes[3]
    box = kernel.get_window_extent()
    inside = (
        (points[:, 0] > box.x0)
        & (points[:, 0] < box.x1)
        & (points[:, 1] > box.y0)
        & (points[:, 1] < box.y1)
    )
    assert not inside.any(), f"{int(inside.sum())} points of the arrow lie on K"
    # it starts at X_1 and ends at cols(X)
    assert x1.get_window_extent().expanded(1.05, 1.05).contains(*points[0])
    assert columns.get_window_extent().expanded(1.05, 1.05).contains(*points[-1])


@pytest.mark.parametrize("lang", LANGS)
def test_block_diagonal_figure_outlines_each_block(lang):
    """A weight inside a block may be shaded almost white (row 5, column 4 was): without
    the blocks' outlines such a cell looked like an unlabelled zero. Each of the b
    diagonal blocks is outlined, c/b cells square, on the diagonal."""
    from matplotlib.patches import Rectangle

    figure = _laid_out("block-diagonal", lang)
    ax = figure.axes[0]
    channels = round(ax.get_xlim()[1] + 0.5)  # cells centred on 0 .. c - 1
    # each weight a filled unit cell (a1b1e61: patches, not an image, so the SVG has fills)
    weights = {
        (round(p.get_y() + 0.5), round(p.get_x() + 0.5))
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_fill() and p.get_width() == 1
    }
    outlines = sorted(
        (p.get_x(), p.get_y(), p.get_width(), p.get_height())
        for p in ax.patches
        if isinstance(p, Rectangle) and not p.get_fill()
    )
    size = outlines[0][2]
    assert len(outlines) * size == channels
    assert outlines == [(t * size - 0.5, t * size - 0.5, size, size) for t in range(len(outlines))]
    # every non-zero weight lies inside an outline, every zero outside
    for r, c in np.ndindex(channels, channels):
        assert ((r, c) in weights) == (r // size == c // size)


@pytest.mark.parametrize("lang", LANGS)
def test_the_practice_scripts_texts_carry_no_markdown(lang):
    """The page's script shows these texts as plain text (textContent): Markdown's code
    backticks showed literally ("`derivations serve`" when the page is opened as a file)."""
    import json

    from derivations.practice.page import _script_messages

    def strings(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        else:
            yield node

    said = json.loads(_script_messages(lang))
    assert not [s for s in strings(said) if "`" in s or "**" in s]


def test_no_sheet_says_a_batch_multiplies_every_count():
    """With a batch of n the additions of the weight and bias gradients grow by more than
    n times (their sums run over n m_h m_w terms at once): the cost sheet's conventions
    and its batch paragraph said "every count" (每个计数) is n times one example's."""
    from derivations.exercises.prose import prose_file

    said = [
        (key, lang)
        for key, texts in prose_file("cost").items()
        for lang, text in texts.items()
        if any(claim in text for claim in ("every count is", "multiplies every count", "每个计数"))
    ]
    assert not said


def test_the_chinese_sheets_name_dilation_one_way():
    """The reference page and the practice page say 膨胀率 for dilation; the cost and
    doubling sheets said 无空洞: one term in one language."""
    from derivations.exercises.prose import prose_file

    assert not [
        key
        for sheet in ("cost", "doubling")
        for key, texts in prose_file(sheet).items()
        if "空洞" in texts["zh"]
    ]
