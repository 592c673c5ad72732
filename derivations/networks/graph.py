"""A network as a plain layer list, and its per-layer cost table.

A layer list is a sequence of rows (mappings).  Each row has a ``kind`` (see
:mod:`.kinds`), an optional unique ``name`` and an optional ``from``: the name (or list of
names) of the rows whose outputs it takes; ``input`` is the network's input.  Without
``from`` a row takes the previous row's output, so a plain chain needs no names, and
residual and Inception branches need only ``from``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DerivationError
from .kinds import kind_of
from .rows import Row

__all__ = ["INPUT", "Network", "NetworkTable", "Node", "TableRow", "parse_network", "tabulate"]

INPUT = "input"
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
        raise row.error(f"from={source!r} must be a layer name or a list of names")
    return tuple(sources)


def parse_network(rows, input_shape, name: str = "network") -> Network:
    """Check every row and every ``from`` reference; shapes are checked by :func:`tabulate`."""
    if not isinstance(rows, (list, tuple)) or not rows:
        raise DerivationError(f"layers={rows!r:.60} must be a non-empty list of rows")
    input_shape = _input_shape(input_shape)
    nodes, seen, previous = [], {INPUT}, INPUT
    for index, data in enumerate(rows, start=1):
        if not isinstance(data, dict):
            raise DerivationError(f"row {index}: {data!r:.60} is not a mapping of fields")
        label = data.get("name", f"{data.get('kind', 'layer')}{index}")
        if not isinstance(label, str) or not label:
            raise DerivationError(f"row {index}: name={label!r} must be a non-empty string")
        row = Row(data, index, label)
        if label in seen:
            raise row.error(f"name={label!r} is used twice (or is the reserved {INPUT!r})")
        kind = kind_of(row)
        sources = _sources(row, previous)
        for source in sources:
            if source not in seen:
                raise row.error(f"from={source!r} names no earlier layer")
        if len(sources) > 1 and not kind.many_inputs:
            raise row.error(f"kind {data['kind']} takes one input, from={list(sources)!r}")
        nodes.append(Node(label, kind, sources))
        seen.add(label)
        previous = label
    return Network(name, input_shape, tuple(nodes))


def _input_shape(shape) -> tuple[int, int, int]:
    if (not isinstance(shape, (list, tuple)) or len(shape) != 3
            or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in shape)):
        raise DerivationError(f"input={shape!r} must be [channels, height, width], "
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
            raise DerivationError(f"layer {node.name!r}: {error}") from None
        shapes[node.name] = cost.output
        rows.append(TableRow(node.name, _kind_label(node.kind), (batch, *cost.output),
                             cost.params, cost.macs, cost.flops, cost.ops, cost.activations))
    return NetworkTable(network.name, (batch, *network.input), tuple(rows))
