"""The book's CNNs (and torchvision's, whose published figures are the oracle) as plain
layer lists.

Each builder returns the rows a user could have written in a JSON file; the helpers
(``conv``, ``vgg_blocks``, ``bottleneck``...) only save typing.  Layer names are the
source's module paths, so a row can be compared with the module it stands for:
torchvision's (``features.0``, ``layer1.0.conv1``) for its models; for the book's, the
indices of d2l's (PyTorch) ``nn.Sequential`` (``net = nn.Sequential(...)``: ``0``, ``1``;
a block inside it, as VGG's ``vgg_block`` and NiN's ``nin_block``: ``0.0``), and for
GoogLeNet and ResNet-18 their blocks ``b1`` ... ``b5`` with the attributes of
``Inception`` (the English edition's ``b3.0.b2_2``; the Chinese edition calls them
``p2_2``) and ``Residual`` (``b3.0.conv1``), and ResNet's head ``last``; a functional
ReLU, which has no module, is named after the layer it follows.

Sources: d2l.ai (PyTorch edition) chapters "LeNet", "AlexNet", "VGG", "NiN", "GoogLeNet";
torchvision ``alexnet``, ``vgg16``, ``resnet18``, ``resnet50`` (ResNet v1.5: the stride sits
on the 3x3 convolution of a bottleneck).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from derivations.errors import DerivationError

__all__ = ["BOOK_VGG11_ARCH", "MODELS", "Model", "get_model"]


@dataclass(frozen=True)
class Model:
    name: str
    title: str
    source: str
    input: tuple[int, int, int]  # channels, height, width the source uses
    build: Callable[[], list]


# --- row helpers ------------------------------------------------------------------------
def conv(name, out, kernel, stride=1, padding=0, bias=True, **extra):
    row = {"name": name, "kind": "conv", "out": out, "kernel": kernel}
    for key, value, default in (("stride", stride, 1), ("padding", padding, 0)):
        if value != default:
            row[key] = value
    if not bias:
        row["bias"] = False
    return {**row, **extra}


def linear(name, out, features=None):
    row = {"name": name, "kind": "linear", "out": out}
    return row if features is None else {**row, "in": features}


def simple(name, kind, **fields):
    return {"name": name, "kind": kind, **fields}


def pool(name, kind, kernel, stride=None, padding=0, **extra):
    row = {"name": name, "kind": kind, "kernel": kernel}
    if stride is not None:
        row["stride"] = stride
    if padding:
        row["padding"] = padding
    return {**row, **extra}


def classifier(prefix, features, hidden, classes, first=0):
    """Linear-ReLU-Dropout twice, then the output layer (AlexNet's and VGG's head), named
    ``prefix.i`` from ``i = first`` (bare indices without a prefix)."""
    i = first
    rows = []

    def name(j):
        return str(j) if prefix is None else f"{prefix}.{j}"

    for width in (hidden, hidden):
        rows += [
            linear(name(i), width, features),
            simple(name(i + 1), "relu"),
            simple(name(i + 2), "dropout"),
        ]
        features, i = width, i + 3
    return rows + [linear(name(i), classes, features)]


# --- LeNet (d2l: 28x28 Fashion-MNIST, sigmoid, average pooling) ------------------------
def lenet():
    return [
        conv("0", 6, 5, padding=2),
        simple("1", "sigmoid"),
        pool("2", "avgpool", 2, 2),
        conv("3", 16, 5),
        simple("4", "sigmoid"),
        pool("5", "avgpool", 2, 2),
        simple("6", "flatten"),
        linear("7", 120, 16 * 5 * 5),
        simple("8", "sigmoid"),
        linear("9", 84, 120),
        simple("10", "sigmoid"),
        linear("11", 10, 84),
    ]


# --- AlexNet ------------------------------------------------------------------------------
def alexnet_torchvision():
    rows = [
        conv("features.0", 64, 11, 4, 2),
        simple("features.1", "relu"),
        pool("features.2", "maxpool", 3, 2),
        conv("features.3", 192, 5, padding=2),
        simple("features.4", "relu"),
        pool("features.5", "maxpool", 3, 2),
    ]
    for i, out in zip((6, 8, 10), (384, 256, 256)):
        rows += [conv(f"features.{i}", out, 3, padding=1), simple(f"features.{i + 1}", "relu")]
    rows += [
        pool("features.12", "maxpool", 3, 2),
        simple("avgpool", "adaptive_avgpool", out=6),
        simple("flatten", "flatten"),
    ]
    # torchvision: Dropout, Linear, ReLU, Dropout, Linear, ReLU, Linear
    return rows + [
        simple("classifier.0", "dropout"),
        linear("classifier.1", 4096, 256 * 6 * 6),
        simple("classifier.2", "relu"),
        simple("classifier.3", "dropout"),
        linear("classifier.4", 4096, 4096),
        simple("classifier.5", "relu"),
        linear("classifier.6", 1000, 4096),
    ]


def alexnet_book():
    rows = [
        conv("0", 96, 11, 4, 1),
        simple("1", "relu"),
        pool("2", "maxpool", 3, 2),
        conv("3", 256, 5, padding=2),
        simple("4", "relu"),
        pool("5", "maxpool", 3, 2),
    ]
    for i, out in zip((6, 8, 10), (384, 384, 256)):
        rows += [conv(str(i), out, 3, padding=1), simple(str(i + 1), "relu")]
    rows += [pool("12", "maxpool", 3, 2), simple("13", "flatten")]
    return rows + classifier(None, 6400, 4096, 10, first=14)  # d2l: one nn.Sequential


# --- VGG ------------------------------------------------------------------------------
# the book's conv_arch: (number of 3x3 convolutions, output channels) per block
BOOK_VGG11_ARCH = ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))
VGG16_ARCH = ((2, 64), (2, 128), (3, 256), (3, 512), (3, 512))


def vgg_blocks(arch, prefix="features"):
    """torchvision's ``features``: every block's layers in one ``nn.Sequential``."""
    rows, i = [], 0
    for convs, out in arch:
        for _ in range(convs):
            rows += [conv(f"{prefix}.{i}", out, 3, padding=1), simple(f"{prefix}.{i + 1}", "relu")]
            i += 2
        rows.append(pool(f"{prefix}.{i}", "maxpool", 2, 2))
        i += 1
    return rows


def vgg_book_blocks(arch):
    """d2l's ``vgg_block`` per entry of ``conv_arch``, each an ``nn.Sequential`` of its own
    inside the network's: block b's layers are ``b.0``, ``b.1``, ..."""
    rows = []
    for block, (convs, out) in enumerate(arch):
        for j in range(convs):
            rows += [
                conv(f"{block}.{2 * j}", out, 3, padding=1),
                simple(f"{block}.{2 * j + 1}", "relu"),
            ]
        rows.append(pool(f"{block}.{2 * convs}", "maxpool", 2, 2))
    return rows


def vgg11_book():
    """d2l's ``vgg(conv_arch)``: 1 input channel (Fashion-MNIST), 224x224, 10 classes;
    ``nn.Sequential(*conv_blks, nn.Flatten(), ...)``: the blocks 0-4, then 5, 6, ..."""
    n = len(BOOK_VGG11_ARCH)
    return (
        vgg_book_blocks(BOOK_VGG11_ARCH)
        + [simple(str(n), "flatten")]
        + classifier(None, 512 * 7 * 7, 4096, 10, first=n + 1)
    )


def vgg16_torchvision():
    return (
        vgg_blocks(VGG16_ARCH)
        + [simple("avgpool", "adaptive_avgpool", out=7), simple("flatten", "flatten")]
        + classifier("classifier", 512 * 7 * 7, 4096, 1000)
    )


# --- NiN (d2l) ------------------------------------------------------------------------
def nin():
    rows = []

    def block(i, out, kernel, stride, padding):
        p = f"{i}"
        return [
            conv(f"{p}.0", out, kernel, stride, padding),
            simple(f"{p}.1", "relu"),
            conv(f"{p}.2", out, 1),
            simple(f"{p}.3", "relu"),
            conv(f"{p}.4", out, 1),
            simple(f"{p}.5", "relu"),
        ]

    rows += block(0, 96, 11, 4, 0) + [pool("1", "maxpool", 3, 2)]
    rows += block(2, 256, 5, 1, 2) + [pool("3", "maxpool", 3, 2)]
    rows += block(4, 384, 3, 1, 1) + [pool("5", "maxpool", 3, 2), simple("6", "dropout")]
    rows += block(7, 10, 3, 1, 1)
    return rows + [simple("8", "adaptive_avgpool", out=1), simple("9", "flatten")]


# --- GoogLeNet (d2l) ---------------------------------------------------------------------
def inception(name, source, c1, c2, c3, c4):
    """d2l's Inception block: four branches from ``source`` (attributes ``b1_1`` ...
    ``b4_2``, each convolution followed by a functional ReLU), concatenated."""
    return [
        conv(f"{name}.b1_1", c1, 1, **{"from": source}),
        simple(f"{name}.b1_1.relu", "relu"),
        conv(f"{name}.b2_1", c2[0], 1, **{"from": source}),
        simple(f"{name}.b2_1.relu", "relu"),
        conv(f"{name}.b2_2", c2[1], 3, padding=1),
        simple(f"{name}.b2_2.relu", "relu"),
        conv(f"{name}.b3_1", c3[0], 1, **{"from": source}),
        simple(f"{name}.b3_1.relu", "relu"),
        conv(f"{name}.b3_2", c3[1], 5, padding=2),
        simple(f"{name}.b3_2.relu", "relu"),
        pool(f"{name}.b4_1", "maxpool", 3, 1, 1, **{"from": source}),
        conv(f"{name}.b4_2", c4, 1),
        simple(f"{name}.b4_2.relu", "relu"),
        simple(
            name,
            "concat",
            **{
                "from": [
                    f"{name}.b1_1.relu",
                    f"{name}.b2_2.relu",
                    f"{name}.b3_2.relu",
                    f"{name}.b4_2.relu",
                ]
            },
        ),
    ]


def googlenet():
    rows = [
        conv("b1.0", 64, 7, 2, 3),
        simple("b1.1", "relu"),
        pool("b1.2", "maxpool", 3, 2, 1),
        conv("b2.0", 64, 1),
        simple("b2.1", "relu"),
        conv("b2.2", 192, 3, padding=1),
        simple("b2.3", "relu"),
        pool("b2.4", "maxpool", 3, 2, 1),
    ]
    stages = (
        ("b3", "b2.4", [(64, (96, 128), (16, 32), 32), (128, (128, 192), (32, 96), 64)]),
        (
            "b4",
            "b3.2",
            [
                (192, (96, 208), (16, 48), 64),
                (160, (112, 224), (24, 64), 64),
                (128, (128, 256), (24, 64), 64),
                (112, (144, 288), (32, 64), 64),
                (256, (160, 320), (32, 128), 128),
            ],
        ),
        ("b5", "b4.5", [(256, (160, 320), (32, 128), 128), (384, (192, 384), (48, 128), 128)]),
    )
    for stage, source, blocks in stages:
        for i, widths in enumerate(blocks):
            rows += inception(f"{stage}.{i}", source, *widths)
            source = f"{stage}.{i}"
        if stage != "b5":
            rows.append(pool(f"{stage}.{len(blocks)}", "maxpool", 3, 2, 1))
    return rows + [
        simple("b5.2", "adaptive_avgpool", out=1),
        simple("b5.3", "flatten"),
        linear("5", 10, 1024),  # nn.Sequential(b1, b2, b3, b4, b5, nn.Linear(1024, 10))[5]
    ]


# --- ResNet-18 (d2l) ---------------------------------------------------------------------
def residual(name, source, out, stride, shortcut):
    """d2l's ``Residual``: conv1-bn1-ReLU, conv2-bn2, plus the input (through ``conv3``, a
    1x1 convolution with the stride, when ``use_1x1conv``), then ReLU; the convolutions
    have biases, the ReLUs are functional (named after the layer they follow)."""
    rows = [
        conv(f"{name}.conv1", out, 3, stride, 1, **{"from": source}),
        simple(f"{name}.bn1", "batchnorm"),
        simple(f"{name}.bn1.relu", "relu"),
        conv(f"{name}.conv2", out, 3, padding=1),
        simple(f"{name}.bn2", "batchnorm"),
    ]
    identity = source
    if shortcut:
        rows.append(conv(f"{name}.conv3", out, 1, stride, **{"from": source}))
        identity = f"{name}.conv3"
    return rows + [
        simple(f"{name}.add", "add", **{"from": [f"{name}.bn2", identity]}),
        simple(f"{name}.relu", "relu"),
    ]


def resnet18_book():
    """d2l's ``ResNet18``: ``b1`` (7x7 convolution, batch norm, ReLU, max pool), then
    ``b2`` ... ``b5`` (the book's ``block``: two ``Residual`` each, the first of b3-b5
    halving the size through ``conv3``), then ``last`` (global average pool, flatten,
    linear), as the English edition's ``add_module`` names them."""
    rows = [
        conv("b1.0", 64, 7, 2, 3),
        simple("b1.1", "batchnorm"),
        simple("b1.2", "relu"),
        pool("b1.3", "maxpool", 3, 2, 1),
    ]
    source = "b1.3"
    for stage, out in zip(range(2, 6), (64, 128, 256, 512)):
        for i in range(2):
            first = i == 0 and stage > 2
            rows += residual(f"b{stage}.{i}", source, out, 2 if first else 1, first)
            source = f"b{stage}.{i}.relu"
    return rows + [
        simple("last.0", "adaptive_avgpool", out=1),
        simple("last.1", "flatten"),
        linear("last.2", 10, 512),
    ]


