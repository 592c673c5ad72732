"""Network totals against published figures and hand-computed layers.

Oracles: torchvision's published parameter counts and multiply-adds (the issue's table:
parameters exactly, MACs to the digits shown), the book's LeNet parameter count, and
per-layer figures worked out by hand below (not from our closed forms).
"""

import pytest

from derivations.networks import model_network, parse_network, tabulate
from derivations.networks.models import BOOK_VGG11_ARCH, classifier, simple, vgg_blocks

# model, parameters, MACs in G, digits shown
PUBLISHED = [
    ("alexnet", 61_100_840, "0.714", 3),
    ("vgg16", 138_357_544, "15.47", 2),
    ("resnet18", 11_689_512, "1.814", 3),
    ("resnet50", 25_557_032, "4.089", 3),
]


@pytest.mark.parametrize("name, params, gmacs, digits", PUBLISHED)
def test_torchvision_totals(name, params, gmacs, digits):
    totals = tabulate(model_network(name)).totals
    assert totals["params"] == params
    assert f"{totals['macs'] / 1e9:.{digits}f}" == gmacs
    assert totals["flops"] == 2 * totals["macs"]


def test_book_vgg11_with_imagenet_head_is_torchvision_vgg11():
    """The book's conv_arch with 3 input channels, torchvision's adaptive pool and a
    1000-class head is torchvision's vgg11: 132,863,336 parameters, 7.61 G MACs."""
    rows = (
        vgg_blocks(BOOK_VGG11_ARCH)
        + [simple("avgpool", "adaptive_avgpool", out=7), simple("flatten", "flatten")]
        + classifier("classifier", 512 * 7 * 7, 4096, 1000)
    )
    totals = tabulate(parse_network(rows, (3, 224, 224))).totals
    assert totals["params"] == 132_863_336
    assert f"{totals['macs'] / 1e9:.2f}" == "7.61"


def test_lenet_parameters_match_the_book():
    # conv 6*25+6, conv 16*6*25+16, 400*120+120, 120*84+84, 84*10+10
    assert tabulate(model_network("lenet")).totals["params"] == 61_706


# (model, layer, output shape, params, MACs), each computed by hand
HAND = [
    ("lenet", "0", (1, 6, 28, 28), 6 * 25 + 6, 6 * 25 * 28 * 28),
    ("lenet", "3", (1, 16, 10, 10), 16 * 6 * 25 + 16, 16 * 6 * 25 * 10 * 10),
    ("lenet", "5", (1, 16, 5, 5), 0, 0),
    ("alexnet", "features.0", (1, 64, 55, 55), 64 * 3 * 121 + 64, 64 * 3 * 121 * 55 * 55),
    ("alexnet", "features.3", (1, 192, 27, 27), 192 * 64 * 25 + 192, 192 * 64 * 25 * 27 * 27),
    ("alexnet", "classifier.1", (1, 4096), 9216 * 4096 + 4096, 9216 * 4096),
    ("alexnet-book", "0", (1, 96, 54, 54), 96 * 121 + 96, 96 * 121 * 54 * 54),
    ("alexnet-book", "14", (1, 4096), 6400 * 4096 + 4096, 6400 * 4096),
    ("vgg16", "features.28", (1, 512, 14, 14), 512 * 512 * 9 + 512, 512 * 512 * 9 * 14 * 14),
    ("vgg16", "classifier.0", (1, 4096), 25088 * 4096 + 4096, 25088 * 4096),
    ("vgg11", "0.0", (1, 64, 224, 224), 64 * 9 + 64, 64 * 9 * 224 * 224),
    ("vgg11", "12", (1, 10), 4096 * 10 + 10, 4096 * 10),
    ("nin", "0.0", (1, 96, 54, 54), 96 * 121 + 96, 96 * 121 * 54 * 54),
    ("nin", "7.4", (1, 10, 5, 5), 10 * 10 + 10, 10 * 10 * 25),
    ("googlenet", "b3.0", (1, 256, 28, 28), 0, 0),
    ("googlenet", "b3.0.b3_2", (1, 32, 28, 28), 32 * 16 * 25 + 32, 32 * 16 * 25 * 28 * 28),
    ("googlenet", "b5.1", (1, 1024, 7, 7), 0, 0),
    ("resnet18", "conv1", (1, 64, 112, 112), 64 * 3 * 49, 64 * 3 * 49 * 112 * 112),
    ("resnet18", "layer2.0.downsample.0", (1, 128, 28, 28), 128 * 64, 128 * 64 * 28 * 28),
    ("resnet50", "layer3.0.conv2", (1, 256, 14, 14), 256 * 256 * 9, 256 * 256 * 9 * 14 * 14),
    ("resnet50", "layer4.2.conv3", (1, 2048, 7, 7), 2048 * 512, 2048 * 512 * 49),
    ("resnet50", "layer1.0.bn3", (1, 256, 56, 56), 2 * 256, 0),
    ("resnet50", "fc", (1, 1000), 2048 * 1000 + 1000, 2048 * 1000),
]


@pytest.mark.parametrize("model, layer, shape, params, macs", HAND)
def test_layer_by_hand(model, layer, shape, params, macs):
    row = {r.name: r for r in tabulate(model_network(model)).rows}[layer]
    assert (row.output_shape, row.params, row.macs, row.flops) == (shape, params, macs, 2 * macs)


@pytest.mark.parametrize("batch", [1, 2, 5])
def test_batch_scales_computation_not_parameters(batch):
    one, many = (tabulate(model_network("resnet18"), b).totals for b in (1, batch))
    assert many["params"] == one["params"]
    for key in ("macs", "flops", "ops", "activations"):
        assert many[key] == batch * one[key]


def test_input_size_changes_spatial_layers_only():
    """At 448 (twice 224) every conv before the global pool costs 4 times as much."""
    small, large = (tabulate(model_network("resnet18", size)) for size in (224, 448))
    for a, b in zip(small.rows, large.rows):
        assert a.params == b.params
        if a.kind == "conv":
            assert b.macs == 4 * a.macs
    assert large.rows[-1].macs == small.rows[-1].macs == 512 * 1000
