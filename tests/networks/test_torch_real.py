"""``from_torch(..., device="cpu")``: models whose forward needs tensor values (a
detector's post-processing) read on real CPU tensors; and writes in place into views
(MViT's ``attn[:, :, 1:, 1:] += rel``), whose gradient sums follow autograd's
``CopySlices``.

Oracles: ``FlopCounterMode`` and ``saved_tensors_hooks`` on the same weights and input;
a scalar replay of ``torchvision::nms``'s CPU kernel (its loop, line for line) for the
pairs it examines; autograd's own graph for the gradient sums.  torchvision's detectors
themselves are read in ``test_torchvision_zoo.py``.
"""

import json

import pytest

from derivations.cli import main
from derivations.errors import DerivationError


@pytest.fixture(scope="module")
def proposals(torch):
    from tests.networks.torch_models import proposals

    torch.manual_seed(0)
    return proposals()


def _against_pytorch(torch, model, shape, seed):
    """FlopCounterMode's forward and backward FLOPs and the saved elements of ``model``
    run on from_torch's CPU input (uniform in [0, 1) from ``seed``), in training mode."""
    from torch.utils.flop_counter import FlopCounterMode

    x = torch.rand(1, *shape, generator=torch.Generator().manual_seed(seed))
    saved = [0]

    def pack(t):
        saved[0] += t.numel()
        return t

    model.train()
    with (
        FlopCounterMode(display=False) as forward,
        torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t),
    ):
        y = model(x)
    with FlopCounterMode(display=False) as backward:
        y.sum().backward()
    model.zero_grad(set_to_none=True)
    return forward.get_total_flops(), backward.get_total_flops(), saved[0], tuple(y.shape)


@pytest.mark.parametrize("seed", [0, 1])
def test_data_dependent_model_on_cpu(torch, proposals, seed):
    """On meta it cannot run (one line says what to do); on the CPU every call is a
    counted row, and forward and backward FLOPs and saved elements are PyTorch's on the
    same input; ``nonzero`` tests each score once; the same seed reads the same table."""
    from derivations.networks.torch import from_torch

    with pytest.raises(DerivationError, match=r"cannot run on meta tensors.*--device cpu"):
        from_torch(proposals, (3, 6, 6))
    table = from_torch(proposals, (3, 6, 6), device="cpu", seed=seed)
    assert not table.uncounted
    assert table.totals["params"] == sum(p.numel() for p in proposals.parameters())
    flops, backward, saved, out = _against_pytorch(torch, proposals, (3, 6, 6), seed)
    assert table.totals["flops"] == flops
    assert sum(r.backward.flops for r in table.rows if r.backward) == backward
    assert table.totals["saved"] == saved
    rows = {r.kind: r for r in table.rows}
    assert rows["nonzero"].other == 36 and rows["topk"].output_shape[0] == out[0]
    assert table.rows[-1].output_shape == out  # how many were kept: that input's
    again = from_torch(proposals, (3, 6, 6), device="cpu", seed=seed)
    assert again.rows == table.rows


def test_cpu_read_leaves_the_model_and_random_state_alone(torch):
    """The model's weights are read, never written (a batch norm in training updates
    clones of its running statistics); the caller's random state is untouched."""
    from derivations.networks.torch import from_torch

    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.Dropout(0.5))
    before = {k: v.clone() for k, v in model.state_dict().items()}
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    table = from_torch(model, (3, 8, 8), batch=2, device="cpu", seed=5)
    assert torch.equal(torch.rand(3), expected)
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    meta = from_torch(model, (3, 8, 8), batch=2)
    assert table.rows == meta.rows  # no value-dependent call: the meta read's counts


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"device": "cuda"}, 'device must be "meta" or "cpu", not \'cuda\''),
        ({"device": "cpu", "seed": -1}, "seed must be a non-negative integer, not -1"),
        ({"device": "cpu", "seed": True}, "seed must be a non-negative integer, not True"),
    ],
)
def test_device_and_seed_errors(torch, kwargs, message):
    from derivations.networks.torch import from_torch

    with pytest.raises(DerivationError) as error:
        from_torch(torch.nn.Linear(2, 2), (2,), **kwargs)
    assert str(error.value) == message


def test_cpu_needs_real_weights(torch):
    from derivations.networks.torch import from_torch

    with torch.device("meta"):
        model = torch.nn.Linear(2, 2)
    with pytest.raises(DerivationError, match=r"'weight' is on meta: build the model on the CPU"):
        from_torch(model, (2,), device="cpu")


