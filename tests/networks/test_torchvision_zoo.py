"""torchvision's model zoo read by ``from_torch``, held against PyTorch itself.

Runs in the zoo's own environment (torch 2.14.1, torchvision 0.29.1: the project's torch
pin cannot load torchvision), made by ``.ci/torchvision-env DIR``; ``.ci/run`` runs it
with ``DERIVATIONS_ZOO=1`` on :data:`SAMPLE` (one model per architecture family, every
operator the zoo uses; about 10 minutes), ``DERIVATIONS_ZOO=all`` on every model of
:data:`GROUPS`.  Elsewhere it is skipped (torchvision is not a dependency).

Per model, in training mode, on meta tensors: parameters ``sum(p.numel())`` and no
``?`` row; forward FLOPs per operator family (convolutions; matrix products) equal to
``FlopCounterMode``'s; backward FLOPs per family equal to ``FlopCounterMode``'s over
``backward()`` (PyTorch's g-fold grouped weight gradient named where it still
over-counts); saved elements equal to what ``saved_tensors_hooks`` sees; the summed
gradients equal to autograd's own graph's (models with one output; not yet for
:data:`SUMS_UNCHECKED`).

Not run on meta, so not here: the detection models (their post-processing calls
``torch.nonzero``, whose output size depends on the values: no meta kernel, for
``FlopCounterMode`` either).  RegNets compute their widths with torch at construction,
so they are built on the CPU (weights allocated); ``regnet_y_128gf`` (644 M parameters,
2.6 GB) is left out for memory.  The optical-flow models take two images: read through
a wrapper splitting a 6-channel input, with 2 flow updates.
"""

from __future__ import annotations

import os

import pytest

ZOO = os.environ.get("DERIVATIONS_ZOO", "")
pytestmark = pytest.mark.skipif(
    ZOO not in ("1", "all"),
    reason="the model zoo runs in its own environment (.ci/torchvision-env, DERIVATIONS_ZOO=1)",
)

GROUPS = {  # torchvision module -> per-sample input shape
    "classification": (3, 224, 224),
    "segmentation": (3, 224, 224),
    "video": (3, 16, 112, 112),
    "optical_flow": (6, 128, 128),
}
SHAPES = {  # models needing another input
    "inception_v3": (3, 299, 299),
    "s3d": (3, 16, 224, 224),
    "mvit_v1_b": (3, 16, 224, 224),
    "mvit_v2_s": (3, 16, 224, 224),
}
ON_CPU = ("regnet_",)  # built on the CPU: their widths are computed with torch
LEFT_OUT = {"regnet_y_128gf": "644 M parameters: 2.6 GB to allocate on the CPU"}
SAMPLE = [
    "alexnet",
    "convnext_tiny",
    "densenet121",
    "efficientnet_b0",
    "efficientnet_v2_s",
    "googlenet",
    "inception_v3",
    "maxvit_t",
    "mnasnet0_5",
    "mobilenet_v2",
    "mobilenet_v3_small",
    "regnet_x_400mf",
    "regnet_y_400mf",
    "resnet18",
    "resnext50_32x4d",
    "shufflenet_v2_x0_5",
    "squeezenet1_0",
    "swin_t",
    "swin_v2_t",
    "vgg11_bn",
    "vit_b_32",
    "fcn_resnet50",
    "deeplabv3_mobilenet_v3_large",
    "lraspp_mobilenet_v3_large",
    "r3d_18",
    "r2plus1d_18",
    "s3d",
    "mvit_v2_s",
    "swin3d_t",
    "raft_small",
]
BATCH = 2  # batch norm in training needs more than one value per channel
SUMS_UNCHECKED = {  # summed gradients not held against autograd's graph, and why
    "mvit_v2_s": "in-place additions into views of the attention (its relative positions) "
    "route gradients through autograd's CopySlices: ours are 275,856,000 additions, its "
    "graph's 450,263,922 (not yet read)",
}


def _models() -> list[tuple[str, str]]:
    try:
        from torchvision import models
    except ImportError:
        return [(name, "") for name in SAMPLE]  # collected, then skipped
    modules = {
        "classification": models,
        "segmentation": models.segmentation,
        "video": models.video,
        "optical_flow": models.optical_flow,
    }
    found = [
        (name, group)
        for group, module in modules.items()
        for name in models.list_models(module=module)
        if name not in LEFT_OUT
    ]
    if ZOO == "all":
        return found
    return [(name, group) for name, group in found if name in SAMPLE]


