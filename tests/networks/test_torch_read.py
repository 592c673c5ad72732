"""``from_torch`` and ``network --torch``: PyTorch models read into our rows, held against
PyTorch itself.

Oracles, all measured on the model (never our closed forms): parameters
``sum(p.numel())``; per leaf-module call, FLOPs from ``FlopCounterMode`` (MACs = FLOPs/2)
and saved elements from ``saved_tensors_hooks``; backward FLOPs from ``FlopCounterMode``
over ``backward()``, where PyTorch 2.13 counts a grouped convolution's weight gradient g
times (``flop_counter.conv_backward_flop`` drops the group division: the named
discrepancy); output shapes from a meta run; exact additions of 1-D, 3-D and transposed
convolutions by brute-force enumeration of their taps.
"""

import itertools
import json
import math

import numpy as np
import pytest

from derivations.cli import main
from derivations.errors import DerivationError
from derivations.networks import model_network, tabulate


@pytest.fixture(scope="module")
def tm(torch):
    from tests.networks import torch_models

    return torch_models


def _read(torch, model, shape, batch=1):
    from derivations.networks.torch import from_torch

    return from_torch(model, shape, batch)


def measure(torch, model, shape, batch=1):
    """Per leaf-module call in order: (module path, forward FLOPs, saved elements); the
    saved elements outside any leaf module; forward and backward FLOPs in all."""
    from torch.utils.flop_counter import FlopCounterMode

    model.train()
    names = {m: n for n, m in model.named_modules()}
    calls, stack = [], []
    counter = FlopCounterMode(display=False)
    outside = [0]

    def pre(module, args):
        stack.append([names[module], counter.get_total_flops(), 0])

    def post(module, args, out):
        name, start, saved = stack.pop()
        calls.append((name, counter.get_total_flops() - start, saved))

    def pack(tensor):
        if stack:
            stack[-1][2] += tensor.numel()
        else:
            outside[0] += tensor.numel()
        return tensor

    hooks = []
    for module in model.modules():
        if not list(module.children()):
            hooks += [module.register_forward_pre_hook(pre), module.register_forward_hook(post)]
    x = torch.empty(batch, *shape, device="meta")
    try:
        with counter, torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            y = model(x)
        with FlopCounterMode(display=False) as backward:
            y.sum().backward()
    finally:
        for hook in hooks:
            hook.remove()
    return calls, outside[0], counter.get_total_flops(), backward.get_total_flops(), y.shape


def _model(torch, factory):
    with torch.device("meta"):
        return factory()


MODELS = ["alexnet", "vgg16", "resnet18", "resnet50", "mobilenet_v2", "decoder"]


@pytest.fixture(scope="module")
def read(torch, tm):
    """name -> (model, table, measured), each model read and measured once."""
    cache = {}

    def get(name):
        if name not in cache:
            factory, shape = tm.FACTORIES[name]
            model = _model(torch, factory)
            cache[name] = (model, _read(torch, model, shape), measure(torch, model, shape))
        return cache[name]

    return get


@pytest.mark.parametrize("name", MODELS)
def test_parameters_equal_numel(read, name):
    model, table, _ = read(name)
    assert table.totals["params"] == sum(p.numel() for p in model.parameters())
    assert not table.uncounted


def module_calls(table, names) -> list:
    """(module path, FLOPs, saved) per run of consecutive rows named by one leaf module
    (a module's calls are ``path``, ``path:1``, ...), in order."""
    calls: list = []
    for r in table.rows:
        base = r.name.split(":")[0]
        if base not in names:
            continue
        if calls and calls[-1][0] == base and r.name != base:
            calls[-1][1] += r.flops
            calls[-1][2] += r.saved
        else:
            calls.append([base, r.flops, r.saved])
    return [tuple(c) for c in calls]


@pytest.mark.parametrize("name", MODELS)
def test_each_module_call_matches_flop_counter_and_saved_hooks(read, name):
    """Rows named by module path are the leaf-module calls, in order; their MACs are
    FlopCounterMode / 2 and their saved elements what saved_tensors_hooks saw."""
    _, table, (calls, outside, forward, _, shape) = read(name)
    rows = {r.name.split(":")[0] for r in table.rows}
    assert all(c[1:] == (0, 0) for c in calls if c[0] not in rows)  # views: no call
    assert module_calls(table, {c[0] for c in calls}) == [c for c in calls if c[0] in rows]
    assert all(2 * r.macs == r.flops for r in table.rows)
    names = {c[0] for c in calls}
    others = [r for r in table.rows if r.name.split(":")[0] not in names]  # add, cat
    assert sum(r.saved for r in others) == outside == 0
    assert table.totals["flops"] == forward
    assert table.rows[-1].output_shape == tuple(shape)