def test_cli_device_cpu(torch, capsys):
    spec = "tests.networks.torch_models:proposals"
    argv = ["network", "--torch", spec, "--input", "3x6x6", "--json"]
    assert main(argv) == 2
    assert "--device cpu" in capsys.readouterr().err
    assert main([*argv, "--device", "cpu", "--seed", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["network"] == spec and report["input_shape"] == [1, 3, 6, 6]
    kinds = [row["kind"] for row in report["layers"]]
    assert "nonzero" in kinds and "topk" in kinds and not any(k.startswith("?") for k in kinds)
    from derivations.networks.torch import from_torch, load_factory

    model = load_factory(spec, "cpu", 3)
    assert report["totals"] == _totals(from_torch(model, (3, 6, 6), device="cpu", seed=3))
    assert main([*argv, "--device", "cpu", "--seed", "3", "--eval"]) == 0
    evaluated = json.loads(capsys.readouterr().out)
    expected = from_torch(model, (3, 6, 6), train=False, device="cpu", seed=3)
    assert evaluated["totals"] == _totals(expected)


def test_eval_mode_batch_norm_saves_its_running_statistics(torch, capsys):
    """In eval mode a batch norm saves its input, gamma and the running mean and variance
    (3 per channel; training: 5), as saved_tensors_hooks sees, on meta and on the CPU;
    ``network --eval`` reads so."""
    from derivations.networks.torch import from_torch

    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU())
    saved = [0]

    def pack(t):
        saved[0] += t.numel()
        return t

    model.eval()
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(torch.rand(2, 3, 8, 8))
    for device in ("meta", "cpu"):
        table = from_torch(model, (3, 8, 8), 2, train=False, device=device)
        assert table.totals["saved"] == saved[0]
        assert table.rows[1].saved == 2 * 4 * 6 * 6 + 3 * 4
    trained = from_torch(model, (3, 8, 8), 2)
    assert trained.rows[1].saved == 2 * 4 * 6 * 6 + 5 * 4


def _totals(table) -> dict:
    from derivations.networks.report import network_report

    return json.loads(json.dumps(network_report(table)["totals"]))


def _nms_replay(boxes, scores, threshold):
    """torchvision's ``nms_kernel_impl`` (CPU) as a scalar loop: the boxes kept, in its
    order, and the pairs whose overlap it computes."""
    import torch

    order = torch.sort(scores, 0, descending=True)[1].tolist()
    b = boxes.tolist()
    areas = [(x2 - x1) * (y2 - y1) for x1, y1, x2, y2 in b]
    suppressed = [False] * len(b)
    keep, pairs = [], 0
    for _i, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        for j in order[_i + 1 :]:
            if suppressed[j]:
                continue
            pairs += 1
            w = max(0.0, min(b[i][2], b[j][2]) - max(b[i][0], b[j][0]))
            h = max(0.0, min(b[i][3], b[j][3]) - max(b[i][1], b[j][1]))
            inter = w * h
            if inter / (areas[i] + areas[j] - inter) > threshold:
                suppressed[j] = True
    return keep, pairs


@pytest.mark.parametrize("n, threshold", [(1, 0.5), (40, 0.3), (80, 0.5), (120, 0.7), (60, 0.0)])
def test_nms_examined_pairs_replay_the_kernel(torch, n, threshold):
    from derivations.networks.aten import examined_pairs

    g = torch.Generator().manual_seed(n)
    corner = torch.rand(n, 2, generator=g, dtype=torch.float64) * 50
    boxes = torch.cat([corner, corner + 1 + torch.rand(n, 2, generator=g) * 30], 1)
    scores = torch.rand(n, generator=g, dtype=torch.float64)
    keep, pairs = _nms_replay(boxes, scores, threshold)
    assert examined_pairs(boxes, scores, threshold, torch.tensor(keep)) == pairs
    assert pairs > 0 or n == 1


def _views(torch, variant):
    nn = torch.nn

    class Written(nn.Module):
        def __init__(self):
            super().__init__()
            self.a, self.b = nn.Linear(8, 8), nn.Linear(8, 8)

        def forward(self, x):
            a = self.a(x)
            if variant == "add_into_rows":
                a[:, 1:, :] += self.b(x)[:, 1:, :]
                return a
            if variant == "add_into_block":  # MViT's attn[:, :, 1:, 1:] += rel_pos
                a[:, 1:, 1:] += self.b(x)[:, 1:, 1:]
                return a.softmax(-1)
            if variant == "assign":
                a[:, 1:] = self.b(x)[:, 1:] * 2
                return a * 3
            if variant == "into_itself":  # MViT's x[:, :, 1:, :] += shortcut[:, :, 1:, :]
                b = self.b(a)
                b[:, 1:] += a[:, 1:]
                return b + a
            b = a.new_zeros(2, 4, 8)  # into a constant
            b[:, :2] = self.b(a)[:, :2]
            return b * a

    with torch.device("meta"):
        return Written()


@pytest.mark.parametrize(
    "variant", ["add_into_rows", "add_into_block", "assign", "into_itself", "constant"]
)
def test_writes_into_views_sum_gradients_as_autograd(torch, variant):
    """A write in place into a view is recorded by autograd on the view's base
    (``CopySlices``): Python's ``a[i] += t`` is a write into a view of ``a`` and then a
    copy of that view onto itself, so the base's gradient is summed from both (the
    additions autograd really makes, read off its own graph)."""
    from derivations.networks.torch import from_torch
    from tests.networks.test_torch_read import _summed_gradients

    model = _views(torch, variant)
    table = from_torch(model, (4, 8), 2)
    assert not table.uncounted
    y = model.train()(torch.empty(2, 4, 8, device="meta"))
    ours = sum(r.backward.output.adds for r in table.rows if r.backward and r.backward.output)
    assert ours == _summed_gradients(torch, y)
