"""The maths of the networks appendix: which layers dominate memory, which computation,
in the book's CNNs and torchvision's, read off the network tables
(:mod:`derivations.networks`).

The networks are far too big to run through the instrumented convolution, so their
convolution figures are the closed forms; a scaled-down copy of each convolution shape
the networks use is executed and checked (:func:`small_layers`), to tie the network rows
to executed counts; the totals are checked against torchvision's published figures
(:func:`published`).  Shares are exact fractions.  No prose: the sheet is
:mod:`derivations.exercises.networks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import cast

from derivations.exercises.checks import checked, require
from derivations.exercises.instances import executed
from derivations.model import output_size
from derivations.networks import model_network, parse_network, tabulate
from derivations.networks.kinds import Conv
from derivations.registry.forms import Form

__all__ = [
    "ADAM_COPIES",
    "PUBLISHED",
    "SHOWN",
    "SMALL",
    "TORCHVISION_ROOTS",
    "Answer",
    "Published",
    "SmallLayer",
    "SmallLayers",
    "answer",
    "break_even",
    "by_kind",
    "concatenations",
    "highest_resolution",
    "middle_outweighs_top",
    "naming",
    "published",
    "share_at",
    "shares_by_size",
    "small_layers",
    "tables",
    "three_by_three",
    "ties",
]

SHOWN = (
    "lenet",
    "alexnet",
    "vgg11",
    "vgg16",
    "nin",
    "googlenet",
    "resnet18",
    "resnet50",
)
# torchvision's published figures: parameters, G multiply-adds to the digits of its weights' meta["_ops"]
PUBLISHED = {
    "alexnet": (61_100_840, "0.714"),
    "vgg16": (138_357_544, "15.47"),
    "resnet18": (11_689_512, "1.814"),
    "resnet50": (25_557_032, "4.089"),
}

# Scaled-down copies of the convolution shapes the networks use: (row, input)
SMALL = (
    ({"kind": "conv", "out": 8, "kernel": 3, "padding": 1}, (4, 12, 12)),
    (
        {
            "kind": "conv",
            "out": 8,
            "kernel": 7,
            "stride": 2,
            "padding": 3,
            "bias": False,
        },
        (3, 16, 16),
    ),
    ({"kind": "conv", "out": 6, "kernel": 11, "stride": 4, "padding": 2}, (3, 23, 23)),
    ({"kind": "conv", "out": 16, "kernel": 1, "bias": False}, (8, 7, 7)),
)
TORCHVISION_ROOTS = (
    "features",
    "classifier",
    "conv1",
    "layer1",
)  # torchvision's module names
# parameters, their gradients and Adam's two moment estimates: four copies in training
ADAM_COPIES = 4


def tables() -> dict:
    """The table of each network of :data:`SHOWN`."""
    return {name: tabulate(model_network(name)) for name in SHOWN}


def by_kind(table_, kinds) -> dict[str, int]:
    """Parameters, MACs and activations of the rows of ``kinds``."""
    return {
        key: sum(getattr(r, key) for r in table_.rows if r.kind in kinds)
        for key in ("params", "macs", "activations")
    }


def concatenations(table_) -> dict[str, int]:
    """The network's activations with and without its concatenations' outputs
    (``with``, ``without``); CheckFailed when it has none."""
    total = table_.totals["activations"]
    copies = by_kind(table_, ("concat",))["activations"]
    require(copies > 0, "the network has no concatenation to count")
    return {"with": total, "without": total - copies}


def highest_resolution(t):
    """The largest output height x width in the network, and the layers at it."""
    images = [r for r in t.rows if len(r.output_shape) == 4]
    size = max(r.output_shape[2:] for r in images)
    return size, [r for r in images if r.output_shape[2:] == size]


def ties(rows, key) -> tuple:
    """The first layer with the largest ``key`` and the others that equal it."""
    best = max(getattr(r, key) for r in rows)
    tied = [r for r in rows if getattr(r, key) == best]
    return tied[0], [r.name for r in tied[1:]]


def naming(tables_) -> dict[str, list[str]]:
    """How each model's layers are named: bare nn.Sequential indices (``indexed``),
    torchvision's module paths, or the names of d2l's blocks (``blocks``) -- read off the
    tables' first layer names."""
    groups: dict[str, list[str]] = {"indexed": [], "torchvision": [], "blocks": []}
    for name, t in tables_.items():
        root = t.rows[0].name.split(".")[0]
        group = (
            "indexed"
            if root.isdigit()
            else "torchvision"
            if root in TORCHVISION_ROOTS
            else "blocks"
        )
        groups[group].append(name)
    return groups