@pytest.mark.parametrize("name", MODELS)
def test_backward_flops_equal_flop_counter_but_grouped_dw(read, torch, tm, name):
    """Backward FLOPs = 2 x (dX + dW products) of every convolution and linear layer,
    dX only where the input needs a gradient (as autograd computes it); PyTorch adds
    (g - 1) x dW for each grouped convolution.  Every row's ``flops`` summed (the
    activations, norms and pools, whose backward FlopCounterMode does not count, hold
    0)."""
    model, table, (_, _, _, backward, _) = read(name)
    ours = sum(r.backward.flops for r in table.rows if r.backward)
    assert ours == sum(2 * r.backward.mults for r in table.rows if r.backward and r.macs)
    modules = dict(model.named_modules())
    grouped = sum(
        2 * (modules[r.name].groups - 1) * r.backward.weight.mults
        for r in table.rows
        if r.kind.startswith("conv")
    )
    assert backward == ours + grouped
    assert (grouped > 0) == (name in ("mobilenet_v2", "decoder"))
    first = next(r for r in table.rows if r.macs)
    assert first.backward.input is None  # the network input needs no gradient


@pytest.mark.parametrize("name", ["alexnet", "vgg16", "resnet18", "resnet50"])
def test_built_in_table_equals_torch_read(read, name):
    """Our hand-written layer lists and the plain-torch models agree row for row (names
    aside: torchvision calls one ReLU module three times, our lists name each call)."""
    _, table, _ = read(name)
    built_in = tabulate(model_network(name))
    # a flatten is a view: the built-in lists name it, PyTorch executes nothing
    built_in_rows = [r for r in built_in.rows if r.kind != "flatten"]

    def key(r):
        return (
            r.kind,
            r.output_shape,
            r.params,
            r.macs,
            r.flops,
            r.mults,
            r.adds,
            r.other,
            r.activations,
            r.saved,
            r.backward,
            r.counted,
        )

    assert [key(r) for r in built_in_rows] == [key(r) for r in table.rows]
    assert built_in.totals == table.totals


