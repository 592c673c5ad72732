"""The peers' own expected numbers for the operators they share with us, each case with
its parameters and its expected value as the peer's test file writes them:

* fvcore's ``tests/test_flop_count.py`` (facebookresearch/fvcore): its ground truths are
  MACs (fvcore's "flops" count one per multiply-accumulate); ``from_torch`` must give the
  same MACs;
* ptflops' ``tests/common_test.py`` (sovrasov/flops-counter.pytorch) and thop's
  ``tests/test_conv2d.py``, ``test_matmul.py``, ``test_relu.py``
  (Lyken17/pytorch-OpCounter): table-driven below (:data:`PEER_CASES`), each peer's
  convention stated in :data:`CONVENTIONS` and translated from our columns by
  :func:`in_convention`, where we differ deliberately said so.
"""

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


# -- ptflops and thop ---------------------------------------------------------------------
CONVENTIONS = {
    "ptflops": (
        "MACs; a bias costs one more per output element (convolution, linear: 'bias_flops'); "
        "activations, pooling, norms and upsampling also count one (norms two) per element "
        "as MACs. Ours keep MACs to convolution and linear layers without the bias "
        "(torch.utils.flop_counter's and fvcore's convention) and count the rest in "
        "mults, adds and other: deliberately different there"
    ),
    "thop": (
        "MACs of convolution and linear layers, the bias not counted (a Conv2d with and "
        "without bias: the same 810,000); a ReLU 0. Ours the same (a ReLU's comparison "
        "is ours in other, not MACs)"
    ),
}


def in_convention(peer: str, table, bias: bool) -> int:
    """Our table's count in ``peer``'s convention (:data:`CONVENTIONS`)."""
    macs = table.totals["macs"]
    if peer == "ptflops" and bias:  # one more per output element of a biased layer
        return macs + sum(r.activations for r in table.rows if r.macs)
    return macs


def _interpolate(torch):
    class Up(torch.nn.Module):  # ptflops' test_func_interpolate_args
        def forward(self, x):
            return torch.nn.functional.interpolate(
                input=x, size=(20, 20), mode="bilinear", align_corners=False
            )

    return Up()


def _draws(seed: int, count: int, low: int, high: int, n: int) -> list[list[int]]:
    import random

    rng = random.Random(seed)
    return [[rng.randrange(low, high) for _ in range(n)] for _ in range(count)]


def _thop_random_convs():
    """thop's test_conv2d_random (its draws from a seeded generator here): out_c, kh, kw,
    n, in_c, ih, iw in 1..19, the input grown by the kernel, stride, padding, dilation and
    groups 1; expected n out_c oh ow / g in_c kh kw."""
    cases = []
    for out_c, kh, kw, n, c, ih, iw in _draws(23, 10, 1, 20, 7):
        ih, iw = ih + kh, iw + kw
        oh, ow = ih + 2 - kh + 1, iw + 2 - kw + 1
        cases.append(
            (
                "thop",
                f"conv2d_random {n}x{c}x{ih}x{iw} k{kh}x{kw} -> {out_c}",
                lambda nn, c=c, out_c=out_c, kh=kh, kw=kw: nn.Conv2d(
                    c, out_c, (kh, kw), stride=1, padding=1, dilation=1, groups=1, bias=False
                ),
                (c, ih, iw),
                n,
                False,
                n * out_c * oh * ow // 1 * c * kh * kw,
                None,
            )
        )
    return cases


def _thop_random_linears():
    """thop's test_matmul_case2: n, in_c, out_c in 1..499; expected n in_c out_c."""
    return [
        (
            "thop",
            f"linear_random {n}x{i} -> {o}",
            lambda nn, i=i, o=o: nn.Linear(i, o),
            (i,),
            n,
            True,
            n * i * o,
            None,
        )
        for n, i, o in _draws(24, 10, 1, 500, 3)
    ]


# (peer, case, model factory, per-sample input, batch, bias, expected, expected params)
PEER_CASES = [
    ("ptflops", "test_conv", lambda nn: nn.Sequential(nn.Conv2d(3, 2, 3, bias=True)),
     (3, 224, 224), 1, True, 2759904, 3 * 3 * 2 * 3 + 2),
    ("ptflops", "test_fc", lambda nn: nn.Sequential(nn.Linear(3, 2, bias=True)),
     (3,), 1, True, 8, 3 * 2 + 2),
    ("ptflops", "test_fc_multidim", lambda nn: nn.Sequential(nn.Linear(3, 2, bias=True)),
     (4, 5, 3), 1, True, (3 * 2 + 2) * 4 * 5, 3 * 2 + 2),
    ("thop", "test_conv2d_no_bias",
     lambda nn: nn.Conv2d(3, 12, (5, 5), stride=1, padding=1, bias=False),
     (3, 32, 32), 1, False, 810000, None),
    ("thop", "test_conv2d", lambda nn: nn.Conv2d(3, 12, (5, 5), stride=1, padding=1, bias=True),
     (3, 32, 32), 1, True, 810000, None),
    ("thop", "test_matmul_case2", lambda nn: nn.Linear(100, 200), (100,), 1, True,
     1 * 100 * 200, None),
    ("thop", "test_relu", lambda nn: nn.ReLU(), (100,), 1, False, 0, None),
    *_thop_random_convs(),
    *_thop_random_linears(),
]  # fmt: skip


@pytest.mark.parametrize(
    "peer, case, make, shape, batch, bias, expected, params",
    PEER_CASES,
    ids=[f"{c[0]}-{c[1]}" for c in PEER_CASES],
)
def test_ptflops_and_thop(torch, peer, case, make, shape, batch, bias, expected, params):
    from derivations.networks.torch import from_torch

    table = from_torch(make(torch.nn), shape, batch)
    assert not table.uncounted
    assert in_convention(peer, table, bias) == expected, CONVENTIONS[peer]
    if params is not None:
        assert table.totals["params"] == params


def test_ptflops_interpolate_differs_deliberately(torch):
    """ptflops' test_func_interpolate_args: bilinear upsampling has MACs > 0 and no
    parameters there; ours has no parameters and 0 MACs (MACs are convolution and linear
    layers' only), its work in mults and adds: 4 products and 3 additions per output
    element."""
    from derivations.networks.torch import from_torch

    [row] = from_torch(_interpolate(torch), (3, 10, 10)).rows
    assert row.params == 0 and row.macs == 0
    assert (row.mults, row.adds) == (4 * 3 * 20 * 20, 3 * 3 * 20 * 20)
