"""Figures of matrices: convolution as one matrix product (im2col), the block-diagonal
matrix of a grouped 1x1 convolution, the channel shuffle.  The matrices are executed by
the package's convolution and the exercises' functions, never written out."""

from __future__ import annotations

import numpy as np

from derivations.figures.style import PALETTE, new_figure

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
            ax.text(
                c,
                r,
                f"{v:g}",
                ha="center",
                va="center",
                fontsize=7,
                color=PALETTE["paper"] if v > 0.6 * top else PALETTE["ink"],
            )
    ax.set_xticks(np.arange(values.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(values.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color=PALETTE["paper"], linewidth=1.0)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(title)


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


def im2col_matrix():
    """The book's example (X: 2 channels of 3x3, K: 3 output channels of 2x2) as
    ``K (c_o x c_i k_h k_w) @ cols (c_i k_h k_w x m_h m_w) = Y (c_o x m_h m_w)``; Y is the
    package's convolution and must equal the product of the other two."""
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
    figure, axes = new_figure(
        8.4,
        3.0,
        ncols=c_in + 3,
        width_ratios=[w] * c_in + [weights.shape[1], cols.shape[1], y.shape[1]],
    )
    for c in range(c_in):
        _matrix(
            axes[c],
            BOOK_X[c],
            f"$X_{{{c}}}$  (${h}\\times {w}$)",
            cmap="Oranges",
            vmin=0,
            vmax=float(BOOK_X.max()) * 1.4,
        )
    _matrix(axes[c_in], weights, f"$K$  (${c_o}\\times {c_i * k_h * k_w}$)")
    _matrix(
        axes[c_in + 1],
        cols,
        f"$X_{{\\mathrm{{col}}}}$  (${cols.shape[0]}\\times {cols.shape[1]}$)",
        cmap="Oranges",
        vmin=0,
        vmax=float(BOOK_X.max()) * 1.4,
    )
    _matrix(
        axes[c_in + 2],
        y,
        f"$K X_{{\\mathrm{{col}}}} = Y$  (${y.shape[0]}\\times {y.shape[1]}$)",
        cmap="Greens",
    )
    from matplotlib.patches import ConnectionPatch, Rectangle

    red = PALETTE["ink"]  # the window and its column
    for c in range(c_in):  # the first window, in every channel
        axes[c].add_patch(
            Rectangle((-0.5, -0.5), k_w, k_h, fill=False, edgecolor=red, linewidth=2.4, zorder=5)
        )
    axes[c_in + 1].add_patch(
        Rectangle(
            (-0.5, -0.5), 1, cols.shape[0], fill=False, edgecolor=red, linewidth=2.4, zorder=5
        )
    )
    figure.add_artist(
        ConnectionPatch(
            xyA=(w - 0.5, k_h / 2 - 0.5),
            coordsA=axes[c_in - 1].transData,
            xyB=(-0.5, cols.shape[0] / 2 - 0.5),
            coordsB=axes[c_in + 1].transData,
            color=red,
            arrowstyle="-|>",
            linewidth=1.4,
            connectionstyle="arc3,rad=-0.3",
            zorder=6,
        )
    )
    return figure


def block_diagonal():
    """A grouped 1x1 convolution's ``c x c`` matrix (8 channels, 4 groups) as the
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
    figure, ax = new_figure(3.6, 3.4)
    _matrix(ax, matrix, f"$c = {channels}$,  $b = {groups}$", write=False, vmin=0)
    for (r, c), v in np.ndenumerate(matrix):
        if v == 0:
            ax.text(c, r, "0", ha="center", va="center", fontsize=7, color=PALETTE["grey"])
    ax.set_xlabel("$j$")
    ax.set_ylabel("$o$")
    return figure


def channel_shuffle():
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
    figure, ax = new_figure(6.0, 2.8)
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
        ax.text(old, 1.25, f"{old}", ha="center", va="bottom", fontsize=8)
        ax.text(new, -0.25, f"{old}", ha="center", va="top", fontsize=8)
    ax.text(-0.9, 1, "$W_1$", ha="right", va="center")
    ax.text(-0.9, 0, "$W_2$", ha="right", va="center")
    ax.set_xlim(-1.6, channels - 0.4)
    ax.set_ylim(-0.6, 1.6)
    ax.axis("off")
    ax.set_title(f"$c = {channels}$,  $b = {groups}$")
    return figure
