"""Each layer kind's counting convention, on small inputs worked out by hand."""

import pytest

from derivations.networks import parse_network, tabulate

# (rows, input (c, h, w), batch, expected last row: output shape, params, macs, ops
#  (mults + adds + other), activations)
CASES = {
    "conv per-side": (
        [{"kind": "conv", "out": 4, "kernel": 3, "padding": 1}],
        (2, 5, 5),
        1,
        ((1, 4, 5, 5), 4 * 2 * 9 + 4, 4 * 25 * 18, 2 * 4 * 25 * 18, 100),
    ),
    "conv total, odd": (
        [
            {
                "kind": "conv",
                "out": 4,
                "kernel": 3,
                "padding": 1,
                "padding_convention": "total",
                "bias": False,
            }
        ],
        (2, 5, 5),
        1,
        ((1, 4, 4, 4), 4 * 2 * 9, 4 * 16 * 18, 4 * 16 * (2 * 18 - 1), 64),
    ),
    "conv grouped, strided, rectangular": (
        [{"kind": "conv", "out": 6, "kernel": [3, 1], "stride": [2, 1], "groups": 3}],
        (3, 7, 4),
        2,
        ((2, 6, 3, 4), 6 * 1 * 3 + 6, 2 * 6 * 12 * 3, 2 * 2 * 6 * 12 * 3, 2 * 72),
    ),
    "conv dilated": (
        [{"kind": "conv", "out": 1, "kernel": 3, "dilation": 2, "bias": False}],
        (1, 7, 7),
        1,
        ((1, 1, 3, 3), 9, 81, 81 + 9 * 8, 9),
    ),
    "linear": (
        [{"kind": "flatten"}, {"kind": "linear", "out": 3}],
        (2, 2, 2),
        4,
        ((4, 3), 8 * 3 + 3, 4 * 8 * 3, 2 * 4 * 8 * 3, 12),
    ),
    "linear no bias": (
        [{"kind": "flatten"}, {"kind": "linear", "out": 3, "bias": False}],
        (2, 2, 2),
        1,
        ((1, 3), 24, 24, 24 + 3 * 7, 3),
    ),
    # 2x2 outputs, each the max of 9: 8 comparisons
    "maxpool": (
        [{"kind": "maxpool", "kernel": 3, "stride": 2}],
        (1, 5, 5),
        1,
        ((1, 1, 2, 2), 0, 0, 4 * 8, 4),
    ),
    "maxpool padded": (
        [{"kind": "maxpool", "kernel": 3, "stride": 1, "padding": 1}],
        (2, 4, 4),
        1,
        ((1, 2, 4, 4), 0, 0, 32 * 8, 32),
    ),
    # 8 outputs of a 2x2 window: 3 additions + 1 division each
    "avgpool": ([{"kind": "avgpool", "kernel": 2}], (2, 4, 4), 1, ((1, 2, 2, 2), 0, 0, 8 * 4, 8)),
    # 5 -> 2: cells [0, 3) and [2, 5), 3 x 3 inputs each: 9 ops per cell, 4 cells
    "adaptive avgpool overlapping": (
        [{"kind": "adaptive_avgpool", "out": 2}],
        (1, 5, 5),
        1,
        ((1, 1, 2, 2), 0, 0, 36, 4),
    ),
    # 7 -> 1: one cell of 49
    "global avgpool": (
        [{"kind": "adaptive_avgpool", "out": 1}],
        (3, 7, 7),
        2,
        ((2, 3, 1, 1), 0, 0, 2 * 3 * 49, 6),
    ),
    "batchnorm": ([{"kind": "batchnorm"}], (3, 2, 2), 2, ((2, 3, 2, 2), 6, 0, 48, 24)),
    "relu": ([{"kind": "relu"}], (3, 2, 2), 2, ((2, 3, 2, 2), 0, 0, 24, 24)),
    "sigmoid": ([{"kind": "sigmoid"}], (1, 3, 3), 1, ((1, 1, 3, 3), 0, 0, 9, 9)),
    "tanh": ([{"kind": "tanh"}], (1, 3, 3), 1, ((1, 1, 3, 3), 0, 0, 9, 9)),
    "flatten": ([{"kind": "flatten"}], (3, 2, 2), 2, ((2, 12), 0, 0, 0, 0)),
    "dropout": ([{"kind": "dropout", "p": 0.3}], (3, 2, 2), 1, ((1, 3, 2, 2), 0, 0, 0, 0)),
    "add of three": (
        [
            {"name": "a", "kind": "relu"},
            {"name": "b", "kind": "relu", "from": "input"},
            {"kind": "add", "from": ["a", "b", "input"]},
        ],
        (2, 3, 3),
        1,
        ((1, 2, 3, 3), 0, 0, 2 * 18, 18),
    ),
    "concat": (
        [
            {"name": "a", "kind": "conv", "out": 3, "kernel": 1},
            {"kind": "concat", "from": ["a", "input"]},
        ],
        (2, 3, 3),
        1,
        ((1, 5, 3, 3), 0, 0, 0, 45),
    ),
}


@pytest.mark.parametrize("rows, shape, batch, expected", CASES.values(), ids=CASES.keys())
def test_kind_convention(rows, shape, batch, expected):
    last = tabulate(parse_network(rows, shape), batch).rows[-1]
    assert (last.output_shape, last.params, last.macs, last.ops, last.activations) == expected
    assert last.flops == 2 * last.macs


def test_default_names_and_chaining():
    table = tabulate(parse_network([{"kind": "relu"}, {"kind": "flatten"}], (1, 2, 2)))
    assert [(r.name, r.output_shape) for r in table.rows] == [
        ("relu1", (1, 1, 2, 2)),
        ("flatten2", (1, 4)),
    ]


def test_shares_sum_to_one():
    table = tabulate(parse_network(CASES["add of three"][0], (2, 3, 3)))
    assert [table.share(r, "ops") for r in table.rows] == [18 / 72, 18 / 72, 36 / 72]
    assert table.share(table.rows[0], "macs") == 0.0
