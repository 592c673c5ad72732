"""A network as a plain layer list, and its per-layer cost table.

A layer list is a sequence of rows (mappings).  Each row has a ``kind`` (see
:mod:`.kinds`), an optional unique ``name`` and an optional ``from``: the name (or list of
names) of the rows whose outputs it takes; ``input`` is the network's input.  Without
``from`` a row takes the previous row's output, so a plain chain needs no names, and
residual and Inception branches need only ``from``.
"""

from __future__ import annotations

from dataclasses import dataclass

from derivations.errors import DerivationError
from derivations.networks.kinds import kind_of
from derivations.networks.rows import Row, clipped, shown

__all__ = ["INPUT", "MAX_LAYERS", "Network", "NetworkTable", "Node", "TableRow", "parse_network",
           "tabulate"]

INPUT = "input"
MAX_LAYERS = 10_000  # the largest built-in network has a few hundred rows
COLUMNS = ("params", "macs", "flops", "ops", "activations")


@dataclass(frozen=True)
class Node:
    name: str
    kind: object
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    name: str
    input: tuple[int, int, int]   # per sample: channels, height, width
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class TableRow:
    name: str
    kind: str
    output_shape: tuple           # batch first
    params: int
    macs: int
    flops: int
    ops: int
    activations: int


@dataclass(frozen=True)
class NetworkTable:
    network: str
    input_shape: tuple            # batch first
    rows: tuple[TableRow, ...]

    @property
    def totals(self) -> dict[str, int]:
        return {key: sum(getattr(r, key) for r in self.rows) for key in COLUMNS}

    def share(self, row: TableRow, key: str) -> float:
        total = self.totals[key]
        return getattr(row, key) / total if total else 0.0


def _sources(row: Row, previous: str) -> tuple[str, ...]:
    source = row.data.get("from", previous)
    sources = [source] if isinstance(source, str) else source
    if not isinstance(sources, list) or not sources or not all(
            isinstance(s, str) for s in sources):
        raise row.error(f"from={shown(source)} must be a layer name or a list of names")
    return tuple(sources)


def parse_network(rows, input_shape, name: str = "network") -> Network:
    """Check every row and every ``from`` reference; shapes are checked by :func:`tabulate`."""
    if not isinstance(rows, (list, tuple)) or not rows:
        raise DerivationError(f"layers={shown(rows)} must be a non-empty list of rows")
    if len(rows) > MAX_LAYERS:
        raise DerivationError(f"layers: {len(rows):,} rows, more than the {MAX_LAYERS:,} "
                              f"accepted")
    input_shape = _input_shape(input_shape)
    nodes, seen, previous = [], {INPUT}, INPUT
    for index, data in enumerate(rows, start=1):
        if not isinstance(data, dict):
            raise DerivationError(f"row {index}: {shown(data)} is not a mapping of fields")
        declared = data.get("kind")
        label = data.get("name", f"{declared if isinstance(declared, str) else 'layer'}{index}")
        if not isinstance(label, str) or not label:
            raise DerivationError(f"row {index}: name={shown(label)} must be a non-empty string")
        row = Row(data, index, label)
        if label in seen:
            raise row.error(f"name={shown(label)} is used twice (or is the reserved {INPUT!r})")
        kind = kind_of(row)
        sources = _sources(row, previous)
        for source in sources:
            if source not in seen:
                raise row.error(f"from={shown(source)} names no earlier layer")
        if len(sources) > 1 and not kind.many_inputs:
            raise row.error(f"kind {data['kind']} takes one input, from={shown(list(sources))}")
        nodes.append(Node(label, kind, sources))
        seen.add(label)
        previous = label
    return Network(name, input_shape, tuple(nodes))


def _input_shape(shape) -> tuple[int, int, int]:
    if (not isinstance(shape, (list, tuple)) or len(shape) != 3
            or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in shape)):
        raise DerivationError(f"input={shown(shape)} must be [channels, height, width], "
                              f"positive integers")
    return tuple(shape)


def _kind_label(kind) -> str:
    return getattr(kind, "function", None) or kind.name


def tabulate(network: Network, batch: int = 1) -> NetworkTable:
    """Every layer's cost (see :mod:`.kinds` for the conventions), in row order."""
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        raise DerivationError(f"batch={batch!r} must be a positive integer")
    shapes = {INPUT: network.input}
    rows = []
    for node in network.nodes:
        try:
            cost = node.kind.cost([shapes[s] for s in node.inputs], batch)
        except DerivationError as error:
            raise DerivationError(f"layer '{clipped(node.name)}': {error}") from None
        shapes[node.name] = cost.output
        rows.append(TableRow(node.name, _kind_label(node.kind), (batch, *cost.output),
                             cost.params, cost.macs, cost.flops, cost.ops, cost.activations))
    return NetworkTable(network.name, (batch, *network.input), tuple(rows))
