"""The book's networks are named as d2l's (PyTorch) code names their layers.

Oracle: the book's model code, written out here in plain PyTorch as d2l defines it
(``nn.Sequential`` nesting, ``vgg_block``, ``nin_block``, GoogLeNet's blocks ``b1`` ...
``b5`` and its ``Inception`` attributes of the English edition), read by ``from_torch``:
every module's path must be a row of the built-in table with the same counts, in the
same order.  GoogLeNet's top-level indices 0-4 are the book's variables ``b1`` ... ``b5``.
"""

import pytest

from derivations.networks import model_network, tabulate


@pytest.fixture(scope="module")
def nn(torch):
    return torch.nn


def lenet(nn):
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10),
    )  # fmt: skip


def alexnet(nn):
    return nn.Sequential(
        nn.Conv2d(1, 96, kernel_size=11, stride=4, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(96, 256, kernel_size=5, padding=2), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(256, 384, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2), nn.Flatten(),
        nn.Linear(6400, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Linear(4096, 10),
    )  # fmt: skip


def vgg(nn, conv_arch=((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))):
    def vgg_block(num_convs, in_channels, out_channels):
        layers = []
        for _ in range(num_convs):
            layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
            layers.append(nn.ReLU())
            in_channels = out_channels
        layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
        return nn.Sequential(*layers)

    conv_blks, in_channels = [], 1
    for num_convs, out_channels in conv_arch:
        conv_blks.append(vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(
        *conv_blks, nn.Flatten(),
        nn.Linear(out_channels * 7 * 7, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 10),
    )  # fmt: skip


def nin(nn):
    def nin_block(in_channels, out_channels, kernel_size, strides, padding):
        return nn.Sequential(
            nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU(),
            nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
            nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
        )  # fmt: skip

    return nn.Sequential(
        nin_block(1, 96, kernel_size=11, strides=4, padding=0),
        nn.MaxPool2d(3, stride=2),
        nin_block(96, 256, kernel_size=5, strides=1, padding=2),
        nn.MaxPool2d(3, stride=2),
        nin_block(256, 384, kernel_size=3, strides=1, padding=1),
        nn.MaxPool2d(3, stride=2),
        nn.Dropout(0.5),
        nin_block(384, 10, kernel_size=3, strides=1, padding=1),
        nn.AdaptiveAvgPool2d((1, 1)),
        nn.Flatten(),
    )


def googlenet(nn):
    import torch
    import torch.nn.functional as F

    class Inception(nn.Module):
        def __init__(self, in_channels, c1, c2, c3, c4):
            super().__init__()
            self.b1_1 = nn.Conv2d(in_channels, c1, kernel_size=1)
            self.b2_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
            self.b2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
            self.b3_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
            self.b3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
            self.b4_1 = nn.MaxPool2d(kernel_size=3, stride=1, padding=1)
            self.b4_2 = nn.Conv2d(in_channels, c4, kernel_size=1)

        def forward(self, x):
            b1 = F.relu(self.b1_1(x))
            b2 = F.relu(self.b2_2(F.relu(self.b2_1(x))))
            b3 = F.relu(self.b3_2(F.relu(self.b3_1(x))))
            b4 = F.relu(self.b4_2(self.b4_1(x)))
            return torch.cat((b1, b2, b3, b4), dim=1)

    b1 = nn.Sequential(
        nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    )  # fmt: skip
    b2 = nn.Sequential(
        nn.Conv2d(64, 64, kernel_size=1), nn.ReLU(),
        nn.Conv2d(64, 192, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    )  # fmt: skip
    b3 = nn.Sequential(
        Inception(192, 64, (96, 128), (16, 32), 32),
        Inception(256, 128, (128, 192), (32, 96), 64),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    )
    b4 = nn.Sequential(
        Inception(480, 192, (96, 208), (16, 48), 64),
        Inception(512, 160, (112, 224), (24, 64), 64),
        Inception(512, 128, (128, 256), (24, 64), 64),
        Inception(512, 112, (144, 288), (32, 64), 64),
        Inception(528, 256, (160, 320), (32, 128), 128),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    )
    b5 = nn.Sequential(
        Inception(832, 256, (160, 320), (32, 128), 128),
        Inception(832, 384, (192, 384), (48, 128), 128),
        nn.AdaptiveAvgPool2d((1, 1)),
        nn.Flatten(),
    )
    return nn.Sequential(b1, b2, b3, b4, b5, nn.Linear(1024, 10))


def resnet18(nn):
    import torch.nn.functional as F

    class Residual(nn.Module):
        def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
            super().__init__()
            self.conv1 = nn.Conv2d(
                input_channels, num_channels, kernel_size=3, padding=1, stride=strides
            )
            self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
            if use_1x1conv:
                self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=strides)
            else:
                self.conv3 = None
            self.bn1 = nn.BatchNorm2d(num_channels)
            self.bn2 = nn.BatchNorm2d(num_channels)

        def forward(self, X):
            Y = F.relu(self.bn1(self.conv1(X)))
            Y = self.bn2(self.conv2(Y))
            if self.conv3:
                X = self.conv3(X)
            Y += X
            return F.relu(Y)

    def block(input_channels, num_channels, num_residuals, first_block=False):
        blk = []
        for i in range(num_residuals):
            if i == 0 and not first_block:
                blk.append(Residual(input_channels, num_channels, use_1x1conv=True, strides=2))
            else:
                blk.append(Residual(num_channels, num_channels))
        return nn.Sequential(*blk)

    net = nn.Sequential(
        nn.Sequential(
            nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3), nn.BatchNorm2d(64), nn.ReLU(),
            nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
        )
    )  # fmt: skip
    for i, (c_in, c_out) in enumerate(((64, 64), (64, 128), (128, 256), (256, 512))):
        net.add_module(f"b{i + 2}", block(c_in, c_out, 2, first_block=(i == 0)))
    net.add_module(
        "last", nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(512, 10))
    )
    return net


BOOK = {
    "lenet": lenet,
    "alexnet-book": alexnet,
    "vgg11": vgg,
    "nin": nin,
    "googlenet": googlenet,
    "resnet18-book": resnet18,
}


def _book_name(model: str, path: str) -> str:
    """The built-in row's name for the module at ``path`` of the book's code: the same,
    but for the blocks' variables b1 ... b5 (GoogLeNet's top-level 0-4, ResNet's 0)."""
    head, _, rest = path.partition(".")
    if model == "googlenet" and rest:
        return f"b{int(head) + 1}.{rest}"  # b1 ... b5; the Linear is 5
    if model == "resnet18-book" and head == "0":
        return f"b1.{rest}"  # the English edition's net.0 = self.b1(); b2 ... b5, last named
    return path


@pytest.mark.parametrize("model", BOOK)
def test_book_layers_named_as_in_the_book_code(nn, model):
    import torch

    from derivations.networks.torch import from_torch

    built = tabulate(model_network(model))
    with torch.device("meta"):
        module = BOOK[model](nn)
    read = from_torch(module, built.input_shape[1:])
    paths = {  # a Flatten is a view: PyTorch executes nothing, so no row
        name
        for name, m in module.named_modules()
        if name and not list(m.children()) and not isinstance(m, nn.Flatten)
    }
    ours = {r.name: r for r in built.rows}
    columns = ("kind", "output_shape", "params", "macs", "mults", "adds", "other", "saved")
    matched = []
    for row in read.rows:
        if row.name in paths:
            name = _book_name(model, row.name)
            assert name in ours, f"{model}: the book's {row.name} is not a row ({name})"
            assert [getattr(ours[name], c) for c in columns] == [getattr(row, c) for c in columns]
            matched.append(name)
    assert len(matched) == len(paths)
    order = [r.name for r in built.rows if r.name in set(matched)]
    assert order == matched  # in the book's order


@pytest.mark.parametrize("model", BOOK)
def test_forked_gradients_of_the_book_models(nn, model):
    """GoogLeNet's Inception sources feed four branches: autograd sums 4 gradients
    there, as its own backward graph on the book's code says; the chains sum none."""
    import torch

    from tests.networks.test_torch_read import _summed_gradients

    built = tabulate(model_network(model))
    with torch.device("meta"):
        module = BOOK[model](nn)
    module.train()
    output = module(torch.empty(1, *built.input_shape[1:], device="meta"))
    ours = sum(r.backward.output.adds for r in built.rows if r.backward and r.backward.output)
    assert ours == _summed_gradients(torch, output)
    assert (ours > 0) == (model in ("googlenet", "resnet18-book"))
