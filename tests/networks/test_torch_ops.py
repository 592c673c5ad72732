"""``from_torch`` counts what a model executes: bare layers as the ``cost`` command and
the layer files count them, nothing lost (attention, tuple outputs, unused modules,
subclasses, splits, lazy layers, dropout that saves nothing), functional forms counted.

Oracles: the ``cost`` command's JSON (the closed forms at one layer), a one-row layer
file's table, ``FlopCounterMode`` (forward FLOPs), ``saved_tensors_hooks`` (saved
elements), ``sum(p.numel())`` and autograd's own backward graph (summed gradients).
"""

import json

import pytest

from derivations.cli import main
from derivations.networks import parse_network, tabulate


def _read(model, shape, batch=1, **kwargs):
    from derivations.networks.torch import from_torch

    return from_torch(model, shape, batch, **kwargs)


def measured(torch, model, shape, batch=1):
    """(forward FLOPs, saved elements, parameters, output) of a training-mode run."""
    from torch.utils.flop_counter import FlopCounterMode

    model.train()
    saved = [0]

    def pack(t):
        saved[0] += t.numel()
        return t

    x = torch.empty(batch, *shape, device="meta")
    with (
        FlopCounterMode(display=False) as counter,
        torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t),
    ):
        y = model(x)
    params = sum(p.numel() for p in model.parameters())
    return counter.get_total_flops(), saved[0], params, y


def _cost_json(capsys, **layer) -> dict:
    argv = ["cost", "--json", "--padding-convention", "per-side"]
    for key, value in layer.items():
        if key == "bias":
            argv.append("--bias" if value else "--no-bias")
        else:
            argv += [f"--{key}", str(value)]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


CONVS = [  # nn.Conv2d arguments; the cost command's flags
    ((3, 16, 3), dict(padding=1), dict(ci=3, co=16, kh=3, kw=3, ph=1, pw=1, bias=True)),
    (
        (8, 8, 3),
        dict(stride=2, padding=2, dilation=2, groups=4, bias=False),
        dict(ci=8, co=8, kh=3, kw=3, ph=2, pw=2, sh=2, sw=2, dh=2, dw=2, groups=4, bias=False),
    ),
    ((4, 6, (1, 5)), dict(padding=(0, 2)), dict(ci=4, co=6, kh=1, kw=5, ph=0, pw=2, bias=True)),
]


@pytest.mark.parametrize("args, kwargs, flags", CONVS)
def test_bare_conv2d_counts_as_the_cost_command(torch, capsys, args, kwargs, flags):
    """``from_torch(nn.Conv2d(...), shape)``: one conv row with the cost command's
    forward counts, parameters, saved elements and weight and bias gradients (its input,
    the network's, needs no gradient: no dX, as autograd)."""
    conv = torch.nn.Conv2d(*args, **kwargs)
    table = _read(conv, (args[0], 12, 12), batch=2)
    [row] = table.rows
    cost = _cost_json(capsys, h=12, w=12, batch=2, **flags)
    forward = cost["forward"]
    assert row.kind == "conv"
    assert (row.mults, row.adds, row.macs, row.flops) == (
        forward["mults"],
        forward["adds"],
        forward["macs"],
        forward["flops"],
    )
    assert row.params == cost["memory"]["params"]
    assert row.saved == cost["memory"]["saved_for_backward"]
    assert row.output_shape == tuple(cost["output_shape"])
    dw = cost["backward"]["dw"]
    assert (row.backward.weight.mults, row.backward.weight.adds) == (dw["mults"], dw["adds"])
    if flags["bias"]:
        assert row.backward.bias.adds == cost["backward"]["db"]["adds"]
    assert row.backward.input is None
    flops, saved, params, _ = measured(torch, conv.to("meta"), (args[0], 12, 12), 2)
    assert (row.flops, row.saved, row.params) == (flops, saved, params)


LAYERS = [  # a bare module, its input shape, the one-row layer file counting it
    (
        lambda nn: nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1),
        (4, 5, 5),
        {
            "kind": "conv_transpose",
            "out": 2,
            "kernel": 3,
            "stride": 2,
            "padding": 1,
            "output_padding": 1,
        },
    ),
    (lambda nn: nn.BatchNorm2d(3), (3, 6, 6), {"kind": "batchnorm"}),
    (lambda nn: nn.MaxPool2d(3, 2, 1), (3, 8, 8), {"kind": "maxpool", "kernel": 3, "stride": 2, "padding": 1}),
    (lambda nn: nn.AvgPool2d(2), (3, 8, 8), {"kind": "avgpool", "kernel": 2}),
    (lambda nn: nn.AdaptiveAvgPool2d(1), (3, 7, 7), {"kind": "adaptive_avgpool", "out": 1}),
    (lambda nn: nn.AdaptiveAvgPool2d(3), (3, 7, 7), {"kind": "adaptive_avgpool", "out": 3}),
    (lambda nn: nn.ReLU(), (3, 4, 4), {"kind": "relu"}),
    (lambda nn: nn.Sigmoid(), (3, 4, 4), {"kind": "sigmoid"}),
    (lambda nn: nn.Linear(12, 5), (12,), {"kind": "linear", "out": 5}),
]  # fmt: skip


