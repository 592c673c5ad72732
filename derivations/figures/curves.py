"""Figures of quantities against a parameter: the padding-doubling ratio against input
size, loads per output against the strip width, per-layer costs of a network.  Curves
are the closed forms; markers are counts the package executed (checked against the
closed form before they are drawn)."""

from __future__ import annotations

import numpy as np

from derivations.figures.style import PALETTE, new_figure

__all__ = ["padding_doubling_ratio", "strip_loads", "network_costs"]

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


def padding_doubling_ratio():
    """The increase ``100 (M'/M - 1)`` % of the forward multiplications when the padding
    doubles, for a 3x3 kernel on an ``h x h`` input, ``h`` = 4..256, in both readings of
    padding; the markers are executed counts.  One channel: channels cancel in the ratio."""
    figure, ax = new_figure(6.4, 3.4)
    colours = (PALETTE["blue"], PALETTE["orange"])
    for (before, after, padding_convention), colour in zip(DOUBLINGS, colours):
        curve = [_increase(h, before, after, padding_convention, _forward_mults) for h in SIZES]
        twice = "" if padding_convention == "total" else "2"
        ax.plot(
            SIZES,
            curve,
            color=colour,
            linewidth=1.8,
            label=f"$h + {twice}p_h$:  $p_h = {before} \\to {after}$",
        )
        ax.scatter(
            EXECUTED_SIZES,
            [
                _increase(h, before, after, padding_convention, _executed_mults)
                for h in EXECUTED_SIZES
            ],
            color=colour,
            s=28,
            zorder=3,
            edgecolors=PALETTE["ink"],
            linewidths=0.6,
        )
    ax.axhline(0.0, color=PALETTE["grey"], linestyle="--", linewidth=1)
    ax.set_xscale("log", base=2)
    ax.set_xticks([4, 8, 16, 32, 64, 128, 256], labels=["4", "8", "16", "32", "64", "128", "256"])
    ax.set_xlabel("$h = w$")
    ax.set_ylabel("$100\\,(M' / M - 1)$  %")
    ax.set_title(f"${KERNEL}\\times {KERNEL}$, $s = 1$", fontsize=10)
    ax.grid(True, color=PALETTE["light"], linewidth=0.8)
    ax.legend(frameon=False)
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


def strip_loads():
    """Loads per output ``k(Delta + k - 1)/Delta`` of a 3x3 kernel against the strip
    width Delta (the curve tends to ``k``), executed counts as markers, and the largest
    Delta each register file holds (:func:`register_limit`) as vertical lines."""
    import sympy as sp

    from derivations.exercises.maths.strips import REGISTER_FILES, loads_per_output, register_limit

    per = loads_per_output()
    names = {s.name: s for s in per.free_symbols}
    k, delta = names["k"], names["Delta"]
    limits = [
        (name, register_limit(registers, lanes, KERNEL))  # whole registers
        for name, registers, lanes in REGISTER_FILES
    ]
    top = 2 ** int(np.ceil(np.log2(max(limit for _, limit in limits) * 1.2)))
    deltas = np.arange(1, top + 1)
    curve = [float(per.subs({k: KERNEL, delta: int(d)})) for d in deltas]
    executed = (1, 2, 4, 8, 16, 32, 64)
    figure, ax = new_figure(6.4, 3.4)
    ax.plot(
        deltas,
        curve,
        color=PALETTE["blue"],
        linewidth=1.8,
        label=f"$L(\\Delta) = {sp.latex(per.subs(k, KERNEL)).replace('frac', 'dfrac')}$",
    )
    ax.scatter(
        executed,
        [_strip_loads(d) for d in executed],
        color=PALETTE["blue"],
        s=28,
        zorder=3,
        edgecolors=PALETTE["ink"],
        linewidths=0.6,
    )
    ax.axhline(KERNEL, color=PALETTE["grey"], linestyle="--", linewidth=1)
    ax.text(deltas[-1], KERNEL, f"$k = {KERNEL}$", ha="right", va="bottom")
    colours = (PALETTE["orange"], PALETTE["green"], PALETTE["red"])
    for (name, limit), colour in zip(limits, colours):
        ax.axvline(
            limit,
            color=colour,
            linewidth=1.4,
            linestyle=":",
            label=f"{name}: $\\Delta \\leq {limit}$",
        )
    ax.set_xscale("log", base=2)
    ticks = [2**i for i in range(int(np.log2(top)) + 1)]
    ax.set_xticks(ticks, labels=[str(t) for t in ticks])
    ax.set_ylim(0, KERNEL * KERNEL + 0.5)
    ax.set_xlabel("$\\Delta$")
    ax.set_ylabel("$L(\\Delta)$")
    ax.set_title(f"${KERNEL}\\times {KERNEL}$, $s = 1$", fontsize=10)
    ax.grid(True, color=PALETTE["light"], linewidth=0.8)
    ax.legend(frameon=False, fontsize=8, loc="upper right")
    return figure


NETWORKS = ("lenet", "alexnet", "vgg11", "vgg16")  # the book's networks with dense heads
COLUMNS = (("params", "params"), ("macs", "MACs"), ("activations", "activations"))


def _network_panel(ax, name: str, colours) -> None:
    from derivations.networks import get_model, model_network, tabulate

    table = tabulate(model_network(name))
    rows = [row for row in table.rows if row.params or row.macs]
    x = np.arange(len(rows))
    width = 0.27
    for offset, ((key, label), colour) in enumerate(zip(COLUMNS, colours)):
        shares = [100 * table.share(row, key) for row in rows]
        ax.bar(x + (offset - 1) * width, shares, width, color=colour, label=label)
    ax.set_xticks(x, labels=[str(i + 1) for i in x], fontsize=7)
    shape = r"\times".join(str(v) for v in table.input_shape[1:])
    ax.set_title(f"{get_model(name).title.split(' (')[0]}, ${shape}$", fontsize=9)
    ax.set_ylim(0, 100)
    ax.grid(True, axis="y", color=PALETTE["light"], linewidth=0.8)
    ax.set_axisbelow(True)


def network_costs():
    """For each of the book's networks with a dense head (LeNet, AlexNet, VGG-11,
    VGG-16), every convolution and linear layer in network order (numbered): its share of
    the network's parameters, MACs and activations (elements of its output), from
    :func:`derivations.networks.tabulate`."""
    figure, axes = new_figure(7.2, 5.0, nrows=2, ncols=2)
    colours = (PALETTE["orange"], PALETTE["blue"], PALETTE["green"])
    for ax, name in zip(axes.flat, NETWORKS):
        _network_panel(ax, name, colours)
    for ax in axes[:, 0]:
        ax.set_ylabel("%")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncols=3, frameon=False)
    return figure