# --- ResNet (torchvision, v1.5) --------------------------------------------------------
def conv_bn(name, out, kernel, stride=1, padding=0, source=None, relu=True, bn="bn"):
    extra = {} if source is None else {"from": source}
    rows = [
        conv(name, out, kernel, stride, padding, bias=False, **extra),
        simple(name.replace("conv", bn), "batchnorm"),
    ]
    return rows + ([simple(f"{name}.relu", "relu")] if relu else [])


def basic_block(name, source, out, stride, downsample):
    rows = conv_bn(f"{name}.conv1", out, 3, stride, 1, source)
    rows += conv_bn(f"{name}.conv2", out, 3, 1, 1, relu=False)
    return rows + _shortcut(name, source, out, stride, downsample, f"{name}.bn2")


def bottleneck(name, source, out, stride, downsample):
    width = out // 4
    rows = conv_bn(f"{name}.conv1", width, 1, source=source)
    rows += conv_bn(f"{name}.conv2", width, 3, stride, 1)
    rows += conv_bn(f"{name}.conv3", out, 1, relu=False)
    return rows + _shortcut(name, source, out, stride, downsample, f"{name}.bn3")


def _shortcut(name, source, out, stride, downsample, main):
    rows, identity = [], source
    if downsample:
        rows = [
            conv(f"{name}.downsample.0", out, 1, stride, bias=False, **{"from": source}),
            simple(f"{name}.downsample.1", "batchnorm"),
        ]
        identity = f"{name}.downsample.1"
    return rows + [
        simple(f"{name}.add", "add", **{"from": [main, identity]}),
        simple(f"{name}.relu", "relu"),
    ]