@pytest.mark.parametrize("make, shape, row", LAYERS)
def test_bare_layer_counts_as_its_layer_file_row(torch, make, shape, row):
    """A bare module of each kind the section uses: the counts of the same layer as a
    one-row layer file (both with the network input needing no gradient; a flat input
    is a flattened (features, 1, 1) one in a layer file)."""
    module = make(torch.nn)
    [ours] = _read(module, shape, batch=2).rows
    rows, file_shape = (
        ([row], shape) if len(shape) == 3 else ([{"kind": "flatten"}, row], (*shape, 1, 1))
    )
    theirs = tabulate(parse_network(rows, file_shape), 2).rows[-1]
    columns = (
        "kind",
        "output_shape",
        "params",
        "macs",
        "mults",
        "adds",
        "other",
        "saved",
        "backward",
    )
    assert [getattr(ours, c) for c in columns] == [getattr(theirs, c) for c in columns]
    flops, saved, params, _ = measured(torch, module.to("meta"), shape, 2)
    assert (ours.flops, ours.saved, ours.params) == (flops, saved, params)


def _check(torch, model, shape, batch=1):
    """Counted in full: no ``?`` row, FLOPs and saved elements as PyTorch measures them,
    parameters ``sum(p.numel())``."""
    table = _read(model, shape, batch)
    assert not table.uncounted, [(r.name, r.kind) for r in table.uncounted]
    flops, saved, params, y = measured(torch, model, shape, batch)
    assert table.totals["flops"] == flops
    assert table.totals["saved"] == saved
    assert table.totals["params"] == params
    return table, y


def test_multihead_attention_is_counted_whole(torch):
    """ViT's attention: nn.MultiheadAttention's projections, products and softmax are all
    rows (its parameters too), none dropped."""
    nn = torch.nn

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln = nn.LayerNorm(16)
            self.attention = nn.MultiheadAttention(16, 4, batch_first=True)

        def forward(self, x):
            y = self.ln(x)
            y, _ = self.attention(y, y, y, need_weights=False)
            return x + y

    with torch.device("meta"):
        model = Block()
    table, _ = _check(torch, model, (5, 16), batch=2)
    attention = [r for r in table.rows if r.name.startswith("attention")]
    assert sum(r.params for r in attention) == 4 * 16 * 16 + 4 * 16
    assert sum(r.macs for r in attention) > 0


