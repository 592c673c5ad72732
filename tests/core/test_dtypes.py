"""One table of element sizes (``registry/dtypes.py``): every command accepts the same
dtypes and turns elements into bytes with the same size, held against NumPy and PyTorch."""

import json

import numpy as np
import pytest

from derivations.cli import build_parser, main
from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES, DTYPES

LAYER = ["--ci", "3", "--co", "8", "--h", "9", "--w", "9", "--kh", "3", "--kw", "3"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_sizes_are_the_libraries_itemsizes(dtype):
    if dtype == "bfloat16":
        torch = pytest.importorskip("torch")
        assert torch.bfloat16.itemsize == DTYPE_BYTES[dtype]
    else:
        assert np.dtype(dtype).itemsize == DTYPE_BYTES[dtype]


def _dtype_choices(command: str) -> tuple:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    (action,) = [a for a in sub._actions if a.dest == "dtype"]
    assert action.default == DEFAULT_DTYPE
    return tuple(action.choices)


def test_every_command_accepts_the_same_dtypes():
    assert _dtype_choices("cost") == _dtype_choices("network") == DTYPES


@pytest.mark.parametrize("dtype", DTYPES)
def test_cost_and_network_count_bytes_with_the_table(dtype, capsys):
    assert main(["cost", *LAYER, "--dtype", dtype, "--json"]) == 0
    cost = json.loads(capsys.readouterr().out)
    elements = cost["memory_bytes"]
    assert main(["cost", *LAYER, "--dtype", "int8", "--json"]) == 0  # 1 byte: the elements
    for key, count in json.loads(capsys.readouterr().out)["memory_bytes"].items():
        assert elements[key] == count * DTYPE_BYTES[dtype]
    assert main(["network", "lenet", "--dtype", dtype, "--json"]) == 0
    network = json.loads(capsys.readouterr().out)
    assert network["dtype"] == dtype
    assert network["bytes"]["params"] == network["totals"]["params"] * DTYPE_BYTES[dtype]


def test_the_checkers_bytes_are_the_default_dtypes():
    from derivations.checking.deciding import derive

    assert derive.FLOAT32_BYTES == DTYPE_BYTES[DEFAULT_DTYPE] == np.dtype("float32").itemsize
