"""Whole-network cost tables: the one-layer model extended to the book's CNNs.

Declarations: :mod:`.kinds` (layer kinds and their counting conventions, forward and
backward), :mod:`.models` (the book's and torchvision's networks as plain layer lists,
named as their code names them).
Machinery: :mod:`.rows` (checked fields), :mod:`.graph` (a layer list -> a network -> a
per-layer table), :mod:`.layer_files` (a user's JSON/YAML layer list), :mod:`.backward` (the
backward of the kinds without closed forms, executed in NumPy: what their counts are
tested against), :mod:`.torch` (a PyTorch model read as a layer list).
"""

from derivations.networks.graph import (
    INPUT,
    Network,
    NetworkTable,
    TableRow,
    parse_network,
    tabulate,
)
from derivations.networks.kinds import KINDS, Cost
from derivations.networks.layer_files import LayerFile, read_layer_file
from derivations.networks.models import MODELS, Model, get_model

__all__ = [
    "Cost",
    "INPUT",
    "KINDS",
    "LayerFile",
    "MODELS",
    "Model",
    "Network",
    "NetworkTable",
    "TableRow",
    "get_model",
    "model_network",
    "parse_network",
    "read_layer_file",
    "tabulate",
]


def model_network(name: str, size: int | None = None) -> Network:
    """A built-in model as a :class:`Network`; ``size`` overrides its input height and
    width."""
    model = get_model(name)
    channels, height, width = model.input
    shape = (channels, height, width) if size is None else (channels, size, size)
    return parse_network(model.build(), shape, model.name, validate=False)  # our own rows