def test_tuple_outputs_subclasses_and_splits(torch):
    """A module returning a tuple, a subclass of nn.Conv3d, and a chunk split whose halves
    take different paths (ShuffleNet's): every call counted; the summed gradients are
    autograd's own (a split hands each half its slice: no sum)."""
    nn = torch.nn

    class Conv3DSimple(nn.Conv3d):
        pass

    class Pair(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Conv2d(4, 4, 1)
            self.b = nn.Conv2d(4, 4, 3, padding=1)

        def forward(self, x):
            return self.a(x), self.b(x)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.video = Conv3DSimple(2, 4, 3, padding=1)
            self.pair = Pair()
            self.right = nn.Conv2d(2, 2, 1)

        def forward(self, x):
            x = self.video(x).mean(2)
            a, b = self.pair(x)
            left, right = (a * b).chunk(2, 1)
            return torch.cat([left, torch.relu(self.right(right))], 1)

    from tests.networks.test_torch_read import _summed_gradients

    with torch.device("meta"):
        model = Net()
    table, y = _check(torch, model, (2, 3, 6, 6), batch=2)
    kinds = {r.name: r.kind for r in table.rows}
    assert kinds["video"] == "conv3d" and kinds["pair.a"] == kinds["pair.b"] == "conv"
    ours = sum(r.backward.output.adds for r in table.rows if r.backward and r.backward.output)
    assert ours == _summed_gradients(torch, y)


def test_unused_module_parameters_are_a_loud_row(torch):
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.used = nn.Linear(4, 4)
            self.aux = nn.Linear(4, 100)

        def forward(self, x):
            return self.used(x)

    table = _read(Net(), (4,))
    [unused] = table.uncounted
    assert unused.kind == "? unused parameters" and unused.params == 500
    assert "aux.weight" in unused.name
    assert table.totals["params"] == 520


def test_no_batch_axis_assumption_lazy_layers_and_dropout(torch):
    """A model that moves the batch axis (maxvit's windows), a lazy layer, and dropout:
    p = 0 saves nothing (PyTorch runs nothing), p > 0 saves its mask."""
    nn = torch.nn

    class Windows(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.LazyLinear(6)
            self.off = nn.Dropout(0.0)
            self.on = nn.Dropout(0.5)

        def forward(self, x):  # (n, c, h, w) -> (n h, w, c): the batch folded in
            n, c, h, w = x.shape
            x = x.permute(0, 2, 3, 1).reshape(n * h, w, c)
            return self.on(self.off(self.fc(x)))

    with torch.device("meta"):
        model = Windows()
    table = _read(model, (3, 4, 5), batch=2)
    rows = {r.name: r for r in table.rows}
    assert rows["fc"].output_shape == (40, 6) and rows["fc"].macs == 8 * 5 * 3 * 6
    assert "off" not in rows and rows["on"].saved == 8 * 5 * 6
    _flops, saved, params, _ = measured(torch, model, (3, 4, 5), 2)
    assert table.totals["saved"] == saved and table.totals["params"] == params


FUNCTIONAL = {  # name -> (forward on x of shape (2, 4, 8, 8), needs parameters?)
    "adaptive_avg_pool2d": lambda F, x, p: F.adaptive_avg_pool2d(x, 2),
    "mean": lambda F, x, p: x.mean([2, 3]),
    "max_pool2d": lambda F, x, p: F.max_pool2d(x, 2),
    "avg_pool2d": lambda F, x, p: F.avg_pool2d(x, 2),
    "layer_norm": lambda F, x, p: F.layer_norm(x, (8,)),
    "cat_-3": lambda F, x, p: p["torch"].cat([x, x * 2], dim=-3),
    "scale": lambda F, x, p: x * p["torch"].sigmoid(x.mean([2, 3], keepdim=True)),
    "permute_view_reshape": lambda F, x, p: x.permute(0, 2, 3, 1).reshape(2, 64, 4).reshape(2, -1),
    "interpolate": lambda F, x, p: F.interpolate(x, scale_factor=2),
    "bilinear": lambda F, x, p: F.interpolate(x, size=(5, 5), mode="bilinear"),
    "group_norm": lambda F, x, p: p["gn"](x),
    "instance_norm": lambda F, x, p: p["inorm"](x),
    "pixel_shuffle": lambda F, x, p: F.pixel_shuffle(x, 2),
    "pad": lambda F, x, p: F.pad(x, (1, 2, 0, 1)),
    "prelu": lambda F, x, p: p["prelu"](x),
    "mish": lambda F, x, p: F.mish(x),
    "hardtanh": lambda F, x, p: F.hardtanh(x),
    "softmax": lambda F, x, p: F.softmax(x, -1),
    "matmul": lambda F, x, p: x @ x.transpose(-1, -2),
    "bmm": lambda F, x, p: p["torch"].bmm(x.flatten(0, 1), x.flatten(0, 1)),
    "einsum": lambda F, x, p: p["torch"].einsum("nchw,nchv->nchv", x, x),
    "sdpa": lambda F, x, p: F.scaled_dot_product_attention(x, x, x),
    "stochastic_depth": lambda F, x, p: x * (x.new_empty(2, 1, 1, 1).bernoulli_(0.8) / 0.8),
    "gelu_tanh": lambda F, x, p: F.gelu(x, approximate="tanh"),
}


@pytest.mark.parametrize("name", FUNCTIONAL)
def test_functional_forms_are_counted(torch, name):
    """Functional forms of the kinds we count and the operators the section's models
    use: no ``?`` row, FLOPs and saved elements as PyTorch measures them."""
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(4, 4, 1)  # the input of the form needs a gradient
            self.gn = nn.GroupNorm(2, 4)
            self.inorm = nn.InstanceNorm2d(4)
            self.prelu = nn.PReLU()

        def forward(self, x):
            parts = {"torch": torch, "gn": self.gn, "inorm": self.inorm, "prelu": self.prelu}
            return FUNCTIONAL[name](nn.functional, self.conv(x), parts)

    with torch.device("meta"):
        model = Net()
    table = _read(model, (4, 8, 8), batch=2)
    named = [r for r in table.uncounted if not r.kind.startswith("? unused")]
    assert not named, [(r.name, r.kind) for r in named]
    flops, saved, params, _ = measured(torch, model, (4, 8, 8), 2)
    assert table.totals["flops"] == flops
    assert table.totals["saved"] == saved
    assert table.totals["params"] == params
