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
gradients equal to autograd's own graph's (models with one output; MViT's in-place
additions into views of its attention included).

The detection models cannot run on meta tensors (their post-processing calls
``torch.nonzero`` and non-maximum suppression, whose outputs depend on the values: no
meta kernel, for ``FlopCounterMode`` either): they are read with ``device="cpu"``, in
eval mode (in training they need targets and return losses), at batch 1, on their
weights as torchvision initializes them under ``torch.manual_seed(0)`` and
``from_torch``'s input (uniform in [0, 1) from seed 0), and held against
``FlopCounterMode`` and ``saved_tensors_hooks`` on the same weights and input: the
counts of that input (how many boxes survive is the values' doing).  Every other model
is built on the meta device (RegNets' widths computed on the CPU as they are built, so
``regnet_y_128gf``'s 644 M parameters are never allocated).  The optical-flow
models take two images: read through a wrapper splitting a 6-channel input, with 2 flow
updates.
"""

from __future__ import annotations

import contextlib
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
    "detection": (3, 224, 224),  # each resizes it to its own size (800, 320, 300, ...)
}
ON_REAL = {"detection"}  # read on CPU tensors (device="cpu"), in eval mode, at batch 1
SHAPES = {  # models needing another input
    "inception_v3": (3, 299, 299),
    "s3d": (3, 16, 224, 224),
    "mvit_v1_b": (3, 16, 224, 224),
    "mvit_v2_s": (3, 16, 224, 224),
}
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
    "fasterrcnn_mobilenet_v3_large_320_fpn",
    "ssdlite320_mobilenet_v3_large",
    "fcos_resnet50_fpn",
    "maskrcnn_resnet50_fpn",
    "keypointrcnn_resnet50_fpn",
]
BATCH = 2  # batch norm in training needs more than one value per channel


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
        "detection": models.detection,
    }
    found = [
        (name, group)
        for group, module in modules.items()
        for name in models.list_models(module=module)
    ]
    if ZOO == "all":
        return found
    return [(name, group) for name, group in found if name in SAMPLE]


def _build(torch, name: str, group: str):
    from torchvision import models

    kwargs = {"weights_backbone": None} if group in ("segmentation", "detection") else {}
    if group in ON_REAL:
        torch.manual_seed(0)
        return models.get_model(name, weights=None, **kwargs)
    with torch.device("meta"), _regnet_widths_on_cpu(torch):
        model = models.get_model(name, weights=None, **kwargs)
    if group == "optical_flow":
        model = _Pair(torch, model)
    return model


@contextlib.contextmanager
def _regnet_widths_on_cpu(torch):
    """RegNets compute their stages' widths with torch tensors as they are built (then
    read them as numbers, which meta tensors cannot give): that computation runs on the
    CPU, the model itself on meta (``regnet_y_128gf``'s 644 M parameters are never
    allocated)."""
    from torchvision.models import regnet

    original = regnet.BlockParams.__dict__["from_init_params"]

    def on_cpu(cls, *args, **kwargs):
        with torch.device("cpu"):
            return original.__func__(cls, *args, **kwargs)

    regnet.BlockParams.from_init_params = classmethod(on_cpu)
    try:
        yield
    finally:
        regnet.BlockParams.from_init_params = original


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


def _measure(torch, model, shape, real: bool = False):
    """FlopCounterMode's forward and backward FLOPs per family, the elements
    ``saved_tensors_hooks`` sees, and the outputs: on meta in training at BATCH, or
    (``real``) on from_torch's CPU input (seed 0) in eval mode at batch 1."""
    from torch.utils.flop_counter import FlopCounterMode

    model.train(not real)
    saved = [0]

    def pack(t):
        saved[0] += t.numel()
        return t

    if real:
        x = torch.rand(1, *shape, generator=torch.Generator().manual_seed(0))
    else:
        x = torch.empty(BATCH, *shape, device="meta")
    if not real and any(p.device.type != "meta" for p in model.parameters()):
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
    real = group in ON_REAL
    if real:
        table = from_torch(model, shape, 1, train=False, device="cpu", seed=0)
    else:
        table = from_torch(model, shape, BATCH)
    assert not table.uncounted, sorted({r.kind for r in table.uncounted})
    assert table.totals["params"] == sum(p.numel() for p in model.parameters())
    forward, backward, saved, outputs = _measure(torch, model, shape, real)
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
            # PyTorch's g-fold weight gradient
            if grouped_overcount and groups > 1 and row.backward.weight:
                ours_backward[family] += 2 * (groups - 1) * row.backward.weight.mults
    assert ours_forward == forward
    assert ours_backward == backward
    assert table.totals["saved"] == saved
    if len(outputs) == 1:  # RAFT's flows feed the loss too, a detector's boxes and scores
        summed = sum(r.backward.output.adds for r in table.rows if r.backward and r.backward.output)
        assert summed == _summed_gradients(torch, outputs[0])
