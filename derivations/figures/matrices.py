"""Figures of matrices: convolution as one matrix product (im2col), the block-diagonal
matrix of a grouped 1x1 convolution, the channel shuffle.  The matrices are executed by
the package's convolution and the exercises' functions, never written out."""

from __future__ import annotations

from typing import Any

import numpy as np

from derivations.figures.style import (
    NARROW_WIDTH,
    PALETTE,
    WIDE_MAX,
    cell_borders,
    cell_text,
    new_figure,
    wrap,
)

__all__ = ["im2col_matrix", "block_diagonal", "channel_shuffle"]


def _matrix(
    ax,
    values: np.ndarray,
    title: str,
    cmap: str = "Blues",
    write: bool = True,
    vmin=None,
    vmax=None,
) -> None:
    ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="equal")
    if write:
        top = float(np.max(values)) or 1.0
        for (r, c), v in np.ndenumerate(values):
            colour = PALETTE["paper"] if v > 0.6 * top else PALETTE["ink"]
            cell_text(ax, c, r, f"{v:g}", fontsize=9, color=colour)
    cell_borders(ax, values.shape[0], values.shape[1], PALETTE["paper"], 1.0)
    ax.set_title(title, fontsize=9)


def _columns(x: np.ndarray, k_h: int, k_w: int) -> np.ndarray:
    """The im2col matrix of ``x (c_i, h, w)``, executed: the package's convolution with
    one one-hot kernel per row of the matrix copies that row out."""
    from derivations.conv import conv2d_forward
    from derivations.model import Layer

    c_i, h, w = x.shape
    rows = c_i * k_h * k_w
    layer = Layer(c_i, rows, h, w, k_h, k_w)
    one_hot = np.eye(rows).reshape(rows, c_i, k_h, k_w)
    y, _ = conv2d_forward(x[None], one_hot, None, layer)
    return y[0].reshape(rows, layer.m_h * layer.m_w)


def im2col_matrix(words, layout: str):
    """The book's example (X: 2 channels of 3x3, K: 3 output channels of 2x2, stride 1,
    no padding) as ``K (c_o x c_i k_h k_w) @ cols (c_i k_h k_w x m_h m_w) = Y (c_o x m_h
    m_w)``; Y is the package's convolution and must equal the product of the other two.
    Wide: the five matrices in a row; narrow: the inputs, then K, then cols and Y."""
    from derivations.conv import conv2d_forward
    from derivations.exercises.document import CheckFailed
    from derivations.exercises.maths.matmul import BOOK_K, BOOK_X
    from derivations.model import Layer

    c_o, c_i, k_h, k_w = BOOK_K.shape
    cols = _columns(BOOK_X, k_h, k_w)
    weights = BOOK_K.reshape(c_o, c_i * k_h * k_w)
    layer = Layer(c_i, c_o, BOOK_X.shape[1], BOOK_X.shape[2], k_h, k_w)
    y = conv2d_forward(BOOK_X[None], BOOK_K, None, layer)[0][0].reshape(c_o, -1)
    if not np.array_equal(weights @ cols, y):  # pragma: no cover - a convolution bug
        raise CheckFailed(key="docs.figure_im2col")
    c_in, h, w = BOOK_X.shape
    names = [f"x{c}" for c in range(c_in)] + ["K", "cols", "Y"]
    if layout == "wide":
        width = WIDE_MAX
        figure, axes = new_figure(
            width,
            3.2,
            ncols=c_in + 3,
            width_ratios=[w] * c_in + [weights.shape[1], cols.shape[1], y.shape[1]],
        )
        panels = dict(zip(names, axes))
    else:
        width = NARROW_WIDTH
        from matplotlib.figure import Figure

        figure = Figure(figsize=(width, 8.6), layout="constrained")
        inputs: list = [f"x{c}" for c in range(c_in)]
        mosaic: list = [inputs, ["K"] * c_in, ["cols", "Y"]]
        panels = figure.subplot_mosaic(
            mosaic,
            height_ratios=[h, weights.shape[0] + 1, cols.shape[0]],
        )
    orange: dict[str, Any] = {"cmap": "Oranges", "vmin": 0, "vmax": float(BOOK_X.max()) * 1.4}
    for c in range(c_in):
        shape = f"${h}\\times {w}$"
        title = wrap(words("im2col_input", symbol=f"$X_{{{c}}}$", shape=shape), 1.1, 9)
        _matrix(panels[f"x{c}"], BOOK_X[c], title, **orange)
    shape = f"${c_o}\\times {c_i * k_h * k_w}$"
    _matrix(panels["K"], weights, words("im2col_kernel", symbol="$K$", shape=shape))
    # the sheet's notation: cols(X), Y = K cols(X)
    symbol, shape = "$\\mathrm{cols}(X)$", f"${cols.shape[0]}\\times {cols.shape[1]}$"
    title = wrap(words("im2col_columns", symbol=symbol, shape=shape), 1.6, 9)
    _matrix(panels["cols"], cols, title, **orange)
    symbol, shape = "$Y = K\\,\\mathrm{cols}(X)$", f"${y.shape[0]}\\times {y.shape[1]}$"
    title = wrap(words("im2col_output", symbol=symbol, shape=shape), 1.6, 9)
    _matrix(panels["Y"], y, title, cmap="Greens")
    from matplotlib.patches import ConnectionPatch, Rectangle

    red = PALETTE["ink"]  # the window and its column
    for c in range(c_in):  # the first window, in every channel
        panels[f"x{c}"].add_patch(
            Rectangle((-0.5, -0.5), k_w, k_h, fill=False, edgecolor=red, linewidth=2.4, zorder=5)
        )
    panels["cols"].add_patch(
        Rectangle(
            (-0.5, -0.5), 1, cols.shape[0], fill=False, edgecolor=red, linewidth=2.4, zorder=5
        )
    )
    if layout == "wide":
        figure.add_artist(
            ConnectionPatch(
                # from the bottom of the last channel's window, under the kernels K
                # (whose digits a straighter arrow crossed), to the first column's side
                xyA=(k_w / 2 - 0.5, h - 0.5),
                coordsA=panels[f"x{c_in - 1}"].transData,
                xyB=(-0.5, cols.shape[0] * 3 / 4 - 0.5),
                coordsB=panels["cols"].transData,
                color=red,
                arrowstyle="-|>",
                linewidth=1.4,
                connectionstyle="arc3,rad=0.25",
                zorder=6,
            )
        )
    title = words("im2col_title", c_i=c_i, h=h, w=w, c_o=c_o, k_h=k_h, k_w=k_w)
    figure.suptitle(wrap(title, width - 0.2, 10))
    return figure


