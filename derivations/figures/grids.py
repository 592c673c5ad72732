"""Figures drawn as grids of cells: two kernels composing into one, the two readings of
padding.  Every size and value comes from the model or the exercise code."""

from __future__ import annotations

import numpy as np

from derivations.figures.style import (
    NARROW_WIDTH,
    PALETTE,
    cell_borders,
    cell_text,
    new_figure,
    wrap,
)

__all__ = ["compose_receptive_field", "padding_readings"]


def _dependencies(size1: int, size2: int, inputs: int):
    """``(reads, middle, field)``: the inputs each first-layer output reads, the
    first-layer outputs the first second-layer output reads, and the inputs it depends
    on, each read off the exercise's correlation run on SymPy symbols."""
    import sympy as sp

    from derivations.exercises.maths.compose import correlate1d

    x = sp.symbols(f"x0:{inputs}")
    a, b = sp.symbols(f"a0:{size1}"), sp.symbols(f"b0:{size2}")
    first = correlate1d(list(x), a)
    reads = [[i for i, xi in enumerate(x) if out.has(xi)] for out in first]
    y = sp.symbols(f"y0:{len(first)}")
    middle = [j for j, yj in enumerate(y) if correlate1d(list(y), b)[0].has(yj)]
    whole = sp.expand(correlate1d(first, b)[0])
    return reads, middle, [i for i, xi in enumerate(x) if whole.has(xi)]


def compose_receptive_field(words, layout: str):
    """One output of two 3-tap correlations in sequence (stride 1, no padding), the
    first-layer outputs it reads and the inputs those read (``k_1 + k_2 - 1`` of them,
    as :func:`composed_support` reads off the symbolic expression), on one row of
    inputs."""
    from derivations.exercises.document import CheckFailed
    from derivations.exercises.maths.compose import composed_support

    k1 = k2 = 3
    inputs = k1 + k2 + 3
    reads, middle, field = _dependencies(k1, k2, inputs)
    support = composed_support(k1, k2)
    if len(field) != support:  # pragma: no cover - a derivation bug
        raise CheckFailed(key="docs.figure_receptive_field", field=len(field), support=support)
    width = 6.4 if layout == "wide" else NARROW_WIDTH
    step = 1.0 if layout == "wide" else 1.9  # narrow: a label line between the rows
    figure, ax = new_figure(width, 2.45 if layout == "wide" else 3.1)
    rows = {
        "x": (0.0, inputs),
        "y1": (step, inputs - k1 + 1),
        "y2": (2 * step, inputs - k1 - k2 + 2),
    }
    lit = {"x": set(field), "y1": set(middle), "y2": {0}}
    colours = {"x": PALETTE["sky"], "y1": PALETTE["orange"], "y2": PALETTE["red"]}
    for j in middle:  # the lines from each read input up to the output reading it
        for i in reads[j]:
            ax.plot(
                [i + 0.5, j + 0.5 + (k1 - 1) / 2],
                [0.8, step],
                color=PALETTE["grey"],
                linewidth=0.8,
                zorder=1,
            )
        ax.plot(
            [j + 0.5 + (k1 - 1) / 2, (k1 - 1) / 2 + (k2 - 1) / 2 + 0.5],
            [step + 0.8, 2 * step],
            color=PALETTE["grey"],
            linewidth=0.8,
            zorder=1,
        )
    from matplotlib.patches import Rectangle

    for name, (level, count) in rows.items():
        shift = {"x": 0.0, "y1": (k1 - 1) / 2, "y2": (k1 - 1) / 2 + (k2 - 1) / 2}[name]
        for i in range(count):
            face = colours[name] if i in lit[name] else PALETTE["paper"]
            ax.add_patch(
                Rectangle(
                    (i + shift + 0.05, level),
                    0.9,
                    0.8,
                    facecolor=face,
                    edgecolor=PALETTE["ink"],
                    linewidth=0.8,
                    zorder=2,
                )
            )
        label = {
            "x": words("compose_input", symbol="$x$"),
            "y1": words("compose_layer", number=1, symbol="$y^{(1)}$"),
            "y2": words("compose_layer", number=2, symbol="$y^{(2)}$"),
        }[name]
        if layout == "wide":
            ax.text(-0.4, level + 0.4, label, ha="right", va="center")
        else:  # above the row's first cell: no room beside it
            ax.text(shift + 0.05, level + 0.85, label, ha="left", va="bottom")
    ax.annotate(
        "",
        xy=(field[0] + 0.05, -0.25),
        xytext=(field[-1] + 0.95, -0.25),
        arrowprops={"arrowstyle": "<->", "color": PALETTE["ink"]},
    )
    ax.text(
        (field[0] + field[-1] + 1) / 2,
        -0.35,
        words("compose_field", formula=f"$k_1 + k_2 - 1 = {k1} + {k2} - 1 = {support}$"),
        ha="center",
        va="top",
    )
    ax.set_xlim(-3.6 if layout == "wide" else -0.2, inputs + 0.2)
    ax.set_ylim(-0.95, 2 * step + (1.3 if layout == "wide" else 2.0))
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(wrap(words("compose_title", k1=k1, k2=k2), width - 0.3, 10))
    return figure


def _padded(ax, layer, title: str, words) -> None:
    """The input of ``layer`` inside its zeros, as ``padding_split`` places them, and the
    output size the model gives."""
    (top, bottom), (left, right) = layer.padding_split("h"), layer.padding_split("w")
    rows, cols = layer.h + top + bottom, layer.w + left + right
    grid = np.zeros((rows, cols))
    grid[top : top + layer.h, left : left + layer.w] = 1
    from matplotlib.colors import ListedColormap

    ax.imshow(grid, cmap=ListedColormap([PALETTE["light"], PALETTE["blue"]]), vmin=0, vmax=1)
    for (r, c), v in np.ndenumerate(grid):
        if not v:
            cell_text(ax, c, r, "0", fontsize=9, color=PALETTE["grey"])
    cell_borders(ax, rows, cols, PALETTE["paper"], 1.2)
    ax.set_title(title)
    ax.set_xlabel(words("readings_sizes", rows=rows, cols=cols, m=layer.m_h))


def padding_readings(words, layout: str):
    """The same ``padding = 2`` read as total padding (the book's formula: one row above,
    one below) and as padding per side (two rows on each side), on a 4x4 input, 3x3
    kernel, stride 1; the padded sizes and output sizes come from
    :class:`derivations.model.Layer`.  Side by side (wide) or one above the other
    (narrow)."""
    from derivations.model import Layer

    p, size, k = 2, 4, 3
    total = Layer(1, 1, size, size, k, k, p_h=p, p_w=p, padding_convention="total")
    per_side = Layer(1, 1, size, size, k, k, p_h=p, p_w=p, padding_convention="per-side")
    cols = [layer.w + sum(layer.padding_split("w")) for layer in (total, per_side)]
    if layout == "wide":
        width = 6.4
        figure, axes = new_figure(width, 4.0, ncols=2, width_ratios=cols)
    else:
        width = NARROW_WIDTH
        figure, axes = new_figure(width, 7.4, nrows=2, height_ratios=cols)
    _padded(axes[0], total, words("readings_total"), words)
    _padded(axes[1], per_side, words("readings_per_side"), words)
    title = words("readings_title", h=size, w=size, k=k, s=1, p=p)
    figure.suptitle(wrap(title, width - 0.2, 10))
    # the taller panel's title sat right under the figure's title: a little more room
    figure.get_layout_engine().set(h_pad=0.1)
    return figure