def resnet(block, depths, expansion):
    rows = [
        conv("conv1", 64, 7, 2, 3, bias=False),
        simple("bn1", "batchnorm"),
        simple("relu", "relu"),
        pool("maxpool", "maxpool", 3, 2, 1),
    ]
    source, channels = "maxpool", 64
    for stage, (depth, planes) in enumerate(zip(depths, (64, 128, 256, 512)), start=1):
        out = planes * expansion
        for i in range(depth):
            stride = 2 if stage > 1 and i == 0 else 1
            name = f"layer{stage}.{i}"
            rows += block(name, source, out, stride, stride != 1 or channels != out)
            source, channels = f"{name}.relu", out
    return rows + [
        simple("avgpool", "adaptive_avgpool", out=1),
        simple("flatten", "flatten"),
        linear("fc", 1000, 512 * expansion),
    ]


def resnet18():
    return resnet(basic_block, (2, 2, 2, 2), 1)


def resnet50():
    return resnet(bottleneck, (3, 4, 6, 3), 4)


# --- the registry ----------------------------------------------------------------------
MODELS = {
    m.name: m
    for m in (
        Model(
            "lenet",
            "LeNet",
            "d2l LeNet: 1x28x28, sigmoid, average pooling, 10 classes",
            (1, 28, 28),
            lenet,
        ),
        Model(
            "alexnet",
            "AlexNet",
            "torchvision alexnet: 3x224x224, 1000 classes",
            (3, 224, 224),
            alexnet_torchvision,
        ),
        Model(
            "alexnet-book",
            "AlexNet (book)",
            "d2l AlexNet: 1x224x224, 10 classes",
            (1, 224, 224),
            alexnet_book,
        ),
        Model(
            "vgg11",
            "VGG-11 (book)",
            "d2l vgg(conv_arch=((1,64),(1,128),(2,256),(2,512),(2,512))): 1x224x224, 10 classes",
            (1, 224, 224),
            vgg11_book,
        ),
        Model(
            "vgg16",
            "VGG-16",
            "torchvision vgg16: 3x224x224, 1000 classes",
            (3, 224, 224),
            vgg16_torchvision,
        ),
        Model("nin", "NiN", "d2l NiN: 1x224x224, 10 classes", (1, 224, 224), nin),
        Model(
            "googlenet",
            "GoogLeNet (book)",
            "d2l GoogLeNet: 1x224x224 (the book trains at 96x96), 10 classes",
            (1, 224, 224),
            googlenet,
        ),
        Model(
            "resnet18-book",
            "ResNet-18 (book)",
            "d2l ResNet18: 1x224x224 (the book trains at 96x96), 10 classes",
            (1, 224, 224),
            resnet18_book,
        ),
        Model(
            "resnet18",
            "ResNet-18",
            "torchvision resnet18: 3x224x224, 1000 classes",
            (3, 224, 224),
            resnet18,
        ),
        Model(
            "resnet50",
            "ResNet-50",
            "torchvision resnet50 (v1.5): 3x224x224, 1000 classes",
            (3, 224, 224),
            resnet50,
        ),
    )
}


def get_model(name: str) -> Model:
    try:
        return MODELS[name]
    except KeyError:
        raise DerivationError(
            key="network.unknown_network", value=repr(name), known=", ".join(MODELS)
        ) from None