# the palest shade a weight is drawn in: Blues at 0.6 (#4a98c9) stands 3.2:1 against the
# paper (WCAG's 3:1 for graphical objects); Blues' paler part looked like the empty paper
WEIGHT_SHADES = (0.6, 1.0)


def _weights(ax, matrix: np.ndarray) -> None:
    """Each non-zero entry of ``matrix`` (non-negative) a filled cell, shaded by its size
    within :data:`WEIGHT_SHADES` of the Blues map, each a patch of its own (its fill is
    in the SVG); a zero is left as the paper; white borders between the cells."""
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    rows, cols = matrix.shape
    palest, darkest = WEIGHT_SHADES
    shades, top = colormaps["Blues"], float(matrix.max()) or 1.0
    ax.set_facecolor(PALETTE["paper"])
    for (r, c), v in np.ndenumerate(matrix):
        if v:
            shade = shades(palest + (darkest - palest) * float(v) / top)
            ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=shade, edgecolor="none"))
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_aspect("equal")
    cell_borders(ax, rows, cols, PALETTE["paper"], 1.0)


def block_diagonal(words, layout: str):
    """A grouped 1x1 convolution's ``c x c`` matrix (8 channels, 4 groups, stride 1, no
    padding) as the
    exercise's :func:`block_diagonal` builds it from the layer's weight; the zeros it
    holds outside the blocks are written in.  Checked against the measured dependency:
    an entry is non-zero exactly where perturbing input ``j`` changes output ``o``."""
    from derivations.conv import conv2d_forward
    from derivations.exercises.document import require
    from derivations.exercises.maths.blocks import block_diagonal as dense_of
    from derivations.exercises.maths.blocks import dependency
    from derivations.model import Layer

    channels, groups = 8, 4
    layer = Layer(channels, channels, 4, 4, 1, 1, groups=groups)
    weight = np.random.default_rng(1).standard_normal(layer.weight_shape)
    matrix = np.abs(dense_of(weight, groups))
    measured = dependency(lambda x: conv2d_forward(x, weight, None, layer)[0], channels)
    require(
        np.array_equal(matrix != 0, measured == 1),
        "figure block-diagonal: the matrix's zeros are where no dependency was measured",
    )
    width = 4.4 if layout == "wide" else NARROW_WIDTH
    figure, ax = new_figure(width, 4.6 if layout == "wide" else 4.05)
    _weights(ax, matrix)
    for (r, c), v in np.ndenumerate(matrix):
        if v == 0:
            cell_text(ax, c, r, "0", fontsize=9, color=PALETTE["grey"])
    from matplotlib.patches import Rectangle

    size = channels // groups  # each block outlined: a weight near 0 is pale, not a zero
    for t in range(groups):
        corner = (t * size - 0.5, t * size - 0.5)
        ax.add_patch(
            Rectangle(
                corner, size, size, fill=False, edgecolor=PALETTE["ink"], linewidth=1.6, zorder=5
            )
        )
    ax.set_xlabel(words("blocks_x"))
    ax.set_ylabel(words("blocks_y"))
    title = words("blocks_title", c=channels, b=groups)
    ax.set_title(wrap(title, width - 0.3, 10), fontsize=10)
    return figure