def _build(torch, name: str, group: str):
    from torchvision import models

    kwargs = {"weights_backbone": None} if group == "segmentation" else {}
    if name.startswith(ON_CPU):
        model = models.get_model(name, weights=None, **kwargs)
    else:
        with torch.device("meta"):
            model = models.get_model(name, weights=None, **kwargs)
    if group == "optical_flow":
        model = _Pair(torch, model)
    return model


def _Pair(torch, flow):
    class Pair(torch.nn.Module):
        """Two images as one 6-channel input."""

        def __init__(self):
            super().__init__()
            self.flow = flow

        def forward(self, x):
            return self.flow(x[:, :3], x[:, 3:], num_flow_updates=2)

    return Pair()


FAMILIES = {  # FlopCounterMode's operators -> our rows' kinds, per family
    "convolution": {"convolution", "convolution_backward"},
    "matmul": {"mm", "addmm", "bmm", "baddbmm"},
}


def _family(kind: str) -> str | None:
    if kind.startswith("conv"):
        return "convolution"
    if kind in ("linear", "matmul"):
        return "matmul"
    return None


def _tensors(torch, value) -> list:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _tensors(torch, v)]
    return []


def _per_family(counts: dict) -> dict:
    out = dict.fromkeys(FAMILIES, 0)
    for op, flops in counts.items():
        name = str(op).removeprefix("aten.").split(".")[0]
        family = next((f for f, ops in FAMILIES.items() if name in ops), None)
        assert family is not None, f"FlopCounterMode counted {op}: not a family here"
        out[family] += flops
    return out


def _measure(torch, model, shape):
    from torch.utils.flop_counter import FlopCounterMode

    model.train()
    saved = [0]

    def pack(t):
        saved[0] += t.numel()
        return t

    x = torch.empty(BATCH, *shape, device="meta")
    if any(p.device.type != "meta" for p in model.parameters()):
        model = model.to("meta")
    with (
        FlopCounterMode(display=False) as forward,
        torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t),
    ):
        y = model(x)
    outputs = [t for t in _tensors(torch, y) if t.requires_grad]
    loss = sum(t.sum() for t in outputs)
    with FlopCounterMode(display=False) as backward:
        loss.backward()
    return (
        _per_family(forward.get_flop_counts()["Global"]),
        _per_family(backward.get_flop_counts()["Global"]),
        saved[0],
        outputs,
    )


@pytest.fixture(scope="module")
def grouped_overcount(torch) -> bool:
    """Whether this PyTorch counts a grouped convolution's weight gradient g times."""
    from torch.utils.flop_counter import FlopCounterMode

    from derivations.networks.torch import from_torch

    conv = torch.nn.Conv2d(4, 4, 3, groups=2, device="meta")
    [row] = from_torch(conv, (4, 6, 6)).rows
    y = conv(torch.empty(1, 4, 6, 6, device="meta"))
    with FlopCounterMode(display=False) as counter:
        y.sum().backward()
    assert counter.get_total_flops() in (row.backward.flops, 2 * row.backward.flops)
    return counter.get_total_flops() != row.backward.flops


@pytest.mark.parametrize("name, group", _models())
def test_zoo_model(torch, grouped_overcount, name, group):
    from derivations.networks.torch import from_torch
    from tests.networks.test_torch_read import _summed_gradients

    model = _build(torch, name, group)
    shape = SHAPES.get(name, GROUPS[group])
    table = from_torch(model, shape, BATCH)
    assert not table.uncounted, sorted({r.kind for r in table.uncounted})
    assert table.totals["params"] == sum(p.numel() for p in model.parameters())
    forward, backward, saved, outputs = _measure(torch, model, shape)
    ours_forward = dict.fromkeys(FAMILIES, 0)
    ours_backward = dict.fromkeys(FAMILIES, 0)
    modules = dict(model.named_modules())
    for row in table.rows:
        family = _family(row.kind)
        if family is None:
            assert row.flops == 0 and (row.backward is None or row.backward.flops == 0)
            continue
        ours_forward[family] += row.flops
        if row.backward is not None:
            ours_backward[family] += row.backward.flops
            module = modules.get(row.name.split(":")[0])
            groups = getattr(module, "groups", 1) if family == "convolution" else 1
            if grouped_overcount and groups > 1:  # PyTorch's g-fold weight gradient
                ours_backward[family] += 2 * (groups - 1) * row.backward.weight.mults
    assert ours_forward == forward
    assert ours_backward == backward
    assert table.totals["saved"] == saved
    if len(outputs) == 1 and name not in SUMS_UNCHECKED:  # RAFT's flows feed the loss too
        summed = sum(r.backward.output.adds for r in table.rows if r.backward and r.backward.output)
        assert summed == _summed_gradients(torch, outputs[0])