def block_shares(t) -> dict[str, Fraction]:
    """Each top-level block's share of the network's parameters (the part of a layer's
    name before its first dot), in network order."""
    blocks: dict[str, int] = {}
    for r in t.rows:
        top = r.name.split(".")[0]
        blocks[top] = blocks.get(top, 0) + r.params
    return {top: Fraction(n, t.totals["params"]) for top, n in blocks.items()}


def last_conv_block(t) -> tuple[str, Fraction]:
    """The top-level block of the network's last convolution and its share of the
    parameters."""
    last = [r for r in t.rows if r.kind == "conv"][-1].name.split(".")[0]
    return last, block_shares(t)[last]


def break_even(t, copies: int = 1) -> int:
    """Smallest batch at which the activations reach ``copies`` times the parameters."""
    total = t.totals
    return -(-(copies * total["params"]) // total["activations"])


def three_by_three(name: str) -> dict:
    """The MACs of a ResNet's 3x3 convolutions by stride: ``{stride: {macs: [stages]}}``,
    the stage read off the module path (``layer2.0.conv1`` is in stage 2)."""
    network, table_ = model_network(name), tabulate(model_network(name))
    macs = {r.name: r.macs for r in table_.rows}
    found: dict = {}
    for node in network.nodes:
        kind = node.kind
        # Conv is the only kind named "conv" and has no subclasses: the same test as by name
        if isinstance(kind, Conv) and kind.kernel == (3, 3):
            stage = int(node.name.split(".")[0].removeprefix("layer"))
            found.setdefault(kind.stride[0], {}).setdefault(macs[node.name], []).append(stage)
    return found


def share_at(t, size) -> Fraction:
    """The share of the activations at output size ``size``."""
    rows = [r for r in t.rows if len(r.output_shape) == 4 and r.output_shape[2:] == size]
    return Fraction(sum(r.activations for r in rows), t.totals["activations"])


def shares_by_size(t) -> dict[tuple[int, ...], Fraction]:
    """The share of the activations at each output size (height x width) of ``t``."""
    sizes = {r.output_shape[2:] for r in t.rows if len(r.output_shape) == 4}
    return {size: share_at(t, size) for size in sizes}


def middle_outweighs_top(t) -> tuple[tuple[int, ...], Fraction, tuple]:
    """The highest resolution of ``t`` and its share of the activations, and the two
    other sizes with the largest shares (larger size first), each with its share;
    CheckFailed unless both of those write more than the highest resolution does."""
    top, _ = highest_resolution(t)
    shares = shares_by_size(t)
    middle = sorted((s for s in shares if s != top), key=lambda s: shares[s])[-2:]
    require(
        all(shares[s] > shares[top] for s in middle),
        f"the activations at {top} are not outweighed by {middle}",
    )
    return top, shares[top], tuple((s, shares[s]) for s in sorted(middle, reverse=True))


@dataclass(frozen=True)
class Published:
    """A network's tabulated totals as torchvision prints them: ``params`` and the G
    MACs to the digits published (``gmacs``), once equal to the published figures."""

    name: str
    params: int
    gmacs: str


def published(tables_) -> dict[str, Published]:
    """Our totals, as the published figures print them, once they agree."""
    shown = {}
    for name, (params, gmacs) in PUBLISHED.items():
        totals = tables_[name].totals
        ours = f"{totals['macs'] / 1e9:.{len(gmacs.split('.')[1])}f}"
        require(
            totals["params"] == params and ours == gmacs,
            f"{name}: tabulated {totals['params']} parameters and {ours} G "
            f"MACs, torchvision publishes {params} and {gmacs} G",
        )
        shown[name] = Published(name, totals["params"], ours)
    return shown


@dataclass(frozen=True)
class Answer:
    """The figures of the answer: VGG-16's fully connected share of the parameters and
    convolution share of the MACs, AlexNet's fully connected share of the MACs,
    ResNet-50's fully connected share of the parameters; ResNet-18's 3x3 convolutions
    (one cost at stride 1 in ``stride1_stages``, one at stride 2 in stages ``first`` to
    ``last``); the lowest and highest share of the activations at the highest
    resolution (LeNet, AlexNet, VGG-16, NiN); ResNet-50's shares at 112 and 56 pixels;
    the break-even batches of VGG-16 and ResNet-50, plain and with Adam; the share of the
    parameters in the block of the last convolution of NiN, GoogLeNet and the ResNets
    (``last_blocks``) and NiN's heaviest block (``nin_top``, its name and share);
    GoogLeNet's highest resolution and its share of the activations (``goog_top``) and
    the two sizes that write more (``goog_middle``: size and share each)."""

    vgg_fc: Fraction | None
    vgg_conv: Fraction | None
    alex_fc_macs: Fraction | None
    res_fc: Fraction | None
    stride1: int
    stride1_stages: tuple[int, ...]
    stride2: int
    stride2_stages: tuple[int, ...]
    first: int
    last: int
    low: Fraction
    high: Fraction
    res_112: Fraction
    res_56: Fraction
    vgg_batch: int
    res_batch: int
    vgg_adam: int
    res_adam: int
    last_blocks: dict[str, Fraction]
    nin_top: tuple[str, Fraction]
    goog_top: tuple[tuple[int, ...], Fraction]
    goog_middle: tuple[tuple[tuple[int, ...], Fraction], ...]


def _share(part: int, whole: int) -> Fraction | None:
    """``part / whole``; None when there is no whole (a network without that figure)."""
    return Fraction(part, whole) if whole else None


def answer(tables_) -> Answer:
    vgg, resnet, alex = tables_["vgg16"], tables_["resnet50"], tables_["alexnet"]
    convs = three_by_three("resnet18")
    require(
        set(convs) == {1, 2} and len(convs[1]) == 1 and len(convs[2]) == 1,
        f"ResNet-18's 3x3 convolutions are not one cost per stride: {convs}",
    )
    ((stride1, stride1_stages),), ((stride2, stride2_stages),) = (
        convs[1].items(),
        convs[2].items(),
    )
    require(
        sorted(set(stride1_stages)) == [1, 2, 3, 4],
        f"ResNet-18's stride-1 3x3 convolutions miss a stage: {stride1_stages}",
    )
    first, last = min(stride2_stages), max(stride2_stages)
    require(
        sorted(stride2_stages) == list(range(first, last + 1)),
        f"ResNet-18's stride-2 3x3 convolutions: stages {stride2_stages}",
    )
    goog = middle_outweighs_top(tables_["googlenet"])
    names = ("lenet", "alexnet", "vgg16", "nin")
    chains = [highest_resolution(tables_[name]) for name in names]
    shares = sorted(
        Fraction(sum(r.activations for r in rows), tables_[name].totals["activations"])
        for name, (_, rows) in zip(names, chains)
    )
    return Answer(
        vgg_fc=_share(by_kind(vgg, ("linear",))["params"], vgg.totals["params"]),
        vgg_conv=_share(by_kind(vgg, ("conv",))["macs"], vgg.totals["macs"]),
        alex_fc_macs=_share(by_kind(alex, ("linear",))["macs"], alex.totals["macs"]),
        res_fc=_share(by_kind(resnet, ("linear",))["params"], resnet.totals["params"]),
        stride1=stride1,
        stride1_stages=tuple(stride1_stages),
        stride2=stride2,
        stride2_stages=tuple(stride2_stages),
        first=first,
        last=last,
        low=shares[0],
        high=shares[-1],
        res_112=share_at(resnet, (112, 112)),
        res_56=share_at(resnet, (56, 56)),
        vgg_batch=break_even(vgg),
        res_batch=break_even(resnet),
        vgg_adam=break_even(vgg, ADAM_COPIES),
        res_adam=break_even(resnet, ADAM_COPIES),
        last_blocks={
            name: last_conv_block(tables_[name])[1]
            for name in ("nin", "googlenet", "resnet18", "resnet50")
        },
        nin_top=max(block_shares(tables_["nin"]).items(), key=lambda item: item[1]),
        goog_top=goog[:2],
        goog_middle=goog[2],
    )


@dataclass(frozen=True)
class SmallLayer:
    """One scaled-down shape: its network row, input, tabulated output shape, and its
    parameters and MACs (tabulated, equal to the executed ones)."""

    row: dict
    shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int
    macs: int


@dataclass(frozen=True)
class SmallLayers:
    """The shapes of :data:`SMALL`, checked, and the AlexNet row's padding and its output
    size without it."""

    layers: tuple[SmallLayer, ...]
    alexnet_padding: int
    alexnet_unpadded: int


def small_layers() -> SmallLayers:
    """Each convolution shape run through the network table and through the instrumented
    convolution; the table's MACs and parameters must equal the executed ones."""
    alexnet, alex_shape = next((row, shape) for row, shape in SMALL if row["kernel"] == 11)
    alex_unpadded = output_size(alex_shape[1], alexnet["kernel"], 0, alexnet["stride"])
    layers = []
    for row, shape in SMALL:
        network = parse_network([row], shape)
        table_row = tabulate(network).rows[0]
        # every SMALL row is {"kind": "conv", ...}, so its one node is a Conv
        layer = cast(Conv, network.nodes[0].kind).layer(shape, 1)
        counts = executed(layer)
        macs = checked(f"network MACs of {row}", table_row.macs, counts[Form.FORWARD_MACS])
        params = checked(
            f"network parameters of {row}", table_row.params, counts[Form.MEMORY_PARAMS]
        )
        layers.append(SmallLayer(row, shape, tuple(table_row.output_shape), params, macs))
    return SmallLayers(tuple(layers), cast(int, alexnet["padding"]), alex_unpadded)
