"""Each network rebuilt as torch modules from the same rows: an independent witness.

The witness reads the rows itself with PyTorch's semantics (``nn.Conv2d``'s defaults,
channels taken from the tensor that arrives) and runs on the ``meta`` device (shapes
only).  Per layer it must agree with our table: output shape, parameter count
(``numel`` of the module's parameters), and FLOPs (``FlopCounterMode``; MACs = FLOPs / 2,
meaningful here because it counts exactly the convolutions and matrix products).
"""

import pytest

from derivations.networks import MODELS, model_network, parse_network, tabulate


def _pair(value):
    return tuple(value) if isinstance(value, list) else (value, value)


def _module(torch, row, x):
    """The torch module a row stands for, sized from the arriving tensor ``x``."""
    nn, kind = torch.nn, row["kind"]
    meta = {"device": "meta"}
    if kind == "conv":
        conv = nn.Conv2d(
            x.shape[1],
            row["out"],
            _pair(row["kernel"]),
            row.get("stride", 1),
            0 if row.get("padding_convention") == "total" else row.get("padding", 0),
            row.get("dilation", 1),
            row.get("groups", 1),
            row.get("bias", True),
            **meta,
        )
        if row.get("padding_convention") != "total":
            return conv
        ph, pw = _pair(row.get("padding", 0))
        pad = nn.ZeroPad2d((pw - pw // 2, pw // 2, ph - ph // 2, ph // 2))
        return nn.Sequential(pad, conv)
    if kind == "linear":
        return nn.Linear(x.shape[1], row["out"], row.get("bias", True), **meta)
    if kind in ("maxpool", "avgpool"):
        pool = nn.MaxPool2d if kind == "maxpool" else nn.AvgPool2d
        return pool(row["kernel"], row.get("stride", row["kernel"]), row.get("padding", 0))
    if kind == "batchnorm":
        return nn.BatchNorm2d(x.shape[1], **meta).eval()
    simple = {
        "adaptive_avgpool": lambda: nn.AdaptiveAvgPool2d(row.get("out")),
        "relu": nn.ReLU,
        "sigmoid": nn.Sigmoid,
        "tanh": nn.Tanh,
        "flatten": nn.Flatten,
        "dropout": lambda: nn.Dropout(row.get("p", 0.5)).eval(),
    }
    return simple[kind]()


def witness(torch, rows, shape, batch=1):
    """Per row: (name, output shape, parameters, FLOPs) as torch sees them."""
    from torch.utils.flop_counter import FlopCounterMode

    outputs = {"input": torch.empty(batch, *shape, device="meta")}
    previous, seen = "input", []
    for index, row in enumerate(rows, start=1):
        name = row.get("name", f"{row['kind']}{index}")
        sources = row.get("from", previous)
        inputs = [outputs[s] for s in ([sources] if isinstance(sources, str) else sources)]
        params = 0
        with FlopCounterMode(display=False) as counter:
            if row["kind"] == "add":
                y = sum(inputs[1:], inputs[0])
            elif row["kind"] == "concat":
                y = torch.cat(inputs, dim=1)
            else:
                module = _module(torch, row, inputs[0])
                params = sum(p.numel() for p in module.parameters())
                y = module(inputs[0])
        outputs[name] = y
        seen.append((name, tuple(y.shape), params, counter.get_total_flops()))
        previous = name
    return seen


def ours(table):
    return [(r.name, r.output_shape, r.params, r.flops) for r in table.rows]


@pytest.mark.parametrize("name", list(MODELS))
def test_built_in_network_matches_torch(torch, name):
    model = MODELS[name]
    assert ours(tabulate(model_network(name))) == witness(torch, model.build(), model.input)


def test_batch_and_total_padding_match_torch(torch):
    rows = [
        {
            "kind": "conv",
            "out": 6,
            "kernel": [3, 2],
            "padding": [1, 3],
            "padding_convention": "total",
            "stride": [2, 1],
        },
        {"kind": "batchnorm"},
        {"kind": "relu"},
        {"kind": "conv", "out": 6, "kernel": 3, "groups": 3, "dilation": 2, "padding": 2},
        {"kind": "avgpool", "kernel": 2, "padding": 1},
        {"kind": "adaptive_avgpool", "out": [3, 2]},
        {"kind": "flatten"},
        {"kind": "linear", "out": 5, "bias": False},
    ]
    assert ours(tabulate(parse_network(rows, (3, 11, 9)), 3)) == witness(torch, rows, (3, 11, 9), 3)
