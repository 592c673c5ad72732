"""Figures of quantities against a parameter: the padding-doubling ratio against input
size, loads per output against the strip width, per-layer costs of a network.  Curves
are the closed forms; markers are counts the package executed (checked against the
closed form before they are drawn)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import numpy as np

from derivations.figures.style import NARROW_WIDTH, PALETTE, WIDE_MAX, new_figure, wrap

__all__ = ["Panel", "network_costs", "padding_doubling_ratio", "panels", "strip_loads"]

from derivations.exercises.maths.doubling import FIGURE_KERNEL as KERNEL
from derivations.exercises.maths.doubling import FIGURE_PADDING as PADDING
from derivations.exercises.maths.doubling import FIGURE_SIZES as SIZES

# (padding before, after doubling, convention): the same number doubled, in each
# reading of padding (the two readings of the padding-readings figure)
DOUBLINGS = ((PADDING, 2 * PADDING, "total"), (PADDING, 2 * PADDING, "per-side"))
EXECUTED_SIZES = (4, 8, 16, 32, 56, 112)


def _forward_mults(layer) -> int:
    from derivations.closed_forms import forms_for
    from derivations.registry.forms import Form

    return forms_for(layer)[Form.FORWARD_MULTS].evaluate(layer)


def _executed_mults(layer) -> int:
    from derivations.execute import run_layer
    from derivations.exercises.document import checked
    from derivations.registry.forms import Form

    return checked(
        f"forward mults, h={layer.h}",
        _forward_mults(layer),
        run_layer(layer).counts[Form.FORWARD_MULTS],
    )


def _ratio(size: int, before: int, after: int, padding_convention: str, count) -> float:
    from derivations.model import Layer

    small = Layer(
        1,
        1,
        size,
        size,
        KERNEL,
        KERNEL,
        p_h=before,
        p_w=before,
        padding_convention=padding_convention,
    )
    return count(small.replace(p_h=after, p_w=after)) / count(small)


def _increase(size: int, before: int, after: int, padding_convention: str, count) -> float:
    return 100 * (_ratio(size, before, after, padding_convention, count) - 1)


@cache
def _doubling_data() -> tuple:
    """Per reading: (curve over SIZES, executed increases at EXECUTED_SIZES)."""
    return tuple(
        (
            [_increase(h, before, after, convention, _forward_mults) for h in SIZES],
            [_increase(h, before, after, convention, _executed_mults) for h in EXECUTED_SIZES],
        )
        for before, after, convention in DOUBLINGS
    )


def padding_doubling_ratio(words, layout: str):
    """The increase ``100 (M'/M - 1)`` % of the forward multiplications when the padding
    doubles, for a 3x3 kernel, stride 1, on an ``h x h`` input, ``h`` = 4..256, in both
    readings of padding; the markers are executed counts.  One channel: channels cancel
    in the ratio."""
    from matplotlib.legend_handler import HandlerTuple

    width = 6.4 if layout == "wide" else NARROW_WIDTH
    figure, ax = new_figure(width, 3.6 if layout == "wide" else 4.2)
    colours = (PALETTE["blue"], PALETTE["orange"])
    names = (words("doubling_total"), words("doubling_per_side"))
    lines, markers = [], []
    for (curve, executed), colour in zip(_doubling_data(), colours):
        lines += ax.plot(SIZES, curve, color=colour, linewidth=1.8)
        markers.append(
            ax.scatter(
                EXECUTED_SIZES,
                executed,
                color=colour,
                s=28,
                zorder=3,
                edgecolors=PALETTE["ink"],
                linewidths=0.6,
            )
        )
    ax.axhline(0.0, color=PALETTE["grey"], linestyle="--", linewidth=1)
    ax.set_xscale("log", base=2)
    ax.set_xticks([4, 8, 16, 32, 64, 128, 256], labels=["4", "8", "16", "32", "64", "128", "256"])
    ax.set_xlabel(words("doubling_x"))
    ax.set_ylabel(wrap(words("doubling_y"), 2.8, 10))
    before, after, _ = DOUBLINGS[0]
    title = words("doubling_title", k=KERNEL, s=1, before=before, after=after)
    ax.set_title(wrap(title, width - 0.3, 10))
    ax.grid(True, color=PALETTE["light"], linewidth=0.8)
    # the executed counts' entry shows both readings' markers as plotted (filled)
    ax.legend(
        [*lines, tuple(markers)],
        [*names, words("doubling_executed")],
        handler_map={tuple: HandlerTuple(ndivide=None)},
        frameon=False,
    )
    return figure


def _strip_loads(delta: int, strips: int = 4) -> float:
    """Loads per output of one row of ``strips * delta`` outputs, executed by the
    exercise's load-counting strip correlation and checked against its closed form."""
    from derivations.exercises.document import checked
    from derivations.exercises.maths.strips import LoadCounter, tiled_correlate, total_loads

    width = strips * delta
    rng = np.random.default_rng(0)
    image = LoadCounter(rng.standard_normal((KERNEL, width + KERNEL - 1)))
    tiled_correlate(image, rng.standard_normal((KERNEL, KERNEL)), delta)
    names = {s.name: s for s in total_loads().free_symbols}
    closed = int(
        total_loads().subs(
            {names["k"]: KERNEL, names["M"]: 1, names["m"]: width, names["Delta"]: delta}
        )
    )
    return checked(f"loads, Delta={delta}", closed, image.loads) / width


@cache
def _strips_data() -> tuple:
    """(executed Deltas, their executed loads per output)."""
    executed = (1, 2, 4, 8, 16, 32, 64)
    return executed, [_strip_loads(d) for d in executed]


@cache
def _strips_curve() -> tuple:
    """(each register file's name and limit, the Deltas drawn, the closed form's loads
    per output at each, the curve's label): the same for every language and layout, so
    computed once."""
    import math

    import sympy as sp

    from derivations.exercises.maths.strips import REGISTER_FILES, loads_per_output, register_limit
    from derivations.expr.bridge import from_sympy
    from derivations.expr.evaluate import compile_node

    per = loads_per_output()
    names = {s.name: s for s in per.free_symbols}
    k, delta = names["k"], names["Delta"]
    limits = [
        (name, register_limit(registers, lanes, KERNEL))  # whole registers
        for name, registers, lanes in REGISTER_FILES
    ]
    top = 2 ** int(np.ceil(np.log2(max(limit for _, limit in limits) * 1.2)))
    deltas = np.arange(1, top + 1)
    # exactly (Fractions), by the package's evaluator: the floats SymPy's subs gave, without
    # a SymPy substitution per point (256 of them: about 0.1 s)
    exact = compile_node(from_sympy(per), math.inf)
    curve = [float(exact({k.name: KERNEL, delta.name: int(d)})) for d in deltas]
    label = f"$L(\\Delta) = {sp.latex(per.subs(k, KERNEL)).replace('frac', 'dfrac')}$"
    return limits, deltas, curve, label


def strip_loads(words, layout: str):
    """Loads per output ``k(Delta + k - 1)/Delta`` of a 3x3 kernel (stride 1, no padding)
    at each whole strip width Delta (a dot per Delta, no line between: Delta counts
    outputs; the dots tend to ``k``), executed counts as larger markers, and the largest
    Delta each register file holds (:func:`register_limit`) as vertical lines."""
    limits, deltas, curve, label = _strips_curve()
    executed, loads = _strips_data()
    width = 6.4 if layout == "wide" else NARROW_WIDTH
    figure, ax = new_figure(width, 3.8 if layout == "wide" else 5.4)
    # L is defined at whole strip widths only: a dot at each, no line between them
    ax.plot(
        deltas,
        curve,
        color=PALETTE["blue"],
        linestyle="none",
        marker="o",
        markersize=2.6,
        markeredgewidth=0,
        label=label,
    )
    ax.scatter(
        executed,
        loads,
        color=PALETTE["blue"],
        s=28,
        zorder=3,
        edgecolors=PALETTE["ink"],
        linewidths=0.6,
        label=words("strips_executed"),
    )
    ax.axhline(KERNEL, color=PALETTE["grey"], linestyle="--", linewidth=1)
    # at the left end, where the curve is far above it (at the right the register
    # lines cross the asymptote)
    ax.text(deltas[0], KERNEL, f" $k = {KERNEL}$", ha="left", va="bottom")
    colours = (PALETTE["orange"], PALETTE["green"], PALETTE["red"])
    for (name, limit), colour in zip(limits, colours):
        ax.axvline(
            limit,
            color=colour,
            linewidth=1.4,
            linestyle=":",
            label=words("strips_registers", name=name, limit=limit),
        )
    ax.set_xscale("log", base=2)
    ticks = [2**i for i in range(int(np.log2(deltas[-1])) + 1)]
    ax.set_xticks(ticks, labels=[str(t) for t in ticks])
    ax.set_ylim(0, KERNEL * KERNEL + 0.5)
    ax.set_xlabel(words("strips_x"))
    ax.set_ylabel(words("strips_y"))
    ax.set_title(wrap(words("strips_title", k=KERNEL), width - 0.3, 10))
    ax.grid(True, color=PALETTE["light"], linewidth=0.8)
    if layout == "wide":
        # an opaque box: the register lines run through the legend's corner and
        # crossed its text when it had none
        ax.legend(
            loc="upper right",
            frameon=True,
            framealpha=1,
            facecolor=PALETTE["paper"],
            edgecolor=PALETTE["grey"],
        ).set_zorder(4)
    else:  # below the axes: inside, it would cover the curve
        figure.legend(frameon=False, loc="outside lower center", ncols=1)
    return figure


# every network of the sheet's tables, in their order
from derivations.exercises.maths.networks import SHOWN as NETWORKS  # noqa: E402

COLUMNS = ("params", "macs", "activations")
DRAWN_KINDS = ("conv", "linear")  # the layers the figure draws, one bar group each
MOST_BARS = 16  # a network with more drawn layers is drawn per block (its table's subtotals)


@dataclass(frozen=True)
class Panel:
    """One network's bars: its title's parts, the bar names (a layer's name as its
    table prints it, or a block of them) and each column's exact shares, and the sum
    of each column's shares over the bars (under 1 where other layers hold the rest);
    ``book``: the book's version of a network (the tables' "(book)")."""

    name: str
    book: bool
    shape: str
    labels: tuple
    blocks: tuple
    shares: dict
    sums: dict


def _groups(table) -> list[tuple[str, bool, list]]:
    """``(label, is a block, rows)`` per bar group: each convolution and linear row;
    with more than :data:`MOST_BARS` of them, the convolution and linear rows of each
    block of the table (its rows' first path component, as its subtotals) together,
    and each top-level one alone."""
    from derivations.networks.report import blocks

    drawn = [row for row in table.rows if row.kind in DRAWN_KINDS]
    if len(drawn) <= MOST_BARS:
        return [(row.name, False, [row]) for row in drawn]
    groups: list[tuple[str, bool, list]] = []
    for block, rows in blocks(table):
        rows = [row for row in rows if row.kind in DRAWN_KINDS]
        if block is not None and len(rows) > 1:
            groups.append((block, True, rows))
        else:
            groups += [(row.name, False, [row]) for row in rows]
    return groups


def _panel(name: str) -> Panel:
    from derivations.networks import get_model, model_network, tabulate

    table = tabulate(model_network(name))
    groups = _groups(table)
    shares = {
        key: tuple(
            sum((table.share(row, key) for row in rows), Fraction(0)) for _, _, rows in groups
        )
        for key in COLUMNS
    }
    return Panel(
        name=get_model(name).title.removesuffix(" (book)"),
        book=get_model(name).title.endswith(" (book)"),
        shape="×".join(str(v) for v in table.input_shape[1:]),
        labels=tuple(label for label, _, _ in groups),
        blocks=tuple(block for _, block, _ in groups),
        shares=shares,
        sums={key: sum(values, Fraction(0)) for key, values in shares.items()},
    )


@cache
def panels() -> tuple:
    """The :class:`Panel` of every network of :data:`NETWORKS`, in order."""
    return tuple(_panel(name) for name in NETWORKS)


def _percent(share) -> str:
    from derivations.networks.report import percent

    return f"{percent(share)}%"  # one decimal, 100.0% too: one precision in a panel


def _bars(ax, centres, values, height: float, colour: str) -> None:
    """Horizontal bars from 0 to each of ``values``, ``height`` tall, centred on
    ``centres``: what ``ax.barh`` drew (the same pixels, compared rasterised in both
    files), as one polygon collection instead of a patch per bar (a patch is added,
    bounded and drawn alone: about 5% of the network figure's CPU)."""
    from matplotlib.collections import PolyCollection

    shapes = [
        [(0.0, c - height / 2), (v, c - height / 2), (v, c + height / 2), (0.0, c + height / 2)]
        for c, v in zip(centres, values)
    ]
    ax.add_collection(
        PolyCollection(shapes, facecolors=colour, edgecolors="none", linewidths=0), autolim=False
    )


def _draw_panel(ax, panel: Panel, words, colours, room: float) -> None:
    """Horizontal bars, one group per layer (or block), top to bottom in network order."""
    y = np.arange(len(panel.labels))
    height = 0.27
    for offset, (key, colour) in enumerate(zip(COLUMNS, colours)):
        values = [100 * float(share) for share in panel.shares[key]]
        _bars(ax, y + (offset - 1) * height, values, height, colour)
    names = [
        words("networks_block", name=label) if block else label
        for label, block in zip(panel.labels, panel.blocks)
    ]
    ax.set_yticks(y, labels=names)
    ax.set_ylim(len(y) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", length=0)
    name = words("networks_book", name=panel.name) if panel.book else panel.name
    said = words("networks_input", shape=panel.shape)
    title = words("networks_panel", name=name, input=said)
    if "\n" in wrap(title, room, 9):  # too long: the input and its size on a line of their own
        title = words("networks_panel", name=name, input="\n" + said)
    title = (
        wrap(title, room, 9)
        + "\n"
        + words("networks_sums", **{key: _percent(value) for key, value in panel.sums.items()})
    )
    ax.set_title(title, loc="right", fontsize=9)
    ax.grid(True, axis="x", color=PALETTE["light"], linewidth=0.8)
    ax.set_axisbelow(True)


def network_costs(words, layout: str):
    """For each network of the sheet (:data:`NETWORKS`: LeNet, AlexNet, VGG-11, VGG-16,
    NiN, GoogLeNet, ResNet-18, ResNet-50), every convolution and linear layer in
    network order, named as its table names it (a network of more than
    :data:`MOST_BARS` such layers per block: the table's subtotals), with its share of
    the network's parameters, MACs and activations (elements of its output), from
    :func:`derivations.networks.tabulate`; each panel says what its bars sum to (other
    layers hold the rest)."""
    drawn = panels()
    colours = (PALETTE["orange"], PALETTE["blue"], PALETTE["green"])
    columns = ((0, 1, 2), (3, 4), (5, 6, 7)) if layout == "wide" else (tuple(range(len(drawn))),)
    width = WIDE_MAX if layout == "wide" else NARROW_WIDTH
    rows_in = [sum(len(drawn[i].labels) + 4 for i in column) for column in columns]
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    figure = Figure(figsize=(width, 1.4 + 0.19 * max(rows_in)), layout="constrained")
    parts: Any = figure.subfigures(1, len(columns)) if len(columns) > 1 else [figure]
    for part, column in zip(parts, columns):
        axes = part.subplots(
            len(column), 1, height_ratios=[len(drawn[i].labels) + 4 for i in column]
        )
        for ax, i in zip(axes, column):
            _draw_panel(ax, drawn[i], words, colours, width / len(columns) - 0.3)
        axes[-1].set_xlabel(wrap(words("networks_x"), min(width / len(columns) - 0.4, 3.2), 10))
    title = words("networks_title") + "\n" + words("networks_rest")
    figure.suptitle(wrap(title, width - 0.2, 10), fontsize=10)
    labels = [words(f"networks_{key}") for key in COLUMNS]
    handles = [Patch(color=colour) for colour in colours]
    figure.legend(handles, labels, loc="outside lower center", ncols=3, frameon=False)
    return figure
