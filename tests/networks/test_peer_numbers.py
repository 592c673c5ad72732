"""The peers' own expected numbers for the operators they share with us: fvcore's
``tests/test_flop_count.py`` (facebookresearch/fvcore), whose ground truths are MACs
(fvcore's "flops" count one per multiply-accumulate).  Each case is fvcore's, with its
parameters and its expected value as that file writes them; ``from_torch`` must give
the same MACs."""

import pytest


def _conv_case(dims, batch, c_in, c_out, spatial, kernel, padding, stride, groups, **kw):
    """fvcore's ``_test_conv``: gt = batch c_in c_out k^d s^d / groups, s the output size
    (the input size for a transposed convolution, whose MACs run over input positions)."""
    transpose = kw.get("transpose", False)
    size = spatial if transpose else ((spatial + 2 * padding) - kernel) // stride + 1
    gt = batch * c_in * c_out * kernel**dims * size**dims // groups
    return dims, batch, c_in, c_out, spatial, kernel, padding, stride, groups, kw, gt


CONVS = [  # fvcore test_conv's nine cases
    _conv_case(2, 5, 10, 3, 15, 3, 1, 1, 1),
    _conv_case(2, 2, 10, 6, 20, 3, 1, 2, 1),
    _conv_case(2, 5, 16, 8, 15, 5, 2, 1, 4),
    _conv_case(2, 5, 16, 8, 15, 3, 1, 1, 8),
    _conv_case(1, 5, 10, 3, 15, 3, 1, 1, 1),
    _conv_case(3, 5, 10, 3, 15, 3, 1, 1, 1),
    _conv_case(2, 5, 10, 3, 15, 3, 1, 1, 1, transpose=True),
    _conv_case(2, 5, 10, 3, 15, 3, 1, 2, 1, transpose=True),
    _conv_case(2, 5, 10, 3, 15, 3, 1, 3, 1, transpose=True, output_padding=2),
]


@pytest.mark.parametrize("case", CONVS)
def test_fvcore_conv(torch, case):
    from derivations.networks.torch import from_torch

    dims, batch, c_in, c_out, spatial, kernel, padding, stride, groups, kw, gt = case
    transpose = kw.get("transpose", False)
    cls = getattr(torch.nn, f"{'ConvTranspose' if transpose else 'Conv'}{dims}d")
    extra = {"output_padding": kw["output_padding"]} if "output_padding" in kw else {}
    conv = cls(c_in, c_out, kernel, stride, padding, groups=groups, device="meta", **extra)
    table = from_torch(conv, (c_in, *(spatial,) * dims), batch)
    assert table.totals["macs"] == gt


def _two(torch, fn, other_shape):
    """A model of one input whose second operand is a constant made in ``forward``."""

    class Two(torch.nn.Module):
        def forward(self, x):
            return fn(x, torch.empty(other_shape, device=x.device))

    return Two()


PRODUCTS = [  # fvcore's test_linear, test_matmul(_broadcast), test_bmm, test_einsum, handles
    ("matmul", lambda t: t.matmul, (20, 10), (10, 100), 20 * 10 * 100),
    ("matmul 1", lambda t: t.matmul, (1, 20, 10), (1, 10, 100), 20 * 10 * 100),
    ("matmul 2x2", lambda t: t.matmul, (2, 2, 20, 10), (2, 2, 10, 100), 4 * 20 * 10 * 100),
    ("matmul bcast 1", lambda t: t.matmul, (1, 20, 10), (10, 100), 20 * 10 * 100),
    ("matmul bcast 2", lambda t: t.matmul, (2, 20, 10), (10, 100), 2 * 20 * 10 * 100),
    ("bmm", lambda t: t.bmm, (2, 5, 2), (2, 2, 12), 2 * 2 * 12 * 5),
    (
        "einsum nct,ncp->ntp",
        lambda t: lambda x, y: t.einsum("nct,ncp->ntp", x, y),
        (1, 5, 2),
        (1, 5, 12),
        1 * 2 * 12 * 5,
    ),
    (
        "einsum ntg,ncg->nct",
        lambda t: lambda x, y: t.einsum("ntg,ncg->nct", x, y),
        (1, 2, 6),
        (1, 5, 6),
        1 * 2 * 6 * 5,
    ),
    (
        "einsum nc,nchw->hw",
        lambda t: lambda x, y: t.einsum("nc,nchw->hw", x, y),
        (3, 4),
        (3, 4, 2, 3),
        72,
    ),
    ("mm", lambda t: t.mm, (3, 4), (4, 5), 60),
]


@pytest.mark.parametrize("name, make, x_shape, y_shape, gt", PRODUCTS, ids=[p[0] for p in PRODUCTS])
def test_fvcore_products(torch, name, make, x_shape, y_shape, gt):
    from derivations.networks.torch import from_torch

    table = from_torch(_two(torch, make(torch), y_shape), x_shape[1:], x_shape[0])
    assert not table.uncounted
    assert table.totals["macs"] == gt


def test_fvcore_linear_and_three_net(torch):
    """test_linear (5 x 10 -> 20) and test_threeNet's convolution and linear layers."""
    from derivations.networks.torch import from_torch

    nn = torch.nn
    assert from_torch(nn.Linear(10, 20), (10,), 5).totals["macs"] == 5 * 10 * 20
    three = nn.Sequential(
        nn.Conv2d(2, 5, 1, 1), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(1), nn.Linear(5, 3)
    )
    three.append(nn.Linear(3, 1))
    table = from_torch(three, (2, 10, 10), 4)
    conv, linear1, linear2 = 4 * 5 * 2 * 10 * 10, 4 * 5 * 3, 4 * 3 * 1
    assert table.totals["macs"] == conv + linear1 + linear2


def test_fvcore_bilinear_upsample(torch):
    """fvcore's upsample handle: 4 per output element (2 ** 4 * 4 * 4 for a (2, 2, 2, 2)
    input doubled): our bilinear multiplications."""
    from derivations.networks.torch import from_torch

    class Up(torch.nn.Module):
        def forward(self, x):
            return torch.nn.functional.interpolate(x, None, 2, "bilinear", False)

    [row] = from_torch(Up(), (2, 2, 2), 2).rows
    assert row.mults == 2**4 * 4 * 4
