"""Figures drawn as grids of cells: two kernels composing into one, the two readings of
padding.  Every size and value comes from the model or the exercise code."""

from __future__ import annotations

import numpy as np

from derivations.figures.style import PALETTE, new_figure

__all__ = ["compose_receptive_field", "padding_readings"]


def _cells(ax, values: np.ndarray, title: str, cmap: str = "RdBu_r") -> None:
    """A small integer matrix as coloured cells with its values written in them."""
    limit = max(1, int(np.max(np.abs(values))))
    ax.imshow(values, cmap=cmap, vmin=-limit, vmax=limit)
    for (r, c), v in np.ndenumerate(values):
        ax.text(c, r, f"{int(v)}", ha="center", va="center", fontsize=8,
                color=PALETTE["ink"] if abs(v) < 0.6 * limit else PALETTE["paper"])
    ax.set_xticks(np.arange(values.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(values.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color=PALETTE["paper"], linewidth=1.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(title)


def _field(ax, inputs: int, middle: int, output: int) -> None:
    """The receptive field: one output, the ``middle`` x ``middle`` first-layer outputs it
    reads, and the ``inputs`` x ``inputs`` inputs those read, centred on one grid."""
    size = inputs + 2
    grid = np.zeros((size, size))
    for level, extent in ((1, inputs), (2, middle), (3, output)):
        start = (size - extent) // 2
        grid[start:start + extent, start:start + extent] = level
    from matplotlib.colors import ListedColormap
    colours = ListedColormap([PALETTE["paper"], PALETTE["sky"], PALETTE["orange"],
                              PALETTE["red"]])
    ax.imshow(grid, cmap=colours, vmin=0, vmax=3)
    ax.set_xticks(np.arange(size + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(size + 1) - 0.5, minor=True)
    ax.grid(which="minor", color=PALETTE["grey"], linewidth=0.6)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(f"${inputs}\\times {inputs} \\to {middle}\\times {middle} \\to "
                 f"{output}\\times {output}$")


def compose_receptive_field():
    """Two 3x3 kernels in sequence equal one 5x5 kernel: the composed kernel computed by
    the exercise's :func:`compose_kernels`, its size read off the symbolic correlation
    (:func:`composed_support`), and the receptive field that size implies."""
    from derivations.exercises.compose import compose_kernels, composed_support
    k1 = k2 = 3
    rng = np.random.default_rng(7)
    w1 = rng.integers(-2, 3, size=(1, 1, k1, k1))
    w2 = rng.integers(-2, 3, size=(1, 1, k2, k2))
    composed = compose_kernels(w1, w2)[0, 0]
    support = composed_support(k1, k2)
    if composed.shape != (support, support):  # pragma: no cover - a derivation bug
        raise AssertionError(f"composed kernel {composed.shape} vs support {support}")
    figure, axes = new_figure(7.2, 2.4, ncols=4,
                              width_ratios=[support + 2, k1, k2, support])
    _field(axes[0], support, k1 if k1 <= k2 else k2, 1)
    _cells(axes[1], w1[0, 0], f"$K_1$  (${k1}\\times {k1}$)")
    _cells(axes[2], w2[0, 0], f"$K_2$  (${k2}\\times {k2}$)")
    _cells(axes[3], composed, f"$K_2 * K_1$  (${support}\\times {support}$)")
    return figure


def _padded(ax, layer, title: str) -> None:
    """The input of ``layer`` inside its zeros, as ``padding_split`` places them, and the
    output size the model gives."""
    (top, bottom), (left, right) = layer.padding_split("h"), layer.padding_split("w")
    rows, cols = layer.h + top + bottom, layer.w + left + right
    grid = np.zeros((rows, cols))
    grid[top:top + layer.h, left:left + layer.w] = 1
    from matplotlib.colors import ListedColormap
    ax.imshow(grid, cmap=ListedColormap([PALETTE["light"], PALETTE["blue"]]), vmin=0, vmax=1)
    for (r, c), v in np.ndenumerate(grid):
        if not v:
            ax.text(c, r, "0", ha="center", va="center", fontsize=7, color=PALETTE["grey"])
    ax.set_xticks(np.arange(cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color=PALETTE["paper"], linewidth=1.2)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(title)
    ax.set_xlabel(f"${rows}\\times {cols}$,  $k_h = {layer.k_h}$  $\\to$  "
                  f"$m_h = {layer.m_h}$")


def padding_readings():
    """The same ``padding = 2`` read as total padding (the book's formula: one row above,
    one below) and as padding per side (two rows on each side), on a 4x4 input; the padded
    sizes and output sizes come from :class:`derivations.model.Layer`."""
    from derivations.model import Layer
    p, size, k = 2, 4, 3
    total = Layer(1, 1, size, size, k, k, p_h=p, p_w=p, convention="total")
    per_side = Layer(1, 1, size, size, k, k, p_h=p, p_w=p, convention="per-side")
    cols = [layer.w + sum(layer.padding_split("w")) for layer in (total, per_side)]
    figure, axes = new_figure(6.4, 3.6, ncols=2, width_ratios=cols)
    _padded(axes[0], total, f"$p_h = {p}$:  $h + p_h$")
    _padded(axes[1], per_side, f"$p_h = {p}$:  $h + 2p_h$")
    return figure