def channel_shuffle(words, layout: str):
    """ShuffleNet's shuffle of 9 channels in 3 groups between two grouped layers, as the
    exercise's :func:`shuffle` moves channel indices: a line from each channel of the
    first layer to its place in the second, coloured by the first layer's group.  Drawn
    once grouped, shuffle, grouped is measured (by perturbation) to mix every input into
    every output."""
    from derivations.exercises.document import require
    from derivations.exercises.maths.blocks import dependency, grouped_then, shuffle
    from derivations.model import Layer

    channels, groups = 9, 3
    index = np.arange(channels, dtype=float).reshape(1, channels, 1, 1)
    moved = shuffle(index, groups)[0, :, 0, 0].astype(int)  # new position -> old channel
    layer = Layer(channels, channels, 4, 4, 1, 1, groups=groups)
    rng = np.random.default_rng(2)
    w1, w2 = rng.standard_normal(layer.weight_shape), rng.standard_normal(layer.weight_shape)
    mixed = dependency(
        lambda x: grouped_then(x, (w1, w2), (layer, layer), lambda v: shuffle(v, groups)), channels
    )
    require(bool(mixed.all()), "figure channel-shuffle: every output depends on every input")
    width = 6.0 if layout == "wide" else NARROW_WIDTH
    figure, ax = new_figure(width, 3.2 if layout == "wide" else 3.8)
    colours = [PALETTE[c] for c in ("blue", "orange", "green", "red", "purple", "sky")]
    per = channels // groups
    from matplotlib.patches import Rectangle

    for level in (0, 1):  # one box per group, on both layers
        for g in range(groups):
            ax.add_patch(
                Rectangle(
                    (g * per - 0.4, level - 0.18),
                    per - 0.2,
                    0.36,
                    facecolor="none",
                    edgecolor=PALETTE["grey"],
                    linewidth=0.8,
                    linestyle="--",
                )
            )
    for new, old in enumerate(moved):
        colour = colours[old // per]
        ax.plot([old, new], [1, 0], color=colour, linewidth=1.6)
        ax.scatter([old], [1], color=colour, s=60, zorder=3)
        ax.scatter([new], [0], color=colour, s=60, zorder=3)
        ax.text(old, 1.25, f"{old}", ha="center", va="bottom", fontsize=9)
        ax.text(new, -0.25, f"{old}", ha="center", va="top", fontsize=9)
    first, second = words("shuffle_first", symbol="$W_1$"), words("shuffle_second", symbol="$W_2$")
    if layout == "wide":
        ax.text(-0.9, 1, first, ha="right", va="center")
        ax.text(-0.9, 0, second, ha="right", va="center")
        ax.set_xlim(-3.4, channels - 0.4)
        ax.set_ylim(-0.6, 1.6)
    else:  # above and below the channels: no room beside them
        ax.text(-0.4, 1.62, first, ha="left", va="bottom")
        ax.text(-0.4, -0.62, second, ha="left", va="top")
        ax.set_xlim(-0.6, channels - 0.4)
        ax.set_ylim(-1.05, 2.05)
    ax.axis("off")
    ax.set_title(wrap(words("shuffle_title", c=channels, b=groups), width - 0.3, 10))
    return figure
