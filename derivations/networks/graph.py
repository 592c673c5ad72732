"""A network as a plain layer list, and its per-layer cost table.

A layer list is a sequence of rows (mappings).  Each row has a ``kind`` (see
:mod:`.kinds`), an optional unique ``name`` and an optional ``from``: the name (or list of
names) of the rows whose outputs it takes; ``input`` is the network's input.  Without
``from`` a row takes the previous row's output, so a plain chain needs no names, and
residual and Inception branches need only ``from``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from fractions import Fraction

from derivations.errors import DerivationError
from derivations.networks.kinds import Backward, Gradient, Kind, kind_of
from derivations.networks.rows import Row, clipped, shown
from derivations.networks.schema import check_rows

__all__ = [
    "INPUT",
    "MAX_LAYERS",
    "Network",
    "NetworkTable",
    "Node",
    "TableRow",
    "parse_network",
    "tabulate",
    "totals_of",
]

INPUT = "input"
MAX_LAYERS = 10_000  # the largest built-in network has a few hundred rows
COLUMNS = ("params", "macs", "flops", "mults", "adds", "other", "ops", "activations", "saved")


@dataclass(frozen=True)
class Node:
    name: str
    kind: Kind
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    name: str
    input: tuple[int, int, int]  # per sample: channels, height, width
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class TableRow:
    """One layer's counts (see :mod:`.kinds` for each column's convention); for an
    unsupported layer (``counted`` false) every count is 0 and means *unknown*."""

    name: str
    kind: str
    output_shape: tuple  # batch first
    params: int
    macs: int
    flops: int
    mults: int
    adds: int
    other: int
    activations: int
    saved: int
    backward: Backward | None
    counted: bool = True

    @property
    def ops(self) -> int:
        """Every forward operation: multiplications + additions + other."""
        return self.mults + self.adds + self.other

    @classmethod
    def of(
        cls, name: str, kind: str, output_shape: tuple, params: int, cost, counted: bool = True
    ) -> TableRow:
        """The row of a layer whose counts are ``cost`` (a :class:`.kinds.Cost`); ``counted``
        false marks it unknown whatever the cost says."""
        return cls(
            name,
            kind,
            output_shape,
            params,
            cost.macs,
            cost.flops,
            cost.mults,
            cost.adds,
            cost.other,
            cost.activations,
            cost.saved,
            cost.backward,
            counted and cost.counted,
        )


@dataclass(frozen=True, repr=False)
class NetworkTable:
    """A network's rows and their totals, computed once (:func:`tabulate`): shares are
    exact fractions of them.  Displayed compactly: ``repr`` is one line, a notebook
    shows the blocks and totals with every row collapsed (``_repr_html_``)."""

    network: str
    input_shape: tuple  # batch first
    rows: tuple[TableRow, ...]
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def uncounted(self) -> tuple[TableRow, ...]:
        return tuple(r for r in self.rows if not r.counted)

    def __repr__(self) -> str:
        t = self.totals
        return (
            f"<NetworkTable {self.network!r}: input {self.input_shape}, {len(self.rows)} rows, "
            f"{t.get('params', 0):,} params, {t.get('macs', 0):,} MACs>"
        )

    def _repr_html_(self) -> str:
        from derivations.networks.report import html_table

        return html_table(self)

    def share(self, row: TableRow, key: str) -> Fraction:
        total = self.totals[key]
        return Fraction(getattr(row, key), total) if total else Fraction(0)


def totals_of(rows) -> dict[str, int]:
    """Every column summed over the counted rows, in one pass."""
    sums = dict.fromkeys(COLUMNS, 0)
    for row in rows:
        if row.counted:
            for key in COLUMNS:
                sums[key] += getattr(row, key)
        else:  # an unsupported layer: its parameters are known, its operations are not
            sums["params"] += row.params
    return sums


def _sources(row: Row, previous: str) -> tuple[str, ...]:
    source = row.data.get("from", previous)
    sources = [source] if isinstance(source, str) else source
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
        raise row.error("network.bad_from", value=shown(source))
    return tuple(sources)


def parse_network(rows, input_shape, name: str = "network", validate: bool = True) -> Network:
    """Check every row (against the schema, ``schema.json``, unless ``validate`` is false:
    the built-in networks, our own rows) and every ``from`` reference; shapes are checked
    by :func:`tabulate`."""
    if validate:
        check_rows(rows)
    if not isinstance(rows, (list, tuple)) or not rows:
        raise DerivationError(key="network.no_rows", value=shown(rows))
    if len(rows) > MAX_LAYERS:
        raise DerivationError(
            key="network.too_many_rows", count=f"{len(rows):,}", limit=f"{MAX_LAYERS:,}"
        )
    input_shape = _input_shape(input_shape)
    nodes, seen, previous = [], {INPUT}, INPUT
    for index, data in enumerate(rows, start=1):
        if not isinstance(data, dict):
            raise DerivationError(key="network.row_not_mapping", row=index, value=shown(data))
        declared = data.get("kind")
        label = data.get("name", f"{declared if isinstance(declared, str) else 'layer'}{index}")
        if not isinstance(label, str) or not label:
            raise DerivationError(key="network.bad_name", row=index, value=shown(label))
        row = Row(data, index, label)
        if label in seen:
            raise row.error("network.name_twice", value=shown(label), reserved=repr(INPUT))
        kind = kind_of(row)
        sources = _sources(row, previous)
        for source in sources:
            if source not in seen:
                raise row.error("network.from_unknown", value=shown(source))
        if len(sources) > 1 and not kind.many_inputs:
            raise row.error("network.one_input_from", kind=data["kind"], value=shown(list(sources)))
        nodes.append(Node(label, kind, sources))
        seen.add(label)
        previous = label
    return Network(name, input_shape, tuple(nodes))


def _input_shape(shape) -> tuple[int, int, int]:
    if (
        not isinstance(shape, (list, tuple))
        or len(shape) != 3
        or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in shape)
    ):
        raise DerivationError(key="network.bad_input", value=shown(shape))
    return tuple(shape)


def tabulate(network: Network, batch: int = 1, input_grad: bool = False) -> NetworkTable:
    """Every layer's cost (see :mod:`.kinds` for the conventions), in row order, and the
    totals.  ``input_grad``: whether the network input requires a gradient (what autograd
    saves depends on it); every parameter does."""
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        raise DerivationError(key="network.bad_batch", value=shown(batch))
    shapes = {INPUT: network.input}
    grads = {INPUT: input_grad}
    rows = []
    for node in network.nodes:
        grad = any(grads[s] for s in node.inputs)
        try:
            cost = node.kind.cost([shapes[s] for s in node.inputs], batch, grad)
        except DerivationError as error:
            raise DerivationError(
                key="network.in_layer", problem=error, name=clipped(node.name)
            ) from None
        shapes[node.name] = cost.output
        grads[node.name] = grad or cost.params > 0
        rows.append(
            TableRow.of(node.name, node.kind.label, (batch, *cost.output), cost.params, cost)
        )
    rows = _sum_forked_gradients(network, rows, grads)
    return NetworkTable(network.name, (batch, *network.input), tuple(rows), totals_of(rows))


def _sum_forked_gradients(network: Network, rows: list, grads: dict) -> list:
    """Each row whose output feeds t > 1 inputs of later rows and requires a gradient
    (so every consumer hands one back) gets ``backward.output``: autograd's sum of the t
    gradients, t - 1 additions per output element.  A row without a counted backward
    (dropout, unsupported) is left as it is."""
    uses = Counter(source for node in network.nodes for source in node.inputs)
    summed = []
    for row in rows:
        t = uses[row.name]
        if t > 1 and grads[row.name] and row.backward is not None:
            sum_of = Gradient(0, (t - 1) * math.prod(row.output_shape))
            row = replace(row, backward=replace(row.backward, output=sum_of))
        summed.append(row)
    return summed