def _conv_forward_oracle(
    kernel, stride, dilation, padded, c_in_per_group, c_out, groups, batch, bias
):
    """Forward mults/adds and dX adds of an N-d convolution by enumerating its taps:
    per output element c_in/g prod(k) products (terms - 1 adds, + 1 with bias); dX[pos]
    sums every (output channel of the group, output position, tap) landing on pos."""
    outs = [(p - d * (k - 1) - 1) // s + 1 for p, k, s, d in zip(padded, kernel, stride, dilation)]
    hits = np.zeros(padded, dtype=np.int64)
    for o in itertools.product(*map(range, outs)):
        for t in itertools.product(*map(range, kernel)):
            hits[tuple(oi * s + ti * d for oi, ti, s, d in zip(o, t, stride, dilation))] += 1
    outputs = batch * c_out * int(np.prod(outs))
    terms = c_in_per_group * int(np.prod(kernel))
    mults = outputs * terms
    adds = outputs * (terms - 1 + bias)
    c_in = c_in_per_group * groups
    dx_products = batch * c_in * int(hits.sum()) * (c_out // groups)
    dx_adds = dx_products - batch * c_in * int((hits > 0).sum())
    return mults, adds, dx_products, dx_adds, outs


CONVS = [  # (dims, c_in, c_out, shape, kwargs)
    (1, 4, 6, (11,), dict(kernel_size=3, stride=2, padding=2, dilation=2, groups=2)),
    (1, 3, 2, (9,), dict(kernel_size=4, padding="same", bias=False)),
    (2, 3, 4, (7, 6), dict(kernel_size=(3, 2), padding="same", dilation=(2, 1))),
    (2, 4, 4, (8, 8), dict(kernel_size=3, padding=1, padding_mode="reflect", groups=4)),
    (2, 2, 3, (6, 7), dict(kernel_size=3, padding=(2, 1), padding_mode="circular")),
    (2, 2, 3, (5, 6), dict(kernel_size=3, padding=1, padding_mode="replicate", stride=2)),
    (2, 2, 4, (9, 9), dict(kernel_size=2, stride=3)),
    (3, 2, 4, (5, 6, 5), dict(kernel_size=3, stride=(2, 1, 2), padding=1)),
    (3, 4, 2, (6, 5, 5), dict(kernel_size=(2, 3, 3), dilation=(2, 1, 1), groups=2, bias=False)),
    (3, 2, 2, (4, 4, 4), dict(kernel_size=3, padding="same")),
]


@pytest.mark.filterwarnings("ignore:Using padding=.same.:UserWarning")
@pytest.mark.parametrize("dims, c_in, c_out, shape, kwargs", CONVS)
def test_convolution_variants(torch, dims, c_in, c_out, shape, kwargs):
    conv = getattr(torch.nn, f"Conv{dims}d")(c_in, c_out, **kwargs, device="meta")
    # a batch norm first, so that the convolution's input needs a gradient (dX computed)
    model = torch.nn.Sequential(getattr(torch.nn, f"BatchNorm{dims}d")(c_in, device="meta"), conv)
    table = _read(torch, model, (c_in, *shape), batch=2)
    row = table.rows[-1]
    calls, _, _forward, _, out_shape = measure(torch, model, (c_in, *shape), batch=2)
    assert row.output_shape == tuple(out_shape)
    assert module_calls(table, {"1"})[-1] == calls[-1]  # a padding mode's pad: a row
    assert row.params == sum(p.numel() for p in conv.parameters())
    if kwargs.get("padding") == "same":
        pads = [d * (k - 1) for k, d in zip(conv.kernel_size, conv.dilation)]
    else:
        pads = [2 * p for p in conv.padding]
    padded = [s + p for s, p in zip(shape, pads)]
    mults, adds, dx_mults, dx_adds, _ = _conv_forward_oracle(
        conv.kernel_size,
        conv.stride,
        conv.dilation,
        padded,
        c_in // conv.groups,
        c_out,
        conv.groups,
        2,
        conv.bias is not None,
    )
    assert (row.mults, row.adds, row.macs) == (mults, adds, mults)
    assert (row.backward.input.mults, row.backward.input.adds) == (dx_mults, dx_adds)


TRANSPOSED = [  # c_in, c_out, spatial input size, kwargs
    (4, 2, (3, 4), dict(kernel_size=3, stride=2, padding=1, output_padding=1)),
    (2, 4, (3, 3), dict(kernel_size=(2, 3), stride=(1, 2), groups=2, bias=False)),
    (3, 3, (4, 2), dict(kernel_size=3, dilation=2, padding=2)),
    (4, 2, (5,), dict(kernel_size=3, stride=2, padding=1, output_padding=1)),
    (2, 4, (4,), dict(kernel_size=4, dilation=2, groups=2, bias=False)),
    (3, 2, (7,), dict(kernel_size=2, stride=3)),
    (2, 3, (2, 3, 2), dict(kernel_size=(2, 3, 2), stride=(2, 1, 3), padding=(0, 1, 0))),
    (4, 2, (3, 2, 2), dict(kernel_size=3, stride=2, padding=1, output_padding=1, groups=2)),
    (2, 2, (2, 2, 3), dict(kernel_size=2, dilation=(2, 1, 3), bias=False)),
]
TRANSPOSED_CLASSES = {1: "ConvTranspose1d", 2: "ConvTranspose2d", 3: "ConvTranspose3d"}


def _transposed_hits(size, conv) -> np.ndarray:
    """How many (input position, tap) products land on each full-output position, by
    enumeration (the full output: before the padding is cropped)."""
    full = [
        (n - 1) * s + d * (k - 1) + 1 + op
        for n, s, d, k, op in zip(
            size, conv.stride, conv.dilation, conv.kernel_size, conv.output_padding
        )
    ]
    hits = np.zeros(full, dtype=np.int64)
    for where in itertools.product(*map(range, size)):
        for tap in itertools.product(*map(range, conv.kernel_size)):
            hits[
                tuple(y * s + i * d for y, i, s, d in zip(where, tap, conv.stride, conv.dilation))
            ] += 1
    return hits


@pytest.mark.parametrize("c_in, c_out, size, kwargs", TRANSPOSED)
def test_transposed_convolution(torch, c_in, c_out, size, kwargs):
    """ConvTranspose1d/2d/3d forward: every (input position, tap) product lands on one
    full-output position; each position sums what lands there (full output, before the
    padding is cropped), plus one bias addition per kept output element.  FLOPs and
    saved elements from FlopCounterMode and saved_tensors_hooks, backward FLOPs from
    FlopCounterMode (dX and dW: the batch norm in front makes the input need a gradient;
    a grouped dW counted g times by PyTorch)."""
    cls = getattr(torch.nn, TRANSPOSED_CLASSES[len(size)])
    norm = getattr(torch.nn, f"BatchNorm{len(size)}d")
    conv = cls(c_in, c_out, **kwargs, device="meta")
    model = torch.nn.Sequential(norm(c_in, device="meta"), conv)
    table = _read(torch, model, (c_in, *size))
    row = table.rows[-1]
    calls, _, _, backward, out_shape = measure(torch, model, (c_in, *size))
    assert row.kind == ("conv_transpose" if len(size) == 2 else f"conv_transpose{len(size)}d")
    assert row.output_shape == tuple(out_shape)
    assert (row.flops, row.saved) == calls[-1][1:]
    assert row.params == sum(p.numel() for p in conv.parameters())
    hits = _transposed_hits(size, conv)
    g = conv.groups
    products = c_out * (c_in // g) * int(hits.sum())
    kept = c_out * int(np.prod(out_shape[2:]))
    adds = products - c_out * int((hits > 0).sum()) + kept * (conv.bias is not None)
    assert (row.mults, row.macs, row.adds) == (products, products, adds)
    grads = row.backward
    assert grads.input.mults == grads.weight.mults == products  # dX: the conv's forward
    assert backward == grads.flops + 2 * (g - 1) * grads.weight.mults


def test_layer_norm_gelu_linear_on_tokens(torch):
    """A transformer-style MLP on (tokens, features): linear layers on the last axis."""
    nn = torch.nn
    model = nn.Sequential(
        nn.LayerNorm(8),
        nn.Linear(8, 16),
        nn.GELU(),
        nn.Dropout(0.1),
        nn.Linear(16, 8, bias=False),
        nn.Tanh(),
        nn.SiLU(),
    )
    with torch.device("meta"):
        model = model.to("meta")
    table = _read(torch, model, (5, 8), batch=3)
    calls, _, _forward, backward, shape = measure(torch, model, (5, 8), batch=3)
    assert [(r.flops, r.saved) for r in table.rows] == [c[1:] for c in calls]
    assert table.totals["params"] == sum(p.numel() for p in model.parameters())
    assert table.rows[-1].output_shape == tuple(shape)
    assert backward == sum(2 * r.backward.mults for r in table.rows if r.macs)
    first = table.rows[1]  # Linear(8, 16) on 15 rows of 8: 15 x 16 sums of 8 (+ bias)
    assert (first.mults, first.adds) == (15 * 16 * 8, 15 * 16 * 8)


def test_pools_ceil_mode_and_1d_3d(torch):
    nn = torch.nn
    for pool, shape in (
        (nn.MaxPool2d(3, 2, 1, ceil_mode=True), (2, 8, 9)),
        (nn.AvgPool2d(3, 2, ceil_mode=True), (2, 8, 8)),
        (nn.MaxPool1d(2), (3, 9)),
        (nn.AvgPool3d(2, 1, 1), (1, 3, 4, 4)),
        (nn.AdaptiveAvgPool2d((3, None)), (2, 7, 5)),
        (nn.AdaptiveMaxPool2d(2), (2, 5, 5)),
        (nn.AdaptiveAvgPool1d(4), (2, 9)),
    ):
        model = nn.Sequential(nn.Linear(shape[-1], shape[-1], device="meta"), pool)
        table = _read(torch, model, shape)
        calls, _, _, _, out_shape = measure(torch, model, shape)
        row = table.rows[-1]
        assert row.counted, pool
        assert math.prod(row.output_shape) == math.prod(out_shape), pool  # 1-d: as 2-d
        assert module_calls(table, {"1"})[-1] == calls[-1], pool


def test_ceil_mode_taps_by_enumeration(torch):
    """With ceil_mode the last windows are clipped: their taps counted by enumeration."""
    from derivations.networks.kinds import Pool

    for size, k, s, p in ((8, 3, 2, 1), (9, 3, 2, 1), (8, 3, 2, 0), (7, 2, 3, 1), (5, 4, 3, 2)):
        pool = Pool("maxpool", (k, k), (s, s), (p, p), ceil_mode=True)
        (_, out, _), taps, _covered = pool._axes((1, size, size))
        padded = size + 2 * p
        per_axis = sum(min(k, padded - i * s) for i in range(out))
        assert taps == per_axis**2
        torch_out = torch.nn.functional.max_pool2d(
            torch.empty(1, 1, size, size, device="meta"), k, s, p, ceil_mode=True
        ).shape[-1]
        assert out == torch_out


def test_unsupported_call_is_listed_not_dropped(torch, capsys, tmp_path):
    """An aten call the registry does not know (``lgamma``) is a ``? aten.lgamma`` row with
    its shape, named in the totals; a parameter used directly is attributed to the call
    that reads it."""
    nn = torch.nn

    class Odd(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 8, 3, padding=1)
            self.shuffle = nn.PixelShuffle(2)
            self.scale = nn.Parameter(torch.ones(2, 1, 1))
            self.head = nn.Conv2d(2, 4, 1)

        def forward(self, x):
            x = self.shuffle(self.conv(x))
            x = torch.lgamma(torch.roll(x, 1, dims=2)) * self.scale
            return self.head(x)

    model = Odd()
    table = _read(torch, model, (3, 6, 6))
    kinds = [(r.name, r.kind, r.counted, r.params) for r in table.rows]
    assert ("shuffle", "pixel_shuffle", True, 0) in kinds  # a copy
    assert ("roll", "roll", True, 0) in kinds  # a copy
    assert ("lgamma", "? aten.lgamma", False, 0) in kinds
    assert ("mul", "mul", True, 2) in kinds  # x * self.scale: the parameter's 2 elements
    assert table.totals["params"] == sum(p.numel() for p in model.parameters())
    assert table.totals["macs"] == sum(r.macs for r in table.rows if r.counted)
    assert table.rows[-1].output_shape == (1, 4, 12, 12)
    from derivations.networks.report import network_report, text_table

    report = network_report(table)
    lgamma = next(r for r in report["layers"] if r["name"] == "lgamma")
    assert lgamma["macs"] is None and lgamma["counted"] is False
    assert report["uncounted"] == [{"name": "lgamma", "kind": "? aten.lgamma"}]
    assert "lgamma (aten.lgamma)" in text_table(table)


def test_inception_concatenation(torch):
    """Branches from one input, concatenated along channels (torch.cat): a concat row
    taking the four branches, as the built-in GoogLeNet's."""
    nn = torch.nn

    class Inception(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Conv2d(3, 8, 3, padding=1)
            self.b1 = nn.Conv2d(8, 4, 1)
            self.b2 = nn.Sequential(nn.Conv2d(8, 2, 1), nn.ReLU(), nn.Conv2d(2, 4, 3, padding=1))
            self.b3 = nn.Sequential(nn.MaxPool2d(3, 1, 1), nn.Conv2d(8, 2, 1))

        def forward(self, x):
            x = self.stem(x)
            return torch.relu(torch.cat([self.b1(x), self.b2(x), self.b3(x), x], dim=1))

    model = _model(torch, Inception)
    table = _read(torch, model, (3, 6, 6), batch=2)
    rows = {r.name: r for r in table.rows}
    assert rows["concat"].kind == "concat" and rows["concat"].output_shape == (2, 18, 6, 6)
    _calls, outside, forward, backward, shape = measure(torch, model, (3, 6, 6), batch=2)
    assert table.totals["flops"] == forward and table.rows[-1].output_shape == tuple(shape)
    assert backward == sum(2 * r.backward.mults for r in table.rows if r.macs)
    assert rows["relu"].saved == 2 * 18 * 36 and outside == rows["relu"].saved
    # the stem's output feeds four branches: three sums of gradients per element
    assert rows["stem"].backward.output.adds == 3 * 2 * 8 * 36


def test_shared_module_parameters_counted_once(torch):
    nn = torch.nn

    class Twice(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(4, 4)

        def forward(self, x):
            return self.fc(torch.relu(self.fc(x)))

    model = Twice()
    table = _read(torch, model, (4,))
    assert [r.name for r in table.rows] == ["fc", "relu", "fc:1"]
    assert table.totals["params"] == 20 and table.rows[2].macs == 16


def test_cpu_parameters_and_errors(torch):
    """CPU weights are read as meta copies (the model is not touched); a forward that
    branches on tensor values cannot run on meta tensors: one line says so."""
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.PixelUnshuffle(2), nn.Flatten(), nn.Linear(32, 3))
    table = _read(torch, model, (1, 6, 6))
    assert table.rows[-1].output_shape == (1, 3) and table.rows[-1].macs == 96
    assert model[0].weight.device.type == "cpu"

    class Branchy(nn.Module):
        def forward(self, x):
            return x if x.sum() > 0 else -x

    with pytest.raises(DerivationError, match=r"cannot run on meta tensors of shape \(1, 2\)"):
        _read(torch, Branchy(), (2,))
    with pytest.raises(DerivationError, match=r"input_shape=.* must be the per-sample shape"):
        _read(torch, model, (1, 6, 0))
    with pytest.raises(DerivationError, match=r"is not a torch\.nn\.Module"):
        _read(torch, object(), (1,))


def test_cli_torch(torch, capsys):
    assert (
        main(
            [
                "network",
                "--torch",
                "tests.networks.torch_models:resnet18",
                "--input",
                "3x224x224",
                "--json",
                "--batch",
                "2",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    built_in = tabulate(model_network("resnet18"), 2)
    assert report["totals"] == built_in.totals
    assert report["network"] == "tests.networks.torch_models:resnet18"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--torch", "nocolon", "--input", "3x8x8"], "must be MODULE:FACTORY"),
        (
            ["--torch", "no_such_module_xyz:f", "--input", "3x8x8"],
            "cannot import no_such_module_xyz",
        ),
        (
            ["--torch", "tests.networks.torch_models:nothing", "--input", "3x8x8"],
            "has no nothing",
        ),
        (["--torch", "tests.networks.torch_models:resnet18"], "--torch needs --input"),
        (
            ["--torch", "tests.networks.torch_models:resnet18", "--input", "1x64x64"],
            "cannot run on meta tensors of shape (1, 1, 64, 64) (RuntimeError: ",
        ),
        (
            ["--torch", "tests.networks.torch_models:resnet18", "--input", "3x8"],
            "cannot run on meta tensors of shape (1, 3, 8) (RuntimeError: ",
        ),
        (["--torch", "json:dumps", "--input", "3x8x8"], "dumps() failed (TypeError"),
        (
            ["--torch", "tests.networks.torch_models:FACTORIES", "--input", "3x8x8"],
            "FACTORIES() failed",
        ),
        (["resnet18", "--torch", "m:f"], "not both (a network name and --torch)"),
    ],
)
def test_cli_torch_errors(torch, capsys, argv, message):
    assert main(["network", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def _summed_gradients(torch, output) -> int:
    """Additions autograd makes summing gradients, read off its own graph: a node's
    output slot reached by k edges (k uses of that tensor) sums k gradients, (k - 1) per
    element (the slot's shape from the node's input metadata; a leaf's from its tensor)."""
    import collections
    import math

    edges, seen, stack = collections.Counter(), set(), [output.grad_fn]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for following, slot in node.next_functions:
            if following is not None:
                edges[following, slot] += 1
                stack.append(following)
    total = 0
    for (node, slot), k in edges.items():
        if k > 1:
            leaf = getattr(node, "variable", None)
            shape = leaf.shape if leaf is not None else node._input_metadata[slot].shape
            total += (k - 1) * math.prod(shape)
    return total


@pytest.mark.parametrize("name", MODELS)
def test_forked_gradients_summed_as_autograd_sums_them(read, torch, tm, name):
    """Where a tensor feeds several layers (residual identities), the producing row's
    ``backward.output`` holds autograd's sum of their gradients: equal, in all, to the
    fan-in of autograd's own backward graph; 0 for the plain chains."""
    model, table, _ = read(name)
    shape = tm.FACTORIES[name][1]
    model.train()
    output = model(torch.empty(1, *shape, device="meta"))  # the table's batch
    ours = sum(r.backward.output.adds for r in table.rows if r.backward and r.backward.output)
    assert ours == _summed_gradients(torch, output)
    assert (ours > 0) == (name in ("resnet18", "resnet50", "mobilenet_v2"))
